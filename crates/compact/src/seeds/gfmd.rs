//! The GFMD Thematic Recollection: examples and recommendations per focus
//! area of Section II.
//!
//! Layout of the seed (one paragraph per line): a cluster heading
//! `4. CONTRIBUTIONS OF MIGRANTS …` (upper case), its introduction, then per
//! focus area a heading `(2) Reducing costs of migration …` (the title as in
//! `data/frameworks/gfmd.json`), `Policy Options:` and `Options for practical
//! action:` with `- ` bullets (nested ` - 1)` items), and `Policy and Practice
//! Example(s)` with one paragraph per example. Footnote bodies (`¹⁰⁴ <…>`)
//! are interleaved where the PDF's pages ended, so a bullet may continue
//! after them on a line starting in lower case. Example footnotes point to
//! the Platform for Partnerships (`gfmd.org/pfp/ppd/<id>`).

use std::collections::BTreeMap;

use super::hints;
use super::places;
use super::text::{
    capitalise, clean_inline, fold, footnote_line, footnote_url, markers, pfp_id, sentence_starts,
};
use super::{
    DerivationBasis, GFMD_PREFIX, GFMD_SEED, ObjectiveBasis, REVIEW_STATUS, RecommendationKind,
    SeedPractice, SeedRecommendation, SourceLocation, finish_objectives, scope_of, text_links,
};
use crate::frameworks::Frameworks;

/// A focus area of `data/frameworks/gfmd.json` with its crosswalk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FocusAreaInfo {
    /// Cluster 1–6.
    pub cluster: u8,
    /// `4.2`.
    pub id: String,
    /// `(2)`.
    pub printed: String,
    /// Title as in the document.
    pub title: String,
    /// Objective links of the crosswalk with their notes.
    pub objectives: Vec<(u8, String)>,
}

impl FocusAreaInfo {
    pub(crate) fn from_frameworks(f: &Frameworks) -> Vec<FocusAreaInfo> {
        let mut out = Vec::new();
        for n in 1..=6u8 {
            let Some(cluster) = f.gfmd_cluster(u16::from(n)) else {
                continue;
            };
            for fa in &cluster.focus_areas {
                out.push(FocusAreaInfo {
                    cluster: n,
                    id: fa.id.clone(),
                    printed: fa.printed.clone(),
                    title: fa.title.clone(),
                    objectives: fa
                        .objectives
                        .iter()
                        .map(|l| (l.objective, l.note.clone().unwrap_or_default()))
                        .collect(),
                });
            }
        }
        out
    }

    fn cluster_links(&self) -> Vec<ObjectiveBasis> {
        self.objectives
            .iter()
            .map(|(objective, note)| ObjectiveBasis {
                objective: *objective,
                basis: DerivationBasis::Cluster,
                evidence: if note.is_empty() {
                    format!("gfmd.json focus area {}", self.id)
                } else {
                    format!("gfmd.json focus area {}: {note}", self.id)
                },
            })
            .collect()
    }

    fn section(&self, part: &str) -> String {
        format!(
            "II. cluster {} › {} {} › {part}",
            self.cluster, self.printed, self.title
        )
    }
}

/// A paragraph or bullet with the lines it spans.
#[derive(Debug, Clone, Default)]
struct RawItem {
    first: usize,
    last: usize,
    raw: String,
}

impl RawItem {
    fn new(no: usize, raw: &str) -> RawItem {
        RawItem {
            first: no,
            last: no,
            raw: raw.trim().to_owned(),
        }
    }

    fn append(&mut self, no: usize, raw: &str) {
        self.raw.push(' ');
        self.raw.push_str(raw.trim());
        self.last = no;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Intro,
    Policy,
    Action,
    Examples,
}

#[derive(Debug)]
struct Block<'a> {
    fa: &'a FocusAreaInfo,
    policy: Vec<RawItem>,
    action: Vec<RawItem>,
    examples: Vec<RawItem>,
}

