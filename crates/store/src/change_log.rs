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
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let op: String = row.try_get("op")?;
        out.push(Change {
            seq: row.try_get("seq")?,
            entity: row.try_get("entity")?,
            id: row.try_get("id")?,
            op: Op::parse(&op).ok_or_else(|| {
                DbError::Migration(format!("change_log holds an unknown op {op:?}"))
            })?,
            at: row.try_get("at")?,
        });
    }
    Ok(out)
}

/// The highest sequence number written so far (0 for an empty log).
pub async fn head(db: &Db) -> Result<i64, DbError> {
    let seq: Option<i64> = sqlx::query_scalar("SELECT MAX(seq) FROM change_log")
        .fetch_one(db.pool())
        .await?;
    Ok(seq.unwrap_or(0))
}
