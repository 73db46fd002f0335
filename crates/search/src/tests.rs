//! Behaviour tests of the index as a whole (each module tests its own parts).

use proptest::prelude::*;

use crate::*;

fn doc(kind: &str, id: &str, lang: &str, title: &str, body: &str) -> SearchDoc {
    SearchDoc {
        kind: kind.to_owned(),
        id: id.to_owned(),
        title: title.to_owned(),
        body: body.to_owned(),
        lang: Some(lang.to_owned()),
        url: format!("/{lang}/{kind}s/{id}"),
        ..SearchDoc::default()
    }
}

fn index_with(docs: Vec<SearchDoc>) -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap_or_else(|e| panic!("{e}"));
    index.upsert(docs).unwrap_or_else(|e| panic!("{e}"));
    index.commit().unwrap_or_else(|e| panic!("{e}"));
    index
}

fn search(index: &SearchIndex, q: SearchQuery) -> SearchResults {
    index.search(&q).unwrap_or_else(|e| panic!("{e}"))
}

fn ids(r: &SearchResults) -> Vec<&str> {
    r.hits.iter().map(|h| h.id.as_str()).collect()
}

fn fixture_index() -> SearchIndex {
    index_with(fixture::fixture_docs().unwrap_or_else(|e| panic!("{e}")))
}

#[test]
fn compounds_are_found_by_their_parts() {
    let index = index_with(vec![
        doc(
            "practice",
            "nb1",
            "nb",
            "Gode landbrukspraksiser",
            "Sesongarbeid i landbruket for migranter.",
        ),
        doc(
            "practice",
            "nb2",
            "nb",
            "Billigere pengeoverføringer",
            "Lavere gebyrer for familier.",
        ),
        doc(
            "practice",
            "nl1",
            "nl",
            "Arbeidsmigratie",
            "Programma voor seizoenswerk in de landbouw.",
        ),
        doc(
            "practice",
            "en1",
            "en",
            "Unrelated",
            "Nothing about these words.",
        ),
    ]);
    for (q, want) in [
        ("praksis", "nb1"),
        ("overføring", "nb2"),
        ("migratie", "nl1"),
    ] {
        let r = search(&index, SearchQuery::text(q));
        assert_eq!(ids(&r).first().copied(), Some(want), "{q}: {r:?}");
    }
}

#[test]
fn writes_are_searchable_after_commit_and_replace_by_key() {
    let index = index_with(vec![doc(
        "practice",
        "p1",
        "en",
        "Seasonal workers",
        "Orchard jobs.",
    )]);
    assert_eq!(search(&index, SearchQuery::text("orchard")).total, 1);
    index
        .upsert(vec![doc(
            "practice",
            "p1",
            "en",
            "Seasonal workers",
            "Vineyard jobs.",
        )])
        .unwrap_or_else(|e| panic!("{e}"));
    // Not committed yet: the old text is still what readers see.
    assert_eq!(search(&index, SearchQuery::text("orchard")).total, 1);
    index.commit().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(search(&index, SearchQuery::text("orchard")).total, 0);
    assert_eq!(search(&index, SearchQuery::text("vineyard")).total, 1);
    assert_eq!(index.num_docs(), 1);
    index.delete("practice", "p1");
    index.commit().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(index.num_docs(), 0);
}

