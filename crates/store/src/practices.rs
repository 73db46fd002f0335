//! The global knowledge platform's practices: storage with their places, themes, stakeholder
//! kinds, translatable texts (long format, `translations`), framework tags (`framework_links`),
//! every revision, and the filtered, faceted listing behind the explore page, API and exports.
//!
//! Every write appends to the change log (so search indexes follow) and to the audit log, in the
//! same transaction.

use std::collections::{BTreeMap, HashMap};

use gcm_compact::Compact;
use gcm_core::practices::{PracticeStatus, Progress, Scope, Source};
use serde::Serialize;
use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::audit::{self, Actor, Entry};
use crate::change_log::{self, Op};
use crate::conditions::{Conditions, Value};
use crate::framework_links::{self, Link, TagError};
use crate::{Db, DbError, new_id, now_rfc3339};

/// The entity name used in `translations`, `framework_links`, `change_log` and the audit log.
pub const ENTITY: &str = "practice";

/// Text fields of a practice, each translatable.
pub const TEXT_FIELDS: [&str; 8] = [
    "title",
    "summary",
    "description",
    "results",
    "lessons",
    "replicability",
    "innovation",
    "sustainability",
];

/// One text in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Text {
    pub field: String,
    pub lang: String,
    pub text: String,
    /// `human` or `machine`.
    pub origin: String,
}

/// Everything that is written for a practice (create, update, import).
#[derive(Debug, Clone)]
pub struct PracticeInput {
    pub external_id: String,
    pub status: PracticeStatus,
    pub source: Source,
    pub peer_reviewed: bool,
    pub org_id: Option<String>,
    pub implementer: Option<String>,
    pub submitted_by: Option<String>,
    pub original_lang: String,
    pub scope: Option<Scope>,
    pub progress: Option<Progress>,
    pub start_year: Option<i64>,
    pub end_year: Option<i64>,
    pub funding: Option<String>,
    pub link: Option<String>,
    pub provenance: Option<serde_json::Value>,
    pub pfp_id: Option<String>,
    /// Partner organisations, as written.
    pub partners: Option<String>,
    /// Languages the practice works in (interface-style codes, e.g. `fr`, `ar`).
    pub languages: Vec<String>,
    /// Submitted on behalf of another organisation (`implementer`), whose focal point is named.
    pub on_behalf: bool,
    pub focal_point_name: Option<String>,
    pub focal_point_email: Option<String>,
    /// The call for practices it answers.
    pub call_id: Option<String>,
    pub texts: Vec<Text>,
    pub countries: Vec<String>,
    pub regions: Vec<String>,
    pub themes: Vec<String>,
    pub stakeholders: Vec<String>,
    pub links: Vec<Link>,
}

