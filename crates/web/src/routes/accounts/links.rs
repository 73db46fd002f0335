//! One-time links sent by mail: e-mail confirmation (`/{lang}/verify`) and password reset
//! (`/{lang}/password-reset`, `/{lang}/reset`). Opening a link shows a form; only submitting
//! it acts, so mail scanners that fetch links change nothing.

use std::time::Duration;

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use gcm_store::accounts::{self, AccountError, Purpose};
use gcm_store::outbox;
use serde::Deserialize;

use super::{FieldSpec, FormSpec, MessagePage, problem_message};
use crate::AppState;
use crate::auth::Auth;
use crate::error::{AppError, AppResult};
use crate::i18n::{Arg, Lang, Tr};
use crate::pages::Chrome;
use crate::routes::forms::{page_with_status, see_other};
use crate::routes::shell::PageLang;

/// How long a password reset link stays valid.
pub const RESET_TTL: Duration = Duration::from_secs(2 * 3600);

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

fn message(state: &AppState, auth: &Auth, lang: Lang, rest: &str, title: String) -> MessagePage {
    MessagePage {
        c: Chrome::new(state, auth, lang, rest, None),
        title,
        notice: None,
        error: None,
        intro: None,
        form: None,
        link: None,
    }
}

fn token_form(action: String, token: &str, submit: String) -> FormSpec {
    FormSpec {
        action,
        hidden: vec![("token".into(), token.to_string())],
        fields: Vec::new(),
        submit,
        danger: false,
    }
}

/// `GET /{lang}/verify?token=`
pub async fn verify_form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Query(q): Query<TokenQuery>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let mut page = message(&state, &auth, lang, "/verify", tr.t("verify-title"));
    if !accounts::token_is_valid(&state.db, Purpose::VerifyEmail, &q.token).await? {
        page.error = Some(tr.t("link-invalid"));
        return Ok(page_with_status(StatusCode::GONE, &page));
    }
    page.intro = Some(tr.t("verify-intro"));
    page.form = Some(token_form(
        format!("/{}/verify", lang.code()),
        &q.token,
        tr.t("verify-submit"),
    ));
    Ok(page_with_status(StatusCode::OK, &page))
}

/// `POST /{lang}/verify`
pub async fn verify_submit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Form(q): Form<TokenQuery>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    match accounts::verify_email(&state.db, &q.token, Some(auth.ip.clone())).await {
        Ok(_) => Ok(see_other(&match auth.user() {
            Some(_) => format!("/{}/account?notice=verified", lang.code()),
            None => format!("/{}/login?notice=verified", lang.code()),
        })),
        Err(AccountError::TokenInvalid) => {
            let mut page = message(&state, &auth, lang, "/verify", tr.t("verify-title"));
            page.error = Some(tr.t("link-invalid"));
            Ok(page_with_status(StatusCode::GONE, &page))
        }
        Err(e) => Err(AppError::internal(e)),
    }
}

fn reset_request_page(state: &AppState, auth: &Auth, lang: Lang, email: &str) -> MessagePage {
    let tr = Tr::new(lang);
    let mut page = message(
        state,
        auth,
        lang,
        "/password-reset",
        tr.t("reset-request-title"),
    );
    page.intro = Some(tr.t("reset-request-intro"));
    page.form = Some(FormSpec {
        action: format!("/{}/password-reset", lang.code()),
        hidden: Vec::new(),
        fields: vec![FieldSpec {
            name: "email",
            label: tr.t("field-email"),
            kind: "email",
            value: email.to_string(),
            autocomplete: "email",
            hint: None,
        }],
        submit: tr.t("reset-request-submit"),
        danger: false,
    });
    page
}

/// `GET /{lang}/password-reset`
pub async fn reset_request_form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
) -> Response {
    page_with_status(StatusCode::OK, &reset_request_page(&state, &auth, lang, ""))
}

#[derive(Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    email: String,
}

/// `POST /{lang}/password-reset`: mails a link if an account uses the address. The answer is
/// the same either way, so the form does not reveal who has an account.
pub async fn reset_request_submit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Form(f): Form<EmailForm>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    if let Some(user) = accounts::find_by_email(&state.db, &f.email).await?
        && user.status == "active"
    {
        let mut tx = state.db.begin_write().await?;
        let token =
            accounts::issue_token_in(&mut tx, Purpose::ResetPassword, Some(&user.id), RESET_TTL)
                .await?;
        let link = format!(
            "{}/{}/reset?token={token}",
            state.options.public_url,
            lang.code()
        );
        outbox::enqueue_in(
            &mut tx,
            &user.email,
            &tr.t("mail-reset-subject"),
            &tr.t_with(
                "mail-reset-body",
                &[
                    ("name", Arg::Str(user.display_name.clone())),
                    ("link", Arg::Str(link)),
                ],
            ),
            "reset_password",
        )
        .await?;
        tx.commit().await.map_err(AppError::internal)?;
    }
    let mut page = reset_request_page(&state, &auth, lang, &f.email);
    page.form = None;
    page.intro = None;
    page.notice = Some(tr.t("reset-request-sent"));
    Ok(page_with_status(StatusCode::OK, &page))
}

fn reset_page(state: &AppState, auth: &Auth, lang: Lang, token: &str) -> MessagePage {
    let tr = Tr::new(lang);
    let mut page = message(state, auth, lang, "/reset", tr.t("reset-title"));
    let mut form = token_form(
        format!("/{}/reset", lang.code()),
        token,
        tr.t("reset-submit"),
    );
    form.fields.push(FieldSpec {
        name: "password",
        label: tr.t("field-password-new"),
        kind: "password",
        value: String::new(),
        autocomplete: "new-password",
        hint: Some(tr.t("field-password-hint")),
    });
    page.form = Some(form);
    page
}

/// `GET /{lang}/reset?token=`
pub async fn reset_form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Query(q): Query<TokenQuery>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    if !accounts::token_is_valid(&state.db, Purpose::ResetPassword, &q.token).await? {
        let mut page = message(&state, &auth, lang, "/reset", tr.t("reset-title"));
        page.error = Some(tr.t("link-invalid"));
        page.link = Some((
            format!("/{}/password-reset", lang.code()),
            tr.t("reset-request-title"),
        ));
        return Ok(page_with_status(StatusCode::GONE, &page));
    }
    Ok(page_with_status(
        StatusCode::OK,
        &reset_page(&state, &auth, lang, &q.token),
    ))
}

#[derive(Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
}

/// `POST /{lang}/reset`
pub async fn reset_submit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Form(f): Form<ResetForm>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    match accounts::reset_password(&state.db, &f.token, &f.password, Some(auth.ip.clone())).await {
        Ok(_) => Ok(see_other(&format!("/{}/login?notice=reset", lang.code()))),
        Err(AccountError::Invalid(p)) => {
            let mut page = reset_page(&state, &auth, lang, &f.token);
            page.error = Some(problem_message(&tr, p));
            Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(AccountError::TokenInvalid) => {
            let mut page = message(&state, &auth, lang, "/reset", tr.t("reset-title"));
            page.error = Some(tr.t("link-invalid"));
            Ok(page_with_status(StatusCode::GONE, &page))
        }
        Err(e) => Err(AppError::internal(e)),
    }
}
