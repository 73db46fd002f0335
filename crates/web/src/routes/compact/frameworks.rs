//! `GET /{lang}/compact/frameworks` and `/{lang}/compact/frameworks/{id}`: the GFMD thematic
//! clusters, the civil-society 5-year action plan and the SDG targets, each item with the
//! objectives it relates to and whether the source states that link or gcm-hub derived it.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use gcm_compact::frameworks::{Basis, FrameworkInfo};

use crate::AppState;
use crate::compact_view::objective_title;
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Tr};
use crate::pages::{Area, Chrome, render};
use crate::routes::shell::PageLang;

pub struct ObjectiveRef {
    pub number: u8,
    pub title: String,
    pub stated: bool,
}

pub struct ItemRow {
    pub anchor: String,
    pub reference: String,
    pub title: String,
    pub text: String,
    pub objectives: Vec<ObjectiveRef>,
}

pub struct FrameworkView {
    pub id: &'static str,
    pub name: String,
    pub full_title: String,
    pub items: Vec<ItemRow>,
}

#[derive(Template)]
#[template(path = "frameworks.html")]
pub struct FrameworksPage {
    pub c: Chrome,
    pub page_lang: &'static str,
    pub heading: String,
    pub selected: Option<&'static str>,
    pub frameworks: Vec<FrameworkView>,
    pub basis_derived: String,
}

/// The anchor of a framework item on its framework's page (`gfmd:cluster:4` → `gfmd-cluster-4`).
pub fn anchor(reference: &str) -> String {
    reference.replace([':', '.'], "-")
}

fn view(state: &AppState, f: &FrameworkInfo<'_>, lang: Lang) -> FrameworkView {
    FrameworkView {
        id: f.id,
        name: f.name.to_string(),
        full_title: f.full_title.to_string(),
        items: f
            .items
            .iter()
            .map(|it| {
                let reference = it.reference().to_string();
                ItemRow {
                    anchor: anchor(&reference),
                    reference,
                    title: it.title(),
                    text: it.text().to_string(),
                    objectives: it
                        .objectives()
                        .into_iter()
                        .map(|(number, basis)| ObjectiveRef {
                            number,
                            title: objective_title(&state.compact, number, lang),
                            stated: basis == Basis::StatedInSource,
                        })
                        .collect(),
                }
            })
            .collect(),
    }
}

fn page(
    state: &AppState,
    auth: &crate::auth::Auth,
    lang: Lang,
    selected: Option<&str>,
) -> AppResult<Html<String>> {
    let tr = Tr::new(lang);
    let list = state.compact.frameworks().list();
    let chosen: Vec<&FrameworkInfo<'_>> = match selected {
        Some(id) => vec![
            list.iter()
                .find(|f| f.id == id)
                .ok_or_else(AppError::not_found)?,
        ],
        None => list.iter().collect(),
    };
    let selected = chosen.first().filter(|_| selected.is_some()).map(|f| f.id);
    let heading = match chosen.first().filter(|_| selected.is_some()) {
        Some(f) => f.name.to_string(),
        None => tr.t("compact-frameworks"),
    };
    let rest = match selected {
        Some(id) => format!("/compact/frameworks/{id}"),
        None => "/compact/frameworks".to_string(),
    };
    Ok(Html(render(&FrameworksPage {
        c: Chrome::new(state, auth, lang, &rest, Some(Area::Compact)),
        page_lang: lang.code(),
        heading,
        selected,
        frameworks: chosen.into_iter().map(|f| view(state, f, lang)).collect(),
        basis_derived: tr.t("compact-basis-derived"),
    })))
}

pub async fn list(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: crate::auth::Auth,
) -> AppResult<Html<String>> {
    page(&state, &auth, lang, None)
}

pub async fn one(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: crate::auth::Auth,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    page(&state, &auth, lang, Some(&id))
}
