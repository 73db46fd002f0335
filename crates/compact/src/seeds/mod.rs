//! Policy and practice examples and recommendations extracted from the seed
//! texts, for the seed-corpus import of the knowledge platform.
//!
//! Two seeds are read:
//! - the GFMD Thematic Recollection 2007–2017 ([`GFMD_SEED`]): the "Policy
//!   and Practice Examples" of every focus area (one practice per example
//!   paragraph, plus one per "similar initiative" the paragraph cites with a
//!   Platform for Partnerships entry of its own), and the "Policy Options" and
//!   "Options for practical action" lists (one recommendation per bullet);
//! - the UN Network on Migration presentation ([`NETWORK_SEED`]): the
//!   practices it presents (Portugal's support centres, Azerbaijan's MigAz
//!   app, the ILO Migrant Worker Resource Centres, the CMW's State-party
//!   examples, DT4E, CRISP).
//!
//! Everything extracted is marked [`REVIEW_STATUS`] ("imported, not
//! peer-reviewed"); titles, countries, scope and objectives are derived by
//! gcm-hub, each objective with its basis ([`DerivationBasis`]).
//! [`extract_practices`] does the work; [`build_from_dir`] and
//! [`SeedCorpus::render`] produce `data/practices/seed-corpus.json`.

mod gfmd;
mod hints;
mod network;
mod objectives;
mod places;
mod text;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::frameworks::Frameworks;

pub use places::known_country_codes;

/// File name of the GFMD Thematic Recollection seed.
pub const GFMD_SEED: &str = "002_69fe85e28a4c7925.txt";
/// File name of the UN Network on Migration presentation seed.
pub const NETWORK_SEED: &str = "004_310a10ca591454ed.txt";
/// Name of the shipped file inside `data/practices/`.
pub const PRACTICES_FILE: &str = "seed-corpus.json";
/// Layout version of [`SeedCorpus`].
pub const FORMAT_VERSION: u32 = 1;
/// Status of every imported item.
pub const REVIEW_STATUS: &str = "imported, not peer-reviewed";
/// Prefix of the external ids of GFMD items.
pub const GFMD_PREFIX: &str = "gfmd-2017";
/// Prefix of the external ids of Network presentation items.
pub const NETWORK_PREFIX: &str = "unnm";

const SHIPPED_JSON: &str = include_str!("../../../../data/practices/seed-corpus.json");

/// Everything extracted from the two seeds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeedCorpus {
    /// Layout version ([`FORMAT_VERSION`]).
    pub format: u32,
    /// What the file holds.
    pub about: String,
    /// Status of every item ([`REVIEW_STATUS`]).
    pub review_status: String,
    /// The seed documents read.
    pub sources: Vec<SourceDocument>,
    /// Practices, GFMD first (in document order), then the Network's.
    pub practices: Vec<SeedPractice>,
    /// GFMD recommendations in document order.
    pub recommendations: Vec<SeedRecommendation>,
    /// Judgements and warnings of the extractor.
    pub notes: Vec<String>,
}

/// A seed document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDocument {
    /// File name in the seed directory.
    pub document: String,
    /// Prefix of the external ids of its items.
    pub id_prefix: String,
    /// Title.
    pub title: String,
    /// Date (of the document or its parts).
    pub date: String,
    /// Size in bytes.
    pub bytes: usize,
    /// Number of lines.
    pub lines: usize,
}

/// Geographic scope of a practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Below the national level (municipal, rural areas, a region of a country).
    Local,
    /// One country.
    National,
    /// Two or more countries (bilateral included) or a regional grouping.
    Regional,
    /// No country or region: a global instrument, organisation or platform.
    Global,
}

impl Scope {
    /// The spelling used in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Local => "local",
            Scope::National => "national",
            Scope::Regional => "regional",
            Scope::Global => "global",
        }
    }
}

