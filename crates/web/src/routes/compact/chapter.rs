//! `GET /{lang}/compact/chapters/{section}`: the paragraphs of one chapter (preamble, vision,
//! cooperative framework, implementation, follow-up and review), with lettered items and
//! roman sub-items such as 43 (a)(iii).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use gcm_compact::model::Section;

use super::{source_note, text_lang};
use crate::AppState;
use crate::compact_view::shown;
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::pages::{Area, Chrome, render};
use crate::routes::shell::PageLang;

pub struct SubView {
    pub numeral: String,
    pub text: Option<String>,
}

pub struct ItemView {
    pub letter: char,
    pub text: Option<String>,
    pub subs: Vec<SubView>,
}

pub struct ParagraphView {
    pub number: u8,
    pub label: String,
    pub text: Option<String>,
    pub items: Vec<ItemView>,
}

#[derive(Template)]
#[template(path = "chapter.html")]
pub struct ChapterPage {
    pub c: Chrome,
    pub page_lang: &'static str,
    pub text_lang: &'static str,
    pub heading: String,
    pub source_note: String,
    pub paragraphs: Vec<ParagraphView>,
}

pub async fn page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: crate::auth::Auth,
    Path((_, slug)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let section = Section::ALL
        .into_iter()
        .find(|s| s.slug() == slug && *s != Section::Objectives)
        .ok_or_else(AppError::not_found)?;
    let compact = &state.compact;
    let tr = Tr::new(lang);
    let paragraphs = compact
        .structure()
        .paragraphs
        .iter()
        .filter(|p| p.section == section)
        .map(|p| ParagraphView {
            number: p.number,
            label: tr.tn("compact-paragraph-n", "number", i64::from(p.number)),
            text: shown(compact, &p.reference, lang).text,
            items: p
                .items
                .iter()
                .map(|it| ItemView {
                    letter: it.letter,
                    text: shown(compact, &it.reference, lang).text,
                    subs: it
                        .subs
                        .iter()
                        .map(|s| SubView {
                            numeral: s.numeral.clone(),
                            text: shown(compact, &s.reference, lang).text,
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    Ok(Html(render(&ChapterPage {
        c: Chrome::new(
            &state,
            &auth,
            lang,
            &format!("/compact/chapters/{slug}"),
            Some(Area::Compact),
        ),
        page_lang: lang.code(),
        text_lang: text_lang(lang),
        heading: tr.t(&format!("compact-section-{slug}")),
        source_note: source_note(lang),
        paragraphs,
    })))
}