impl PracticeInput {
    /// A practice with only its identity: everything else empty, to be filled in.
    pub fn new(
        external_id: &str,
        status: PracticeStatus,
        source: Source,
        original_lang: &str,
    ) -> Self {
        PracticeInput {
            external_id: external_id.to_string(),
            status,
            source,
            peer_reviewed: false,
            org_id: None,
            implementer: None,
            submitted_by: None,
            original_lang: original_lang.to_string(),
            scope: None,
            progress: None,
            start_year: None,
            end_year: None,
            funding: None,
            link: None,
            provenance: None,
            pfp_id: None,
            partners: None,
            languages: Vec::new(),
            on_behalf: false,
            focal_point_name: None,
            focal_point_email: None,
            call_id: None,
            texts: Vec::new(),
            countries: Vec::new(),
            regions: Vec::new(),
            themes: Vec::new(),
            stakeholders: Vec::new(),
            links: Vec::new(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PracticeError {
    #[error(transparent)]
    Tag(#[from] TagError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for PracticeError {
    fn from(e: sqlx::Error) -> Self {
        PracticeError::Db(DbError::Sqlx(e))
    }
}

fn snapshot(p: &PracticeInput) -> serde_json::Value {
    json!({
        "external_id": p.external_id, "status": p.status.as_str(), "source": p.source.as_str(),
        "peer_reviewed": p.peer_reviewed, "org_id": p.org_id, "implementer": p.implementer,
        "original_lang": p.original_lang, "scope": p.scope.map(Scope::as_str),
        "progress": p.progress.map(Progress::as_str), "start_year": p.start_year,
        "end_year": p.end_year, "funding": p.funding, "link": p.link,
        "provenance": p.provenance, "pfp_id": p.pfp_id, "partners": p.partners,
        "languages": p.languages, "on_behalf": p.on_behalf,
        "focal_point_name": p.focal_point_name, "focal_point_email": p.focal_point_email,
        "call_id": p.call_id, "texts": p.texts,
        "countries": p.countries, "regions": p.regions, "themes": p.themes,
        "stakeholders": p.stakeholders, "links": p.links,
    })
}

/// Creates or updates the practice with `input.external_id`, with all its parts, a new
/// revision, a change-log entry and an audit entry, in one transaction. Returns its id and
/// whether it was created.
pub async fn upsert(
    db: &Db,
    compact: &Compact,
    actor: &Actor,
    input: &PracticeInput,
) -> Result<(String, bool), PracticeError> {
    let mut tx = db.begin_write().await?;
    let saved = upsert_in(&mut tx, compact, actor, input).await?;
    tx.commit().await?;
    Ok(saved)
}

/// As [`upsert`], inside the caller's write transaction (a bulk import saves every row or
/// none).
pub async fn upsert_in(
    tx: &mut AnyConnection,
    compact: &Compact,
    actor: &Actor,
    input: &PracticeInput,
) -> Result<(String, bool), PracticeError> {
    let existing: Option<String> =
        sqlx::query_scalar("SELECT id FROM practices WHERE external_id = $1")
            .bind(&input.external_id)
            .fetch_optional(&mut *tx)
            .await?;
    let snap = snapshot(input);
    if let Some(id) = &existing {
        // Saving the same content again (a repeated import, say) changes nothing and adds no
        // revision.
        let last: Option<String> = sqlx::query_scalar(
            "SELECT snapshot FROM practice_revisions WHERE practice_id = $1 ORDER BY rev DESC LIMIT 1",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        if last.as_deref() == Some(snap.to_string().as_str()) {
            return Ok((id.clone(), false));
        }
    }
    let now = now_rfc3339();
    let published_at = input.status.is_public().then(|| now.clone());
    let created = existing.is_none();
    let id = existing.unwrap_or_else(new_id);
    // One statement for both cases: a new practice is inserted, an existing one (same
    // external id) updated, keeping its creation and first publication times.
    sqlx::query(
        "INSERT INTO practices (id, external_id, status, source, peer_reviewed, org_id, \
         implementer, submitted_by, original_lang, scope, progress, start_year, end_year, \
         funding, link, provenance, pfp_id, created_at, updated_at, published_at, partners, \
         languages, on_behalf, focal_point_name, focal_point_email, call_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, \
         $17, $18, $18, $19, $20, $21, $22, $23, $24, $25) \
         ON CONFLICT (external_id) DO UPDATE SET status = excluded.status, \
         source = excluded.source, peer_reviewed = excluded.peer_reviewed, \
         org_id = excluded.org_id, implementer = excluded.implementer, \
         submitted_by = excluded.submitted_by, original_lang = excluded.original_lang, \
         scope = excluded.scope, progress = excluded.progress, \
         start_year = excluded.start_year, end_year = excluded.end_year, \
         funding = excluded.funding, link = excluded.link, provenance = excluded.provenance, \
         pfp_id = excluded.pfp_id, updated_at = excluded.updated_at, \
         partners = excluded.partners, languages = excluded.languages, \
         on_behalf = excluded.on_behalf, focal_point_name = excluded.focal_point_name, \
         focal_point_email = excluded.focal_point_email, call_id = excluded.call_id, \
         published_at = COALESCE(practices.published_at, excluded.published_at)",
    )
    .bind(&id)
    .bind(&input.external_id)
    .bind(input.status.as_str())
    .bind(input.source.as_str())
    .bind(i64::from(input.peer_reviewed))
    .bind(&input.org_id)
    .bind(&input.implementer)
    .bind(&input.submitted_by)
    .bind(&input.original_lang)
    .bind(input.scope.map(Scope::as_str))
    .bind(input.progress.map(Progress::as_str))
    .bind(input.start_year)
    .bind(input.end_year)
    .bind(&input.funding)
    .bind(&input.link)
    .bind(input.provenance.as_ref().map(|v| v.to_string()))
    .bind(&input.pfp_id)
    .bind(&now)
    .bind(&published_at)
    .bind(&input.partners)
    .bind(input.languages.join(" "))
    .bind(i64::from(input.on_behalf))
    .bind(&input.focal_point_name)
    .bind(&input.focal_point_email)
    .bind(&input.call_id)
    .execute(&mut *tx)
    .await?;
    for (table, column, values) in [
        ("practice_countries", "country", &input.countries),
        ("practice_regions", "region", &input.regions),
        ("practice_themes", "theme", &input.themes),
        ("practice_stakeholders", "kind", &input.stakeholders),
    ] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE practice_id = $1"
        )))
        .bind(&id)
        .execute(&mut *tx)
        .await?;
        let mut seen = std::collections::BTreeSet::new();
        for v in values.iter().filter(|v| seen.insert(v.as_str())) {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "INSERT INTO {table} (practice_id, {column}) VALUES ($1, $2)"
            )))
            .bind(&id)
            .bind(v)
            .execute(&mut *tx)
            .await?;
        }
    }
    sqlx::query("DELETE FROM translations WHERE entity = $1 AND entity_id = $2")
        .bind(ENTITY)
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    for t in &input.texts {
        sqlx::query(
            "INSERT INTO translations (entity, entity_id, field, lang, text, origin, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (entity, entity_id, field, lang) DO UPDATE SET text = $5, origin = $6, \
             updated_at = $7",
        )
        .bind(ENTITY)
        .bind(&id)
        .bind(&t.field)
        .bind(&t.lang)
        .bind(&t.text)
        .bind(&t.origin)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    framework_links::replace(&mut *tx, compact, ENTITY, &id, &input.links).await?;
    let rev: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(MAX(rev), 0) + 1 AS BIGINT) FROM practice_revisions WHERE practice_id = $1",
    )
    .bind(&id)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO practice_revisions (practice_id, rev, at, by_user, snapshot) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&id)
    .bind(rev)
    .bind(&now)
    .bind(&actor.user_id)
    .bind(snap.to_string())
    .execute(&mut *tx)
    .await?;
    change_log::append(&mut *tx, ENTITY, &id, Op::Upsert).await?;
    audit::append(
        &mut *tx,
        actor,
        Entry::new(if created { "practice.create" } else { "practice.update" }, ENTITY, &id).after(json!({ "external_id": input.external_id, "status": input.status.as_str(), "rev": rev })),
    )
    .await?;
    Ok((id, created))
}

