//! The practices template people fill offline (CSV or XLSX, the columns of
//! [`practices_csv::COLUMNS`]) and the reading of a filled one: a CSV, or the first sheet of an
//! XLSX or ODS workbook turned into the same CSV, so [`practices_csv::parse`] is the one parser.
//!
//! [`COLUMN_DOCS`] is the one description of the columns: the XLSX "instructions" sheet is
//! written from it and tests check it against the parser.

use std::io::Cursor;

use calamine::{Data, Ods, Reader, Xlsx};
use gcm_core::accounts::OrgKind;
use gcm_core::practices::{Progress, Scope, Theme};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::practices_csv::{COLUMNS, RowError};

/// Largest file an upload may be.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// Most data rows (below the header) an upload may have.
pub const MAX_ROWS: usize = 1000;

/// What may go in a column, for the instructions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Values {
    /// Free text.
    Text,
    /// A language code (en, fr, es, nb, nl, …).
    Lang,
    /// Space-separated language codes.
    Langs,
    /// Set by the platform on upload (status, source, peer review).
    Platform,
    Scope,
    Progress,
    Year,
    Link,
    Countries,
    Regions,
    Themes,
    Stakeholders,
    Tags,
}

/// One column of the template: its name, whether a submission needs it, and what it holds.
/// Its meaning is the UI message `import-col-<name>`.
#[derive(Debug, Clone, Copy)]
pub struct ColumnDoc {
    pub name: &'static str,
    pub required: bool,
    pub values: Values,
}

const fn doc(name: &'static str, required: bool, values: Values) -> ColumnDoc {
    ColumnDoc {
        name,
        required,
        values,
    }
}

/// Every column, in the order of [`COLUMNS`].
pub const COLUMN_DOCS: [ColumnDoc; 28] = [
    doc("external_id", true, Values::Text),
    doc("lang", true, Values::Lang),
    doc("title", true, Values::Text),
    doc("summary", true, Values::Text),
    doc("description", false, Values::Text),
    doc("results", false, Values::Text),
    doc("lessons", false, Values::Text),
    doc("replicability", false, Values::Text),
    doc("innovation", false, Values::Text),
    doc("sustainability", false, Values::Text),
    doc("status", false, Values::Platform),
    doc("source", false, Values::Platform),
    doc("peer_reviewed", false, Values::Platform),
    doc("implementer", false, Values::Text),
    doc("original_lang", true, Values::Lang),
    doc("scope", false, Values::Scope),
    doc("progress", false, Values::Progress),
    doc("start_year", false, Values::Year),
    doc("end_year", false, Values::Year),
    doc("funding", false, Values::Text),
    doc("link", false, Values::Link),
    doc("countries", false, Values::Countries),
    doc("regions", false, Values::Regions),
    doc("themes", false, Values::Themes),
    doc("stakeholders", false, Values::Stakeholders),
    doc("tags", true, Values::Tags),
    doc("partners", false, Values::Text),
    doc("languages", false, Values::Langs),
];

/// A filled example row, in the order of [`COLUMNS`].
pub const EXAMPLE: [&str; 28] = [
    "cityofexample-2026-001",
    "en",
    "One-stop centre for newly arrived migrants",
    "A municipal centre where newly arrived migrants get information, language courses and \
     referrals to housing, health and employment services in one place, in eight languages.",
    "Opened in 2021 by the city with migrant associations, the centre brings the services \
     newcomers need under one roof and offers cultural mediators on site.",
    "4,200 people advised in 2024; waiting time for a first appointment down from 6 weeks to 5 days.",
    "Mediators from the communities served were decisive for trust.",
    "Needs a municipal coordinator and agreements with the services involved.",
    "Shared case file, with the person's consent, between services.",
    "Funded in the city's budget since 2023.",
    "draft",
    "import",
    "false",
    "City of Example",
    "en",
    "local",
    "ongoing",
    "2021",
    "",
    "Municipal budget; EU Asylum, Migration and Integration Fund (2021-2023)",
    "https://example.org/one-stop-centre",
    "PRT",
    "150",
    "human_rights gender_responsive local_governance",
    "local_authority civil_society migrant_or_diaspora_organisation",
    "gcm:obj:16 gcm:obj:15:c gcm:gp:whole-of-society",
    "Example Migrant Association; Regional Health Authority",
    "pt en ar uk",
];

/// The kinds of file an upload may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Csv,
    Xlsx,
    Ods,
}

/// Why a file could not be read at all (before any row is looked at).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("the file is larger than 5 MB")]
    TooLarge,
    #[error("not a CSV (UTF-8), XLSX or ODS file")]
    UnsupportedType,
    #[error("the spreadsheet cannot be read: {0}")]
    Unreadable(String),
    #[error("the file has more than 1000 rows")]
    TooManyRows,
    #[error("the file has no practice in it")]
    Empty,
}

impl FileError {
    /// Stable snake_case code (the web's message id is `import-file-<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            FileError::TooLarge => "too_large",
            FileError::UnsupportedType => "unsupported_type",
            FileError::Unreadable(_) => "unreadable",
            FileError::TooManyRows => "too_many_rows",
            FileError::Empty => "empty",
        }
    }
}

