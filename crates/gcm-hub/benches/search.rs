//! Our search engine (gcm-search, tantivy) against PostgreSQL full-text search (tsvector +
//! GIN, one regconfig per language) and SQLite FTS5, in one process, on the same generated
//! corpus and the same queries (issue 6): build rate, latency p50/p95/p99, throughput with 1
//! and 2 clients, memory and on-disk size; then nDCG@10/recall@10 of all three on the judged
//! set over the fixture corpus.
//!
//! `cargo bench --bench search` (env: `BENCH_SIZES`, default `10000,100000`; `BENCH_ROUNDS`,
//! timed rounds over the query list, default 5; `GCM_BENCH_DATABASE_URL`, default
//! `postgres://postgres@127.0.0.1:5432/postgres`, in which a database `gcm_bench_<pid>` is
//! created and dropped). When PostgreSQL is unreachable its columns are skipped, not faked.
//!
//! The queries are those of `crates/search/examples/bench.rs` (the 30 judged queries plus 10
//! with phrases, typos, prefixes and exclusions), plain: relevance order, 20 hits and the
//! total. Ours also computes facets, snippets and match reasons for the page; its API has no
//! variant without them. PostgreSQL and SQLite return ids and ranks only.

// A benchmark that cannot set itself up should fail loudly, with a message.
#![allow(clippy::expect_used)]

use std::future::Future;
use std::path::Path;
use std::str::FromStr;
use std::time::{Duration, Instant};

use gcm_search::corpus::Corpus;
use gcm_search::eval::{Judged, ndcg};
use gcm_search::{SearchDoc, SearchIndex, SearchQuery, evaluate};
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{AssertSqlSafe, Row};

const DEFAULT_PG_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";
/// Page size asked of every engine.
const PAGE: i64 = 20;

/// Extra queries of the engine bench: phrases, typos, prefixes, exclusions, other languages.
const EXTRA_QUERIES: [&str; 10] = [
    "migrant workers",
    "\"decent work\"",
    "trafficing",
    "migr*",
    "data -climate",
    "programme soutient travailleurs",
    "reconocimiento de competencias",
    "kompetanse",
    "grensbeheer",
    "women children protection services",
];

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_owned())
}

// ---------------------------------------------------------------------------------------
// Measuring

/// Latencies and throughput of one engine over the query list.
struct Measured {
    /// Single client, sorted.
    lat1: Vec<Duration>,
    /// Queries per second, one client.
    qps1: f64,
    /// Two concurrent clients, sorted.
    lat2: Vec<Duration>,
    /// Queries per second, two clients together.
    qps2: f64,
    /// Mean number of matches per query (a check that the engines did comparable work).
    mean_total: f64,
    /// The slowest queries by their median single-client latency, slowest first.
    slowest: Vec<(String, Duration)>,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Client `c` of two starts half-way through the list, so the clients do not ask the same
/// query at the same moment.
fn rotated(queries: &[String], c: usize) -> impl Iterator<Item = &String> {
    let start = c * queries.len() / 2;
    queries.iter().cycle().skip(start).take(queries.len())
}

/// Median latency per query from single-client latencies taken round after round over
/// `queries`, the `n` slowest first.
fn slowest(queries: &[String], lat: &[Duration], n: usize) -> Vec<(String, Duration)> {
    let mut per_query: Vec<(String, Duration)> = queries
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let mut times: Vec<Duration> =
                lat.iter().skip(i).step_by(queries.len()).copied().collect();
            times.sort();
            (q.clone(), percentile(&times, 0.5))
        })
        .collect();
    per_query.sort_by_key(|q| std::cmp::Reverse(q.1));
    per_query.truncate(n);
    per_query
}