/// A practice as read back.
#[derive(Debug, Clone, Serialize)]
pub struct Practice {
    pub id: String,
    pub external_id: String,
    pub status: String,
    pub source: String,
    pub peer_reviewed: bool,
    pub org_id: Option<String>,
    pub implementer: Option<String>,
    pub original_lang: String,
    pub scope: Option<String>,
    pub progress: Option<String>,
    pub start_year: Option<i64>,
    pub end_year: Option<i64>,
    pub funding: Option<String>,
    pub link: Option<String>,
    pub provenance: Option<serde_json::Value>,
    pub pfp_id: Option<String>,
    pub partners: Option<String>,
    pub languages: Vec<String>,
    pub on_behalf: bool,
    /// Not public: shown to the submitting organisation, the secretariat and reviewers only.
    pub focal_point_name: Option<String>,
    pub focal_point_email: Option<String>,
    pub call_id: Option<String>,
    pub submitted_by: Option<String>,
    pub submitted_at: Option<String>,
    pub review_round: i64,
    pub created_at: String,
    pub updated_at: String,
    pub published_at: Option<String>,
    pub texts: Vec<Text>,
    pub countries: Vec<String>,
    pub regions: Vec<String>,
    pub themes: Vec<String>,
    pub stakeholders: Vec<String>,
    pub links: Vec<Link>,
    pub revisions: i64,
}

