//! Partners and workplan of a request (GCM para 43(a)(iv)) and links to similar work (para
//! 43(a)(iii)): the secretariat invites partners (also from the ranked suggestions page, which
//! posts here), each invited organisation answers once, the secretariat sets milestones with a
//! responsible partner, flags similar requests and practices and connects focal points.

use axum::extract::{Path, RawForm, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use axum::{Json, Router};
use gcm_core::accounts::Action;
use gcm_core::hub::{LinkKind, PartnerRole};
use gcm_store::hub_requests::{self, HubError};
use gcm_store::hub_setup::{self, Invitation};
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::hub_error;
use super::requests::{RequestOut, after_action, request_out};
use crate::AppState;
use crate::auth::Auth;
use crate::error::{AppError, AppResult, ErrorEnvelope};
use crate::routes::shell::PageLang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/hub/requests/{id}/invitations", post(invite))
        .route(
            "/{lang}/hub/requests/{id}/invitations/{org_id}",
            post(answer),
        )
        .route(
            "/{lang}/hub/requests/{id}/invitations/{org_id}/withdraw",
            post(withdraw),
        )
        .route("/{lang}/hub/requests/{id}/milestones", post(add_milestone))
        .route(
            "/{lang}/hub/requests/{id}/milestones/{milestone_id}/done",
            post(milestone_done),
        )
        .route("/{lang}/hub/requests/{id}/links", post(flag))
        .route("/{lang}/hub/requests/{id}/links/connect", post(connect))
}

pub fn api(r: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    r.routes(routes!(api_invite))
        .routes(routes!(api_answer))
        .routes(routes!(api_withdraw))
        .routes(routes!(api_add_milestone))
        .routes(routes!(api_milestone_done))
        .routes(routes!(api_flag))
        .routes(routes!(api_connect))
}

fn fields(body: &[u8]) -> std::collections::HashMap<String, String> {
    url::form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// An invitation to partner, from the request's page, the suggestions page or the API.
#[derive(Deserialize, ToSchema, Default)]
pub struct InvitationIn {
    /// The organisation invited.
    #[serde(default)]
    pub org_id: String,
    /// `lead`, `co_implementer`, `technical_adviser` or `funder`.
    #[serde(default)]
    pub role: String,
    /// The suggestion's score when picked from the ranked suggestions.
    #[serde(default)]
    pub suggested_score: Option<f64>,
    /// Why the secretariat chose differently from the ranking.
    #[serde(default)]
    pub override_reason: String,
}

impl InvitationIn {
    fn from_form(v: &std::collections::HashMap<String, String>) -> Result<Self, HubError> {
        let get = |k: &str| v.get(k).cloned().unwrap_or_default();
        Ok(InvitationIn {
            org_id: get("org_id"),
            role: get("role"),
            suggested_score: match get("suggested_score").trim() {
                "" => None,
                s => Some(
                    s.parse::<f64>()
                        .map_err(|_| HubError::Invalid("suggested_score"))?,
                ),
            },
            override_reason: get("override_reason"),
        })
    }

    fn to_invitation(&self) -> Result<Invitation, HubError> {
        let role = PartnerRole::parse(self.role.trim()).ok_or(HubError::Invalid("role"))?;
        if self.org_id.trim().is_empty() {
            return Err(HubError::Invalid("org_id"));
        }
        Ok(Invitation {
            org_id: self.org_id.trim().to_string(),
            role,
            suggested_score: self.suggested_score,
            override_reason: self.override_reason.clone(),
        })
    }
}

/// `POST /{lang}/hub/requests/{id}/invitations` (secretariat)
pub async fn invite(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    auth.require_user(&Action::ManageHub)?;
    let v = fields(&body);
    let result = match InvitationIn::from_form(&v).and_then(|i| i.to_invitation()) {
        Ok(inv) => hub_setup::invite(&state.db, &state.mailing, &auth.actor(), &id, &inv).await,
        Err(e) => Err(e),
    };
    after_action(&state, &auth, lang, &id, result).await
}

/// The invited organisation's member answering: signed in, and focal point or editor of it.
fn may_answer(auth: &Auth, org_id: &str) -> AppResult<()> {
    auth.require_user(&Action::ActAsHubPartner { org_id })
        .map(|_| ())
}

/// `POST /{lang}/hub/requests/{id}/invitations/{org_id}` (fields `answer=accept|decline`,
/// `note`; a focal point or editor of the invited organisation)
pub async fn answer(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id, org_id)): Path<(String, String, String)>,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    may_answer(&auth, &org_id)?;
    let v = fields(&body);
    let result = match v.get("answer").map(String::as_str) {
        Some("accept") | Some("decline") => {
            hub_setup::answer(
                &state.db,
                &state.mailing,
                &auth.actor(),
                &id,
                &org_id,
                v.get("answer").is_some_and(|a| a == "accept"),
                v.get("note").map(String::as_str).unwrap_or(""),
            )
            .await
        }
        _ => Err(HubError::Invalid("answer")),
    };
    after_action(&state, &auth, lang, &id, result).await
}