/// What the content says the file is: a ZIP container is a workbook (`Xlsx` here; [`to_csv`]
/// tells XLSX from ODS by opening it), UTF-8 text without NUL bytes a CSV; anything else is
/// refused.
pub fn detect(data: &[u8]) -> Result<FileKind, FileError> {
    if data.starts_with(b"PK\x03\x04") {
        return Ok(FileKind::Xlsx);
    }
    match std::str::from_utf8(data) {
        Ok(text) if !text.contains('\0') => Ok(FileKind::Csv),
        _ => Err(FileError::UnsupportedType),
    }
}

/// A cell as the CSV would hold it (years typed as numbers read back as `2021`).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

fn sheet_rows<R>(mut workbook: R) -> Result<Vec<Vec<String>>, FileError>
where
    R: Reader<Cursor<Vec<u8>>>,
    R::Error: std::fmt::Display,
{
    let range = workbook
        .worksheet_range_at(0)
        .ok_or(FileError::Empty)?
        .map_err(|e| FileError::Unreadable(e.to_string()))?;
    // Rows above the used range are empty: keep them, so row numbers match the sheet.
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<String>> = Vec::new();
    for _ in 0..top {
        rows.push(Vec::new());
    }
    for row in range.rows() {
        if rows.len() > MAX_ROWS + 1 && row.iter().any(|c| !matches!(c, Data::Empty)) {
            return Err(FileError::TooManyRows);
        }
        let mut cells = vec![String::new(); left as usize];
        cells.extend(row.iter().map(cell_text));
        rows.push(cells);
    }
    Ok(rows)
}

/// The rows of an upload as the practices CSV (the content decides the kind, see [`detect`]),
/// checked against the size and row limits.
pub fn to_csv(data: &[u8]) -> Result<(FileKind, Vec<u8>), FileError> {
    if data.len() > MAX_BYTES {
        return Err(FileError::TooLarge);
    }
    let kind = detect(data)?;
    let (kind, csv) = match kind {
        FileKind::Csv => {
            let text = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
            (kind, text.to_vec())
        }
        FileKind::Xlsx | FileKind::Ods => {
            // Which workbook it is: whichever reader accepts it (the ZIP's first entry only
            // hints at it).
            let xlsx = Xlsx::new(Cursor::new(data.to_vec()));
            let (kind, rows) = match xlsx {
                Ok(wb) => (FileKind::Xlsx, sheet_rows(wb)?),
                Err(_) => match Ods::new(Cursor::new(data.to_vec())) {
                    Ok(wb) => (FileKind::Ods, sheet_rows(wb)?),
                    Err(_) => return Err(FileError::UnsupportedType),
                },
            };
            let width = rows.iter().map(Vec::len).max().unwrap_or(0);
            let mut w = csv::Writer::from_writer(Vec::new());
            for mut row in rows {
                row.resize(width, String::new());
                w.write_record(&row)
                    .map_err(|e| FileError::Unreadable(e.to_string()))?;
            }
            (
                kind,
                w.into_inner()
                    .map_err(|e| FileError::Unreadable(e.to_string()))?,
            )
        }
    };
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv.as_slice());
    let mut count = 0;
    for record in rdr.records() {
        match record {
            Ok(r) if r.iter().all(|f| f.trim().is_empty()) => {}
            _ => count += 1,
        }
        if count > MAX_ROWS {
            return Err(FileError::TooManyRows);
        }
    }
    if count == 0 {
        return Err(FileError::Empty);
    }
    Ok((kind, csv))
}