/// Runs `run` (returns the total matches) on every query: a warm-up, `rounds` timed rounds
/// with one client, then `rounds` with two threads.
fn measure_sync(queries: &[String], rounds: usize, run: impl Fn(&str) -> u64 + Sync) -> Measured {
    let mut totals = 0u64;
    for q in queries {
        totals += run(q);
    }
    let mut lat1 = Vec::with_capacity(queries.len() * rounds);
    let start = Instant::now();
    for _ in 0..rounds {
        for q in queries {
            let t = Instant::now();
            std::hint::black_box(run(q));
            lat1.push(t.elapsed());
        }
    }
    let qps1 = lat1.len() as f64 / start.elapsed().as_secs_f64();
    let start = Instant::now();
    let mut lat2: Vec<Duration> = std::thread::scope(|s| {
        let run = &run;
        let clients: Vec<_> = (0..2)
            .map(|c| {
                s.spawn(move || {
                    let mut lat = Vec::new();
                    for _ in 0..rounds {
                        for q in rotated(queries, c) {
                            let t = Instant::now();
                            std::hint::black_box(run(q));
                            lat.push(t.elapsed());
                        }
                    }
                    lat
                })
            })
            .collect();
        clients
            .into_iter()
            .flat_map(|h| h.join().expect("bench client thread"))
            .collect()
    });
    let qps2 = lat2.len() as f64 / start.elapsed().as_secs_f64();
    let slowest = slowest(queries, &lat1, 3);
    lat1.sort();
    lat2.sort();
    Measured {
        lat1,
        qps1,
        lat2,
        qps2,
        mean_total: totals as f64 / queries.len().max(1) as f64,
        slowest,
    }
}

/// [`measure_sync`] for engines behind a connection pool of (at least) two connections.
async fn measure_async<F, Fut>(queries: &[String], rounds: usize, run: F) -> Measured
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = u64>,
{
    let client = |c: usize, rounds: usize| {
        let run = &run;
        async move {
            let mut lat = Vec::new();
            let mut totals = 0;
            for _ in 0..rounds {
                for q in rotated(queries, c) {
                    let t = Instant::now();
                    totals += run(q.clone()).await;
                    lat.push(t.elapsed());
                }
            }
            (lat, totals)
        }
    };
    // Warm-up on both connections (each prepares its statements once).
    let ((_, totals), _) = tokio::join!(client(0, 1), client(1, 1));
    let start = Instant::now();
    let (mut lat1, _) = client(0, rounds).await;
    let qps1 = lat1.len() as f64 / start.elapsed().as_secs_f64();
    let start = Instant::now();
    let ((mut lat2, _), (b, _)) = tokio::join!(client(0, rounds), client(1, rounds));
    lat2.extend(b);
    let qps2 = lat2.len() as f64 / start.elapsed().as_secs_f64();
    let slowest = slowest(queries, &lat1, 3);
    lat1.sort();
    lat2.sort();
    Measured {
        lat1,
        qps1,
        lat2,
        qps2,
        mean_total: totals as f64 / queries.len().max(1) as f64,
        slowest,
    }
}

// ---------------------------------------------------------------------------------------
// Memory and disk

/// `VmHWM` and `VmRSS` (bytes) of a process (`self` or a pid).
fn memory(pid: &str) -> (Option<u64>, Option<u64>) {
    let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) else {
        return (None, None);
    };
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .map(|kb| kb * 1024)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

/// Resets this process's peak RSS to its current RSS (Linux ≥ 4.0), so the peak read after a
/// build is that build's.
fn reset_peak() {
    // Without it the peak is the process's since start, which is reported as such.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .map(|m| if m.is_dir() { 0 } else { m.len() })
                .sum()
        })
        .unwrap_or(0)
}

/// Build figures of one engine at one size.
struct Built {
    secs: f64,
    docs: usize,
    disk: u64,
    /// Peak RSS of the process doing the work (ours and SQLite: this one; PostgreSQL: the
    /// backend that loaded and indexed, including the shared buffers it touched).
    peak: Option<u64>,
    /// RSS right after the build.
    rss: Option<u64>,
    /// How the time splits, for the notes.
    detail: String,
}

fn mb(b: u64) -> f64 {
    b as f64 / 1e6
}

fn opt_mb(b: Option<u64>) -> String {
    b.map(|b| format!("{:.0}", mb(b)))
        .unwrap_or_else(|| "n/a".to_owned())
}

/// Summary and body as one text, as the engines below index them.
fn body_of(d: &SearchDoc) -> String {
    match &d.summary {
        Some(s) => format!("{s} {}", d.body),
        None => d.body.clone(),
    }
}

// ---------------------------------------------------------------------------------------
// PostgreSQL full-text search

/// The configuration of each of our languages.
const PG_CONFIG_OF_LANG: &str = "CASE lang WHEN 'fr' THEN 'french'::regconfig \
    WHEN 'es' THEN 'spanish'::regconfig WHEN 'nb' THEN 'norwegian'::regconfig \
    WHEN 'nl' THEN 'dutch'::regconfig ELSE 'english'::regconfig END";

