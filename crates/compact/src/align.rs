//! Alignment of translations: which structural elements (paragraphs,
//! items, objectives, actions, principles, sub-headings) each language has,
//! and every place where they do not line up.
//!
//! [`reconcile`] repairs the one kind of mismatch that can be decided
//! safely (a mis-printed action letter in an otherwise identical sequence)
//! and reports it; [`align`] reports everything that still differs.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::model::{Document, Section};
use crate::reference::{GuidingPrinciple, OBJECTIVE_COUNT, PARAGRAPH_COUNT, Ref};

/// What kind of mismatch a gap is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GapKind {
    /// A numbered paragraph is missing.
    MissingParagraph,
    /// A lettered item or roman sub-item of a paragraph is missing.
    MissingParagraphItem,
    /// An objective (or its commitment) is missing.
    MissingObjective,
    /// An action of an objective is missing.
    MissingAction,
    /// A guiding principle is missing.
    MissingPrinciple,
    /// A sub-heading (before a paragraph or inside an action list) is missing.
    MissingSubheading,
    /// A footnote marker or footnote text is missing.
    MissingFootnote,
    /// Part of an objective is missing (its title in the list of paragraph
    /// 16, or the sentence introducing its actions).
    MissingObjectivePart,
    /// Texts of the same element differ so much in length (relative to the
    /// usual ratio between the languages) that they may not correspond.
    LengthMismatch,
    /// The same action is printed with different letters (repaired by [`reconcile`]).
    ActionLetterMismatch,
}

/// One place where the translations do not line up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlignmentGap {
    /// Reference of the affected element.
    pub location: Ref,
    /// Kind of gap.
    pub kind: GapKind,
    /// Languages lacking the element (empty for letter mismatches).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_in: Vec<Lang>,
    /// Human-readable description.
    pub description: String,
    /// How the gap was resolved, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
}

/// Every reference the Compact must have regardless of the translations:
/// paragraphs 1–54, objectives 1–23 and the ten principles.
pub fn required_refs() -> Vec<Ref> {
    let mut out: Vec<Ref> = (1..=PARAGRAPH_COUNT).map(Ref::para).collect();
    out.extend((1..=OBJECTIVE_COUNT).map(Ref::objective));
    out.extend(GuidingPrinciple::ALL.map(Ref::Principle));
    out
}

/// Compares the structure of two translations. Never silently aligns: every
/// element present in one and absent in the other (or required by the
/// Compact and absent in both) becomes a gap.
pub fn align(nb: &Document, nl: &Document) -> Vec<AlignmentGap> {
    align_all(&[nb, nl])
}

/// [`align`] for any number of translations.
pub fn align_all(docs: &[&Document]) -> Vec<AlignmentGap> {
    let present: Vec<(Lang, BTreeSet<Ref>)> = docs
        .iter()
        .map(|d| (d.lang, d.refs().into_iter().collect()))
        .collect();
    let mut all: BTreeSet<Ref> = required_refs().into_iter().collect();
    for (_, refs) in &present {
        all.extend(refs.iter().copied());
    }
    let mut gaps = Vec::new();
    for r in all {
        let missing_in: Vec<Lang> = present
            .iter()
            .filter(|(_, refs)| !refs.contains(&r))
            .map(|(lang, _)| *lang)
            .collect();
        if missing_in.is_empty() {
            continue;
        }
        let have: Vec<String> = present
            .iter()
            .filter(|(_, refs)| refs.contains(&r))
            .map(|(l, _)| l.to_string())
            .collect();
        let (kind, what) = describe(&r);
        let langs: Vec<String> = missing_in.iter().map(|l| l.to_string()).collect();
        let description = if have.is_empty() {
            format!("{what} not found in any translation ({})", langs.join(", "))
        } else {
            format!(
                "{what} present in {} but missing in {}",
                have.join(", "),
                langs.join(", ")
            )
        };
        gaps.push(AlignmentGap {
            location: r,
            kind,
            missing_in,
            description,
            resolution: None,
        });
    }
    gaps.extend(subheading_gaps(docs));
    gaps.extend(footnote_gaps(docs));
    gaps.extend(objective_part_gaps(docs));
    gaps.extend(length_gaps(docs));
    gaps.sort_by_key(|g| (g.location, g.kind));
    gaps
}

