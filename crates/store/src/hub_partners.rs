//! The connection hub's partner side (GCM para 43(a)(ii), (v)): partner profiles (declared
//! expertise by objective, presence, capacity, languages, and a donor's funding priorities),
//! the evidence the platform holds about each organisation (published practices by objective
//! and country, accepted partnerships), offers of support, and the ranked suggestions,
//! offer↔request matches and funding opportunities for a request.
//!
//! Owns `partner_profiles`, `partner_expertise`, `partner_presence`, `donor_priorities`,
//! `hub_offers` and `hub_offer_places`; offer texts live in `translations` and their
//! objectives in `framework_links` (entity `hub_offer`). Reads requests (`hub_requests`,
//! `hub_request_support`, `framework_links` entity `hub_request`) without writing them. The
//! weighing itself is `gcm_core::hub_score`. Every write appends to `change_log` and
//! `audit_log` in its transaction.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use gcm_compact::Compact;
use gcm_core::geo;
use gcm_core::hub::{BudgetRange, StaffRange, SupportKind};
use gcm_core::hub_score::{
    self, Candidate, Evidence, Needs, OfferMatch, OfferTerms, Places, PriorityMatch, PriorityTerms,
    Suggestion,
};
use serde::Serialize;
use serde_json::json;
use sqlx::Row;

use crate::audit::{self, Actor, Entry};
use crate::change_log::{self, Op};
use crate::framework_links::{self, Link, TagError};
use crate::practices::Text;
use crate::{Db, DbError, new_id, now_rfc3339};

pub const PROFILE_ENTITY: &str = "partner_profile";
pub const OFFER_ENTITY: &str = "hub_offer";
pub const REQUEST_ENTITY: &str = "hub_request";
/// Longest offer title and profile summary, in characters.
pub const TITLE_MAX: usize = 300;
pub const TEXT_MAX: usize = 10_000;
/// Most rows of a kind in one profile (expertise has at most 23 anyway).
pub const PLACES_MAX: usize = 250;
pub const PRIORITIES_MAX: usize = 50;
/// Suggestions shown for a request.
pub const SUGGESTIONS: usize = 20;

/// Why a partner-side write was refused.
#[derive(Debug, thiserror::Error)]
pub enum PartnerError {
    #[error("no such organisation")]
    UnknownOrg,
    #[error("no such offer")]
    UnknownOffer,
    #[error("the field {0} is not valid")]
    Invalid(&'static str),
    #[error(transparent)]
    Tag(#[from] TagError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for PartnerError {
    fn from(e: sqlx::Error) -> Self {
        PartnerError::Db(DbError::Sqlx(e))
    }
}

/// Interface languages a profile or offer may name.
pub const LANGS: [&str; 5] = ["en", "fr", "es", "nb", "nl"];

/// A language code of work: any ISO 639-1 code (two lower-case letters), since partners work
/// in more languages than the interface has.
pub fn is_language(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// A country as stored (ISO alpha-3) from alpha-3 or alpha-2 input; `None` when unknown.
pub fn country_code(input: &str) -> Option<String> {
    let s = input.trim();
    match s.len() {
        3 => geo::country(s).map(|c| c.alpha3.clone()),
        2 => geo::country_by_alpha2(s).map(|c| c.alpha3.clone()),
        _ => None,
    }
}

/// An M49 region code as stored; `None` when unknown.
pub fn region_code(input: &str) -> Option<String> {
    geo::region(input.trim()).map(|r| r.code.clone())
}

fn split_words(s: Option<String>) -> Vec<String> {
    s.unwrap_or_default()
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// A quoted SQL list of codes already checked against the reference data (letters and
/// digits only), for `IN (…)` lists the `Any` driver cannot bind as arrays.
fn sql_list<'a>(codes: impl IntoIterator<Item = &'a String>) -> String {
    let items: Vec<String> = codes
        .into_iter()
        .filter(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_alphanumeric()))
        .map(|c| format!("'{c}'"))
        .collect();
    if items.is_empty() {
        "''".into()
    } else {
        items.join(",")
    }
}

// ---------------------------------------------------------------------------------------------
// Profiles

/// A funding priority a donor states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DonorPriority {
    pub id: String,
    /// `None`: any objective.
    pub objective: Option<u8>,
    /// M49 region; `None`: anywhere.
    pub region: Option<String>,
    /// Largest grant, US dollars.
    pub ceiling_usd: Option<i64>,
    pub note: Option<String>,
}

/// An organisation's partner profile with what it declared. `declared` is false when it has
/// not filled one in yet (the rest is then empty).
#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    pub org_id: String,
    pub org_name: String,
    pub org_kind: String,
    /// Home country (alpha-3).
    pub country: Option<String>,
    pub declared: bool,
    pub staff_range: Option<StaffRange>,
    pub budget_range: Option<BudgetRange>,
    pub languages: Vec<String>,
    pub summary: String,
    /// (objective, level 1–3), by objective.
    pub expertise: Vec<(u8, u8)>,
    pub presence: Places,
    pub priorities: Vec<DonorPriority>,
    pub updated_at: Option<String>,
}

/// What an organisation's focal point or editor writes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProfileInput {
    pub staff_range: Option<StaffRange>,
    pub budget_range: Option<BudgetRange>,
    pub languages: Vec<String>,
    pub summary: String,
    pub expertise: Vec<(u8, u8)>,
    /// Countries, alpha-3 (or alpha-2) codes.
    pub countries: Vec<String>,
    /// M49 region codes.
    pub regions: Vec<String>,
    pub priorities: Vec<PriorityInput>,
}

/// A donor priority as written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PriorityInput {
    pub objective: Option<u8>,
    pub region: Option<String>,
    pub ceiling_usd: Option<i64>,
    pub note: String,
}

impl ProfileInput {
    /// Checks every field and normalises codes; `Err` names the first bad field.
    pub fn checked(mut self) -> Result<ProfileInput, PartnerError> {
        if self.summary.trim().chars().count() > TEXT_MAX {
            return Err(PartnerError::Invalid("summary"));
        }
        self.summary = self.summary.trim().to_string();
        for l in &mut self.languages {
            *l = l.trim().to_ascii_lowercase();
            if !is_language(l) {
                return Err(PartnerError::Invalid("languages"));
            }
        }
        self.languages.sort();
        self.languages.dedup();
        let mut seen = HashSet::new();
        for (n, level) in &self.expertise {
            if !(1..=23).contains(n) || !seen.insert(*n) {
                return Err(PartnerError::Invalid("expertise"));
            }
            if !(1..=3).contains(level) {
                return Err(PartnerError::Invalid("expertise_level"));
            }
        }
        self.expertise.sort_unstable();
        if self.countries.len() > PLACES_MAX || self.regions.len() > PLACES_MAX {
            return Err(PartnerError::Invalid("countries"));
        }
        self.countries = self
            .countries
            .iter()
            .map(|c| country_code(c).ok_or(PartnerError::Invalid("countries")))
            .collect::<Result<_, _>>()?;
        self.countries.sort();
        self.countries.dedup();
        self.regions = self
            .regions
            .iter()
            .map(|c| region_code(c).ok_or(PartnerError::Invalid("regions")))
            .collect::<Result<_, _>>()?;
        self.regions.sort();
        self.regions.dedup();
        if self.priorities.len() > PRIORITIES_MAX {
            return Err(PartnerError::Invalid("priorities"));
        }
        for p in &mut self.priorities {
            if p.objective.is_some_and(|n| !(1..=23).contains(&n)) {
                return Err(PartnerError::Invalid("priority_objective"));
            }
            if let Some(r) = &p.region {
                p.region = Some(region_code(r).ok_or(PartnerError::Invalid("priority_region"))?);
            }
            if p.ceiling_usd.is_some_and(|c| c <= 0) {
                return Err(PartnerError::Invalid("priority_ceiling"));
            }
            if p.note.chars().count() > TITLE_MAX {
                return Err(PartnerError::Invalid("priority_note"));
            }
        }
        Ok(self)
    }
}

