//! Stable textual references (`gcm:obj:20:c`, `gcm:para:43:a:iii`, …) and
//! the guiding-principle slugs.
//!
//! Parsing is purely syntactic plus the bounds that are fixed by the Compact
//! itself (23 objectives, 54 paragraphs, ten principles). Whether a given
//! action letter or paragraph item exists is a question for the data, see
//! [`crate::Compact::resolve`]. References into other frameworks
//! (`gfmd:cluster:N`, `cs5:N`, `sdg:10.7.2`) are only checked for shape here;
//! [`crate::Compact::check`] checks them against the shipped framework data.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Number of objectives in the Compact.
pub const OBJECTIVE_COUNT: u8 = 23;
/// Number of numbered paragraphs in the Compact.
pub const PARAGRAPH_COUNT: u8 = 54;
/// Highest roman numeral accepted for paragraph sub-items (para 43 uses v).
const MAX_ROMAN: u8 = 10;

/// The ten guiding principles of paragraph 15, in the order of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GuidingPrinciple {
    /// People-centred.
    PeopleCentred,
    /// International cooperation.
    InternationalCooperation,
    /// National sovereignty.
    NationalSovereignty,
    /// Rule of law and due process.
    RuleOfLawAndDueProcess,
    /// Sustainable development.
    SustainableDevelopment,
    /// Human rights.
    HumanRights,
    /// Gender-responsive.
    GenderResponsive,
    /// Child-sensitive.
    ChildSensitive,
    /// Whole-of-government approach.
    WholeOfGovernment,
    /// Whole-of-society approach.
    WholeOfSociety,
}

impl GuidingPrinciple {
    /// All principles in text order.
    pub const ALL: [GuidingPrinciple; 10] = [
        GuidingPrinciple::PeopleCentred,
        GuidingPrinciple::InternationalCooperation,
        GuidingPrinciple::NationalSovereignty,
        GuidingPrinciple::RuleOfLawAndDueProcess,
        GuidingPrinciple::SustainableDevelopment,
        GuidingPrinciple::HumanRights,
        GuidingPrinciple::GenderResponsive,
        GuidingPrinciple::ChildSensitive,
        GuidingPrinciple::WholeOfGovernment,
        GuidingPrinciple::WholeOfSociety,
    ];

    /// Stable slug used in references and file keys.
    pub fn slug(self) -> &'static str {
        match self {
            GuidingPrinciple::PeopleCentred => "people-centred",
            GuidingPrinciple::InternationalCooperation => "international-cooperation",
            GuidingPrinciple::NationalSovereignty => "national-sovereignty",
            GuidingPrinciple::RuleOfLawAndDueProcess => "rule-of-law-and-due-process",
            GuidingPrinciple::SustainableDevelopment => "sustainable-development",
            GuidingPrinciple::HumanRights => "human-rights",
            GuidingPrinciple::GenderResponsive => "gender-responsive",
            GuidingPrinciple::ChildSensitive => "child-sensitive",
            GuidingPrinciple::WholeOfGovernment => "whole-of-government",
            GuidingPrinciple::WholeOfSociety => "whole-of-society",
        }
    }

    /// English label as in the official text (for display and docs).
    pub fn english_label(self) -> &'static str {
        match self {
            GuidingPrinciple::PeopleCentred => "People-centred",
            GuidingPrinciple::InternationalCooperation => "International cooperation",
            GuidingPrinciple::NationalSovereignty => "National sovereignty",
            GuidingPrinciple::RuleOfLawAndDueProcess => "Rule of law and due process",
            GuidingPrinciple::SustainableDevelopment => "Sustainable development",
            GuidingPrinciple::HumanRights => "Human rights",
            GuidingPrinciple::GenderResponsive => "Gender-responsive",
            GuidingPrinciple::ChildSensitive => "Child-sensitive",
            GuidingPrinciple::WholeOfGovernment => "Whole-of-government approach",
            GuidingPrinciple::WholeOfSociety => "Whole-of-society approach",
        }
    }

    /// 1-based position in paragraph 15.
    pub fn position(self) -> usize {
        Self::ALL
            .iter()
            .position(|p| *p == self)
            .map_or(0, |i| i + 1)
    }

    /// Looks a principle up by its slug.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.slug() == slug)
    }
}

impl fmt::Display for GuidingPrinciple {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl Serialize for GuidingPrinciple {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.slug())
    }
}

impl<'de> Deserialize<'de> for GuidingPrinciple {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        GuidingPrinciple::from_slug(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown guiding principle `{s}`")))
    }
}

