//! Search over HTTP on both databases: freshness through the change log (also on a second
//! node sharing the database), visibility of drafts, matching across languages, similar
//! items, and hostile queries that must never break the page.

use std::time::{Duration, Instant};

use gcm_store::audit::Actor;
use reqwest::Method;
use serde_json::{Value, json};

use crate::harness::TestApp;
use crate::practices::sample;
use crate::submissions::{call, cast};

/// Asks `GET path` on `base` until `found` holds for the JSON answer; fails after 10 s.
async fn eventually(base: &str, path: &str, found: impl Fn(&Value) -> bool) -> (Value, Duration) {
    let client = reqwest::Client::new();
    let start = Instant::now();
    loop {
        let res = client.get(format!("{base}{path}")).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200, "{path}");
        let body: Value = res.json().await.unwrap();
        if found(&body) {
            return (body, start.elapsed());
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{path} never matched: {body}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn ids(v: &Value) -> Vec<String> {
    v["items"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|h| h["id"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

db_test!(
    published_practices_are_found_at_once_in_any_language,
    |app: TestApp| async move {
        let base = app.url("");
        let actor = Actor::system("test");
        let compact = gcm_compact::Compact::load_shipped().unwrap();
        let mut remit = sample("t:remit", "Cheaper money transfers home", "PHL", 20);
        remit.texts[1].text =
            "A digital wallet lowers the cost of sending money to families.".into();
        let (remit_id, _) = gcm_store::practices::upsert(app.db(), &compact, &actor, &remit)
            .await
            .unwrap();
        let other = sample("t:other", "Money transfer kiosks in markets", "PHL", 20);
        let (other_id, _) = gcm_store::practices::upsert(app.db(), &compact, &actor, &other)
            .await
            .unwrap();
        // Written to the database, searchable through the change-log follower.
        let (found, took) = eventually(&base, "/api/v1/search?q=wallet", |v| {
            ids(v).contains(&remit_id)
        })
        .await;
        assert!(took < Duration::from_secs(3), "took {took:?}");
        assert_eq!(found["items"][0]["kind"], "practice");
        // The second practice may land in the next poll of the follower.
        eventually(&base, "/api/v1/search?q=kiosks", |v| {
            ids(v).contains(&other_id)
        })
        .await;
        // Norwegian and Dutch words for remittances reach objective 20 and what is tagged with it.
        for q in ["pengeoverføringer", "remesas"] {
            let (_, v) = app
                .get_json(&format!("/api/v1/search?q={q}&kind=practice"))
                .await;
            assert!(ids(&v).contains(&remit_id), "{q}: {v}");
            let reasons = v["items"][0]["reasons"].to_string();
            assert!(reasons.contains("glossary"), "{q}: {reasons}");
        }
        // A practice tagged with a country is found in its UN region (142: Asia).
        let (_, v) = app.get_json("/api/v1/search?q=wallet&region=142").await;
        assert!(ids(&v).contains(&remit_id), "{v}");
        let (_, v) = app.get_json("/api/v1/search?q=wallet&region=150").await;
        assert!(!ids(&v).contains(&remit_id), "{v}");
        let (s, _) = app
            .get_json("/api/v1/search?q=wallet&region=atlantis")
            .await;
        assert_eq!(s, 400);
        let (_, html) = app.get_text("/en/search?q=wallet").await;
        assert!(
            html.contains("UN region") && html.contains("South-eastern Asia"),
            "{html}"
        );
        // Facets count what matched.
        let (_, v) = app.get_json("/api/v1/search?q=money&kind=practice").await;
        assert!(v["facets"]["country"].to_string().contains("PHL"));
        // Similar items share objectives and countries.
        let (s, similar) = app
            .get_json(&format!("/api/v1/practices/{remit_id}/similar"))
            .await;
        assert_eq!(s, 200);
        assert_eq!(similar["hits"][0]["hit"]["id"], other_id.as_str());
        assert_eq!(similar["hits"][0]["shared_objectives"], json!([20]));
        // The page shows the hit, why it matched, and the similar practice on the practice page.
        let (s, html) = app
            .get_text("/fr/search?q=pengeoverf%C3%B8ringer&kind=practice")
            .await;
        assert_eq!(s, 200);
        assert!(html.contains("Cheaper money transfers home"));
        let (_, page) = app.get_text(&format!("/en/practices/{remit_id}")).await;
        assert!(page.contains("Money transfer kiosks in markets"));
        // A second node on the same database finds a newly published practice too.
        let (addr, _node, _dir) = app.another_node().await;
        let node_b = format!("http://{addr}");
        let fresh = sample("t:fresh", "Diaspora bonds for local schools", "SEN", 19);
        let (fresh_id, _) = gcm_store::practices::upsert(app.db(), &compact, &actor, &fresh)
            .await
            .unwrap();
        let (_, took) = eventually(&node_b, "/api/v1/search?q=diaspora+bonds", |v| {
            ids(v).contains(&fresh_id)
        })
        .await;
        assert!(took < Duration::from_secs(5), "second node took {took:?}");
        // The Compact's chapters are searchable too, by compound parts in Norwegian.
        let (v, _) = eventually(&base, "/api/v1/search?q=kapasitetsbyggingsmekanisme", |v| {
            v["total"].as_u64().unwrap_or(0) > 0
        })
        .await;
        assert_eq!(v["items"][0]["id"], "gcm:para:43@nb");
        assert_eq!(
            v["items"][0]["url"],
            "/nb/compact/chapters/implementation#para-43"
        );
    }
);

db_test!(
    drafts_are_found_only_by_those_who_may_see_them,
    |app: TestApp| async move {
        let c = cast(&app).await;
        let (s, draft) = call(
            &c.submitter,
            Method::POST,
            "/api/v1/practices",
            Some(json!({"org_id": c.org, "title": "Zanzibar ferry outreach", "objectives": [7]})),
        )
        .await;
        assert_eq!(s, 201);
        let id = draft["id"].as_str().unwrap().to_string();
        // The submitter's organisation finds it (once indexed)…
        let start = Instant::now();
        loop {
            let (_, v) = call(&c.submitter, Method::GET, "/api/v1/search?q=zanzibar", None).await;
            if ids(&v).contains(&id) {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "{v}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        // …the secretariat too; the public, another organisation and a reviewer not assigned
        // do not.
        let (_, v) = call(
            &c.secretariat,
            Method::GET,
            "/api/v1/search?q=zanzibar",
            None,
        )
        .await;
        assert!(ids(&v).contains(&id));
        for v in [&app.visitor(), &c.other_fp, &c.un] {
            let (_, r) = call(v, Method::GET, "/api/v1/search?q=zanzibar", None).await;
            assert!(!ids(&r).contains(&id), "{r}");
            let (s, _) = call(
                v,
                Method::GET,
                &format!("/api/v1/practices/{id}/similar"),
                None,
            )
            .await;
            assert_eq!(s, 404);
        }
    }
);

db_test!(
    hostile_queries_get_results_or_a_message,
    |app: TestApp| async move {
        let long = "migration ".repeat(2000);
        for q in [
            long.as_str(),
            "!!!???...",
            "\"unbalanced quote",
            "*:*",
            "\u{0}\u{7}control\u{1b}[31m",
            "🌍🚢",
            "AND OR NOT",
            "title:(x",
        ] {
            let path = format!(
                "/en/search?q={}",
                url::form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()
            );
            let (s, html) = app.get_text(&path).await;
            assert_eq!(s, 200, "{q:?}");
            assert!(html.contains("<h1>Search</h1>"));
            let api = path.replace("/en/search", "/api/v1/search");
            let (s, v) = app.get_json(&api).await;
            assert_eq!(s, 200, "{q:?}: {v}");
            assert!(v["total"].is_number());
        }
        let (_, v) = app.get_json("/api/v1/search?q=%22unbalanced").await;
        assert_eq!(v["notice"], "unbalanced_quote");
        // Bad filters are named.
        let (s, v) = app.get_json("/api/v1/search?objective=99").await;
        assert_eq!(s, 400);
        assert_eq!(v["error"]["code"], "invalid_parameter");
    }
);

db_test!(
    a_restarted_node_catches_up_from_its_checkpoint,
    |app: TestApp| async move {
        use gcm_hub::config::Settings;
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings {
            addr: "127.0.0.1:0".parse().unwrap(),
            database_url: Some(app.database_url()),
            data_dir: dir.path().to_path_buf(),
            db_max_connections: 5,
            job_poll_ms: 50,
            import_seeds: false,
            ..Settings::default()
        };
        let actor = Actor::system("test");
        let compact = gcm_compact::Compact::load_shipped().unwrap();
        let node = gcm_hub::server::start(&settings).await.unwrap();
        let base = format!("http://{}", node.addr);
        let (first, _) = gcm_store::practices::upsert(
            app.db(),
            &compact,
            &actor,
            &sample("t:before", "Orchard seasonal work scheme", "NZL", 6),
        )
        .await
        .unwrap();
        eventually(&base, "/api/v1/search?q=orchard", |v| {
            ids(v).contains(&first)
        })
        .await;
        node.shutdown(Duration::from_secs(2)).await;
        let checkpoint = gcm_hub::indexer::checkpoint_file(&dir.path().join("search"));
        assert!(
            std::fs::read_to_string(&checkpoint)
                .unwrap()
                .trim()
                .parse::<i64>()
                .unwrap()
                > 0
        );
        // Written while the node is down: found once it is back, with the earlier one kept.
        let (second, _) = gcm_store::practices::upsert(
            app.db(),
            &compact,
            &actor,
            &sample("t:after", "Orchard housing standards", "NZL", 6),
        )
        .await
        .unwrap();
        let node = gcm_hub::server::start(&settings).await.unwrap();
        let base = format!("http://{}", node.addr);
        eventually(&base, "/api/v1/search?q=orchard", |v| {
            ids(v).contains(&first) && ids(v).contains(&second)
        })
        .await;
        node.shutdown(Duration::from_secs(2)).await;
    }
);
