//! Themed calls for practices with deadlines (`/{lang}/practices/calls`, `/api/v1/calls`,
//! `/data/calls.{csv,json}`). The secretariat opens, edits and closes calls; everyone sees what
//! a call seeks, its deadline and how many published practices answer it.
//!
//! The submission form asks `gcm_store::calls::open_for_submission` before attaching a practice
//! to a call; [`call_error`] turns its refusal into the right HTTP error.

use askama::Template;
use axum::extract::{Path, Query, RawForm, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use gcm_core::accounts::{Action, allows};
use gcm_core::practices::Theme;
use gcm_store::calls::{
    self, Answer, Answers, Call, CallError, CallInput, CallStatus, format_date, parse_date,
};
use serde::{Deserialize, Serialize};
use time::Date;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::Auth;
use crate::compact_view::objective_title;
use crate::error::{AppError, AppResult, ErrorEnvelope};
use crate::i18n::{Arg, Lang, Tr};
use crate::pages::{Area, Chrome};
use crate::routes::forms::{page_with_status, see_other};
use crate::routes::opendata::{csv_response, to_csv};
use crate::routes::shell::PageLang;

/// The HTML pages and downloads.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/practices/calls", get(list_page).post(create))
        .route("/{lang}/practices/calls/new", get(new_form))
        .route("/{lang}/practices/calls/{id}", get(show))
        .route(
            "/{lang}/practices/calls/{id}/edit",
            get(edit_form).post(edit),
        )
        .route("/{lang}/practices/calls/{id}/close", post(close))
        .route("/data/calls.csv", get(data_csv))
        .route("/data/calls.json", get(data_json))
}

/// The `/api/v1` routes with their documentation.
pub fn api(r: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    r.routes(routes!(api_list, api_create))
        .routes(routes!(api_get))
}

/// The HTTP error for a call that cannot take a submission (or does not exist): 404 for an
/// unknown call, 409 with the reason otherwise. For the submission form and API.
pub fn call_error(e: CallError) -> AppError {
    match e {
        CallError::Unknown => AppError::new(StatusCode::NOT_FOUND, "call_unknown"),
        CallError::NotYetOpen { opens_on } => {
            AppError::new(StatusCode::CONFLICT, "call_not_yet_open").with_arg("date", opens_on)
        }
        CallError::PastDeadline { deadline } => {
            AppError::new(StatusCode::CONFLICT, "call_past_deadline").with_arg("date", deadline)
        }
        CallError::Closed { .. } => AppError::new(StatusCode::CONFLICT, "call_closed"),
        CallError::Invalid(field) => unprocessable(field),
        CallError::Tag(_) => unprocessable("objectives"),
        CallError::Db(e) => AppError::internal(e),
    }
}

/// 422 naming the field, as the API answers bad input.
fn unprocessable(field: &str) -> AppError {
    AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_parameter")
        .with_arg("name", field)
        .with_details(serde_json::json!({ "field": field }))
}

fn may_manage(auth: &Auth) -> bool {
    allows(
        auth.signed_in.as_ref().map(|s| &s.principal),
        &Action::ManageCalls,
    )
}