fn describe(r: &Ref) -> (GapKind, String) {
    match r {
        Ref::Para {
            number, item: None, ..
        } => match crate::model::objective_of_paragraph(*number) {
            Some(o) => (
                GapKind::MissingObjective,
                format!("paragraph {number} (commitment of objective {o})"),
            ),
            None => (
                GapKind::MissingParagraph,
                format!(
                    "paragraph {number} ({})",
                    Section::of_paragraph(*number).slug()
                ),
            ),
        },
        Ref::Para { .. } => (GapKind::MissingParagraphItem, format!("item {r}")),
        Ref::Objective {
            number,
            action: None,
        } => (GapKind::MissingObjective, format!("objective {number}")),
        Ref::Objective {
            number,
            action: Some(a),
        } => (
            GapKind::MissingAction,
            format!("action {a} of objective {number}"),
        ),
        Ref::Principle(p) => (
            GapKind::MissingPrinciple,
            format!("guiding principle {}", p.slug()),
        ),
        other => (GapKind::MissingParagraph, format!("{other}")),
    }
}

fn subheading_gaps(docs: &[&Document]) -> Vec<AlignmentGap> {
    let mut by_place: BTreeMap<Ref, Vec<Lang>> = BTreeMap::new();
    for d in docs {
        for p in &d.paragraphs {
            if p.subheading.is_some() {
                by_place
                    .entry(Ref::para(p.number))
                    .or_default()
                    .push(d.lang);
            }
        }
        for o in &d.objectives {
            for s in &o.subheadings {
                by_place
                    .entry(Ref::action(o.number, s.before))
                    .or_default()
                    .push(d.lang);
            }
        }
    }
    let mut gaps = Vec::new();
    for (place, langs) in by_place {
        let missing_in: Vec<Lang> = docs
            .iter()
            .map(|d| d.lang)
            .filter(|l| !langs.contains(l))
            .collect();
        if missing_in.is_empty() {
            continue;
        }
        gaps.push(AlignmentGap {
            location: place,
            kind: GapKind::MissingSubheading,
            description: format!("sub-heading before {place} missing"),
            missing_in,
            resolution: None,
        });
    }
    gaps
}

fn footnote_gaps(docs: &[&Document]) -> Vec<AlignmentGap> {
    let numbers: BTreeSet<u32> = docs
        .iter()
        .flat_map(|d| {
            d.footnote_markers
                .iter()
                .map(|m| m.number)
                .chain(d.footnotes.iter().filter_map(|f| f.number))
        })
        .collect();
    let mut gaps = Vec::new();
    for n in numbers {
        // Locate the gap where some language has the marker.
        let location = docs
            .iter()
            .flat_map(|d| d.footnote_markers.iter())
            .find(|m| m.number == n)
            .and_then(|m| m.at)
            .unwrap_or(Ref::para(1));
        let no_marker: Vec<Lang> = docs
            .iter()
            .filter(|d| !d.footnote_markers.iter().any(|m| m.number == n))
            .map(|d| d.lang)
            .collect();
        let no_text: Vec<Lang> = docs
            .iter()
            .filter(|d| !d.footnotes.iter().any(|f| f.number == Some(n)))
            .map(|d| d.lang)
            .collect();
        if !no_marker.is_empty() {
            gaps.push(AlignmentGap {
                location,
                kind: GapKind::MissingFootnote,
                description: format!("marker of footnote {n} missing in the text"),
                missing_in: no_marker,
                resolution: None,
            });
        }
        if !no_text.is_empty() {
            gaps.push(AlignmentGap {
                location,
                kind: GapKind::MissingFootnote,
                description: format!("text of footnote {n} missing"),
                missing_in: no_text,
                resolution: None,
            });
        }
    }
    gaps
}

/// Predicate on an objective (does it have a given part?).
type ObjectiveTest = fn(&crate::model::Objective) -> bool;

fn objective_part_gaps(docs: &[&Document]) -> Vec<AlignmentGap> {
    let mut gaps = Vec::new();
    for n in 1..=OBJECTIVE_COUNT {
        let objs: Vec<_> = docs
            .iter()
            .filter_map(|d| d.objective(n).map(|o| (d.lang, o)))
            .collect();
        let parts: [(&str, ObjectiveTest); 2] = [
            ("title in the list of objectives (paragraph 16)", |o| {
                o.list_title.is_some()
            }),
            ("sentence introducing the actions", |o| {
                o.actions_intro.is_some()
            }),
        ];
        for (what, has) in parts {
            let missing_in: Vec<Lang> = objs
                .iter()
                .filter(|(_, o)| !has(o))
                .map(|(l, _)| *l)
                .collect();
            if !missing_in.is_empty() {
                gaps.push(AlignmentGap {
                    location: Ref::objective(n),
                    kind: GapKind::MissingObjectivePart,
                    description: format!("{what} of objective {n} missing"),
                    missing_in,
                    resolution: None,
                });
            }
        }
    }
    gaps
}

/// Ratio bounds, relative to the median ratio between two languages, beyond
/// which two texts of the same element are reported as not corresponding.
/// Merged or split elements show up as ratios near 0.5 or 2.
const LENGTH_RATIO_BOUNDS: (f64, f64) = (0.6, 1.7);