/// A query's language is unknown: OR its reading in every configuration. One statement gives
/// the page and, through the window, the number of matches.
const PG_SEARCH: &str = "SELECT d.id, ts_rank_cd(d.tsv, q.q) AS rank, count(*) OVER () AS total \
    FROM docs d, (SELECT websearch_to_tsquery('english', $1) || websearch_to_tsquery('french', $1) \
    || websearch_to_tsquery('spanish', $1) || websearch_to_tsquery('norwegian', $1) \
    || websearch_to_tsquery('dutch', $1) AS q) q \
    WHERE d.tsv @@ q.q ORDER BY rank DESC, d.id LIMIT $2";

/// A database of our own, dropped when this goes (also when the bench panics).
struct PgBench {
    admin_url: String,
    name: String,
    pool: PgPool,
    version: String,
}

impl PgBench {
    async fn connect(admin_url: &str) -> Result<PgBench, sqlx::Error> {
        let admin_opts = PgConnectOptions::from_str(admin_url)?;
        let admin = PgPoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(admin_opts.clone())
            .await?;
        let name = format!("gcm_bench_{}", std::process::id());
        sqlx::query(AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name}")))
            .execute(&admin)
            .await?;
        sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&admin)
            .await?;
        let version: String = sqlx::query_scalar("SHOW server_version")
            .fetch_one(&admin)
            .await?;
        admin.close().await;
        let pool = PgPoolOptions::new()
            .max_connections(2)
            .min_connections(2)
            .connect_with(admin_opts.database(&name))
            .await?;
        Ok(PgBench {
            admin_url: admin_url.to_owned(),
            name,
            pool,
            version,
        })
    }

    /// Creates `docs`, COPYs the documents in (tsvector computed per row by the generated
    /// column), builds the GIN index and analyses, on a fresh connection.
    async fn load(&self, docs: impl Iterator<Item = SearchDoc>) -> Built {
        let opts = self.pool.connect_options().as_ref().clone();
        let mut conn = sqlx::ConnectOptions::connect(&opts)
            .await
            .expect("PostgreSQL load connection");
        let backend: i32 = sqlx::query_scalar("SELECT pg_backend_pid()")
            .fetch_one(&mut conn)
            .await
            .expect("backend pid");
        for sql in [
            "DROP TABLE IF EXISTS docs".to_owned(),
            // A GIN build over 100k documents wants more than the default 64 MB.
            "SET maintenance_work_mem = '256MB'".to_owned(),
            format!(
                "CREATE TABLE docs (id bigint PRIMARY KEY, lang text NOT NULL, \
                 title text NOT NULL, body text NOT NULL, tsv tsvector GENERATED ALWAYS AS \
                 (setweight(to_tsvector({PG_CONFIG_OF_LANG}, title), 'A') || \
                 setweight(to_tsvector({PG_CONFIG_OF_LANG}, body), 'B')) STORED)"
            ),
        ] {
            sqlx::query(AssertSqlSafe(sql))
                .execute(&mut conn)
                .await
                .expect("create the docs table");
        }
        let csv = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let start = Instant::now();
        let mut copy = conn
            .copy_in_raw("COPY docs (id, lang, title, body) FROM STDIN WITH (FORMAT csv)")
            .await
            .expect("COPY docs");
        let mut n = 0usize;
        let mut buf = String::new();
        for d in docs {
            buf.push_str(&format!(
                "{n},{},{},{}\n",
                csv(d.lang.as_deref().unwrap_or("en")),
                csv(&d.title),
                csv(&body_of(&d))
            ));
            n += 1;
            if buf.len() > 1 << 20 {
                copy.send(std::mem::take(&mut buf).into_bytes())
                    .await
                    .expect("COPY data");
            }
        }
        copy.send(buf.into_bytes()).await.expect("COPY data");
        copy.finish().await.expect("COPY end");
        let copied = start.elapsed();
        sqlx::query("CREATE INDEX docs_tsv ON docs USING gin (tsv)")
            .execute(&mut conn)
            .await
            .expect("GIN index");
        let indexed = start.elapsed();
        sqlx::query("ANALYZE docs")
            .execute(&mut conn)
            .await
            .expect("ANALYZE");
        let secs = start.elapsed().as_secs_f64();
        let disk: i64 = sqlx::query_scalar("SELECT pg_total_relation_size('docs')")
            .fetch_one(&mut conn)
            .await
            .expect("relation size");
        let (peak, rss) = memory(&backend.to_string());
        drop(conn);
        Built {
            secs,
            docs: n,
            disk: disk.max(0) as u64,
            peak,
            rss,
            detail: format!(
                "COPY+tsvector {:.1} s, GIN {:.1} s, ANALYZE {:.1} s",
                copied.as_secs_f64(),
                (indexed - copied).as_secs_f64(),
                secs - indexed.as_secs_f64()
            ),
        }
    }

    /// Ids (in load order) of the top `limit` and the number of matches.
    async fn search(pool: &PgPool, q: &str, limit: i64) -> (Vec<i64>, u64) {
        let rows = sqlx::query(PG_SEARCH)
            .bind(q)
            .bind(limit)
            .fetch_all(pool)
            .await
            .expect("PostgreSQL search");
        let total = rows.first().map(|r| r.get::<i64, _>("total")).unwrap_or(0);
        (
            rows.iter().map(|r| r.get::<i64, _>("id")).collect(),
            total.max(0) as u64,
        )
    }
}

