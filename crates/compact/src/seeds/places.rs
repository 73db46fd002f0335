//! Names of countries, regions and organisations as printed in the two seed
//! documents, mapped to ISO 3166-1 alpha-3 codes (countries), region labels
//! and organisation labels.
//!
//! The table covers the names that occur in the GFMD recollection's policy
//! and practice examples and in the Network presentation's practices, with the
//! adjectives the texts use ("Guatemalan", "Swiss", "Filipino"). It is not a
//! general gazetteer: a country missing here is simply not recognised.
//! Matching is case-sensitive, at word boundaries, longest name first.

use super::text::find_word;

/// What a name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// A country, by ISO 3166-1 alpha-3 code.
    Country(&'static str),
    /// A regional grouping or area (`EU`, `ECOWAS`, `Asia-Pacific`).
    Region(&'static str),
    /// An international organisation or other named actor.
    Organisation(&'static str),
}

use Place::{Country as C, Organisation as O, Region as R};

/// Printed name → what it stands for (one name may stand for several).
const NAMES: &[(&str, &[Place])] = &[
    // Countries (names, then adjectives and demonyms as printed).
    ("Afghanistan", &[C("AFG")]),
    ("Albania", &[C("ALB")]),
    ("Argentina", &[C("ARG")]),
    ("Australia", &[C("AUS")]),
    ("Australian", &[C("AUS")]),
    ("Azerbaijan", &[C("AZE")]),
    ("Republic of Azerbaijan", &[C("AZE")]),
    ("Bangladesh", &[C("BGD")]),
    ("Bolivia", &[C("BOL")]),
    ("Canada", &[C("CAN")]),
    ("Canadian", &[C("CAN")]),
    ("Colombia", &[C("COL")]),
    ("Cyprus", &[C("CYP")]),
    ("Ecuador", &[C("ECU")]),
    ("Ecuadorian", &[C("ECU")]),
    ("Egypt", &[C("EGY")]),
    ("Egyptian", &[C("EGY")]),
    ("El Salvador", &[C("SLV")]),
    ("France", &[C("FRA")]),
    ("Germany", &[C("DEU")]),
    ("German", &[C("DEU")]),
    ("Ghana", &[C("GHA")]),
    ("Guatemala", &[C("GTM")]),
    ("Guatemalan", &[C("GTM")]),
    ("Guatemalans", &[C("GTM")]),
    ("Indonesia", &[C("IDN")]),
    ("Iraq", &[C("IRQ")]),
    ("Japan", &[C("JPN")]),
    ("Jordan", &[C("JOR")]),
    ("Korea", &[C("KOR")]),
    ("Korean", &[C("KOR")]),
    // Kosovo has no ISO 3166-1 code; XKX is the user-assigned code used by
    // the European Commission, the IMF and others.
    ("Kosovo", &[C("XKX")]),
    ("Lebanon", &[C("LBN")]),
    ("Mauritius", &[C("MUS")]),
    ("Republic of Mauritius", &[C("MUS")]),
    ("Mexico", &[C("MEX")]),
    ("Mexican", &[C("MEX")]),
    ("Moldova", &[C("MDA")]),
    ("Moldovan", &[C("MDA")]),
    ("Republic of Moldova", &[C("MDA")]),
    ("Morocco", &[C("MAR")]),
    ("Nepal", &[C("NPL")]),
    ("Netherlands", &[C("NLD")]),
    ("New Zealand", &[C("NZL")]),
    ("Nigeria", &[C("NGA")]),
    ("Paraguay", &[C("PRY")]),
    ("Peru", &[C("PER")]),
    ("Philippines", &[C("PHL")]),
    ("Philippine", &[C("PHL")]),
    ("Filipino", &[C("PHL")]),
    ("Filipinos", &[C("PHL")]),
    ("Portugal", &[C("PRT")]),
    ("Senegal", &[C("SEN")]),
    ("Senegalese", &[C("SEN")]),
    ("Serbia", &[C("SRB")]),
    ("South Africa", &[C("ZAF")]),
    ("South African", &[C("ZAF")]),
    ("Sweden", &[C("SWE")]),
    ("Switzerland", &[C("CHE")]),
    ("Swiss", &[C("CHE")]),
    ("Thailand", &[C("THA")]),
    ("Tunisia", &[C("TUN")]),
    ("UK", &[C("GBR")]),
    ("United Kingdom", &[C("GBR")]),
    ("Venezuela", &[C("VEN")]),
    // Regional groupings and areas.
    ("Africa", &[R("Africa")]),
    ("African", &[R("Africa")]),
    ("ASEAN", &[R("ASEAN")]),
    ("Asia", &[R("Asia")]),
    ("Asia Pacific", &[R("Asia-Pacific")]),
    ("Asia-Pacific", &[R("Asia-Pacific")]),
    (
        "Economic Community of West African States",
        &[R("ECOWAS"), O("ECOWAS")],
    ),
    ("ECOWAS", &[R("ECOWAS"), O("ECOWAS")]),
    ("EU", &[R("EU")]),
    ("European Union", &[R("EU")]),
    ("Europe", &[R("Europe")]),
    (
        "Latin America and the Caribbean",
        &[R("Latin America and the Caribbean")],
    ),
    ("Pacific Island", &[R("Pacific Islands")]),
    ("Western Balkan", &[R("Western Balkans")]),
    ("Western Balkans", &[R("Western Balkans")]),
    // Organisations.
    (
        "United Nations Economic Commission for Latin America and the Caribbean",
        &[R("Latin America and the Caribbean"), O("ECLAC")],
    ),
    ("ECLAC", &[O("ECLAC")]),
    ("Eurostat", &[O("Eurostat")]),
    ("ICMPD", &[O("ICMPD")]),
    ("IFAD", &[O("IFAD")]),
    ("ILO", &[O("ILO")]),
    ("IOM", &[O("IOM")]),
    ("International Organization for Migration", &[O("IOM")]),
    ("Joint Migration and Development Initiative", &[O("JMDI")]),
    ("JMDI", &[O("JMDI")]),
    ("Microsoft", &[O("Microsoft")]),
    ("NIDI", &[O("NIDI")]),
    ("UNDESA", &[O("UN DESA")]),
    ("UNHCR", &[O("UNHCR")]),
    ("United Nations Refugee Agency", &[O("UNHCR")]),
    ("UN Trust Fund for Human Security", &[O("UNTFHS")]),
    ("United Nations Alliance of Civilizations", &[O("UNAOC")]),
    ("UNWomen", &[O("UN Women")]),
    ("UN Women", &[O("UN Women")]),
    ("World Bank", &[O("World Bank")]),
    (
        "World Employment Confederation",
        &[O("World Employment Confederation")],
    ),
];

/// Places named in a text, each list sorted and without duplicates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Found {
    /// ISO 3166-1 alpha-3 codes.
    pub countries: Vec<String>,
    /// Region labels.
    pub regions: Vec<String>,
    /// Organisation labels.
    pub organisations: Vec<String>,
}

/// Every name of the table found in `text` (longest match wins where names
/// overlap: "South African" is South Africa, not Africa).
pub(crate) fn find(text: &str) -> Found {
    // (start, end, places) of every match, then keep the longest at each
    // position and drop matches inside an earlier, longer one.
    let mut hits: Vec<(usize, usize, &[Place])> = Vec::new();
    for (name, places) in NAMES {
        let mut from = 0;
        while let Some(rel) = find_word(&text[from..], name, false) {
            let at = from + rel;
            hits.push((at, at + name.len(), places));
            from = at + name.len();
        }
    }
    hits.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut found = Found::default();
    let mut covered_to = 0;
    for (start, end, places) in hits {
        if start < covered_to {
            continue;
        }
        covered_to = end;
        for p in places {
            match p {
                Place::Country(c) => found.countries.push((*c).to_owned()),
                Place::Region(r) => found.regions.push((*r).to_owned()),
                Place::Organisation(o) => found.organisations.push((*o).to_owned()),
            }
        }
    }
    for list in [
        &mut found.countries,
        &mut found.regions,
        &mut found.organisations,
    ] {
        list.sort();
        list.dedup();
    }
    found
}

/// The country code when `name` is exactly a country's name in the table.
pub(crate) fn country_for_name(name: &str) -> Option<&'static str> {
    NAMES.iter().find_map(|(n, places)| match places {
        [Place::Country(c)] if *n == name => Some(*c),
        _ => None,
    })
}

