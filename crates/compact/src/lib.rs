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
//! - [`compact`](mod@compact): [`Compact`], the embedded shipped data with lookups.

pub mod align;
pub mod build;
mod clean;
pub mod compact;
pub mod extract;
pub mod files;
pub mod lang;
pub mod lexicon;
pub mod model;
pub mod reference;

pub use align::{AlignmentGap, GapKind, align, reconcile};
pub use compact::{Compact, CompactError, ResolveError, Resolved, ResolvedText};
pub use extract::extract;
pub use lang::Lang;
pub use model::{Document, Extraction, Note, NoteKind};
pub use reference::{GuidingPrinciple, Ref, RefParseError};