impl Practice {
    /// A text field in `lang`, else in the original language, else any.
    pub fn text(&self, field: &str, lang: &str) -> Option<&Text> {
        let of_field = || self.texts.iter().filter(move |t| t.field == field);
        of_field()
            .find(|t| t.lang == lang)
            .or_else(|| of_field().find(|t| t.lang == self.original_lang))
            .or_else(|| of_field().next())
    }

    /// Its title in `lang` (or the fallbacks of [`Practice::text`]), else its external id.
    pub fn title(&self, lang: &str) -> String {
        self.text("title", lang)
            .map(|t| t.text.clone())
            .unwrap_or_else(|| self.external_id.clone())
    }

    /// What would write it back unchanged (the starting point for an edit).
    pub fn to_input(&self) -> PracticeInput {
        PracticeInput {
            external_id: self.external_id.clone(),
            status: PracticeStatus::parse(&self.status).unwrap_or(PracticeStatus::Draft),
            source: Source::parse(&self.source).unwrap_or(Source::Submission),
            peer_reviewed: self.peer_reviewed,
            org_id: self.org_id.clone(),
            implementer: self.implementer.clone(),
            submitted_by: self.submitted_by.clone(),
            original_lang: self.original_lang.clone(),
            scope: self.scope.as_deref().and_then(Scope::parse),
            progress: self.progress.as_deref().and_then(Progress::parse),
            start_year: self.start_year,
            end_year: self.end_year,
            funding: self.funding.clone(),
            link: self.link.clone(),
            provenance: self.provenance.clone(),
            pfp_id: self.pfp_id.clone(),
            partners: self.partners.clone(),
            languages: self.languages.clone(),
            on_behalf: self.on_behalf,
            focal_point_name: self.focal_point_name.clone(),
            focal_point_email: self.focal_point_email.clone(),
            call_id: self.call_id.clone(),
            texts: self.texts.clone(),
            countries: self.countries.clone(),
            regions: self.regions.clone(),
            themes: self.themes.clone(),
            stakeholders: self.stakeholders.clone(),
            links: self.links.clone(),
        }
    }