#[test]
fn drafts_are_found_only_by_those_allowed() {
    let mut draft = doc(
        "practice",
        "draft",
        "en",
        "Draft on seasonal workers",
        "Orchard jobs.",
    );
    draft.visibility = Visibility::Restricted {
        org_ids: vec!["org-1".to_owned()],
        user_ids: vec!["user-9".to_owned()],
        roles: vec!["secretariat".to_owned()],
    };
    let public = doc(
        "practice",
        "public",
        "en",
        "Seasonal workers",
        "Orchard jobs.",
    );
    let index = index_with(vec![draft, public]);
    let as_viewer = |viewer: Viewer| {
        let r = search(
            &index,
            SearchQuery {
                q: "orchard".to_owned(),
                viewer,
                ..SearchQuery::default()
            },
        );
        (r.total, r.facets.get("kind").cloned())
    };
    assert_eq!(as_viewer(Viewer::anonymous()).0, 1);
    let stranger = Viewer {
        user_id: Some("user-2".to_owned()),
        org_ids: vec!["org-2".to_owned()],
        roles: vec!["reviewer".to_owned()],
    };
    assert_eq!(as_viewer(stranger).0, 1);
    let member = Viewer {
        user_id: Some("user-3".to_owned()),
        org_ids: vec!["org-1".to_owned()],
        roles: vec![],
    };
    let (total, kinds) = as_viewer(member);
    assert_eq!(total, 2);
    // Facets count what the viewer may see, nothing more.
    assert_eq!(kinds, Some(vec![("practice".to_owned(), 2)]));
    let author = Viewer {
        user_id: Some("user-9".to_owned()),
        ..Viewer::default()
    };
    assert_eq!(as_viewer(author).0, 2);
    let secretariat = Viewer {
        roles: vec!["secretariat".to_owned()],
        ..Viewer::default()
    };
    assert_eq!(as_viewer(secretariat).0, 2);
    // Similar items obey the same rule.
    let sim = index
        .similar("practice", "draft", 5, &Viewer::anonymous())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sim.notice.as_deref(), Some("not_found"));
}

#[test]
fn remittances_match_across_languages_with_reasons() {
    let index = fixture_index();
    for q in [
        "remittances",
        "pengeoverføringer",
        "overmakingen",
        "transferts de fonds",
        "remesas",
    ] {
        let r = search(
            &index,
            SearchQuery {
                limit: 100,
                ..SearchQuery::text(q)
            },
        );
        let keys: Vec<String> = r.hits.iter().map(|h| doc_key(&h.kind, &h.id)).collect();
        for want in [
            "compact:gcm:obj:20@en",
            "compact:gcm:obj:20@nb",
            "compact:gcm:obj:20@nl",
        ] {
            assert!(
                keys.iter().any(|k| k == want),
                "{q}: {want} not in {keys:?}"
            );
        }
        assert!(
            r.hits.iter().any(|h| h
                .reasons
                .iter()
                .any(|m| matches!(m, MatchReason::Glossary { objective: 20, .. }))),
            "{q}: no glossary reason"
        );
    }
    // The nb objective found by an English word carries a glossary reason, not a text one.
    let r = search(
        &index,
        SearchQuery {
            limit: 100,
            ..SearchQuery::text("remittances")
        },
    );
    let nb = r
        .hits
        .iter()
        .find(|h| h.id == "gcm:obj:20@nb")
        .unwrap_or_else(|| panic!("nb objective 20 missing"));
    assert!(
        nb.reasons
            .iter()
            .all(|m| !matches!(m, MatchReason::Text { .. }))
    );
    // The English one is found by its text, and says so.
    let en = r
        .hits
        .iter()
        .find(|h| h.id == "gcm:obj:20@en")
        .unwrap_or_else(|| panic!("en objective 20 missing"));
    assert!(en.reasons.contains(&MatchReason::Text {
        field: "title".to_owned(),
        lang: "en".to_owned()
    }));
    assert!(en.snippet_html.contains("<mark>"), "{}", en.snippet_html);
}

