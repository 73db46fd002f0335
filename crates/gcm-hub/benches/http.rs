//! Requests per second of the home page against a bare "ok" handler, measured in the same
//! process and run, with the same client and concurrency, so the ratio shows what the
//! platform's stack (routing, middleware, i18n, templates, compression) costs.
//!
//! `cargo bench --bench http` (env: BENCH_SECONDS per round, default 5; BENCH_CONCURRENCY,
//! default 16). Rounds alternate bare/home to even out drift on a busy machine.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use gcm_hub::config::Settings;

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs `concurrency` keep-alive clients against `url` for `secs`; returns requests/s.
async fn load(url: &str, gzip: bool, concurrency: u64, secs: u64) -> f64 {
    let stop = Arc::new(AtomicBool::new(false));
    let count = Arc::new(AtomicU64::new(0));
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let client = reqwest::Client::new();
        let (url, stop, count) = (url.to_string(), stop.clone(), count.clone());
        tasks.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                let mut req = client.get(&url);
                if gzip {
                    req = req.header("accept-encoding", "gzip");
                }
                let res = req.send().await.expect("request");
                assert!(res.status().is_success());
                let _ = res.bytes().await.expect("body");
                count.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    let start = Instant::now();
    tokio::time::sleep(Duration::from_secs(secs)).await;
    stop.store(true, Ordering::Relaxed);
    let n = count.load(Ordering::Relaxed);
    let elapsed = start.elapsed().as_secs_f64();
    for t in tasks {
        t.await.unwrap();
    }
    n as f64 / elapsed
}

fn main() {
    let secs = env_u64("BENCH_SECONDS", 5);
    let concurrency = env_u64("BENCH_CONCURRENCY", 16);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings {
            addr: "127.0.0.1:0".parse().unwrap(),
            data_dir: dir.path().to_path_buf(),
            // Measure serving, not a background import.
            import_seeds: false,
            ..Settings::default()
        };
        let node = gcm_hub::server::start(&settings).await.unwrap();

        let bare = axum::Router::new().route("/", axum::routing::get(|| async { "ok" }));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let bare_addr: SocketAddr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, bare).await });

        let bare_url = format!("http://{bare_addr}/");
        let home_url = format!("http://{}/en/", node.addr);
        // Warm both up (connection set-up, first template render, allocator).
        load(&bare_url, false, concurrency, 1).await;
        load(&home_url, false, concurrency, 1).await;

        let (mut b, mut h, mut hz) = (0.0, 0.0, 0.0);
        let rounds = 2;
        for _ in 0..rounds {
            b += load(&bare_url, false, concurrency, secs).await;
            h += load(&home_url, false, concurrency, secs).await;
            hz += load(&home_url, true, concurrency, secs).await;
        }
        let (b, h, hz) = (b / rounds as f64, h / rounds as f64, hz / rounds as f64);
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
        println!("http bench: {cores} cores, {concurrency} keep-alive clients in-process, {rounds}x{secs}s rounds");
        println!("  bare \"ok\" handler         {b:>10.0} req/s");
        println!("  home page /en/ (identity) {h:>10.0} req/s   ratio {:.3} of bare", h / b);
        println!("  home page /en/ (gzip)     {hz:>10.0} req/s   ratio {:.3} of bare", hz / b);
        node.shutdown(Duration::from_secs(5)).await;
    });
}
