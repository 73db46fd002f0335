//! The migration thesaurus: everyday domain words (agriculture, housing, wages, refugees) in
//! the five languages, so that a query in one language also finds texts in the others.
//!
//! The glossary ([`crate::glossary`]) is built from the Compact's aligned texts and points
//! words to the objectives and principles they name; the Compact does not use most of the
//! words people search practices with ("landbruk" never occurs in it), so this hand-written
//! table (`data/search/thesaurus.json`, not an official terminology) complements it. Each
//! word is analysed with its own language's analyzer, so a stem found in a query (or in a
//! part of a compound) leads to the stems of the same concept in the other languages.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use crate::analysis::Analyzers;
use crate::index::SearchError;
use crate::lang::LANGS;

const THESAURUS_JSON: &str = include_str!("../../../data/search/thesaurus.json");

#[derive(Deserialize)]
struct File {
    concepts: Vec<BTreeMap<String, serde_json::Value>>,
}

fn read(json: &str) -> Result<File, SearchError> {
    serde_json::from_str(json).map_err(|e| SearchError::Fixture(format!("thesaurus: {e}")))
}

/// One word of a concept in one language, with its analysed forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendering {
    pub lang: &'static str,
    /// The word as written in the thesaurus (shown in "matched because…").
    pub word: String,
    /// Its analysed forms in `lang` (whole word only; compounds are not split here).
    pub stems: Vec<String>,
}

/// The thesaurus, looked up by (language, analysed form).
#[derive(Debug, Clone, Default)]
pub struct Thesaurus {
    concepts: Vec<Vec<Rendering>>,
    by_stem: HashMap<(&'static str, String), Vec<usize>>,
}

impl Thesaurus {
    /// The shipped thesaurus, analysed with `analyzers` (which learn its nb and nl words).
    pub fn shipped(analyzers: &Analyzers) -> Result<Thesaurus, SearchError> {
        Thesaurus::parse(THESAURUS_JSON, analyzers)
    }

    /// Reads a thesaurus in the shipped format. The compound splitter of `analyzers` first
    /// learns its words, so "landbrukspraksiser" splits at "landbruk" although the Compact
    /// never says it.
    pub fn parse(json: &str, analyzers: &Analyzers) -> Result<Thesaurus, SearchError> {
        let file = read(json)?;
        for lang in LANGS {
            let words: Vec<&str> = file
                .concepts
                .iter()
                .filter_map(|c| c.get(lang).and_then(|v| v.as_array()))
                .flatten()
                .filter_map(|w| w.as_str())
                .collect();
            // Only nb and nl keep a lexicon; the others ignore what they are taught.
            analyzers.learn(lang, &words.join(" "));
        }
        let mut t = Thesaurus::default();
        for concept in file.concepts {
            let mut renderings = Vec::new();
            for lang in LANGS {
                let words = concept
                    .get(lang)
                    .and_then(|v| v.as_array())
                    .into_iter()
                    .flatten()
                    .filter_map(|w| w.as_str());
                for word in words {
                    let mut stems: Vec<String> = Vec::new();
                    let mut position = None;
                    for a in analyzers.analyze(Some(lang), word) {
                        // Whole words only: the first form at each position.
                        if position != Some(a.position) && !stems.contains(&a.text) {
                            stems.push(a.text);
                        }
                        position = Some(a.position);
                    }
                    if !stems.is_empty() {
                        renderings.push(Rendering {
                            lang,
                            word: word.to_owned(),
                            stems,
                        });
                    }
                }
            }
            let id = t.concepts.len();
            for r in &renderings {
                for s in &r.stems {
                    let slot = t.by_stem.entry((r.lang, s.clone())).or_default();
                    if !slot.contains(&id) {
                        slot.push(id);
                    }
                }
            }
            t.concepts.push(renderings);
        }
        Ok(t)
    }

    /// Number of concepts.
    pub fn len(&self) -> usize {
        self.concepts.len()
    }

    /// Whether the thesaurus is empty.
    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty()
    }

    /// The renderings in languages other than `lang` of every concept whose `lang` words
    /// include the analysed form `stem`.
    pub fn translations(&self, lang: &str, stem: &str) -> Vec<&Rendering> {
        let Some(lang) = LANGS.iter().copied().find(|l| *l == lang) else {
            return Vec::new();
        };
        self.by_stem
            .get(&(lang, stem.to_owned()))
            .into_iter()
            .flatten()
            .filter_map(|id| self.concepts.get(*id))
            .flatten()
            .filter(|r| r.lang != lang)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_thesaurus_links_norwegian_farming_to_english() {
        let a = Analyzers::new();
        let t = Thesaurus::shipped(&a).unwrap_or_else(|e| panic!("{e}"));
        assert!(t.len() > 40);
        let stem = a
            .analyze(Some("nb"), "landbruk")
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no stem"))
            .text;
        let words: Vec<&str> = t
            .translations("nb", &stem)
            .iter()
            .filter(|r| r.lang == "en")
            .map(|r| r.word.as_str())
            .collect();
        assert!(words.contains(&"agriculture"), "{words:?}");
        assert!(t.translations("nb", "no-such-word").is_empty());
        assert!(t.translations("xx", &stem).is_empty());
    }

    #[test]
    fn every_concept_has_all_five_languages() {
        let a = Analyzers::new();
        let t = Thesaurus::shipped(&a).unwrap_or_else(|e| panic!("{e}"));
        for (i, c) in t.concepts.iter().enumerate() {
            for lang in LANGS {
                assert!(c.iter().any(|r| r.lang == lang), "concept {i} lacks {lang}");
            }
        }
    }
}
