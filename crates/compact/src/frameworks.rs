//! Related frameworks as data (`data/frameworks/*.json`) with crosswalks to
//! the objectives of the Compact:
//!
//! - `gfmd.json`: the GFMD Thematic Recollection 2007–2017 — six thematic
//!   clusters (`gfmd:cluster:N`) with their focus areas;
//! - `cs5.json`: the civil-society 5-year Action Plan (2013) — eight points
//!   (`cs5:N`) with benchmarks;
//! - `sdg.json`: SDG targets and indicators cited by or related to the Compact
//!   (`sdg:10.7`, `sdg:10.7.2`).
//!
//! Every link to an objective records its [`Basis`]: stated in the source, or
//! derived by gcm-hub (with the reason in `note`).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::reference::{OBJECTIVE_COUNT, Ref, SdgTarget};

const GFMD_JSON: &str = include_str!("../../../data/frameworks/gfmd.json");
const CS5_JSON: &str = include_str!("../../../data/frameworks/cs5.json");
const SDG_JSON: &str = include_str!("../../../data/frameworks/sdg.json");

/// Where a crosswalk link comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// The source document (or the Compact) states the link.
    StatedInSource,
    /// gcm-hub derived the link from the texts.
    Derived,
}

impl Basis {
    /// The spelling used in the files (`stated-in-source`, `derived`).
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::StatedInSource => "stated-in-source",
            Basis::Derived => "derived",
        }
    }

    /// Human-readable form (`stated in source`, `derived by gcm-hub`).
    pub fn describe(self) -> &'static str {
        match self {
            Basis::StatedInSource => "stated in source",
            Basis::Derived => "derived by gcm-hub",
        }
    }

    /// The stronger of two bases (stated beats derived).
    pub fn strongest(self, other: Basis) -> Basis {
        self.min(other)
    }
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// A link from a framework item to an objective of the Compact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectiveLink {
    /// Objective number, 1..=23.
    pub objective: u8,
    /// Where the link comes from.
    pub basis: Basis,
    /// Where the Compact cites the item (e.g. `gcm:obj:20:a` for SDG 10.c).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cited_at: Option<Ref>,
    /// Why the items are linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A link from a framework item to another reference (an SDG target).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefLink {
    /// The linked reference.
    #[serde(rename = "ref")]
    pub reference: Ref,
    /// Where the link comes from.
    pub basis: Basis,
    /// Detail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The GCM thematic consultation a GFMD cluster corresponds to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThematicSession {
    /// Number of the issue brief of the session.
    pub issue_brief: u8,
    /// Dates as printed.
    pub dates: String,
    /// Venue.
    pub place: String,
    /// Where the correspondence comes from.
    pub basis: Basis,
}

/// A focus area of a GFMD cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FocusArea {
    /// `cluster.area`, e.g. `4.2`.
    pub id: String,
    /// Number as printed in the document (`(2)`).
    pub printed: String,
    /// Title as printed.
    pub title: String,
    /// Related objectives.
    pub objectives: Vec<ObjectiveLink>,
    /// SDG targets or indicators the document cites under this focus area.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sdg: Vec<RefLink>,
}

impl FocusArea {
    /// Related objectives with the basis of each link.
    pub fn objectives(&self) -> Vec<(u8, Basis)> {
        merge(self.objectives.iter())
    }
}

/// A thematic cluster of the GFMD recollection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GfmdCluster {
    /// 1..=6, as numbered in the document.
    pub number: u16,
    /// `gfmd:cluster:N`.
    #[serde(rename = "ref")]
    pub reference: Ref,
    /// Title (the document prints it in capitals).
    pub title: String,
    /// Title as printed.
    pub title_as_printed: String,
    /// Summary written by gcm-hub.
    pub summary: String,
    /// Always false.
    pub summary_is_official: bool,
    /// The thematic consultation the cluster corresponds to.
    pub thematic_session: ThematicSession,
    /// SDG targets the document cites for the cluster.
    pub sdg: Vec<RefLink>,
    /// SDGs the document mentions only at goal level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sdg_goals_mentioned: Vec<u8>,
    /// Objectives linked to the cluster as a whole (focus areas have their own).
    pub objectives: Vec<ObjectiveLink>,
    /// Focus areas in document order.
    pub focus_areas: Vec<FocusArea>,
}

