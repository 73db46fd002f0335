//! Who is asking: the session cookie or API token of each request, resolved once by
//! [`resolve`] into an [`Auth`] kept in the request's extensions, and the CSRF check that every
//! unsafe request passes ([`csrf_guard`]). Handlers ask [`Auth::require`], which consults the
//! one policy in `gcm_core::accounts::policy`.

use axum::body::Body;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use gcm_core::accounts::{Action, Principal, allows};
use gcm_store::accounts::{self, User};
use gcm_store::audit::Actor;
use gcm_store::secret::{constant_time_eq, new_token};

use crate::AppState;
use crate::error::AppError;

pub const SESSION_COOKIE: &str = "gcm_session";
pub const CSRF_COOKIE: &str = "gcm_csrf";
/// Name of the hidden form field (and query parameter) carrying the CSRF token.
pub const CSRF_FIELD: &str = "csrf_token";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// How the person proved who they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    Session,
    /// An API token with these scopes.
    Token(Vec<String>),
}

/// A signed-in person.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user: User,
    pub principal: Principal,
    pub csrf_token: String,
    pub via: Via,
}

/// Who is asking, resolved once per request.
#[derive(Debug, Clone, Default)]
pub struct Auth {
    pub signed_in: Option<SignedIn>,
    /// The anonymous CSRF token, for forms shown before sign-in.
    pub anon_csrf: std::sync::Arc<AnonCsrf>,
    pub ip: String,
    pub user_agent: Option<String>,
}

/// An anonymous visitor's CSRF token: the one their cookie carries, or one made the first time
/// a page needs it (and then handed out as a cookie). Most anonymous requests show no form and
/// never pay for making one.
#[derive(Debug, Default)]
pub struct AnonCsrf {
    from_cookie: Option<String>,
    fresh: std::sync::OnceLock<String>,
}

impl AnonCsrf {
    pub fn token(&self) -> &str {
        match &self.from_cookie {
            Some(t) => t,
            None => self.fresh.get_or_init(|| new_token().unwrap_or_default()),
        }
    }

    /// A token made during this request, which the response must set as the cookie.
    fn made(&self) -> Option<&String> {
        self.fresh.get().filter(|t| !t.is_empty())
    }
}

impl Auth {
    /// The CSRF token forms on this page must carry.
    pub fn csrf_token(&self) -> String {
        match &self.signed_in {
            Some(s) => s.csrf_token.clone(),
            None => self.anon_csrf.token().to_string(),
        }
    }

    pub fn user(&self) -> Option<&User> {
        self.signed_in.as_ref().map(|s| &s.user)
    }

    /// Checks the policy: 401 for anonymous callers of something that needs sign-in, 403 for
    /// signed-in people without the right, and 403 `insufficient_scope` for a read-only token
    /// used to change something.
    pub fn require(&self, action: &Action<'_>) -> Result<Option<&SignedIn>, AppError> {
        let principal = self.signed_in.as_ref().map(|s| &s.principal);
        if allows(principal, action) {
            return Ok(self.signed_in.as_ref());
        }
        match &self.signed_in {
            None => Err(AppError::unauthorized()),
            Some(_) => Err(AppError::forbidden()),
        }
    }

    /// Like [`Auth::require`] for actions that need a signed-in person.
    pub fn require_user(&self, action: &Action<'_>) -> Result<&SignedIn, AppError> {
        self.require(action)?.ok_or_else(AppError::unauthorized)
    }

