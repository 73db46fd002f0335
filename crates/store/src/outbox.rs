//! Outgoing mail. Messages are written here in the transaction that causes them (so a link is
//! never mailed for a change that rolled back); a sender delivers them by SMTP when one is
//! configured, and otherwise they stay visible to administrators (and in the log).

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use serde::Serialize;
use sqlx::{AnyConnection, Row};
use tokio::sync::watch;

use crate::{Backend, Db, DbError, new_id, now_rfc3339, to_rfc3339};

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

/// Tries per message before giving up (the message stays visible to administrators).
pub const MAX_ATTEMPTS: i64 = 8;

/// Something that delivers mail (SMTP in production).
pub trait Mailer: Send + Sync + 'static {
    fn send<'a>(
        &'a self,
        mail: &'a Mail,
    ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;
}

/// Claims the oldest message due for a try, holding it for a few minutes so that no other
/// node sends it at the same time.
pub async fn claim_next(db: &Db) -> Result<Option<Mail>, DbError> {
    let now = time::OffsetDateTime::now_utc();
    let lock = match db.backend() {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let sql = format!(
        "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $1 \
         WHERE id = (SELECT id FROM outbox WHERE sent_at IS NULL AND attempts < $2 \
             AND (next_attempt_at IS NULL OR next_attempt_at <= $3) \
             ORDER BY created_at LIMIT 1{lock}) \
         RETURNING id, to_addr, subject, body, kind, created_at, sent_at, attempts, last_error"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(to_rfc3339(now + Duration::from_secs(300)))
        .bind(MAX_ATTEMPTS)
        .bind(to_rfc3339(now))
        .fetch_optional(db.pool())
        .await?;
    Ok(row.as_ref().map(mail_from_row).transpose()?)
}

async fn record(db: &Db, mail: &Mail, result: &Result<(), String>) -> Result<(), DbError> {
    match result {
        Ok(()) => {
            sqlx::query("UPDATE outbox SET sent_at = $1, last_error = NULL WHERE id = $2")
                .bind(now_rfc3339())
                .bind(&mail.id)
                .execute(db.pool())
                .await?;
        }
        Err(e) => {
            // Back off: 1, 2, 4 … minutes.
            let wait = Duration::from_secs(60 * (1u64 << mail.attempts.clamp(0, 10)));
            sqlx::query("UPDATE outbox SET last_error = $1, next_attempt_at = $2 WHERE id = $3")
                .bind(e.chars().take(1000).collect::<String>())
                .bind(to_rfc3339(time::OffsetDateTime::now_utc() + wait))
                .bind(&mail.id)
                .execute(db.pool())
                .await?;
        }
    }
    Ok(())
}

/// Sends every message that is due; returns how many were sent.
pub async fn deliver_due(db: &Db, mailer: &dyn Mailer) -> Result<usize, DbError> {
    let mut sent = 0;
    while let Some(mail) = claim_next(db).await? {
        let result = mailer.send(&mail).await;
        if let Err(e) = &result {
            tracing::warn!(to = %mail.to, attempt = mail.attempts, error = %e, "mail not delivered");
        } else {
            sent += 1;
        }
        record(db, &mail, &result).await?;
    }
    Ok(sent)
}

/// Delivers mail until `shutdown` turns true, looking for new messages every `poll`.
pub async fn deliver_loop(
    db: Db,
    mailer: std::sync::Arc<dyn Mailer>,
    poll: Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        if *shutdown.borrow() {
            break;
        }
        if let Err(e) = deliver_due(&db, mailer.as_ref()).await {
            tracing::error!(error = %e, "mail delivery could not reach the database");
        }
        tokio::select! {
            _ = tokio::time::sleep(poll) => {}
            _ = shutdown.changed() => {}
        }
    }
}
