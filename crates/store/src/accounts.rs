//! People's accounts: users and their platform roles, sign-in with throttling and lockout,
//! sessions, one-time links (verification, password reset, first-administrator setup), API
//! tokens, data export and account closure. Every change that matters is audited in the same
//! transaction.

use std::time::Duration;

use gcm_core::accounts::{
    CredentialProblem, OrgRole, PlatformRole, Principal, check_display_name, check_password,
    normalise_email,
};
use serde::Serialize;
use serde_json::json;
use sqlx::{AnyConnection, Row};
use time::OffsetDateTime;

use crate::audit::{self, Actor, Entry};
use crate::secret::{hash_password, new_token, token_hash, verify_password};
use crate::{Db, DbError, new_id, now_rfc3339, to_rfc3339};

/// Failed sign-ins in a row that lock an account.
pub const LOCK_AFTER_FAILURES: i64 = 5;
/// How long a locked account stays locked.
pub const LOCK_FOR: Duration = Duration::from_secs(15 * 60);
/// Failed sign-ins from one address within [`THROTTLE_WINDOW`] before it is slowed down.
pub const THROTTLE_FAILURES_PER_IP: i64 = 20;
pub const THROTTLE_WINDOW: Duration = Duration::from_secs(15 * 60);
/// How long a session lasts without being used.
pub const SESSION_TTL: Duration = Duration::from_secs(30 * 24 * 3600);

/// Why an account operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("{}", .0.code())]
    Invalid(CredentialProblem),
    #[error("an account with this e-mail address exists")]
    EmailTaken,
    #[error("wrong e-mail address or password")]
    BadCredentials,
    #[error("the account is locked until {until}")]
    Locked { until: String },
    #[error("too many failed sign-ins from this address; try again later")]
    Throttled,
    #[error("the link is invalid, expired or already used")]
    TokenInvalid,
    #[error("no such account")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for AccountError {
    fn from(e: sqlx::Error) -> Self {
        AccountError::Db(DbError::Sqlx(e))
    }
}

impl From<CredentialProblem> for AccountError {
    fn from(p: CredentialProblem) -> Self {
        AccountError::Invalid(p)
    }
}

/// An account as the rest of the platform sees it (never with its password hash).
#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub email_verified: bool,
    pub status: String,
    pub roles: Vec<PlatformRole>,
    pub created_at: String,
    /// The language the person reads the platform's letters in (a code such as `fr`); `None`
    /// until they sign up through a page or choose one on their account page.
    pub lang: Option<String>,
}

const USER_COLUMNS: &str = "id, email, display_name, email_verified_at, status, created_at, lang";

fn later(d: Duration) -> String {
    to_rfc3339(OffsetDateTime::now_utc() + d)
}

fn earlier(d: Duration) -> String {
    to_rfc3339(OffsetDateTime::now_utc() - d)
}

async fn roles_of(conn: &mut AnyConnection, user_id: &str) -> Result<Vec<PlatformRole>, DbError> {
    let names: Vec<String> =
        sqlx::query_scalar("SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role")
            .bind(user_id)
            .fetch_all(&mut *conn)
            .await?;
    Ok(names
        .iter()
        .filter_map(|n| PlatformRole::parse(n))
        .collect())
}

async fn user_from_row(conn: &mut AnyConnection, row: &sqlx::any::AnyRow) -> Result<User, DbError> {
    let id: String = row.try_get("id")?;
    let verified: Option<String> = row.try_get("email_verified_at")?;
    let roles = roles_of(conn, &id).await?;
    Ok(User {
        email: row.try_get("email")?,
        display_name: row.try_get("display_name")?,
        email_verified: verified.is_some(),
        status: row.try_get("status")?,
        created_at: row.try_get("created_at")?,
        lang: row.try_get("lang")?,
        roles,
        id,
    })
}

/// Reads an account by id.
pub async fn get(db: &Db, id: &str) -> Result<Option<User>, DbError> {
    let mut conn = db.pool().acquire().await?;
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {USER_COLUMNS} FROM users WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(r) => Ok(Some(user_from_row(&mut conn, &r).await?)),
        None => Ok(None),
    }
}

