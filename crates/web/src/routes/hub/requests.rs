//! Support requests (`/{lang}/hub/requests`, `/api/v1/hub/requests`): drafting and submitting
//! (focal points and editors of the requesting organisation), the request's page with where it
//! stands, and its processing by the secretariat (steps, questions and answers, GCM para
//! 43(a)(i)). The form and the API share [`RequestFields`] and its checks.

use askama::Template;
use axum::extract::{Path, Query, RawForm, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use gcm_core::accounts::Action;
use gcm_core::hub::{PartnerRole, PartnerState, RequestStatus, SupportKind};
use gcm_store::hub_requests::{
    self, Counterpart, Event, HubError, ListFilter, RequestInput, Summary, SupportRequest,
    optional_date,
};
use gcm_store::hub_setup::{self, Milestone, Partner, RequestLink};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Access, access, day_of, hub_error, status_label, submitting_orgs};
use crate::AppState;
use crate::auth::Auth;
use crate::compact_view::objective_title;
use crate::error::{AppError, AppResult, ErrorEnvelope};
use crate::i18n::{Lang, Tr};
use crate::pages::{Area, Chrome};
use crate::routes::forms::{Pager, Paging, page_with_status, see_other};
use crate::routes::shell::PageLang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/hub/requests", get(list_page).post(create))
        .route("/{lang}/hub/requests/new", get(new_form))
        .route("/{lang}/hub/requests/{id}", get(show))
        .route("/{lang}/hub/requests/{id}/edit", get(edit_form).post(edit))
        .route("/{lang}/hub/requests/{id}/submit", post(submit))
        .route("/{lang}/hub/requests/{id}/step", post(step))
        .route("/{lang}/hub/requests/{id}/question", post(question))
        .route("/{lang}/hub/requests/{id}/answer", post(answer))
}

pub fn api(r: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    r.routes(routes!(api_list, api_create))
        .routes(routes!(api_get, api_update))
        .routes(routes!(api_submit))
        .routes(routes!(api_step))
        .routes(routes!(api_question))
        .routes(routes!(api_answer))
        .routes(routes!(api_similar))
}

// ---------------------------------------------------------------------------------------------
// The fields, from a form or JSON

/// A national counterpart: a ministry or agency and its part in the work.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct CounterpartIn {
    pub name: String,
    #[serde(default)]
    pub role: String,
}

/// What the requester writes. Every field may be missing, so a bad request gets a 422 naming
/// the field; a draft needs a title, country and language; submission needs a description,
/// an objective, a kind of support and (for a request not from a government) the endorsement.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct RequestFields {
    /// The requesting organisation (only when creating).
    #[serde(default)]
    pub org_id: String,
    /// Language of the texts: `en`, `fr`, `es`, `nb` or `nl`.
    #[serde(default)]
    pub lang: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// ISO 3166-1 alpha-3 (alpha-2 accepted) of the country the support is for.
    #[serde(default)]
    pub country: String,
    /// Objectives, 1 to 23.
    #[serde(default)]
    pub objectives: Vec<i64>,
    /// Actions, as references (`gcm:obj:20:c`).
    #[serde(default)]
    pub actions: Vec<String>,
    /// Guiding principles by slug (`human-rights`, `whole-of-government`…).
    #[serde(default)]
    pub principles: Vec<String>,
    /// `technical`, `financial`, `expertise`, `peer_exchange`.
    #[serde(default)]
    pub support: Vec<String>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub starts_on: String,
    #[serde(default)]
    pub ends_on: String,
    #[serde(default)]
    pub timeline: String,
    /// Budget estimate in whole US dollars.
    #[serde(default)]
    pub budget_usd: Option<i64>,
    /// Show the budget with the public part.
    #[serde(default)]
    pub budget_public: bool,
    /// Show the request's public part to everyone once submitted.
    #[serde(default)]
    pub is_public: bool,
    /// Languages the work can be done in.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Whole of government: ministries and agencies involved.
    #[serde(default)]
    pub counterparts: Vec<CounterpartIn>,
    /// Whole of society: stakeholders consulted.
    #[serde(default)]
    pub stakeholders_consulted: String,
    #[serde(default)]
    pub existing_initiatives: String,
    /// For a request not from a government: the endorsing government organisation.
    #[serde(default)]
    pub endorsed_by_org: String,
    #[serde(default)]
    pub endorsed_on: String,
    #[serde(default)]
    pub endorsement_note: String,
    /// A budget typed in a form that is not a whole number.
    #[serde(skip)]
    #[schema(ignore)]
    pub bad_budget: bool,
}

impl RequestFields {
    fn from_form(body: &[u8]) -> (RequestFields, String) {
        let mut f = RequestFields::default();
        let mut action = String::new();
        for (k, v) in url::form_urlencoded::parse(body) {
            let v = v.into_owned();
            match k.as_ref() {
                "org_id" => f.org_id = v,
                "lang" => f.lang = v,
                "title" => f.title = v,
                "description" => f.description = v,
                "country" => f.country = v,
                // Not a number: kept as 0, which the checks refuse.
                "objective" => f.objectives.push(v.trim().parse().unwrap_or(0)),
                "actions" => f.actions.extend(v.split_whitespace().map(str::to_string)),
                "principle" => f.principles.push(v),
                "support" => f.support.push(v),
                "starts_on" => f.starts_on = v,
                "ends_on" => f.ends_on = v,
                "timeline" => f.timeline = v,
                "budget_usd" => match v.trim() {
                    "" => f.budget_usd = None,
                    s => match s.replace([',', ' '], "").parse() {
                        Ok(n) => f.budget_usd = Some(n),
                        Err(_) => f.bad_budget = true,
                    },
                },
                "budget_public" => f.budget_public = v == "1",
                "is_public" => f.is_public = v == "1",
                "language" => f.languages.push(v),
                "counterparts" => {
                    for line in v.lines().map(str::trim).filter(|l| !l.is_empty()) {
                        let (name, role) = line.split_once(':').unwrap_or((line, ""));
                        f.counterparts.push(CounterpartIn {
                            name: name.trim().to_string(),
                            role: role.trim().to_string(),
                        });
                    }
                }
                "stakeholders_consulted" => f.stakeholders_consulted = v,
                "existing_initiatives" => f.existing_initiatives = v,
                "endorsed_by_org" => f.endorsed_by_org = v,
                "endorsed_on" => f.endorsed_on = v,
                "endorsement_note" => f.endorsement_note = v,
                "action" => action = v,
                _ => {}
            }
        }
        (f, action)
    }

    fn of(r: &SupportRequest) -> RequestFields {
        let text = |field: &str| {
            r.texts
                .iter()
                .find(|t| t.field == field && t.lang == r.original_lang)
                .map(|t| t.text.clone())
                .unwrap_or_default()
        };
        RequestFields {
            org_id: r.org_id.clone(),
            lang: r.original_lang.clone(),
            title: text("title"),
            description: text("description"),
            country: r.country.clone(),
            objectives: r.objectives.iter().map(|&n| i64::from(n)).collect(),
            actions: r.actions.clone(),
            principles: r.principles.clone(),
            support: r.support.iter().map(|k| k.as_str().to_string()).collect(),
            starts_on: r.starts_on.clone().unwrap_or_default(),
            ends_on: r.ends_on.clone().unwrap_or_default(),
            timeline: text("timeline"),
            budget_usd: r.budget_usd,
            budget_public: r.budget_public,
            is_public: r.is_public,
            languages: r.languages.clone(),
            counterparts: r
                .counterparts
                .iter()
                .map(|c| CounterpartIn {
                    name: c.name.clone(),
                    role: c.role.clone(),
                })
                .collect(),
            stakeholders_consulted: text("stakeholders_consulted"),
            existing_initiatives: text("existing_initiatives"),
            endorsed_by_org: r.endorsed_by_org.clone().unwrap_or_default(),
            endorsed_on: r.endorsed_on.clone().unwrap_or_default(),
            endorsement_note: r.endorsement_note.clone().unwrap_or_default(),
            bad_budget: false,
        }
    }

