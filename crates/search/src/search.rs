//! [`SearchIndex::search`]: turns a [`SearchQuery`] into one tantivy query (text clauses in
//! every language field, glossary boosts, typo and prefix clauses, filters, the viewer's
//! visibility), collects a page, the total and the facets in one pass, then explains each
//! hit ([`MatchReason`]) and cuts a highlighted snippet.

use std::collections::{BTreeSet, HashMap, HashSet};

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EnableScoring, FuzzyTermQuery, Occur,
    PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocSet, Order, Score, Searcher, TantivyDocument, Term};

use crate::analysis::Analyzed;
use crate::doc::Viewer;
use crate::facets::{FacetCounter, sorted};
use crate::glossary::GlossaryTarget;
use crate::index::{SearchError, SearchIndex, stored_text};
use crate::lang::{LANGS, normalise_lang};
use crate::parse::{Notice, Parsed, Word, parse};
use crate::query::{Hit, MAX_DEPTH, MAX_LIMIT, MatchReason, SearchQuery, SearchResults, Sort};
use crate::snippet::snippet_html;

/// A title match weighs this much more than a body match.
const TITLE_BOOST: Score = 2.0;
/// Compound parts weigh less than the whole word.
const PART_BOOST: Score = 0.5;
/// Text in the interface language is slightly preferred.
const UI_LANG_BOOST: Score = 1.2;
/// Exact (unstemmed) match in the neutral field.
const EXACT_BOOST: Score = 0.5;
/// A translation through the thesaurus weighs less than the word itself (in searches and in
/// similar items).
pub(crate) const TRANSLATION_BOOST: Score = 0.6;
/// At most this many translated forms per query word (a common word like "work" has many).
const MAX_TRANSLATIONS: usize = 24;
/// A typo match is worth less than any real match.
const FUZZY_SCORE: Score = 0.3;
/// A prefix match.
const PREFIX_SCORE: Score = 0.5;
/// Being tagged with the objective a query word names.
const GLOSSARY_SCORE: Score = 3.0;
/// Being tagged with the principle a query word names.
const PRINCIPLE_SCORE: Score = 1.0;
/// Shortest prefix accepted (`mi*` would match half the index).
const MIN_PREFIX: usize = 3;
/// A word found exactly in at least this many documents is taken as spelt right: no typo
/// clause is added for it. Typo clauses expand to every neighbouring word and read all their
/// documents, which for a common word is most of the index and adds nothing stemming has not
/// already found.
const KNOWN_WORD_DOCS: u64 = 3;

type Clause = (Occur, Box<dyn Query>);

/// Per language: the thesaurus words a query word was translated into, and their queries.
type Translated = (&'static str, Vec<String>, Vec<Box<dyn Query>>);

/// Receives, per language, a phrase's query on the body field and its analysed forms.
type PhraseSink<'a> = &'a mut dyn FnMut(&'static str, Box<dyn Query>, &[String]);

fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn boosted(q: Box<dyn Query>, boost: Score) -> Box<dyn Query> {
    if (boost - 1.0).abs() < f32::EPSILON {
        q
    } else {
        Box::new(BoostQuery::new(q, boost))
    }
}

fn union(queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(BooleanQuery::union(queries))
}

/// A filter clause: must match, adds nothing to the score.
fn filter(q: Box<dyn Query>) -> Clause {
    (Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0)))
}

/// Visibility: public, or one of the viewer's user, organisations or roles.
pub(crate) fn visibility_filter(field: Field, viewer: &Viewer) -> Clause {
    let terms = viewer
        .tokens()
        .into_iter()
        .map(|t| term_query(field, &t))
        .collect();
    filter(union(terms))
}

/// The query built from the parsed input, with what is needed to explain and highlight.
struct Built {
    /// Text part (None: browse everything the filters let through).
    text: Option<Vec<Clause>>,
    /// Per reason, a query matching exactly the documents that have it.
    reasons: Vec<(MatchReason, Box<dyn Query>)>,
    /// Analysed forms to highlight, per language.
    highlight: HashMap<&'static str, HashSet<String>>,
}

