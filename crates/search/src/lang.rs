//! The five languages the index analyses (en, fr, es, nb, nl) and a small language detector
//! for texts that arrive without a language tag.
//!
//! The detector counts very common function words per language: cheap, dependency-free and
//! good enough for paragraphs of practice descriptions. It says `None` when unsure rather
//! than guessing, so the caller can fall back to the submitter's declared language.

use std::collections::HashSet;
use std::sync::OnceLock;

/// The languages with their own analysed field, in a stable order.
pub const LANGS: [&str; 5] = ["en", "fr", "es", "nb", "nl"];

/// Frequent function words per language. Hand-picked: words shared by several of the five
/// languages ("de", "in", "i") are left out so each hit is evidence for one language; Dutch
/// "en" (and) is kept because it is far more frequent in Dutch than "en" (in) elsewhere.
const MARKERS: [(&str, &[&str]); 5] = [
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "are", "for", "with", "that", "this", "which", "by",
            "from", "on", "as", "be", "or", "their", "its", "was", "were", "has", "have", "an",
            "at", "it", "these", "through", "between", "who",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "des", "du", "et", "est", "une", "un", "pour", "dans", "sur", "par",
            "au", "aux", "qui", "que", "avec", "leur", "leurs", "ces", "sont", "ou", "pas", "ont",
            "cette", "entre", "être", "travail", "migrants",
        ],
    ),
    (
        "es",
        &[
            "el",
            "los",
            "las",
            "del",
            "y",
            "es",
            "una",
            "por",
            "para",
            "con",
            "que",
            "su",
            "sus",
            "al",
            "como",
            "entre",
            "son",
            "está",
            "están",
            "lo",
            "este",
            "esta",
            "sobre",
            "trabajo",
            "personas",
            "migrantes",
        ],
    ),
    (
        "nb",
        &[
            "og", "på", "av", "til", "som", "er", "med", "det", "ikke", "å", "har", "fra", "eller",
            "skal", "deres", "denne", "dette", "vil", "vi", "oss", "ved", "blir", "også", "kan",
            "slik", "om", "for", "sine", "sin", "mellom",
        ],
    ),
    (
        "nl",
        &[
            "het", "een", "van", "en", "op", "te", "voor", "met", "zijn", "aan", "niet", "ook",
            "door", "worden", "wordt", "die", "dat", "deze", "wij", "ons", "bij", "naar", "als",
            "hun", "om", "tot", "zij", "onder", "tussen", "er", "uit",
        ],
    ),
];

fn markers() -> &'static [(&'static str, HashSet<&'static str>)] {
    static SETS: OnceLock<Vec<(&'static str, HashSet<&'static str>)>> = OnceLock::new();
    SETS.get_or_init(|| {
        MARKERS
            .iter()
            .map(|(lang, words)| (*lang, words.iter().copied().collect()))
            .collect()
    })
}

/// Guesses the language of `text` among en, fr, es, nb, nl from the share of its words that
/// are common function words of each language. `None` for texts too short or too mixed to
/// tell (fewer than two marker words, or a near tie).
pub fn detect_language(text: &str) -> Option<&'static str> {
    let mut counts = [0usize; 5];
    let mut words = 0usize;
    // Looking at the first few hundred words is enough and bounds the cost on huge inputs.
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(400)
    {
        words += 1;
        let lower = word.to_lowercase();
        for (i, (_, set)) in markers().iter().enumerate() {
            if set.contains(lower.as_str())
                && let Some(c) = counts.get_mut(i)
            {
                *c += 1;
            }
        }
    }
    let mut ranked: Vec<(usize, &'static str)> = counts
        .iter()
        .zip(markers().iter())
        .map(|(c, (lang, _))| (*c, *lang))
        .collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
    let (best, lang) = *ranked.first()?;
    let second = ranked.get(1).map_or(0, |r| r.0);
    // Two marker words at least, a clear lead over the runner-up, and a plausible ratio.
    if best < 2 || best * 4 < second * 5 || best * 20 < words {
        return None;
    }
    Some(lang)
}

/// Normalises a language tag to one of [`LANGS`] (`en-GB` → `en`, `no`/`nn` → `nb`).
pub fn normalise_lang(tag: &str) -> Option<&'static str> {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match primary.as_str() {
        "no" | "nn" | "nb" => Some("nb"),
        other => LANGS.iter().copied().find(|l| *l == other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_language() {
        let cases = [
            (
                "Promote faster, safer and cheaper transfer of remittances and foster the financial inclusion of migrants",
                "en",
            ),
            (
                "Promouvoir des transferts de fonds plus rapides, plus sûrs et moins coûteux et favoriser l'inclusion financière des migrants",
                "fr",
            ),
            (
                "Promover transferencias de remesas más rápidas, seguras y baratas y fomentar la inclusión financiera de los migrantes",
                "es",
            ),
            (
                "Fremme raskere, tryggere og rimeligere pengeoverføringer til utlandet og fostre finansiell inkludering av migranter",
                "nb",
            ),
            (
                "Snellere, veiligere en goedkopere overmakingen bevorderen en de financiële insluiting van migranten stimuleren",
                "nl",
            ),
        ];
        for (text, lang) in cases {
            assert_eq!(detect_language(text), Some(lang), "{text}");
        }
    }

    #[test]
    fn undecided_on_noise() {
        assert_eq!(detect_language(""), None);
        assert_eq!(detect_language("!!! ??? 123"), None);
        assert_eq!(detect_language("migration"), None);
    }

    #[test]
    fn normalises_tags() {
        assert_eq!(normalise_lang("en-GB"), Some("en"));
        assert_eq!(normalise_lang("no"), Some("nb"));
        assert_eq!(normalise_lang("de"), None);
    }
}
