//! Languages for which the crate ships an extraction of the Compact.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language of a shipped translation. The set is closed on purpose: each
/// language needs a reviewed [`crate::lexicon`] entry before its text can be
/// extracted reliably.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Norwegian Bokmål.
    Nb,
    /// Dutch.
    Nl,
}

impl Lang {
    /// All supported languages, in a stable order.
    pub const ALL: [Lang; 2] = [Lang::Nb, Lang::Nl];

    /// The BCP 47 code (`nb`, `nl`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nl => "nl",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Error for an unsupported language code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language `{0}` (expected `nb` or `nl`)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "nb" => Ok(Lang::Nb),
            "nl" => Ok(Lang::Nl),
            other => Err(UnknownLang(other.to_owned())),
        }
    }
}
