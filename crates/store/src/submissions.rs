//! Practices on their way in: submitting a draft (or a revised submission), the dated history the
//! submitter and the secretariat follow (`practice_events`), attachments, and every saved
//! revision with a field-by-field comparison.
//!
//! Status changes never go through [`crate::practices::upsert`]: that writes a revision of the
//! content, while a status change is an event in the history.

use std::collections::BTreeMap;

use gcm_core::practices::{MAX_ATTACHMENTS, PracticeStatus};
use serde::Serialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Row};

use crate::audit::{self, Actor, Entry};
use crate::change_log::{self, Op};
use crate::practices::{ENTITY, Practice};
use crate::{Db, DbError, new_id, now_rfc3339};

#[derive(Debug, thiserror::Error)]
pub enum SubmissionError {
    #[error("no such practice")]
    NotFound,
    /// The practice is not in a state that allows this (e.g. submitting a published one).
    #[error("not possible while the practice is {0}")]
    WrongState(String),
    /// Mandatory fields still empty (their names).
    #[error("incomplete: {0:?}")]
    Incomplete(Vec<&'static str>),
    #[error("too many attachments")]
    TooManyAttachments,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for SubmissionError {
    fn from(e: sqlx::Error) -> Self {
        SubmissionError::Db(DbError::Sqlx(e))
    }
}

/// One step in a submission's history.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub at: String,
    /// Who acted; hidden (None) in what the submitter sees, so reviewers stay anonymous.
    pub by_user: Option<String>,
    pub by_name: Option<String>,
    /// `submitted`, `resubmitted`, `reviewer_assigned`, `conflict_declared`, `review_submitted`,
    /// `revision_requested`, `tie_break`, `tie_break_needed`, `decision_publish`,
    /// `decision_revise`, `decision_reject`.
    pub kind: String,
    pub round: i64,
    pub note: Option<String>,
    /// Shown to the submitting organisation.
    pub shared: bool,
}

/// Appends an event to a practice's history (inside the caller's transaction).
pub async fn record(
    conn: &mut AnyConnection,
    practice_id: &str,
    by_user: Option<&str>,
    kind: &str,
    round: i64,
    note: Option<&str>,
    shared: bool,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO practice_events (practice_id, at, by_user, kind, round, note, shared) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(practice_id)
    .bind(now_rfc3339())
    .bind(by_user)
    .bind(kind)
    .bind(round)
    .bind(note)
    .bind(i64::from(shared))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The history of a practice, oldest first. `for_submitter` keeps only shared events and
/// leaves out who acted.
pub async fn history(
    db: &Db,
    practice_id: &str,
    for_submitter: bool,
) -> Result<Vec<Event>, DbError> {
    let rows = sqlx::query(
        "SELECT e.at, e.by_user, u.display_name, e.kind, e.round, e.note, e.shared \
         FROM practice_events e LEFT JOIN users u ON u.id = e.by_user \
         WHERE e.practice_id = $1 ORDER BY e.id",
    )
    .bind(practice_id)
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let shared = r.try_get::<i64, _>("shared")? == 1;
        if for_submitter && !shared {
            continue;
        }
        out.push(Event {
            at: r.try_get("at")?,
            by_user: if for_submitter {
                None
            } else {
                r.try_get("by_user")?
            },
            by_name: if for_submitter {
                None
            } else {
                r.try_get("display_name")?
            },
            kind: r.try_get("kind")?,
            round: r.try_get("round")?,
            note: r.try_get("note")?,
            shared,
        });
    }
    Ok(out)
}

/// Mandatory fields a practice still lacks before it can be submitted.
pub fn missing_fields(p: &Practice) -> Vec<&'static str> {
    let mut missing = Vec::new();
    let has_text = |field: &str| {
        p.texts
            .iter()
            .any(|t| t.field == field && t.lang == p.original_lang && !t.text.trim().is_empty())
    };
    for field in ["title", "summary", "description", "results"] {
        if !has_text(field) {
            missing.push(field);
        }
    }
    if p.objectives().is_empty() {
        missing.push("objectives");
    }
    if p.scope.is_none() {
        missing.push("scope");
    }
    if p.progress.is_none() {
        missing.push("progress");
    }
    if p.countries.is_empty() && p.regions.is_empty() {
        missing.push("countries");
    }
    if p.on_behalf
        && (p.implementer.is_none()
            || p.focal_point_name.is_none()
            || p.focal_point_email.is_none())
    {
        missing.push("focal_point");
    }
    missing
}

