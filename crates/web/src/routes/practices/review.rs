//! Peer review of submitted practices: the review queue, the workspace where the secretariat
//! assigns reviewers and decides and where a reviewer declares a conflict or scores the rubric,
//! revision requests, and the same through `/api/v1`.

use std::collections::BTreeMap;

use askama::Template;
use axum::Json;
use axum::Router;
use axum::extract::{Path, RawForm, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use gcm_core::accounts::Action;
use gcm_core::practices::{Criterion, Decision, PracticeStatus};
use gcm_store::practices::{self, Filter, Practice, Sort};
use gcm_store::reviews::{self, Readiness, Review, ReviewError, Scorecard};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::status_label;
use super::submit::event_label;
use crate::AppState;
use crate::auth::Auth;
use crate::error::{AppError, AppResult, ErrorEnvelope};
use crate::i18n::{Lang, Tr};
use crate::pages::{Area, Chrome};
use crate::routes::forms::{page_with_status, see_other};
use crate::routes::shell::PageLang;

/// The HTML pages.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/practices/review", get(queue))
        .route("/{lang}/practices/{id}/review", get(workspace))
        .route("/{lang}/practices/{id}/reviewers", post(assign))
        .route(
            "/{lang}/practices/{id}/revision-request",
            post(revision_request),
        )
        .route("/{lang}/practices/{id}/decision", post(decide))
        .route("/{lang}/reviews/{review_id}", post(submit_review))
        .route("/{lang}/reviews/{review_id}/conflict", post(conflict))
}

/// The `/api/v1` routes with their documentation.
pub fn api(r: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    r.routes(routes!(api_assignments))
        .routes(routes!(api_reviews_of))
        .routes(routes!(api_assign))
        .routes(routes!(api_submit))
        .routes(routes!(api_conflict))
        .routes(routes!(api_revision_request))
        .routes(routes!(api_decide))
}

/// Mails a person about a step of a review, in the language they chose for letters, else in
/// `lang` (the language of whoever acted). A mail that cannot be queued is logged, not an
/// error: the step itself is already recorded.
async fn notify(state: &AppState, lang: Lang, user_id: &str, kind: &str, p: &Practice, path: &str) {
    let result = async {
        let Some(user) = gcm_store::accounts::get(&state.db, user_id).await? else {
            return Ok(());
        };
        let lang = user
            .lang
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or(lang);
        let tr = Tr::new(lang);
        let title = p.title(lang.code());
        let link = format!("{}/{}{}", state.options.public_url, lang.code(), path);
        let mut tx = state.db.begin_write().await?;
        gcm_store::outbox::enqueue_in(
            &mut tx,
            &user.email,
            &tr.t1(&format!("mail-{kind}-subject"), "title", &title),
            &tr.t_with(
                &format!("mail-{kind}-body"),
                &[
                    ("name", crate::i18n::Arg::Str(user.display_name)),
                    ("title", crate::i18n::Arg::Str(title.clone())),
                    ("link", crate::i18n::Arg::Str(link)),
                ],
            ),
            kind,
        )
        .await?;
        tx.commit().await.map_err(gcm_store::DbError::Sqlx)
    }
    .await;
    if let Err(e) = result {
        tracing::warn!(error = %e, kind, user_id, "review notification not queued");
    }
}

/// Assigns a reviewer and tells them.
async fn assign_and_notify(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    id: &str,
    reviewer: &str,
) -> Result<String, ReviewError> {
    let review = reviews::assign(&state.db, &auth.actor(), id, reviewer).await?;
    if let Some(p) = practices::get(&state.db, id).await? {
        notify(
            state,
            lang,
            reviewer,
            "review-assigned",
            &p,
            &format!("/practices/{id}/review"),
        )
        .await;
    }
    Ok(review)
}

