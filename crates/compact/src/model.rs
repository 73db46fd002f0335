//! Typed result of extracting one translation: paragraphs, guiding
//! principles, objectives with actions, footnotes, and the notes (judgements
//! and warnings) the extractor made on the way.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::reference::{GuidingPrinciple, Ref};

/// Top-level parts of the Compact. Membership is fixed by paragraph number,
/// which is why headings in the text are informative only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// Paragraphs 1–7.
    Preamble,
    /// "Our vision and guiding principles", paragraphs 8–15.
    Vision,
    /// "Our cooperative framework", paragraph 16 (with the list of objectives).
    CooperativeFramework,
    /// "Objectives and commitments", paragraphs 17–39 (one commitment each).
    Objectives,
    /// "Implementation", paragraphs 40–47.
    Implementation,
    /// "Follow-up and review", paragraphs 48–54.
    FollowUp,
}

impl Section {
    /// All sections in document order.
    pub const ALL: [Section; 6] = [
        Section::Preamble,
        Section::Vision,
        Section::CooperativeFramework,
        Section::Objectives,
        Section::Implementation,
        Section::FollowUp,
    ];

    /// Paragraph numbers belonging to the section.
    pub fn paragraphs(self) -> RangeInclusive<u8> {
        match self {
            Section::Preamble => 1..=7,
            Section::Vision => 8..=15,
            Section::CooperativeFramework => 16..=16,
            Section::Objectives => 17..=39,
            Section::Implementation => 40..=47,
            Section::FollowUp => 48..=54,
        }
    }

    /// Section containing paragraph `n` (paragraphs beyond 54 map to follow-up).
    pub fn of_paragraph(n: u8) -> Section {
        Section::ALL
            .into_iter()
            .find(|s| s.paragraphs().contains(&n))
            .unwrap_or(Section::FollowUp)
    }

    /// Stable slug (`preamble`, `vision`, …).
    pub fn slug(self) -> &'static str {
        match self {
            Section::Preamble => "preamble",
            Section::Vision => "vision",
            Section::CooperativeFramework => "cooperative-framework",
            Section::Objectives => "objectives",
            Section::Implementation => "implementation",
            Section::FollowUp => "follow-up",
        }
    }
}

/// Commitment paragraph number of objective `n` (objective 1 is paragraph 17).
pub fn commitment_paragraph(objective: u8) -> u8 {
    objective.saturating_add(16)
}

/// Objective whose commitment is paragraph `n`, if any.
pub fn objective_of_paragraph(n: u8) -> Option<u8> {
    Section::Objectives
        .paragraphs()
        .contains(&n)
        .then(|| n - 16)
}

/// One numbered paragraph (commitments 17–39 live in [`Objective`] instead).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Paragraph number.
    pub number: u8,
    /// Whether the number was printed in the source (false: inferred).
    pub number_printed: bool,
    /// Sub-heading printed right before the paragraph (e.g. "Shared responsibilities").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subheading: Option<String>,
    /// Text of the paragraph up to its first lettered item. For paragraph 15
    /// this is only the lead-in; the principles are in [`Document::principles`].
    pub text: String,
    /// Lettered items (paragraphs 43, 45, 49).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
}

/// Lettered item of a paragraph, e.g. 43(a).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Canonical letter.
    pub letter: char,
    /// Text including any lead-in before the roman sub-items.
    pub text: String,
    /// Roman sub-items, e.g. 43(a)(i)–(v).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subs: Vec<SubItem>,
}

/// Roman sub-item of a paragraph item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubItem {
    /// Value of the numeral (3 for iii).
    pub value: u8,
    /// Text.
    pub text: String,
}

/// One guiding principle of paragraph 15.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Principle {
    /// Which principle.
    pub principle: GuidingPrinciple,
    /// Label as printed in the translation (e.g. "Menneskerettigheter").
    pub label: String,
    /// Text after the label.
    pub text: String,
}

