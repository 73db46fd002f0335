//! Parsing of what a person typed into the search box. Never fails: anything odd is
//! dropped or clamped and reported as a [`Notice`], so the page can say so.
//!
//! Syntax: words, `"quoted phrases"` (required), `-word` or `-"phrase"` (excluded), and a
//! trailing `*` for a prefix (`migr*`). Everything else, including field syntax like
//! `*:*`, is treated as plain text.

use serde::{Deserialize, Serialize};

/// Longest query text looked at, in characters.
pub const MAX_QUERY_CHARS: usize = 512;
/// Most words used from one query.
pub const MAX_WORDS: usize = 24;

/// Something about the query the person should be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Notice {
    /// The query was cut to [`MAX_QUERY_CHARS`] characters.
    QueryTruncated,
    /// Only the first [`MAX_WORDS`] words were used.
    TooManyTerms,
    /// A quote was not closed; the rest was read as a phrase.
    UnbalancedQuote,
    /// Nothing searchable was left (only punctuation, symbols, stop words).
    NoSearchableTerms,
    /// `limit` was above the maximum and was lowered.
    LimitClamped,
    /// `offset` was beyond the deepest page served.
    OffsetTooLarge,
    /// An unknown language code was ignored.
    UnknownLanguage,
    /// The document asked for is not in the index (or not visible to the viewer).
    NotFound,
}

impl Notice {
    /// Stable snake_case code, for the page's message catalogue.
    pub fn code(self) -> &'static str {
        match self {
            Notice::QueryTruncated => "query_truncated",
            Notice::TooManyTerms => "too_many_terms",
            Notice::UnbalancedQuote => "unbalanced_quote",
            Notice::NoSearchableTerms => "no_searchable_terms",
            Notice::LimitClamped => "limit_clamped",
            Notice::OffsetTooLarge => "offset_too_large",
            Notice::UnknownLanguage => "unknown_language",
            Notice::NotFound => "not_found",
        }
    }
}

/// A word of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// As typed, without `*`.
    pub text: String,
    /// Typed with a trailing `*`.
    pub prefix: bool,
}

/// The parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Optional words (ranked by how many match).
    pub words: Vec<Word>,
    /// Required phrases (a single quoted word is a one-word phrase).
    pub phrases: Vec<String>,
    /// Excluded words and phrases.
    pub excluded: Vec<String>,
    /// What was odd about the input.
    pub notices: Vec<Notice>,
}

impl Parsed {
    /// Whether nothing searchable is left.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }
}

fn has_text(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// Parses the search box input.
pub fn parse(input: &str) -> Parsed {
    let mut parsed = Parsed::default();
    // Control characters (NUL, escape sequences, bidi overrides in the C category) become
    // spaces, so they can neither join nor break words in surprising ways.
    let mut text: String = input
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().count() > MAX_QUERY_CHARS {
        text = text.chars().take(MAX_QUERY_CHARS).collect();
        parsed.notices.push(Notice::QueryTruncated);
    }

    let mut chars = text.chars().peekable();
    let mut word_count = 0usize;
    let mut truncated_terms = false;
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let negated = c == '-';
        if negated {
            chars.next();
        }
        if chars.peek() == Some(&'"') {
            chars.next();
            let mut phrase = String::new();
            let mut closed = false;
            for c in chars.by_ref() {
                if c == '"' {
                    closed = true;
                    break;
                }
                phrase.push(c);
            }
            if !closed {
                parsed.notices.push(Notice::UnbalancedQuote);
            }
            let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
            if has_text(&phrase) {
                word_count += 1;
                if word_count > MAX_WORDS {
                    truncated_terms = true;
                } else if negated {
                    parsed.excluded.push(phrase);
                } else {
                    parsed.phrases.push(phrase);
                }
            }
            continue;
        }
        let mut token = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() || c == '"' {
                break;
            }
            token.push(c);
            chars.next();
        }
        let token = token.trim_start_matches('+');
        let prefix = token.ends_with('*');
        let token = token.trim_matches(|c: char| !c.is_alphanumeric());
        if !has_text(token) {
            continue;
        }
        word_count += 1;
        if word_count > MAX_WORDS {
            truncated_terms = true;
        } else if negated {
            parsed.excluded.push(token.to_owned());
        } else {
            parsed.words.push(Word {
                text: token.to_owned(),
                prefix,
            });
        }
    }
    if truncated_terms {
        parsed.notices.push(Notice::TooManyTerms);
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(p: &Parsed) -> Vec<&str> {
        p.words.iter().map(|w| w.text.as_str()).collect()
    }

    #[test]
    fn words_phrases_exclusions_prefixes() {
        let p = parse(r#"labour "decent work" -trafficking migr* +return"#);
        assert_eq!(words(&p), ["labour", "migr", "return"]);
        assert!(p.words[1].prefix);
        assert_eq!(p.phrases, ["decent work"]);
        assert_eq!(p.excluded, ["trafficking"]);
        assert!(p.notices.is_empty());
    }

    #[test]
    fn hostile_input_is_tamed() {
        assert!(parse("*:*").is_empty());
        assert!(parse("!!! ??? ;;; ---").is_empty());
        let p = parse("\"unclosed phrase");
        assert_eq!(p.phrases, ["unclosed phrase"]);
        assert_eq!(p.notices, [Notice::UnbalancedQuote]);
        let long = "a".repeat(10_000);
        assert!(parse(&long).notices.contains(&Notice::QueryTruncated));
        let many = "word ".repeat(100);
        let p = parse(&many);
        assert_eq!(p.words.len(), MAX_WORDS);
        assert!(p.notices.contains(&Notice::TooManyTerms));
        assert_eq!(
            words(&parse("remit\u{0}tances\u{1b}[0m")),
            ["remit", "tances", "0m"]
        );
    }
}
