//! Themed calls for practices: a title, a description, the objectives and theme sought, and a
//! deadline after which the call takes no more submissions.
//!
//! A call is open from the start of `opens_on` through the end of `deadline` (UTC), unless the
//! secretariat closed it early (`closed_at`). Texts live in `translations` (entity `call`), the
//! objectives sought in `framework_links` (entity `call`); practices answer a call through
//! `practices.call_id`. Every write appends to `change_log` and `audit_log` in its transaction.

use std::collections::HashMap;

use gcm_compact::Compact;
use gcm_core::practices::{PracticeStatus, Theme};
use serde::Serialize;
use serde_json::json;
use sqlx::Row;
use time::macros::format_description;
use time::{Date, OffsetDateTime};

use crate::audit::{self, Actor, Entry};
use crate::change_log::{self, Op};
use crate::framework_links::{self, Link, TagError};
use crate::practices::Text;
use crate::{Db, DbError, new_id, now_rfc3339};

pub const ENTITY: &str = "call";
/// Longest title, in characters.
pub const TITLE_MAX: usize = 300;
/// Longest description, in characters.
pub const DESCRIPTION_MAX: usize = 10_000;

/// Today's date in UTC, the calendar calls follow.
pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

/// Parses an ISO date written exactly as `YYYY-MM-DD` (a real calendar day, years 1990–2199).
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let shape = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape {
        return None;
    }
    Date::parse(s, format_description!("[year]-[month]-[day]"))
        .ok()
        .filter(|d| (1990..=2199).contains(&d.year()))
}

/// Formats a date as `YYYY-MM-DD`.
pub fn format_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// What the secretariat writes when opening or editing a call.
#[derive(Debug, Clone)]
pub struct CallInput {
    pub title: String,
    pub description: String,
    /// Language of the title and description.
    pub lang: String,
    pub theme: Option<Theme>,
    /// Objectives sought, 1 to 23.
    pub objectives: Vec<u8>,
    pub opens_on: Date,
    pub deadline: Date,
}

impl CallInput {
    /// The rules every call keeps; `Err` names the field that breaks one.
    pub fn check(&self) -> Result<(), CallError> {
        let title = self.title.trim();
        if title.is_empty() || title.chars().count() > TITLE_MAX {
            return Err(CallError::Invalid("title"));
        }
        if self.description.chars().count() > DESCRIPTION_MAX {
            return Err(CallError::Invalid("description"));
        }
        if self.lang.is_empty()
            || self.lang.len() > 8
            || !self.lang.bytes().all(|b| b.is_ascii_lowercase())
        {
            return Err(CallError::Invalid("lang"));
        }
        if self.objectives.is_empty() || self.objectives.iter().any(|n| !(1..=23).contains(n)) {
            return Err(CallError::Invalid("objectives"));
        }
        if self.deadline < self.opens_on {
            return Err(CallError::Invalid("deadline"));
        }
        Ok(())
    }

    fn snapshot(&self) -> serde_json::Value {
        json!({
            "title": self.title.trim(), "description": self.description.trim(),
            "lang": self.lang, "theme": self.theme.map(Theme::as_str),
            "objectives": self.objectives, "opens_on": format_date(self.opens_on),
            "deadline": format_date(self.deadline),
        })
    }
}

/// Why a call could not be written, or cannot take a submission.
#[derive(Debug, thiserror::Error)]
pub enum CallError {
    #[error("no such call")]
    Unknown,
    #[error("the call opens on {opens_on}")]
    NotYetOpen { opens_on: String },
    #[error("the call's deadline ({deadline}) has passed")]
    PastDeadline { deadline: String },
    #[error("the call was closed at {closed_at}")]
    Closed { closed_at: String },
    #[error("the field {0} is not valid")]
    Invalid(&'static str),
    #[error(transparent)]
    Tag(#[from] TagError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl CallError {
    /// A stable snake_case code (the API's error code).
    pub fn code(&self) -> &'static str {
        match self {
            CallError::Unknown => "call_unknown",
            CallError::NotYetOpen { .. } => "call_not_yet_open",
            CallError::PastDeadline { .. } => "call_past_deadline",
            CallError::Closed { .. } => "call_closed",
            CallError::Invalid(_) | CallError::Tag(_) => "invalid_parameter",
            CallError::Db(_) => "internal",
        }
    }
}

impl From<sqlx::Error> for CallError {
    fn from(e: sqlx::Error) -> Self {
        CallError::Db(DbError::Sqlx(e))
    }
}

/// Where a call stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CallStatus {
    /// Before `opens_on`.
    Upcoming,
    /// Taking submissions.
    Open,
    /// Closed early by the secretariat.
    Closed,
    /// After the deadline.
    Past,
}

