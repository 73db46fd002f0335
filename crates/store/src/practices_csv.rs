//! The practices CSV: one row per practice and language, keyed by `external_id`. The same
//! format is written by the open-data export and `gcm-hub export practices`, and read back by
//! `gcm-hub import practices` (bulk upload of many practices in one go).
//!
//! Import checks every row before writing anything: a file with any error changes nothing, and
//! each error names its row and column.

use std::collections::BTreeMap;

use gcm_compact::Compact;
use gcm_core::accounts::OrgKind;
use gcm_core::practices::{PracticeStatus, Progress, Scope, Source, Theme};

use crate::framework_links::Link;
use crate::practices::{Practice, PracticeInput, TEXT_FIELDS, Text};

/// Columns, in order (docs/DATA.md documents each).
pub const COLUMNS: [&str; 28] = [
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
    "partners",
    "languages",
];

/// The rows of one practice: one per language it has texts in.
pub fn rows(p: &Practice) -> Vec<[String; 28]> {
    let mut langs: Vec<&str> = p.texts.iter().map(|t| t.lang.as_str()).collect();
    langs.sort_unstable();
    langs.dedup();
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let year = |v: Option<i64>| v.map(|y| y.to_string()).unwrap_or_default();
    langs
        .into_iter()
        .map(|lang| {
            let mut row: [String; 28] = Default::default();
            row[0] = p.external_id.clone();
            row[1] = lang.to_string();
            for (i, field) in TEXT_FIELDS.iter().enumerate() {
                row[2 + i] = p
                    .texts
                    .iter()
                    .find(|t| t.field == *field && t.lang == lang)
                    .map(|t| t.text.clone())
                    .unwrap_or_default();
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
            row[26] = opt(&p.partners);
            row[27] = p.languages.join(" ");
            row
        })
        .collect()
}

/// Writes practices as CSV.
pub fn write(practices: &[Practice]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(COLUMNS)?;
    for p in practices {
        for row in rows(p) {
            w.write_record(&row)?;
        }
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// A problem in an imported file: row (1 = header), column, what is wrong. `code` (stable,
/// snake_case) and `args` let the web localize it; `message` is the English text the CLI shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub row: usize,
    pub column: String,
    pub code: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub message: String,
}

impl RowError {
    pub fn new(row: usize, column: &str, code: &'static str, message: impl Into<String>) -> Self {
        RowError {
            row,
            column: column.to_string(),
            code,
            args: Vec::new(),
            message: message.into(),
        }
    }

    /// Adds a message argument (the offending value, the practice's external id, …).
    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, value.into()));
        self
    }
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "row {}, column {}: {}",
            self.row, self.column, self.message
        )
    }
}

fn err(row: usize, column: &str, code: &'static str, message: impl Into<String>) -> RowError {
    RowError::new(row, column, code, message)
}

/// Reads a practices CSV into practices to save, or every problem found.
pub fn parse(data: &[u8], compact: &Compact) -> Result<Vec<PracticeInput>, Vec<RowError>> {
    parse_with_rows(data, compact).map(|v| v.into_iter().map(|(_, p)| p).collect())
}