/// Sends a practice back for revision and tells its submitter.
async fn revision_and_notify(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    p: &Practice,
    by: &str,
    note: &str,
) -> Result<(), ReviewError> {
    reviews::request_revision(&state.db, &auth.actor(), &p.id, by, note).await?;
    if let Some(submitter) = &p.submitted_by {
        notify(
            state,
            lang,
            submitter,
            "revision-requested",
            p,
            &format!("/practices/{}", p.id),
        )
        .await;
    }
    Ok(())
}

/// Records the secretariat's decision and tells the submitter.
async fn decide_and_notify(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    id: &str,
    by: &str,
    decision: Decision,
    reasons: &str,
) -> Result<PracticeStatus, ReviewError> {
    let status = reviews::decide(
        &state.db,
        &auth.actor(),
        id,
        by,
        decision,
        reasons,
        &state.options.review,
    )
    .await?;
    if let Some(p) = practices::get(&state.db, id).await?
        && let Some(submitter) = &p.submitted_by
    {
        notify(
            state,
            lang,
            submitter,
            "practice-decided",
            &p,
            &format!("/practices/{id}"),
        )
        .await;
    }
    Ok(status)
}

/// Records a review; a further reviewer pulled in by disagreement is told.
async fn review_and_notify(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    review: &Review,
    by: &str,
    card: &Scorecard,
) -> Result<reviews::AfterReview, ReviewError> {
    let after = reviews::submit(
        &state.db,
        &auth.actor(),
        &review.id,
        by,
        card,
        &state.options.review,
    )
    .await?;
    if let reviews::AfterReview::TieBreakAssigned(user) = &after
        && let Some(p) = practices::get(&state.db, &review.practice_id).await?
    {
        let path = format!("/practices/{}/review", p.id);
        notify(state, lang, user, "review-assigned", &p, &path).await;
    }
    Ok(after)
}

fn review_error(e: ReviewError) -> AppError {
    match e {
        ReviewError::NotFound => AppError::not_found(),
        ReviewError::NotAReviewer => {
            AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "reviewer_not_eligible")
        }
        ReviewError::OwnOrganisation => AppError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "reviewer_own_organisation",
        ),
        ReviewError::AlreadyAssigned => {
            AppError::new(StatusCode::CONFLICT, "reviewer_already_assigned")
        }
        ReviewError::WrongState(s) => AppError::new(StatusCode::CONFLICT, "review_wrong_state")
            .with_details(serde_json::json!({ "state": s })),
        ReviewError::Invalid(field) => {
            AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_parameter")
                .with_arg("name", field)
                .with_details(serde_json::json!({ "field": field }))
        }
        ReviewError::NotReady(r) => AppError::new(StatusCode::CONFLICT, "review_not_ready")
            .with_details(serde_json::to_value(r).unwrap_or_default()),
        ReviewError::Db(d) => AppError::internal(d),
    }
}

fn is_staff(auth: &Auth) -> bool {
    auth.signed_in.as_ref().is_some_and(|s| {
        gcm_core::accounts::allows(Some(&s.principal), &Action::ManagePracticeReview)
    })
}

/// The practice under review, for staff or an assigned reviewer; others get 404 (the
/// existence of a submission is not public).
async fn under_review(state: &AppState, auth: &Auth, id: &str) -> AppResult<Practice> {
    let me = auth.require_user(&Action::ReviewPractice)?;
    let p = practices::get(&state.db, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    if is_staff(auth) || reviews::is_assigned(&state.db, id, &me.user.id).await? {
        Ok(p)
    } else {
        Err(AppError::not_found())
    }
}

pub struct QueueRow {
    pub href: String,
    pub title: String,
    pub status_label: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "review_queue.html")]
pub struct QueuePage {
    pub c: Chrome,
    pub staff: bool,
    pub submissions: Vec<QueueRow>,
    pub assignments: Vec<QueueRow>,
}