    /// The audit actor for this request.
    pub fn actor(&self) -> Actor {
        match &self.signed_in {
            Some(s) => Actor {
                user_id: Some(s.user.id.clone()),
                label: s.user.email.clone(),
                ip: Some(self.ip.clone()),
            },
            None => Actor {
                user_id: None,
                label: "anonymous".into(),
                ip: Some(self.ip.clone()),
            },
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Auth {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        Ok(parts.extensions.get::<Auth>().cloned().unwrap_or_default())
    }
}

/// The value of one cookie in a request.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// A `Set-Cookie` header value: HttpOnly, SameSite=Lax, Path=/, Secure when configured.
pub fn set_cookie(name: &str, value: &str, max_age_secs: Option<i64>, secure: bool) -> HeaderValue {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age_secs {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    HeaderValue::from_str(&c).unwrap_or_else(|_| HeaderValue::from_static("invalid=1"))
}

fn client_ip(req: &Request) -> String {
    req.extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".to_string())
}

/// Resolves the caller (session cookie or `Authorization: Bearer` token) and, for anonymous
/// visitors, hands out the CSRF cookie their forms will need.
pub async fn resolve(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let headers = req.headers();
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| t.trim().to_string());
    let session = cookie(headers, SESSION_COOKIE);
    let anon_csrf = cookie(headers, CSRF_COOKIE).filter(|c| c.len() == 64);
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut auth = Auth {
        signed_in: None,
        anon_csrf: std::sync::Arc::new(AnonCsrf {
            from_cookie: anon_csrf,
            fresh: Default::default(),
        }),
        ip: client_ip(&req),
        user_agent,
    };
    let found = match (&bearer, &session) {
        (Some(token), _) => match accounts::api_token_user(&state.db, token).await {
            Ok(Some((user, scopes))) => Ok(Some((user, String::new(), Via::Token(scopes)))),
            Ok(None) => {
                // A bad token is an error, never a silent fall-back to anonymous.
                return AppError::new(StatusCode::UNAUTHORIZED, "invalid_token").into_response();
            }
            Err(e) => Err(e),
        },
        (None, Some(cookie)) => accounts::session(&state.db, cookie)
            .await
            .map(|o| o.map(|(u, csrf)| (u, csrf, Via::Session))),
        (None, None) => Ok(None),
    };
    match found {
        Ok(Some((user, csrf_token, via))) => match accounts::principal(&state.db, &user).await {
            Ok(principal) => {
                auth.signed_in = Some(SignedIn {
                    user,
                    principal,
                    csrf_token,
                    via,
                })
            }
            Err(e) => return AppError::internal(e).into_response(),
        },
        Ok(None) => {}
        Err(e) => return AppError::internal(e).into_response(),
    }
    req.extensions_mut().insert(auth.clone());
    let mut res = next.run(req).await;
    if auth.signed_in.is_some() && !res.headers().contains_key(header::CACHE_CONTROL) {
        // Pages for a signed-in person must not be kept by shared caches.
        res.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-cache"),
        );
    }
    if let Some(t) = auth.anon_csrf.made() {
        res.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(CSRF_COOKIE, t, None, state.options.secure_cookies),
        );
    }
    // The error renderer, outside this layer, shows the signed-in header from this.
    res.extensions_mut().insert(auth);
    res
}

fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Refuses any unsafe request that does not carry the caller's CSRF token (form field
/// `csrf_token`, which must be the first field of a multipart form; header `X-CSRF-Token`; or
/// query parameter). Requests
/// authenticated by an API token carry no ambient credentials and are exempt; so are
/// anonymous API calls, which can change nothing.
pub async fn csrf_guard(req: Request, next: Next) -> Response {
    if !is_unsafe(req.method()) {
        return next.run(req).await;
    }
    let auth = req.extensions().get::<Auth>().cloned().unwrap_or_default();
    let api = req.uri().path().starts_with("/api/");
    if matches!(auth.signed_in.as_ref().map(|s| &s.via), Some(Via::Token(_))) {
        // A read-only token may not change anything.
        if let Some(SignedIn {
            via: Via::Token(scopes),
            ..
        }) = &auth.signed_in
            && !scopes.iter().any(|s| s == "write")
        {
            return AppError::new(StatusCode::FORBIDDEN, "insufficient_scope").into_response();
        }
        return next.run(req).await;
    }
    if api && auth.signed_in.is_none() {
        return next.run(req).await;
    }
    let expected = auth.csrf_token();
    let from_header = req
        .headers()
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let from_query = req.uri().query().and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == CSRF_FIELD)
            .map(|(_, v)| v.into_owned())
    });
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let multipart_boundary = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(multipart_boundary);
    let (req, from_body) = if let Some(boundary) =
        multipart_boundary.filter(|_| from_header.is_none() && from_query.is_none())
    {
        // A file upload: the token is the form's first field, read from the start of the
        // stream; the body is passed on whole without buffering the file.
        let (parts, body) = req.into_parts();
        let (body, token) = multipart_first_field(body, &boundary, CSRF_FIELD).await;
        (Request::from_parts(parts, body), token)
    } else if is_form && from_header.is_none() {
        let (parts, body) = req.into_parts();
        let bytes = match axum::body::to_bytes(body, 2 * 1024 * 1024).await {
            Ok(b) => b,
            Err(_) => {
                return AppError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large")
                    .into_response();
            }
        };
        let token = url::form_urlencoded::parse(&bytes)
            .find(|(k, _)| k == CSRF_FIELD)
            .map(|(_, v)| v.into_owned());
        (Request::from_parts(parts, Body::from(bytes)), token)
    } else {
        (req, None)
    };
    let given = from_header.or(from_body).or(from_query).unwrap_or_default();
    if expected.is_empty() || !constant_time_eq(&given, &expected) {
        return AppError::new(StatusCode::FORBIDDEN, "csrf_failed").into_response();
    }
    next.run(req).await
}