/// Why an objective is linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DerivationBasis {
    /// The presentation shows the practice under this objective.
    Presentation,
    /// A keyword of the objective occurs in the text.
    Text,
    /// The GFMD focus area's crosswalk (`data/frameworks/gfmd.json`) links
    /// the objective.
    Cluster,
}

impl DerivationBasis {
    /// The spelling used in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            DerivationBasis::Presentation => "presentation",
            DerivationBasis::Text => "text",
            DerivationBasis::Cluster => "cluster",
        }
    }
}

/// One objective link with its basis. An objective may be linked on more
/// than one basis (one entry each).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectiveBasis {
    /// Objective 1–23.
    pub objective: u8,
    /// Basis of the link.
    pub basis: DerivationBasis,
    /// The matched words (`text`), the crosswalk entry (`cluster`) or the
    /// presentation's heading (`presentation`).
    pub evidence: String,
}

/// Where an item is in its seed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceLocation {
    /// Seed file name.
    pub document: String,
    /// First line (1-based) of the item.
    pub line_start: usize,
    /// Last line (inclusive); footnote lines in between are not part of the item.
    pub line_end: usize,
    /// Heading path in the document.
    pub section: String,
}

/// A policy or practice example.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeedPractice {
    /// Stable id: `gfmd-2017:4.2:1` (GFMD focus area 4.2, first example),
    /// `gfmd-2017:4.2:1b` (a similar initiative the example cites),
    /// `unnm:migaz`.
    pub external_id: String,
    /// Short title derived by gcm-hub (the name the text gives the practice).
    pub title: String,
    /// The example text, cleaned of line wraps, emphasis and footnote markers.
    pub summary: String,
    /// ISO 3166-1 alpha-3 codes of the countries the text names for it
    /// (`XKX` for Kosovo).
    pub countries: Vec<String>,
    /// Regional groupings or areas the text names (`EU`, `ECOWAS`, `ASEAN`).
    pub regions: Vec<String>,
    /// International organisations and other actors the text names.
    pub organisations: Vec<String>,
    /// Geographic scope.
    pub scope: Scope,
    /// GFMD thematic cluster 1–6.
    pub gfmd_cluster: Option<u8>,
    /// GFMD focus area id as in `data/frameworks/gfmd.json` (`4.2`).
    pub focus_area: Option<String>,
    /// Platform for Partnerships id from the example's footnote.
    pub pfp_id: Option<String>,
    /// The footnote's Platform for Partnerships URL as printed.
    pub pfp_url: Option<String>,
    /// Other Platform for Partnerships entries the text cites.
    pub related_pfp_ids: Vec<String>,
    /// For a similar initiative cited inside another example: that example's id.
    pub related_to: Option<String>,
    /// Linked objectives, ascending.
    pub objectives: Vec<u8>,
    /// The basis of every objective link.
    pub objective_basis: Vec<ObjectiveBasis>,
    /// Provenance.
    pub source: SourceLocation,
    /// [`REVIEW_STATUS`].
    pub review_status: String,
}

/// Kind of a GFMD recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecommendationKind {
    /// Listed under "Policy Options".
    PolicyOption,
    /// Listed under "Options for practical action".
    PracticalAction,
}

impl RecommendationKind {
    /// The spelling used in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            RecommendationKind::PolicyOption => "policy_option",
            RecommendationKind::PracticalAction => "practical_action",
        }
    }
}

/// A GFMD policy option or option for practical action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeedRecommendation {
    /// Stable id: `gfmd-2017:1.1:policy:2`, `gfmd-2017:3.2:action:1`.
    pub external_id: String,
    /// Kind.
    pub kind: RecommendationKind,
    /// The bullet's text (nested numbered items appended), cleaned.
    pub text: String,
    /// GFMD thematic cluster 1–6.
    pub gfmd_cluster: u8,
    /// GFMD focus area id (`1.1`).
    pub focus_area: String,
    /// Linked objectives, ascending.
    pub objectives: Vec<u8>,
    /// The basis of every objective link.
    pub objective_basis: Vec<ObjectiveBasis>,
    /// Provenance.
    pub source: SourceLocation,
    /// [`REVIEW_STATUS`].
    pub review_status: String,
}

