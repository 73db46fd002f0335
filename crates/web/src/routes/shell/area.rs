//! `GET /{lang}/{area}`: an area's landing page, with the paragraph of the Compact that
//! mandates it. Issues that build an area replace its landing page with the real one.

use axum::extract::State;
use axum::http::Uri;
use axum::response::Html;

use super::{PageLang, rest_of_path};
use crate::AppState;
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::pages::{Area, AreaPage, Chrome, render};

pub async fn page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: crate::auth::Auth,
    uri: Uri,
) -> AppResult<Html<String>> {
    let rest = rest_of_path(uri.path(), lang);
    let area = Area::from_slug(rest.trim_start_matches('/')).ok_or_else(AppError::not_found)?;
    let tr = Tr::new(lang);
    Ok(Html(render(&AreaPage {
        c: Chrome::new(&state, &auth, lang, &rest, Some(area)),
        title: tr.t(&format!("nav-{}", area.slug())),
        summary: tr.t(&format!("area-{}-summary", area.slug())),
        mandate: tr.t(&format!("area-{}-mandate", area.slug())),
    })))
}
