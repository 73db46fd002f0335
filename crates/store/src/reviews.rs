//! Peer review of submitted practices: the secretariat assigns reviewers (never from the
//! practice's own organisation), reviewers declare conflicts of interest or score the rubric,
//! a disagreement beyond the threshold pulls in a further reviewer, anyone in charge may send
//! the practice back for revision, and the secretariat decides publish, revise or reject once
//! the reviews the [`ReviewPolicy`] asks for are in.

use std::collections::BTreeMap;

use gcm_core::practices::{Criterion, Decision, PracticeStatus, ReviewPolicy};
use serde::Serialize;
use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::audit::{self, Actor, Entry};
use crate::submissions::{SubmissionError, record, set_status, status_of};
use crate::{Db, DbError, new_id, now_rfc3339};

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("no such practice or review")]
    NotFound,
    #[error("that person is not a peer reviewer")]
    NotAReviewer,
    /// The reviewer belongs to the practice's organisation or submitted it.
    #[error("nobody reviews their own organisation's practice")]
    OwnOrganisation,
    #[error("already assigned in this round")]
    AlreadyAssigned,
    /// The practice or the review is not in a state that allows this.
    #[error("not possible now ({0})")]
    WrongState(String),
    /// A field is missing or out of range (its name).
    #[error("invalid {0}")]
    Invalid(&'static str),
    /// Publishing needs the reviews the policy asks for.
    #[error("the reviews needed are not in yet")]
    NotReady(Readiness),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for ReviewError {
    fn from(e: sqlx::Error) -> Self {
        ReviewError::Db(DbError::Sqlx(e))
    }
}

impl From<SubmissionError> for ReviewError {
    fn from(e: SubmissionError) -> Self {
        match e {
            SubmissionError::NotFound => ReviewError::NotFound,
            SubmissionError::WrongState(s) => ReviewError::WrongState(s),
            SubmissionError::Db(d) => ReviewError::Db(d),
            other => ReviewError::WrongState(other.to_string()),
        }
    }
}

/// One reviewer's assignment to one round.
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub id: String,
    pub practice_id: String,
    pub reviewer_id: String,
    pub reviewer_name: String,
    pub round: i64,
    /// `un` or `external`.
    pub reviewer_kind: String,
    pub tie_break: bool,
    /// `assigned`, `conflict` or `submitted`.
    pub state: String,
    pub conflict_note: Option<String>,
    pub scores: BTreeMap<String, i64>,
    pub comment: Option<String>,
    pub recommendation: Option<String>,
    pub assigned_at: String,
    pub submitted_at: Option<String>,
}

impl Review {
    /// The mean of the rubric scores, once submitted.
    pub fn mean(&self) -> Option<f64> {
        (self.state == "submitted" && !self.scores.is_empty())
            .then(|| self.scores.values().sum::<i64>() as f64 / self.scores.len() as f64)
    }
}

const SELECT: &str = "SELECT r.id, r.practice_id, r.reviewer_id, u.display_name, r.round, \
     r.reviewer_kind, r.tie_break, r.state, r.conflict_note, r.scores, r.comment, \
     r.recommendation, r.assigned_at, r.submitted_at \
     FROM practice_reviews r JOIN users u ON u.id = r.reviewer_id";

fn review_from(r: &sqlx::any::AnyRow) -> Result<Review, sqlx::Error> {
    let scores: Option<String> = r.try_get("scores")?;
    Ok(Review {
        id: r.try_get("id")?,
        practice_id: r.try_get("practice_id")?,
        reviewer_id: r.try_get("reviewer_id")?,
        reviewer_name: r.try_get("display_name")?,
        round: r.try_get("round")?,
        reviewer_kind: r.try_get("reviewer_kind")?,
        tie_break: r.try_get::<i64, _>("tie_break")? == 1,
        state: r.try_get("state")?,
        conflict_note: r.try_get("conflict_note")?,
        scores: scores
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default(),
        comment: r.try_get("comment")?,
        recommendation: r.try_get("recommendation")?,
        assigned_at: r.try_get("assigned_at")?,
        submitted_at: r.try_get("submitted_at")?,
    })
}

/// Every assignment of a practice, all rounds, in order.
pub async fn of_practice(db: &Db, practice_id: &str) -> Result<Vec<Review>, DbError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE r.practice_id = $1 ORDER BY r.round, r.assigned_at, r.id"
    )))
    .bind(practice_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.iter().map(review_from).collect::<Result<_, _>>()?)
}

