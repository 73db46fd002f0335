//! The extractor: turns one translation of the Compact into a [`Document`].
//!
//! It is a line-oriented state machine over cleaned lines (bullets,
//! markdown and footnote markers removed). The
//! structure of the Compact is known (paragraphs 1–54, objectives 1–23 with
//! commitments 17–39, lettered actions, items of paragraphs 43/45/49), so the
//! parser accepts a marker only where the structure expects it: a number is a
//! paragraph only if it is the next paragraph, an action letter only if it
//! continues the sequence. Everything else is text, a footnote or a heading.
//!
//! Where the text is ambiguous the parser decides and writes a
//! [`NoteKind::Judgement`]; where something looks wrong but is left alone it
//! writes a [`NoteKind::Warning`]. Nothing is dropped silently: removed
//! artefacts become footnotes, headings or notes.

use crate::clean::{self, Line};
use crate::lang::Lang;
use crate::lexicon::{Lexicon, lexicon};
use crate::model::{
    Action, Document, Extraction, Footnote, FootnoteMarker, Item, Note, NoteKind, Objective,
    Paragraph, Principle, Section, SubItem, Subheading, commitment_paragraph,
};
use crate::reference::{GuidingPrinciple, OBJECTIVE_COUNT, PARAGRAPH_COUNT, Ref};

/// Extracts the structure of one translation. Never fails: problems are
/// reported as notes and as missing elements (see [`crate::align()`]).
pub fn extract(text: &str, lang: Lang) -> Extraction {
    let lines = clean::lines(text);
    let mut p = Parser::new(lang);
    match find_body_start(&lines) {
        Some(start) => {
            p.front(&lines[..start]);
            p.body(&lines[start..]);
        }
        None => p.note(
            NoteKind::Warning,
            "body",
            "no paragraph 1 followed by paragraph 2 found; nothing extracted".to_owned(),
        ),
    }
    p.finish()
}

/// Index of the line holding paragraph 1: the first `1.` line that is
/// followed closely by a `2.` line (dates like `11. juli` come earlier).
fn find_body_start(lines: &[Line]) -> Option<usize> {
    lines.iter().enumerate().find_map(|(i, l)| {
        let (n, _) = numbered(&l.text)?;
        let two_follows = lines
            .iter()
            .skip(i + 1)
            .take(8)
            .any(|m| numbered(&m.text).is_some_and(|(k, _)| k == 2));
        (n == 1 && two_follows).then_some(i)
    })
}

// ---------------------------------------------------------------------------
// Marker recognition

/// `12. text` → (12, "text").
fn numbered(s: &str) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = s[digits..].strip_prefix(". ")?;
    let n = s[..digits].parse().ok()?;
    (!rest.trim().is_empty()).then_some((n, rest.trim_start()))
}

/// `(12) text` → (12, "text").
fn paren_numbered(s: &str) -> Option<(u32, &str)> {
    let inner = s.strip_prefix('(')?;
    let close = inner.find(')')?;
    let n = inner[..close].parse().ok()?;
    let rest = inner[close + 1..].strip_prefix(' ')?;
    Some((n, rest.trim_start()))
}

/// `c) text` / `c. text` → ('c', "text"); lower-case letters only.
fn letter_marker(s: &str) -> Option<(char, &str)> {
    let mut it = s.char_indices();
    let (_, c) = it.next()?;
    let (_, punct) = it.next()?;
    if !c.is_ascii_lowercase() || !matches!(punct, ')' | '.') {
        return None;
    }
    let rest = s[2..].strip_prefix(' ')?;
    (!rest.trim().is_empty()).then_some((c, rest.trim_start()))
}

/// `iii. text` / `III. text` / `iv) text` → (3, "text").
fn roman_marker(s: &str) -> Option<(u8, &str)> {
    let len = s
        .bytes()
        .take_while(|b| matches!(b, b'i' | b'v' | b'x' | b'I' | b'V' | b'X'))
        .count();
    if len == 0 || len > 4 {
        return None;
    }
    let token = s[..len].to_ascii_lowercase();
    let rest = s[len..]
        .strip_prefix(". ")
        .or_else(|| s[len..].strip_prefix(") "))?;
    let value = crate::reference::roman_value(&token)?;
    Some((value, rest.trim_start()))
}

/// `MÅL 3: title` / `DOELSTELLING 3: title` → (3, "title").
fn objective_heading(s: &str) -> Option<(u32, &str)> {
    let (word, rest) = s.split_once(' ')?;
    if word.chars().count() < 3 || !word.chars().all(|c| c.is_alphabetic() && c.is_uppercase()) {
        return None;
    }
    let (num, rest) = rest.split_once(':')?;
    let n = num.trim().parse().ok()?;
    Some((n, rest.trim()))
}

/// An all-capitals line such as `INNLEDNING` or `FOLLOW-UP EN EVALUATIE`.
fn caps_heading(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4
        && letters.iter().all(|c| c.is_uppercase())
        && !s.starts_with(|c: char| c.is_ascii_digit())
}

fn starts_upper(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && c.is_uppercase())
}

fn next_letter(c: char) -> char {
    char::from(u8::try_from(c).map_or(b'z', |b| b.saturating_add(1)))
}

fn letter_gap(expected: char, got: char) -> i32 {
    i32::from(u8::try_from(got).unwrap_or(0)) - i32::from(u8::try_from(expected).unwrap_or(0))
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', ':', ';', '!', '?', '»', '"', '”', ')'])
}