fn profile_snapshot(p: &ProfileInput) -> serde_json::Value {
    json!({
        "staff_range": p.staff_range.map(StaffRange::as_str),
        "budget_range": p.budget_range.map(BudgetRange::as_str),
        "languages": p.languages, "summary": p.summary, "expertise": p.expertise,
        "countries": p.countries, "regions": p.regions,
        "priorities": p.priorities.iter().map(|d| json!({
            "objective": d.objective, "region": d.region, "ceiling_usd": d.ceiling_usd,
            "note": d.note,
        })).collect::<Vec<_>>(),
    })
}

impl Profile {
    /// The profile as input (for the edit form and the audit's "before").
    pub fn input(&self) -> ProfileInput {
        ProfileInput {
            staff_range: self.staff_range,
            budget_range: self.budget_range,
            languages: self.languages.clone(),
            summary: self.summary.clone(),
            expertise: self.expertise.clone(),
            countries: self.presence.countries.clone(),
            regions: self.presence.regions.clone(),
            priorities: self
                .priorities
                .iter()
                .map(|d| PriorityInput {
                    objective: d.objective,
                    region: d.region.clone(),
                    ceiling_usd: d.ceiling_usd,
                    note: d.note.clone().unwrap_or_default(),
                })
                .collect(),
        }
    }
}

