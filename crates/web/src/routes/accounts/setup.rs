//! `GET/POST /{lang}/setup?token=…`: the first administrator, created through the one-time
//! link that `gcm-hub serve` prints while no administrator exists.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use gcm_store::accounts::{self, AccountError, Purpose};
use serde::Deserialize;

use super::MessagePage;
use super::problem_message;
use super::session::signed_in_redirect;
use super::signup::{SignupPage, page};
use crate::AppState;
use crate::auth::Auth;
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Tr};
use crate::pages::Chrome;
use crate::routes::forms::page_with_status;
use crate::routes::shell::PageLang;

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

fn setup_page(state: &AppState, auth: &Auth, lang: Lang, token: &str) -> SignupPage {
    let tr = Tr::new(lang);
    let mut p = page(state, auth, lang);
    p.title = tr.t("setup-title");
    p.intro = tr.t("setup-intro");
    p.action = format!("/{}/setup", lang.code());
    p.submit = tr.t("setup-submit");
    p.token = Some(token.to_string());
    p
}

fn invalid(state: &AppState, auth: &Auth, lang: Lang) -> Response {
    let tr = Tr::new(lang);
    page_with_status(
        StatusCode::GONE,
        &MessagePage {
            c: Chrome::new(state, auth, lang, "/setup", None),
            title: tr.t("setup-title"),
            notice: None,
            error: Some(tr.t("setup-link-invalid")),
            intro: None,
            form: None,
            link: None,
        },
    )
}

pub async fn form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Query(q): Query<TokenQuery>,
) -> AppResult<Response> {
    if !accounts::token_is_valid(&state.db, Purpose::Setup, &q.token).await? {
        return Ok(invalid(&state, &auth, lang));
    }
    Ok(
        page_with_status(StatusCode::OK, &setup_page(&state, &auth, lang, &q.token))
            .into_response(),
    )
}

#[derive(Deserialize)]
pub struct SetupForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

pub async fn submit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Form(f): Form<SetupForm>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    match accounts::complete_setup(
        &state.db,
        &f.token,
        &f.email,
        &f.display_name,
        &f.password,
        Some(auth.ip.clone()),
    )
    .await
    {
        Ok(user) => {
            signed_in_redirect(&state, &auth, &user.id, &format!("/{}/admin", lang.code())).await
        }
        Err(AccountError::TokenInvalid) => Ok(invalid(&state, &auth, lang)),
        Err(AccountError::Invalid(p)) => {
            let mut page = setup_page(&state, &auth, lang, &f.token);
            page.display_name = f.display_name;
            page.email = f.email;
            page.error = Some(problem_message(&tr, p));
            Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(AppError::internal(e)),
    }
}