/// `POST /{lang}/hub/requests/{id}/invitations/{org_id}/withdraw` (secretariat)
pub async fn withdraw(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id, org_id)): Path<(String, String, String)>,
) -> AppResult<Response> {
    auth.require_user(&Action::ManageHub)?;
    let result = hub_setup::withdraw(&state.db, &state.mailing, &auth.actor(), &id, &org_id).await;
    after_action(&state, &auth, lang, &id, result).await
}

/// `POST /{lang}/hub/requests/{id}/milestones` (fields `title`, `due_on`, `responsible_org`)
pub async fn add_milestone(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    auth.require_user(&Action::ManageHub)?;
    let v = fields(&body);
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let result = match hub_requests::optional_date(&get("due_on"), "due_on") {
        Ok(due) => hub_setup::add_milestone(
            &state.db,
            &auth.actor(),
            &id,
            &get("title"),
            due,
            &get("responsible_org"),
        )
        .await
        .map(|_| ()),
        Err(e) => Err(e),
    };
    after_action(&state, &auth, lang, &id, result).await
}

/// `POST /{lang}/hub/requests/{id}/milestones/{milestone_id}/done`
pub async fn milestone_done(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id, milestone_id)): Path<(String, String, String)>,
) -> AppResult<Response> {
    auth.require_user(&Action::ManageHub)?;
    let result = hub_setup::milestone_done(&state.db, &auth.actor(), &id, &milestone_id).await;
    after_action(&state, &auth, lang, &id, result).await
}

/// A flag on a similar request or practice.
#[derive(Deserialize, ToSchema, Default)]
pub struct LinkIn {
    /// `hub_request` or `practice`.
    #[serde(default)]
    pub other_kind: String,
    #[serde(default)]
    pub other_id: String,
    /// `potential_duplication` or `peer_exchange` (not needed to connect).
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub note: String,
}

impl LinkIn {
    fn from_form(v: &std::collections::HashMap<String, String>) -> Self {
        let get = |k: &str| v.get(k).cloned().unwrap_or_default();
        LinkIn {
            other_kind: get("other_kind"),
            other_id: get("other_id"),
            kind: get("kind"),
            note: get("note"),
        }
    }

    async fn flag(&self, state: &AppState, auth: &Auth, id: &str) -> Result<(), HubError> {
        let kind = LinkKind::parse(self.kind.trim()).ok_or(HubError::Invalid("kind"))?;
        hub_setup::flag(
            &state.db,
            &auth.actor(),
            id,
            self.other_kind.trim(),
            self.other_id.trim(),
            kind,
            &self.note,
        )
        .await
    }
}

/// `POST /{lang}/hub/requests/{id}/links` (secretariat)
pub async fn flag(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    auth.require_user(&Action::ManageHub)?;
    let link = LinkIn::from_form(&fields(&body));
    let result = link.flag(&state, &auth, &id).await;
    after_action(&state, &auth, lang, &id, result).await
}

/// `POST /{lang}/hub/requests/{id}/links/connect` (secretariat)
pub async fn connect(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    auth.require_user(&Action::ManageHub)?;
    let link = LinkIn::from_form(&fields(&body));
    let result = hub_setup::connect(
        &state.db,
        &state.mailing,
        &auth.actor(),
        &id,
        link.other_kind.trim(),
        link.other_id.trim(),
    )
    .await
    .map(|_| ());
    after_action(&state, &auth, lang, &id, result).await
}