/// A date as people read it in `lang` ("31 March 2027"); the ISO form if it does not parse.
pub fn date_label(tr: &Tr, iso: &str) -> String {
    match parse_date(iso) {
        Some(d) => tr.t_with(
            "calls-date",
            &[
                ("day", Arg::Num(i64::from(d.day()))),
                (
                    "month",
                    Arg::Str(tr.t(&format!("calls-month-{}", u8::from(d.month())))),
                ),
                ("year", Arg::Num(i64::from(d.year()))),
            ],
        ),
        None => iso.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Pages

/// A call as the pages show it.
pub struct CallView {
    pub id: String,
    pub title: String,
    pub title_lang: String,
    pub description: String,
    pub description_lang: String,
    pub theme: Option<String>,
    pub objectives: Vec<(u8, String)>,
    pub opens_on: String,
    pub opens_on_label: String,
    pub deadline: String,
    pub deadline_label: String,
    pub status: &'static str,
    pub status_label: String,
    pub is_open: bool,
    pub days_left: Option<String>,
    pub answered: String,
    /// Counts by stage, for the secretariat.
    pub answered_all: Option<String>,
}

fn view(
    state: &AppState,
    lang: Lang,
    c: &Call,
    answers: Answers,
    today: Date,
    privileged: bool,
) -> CallView {
    let tr = Tr::new(lang);
    let status = c.status(today);
    let text = |field: &str| {
        c.text(field, lang.code())
            .map(|t| (t.text.clone(), t.lang.clone()))
            .unwrap_or_else(|| (String::new(), lang.code().to_string()))
    };
    let (title, title_lang) = text("title");
    let (description, description_lang) = text("description");
    CallView {
        id: c.id.clone(),
        title,
        title_lang,
        description,
        description_lang,
        theme: c.theme.as_ref().map(|t| tr.t(&format!("theme-{t}"))),
        objectives: c
            .objectives
            .iter()
            .map(|&n| (n, objective_title(&state.compact, n, lang)))
            .collect(),
        opens_on_label: date_label(&tr, &c.opens_on),
        opens_on: c.opens_on.clone(),
        deadline_label: date_label(&tr, &c.deadline),
        deadline: c.deadline.clone(),
        status: status.as_str(),
        status_label: tr.t(&format!("calls-status-{}", status.as_str())),
        is_open: status == CallStatus::Open,
        days_left: (status == CallStatus::Open)
            .then(|| tr.tn("calls-days-left", "days", c.days_left(today))),
        answered: tr.tn("calls-answered", "count", answers.published),
        answered_all: privileged.then(|| {
            tr.t_with(
                "calls-answered-all",
                &[
                    ("submitted", Arg::Num(answers.submitted)),
                    ("published", Arg::Num(answers.published)),
                    ("drafts", Arg::Num(answers.drafts)),
                ],
            )
        }),
    }
}

#[derive(Template)]
#[template(path = "calls.html")]
pub struct CallsPage {
    pub c: Chrome,
    pub open: Vec<CallView>,
    pub upcoming: Vec<CallView>,
    pub past: Vec<CallView>,
    pub can_manage: bool,
}

/// `GET /{lang}/practices/calls`
pub async fn list_page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
) -> AppResult<Response> {
    let today = calls::today();
    let can_manage = may_manage(&auth);
    let all = calls::list(&state.db, today).await?;
    let answers = calls::answers_by_call(&state.db).await?;
    let (mut open, mut upcoming, mut past) = (Vec::new(), Vec::new(), Vec::new());
    for c in &all {
        let a = answers.get(&c.id).copied().unwrap_or_default();
        let v = view(&state, lang, c, a, today, can_manage);
        match c.status(today) {
            CallStatus::Open => open.push(v),
            CallStatus::Upcoming => upcoming.push(v),
            CallStatus::Closed | CallStatus::Past => past.push(v),
        }
    }
    Ok(page_with_status(
        StatusCode::OK,
        &CallsPage {
            c: Chrome::new(
                &state,
                &auth,
                lang,
                "/practices/calls",
                Some(Area::Practices),
            ),
            open,
            upcoming,
            past,
            can_manage,
        },
    ))
}

#[derive(Template)]
#[template(path = "call.html")]
pub struct CallPage {
    pub c: Chrome,
    pub call: CallView,
    pub answers: Vec<Answer>,
    pub can_manage: bool,
}

/// `GET /{lang}/practices/calls/{id}`
pub async fn show(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let call = calls::get(&state.db, &id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let today = calls::today();
    let can_manage = may_manage(&auth);
    let answers = calls::answers(&state.db, &id).await?;
    let published = calls::published_answers(&state.db, &id, lang.code()).await?;
    Ok(page_with_status(
        StatusCode::OK,
        &CallPage {
            c: Chrome::new(
                &state,
                &auth,
                lang,
                &format!("/practices/calls/{id}"),
                Some(Area::Practices),
            ),
            call: view(&state, lang, &call, answers, today, can_manage),
            answers: published,
            can_manage,
        },
    ))
}

/// What the call form (and the API) sends. Every field may be missing, so that a bad request
/// gets a 422 naming the field rather than a generic rejection.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
pub struct CallForm {
    /// Required, at most 300 characters.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Language of title and description: `en`, `fr`, `es`, `nb` or `nl`.
    #[serde(default)]
    pub lang: String,
    /// A cross-cutting theme (e.g. `climate_and_disasters`), or empty for any.
    #[serde(default)]
    pub theme: String,
    /// Objectives sought, 1 to 23 (at least one).
    #[serde(default)]
    pub objectives: Vec<i64>,
    /// `YYYY-MM-DD`; today (UTC) when empty.
    #[serde(default)]
    pub opens_on: String,
    /// `YYYY-MM-DD`, the last day submissions are taken; not before `opens_on`.
    #[serde(default)]
    pub deadline: String,
}

impl CallForm {
    fn from_form(body: &[u8]) -> CallForm {
        let mut f = CallForm::default();
        for (k, v) in url::form_urlencoded::parse(body) {
            let v = v.into_owned();
            match k.as_ref() {
                "title" => f.title = v,
                "description" => f.description = v,
                "lang" => f.lang = v,
                "theme" => f.theme = v,
                // Anything that is not a number is kept as 0, which validation refuses.
                "objective" => f.objectives.push(v.trim().parse().unwrap_or(0)),
                "opens_on" => f.opens_on = v,
                "deadline" => f.deadline = v,
                _ => {}
            }
        }
        f
    }

    fn of(c: &Call) -> CallForm {
        let text = |field: &str| {
            c.text(field, &c.original_lang)
                .map(|t| t.text.clone())
                .unwrap_or_default()
        };
        CallForm {
            title: text("title"),
            description: text("description"),
            lang: c.original_lang.clone(),
            theme: c.theme.clone().unwrap_or_default(),
            objectives: c.objectives.iter().map(|&n| i64::from(n)).collect(),
            opens_on: c.opens_on.clone(),
            deadline: c.deadline.clone(),
        }
    }

    /// Checks every field; `Err` is (message id, field).
    fn validate(&self, today: Date) -> Result<CallInput, (&'static str, &'static str)> {
        let title = self.title.trim();
        if title.is_empty() || title.chars().count() > calls::TITLE_MAX {
            return Err(("calls-error-title", "title"));
        }
        if self.description.trim().chars().count() > calls::DESCRIPTION_MAX {
            return Err(("calls-error-description", "description"));
        }
        let lang = Lang::from_code(self.lang.trim()).ok_or(("calls-error-lang", "lang"))?;
        let theme = match self.theme.trim() {
            "" => None,
            t => Some(Theme::parse(t).ok_or(("calls-error-theme", "theme"))?),
        };
        let objectives: Vec<u8> = self
            .objectives
            .iter()
            .map(|&n| u8::try_from(n).ok().filter(|n| (1..=23).contains(n)))
            .collect::<Option<Vec<u8>>>()
            .filter(|v| !v.is_empty())
            .ok_or(("calls-error-objectives", "objectives"))?;
        let opens_on = match self.opens_on.trim() {
            "" => today,
            s => parse_date(s).ok_or(("calls-error-opens-on", "opens_on"))?,
        };
        let deadline = parse_date(&self.deadline).ok_or(("calls-error-deadline", "deadline"))?;
        if deadline < opens_on {
            return Err(("calls-error-deadline-order", "deadline"));
        }
        let input = CallInput {
            title: title.to_string(),
            description: self.description.trim().to_string(),
            lang: lang.code().to_string(),
            theme,
            objectives,
            opens_on,
            deadline,
        };
        // The store's own rules; the checks above already cover them.
        input.check().map_err(|_| ("calls-error-title", "title"))?;
        Ok(input)
    }
}

/// A form's error: the message and the field it is about (for the link to it).
pub struct FormError {
    pub message: String,
    pub field: &'static str,
}

#[derive(Template)]
#[template(path = "call_form.html")]
pub struct CallFormPage {
    pub c: Chrome,
    pub heading: String,
    pub action: String,
    pub error: Option<FormError>,
    /// The field the error is about ("" without an error).
    pub bad: &'static str,
    pub f: CallForm,
    pub langs: Vec<(String, String)>,
    pub themes: Vec<(String, String)>,
    pub objectives: Vec<(u8, String, bool)>,
}

fn form_page(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    id: Option<&str>,
    f: CallForm,
    error: Option<FormError>,
) -> CallFormPage {
    let tr = Tr::new(lang);
    let (rest, heading, action) = match id {
        Some(id) => (
            format!("/practices/calls/{id}/edit"),
            tr.t("calls-edit-title"),
            format!("/{}/practices/calls/{id}/edit", lang.code()),
        ),
        None => (
            "/practices/calls/new".to_string(),
            tr.t("calls-new-title"),
            format!("/{}/practices/calls", lang.code()),
        ),
    };
    CallFormPage {
        c: Chrome::new(state, auth, lang, &rest, Some(Area::Practices)),
        heading,
        action,
        bad: error.as_ref().map(|e| e.field).unwrap_or(""),
        error,
        langs: Lang::ALL
            .iter()
            .map(|l| (l.code().to_string(), l.endonym()))
            .collect(),
        themes: Theme::ALL
            .iter()
            .map(|t| {
                (
                    t.as_str().to_string(),
                    tr.t(&format!("theme-{}", t.as_str())),
                )
            })
            .collect(),
        objectives: (1..=23u8)
            .map(|n| {
                (
                    n,
                    objective_title(&state.compact, n, lang),
                    f.objectives.contains(&i64::from(n)),
                )
            })
            .collect(),
        f,
    }
}

fn invalid_form(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    id: Option<&str>,
    f: CallForm,
    (msg, field): (&'static str, &'static str),
) -> Response {
    let error = FormError {
        message: Tr::new(lang).t(msg),
        field,
    };
    page_with_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &form_page(state, auth, lang, id, f, Some(error)),
    )
}

/// `GET /{lang}/practices/calls/new`
pub async fn new_form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
) -> AppResult<Response> {
    auth.require_user(&Action::ManageCalls)?;
    let f = CallForm {
        lang: lang.code().to_string(),
        opens_on: format_date(calls::today()),
        ..CallForm::default()
    };
    Ok(page_with_status(
        StatusCode::OK,
        &form_page(&state, &auth, lang, None, f, None),
    ))
}

