//! Imports the seed corpus: the practices and recommendations extracted from the documents the
//! platform ships with (data/practices/seed-corpus.json, made by `gcm_compact::seeds`), each
//! marked "imported, not peer-reviewed", with its provenance and derived objectives. Repeating
//! the import changes nothing; it runs as a job with progress on first start.

use gcm_compact::Compact;
use gcm_core::practices::{PracticeStatus, Scope, Source};
use serde::Deserialize;
use serde_json::json;

use crate::audit::{self, Actor, Entry};
use crate::framework_links::{self, Link};
use crate::jobs::{self, JobContext, JobError, JobFuture, JobHandler};
use crate::practices::{self, PracticeError, PracticeInput, Text};
use crate::{Db, DbError, new_id, now_rfc3339};

/// The corpus shipped in the binary.
pub const SHIPPED_CORPUS: &str = include_str!("../../../data/practices/seed-corpus.json");

pub const IMPORT_KIND: &str = "import.seeds";

#[derive(Debug, Deserialize)]
pub struct Corpus {
    pub practices: Vec<SeedPractice>,
    pub recommendations: Vec<SeedRecommendation>,
}

#[derive(Debug, Deserialize)]
pub struct SourceRef {
    pub document: String,
    pub line_start: i64,
    pub line_end: i64,
    #[serde(default)]
    pub section: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct SeedPractice {
    pub external_id: String,
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default)]
    pub regions: Vec<String>,
    #[serde(default)]
    pub organisations: Vec<String>,
    pub scope: Option<String>,
    pub gfmd_cluster: Option<u8>,
    pub focus_area: Option<String>,
    pub pfp_id: Option<String>,
    pub pfp_url: Option<String>,
    #[serde(default)]
    pub objectives: Vec<u8>,
    pub source: SourceRef,
}

