//! Support requests of the connection hub (GCM para 43(a)(i)): a country's request, drafted
//! and submitted by its organisation, and the steps the secretariat takes it through.
//!
//! A request lives in `hub_requests` with its kinds of support (`hub_request_support`), its
//! national counterparts (`hub_request_counterparts`), its texts in `translations` (entity
//! `hub_request`) and its objectives, actions and guiding principles in `framework_links`.
//! Every step, question, answer and reminder is a row of `hub_request_events`. Each change and
//! its events, audit entry, change-log row and letters commit in one transaction; functions that
//! write letters take a [`Mailing`], which writes each in its recipient's language. Partners
//! and the workplan are in [`crate::hub_setup`].

use std::collections::HashMap;

use gcm_compact::{Compact, Ref};
use gcm_core::accounts::OrgKind;
use gcm_core::hub::{RequestStatus, SupportKind, request_reference};
use serde::Serialize;
use serde_json::json;
use sqlx::{AnyConnection, Row};
use time::{Date, OffsetDateTime};

use crate::audit::{self, Actor, Entry};
use crate::calls::{format_date, parse_date};
use crate::change_log::{self, Op};
use crate::framework_links::{self, Link};
use crate::letters::{self, Mailing, Recipient};
use crate::practices::Text;
use crate::{Backend, Db, DbError, new_id, now_rfc3339};

pub const ENTITY: &str = "hub_request";
/// The kinds of similar work a request's page lists (para 43(a)(iii)): practices, and other
/// requests (possible duplication or peer exchange).
pub const SIMILAR_KINDS: &[&str] = &["practice", ENTITY];
pub const TITLE_MAX: usize = 300;
pub const TEXT_MAX: usize = 20_000;
/// Longest reasons, advice, question or answer, in characters.
pub const NOTE_MAX: usize = 5_000;
/// The text fields of a request, in `translations`.
pub const TEXT_FIELDS: [&str; 5] = [
    "title",
    "description",
    "stakeholders_consulted",
    "existing_initiatives",
    "timeline",
];

/// Why a request could not be written or moved.
#[derive(Debug, thiserror::Error)]
pub enum HubError {
    #[error("no such request")]
    Unknown,
    /// Bad input: the field it is about.
    #[error("the field {0} is not valid")]
    Invalid(&'static str),
    /// A step out of order.
    #[error("a request cannot move from {} to {}", from.as_str(), to.as_str())]
    OutOfOrder {
        from: RequestStatus,
        to: RequestStatus,
    },
    /// A rule of the current step is not met (the code says which).
    #[error("{0}")]
    Conflict(&'static str),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for HubError {
    fn from(e: sqlx::Error) -> Self {
        HubError::Db(DbError::Sqlx(e))
    }
}

impl From<framework_links::TagError> for HubError {
    fn from(e: framework_links::TagError) -> Self {
        match e {
            framework_links::TagError::UnknownReference { .. } => HubError::Invalid("objectives"),
            framework_links::TagError::Db(e) => HubError::Db(e),
        }
    }
}

/// A national counterpart (whole-of-government): a ministry or agency and its part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Counterpart {
    pub name: String,
    #[serde(default)]
    pub role: String,
}

/// What the requester writes (drafts may leave most of it empty; submission checks the rest).
#[derive(Debug, Clone, Default)]
pub struct RequestInput {
    pub lang: String,
    pub title: String,
    pub description: String,
    pub stakeholders_consulted: String,
    pub existing_initiatives: String,
    pub timeline: String,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    pub objectives: Vec<u8>,
    /// Action references (`gcm:obj:20:c`).
    pub actions: Vec<String>,
    /// Guiding principle slugs (`human-rights`).
    pub principles: Vec<String>,
    pub support: Vec<SupportKind>,
    pub starts_on: Option<Date>,
    pub ends_on: Option<Date>,
    pub budget_usd: Option<i64>,
    pub budget_public: bool,
    pub is_public: bool,
    /// Language codes the work can be done in.
    pub languages: Vec<String>,
    pub counterparts: Vec<Counterpart>,
    pub endorsed_by_org: Option<String>,
    pub endorsed_on: Option<Date>,
    pub endorsement_note: String,
}

impl RequestInput {
    fn texts(&self) -> [(&'static str, &str); 5] {
        [
            ("title", self.title.trim()),
            ("description", self.description.trim()),
            ("stakeholders_consulted", self.stakeholders_consulted.trim()),
            ("existing_initiatives", self.existing_initiatives.trim()),
            ("timeline", self.timeline.trim()),
        ]
    }

    /// The rules every saved draft keeps (shape, not completeness); `Err` names the field.
    pub fn check(&self, compact: &Compact) -> Result<(), HubError> {
        if !is_lang(&self.lang) {
            return Err(HubError::Invalid("lang"));
        }
        let title = self.title.trim();
        if title.is_empty() || title.chars().count() > TITLE_MAX {
            return Err(HubError::Invalid("title"));
        }
        for (field, text) in self.texts() {
            if text.chars().count() > TEXT_MAX {
                return Err(HubError::Invalid(field));
            }
        }
        if gcm_core::geo::parse_country(self.country.trim()).is_err() {
            return Err(HubError::Invalid("country"));
        }
        if self.objectives.iter().any(|n| !(1..=23).contains(n)) {
            return Err(HubError::Invalid("objectives"));
        }
        for a in &self.actions {
            let ok = a.parse::<Ref>().ok().is_some_and(|r| {
                matches!(
                    r,
                    Ref::Objective {
                        action: Some(_),
                        ..
                    }
                ) && compact.check(&r).is_ok()
            });
            if !ok {
                return Err(HubError::Invalid("actions"));
            }
        }
        for p in &self.principles {
            if gcm_compact::GuidingPrinciple::from_slug(p).is_none() {
                return Err(HubError::Invalid("principles"));
            }
        }
        if let (Some(s), Some(e)) = (self.starts_on, self.ends_on)
            && e < s
        {
            return Err(HubError::Invalid("ends_on"));
        }
        if self.budget_usd.is_some_and(|b| b < 0) {
            return Err(HubError::Invalid("budget_usd"));
        }
        if self.languages.iter().any(|l| !is_lang(l)) {
            return Err(HubError::Invalid("languages"));
        }
        if self.counterparts.len() > 50
            || self.counterparts.iter().any(|c| {
                c.name.trim().is_empty()
                    || c.name.chars().count() > TITLE_MAX
                    || c.role.chars().count() > TITLE_MAX
            })
        {
            return Err(HubError::Invalid("counterparts"));
        }
        if self.endorsement_note.chars().count() > NOTE_MAX {
            return Err(HubError::Invalid("endorsement_note"));
        }
        Ok(())
    }

    fn links(&self) -> Vec<Link> {
        let mut objectives = self.objectives.clone();
        objectives.sort_unstable();
        objectives.dedup();
        let mut links: Vec<Link> = objectives
            .iter()
            .map(|n| Link::new(format!("gcm:obj:{n}")))
            .collect();
        let mut actions = self.actions.clone();
        actions.sort();
        actions.dedup();
        links.extend(actions.into_iter().map(Link::new));
        let mut principles = self.principles.clone();
        principles.sort();
        principles.dedup();
        links.extend(principles.iter().map(|p| Link::new(format!("gcm:gp:{p}"))));
        links
    }

    fn snapshot(&self) -> serde_json::Value {
        json!({
            "lang": self.lang, "title": self.title.trim(), "description": self.description.trim(),
            "country": self.country, "objectives": self.objectives, "actions": self.actions,
            "principles": self.principles,
            "support": self.support.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            "starts_on": self.starts_on.map(format_date), "ends_on": self.ends_on.map(format_date),
            "budget_usd": self.budget_usd, "budget_public": self.budget_public,
            "is_public": self.is_public, "languages": self.languages,
            "counterparts": self.counterparts, "endorsed_by_org": self.endorsed_by_org,
            "endorsed_on": self.endorsed_on.map(format_date),
        })
    }
}

fn is_lang(l: &str) -> bool {
    (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase())
}

/// A stored request: what it asks for and where it stands.
#[derive(Debug, Clone, Serialize)]
pub struct SupportRequest {
    pub id: String,
    /// `REQ-YYYY-NNNN` once submitted.
    pub reference: Option<String>,
    pub status: RequestStatus,
    pub org_id: String,
    pub org_name: String,
    pub org_kind: String,
    pub endorsed_by_org: Option<String>,
    pub endorsed_on: Option<String>,
    pub endorsement_note: Option<String>,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    /// UN M49 region.
    pub region: Option<String>,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub budget_usd: Option<i64>,
    pub languages: Vec<String>,
    pub original_lang: String,
    pub is_public: bool,
    pub budget_public: bool,
    pub created_by: String,
    pub created_at: String,
    pub updated_at: String,
    pub submitted_at: Option<String>,
    pub first_response_at: Option<String>,
    pub setup_done_at: Option<String>,
    pub status_since: String,
    pub reminded_at: Option<String>,
    pub texts: Vec<Text>,
    pub objectives: Vec<u8>,
    pub actions: Vec<String>,
    pub principles: Vec<String>,
    pub support: Vec<SupportKind>,
    pub counterparts: Vec<Counterpart>,
    /// The secretariat asked a question the requester has not answered yet.
    pub awaiting_answer: bool,
}

impl SupportRequest {
    /// The text of `field` in `lang`, else in the language it was written in, else any.
    pub fn text(&self, field: &str, lang: &str) -> Option<&Text> {
        let of = |l: &str| self.texts.iter().find(|t| t.field == field && t.lang == l);
        of(lang)
            .or_else(|| of(&self.original_lang))
            .or_else(|| self.texts.iter().find(|t| t.field == field))
    }

