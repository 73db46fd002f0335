//! Per-language knowledge the extractor needs: fixed phrases of the
//! translation (how commitments and action lists open, the principle labels)
//! and a few reviewed repair hints for places where the source lost
//! structure (paragraph numbers, a heading run into an action).
//!
//! Everything here was read off the seed texts. The parser itself stays
//! generic; every hint that fires is recorded as a judgement, and a hint that
//! does not fire leaves the text alone (the structure checks then report it).

use crate::lang::Lang;

/// Language-specific phrases and hints.
#[derive(Debug, Clone, Copy)]
pub struct Lexicon {
    /// Words that open every commitment ("We commit to …"). Used to split an
    /// objective title from a commitment run into it when the paragraph number is missing.
    pub commitment_openers: &'static [&'static str],
    /// Openings of the sentence introducing the actions ("To realize this commitment, …").
    pub actions_intros: &'static [&'static str],
    /// Principle labels of paragraph 15 in the order of [`crate::GuidingPrinciple::ALL`].
    /// Used to verify the generic label detection and as its fallback.
    pub principle_labels: [&'static str; 10],
    /// Openings of paragraphs whose number is not printed, used to split
    /// runs of merged paragraphs (implementation and follow-up in nb).
    pub paragraph_anchors: &'static [(u8, &'static str)],
    /// Text of a paragraph that spilled into a footnote: (paragraph, opening words).
    pub footnote_spills: &'static [(u8, &'static str)],
    /// Sub-headings inside action lists: (objective, action the heading precedes, text).
    pub objective_subheadings: &'static [(u8, char, &'static str)],
}

const NB: Lexicon = Lexicon {
    commitment_openers: &["Vi forplikter oss"],
    actions_intros: &["For å gjennomføre denne forpliktelsen"],
    principle_labels: [
        "Mennesket i sentrum",
        "Internasjonalt samarbeid",
        "Nasjonal suverenitet",
        "Rettsstatsprinsipper og rettssikkerhet",
        "Bærekraftig utvikling",
        "Menneskerettigheter",
        "Kjønnssensitivitet",
        "Barnesensitiv",
        "Hele statsapparatet",
        "Hele samfunnsmaskineriet",
    ],
    // The nb text prints no numbers for paragraphs 40–49 and runs several of
    // them together; these are the first words of each paragraph.
    paragraph_anchors: &[
        (40, "For å gjennomføre den globale plattformen effektivt"),
        (41, "Vi forplikter oss til å oppfylle målsettingene"),
        (42, "Vi vil gjennomføre den globale plattformen gjennom"),
        (43, "Vi beslutter å etablere en kapasitetsbyggingsmekanisme"),
        (44, "Vi vil implementere den globale plattformen"),
        (45, "Vi ser positivt på Generalsekretærens beslutning"),
        (46, "Vi anmoder Generalsekretæren"),
        (47, "Vi erkjenner også den viktige rollen"),
        (48, "Vi vil gjennomgå fremgangen"),
        (49, "I betraktning av at internasjonal migrasjon"),
    ],
    // The second half of paragraph 3 is printed after footnote 3.
    footnote_spills: &[(3, "Disse plattformene ledet fram")],
    objective_subheadings: &[(
        2,
        'h',
        "Naturkatastrofer, skadevirkninger av klimaendringer, miljøforringelse",
    )],
};

const NL: Lexicon = Lexicon {
    commitment_openers: &["Wij verbinden ons"],
    actions_intros: &[
        "Om deze verbintenis",
        "Om dit engagement",
        "Om deze toezegging",
    ],
    principle_labels: [
        "Gericht op de mens",
        "Internationale samenwerking",
        "Nationale soevereiniteit",
        "Rechtsstaat en eerlijke rechtsgang",
        "Duurzame ontwikkeling",
        "Mensenrechten",
        "Genderbewust",
        "Kindgevoelig",
        "Overheidsbrede aanpak",
        "Benadering van de hele samenleving",
    ],
    paragraph_anchors: &[],
    footnote_spills: &[],
    objective_subheadings: &[(
        2,
        'h',
        "natuurrampen, de nadelige gevolgen van klimaatverandering en de aantasting van het milieu",
    )],
};

/// The lexicon of a language.
pub fn lexicon(lang: Lang) -> &'static Lexicon {
    match lang {
        Lang::Nb => &NB,
        Lang::Nl => &NL,
    }
}