    /// The store's input; `Err` names the first field that is not valid.
    fn to_input(&self) -> Result<RequestInput, HubError> {
        let lang = Lang::from_code(self.lang.trim()).ok_or(HubError::Invalid("lang"))?;
        if self.title.trim().is_empty() {
            return Err(HubError::Invalid("title"));
        }
        let country = gcm_core::geo::parse_country(self.country.trim())
            .map_err(|_| HubError::Invalid("country"))?
            .alpha3
            .clone();
        let objectives = self
            .objectives
            .iter()
            .map(|&n| u8::try_from(n).ok().filter(|n| (1..=23).contains(n)))
            .collect::<Option<Vec<u8>>>()
            .ok_or(HubError::Invalid("objectives"))?;
        let support = self
            .support
            .iter()
            .map(|s| SupportKind::parse(s.trim()))
            .collect::<Option<Vec<_>>>()
            .ok_or(HubError::Invalid("support"))?;
        if self.bad_budget {
            return Err(HubError::Invalid("budget_usd"));
        }
        let endorsed = Some(self.endorsed_by_org.trim()).filter(|s| !s.is_empty());
        Ok(RequestInput {
            lang: lang.code().to_string(),
            title: self.title.clone(),
            description: self.description.clone(),
            stakeholders_consulted: self.stakeholders_consulted.clone(),
            existing_initiatives: self.existing_initiatives.clone(),
            timeline: self.timeline.clone(),
            country,
            objectives,
            actions: self.actions.iter().map(|a| a.trim().to_string()).collect(),
            principles: self
                .principles
                .iter()
                .map(|p| p.trim().to_string())
                .collect(),
            support,
            starts_on: optional_date(&self.starts_on, "starts_on")?,
            ends_on: optional_date(&self.ends_on, "ends_on")?,
            budget_usd: self.budget_usd,
            budget_public: self.budget_public,
            is_public: self.is_public,
            languages: self
                .languages
                .iter()
                .map(|l| l.trim().to_string())
                .collect(),
            counterparts: self
                .counterparts
                .iter()
                .map(|c| Counterpart {
                    name: c.name.trim().to_string(),
                    role: c.role.trim().to_string(),
                })
                .collect(),
            endorsed_by_org: endorsed.map(str::to_string),
            endorsed_on: optional_date(&self.endorsed_on, "endorsed_on")?,
            endorsement_note: self.endorsement_note.clone(),
        })
    }
}

/// Loads a request with its partners and the viewer's standing (404 when not visible).
async fn visible(
    state: &AppState,
    auth: &Auth,
    id: &str,
) -> AppResult<(SupportRequest, Vec<Partner>, Access)> {
    let r = hub_requests::load(&state.db, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let partners = hub_setup::partners(&state.db, id).await?;
    let a = access(auth, &r, &partners)?;
    Ok((r, partners, a))
}

// ---------------------------------------------------------------------------------------------
// Pages

pub struct SummaryView {
    pub id: String,
    pub reference: String,
    pub title: String,
    pub title_lang: String,
    pub org_name: String,
    pub country: String,
    pub status: String,
    pub status_since: String,
}

fn country_name(code: &str, lang: Lang) -> String {
    gcm_core::geo::country(code)
        .map(|c| c.name(lang.code()).to_string())
        .unwrap_or_else(|| code.to_string())
}

fn region_name(code: &str, lang: Lang) -> String {
    gcm_core::geo::region(code)
        .map(|r| r.name(lang.code()).to_string())
        .unwrap_or_else(|| code.to_string())
}

fn summary_view(tr: &Tr, lang: Lang, s: &Summary) -> SummaryView {
    SummaryView {
        id: s.id.clone(),
        reference: s.reference.clone().unwrap_or_else(|| tr.t("hub-draft")),
        title: s.title.clone(),
        title_lang: s.title_lang.clone(),
        org_name: s.org_name.clone(),
        country: country_name(&s.country, lang),
        status: status_label(tr, s.status),
        status_since: day_of(&s.status_since),
    }
}

/// Who the viewer is, for lists: their organisations, invited organisations, secretariat.
fn list_filter(auth: &Auth) -> ListFilter {
    let Some(s) = auth.signed_in.as_ref() else {
        return ListFilter::default();
    };
    let orgs: Vec<String> = s
        .principal
        .memberships
        .iter()
        .map(|(o, _)| o.clone())
        .collect();
    ListFilter {
        own_orgs: orgs.clone(),
        partner_orgs: orgs,
        all_submitted: gcm_core::accounts::allows(Some(&s.principal), &Action::ManageHub),
        ..ListFilter::default()
    }
}

#[derive(Template)]
#[template(path = "hub_requests.html")]
pub struct ListPage {
    pub c: Chrome,
    pub items: Vec<SummaryView>,
    pub can_submit: bool,
    pub statuses: Vec<(String, String, bool)>,
    pub countries: Vec<(String, String, bool)>,
    pub objectives: Vec<(String, String, bool)>,
    /// How many requests match, over every page.
    pub total: i64,
    pub pager: Pager,
}

#[derive(Deserialize, Default, IntoParams)]
pub struct ListQuery {
    /// Only requests at this step (`received`, `under_assessment`…).
    #[serde(default)]
    pub status: String,
    /// Only requests for this country (ISO 3166-1 alpha-3).
    #[serde(default)]
    pub country: String,
    /// Only requests naming this objective (1 to 23).
    #[serde(default)]
    pub objective: String,
    /// Language of the titles (`en`, `fr`, `es`, `nb`, `nl`).
    #[serde(default)]
    pub lang: String,
    /// Page of the list, from 1.
    pub page: Option<i64>,
    /// Requests per page (1 to 100; 20 when absent).
    pub per_page: Option<i64>,
}

impl ListQuery {
    /// The filters as given, for the links to other pages.
    fn filters(&self) -> [(&'static str, &str); 4] {
        [
            ("status", &self.status),
            ("country", &self.country),
            ("objective", &self.objective),
            ("lang", &self.lang),
        ]
    }

    fn apply(&self, f: &mut ListFilter) -> AppResult<()> {
        f.status = match self.status.trim() {
            "" => None,
            s => {
                Some(RequestStatus::parse(s).ok_or_else(|| AppError::invalid_parameter("status"))?)
            }
        };
        f.country = crate::routes::forms::filter::country(&self.country, "country")?;
        f.objective = crate::routes::forms::filter::objective(&self.objective, "objective")?;
        Ok(())
    }
}

/// `GET /{lang}/hub/requests`
pub async fn list_page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let mut f = list_filter(&auth);
    q.apply(&mut f)?;
    let paging = Paging::of(q.page, q.per_page)?;
    let (found, total) =
        hub_requests::list(&state.db, &f, lang.code(), paging.per_page, paging.offset()).await?;
    let items = found.iter().map(|s| summary_view(&tr, lang, s)).collect();
    let pager = paging.pager(
        &tr,
        &format!("/{}/hub/requests", lang.code()),
        &q.filters(),
        q.per_page,
        total,
    );
    Ok(page_with_status(
        StatusCode::OK,
        &ListPage {
            c: Chrome::new(&state, &auth, lang, "/hub/requests", Some(Area::Hub)),
            items,
            can_submit: !submitting_orgs(&auth).is_empty(),
            statuses: RequestStatus::ALL
                .iter()
                .filter(|s| **s != RequestStatus::Draft)
                .map(|s| {
                    (
                        s.as_str().to_string(),
                        status_label(&tr, *s),
                        f.status == Some(*s),
                    )
                })
                .collect(),
            countries: {
                let mut v: Vec<(String, String, bool)> = gcm_core::geo::countries()
                    .iter()
                    .map(|c| {
                        (
                            c.alpha3.clone(),
                            c.name(lang.code()).to_string(),
                            f.country.as_deref() == Some(c.alpha3.as_str()),
                        )
                    })
                    .collect();
                v.sort_by(|a, b| a.1.cmp(&b.1));
                v
            },
            objectives: (1..=23u8)
                .map(|n| {
                    (
                        n.to_string(),
                        format!("{n}. {}", objective_title(&state.compact, n, lang)),
                        f.objective == Some(n),
                    )
                })
                .collect(),
            total,
            pager,
        },
    ))
}

pub struct FormError {
    pub message: String,
    pub field: &'static str,
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "hub_request_form.html")]
pub struct FormPage {
    pub c: Chrome,
    pub heading: String,
    pub action: String,
    pub error: Option<FormError>,
    pub bad: &'static str,
    pub f: RequestFields,
    /// Organisations the person may request for (only when creating).
    pub orgs: Vec<Choice>,
    pub langs: Vec<Choice>,
    pub countries: Vec<Choice>,
    pub objectives: Vec<Choice>,
    pub principles: Vec<Choice>,
    pub support: Vec<Choice>,
    pub languages: Vec<Choice>,
    pub governments: Vec<Choice>,
    pub actions_text: String,
    pub counterparts_text: String,
    pub budget_text: String,
}