/// Reads an account by e-mail address (any case).
pub async fn find_by_email(db: &Db, email: &str) -> Result<Option<User>, DbError> {
    let mut conn = db.pool().acquire().await?;
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {USER_COLUMNS} FROM users WHERE email = $1"
    )))
    .bind(email.trim().to_lowercase())
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(r) => Ok(Some(user_from_row(&mut conn, &r).await?)),
        None => Ok(None),
    }
}

/// All accounts, oldest first (for administrators).
pub async fn list(db: &Db, limit: i64, offset: i64) -> Result<Vec<User>, DbError> {
    let mut conn = db.pool().acquire().await?;
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {USER_COLUMNS} FROM users ORDER BY created_at, id LIMIT $1 OFFSET $2"
    )))
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        out.push(user_from_row(&mut conn, r).await?);
    }
    Ok(out)
}

pub async fn count(db: &Db) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(db.pool())
        .await?)
}

/// What the policy needs to know about a signed-in person.
pub async fn principal(db: &Db, user: &User) -> Result<Principal, DbError> {
    let rows = sqlx::query(
        "SELECT org_id, role FROM memberships WHERE user_id = $1 AND status = 'active'",
    )
    .bind(&user.id)
    .fetch_all(db.pool())
    .await?;
    let mut memberships = Vec::with_capacity(rows.len());
    for r in rows {
        let org: String = r.try_get("org_id")?;
        let role: String = r.try_get("role")?;
        if let Some(role) = OrgRole::parse(&role) {
            memberships.push((org, role));
        }
    }
    Ok(Principal {
        user_id: user.id.clone(),
        email_verified: user.email_verified,
        roles: user.roles.clone(),
        memberships,
    })
}

/// A new account.
pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    /// None: no usable password yet (set through a one-time link).
    pub password: Option<&'a str>,
    pub roles: &'a [PlatformRole],
    pub email_verified: bool,
    /// The language the person reads letters in (a code the caller checked), when known: the
    /// language of the page they signed up on.
    pub lang: Option<&'a str>,
}

/// Creates an account (and audits it) inside an open transaction.
pub async fn create_in(
    conn: &mut AnyConnection,
    actor: &Actor,
    new: &NewUser<'_>,
) -> Result<User, AccountError> {
    let email = normalise_email(new.email)?;
    let display_name = check_display_name(new.display_name)?;
    let password_hash = match new.password {
        Some(p) => {
            check_password(p)?;
            hash_password(p)?
        }
        // A random secret nobody knows: the account can sign in only after setting one.
        None => hash_password(&new_token()?)?,
    };
    let taken: Option<String> = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(&email)
        .fetch_optional(&mut *conn)
        .await?;
    if taken.is_some() {
        return Err(AccountError::EmailTaken);
    }
    let id = new_id();
    let now = now_rfc3339();
    let verified = new.email_verified.then(|| now.clone());
    sqlx::query(
        "INSERT INTO users (id, email, display_name, password_hash, email_verified_at, status, \
         failed_logins, created_at, updated_at, lang) \
         VALUES ($1, $2, $3, $4, $5, 'active', 0, $6, $6, $7)",
    )
    .bind(&id)
    .bind(&email)
    .bind(&display_name)
    .bind(&password_hash)
    .bind(&verified)
    .bind(&now)
    .bind(new.lang)
    .execute(&mut *conn)
    .await?;
    for role in new.roles {
        sqlx::query(
            "INSERT INTO user_roles (user_id, role, granted_by, granted_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(&id)
        .bind(role.as_str())
        .bind(&actor.user_id)
        .bind(&now)
        .execute(&mut *conn)
        .await?;
    }
    audit::append(
        conn,
        actor,
        Entry::new("user.create", "user", &id).after(json!({
            "email": email, "display_name": display_name,
            "roles": new.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
            "email_verified": new.email_verified,
            "lang": new.lang,
        })),
    )
    .await?;
    Ok(User {
        id,
        email,
        display_name,
        email_verified: new.email_verified,
        status: "active".into(),
        roles: new.roles.to_vec(),
        created_at: now,
        lang: new.lang.map(str::to_string),
    })
}

/// Records the language `user_id` reads letters in (`lang` is a code the caller checked), and
/// audits the change.
pub async fn set_lang(db: &Db, actor: &Actor, user_id: &str, lang: &str) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    let before: Option<Option<String>> = sqlx::query_scalar("SELECT lang FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(before) = before else {
        return Ok(());
    };
    if before.as_deref() == Some(lang) {
        return Ok(());
    }
    sqlx::query("UPDATE users SET lang = $2, updated_at = $3 WHERE id = $1")
        .bind(user_id)
        .bind(lang)
        .bind(now_rfc3339())
        .execute(&mut *tx)
        .await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("user.language", "user", user_id)
            .before(json!({ "lang": before }))
            .after(json!({ "lang": lang })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Creates an account in its own transaction.
pub async fn create(db: &Db, actor: &Actor, new: &NewUser<'_>) -> Result<User, AccountError> {
    let mut tx = db.begin_write().await?;
    let user = create_in(&mut tx, actor, new).await?;
    tx.commit().await?;
    Ok(user)
}

/// Whether any active administrator exists (if not, the setup link is offered).
pub async fn has_administrator(db: &Db) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM user_roles r JOIN users u ON u.id = r.user_id \
         WHERE r.role = 'administrator' AND u.status = 'active'",
    )
    .fetch_one(db.pool())
    .await?;
    Ok(n > 0)
}

