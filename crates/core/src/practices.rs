//! The global knowledge platform's vocabulary (GCM para 43(c)): a practice's life cycle,
//! geographic scope, progress, cross-cutting themes, and where it came from.

use serde::{Deserialize, Serialize};

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

    /// Whether its submitting organisation may still change it (a draft, or a submission sent
    /// back for revision).
    pub fn is_editable(self) -> bool {
        matches!(
            self,
            PracticeStatus::Draft | PracticeStatus::RevisionRequested
        )
    }
}

vocabulary! {
    /// The peer-review rubric: what each reviewer scores, 1 (weak) to 5 (strong).
    Criterion {
        /// Relevance to the GCM objectives it is tagged with.
        Relevance => "relevance",
        /// Adherence to the ten guiding principles.
        Principles => "principles",
        /// Evidence of results.
        Evidence => "evidence",
        Replicability => "replicability",
        Innovation => "innovation",
        Sustainability => "sustainability",
    }
}

vocabulary! {
    /// What a reviewer recommends, and what the secretariat decides.
    Decision {
        Publish => "publish",
        Revise => "revise",
        Reject => "reject",
    }
}

/// How peer review is run (configurable per instance: a national government may review with
/// its own people only).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ReviewPolicy {
    /// Submitted reviews needed from reviewers who speak for a UN entity.
    pub min_un_reviewers: usize,
    /// Submitted reviews needed from other (external) reviewers.
    pub min_external_reviewers: usize,
    /// When the reviewers' mean scores differ by more than this (on the 1–5 scale), a further
    /// reviewer is pulled in before a decision.
    pub disagreement_threshold: f64,
}

impl Default for ReviewPolicy {
    fn default() -> Self {
        ReviewPolicy {
            min_un_reviewers: 1,
            min_external_reviewers: 2,
            disagreement_threshold: 1.5,
        }
    }
}

/// Largest attachment accepted, in bytes.
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;
/// Most attachments one practice may have.
pub const MAX_ATTACHMENTS: usize = 20;

/// Why an attachment was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentProblem {
    Empty,
    TooLarge,
    /// Not one of the accepted types, or its content does not match its name.
    WrongType,
    BadName,
}

impl AttachmentProblem {
    /// Stable code (Fluent message `attachment-error-<code>`, API error details).
    pub fn code(self) -> &'static str {
        match self {
            AttachmentProblem::Empty => "empty",
            AttachmentProblem::TooLarge => "too_large",
            AttachmentProblem::WrongType => "wrong_type",
            AttachmentProblem::BadName => "bad_name",
        }
    }
}

/// Accepted attachment types: extension, media type, and the content signature it must have.
const ATTACHMENT_TYPES: [(&str, &str, Signature); 11] = [
    ("pdf", "application/pdf", Signature::Prefix(b"%PDF-")),
    ("png", "image/png", Signature::Prefix(b"\x89PNG\r\n\x1a\n")),
    ("jpg", "image/jpeg", Signature::Prefix(b"\xff\xd8\xff")),
    ("jpeg", "image/jpeg", Signature::Prefix(b"\xff\xd8\xff")),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Signature::Prefix(b"PK\x03\x04"),
    ),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Signature::Prefix(b"PK\x03\x04"),
    ),
    (
        "odt",
        "application/vnd.oasis.opendocument.text",
        Signature::Prefix(b"PK\x03\x04"),
    ),
    (
        "ods",
        "application/vnd.oasis.opendocument.spreadsheet",
        Signature::Prefix(b"PK\x03\x04"),
    ),
    ("csv", "text/csv", Signature::Text),
    ("txt", "text/plain", Signature::Text),
    ("md", "text/markdown", Signature::Text),
];

#[derive(Debug, Clone, Copy)]
enum Signature {
    Prefix(&'static [u8]),
    /// UTF-8 without NUL bytes.
    Text,
}

/// The accepted extensions, for forms and error messages.
pub fn attachment_extensions() -> Vec<&'static str> {
    ATTACHMENT_TYPES.iter().map(|(e, _, _)| *e).collect()
}

/// Checks an uploaded file by its name, size and content; returns the cleaned file name and
/// its media type. The content must match the extension, so a renamed executable is refused.
pub fn classify_attachment(
    filename: &str,
    data: &[u8],
) -> Result<(String, &'static str), AttachmentProblem> {
    let name: String = filename
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .to_string();
    if name.is_empty() || name.chars().count() > 200 || name.starts_with('.') {
        return Err(AttachmentProblem::BadName);
    }
    if data.is_empty() {
        return Err(AttachmentProblem::Empty);
    }
    if data.len() > MAX_ATTACHMENT_BYTES {
        return Err(AttachmentProblem::TooLarge);
    }
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let (_, media, signature) = ATTACHMENT_TYPES
        .iter()
        .find(|(e, _, _)| *e == ext)
        .ok_or(AttachmentProblem::WrongType)?;
    let matches = match signature {
        Signature::Prefix(p) => data.starts_with(p),
        Signature::Text => std::str::from_utf8(data).is_ok() && !data.contains(&0),
    };
    if matches {
        Ok((name, media))
    } else {
        Err(AttachmentProblem::WrongType)
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
        assert!(PracticeStatus::RevisionRequested.is_editable());
        assert!(!PracticeStatus::InReview.is_editable());
    }

    #[test]
    fn attachments_are_checked_by_content_not_only_by_name() {
        assert_eq!(
            classify_attachment("C:\\docs\\report.PDF", b"%PDF-1.7 ..."),
            Ok(("report.PDF".to_string(), "application/pdf"))
        );
        assert_eq!(
            classify_attachment("report.pdf", b"MZ\x90\x00"),
            Err(AttachmentProblem::WrongType)
        );
        assert_eq!(
            classify_attachment("tool.exe", b"MZ\x90\x00"),
            Err(AttachmentProblem::WrongType)
        );
        assert_eq!(
            classify_attachment("notes.txt", b"a\x00b"),
            Err(AttachmentProblem::WrongType)
        );
        assert_eq!(
            classify_attachment("empty.txt", b""),
            Err(AttachmentProblem::Empty)
        );
        assert_eq!(
            classify_attachment("", b"x"),
            Err(AttachmentProblem::BadName)
        );
        let big = vec![b'a'; MAX_ATTACHMENT_BYTES + 1];
        assert_eq!(
            classify_attachment("big.txt", &big),
            Err(AttachmentProblem::TooLarge)
        );
    }
}
