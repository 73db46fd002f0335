//! `GET/POST /{lang}/invitations/{token}`: shows an invitation and lets the invited person,
//! signed in with the invited address, accept it. The role comes from the invitation.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use gcm_core::accounts::Action;
use gcm_store::orgs::{self, OrgError};

use crate::AppState;
use crate::auth::Auth;
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::pages::Chrome;
use crate::routes::accounts::{FormSpec, MessagePage};
use crate::routes::forms::{page_with_status, see_other};
use crate::routes::shell::PageLang;

/// `GET /{lang}/invitations/{token}`
pub async fn show(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, token)): Path<(String, String)>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let rest = format!("/invitations/{token}");
    let mut page = MessagePage {
        c: Chrome::new(&state, &auth, lang, &rest, None),
        title: tr.t("invitation-title"),
        notice: None,
        error: None,
        intro: None,
        form: None,
        link: None,
    };
    let Some(inv) = orgs::invitation(&state.db, &token).await? else {
        page.error = Some(tr.t("link-invalid"));
        return Ok(page_with_status(StatusCode::GONE, &page));
    };
    let org = orgs::get(&state.db, &inv.org_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    page.intro = Some(tr.t_with(
        "invitation-intro",
        &[
            ("org", crate::i18n::Arg::Str(org.name.clone())),
            (
                "role",
                crate::i18n::Arg::Str(tr.t(&format!("org-role-{}", inv.role.as_str()))),
            ),
        ],
    ));
    match auth.user() {
        None => {
            page.link = Some((
                format!("/{}/login?next=/{}{rest}", lang.code(), lang.code()),
                tr.t("invitation-sign-in"),
            ));
        }
        Some(u) if u.email != inv.email => page.error = Some(tr.t("invitation-wrong-account")),
        Some(_) => {
            page.form = Some(FormSpec {
                action: format!("/{}{rest}", lang.code()),
                hidden: Vec::new(),
                fields: Vec::new(),
                submit: tr.t("invitation-accept"),
                danger: false,
            });
        }
    }
    Ok(page_with_status(StatusCode::OK, &page))
}

/// `POST /{lang}/invitations/{token}`
pub async fn accept(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, token)): Path<(String, String)>,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    match orgs::accept_invitation(
        &state.db,
        &auth.actor(),
        &token,
        &me.user.id,
        &me.user.email,
    )
    .await
    {
        Ok(org_id) => Ok(see_other(&format!(
            "/{}/organisations/{org_id}",
            lang.code()
        ))),
        Err(OrgError::InvitationForSomeoneElse) => Err(AppError::forbidden()),
        Err(OrgError::InvitationInvalid) => Err(AppError::new(StatusCode::GONE, "link_invalid")),
        Err(e) => Err(AppError::internal(e)),
    }
}
