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
/// `csrf_token`, header `X-CSRF-Token`, or query parameter for multipart forms). Requests
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
    let (req, from_body) = if is_form && from_header.is_none() {
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