/// Byte positions where `needle` starts a sentence in `hay`: at the start,
/// or after `. `, `: `, `; `.
fn sentence_starts(hay: &str, needle: &str) -> Vec<usize> {
    hay.match_indices(needle)
        .map(|(i, _)| i)
        .filter(|&i| {
            let before = hay[..i].trim_end();
            i == 0 || before.is_empty() || before.ends_with(['.', ':', ';', '?', '!'])
        })
        .collect()
}

/// First `n` characters of `s` (char-boundary safe).
fn prefix_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

// ---------------------------------------------------------------------------
// Parser state

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cursor {
    /// Inside a numbered paragraph's own text.
    Para,
    /// Inside a lettered item of the current paragraph.
    Item,
    /// Inside a roman sub-item of the current item.
    Sub,
    /// Inside a footnote.
    Footnote,
    /// Inside the list of objectives of paragraph 16.
    ObjList,
    /// Inside an objective heading (title may wrap).
    ObjTitle,
    /// Inside a commitment paragraph.
    Commitment,
    /// Inside a lettered action.
    Action,
}

struct Parser {
    lex: &'static Lexicon,
    doc: Document,
    notes: Vec<Note>,
    cursor: Cursor,
    /// Next paragraph number expected outside the objectives.
    expected_para: u8,
    in_objectives: bool,
    /// A heading was seen since the last paragraph text: unnumbered text
    /// starts a new paragraph instead of continuing the previous one.
    after_heading: bool,
    pending_subheading: Option<String>,
    in_footnote_block: bool,
    /// Objective titles from paragraph 16's list.
    list_titles: Vec<(u32, String)>,
    /// Where the current footnote was found.
    footnote_near: String,
}

impl Parser {
    fn new(lang: Lang) -> Self {
        Parser {
            lex: lexicon(lang),
            doc: Document {
                lang,
                chapeau: None,
                headings: Default::default(),
                paragraphs: Vec::new(),
                principles: Vec::new(),
                objectives: Vec::new(),
                footnotes: Vec::new(),
                footnote_markers: Vec::new(),
            },
            notes: Vec::new(),
            cursor: Cursor::Para,
            expected_para: 1,
            in_objectives: false,
            after_heading: true,
            pending_subheading: None,
            in_footnote_block: false,
            list_titles: Vec::new(),
            footnote_near: "body".to_owned(),
        }
    }

    fn note(&mut self, kind: NoteKind, location: &str, message: String) {
        self.notes.push(Note {
            kind,
            location: location.to_owned(),
            line: None,
            message,
        });
    }

    fn note_at(&mut self, kind: NoteKind, location: &str, line: usize, message: String) {
        self.notes.push(Note {
            kind,
            location: location.to_owned(),
            line: Some(line),
            message,
        });
    }

    /// Reference string of the element currently being filled.
    fn here(&self) -> String {
        match self.cursor {
            Cursor::Action | Cursor::Commitment | Cursor::ObjTitle => {
                match self.doc.objectives.last() {
                    Some(o) => match (self.cursor, o.actions.last()) {
                        (Cursor::Action, Some(a)) => Ref::action(o.number, a.letter).to_string(),
                        _ => Ref::objective(o.number).to_string(),
                    },
                    None => "body".to_owned(),
                }
            }
            Cursor::Footnote => self.footnote_near.clone(),
            _ => match self.doc.paragraphs.last() {
                Some(p) => match (self.cursor, p.items.last()) {
                    (Cursor::Item, Some(it)) => Ref::para_item(p.number, it.letter).to_string(),
                    (Cursor::Sub, Some(it)) => match it.subs.last() {
                        Some(s) => Ref::para_sub(p.number, it.letter, s.value).to_string(),
                        None => Ref::para_item(p.number, it.letter).to_string(),
                    },
                    _ => Ref::para(p.number).to_string(),
                },
                None => "body".to_owned(),
            },
        }
    }

    // -- front matter -------------------------------------------------------

    fn front(&mut self, lines: &[Line]) {
        // The chapeau is the last block before the preamble heading that ends
        // with a colon ("… have adopted this Global Compact …:").
        let mut blocks: Vec<(usize, String)> = Vec::new();
        let mut heading = None;
        for l in lines {
            if caps_heading(&l.text) {
                heading = Some(l.text.clone());
                continue;
            }
            match blocks.last_mut() {
                Some((_, b)) if !l.blank_before => clean::join(b, &l.text),
                _ => blocks.push((l.no, l.text.clone())),
            }
        }
        if let Some(h) = heading {
            self.doc
                .headings
                .insert(Section::Preamble.slug().to_owned(), h);
        }
        match blocks.iter().rev().find(|(_, b)| b.ends_with(':')) {
            Some((no, b)) => {
                self.doc.chapeau = Some(b.clone());
                let no = *no;
                self.note_at(
                    NoteKind::Judgement,
                    "front",
                    no,
                    "took the last block before paragraph 1 ending with `:` as the chapeau; \
                     earlier front matter (cover letters, titles) is not extracted"
                        .to_owned(),
                );
            }
            None => self.note(
                NoteKind::Warning,
                "front",
                "no chapeau found before paragraph 1".to_owned(),
            ),
        }
    }

    // -- body ---------------------------------------------------------------

    fn body(&mut self, lines: &[Line]) {
        for (i, l) in lines.iter().enumerate() {
            let next = lines.get(i + 1);
            self.line(l, next);
            // Markers belong to the element the line's text went to.
            for (n, word) in &l.markers {
                let at = self.here();
                self.doc.footnote_markers.push(FootnoteMarker {
                    number: *n,
                    after: word.clone(),
                    at: at.parse().ok(),
                });
                self.note_at(
                    NoteKind::Judgement,
                    &at,
                    l.no,
                    format!("removed footnote marker {n} after `{word}`"),
                );
            }
        }
    }

