//! Re-runs the practice extractor on the seed texts and checks the shipped
//! `data/practices/seed-corpus.json` is up to date, then checks a sample of
//! practices and recommendations against the seed text.
//!
//! Seeds are read from `<repo>/../shared/seeds`, falling back to
//! `<repo>/data/seeds`. Set `GCM_SEEDS_BLESS=1` to rewrite the file instead
//! of comparing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use gcm_compact::seeds::{self, SeedCorpus};

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed_dir() -> PathBuf {
    let shared = repo_root().join("../shared/seeds");
    let vendored = repo_root().join("data/seeds");
    [shared, vendored]
        .into_iter()
        .find(|d| d.join(seeds::GFMD_SEED).is_file() && d.join(seeds::NETWORK_SEED).is_file())
        .expect("seed texts in ../shared/seeds or data/seeds")
}

#[test]
fn shipped_corpus_matches_fresh_extraction() {
    let corpus = seeds::build_from_dir(&seed_dir()).expect("extract");
    if std::env::var_os("GCM_SEEDS_BLESS").is_some() {
        corpus
            .write_to(&repo_root().join("data/practices"))
            .expect("write");
        return;
    }
    let fresh = corpus.render().expect("render");
    assert!(
        fresh == SeedCorpus::shipped_json(),
        "data/practices/{} is out of date; rerun with GCM_SEEDS_BLESS=1 and review the diff",
        seeds::PRACTICES_FILE
    );
}

fn corpus() -> SeedCorpus {
    seeds::build_from_dir(&seed_dir()).expect("extract")
}

fn seed_lines(document: &str) -> Vec<String> {
    std::fs::read_to_string(seed_dir().join(document))
        .expect("read seed")
        .lines()
        .map(str::to_owned)
        .collect()
}

fn is_superscript_digit(c: char) -> bool {
    "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c)
}

/// The seed's lines `first..=last` as plain text: footnote bodies left out,
/// bullets, emphasis, escapes and footnote markers removed, whitespace
/// collapsed. Written independently of the extractor's own cleaning.
fn plain_text(lines: &[String], first: usize, last: usize) -> String {
    let mut parts = Vec::new();
    for line in &lines[first - 1..last] {
        let t = line.trim();
        if t.starts_with(is_superscript_digit) || t.starts_with("http") || t.starts_with("<http") {
            continue;
        }
        let t = t.strip_prefix("- ").unwrap_or(t);
        let t: String = t
            .chars()
            .filter(|c| !is_superscript_digit(*c) && *c != '*' && *c != '\\')
            .collect();
        parts.push(t);
    }
    parts
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn counts_and_ids() {
    let c = corpus();
    assert!(c.practices.len() >= 60, "{} practices", c.practices.len());
    let gfmd = c
        .practices
        .iter()
        .filter(|p| p.source.document == seeds::GFMD_SEED)
        .count();
    let network = c
        .practices
        .iter()
        .filter(|p| p.source.document == seeds::NETWORK_SEED)
        .count();
    assert!(gfmd >= 58, "{gfmd} GFMD practices");
    assert!(network >= 9, "{network} Network practices");
    let mut ids: Vec<&str> = c.practices.iter().map(|p| p.external_id.as_str()).collect();
    ids.extend(c.recommendations.iter().map(|r| r.external_id.as_str()));
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "external ids are unique");
    assert!(
        c.notes.iter().all(|n| !n.contains("not found")),
        "{:#?}",
        c.notes
    );
}

#[test]
fn every_practice_is_well_formed_and_found_in_its_seed() {
    let c = corpus();
    let gfmd_lines = seed_lines(seeds::GFMD_SEED);
    let network_lines = seed_lines(seeds::NETWORK_SEED);
    for p in &c.practices {
        let id = &p.external_id;
        assert!(!p.title.trim().is_empty(), "{id}: title");
        assert!(p.summary.len() > 40, "{id}: summary '{}'", p.summary);
        assert_eq!(p.review_status, seeds::REVIEW_STATUS, "{id}");
        for code in &p.countries {
            assert!(
                seeds::known_country_codes().contains(&code.as_str()),
                "{id}: {code} not in the name table"
            );
            assert!(
                code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()),
                "{id}: country code {code}"
            );
        }
        assert!(!p.objectives.is_empty(), "{id}: no objectives");
        assert!(
            p.objectives.windows(2).all(|w| w[0] < w[1]),
            "{id}: objectives sorted"
        );
        for o in &p.objectives {
            assert!((1..=23).contains(o), "{id}: objective {o}");
        }
        let mut from_basis: Vec<u8> = p.objective_basis.iter().map(|b| b.objective).collect();
        from_basis.dedup();
        assert_eq!(
            from_basis, p.objectives,
            "{id}: objective_basis matches objectives"
        );
        let lines = if p.source.document == seeds::GFMD_SEED {
            &gfmd_lines
        } else {
            assert_eq!(p.source.document, seeds::NETWORK_SEED);
            &network_lines
        };
        assert!(
            1 <= p.source.line_start
                && p.source.line_start <= p.source.line_end
                && p.source.line_end <= lines.len(),
            "{id}: lines {}–{}",
            p.source.line_start,
            p.source.line_end
        );
        let text = plain_text(lines, p.source.line_start, p.source.line_end);
        assert!(
            text.contains(&p.summary),
            "{id}: summary not found in {}:{}–{}\nsummary: {}\nseed: {}",
            p.source.document,
            p.source.line_start,
            p.source.line_end,
            p.summary,
            text
        );
        if let Some(pfp) = &p.pfp_id {
            let needle = format!("gfmd.org/pfp/ppd/{pfp}>");
            assert!(
                gfmd_lines.iter().any(|l| l.contains(&needle)),
                "{id}: PfP id {pfp} not in the seed's footnotes"
            );
        }
        if p.source.document == seeds::GFMD_SEED {
            assert!(p.gfmd_cluster.is_some() && p.focus_area.is_some(), "{id}");
        }
    }
}

