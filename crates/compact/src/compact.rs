//! The shipped Compact data (embedded at compile time from
//! `data/compact/*.json`) with typed lookups and reference resolution.

use std::collections::BTreeMap;

use crate::align::AlignmentGap;
use crate::files::{
    AlignmentFile, Entry, LanguageFile, ObjectiveInfo, ParagraphInfo, PrincipleInfo, StructureFile,
};
use crate::lang::Lang;
use crate::model::objective_of_paragraph;
use crate::reference::{GuidingPrinciple, Ref};

const STRUCTURE_JSON: &str = include_str!("../../../data/compact/structure.json");
const NB_JSON: &str = include_str!("../../../data/compact/nb.json");
const NL_JSON: &str = include_str!("../../../data/compact/nl.json");
const ALIGNMENT_JSON: &str = include_str!("../../../data/compact/alignment.json");

/// The shipped files, verbatim, as (file name, contents). Used by the test
/// that compares them with a fresh extraction.
pub const SHIPPED_FILES: [(&str, &str); 4] = [
    ("structure.json", STRUCTURE_JSON),
    ("nb.json", NB_JSON),
    ("nl.json", NL_JSON),
    ("alignment.json", ALIGNMENT_JSON),
];

/// Loading the shipped data failed (only possible if the files are corrupt).
#[derive(Debug, thiserror::Error)]
pub enum CompactError {
    /// A file is not valid for its type.
    #[error("shipped file {file} is invalid: {source}")]
    Json {
        /// File name.
        file: String,
        /// Cause.
        source: serde_json::Error,
    },
    /// A language file declares another language than its name.
    #[error("shipped file {file} holds language {found}, expected {expected}")]
    WrongLanguage {
        /// File name.
        file: String,
        /// Declared language.
        found: Lang,
        /// Language from the file name.
        expected: Lang,
    },
}

/// A reference could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    /// The reference points into another framework (`sdg:`, `gfmd:`, `cs5:`).
    #[error("`{0}` does not point into the Compact")]
    NotInCompact(Ref),
    /// No such paragraph.
    #[error("paragraph {0} does not exist in the Compact")]
    UnknownParagraph(u8),
    /// No such paragraph item or sub-item.
    #[error("`{0}`: no such item in the Compact")]
    UnknownItem(Ref),
    /// No such objective.
    #[error("objective {0} does not exist in the Compact")]
    UnknownObjective(u8),
    /// No such action.
    #[error("`{0}`: objective has no such action")]
    UnknownAction(Ref),
    /// No such principle.
    #[error("`{0}`: no such guiding principle")]
    UnknownPrinciple(Ref),
    /// The element exists but this language has no text for it.
    #[error("`{reference}` has no text in {lang}")]
    MissingInLanguage {
        /// Reference.
        reference: Ref,
        /// Language.
        lang: Lang,
    },
    /// No data for this language.
    #[error("no shipped data for language {0}")]
    UnknownLanguage(Lang),
}

/// Text of a resolved element in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResolvedText<'a> {
    /// Objective title (for `gcm:obj:N` and commitment paragraphs) or
    /// principle label (for `gcm:gp:…`).
    pub title: Option<&'a str>,
    /// The text.
    pub text: &'a str,
}

/// A resolved reference with its text in every language that has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved<'a> {
    /// The reference.
    pub reference: Ref,
    /// Texts by language; languages lacking the element are absent.
    pub texts: BTreeMap<Lang, ResolvedText<'a>>,
}

/// The Compact: skeleton, texts per language, alignment gaps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compact {
    structure: StructureFile,
    languages: BTreeMap<Lang, LanguageFile>,
    alignment: AlignmentFile,
}

fn parse<T: serde::de::DeserializeOwned>(file: &str, json: &str) -> Result<T, CompactError> {
    serde_json::from_str(json).map_err(|source| CompactError::Json {
        file: file.to_owned(),
        source,
    })
}

impl Compact {
    /// Loads the data embedded from `data/compact/`.
    pub fn load_shipped() -> Result<Compact, CompactError> {
        Compact::from_json(
            STRUCTURE_JSON,
            &[(Lang::Nb, NB_JSON), (Lang::Nl, NL_JSON)],
            ALIGNMENT_JSON,
        )
    }

    /// Loads data from JSON strings in the shipped format.
    pub fn from_json(
        structure: &str,
        languages: &[(Lang, &str)],
        alignment: &str,
    ) -> Result<Compact, CompactError> {
        let structure: StructureFile = parse("structure.json", structure)?;
        let alignment: AlignmentFile = parse("alignment.json", alignment)?;
        let mut map = BTreeMap::new();
        for (lang, json) in languages {
            let file = format!("{lang}.json");
            let l: LanguageFile = parse(&file, json)?;
            if l.lang != *lang {
                return Err(CompactError::WrongLanguage {
                    file,
                    found: l.lang,
                    expected: *lang,
                });
            }
            map.insert(*lang, l);
        }
        Ok(Compact {
            structure,
            languages: map,
            alignment,
        })
    }

    /// The language-independent skeleton.
    pub fn structure(&self) -> &StructureFile {
        &self.structure
    }

