//! The Compact's pages: its home (objectives and principles at a glance), one page per
//! objective, a side-by-side view of two translations, the chapters, and the alignment report.

pub mod alignment;
pub mod chapter;
pub mod compare;
pub mod frameworks;
pub mod home;
pub mod objective;

use crate::compact_view::translation_for;
use crate::error::AppError;
use crate::i18n::{Lang, Tr};

/// The note under a title saying where the text comes from.
pub fn source_note(ui: Lang) -> String {
    let tr = Tr::new(ui);
    match translation_for(ui) {
        Some(_) => tr.t1("compact-source-translation", "language", &ui.endonym()),
        None => tr.t("compact-source-summary"),
    }
}

/// The language code the texts on a page are in.
pub fn text_lang(ui: Lang) -> &'static str {
    match translation_for(ui) {
        Some(tl) => tl.code(),
        None => "en",
    }
}

/// An objective number from a path segment; anything else is a 404.
pub fn objective_number(s: &str) -> Result<u8, AppError> {
    s.parse::<u8>()
        .ok()
        .filter(|n| (1..=23).contains(n))
        .ok_or_else(AppError::not_found)
}
