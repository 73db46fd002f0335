//! A deterministic synthetic corpus of any size for benchmarks (10k, 100k items): documents
//! stitched from the sentences of the fixture corpus (the Compact in en/nb/nl, the seed
//! practices and recommendations) plus a few hand-written French and Spanish sentences,
//! with a realistic mix of kinds, languages, objectives, countries, themes and years.
//!
//! The same seed and index always give the same document, so runs are comparable.

use std::collections::HashMap;

use crate::doc::{SearchDoc, Visibility};
use crate::fixture::fixture_docs;
use crate::glossary::FR_ES_LABELS;
use crate::index::SearchError;

/// Synthetic French sentences (written for the benchmark, not from any source).
const FR: [&str; 12] = [
    "Le programme soutient les travailleurs migrants et leurs familles dans la région.",
    "Les transferts de fonds des migrants contribuent au développement local.",
    "La coopération entre les pays d'origine et de destination améliore la protection des migrants.",
    "Le centre offre des informations sur les droits et les obligations avant le départ.",
    "Les autorités locales facilitent l'accès aux services de base pour tous les migrants.",
    "Une formation professionnelle favorise la reconnaissance des compétences acquises à l'étranger.",
    "La lutte contre la traite des personnes exige une coordination entre les services.",
    "Le projet accompagne le retour et la réintégration durable des migrants.",
    "Les données ventilées par sexe et par âge orientent les politiques publiques.",
    "Le recrutement équitable protège les travailleurs contre l'exploitation.",
    "Les effets des changements climatiques poussent des familles à quitter leurs terres.",
    "La diaspora investit dans des entreprises et partage ses connaissances.",
];

/// Synthetic Spanish sentences (written for the benchmark, not from any source).
const ES: [&str; 12] = [
    "El programa apoya a los trabajadores migrantes y a sus familias en la región.",
    "Las remesas de los migrantes contribuyen al desarrollo local.",
    "La cooperación entre países de origen y de destino mejora la protección de los migrantes.",
    "El centro ofrece información sobre derechos y obligaciones antes de la salida.",
    "Las autoridades locales facilitan el acceso a servicios básicos para todos los migrantes.",
    "La formación profesional favorece el reconocimiento de las competencias adquiridas en el extranjero.",
    "La lucha contra la trata de personas exige coordinación entre instituciones.",
    "El proyecto acompaña el retorno y la reintegración sostenible de los migrantes.",
    "Los datos desglosados por sexo y edad orientan las políticas públicas.",
    "La contratación equitativa protege a los trabajadores contra la explotación.",
    "Los efectos del cambio climático obligan a familias a abandonar sus tierras.",
    "La diáspora invierte en empresas y comparte sus conocimientos.",
];

/// Objectives the synthetic sentences above are about, in the same order.
const FR_ES_OBJECTIVES: [u8; 12] = [6, 20, 23, 3, 15, 18, 10, 21, 1, 6, 2, 19];

const COUNTRIES: [&str; 40] = [
    "MEX", "GTM", "SLV", "HND", "COL", "ECU", "PER", "BRA", "ARG", "CHL", "SEN", "MLI", "NGA",
    "GHA", "MAR", "TUN", "EGY", "ETH", "KEN", "UGA", "ZAF", "PHL", "IDN", "BGD", "NPL", "IND",
    "PAK", "LKA", "VNM", "THA", "DEU", "FRA", "ESP", "ITA", "NOR", "NLD", "BEL", "SWE", "CAN",
    "AUS",
];
const REGIONS: [&str; 8] = [
    "EU", "ECOWAS", "ASEAN", "AU", "SICA", "MERCOSUR", "IGAD", "SAARC",
];
const THEMES: [&str; 10] = [
    "gender_responsive",
    "child_sensitive",
    "human_rights",
    "disability_inclusive",
    "climate_and_disasters",
    "digital_innovation",
    "labour_migration",
    "data_and_evidence",
    "local_governance",
    "health",
];
const ORG_KINDS: [&str; 6] = [
    "government",
    "civil_society",
    "un_entity",
    "academia",
    "private_sector",
    "local_authority",
];

/// SplitMix64: tiny, fast and good enough to pick items; no dependency needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        let i = self.below(items.len());
        items.get(i)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A sentence with the objective of the text it came from.
type Sentence = (String, Option<u8>);

/// The generator: sentence pools per language.
pub struct Corpus {
    seed: u64,
    pools: HashMap<&'static str, Vec<Sentence>>,
}

fn sentences(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split_inclusive(['.', ';'])
        .map(str::trim)
        .filter(|s| s.split_whitespace().count() >= 5)
        .map(str::to_owned)
}