impl SearchIndex {
    /// Runs a search. Errors only when the index itself fails; odd input gives notices.
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResults, SearchError> {
        let mut notices = Vec::new();
        let parsed = parse(&query.q);
        notices.extend(parsed.notices.iter().copied());
        let ui_lang = match normalise_lang(&query.lang) {
            Some(l) => l,
            None => {
                notices.push(Notice::UnknownLanguage);
                "en"
            }
        };
        let limit = if query.limit > MAX_LIMIT {
            notices.push(Notice::LimitClamped);
            MAX_LIMIT
        } else {
            query.limit
        };
        let searcher = self.reader.searcher();
        let built = self.build(&searcher, &parsed, ui_lang, query.q.trim().is_empty());
        let Some(text) = built.text else {
            notices.push(Notice::NoSearchableTerms);
            return Ok(results(0, Vec::new(), Default::default(), notices));
        };
        let mut clauses = text;
        clauses.extend(self.filters(query));
        let full = BooleanQuery::new(clauses);

        let depth_ok = query.offset.saturating_add(limit) <= MAX_DEPTH;
        if !depth_ok {
            notices.push(Notice::OffsetTooLarge);
        }
        // One pass collects the page, the total and the facet counts: every match is visited
        // for the counts anyway, so a separate page query would only visit them again.
        let unscored = |v: Vec<(Option<i64>, tantivy::DocAddress)>| {
            v.into_iter().map(|(_, a)| (0.0, a)).collect::<Vec<_>>()
        };
        let (page, total, counts) = if depth_ok && limit > 0 {
            let top = TopDocs::with_limit(limit).and_offset(query.offset);
            match query.sort {
                Sort::Relevance => {
                    searcher.search(&full, &(top.order_by_score(), Count, FacetCounter))?
                }
                Sort::Newest => {
                    let (p, t, c) = searcher.search(
                        &full,
                        &(
                            top.order_by_fast_field::<i64>("year", Order::Desc),
                            Count,
                            FacetCounter,
                        ),
                    )?;
                    (unscored(p), t, c)
                }
                Sort::Title => {
                    let (p, t, c) = searcher.search(
                        &full,
                        &(
                            top.order_by_string_fast_field("title_sort", Order::Asc),
                            Count,
                            FacetCounter,
                        ),
                    )?;
                    (
                        p.into_iter().map(|(_, a)| (0.0, a)).collect::<Vec<_>>(),
                        t,
                        c,
                    )
                }
            }
        } else {
            let (t, c) = searcher.search(&full, &(Count, FacetCounter))?;
            (Vec::new(), t, c)
        };
        let reasons = explain(&searcher, &built.reasons, &page)?;
        let mut hits = Vec::with_capacity(page.len());
        for ((score, addr), reasons) in page.into_iter().zip(reasons) {
            let doc: TantivyDocument = searcher.doc(addr)?;
            hits.push(self.hit(&doc, score, reasons, &built.highlight));
        }
        Ok(results(total, hits, sorted(counts), notices))
    }

    /// Turns a stored document into a [`Hit`].
    pub(crate) fn hit(
        &self,
        doc: &TantivyDocument,
        score: Score,
        reasons: Vec<MatchReason>,
        highlight: &HashMap<&'static str, HashSet<String>>,
    ) -> Hit {
        let f = &self.fields;
        let lang = stored_text(doc, f.lang);
        let text_lang = LANGS.iter().copied().find(|l| *l == lang).unwrap_or("en");
        let body = f
            .text_of(text_lang)
            .map(|(_, b)| stored_text(doc, b))
            .unwrap_or_default();
        let empty = HashSet::new();
        let marks = highlight.get(text_lang).unwrap_or(&empty);
        Hit {
            kind: stored_text(doc, f.kind),
            id: stored_text(doc, f.id),
            title: stored_text(doc, f.title),
            lang,
            snippet_html: snippet_html(&self.analyzers, text_lang, &body, marks),
            url: stored_text(doc, f.url),
            score,
            reasons,
        }
    }

