//! The hub's dashboard (`/{lang}/hub/dashboard`, `/api/v1/hub/dashboard`): requests by step,
//! objective and region, the time from submission to the first response and to set-up, open
//! offers; and the open data of public requests (`/data/hub/requests.{csv,json}`), with only
//! what requesters made public (`gcm_store::hub_requests::EXPORT_COLUMNS` classifies every column).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use gcm_core::hub::RequestStatus;
use gcm_store::hub_requests::{self, Dashboard, ListFilter, Percentiles};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::status_label;
use crate::AppState;
use crate::auth::Auth;
use crate::compact_view::objective_title;
use crate::error::{AppResult, ErrorEnvelope};
use crate::i18n::{Arg, Tr};
use crate::pages::{Area, Chrome};
use crate::routes::forms::page_with_status;
use crate::routes::opendata::{csv_response, to_csv};
use crate::routes::shell::PageLang;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/hub/dashboard", get(page))
        .route("/data/hub/requests.csv", get(data_csv))
        .route("/data/hub/requests.json", get(data_json))
}

pub fn api(r: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    r.routes(routes!(api_dashboard))
}

/// Columns of `/data/hub/requests.csv`: one row per request and language of its public texts.
pub const CSV_COLUMNS: [&str; 14] = [
    "id",
    "reference",
    "lang",
    "title",
    "description",
    "original_lang",
    "status",
    "org_id",
    "country",
    "region",
    "objectives",
    "support",
    "budget_usd",
    "submitted_at",
];

/// A public request in the open data.
#[derive(Serialize, ToSchema)]
pub struct PublicRequest {
    pub id: String,
    pub reference: Option<String>,
    pub status: String,
    pub status_since: String,
    pub submitted_at: Option<String>,
    pub org_id: String,
    pub org_name: String,
    pub country: String,
    pub region: Option<String>,
    pub original_lang: String,
    /// Title and description in every language they exist in: `{lang: {field: text}}`.
    #[schema(value_type = Object)]
    pub texts: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>,
    pub objectives: Vec<u8>,
    pub support: Vec<String>,
    /// Only when the requester made the budget public.
    pub budget_usd: Option<i64>,
}

async fn public_requests(state: &AppState) -> AppResult<Vec<PublicRequest>> {
    let mut out = Vec::new();
    // Every public request: the export is one file, not a page.
    let (public, _) =
        hub_requests::list(&state.db, &ListFilter::default(), "en", i64::MAX, 0).await?;
    for s in public {
        let Some(r) = hub_requests::load(&state.db, &s.id).await? else {
            continue;
        };
        if !r.is_visible_publicly() {
            continue;
        }
        let mut texts: std::collections::BTreeMap<
            String,
            std::collections::BTreeMap<String, String>,
        > = Default::default();
        for t in r
            .texts
            .iter()
            .filter(|t| t.field == "title" || t.field == "description")
        {
            texts
                .entry(t.lang.clone())
                .or_default()
                .insert(t.field.clone(), t.text.clone());
        }
        out.push(PublicRequest {
            id: r.id.clone(),
            reference: r.reference.clone(),
            status: r.status.as_str().to_string(),
            status_since: r.status_since.clone(),
            submitted_at: r.submitted_at.clone(),
            org_id: r.org_id.clone(),
            org_name: r.org_name.clone(),
            country: r.country.clone(),
            region: r.region.clone(),
            original_lang: r.original_lang.clone(),
            texts,
            objectives: r.objectives.clone(),
            support: r.support.iter().map(|k| k.as_str().to_string()).collect(),
            budget_usd: r.budget_usd.filter(|_| r.budget_public),
        });
    }
    out.sort_by(|a, b| a.reference.cmp(&b.reference));
    Ok(out)
}

/// `GET /data/hub/requests.json`: public requests, public fields.
pub async fn data_json(State(state): State<AppState>) -> AppResult<Json<Vec<PublicRequest>>> {
    Ok(Json(public_requests(&state).await?))
}

/// `GET /data/hub/requests.csv`: one row per public request and language (long format).
pub async fn data_csv(State(state): State<AppState>) -> AppResult<Response> {
    let mut rows = Vec::new();
    for r in public_requests(&state).await? {
        for (lang, texts) in &r.texts {
            let text = |f: &str| texts.get(f).cloned().unwrap_or_default();
            rows.push([
                r.id.clone(),
                r.reference.clone().unwrap_or_default(),
                lang.clone(),
                text("title"),
                text("description"),
                r.original_lang.clone(),
                r.status.clone(),
                r.org_id.clone(),
                r.country.clone(),
                r.region.clone().unwrap_or_default(),
                r.objectives
                    .iter()
                    .map(u8::to_string)
                    .collect::<Vec<_>>()
                    .join(" "),
                r.support.join(" "),
                r.budget_usd.map(|b| b.to_string()).unwrap_or_default(),
                r.submitted_at.clone().unwrap_or_default(),
            ]);
        }
    }
    Ok(csv_response("hub-requests.csv", to_csv(CSV_COLUMNS, rows)?).into_response())
}