    fn line(&mut self, l: &Line, next: Option<&Line>) {
        if l.separator {
            self.in_footnote_block = !self.in_footnote_block;
            if self.in_footnote_block {
                self.footnote_near = self.here();
            } else if self.cursor == Cursor::Footnote {
                self.cursor = Cursor::Para;
            }
            return;
        }
        if self.in_footnote_block {
            let text = numbered(&l.text)
                .map(|(n, r)| (Some(n), r))
                .unwrap_or((None, l.text.as_str()));
            match (text.0, self.cursor) {
                (None, Cursor::Footnote) => self.append_footnote(text.1, l.no),
                (n, _) => self.start_footnote(n, text.1, l.no),
            }
            return;
        }
        if let Some(n) = l.footnote {
            self.footnote_near = self.here();
            self.start_footnote(Some(n), &l.text, l.no);
            return;
        }
        if let Some((n, rest)) = objective_heading(&l.text) {
            self.start_objective(n, rest, l.no);
            return;
        }
        if caps_heading(&l.text) {
            self.heading(&l.text, l.no);
            return;
        }
        if self.in_objectives {
            self.objective_line(l);
        } else {
            self.paragraph_line(l, next);
        }
    }

    fn heading(&mut self, text: &str, no: usize) {
        if self.in_objectives {
            self.finish_objective();
            self.in_objectives = false;
            self.expected_para = commitment_paragraph(OBJECTIVE_COUNT) + 1;
        }
        let section = Section::of_paragraph(self.expected_para);
        if section == Section::Objectives {
            self.in_objectives = true;
        }
        let key = section.slug().to_owned();
        if let Some(old) = self.doc.headings.get(&key) {
            let msg = format!("second heading `{text}` for section {key} (kept `{old}`)");
            self.note_at(NoteKind::Warning, &key, no, msg);
        } else {
            self.doc.headings.insert(key, text.to_owned());
        }
        self.after_heading = true;
        self.cursor = Cursor::Para;
    }

    // -- paragraphs -----------------------------------------------------------

    fn paragraph_line(&mut self, l: &Line, next: Option<&Line>) {
        let text = l.text.as_str();

        // The list of objectives in paragraph 16.
        if self.list_open() {
            let item = paren_numbered(text).or_else(|| numbered(text));
            if let Some((n, rest)) = item
                && n == self.next_list_number()
            {
                self.list_titles.push((n, rest.to_owned()));
                self.cursor = Cursor::ObjList;
                return;
            }
            if self.cursor == Cursor::ObjList && !l.blank_before {
                if let Some((_, t)) = self.list_titles.last_mut() {
                    clean::join(t, text);
                }
                return;
            }
        }

        if let Some((n, rest)) = numbered(text) {
            let expected = u32::from(self.expected_para);
            if n == expected && n <= u32::from(PARAGRAPH_COUNT) {
                self.start_paragraph(self.expected_para, true, rest, l.no);
                return;
            }
            if n > expected
                && n <= expected + 3
                && n <= u32::from(PARAGRAPH_COUNT)
                && !self.list_open()
            {
                let missing = format!("{expected}..{}", n - 1);
                self.note_at(
                    NoteKind::Warning,
                    &Ref::para(u8::try_from(n).unwrap_or(0)).to_string(),
                    l.no,
                    format!(
                        "paragraph number {n} follows {}; paragraphs {missing} not found",
                        expected - 1
                    ),
                );
                self.start_paragraph(u8::try_from(n).unwrap_or(0), true, rest, l.no);
                return;
            }
            // Any other number is a footnote (they restart at 1 per page block).
            self.footnote_near = self.here();
            self.note_at(
                NoteKind::Judgement,
                &self.here(),
                l.no,
                format!("`{n}.` where paragraph {expected} is expected: read as footnote {n}"),
            );
            self.start_footnote(Some(n), rest, l.no);
            return;
        }

        // Lettered items and roman sub-items of the current paragraph.
        if !self.doc.paragraphs.is_empty()
            && matches!(self.cursor, Cursor::Para | Cursor::Item | Cursor::Sub)
        {
            if let Some((c, rest)) = letter_marker(text)
                && c == self.expected_item()
            {
                self.start_item(c, rest);
                return;
            }
            if matches!(self.cursor, Cursor::Item | Cursor::Sub)
                && let Some((v, rest)) = roman_marker(text)
                && v == self.expected_sub()
            {
                self.start_sub(v, rest);
                return;
            }
        }

        // Short stand-alone lines are sub-headings ("Shared responsibilities").
        if self.is_subheading(l, next) {
            self.subheading(text, l.no);
            return;
        }

        match self.cursor {
            Cursor::Footnote => {
                if l.blank_before {
                    self.cursor = Cursor::Para;
                    let msg = "text after a footnote block read as continuation of the paragraph"
                        .to_owned();
                    self.note_at(NoteKind::Judgement, &self.here(), l.no, msg);
                    self.append_para(text, l.no);
                } else {
                    self.append_footnote(text, l.no);
                }
            }
            Cursor::Item | Cursor::Sub if starts_upper(text) => {
                // Item texts wrap onto lower-case lines; a capital after a
                // list closes it and opens the next (unnumbered) paragraph.
                self.infer_paragraph(text, l.no, "capitalised text after a list of items");
            }
            Cursor::Item => self.append_item(text),
            Cursor::Sub => self.append_sub(text),
            _ if self.after_heading || self.doc.paragraphs.is_empty() => {
                self.infer_paragraph(text, l.no, "unnumbered text after a heading");
            }
            _ => self.append_para(text, l.no),
        }
    }