impl Block<'_> {
    fn list(&mut self, mode: Mode) -> Option<&mut Vec<RawItem>> {
        match mode {
            Mode::Intro => None,
            Mode::Policy => Some(&mut self.policy),
            Mode::Action => Some(&mut self.action),
            Mode::Examples => Some(&mut self.examples),
        }
    }
}

/// `1. HUMAN RIGHTS …` → 1.
fn cluster_heading(t: &str) -> Option<u8> {
    let mut chars = t.chars();
    let d = chars.next()?.to_digit(10)?;
    let rest = chars.as_str().strip_prefix(". ")?;
    let upper = rest.len() > 20 && !rest.chars().any(char::is_lowercase);
    (upper && (1..=6).contains(&d)).then(|| u8::try_from(d).ok())?
}

/// `(2) Title` → (2, "Title").
fn numbered_heading(t: &str) -> Option<(&str, &str)> {
    let rest = t.strip_prefix('(')?;
    let close = rest.find(')')?;
    let n = &rest[..close];
    if n.is_empty() || !n.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((&t[..close + 2], rest[close + 1..].trim()))
}

fn is_noise(t: &str) -> bool {
    t == "-" || t.starts_with("http") || t.starts_with("[http") || t.starts_with("<http")
}

/// Extracts the practices and recommendations.
pub(crate) fn extract(
    text: &str,
    focus_areas: &[FocusAreaInfo],
    notes: &mut Vec<String>,
) -> (Vec<SeedPractice>, Vec<SeedRecommendation>) {
    let lines: Vec<&str> = text.lines().collect();
    let mut footnotes: BTreeMap<u32, (usize, String)> = BTreeMap::new();
    for (i, l) in lines.iter().enumerate() {
        if let Some((n, body)) = footnote_line(l) {
            footnotes.entry(n).or_insert((i + 1, body.to_owned()));
        }
    }

    let mut blocks: Vec<Block<'_>> = Vec::new();
    let mut started = false;
    let mut cluster: Option<u8> = None;
    let mut mode = Mode::Intro;
    for (i, line) in lines.iter().enumerate() {
        let no = i + 1;
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if !started {
            started = t.starts_with("II. Contribution");
            continue;
        }
        if t.starts_with("III. ") {
            break;
        }
        if let Some(c) = cluster_heading(t) {
            cluster = Some(c);
            mode = Mode::Intro;
            continue;
        }
        if footnote_line(t).is_some() || is_noise(t) {
            continue;
        }
        if let (Some(c), Some((printed, title))) = (cluster, numbered_heading(t)) {
            let found = focus_areas.iter().find(|fa| {
                fa.cluster == c && fa.printed == printed && fold(&fa.title) == fold(title)
            });
            if let Some(fa) = found {
                blocks.push(Block {
                    fa,
                    policy: Vec::new(),
                    action: Vec::new(),
                    examples: Vec::new(),
                });
                mode = Mode::Intro;
                continue;
            }
        }
        match t {
            "Policy Options:" => {
                mode = Mode::Policy;
                continue;
            }
            "Options for practical action:" => {
                mode = Mode::Action;
                continue;
            }
            _ if t.starts_with("Policy and Practice Example") => {
                mode = Mode::Examples;
                continue;
            }
            _ => {}
        }
        let Some(block) = blocks.last_mut() else {
            continue;
        };
        let Some(list) = block.list(mode) else {
            continue;
        };
        let lower_start = t.chars().next().is_some_and(char::is_lowercase);
        if let Some(item) = t.strip_prefix("- ") {
            let nested = line.starts_with(char::is_whitespace);
            match (nested, list.last_mut()) {
                (true, Some(last)) => last.append(no, item),
                _ => list.push(RawItem::new(no, item)),
            }
        } else if lower_start {
            match list.last_mut() {
                Some(last) => last.append(no, t),
                None => notes.push(format!(
                    "{GFMD_SEED}:{no}: continuation line without an item before it in focus area {}; ignored",
                    block.fa.id
                )),
            }
        } else if mode == Mode::Examples {
            list.push(RawItem::new(no, t));
        } else {
            notes.push(format!(
                "{GFMD_SEED}:{no}: unexpected non-bullet line in focus area {}; ignored: {}",
                block.fa.id,
                t.chars().take(60).collect::<String>()
            ));
        }
    }

    for fa in focus_areas {
        if !blocks.iter().any(|b| b.fa.id == fa.id) {
            notes.push(format!(
                "focus area {} ('{}') not found in {GFMD_SEED}",
                fa.id, fa.title
            ));
        }
    }

    let mut practices = Vec::new();
    let mut recommendations = Vec::new();
    for block in &blocks {
        for (kind, list, word, part) in [
            (
                RecommendationKind::PolicyOption,
                &block.policy,
                "policy",
                "Policy Options",
            ),
            (
                RecommendationKind::PracticalAction,
                &block.action,
                "action",
                "Options for practical action",
            ),
        ] {
            if list.is_empty() {
                notes.push(format!("focus area {}: no '{part}' found", block.fa.id));
            }
            for (k, item) in list.iter().enumerate() {
                let text = clean_inline(&item.raw);
                let mut links = block.fa.cluster_links();
                links.extend(text_links(&text));
                let (objectives, objective_basis) = finish_objectives(links);
                recommendations.push(SeedRecommendation {
                    external_id: format!("{GFMD_PREFIX}:{}:{word}:{}", block.fa.id, k + 1),
                    kind,
                    text,
                    gfmd_cluster: block.fa.cluster,
                    focus_area: block.fa.id.clone(),
                    objectives,
                    objective_basis,
                    source: SourceLocation {
                        document: GFMD_SEED.to_owned(),
                        line_start: item.first,
                        line_end: item.last,
                        section: block.fa.section(part),
                    },
                    review_status: REVIEW_STATUS.to_owned(),
                });
            }
        }
        if block.examples.is_empty() {
            notes.push(format!(
                "focus area {}: no policy and practice examples found",
                block.fa.id
            ));
        }
        for (k, item) in block.examples.iter().enumerate() {
            let id = format!("{GFMD_PREFIX}:{}:{}", block.fa.id, k + 1);
            practices.extend(example_practices(&id, block.fa, item, &footnotes, notes));
        }
    }
    (practices, recommendations)
}

