//! Importing a filled template for an organisation: every practice becomes a draft of that
//! organisation (saved through [`practices::upsert_in`], which audits each one), and one
//! `practice.import` audit entry summarises the upload, all in one transaction.
//!
//! An upload may only create practices or update the organisation's own drafts: an
//! `external_id` that belongs to another organisation, or to a practice past the draft stage,
//! is an error on its row, so nothing published or foreign can be overwritten.

use gcm_compact::Compact;
use gcm_core::practices::{PracticeStatus, Source};
use serde_json::json;

use crate::audit::{self, Actor, Entry};
use crate::practices::{self, PracticeError, PracticeInput};
use crate::practices_csv::RowError;
use crate::{Db, DbError};

/// The organisation and person an upload is for.
pub struct Upload<'a> {
    pub org_id: &'a str,
    pub user_id: &'a str,
    pub file_name: &'a str,
}

/// A practice the upload saved.
#[derive(Debug, Clone)]
pub struct Imported {
    pub id: String,
    pub external_id: String,
    /// False when it updated one of the organisation's drafts.
    pub created: bool,
    pub title: String,
}

/// Saves `rows` (from [`crate::practices_csv::parse_with_rows`]) as drafts of the upload's
/// organisation. `Ok(Err(errors))` when a row may not be saved; nothing is written then.
pub async fn import_drafts(
    db: &Db,
    compact: &Compact,
    actor: &Actor,
    upload: &Upload<'_>,
    rows: Vec<(usize, PracticeInput)>,
) -> Result<Result<Vec<Imported>, Vec<RowError>>, PracticeError> {
    // One write transaction for the checks and every row: a file is saved whole or not at
    // all, and no other writer can take an external id between the check and the save.
    let mut tx = db.begin_write().await?;
    let mut errors = Vec::new();
    for (row, p) in &rows {
        let existing: Option<(Option<String>, String)> = {
            use sqlx::Row;
            sqlx::query("SELECT org_id, status FROM practices WHERE external_id = $1")
                .bind(&p.external_id)
                .fetch_optional(&mut *tx)
                .await?
                .map(|r| -> Result<_, sqlx::Error> { Ok((r.try_get(0)?, r.try_get(1)?)) })
                .transpose()?
        };
        if let Some((org, status)) = existing
            && (org.as_deref() != Some(upload.org_id) || status != PracticeStatus::Draft.as_str())
        {
            errors.push(
                RowError::new(
                    *row,
                    "external_id",
                    "external_id_taken",
                    format!(
                        "{} is already used by a practice that is not a draft of this organisation",
                        p.external_id
                    ),
                )
                .arg("value", &p.external_id),
            );
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut saved = Vec::new();
    for (_, mut p) in rows {
        p.status = PracticeStatus::Draft;
        p.source = Source::Import;
        p.peer_reviewed = false;
        p.org_id = Some(upload.org_id.to_string());
        p.submitted_by = Some(upload.user_id.to_string());
        let (id, created) = practices::upsert_in(&mut tx, compact, actor, &p).await?;
        let title = p
            .texts
            .iter()
            .find(|t| t.field == "title" && t.lang == p.original_lang)
            .map(|t| t.text.clone())
            .unwrap_or_default();
        saved.push(Imported {
            id,
            external_id: p.external_id,
            created,
            title,
        });
    }
    audit::append(
        &mut tx,
        actor,
        Entry::new("practice.import", "organisation", upload.org_id).after(json!({
            "file": upload.file_name,
            "count": saved.len(),
            "practices": saved.iter().map(|s| &s.id).collect::<Vec<_>>(),
        })),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(Ok(saved))
}