    fn list_open(&self) -> bool {
        self.doc.paragraphs.last().is_some_and(|p| p.number == 16)
            && self.list_titles.len() < usize::from(OBJECTIVE_COUNT)
    }

    fn next_list_number(&self) -> u32 {
        self.list_titles.last().map_or(1, |(n, _)| n + 1)
    }

    fn is_subheading(&self, l: &Line, next: Option<&Line>) -> bool {
        let t = l.text.as_str();
        let words = t.split_whitespace().count();
        if !l.blank_before || words > 8 || !starts_upper(t) || t.ends_with([';', ',', ':']) {
            return false;
        }
        if !t.ends_with('.') {
            return true;
        }
        // "Objectives for safe, orderly and regular migration." before the list.
        next.is_some_and(|n| {
            paren_numbered(&n.text).is_some() || numbered(&n.text).is_some_and(|(k, _)| k == 1)
        })
    }

    fn subheading(&mut self, text: &str, no: usize) {
        let text = text.trim_end_matches('.').to_owned();
        if self.list_open() && self.list_titles.is_empty() {
            self.doc.headings.insert("objective-list".to_owned(), text);
            self.cursor = Cursor::ObjList;
            return;
        }
        if let Some(old) = self.pending_subheading.replace(text) {
            self.note_at(
                NoteKind::Warning,
                "body",
                no,
                format!("sub-heading `{old}` not followed by a paragraph"),
            );
        }
        self.after_heading = true;
        self.cursor = Cursor::Para;
    }

    fn infer_paragraph(&mut self, text: &str, no: usize, why: &str) {
        let n = self.expected_para;
        if n > PARAGRAPH_COUNT {
            let msg = format!("text after paragraph {PARAGRAPH_COUNT} kept as its continuation");
            self.note_at(NoteKind::Warning, &self.here(), no, msg);
            self.cursor = Cursor::Para;
            self.append_para(text, no);
            return;
        }
        self.note_at(
            NoteKind::Judgement,
            &Ref::para(n).to_string(),
            no,
            format!("paragraph number not printed; {why} taken as paragraph {n}"),
        );
        self.start_paragraph(n, false, text, no);
    }

    fn start_paragraph(&mut self, n: u8, printed: bool, text: &str, no: usize) {
        let section = Section::of_paragraph(n);
        let mut subheading = self.pending_subheading.take();
        // A mixed-case heading before the first paragraph of a section is the
        // section heading (nl prints "Ons samenwerkingskader" that way).
        if *section.paragraphs().start() == n
            && !self.doc.headings.contains_key(section.slug())
            && let Some(h) = subheading.take()
        {
            self.doc.headings.insert(section.slug().to_owned(), h);
        }
        self.doc.paragraphs.push(Paragraph {
            number: n,
            number_printed: printed,
            subheading,
            text: String::new(),
            items: Vec::new(),
        });
        self.expected_para = n.saturating_add(1);
        self.after_heading = false;
        self.cursor = Cursor::Para;
        self.append_para(text, no);
    }

    /// Appends to the current paragraph and splits off following paragraphs
    /// whose (unprinted) openings are known from the lexicon.
    fn append_para(&mut self, text: &str, no: usize) {
        let Some(p) = self.doc.paragraphs.last_mut() else {
            return;
        };
        clean::join(&mut p.text, text);
        self.after_heading = false;
        loop {
            let Some(p) = self.doc.paragraphs.last_mut() else {
                return;
            };
            let next_n = p.number.saturating_add(1);
            let Some((_, anchor)) = self
                .lex
                .paragraph_anchors
                .iter()
                .find(|(n, _)| *n == next_n)
            else {
                return;
            };
            let Some(&pos) = sentence_starts(&p.text, anchor).iter().find(|&&i| i > 0) else {
                return;
            };
            let tail = p.text[pos..].to_owned();
            p.text.truncate(pos);
            let trimmed = p.text.trim_end().to_owned();
            p.text = trimmed;
            self.note_at(
                NoteKind::Judgement,
                &Ref::para(next_n).to_string(),
                no,
                format!("paragraph {next_n} is run into paragraph {} without a number; split at `{anchor}`", next_n - 1),
            );
            self.doc.paragraphs.push(Paragraph {
                number: next_n,
                number_printed: false,
                subheading: None,
                text: tail,
                items: Vec::new(),
            });
            self.expected_para = next_n.saturating_add(1);
        }
    }

    fn expected_item(&self) -> char {
        self.doc
            .paragraphs
            .last()
            .and_then(|p| p.items.last())
            .map_or('a', |it| next_letter(it.letter))
    }

    fn expected_sub(&self) -> u8 {
        self.doc
            .paragraphs
            .last()
            .and_then(|p| p.items.last())
            .and_then(|it| it.subs.last())
            .map_or(1, |s| s.value.saturating_add(1))
    }

    fn start_item(&mut self, letter: char, text: &str) {
        if let Some(p) = self.doc.paragraphs.last_mut() {
            p.items.push(Item {
                letter,
                text: text.to_owned(),
                subs: Vec::new(),
            });
            self.cursor = Cursor::Item;
        }
    }

    fn append_item(&mut self, text: &str) {
        if let Some(it) = self
            .doc
            .paragraphs
            .last_mut()
            .and_then(|p| p.items.last_mut())
        {
            clean::join(&mut it.text, text);
        }
    }

