//! `GET/POST /{lang}/login` and `POST /{lang}/logout`.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use gcm_store::accounts::{self, AccountError, SESSION_TTL};
use serde::Deserialize;

use crate::AppState;
use crate::auth::{Auth, SESSION_COOKIE, cookie, set_cookie};
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::pages::{Chrome, render};
use crate::routes::forms::{page_with_status, safe_next, see_other};
use crate::routes::shell::PageLang;

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub c: Chrome,
    pub email: String,
    pub next: String,
    pub error: Option<String>,
    pub notice: Option<String>,
}

#[derive(Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
    notice: Option<String>,
}

/// Notices other pages send people here with (after a reset, say).
fn notice_text(tr: &Tr, key: Option<&str>) -> Option<String> {
    match key {
        Some("reset") => Some(tr.t("reset-done")),
        Some("closed") => Some(tr.t("account-closed")),
        Some("verified") => Some(tr.t("verify-done")),
        _ => None,
    }
}

pub async fn form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Query(q): Query<LoginQuery>,
) -> Html<String> {
    let tr = Tr::new(lang);
    Html(render(&LoginPage {
        c: Chrome::new(&state, &auth, lang, "/login", None),
        email: String::new(),
        next: safe_next(q.next.as_deref(), lang),
        error: None,
        notice: notice_text(&tr, q.notice.as_deref()),
    }))
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

pub async fn submit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    headers: HeaderMap,
    Form(f): Form<LoginForm>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    match accounts::authenticate(&state.db, &f.email, &f.password, &auth.ip).await {
        Ok(user) => {
            // Whatever session cookie came with the request is ended, and a new one issued:
            // an identifier planted before sign-in never becomes a signed-in session.
            if let Some(old) = cookie(&headers, SESSION_COOKIE) {
                accounts::close_session(&state.db, &old).await?;
            }
            signed_in_redirect(&state, &auth, &user.id, &safe_next(f.next.as_deref(), lang)).await
        }
        Err(e) => {
            let (status, message) = match e {
                AccountError::BadCredentials | AccountError::NotFound => {
                    (StatusCode::UNAUTHORIZED, tr.t("login-failed"))
                }
                AccountError::Locked { .. } => (StatusCode::FORBIDDEN, tr.t("login-locked")),
                AccountError::Throttled => (StatusCode::TOO_MANY_REQUESTS, tr.t("login-throttled")),
                other => return Err(AppError::internal(other)),
            };
            Ok(page_with_status(
                status,
                &LoginPage {
                    c: Chrome::new(&state, &auth, lang, "/login", None),
                    email: f.email,
                    next: safe_next(f.next.as_deref(), lang),
                    error: Some(message),
                    notice: None,
                },
            ))
        }
    }
}

/// `POST /{lang}/logout`: ends this session.
pub async fn logout(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    headers: HeaderMap,
) -> AppResult<Response> {
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        accounts::close_session(&state.db, &token).await?;
    }
    let mut res = see_other(&format!("/{}/", lang.code()));
    res.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", Some(0), state.options.secure_cookies),
    );
    Ok(res.into_response())
}

/// Opens a session for a person who just proved who they are, as a response that sets the
/// cookie and redirects to `to`.
pub async fn signed_in_redirect(
    state: &AppState,
    auth: &Auth,
    user_id: &str,
    to: &str,
) -> AppResult<Response> {
    let session = accounts::open_session(&state.db, user_id, auth.user_agent.as_deref()).await?;
    let mut res = see_other(to);
    res.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(
            SESSION_COOKIE,
            &session.token,
            Some(SESSION_TTL.as_secs() as i64),
            state.options.secure_cookies,
        ),
    );
    Ok(res)
}
