//! The judged set of the connection hub (`data/hub/judged.json`) and `gcm-hub hub-eval`: a
//! fixed fixture of organisations with partner profiles and published practices, and requests
//! with the partners a reviewer would pick and the initiatives of the seed corpus a reviewer
//! would send the country to, each with why. [`load`] writes the fixture into a database;
//! [`evaluate`] ranks partners for every request (para 43(a)(iv)), then imports the seed corpus,
//! builds the search index as a server does and lists each request's similar practices
//! (para 43(a)(iii)), and measures both against the judgements.
//!
//! [`insert_request`] writes a request straight into the requests' tables; the tests and the
//! benchmark use it too, since the partner side only reads requests.

use std::collections::HashMap;

use std::collections::BTreeMap;

use gcm_compact::Compact;
use gcm_core::hub::{BudgetRange, StaffRange};
use gcm_search::{SearchError, SearchIndex, Viewer};
use gcm_store::audit::Actor;
use gcm_store::hub_partners::{self, PriorityInput, ProfileInput};
use gcm_store::seed_import::{self, ImportError};
use gcm_store::{Db, DbError, hub_requests, new_id, now_rfc3339};
use serde::{Deserialize, Serialize};

use crate::indexer::{self, IndexError};

/// The shipped judged set.
pub const JUDGED: &str = include_str!("../../../data/hub/judged.json");

/// An organisation of the fixture.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct OrgSeed {
    /// Short stable key the judgements refer to.
    pub key: String,
    pub name: String,
    pub kind: String,
    /// Alpha-3.
    pub country: Option<String>,
    #[serde(default)]
    pub staff: Option<String>,
    #[serde(default)]
    pub budget: Option<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    /// Objective → level 1–3.
    #[serde(default)]
    pub expertise: Vec<(u8, u8)>,
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default)]
    pub regions: Vec<String>,
    /// Donor priorities: (objective or 0 for any, region or "" for anywhere, ceiling USD).
    #[serde(default)]
    pub priorities: Vec<(u8, String, i64)>,
    /// Published practices: (objectives, countries).
    #[serde(default)]
    pub practices: Vec<(Vec<u8>, Vec<String>)>,
}

/// A request as written into the requests' tables.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct RequestSeed {
    pub key: String,
    pub title: String,
    /// What the request is about, in its language (similar items read it).
    #[serde(default)]
    pub description: String,
    /// Language of the title and description.
    pub lang: String,
    /// Key of the requesting organisation (or its id when inserted directly).
    pub org: String,
    /// Alpha-3 or alpha-2.
    pub country: String,
    pub objectives: Vec<u8>,
    pub support_kinds: Vec<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub budget_usd: Option<i64>,
    #[serde(default)]
    pub is_public: bool,
    /// `matching` unless given.
    #[serde(default)]
    pub status: Option<String>,
    /// The partners a reviewer would pick (organisation keys), best first.
    #[serde(default)]
    pub expected: Vec<String>,
    /// Why the reviewer picked them.
    #[serde(default)]
    pub why: String,
    /// The initiatives a reviewer would send the country to: seed practices by their
    /// `external_id`, best first. Empty when the corpus holds none worth sending.
    #[serde(default)]
    pub initiatives: Vec<String>,
    /// Why the reviewer picked those initiatives.
    #[serde(default)]
    pub initiatives_why: String,
}

/// The judged set.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Judged {
    /// How the judgements were made.
    pub method: String,
    pub organisations: Vec<OrgSeed>,
    pub requests: Vec<RequestSeed>,
}

impl Judged {
    pub fn shipped() -> Result<Judged, serde_json::Error> {
        serde_json::from_str(JUDGED)
    }
}

