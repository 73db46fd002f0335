//! Damages the seed texts in ways seen in such conversions (lost letters,
//! lost paragraph numbers, truncation, dropped actions) and checks that the
//! extractor reports the damage as alignment gaps instead of misaligning.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use gcm_compact::build::SEED_FILES;
use gcm_compact::{AlignmentGap, GapKind, Lang, NoteKind, Ref, align, extract, reconcile};

fn seeds() -> (String, String) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = [root.join("../shared/seeds"), root.join("data/seeds")]
        .into_iter()
        .find(|d| SEED_FILES.iter().all(|(_, n)| d.join(n).is_file()))
        .expect("seed texts in ../shared/seeds or data/seeds");
    let read = |lang: Lang| {
        let name = SEED_FILES.iter().find(|(l, _)| *l == lang).unwrap().1;
        std::fs::read_to_string(dir.join(name)).unwrap()
    };
    (read(Lang::Nb), read(Lang::Nl))
}

fn gaps_for(nb: &str, nl: &str) -> Vec<AlignmentGap> {
    let mut docs = vec![
        extract(nb, Lang::Nb).document,
        extract(nl, Lang::Nl).document,
    ];
    let mut gaps = reconcile(&mut docs);
    gaps.extend(align(&docs[0], &docs[1]));
    gaps
}

fn has_gap(gaps: &[AlignmentGap], r: &str, kind: GapKind, lang: Lang) -> bool {
    let r: Ref = r.parse().unwrap();
    gaps.iter()
        .any(|g| g.location == r && g.kind == kind && g.missing_in.contains(&lang))
}

fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "seed no longer contains {from:?}");
    text.replacen(from, to, 1)
}

#[test]
fn unmodified_seeds_align_structurally() {
    let (nb, nl) = seeds();
    let gaps = gaps_for(&nb, &nl);
    let structural: Vec<_> = gaps
        .iter()
        .filter(|g| {
            matches!(
                g.kind,
                GapKind::MissingParagraph
                    | GapKind::MissingParagraphItem
                    | GapKind::MissingObjective
                    | GapKind::MissingAction
                    | GapKind::MissingPrinciple
            )
        })
        .collect();
    assert!(structural.is_empty(), "{structural:#?}");
}

#[test]
fn dropped_action_is_reported_not_shifted() {
    let (nb, nl) = seeds();
    let from = "- c) De marktvoorschriften voor geldovermakingen harmoniseren";
    let start = nl.find(from).unwrap();
    let end = start + nl[start..].find("\n- d)").unwrap();
    let damaged = format!("{}{}", &nl[..start], &nl[end + 1..]);
    let gaps = gaps_for(&nb, &damaged);
    assert!(
        has_gap(&gaps, "gcm:obj:20:c", GapKind::MissingAction, Lang::Nl),
        "{gaps:#?}"
    );
    // d stays d: nothing after the hole is relabelled.
    let doc = extract(&damaged, Lang::Nl).document;
    let letters: Vec<char> = doc
        .objective(20)
        .unwrap()
        .actions
        .iter()
        .map(|a| a.letter)
        .collect();
    assert_eq!(letters, vec!['a', 'b', 'd', 'e', 'f', 'g', 'h', 'i']);
}

#[test]
fn lost_action_letter_is_reported() {
    let (nb, nl) = seeds();
    let damaged = replace_once(
        &nl,
        "- e) Innovatieve technologische",
        "- ) Innovatieve technologische",
    );
    let gaps = gaps_for(&nb, &damaged);
    assert!(
        has_gap(&gaps, "gcm:obj:20:e", GapKind::MissingAction, Lang::Nl),
        "{gaps:#?}"
    );
    let ex = extract(&damaged, Lang::Nl);
    assert!(
        ex.notes
            .iter()
            .any(|n| n.kind == NoteKind::Warning && n.location == "gcm:obj:20:d")
    );
}

#[test]
fn lost_paragraph_number_is_reported() {
    let (nb, nl) = seeds();
    let damaged = replace_once(&nl, "\n41. Wij verbinden ons", "\nWij verbinden ons");
    let gaps = gaps_for(&nb, &damaged);
    assert!(
        has_gap(&gaps, "gcm:para:41", GapKind::MissingParagraph, Lang::Nl),
        "{gaps:#?}"
    );
    // Its text went into paragraph 40, which is then reported as too long.
    assert!(
        gaps.iter()
            .any(|g| g.location == Ref::para(40) && g.kind == GapKind::LengthMismatch),
        "{gaps:#?}"
    );
}

#[test]
fn truncated_text_is_reported() {
    let (nb, nl) = seeds();
    let cut = nl.find("\n51. Wij verzoeken").unwrap();
    let gaps = gaps_for(&nb, &nl[..cut]);
    for n in 51..=54 {
        assert!(
            has_gap(
                &gaps,
                &format!("gcm:para:{n}"),
                GapKind::MissingParagraph,
                Lang::Nl
            ),
            "{n}"
        );
    }
}

#[test]
fn missing_objective_heading_is_reported() {
    let (nb, nl) = seeds();
    let damaged = replace_once(&nb, "MÅL 14: ", "");
    let gaps = gaps_for(&damaged, &nl);
    assert!(
        has_gap(&gaps, "gcm:obj:14", GapKind::MissingObjective, Lang::Nb),
        "{gaps:#?}"
    );
    assert!(has_gap(
        &gaps,
        "gcm:obj:14:a",
        GapKind::MissingAction,
        Lang::Nb
    ));
}

#[test]
fn crlf_and_extra_whitespace_do_not_matter() {
    let (nb, nl) = seeds();
    let nb_crlf = nb.replace('\n', "\r\n");
    let a = extract(&nb, Lang::Nb).document;
    let b = extract(&nb_crlf, Lang::Nb).document;
    assert_eq!(a, b);
    let nl_spaces = nl.replace(" migranten ", "  migranten\t");
    assert_eq!(
        extract(&nl, Lang::Nl).document,
        extract(&nl_spaces, Lang::Nl).document
    );
}

#[test]
fn garbage_input_gives_notes_not_panics() {
    for text in [
        "",
        "\n\n",
        "1. Only one paragraph.",
        "MÅL 1: x\na) y",
        "- \n-\n- a)\n[1]",
    ] {
        let ex = extract(text, Lang::Nb);
        assert!(ex.document.objectives.len() <= 1);
        assert!(!ex.notes.is_empty() || ex.document.paragraphs.is_empty());
    }
}
