//! Housekeeping that runs as a recurring job on whichever node's worker is free: removing
//! expired sessions, dead one-time links and invitations, and old sign-in attempts.

use std::time::Duration;

use crate::jobs::{self, JobContext, JobError, JobFuture, JobHandler};
use crate::{Db, DbError, now_rfc3339, to_rfc3339};

pub const PRUNE_KIND: &str = "maintenance.prune";
/// How often the prune job runs.
pub const PRUNE_EVERY: Duration = Duration::from_secs(24 * 3600);
/// How long sign-in attempts are kept (for throttling and people's data exports).
pub const KEEP_LOGIN_ATTEMPTS: Duration = Duration::from_secs(90 * 24 * 3600);

fn ago(d: Duration) -> String {
    to_rfc3339(time::OffsetDateTime::now_utc() - d)
}

/// Deletes what has expired; returns how many rows went.
pub async fn prune(db: &Db) -> Result<u64, DbError> {
    let now = now_rfc3339();
    let week = ago(Duration::from_secs(7 * 24 * 3600));
    let mut removed = 0;
    for (sql, cutoff) in [
        ("DELETE FROM sessions WHERE expires_at < $1", now.clone()),
        (
            "DELETE FROM one_time_tokens WHERE expires_at < $1",
            week.clone(),
        ),
        (
            "DELETE FROM invitations WHERE expires_at < $1 AND accepted_at IS NULL",
            week,
        ),
        (
            "DELETE FROM login_attempts WHERE at < $1",
            ago(KEEP_LOGIN_ATTEMPTS),
        ),
    ] {
        removed += sqlx::query(sql)
            .bind(cutoff)
            .execute(db.pool())
            .await?
            .rows_affected();
    }
    Ok(removed)
}

/// Schedules the prune job unless one is already waiting.
pub async fn schedule_prune(db: &Db) -> Result<(), DbError> {
    if !jobs::pending(db, PRUNE_KIND).await? {
        jobs::enqueue(db, PRUNE_KIND, &serde_json::json!({})).await?;
    }
    Ok(())
}

/// The prune job: prunes, then schedules its next run.
pub struct Prune;

impl JobHandler for Prune {
    fn kind(&self) -> &'static str {
        PRUNE_KIND
    }

    fn run(&self, ctx: JobContext) -> JobFuture {
        Box::pin(async move {
            let removed = prune(&ctx.db).await?;
            ctx.progress(1, Some(1), Some(&format!("removed {removed} expired rows")))
                .await?;
            let next = to_rfc3339(time::OffsetDateTime::now_utc() + PRUNE_EVERY);
            jobs::enqueue_at(&ctx.db, PRUNE_KIND, &serde_json::json!({}), &next)
                .await
                .map_err(JobError::from)?;
            Ok(())
        })
    }
}