async fn form_page(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    id: Option<&str>,
    f: RequestFields,
    error: Option<FormError>,
) -> AppResult<FormPage> {
    let tr = Tr::new(lang);
    let (rest, heading, action) = match id {
        Some(id) => (
            format!("/hub/requests/{id}/edit"),
            tr.t("hub-edit-title"),
            format!("/{}/hub/requests/{id}/edit", lang.code()),
        ),
        None => (
            "/hub/requests/new".to_string(),
            tr.t("hub-new-title"),
            format!("/{}/hub/requests", lang.code()),
        ),
    };
    let mut orgs = Vec::new();
    if id.is_none() {
        for o in submitting_orgs(auth) {
            if let Some(org) = gcm_store::orgs::get(&state.db, &o).await? {
                orgs.push(Choice {
                    checked: f.org_id == org.id,
                    value: org.id,
                    label: org.name,
                });
            }
        }
    }
    let mut countries: Vec<Choice> = gcm_core::geo::countries()
        .iter()
        .map(|c| Choice {
            value: c.alpha3.clone(),
            label: c.name(lang.code()).to_string(),
            checked: c.alpha3 == f.country,
        })
        .collect();
    countries.sort_by(|a, b| a.label.cmp(&b.label));
    let mut governments = Vec::new();
    let (all, _) = gcm_store::orgs::list(
        &state.db,
        &gcm_store::orgs::OrgFilter {
            kind: Some(gcm_core::accounts::OrgKind::MemberStateGovernment),
            ..Default::default()
        },
        1000,
        0,
    )
    .await?;
    for o in all {
        governments.push(Choice {
            checked: f.endorsed_by_org == o.id,
            label: match &o.country {
                Some(c) => format!("{} ({})", o.name, country_name(c, lang)),
                None => o.name.clone(),
            },
            value: o.id,
        });
    }
    let principles = state
        .compact
        .structure()
        .principles
        .iter()
        .map(|p| {
            let slug = p.slug.slug().to_string();
            Choice {
                checked: f.principles.contains(&slug),
                label: crate::compact_view::shown(&state.compact, &p.reference, lang)
                    .title
                    .unwrap_or_else(|| p.english.clone()),
                value: slug,
            }
        })
        .collect();
    Ok(FormPage {
        c: Chrome::new(state, auth, lang, &rest, Some(Area::Hub)),
        heading,
        action,
        bad: error.as_ref().map(|e| e.field).unwrap_or(""),
        error,
        orgs,
        langs: Lang::ALL
            .iter()
            .map(|l| Choice {
                value: l.code().to_string(),
                label: l.endonym(),
                checked: l.code() == f.lang,
            })
            .collect(),
        countries,
        objectives: (1..=23u8)
            .map(|n| Choice {
                value: n.to_string(),
                label: format!("{n}. {}", objective_title(&state.compact, n, lang)),
                checked: f.objectives.contains(&i64::from(n)),
            })
            .collect(),
        principles,
        support: SupportKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str().to_string(),
                label: tr.t(&format!("hub-support-{}", k.as_str().replace('_', "-"))),
                checked: f.support.iter().any(|s| s == k.as_str()),
            })
            .collect(),
        languages: Lang::ALL
            .iter()
            .map(|l| Choice {
                value: l.code().to_string(),
                label: l.endonym(),
                checked: f.languages.iter().any(|x| x == l.code()),
            })
            .collect(),
        governments,
        actions_text: f.actions.join(" "),
        counterparts_text: f
            .counterparts
            .iter()
            .map(|c| {
                if c.role.is_empty() {
                    c.name.clone()
                } else {
                    format!("{}: {}", c.name, c.role)
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
        budget_text: f.budget_usd.map(|b| b.to_string()).unwrap_or_default(),
        f,
    })
}

/// The message for a refused field.
fn field_message(tr: &Tr, field: &str) -> String {
    tr.t1(
        "hub-error-field",
        "name",
        &tr.t(&format!("hub-field-{}", field.replace('_', "-"))),
    )
}

async fn invalid_form(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    id: Option<&str>,
    f: RequestFields,
    e: HubError,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let (status, message, field) = match &e {
        HubError::Invalid(field) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            field_message(&tr, field),
            *field,
        ),
        _ => {
            let err = hub_error(e);
            (err.status, err.message(lang), "")
        }
    };
    let page = form_page(state, auth, lang, id, f, Some(FormError { message, field })).await?;
    Ok(page_with_status(status, &page))
}

/// `GET /{lang}/hub/requests/new`
pub async fn new_form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
) -> AppResult<Response> {
    let orgs = submitting_orgs(&auth);
    let Some(first) = orgs.first() else {
        return Err(match auth.signed_in {
            None => AppError::unauthorized(),
            Some(_) => AppError::forbidden(),
        });
    };
    let country = gcm_store::orgs::get(&state.db, first)
        .await?
        .and_then(|o| o.country)
        .unwrap_or_default();
    let f = RequestFields {
        org_id: first.clone(),
        lang: lang.code().to_string(),
        country,
        ..RequestFields::default()
    };
    Ok(page_with_status(
        StatusCode::OK,
        &form_page(&state, &auth, lang, None, f, None).await?,
    ))
}

/// `POST /{lang}/hub/requests`: saves a new draft, and submits it when asked to.
pub async fn create(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    let (f, action) = RequestFields::from_form(&body);
    auth.require_user(&Action::SubmitHubRequest { org_id: &f.org_id })?;
    let input = match f.to_input() {
        Ok(i) => i,
        Err(e) => return invalid_form(&state, &auth, lang, None, f, e).await,
    };
    let id = match hub_requests::create_draft(
        &state.db,
        &state.compact,
        &auth.actor(),
        &f.org_id,
        &input,
    )
    .await
    {
        Ok(id) => id,
        Err(e) => return invalid_form(&state, &auth, lang, None, f, e).await,
    };
    if action == "submit"
        && let Err(e) = hub_requests::submit(&state.db, &state.mailing, &auth.actor(), &id).await
    {
        // The draft is saved; the form shows why it could not be submitted yet.
        return invalid_form(&state, &auth, lang, Some(&id), f, e).await;
    }
    Ok(see_other(&format!("/{}/hub/requests/{id}", lang.code())))
}

