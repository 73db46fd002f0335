//! The global knowledge platform's vocabulary (GCM para 43(c)): a practice's life cycle,
//! geographic scope, progress, cross-cutting themes, and where it came from.

use serde::{Deserialize, Serialize};

/// Declares a closed vocabulary with its stable snake_case names.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }
    };
}

vocabulary! {
    /// Where a practice stands in submission and peer review.
    PracticeStatus {
        Draft => "draft",
        Submitted => "submitted",
        InReview => "in_review",
        RevisionRequested => "revision_requested",
        Published => "published",
        Rejected => "rejected",
    }
}

vocabulary! {
    /// How far a practice reaches.
    Scope {
        Local => "local",
        National => "national",
        Regional => "regional",
        Global => "global",
    }
}

vocabulary! {
    /// How far a practice has come (the Network Hub's categories).
    Progress {
        Completed => "completed",
        MostlyCompleted => "mostly_completed",
        Ongoing => "ongoing",
    }
}

vocabulary! {
    /// Where a practice came from.
    Source {
        /// Submitted on the platform and peer-reviewed.
        Submission => "submission",
        /// Imported from the documents the platform ships with (not peer-reviewed).
        Seed => "seed",
        /// Imported from a filled template or another platform's export.
        Import => "import",
    }
}

vocabulary! {
    /// Cross-cutting themes a practice may address.
    Theme {
        GenderResponsive => "gender_responsive",
        ChildSensitive => "child_sensitive",
        HumanRights => "human_rights",
        DisabilityInclusive => "disability_inclusive",
        ClimateAndDisasters => "climate_and_disasters",
        DigitalInnovation => "digital_innovation",
        LabourMigration => "labour_migration",
        DataAndEvidence => "data_and_evidence",
        LocalGovernance => "local_governance",
        Health => "health",
    }
}

impl PracticeStatus {
    /// Whether the public (and search, exports, feeds) may see a practice in this state.
    pub fn is_public(self) -> bool {
        self == PracticeStatus::Published
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabularies_round_trip() {
        for s in PracticeStatus::ALL {
            assert_eq!(PracticeStatus::parse(s.as_str()), Some(*s));
        }
        for t in Theme::ALL {
            assert_eq!(Theme::parse(t.as_str()), Some(*t));
        }
        assert_eq!(Scope::parse("planetary"), None);
        assert!(PracticeStatus::Published.is_public());
        assert!(!PracticeStatus::Draft.is_public());
    }
}
