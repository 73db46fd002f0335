//! The site shell: the root redirect, the home page and the areas' landing pages.

pub mod area;
pub mod home;
pub mod root;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::error::AppError;
use crate::i18n::Lang;

/// The language of a page, from the first path segment; any other segment is a 404.
pub struct PageLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for PageLang {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        let first = parts
            .uri
            .path()
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or("");
        Lang::from_code(first)
            .map(PageLang)
            .ok_or_else(AppError::not_found)
    }
}

/// The path after `/{lang}`, for the language switcher.
pub fn rest_of_path(parts_path: &str, lang: Lang) -> String {
    let rest = parts_path.get(1 + lang.code().len()..).unwrap_or("/");
    if rest.is_empty() {
        "/".to_string()
    } else {
        rest.to_string()
    }
}