    /// The title in `lang` where possible.
    pub fn title(&self, lang: &str) -> String {
        self.text("title", lang)
            .map(|t| t.text.clone())
            .unwrap_or_default()
    }

    /// Whether people outside the request see it (its public part).
    pub fn is_visible_publicly(&self) -> bool {
        self.is_public && self.status != RequestStatus::Draft
    }
}

/// A step, question, answer or other thing that happened to a request.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub id: i64,
    pub at: String,
    pub by_user: Option<String>,
    /// The person's display name (for those who see the full request).
    pub by_name: Option<String>,
    pub kind: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub note: Option<String>,
    pub shared: bool,
}

/// Reads one request with everything it asks for; `None` when there is none.
pub async fn load(db: &Db, id: &str) -> Result<Option<SupportRequest>, DbError> {
    let mut conn = db.pool().acquire().await?;
    load_in(&mut conn, id).await
}

async fn load_in(conn: &mut AnyConnection, id: &str) -> Result<Option<SupportRequest>, DbError> {
    let Some(r) = sqlx::query(
        "SELECT h.*, o.name AS org_name, o.kind AS org_kind FROM hub_requests h \
         JOIN organisations o ON o.id = h.org_id WHERE h.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let status: String = r.try_get("status")?;
    let status = RequestStatus::parse(&status)
        .ok_or_else(|| DbError::Migration(format!("unknown request status {status:?}")))?;
    let mut texts = Vec::new();
    for t in sqlx::query(
        "SELECT field, lang, text, origin FROM translations WHERE entity = 'hub_request' \
         AND entity_id = $1 ORDER BY field, lang",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    {
        texts.push(Text {
            field: t.try_get("field")?,
            lang: t.try_get("lang")?,
            text: t.try_get("text")?,
            origin: t.try_get("origin")?,
        });
    }
    let (mut objectives, mut actions, mut principles) = (Vec::new(), Vec::new(), Vec::new());
    for l in sqlx::query(
        "SELECT ref FROM framework_links WHERE entity = 'hub_request' AND entity_id = $1 \
         ORDER BY ref",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    {
        let reference: String = l.try_get("ref")?;
        match reference.parse::<Ref>() {
            Ok(Ref::Objective {
                number,
                action: None,
            }) => objectives.push(number),
            Ok(Ref::Objective { .. }) => actions.push(reference),
            Ok(Ref::Principle(p)) => principles.push(p.slug().to_string()),
            _ => {}
        }
    }
    objectives.sort_unstable();
    let mut support = Vec::new();
    for k in sqlx::query_scalar::<_, String>(
        "SELECT kind FROM hub_request_support WHERE request_id = $1 ORDER BY kind",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    {
        if let Some(k) = SupportKind::parse(&k) {
            support.push(k);
        }
    }
    support.sort_by_key(|k| SupportKind::ALL.iter().position(|x| x == k));
    let mut counterparts = Vec::new();
    for c in sqlx::query(
        "SELECT name, role FROM hub_request_counterparts WHERE request_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    {
        counterparts.push(Counterpart {
            name: c.try_get("name")?,
            role: c.try_get::<Option<String>, _>("role")?.unwrap_or_default(),
        });
    }
    let last_clarification: Option<String> = sqlx::query_scalar(
        "SELECT kind FROM hub_request_events WHERE request_id = $1 \
         AND kind IN ('clarification_asked', 'clarification_answered') ORDER BY id DESC LIMIT 1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let languages: Option<String> = r.try_get("languages")?;
    Ok(Some(SupportRequest {
        id: r.try_get("id")?,
        reference: r.try_get("reference")?,
        status,
        org_id: r.try_get("org_id")?,
        org_name: r.try_get("org_name")?,
        org_kind: r.try_get("org_kind")?,
        endorsed_by_org: r.try_get("endorsed_by_org")?,
        endorsed_on: r.try_get("endorsed_on")?,
        endorsement_note: r.try_get("endorsement_note")?,
        country: r.try_get("country")?,
        region: r.try_get("region")?,
        starts_on: r.try_get("starts_on")?,
        ends_on: r.try_get("ends_on")?,
        budget_usd: r.try_get("budget_usd")?,
        languages: languages
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_string)
            .collect(),
        original_lang: r.try_get("original_lang")?,
        is_public: r.try_get::<i64, _>("is_public")? != 0,
        budget_public: r.try_get::<i64, _>("budget_public")? != 0,
        created_by: r.try_get("created_by")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
        submitted_at: r.try_get("submitted_at")?,
        first_response_at: r.try_get("first_response_at")?,
        setup_done_at: r.try_get("setup_done_at")?,
        status_since: r.try_get("status_since")?,
        reminded_at: r.try_get("reminded_at")?,
        texts,
        objectives,
        actions,
        principles,
        support,
        counterparts,
        awaiting_answer: last_clarification.as_deref() == Some("clarification_asked"),
    }))
}

/// The events of a request, oldest first, with the names of who acted.
pub async fn events(db: &Db, id: &str) -> Result<Vec<Event>, DbError> {
    let rows = sqlx::query(
        "SELECT e.*, u.display_name FROM hub_request_events e \
         LEFT JOIN users u ON u.id = e.by_user WHERE e.request_id = $1 ORDER BY e.id",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(Event {
            id: r.try_get("id")?,
            at: r.try_get("at")?,
            by_user: r.try_get("by_user")?,
            by_name: r.try_get("display_name")?,
            kind: r.try_get("kind")?,
            from_status: r.try_get("from_status")?,
            to_status: r.try_get("to_status")?,
            note: r.try_get("note")?,
            shared: r.try_get::<i64, _>("shared")? != 0,
        });
    }
    Ok(out)
}

/// Every request's id (for rebuilding derived indexes).
pub async fn all_ids(db: &Db) -> Result<Vec<String>, DbError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM hub_requests ORDER BY id")
            .fetch_all(db.pool())
            .await?,
    )
}

/// One line of a list of requests.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub id: String,
    pub reference: Option<String>,
    pub status: RequestStatus,
    pub org_id: String,
    pub org_name: String,
    pub country: String,
    pub region: Option<String>,
    pub is_public: bool,
    pub original_lang: String,
    pub title: String,
    pub title_lang: String,
    pub submitted_at: Option<String>,
    pub status_since: String,
    pub updated_at: String,
}

/// Which requests a list shows.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// Organisations whose requests (drafts included) the viewer may see in full.
    pub own_orgs: Vec<String>,
    /// Organisations invited as partners (their requests are shown once submitted).
    pub partner_orgs: Vec<String>,
    /// The secretariat sees every submitted request.
    pub all_submitted: bool,
    pub status: Option<RequestStatus>,
    pub country: Option<String>,
    pub objective: Option<u8>,
}

/// Requests the viewer may see, latest change first: public submitted requests, plus what the
/// filter opens up. Titles in `lang` where possible. One page of `limit` from `offset`, and how
/// many match over every page; visibility and filters are applied in SQL, so a page reads
/// only its own rows and titles.
pub async fn list(
    db: &Db,
    f: &ListFilter,
    lang: &str,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Summary>, i64), DbError> {
    use crate::practices::in_list;
    // Who may see what, as in `SupportRequest::is_visible_publicly` and the request's page:
    // its own organisations see drafts too; others see it once submitted, when public, when
    // invited as a partner, or as the secretariat.
    let mut seen_by = vec!["h.is_public <> 0".to_string()];
    if f.all_submitted {
        seen_by.push("1 = 1".into());
    }
    if !f.partner_orgs.is_empty() {
        seen_by.push(format!(
            "h.id IN (SELECT request_id FROM hub_request_partners WHERE state <> 'withdrawn' \
             AND org_id IN ({}))",
            in_list(&f.partner_orgs)
        ));
    }
    let mut sql = format!(
        "FROM hub_requests h JOIN organisations o ON o.id = h.org_id WHERE (h.org_id IN ({}) \
         OR (h.status <> '{}' AND ({})))",
        in_list(&f.own_orgs),
        RequestStatus::Draft.as_str(),
        seen_by.join(" OR ")
    );
    if let Some(s) = f.status {
        sql.push_str(&format!(" AND h.status = '{}'", s.as_str()));
    }
    if let Some(c) = &f.country {
        // Filters come validated (alpha-3 codes); quote defensively all the same.
        sql.push_str(&format!(
            " AND h.country = {}",
            in_list(std::slice::from_ref(c))
        ));
    }
    if let Some(n) = f.objective {
        sql.push_str(&format!(
            " AND h.id IN (SELECT entity_id FROM framework_links WHERE entity = '{ENTITY}' \
             AND objective = {n})"
        ));
    }
    let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) {sql}")))
        .fetch_one(db.pool())
        .await?;
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT h.id, h.reference, h.status, h.org_id, o.name AS org_name, h.country, h.region, \
         h.is_public, h.original_lang, h.submitted_at, h.status_since, h.updated_at {sql} \
         ORDER BY h.updated_at DESC, h.id DESC LIMIT {} OFFSET {}",
        limit.max(0),
        offset.max(0)
    )))
    .fetch_all(db.pool())
    .await?;
    let mut ids = Vec::with_capacity(rows.len());
    for r in &rows {
        ids.push(r.try_get::<String, _>("id")?);
    }
    let titles = titles(db, &ids).await?;
    let mut out = Vec::with_capacity(rows.len());
    for (r, id) in rows.into_iter().zip(ids) {
        let status: String = r.try_get("status")?;
        let Some(status) = RequestStatus::parse(&status) else {
            continue;
        };
        let original_lang: String = r.try_get("original_lang")?;
        let (title, title_lang) = pick_title(titles.get(&id), lang, &original_lang);
        out.push(Summary {
            reference: r.try_get("reference")?,
            status,
            org_id: r.try_get("org_id")?,
            org_name: r.try_get("org_name")?,
            country: r.try_get("country")?,
            region: r.try_get("region")?,
            is_public: r.try_get::<i64, _>("is_public")? != 0,
            title,
            title_lang,
            original_lang,
            submitted_at: r.try_get("submitted_at")?,
            status_since: r.try_get("status_since")?,
            updated_at: r.try_get("updated_at")?,
            id,
        });
    }
    Ok((out, total))
}