/// A count under a key.
#[derive(Serialize, ToSchema)]
pub struct Count {
    pub key: String,
    pub count: i64,
}

/// Days: how many requests were measured, the median and the 90th percentile.
#[derive(Serialize, ToSchema)]
pub struct DaysOut {
    pub count: i64,
    pub median: Option<f64>,
    pub p90: Option<f64>,
}

impl From<Percentiles> for DaysOut {
    fn from(p: Percentiles) -> Self {
        DaysOut {
            count: p.count,
            median: p.median,
            p90: p.p90,
        }
    }
}

/// The dashboard's figures over submitted requests (public, aggregate).
#[derive(Serialize, ToSchema)]
pub struct DashboardOut {
    pub total: i64,
    pub by_status: Vec<Count>,
    /// Keys are objective numbers.
    pub by_objective: Vec<Count>,
    /// Keys are UN M49 region codes.
    pub by_region: Vec<Count>,
    /// Days from submission to the secretariat's first response.
    pub first_response_days: DaysOut,
    /// Days from submission to the end of implementation set-up.
    pub setup_days: DaysOut,
    /// Offers of support open today.
    pub open_offers: i64,
}

impl From<Dashboard> for DashboardOut {
    fn from(d: Dashboard) -> Self {
        let counts = |v: Vec<(String, i64)>| {
            v.into_iter()
                .map(|(key, count)| Count { key, count })
                .collect()
        };
        DashboardOut {
            total: d.total,
            by_status: counts(d.by_status),
            by_objective: counts(
                d.by_objective
                    .into_iter()
                    .map(|(n, c)| (n.to_string(), c))
                    .collect(),
            ),
            by_region: counts(d.by_region),
            first_response_days: d.first_response_days.into(),
            setup_days: d.setup_days.into(),
            open_offers: d.open_offers,
        }
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/hub/dashboard",
    tag = "hub",
    responses(
        (status = 200, description = "Requests by step, objective and region; days to first response and to set-up (median, 90th percentile); open offers", body = DashboardOut),
        (status = 500, description = "Internal error", body = ErrorEnvelope),
    )
)]
pub async fn api_dashboard(State(state): State<AppState>) -> AppResult<Json<DashboardOut>> {
    Ok(Json(
        hub_requests::dashboard(&state.db, gcm_store::calls::today())
            .await?
            .into(),
    ))
}

#[derive(Template)]
#[template(path = "hub_dashboard.html")]
pub struct DashboardPage {
    pub c: Chrome,
    pub total: i64,
    pub by_status: Vec<(String, i64)>,
    pub by_objective: Vec<(String, i64)>,
    pub by_region: Vec<(String, i64)>,
    pub first_response: String,
    pub setup: String,
    pub open_offers: i64,
}

fn days_text(tr: &Tr, p: Percentiles) -> String {
    match (p.median, p.p90) {
        (Some(m), Some(n)) => tr.t_with(
            "hub-dashboard-days",
            &[
                ("median", Arg::Str(format!("{m:.1}"))),
                ("p90", Arg::Str(format!("{n:.1}"))),
                ("count", Arg::Num(p.count)),
            ],
        ),
        _ => tr.t("hub-dashboard-no-data"),
    }
}

/// `GET /{lang}/hub/dashboard`
pub async fn page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let d = hub_requests::dashboard(&state.db, gcm_store::calls::today()).await?;
    let region_name = |code: &str| {
        gcm_core::geo::region(code)
            .map(|r| r.name(lang.code()).to_string())
            .unwrap_or_else(|| code.to_string())
    };
    Ok(page_with_status(
        StatusCode::OK,
        &DashboardPage {
            c: Chrome::new(&state, &auth, lang, "/hub/dashboard", Some(Area::Hub)),
            total: d.total,
            by_status: d
                .by_status
                .iter()
                .map(|(s, n)| {
                    (
                        RequestStatus::parse(s)
                            .map(|s| status_label(&tr, s))
                            .unwrap_or_else(|| s.clone()),
                        *n,
                    )
                })
                .collect(),
            by_objective: d
                .by_objective
                .iter()
                .map(|(o, n)| {
                    (
                        format!("{o}. {}", objective_title(&state.compact, *o, lang)),
                        *n,
                    )
                })
                .collect(),
            by_region: d
                .by_region
                .iter()
                .map(|(r, n)| (region_name(r), *n))
                .collect(),
            first_response: days_text(&tr, d.first_response_days),
            setup: days_text(&tr, d.setup_days),
            open_offers: d.open_offers,
        },
    ))
}
