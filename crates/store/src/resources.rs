//! Resources of the knowledge platform: publications, guidance, tools and data sets, each
//! shared by an organisation, tagged with objectives and themes.

use gcm_compact::Compact;
use serde::Serialize;
use serde_json::json;
use sha2::Digest;
use sqlx::Row;

use crate::audit::{self, Actor, Entry};
use crate::change_log::{self, Op};
use crate::conditions::{Conditions, Value};
use crate::framework_links::{self, Link, TagError};
use crate::{Db, DbError, new_id, now_rfc3339};

pub const ENTITY: &str = "resource";
pub const KINDS: [&str; 4] = ["publication", "guidance", "tool", "dataset"];
pub const SCALES: [&str; 4] = ["local", "national", "regional", "global"];

/// A new resource.
#[derive(Debug, Clone)]
pub struct NewResource {
    pub kind: String,
    pub org_id: String,
    pub title: String,
    pub summary: String,
    pub publisher: String,
    pub audience: String,
    pub lang: String,
    pub scale: Option<String>,
    pub link: String,
    pub objectives: Vec<u8>,
    pub themes: Vec<String>,
    /// A file shared on the platform instead of (or besides) a link: name, media type, bytes
    /// (checked by the caller, see `gcm_core::practices::classify_attachment`).
    pub file: Option<(String, String, Vec<u8>)>,
}

#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    #[error(transparent)]
    Tag(#[from] TagError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for ResourceError {
    fn from(e: sqlx::Error) -> Self {
        ResourceError::Db(DbError::Sqlx(e))
    }
}

