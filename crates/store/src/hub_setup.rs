//! Setting up a request's implementation (GCM para 43(a)(iv)) and linking it to similar work
//! (para 43(a)(iii)): partners invited by the secretariat with a role and their recorded
//! agreement (`hub_request_partners`), the workplan's milestones with a responsible partner
//! (`hub_milestones`), and links to similar requests and practices (`hub_request_links`).
//!
//! Each change writes its event in `hub_request_events`, an audit entry, a change-log row (the
//! search index's visibility of a request depends on who is invited) and its letters, in one
//! transaction; the letters are written in each recipient's language.

use gcm_core::hub::{LinkKind, PartnerRole, PartnerState, RequestStatus};
use serde::Serialize;
use serde_json::json;
use sqlx::Row;
use time::Date;

use crate::audit::{self, Actor, Entry};
use crate::calls::format_date;
use crate::change_log::{self, Op};
use crate::hub_requests::{
    ENTITY, HubError, NOTE_MAX, TITLE_MAX, add_event, focal_points, secretariat,
};
use crate::letters::{Mailing, Recipient};
use crate::{Db, DbError, new_id, now_rfc3339};

/// A partner of a request.
#[derive(Debug, Clone, Serialize)]
pub struct Partner {
    pub org_id: String,
    pub org_name: String,
    pub role: PartnerRole,
    pub state: PartnerState,
    pub suggested_score: Option<f64>,
    pub override_reason: Option<String>,
    pub invited_at: String,
    pub answered_at: Option<String>,
    pub answer_note: Option<String>,
}

/// The partners of a request, in the order they were invited.
pub async fn partners(db: &Db, request_id: &str) -> Result<Vec<Partner>, DbError> {
    let rows = sqlx::query(
        "SELECT p.*, o.name AS org_name FROM hub_request_partners p \
         JOIN organisations o ON o.id = p.org_id WHERE p.request_id = $1 \
         ORDER BY p.invited_at, p.org_id",
    )
    .bind(request_id)
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::new();
    for r in rows {
        let role: String = r.try_get("role")?;
        let state: String = r.try_get("state")?;
        let (Some(role), Some(state)) = (PartnerRole::parse(&role), PartnerState::parse(&state))
        else {
            continue;
        };
        out.push(Partner {
            org_id: r.try_get("org_id")?,
            org_name: r.try_get("org_name")?,
            role,
            state,
            suggested_score: r.try_get("suggested_score")?,
            override_reason: r.try_get("override_reason")?,
            invited_at: r.try_get("invited_at")?,
            answered_at: r.try_get("answered_at")?,
            answer_note: r.try_get("answer_note")?,
        });
    }
    Ok(out)
}

/// The organisations invited to one request (any state but withdrawn).
pub async fn invited_requests_orgs(db: &Db, request_id: &str) -> Result<Vec<String>, DbError> {
    Ok(sqlx::query_scalar(
        "SELECT org_id FROM hub_request_partners WHERE request_id = $1 AND state <> 'withdrawn' \
         ORDER BY org_id",
    )
    .bind(request_id)
    .fetch_all(db.pool())
    .await?)
}

/// What the secretariat sends when inviting a partner.
#[derive(Debug, Clone)]
pub struct Invitation {
    pub org_id: String,
    pub role: PartnerRole,
    /// The ranking's score when picked from the suggestions.
    pub suggested_score: Option<f64>,
    /// Why the secretariat chose someone other than the ranking suggested.
    pub override_reason: String,
}

