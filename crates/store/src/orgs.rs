//! Organisations (with their kind, country and region), their members and roles, invitations
//! and requests to join. Every change is audited in its own transaction.

use std::time::Duration;

use gcm_core::accounts::{OrgKind, OrgRole};
use serde::Serialize;
use serde_json::json;
use sqlx::Row;

use crate::audit::{self, Actor, Entry};
use crate::letters::{Mailing, Recipient};
use crate::secret::{new_token, token_hash};
use crate::{Db, DbError, new_id, now_rfc3339, to_rfc3339};

/// How long an invitation link stays valid.
pub const INVITATION_TTL: Duration = Duration::from_secs(14 * 24 * 3600);

#[derive(Debug, thiserror::Error)]
pub enum OrgError {
    #[error("no such organisation")]
    NotFound,
    #[error("the name is missing")]
    NameMissing,
    #[error("unknown country code {0:?}")]
    UnknownCountry(String),
    #[error("already a member")]
    AlreadyMember,
    #[error("no such membership or request")]
    NoSuchMember,
    #[error("the invitation is invalid, expired or already used")]
    InvitationInvalid,
    #[error("the invitation was sent to another e-mail address")]
    InvitationForSomeoneElse,
    #[error("an organisation must keep at least one focal point")]
    LastFocalPoint,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for OrgError {
    fn from(e: sqlx::Error) -> Self {
        OrgError::Db(DbError::Sqlx(e))
    }
}

/// An organisation.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub kind: OrgKind,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// UN M49 region code.
    pub region: Option<String>,
    pub website: Option<String>,
    pub description: String,
    pub created_at: String,
    pub updated_at: String,
}

/// Fields a person sets when creating or editing an organisation.
#[derive(Debug, Clone)]
pub struct OrgFields {
    pub name: String,
    pub kind: OrgKind,
    pub country: Option<String>,
    pub region: Option<String>,
    pub website: Option<String>,
    pub description: String,
}

impl From<Organisation> for OrgFields {
    fn from(o: Organisation) -> Self {
        OrgFields {
            name: o.name,
            kind: o.kind,
            country: o.country,
            region: o.region,
            website: o.website,
            description: o.description,
        }
    }
}

fn org_from_row(r: &sqlx::any::AnyRow) -> Result<Organisation, DbError> {
    let kind: String = r.try_get("kind")?;
    Ok(Organisation {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        kind: OrgKind::parse(&kind)
            .ok_or_else(|| DbError::Migration(format!("unknown organisation kind {kind:?}")))?,
        country: r.try_get("country")?,
        region: r.try_get("region")?,
        website: r.try_get("website")?,
        description: r.try_get("description")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
    })
}

const ORG_COLUMNS: &str =
    "id, name, kind, country, region, website, description, created_at, updated_at";

pub async fn get(db: &Db, id: &str) -> Result<Option<Organisation>, DbError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {ORG_COLUMNS} FROM organisations WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    row.as_ref().map(org_from_row).transpose()
}

/// Filters for listing organisations.
#[derive(Debug, Default, Clone)]
pub struct OrgFilter {
    pub kind: Option<OrgKind>,
    pub country: Option<String>,
    pub q: Option<String>,
}

/// Organisations by name, with the total matching.
pub async fn list(
    db: &Db,
    f: &OrgFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Organisation>, i64), DbError> {
    let mut c = crate::conditions::Conditions::new();
    if let Some(k) = f.kind {
        c.eq("kind", k.as_str());
    }
    if let Some(country) = &f.country {
        c.eq("country", country.clone());
    }
    if let Some(text) = &f.q {
        c.like("LOWER(name)", format!("%{}%", text.to_lowercase()));
    }
    let sql = format!(
        "SELECT {ORG_COLUMNS} FROM organisations{} ORDER BY name, id LIMIT {} OFFSET {}",
        c.where_sql(),
        limit.max(0),
        offset.max(0)
    );
    let rows = c
        .bind(sqlx::query(sqlx::AssertSqlSafe(sql)))
        .fetch_all(db.pool())
        .await?;
    let count_sql = format!("SELECT COUNT(*) FROM organisations{}", c.where_sql());
    let total: i64 = c
        .bind_scalar(sqlx::query_scalar(sqlx::AssertSqlSafe(count_sql)))
        .fetch_one(db.pool())
        .await?;
    Ok((
        rows.iter().map(org_from_row).collect::<Result<_, _>>()?,
        total,
    ))
}

