//! Dictionary-based decompounding for Norwegian and Dutch, applied at index and query time.
//!
//! Both languages write compounds as one word ("landbrukspraksiser", "arbeidsmigratie"), so
//! a search for "praksis" or "migratie" would miss them. [`Lexicon::split`] cuts a word into
//! known parts, allowing the linking letters the two languages put between parts (-s-, -e-,
//! and Dutch -en-), and [`Decompound`] emits those parts as extra tokens at the word's
//! position, before stemming. The lexicon is built from the Compact's nb/nl text and grows
//! with every word the index sees in that language.

use std::collections::HashSet;
use std::sync::{Arc, RwLock};

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Shortest part a compound is cut into; shorter pieces are too often accidental.
pub const MIN_PART: usize = 4;
/// Words shorter than two parts cannot be compounds.
const MIN_WORD: usize = 2 * MIN_PART;

/// Known words of one language, with its linking letters and inflection endings.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    words: HashSet<String>,
    links: &'static [&'static str],
    endings: &'static [&'static str],
}

/// A lexicon shared between the analyzer (which reads it on every text) and the index
/// (which adds the words of each new document).
pub type SharedLexicon = Arc<RwLock<Lexicon>>;

impl Lexicon {
    /// An empty lexicon for `lang` (`nb` or `nl`; other languages get no linking letters).
    pub fn new(lang: &str) -> Lexicon {
        let (links, endings): (&'static [&'static str], &'static [&'static str]) = match lang {
            "nb" => (&["s", "e"], &["ene", "er", "en", "et", "e", "r"]),
            "nl" => (&["en", "s", "e"], &["en", "s", "e"]),
            _ => (&[], &[]),
        };
        Lexicon {
            words: HashSet::new(),
            links,
            endings,
        }
    }

    /// Adds every alphabetic word of `text` of at least [`MIN_PART`] characters.
    pub fn add_text(&mut self, text: &str) {
        for word in text.split(|c: char| !c.is_alphabetic()) {
            if word.chars().count() >= MIN_PART && word.len() <= 64 {
                let lower = word.to_lowercase();
                if !self.words.contains(&lower) {
                    self.words.insert(lower);
                }
            }
        }
    }

    /// Number of known words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether no word is known.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The known words (for persisting the lexicon next to an index on disk).
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }

    fn known(&self, part: &str) -> bool {
        part.chars().count() >= MIN_PART && self.words.contains(part)
    }

    /// A last part may carry an inflection the lexicon lacks ("praksiser" from "praksis").
    fn known_final(&self, part: &str) -> bool {
        self.known(part)
            || self.endings.iter().any(|e| {
                part.strip_suffix(e)
                    .is_some_and(|stem| self.known(stem) && !stem.is_empty())
            })
    }

    /// Cuts a lower-case word into parts, or returns `None` when it is not a compound of
    /// known words. Tried in order:
    /// 1. every part known (linking letters allowed between parts, last part possibly
    ///    inflected), fewest parts first;
    /// 2. a known (possibly inflected) last part after an unknown head that ends in a
    ///    linking letter ("penge|overføringer", "landbruks|praksiser"): the linking letter
    ///    is the evidence that a compound boundary is there, which keeps words like
    ///    "internasjonal" whole.
    pub fn split(&self, word: &str) -> Option<Vec<String>> {
        if word.chars().count() < MIN_WORD || self.links.is_empty() {
            return None;
        }
        if let Some(parts) = self.split_known(word, 0) {
            return Some(parts);
        }
        self.split_unknown_head(word)
    }

    fn split_known(&self, word: &str, depth: usize) -> Option<Vec<String>> {
        // Four levels of nesting are plenty for real compounds and bound the work.
        if depth > 4 {
            return None;
        }
        // Longest known head first: "arbeidsmigratie" prefers "arbeids|migratie" shapes
        // over short accidental heads.
        let cuts: Vec<usize> = word.char_indices().map(|(i, _)| i).skip(MIN_PART).collect();
        for &cut in cuts.iter().rev() {
            let (head, rest) = word.split_at(cut);
            if !self.known(head) {
                continue;
            }
            for link in std::iter::once("").chain(self.links.iter().copied()) {
                let Some(tail) = rest.strip_prefix(link) else {
                    continue;
                };
                if tail.chars().count() < MIN_PART {
                    continue;
                }
                if self.known_final(tail) {
                    return Some(vec![head.to_owned(), tail.to_owned()]);
                }
                if let Some(mut more) = self.split_known(tail, depth + 1) {
                    more.insert(0, head.to_owned());
                    return Some(more);
                }
            }
        }
        None
    }

    fn split_unknown_head(&self, word: &str) -> Option<Vec<String>> {
        // Longest known tail first.
        for (cut, _) in word.char_indices().skip(MIN_PART + 1) {
            let (head, tail) = word.split_at(cut);
            if tail.chars().count() < MIN_PART + 1 || !self.known_final(tail) {
                continue;
            }
            // The head is emitted without its linking letter ("landbruks" → "landbruk").
            let bare = self
                .links
                .iter()
                .filter_map(|l| head.strip_suffix(l))
                .find(|h| h.chars().count() >= MIN_PART);
            if let Some(bare) = bare {
                return Some(vec![bare.to_owned(), tail.to_owned()]);
            }
        }
        None
    }
}