impl Drop for PgBench {
    fn drop(&mut self) {
        let (admin_url, name) = (self.admin_url.clone(), self.name.clone());
        let pool = self.pool.clone();
        // Drop may run inside the runtime: clean up on a thread with a runtime of its own.
        let done = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async {
                pool.close().await;
                match PgPoolOptions::new()
                    .max_connections(1)
                    .connect(&admin_url)
                    .await
                {
                    Ok(admin) => {
                        let dropped = sqlx::query(AssertSqlSafe(format!(
                            "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                        )))
                        .execute(&admin)
                        .await;
                        if let Err(e) = dropped {
                            eprintln!("could not drop database {name}: {e}");
                        }
                        admin.close().await;
                    }
                    Err(e) => eprintln!("could not drop database {name}: {e}"),
                }
            });
        })
        .join();
        if done.is_err() {
            eprintln!("could not drop database {}", self.name);
        }
    }
}

// ---------------------------------------------------------------------------------------
// SQLite FTS5

/// The words of a query, each quoted (a trailing `*` kept as a prefix), OR-ed. Words with no
/// letter or digit are left out; `None` when nothing is left.
fn fts5_query(q: &str) -> Option<String> {
    let words: Vec<String> = q
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| {
            let (word, prefix) = match w.strip_suffix('*') {
                Some(stem) => (stem, "*"),
                None => (w, ""),
            };
            format!("\"{}\"{prefix}", word.replace('"', "\"\""))
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" OR "))
}

/// Title weighs 2.5 times the body, as PostgreSQL's default weights for A and B do. FTS5
/// refuses `bm25()` beside a window function, so the total is a scalar subquery (run once).
const SQLITE_SEARCH: &str = "SELECT rowid, bm25(docs, 2.5, 1.0) AS rank, \
    (SELECT count(*) FROM docs WHERE docs MATCH ?1) AS total \
    FROM docs WHERE docs MATCH ?1 ORDER BY rank, rowid LIMIT ?2";

struct SqliteBench {
    pool: SqlitePool,
    path: std::path::PathBuf,
}