/// A reviewer's assignments, open ones first.
pub async fn of_reviewer(db: &Db, reviewer_id: &str) -> Result<Vec<Review>, DbError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE r.reviewer_id = $1 \
         ORDER BY CASE r.state WHEN 'assigned' THEN 0 ELSE 1 END, r.assigned_at DESC"
    )))
    .bind(reviewer_id)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.iter().map(review_from).collect::<Result<_, _>>()?)
}

/// One assignment.
pub async fn get(db: &Db, id: &str) -> Result<Option<Review>, DbError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!("{SELECT} WHERE r.id = $1")))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.as_ref().map(review_from).transpose()?)
}

/// Whether `user_id` was ever assigned to the practice without declaring a conflict (what lets
/// a reviewer read a practice that is not public).
pub async fn is_assigned(db: &Db, practice_id: &str, user_id: &str) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM practice_reviews WHERE practice_id = $1 AND reviewer_id = $2 \
         AND state <> 'conflict'",
    )
    .bind(practice_id)
    .bind(user_id)
    .fetch_one(db.pool())
    .await?;
    Ok(n > 0)
}

/// Where the current round stands against the policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readiness {
    pub round: i64,
    /// Submitted reviews by UN and by external reviewers.
    pub un: usize,
    pub external: usize,
    /// Assigned reviews not in yet.
    pub pending: usize,
    /// Largest difference between reviewers' mean scores.
    pub spread: Option<f64>,
    /// The spread exceeds the threshold and no further reviewer has been pulled in yet.
    pub tie_break_needed: bool,
    /// The secretariat may publish.
    pub ready: bool,
}

/// Measures the round's reviews against the policy.
pub fn readiness(reviews: &[Review], round: i64, policy: &ReviewPolicy) -> Readiness {
    let of_round: Vec<&Review> = reviews.iter().filter(|r| r.round == round).collect();
    let submitted: Vec<&&Review> = of_round.iter().filter(|r| r.state == "submitted").collect();
    let un = submitted.iter().filter(|r| r.reviewer_kind == "un").count();
    let external = submitted.len() - un;
    let pending = of_round.iter().filter(|r| r.state == "assigned").count();
    let means: Vec<f64> = submitted.iter().filter_map(|r| r.mean()).collect();
    let spread = (means.len() >= 2).then(|| {
        let max = means.iter().cloned().fold(f64::MIN, f64::max);
        let min = means.iter().cloned().fold(f64::MAX, f64::min);
        max - min
    });
    let has_tie_break = of_round.iter().any(|r| r.tie_break);
    let tie_break_needed =
        spread.is_some_and(|s| s > policy.disagreement_threshold) && !has_tie_break;
    Readiness {
        round,
        un,
        external,
        pending,
        spread,
        tie_break_needed,
        ready: un >= policy.min_un_reviewers
            && external >= policy.min_external_reviewers
            && pending == 0
            && !tie_break_needed,
    }
}

/// The readiness of one round, read inside the caller's transaction.
async fn round_readiness(
    conn: &mut AnyConnection,
    practice_id: &str,
    round: i64,
    policy: &ReviewPolicy,
) -> Result<Readiness, DbError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE r.practice_id = $1 AND r.round = $2"
    )))
    .bind(practice_id)
    .bind(round)
    .fetch_all(&mut *conn)
    .await?;
    let reviews: Vec<Review> = rows.iter().map(review_from).collect::<Result<_, _>>()?;
    Ok(readiness(&reviews, round, policy))
}

/// Checks a note, reason or comment: required, at most `max` characters.
fn required_text<'a>(
    text: &'a str,
    max: usize,
    field: &'static str,
) -> Result<&'a str, ReviewError> {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > max {
        Err(ReviewError::Invalid(field))
    } else {
        Ok(t)
    }
}

/// Whether `user_id` submitted the practice or belongs to its organisation.
async fn own_organisation(
    conn: &mut AnyConnection,
    practice_id: &str,
    user_id: &str,
) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM practices p WHERE p.id = $1 AND (p.submitted_by = $2 OR \
         EXISTS (SELECT 1 FROM memberships m WHERE m.org_id = p.org_id AND m.user_id = $2 \
         AND m.status = 'active'))",
    )
    .bind(practice_id)
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n > 0)
}

/// `un` when the reviewer is an active member of a UN entity, else `external`.
async fn reviewer_kind(conn: &mut AnyConnection, user_id: &str) -> Result<&'static str, DbError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships m JOIN organisations o ON o.id = m.org_id \
         WHERE m.user_id = $1 AND m.status = 'active' AND o.kind = 'un_entity'",
    )
    .bind(user_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(if n > 0 { "un" } else { "external" })
}

