//! `/{lang}/resources` and `/api/v1/resources`: publications, guidance, tools and data sets,
//! shared by focal points and editors on behalf of their organisation.

use askama::Template;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use gcm_core::accounts::{Action, OrgRole};
use gcm_core::practices::Theme;
use gcm_store::resources::{self, Filter, KINDS, NewResource, Resource, SCALES};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{FilterField, objective_filter, options};
use crate::AppState;
use crate::auth::{Auth, SignedIn};
use crate::compact_view::objective_title;
use crate::error::{AppError, AppResult, ErrorEnvelope};
use crate::i18n::{Lang, Tr};
use crate::pages::{Area, Chrome};
use crate::routes::forms::{page_with_status, see_other};
use crate::routes::shell::PageLang;

const PAGE_SIZE: i64 = 50;

#[derive(Deserialize, Default, IntoParams)]
pub struct ResourceQuery {
    /// `publication`, `guidance`, `tool` or `dataset`.
    #[serde(default)]
    pub kind: String,
    /// Objective number, 1 to 23.
    #[serde(default)]
    pub objective: String,
    #[serde(default)]
    pub theme: String,
    /// Language of the resource.
    #[serde(default)]
    pub lang: String,
    /// `local`, `national`, `regional` or `global`.
    #[serde(default)]
    pub scale: String,
    pub page: Option<i64>,
}

impl ResourceQuery {
    fn filter(&self) -> AppResult<Filter> {
        let pick = |v: &str, allowed: &[&str], name: &str| -> AppResult<Option<String>> {
            match v.trim() {
                "" => Ok(None),
                x if allowed.contains(&x) => Ok(Some(x.to_string())),
                _ => Err(AppError::invalid_parameter(name)),
            }
        };
        let themes: Vec<&str> = Theme::ALL.iter().map(|t| t.as_str()).collect();
        let langs: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        Ok(Filter {
            kind: pick(&self.kind, &KINDS, "kind")?,
            theme: pick(&self.theme, &themes, "theme")?,
            lang: pick(&self.lang, &langs, "lang")?,
            scale: pick(&self.scale, &SCALES, "scale")?,
            objective: crate::routes::forms::filter::objective(&self.objective, "objective")?,
            ..Filter::default()
        })
    }

    fn page(&self) -> AppResult<i64> {
        crate::routes::forms::page_number(self.page, 10_000)
    }
}

pub struct ResourceRow {
    /// The shared file's name and size, when the resource is a file.
    pub file: Option<String>,
    pub title: String,
    pub summary: String,
    pub link: String,
    pub lang: String,
    pub kind_label: String,
    pub publisher: String,
    pub shared_by: String,
    pub objectives: Vec<i64>,
}

#[derive(Template)]
#[template(path = "resources.html")]
pub struct ResourcesPage {
    pub c: Chrome,
    pub filters: Vec<FilterField>,
    pub items: Vec<ResourceRow>,
    pub total: i64,
    pub can_share: bool,
    pub next: Option<String>,
}

/// Organisations the person may share on behalf of.
fn sharing_orgs(me: &SignedIn) -> Vec<String> {
    me.principal
        .memberships
        .iter()
        .filter(|(_, r)| matches!(r, OrgRole::FocalPoint | OrgRole::Editor))
        .map(|(o, _)| o.clone())
        .collect()
}