impl SqliteBench {
    async fn create(dir: &Path) -> SqliteBench {
        let path = dir.join("fts5.db");
        let opts = SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal);
        let pool = SqlitePoolOptions::new()
            .max_connections(2)
            .connect_with(opts)
            .await
            .expect("SQLite database");
        SqliteBench { pool, path }
    }

    /// Creates `docs` and inserts the documents in one transaction, then merges the index.
    async fn load(&self, docs: impl Iterator<Item = SearchDoc>) -> Built {
        reset_peak();
        let start = Instant::now();
        let mut tx = self.pool.begin().await.expect("SQLite transaction");
        sqlx::query("DROP TABLE IF EXISTS docs")
            .execute(&mut *tx)
            .await
            .expect("drop docs");
        sqlx::query(
            "CREATE VIRTUAL TABLE docs USING fts5(title, body, \
             tokenize = 'unicode61 remove_diacritics 2')",
        )
        .execute(&mut *tx)
        .await
        .expect("create the FTS5 table");
        let mut n = 0i64;
        let mut batch: Vec<(i64, String, String)> = Vec::with_capacity(500);
        let mut docs = docs.peekable();
        while docs.peek().is_some() {
            batch.clear();
            batch.extend(docs.by_ref().take(500).map(|d| {
                n += 1;
                (n, d.title.clone(), body_of(&d))
            }));
            let mut insert = sqlx::QueryBuilder::new("INSERT INTO docs (rowid, title, body) ");
            insert.push_values(&batch, |mut row, (id, title, body)| {
                row.push_bind(*id).push_bind(title).push_bind(body);
            });
            insert
                .build()
                .execute(&mut *tx)
                .await
                .expect("insert into FTS5");
        }
        sqlx::query("INSERT INTO docs (docs) VALUES ('optimize')")
            .execute(&mut *tx)
            .await
            .expect("FTS5 optimize");
        tx.commit().await.expect("SQLite commit");
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.pool)
            .await
            .expect("checkpoint");
        let secs = start.elapsed().as_secs_f64();
        let (peak, rss) = memory("self");
        let disk = ["", "-wal"]
            .iter()
            .filter_map(|s| {
                std::fs::metadata(format!("{}{s}", self.path.display()))
                    .ok()
                    .map(|m| m.len())
            })
            .sum();
        Built {
            secs,
            docs: n as usize,
            disk,
            peak,
            rss,
            detail: "one transaction, 500-row INSERTs, then 'optimize'".to_owned(),
        }
    }

    /// Rowids − 1 (load order) of the top `limit` and the number of matches.
    async fn search(pool: &SqlitePool, q: &str, limit: i64) -> (Vec<i64>, u64) {
        let Some(expr) = fts5_query(q) else {
            return (Vec::new(), 0);
        };
        let rows = sqlx::query(SQLITE_SEARCH)
            .bind(expr)
            .bind(limit)
            .fetch_all(pool)
            .await
            .expect("SQLite search");
        let total = rows.first().map(|r| r.get::<i64, _>("total")).unwrap_or(0);
        (
            rows.iter().map(|r| r.get::<i64, _>("rowid") - 1).collect(),
            total.max(0) as u64,
        )
    }
}

// ---------------------------------------------------------------------------------------
// Ours

fn build_ours(dir: &Path, docs: impl Iterator<Item = SearchDoc>) -> (SearchIndex, Built) {
    reset_peak();
    let index = SearchIndex::open(dir).expect("open the search index");
    let start = Instant::now();
    let n = index
        .rebuild(docs, |_| {})
        .expect("rebuild the search index");
    let secs = start.elapsed().as_secs_f64();
    let (peak, rss) = memory("self");
    let built = Built {
        secs,
        docs: n,
        disk: dir_size(dir),
        peak,
        rss,
        detail: "rebuild on disk, 2 indexing threads".to_owned(),
    };
    (index, built)
}

fn search_ours(index: &SearchIndex, q: &str) -> u64 {
    let r = index
        .search(&SearchQuery::text(q))
        .expect("gcm-search search");
    r.total as u64
}

// ---------------------------------------------------------------------------------------
// Relevance

/// nDCG@10 and capped recall@10 of a ranking, as `gcm_search::eval` computes them.
fn score(top: &[String], relevant: &std::collections::BTreeMap<String, u8>) -> (f64, f64) {
    let found = top.iter().filter(|k| relevant.contains_key(*k)).count();
    let possible = relevant.len().min(10);
    let recall = if possible == 0 {
        0.0
    } else {
        found as f64 / possible as f64
    };
    (ndcg(top, relevant, 10), recall)
}

/// Per judged query: (query, [(nDCG, recall)] for ours, PostgreSQL, SQLite).
type Relevance = Vec<(String, Vec<Option<(f64, f64)>>)>;

