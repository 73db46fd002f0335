//! Open-data exports under `/data/…`: whole datasets in one request, CSV in long format (one
//! row per element, language and field, never one column per language) and JSON.

pub mod compact;
pub mod feed;
pub mod practices;

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::error::AppError;

/// A CSV response with a download file name.
pub fn csv_response(filename: &str, body: Vec<u8>) -> Response {
    let disposition = HeaderValue::from_str(&format!("inline; filename=\"{filename}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("inline"));
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}

/// Writes rows as CSV (RFC 4180, header first).
pub fn to_csv<const N: usize>(
    header_row: [&str; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> Result<Vec<u8>, AppError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header_row).map_err(AppError::internal)?;
    for row in rows {
        w.write_record(&row).map_err(AppError::internal)?;
    }
    w.into_inner().map_err(AppError::internal)
}
