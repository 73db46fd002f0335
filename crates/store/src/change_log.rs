//! The change log: an append-only list of (seq, entity, id, op, at) rows.
//!
//! Every write that a derived index must see appends a row in the same transaction as the
//! write itself, so a node that follows `seq` upward sees every change exactly once and a
//! rebuilt index matches the database.

use sqlx::{AnyConnection, Row};

use crate::{Db, DbError, now_rfc3339};

/// What happened to the entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Upsert,
    Delete,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Upsert => "upsert",
            Op::Delete => "delete",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s {
            "upsert" => Some(Op::Upsert),
            "delete" => Some(Op::Delete),
            _ => None,
        }
    }
}

/// One row of the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub seq: i64,
    pub entity: String,
    pub id: String,
    pub op: Op,
    pub at: String,
}

/// Appends a change; call it on the connection of the transaction that makes the write.
pub async fn append(
    conn: &mut AnyConnection,
    entity: &str,
    id: &str,
    op: Op,
) -> Result<i64, DbError> {
    let seq: i64 = sqlx::query_scalar(
        "INSERT INTO change_log (entity, id, op, at) VALUES ($1, $2, $3, $4) RETURNING seq",
    )
    .bind(entity)
    .bind(id)
    .bind(op.as_str())
    .bind(now_rfc3339())
    .fetch_one(conn)
    .await?;
    Ok(seq)
}

/// Changes after `after_seq`, oldest first, at most `limit`.
pub async fn since(db: &Db, after_seq: i64, limit: i64) -> Result<Vec<Change>, DbError> {
    let rows = sqlx::query(
        "SELECT seq, entity, id, op, at FROM change_log WHERE seq > $1 ORDER BY seq LIMIT $2",
    )
    .bind(after_seq)
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(change_from).collect()
}

/// The highest sequence number written so far (0 for an empty log).
pub async fn head(db: &Db) -> Result<i64, DbError> {
    let seq: Option<i64> = sqlx::query_scalar("SELECT MAX(seq) FROM change_log")
        .fetch_one(db.pool())
        .await?;
    Ok(seq.unwrap_or(0))
}

/// Follows the log in order for a derived index, without ever losing a change that commits
/// late.
///
/// On PostgreSQL a sequence number is taken when the INSERT runs but the row becomes visible
/// only when its transaction commits, so seq 11 can appear after seq 12 has been read. Reading
/// only `seq > last` would skip 11 for ever. The follower therefore remembers the numbers it
/// has jumped over and asks for them again on every poll, until they appear or are older than
/// `gap_timeout` (a rolled-back transaction leaves a hole that never fills). On SQLite writes
/// are serialised and holes come only from rollbacks.
#[derive(Debug)]
pub struct Follower {
    last: i64,
    gaps: std::collections::BTreeMap<i64, std::time::Instant>,
    gap_timeout: std::time::Duration,
}

/// Most holes remembered at once; a larger jump (a bulk rollback) is taken as final.
const MAX_GAPS: i64 = 10_000;

impl Follower {
    /// Starts after `last_seen` (0 for the whole log).
    pub fn new(last_seen: i64, gap_timeout: std::time::Duration) -> Self {
        Follower {
            last: last_seen,
            gaps: std::collections::BTreeMap::new(),
            gap_timeout,
        }
    }

    /// The highest seq below which every change has been seen or given up on: where to
    /// resume after a restart.
    pub fn checkpoint(&self) -> i64 {
        match self.gaps.keys().next() {
            Some(first) => first - 1,
            None => self.last,
        }
    }

    /// Numbers jumped over and still awaited.
    pub fn pending_gaps(&self) -> usize {
        self.gaps.len()
    }

    /// The changes that became visible since the last poll: late arrivals first, then new
    /// ones in order, at most `limit` new ones.
    pub async fn poll(&mut self, db: &Db, limit: i64) -> Result<Vec<Change>, DbError> {
        let now = std::time::Instant::now();
        let timeout = self.gap_timeout;
        self.gaps
            .retain(|_, since| now.duration_since(*since) < timeout);
        let mut out = Vec::new();
        if !self.gaps.is_empty() {
            let list = self
                .gaps
                .keys()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            // Numbers we generated ourselves: safe to inline.
            let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT seq, entity, id, op, at FROM change_log WHERE seq IN ({list}) ORDER BY seq"
            )))
            .fetch_all(db.pool())
            .await?;
            for row in rows {
                let c = change_from(&row)?;
                self.gaps.remove(&c.seq);
                out.push(c);
            }
        }
        let fresh = since(db, self.last, limit).await?;
        for c in fresh {
            if c.seq > self.last + 1 && c.seq - self.last - 1 <= MAX_GAPS {
                for missing in self.last + 1..c.seq {
                    self.gaps.insert(missing, now);
                }
            }
            self.last = c.seq;
            out.push(c);
        }
        Ok(out)
    }
}

fn change_from(row: &sqlx::any::AnyRow) -> Result<Change, DbError> {
    let op: String = row.try_get("op")?;
    Ok(Change {
        seq: row.try_get("seq")?,
        entity: row.try_get("entity")?,
        id: row.try_get("id")?,
        op: Op::parse(&op)
            .ok_or_else(|| DbError::Migration(format!("change_log holds an unknown op {op:?}")))?,
        at: row.try_get("at")?,
    })
}
