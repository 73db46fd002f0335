//! `GET /data/practices.csv` and `GET /data/practices.json`: every published practice with its
//! public fields. The CSV has one row per practice and language (texts in that language, the
//! other columns repeated), keyed by `external_id`: the format bulk import will read back.
//! docs/DATA.md is its data dictionary; a test fails when a column is missing from it.

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use gcm_store::practices::{self, Filter, Practice, Sort, TEXT_FIELDS};

use super::{csv_response, to_csv};
use crate::AppState;
use crate::error::AppResult;
use crate::routes::api::practices::PracticeOut;

/// Columns of practices.csv, in order.
pub const CSV_COLUMNS: [&str; 26] = [
    "external_id",
    "lang",
    "title",
    "summary",
    "description",
    "results",
    "lessons",
    "replicability",
    "innovation",
    "sustainability",
    "status",
    "source",
    "peer_reviewed",
    "implementer",
    "original_lang",
    "scope",
    "progress",
    "start_year",
    "end_year",
    "funding",
    "link",
    "countries",
    "regions",
    "themes",
    "stakeholders",
    "tags",
];

/// Every published practice, fully read (the corpus is small enough to hold; the search
/// issue's index takes over beyond that).
async fn published(state: &AppState) -> AppResult<Vec<Practice>> {
    let filter = Filter {
        public_only: true,
        ..Filter::default()
    };
    let (items, _) = practices::list(&state.db, &filter, Sort::Oldest, "", i64::MAX / 4, 0).await?;
    let mut out = Vec::with_capacity(items.len());
    for s in items {
        if let Some(p) = practices::get(&state.db, &s.id).await? {
            out.push(p);
        }
    }
    Ok(out)
}

/// `GET /data/practices.json`
pub async fn json(State(state): State<AppState>) -> AppResult<Json<Vec<PracticeOut>>> {
    Ok(Json(
        published(&state)
            .await?
            .into_iter()
            .map(PracticeOut::from)
            .collect(),
    ))
}

fn rows(p: &Practice) -> Vec<[String; 26]> {
    let mut langs: Vec<&str> = p.texts.iter().map(|t| t.lang.as_str()).collect();
    langs.sort_unstable();
    langs.dedup();
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let year = |v: Option<i64>| v.map(|y| y.to_string()).unwrap_or_default();
    langs
        .into_iter()
        .map(|lang| {
            let text = |field: &str| {
                p.texts
                    .iter()
                    .find(|t| t.field == field && t.lang == lang)
                    .map(|t| t.text.clone())
                    .unwrap_or_default()
            };
            let mut row: [String; 26] = Default::default();
            row[0] = p.external_id.clone();
            row[1] = lang.to_string();
            for (i, field) in TEXT_FIELDS.iter().enumerate() {
                row[2 + i] = text(field);
            }
            row[10] = p.status.clone();
            row[11] = p.source.clone();
            row[12] = p.peer_reviewed.to_string();
            row[13] = opt(&p.implementer);
            row[14] = p.original_lang.clone();
            row[15] = opt(&p.scope);
            row[16] = opt(&p.progress);
            row[17] = year(p.start_year);
            row[18] = year(p.end_year);
            row[19] = opt(&p.funding);
            row[20] = opt(&p.link);
            row[21] = p.countries.join(" ");
            row[22] = p.regions.join(" ");
            row[23] = p.themes.join(" ");
            row[24] = p.stakeholders.join(" ");
            row[25] = p
                .links
                .iter()
                .map(|l| l.reference.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            row
        })
        .collect()
}

/// `GET /data/practices.csv`
pub async fn csv(State(state): State<AppState>) -> AppResult<Response> {
    let all = published(&state).await?;
    let body = to_csv(CSV_COLUMNS, all.iter().flat_map(rows))?;
    Ok(csv_response("practices.csv", body).into_response())
}
