//! [`SearchIndex::similar`] and [`SearchIndex::similar_among`]: items like a given one, by
//! text (MoreLikeThis over the stored title and body: the item's most distinctive terms, and
//! its words the thesaurus knows, translated, for items in other languages) and by structure
//! (shared objectives, countries, themes), with each component exposed so a page can say why.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, ConstScoreQuery, MoreLikeThisQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, OwnedValue, Value};
use tantivy::{DocAddress, Score, TantivyDocument, Term};

use crate::doc::{Viewer, doc_key};
use crate::index::{SearchError, SearchIndex, stored_text, stored_texts};
use crate::lang::LANGS;
use crate::parse::Notice;
use crate::query::{Hit, MAX_LIMIT};
use crate::search::{TRANSLATION_BOOST, visibility_filter};

/// Candidates taken from each of the text and structure queries.
const CANDIDATES: usize = 200;
/// Weights of the components (sum 1): text similarity dominates; structure lets items in
/// other languages, which share no words, still come up.
const W_TEXT: f32 = 0.55;
const W_OBJECTIVES: f32 = 0.25;
const W_COUNTRIES: f32 = 0.12;
const W_THEMES: f32 = 0.08;
/// Translated words taken from an item (per language and form).
const MAX_TRANSLATED: usize = 120;

/// A similar item with the components of its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimilarHit {
    /// The item (its `score` is the combined score).
    pub hit: Hit,
    /// Text similarity, 0–1: relative to the most similar text in the item's language, or
    /// through the thesaurus (for other languages) relative to the best such match, times 0.6.
    pub text: f32,
    /// Objectives both items are tagged with.
    pub shared_objectives: Vec<u8>,
    /// Countries both items name.
    pub shared_countries: Vec<String>,
    /// Themes both items have.
    pub shared_themes: Vec<String>,
}

/// Similar items.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SimilarResults {
    /// Best first.
    pub hits: Vec<SimilarHit>,
    /// `not_found` when the item is not in the index or not visible to the viewer.
    pub notice: Option<String>,
}

struct Tags {
    objectives: BTreeSet<u64>,
    countries: BTreeSet<String>,
    themes: BTreeSet<String>,
}

fn jaccard<T: Ord>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> f32 {
    let union = a.union(b).count();
    if union == 0 {
        0.0
    } else {
        a.intersection(b).count() as f32 / union as f32
    }
}

impl SearchIndex {
    fn tags(&self, doc: &TantivyDocument) -> Tags {
        let f = &self.fields;
        Tags {
            objectives: doc
                .get_all(f.objective)
                .filter_map(|v| v.as_u64())
                .collect(),
            countries: stored_texts(doc, f.country).into_iter().collect(),
            themes: stored_texts(doc, f.theme).into_iter().collect(),
        }
    }

    /// The item's words that the thesaurus knows, in the other languages' title and body
    /// fields: the text similarity of items written in another language, which share no word
    /// with it (a request in French and a practice in English). None when no word is known.
    fn translated(&self, lang: &str, text: &str) -> Option<Box<dyn Query>> {
        let f = &self.fields;
        let mut seen = HashSet::new();
        let mut clauses: Vec<Box<dyn Query>> = Vec::new();
        for word in self.analyzers.analyze(Some(lang), text) {
            for r in self.thesaurus.translations(lang, &word.text) {
                let Some((title_f, body_f)) = f.text_of(r.lang) else {
                    continue;
                };
                for stem in &r.stems {
                    if seen.len() >= MAX_TRANSLATED || !seen.insert((r.lang, stem.clone())) {
                        continue;
                    }
                    for field in [title_f, body_f] {
                        clauses.push(Box::new(TermQuery::new(
                            Term::from_field_text(field, stem),
                            IndexRecordOption::WithFreqs,
                        )));
                    }
                }
            }
        }
        (!clauses.is_empty()).then(|| Box::new(BooleanQuery::union(clauses)) as Box<dyn Query>)
    }

    /// Up to `limit` items of any kind similar to `kind`/`id` that `viewer` may see.
    pub fn similar(
        &self,
        kind: &str,
        id: &str,
        limit: usize,
        viewer: &Viewer,
    ) -> Result<SimilarResults, SearchError> {
        self.similar_among(kind, id, limit, viewer, &[])
    }