    /// Languages with data.
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        self.languages.keys().copied()
    }

    /// The full file of one language.
    pub fn language(&self, lang: Lang) -> Option<&LanguageFile> {
        self.languages.get(&lang)
    }

    /// Where the translations do not line up.
    pub fn gaps(&self) -> &[AlignmentGap] {
        &self.alignment.gaps
    }

    /// Paragraph by number.
    pub fn paragraph(&self, n: u8) -> Option<&ParagraphInfo> {
        self.structure.paragraphs.iter().find(|p| p.number == n)
    }

    /// Objective by number.
    pub fn objective(&self, n: u8) -> Option<&ObjectiveInfo> {
        self.structure.objectives.iter().find(|o| o.number == n)
    }

    /// Guiding principle by slug (`human-rights`).
    pub fn principle(&self, slug: &str) -> Option<&PrincipleInfo> {
        let p = GuidingPrinciple::from_slug(slug)?;
        self.structure.principles.iter().find(|x| x.slug == p)
    }

    fn entry(&self, r: &Ref, lang: Lang) -> Option<&Entry> {
        self.languages.get(&lang)?.texts.get(r)
    }

    /// Title of an objective in a language.
    pub fn objective_title(&self, n: u8, lang: Lang) -> Option<&str> {
        self.entry(&Ref::objective(n), lang)?.title()
    }

    /// Commitment text of an objective in a language.
    pub fn commitment(&self, n: u8, lang: Lang) -> Option<&str> {
        Some(self.entry(&Ref::objective(n), lang)?.text())
    }

    /// Text of action `letter` of objective `n` in a language.
    pub fn action_text(&self, n: u8, letter: char, lang: Lang) -> Option<&str> {
        Some(self.entry(&Ref::action(n, letter), lang)?.text())
    }

    /// Text of a guiding principle in a language.
    pub fn principle_text(&self, p: GuidingPrinciple, lang: Lang) -> Option<&str> {
        Some(self.entry(&Ref::Principle(p), lang)?.text())
    }

    /// Checks that `r` names an element of the Compact.
    pub fn check(&self, r: &Ref) -> Result<(), ResolveError> {
        match *r {
            Ref::Para { number, item, sub } => {
                let p = self
                    .paragraph(number)
                    .ok_or(ResolveError::UnknownParagraph(number))?;
                let Some(letter) = item else {
                    return Ok(());
                };
                let it = p
                    .items
                    .iter()
                    .find(|i| i.letter == letter)
                    .ok_or(ResolveError::UnknownItem(*r))?;
                match sub {
                    Some(v)
                        if !it
                            .subs
                            .iter()
                            .any(|s| s.reference == Ref::para_sub(number, letter, v)) =>
                    {
                        Err(ResolveError::UnknownItem(*r))
                    }
                    _ => Ok(()),
                }
            }
            Ref::Objective { number, action } => {
                let o = self
                    .objective(number)
                    .ok_or(ResolveError::UnknownObjective(number))?;
                match action {
                    Some(a) if !o.actions.iter().any(|x| x.letter == a) => {
                        Err(ResolveError::UnknownAction(*r))
                    }
                    _ => Ok(()),
                }
            }
            Ref::Principle(p) => {
                if self.structure.principles.iter().any(|x| x.slug == p) {
                    Ok(())
                } else {
                    Err(ResolveError::UnknownPrinciple(*r))
                }
            }
            Ref::GfmdCluster(_) | Ref::Cs5(_) | Ref::Sdg { .. } => {
                Err(ResolveError::NotInCompact(*r))
            }
        }
    }

    /// Resolves a reference to its texts in all languages. Errors if the
    /// element does not exist in the Compact (unknown objective, action,
    /// paragraph item…) or the reference points into another framework.
    pub fn resolve(&self, r: &Ref) -> Result<Resolved<'_>, ResolveError> {
        self.check(r)?;
        let texts = self
            .languages()
            .filter_map(|lang| self.lookup(r, lang).map(|t| (lang, t)))
            .collect();
        Ok(Resolved {
            reference: *r,
            texts,
        })
    }

    /// Resolves a reference in one language.
    pub fn resolve_in(&self, r: &Ref, lang: Lang) -> Result<ResolvedText<'_>, ResolveError> {
        self.check(r)?;
        if !self.languages.contains_key(&lang) {
            return Err(ResolveError::UnknownLanguage(lang));
        }
        self.lookup(r, lang).ok_or(ResolveError::MissingInLanguage {
            reference: *r,
            lang,
        })
    }

    fn lookup(&self, r: &Ref, lang: Lang) -> Option<ResolvedText<'_>> {
        let file = self.languages.get(&lang)?;
        // Commitment paragraphs are stored with their objective.
        let key = match *r {
            Ref::Para {
                number,
                item: None,
                sub: None,
            } => objective_of_paragraph(number).map_or(*r, Ref::objective),
            _ => *r,
        };
        let entry = file.texts.get(&key)?;
        let title = match r {
            Ref::Principle(_) => file.labels.get(r).map(String::as_str),
            _ => entry.title(),
        };
        Some(ResolvedText {
            title,
            text: entry.text(),
        })
    }
}
