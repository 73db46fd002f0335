//! The Compact through pages, API and exports, on both databases.

use gcm_compact::{Compact, Lang as TLang, Ref};

use crate::harness::{TestApp, html as esc};

fn compact() -> Compact {
    Compact::load_shipped().unwrap()
}

db_test!(
    objective_pages_show_every_action_the_seed_holds,
    |app: TestApp| async move {
        let c = compact();
        for tl in TLang::ALL {
            for o in &c.structure().objectives {
                let path = format!("/{}/compact/objectives/{}", tl.code(), o.number);
                let (status, html) = app.get_text(&path).await;
                assert_eq!(status, 200, "{path}");
                let title = c.objective_title(o.number, tl).unwrap();
                assert!(html.contains(&esc(title)), "{path}: title");
                for a in &o.actions {
                    assert!(
                        html.contains(&format!("id=\"{}\"", a.letter)),
                        "{path}: anchor {}",
                        a.letter
                    );
                    match c.action_text(o.number, a.letter, tl) {
                        Some(text) => {
                            assert!(html.contains(&esc(text)), "{path}: action {}", a.letter)
                        }
                        None => assert!(
                            html.contains("compact-not-in-translation") || html.contains("missing")
                        ),
                    }
                }
            }
        }
        // Objective 20 is about remittances in both translations.
        let (_, nb) = app.get_text("/nb/compact/objectives/20").await;
        assert!(nb.to_lowercase().contains("pengeoverføring"));
        let (_, nl) = app.get_text("/nl/compact/objectives/20").await;
        assert!(nl.to_lowercase().contains("overmaking"));
    }
);

db_test!(compact_pages_and_errors, |app: TestApp| async move {
    for path in [
        "/en/compact",
        "/fr/compact",
        "/nb/compact",
        "/en/compact/objectives/20",
        "/es/compact/objectives/1",
        "/nl/compact/objectives/6/compare",
        "/en/compact/objectives/20/compare?left=en&right=nb",
        "/nb/compact/chapters/implementation",
        "/nl/compact/chapters/follow-up",
        "/en/compact/chapters/preamble",
        "/en/compact/alignment",
    ] {
        assert_eq!(app.get(path).await.status().as_u16(), 200, "{path}");
    }
    for path in [
        "/en/compact/objectives/0",
        "/en/compact/objectives/24",
        "/en/compact/objectives/x",
        "/en/compact/chapters/objectives",
        "/en/compact/chapters/nothing",
    ] {
        assert_eq!(app.get(path).await.status().as_u16(), 404, "{path}");
    }
    let res = app.get("/en/compact/objectives/3/compare?left=de").await;
    assert_eq!(res.status().as_u16(), 400);

    // Paragraph 43 with its connection hub, start-up fund and knowledge platform items.
    let (_, html) = app.get_text("/nb/compact/chapters/implementation").await;
    for id in [
        "para-43-a-i",
        "para-43-a-v",
        "para-43-b-iii",
        "para-43-c-iii",
        "para-40",
        "para-47",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
    }
    // The alignment report lists each gap the extractor found.
    let (_, html) = app.get_text("/en/compact/alignment").await;
    for gap in compact().gaps() {
        assert!(html.contains(&gap.location.to_string()), "{}", gap.location);
    }
    // The "linked here" panel counts tagged items.
    let (_, html) = app.get_text("/en/compact/objectives/20").await;
    assert!(html.contains("linked-title"));
});