impl GfmdCluster {
    /// Objectives of the cluster and of all its focus areas, each once, with
    /// the strongest basis among its links.
    pub fn objectives(&self) -> Vec<(u8, Basis)> {
        merge(
            self.objectives
                .iter()
                .chain(self.focus_areas.iter().flat_map(|a| a.objectives.iter())),
        )
    }

    /// Focus area by id (`4.2`).
    pub fn focus_area(&self, id: &str) -> Option<&FocusArea> {
        self.focus_areas.iter().find(|a| a.id == id)
    }
}

/// `data/frameworks/gfmd.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GfmdFile {
    /// Layout version.
    pub format: u32,
    /// `gfmd`.
    pub id: String,
    /// Short name.
    pub name: String,
    /// Full title of the document.
    pub full_title: String,
    /// Author.
    pub publisher: String,
    /// Date of the document (ISO).
    pub date: String,
    /// Seed file.
    pub seed: String,
    /// What the file holds.
    pub about: String,
    /// Where the crosswalk comes from.
    pub crosswalk: String,
    /// The six clusters.
    pub clusters: Vec<GfmdCluster>,
}

/// A point of the civil-society 5-year Action Plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cs5Point {
    /// 1..=8.
    pub number: u16,
    /// `cs5:N`.
    #[serde(rename = "ref")]
    pub reference: Ref,
    /// Short title written by gcm-hub (the document has none).
    pub title: String,
    /// Always false.
    pub title_is_official: bool,
    /// HLD 2013 roundtable the point corresponds to (1..=4).
    pub roundtable: u8,
    /// Theme of that roundtable, as printed.
    pub roundtable_theme: String,
    /// Text of the point, as printed.
    pub text: String,
    /// Benchmarks the document names for the point (possibly none).
    pub benchmarks: Vec<String>,
    /// Related objectives.
    pub objectives: Vec<ObjectiveLink>,
}

impl Cs5Point {
    /// Related objectives with the basis of each link.
    pub fn objectives(&self) -> Vec<(u8, Basis)> {
        merge(self.objectives.iter())
    }
}

/// `data/frameworks/cs5.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cs5File {
    /// Layout version.
    pub format: u32,
    /// `cs5`.
    pub id: String,
    /// Short name.
    pub name: String,
    /// Full title.
    pub full_title: String,
    /// Author.
    pub publisher: String,
    /// Year.
    pub date: String,
    /// Seed file.
    pub seed: String,
    /// What the file holds.
    pub about: String,
    /// Where the crosswalk comes from.
    pub crosswalk: String,
    /// The eight points.
    pub points: Vec<Cs5Point>,
}

/// How an SDG text was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextSource {
    /// Official text quoted in a seed.
    Official,
    /// Official text supplied from the UN documents, not quoted in a seed.
    OfficialUnverified,
}

/// An SDG indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SdgIndicator {
    /// `10.7.2`.
    pub code: String,
    /// `sdg:10.7.2`.
    #[serde(rename = "ref")]
    pub reference: Ref,
    /// Official wording.
    pub text: String,
    /// How the wording was obtained.
    pub text_source: TextSource,
    /// Remark (revisions of the wording).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Related objectives.
    pub objectives: Vec<ObjectiveLink>,
}

impl SdgIndicator {
    /// Related objectives with the basis of each link.
    pub fn objectives(&self) -> Vec<(u8, Basis)> {
        merge(self.objectives.iter())
    }
}

/// A relation stated for the Compact as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompactLevel {
    /// Where it comes from.
    pub basis: Basis,
    /// Seed stating it.
    pub seed: String,
    /// What is stated.
    pub note: String,
}

