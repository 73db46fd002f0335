//! The binary's contract: each start-up failure ends with one clear line and a non-zero exit.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn gcm_hub() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gcm-hub"));
    // The developer's own settings must not leak into these tests.
    for (k, _) in std::env::vars() {
        if k.starts_with("GCM_HUB_") {
            cmd.env_remove(k);
        }
    }
    cmd
}

/// Runs to completion and returns (exit code, stderr lines).
fn fails(cmd: &mut Command) -> (i32, Vec<String>) {
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<String> = stderr.lines().map(str::to_string).collect();
    (out.status.code().unwrap_or(-1), lines)
}

fn assert_one_error_line(code: i32, lines: &[String], needle: &str) {
    assert_ne!(code, 0, "{lines:?}");
    assert_eq!(lines.len(), 1, "expected one line, got {lines:?}");
    assert!(lines[0].starts_with("error: "), "{lines:?}");
    assert!(lines[0].contains(needle), "{:?} lacks {needle:?}", lines[0]);
}

#[test]
fn version_prints() {
    let out = gcm_hub().arg("version").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("gcm-hub "));
}

#[test]
fn serving_twice_on_one_port_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    // Reserve a free port, then let the first server take it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let mut first = gcm_hub()
        .args(["serve", "--addr", &addr, "--data-dir"])
        .arg(dir.path().join("a"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(first.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.contains("is serving"), "{line}");

    let (code, lines) = fails(
        gcm_hub()
            .args(["serve", "--addr", &addr, "--data-dir"])
            .arg(dir.path().join("b")),
    );
    let _ = first.kill();
    let _ = first.wait();
    assert_one_error_line(code, &lines, "cannot listen on");
}

#[test]
fn unwritable_data_dir_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    // A data directory below a regular file can never be created, even by root.
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let (code, lines) = fails(
        gcm_hub()
            .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
            .arg(file.join("data")),
    );
    assert_one_error_line(code, &lines, "data directory");
}

#[test]
fn malformed_database_urls_fail_clearly() {
    let dir = tempfile::tempdir().unwrap();
    for (url, needle) in [
        ("mysql://localhost/x", "database_url"),
        ("postgres://user@host:notaport/db", "database URL"),
    ] {
        let start = Instant::now();
        let (code, lines) = fails(
            gcm_hub()
                .args([
                    "serve",
                    "--addr",
                    "127.0.0.1:0",
                    "--database-url",
                    url,
                    "--data-dir",
                ])
                .arg(dir.path()),
        );
        assert_one_error_line(code, &lines, needle);
        assert!(start.elapsed() < Duration::from_secs(20));
    }
}

#[test]
fn bad_settings_name_the_setting() {
    let dir = tempfile::tempdir().unwrap();
    let (code, lines) = fails(
        gcm_hub()
            .args(["serve", "--data-dir"])
            .arg(dir.path())
            .env("GCM_HUB_ADDR", "nowhere"),
    );
    assert_one_error_line(code, &lines, "GCM_HUB_ADDR");
}

#[test]
fn migrate_brings_the_schema_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let out = gcm_hub()
        .args(["migrate", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("schema version"));
    assert!(dir.path().join("gcm-hub.db").exists());
}

#[test]
fn first_start_prints_a_setup_link() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = gcm_hub()
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut text = String::new();
    for _ in 0..3 {
        out.read_line(&mut text).unwrap();
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(text.contains("is serving"), "{text}");
    assert!(text.contains("No administrator exists yet"), "{text}");
    assert!(text.contains("/en/setup?token="), "{text}");
}

#[test]
fn admin_create_user_from_the_shell() {
    let dir = tempfile::tempdir().unwrap();
    let out = gcm_hub()
        .args([
            "admin",
            "create-user",
            "--email",
            "Root@Example.org",
            "--name",
            "Root",
            "--role",
            "administrator",
            "--data-dir",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("created root@example.org"), "{text}");
    assert!(text.contains("/en/reset?token="), "{text}");
    // With an administrator present, serve prints no setup link.
    let mut child = gcm_hub()
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(line.contains("is serving"));

    // The same address again, or a bad role: one clear line, non-zero exit.
    let (code, lines) = fails(
        gcm_hub()
            .args([
                "admin",
                "create-user",
                "--email",
                "root@example.org",
                "--name",
                "Again",
                "--data-dir",
            ])
            .arg(dir.path()),
    );
    assert_one_error_line(code, &lines, "exists");
    let (code, lines) = fails(
        gcm_hub()
            .args([
                "admin",
                "create-user",
                "--email",
                "x@example.org",
                "--name",
                "X",
                "--role",
                "king",
                "--data-dir",
            ])
            .arg(dir.path()),
    );
    assert_one_error_line(code, &lines, "unknown role");
}

db_test!(
    reindex_rebuilds_the_search_index_with_progress,
    |app: crate::harness::TestApp| async move {
        let actor = gcm_store::audit::Actor::system("test");
        let compact = gcm_compact::Compact::load_shipped().unwrap();
        let p = crate::practices::sample("cli:reindex", "Reindexed practice", "PRT", 5);
        gcm_store::practices::upsert(app.db(), &compact, &actor, &p)
            .await
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let url = app.database_url();
        let out = tokio::task::spawn_blocking(move || {
            gcm_hub()
                .args(["reindex", "--database-url", &url, "--data-dir"])
                .arg(dir.path())
                .output()
                .unwrap()
        })
        .await
        .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert!(stderr.contains("] "), "no progress bar: {stderr}");
        let n: usize = stdout
            .split("search index rebuilt: ")
            .nth(1)
            .and_then(|s| s.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        // The Compact's objectives and actions, and the practice.
        assert!(n > 200, "{stdout}");
    }
);

#[test]
fn search_eval_prints_the_measures() {
    let out = gcm_hub().arg("search-eval").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("| pengeoverføringer |"), "{text}");
    let last = text.lines().last().unwrap_or_default();
    let ndcg: f64 = last
        .split("| **")
        .nth(2)
        .and_then(|s| s.split("**").next())
        .and_then(|s| s.parse().ok())
        .unwrap_or(0.0);
    assert!(ndcg > 0.5, "{last}");
}
