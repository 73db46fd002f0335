//! Inline clean-up of seed paragraphs: superscript footnote markers,
//! markdown emphasis and links, whitespace; plus word-boundary search.

/// Value of a superscript digit.
pub(crate) fn sup_digit(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴' => Some(4),
        '⁵' => Some(5),
        '⁶' => Some(6),
        '⁷' => Some(7),
        '⁸' => Some(8),
        '⁹' => Some(9),
        _ => None,
    }
}

/// A footnote marker found in a raw paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker {
    /// Footnote number.
    pub number: u32,
    /// Byte offset of the marker's first character in the raw text.
    pub start: usize,
    /// Byte offset just after the marker.
    pub end: usize,
}

/// Every run of superscript digits in `raw`, in order.
pub(crate) fn markers(raw: &str) -> Vec<Marker> {
    let mut out = Vec::new();
    let mut current: Option<Marker> = None;
    for (i, c) in raw.char_indices() {
        match (sup_digit(c), current.as_mut()) {
            (Some(d), Some(m)) => {
                m.number = m.number.saturating_mul(10).saturating_add(d);
                m.end = i + c.len_utf8();
            }
            (Some(d), None) => {
                current = Some(Marker {
                    number: d,
                    start: i,
                    end: i + c.len_utf8(),
                });
            }
            (None, _) => {
                if let Some(m) = current.take() {
                    out.push(m);
                }
            }
        }
    }
    out.extend(current);
    out
}

/// A footnote body line (`¹⁵⁶ <http://gfmd.org/pfp/ppd/19>.`): its number and text.
pub(crate) fn footnote_line(line: &str) -> Option<(u32, &str)> {
    let t = line.trim_start();
    let first = t.chars().next()?;
    sup_digit(first)?;
    let m = markers(t).into_iter().next()?;
    if m.start != 0 {
        return None;
    }
    let rest = &t[m.end..];
    if !rest.starts_with(' ') {
        return None;
    }
    Some((m.number, rest.trim()))
}

/// Platform for Partnerships id in a footnote (`gfmd.org/pfp/ppd/2334` → `2334`).
pub(crate) fn pfp_id(footnote: &str) -> Option<String> {
    let at = footnote.find("gfmd.org/pfp/ppd/")?;
    let digits: String = footnote[at + "gfmd.org/pfp/ppd/".len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (!digits.is_empty()).then_some(digits)
}

/// The URL of a footnote, without angle brackets and trailing punctuation.
pub(crate) fn footnote_url(footnote: &str) -> Option<String> {
    let start = footnote.find("http")?;
    let url: String = footnote[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '>' && *c != ')')
        .collect();
    Some(url.trim_end_matches(['.', ',', ';']).to_owned())
}

/// Cleans a raw paragraph: removes footnote markers, `*` emphasis,
/// markdown links (`[text](#)` → `text`), backslash escapes; collapses
/// whitespace and glues punctuation that the removals left detached.
pub(crate) fn clean_inline(raw: &str) -> String {
    let unlinked = strip_links(raw);
    let mut s = String::with_capacity(unlinked.len());
    for c in unlinked.chars() {
        if sup_digit(c).is_some() || c == '*' || c == '\\' {
            continue;
        }
        s.push(c);
    }
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .replace(" .", ".")
        .replace(" ,", ",")
        .replace(" ;", ";")
        .trim()
        .to_owned()
}

/// `[text](target)` → `text` (only for links whose target has no spaces).
fn strip_links(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else {
            break;
        };
        let target = &after[close + 2..];
        let Some(end) = target.find(')') else {
            break;
        };
        if target[..end].contains(' ') || after[..close].contains('[') {
            out.push_str(&rest[..=open]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..open]);
        out.push_str(&after[..close]);
        rest = &target[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Unifies typographic apostrophes and quotes, lower-cases.
pub(crate) fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            _ => c,
        })
        .collect::<String>()
        .to_lowercase()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Byte offset of the first occurrence of `needle` in `hay` that starts at a
/// word boundary and, unless `prefix`, also ends at one.
pub(crate) fn find_word(hay: &str, needle: &str, prefix: bool) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(rel) = hay[from..].find(needle) {
        let at = from + rel;
        let before_ok = hay[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let end = at + needle.len();
        let after_ok = prefix || hay[end..].chars().next().is_none_or(|c| !is_word_char(c));
        if before_ok && after_ok {
            return Some(at);
        }
        from = at + hay[at..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Sentence starts in `raw` (byte offsets), the first being 0. A sentence
/// starts after `. ` (optionally with closing emphasis, quotes or markers in
/// between) when the next word begins with an upper-case letter or `*`, and the
/// full stop does not end `e.g.`/`i.e.`.
pub(crate) fn sentence_starts(raw: &str) -> Vec<usize> {
    let mut out = vec![0];
    let chars: Vec<(usize, char)> = raw.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if c != '.' {
            continue;
        }
        let before = &raw[..i];
        if before.ends_with("e.g") || before.ends_with("i.e") || before.ends_with("No") {
            continue;
        }
        let mut j = k + 1;
        while let Some(&(_, d)) = chars.get(j) {
            if d == '*' || d == '”' || d == '"' || sup_digit(d).is_some() {
                j += 1;
            } else {
                break;
            }
        }
        let Some(&(_, space)) = chars.get(j) else {
            continue;
        };
        if space != ' ' {
            continue;
        }
        let Some(&(start, next)) = chars.get(j + 1) else {
            continue;
        };
        if next.is_uppercase() || next == '*' {
            out.push(start);
        }
    }
    out
}

/// Upper-cases the first character.
pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_and_footnotes() {
        let m = markers("Plan**²⁹ (2014) and x¹¹⁵.");
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].number, 29);
        assert_eq!(m[1].number, 115);
        assert_eq!(
            footnote_line("¹⁵⁶ <http://gfmd.org/pfp/ppd/19>."),
            Some((156, "<http://gfmd.org/pfp/ppd/19>."))
        );
        assert_eq!(footnote_line("x¹ y"), None);
        assert_eq!(
            pfp_id("<http://gfmd.org/pfp/ppd/19>."),
            Some("19".to_owned())
        );
        assert_eq!(
            footnote_url("<https://gfmd.org/pfp/ppd/443>."),
            Some("https://gfmd.org/pfp/ppd/443".to_owned())
        );
    }

    #[test]
    fn cleaning() {
        assert_eq!(
            clean_inline("*The **Happy Return Program**⁹² by the **Korean government**.*"),
            "The Happy Return Program by the Korean government."
        );
        assert_eq!(
            clean_inline("[Argentina prevention](#) costs US\\$10"),
            "Argentina prevention costs US$10"
        );
        assert_eq!(clean_inline("system**.¹¹⁵ The"), "system. The");
    }

    #[test]
    fn words() {
        assert_eq!(find_word("nigeria and niger", "niger", false), Some(12));
        assert_eq!(find_word("pan-canadian", "canadian", false), Some(4));
        assert_eq!(find_word("vulnerable", "vulnerab", true), Some(0));
        assert_eq!(find_word("database", "data", false), None);
    }

    #[test]
    fn sentences() {
        let s = "One e.g. two. Similarly, **Thailand**¹⁵⁷ has. The same.";
        let starts = sentence_starts(s);
        assert_eq!(starts.len(), 3);
        assert!(s[starts[1]..].starts_with("Similarly"));
        assert!(s[starts[2]..].starts_with("The same"));
    }
}
