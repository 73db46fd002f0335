//! Line-level clean-up of the raw seed text before parsing: bullets,
//! markdown emphasis and links, footnote markers, whitespace.
//!
//! The seeds are conversions of PDF/HTML pages, so the same structure comes
//! with different decorations (`- a.`, `a)`, `**bold**`, `[1]`, digits glued
//! to words). Cleaning them here keeps the parser's patterns simple.

/// One non-blank source line after cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// 1-based line number in the source.
    pub no: usize,
    /// Cleaned text (trimmed, single spaces, no markdown, no footnote markers).
    pub text: String,
    /// A blank line preceded this one (paragraph/page break in the source).
    pub blank_before: bool,
    /// The line started with a `-` bullet.
    pub bullet: bool,
    /// The line is a lone `-` (used as a footnote block delimiter in nl).
    pub separator: bool,
    /// The line starts with a bracketed footnote number (`[4] …`).
    pub footnote: Option<u32>,
    /// Footnote markers removed from the line, as (marker, word it followed).
    pub markers: Vec<(u32, String)>,
}

/// Splits and cleans the raw text into non-blank lines.
pub(crate) fn lines(raw: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut blank = false;
    for (i, raw_line) in raw.lines().enumerate() {
        let t = raw_line.trim();
        if t.is_empty() {
            blank = true;
            continue;
        }
        let mut line = Line {
            no: i + 1,
            text: String::new(),
            blank_before: blank,
            bullet: false,
            separator: false,
            footnote: None,
            markers: Vec::new(),
        };
        blank = false;
        if t == "-" {
            line.separator = true;
            out.push(line);
            continue;
        }
        let mut rest = t;
        if let Some(r) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("-\t")) {
            line.bullet = true;
            rest = r.trim_start();
        }
        let s = strip_markdown(rest);
        let (s, fnote) = leading_footnote(&s);
        line.footnote = fnote;
        let (s, markers) = strip_markers(&s);
        line.markers = markers;
        line.text = collapse_ws(&s);
        if line.text.is_empty() {
            continue;
        }
        out.push(line);
    }
    out
}

/// Removes `**` emphasis and turns `[text](target)` links into `text`.
fn strip_markdown(s: &str) -> String {
    let s = s.replace("**", "");
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(close) if after[close + 1..].starts_with('(') => {
                let label = &after[..close];
                let tail = &after[close + 1..];
                match tail.find(')') {
                    Some(end) => {
                        out.push_str(label);
                        rest = &tail[end + 1..];
                    }
                    None => {
                        out.push('[');
                        rest = after;
                    }
                }
            }
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `[4] text` → (`text`, Some(4)).
fn leading_footnote(s: &str) -> (String, Option<u32>) {
    if let Some(after) = s.strip_prefix('[')
        && let Some(close) = after.find(']')
        && let Ok(n) = after[..close].parse::<u32>()
    {
        return (after[close + 1..].trim_start().to_owned(), Some(n));
    }
    (s.to_owned(), None)
}

/// Removes footnote markers: bracketed `[12]` anywhere, and one or two
/// digits glued to the end of a lower-case word (`traktatene1;`). Digits
/// after a dot, a digit or an upper-case letter are left alone, so document
/// symbols such as `FCCC/CP/2015/10/Add.1` or `CP.21` survive.
fn strip_markers(s: &str) -> (String, Vec<(u32, String)>) {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut markers = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // Bracketed marker, possibly preceded by a space we should drop too.
        if c == '[' {
            let mut j = i + 1;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            if j > i + 1 && j < chars.len() && chars[j] == ']' && j - i <= 3 {
                let num: String = chars[i + 1..j].iter().collect();
                if let Ok(n) = num.parse() {
                    markers.push((n, last_word(&out)));
                }
                i = j + 1;
                continue;
            }
        }
        if c.is_ascii_digit()
            && i > 0
            && chars[i - 1].is_alphabetic()
            && chars[i - 1].is_lowercase()
        {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            let terminated =
                j == chars.len() || matches!(chars[j], ' ' | ';' | ',' | '.' | ':' | ')');
            if j - i <= 2 && terminated {
                let num: String = chars[i..j].iter().collect();
                if let Ok(n) = num.parse() {
                    markers.push((n, last_word(&out)));
                }
                i = j;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    (out, markers)
}

fn last_word(s: &str) -> String {
    s.split_whitespace().last().unwrap_or("").to_owned()
}

/// Collapses runs of whitespace into single spaces and trims.
pub(crate) fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Appends a continuation line, joining `2030-` + `agendaen` without a space.
pub(crate) fn join(buf: &mut String, more: &str) {
    let more = more.trim();
    if more.is_empty() {
        return;
    }
    if buf.is_empty() {
        buf.push_str(more);
        return;
    }
    let mut tail = buf.chars().rev();
    let digit_hyphen =
        matches!((tail.next(), tail.next()), (Some('-'), Some(d)) if d.is_ascii_digit());
    if !digit_hyphen {
        buf.push(' ');
    }
    buf.push_str(more);
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_markers() {
        assert_eq!(
            strip_markdown("het **[Handvest](#)** van"),
            "het Handvest van"
        );
        assert_eq!(strip_markdown("a [1] b"), "a [1] b");
        let (s, m) = strip_markers("traktatene1; FNs Add.1, CP.21 og mål 10c samt [2] x");
        assert_eq!(s, "traktatene; FNs Add.1, CP.21 og mål 10c samt  x");
        assert_eq!(m.iter().map(|x| x.0).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(
            leading_footnote("[4] Goedgekeurd"),
            ("Goedgekeurd".to_owned(), Some(4))
        );
    }

    #[test]
    fn lines_track_blanks_and_bullets() {
        let ls = lines("a\n\n - b) x\n-\nc");
        assert_eq!(ls.len(), 4);
        assert!(ls[1].blank_before && ls[1].bullet && ls[1].text == "b) x");
        assert!(ls[2].separator);
    }

    #[test]
    fn joins_years() {
        let mut s = "2030-".to_owned();
        join(&mut s, "agendaen");
        assert_eq!(s, "2030-agendaen");
        join(&mut s, "for");
        assert_eq!(s, "2030-agendaen for");
    }
}