#[derive(Debug, Deserialize)]
pub struct SeedRecommendation {
    pub external_id: String,
    pub kind: String,
    pub text: String,
    pub gfmd_cluster: Option<u8>,
    pub focus_area: Option<String>,
    #[serde(default)]
    pub objectives: Vec<u8>,
    pub source: SourceRef,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the seed corpus is not valid: {0}")]
    Corpus(String),
    #[error("{id}: {source}")]
    Item { id: String, source: PracticeError },
    #[error(transparent)]
    Db(#[from] DbError),
}

pub fn parse(json: &str) -> Result<Corpus, ImportError> {
    serde_json::from_str(json).map_err(|e| ImportError::Corpus(e.to_string()))
}

fn provenance(s: &SourceRef) -> serde_json::Value {
    json!({ "document": s.document, "line_start": s.line_start, "line_end": s.line_end,
            "section": s.section, "review_status": "imported, not peer-reviewed" })
}

/// Splits names into those the reference data knows and the rest.
fn known(values: &[String], is_known: impl Fn(&str) -> bool) -> (Vec<String>, Vec<&String>) {
    let (ok, other): (Vec<&String>, Vec<&String>) = values.iter().partition(|v| is_known(v));
    (ok.into_iter().cloned().collect(), other)
}

fn practice_input(p: &SeedPractice) -> PracticeInput {
    let mut links: Vec<Link> = p
        .objectives
        .iter()
        .map(|n| Link::new(format!("gcm:obj:{n}")))
        .collect();
    if let Some(c) = p.gfmd_cluster {
        links.push(Link::new(format!("gfmd:cluster:{c}")));
    }
    // The seeds name groupings (EU, ECOWAS, "Pacific Islands") rather than UN M49 regions, and
    // one code outside ISO 3166 (XKX). They are kept in the provenance, not lost, while the
    // structured columns hold only what the reference data knows (so exports re-import).
    let (countries, unmapped) = known(&p.countries, |c| gcm_core::geo::country(c).is_some());
    let (regions, groupings) = known(&p.regions, |r| gcm_core::geo::region(r).is_some());
    let mut prov = provenance(&p.source);
    if !unmapped.is_empty() {
        prov["unmapped_countries"] = json!(unmapped);
    }
    if !groupings.is_empty() {
        prov["groupings"] = json!(groupings);
    }
    PracticeInput {
        implementer: (!p.organisations.is_empty()).then(|| p.organisations.join("; ")),
        scope: p.scope.as_deref().and_then(Scope::parse),

        link: p.pfp_url.clone(),
        provenance: Some(prov),
        pfp_id: p.pfp_id.clone(),
        texts: vec![
            Text {
                field: "title".into(),
                lang: "en".into(),
                text: p.title.clone(),
                origin: "human".into(),
            },
            Text {
                field: "summary".into(),
                lang: "en".into(),
                text: p.summary.clone(),
                origin: "human".into(),
            },
        ],
        countries,
        regions,
        links,
        ..PracticeInput::new(
            &p.external_id,
            PracticeStatus::Published,
            Source::Seed,
            "en",
        )
    }
}

/// Writes one recommendation (and its tags), unless it is already there unchanged.
async fn upsert_recommendation(
    db: &Db,
    compact: &Compact,
    actor: &Actor,
    r: &SeedRecommendation,
) -> Result<(), ImportError> {
    let mut tx = db.begin_write().await?;
    let existing: Option<String> =
        sqlx::query_scalar("SELECT id FROM recommendations WHERE external_id = $1")
            .bind(&r.external_id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(DbError::from)?;
    let now = now_rfc3339();
    let id = match existing {
        Some(id) => id,
        None => {
            let id = new_id();
            sqlx::query(
                "INSERT INTO recommendations (id, external_id, kind, gfmd_cluster, focus_area, \
                 original_lang, provenance, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, 'en', $6, $7, $7)",
            )
            .bind(&id)
            .bind(&r.external_id)
            .bind(&r.kind)
            .bind(r.gfmd_cluster.map(i64::from))
            .bind(&r.focus_area)
            .bind(provenance(&r.source).to_string())
            .bind(&now)
            .execute(&mut *tx)
            .await
            .map_err(DbError::from)?;
            audit::append(
                &mut tx,
                actor,
                Entry::new("recommendation.import", "recommendation", &id)
                    .after(json!({ "external_id": r.external_id })),
            )
            .await?;
            id
        }
    };
    sqlx::query(
        "INSERT INTO translations (entity, entity_id, field, lang, text, origin, updated_at) \
         VALUES ('recommendation', $1, 'text', 'en', $2, 'human', $3) \
         ON CONFLICT (entity, entity_id, field, lang) DO UPDATE SET text = $2",
    )
    .bind(&id)
    .bind(&r.text)
    .bind(&now)
    .execute(&mut *tx)
    .await
    .map_err(DbError::from)?;
    let mut links: Vec<Link> = r
        .objectives
        .iter()
        .map(|n| Link::new(format!("gcm:obj:{n}")))
        .collect();
    if let Some(c) = r.gfmd_cluster {
        links.push(Link::new(format!("gfmd:cluster:{c}")));
    }
    framework_links::replace(&mut tx, compact, "recommendation", &id, &links)
        .await
        .map_err(|e| ImportError::Item {
            id: r.external_id.clone(),
            source: e.into(),
        })?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// What an import did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub practices_created: usize,
    pub practices_unchanged_or_updated: usize,
    pub recommendations: usize,
}

/// Imports a corpus, calling `progress(done, total)` as it goes.
pub async fn import<F, Fut>(
    db: &Db,
    compact: &Compact,
    corpus: &Corpus,
    mut progress: F,
) -> Result<Outcome, ImportError>
where
    F: FnMut(usize, usize) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let actor = Actor::system("seed import");
    let total = corpus.practices.len() + corpus.recommendations.len();
    let mut outcome = Outcome::default();
    for (i, p) in corpus.practices.iter().enumerate() {
        let (_, created) = practices::upsert(db, compact, &actor, &practice_input(p))
            .await
            .map_err(|source| ImportError::Item {
                id: p.external_id.clone(),
                source,
            })?;
        if created {
            outcome.practices_created += 1;
        } else {
            outcome.practices_unchanged_or_updated += 1;
        }
        if i % 10 == 9 {
            progress(i + 1, total).await;
        }
    }
    for (i, r) in corpus.recommendations.iter().enumerate() {
        upsert_recommendation(db, compact, &actor, r).await?;
        outcome.recommendations += 1;
        if i % 20 == 19 {
            progress(corpus.practices.len() + i + 1, total).await;
        }
    }
    progress(total, total).await;
    Ok(outcome)
}

/// Whether the seed corpus has been imported into this database.
pub async fn imported(db: &Db) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM practices WHERE source = 'seed'")
        .fetch_one(db.pool())
        .await?;
    Ok(n > 0)
}

/// On first start: queue the import of the shipped corpus unless it is done or queued.
pub async fn schedule_first_import(db: &Db) -> Result<bool, DbError> {
    if imported(db).await? || jobs::pending(db, IMPORT_KIND).await? {
        return Ok(false);
    }
    jobs::enqueue(db, IMPORT_KIND, &json!({ "corpus": "shipped" })).await?;
    Ok(true)
}

/// The import job (shipped corpus), reporting progress in the job row.
pub struct ImportSeeds {
    pub compact: std::sync::Arc<Compact>,
}

impl JobHandler for ImportSeeds {
    fn kind(&self) -> &'static str {
        IMPORT_KIND
    }

    fn run(&self, ctx: JobContext) -> JobFuture {
        let compact = self.compact.clone();
        Box::pin(async move {
            let corpus = parse(SHIPPED_CORPUS).map_err(|e| JobError(e.to_string()))?;
            let ctx = &ctx;
            let outcome = import(&ctx.db, &compact, &corpus, |done, total| async move {
                let _ = ctx
                    .progress(
                        done as i64,
                        Some(total as i64),
                        Some("importing the seed corpus"),
                    )
                    .await;
            })
            .await
            .map_err(|e| JobError(e.to_string()))?;
            tracing::info!(?outcome, "seed corpus imported");
            Ok(())
        })
    }
}
