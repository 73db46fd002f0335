//! The shipped Compact data (embedded at compile time from
//! `data/compact/*.json` and `data/frameworks/*.json`) with typed lookups,
//! reference resolution, English display texts and the crosswalk to the
//! related frameworks.

use std::collections::BTreeMap;

use crate::align::AlignmentGap;
use crate::english::EnglishFile;
use crate::files::{
    AlignmentFile, Entry, LanguageFile, ObjectiveInfo, ParagraphInfo, PrincipleInfo, StructureFile,
};
use crate::frameworks::{Basis, FrameworkError, FrameworkItem, FrameworkLoadError, Frameworks};
use crate::lang::Lang;
use crate::model::objective_of_paragraph;
use crate::reference::{GuidingPrinciple, Ref};

const STRUCTURE_JSON: &str = include_str!("../../../data/compact/structure.json");
const NB_JSON: &str = include_str!("../../../data/compact/nb.json");
const NL_JSON: &str = include_str!("../../../data/compact/nl.json");
const ALIGNMENT_JSON: &str = include_str!("../../../data/compact/alignment.json");
/// `data/compact/en.json` (maintained by hand, not generated from the seeds).
const EN_JSON: &str = include_str!("../../../data/compact/en.json");

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
    /// A framework file is invalid.
    #[error(transparent)]
    Framework(#[from] FrameworkLoadError),
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
    /// A framework reference (`gfmd:`, `cs5:`, `sdg:`) names nothing in the
    /// shipped framework data ("unknown GFMD cluster 7; there are 6").
    #[error(transparent)]
    Framework(#[from] FrameworkError),
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

/// Text of a reference as shown in one interface language, see
/// [`Compact::display_text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayText {
    /// Title: objective title, principle name, short title of a paragraph,
    /// title of a framework item.
    pub title: Option<String>,
    /// The text; `None` when the translation lacks the element or there is no
    /// English summary of it.
    pub text: Option<String>,
    /// Language of the text actually returned (`en` for English summaries
    /// shown on French or Spanish pages, and for framework items).
    pub lang: &'static str,
    /// True when `text` is a summary written by gcm-hub, not the text of the
    /// Compact or of the framework.
    pub is_summary: bool,
}

/// Interface languages accepted by [`Compact::display_text`].
pub const DISPLAY_LANGUAGES: [&str; 5] = ["en", "fr", "es", "nb", "nl"];

/// The Compact: skeleton, texts per language, alignment gaps, English
/// titles and summaries, and the related frameworks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compact {
    structure: StructureFile,
    languages: BTreeMap<Lang, LanguageFile>,
    alignment: AlignmentFile,
    english: EnglishFile,
    frameworks: Frameworks,
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

    /// Loads data from JSON strings in the shipped format. The English file
    /// and the frameworks are the shipped ones.
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
            english: parse("en.json", EN_JSON)?,
            frameworks: Frameworks::load_shipped()?,
        })
    }

    /// English titles, labels and summaries (`data/compact/en.json`).
    pub fn english(&self) -> &EnglishFile {
        &self.english
    }

    /// The related frameworks (`data/frameworks/`).
    pub fn frameworks(&self) -> &Frameworks {
        &self.frameworks
    }

    /// The framework item a `gfmd:`, `cs5:` or `sdg:` reference names.
    pub fn framework_item(&self, r: &Ref) -> Result<FrameworkItem<'_>, ResolveError> {
        Ok(self.frameworks.item(r)?)
    }

    /// Framework items linked to objective `n` (GFMD clusters, civil-society
    /// points, SDG targets and indicators), with the basis of each link.
    pub fn crosswalk_for_objective(&self, n: u8) -> Vec<(Ref, Basis)> {
        self.frameworks.crosswalk_for_objective(n)
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

    /// Checks that `r` names an element of the Compact or an item of the
    /// shipped frameworks.
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
            Ref::GfmdCluster(_) | Ref::Cs5(_) | Ref::Sdg { .. } => Ok(self.frameworks.check(r)?),
        }
    }

    /// Resolves a reference to its texts in all languages. Errors if the
    /// element does not exist (unknown objective, action, paragraph item,
    /// framework item…). Framework items exist but have no text in the
    /// translations of the Compact, so their `texts` are empty; see
    /// [`Compact::framework_item`] and [`Compact::display_text`].
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

    /// Resolves a reference in one language. Framework references that
    /// exist give [`ResolveError::NotInCompact`].
    pub fn resolve_in(&self, r: &Ref, lang: Lang) -> Result<ResolvedText<'_>, ResolveError> {
        self.check(r)?;
        if !r.is_gcm() {
            return Err(ResolveError::NotInCompact(*r));
        }
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

    /// The text of `r` for an interface language (`en`, `fr`, `es`, `nb`,
    /// `nl`; `None` for any other code or when `r` names nothing).
    ///
    /// - `nb`, `nl`: the extracted translation, with the objective title or
    ///   principle label as title; `text` is `None` when that translation
    ///   lacks the element.
    /// - `en`, `fr`, `es`: gcm-hub's English title and summary (there are no
    ///   French or Spanish translations yet), with `lang` `en` and
    ///   `is_summary` true.
    /// - Framework items (any language): their English title and text.
    pub fn display_text(&self, r: &Ref, lang_code: &str) -> Option<DisplayText> {
        let translation = match lang_code {
            "nb" => Some(Lang::Nb),
            "nl" => Some(Lang::Nl),
            "en" | "fr" | "es" => None,
            _ => return None,
        };
        self.check(r).ok()?;
        if !r.is_gcm() {
            let item = self.frameworks.item(r).ok()?;
            return Some(DisplayText {
                title: Some(item.title()),
                text: Some(item.text().to_owned()),
                lang: "en",
                is_summary: item.text_is_summary(),
            });
        }
        Some(match translation {
            Some(lang) => match self.lookup(r, lang) {
                Some(t) => DisplayText {
                    title: t.title.map(str::to_owned),
                    text: Some(t.text.to_owned()),
                    lang: lang.code(),
                    is_summary: false,
                },
                None => DisplayText {
                    title: None,
                    text: None,
                    lang: lang.code(),
                    is_summary: false,
                },
            },
            None => DisplayText {
                title: self.english.title(r).map(str::to_owned),
                text: self.english.summary(r).map(str::to_owned),
                lang: "en",
                is_summary: true,
            },
        })
    }
}