    fn start_sub(&mut self, value: u8, text: &str) {
        if let Some(it) = self
            .doc
            .paragraphs
            .last_mut()
            .and_then(|p| p.items.last_mut())
        {
            it.subs.push(SubItem {
                value,
                text: text.to_owned(),
            });
            self.cursor = Cursor::Sub;
        }
    }

    fn append_sub(&mut self, text: &str) {
        if let Some(s) = self
            .doc
            .paragraphs
            .last_mut()
            .and_then(|p| p.items.last_mut())
            .and_then(|it| it.subs.last_mut())
        {
            clean::join(&mut s.text, text);
        }
    }

    // -- footnotes --------------------------------------------------------------

    fn start_footnote(&mut self, number: Option<u32>, text: &str, no: usize) {
        if self.cursor != Cursor::Footnote {
            self.footnote_near = self.here();
        }
        // An unnumbered footnote belongs to the latest marker without text.
        let number = number.or_else(|| {
            let n = self
                .doc
                .footnote_markers
                .iter()
                .rev()
                .map(|m| m.number)
                .find(|n| !self.doc.footnotes.iter().any(|f| f.number == Some(*n)))?;
            let msg = format!("unnumbered footnote assigned to marker {n}, the latest marker without footnote text");
            self.note_at(NoteKind::Judgement, &self.footnote_near.clone(), no, msg);
            Some(n)
        });
        self.doc.footnotes.push(Footnote {
            number,
            near: self.footnote_near.clone(),
            text: String::new(),
        });
        self.cursor = Cursor::Footnote;
        self.append_footnote(text, no);
    }

    /// Appends footnote text; if paragraph text known to have spilled into
    /// the footnote shows up, moves it back to its paragraph.
    fn append_footnote(&mut self, text: &str, no: usize) {
        let Some(f) = self.doc.footnotes.last_mut() else {
            return;
        };
        clean::join(&mut f.text, text);
        let current = self.doc.paragraphs.last().map(|p| p.number);
        for (para, opening) in self.lex.footnote_spills {
            if Some(*para) != current {
                continue;
            }
            let Some(f) = self.doc.footnotes.last_mut() else {
                return;
            };
            if let Some(&pos) = sentence_starts(&f.text, opening).first() {
                let spill = f.text[pos..].to_owned();
                f.text.truncate(pos);
                let trimmed = f.text.trim_end().to_owned();
                f.text = trimmed;
                self.note_at(
                    NoteKind::Judgement,
                    &Ref::para(*para).to_string(),
                    no,
                    format!("text from `{opening}` printed inside a footnote moved back to paragraph {para}"),
                );
                self.cursor = Cursor::Para;
                if let Some(p) = self.doc.paragraphs.last_mut() {
                    clean::join(&mut p.text, &spill);
                }
                return;
            }
        }
    }

    // -- objectives -------------------------------------------------------------

    fn start_objective(&mut self, n: u32, title: &str, no: usize) {
        if self.in_objectives {
            self.finish_objective();
        } else {
            self.in_objectives = true;
            let msg =
                format!("objective heading {n} outside the objectives section; section entered");
            self.note_at(NoteKind::Warning, "body", no, msg);
        }
        let expected = self
            .doc
            .objectives
            .last()
            .map_or(1, |o| u32::from(o.number) + 1);
        let number = match u8::try_from(n) {
            Ok(k) if (1..=OBJECTIVE_COUNT).contains(&k) => k,
            _ => {
                let msg = format!("objective heading number {n} out of range; ignored");
                self.note_at(NoteKind::Warning, "body", no, msg);
                return;
            }
        };
        if n != expected {
            let msg = format!("objective {n} follows objective {}", expected - 1);
            self.note_at(
                NoteKind::Warning,
                &Ref::objective(number).to_string(),
                no,
                msg,
            );
        }
        self.doc.objectives.push(Objective {
            number,
            title: String::new(),
            list_title: None,
            commitment_paragraph: commitment_paragraph(number),
            commitment_number_printed: false,
            commitment: String::new(),
            actions_intro: None,
            actions: Vec::new(),
            subheadings: Vec::new(),
        });
        self.cursor = Cursor::ObjTitle;
        self.title_line(title, no, false);
    }

    fn objective_line(&mut self, l: &Line) {
        let text = l.text.as_str();
        match self.cursor {
            Cursor::ObjTitle => self.title_line(text, l.no, l.blank_before),
            Cursor::Commitment => {
                let intro_seen = self
                    .doc
                    .objectives
                    .last()
                    .is_some_and(|o| o.actions_intro.is_some());
                if let Some((c, rest)) = letter_marker(text)
                    && c == 'a'
                {
                    self.start_action(c, rest, l.no);
                } else if intro_seen {
                    if let Some(intro) = self
                        .doc
                        .objectives
                        .last_mut()
                        .and_then(|o| o.actions_intro.as_mut())
                    {
                        clean::join(intro, text);
                    }
                } else {
                    self.commitment_text(text, l.no);
                }
            }
            Cursor::Action | Cursor::Footnote => self.action_line(l),
            _ => self.commitment_text(text, l.no),
        }
    }