/// Shares a resource (published at once: resources describe published material).
pub async fn create(
    db: &Db,
    compact: &Compact,
    actor: &Actor,
    created_by: &str,
    r: &NewResource,
) -> Result<String, ResourceError> {
    let id = new_id();
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO resources (id, kind, org_id, created_by, publisher, audience, lang, scale, \
         link, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
    )
    .bind(&id)
    .bind(&r.kind)
    .bind(&r.org_id)
    .bind(created_by)
    .bind(&r.publisher)
    .bind(&r.audience)
    .bind(&r.lang)
    .bind(&r.scale)
    .bind(&r.link)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    for (field, text) in [("title", &r.title), ("summary", &r.summary)] {
        sqlx::query(
            "INSERT INTO translations (entity, entity_id, field, lang, text, origin, updated_at) \
             VALUES ($1, $2, $3, $4, $5, 'human', $6)",
        )
        .bind(ENTITY)
        .bind(&id)
        .bind(field)
        .bind(&r.lang)
        .bind(text)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    for t in &r.themes {
        sqlx::query("INSERT INTO resource_themes (resource_id, theme) VALUES ($1, $2) ON CONFLICT (resource_id, theme) DO NOTHING")
            .bind(&id)
            .bind(t)
            .execute(&mut *tx)
            .await?;
    }
    if let Some((name, media, data)) = &r.file {
        sqlx::query(
            "INSERT INTO resource_files (resource_id, filename, content_type, size, sha256, \
             data, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&id)
        .bind(name)
        .bind(media)
        .bind(data.len() as i64)
        .bind(hex::encode(sha2::Sha256::digest(data)))
        .bind(data.clone())
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    let links: Vec<Link> = r
        .objectives
        .iter()
        .map(|n| Link::new(format!("gcm:obj:{n}")))
        .collect();
    framework_links::replace(&mut tx, compact, ENTITY, &id, &links).await?;
    change_log::append(&mut tx, ENTITY, &id, Op::Upsert).await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("resource.create", ENTITY, &id)
            .after(json!({ "kind": r.kind, "title": r.title, "org_id": r.org_id, "link": r.link,
                "file": r.file.as_ref().map(|(name, _, data)| json!({"name": name, "size": data.len()})) })),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A resource as listed.
#[derive(Debug, Clone, Serialize)]
pub struct Resource {
    pub id: String,
    pub kind: String,
    pub org_id: String,
    pub organisation: String,
    pub title: String,
    pub summary: String,
    pub publisher: String,
    pub audience: String,
    pub lang: String,
    pub scale: Option<String>,
    /// Empty when the resource is a file only.
    pub link: String,
    pub objectives: Vec<i64>,
    pub themes: Vec<String>,
    pub created_at: String,
    /// The shared file: (name, media type, size in bytes).
    pub file: Option<(String, String, i64)>,
}

/// A resource's file: (name, media type, bytes).
pub async fn file(db: &Db, id: &str) -> Result<Option<(String, String, Vec<u8>)>, DbError> {
    let row = sqlx::query(
        "SELECT filename, content_type, data FROM resource_files WHERE resource_id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    Ok(match row {
        Some(r) => Some((
            r.try_get("filename")?,
            r.try_get("content_type")?,
            r.try_get("data")?,
        )),
        None => None,
    })
}

/// Filters of the resources page and API.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// Just this one (the search indexer reads one at a time).
    pub id: Option<String>,
    pub kind: Option<String>,
    pub objective: Option<u8>,
    pub theme: Option<String>,
    pub lang: Option<String>,
    pub scale: Option<String>,
}

/// Resources matching `filter`, newest first, with the total.
pub async fn list(
    db: &Db,
    f: &Filter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Resource>, i64), DbError> {
    let mut c = Conditions::new();
    if let Some(id) = &f.id {
        c.eq("r.id", id.clone());
    }
    if let Some(k) = &f.kind {
        c.eq("r.kind", k.clone());
    }
    if let Some(l) = &f.lang {
        c.eq("r.lang", l.clone());
    }
    if let Some(s) = &f.scale {
        c.eq("r.scale", s.clone());
    }
    if let Some(n) = f.objective {
        c.clause(
            "EXISTS (SELECT 1 FROM framework_links fl WHERE fl.entity = 'resource' AND fl.entity_id = r.id AND fl.objective = {})",
            Value::Int(i64::from(n)),
        );
    }
    if let Some(t) = &f.theme {
        c.clause(
            "EXISTS (SELECT 1 FROM resource_themes t WHERE t.resource_id = r.id AND t.theme = {})",
            Value::Text(t.clone()),
        );
    }
    let total: i64 = c
        .bind_scalar(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM resources r{}",
            c.where_sql()
        ))))
        .fetch_one(db.pool())
        .await?;
    let rows = c
        .bind(sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT r.*, o.name AS organisation, f.filename, f.content_type, f.size, \
             (SELECT text FROM translations t WHERE t.entity = 'resource' AND t.entity_id = r.id AND t.field = 'title' AND t.lang = r.lang) AS title, \
             (SELECT text FROM translations t WHERE t.entity = 'resource' AND t.entity_id = r.id AND t.field = 'summary' AND t.lang = r.lang) AS summary \
             FROM resources r JOIN organisations o ON o.id = r.org_id \
             LEFT JOIN resource_files f ON f.resource_id = r.id{} \
             ORDER BY r.created_at DESC, r.id LIMIT {} OFFSET {}",
            c.where_sql(),
            limit.max(0),
            offset.max(0)
        ))))
        .fetch_all(db.pool())
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let id: String = r.try_get("id")?;
        let objectives: Vec<i64> = sqlx::query_scalar(
            "SELECT DISTINCT objective FROM framework_links WHERE entity = 'resource' AND entity_id = $1 AND objective IS NOT NULL ORDER BY objective",
        )
        .bind(&id)
        .fetch_all(db.pool())
        .await?;
        let themes: Vec<String> = sqlx::query_scalar(
            "SELECT theme FROM resource_themes WHERE resource_id = $1 ORDER BY theme",
        )
        .bind(&id)
        .fetch_all(db.pool())
        .await?;
        out.push(Resource {
            kind: r.try_get("kind")?,
            org_id: r.try_get("org_id")?,
            organisation: r.try_get("organisation")?,
            title: r.try_get::<Option<String>, _>("title")?.unwrap_or_default(),
            summary: r
                .try_get::<Option<String>, _>("summary")?
                .unwrap_or_default(),
            publisher: r.try_get("publisher")?,
            audience: r.try_get("audience")?,
            lang: r.try_get("lang")?,
            scale: r.try_get("scale")?,
            link: r.try_get("link")?,
            created_at: r.try_get("created_at")?,
            file: match r.try_get::<Option<String>, _>("filename")? {
                Some(name) => Some((name, r.try_get("content_type")?, r.try_get("size")?)),
                None => None,
            },
            objectives,
            themes,
            id,
        });
    }
    Ok((out, total))
}