/// Every country code of the table (for checks).
pub fn known_country_codes() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = NAMES
        .iter()
        .flat_map(|(_, places)| places.iter())
        .filter_map(|p| match p {
            Place::Country(c) => Some(*c),
            _ => None,
        })
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_wins() {
        let f = find("The South African National Skills Development Framework");
        assert_eq!(f.countries, vec!["ZAF"]);
        assert!(f.regions.is_empty());
        let f = find("The Economic Community of West African States (ECOWAS) and Nigeria");
        assert_eq!(f.countries, vec!["NGA"]);
        assert_eq!(f.regions, vec!["ECOWAS"]);
        let f = find("In the Republic of Moldova, the Moldovan Mainstreaming");
        assert_eq!(f.countries, vec!["MDA"]);
        let f = find("the Australia-Asia Program with ASEAN");
        assert_eq!(f.countries, vec!["AUS"]);
        assert_eq!(f.regions, vec!["ASEAN", "Asia"]);
    }

    #[test]
    fn names() {
        assert_eq!(country_for_name("UK"), Some("GBR"));
        assert_eq!(country_for_name("Filipino"), Some("PHL"));
        assert_eq!(country_for_name("Africa"), None);
        assert_eq!(country_for_name("UK Code"), None);
        assert!(known_country_codes().iter().all(|c| c.len() == 3));
    }
}
