//! The web layer of gcm-hub: HTML pages (no JavaScript needed), the JSON API under `/api/v1`
//! with its generated OpenAPI document, open-data exports under `/data`, and operations
//! endpoints (`/healthz`, `/metrics`).
//!
//! [`router`] builds the whole application in one place; handlers live one file per action
//! under `routes/<domain>/`. Every error goes through [`error::render_errors`].

pub mod assets;
pub mod auth;
pub mod compact_view;
pub mod error;
pub mod i18n;
pub mod letters;
mod middleware;
pub mod openapi;
pub mod pages;
mod routes;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::routing::get;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;

pub use error::{AppError, AppResult};
pub use i18n::Lang;

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: gcm_store::Db,
    /// The Compact and the other frameworks, loaded once at start.
    pub compact: Arc<gcm_compact::Compact>,
    pub assets: Arc<assets::Assets>,
    pub started: std::time::Instant,
    pub options: Arc<WebOptions>,
    /// This node's search index (derived from the database, kept fresh by the change-log
    /// follower); absent in a node started without one, where search answers 503.
    pub search: Option<Arc<gcm_search::SearchIndex>>,
    /// Writes the letters the workflows send, in each recipient's language.
    pub mailing: gcm_store::letters::Mailing,
}

impl AppState {
    pub fn new(db: gcm_store::Db, compact: Arc<gcm_compact::Compact>, options: WebOptions) -> Self {
        AppState {
            db,
            compact,
            mailing: letters::mailing(&options.public_url),
            options: Arc::new(options),
            assets: Arc::new(assets::Assets::load()),
            started: std::time::Instant::now(),
            search: None,
        }
    }

    /// The same state with a search index.
    pub fn with_search(mut self, index: Arc<gcm_search::SearchIndex>) -> Self {
        self.search = Some(index);
        self
    }
}

/// Settings of the HTTP layer.
#[derive(Debug, Clone)]
pub struct WebOptions {
    /// Longest time a request may take before it is answered with 503.
    pub request_timeout: Duration,
    /// The address people reach this instance at (for links in mail), without trailing slash.
    pub public_url: String,
    /// Mark cookies `Secure` (only sent over HTTPS).
    pub secure_cookies: bool,
    /// How peer review of practices is run.
    pub review: gcm_core::practices::ReviewPolicy,
}

impl Default for WebOptions {
    fn default() -> Self {
        WebOptions {
            request_timeout: Duration::from_secs(30),
            public_url: "http://127.0.0.1:8080".to_string(),
            secure_cookies: false,
            review: gcm_core::practices::ReviewPolicy::default(),
        }
    }
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    router_with(state, Router::new())
}

/// The whole application plus `extra` routes, which get the same layers (error rendering,
/// headers, metrics) as the built-in ones. Tests use it to exercise failure paths that no
/// built-in route can be made to take on purpose, such as a panic.
pub fn router_with(state: AppState, extra: Router<AppState>) -> Router {
    let timeout = state.options.request_timeout;
    let (api, openapi) = openapi::api_router().split_for_parts();
    let docs = openapi::swagger_ui(openapi);

    Router::new()
        .merge(extra)
        .merge(routes::pages())
        .merge(api)
        .merge(docs)
        .route("/healthz", get(routes::ops::healthz))
        .route("/metrics", get(routes::ops::metrics))
        .route("/static/{file}", get(assets::serve))
        .route("/robots.txt", get(routes::ops::robots))
        .fallback(routes::ops::fallback)
        // Inner to outer: a panic becomes a 500 before the error renderer sees it, so even a
        // panic gets a localized page or the JSON envelope.
        .layer(CatchPanicLayer::custom(middleware::panic_to_error))
        .layer(axum::middleware::from_fn(auth::csrf_guard))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::resolve,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            error::render_errors,
        ))
        .layer(axum::middleware::from_fn(middleware::security_headers))
        // Fastest level: pages are small and dynamic; higher levels cost far more CPU than
        // they save in bytes (measured by benches/http.rs).
        .layer(CompressionLayer::new().quality(tower_http::CompressionLevel::Fastest))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            timeout,
        ))
        .layer(axum::middleware::from_fn(middleware::track))
        .with_state(state)
}