#[test]
fn gfmd_practices_cover_every_focus_area_with_the_frameworks_numbering() {
    let c = corpus();
    let f = gcm_compact::Frameworks::load_shipped().unwrap();
    let mut areas = 0;
    for n in 1..=6u16 {
        let cluster = f.gfmd_cluster(n).unwrap();
        for fa in &cluster.focus_areas {
            areas += 1;
            let in_area = |p: &&seeds::SeedPractice| p.focus_area.as_deref() == Some(&fa.id);
            assert!(
                c.practices.iter().filter(in_area).count() >= 1,
                "focus area {} has no practice",
                fa.id
            );
            for p in c.practices.iter().filter(in_area) {
                assert_eq!(
                    p.gfmd_cluster,
                    Some(u8::try_from(n).unwrap()),
                    "{}",
                    p.external_id
                );
                // Every objective of the focus area's crosswalk is linked on basis 'cluster'.
                for link in &fa.objectives {
                    assert!(
                        p.objective_basis
                            .iter()
                            .any(|b| b.objective == link.objective
                                && b.basis == seeds::DerivationBasis::Cluster),
                        "{}: objective {} of focus area {}",
                        p.external_id,
                        link.objective,
                        fa.id
                    );
                }
            }
        }
    }
    assert_eq!(areas, 21);
}

/// What a practice must look like, verified by reading the seed.
struct Expected {
    id: &'static str,
    /// Words of the summary.
    words: &'static str,
    countries: &'static [&'static str],
    cluster: Option<u8>,
    focus_area: Option<&'static str>,
    pfp_id: Option<&'static str>,
    /// One objective that must be linked.
    objective: u8,
}