/// A footnote marker pointing to a Platform for Partnerships entry.
#[derive(Debug, Clone)]
struct PfpMarker {
    start: usize,
    footnote: u32,
    id: String,
    url: Option<String>,
}

/// True when a sentence introduces another initiative like the example's
/// ("A similar initiative was established in Argentina", "Similarly,
/// Thailand …", "The same is true of the Australian seasonal worker program").
fn introduces_similar(sentence: &str) -> bool {
    let s = fold(&clean_inline(sentence));
    ["similar", "a similar", "the same is true"]
        .iter()
        .any(|p| s.starts_with(p))
}

/// The name printed just before a footnote marker: a bold span, a quoted
/// phrase, or the run of capitalised words (with a parenthesised acronym).
fn name_before(raw: &str, at: usize) -> Option<String> {
    let before = raw[..at].trim_end();
    let before = before.strip_suffix('.').unwrap_or(before);
    if before.ends_with("**") {
        let inner = before.trim_end_matches('*');
        let open = inner.rfind("**")?;
        let name = clean_inline(inner[open..].trim_start_matches('*'));
        return (!name.is_empty()).then_some(name);
    }
    for (close, open) in [('”', '“'), ('"', '"')] {
        if let Some(inner) = before.strip_suffix(close) {
            let start = inner.rfind(open)?;
            return Some(clean_inline(&inner[start + open.len_utf8()..]));
        }
    }
    let cleaned = clean_inline(before);
    let words: Vec<&str> = cleaned.split(' ').collect();
    let mut taken = 0;
    for w in words.iter().rev() {
        let first = w.chars().next();
        let capital = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '(');
        if !capital {
            break;
        }
        taken += 1;
    }
    (taken > 0).then(|| words[words.len() - taken..].join(" "))
}

