//! The audit log: who did what, when, with the state before and after, each entry chained
//! to the previous one by a SHA-256 hash so that editing or deleting any entry is detectable
//! (`gcm-hub audit verify`).
//!
//! Appenders first update the single `audit_head` row inside their transaction. That takes a
//! row lock on PostgreSQL and the write lock on SQLite, so concurrent writers (also on several
//! nodes) append one after the other and the chain never forks.

use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Row};

use crate::{Db, DbError, now_rfc3339};

/// Who acted.
#[derive(Debug, Clone)]
pub struct Actor {
    /// The account, when a person acted (None for the system or a shell command).
    pub user_id: Option<String>,
    /// A readable name kept with the entry (e-mail, "system", "cli"), so the log stays
    /// readable after an account is closed.
    pub label: String,
    pub ip: Option<String>,
}

impl Actor {
    pub fn system(label: &str) -> Self {
        Actor {
            user_id: None,
            label: label.to_string(),
            ip: None,
        }
    }
}

/// One entry to append.
pub struct Entry<'a> {
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

impl<'a> Entry<'a> {
    /// An entry for `action` on one item, without states (add them with `before`/`after`).
    pub fn new(action: &'a str, entity: &'a str, entity_id: &'a str) -> Self {
        Entry {
            action,
            entity,
            entity_id,
            before: None,
            after: None,
        }
    }

    /// The item's state before the change.
    pub fn before(mut self, state: serde_json::Value) -> Self {
        self.before = Some(state);
        self
    }

    /// The item's state after the change.
    pub fn after(mut self, state: serde_json::Value) -> Self {
        self.after = Some(state);
        self
    }
}

/// A stored entry.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    pub seq: i64,
    pub at: String,
    pub actor_id: Option<String>,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before_state: Option<String>,
    pub after_state: Option<String>,
    pub ip: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of an entry: SHA-256 over its fields, each length-prefixed so that no two
/// different entries serialise to the same bytes.
fn entry_hash(r: &Record) -> String {
    let mut h = Sha256::new();
    let fields: [&str; 11] = [
        &r.seq.to_string(),
        &r.at,
        r.actor_id.as_deref().unwrap_or(""),
        &r.actor,
        &r.action,
        &r.entity,
        &r.entity_id,
        r.before_state.as_deref().unwrap_or(""),
        r.after_state.as_deref().unwrap_or(""),
        r.ip.as_deref().unwrap_or(""),
        &r.prev_hash,
    ];
    for f in fields {
        h.update((f.len() as u64).to_be_bytes());
        h.update(f.as_bytes());
    }
    hex::encode(h.finalize())
}

