//! Background jobs: a table any node can enqueue into and any node's worker can claim from.
//!
//! Long work (imports, reindexing, report generation) runs here rather than in a request, and
//! reports its progress in the row so every node can show it. A job whose worker died is
//! reclaimed once its lease runs out, so a crashed node never strands work.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use sqlx::Row;
use tokio::sync::{Notify, watch};

use crate::{Backend, Db, DbError, new_id, now_rfc3339, to_rfc3339};

/// A job's state in its life cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JobStatus {
    Queued,
    Running,
    Succeeded,
    Failed,
}

impl JobStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            JobStatus::Queued => "queued",
            JobStatus::Running => "running",
            JobStatus::Succeeded => "succeeded",
            JobStatus::Failed => "failed",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "queued" => JobStatus::Queued,
            "running" => JobStatus::Running,
            "succeeded" => JobStatus::Succeeded,
            "failed" => JobStatus::Failed,
            _ => return None,
        })
    }
}

/// A job as stored, with its progress.
#[derive(Debug, Clone, Serialize)]
pub struct Job {
    pub id: String,
    pub kind: String,
    pub payload: serde_json::Value,
    pub status: JobStatus,
    pub attempts: i64,
    pub max_attempts: i64,
    pub progress_done: i64,
    pub progress_total: Option<i64>,
    pub progress_message: Option<String>,
    pub last_error: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub finished_at: Option<String>,
}

/// What a handler returns when it fails; the message is stored in `last_error`.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct JobError(pub String);

impl From<DbError> for JobError {
    fn from(e: DbError) -> Self {
        JobError(e.to_string())
    }
}

/// What a running job may touch: its payload, the database, and its progress.
pub struct JobContext {
    pub job_id: String,
    pub payload: serde_json::Value,
    pub db: Db,
}

impl JobContext {
    /// Records progress (`done` of `total`, with a short message) where every node can read it.
    pub async fn progress(
        &self,
        done: i64,
        total: Option<i64>,
        message: Option<&str>,
    ) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE jobs SET progress_done = $1, progress_total = $2, progress_message = $3, \
             updated_at = $4 WHERE id = $5",
        )
        .bind(done)
        .bind(total)
        .bind(message)
        .bind(now_rfc3339())
        .bind(&self.job_id)
        .execute(self.db.pool())
        .await?;
        Ok(())
    }
}

pub type JobFuture = Pin<Box<dyn Future<Output = Result<(), JobError>> + Send>>;

/// Runs jobs of one kind.
pub trait JobHandler: Send + Sync + 'static {
    fn kind(&self) -> &'static str;
    fn run(&self, ctx: JobContext) -> JobFuture;
}

/// Enqueues a job to run as soon as a worker is free. Returns its id.
pub async fn enqueue(db: &Db, kind: &str, payload: &serde_json::Value) -> Result<String, DbError> {
    enqueue_at(db, kind, payload, &now_rfc3339()).await
}

/// Whether a job of `kind` is waiting or running (to keep recurring jobs single).
pub async fn pending(db: &Db, kind: &str) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM jobs WHERE kind = $1 AND status IN ('queued', 'running')",
    )
    .bind(kind)
    .fetch_one(db.pool())
    .await?;
    Ok(n > 0)
}

/// Enqueues a job to run at `run_at` (RFC 3339) or later. Returns its id.
pub async fn enqueue_at(
    db: &Db,
    kind: &str,
    payload: &serde_json::Value,
    run_at: &str,
) -> Result<String, DbError> {
    let id = new_id();
    let now = now_rfc3339();
    sqlx::query(
        "INSERT INTO jobs (id, kind, payload, status, attempts, max_attempts, run_at, \
         progress_done, created_at, updated_at) VALUES ($1, $2, $3, 'queued', 0, 3, $4, 0, $5, $5)",
    )
    .bind(&id)
    .bind(kind)
    .bind(payload.to_string())
    .bind(run_at)
    .bind(&now)
    .execute(db.pool())
    .await?;
    Ok(id)
}

