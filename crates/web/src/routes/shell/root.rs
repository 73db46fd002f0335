//! `GET /` and `GET /{lang}`: send the visitor to the home page in the right language.

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};

use super::PageLang;
use crate::i18n::Lang;

/// `GET /` redirects to `/{lang}/` chosen from `Accept-Language` (English when none matches).
pub async fn redirect(headers: HeaderMap) -> Response {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let lang = Lang::negotiate(accept);
    let mut res = Redirect::to(&format!("/{}/", lang.code())).into_response();
    // Caches must key the redirect on the header that chose it.
    res.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept-language"));
    res
}

/// `GET /{lang}` adds the trailing slash of the home page.
pub async fn add_slash(PageLang(lang): PageLang) -> Redirect {
    Redirect::permanent(&format!("/{}/", lang.code()))
}