/// The request for its requester to change: a draft of an organisation they act for.
async fn editable(state: &AppState, auth: &Auth, id: &str) -> AppResult<SupportRequest> {
    let (r, _, a) = visible(state, auth, id).await?;
    auth.require_user(&Action::SubmitHubRequest { org_id: &r.org_id })?;
    if !a.requester_acts {
        return Err(AppError::forbidden());
    }
    Ok(r)
}

/// `GET /{lang}/hub/requests/{id}/edit`
pub async fn edit_form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    if auth.signed_in.is_none() {
        return Err(AppError::unauthorized());
    }
    let r = editable(&state, &auth, &id).await?;
    if !r.status.is_editable() {
        return Err(hub_error(HubError::Conflict("hub_request_not_draft")));
    }
    Ok(page_with_status(
        StatusCode::OK,
        &form_page(&state, &auth, lang, Some(&id), RequestFields::of(&r), None).await?,
    ))
}

/// `POST /{lang}/hub/requests/{id}/edit`: saves the draft, and submits it when asked to.
pub async fn edit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    if auth.signed_in.is_none() {
        return Err(AppError::unauthorized());
    }
    let r = editable(&state, &auth, &id).await?;
    let (mut f, action) = RequestFields::from_form(&body);
    f.org_id = r.org_id.clone();
    let input = match f.to_input() {
        Ok(i) => i,
        Err(e) => return invalid_form(&state, &auth, lang, Some(&id), f, e).await,
    };
    if let Err(e) =
        hub_requests::update_draft(&state.db, &state.compact, &auth.actor(), &id, &input).await
    {
        return invalid_form(&state, &auth, lang, Some(&id), f, e).await;
    }
    if action == "submit"
        && let Err(e) = hub_requests::submit(&state.db, &state.mailing, &auth.actor(), &id).await
    {
        return invalid_form(&state, &auth, lang, Some(&id), f, e).await;
    }
    Ok(see_other(&format!("/{}/hub/requests/{id}", lang.code())))
}

/// An event as the viewer may see it.
pub struct EventView {
    pub day: String,
    pub at: String,
    pub text: String,
    pub by: Option<String>,
    pub note: Option<String>,
}

/// The events the viewer sees: the public the steps alone (no names, no notes); the
/// requester and partners what is shared; the secretariat everything.
pub fn visible_events(a: &Access, events: Vec<Event>) -> Vec<Event> {
    events
        .into_iter()
        .filter(|e| {
            if a.secretariat {
                true
            } else if a.full() {
                e.shared
            } else {
                e.kind == "step"
            }
        })
        .map(|mut e| {
            if !a.full() {
                e.note = None;
                e.by_user = None;
                e.by_name = None;
            }
            e
        })
        .collect()
}

fn event_view(tr: &Tr, e: &Event) -> EventView {
    let text = match (e.kind.as_str(), &e.to_status) {
        ("step", Some(to)) => tr.t1(
            "hub-event-step",
            "step",
            &RequestStatus::parse(to)
                .map(|s| status_label(tr, s))
                .unwrap_or_else(|| to.clone()),
        ),
        (kind, _) => tr.t(&format!("hub-event-{}", kind.replace('_', "-"))),
    };
    EventView {
        day: day_of(&e.at),
        at: e.at.clone(),
        text,
        by: e.by_name.clone(),
        note: e.note.clone(),
    }
}

pub struct StepView {
    pub label: String,
    pub current: bool,
    pub done: bool,
}

/// The usual path of a request, with where this one stands.
fn path_of(tr: &Tr, s: RequestStatus) -> Vec<StepView> {
    use RequestStatus::*;
    let path = [
        Draft,
        Received,
        UnderAssessment,
        Accepted,
        Matching,
        ImplementationSetup,
        InImplementation,
        Completed,
    ];
    let at = path.iter().position(|x| *x == s);
    let mut out: Vec<StepView> = path
        .iter()
        .enumerate()
        .map(|(i, x)| StepView {
            label: status_label(tr, *x),
            current: *x == s,
            done: at.is_some_and(|a| i < a),
        })
        .collect();
    if at.is_none() {
        out.push(StepView {
            label: status_label(tr, s),
            current: true,
            done: false,
        });
    }
    out
}

pub struct PartnerView {
    pub org_id: String,
    pub name: String,
    pub role: String,
    pub state: String,
    pub may_answer: bool,
    /// The secretariat may take the invitation back.
    pub may_withdraw: bool,
    pub note: Option<String>,
}

pub struct MilestoneView {
    pub id: String,
    pub title: String,
    pub due_on: String,
    pub responsible: String,
    pub done: Option<String>,
}

pub struct SimilarView {
    pub kind: String,
    pub kind_label: String,
    pub id: String,
    pub title: String,
    pub href: String,
    pub why: String,
    pub flag: Option<String>,
    pub connected: Option<String>,
}

#[derive(Template)]
#[template(path = "hub_request.html")]
pub struct RequestPage {
    pub c: Chrome,
    pub id: String,
    pub reference: String,
    pub title: String,
    pub title_lang: String,
    pub description: String,
    pub description_lang: String,
    pub status: String,
    pub status_since: String,
    pub path: Vec<StepView>,
    pub org_name: String,
    pub country: String,
    pub region: String,
    pub objectives: Vec<(u8, String)>,
    pub support: Vec<String>,
    pub budget: Option<String>,
    pub full: bool,
    /// Texts only the full request shows: (label, text, lang).
    pub details: Vec<(String, String, String)>,
    pub counterparts: Vec<String>,
    pub principles: Vec<String>,
    pub actions: Vec<String>,
    pub languages: String,
    pub dates: String,
    pub endorsement: Option<String>,
    pub events: Vec<EventView>,
    pub awaiting_answer: bool,
    pub partners: Vec<PartnerView>,
    pub milestones: Vec<MilestoneView>,
    pub accepted_partners: Vec<Choice>,
    pub similar: Vec<SimilarView>,
    pub is_draft: bool,
    pub is_final: bool,
    pub requester_acts: bool,
    /// A member of the requesting organisation.
    pub requester: bool,
    pub secretariat: bool,
    pub next_steps: Vec<Choice>,
    pub roles: Vec<Choice>,
    pub invitable: Vec<Choice>,
    pub can_invite: bool,
    pub can_plan: bool,
    pub error: Option<String>,
}

