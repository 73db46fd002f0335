//! What the Compact looks like in one interface language: which text is shown for a
//! reference, in which language it actually is, and whether it is the official translation or
//! one of our English summaries.
//!
//! Norwegian and Dutch pages show the extracted translations. English, French and Spanish
//! pages show gcm-hub's English titles and summaries (marked as summaries, never passed off as
//! the official text) until translations of the Compact are added.

use gcm_compact::{Compact, Ref, ResolveError};
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
    match translation_for(ui) {
        Some(tl) => in_translation(compact, r, tl),
        None => english(compact, r),
    }
}

/// The text of `r` in one held translation.
pub fn in_translation(compact: &Compact, r: &Ref, tl: gcm_compact::Lang) -> Shown {
    match compact.resolve_in(r, tl) {
        Ok(t) => Shown {
            title: t.title.map(str::to_string),
            text: Some(t.text.to_string()),
            lang: tl.code().to_string(),
            is_summary: false,
        },
        Err(ResolveError::MissingInLanguage { .. }) | Err(_) => Shown {
            title: None,
            text: None,
            lang: tl.code().to_string(),
            is_summary: false,
        },
    }
}

/// gcm-hub's English title and summary of `r`.
pub fn english(compact: &Compact, r: &Ref) -> Shown {
    let d = compact.display_text(r, "en");
    Shown {
        title: d.as_ref().and_then(|d| d.title.clone()),
        text: d.as_ref().and_then(|d| d.text.clone()),
        lang: "en".to_string(),
        is_summary: d.map(|d| d.is_summary).unwrap_or(true),
    }
}

/// Short label of an objective in the interface language ("Remittances" / "Pengeoverføringer").
pub fn objective_title(compact: &Compact, n: u8, ui: Lang) -> String {
    shown(compact, &Ref::objective(n), ui)
        .title
        .or_else(|| english(compact, &Ref::objective(n)).title)
        .unwrap_or_else(|| format!("{n}"))
}
