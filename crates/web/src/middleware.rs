//! Cross-cutting HTTP behaviour: security headers, request metrics and logs, panic capture.

use std::any::Any;
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;

// No inline script or style anywhere in our pages, so the policy can forbid both.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
                   frame-ancestors 'none'";
// Swagger UI sets style attributes from its script; it is the only page that needs them.
const CSP_API_DOCS: &str = "default-src 'self'; script-src 'self'; \
                            style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
                            object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/// Adds the security headers every response carries.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let docs = req.uri().path().starts_with("/api/docs");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let csp = if docs { CSP_API_DOCS } else { CSP };
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(csp),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    res
}

/// Counts and times every request by route template (not raw path, which would let a
/// crawler create unbounded metric series), and logs it.
pub async fn track(req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string());
    let path = req.uri().path().to_string();
    let res = next.run(req).await;
    let elapsed = start.elapsed();
    let status = res.status().as_u16();
    let route = route.unwrap_or_else(|| "unmatched".to_string());
    crate::routes::ops::record_request(method.as_str(), &route, status, elapsed);
    tracing::info!(
        method = %method,
        path = %path,
        status,
        ms = elapsed.as_micros() as f64 / 1000.0,
        "request"
    );
    res
}

/// Turns a caught panic into an internal error (logged; the caller sees no details).
pub fn panic_to_error(err: Box<dyn Any + Send + 'static>) -> Response {
    let detail = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    let e = AppError::internal(format!("handler panicked: {detail}"));
    debug_assert_eq!(e.status, StatusCode::INTERNAL_SERVER_ERROR);
    e.into_response()
}
