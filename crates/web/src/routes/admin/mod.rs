//! `/{lang}/admin/…`: administrators' pages: people and their platform roles, the outbox
//! and the audit log (with CSV export).

use askama::Template;
use axum::extract::{Path, Query, RawForm, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use gcm_core::accounts::{Action, PlatformRole};
use gcm_store::audit::{self, Filter, Record};
use gcm_store::outbox::{self, Mail};
use serde::Deserialize;

use crate::AppState;
use crate::auth::Auth;
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::pages::Chrome;
use crate::routes::forms::{page_with_status, see_other};
use crate::routes::opendata::{csv_response, to_csv};
use crate::routes::shell::PageLang;

#[derive(Template)]
#[template(path = "admin.html")]
pub struct AdminHome {
    pub c: Chrome,
    pub users: i64,
}

/// `GET /{lang}/admin`
pub async fn home(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
) -> AppResult<Response> {
    auth.require_user(&Action::ManageUsers)?;
    let users = gcm_store::accounts::count(&state.db).await?;
    Ok(page_with_status(
        StatusCode::OK,
        &AdminHome {
            c: Chrome::new(&state, &auth, lang, "/admin", None),
            users,
        },
    ))
}

pub struct UserRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub status: String,
    /// (role, label, held)
    pub roles: Vec<(&'static str, String, bool)>,
}

#[derive(Template)]
#[template(path = "admin_users.html")]
pub struct UsersPage {
    pub c: Chrome,
    pub users: Vec<UserRow>,
    pub notice: Option<String>,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

/// `GET /{lang}/admin/users`
pub async fn users(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Query(q): Query<NoticeQuery>,
) -> AppResult<Response> {
    auth.require_user(&Action::ManageUsers)?;
    let tr = Tr::new(lang);
    let users = gcm_store::accounts::list(&state.db, 500, 0)
        .await?
        .into_iter()
        .map(|u| UserRow {
            roles: PlatformRole::ALL
                .into_iter()
                .map(|r| {
                    (
                        r.as_str(),
                        tr.t(&format!("role-{}", r.as_str())),
                        u.roles.contains(&r),
                    )
                })
                .collect(),
            id: u.id,
            name: u.display_name,
            email: u.email,
            status: u.status,
        })
        .collect();
    Ok(page_with_status(
        StatusCode::OK,
        &UsersPage {
            c: Chrome::new(&state, &auth, lang, "/admin/users", None),
            users,
            notice: q.notice.is_some().then(|| tr.t("admin-roles-saved")),
        },
    ))
}

/// `POST /{lang}/admin/users/{id}/roles`: the checked roles replace the person's roles.
pub async fn set_roles(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    auth.require_user(&Action::ManageUsers)?;
    let mut roles = Vec::new();
    for (k, v) in url::form_urlencoded::parse(&body) {
        if k == "role" {
            let role =
                PlatformRole::parse(&v).ok_or_else(|| AppError::invalid_parameter("role"))?;
            if !roles.contains(&role) {
                roles.push(role);
            }
        }
    }
    match gcm_store::accounts::set_roles(&state.db, &auth.actor(), &id, &roles).await {
        Ok(()) => Ok(see_other(&format!(
            "/{}/admin/users?notice=saved",
            lang.code()
        ))),
        Err(gcm_store::accounts::AccountError::NotFound) => Err(AppError::not_found()),
        Err(e) => Err(AppError::internal(e)),
    }
}

#[derive(Template)]
#[template(path = "admin_outbox.html")]
pub struct OutboxPage {
    pub c: Chrome,
    pub mails: Vec<Mail>,
}

/// `GET /{lang}/admin/outbox`
pub async fn outbox_page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
) -> AppResult<Response> {
    auth.require_user(&Action::ViewOutbox)?;
    let mails = outbox::list(&state.db, None, 200).await?;
    let mut res = page_with_status(
        StatusCode::OK,
        &OutboxPage {
            c: Chrome::new(&state, &auth, lang, "/admin/outbox", None),
            mails,
        },
    );
    // The page holds live links (resets, invitations): never cache it.
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

/// The audit log's filters, as query parameters.
#[derive(Deserialize, Default)]
pub struct AuditQuery {
    #[serde(default)]
    pub actor: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub entity: String,
    /// A date (YYYY-MM-DD) or RFC 3339 time.
    #[serde(default)]
    pub since: String,
    #[serde(default)]
    pub until: String,
    pub before: Option<i64>,
}

impl AuditQuery {
    fn filter(&self) -> Result<Filter, AppError> {
        let some = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        let time = |s: &str, name: &str| -> Result<Option<String>, AppError> {
            let s = s.trim();
            if s.is_empty() {
                return Ok(None);
            }
            // A bare date means its midnight (UTC); anything else must be RFC 3339.
            let full = if s.len() == 10 {
                format!("{s}T00:00:00.000000Z")
            } else {
                s.to_string()
            };
            gcm_store::parse_rfc3339(&full)
                .map(|t| Some(gcm_store::to_rfc3339(t)))
                .ok_or_else(|| AppError::invalid_parameter(name))
        };
        Ok(Filter {
            actor: some(&self.actor),
            action: some(&self.action),
            entity: some(&self.entity),
            entity_id: None,
            since: time(&self.since, "since")?,
            until: time(&self.until, "until")?,
        })
    }

    fn query_string(&self) -> String {
        url::form_urlencoded::Serializer::new(String::new())
            .append_pair("actor", &self.actor)
            .append_pair("action", &self.action)
            .append_pair("entity", &self.entity)
            .append_pair("since", &self.since)
            .append_pair("until", &self.until)
            .finish()
    }
}

#[derive(Template)]
#[template(path = "admin_audit.html")]
pub struct AuditPage {
    pub c: Chrome,
    pub f: AuditQuery,
    pub query: String,
    pub entries: Vec<Record>,
    pub older: Option<String>,
}

const AUDIT_PAGE: i64 = 100;

/// `GET /{lang}/admin/audit`
pub async fn audit_page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Query(q): Query<AuditQuery>,
) -> AppResult<Response> {
    auth.require_user(&Action::ViewAuditLog)?;
    let entries = audit::list(&state.db, &q.filter()?, q.before, AUDIT_PAGE).await?;
    let query = q.query_string();
    let older = (entries.len() as i64 == AUDIT_PAGE)
        .then(|| {
            entries
                .last()
                .map(|e| format!("/{}/admin/audit?{query}&before={}", lang.code(), e.seq))
        })
        .flatten();
    Ok(page_with_status(
        StatusCode::OK,
        &AuditPage {
            c: Chrome::new(&state, &auth, lang, "/admin/audit", None),
            f: q,
            query,
            entries,
            older,
        },
    ))
}

/// `GET /{lang}/admin/audit.csv`: the filtered log (up to 100 000 entries), oldest last.
pub async fn audit_csv(
    State(state): State<AppState>,
    auth: Auth,
    Query(q): Query<AuditQuery>,
) -> AppResult<Response> {
    auth.require_user(&Action::ViewAuditLog)?;
    let entries = audit::list(&state.db, &q.filter()?, q.before, 100_000).await?;
    let rows = entries.into_iter().map(|e| {
        [
            e.seq.to_string(),
            e.at,
            e.actor_id.unwrap_or_default(),
            e.actor,
            e.action,
            e.entity,
            e.entity_id,
            e.before_state.unwrap_or_default(),
            e.after_state.unwrap_or_default(),
            e.ip.unwrap_or_default(),
            e.prev_hash,
            e.hash,
        ]
    });
    let body = to_csv(
        [
            "seq",
            "at",
            "actor_id",
            "actor",
            "action",
            "entity",
            "entity_id",
            "before",
            "after",
            "ip",
            "prev_hash",
            "hash",
        ],
        rows,
    )?;
    Ok(csv_response("audit-log.csv", body).into_response())
}