impl Corpus {
    /// A generator with `seed`.
    pub fn new(seed: u64) -> Result<Corpus, SearchError> {
        let mut pools: HashMap<&'static str, Vec<Sentence>> = HashMap::new();
        for d in fixture_docs()? {
            let lang = match d.lang.as_deref() {
                Some("nb") => "nb",
                Some("nl") => "nl",
                _ => "en",
            };
            let objective = d.objectives.first().copied();
            pools
                .entry(lang)
                .or_default()
                .extend(sentences(&d.body).map(|s| (s, objective)));
        }
        for (lang, texts) in [("fr", FR), ("es", ES)] {
            let pool = pools.entry(lang).or_default();
            pool.extend(
                texts
                    .iter()
                    .zip(FR_ES_OBJECTIVES)
                    .map(|(s, o)| ((*s).to_owned(), Some(o))),
            );
            pool.extend(FR_ES_LABELS.iter().map(|(n, fr, es)| {
                let label = if lang == "fr" { fr } else { es };
                (format!("{label}."), Some(*n))
            }));
        }
        Ok(Corpus { seed, pools })
    }

    /// Document number `i` (the same for the same seed).
    pub fn doc(&self, i: usize) -> SearchDoc {
        let mut rng = Rng(self.seed ^ (i as u64).wrapping_mul(0xA24B_AED4_963E_E407));
        let lang = match rng.below(100) {
            0..35 => "en",
            35..50 => "fr",
            50..65 => "es",
            65..80 => "nb",
            _ => "nl",
        };
        let pool = self.pools.get(lang).map(Vec::as_slice).unwrap_or_default();
        let (first, objective) = rng.pick(pool).cloned().unwrap_or_default();
        let mut body = first.clone();
        for _ in 0..2 + rng.below(6) {
            if let Some((s, _)) = rng.pick(pool) {
                body.push(' ');
                body.push_str(s);
            }
        }
        let title: String = first
            .split_whitespace()
            .take(4 + rng.below(6))
            .collect::<Vec<_>>()
            .join(" ");
        let mut objectives: Vec<u8> = objective.into_iter().collect();
        if rng.chance(50) {
            objectives.push(1 + rng.below(23) as u8);
        }
        objectives.sort_unstable();
        objectives.dedup();
        let kind = match rng.below(100) {
            0..55 => "practice",
            55..75 => "resource",
            75..90 => "recommendation",
            _ => "request",
        };
        let countries = (0..1 + rng.below(2))
            .filter_map(|_| rng.pick(&COUNTRIES).map(|c| (*c).to_owned()))
            .collect();
        let regions = if rng.chance(30) {
            rng.pick(&REGIONS)
                .map(|r| vec![(*r).to_owned()])
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let themes = (0..rng.below(3))
            .filter_map(|_| rng.pick(&THEMES).map(|t| (*t).to_owned()))
            .collect();
        let visibility = if rng.chance(3) {
            Visibility::Restricted {
                org_ids: vec![format!("org-{}", rng.below(500))],
                user_ids: Vec::new(),
                roles: vec!["secretariat".to_owned()],
            }
        } else {
            Visibility::Public
        };
        SearchDoc {
            kind: kind.to_owned(),
            id: format!("gen-{i}"),
            title,
            summary: None,
            body,
            lang: Some(lang.to_owned()),
            objectives,
            principles: Vec::new(),
            countries,
            regions,
            themes,
            org_kind: rng.pick(&ORG_KINDS).map(|k| (*k).to_owned()),
            year: Some(2008 + rng.below(19) as i64),
            url: format!("/{lang}/{kind}s/gen-{i}"),
            visibility,
        }
    }

    /// Documents `0..n`.
    pub fn docs(&self, n: usize) -> impl Iterator<Item = SearchDoc> + '_ {
        (0..n).map(|i| self.doc(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_mixed() {
        let c = Corpus::new(7).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.doc(42), c.doc(42));
        assert_ne!(c.doc(42), c.doc(43));
        let docs: Vec<SearchDoc> = c.docs(2_000).collect();
        for lang in crate::LANGS {
            let n = docs
                .iter()
                .filter(|d| d.lang.as_deref() == Some(lang))
                .count();
            assert!(n > 150, "{lang}: {n}");
        }
        assert!(
            docs.iter()
                .all(|d| !d.body.is_empty() && !d.title.is_empty())
        );
        let objectives: std::collections::BTreeSet<u8> =
            docs.iter().flat_map(|d| d.objectives.clone()).collect();
        assert_eq!(objectives.len(), 23);
    }
}
