//! The seed corpus on first start: imported by the node's job worker with progress, shown in
//! explore with correct countries and objectives, idempotent; and `gcm-hub import seeds DIR`.

use std::time::Duration;

use gcm_store::jobs::{self, JobStatus};
use gcm_store::seed_import::{self, IMPORT_KIND};

use crate::harness::TestApp;

async fn wait_for_import(app: &TestApp) {
    let id: String = sqlx::query_scalar("SELECT id FROM jobs WHERE kind = $1")
        .bind(IMPORT_KIND)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    for _ in 0..600 {
        let job = jobs::get(app.db(), &id).await.unwrap().unwrap();
        match job.status {
            JobStatus::Succeeded => {
                assert_eq!(job.progress_done, job.progress_total.unwrap());
                return;
            }
            JobStatus::Failed => panic!("import failed: {:?}", job.last_error),
            _ => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
    panic!("import did not finish");
}

async fn check(app: TestApp) {
    wait_for_import(&app).await;
    let corpus = seed_import::parse(seed_import::SHIPPED_CORPUS).unwrap();
    assert!(corpus.practices.len() > 60);

    // Explore shows them all, marked as imported.
    let (status, list) = app.get_json("/api/v1/practices?source=seed").await;
    assert_eq!(status, 200);
    assert_eq!(
        list["total"].as_u64().unwrap() as usize,
        corpus.practices.len()
    );
    let (_, html) = app.get_text("/en/practices").await;
    assert!(html.contains(&format!("{} practice(s)", corpus.practices.len())));
    assert!(html.contains("not peer-reviewed"));

    // A sample, checked against the seed text itself.
    let seed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../data/seeds/002_69fe85e28a4c7925.txt"),
    )
    .unwrap();
    let (_, el_salvador) = app.get_json("/api/v1/practices?country=SLV").await;
    let items = el_salvador["items"].as_array().unwrap();
    let plan = items
        .iter()
        .find(|p| p["title"] == "Five-year Development Plan")
        .unwrap();
    assert!(
        plan["summary"]
            .as_str()
            .unwrap()
            .contains("government of El Salvador")
    );
    assert!(seed.contains("Five-year Development Plan"));
    let (_, one) = app
        .get_json(&format!(
            "/api/v1/practices/{}",
            plan["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(one["countries"], serde_json::json!(["SLV"]));
    assert_eq!(one["pfp_id"], "2334");
    assert!(
        one["tags"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("gfmd:cluster:1"))
    );
    assert_eq!(one["provenance"]["document"], "002_69fe85e28a4c7925.txt");
    let line = one["provenance"]["line_start"].as_u64().unwrap() as usize;
    assert!(
        seed.lines()
            .nth(line - 1)
            .unwrap()
            .contains("Five-year Development Plan")
    );
    // The Network's practices: Azerbaijan's MigAz app.
    let (_, aze) = app.get_json("/api/v1/practices?country=AZE").await;
    assert!(
        aze["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["title"].as_str().unwrap().contains("MigAz"))
    );

    // Every recommendation is there, tagged; the objective pages count the practices.
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM recommendations")
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    assert_eq!(n as usize, corpus.recommendations.len());
    let counts = gcm_store::framework_links::counts_for_objective(app.db(), 3)
        .await
        .unwrap();
    assert!(counts.get("practice").copied().unwrap_or(0) > 0);

    // Recommendations: page and API, filtered.
    let (status, recs) = app
        .get_json("/api/v1/recommendations?cluster=3&kind=policy_option")
        .await;
    assert_eq!(status, 200);
    let expected = corpus
        .recommendations
        .iter()
        .filter(|r| r.gfmd_cluster == Some(3) && r.kind == "policy_option")
        .count();
    assert_eq!(recs["total"].as_u64().unwrap() as usize, expected);
    assert!(
        recs["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["gfmd_cluster"] == 3)
    );
    let (status, html) = app.get_text("/es/recommendations?objective=20").await;
    assert_eq!(status, 200);
    assert!(html.contains("recommendation") || html.contains("recomendaci"));
    assert_eq!(
        app.get("/en/recommendations?cluster=9")
            .await
            .status()
            .as_u16(),
        400
    );

    // Importing again creates nothing and adds no revision.
    let compact = gcm_compact::Compact::load_shipped().unwrap();
    let revisions = |db: gcm_store::Db| async move {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM practice_revisions")
            .fetch_one(db.pool())
            .await
            .unwrap()
    };
    let before = revisions(app.db().clone()).await;
    let outcome = seed_import::import(app.db(), &compact, &corpus, |_, _| async {})
        .await
        .unwrap();
    assert_eq!(outcome.practices_created, 0);
    assert_eq!(revisions(app.db().clone()).await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_corpus_on_first_start_sqlite() {
    check(TestApp::sqlite_with(|s| s.import_seeds = true).await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_corpus_on_first_start_postgres() {
    let Some(app) = TestApp::postgres_with(|s| s.import_seeds = true).await else {
        return;
    };
    check(app).await;
}

#[test]
fn import_seeds_command_reextracts_from_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/seeds");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gcm-hub"))
        .args(["import", "seeds"])
        .arg(&seeds)
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("importing: "), "progress is shown: {text}");
    let corpus = seed_import::parse(seed_import::SHIPPED_CORPUS).unwrap();
    assert!(
        text.contains(&format!(
            "imported {} new practices",
            corpus.practices.len()
        )),
        "{text}"
    );
    // A directory without the seeds: one clear error.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gcm-hub"))
        .args(["import", "seeds", "/nonexistent", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn map_of_practices_sqlite() {
    let app = TestApp::sqlite_with(|s| s.import_seeds = true).await;
    wait_for_import(&app).await;
    let (status, html) = app.get_text("/fr/practices/map").await;
    assert_eq!(status, 200);
    assert!(html.contains("<svg viewBox=\"0 0 960 500\""));
    // Portugal has practices: its shape links to explore filtered by country, with a label.
    assert!(
        html.contains("/fr/practices?country=PRT"),
        "link to Portugal's practices"
    );
    assert!(
        html.contains("Portugal\u{a0}:") || html.contains("Portugal :"),
        "labelled in French"
    );
    // Filters apply to the map too.
    let (_, html) = app.get_text("/en/practices/map?objective=20").await;
    assert!(!html.contains("country=SLV&amp;") || html.contains("objective=20"));
    assert_eq!(
        app.get("/en/practices/map?country=XYZ")
            .await
            .status()
            .as_u16(),
        400
    );
}

fn gcm(args: &[&str], dir: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_gcm-hub"))
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .env_remove("GCM_HUB_DATABASE_URL")
        .output()
        .unwrap()
}

#[test]
fn export_then_import_practices_in_one_format() {
    let dir = tempfile::tempdir().unwrap();
    assert!(gcm(&["import", "seeds"], dir.path()).status.success());
    let file = dir.path().join("practices.csv");
    let out = gcm(
        &["export", "practices", "--out", file.to_str().unwrap()],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let exported = std::fs::read_to_string(&file).unwrap();
    let corpus = seed_import::parse(seed_import::SHIPPED_CORPUS).unwrap();
    assert_eq!(exported.lines().count(), corpus.practices.len() + 1);

    // Re-importing the export changes nothing; a new practice and a French translation of an
    // existing one come in through the same format.
    let header = exported.lines().next().unwrap().to_string();
    let first_id = exported
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_string();
    let cols: Vec<&str> = header.split(',').collect();
    let row = |values: &[(&str, &str)]| -> String {
        cols.iter()
            .map(|c| {
                values
                    .iter()
                    .find(|(k, _)| k == c)
                    .map(|(_, v)| format!("\"{v}\""))
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    let extra = format!(
        "{exported}{}\n{}\n",
        row(&[
            ("external_id", "moi:2026:1"),
            ("lang", "en"),
            ("title", "Local integration desks"),
            ("summary", "One-stop desks in 12 towns"),
            ("original_lang", "en"),
            ("scope", "local"),
            ("countries", "NOR"),
            ("tags", "gcm:obj:16 gcm:gp:whole-of-society"),
            ("status", "published"),
            ("source", "import")
        ]),
        row(&[
            ("external_id", &first_id),
            ("lang", "fr"),
            ("title", "Plan quinquennal"),
            ("summary", "Résumé en français"),
            ("original_lang", "en"),
            ("tags", "gcm:obj:3")
        ]),
    );
    std::fs::write(&file, extra).unwrap();
    let out = gcm(&["import", "practices", file.to_str().unwrap()], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("(1 new,"), "{text}");

    // A file with mistakes names each one and changes nothing.
    let bad = format!(
        "{header}\n{}\n{}\n",
        row(&[
            ("external_id", "bad:1"),
            ("lang", "en"),
            ("title", "X"),
            ("summary", "Y"),
            ("original_lang", "en"),
            ("tags", "gcm:obj:99")
        ]),
        row(&[
            ("external_id", "bad:2"),
            ("lang", "en"),
            ("summary", "No title"),
            ("original_lang", "en"),
            ("countries", "XYZ"),
            ("tags", "gcm:obj:1")
        ]),
    );
    std::fs::write(&file, bad).unwrap();
    let out = gcm(&["import", "practices", file.to_str().unwrap()], dir.path());
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nothing was imported"), "{err}");
    assert!(err.contains("row 2, column tags"), "{err}");
    assert!(err.contains("row 3, column countries"), "{err}");
    assert!(err.contains("column title"), "{err}");
    let out = gcm(&["export", "practices", "--all"], dir.path());
    let now = String::from_utf8_lossy(&out.stdout);
    assert!(!now.contains("bad:1") && now.contains("moi:2026:1"));
    assert!(now.contains("Plan quinquennal"));
}