/// An SDG target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SdgTargetInfo {
    /// `10.7`.
    pub code: String,
    /// `sdg:10.7`.
    #[serde(rename = "ref")]
    pub reference: Ref,
    /// Goal number.
    pub goal: u8,
    /// Official wording.
    pub text: String,
    /// How the wording was obtained.
    pub text_source: TextSource,
    /// Places citing the target: the Compact (`gcm:obj:20:a`) or a framework
    /// item (`gfmd:cluster:4`).
    pub cited_in: Vec<Ref>,
    /// A relation to the Compact as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compact_level: Option<CompactLevel>,
    /// Related objectives.
    pub objectives: Vec<ObjectiveLink>,
    /// Indicators.
    pub indicators: Vec<SdgIndicator>,
}

impl SdgTargetInfo {
    /// Related objectives with the basis of each link.
    pub fn objectives(&self) -> Vec<(u8, Basis)> {
        merge(self.objectives.iter())
    }

    /// Indicator by reference.
    pub fn indicator(&self, r: &Ref) -> Option<&SdgIndicator> {
        self.indicators.iter().find(|i| i.reference == *r)
    }
}

/// `data/frameworks/sdg.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SdgFile {
    /// Layout version.
    pub format: u32,
    /// `sdg`.
    pub id: String,
    /// Short name.
    pub name: String,
    /// Full title.
    pub full_title: String,
    /// Source of the texts.
    pub publisher: String,
    /// What the file holds.
    pub about: String,
    /// Where the crosswalk comes from.
    pub crosswalk: String,
    /// Targets, each with its indicators.
    pub targets: Vec<SdgTargetInfo>,
}

/// One item of a framework, borrowed from the loaded data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameworkItem<'a> {
    /// A GFMD cluster.
    GfmdCluster(&'a GfmdCluster),
    /// A point of the civil-society action plan.
    Cs5Point(&'a Cs5Point),
    /// An SDG target.
    SdgTarget(&'a SdgTargetInfo),
    /// An SDG indicator with its target.
    SdgIndicator(&'a SdgTargetInfo, &'a SdgIndicator),
}

impl<'a> FrameworkItem<'a> {
    /// The item's reference.
    pub fn reference(&self) -> Ref {
        match self {
            FrameworkItem::GfmdCluster(c) => c.reference,
            FrameworkItem::Cs5Point(p) => p.reference,
            FrameworkItem::SdgTarget(t) => t.reference,
            FrameworkItem::SdgIndicator(_, i) => i.reference,
        }
    }

    /// Id of the framework (`gfmd`, `cs5`, `sdg`).
    pub fn framework(&self) -> &'static str {
        match self {
            FrameworkItem::GfmdCluster(_) => "gfmd",
            FrameworkItem::Cs5Point(_) => "cs5",
            FrameworkItem::SdgTarget(_) | FrameworkItem::SdgIndicator(..) => "sdg",
        }
    }

    /// Display title: cluster title, point title (gcm-hub's), `SDG target 10.7`.
    pub fn title(&self) -> String {
        match self {
            FrameworkItem::GfmdCluster(c) => c.title.clone(),
            FrameworkItem::Cs5Point(p) => p.title.clone(),
            FrameworkItem::SdgTarget(t) => format!("SDG target {}", t.code),
            FrameworkItem::SdgIndicator(_, i) => format!("SDG indicator {}", i.code),
        }
    }

    /// Main text: gcm-hub's summary of a cluster, the text of a point, the
    /// official wording of a target or indicator.
    pub fn text(&self) -> &'a str {
        match self {
            FrameworkItem::GfmdCluster(c) => &c.summary,
            FrameworkItem::Cs5Point(p) => &p.text,
            FrameworkItem::SdgTarget(t) => &t.text,
            FrameworkItem::SdgIndicator(_, i) => &i.text,
        }
    }

    /// True when [`FrameworkItem::text`] is a summary written by gcm-hub
    /// rather than the source's own text.
    pub fn text_is_summary(&self) -> bool {
        matches!(self, FrameworkItem::GfmdCluster(_))
    }

    /// Related objectives with the basis of each link.
    pub fn objectives(&self) -> Vec<(u8, Basis)> {
        match self {
            FrameworkItem::GfmdCluster(c) => c.objectives(),
            FrameworkItem::Cs5Point(p) => p.objectives(),
            FrameworkItem::SdgTarget(t) => t.objectives(),
            FrameworkItem::SdgIndicator(_, i) => i.objectives(),
        }
    }
}

