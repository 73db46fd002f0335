//! Who may do what: platform roles, organisation types and roles, and the one authorization
//! policy that every route asks (`policy::allows`). Pure rules, no IO; the web layer builds a
//! [`Principal`] from the session or API token and asks before acting.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Roles a person holds on the whole platform, granted by an administrator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlatformRole {
    Administrator,
    /// The UN Network on Migration's secretariat.
    Secretariat,
    /// A peer reviewer of practices and reviews.
    Reviewer,
    /// A member of the start-up fund's steering committee.
    FundCommittee,
    Moderator,
}

impl PlatformRole {
    pub const ALL: [PlatformRole; 5] = [
        PlatformRole::Administrator,
        PlatformRole::Secretariat,
        PlatformRole::Reviewer,
        PlatformRole::FundCommittee,
        PlatformRole::Moderator,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PlatformRole::Administrator => "administrator",
            PlatformRole::Secretariat => "secretariat",
            PlatformRole::Reviewer => "reviewer",
            PlatformRole::FundCommittee => "fund_committee",
            PlatformRole::Moderator => "moderator",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A person's role in one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgRole {
    /// Speaks for the organisation: manages its members and its items.
    FocalPoint,
    /// Edits the organisation's items.
    Editor,
    Member,
}

impl OrgRole {
    pub const ALL: [OrgRole; 3] = [OrgRole::FocalPoint, OrgRole::Editor, OrgRole::Member];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgRole::FocalPoint => "focal_point",
            OrgRole::Editor => "editor",
            OrgRole::Member => "member",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// Kinds of organisation: the stakeholders of GCM paragraph 44 and the UN Network's members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    MemberStateGovernment,
    UnEntity,
    IntergovernmentalOrganisation,
    CivilSociety,
    MigrantOrDiasporaOrganisation,
    FaithBased,
    LocalAuthority,
    PrivateSector,
    TradeUnion,
    Academia,
    NationalHumanRightsInstitution,
    Parliament,
    Media,
    RedCrossRedCrescent,
}

impl OrgKind {
    pub const ALL: [OrgKind; 14] = [
        OrgKind::MemberStateGovernment,
        OrgKind::UnEntity,
        OrgKind::IntergovernmentalOrganisation,
        OrgKind::CivilSociety,
        OrgKind::MigrantOrDiasporaOrganisation,
        OrgKind::FaithBased,
        OrgKind::LocalAuthority,
        OrgKind::PrivateSector,
        OrgKind::TradeUnion,
        OrgKind::Academia,
        OrgKind::NationalHumanRightsInstitution,
        OrgKind::Parliament,
        OrgKind::Media,
        OrgKind::RedCrossRedCrescent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::MemberStateGovernment => "member_state_government",
            OrgKind::UnEntity => "un_entity",
            OrgKind::IntergovernmentalOrganisation => "intergovernmental_organisation",
            OrgKind::CivilSociety => "civil_society",
            OrgKind::MigrantOrDiasporaOrganisation => "migrant_or_diaspora_organisation",
            OrgKind::FaithBased => "faith_based",
            OrgKind::LocalAuthority => "local_authority",
            OrgKind::PrivateSector => "private_sector",
            OrgKind::TradeUnion => "trade_union",
            OrgKind::Academia => "academia",
            OrgKind::NationalHumanRightsInstitution => "national_human_rights_institution",
            OrgKind::Parliament => "parliament",
            OrgKind::Media => "media",
            OrgKind::RedCrossRedCrescent => "red_cross_red_crescent",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for OrgKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A signed-in person as the policy sees them.
#[derive(Debug, Clone, Default)]
pub struct Principal {
    pub user_id: String,
    pub email_verified: bool,
    pub roles: Vec<PlatformRole>,
    /// Active memberships: (organisation id, role).
    pub memberships: Vec<(String, OrgRole)>,
}

impl Principal {
    pub fn has(&self, role: PlatformRole) -> bool {
        self.roles.contains(&role)
    }

    pub fn role_in(&self, org_id: &str) -> Option<OrgRole> {
        self.memberships
            .iter()
            .find(|(o, _)| o == org_id)
            .map(|(_, r)| *r)
    }

    fn is_admin(&self) -> bool {
        self.has(PlatformRole::Administrator)
    }
}

/// Something a person may ask to do. Every route maps to one of these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action<'a> {
    /// Read public pages and data.
    ViewPublic,
    /// Read and change one's own account, sessions, tokens, data export.
    ManageOwnAccount,
    CreateOrganisation,
    ViewOrganisationMembers {
        org_id: &'a str,
    },
    EditOrganisation {
        org_id: &'a str,
    },
    ManageMembers {
        org_id: &'a str,
    },
    RequestToJoin {
        org_id: &'a str,
    },
    /// Share a resource (publication, guidance, tool, data set) on behalf of an organisation.
    ShareResource {
        org_id: &'a str,
    },
    /// Draft, edit and submit practices (and import filled templates) for an organisation.
    SubmitPractice {
        org_id: &'a str,
    },
    /// Run peer review: assign reviewers, ask for revisions, decide publish, revise or reject.
    ManagePracticeReview,
    /// Review the practices one is assigned (the assignment itself is checked by the route).
    ReviewPractice,
    /// Open, edit and close themed calls for practices.
    ManageCalls,
    /// Draft and submit connection-hub requests for an organisation, and answer the
    /// secretariat's questions about them (GCM para 43(a)(i)).
    SubmitHubRequest {
        org_id: &'a str,
    },
    /// Process hub requests: assess, accept or decline, invite partners, set up implementation,
    /// link similar initiatives, override suggestions.
    ManageHub,
    /// Speak for an organisation in the hub: answer partner invitations, keep its partner
    /// profile and funding priorities, publish offers of support.
    ActAsHubPartner {
        org_id: &'a str,
    },
    /// Administration: users and their roles.
    ManageUsers,
    ViewAuditLog,
    /// Mail waiting to be sent (verification and reset links when no SMTP server is set up).
    ViewOutbox,
}

/// Whether `who` (None: anonymous) may do `action`. The single source of truth for
/// permissions; routes ask it, and the integration tests run it against every role.
pub fn allows(who: Option<&Principal>, action: &Action<'_>) -> bool {
    let Some(p) = who else {
        return matches!(action, Action::ViewPublic);
    };
    if p.is_admin() {
        return true;
    }
    match action {
        Action::ViewPublic | Action::ManageOwnAccount => true,
        // Only verified addresses may create organisations or ask to join one, so an
        // organisation's members are reachable.
        Action::CreateOrganisation => p.email_verified,
        Action::RequestToJoin { org_id } => p.email_verified && p.role_in(org_id).is_none(),
        Action::ViewOrganisationMembers { org_id } => {
            p.role_in(org_id).is_some() || p.has(PlatformRole::Secretariat)
        }
        Action::EditOrganisation { org_id } => {
            matches!(p.role_in(org_id), Some(OrgRole::FocalPoint))
                || p.has(PlatformRole::Secretariat)
        }
        Action::ManageMembers { org_id } => matches!(p.role_in(org_id), Some(OrgRole::FocalPoint)),
        Action::ShareResource { org_id } => {
            p.email_verified
                && matches!(
                    p.role_in(org_id),
                    Some(OrgRole::FocalPoint | OrgRole::Editor)
                )
        }
        Action::SubmitPractice { org_id } => {
            p.email_verified
                && matches!(
                    p.role_in(org_id),
                    Some(OrgRole::FocalPoint | OrgRole::Editor)
                )
        }
        Action::SubmitHubRequest { org_id } | Action::ActAsHubPartner { org_id } => {
            p.email_verified
                && matches!(
                    p.role_in(org_id),
                    Some(OrgRole::FocalPoint | OrgRole::Editor)
                )
        }
        Action::ManagePracticeReview | Action::ManageCalls | Action::ManageHub => {
            p.has(PlatformRole::Secretariat)
        }
        Action::ReviewPractice => p.has(PlatformRole::Reviewer) || p.has(PlatformRole::Secretariat),
        Action::ManageUsers | Action::ViewAuditLog | Action::ViewOutbox => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(org: &str, role: OrgRole) -> Principal {
        Principal {
            user_id: "u".into(),
            email_verified: true,
            roles: vec![],
            memberships: vec![(org.into(), role)],
        }
    }

    #[test]
    fn anonymous_may_only_read() {
        assert!(allows(None, &Action::ViewPublic));
        assert!(!allows(None, &Action::ManageOwnAccount));
        assert!(!allows(None, &Action::CreateOrganisation));
    }

    #[test]
    fn focal_points_manage_their_own_organisation_only() {
        let fp = member("a", OrgRole::FocalPoint);
        assert!(allows(Some(&fp), &Action::ManageMembers { org_id: "a" }));
        assert!(allows(Some(&fp), &Action::EditOrganisation { org_id: "a" }));
        assert!(!allows(Some(&fp), &Action::ManageMembers { org_id: "b" }));
        assert!(!allows(
            Some(&fp),
            &Action::EditOrganisation { org_id: "b" }
        ));
        let m = member("a", OrgRole::Member);
        assert!(!allows(Some(&m), &Action::EditOrganisation { org_id: "a" }));
        assert!(allows(
            Some(&m),
            &Action::ViewOrganisationMembers { org_id: "a" }
        ));
        assert!(!allows(Some(&m), &Action::RequestToJoin { org_id: "a" }));
        assert!(!allows(Some(&m), &Action::ShareResource { org_id: "a" }));
        let ed = member("a", OrgRole::Editor);
        assert!(allows(Some(&ed), &Action::ShareResource { org_id: "a" }));
        assert!(!allows(Some(&ed), &Action::ShareResource { org_id: "b" }));
        assert!(allows(Some(&m), &Action::RequestToJoin { org_id: "b" }));
    }

    #[test]
    fn practices_are_submitted_by_editors_and_reviewed_by_reviewers() {
        let ed = member("a", OrgRole::Editor);
        assert!(allows(Some(&ed), &Action::SubmitPractice { org_id: "a" }));
        assert!(!allows(Some(&ed), &Action::SubmitPractice { org_id: "b" }));
        assert!(!allows(
            Some(&member("a", OrgRole::Member)),
            &Action::SubmitPractice { org_id: "a" }
        ));
        assert!(!allows(Some(&ed), &Action::ReviewPractice));
        assert!(!allows(Some(&ed), &Action::ManagePracticeReview));
        let mut rev = member("c", OrgRole::Member);
        rev.roles.push(PlatformRole::Reviewer);
        assert!(allows(Some(&rev), &Action::ReviewPractice));
        assert!(!allows(Some(&rev), &Action::ManagePracticeReview));
        assert!(!allows(Some(&rev), &Action::ManageCalls));
        let mut sec = member("d", OrgRole::Member);
        sec.roles.push(PlatformRole::Secretariat);
        assert!(allows(Some(&sec), &Action::ManagePracticeReview));
        assert!(allows(Some(&sec), &Action::ManageCalls));
    }

    #[test]
    fn hub_requests_come_from_an_organisation_and_are_processed_by_the_secretariat() {
        let fp = member("gov", OrgRole::FocalPoint);
        assert!(allows(
            Some(&fp),
            &Action::SubmitHubRequest { org_id: "gov" }
        ));
        assert!(!allows(
            Some(&fp),
            &Action::SubmitHubRequest { org_id: "other" }
        ));
        assert!(!allows(Some(&fp), &Action::ManageHub));
        let m = member("ngo", OrgRole::Member);
        assert!(!allows(
            Some(&m),
            &Action::ActAsHubPartner { org_id: "ngo" }
        ));
        let ed = member("ngo", OrgRole::Editor);
        assert!(allows(
            Some(&ed),
            &Action::ActAsHubPartner { org_id: "ngo" }
        ));
        let mut sec = member("un", OrgRole::Member);
        sec.roles.push(PlatformRole::Secretariat);
        assert!(allows(Some(&sec), &Action::ManageHub));
        assert!(!allows(
            Some(&sec),
            &Action::SubmitHubRequest { org_id: "gov" }
        ));
    }

    #[test]
    fn administration_needs_the_role() {
        let mut p = member("a", OrgRole::FocalPoint);
        assert!(!allows(Some(&p), &Action::ViewAuditLog));
        p.roles.push(PlatformRole::Secretariat);
        assert!(!allows(Some(&p), &Action::ViewAuditLog));
        assert!(allows(Some(&p), &Action::EditOrganisation { org_id: "z" }));
        p.roles.push(PlatformRole::Administrator);
        assert!(allows(Some(&p), &Action::ViewAuditLog));
        assert!(allows(Some(&p), &Action::ManageUsers));
    }

    #[test]
    fn unverified_people_cannot_create_organisations() {
        let mut p = member("a", OrgRole::Member);
        p.email_verified = false;
        assert!(!allows(Some(&p), &Action::CreateOrganisation));
        assert!(!allows(Some(&p), &Action::RequestToJoin { org_id: "b" }));
    }

    #[test]
    fn names_round_trip() {
        for r in PlatformRole::ALL {
            assert_eq!(PlatformRole::parse(r.as_str()), Some(r));
        }
        for r in OrgRole::ALL {
            assert_eq!(OrgRole::parse(r.as_str()), Some(r));
        }
        for k in OrgKind::ALL {
            assert_eq!(OrgKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(OrgKind::parse("government"), None);
    }
}

/// Why an e-mail address or password was refused (each maps to a localized message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredentialProblem {
    EmailInvalid,
    PasswordTooShort,
    PasswordTooLong,
    NameMissing,
}

impl CredentialProblem {
    /// The stable error code (and Fluent message `api-error-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            CredentialProblem::EmailInvalid => "email_invalid",
            CredentialProblem::PasswordTooShort => "password_too_short",
            CredentialProblem::PasswordTooLong => "password_too_long",
            CredentialProblem::NameMissing => "name_missing",
        }
    }

    /// The form field it concerns.
    pub fn field(self) -> &'static str {
        match self {
            CredentialProblem::EmailInvalid => "email",
            CredentialProblem::PasswordTooShort | CredentialProblem::PasswordTooLong => "password",
            CredentialProblem::NameMissing => "display_name",
        }
    }
}

/// Shortest password accepted (NIST SP 800-63B asks for at least 8; we ask a little more and
/// impose no composition rules).
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longest accepted, so hashing cost stays bounded.
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Normalises an e-mail address (trimmed, lower case) and checks its shape.
pub fn normalise_email(input: &str) -> Result<String, CredentialProblem> {
    let email = input.trim().to_lowercase();
    let valid = email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            }
            None => false,
        };
    if valid {
        Ok(email)
    } else {
        Err(CredentialProblem::EmailInvalid)
    }
}

