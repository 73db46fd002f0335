//! Keywords linking a practice's or recommendation's text to the Compact's
//! objectives (basis `text`).
//!
//! A keyword matches case-insensitively at a word boundary; a trailing `*`
//! lets it match as a prefix (`vulnerab*` → vulnerable, vulnerability).
//! Each objective may list phrases to ignore first, where a keyword would
//! match in a sense unrelated to the objective ("Information and
//! Communication Technology Council" is not information provision).

use super::text::{find_word, fold};

/// (objective, keywords, phrases blanked out before matching).
const KEYWORDS: &[(u8, &[&str], &[&str])] = &[
    (
        1,
        &[
            "data",
            "statistics",
            "census",
            "baseline data",
            "migration profile*",
            "evidence-based",
            "observator*",
        ],
        &["personal data", "protection of data"],
    ),
    (
        2,
        &[
            "root cause*",
            "climate change",
            "disaster*",
            "environmental degradation",
            "push and pull factors",
            "drivers",
        ],
        &[],
    ),
    (
        3,
        &[
            "information",
            "one-stop-shop*",
            "one-stop shop*",
            "pre-departure",
            "informed decision*",
        ],
        &[
            "information and communication technology",
            "integrated migration information system",
            "information on migration issues",
        ],
    ),
    (
        4,
        &[
            "legal identity",
            "birth registration",
            "civil registration",
            "identity document*",
            "passport*",
        ],
        &[],
    ),
    (
        5,
        &[
            "seasonal",
            "circular migration",
            "temporary migration",
            "temporary foreign worker*",
            "labor mobility",
            "labour mobility",
            "visa",
            "visas",
            "regular pathway*",
            "migration pathway*",
            "labour pathway*",
            "labor pathway*",
            "complementary pathway*",
            "free movement",
            "freedom of movement",
            "facilitate their movement",
            "regularisation",
            "regularization",
            "family reunification",
        ],
        &[],
    ),
    (
        6,
        &[
            "recruitment",
            "recruiter*",
            "placement fee*",
            "decent work",
            "labour inspection*",
            "labor inspection*",
            "labour rights",
            "labor rights",
            "labor exploitation",
            "labour exploitation",
            "exploitation or abuse",
            "exploitation from employers",
        ],
        &[],
    ),
    (
        7,
        &[
            "vulnerab*",
            "unaccompanied",
            "domestic workers",
            "women migrant workers",
            "violence against women",
        ],
        &[],
    ),
    (
        8,
        &[
            "missing migrants",
            "search and rescue",
            "save lives",
            "saving lives",
        ],
        &[],
    ),
    (9, &["smuggl*"], &[]),
    (10, &["trafficking", "trafficked"], &[]),
    (
        11,
        &["border management", "border control*", "integrated border*"],
        &[],
    ),
    (
        12,
        &["identification", "screening", "referral*", "be referred"],
        &["identification of investment"],
    ),
    (13, &["detention"], &[]),
    (14, &["consular*"], &[]),
    (
        15,
        &[
            "health care",
            "health-care",
            "health services",
            "health support",
            "basic services",
            "access to services",
            "social services",
            "medical",
            "shelter*",
            "housing",
            "vaccin*",
            "psychological",
        ],
        &[],
    ),
    (
        16,
        &[
            "integration",
            "social inclusion",
            "social cohesion",
            "political participation",
            "citizenship",
        ],
        &["economic integration in all fields"],
    ),
    (
        17,
        &[
            "discrimination",
            "xenophobia",
            "racism",
            "awareness raising",
            "awareness-raising",
            "perception*",
            "stereotyp*",
        ],
        &[],
    ),
    (
        18,
        &[
            "skill*",
            "qualification*",
            "vocational",
            "recognition of prior learning",
        ],
        &[],
    ),
    (
        19,
        &[
            "diaspora*",
            "migrant organization*",
            "migrant organisation*",
            "migrant association*",
            "investment opportunit*",
            "knowledge transfer",
            "enterprise development",
            "entrepreneur*",
        ],
        &[],
    ),
    (
        20,
        &[
            "remittance*",
            "money transfer*",
            "financial literacy",
            "financial inclusion",
            "financial services",
            "banking",
        ],
        &[],
    ),
    (
        21,
        &[
            "reintegrat*",
            "re-integrat*",
            "returnee*",
            "readmission",
            "voluntary return",
            "upon return",
            "their return",
            "pre-return",
            "returning migrants",
            "returned migrants",
            "return assistance",
        ],
        &[],
    ),
    (
        22,
        &[
            "social security",
            "social protection",
            "pension*",
            "portability",
            "portable",
            "earned benefits",
        ],
        &[],
    ),
    (
        23,
        &[
            "international cooperation",
            "regional cooperation",
            "bilateral",
            "multilateral",
            "memorandum of understanding",
            "migration partnership*",
            "regional consultative process*",
            "regional partnership*",
            "inter-regional",
        ],
        &[],
    ),
];

/// A keyword match: the objective and the text as printed that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KeywordHit {
    /// Objective 1–23.
    pub objective: u8,
    /// The matched words as they appear in the text.
    pub evidence: String,
}

/// Objectives whose keywords occur in `text`, in objective order, each with
/// the earliest matching words.
pub(crate) fn from_text(text: &str) -> Vec<KeywordHit> {
    let folded = fold(text);
    // `fold` keeps byte lengths except for the quote characters it replaces,
    // so evidence is taken from the folded text.
    let mut out = Vec::new();
    for (objective, keywords, ignore) in KEYWORDS {
        let mut hay = folded.clone();
        for phrase in *ignore {
            while let Some(at) = hay.find(phrase) {
                hay.replace_range(at..at + phrase.len(), &" ".repeat(phrase.len()));
            }
        }
        let mut best: Option<(usize, usize)> = None;
        for kw in *keywords {
            let (needle, prefix) = match kw.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (*kw, false),
            };
            if let Some(at) = find_word(&hay, needle, prefix) {
                let mut end = at + needle.len();
                if prefix {
                    end += hay[end..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '-')
                        .map(char::len_utf8)
                        .sum::<usize>();
                }
                if best.is_none_or(|(b, _)| at < b) {
                    best = Some((at, end));
                }
            }
        }
        if let Some((start, end)) = best {
            out.push(KeywordHit {
                objective: *objective,
                evidence: hay[start..end].to_owned(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn objectives(text: &str) -> Vec<u8> {
        from_text(text).into_iter().map(|h| h.objective).collect()
    }

    #[test]
    fn keywords() {
        assert_eq!(
            objectives("to compare remittances costs on 26 corridors"),
            vec![20]
        );
        assert_eq!(
            objectives("The Information and Communication Technology Council"),
            Vec::<u8>::new()
        );
        let hits = from_text("migrants who may be Vulnerable");
        assert_eq!(hits[0].objective, 7);
        assert_eq!(hits[0].evidence, "vulnerable");
        assert_eq!(objectives("a database of talent"), Vec::<u8>::new());
    }

    #[test]
    fn table_is_well_formed() {
        for (i, (objective, keywords, _)) in KEYWORDS.iter().enumerate() {
            assert!((1..=23).contains(objective));
            assert!(!keywords.is_empty());
            if i > 0 {
                assert!(KEYWORDS[i - 1].0 < *objective, "sorted, unique");
            }
            for kw in *keywords {
                assert_eq!(*kw, kw.to_lowercase(), "keywords are lower-case");
            }
        }
    }
}