/// A framework with its items, for listings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameworkInfo<'a> {
    /// `gfmd`, `cs5` or `sdg`.
    pub id: &'static str,
    /// Short name.
    pub name: &'a str,
    /// Full title.
    pub full_title: &'a str,
    /// Items in order (SDG indicators follow their target).
    pub items: Vec<FrameworkItem<'a>>,
}

/// A framework reference was not found in the shipped data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrameworkError {
    /// No such GFMD cluster.
    #[error("unknown GFMD cluster {number}; there are {count}")]
    UnknownGfmdCluster {
        /// Requested number.
        number: u16,
        /// Number of clusters.
        count: usize,
    },
    /// No such point of the civil-society action plan.
    #[error("unknown civil-society action plan point {number}; there are {count}")]
    UnknownCs5Point {
        /// Requested number.
        number: u16,
        /// Number of points.
        count: usize,
    },
    /// No such SDG target or indicator in the shipped data.
    #[error(
        "`{reference}` is not an SDG target or indicator in the shipped data (known targets: {known})"
    )]
    UnknownSdg {
        /// The reference.
        reference: Ref,
        /// Comma-separated codes of the known targets.
        known: String,
    },
    /// The reference does not point into a framework.
    #[error("`{0}` is not a framework reference")]
    NotAFramework(Ref),
}

/// Loading a framework file failed (only possible if it is corrupt).
#[derive(Debug, thiserror::Error)]
#[error("shipped file {file} is invalid: {source}")]
pub struct FrameworkLoadError {
    /// File name.
    pub file: String,
    /// Cause.
    pub source: serde_json::Error,
}

/// All shipped frameworks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frameworks {
    /// The GFMD thematic recollection.
    pub gfmd: GfmdFile,
    /// The civil-society 5-year action plan.
    pub cs5: Cs5File,
    /// SDG targets and indicators.
    pub sdg: SdgFile,
}

fn parse<T: serde::de::DeserializeOwned>(file: &str, json: &str) -> Result<T, FrameworkLoadError> {
    serde_json::from_str(json).map_err(|source| FrameworkLoadError {
        file: file.to_owned(),
        source,
    })
}

/// Objective numbers of `links`, each once, with the strongest basis.
fn merge<'a>(links: impl Iterator<Item = &'a ObjectiveLink>) -> Vec<(u8, Basis)> {
    let mut out: BTreeMap<u8, Basis> = BTreeMap::new();
    for l in links {
        out.entry(l.objective)
            .and_modify(|b| *b = b.strongest(l.basis))
            .or_insert(l.basis);
    }
    out.into_iter().collect()
}

impl Frameworks {
    /// Loads the data embedded from `data/frameworks/`.
    pub fn load_shipped() -> Result<Frameworks, FrameworkLoadError> {
        Frameworks::from_json(GFMD_JSON, CS5_JSON, SDG_JSON)
    }

    /// Loads framework data from JSON strings in the shipped format.
    pub fn from_json(gfmd: &str, cs5: &str, sdg: &str) -> Result<Frameworks, FrameworkLoadError> {
        Ok(Frameworks {
            gfmd: parse("gfmd.json", gfmd)?,
            cs5: parse("cs5.json", cs5)?,
            sdg: parse("sdg.json", sdg)?,
        })
    }

    /// GFMD cluster `n`.
    pub fn gfmd_cluster(&self, n: u16) -> Option<&GfmdCluster> {
        self.gfmd.clusters.iter().find(|c| c.number == n)
    }

