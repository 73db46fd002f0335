//! Tags from any item to the Compact and the other frameworks (`framework_links`).
//!
//! Every capability tags its items through this one table, with stable references checked
//! against the shipped Compact before anything is written: an unknown reference is refused
//! with a message naming it, and the item's existing tags stay as they were.

use std::collections::BTreeMap;

use gcm_compact::{Compact, Ref};
use sqlx::{AnyConnection, Row};

use crate::{Db, DbError, now_rfc3339};

/// One tag: a reference and, optionally, how the item relates to it (e.g. how a practice
/// adheres to a guiding principle).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Link {
    #[serde(rename = "ref")]
    pub reference: String,
    pub note: Option<String>,
}

impl Link {
    pub fn new(reference: impl Into<String>) -> Self {
        Link {
            reference: reference.into(),
            note: None,
        }
    }
}

/// Why tags were refused.
#[derive(Debug, thiserror::Error)]
pub enum TagError {
    #[error("unknown reference {reference:?}: {reason}")]
    UnknownReference { reference: String, reason: String },
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for TagError {
    fn from(e: sqlx::Error) -> Self {
        TagError::Db(DbError::Sqlx(e))
    }
}

/// Parses and checks a reference against the shipped Compact and frameworks.
pub fn check(compact: &Compact, reference: &str) -> Result<Ref, TagError> {
    let unknown = |reason: String| TagError::UnknownReference {
        reference: reference.to_string(),
        reason,
    };
    let parsed: Ref = reference.parse().map_err(|e| unknown(format!("{e}")))?;
    compact.check(&parsed).map_err(|e| unknown(e.to_string()))?;
    Ok(parsed)
}

/// The objective a reference falls under, if any.
fn objective_of(r: &Ref) -> Option<i64> {
    match r {
        Ref::Objective { number, .. } => Some(i64::from(*number)),
        Ref::Para { number, .. } => {
            gcm_compact::model::objective_of_paragraph(*number).map(i64::from)
        }
        _ => None,
    }
}

/// Replaces all tags of one item. Checks every reference first, so a bad one changes nothing.
/// Run it on the connection of the transaction that writes the item.
pub async fn replace(
    conn: &mut AnyConnection,
    compact: &Compact,
    entity: &str,
    entity_id: &str,
    links: &[Link],
) -> Result<(), TagError> {
    let mut checked = Vec::with_capacity(links.len());
    for link in links {
        let r = check(compact, &link.reference)?;
        // Store the canonical spelling, so equal references compare equal in SQL.
        checked.push((r.to_string(), objective_of(&r), link.note.clone()));
    }
    sqlx::query("DELETE FROM framework_links WHERE entity = $1 AND entity_id = $2")
        .bind(entity)
        .bind(entity_id)
        .execute(&mut *conn)
        .await?;
    let now = now_rfc3339();
    for (reference, objective, note) in checked {
        sqlx::query(
            "INSERT INTO framework_links (entity, entity_id, ref, objective, note, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (entity, entity_id, ref) DO NOTHING",
        )
        .bind(entity)
        .bind(entity_id)
        .bind(reference)
        .bind(objective)
        .bind(note)
        .bind(&now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The tags of one item, in reference order.
pub async fn of_item(db: &Db, entity: &str, entity_id: &str) -> Result<Vec<Link>, DbError> {
    let rows = sqlx::query(
        "SELECT ref, note FROM framework_links WHERE entity = $1 AND entity_id = $2 ORDER BY ref",
    )
    .bind(entity)
    .bind(entity_id)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Link {
                reference: r.try_get("ref")?,
                note: r.try_get("note")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(DbError::from)
}

/// How many distinct public items of each kind are tagged with objective `n` or one of its
/// actions (drafts and items under review are not counted: the count is shown to everyone).
pub async fn counts_for_objective(db: &Db, n: u8) -> Result<BTreeMap<String, i64>, DbError> {
    let rows = sqlx::query(
        "SELECT entity, CAST(COUNT(DISTINCT entity_id) AS BIGINT) AS n FROM framework_links \
         WHERE objective = $1 AND NOT (entity = 'practice' AND entity_id NOT IN \
             (SELECT id FROM practices WHERE status = 'published')) \
         GROUP BY entity",
    )
    .bind(i64::from(n))
    .fetch_all(db.pool())
    .await?;
    let mut out = BTreeMap::new();
    for row in rows {
        out.insert(
            row.try_get::<String, _>("entity")?,
            row.try_get::<i64, _>("n")?,
        );
    }
    Ok(out)
}

/// Item ids of one kind tagged with exactly `reference`.
pub async fn items_with(db: &Db, entity: &str, reference: &str) -> Result<Vec<String>, DbError> {
    let ids = sqlx::query_scalar(
        "SELECT entity_id FROM framework_links WHERE entity = $1 AND ref = $2 ORDER BY entity_id",
    )
    .bind(entity)
    .bind(reference)
    .fetch_all(db.pool())
    .await?;
    Ok(ids)
}