/// One objective with its commitment and actions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Objective {
    /// 1..=23.
    pub number: u8,
    /// Title from the objective's own heading.
    pub title: String,
    /// Title as given in the list of paragraph 16, if found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_title: Option<String>,
    /// Paragraph number of the commitment (always `number + 16`).
    pub commitment_paragraph: u8,
    /// Whether that number was printed in the source.
    pub commitment_number_printed: bool,
    /// The commitment paragraph text, without the sentence introducing the actions.
    pub commitment: String,
    /// The sentence introducing the actions ("To realize this commitment…").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions_intro: Option<String>,
    /// Lettered actions in text order.
    pub actions: Vec<Action>,
    /// Sub-headings between actions (objective 2 has one before action h).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subheadings: Vec<Subheading>,
}

/// One lettered action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// Canonical letter (may differ from the printed one after reconciliation).
    pub letter: char,
    /// Letter as printed in the source.
    pub printed_letter: char,
    /// Action text.
    pub text: String,
}

/// Sub-heading inside an objective's action list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subheading {
    /// Letter of the action the heading precedes.
    pub before: char,
    /// Heading text as printed.
    pub text: String,
}

/// A footnote found in the text (markers are removed from the body text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footnote {
    /// Printed footnote number, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// Reference of the element the footnote was found in or after.
    pub near: String,
    /// Footnote text.
    pub text: String,
}

/// A footnote marker removed from the body text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FootnoteMarker {
    /// Printed number.
    pub number: u32,
    /// Word the marker was attached to.
    pub after: String,
    /// Element whose text held the marker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Ref>,
}

/// Whether a note records a decision or a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteKind {
    /// The parser had to decide something the text does not say explicitly.
    Judgement,
    /// Something looks wrong in the text and was left as is.
    Warning,
}

/// A judgement or warning made during extraction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Kind of note.
    pub kind: NoteKind,
    /// Reference of the affected element, or `front` / `body`.
    pub location: String,
    /// 1-based source line, when the note is tied to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// What happened.
    pub message: String,
}

/// Structured form of one translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Language of the text.
    pub lang: Lang,
    /// The unnumbered opening sentence ("We, the Heads of State …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chapeau: Option<String>,
    /// Section headings as printed, keyed by [`Section::slug`]; the heading
    /// of the objective list in paragraph 16 is under `objective-list`.
    pub headings: BTreeMap<String, String>,
    /// Numbered paragraphs except the commitments 17–39, in order.
    pub paragraphs: Vec<Paragraph>,
    /// The guiding principles in text order.
    pub principles: Vec<Principle>,
    /// Objectives in order.
    pub objectives: Vec<Objective>,
    /// Footnotes.
    pub footnotes: Vec<Footnote>,
    /// Footnote markers removed from the text, in order.
    pub footnote_markers: Vec<FootnoteMarker>,
}

impl Document {
    /// Paragraph by number (not for commitments).
    pub fn paragraph(&self, n: u8) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.number == n)
    }

    /// Objective by number.
    pub fn objective(&self, n: u8) -> Option<&Objective> {
        self.objectives.iter().find(|o| o.number == n)
    }

    /// Principle text by principle.
    pub fn principle(&self, p: GuidingPrinciple) -> Option<&Principle> {
        self.principles.iter().find(|x| x.principle == p)
    }

    /// Every structural reference that has text in this document, in a stable order.
    pub fn refs(&self) -> Vec<Ref> {
        let mut out = Vec::new();
        for p in &self.paragraphs {
            out.push(Ref::para(p.number));
            for it in &p.items {
                out.push(Ref::para_item(p.number, it.letter));
                for s in &it.subs {
                    out.push(Ref::para_sub(p.number, it.letter, s.value));
                }
            }
        }
        for o in &self.objectives {
            out.push(Ref::para(o.commitment_paragraph));
            out.push(Ref::objective(o.number));
            for a in &o.actions {
                out.push(Ref::action(o.number, a.letter));
            }
        }
        for p in &self.principles {
            out.push(Ref::Principle(p.principle));
        }
        out.sort();
        out.dedup();
        out
    }
}

/// Output of [`crate::extract::extract`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    /// The structured document.
    pub document: Document,
    /// Judgements and warnings, in source order.
    pub notes: Vec<Note>,
}
