//! `GET/POST /{lang}/signup`: anyone may create an account. The form has no role field, and
//! any role sent with it is ignored: platform roles are granted by administrators only.

use std::time::Duration;

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, Response};
use gcm_store::accounts::{self, AccountError, NewUser, Purpose};
use gcm_store::outbox;
use serde::Deserialize;

use super::problem_message;
use super::session::signed_in_redirect;
use crate::AppState;
use crate::auth::Auth;
use crate::error::{AppError, AppResult};
use crate::i18n::{Arg, Lang, Tr};
use crate::pages::{Chrome, render};
use crate::routes::forms::page_with_status;
use crate::routes::shell::PageLang;

/// How long an e-mail confirmation link stays valid.
pub const VERIFY_TTL: Duration = Duration::from_secs(3 * 24 * 3600);

#[derive(Template)]
#[template(path = "signup.html")]
pub struct SignupPage {
    pub c: Chrome,
    pub title: String,
    pub intro: String,
    pub action: String,
    pub submit: String,
    pub token: Option<String>,
    pub display_name: String,
    pub email: String,
    pub error: Option<String>,
}

pub fn page(state: &AppState, auth: &Auth, lang: Lang) -> SignupPage {
    let tr = Tr::new(lang);
    SignupPage {
        c: Chrome::new(state, auth, lang, "/signup", None),
        title: tr.t("signup-title"),
        intro: tr.t("signup-intro"),
        action: format!("/{}/signup", lang.code()),
        submit: tr.t("signup-submit"),
        token: None,
        display_name: String::new(),
        email: String::new(),
        error: None,
    }
}

pub async fn form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
) -> Html<String> {
    Html(render(&page(&state, &auth, lang)))
}

#[derive(Deserialize)]
pub struct SignupForm {
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
}

/// Queues the confirmation mail for a new address, in the person's language.
pub async fn send_verification(
    state: &AppState,
    lang: Lang,
    user_id: &str,
    name: &str,
    email: &str,
) -> Result<(), AppError> {
    let tr = Tr::new(lang);
    let mut tx = state.db.begin_write().await?;
    let token =
        accounts::issue_token_in(&mut tx, Purpose::VerifyEmail, Some(user_id), VERIFY_TTL).await?;
    let link = format!(
        "{}/{}/verify?token={token}",
        state.options.public_url,
        lang.code()
    );
    outbox::enqueue_in(
        &mut tx,
        email,
        &tr.t("mail-verify-subject"),
        &tr.t_with(
            "mail-verify-body",
            &[
                ("name", Arg::Str(name.to_string())),
                ("link", Arg::Str(link)),
            ],
        ),
        "verify_email",
    )
    .await?;
    tx.commit().await.map_err(AppError::internal)?;
    Ok(())
}

pub async fn submit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Form(f): Form<SignupForm>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let created = accounts::create(
        &state.db,
        &auth.actor(),
        &NewUser {
            email: &f.email,
            display_name: &f.display_name,
            password: Some(&f.password),
            roles: &[],
            email_verified: false,
            // Letters go in the language the person signed up in until they choose another.
            lang: Some(lang.code()),
        },
    )
    .await;
    match created {
        Ok(user) => {
            send_verification(&state, lang, &user.id, &user.display_name, &user.email).await?;
            signed_in_redirect(
                &state,
                &auth,
                &user.id,
                &format!("/{}/account?notice=welcome", lang.code()),
            )
            .await
        }
        Err(e) => {
            let (status, message) = match e {
                AccountError::Invalid(p) => {
                    (StatusCode::UNPROCESSABLE_ENTITY, problem_message(&tr, p))
                }
                AccountError::EmailTaken => (StatusCode::CONFLICT, tr.t("signup-email-taken")),
                other => return Err(AppError::internal(other)),
            };
            let mut p = page(&state, &auth, lang);
            p.display_name = f.display_name;
            p.email = f.email;
            p.error = Some(message);
            Ok(page_with_status(status, &p))
        }
    }
}
