//! What the Compact looks like in one interface language: which text is shown for a
//! reference, in which language it actually is, and whether it is the official translation or
//! one of our English summaries.
//!
//! Norwegian and Dutch pages show the extracted translations. English, French and Spanish
//! pages show gcm-hub's English titles and summaries (marked as summaries, never passed off as
//! the official text) until translations of the Compact are added.

use gcm_compact::{Compact, Ref};
use serde::Serialize;

use crate::i18n::Lang;

/// The language a translation of the Compact is held in, for an interface language.
pub fn translation_for(ui: Lang) -> Option<gcm_compact::Lang> {
    match ui {
        Lang::Nb => Some(gcm_compact::Lang::Nb),
        Lang::Nl => Some(gcm_compact::Lang::Nl),
        Lang::En | Lang::Fr | Lang::Es => None,
    }
}

/// A text as shown.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct Shown {
    /// Title (objectives, principles), when the element has one.
    pub title: Option<String>,
    /// The text; absent when this translation lacks the element.
    pub text: Option<String>,
    /// Language the text is in (`en` for the summaries shown on en/fr/es pages).
    pub lang: String,
    /// True for gcm-hub's English summaries, false for the text of a translation.
    pub is_summary: bool,
}

/// The text of `r` for interface language `ui`.
pub fn shown(compact: &Compact, r: &Ref, ui: Lang) -> Shown {
    display(compact, r, ui.code())
}

/// The text of `r` in one held translation.
pub fn in_translation(compact: &Compact, r: &Ref, tl: gcm_compact::Lang) -> Shown {
    display(compact, r, tl.code())
}

/// gcm-hub's English title and summary of `r`.
pub fn english(compact: &Compact, r: &Ref) -> Shown {
    display(compact, r, "en")
}

fn display(compact: &Compact, r: &Ref, code: &str) -> Shown {
    match compact.display_text(r, code) {
        Some(d) => Shown {
            title: d.title,
            text: d.text,
            lang: d.lang.to_string(),
            is_summary: d.is_summary,
        },
        // An unknown reference (never produced by our own pages) shows as absent text.
        None => Shown {
            lang: if translation_for_code(code) {
                code
            } else {
                "en"
            }
            .to_string(),
            ..Shown::default()
        },
    }
}

fn translation_for_code(code: &str) -> bool {
    code.parse::<gcm_compact::Lang>().is_ok()
}

/// Short label of an objective in the interface language ("Remittances" / "Pengeoverføringer").
pub fn objective_title(compact: &Compact, n: u8, ui: Lang) -> String {
    shown(compact, &Ref::objective(n), ui)
        .title
        .or_else(|| english(compact, &Ref::objective(n)).title)
        .unwrap_or_else(|| format!("{n}"))
}
