//! Languages of the interface and UI strings (Fluent files under `locales/<lang>/`).
//!
//! The five languages are those the brief requires; adding one means a new `Lang` variant and
//! a `locales/<code>/` with the same files and message ids (a test compares them).

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use serde::Serialize;
use unic_langid::LanguageIdentifier;

static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "en",
        // Fluent wraps placeables in invisible isolation marks by default; they end up in
        // HTML attributes and exports, so turn them off.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language the interface is offered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    Es,
    Nb,
    Nl,
}

impl Lang {
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Fr, Lang::Es, Lang::Nb, Lang::Nl];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Nb => "nb",
            Lang::Nl => "nl",
        }
    }

    /// Parses a language code as used in URLs (`en`, `fr`, …). Norwegian `no`/`nn` map to
    /// Bokmål for negotiation only; URLs use `nb`.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's own name for itself, used in the language switcher.
    pub fn endonym(self) -> String {
        Tr::new(self).t(&format!("lang-{}", self.code()))
    }

    fn langid(self) -> LanguageIdentifier {
        // The codes are valid BCP 47 primary subtags, so parsing cannot fail; fall back to
        // the default identifier rather than panic should it ever.
        self.code().parse().unwrap_or_default()
    }

    /// Picks the best interface language for an `Accept-Language` header (RFC 9110 q-values),
    /// English when nothing matches.
    pub fn negotiate(accept_language: Option<&str>) -> Lang {
        let Some(header) = accept_language else {
            return Lang::En;
        };
        let mut best: Option<(f32, usize, Lang)> = None;
        for (pos, item) in header.split(',').enumerate() {
            let mut parts = item.trim().split(';');
            let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q <= 0.0 {
                continue;
            }
            let primary = tag.split('-').next().unwrap_or("");
            let lang = match primary {
                "no" | "nn" => Some(Lang::Nb),
                other => Lang::from_code(other),
            };
            if let Some(lang) = lang {
                // Higher q wins; on a tie, the earlier entry wins.
                let better = match best {
                    None => true,
                    Some((bq, _, _)) => q > bq,
                };
                if better {
                    best = Some((q, pos, lang));
                }
            }
        }
        best.map(|(_, _, l)| l).unwrap_or(Lang::En)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A translator for one language, handed to templates as `tr`.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Self {
        Tr { lang }
    }

    /// The message `id`; the id itself if no language (not even English) has it, so a
    /// missing string shows up visibly instead of failing the page.
    pub fn t(&self, id: &str) -> String {
        LOCALES
            .try_lookup(&self.lang.langid(), id)
            .unwrap_or_else(|| id.to_string())
    }

    /// The message `id` with named arguments.
    pub fn t_with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Arg::Str(s) => FluentValue::from(s.clone()),
                    Arg::Num(n) => FluentValue::from(*n),
                };
                (Cow::Owned(k.to_string()), value)
            })
            .collect();
        LOCALES
            .try_lookup_with_args(&self.lang.langid(), id, &map)
            .unwrap_or_else(|| id.to_string())
    }

    /// Shorthand for a message with one text argument (usable from templates).
    pub fn t1(&self, id: &str, name: &'static str, value: &str) -> String {
        self.t_with(id, &[(name, Arg::Str(value.to_string()))])
    }

    /// Shorthand for a message with one number argument (usable from templates).
    pub fn tn(&self, id: &str, name: &'static str, value: impl std::borrow::Borrow<i64>) -> String {
        self.t_with(id, &[(name, Arg::Num(*value.borrow()))])
    }
}

/// An argument to a Fluent message.
#[derive(Debug, Clone)]
pub enum Arg {
    Str(String),
    Num(i64),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_follows_q_values() {
        assert_eq!(Lang::negotiate(None), Lang::En);
        assert_eq!(Lang::negotiate(Some("fr-CH, fr;q=0.9, en;q=0.8")), Lang::Fr);
        assert_eq!(Lang::negotiate(Some("de, nl;q=0.5, es;q=0.7")), Lang::Es);
        assert_eq!(Lang::negotiate(Some("nn-NO")), Lang::Nb);
        assert_eq!(Lang::negotiate(Some("de-DE")), Lang::En);
        assert_eq!(Lang::negotiate(Some("fr;q=0, nl")), Lang::Nl);
        assert_eq!(Lang::negotiate(Some(";;;,,q=abc")), Lang::En);
    }

    #[test]
    fn every_language_has_every_message() {
        for lang in Lang::ALL {
            let tr = Tr::new(lang);
            assert_ne!(
                tr.t("nav-compact"),
                "nav-compact",
                "{lang} lacks nav-compact"
            );
            assert!(
                !tr.tn("home-fact-objectives", "count", 23)
                    .contains('\u{2068}')
            );
        }
        assert_eq!(
            Tr::new(Lang::En).tn("home-fact-objectives", "count", 23),
            "23 objectives"
        );
        assert_eq!(Tr::new(Lang::En).t("no-such-message"), "no-such-message");
    }

    /// Message ids of each locale file (`main.ftl`, and one file per area such as
    /// `submissions.ftl`), in order.
    fn ids(lang: Lang) -> Vec<(String, Vec<String>)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../locales")
            .join(lang.code());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "ftl"));
        files.sort();
        files
            .iter()
            .map(|path| {
                let text = std::fs::read_to_string(path).unwrap_or_default();
                let ids = text
                    .lines()
                    .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
                    .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
                    .collect();
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (name, ids)
            })
            .collect()
    }

    #[test]
    fn every_locale_has_the_same_messages_as_english() {
        let en = ids(Lang::En);
        assert!(en.iter().map(|(_, ids)| ids.len()).sum::<usize>() > 20);
        for lang in Lang::ALL {
            assert_eq!(
                ids(lang),
                en,
                "locales/{}/*.ftl differ from English",
                lang.code()
            );
        }
    }
}