    /// Up to `limit` items of the kinds `among` (any kind when empty) similar to `kind`/`id`
    /// that `viewer` may see. Choosing the kinds before ranking, rather than filtering the
    /// ranked list, keeps a page that shows practices from losing them to the Compact's
    /// paragraphs and recommendations, which are many and share the same objectives.
    pub fn similar_among(
        &self,
        kind: &str,
        id: &str,
        limit: usize,
        viewer: &Viewer,
        among: &[&str],
    ) -> Result<SimilarResults, SearchError> {
        let f = &self.fields;
        let searcher = self.reader.searcher();
        let limit = limit.clamp(1, MAX_LIMIT);
        let key = Term::from_field_text(f.key, &doc_key(kind, id));
        let kinds: Vec<Box<dyn Query>> = among
            .iter()
            .map(|k| {
                Box::new(TermQuery::new(
                    Term::from_field_text(f.kind, k),
                    IndexRecordOption::Basic,
                )) as Box<dyn Query>
            })
            .collect();
        let visible = |q: Box<dyn Query>| -> BooleanQuery {
            let mut clauses = vec![
                (Occur::Must, q),
                visibility_filter(f.visibility, viewer),
                (
                    Occur::MustNot,
                    Box::new(TermQuery::new(key.clone(), IndexRecordOption::Basic))
                        as Box<dyn Query>,
                ),
            ];
            if !kinds.is_empty() {
                let any_kind = BooleanQuery::union(kinds.iter().map(|k| k.box_clone()).collect());
                clauses.push((
                    Occur::Must,
                    Box::new(ConstScoreQuery::new(Box::new(any_kind), 0.0)),
                ));
            }
            BooleanQuery::new(clauses)
        };
        let own = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(TermQuery::new(key.clone(), IndexRecordOption::Basic)),
            ),
            visibility_filter(f.visibility, viewer),
        ]);
        let Some((_, source_addr)) = searcher
            .search(&own, &TopDocs::with_limit(1).order_by_score())?
            .into_iter()
            .next()
        else {
            return Ok(SimilarResults {
                hits: Vec::new(),
                notice: Some(Notice::NotFound.code().to_owned()),
            });
        };
        let source: TantivyDocument = searcher.doc(source_addr)?;
        let source_tags = self.tags(&source);
        let lang = stored_text(&source, f.lang);
        let text_lang = LANGS.iter().copied().find(|l| *l == lang).unwrap_or("en");

        // Text similarity per candidate, 0–1: in the item's own language (relative to the most
        // similar text there) or, for items in other languages, through the thesaurus (relative
        // to the best translated match, weighed lower). Each channel is scaled on its own:
        // their raw scores are not comparable, and a language with few documents would
        // otherwise outweigh the rest.
        let mut candidates: HashMap<DocAddress, Score> = HashMap::new();
        if let Some((title_f, body_f)) = f.text_of(text_lang) {
            let title = stored_text(&source, f.title);
            let body = stored_text(&source, body_f);
            let mlt = MoreLikeThisQuery::builder()
                .with_min_doc_frequency(1)
                .with_max_doc_frequency((searcher.num_docs() / 4).max(2))
                .with_min_term_frequency(1)
                .with_min_word_length(3)
                .with_max_query_terms(25)
                .with_document_fields(vec![
                    (title_f, vec![OwnedValue::Str(title.clone())]),
                    (body_f, vec![OwnedValue::Str(body.clone())]),
                ]);
            let mut channels: Vec<(Box<dyn Query>, Score)> = vec![(Box::new(mlt), 1.0)];
            if let Some(q) = self.translated(text_lang, &format!("{title}\n{body}")) {
                channels.push((q, TRANSLATION_BOOST));
            }
            for (query, weight) in channels {
                let found = searcher.search(
                    &visible(query),
                    &TopDocs::with_limit(CANDIDATES).order_by_score(),
                )?;
                let max = found.iter().map(|(s, _)| *s).fold(0.0f32, f32::max);
                if max <= 0.0 {
                    continue;
                }
                for (score, addr) in found {
                    let text = weight * score / max;
                    let slot = candidates.entry(addr).or_insert(0.0);
                    *slot = slot.max(text);
                }
            }
        }
        let mut structural: Vec<Box<dyn Query>> = Vec::new();
        for o in &source_tags.objectives {
            structural.push(Box::new(TermQuery::new(
                Term::from_field_u64(f.objective, *o),
                IndexRecordOption::Basic,
            )));
        }
        for (field, values) in [
            (f.country, &source_tags.countries),
            (f.theme, &source_tags.themes),
        ] {
            for v in values {
                structural.push(Box::new(TermQuery::new(
                    Term::from_field_text(field, v),
                    IndexRecordOption::Basic,
                )));
            }
        }
        if !structural.is_empty() {
            for (_, addr) in searcher.search(
                &visible(Box::new(BooleanQuery::union(structural))),
                &TopDocs::with_limit(CANDIDATES).order_by_score(),
            )? {
                candidates.entry(addr).or_insert(0.0);
            }
        }

        let mut scored = Vec::with_capacity(candidates.len());
        let mut seen = HashSet::new();
        for (addr, text) in candidates {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let key = stored_text(&doc, f.key);
            if !seen.insert(key.clone()) {
                continue;
            }
            let tags = self.tags(&doc);
            let score = W_TEXT * text
                + W_OBJECTIVES * jaccard(&source_tags.objectives, &tags.objectives)
                + W_COUNTRIES * jaccard(&source_tags.countries, &tags.countries)
                + W_THEMES * jaccard(&source_tags.themes, &tags.themes);
            scored.push((score, key, text, doc, tags));
        }
        // Equal scores in the key's order: the candidates come out of a hash map, and the same
        // request should list the same items in the same order every time.
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        scored.truncate(limit);
        let hits = scored
            .into_iter()
            .map(|(score, _, text, doc, tags)| SimilarHit {
                hit: self.hit(&doc, score, Vec::new(), &HashMap::new()),
                text,
                shared_objectives: source_tags
                    .objectives
                    .intersection(&tags.objectives)
                    .filter_map(|o| u8::try_from(*o).ok())
                    .collect(),
                shared_countries: source_tags
                    .countries
                    .intersection(&tags.countries)
                    .cloned()
                    .collect(),
                shared_themes: source_tags
                    .themes
                    .intersection(&tags.themes)
                    .cloned()
                    .collect(),
            })
            .collect();
        Ok(SimilarResults { hits, notice: None })
    }
}