/// A peer reviewer the secretariat may pick, with why not when they may not.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub user_id: String,
    pub name: String,
    pub kind: String,
    /// Member of the practice's organisation, or its submitter.
    pub own_organisation: bool,
    /// Already assigned in the current round.
    pub assigned: bool,
    /// Open assignments across all practices (to spread the work).
    pub open_assignments: i64,
}

/// Every active peer reviewer, for the assignment form.
pub async fn candidates(db: &Db, practice_id: &str) -> Result<Vec<Candidate>, DbError> {
    let mut conn = db.pool().acquire().await?;
    let round: i64 = sqlx::query_scalar("SELECT review_round FROM practices WHERE id = $1")
        .bind(practice_id)
        .fetch_optional(&mut *conn)
        .await?
        .unwrap_or(0);
    let rows = sqlx::query(
        "SELECT u.id, u.display_name, \
         (SELECT COUNT(*) FROM practice_reviews x WHERE x.reviewer_id = u.id \
          AND x.state = 'assigned') AS open_n, \
         (SELECT COUNT(*) FROM practice_reviews y WHERE y.reviewer_id = u.id \
          AND y.practice_id = $1 AND y.round = $2) AS here_n \
         FROM users u JOIN user_roles ur ON ur.user_id = u.id AND ur.role = 'reviewer' \
         WHERE u.status = 'active' ORDER BY u.display_name, u.id",
    )
    .bind(practice_id)
    .bind(round)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let id: String = r.try_get("id")?;
        out.push(Candidate {
            own_organisation: own_organisation(&mut conn, practice_id, &id).await?,
            kind: reviewer_kind(&mut conn, &id).await?.to_string(),
            name: r.try_get("display_name")?,
            open_assignments: r.try_get("open_n")?,
            assigned: r.try_get::<i64, _>("here_n")? > 0,
            user_id: id,
        });
    }
    Ok(out)
}

/// Inserts one assignment after the checks every assignment needs.
async fn assign_in(
    conn: &mut AnyConnection,
    actor: &Actor,
    practice_id: &str,
    round: i64,
    reviewer_id: &str,
    tie_break: bool,
) -> Result<String, ReviewError> {
    let is_reviewer: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM user_roles ur JOIN users u ON u.id = ur.user_id \
         WHERE ur.user_id = $1 AND ur.role = 'reviewer' AND u.status = 'active'",
    )
    .bind(reviewer_id)
    .fetch_one(&mut *conn)
    .await?;
    if is_reviewer == 0 {
        return Err(ReviewError::NotAReviewer);
    }
    if own_organisation(conn, practice_id, reviewer_id).await? {
        return Err(ReviewError::OwnOrganisation);
    }
    let already: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM practice_reviews WHERE practice_id = $1 AND reviewer_id = $2 \
         AND round = $3",
    )
    .bind(practice_id)
    .bind(reviewer_id)
    .bind(round)
    .fetch_one(&mut *conn)
    .await?;
    if already > 0 {
        return Err(ReviewError::AlreadyAssigned);
    }
    let kind = reviewer_kind(conn, reviewer_id).await?;
    let id = new_id();
    sqlx::query(
        "INSERT INTO practice_reviews (id, practice_id, reviewer_id, round, reviewer_kind, \
         tie_break, state, assigned_by, assigned_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 'assigned', $7, $8)",
    )
    .bind(&id)
    .bind(practice_id)
    .bind(reviewer_id)
    .bind(round)
    .bind(kind)
    .bind(i64::from(tie_break))
    .bind(&actor.user_id)
    .bind(now_rfc3339())
    .execute(&mut *conn)
    .await?;
    // Who may find the practice in search changed.
    crate::change_log::append(
        &mut *conn,
        "practice",
        practice_id,
        crate::change_log::Op::Upsert,
    )
    .await?;
    let kind_event = if tie_break {
        "tie_break"
    } else {
        "reviewer_assigned"
    };
    // The submitter learns that review goes on, not who reviews.
    record(
        conn,
        practice_id,
        actor.user_id.as_deref(),
        kind_event,
        round,
        None,
        true,
    )
    .await?;
    audit::append(
        conn,
        actor,
        Entry::new("review.assign", "practice", practice_id).after(json!({
            "review": id, "reviewer": reviewer_id, "round": round, "kind": kind,
            "tie_break": tie_break
        })),
    )
    .await?;
    Ok(id)
}

