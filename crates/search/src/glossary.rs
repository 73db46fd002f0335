//! The cross-language glossary: words that name an objective (or a guiding principle) in
//! any of the five languages, so "remittances", "pengeoverføringer", "overmakingen",
//! "transferts de fonds" and "remesas" all point to objective 20.
//!
//! Built from the Compact's aligned texts: per objective its English label and title, and
//! its nb and nl title, list title and commitment; per principle its label in each
//! language. French and Spanish have no translation in the seeds yet, so their short labels
//! come from [`FR_ES_LABELS`], a small hand-written table. A stemmed word becomes an entry
//! only when it is distinctive: in the titles and labels of at most two objectives, or (for
//! the longer commitment text) in exactly one commitment and no title.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use gcm_compact::files::Entry;
use gcm_compact::{Compact, GuidingPrinciple, Lang, Ref};

use crate::analysis::Analyzers;
use crate::lang::LANGS;

/// Hand-written (not official) French and Spanish short labels of the 23 objectives, with a
/// few common synonyms, for the glossary. (objective, French, Spanish.)
pub const FR_ES_LABELS: [(u8, &str, &str); 23] = [
    (
        1,
        "Données ventilées, statistiques",
        "Datos desglosados, estadísticas",
    ),
    (
        2,
        "Réduire les facteurs négatifs, climat",
        "Minimizar los factores adversos, clima",
    ),
    (
        3,
        "Information à toutes les étapes",
        "Información en todas las etapas",
    ),
    (
        4,
        "Identité juridique et documents",
        "Identidad jurídica y documentación",
    ),
    (
        5,
        "Voies de migration régulière",
        "Vías de migración regular",
    ),
    (
        6,
        "Recrutement équitable et travail décent",
        "Contratación equitativa y trabajo decente",
    ),
    (
        7,
        "Réduire les vulnérabilités",
        "Reducir las vulnerabilidades",
    ),
    (
        8,
        "Sauver des vies, migrants disparus",
        "Salvar vidas, migrantes desaparecidos",
    ),
    (
        9,
        "Trafic illicite de migrants, passeurs",
        "Tráfico ilícito de migrantes",
    ),
    (10, "Traite des personnes", "Trata de personas"),
    (11, "Gestion des frontières", "Gestión de fronteras"),
    (
        12,
        "Procédures, filtrage et orientation",
        "Procedimientos, evaluación y derivación",
    ),
    (
        13,
        "Alternatives à la détention",
        "Alternativas a la detención",
    ),
    (14, "Protection consulaire", "Protección consular"),
    (
        15,
        "Accès aux services de base",
        "Acceso a servicios básicos",
    ),
    (
        16,
        "Inclusion et cohésion sociale",
        "Inclusión y cohesión social",
    ),
    (
        17,
        "Éliminer la discrimination",
        "Eliminar la discriminación",
    ),
    (
        18,
        "Développement et reconnaissance des compétences",
        "Desarrollo y reconocimiento de competencias",
    ),
    (
        19,
        "Contributions des migrants et des diasporas",
        "Contribuciones de los migrantes y las diásporas",
    ),
    (20, "Transferts de fonds", "Remesas"),
    (
        21,
        "Retour et réintégration dans la dignité",
        "Retorno digno y reintegración",
    ),
    (
        22,
        "Protection sociale, portabilité",
        "Protección social, portabilidad",
    ),
    (
        23,
        "Coopération internationale",
        "Cooperación internacional",
    ),
];

/// Hand-written French and Spanish labels of the guiding principles.
const FR_ES_PRINCIPLES: [(GuidingPrinciple, &str, &str); 10] = [
    (
        GuidingPrinciple::PeopleCentred,
        "Centré sur la personne",
        "Centrado en las personas",
    ),
    (
        GuidingPrinciple::InternationalCooperation,
        "Coopération internationale",
        "Cooperación internacional",
    ),
    (
        GuidingPrinciple::NationalSovereignty,
        "Souveraineté nationale",
        "Soberanía nacional",
    ),
    (
        GuidingPrinciple::RuleOfLawAndDueProcess,
        "État de droit et garanties procédurales",
        "Estado de derecho y debidas garantías",
    ),
    (
        GuidingPrinciple::SustainableDevelopment,
        "Développement durable",
        "Desarrollo sostenible",
    ),
    (
        GuidingPrinciple::HumanRights,
        "Droits de l'homme",
        "Derechos humanos",
    ),
    (
        GuidingPrinciple::GenderResponsive,
        "Prise en compte des questions de genre",
        "Perspectiva de género",
    ),
    (
        GuidingPrinciple::ChildSensitive,
        "Prise en compte des enfants",
        "Perspectiva infantil",
    ),
    (
        GuidingPrinciple::WholeOfGovernment,
        "Approche mobilisant l'ensemble des pouvoirs publics",
        "Enfoque pangubernamental",
    ),
    (
        GuidingPrinciple::WholeOfSociety,
        "Approche mobilisant l'ensemble de la société",
        "Enfoque pansocial",
    ),
];