/// An organisation's profile; `None` when the organisation does not exist.
pub async fn profile(db: &Db, org_id: &str) -> Result<Option<Profile>, DbError> {
    let Some(org) = sqlx::query(
        "SELECT o.id, o.name, o.kind, o.country, p.staff_range, p.budget_range, p.languages, \
         p.summary, p.updated_at FROM organisations o \
         LEFT JOIN partner_profiles p ON p.org_id = o.id WHERE o.id = $1",
    )
    .bind(org_id)
    .fetch_optional(db.pool())
    .await?
    else {
        return Ok(None);
    };
    let expertise = sqlx::query(
        "SELECT objective, level FROM partner_expertise WHERE org_id = $1 ORDER BY objective",
    )
    .bind(org_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|r| {
        Ok((
            u8::try_from(r.try_get::<i64, _>("objective")?).unwrap_or(0),
            u8::try_from(r.try_get::<i64, _>("level")?).unwrap_or(0),
        ))
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let mut presence = Places::default();
    for r in sqlx::query(
        "SELECT place_kind, place FROM partner_presence WHERE org_id = $1 ORDER BY place",
    )
    .bind(org_id)
    .fetch_all(db.pool())
    .await?
    {
        let kind: String = r.try_get("place_kind")?;
        let place: String = r.try_get("place")?;
        if kind == "country" {
            presence.countries.push(place);
        } else {
            presence.regions.push(place);
        }
    }
    let priorities = sqlx::query(
        "SELECT id, objective, region, ceiling_usd, note FROM donor_priorities \
         WHERE org_id = $1 ORDER BY created_at, id",
    )
    .bind(org_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(priority_from_row)
    .collect::<Result<Vec<_>, _>>()?;
    let updated_at: Option<String> = org.try_get("updated_at")?;
    Ok(Some(Profile {
        org_id: org.try_get("id")?,
        org_name: org.try_get("name")?,
        org_kind: org.try_get("kind")?,
        country: org.try_get("country")?,
        declared: updated_at.is_some(),
        staff_range: org
            .try_get::<Option<String>, _>("staff_range")?
            .and_then(|s| StaffRange::parse(&s)),
        budget_range: org
            .try_get::<Option<String>, _>("budget_range")?
            .and_then(|s| BudgetRange::parse(&s)),
        languages: split_words(org.try_get("languages")?),
        summary: org
            .try_get::<Option<String>, _>("summary")?
            .unwrap_or_default(),
        expertise,
        presence,
        priorities,
        updated_at,
    }))
}

fn priority_from_row(r: &sqlx::any::AnyRow) -> Result<DonorPriority, sqlx::Error> {
    Ok(DonorPriority {
        id: r.try_get("id")?,
        objective: r
            .try_get::<Option<i64>, _>("objective")?
            .and_then(|n| u8::try_from(n).ok()),
        region: r.try_get("region")?,
        ceiling_usd: r.try_get("ceiling_usd")?,
        note: r.try_get("note")?,
    })
}

/// Writes an organisation's profile whole (expertise, presence and priorities replaced), in
/// one transaction with its audit entry.
pub async fn save_profile(
    db: &Db,
    actor: &Actor,
    user_id: &str,
    org_id: &str,
    input: ProfileInput,
) -> Result<(), PartnerError> {
    let input = input.checked()?;
    let before = profile(db, org_id).await?.ok_or(PartnerError::UnknownOrg)?;
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO partner_profiles (org_id, staff_range, budget_range, languages, summary, \
         updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (org_id) DO UPDATE SET staff_range = excluded.staff_range, \
         budget_range = excluded.budget_range, languages = excluded.languages, \
         summary = excluded.summary, updated_by = excluded.updated_by, \
         updated_at = excluded.updated_at",
    )
    .bind(org_id)
    .bind(input.staff_range.map(StaffRange::as_str))
    .bind(input.budget_range.map(BudgetRange::as_str))
    .bind(input.languages.join(" "))
    .bind(&input.summary)
    .bind(user_id)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    for table in ["partner_expertise", "partner_presence", "donor_priorities"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE org_id = $1"
        )))
        .bind(org_id)
        .execute(&mut *tx)
        .await?;
    }
    for (n, level) in &input.expertise {
        sqlx::query("INSERT INTO partner_expertise (org_id, objective, level) VALUES ($1, $2, $3)")
            .bind(org_id)
            .bind(i64::from(*n))
            .bind(i64::from(*level))
            .execute(&mut *tx)
            .await?;
    }
    for (kind, places) in [("country", &input.countries), ("region", &input.regions)] {
        for place in places {
            sqlx::query(
                "INSERT INTO partner_presence (org_id, place_kind, place) VALUES ($1, $2, $3)",
            )
            .bind(org_id)
            .bind(kind)
            .bind(place)
            .execute(&mut *tx)
            .await?;
        }
    }
    for p in &input.priorities {
        sqlx::query(
            "INSERT INTO donor_priorities (id, org_id, objective, region, ceiling_usd, note, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(new_id())
        .bind(org_id)
        .bind(p.objective.map(i64::from))
        .bind(p.region.as_deref())
        .bind(p.ceiling_usd)
        .bind(Some(p.note.trim()).filter(|s| !s.is_empty()))
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    change_log::append(&mut tx, PROFILE_ENTITY, org_id, Op::Upsert).await?;
    let mut entry = Entry::new("partner_profile.update", PROFILE_ENTITY, org_id)
        .after(profile_snapshot(&input));
    if before.declared {
        entry = entry.before(profile_snapshot(&before.input()));
    }
    audit::append(&mut tx, actor, entry).await?;
    tx.commit().await?;
    Ok(())
}

/// A line of the partner directory.
#[derive(Debug, Clone, Serialize)]
pub struct DirectoryEntry {
    pub org_id: String,
    pub org_name: String,
    pub org_kind: String,
    pub country: Option<String>,
    /// Declared expertise (objective, level).
    pub expertise: Vec<(u8, u8)>,
    pub languages: Vec<String>,
}

/// Organisations with a partner profile, by name, filtered by declared expertise on an
/// objective and by presence in a country (directly, through a region containing it, or as
/// home country) or a region: `limit` of them from `offset`, and how many match in all.
pub async fn directory(
    db: &Db,
    objective: Option<u8>,
    country: Option<&str>,
    region: Option<&str>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<DirectoryEntry>, i64), DbError> {
    let mut sql =
        String::from("FROM partner_profiles p JOIN organisations o ON o.id = p.org_id WHERE 1 = 1");
    if let Some(n) = objective {
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM partner_expertise e WHERE e.org_id = o.id AND e.objective = {n})"
        ));
    }
    if let Some(c) = country.and_then(geo::country) {
        let regions: Vec<String> = c.region_codes().map(str::to_string).collect();
        sql.push_str(&format!(
            " AND (o.country = '{a}' OR EXISTS (SELECT 1 FROM partner_presence pp \
             WHERE pp.org_id = o.id AND ((pp.place_kind = 'country' AND pp.place = '{a}') \
             OR (pp.place_kind = 'region' AND pp.place IN ({r})))))",
            a = sql_list([&c.alpha3]).trim_matches('\''),
            r = sql_list(&regions),
        ));
    }
    if let Some(r) = region.and_then(geo::region) {
        let countries: Vec<String> = geo::countries_in_region(&r.code)
            .iter()
            .map(|c| c.alpha3.clone())
            .collect();
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM partner_presence pp WHERE pp.org_id = o.id AND \
             ((pp.place_kind = 'region' AND pp.place = '{code}') OR \
             (pp.place_kind = 'country' AND pp.place IN ({cs}))))",
            code = r.code.trim_matches('\''),
            cs = sql_list(&countries),
        ));
    }
    let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) {sql}")))
        .fetch_one(db.pool())
        .await?;
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT o.id, o.name, o.kind, o.country, p.languages {sql} ORDER BY o.name, o.id \
         LIMIT {} OFFSET {}",
        limit.max(0),
        offset.max(0)
    )))
    .fetch_all(db.pool())
    .await?;
    let mut ids = Vec::with_capacity(rows.len());
    for r in &rows {
        ids.push(r.try_get::<String, _>("id")?);
    }
    if ids.is_empty() {
        return Ok((Vec::new(), total));
    }
    let mut expertise: HashMap<String, Vec<(u8, u8)>> = HashMap::new();
    for r in sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT org_id, objective, level FROM partner_expertise WHERE org_id IN ({}) \
         ORDER BY org_id, objective",
        crate::practices::in_list(&ids)
    )))
    .fetch_all(db.pool())
    .await?
    {
        expertise.entry(r.try_get("org_id")?).or_default().push((
            u8::try_from(r.try_get::<i64, _>("objective")?).unwrap_or(0),
            u8::try_from(r.try_get::<i64, _>("level")?).unwrap_or(0),
        ));
    }
    let entries = rows
        .iter()
        .map(|r| {
            let org_id: String = r.try_get("id")?;
            Ok(DirectoryEntry {
                expertise: expertise.remove(&org_id).unwrap_or_default(),
                org_name: r.try_get("name")?,
                org_kind: r.try_get("kind")?,
                country: r.try_get("country")?,
                languages: split_words(r.try_get("languages")?),
                org_id,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok((entries, total))
}

// ---------------------------------------------------------------------------------------------
// Evidence

/// What the platform shows of an organisation's work: its published practices by objective
/// and by country, and the hub requests it took part in as an accepted partner.
#[derive(Debug, Clone, Default, Serialize)]
pub struct OrgEvidence {
    pub practices: i64,
    /// (objective, published practices), by objective.
    pub by_objective: Vec<(u8, i64)>,
    /// (country alpha-3, published practices), most first.
    pub by_country: Vec<(String, i64)>,
    /// Accepted partnerships: (request id, role).
    pub partnerships: Vec<(String, String)>,
}

/// The evidence for one organisation's profile page.
pub async fn evidence(db: &Db, org_id: &str) -> Result<OrgEvidence, DbError> {
    let practices: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM practices WHERE org_id = $1 AND status = 'published'",
    )
    .bind(org_id)
    .fetch_one(db.pool())
    .await?;
    let mut by_objective = Vec::new();
    for r in sqlx::query(
        "SELECT f.objective, COUNT(DISTINCT p.id) AS n FROM practices p \
         JOIN framework_links f ON f.entity = 'practice' AND f.entity_id = p.id \
         WHERE p.org_id = $1 AND p.status = 'published' AND f.objective IS NOT NULL \
         GROUP BY f.objective ORDER BY f.objective",
    )
    .bind(org_id)
    .fetch_all(db.pool())
    .await?
    {
        by_objective.push((
            u8::try_from(r.try_get::<i64, _>("objective")?).unwrap_or(0),
            r.try_get::<i64, _>("n")?,
        ));
    }
    let mut by_country = Vec::new();
    for r in sqlx::query(
        "SELECT c.country, COUNT(*) AS n FROM practices p \
         JOIN practice_countries c ON c.practice_id = p.id \
         WHERE p.org_id = $1 AND p.status = 'published' \
         GROUP BY c.country ORDER BY n DESC, c.country",
    )
    .bind(org_id)
    .fetch_all(db.pool())
    .await?
    {
        by_country.push((r.try_get("country")?, r.try_get::<i64, _>("n")?));
    }
    let mut partnerships = Vec::new();
    for r in sqlx::query(
        "SELECT request_id, role FROM hub_request_partners WHERE org_id = $1 AND state = 'accepted' \
         ORDER BY invited_at",
    )
    .bind(org_id)
    .fetch_all(db.pool())
    .await?
    {
        partnerships.push((r.try_get("request_id")?, r.try_get("role")?));
    }
    Ok(OrgEvidence {
        practices,
        by_objective,
        by_country,
        partnerships,
    })
}

// ---------------------------------------------------------------------------------------------
// Requests as the partner side reads them

/// A request's needs with who asked and whether it is public.
#[derive(Debug, Clone, Serialize)]
pub struct RequestNeeds {
    pub id: String,
    pub reference: Option<String>,
    pub org_id: String,
    pub status: String,
    pub is_public: bool,
    pub title: String,
    pub title_lang: String,
    pub needs: Needs,
}

/// The needs of `countries`/`regions` for a country code as `hub_requests` stores it (the
/// schema says alpha-2; alpha-3 is read as well).
pub fn place_of(country: &str) -> (Option<String>, Vec<String>) {
    match country_code(country).and_then(|a| geo::country(&a)) {
        Some(c) => (
            Some(c.alpha3.clone()),
            c.region_codes().map(str::to_string).collect(),
        ),
        None => (None, Vec::new()),
    }
}

const REQUEST_COLUMNS: &str = "r.id, r.reference, r.org_id, r.status, r.is_public, r.country, r.languages, r.budget_usd, \
     r.original_lang";

async fn requests_where(
    db: &Db,
    clause: &str,
    bind: Option<&str>,
) -> Result<Vec<RequestNeeds>, DbError> {
    let sql = format!("SELECT {REQUEST_COLUMNS} FROM hub_requests r WHERE {clause}");
    let q = sqlx::query(sqlx::AssertSqlSafe(sql));
    let q = match bind {
        Some(b) => q.bind(b.to_string()),
        None => q,
    };
    let rows = q.fetch_all(db.pool()).await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let one = bind.filter(|_| rows.len() == 1);
    let filter = |alias: &str, col: &str| match one {
        Some(_) => format!(" AND {alias}.{col} = $1"),
        None => String::new(),
    };
    let bound = |sql: String| {
        let q = sqlx::query(sqlx::AssertSqlSafe(sql));
        match one {
            Some(b) => q.bind(b.to_string()),
            None => q,
        }
    };
    let mut objectives: HashMap<String, Vec<u8>> = HashMap::new();
    for r in bound(format!(
        "SELECT f.entity_id, f.objective FROM framework_links f WHERE f.entity = 'hub_request' \
         AND f.objective IS NOT NULL{}",
        filter("f", "entity_id")
    ))
    .fetch_all(db.pool())
    .await?
    {
        if let Ok(n) = u8::try_from(r.try_get::<i64, _>("objective")?) {
            objectives
                .entry(r.try_get("entity_id")?)
                .or_default()
                .push(n);
        }
    }
    let mut kinds: HashMap<String, Vec<SupportKind>> = HashMap::new();
    for r in bound(format!(
        "SELECT s.request_id, s.kind FROM hub_request_support s WHERE 1 = 1{}",
        filter("s", "request_id")
    ))
    .fetch_all(db.pool())
    .await?
    {
        if let Some(k) = SupportKind::parse(&r.try_get::<String, _>("kind")?) {
            kinds.entry(r.try_get("request_id")?).or_default().push(k);
        }
    }
    let mut titles: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for r in bound(format!(
        "SELECT t.entity_id, t.lang, t.text FROM translations t WHERE t.entity = 'hub_request' \
         AND t.field = 'title'{}",
        filter("t", "entity_id")
    ))
    .fetch_all(db.pool())
    .await?
    {
        titles
            .entry(r.try_get("entity_id")?)
            .or_default()
            .push((r.try_get("lang")?, r.try_get("text")?));
    }
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let id: String = r.try_get("id")?;
        let (country, regions) = place_of(&r.try_get::<String, _>("country")?);
        let mut objs = objectives.remove(&id).unwrap_or_default();
        objs.sort_unstable();
        objs.dedup();
        let original: String = r.try_get("original_lang")?;
        let ts = titles.remove(&id).unwrap_or_default();
        let (title_lang, title) = ts
            .iter()
            .find(|(l, _)| *l == original)
            .or_else(|| ts.first())
            .cloned()
            .unwrap_or_else(|| (original.clone(), String::new()));
        out.push(RequestNeeds {
            reference: r.try_get("reference")?,
            org_id: r.try_get("org_id")?,
            status: r.try_get("status")?,
            is_public: r.try_get::<i64, _>("is_public")? != 0,
            title,
            title_lang,
            needs: Needs {
                objectives: objs,
                country,
                regions,
                support_kinds: kinds.remove(&id).unwrap_or_default(),
                languages: split_words(r.try_get("languages")?),
                budget_usd: r.try_get("budget_usd")?,
            },
            id,
        });
    }
    Ok(out)
}

/// One request's needs; `None` when there is no such request.
pub async fn request_needs(db: &Db, id: &str) -> Result<Option<RequestNeeds>, DbError> {
    Ok(requests_where(db, "r.id = $1", Some(id))
        .await?
        .into_iter()
        .next())
}

/// The title of a request in `lang` when it has one.
pub async fn request_title(
    db: &Db,
    id: &str,
    lang: &str,
) -> Result<Option<(String, String)>, DbError> {
    let row = sqlx::query(
        "SELECT lang, text FROM translations WHERE entity = 'hub_request' AND entity_id = $1 \
         AND field = 'title' ORDER BY CASE WHEN lang = $2 THEN 0 ELSE 1 END, lang",
    )
    .bind(id)
    .bind(lang)
    .fetch_optional(db.pool())
    .await?;
    row.map(|r| Ok((r.try_get("lang")?, r.try_get("text")?)))
        .transpose()
        .map_err(|e: sqlx::Error| DbError::from(e))
}

// ---------------------------------------------------------------------------------------------
// Suggestions

/// A ranked suggestion with the organisation's name.
#[derive(Debug, Clone, Serialize)]
pub struct NamedSuggestion {
    pub org_name: String,
    pub org_kind: String,
    #[serde(flatten)]
    pub suggestion: Suggestion,
}

/// What suggestions know of one organisation, whatever the request.
#[derive(Debug, Clone, Default)]
struct OrgFacts {
    name: String,
    kind: String,
    /// Its declared profile (all objectives, all places), as the score reads it.
    candidate: Candidate,
    /// Published practices per objective.
    practices_by_objective: Vec<(u8, i64)>,
    /// Published practices per country (its place in [`Universe::countries`]); an
    /// organisation works in a few countries, so a list is quicker to scan than a map.
    practices_by_country: Vec<(u16, i64)>,
    partnerships: i64,
}

/// Everything partner suggestions read that does not depend on the request: each
/// organisation's declared profile and its evidence, aggregated with one grouped query per
/// kind, and looked up by objective and place. Built when the database has changed since the
/// last build (the change log's last sequence number moved) or after [`UNIVERSE_MAX_AGE`],
/// and shared by every request, so a suggestion costs lookups in memory, not a pass over
/// 100 000 practices.
#[derive(Debug)]
pub struct Universe {
    /// The change log's last sequence number when built.
    seq: Option<i64>,
    built: std::time::Instant,
    /// How long building it took.
    build_time: std::time::Duration,
    orgs: Vec<OrgFacts>,
    /// Organisation id → its place in `orgs`.
    at: HashMap<String, usize>,
    /// Objective → organisations with declared expertise or published practices on it.
    by_objective: HashMap<u8, Vec<usize>>,
    /// (`country` | `region`, code) → organisations present there.
    by_place: HashMap<(String, String), Vec<usize>>,
    funders: Vec<usize>,
    /// Offers whose status is open (an end date may still have passed), newest first.
    open_offers: Vec<Offer>,
    /// The countries practices name (alpha-3), numbered so a request's neighbourhood is a
    /// table of flags rather than a set of strings.
    countries: HashMap<String, u16>,
}

/// A universe older than this is rebuilt even when the change log did not move: some facts
/// (an organisation's home country) change without a change-log row, and on PostgreSQL a
/// transaction may commit a lower sequence number after a higher one was read.
const UNIVERSE_MAX_AGE: std::time::Duration = std::time::Duration::from_secs(30);

/// A universe that took longer than this many milliseconds to build is rebuilt in the
/// background when stale, while readers keep the previous one; a quicker one is rebuilt before
/// answering (`Db::set_hub_inline_rebuild_max` changes the limit). A small instance (and every
/// test) so always answers from the current data, and a large one (about a second with 100 000
/// practices) never makes a reader wait for a rebuild after a write, at the price of answering
/// from data a rebuild old, as search answers from an index that follows the change log.
pub(crate) const INLINE_REBUILD_MAX_MS: u64 = 150;

async fn last_change(db: &Db) -> Result<Option<i64>, DbError> {
    let row = sqlx::query("SELECT MAX(seq) AS seq FROM change_log")
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get::<Option<i64>, _>("seq")?)
}

