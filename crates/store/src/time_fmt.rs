//! Timestamps as fixed-width RFC 3339 UTC text (`2026-11-23T10:38:13.123456Z`).
//!
//! Fixed width matters: it makes text comparison and `ORDER BY` agree with time order on
//! both SQLite and PostgreSQL.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{OffsetDateTime, UtcOffset};

const FIXED: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");

/// The current time, formatted for storage.
pub fn now_rfc3339() -> String {
    to_rfc3339(OffsetDateTime::now_utc())
}

/// Formats any instant for storage (converted to UTC, microsecond precision).
pub fn to_rfc3339(t: OffsetDateTime) -> String {
    let utc = t.to_offset(UtcOffset::UTC);
    // Formatting a UTC date with this fixed description cannot fail for years 0..=9999; fall
    // back to the general RFC 3339 form rather than panic should it ever do so.
    utc.format(FIXED)
        .or_else(|_| utc.format(&Rfc3339))
        .unwrap_or_default()
}

/// Parses a stored (or any RFC 3339) timestamp.
pub fn parse_rfc3339(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_width_and_round_trip() {
        let t = time::macros::datetime!(2026-01-02 03:04:05.5 +02:00);
        let s = to_rfc3339(t);
        assert_eq!(s, "2026-01-02T01:04:05.500000Z");
        assert_eq!(parse_rfc3339(&s), Some(t));
        assert_eq!(now_rfc3339().len(), s.len());
    }
}
