//! What callers put into the index ([`SearchDoc`]) and who may see it ([`Visibility`],
//! [`Viewer`]). Pure data: no tantivy types leak out of this module.

use serde::{Deserialize, Serialize};

/// Who may find a document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Visibility {
    /// Everyone, signed in or not.
    #[default]
    Public,
    /// Only the listed organisations' members, users and role holders (drafts, items under
    /// review).
    Restricted {
        /// Organisations whose members may see it.
        org_ids: Vec<String>,
        /// Users who may see it.
        user_ids: Vec<String>,
        /// Roles whose holders may see it (`secretariat`, `reviewer`).
        roles: Vec<String>,
    },
}

/// The person searching. `Viewer::default()` is an anonymous visitor.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Viewer {
    /// Signed-in user.
    pub user_id: Option<String>,
    /// Organisations the user belongs to.
    pub org_ids: Vec<String>,
    /// Roles the user holds.
    pub roles: Vec<String>,
}

impl Viewer {
    /// An anonymous visitor: sees public documents only.
    pub fn anonymous() -> Viewer {
        Viewer::default()
    }

    /// The visibility tokens this viewer holds (matched against [`Visibility::tokens`]).
    pub(crate) fn tokens(&self) -> Vec<String> {
        let mut out = vec!["public".to_owned()];
        out.extend(self.user_id.iter().map(|u| format!("user:{u}")));
        out.extend(self.org_ids.iter().map(|o| format!("org:{o}")));
        out.extend(self.roles.iter().map(|r| format!("role:{r}")));
        out
    }
}

impl Visibility {
    /// Tokens indexed for the document: one per audience that may see it.
    pub(crate) fn tokens(&self) -> Vec<String> {
        match self {
            Visibility::Public => vec!["public".to_owned()],
            Visibility::Restricted {
                org_ids,
                user_ids,
                roles,
            } => org_ids
                .iter()
                .map(|o| format!("org:{o}"))
                .chain(user_ids.iter().map(|u| format!("user:{u}")))
                .chain(roles.iter().map(|r| format!("role:{r}")))
                .collect(),
        }
    }
}

/// One searchable item. `kind` + `id` identify it; upserting the same pair replaces it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SearchDoc {
    /// `practice`, `resource`, `recommendation`, `compact`, later `request`, `pledge`…
    pub kind: String,
    /// Id within the kind.
    pub id: String,
    /// Title shown in results.
    pub title: String,
    /// Optional short summary (indexed with the body, shown before it in snippets).
    #[serde(default)]
    pub summary: Option<String>,
    /// Main text.
    pub body: String,
    /// Language of the text (en, fr, es, nb, nl); detected from the text when absent.
    #[serde(default)]
    pub lang: Option<String>,
    /// Compact objectives 1–23.
    #[serde(default)]
    pub objectives: Vec<u8>,
    /// Guiding principle slugs (`human-rights`).
    #[serde(default)]
    pub principles: Vec<String>,
    /// ISO 3166-1 alpha-3 codes.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Region codes or names.
    #[serde(default)]
    pub regions: Vec<String>,
    /// Cross-cutting themes (`labour_migration`).
    #[serde(default)]
    pub themes: Vec<String>,
    /// Kind of the organisation behind it.
    #[serde(default)]
    pub org_kind: Option<String>,
    /// Year (start year of a practice, publication year of a resource).
    #[serde(default)]
    pub year: Option<i64>,
    /// Where the item lives on the site.
    #[serde(default)]
    pub url: String,
    /// Who may find it.
    #[serde(default)]
    pub visibility: Visibility,
}

impl SearchDoc {
    /// `kind:id`, the unique key in the index.
    pub fn key(&self) -> String {
        doc_key(&self.kind, &self.id)
    }
}

/// The unique key of a document: `kind:id`.
pub fn doc_key(kind: &str, id: &str) -> String {
    format!("{kind}:{id}")
}
