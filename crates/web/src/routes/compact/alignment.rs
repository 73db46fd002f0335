//! `GET /{lang}/compact/alignment`: every place where the translations do not line up, as
//! found by the extractor (the same list `gcm-hub compact alignment` prints).

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use gcm_compact::Ref;

use crate::AppState;
use crate::pages::{Area, Chrome, render};
use crate::routes::shell::PageLang;

pub struct GapRow {
    pub reference: String,
    pub href: Option<String>,
    pub kind: String,
    pub missing_in: String,
    pub description: String,
    pub resolution: String,
}

#[derive(Template)]
#[template(path = "alignment.html")]
pub struct AlignmentPage {
    pub c: Chrome,
    pub page_lang: &'static str,
    pub gaps: Vec<GapRow>,
}

pub async fn page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: crate::auth::Auth,
) -> Html<String> {
    let gaps = state
        .compact
        .gaps()
        .iter()
        .map(|g| GapRow {
            reference: g.location.to_string(),
            href: match g.location {
                Ref::Objective { number, action } => Some(format!(
                    "/{}/compact/objectives/{number}{}",
                    lang.code(),
                    action.map(|a| format!("#{a}")).unwrap_or_default()
                )),
                _ => None,
            },
            kind: serde_json::to_value(g.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_else(|| format!("{:?}", g.kind)),
            missing_in: g
                .missing_in
                .iter()
                .map(|l| l.code())
                .collect::<Vec<_>>()
                .join(", "),
            description: g.description.clone(),
            resolution: g.resolution.clone().unwrap_or_default(),
        })
        .collect();
    Html(render(&AlignmentPage {
        c: Chrome::new(
            &state,
            &auth,
            lang,
            "/compact/alignment",
            Some(Area::Compact),
        ),
        page_lang: lang.code(),
        gaps,
    }))
}