fn readiness_text(tr: &Tr, r: &Readiness, state: &AppState) -> String {
    let p = &state.options.review;
    tr.t_with(
        "review-readiness",
        &[
            ("un", crate::i18n::Arg::Num(r.un as i64)),
            ("min_un", crate::i18n::Arg::Num(p.min_un_reviewers as i64)),
            ("external", crate::i18n::Arg::Num(r.external as i64)),
            (
                "min_external",
                crate::i18n::Arg::Num(p.min_external_reviewers as i64),
            ),
            ("pending", crate::i18n::Arg::Num(r.pending as i64)),
        ],
    )
}

/// `GET /{lang}/practices/review`: for the secretariat, every submission under way; for a
/// reviewer, their assignments.
pub async fn queue(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::ReviewPractice)?;
    let tr = Tr::new(lang);
    let staff = is_staff(&auth);
    let mut submissions = Vec::new();
    if staff {
        for status in [
            PracticeStatus::Submitted,
            PracticeStatus::InReview,
            PracticeStatus::RevisionRequested,
        ] {
            let filter = Filter {
                status: Some(status.as_str().to_string()),
                ..Filter::default()
            };
            let (items, _) =
                practices::list(&state.db, &filter, Sort::Oldest, lang.code(), 500, 0).await?;
            for s in items {
                let all = reviews::of_practice(&state.db, &s.id).await?;
                let round = all.iter().map(|r| r.round).max().unwrap_or(0);
                let ready = reviews::readiness(&all, round, &state.options.review);
                submissions.push(QueueRow {
                    href: format!("/{}/practices/{}/review", lang.code(), s.id),
                    title: s.title,
                    status_label: status_label(&tr, &s.status),
                    detail: readiness_text(&tr, &ready, &state),
                });
            }
        }
    }
    let mut assignments = Vec::new();
    for r in reviews::of_reviewer(&state.db, &me.user.id).await? {
        let title = match practices::get(&state.db, &r.practice_id).await? {
            Some(p) => p.title(lang.code()),
            None => continue,
        };
        assignments.push(QueueRow {
            href: format!("/{}/practices/{}/review", lang.code(), r.practice_id),
            title,
            status_label: tr.t(&format!("review-state-{}", r.state)),
            detail: tr.tn("review-round", "round", r.round),
        });
    }
    Ok(page_with_status(
        StatusCode::OK,
        &QueuePage {
            c: Chrome::new(
                &state,
                &auth,
                lang,
                "/practices/review",
                Some(Area::Practices),
            ),
            staff,
            submissions,
            assignments,
        },
    ))
}

pub struct ReviewView {
    pub reviewer: String,
    pub kind: String,
    pub round: i64,
    pub state: String,
    pub tie_break: bool,
    pub scores: Vec<(String, String)>,
    pub mean: String,
    pub recommendation: String,
    pub comment: String,
    pub conflict_note: String,
}

pub struct EventView {
    pub at: String,
    pub label: String,
    pub by: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "review_workspace.html")]
pub struct WorkspacePage {
    pub c: Chrome,
    pub id: String,
    pub title: String,
    pub status: String,
    pub status_label: String,
    pub round: i64,
    pub error: Option<String>,
    pub staff: bool,
    pub readiness: String,
    pub tie_break_needed: bool,
    pub reviews: Vec<ReviewView>,
    /// (user id, label) of reviewers the secretariat may assign now.
    pub candidates: Vec<(String, String)>,
    /// Names of reviewers left out because they belong to the practice's organisation.
    pub excluded: Vec<String>,
    /// The caller's open assignment in this round, if any.
    pub my_review: Option<String>,
    pub criteria: Vec<(String, String)>,
    pub decisions: Vec<(String, String)>,
    pub history: Vec<EventView>,
    pub can_request_revision: bool,
    pub in_review: bool,
}