/// The template as CSV: the header and the example row.
pub fn template_csv() -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(COLUMNS)?;
    w.write_record(EXAMPLE)?;
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// The allowed values of a column, in words: fixed vocabularies are listed with their labels.
pub fn allowed_values(values: Values, t: &dyn Fn(&str) -> String) -> String {
    let list = |items: Vec<(&str, String)>| {
        items
            .into_iter()
            .map(|(v, label)| format!("{v} ({label})"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match values {
        Values::Text => t("import-values-text"),
        Values::Lang => t("import-values-lang"),
        Values::Langs => t("import-values-langs"),
        Values::Platform => t("import-values-platform"),
        Values::Year => t("import-values-year"),
        Values::Link => t("import-values-link"),
        Values::Countries => t("import-values-countries"),
        Values::Regions => t("import-values-regions"),
        Values::Tags => t("import-values-tags"),
        Values::Scope => list(
            Scope::ALL
                .iter()
                .map(|s| (s.as_str(), t(&format!("scale-{}", s.as_str()))))
                .collect(),
        ),
        Values::Progress => list(
            Progress::ALL
                .iter()
                .map(|p| (p.as_str(), t(&format!("import-progress-{}", p.as_str()))))
                .collect(),
        ),
        Values::Themes => format!(
            "{} {}",
            t("import-values-list"),
            list(
                Theme::ALL
                    .iter()
                    .map(|x| (x.as_str(), t(&format!("theme-{}", x.as_str()))))
                    .collect(),
            )
        ),
        Values::Stakeholders => format!(
            "{} {}",
            t("import-values-list"),
            list(
                OrgKind::ALL
                    .iter()
                    .map(|k| (k.as_str(), t(&format!("org-kind-{}", k.as_str()))))
                    .collect(),
            )
        ),
    }
}

/// The template as an XLSX workbook: sheet "practices" (bold, frozen header and the example
/// row) and sheet "instructions" (per column: required or not, meaning, allowed values), in
/// the language `t` translates UI messages into.
pub fn template_xlsx(t: &dyn Fn(&str) -> String) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let sheet = wb.add_worksheet();
    sheet.set_name("practices")?;
    for (col, name) in (0u16..).zip(COLUMNS) {
        sheet.write_string_with_format(0, col, name, &bold)?;
        sheet.set_column_width(col, 22)?;
    }
    for (col, value) in (0u16..).zip(EXAMPLE) {
        sheet.write_string(1, col, value)?;
    }
    sheet.set_freeze_panes(1, 0)?;

    let help = wb.add_worksheet();
    help.set_name("instructions")?;
    for (col, id) in (0u16..).zip([
        "import-help-column",
        "import-help-required",
        "import-help-meaning",
        "import-help-values",
    ]) {
        help.write_string_with_format(0, col, t(id), &bold)?;
    }
    help.set_freeze_panes(1, 0)?;
    help.set_column_width(0, 18)?;
    help.set_column_width(1, 12)?;
    help.set_column_width(2, 60)?;
    help.set_column_width(3, 70)?;
    let (yes, no) = (t("import-required-yes"), t("import-required-no"));
    for (row, c) in (1u32..).zip(COLUMN_DOCS.iter()) {
        help.write_string_with_format(row, 0, c.name, &bold)?;
        help.write_string(row, 1, if c.required { &yes } else { &no })?;
        help.write_string_with_format(row, 2, t(&format!("import-col-{}", c.name)), &wrap)?;
        help.write_string_with_format(row, 3, allowed_values(c.values, t), &wrap)?;
    }
    let notes = COLUMN_DOCS.len() as u32 + 2;
    for (row, id) in (notes..).zip(["import-help-rows", "import-help-upload"]) {
        help.write_string(row, 0, t(id))?;
    }
    wb.save_to_buffer()
}

/// The errors of a file that could not be read at all, as row errors (row 1, no column), for
/// callers that show every problem the same way.
pub fn file_error_row(e: &FileError) -> RowError {
    RowError::new(1, "-", e.code(), e.to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::practices_csv;

    fn compact() -> gcm_compact::Compact {
        gcm_compact::Compact::load_shipped().unwrap()
    }

    #[test]
    fn docs_follow_the_columns() {
        let names: Vec<&str> = COLUMN_DOCS.iter().map(|c| c.name).collect();
        assert_eq!(names, COLUMNS);
        assert_eq!(EXAMPLE.len(), COLUMNS.len());
    }

    #[test]
    fn the_template_parses_and_each_required_column_is_enforced() {
        let csv = template_csv().unwrap();
        let parsed = practices_csv::parse(&csv, &compact()).unwrap();
        assert_eq!(parsed.len(), 1);
        for (i, c) in COLUMN_DOCS.iter().enumerate() {
            let mut row: Vec<String> = EXAMPLE.iter().map(|s| s.to_string()).collect();
            row[i] = String::new();
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(COLUMNS).unwrap();
            w.write_record(&row).unwrap();
            let data = w.into_inner().unwrap();
            let result = practices_csv::parse(&data, &compact());
            if c.required {
                let errors = result.expect_err(c.name);
                assert!(
                    errors.iter().any(|e| e.column == c.name && e.row == 2),
                    "{}: {errors:?}",
                    c.name
                );
            } else {
                assert!(result.is_ok(), "{} is optional: {result:?}", c.name);
            }
        }
    }

    #[test]
    fn the_xlsx_template_reads_back_as_the_csv_template() {
        let xlsx = template_xlsx(&|id| id.to_string()).unwrap();
        let (kind, csv) = to_csv(&xlsx).unwrap();
        assert_eq!(kind, FileKind::Xlsx);
        assert_eq!(csv, template_csv().unwrap());
    }

    #[test]
    fn content_decides_the_kind() {
        assert_eq!(detect(b"external_id,lang\n"), Ok(FileKind::Csv));
        assert_eq!(
            detect(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(FileError::UnsupportedType)
        );
        assert_eq!(
            to_csv(b"PK\x03\x04 not really a zip").map(|_| ()),
            Err(FileError::UnsupportedType)
        );
        assert_eq!(
            to_csv(b"external_id,lang\n").map(|_| ()),
            Err(FileError::Empty)
        );
        let big = vec![b'a'; MAX_BYTES + 1];
        assert_eq!(to_csv(&big).map(|_| ()), Err(FileError::TooLarge));
        let mut many = String::from("external_id\n");
        for i in 0..=MAX_ROWS {
            many.push_str(&format!("p{i}\n"));
        }
        assert_eq!(
            to_csv(many.as_bytes()).map(|_| ()),
            Err(FileError::TooManyRows)
        );
    }
}
