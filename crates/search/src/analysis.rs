//! Text analysis: one analyzer per language (lowercase → stop words → decompounding for
//! nb/nl → stemmer → ASCII folding) and a language-neutral one for exact and prefix
//! matching, registered under fixed names in each index's tokenizer manager.
//!
//! Stop words are removed before folding: folding first turns Norwegian "på" into "pa",
//! which no stop list holds. The same analyzers serve indexing, queries, the glossary and
//! snippets, so a word is always reduced the same way.

use std::sync::{Arc, RwLock};

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer, TokenStream, TokenizerManager,
};

use crate::decompound::{Decompound, Lexicon, SharedLexicon};
use crate::lang::LANGS;

/// Tokens longer than this are dropped: no real word is, and hostile input often is.
const MAX_TOKEN_BYTES: usize = 48;

/// Name of the language-neutral analyzer.
pub const NEUTRAL: &str = "gcm_neutral";

/// Name of the analyzer of a language field.
pub fn analyzer_name(lang: &str) -> String {
    format!("gcm_{lang}")
}

fn stemmer_language(lang: &str) -> Language {
    match lang {
        "fr" => Language::French,
        "es" => Language::Spanish,
        "nb" => Language::Norwegian,
        "nl" => Language::Dutch,
        _ => Language::English,
    }
}

/// The analyzers and the compound lexicons they read.
#[derive(Clone)]
pub struct Analyzers {
    nb: SharedLexicon,
    nl: SharedLexicon,
    /// Built once: building one allocates its stop-word set. Clones share it.
    built: Vec<(&'static str, TextAnalyzer)>,
}

/// A token produced by analysis: its position in the text and its indexed form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analyzed {
    /// Word position (compound parts share the position of their word).
    pub position: usize,
    /// Indexed form (stemmed, folded).
    pub text: String,
    /// Byte range in the analysed text.
    pub offsets: (usize, usize),
}

impl Analyzers {
    /// Analyzers with empty lexicons.
    pub fn new() -> Analyzers {
        let mut a = Analyzers {
            nb: Arc::new(RwLock::new(Lexicon::new("nb"))),
            nl: Arc::new(RwLock::new(Lexicon::new("nl"))),
            built: Vec::new(),
        };
        a.built = LANGS.iter().map(|l| (*l, a.build(l))).collect();
        a
    }

    /// The compound lexicon of `lang` (nb and nl only).
    pub fn lexicon(&self, lang: &str) -> Option<&SharedLexicon> {
        match lang {
            "nb" => Some(&self.nb),
            "nl" => Some(&self.nl),
            _ => None,
        }
    }

    /// Adds the words of `text` to the lexicon of `lang` (no-op for other languages).
    pub fn learn(&self, lang: &str, text: &str) {
        if let Some(lex) = self.lexicon(lang) {
            lex.write()
                .unwrap_or_else(|e| e.into_inner())
                .add_text(text);
        }
    }

    /// The analyzer of one language field (English for unknown codes).
    pub fn analyzer(&self, lang: &str) -> TextAnalyzer {
        match self.built.iter().find(|(l, _)| *l == lang) {
            Some((_, a)) => a.clone(),
            None => self.build(lang),
        }
    }

    fn build(&self, lang: &str) -> TextAnalyzer {
        let base = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(LowerCaser);
        let language = stemmer_language(lang);
        let stop = StopWordFilter::new(language);
        match (self.lexicon(lang), stop) {
            (Some(lex), Some(stop)) => base
                .filter(stop)
                .filter(Decompound::new(lex.clone()))
                .filter(Stemmer::new(language))
                .filter(AsciiFoldingFilter)
                .build(),
            (None, Some(stop)) => base
                .filter(stop)
                .filter(Stemmer::new(language))
                .filter(AsciiFoldingFilter)
                .build(),
            (_, None) => base
                .filter(Stemmer::new(language))
                .filter(AsciiFoldingFilter)
                .build(),
        }
    }

    /// The language-neutral analyzer: lowercase and fold, no stemming, no stop words.
    pub fn neutral() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build()
    }

    /// The neutral analysis of `text` as plain words.
    pub fn new_neutral_tokens(text: &str) -> Vec<String> {
        let mut analyzer = Analyzers::neutral();
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            out.push(t.text.clone());
        }
        out
    }

    /// Registers all analyzers under their names.
    pub fn register(&self, manager: &TokenizerManager) {
        for lang in LANGS {
            manager.register(&analyzer_name(lang), self.analyzer(lang));
        }
        manager.register(NEUTRAL, Analyzers::neutral());
    }

    /// Analyses `text` with the analyzer of `lang` (`None`: the neutral one).
    pub fn analyze(&self, lang: Option<&str>, text: &str) -> Vec<Analyzed> {
        let mut analyzer = match lang {
            Some(l) => self.analyzer(l),
            None => Analyzers::neutral(),
        };
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            out.push(Analyzed {
                position: t.position,
                text: t.text.clone(),
                offsets: (t.offset_from, t.offset_to),
            });
        }
        out
    }
}

impl Default for Analyzers {
    fn default() -> Self {
        Analyzers::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(a: &Analyzers, lang: &str, text: &str) -> Vec<String> {
        a.analyze(Some(lang), text)
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn stop_words_go_before_folding() {
        let a = Analyzers::new();
        // "på" is a Norwegian stop word; folded first it would survive as "pa".
        assert!(!texts(&a, "nb", "arbeid på landet").contains(&"pa".to_owned()));
    }

    #[test]
    fn each_language_stems() {
        let a = Analyzers::new();
        assert_eq!(
            texts(&a, "en", "remittances"),
            texts(&a, "en", "remittance")
        );
        assert_eq!(texts(&a, "fr", "transferts"), texts(&a, "fr", "transfert"));
        assert_eq!(texts(&a, "es", "remesas"), texts(&a, "es", "remesa"));
        assert_eq!(
            texts(&a, "nl", "overmakingen"),
            texts(&a, "nl", "overmaking")
        );
        assert_eq!(
            texts(&a, "nb", "overføringer"),
            texts(&a, "nb", "overføring")
        );
    }

    #[test]
    fn compounds_add_parts_at_the_same_position() {
        let a = Analyzers::new();
        a.learn("nb", "praksis overføringer");
        let tokens = a.analyze(Some("nb"), "gode landbrukspraksiser");
        let at_1: Vec<&str> = tokens
            .iter()
            .filter(|t| t.position == 1)
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(at_1.len(), 3, "{tokens:?}");
        assert!(at_1.contains(&texts(&a, "nb", "praksis")[0].as_str()));
    }
}
