//! Serde types of the shipped files in `data/compact/`:
//! `structure.json` (language-independent skeleton), one `<lang>.json` per
//! translation (texts keyed by [`Ref`]), and `alignment.json` (gaps).
//!
//! Maps are `BTreeMap`s keyed by [`Ref`], whose ordering is the document
//! order (paragraphs, then objectives with their actions, then principles),
//! so the pretty-printed files diff cleanly.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::align::AlignmentGap;
use crate::lang::Lang;
use crate::model::{
    Document, Extraction, Footnote, FootnoteMarker, Note, Section, objective_of_paragraph,
};
use crate::reference::{GuidingPrinciple, OBJECTIVE_COUNT, PARAGRAPH_COUNT, Ref, roman_str};

/// Version of the file layout; bump when the shape changes.
pub const FORMAT_VERSION: u32 = 1;

/// What the paragraph is, structurally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ParagraphKind {
    /// Ordinary paragraph.
    Text,
    /// Paragraph 15: lead-in plus the guiding principles.
    Principles,
    /// Paragraph 16: cooperative framework with the list of objectives.
    ObjectiveList,
    /// Commitment of an objective (17–39); text lives under `gcm:obj:N`.
    Commitment,
}

/// A section in the skeleton.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionInfo {
    /// Which section.
    pub section: Section,
    /// First paragraph number.
    pub first: u8,
    /// Last paragraph number.
    pub last: u8,
}

/// A paragraph in the skeleton.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParagraphInfo {
    /// Number.
    pub number: u8,
    /// Its reference.
    #[serde(rename = "ref")]
    pub reference: Ref,
    /// Section.
    pub section: Section,
    /// Kind.
    pub kind: ParagraphKind,
    /// Objective whose commitment this is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objective: Option<u8>,
    /// Lettered items (union over languages).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemInfo>,
    /// Languages without this paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_in: Vec<Lang>,
}

/// A lettered paragraph item in the skeleton.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemInfo {
    /// Letter.
    pub letter: char,
    /// Reference.
    #[serde(rename = "ref")]
    pub reference: Ref,
    /// Roman sub-items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subs: Vec<SubInfo>,
    /// Languages without this item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_in: Vec<Lang>,
}

/// A roman sub-item in the skeleton.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubInfo {
    /// Lower-case numeral.
    pub numeral: String,
    /// Reference.
    #[serde(rename = "ref")]
    pub reference: Ref,
    /// Languages without this sub-item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_in: Vec<Lang>,
}

/// A guiding principle in the skeleton.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrincipleInfo {
    /// Slug.
    pub slug: GuidingPrinciple,
    /// Reference.
    #[serde(rename = "ref")]
    pub reference: Ref,
    /// English label.
    pub english: String,
    /// Paragraph (15).
    pub paragraph: u8,
    /// 1-based position in the paragraph.
    pub position: usize,
    /// Languages without this principle.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_in: Vec<Lang>,
}

/// An objective in the skeleton.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectiveInfo {
    /// 1..=23.
    pub number: u8,
    /// Reference.
    #[serde(rename = "ref")]
    pub reference: Ref,
    /// Commitment paragraph number.
    pub commitment_paragraph: u8,
    /// Actions (union over languages).
    pub actions: Vec<ActionInfo>,
    /// Letters of the actions that a sub-heading precedes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subheadings_before: Vec<char>,
    /// Languages without this objective.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_in: Vec<Lang>,
}

/// An action in the skeleton.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionInfo {
    /// Letter.
    pub letter: char,
    /// Reference.
    #[serde(rename = "ref")]
    pub reference: Ref,
    /// Languages without this action.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_in: Vec<Lang>,
}

/// `structure.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StructureFile {
    /// [`FORMAT_VERSION`].
    pub format: u32,
    /// What the data describes.
    pub source: String,
    /// Languages the union was built from.
    pub languages: Vec<Lang>,
    /// Sections with paragraph ranges.
    pub sections: Vec<SectionInfo>,
    /// Paragraphs 1–54.
    pub paragraphs: Vec<ParagraphInfo>,
    /// The ten guiding principles.
    pub principles: Vec<PrincipleInfo>,
    /// Objectives 1–23.
    pub objectives: Vec<ObjectiveInfo>,
}

/// Text of an objective in a language file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectiveText {
    /// Title from the objective heading.
    pub title: String,
    /// Commitment paragraph.
    pub commitment: String,
    /// Title as given in paragraph 16's list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_title: Option<String>,
    /// Sentence introducing the actions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions_intro: Option<String>,
}