/// The boundary of a `multipart/form-data` content type.
fn multipart_boundary(content_type: &str) -> Option<String> {
    let (kind, params) = content_type.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.split(';').find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| v.trim().trim_matches('"').to_string())
            .filter(|b| !b.is_empty())
    })
}

/// How much of a multipart body is read to find its first field.
const FIRST_FIELD_LIMIT: usize = 16 * 1024;

/// The value of a multipart body's first part when it is the field `name`, read from the
/// start of the stream (at most [`FIRST_FIELD_LIMIT`] bytes), and the body to pass on: the
/// bytes read followed by the rest of the stream.
async fn multipart_first_field(body: Body, boundary: &str, name: &str) -> (Body, Option<String>) {
    use futures_util::StreamExt;
    let mut stream = body.into_data_stream();
    let mut buf: Vec<u8> = Vec::new();
    let mut found = None;
    while buf.len() < FIRST_FIELD_LIMIT {
        match stream.next().await {
            Some(Ok(chunk)) => buf.extend_from_slice(&chunk),
            Some(Err(_)) | None => break,
        }
        match first_field(&buf, boundary, name) {
            FirstField::Incomplete => continue,
            FirstField::Value(v) => found = Some(v),
            FirstField::Other => {}
        }
        break;
    }
    let head =
        futures_util::stream::once(
            async move { Ok::<_, axum::Error>(axum::body::Bytes::from(buf)) },
        );
    (Body::from_stream(head.chain(stream)), found)
}

enum FirstField {
    Incomplete,
    Value(String),
    Other,
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Reads the first part of a multipart body held in `buf` (RFC 7578).
fn first_field(buf: &[u8], boundary: &str, name: &str) -> FirstField {
    let open = format!("--{boundary}\r\n");
    // Some clients send a preamble; the first boundary may follow it.
    let Some(start) = find(buf, open.as_bytes()) else {
        return FirstField::Incomplete;
    };
    let rest = &buf[start + open.len()..];
    let Some(headers_end) = find(rest, b"\r\n\r\n") else {
        return FirstField::Incomplete;
    };
    let headers = String::from_utf8_lossy(&rest[..headers_end]).to_ascii_lowercase();
    let wanted = format!("name=\"{name}\"");
    let is_field = headers.lines().any(|l| {
        l.starts_with("content-disposition:")
            && l.contains("form-data")
            && l.split(';').any(|p| p.trim() == wanted)
    });
    if !is_field {
        return FirstField::Other;
    }
    let value = &rest[headers_end + 4..];
    let close = format!("\r\n--{boundary}");
    match find(value, close.as_bytes()) {
        Some(end) => FirstField::Value(String::from_utf8_lossy(&value[..end]).into_owned()),
        None => FirstField::Incomplete,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod multipart_tests {
    use super::*;

    #[test]
    fn boundary_is_read_from_the_content_type() {
        assert_eq!(
            multipart_boundary("multipart/form-data; boundary=----x1").as_deref(),
            Some("----x1")
        );
        assert_eq!(
            multipart_boundary("Multipart/Form-Data; charset=utf-8; boundary=\"b\"").as_deref(),
            Some("b")
        );
        assert_eq!(
            multipart_boundary("application/x-www-form-urlencoded"),
            None
        );
    }

    #[tokio::test]
    async fn the_first_field_is_found_and_the_body_kept_whole() {
        let body = "--B\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\nabc\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nx,y\r\n--B--\r\n";
        let (out, token) = multipart_first_field(Body::from(body), "B", "csrf_token").await;
        assert_eq!(token.as_deref(), Some("abc"));
        let bytes = axum::body::to_bytes(out, 1 << 20).await.unwrap();
        assert_eq!(bytes, body.as_bytes());
        // Not the first field: not found (so the request is refused).
        let later = "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nx\r\n--B\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\nabc\r\n--B--\r\n";
        let (_, token) = multipart_first_field(Body::from(later), "B", "csrf_token").await;
        assert_eq!(token, None);
        // A field whose name only contains the wanted one does not count.
        let other =
            "--B\r\nContent-Disposition: form-data; name=\"xcsrf_token\"\r\n\r\nabc\r\n--B--\r\n";
        let (_, token) = multipart_first_field(Body::from(other), "B", "csrf_token").await;
        assert_eq!(token, None);
    }
}