/// The titles of the requests `ids`, in every language they exist in.
async fn titles(
    db: &Db,
    ids: &[String],
) -> Result<HashMap<String, Vec<(String, String)>>, DbError> {
    let mut out: HashMap<String, Vec<(String, String)>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    for r in sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT entity_id, lang, text FROM translations WHERE entity = '{ENTITY}' \
         AND field = 'title' AND entity_id IN ({})",
        crate::practices::in_list(ids)
    )))
    .fetch_all(db.pool())
    .await?
    {
        out.entry(r.try_get("entity_id")?)
            .or_default()
            .push((r.try_get("lang")?, r.try_get("text")?));
    }
    Ok(out)
}

fn pick_title(
    titles: Option<&Vec<(String, String)>>,
    lang: &str,
    original: &str,
) -> (String, String) {
    let Some(ts) = titles else {
        return (String::new(), original.to_string());
    };
    ts.iter()
        .find(|(l, _)| l == lang)
        .or_else(|| ts.iter().find(|(l, _)| l == original))
        .or_else(|| ts.first())
        .map(|(l, t)| (t.clone(), l.clone()))
        .unwrap_or_else(|| (String::new(), original.to_string()))
}

/// The organisation a request is for must exist; a request not from a government must name
/// an endorsing government organisation of the same country, with the date.
async fn check_orgs(
    conn: &mut AnyConnection,
    org_id: &str,
    input: &RequestInput,
    for_submission: bool,
) -> Result<OrgKind, HubError> {
    let kind: Option<String> = sqlx::query_scalar("SELECT kind FROM organisations WHERE id = $1")
        .bind(org_id)
        .fetch_optional(&mut *conn)
        .await?;
    let kind = kind
        .and_then(|k| OrgKind::parse(&k))
        .ok_or(HubError::Invalid("org_id"))?;
    if let Some(e) = input.endorsed_by_org.as_deref() {
        let row = sqlx::query("SELECT kind, country FROM organisations WHERE id = $1")
            .bind(e)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(HubError::Invalid("endorsed_by_org"))?;
        let ekind: String = row.try_get("kind")?;
        let ecountry: Option<String> = row.try_get("country")?;
        if ekind != OrgKind::MemberStateGovernment.as_str()
            || ecountry.as_deref() != Some(country_code(&input.country).as_str())
        {
            return Err(HubError::Invalid("endorsed_by_org"));
        }
    }
    if for_submission && kind != OrgKind::MemberStateGovernment {
        if input.endorsed_by_org.is_none() {
            return Err(HubError::Invalid("endorsed_by_org"));
        }
        if input.endorsed_on.is_none() {
            return Err(HubError::Invalid("endorsed_on"));
        }
    }
    Ok(kind)
}