fn snapshot(o: &OrgFields) -> serde_json::Value {
    json!({
        "name": o.name, "kind": o.kind.as_str(), "country": o.country, "region": o.region,
        "website": o.website, "description": o.description,
    })
}

/// Creates an organisation; its creator becomes its focal point.
pub async fn create(
    db: &Db,
    actor: &Actor,
    creator_id: &str,
    fields: &OrgFields,
) -> Result<Organisation, OrgError> {
    if fields.name.trim().is_empty() {
        return Err(OrgError::NameMissing);
    }
    let id = new_id();
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO organisations (id, name, kind, country, region, website, description, \
         created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
    )
    .bind(&id)
    .bind(fields.name.trim())
    .bind(fields.kind.as_str())
    .bind(&fields.country)
    .bind(&fields.region)
    .bind(&fields.website)
    .bind(&fields.description)
    .bind(creator_id)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO memberships (org_id, user_id, role, status, created_at, updated_at) \
         VALUES ($1, $2, 'focal_point', 'active', $3, $3)",
    )
    .bind(&id)
    .bind(creator_id)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("organisation.create", "organisation", &id).after(snapshot(fields)),
    )
    .await?;
    tx.commit().await?;
    get(db, &id).await?.ok_or(OrgError::NotFound)
}

/// Changes an organisation's fields.
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: &str,
    fields: &OrgFields,
) -> Result<Organisation, OrgError> {
    if fields.name.trim().is_empty() {
        return Err(OrgError::NameMissing);
    }
    let before = get(db, id).await?.ok_or(OrgError::NotFound)?;
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE organisations SET name = $1, kind = $2, country = $3, region = $4, website = $5, \
         description = $6, updated_at = $7 WHERE id = $8",
    )
    .bind(fields.name.trim())
    .bind(fields.kind.as_str())
    .bind(&fields.country)
    .bind(&fields.region)
    .bind(&fields.website)
    .bind(&fields.description)
    .bind(now_rfc3339())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("organisation.update", "organisation", id)
            .before(snapshot(&before.into()))
            .after(snapshot(fields)),
    )
    .await?;
    tx.commit().await?;
    get(db, id).await?.ok_or(OrgError::NotFound)
}

/// A member (or someone who asked to join).
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub user_id: String,
    pub display_name: String,
    pub email: String,
    pub role: OrgRole,
    /// `active`, or `requested` for a request to join awaiting the focal point.
    pub status: String,
    pub since: String,
}

pub async fn members(db: &Db, org_id: &str) -> Result<Vec<Member>, DbError> {
    let rows = sqlx::query(
        "SELECT m.user_id, u.display_name, u.email, m.role, m.status, m.created_at \
         FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = $1 \
         ORDER BY m.status, u.display_name",
    )
    .bind(org_id)
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let role: String = r.try_get("role")?;
        out.push(Member {
            user_id: r.try_get("user_id")?,
            display_name: r.try_get("display_name")?,
            email: r.try_get("email")?,
            role: OrgRole::parse(&role).unwrap_or(OrgRole::Member),
            status: r.try_get("status")?,
            since: r.try_get("created_at")?,
        });
    }
    Ok(out)
}

/// The organisations a person belongs to (active memberships), with their role.
pub async fn of_user(db: &Db, user_id: &str) -> Result<Vec<(Organisation, OrgRole)>, DbError> {
    let rows = sqlx::query(
        "SELECT o.id, o.name, o.kind, o.country, o.region, o.website, o.description, \
         o.created_at, o.updated_at, m.role FROM memberships m \
         JOIN organisations o ON o.id = m.org_id \
         WHERE m.user_id = $1 AND m.status = 'active' ORDER BY o.name",
    )
    .bind(user_id)
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let role: String = r.try_get("role")?;
        out.push((
            org_from_row(r)?,
            OrgRole::parse(&role).unwrap_or(OrgRole::Member),
        ));
    }
    Ok(out)
}

