//! The UN Network on Migration presentation: the practices it presents.
//!
//! The seed is a conversion of several slide decks, so practices have no
//! common layout. Each is located by the line that introduces it (reviewed
//! table [`ENTRIES`]); its text runs to a known next heading or over a given
//! number of paragraphs. The objective it is presented under is the nearest
//! preceding slide heading `Objective N: …` or `The aim of Objective N`.

use super::places;
use super::text::{capitalise, clean_inline};
use super::{
    DerivationBasis, NETWORK_PREFIX, NETWORK_SEED, ObjectiveBasis, REVIEW_STATUS, SeedPractice,
    SourceLocation, finish_objectives, scope_of, text_links,
};

/// Where a practice's text ends.
#[derive(Debug, Clone, Copy)]
enum End {
    /// Before the first later line starting with this text.
    Before(&'static str),
    /// After this many non-blank lines following the introducing line.
    Paragraphs(usize),
    /// The introducing line is the whole text.
    Itself,
}

/// A practice of the presentation.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// Id after the prefix (`migaz`).
    slug: &'static str,
    /// Start of the (trimmed) line introducing the practice.
    start: &'static str,
    /// Title; `None`: the introducing line without its leading country name.
    title: Option<&'static str>,
    /// End of the text.
    end: End,
}

const ENTRIES: &[Entry] = &[
    Entry {
        slug: "portugal-cnaim",
        start: "Portugal: National Support Centers for the Integration of Migrants",
        title: Some(
            "National Support Centres for the Integration of Migrants (CNAIM) and local centres (CLAIM)",
        ),
        end: End::Before("Azerbaijan:"),
    },
    Entry {
        slug: "migaz",
        start: "Azerbaijan:",
        title: Some("MigAz mobile application for migration e-services"),
        end: End::Before("ILO- with government institutions"),
    },
    Entry {
        slug: "ilo-mrc",
        start: "ILO- with government institutions",
        title: Some("ILO Migrant Worker Resource Centres"),
        end: End::Before("MIGRATION NETWORK HUB"),
    },
    Entry {
        slug: "paraguay-social-security",
        start: "Paraguay Access to social security policies",
        title: None,
        end: End::Paragraphs(1),
    },
    Entry {
        slug: "bolivia-health",
        start: "Bolivia health support to migrant workers",
        title: None,
        end: End::Paragraphs(1),
    },
    Entry {
        slug: "philippines-children-of-migrants",
        start: "[Philippines Access to social services for the children of migrants",
        title: None,
        end: End::Paragraphs(1),
    },
    Entry {
        slug: "argentina-labour-inspections",
        start: "[Argentina prevention of exploitation",
        title: None,
        end: End::Paragraphs(1),
    },
    Entry {
        slug: "dt4e",
        start: "Displaced Talent for Europe (DT4E)",
        title: Some("Displaced Talent for Europe (DT4E)"),
        end: End::Itself,
    },
    Entry {
        slug: "crisp",
        start: "The Sustainable Resettlement and Complementary Pathways Initiative or CRISP",
        title: Some("Sustainable Resettlement and Complementary Pathways Initiative (CRISP)"),
        end: End::Itself,
    },
];

/// A body line is part of the summary when it ends a sentence or introduces
/// one (`Impact:`); sub-titles without punctuation are left out.
fn is_body(t: &str) -> bool {
    t.ends_with('.') || t.ends_with(':')
}

/// `Objective 15: …` or `The aim of Objective 6` → (15|6, heading).
fn objective_heading(t: &str) -> Option<u8> {
    let rest = t
        .strip_prefix("Objective ")
        .or_else(|| t.strip_prefix("The aim of Objective "))?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = &rest[digits.len()..];
    if !(after.is_empty() || after.starts_with(':')) {
        return None;
    }
    digits.parse().ok().filter(|n| (1..=23).contains(n))
}