/// The secretariat assigns a reviewer to the current round.
pub async fn assign(
    db: &Db,
    actor: &Actor,
    practice_id: &str,
    reviewer_id: &str,
) -> Result<String, ReviewError> {
    let mut tx = db.begin_write().await?;
    let (status, round) = status_of(&mut tx, practice_id).await?;
    if !matches!(status, PracticeStatus::Submitted | PracticeStatus::InReview) {
        return Err(ReviewError::WrongState(status.as_str().to_string()));
    }
    let id = assign_in(&mut tx, actor, practice_id, round, reviewer_id, false).await?;
    if status == PracticeStatus::Submitted {
        set_status(
            &mut tx,
            actor,
            practice_id,
            status.as_str(),
            PracticeStatus::InReview,
            "practice.review_start",
            json!({ "round": round }),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// Reads an assignment of `reviewer_id` that is still open, under the write lock.
async fn open_review(
    conn: &mut AnyConnection,
    review_id: &str,
    reviewer_id: &str,
) -> Result<(String, i64), ReviewError> {
    let row = sqlx::query(
        "SELECT r.practice_id, r.round, r.state, p.review_round, p.status FROM practice_reviews r \
         JOIN practices p ON p.id = r.practice_id WHERE r.id = $1 AND r.reviewer_id = $2",
    )
    .bind(review_id)
    .bind(reviewer_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(ReviewError::NotFound)?;
    let state: String = row.try_get("state")?;
    let status: String = row.try_get("status")?;
    let round: i64 = row.try_get("round")?;
    if state != "assigned" {
        return Err(ReviewError::WrongState(state));
    }
    if status != "in_review" || round != row.try_get::<i64, _>("review_round")? {
        return Err(ReviewError::WrongState(status));
    }
    Ok((row.try_get("practice_id")?, round))
}

/// A reviewer declares a conflict of interest and steps out; the secretariat assigns another.
pub async fn declare_conflict(
    db: &Db,
    actor: &Actor,
    review_id: &str,
    reviewer_id: &str,
    note: &str,
) -> Result<(), ReviewError> {
    let note = required_text(note, 2_000, "note")?;
    let mut tx = db.begin_write().await?;
    let (practice_id, round) = open_review(&mut tx, review_id, reviewer_id).await?;
    sqlx::query("UPDATE practice_reviews SET state = 'conflict', conflict_note = $1 WHERE id = $2")
        .bind(note)
        .bind(review_id)
        .execute(&mut *tx)
        .await?;
    crate::change_log::append(
        &mut tx,
        "practice",
        &practice_id,
        crate::change_log::Op::Upsert,
    )
    .await?;
    record(
        &mut tx,
        &practice_id,
        Some(reviewer_id),
        "conflict_declared",
        round,
        Some(note),
        false,
    )
    .await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("review.conflict", "practice", &practice_id)
            .after(json!({ "review": review_id })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What a reviewer sends.
#[derive(Debug, Clone)]
pub struct Scorecard {
    pub scores: BTreeMap<Criterion, u8>,
    pub comment: String,
    pub recommendation: Decision,
}

impl Scorecard {
    fn check(&self) -> Result<(), ReviewError> {
        for c in Criterion::ALL {
            match self.scores.get(c) {
                Some(s) if (1..=5).contains(s) => {}
                _ => return Err(ReviewError::Invalid(c.as_str())),
            }
        }
        required_text(&self.comment, 20_000, "comment").map(|_| ())
    }
}

/// What submitting a review led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterReview {
    /// Nothing more (other reviews pending, or the reviewers agree).
    Recorded,
    /// The reviewers disagreed beyond the threshold; this reviewer was pulled in.
    TieBreakAssigned(String),
    /// They disagreed, but no eligible reviewer is left: the secretariat must find one.
    TieBreakNeeded,
}

/// A reviewer submits the rubric. When it completes the round and the reviewers disagree
/// beyond the policy's threshold, a further reviewer (eligible, with the fewest open
/// assignments) is assigned in the same transaction.
pub async fn submit(
    db: &Db,
    actor: &Actor,
    review_id: &str,
    reviewer_id: &str,
    card: &Scorecard,
    policy: &ReviewPolicy,
) -> Result<AfterReview, ReviewError> {
    card.check()?;
    let mut tx = db.begin_write().await?;
    let (practice_id, round) = open_review(&mut tx, review_id, reviewer_id).await?;
    let scores: BTreeMap<&str, u8> = card.scores.iter().map(|(c, s)| (c.as_str(), *s)).collect();
    sqlx::query(
        "UPDATE practice_reviews SET state = 'submitted', scores = $1, comment = $2, \
         recommendation = $3, submitted_at = $4 WHERE id = $5",
    )
    .bind(serde_json::to_string(&scores).unwrap_or_default())
    .bind(card.comment.trim())
    .bind(card.recommendation.as_str())
    .bind(now_rfc3339())
    .bind(review_id)
    .execute(&mut *tx)
    .await?;
    record(
        &mut tx,
        &practice_id,
        Some(reviewer_id),
        "review_submitted",
        round,
        None,
        false,
    )
    .await?;
    audit::append(
        &mut tx,
        actor,
        Entry::new("review.submit", "practice", &practice_id).after(json!({
            "review": review_id, "scores": scores,
            "recommendation": card.recommendation.as_str()
        })),
    )
    .await?;
    let state = round_readiness(&mut tx, &practice_id, round, policy).await?;
    let outcome = if state.pending == 0 && state.tie_break_needed {
        let pick: Option<String> = sqlx::query_scalar(
            "SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id \
             AND ur.role = 'reviewer' \
             WHERE u.status = 'active' \
             AND NOT EXISTS (SELECT 1 FROM practice_reviews r WHERE r.practice_id = $1 \
                 AND r.reviewer_id = u.id) \
             AND NOT EXISTS (SELECT 1 FROM practices p WHERE p.id = $1 AND p.submitted_by = u.id) \
             AND NOT EXISTS (SELECT 1 FROM memberships m JOIN practices p ON p.org_id = m.org_id \
                 WHERE p.id = $1 AND m.user_id = u.id AND m.status = 'active') \
             ORDER BY (SELECT COUNT(*) FROM practice_reviews x WHERE x.reviewer_id = u.id \
                 AND x.state = 'assigned'), u.id LIMIT 1",
        )
        .bind(&practice_id)
        .fetch_optional(&mut *tx)
        .await?;
        match pick {
            Some(user) => {
                assign_in(&mut tx, actor, &practice_id, round, &user, true).await?;
                AfterReview::TieBreakAssigned(user)
            }
            None => {
                record(
                    &mut tx,
                    &practice_id,
                    None,
                    "tie_break_needed",
                    round,
                    state.spread.map(|s| format!("{s:.2}")).as_deref(),
                    false,
                )
                .await?;
                AfterReview::TieBreakNeeded
            }
        }
    } else {
        AfterReview::Recorded
    };
    tx.commit().await?;
    Ok(outcome)
}

/// Sends a practice in review back to its submitter with what to change. Allowed to the
/// secretariat and to a reviewer assigned in the current round (the route checks which).
pub async fn request_revision(
    db: &Db,
    actor: &Actor,
    practice_id: &str,
    by_user: &str,
    note: &str,
) -> Result<(), ReviewError> {
    let note = required_text(note, 20_000, "note")?;
    let mut tx = db.begin_write().await?;
    let (status, round) = status_of(&mut tx, practice_id).await?;
    if status != PracticeStatus::InReview {
        return Err(ReviewError::WrongState(status.as_str().to_string()));
    }
    record(
        &mut tx,
        practice_id,
        Some(by_user),
        "revision_requested",
        round,
        Some(note),
        true,
    )
    .await?;
    set_status(
        &mut tx,
        actor,
        practice_id,
        status.as_str(),
        PracticeStatus::RevisionRequested,
        "practice.revision_request",
        json!({ "round": round }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The secretariat's decision, with reasons the submitter sees. Publishing needs the reviews
/// the policy asks for; revising and rejecting are possible at any point of review.
pub async fn decide(
    db: &Db,
    actor: &Actor,
    practice_id: &str,
    by_user: &str,
    decision: Decision,
    reasons: &str,
    policy: &ReviewPolicy,
) -> Result<PracticeStatus, ReviewError> {
    let reasons = required_text(reasons, 20_000, "reasons")?;
    let mut tx = db.begin_write().await?;
    let (status, round) = status_of(&mut tx, practice_id).await?;
    if !matches!(status, PracticeStatus::Submitted | PracticeStatus::InReview) {
        return Err(ReviewError::WrongState(status.as_str().to_string()));
    }
    if decision == Decision::Publish {
        let state = round_readiness(&mut tx, practice_id, round, policy).await?;
        if !state.ready {
            return Err(ReviewError::NotReady(state));
        }
    }
    let to = match decision {
        Decision::Publish => PracticeStatus::Published,
        Decision::Revise => PracticeStatus::RevisionRequested,
        Decision::Reject => PracticeStatus::Rejected,
    };
    record(
        &mut tx,
        practice_id,
        Some(by_user),
        &format!("decision_{}", decision.as_str()),
        round,
        Some(reasons),
        true,
    )
    .await?;
    set_status(
        &mut tx,
        actor,
        practice_id,
        status.as_str(),
        to,
        "practice.decision",
        json!({ "decision": decision.as_str(), "round": round }),
    )
    .await?;
    tx.commit().await?;
    Ok(to)
}