async fn workspace_page(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    p: &Practice,
    error: Option<String>,
) -> AppResult<WorkspacePage> {
    let tr = Tr::new(lang);
    let staff = is_staff(auth);
    let me = auth.require_user(&Action::ReviewPractice)?;
    let all = reviews::of_practice(&state.db, &p.id).await?;
    let ready = reviews::readiness(&all, p.review_round, &state.options.review);
    let view = |r: &Review| ReviewView {
        reviewer: if staff || r.reviewer_id == me.user.id {
            r.reviewer_name.clone()
        } else {
            tr.t("review-another-reviewer")
        },
        kind: tr.t(&format!("review-kind-{}", r.reviewer_kind)),
        round: r.round,
        state: tr.t(&format!("review-state-{}", r.state)),
        tie_break: r.tie_break,
        scores: Criterion::ALL
            .iter()
            .map(|c| {
                (
                    tr.t(&format!("review-criterion-{}", c.as_str())),
                    r.scores
                        .get(c.as_str())
                        .map(|s| s.to_string())
                        .unwrap_or_default(),
                )
            })
            .collect(),
        mean: r.mean().map(|m| format!("{m:.1}")).unwrap_or_default(),
        recommendation: r
            .recommendation
            .as_deref()
            .map(|d| tr.t(&format!("review-decision-{d}")))
            .unwrap_or_default(),
        comment: r.comment.clone().unwrap_or_default(),
        conflict_note: r.conflict_note.clone().unwrap_or_default(),
    };
    // Reviewers see only their own reviews; the secretariat sees all.
    let shown: Vec<ReviewView> = all
        .iter()
        .filter(|r| staff || r.reviewer_id == me.user.id)
        .map(view)
        .collect();
    let (mut candidates, mut excluded) = (Vec::new(), Vec::new());
    if staff {
        for c in reviews::candidates(&state.db, &p.id).await? {
            if c.own_organisation {
                excluded.push(c.name);
            } else if !c.assigned {
                candidates.push((
                    c.user_id,
                    tr.t_with(
                        "review-candidate",
                        &[
                            ("name", crate::i18n::Arg::Str(c.name)),
                            (
                                "kind",
                                crate::i18n::Arg::Str(tr.t(&format!("review-kind-{}", c.kind))),
                            ),
                            ("open", crate::i18n::Arg::Num(c.open_assignments)),
                        ],
                    ),
                ));
            }
        }
    }
    let my_review = all
        .iter()
        .find(|r| r.reviewer_id == me.user.id && r.round == p.review_round && r.state == "assigned")
        .map(|r| r.id.clone());
    let in_review = p.status == "in_review";
    let history = gcm_store::submissions::history(&state.db, &p.id, !staff)
        .await?
        .into_iter()
        .map(|e| EventView {
            at: super::shown_time(&e.at, true),
            label: event_label(&tr, &e.kind),
            by: e.by_name.unwrap_or_default(),
            note: e.note.unwrap_or_default(),
        })
        .collect();
    Ok(WorkspacePage {
        c: Chrome::new(
            state,
            auth,
            lang,
            &format!("/practices/{}/review", p.id),
            Some(Area::Practices),
        ),
        id: p.id.clone(),
        title: p.title(lang.code()),
        status: p.status.clone(),
        status_label: status_label(&tr, &p.status),
        round: p.review_round,
        error,
        staff,
        readiness: readiness_text(&tr, &ready, state),
        tie_break_needed: ready.tie_break_needed,
        reviews: shown,
        candidates,
        excluded,
        can_request_revision: in_review && (staff || my_review.is_some()),
        my_review,
        criteria: Criterion::ALL
            .iter()
            .map(|c| {
                (
                    c.as_str().to_string(),
                    tr.t(&format!("review-criterion-{}", c.as_str())),
                )
            })
            .collect(),
        decisions: Decision::ALL
            .iter()
            .map(|d| {
                (
                    d.as_str().to_string(),
                    tr.t(&format!("review-decision-{}", d.as_str())),
                )
            })
            .collect(),
        history,
        in_review,
    })
}