pub(crate) fn extract(text: &str, notes: &mut Vec<String>) -> Vec<SeedPractice> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for e in ENTRIES {
        let id = format!("{NETWORK_PREFIX}:{}", e.slug);
        let Some(start) = lines.iter().position(|l| l.trim().starts_with(e.start)) else {
            notes.push(format!(
                "{id}: introducing line '{}' not found in {NETWORK_SEED}; not imported",
                e.start
            ));
            continue;
        };
        let heading = clean_inline(lines[start].trim());
        let mut body: Vec<(usize, &str)> = Vec::new();
        match e.end {
            End::Itself => body.push((start, lines[start].trim())),
            End::Paragraphs(n) => body.extend(
                lines
                    .iter()
                    .enumerate()
                    .skip(start + 1)
                    .map(|(i, l)| (i, l.trim()))
                    .filter(|(_, l)| !l.is_empty())
                    .take(n),
            ),
            End::Before(marker) => {
                let stop = lines
                    .iter()
                    .skip(start + 1)
                    .position(|l| l.trim().starts_with(marker))
                    .map(|p| p + start + 1);
                let Some(stop) = stop else {
                    notes.push(format!(
                        "{id}: end marker '{marker}' not found after line {}; not imported",
                        start + 1
                    ));
                    continue;
                };
                body.extend(
                    lines[start + 1..stop]
                        .iter()
                        .enumerate()
                        .map(|(k, l)| (start + 1 + k, l.trim()))
                        .filter(|(_, l)| is_body(l)),
                );
            }
        }
        let Some(&(last, _)) = body.last() else {
            notes.push(format!(
                "{id}: no text after line {}; not imported",
                start + 1
            ));
            continue;
        };
        let summary = clean_inline(&body.iter().map(|(_, l)| *l).collect::<Vec<_>>().join(" "));

        let found = places::find(&format!("{heading} {summary}"));
        let title = match e.title {
            Some(t) => t.to_owned(),
            None => title_from_heading(&heading, &found.countries),
        };

        let mut links = Vec::new();
        let stated = lines[..start]
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, l)| objective_heading(l.trim()).map(|n| (i, n, l.trim())));
        let section = match stated {
            Some((i, n, h)) => {
                links.push(ObjectiveBasis {
                    objective: n,
                    basis: DerivationBasis::Presentation,
                    evidence: format!("presented under '{h}' (line {})", i + 1),
                });
                format!("{h} › {heading}")
            }
            None => {
                notes.push(format!(
                    "{id}: no 'Objective N' slide before line {}; objectives from the text only",
                    start + 1
                ));
                heading.clone()
            }
        };
        links.extend(text_links(&format!("{title} {summary}")));
        let (objectives, objective_basis) = finish_objectives(links);
        let scope = scope_of(&found.countries, &found.regions);
        out.push(SeedPractice {
            external_id: id,
            title,
            summary,
            countries: found.countries,
            regions: found.regions,
            organisations: found.organisations,
            scope,
            gfmd_cluster: None,
            focus_area: None,
            pfp_id: None,
            pfp_url: None,
            related_pfp_ids: Vec::new(),
            related_to: None,
            objectives,
            objective_basis,
            source: SourceLocation {
                document: NETWORK_SEED.to_owned(),
                line_start: start + 1,
                line_end: last + 1,
                section,
            },
            review_status: REVIEW_STATUS.to_owned(),
        });
    }
    let named_only = [
        "Local Immigration Partnerships (LIPs)",
        "It Takes a Community",
    ];
    if named_only.iter().all(|n| {
        lines
            .iter()
            .any(|l| l.trim().trim_start_matches("- ") == *n)
    }) {
        notes.push(format!(
            "{NETWORK_SEED}: the Migration Network Hub's 'Latest practices' (Local Immigration Partnerships (LIPs); It Takes a Community; Assessing the Evidence: Country Profiles on Migration, Environment and Climate Change) are named without description, country or objective; not imported"
        ));
    }
    out
}

/// `Paraguay Access to social security policies` → `Access to social
/// security policies` (the country is in `countries`).
fn title_from_heading(heading: &str, countries: &[String]) -> String {
    let mut words = heading.split(' ');
    let first = words.next().unwrap_or_default();
    let rest: Vec<&str> = words.collect();
    let first_is_country =
        places::country_for_name(first).is_some_and(|c| countries.iter().any(|k| k == c));
    if first_is_country && !rest.is_empty() {
        capitalise(&rest.join(" "))
    } else {
        heading.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objective_headings() {
        assert_eq!(
            objective_heading("Objective 15: Provide access to basic services for migrants"),
            Some(15)
        );
        assert_eq!(objective_heading("The aim of Objective 6"), Some(6));
        assert_eq!(
            objective_heading("Objectives - International Migration Review Forum"),
            None
        );
        assert_eq!(objective_heading("Objective 24: x"), None);
    }

    #[test]
    fn titles() {
        assert_eq!(
            title_from_heading(
                "Paraguay Access to social security policies",
                &["PRY".to_owned()]
            ),
            "Access to social security policies"
        );
        assert_eq!(title_from_heading("Something else", &[]), "Something else");
    }
}
