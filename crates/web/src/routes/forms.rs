//! Helpers shared by the HTML form handlers: redirects after a POST, re-rendering a form with
//! its error (and the status that says why), and safe `next=` targets.

use askama::Template;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{StatusCode, header};
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

/// Items per page of a list unless `per_page` says otherwise, and the most it may say (the
/// architecture's contract: at most 100 per page).
pub const PER_PAGE: i64 = 20;
pub const MAX_PER_PAGE: i64 = 100;

/// Which page of a list is asked for, and its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub page: i64,
    pub per_page: i64,
}

impl Paging {
    /// From a list's `page` and `per_page` parameters: page 1 and [`PER_PAGE`] when absent, a
    /// 400 naming the parameter when out of range (`page` 1–100 000, `per_page` 1–100).
    pub fn of(page: Option<i64>, per_page: Option<i64>) -> crate::error::AppResult<Paging> {
        let page = page_number(page, 100_000)?;
        let per_page = match per_page {
            None => PER_PAGE,
            Some(n) if (1..=MAX_PER_PAGE).contains(&n) => n,
            Some(_) => return Err(crate::error::AppError::invalid_parameter("per_page")),
        };
        Ok(Paging { page, per_page })
    }

    /// How many items to skip.
    pub fn offset(&self) -> i64 {
        (self.page - 1) * self.per_page
    }

    /// The address of another page of the list at `base` (a path), keeping the non-empty
    /// `filters` and a `per_page` that was asked for.
    fn link(&self, base: &str, filters: &[(&str, &str)], asked: Option<i64>, page: i64) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in filters {
            if !v.trim().is_empty() {
                s.append_pair(k, v.trim());
            }
        }
        if let Some(n) = asked {
            s.append_pair("per_page", &n.to_string());
        }
        s.append_pair("page", &page.to_string());
        format!("{base}?{}", s.finish())
    }

    /// The address of the next page of a list of `total` items, if there is one (what the
    /// JSON lists give as `next`). `asked` is the `per_page` the caller gave, if any.
    pub fn next(
        &self,
        base: &str,
        filters: &[(&str, &str)],
        asked: Option<i64>,
        total: i64,
    ) -> Option<String> {
        (self.page * self.per_page < total).then(|| self.link(base, filters, asked, self.page + 1))
    }

    /// Links to the neighbouring pages of a list of `total` items, and "page 2 of 5" in the
    /// page's language. `asked` is the `per_page` the caller gave, if any.
    pub fn pager(
        &self,
        tr: &crate::i18n::Tr,
        base: &str,
        filters: &[(&str, &str)],
        asked: Option<i64>,
        total: i64,
    ) -> Pager {
        let pages = ((total + self.per_page - 1) / self.per_page).max(1);
        Pager {
            prev: (self.page > 1).then(|| self.link(base, filters, asked, self.page - 1)),
            next: self.next(base, filters, asked, total),
            page_of: tr.t_with(
                "pager-page-of",
                &[
                    ("page", crate::i18n::Arg::Num(self.page)),
                    ("pages", crate::i18n::Arg::Num(pages)),
                ],
            ),
        }
    }
}

/// The links between a list's pages (`templates/pager.html` shows them).
#[derive(Debug, Clone, Default)]
pub struct Pager {
    pub prev: Option<String>,
    pub next: Option<String>,
    /// "Page 2 of 5".
    pub page_of: String,
}

/// What a form sent: its fields (repeated names kept) and, from a multipart form, the file of
/// its `file` field (name and bytes; an empty file input gives none).
#[derive(Debug, Default)]
pub struct Submitted {
    pub fields: Vec<(String, String)>,
    pub file: Option<(String, Vec<u8>)>,
}

impl Submitted {
    /// The fields as `application/x-www-form-urlencoded` bytes (for parsers written for those).
    pub fn encoded(&self) -> Vec<u8> {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.fields {
            s.append_pair(k, v);
        }
        s.finish().into_bytes()
    }
}

/// Reads an urlencoded or a multipart form of at most `limit` bytes. Too large: 413; a
/// multipart body that cannot be read: 400.
pub async fn read_form<S: Send + Sync>(
    req: Request,
    state: &S,
    limit: usize,
) -> crate::error::AppResult<Submitted> {
    use crate::error::AppError;
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let mut out = Submitted::default();
    if !multipart {
        let bytes = axum::body::to_bytes(req.into_body(), limit)
            .await
            .map_err(|_| AppError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"))?;
        out.fields = url::form_urlencoded::parse(&bytes)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        return Ok(out);
    }
    let mut mp = Multipart::from_request(req, state)
        .await
        .map_err(|_| AppError::bad_request())?;
    loop {
        let field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(AppError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "payload_too_large",
                ));
            }
            Err(_) => return Err(AppError::bad_request()),
        };
        let name = field.name().unwrap_or_default().to_string();
        if name == "file" {
            let filename = field.file_name().unwrap_or_default().to_string();
            let bytes = field
                .bytes()
                .await
                .map_err(|_| AppError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"))?;
            if !(filename.is_empty() && bytes.is_empty()) {
                out.file = Some((filename, bytes.to_vec()));
            }
        } else {
            let text = field.text().await.map_err(|_| AppError::bad_request())?;
            out.fields.push((name, text));
        }
    }
    Ok(out)
}

/// A file as a download (never rendered in the site's origin), with an ASCII file name.
pub fn download(filename: &str, content_type: &str, data: Vec<u8>) -> Response {
    use axum::http::HeaderValue;
    let mut res = data.into_response();
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{ascii}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    res
}

/// Shared checks of list filters given as query parameters: empty means no filter; a value
/// that is not valid is a 400 naming the parameter.
pub mod filter {
    use crate::error::{AppError, AppResult};
    use crate::i18n::Lang;

    fn given(s: &str) -> Option<&str> {
        Some(s.trim()).filter(|s| !s.is_empty())
    }

    /// An objective number, 1 to 23.
    pub fn objective(s: &str, name: &str) -> AppResult<Option<u8>> {
        given(s)
            .map(|v| {
                v.parse::<u8>()
                    .ok()
                    .filter(|n| (1..=23).contains(n))
                    .ok_or_else(|| AppError::invalid_parameter(name))
            })
            .transpose()
    }

    /// A year, 1900 to 2100.
    pub fn year(s: &str, name: &str) -> AppResult<Option<i64>> {
        given(s)
            .map(|v| {
                v.parse::<i64>()
                    .ok()
                    .filter(|y| (1900..=2100).contains(y))
                    .ok_or_else(|| AppError::invalid_parameter(name))
            })
            .transpose()
    }

    /// A country, as ISO 3166-1 alpha-3 (alpha-2 and numeric codes accepted).
    pub fn country(s: &str, name: &str) -> AppResult<Option<String>> {
        given(s)
            .map(|v| {
                gcm_core::geo::parse_country(v)
                    .map(|c| c.alpha3.clone())
                    .map_err(|_| AppError::invalid_parameter(name))
            })
            .transpose()
    }

    /// One of the interface languages.
    pub fn lang(s: &str, name: &str) -> AppResult<Option<String>> {
        given(s)
            .map(|v| {
                Lang::from_code(v)
                    .map(|l| l.code().to_string())
                    .ok_or_else(|| AppError::invalid_parameter(name))
            })
            .transpose()
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
