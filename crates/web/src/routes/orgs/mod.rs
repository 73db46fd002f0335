//! `/{lang}/organisations/…`: the directory of organisations, registering and editing one,
//! its members (roles, requests to join, removal) and invitations. The policy decides who may
//! do what; focal points manage their own organisation only.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use gcm_core::accounts::{Action, OrgKind, OrgRole};
use gcm_core::geo;
use gcm_store::orgs::{self, OrgError, OrgFields, OrgFilter, Organisation};
use serde::Deserialize;

use crate::AppState;
use crate::auth::Auth;
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Tr};
use crate::pages::Chrome;
use crate::routes::forms::{page_with_status, see_other};
use crate::routes::shell::PageLang;

pub mod invitations;

const PAGE_SIZE: i64 = 50;

/// (value, label, selected) options of the organisation kinds.
fn kind_options(tr: &Tr, selected: Option<OrgKind>) -> Vec<(&'static str, String, bool)> {
    OrgKind::ALL
        .into_iter()
        .map(|k| {
            (
                k.as_str(),
                tr.t(&format!("org-kind-{}", k.as_str())),
                Some(k) == selected,
            )
        })
        .collect()
}

/// (alpha-3, name, selected) options of every country, sorted by name in the page language.
fn country_options(lang: Lang, selected: Option<&str>) -> Vec<(&'static str, String, bool)> {
    let mut v: Vec<_> = geo::countries()
        .iter()
        .map(|c| {
            (
                c.alpha3.as_str(),
                c.name(lang.code()).to_string(),
                Some(c.alpha3.as_str()) == selected,
            )
        })
        .collect();
    v.sort_by(|a, b| a.1.cmp(&b.1));
    v
}

fn region_options(lang: Lang, selected: Option<&str>) -> Vec<(&'static str, String, bool)> {
    geo::regions()
        .iter()
        .map(|r| {
            (
                r.code.as_str(),
                r.name(lang.code()).to_string(),
                Some(r.code.as_str()) == selected,
            )
        })
        .collect()
}

pub struct OrgRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub country: String,
}