/// The current [`Universe`], rebuilt when stale. One rebuild at a time: a request that
/// finds it stale while another rebuilds waits for that rebuild, then uses it if it was built
/// from at least the change it saw; when the last build was slow (see
/// [`INLINE_REBUILD_MAX_MS`]) it answers from the stale one while the rebuild runs behind.
async fn universe(db: &Db) -> Result<Arc<Universe>, DbError> {
    let current = || {
        db.derived
            .hub_universe
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    };
    let fresh =
        |u: &Universe, seq: Option<i64>| u.seq >= seq && u.built.elapsed() < UNIVERSE_MAX_AGE;
    let seq = last_change(db).await?;
    if let Some(u) = current() {
        if fresh(&u, seq) {
            return Ok(u);
        }
        let inline_max = std::time::Duration::from_millis(
            db.derived
                .hub_inline_rebuild_max_ms
                .load(std::sync::atomic::Ordering::Relaxed),
        );
        if u.build_time > inline_max {
            // Only when no rebuild runs yet; one that runs will bring the change too, or the
            // next reader after it will start another.
            if let Ok(building) = db.derived.hub_universe_build.clone().try_lock_owned() {
                let db = db.clone();
                tokio::spawn(async move {
                    let _building = building;
                    match build_universe(&db, seq).await {
                        Ok(u) => {
                            keep(&db, u);
                        }
                        Err(e) => tracing::warn!(error = %e, "partner aggregates not rebuilt"),
                    }
                });
            }
            return Ok(u);
        }
    }
    let _building = db.derived.hub_universe_build.lock().await;
    if let Some(u) = current().filter(|u| fresh(u, seq)) {
        return Ok(u);
    }
    Ok(keep(db, build_universe(db, seq).await?))
}

/// Makes `u` the universe readers get.
fn keep(db: &Db, u: Universe) -> Arc<Universe> {
    let u = Arc::new(u);
    *db.derived
        .hub_universe
        .lock()
        .unwrap_or_else(|e| e.into_inner()) = Some(u.clone());
    u
}

/// Waits until no rebuild of the shared aggregates runs (for benchmarks and tests that
/// measure or need what a rebuild brings).
pub async fn settle(db: &Db) {
    let _idle = db.derived.hub_universe_build.lock().await;
}

