//! The Global Compact for Safe, Orderly and Regular Migration (GCM, final
//! draft of 11 July 2018) as typed data.
//!
//! Modules (`clean`, private, normalises the raw lines first):
//! - [`reference`](mod@reference): stable references (`gcm:obj:20:c`, `gcm:para:43:a:iii`,
//!   `gcm:gp:human-rights`, plus the shapes of `gfmd:`, `cs5:`, `sdg:`).
//! - [`lang`](mod@lang): the supported translations.
//! - [`model`](mod@model): the structure extracted from one translation.
//! - [`extract`](mod@extract): the extractor turning a seed text into a [`Document`].
//! - [`lexicon`](mod@lexicon): per-language phrases and reviewed repair hints it relies on.
//! - [`align`](mod@align): comparison of translations and the gaps between them.
//! - [`files`](mod@files): serde types of the shipped `data/compact/*.json` files.
//! - [`build`](mod@build): seeds → shipped files (for the CLI and the freshness test).
//! - [`english`](mod@english): English titles, labels and summaries (`data/compact/en.json`).
//! - [`frameworks`](mod@frameworks): the GFMD recollection, the civil-society 5-year action
//!   plan and SDG targets (`data/frameworks/`), with crosswalks to the objectives.
//! - [`compact`](mod@compact): [`Compact`], the embedded shipped data with lookups,
//!   resolution of every reference kind and display texts per interface language.
//! - [`seeds`](mod@seeds): practice examples and GFMD recommendations from the seeds (`data/practices/`).

pub mod align;
pub mod build;
mod clean;
pub mod compact;
pub mod english;
pub mod extract;
pub mod files;
pub mod frameworks;
pub mod lang;
pub mod lexicon;
pub mod model;
pub mod reference;
pub mod seeds;

pub use align::{AlignmentGap, GapKind, align, reconcile};
pub use compact::{
    Compact, CompactError, DISPLAY_LANGUAGES, DisplayText, ResolveError, Resolved, ResolvedText,
};
pub use english::{EnglishFile, ObjectiveEn, PrincipleEn, SummaryEn, TitleSource};
pub use extract::extract;
pub use frameworks::{
    Basis, Cs5Point, FocusArea, FrameworkError, FrameworkInfo, FrameworkItem, Frameworks,
    GfmdCluster, ObjectiveLink, SdgIndicator, SdgTargetInfo,
};
pub use lang::Lang;
pub use model::{Document, Extraction, Note, NoteKind};
pub use reference::{GuidingPrinciple, Ref, RefParseError};
