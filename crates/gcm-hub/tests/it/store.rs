//! Storage on both backends: schema parity, migrations, change log, jobs.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use gcm_store::change_log::{self, Op};
use gcm_store::jobs::{self, JobContext, JobError, JobFuture, JobHandler, JobStatus, Worker};
use gcm_store::{migrate, schema};

use crate::harness::{PgDatabase, TestApp};

/// Both backends end up with the same tables and columns.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schema_parity_postgres() {
    let Some(pg) = PgDatabase::create().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let sqlite = gcm_store::Db::connect(
        &gcm_hub::config::sqlite_url(&dir.path().join("parity.db")),
        2,
    )
    .await
    .unwrap();
    let postgres = gcm_store::Db::connect(&pg.url, 2).await.unwrap();
    migrate::run(&sqlite).await.unwrap();
    migrate::run(&postgres).await.unwrap();
    let a = schema::shape(&sqlite).await.unwrap();
    let b = schema::shape(&postgres).await.unwrap();
    assert!(
        a.contains_key("change_log") && a.contains_key("jobs"),
        "{a:?}"
    );
    assert_eq!(a, b);
    postgres.close().await;
}

db_test!(
    migrations_are_idempotent_and_locked,
    |app: TestApp| async move {
        let again = migrate::run(app.db()).await.unwrap();
        assert!(again.applied.is_empty());
        assert_eq!(again.already, migrate::MIGRATIONS.len());
        // Two runs at once (two nodes starting together) both succeed and apply nothing twice.
        let (a, b) = tokio::join!(migrate::run(app.db()), migrate::run(app.db()));
        assert!(a.unwrap().applied.is_empty() && b.unwrap().applied.is_empty());
    }
);

db_test!(change_log_orders_changes, |app: TestApp| async move {
    let db = app.db();
    let start = change_log::head(db).await.unwrap();
    let mut conn = db.pool().acquire().await.unwrap();
    let s1 = change_log::append(&mut conn, "practice", "p1", Op::Upsert)
        .await
        .unwrap();
    let s2 = change_log::append(&mut conn, "practice", "p2", Op::Upsert)
        .await
        .unwrap();
    let s3 = change_log::append(&mut conn, "practice", "p1", Op::Delete)
        .await
        .unwrap();
    drop(conn);
    assert!(start < s1 && s1 < s2 && s2 < s3);
    let all = change_log::since(db, start, 10).await.unwrap();
    let ids: Vec<_> = all.iter().map(|c| (c.id.as_str(), c.op)).collect();
    assert_eq!(
        ids,
        vec![("p1", Op::Upsert), ("p2", Op::Upsert), ("p1", Op::Delete)]
    );
    let tail = change_log::since(db, s2, 10).await.unwrap();
    assert_eq!(tail.len(), 1);
    assert_eq!(change_log::head(db).await.unwrap(), s3);
});

db_test!(
    a_follower_sees_changes_that_commit_late,
    |app: TestApp| async move {
        use std::time::Duration;
        let db = app.db();
        let mut follower =
            change_log::Follower::new(change_log::head(db).await.unwrap(), Duration::from_secs(60));
        if db.backend() == gcm_store::Backend::Postgres {
            // Two writers: the first takes its number, the second takes the next and commits
            // first. A follower reading in between must not lose the first.
            let mut slow = db.pool().begin().await.unwrap();
            let s1 = change_log::append(&mut slow, "practice", "late", Op::Upsert)
                .await
                .unwrap();
            let mut fast = db.pool().begin().await.unwrap();
            let s2 = change_log::append(&mut fast, "practice", "early", Op::Upsert)
                .await
                .unwrap();
            fast.commit().await.unwrap();
            assert!(s1 < s2);
            let first = follower.poll(db, 100).await.unwrap();
            assert_eq!(
                first.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
                ["early"]
            );
            assert_eq!(follower.pending_gaps(), 1);
            assert_eq!(follower.checkpoint(), s1 - 1);
            slow.commit().await.unwrap();
            let second = follower.poll(db, 100).await.unwrap();
            assert_eq!(
                second.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
                ["late"]
            );
            assert_eq!(follower.pending_gaps(), 0);
            assert_eq!(follower.checkpoint(), s2);
        }
        // A rolled-back write leaves a hole that is given up on after the timeout.
        let mut quick = change_log::Follower::new(follower.checkpoint(), Duration::from_millis(50));
        let mut tx = db.begin_write().await.unwrap();
        change_log::append(&mut tx, "practice", "never", Op::Upsert)
            .await
            .unwrap();
        tx.rollback().await.unwrap();
        let mut conn = db.pool().acquire().await.unwrap();
        let kept = change_log::append(&mut conn, "practice", "kept", Op::Upsert)
            .await
            .unwrap();
        drop(conn);
        let seen = quick.poll(db, 100).await.unwrap();
        assert_eq!(
            seen.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
            ["kept"]
        );
        tokio::time::sleep(Duration::from_millis(80)).await;
        assert!(quick.poll(db, 100).await.unwrap().is_empty());
        assert_eq!(quick.pending_gaps(), 0);
        assert_eq!(quick.checkpoint(), kept);
    }
);

