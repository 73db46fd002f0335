//! Recommendations: the GFMD's policy options and options for practical action, each tagged
//! with its thematic cluster and the objectives it serves (imported with the seed corpus).

use serde::Serialize;
use sqlx::Row;

use crate::conditions::{Conditions, Value};
use crate::{Db, DbError};

/// A recommendation as listed.
#[derive(Debug, Clone, Serialize)]
pub struct Recommendation {
    pub id: String,
    pub external_id: String,
    /// `policy_option` or `practical_action`.
    pub kind: String,
    pub gfmd_cluster: Option<i64>,
    pub focus_area: Option<String>,
    pub text: String,
    pub lang: String,
    pub objectives: Vec<i64>,
    pub provenance: Option<serde_json::Value>,
}

/// Filters for the list.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub objective: Option<u8>,
    pub cluster: Option<u8>,
    pub kind: Option<String>,
    /// Just this one (the search indexer reads one at a time).
    pub id: Option<String>,
}

/// Recommendations matching `filter`, in the document's order, with the total.
pub async fn list(
    db: &Db,
    filter: &Filter,
    lang: &str,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Recommendation>, i64), DbError> {
    let mut c = Conditions::new();
    if let Some(id) = &filter.id {
        c.eq("r.id", id.clone());
    }
    if let Some(n) = filter.objective {
        c.clause(
            "EXISTS (SELECT 1 FROM framework_links fl WHERE fl.entity = 'recommendation' \
             AND fl.entity_id = r.id AND fl.objective = {})",
            Value::Int(i64::from(n)),
        );
    }
    if let Some(k) = filter.cluster {
        c.clause("r.gfmd_cluster = {}", Value::Int(i64::from(k)));
    }
    if let Some(k) = &filter.kind {
        c.eq("r.kind", k.clone());
    }
    let total: i64 = c
        .bind_scalar(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM recommendations r{}",
            c.where_sql()
        ))))
        .fetch_one(db.pool())
        .await?;
    let rows = c
        .bind(sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT r.id, r.external_id, r.kind, r.gfmd_cluster, r.focus_area, r.original_lang, \
             r.provenance FROM recommendations r{} ORDER BY r.gfmd_cluster, r.focus_area, \
             r.created_at, r.external_id LIMIT {} OFFSET {}",
            c.where_sql(),
            limit.max(0),
            offset.max(0)
        ))))
        .fetch_all(db.pool())
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let id: String = r.try_get("id")?;
        let original: String = r.try_get("original_lang")?;
        let texts = sqlx::query(
            "SELECT lang, text FROM translations WHERE entity = 'recommendation' AND entity_id = $1 \
             AND field = 'text'",
        )
        .bind(&id)
        .fetch_all(db.pool())
        .await?;
        let mut chosen: Option<(String, String)> = None;
        for t in &texts {
            let l: String = t.try_get("lang")?;
            let text: String = t.try_get("text")?;
            if l == lang || (l == original && chosen.is_none()) {
                chosen = Some((text, l));
            }
        }
        let (text, text_lang) = chosen.unwrap_or_default();
        let objectives: Vec<i64> = sqlx::query_scalar(
            "SELECT DISTINCT objective FROM framework_links WHERE entity = 'recommendation' \
             AND entity_id = $1 AND objective IS NOT NULL ORDER BY objective",
        )
        .bind(&id)
        .fetch_all(db.pool())
        .await?;
        let provenance: Option<String> = r.try_get("provenance")?;
        out.push(Recommendation {
            external_id: r.try_get("external_id")?,
            kind: r.try_get("kind")?,
            gfmd_cluster: r.try_get("gfmd_cluster")?,
            focus_area: r.try_get("focus_area")?,
            text,
            lang: text_lang,
            objectives,
            provenance: provenance.and_then(|p| serde_json::from_str(&p).ok()),
            id,
        });
    }
    Ok((out, total))
}