// ---------------------------------------------------------------------------------------------
// API

async fn out(state: &AppState, auth: &Auth, id: &str) -> AppResult<Json<RequestOut>> {
    let r = hub_requests::load(&state.db, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let partners = hub_setup::partners(&state.db, id).await?;
    let a = super::access(auth, &r, &partners)?;
    Ok(Json(request_out(state, &r, &partners, &a, None).await?))
}

#[utoipa::path(
    post,
    path = "/api/v1/hub/requests/{id}/invitations",
    tag = "hub",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The request's id")),
    request_body = InvitationIn,
    responses(
        (status = 200, description = "Invited: the organisation's focal points are mailed", body = RequestOut),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not the secretariat", body = ErrorEnvelope),
        (status = 404, description = "No such request", body = ErrorEnvelope),
        (status = 409, description = "Not matching or setting up, or the organisation is already invited", body = ErrorEnvelope),
        (status = 422, description = "Unknown organisation or role (`details.field`)", body = ErrorEnvelope),
    )
)]
pub async fn api_invite(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Json(i): Json<InvitationIn>,
) -> AppResult<Json<RequestOut>> {
    auth.require_user(&Action::ManageHub)?;
    let inv = i.to_invitation().map_err(hub_error)?;
    hub_setup::invite(&state.db, &state.mailing, &auth.actor(), &id, &inv)
        .await
        .map_err(hub_error)?;
    out(&state, &auth, &id).await
}

/// A partner's answer.
#[derive(Deserialize, ToSchema, Default)]
pub struct AnswerIn {
    /// `accept` or `decline`.
    #[serde(default)]
    pub answer: String,
    #[serde(default)]
    pub note: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/hub/requests/{id}/invitations/{org_id}",
    tag = "hub",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The request's id"),
        ("org_id" = String, Path, description = "The invited organisation"),
    ),
    request_body = AnswerIn,
    responses(
        (status = 200, description = "The answer, recorded with who and when", body = RequestOut),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not a focal point or editor of the invited organisation", body = ErrorEnvelope),
        (status = 404, description = "No such request or invitation", body = ErrorEnvelope),
        (status = 409, description = "Already answered", body = ErrorEnvelope),
        (status = 422, description = "`answer` is neither accept nor decline", body = ErrorEnvelope),
    )
)]
pub async fn api_answer(
    State(state): State<AppState>,
    auth: Auth,
    Path((id, org_id)): Path<(String, String)>,
    Json(a): Json<AnswerIn>,
) -> AppResult<Json<RequestOut>> {
    may_answer(&auth, &org_id)?;
    let accept = match a.answer.trim() {
        "accept" => true,
        "decline" => false,
        _ => return Err(hub_error(HubError::Invalid("answer"))),
    };
    hub_setup::answer(
        &state.db,
        &state.mailing,
        &auth.actor(),
        &id,
        &org_id,
        accept,
        &a.note,
    )
    .await
    .map_err(hub_error)?;
    out(&state, &auth, &id).await
}

#[utoipa::path(
    post,
    path = "/api/v1/hub/requests/{id}/invitations/{org_id}/withdraw",
    tag = "hub",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The request's id"),
        ("org_id" = String, Path, description = "The invited organisation"),
    ),
    responses(
        (status = 200, description = "Withdrawn: the organisation no longer sees the full request (it may be invited again)", body = RequestOut),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not the secretariat", body = ErrorEnvelope),
        (status = 404, description = "No such request or invitation", body = ErrorEnvelope),
        (status = 409, description = "Already withdrawn, or the request is closed", body = ErrorEnvelope),
    )
)]
pub async fn api_withdraw(
    State(state): State<AppState>,
    auth: Auth,
    Path((id, org_id)): Path<(String, String)>,
) -> AppResult<Json<RequestOut>> {
    auth.require_user(&Action::ManageHub)?;
    hub_setup::withdraw(&state.db, &state.mailing, &auth.actor(), &id, &org_id)
        .await
        .map_err(hub_error)?;
    out(&state, &auth, &id).await
}

