//! `/api/v1/organisations`: the public directory, registering an organisation (signed-in
//! people with a confirmed address), and one organisation.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use gcm_core::accounts::Action;
use gcm_store::orgs::{self, Organisation};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::auth::Auth;
use crate::error::{AppError, AppResult, ErrorEnvelope};
use crate::routes::orgs::{FieldError, ListQuery, OrgForm};

/// An organisation.
#[derive(Serialize, ToSchema)]
pub struct OrgOut {
    pub id: String,
    pub name: String,
    /// One of the kinds of GCM paragraph 44, e.g. `member_state_government`, `civil_society`.
    pub kind: String,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// UN M49 region code.
    pub region: Option<String>,
    pub website: Option<String>,
    pub description: String,
    pub created_at: String,
    pub updated_at: String,
}

impl From<Organisation> for OrgOut {
    fn from(o: Organisation) -> Self {
        OrgOut {
            id: o.id,
            name: o.name,
            kind: o.kind.as_str().to_string(),
            country: o.country,
            region: o.region,
            website: o.website,
            description: o.description,
            created_at: o.created_at,
            updated_at: o.updated_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct OrgList {
    pub items: Vec<OrgOut>,
    pub total: i64,
    /// The next page's URL, when there is one.
    pub next: Option<String>,
}

const PAGE_SIZE: i64 = 100;

#[utoipa::path(
    get,
    path = "/api/v1/organisations",
    tag = "accounts",
    params(ListQuery),
    responses(
        (status = 200, description = "Organisations by name", body = OrgList),
        (status = 400, description = "Unknown kind or country", body = ErrorEnvelope),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    Query(q): Query<ListQuery>,
) -> AppResult<Json<OrgList>> {
    let filter = q.filter()?;
    let page = q.page()?;
    let (items, total) = orgs::list(&state.db, &filter, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    let next = (page * PAGE_SIZE < total).then(|| {
        format!(
            "/api/v1/organisations?q={}&kind={}&country={}&page={}",
            url::form_urlencoded::byte_serialize(q.q.as_bytes()).collect::<String>(),
            q.kind,
            q.country,
            page + 1
        )
    });
    Ok(Json(OrgList {
        items: items.into_iter().map(OrgOut::from).collect(),
        total,
        next,
    }))
}

/// A new organisation.
#[derive(Deserialize, ToSchema)]
pub struct NewOrg {
    pub name: String,
    pub kind: String,
    pub country: Option<String>,
    pub region: Option<String>,
    pub website: Option<String>,
    pub description: Option<String>,
}

#[utoipa::path(
    post,
    path = "/api/v1/organisations",
    tag = "accounts",
    security(("bearer" = [])),
    request_body = NewOrg,
    responses(
        (status = 201, description = "Registered; the caller is its focal point", body = OrgOut),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Address not confirmed, or read-only token", body = ErrorEnvelope),
        (status = 422, description = "A field is not valid (details name it)", body = ErrorEnvelope),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Json(body): Json<NewOrg>,
) -> AppResult<(StatusCode, Json<OrgOut>)> {
    let me = auth.require_user(&Action::CreateOrganisation)?;
    let form = OrgForm {
        name: body.name,
        kind: body.kind,
        country: body.country.unwrap_or_default(),
        region: body.region.unwrap_or_default(),
        website: body.website.unwrap_or_default(),
        description: body.description.unwrap_or_default(),
    };
    let fields = form.validate().map_err(|FieldError(msg)| {
        let field = match msg {
            "org-name-missing" => "name",
            "org-kind-invalid" => "kind",
            _ => "country",
        };
        AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_parameter")
            .with_arg("name", field)
            .with_details(serde_json::json!({ "field": field }))
    })?;
    let org = orgs::create(&state.db, &auth.actor(), &me.user.id, &fields)
        .await
        .map_err(AppError::internal)?;
    Ok((StatusCode::CREATED, Json(org.into())))
}

#[utoipa::path(
    get,
    path = "/api/v1/organisations/{id}",
    tag = "accounts",
    params(("id" = String, Path, description = "Organisation id")),
    responses(
        (status = 200, description = "One organisation", body = OrgOut),
        (status = 404, description = "No such organisation", body = ErrorEnvelope),
    )
)]
pub async fn get(State(state): State<AppState>, Path(id): Path<String>) -> AppResult<Json<OrgOut>> {
    orgs::get(&state.db, &id)
        .await?
        .map(|o| Json(o.into()))
        .ok_or_else(AppError::not_found)
}
