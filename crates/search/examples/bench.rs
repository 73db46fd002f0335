//! Search benchmark: index build rate and query latency (p50/p95/p99) on synthetic corpora
//! of 10k and 100k items, on disk in a temporary directory.
//!
//! `cargo run --release -p gcm-search --example bench [sizes…]` (default: 10000 100000);
//! `BENCH_DETAIL=1` also lists the slowest queries with their match counts.

use std::time::{Duration, Instant};

use gcm_search::corpus::Corpus;
use gcm_search::eval::Judged;
use gcm_search::{SearchIndex, SearchQuery, Sort, Viewer};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default()
}

fn dir_size(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000]
    } else {
        sizes
    };
    let corpus = Corpus::new(2026)?;
    let judged = Judged::shipped()?;
    let mut queries: Vec<String> = judged.queries.iter().map(|q| q.q.clone()).collect();
    queries.extend(
        [
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
        ]
        .map(str::to_owned),
    );
    println!(
        "| docs | build s | docs/s | size MB | queries | p50 ms | p95 ms | p99 ms | similar p50 ms |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for n in sizes {
        let dir = tempfile::tempdir()?;
        let index = SearchIndex::open(dir.path())?;
        let start = Instant::now();
        index.rebuild(corpus.docs(n), |_| {})?;
        let build = start.elapsed();

        let viewer = Viewer {
            user_id: Some("u-1".to_owned()),
            org_ids: vec!["org-7".to_owned()],
            roles: vec![],
        };
        let mut variants = Vec::new();
        for (i, q) in queries.iter().enumerate() {
            variants.push(SearchQuery::text(q));
            variants.push(SearchQuery {
                objective: Some((i % 23) as u8 + 1),
                viewer: viewer.clone(),
                ..SearchQuery::text(q)
            });
            variants.push(SearchQuery {
                sort: Sort::Newest,
                lang: "fr".to_owned(),
                offset: 20,
                ..SearchQuery::text(q)
            });
        }
        for q in &variants {
            index.search(q)?; // warm-up
        }
        let mut times = Vec::new();
        let mut per_variant = vec![Duration::ZERO; variants.len()];
        for _ in 0..5 {
            for (i, q) in variants.iter().enumerate() {
                let t = Instant::now();
                let r = index.search(q)?;
                let took = t.elapsed();
                times.push(took);
                if let Some(slot) = per_variant.get_mut(i) {
                    *slot += took;
                }
                std::hint::black_box(r);
            }
        }
        times.sort();
        // BENCH_DETAIL=1: the slowest query variants (mean of the rounds) and their totals,
        // to see where the tail comes from.
        if std::env::var_os("BENCH_DETAIL").is_some() {
            let mut slow: Vec<(Duration, &SearchQuery)> =
                per_variant.iter().copied().zip(&variants).collect();
            slow.sort_by_key(|v| std::cmp::Reverse(v.0));
            for (d, q) in slow.iter().take(15) {
                let total = index.search(q)?.total;
                eprintln!(
                    "{:>8.2} ms  total {total:>6}  sort {:?} obj {:?} q {:?}",
                    d.as_secs_f64() * 1000.0 / 5.0,
                    q.sort,
                    q.objective,
                    q.q
                );
            }
        }
        let mut similar = Vec::new();
        for i in (0..n).step_by((n / 200).max(1)) {
            let t = Instant::now();
            let d = corpus.doc(i);
            let r = index.similar(&d.kind, &d.id, 10, &Viewer::anonymous())?;
            similar.push(t.elapsed());
            std::hint::black_box(r);
        }
        similar.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "| {n} | {:.1} | {:.0} | {:.1} | {} | {:.2} | {:.2} | {:.2} | {:.2} |",
            build.as_secs_f64(),
            n as f64 / build.as_secs_f64(),
            dir_size(dir.path()) as f64 / 1e6,
            times.len(),
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.95)),
            ms(percentile(&times, 0.99)),
            ms(percentile(&similar, 0.5)),
        );
    }
    Ok(())
}