/// Like [`parse`], with the row where each practice starts (for errors found later, such as
/// an upload that may not overwrite a practice).
pub fn parse_with_rows(
    data: &[u8],
    compact: &Compact,
) -> Result<Vec<(usize, PracticeInput)>, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut rdr = csv::ReaderBuilder::new().flexible(false).from_reader(data);
    let headers: Vec<String> = match rdr.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
        Err(e) => return Err(vec![err(1, "-", "not_csv", format!("not a CSV file: {e}"))]),
    };
    for required in [
        "external_id",
        "lang",
        "title",
        "summary",
        "original_lang",
        "tags",
    ] {
        if !headers.iter().any(|h| h == required) {
            errors.push(err(1, required, "column_missing", "this column is missing"));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let col = |name: &str| headers.iter().position(|h| h == name);
    let mut by_id: BTreeMap<String, PracticeInput> = BTreeMap::new();
    let mut first_row: BTreeMap<String, usize> = BTreeMap::new();
    for (i, record) in rdr.records().enumerate() {
        let row = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(err(
                    row,
                    "-",
                    "unreadable_row",
                    format!("unreadable row: {e}"),
                ));
                continue;
            }
        };
        // Spreadsheets saved as CSV often end with rows of empty cells.
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let get = |name: &str| {
            col(name)
                .and_then(|c| record.get(c))
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let list = |name: &str| -> Vec<String> {
            get(name).split_whitespace().map(str::to_string).collect()
        };
        let external_id = get("external_id");
        if external_id.is_empty() {
            errors.push(err(row, "external_id", "required", "required"));
            continue;
        }
        first_row.entry(external_id.clone()).or_insert(row);
        let lang = get("lang");
        if lang.is_empty()
            || lang.len() > 8
            || !lang.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        {
            errors.push(err(
                row,
                "lang",
                "lang_invalid",
                "a language code such as en, fr or es is required",
            ));
        }
        let original_lang = get("original_lang");
        let entry = by_id.entry(external_id.clone()).or_insert_with(|| {
            let mut p = PracticeInput::new(
                &external_id,
                PracticeStatus::Published,
                Source::Import,
                &original_lang,
            );
            p.peer_reviewed = false;
            p
        });
        for field in TEXT_FIELDS {
            let text = get(field);
            if !text.is_empty() {
                entry.texts.push(Text {
                    field: field.to_string(),
                    lang: lang.clone(),
                    text,
                    origin: "human".into(),
                });
            }
        }
        // The other columns are the same on every row of a practice; the row in the original
        // language is the one that counts.
        if lang != original_lang && entry.texts.iter().any(|t| t.lang == original_lang) {
            continue;
        }
        if let Some(s) = Some(get("status")).filter(|s| !s.is_empty()) {
            match PracticeStatus::parse(&s) {
                Some(v) => entry.status = v,
                None => errors.push(
                    err(
                        row,
                        "status",
                        "unknown_value",
                        format!("unknown status {s:?}"),
                    )
                    .arg("value", s),
                ),
            }
        }
        if let Some(s) = Some(get("source")).filter(|s| !s.is_empty()) {
            match Source::parse(&s) {
                Some(v) => entry.source = v,
                None => errors.push(
                    err(
                        row,
                        "source",
                        "unknown_value",
                        format!("unknown source {s:?}"),
                    )
                    .arg("value", s),
                ),
            }
        }
        entry.peer_reviewed = get("peer_reviewed") == "true";
        entry.implementer = Some(get("implementer")).filter(|s| !s.is_empty());
        entry.funding = Some(get("funding")).filter(|s| !s.is_empty());
        entry.partners = Some(get("partners")).filter(|s| !s.is_empty());
        entry.languages.clear();
        for l in list("languages") {
            if l.len() > 8 || !l.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                errors.push(
                    err(
                        row,
                        "languages",
                        "language_invalid",
                        format!("{l:?} is not a language code"),
                    )
                    .arg("value", l),
                );
            } else {
                entry.languages.push(l);
            }
        }
        let link = get("link");
        if !(link.is_empty() || link.starts_with("https://") || link.starts_with("http://")) {
            errors.push(err(
                row,
                "link",
                "link_invalid",
                "must start with https:// or http://",
            ));
        }
        entry.link = Some(link).filter(|s| !s.is_empty());
        if let Some(s) = Some(get("scope")).filter(|s| !s.is_empty()) {
            match Scope::parse(&s) {
                Some(v) => entry.scope = Some(v),
                None => errors.push(
                    err(
                        row,
                        "scope",
                        "unknown_value",
                        format!("unknown scope {s:?} (local, national, regional, global)"),
                    )
                    .arg("value", s),
                ),
            }
        }
        if let Some(s) = Some(get("progress")).filter(|s| !s.is_empty()) {
            match Progress::parse(&s) {
                Some(v) => entry.progress = Some(v),
                None => errors.push(
                    err(
                        row,
                        "progress",
                        "unknown_value",
                        format!("unknown progress {s:?}"),
                    )
                    .arg("value", s),
                ),
            }
        }
        for (name, slot) in [
            ("start_year", &mut entry.start_year),
            ("end_year", &mut entry.end_year),
        ] {
            let v = get(name);
            if !v.is_empty() {
                match v.parse::<i64>().ok().filter(|y| (1900..=2100).contains(y)) {
                    Some(y) => *slot = Some(y),
                    None => errors.push(
                        err(row, name, "year_invalid", format!("{v:?} is not a year"))
                            .arg("value", v),
                    ),
                }
            }
        }
        entry.countries.clear();
        for c in list("countries") {
            match gcm_core::geo::parse_country(&c) {
                Ok(country) => entry.countries.push(country.alpha3.clone()),
                Err(e) => errors
                    .push(err(row, "countries", "unknown_value", e.to_string()).arg("value", c)),
            }
        }
        entry.regions.clear();
        for r in list("regions") {
            match gcm_core::geo::region(&r) {
                Some(region) => entry.regions.push(region.code.clone()),
                None => errors.push(
                    err(
                        row,
                        "regions",
                        "unknown_value",
                        format!("unknown UN M49 region {r:?}"),
                    )
                    .arg("value", r),
                ),
            }
        }
        entry.themes.clear();
        for t in list("themes") {
            match Theme::parse(&t) {
                Some(v) => entry.themes.push(v.as_str().to_string()),
                None => errors.push(
                    err(
                        row,
                        "themes",
                        "unknown_value",
                        format!("unknown theme {t:?}"),
                    )
                    .arg("value", t),
                ),
            }
        }
        entry.stakeholders.clear();
        for k in list("stakeholders") {
            match OrgKind::parse(&k) {
                Some(v) => entry.stakeholders.push(v.as_str().to_string()),
                None => errors.push(
                    err(
                        row,
                        "stakeholders",
                        "unknown_value",
                        format!("unknown kind of stakeholder {k:?}"),
                    )
                    .arg("value", k),
                ),
            }
        }
        entry.links.clear();
        for t in list("tags") {
            match crate::framework_links::check(compact, &t) {
                Ok(r) => entry.links.push(Link::new(r.to_string())),
                Err(e) => {
                    errors.push(err(row, "tags", "tag_invalid", e.to_string()).arg("value", t))
                }
            }
        }
    }
    for p in by_id.values() {
        let row = first_row.get(&p.external_id).copied().unwrap_or(0);
        let has = |field: &str| {
            p.texts
                .iter()
                .any(|t| t.field == field && t.lang == p.original_lang)
        };
        if p.original_lang.is_empty() {
            errors.push(err(row, "original_lang", "required", "required"));
        } else {
            for field in ["title", "summary"] {
                if !has(field) {
                    errors.push(
                        err(
                            row,
                            field,
                            "required_in_original_lang",
                            format!(
                                "{}: required in the original language ({})",
                                p.external_id, p.original_lang
                            ),
                        )
                        .arg("id", &p.external_id)
                        .arg("value", &p.original_lang),
                    );
                }
            }
        }
        if !p.links.iter().any(|l| l.reference.starts_with("gcm:obj:")) {
            errors.push(
                err(
                    row,
                    "tags",
                    "objective_required",
                    format!(
                        "{}: at least one objective (gcm:obj:N) is required",
                        p.external_id
                    ),
                )
                .arg("id", &p.external_id),
            );
        }
    }
    if errors.is_empty() {
        let mut out: Vec<(usize, PracticeInput)> = by_id
            .into_values()
            .map(|p| (first_row.get(&p.external_id).copied().unwrap_or(0), p))
            .collect();
        out.sort_by_key(|(row, _)| *row);
        Ok(out)
    } else {
        errors.sort_by_key(|e| e.row);
        Err(errors)
    }
}
