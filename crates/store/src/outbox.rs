//! Outgoing mail. Messages are written here in the transaction that causes them (so a link is
//! never mailed for a change that rolled back); a sender delivers them by SMTP when one is
//! configured, and otherwise they stay visible to administrators (and in the log).

use serde::Serialize;
use sqlx::{AnyConnection, Row};

use crate::{Db, DbError, new_id, now_rfc3339};

/// A message in the outbox.
#[derive(Debug, Clone, Serialize)]
pub struct Mail {
    pub id: String,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub kind: String,
    pub created_at: String,
    pub sent_at: Option<String>,
    pub attempts: i64,
    pub last_error: Option<String>,
}

/// Queues a message.
pub async fn enqueue_in(
    conn: &mut AnyConnection,
    to: &str,
    subject: &str,
    body: &str,
    kind: &str,
) -> Result<String, DbError> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO outbox (id, to_addr, subject, body, kind, created_at, attempts) \
         VALUES ($1, $2, $3, $4, $5, $6, 0)",
    )
    .bind(&id)
    .bind(to)
    .bind(subject)
    .bind(body)
    .bind(kind)
    .bind(now_rfc3339())
    .execute(&mut *conn)
    .await?;
    tracing::info!(to, subject, kind, body, "mail queued");
    Ok(id)
}

fn mail_from_row(r: &sqlx::any::AnyRow) -> Result<Mail, sqlx::Error> {
    Ok(Mail {
        id: r.try_get("id")?,
        to: r.try_get("to_addr")?,
        subject: r.try_get("subject")?,
        body: r.try_get("body")?,
        kind: r.try_get("kind")?,
        created_at: r.try_get("created_at")?,
        sent_at: r.try_get("sent_at")?,
        attempts: r.try_get("attempts")?,
        last_error: r.try_get("last_error")?,
    })
}

/// The newest messages, optionally only those to one address.
pub async fn list(db: &Db, to: Option<&str>, limit: i64) -> Result<Vec<Mail>, DbError> {
    let rows = match to {
        Some(addr) => sqlx::query(
            "SELECT * FROM outbox WHERE to_addr = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
        )
        .bind(addr.trim().to_lowercase())
        .bind(limit)
        .fetch_all(db.pool())
        .await?,
        None => {
            sqlx::query("SELECT * FROM outbox ORDER BY created_at DESC, id DESC LIMIT $1")
                .bind(limit)
                .fetch_all(db.pool())
                .await?
        }
    };
    Ok(rows.iter().map(mail_from_row).collect::<Result<_, _>>()?)
}