async fn build_universe(db: &Db, seq: Option<i64>) -> Result<Universe, DbError> {
    let started = std::time::Instant::now();
    let mut orgs: Vec<OrgFacts> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for r in sqlx::query(
        "SELECT o.id, o.name, o.kind, o.country, p.staff_range, p.budget_range, p.languages \
         FROM organisations o LEFT JOIN partner_profiles p ON p.org_id = o.id",
    )
    .fetch_all(db.pool())
    .await?
    {
        let id: String = r.try_get("id")?;
        at.insert(id.clone(), orgs.len());
        orgs.push(OrgFacts {
            name: r.try_get("name")?,
            kind: r.try_get("kind")?,
            candidate: Candidate {
                org_id: id,
                home_country: r.try_get("country")?,
                staff: r
                    .try_get::<Option<String>, _>("staff_range")?
                    .and_then(|s| StaffRange::parse(&s)),
                budget: r
                    .try_get::<Option<String>, _>("budget_range")?
                    .and_then(|s| BudgetRange::parse(&s)),
                languages: split_words(r.try_get("languages")?),
                ..Candidate::default()
            },
            ..OrgFacts::default()
        });
    }
    let mut by_objective: HashMap<u8, Vec<usize>> = HashMap::new();
    let mut by_place: HashMap<(String, String), Vec<usize>> = HashMap::new();
    let mut funders = Vec::new();
    for r in sqlx::query("SELECT org_id, objective, level FROM partner_expertise")
        .fetch_all(db.pool())
        .await?
    {
        let Some(&i) = at.get(&r.try_get::<String, _>("org_id")?) else {
            continue;
        };
        let objective = u8::try_from(r.try_get::<i64, _>("objective")?).unwrap_or(0);
        let level = u8::try_from(r.try_get::<i64, _>("level")?).unwrap_or(0);
        if let Some(o) = orgs.get_mut(i) {
            o.candidate.expertise.push((objective, level));
        }
        by_objective.entry(objective).or_default().push(i);
    }
    for r in sqlx::query(
        "SELECT p.org_id, f.objective, COUNT(*) AS n FROM framework_links f \
         JOIN practices p ON p.id = f.entity_id \
         WHERE f.entity = 'practice' AND f.objective IS NOT NULL AND p.status = 'published' \
         AND p.org_id IS NOT NULL GROUP BY p.org_id, f.objective",
    )
    .fetch_all(db.pool())
    .await?
    {
        let Some(&i) = at.get(&r.try_get::<String, _>("org_id")?) else {
            continue;
        };
        let objective = u8::try_from(r.try_get::<i64, _>("objective")?).unwrap_or(0);
        if let Some(o) = orgs.get_mut(i) {
            o.practices_by_objective.push((objective, r.try_get("n")?));
            o.candidate.practice_objectives.push(objective);
        }
        by_objective.entry(objective).or_default().push(i);
    }
    let mut countries: HashMap<String, u16> = HashMap::new();
    for r in sqlx::query(
        "SELECT p.org_id, c.country, COUNT(*) AS n FROM practices p \
         JOIN practice_countries c ON c.practice_id = p.id \
         WHERE p.status = 'published' AND p.org_id IS NOT NULL GROUP BY p.org_id, c.country",
    )
    .fetch_all(db.pool())
    .await?
    {
        let Some(&i) = at.get(&r.try_get::<String, _>("org_id")?) else {
            continue;
        };
        let next = u16::try_from(countries.len()).unwrap_or(u16::MAX);
        let country = *countries.entry(r.try_get("country")?).or_insert(next);
        if let Some(o) = orgs.get_mut(i) {
            o.practices_by_country.push((country, r.try_get("n")?));
        }
    }
    for r in sqlx::query("SELECT org_id, place_kind, place FROM partner_presence")
        .fetch_all(db.pool())
        .await?
    {
        let Some(&i) = at.get(&r.try_get::<String, _>("org_id")?) else {
            continue;
        };
        let kind: String = r.try_get("place_kind")?;
        let place: String = r.try_get("place")?;
        if let Some(o) = orgs.get_mut(i) {
            if kind == "country" {
                o.candidate.presence.countries.push(place.clone());
            } else {
                o.candidate.presence.regions.push(place.clone());
            }
        }
        by_place.entry((kind, place)).or_default().push(i);
    }
    for r in sqlx::query(
        "SELECT DISTINCT org_id FROM donor_priorities UNION \
         SELECT DISTINCT org_id FROM hub_offers WHERE support_kind = 'financial' AND status = 'open'",
    )
    .fetch_all(db.pool())
    .await?
    {
        if let Some(&i) = at.get(&r.try_get::<String, _>("org_id")?) {
            if let Some(o) = orgs.get_mut(i) {
                o.candidate.is_funder = true;
            }
            funders.push(i);
        }
    }
    for r in sqlx::query(
        "SELECT org_id, COUNT(*) AS n FROM hub_request_partners WHERE state = 'accepted' \
         GROUP BY org_id",
    )
    .fetch_all(db.pool())
    .await?
    {
        if let Some(o) = at
            .get(&r.try_get::<String, _>("org_id")?)
            .and_then(|&i| orgs.get_mut(i))
        {
            o.partnerships = r.try_get("n")?;
        }
    }
    Ok(Universe {
        seq,
        built: std::time::Instant::now(),
        build_time: started.elapsed(),
        orgs,
        at,
        by_objective,
        by_place,
        funders,
        open_offers: read_offers(db, Scope::Open).await?,
        countries,
    })
}

impl Universe {
    /// The offers open on `today` from other organisations than the requester's that share an
    /// objective with the request (no other offer can match it).
    fn open_offers_for<'a>(
        &'a self,
        request: &'a RequestNeeds,
        today: &'a str,
    ) -> impl Iterator<Item = &'a Offer> {
        self.open_offers.iter().filter(move |o| {
            o.is_open(today)
                && o.org_id != request.org_id
                && o.objectives
                    .iter()
                    .any(|n| request.needs.objectives.contains(n))
        })
    }
}

impl OrgFacts {
    /// What the platform observed of this organisation in the request's terms: its
    /// practices on the request's objectives, in its country and nearby, its partnerships.
    /// `country` is the request's country and `near` flags the countries of its smallest
    /// region, both numbered as in [`Universe::countries`].
    fn evidence(&self, needs: &Needs, country: Option<u16>, near: &[bool]) -> Evidence {
        let mut in_country = 0;
        let mut in_region = 0;
        for &(c, n) in &self.practices_by_country {
            if Some(c) == country {
                in_country += n;
            }
            if near.get(usize::from(c)).copied().unwrap_or(false) {
                in_region += n;
            }
        }
        Evidence {
            practices_on_objectives: self
                .practices_by_objective
                .iter()
                .filter(|(o, _)| needs.objectives.contains(o))
                .map(|(_, n)| n)
                .sum(),
            practices_in_country: in_country,
            practices_in_region: in_region,
            partnerships: self.partnerships,
        }
    }
}

/// Partners suggested for a request, best first: every organisation with declared expertise
/// or published practices on the request's objectives, presence in its country, its regions
/// or worldwide, or (when money is sought) funding priorities or a financial offer, scored by
/// `gcm_core::hub_score`. The requesting organisation and organisations already invited are
/// left out. Reads the shared [`Universe`] and the request's invitations.
pub async fn suggestions(
    db: &Db,
    request: &RequestNeeds,
    limit: usize,
) -> Result<Vec<NamedSuggestion>, DbError> {
    let u = universe(db).await?;
    let mut invited: HashSet<String> = HashSet::new();
    for r in sqlx::query("SELECT org_id FROM hub_request_partners WHERE request_id = $1")
        .bind(&request.id)
        .fetch_all(db.pool())
        .await?
    {
        invited.insert(r.try_get("org_id")?);
    }
    invited.insert(request.org_id.clone());
    Ok(rank_in(&u, &request.needs, &invited, limit))
}

/// Organisations whose name contains `text` (case and accents as typed are ignored only for
/// case), by name, leaving out `excluded`: what the secretariat picks from when it invites
/// an organisation that was not suggested. At most `limit`; empty text finds nothing.
pub async fn find_organisations(
    db: &Db,
    text: &str,
    excluded: &HashSet<String>,
    limit: usize,
) -> Result<Vec<(String, String)>, DbError> {
    let text = text.trim().to_lowercase();
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let u = universe(db).await?;
    let mut found: Vec<(String, String)> = u
        .orgs
        .iter()
        .filter(|o| !excluded.contains(&o.candidate.org_id))
        .filter(|o| o.name.to_lowercase().contains(&text))
        .map(|o| (o.candidate.org_id.clone(), o.name.clone()))
        .collect();
    found.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    found.truncate(limit);
    Ok(found)
}