#[test]
fn sample_of_practices_checked_against_the_seed_text() {
    let c = corpus();
    let get = |id: &str| c.practice(id).unwrap_or_else(|| panic!("{id} missing"));
    let sample = [
        Expected {
            id: "gfmd-2017:1.1:1",
            words: "the government of El Salvador focuses on different priorities",
            countries: &["SLV"],
            cluster: Some(1),
            focus_area: Some("1.1"),
            pfp_id: Some("2334"),
            objective: 7,
        },
        Expected {
            id: "gfmd-2017:2.1:3",
            words: "under Canada's universal temporary foreign worker visa category",
            countries: &["CAN", "GTM"],
            cluster: Some(2),
            focus_area: Some("2.1"),
            pfp_id: Some("215"),
            objective: 5,
        },
        Expected {
            id: "gfmd-2017:3.4:3",
            words: "The Happy Return Program by the Korean government offers vocational training",
            countries: &["KOR"],
            cluster: Some(3),
            focus_area: Some("3.4"),
            pfp_id: Some("1689"),
            objective: 21,
        },
        Expected {
            id: "gfmd-2017:4.2:1",
            words: "The website envoidargent.fr offers to compare remittances costs on 26 corridors in France",
            countries: &["FRA"],
            cluster: Some(4),
            focus_area: Some("4.2"),
            pfp_id: Some("1682"),
            objective: 20,
        },
        Expected {
            id: "gfmd-2017:4.5:1",
            words: "Ghana operates a three-tier social security system.",
            countries: &["GHA"],
            cluster: Some(4),
            focus_area: Some("4.5"),
            pfp_id: Some("65"),
            objective: 22,
        },
        Expected {
            id: "gfmd-2017:6.1:2",
            words: "is an initiative between the Philippines and Netherlands",
            countries: &["NLD", "PHL"],
            cluster: Some(6),
            focus_area: Some("6.1"),
            pfp_id: Some("2242"),
            objective: 10,
        },
        Expected {
            id: "gfmd-2017:3.3:2",
            words: "ECOWAS has introduced the ECOWAS Passport",
            countries: &[],
            cluster: Some(3),
            focus_area: Some("3.3"),
            pfp_id: Some("1901"),
            objective: 23,
        },
        Expected {
            id: "unnm:portugal-cnaim",
            words: "the High Commission for Migration (ACM) created the National Support Centres for the Integration of Migrants (CNAIM)",
            countries: &["PRT"],
            cluster: None,
            focus_area: None,
            pfp_id: None,
            objective: 15,
        },
        Expected {
            id: "unnm:migaz",
            words: "the State Migration Service launched the MigAz mobile application",
            countries: &["AZE"],
            cluster: None,
            focus_area: None,
            pfp_id: None,
            objective: 15,
        },
        Expected {
            id: "unnm:paraguay-social-security",
            words: "can enroll in and contribute to the national social security system",
            countries: &["PRY"],
            cluster: None,
            focus_area: None,
            pfp_id: None,
            objective: 22,
        },
        Expected {
            id: "unnm:dt4e",
            words: "displaced people in need of international protection in Jordan and Lebanon",
            countries: &["JOR", "LBN"],
            cluster: None,
            focus_area: None,
            pfp_id: None,
            objective: 6,
        },
    ];
    for e in &sample {
        let id = e.id;
        let p = get(id);
        assert!(
            p.summary.contains(e.words),
            "{id}: '{}' not in {}",
            e.words,
            p.summary
        );
        assert_eq!(p.countries, e.countries, "{id}: countries");
        assert_eq!(p.gfmd_cluster, e.cluster, "{id}: cluster");
        assert_eq!(p.focus_area.as_deref(), e.focus_area, "{id}: focus area");
        assert_eq!(p.pfp_id.as_deref(), e.pfp_id, "{id}: PfP id");
        assert!(
            p.objectives.contains(&e.objective),
            "{id}: objective {} in {:?}",
            e.objective,
            p.objectives
        );
    }

    // Regional and global ones.
    let ecowas = get("gfmd-2017:3.3:2");
    assert_eq!(ecowas.regions, vec!["ECOWAS"]);
    assert_eq!(ecowas.scope, seeds::Scope::Regional);
    let mrc = get("unnm:ilo-mrc");
    assert_eq!(mrc.regions, vec!["ASEAN"]);
    assert_eq!(mrc.organisations, vec!["ILO"]);
    let crisp = get("unnm:crisp");
    assert!(crisp.countries.is_empty());
    assert_eq!(crisp.scope, seeds::Scope::Global);
    assert_eq!(crisp.organisations, vec!["IOM", "UNHCR"]);
    let iris = get("gfmd-2017:2.2:3");
    assert!(iris.title.contains("IRIS") && iris.scope == seeds::Scope::Global);

    // Objectives the presentation shows the practices under.
    for id in [
        "unnm:portugal-cnaim",
        "unnm:migaz",
        "unnm:ilo-mrc",
        "unnm:paraguay-social-security",
        "unnm:bolivia-health",
        "unnm:philippines-children-of-migrants",
        "unnm:argentina-labour-inspections",
    ] {
        let p = get(id);
        assert!(
            p.objective_basis
                .iter()
                .any(|b| b.objective == 15 && b.basis == seeds::DerivationBasis::Presentation),
            "{id}: presented under objective 15"
        );
    }
    for (id, country) in [
        ("unnm:bolivia-health", "BOL"),
        ("unnm:philippines-children-of-migrants", "PHL"),
        ("unnm:argentina-labour-inspections", "ARG"),
    ] {
        assert_eq!(get(id).countries, vec![country], "{id}");
    }
    assert!(
        get("unnm:dt4e")
            .objective_basis
            .iter()
            .any(|b| b.objective == 6 && b.basis == seeds::DerivationBasis::Presentation)
    );

    // Similar initiatives cited with their own PfP entry.
    for (id, parent, country, pfp) in [
        ("gfmd-2017:4.2:1b", "gfmd-2017:4.2:1", "GBR", "468"),
        ("gfmd-2017:4.2:1c", "gfmd-2017:4.2:1", "MEX", "76"),
        ("gfmd-2017:4.3:1b", "gfmd-2017:4.3:1", "ARG", "5073"),
        ("gfmd-2017:2.4:3b", "gfmd-2017:2.4:3", "AUS", "2210"),
        ("gfmd-2017:6.3:1b", "gfmd-2017:6.3:1", "THA", "443"),
    ] {
        let p = get(id);
        assert_eq!(p.related_to.as_deref(), Some(parent), "{id}");
        assert_eq!(p.countries, vec![country], "{id}");
        assert_eq!(p.pfp_id.as_deref(), Some(pfp), "{id}");
        assert!(
            !get(parent).countries.contains(&country.to_owned()),
            "{id}: parent"
        );
    }
}