    /// A line of an objective heading: the title may wrap, and in nb the
    /// commitment often follows without its paragraph number.
    fn title_line(&mut self, text: &str, no: usize, blank_before: bool) {
        let Some(o) = self.doc.objectives.last() else {
            return;
        };
        let (number, commitment_n) = (o.number, o.commitment_paragraph);
        let loc = Ref::objective(number).to_string();
        if !o.title.is_empty()
            && let Some((k, rest)) = numbered(text)
        {
            if k != u32::from(commitment_n) {
                let msg = format!(
                    "commitment printed as paragraph {k}, expected {commitment_n}; kept {commitment_n}"
                );
                self.note_at(NoteKind::Warning, &loc, no, msg);
            }
            if let Some(o) = self.doc.objectives.last_mut() {
                o.commitment_number_printed = true;
            }
            self.cursor = Cursor::Commitment;
            self.commitment_text(rest, no);
            return;
        }
        let opener = self
            .lex
            .commitment_openers
            .iter()
            .find_map(|op| sentence_starts(text, op).first().copied());
        let opener = match opener {
            Some(pos) => Some(pos),
            // A new block without number or opener: the title is over.
            None if blank_before && !o.title.is_empty() => Some(0),
            None => None,
        };
        match opener {
            Some(pos) => {
                let (head, commitment) = text.split_at(pos);
                if let Some(o) = self.doc.objectives.last_mut() {
                    clean::join(&mut o.title, head);
                    o.title = o.title.trim_end_matches(['.', ' ']).to_owned();
                }
                let how = if pos > 0 {
                    "run into the title; split before the commitment's first words"
                } else {
                    "starts on its own line"
                };
                self.note_at(
                    NoteKind::Judgement,
                    &loc,
                    no,
                    format!("commitment paragraph number not printed ({how}); numbered {commitment_n} by objective"),
                );
                self.cursor = Cursor::Commitment;
                self.commitment_text(commitment, no);
            }
            None => {
                if let Some(o) = self.doc.objectives.last_mut() {
                    clean::join(&mut o.title, text);
                }
            }
        }
    }

    /// Commitment text; splits off the sentence introducing the actions.
    fn commitment_text(&mut self, text: &str, no: usize) {
        let intro = self
            .lex
            .actions_intros
            .iter()
            .find_map(|p| sentence_starts(text, p).first().copied());
        let Some(o) = self.doc.objectives.last_mut() else {
            return;
        };
        match intro {
            Some(pos) => {
                let (body, intro) = text.split_at(pos);
                clean::join(&mut o.commitment, body);
                o.actions_intro = Some(intro.trim().to_owned());
                if pos > 0 {
                    let loc = Ref::objective(o.number).to_string();
                    self.note_at(
                        NoteKind::Judgement,
                        &loc,
                        no,
                        "sentence introducing the actions run into the commitment; split off"
                            .to_owned(),
                    );
                }
            }
            None => clean::join(&mut o.commitment, text),
        }
    }

    fn expected_action(&self) -> char {
        self.doc
            .objectives
            .last()
            .and_then(|o| o.actions.last())
            .map_or('a', |a| next_letter(a.printed_letter))
    }

    fn action_line(&mut self, l: &Line) {
        let text = l.text.as_str();
        if let Some((c, rest)) = letter_marker(text) {
            let expected = self.expected_action();
            let gap = letter_gap(expected, c);
            if gap == 0 {
                self.start_action(c, rest, l.no);
                return;
            }
            if (1..=2).contains(&gap) {
                let msg = format!(
                    "action letter `{c}` printed where `{expected}` was expected; kept as printed"
                );
                let loc = self.here();
                self.note_at(NoteKind::Warning, &loc, l.no, msg);
                self.start_action(c, rest, l.no);
                return;
            }
            let msg = format!("`{c})` where action `{expected}` was expected; kept as text");
            let loc = self.here();
            self.note_at(NoteKind::Warning, &loc, l.no, msg);
        }
        if self.cursor == Cursor::Footnote {
            self.append_footnote(text, l.no);
            return;
        }
        if l.blank_before && starts_upper(text) {
            // Action texts never continue with a capital after a break;
            // these are footnote texts printed between actions.
            let loc = self.here();
            self.note_at(
                NoteKind::Judgement,
                &loc,
                l.no,
                format!(
                    "unmarked capitalised block between actions read as a footnote: `{}`",
                    prefix_chars(text, 50)
                ),
            );
            self.start_footnote(None, text, l.no);
            return;
        }
        if l.bullet {
            let loc = self.here();
            self.note_at(
                NoteKind::Judgement,
                &loc,
                l.no,
                "bullet without a letter read as a continuation of the action".to_owned(),
            );
        }
        self.append_action(text, l.no);
    }

    fn start_action(&mut self, letter: char, text: &str, no: usize) {
        if let Some(o) = self.doc.objectives.last()
            && o.actions_intro.is_none()
            && o.actions.is_empty()
        {
            let loc = Ref::objective(o.number).to_string();
            self.note_at(
                NoteKind::Warning,
                &loc,
                no,
                "no sentence introducing the actions found".to_owned(),
            );
        }
        if let Some(o) = self.doc.objectives.last_mut() {
            o.actions.push(Action {
                letter,
                printed_letter: letter,
                text: String::new(),
            });
        }
        self.cursor = Cursor::Action;
        self.append_action(text, no);
    }