/// The target part of an SDG reference: numeric (`10.7`) or lettered (`10.c`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SdgTarget {
    /// Numbered outcome target, e.g. the `7` of `10.7`.
    Number(u8),
    /// Lettered means-of-implementation target, e.g. the `c` of `10.c`.
    Letter(char),
}

impl fmt::Display for SdgTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SdgTarget::Number(n) => write!(f, "{n}"),
            SdgTarget::Letter(c) => write!(f, "{c}"),
        }
    }
}

/// A stable reference to a part of the Compact or of a related framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ref {
    /// `gcm:para:N`, `gcm:para:N:x`, `gcm:para:N:x:iii`.
    Para {
        /// Paragraph number, 1..=54.
        number: u8,
        /// Lettered item of the paragraph (`a` of `43(a)`).
        item: Option<char>,
        /// Roman sub-item of the lettered item, as a value (3 for `iii`).
        sub: Option<u8>,
    },
    /// `gcm:obj:N` or `gcm:obj:N:x`.
    Objective {
        /// Objective number, 1..=23.
        number: u8,
        /// Action letter.
        action: Option<char>,
    },
    /// `gcm:gp:<slug>`.
    Principle(GuidingPrinciple),
    /// `gfmd:cluster:N` (shape only; existence: [`crate::Compact::check`]).
    GfmdCluster(u16),
    /// `cs5:N` (shape only; existence: [`crate::Compact::check`]).
    Cs5(u16),
    /// `sdg:G.T` or `sdg:G.T.I` (shape only, goal bounded to 1..=17;
    /// existence: [`crate::Compact::check`]).
    Sdg {
        /// Goal, 1..=17.
        goal: u8,
        /// Target within the goal.
        target: SdgTarget,
        /// Indicator number within the target.
        indicator: Option<u8>,
    },
}

/// Why a string is not a valid [`Ref`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid reference `{input}`: {reason}")]
pub struct RefParseError {
    /// The rejected input.
    pub input: String,
    /// Human-readable reason.
    pub reason: String,
}

fn err(input: &str, reason: impl Into<String>) -> RefParseError {
    RefParseError {
        input: input.to_owned(),
        reason: reason.into(),
    }
}

/// Parses a canonical decimal number: digits only, no sign, no leading zero.
fn canonical_number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if s.len() > 1 && s.starts_with('0') {
        return None;
    }
    s.parse().ok()
}

fn single_letter(s: &str) -> Option<char> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_lowercase() => Some(c),
        _ => None,
    }
}

/// Lower-case roman numerals 1..=10 in canonical spelling.
const ROMANS: [&str; 10] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];

/// Value of a canonical lower-case roman numeral (1..=10).
pub fn roman_value(s: &str) -> Option<u8> {
    ROMANS
        .iter()
        .position(|r| *r == s)
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// Canonical lower-case spelling of a roman numeral value (1..=10).
pub fn roman_str(value: u8) -> Option<&'static str> {
    ROMANS.get(usize::from(value).checked_sub(1)?).copied()
}

impl FromStr for Ref {
    type Err = RefParseError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        if input.is_empty() {
            return Err(err(input, "empty reference"));
        }
        let parts: Vec<&str> = input.split(':').collect();
        match parts.as_slice() {
            ["gcm", "para", rest @ ..] => parse_para(input, rest),
            ["gcm", "obj", rest @ ..] => parse_obj(input, rest),
            ["gcm", "gp", slug] => GuidingPrinciple::from_slug(slug)
                .map(Ref::Principle)
                .ok_or_else(|| {
                    let known: Vec<&str> = GuidingPrinciple::ALL.iter().map(|p| p.slug()).collect();
                    err(
                        input,
                        format!(
                            "unknown guiding principle `{slug}` (known: {})",
                            known.join(", ")
                        ),
                    )
                }),
            ["gcm", "gp", ..] => Err(err(input, "expected `gcm:gp:<slug>`")),
            ["gcm", kind, ..] => Err(err(
                input,
                format!("unknown gcm reference kind `{kind}` (expected `para`, `obj` or `gp`)"),
            )),
            ["gfmd", "cluster", n] => positive_u16(n).map(Ref::GfmdCluster).ok_or_else(|| {
                err(
                    input,
                    "cluster must be a positive number without leading zeros",
                )
            }),
            ["gfmd", ..] => Err(err(input, "expected `gfmd:cluster:N`")),
            ["cs5", n] => positive_u16(n)
                .map(Ref::Cs5)
                .ok_or_else(|| err(input, "cs5 number must be positive without leading zeros")),
            ["cs5", ..] => Err(err(input, "expected `cs5:N`")),
            ["sdg", spec] => parse_sdg(input, spec),
            ["sdg", ..] => Err(err(input, "expected `sdg:G.T` or `sdg:G.T.I`")),
            _ => Err(err(
                input,
                "expected one of `gcm:para:N[:x[:roman]]`, `gcm:obj:N[:x]`, `gcm:gp:<slug>`, \
                 `gfmd:cluster:N`, `cs5:N`, `sdg:G.T[.I]`",
            )),
        }
    }
}