/// `GET /{lang}/resources`
pub async fn page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Query(q): Query<ResourceQuery>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let filter = q.filter()?;
    let page = q.page()?;
    let (items, total) =
        resources::list(&state.db, &filter, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    let filters = vec![
        FilterField {
            name: "kind",
            label: tr.t("resources-kind"),
            options: options(
                &q.kind,
                KINDS
                    .iter()
                    .map(|k| (k.to_string(), tr.t(&format!("resources-kind-{k}"))))
                    .collect(),
            ),
        },
        objective_filter(&state.compact, &tr, lang, &q.objective),
        FilterField {
            name: "theme",
            label: tr.t("practices-filter-theme"),
            options: options(
                &q.theme,
                Theme::ALL
                    .iter()
                    .map(|t| {
                        (
                            t.as_str().to_string(),
                            tr.t(&format!("theme-{}", t.as_str())),
                        )
                    })
                    .collect(),
            ),
        },
        FilterField {
            name: "lang",
            label: tr.t("practices-filter-lang"),
            options: options(
                &q.lang,
                Lang::ALL
                    .iter()
                    .map(|l| (l.code().to_string(), l.endonym()))
                    .collect(),
            ),
        },
        FilterField {
            name: "scale",
            label: tr.t("resources-field-scale"),
            options: options(
                &q.scale,
                SCALES
                    .iter()
                    .map(|s| (s.to_string(), tr.t(&format!("scale-{s}"))))
                    .collect(),
            ),
        },
    ];
    let rows = items
        .into_iter()
        .map(|r: Resource| ResourceRow {
            link: href(&r, lang.code()),
            file: r
                .file
                .as_ref()
                .map(|(name, _, size)| format!("{name}, {} KB", (size + 1023) / 1024)),
            kind_label: tr.t(&format!("resources-kind-{}", r.kind)),
            shared_by: tr.t1("resources-published-by", "org", &r.organisation),
            title: r.title,
            summary: r.summary,
            lang: r.lang,
            publisher: r.publisher,
            objectives: r.objectives,
        })
        .collect();
    let can_share = auth
        .signed_in
        .as_ref()
        .is_some_and(|s| !sharing_orgs(s).is_empty());
    let next = (page * PAGE_SIZE < total).then(|| {
        format!(
            "/{}/resources?kind={}&objective={}&theme={}&lang={}&scale={}&page={}",
            lang.code(),
            q.kind,
            q.objective,
            q.theme,
            q.lang,
            q.scale,
            page + 1
        )
    });
    Ok(page_with_status(
        StatusCode::OK,
        &ResourcesPage {
            c: Chrome::new(&state, &auth, lang, "/resources", Some(Area::Practices)),
            filters,
            items: rows,
            total,
            can_share,
            next,
        },
    ))
}

/// What the sharing form (and the API) sends.
#[derive(Default, Clone, Deserialize, ToSchema)]
pub struct ResourceForm {
    pub org_id: String,
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub publisher: String,
    #[serde(default)]
    pub audience: String,
    pub lang: String,
    #[serde(default)]
    pub scale: String,
    pub link: String,
    #[serde(default)]
    pub objectives: Vec<u8>,
    #[serde(default)]
    pub themes: Vec<String>,
}

impl ResourceForm {
    fn from_form(body: &[u8]) -> ResourceForm {
        let mut f = ResourceForm::default();
        for (k, v) in url::form_urlencoded::parse(body) {
            let v = v.into_owned();
            match k.as_ref() {
                "org_id" => f.org_id = v,
                "kind" => f.kind = v,
                "title" => f.title = v,
                "summary" => f.summary = v,
                "publisher" => f.publisher = v,
                "audience" => f.audience = v,
                "lang" => f.lang = v,
                "scale" => f.scale = v,
                "link" => f.link = v,
                "objective" => {
                    if let Ok(n) = v.parse() {
                        f.objectives.push(n)
                    } else {
                        f.objectives.push(0)
                    }
                }
                "theme" => f.themes.push(v),
                _ => {}
            }
        }
        f
    }

    /// Checks the fields; returns the resource or (message id, field).
    fn validate(
        &self,
        allowed_orgs: &[String],
    ) -> Result<NewResource, (&'static str, &'static str)> {
        self.validate_with(allowed_orgs, false)
    }

    /// As `validate`; with a file, the link may be left empty.
    fn validate_with(
        &self,
        allowed_orgs: &[String],
        has_file: bool,
    ) -> Result<NewResource, (&'static str, &'static str)> {
        if !allowed_orgs.contains(&self.org_id) {
            return Err(("resources-error-org", "org_id"));
        }
        if !KINDS.contains(&self.kind.as_str()) {
            return Err(("resources-error-title", "kind"));
        }
        let title = self.title.trim();
        if title.is_empty() || title.chars().count() > 500 {
            return Err(("resources-error-title", "title"));
        }
        let link = self.link.trim();
        let link_ok =
            (link.starts_with("https://") || link.starts_with("http://")) && link.len() <= 2000;
        if !(link_ok || (has_file && link.is_empty())) {
            return Err(("resources-error-link", "link"));
        }
        if self.objectives.is_empty() || self.objectives.iter().any(|n| !(1..=23).contains(n)) {
            return Err(("resources-error-objective", "objectives"));
        }
        if Lang::from_code(&self.lang).is_none() {
            return Err(("resources-error-title", "lang"));
        }
        if !self.scale.is_empty() && !SCALES.contains(&self.scale.as_str()) {
            return Err(("resources-error-title", "scale"));
        }
        if self.themes.iter().any(|t| Theme::parse(t).is_none()) {
            return Err(("resources-error-title", "themes"));
        }
        Ok(NewResource {
            kind: self.kind.clone(),
            org_id: self.org_id.clone(),
            title: title.to_string(),
            summary: self.summary.trim().chars().take(5000).collect(),
            publisher: self.publisher.trim().to_string(),
            audience: self.audience.trim().to_string(),
            lang: self.lang.clone(),
            scale: (!self.scale.is_empty()).then(|| self.scale.clone()),
            link: link.to_string(),
            objectives: self.objectives.clone(),
            themes: self.themes.clone(),
            file: None,
        })
    }
}

