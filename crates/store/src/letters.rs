//! Letters: the mails the store's workflows send (hub steps, invitations, reminders), written
//! in each recipient's own language.
//!
//! The store decides who is written to and what the letter carries (its kind, the address it
//! links to and its facts); the words come from [`Letters`], which the web layer implements
//! with its translations. That keeps the translations in one place while a letter still
//! commits in the same transaction as the step it reports.

use std::sync::Arc;

use sqlx::AnyConnection;

use crate::{DbError, outbox};

/// Someone a letter goes to, with the language they read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Recipient {
    pub email: String,
    /// A language code (`en`, `fr`…); `None` when the person never chose one.
    pub lang: Option<String>,
}

/// Writes letters: the subject and body of the letter `kind` in `lang`, with its facts `args`
/// (a `link` argument is always among them).
pub trait Letters: Send + Sync {
    fn write(&self, lang: &str, kind: &str, args: &[(&str, &str)]) -> (String, String);
}

/// What a workflow needs to send letters: the site's public address, the words, and the
/// language of those who never chose one.
#[derive(Clone)]
pub struct Mailing {
    pub site: String,
    pub default_lang: String,
    pub letters: Arc<dyn Letters>,
}

impl std::fmt::Debug for Mailing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailing")
            .field("site", &self.site)
            .field("default_lang", &self.default_lang)
            .finish_non_exhaustive()
    }
}

impl Mailing {
    /// Queues the letter `kind` to `to` in their language, linking to `path` (a page's path
    /// without the language, such as `/hub/requests/…`) on the site in that language.
    pub async fn send_in(
        &self,
        conn: &mut AnyConnection,
        to: &Recipient,
        kind: &str,
        path: &str,
        args: &[(&str, &str)],
    ) -> Result<(), DbError> {
        let lang = to.lang.as_deref().unwrap_or(&self.default_lang);
        let link = format!("{}/{lang}{path}", self.site);
        let mut all: Vec<(&str, &str)> = Vec::with_capacity(args.len() + 1);
        all.extend_from_slice(args);
        all.push(("link", &link));
        let (subject, body) = self.letters.write(lang, kind, &all);
        outbox::enqueue_in(conn, &to.email, &subject, &body, kind).await?;
        Ok(())
    }
}

/// Reads recipients from a query selecting `email` and `lang`.
pub(crate) async fn recipients(
    conn: &mut AnyConnection,
    sql: &'static str,
    bind: Option<&str>,
) -> Result<Vec<Recipient>, DbError> {
    use sqlx::Row;
    let q = sqlx::query(sql);
    let q = match bind {
        Some(b) => q.bind(b.to_string()),
        None => q,
    };
    let mut out = Vec::new();
    for r in q.fetch_all(&mut *conn).await? {
        out.push(Recipient {
            email: r.try_get("email")?,
            lang: r.try_get("lang")?,
        });
    }
    Ok(out)
}
