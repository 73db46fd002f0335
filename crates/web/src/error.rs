//! One error type for every handler, rendered in one place.
//!
//! Handlers return [`AppError`]; its response carries the error as an extension and no body.
//! The [`render_errors`] middleware then writes the body in the form and language the caller
//! needs: the JSON envelope `{"error":{"code","message","details"}}` under `/api/` (language from
//! `?lang=` or `Accept-Language`), a localized HTML page everywhere else (language from the
//! path). Errors that axum itself produces (unknown route, wrong method, malformed JSON) and
//! panics caught lower down pass through the same renderer, so no caller ever sees a bare
//! text error or a stack trace.

use std::borrow::Cow;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::AppState;
use crate::i18n::{Arg, Lang, Tr};
use crate::pages::{Chrome, ErrorPage, render};

/// An error on its way to the caller: a status, a stable machine-readable code (snake_case,
/// also the key of the localized message `api-error-<code>`), message arguments and details.
#[derive(Debug, Clone)]
pub struct AppError {
    pub status: StatusCode,
    pub code: Cow<'static, str>,
    pub args: Vec<(&'static str, Arg)>,
    pub details: Option<serde_json::Value>,
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn new(status: StatusCode, code: impl Into<Cow<'static, str>>) -> Self {
        AppError {
            status,
            code: code.into(),
            args: Vec::new(),
            details: None,
        }
    }

    pub fn with_arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, Arg::Str(value.into())));
        self
    }

    pub fn with_details(mut self, details: serde_json::Value) -> Self {
        self.details = Some(details);
        self
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found")
    }

    pub fn bad_request() -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request")
    }

    /// A query or path parameter that is present but not acceptable.
    pub fn invalid_parameter(name: &str) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "invalid_parameter").with_arg("name", name)
    }

    pub fn unauthorized() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized")
    }

    pub fn forbidden() -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden")
    }

    pub fn conflict() -> Self {
        Self::new(StatusCode::CONFLICT, "conflict")
    }

    /// An unexpected failure: logged with its cause here, shown to the caller without it.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal")
    }

    /// The generic error for a status that no handler described (axum rejections, panics).
    fn for_status(status: StatusCode) -> Self {
        let code = match status {
            StatusCode::NOT_FOUND => "not_found",
            StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
            StatusCode::UNAUTHORIZED => "unauthorized",
            StatusCode::FORBIDDEN => "forbidden",
            StatusCode::CONFLICT => "conflict",
            StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
            StatusCode::UNPROCESSABLE_ENTITY | StatusCode::UNSUPPORTED_MEDIA_TYPE => {
                "unprocessable"
            }
            StatusCode::TOO_MANY_REQUESTS => "rate_limited",
            StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT => "unavailable",
            StatusCode::REQUEST_TIMEOUT => "unavailable",
            s if s.is_client_error() => "bad_request",
            _ => "internal",
        };
        Self::new(status, code)
    }

    /// The localized human message.
    pub fn message(&self, lang: Lang) -> String {
        let id = format!("api-error-{}", self.code.replace('_', "-"));
        let tr = Tr::new(lang);
        let text = tr.t_with(&id, &self.args);
        if text == id {
            // A code without its own message still gets a readable one for its status.
            Self::for_status(self.status).message_fallback(lang)
        } else {
            text
        }
    }

    fn message_fallback(&self, lang: Lang) -> String {
        Tr::new(lang).t(&format!("api-error-{}", self.code.replace('_', "-")))
    }
}

impl From<gcm_store::DbError> for AppError {
    fn from(e: gcm_store::DbError) -> Self {
        AppError::internal(e)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut res = self.status.into_response();
        res.extensions_mut().insert(self);
        res
    }
}

/// Marks an error response whose body is already what the caller needs (e.g. the health
/// check's 503 JSON), so [`render_errors`] leaves it alone.
#[derive(Debug, Clone, Copy)]
pub struct AlreadyRendered;

