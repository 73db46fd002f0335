//! English titles and summaries (`data/compact/en.json`), the related
//! frameworks (`data/frameworks/`), their crosswalk to the objectives, and
//! resolution and display of every reference kind.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use gcm_compact::english::sentence_case;
use gcm_compact::files::skeleton_refs;
use gcm_compact::frameworks::{FrameworkError, TextSource};
use gcm_compact::model::objective_of_paragraph;
use gcm_compact::{
    Basis, Compact, FrameworkItem, Frameworks, GuidingPrinciple, Lang, Ref, ResolveError,
    TitleSource,
};

fn compact() -> Compact {
    Compact::load_shipped().expect("shipped data loads")
}

fn r(s: &str) -> Ref {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

// ---------------------------------------------------------------- English

#[test]
fn twenty_three_labels_in_order() {
    let c = compact();
    let en = c.english();
    assert_eq!(en.lang, "en");
    let labels: Vec<&str> = en.objectives.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(labels.len(), 23);
    assert_eq!(labels.first(), Some(&"DATA"));
    assert_eq!(labels.last(), Some(&"INTERNATIONAL COOPERATION"));
    assert_eq!(labels[19], "REMITTANCES");
    assert_eq!(labels[12], "ALTERNATIVES TO DETENTION");
    for (i, o) in en.objectives.iter().enumerate() {
        assert_eq!(usize::from(o.number), i + 1);
        assert_eq!(o.reference, Ref::objective(o.number));
        assert_eq!(o.label, o.label.to_uppercase(), "{}", o.number);
        assert_eq!(o.label_display, sentence_case(&o.label), "{}", o.number);
        assert!(
            !o.title.is_empty() && !o.title.ends_with('.'),
            "{}",
            o.number
        );
        assert!(!o.summary_is_official);
        assert!(
            o.summary.len() > 80 && o.summary.len() < 700,
            "{}",
            o.number
        );
        assert_eq!(en.objective(o.number), Some(o));
    }
    assert_eq!(en.objective(1).unwrap().label_display, "Data");
    assert_eq!(
        en.objective(2).unwrap().label_display,
        "Minimize adverse drivers"
    );
    assert_eq!(en.objective(24), None);
}

#[test]
fn labels_and_official_titles_are_quoted_in_the_seeds() {
    let c = compact();
    let en = c.english();
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = [root.join("../shared/seeds"), root.join("data/seeds")]
        .into_iter()
        .find(|d| d.join(&en.label_source).is_file());
    let Some(dir) = dir else {
        panic!("seed {} not found", en.label_source);
    };
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let network = read(&en.label_source);
    for o in &en.objectives {
        assert!(
            network.contains(&format!("{} {}", o.number, o.label)),
            "label {} {} not in {}",
            o.number,
            o.label,
            en.label_source
        );
        match o.title_source {
            TitleSource::Official => {
                let seed = o
                    .title_seed
                    .as_deref()
                    .expect("official title names its seed");
                assert!(en.sources.contains_key(seed));
                assert!(
                    read(seed).contains(&o.title),
                    "objective {} title not quoted in {seed}",
                    o.number
                );
            }
            TitleSource::OfficialUnverified => assert!(o.title_seed.is_none()),
        }
    }
    for p in &en.principles {
        if p.title_source == TitleSource::Official {
            let seed = p.title_seed.as_deref().unwrap();
            assert!(read(seed).contains(&p.title), "{}", p.title);
        }
    }
    let verified: Vec<u8> = en
        .objectives
        .iter()
        .filter(|o| o.title_source == TitleSource::Official)
        .map(|o| o.number)
        .collect();
    assert_eq!(verified, vec![2, 5, 6, 15, 16, 18, 21]);
    assert_eq!(
        en.objective(20).unwrap().title,
        "Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants"
    );
}

#[test]
fn ten_principles_with_official_names() {
    let c = compact();
    let en = c.english();
    assert_eq!(en.principles.len(), 10);
    for (p, gp) in en.principles.iter().zip(GuidingPrinciple::ALL) {
        assert_eq!(p.slug, gp);
        assert_eq!(p.reference, Ref::Principle(gp));
        assert_eq!(p.title, gp.english_label());
        assert!(!p.summary_is_official);
        assert!(p.summary.len() > 60, "{gp}");
        assert_eq!(en.principle(gp), Some(p));
        assert_eq!(en.summary(&Ref::Principle(gp)), Some(p.summary.as_str()));
    }
    assert_eq!(
        en.principle(GuidingPrinciple::WholeOfGovernment)
            .unwrap()
            .title,
        "Whole-of-government approach"
    );
}

#[test]
fn action_summaries_match_the_structure_both_ways() {
    let c = compact();
    let en = c.english();
    assert!(!en.summaries_are_official);
    let structure_actions: BTreeSet<Ref> = c
        .structure()
        .objectives
        .iter()
        .flat_map(|o| o.actions.iter().map(|a| a.reference))
        .collect();
    let en_actions: BTreeSet<Ref> = en
        .summaries
        .keys()
        .filter(|k| {
            matches!(
                k,
                Ref::Objective {
                    action: Some(_),
                    ..
                }
            )
        })
        .copied()
        .collect();
    assert_eq!(structure_actions.len(), 187);
    let missing: Vec<_> = structure_actions.difference(&en_actions).collect();
    let extra: Vec<_> = en_actions.difference(&structure_actions).collect();
    assert!(
        missing.is_empty(),
        "actions without English summary: {missing:?}"
    );
    assert!(
        extra.is_empty(),
        "English summaries of unknown actions: {extra:?}"
    );
    // Every key of en.json names an element of the Compact.
    for k in en.summaries.keys() {
        c.check(k).unwrap_or_else(|e| panic!("{k}: {e}"));
        assert!(
            !matches!(k, Ref::Objective { action: None, .. } | Ref::Principle(_)),
            "{k}: objectives and principles have their own sections"
        );
    }
    for (k, v) in &en.summaries {
        let line = v.summary.trim();
        assert!(!line.is_empty() && !line.contains('\n'), "{k}");
        assert!(line.len() < 420, "{k}: summary too long ({})", line.len());
    }
}

#[test]
fn every_element_of_the_compact_has_an_english_summary() {
    let c = compact();
    let en = c.english();
    for k in skeleton_refs(c.structure()) {
        assert!(en.summary(&k).is_some(), "{k} has no English summary");
    }
    // Paragraphs 40-54 and the items of 43, 45 and 49 in particular.
    for n in 40..=54u8 {
        let e = en.entry(&Ref::para(n)).unwrap();
        assert!(e.title.is_some(), "paragraph {n} has no title");
    }
    for k in [
        "gcm:para:43:a:i",
        "gcm:para:43:a:v",
        "gcm:para:43:b:iii",
        "gcm:para:43:c:iii",
        "gcm:para:45:c",
        "gcm:para:49:e",
    ] {
        assert!(en.entry(&r(k)).is_some(), "{k}");
    }
    assert_eq!(en.title(&r("gcm:para:43:b")), Some("Start-up fund"));
    // Commitment paragraphs map to their objective.
    assert_eq!(en.summary(&Ref::para(36)), en.summary(&Ref::objective(20)));
    assert_eq!(
        en.title(&Ref::para(36)),
        Some(en.objective(20).unwrap().title.as_str())
    );
    assert!(objective_of_paragraph(36) == Some(20));
}

// ---------------------------------------------------------------- display

#[test]
fn display_text_per_interface_language() {
    let c = compact();
    let obj20 = Ref::objective(20);

    let en = c.display_text(&obj20, "en").unwrap();
    assert_eq!(en.lang, "en");
    assert!(en.is_summary);
    assert!(en.title.as_deref().unwrap().starts_with("Promote faster"));
    assert!(en.text.as_deref().unwrap().contains("remittances"));
    // No French or Spanish translation yet: the English summaries, marked en.
    for code in ["fr", "es"] {
        assert_eq!(c.display_text(&obj20, code), Some(en.clone()), "{code}");
    }

    let nb = c.display_text(&obj20, "nb").unwrap();
    assert_eq!(nb.lang, "nb");
    assert!(!nb.is_summary);
    assert!(nb.title.as_deref().unwrap().contains("pengeoverføringer"));
    assert_eq!(nb.text.as_deref(), c.commitment(20, Lang::Nb));
    let nl = c.display_text(&r("gcm:obj:20:a"), "nl").unwrap();
    assert_eq!(nl.lang, "nl");
    assert!(nl.text.unwrap().contains("3 procent"));
    let hr = c.display_text(&r("gcm:gp:human-rights"), "nb").unwrap();
    assert_eq!(hr.title.as_deref(), Some("Menneskerettigheter"));
    let hr = c.display_text(&r("gcm:gp:human-rights"), "es").unwrap();
    assert_eq!(hr.title.as_deref(), Some("Human rights"));
    assert_eq!(hr.lang, "en");

    // An action missing in one translation: no text in that language.
    let gap = c
        .structure()
        .objectives
        .iter()
        .flat_map(|o| o.actions.iter())
        .find(|a| !a.missing_in.is_empty());
    if let Some(a) = gap {
        let lang = a.missing_in[0];
        let d = c.display_text(&a.reference, lang.code()).unwrap();
        assert_eq!(d.text, None);
        assert_eq!(d.lang, lang.code());
        assert!(c.display_text(&a.reference, "en").unwrap().text.is_some());
    }

    // Unknown language codes and unknown elements.
    assert_eq!(c.display_text(&obj20, "de"), None);
    assert_eq!(c.display_text(&obj20, "EN"), None);
    assert_eq!(c.display_text(&r("gcm:obj:1:z"), "en"), None);
    assert_eq!(c.display_text(&r("gfmd:cluster:7"), "en"), None);

    // Framework items show their English text in every language.
    let sdg = c.display_text(&r("sdg:10.c"), "nl").unwrap();
    assert_eq!(sdg.lang, "en");
    assert!(!sdg.is_summary);
    assert!(sdg.text.unwrap().contains("3 per cent"));
    let cluster = c.display_text(&r("gfmd:cluster:4"), "nb").unwrap();
    assert!(cluster.is_summary);
    assert!(
        cluster
            .title
            .unwrap()
            .starts_with("Contributions of migrants")
    );
}

// ---------------------------------------------------------------- frameworks

#[test]
fn six_gfmd_clusters_with_focus_areas() {
    let f = Frameworks::load_shipped().unwrap();
    assert_eq!(f.gfmd.clusters.len(), 6);
    let areas: Vec<usize> = f
        .gfmd
        .clusters
        .iter()
        .map(|c| c.focus_areas.len())
        .collect();
    assert_eq!(areas, vec![3, 4, 4, 5, 2, 3]);
    for (i, c) in f.gfmd.clusters.iter().enumerate() {
        assert_eq!(usize::from(c.number), i + 1);
        assert_eq!(c.reference, Ref::GfmdCluster(c.number));
        assert!(!c.objectives().is_empty(), "cluster {}", c.number);
        assert_eq!(c.thematic_session.basis, Basis::StatedInSource);
        for (j, a) in c.focus_areas.iter().enumerate() {
            assert_eq!(a.id, format!("{}.{}", c.number, j + 1));
            assert_eq!(a.printed, format!("({})", j + 1));
            assert!(!a.objectives().is_empty(), "focus area {}", a.id);
        }
        // The recollection predates the objectives: every objective link is derived.
        assert!(c.objectives().iter().all(|(_, b)| *b == Basis::Derived));
    }
    let c4 = f.gfmd_cluster(4).unwrap();
    assert!(
        c4.title
            .starts_with("Contributions of migrants and diasporas")
    );
    let a42 = c4.focus_area("4.2").unwrap();
    assert_eq!(
        a42.title,
        "Reducing costs of migration and increasing impact of remittances"
    );
    assert_eq!(a42.objectives(), vec![(20, Basis::Derived)]);
    assert!(c4.sdg.iter().any(|l| l.reference == r("sdg:10.c")));
}

#[test]
fn eight_cs5_points() {
    let f = Frameworks::load_shipped().unwrap();
    assert_eq!(f.cs5.points.len(), 8);
    for (i, p) in f.cs5.points.iter().enumerate() {
        assert_eq!(usize::from(p.number), i + 1);
        assert_eq!(p.reference, Ref::Cs5(p.number));
        assert_eq!(
            usize::from(p.roundtable),
            i / 2 + 1,
            "two points per roundtable"
        );
        assert!(!p.title_is_official);
        assert!(p.text.len() > 100, "point {}", p.number);
        assert!(!p.objectives().is_empty());
        assert!(p.objectives.iter().all(|l| l.basis == Basis::Derived));
    }
    let with_benchmarks: Vec<u16> = f
        .cs5
        .points
        .iter()
        .filter(|p| !p.benchmarks.is_empty())
        .map(|p| p.number)
        .collect();
    assert_eq!(with_benchmarks, vec![3, 5, 7, 8]);
    let p7 = f.cs5_point(7).unwrap();
    assert!(p7.text.contains("recruitment industry"));
    assert_eq!(p7.benchmarks.len(), 3);
    assert_eq!(p7.objectives(), vec![(6, Basis::Derived)]);
}

#[test]
fn sdg_targets_and_indicators() {
    let f = Frameworks::load_shipped().unwrap();
    let codes: Vec<&str> = f.sdg.targets.iter().map(|t| t.code.as_str()).collect();
    for want in ["10.7", "10.c", "8.8", "16.9", "17.18", "8.7", "5.2", "16.2"] {
        assert!(codes.contains(&want), "missing SDG target {want}");
    }
    for t in &f.sdg.targets {
        assert_eq!(t.text_source, TextSource::OfficialUnverified);
        assert!(!t.text.is_empty());
        assert!(!t.cited_in.is_empty(), "{}: no citing source", t.code);
    }
    let t107 = f.sdg_target(&r("sdg:10.7")).unwrap();
    let inds: Vec<&str> = t107.indicators.iter().map(|i| i.code.as_str()).collect();
    assert!(inds.contains(&"10.7.1") && inds.contains(&"10.7.2"));
    assert!(t107.compact_level.is_some());
    // The Compact itself cites target 10.c in action 20(a).
    let t10c = f.sdg_target(&r("sdg:10.c")).unwrap();
    assert_eq!(t10c.indicators[0].code, "10.c.1");
    let stated: Vec<_> = t10c
        .objectives
        .iter()
        .filter(|l| l.basis == Basis::StatedInSource)
        .collect();
    assert_eq!(stated.len(), 1);
    assert_eq!(stated[0].objective, 20);
    assert_eq!(stated[0].cited_at, Some(r("gcm:obj:20:a")));
    let c = compact();
    assert!(
        c.action_text(20, 'a', Lang::Nb).unwrap().contains("10c")
            && c.action_text(20, 'a', Lang::Nl).unwrap().contains("10.c")
    );
}

#[test]
fn crosswalk_objectives_are_valid() {
    let c = compact();
    let f = c.frameworks();
    assert_eq!(f.validate(), Vec::<String>::new());
    let links = f.all_links();
    assert!(links.len() > 50);
    for (item, o, _) in &links {
        assert!((1..=23).contains(o), "{item} links objective {o}");
        c.check(item).unwrap();
    }
    // Every place an item is cited or linked exists.
    for t in &f.sdg.targets {
        for at in t.cited_in.iter() {
            c.check(at)
                .unwrap_or_else(|e| panic!("{}: cited in {at}: {e}", t.code));
        }
        for l in t
            .objectives
            .iter()
            .chain(t.indicators.iter().flat_map(|i| i.objectives.iter()))
        {
            if let Some(at) = l.cited_at {
                c.check(&at).unwrap();
            }
        }
    }
    for cl in &f.gfmd.clusters {
        for l in cl
            .sdg
            .iter()
            .chain(cl.focus_areas.iter().flat_map(|a| a.sdg.iter()))
        {
            c.check(&l.reference).unwrap();
        }
    }
    // Remittances: GFMD cluster 4 (derived), SDG 10.c (stated in the Compact).
    let cw = c.crosswalk_for_objective(20);
    assert!(
        cw.contains(&(r("gfmd:cluster:4"), Basis::Derived)),
        "{cw:?}"
    );
    assert!(
        cw.contains(&(r("sdg:10.c"), Basis::StatedInSource)),
        "{cw:?}"
    );
    assert!(cw.contains(&(r("sdg:10.c.1"), Basis::Derived)), "{cw:?}");
    // Recruitment: cs5 point 7, SDG indicator 10.7.1.
    let cw6 = c.crosswalk_for_objective(6);
    assert!(cw6.contains(&(r("cs5:7"), Basis::Derived)));
    assert!(cw6.contains(&(r("sdg:10.7.1"), Basis::Derived)));
    // Every objective is reached by some framework; none beyond 23.
    for n in 1..=23u8 {
        assert!(!c.crosswalk_for_objective(n).is_empty(), "objective {n}");
    }
    assert!(c.crosswalk_for_objective(24).is_empty());
    // Per-item objectives agree with the crosswalk.
    for fw in f.list() {
        for item in &fw.items {
            for (o, basis) in item.objectives() {
                assert!(
                    c.crosswalk_for_objective(o)
                        .iter()
                        .any(|(x, b)| *x == item.reference() && *b == basis),
                    "{} objective {o}",
                    item.reference()
                );
            }
        }
    }
}

#[test]
fn framework_listing() {
    let c = compact();
    let list = c.frameworks().list();
    let ids: Vec<&str> = list.iter().map(|f| f.id).collect();
    assert_eq!(ids, vec!["gfmd", "cs5", "sdg"]);
    assert_eq!(list[0].items.len(), 6);
    assert_eq!(list[1].items.len(), 8);
    assert!(
        list[2]
            .items
            .iter()
            .any(|i| matches!(i, FrameworkItem::SdgIndicator(..)))
    );
    for fw in &list {
        assert!(!fw.name.is_empty());
        for item in &fw.items {
            assert_eq!(item.framework(), fw.id);
            assert_eq!(c.framework_item(&item.reference()).unwrap(), *item);
            assert!(!item.title().is_empty() && !item.text().is_empty());
        }
    }
}

// ---------------------------------------------------------------- resolution

#[test]
fn resolution_accepts_shipped_framework_items() {
    let c = compact();
    for ok in [
        "gfmd:cluster:1",
        "gfmd:cluster:6",
        "cs5:1",
        "cs5:8",
        "sdg:10.7",
        "sdg:10.7.1",
        "sdg:10.7.2",
        "sdg:10.c",
        "sdg:10.c.1",
        "sdg:8.8",
        "sdg:16.9",
        "sdg:17.18",
    ] {
        let reference = r(ok);
        c.check(&reference).unwrap_or_else(|e| panic!("{ok}: {e}"));
        let resolved = c.resolve(&reference).unwrap();
        assert!(resolved.texts.is_empty(), "{ok}");
        assert!(matches!(
            c.resolve_in(&reference, Lang::Nl),
            Err(ResolveError::NotInCompact(_))
        ));
    }
}

#[test]
fn resolution_rejects_unknown_framework_items_clearly() {
    let c = compact();
    let e = c.check(&r("gfmd:cluster:7")).unwrap_err();
    assert_eq!(
        e,
        ResolveError::Framework(FrameworkError::UnknownGfmdCluster {
            number: 7,
            count: 6
        })
    );
    assert_eq!(e.to_string(), "unknown GFMD cluster 7; there are 6");
    let e = c.check(&r("cs5:9")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown civil-society action plan point 9; there are 8"
    );
    for bad in ["sdg:1.1", "sdg:10.7.9", "sdg:10.d", "sdg:17.18.9"] {
        let e = c.check(&r(bad)).unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains(bad) && msg.contains("10.7"), "{bad}: {msg}");
        assert!(c.resolve(&r(bad)).is_err());
        assert_eq!(c.display_text(&r(bad), "en"), None);
    }
    // Shape errors are still reported by the parser.
    for bad in ["gfmd:cluster:0", "cs5:x", "sdg:18.1"] {
        assert!(bad.parse::<Ref>().is_err(), "{bad}");
    }
}