fn positive_u16(s: &str) -> Option<u16> {
    canonical_number(s)
        .filter(|n| *n > 0)
        .and_then(|n| u16::try_from(n).ok())
}

fn parse_para(input: &str, rest: &[&str]) -> Result<Ref, RefParseError> {
    let (num, item, sub) = match rest {
        [n] => (*n, None, None),
        [n, i] => (*n, Some(*i), None),
        [n, i, s] => (*n, Some(*i), Some(*s)),
        _ => {
            return Err(err(
                input,
                "expected `gcm:para:N`, `gcm:para:N:x` or `gcm:para:N:x:roman`",
            ));
        }
    };
    let number = canonical_number(num)
        .filter(|n| (1..=u32::from(PARAGRAPH_COUNT)).contains(n))
        .and_then(|n| u8::try_from(n).ok())
        .ok_or_else(|| {
            err(
                input,
                format!("paragraph must be a number from 1 to {PARAGRAPH_COUNT}"),
            )
        })?;
    let item = match item {
        None => None,
        Some(i) => Some(
            single_letter(i)
                .ok_or_else(|| err(input, "paragraph item must be one lower-case letter"))?,
        ),
    };
    let sub = match sub {
        None => None,
        Some(s) => Some(
            roman_value(s)
                .filter(|v| *v <= MAX_ROMAN)
                .ok_or_else(|| err(input, "sub-item must be a lower-case roman numeral i..x"))?,
        ),
    };
    Ok(Ref::Para { number, item, sub })
}

fn parse_obj(input: &str, rest: &[&str]) -> Result<Ref, RefParseError> {
    let (num, action) = match rest {
        [n] => (*n, None),
        [n, a] => (*n, Some(*a)),
        _ => return Err(err(input, "expected `gcm:obj:N` or `gcm:obj:N:x`")),
    };
    let number = canonical_number(num)
        .filter(|n| (1..=u32::from(OBJECTIVE_COUNT)).contains(n))
        .and_then(|n| u8::try_from(n).ok())
        .ok_or_else(|| {
            err(
                input,
                format!("objective must be a number from 1 to {OBJECTIVE_COUNT}"),
            )
        })?;
    let action = match action {
        None => None,
        Some(a) => Some(
            single_letter(a).ok_or_else(|| err(input, "action must be one lower-case letter"))?,
        ),
    };
    Ok(Ref::Objective { number, action })
}

fn parse_sdg(input: &str, spec: &str) -> Result<Ref, RefParseError> {
    let parts: Vec<&str> = spec.split('.').collect();
    let (g, t, i) = match parts.as_slice() {
        [g, t] => (*g, *t, None),
        [g, t, i] => (*g, *t, Some(*i)),
        _ => {
            return Err(err(
                input,
                "expected an SDG target `G.T` or indicator `G.T.I`",
            ));
        }
    };
    let goal = canonical_number(g)
        .filter(|g| (1..=17).contains(g))
        .and_then(|g| u8::try_from(g).ok())
        .ok_or_else(|| err(input, "SDG goal must be a number from 1 to 17"))?;
    let target = if let Some(c) = single_letter(t) {
        SdgTarget::Letter(c)
    } else {
        canonical_number(t)
            .filter(|n| *n > 0)
            .and_then(|n| u8::try_from(n).ok())
            .map(SdgTarget::Number)
            .ok_or_else(|| {
                err(
                    input,
                    "SDG target must be a positive number or one lower-case letter",
                )
            })?
    };
    let indicator = match i {
        None => None,
        Some(i) => Some(
            canonical_number(i)
                .filter(|n| *n > 0)
                .and_then(|n| u8::try_from(n).ok())
                .ok_or_else(|| err(input, "SDG indicator must be a positive number"))?,
        ),
    };
    Ok(Ref::Sdg {
        goal,
        target,
        indicator,
    })
}