#[test]
fn the_thesaurus_reaches_english_farming_from_a_norwegian_compound() {
    let index = fixture_index();
    let r = search(&index, SearchQuery::text("landbrukspraksiser"));
    let hit = r
        .hits
        .iter()
        .find(|h| h.kind == "practice" && h.lang == "en")
        .unwrap_or_else(|| panic!("no English practice in {:?}", r.hits));
    let translation = hit
        .reasons
        .iter()
        .find_map(|m| match m {
            MatchReason::Translation {
                term,
                translation,
                lang,
            } => Some((term.as_str(), translation.as_str(), lang.as_str())),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no translation reason: {:?}", hit.reasons));
    assert_eq!(translation.0, "landbrukspraksiser");
    assert_eq!(translation.2, "en");
    assert!(translation.1.contains("agriculture"), "{translation:?}");
    assert!(hit.snippet_html.contains("<mark>"), "{}", hit.snippet_html);
}

#[test]
fn typos_are_tolerated_at_lower_rank() {
    let index = fixture_index();
    let r = search(&index, SearchQuery::text("trafficing"));
    assert!(r.total > 0);
    assert!(
        r.hits
            .iter()
            .any(|h| h.reasons.contains(&MatchReason::Fuzzy {
                term: "trafficing".to_owned()
            })),
        "{:?}",
        r.hits.first()
    );
}

#[test]
fn phrases_exclusions_and_prefixes() {
    let index = index_with(vec![
        doc(
            "practice",
            "a",
            "en",
            "Decent work for migrants",
            "Fair recruitment and decent work.",
        ),
        doc(
            "practice",
            "b",
            "en",
            "Work permits",
            "Decent housing; work visas.",
        ),
        doc(
            "practice",
            "c",
            "en",
            "Recruitment fees",
            "Zero recruitment fees policy.",
        ),
    ]);
    assert_eq!(
        ids(&search(&index, SearchQuery::text("\"decent work\""))),
        ["a"]
    );
    let r = search(&index, SearchQuery::text("work -housing"));
    assert_eq!(ids(&r), ["a"]);
    let r = search(&index, SearchQuery::text("recruit*"));
    assert_eq!(r.total, 2);
    assert!(r.hits.iter().all(|h| !h.reasons.is_empty()));
}

#[test]
fn filters_facets_and_sorting() {
    let mut docs = Vec::new();
    for (i, (lang, year, country, obj)) in [
        ("en", 2019, "PHL", 6u8),
        ("en", 2023, "MEX", 20),
        ("fr", 2021, "SEN", 20),
        ("nb", 2020, "NOR", 6),
    ]
    .into_iter()
    .enumerate()
    {
        let mut d = doc(
            "practice",
            &format!("p{i}"),
            lang,
            &format!("Title {i} migration"),
            "migration migrants",
        );
        d.year = Some(year);
        d.countries = vec![country.to_owned()];
        d.objectives = vec![obj];
        d.themes = vec!["labour_migration".to_owned()];
        d.org_kind = Some("government".to_owned());
        docs.push(d);
    }
    docs.push(doc("resource", "r1", "en", "A guide", "migration data"));
    let index = index_with(docs);
    let base = SearchQuery::text("migration");
    let r = search(
        &index,
        SearchQuery {
            objective: Some(20),
            ..base.clone()
        },
    );
    assert_eq!(r.total, 2);
    assert_eq!(r.facets.get("objective"), Some(&vec![("20".to_owned(), 2)]));
    let r = search(
        &index,
        SearchQuery {
            country: Some("phl".to_owned()),
            ..base.clone()
        },
    );
    assert_eq!(ids(&r), ["p0"]);
    let r = search(
        &index,
        SearchQuery {
            kinds: vec!["resource".to_owned()],
            ..base.clone()
        },
    );
    assert_eq!(ids(&r), ["r1"]);
    let r = search(
        &index,
        SearchQuery {
            lang_filter: Some("fr".to_owned()),
            ..base.clone()
        },
    );
    assert_eq!(ids(&r), ["p2"]);
    let r = search(
        &index,
        SearchQuery {
            year: Some(2020),
            ..base.clone()
        },
    );
    assert_eq!(ids(&r), ["p3"]);
    let r = search(
        &index,
        SearchQuery {
            sort: Sort::Newest,
            ..base.clone()
        },
    );
    assert_eq!(ids(&r)[..4], ["p1", "p2", "p3", "p0"]);
    let r = search(
        &index,
        SearchQuery {
            sort: Sort::Title,
            ..base.clone()
        },
    );
    assert_eq!(ids(&r).first().copied(), Some("r1"));
    let r = search(&index, base.clone());
    assert_eq!(r.total, 5);
    assert_eq!(
        r.facets.get("kind"),
        Some(&vec![
            ("practice".to_owned(), 4),
            ("resource".to_owned(), 1)
        ])
    );
    assert_eq!(r.facets.get("lang").map(Vec::len), Some(3));
    assert_eq!(
        r.facets.get("theme"),
        Some(&vec![("labour_migration".to_owned(), 4)])
    );
    // Paging.
    let page2 = search(
        &index,
        SearchQuery {
            offset: 2,
            limit: 2,
            ..base.clone()
        },
    );
    assert_eq!(page2.hits.len(), 2);
    assert_eq!(page2.total, 5);
    // An empty query lists everything the filters let through.
    let r = search(
        &index,
        SearchQuery {
            q: String::new(),
            objective: Some(6),
            ..base
        },
    );
    assert_eq!(r.total, 2);
    assert_eq!(r.notice, None);
}

#[test]
fn similar_items_combine_text_and_structure() {
    let mut a = doc(
        "practice",
        "a",
        "en",
        "Remittance price comparison",
        "A website comparing remittance fees for migrant workers sending money home.",
    );
    a.objectives = vec![20];
    a.countries = vec!["FRA".to_owned()];
    let mut b = doc(
        "practice",
        "b",
        "en",
        "Cheaper remittances",
        "Comparing remittance fees and money transfer costs.",
    );
    b.objectives = vec![20];
    let mut c = doc(
        "practice",
        "c",
        "nb",
        "Billigere pengeoverføringer",
        "Lavere gebyrer.",
    );
    c.objectives = vec![20];
    c.countries = vec!["FRA".to_owned()];
    let d = doc(
        "practice",
        "d",
        "en",
        "Border management",
        "Integrated border posts.",
    );
    let index = index_with(vec![a, b, c, d]);
    let sim = index
        .similar("practice", "a", 10, &Viewer::anonymous())
        .unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = sim.hits.iter().map(|h| h.hit.id.as_str()).collect();
    assert_eq!(ids.first().copied(), Some("b"), "{sim:?}");
    assert!(
        ids.contains(&"c"),
        "the nb item shares objective, country and (through the thesaurus) words: {ids:?}"
    );
    assert!(!ids.contains(&"a") && !ids.contains(&"d"));
    let b = &sim.hits[0];
    assert!(b.text > 0.0 && b.shared_objectives == [20]);
    let c = sim
        .hits
        .iter()
        .find(|h| h.hit.id == "c")
        .unwrap_or_else(|| panic!());
    // "pengeoverføringer" is "remittances" in the thesaurus: text similarity across
    // languages, weighed as a translation is (at most 0.6).
    assert!(c.text > 0.0 && c.text <= 0.6 + f32::EPSILON, "{}", c.text);
    assert_eq!(c.shared_countries, ["FRA"]);
}

#[test]
fn language_is_detected_when_absent() {
    let mut d = doc(
        "practice",
        "x",
        "en",
        "Programme",
        "Le programme aide les travailleurs migrants et leurs familles dans la région.",
    );
    d.lang = None;
    let index = index_with(vec![d]);
    let r = search(&index, SearchQuery::text("travailleur"));
    assert_eq!(r.hits.first().map(|h| h.lang.as_str()), Some("fr"));
}

#[test]
fn rebuild_reports_progress_and_replaces_everything() {
    let index = index_with(vec![doc("practice", "old", "en", "Old", "old text")]);
    let docs: Vec<SearchDoc> = (0..2500)
        .map(|i| doc("practice", &format!("n{i}"), "en", "New", "new text"))
        .collect();
    let mut seen = Vec::new();
    let n = index
        .rebuild(docs, |done| seen.push(done))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(n, 2500);
    assert_eq!(seen, [1000, 2000, 2500]);
    assert_eq!(index.num_docs(), 2500);
    assert_eq!(search(&index, SearchQuery::text("old")).total, 0);
}

#[test]
fn an_index_on_disk_reopens_with_its_lexicon() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    {
        let index = SearchIndex::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        index
            .upsert(vec![doc(
                "practice",
                "a",
                "nb",
                "Fiskeri",
                "Kystfiske og sesongarbeid.",
            )])
            .unwrap_or_else(|e| panic!("{e}"));
        index.commit().unwrap_or_else(|e| panic!("{e}"));
    }
    let index = SearchIndex::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(index.num_docs(), 1);
    // "sesongarbeid" was learnt from the first document and persisted with the index.
    index
        .upsert(vec![doc(
            "practice",
            "b",
            "nb",
            "Tiltak",
            "Fiskerisesongarbeid i nord.",
        )])
        .unwrap_or_else(|e| panic!("{e}"));
    index.commit().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(search(&index, SearchQuery::text("sesongarbeid")).total, 2);
}

/// Inputs that must give results or an empty page with a notice, never an error.
#[test]
fn hostile_queries_never_fail() {
    let index = fixture_index();
    let long = "migration ".repeat(1_000);
    let cases: Vec<(String, Option<&str>)> = vec![
        ("a".repeat(10_000), Some("query_truncated")),
        (long, Some("query_truncated")),
        ("!!!???...,,,;;;".to_owned(), Some("no_searchable_terms")),
        ("*:*".to_owned(), Some("no_searchable_terms")),
        ("\"unbalanced quote".to_owned(), Some("unbalanced_quote")),
        ("title:remittances AND body:(x OR y)".to_owned(), None),
        ("\u{0}\u{1}\u{7f}remittances\u{1b}[31m".to_owned(), None),
        ("🌍🚀 migration 🧳".to_owned(), None),
        ("🌍🚀🧳".to_owned(), Some("no_searchable_terms")),
        ("-remittances".to_owned(), Some("no_searchable_terms")),
        ("\"\"".to_owned(), Some("no_searchable_terms")),
        ("\u{202e} مهاجرين 移民 миграция".to_owned(), None),
        ("((((((((((".to_owned(), Some("no_searchable_terms")),
        ("a* b* c*".to_owned(), None),
        ("the and of".to_owned(), None),
    ];
    for (q, notice) in cases {
        let r = index
            .search(&SearchQuery {
                q: q.clone(),
                limit: 500,
                offset: 0,
                ..SearchQuery::default()
            })
            .unwrap_or_else(|e| panic!("{q:?}: {e}"));
        assert!(r.hits.len() <= 100);
        if let Some(n) = notice {
            assert!(
                r.notices.iter().any(|x| x.code() == n),
                "{q:?}: {:?}",
                r.notices
            );
        }
    }
    let r = index
        .search(&SearchQuery {
            q: "migration".to_owned(),
            offset: 1_000_000,
            ..SearchQuery::default()
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.notice.as_deref(), Some("offset_too_large"));
    assert!(r.total > 0 && r.hits.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn arbitrary_queries_never_fail(q in "\\PC{0,80}|[\"*:()\\-+~^ ]{0,20}|.{0,40}") {
        thread_local! {
            static INDEX: SearchIndex = index_with(vec![
                doc("practice", "a", "en", "Remittances", "Cheaper remittances for migrant workers."),
                doc("practice", "b", "nb", "Pengeoverføringer", "Billigere pengeoverføringer."),
            ]);
        }
        INDEX.with(|index| {
            let r = index.search(&SearchQuery::text(&q));
            prop_assert!(r.is_ok(), "{:?}", r);
            Ok(())
        })?;
    }
}

#[test]
fn judged_queries_reach_the_measured_floor() {
    let index = fixture_index();
    let judged = Judged::shipped().unwrap_or_else(|e| panic!("{e}"));
    assert!(judged.queries.len() >= 25);
    let eval = evaluate(&index, &judged).unwrap_or_else(|e| panic!("{e}"));
    for q in &eval.per_query {
        eprintln!("{:.3} {:.3} {}", q.ndcg_at_10, q.recall_at_10, q.q);
    }
    eprintln!(
        "nDCG@10 {:.3} recall@10 {:.3}",
        eval.ndcg_at_10, eval.recall_at_10
    );
    assert!(eval.ndcg_at_10 >= NDCG_FLOOR, "nDCG@10 {}", eval.ndcg_at_10);
    assert!(
        eval.recall_at_10 >= RECALL_FLOOR,
        "recall@10 {}",
        eval.recall_at_10
    );
}

/// Measured on the fixture corpus (nDCG@10 0.596, recall@10 0.823, with the thesaurus),
/// rounded down: a change that makes ranking worse fails here.
const NDCG_FLOOR: f64 = 0.59;
const RECALL_FLOOR: f64 = 0.82;