/// `GET /{lang}/practices/{id}/review`
pub async fn workspace(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let p = under_review(&state, &auth, &id).await?;
    let page = workspace_page(&state, &auth, lang, &p, None).await?;
    Ok(page_with_status(StatusCode::OK, &page))
}

/// Re-renders the workspace with the error, or goes back to it after success.
async fn answer(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    id: &str,
    result: Result<(), ReviewError>,
) -> AppResult<Response> {
    match result {
        Ok(()) => Ok(see_other(&format!(
            "/{}/practices/{id}/review",
            lang.code()
        ))),
        Err(ReviewError::Db(d)) => Err(AppError::internal(d)),
        Err(ReviewError::NotFound) => Err(AppError::not_found()),
        Err(e) => {
            let err = review_error(e);
            let p = practices::get(&state.db, id)
                .await?
                .ok_or_else(AppError::not_found)?;
            let page = workspace_page(state, auth, lang, &p, Some(err.message(lang))).await?;
            Ok(page_with_status(err.status, &page))
        }
    }
}

fn form(body: &[u8]) -> BTreeMap<String, String> {
    url::form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.trim().to_string()))
        .collect()
}

/// `POST /{lang}/practices/{id}/reviewers` (secretariat): field `reviewer_id`.
pub async fn assign(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    auth.require_user(&Action::ManagePracticeReview)?;
    let f = form(&body);
    let reviewer = f.get("reviewer_id").cloned().unwrap_or_default();
    let r = assign_and_notify(&state, &auth, lang, &id, &reviewer)
        .await
        .map(|_| ());
    answer(&state, &auth, lang, &id, r).await
}

/// Who may send a practice back: the secretariat, or a reviewer assigned in this round.
async fn may_request_revision(state: &AppState, auth: &Auth, p: &Practice) -> AppResult<()> {
    let me = auth.require_user(&Action::ReviewPractice)?;
    if is_staff(auth) {
        return Ok(());
    }
    let mine = reviews::of_practice(&state.db, &p.id)
        .await?
        .into_iter()
        .any(|r| r.reviewer_id == me.user.id && r.round == p.review_round && r.state != "conflict");
    if mine {
        Ok(())
    } else {
        Err(AppError::forbidden())
    }
}

/// `POST /{lang}/practices/{id}/revision-request`: field `note`.
pub async fn revision_request(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    let p = under_review(&state, &auth, &id).await?;
    may_request_revision(&state, &auth, &p).await?;
    let me = auth.require_user(&Action::ReviewPractice)?;
    let note = form(&body).get("note").cloned().unwrap_or_default();
    let r = revision_and_notify(&state, &auth, lang, &p, &me.user.id, &note).await;
    answer(&state, &auth, lang, &id, r).await
}

fn parse_decision(s: &str) -> Result<Decision, ReviewError> {
    Decision::parse(s).ok_or(ReviewError::Invalid("decision"))
}

/// `POST /{lang}/practices/{id}/decision` (secretariat): fields `decision`, `reasons`.
pub async fn decide(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::ManagePracticeReview)?;
    let f = form(&body);
    let r = match parse_decision(f.get("decision").map(String::as_str).unwrap_or("")) {
        Ok(d) => decide_and_notify(
            &state,
            &auth,
            lang,
            &id,
            &me.user.id,
            d,
            f.get("reasons").map(String::as_str).unwrap_or(""),
        )
        .await
        .map(|_| ()),
        Err(e) => Err(e),
    };
    answer(&state, &auth, lang, &id, r).await
}

/// Reads a scorecard from form fields or the API's JSON.
fn scorecard(
    scores: &BTreeMap<String, String>,
    comment: &str,
    recommendation: &str,
) -> Result<Scorecard, ReviewError> {
    let mut out = BTreeMap::new();
    for c in Criterion::ALL {
        let s = scores
            .get(c.as_str())
            .and_then(|v| v.parse::<u8>().ok())
            .filter(|s| (1..=5).contains(s))
            .ok_or(ReviewError::Invalid(c.as_str()))?;
        out.insert(*c, s);
    }
    Ok(Scorecard {
        scores: out,
        comment: comment.to_string(),
        recommendation: Decision::parse(recommendation)
            .ok_or(ReviewError::Invalid("recommendation"))?,
    })
}