/// A text entry: plain text, or title + commitment for `gcm:obj:N`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Entry {
    /// Objective title and commitment.
    Objective(ObjectiveText),
    /// Any other text.
    Text(String),
}

impl Entry {
    /// The main text (the commitment for objectives).
    pub fn text(&self) -> &str {
        match self {
            Entry::Objective(o) => &o.commitment,
            Entry::Text(t) => t,
        }
    }

    /// The title, for objectives.
    pub fn title(&self) -> Option<&str> {
        match self {
            Entry::Objective(o) => Some(&o.title),
            Entry::Text(_) => None,
        }
    }
}

/// Where a language file came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// File name of the seed.
    pub file: String,
    /// Size in bytes.
    pub bytes: usize,
}

/// `<lang>.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageFile {
    /// [`FORMAT_VERSION`].
    pub format: u32,
    /// Language.
    pub lang: Lang,
    /// Seed file.
    pub source: SourceInfo,
    /// The unnumbered opening sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chapeau: Option<String>,
    /// Section headings as printed (keys: section slugs, `objective-list`).
    pub headings: BTreeMap<String, String>,
    /// Texts by reference.
    pub texts: BTreeMap<Ref, Entry>,
    /// Printed labels of the guiding principles.
    pub labels: BTreeMap<Ref, String>,
    /// Sub-headings printed before an element (paragraph or action).
    pub subheadings: BTreeMap<Ref, String>,
    /// Footnotes.
    pub footnotes: Vec<Footnote>,
    /// Footnote markers removed from the texts.
    pub footnote_markers: Vec<FootnoteMarker>,
    /// References in the structure without text in this language.
    pub missing: Vec<Ref>,
    /// Extraction judgements and warnings.
    pub notes: Vec<Note>,
}

/// `alignment.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlignmentFile {
    /// [`FORMAT_VERSION`].
    pub format: u32,
    /// Languages compared.
    pub languages: Vec<Lang>,
    /// Gaps, in document order.
    pub gaps: Vec<AlignmentGap>,
}

fn missing(present: &BTreeMap<Lang, BTreeSet<Ref>>, r: &Ref) -> Vec<Lang> {
    present
        .iter()
        .filter(|(_, s)| !s.contains(r))
        .map(|(l, _)| *l)
        .collect()
}

/// Builds the skeleton from the union of the documents' structures.
pub fn structure(docs: &[&Document]) -> StructureFile {
    let present: BTreeMap<Lang, BTreeSet<Ref>> = docs
        .iter()
        .map(|d| (d.lang, d.refs().into_iter().collect()))
        .collect();
    let union: BTreeSet<Ref> = present.values().flatten().copied().collect();

    let sections = Section::ALL
        .iter()
        .map(|s| SectionInfo {
            section: *s,
            first: *s.paragraphs().start(),
            last: *s.paragraphs().end(),
        })
        .collect();

    let paragraphs = (1..=PARAGRAPH_COUNT)
        .map(|n| {
            let objective = objective_of_paragraph(n);
            let kind = match (n, objective) {
                (_, Some(_)) => ParagraphKind::Commitment,
                (15, _) => ParagraphKind::Principles,
                (16, _) => ParagraphKind::ObjectiveList,
                _ => ParagraphKind::Text,
            };
            let letters: BTreeSet<char> = union
                .iter()
                .filter_map(|r| match r {
                    Ref::Para {
                        number,
                        item: Some(c),
                        ..
                    } if *number == n => Some(*c),
                    _ => None,
                })
                .collect();
            let items = letters
                .into_iter()
                .map(|c| {
                    let subs = union
                        .iter()
                        .filter_map(|r| match r {
                            Ref::Para {
                                number,
                                item: Some(i),
                                sub: Some(v),
                            } if *number == n && *i == c => Some((*v, *r)),
                            _ => None,
                        })
                        .map(|(v, r)| SubInfo {
                            numeral: roman_str(v).unwrap_or("?").to_owned(),
                            reference: r,
                            missing_in: missing(&present, &r),
                        })
                        .collect();
                    let r = Ref::para_item(n, c);
                    ItemInfo {
                        letter: c,
                        reference: r,
                        subs,
                        missing_in: missing(&present, &r),
                    }
                })
                .collect();
            let r = Ref::para(n);
            ParagraphInfo {
                number: n,
                reference: r,
                section: Section::of_paragraph(n),
                kind,
                objective,
                items,
                missing_in: missing(&present, &r),
            }
        })
        .collect();

    let principles = GuidingPrinciple::ALL
        .iter()
        .map(|p| {
            let r = Ref::Principle(*p);
            PrincipleInfo {
                slug: *p,
                reference: r,
                english: p.english_label().to_owned(),
                paragraph: 15,
                position: p.position(),
                missing_in: missing(&present, &r),
            }
        })
        .collect();

    let objectives = (1..=OBJECTIVE_COUNT)
        .map(|n| {
            let actions = union
                .iter()
                .filter_map(|r| match r {
                    Ref::Objective {
                        number,
                        action: Some(a),
                    } if *number == n => Some((*a, *r)),
                    _ => None,
                })
                .map(|(a, r)| ActionInfo {
                    letter: a,
                    reference: r,
                    missing_in: missing(&present, &r),
                })
                .collect();
            let subheadings_before: BTreeSet<char> = docs
                .iter()
                .filter_map(|d| d.objective(n))
                .flat_map(|o| o.subheadings.iter().map(|s| s.before))
                .collect();
            let r = Ref::objective(n);
            ObjectiveInfo {
                number: n,
                reference: r,
                commitment_paragraph: crate::model::commitment_paragraph(n),
                actions,
                subheadings_before: subheadings_before.into_iter().collect(),
                missing_in: missing(&present, &r),
            }
        })
        .collect();

    StructureFile {
        format: FORMAT_VERSION,
        source:
            "Global Compact for Safe, Orderly and Regular Migration, final draft of 11 July 2018 \
                 (unofficial translations)"
                .to_owned(),
        languages: docs.iter().map(|d| d.lang).collect(),
        sections,
        paragraphs,
        principles,
        objectives,
    }
}

