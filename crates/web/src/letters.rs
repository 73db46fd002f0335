//! The words of the platform's letters: [`gcm_store::letters::Letters`] from the same
//! translations as the pages. The letter `hub.step` is the messages `mail-hub-step-subject` and
//! `mail-hub-step-body` in the reader's language; codes among its facts (a step, a partner's
//! role) become their names in that language first.

use std::sync::Arc;

use gcm_core::hub::{PartnerRole, RequestStatus};
use gcm_store::letters::{Letters, Mailing};

use crate::i18n::{Arg, Lang, Tr};

/// Writes letters with the platform's translations.
#[derive(Debug, Clone, Copy, Default)]
pub struct TranslatedLetters;

impl Letters for TranslatedLetters {
    fn write(&self, lang: &str, kind: &str, args: &[(&str, &str)]) -> (String, String) {
        let tr = Tr::new(Lang::from_code(lang).unwrap_or(Lang::En));
        let args: Vec<(&str, Arg)> = args
            .iter()
            .map(|&(name, value)| (name, Arg::Str(in_words(&tr, name, value))))
            .collect();
        let key = format!("mail-{}", kind.replace(['.', '_'], "-"));
        (
            tr.t_with(&format!("{key}-subject"), &args),
            tr.t_with(&format!("{key}-body"), &args),
        )
    }
}

/// A fact as the reader should see it: the name of a step or role, reasons introduced as such
/// on their own paragraph (nothing when there are none), else as given.
fn in_words(tr: &Tr, name: &str, value: &str) -> String {
    match name {
        "reasons" if value.trim().is_empty() => String::new(),
        "reasons" => format!("\n\n{}", tr.t1("mail-hub-reasons", "text", value.trim())),
        "from" | "to" | "status" => RequestStatus::parse(value)
            .map(|s| crate::routes::hub::status_label(tr, s))
            .unwrap_or_else(|| value.to_string()),
        "role" => PartnerRole::parse(value)
            .map(|r| crate::routes::hub::role_label(tr, r))
            .unwrap_or_else(|| value.to_string()),
        "org_role" => tr.t(&format!("org-role-{value}")),
        _ => value.to_string(),
    }
}

/// The letters of a site at `site` (its public address), in English for whoever never chose
/// a language.
pub fn mailing(site: &str) -> Mailing {
    Mailing {
        site: site.trim_end_matches('/').to_string(),
        default_lang: Lang::En.code().to_string(),
        letters: Arc::new(TranslatedLetters),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every letter the store sends, with the facts it gives.
    const LETTERS: &[(&str, &[(&str, &str)])] = &[
        (
            "hub.submitted",
            &[("reference", "REQ-2026-0001"), ("title", "T"), ("org", "O")],
        ),
        (
            "hub.step",
            &[
                ("reference", "REQ-2026-0001"),
                ("title", "T"),
                ("from", "received"),
                ("to", "under_assessment"),
                ("reasons", ""),
            ],
        ),
        (
            "hub.question",
            &[("reference", "R"), ("org", "O"), ("text", "Q?")],
        ),
        (
            "hub.answered",
            &[("reference", "R"), ("org", "O"), ("text", "A.")],
        ),
        (
            "hub.reminder",
            &[
                ("reference", "R"),
                ("title", "T"),
                ("status", "matching"),
                ("days", "14"),
            ],
        ),
        (
            "hub.invitation",
            &[("reference", "R"), ("org", "O"), ("role", "lead")],
        ),
        (
            "hub.answer",
            &[
                ("reference", "R"),
                ("org", "O"),
                ("role", "funder"),
                ("answer", "decline"),
            ],
        ),
        ("hub.withdrawn", &[("reference", "R"), ("org", "O")]),
        (
            "hub.connect",
            &[("reference", "R"), ("peers", "p@x"), ("side", "peer")],
        ),
        ("invitation", &[("org", "O"), ("org_role", "focal_point")]),
    ];

    #[test]
    fn every_letter_is_written_in_every_language() {
        for lang in Lang::ALL {
            for (kind, facts) in LETTERS {
                let mut facts = facts.to_vec();
                facts.push(("link", "https://example.org/x"));
                let (subject, body) = TranslatedLetters.write(lang.code(), kind, &facts);
                for text in [&subject, &body] {
                    assert!(
                        !text.contains("mail-") && !text.contains('{') && !text.contains('_'),
                        "{kind} in {}: {text}",
                        lang.code()
                    );
                }
                assert!(!subject.contains('\n'), "{kind} in {}", lang.code());
                assert!(
                    body.contains("https://example.org/x"),
                    "{kind} in {}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn codes_become_words_and_empty_reasons_say_nothing() {
        let fr = Tr::new(Lang::Fr);
        assert_eq!(
            in_words(&fr, "role", "technical_adviser"),
            fr.t("hub-role-technical-adviser")
        );
        assert_eq!(
            in_words(&fr, "to", "in_implementation"),
            fr.t("hub-status-in-implementation")
        );
        assert_eq!(in_words(&fr, "reasons", "  "), "");
        assert!(in_words(&fr, "reasons", "Trop tôt").starts_with("\n\nMotifs"));
        let (subject, _) = TranslatedLetters.write(
            "es",
            "hub.answer",
            &[
                ("reference", "R"),
                ("org", "O"),
                ("role", "lead"),
                ("answer", "accept"),
                ("link", ""),
            ],
        );
        assert_eq!(subject, "R: O aceptó");
        // An unknown language falls back to English rather than failing the step.
        let (subject, _) = TranslatedLetters.write(
            "de",
            "hub.withdrawn",
            &[("reference", "R"), ("org", "O"), ("link", "")],
        );
        assert_eq!(subject, "R: invitation withdrawn");
    }
}