/// The JSON error envelope (documented in the OpenAPI document).
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorEnvelope {
    pub error: ErrorBody,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// Stable machine-readable key, e.g. `not_found`, `invalid_parameter`.
    pub code: String,
    /// Human-readable message in the requested language.
    pub message: String,
    /// Extra structured information, when there is any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<serde_json::Value>,
}

/// Whether a path belongs to the JSON API (and so gets JSON errors).
fn is_api_path(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/") || path.starts_with("/data/")
}

/// Language for an API caller: `?lang=` first, then `Accept-Language`.
pub fn api_lang(query: Option<&str>, accept_language: Option<&str>) -> Lang {
    query
        .and_then(|q| {
            q.split('&')
                .filter_map(|kv| kv.split_once('='))
                .find(|(k, _)| *k == "lang")
                .and_then(|(_, v)| Lang::from_code(v))
        })
        .unwrap_or_else(|| Lang::negotiate(accept_language))
}

/// Language for a page: the `/{lang}/` prefix of its path, then `Accept-Language`.
pub fn page_lang(path: &str, accept_language: Option<&str>) -> (Lang, bool) {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    match Lang::from_code(first) {
        Some(lang) => (lang, true),
        None => (Lang::negotiate(accept_language), false),
    }
}

/// Renders every error response (status 400 and above) for its caller.
pub async fn render_errors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let query = req.uri().query().map(str::to_string);
    let accept = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error())
        || res.extensions().get::<AlreadyRendered>().is_some()
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let auth = parts
        .extensions
        .get::<crate::auth::Auth>()
        .cloned()
        .unwrap_or_default();
    let error = match parts.extensions.remove::<AppError>() {
        Some(e) => e,
        None => {
            let mut e = AppError::for_status(status);
            // axum's rejections explain what was wrong with the request in their body; keep
            // that as details for API callers (bounded, and only for client errors).
            if status.is_client_error()
                && is_api_path(&path)
                && let Ok(bytes) = axum::body::to_bytes(body, 4096).await
            {
                let text = String::from_utf8_lossy(&bytes).trim().to_string();
                if !text.is_empty() {
                    e.details = Some(serde_json::json!({ "reason": text }));
                }
            }
            e
        }
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::CONTENT_ENCODING);
    if is_api_path(&path) {
        let lang = api_lang(query.as_deref(), accept.as_deref());
        let envelope = ErrorEnvelope {
            error: ErrorBody {
                code: error.code.to_string(),
                message: error.message(lang),
                details: error.details.clone(),
            },
        };
        let body = serde_json::to_vec(&envelope).unwrap_or_default();
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        parts.headers.insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(lang.code()),
        );
        Response::from_parts(parts, Body::from(body))
    } else if status == StatusCode::UNAUTHORIZED {
        // A page that needs a signed-in person sends visitors to sign in, then back here.
        let (lang, _) = page_lang(&path, accept.as_deref());
        let here = match &query {
            Some(q) => format!("{path}?{q}"),
            None => path.clone(),
        };
        let next: String = url::form_urlencoded::byte_serialize(here.as_bytes()).collect();
        let to = format!("/{}/login?next={next}", lang.code());
        let mut res = axum::response::Redirect::to(&to).into_response();
        res.extensions_mut().insert(AlreadyRendered);
        res
    } else {
        let (lang, from_path) = page_lang(&path, accept.as_deref());
        let rest = if from_path {
            path.get(1 + lang.code().len()..).unwrap_or("/").to_string()
        } else {
            path.clone()
        };
        let page = ErrorPage {
            c: Chrome::new(&state, &auth, lang, &rest, None),
            status: status.as_u16(),
            code: error.code.to_string(),
            not_found: status == StatusCode::NOT_FOUND,
            message: error.message(lang),
        };
        let html = render(&page);
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        parts.headers.insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(lang.code()),
        );
        Response::from_parts(parts, Body::from(html))
    }
}