/// Bullets under "Policy Options:" / "Options for practical action:" in
/// Section II, counted directly from the seed.
fn bullet_counts(lines: &[String]) -> (usize, usize) {
    let (mut policy, mut action) = (0, 0);
    let mut mode = "";
    for l in lines {
        let t = l.trim();
        if t.starts_with("III. Provide") {
            break;
        }
        match t {
            "Policy Options:" => mode = "policy",
            "Options for practical action:" => mode = "action",
            _ if t.starts_with("Policy and Practice Example") => mode = "",
            _ => {}
        }
        if l.starts_with("- ") {
            match mode {
                "policy" => policy += 1,
                "action" => action += 1,
                _ => {}
            }
        }
    }
    (policy, action)
}

#[test]
fn recommendations_match_the_seed() {
    let c = corpus();
    let lines = seed_lines(seeds::GFMD_SEED);
    let (policy, action) = bullet_counts(&lines);
    let kind_count = |k| c.recommendations.iter().filter(|r| r.kind == k).count();
    assert_eq!(kind_count(seeds::RecommendationKind::PolicyOption), policy);
    assert_eq!(
        kind_count(seeds::RecommendationKind::PracticalAction),
        action
    );
    let f = gcm_compact::Frameworks::load_shipped().unwrap();
    for r in &c.recommendations {
        let id = &r.external_id;
        let text = plain_text(&lines, r.source.line_start, r.source.line_end);
        assert!(text.contains(&r.text), "{id}: '{}' not in '{text}'", r.text);
        let cluster = f.gfmd_cluster(u16::from(r.gfmd_cluster)).unwrap();
        assert!(cluster.focus_area(&r.focus_area).is_some(), "{id}");
        assert!(!r.objectives.is_empty() && r.objectives.iter().all(|o| (1..=23).contains(o)));
        assert_eq!(r.review_status, seeds::REVIEW_STATUS);
    }
    // Nested numbered items and text continued after a page's footnotes.
    let census = c.recommendation("gfmd-2017:3.2:action:1").unwrap();
    assert!(census.text.contains("1) Ask basic census questions"));
    assert!(
        census
            .text
            .ends_with("5) Include migration modules in more existing household surveys.")
    );
    let integration = c.recommendation("gfmd-2017:1.3:action:1").unwrap();
    assert!(integration.source.line_end > integration.source.line_start);
    assert!(
        integration
            .text
            .contains("adopt well-balanced policies to foster tolerance")
    );
    let identification = c.recommendation("gfmd-2017:6.3:policy:1").unwrap();
    assert!(
        identification
            .text
            .contains("adequate support and protection as soon as possible upon arrival")
    );
    assert!(identification.objectives.contains(&12));
    let first = c.recommendation("gfmd-2017:1.1:policy:1").unwrap();
    assert!(
        first
            .text
            .starts_with("Respect and protect the human rights of all migrants")
    );
    assert_eq!(first.kind, seeds::RecommendationKind::PolicyOption);
}

#[test]
fn shipped_file_loads() {
    let shipped = SeedCorpus::load_shipped().unwrap();
    assert_eq!(shipped.format, seeds::FORMAT_VERSION);
    assert!(shipped.practices.len() >= 60);
}

#[test]
fn extraction_of_damaged_texts_does_not_panic() {
    let gfmd = std::fs::read_to_string(seed_dir().join(seeds::GFMD_SEED)).unwrap();
    let network = std::fs::read_to_string(seed_dir().join(seeds::NETWORK_SEED)).unwrap();
    let empty = seeds::extract_practices("", "");
    assert!(empty.practices.is_empty() && empty.recommendations.is_empty());
    assert!(empty.notes.iter().any(|n| n.contains("not found")));
    // Swapped documents, and every twentieth line prefix / suffix of each.
    let _ = seeds::extract_practices(&network, &gfmd);
    for text in [&gfmd, &network] {
        let lines: Vec<&str> = text.lines().collect();
        for cut in (0..lines.len()).step_by(20) {
            let head = lines[..cut].join("\n");
            let tail = lines[cut..].join("\n");
            let _ = seeds::extract_practices(&head, &tail);
            let _ = seeds::extract_practices(&tail, &head);
        }
    }
    // Lines cut in the middle (at character boundaries).
    let chopped: String = gfmd
        .lines()
        .map(|l| {
            let n = l.chars().count() / 2;
            l.chars().take(n).collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n");
    let _ = seeds::extract_practices(&chopped, &chopped);
}