/// Words of the domain that every objective shares; never glossary entries, whatever the
/// label tables happen to contain.
const GENERIC: [&str; 5] = [
    "migration migrations migrant migrants migratory international safe orderly regular",
    "migration migrations migrant migrants migratoire migratoires internationale sûre ordonnée régulière",
    "migración migraciones migrante migrantes migratorio migratoria internacional segura ordenada regular",
    "migrasjon migrant migranter migrantene internasjonal internasjonale trygg ordnet regulær",
    "migratie migrant migranten internationale veilige ordelijke reguliere",
];

/// What a glossary word points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GlossaryTarget {
    /// An objective 1–23.
    Objective(u8),
    /// A guiding principle.
    Principle(GuidingPrinciple),
}

/// Stemmed words per language mapped to what they name.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    terms: HashMap<(&'static str, String), BTreeSet<GlossaryTarget>>,
}

/// Texts of one language: per target, its strong (title, label) and weak (commitment) text.
type Sources = BTreeMap<GlossaryTarget, (Vec<String>, Vec<String>)>;

impl Glossary {
    /// Builds the glossary from the Compact, analysing with `analyzers` (whose nb/nl
    /// lexicons should already know the Compact's words).
    pub fn build(compact: &Compact, analyzers: &Analyzers) -> Glossary {
        let mut glossary = Glossary::default();
        for lang in LANGS {
            let sources = sources(compact, lang);
            glossary.add_language(lang, &sources, analyzers);
        }
        glossary
    }

    fn add_language(&mut self, lang: &'static str, sources: &Sources, analyzers: &Analyzers) {
        let generic: BTreeSet<String> = GENERIC
            .iter()
            .flat_map(|t| analyzers.analyze(Some(lang), t))
            .map(|t| t.text)
            .collect();
        let stems = |texts: &[String]| -> BTreeSet<String> {
            texts
                .iter()
                .flat_map(|t| analyzers.analyze(Some(lang), t))
                .map(|t| t.text)
                .filter(|t| t.chars().count() >= 3 && !generic.contains(t))
                .collect()
        };
        // Objectives and principles are counted separately: a word in two objective titles
        // and one principle label is still distinctive for each.
        for principles in [false, true] {
            let mut strong: HashMap<String, BTreeSet<GlossaryTarget>> = HashMap::new();
            let mut weak: HashMap<String, BTreeSet<GlossaryTarget>> = HashMap::new();
            for (target, (titles, commitments)) in sources {
                if matches!(target, GlossaryTarget::Principle(_)) != principles {
                    continue;
                }
                for s in stems(titles) {
                    strong.entry(s).or_default().insert(*target);
                }
                for s in stems(commitments) {
                    weak.entry(s).or_default().insert(*target);
                }
            }
            for (stem, targets) in &strong {
                if targets.len() <= 2 {
                    self.terms
                        .entry((lang, stem.clone()))
                        .or_default()
                        .extend(targets);
                }
            }
            for (stem, targets) in weak {
                if targets.len() == 1 && !strong.contains_key(&stem) && stem.chars().count() >= 5 {
                    self.terms.entry((lang, stem)).or_default().extend(targets);
                }
            }
        }
    }

    /// What the analysed form `stem` of language `lang` names.
    pub fn get(&self, lang: &str, stem: &str) -> Option<&BTreeSet<GlossaryTarget>> {
        let lang = LANGS.iter().copied().find(|l| *l == lang)?;
        self.terms.get(&(lang, stem.to_owned()))
    }

    /// Everything a query word names, in any language: each language's analysis of the
    /// word is looked up in that language's entries. Compounds count by their whole form
    /// only (the first token at each position), so "pengeoverføringer" does not also
    /// claim what "penger" names.
    pub fn lookup(&self, analyzers: &Analyzers, word: &str) -> BTreeSet<GlossaryTarget> {
        let mut out = BTreeSet::new();
        for lang in LANGS {
            let tokens = analyzers.analyze(Some(lang), word);
            let mut last_position = None;
            for t in tokens {
                if last_position == Some(t.position) {
                    continue;
                }
                last_position = Some(t.position);
                if let Some(targets) = self.get(lang, &t.text) {
                    out.extend(targets);
                }
            }
        }
        out
    }