    fn filters(&self, q: &SearchQuery) -> Vec<Clause> {
        let f = &self.fields;
        let mut out = vec![visibility_filter(f.visibility, &q.viewer)];
        if !q.kinds.is_empty() {
            out.push(filter(union(
                q.kinds.iter().map(|k| term_query(f.kind, k)).collect(),
            )));
        }
        if let Some(n) = q.objective {
            out.push(filter(Box::new(TermQuery::new(
                Term::from_field_u64(f.objective, u64::from(n)),
                IndexRecordOption::Basic,
            ))));
        }
        if let Some(y) = q.year {
            out.push(filter(Box::new(TermQuery::new(
                Term::from_field_i64(f.year, y),
                IndexRecordOption::Basic,
            ))));
        }
        let country = q.country.as_ref().map(|c| c.to_ascii_uppercase());
        for (field, value) in [
            (f.principle, q.principle.as_ref()),
            (f.region, q.region.as_ref()),
            (f.country, country.as_ref()),
            (f.lang, q.lang_filter.as_ref()),
            (f.org_kind, q.org_kind.as_ref()),
            (f.theme, q.theme.as_ref()),
        ] {
            if let Some(v) = value {
                out.push(filter(term_query(field, v)));
            }
        }
        out
    }

    /// Builds the text part of the query. `blank`: nothing was typed (browse mode).
    fn build(&self, searcher: &Searcher, parsed: &Parsed, ui_lang: &str, blank: bool) -> Built {
        let mut built = Built {
            text: None,
            reasons: Vec::new(),
            highlight: HashMap::new(),
        };
        if blank {
            built.text = Some(vec![(Occur::Must, Box::new(AllQuery))]);
            return built;
        }
        let f = &self.fields;
        // Per language: the analysed forms found in title and body, for the Text reasons.
        let mut text_terms: HashMap<&'static str, BTreeSet<String>> = HashMap::new();
        let mut reason_phrases: HashMap<&'static str, Vec<Box<dyn Query>>> = HashMap::new();

        // Stop words in any of the languages carry no meaning across languages ("and",
        // "de"); they are dropped unless nothing else is left.
        // Each word analysed once per language field (in `f.text` order), for the stop-word
        // test, the term clauses and the thesaurus alike.
        let analysed: Vec<(&Word, Vec<Vec<Analyzed>>)> = parsed
            .words
            .iter()
            .map(|w| {
                let forms = f
                    .text
                    .iter()
                    .map(|(l, _, _)| self.analyzers.analyze(Some(l), &w.text))
                    .collect();
                (w, forms)
            })
            .collect();
        let is_stop = |forms: &Vec<Vec<Analyzed>>| forms.iter().any(Vec::is_empty);
        let content: Vec<&(&Word, Vec<Vec<Analyzed>>)> = analysed
            .iter()
            .filter(|(_, forms)| !is_stop(forms))
            .collect();
        let words: Vec<&(&Word, Vec<Vec<Analyzed>>)> = if content.is_empty() {
            analysed.iter().collect()
        } else {
            content
        };

        let mut groups: Vec<Box<dyn Query>> = Vec::new();
        for (word, forms) in words {
            let mut clauses: Vec<Box<dyn Query>> = Vec::new();
            let mut exact_forms: Vec<Box<dyn Query>> = Vec::new();
            for ((lang, title_f, body_f), tokens) in f.text.iter().zip(forms) {
                let lang_boost = if *lang == ui_lang { UI_LANG_BOOST } else { 1.0 };
                let mut seen_positions = HashSet::new();
                let mut seen = HashSet::new();
                for t in tokens {
                    let whole = seen_positions.insert(t.position);
                    if !seen.insert(t.text.clone()) {
                        continue;
                    }
                    let part = if whole { 1.0 } else { PART_BOOST };
                    clauses.push(boosted(
                        term_query(*title_f, &t.text),
                        TITLE_BOOST * part * lang_boost,
                    ));
                    clauses.push(boosted(term_query(*body_f, &t.text), part * lang_boost));
                    exact_forms.push(term_query(*title_f, &t.text));
                    exact_forms.push(term_query(*body_f, &t.text));
                    text_terms.entry(lang).or_default().insert(t.text.clone());
                    built
                        .highlight
                        .entry(lang)
                        .or_default()
                        .insert(t.text.clone());
                }
            }
            self.translate(word, forms, &mut clauses, &mut built);
            let neutral = self.analyzers.analyze(None, &word.text);
            for t in &neutral {
                clauses.push(boosted(term_query(f.all, &t.text), EXACT_BOOST));
                exact_forms.push(term_query(f.all, &t.text));
            }
            if let [single] = neutral.as_slice() {
                let term = Term::from_field_text(f.all, &single.text);
                let chars = single.text.chars().count();
                if word.prefix && chars >= MIN_PREFIX {
                    let q: Box<dyn Query> =
                        Box::new(FuzzyTermQuery::new_prefix(term.clone(), 0, false));
                    clauses.push(Box::new(ConstScoreQuery::new(q.box_clone(), PREFIX_SCORE)));
                    built.reasons.push((
                        MatchReason::Prefix {
                            term: word.text.clone(),
                        },
                        q,
                    ));
                }
                // A read error only costs the typo clause.
                let known = searcher.doc_freq(&term).is_ok_and(|n| n >= KNOWN_WORD_DOCS);
                if chars >= 5 && !known {
                    let distance = if chars >= 9 { 2 } else { 1 };
                    let fuzzy: Box<dyn Query> = Box::new(FuzzyTermQuery::new(term, distance, true));
                    clauses.push(Box::new(ConstScoreQuery::new(
                        fuzzy.box_clone(),
                        FUZZY_SCORE,
                    )));
                    // A typo reason only where no real form of the word matched.
                    let mut only_fuzzy = vec![(Occur::Must, fuzzy)];
                    only_fuzzy.extend(exact_forms.iter().map(|q| (Occur::MustNot, q.box_clone())));
                    built.reasons.push((
                        MatchReason::Fuzzy {
                            term: word.text.clone(),
                        },
                        Box::new(BooleanQuery::new(only_fuzzy)),
                    ));
                }
            }
            for target in self.glossary.lookup(&self.analyzers, &word.text) {
                let (q, score, reason): (Box<dyn Query>, Score, MatchReason) = match target {
                    GlossaryTarget::Objective(n) => (
                        Box::new(TermQuery::new(
                            Term::from_field_u64(f.objective, u64::from(n)),
                            IndexRecordOption::Basic,
                        )),
                        GLOSSARY_SCORE,
                        MatchReason::Glossary {
                            term: word.text.clone(),
                            objective: n,
                        },
                    ),
                    GlossaryTarget::Principle(p) => (
                        term_query(f.principle, p.slug()),
                        PRINCIPLE_SCORE,
                        MatchReason::Principle {
                            term: word.text.clone(),
                            principle: p.slug().to_owned(),
                        },
                    ),
                };
                clauses.push(Box::new(ConstScoreQuery::new(q.box_clone(), score)));
                built.reasons.push((reason, q));
            }
            if !clauses.is_empty() {
                groups.push(union(clauses));
            }
        }

        let mut text: Vec<Clause> = Vec::new();
        if !groups.is_empty() {
            let n = groups.len();
            // One or two words: either may match. Longer queries: most words must, so
            // results stay on topic without demanding every word in every language.
            let required = if n <= 2 { 1 } else { n - n / 3 };
            text.push((
                Occur::Must,
                Box::new(BooleanQuery::union_with_minimum_required_clauses(
                    groups, required,
                )),
            ));
        }
        for phrase in &parsed.phrases {
            if let Some(q) = self.phrase_query(phrase, &mut |lang, q, stems| {
                reason_phrases.entry(lang).or_default().push(q);
                let h = built.highlight.entry(lang).or_default();
                h.extend(stems.iter().cloned());
            }) {
                text.push((Occur::Must, q));
            }
        }
        let has_positive = !text.is_empty();
        for excluded in &parsed.excluded {
            if let Some(q) = self.phrase_query(excluded, &mut |_, _, _| {}) {
                text.push((Occur::MustNot, q));
            }
        }
        if !has_positive {
            // Nothing to look for (only punctuation, or only exclusions): the caller
            // answers with an empty page and a notice.
            return built;
        }

        for (lang, title_f, body_f) in &f.text {
            let terms = text_terms.get(lang);
            let phrases = reason_phrases.remove(lang).unwrap_or_default();
            for (field, name) in [(*title_f, "title"), (*body_f, "body")] {
                let mut qs: Vec<Box<dyn Query>> = terms
                    .into_iter()
                    .flatten()
                    .map(|t| term_query(field, t))
                    .collect();
                if name == "body" {
                    qs.extend(phrases.iter().map(|q| q.box_clone()));
                }
                if !qs.is_empty() {
                    built.reasons.insert(
                        0,
                        (
                            MatchReason::Text {
                                field: name.to_owned(),
                                lang: (*lang).to_owned(),
                            },
                            union(qs),
                        ),
                    );
                }
            }
        }
        built.text = Some(text);
        built
    }