    /// Appends action text and splits off following actions printed inline
    /// (`… uitbuiting d) de bestaande …`): only the next expected letter
    /// followed by `)` counts, so ordinary text is not cut.
    fn append_action(&mut self, text: &str, no: usize) {
        let Some(a) = self
            .doc
            .objectives
            .last_mut()
            .and_then(|o| o.actions.last_mut())
        else {
            return;
        };
        clean::join(&mut a.text, text);
        loop {
            let Some(o) = self.doc.objectives.last_mut() else {
                return;
            };
            let number = o.number;
            let Some(a) = o.actions.last_mut() else {
                return;
            };
            let next = next_letter(a.printed_letter);
            let pat = format!(" {next}) ");
            let found = a.text.match_indices(&pat).map(|(i, _)| i).find(|&i| {
                let before = a.text[..i].chars().last();
                let after = a.text[i + pat.len()..].chars().next();
                before.is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';' | '.' | ')'))
                    && after.is_some_and(char::is_alphabetic)
            });
            let Some(i) = found else {
                return;
            };
            let tail = a.text[i + pat.len()..].to_owned();
            a.text.truncate(i);
            o.actions.push(Action {
                letter: next,
                printed_letter: next,
                text: tail,
            });
            self.note_at(
                NoteKind::Judgement,
                &Ref::action(number, next).to_string(),
                no,
                format!(
                    "action {next} printed inside the previous action's line; split at `{next})`"
                ),
            );
        }
    }

    fn finish_objective(&mut self) {
        let Some(o) = self.doc.objectives.last() else {
            return;
        };
        let number = o.number;
        let loc = Ref::objective(number).to_string();
        let hints: Vec<(char, &str)> = self
            .lex
            .objective_subheadings
            .iter()
            .filter(|(n, _, _)| *n == number)
            .map(|(_, c, t)| (*c, *t))
            .collect();
        for (before, heading) in hints {
            let Some(o) = self.doc.objectives.last_mut() else {
                return;
            };
            let host = o
                .actions
                .iter()
                .position(|a| next_letter(a.letter) == before);
            let Some(a) = host.and_then(|h| o.actions.get_mut(h)) else {
                let msg = format!(
                    "sub-heading before action {before} expected but that action is missing"
                );
                self.note(NoteKind::Warning, &loc, msg);
                continue;
            };
            match a.text.find(heading) {
                Some(pos) => {
                    let at_end = a.text[pos + heading.len()..].trim().is_empty();
                    let rest = a.text[pos + heading.len()..].trim().to_owned();
                    a.text.truncate(pos);
                    let t = a.text.trim_end().to_owned();
                    a.text = t;
                    clean::join(&mut a.text, &rest);
                    let host_letter = a.letter;
                    o.subheadings.push(Subheading {
                        before,
                        text: heading.to_owned(),
                    });
                    let mut msg = format!(
                        "sub-heading before action {before} was printed as part of action {host_letter}; moved out"
                    );
                    if !at_end {
                        msg.push_str(" (it was not at the end of the action)");
                    }
                    self.note(NoteKind::Judgement, &loc, msg);
                }
                None => {
                    let msg = format!(
                        "expected sub-heading before action {before} not found in the text"
                    );
                    self.note(NoteKind::Warning, &loc, msg);
                }
            }
        }
        if let Some(o) = self.doc.objectives.last_mut() {
            let cut = dedupe_restart(&mut o.commitment, o.commitment_paragraph);
            if cut {
                let msg = "commitment printed twice (first copy cut off mid-sentence); kept the second copy";
                self.note(NoteKind::Judgement, &loc, msg.to_owned());
            }
        }
    }

    // -- end --------------------------------------------------------------------

    fn finish(mut self) -> Extraction {
        if self.in_objectives {
            self.finish_objective();
        }
        self.split_principles();
        self.assign_list_titles();
        let mut dup = Vec::new();
        for p in &mut self.doc.paragraphs {
            if dedupe_restart(&mut p.text, p.number) {
                dup.push(p.number);
            }
        }
        for n in dup {
            self.note(
                NoteKind::Judgement,
                &Ref::para(n).to_string(),
                "paragraph printed twice; kept the second copy".to_owned(),
            );
        }
        self.check_texts();
        Extraction {
            document: self.doc,
            notes: self.notes,
        }
    }

    fn assign_list_titles(&mut self) {
        let titles = std::mem::take(&mut self.list_titles);
        if titles.len() != usize::from(OBJECTIVE_COUNT) {
            let msg = format!(
                "list of objectives in paragraph 16 has {} entries",
                titles.len()
            );
            self.note(NoteKind::Warning, &Ref::para(16).to_string(), msg);
        }
        for (n, t) in titles {
            match self
                .doc
                .objectives
                .iter_mut()
                .find(|o| u32::from(o.number) == n)
            {
                Some(o) => o.list_title = Some(t),
                None => {
                    let msg = format!("objective {n} is listed in paragraph 16 but has no section");
                    self.note(NoteKind::Warning, &Ref::para(16).to_string(), msg);
                }
            }
        }
    }

    /// Splits paragraph 15 into its lead-in and the ten principles.
    fn split_principles(&mut self) {
        let Some(idx) = self.doc.paragraphs.iter().position(|p| p.number == 15) else {
            return;
        };
        let text = self.doc.paragraphs[idx].text.clone();
        let loc = Ref::para(15).to_string();
        let mut labels = detect_labels(&text);
        let matches_lexicon = labels.len() == 10
            && labels
                .iter()
                .zip(self.lex.principle_labels)
                .all(|((_, l), want)| l.eq_ignore_ascii_case(want));
        if !matches_lexicon {
            let found: Vec<String> = labels.iter().map(|(_, l)| l.clone()).collect();
            self.note(
                NoteKind::Judgement,
                &loc,
                format!(
                    "generic label detection found {:?}; fell back to the known labels",
                    found
                ),
            );
            labels = Vec::new();
            let mut from = 0;
            for want in self.lex.principle_labels {
                let pat = format!("{want}:");
                match text[from..].find(&pat) {
                    Some(i) => {
                        labels.push((from + i, want.to_owned()));
                        from += i + pat.len();
                    }
                    None => {
                        let msg = format!("principle label `{want}` not found");
                        self.note(NoteKind::Warning, &loc, msg);
                    }
                }
            }
        }
        let Some(&(first, _)) = labels.first() else {
            return;
        };
        let mut principles = Vec::new();
        for (k, (pos, label)) in labels.iter().enumerate() {
            let end = labels.get(k + 1).map_or(text.len(), |(p, _)| *p);
            let body = text[pos + label.len() + 1..end].trim().to_owned();
            let which = self
                .lex
                .principle_labels
                .iter()
                .position(|l| l.eq_ignore_ascii_case(label))
                .unwrap_or(k);
            if let Some(principle) = GuidingPrinciple::ALL.get(which) {
                principles.push(Principle {
                    principle: *principle,
                    label: label.clone(),
                    text: body,
                });
            }
        }
        self.doc.paragraphs[idx].text = text[..first].trim().to_owned();
        self.doc.principles = principles;
    }

    fn check_texts(&mut self) {
        let mut warn = Vec::new();
        for p in &self.doc.paragraphs {
            if !ends_sentence(&p.text) && p.items.is_empty() {
                warn.push(Ref::para(p.number).to_string());
            }
        }
        for o in &self.doc.objectives {
            if !ends_sentence(&o.commitment) {
                warn.push(Ref::objective(o.number).to_string());
            }
            if o.commitment.is_empty() {
                let msg = "empty commitment".to_owned();
                self.notes.push(Note {
                    kind: NoteKind::Warning,
                    location: Ref::objective(o.number).to_string(),
                    line: None,
                    message: msg,
                });
            }
        }
        for loc in warn {
            self.note(
                NoteKind::Warning,
                &loc,
                "text does not end with sentence punctuation (truncated or merged in the source?)"
                    .to_owned(),
            );
        }
    }
}