/// Asks to join an organisation; its focal point approves or declines.
pub async fn request_to_join(
    db: &Db,
    actor: &Actor,
    org_id: &str,
    user_id: &str,
) -> Result<(), OrgError> {
    get(db, org_id).await?.ok_or(OrgError::NotFound)?;
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    let existing: Option<String> =
        sqlx::query_scalar("SELECT status FROM memberships WHERE org_id = $1 AND user_id = $2")
            .bind(org_id)
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
    if existing.is_some() {
        return Err(OrgError::AlreadyMember);
    }
    sqlx::query(
        "INSERT INTO memberships (org_id, user_id, role, status, created_at, updated_at) \
         VALUES ($1, $2, 'member', 'requested', $3, $3)",
    )
    .bind(org_id)
    .bind(user_id)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("membership.request", "organisation", org_id)
            .after(json!({ "user_id": user_id })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Refuses a change that would leave an organisation without an active focal point other
/// than `user_id`.
async fn ensure_another_focal_point(
    conn: &mut sqlx::AnyConnection,
    org_id: &str,
    user_id: &str,
) -> Result<(), OrgError> {
    let others: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE org_id = $1 AND role = 'focal_point' \
         AND status = 'active' AND user_id <> $2",
    )
    .bind(org_id)
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await?;
    if others == 0 {
        Err(OrgError::LastFocalPoint)
    } else {
        Ok(())
    }
}

/// Approves a request to join (as a member) or changes an active member's role.
pub async fn set_member(
    db: &Db,
    actor: &Actor,
    org_id: &str,
    user_id: &str,
    role: OrgRole,
) -> Result<(), OrgError> {
    let mut tx = db.begin_write().await?;
    let before =
        sqlx::query("SELECT role, status FROM memberships WHERE org_id = $1 AND user_id = $2")
            .bind(org_id)
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(OrgError::NoSuchMember)?;
    let before_role: String = before.try_get("role")?;
    let before_status: String = before.try_get("status")?;
    if before_role == "focal_point" && role != OrgRole::FocalPoint {
        ensure_another_focal_point(&mut tx, org_id, user_id).await?;
    }
    sqlx::query(
        "UPDATE memberships SET role = $1, status = 'active', updated_at = $2 \
         WHERE org_id = $3 AND user_id = $4",
    )
    .bind(role.as_str())
    .bind(now_rfc3339())
    .bind(org_id)
    .bind(user_id)
    .execute(&mut *tx)
    .await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new(
            if before_status == "requested" {
                "membership.approve"
            } else {
                "membership.role"
            },
            "organisation",
            org_id,
        )
        .before(json!({ "user_id": user_id, "role": before_role, "status": before_status }))
        .after(json!({ "user_id": user_id, "role": role.as_str(), "status": "active" })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a member, or declines a request to join.
pub async fn remove_member(
    db: &Db,
    actor: &Actor,
    org_id: &str,
    user_id: &str,
) -> Result<(), OrgError> {
    let mut tx = db.begin_write().await?;
    let role: Option<String> =
        sqlx::query_scalar("SELECT role FROM memberships WHERE org_id = $1 AND user_id = $2")
            .bind(org_id)
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(role) = role else {
        return Err(OrgError::NoSuchMember);
    };
    if role == "focal_point" {
        ensure_another_focal_point(&mut tx, org_id, user_id).await?;
    }
    sqlx::query("DELETE FROM memberships WHERE org_id = $1 AND user_id = $2")
        .bind(org_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("membership.remove", "organisation", org_id)
            .before(json!({ "user_id": user_id, "role": role })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Invites someone by e-mail and returns the invitation's token. The link is mailed (through
/// the outbox) in the invitee's language when they have an account that chose one, else in
/// `lang` (the inviter's page).
pub async fn invite(
    db: &Db,
    actor: &Actor,
    org: &Organisation,
    email: &str,
    role: OrgRole,
    mail: &Mailing,
    lang: &str,
) -> Result<String, OrgError> {
    let email = email.trim().to_lowercase();
    let token = new_token()?;
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO invitations (token_hash, org_id, email, role, invited_by, created_at, \
         expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(token_hash(&token))
    .bind(&org.id)
    .bind(&email)
    .bind(role.as_str())
    .bind(actor.user_id.as_deref().unwrap_or(""))
    .bind(&now)
    .bind(to_rfc3339(time::OffsetDateTime::now_utc() + INVITATION_TTL))
    .execute(&mut *tx)
    .await?;
    let known: Option<Option<String>> =
        sqlx::query_scalar("SELECT lang FROM users WHERE email = $1")
            .bind(&email)
            .fetch_optional(&mut *tx)
            .await?;
    let to = Recipient {
        email: email.clone(),
        lang: Some(known.flatten().unwrap_or_else(|| lang.to_string())),
    };
    mail.send_in(
        &mut tx,
        &to,
        "invitation",
        &format!("/invitations/{token}"),
        &[("org", &org.name), ("org_role", role.as_str())],
    )
    .await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("membership.invite", "organisation", &org.id)
            .after(json!({ "email": email, "role": role.as_str() })),
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// An invitation as shown before accepting it.
#[derive(Debug, Clone, Serialize)]
pub struct Invitation {
    pub org_id: String,
    pub email: String,
    pub role: OrgRole,
}

/// Reads a current invitation without using it.
pub async fn invitation(db: &Db, token: &str) -> Result<Option<Invitation>, DbError> {
    let row = sqlx::query(
        "SELECT org_id, email, role FROM invitations WHERE token_hash = $1 \
         AND accepted_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash(token))
    .bind(now_rfc3339())
    .fetch_optional(db.pool())
    .await?;
    let Some(r) = row else { return Ok(None) };
    let role: String = r.try_get("role")?;
    Ok(Some(Invitation {
        org_id: r.try_get("org_id")?,
        email: r.try_get("email")?,
        role: OrgRole::parse(&role).unwrap_or(OrgRole::Member),
    }))
}

/// Accepts an invitation as the signed-in person it was sent to. The role comes from the
/// invitation, never from the request.
pub async fn accept_invitation(
    db: &Db,
    actor: &Actor,
    token: &str,
    user_id: &str,
    user_email: &str,
) -> Result<String, OrgError> {
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    let row = sqlx::query(
        "UPDATE invitations SET accepted_at = $1, accepted_by = $2 WHERE token_hash = $3 \
         AND accepted_at IS NULL AND expires_at > $1 AND email = $4 RETURNING org_id, role",
    )
    .bind(&now)
    .bind(user_id)
    .bind(token_hash(token))
    .bind(user_email.to_lowercase())
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        // Tell apart a link for someone else from a dead link, for a useful message.
        let other: Option<String> = sqlx::query_scalar(
            "SELECT email FROM invitations WHERE token_hash = $1 AND accepted_at IS NULL \
             AND expires_at > $2",
        )
        .bind(token_hash(token))
        .bind(&now)
        .fetch_optional(&mut *tx)
        .await?;
        return Err(if other.is_some() {
            OrgError::InvitationForSomeoneElse
        } else {
            OrgError::InvitationInvalid
        });
    };
    let org_id: String = row.try_get("org_id")?;
    let role: String = row.try_get("role")?;
    let existing: Option<String> =
        sqlx::query_scalar("SELECT role FROM memberships WHERE org_id = $1 AND user_id = $2")
            .bind(&org_id)
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
    if existing.is_some() {
        sqlx::query(
            "UPDATE memberships SET role = $1, status = 'active', updated_at = $2 \
             WHERE org_id = $3 AND user_id = $4",
        )
        .bind(&role)
        .bind(&now)
        .bind(&org_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    } else {
        sqlx::query(
            "INSERT INTO memberships (org_id, user_id, role, status, created_at, updated_at) \
             VALUES ($1, $2, $3, 'active', $4, $4)",
        )
        .bind(&org_id)
        .bind(user_id)
        .bind(&role)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    audit::append(
        &mut tx,
        actor,
        Entry::new("membership.accept_invitation", "organisation", &org_id)
            .after(json!({ "user_id": user_id, "role": role })),
    )
    .await?;
    tx.commit().await?;
    Ok(org_id)
}
