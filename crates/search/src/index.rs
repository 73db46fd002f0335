//! [`SearchIndex`]: the tantivy index with its analyzers, compound lexicons and glossary;
//! writing (upsert, delete, commit, rebuild) and the conversion of [`SearchDoc`]s.
//!
//! One writer per index, behind a mutex, so callers can share the index (`Arc`) between a
//! change-log follower that writes and request handlers that search. Readers are reloaded
//! right after each commit: a committed change is searchable at once.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

use gcm_compact::{Compact, CompactError, Lang};
use tantivy::directory::MmapDirectory;
use tantivy::schema::{Field, Value};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::analysis::Analyzers;
use crate::doc::{SearchDoc, doc_key};
use crate::glossary::{Glossary, compact_text};
use crate::lang::{detect_language, normalise_lang};
use crate::schema::{Fields, facet_value};
use crate::thesaurus::Thesaurus;

/// Memory for the writer's indexing threads (tantivy wants at least 15 MB per thread).
const WRITER_MEMORY_PER_THREAD: usize = 48_000_000;
/// Documents per batch in [`SearchIndex::rebuild`] between progress reports.
const REBUILD_BATCH: usize = 1_000;
/// Language facet value of texts whose language could not be told.
pub const UNDETERMINED: &str = "und";

/// Errors of the index (never of a user's query: those give notices).
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// tantivy failed (disk, corrupt index).
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// Reading or writing the index directory failed.
    #[error("search index directory: {0}")]
    Io(#[from] std::io::Error),
    /// The shipped Compact could not be loaded.
    #[error(transparent)]
    Compact(#[from] CompactError),
    /// Data shipped with the crate (fixture, judged set, thesaurus) could not be read.
    #[error("shipped data: {0}")]
    Fixture(String),
    /// The directory could not be opened as an index.
    #[error("search index directory {path}: {message}")]
    Directory {
        /// The directory.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// The search index.
pub struct SearchIndex {
    pub(crate) reader: IndexReader,
    writer: Mutex<IndexWriter>,
    pub(crate) fields: Fields,
    pub(crate) analyzers: Analyzers,
    pub(crate) glossary: Glossary,
    pub(crate) thesaurus: Thesaurus,
    dir: Option<PathBuf>,
    lexicon_dirty: AtomicBool,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("dir", &self.dir)
            .field("docs", &self.num_docs())
            .finish()
    }
}

fn lexicon_file(dir: &Path, lang: &str) -> PathBuf {
    dir.join(format!("lexicon-{lang}.txt"))
}

impl SearchIndex {
    /// An index held in memory (tests, benchmarks, small instances).
    pub fn in_memory() -> Result<SearchIndex, SearchError> {
        let compact = Compact::load_shipped()?;
        let fields = Fields::build();
        let index = Index::create_in_ram(fields.schema.clone());
        // One indexing thread: a batch lands in one segment in input order, so equal
        // scores tie-break the same way on every run (the evaluation relies on it).
        SearchIndex::with_index(index, fields, &compact, None, 1)
    }

    /// Opens the index in `dir`, creating it if absent. An index written with another
    /// schema (an older gcm-hub) is replaced by an empty one: the index is derived data, and
    /// [`SearchIndex::num_docs`] being 0 tells the caller to [`SearchIndex::rebuild`].
    pub fn open(dir: &Path) -> Result<SearchIndex, SearchError> {
        SearchIndex::open_with(dir, &Compact::load_shipped()?)
    }

    /// As [`SearchIndex::open`], with the Compact the caller already holds (a server loads it
    /// once at start).
    pub fn open_with(dir: &Path, compact: &Compact) -> Result<SearchIndex, SearchError> {
        std::fs::create_dir_all(dir)?;
        let fields = Fields::build();
        let directory = |dir: &Path| {
            MmapDirectory::open(dir).map_err(|e| SearchError::Directory {
                path: dir.to_owned(),
                message: e.to_string(),
            })
        };
        let create = |dir: &Path| -> Result<Index, SearchError> {
            Ok(Index::create(
                directory(dir)?,
                fields.schema.clone(),
                Default::default(),
            )?)
        };
        let index = if dir.join("meta.json").exists() {
            let index = Index::open(directory(dir)?)?;
            if index.schema() == fields.schema {
                index
            } else {
                // Written by another version: start over in a clean directory.
                drop(index);
                std::fs::remove_dir_all(dir)?;
                std::fs::create_dir_all(dir)?;
                create(dir)?
            }
        } else {
            create(dir)?
        };
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 2);
        SearchIndex::with_index(index, fields, compact, Some(dir.to_owned()), threads)
    }

    fn with_index(
        index: Index,
        fields: Fields,
        compact: &Compact,
        dir: Option<PathBuf>,
        threads: usize,
    ) -> Result<SearchIndex, SearchError> {
        let analyzers = Analyzers::new();
        analyzers.learn("nb", &compact_text(compact, Lang::Nb));
        analyzers.learn("nl", &compact_text(compact, Lang::Nl));
        // Before the glossary: the compound splitter learns the thesaurus's words.
        let thesaurus = Thesaurus::shipped(&analyzers)?;
        // The glossary sees the Compact's words only, so it does not depend on the corpus.
        let glossary = Glossary::build(compact, &analyzers);
        if let Some(dir) = &dir {
            for lang in ["nb", "nl"] {
                match std::fs::read_to_string(lexicon_file(dir, lang)) {
                    Ok(words) => analyzers.learn(lang, &words),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(e.into()),
                }
            }
        }
        analyzers.register(index.tokenizers());
        let writer = index.writer_with_num_threads(threads, threads * WRITER_MEMORY_PER_THREAD)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            reader,
            writer: Mutex::new(writer),
            fields,
            analyzers,
            glossary,
            thesaurus,
            dir,
            lexicon_dirty: AtomicBool::new(false),
        })
    }

    fn writer(&self) -> MutexGuard<'_, IndexWriter> {
        // A panic while holding the writer leaves it usable: uncommitted work is simply
        // lost or committed later, both of which the change-log follower tolerates.
        self.writer.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The glossary used to expand queries.
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    /// The analyzers (for callers that want to show how a word is analysed).
    pub fn analyzers(&self) -> &Analyzers {
        &self.analyzers
    }

    /// Number of documents searchable now.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Adds or replaces documents (by `kind` + `id`). Visible after [`SearchIndex::commit`].
    /// Returns how many were written.
    pub fn upsert<I: IntoIterator<Item = SearchDoc>>(&self, docs: I) -> Result<usize, SearchError> {
        let docs: Vec<SearchDoc> = docs.into_iter().collect();
        // Learn the batch's words first, so a compound and its parts arriving together in
        // one batch are split already.
        let langs: Vec<String> = docs.iter().map(|d| self.doc_lang(d)).collect();
        for (doc, lang) in docs.iter().zip(&langs) {
            if self.analyzers.lexicon(lang).is_some() {
                self.analyzers.learn(lang, &doc.title);
                if let Some(s) = &doc.summary {
                    self.analyzers.learn(lang, s);
                }
                self.analyzers.learn(lang, &doc.body);
                self.lexicon_dirty.store(true, Ordering::Relaxed);
            }
        }
        let writer = self.writer();
        for (doc, lang) in docs.iter().zip(&langs) {
            writer.delete_term(Term::from_field_text(self.fields.key, &doc.key()));
            writer.add_document(self.to_document(doc, lang))?;
        }
        Ok(docs.len())
    }

    /// Removes a document. Visible after [`SearchIndex::commit`].
    pub fn delete(&self, kind: &str, id: &str) {
        self.writer()
            .delete_term(Term::from_field_text(self.fields.key, &doc_key(kind, id)));
    }

    /// Makes all writes searchable, and saves the learnt compound lexicons next to an
    /// index on disk.
    pub fn commit(&self) -> Result<(), SearchError> {
        self.writer().commit()?;
        self.reader.reload()?;
        if let Some(dir) = &self.dir
            && self.lexicon_dirty.swap(false, Ordering::Relaxed)
        {
            for lang in ["nb", "nl"] {
                if let Some(lex) = self.analyzers.lexicon(lang) {
                    let mut words: Vec<String> = lex
                        .read()
                        .unwrap_or_else(|e| e.into_inner())
                        .words()
                        .map(str::to_owned)
                        .collect();
                    words.sort();
                    let tmp = lexicon_file(dir, &format!("{lang}.tmp"));
                    std::fs::write(&tmp, words.join("\n"))?;
                    std::fs::rename(&tmp, lexicon_file(dir, lang))?;
                }
            }
        }
        Ok(())
    }

    /// Replaces the whole content with `docs` in one commit (readers see the old content
    /// until it is done). `progress` is called with the number written so far after every
    /// batch. Returns the number of documents.
    pub fn rebuild<I, F>(&self, docs: I, mut progress: F) -> Result<usize, SearchError>
    where
        I: IntoIterator<Item = SearchDoc>,
        F: FnMut(usize),
    {
        self.writer().delete_all_documents()?;
        let mut done = 0;
        let mut batch = Vec::with_capacity(REBUILD_BATCH);
        for doc in docs {
            batch.push(doc);
            if batch.len() == REBUILD_BATCH {
                done += self.upsert(std::mem::take(&mut batch))?;
                progress(done);
            }
        }
        done += self.upsert(batch)?;
        progress(done);
        self.commit()?;
        Ok(done)
    }

    /// The language a document is indexed in: its own tag, else detected, else
    /// [`UNDETERMINED`] (analysed as English).
    pub(crate) fn doc_lang(&self, doc: &SearchDoc) -> String {
        if let Some(l) = doc.lang.as_deref().and_then(normalise_lang) {
            return l.to_owned();
        }
        let sample: String = [
            doc.title.as_str(),
            doc.summary.as_deref().unwrap_or(""),
            &doc.body,
        ]
        .join(" ")
        .chars()
        .take(4_000)
        .collect();
        detect_language(&sample).unwrap_or(UNDETERMINED).to_owned()
    }

    fn to_document(&self, d: &SearchDoc, lang: &str) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.key, d.key());
        doc.add_text(f.kind, &d.kind);
        doc.add_text(f.id, &d.id);
        doc.add_text(f.title, &d.title);
        doc.add_text(f.title_sort, sort_key(&d.title));
        let body = match &d.summary {
            Some(s) if !s.is_empty() => format!("{s}\n\n{}", d.body),
            _ => d.body.clone(),
        };
        let text_lang = if lang == UNDETERMINED { "en" } else { lang };
        if let Some((t, b)) = f.text_of(text_lang) {
            doc.add_text(t, &d.title);
            doc.add_text(b, &body);
        }
        doc.add_text(f.all, &d.title);
        doc.add_text(f.all, &body);
        let mut facet = |name: &str, field: Option<Field>, value: &str| {
            if let Some(field) = field {
                doc.add_text(field, value);
            }
            doc.add_text(f.facet, facet_value(name, value));
        };
        facet("kind", None, &d.kind);
        for p in &d.principles {
            facet("principle", Some(f.principle), p);
        }
        for c in &d.countries {
            facet("country", Some(f.country), &c.to_ascii_uppercase());
        }
        for r in &d.regions {
            facet("region", Some(f.region), r);
        }
        for t in &d.themes {
            facet("theme", Some(f.theme), t);
        }
        facet("lang", Some(f.lang), lang);
        if let Some(k) = &d.org_kind {
            facet("org_kind", Some(f.org_kind), k);
        }
        for o in &d.objectives {
            doc.add_u64(f.objective, u64::from(*o));
            doc.add_text(f.facet, facet_value("objective", &o.to_string()));
        }
        if let Some(y) = d.year {
            doc.add_i64(f.year, y);
            doc.add_text(f.facet, facet_value("year", &y.to_string()));
        }
        doc.add_text(f.url, &d.url);
        for t in d.visibility.tokens() {
            doc.add_text(f.visibility, t);
        }
        doc
    }
}

/// Lower-case, accent-free start of a title, for alphabetical order.
fn sort_key(title: &str) -> String {
    let tokens = Analyzers::new_neutral_tokens(title);
    let mut key = tokens.join(" ");
    key.truncate(key.char_indices().nth(64).map_or(key.len(), |(i, _)| i));
    key
}

/// Reads the first text value of `field` in a stored document.
pub(crate) fn stored_text(doc: &TantivyDocument, field: tantivy::schema::Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_owned()
}

/// Reads every text value of `field` in a stored document.
pub(crate) fn stored_texts(doc: &TantivyDocument, field: tantivy::schema::Field) -> Vec<String> {
    doc.get_all(field)
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}