impl fmt::Display for Ref {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ref::Para { number, item, sub } => {
                write!(f, "gcm:para:{number}")?;
                if let Some(item) = item {
                    write!(f, ":{item}")?;
                }
                if let Some(r) = sub.and_then(roman_str) {
                    write!(f, ":{r}")?;
                }
                Ok(())
            }
            Ref::Objective { number, action } => {
                write!(f, "gcm:obj:{number}")?;
                if let Some(a) = action {
                    write!(f, ":{a}")?;
                }
                Ok(())
            }
            Ref::Principle(p) => write!(f, "gcm:gp:{}", p.slug()),
            Ref::GfmdCluster(n) => write!(f, "gfmd:cluster:{n}"),
            Ref::Cs5(n) => write!(f, "cs5:{n}"),
            Ref::Sdg {
                goal,
                target,
                indicator,
            } => {
                write!(f, "sdg:{goal}.{target}")?;
                if let Some(i) = indicator {
                    write!(f, ".{i}")?;
                }
                Ok(())
            }
        }
    }
}

impl Ref {
    /// `gcm:para:N`.
    pub fn para(number: u8) -> Ref {
        Ref::Para {
            number,
            item: None,
            sub: None,
        }
    }

    /// `gcm:para:N:x`.
    pub fn para_item(number: u8, item: char) -> Ref {
        Ref::Para {
            number,
            item: Some(item),
            sub: None,
        }
    }

    /// `gcm:para:N:x:roman`.
    pub fn para_sub(number: u8, item: char, sub: u8) -> Ref {
        Ref::Para {
            number,
            item: Some(item),
            sub: Some(sub),
        }
    }

    /// `gcm:obj:N`.
    pub fn objective(number: u8) -> Ref {
        Ref::Objective {
            number,
            action: None,
        }
    }

    /// `gcm:obj:N:x`.
    pub fn action(number: u8, letter: char) -> Ref {
        Ref::Objective {
            number,
            action: Some(letter),
        }
    }

    /// True for references into the Compact itself (`gcm:`).
    pub fn is_gcm(&self) -> bool {
        matches!(
            self,
            Ref::Para { .. } | Ref::Objective { .. } | Ref::Principle(_)
        )
    }
}

impl Serialize for Ref {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Ref {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for s in [
            "gcm:obj:20",
            "gcm:obj:20:c",
            "gcm:para:43",
            "gcm:para:43:a",
            "gcm:para:43:a:iii",
            "gcm:para:1",
            "gcm:para:54",
            "gcm:gp:human-rights",
            "gcm:gp:whole-of-society",
            "gfmd:cluster:3",
            "cs5:12",
            "sdg:10.7",
            "sdg:10.7.2",
            "sdg:10.c",
            "sdg:17.18.1",
        ] {
            let r: Ref = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(r.to_string(), s);
        }
    }

    #[test]
    fn rejects_garbage() {
        for s in [
            "",
            "foo",
            "gcm:obj:24",
            "gcm:obj:0",
            "gcm:obj:x",
            "gcm:obj:01",
            "gcm:obj:20:C",
            "gcm:obj:20:cc",
            "gcm:obj:20:c:i",
            "gcm:para:55",
            "gcm:para:43:a:iiii",
            "gcm:para:43:1",
            "gcm:gp:humanrights",
            "gcm:gp:",
            "gcm:foo:1",
            "GCM:obj:1",
            " gcm:obj:1",
            "gcm:obj:1 ",
            "sdg:18.1",
            "sdg:10",
            "sdg:10.7.2.1",
            "sdg:10.cc",
            "gfmd:cluster:0",
            "gfmd:cluster:",
            "cs5:-1",
            "cs5",
        ] {
            let res = s.parse::<Ref>();
            assert!(res.is_err(), "`{s}` should be rejected, got {res:?}");
        }
    }

    #[test]
    fn error_messages_are_specific() {
        let e = "gcm:obj:24".parse::<Ref>().unwrap_err();
        assert!(e.to_string().contains("from 1 to 23"), "{e}");
        let e = "gcm:gp:love".parse::<Ref>().unwrap_err();
        assert!(e.to_string().contains("people-centred"), "{e}");
        let e = "".parse::<Ref>().unwrap_err();
        assert!(e.to_string().contains("empty"), "{e}");
    }

    #[test]
    fn principles_have_unique_slugs_in_order() {
        let slugs: Vec<&str> = GuidingPrinciple::ALL.iter().map(|p| p.slug()).collect();
        assert_eq!(slugs.len(), 10);
        for (i, p) in GuidingPrinciple::ALL.iter().enumerate() {
            assert_eq!(p.position(), i + 1);
            assert_eq!(GuidingPrinciple::from_slug(p.slug()), Some(*p));
        }
    }
}
