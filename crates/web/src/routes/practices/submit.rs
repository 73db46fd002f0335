//! Submitting practices: the multi-step form with saved drafts, attachments, and the submitter's view of status and feedback.

use axum::Router;
use utoipa_axum::router::OpenApiRouter;

use crate::AppState;

/// The HTML pages and downloads.
pub fn routes() -> Router<AppState> {
    Router::new()
}

/// The `/api/v1` routes with their documentation.
pub fn api(r: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    r
}