/// Sets a practice's status, with change-log and audit entries (inside the caller's
/// transaction).
pub(crate) async fn set_status(
    conn: &mut AnyConnection,
    actor: &Actor,
    practice_id: &str,
    from: &str,
    to: PracticeStatus,
    action: &str,
    detail: Value,
) -> Result<(), DbError> {
    let now = now_rfc3339();
    let published_at = to.is_public().then(|| now.clone());
    sqlx::query(
        "UPDATE practices SET status = $1, updated_at = $2, \
         published_at = COALESCE(published_at, $3), \
         peer_reviewed = CASE WHEN $4 = 1 THEN 1 ELSE peer_reviewed END WHERE id = $5",
    )
    .bind(to.as_str())
    .bind(&now)
    .bind(&published_at)
    .bind(i64::from(to.is_public()))
    .bind(practice_id)
    .execute(&mut *conn)
    .await?;
    change_log::append(&mut *conn, ENTITY, practice_id, Op::Upsert).await?;
    let mut after = json!({ "status": to.as_str() });
    if let (Some(a), Some(d)) = (after.as_object_mut(), detail.as_object()) {
        a.extend(d.clone());
    }
    audit::append(
        &mut *conn,
        actor,
        Entry::new(action, ENTITY, practice_id)
            .before(json!({ "status": from }))
            .after(after),
    )
    .await?;
    Ok(())
}