/// Reads one job.
pub async fn get(db: &Db, id: &str) -> Result<Option<Job>, DbError> {
    let row = sqlx::query(
        "SELECT id, kind, payload, status, attempts, max_attempts, progress_done, progress_total, \
         progress_message, last_error, created_at, updated_at, finished_at FROM jobs WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    row.map(|r| job_from_row(&r)).transpose()
}

fn job_from_row(row: &sqlx::any::AnyRow) -> Result<Job, DbError> {
    let status: String = row.try_get("status")?;
    let payload: String = row.try_get("payload")?;
    Ok(Job {
        id: row.try_get("id")?,
        kind: row.try_get("kind")?,
        payload: serde_json::from_str(&payload).unwrap_or(serde_json::Value::Null),
        status: JobStatus::parse(&status).ok_or_else(|| {
            DbError::Migration(format!("jobs holds an unknown status {status:?}"))
        })?,
        attempts: row.try_get("attempts")?,
        max_attempts: row.try_get("max_attempts")?,
        progress_done: row.try_get("progress_done")?,
        progress_total: row.try_get("progress_total")?,
        progress_message: row.try_get("progress_message")?,
        last_error: row.try_get("last_error")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        finished_at: row.try_get("finished_at")?,
    })
}

/// Claims and runs jobs with the handlers registered for their kinds.
#[derive(Clone)]
pub struct Worker {
    db: Db,
    name: String,
    handlers: Arc<HashMap<&'static str, Arc<dyn JobHandler>>>,
    lease: Duration,
    wake: Arc<Notify>,
}

impl Worker {
    pub fn new(db: Db, handlers: Vec<Arc<dyn JobHandler>>) -> Self {
        let handlers = handlers.into_iter().map(|h| (h.kind(), h)).collect();
        Worker {
            db,
            name: format!("worker-{}", new_id()),
            handlers: Arc::new(handlers),
            lease: Duration::from_secs(300),
            wake: Arc::new(Notify::new()),
        }
    }

    /// A handle that makes the polling loop look for work at once (after a local enqueue).
    pub fn waker(&self) -> Arc<Notify> {
        self.wake.clone()
    }

    /// Claims the next due job (or one whose lease ran out), marking it running.
    async fn claim(&self) -> Result<Option<Job>, DbError> {
        let now = time::OffsetDateTime::now_utc();
        let now_s = to_rfc3339(now);
        let until = to_rfc3339(now + self.lease);
        // SKIP LOCKED lets several PostgreSQL nodes claim different jobs at once; SQLite has a
        // single writer, so the plain subquery is already exclusive there.
        let lock = match self.db.backend() {
            Backend::Postgres => " FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        // Only kinds this worker can run: in a cluster being upgraded node by node, a job of a
        // kind an older node does not know waits for a node that does.
        if self.handlers.is_empty() {
            return Ok(None);
        }
        let kinds: Vec<String> = {
            let mut k: Vec<&str> = self.handlers.keys().copied().collect();
            k.sort_unstable();
            k.iter()
                .map(|k| format!("'{}'", k.replace('\'', "''")))
                .collect()
        };
        let kinds = kinds.join(", ");
        let sql = format!(
            "UPDATE jobs SET status = 'running', locked_by = $1, locked_until = $2, \
             attempts = attempts + 1, updated_at = $3 \
             WHERE id = (SELECT id FROM jobs WHERE kind IN ({kinds}) AND ((status = 'queued' \
                 AND run_at <= $3) OR (status = 'running' AND locked_until < $3)) \
                 ORDER BY run_at LIMIT 1{lock}) \
             RETURNING id, kind, payload, status, attempts, max_attempts, progress_done, \
             progress_total, progress_message, last_error, created_at, updated_at, finished_at"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(&self.name)
            .bind(until)
            .bind(now_s)
            .fetch_optional(self.db.pool())
            .await?;
        row.map(|r| job_from_row(&r)).transpose()
    }

    /// Runs one job if one is due. Returns whether it ran one.
    pub async fn run_one(&self) -> Result<bool, DbError> {
        let Some(job) = self.claim().await? else {
            return Ok(false);
        };
        let outcome = match self.handlers.get(job.kind.as_str()) {
            Some(handler) => {
                let ctx = JobContext {
                    job_id: job.id.clone(),
                    payload: job.payload.clone(),
                    db: self.db.clone(),
                };
                // A panicking handler must not take the worker down with it.
                match tokio::spawn(handler.run(ctx)).await {
                    Ok(result) => result,
                    Err(join) => Err(JobError(format!("the job panicked: {join}"))),
                }
            }
            None => Err(JobError(format!("no handler for job kind {:?}", job.kind))),
        };
        let now = now_rfc3339();
        match outcome {
            Ok(()) => {
                sqlx::query(
                    "UPDATE jobs SET status = 'succeeded', finished_at = $1, updated_at = $1, \
                     locked_by = NULL, locked_until = NULL, last_error = NULL WHERE id = $2",
                )
                .bind(&now)
                .bind(&job.id)
                .execute(self.db.pool())
                .await?;
            }
            Err(e) => {
                let retry = job.attempts < job.max_attempts
                    && self.handlers.contains_key(job.kind.as_str());
                tracing::warn!(job = %job.id, kind = %job.kind, attempt = job.attempts, retry, error = %e, "job failed");
                let (status, finished, run_at) = if retry {
                    // Back off 2^attempts seconds so a failing dependency gets time to recover.
                    let delay = Duration::from_secs(1u64 << job.attempts.clamp(0, 10));
                    let run_at = to_rfc3339(time::OffsetDateTime::now_utc() + delay);
                    ("queued", None, run_at)
                } else {
                    ("failed", Some(now.clone()), now.clone())
                };
                sqlx::query(
                    "UPDATE jobs SET status = $1, finished_at = $2, run_at = $3, updated_at = $4, \
                     locked_by = NULL, locked_until = NULL, last_error = $5 WHERE id = $6",
                )
                .bind(status)
                .bind(finished)
                .bind(run_at)
                .bind(&now)
                .bind(e.0)
                .bind(&job.id)
                .execute(self.db.pool())
                .await?;
            }
        }
        Ok(true)
    }

    /// Runs due jobs until none is left (used by commands and tests that want work done now).
    pub async fn drain(&self) -> Result<usize, DbError> {
        let mut n = 0;
        while self.run_one().await? {
            n += 1;
        }
        Ok(n)
    }

    /// Polls for work until `shutdown` turns true; a job in progress finishes first.
    pub async fn run(self, poll: Duration, mut shutdown: watch::Receiver<bool>) {
        loop {
            if *shutdown.borrow() {
                break;
            }
            match self.drain().await {
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "job worker could not reach the database"),
            }
            tokio::select! {
                _ = tokio::time::sleep(poll) => {}
                _ = self.wake.notified() => {}
                _ = shutdown.changed() => {}
            }
        }
        tracing::debug!(worker = %self.name, "job worker stopped");
    }
}
