//! The connection hub's vocabulary and rules (GCM para 43(a)): a country's request for support
//! and the steps it goes through, the kinds of support sought and offered, the roles partners
//! take in implementation, and the human reference a request is known by (`REQ-YYYY-NNNN`).

use serde::{Deserialize, Serialize};

vocabulary! {
    /// Where a request stands. Processing follows para 43(a)(i): the secretariat assesses and
    /// advises, accepts or declines with reasons, then the request is matched with partners,
    /// implementation is set up, carried out and completed, or closed at any step.
    RequestStatus {
        /// Being written by the requester; only their organisation sees it.
        Draft => "draft",
        /// Submitted, waiting for the secretariat to take it up.
        Received => "received",
        /// The secretariat advises and may ask the requester for clarification.
        UnderAssessment => "under_assessment",
        Accepted => "accepted",
        /// Declined, with reasons.
        Declined => "declined",
        /// Partners are being identified and invited (para 43(a)(ii)).
        Matching => "matching",
        /// Partners have agreed; roles and the workplan are being set (para 43(a)(iv)).
        ImplementationSetup => "implementation_setup",
        InImplementation => "in_implementation",
        Completed => "completed",
        /// Withdrawn by the requester or closed by the secretariat, with reasons.
        Closed => "closed",
    }
}

impl RequestStatus {
    /// The steps that may follow this one, in the order they are usually taken. `Closed` can
    /// follow any step that is not already final.
    pub fn next(self) -> &'static [RequestStatus] {
        use RequestStatus::*;
        match self {
            Draft => &[Received],
            Received => &[UnderAssessment, Closed],
            UnderAssessment => &[Accepted, Declined, Closed],
            Accepted => &[Matching, Closed],
            Matching => &[ImplementationSetup, Closed],
            ImplementationSetup => &[InImplementation, Closed],
            InImplementation => &[Completed, Closed],
            Declined | Completed | Closed => &[],
        }
    }

    /// Whether a request may move from `self` to `to` in one step.
    pub fn may_move_to(self, to: RequestStatus) -> bool {
        self.next().contains(&to)
    }

    /// No step follows (declined, completed, closed).
    pub fn is_final(self) -> bool {
        self.next().is_empty()
    }

    /// Whether the requester may still change the request's content.
    pub fn is_editable(self) -> bool {
        self == RequestStatus::Draft
    }

    /// Moving to this step needs written reasons (they are shown to the requester).
    pub fn needs_reasons(self) -> bool {
        matches!(self, RequestStatus::Declined | RequestStatus::Closed)
    }
}

vocabulary! {
    /// Kinds of support a request seeks or an offer gives.
    SupportKind {
        Technical => "technical",
        Financial => "financial",
        /// Human resources and expertise.
        Expertise => "expertise",
        PeerExchange => "peer_exchange",
    }
}

vocabulary! {
    /// A partner's role in implementing a request (para 43(a)(iv)).
    PartnerRole {
        Lead => "lead",
        CoImplementer => "co_implementer",
        TechnicalAdviser => "technical_adviser",
        Funder => "funder",
    }
}

vocabulary! {
    /// Where a partner's invitation stands. Only the invited organisation answers it, once.
    PartnerState {
        Invited => "invited",
        Accepted => "accepted",
        Declined => "declined",
        /// Taken back by the secretariat before or after the partner answered.
        Withdrawn => "withdrawn",
    }
}

vocabulary! {
    /// Why a request is linked to a similar request or practice (para 43(a)(iii)).
    LinkKind {
        /// The same need is already being met elsewhere: avoid doing it twice.
        PotentialDuplication => "potential_duplication",
        /// Countries facing the same question can learn from each other or replicate.
        PeerExchange => "peer_exchange",
    }
}

vocabulary! {
    /// An organisation's staff, as declared in its partner profile.
    StaffRange {
        UpTo10 => "up_to_10",
        UpTo50 => "up_to_50",
        UpTo250 => "up_to_250",
        UpTo1000 => "up_to_1000",
        Over1000 => "over_1000",
    }
}

vocabulary! {
    /// An organisation's annual budget for migration work, in US dollars, as declared.
    BudgetRange {
        UpTo1m => "up_to_1m",
        UpTo10m => "up_to_10m",
        UpTo100m => "up_to_100m",
        Over100m => "over_100m",
    }
}

/// A request's human reference: `REQ-2026-0042` is the 42nd request submitted in 2026.
pub fn request_reference(year: i32, number: u32) -> String {
    format!("REQ-{year:04}-{number:04}")
}

/// Reads a reference back into its year and number; `None` when it is not one.
pub fn parse_request_reference(s: &str) -> Option<(i32, u32)> {
    let rest = s.strip_prefix("REQ-")?;
    let (year, number) = rest.split_once('-')?;
    if year.len() != 4
        || number.len() < 4
        || !(year.bytes().chain(number.bytes())).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    Some((year.parse().ok()?, number.parse().ok()?))
}

/// When the hub reminds whoever must act that a request has waited too long in one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderPolicy {
    /// Days a request may wait in a step (other than draft and the final ones) before a reminder.
    pub wait_days: u32,
}

impl Default for ReminderPolicy {
    fn default() -> Self {
        ReminderPolicy { wait_days: 14 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_but_the_final_ones_can_be_closed() {
        for s in RequestStatus::ALL {
            let closable = s.may_move_to(RequestStatus::Closed);
            let expected = !s.is_final() && *s != RequestStatus::Draft;
            assert_eq!(closable, expected, "{s:?}");
        }
    }

    #[test]
    fn steps_cannot_be_skipped() {
        use RequestStatus::*;
        assert!(Received.may_move_to(UnderAssessment));
        assert!(!Received.may_move_to(Accepted));
        assert!(!UnderAssessment.may_move_to(Matching));
        assert!(!Matching.may_move_to(InImplementation));
        assert!(!Completed.may_move_to(Closed));
        assert!(Declined.is_final() && Completed.is_final() && Closed.is_final());
    }

    #[test]
    fn references_round_trip_and_refuse_other_text() {
        assert_eq!(request_reference(2026, 42), "REQ-2026-0042");
        assert_eq!(parse_request_reference("REQ-2026-0042"), Some((2026, 42)));
        assert_eq!(
            parse_request_reference("REQ-2026-12345"),
            Some((2026, 12345))
        );
        for bad in [
            "REQ-26-0042",
            "REQ-2026-42",
            "req-2026-0042",
            "REQ-2026-00a2",
            "",
            "REQ--",
        ] {
            assert_eq!(parse_request_reference(bad), None, "{bad}");
        }
    }

    #[test]
    fn names_round_trip() {
        for s in RequestStatus::ALL {
            assert_eq!(RequestStatus::parse(s.as_str()), Some(*s));
        }
        for k in SupportKind::ALL {
            assert_eq!(SupportKind::parse(k.as_str()), Some(*k));
        }
        for r in PartnerRole::ALL {
            assert_eq!(PartnerRole::parse(r.as_str()), Some(*r));
        }
    }
}
