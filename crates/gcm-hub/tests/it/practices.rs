//! Practices in storage: upsert by external id with revisions, tags checked against the
//! Compact, filtered and faceted listing, on both databases.

use gcm_core::practices::{PracticeStatus, Scope, Source};
use gcm_store::audit::Actor;
use gcm_store::framework_links::Link;
use gcm_store::practices::{self, Filter, PracticeInput, Sort, Text};

use crate::harness::TestApp;

pub fn sample(external_id: &str, title: &str, country: &str, objective: u8) -> PracticeInput {
    PracticeInput {
        implementer: Some("Ministry".into()),
        scope: Some(Scope::National),
        start_year: Some(2015),
        provenance: Some(serde_json::json!({"document": "002", "line_start": 1, "line_end": 2})),
        texts: vec![
            Text {
                field: "title".into(),
                lang: "en".into(),
                text: title.into(),
                origin: "human".into(),
            },
            Text {
                field: "summary".into(),
                lang: "en".into(),
                text: format!("About {title}"),
                origin: "human".into(),
            },
        ],
        countries: vec![country.to_string()],
        themes: vec!["labour_migration".into()],
        stakeholders: vec!["member_state_government".into()],
        links: vec![
            Link::new(format!("gcm:obj:{objective}")),
            Link::new("gcm:gp:human-rights"),
        ],
        ..PracticeInput::new(external_id, PracticeStatus::Published, Source::Seed, "en")
    }
}

db_test!(practices_store_list_and_facets, |app: TestApp| async move {
    let db = app.db();
    let compact = gcm_compact::Compact::load_shipped().unwrap();
    let actor = Actor::system("test");
    let (a, created) = practices::upsert(
        db,
        &compact,
        &actor,
        &sample("t-1", "Support centres", "PRT", 16),
    )
    .await
    .unwrap();
    assert!(created);
    practices::upsert(
        db,
        &compact,
        &actor,
        &sample("t-2", "Remittance app", "AZE", 20),
    )
    .await
    .unwrap();
    let mut draft = sample("t-3", "Unfinished", "PRT", 16);
    draft.status = PracticeStatus::Draft;
    practices::upsert(db, &compact, &actor, &draft)
        .await
        .unwrap();

    // Updating by external id keeps the id and adds a revision.
    let mut changed = sample("t-1", "Support centres for migrants", "PRT", 16);
    changed.texts.push(Text {
        field: "title".into(),
        lang: "fr".into(),
        text: "Centres d'appui".into(),
        origin: "machine".into(),
    });
    let (again, created) = practices::upsert(db, &compact, &actor, &changed)
        .await
        .unwrap();
    assert_eq!((again.as_str(), created), (a.as_str(), false));
    let p = practices::get(db, &a).await.unwrap().unwrap();
    assert_eq!(p.revisions, 2);
    assert_eq!(p.text("title", "fr").unwrap().text, "Centres d'appui");
    assert_eq!(
        p.text("title", "nb").unwrap().text,
        "Support centres for migrants"
    );
    assert_eq!(p.objectives(), vec![16]);

    // A bad tag changes nothing.
    let mut bad = sample("t-1", "Broken", "PRT", 16);
    bad.links.push(Link::new("gcm:obj:99"));
    assert!(practices::upsert(db, &compact, &actor, &bad).await.is_err());
    assert_eq!(practices::get(db, &a).await.unwrap().unwrap().revisions, 2);

    let public = Filter {
        public_only: true,
        ..Default::default()
    };
    let (items, total) = practices::list(db, &public, Sort::Title, "fr", 10, 0)
        .await
        .unwrap();
    assert_eq!(total, 2, "drafts are not public");
    assert_eq!(items[0].title, "Centres d'appui");
    assert_eq!(items[0].lang, "fr");
    assert_eq!(items[1].title, "Remittance app");

    let by_objective = Filter {
        objective: Some(20),
        ..public.clone()
    };
    let (items, total) = practices::list(db, &by_objective, Sort::Newest, "en", 10, 0)
        .await
        .unwrap();
    assert_eq!(total, 1);
    assert_eq!(items[0].countries, vec!["AZE".to_string()]);
    let europe = Filter {
        region: Some("150".into()),
        ..public.clone()
    };
    assert_eq!(
        practices::list(db, &europe, Sort::Newest, "en", 10, 0)
            .await
            .unwrap()
            .1,
        1
    );
    let western_asia = Filter {
        region: Some("145".into()),
        ..public.clone()
    };
    assert_eq!(
        practices::list(db, &western_asia, Sort::Newest, "en", 10, 0)
            .await
            .unwrap()
            .1,
        1
    );
    let french = Filter {
        lang: Some("fr".into()),
        ..public.clone()
    };
    assert_eq!(
        practices::list(db, &french, Sort::Newest, "en", 10, 0)
            .await
            .unwrap()
            .1,
        1
    );

    let f = practices::facets(db, &public).await.unwrap();
    assert!(
        f.objective.contains(&("16".to_string(), 1))
            && f.objective.contains(&("20".to_string(), 1)),
        "{:?}",
        f.objective
    );
    assert!(f.country.contains(&("PRT".to_string(), 1)));
    assert_eq!(f.principle, vec![("gcm:gp:human-rights".to_string(), 2)]);
    // The objective page's "linked here" panel counts the public ones only.
    let counts = gcm_store::framework_links::counts_for_objective(db, 16)
        .await
        .unwrap();
    assert_eq!(counts.get("practice"), Some(&1));
});