    /// The objectives it is tagged with (directly or through an action), sorted.
    pub fn objectives(&self) -> Vec<u8> {
        let mut v: Vec<u8> = self
            .links
            .iter()
            .filter_map(|l| l.reference.parse::<gcm_compact::Ref>().ok())
            .filter_map(|r| match r {
                gcm_compact::Ref::Objective { number, .. } => Some(number),
                _ => None,
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

async fn strings(db: &Db, sql: &str, id: &str) -> Result<Vec<String>, DbError> {
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
        .bind(id)
        .fetch_all(db.pool())
        .await?)
}

/// Reads one practice with all its parts.
pub async fn get(db: &Db, id: &str) -> Result<Option<Practice>, DbError> {
    let Some(r) = sqlx::query("SELECT * FROM practices WHERE id = $1")
        .bind(id)
        .fetch_optional(db.pool())
        .await?
    else {
        return Ok(None);
    };
    let texts = sqlx::query(
        "SELECT field, lang, text, origin FROM translations WHERE entity = $1 AND entity_id = $2 \
         ORDER BY field, lang",
    )
    .bind(ENTITY)
    .bind(id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|t| {
        Ok(Text {
            field: t.try_get("field")?,
            lang: t.try_get("lang")?,
            text: t.try_get("text")?,
            origin: t.try_get("origin")?,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let provenance: Option<String> = r.try_get("provenance")?;
    let revisions: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM practice_revisions WHERE practice_id = $1")
            .bind(id)
            .fetch_one(db.pool())
            .await?;
    Ok(Some(Practice {
        id: r.try_get("id")?,
        external_id: r.try_get("external_id")?,
        status: r.try_get("status")?,
        source: r.try_get("source")?,
        peer_reviewed: r.try_get::<i64, _>("peer_reviewed")? == 1,
        org_id: r.try_get("org_id")?,
        implementer: r.try_get("implementer")?,
        original_lang: r.try_get("original_lang")?,
        scope: r.try_get("scope")?,
        progress: r.try_get("progress")?,
        start_year: r.try_get("start_year")?,
        end_year: r.try_get("end_year")?,
        funding: r.try_get("funding")?,
        link: r.try_get("link")?,
        provenance: provenance.and_then(|p| serde_json::from_str(&p).ok()),
        pfp_id: r.try_get("pfp_id")?,
        partners: r.try_get("partners")?,
        languages: r
            .try_get::<Option<String>, _>("languages")?
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_string)
            .collect(),
        on_behalf: r.try_get::<i64, _>("on_behalf")? == 1,
        focal_point_name: r.try_get("focal_point_name")?,
        focal_point_email: r.try_get("focal_point_email")?,
        call_id: r.try_get("call_id")?,
        submitted_by: r.try_get("submitted_by")?,
        submitted_at: r.try_get("submitted_at")?,
        review_round: r.try_get("review_round")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
        published_at: r.try_get("published_at")?,
        texts,
        countries: strings(
            db,
            "SELECT country FROM practice_countries WHERE practice_id = $1 ORDER BY country",
            id,
        )
        .await?,
        regions: strings(
            db,
            "SELECT region FROM practice_regions WHERE practice_id = $1 ORDER BY region",
            id,
        )
        .await?,
        themes: strings(
            db,
            "SELECT theme FROM practice_themes WHERE practice_id = $1 ORDER BY theme",
            id,
        )
        .await?,
        stakeholders: strings(
            db,
            "SELECT kind FROM practice_stakeholders WHERE practice_id = $1 ORDER BY kind",
            id,
        )
        .await?,
        links: framework_links::of_item(db, ENTITY, id).await?,
        revisions,
    }))
}

/// Filters of the explore page and the API (the same names in both).
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub objective: Option<u8>,
    /// A full reference, e.g. `gcm:obj:20:c`.
    pub action: Option<String>,
    /// A guiding principle's slug.
    pub principle: Option<String>,
    pub theme: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    pub stakeholder: Option<String>,
    pub lang: Option<String>,
    pub year: Option<i64>,
    pub status: Option<String>,
    pub source: Option<String>,
    /// `completed`, `mostly_completed` or `ongoing`.
    pub progress: Option<String>,
    /// Only practices everyone may see.
    pub public_only: bool,
    /// Only practices of these organisations or submitted by `submitted_by` (a submitter's
    /// own list); both empty means no such restriction.
    pub org_ids: Vec<String>,
    pub submitted_by: Option<String>,
}

impl Filter {
    fn conditions(&self) -> Conditions {
        let mut c = Conditions::new();
        if self.public_only {
            c.fixed("p.status = 'published'");
        }
        if let Some(s) = &self.status {
            c.eq("p.status", s.clone());
        }
        if !self.org_ids.is_empty() || self.submitted_by.is_some() {
            let orgs = if self.org_ids.is_empty() {
                "''".to_string()
            } else {
                in_list(&self.org_ids)
            };
            c.clause(
                &format!("(p.org_id IN ({orgs}) OR p.submitted_by = {{}})"),
                Value::Text(self.submitted_by.clone().unwrap_or_default()),
            );
        }
        if let Some(s) = &self.source {
            c.eq("p.source", s.clone());
        }
        if let Some(s) = &self.progress {
            c.eq("p.progress", s.clone());
        }
        if let Some(n) = self.objective {
            c.clause(
                "EXISTS (SELECT 1 FROM framework_links fl WHERE fl.entity = 'practice' \
                 AND fl.entity_id = p.id AND fl.objective = {})",
                Value::Int(i64::from(n)),
            );
        }
        if let Some(a) = &self.action {
            c.clause(
                "EXISTS (SELECT 1 FROM framework_links fl WHERE fl.entity = 'practice' \
                 AND fl.entity_id = p.id AND fl.ref = {})",
                Value::Text(a.clone()),
            );
        }
        if let Some(slug) = &self.principle {
            c.clause(
                "EXISTS (SELECT 1 FROM framework_links fl WHERE fl.entity = 'practice' \
                 AND fl.entity_id = p.id AND fl.ref = {})",
                Value::Text(format!("gcm:gp:{slug}")),
            );
        }
        for (table, column, value) in [
            ("practice_themes", "theme", &self.theme),
            ("practice_countries", "country", &self.country),
            ("practice_stakeholders", "kind", &self.stakeholder),
        ] {
            if let Some(v) = value {
                c.clause(
                    &format!(
                        "EXISTS (SELECT 1 FROM {table} x WHERE x.practice_id = p.id AND x.{column} = {{}})"
                    ),
                    Value::Text(v.clone()),
                );
            }
        }
        if let Some(region) = &self.region {
            // A region matches practices tagged with it or set in one of its countries.
            let countries: Vec<String> = gcm_core::geo::countries_in_region(region)
                .iter()
                .map(|c| c.alpha3.clone())
                .collect();
            let list = if countries.is_empty() {
                "''".to_string()
            } else {
                countries
                    .iter()
                    .map(|c| format!("'{}'", c.replace('\'', "")))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            c.clause(
                &format!(
                    "(EXISTS (SELECT 1 FROM practice_regions x WHERE x.practice_id = p.id AND x.region = {{}}) \
                     OR EXISTS (SELECT 1 FROM practice_countries y WHERE y.practice_id = p.id AND y.country IN ({list})))"
                ),
                Value::Text(region.clone()),
            );
        }
        if let Some(l) = &self.lang {
            // Available in a language: written in it, or translated into it.
            c.clause(
                "(p.original_lang = {} OR EXISTS (SELECT 1 FROM translations t WHERE \
                 t.entity = 'practice' AND t.entity_id = p.id AND t.field = 'title' AND t.lang = {}))",
                Value::Text(l.clone()),
            );
        }
        if let Some(y) = self.year {
            c.clause(
                "(p.start_year IS NULL OR p.start_year <= {})",
                Value::Int(y),
            );
            c.clause("(p.end_year IS NULL OR p.end_year >= {})", Value::Int(y));
        }
        c
    }
}

/// How to order a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Newest published first.
    #[default]
    Newest,
    Oldest,
    /// By title in the requested language.
    Title,
}

/// A practice in a list: its title and summary in the requested language.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub id: String,
    pub external_id: String,
    pub title: String,
    pub summary: String,
    /// Language the title and summary are in.
    pub lang: String,
    pub status: String,
    pub source: String,
    pub peer_reviewed: bool,
    pub countries: Vec<String>,
    pub objectives: Vec<u8>,
    pub published_at: Option<String>,
}

/// Practices matching `filter`, in `sort` order, with texts in `lang` (falling back to the
/// original language), and the total matching.
pub async fn list(
    db: &Db,
    filter: &Filter,
    sort: Sort,
    lang: &str,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Summary>, i64), DbError> {
    let c = filter.conditions();
    let total: i64 = c
        .bind_scalar(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM practices p{}",
            c.where_sql()
        ))))
        .fetch_one(db.pool())
        .await?;
    // Title order needs the texts; the others order in SQL.
    let order = match sort {
        Sort::Newest => "p.published_at DESC, p.created_at DESC, p.id",
        Sort::Oldest => "p.published_at, p.created_at, p.id",
        Sort::Title => "p.id",
    };
    let (sql_limit, sql_offset) = match sort {
        Sort::Title => (i64::MAX / 4, 0),
        _ => (limit, offset),
    };
    let rows = c
        .bind(sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT p.id, p.external_id, p.status, p.source, p.peer_reviewed, p.original_lang, \
             p.published_at FROM practices p{} ORDER BY {order} LIMIT {} OFFSET {}",
            c.where_sql(),
            sql_limit.max(0),
            sql_offset.max(0)
        ))))
        .fetch_all(db.pool())
        .await?;
    let ids: Vec<String> = rows
        .iter()
        .map(|r| r.try_get::<String, _>("id"))
        .collect::<Result<_, _>>()?;
    let texts = texts_of(db, &ids, &["title", "summary"]).await?;
    let countries = children_of(db, "practice_countries", "country", &ids).await?;
    let objectives = objectives_of(db, &ids).await?;
    let mut items = Vec::with_capacity(rows.len());
    for r in &rows {
        let id: String = r.try_get("id")?;
        let original: String = r.try_get("original_lang")?;
        let pick = |field: &str| -> (String, String) {
            let of = texts.get(&(id.clone(), field.to_string()));
            of.and_then(|m| m.get(lang).map(|t| (t.clone(), lang.to_string())))
                .or_else(|| {
                    of.and_then(|m| m.get(&original).map(|t| (t.clone(), original.clone())))
                })
                .or_else(|| of.and_then(|m| m.iter().next().map(|(l, t)| (t.clone(), l.clone()))))
                .unwrap_or_default()
        };
        let (title, text_lang) = pick("title");
        items.push(Summary {
            title,
            summary: pick("summary").0,
            lang: text_lang,
            external_id: r.try_get("external_id")?,
            status: r.try_get("status")?,
            source: r.try_get("source")?,
            peer_reviewed: r.try_get::<i64, _>("peer_reviewed")? == 1,
            published_at: r.try_get("published_at")?,
            countries: countries.get(&id).cloned().unwrap_or_default(),
            objectives: objectives.get(&id).cloned().unwrap_or_default(),
            id,
        });
    }
    if sort == Sort::Title {
        items.sort_by_key(|a| a.title.to_lowercase());
        items = items
            .into_iter()
            .skip(offset.max(0) as usize)
            .take(limit.max(0) as usize)
            .collect();
    }
    Ok((items, total))
}

