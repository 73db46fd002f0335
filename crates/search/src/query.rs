//! What a caller asks ([`SearchQuery`]) and gets back ([`SearchResults`]): plain data, so
//! the web layer can deserialize it from a query string and serialize it as JSON.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::doc::Viewer;
use crate::parse::Notice;

/// Largest page size served.
pub const MAX_LIMIT: usize = 100;
/// Deepest result served (offset + limit); deeper paging is for exports, not search.
pub const MAX_DEPTH: usize = 10_000;

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Best match first.
    #[default]
    Relevance,
    /// Latest year first (items without a year last).
    Newest,
    /// Alphabetical by title.
    Title,
}

/// A search. `SearchQuery::default()` lists everything public, best first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchQuery {
    /// What was typed; empty lists everything matching the filters.
    pub q: String,
    /// Interface language (en, fr, es, nb, nl): breaks ties towards texts in it.
    pub lang: String,
    /// Only these kinds (empty: all).
    pub kinds: Vec<String>,
    /// Only items tagged with this objective.
    pub objective: Option<u8>,
    /// Only items tagged with this guiding principle (slug).
    pub principle: Option<String>,
    /// Only items in this region.
    pub region: Option<String>,
    /// Only items in this country (ISO alpha-3).
    pub country: Option<String>,
    /// Only items written in this language.
    pub lang_filter: Option<String>,
    /// Only items of this year.
    pub year: Option<i64>,
    /// Only items from this kind of organisation.
    pub org_kind: Option<String>,
    /// Only items with this theme.
    pub theme: Option<String>,
    /// Order.
    pub sort: Sort,
    /// Results to skip.
    pub offset: usize,
    /// Page size, at most [`MAX_LIMIT`].
    pub limit: usize,
    /// Who is searching.
    pub viewer: Viewer,
}

impl Default for SearchQuery {
    fn default() -> Self {
        SearchQuery {
            q: String::new(),
            lang: "en".to_owned(),
            kinds: Vec::new(),
            objective: None,
            principle: None,
            region: None,
            country: None,
            lang_filter: None,
            year: None,
            org_kind: None,
            theme: None,
            sort: Sort::Relevance,
            offset: 0,
            limit: 20,
            viewer: Viewer::default(),
        }
    }
}

impl SearchQuery {
    /// A query for `q` with the defaults.
    pub fn text(q: &str) -> SearchQuery {
        SearchQuery {
            q: q.to_owned(),
            ..SearchQuery::default()
        }
    }
}

/// Why an item matched, for "matched because…" on the results page.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum MatchReason {
    /// Query words found in a text field (`title` or `body`) analysed as `lang`.
    Text {
        /// `title` or `body`.
        field: String,
        /// Language of the field.
        lang: String,
    },
    /// A query word names objective `objective` (in any language) and the item is tagged
    /// with it.
    Glossary {
        /// The query word.
        term: String,
        /// The objective it names.
        objective: u8,
    },
    /// A query word names a guiding principle the item is tagged with.
    Principle {
        /// The query word.
        term: String,
        /// Principle slug.
        principle: String,
    },
    /// A query word's translation (from the thesaurus) was found.
    Translation {
        /// The query word.
        term: String,
        /// The translation found, as written in the thesaurus.
        translation: String,
        /// Its language.
        lang: String,
    },
    /// A word close in spelling to a query word (a typo) was found.
    Fuzzy {
        /// The query word.
        term: String,
    },
    /// A word starting with the query prefix was found.
    Prefix {
        /// The prefix.
        term: String,
    },
}

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Kind of item.
    pub kind: String,
    /// Id within the kind.
    pub id: String,
    /// Title.
    pub title: String,
    /// Language of the item's text.
    pub lang: String,
    /// An extract of the text with the matched words in `<mark>`; everything else is
    /// HTML-escaped, so it can be inserted as is.
    pub snippet_html: String,
    /// Where the item lives.
    pub url: String,
    /// Relevance score (0 when sorted by another key).
    pub score: f32,
    /// Why it matched.
    pub reasons: Vec<MatchReason>,
}

/// A page of results.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SearchResults {
    /// Number of matching items visible to the viewer.
    pub total: usize,
    /// The page.
    pub hits: Vec<Hit>,
    /// Counts per facet value over all matching items: `kind`, `objective`, `principle`,
    /// `country`, `region`, `theme`, `lang`, `org_kind`, `year`. Values sorted by count,
    /// then value.
    pub facets: BTreeMap<String, Vec<(String, u64)>>,
    /// What was odd about the query, as stable codes (first one in `notice`).
    pub notices: Vec<Notice>,
    /// The first notice's code, if any.
    pub notice: Option<String>,
}