fn example_practices(
    id: &str,
    fa: &FocusAreaInfo,
    item: &RawItem,
    footnotes: &BTreeMap<u32, (usize, String)>,
    notes: &mut Vec<String>,
) -> Vec<SeedPractice> {
    let raw = item.raw.as_str();
    let mut pfp: Vec<PfpMarker> = Vec::new();
    for m in markers(raw) {
        match footnotes.get(&m.number) {
            Some((_, body)) => {
                if let Some(pid) = pfp_id(body) {
                    pfp.push(PfpMarker {
                        start: m.start,
                        footnote: m.number,
                        id: pid,
                        url: footnote_url(body),
                    });
                }
            }
            None => notes.push(format!(
                "{id}: footnote {} has no footnote body in {GFMD_SEED}",
                m.number
            )),
        }
    }

    // Sentences citing a similar initiative with a PfP entry of its own
    // become practices of their own.
    let starts = sentence_starts(raw);
    let sentence_of = |at: usize| {
        starts
            .iter()
            .copied()
            .filter(|s| *s <= at)
            .max()
            .unwrap_or(0)
    };
    let mut children: Vec<(usize, &PfpMarker)> = Vec::new();
    for m in pfp.iter().skip(1) {
        let s = sentence_of(m.start);
        if s > 0 && introduces_similar(&raw[s..]) {
            children.push((s, m));
        }
    }
    let parent_end = children.first().map_or(raw.len(), |(s, _)| *s);
    let parent_raw = &raw[..parent_end];
    let parent_pfp: Vec<&PfpMarker> = pfp.iter().filter(|m| m.start < parent_end).collect();

    let section = fa.section("Policy and Practice Examples");
    let source = SourceLocation {
        document: GFMD_SEED.to_owned(),
        line_start: item.first,
        line_end: item.last,
        section,
    };

    let mut out = Vec::new();
    let primary = parent_pfp.first().copied();
    let printed_name = primary
        .and_then(|m| name_before(raw, m.start))
        .or_else(|| first_bold(parent_raw));
    let summary = clean_inline(parent_raw);
    let title = printed_name
        .map(|n| title_case(&n))
        .unwrap_or_else(|| first_words(&summary));
    let parent = practice(
        id,
        title,
        summary,
        fa,
        primary,
        parent_pfp.iter().skip(1).map(|m| m.id.clone()).collect(),
        None,
        None,
        source.clone(),
        notes,
    );
    let parent_title = parent.title.clone();
    out.push(parent);

    for (k, (s, m)) in children.iter().enumerate() {
        let next = children
            .iter()
            .map(|(t, _)| *t)
            .find(|t| t > s)
            .unwrap_or(raw.len());
        let segment = &raw[*s..next];
        let name = name_before(raw, m.start).unwrap_or_default();
        let name_places = places::find(&name);
        let name_is_country = places::country_for_name(&name).is_some();
        let title = if name.is_empty() || name_is_country {
            format!(
                "Similar initiative to {parent_title} ({})",
                if name.is_empty() { "unnamed" } else { &name }
            )
        } else {
            title_case(&name)
        };
        let child_id = match u8::try_from(k).ok().filter(|k| *k < 25) {
            Some(k) => format!("{id}{}", char::from(b'b' + k)),
            None => format!("{id}-{}", k + 2),
        };
        let countries_from_name = (!name_places.countries.is_empty()).then_some(name_places);
        out.push(practice(
            &child_id,
            title,
            clean_inline(segment),
            fa,
            Some(m),
            Vec::new(),
            Some(id.to_owned()),
            countries_from_name,
            source.clone(),
            notes,
        ));
        notes.push(format!(
            "{child_id}: similar initiative cited in {id} with its own Platform for Partnerships entry (footnote {}); imported as a practice of its own, linked by related_to",
            m.footnote
        ));
    }
    out
}

/// Capitalises a printed name used as a title, except single words such as
/// domain names (`envoidargent.fr`).
fn title_case(name: &str) -> String {
    if name.contains(' ') {
        capitalise(name)
    } else {
        name.to_owned()
    }
}