#[derive(Template)]
#[template(path = "resource_form.html")]
pub struct ResourceFormPage {
    pub c: Chrome,
    pub error: Option<String>,
    pub f: ResourceForm,
    pub orgs: Vec<(String, String)>,
    pub kinds: Vec<(String, String)>,
    pub langs: Vec<(String, String)>,
    pub scales: Vec<(String, String)>,
    pub objectives: Vec<(u8, String, bool)>,
    pub themes: Vec<(String, String, bool)>,
}

async fn form_page(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    f: ResourceForm,
    error: Option<String>,
) -> AppResult<ResourceFormPage> {
    let tr = Tr::new(lang);
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    let allowed = sharing_orgs(me);
    let orgs = gcm_store::orgs::of_user(&state.db, &me.user.id)
        .await?
        .into_iter()
        .filter(|(o, _)| allowed.contains(&o.id))
        .map(|(o, _)| (o.id, o.name))
        .collect();
    Ok(ResourceFormPage {
        c: Chrome::new(state, auth, lang, "/resources/new", Some(Area::Practices)),
        orgs,
        kinds: KINDS
            .iter()
            .map(|k| (k.to_string(), tr.t(&format!("resources-kind-{k}"))))
            .collect(),
        langs: Lang::ALL
            .iter()
            .map(|l| (l.code().to_string(), l.endonym()))
            .collect(),
        scales: SCALES
            .iter()
            .map(|s| (s.to_string(), tr.t(&format!("scale-{s}"))))
            .collect(),
        objectives: (1..=23u8)
            .map(|n| {
                (
                    n,
                    objective_title(&state.compact, n, lang),
                    f.objectives.contains(&n),
                )
            })
            .collect(),
        themes: Theme::ALL
            .iter()
            .map(|t| {
                (
                    t.as_str().to_string(),
                    tr.t(&format!("theme-{}", t.as_str())),
                    f.themes.iter().any(|x| x == t.as_str()),
                )
            })
            .collect(),
        f,
        error,
    })
}

/// `GET /{lang}/resources/new`
pub async fn new_form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    if sharing_orgs(me).is_empty() {
        return Err(AppError::forbidden());
    }
    let f = ResourceForm {
        lang: lang.code().to_string(),
        ..ResourceForm::default()
    };
    Ok(page_with_status(
        StatusCode::OK,
        &form_page(&state, &auth, lang, f, None).await?,
    ))
}

/// `POST /{lang}/resources`: an urlencoded form, or a multipart one with a `file`.
pub async fn create(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    req: axum::extract::Request,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    let allowed = sharing_orgs(me);
    if allowed.is_empty() {
        return Err(AppError::forbidden());
    }
    let sent = crate::routes::forms::read_form(
        req,
        &state,
        gcm_core::practices::MAX_ATTACHMENT_BYTES + 64 * 1024,
    )
    .await?;
    let f = ResourceForm::from_form(&sent.encoded());
    let file = match &sent.file {
        Some((name, data)) => match gcm_core::practices::classify_attachment(name, data) {
            Ok((name, media)) => Some((name, media.to_string(), data.clone())),
            Err(problem) => {
                let err = super::submit::attachment_error(problem);
                let page = form_page(&state, &auth, lang, f, Some(err.message(lang))).await?;
                return Ok(page_with_status(err.status, &page));
            }
        },
        None => None,
    };
    match f.validate_with(&allowed, file.is_some()) {
        Ok(mut new) => {
            auth.require_user(&Action::ShareResource {
                org_id: &new.org_id,
            })?;
            new.file = file;
            resources::create(&state.db, &state.compact, &auth.actor(), &me.user.id, &new)
                .await
                .map_err(AppError::internal)?;
            Ok(see_other(&format!("/{}/resources", lang.code())))
        }
        Err((msg, _)) => {
            let error = Some(Tr::new(lang).t(msg));
            Ok(page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(&state, &auth, lang, f, error).await?,
            ))
        }
    }
}