/// The practice an assignment belongs to.
async fn practice_of_review(state: &AppState, review_id: &str) -> AppResult<Review> {
    reviews::get(&state.db, review_id)
        .await?
        .ok_or_else(AppError::not_found)
}

/// `POST /{lang}/reviews/{review_id}`: fields named after the criteria (1–5), `comment`,
/// `recommendation`.
pub async fn submit_review(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, review_id)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::ReviewPractice)?;
    let review = practice_of_review(&state, &review_id).await?;
    if review.reviewer_id != me.user.id {
        return Err(AppError::not_found());
    }
    let f = form(&body);
    let r = match scorecard(
        &f,
        f.get("comment").map(String::as_str).unwrap_or(""),
        f.get("recommendation").map(String::as_str).unwrap_or(""),
    ) {
        Ok(card) => review_and_notify(&state, &auth, lang, &review, &me.user.id, &card)
            .await
            .map(|_| ()),
        Err(e) => Err(e),
    };
    answer(&state, &auth, lang, &review.practice_id, r).await
}

/// `POST /{lang}/reviews/{review_id}/conflict`: field `note`.
pub async fn conflict(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, review_id)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::ReviewPractice)?;
    let review = practice_of_review(&state, &review_id).await?;
    if review.reviewer_id != me.user.id {
        return Err(AppError::not_found());
    }
    let note = form(&body).get("note").cloned().unwrap_or_default();
    let r =
        reviews::declare_conflict(&state.db, &auth.actor(), &review_id, &me.user.id, &note).await;
    answer(&state, &auth, lang, &review.practice_id, r).await
}

/// A review in the API.
#[derive(Serialize, ToSchema)]
pub struct ReviewOut {
    pub id: String,
    pub practice_id: String,
    /// Only for the secretariat and the reviewer themself.
    pub reviewer_id: Option<String>,
    pub reviewer_name: Option<String>,
    pub round: i64,
    /// `un` or `external`.
    pub reviewer_kind: String,
    pub tie_break: bool,
    /// `assigned`, `conflict` or `submitted`.
    pub state: String,
    pub scores: BTreeMap<String, i64>,
    pub comment: Option<String>,
    pub recommendation: Option<String>,
    pub assigned_at: String,
    pub submitted_at: Option<String>,
}

fn review_out(r: Review, named: bool) -> ReviewOut {
    ReviewOut {
        id: r.id,
        practice_id: r.practice_id,
        reviewer_id: named.then_some(r.reviewer_id),
        reviewer_name: named.then_some(r.reviewer_name),
        round: r.round,
        reviewer_kind: r.reviewer_kind,
        tie_break: r.tie_break,
        state: r.state,
        scores: r.scores,
        comment: r.comment,
        recommendation: r.recommendation,
        assigned_at: r.assigned_at,
        submitted_at: r.submitted_at,
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/reviews",
    tag = "practices",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller's review assignments, open ones first", body = Vec<ReviewOut>),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not a peer reviewer", body = ErrorEnvelope),
    )
)]
pub async fn api_assignments(
    State(state): State<AppState>,
    auth: Auth,
) -> AppResult<Json<Vec<ReviewOut>>> {
    let me = auth.require_user(&Action::ReviewPractice)?;
    Ok(Json(
        reviews::of_reviewer(&state.db, &me.user.id)
            .await?
            .into_iter()
            .map(|r| review_out(r, true))
            .collect(),
    ))
}

