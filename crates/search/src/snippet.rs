//! Snippets: the stretch of a text with the most query matches, HTML-escaped, with the
//! matched words wrapped in `<mark>`. Matching analyses the words with the text language's
//! analyzer, so "overføringer" is marked for the query "overføring" and a compound is
//! marked whole when one of its parts matched.
//!
//! Only words that can yield a mark are analysed that way: the text is first cut into
//! lower-case, accent-free words (cheap), and a word goes through stemming and decompounding
//! only if it contains the start of some mark. Stemming and folding change the ends of words,
//! and a compound contains its parts, so a word without the start of any mark cannot produce
//! one; this keeps a page of snippets several times cheaper than analysing every body whole.

use std::collections::{HashMap, HashSet};

use crate::analysis::Analyzers;

/// Length of a snippet in bytes (about two lines).
const SNIPPET_BYTES: usize = 240;
/// Context kept before the first match.
const LEAD_BYTES: usize = 60;
/// Longest stretch of text analysed for highlighting.
const MAX_ANALYSED: usize = 20_000;
/// How many leading characters of a mark a word must contain to be analysed.
const MARK_KEY_CHARS: usize = 4;

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The highlighted snippet of `text` (language `lang`) for the analysed forms `marks`.
pub fn snippet_html(
    analyzers: &Analyzers,
    lang: &str,
    text: &str,
    marks: &HashSet<String>,
) -> String {
    let text = &text[..floor_boundary(text, MAX_ANALYSED)];
    let mut matches = matched_words(analyzers, lang, text, marks);
    matches.sort_unstable();
    matches.dedup();

    // The window starting at the match followed by most other matches.
    let best = (0..matches.len())
        .max_by_key(|&i| {
            let start = matches.get(i).map_or(0, |m| m.0);
            let n = matches
                .iter()
                .skip(i)
                .take_while(|m| m.1 <= start + SNIPPET_BYTES - LEAD_BYTES)
                .count();
            (n, std::cmp::Reverse(i))
        })
        .and_then(|i| matches.get(i))
        .map_or(0, |m| m.0);
    let mut start = floor_boundary(text, best.saturating_sub(LEAD_BYTES));
    if start > 0 {
        // Begin at a word.
        if let Some(space) = text[start..best].find(char::is_whitespace) {
            start += space + 1;
        }
    }
    let mut end = floor_boundary(text, start + SNIPPET_BYTES);
    if end < text.len()
        && let Some(space) = text[start..end].rfind(char::is_whitespace)
        && start + space > best
    {
        end = start + space;
    }

    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut at = start;
    for (from, to) in matches {
        if from < at || to > end {
            continue;
        }
        out.push_str(&escape_html(&text[at..from]));
        out.push_str("<mark>");
        out.push_str(&escape_html(&text[from..to]));
        out.push_str("</mark>");
        at = to;
    }
    out.push_str(&escape_html(&text[at..end]));
    if end < text.len() {
        out.push('…');
    }
    out
}

/// Byte ranges of the words of `text` whose analysis in `lang` yields one of `marks`.
fn matched_words(
    analyzers: &Analyzers,
    lang: &str,
    text: &str,
    marks: &HashSet<String>,
) -> Vec<(usize, usize)> {
    if marks.is_empty() {
        return Vec::new();
    }
    let keys: Vec<String> = marks
        .iter()
        .map(|m| m.chars().take(MARK_KEY_CHARS).collect())
        .collect();
    // The same word recurs in a text; analyse each candidate once.
    let mut verdicts: HashMap<String, bool> = HashMap::new();
    let mut out = Vec::new();
    for word in analyzers.analyze(None, text) {
        if !keys.iter().any(|k| word.text.contains(k.as_str())) {
            continue;
        }
        let (from, to) = word.offsets;
        let matched = match verdicts.get(&word.text) {
            Some(m) => *m,
            None => {
                let original = text.get(from..to).unwrap_or_default();
                let m = analyzers
                    .analyze(Some(lang), original)
                    .iter()
                    .any(|t| marks.contains(&t.text));
                verdicts.insert(word.text, m);
                m
            }
        };
        if matched {
            out.push((from, to));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_stemmed_matches_and_escapes_the_rest() {
        let a = Analyzers::new();
        let marks: HashSet<String> = a
            .analyze(Some("en"), "remittance")
            .into_iter()
            .map(|t| t.text)
            .collect();
        let html = snippet_html(&a, "en", "Cheaper <b>remittances</b> & more", &marks);
        assert_eq!(
            html,
            "Cheaper &lt;b&gt;<mark>remittances</mark>&lt;/b&gt; &amp; more"
        );
    }

    #[test]
    fn long_texts_are_cut_around_the_match() {
        let a = Analyzers::new();
        let marks: HashSet<String> = ["trafficking", "traffick"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let text = format!(
            "{} trafficking in persons {}",
            "padding ".repeat(100),
            "tail ".repeat(100)
        );
        let html = snippet_html(&a, "en", &text, &marks);
        assert!(html.starts_with('…') && html.ends_with('…'), "{html}");
        assert!(html.contains("<mark>trafficking</mark>"), "{html}");
        assert!(html.len() < 400);
    }
}
