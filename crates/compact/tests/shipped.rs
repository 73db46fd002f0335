//! Re-runs the extractor on the seed texts and checks the shipped data is
//! up to date, then checks the structure of the data.
//!
//! Seeds are read from `<repo>/../shared/seeds`, falling back to
//! `<repo>/data/seeds`. Set `GCM_COMPACT_BLESS=1` to rewrite
//! `data/compact/*.json` from the seeds instead of comparing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use gcm_compact::build::{self, SEED_FILES};
use gcm_compact::compact::SHIPPED_FILES;
use gcm_compact::files::ParagraphKind;
use gcm_compact::{Compact, GapKind, GuidingPrinciple, Lang, Ref, ResolveError};

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed_dir() -> Option<PathBuf> {
    let shared = repo_root().join("../shared/seeds");
    let vendored = repo_root().join("data/seeds");
    [shared, vendored]
        .into_iter()
        .find(|d| SEED_FILES.iter().all(|(_, name)| d.join(name).is_file()))
}

fn compact() -> Compact {
    Compact::load_shipped().expect("shipped data loads")
}

#[test]
fn shipped_data_matches_fresh_extraction() {
    let Some(dir) = seed_dir() else {
        panic!(
            "seed texts not found in ../shared/seeds or data/seeds; cannot check the shipped data"
        );
    };
    let built = build::build_from_dir(&dir).expect("build from seeds");
    if std::env::var_os("GCM_COMPACT_BLESS").is_some() {
        built
            .write_to(&repo_root().join("data/compact"))
            .expect("write data");
        return;
    }
    let rendered = built.render().expect("render");
    assert_eq!(rendered.len(), SHIPPED_FILES.len());
    for ((name, fresh), (shipped_name, shipped)) in rendered.iter().zip(SHIPPED_FILES) {
        assert_eq!(name, shipped_name);
        assert!(
            fresh == shipped,
            "data/compact/{name} is out of date; rerun with GCM_COMPACT_BLESS=1 and review the diff"
        );
    }
}

#[test]
fn twenty_three_objectives_with_commitments_17_to_39() {
    let c = compact();
    let s = c.structure();
    assert_eq!(s.objectives.len(), 23);
    for (i, o) in s.objectives.iter().enumerate() {
        assert_eq!(usize::from(o.number), i + 1);
        assert_eq!(usize::from(o.commitment_paragraph), i + 17);
        assert!(
            o.missing_in.is_empty(),
            "objective {} missing in {:?}",
            o.number,
            o.missing_in
        );
        for lang in [Lang::Nb, Lang::Nl] {
            let title = c.objective_title(o.number, lang).unwrap();
            assert!(
                !title.is_empty() && title.len() < 200,
                "{lang} objective {} title: {title}",
                o.number
            );
            let commitment = c.commitment(o.number, lang).unwrap();
            assert!(
                commitment.len() > 150,
                "{lang} objective {} commitment too short",
                o.number
            );
            let opener = if lang == Lang::Nb {
                "Vi forplikter oss"
            } else {
                "Wij verbinden ons"
            };
            assert!(
                commitment.starts_with(opener),
                "{lang} objective {}: {commitment}",
                o.number
            );
        }
    }
    for n in 17..=39u8 {
        let p = c.paragraph(n).unwrap();
        assert_eq!(p.kind, ParagraphKind::Commitment);
        assert_eq!(p.objective, Some(n - 16));
    }
}

#[test]
fn ten_principles_in_both_languages() {
    let c = compact();
    assert_eq!(c.structure().principles.len(), 10);
    for p in GuidingPrinciple::ALL {
        let info = c.principle(p.slug()).unwrap();
        assert!(info.missing_in.is_empty());
        for lang in [Lang::Nb, Lang::Nl] {
            let t = c.principle_text(p, lang).unwrap();
            assert!(t.len() > 100, "{lang} {p}: {t}");
        }
    }
    let nb = c
        .resolve_in(&"gcm:gp:human-rights".parse().unwrap(), Lang::Nb)
        .unwrap();
    assert_eq!(nb.title, Some("Menneskerettigheter"));
    assert!(nb.text.contains("ikke-diskriminering"));
    let nl = c
        .resolve_in(&"gcm:gp:child-sensitive".parse().unwrap(), Lang::Nl)
        .unwrap();
    assert_eq!(nl.title, Some("Kindgevoelig"));
    let nl = c
        .resolve_in(&"gcm:gp:whole-of-society".parse().unwrap(), Lang::Nl)
        .unwrap();
    assert!(nl.text.contains("partnerschappen"));
}