/// The request's page, as the viewer may see it, with an optional error from a form on it.
pub async fn request_page(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    id: &str,
    error: Option<String>,
) -> AppResult<RequestPage> {
    let tr = Tr::new(lang);
    let (r, partners, a) = visible(state, auth, id).await?;
    let full = a.full();
    let text = |field: &str| {
        r.text(field, lang.code())
            .map(|t| (t.text.clone(), t.lang.clone()))
            .unwrap_or_else(|| (String::new(), lang.code().to_string()))
    };
    let (title, title_lang) = text("title");
    let (description, description_lang) = text("description");
    let mut details = Vec::new();
    if full {
        for field in ["stakeholders_consulted", "existing_initiatives", "timeline"] {
            let (t, l) = text(field);
            if !t.is_empty() {
                details.push((
                    tr.t(&format!("hub-field-{}", field.replace('_', "-"))),
                    t,
                    l,
                ));
            }
        }
    }
    let events = visible_events(&a, hub_requests::events(&state.db, id).await?)
        .iter()
        .map(|e| event_view(&tr, e))
        .collect();
    let milestones: Vec<Milestone> = if full {
        hub_setup::milestones(&state.db, id).await?
    } else {
        Vec::new()
    };
    let partner_views: Vec<PartnerView> = if full {
        partners
            .iter()
            .map(|p| PartnerView {
                org_id: p.org_id.clone(),
                name: p.org_name.clone(),
                role: super::role_label(&tr, p.role),
                state: tr.t(&format!("hub-partner-{}", p.state.as_str())),
                may_answer: p.state == PartnerState::Invited
                    && a.partner_orgs.contains(&p.org_id)
                    && !r.status.is_final(),
                may_withdraw: a.secretariat
                    && p.state != PartnerState::Withdrawn
                    && !r.status.is_final(),
                note: p.answer_note.clone(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let accepted_partners = partners
        .iter()
        .filter(|p| p.state == PartnerState::Accepted)
        .map(|p| Choice {
            value: p.org_id.clone(),
            label: p.org_name.clone(),
            checked: false,
        })
        .collect();
    let mut invitable = Vec::new();
    let can_invite = a.secretariat
        && matches!(
            r.status,
            RequestStatus::Matching | RequestStatus::ImplementationSetup
        );
    if can_invite {
        let (orgs, _) =
            gcm_store::orgs::list(&state.db, &gcm_store::orgs::OrgFilter::default(), 1000, 0)
                .await?;
        for o in orgs {
            let taken = partners
                .iter()
                .any(|p| p.org_id == o.id && p.state != PartnerState::Withdrawn);
            if o.id != r.org_id && !taken {
                invitable.push(Choice {
                    value: o.id,
                    label: o.name,
                    checked: false,
                });
            }
        }
    }
    let similar = if full && r.status != RequestStatus::Draft {
        similar_views(state, auth, &tr, lang, &r, a.secretariat).await?
    } else {
        Vec::new()
    };
    let dates = match (&r.starts_on, &r.ends_on) {
        (Some(s), Some(e)) => format!("{s} – {e}"),
        (Some(s), None) => format!("{s} –"),
        (None, Some(e)) => format!("– {e}"),
        (None, None) => String::new(),
    };
    let endorsement = match (&r.endorsed_by_org, full) {
        (Some(org), true) => {
            let name = gcm_store::orgs::get(&state.db, org)
                .await?
                .map(|o| o.name)
                .unwrap_or_else(|| org.clone());
            Some(format!(
                "{name}{}{}",
                r.endorsed_on
                    .as_deref()
                    .map(|d| format!(", {d}"))
                    .unwrap_or_default(),
                r.endorsement_note
                    .as_deref()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default()
            ))
        }
        _ => None,
    };
    Ok(RequestPage {
        c: Chrome::new(
            state,
            auth,
            lang,
            &format!("/hub/requests/{id}"),
            Some(Area::Hub),
        ),
        id: r.id.clone(),
        reference: r.reference.clone().unwrap_or_else(|| tr.t("hub-draft")),
        title,
        title_lang,
        description,
        description_lang,
        status: status_label(&tr, r.status),
        status_since: day_of(&r.status_since),
        path: path_of(&tr, r.status),
        org_name: r.org_name.clone(),
        country: country_name(&r.country, lang),
        region: r
            .region
            .as_deref()
            .map(|c| region_name(c, lang))
            .unwrap_or_default(),
        objectives: r
            .objectives
            .iter()
            .map(|&n| (n, objective_title(&state.compact, n, lang)))
            .collect(),
        support: r
            .support
            .iter()
            .map(|k| tr.t(&format!("hub-support-{}", k.as_str().replace('_', "-"))))
            .collect(),
        budget: r
            .budget_usd
            .filter(|_| full || r.budget_public)
            .map(|b| format!("USD {}", group_digits(b))),
        full,
        details,
        counterparts: if full {
            r.counterparts
                .iter()
                .map(|c| {
                    if c.role.is_empty() {
                        c.name.clone()
                    } else {
                        format!("{}: {}", c.name, c.role)
                    }
                })
                .collect()
        } else {
            Vec::new()
        },
        principles: if full {
            r.principles
                .iter()
                .filter_map(|p| {
                    let gp = gcm_compact::GuidingPrinciple::from_slug(p)?;
                    crate::compact_view::shown(
                        &state.compact,
                        &gcm_compact::Ref::Principle(gp),
                        lang,
                    )
                    .title
                })
                .collect()
        } else {
            Vec::new()
        },
        actions: if full { r.actions.clone() } else { Vec::new() },
        languages: if full {
            r.languages
                .iter()
                .map(|l| {
                    Lang::from_code(l)
                        .map(|l| l.endonym())
                        .unwrap_or_else(|| l.clone())
                })
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            String::new()
        },
        dates,
        endorsement,
        events,
        awaiting_answer: r.awaiting_answer,
        partners: partner_views,
        milestones: milestones
            .iter()
            .map(|m| MilestoneView {
                id: m.id.clone(),
                title: m.title.clone(),
                due_on: m.due_on.clone().unwrap_or_default(),
                responsible: m.responsible_name.clone().unwrap_or_default(),
                done: m.done_at.as_deref().map(day_of),
            })
            .collect(),
        accepted_partners,
        similar,
        is_draft: r.status == RequestStatus::Draft,
        is_final: r.status.is_final(),
        requester_acts: a.requester_acts,
        requester: a.requester,
        secretariat: a.secretariat,
        next_steps: if a.secretariat {
            r.status
                .next()
                .iter()
                .filter(|s| **s != RequestStatus::Received)
                .map(|s| Choice {
                    value: s.as_str().to_string(),
                    label: status_label(&tr, *s),
                    checked: false,
                })
                .collect()
        } else {
            Vec::new()
        },
        roles: PartnerRole::ALL
            .iter()
            .map(|x| Choice {
                value: x.as_str().to_string(),
                label: super::role_label(&tr, *x),
                checked: false,
            })
            .collect(),
        invitable,
        can_invite,
        can_plan: a.secretariat
            && matches!(
                r.status,
                RequestStatus::ImplementationSetup | RequestStatus::InImplementation
            ),
        error,
    })
}

/// `1234567` → `1 234 567` (thin groups readable in every language).
fn group_digits(n: i64) -> String {
    let s = n.abs().to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(ch);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// Similar practices and requests from the search index, with the secretariat's flags.
async fn similar_views(
    state: &AppState,
    auth: &Auth,
    tr: &Tr,
    lang: Lang,
    r: &SupportRequest,
    with_unflagged: bool,
) -> AppResult<Vec<SimilarView>> {
    let links: Vec<RequestLink> = hub_setup::links(&state.db, &r.id).await?;
    let hits = match &state.search {
        Some(index) => index
            .similar_among(
                hub_requests::ENTITY,
                &r.id,
                10,
                &crate::routes::search::viewer(auth),
                hub_requests::SIMILAR_KINDS,
            )
            .map(|s| s.hits)
            .unwrap_or_default(),
        None => Vec::new(),
    };
    let mut out = Vec::new();
    for h in hits {
        let kind = h.hit.kind.clone();
        if kind != "practice" && kind != hub_requests::ENTITY {
            continue;
        }
        let link = links
            .iter()
            .find(|l| l.other_kind == kind && l.other_id == h.hit.id);
        if !with_unflagged && link.is_none() {
            continue;
        }
        let href = if kind == "practice" {
            format!("/{}/practices/{}", lang.code(), h.hit.id)
        } else {
            format!("/{}/hub/requests/{}", lang.code(), h.hit.id)
        };
        let mut why = Vec::new();
        if !h.shared_objectives.is_empty() {
            why.push(
                tr.t1(
                    "hub-similar-objectives",
                    "list",
                    &h.shared_objectives
                        .iter()
                        .map(u8::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            );
        }
        if !h.shared_countries.is_empty() {
            why.push(
                tr.t1(
                    "hub-similar-countries",
                    "list",
                    &h.shared_countries
                        .iter()
                        .map(|c| country_name(c, lang))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            );
        }
        out.push(SimilarView {
            kind_label: tr.t(&format!("hub-similar-kind-{}", kind.replace('_', "-"))),
            kind,
            id: h.hit.id.clone(),
            title: h.hit.title.clone(),
            href,
            why: why.join(" · "),
            flag: link.map(|l| tr.t(&format!("hub-link-{}", l.kind.as_str().replace('_', "-")))),
            connected: link.and_then(|l| l.connected_at.as_deref().map(day_of)),
        });
    }
    Ok(out)
}

/// `GET /{lang}/hub/requests/{id}`
pub async fn show(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    Ok(page_with_status(
        StatusCode::OK,
        &request_page(&state, &auth, lang, &id, None).await?,
    ))
}

/// After a form on the request's page: back to the page, or the page again with the error
/// (and the error's status) when the change was refused.
pub async fn after_action(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    id: &str,
    result: Result<(), HubError>,
) -> AppResult<Response> {
    match result {
        Ok(()) => Ok(see_other(&format!("/{}/hub/requests/{id}", lang.code()))),
        Err(HubError::Unknown) => Err(AppError::not_found()),
        Err(HubError::Db(e)) => Err(AppError::internal(e)),
        Err(e) => {
            let tr = Tr::new(lang);
            let (status, message) = match &e {
                HubError::Invalid(field) => {
                    (StatusCode::UNPROCESSABLE_ENTITY, field_message(&tr, field))
                }
                _ => {
                    let err = hub_error(e);
                    (err.status, err.message(lang))
                }
            };
            let page = request_page(state, auth, lang, id, Some(message)).await?;
            Ok(page_with_status(status, &page))
        }
    }
}

fn form_fields(body: &[u8]) -> std::collections::HashMap<String, String> {
    url::form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// `POST /{lang}/hub/requests/{id}/submit`
pub async fn submit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    if auth.signed_in.is_none() {
        return Err(AppError::unauthorized());
    }
    editable(&state, &auth, &id).await?;
    let result = hub_requests::submit(&state.db, &state.mailing, &auth.actor(), &id)
        .await
        .map(|_| ());
    after_action(&state, &auth, lang, &id, result).await
}

/// Who may move a request: the secretariat any step; the requester only to withdraw it.
async fn may_step(
    state: &AppState,
    auth: &Auth,
    id: &str,
    to: Option<RequestStatus>,
) -> AppResult<()> {
    if auth.signed_in.is_none() {
        return Err(AppError::unauthorized());
    }
    let (_, _, a) = visible(state, auth, id).await?;
    if a.secretariat || (a.requester_acts && to == Some(RequestStatus::Closed)) {
        Ok(())
    } else {
        Err(AppError::forbidden())
    }
}

fn parse_step(s: &str) -> Result<RequestStatus, HubError> {
    RequestStatus::parse(s.trim()).ok_or(HubError::Invalid("to"))
}

/// `POST /{lang}/hub/requests/{id}/step` (fields `to`, `reasons`)
pub async fn step(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    let v = form_fields(&body);
    let to = v.get("to").map(String::as_str).unwrap_or("");
    may_step(&state, &auth, &id, RequestStatus::parse(to)).await?;
    let result = match parse_step(to) {
        Ok(to) => {
            hub_requests::move_to(
                &state.db,
                &state.mailing,
                &auth.actor(),
                &id,
                to,
                v.get("reasons").map(String::as_str).unwrap_or(""),
            )
            .await
        }
        Err(e) => Err(e),
    };
    after_action(&state, &auth, lang, &id, result).await
}

/// `POST /{lang}/hub/requests/{id}/question` (field `question`; the secretariat)
pub async fn question(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    auth.require_user(&Action::ManageHub)?;
    let v = form_fields(&body);
    let result = hub_requests::ask_clarification(
        &state.db,
        &state.mailing,
        &auth.actor(),
        &id,
        v.get("question").map(String::as_str).unwrap_or(""),
    )
    .await;
    after_action(&state, &auth, lang, &id, result).await
}

/// `POST /{lang}/hub/requests/{id}/answer` (field `answer`; the requester)
pub async fn answer(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    if auth.signed_in.is_none() {
        return Err(AppError::unauthorized());
    }
    editable(&state, &auth, &id).await?;
    let v = form_fields(&body);
    let result = hub_requests::answer_clarification(
        &state.db,
        &state.mailing,
        &auth.actor(),
        &id,
        v.get("answer").map(String::as_str).unwrap_or(""),
    )
    .await;
    after_action(&state, &auth, lang, &id, result).await
}

// ---------------------------------------------------------------------------------------------
// API

/// A step or other event of a request. The public sees the steps alone, without notes or
/// names; those who see the full request see what is shared with them.
#[derive(Serialize, ToSchema)]
pub struct EventOut {
    pub at: String,
    /// `step`, `clarification_asked`, `clarification_answered`, `partner_invited`,
    /// `partner_accepted`, `partner_declined`, `partner_withdrawn`, `milestone_added`,
    /// `milestone_done`,
    /// `connected`, (secretariat only:) `drafted`, `linked`, `reminded`.
    pub kind: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub note: Option<String>,
    /// Who acted (display name).
    pub by: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PartnerOut {
    pub org_id: String,
    pub org_name: String,
    /// `lead`, `co_implementer`, `technical_adviser`, `funder`.
    pub role: String,
    /// `invited`, `accepted`, `declined`, `withdrawn`.
    pub state: String,
    pub invited_at: String,
    pub answered_at: Option<String>,
    pub answer_note: Option<String>,
    /// The suggestion score when picked (secretariat only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggested_score: Option<f64>,
    /// Why the secretariat overrode the ranking (secretariat only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub override_reason: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct MilestoneOut {
    pub id: String,
    pub title: String,
    pub due_on: Option<String>,
    pub responsible_org: Option<String>,
    pub done_at: Option<String>,
}

/// A support request. Everyone sees the public part; the fields marked "full" are only there
/// for the requesting organisation, the secretariat and invited partners.
#[derive(Serialize, ToSchema)]
pub struct RequestOut {
    pub id: String,
    /// `REQ-YYYY-NNNN`, once submitted.
    pub reference: Option<String>,
    pub status: String,
    pub status_since: String,
    pub submitted_at: Option<String>,
    pub org_id: String,
    pub org_name: String,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    /// UN M49 region.
    pub region: Option<String>,
    pub title: String,
    pub description: String,
    /// The language of `title` and `description`.
    pub text_lang: String,
    pub original_lang: String,
    pub objectives: Vec<u8>,
    pub support: Vec<String>,
    /// Whole US dollars: public only when the requester chose so.
    pub budget_usd: Option<i64>,
    pub events: Vec<EventOut>,
    /// Whether this is the full request (see above).
    pub full: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<RequestDetails>,
}

/// The full request's other fields.
#[derive(Serialize, ToSchema)]
pub struct RequestDetails {
    pub is_public: bool,
    pub budget_public: bool,
    pub actions: Vec<String>,
    pub principles: Vec<String>,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub timeline: Option<String>,
    pub languages: Vec<String>,
    pub counterparts: Vec<CounterpartIn>,
    pub stakeholders_consulted: Option<String>,
    pub existing_initiatives: Option<String>,
    pub endorsed_by_org: Option<String>,
    pub endorsed_on: Option<String>,
    pub endorsement_note: Option<String>,
    /// The secretariat asked a question the requester has not answered yet.
    pub awaiting_answer: bool,
    pub first_response_at: Option<String>,
    pub setup_done_at: Option<String>,
    pub partners: Vec<PartnerOut>,
    pub milestones: Vec<MilestoneOut>,
}

pub(crate) async fn request_out(
    state: &AppState,
    r: &SupportRequest,
    partners: &[Partner],
    a: &Access,
    lang: Option<Lang>,
) -> AppResult<RequestOut> {
    let text_lang = lang.map(Lang::code).unwrap_or(r.original_lang.as_str());
    let text = |field: &str| r.text(field, text_lang).map(|t| t.text.clone());
    let title = r.text("title", text_lang);
    let full = a.full();
    let events = visible_events(a, hub_requests::events(&state.db, &r.id).await?)
        .into_iter()
        .map(|e| EventOut {
            at: e.at,
            kind: e.kind,
            from_status: e.from_status,
            to_status: e.to_status,
            note: e.note,
            by: e.by_name,
        })
        .collect();
    let details = if full {
        let milestones = hub_setup::milestones(&state.db, &r.id).await?;
        Some(RequestDetails {
            is_public: r.is_public,
            budget_public: r.budget_public,
            actions: r.actions.clone(),
            principles: r.principles.clone(),
            starts_on: r.starts_on.clone(),
            ends_on: r.ends_on.clone(),
            timeline: text("timeline"),
            languages: r.languages.clone(),
            counterparts: r
                .counterparts
                .iter()
                .map(|c| CounterpartIn {
                    name: c.name.clone(),
                    role: c.role.clone(),
                })
                .collect(),
            stakeholders_consulted: text("stakeholders_consulted"),
            existing_initiatives: text("existing_initiatives"),
            endorsed_by_org: r.endorsed_by_org.clone(),
            endorsed_on: r.endorsed_on.clone(),
            endorsement_note: r.endorsement_note.clone(),
            awaiting_answer: r.awaiting_answer,
            first_response_at: r.first_response_at.clone(),
            setup_done_at: r.setup_done_at.clone(),
            partners: partners
                .iter()
                .map(|p| PartnerOut {
                    org_id: p.org_id.clone(),
                    org_name: p.org_name.clone(),
                    role: p.role.as_str().to_string(),
                    state: p.state.as_str().to_string(),
                    invited_at: p.invited_at.clone(),
                    answered_at: p.answered_at.clone(),
                    answer_note: p.answer_note.clone(),
                    suggested_score: p.suggested_score.filter(|_| a.secretariat),
                    override_reason: p.override_reason.clone().filter(|_| a.secretariat),
                })
                .collect(),
            milestones: milestones
                .into_iter()
                .map(|m| MilestoneOut {
                    id: m.id,
                    title: m.title,
                    due_on: m.due_on,
                    responsible_org: m.responsible_org,
                    done_at: m.done_at,
                })
                .collect(),
        })
    } else {
        None
    };
    Ok(RequestOut {
        id: r.id.clone(),
        reference: r.reference.clone(),
        status: r.status.as_str().to_string(),
        status_since: r.status_since.clone(),
        submitted_at: r.submitted_at.clone(),
        org_id: r.org_id.clone(),
        org_name: r.org_name.clone(),
        country: r.country.clone(),
        region: r.region.clone(),
        title: title.map(|t| t.text.clone()).unwrap_or_default(),
        description: text("description").unwrap_or_default(),
        text_lang: title
            .map(|t| t.lang.clone())
            .unwrap_or_else(|| r.original_lang.clone()),
        original_lang: r.original_lang.clone(),
        objectives: r.objectives.clone(),
        support: r.support.iter().map(|k| k.as_str().to_string()).collect(),
        budget_usd: r.budget_usd.filter(|_| full || r.budget_public),
        events,
        full,
        details,
    })
}

#[derive(Serialize, ToSchema)]
pub struct SummaryOut {
    pub id: String,
    pub reference: Option<String>,
    pub status: String,
    pub status_since: String,
    pub submitted_at: Option<String>,
    pub org_id: String,
    pub org_name: String,
    pub country: String,
    pub region: Option<String>,
    pub title: String,
    pub title_lang: String,
}

#[derive(Serialize, ToSchema)]
pub struct RequestList {
    pub items: Vec<SummaryOut>,
    pub total: i64,
    pub next: Option<String>,
}

fn api_lang(s: &str) -> AppResult<Option<Lang>> {
    match s.trim() {
        "" => Ok(None),
        l => Lang::from_code(l)
            .map(Some)
            .ok_or_else(|| AppError::invalid_parameter("lang")),
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/hub/requests",
    tag = "hub",
    params(ListQuery),
    responses(
        (status = 200, description = "Support requests the caller may see, latest change first: public submitted requests for anyone, plus the caller's organisations' own (drafts too), those its organisations are invited to, and every submitted request for the secretariat", body = RequestList),
        (status = 400, description = "A filter is not valid", body = ErrorEnvelope),
    )
)]
pub async fn api_list(
    State(state): State<AppState>,
    auth: Auth,
    Query(q): Query<ListQuery>,
) -> AppResult<Json<RequestList>> {
    let lang = api_lang(&q.lang)?.unwrap_or(Lang::En);
    let mut f = list_filter(&auth);
    q.apply(&mut f)?;
    let paging = Paging::of(q.page, q.per_page)?;
    let (found, total) =
        hub_requests::list(&state.db, &f, lang.code(), paging.per_page, paging.offset()).await?;
    let items: Vec<SummaryOut> = found
        .into_iter()
        .map(|s| SummaryOut {
            id: s.id,
            reference: s.reference,
            status: s.status.as_str().to_string(),
            status_since: s.status_since,
            submitted_at: s.submitted_at,
            org_id: s.org_id,
            org_name: s.org_name,
            country: s.country,
            region: s.region,
            title: s.title,
            title_lang: s.title_lang,
        })
        .collect();
    Ok(Json(RequestList {
        items,
        total,
        next: paging.next("/api/v1/hub/requests", &q.filters(), q.per_page, total),
    }))
}

#[derive(Deserialize, Default, IntoParams)]
pub struct LangQuery {
    /// Language of the texts (`en`, `fr`, `es`, `nb`, `nl`); the request's own when absent.
    #[serde(default)]
    pub lang: String,
}

#[utoipa::path(
    get,
    path = "/api/v1/hub/requests/{id}",
    tag = "hub",
    params(("id" = String, Path, description = "The request's id"), LangQuery),
    responses(
        (status = 200, description = "The request as the caller may see it", body = RequestOut),
        (status = 404, description = "No such request visible to the caller", body = ErrorEnvelope),
    )
)]
pub async fn api_get(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Query(q): Query<LangQuery>,
) -> AppResult<Json<RequestOut>> {
    let lang = api_lang(&q.lang)?;
    let (r, partners, a) = visible(&state, &auth, &id).await?;
    Ok(Json(request_out(&state, &r, &partners, &a, lang).await?))
}

#[utoipa::path(
    post,
    path = "/api/v1/hub/requests",
    tag = "hub",
    security(("bearer" = [])),
    request_body = RequestFields,
    responses(
        (status = 201, description = "The draft, saved (submit it with `POST …/submit`)", body = RequestOut),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not a focal point or editor of `org_id`", body = ErrorEnvelope),
        (status = 422, description = "A field is not valid (`details.field` names it)", body = ErrorEnvelope),
    )
)]
pub async fn api_create(
    State(state): State<AppState>,
    auth: Auth,
    Json(f): Json<RequestFields>,
) -> AppResult<(StatusCode, Json<RequestOut>)> {
    auth.require_user(&Action::SubmitHubRequest { org_id: &f.org_id })?;
    let input = f.to_input().map_err(hub_error)?;
    let id =
        hub_requests::create_draft(&state.db, &state.compact, &auth.actor(), &f.org_id, &input)
            .await
            .map_err(hub_error)?;
    let (r, partners, a) = visible(&state, &auth, &id).await?;
    Ok((
        StatusCode::CREATED,
        Json(request_out(&state, &r, &partners, &a, None).await?),
    ))
}

#[utoipa::path(
    patch,
    path = "/api/v1/hub/requests/{id}",
    tag = "hub",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The request's id")),
    request_body = RequestFields,
    responses(
        (status = 200, description = "The draft with the content sent (the whole content is replaced: fields left out are emptied)", body = RequestOut),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not a focal point or editor of the requesting organisation", body = ErrorEnvelope),
        (status = 404, description = "No such request visible to the caller", body = ErrorEnvelope),
        (status = 409, description = "No longer a draft", body = ErrorEnvelope),
        (status = 422, description = "A field is not valid (`details.field` names it)", body = ErrorEnvelope),
    )
)]
pub async fn api_update(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Json(f): Json<RequestFields>,
) -> AppResult<Json<RequestOut>> {
    if auth.signed_in.is_none() {
        return Err(AppError::unauthorized());
    }
    editable(&state, &auth, &id).await?;
    let input = f.to_input().map_err(hub_error)?;
    hub_requests::update_draft(&state.db, &state.compact, &auth.actor(), &id, &input)
        .await
        .map_err(hub_error)?;
    let (r, partners, a) = visible(&state, &auth, &id).await?;
    Ok(Json(request_out(&state, &r, &partners, &a, None).await?))
}

#[utoipa::path(
    post,
    path = "/api/v1/hub/requests/{id}/submit",
    tag = "hub",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The request's id")),
    responses(
        (status = 200, description = "Submitted: the request has its reference and is received", body = RequestOut),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not a focal point or editor of the requesting organisation", body = ErrorEnvelope),
        (status = 404, description = "No such request visible to the caller", body = ErrorEnvelope),
        (status = 409, description = "Already submitted", body = ErrorEnvelope),
        (status = 422, description = "Something submission needs is missing (`details.field` names it)", body = ErrorEnvelope),
    )
)]
pub async fn api_submit(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<RequestOut>> {
    if auth.signed_in.is_none() {
        return Err(AppError::unauthorized());
    }
    editable(&state, &auth, &id).await?;
    hub_requests::submit(&state.db, &state.mailing, &auth.actor(), &id)
        .await
        .map_err(hub_error)?;
    let (r, partners, a) = visible(&state, &auth, &id).await?;
    Ok(Json(request_out(&state, &r, &partners, &a, None).await?))
}

/// A step to take.
#[derive(Deserialize, ToSchema, Default)]
pub struct StepIn {
    /// The step to move to: one that may follow the current one (`under_assessment`,
    /// `accepted`, `declined`, `matching`, `implementation_setup`, `in_implementation`,
    /// `completed`, `closed`).
    #[serde(default)]
    pub to: String,
    /// Required for `declined` and `closed`; shown to the requester.
    #[serde(default)]
    pub reasons: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/hub/requests/{id}/steps",
    tag = "hub",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The request's id")),
    request_body = StepIn,
    responses(
        (status = 200, description = "The request at its new step", body = RequestOut),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not the secretariat (the requester may only close, i.e. withdraw)", body = ErrorEnvelope),
        (status = 404, description = "No such request visible to the caller", body = ErrorEnvelope),
        (status = 409, description = "A step out of order, or the step's rules are not met (an accepted partner; an accepted lead and a milestone)", body = ErrorEnvelope),
        (status = 422, description = "Unknown step, or reasons missing for declined/closed", body = ErrorEnvelope),
    )
)]
pub async fn api_step(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Json(s): Json<StepIn>,
) -> AppResult<Json<RequestOut>> {
    may_step(&state, &auth, &id, RequestStatus::parse(s.to.trim())).await?;
    let to = parse_step(&s.to).map_err(hub_error)?;
    hub_requests::move_to(
        &state.db,
        &state.mailing,
        &auth.actor(),
        &id,
        to,
        &s.reasons,
    )
    .await
    .map_err(hub_error)?;
    let (r, partners, a) = visible(&state, &auth, &id).await?;
    Ok(Json(request_out(&state, &r, &partners, &a, None).await?))
}

/// A question or an answer.
#[derive(Deserialize, ToSchema, Default)]
pub struct MessageIn {
    #[serde(default)]
    pub text: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/hub/requests/{id}/questions",
    tag = "hub",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The request's id")),
    request_body = MessageIn,
    responses(
        (status = 200, description = "Asked: the requester's focal points are mailed", body = RequestOut),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not the secretariat", body = ErrorEnvelope),
        (status = 404, description = "No such request", body = ErrorEnvelope),
        (status = 409, description = "An answer to the last question is still awaited, or the request is not open", body = ErrorEnvelope),
        (status = 422, description = "Empty or too long", body = ErrorEnvelope),
    )
)]
pub async fn api_question(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Json(m): Json<MessageIn>,
) -> AppResult<Json<RequestOut>> {
    auth.require_user(&Action::ManageHub)?;
    hub_requests::ask_clarification(&state.db, &state.mailing, &auth.actor(), &id, &m.text)
        .await
        .map_err(|e| match e {
            HubError::Invalid(_) => hub_error(HubError::Invalid("text")),
            e => hub_error(e),
        })?;
    let (r, partners, a) = visible(&state, &auth, &id).await?;
    Ok(Json(request_out(&state, &r, &partners, &a, None).await?))
}