/// A milestone of the workplan.
#[derive(Deserialize, ToSchema, Default)]
pub struct MilestoneIn {
    #[serde(default)]
    pub title: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub due_on: String,
    /// An accepted partner of the request.
    #[serde(default)]
    pub responsible_org: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/hub/requests/{id}/milestones",
    tag = "hub",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The request's id")),
    request_body = MilestoneIn,
    responses(
        (status = 200, description = "The milestone, added to the workplan", body = RequestOut),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not the secretariat", body = ErrorEnvelope),
        (status = 404, description = "No such request", body = ErrorEnvelope),
        (status = 409, description = "Not in implementation set-up or implementation", body = ErrorEnvelope),
        (status = 422, description = "Empty title, bad date, or the responsible organisation is not an accepted partner", body = ErrorEnvelope),
    )
)]
pub async fn api_add_milestone(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Json(m): Json<MilestoneIn>,
) -> AppResult<Json<RequestOut>> {
    auth.require_user(&Action::ManageHub)?;
    let due = hub_requests::optional_date(&m.due_on, "due_on").map_err(hub_error)?;
    hub_setup::add_milestone(
        &state.db,
        &auth.actor(),
        &id,
        &m.title,
        due,
        m.responsible_org.trim(),
    )
    .await
    .map_err(hub_error)?;
    out(&state, &auth, &id).await
}

#[utoipa::path(
    post,
    path = "/api/v1/hub/requests/{id}/milestones/{milestone_id}/done",
    tag = "hub",
    security(("bearer" = [])),
    params(
        ("id" = String, Path, description = "The request's id"),
        ("milestone_id" = String, Path, description = "The milestone's id"),
    ),
    responses(
        (status = 200, description = "Marked done", body = RequestOut),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not the secretariat", body = ErrorEnvelope),
        (status = 404, description = "No such milestone", body = ErrorEnvelope),
        (status = 409, description = "Already done", body = ErrorEnvelope),
    )
)]
pub async fn api_milestone_done(
    State(state): State<AppState>,
    auth: Auth,
    Path((id, milestone_id)): Path<(String, String)>,
) -> AppResult<Json<RequestOut>> {
    auth.require_user(&Action::ManageHub)?;
    hub_setup::milestone_done(&state.db, &auth.actor(), &id, &milestone_id)
        .await
        .map_err(hub_error)?;
    out(&state, &auth, &id).await
}

#[utoipa::path(
    post,
    path = "/api/v1/hub/requests/{id}/links",
    tag = "hub",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The request's id")),
    request_body = LinkIn,
    responses(
        (status = 204, description = "Flagged (an existing flag is replaced)"),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not the secretariat", body = ErrorEnvelope),
        (status = 404, description = "No such request", body = ErrorEnvelope),
        (status = 422, description = "Unknown kind or item (`details.field`)", body = ErrorEnvelope),
    )
)]
pub async fn api_flag(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Json(l): Json<LinkIn>,
) -> AppResult<StatusCode> {
    auth.require_user(&Action::ManageHub)?;
    l.flag(&state, &auth, &id).await.map_err(hub_error)?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    post,
    path = "/api/v1/hub/requests/{id}/links/connect",
    tag = "hub",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The request's id")),
    request_body = LinkIn,
    responses(
        (status = 204, description = "Both sides' focal points were mailed an introduction"),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not the secretariat", body = ErrorEnvelope),
        (status = 404, description = "No such request or link", body = ErrorEnvelope),
        (status = 409, description = "One side has no focal point (or the practice no organisation)", body = ErrorEnvelope),
    )
)]
pub async fn api_connect(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Json(l): Json<LinkIn>,
) -> AppResult<StatusCode> {
    auth.require_user(&Action::ManageHub)?;
    hub_setup::connect(
        &state.db,
        &state.mailing,
        &auth.actor(),
        &id,
        l.other_kind.trim(),
        l.other_id.trim(),
    )
    .await
    .map_err(hub_error)?;
    Ok(StatusCode::NO_CONTENT)
}