/// Replaces a person's platform roles (administrators only; the caller checks).
pub async fn set_roles(
    db: &Db,
    actor: &Actor,
    user_id: &str,
    roles: &[PlatformRole],
) -> Result<(), AccountError> {
    let mut tx = db.begin_write().await?;
    let before = roles_of(&mut tx, user_id).await?;
    let exists: Option<String> = sqlx::query_scalar("SELECT id FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
    if exists.is_none() {
        return Err(AccountError::NotFound);
    }
    sqlx::query("DELETE FROM user_roles WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    let now = now_rfc3339();
    for role in roles {
        sqlx::query(
            "INSERT INTO user_roles (user_id, role, granted_by, granted_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(user_id)
        .bind(role.as_str())
        .bind(&actor.user_id)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    audit::append(
        &mut tx,
        actor,
        Entry::new("user.roles", "user", user_id)
            .before(json!(before.iter().map(|r| r.as_str()).collect::<Vec<_>>()))
            .after(json!(roles.iter().map(|r| r.as_str()).collect::<Vec<_>>())),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Checks an e-mail address and password, with per-address throttling and per-account
/// lockout. Every attempt is recorded.
pub async fn authenticate(
    db: &Db,
    email: &str,
    password: &str,
    ip: &str,
) -> Result<User, AccountError> {
    let email = email.trim().to_lowercase();
    let window_start = earlier(THROTTLE_WINDOW);
    let recent_failures: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM login_attempts WHERE ip = $1 AND at >= $2 AND success = 0",
    )
    .bind(ip)
    .bind(&window_start)
    .fetch_one(db.pool())
    .await?;
    if recent_failures >= THROTTLE_FAILURES_PER_IP {
        return Err(AccountError::Throttled);
    }
    let row = sqlx::query(
        "SELECT id, password_hash, status, failed_logins, locked_until FROM users WHERE email = $1",
    )
    .bind(&email)
    .fetch_optional(db.pool())
    .await?;
    let now = now_rfc3339();
    let outcome = match &row {
        None => {
            // Spend the same time as a real check, so response times do not reveal which
            // addresses have accounts.
            let _ = verify_password(password, &DUMMY_HASH);
            Err(AccountError::BadCredentials)
        }
        Some(r) => {
            let status: String = r.try_get("status")?;
            let locked_until: Option<String> = r.try_get("locked_until")?;
            let hash: String = r.try_get("password_hash")?;
            match locked_until {
                Some(until) if until > now => Err(AccountError::Locked { until }),
                _ if status != "active" => {
                    let _ = verify_password(password, &DUMMY_HASH);
                    Err(AccountError::BadCredentials)
                }
                _ if verify_password(password, &hash) => Ok(()),
                _ => Err(AccountError::BadCredentials),
            }
        }
    };
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO login_attempts (id, email, ip, at, success) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(new_id())
    .bind(&email)
    .bind(ip)
    .bind(&now)
    .bind(i64::from(outcome.is_ok()))
    .execute(&mut *tx)
    .await?;
    if let Some(r) = &row {
        let id: String = r.try_get("id")?;
        match &outcome {
            Ok(()) => {
                sqlx::query(
                    "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1",
                )
                .bind(&id)
                .execute(&mut *tx)
                .await?;
            }
            Err(AccountError::BadCredentials) => {
                let failures: i64 = r.try_get::<i64, _>("failed_logins")? + 1;
                if failures >= LOCK_AFTER_FAILURES {
                    let until = later(LOCK_FOR);
                    sqlx::query(
                        "UPDATE users SET failed_logins = 0, locked_until = $1 WHERE id = $2",
                    )
                    .bind(&until)
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
                    audit::append(
                        &mut tx,
                        &Actor {
                            user_id: None,
                            label: "system".into(),
                            ip: Some(ip.to_string()),
                        },
                        Entry::new("user.locked", "user", &id)
                            .after(json!({ "locked_until": until })),
                    )
                    .await?;
                } else {
                    sqlx::query("UPDATE users SET failed_logins = $1 WHERE id = $2")
                        .bind(failures)
                        .bind(&id)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            Err(_) => {}
        }
    }
    tx.commit().await?;
    outcome?;
    find_by_email(db, &email)
        .await?
        .ok_or(AccountError::NotFound)
}

// A real Argon2id hash (of a random secret), so refusing an unknown address costs the same
// time as checking a real password.
static DUMMY_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    new_token()
        .and_then(|t| hash_password(&t))
        .unwrap_or_default()
});

/// A signed-in session: the cookie value (shown once) and its CSRF token.
pub struct NewSession {
    pub token: String,
    pub csrf_token: String,
}

/// Opens a session for a person who just proved who they are. Always a new token, so a
/// session id planted before sign-in is never promoted (session fixation).
pub async fn open_session(
    db: &Db,
    user_id: &str,
    user_agent: Option<&str>,
) -> Result<NewSession, DbError> {
    let token = new_token()?;
    let csrf_token = new_token()?;
    let now = now_rfc3339();
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, \
         expires_at, user_agent) VALUES ($1, $2, $3, $4, $4, $5, $6)",
    )
    .bind(token_hash(&token))
    .bind(user_id)
    .bind(&csrf_token)
    .bind(&now)
    .bind(later(SESSION_TTL))
    .bind(user_agent.map(|u| u.chars().take(300).collect::<String>()))
    .execute(db.pool())
    .await?;
    Ok(NewSession { token, csrf_token })
}

/// The person and CSRF token behind a session cookie, if it is valid.
pub async fn session(db: &Db, token: &str) -> Result<Option<(User, String)>, DbError> {
    let now = now_rfc3339();
    let row = sqlx::query(
        "SELECT s.user_id, s.csrf_token, s.last_seen_at FROM sessions s \
         JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.status = 'active'",
    )
    .bind(token_hash(token))
    .bind(&now)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let user_id: String = row.try_get("user_id")?;
    let csrf: String = row.try_get("csrf_token")?;
    let last_seen: String = row.try_get("last_seen_at")?;
    // Slide the expiry at most every few minutes, not on every request.
    if last_seen < earlier(Duration::from_secs(300)) {
        sqlx::query("UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE token_hash = $3")
            .bind(&now)
            .bind(later(SESSION_TTL))
            .bind(token_hash(token))
            .execute(db.pool())
            .await?;
    }
    Ok(get(db, &user_id).await?.map(|u| (u, csrf)))
}

/// Ends one session (sign out).
pub async fn close_session(db: &Db, token: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash(token))
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Ends every session of a person (sign out everywhere). Returns how many were open.
pub async fn close_all_sessions(db: &Db, actor: &Actor, user_id: &str) -> Result<u64, DbError> {
    let mut tx = db.begin_write().await?;
    let n = sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    audit::append(
        &mut tx,
        actor,
        Entry::new("user.sessions.close_all", "user", user_id).before(json!({ "sessions": n })),
    )
    .await?;
    tx.commit().await?;
    Ok(n)
}

/// Open sessions of a person (for their account page).
#[derive(Debug, Clone, Serialize)]
pub struct SessionInfo {
    pub created_at: String,
    pub last_seen_at: String,
    pub user_agent: Option<String>,
}

pub async fn sessions_of(db: &Db, user_id: &str) -> Result<Vec<SessionInfo>, DbError> {
    let rows = sqlx::query(
        "SELECT created_at, last_seen_at, user_agent FROM sessions WHERE user_id = $1 \
         ORDER BY last_seen_at DESC",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(SessionInfo {
                created_at: r.try_get("created_at")?,
                last_seen_at: r.try_get("last_seen_at")?,
                user_agent: r.try_get("user_agent")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(DbError::from)
}

/// Purposes of one-time links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    VerifyEmail,
    ResetPassword,
    /// Creates the first administrator; valid only while there is none.
    Setup,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "verify_email",
            Purpose::ResetPassword => "reset_password",
            Purpose::Setup => "setup",
        }
    }
}

/// Issues a one-time link token (inside the caller's transaction).
pub async fn issue_token_in(
    conn: &mut AnyConnection,
    purpose: Purpose,
    user_id: Option<&str>,
    ttl: Duration,
) -> Result<String, DbError> {
    let token = new_token()?;
    sqlx::query(
        "INSERT INTO one_time_tokens (token_hash, purpose, user_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash(&token))
    .bind(purpose.as_str())
    .bind(user_id)
    .bind(now_rfc3339())
    .bind(later(ttl))
    .execute(&mut *conn)
    .await?;
    Ok(token)
}

/// Uses up a one-time token: one statement marks it used only if it is unused and current,
/// so two requests racing with the same link cannot both succeed.
pub async fn consume_token_in(
    conn: &mut AnyConnection,
    purpose: Purpose,
    token: &str,
) -> Result<Option<String>, AccountError> {
    let now = now_rfc3339();
    let row = sqlx::query(
        "UPDATE one_time_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 \
         AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
    )
    .bind(&now)
    .bind(token_hash(token))
    .bind(purpose.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(r) => Ok(r.try_get::<Option<String>, _>("user_id")?),
        None => Err(AccountError::TokenInvalid),
    }
}

/// Whether a token is currently valid, without using it (to show its form).
pub async fn token_is_valid(db: &Db, purpose: Purpose, token: &str) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM one_time_tokens WHERE token_hash = $1 AND purpose = $2 \
         AND used_at IS NULL AND expires_at > $3",
    )
    .bind(token_hash(token))
    .bind(purpose.as_str())
    .bind(now_rfc3339())
    .fetch_one(db.pool())
    .await?;
    Ok(n > 0)
}

/// A fresh setup link when no administrator exists (earlier unused ones are voided), or None.
pub async fn setup_token(db: &Db) -> Result<Option<String>, DbError> {
    if has_administrator(db).await? {
        return Ok(None);
    }
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE one_time_tokens SET used_at = $1 WHERE purpose = 'setup' AND used_at IS NULL",
    )
    .bind(now_rfc3339())
    .execute(&mut *tx)
    .await?;
    let token = issue_token_in(
        &mut tx,
        Purpose::Setup,
        None,
        Duration::from_secs(24 * 3600),
    )
    .await?;
    tx.commit().await?;
    Ok(Some(token))
}

/// Creates the first administrator through the setup link. The link works once, and only
/// while no administrator exists.
pub async fn complete_setup(
    db: &Db,
    token: &str,
    email: &str,
    display_name: &str,
    password: &str,
    ip: Option<String>,
) -> Result<User, AccountError> {
    let mut tx = db.begin_write().await?;
    consume_token_in(&mut tx, Purpose::Setup, token).await?;
    let admins: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM user_roles WHERE role = 'administrator'")
            .fetch_one(&mut *tx)
            .await?;
    if admins > 0 {
        return Err(AccountError::TokenInvalid);
    }
    let actor = Actor {
        user_id: None,
        label: "setup".into(),
        ip,
    };
    let user = create_in(
        &mut tx,
        &actor,
        &NewUser {
            email,
            display_name,
            password: Some(password),
            roles: &[PlatformRole::Administrator],
            email_verified: true,
            lang: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(user)
}

/// Marks an address verified through its link.
pub async fn verify_email(
    db: &Db,
    token: &str,
    ip: Option<String>,
) -> Result<String, AccountError> {
    let mut tx = db.begin_write().await?;
    let user_id = consume_token_in(&mut tx, Purpose::VerifyEmail, token)
        .await?
        .ok_or(AccountError::TokenInvalid)?;
    sqlx::query("UPDATE users SET email_verified_at = $1, updated_at = $1 WHERE id = $2")
        .bind(now_rfc3339())
        .bind(&user_id)
        .execute(&mut *tx)
        .await?;
    audit::append(
        &mut tx,
        &Actor {
            user_id: Some(user_id.clone()),
            label: "verification link".into(),
            ip,
        },
        Entry::new("user.verify_email", "user", &user_id),
    )
    .await?;
    tx.commit().await?;
    Ok(user_id)
}

/// Sets a new password through a reset link; ends every session of the account.
pub async fn reset_password(
    db: &Db,
    token: &str,
    password: &str,
    ip: Option<String>,
) -> Result<String, AccountError> {
    check_password(password)?;
    let hash = hash_password(password)?;
    let mut tx = db.begin_write().await?;
    let user_id = consume_token_in(&mut tx, Purpose::ResetPassword, token)
        .await?
        .ok_or(AccountError::TokenInvalid)?;
    let now = now_rfc3339();
    // Receiving the link proves the address, so it is verified too.
    sqlx::query(
        "UPDATE users SET password_hash = $1, failed_logins = 0, locked_until = NULL, \
         email_verified_at = COALESCE(email_verified_at, $2), updated_at = $2 WHERE id = $3",
    )
    .bind(&hash)
    .bind(&now)
    .bind(&user_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(&user_id)
        .execute(&mut *tx)
        .await?;
    audit::append(
        &mut tx,
        &Actor {
            user_id: Some(user_id.clone()),
            label: "reset link".into(),
            ip,
        },
        Entry::new("user.reset_password", "user", &user_id),
    )
    .await?;
    tx.commit().await?;
    Ok(user_id)
}

/// An API token as listed (never its secret).
#[derive(Debug, Clone, Serialize)]
pub struct ApiToken {
    pub id: String,
    pub name: String,
    pub scopes: Vec<String>,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

/// Scopes an API token may carry.
pub const SCOPES: [&str; 2] = ["read", "write"];

/// Prefix of every API token, so leaked tokens are easy to spot in logs and code.
pub const TOKEN_PREFIX: &str = "gcmhub_";

/// Creates an API token; the secret is returned once and stored only as a hash.
pub async fn create_api_token(
    db: &Db,
    actor: &Actor,
    user_id: &str,
    name: &str,
    scopes: &[&str],
) -> Result<(ApiToken, String), DbError> {
    let secret = format!("{TOKEN_PREFIX}{}", new_token()?);
    let id = new_id();
    let now = now_rfc3339();
    let scopes: Vec<String> = scopes.iter().map(|s| s.to_string()).collect();
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO api_tokens (id, user_id, name, token_hash, scopes, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(user_id)
    .bind(name)
    .bind(token_hash(&secret))
    .bind(scopes.join(" "))
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("token.create", "api_token", &id)
            .after(json!({ "name": name, "scopes": scopes, "user_id": user_id })),
    )
    .await?;
    tx.commit().await?;
    Ok((
        ApiToken {
            id,
            name: name.to_string(),
            scopes,
            created_at: now,
            last_used_at: None,
            revoked_at: None,
        },
        secret,
    ))
}

fn api_token_from_row(r: &sqlx::any::AnyRow) -> Result<ApiToken, sqlx::Error> {
    let scopes: String = r.try_get("scopes")?;
    Ok(ApiToken {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        scopes: scopes.split_whitespace().map(str::to_string).collect(),
        created_at: r.try_get("created_at")?,
        last_used_at: r.try_get("last_used_at")?,
        revoked_at: r.try_get("revoked_at")?,
    })
}

pub async fn api_tokens_of(db: &Db, user_id: &str) -> Result<Vec<ApiToken>, DbError> {
    let rows = sqlx::query(
        "SELECT id, name, scopes, created_at, last_used_at, revoked_at FROM api_tokens \
         WHERE user_id = $1 ORDER BY created_at DESC",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .iter()
        .map(api_token_from_row)
        .collect::<Result<_, _>>()?)
}

/// Revokes one of a person's tokens. Returns false if they have no such live token.
pub async fn revoke_api_token(
    db: &Db,
    actor: &Actor,
    user_id: &str,
    token_id: &str,
) -> Result<bool, DbError> {
    let mut tx = db.begin_write().await?;
    let n = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
    )
    .bind(now_rfc3339())
    .bind(token_id)
    .bind(user_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Ok(false);
    }
    audit::append(
        &mut tx,
        actor,
        Entry::new("token.revoke", "api_token", token_id),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// The person and scopes behind an API token, if it is live.
pub async fn api_token_user(db: &Db, secret: &str) -> Result<Option<(User, Vec<String>)>, DbError> {
    let row = sqlx::query(
        "SELECT t.id, t.user_id, t.scopes FROM api_tokens t JOIN users u ON u.id = t.user_id \
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.status = 'active' \
         AND (t.expires_at IS NULL OR t.expires_at > $2)",
    )
    .bind(token_hash(secret))
    .bind(now_rfc3339())
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let id: String = row.try_get("id")?;
    let user_id: String = row.try_get("user_id")?;
    let scopes: String = row.try_get("scopes")?;
    sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
        .bind(now_rfc3339())
        .bind(&id)
        .execute(db.pool())
        .await?;
    Ok(get(db, &user_id)
        .await?
        .map(|u| (u, scopes.split_whitespace().map(str::to_string).collect())))
}

/// Everything the platform holds about a person, for them to download.
pub async fn export_data(db: &Db, user: &User) -> Result<serde_json::Value, DbError> {
    let memberships = sqlx::query(
        "SELECT m.org_id, o.name, m.role, m.status, m.created_at FROM memberships m \
         JOIN organisations o ON o.id = m.org_id WHERE m.user_id = $1 ORDER BY m.created_at",
    )
    .bind(&user.id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|r| {
        Ok(json!({
            "organisation_id": r.try_get::<String, _>("org_id")?,
            "organisation": r.try_get::<String, _>("name")?,
            "role": r.try_get::<String, _>("role")?,
            "status": r.try_get::<String, _>("status")?,
            "since": r.try_get::<String, _>("created_at")?,
        }))
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let attempts = sqlx::query(
        "SELECT at, ip, success FROM login_attempts WHERE email = $1 ORDER BY at DESC LIMIT 1000",
    )
    .bind(&user.email)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|r| {
        Ok(json!({
            "at": r.try_get::<String, _>("at")?,
            "ip": r.try_get::<String, _>("ip")?,
            "success": r.try_get::<i64, _>("success")? == 1,
        }))
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let actions = sqlx::query(
        "SELECT at, action, entity, entity_id FROM audit_log WHERE actor_id = $1 ORDER BY seq",
    )
    .bind(&user.id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|r| {
        Ok(json!({
            "at": r.try_get::<String, _>("at")?,
            "action": r.try_get::<String, _>("action")?,
            "entity": r.try_get::<String, _>("entity")?,
            "entity_id": r.try_get::<String, _>("entity_id")?,
        }))
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(json!({
        "account": user,
        "memberships": memberships,
        "sessions": sessions_of(db, &user.id).await?,
        "api_tokens": api_tokens_of(db, &user.id).await?,
        "sign_in_attempts": attempts,
        "actions": actions,
        "exported_at": now_rfc3339(),
    }))
}

/// Closes an account: personal data is removed, sessions and tokens end, memberships end.
/// What the person contributed stays, attributed to their organisation.
pub async fn close(db: &Db, actor: &Actor, user_id: &str) -> Result<(), AccountError> {
    let mut tx = db.begin_write().await?;
    let now = now_rfc3339();
    let n = sqlx::query(
        "UPDATE users SET status = 'closed', email = $1, display_name = 'Closed account', \
         password_hash = $2, closed_at = $3, updated_at = $3 WHERE id = $4 AND status = 'active'",
    )
    .bind(format!("closed-{user_id}@closed.invalid"))
    .bind(hash_password(&new_token()?)?)
    .bind(&now)
    .bind(user_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(AccountError::NotFound);
    }
    for sql in [
        "DELETE FROM sessions WHERE user_id = $1",
        "DELETE FROM memberships WHERE user_id = $1",
        "DELETE FROM user_roles WHERE user_id = $1",
    ] {
        sqlx::query(sql).bind(user_id).execute(&mut *tx).await?;
    }
    sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
        .bind(&now)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("user.close", "user", user_id).after(json!({ "status": "closed" })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
