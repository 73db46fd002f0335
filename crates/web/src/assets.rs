//! Static assets compiled into the binary (nothing is fetched from a CDN).
//!
//! Each asset is served under a name that carries a hash of its content
//! (`/static/app.3f2a1c9b.css`), so browsers may cache it for a year; a new release changes
//! the name. The plain name stays reachable with a short cache lifetime.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::error::AppError;

struct Asset {
    bytes: &'static [u8],
    content_type: &'static str,
}

const FILES: &[(&str, &[u8], &str)] = &[
    (
        "app.css",
        include_bytes!("../static/app.css"),
        "text/css; charset=utf-8",
    ),
    (
        "favicon.svg",
        include_bytes!("../static/favicon.svg"),
        "image/svg+xml",
    ),
];

/// The asset table, built once at start.
pub struct Assets {
    by_name: HashMap<String, (Asset, bool)>,
    urls: HashMap<&'static str, String>,
}

impl Assets {
    pub fn load() -> Self {
        let mut by_name = HashMap::new();
        let mut urls = HashMap::new();
        for &(name, bytes, content_type) in FILES {
            let hash = hex::encode(&Sha256::digest(bytes)[..4]);
            let hashed = match name.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
                None => format!("{name}.{hash}"),
            };
            urls.insert(name, format!("/static/{hashed}"));
            by_name.insert(
                hashed,
                (
                    Asset {
                        bytes,
                        content_type,
                    },
                    true,
                ),
            );
            by_name.insert(
                name.to_string(),
                (
                    Asset {
                        bytes,
                        content_type,
                    },
                    false,
                ),
            );
        }
        Assets { by_name, urls }
    }

    /// The cache-busting URL of an asset.
    pub fn url(&self, name: &str) -> String {
        self.urls
            .get(name)
            .cloned()
            .unwrap_or_else(|| format!("/static/{name}"))
    }
}

/// `GET /static/{file}`
pub async fn serve(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some((asset, immutable)) = state.assets.by_name.get(&file) else {
        return AppError::not_found().into_response();
    };
    let cache = if *immutable {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300"
    };
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(asset.content_type),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        asset.bytes,
    )
        .into_response()
}