/// Label candidates in paragraph 15: one to six words starting with a
/// capital, directly followed by `: ` and a capital, at the start of a
/// sentence (or after the colon of the lead-in).
fn detect_labels(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let starts = std::iter::once(0)
        .chain(text.match_indices(". ").map(|(i, _)| i + 2))
        .chain(text.match_indices(": ").map(|(i, _)| i + 2));
    let mut starts: Vec<usize> = starts.collect();
    starts.sort_unstable();
    starts.dedup();
    for s in starts {
        let rest = &text[s..];
        let Some(colon) = rest.find(':') else {
            continue;
        };
        let label = &rest[..colon];
        let words: Vec<&str> = label.split(' ').collect();
        let ok_words = (1..=6).contains(&words.len())
            && words
                .iter()
                .all(|w| !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '-'));
        let followed = rest[colon + 1..]
            .strip_prefix(' ')
            .is_some_and(starts_upper);
        if ok_words && starts_upper(label) && followed {
            out.push((s, label.to_owned()));
        }
    }
    out
}

/// If `text` contains a second copy of itself introduced by its paragraph
/// number (`… 26. Wij verbinden …` inside paragraph 26), keeps the second copy.
fn dedupe_restart(text: &mut String, number: u8) -> bool {
    let head = prefix_chars(text, 40).to_owned();
    if head.chars().count() < 40 {
        return false;
    }
    let pat = format!("{number}. {head}");
    match text.find(&pat) {
        Some(pos) if pos > 0 => {
            *text = text[pos + format!("{number}. ").len()..].to_owned();
            true
        }
        _ => false,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert_eq!(numbered("12. Tekst"), Some((12, "Tekst")));
        assert_eq!(numbered("2030-agendaen"), None);
        assert_eq!(paren_numbered("(18) Investere"), Some((18, "Investere")));
        assert_eq!(letter_marker("a) utarbeide"), Some(('a', "utarbeide")));
        assert_eq!(letter_marker("a. Een"), Some(('a', "Een")));
        assert_eq!(letter_marker("A) x"), None);
        assert_eq!(roman_marker("III. vrijwillige"), Some((3, "vrijwillige")));
        assert_eq!(roman_marker("iv. sikre"), Some((4, "sikre")));
        assert_eq!(objective_heading("MÅL 20: Fremme"), Some((20, "Fremme")));
        assert_eq!(
            objective_heading("DOELSTELLING 3: Juiste"),
            Some((3, "Juiste"))
        );
        assert!(caps_heading("FOLLOW-UP EN EVALUATIE"));
        assert!(!caps_heading("MÅL 1: Samle"));
    }

    #[test]
    fn sentence_start_positions() {
        assert_eq!(sentence_starts("Vi a. Vi b", "Vi"), vec![0, 6]);
        assert!(sentence_starts("og Vi", "Vi").is_empty());
    }

    #[test]
    fn restart_is_deduplicated() {
        let mut t = "Wij verbinden ons ertoe wetgevende of andere maatregelen te nemen aan 26. \
                     Wij verbinden ons ertoe wetgevende of andere maatregelen te nemen volledig."
            .to_owned();
        assert!(dedupe_restart(&mut t, 26));
        assert!(t.starts_with("Wij verbinden") && t.ends_with("volledig."));
    }

    #[test]
    fn labels_are_found() {
        let t = "Vi er enige om at plattformen hviler på disse prinsippene: Mennesket i sentrum: Den globale. Nasjonal suverenitet: Den x.";
        let l: Vec<String> = detect_labels(t).into_iter().map(|x| x.1).collect();
        assert_eq!(l, vec!["Mennesket i sentrum", "Nasjonal suverenitet"]);
    }
}