impl CallStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CallStatus::Upcoming => "upcoming",
            CallStatus::Open => "open",
            CallStatus::Closed => "closed",
            CallStatus::Past => "past",
        }
    }
}

/// A stored call.
#[derive(Debug, Clone, Serialize)]
pub struct Call {
    pub id: String,
    pub theme: Option<String>,
    pub original_lang: String,
    /// `YYYY-MM-DD`.
    pub opens_on: String,
    /// `YYYY-MM-DD`, the last day submissions are taken.
    pub deadline: String,
    pub created_by: String,
    pub created_at: String,
    pub updated_at: String,
    pub closed_at: Option<String>,
    /// Title and description, one per field and language.
    pub texts: Vec<Text>,
    pub objectives: Vec<u8>,
}

impl Call {
    /// The text of `field` in `lang`, else in the language it was written in, else any.
    pub fn text(&self, field: &str, lang: &str) -> Option<&Text> {
        let of = |l: &str| self.texts.iter().find(|t| t.field == field && t.lang == l);
        of(lang)
            .or_else(|| of(&self.original_lang))
            .or_else(|| self.texts.iter().find(|t| t.field == field))
    }

    /// Where the call stands on `today`.
    pub fn status(&self, today: Date) -> CallStatus {
        // Stored dates are `YYYY-MM-DD`, so text order is date order.
        let today = format_date(today);
        if self.closed_at.is_some() {
            CallStatus::Closed
        } else if today.as_str() > self.deadline.as_str() {
            CallStatus::Past
        } else if today.as_str() < self.opens_on.as_str() {
            CallStatus::Upcoming
        } else {
            CallStatus::Open
        }
    }

    /// Whole days from `today` to the deadline (0 on the last day, negative after it).
    pub fn days_left(&self, today: Date) -> i64 {
        parse_date(&self.deadline)
            .map(|d| (d - today).whole_days())
            .unwrap_or(0)
    }
}

/// How many practices answer a call, by stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Answers {
    /// Drafts not yet submitted (counted for the secretariat only).
    pub drafts: i64,
    /// Submitted or later: in review, revision requested, published or rejected.
    pub submitted: i64,
    /// Published (the only number shown publicly).
    pub published: i64,
}

impl Answers {
    fn add(&mut self, status: &str, n: i64) {
        match PracticeStatus::parse(status) {
            Some(PracticeStatus::Draft) => self.drafts += n,
            Some(PracticeStatus::Published) => {
                self.published += n;
                self.submitted += n;
            }
            Some(_) => self.submitted += n,
            None => {}
        }
    }
}

async fn write_parts(
    tx: &mut sqlx::AnyConnection,
    compact: &Compact,
    id: &str,
    input: &CallInput,
    now: &str,
) -> Result<(), CallError> {
    for (field, text) in [
        ("title", input.title.trim()),
        ("description", input.description.trim()),
    ] {
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
        .execute(&mut *tx)
        .await?;
    }
    let mut objectives = input.objectives.clone();
    objectives.sort_unstable();
    objectives.dedup();
    let links: Vec<Link> = objectives
        .iter()
        .map(|n| Link::new(format!("gcm:obj:{n}")))
        .collect();
    framework_links::replace(tx, compact, ENTITY, id, &links).await?;
    Ok(())
}