/// Builds a language file from an extraction. With a skeleton, `missing`
/// lists the skeleton's references this language has no text for.
pub fn language_file(
    extraction: &Extraction,
    source: SourceInfo,
    skeleton: Option<&StructureFile>,
) -> LanguageFile {
    let d = &extraction.document;
    let mut texts = BTreeMap::new();
    let mut subheadings = BTreeMap::new();
    for p in &d.paragraphs {
        texts.insert(Ref::para(p.number), Entry::Text(p.text.clone()));
        if let Some(h) = &p.subheading {
            subheadings.insert(Ref::para(p.number), h.clone());
        }
        for it in &p.items {
            texts.insert(
                Ref::para_item(p.number, it.letter),
                Entry::Text(it.text.clone()),
            );
            for s in &it.subs {
                texts.insert(
                    Ref::para_sub(p.number, it.letter, s.value),
                    Entry::Text(s.text.clone()),
                );
            }
        }
    }
    for o in &d.objectives {
        texts.insert(
            Ref::objective(o.number),
            Entry::Objective(ObjectiveText {
                title: o.title.clone(),
                commitment: o.commitment.clone(),
                list_title: o.list_title.clone(),
                actions_intro: o.actions_intro.clone(),
            }),
        );
        for a in &o.actions {
            texts.insert(Ref::action(o.number, a.letter), Entry::Text(a.text.clone()));
        }
        for s in &o.subheadings {
            subheadings.insert(Ref::action(o.number, s.before), s.text.clone());
        }
    }
    let mut labels = BTreeMap::new();
    for p in &d.principles {
        texts.insert(Ref::Principle(p.principle), Entry::Text(p.text.clone()));
        labels.insert(Ref::Principle(p.principle), p.label.clone());
    }
    let have: BTreeSet<Ref> = d.refs().into_iter().collect();
    let missing = skeleton
        .map(|s| {
            skeleton_refs(s)
                .into_iter()
                .filter(|r| !have.contains(r))
                .collect()
        })
        .unwrap_or_default();
    LanguageFile {
        format: FORMAT_VERSION,
        lang: d.lang,
        source,
        chapeau: d.chapeau.clone(),
        headings: d.headings.clone(),
        texts,
        labels,
        subheadings,
        footnotes: d.footnotes.clone(),
        footnote_markers: d.footnote_markers.clone(),
        missing,
        notes: extraction.notes.clone(),
    }
}

/// Every reference of the skeleton, in document order.
pub fn skeleton_refs(s: &StructureFile) -> Vec<Ref> {
    let mut out = Vec::new();
    for p in &s.paragraphs {
        out.push(p.reference);
        for it in &p.items {
            out.push(it.reference);
            out.extend(it.subs.iter().map(|x| x.reference));
        }
    }
    for o in &s.objectives {
        out.push(o.reference);
        out.extend(o.actions.iter().map(|a| a.reference));
    }
    out.extend(s.principles.iter().map(|p| p.reference));
    out.sort();
    out.dedup();
    out
}