pub(crate) fn in_list(ids: &[String]) -> String {
    if ids.is_empty() {
        // `IN ()` is not SQL; `IN ('')` is, and matches no id.
        return "''".into();
    }
    // Ids are UUIDs we generated; quote defensively all the same.
    ids.iter()
        .map(|i| format!("'{}'", i.replace('\'', "")))
        .collect::<Vec<_>>()
        .join(", ")
}

type TextsById = HashMap<(String, String), BTreeMap<String, String>>;

async fn texts_of(db: &Db, ids: &[String], fields: &[&str]) -> Result<TextsById, DbError> {
    let mut out: TextsById = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let fields = fields
        .iter()
        .map(|f| format!("'{f}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT entity_id, field, lang, text FROM translations WHERE entity = 'practice' \
         AND field IN ({fields}) AND entity_id IN ({})",
        in_list(ids)
    )))
    .fetch_all(db.pool())
    .await?;
    for r in rows {
        out.entry((r.try_get("entity_id")?, r.try_get("field")?))
            .or_default()
            .insert(r.try_get("lang")?, r.try_get("text")?);
    }
    Ok(out)
}

async fn children_of(
    db: &Db,
    table: &str,
    column: &str,
    ids: &[String],
) -> Result<HashMap<String, Vec<String>>, DbError> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT practice_id, {column} AS v FROM {table} WHERE practice_id IN ({}) ORDER BY {column}",
        in_list(ids)
    )))
    .fetch_all(db.pool())
    .await?;
    for r in rows {
        out.entry(r.try_get("practice_id")?)
            .or_default()
            .push(r.try_get("v")?);
    }
    Ok(out)
}