/// `POST /{lang}/practices/calls`
pub async fn create(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::ManageCalls)?;
    let f = CallForm::from_form(&body);
    match f.validate(calls::today()) {
        Ok(input) => {
            let id = calls::create(
                &state.db,
                &state.compact,
                &auth.actor(),
                &me.user.id,
                &input,
            )
            .await
            .map_err(call_error)?;
            Ok(see_other(&format!("/{}/practices/calls/{id}", lang.code())))
        }
        Err(e) => Ok(invalid_form(&state, &auth, lang, None, f, e)),
    }
}

/// `GET /{lang}/practices/calls/{id}/edit`
pub async fn edit_form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    auth.require_user(&Action::ManageCalls)?;
    let call = calls::get(&state.db, &id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(page_with_status(
        StatusCode::OK,
        &form_page(&state, &auth, lang, Some(&id), CallForm::of(&call), None),
    ))
}

/// `POST /{lang}/practices/calls/{id}/edit`
pub async fn edit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    auth.require_user(&Action::ManageCalls)?;
    let f = CallForm::from_form(&body);
    match f.validate(calls::today()) {
        Ok(input) => {
            calls::update(&state.db, &state.compact, &auth.actor(), &id, &input)
                .await
                .map_err(|e| match e {
                    CallError::Unknown => AppError::not_found(),
                    e => call_error(e),
                })?;
            Ok(see_other(&format!("/{}/practices/calls/{id}", lang.code())))
        }
        Err(e) => {
            if calls::get(&state.db, &id).await?.is_none() {
                return Err(AppError::not_found());
            }
            Ok(invalid_form(&state, &auth, lang, Some(&id), f, e))
        }
    }
}

