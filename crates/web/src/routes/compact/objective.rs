//! `GET /{lang}/compact/objectives/{number}`: one objective, its commitment and its actions
//! (each with an anchor, `#c`), and what on the platform is linked to it.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use gcm_compact::Ref;

use super::{objective_number, source_note, text_lang};
use crate::AppState;
use crate::compact_view::{objective_title, shown, translation_for};
use crate::error::AppResult;
use crate::i18n::{Lang, Tr};
use crate::pages::{Area, Chrome, render};
use crate::routes::shell::PageLang;

/// The kinds of item that later capabilities tag with objectives, in display order.
pub const LINKED_KINDS: [&str; 5] = ["practice", "pledge", "request", "project", "review"];

pub struct ActionRow {
    pub letter: char,
    pub text: Option<String>,
    pub anchor_label: String,
    pub subheading: Option<String>,
}

pub struct CrosswalkRow {
    pub href: String,
    pub reference: String,
    pub title: String,
    pub basis: String,
}

pub struct KindCount {
    pub label: String,
    pub count: i64,
}

#[derive(Template)]
#[template(path = "objective.html")]
pub struct ObjectivePage {
    pub c: Chrome,
    pub page_lang: &'static str,
    pub text_lang: &'static str,
    pub number: u8,
    pub heading: String,
    pub title: String,
    pub source_note: String,
    pub paragraph_label: String,
    pub commitment: Option<String>,
    pub actions_intro: Option<String>,
    pub actions: Vec<ActionRow>,
    pub linked: Vec<KindCount>,
    pub crosswalk: Vec<CrosswalkRow>,
    pub prev: Option<u8>,
    pub next: Option<u8>,
}

pub async fn page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: crate::auth::Auth,
    Path((_, number)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let n = objective_number(&number)?;
    let compact = &state.compact;
    let tr = Tr::new(lang);
    let Some(info) = compact.objective(n) else {
        return Err(crate::AppError::not_found());
    };
    let main = shown(compact, &Ref::objective(n), lang);
    let intro = translation_for(lang).and_then(|tl| {
        compact
            .language(tl)
            .and_then(|f| f.texts.get(&Ref::objective(n)))
            .and_then(|e| match e {
                gcm_compact::files::Entry::Objective(o) => o.actions_intro.clone(),
                gcm_compact::files::Entry::Text(_) => None,
            })
    });
    let subheadings = translation_for(lang).and_then(|tl| compact.language(tl));
    let actions = info
        .actions
        .iter()
        .map(|a| ActionRow {
            letter: a.letter,
            text: shown(compact, &a.reference, lang).text,
            anchor_label: tr.t1("compact-action-anchor", "letter", &a.letter.to_string()),
            subheading: subheadings.and_then(|f| f.subheadings.get(&a.reference).cloned()),
        })
        .collect();
    let counts = gcm_store::framework_links::counts_for_objective(&state.db, n).await?;
    let linked = LINKED_KINDS
        .iter()
        .map(|k| KindCount {
            label: tr.t(&format!("kind-{k}")),
            count: counts.get(*k).copied().unwrap_or(0),
        })
        .collect();
    let crosswalk = compact
        .crosswalk_for_objective(n)
        .into_iter()
        .filter_map(|(r, basis)| {
            let item = compact.framework_item(&r).ok()?;
            let reference = r.to_string();
            Some(CrosswalkRow {
                href: format!(
                    "/{}/compact/frameworks/{}#{}",
                    lang.code(),
                    item.framework(),
                    super::frameworks::anchor(&reference)
                ),
                title: item.title(),
                reference,
                basis: tr.t(&format!(
                    "compact-basis-{}",
                    basis.as_str().replace('_', "-")
                )),
            })
        })
        .collect();
    let heading = tr.tn("compact-objective-n", "number", i64::from(n));
    Ok(Html(render(&ObjectivePage {
        c: Chrome::new(
            &state,
            &auth,
            lang,
            &format!("/compact/objectives/{n}"),
            Some(Area::Compact),
        ),
        page_lang: lang.code(),
        text_lang: text_lang(lang),
        number: n,
        title: main
            .title
            .clone()
            .unwrap_or_else(|| objective_title(compact, n, Lang::En)),
        heading,
        source_note: source_note(lang),
        paragraph_label: tr.tn(
            "compact-paragraph-n",
            "number",
            i64::from(info.commitment_paragraph),
        ),
        commitment: main.text,
        actions_intro: intro,
        actions,
        linked,
        crosswalk,
        prev: (n > 1).then(|| n - 1),
        next: (n < 23).then(|| n + 1),
    })))
}
