//! Helpers shared by the HTML form handlers: redirects after a POST, re-rendering a form with
//! its error (and the status that says why), and safe `next=` targets.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};

use crate::error::AlreadyRendered;
use crate::i18n::Lang;
use crate::pages::render;

/// `303 See Other` to `to`, the answer to a successful form POST.
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// A page (typically a form with its error message) with a chosen status; the error renderer
/// leaves its body alone.
pub fn page_with_status<T: Template>(status: StatusCode, page: &T) -> Response {
    let mut res = (status, Html(render(page))).into_response();
    res.extensions_mut().insert(AlreadyRendered);
    res
}

/// A list's `page` parameter: 1 when absent, a 400 naming `page` outside 1..=`max`.
pub fn page_number(page: Option<i64>, max: i64) -> crate::error::AppResult<i64> {
    match page {
        None => Ok(1),
        Some(p) if (1..=max).contains(&p) => Ok(p),
        Some(_) => Err(crate::error::AppError::invalid_parameter("page")),
    }
}

/// Where to go after signing in: only a path on this site (never `//host` or a full URL), or
/// the account page.
pub fn safe_next(next: Option<&str>, lang: Lang) -> String {
    // Never back to the sign-in pages themselves.
    const NOT_AFTER: [&str; 5] = ["/login", "/logout", "/signup", "/setup", "/reset"];
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.contains('\\')
                && !NOT_AFTER.iter().any(|p| n.contains(p)) =>
        {
            n.to_string()
        }
        _ => format!("/{}/account", lang.code()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_on_site() {
        assert_eq!(
            safe_next(Some("/fr/organisations"), Lang::Fr),
            "/fr/organisations"
        );
        for bad in ["//evil.example", "https://evil.example", "/\\evil", "evil"] {
            assert_eq!(safe_next(Some(bad), Lang::En), "/en/account");
        }
        assert_eq!(safe_next(None, Lang::Nb), "/nb/account");
    }
}