async fn relevance(pg: Option<&PgBench>, sqlite: &SqliteBench) -> Relevance {
    let judged = Judged::shipped().expect("judged queries");
    let docs = gcm_search::fixture::fixture_docs().expect("fixture documents");
    let keys: Vec<String> = docs.iter().map(SearchDoc::key).collect();
    let key_of = |ids: Vec<i64>| -> Vec<String> {
        ids.into_iter()
            .take(10)
            .filter_map(|i| keys.get(usize::try_from(i).ok()?).cloned())
            .collect()
    };

    let index = SearchIndex::in_memory().expect("in-memory index");
    index.upsert(docs.clone()).expect("index the fixture");
    index.commit().expect("commit the fixture");
    let ours = evaluate(&index, &judged).expect("evaluate ours");

    if let Some(pg) = pg {
        pg.load(docs.clone().into_iter()).await;
    }
    sqlite.load(docs.into_iter()).await;

    let mut out = Vec::new();
    for (jq, ev) in judged.queries.iter().zip(&ours.per_query) {
        let mut row = vec![Some((ev.ndcg_at_10, ev.recall_at_10))];
        row.push(match pg {
            Some(pg) => {
                let (ids, _) = PgBench::search(&pg.pool, &jq.q, 10).await;
                Some(score(&key_of(ids), &jq.relevant))
            }
            None => None,
        });
        let (ids, _) = SqliteBench::search(&sqlite.pool, &jq.q, 10).await;
        row.push(Some(score(&key_of(ids), &jq.relevant)));
        out.push((jq.q.clone(), row));
    }
    out
}

// ---------------------------------------------------------------------------------------
// Report

fn machine() -> String {
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let nproc = std::process::Command::new("nproc")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_owned())
        .unwrap_or_else(|| "?".to_owned());
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|m| m.trim_start_matches([' ', '\t', ':']).to_owned())
        .unwrap_or_else(|| "?".to_owned());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map(|kb| format!("{:.1} GB", kb as f64 / 1e6))
        .unwrap_or_else(|| "?".to_owned());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    format!(
        "cores (available_parallelism) {cores}, nproc {nproc}, {model}, {mem} RAM, load average at start {}",
        load.join(" ")
    )
}

struct Run {
    size: usize,
    engine: &'static str,
    built: Built,
    measured: Measured,
}