/// The alpha-3 code of a country as given (alpha-2 and numeric accepted), else as given.
pub fn country_code(s: &str) -> String {
    gcm_core::geo::parse_country(s.trim())
        .map(|c| c.alpha3.clone())
        .unwrap_or_else(|_| s.trim().to_string())
}

fn region_of(country: &str) -> Option<String> {
    gcm_core::geo::parse_country(country)
        .ok()
        .and_then(|c| c.region.clone())
}

async fn write_parts(
    conn: &mut AnyConnection,
    compact: &Compact,
    id: &str,
    input: &RequestInput,
    now: &str,
) -> Result<(), HubError> {
    for (field, text) in input.texts() {
        if text.is_empty() {
            sqlx::query(
                "DELETE FROM translations WHERE entity = $1 AND entity_id = $2 AND field = $3 \
                 AND lang = $4",
            )
            .bind(ENTITY)
            .bind(id)
            .bind(field)
            .bind(&input.lang)
            .execute(&mut *conn)
            .await?;
            continue;
        }
        sqlx::query(
            "INSERT INTO translations (entity, entity_id, field, lang, text, origin, updated_at) \
             VALUES ($1, $2, $3, $4, $5, 'human', $6) \
             ON CONFLICT (entity, entity_id, field, lang) \
             DO UPDATE SET text = excluded.text, origin = excluded.origin, updated_at = excluded.updated_at",
        )
        .bind(ENTITY)
        .bind(id)
        .bind(field)
        .bind(&input.lang)
        .bind(text)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    framework_links::replace(conn, compact, ENTITY, id, &input.links()).await?;
    sqlx::query("DELETE FROM hub_request_support WHERE request_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let mut kinds: Vec<&str> = input.support.iter().map(|k| k.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    for k in kinds {
        sqlx::query("INSERT INTO hub_request_support (request_id, kind) VALUES ($1, $2)")
            .bind(id)
            .bind(k)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("DELETE FROM hub_request_counterparts WHERE request_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for (i, c) in input.counterparts.iter().enumerate() {
        sqlx::query(
            "INSERT INTO hub_request_counterparts (request_id, position, name, role) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(i64::try_from(i).unwrap_or(i64::MAX))
        .bind(c.name.trim())
        .bind(Some(c.role.trim()).filter(|r| !r.is_empty()))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Appends an event on the transaction's connection.
pub(crate) async fn add_event(
    conn: &mut AnyConnection,
    request_id: &str,
    by_user: Option<&str>,
    kind: &str,
    from_to: Option<(RequestStatus, RequestStatus)>,
    note: Option<&str>,
    shared: bool,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO hub_request_events (request_id, at, by_user, kind, from_status, to_status, \
         note, shared) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(request_id)
    .bind(now_rfc3339())
    .bind(by_user)
    .bind(kind)
    .bind(from_to.map(|(f, _)| f.as_str()))
    .bind(from_to.map(|(_, t)| t.as_str()))
    .bind(note)
    .bind(i64::from(shared))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Saves a new draft for `org_id`; returns its id.
pub async fn create_draft(
    db: &Db,
    compact: &Compact,
    actor: &Actor,
    org_id: &str,
    input: &RequestInput,
) -> Result<String, HubError> {
    input.check(compact)?;
    let id = new_id();
    let now = now_rfc3339();
    let country = country_code(&input.country);
    let mut tx = db.begin_write().await?;
    check_orgs(&mut tx, org_id, input, false).await?;
    sqlx::query(
        "INSERT INTO hub_requests (id, status, org_id, endorsed_by_org, endorsed_on, \
         endorsement_note, country, region, starts_on, ends_on, budget_usd, languages, \
         original_lang, is_public, budget_public, created_by, created_at, updated_at, \
         status_since) VALUES ($1, 'draft', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, \
         $14, $15, $16, $16, $16)",
    )
    .bind(&id)
    .bind(org_id)
    .bind(input.endorsed_by_org.as_deref())
    .bind(input.endorsed_on.map(format_date))
    .bind(Some(input.endorsement_note.trim()).filter(|n| !n.is_empty()))
    .bind(&country)
    .bind(region_of(&country))
    .bind(input.starts_on.map(format_date))
    .bind(input.ends_on.map(format_date))
    .bind(input.budget_usd)
    .bind(Some(input.languages.join(" ")).filter(|l| !l.is_empty()))
    .bind(&input.lang)
    .bind(i64::from(input.is_public))
    .bind(i64::from(input.budget_public))
    .bind(actor.user_id.as_deref().unwrap_or(""))
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    write_parts(&mut tx, compact, &id, input, &now).await?;
    add_event(
        &mut tx,
        &id,
        actor.user_id.as_deref(),
        "drafted",
        None,
        None,
        false,
    )
    .await?;
    change_log::append(&mut tx, ENTITY, &id, Op::Upsert).await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("hub_request.create", ENTITY, &id).after(input.snapshot()),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Replaces a draft's content. Only drafts may change (409 otherwise).
pub async fn update_draft(
    db: &Db,
    compact: &Compact,
    actor: &Actor,
    id: &str,
    input: &RequestInput,
) -> Result<(), HubError> {
    input.check(compact)?;
    let now = now_rfc3339();
    let country = country_code(&input.country);
    let mut tx = db.begin_write().await?;
    let before = load_in(&mut tx, id).await?.ok_or(HubError::Unknown)?;
    if !before.status.is_editable() {
        return Err(HubError::Conflict("hub_request_not_draft"));
    }
    check_orgs(&mut tx, &before.org_id, input, false).await?;
    sqlx::query(
        "UPDATE hub_requests SET endorsed_by_org = $2, endorsed_on = $3, endorsement_note = $4, \
         country = $5, region = $6, starts_on = $7, ends_on = $8, budget_usd = $9, \
         languages = $10, original_lang = $11, is_public = $12, budget_public = $13, \
         updated_at = $14 WHERE id = $1",
    )
    .bind(id)
    .bind(input.endorsed_by_org.as_deref())
    .bind(input.endorsed_on.map(format_date))
    .bind(Some(input.endorsement_note.trim()).filter(|n| !n.is_empty()))
    .bind(&country)
    .bind(region_of(&country))
    .bind(input.starts_on.map(format_date))
    .bind(input.ends_on.map(format_date))
    .bind(input.budget_usd)
    .bind(Some(input.languages.join(" ")).filter(|l| !l.is_empty()))
    .bind(&input.lang)
    .bind(i64::from(input.is_public))
    .bind(i64::from(input.budget_public))
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    if before.original_lang != input.lang {
        sqlx::query("DELETE FROM translations WHERE entity = $1 AND entity_id = $2 AND lang = $3")
            .bind(ENTITY)
            .bind(id)
            .bind(&before.original_lang)
            .execute(&mut *tx)
            .await?;
    }
    write_parts(&mut tx, compact, id, input, &now).await?;
    change_log::append(&mut tx, ENTITY, id, Op::Upsert).await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("hub_request.update", ENTITY, id).after(input.snapshot()),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What a submission needs beyond a saved draft; `Err` names the first missing field.
fn check_complete(r: &SupportRequest) -> Result<(), HubError> {
    let has = |f: &str| r.text(f, &r.original_lang).is_some();
    if !has("description") {
        return Err(HubError::Invalid("description"));
    }
    if r.objectives.is_empty() {
        return Err(HubError::Invalid("objectives"));
    }
    if r.support.is_empty() {
        return Err(HubError::Invalid("support"));
    }
    if r.org_kind != OrgKind::MemberStateGovernment.as_str() {
        if r.endorsed_by_org.is_none() {
            return Err(HubError::Invalid("endorsed_by_org"));
        }
        if r.endorsed_on.is_none() {
            return Err(HubError::Invalid("endorsed_on"));
        }
        if r.endorsement_note.is_none() {
            return Err(HubError::Invalid("endorsement_note"));
        }
    }
    Ok(())
}

/// The PostgreSQL advisory lock that orders reference numbering (any constant no other lock
/// of the platform uses; the migrator's is another).
const REFERENCE_LOCK: i64 = 0x0048_5542_5f52_4546; // "HUB_REF"

/// How many times a submission is tried again when another one took the same reference.
const REFERENCE_ATTEMPTS: usize = 8;

/// Submits a draft: gives it its `REQ-YYYY-NNNN` reference and moves it to `received`.
/// Returns the reference.
pub async fn submit(db: &Db, mail: &Mailing, actor: &Actor, id: &str) -> Result<String, HubError> {
    let mut last = None;
    for _ in 0..REFERENCE_ATTEMPTS {
        match submit_once(db, mail, actor, id).await {
            Err(HubError::Db(DbError::Sqlx(sqlx::Error::Database(e))))
                if e.kind() == sqlx::error::ErrorKind::UniqueViolation =>
            {
                // Another submission took the number between our read and our write
                // (PostgreSQL runs the two transactions side by side): read again.
                last = Some(HubError::Conflict("hub_reference_taken"));
            }
            other => return other,
        }
    }
    Err(last.unwrap_or(HubError::Conflict("hub_reference_taken")))
}

async fn submit_once(db: &Db, mail: &Mailing, actor: &Actor, id: &str) -> Result<String, HubError> {
    let now = now_rfc3339();
    let year = OffsetDateTime::now_utc().year();
    let mut tx = db.begin_write().await?;
    let r = load_in(&mut tx, id).await?.ok_or(HubError::Unknown)?;
    if r.status != RequestStatus::Draft {
        return Err(HubError::OutOfOrder {
            from: r.status,
            to: RequestStatus::Received,
        });
    }
    check_complete(&r)?;
    if db.backend() == Backend::Postgres {
        // Submissions take their numbers one after the other: without this, concurrent
        // transactions read the same last number and all but one would have to start over.
        // (SQLite's write transaction is already exclusive.) Held until commit or rollback.
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(REFERENCE_LOCK)
            .execute(&mut *tx)
            .await?;
    }
    let prefix = format!("REQ-{year:04}-");
    // Longest first, then highest: text order alone would put REQ-2026-9999 after -10000.
    let last: Option<String> = sqlx::query_scalar(
        "SELECT reference FROM hub_requests WHERE reference LIKE $1 \
         ORDER BY LENGTH(reference) DESC, reference DESC LIMIT 1",
    )
    .bind(format!("{prefix}%"))
    .fetch_optional(&mut *tx)
    .await?;
    let next = last
        .as_deref()
        .and_then(gcm_core::hub::parse_request_reference)
        .map(|(_, n)| n + 1)
        .unwrap_or(1);
    let reference = request_reference(year, next);
    sqlx::query(
        "UPDATE hub_requests SET reference = $2, status = 'received', submitted_at = $3, \
         status_since = $3, updated_at = $3, reminded_at = NULL WHERE id = $1",
    )
    .bind(id)
    .bind(&reference)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    add_event(
        &mut tx,
        id,
        actor.user_id.as_deref(),
        "step",
        Some((RequestStatus::Draft, RequestStatus::Received)),
        None,
        true,
    )
    .await?;
    let title = r.title(&r.original_lang);
    let path = format!("/hub/requests/{id}");
    for to in secretariat(&mut tx).await? {
        mail.send_in(
            &mut tx,
            &to,
            "hub.submitted",
            &path,
            &[
                ("reference", &reference),
                ("title", &title),
                ("org", &r.org_name),
            ],
        )
        .await?;
    }
    change_log::append(&mut tx, ENTITY, id, Op::Upsert).await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("hub_request.submit", ENTITY, id)
            .before(json!({ "status": "draft" }))
            .after(json!({ "status": "received", "reference": reference })),
    )
    .await?;
    tx.commit().await?;
    Ok(reference)
}

/// The secretariat (active accounts), with the language each reads.
pub(crate) async fn secretariat(conn: &mut AnyConnection) -> Result<Vec<Recipient>, DbError> {
    letters::recipients(
        conn,
        "SELECT u.email, u.lang FROM users u JOIN user_roles r ON r.user_id = u.id \
         WHERE r.role = 'secretariat' AND u.status = 'active' ORDER BY u.email",
        None,
    )
    .await
}

/// An organisation's focal points (active), with the language each reads.
pub(crate) async fn focal_points(
    conn: &mut AnyConnection,
    org_id: &str,
) -> Result<Vec<Recipient>, DbError> {
    letters::recipients(
        conn,
        "SELECT u.email, u.lang FROM users u JOIN memberships m ON m.user_id = u.id \
         WHERE m.org_id = $1 AND m.role = 'focal_point' AND m.status = 'active' \
         AND u.status = 'active' ORDER BY u.email",
        Some(org_id),
    )
    .await
}

/// Moves a request one step. `reasons` are required for declined and closed (422 `reasons`
/// without) and shown to the requester; for other steps they are the secretariat's advice.
/// Set-up rules: matching → implementation set-up needs an accepted partner; set-up → in
/// implementation needs an accepted lead and a milestone.
pub async fn move_to(
    db: &Db,
    mail: &Mailing,
    actor: &Actor,
    id: &str,
    to: RequestStatus,
    reasons: &str,
) -> Result<(), HubError> {
    let reasons = reasons.trim();
    if reasons.chars().count() > NOTE_MAX {
        return Err(HubError::Invalid("reasons"));
    }
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    let r = load_in(&mut tx, id).await?.ok_or(HubError::Unknown)?;
    if to == RequestStatus::Received || !r.status.may_move_to(to) {
        return Err(HubError::OutOfOrder { from: r.status, to });
    }
    if to.needs_reasons() && reasons.is_empty() {
        return Err(HubError::Invalid("reasons"));
    }
    if to == RequestStatus::ImplementationSetup {
        let accepted: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM hub_request_partners WHERE request_id = $1 AND state = 'accepted'",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        if accepted == 0 {
            return Err(HubError::Conflict("hub_needs_accepted_partner"));
        }
    }
    if to == RequestStatus::InImplementation {
        let lead: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM hub_request_partners WHERE request_id = $1 \
             AND state = 'accepted' AND role = 'lead'",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        let milestones: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM hub_milestones WHERE request_id = $1")
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
        if lead == 0 || milestones == 0 {
            return Err(HubError::Conflict("hub_needs_lead_and_milestone"));
        }
    }
    let first_response = r.first_response_at.is_none() && r.status == RequestStatus::Received;
    let setup_done = to == RequestStatus::InImplementation && r.setup_done_at.is_none();
    sqlx::query(
        "UPDATE hub_requests SET status = $2, status_since = $3, updated_at = $3, \
         reminded_at = NULL, \
         first_response_at = CASE WHEN $4 = 1 THEN $3 ELSE first_response_at END, \
         setup_done_at = CASE WHEN $5 = 1 THEN $3 ELSE setup_done_at END WHERE id = $1",
    )
    .bind(id)
    .bind(to.as_str())
    .bind(&now)
    .bind(i64::from(first_response))
    .bind(i64::from(setup_done))
    .execute(&mut *tx)
    .await?;
    add_event(
        &mut tx,
        id,
        actor.user_id.as_deref(),
        "step",
        Some((r.status, to)),
        Some(reasons).filter(|s| !s.is_empty()),
        true,
    )
    .await?;
    let reference = r.reference.clone().unwrap_or_default();
    let title = r.title(&r.original_lang);
    let path = format!("/hub/requests/{id}");
    for addr in focal_points(&mut tx, &r.org_id).await? {
        mail.send_in(
            &mut tx,
            &addr,
            "hub.step",
            &path,
            &[
                ("reference", &reference),
                ("title", &title),
                ("from", r.status.as_str()),
                ("to", to.as_str()),
                ("reasons", reasons),
            ],
        )
        .await?;
    }
    change_log::append(&mut tx, ENTITY, id, Op::Upsert).await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("hub_request.step", ENTITY, id)
            .before(json!({ "status": r.status.as_str() }))
            .after(json!({ "status": to.as_str(), "reasons": reasons })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The secretariat asks the requester a question (while received or under assessment);
/// the requester's focal points are mailed.
pub async fn ask_clarification(
    db: &Db,
    mail: &Mailing,
    actor: &Actor,
    id: &str,
    question: &str,
) -> Result<(), HubError> {
    clarification(db, mail, actor, id, question, true).await
}

/// The requester answers the secretariat's question; the secretariat is mailed.
pub async fn answer_clarification(
    db: &Db,
    mail: &Mailing,
    actor: &Actor,
    id: &str,
    answer: &str,
) -> Result<(), HubError> {
    clarification(db, mail, actor, id, answer, false).await
}

async fn clarification(
    db: &Db,
    mail: &Mailing,
    actor: &Actor,
    id: &str,
    text: &str,
    asking: bool,
) -> Result<(), HubError> {
    let text = text.trim();
    let field = if asking { "question" } else { "answer" };
    if text.is_empty() || text.chars().count() > NOTE_MAX {
        return Err(HubError::Invalid(field));
    }
    let mut tx = db.begin_write().await?;
    let r = load_in(&mut tx, id).await?.ok_or(HubError::Unknown)?;
    if r.status.is_final() || r.status == RequestStatus::Draft {
        return Err(HubError::Conflict("hub_request_not_open"));
    }
    if asking && r.awaiting_answer {
        return Err(HubError::Conflict("hub_answer_awaited"));
    }
    if !asking && !r.awaiting_answer {
        return Err(HubError::Conflict("hub_no_question"));
    }
    let kind = if asking {
        "clarification_asked"
    } else {
        "clarification_answered"
    };
    add_event(
        &mut tx,
        id,
        actor.user_id.as_deref(),
        kind,
        None,
        Some(text),
        true,
    )
    .await?;
    let now = now_rfc3339();
    // A first question counts as the secretariat's first response; either side's message
    // restarts the wait the reminders measure.
    sqlx::query(
        "UPDATE hub_requests SET updated_at = $2, reminded_at = NULL, \
         first_response_at = CASE WHEN $3 = 1 AND first_response_at IS NULL THEN $2 \
         ELSE first_response_at END WHERE id = $1",
    )
    .bind(id)
    .bind(&now)
    .bind(i64::from(asking))
    .execute(&mut *tx)
    .await?;
    let reference = r.reference.clone().unwrap_or_default();
    let (to, letter) = if asking {
        (focal_points(&mut tx, &r.org_id).await?, "hub.question")
    } else {
        (secretariat(&mut tx).await?, "hub.answered")
    };
    let path = format!("/hub/requests/{id}");
    for addr in to {
        mail.send_in(
            &mut tx,
            &addr,
            letter,
            &path,
            &[
                ("reference", &reference),
                ("org", &r.org_name),
                ("text", text),
            ],
        )
        .await?;
    }
    change_log::append(&mut tx, ENTITY, id, Op::Upsert).await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new(
            if asking {
                "hub_request.ask"
            } else {
                "hub_request.answer"
            },
            ENTITY,
            id,
        )
        .after(json!({ field: text })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Parses the optional `YYYY-MM-DD` of a form or API field; `Err` names it.
pub fn optional_date(s: &str, field: &'static str) -> Result<Option<Date>, HubError> {
    match s.trim() {
        "" => Ok(None),
        s => parse_date(s).map(Some).ok_or(HubError::Invalid(field)),
    }
}

/// Whether a column of `hub_requests` is in the open data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exposure {
    Public,
    /// Public only when the requester made the budget public.
    PublicIfBudgetPublic,
    Private,
}

/// Every column of `hub_requests`, classified. Public requests only are exported at all.
pub const EXPORT_COLUMNS: [(&str, Exposure); 24] = [
    ("id", Exposure::Public),
    ("reference", Exposure::Public),
    ("status", Exposure::Public),
    ("org_id", Exposure::Public),
    ("endorsed_by_org", Exposure::Private),
    ("endorsed_on", Exposure::Private),
    ("endorsement_note", Exposure::Private),
    ("country", Exposure::Public),
    ("region", Exposure::Public),
    ("starts_on", Exposure::Private),
    ("ends_on", Exposure::Private),
    ("budget_usd", Exposure::PublicIfBudgetPublic),
    ("languages", Exposure::Private),
    ("original_lang", Exposure::Public),
    ("is_public", Exposure::Private),
    ("budget_public", Exposure::Private),
    ("created_by", Exposure::Private),
    ("created_at", Exposure::Private),
    ("updated_at", Exposure::Private),
    ("submitted_at", Exposure::Public),
    ("first_response_at", Exposure::Private),
    ("setup_done_at", Exposure::Private),
    ("status_since", Exposure::Public),
    ("reminded_at", Exposure::Private),
];

// ---------------------------------------------------------------------------------------------
// Reminders

/// A reminder sent (for the job's report and tests).
#[derive(Debug, Clone, Serialize)]
pub struct Reminder {
    pub request_id: String,
    pub to: Vec<String>,
}

/// Reminds whoever must act on requests that have waited longer than `wait_days` in a
/// non-final step other than draft: the secretariat (received, under assessment, accepted,
/// matching), invited partners who have not answered, the requester when a question is
/// unanswered. The wait is measured from the later of entering the step and the last
/// reminder, so nobody is reminded twice within one wait.
pub async fn send_reminders(
    db: &Db,
    mail: &Mailing,
    wait_days: u32,
    now: OffsetDateTime,
) -> Result<Vec<Reminder>, DbError> {
    let cutoff = crate::to_rfc3339(now - time::Duration::days(i64::from(wait_days)));
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM hub_requests WHERE status NOT IN ('draft', 'declined', 'completed', \
         'closed') AND status_since < $1 AND (reminded_at IS NULL OR reminded_at < $1) \
         ORDER BY status_since",
    )
    .bind(&cutoff)
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::new();
    let stamp = crate::to_rfc3339(now);
    for id in ids {
        let mut tx = db.begin_write().await?;
        let Some(r) = load_in(&mut tx, &id).await? else {
            continue;
        };
        let mut to = Vec::new();
        if r.awaiting_answer {
            to.extend(focal_points(&mut tx, &r.org_id).await?);
        }
        if matches!(
            r.status,
            RequestStatus::Received
                | RequestStatus::UnderAssessment
                | RequestStatus::Accepted
                | RequestStatus::Matching
        ) && !r.awaiting_answer
        {
            to.extend(secretariat(&mut tx).await?);
        }
        let invited: Vec<String> = sqlx::query_scalar(
            "SELECT org_id FROM hub_request_partners WHERE request_id = $1 AND state = 'invited'",
        )
        .bind(&id)
        .fetch_all(&mut *tx)
        .await?;
        for org in invited {
            to.extend(focal_points(&mut tx, &org).await?);
        }
        to.sort();
        to.dedup_by(|a, b| a.email == b.email);
        if to.is_empty() {
            // Nobody is waited on (set-up or implementation with every partner answered):
            // nothing to remind, and no reminder recorded.
            continue;
        }
        let reference = r.reference.clone().unwrap_or_default();
        let title = r.title(&r.original_lang);
        let path = format!("/hub/requests/{id}");
        let days = wait_days.to_string();
        let emails: Vec<String> = to.iter().map(|r| r.email.clone()).collect();
        for addr in &to {
            mail.send_in(
                &mut tx,
                addr,
                "hub.reminder",
                &path,
                &[
                    ("reference", &reference),
                    ("title", &title),
                    ("status", r.status.as_str()),
                    ("days", &days),
                ],
            )
            .await?;
        }
        sqlx::query("UPDATE hub_requests SET reminded_at = $2 WHERE id = $1")
            .bind(&id)
            .bind(&stamp)
            .execute(&mut *tx)
            .await?;
        add_event(&mut tx, &id, None, "reminded", None, None, false).await?;
        audit::append(
            &mut tx,
            &Actor::system("hub reminders"),
            Entry::new("hub_request.remind", ENTITY, &id).after(json!({ "to": emails })),
        )
        .await?;
        tx.commit().await?;
        out.push(Reminder {
            request_id: id,
            to: emails,
        });
    }
    Ok(out)
}

pub const REMIND_KIND: &str = "hub.remind";
/// How often the reminder job looks for waiting requests.
pub const REMIND_EVERY: std::time::Duration = std::time::Duration::from_secs(6 * 3600);

/// Schedules the reminder job unless one is already waiting.
pub async fn schedule_reminders(db: &Db) -> Result<(), DbError> {
    if !crate::jobs::pending(db, REMIND_KIND).await? {
        crate::jobs::enqueue(db, REMIND_KIND, &json!({})).await?;
    }
    Ok(())
}

/// The reminder job: sends what is due, then schedules its next run.
pub struct Remind {
    pub policy: gcm_core::hub::ReminderPolicy,
    /// Who writes the letters, and the site's address their links start with.
    pub mailing: Mailing,
}

impl crate::jobs::JobHandler for Remind {
    fn kind(&self) -> &'static str {
        REMIND_KIND
    }

    fn run(&self, ctx: crate::jobs::JobContext) -> crate::jobs::JobFuture {
        let wait = self.policy.wait_days;
        let mail = self.mailing.clone();
        Box::pin(async move {
            let sent = send_reminders(&ctx.db, &mail, wait, OffsetDateTime::now_utc()).await?;
            ctx.progress(
                1,
                Some(1),
                Some(&format!("{} requests reminded", sent.len())),
            )
            .await?;
            let next = crate::to_rfc3339(OffsetDateTime::now_utc() + REMIND_EVERY);
            crate::jobs::enqueue_at(&ctx.db, REMIND_KIND, &json!({}), &next)
                .await
                .map_err(crate::jobs::JobError::from)?;
            Ok(())
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Dashboard

/// Aggregate figures over submitted requests (public data).
#[derive(Debug, Clone, Serialize, Default)]
pub struct Dashboard {
    /// Submitted requests by step.
    pub by_status: Vec<(String, i64)>,
    /// By objective (a request counts under each of its objectives).
    pub by_objective: Vec<(u8, i64)>,
    /// By UN M49 region.
    pub by_region: Vec<(String, i64)>,
    /// Days from submission to the secretariat's first response: median and 90th percentile.
    pub first_response_days: Percentiles,
    /// Days from submission to the end of implementation set-up.
    pub setup_days: Percentiles,
    /// Offers of support open today.
    pub open_offers: i64,
    pub total: i64,
}

#[derive(Debug, Clone, Copy, Serialize, Default, PartialEq)]
pub struct Percentiles {
    pub count: i64,
    pub median: Option<f64>,
    pub p90: Option<f64>,
}

/// Nearest-rank percentile of sorted values (`q` in 0..=1), interpolated linearly.
pub fn percentile(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let pos = q * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    let (a, b) = (*sorted.get(lo)?, *sorted.get(hi)?);
    Some(((a + (b - a) * (pos - lo as f64)) * 10.0).round() / 10.0)
}

fn percentiles(mut days: Vec<f64>) -> Percentiles {
    days.sort_by(f64::total_cmp);
    Percentiles {
        count: i64::try_from(days.len()).unwrap_or(i64::MAX),
        median: percentile(&days, 0.5),
        p90: percentile(&days, 0.9),
    }
}

fn days_between(a: &str, b: &str) -> Option<f64> {
    let a = crate::parse_rfc3339(a)?;
    let b = crate::parse_rfc3339(b)?;
    Some((b - a).as_seconds_f64() / 86_400.0)
}

/// The dashboard's figures, as of `today` for open offers.
pub async fn dashboard(db: &Db, today: Date) -> Result<Dashboard, DbError> {
    let rows = sqlx::query(
        "SELECT id, status, region, submitted_at, first_response_at, setup_done_at \
         FROM hub_requests WHERE status <> 'draft'",
    )
    .fetch_all(db.pool())
    .await?;
    let mut d = Dashboard::default();
    let mut by_status: HashMap<String, i64> = HashMap::new();
    let mut by_region: HashMap<String, i64> = HashMap::new();
    let (mut first, mut setup) = (Vec::new(), Vec::new());
    let mut ids = std::collections::HashSet::new();
    for r in rows {
        let id: String = r.try_get("id")?;
        ids.insert(id);
        *by_status.entry(r.try_get("status")?).or_default() += 1;
        let region: Option<String> = r.try_get("region")?;
        *by_region.entry(region.unwrap_or_default()).or_default() += 1;
        let submitted: Option<String> = r.try_get("submitted_at")?;
        let fr: Option<String> = r.try_get("first_response_at")?;
        let sd: Option<String> = r.try_get("setup_done_at")?;
        if let Some(s) = &submitted {
            if let Some(days) = fr.as_deref().and_then(|f| days_between(s, f)) {
                first.push(days);
            }
            if let Some(days) = sd.as_deref().and_then(|f| days_between(s, f)) {
                setup.push(days);
            }
        }
    }
    d.total = i64::try_from(ids.len()).unwrap_or(i64::MAX);
    d.by_status = RequestStatus::ALL
        .iter()
        .filter(|s| **s != RequestStatus::Draft)
        .map(|s| {
            (
                s.as_str().to_string(),
                by_status.get(s.as_str()).copied().unwrap_or(0),
            )
        })
        .collect();
    let mut regions: Vec<(String, i64)> = by_region.into_iter().collect();
    regions.sort();
    d.by_region = regions;
    let mut by_objective: HashMap<u8, i64> = HashMap::new();
    for r in sqlx::query(
        "SELECT entity_id, objective FROM framework_links WHERE entity = 'hub_request' \
         AND objective IS NOT NULL AND ref NOT LIKE 'gcm:obj:%:%'",
    )
    .fetch_all(db.pool())
    .await?
    {
        let id: String = r.try_get("entity_id")?;
        let n: i64 = r.try_get("objective")?;
        if let (true, Ok(n)) = (ids.contains(&id), u8::try_from(n)) {
            *by_objective.entry(n).or_default() += 1;
        }
    }
    let mut objectives: Vec<(u8, i64)> = by_objective.into_iter().collect();
    objectives.sort();
    d.by_objective = objectives;
    d.first_response_days = percentiles(first);
    d.setup_days = percentiles(setup);
    d.open_offers = sqlx::query_scalar(
        "SELECT COUNT(*) FROM hub_offers WHERE status = 'open' \
         AND (until_on IS NULL OR until_on >= $1)",
    )
    .bind(format_date(today))
    .fetch_one(db.pool())
    .await?;
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 10.0];
        assert_eq!(percentile(&v, 0.5), Some(3.0));
        assert_eq!(percentile(&v, 0.9), Some(7.6));
        assert_eq!(percentile(&[], 0.5), None);
        assert_eq!(percentile(&[5.0], 0.9), Some(5.0));
    }
}