fn length_gaps(docs: &[&Document]) -> Vec<AlignmentGap> {
    let Some((first, rest)) = docs.split_first() else {
        return Vec::new();
    };
    let base = texts(first);
    let mut gaps = Vec::new();
    for other in rest {
        let theirs = texts(other);
        let mut ratios: Vec<(Ref, f64, usize, usize)> = base
            .iter()
            .filter_map(|(r, a)| {
                let b = theirs.get(r)?;
                let (la, lb) = (a.chars().count(), b.chars().count());
                (la > 0 && lb > 0).then(|| (*r, lb as f64 / la as f64, la, lb))
            })
            .collect();
        if ratios.is_empty() {
            continue;
        }
        let mut sorted: Vec<f64> = ratios.iter().map(|x| x.1).collect();
        sorted.sort_by(f64::total_cmp);
        let median = sorted[sorted.len() / 2];
        ratios.retain(|(_, ratio, la, lb)| {
            let rel = ratio / median;
            // Very short texts (list items) vary too much to judge.
            *la.max(lb) >= 80 && (rel < LENGTH_RATIO_BOUNDS.0 || rel > LENGTH_RATIO_BOUNDS.1)
        });
        for (r, ratio, la, lb) in ratios {
            gaps.push(AlignmentGap {
                location: r,
                kind: GapKind::LengthMismatch,
                description: format!(
                    "{r}: {} has {la} characters, {} has {lb} (ratio {ratio:.2}, usual {median:.2}); \
                     the texts may not correspond",
                    first.lang, other.lang
                ),
                missing_in: Vec::new(),
                resolution: None,
            });
        }
    }
    gaps
}

fn texts(d: &Document) -> BTreeMap<Ref, &str> {
    let mut out = BTreeMap::new();
    for p in &d.paragraphs {
        out.insert(Ref::para(p.number), p.text.as_str());
        for it in &p.items {
            out.insert(Ref::para_item(p.number, it.letter), it.text.as_str());
            for s in &it.subs {
                out.insert(Ref::para_sub(p.number, it.letter, s.value), s.text.as_str());
            }
        }
    }
    for o in &d.objectives {
        out.insert(Ref::objective(o.number), o.commitment.as_str());
        for a in &o.actions {
            out.insert(Ref::action(o.number, a.letter), a.text.as_str());
        }
    }
    for p in &d.principles {
        out.insert(Ref::Principle(p.principle), p.text.as_str());
    }
    out
}

fn consecutive(letters: &[char]) -> bool {
    letters.iter().zip('a'..='z').all(|(c, want)| *c == want) && letters.len() <= 26
}

/// Repairs action letters that were mis-printed: when one translation has
/// the letters `a..` without gaps and another has the same number of actions
/// but skips a letter (nl objective 6 prints `m` after `k`), the latter is
/// relabelled by position. Each repair is returned as a gap with its
/// resolution. Lists with different lengths are left alone; [`align`] then
/// reports the missing letters.
pub fn reconcile(docs: &mut [Document]) -> Vec<AlignmentGap> {
    let mut gaps = Vec::new();
    for n in 1..=OBJECTIVE_COUNT {
        let letters: Vec<(Lang, Vec<char>)> = docs
            .iter()
            .filter_map(|d| {
                d.objective(n)
                    .map(|o| (d.lang, o.actions.iter().map(|a| a.letter).collect()))
            })
            .collect();
        let Some((ref_lang, reference)) = letters.iter().find(|(_, l)| consecutive(l)).cloned()
        else {
            continue;
        };
        for d in docs.iter_mut() {
            let lang = d.lang;
            let Some(o) = d.objectives.iter_mut().find(|o| o.number == n) else {
                continue;
            };
            let mine: Vec<char> = o.actions.iter().map(|a| a.letter).collect();
            if mine.len() != reference.len() || consecutive(&mine) {
                continue;
            }
            let mut map = BTreeMap::new();
            for (a, want) in o.actions.iter_mut().zip(reference.iter()) {
                if a.letter != *want {
                    map.insert(a.letter, *want);
                    gaps.push(AlignmentGap {
                        location: Ref::action(n, *want),
                        kind: GapKind::ActionLetterMismatch,
                        missing_in: Vec::new(),
                        description: format!(
                            "{lang} prints action `{}` where {ref_lang} has `{want}` (same number of actions, \
                             {lang} skips a letter)",
                            a.letter
                        ),
                        resolution: Some(format!("{lang} action relabelled `{}` → `{want}` by position", a.letter)),
                    });
                    a.letter = *want;
                }
            }
            for s in &mut o.subheadings {
                if let Some(new) = map.get(&s.before) {
                    s.before = *new;
                }
            }
        }
    }
    gaps
}