db_test!(practices_pages_api_and_exports, |app: TestApp| async move {
    let db = app.db();
    let compact = gcm_compact::Compact::load_shipped().unwrap();
    let actor = Actor::system("test");
    let (id, _) = practices::upsert(
        db,
        &compact,
        &actor,
        &sample("t-1", "Support centres", "PRT", 16),
    )
    .await
    .unwrap();
    practices::upsert(
        db,
        &compact,
        &actor,
        &sample("t-2", "Remittance app", "AZE", 20),
    )
    .await
    .unwrap();
    let mut draft = sample("t-3", "Secret draft", "PRT", 16);
    draft.status = PracticeStatus::Draft;
    let (draft_id, _) = practices::upsert(db, &compact, &actor, &draft)
        .await
        .unwrap();

    // Explore, filtered and localized; drafts never appear.
    let (status, html) = app.get_text("/fr/practices?objective=20").await;
    assert_eq!(status, 200);
    assert!(html.contains("Remittance app") && !html.contains("Support centres"));
    let (_, html) = app.get_text("/en/practices").await;
    assert!(html.contains("Support centres") && !html.contains("Secret draft"));
    assert!(html.contains("2 practice(s)"));
    for bad in [
        "objective=24",
        "country=XYZ",
        "principle=kindness",
        "theme=x",
        "sort=random",
        "year=abc",
        "action=gcm:obj:1:zz",
    ] {
        let res = app.get(&format!("/en/practices?{bad}")).await;
        assert_eq!(res.status().as_u16(), 400, "{bad}");
    }
    let (status, html) = app.get_text(&format!("/nb/practices/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Support centres") && html.contains("lang=\"en\""));
    assert!(html.contains("/nb/compact/objectives/16"));
    assert_eq!(
        app.get(&format!("/en/practices/{draft_id}"))
            .await
            .status()
            .as_u16(),
        404
    );

    // API with facets.
    let (status, list) = app.get_json("/api/v1/practices?country=prt").await;
    assert_eq!(status, 200);
    assert_eq!(list["total"], 1);
    assert_eq!(list["facets"]["objective"]["16"], 1);
    let (status, e) = app.get_json("/api/v1/practices?region=999").await;
    assert_eq!(
        (status, e["error"]["code"].as_str()),
        (400, Some("invalid_parameter"))
    );
    let (status, one) = app.get_json(&format!("/api/v1/practices/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(one["objectives"], serde_json::json!([16]));
    assert!(
        one["tags"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("gcm:gp:human-rights"))
    );
    assert_eq!(
        app.get_json(&format!("/api/v1/practices/{draft_id}"))
            .await
            .0,
        404
    );

    // Open data: published only, CSV long by language, every column documented.
    let body = app.get("/data/practices.csv").await.text().await.unwrap();
    let mut rdr = csv::Reader::from_reader(body.as_bytes());
    let headers: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert!(!body.contains("Secret draft"));
    let dictionary = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/DATA.md"),
    )
    .unwrap();
    for h in &headers {
        assert!(
            dictionary.contains(&format!("| `{h}` |")),
            "column {h} is not in docs/DATA.md"
        );
    }
    // The Atom feed lists the published ones, newest first, with their objectives.
    let res = app.get("/data/practices.atom").await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    let feed = res.text().await.unwrap();
    assert_eq!(feed.matches("<entry>").count(), 2);
    assert!(feed.contains("<category term=\"gcm:obj:20\""));
    assert!(!feed.contains("Secret draft"));
    let (status, json) = app.get_json("/data/practices.json").await;
    assert_eq!(status, 200);
    assert_eq!(json.as_array().unwrap().len(), 2);
});