async fn objectives_of(db: &Db, ids: &[String]) -> Result<HashMap<String, Vec<u8>>, DbError> {
    let mut out: HashMap<String, Vec<u8>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT DISTINCT entity_id, objective FROM framework_links WHERE entity = 'practice' \
         AND objective IS NOT NULL AND entity_id IN ({}) ORDER BY objective",
        in_list(ids)
    )))
    .fetch_all(db.pool())
    .await?;
    for r in rows {
        let n: i64 = r.try_get("objective")?;
        out.entry(r.try_get("entity_id")?)
            .or_default()
            .push(u8::try_from(n).unwrap_or(0));
    }
    Ok(out)
}

/// Counts per value of each facet, over the practices matching `filter`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    pub objective: Vec<(String, i64)>,
    pub principle: Vec<(String, i64)>,
    pub country: Vec<(String, i64)>,
    pub theme: Vec<(String, i64)>,
    pub stakeholder: Vec<(String, i64)>,
    pub lang: Vec<(String, i64)>,
    pub source: Vec<(String, i64)>,
    pub status: Vec<(String, i64)>,
    pub progress: Vec<(String, i64)>,
}

async fn facet(
    db: &Db,
    c: &Conditions,
    select: &str,
    from: &str,
) -> Result<Vec<(String, i64)>, DbError> {
    let sql = format!(
        "SELECT {select} AS v, CAST(COUNT(DISTINCT p.id) AS BIGINT) AS n FROM {from}{} \
         GROUP BY {select} ORDER BY n DESC, v",
        c.where_sql()
    );
    let rows = c
        .bind(sqlx::query(sqlx::AssertSqlSafe(sql)))
        .fetch_all(db.pool())
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        // Objective numbers come back as integers; everything else as text.
        let v = match r.try_get::<String, _>("v") {
            Ok(s) => s,
            Err(_) => r.try_get::<i64, _>("v")?.to_string(),
        };
        out.push((v, r.try_get("n")?));
    }
    Ok(out)
}