#[derive(Template)]
#[template(path = "orgs.html")]
pub struct OrgsPage {
    pub c: Chrome,
    pub rows: Vec<OrgRow>,
    pub total: i64,
    pub q: String,
    pub kinds: Vec<(&'static str, String, bool)>,
    pub countries: Vec<(&'static str, String, bool)>,
    pub can_create: bool,
    pub next: Option<String>,
}

/// Filters of the directory (the same names in the HTML page and the API).
#[derive(Deserialize, Default, utoipa::IntoParams)]
pub struct ListQuery {
    /// Part of the name.
    #[serde(default)]
    pub q: String,
    /// Kind of organisation, e.g. `civil_society`.
    #[serde(default)]
    pub kind: String,
    /// ISO 3166-1 alpha-3 country code.
    #[serde(default)]
    pub country: String,
    /// Page number, from 1.
    pub page: Option<i64>,
}

impl ListQuery {
    pub fn filter(&self) -> AppResult<OrgFilter> {
        let kind = match self.kind.as_str() {
            "" => None,
            k => Some(OrgKind::parse(k).ok_or_else(|| AppError::invalid_parameter("kind"))?),
        };
        let country = match self.country.trim() {
            "" => None,
            c => Some(
                geo::parse_country(c)
                    .map_err(|_| AppError::invalid_parameter("country"))?
                    .alpha3
                    .clone(),
            ),
        };
        let q = self.q.trim();
        Ok(OrgFilter {
            kind,
            country,
            q: (!q.is_empty()).then(|| q.to_string()),
        })
    }

    pub fn page(&self) -> AppResult<i64> {
        crate::routes::forms::page_number(self.page, 10_000)
    }
}

/// `GET /{lang}/organisations`
pub async fn list(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let filter = q.filter()?;
    let page = q.page()?;
    let (items, total) = orgs::list(&state.db, &filter, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    let rows = items
        .into_iter()
        .map(|o| OrgRow {
            kind: tr.t(&format!("org-kind-{}", o.kind.as_str())),
            country: o
                .country
                .as_deref()
                .and_then(geo::country)
                .map(|c| c.name(lang.code()).to_string())
                .unwrap_or_default(),
            id: o.id,
            name: o.name,
        })
        .collect();
    let next = (page * PAGE_SIZE < total).then(|| {
        format!(
            "/{}/organisations?q={}&kind={}&country={}&page={}",
            lang.code(),
            url::form_urlencoded::byte_serialize(q.q.as_bytes()).collect::<String>(),
            q.kind,
            q.country,
            page + 1
        )
    });
    Ok(page_with_status(
        StatusCode::OK,
        &OrgsPage {
            c: Chrome::new(&state, &auth, lang, "/organisations", None),
            rows,
            total,
            kinds: kind_options(&tr, filter.kind),
            countries: country_options(lang, filter.country.as_deref()),
            q: q.q.clone(),
            can_create: auth.require(&Action::CreateOrganisation).is_ok() && auth.user().is_some(),
            next,
        },
    ))
}

#[derive(Template)]
#[template(path = "org_form.html")]
pub struct OrgFormPage {
    pub c: Chrome,
    pub title: String,
    pub action: String,
    pub submit: String,
    pub error: Option<String>,
    pub name: String,
    pub website: String,
    pub description: String,
    pub kinds: Vec<(&'static str, String, bool)>,
    pub countries: Vec<(&'static str, String, bool)>,
    pub regions: Vec<(&'static str, String, bool)>,
}

/// What the organisation form sends.
#[derive(Deserialize, Default, Clone)]
pub struct OrgForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub description: String,
}

/// Why a form was refused: the message id and field.
pub struct FieldError(pub &'static str);

impl OrgForm {
    /// Checks the form; returns the fields or the message id of the first problem.
    pub fn validate(&self) -> Result<OrgFields, FieldError> {
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 300 {
            return Err(FieldError("org-name-missing"));
        }
        let kind = OrgKind::parse(&self.kind).ok_or(FieldError("org-kind-invalid"))?;
        let country = match self.country.trim() {
            "" => None,
            c => Some(
                geo::parse_country(c)
                    .map_err(|_| FieldError("org-unknown-country"))?
                    .alpha3
                    .clone(),
            ),
        };
        // An explicit region wins; otherwise the country's sub-region.
        let region = match self.region.trim() {
            "" => country
                .as_deref()
                .and_then(geo::country)
                .and_then(|c| c.sub_region.clone()),
            r => Some(
                geo::region(r)
                    .ok_or(FieldError("org-unknown-country"))?
                    .code
                    .clone(),
            ),
        };
        let website = match self.website.trim() {
            "" => None,
            w if w.starts_with("https://") || w.starts_with("http://") => Some(w.to_string()),
            w => Some(format!("https://{w}")),
        };
        Ok(OrgFields {
            name: name.to_string(),
            kind,
            country,
            region,
            website,
            description: self.description.trim().chars().take(10_000).collect(),
        })
    }
}

fn form_page(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    rest: &str,
    title: String,
    action: String,
    f: &OrgForm,
) -> OrgFormPage {
    let tr = Tr::new(lang);
    OrgFormPage {
        c: Chrome::new(state, auth, lang, rest, None),
        title,
        action,
        submit: tr.t("org-save"),
        error: None,
        name: f.name.clone(),
        website: f.website.clone(),
        description: f.description.clone(),
        kinds: kind_options(&tr, OrgKind::parse(&f.kind)),
        countries: country_options(lang, Some(f.country.as_str())),
        regions: region_options(lang, Some(f.region.as_str())),
    }
}

/// The registration form, filled with `f`.
fn new_page(state: &AppState, auth: &Auth, lang: Lang, f: &OrgForm) -> OrgFormPage {
    form_page(
        state,
        auth,
        lang,
        "/organisations/new",
        Tr::new(lang).t("org-create"),
        format!("/{}/organisations", lang.code()),
        f,
    )
}

/// `GET /{lang}/organisations/new`
pub async fn new_form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
) -> AppResult<Response> {
    auth.require_user(&Action::CreateOrganisation)?;
    let page = new_page(&state, &auth, lang, &OrgForm::default());
    Ok(page_with_status(StatusCode::OK, &page))
}

/// `POST /{lang}/organisations`: registers an organisation; its creator becomes focal point.
pub async fn create(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Form(f): Form<OrgForm>,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::CreateOrganisation)?;
    let tr = Tr::new(lang);
    match f.validate() {
        Ok(fields) => {
            let org = orgs::create(&state.db, &auth.actor(), &me.user.id, &fields)
                .await
                .map_err(AppError::internal)?;
            Ok(see_other(&format!(
                "/{}/organisations/{}",
                lang.code(),
                org.id
            )))
        }
        Err(FieldError(msg)) => {
            let mut page = new_page(&state, &auth, lang, &f);
            page.error = Some(tr.t(msg));
            Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
    }
}

async fn load(state: &AppState, id: &str) -> AppResult<Organisation> {
    orgs::get(&state.db, id)
        .await?
        .ok_or_else(AppError::not_found)
}

pub struct MemberRow {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub role: &'static str,
    pub role_label: String,
    pub requested: bool,
}

#[derive(Template)]
#[template(path = "org.html")]
pub struct OrgPage {
    pub c: Chrome,
    pub org: Organisation,
    pub kind: String,
    pub country: Option<String>,
    pub region: Option<String>,
    pub can_edit: bool,
    pub can_manage: bool,
    pub can_join: bool,
    pub show_members: bool,
    pub members: Vec<MemberRow>,
    pub roles: Vec<(&'static str, String)>,
    pub notice: Option<String>,
    pub error: Option<String>,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

async fn org_page(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    org: Organisation,
    notice: Option<String>,
    error: Option<String>,
) -> AppResult<OrgPage> {
    let tr = Tr::new(lang);
    let id = org.id.clone();
    let show_members = auth
        .require(&Action::ViewOrganisationMembers { org_id: &id })
        .is_ok();
    let can_manage = auth.require(&Action::ManageMembers { org_id: &id }).is_ok();
    let members = if show_members {
        orgs::members(&state.db, &id)
            .await?
            .into_iter()
            .filter(|m| can_manage || m.status == "active")
            .map(|m| MemberRow {
                role_label: tr.t(&format!("org-role-{}", m.role.as_str())),
                role: m.role.as_str(),
                requested: m.status == "requested",
                user_id: m.user_id,
                name: m.display_name,
                email: m.email,
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(OrgPage {
        c: Chrome::new(state, auth, lang, &format!("/organisations/{id}"), None),
        kind: tr.t(&format!("org-kind-{}", org.kind.as_str())),
        country: org
            .country
            .as_deref()
            .and_then(geo::country)
            .map(|c| c.name(lang.code()).to_string()),
        region: org
            .region
            .as_deref()
            .and_then(geo::region)
            .map(|r| r.name(lang.code()).to_string()),
        can_edit: auth
            .require(&Action::EditOrganisation { org_id: &id })
            .is_ok(),
        can_manage,
        can_join: auth.user().is_some()
            && auth.require(&Action::RequestToJoin { org_id: &id }).is_ok()
            && !members
                .iter()
                .any(|m| Some(m.user_id.as_str()) == auth.user().map(|u| u.id.as_str())),
        show_members,
        members,
        roles: OrgRole::ALL
            .into_iter()
            .map(|r| (r.as_str(), tr.t(&format!("org-role-{}", r.as_str()))))
            .collect(),
        org,
        notice,
        error,
    })
}

/// `GET /{lang}/organisations/{id}`
pub async fn show(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<NoticeQuery>,
) -> AppResult<Response> {
    let org = load(&state, &id).await?;
    let tr = Tr::new(lang);
    let notice = match q.notice.as_deref() {
        Some("invited") => Some(tr.t("org-invite-sent")),
        Some("requested") => Some(tr.t("org-join-sent")),
        _ => None,
    };
    let page = org_page(&state, &auth, lang, org, notice, None).await?;
    Ok(page_with_status(StatusCode::OK, &page))
}

/// The edit form of an organisation, filled with `f`.
fn edit_page(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    org: &Organisation,
    f: &OrgForm,
) -> OrgFormPage {
    form_page(
        state,
        auth,
        lang,
        &format!("/organisations/{}/edit", org.id),
        format!("{}: {}", Tr::new(lang).t("org-edit"), org.name),
        format!("/{}/organisations/{}/edit", lang.code(), org.id),
        f,
    )
}

/// `GET /{lang}/organisations/{id}/edit`
pub async fn edit_form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let org = load(&state, &id).await?;
    auth.require_user(&Action::EditOrganisation { org_id: &id })?;
    let f = OrgForm {
        name: org.name.clone(),
        kind: org.kind.as_str().to_string(),
        country: org.country.clone().unwrap_or_default(),
        region: org.region.clone().unwrap_or_default(),
        website: org.website.clone().unwrap_or_default(),
        description: org.description.clone(),
    };
    Ok(page_with_status(
        StatusCode::OK,
        &edit_page(&state, &auth, lang, &org, &f),
    ))
}

/// `POST /{lang}/organisations/{id}/edit`
pub async fn edit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    Form(f): Form<OrgForm>,
) -> AppResult<Response> {
    let org = load(&state, &id).await?;
    auth.require_user(&Action::EditOrganisation { org_id: &id })?;
    let tr = Tr::new(lang);
    match f.validate() {
        Ok(fields) => {
            orgs::update(&state.db, &auth.actor(), &id, &fields)
                .await
                .map_err(AppError::internal)?;
            Ok(see_other(&format!("/{}/organisations/{id}", lang.code())))
        }
        Err(FieldError(msg)) => {
            let mut page = edit_page(&state, &auth, lang, &org, &f);
            page.error = Some(tr.t(msg));
            Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
    }
}

/// `POST /{lang}/organisations/{id}/join`: asks the focal point for membership.
pub async fn join(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    load(&state, &id).await?;
    let me = auth.require_user(&Action::RequestToJoin { org_id: &id })?;
    match orgs::request_to_join(&state.db, &auth.actor(), &id, &me.user.id).await {
        Ok(()) | Err(OrgError::AlreadyMember) => Ok(see_other(&format!(
            "/{}/organisations/{id}?notice=requested",
            lang.code()
        ))),
        Err(e) => Err(AppError::internal(e)),
    }
}

#[derive(Deserialize)]
pub struct MemberForm {
    #[serde(default)]
    op: String,
    #[serde(default)]
    role: String,
}

/// `POST /{lang}/organisations/{id}/members/{user_id}`: approve a request or change a role
/// (`op=set`), or decline / remove (`op=remove`). Focal points of this organisation only.
pub async fn member(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id, user_id)): Path<(String, String, String)>,
    Form(f): Form<MemberForm>,
) -> AppResult<Response> {
    let org = load(&state, &id).await?;
    auth.require_user(&Action::ManageMembers { org_id: &id })?;
    let result = match f.op.as_str() {
        "set" => {
            let role =
                OrgRole::parse(&f.role).ok_or_else(|| AppError::invalid_parameter("role"))?;
            orgs::set_member(&state.db, &auth.actor(), &id, &user_id, role).await
        }
        "remove" => orgs::remove_member(&state.db, &auth.actor(), &id, &user_id).await,
        _ => return Err(AppError::invalid_parameter("op")),
    };
    match result {
        Ok(()) => Ok(see_other(&format!("/{}/organisations/{id}", lang.code()))),
        Err(OrgError::NoSuchMember) => Err(AppError::not_found()),
        Err(OrgError::LastFocalPoint) => {
            let msg = Tr::new(lang).t("org-last-focal-point");
            let page = org_page(&state, &auth, lang, org, None, Some(msg)).await?;
            Ok(page_with_status(StatusCode::CONFLICT, &page))
        }
        Err(e) => Err(AppError::internal(e)),
    }
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

/// `POST /{lang}/organisations/{id}/invite`: mails an invitation link.
pub async fn invite(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    Form(f): Form<InviteForm>,
) -> AppResult<Response> {
    let org = load(&state, &id).await?;
    auth.require_user(&Action::ManageMembers { org_id: &id })?;
    let tr = Tr::new(lang);
    let email = match gcm_core::accounts::normalise_email(&f.email) {
        Ok(e) => e,
        Err(p) => {
            let msg = crate::routes::accounts::problem_message(&tr, p);
            let page = org_page(&state, &auth, lang, org, None, Some(msg)).await?;
            return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
    };
    let role = OrgRole::parse(&f.role).ok_or_else(|| AppError::invalid_parameter("role"))?;
    orgs::invite(
        &state.db,
        &auth.actor(),
        &org,
        &email,
        role,
        &state.mailing,
        lang.code(),
    )
    .await
    .map_err(AppError::internal)?;
    Ok(see_other(&format!(
        "/{}/organisations/{id}?notice=invited",
        lang.code()
    )))
}