    /// Point `n` of the civil-society action plan.
    pub fn cs5_point(&self, n: u16) -> Option<&Cs5Point> {
        self.cs5.points.iter().find(|p| p.number == n)
    }

    /// SDG target by reference (`sdg:10.7`).
    pub fn sdg_target(&self, r: &Ref) -> Option<&SdgTargetInfo> {
        self.sdg.targets.iter().find(|t| t.reference == *r)
    }

    /// The item a framework reference names.
    pub fn item(&self, r: &Ref) -> Result<FrameworkItem<'_>, FrameworkError> {
        match *r {
            Ref::GfmdCluster(n) => self.gfmd_cluster(n).map(FrameworkItem::GfmdCluster).ok_or(
                FrameworkError::UnknownGfmdCluster {
                    number: n,
                    count: self.gfmd.clusters.len(),
                },
            ),
            Ref::Cs5(n) => self.cs5_point(n).map(FrameworkItem::Cs5Point).ok_or(
                FrameworkError::UnknownCs5Point {
                    number: n,
                    count: self.cs5.points.len(),
                },
            ),
            Ref::Sdg {
                goal,
                target,
                indicator,
            } => {
                let target_ref = Ref::Sdg {
                    goal,
                    target,
                    indicator: None,
                };
                let found = self.sdg_target(&target_ref).and_then(|t| match indicator {
                    None => Some(FrameworkItem::SdgTarget(t)),
                    Some(_) => t.indicator(r).map(|i| FrameworkItem::SdgIndicator(t, i)),
                });
                found.ok_or_else(|| FrameworkError::UnknownSdg {
                    reference: *r,
                    known: self
                        .sdg
                        .targets
                        .iter()
                        .map(|t| t.code.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                })
            }
            Ref::Para { .. } | Ref::Objective { .. } | Ref::Principle(_) => {
                Err(FrameworkError::NotAFramework(*r))
            }
        }
    }

    /// Checks that a framework reference exists in the shipped data.
    pub fn check(&self, r: &Ref) -> Result<(), FrameworkError> {
        self.item(r).map(|_| ())
    }