    /// Objectives a query word names.
    pub fn objectives(&self, analyzers: &Analyzers, word: &str) -> BTreeSet<u8> {
        self.lookup(analyzers, word)
            .into_iter()
            .filter_map(|t| match t {
                GlossaryTarget::Objective(n) => Some(n),
                GlossaryTarget::Principle(_) => None,
            })
            .collect()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

fn sources(compact: &Compact, lang: &str) -> Sources {
    let mut out = Sources::new();
    let mut add = |target, strong: Vec<String>, weak: Vec<String>| {
        let entry: &mut (Vec<String>, Vec<String>) = out.entry(target).or_default();
        entry.0.extend(strong);
        entry.1.extend(weak);
    };
    match lang {
        "en" => {
            let en = compact.english();
            for o in &en.objectives {
                add(
                    GlossaryTarget::Objective(o.number),
                    vec![o.label_display.clone(), o.title.clone()],
                    vec![o.summary.clone()],
                );
            }
            for p in &en.principles {
                add(
                    GlossaryTarget::Principle(p.slug),
                    vec![p.title.clone()],
                    vec![],
                );
            }
        }
        "fr" | "es" => {
            let fr = lang == "fr";
            for (n, f, e) in FR_ES_LABELS {
                let label = if fr { f } else { e };
                add(GlossaryTarget::Objective(n), vec![label.to_owned()], vec![]);
            }
            for (p, f, e) in FR_ES_PRINCIPLES {
                let label = if fr { f } else { e };
                add(GlossaryTarget::Principle(p), vec![label.to_owned()], vec![]);
            }
        }
        "nb" | "nl" => {
            let l = if lang == "nb" { Lang::Nb } else { Lang::Nl };
            let Some(file) = compact.language(l) else {
                return out;
            };
            for n in 1..=23u8 {
                if let Some(Entry::Objective(o)) = file.texts.get(&Ref::objective(n)) {
                    let mut strong = vec![o.title.clone()];
                    strong.extend(o.list_title.clone());
                    add(
                        GlossaryTarget::Objective(n),
                        strong,
                        vec![o.commitment.clone()],
                    );
                }
            }
            for p in GuidingPrinciple::ALL {
                if let Some(label) = file.labels.get(&Ref::Principle(p)) {
                    add(GlossaryTarget::Principle(p), vec![label.clone()], vec![]);
                }
            }
        }
        _ => {}
    }
    out
}

/// Words of the Compact's nb and nl texts, for the compound lexicons.
pub fn compact_text(compact: &Compact, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(file) = compact.language(lang) {
        for entry in file.texts.values() {
            if let Some(t) = entry.title() {
                out.push_str(t);
                out.push('\n');
            }
            out.push_str(entry.text());
            out.push('\n');
        }
        for label in file.labels.values() {
            out.push_str(label);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary() -> (Glossary, Analyzers) {
        let compact = Compact::load_shipped().unwrap_or_else(|e| panic!("{e}"));
        let a = Analyzers::new();
        a.learn("nb", &compact_text(&compact, Lang::Nb));
        a.learn("nl", &compact_text(&compact, Lang::Nl));
        (Glossary::build(&compact, &a), a)
    }

    #[test]
    fn remittances_in_every_language_name_objective_20() {
        let (g, a) = glossary();
        for word in [
            "remittances",
            "pengeoverføringer",
            "overmakingen",
            "geldovermakingen",
            "transferts",
            "remesas",
        ] {
            assert!(
                g.objectives(&a, word).contains(&20),
                "{word}: {:?}",
                g.objectives(&a, word)
            );
        }
    }

    #[test]
    fn trafficking_names_objective_10_and_generic_words_nothing() {
        let (g, a) = glossary();
        for word in [
            "trafficking",
            "menneskehandel",
            "mensenhandel",
            "trata",
            "traite",
        ] {
            assert!(g.objectives(&a, word).contains(&10), "{word}");
        }
        assert!(g.objectives(&a, "migration").is_empty());
        assert!(g.objectives(&a, "migranter").is_empty());
    }

    #[test]
    fn principles_are_in_the_glossary() {
        let (g, a) = glossary();
        assert!(
            g.lookup(&a, "sovereignty")
                .contains(&GlossaryTarget::Principle(
                    GuidingPrinciple::NationalSovereignty
                ))
        );
    }
}
