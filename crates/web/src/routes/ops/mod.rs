//! Operations endpoints: health, metrics, robots, and the fallback for unknown paths.

use std::sync::OnceLock;
use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use serde::Serialize;

use crate::AppState;
use crate::error::AppError;

static PROMETHEUS: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// The process-wide metrics recorder (one per process, however many servers it runs, as in
/// the integration tests).
fn prometheus() -> Option<&'static PrometheusHandle> {
    PROMETHEUS
        .get_or_init(|| {
            PrometheusBuilder::new()
                .set_buckets(&[
                    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
                ])
                .and_then(|b| b.install_recorder())
                .map_err(|e| tracing::warn!(error = %e, "metrics recorder not installed"))
                .ok()
        })
        .as_ref()
}

/// Records one served request.
pub fn record_request(method: &str, route: &str, status: u16, elapsed: Duration) {
    if prometheus().is_none() {
        return;
    }
    let labels = [
        ("method", method.to_string()),
        ("route", route.to_string()),
        ("status", status.to_string()),
    ];
    metrics::counter!("gcm_http_requests_total", &labels).increment(1);
    metrics::histogram!(
        "gcm_http_request_duration_seconds",
        "route" => route.to_string()
    )
    .record(elapsed.as_secs_f64());
}

#[derive(Serialize)]
pub struct Health {
    status: &'static str,
    database: &'static str,
    version: &'static str,
    uptime_seconds: u64,
}

/// `GET /healthz`: 200 when the database answers, 503 otherwise (for load balancers).
pub async fn healthz(State(state): State<AppState>) -> Response {
    let db_ok = state.db.ping().await.is_ok();
    let body = Health {
        status: if db_ok { "ok" } else { "unavailable" },
        database: if db_ok { "ok" } else { "unreachable" },
        version: env!("CARGO_PKG_VERSION"),
        uptime_seconds: state.started.elapsed().as_secs(),
    };
    let status = if db_ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let mut res = (status, Json(body)).into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // Keep the 503 body as is: monitors read `database` from it.
    res.extensions_mut().insert(crate::error::AlreadyRendered);
    res
}

/// `GET /metrics`: Prometheus text exposition.
pub async fn metrics(State(state): State<AppState>) -> Response {
    let Some(handle) = prometheus() else {
        return AppError::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable").into_response();
    };
    metrics::gauge!("gcm_uptime_seconds").set(state.started.elapsed().as_secs_f64());
    let pool = state.db.pool();
    metrics::gauge!("gcm_db_pool_connections").set(pool.size() as f64);
    metrics::gauge!("gcm_db_pool_idle_connections").set(pool.num_idle() as f64);
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        handle.render(),
    )
        .into_response()
}

/// `GET /robots.txt`
pub async fn robots() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "User-agent: *\nDisallow: /api/\nDisallow: /admin/\n",
    )
}

/// Any path no route matched.
pub async fn fallback() -> AppError {
    AppError::not_found()
}