/// Errors reading, rendering or loading the corpus.
#[derive(Debug, thiserror::Error)]
pub enum SeedsError {
    /// A seed could not be read.
    #[error("cannot read seed {path}: {source}")]
    Read {
        /// Path.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// The file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// Path.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// Serialisation or parsing failed.
    #[error("seed corpus JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// Extracts the practices and recommendations of the GFMD recollection
/// (`gfmd_text`, seed [`GFMD_SEED`]) and of the Network presentation
/// (`network_text`, seed [`NETWORK_SEED`]).
///
/// Never fails: anything that cannot be found is reported in `notes`.
pub fn extract_practices(gfmd_text: &str, network_text: &str) -> SeedCorpus {
    let mut notes = Vec::new();
    let frameworks = match Frameworks::load_shipped() {
        Ok(f) => Some(f),
        Err(e) => {
            notes.push(format!(
                "frameworks data does not load ({e}); GFMD focus areas and cluster objectives unavailable"
            ));
            None
        }
    };
    let focus_areas = frameworks
        .as_ref()
        .map(gfmd::FocusAreaInfo::from_frameworks)
        .unwrap_or_default();
    let (mut practices, recommendations) = gfmd::extract(gfmd_text, &focus_areas, &mut notes);
    practices.extend(network::extract(network_text, &mut notes));
    hints::check_all_used(&practices, &mut notes);
    note_shared_pfp_ids(&practices, &mut notes);
    for p in &practices {
        if p.countries.iter().any(|c| c == "XKX") {
            notes.push(format!(
                "{}: Kosovo is coded XKX (user-assigned code, not in ISO 3166-1)",
                p.external_id
            ));
        }
    }
    SeedCorpus {
        format: FORMAT_VERSION,
        about:
            "Policy and practice examples and recommendations extracted by gcm-hub from the seed \
                texts for the knowledge platform's seed-corpus import. Every item is imported, not \
                peer-reviewed. Summaries and recommendation texts are the seeds' wording (cleaned \
                of line wraps, emphasis and footnote markers); titles, countries, regions, \
                organisations, scope and objectives are derived by gcm-hub, each objective with \
                its basis: 'presentation' (the Network presentation shows the practice under the \
                objective), 'text' (a keyword of the objective occurs in the text; the matched \
                words are the evidence), 'cluster' (the GFMD focus area's crosswalk in \
                data/frameworks/gfmd.json, itself derived)."
                .to_owned(),
        review_status: REVIEW_STATUS.to_owned(),
        sources: vec![
            SourceDocument {
                document: GFMD_SEED.to_owned(),
                id_prefix: GFMD_PREFIX.to_owned(),
                title: "Thematic Recollection 2007 – 2017, prepared by the Global Forum on \
                        Migration and Development (GFMD) for the Global Compact for Safe, Orderly \
                        and Regular Migration"
                    .to_owned(),
                date: "2017-11-22".to_owned(),
                bytes: gfmd_text.len(),
                lines: gfmd_text.lines().count(),
            },
            SourceDocument {
                document: NETWORK_SEED.to_owned(),
                id_prefix: NETWORK_PREFIX.to_owned(),
                title: "The Global Compact for Safe, Regular and Orderly Migration (GCM) and the \
                        UN Network on Migration (IMRF 2022 presentation, with CMW/OHCHR and IOM \
                        slides of November 2023)"
                    .to_owned(),
                date: "2022/2023".to_owned(),
                bytes: network_text.len(),
                lines: network_text.lines().count(),
            },
        ],
        practices,
        recommendations,
        notes,
    }
}

/// Notes Platform for Partnerships ids given for more than one practice.
fn note_shared_pfp_ids(practices: &[SeedPractice], notes: &mut Vec<String>) {
    let mut by_id: std::collections::BTreeMap<&str, Vec<&str>> = std::collections::BTreeMap::new();
    for p in practices {
        if let Some(id) = &p.pfp_id {
            by_id.entry(id).or_default().push(&p.external_id);
        }
    }
    for (pfp, ids) in by_id {
        if ids.len() > 1 {
            notes.push(format!(
                "Platform for Partnerships id {pfp} is printed for {} different examples ({}); kept as printed, probably a misprint in the seed",
                ids.len(),
                ids.join(", ")
            ));
        }
    }
}

fn read(path: &Path) -> Result<String, SeedsError> {
    std::fs::read_to_string(path).map_err(|source| SeedsError::Read {
        path: path.to_owned(),
        source,
    })
}

/// Extracts from a directory holding [`GFMD_SEED`] and [`NETWORK_SEED`].
pub fn build_from_dir(dir: &Path) -> Result<SeedCorpus, SeedsError> {
    let gfmd_text = read(&dir.join(GFMD_SEED))?;
    let network_text = read(&dir.join(NETWORK_SEED))?;
    Ok(extract_practices(&gfmd_text, &network_text))
}

impl SeedCorpus {
    /// Pretty JSON with a trailing newline, as shipped.
    pub fn render(&self) -> Result<String, SeedsError> {
        let mut s = serde_json::to_string_pretty(self)?;
        s.push('\n');
        Ok(s)
    }

    /// Writes [`PRACTICES_FILE`] into `dir` (normally `data/practices`).
    pub fn write_to(&self, dir: &Path) -> Result<PathBuf, SeedsError> {
        let path = dir.join(PRACTICES_FILE);
        let json = self.render()?;
        std::fs::create_dir_all(dir)
            .and_then(|()| std::fs::write(&path, json))
            .map_err(|source| SeedsError::Write {
                path: path.clone(),
                source,
            })?;
        Ok(path)
    }

    /// The shipped `data/practices/seed-corpus.json`, embedded at compile time.
    pub fn load_shipped() -> Result<SeedCorpus, SeedsError> {
        Ok(serde_json::from_str(SHIPPED_JSON)?)
    }

    /// The shipped file's text.
    pub fn shipped_json() -> &'static str {
        SHIPPED_JSON
    }

    /// A practice by external id.
    pub fn practice(&self, external_id: &str) -> Option<&SeedPractice> {
        self.practices.iter().find(|p| p.external_id == external_id)
    }

    /// A recommendation by external id.
    pub fn recommendation(&self, external_id: &str) -> Option<&SeedRecommendation> {
        self.recommendations
            .iter()
            .find(|r| r.external_id == external_id)
    }
}

/// Builds the sorted objective list and basis entries from the collected
/// links (sorted by objective, then basis; duplicates of the same basis
/// keep the first evidence).
pub(crate) fn finish_objectives(mut links: Vec<ObjectiveBasis>) -> (Vec<u8>, Vec<ObjectiveBasis>) {
    links.sort_by_key(|l| (l.objective, l.basis));
    links.dedup_by(|b, a| a.objective == b.objective && a.basis == b.basis);
    let mut objectives: Vec<u8> = links.iter().map(|l| l.objective).collect();
    objectives.dedup();
    (objectives, links)
}

/// Objective links from keywords in `text`.
pub(crate) fn text_links(text: &str) -> Vec<ObjectiveBasis> {
    objectives::from_text(text)
        .into_iter()
        .map(|h| ObjectiveBasis {
            objective: h.objective,
            basis: DerivationBasis::Text,
            evidence: h.evidence,
        })
        .collect()
}

/// Scope from the places found: one country → national; several countries or
/// a region → regional; none → global.
pub(crate) fn scope_of(countries: &[String], regions: &[String]) -> Scope {
    match (countries.len(), regions.is_empty()) {
        (0, true) => Scope::Global,
        (1, true) => Scope::National,
        _ => Scope::Regional,
    }
}
