//! The fixture corpus: the Compact's 23 objectives and their actions as documents in en,
//! nb and nl, plus the seed practices and GFMD recommendations (`data/practices/`). Used by
//! the evaluation, the tests and as the source of the synthetic benchmark corpus.
//!
//! Keys: `compact:gcm:obj:20@nb` (objective), `compact:gcm:obj:20:a@nb` (action),
//! `practice:gfmd-2017:4.2:1`, `recommendation:gfmd-2017:1.1:policy:1`.

use gcm_compact::seeds::SeedCorpus;
use gcm_compact::{Compact, Lang, Ref};

use crate::doc::{SearchDoc, Visibility};
use crate::index::SearchError;

/// The Compact's objectives and actions in en, nb and nl.
pub fn compact_docs(compact: &Compact) -> Vec<SearchDoc> {
    let mut out = Vec::new();
    let en = compact.english();
    for o in &compact.structure().objectives {
        let n = o.number;
        let obj = Ref::objective(n);
        let en_title = en.objective(n).map(|x| x.title.clone()).unwrap_or_default();
        let mut base = |lang: &str, title: String, body: String, r: Ref| {
            out.push(SearchDoc {
                kind: "compact".to_owned(),
                id: format!("{r}@{lang}"),
                title,
                body,
                lang: Some(lang.to_owned()),
                objectives: vec![n],
                url: format!("/{lang}/compact/objectives/{n}"),
                visibility: Visibility::Public,
                ..SearchDoc::default()
            });
        };
        if let Some(x) = en.objective(n) {
            base("en", x.title.clone(), x.summary.clone(), obj);
        }
        for (lang, l) in [("nb", Lang::Nb), ("nl", Lang::Nl)] {
            if let (Some(t), Some(c)) = (compact.objective_title(n, l), compact.commitment(n, l)) {
                base(lang, t.to_owned(), c.to_owned(), obj);
            }
        }
        for a in &o.actions {
            let r = Ref::action(n, a.letter);
            if let Some(s) = en.summary(&r) {
                base("en", format!("{en_title} ({})", a.letter), s.to_owned(), r);
            }
            for (lang, l) in [("nb", Lang::Nb), ("nl", Lang::Nl)] {
                if let (Some(t), Some(text)) = (
                    compact.objective_title(n, l),
                    compact.action_text(n, a.letter, l),
                ) {
                    base(lang, format!("{t} ({})", a.letter), text.to_owned(), r);
                }
            }
        }
    }
    out
}

/// The seed practices and recommendations (English).
pub fn seed_docs(seeds: &SeedCorpus) -> Vec<SearchDoc> {
    let practices = seeds.practices.iter().map(|p| SearchDoc {
        kind: "practice".to_owned(),
        id: p.external_id.clone(),
        title: p.title.clone(),
        body: p.summary.clone(),
        lang: Some("en".to_owned()),
        objectives: p.objectives.clone(),
        countries: p.countries.clone(),
        regions: p.regions.clone(),
        url: format!("/en/practices/{}", p.external_id),
        ..SearchDoc::default()
    });
    let recommendations = seeds.recommendations.iter().map(|r| {
        // Recommendations have no title; their first words stand in for one.
        let title: String = r
            .text
            .split_whitespace()
            .take(10)
            .collect::<Vec<_>>()
            .join(" ");
        SearchDoc {
            kind: "recommendation".to_owned(),
            id: r.external_id.clone(),
            title,
            body: r.text.clone(),
            lang: Some("en".to_owned()),
            objectives: r.objectives.clone(),
            url: format!("/en/recommendations/{}", r.external_id),
            ..SearchDoc::default()
        }
    });
    practices.chain(recommendations).collect()
}

/// The whole fixture corpus from the shipped data.
pub fn fixture_docs() -> Result<Vec<SearchDoc>, SearchError> {
    let compact = Compact::load_shipped()?;
    let seeds = SeedCorpus::load_shipped().map_err(|e| SearchError::Fixture(e.to_string()))?;
    let mut docs = compact_docs(&compact);
    docs.extend(seed_docs(&seeds));
    Ok(docs)
}
