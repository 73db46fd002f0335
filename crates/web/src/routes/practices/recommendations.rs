//! `GET /{lang}/recommendations` and `GET /api/v1/recommendations`: the GFMD's policy options
//! and options for practical action, filtered by objective, cluster and kind.

use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use gcm_store::recommendations::{self, Filter, Recommendation};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{FilterField, objective_filter, options};
use crate::AppState;
use crate::auth::Auth;
use crate::error::{AppError, AppResult, ErrorEnvelope};
use crate::i18n::Tr;
use crate::pages::{Area, Chrome};
use crate::routes::forms::page_with_status;
use crate::routes::shell::PageLang;

const KINDS: [&str; 2] = ["policy_option", "practical_action"];
const PAGE_SIZE: i64 = 50;

#[derive(Deserialize, Default, IntoParams)]
pub struct RecommendationQuery {
    /// Objective number, 1 to 23.
    #[serde(default)]
    pub objective: String,
    /// GFMD thematic cluster, 1 to 6.
    #[serde(default)]
    pub cluster: String,
    /// `policy_option` or `practical_action`.
    #[serde(default)]
    pub kind: String,
    /// Page number, from 1.
    pub page: Option<i64>,
}

impl RecommendationQuery {
    fn filter(&self) -> AppResult<Filter> {
        let num = |s: &str, max: u8, name: &str| -> AppResult<Option<u8>> {
            match s.trim() {
                "" => Ok(None),
                v => v
                    .parse::<u8>()
                    .ok()
                    .filter(|n| (1..=max).contains(n))
                    .map(Some)
                    .ok_or_else(|| AppError::invalid_parameter(name)),
            }
        };
        let kind = match self.kind.trim() {
            "" => None,
            k if KINDS.contains(&k) => Some(k.to_string()),
            _ => return Err(AppError::invalid_parameter("kind")),
        };
        Ok(Filter {
            objective: num(&self.objective, 23, "objective")?,
            cluster: num(&self.cluster, 6, "cluster")?,
            kind,
            ..Filter::default()
        })
    }

    fn page(&self) -> AppResult<i64> {
        crate::routes::forms::page_number(self.page, 10_000)
    }

    fn next(&self, base: &str, page: i64) -> String {
        format!(
            "{base}?objective={}&cluster={}&kind={}&page={page}",
            self.objective, self.cluster, self.kind
        )
    }
}

pub struct RecommendationRow {
    pub external_id: String,
    pub kind_label: String,
    pub cluster: Option<i64>,
    pub focus_area: Option<String>,
    pub text: String,
    pub lang: String,
    pub objectives: Vec<i64>,
}

#[derive(Template)]
#[template(path = "recommendations.html")]
pub struct RecommendationsPage {
    pub c: Chrome,
    pub filters: Vec<FilterField>,
    pub items: Vec<RecommendationRow>,
    pub total: i64,
    pub next: Option<String>,
}

/// `GET /{lang}/recommendations`
pub async fn page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Query(q): Query<RecommendationQuery>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let filter = q.filter()?;
    let page = q.page()?;
    let (items, total) = recommendations::list(
        &state.db,
        &filter,
        lang.code(),
        PAGE_SIZE,
        (page - 1) * PAGE_SIZE,
    )
    .await?;
    let gfmd = state.compact.frameworks().list();
    let clusters: Vec<(String, String)> = gfmd
        .iter()
        .filter(|f| f.id == "gfmd")
        .flat_map(|f| f.items.iter())
        .filter_map(|it| match it.reference() {
            gcm_compact::Ref::GfmdCluster(n) => {
                Some((n.to_string(), format!("{n}. {}", it.title())))
            }
            _ => None,
        })
        .collect();
    let filters = vec![
        objective_filter(&state.compact, &tr, lang, &q.objective),
        FilterField {
            name: "cluster",
            label: tr.t("recommendations-cluster"),
            options: options(&q.cluster, clusters),
        },
        FilterField {
            name: "kind",
            label: tr.t("recommendations-kind"),
            options: options(
                &q.kind,
                KINDS
                    .iter()
                    .map(|k| (k.to_string(), tr.t(&format!("recommendations-kind-{k}"))))
                    .collect(),
            ),
        },
    ];
    let rows = items
        .into_iter()
        .map(|r| RecommendationRow {
            kind_label: tr.t(&format!("recommendations-kind-{}", r.kind)),
            external_id: r.external_id,
            cluster: r.gfmd_cluster,
            focus_area: r.focus_area,
            text: r.text,
            lang: r.lang,
            objectives: r.objectives,
        })
        .collect();
    let next = (page * PAGE_SIZE < total)
        .then(|| q.next(&format!("/{}/recommendations", lang.code()), page + 1));
    Ok(page_with_status(
        StatusCode::OK,
        &RecommendationsPage {
            c: Chrome::new(
                &state,
                &auth,
                lang,
                "/recommendations",
                Some(Area::Practices),
            ),
            filters,
            items: rows,
            total,
            next,
        },
    ))
}

/// A recommendation.
#[derive(Serialize, ToSchema)]
pub struct RecommendationOut {
    pub id: String,
    pub external_id: String,
    /// `policy_option` or `practical_action`.
    pub kind: String,
    pub gfmd_cluster: Option<i64>,
    pub focus_area: Option<String>,
    pub text: String,
    pub lang: String,
    pub objectives: Vec<i64>,
    #[schema(value_type = Object)]
    pub provenance: Option<serde_json::Value>,
}

impl From<Recommendation> for RecommendationOut {
    fn from(r: Recommendation) -> Self {
        RecommendationOut {
            id: r.id,
            external_id: r.external_id,
            kind: r.kind,
            gfmd_cluster: r.gfmd_cluster,
            focus_area: r.focus_area,
            text: r.text,
            lang: r.lang,
            objectives: r.objectives,
            provenance: r.provenance,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct RecommendationList {
    pub items: Vec<RecommendationOut>,
    pub total: i64,
    pub next: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/recommendations",
    tag = "practices",
    params(RecommendationQuery),
    responses(
        (status = 200, description = "GFMD recommendations", body = RecommendationList),
        (status = 400, description = "A filter value is not valid", body = ErrorEnvelope),
    )
)]
pub async fn api(
    State(state): State<AppState>,
    Query(q): Query<RecommendationQuery>,
) -> AppResult<Json<RecommendationList>> {
    let filter = q.filter()?;
    let page = q.page()?;
    let (items, total) =
        recommendations::list(&state.db, &filter, "en", PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    Ok(Json(RecommendationList {
        items: items.into_iter().map(RecommendationOut::from).collect(),
        total,
        next: (page * PAGE_SIZE < total).then(|| q.next("/api/v1/recommendations", page + 1)),
    }))
}
