//! `GET /{lang}/compact`: the 23 objectives at a glance and the 10 guiding principles.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use gcm_compact::Ref;
use gcm_compact::model::Section;

use super::{source_note, text_lang};
use crate::AppState;
use crate::compact_view::{objective_title, shown};
use crate::i18n::Tr;
use crate::pages::{Area, Chrome, render};
use crate::routes::shell::PageLang;

pub struct ObjectiveLink {
    pub number: u8,
    pub label: String,
    pub href: String,
    pub title: String,
    pub lang: String,
}

pub struct PrincipleItem {
    pub slug: &'static str,
    pub title: String,
    pub text: Option<String>,
    pub lang: String,
}

pub struct ChapterLink {
    pub href: String,
    pub title: String,
}

#[derive(Template)]
#[template(path = "compact_home.html")]
pub struct CompactHome {
    pub c: Chrome,
    pub page_lang: &'static str,
    pub source_note: String,
    pub objectives: Vec<ObjectiveLink>,
    pub principles: Vec<PrincipleItem>,
    pub chapters: Vec<ChapterLink>,
}

pub async fn page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: crate::auth::Auth,
) -> Html<String> {
    let compact = &state.compact;
    let tr = Tr::new(lang);
    let objectives = compact
        .structure()
        .objectives
        .iter()
        .map(|o| ObjectiveLink {
            number: o.number,
            label: compact
                .english()
                .objective(o.number)
                .map(|e| e.label_display.clone())
                .unwrap_or_default(),
            href: format!("/{}/compact/objectives/{}", lang.code(), o.number),
            title: objective_title(compact, o.number, lang),
            lang: text_lang(lang).to_string(),
        })
        .collect();
    let principles = compact
        .structure()
        .principles
        .iter()
        .map(|p| {
            let s = shown(compact, &Ref::Principle(p.slug), lang);
            PrincipleItem {
                slug: p.slug.slug(),
                title: s.title.unwrap_or_else(|| p.english.clone()),
                text: s.text,
                lang: s.lang,
            }
        })
        .collect();
    let chapters = Section::ALL
        .into_iter()
        .filter(|s| *s != Section::Objectives)
        .map(|s| ChapterLink {
            href: format!("/{}/compact/chapters/{}", lang.code(), s.slug()),
            title: tr.t(&format!("compact-section-{}", s.slug())),
        })
        .collect();
    Html(render(&CompactHome {
        c: Chrome::new(&state, &auth, lang, "/compact", Some(Area::Compact)),
        page_lang: lang.code(),
        source_note: source_note(lang),
        objectives,
        principles,
        chapters,
    }))
}
