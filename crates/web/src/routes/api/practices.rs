//! `/api/v1/practices`: the knowledge platform's practices, filtered like the explore page,
//! with facet counts; and one practice with all its public fields.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use gcm_store::practices::{self, Practice};
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::auth::Auth;
use crate::error::{AppResult, ErrorEnvelope};
use crate::routes::practices::{ExploreQuery, visible};

/// A practice in a list.
#[derive(Serialize, ToSchema)]
pub struct PracticeSummaryOut {
    pub id: String,
    pub external_id: String,
    pub title: String,
    pub summary: String,
    /// Language of `title` and `summary`.
    pub lang: String,
    /// `submission`, `seed` (imported from the source documents) or `import`.
    pub source: String,
    pub peer_reviewed: bool,
    /// ISO 3166-1 alpha-3 codes.
    pub countries: Vec<String>,
    pub objectives: Vec<u8>,
    pub published_at: Option<String>,
}

/// Counts per facet value among the matching practices.
#[derive(Serialize, ToSchema)]
pub struct FacetsOut {
    pub objective: BTreeMap<String, i64>,
    pub principle: BTreeMap<String, i64>,
    pub country: BTreeMap<String, i64>,
    pub theme: BTreeMap<String, i64>,
    pub stakeholder: BTreeMap<String, i64>,
    pub lang: BTreeMap<String, i64>,
    pub source: BTreeMap<String, i64>,
    pub progress: BTreeMap<String, i64>,
}

#[derive(Serialize, ToSchema)]
pub struct PracticeList {
    pub items: Vec<PracticeSummaryOut>,
    pub total: i64,
    pub next: Option<String>,
    pub facets: FacetsOut,
}

const PAGE_SIZE: i64 = 50;

fn map(v: Vec<(String, i64)>) -> BTreeMap<String, i64> {
    v.into_iter().collect()
}

#[utoipa::path(
    get,
    path = "/api/v1/practices",
    tag = "practices",
    params(ExploreQuery),
    responses(
        (status = 200, description = "Published practices matching the filters, with facet counts", body = PracticeList),
        (status = 400, description = "A filter value is not valid (the message names it)", body = ErrorEnvelope),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    Query(q): Query<ExploreQuery>,
) -> AppResult<Json<PracticeList>> {
    let filter = q.filter(&state.compact)?;
    let sort = q.sort()?;
    let page = q.page()?;
    let lang = filter.lang.clone().unwrap_or_default();
    let (items, total) = practices::list(
        &state.db,
        &filter,
        sort,
        &lang,
        PAGE_SIZE,
        (page - 1) * PAGE_SIZE,
    )
    .await?;
    let f = practices::facets(&state.db, &filter).await?;
    Ok(Json(PracticeList {
        items: items
            .into_iter()
            .map(|p| PracticeSummaryOut {
                id: p.id,
                external_id: p.external_id,
                title: p.title,
                summary: p.summary,
                lang: p.lang,
                source: p.source,
                peer_reviewed: p.peer_reviewed,
                countries: p.countries,
                objectives: p.objectives,
                published_at: p.published_at,
            })
            .collect(),
        total,
        next: (page * PAGE_SIZE < total)
            .then(|| format!("/api/v1/practices?{}", q.with_page(page + 1))),
        facets: FacetsOut {
            objective: map(f.objective),
            principle: map(f.principle),
            country: map(f.country),
            theme: map(f.theme),
            stakeholder: map(f.stakeholder),
            lang: map(f.lang),
            source: map(f.source),
            progress: map(f.progress),
        },
    }))
}

/// One text of a practice.
#[derive(Serialize, ToSchema)]
pub struct TextOut {
    pub field: String,
    pub lang: String,
    pub text: String,
    /// `human` or `machine` (translation).
    pub origin: String,
}

/// A practice with its public fields.
#[derive(Serialize, ToSchema)]
pub struct PracticeOut {
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
    /// Where an imported practice was found (document and lines).
    #[schema(value_type = Object)]
    pub provenance: Option<serde_json::Value>,
    /// GFMD Platform for Partnerships id.
    pub pfp_id: Option<String>,
    pub published_at: Option<String>,
    pub texts: Vec<TextOut>,
    pub countries: Vec<String>,
    pub regions: Vec<String>,
    pub themes: Vec<String>,
    pub stakeholders: Vec<String>,
    /// Stable references: objectives, actions, guiding principles, GFMD clusters, SDG targets.
    pub tags: Vec<String>,
    pub objectives: Vec<u8>,
    /// The guiding principles it follows, each with how (as the submitter put it).
    pub principles: Vec<PrincipleOut>,
    pub partners: Option<String>,
    /// Languages the practice works in.
    pub languages: Vec<String>,
    /// The call for practices it answered.
    pub call_id: Option<String>,
}

/// A guiding principle a practice follows.
#[derive(Serialize, ToSchema)]
pub struct PrincipleOut {
    pub slug: String,
    pub how: Option<String>,
}

impl From<Practice> for PracticeOut {
    fn from(p: Practice) -> Self {
        let objectives = p.objectives();
        let principles = p
            .links
            .iter()
            .filter_map(|l| {
                l.reference
                    .strip_prefix("gcm:gp:")
                    .map(|slug| PrincipleOut {
                        slug: slug.to_string(),
                        how: l.note.clone(),
                    })
            })
            .collect();
        PracticeOut {
            objectives,
            principles,
            partners: p.partners,
            languages: p.languages,
            call_id: p.call_id,
            id: p.id,
            external_id: p.external_id,
            status: p.status,
            source: p.source,
            peer_reviewed: p.peer_reviewed,
            org_id: p.org_id,
            implementer: p.implementer,
            original_lang: p.original_lang,
            scope: p.scope,
            progress: p.progress,
            start_year: p.start_year,
            end_year: p.end_year,
            funding: p.funding,
            link: p.link,
            provenance: p.provenance,
            pfp_id: p.pfp_id,
            published_at: p.published_at,
            texts: p
                .texts
                .into_iter()
                .map(|t| TextOut {
                    field: t.field,
                    lang: t.lang,
                    text: t.text,
                    origin: t.origin,
                })
                .collect(),
            countries: p.countries,
            regions: p.regions,
            themes: p.themes,
            stakeholders: p.stakeholders,
            tags: p.links.into_iter().map(|l| l.reference).collect(),
        }
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/practices/{id}",
    tag = "practices",
    params(("id" = String, Path, description = "Practice id")),
    responses(
        (status = 200, description = "One practice", body = PracticeOut),
        (status = 404, description = "No such published practice", body = ErrorEnvelope),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<PracticeOut>> {
    Ok(Json(visible(&state, &auth, &id).await?.into()))
}