db_test!(compact_api, |app: TestApp| async move {
    let (status, list) = app.get_json("/api/v1/compact/objectives").await;
    assert_eq!(status, 200);
    assert_eq!(list["total"], 23);
    assert_eq!(list["items"].as_array().unwrap().len(), 23);
    assert_eq!(list["items"][19]["ref"], "gcm:obj:20");

    let (status, o) = app.get_json("/api/v1/compact/objectives/20?lang=nb").await;
    assert_eq!(status, 200);
    assert_eq!(o["commitment_paragraph"], 36);
    let text = o["texts"]["nb"]["text"].as_str().unwrap().to_lowercase();
    assert!(text.contains("pengeoverføring"), "{text}");
    assert_eq!(o["texts"]["nb"]["is_summary"], false);
    let actions = o["actions"].as_array().unwrap();
    assert_eq!(
        actions.len(),
        compact().objective(20).unwrap().actions.len()
    );
    assert_eq!(actions[2]["ref"], "gcm:obj:20:c");

    let (_, all) = app.get_json("/api/v1/compact/objectives/6?lang=all").await;
    for lang in ["en", "nb", "nl"] {
        assert!(all["texts"][lang].is_object(), "{lang}");
    }
    let (status, p) = app.get_json("/api/v1/compact/principles?lang=nl").await;
    assert_eq!(status, 200);
    assert_eq!(p["total"], 10);

    let (status, e) = app.get_json("/api/v1/compact/objectives/24").await;
    assert_eq!(
        (status, e["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
    let (status, e) = app.get_json("/api/v1/compact/objectives?lang=de").await;
    assert_eq!(
        (status, e["error"]["code"].as_str()),
        (400, Some("invalid_parameter"))
    );

    let (status, r) = app
        .get_json("/api/v1/compact/resolve?ref=gcm:para:43:a:iii&lang=nl")
        .await;
    assert_eq!(status, 200);
    assert_eq!(r["ref"], "gcm:para:43:a:iii");
    let expected = compact()
        .resolve_in(&"gcm:para:43:a:iii".parse::<Ref>().unwrap(), TLang::Nl)
        .unwrap()
        .text
        .to_string();
    assert_eq!(r["texts"]["nl"]["text"], expected);

    let (status, e) = app.get_json("/api/v1/compact/resolve?ref=gcm:obj:99").await;
    assert_eq!(
        (status, e["error"]["code"].as_str()),
        (400, Some("invalid_reference"))
    );
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .contains("gcm:obj:99")
    );
    let (status, e) = app
        .get_json("/api/v1/compact/resolve?ref=gcm:obj:1:z")
        .await;
    assert_eq!(
        (status, e["error"]["code"].as_str()),
        (404, Some("unknown_reference"))
    );
    let (status, _) = app.get_json("/api/v1/compact/resolve").await;
    assert_eq!(status, 400);
});

db_test!(compact_exports, |app: TestApp| async move {
    let (status, doc) = app.get_json("/data/compact.json").await;
    assert_eq!(status, 200);
    assert_eq!(doc["objectives"].as_array().unwrap().len(), 23);
    assert_eq!(doc["principles"].as_array().unwrap().len(), 10);
    let para43 = doc["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["number"] == 43)
        .unwrap();
    assert_eq!(para43["items"].as_array().unwrap().len(), 3);

    let res = app.get("/data/compact.csv").await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let body = res.text().await.unwrap();
    let mut rdr = csv::Reader::from_reader(body.as_bytes());
    assert_eq!(
        rdr.headers().unwrap().iter().collect::<Vec<_>>(),
        ["ref", "kind", "lang", "is_summary", "title", "text"]
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let action = rows
        .iter()
        .find(|r| &r[0] == "gcm:obj:20:c" && &r[2] == "nb")
        .unwrap();
    assert_eq!(
        &action[5],
        compact().action_text(20, 'c', TLang::Nb).unwrap()
    );
    // Long format: one row per reference and language, never a column per language.
    assert!(rows.iter().filter(|r| &r[0] == "gcm:obj:20:c").count() >= 3);
});

#[test]
fn alignment_command_lists_the_gaps() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gcm-hub"))
        .args(["compact", "alignment"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let gaps = compact().gaps().len();
    assert!(text.contains(&format!("{gaps} gap(s)")), "{text}");
    for g in compact().gaps() {
        assert!(text.contains(&g.location.to_string()));
    }
}

db_test!(frameworks_and_crosswalks, |app: TestApp| async move {
    let c = compact();
    let (status, list) = app.get_json("/api/v1/frameworks").await;
    assert_eq!(status, 200);
    let ids: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    for id in ["gfmd", "cs5", "sdg"] {
        assert!(ids.contains(&id), "{ids:?}");
    }
    let (status, gfmd) = app.get_json("/api/v1/frameworks/gfmd").await;
    assert_eq!(status, 200);
    let clusters: Vec<_> = gfmd["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["ref"].as_str().unwrap().starts_with("gfmd:cluster:"))
        .collect();
    assert_eq!(clusters.len(), 6);
    let (_, cs5) = app.get_json("/api/v1/frameworks/cs5").await;
    assert_eq!(cs5["items"].as_array().unwrap().len(), 8);
    let (_, sdg) = app.get_json("/api/v1/frameworks/sdg").await;
    let refs: Vec<&str> = sdg["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["ref"].as_str().unwrap())
        .collect();
    for target in ["sdg:10.7", "sdg:10.c", "sdg:8.8", "sdg:16.9", "sdg:17.18"] {
        assert!(refs.contains(&target), "{target} in {refs:?}");
    }
    // Every crosswalk link names a real objective and says on what basis it was made.
    for f in [&gfmd, &cs5, &sdg] {
        for item in f["items"].as_array().unwrap() {
            for link in item["objectives"].as_array().unwrap() {
                let n = link["objective"].as_u64().unwrap();
                assert!((1..=23).contains(&n));
                assert!(["stated-in-source", "derived"].contains(&link["basis"].as_str().unwrap()));
            }
        }
    }
    let (status, _) = app.get_json("/api/v1/frameworks/nope").await;
    assert_eq!(status, 404);

    // Framework references resolve through the same endpoint, and unknown ones are refused.
    let (status, r) = app
        .get_json("/api/v1/compact/resolve?ref=gfmd:cluster:4")
        .await;
    assert_eq!(status, 200, "{r}");
    let (status, e) = app
        .get_json("/api/v1/compact/resolve?ref=gfmd:cluster:7")
        .await;
    assert_eq!(status, 404);
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .contains("gfmd:cluster:7")
    );
    let (status, _) = app.get_json("/api/v1/compact/resolve?ref=cs5:9").await;
    assert_eq!(status, 404);
    let (status, _) = app.get_json("/api/v1/compact/resolve?ref=sdg:10.7.2").await;
    assert_eq!(status, 200);

    // Pages: the list, each framework, and the crosswalk panel on an objective.
    for path in [
        "/en/compact/frameworks",
        "/fr/compact/frameworks/gfmd",
        "/nb/compact/frameworks/sdg",
        "/nl/compact/frameworks/cs5",
    ] {
        assert_eq!(app.get(path).await.status().as_u16(), 200, "{path}");
    }
    assert_eq!(
        app.get("/en/compact/frameworks/nope")
            .await
            .status()
            .as_u16(),
        404
    );
    let with_links = (1..=23u8)
        .find(|n| !c.crosswalk_for_objective(*n).is_empty())
        .unwrap();
    let (_, html) = app
        .get_text(&format!("/en/compact/objectives/{with_links}"))
        .await;
    for (r, _) in c.crosswalk_for_objective(with_links) {
        assert!(html.contains(&format!("<code>{r}</code>")), "{r}");
    }
});
