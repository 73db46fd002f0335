//! Retrieval quality: judged queries (`data/search/judged.json`: query, interface
//! language, relevant document keys with grades) and [`evaluate`], which reports nDCG@10
//! and recall@10 overall and per query.
//!
//! Recall@10 is capped: found relevant items in the top 10 divided by
//! min(relevant items, 10), so a query with 30 relevant items can still reach 1.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::doc::doc_key;
use crate::index::{SearchError, SearchIndex};
use crate::query::SearchQuery;

const JUDGED_JSON: &str = include_str!("../../../data/search/judged.json");

/// The judged query set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Judged {
    /// What the set is and how it was judged.
    pub about: String,
    /// The queries.
    pub queries: Vec<JudgedQuery>,
}

/// One judged query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JudgedQuery {
    /// What is typed.
    pub q: String,
    /// Interface language.
    pub lang: String,
    /// Relevant document keys (`kind:id`) with their grade: 2 highly relevant, 1 relevant.
    pub relevant: BTreeMap<String, u8>,
}

impl Judged {
    /// The shipped set (`data/search/judged.json`).
    pub fn shipped() -> Result<Judged, SearchError> {
        serde_json::from_str(JUDGED_JSON).map_err(|e| SearchError::Fixture(e.to_string()))
    }
}

/// Quality of one query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueryEval {
    /// The query.
    pub q: String,
    /// nDCG over the top 10.
    pub ndcg_at_10: f64,
    /// Capped recall over the top 10.
    pub recall_at_10: f64,
    /// Keys of the top 10, for inspection.
    pub top: Vec<String>,
}

/// Quality over the set (means of the per-query figures).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Eval {
    /// Mean nDCG@10.
    pub ndcg_at_10: f64,
    /// Mean capped recall@10.
    pub recall_at_10: f64,
    /// Per query.
    pub per_query: Vec<QueryEval>,
}

fn gain(grade: u8) -> f64 {
    f64::from((1u32 << grade.min(8)) - 1)
}

fn discount(rank: usize) -> f64 {
    1.0 / ((rank + 2) as f64).log2()
}

/// nDCG@k of a ranking against graded judgements.
pub fn ndcg(ranked: &[String], relevant: &BTreeMap<String, u8>, k: usize) -> f64 {
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, key)| gain(relevant.get(key).copied().unwrap_or(0)) * discount(i))
        .sum();
    let mut ideal: Vec<u8> = relevant.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, g)| gain(*g) * discount(i))
        .sum();
    if idcg == 0.0 { 0.0 } else { dcg / idcg }
}

/// Runs every judged query (anonymous viewer, relevance order) and scores the top 10.
pub fn evaluate(index: &SearchIndex, judged: &Judged) -> Result<Eval, SearchError> {
    let mut per_query = Vec::with_capacity(judged.queries.len());
    for jq in &judged.queries {
        let results = index.search(&SearchQuery {
            q: jq.q.clone(),
            lang: jq.lang.clone(),
            limit: 10,
            ..SearchQuery::default()
        })?;
        let top: Vec<String> = results
            .hits
            .iter()
            .map(|h| doc_key(&h.kind, &h.id))
            .collect();
        let found = top.iter().filter(|k| jq.relevant.contains_key(*k)).count();
        let possible = jq.relevant.len().min(10);
        per_query.push(QueryEval {
            q: jq.q.clone(),
            ndcg_at_10: ndcg(&top, &jq.relevant, 10),
            recall_at_10: if possible == 0 {
                0.0
            } else {
                found as f64 / possible as f64
            },
            top,
        });
    }
    let n = per_query.len().max(1) as f64;
    Ok(Eval {
        ndcg_at_10: per_query.iter().map(|q| q.ndcg_at_10).sum::<f64>() / n,
        recall_at_10: per_query.iter().map(|q| q.recall_at_10).sum::<f64>() / n,
        per_query,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ndcg_is_one_for_the_ideal_order_and_less_otherwise() {
        let rel: BTreeMap<String, u8> = [("a".to_owned(), 2), ("b".to_owned(), 1)].into();
        let ideal = ["a".to_owned(), "b".to_owned()];
        assert!((ndcg(&ideal, &rel, 10) - 1.0).abs() < 1e-9);
        let swapped = ["b".to_owned(), "a".to_owned()];
        assert!(ndcg(&swapped, &rel, 10) < 1.0);
        assert_eq!(ndcg(&["x".to_owned()], &rel, 10), 0.0);
    }
}