/// Counts items in steps, reporting progress; fails when asked to.
struct Counter {
    runs: Arc<AtomicUsize>,
}

impl JobHandler for Counter {
    fn kind(&self) -> &'static str {
        "test.count"
    }
    fn run(&self, ctx: JobContext) -> JobFuture {
        let runs = self.runs.clone();
        Box::pin(async move {
            runs.fetch_add(1, Ordering::SeqCst);
            if ctx.payload["fail"].as_bool() == Some(true) {
                return Err(JobError("asked to fail".into()));
            }
            let n = ctx.payload["n"].as_i64().unwrap_or(0);
            for i in 1..=n {
                ctx.progress(i, Some(n), Some("counting")).await?;
            }
            Ok(())
        })
    }
}

db_test!(
    jobs_run_report_progress_and_fail_cleanly,
    |app: TestApp| async move {
        let db = app.db().clone();
        let runs = Arc::new(AtomicUsize::new(0));
        let worker = Worker::new(db.clone(), vec![Arc::new(Counter { runs: runs.clone() })]);

        let ok = jobs::enqueue(&db, "test.count", &serde_json::json!({"n": 3}))
            .await
            .unwrap();
        let unknown = jobs::enqueue(&db, "test.nobody", &serde_json::json!({}))
            .await
            .unwrap();
        assert_eq!(worker.drain().await.unwrap(), 1);

        let job = jobs::get(&db, &ok).await.unwrap().unwrap();
        assert_eq!(job.status, JobStatus::Succeeded);
        assert_eq!((job.progress_done, job.progress_total), (3, Some(3)));
        assert!(job.finished_at.is_some());

        // A kind this worker has no handler for waits for a node that has one.
        let job = jobs::get(&db, &unknown).await.unwrap().unwrap();
        assert_eq!(job.status, JobStatus::Queued);
        assert_eq!(job.attempts, 0);

        // A failing job is retried later (not at once), then given up after max_attempts.
        let bad = jobs::enqueue(&db, "test.count", &serde_json::json!({"fail": true}))
            .await
            .unwrap();
        assert_eq!(worker.drain().await.unwrap(), 1);
        let job = jobs::get(&db, &bad).await.unwrap().unwrap();
        assert_eq!(job.status, JobStatus::Queued);
        assert_eq!(job.attempts, 1);
        assert_eq!(job.last_error.as_deref(), Some("asked to fail"));
        for _ in 0..2 {
            // Make the retry due now instead of waiting out the back-off.
            sqlx::query("UPDATE jobs SET run_at = '2000-01-01T00:00:00.000000Z' WHERE id = $1")
                .bind(&bad)
                .execute(db.pool())
                .await
                .unwrap();
            worker.drain().await.unwrap();
        }
        let job = jobs::get(&db, &bad).await.unwrap().unwrap();
        assert_eq!(job.status, JobStatus::Failed);
        assert_eq!(job.attempts, 3);
    }
);

db_test!(
    concurrent_workers_run_each_job_once,
    |app: TestApp| async move {
        let db = app.db().clone();
        let runs = Arc::new(AtomicUsize::new(0));
        for _ in 0..20 {
            jobs::enqueue(&db, "test.count", &serde_json::json!({"n": 1}))
                .await
                .unwrap();
        }
        let w1 = Worker::new(db.clone(), vec![Arc::new(Counter { runs: runs.clone() })]);
        let w2 = Worker::new(db.clone(), vec![Arc::new(Counter { runs: runs.clone() })]);
        let (a, b) = tokio::join!(w1.drain(), w2.drain());
        assert_eq!(a.unwrap() + b.unwrap(), 20);
        assert_eq!(runs.load(Ordering::SeqCst), 20);
    }
);

db_test!(
    the_server_worker_runs_the_prune_job,
    |app: TestApp| async move {
        // `serve` schedules housekeeping; the node's own worker runs it within its poll interval
        // and schedules the next run a day later.
        let db = app.db();
        sqlx::query(
            "INSERT INTO login_attempts (id, email, ip, at, success) \
         VALUES ('old', 'x@example.org', '1.2.3.4', '2000-01-01T00:00:00.000000Z', 0)",
        )
        .execute(db.pool())
        .await
        .unwrap();
        let id = jobs::enqueue(
            db,
            gcm_store::maintenance::PRUNE_KIND,
            &serde_json::json!({}),
        )
        .await
        .unwrap();
        let mut status = JobStatus::Queued;
        for _ in 0..100 {
            status = jobs::get(db, &id).await.unwrap().unwrap().status;
            if status == JobStatus::Succeeded {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(status, JobStatus::Succeeded);
        let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM login_attempts WHERE id = 'old'")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(left, 0);
        assert!(
            jobs::pending(db, gcm_store::maintenance::PRUNE_KIND)
                .await
                .unwrap()
        );
    }
);