    /// Adds, for one query word, clauses for its translations in the thesaurus (from any
    /// language the word can be read in, including the parts of a compound) in the other
    /// languages' fields, with a reason per translation found.
    fn translate(
        &self,
        word: &Word,
        forms: &[Vec<Analyzed>],
        clauses: &mut Vec<Box<dyn Query>>,
        built: &mut Built,
    ) {
        let f = &self.fields;
        let mut own: HashSet<(&'static str, String)> = HashSet::new();
        let mut found: Vec<(&'static str, Score, &crate::thesaurus::Rendering)> = Vec::new();
        for ((lang, _, _), tokens) in f.text.iter().zip(forms) {
            let mut seen_positions = HashSet::new();
            for t in tokens {
                let part = if seen_positions.insert(t.position) {
                    1.0
                } else {
                    PART_BOOST
                };
                for r in self.thesaurus.translations(lang, &t.text) {
                    if !found.iter().any(|(_, _, seen)| std::ptr::eq(*seen, r)) {
                        found.push((lang, part, r));
                    }
                }
                own.insert((lang, t.text.clone()));
            }
        }
        let mut added = 0;
        // One reason per language, naming every translation used in it.
        let mut per_lang: Vec<Translated> = Vec::new();
        for (_, part, r) in found {
            let Some((title_f, body_f)) = f.text_of(r.lang) else {
                continue;
            };
            let mut used = false;
            for stem in &r.stems {
                // The word itself already matches in that language.
                if own.contains(&(r.lang, stem.clone())) || added >= MAX_TRANSLATIONS {
                    continue;
                }
                added += 1;
                used = true;
                clauses.push(boosted(
                    term_query(title_f, stem),
                    TITLE_BOOST * TRANSLATION_BOOST * part,
                ));
                clauses.push(boosted(term_query(body_f, stem), TRANSLATION_BOOST * part));
                if !per_lang.iter().any(|(l, _, _)| *l == r.lang) {
                    per_lang.push((r.lang, Vec::new(), Vec::new()));
                }
                let Some(slot) = per_lang.iter_mut().find(|(l, _, _)| *l == r.lang) else {
                    continue;
                };
                slot.2.push(term_query(title_f, stem));
                slot.2.push(term_query(body_f, stem));
                built
                    .highlight
                    .entry(r.lang)
                    .or_default()
                    .insert(stem.clone());
            }
            if used && let Some(slot) = per_lang.iter_mut().find(|(l, _, _)| *l == r.lang) {
                slot.1.push(r.word.clone());
            }
        }
        for (lang, words, queries) in per_lang {
            built.reasons.push((
                MatchReason::Translation {
                    term: word.text.clone(),
                    translation: words.join(", "),
                    lang: lang.to_owned(),
                },
                union(queries),
            ));
        }
    }

    /// A phrase in any language field or the neutral field; one-word phrases are terms.
    /// `each` receives per language the phrase query and the analysed forms.
    fn phrase_query(&self, phrase: &str, each: PhraseSink<'_>) -> Option<Box<dyn Query>> {
        let f = &self.fields;
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        let per_field = |field: Field, tokens: &[(usize, String)]| -> Option<Box<dyn Query>> {
            match tokens {
                [] => None,
                [(_, t)] => Some(term_query(field, t)),
                _ => {
                    let first = tokens.first().map_or(0, |t| t.0);
                    Some(Box::new(PhraseQuery::new_with_offset(
                        tokens
                            .iter()
                            .map(|(p, t)| (p - first, Term::from_field_text(field, t)))
                            .collect(),
                    )))
                }
            }
        };
        for (lang, title_f, body_f) in &f.text {
            let mut tokens: Vec<(usize, String)> = Vec::new();
            let mut stems = Vec::new();
            for t in self.analyzers.analyze(Some(lang), phrase) {
                stems.push(t.text.clone());
                // The whole word comes first at its position; parts are not phrase words.
                if tokens.last().is_none_or(|(p, _)| *p != t.position) {
                    tokens.push((t.position, t.text));
                }
            }
            if let Some(q) = per_field(*body_f, &tokens) {
                each(lang, q.box_clone(), &stems);
                alternatives.push(q);
            }
            if let Some(q) = per_field(*title_f, &tokens) {
                alternatives.push(q);
            }
        }
        let neutral: Vec<(usize, String)> = self
            .analyzers
            .analyze(None, phrase)
            .into_iter()
            .map(|t| (t.position, t.text))
            .collect();
        if let Some(q) = per_field(f.all, &neutral) {
            alternatives.push(q);
        }
        (!alternatives.is_empty()).then(|| union(alternatives))
    }
}

fn results(
    total: usize,
    hits: Vec<Hit>,
    facets: std::collections::BTreeMap<String, Vec<(String, u64)>>,
    mut notices: Vec<Notice>,
) -> SearchResults {
    notices.dedup();
    SearchResults {
        total,
        hits,
        facets,
        notice: notices.first().map(|n| n.code().to_owned()),
        notices,
    }
}

/// Which reasons hold for each hit: each reason query is run only over the segments and
/// documents of the page, by seeking its scorer to the hits in document order.
fn explain(
    searcher: &Searcher,
    reasons: &[(MatchReason, Box<dyn Query>)],
    page: &[(Score, DocAddress)],
) -> Result<Vec<Vec<MatchReason>>, SearchError> {
    let mut out = vec![Vec::new(); page.len()];
    if page.is_empty() || reasons.is_empty() {
        return Ok(out);
    }
    let mut by_segment: HashMap<u32, Vec<(u32, usize)>> = HashMap::new();
    for (i, (_, addr)) in page.iter().enumerate() {
        by_segment
            .entry(addr.segment_ord)
            .or_default()
            .push((addr.doc_id, i));
    }
    for docs in by_segment.values_mut() {
        docs.sort_unstable();
    }
    for (reason, query) in reasons {
        let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
        for (segment, docs) in &by_segment {
            let reader = searcher.segment_reader(*segment);
            let mut scorer = weight.scorer(reader, 1.0)?;
            let mut current = scorer.doc();
            for (doc, hit) in docs {
                if current < *doc {
                    current = scorer.seek(*doc);
                }
                if current == *doc
                    && let Some(r) = out.get_mut(*hit)
                    && !r.contains(reason)
                {
                    r.push(reason.clone());
                }
            }
        }
    }
    Ok(out)
}