#[utoipa::path(
    post,
    path = "/api/v1/hub/requests/{id}/answers",
    tag = "hub",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The request's id")),
    request_body = MessageIn,
    responses(
        (status = 200, description = "Answered: the secretariat is mailed", body = RequestOut),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not a focal point or editor of the requesting organisation", body = ErrorEnvelope),
        (status = 404, description = "No such request visible to the caller", body = ErrorEnvelope),
        (status = 409, description = "No question is awaiting an answer", body = ErrorEnvelope),
        (status = 422, description = "Empty or too long", body = ErrorEnvelope),
    )
)]
pub async fn api_answer(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Json(m): Json<MessageIn>,
) -> AppResult<Json<RequestOut>> {
    if auth.signed_in.is_none() {
        return Err(AppError::unauthorized());
    }
    editable(&state, &auth, &id).await?;
    hub_requests::answer_clarification(&state.db, &state.mailing, &auth.actor(), &id, &m.text)
        .await
        .map_err(|e| match e {
            HubError::Invalid(_) => hub_error(HubError::Invalid("text")),
            e => hub_error(e),
        })?;
    let (r, partners, a) = visible(&state, &auth, &id).await?;
    Ok(Json(request_out(&state, &r, &partners, &a, None).await?))
}

#[derive(Deserialize, IntoParams)]
pub struct SimilarParams {
    /// At most this many (1–50, default 10).
    pub limit: Option<usize>,
}

#[utoipa::path(
    get,
    path = "/api/v1/hub/requests/{id}/similar",
    tag = "hub",
    params(("id" = String, Path, description = "The request's id"), SimilarParams),
    responses(
        (status = 200, description = "Similar practices and requests from other countries the caller may see, best first, with the parts of each score", body = Object),
        (status = 404, description = "No such request visible to the caller", body = ErrorEnvelope),
        (status = 503, description = "This node has no search index", body = ErrorEnvelope),
    )
)]
pub async fn api_similar(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Query(q): Query<SimilarParams>,
) -> AppResult<Json<gcm_search::SimilarResults>> {
    visible(&state, &auth, &id).await?;
    let index = state
        .search
        .as_deref()
        .ok_or_else(|| AppError::new(StatusCode::SERVICE_UNAVAILABLE, "search_unavailable"))?;
    let res = index
        .similar_among(
            hub_requests::ENTITY,
            &id,
            q.limit.unwrap_or(10).clamp(1, 50),
            &crate::routes::search::viewer(&auth),
            hub_requests::SIMILAR_KINDS,
        )
        .map_err(AppError::internal)?;
    Ok(Json(res))
}