/// Writes a request with its objectives, kinds of support, title and description; returns
/// its id.
pub async fn insert_request(db: &Db, org_id: &str, r: &RequestSeed) -> Result<String, DbError> {
    let id = new_id();
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO hub_requests (id, status, org_id, country, budget_usd, languages, \
         original_lang, is_public, created_by, created_at, updated_at, status_since) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'fixture', $9, $9, $9)",
    )
    .bind(&id)
    .bind(r.status.as_deref().unwrap_or("matching"))
    .bind(org_id)
    .bind(&r.country)
    .bind(r.budget_usd)
    .bind(r.languages.join(" "))
    .bind(&r.lang)
    .bind(i64::from(r.is_public))
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    for k in &r.support_kinds {
        sqlx::query("INSERT INTO hub_request_support (request_id, kind) VALUES ($1, $2)")
            .bind(&id)
            .bind(k)
            .execute(&mut *tx)
            .await?;
    }
    for n in &r.objectives {
        sqlx::query(
            "INSERT INTO framework_links (entity, entity_id, ref, objective, created_at) \
             VALUES ('hub_request', $1, $2, $3, $4)",
        )
        .bind(&id)
        .bind(format!("gcm:obj:{n}"))
        .bind(i64::from(*n))
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query(
        "INSERT INTO translations (entity, entity_id, field, lang, text, origin, updated_at) \
         VALUES ('hub_request', $1, 'title', $2, $3, 'human', $4)",
    )
    .bind(&id)
    .bind(&r.lang)
    .bind(&r.title)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    if !r.description.is_empty() {
        sqlx::query(
            "INSERT INTO translations (entity, entity_id, field, lang, text, origin, updated_at) \
             VALUES ('hub_request', $1, 'description', $2, $3, 'human', $4)",
        )
        .bind(&id)
        .bind(&r.lang)
        .bind(&r.description)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// Writes an organisation row directly (the fixture has no people); returns its id.
pub async fn insert_org(
    conn: &mut sqlx::AnyConnection,
    name: &str,
    kind: &str,
    country: Option<&str>,
) -> Result<String, DbError> {
    let id = new_id();
    let now = now_rfc3339();
    sqlx::query(
        "INSERT INTO organisations (id, name, kind, country, description, created_by, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, '', 'fixture', $5, $5)",
    )
    .bind(&id)
    .bind(name)
    .bind(kind)
    .bind(country)
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Writes a published practice of `org_id` tagged with objectives and countries.
pub async fn insert_practice(
    conn: &mut sqlx::AnyConnection,
    org_id: &str,
    objectives: &[u8],
    countries: &[String],
) -> Result<String, DbError> {
    let id = new_id();
    let now = now_rfc3339();
    sqlx::query(
        "INSERT INTO practices (id, external_id, status, source, org_id, original_lang, \
         created_at, updated_at, published_at) VALUES ($1, $1, 'published', 'fixture', $2, 'en', $3, $3, $3)",
    )
    .bind(&id)
    .bind(org_id)
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    for n in objectives {
        sqlx::query(
            "INSERT INTO framework_links (entity, entity_id, ref, objective, created_at) \
             VALUES ('practice', $1, $2, $3, $4)",
        )
        .bind(&id)
        .bind(format!("gcm:obj:{n}"))
        .bind(i64::from(*n))
        .bind(&now)
        .execute(&mut *conn)
        .await?;
    }
    for c in countries {
        sqlx::query("INSERT INTO practice_countries (practice_id, country) VALUES ($1, $2)")
            .bind(&id)
            .bind(c)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

/// Why the fixture could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("organisation {0}: {1}")]
    Profile(String, hub_partners::PartnerError),
    #[error("request {0} names an unknown organisation")]
    UnknownOrg(String),
    #[error("the seed corpus: {0}")]
    Seeds(#[from] ImportError),
    #[error("the Compact: {0}")]
    Compact(String),
    #[error("the search index: {0}")]
    Index(#[from] IndexError),
    #[error("the search index: {0}")]
    Search(#[from] SearchError),
}

impl From<sqlx::Error> for EvalError {
    fn from(e: sqlx::Error) -> Self {
        EvalError::Db(DbError::Sqlx(e))
    }
}

/// Writes the fixture's organisations, profiles and practices, and its requests; returns the
/// ids by key (organisations and requests).
pub async fn load(
    db: &Db,
    judged: &Judged,
) -> Result<(HashMap<String, String>, HashMap<String, String>), EvalError> {
    let actor = Actor::system("hub-eval");
    let mut orgs = HashMap::new();
    for o in &judged.organisations {
        let mut tx = db.begin_write().await?;
        let id = insert_org(&mut tx, &o.name, &o.kind, o.country.as_deref()).await?;
        for (objectives, countries) in &o.practices {
            insert_practice(&mut tx, &id, objectives, countries).await?;
        }
        tx.commit().await?;
        let input = ProfileInput {
            staff_range: o.staff.as_deref().and_then(StaffRange::parse),
            budget_range: o.budget.as_deref().and_then(BudgetRange::parse),
            languages: o.languages.clone(),
            summary: String::new(),
            expertise: o.expertise.clone(),
            countries: o.countries.clone(),
            regions: o.regions.clone(),
            priorities: o
                .priorities
                .iter()
                .map(|(n, r, c)| PriorityInput {
                    objective: Some(*n).filter(|n| *n > 0),
                    region: Some(r.clone()).filter(|r| !r.is_empty()),
                    ceiling_usd: Some(*c).filter(|c| *c > 0),
                    note: String::new(),
                })
                .collect(),
        };
        hub_partners::save_profile(db, &actor, "hub-eval", &id, input)
            .await
            .map_err(|e| EvalError::Profile(o.key.clone(), e))?;
        orgs.insert(o.key.clone(), id);
    }
    let mut requests = HashMap::new();
    for r in &judged.requests {
        let org = orgs
            .get(&r.org)
            .ok_or_else(|| EvalError::UnknownOrg(r.key.clone()))?;
        requests.insert(r.key.clone(), insert_request(db, org, r).await?);
    }
    Ok((orgs, requests))
}

/// One request's partner suggestions against the judgements.
#[derive(Debug, Clone, Serialize)]
pub struct RequestEval {
    pub key: String,
    pub title: String,
    /// Keys of the top five suggestions.
    pub top5: Vec<String>,
    pub expected: Vec<String>,
    /// Relevant among the top five, over five (or over the number expected when fewer).
    pub precision_at_5: f64,
}

/// One request's similar initiatives against the judgements.
#[derive(Debug, Clone, Serialize)]
pub struct InitiativeEval {
    pub key: String,
    pub title: String,
    /// `external_id`s of the five most similar practices, best first.
    pub top5: Vec<String>,
    pub expected: Vec<String>,
    /// Judged among the top five, over min(5, judged).
    pub precision_at_5: f64,
    /// Judged among the top five, over all judged.
    pub recall_at_5: f64,
    /// nDCG@5, the reviewer's first pick counting double.
    pub ndcg_at_5: f64,
}

/// Means over the requests with judged initiatives.
#[derive(Debug, Clone, Serialize)]
pub struct InitiativesEval {
    pub per_request: Vec<InitiativeEval>,
    pub precision_at_5: f64,
    pub recall_at_5: f64,
    pub ndcg_at_5: f64,
    /// Requests without judged initiatives (left out of the means).
    pub unjudged: Vec<String>,
    /// Seed practices the similar items could choose from.
    pub practices: usize,
}

/// Precision@5 of partner suggestions per request and over all, and the initiatives' figures.
#[derive(Debug, Clone, Serialize)]
pub struct Eval {
    pub per_request: Vec<RequestEval>,
    pub precision_at_5: f64,
    pub initiatives: InitiativesEval,
}

/// How many similar practices and requests the evaluation asks the index for (the API's
/// largest page); the five best practices among them are compared with the judgements.
pub const SIMILAR_DEPTH: usize = 50;

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// Loads the fixture, ranks partners for every judged request and compares the top five with
/// the judgements; then imports the seed corpus, builds the search index and compares each
/// request's similar practices with the judged initiatives. Precision is counted over
/// min(5, judged), so a request with three right items ranked first scores 1.
pub async fn evaluate(db: &Db, judged: &Judged) -> Result<Eval, EvalError> {
    let (orgs, requests) = load(db, judged).await?;
    // Partners first, before the seed corpus is in the database, so their figures do not
    // depend on it.
    let key_of: HashMap<&String, &String> = orgs.iter().map(|(k, v)| (v, k)).collect();
    let mut per_request = Vec::new();
    for r in &judged.requests {
        let Some(id) = requests.get(&r.key) else {
            continue;
        };
        let Some(needs) = hub_partners::request_needs(db, id).await? else {
            continue;
        };
        let top5: Vec<String> = hub_partners::suggestions(db, &needs, 5)
            .await?
            .iter()
            .map(|s| {
                key_of
                    .get(&s.suggestion.org_id)
                    .map(|k| (*k).clone())
                    .unwrap_or_default()
            })
            .collect();
        let hits = top5.iter().filter(|k| r.expected.contains(k)).count();
        let denom = r.expected.len().clamp(1, 5);
        per_request.push(RequestEval {
            key: r.key.clone(),
            title: r.title.clone(),
            top5,
            expected: r.expected.clone(),
            precision_at_5: hits as f64 / denom as f64,
        });
    }
    let precision_at_5 = mean(per_request.iter().map(|r| r.precision_at_5));
    let initiatives = evaluate_initiatives(db, judged, &requests).await?;
    Ok(Eval {
        per_request,
        precision_at_5,
        initiatives,
    })
}

/// Imports the shipped seed corpus (as a first start does), rebuilds the search index from the
/// database (as `gcm-hub reindex` does) and lists each request's similar practices and
/// requests through [`SearchIndex::similar_among`] with [`hub_requests::SIMILAR_KINDS`], the
/// ranking behind the request's page, as the secretariat sees them. The practices among them,
/// by `external_id`, are compared with the judged initiatives. The fixture's own practices
/// (partners' evidence, without text) are passed over: the judgements are about the seed
/// corpus.
async fn evaluate_initiatives(
    db: &Db,
    judged: &Judged,
    requests: &HashMap<String, String>,
) -> Result<InitiativesEval, EvalError> {
    let compact = Compact::load_shipped().map_err(|e| EvalError::Compact(e.to_string()))?;
    let corpus = seed_import::parse(seed_import::SHIPPED_CORPUS)?;
    seed_import::import(db, &compact, &corpus, |_, _| async {}).await?;
    let index = SearchIndex::in_memory()?;
    indexer::rebuild(db, &compact, &index, |_, _| {}).await?;
    let seeds: HashMap<String, String> =
        sqlx::query_as("SELECT id, external_id FROM practices WHERE source = 'seed'")
            .fetch_all(db.pool())
            .await?
            .into_iter()
            .collect();
    let viewer = Viewer {
        roles: vec!["secretariat".into()],
        ..Viewer::anonymous()
    };
    let mut per_request = Vec::new();
    let mut unjudged = Vec::new();
    for r in &judged.requests {
        let Some(id) = requests.get(&r.key) else {
            continue;
        };
        if r.initiatives.is_empty() {
            unjudged.push(r.key.clone());
            continue;
        }
        let sim = index.similar_among(
            hub_requests::ENTITY,
            id,
            SIMILAR_DEPTH,
            &viewer,
            hub_requests::SIMILAR_KINDS,
        )?;
        let top5: Vec<String> = sim
            .hits
            .iter()
            .filter(|h| h.hit.kind == "practice")
            .filter_map(|h| seeds.get(&h.hit.id).cloned())
            .take(5)
            .collect();
        let hits = top5.iter().filter(|k| r.initiatives.contains(k)).count();
        let grades: BTreeMap<String, u8> = r
            .initiatives
            .iter()
            .enumerate()
            .map(|(i, k)| (k.clone(), if i == 0 { 2 } else { 1 }))
            .collect();
        per_request.push(InitiativeEval {
            key: r.key.clone(),
            title: r.title.clone(),
            precision_at_5: hits as f64 / r.initiatives.len().clamp(1, 5) as f64,
            recall_at_5: hits as f64 / r.initiatives.len() as f64,
            // Without a hit nDCG is 0 (the sum over nothing would print as -0).
            ndcg_at_5: if hits == 0 {
                0.0
            } else {
                gcm_search::eval::ndcg(&top5, &grades, 5)
            },
            top5,
            expected: r.initiatives.clone(),
        });
    }
    Ok(InitiativesEval {
        precision_at_5: mean(per_request.iter().map(|r| r.precision_at_5)),
        recall_at_5: mean(per_request.iter().map(|r| r.recall_at_5)),
        ndcg_at_5: mean(per_request.iter().map(|r| r.ndcg_at_5)),
        per_request,
        unjudged,
        practices: seeds.len(),
    })
}
