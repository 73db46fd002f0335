//! `GET /api/v1/info`: what this instance is and speaks.

use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

use crate::i18n::Lang;

/// About this gcm-hub instance.
#[derive(Serialize, ToSchema)]
pub struct Info {
    /// Always `gcm-hub`.
    pub name: &'static str,
    /// Release of the software.
    pub version: &'static str,
    /// Version of this API (the `v1` in its paths).
    pub api_version: &'static str,
    /// Interface languages offered.
    pub languages: Vec<Lang>,
}

#[utoipa::path(
    get,
    path = "/api/v1/info",
    tag = "meta",
    responses((status = 200, description = "About this instance", body = Info))
)]
pub async fn info() -> Json<Info> {
    Json(Info {
        name: "gcm-hub",
        version: env!("CARGO_PKG_VERSION"),
        api_version: "v1",
        languages: Lang::ALL.to_vec(),
    })
}