    /// Every framework with its items.
    pub fn list(&self) -> Vec<FrameworkInfo<'_>> {
        vec![
            FrameworkInfo {
                id: "gfmd",
                name: &self.gfmd.name,
                full_title: &self.gfmd.full_title,
                items: self
                    .gfmd
                    .clusters
                    .iter()
                    .map(FrameworkItem::GfmdCluster)
                    .collect(),
            },
            FrameworkInfo {
                id: "cs5",
                name: &self.cs5.name,
                full_title: &self.cs5.full_title,
                items: self
                    .cs5
                    .points
                    .iter()
                    .map(FrameworkItem::Cs5Point)
                    .collect(),
            },
            FrameworkInfo {
                id: "sdg",
                name: &self.sdg.name,
                full_title: &self.sdg.full_title,
                items: self
                    .sdg
                    .targets
                    .iter()
                    .flat_map(|t| {
                        std::iter::once(FrameworkItem::SdgTarget(t)).chain(
                            t.indicators
                                .iter()
                                .map(move |i| FrameworkItem::SdgIndicator(t, i)),
                        )
                    })
                    .collect(),
            },
        ]
    }

    /// Every framework item linked to objective `n`, with the strongest basis
    /// of its links, in reference order. A GFMD cluster counts when it or
    /// one of its focus areas is linked.
    pub fn crosswalk_for_objective(&self, n: u8) -> Vec<(Ref, Basis)> {
        let mut out: BTreeMap<Ref, Basis> = BTreeMap::new();
        for fw in self.list() {
            for item in fw.items {
                for (o, basis) in item.objectives() {
                    if o == n {
                        out.entry(item.reference())
                            .and_modify(|b| *b = b.strongest(basis))
                            .or_insert(basis);
                    }
                }
            }
        }
        out.into_iter().collect()
    }

    /// Every objective link in all frameworks, as (item, objective, basis),
    /// including links of GFMD focus areas (reported under their cluster).
    pub fn all_links(&self) -> Vec<(Ref, u8, Basis)> {
        let mut out = Vec::new();
        for c in &self.gfmd.clusters {
            for l in c
                .objectives
                .iter()
                .chain(c.focus_areas.iter().flat_map(|a| a.objectives.iter()))
            {
                out.push((c.reference, l.objective, l.basis));
            }
        }
        for p in &self.cs5.points {
            out.extend(
                p.objectives
                    .iter()
                    .map(|l| (p.reference, l.objective, l.basis)),
            );
        }
        for t in &self.sdg.targets {
            out.extend(
                t.objectives
                    .iter()
                    .map(|l| (t.reference, l.objective, l.basis)),
            );
            for i in &t.indicators {
                out.extend(
                    i.objectives
                        .iter()
                        .map(|l| (i.reference, l.objective, l.basis)),
                );
            }
        }
        out
    }

    /// Problems in the data: objectives outside 1..=23, references that do
    /// not match their item, SDG links to targets not in the data, cited-at
    /// references that are not in the Compact's shape. Empty when consistent.
    pub fn validate(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for (r, o, _) in self.all_links() {
            if !(1..=OBJECTIVE_COUNT).contains(&o) {
                problems.push(format!(
                    "{r}: objective {o} is not in 1..={OBJECTIVE_COUNT}"
                ));
            }
        }
        for c in &self.gfmd.clusters {
            if c.reference != Ref::GfmdCluster(c.number) {
                problems.push(format!("cluster {} has ref {}", c.number, c.reference));
            }
            for a in &c.focus_areas {
                if !a.id.starts_with(&format!("{}.", c.number)) {
                    problems.push(format!("focus area {} is under cluster {}", a.id, c.number));
                }
            }
            for l in c
                .sdg
                .iter()
                .chain(c.focus_areas.iter().flat_map(|a| a.sdg.iter()))
            {
                if self.item(&l.reference).is_err() {
                    problems.push(format!("{}: unknown SDG link {}", c.reference, l.reference));
                }
            }
        }
        for p in &self.cs5.points {
            if p.reference != Ref::Cs5(p.number) {
                problems.push(format!("point {} has ref {}", p.number, p.reference));
            }
        }
        for t in &self.sdg.targets {
            if sdg_code(&t.reference).as_deref() != Some(t.code.as_str()) {
                problems.push(format!("target {} has ref {}", t.code, t.reference));
            }
            for i in &t.indicators {
                let under_target = matches!(
                    (t.reference, i.reference),
                    (Ref::Sdg { goal: g1, target: t1, indicator: None },
                     Ref::Sdg { goal: g2, target: t2, indicator: Some(_) }) if g1 == g2 && t1 == t2
                );
                if !under_target || sdg_code(&i.reference).as_deref() != Some(i.code.as_str()) {
                    problems.push(format!("indicator {} under target {}", i.code, t.code));
                }
            }
            for l in t
                .objectives
                .iter()
                .chain(t.indicators.iter().flat_map(|i| i.objectives.iter()))
            {
                if let Some(at) = l.cited_at
                    && !at.is_gcm()
                {
                    problems.push(format!("{}: cited_at {at} is not a gcm reference", t.code));
                }
            }
        }
        problems
    }
}

/// The code part of an SDG reference (`10.7`, `10.c`, `10.7.2`).
pub fn sdg_code(r: &Ref) -> Option<String> {
    match r {
        Ref::Sdg {
            goal,
            target,
            indicator,
        } => {
            let t = match target {
                SdgTarget::Number(n) => n.to_string(),
                SdgTarget::Letter(c) => c.to_string(),
            };
            Some(match indicator {
                Some(i) => format!("{goal}.{t}.{i}"),
                None => format!("{goal}.{t}"),
            })
        }
        _ => None,
    }
}