/// Checks a new password's length (in characters, not bytes).
pub fn check_password(password: &str) -> Result<(), CredentialProblem> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        Err(CredentialProblem::PasswordTooShort)
    } else if n > MAX_PASSWORD_CHARS {
        Err(CredentialProblem::PasswordTooLong)
    } else {
        Ok(())
    }
}

/// Checks a display name and returns it trimmed.
pub fn check_display_name(name: &str) -> Result<String, CredentialProblem> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        Err(CredentialProblem::NameMissing)
    } else {
        Ok(name.to_string())
    }
}

#[cfg(test)]
mod credential_tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(
            normalise_email(" Ana@Example.ORG ").as_deref(),
            Ok("ana@example.org")
        );
        for bad in [
            "",
            "ana",
            "ana@",
            "@x.org",
            "a@b",
            "a@@b.org",
            "a b@c.org",
            "a@.org",
            "a@org.",
        ] {
            assert!(normalise_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn passwords() {
        assert_eq!(
            check_password("short"),
            Err(CredentialProblem::PasswordTooShort)
        );
        assert!(check_password("long enough pass").is_ok());
        assert!(check_password("ééééééééééé").is_ok());
        assert_eq!(
            check_password(&"x".repeat(300)),
            Err(CredentialProblem::PasswordTooLong)
        );
    }
}
