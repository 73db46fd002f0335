//! `GET /data/practices.csv` and `GET /data/practices.json`: every published practice with its
//! public fields. The CSV has one row per practice and language (texts in that language, the
//! other columns repeated), keyed by `external_id`: the format bulk import will read back.
//! docs/DATA.md is its data dictionary; a test fails when a column is missing from it.

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use gcm_store::practices::{self, Filter, Practice};

use super::csv_response;
use crate::AppState;
use crate::error::{AppError, AppResult};
use crate::routes::api::practices::PracticeOut;

/// Every published practice.
async fn published(state: &AppState) -> AppResult<Vec<Practice>> {
    let filter = Filter {
        public_only: true,
        ..Filter::default()
    };
    Ok(practices::read_all(&state.db, &filter).await?)
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

/// `GET /data/practices.csv`
pub async fn csv(State(state): State<AppState>) -> AppResult<Response> {
    let all = published(&state).await?;
    let body = gcm_store::practices_csv::write(&all).map_err(AppError::internal)?;
    Ok(csv_response("practices.csv", body).into_response())
}