/// Facet counts for the explore page and the API.
pub async fn facets(db: &Db, filter: &Filter) -> Result<Facets, DbError> {
    let c = filter.conditions();
    let links =
        "practices p JOIN framework_links fl ON fl.entity = 'practice' AND fl.entity_id = p.id";
    let mut principle_c = c.clone();
    principle_c.fixed("fl.ref LIKE 'gcm:gp:%'");
    let mut objective_c = c.clone();
    objective_c.fixed("fl.objective IS NOT NULL");
    Ok(Facets {
        objective: facet(db, &objective_c, "fl.objective", links).await?,
        principle: facet(db, &principle_c, "fl.ref", links).await?,
        country: facet(
            db,
            &c,
            "x.country",
            "practices p JOIN practice_countries x ON x.practice_id = p.id",
        )
        .await?,
        theme: facet(
            db,
            &c,
            "x.theme",
            "practices p JOIN practice_themes x ON x.practice_id = p.id",
        )
        .await?,
        stakeholder: facet(
            db,
            &c,
            "x.kind",
            "practices p JOIN practice_stakeholders x ON x.practice_id = p.id",
        )
        .await?,
        lang: facet(db, &c, "p.original_lang", "practices p").await?,
        source: facet(db, &c, "p.source", "practices p").await?,
        status: facet(db, &c, "p.status", "practices p").await?,
        progress: {
            let mut with_progress = c.clone();
            with_progress.fixed("p.progress IS NOT NULL");
            facet(db, &with_progress, "p.progress", "practices p").await?
        },
    })
}

/// Practices per country among those matching `filter` (for the map).
pub async fn per_country(db: &Db, filter: &Filter) -> Result<Vec<(String, i64)>, DbError> {
    facet(
        db,
        &filter.conditions(),
        "x.country",
        "practices p JOIN practice_countries x ON x.practice_id = p.id",
    )
    .await
}

/// Every practice matching `filter`, fully read (for exports; the search index takes over
/// for anything interactive).
pub async fn read_all(db: &Db, filter: &Filter) -> Result<Vec<Practice>, DbError> {
    let (items, _) = list(db, filter, Sort::Oldest, "", i64::MAX / 4, 0).await?;
    let mut out = Vec::with_capacity(items.len());
    for s in items {
        if let Some(p) = get(db, &s.id).await? {
            out.push(p);
        }
    }
    Ok(out)
}