/// Ranks the universe's organisations for `needs`, leaving out `excluded`.
fn rank_in(
    u: &Universe,
    needs: &Needs,
    excluded: &HashSet<String>,
    limit: usize,
) -> Vec<NamedSuggestion> {
    // Organisations that fit an objective or a place, or fund when money is sought, as flags
    // (10 000 organisations: cheaper than sorting and deduplicating the lists).
    let mut picked = vec![false; u.orgs.len()];
    let mut pick = |list: Option<&Vec<usize>>| {
        for &i in list.into_iter().flatten() {
            if let Some(p) = picked.get_mut(i) {
                *p = true;
            }
        }
    };
    for o in &needs.objectives {
        pick(u.by_objective.get(o));
    }
    if let Some(country) = &needs.country {
        pick(u.by_place.get(&("country".to_owned(), country.clone())));
        for r in needs.regions.iter().map(String::as_str).chain([geo::WORLD]) {
            pick(u.by_place.get(&("region".to_owned(), r.to_owned())));
        }
    }
    if needs.support_kinds.contains(&SupportKind::Financial) {
        pick(Some(&u.funders));
    }
    for id in excluded {
        if let Some(p) = u.at.get(id).and_then(|&i| picked.get_mut(i)) {
            *p = false;
        }
    }
    // Practices in the countries of the request's smallest region count as nearby work.
    let number = |code: &str| u.countries.get(code).copied();
    let country = needs.country.as_deref().and_then(number);
    let mut near = vec![false; u.countries.len()];
    match (&needs.country, needs.regions.last()) {
        (Some(_), Some(r)) => {
            for c in geo::countries_in_region(r) {
                if let Some(flag) = number(&c.alpha3).and_then(|i| near.get_mut(usize::from(i))) {
                    *flag = true;
                }
            }
        }
        _ => {
            if let Some(flag) = country.and_then(|i| near.get_mut(usize::from(i))) {
                *flag = true;
            }
        }
    }
    let candidates = u
        .orgs
        .iter()
        .zip(&picked)
        .filter(|(_, p)| **p)
        .map(|(o, _)| (&o.candidate, o.evidence(needs, country, &near)));
    hub_score::rank(needs, candidates, limit)
        .into_iter()
        .map(|s| {
            let (org_name, org_kind) =
                u.at.get(&s.org_id)
                    .and_then(|&i| u.orgs.get(i))
                    .map(|o| (o.name.clone(), o.kind.clone()))
                    .unwrap_or_default();
            NamedSuggestion {
                org_name,
                org_kind,
                suggestion: s,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Offers

/// An offer of support.
#[derive(Debug, Clone, Serialize)]
pub struct Offer {
    pub id: String,
    pub org_id: String,
    pub org_name: String,
    pub support_kind: SupportKind,
    /// `open` or `closed`.
    pub status: String,
    pub languages: Vec<String>,
    pub ceiling_usd: Option<i64>,
    pub original_lang: String,
    pub until_on: Option<String>,
    pub objectives: Vec<u8>,
    pub places: Places,
    pub texts: Vec<Text>,
    pub created_by: String,
    pub created_at: String,
    pub updated_at: String,
}

impl Offer {
    /// The text of `field` in `lang`, else in the language it was written in.
    pub fn text(&self, field: &str, lang: &str) -> Option<&Text> {
        let of = |l: &str| self.texts.iter().find(|t| t.field == field && t.lang == l);
        of(lang)
            .or_else(|| of(&self.original_lang))
            .or_else(|| self.texts.iter().find(|t| t.field == field))
    }

    pub fn is_open(&self, today: &str) -> bool {
        self.status == "open" && self.until_on.as_deref().is_none_or(|u| u >= today)
    }

    pub fn terms(&self) -> OfferTerms {
        OfferTerms {
            support_kind: Some(self.support_kind),
            objectives: self.objectives.clone(),
            places: self.places.clone(),
            languages: self.languages.clone(),
            ceiling_usd: self.ceiling_usd,
        }
    }
}

/// What an organisation writes to publish an offer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OfferInput {
    pub org_id: String,
    pub support_kind: Option<SupportKind>,
    pub title: String,
    pub description: String,
    /// Language of the title and description.
    pub lang: String,
    pub objectives: Vec<u8>,
    pub countries: Vec<String>,
    pub regions: Vec<String>,
    pub languages: Vec<String>,
    pub ceiling_usd: Option<i64>,
    /// `YYYY-MM-DD`.
    pub until_on: Option<String>,
}

impl OfferInput {
    /// Checks every field and normalises codes; `Err` names the first bad field.
    pub fn checked(mut self) -> Result<OfferInput, PartnerError> {
        if self.support_kind.is_none() {
            return Err(PartnerError::Invalid("support_kind"));
        }
        self.title = self.title.trim().to_string();
        if self.title.is_empty() || self.title.chars().count() > TITLE_MAX {
            return Err(PartnerError::Invalid("title"));
        }
        self.description = self.description.trim().to_string();
        if self.description.chars().count() > TEXT_MAX {
            return Err(PartnerError::Invalid("description"));
        }
        if !LANGS.contains(&self.lang.as_str()) {
            return Err(PartnerError::Invalid("lang"));
        }
        self.objectives.sort_unstable();
        self.objectives.dedup();
        if self.objectives.is_empty() || self.objectives.iter().any(|n| !(1..=23).contains(n)) {
            return Err(PartnerError::Invalid("objectives"));
        }
        if self.countries.len() > PLACES_MAX || self.regions.len() > PLACES_MAX {
            return Err(PartnerError::Invalid("countries"));
        }
        self.countries = self
            .countries
            .iter()
            .map(|c| country_code(c).ok_or(PartnerError::Invalid("countries")))
            .collect::<Result<_, _>>()?;
        self.countries.sort();
        self.countries.dedup();
        self.regions = self
            .regions
            .iter()
            .map(|c| region_code(c).ok_or(PartnerError::Invalid("regions")))
            .collect::<Result<_, _>>()?;
        self.regions.sort();
        self.regions.dedup();
        for l in &mut self.languages {
            *l = l.trim().to_ascii_lowercase();
            if !is_language(l) {
                return Err(PartnerError::Invalid("languages"));
            }
        }
        self.languages.sort();
        self.languages.dedup();
        if self.ceiling_usd.is_some_and(|c| c <= 0) {
            return Err(PartnerError::Invalid("ceiling_usd"));
        }
        if let Some(u) = &self.until_on
            && crate::calls::parse_date(u).is_none()
        {
            return Err(PartnerError::Invalid("until_on"));
        }
        Ok(self)
    }

    fn snapshot(&self) -> serde_json::Value {
        json!({
            "org_id": self.org_id, "support_kind": self.support_kind.map(SupportKind::as_str),
            "title": self.title, "description": self.description, "lang": self.lang,
            "objectives": self.objectives, "countries": self.countries, "regions": self.regions,
            "languages": self.languages, "ceiling_usd": self.ceiling_usd, "until_on": self.until_on,
        })
    }
}

/// Publishes an offer; returns its id. The organisation must exist.
pub async fn create_offer(
    db: &Db,
    compact: &Compact,
    actor: &Actor,
    created_by: &str,
    input: OfferInput,
) -> Result<String, PartnerError> {
    let input = input.checked()?;
    let id = new_id();
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    let org: Option<String> = sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1")
        .bind(&input.org_id)
        .fetch_optional(&mut *tx)
        .await?;
    if org.is_none() {
        return Err(PartnerError::UnknownOrg);
    }
    sqlx::query(
        "INSERT INTO hub_offers (id, org_id, support_kind, status, languages, ceiling_usd, \
         original_lang, until_on, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9, $9)",
    )
    .bind(&id)
    .bind(&input.org_id)
    .bind(input.support_kind.map(SupportKind::as_str))
    .bind(input.languages.join(" "))
    .bind(input.ceiling_usd)
    .bind(&input.lang)
    .bind(input.until_on.as_deref())
    .bind(created_by)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    for (field, text) in [("title", &input.title), ("description", &input.description)] {
        if text.is_empty() {
            continue;
        }
        sqlx::query(
            "INSERT INTO translations (entity, entity_id, field, lang, text, origin, updated_at) \
             VALUES ($1, $2, $3, $4, $5, 'human', $6)",
        )
        .bind(OFFER_ENTITY)
        .bind(&id)
        .bind(field)
        .bind(&input.lang)
        .bind(text)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    for (kind, places) in [("country", &input.countries), ("region", &input.regions)] {
        for place in places {
            sqlx::query(
                "INSERT INTO hub_offer_places (offer_id, place_kind, place) VALUES ($1, $2, $3)",
            )
            .bind(&id)
            .bind(kind)
            .bind(place)
            .execute(&mut *tx)
            .await?;
        }
    }
    let links: Vec<Link> = input
        .objectives
        .iter()
        .map(|n| Link::new(format!("gcm:obj:{n}")))
        .collect();
    framework_links::replace(&mut tx, compact, OFFER_ENTITY, &id, &links).await?;
    change_log::append(&mut tx, OFFER_ENTITY, &id, Op::Upsert).await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("hub_offer.create", OFFER_ENTITY, &id).after(input.snapshot()),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Closes an offer. `Ok(false)` when it was already closed (nothing written).
pub async fn close_offer(db: &Db, actor: &Actor, id: &str) -> Result<bool, PartnerError> {
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    let status: Option<String> = sqlx::query_scalar("SELECT status FROM hub_offers WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    match status.as_deref() {
        None => return Err(PartnerError::UnknownOffer),
        Some("closed") => return Ok(false),
        Some(_) => {}
    }
    sqlx::query("UPDATE hub_offers SET status = 'closed', updated_at = $2 WHERE id = $1")
        .bind(id)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    change_log::append(&mut tx, OFFER_ENTITY, id, Op::Upsert).await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("hub_offer.close", OFFER_ENTITY, id)
            .before(json!({ "status": "open" }))
            .after(json!({ "status": "closed" })),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Which offers [`read_offers`] reads.
enum Scope<'a> {
    One(&'a str),
    /// Offers whose status is open.
    Open,
    All,
}

/// Reads offers with their texts, objectives and places, in four queries.
async fn read_offers(db: &Db, scope: Scope<'_>) -> Result<Vec<Offer>, DbError> {
    let id = match scope {
        Scope::One(id) => Some(id),
        _ => None,
    };
    let (cond, f, t, p) = match scope {
        Scope::One(_) => (
            " WHERE h.id = $1".to_string(),
            " AND entity_id = $1".to_string(),
            " AND entity_id = $1".to_string(),
            " WHERE offer_id = $1".to_string(),
        ),
        Scope::Open => {
            let sub = "(SELECT id FROM hub_offers WHERE status = 'open')";
            (
                " WHERE h.status = 'open'".to_string(),
                format!(" AND entity_id IN {sub}"),
                format!(" AND entity_id IN {sub}"),
                format!(" WHERE offer_id IN {sub}"),
            )
        }
        Scope::All => (String::new(), String::new(), String::new(), String::new()),
    };
    let q = |sql: String| {
        let q = sqlx::query(sqlx::AssertSqlSafe(sql));
        match id {
            Some(i) => q.bind(i.to_string()),
            None => q,
        }
    };
    let rows = q(format!(
        "SELECT h.*, o.name AS org_name FROM hub_offers h JOIN organisations o ON o.id = h.org_id{cond} \
         ORDER BY h.created_at DESC, h.id"
    ))
    .fetch_all(db.pool())
    .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let mut texts: HashMap<String, Vec<Text>> = HashMap::new();
    for r in q(format!(
        "SELECT entity_id, field, lang, text, origin FROM translations WHERE entity = 'hub_offer'{t}"
    ))
    .fetch_all(db.pool())
    .await?
    {
        texts.entry(r.try_get("entity_id")?).or_default().push(Text {
            field: r.try_get("field")?,
            lang: r.try_get("lang")?,
            text: r.try_get("text")?,
            origin: r.try_get("origin")?,
        });
    }
    let mut objectives: HashMap<String, Vec<u8>> = HashMap::new();
    for r in q(format!(
        "SELECT entity_id, objective FROM framework_links WHERE entity = 'hub_offer' \
         AND objective IS NOT NULL{f}"
    ))
    .fetch_all(db.pool())
    .await?
    {
        if let Ok(n) = u8::try_from(r.try_get::<i64, _>("objective")?) {
            objectives
                .entry(r.try_get("entity_id")?)
                .or_default()
                .push(n);
        }
    }
    let mut places: HashMap<String, Places> = HashMap::new();
    for r in q(format!(
        "SELECT offer_id, place_kind, place FROM hub_offer_places{p} ORDER BY place"
    ))
    .fetch_all(db.pool())
    .await?
    {
        let e = places.entry(r.try_get("offer_id")?).or_default();
        let kind: String = r.try_get("place_kind")?;
        if kind == "country" {
            e.countries.push(r.try_get("place")?);
        } else {
            e.regions.push(r.try_get("place")?);
        }
    }
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let id: String = r.try_get("id")?;
        let Some(kind) = SupportKind::parse(&r.try_get::<String, _>("support_kind")?) else {
            continue;
        };
        let mut objs = objectives.remove(&id).unwrap_or_default();
        objs.sort_unstable();
        objs.dedup();
        let mut ts = texts.remove(&id).unwrap_or_default();
        ts.sort_by(|a, b| (&a.field, &a.lang).cmp(&(&b.field, &b.lang)));
        out.push(Offer {
            org_id: r.try_get("org_id")?,
            org_name: r.try_get("org_name")?,
            support_kind: kind,
            status: r.try_get("status")?,
            languages: split_words(r.try_get("languages")?),
            ceiling_usd: r.try_get("ceiling_usd")?,
            original_lang: r.try_get("original_lang")?,
            until_on: r.try_get("until_on")?,
            objectives: objs,
            places: places.remove(&id).unwrap_or_default(),
            texts: ts,
            created_by: r.try_get("created_by")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
            id,
        });
    }
    Ok(out)
}

/// One offer.
pub async fn offer(db: &Db, id: &str) -> Result<Option<Offer>, DbError> {
    Ok(read_offers(db, Scope::One(id)).await?.into_iter().next())
}

/// Filters for the list of offers.
#[derive(Debug, Clone, Default)]
pub struct OfferFilter {
    pub kind: Option<SupportKind>,
    pub objective: Option<u8>,
    /// Alpha-3: offers applying there (by country, a region containing it, or anywhere).
    pub country: Option<String>,
    /// M49: offers naming the region, a country in it, or anywhere.
    pub region: Option<String>,
    pub language: Option<String>,
    /// Closed and expired offers too.
    pub include_closed: bool,
    pub org_id: Option<String>,
}

/// Offers, newest first, filtered.
pub async fn offers(db: &Db, f: &OfferFilter, today: &str) -> Result<Vec<Offer>, DbError> {
    let country = f.country.as_deref().and_then(geo::country);
    let region_countries: Vec<String> = f
        .region
        .as_deref()
        .map(|r| {
            geo::countries_in_region(r)
                .iter()
                .map(|c| c.alpha3.clone())
                .collect()
        })
        .unwrap_or_default();
    let mut all = read_offers(db, Scope::All).await?;
    all.retain(|o| {
        (f.include_closed || o.is_open(today))
            && f.kind.is_none_or(|k| o.support_kind == k)
            && f.objective.is_none_or(|n| o.objectives.contains(&n))
            && f.language.as_ref().is_none_or(|l| o.languages.contains(l))
            && f.org_id.as_ref().is_none_or(|id| &o.org_id == id)
            && country.is_none_or(|c| {
                o.places.is_empty()
                    || o.places.countries.contains(&c.alpha3)
                    || o.places.regions.iter().any(|r| c.is_in_region(r))
            })
            && f.region.as_ref().is_none_or(|r| {
                o.places.is_empty()
                    || o.places.regions.contains(r)
                    || o.places
                        .countries
                        .iter()
                        .any(|c| region_countries.contains(c))
            })
    });
    Ok(all)
}

/// A request an offer matches, with how.
#[derive(Debug, Clone, Serialize)]
pub struct RequestMatch {
    pub request_id: String,
    pub reference: Option<String>,
    pub title: String,
    pub title_lang: String,
    pub status: String,
    pub is_public: bool,
    pub country: Option<String>,
    #[serde(flatten)]
    pub matched: OfferMatch,
}

/// Request steps in which partners and support are still sought.
pub const SEEKING: [&str; 4] = ["received", "under_assessment", "accepted", "matching"];

/// The requests an offer matches, best first; only public ones unless `all`.
pub async fn requests_for_offer(
    db: &Db,
    offer: &Offer,
    all: bool,
) -> Result<Vec<RequestMatch>, DbError> {
    let seeking = SEEKING
        .iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(",");
    let mut clause = format!("r.status IN ({seeking})");
    if !all {
        clause.push_str(" AND r.is_public = 1");
    }
    let terms = offer.terms();
    let mut out: Vec<RequestMatch> = requests_where(db, &clause, None)
        .await?
        .into_iter()
        .filter(|r| r.org_id != offer.org_id)
        .filter_map(|r| {
            hub_score::match_offer(&r.needs, &terms).map(|m| RequestMatch {
                request_id: r.id,
                reference: r.reference,
                title: r.title,
                title_lang: r.title_lang,
                status: r.status,
                is_public: r.is_public,
                country: r.needs.country,
                matched: m,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.matched
            .score
            .total_cmp(&a.matched.score)
            .then_with(|| a.request_id.cmp(&b.request_id))
    });
    Ok(out)
}

/// The open offers a request matches, best first.
pub async fn offers_for_request(
    db: &Db,
    request: &RequestNeeds,
    today: &str,
) -> Result<Vec<(Offer, OfferMatch)>, DbError> {
    let u = universe(db).await?;
    let mut out: Vec<(Offer, OfferMatch)> = u
        .open_offers_for(request, today)
        .filter_map(|o| hub_score::match_offer(&request.needs, &o.terms()).map(|m| (o.clone(), m)))
        .collect();
    out.sort_by(|a, b| {
        b.1.score
            .total_cmp(&a.1.score)
            .then_with(|| a.0.id.cmp(&b.0.id))
    });
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Funding opportunities

/// Where a funding opportunity comes from. The start-up fund (a later issue) adds itself as
/// one more source here and in [`funding`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum FundingSource {
    /// An open offer of financial support.
    Offer { offer_id: String, title: String },
    /// A funding priority a donor states in its profile.
    DonorPriority { priority_id: String },
}

/// A funding opportunity for a request, ranked.
#[derive(Debug, Clone, Serialize)]
pub struct FundingOpportunity {
    #[serde(flatten)]
    pub source: FundingSource,
    pub org_id: String,
    pub org_name: String,
    /// 0–1.
    pub score: f64,
    /// The objectives of the request it names (empty: any objective).
    pub objectives: Vec<u8>,
    /// The region or places it names (empty: anywhere).
    pub places: Places,
    pub ceiling_usd: Option<i64>,
    /// Whether the ceiling covers the request's budget (`None`: one of them is not known).
    pub covers_budget: Option<bool>,
}

/// Financial offers matching the request.
async fn from_offers(
    db: &Db,
    request: &RequestNeeds,
    today: &str,
    lang: &str,
) -> Result<Vec<FundingOpportunity>, DbError> {
    Ok(universe(db)
        .await?
        .open_offers_for(request, today)
        .filter(|o| o.support_kind == SupportKind::Financial)
        .filter_map(|o| {
            let m = hub_score::match_offer(&request.needs, &o.terms())?;
            Some(FundingOpportunity {
                covers_budget: hub_score::offer_covers(&o.terms(), &request.needs),
                source: FundingSource::Offer {
                    offer_id: o.id.clone(),
                    title: o
                        .text("title", lang)
                        .map(|t| t.text.clone())
                        .unwrap_or_default(),
                },
                org_id: o.org_id.clone(),
                org_name: o.org_name.clone(),
                score: m.score,
                objectives: m.shared_objectives,
                places: o.places.clone(),
                ceiling_usd: o.ceiling_usd,
            })
        })
        .collect())
}

/// Donor priorities matching the request.
async fn from_priorities(
    db: &Db,
    request: &RequestNeeds,
) -> Result<Vec<FundingOpportunity>, DbError> {
    let rows = sqlx::query(
        "SELECT d.id, d.org_id, d.objective, d.region, d.ceiling_usd, d.note, o.name \
         FROM donor_priorities d JOIN organisations o ON o.id = d.org_id",
    )
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::new();
    for r in rows {
        let p = priority_from_row(&r)?;
        let org_id: String = r.try_get("org_id")?;
        if org_id == request.org_id {
            continue;
        }
        let terms = PriorityTerms {
            objective: p.objective,
            region: p.region.clone(),
            ceiling_usd: p.ceiling_usd,
        };
        let Some(PriorityMatch {
            score,
            objective,
            region,
            covers_budget,
        }) = hub_score::match_priority(&request.needs, &terms)
        else {
            continue;
        };
        out.push(FundingOpportunity {
            source: FundingSource::DonorPriority { priority_id: p.id },
            org_id,
            org_name: r.try_get("name")?,
            score,
            objectives: objective.into_iter().collect(),
            places: Places {
                countries: Vec::new(),
                regions: region.into_iter().collect(),
            },
            ceiling_usd: p.ceiling_usd,
            covers_budget,
        });
    }
    Ok(out)
}

/// Every funding opportunity for a request, best first, gathered from each source in turn:
/// financial offers and donors' stated priorities. (The start-up fund joins this list as a
/// source of its own when it lands.)
pub async fn funding(
    db: &Db,
    request: &RequestNeeds,
    today: &str,
    lang: &str,
) -> Result<Vec<FundingOpportunity>, DbError> {
    let mut out = from_offers(db, request, today, lang).await?;
    out.extend(from_priorities(db, request).await?);
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.org_name.cmp(&b.org_name))
            .then_with(|| a.org_id.cmp(&b.org_id))
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_checked_against_the_reference_data() {
        assert_eq!(country_code("sen").as_deref(), Some("SEN"));
        assert_eq!(country_code("SN").as_deref(), Some("SEN"));
        assert_eq!(country_code("XXX"), None);
        assert_eq!(region_code("011").as_deref(), Some("011"));
        assert_eq!(region_code("999"), None);
        let (c, r) = place_of("SN");
        assert_eq!(c.as_deref(), Some("SEN"));
        assert_eq!(r, ["002", "202", "011"]);
    }

    #[test]
    fn lists_in_sql_keep_only_plain_codes() {
        let codes = vec!["SEN".to_string(), "x' OR 1=1 --".to_string()];
        assert_eq!(sql_list(&codes), "'SEN'");
        assert_eq!(sql_list(&Vec::new()), "''");
    }

    #[test]
    fn profile_input_names_the_bad_field() {
        let bad = |p: ProfileInput| match p.checked() {
            Err(PartnerError::Invalid(f)) => f,
            _ => "",
        };
        assert_eq!(
            bad(ProfileInput {
                countries: vec!["XXX".into()],
                ..ProfileInput::default()
            }),
            "countries"
        );
        assert_eq!(
            bad(ProfileInput {
                expertise: vec![(24, 1)],
                ..ProfileInput::default()
            }),
            "expertise"
        );
        assert_eq!(
            bad(ProfileInput {
                expertise: vec![(3, 4)],
                ..ProfileInput::default()
            }),
            "expertise_level"
        );
        assert_eq!(
            bad(ProfileInput {
                priorities: vec![PriorityInput {
                    region: Some("999".into()),
                    ..PriorityInput::default()
                }],
                ..ProfileInput::default()
            }),
            "priority_region"
        );
    }
}