#[test]
fn action_letters_are_consecutive_or_gaps_are_recorded() {
    let c = compact();
    for o in &c.structure().objectives {
        let letters: Vec<char> = o.actions.iter().map(|a| a.letter).collect();
        let expected: Vec<char> = ('a'..='z').take(letters.len()).collect();
        assert_eq!(
            letters, expected,
            "objective {} letters in the union",
            o.number
        );
        assert!(
            letters.len() >= 3,
            "objective {} has only {} actions",
            o.number,
            letters.len()
        );
        for a in &o.actions {
            if !a.missing_in.is_empty() {
                assert!(
                    c.gaps()
                        .iter()
                        .any(|g| g.location == a.reference && g.kind == GapKind::MissingAction),
                    "{} missing in {:?} without a gap",
                    a.reference,
                    a.missing_in
                );
            }
            for lang in [Lang::Nb, Lang::Nl] {
                let present = c.action_text(o.number, a.letter, lang).is_some();
                assert_eq!(
                    present,
                    !a.missing_in.contains(&lang),
                    "{} {lang}",
                    a.reference
                );
                let file = c.language(lang).unwrap();
                assert_eq!(file.missing.contains(&a.reference), !present);
            }
        }
    }
}

#[test]
fn nb_and_nl_have_identical_structure_where_both_have_text() {
    let c = compact();
    let nb = c.language(Lang::Nb).unwrap();
    let nl = c.language(Lang::Nl).unwrap();
    let nb_keys: Vec<&Ref> = nb.texts.keys().collect();
    let nl_keys: Vec<&Ref> = nl.texts.keys().collect();
    // Every key present in one language but not the other is reported.
    for r in nb_keys.iter().filter(|r| !nl.texts.contains_key(r)) {
        assert!(
            c.gaps()
                .iter()
                .any(|g| g.location == **r && g.missing_in == vec![Lang::Nl]),
            "{r}"
        );
    }
    for r in nl_keys.iter().filter(|r| !nb.texts.contains_key(r)) {
        assert!(
            c.gaps()
                .iter()
                .any(|g| g.location == **r && g.missing_in == vec![Lang::Nb]),
            "{r}"
        );
    }
    // And every gap is real.
    for g in c.gaps() {
        for lang in &g.missing_in {
            let file = c.language(*lang).unwrap();
            let structural = matches!(
                g.kind,
                GapKind::MissingParagraph
                    | GapKind::MissingParagraphItem
                    | GapKind::MissingObjective
                    | GapKind::MissingAction
                    | GapKind::MissingPrinciple
            );
            if structural {
                assert!(file.missing.contains(&g.location), "{} {lang}", g.location);
            }
        }
    }
}

#[test]
fn known_alignment_gaps_are_reported() {
    let c = compact();
    // nl prints `m)` for the last action of objective 6; repaired and reported.
    let g = c
        .gaps()
        .iter()
        .find(|g| g.kind == GapKind::ActionLetterMismatch)
        .expect("letter mismatch reported");
    assert_eq!(g.location, "gcm:obj:6:l".parse().unwrap());
    assert!(g.resolution.is_some());
    assert_eq!(c.action_text(6, 'm', Lang::Nl), None);
    assert!(c.action_text(6, 'l', Lang::Nl).unwrap().contains("IRIS"));
    // nb lost the marker of footnote 2 (after "Parisavtalen").
    assert!(c.gaps().iter().any(|g| {
        g.kind == GapKind::MissingFootnote
            && g.missing_in == vec![Lang::Nb]
            && g.location == Ref::para(2)
    }));
}

#[test]
fn paragraph_43_items_and_paragraphs_40_to_54() {
    let c = compact();
    let p43 = c.paragraph(43).unwrap();
    let shape: Vec<(char, Vec<String>)> = p43
        .items
        .iter()
        .map(|i| (i.letter, i.subs.iter().map(|s| s.numeral.clone()).collect()))
        .collect();
    let want = vec![
        ('a', vec!["i", "ii", "iii", "iv", "v"]),
        ('b', vec!["i", "ii", "iii"]),
        ('c', vec!["i", "ii", "iii"]),
    ];
    let want: Vec<(char, Vec<String>)> = want
        .into_iter()
        .map(|(c, v)| (c, v.into_iter().map(str::to_owned).collect()))
        .collect();
    assert_eq!(shape, want);
    for lang in [Lang::Nb, Lang::Nl] {
        for r in [
            "gcm:para:43:a:v",
            "gcm:para:43:b:iii",
            "gcm:para:43:c:i",
            "gcm:para:45:c",
            "gcm:para:49:e",
        ] {
            let r: Ref = r.parse().unwrap();
            let t = c.resolve_in(&r, lang).unwrap();
            assert!(!t.text.is_empty(), "{r} {lang}");
        }
    }
    for n in 40..=54u8 {
        let p = c.paragraph(n).unwrap();
        assert!(
            p.missing_in.is_empty(),
            "paragraph {n} missing in {:?}",
            p.missing_in
        );
        for lang in [Lang::Nb, Lang::Nl] {
            let t = c.resolve_in(&Ref::para(n), lang).unwrap();
            assert!(t.text.len() > 40, "paragraph {n} {lang}: {}", t.text);
        }
    }
    for n in (1..=16u8).chain(40..=54) {
        assert!(
            c.paragraph(n).unwrap().missing_in.is_empty(),
            "paragraph {n}"
        );
    }
}