fn main() {
    let sizes: Vec<usize> = env_or("BENCH_SIZES", "10000,100000")
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let rounds: usize = env_or("BENCH_ROUNDS", "5").parse().unwrap_or(5).max(1);
    let pg_url = env_or("GCM_BENCH_DATABASE_URL", DEFAULT_PG_URL);
    let machine = machine();

    let judged = Judged::shipped().expect("judged queries");
    let mut queries: Vec<String> = judged.queries.iter().map(|q| q.q.clone()).collect();
    queries.extend(EXTRA_QUERIES.map(str::to_owned));
    let corpus = Corpus::new(2026).expect("corpus");

    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let pg = match rt.block_on(PgBench::connect(&pg_url)) {
        Ok(pg) => Some(pg),
        Err(e) => {
            println!("PostgreSQL at {pg_url} is unreachable ({e}): its columns are skipped.\n");
            None
        }
    };
    let sqlite_version: String = rt.block_on(async {
        let pool = SqlitePool::connect("sqlite::memory:")
            .await
            .expect("SQLite in memory");
        sqlx::query_scalar("SELECT sqlite_version()")
            .fetch_one(&pool)
            .await
            .expect("SQLite version")
    });

    let mut rows = Vec::new();
    for &n in &sizes {
        let tmp = tempfile::tempdir().expect("temporary directory");
        eprintln!("[{n}] gcm-search: building");
        let (index, built) = build_ours(&tmp.path().join("tantivy"), corpus.docs(n));
        eprintln!("[{n}] gcm-search: querying");
        let measured = measure_sync(&queries, rounds, |q| search_ours(&index, q));
        rows.push(Run {
            size: n,
            engine: "gcm-search",
            built,
            measured,
        });
        drop(index);

        if let Some(pg) = &pg {
            eprintln!("[{n}] PostgreSQL: loading");
            let built = rt.block_on(pg.load(corpus.docs(n)));
            eprintln!("[{n}] PostgreSQL: querying");
            let pool = &pg.pool;
            let measured = rt.block_on(measure_async(&queries, rounds, |q| async move {
                PgBench::search(pool, &q, PAGE).await.1
            }));
            rows.push(Run {
                size: n,
                engine: "PostgreSQL FTS",
                built,
                measured,
            });
        }

        eprintln!("[{n}] SQLite FTS5: loading");
        let sqlite = rt.block_on(SqliteBench::create(tmp.path()));
        let built = rt.block_on(sqlite.load(corpus.docs(n)));
        eprintln!("[{n}] SQLite FTS5: querying");
        let pool = &sqlite.pool;
        let measured = rt.block_on(measure_async(&queries, rounds, |q| async move {
            SqliteBench::search(pool, &q, PAGE).await.1
        }));
        rows.push(Run {
            size: n,
            engine: "SQLite FTS5",
            built,
            measured,
        });
        rt.block_on(sqlite.pool.close());
    }

    eprintln!("relevance on the fixture corpus");
    let tmp = tempfile::tempdir().expect("temporary directory");
    let rel = rt.block_on(async {
        let sqlite = SqliteBench::create(tmp.path()).await;
        let rel = relevance(pg.as_ref(), &sqlite).await;
        sqlite.pool.close().await;
        rel
    });

    println!("## Search vs PostgreSQL FTS and SQLite FTS5\n");
    println!("Machine: {machine}.");
    println!(
        "PostgreSQL {}, SQLite {sqlite_version}. {} queries × {rounds} timed rounds after a warm-up, \
         per engine and size; 20 hits + total.\n",
        pg.as_ref()
            .map(|p| p.version.as_str())
            .unwrap_or("unreachable"),
        queries.len()
    );
    println!("### Build\n");
    println!(
        "| docs | engine | build s | docs/s | on disk MB | peak RSS MB | RSS after MB | how |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for r in &rows {
        let b = &r.built;
        println!(
            "| {} | {} | {:.1} | {:.0} | {:.1} | {} | {} | {} |",
            r.size,
            r.engine,
            b.secs,
            b.docs as f64 / b.secs,
            mb(b.disk),
            opt_mb(b.peak),
            opt_mb(b.rss),
            b.detail
        );
    }
    println!("\n### Queries\n");
    println!(
        "| docs | engine | mean matches | p50 ms | p95 ms | p99 ms | q/s 1 client | q/s 2 clients | p95 ms 2 clients | gcm-search q/s ÷ this (1 / 2 clients) |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for r in &rows {
        let m = &r.measured;
        let ours = rows
            .iter()
            .find(|o| o.size == r.size && o.engine == "gcm-search")
            .map(|o| &o.measured);
        let ratio = ours
            .map(|o| format!("{:.2} / {:.2}", o.qps1 / m.qps1, o.qps2 / m.qps2))
            .unwrap_or_default();
        println!(
            "| {} | {} | {:.0} | {:.2} | {:.2} | {:.2} | {:.0} | {:.0} | {:.2} | {} |",
            r.size,
            r.engine,
            m.mean_total,
            ms(percentile(&m.lat1, 0.5)),
            ms(percentile(&m.lat1, 0.95)),
            ms(percentile(&m.lat1, 0.99)),
            m.qps1,
            m.qps2,
            ms(percentile(&m.lat2, 0.95)),
            ratio
        );
    }
    println!("\nSlowest queries (median of the single-client rounds):\n");
    for r in &rows {
        let list: Vec<String> = r
            .measured
            .slowest
            .iter()
            .map(|(q, d)| format!("`{q}` {:.1} ms", ms(*d)))
            .collect();
        println!("- {} docs, {}: {}", r.size, r.engine, list.join(", "));
    }
    println!("\n### Relevance on the judged set (fixture corpus)\n");
    println!(
        "| query | gcm-search nDCG@10 | PostgreSQL nDCG@10 | SQLite nDCG@10 | gcm-search R@10 | PostgreSQL R@10 | SQLite R@10 |"
    );
    println!("|---|---|---|---|---|---|---|");
    // `+ 0.0` turns the -0.0 of an empty sum into 0.0.
    let cell = |v: Option<f64>| {
        v.map(|v| format!("{:.3}", v + 0.0))
            .unwrap_or_else(|| "—".to_owned())
    };
    let mut sums = [0.0f64; 6];
    let mut present = [true; 3];
    for (q, engines) in &rel {
        let mut cells = Vec::new();
        for k in 0..2 {
            for (e, v) in engines.iter().enumerate() {
                let v = v.map(|s| if k == 0 { s.0 } else { s.1 });
                if let Some(v) = v {
                    sums[k * 3 + e] += v;
                } else {
                    present[e] = false;
                }
                cells.push(cell(v));
            }
        }
        println!("| {q} | {} |", cells.join(" | "));
    }
    let nq = rel.len().max(1) as f64;
    let mean: Vec<String> = (0..6)
        .map(|i| cell(present[i % 3].then(|| sums[i] / nq)))
        .map(|c| format!("**{c}**"))
        .collect();
    println!("| **mean** | {} |", mean.join(" | "));
    drop(pg);
}