/// Token filter emitting the parts of compounds after the whole word, at the same position.
#[derive(Clone)]
pub struct Decompound {
    lexicon: SharedLexicon,
}

impl Decompound {
    /// A filter reading `lexicon`.
    pub fn new(lexicon: SharedLexicon) -> Decompound {
        Decompound { lexicon }
    }
}

impl TokenFilter for Decompound {
    type Tokenizer<T: Tokenizer> = DecompoundFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> DecompoundFilter<T> {
        DecompoundFilter {
            lexicon: self.lexicon,
            inner: tokenizer,
        }
    }
}

/// See [`Decompound`].
#[derive(Clone)]
pub struct DecompoundFilter<T> {
    lexicon: SharedLexicon,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for DecompoundFilter<T> {
    type TokenStream<'a> = DecompoundStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        DecompoundStream {
            // A poisoned lock only means a writer panicked mid-insert; the set is still usable.
            lexicon: self.lexicon.read().unwrap_or_else(|e| e.into_inner()),
            tail: self.inner.token_stream(text),
            parts: Vec::new(),
        }
    }
}

/// See [`Decompound`].
pub struct DecompoundStream<'a, T> {
    lexicon: std::sync::RwLockReadGuard<'a, Lexicon>,
    tail: T,
    /// Parts still to emit, in reverse order.
    parts: Vec<Token>,
}

impl<T: TokenStream> TokenStream for DecompoundStream<'_, T> {
    fn advance(&mut self) -> bool {
        self.parts.pop();
        if !self.parts.is_empty() {
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token();
        if let Some(parts) = self.lexicon.split(&token.text) {
            for part in parts.into_iter().rev() {
                self.parts.push(Token {
                    text: part,
                    ..token.clone()
                });
            }
            // The whole word goes first, so phrase queries can take the first token of a
            // position as the word itself.
            self.parts.push(token.clone());
        }
        true
    }

    fn token(&self) -> &Token {
        self.parts.last().unwrap_or_else(|| self.tail.token())
    }

    fn token_mut(&mut self) -> &mut Token {
        match self.parts.last_mut() {
            Some(t) => t,
            None => self.tail.token_mut(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(lang: &str, text: &str) -> Lexicon {
        let mut l = Lexicon::new(lang);
        l.add_text(text);
        l
    }

    #[test]
    fn splits_with_linking_letters() {
        let nb = lexicon("nb", "praksis overføringer landbruk");
        assert_eq!(
            nb.split("landbrukspraksiser"),
            Some(vec!["landbruk".to_owned(), "praksiser".to_owned()])
        );
        let nl = lexicon("nl", "arbeid migratie");
        assert_eq!(
            nl.split("arbeidsmigratie"),
            Some(vec!["arbeid".to_owned(), "migratie".to_owned()])
        );
    }

    #[test]
    fn unknown_head_needs_a_linking_letter() {
        let nb = lexicon("nb", "overføringer nasjonal praksis");
        assert_eq!(
            nb.split("pengeoverføringer"),
            Some(vec!["peng".to_owned(), "overføringer".to_owned()])
        );
        assert_eq!(
            nb.split("landbrukspraksiser"),
            Some(vec!["landbruk".to_owned(), "praksiser".to_owned()])
        );
        assert_eq!(nb.split("internasjonal"), None);
        assert_eq!(nb.split("praksis"), None);
    }

    #[test]
    fn other_languages_are_not_split() {
        let en = lexicon("en", "labour migration");
        assert_eq!(en.split("labourmigration"), None);
    }
}