#[test]
fn text_anchors() {
    let c = compact();
    let nb20 = c.objective_title(20, Lang::Nb).unwrap();
    assert!(nb20.contains("pengeoverføringer"), "{nb20}");
    let nl20 = c.objective_title(20, Lang::Nl).unwrap();
    assert!(nl20.contains("overmakingen"), "{nl20}");
    assert!(
        c.commitment(20, Lang::Nl)
            .unwrap()
            .contains("geldovermakingen")
    );
    assert!(
        c.action_text(20, 'a', Lang::Nb)
            .unwrap()
            .contains("3 prosent")
    );
    assert!(
        c.action_text(20, 'a', Lang::Nl)
            .unwrap()
            .contains("3 procent")
    );
    assert!(
        c.objective_title(1, Lang::Nb)
            .unwrap()
            .ends_with("kunnskapsbasert politikk")
    );
    assert!(
        c.commitment(1, Lang::Nb)
            .unwrap()
            .starts_with("Vi forplikter oss til å styrke")
    );
    assert!(
        c.objective_title(8, Lang::Nl)
            .unwrap()
            .contains("Levens redden")
    );
    assert!(
        c.action_text(2, 'g', Lang::Nb)
            .unwrap()
            .ends_with("(MICIC)")
    );
    assert!(
        c.action_text(13, 'h', Lang::Nl)
            .unwrap()
            .contains("detentie van kinderen")
    );
    let p43a = c
        .resolve_in(&"gcm:para:43:a".parse().unwrap(), Lang::Nb)
        .unwrap();
    assert!(p43a.text.contains("sammenbindende nav"));
    let p43 = c.resolve_in(&Ref::para(43), Lang::Nl).unwrap();
    assert!(p43.text.contains("capaciteitsopbouw"));
    let p2 = c.resolve_in(&Ref::para(2), Lang::Nb).unwrap();
    assert!(
        p2.text.contains("menneskerettstraktatene;"),
        "footnote marker removed: {}",
        p2.text
    );
    let p3 = c.resolve_in(&Ref::para(3), Lang::Nb).unwrap();
    assert!(
        p3.text.ends_with("sårbare på liknende måter."),
        "{}",
        p3.text
    );
    let p54 = c.resolve_in(&Ref::para(54), Lang::Nb).unwrap();
    assert!(p54.text.ends_with("skissert i den globale plattformen."));
    let via_para = c.resolve_in(&Ref::para(36), Lang::Nb).unwrap();
    assert_eq!(Some(via_para.text), c.commitment(20, Lang::Nb));
}

#[test]
fn resolve_rejects_unknown_elements() {
    let c = compact();
    assert!(matches!(
        c.resolve(&"gcm:obj:1:z".parse().unwrap()),
        Err(ResolveError::UnknownAction(_))
    ));
    assert!(matches!(
        c.resolve(&"gcm:para:2:a".parse().unwrap()),
        Err(ResolveError::UnknownItem(_))
    ));
    assert!(matches!(
        c.resolve(&"gcm:para:43:a:vi".parse().unwrap()),
        Err(ResolveError::UnknownItem(_))
    ));
    // Framework references resolve against the shipped frameworks: they exist,
    // but have no text in the translations of the Compact.
    let sdg = c.resolve(&"sdg:10.7.2".parse().unwrap()).unwrap();
    assert!(sdg.texts.is_empty());
    assert!(matches!(
        c.resolve_in(&"sdg:10.7.2".parse().unwrap(), Lang::Nb),
        Err(ResolveError::NotInCompact(_))
    ));
    let r = c.resolve(&"gcm:obj:20:c".parse().unwrap()).unwrap();
    assert_eq!(r.texts.len(), 2);
    for bad in ["gcm:obj:24", "gcm:obj:x", "foo", ""] {
        assert!(bad.parse::<Ref>().is_err(), "{bad}");
    }
}

#[test]
fn single_file_extraction_entry_point() {
    let Some(dir) = seed_dir() else {
        return;
    };
    let (lang, name) = SEED_FILES[0];
    let json = build::extract_file_json(&dir.join(name), lang).unwrap();
    assert!(json.contains("\"gcm:obj:20:c\""));
}