fn first_bold(raw: &str) -> Option<String> {
    let start = raw.find("**")? + 2;
    let rest = raw[start..].trim_start_matches('*');
    let end = rest.find("**")?;
    let name = clean_inline(&rest[..end]);
    (!name.is_empty()).then_some(name)
}

fn first_words(summary: &str) -> String {
    let words: Vec<&str> = summary.split(' ').take(8).collect();
    format!("{}…", words.join(" "))
}

#[allow(clippy::too_many_arguments)]
fn practice(
    id: &str,
    title: String,
    summary: String,
    fa: &FocusAreaInfo,
    pfp: Option<&PfpMarker>,
    related_pfp_ids: Vec<String>,
    related_to: Option<String>,
    places_override: Option<places::Found>,
    source: SourceLocation,
    notes: &mut Vec<String>,
) -> SeedPractice {
    let found = places::find(&summary);
    let (countries, regions) = match &places_override {
        Some(p) => (p.countries.clone(), p.regions.clone()),
        None => (found.countries.clone(), found.regions.clone()),
    };
    let mut scope = scope_of(&countries, &regions);
    let mut title = title;
    if let Some(h) = hints::hint(id) {
        let mut changed = Vec::new();
        if let Some(t) = h.title {
            changed.push(format!("title '{t}' instead of '{title}'"));
            title = t.to_owned();
        }
        if let Some(s) = h.scope {
            if s != scope {
                changed.push(format!(
                    "scope {} instead of {}",
                    s.as_str(),
                    scope.as_str()
                ));
            }
            scope = s;
        }
        let what = if changed.is_empty() {
            "remark".to_owned()
        } else {
            changed.join("; ")
        };
        notes.push(format!("{id}: reviewed: {what} ({})", h.reason));
    }
    let mut links = fa.cluster_links();
    links.extend(text_links(&format!("{title} {summary}")));
    let (objectives, objective_basis) = finish_objectives(links);
    SeedPractice {
        external_id: id.to_owned(),
        title,
        summary,
        countries,
        regions,
        organisations: found.organisations,
        scope,
        gfmd_cluster: Some(fa.cluster),
        focus_area: Some(fa.id.clone()),
        pfp_id: pfp.map(|m| m.id.clone()),
        pfp_url: pfp.and_then(|m| m.url.clone()),
        related_pfp_ids,
        related_to,
        objectives,
        objective_basis,
        source,
        review_status: REVIEW_STATUS.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(
            cluster_heading("4. CONTRIBUTIONS OF MIGRANTS AND DIASPORAS"),
            Some(4)
        );
        assert_eq!(cluster_heading("1. Assist in the exchange of data"), None);
        assert_eq!(
            numbered_heading("(2) Empowerment of migrants"),
            Some(("(2)", "Empowerment of migrants"))
        );
        assert_eq!(numbered_heading("(a) x"), None);
    }

    #[test]
    fn names_before_markers() {
        let raw = "*In its **Five-year Development Plan**²⁹ (2014-2019)";
        let at = raw.find('²').unwrap_or(0);
        assert_eq!(
            name_before(raw, at).as_deref(),
            Some("Five-year Development Plan")
        );
        let raw = "Talent Beyond Boundaries (TBB)¹³⁴ directly";
        let at = raw.find('¹').unwrap_or(0);
        assert_eq!(
            name_before(raw, at).as_deref(),
            Some("Talent Beyond Boundaries (TBB)")
        );
        let raw = "an initiative called “Prometeo”¹¹⁰ that";
        let at = raw.find('¹').unwrap_or(0);
        assert_eq!(name_before(raw, at).as_deref(), Some("Prometeo"));
        let raw = "Ghana operates a **three-tier social security system**.¹¹⁵ The";
        let at = raw.find('¹').unwrap_or(0);
        assert_eq!(
            name_before(raw, at).as_deref(),
            Some("three-tier social security system")
        );
    }
}