/// The reviews of a practice and where the current round stands.
#[derive(Serialize, ToSchema)]
pub struct PracticeReviews {
    pub status: String,
    pub round: i64,
    #[schema(value_type = Object)]
    pub readiness: Readiness,
    pub reviews: Vec<ReviewOut>,
}

#[utoipa::path(
    get,
    path = "/api/v1/practices/{id}/reviews",
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "Practice id")),
    responses(
        (status = 200, description = "All reviews (secretariat) or one's own (assigned reviewer)", body = PracticeReviews),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not a peer reviewer", body = ErrorEnvelope),
        (status = 404, description = "No such practice, or not assigned to it", body = ErrorEnvelope),
    )
)]
pub async fn api_reviews_of(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<PracticeReviews>> {
    let p = under_review(&state, &auth, &id).await?;
    let me = auth.require_user(&Action::ReviewPractice)?;
    let staff = is_staff(&auth);
    let all = reviews::of_practice(&state.db, &id).await?;
    let readiness = reviews::readiness(&all, p.review_round, &state.options.review);
    Ok(Json(PracticeReviews {
        status: p.status,
        round: p.review_round,
        readiness,
        reviews: all
            .into_iter()
            .filter(|r| staff || r.reviewer_id == me.user.id)
            .map(|r| review_out(r, true))
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct AssignBody {
    pub reviewer_id: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/practices/{id}/reviewers",
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "Practice id")),
    request_body = AssignBody,
    responses(
        (status = 201, description = "Assigned; body has the review id"),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not the secretariat", body = ErrorEnvelope),
        (status = 404, description = "No such practice", body = ErrorEnvelope),
        (status = 409, description = "Already assigned, or the practice is not awaiting review", body = ErrorEnvelope),
        (status = 422, description = "Not a peer reviewer, or from the practice's own organisation", body = ErrorEnvelope),
    )
)]
pub async fn api_assign(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Json(b): Json<AssignBody>,
) -> AppResult<(StatusCode, Json<serde_json::Value>)> {
    auth.require_user(&Action::ManagePracticeReview)?;
    let review = assign_and_notify(&state, &auth, Lang::En, &id, &b.reviewer_id)
        .await
        .map_err(review_error)?;
    Ok((
        StatusCode::CREATED,
        Json(serde_json::json!({ "review_id": review })),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct ReviewBody {
    /// Each criterion (`relevance`, `principles`, `evidence`, `replicability`, `innovation`,
    /// `sustainability`) scored 1–5.
    pub scores: BTreeMap<String, u8>,
    pub comment: String,
    /// `publish`, `revise` or `reject`.
    pub recommendation: String,
}

#[derive(Serialize, ToSchema)]
pub struct ReviewOutcome {
    /// `recorded`, `tie_break_assigned` or `tie_break_needed`.
    pub outcome: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/reviews/{review_id}",
    tag = "practices",
    security(("bearer" = [])),
    params(("review_id" = String, Path, description = "Review (assignment) id")),
    request_body = ReviewBody,
    responses(
        (status = 200, description = "Review recorded; a further reviewer may have been pulled in", body = ReviewOutcome),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not a peer reviewer", body = ErrorEnvelope),
        (status = 404, description = "No such assignment of the caller", body = ErrorEnvelope),
        (status = 409, description = "Already submitted, declared a conflict, or the round is over", body = ErrorEnvelope),
        (status = 422, description = "A score, the comment or the recommendation is missing or out of range", body = ErrorEnvelope),
    )
)]
pub async fn api_submit(
    State(state): State<AppState>,
    auth: Auth,
    Path(review_id): Path<String>,
    Json(b): Json<ReviewBody>,
) -> AppResult<Json<ReviewOutcome>> {
    let me = auth.require_user(&Action::ReviewPractice)?;
    let review = practice_of_review(&state, &review_id).await?;
    if review.reviewer_id != me.user.id {
        return Err(AppError::not_found());
    }
    let scores: BTreeMap<String, String> = b
        .scores
        .iter()
        .map(|(k, v)| (k.clone(), v.to_string()))
        .collect();
    let card = scorecard(&scores, &b.comment, &b.recommendation).map_err(review_error)?;
    let after = review_and_notify(&state, &auth, Lang::En, &review, &me.user.id, &card)
        .await
        .map_err(review_error)?;
    Ok(Json(ReviewOutcome {
        outcome: match after {
            reviews::AfterReview::Recorded => "recorded",
            reviews::AfterReview::TieBreakAssigned(_) => "tie_break_assigned",
            reviews::AfterReview::TieBreakNeeded => "tie_break_needed",
        }
        .to_string(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct NoteBody {
    pub note: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/reviews/{review_id}/conflict",
    tag = "practices",
    security(("bearer" = [])),
    params(("review_id" = String, Path, description = "Review (assignment) id")),
    request_body = NoteBody,
    responses(
        (status = 204, description = "Conflict of interest declared; the reviewer steps out"),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not a peer reviewer", body = ErrorEnvelope),
        (status = 404, description = "No such assignment of the caller", body = ErrorEnvelope),
        (status = 409, description = "The assignment is not open", body = ErrorEnvelope),
        (status = 422, description = "The note is missing", body = ErrorEnvelope),
    )
)]
pub async fn api_conflict(
    State(state): State<AppState>,
    auth: Auth,
    Path(review_id): Path<String>,
    Json(b): Json<NoteBody>,
) -> AppResult<StatusCode> {
    let me = auth.require_user(&Action::ReviewPractice)?;
    let review = practice_of_review(&state, &review_id).await?;
    if review.reviewer_id != me.user.id {
        return Err(AppError::not_found());
    }
    reviews::declare_conflict(&state.db, &auth.actor(), &review_id, &me.user.id, &b.note)
        .await
        .map_err(review_error)?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    post,
    path = "/api/v1/practices/{id}/revision-request",
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "Practice id")),
    request_body = NoteBody,
    responses(
        (status = 204, description = "Sent back to the submitter with the note"),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Neither the secretariat nor a reviewer of this round", body = ErrorEnvelope),
        (status = 404, description = "No such practice, or not assigned to it", body = ErrorEnvelope),
        (status = 409, description = "Not in review", body = ErrorEnvelope),
        (status = 422, description = "The note is missing", body = ErrorEnvelope),
    )
)]
pub async fn api_revision_request(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Json(b): Json<NoteBody>,
) -> AppResult<StatusCode> {
    let p = under_review(&state, &auth, &id).await?;
    may_request_revision(&state, &auth, &p).await?;
    let me = auth.require_user(&Action::ReviewPractice)?;
    revision_and_notify(&state, &auth, Lang::En, &p, &me.user.id, &b.note)
        .await
        .map_err(review_error)?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct DecisionBody {
    /// `publish`, `revise` or `reject`.
    pub decision: String,
    pub reasons: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/practices/{id}/decision",
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "Practice id")),
    request_body = DecisionBody,
    responses(
        (status = 200, description = "Decided; body has the new status"),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not the secretariat", body = ErrorEnvelope),
        (status = 404, description = "No such practice", body = ErrorEnvelope),
        (status = 409, description = "Not in review, or the reviews needed are not in (details say which)", body = ErrorEnvelope),
        (status = 422, description = "Unknown decision or reasons missing", body = ErrorEnvelope),
    )
)]
pub async fn api_decide(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Json(b): Json<DecisionBody>,
) -> AppResult<Json<serde_json::Value>> {
    let me = auth.require_user(&Action::ManagePracticeReview)?;
    let d = parse_decision(&b.decision).map_err(review_error)?;
    let status = decide_and_notify(&state, &auth, Lang::En, &id, &me.user.id, d, &b.reasons)
        .await
        .map_err(review_error)?;
    Ok(Json(serde_json::json!({ "status": status.as_str() })))
}
