//! Reviewed corrections for single practices, where the derivation rules
//! give a poor title or scope. Each has its reason; every correction that
//! changes the scope is reported in the corpus notes.

use super::{Scope, SeedPractice};

/// A reviewed correction.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hint {
    /// External id of the practice.
    pub id: &'static str,
    /// Title to use instead of the derived one.
    pub title: Option<&'static str>,
    /// Scope to use instead of the derived one.
    pub scope: Option<Scope>,
    /// Why.
    pub reason: &'static str,
}

const HINTS: &[Hint] = &[
    Hint {
        id: "gfmd-2017:2.1:1",
        title: None,
        scope: None,
        reason: "the Permanent Migratory Statutes (PfP 2227) are probably Ecuador's bilateral statutes, but the example does not name Ecuador; countries list only the partners it names",
    },
    Hint {
        id: "gfmd-2017:2.1:2",
        title: None,
        scope: Some(Scope::Local),
        reason: "the bureaus operate in rural areas of Moldova",
    },
    Hint {
        id: "gfmd-2017:2.1:3",
        title: Some(
            "Seasonal agricultural work in Canada through the Quebec farmers association \"Ferme\"",
        ),
        scope: None,
        reason: "the printed name is the intermediary; the practice is Guatemala's seasonal labour scheme",
    },
    Hint {
        id: "gfmd-2017:2.2:4",
        title: Some("World Employment Confederation Code of Conduct"),
        scope: None,
        reason: "the printed name 'Code of conduct' is generic",
    },
    Hint {
        id: "gfmd-2017:2.4:2",
        title: Some("No placement fees for Philippine seafarers"),
        scope: Some(Scope::National),
        reason: "a Philippine policy; Japan is named as the destination of performing artists",
    },
    Hint {
        id: "gfmd-2017:3.1:1",
        title: Some(
            "JMDI study on a regional committee on migration and development in the Philippines",
        ),
        scope: Some(Scope::Local),
        reason: "the printed name is 'study'; the committee links local and regional (sub-national) actors",
    },
    Hint {
        id: "gfmd-2017:3.1:2",
        title: Some("Mexico's new Migration Law"),
        scope: None,
        reason: "the capitalised run before the footnote misses the possessive",
    },
    Hint {
        id: "gfmd-2017:3.1:5",
        title: Some(
            "Whole-of-government approach on migration and diaspora (Prime-Minister's disposition)",
        ),
        scope: None,
        reason: "the printed name is a clause",
    },
    Hint {
        id: "gfmd-2017:3.2:4",
        title: None,
        scope: Some(Scope::National),
        reason: "a national policy; the EU is named as a supporter",
    },
    Hint {
        id: "gfmd-2017:3.4:1",
        title: None,
        scope: Some(Scope::National),
        reason: "a German programme; the other countries host (or are to host) its counselling centres",
    },
    Hint {
        id: "gfmd-2017:3.4:4",
        title: Some(
            "Public-private partnerships for returning migrants' skills training and financial literacy",
        ),
        scope: None,
        reason: "the printed name 'public-private partnerships' is generic",
    },
    Hint {
        id: "gfmd-2017:4.1:1",
        title: Some("IOM–JMDI white paper on mainstreaming migration into local policy making"),
        scope: None,
        reason: "the printed name is 'white paper'",
    },
    Hint {
        id: "gfmd-2017:4.2:1",
        title: Some("envoidargent.fr remittance price comparison website"),
        scope: None,
        reason: "the printed name is the domain only",
    },
    Hint {
        id: "gfmd-2017:4.2:1b",
        title: Some("Remittance price comparison website (UK)"),
        scope: None,
        reason: "cited as a similar initiative to envoidargent.fr",
    },
    Hint {
        id: "gfmd-2017:4.2:1c",
        title: Some("Remittance price comparison website (Mexico)"),
        scope: None,
        reason: "cited as a similar initiative to envoidargent.fr",
    },
    Hint {
        id: "gfmd-2017:4.3:1b",
        title: Some("Diaspora knowledge-transfer initiative similar to Prometeo (Argentina)"),
        scope: None,
        reason: "cited as a similar initiative to Ecuador's Prometeo",
    },
    Hint {
        id: "gfmd-2017:4.4:2",
        title: Some(
            "Protection of migrants in transit through southern Mexico (UN Trust Fund for Human Security)",
        ),
        scope: Some(Scope::Local),
        reason: "the printed name is a long clause; the project covers southern Mexico",
    },
    Hint {
        id: "gfmd-2017:5.1:1",
        title: Some("Migrants in Countries in Crisis (MICIC)"),
        scope: Some(Scope::Global),
        reason: "the printed name is the full project title; an EU-funded project with global guidelines",
    },
    Hint {
        id: "gfmd-2017:5.1:3",
        title: None,
        scope: Some(Scope::Global),
        reason: "a state-led global initiative chaired by Germany and Bangladesh",
    },
    Hint {
        id: "gfmd-2017:5.2:1",
        title: Some("Eurostat-NIDI study on push and pull factors of international migration"),
        scope: None,
        reason: "the printed name is 'push and pull factors'",
    },
    Hint {
        id: "gfmd-2017:6.2:2",
        title: Some("Australia-Asia Program to Combat Trafficking in Persons (AAPTIP)"),
        scope: None,
        reason: "the name is printed in two bold spans around a footnote",
    },
    Hint {
        id: "gfmd-2017:6.3:1b",
        title: Some("Baseline data on migrant children (Thailand)"),
        scope: None,
        reason: "cited as a similar initiative to Mexico's child protection model",
    },
];

/// The correction for a practice, if any.
pub(crate) fn hint(id: &str) -> Option<&'static Hint> {
    HINTS.iter().find(|h| h.id == id)
}

/// Notes every correction whose practice was not extracted.
pub(crate) fn check_all_used(practices: &[SeedPractice], notes: &mut Vec<String>) {
    for h in HINTS {
        if !practices.iter().any(|p| p.external_id == h.id) {
            notes.push(format!(
                "reviewed correction for {} not applied: no such practice",
                h.id
            ));
        }
    }
}
