//! `/{lang}/account`: a person's own account: profile, organisations, sessions, API tokens,
//! data export and closure. Everything here acts on the signed-in person only.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use gcm_core::accounts::Action;
use gcm_store::accounts::{self, ApiToken, User};
use serde::Deserialize;

use super::{FieldSpec, FormSpec, MessagePage};
use crate::AppState;
use crate::auth::{Auth, SESSION_COOKIE, set_cookie};
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Tr};
use crate::pages::Chrome;
use crate::routes::forms::{page_with_status, see_other};
use crate::routes::shell::PageLang;

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage {
    pub c: Chrome,
    pub user: User,
    pub roles: Vec<String>,
    pub orgs: Vec<(String, String, String)>,
    pub sessions: i64,
    pub tokens: Vec<ApiToken>,
    pub new_token: Option<String>,
    pub notice: Option<String>,
    /// The languages letters can be written in: code, name in that language, chosen.
    pub letter_langs: Vec<(String, String, bool)>,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

async fn account_page(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    notice: Option<String>,
    new_token: Option<String>,
) -> AppResult<AccountPage> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    let tr = Tr::new(lang);
    let orgs = gcm_store::orgs::of_user(&state.db, &me.user.id)
        .await?
        .into_iter()
        .map(|(o, role)| (o.id, o.name, tr.t(&format!("org-role-{}", role.as_str()))))
        .collect();
    Ok(AccountPage {
        c: Chrome::new(state, auth, lang, "/account", None),
        roles: me
            .user
            .roles
            .iter()
            .map(|r| tr.t(&format!("role-{}", r.as_str())))
            .collect(),
        user: me.user.clone(),
        orgs,
        sessions: accounts::sessions_of(&state.db, &me.user.id).await?.len() as i64,
        tokens: accounts::api_tokens_of(&state.db, &me.user.id).await?,
        new_token,
        notice,
        letter_langs: Lang::ALL
            .iter()
            .map(|l| {
                (
                    l.code().to_string(),
                    l.endonym(),
                    me.user.lang.as_deref().unwrap_or(Lang::En.code()) == l.code(),
                )
            })
            .collect(),
    })
}

/// `GET /{lang}/account`
pub async fn page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Query(q): Query<NoticeQuery>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let notice = match q.notice.as_deref() {
        Some("welcome") => auth
            .user()
            .map(|u| tr.t1("signup-check-mail", "email", &u.email)),
        Some("verified") => Some(tr.t("verify-done")),
        Some("resent") => Some(tr.t("account-resent")),
        Some("signed-out-elsewhere") => Some(tr.t("account-signed-out-everywhere")),
        Some("language") => Some(tr.t("account-letters-saved")),
        _ => None,
    };
    let page = account_page(&state, &auth, lang, notice, None).await?;
    Ok(page_with_status(StatusCode::OK, &page))
}

/// `POST /{lang}/account/verify-email`: sends the confirmation link again.
pub async fn resend_verification(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    if !me.user.email_verified {
        super::signup::send_verification(
            &state,
            lang,
            &me.user.id,
            &me.user.display_name,
            &me.user.email,
        )
        .await?;
    }
    Ok(see_other(&format!(
        "/{}/account?notice=resent",
        lang.code()
    )))
}

/// `POST /{lang}/account/sessions/close-all`: signs out every device, this one included
/// (a new session is opened for this one so the person stays here).
pub async fn close_all_sessions(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    accounts::close_all_sessions(&state.db, &auth.actor(), &me.user.id).await?;
    super::session::signed_in_redirect(
        &state,
        &auth,
        &me.user.id,
        &format!("/{}/account?notice=signed-out-elsewhere", lang.code()),
    )
    .await
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    lang: String,
}

/// `POST /{lang}/account/language`: the language the platform writes to the person in.
pub async fn set_language(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Form(f): Form<LanguageForm>,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    let chosen =
        Lang::from_code(f.lang.trim()).ok_or_else(|| AppError::invalid_parameter("lang"))?;
    accounts::set_lang(&state.db, &auth.actor(), &me.user.id, chosen.code()).await?;
    Ok(see_other(&format!(
        "/{}/account?notice=language",
        lang.code()
    )))
}

#[derive(Deserialize)]
pub struct NewTokenForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    scope: String,
}

/// `POST /{lang}/account/tokens`: creates a token and shows its secret once.
pub async fn create_token(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Form(f): Form<NewTokenForm>,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    let name = f.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(AppError::invalid_parameter("name"));
    }
    let scopes: &[&str] = match f.scope.as_str() {
        "read" => &["read"],
        "write" => &["read", "write"],
        _ => return Err(AppError::invalid_parameter("scope")),
    };
    let (_, secret) =
        accounts::create_api_token(&state.db, &auth.actor(), &me.user.id, name, scopes).await?;
    let page = account_page(&state, &auth, lang, None, Some(secret)).await?;
    let mut res = page_with_status(StatusCode::CREATED, &page);
    // The secret is on this page only: keep it out of every cache.
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

/// `POST /{lang}/account/tokens/{id}/revoke`
pub async fn revoke_token(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    if !accounts::revoke_api_token(&state.db, &auth.actor(), &me.user.id, &id).await? {
        return Err(AppError::not_found());
    }
    Ok(see_other(&format!("/{}/account#tokens", lang.code())))
}

/// `GET /{lang}/account/export`: everything held about the person, as a JSON download.
pub async fn export(State(state): State<AppState>, auth: Auth) -> AppResult<Response> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    let data = accounts::export_data(&state.db, &me.user).await?;
    let body = serde_json::to_vec_pretty(&data).map_err(AppError::internal)?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"gcm-hub-my-data.json\""),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response())
}

fn close_page(state: &AppState, auth: &Auth, lang: Lang) -> MessagePage {
    let tr = Tr::new(lang);
    MessagePage {
        c: Chrome::new(state, auth, lang, "/account/close", None),
        title: tr.t("account-close"),
        notice: None,
        error: None,
        intro: Some(tr.t("account-close-intro")),
        form: Some(FormSpec {
            action: format!("/{}/account/close", lang.code()),
            hidden: Vec::new(),
            fields: vec![FieldSpec {
                name: "confirm_email",
                label: tr.t("account-close-confirm"),
                kind: "email",
                value: String::new(),
                autocomplete: "off",
                hint: None,
            }],
            submit: tr.t("account-close-submit"),
            danger: true,
        }),
        link: None,
    }
}

/// `GET /{lang}/account/close`
pub async fn close_form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
) -> AppResult<Response> {
    auth.require_user(&Action::ManageOwnAccount)?;
    Ok(page_with_status(
        StatusCode::OK,
        &close_page(&state, &auth, lang),
    ))
}

#[derive(Deserialize)]
pub struct CloseForm {
    #[serde(default)]
    confirm_email: String,
}

/// `POST /{lang}/account/close`: asks for the address typed out, then closes the account.
pub async fn close(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Form(f): Form<CloseForm>,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    if f.confirm_email.trim().to_lowercase() != me.user.email {
        let mut page = close_page(&state, &auth, lang);
        page.error = Some(Tr::new(lang).t("account-close-mismatch"));
        return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    }
    accounts::close(&state.db, &auth.actor(), &me.user.id)
        .await
        .map_err(AppError::internal)?;
    let mut res = see_other(&format!("/{}/login?notice=closed", lang.code()));
    res.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", Some(0), state.options.secure_cookies),
    );
    Ok(res)
}