/// `POST /{lang}/practices/calls/{id}/close`
pub async fn close(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    auth.require_user(&Action::ManageCalls)?;
    calls::close(&state.db, &auth.actor(), &id)
        .await
        .map_err(|e| match e {
            CallError::Unknown => AppError::not_found(),
            e => call_error(e),
        })?;
    Ok(see_other(&format!("/{}/practices/calls/{id}", lang.code())))
}

// ---------------------------------------------------------------------------------------------
// API and open data

/// A call for practices.
#[derive(Serialize, ToSchema)]
pub struct CallOut {
    pub id: String,
    /// Title in the language asked for (`?lang=`), else in the language it was written in.
    pub title: String,
    pub description: String,
    /// The language `title` and `description` are in.
    pub text_lang: String,
    /// The language the call was written in.
    pub original_lang: String,
    /// A cross-cutting theme, or null for any.
    pub theme: Option<String>,
    /// Objectives sought (1 to 23).
    pub objectives: Vec<u8>,
    /// `YYYY-MM-DD`.
    pub opens_on: String,
    /// `YYYY-MM-DD`: open through the end of this day, UTC.
    pub deadline: String,
    /// `upcoming`, `open`, `closed` (closed early) or `past` (deadline passed), as of today UTC.
    pub status: String,
    /// Days until the deadline while open (0 on the last day).
    pub days_left: Option<i64>,
    /// When the secretariat closed it early (RFC 3339).
    pub closed_at: Option<String>,
    /// Published practices answering the call.
    pub answered: i64,
    /// Practices submitted (or further) to the call: only for the secretariat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted: Option<i64>,
    /// Drafts naming the call: only for the secretariat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub drafts: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

impl CallOut {
    fn new(c: &Call, lang: Option<Lang>, answers: Answers, today: Date, privileged: bool) -> Self {
        let text_lang = lang.map(Lang::code).unwrap_or(c.original_lang.as_str());
        let title = c.text("title", text_lang);
        let description = c.text("description", text_lang);
        let status = c.status(today);
        CallOut {
            id: c.id.clone(),
            title: title.map(|t| t.text.clone()).unwrap_or_default(),
            description: description.map(|t| t.text.clone()).unwrap_or_default(),
            text_lang: title
                .map(|t| t.lang.clone())
                .unwrap_or_else(|| c.original_lang.clone()),
            original_lang: c.original_lang.clone(),
            theme: c.theme.clone(),
            objectives: c.objectives.clone(),
            opens_on: c.opens_on.clone(),
            deadline: c.deadline.clone(),
            status: status.as_str().to_string(),
            days_left: (status == CallStatus::Open).then(|| c.days_left(today)),
            closed_at: c.closed_at.clone(),
            answered: answers.published,
            submitted: privileged.then_some(answers.submitted),
            drafts: privileged.then_some(answers.drafts),
            created_at: c.created_at.clone(),
            updated_at: c.updated_at.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CallList {
    pub items: Vec<CallOut>,
    pub total: i64,
    pub next: Option<String>,
}

#[derive(Deserialize, Default, IntoParams)]
pub struct CallQuery {
    /// `true`: only calls open today; `false`: only those that are not.
    #[serde(default)]
    pub open: String,
    /// Language of the texts (`en`, `fr`, `es`, `nb`, `nl`); the call's own when absent.
    #[serde(default)]
    pub lang: String,
}

impl CallQuery {
    fn lang(&self) -> AppResult<Option<Lang>> {
        match self.lang.trim() {
            "" => Ok(None),
            l => Lang::from_code(l)
                .map(Some)
                .ok_or_else(|| AppError::invalid_parameter("lang")),
        }
    }

    fn open(&self) -> AppResult<Option<bool>> {
        match self.open.trim() {
            "" => Ok(None),
            "true" => Ok(Some(true)),
            "false" => Ok(Some(false)),
            _ => Err(AppError::invalid_parameter("open")),
        }
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/calls",
    tag = "practices",
    params(CallQuery),
    responses(
        (status = 200, description = "Calls for practices: open ones first (nearest deadline first), then upcoming, then past and closed ones", body = CallList),
        (status = 400, description = "A parameter is not valid", body = ErrorEnvelope),
    )
)]
pub async fn api_list(
    State(state): State<AppState>,
    auth: Auth,
    Query(q): Query<CallQuery>,
) -> AppResult<Json<CallList>> {
    let lang = q.lang()?;
    let open = q.open()?;
    let today = calls::today();
    let privileged = may_manage(&auth);
    let answers = calls::answers_by_call(&state.db).await?;
    let items: Vec<CallOut> = calls::list(&state.db, today)
        .await?
        .iter()
        .filter(|c| open.is_none_or(|o| (c.status(today) == CallStatus::Open) == o))
        .map(|c| {
            let a = answers.get(&c.id).copied().unwrap_or_default();
            CallOut::new(c, lang, a, today, privileged)
        })
        .collect();
    Ok(Json(CallList {
        total: i64::try_from(items.len()).unwrap_or(i64::MAX),
        items,
        next: None,
    }))
}

#[derive(Deserialize, Default, IntoParams)]
pub struct LangQuery {
    /// Language of the texts (`en`, `fr`, `es`, `nb`, `nl`); the call's own when absent.
    #[serde(default)]
    pub lang: String,
}

#[utoipa::path(
    get,
    path = "/api/v1/calls/{id}",
    tag = "practices",
    params(("id" = String, Path, description = "The call's id"), LangQuery),
    responses(
        (status = 200, description = "One call for practices", body = CallOut),
        (status = 400, description = "A parameter is not valid", body = ErrorEnvelope),
        (status = 404, description = "No such call", body = ErrorEnvelope),
    )
)]
pub async fn api_get(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Query(q): Query<LangQuery>,
) -> AppResult<Json<CallOut>> {
    let lang = CallQuery {
        lang: q.lang,
        ..CallQuery::default()
    }
    .lang()?;
    let call = calls::get(&state.db, &id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let answers = calls::answers(&state.db, &id).await?;
    Ok(Json(CallOut::new(
        &call,
        lang,
        answers,
        calls::today(),
        may_manage(&auth),
    )))
}

#[utoipa::path(
    post,
    path = "/api/v1/calls",
    tag = "practices",
    security(("bearer" = [])),
    request_body = CallForm,
    responses(
        (status = 201, description = "The call, opened", body = CallOut),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not the Network secretariat or an administrator", body = ErrorEnvelope),
        (status = 422, description = "A field is not valid (`details.field` names it)", body = ErrorEnvelope),
    )
)]
pub async fn api_create(
    State(state): State<AppState>,
    auth: Auth,
    Json(f): Json<CallForm>,
) -> AppResult<(StatusCode, Json<CallOut>)> {
    let me = auth.require_user(&Action::ManageCalls)?;
    let input = f
        .validate(calls::today())
        .map_err(|(_, field)| unprocessable(field))?;
    let id = calls::create(
        &state.db,
        &state.compact,
        &auth.actor(),
        &me.user.id,
        &input,
    )
    .await
    .map_err(call_error)?;
    let call = calls::get(&state.db, &id)
        .await?
        .ok_or_else(|| AppError::internal("a call just created is missing"))?;
    Ok((
        StatusCode::CREATED,
        Json(CallOut::new(
            &call,
            None,
            Answers::default(),
            calls::today(),
            true,
        )),
    ))
}

/// Columns of `/data/calls.csv`, in order (docs/DATA.md documents each).
pub const CSV_COLUMNS: [&str; 13] = [
    "id",
    "lang",
    "title",
    "description",
    "original_lang",
    "theme",
    "objectives",
    "opens_on",
    "deadline",
    "status",
    "closed_at",
    "answered",
    "created_at",
];

/// Every call with its public fields (never who created it, nor unpublished answers).
async fn public_calls(state: &AppState) -> AppResult<(Vec<Call>, Vec<CallOut>)> {
    let today = calls::today();
    let all = calls::list(&state.db, today).await?;
    let answers = calls::answers_by_call(&state.db).await?;
    let out = all
        .iter()
        .map(|c| {
            let a = answers.get(&c.id).copied().unwrap_or_default();
            CallOut::new(c, None, a, today, false)
        })
        .collect();
    Ok((all, out))
}

/// `GET /data/calls.json`
pub async fn data_json(State(state): State<AppState>) -> AppResult<Json<Vec<CallOut>>> {
    Ok(Json(public_calls(&state).await?.1))
}

/// `GET /data/calls.csv`: one row per call and language of its texts (long format).
pub async fn data_csv(State(state): State<AppState>) -> AppResult<Response> {
    let (all, outs) = public_calls(&state).await?;
    let mut rows = Vec::new();
    for (c, o) in all.iter().zip(&outs) {
        let mut langs: Vec<&str> = c.texts.iter().map(|t| t.lang.as_str()).collect();
        langs.sort_unstable();
        langs.dedup();
        for l in langs {
            let text = |field: &str| {
                c.texts
                    .iter()
                    .find(|t| t.field == field && t.lang == l)
                    .map(|t| t.text.clone())
                    .unwrap_or_default()
            };
            rows.push([
                c.id.clone(),
                l.to_string(),
                text("title"),
                text("description"),
                c.original_lang.clone(),
                c.theme.clone().unwrap_or_default(),
                c.objectives
                    .iter()
                    .map(u8::to_string)
                    .collect::<Vec<_>>()
                    .join(" "),
                c.opens_on.clone(),
                c.deadline.clone(),
                o.status.clone(),
                c.closed_at.clone().unwrap_or_default(),
                o.answered.to_string(),
                c.created_at.clone(),
            ]);
        }
    }
    let body = to_csv(CSV_COLUMNS, rows)?;
    Ok(csv_response("calls.csv", body).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_say_why_in_every_language() {
        let e = call_error(CallError::PastDeadline {
            deadline: "2027-03-31".into(),
        });
        assert_eq!(e.status, StatusCode::CONFLICT);
        assert_eq!(e.code, "call_past_deadline");
        for lang in Lang::ALL {
            let msg = e.message(lang);
            assert!(msg.contains("2027-03-31"), "{lang}: {msg}");
        }
        assert_eq!(call_error(CallError::Unknown).status, StatusCode::NOT_FOUND);
        let closed = call_error(CallError::Closed {
            closed_at: String::new(),
        });
        assert_eq!(
            closed.message(Lang::En),
            "This call for practices has been closed."
        );
    }

    #[test]
    fn dates_read_naturally() {
        let fr = Tr::new(Lang::Fr);
        assert_eq!(date_label(&fr, "2027-03-31"), "31 mars 2027");
        assert_eq!(date_label(&Tr::new(Lang::Nb), "2027-03-01"), "1. mars 2027");
        assert_eq!(date_label(&fr, "not a date"), "not a date");
    }

    #[test]
    fn the_form_names_the_faulty_field() {
        let today = parse_date("2027-01-15").unwrap_or(Date::MIN);
        let ok = CallForm {
            title: " Labour mobility ".into(),
            lang: "nl".into(),
            objectives: vec![6, 5],
            deadline: "2027-03-31".into(),
            ..CallForm::default()
        };
        let input = ok.validate(today).map_err(|e| e.1);
        assert_eq!(
            input.as_ref().map(|i| (i.title.as_str(), i.opens_on)),
            Ok(("Labour mobility", today))
        );
        let field = |f: CallForm| f.validate(today).err().map(|e| e.1);
        assert_eq!(
            field(CallForm {
                objectives: vec![-1],
                ..ok.clone()
            }),
            Some("objectives")
        );
        assert_eq!(
            field(CallForm {
                lang: "de".into(),
                ..ok.clone()
            }),
            Some("lang")
        );
        assert_eq!(
            field(CallForm {
                deadline: "2027-01-14".into(),
                ..ok.clone()
            }),
            Some("deadline")
        );
        assert_eq!(
            field(CallForm {
                opens_on: "tomorrow".into(),
                ..ok
            }),
            Some("opens_on")
        );
    }
}
