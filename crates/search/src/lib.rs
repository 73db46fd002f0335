//! gcm-search: the embedded full-text search engine of gcm-hub (issue 6), a library with no
//! database dependency. The web layer and a change-log follower feed it [`SearchDoc`]s and
//! ask it [`SearchQuery`]s; it answers in five languages (en, fr, es, nb, nl), across
//! languages through a glossary built from the Compact, with facets, snippets, reasons and
//! per-viewer visibility.
//!
//! Modules:
//! - [`doc`](mod@doc): what goes in ([`SearchDoc`], [`Visibility`], [`Viewer`]).
//! - [`query`](mod@query): what is asked and answered ([`SearchQuery`], [`SearchResults`]).
//! - [`parse`](mod@parse): the search-box syntax and its [`Notice`]s.
//! - [`lang`](mod@lang): the five languages and [`detect_language`].
//! - [`analysis`](mod@analysis): the analyzers per language.
//! - [`decompound`](mod@decompound): splitting nb/nl compounds.
//! - [`glossary`](mod@glossary): objective and principle names across languages.
//! - [`thesaurus`](mod@thesaurus): everyday domain words across languages.
//! - [`schema`](mod@schema): the index fields.
//! - [`index`](mod@index): [`SearchIndex`] and writing to it.
//! - `search`, `similar`: reading from it ([`SearchIndex::search`], [`SearchIndex::similar`]).
//! - [`facets`](mod@facets), [`snippet`](mod@snippet): facet counts and highlighting.
//! - [`fixture`](mod@fixture): the Compact and the seed corpus as documents.
//! - [`eval`](mod@eval): judged queries and nDCG/recall ([`evaluate`]).
//! - [`corpus`](mod@corpus): a deterministic synthetic corpus of any size for benchmarks.

pub mod analysis;
pub mod corpus;
pub mod decompound;
pub mod doc;
pub mod eval;
pub mod facets;
pub mod fixture;
pub mod glossary;
pub mod index;
pub mod lang;
pub mod parse;
pub mod query;
pub mod schema;
mod search;
mod similar;
pub mod snippet;
pub mod thesaurus;

pub use doc::{SearchDoc, Viewer, Visibility, doc_key};
pub use eval::{Eval, Judged, JudgedQuery, QueryEval, evaluate};
pub use glossary::{Glossary, GlossaryTarget};
pub use index::{SearchError, SearchIndex};
pub use lang::{LANGS, detect_language};
pub use parse::Notice;
pub use query::{Hit, MatchReason, SearchQuery, SearchResults, Sort};
pub use similar::{SimilarHit, SimilarResults};

#[cfg(test)]
mod tests;