/// Invites an organisation as a partner (while matching or setting up). Inviting one already
/// invited or answering is 409; one withdrawn may be invited again.
pub async fn invite(
    db: &Db,
    mail: &Mailing,
    actor: &Actor,
    request_id: &str,
    inv: &Invitation,
) -> Result<(), HubError> {
    if inv.override_reason.chars().count() > NOTE_MAX {
        return Err(HubError::Invalid("override_reason"));
    }
    if inv.suggested_score.is_some_and(|s| !s.is_finite()) {
        return Err(HubError::Invalid("suggested_score"));
    }
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    let r = load_status(&mut tx, request_id).await?;
    if !matches!(
        r.status,
        RequestStatus::Matching | RequestStatus::ImplementationSetup
    ) {
        return Err(HubError::Conflict("hub_not_matching"));
    }
    let org_name: Option<String> =
        sqlx::query_scalar("SELECT name FROM organisations WHERE id = $1")
            .bind(&inv.org_id)
            .fetch_optional(&mut *tx)
            .await?;
    let org_name = org_name.ok_or(HubError::Invalid("org_id"))?;
    if inv.org_id == r.org_id {
        return Err(HubError::Invalid("org_id"));
    }
    let existing: Option<String> = sqlx::query_scalar(
        "SELECT state FROM hub_request_partners WHERE request_id = $1 AND org_id = $2",
    )
    .bind(request_id)
    .bind(&inv.org_id)
    .fetch_optional(&mut *tx)
    .await?;
    let reason = Some(inv.override_reason.trim()).filter(|s| !s.is_empty());
    match existing.as_deref() {
        None => {
            sqlx::query(
                "INSERT INTO hub_request_partners (request_id, org_id, role, state, \
                 suggested_score, override_reason, invited_by, invited_at) \
                 VALUES ($1, $2, $3, 'invited', $4, $5, $6, $7)",
            )
            .bind(request_id)
            .bind(&inv.org_id)
            .bind(inv.role.as_str())
            .bind(inv.suggested_score)
            .bind(reason)
            .bind(actor.user_id.as_deref().unwrap_or(""))
            .bind(&now)
            .execute(&mut *tx)
            .await?;
        }
        Some("withdrawn") => {
            sqlx::query(
                "UPDATE hub_request_partners SET role = $3, state = 'invited', \
                 suggested_score = $4, override_reason = $5, invited_by = $6, invited_at = $7, \
                 answered_by = NULL, answered_at = NULL, answer_note = NULL \
                 WHERE request_id = $1 AND org_id = $2",
            )
            .bind(request_id)
            .bind(&inv.org_id)
            .bind(inv.role.as_str())
            .bind(inv.suggested_score)
            .bind(reason)
            .bind(actor.user_id.as_deref().unwrap_or(""))
            .bind(&now)
            .execute(&mut *tx)
            .await?;
        }
        Some(_) => return Err(HubError::Conflict("hub_already_invited")),
    }
    // The override reason is the secretariat's: not shown to the requester.
    add_event(
        &mut tx,
        request_id,
        actor.user_id.as_deref(),
        "partner_invited",
        None,
        Some(&format!("{org_name} ({})", inv.role.as_str())),
        true,
    )
    .await?;
    let reference = r.reference.unwrap_or_default();
    let path = format!("/hub/requests/{request_id}");
    for addr in focal_points(&mut tx, &inv.org_id).await? {
        mail.send_in(
            &mut tx,
            &addr,
            "hub.invitation",
            &path,
            &[
                ("reference", &reference),
                ("org", &org_name),
                ("role", inv.role.as_str()),
            ],
        )
        .await?;
    }
    change_log::append(&mut tx, ENTITY, request_id, Op::Upsert).await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("hub_request.invite", ENTITY, request_id).after(json!({
            "org_id": inv.org_id, "role": inv.role.as_str(),
            "suggested_score": inv.suggested_score, "override_reason": reason,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

struct Head {
    status: RequestStatus,
    org_id: String,
    reference: Option<String>,
}

async fn load_status(conn: &mut sqlx::AnyConnection, id: &str) -> Result<Head, HubError> {
    let r = sqlx::query("SELECT status, org_id, reference FROM hub_requests WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(HubError::Unknown)?;
    let status: String = r.try_get("status")?;
    Ok(Head {
        status: RequestStatus::parse(&status).ok_or(HubError::Unknown)?,
        org_id: r.try_get("org_id")?,
        reference: r.try_get("reference")?,
    })
}

/// The invited organisation accepts or declines, once (409 when it already answered or was
/// not invited).
pub async fn answer(
    db: &Db,
    mail: &Mailing,
    actor: &Actor,
    request_id: &str,
    org_id: &str,
    accept: bool,
    note: &str,
) -> Result<(), HubError> {
    let note = note.trim();
    if note.chars().count() > NOTE_MAX {
        return Err(HubError::Invalid("note"));
    }
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    let r = load_status(&mut tx, request_id).await?;
    if r.status.is_final() {
        return Err(HubError::Conflict("hub_request_not_open"));
    }
    let row = sqlx::query(
        "SELECT p.state, p.role, o.name FROM hub_request_partners p \
         JOIN organisations o ON o.id = p.org_id WHERE p.request_id = $1 AND p.org_id = $2",
    )
    .bind(request_id)
    .bind(org_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(HubError::Unknown)?;
    let state: String = row.try_get("state")?;
    let name: String = row.try_get("name")?;
    let role: String = row.try_get("role")?;
    if state != PartnerState::Invited.as_str() {
        return Err(HubError::Conflict("hub_already_answered"));
    }
    let to = if accept {
        PartnerState::Accepted
    } else {
        PartnerState::Declined
    };
    // Guarded by the state, so two answers racing on PostgreSQL record only one.
    let changed = sqlx::query(
        "UPDATE hub_request_partners SET state = $3, answered_by = $4, answered_at = $5, \
         answer_note = $6 WHERE request_id = $1 AND org_id = $2 AND state = 'invited'",
    )
    .bind(request_id)
    .bind(org_id)
    .bind(to.as_str())
    .bind(actor.user_id.as_deref())
    .bind(&now)
    .bind(Some(note).filter(|n| !n.is_empty()))
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(HubError::Conflict("hub_already_answered"));
    }
    add_event(
        &mut tx,
        request_id,
        actor.user_id.as_deref(),
        if accept {
            "partner_accepted"
        } else {
            "partner_declined"
        },
        None,
        Some(&format!(
            "{name} ({role}){}",
            if note.is_empty() {
                String::new()
            } else {
                format!(": {note}")
            }
        )),
        true,
    )
    .await?;
    let reference = r.reference.unwrap_or_default();
    let mut told = secretariat(&mut tx).await?;
    told.extend(focal_points(&mut tx, &r.org_id).await?);
    told.sort();
    told.dedup_by(|a, b| a.email == b.email);
    let path = format!("/hub/requests/{request_id}");
    for addr in told {
        mail.send_in(
            &mut tx,
            &addr,
            "hub.answer",
            &path,
            &[
                ("reference", &reference),
                ("org", &name),
                ("role", &role),
                ("answer", if accept { "accept" } else { "decline" }),
            ],
        )
        .await?;
    }
    change_log::append(&mut tx, ENTITY, request_id, Op::Upsert).await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("hub_request.partner_answer", ENTITY, request_id)
            .before(json!({ "org_id": org_id, "state": "invited" }))
            .after(json!({ "org_id": org_id, "state": to.as_str(), "note": note })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The secretariat takes an invitation back, before or after the partner answered (409 when
/// already withdrawn). The organisation loses its view of the request; it may be invited again.
pub async fn withdraw(
    db: &Db,
    mail: &Mailing,
    actor: &Actor,
    request_id: &str,
    org_id: &str,
) -> Result<(), HubError> {
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    let r = load_status(&mut tx, request_id).await?;
    if r.status.is_final() {
        return Err(HubError::Conflict("hub_request_not_open"));
    }
    let row = sqlx::query(
        "SELECT p.state, o.name FROM hub_request_partners p \
         JOIN organisations o ON o.id = p.org_id WHERE p.request_id = $1 AND p.org_id = $2",
    )
    .bind(request_id)
    .bind(org_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(HubError::Unknown)?;
    let state: String = row.try_get("state")?;
    let name: String = row.try_get("name")?;
    if state == PartnerState::Withdrawn.as_str() {
        return Err(HubError::Conflict("hub_already_withdrawn"));
    }
    sqlx::query(
        "UPDATE hub_request_partners SET state = 'withdrawn' WHERE request_id = $1 AND org_id = $2",
    )
    .bind(request_id)
    .bind(org_id)
    .execute(&mut *tx)
    .await?;
    add_event(
        &mut tx,
        request_id,
        actor.user_id.as_deref(),
        "partner_withdrawn",
        None,
        Some(&name),
        true,
    )
    .await?;
    let reference = r.reference.unwrap_or_default();
    let path = format!("/hub/requests/{request_id}");
    for addr in focal_points(&mut tx, org_id).await? {
        mail.send_in(
            &mut tx,
            &addr,
            "hub.withdrawn",
            &path,
            &[("reference", &reference), ("org", &name)],
        )
        .await?;
    }
    change_log::append(&mut tx, ENTITY, request_id, Op::Upsert).await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("hub_request.withdraw_invitation", ENTITY, request_id)
            .before(json!({ "org_id": org_id, "state": state, "at": now }))
            .after(json!({ "org_id": org_id, "state": "withdrawn" })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A milestone of the workplan.
#[derive(Debug, Clone, Serialize)]
pub struct Milestone {
    pub id: String,
    pub position: i64,
    pub title: String,
    pub due_on: Option<String>,
    pub responsible_org: Option<String>,
    pub responsible_name: Option<String>,
    pub done_at: Option<String>,
}

pub async fn milestones(db: &Db, request_id: &str) -> Result<Vec<Milestone>, DbError> {
    let rows = sqlx::query(
        "SELECT m.*, o.name AS org_name FROM hub_milestones m \
         LEFT JOIN organisations o ON o.id = m.responsible_org WHERE m.request_id = $1 \
         ORDER BY m.position",
    )
    .bind(request_id)
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::new();
    for r in rows {
        out.push(Milestone {
            id: r.try_get("id")?,
            position: r.try_get("position")?,
            title: r.try_get("title")?,
            due_on: r.try_get("due_on")?,
            responsible_org: r.try_get("responsible_org")?,
            responsible_name: r.try_get("org_name")?,
            done_at: r.try_get("done_at")?,
        });
    }
    Ok(out)
}

/// Adds a milestone (during set-up or implementation). The responsible organisation must be an
/// accepted partner of the request. Returns its id.
pub async fn add_milestone(
    db: &Db,
    actor: &Actor,
    request_id: &str,
    title: &str,
    due_on: Option<Date>,
    responsible_org: &str,
) -> Result<String, HubError> {
    let title = title.trim();
    if title.is_empty() || title.chars().count() > TITLE_MAX {
        return Err(HubError::Invalid("title"));
    }
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    let r = load_status(&mut tx, request_id).await?;
    if !matches!(
        r.status,
        RequestStatus::ImplementationSetup | RequestStatus::InImplementation
    ) {
        return Err(HubError::Conflict("hub_not_in_setup"));
    }
    let accepted: Option<String> = sqlx::query_scalar(
        "SELECT state FROM hub_request_partners WHERE request_id = $1 AND org_id = $2 \
         AND state = 'accepted'",
    )
    .bind(request_id)
    .bind(responsible_org)
    .fetch_optional(&mut *tx)
    .await?;
    if accepted.is_none() {
        return Err(HubError::Invalid("responsible_org"));
    }
    let position: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(position), 0) + 1 FROM hub_milestones WHERE request_id = $1",
    )
    .bind(request_id)
    .fetch_one(&mut *tx)
    .await?;
    let id = new_id();
    sqlx::query(
        "INSERT INTO hub_milestones (id, request_id, position, title, due_on, responsible_org, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(&id)
    .bind(request_id)
    .bind(position)
    .bind(title)
    .bind(due_on.map(format_date))
    .bind(responsible_org)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    add_event(
        &mut tx,
        request_id,
        actor.user_id.as_deref(),
        "milestone_added",
        None,
        Some(title),
        true,
    )
    .await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("hub_request.milestone_add", ENTITY, request_id).after(json!({
            "milestone": id, "title": title, "due_on": due_on.map(format_date),
            "responsible_org": responsible_org,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Marks a milestone done (409 when it already is).
pub async fn milestone_done(
    db: &Db,
    actor: &Actor,
    request_id: &str,
    milestone_id: &str,
) -> Result<(), HubError> {
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    let row =
        sqlx::query("SELECT title, done_at FROM hub_milestones WHERE id = $1 AND request_id = $2")
            .bind(milestone_id)
            .bind(request_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(HubError::Unknown)?;
    let title: String = row.try_get("title")?;
    if row.try_get::<Option<String>, _>("done_at")?.is_some() {
        return Err(HubError::Conflict("hub_milestone_done"));
    }
    sqlx::query("UPDATE hub_milestones SET done_at = $2, updated_at = $2 WHERE id = $1")
        .bind(milestone_id)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    add_event(
        &mut tx,
        request_id,
        actor.user_id.as_deref(),
        "milestone_done",
        None,
        Some(&title),
        true,
    )
    .await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("hub_request.milestone_done", ENTITY, request_id)
            .after(json!({ "milestone": milestone_id, "done_at": now })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Links to similar requests and practices (para 43(a)(iii))

/// A flagged link.
#[derive(Debug, Clone, Serialize)]
pub struct RequestLink {
    /// `hub_request` or `practice`.
    pub other_kind: String,
    pub other_id: String,
    pub kind: LinkKind,
    pub note: Option<String>,
    pub created_at: String,
    pub connected_at: Option<String>,
}

pub async fn links(db: &Db, request_id: &str) -> Result<Vec<RequestLink>, DbError> {
    let rows = sqlx::query(
        "SELECT * FROM hub_request_links WHERE request_id = $1 ORDER BY created_at, other_id",
    )
    .bind(request_id)
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::new();
    for r in rows {
        let kind: String = r.try_get("kind")?;
        let Some(kind) = LinkKind::parse(&kind) else {
            continue;
        };
        out.push(RequestLink {
            other_kind: r.try_get("other_kind")?,
            other_id: r.try_get("other_id")?,
            kind,
            note: r.try_get("note")?,
            created_at: r.try_get("created_at")?,
            connected_at: r.try_get("connected_at")?,
        });
    }
    Ok(out)
}

/// The organisation behind the other side of a link (a request's requester, a practice's
/// organisation), or `Invalid("other_id")` when there is no such item.
async fn other_org(
    conn: &mut sqlx::AnyConnection,
    other_kind: &str,
    other_id: &str,
) -> Result<Option<String>, HubError> {
    match other_kind {
        "hub_request" => {
            let org: Option<String> =
                sqlx::query_scalar("SELECT org_id FROM hub_requests WHERE id = $1")
                    .bind(other_id)
                    .fetch_optional(&mut *conn)
                    .await?;
            org.map(Some).ok_or(HubError::Invalid("other_id"))
        }
        "practice" => {
            let org: Option<Option<String>> =
                sqlx::query_scalar("SELECT org_id FROM practices WHERE id = $1")
                    .bind(other_id)
                    .fetch_optional(&mut *conn)
                    .await?;
            org.ok_or(HubError::Invalid("other_id"))
        }
        _ => Err(HubError::Invalid("other_kind")),
    }
}

/// Flags a similar request or practice as potential duplication or peer exchange (the flag
/// of an existing link is replaced).
pub async fn flag(
    db: &Db,
    actor: &Actor,
    request_id: &str,
    other_kind: &str,
    other_id: &str,
    kind: LinkKind,
    note: &str,
) -> Result<(), HubError> {
    let note = note.trim();
    if note.chars().count() > NOTE_MAX {
        return Err(HubError::Invalid("note"));
    }
    if other_kind == "hub_request" && other_id == request_id {
        return Err(HubError::Invalid("other_id"));
    }
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    load_status(&mut tx, request_id).await?;
    other_org(&mut tx, other_kind, other_id).await?;
    sqlx::query(
        "INSERT INTO hub_request_links (request_id, other_kind, other_id, kind, note, \
         created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (request_id, other_kind, other_id) DO UPDATE SET kind = excluded.kind, \
         note = excluded.note",
    )
    .bind(request_id)
    .bind(other_kind)
    .bind(other_id)
    .bind(kind.as_str())
    .bind(Some(note).filter(|n| !n.is_empty()))
    .bind(actor.user_id.as_deref().unwrap_or(""))
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    add_event(
        &mut tx,
        request_id,
        actor.user_id.as_deref(),
        "linked",
        None,
        Some(&format!("{} {other_kind} {other_id}", kind.as_str())),
        false,
    )
    .await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("hub_request.link", ENTITY, request_id).after(json!({
            "other_kind": other_kind, "other_id": other_id, "kind": kind.as_str(), "note": note,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Introduces the two sides of a flagged link to each other by mail (the requester's focal
/// points and the other request's, or the practice's organisation's) and records when.
/// Returns how many people were mailed.
pub async fn connect(
    db: &Db,
    mail: &Mailing,
    actor: &Actor,
    request_id: &str,
    other_kind: &str,
    other_id: &str,
) -> Result<usize, HubError> {
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    let r = load_status(&mut tx, request_id).await?;
    let linked: Option<String> = sqlx::query_scalar(
        "SELECT kind FROM hub_request_links WHERE request_id = $1 AND other_kind = $2 \
         AND other_id = $3",
    )
    .bind(request_id)
    .bind(other_kind)
    .bind(other_id)
    .fetch_optional(&mut *tx)
    .await?;
    if linked.is_none() {
        return Err(HubError::Unknown);
    }
    let other = other_org(&mut tx, other_kind, other_id)
        .await?
        .ok_or(HubError::Conflict("hub_no_organisation"))?;
    let ours = focal_points(&mut tx, &r.org_id).await?;
    let theirs = focal_points(&mut tx, &other).await?;
    if ours.is_empty() || theirs.is_empty() {
        return Err(HubError::Conflict("hub_no_focal_point"));
    }
    let reference = r.reference.unwrap_or_default();
    let names = |v: &[Recipient]| {
        v.iter()
            .map(|r| r.email.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let path = format!("/hub/requests/{request_id}");
    // Both sides get the same letter kind; `side` says whose request it is.
    for (to, peers, side) in [(&ours, &theirs, "requester"), (&theirs, &ours, "peer")] {
        let peers = names(peers);
        for addr in to {
            mail.send_in(
                &mut tx,
                addr,
                "hub.connect",
                &path,
                &[("reference", &reference), ("peers", &peers), ("side", side)],
            )
            .await?;
        }
    }
    sqlx::query(
        "UPDATE hub_request_links SET connected_at = $4 WHERE request_id = $1 \
         AND other_kind = $2 AND other_id = $3",
    )
    .bind(request_id)
    .bind(other_kind)
    .bind(other_id)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    add_event(
        &mut tx,
        request_id,
        actor.user_id.as_deref(),
        "connected",
        None,
        None,
        true,
    )
    .await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("hub_request.connect", ENTITY, request_id).after(json!({
            "other_kind": other_kind, "other_id": other_id, "connected_at": now,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(ours.len() + theirs.len())
}
