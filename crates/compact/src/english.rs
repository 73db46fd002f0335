//! English titles, labels and summaries of the Compact (`data/compact/en.json`).
//!
//! The file is maintained by hand, not extracted from the seeds. It holds, for
//! every objective, the UN Network on Migration short label, the official
//! English title (with where it was verified) and a summary written by
//! gcm-hub; the English names of the guiding principles with summaries; and
//! one-line summaries (some with short titles) of every action, of paragraphs
//! 1–16 and 40–54 and of the items of paragraphs 43, 45 and 49.
//!
//! Summaries are never official text: every summary field is paired with an
//! `…is_official: false` marker, and [`crate::Compact::display_text`] reports
//! them as summaries.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::objective_of_paragraph;
use crate::reference::{GuidingPrinciple, Ref};

/// How an English title was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TitleSource {
    /// The official English title, quoted verbatim in a seed text (named in
    /// `title_seed`).
    Official,
    /// The official English title as supplied from the text of resolution
    /// 73/195, not quoted in any seed text.
    OfficialUnverified,
}

impl TitleSource {
    /// The spelling used in the file (`official`, `official-unverified`).
    pub fn as_str(self) -> &'static str {
        match self {
            TitleSource::Official => "official",
            TitleSource::OfficialUnverified => "official-unverified",
        }
    }
}

/// English data of one objective.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectiveEn {
    /// 1..=23.
    pub number: u8,
    /// `gcm:obj:N`.
    #[serde(rename = "ref")]
    pub reference: Ref,
    /// UN Network on Migration short label, without the number
    /// (`DATA`, `REMITTANCES`).
    pub label: String,
    /// The label in sentence case for display (`Data`, `Remittances`).
    pub label_display: String,
    /// Official English title of the objective.
    pub title: String,
    /// Whether the title was verified against a seed text.
    pub title_source: TitleSource,
    /// Seed file quoting the title verbatim (with [`TitleSource::Official`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_seed: Option<String>,
    /// Remark on the title (spelling differences, cross-checks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_note: Option<String>,
    /// Summary of the commitment and actions, written by gcm-hub.
    pub summary: String,
    /// Always false: the summary is not official text.
    pub summary_is_official: bool,
}

/// English data of one guiding principle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrincipleEn {
    /// Which principle.
    pub slug: GuidingPrinciple,
    /// `gcm:gp:<slug>`.
    #[serde(rename = "ref")]
    pub reference: Ref,
    /// Official English name (`Whole-of-government approach`).
    pub title: String,
    /// Whether the name was verified against a seed text.
    pub title_source: TitleSource,
    /// Seed file printing the name verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_seed: Option<String>,
    /// Remark on the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_note: Option<String>,
    /// Summary of the principle, written by gcm-hub.
    pub summary: String,
    /// Always false.
    pub summary_is_official: bool,
}

/// Summary of an action, paragraph or paragraph item, written by gcm-hub.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryEn {
    /// Short title (paragraphs and lettered items of paragraph 43 have one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// One-line summary.
    pub summary: String,
}

/// `data/compact/en.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnglishFile {
    /// Layout version.
    pub format: u32,
    /// Always `en`.
    pub lang: String,
    /// What the file holds and how titles and summaries are marked.
    pub about: String,
    /// Seed file the objective labels come from.
    pub label_source: String,
    /// Sources referred to by `title_seed` and `label_source`, with a description.
    pub sources: BTreeMap<String, String>,
    /// The 23 objectives in order.
    pub objectives: Vec<ObjectiveEn>,
    /// The ten guiding principles in the order of paragraph 15.
    pub principles: Vec<PrincipleEn>,
    /// Always false: none of the summaries is official text.
    pub summaries_are_official: bool,
    /// Summaries of actions (`gcm:obj:N:x`), paragraphs and paragraph items.
    pub summaries: BTreeMap<Ref, SummaryEn>,
}

impl EnglishFile {
    /// Objective `n` (1..=23).
    pub fn objective(&self, n: u8) -> Option<&ObjectiveEn> {
        self.objectives.iter().find(|o| o.number == n)
    }

    /// One guiding principle.
    pub fn principle(&self, p: GuidingPrinciple) -> Option<&PrincipleEn> {
        self.principles.iter().find(|x| x.slug == p)
    }

    /// Summary entry of an action, paragraph or paragraph item.
    pub fn entry(&self, r: &Ref) -> Option<&SummaryEn> {
        self.summaries.get(r)
    }

    /// English summary of any element of the Compact: objectives and
    /// commitment paragraphs 17–39 give the objective summary, principles the
    /// principle summary, everything else its entry in `summaries`.
    pub fn summary(&self, r: &Ref) -> Option<&str> {
        match *r {
            Ref::Objective {
                number,
                action: None,
            } => self.objective(number).map(|o| o.summary.as_str()),
            Ref::Principle(p) => self.principle(p).map(|x| x.summary.as_str()),
            Ref::Para {
                number,
                item: None,
                sub: None,
            } if objective_of_paragraph(number).is_some() => objective_of_paragraph(number)
                .and_then(|n| self.objective(n))
                .map(|o| o.summary.as_str()),
            _ => self.entry(r).map(|e| e.summary.as_str()),
        }
    }

    /// English title of an element: the official title of an objective (also
    /// for its commitment paragraph), the name of a principle, or the short
    /// title of a paragraph or item written by gcm-hub.
    pub fn title(&self, r: &Ref) -> Option<&str> {
        match *r {
            Ref::Objective {
                number,
                action: None,
            } => self.objective(number).map(|o| o.title.as_str()),
            Ref::Principle(p) => self.principle(p).map(|x| x.title.as_str()),
            Ref::Para {
                number,
                item: None,
                sub: None,
            } if objective_of_paragraph(number).is_some() => objective_of_paragraph(number)
                .and_then(|n| self.objective(n))
                .map(|o| o.title.as_str()),
            _ => self.entry(r).and_then(|e| e.title.as_deref()),
        }
    }
}

/// Sentence case of an upper-case label: `MINIMIZE ADVERSE DRIVERS` →
/// `Minimize adverse drivers`.
pub fn sentence_case(label: &str) -> String {
    let lower = label.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