/// Opens a call; returns its id.
pub async fn create(
    db: &Db,
    compact: &Compact,
    actor: &Actor,
    created_by: &str,
    input: &CallInput,
) -> Result<String, CallError> {
    input.check()?;
    let id = new_id();
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO practice_calls (id, theme, original_lang, opens_on, deadline, created_by, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(&id)
    .bind(input.theme.map(Theme::as_str))
    .bind(&input.lang)
    .bind(format_date(input.opens_on))
    .bind(format_date(input.deadline))
    .bind(created_by)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    write_parts(&mut tx, compact, &id, input, &now).await?;
    change_log::append(&mut tx, ENTITY, &id, Op::Upsert).await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("call.create", ENTITY, &id).after(input.snapshot()),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a call's texts, theme, objectives and dates. The text in `input.lang` is replaced;
/// when the call's language changes, its texts in the old language go.
pub async fn update(
    db: &Db,
    compact: &Compact,
    actor: &Actor,
    id: &str,
    input: &CallInput,
) -> Result<(), CallError> {
    input.check()?;
    let before = get(db, id).await?.ok_or(CallError::Unknown)?;
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    let changed = sqlx::query(
        "UPDATE practice_calls SET theme = $2, original_lang = $3, opens_on = $4, deadline = $5, \
         updated_at = $6 WHERE id = $1",
    )
    .bind(id)
    .bind(input.theme.map(Theme::as_str))
    .bind(&input.lang)
    .bind(format_date(input.opens_on))
    .bind(format_date(input.deadline))
    .bind(&now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(CallError::Unknown);
    }
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
        Entry::new("call.update", ENTITY, id)
            .before(snapshot(&before))
            .after(input.snapshot()),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

fn snapshot(c: &Call) -> serde_json::Value {
    json!({
        "title": c.text("title", &c.original_lang).map(|t| t.text.as_str()),
        "description": c.text("description", &c.original_lang).map(|t| t.text.as_str()),
        "lang": c.original_lang, "theme": c.theme, "objectives": c.objectives,
        "opens_on": c.opens_on, "deadline": c.deadline, "closed_at": c.closed_at,
    })
}

/// Closes a call before its deadline. `Ok(false)` when it was already closed (nothing written).
pub async fn close(db: &Db, actor: &Actor, id: &str) -> Result<bool, CallError> {
    let now = now_rfc3339();
    let mut tx = db.begin_write().await?;
    let closed_at: Option<Option<String>> =
        sqlx::query_scalar("SELECT closed_at FROM practice_calls WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    match closed_at {
        None => return Err(CallError::Unknown),
        Some(Some(_)) => return Ok(false),
        Some(None) => {}
    }
    sqlx::query("UPDATE practice_calls SET closed_at = $2, updated_at = $2 WHERE id = $1")
        .bind(id)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    change_log::append(&mut tx, ENTITY, id, Op::Upsert).await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("call.close", ENTITY, id)
            .before(json!({ "closed_at": null }))
            .after(json!({ "closed_at": now })),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Reads calls (all when `id` is None) with their texts and objectives, in three queries.
async fn read(db: &Db, id: Option<&str>) -> Result<Vec<Call>, DbError> {
    let rows = match id {
        Some(id) => {
            sqlx::query("SELECT * FROM practice_calls WHERE id = $1")
                .bind(id)
                .fetch_all(db.pool())
                .await?
        }
        None => {
            sqlx::query("SELECT * FROM practice_calls")
                .fetch_all(db.pool())
                .await?
        }
    };
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let (texts, links) = match id {
        Some(id) => (
            sqlx::query(
                "SELECT entity_id, field, lang, text, origin FROM translations \
                 WHERE entity = 'call' AND entity_id = $1",
            )
            .bind(id)
            .fetch_all(db.pool())
            .await?,
            sqlx::query(
                "SELECT entity_id, objective FROM framework_links \
                 WHERE entity = 'call' AND entity_id = $1 AND objective IS NOT NULL",
            )
            .bind(id)
            .fetch_all(db.pool())
            .await?,
        ),
        None => (
            sqlx::query(
                "SELECT entity_id, field, lang, text, origin FROM translations WHERE entity = 'call'",
            )
            .fetch_all(db.pool())
            .await?,
            sqlx::query(
                "SELECT entity_id, objective FROM framework_links \
                 WHERE entity = 'call' AND objective IS NOT NULL",
            )
            .fetch_all(db.pool())
            .await?,
        ),
    };
    let mut texts_of: HashMap<String, Vec<Text>> = HashMap::new();
    for r in texts {
        texts_of
            .entry(r.try_get("entity_id")?)
            .or_default()
            .push(Text {
                field: r.try_get("field")?,
                lang: r.try_get("lang")?,
                text: r.try_get("text")?,
                origin: r.try_get("origin")?,
            });
    }
    let mut objectives_of: HashMap<String, Vec<u8>> = HashMap::new();
    for r in links {
        let n: i64 = r.try_get("objective")?;
        if let Ok(n) = u8::try_from(n) {
            objectives_of
                .entry(r.try_get("entity_id")?)
                .or_default()
                .push(n);
        }
    }
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let id: String = r.try_get("id")?;
        let mut texts = texts_of.remove(&id).unwrap_or_default();
        texts.sort_by(|a, b| (&a.field, &a.lang).cmp(&(&b.field, &b.lang)));
        let mut objectives = objectives_of.remove(&id).unwrap_or_default();
        objectives.sort_unstable();
        objectives.dedup();
        out.push(Call {
            theme: r.try_get("theme")?,
            original_lang: r.try_get("original_lang")?,
            opens_on: r.try_get("opens_on")?,
            deadline: r.try_get("deadline")?,
            created_by: r.try_get("created_by")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
            closed_at: r.try_get("closed_at")?,
            texts,
            objectives,
            id,
        });
    }
    Ok(out)
}

/// One call.
pub async fn get(db: &Db, id: &str) -> Result<Option<Call>, DbError> {
    Ok(read(db, Some(id)).await?.into_iter().next())
}

/// Every call as of `today`: open ones first (nearest deadline first), then upcoming ones
/// (soonest first), then past and closed ones (latest deadline first).
pub async fn list(db: &Db, today: Date) -> Result<Vec<Call>, DbError> {
    let mut all = read(db, None).await?;
    let rank = |s: CallStatus| match s {
        CallStatus::Open => 0,
        CallStatus::Upcoming => 1,
        CallStatus::Closed | CallStatus::Past => 2,
    };
    all.sort_by(|a, b| {
        let (ra, rb) = (rank(a.status(today)), rank(b.status(today)));
        ra.cmp(&rb).then_with(|| match ra {
            0 => (&a.deadline, &a.id).cmp(&(&b.deadline, &b.id)),
            1 => (&a.opens_on, &a.id).cmp(&(&b.opens_on, &b.id)),
            _ => (&b.deadline, &b.id).cmp(&(&a.deadline, &a.id)),
        })
    });
    Ok(all)
}

/// The calls taking submissions on `today`, nearest deadline first (for the submission form's
/// choice of call).
pub async fn open(db: &Db, today: Date) -> Result<Vec<Call>, DbError> {
    let mut all = list(db, today).await?;
    all.retain(|c| c.status(today) == CallStatus::Open);
    Ok(all)
}

/// The call a practice may be submitted to on `today`: the submission form asks this before
/// saving `practices.call_id`, and refuses with the error's reason otherwise.
pub async fn open_for_submission(db: &Db, call_id: &str, today: Date) -> Result<Call, CallError> {
    let call = get(db, call_id).await?.ok_or(CallError::Unknown)?;
    match call.status(today) {
        CallStatus::Open => Ok(call),
        CallStatus::Upcoming => Err(CallError::NotYetOpen {
            opens_on: call.opens_on,
        }),
        CallStatus::Past => Err(CallError::PastDeadline {
            deadline: call.deadline,
        }),
        CallStatus::Closed => Err(CallError::Closed {
            closed_at: call.closed_at.unwrap_or_default(),
        }),
    }
}

/// How many practices answer each call, by stage (calls nobody answered are absent).
pub async fn answers_by_call(db: &Db) -> Result<HashMap<String, Answers>, DbError> {
    let rows = sqlx::query(
        "SELECT call_id, status, COUNT(*) AS n FROM practices WHERE call_id IS NOT NULL \
         GROUP BY call_id, status",
    )
    .fetch_all(db.pool())
    .await?;
    let mut out: HashMap<String, Answers> = HashMap::new();
    for r in rows {
        let call_id: String = r.try_get("call_id")?;
        let status: String = r.try_get("status")?;
        let n: i64 = r.try_get("n")?;
        out.entry(call_id).or_default().add(&status, n);
    }
    Ok(out)
}

/// How many practices answer one call, by stage.
pub async fn answers(db: &Db, call_id: &str) -> Result<Answers, DbError> {
    let rows = sqlx::query(
        "SELECT status, COUNT(*) AS n FROM practices WHERE call_id = $1 GROUP BY status",
    )
    .bind(call_id)
    .fetch_all(db.pool())
    .await?;
    let mut out = Answers::default();
    for r in rows {
        let status: String = r.try_get("status")?;
        out.add(&status, r.try_get("n")?);
    }
    Ok(out)
}

/// A published practice answering a call.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    pub id: String,
    /// Title in the asked language, else in the practice's own, else its external id.
    pub title: String,
    pub title_lang: String,
}

/// The published practices answering a call, newest first, titled in `lang` where possible.
pub async fn published_answers(db: &Db, call_id: &str, lang: &str) -> Result<Vec<Answer>, DbError> {
    let rows = sqlx::query(
        "SELECT p.id, p.external_id, p.original_lang, t.lang AS title_lang, t.text AS title \
         FROM practices p LEFT JOIN translations t ON t.entity = 'practice' \
         AND t.entity_id = p.id AND t.field = 'title' \
         WHERE p.call_id = $1 AND p.status = 'published' \
         ORDER BY p.published_at DESC, p.id",
    )
    .bind(call_id)
    .fetch_all(db.pool())
    .await?;
    let mut out: Vec<Answer> = Vec::new();
    // Rank of a title's language: the asked one, then the original, then any.
    let mut ranks: Vec<u8> = Vec::new();
    for r in rows {
        let id: String = r.try_get("id")?;
        let original: String = r.try_get("original_lang")?;
        let title: Option<String> = r.try_get("title")?;
        let title_lang: Option<String> = r.try_get("title_lang")?;
        let (rank, title, title_lang) = match (title, title_lang) {
            (Some(t), Some(l)) if l == lang => (0, t, l),
            (Some(t), Some(l)) if l == original => (1, t, l),
            (Some(t), Some(l)) => (2, t, l),
            _ => (3, r.try_get("external_id")?, original),
        };
        match out.iter().position(|a| a.id == id) {
            Some(i) => {
                if ranks.get(i).is_some_and(|&have| rank < have) {
                    out[i] = Answer {
                        id,
                        title,
                        title_lang,
                    };
                    ranks[i] = rank;
                }
            }
            None => {
                out.push(Answer {
                    id,
                    title,
                    title_lang,
                });
                ranks.push(rank);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict() {
        assert_eq!(
            parse_date("2027-03-31").map(format_date).as_deref(),
            Some("2027-03-31")
        );
        for bad in [
            "2027-02-30",
            "2027-3-31",
            "31/03/2027",
            "2027-03-31T00:00",
            "",
            "+2027-03-3",
            "1066-10-14",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    fn call(opens_on: &str, deadline: &str, closed: bool) -> Call {
        Call {
            id: "c".into(),
            theme: None,
            original_lang: "en".into(),
            opens_on: opens_on.into(),
            deadline: deadline.into(),
            created_by: "u".into(),
            created_at: String::new(),
            updated_at: String::new(),
            closed_at: closed.then(|| "2027-01-01T00:00:00.000000Z".into()),
            texts: Vec::new(),
            objectives: vec![5],
        }
    }

    #[test]
    fn open_through_the_end_of_the_deadline() {
        let day = |s| parse_date(s).unwrap_or(Date::MIN);
        let c = call("2027-01-10", "2027-03-31", false);
        assert_eq!(c.status(day("2027-01-09")), CallStatus::Upcoming);
        assert_eq!(c.status(day("2027-01-10")), CallStatus::Open);
        assert_eq!(c.status(day("2027-03-31")), CallStatus::Open);
        assert_eq!(c.days_left(day("2027-03-31")), 0);
        assert_eq!(c.days_left(day("2027-03-01")), 30);
        assert_eq!(c.status(day("2027-04-01")), CallStatus::Past);
        let closed = call("2027-01-10", "2027-03-31", true);
        assert_eq!(closed.status(day("2027-02-01")), CallStatus::Closed);
    }

    #[test]
    fn answers_count_published_as_submitted_too() {
        let mut a = Answers::default();
        a.add("draft", 2);
        a.add("in_review", 1);
        a.add("published", 3);
        assert_eq!(
            a,
            Answers {
                drafts: 2,
                submitted: 4,
                published: 3
            }
        );
    }
}
