//! `/api/v1/me` and `/api/v1/tokens`: the caller's own account and API tokens. Machine
//! clients send `Authorization: Bearer gcmhub_…`; unauthenticated calls get 401.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use gcm_core::accounts::Action;
use gcm_store::accounts::{self, SCOPES};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::auth::Auth;
use crate::error::{AppError, AppResult, ErrorEnvelope};

/// A membership of the caller.
#[derive(Serialize, ToSchema)]
pub struct MembershipOut {
    pub organisation_id: String,
    pub organisation: String,
    /// `focal_point`, `editor` or `member`.
    pub role: String,
}

/// The caller's account.
#[derive(Serialize, ToSchema)]
pub struct Me {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub email_verified: bool,
    /// Platform roles: `administrator`, `secretariat`, `reviewer`, `fund_committee`, `moderator`.
    pub roles: Vec<String>,
    pub memberships: Vec<MembershipOut>,
    /// Scopes of the token used, when the call came with one.
    pub token_scopes: Option<Vec<String>>,
    /// The language the platform's letters are written in (`en`, `fr`, `es`, `nb`, `nl`);
    /// null until chosen (the site's default applies).
    pub lang: Option<String>,
}

/// What a person may change of their own account here.
#[derive(Deserialize, ToSchema)]
pub struct MeChange {
    /// The language of the platform's letters: `en`, `fr`, `es`, `nb` or `nl`.
    #[serde(default)]
    pub lang: String,
}

#[utoipa::path(
    get,
    path = "/api/v1/me",
    tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller's account", body = Me),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
    )
)]
pub async fn me(State(state): State<AppState>, auth: Auth) -> AppResult<Json<Me>> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    Ok(Json(me_out(&state, me, me.user.lang.clone()).await?))
}

#[utoipa::path(
    patch,
    path = "/api/v1/me",
    tag = "accounts",
    security(("bearer" = [])),
    request_body = MeChange,
    responses(
        (status = 200, description = "The caller's account as changed", body = Me),
        (status = 400, description = "Not one of the platform's languages", body = ErrorEnvelope),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "A read-only token cannot change the account", body = ErrorEnvelope),
    )
)]
pub async fn update_me(
    State(state): State<AppState>,
    auth: Auth,
    Json(body): Json<MeChange>,
) -> AppResult<Json<Me>> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    let lang = crate::i18n::Lang::from_code(body.lang.trim())
        .ok_or_else(|| AppError::invalid_parameter("lang"))?;
    accounts::set_lang(&state.db, &auth.actor(), &me.user.id, lang.code()).await?;
    Ok(Json(
        me_out(&state, me, Some(lang.code().to_string())).await?,
    ))
}

async fn me_out(
    state: &AppState,
    me: &crate::auth::SignedIn,
    lang: Option<String>,
) -> AppResult<Me> {
    let memberships = gcm_store::orgs::of_user(&state.db, &me.user.id)
        .await?
        .into_iter()
        .map(|(o, role)| MembershipOut {
            organisation_id: o.id,
            organisation: o.name,
            role: role.as_str().to_string(),
        })
        .collect();
    Ok(Me {
        id: me.user.id.clone(),
        email: me.user.email.clone(),
        display_name: me.user.display_name.clone(),
        email_verified: me.user.email_verified,
        roles: me
            .user
            .roles
            .iter()
            .map(|r| r.as_str().to_string())
            .collect(),
        memberships,
        token_scopes: match &me.via {
            crate::auth::Via::Token(s) => Some(s.clone()),
            crate::auth::Via::Session => None,
        },
        lang,
    })
}

/// An API token (never its secret).
#[derive(Serialize, ToSchema)]
pub struct TokenOut {
    pub id: String,
    pub name: String,
    pub scopes: Vec<String>,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

impl From<accounts::ApiToken> for TokenOut {
    fn from(t: accounts::ApiToken) -> Self {
        TokenOut {
            id: t.id,
            name: t.name,
            scopes: t.scopes,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            revoked_at: t.revoked_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct TokenList {
    pub items: Vec<TokenOut>,
    pub total: usize,
    pub next: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/tokens",
    tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller's API tokens", body = TokenList),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
    )
)]
pub async fn list_tokens(State(state): State<AppState>, auth: Auth) -> AppResult<Json<TokenList>> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    let items: Vec<TokenOut> = accounts::api_tokens_of(&state.db, &me.user.id)
        .await?
        .into_iter()
        .map(TokenOut::from)
        .collect();
    Ok(Json(TokenList {
        total: items.len(),
        items,
        next: None,
    }))
}

/// A token to create.
#[derive(Deserialize, ToSchema)]
pub struct NewToken {
    pub name: String,
    /// `read`, or `read` and `write`.
    pub scopes: Vec<String>,
}

/// A created token, with its secret (shown this once).
#[derive(Serialize, ToSchema)]
pub struct CreatedToken {
    pub token: TokenOut,
    pub secret: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/tokens",
    tag = "accounts",
    security(("bearer" = [])),
    request_body = NewToken,
    responses(
        (status = 201, description = "Created; the secret is shown only in this response", body = CreatedToken),
        (status = 400, description = "Bad name or scope", body = ErrorEnvelope),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "A read-only token cannot create tokens", body = ErrorEnvelope),
    )
)]
pub async fn create_token(
    State(state): State<AppState>,
    auth: Auth,
    Json(body): Json<NewToken>,
) -> AppResult<(StatusCode, Json<CreatedToken>)> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    let name = body.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(AppError::invalid_parameter("name"));
    }
    if body.scopes.is_empty() || body.scopes.iter().any(|s| !SCOPES.contains(&s.as_str())) {
        return Err(AppError::invalid_parameter("scopes"));
    }
    let scopes: Vec<&str> = body.scopes.iter().map(String::as_str).collect();
    let (token, secret) =
        accounts::create_api_token(&state.db, &auth.actor(), &me.user.id, name, &scopes).await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedToken {
            token: token.into(),
            secret,
        }),
    ))
}

#[utoipa::path(
    delete,
    path = "/api/v1/tokens/{id}",
    tag = "accounts",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "Token id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 404, description = "No such live token of the caller", body = ErrorEnvelope),
    )
)]
pub async fn revoke_token(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    if accounts::revoke_api_token(&state.db, &auth.actor(), &me.user.id, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::not_found())
    }
}