/// Reads status and round under the write lock.
pub(crate) async fn status_of(
    conn: &mut AnyConnection,
    practice_id: &str,
) -> Result<(PracticeStatus, i64), SubmissionError> {
    let row = sqlx::query("SELECT status, review_round FROM practices WHERE id = $1")
        .bind(practice_id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(SubmissionError::NotFound)?;
    let status: String = row.try_get("status")?;
    let status = PracticeStatus::parse(&status).ok_or(SubmissionError::WrongState(status))?;
    Ok((status, row.try_get("review_round")?))
}

/// Sends a draft (or a revised submission) to peer review. A first submission waits for the
/// secretariat to assign reviewers; a revised one goes straight back to the reviewers of the
/// previous round (who did not declare a conflict), in a new round.
pub async fn submit(
    db: &Db,
    actor: &Actor,
    practice: &Practice,
) -> Result<PracticeStatus, SubmissionError> {
    let missing = missing_fields(practice);
    if !missing.is_empty() {
        return Err(SubmissionError::Incomplete(missing));
    }
    let mut tx = db.begin_write().await?;
    let (status, round) = status_of(&mut tx, &practice.id).await?;
    if !status.is_editable() {
        return Err(SubmissionError::WrongState(status.as_str().to_string()));
    }
    let next = round + 1;
    let now = now_rfc3339();
    let carried = sqlx::query(
        "SELECT reviewer_id, reviewer_kind, tie_break FROM practice_reviews \
         WHERE practice_id = $1 AND round = $2 AND state <> 'conflict'",
    )
    .bind(&practice.id)
    .bind(round)
    .fetch_all(&mut *tx)
    .await?;
    for r in &carried {
        sqlx::query(
            "INSERT INTO practice_reviews (id, practice_id, reviewer_id, round, reviewer_kind, \
             tie_break, state, assigned_by, assigned_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 'assigned', $7, $8)",
        )
        .bind(new_id())
        .bind(&practice.id)
        .bind(r.try_get::<String, _>("reviewer_id")?)
        .bind(next)
        .bind(r.try_get::<String, _>("reviewer_kind")?)
        .bind(r.try_get::<i64, _>("tie_break")?)
        .bind(&actor.user_id)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    let to = if carried.is_empty() {
        PracticeStatus::Submitted
    } else {
        PracticeStatus::InReview
    };
    sqlx::query(
        "UPDATE practices SET review_round = $1, submitted_at = $2, \
         source = CASE WHEN source = 'seed' THEN source ELSE 'submission' END WHERE id = $3",
    )
    .bind(next)
    .bind(&now)
    .bind(&practice.id)
    .execute(&mut *tx)
    .await?;
    let kind = if round == 0 {
        "submitted"
    } else {
        "resubmitted"
    };
    record(
        &mut tx,
        &practice.id,
        actor.user_id.as_deref(),
        kind,
        next,
        None,
        true,
    )
    .await?;
    set_status(
        &mut tx,
        actor,
        &practice.id,
        status.as_str(),
        to,
        "practice.submit",
        json!({ "round": next }),
    )
    .await?;
    tx.commit().await?;
    Ok(to)
}

/// A file attached to a practice (without its bytes).
#[derive(Debug, Clone, Serialize)]
pub struct Attachment {
    pub id: String,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub created_at: String,
}

fn attachment_from(r: &sqlx::any::AnyRow) -> Result<Attachment, sqlx::Error> {
    Ok(Attachment {
        id: r.try_get("id")?,
        filename: r.try_get("filename")?,
        content_type: r.try_get("content_type")?,
        size: r.try_get("size")?,
        sha256: r.try_get("sha256")?,
        created_at: r.try_get("created_at")?,
    })
}

/// Stores a checked file (see `gcm_core::practices::classify_attachment`).
pub async fn add_attachment(
    db: &Db,
    actor: &Actor,
    practice_id: &str,
    filename: &str,
    content_type: &str,
    data: &[u8],
) -> Result<String, SubmissionError> {
    let mut tx = db.begin_write().await?;
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM practice_attachments WHERE practice_id = $1")
            .bind(practice_id)
            .fetch_one(&mut *tx)
            .await?;
    if count >= MAX_ATTACHMENTS as i64 {
        return Err(SubmissionError::TooManyAttachments);
    }
    let id = new_id();
    let sha = hex::encode(Sha256::digest(data));
    sqlx::query(
        "INSERT INTO practice_attachments (id, practice_id, filename, content_type, size, sha256, \
         data, uploaded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&id)
    .bind(practice_id)
    .bind(filename)
    .bind(content_type)
    .bind(data.len() as i64)
    .bind(&sha)
    .bind(data.to_vec())
    .bind(&actor.user_id)
    .bind(now_rfc3339())
    .execute(&mut *tx)
    .await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("practice.attachment.add", ENTITY, practice_id).after(json!({
            "attachment": id, "filename": filename, "size": data.len(), "sha256": sha
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A practice's attachments, oldest first.
pub async fn attachments(db: &Db, practice_id: &str) -> Result<Vec<Attachment>, DbError> {
    let rows = sqlx::query(
        "SELECT id, filename, content_type, size, sha256, created_at FROM practice_attachments \
         WHERE practice_id = $1 ORDER BY created_at, id",
    )
    .bind(practice_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.iter().map(attachment_from).collect::<Result<_, _>>()?)
}

/// One attachment with its bytes.
pub async fn attachment(
    db: &Db,
    practice_id: &str,
    id: &str,
) -> Result<Option<(Attachment, Vec<u8>)>, DbError> {
    let Some(r) = sqlx::query(
        "SELECT id, filename, content_type, size, sha256, created_at, data \
         FROM practice_attachments WHERE practice_id = $1 AND id = $2",
    )
    .bind(practice_id)
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    else {
        return Ok(None);
    };
    Ok(Some((attachment_from(&r)?, r.try_get("data")?)))
}

/// Removes an attachment; false when there was none.
pub async fn remove_attachment(
    db: &Db,
    actor: &Actor,
    practice_id: &str,
    id: &str,
) -> Result<bool, DbError> {
    let mut tx = db.begin_write().await?;
    let gone = sqlx::query("DELETE FROM practice_attachments WHERE practice_id = $1 AND id = $2")
        .bind(practice_id)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
        > 0;
    if gone {
        audit::append(
            &mut tx,
            actor,
            Entry::new("practice.attachment.remove", ENTITY, practice_id)
                .before(json!({ "attachment": id })),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(gone)
}

/// One saved version of a practice.
#[derive(Debug, Clone, Serialize)]
pub struct Revision {
    pub rev: i64,
    pub at: String,
    pub by_name: Option<String>,
    pub snapshot: Value,
}

/// Every revision, oldest first.
pub async fn revisions(db: &Db, practice_id: &str) -> Result<Vec<Revision>, DbError> {
    let rows = sqlx::query(
        "SELECT r.rev, r.at, u.display_name, r.snapshot FROM practice_revisions r \
         LEFT JOIN users u ON u.id = r.by_user WHERE r.practice_id = $1 ORDER BY r.rev",
    )
    .bind(practice_id)
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let snapshot: String = r.try_get("snapshot")?;
        out.push(Revision {
            rev: r.try_get("rev")?,
            at: r.try_get("at")?,
            by_name: r.try_get("display_name")?,
            snapshot: serde_json::from_str(&snapshot).unwrap_or(Value::Null),
        });
    }
    Ok(out)
}

/// A field that differs between two revisions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// `title[en]` for texts, `tags` for framework references, else the column name.
    pub field: String,
    pub before: String,
    pub after: String,
}

/// Flattens a snapshot into readable fields: texts by field and language, lists joined.
fn flatten(snapshot: &Value) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let Some(obj) = snapshot.as_object() else {
        return out;
    };
    for (k, v) in obj {
        match (k.as_str(), v) {
            // Status changes are events in the history, not edits of the content.
            ("status", _) => {}
            ("texts", Value::Array(texts)) => {
                for t in texts {
                    let key = format!(
                        "{}[{}]",
                        t["field"].as_str().unwrap_or_default(),
                        t["lang"].as_str().unwrap_or_default()
                    );
                    out.insert(key, t["text"].as_str().unwrap_or_default().to_string());
                }
            }
            ("links", Value::Array(links)) => {
                let mut refs: Vec<String> = links
                    .iter()
                    .map(|l| match l["note"].as_str() {
                        Some(n) if !n.is_empty() => {
                            format!("{} ({n})", l["ref"].as_str().unwrap_or_default())
                        }
                        _ => l["ref"].as_str().unwrap_or_default().to_string(),
                    })
                    .collect();
                refs.sort();
                out.insert("tags".into(), refs.join("\n"));
            }
            (_, Value::Array(items)) => {
                let items: Vec<String> = items
                    .iter()
                    .map(|i| {
                        i.as_str()
                            .map(str::to_string)
                            .unwrap_or_else(|| i.to_string())
                    })
                    .collect();
                out.insert(k.clone(), items.join(" "));
            }
            (_, Value::Null) => {
                out.insert(k.clone(), String::new());
            }
            (_, Value::String(s)) => {
                out.insert(k.clone(), s.clone());
            }
            (_, other) => {
                out.insert(k.clone(), other.to_string());
            }
        }
    }
    out
}

/// The fields that differ between two snapshots, in field order.
pub fn diff(before: &Value, after: &Value) -> Vec<Change> {
    let a = flatten(before);
    let b = flatten(after);
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| {
            let x = a.get(k).cloned().unwrap_or_default();
            let y = b.get(k).cloned().unwrap_or_default();
            (x != y).then(|| Change {
                field: k.clone(),
                before: x,
                after: y,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_names_changed_texts_by_language_and_tags() {
        let a = json!({"scope": "national", "texts": [{"field": "title", "lang": "en", "text": "Old"}],
                       "links": [{"ref": "gcm:obj:1", "note": null}], "countries": ["PRT"]});
        let b = json!({"scope": "national", "texts": [{"field": "title", "lang": "en", "text": "New"},
                       {"field": "title", "lang": "fr", "text": "Nouveau"}],
                       "links": [{"ref": "gcm:obj:1", "note": null}, {"ref": "gcm:gp:human-rights", "note": "Rights-based"}],
                       "countries": ["PRT", "ESP"]});
        let d = diff(&a, &b);
        let fields: Vec<&str> = d.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["countries", "tags", "title[en]", "title[fr]"]);
        assert_eq!(d[2].before, "Old");
        assert_eq!(d[2].after, "New");
        assert!(d[1].after.contains("gcm:gp:human-rights (Rights-based)"));
        assert!(diff(&a, &a).is_empty());
    }
}