/// Appends an entry on the connection of the transaction that makes the change.
pub async fn append(conn: &mut AnyConnection, actor: &Actor, e: Entry<'_>) -> Result<i64, DbError> {
    let now = now_rfc3339();
    // Lock the head first (see the module docs).
    sqlx::query("UPDATE audit_head SET updated_at = $1 WHERE id = 1")
        .bind(&now)
        .execute(&mut *conn)
        .await?;
    let head = sqlx::query("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
        .fetch_one(&mut *conn)
        .await?;
    let last_seq: i64 = head.try_get("last_seq")?;
    let mut record = Record {
        seq: last_seq + 1,
        at: now,
        actor_id: actor.user_id.clone(),
        actor: actor.label.clone(),
        action: e.action.to_string(),
        entity: e.entity.to_string(),
        entity_id: e.entity_id.to_string(),
        before_state: e.before.map(|v| v.to_string()),
        after_state: e.after.map(|v| v.to_string()),
        ip: actor.ip.clone(),
        prev_hash: head.try_get("last_hash")?,
        hash: String::new(),
    };
    record.hash = entry_hash(&record);
    sqlx::query(
        "INSERT INTO audit_log (seq, at, actor_id, actor, action, entity, entity_id, \
         before_state, after_state, ip, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(record.seq)
    .bind(&record.at)
    .bind(&record.actor_id)
    .bind(&record.actor)
    .bind(&record.action)
    .bind(&record.entity)
    .bind(&record.entity_id)
    .bind(&record.before_state)
    .bind(&record.after_state)
    .bind(&record.ip)
    .bind(&record.prev_hash)
    .bind(&record.hash)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE audit_head SET last_seq = $1, last_hash = $2 WHERE id = 1")
        .bind(record.seq)
        .bind(&record.hash)
        .execute(&mut *conn)
        .await?;
    Ok(record.seq)
}

fn record_from_row(row: &sqlx::any::AnyRow) -> Result<Record, sqlx::Error> {
    Ok(Record {
        seq: row.try_get("seq")?,
        at: row.try_get("at")?,
        actor_id: row.try_get("actor_id")?,
        actor: row.try_get("actor")?,
        action: row.try_get("action")?,
        entity: row.try_get("entity")?,
        entity_id: row.try_get("entity_id")?,
        before_state: row.try_get("before_state")?,
        after_state: row.try_get("after_state")?,
        ip: row.try_get("ip")?,
        prev_hash: row.try_get("prev_hash")?,
        hash: row.try_get("hash")?,
    })
}

const COLUMNS: &str = "seq, at, actor_id, actor, action, entity, entity_id, before_state, \
                       after_state, ip, prev_hash, hash";

/// Filters for reading the log.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub actor: Option<String>,
    pub action: Option<String>,
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
}

/// Entries matching `filter`, newest first, `limit` of them before `before_seq` (for paging).
pub async fn list(
    db: &Db,
    filter: &Filter,
    before_seq: Option<i64>,
    limit: i64,
) -> Result<Vec<Record>, DbError> {
    let mut c = crate::conditions::Conditions::new();
    if let Some(a) = &filter.actor {
        c.eq("actor", a.clone());
    }
    if let Some(a) = &filter.action {
        c.eq("action", a.clone());
    }
    if let Some(e) = &filter.entity {
        c.eq("entity", e.clone());
    }
    if let Some(e) = &filter.entity_id {
        c.eq("entity_id", e.clone());
    }
    if let Some(s) = &filter.since {
        c.ge("at", s.clone());
    }
    if let Some(u) = &filter.until {
        c.lt("at", u.clone());
    }
    if let Some(b) = before_seq {
        c.lt_int("seq", b);
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM audit_log{} ORDER BY seq DESC LIMIT {}",
        c.where_sql(),
        limit.max(0)
    );
    let rows = c
        .bind(sqlx::query(sqlx::AssertSqlSafe(sql)))
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .iter()
        .map(record_from_row)
        .collect::<Result<Vec<_>, _>>()?)
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every entry is intact and chained; `entries` were checked.
    Intact { entries: i64 },
    /// The first place where the chain breaks.
    Broken { seq: i64, reason: String },
}

/// Walks the whole chain from the start, recomputing every hash.
pub async fn verify(db: &Db) -> Result<Verdict, DbError> {
    let mut expected_prev = "0".repeat(64);
    let mut expected_seq = 1;
    let mut after = 0i64;
    loop {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT 1000"
        )))
        .bind(after)
        .fetch_all(db.pool())
        .await?;
        if rows.is_empty() {
            break;
        }
        for row in &rows {
            let r = record_from_row(row)?;
            if r.seq != expected_seq {
                return Ok(Verdict::Broken {
                    seq: expected_seq,
                    reason: format!("entry {expected_seq} is missing (next is {})", r.seq),
                });
            }
            if r.prev_hash != expected_prev {
                return Ok(Verdict::Broken {
                    seq: r.seq,
                    reason: "does not chain to the entry before it".to_string(),
                });
            }
            if entry_hash(&r) != r.hash {
                return Ok(Verdict::Broken {
                    seq: r.seq,
                    reason: "its content does not match its hash (edited)".to_string(),
                });
            }
            expected_prev = r.hash;
            expected_seq += 1;
            after = r.seq;
        }
    }
    // Entries deleted from the end leave the head pointing past the last one.
    let head = sqlx::query("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
        .fetch_one(db.pool())
        .await?;
    let last_seq: i64 = head.try_get("last_seq")?;
    let last_hash: String = head.try_get("last_hash")?;
    if last_seq != after || (after > 0 && last_hash != expected_prev) {
        return Ok(Verdict::Broken {
            seq: after + 1,
            reason: format!("the log ends at entry {after} but {last_seq} were written"),
        });
    }
    Ok(Verdict::Intact { entries: after })
}