/// `GET /{lang}/resources/{id}/file`: a resource's file, as a download.
pub async fn download(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let (name, media, data) = resources::file(&state.db, &id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(crate::routes::forms::download(&name, &media, data))
}

/// A resource.
#[derive(Serialize, ToSchema)]
pub struct ResourceOut {
    pub id: String,
    pub kind: String,
    pub org_id: String,
    pub organisation: String,
    pub title: String,
    pub summary: String,
    pub publisher: String,
    pub audience: String,
    pub lang: String,
    pub scale: Option<String>,
    /// The web address, or where the shared file is downloaded.
    pub link: String,
    pub objectives: Vec<i64>,
    pub themes: Vec<String>,
    pub created_at: String,
    /// The file shared on the platform, if any.
    pub file: Option<ResourceFileOut>,
}

#[derive(Serialize, ToSchema)]
pub struct ResourceFileOut {
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    /// Path to download it.
    pub url: String,
}

/// Where a resource points: its link, or the download of its file.
fn href(r: &Resource, lang: &str) -> String {
    if r.link.is_empty() {
        format!("/{lang}/resources/{}/file", r.id)
    } else {
        r.link.clone()
    }
}

impl From<Resource> for ResourceOut {
    fn from(r: Resource) -> Self {
        let link = href(&r, "en");
        let file = r
            .file
            .clone()
            .map(|(filename, content_type, size)| ResourceFileOut {
                url: format!("/en/resources/{}/file", r.id),
                filename,
                content_type,
                size,
            });
        ResourceOut {
            file,
            id: r.id,
            kind: r.kind,
            org_id: r.org_id,
            organisation: r.organisation,
            title: r.title,
            summary: r.summary,
            publisher: r.publisher,
            audience: r.audience,
            lang: r.lang,
            scale: r.scale,
            link,
            objectives: r.objectives,
            themes: r.themes,
            created_at: r.created_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ResourceList {
    pub items: Vec<ResourceOut>,
    pub total: i64,
    pub next: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/resources",
    tag = "practices",
    params(ResourceQuery),
    responses(
        (status = 200, description = "Resources, newest first", body = ResourceList),
        (status = 400, description = "A filter value is not valid", body = ErrorEnvelope),
    )
)]
pub async fn api_list(
    State(state): State<AppState>,
    Query(q): Query<ResourceQuery>,
) -> AppResult<Json<ResourceList>> {
    let filter = q.filter()?;
    let page = q.page()?;
    let (items, total) =
        resources::list(&state.db, &filter, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    Ok(Json(ResourceList {
        items: items.into_iter().map(ResourceOut::from).collect(),
        total,
        next: (page * PAGE_SIZE < total).then(|| {
            format!(
                "/api/v1/resources?kind={}&objective={}&theme={}&lang={}&scale={}&page={}",
                q.kind,
                q.objective,
                q.theme,
                q.lang,
                q.scale,
                page + 1
            )
        }),
    }))
}

#[utoipa::path(
    post,
    path = "/api/v1/resources",
    tag = "practices",
    security(("bearer" = [])),
    request_body = ResourceForm,
    responses(
        (status = 201, description = "Shared"),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not a focal point or editor of that organisation", body = ErrorEnvelope),
        (status = 422, description = "A field is not valid (details name it)", body = ErrorEnvelope),
    )
)]
pub async fn api_create(
    State(state): State<AppState>,
    auth: Auth,
    Json(f): Json<ResourceForm>,
) -> AppResult<(StatusCode, Json<serde_json::Value>)> {
    let me = auth.require_user(&Action::ShareResource { org_id: &f.org_id })?;
    let new = f.validate(&sharing_orgs(me)).map_err(|(_, field)| {
        AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_parameter")
            .with_arg("name", field)
            .with_details(serde_json::json!({ "field": field }))
    })?;
    let id = resources::create(&state.db, &state.compact, &auth.actor(), &me.user.id, &new)
        .await
        .map_err(AppError::internal)?;
    Ok((StatusCode::CREATED, Json(serde_json::json!({ "id": id }))))
}
