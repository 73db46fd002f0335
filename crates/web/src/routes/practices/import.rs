//! The practice template (CSV, XLSX) to fill offline, and the import of a filled template
//! (CSV, XLSX or ODS) as drafts of an organisation, through a page and `/api/v1`.
//!
//! Reading and checking are `gcm_store::practices_sheet` and `practices_csv` (one parser for
//! every kind of file); saving is `gcm_store::practices_import`.

use askama::Template;
use axum::Json;
use axum::Router;
use axum::body::Body;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Query, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use gcm_core::accounts::{Action, allows};
use gcm_store::practices_csv::{self, RowError};
use gcm_store::practices_import::{self, Imported, Upload};
use gcm_store::practices_sheet::{self, FileError, MAX_BYTES};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::{Auth, SignedIn};
use crate::error::{AppError, AppResult, ErrorEnvelope, api_lang};
use crate::i18n::{Arg, Lang, Tr};
use crate::pages::{Area, Chrome};
use crate::routes::forms::page_with_status;
use crate::routes::shell::PageLang;

/// Room for the multipart envelope and the other fields around a file of `MAX_BYTES`.
const BODY_LIMIT: usize = MAX_BYTES + 64 * 1024;

/// The HTML pages and downloads.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/practices/template.csv", get(template_csv))
        .route("/{lang}/practices/template.xlsx", get(template_xlsx))
        .route("/{lang}/practices/import", get(form).post(upload))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
}

/// The `/api/v1` routes with their documentation.
pub fn api(r: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    r.routes(routes!(api_import))
}

fn download(filename: &str, content_type: &'static str, body: Vec<u8>) -> Response {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}

/// `GET /{lang}/practices/template.csv`: the columns and an example row.
pub async fn template_csv(PageLang(_): PageLang) -> AppResult<Response> {
    let body = practices_sheet::template_csv().map_err(AppError::internal)?;
    Ok(download(
        "gcm-hub-practices-template.csv",
        "text/csv; charset=utf-8",
        body,
    ))
}

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const ODS: &str = "application/vnd.oasis.opendocument.spreadsheet";

/// `GET /{lang}/practices/template.xlsx`: the columns, an example row, and instructions in the
/// page's language.
pub async fn template_xlsx(PageLang(lang): PageLang) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let body = practices_sheet::template_xlsx(&|id| tr.t(id)).map_err(AppError::internal)?;
    Ok(download(
        &format!("gcm-hub-practices-template-{}.xlsx", lang.code()),
        XLSX,
        body,
    ))
}

/// Organisations the person may import practices for, as (id, name).
async fn importing_orgs(state: &AppState, me: &SignedIn) -> AppResult<Vec<(String, String)>> {
    Ok(gcm_store::orgs::of_user(&state.db, &me.user.id)
        .await?
        .into_iter()
        .filter(|(o, _)| {
            allows(
                Some(&me.principal),
                &Action::SubmitPractice { org_id: &o.id },
            )
        })
        .map(|(o, _)| (o.id, o.name))
        .collect())
}

/// One problem, localized: "Row 3, column summary: …".
fn describe(tr: &Tr, e: &RowError) -> String {
    let mut args: Vec<(&'static str, Arg)> = e
        .args
        .iter()
        .map(|(k, v)| (*k, Arg::Str(v.clone())))
        .collect();
    args.push(("column", Arg::Str(e.column.clone())));
    let id = format!("import-error-{}", e.code.replace('_', "-"));
    let mut message = tr.t_with(&id, &args);
    if message == id {
        message = e.message.clone();
    }
    let place: Vec<(&'static str, Arg)> = vec![
        ("row", Arg::Num(e.row as i64)),
        ("column", Arg::Str(e.column.clone())),
        ("message", Arg::Str(message)),
    ];
    if e.column == "-" {
        tr.t_with("import-problem-row", &place)
    } else {
        tr.t_with("import-problem", &place)
    }
}

fn file_error_status(e: &FileError) -> StatusCode {
    match e {
        FileError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        FileError::UnsupportedType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// What an upload came to.
enum Outcome {
    Saved(Vec<Imported>),
    /// The file could not be read at all.
    File(FileError),
    /// Rows with problems; nothing was saved.
    Rows(Vec<RowError>),
}

async fn import_file(
    state: &AppState,
    auth: &Auth,
    me: &SignedIn,
    org_id: &str,
    file_name: &str,
    data: &[u8],
) -> AppResult<Outcome> {
    let csv = match practices_sheet::to_csv(data) {
        Ok((_, csv)) => csv,
        Err(e) => return Ok(Outcome::File(e)),
    };
    let rows = match practices_csv::parse_with_rows(&csv, &state.compact) {
        Ok(rows) => rows,
        Err(errors) => return Ok(Outcome::Rows(errors)),
    };
    let upload = Upload {
        org_id,
        user_id: &me.user.id,
        file_name,
    };
    match practices_import::import_drafts(&state.db, &state.compact, &auth.actor(), &upload, rows)
        .await
        .map_err(AppError::internal)?
    {
        Ok(saved) => Ok(Outcome::Saved(saved)),
        Err(errors) => Ok(Outcome::Rows(errors)),
    }
}

pub struct ImportedRow {
    pub id: String,
    pub external_id: String,
    pub title: String,
    pub created: bool,
}

#[derive(Template)]
#[template(path = "practice_import.html")]
pub struct ImportPage {
    pub c: Chrome,
    pub orgs: Vec<(String, String)>,
    pub org_id: String,
    /// A problem with the form or the file as a whole.
    pub error: Option<String>,
    /// Problems in rows, one sentence each.
    pub problems: Vec<String>,
    pub imported: Vec<ImportedRow>,
}

/// What the page shows besides the form.
struct View {
    status: StatusCode,
    org_id: String,
    error: Option<String>,
    problems: Vec<String>,
    imported: Vec<ImportedRow>,
}

impl View {
    fn refused(status: StatusCode, org_id: String, message: String) -> View {
        View {
            status,
            org_id,
            error: Some(message),
            problems: Vec::new(),
            imported: Vec::new(),
        }
    }
}

async fn page(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    me: &SignedIn,
    v: View,
) -> AppResult<Response> {
    let orgs = importing_orgs(state, me).await?;
    Ok(page_with_status(
        v.status,
        &ImportPage {
            c: Chrome::new(
                state,
                auth,
                lang,
                "/practices/import",
                Some(Area::Practices),
            ),
            orgs,
            org_id: v.org_id,
            error: v.error,
            problems: v.problems,
            imported: v.imported,
        },
    ))
}

/// The signed-in person, who must be able to import for at least one organisation.
async fn importer<'a>(state: &AppState, auth: &'a Auth) -> AppResult<&'a SignedIn> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    if importing_orgs(state, me).await?.is_empty() {
        return Err(AppError::forbidden());
    }
    Ok(me)
}

/// `GET /{lang}/practices/import`
pub async fn form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
) -> AppResult<Response> {
    let me = importer(&state, &auth).await?;
    let view = View {
        status: StatusCode::OK,
        org_id: String::new(),
        error: None,
        problems: Vec::new(),
        imported: Vec::new(),
    };
    page(&state, &auth, lang, me, view).await
}

/// The fields of the upload form.
#[derive(Default)]
struct UploadForm {
    org_id: String,
    file_name: String,
    data: Vec<u8>,
    too_large: bool,
}

async fn read_form(mut multipart: Multipart) -> AppResult<UploadForm> {
    let mut f = UploadForm::default();
    let bad = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large")
        } else {
            AppError::bad_request()
        }
    };
    while let Some(mut field) = multipart.next_field().await.map_err(bad)? {
        match field.name() {
            Some("org_id") => f.org_id = field.text().await.map_err(bad)?.trim().to_string(),
            Some("file") => {
                f.file_name = field
                    .file_name()
                    .unwrap_or_default()
                    .chars()
                    .take(200)
                    .collect();
                while let Some(chunk) = field.chunk().await.map_err(bad)? {
                    if f.data.len() + chunk.len() > MAX_BYTES {
                        f.too_large = true;
                        break;
                    }
                    f.data.extend_from_slice(&chunk);
                }
            }
            _ => {}
        }
    }
    Ok(f)
}

/// `POST /{lang}/practices/import` (multipart: `csrf_token` first, `org_id`, `file`)
pub async fn upload(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let me = importer(&state, &auth).await?;
    let tr = Tr::new(lang);
    let refuse = |status: StatusCode, org_id: String, message: String| {
        page(
            &state,
            &auth,
            lang,
            me,
            View::refused(status, org_id, message),
        )
    };
    let Ok(multipart) = multipart else {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            String::new(),
            tr.t("import-error-no-file"),
        )
        .await;
    };
    let f = match read_form(multipart).await {
        Ok(f) => f,
        Err(e) if e.status == StatusCode::PAYLOAD_TOO_LARGE => {
            return refuse(e.status, String::new(), tr.t("import-error-too-large")).await;
        }
        Err(e) => return Err(e),
    };
    if f.org_id.is_empty()
        || !importing_orgs(&state, me)
            .await?
            .iter()
            .any(|(id, _)| *id == f.org_id)
    {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            f.org_id,
            tr.t("import-error-org"),
        )
        .await;
    }
    auth.require_user(&Action::SubmitPractice { org_id: &f.org_id })?;
    if f.too_large {
        return refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            f.org_id,
            tr.t("import-error-too-large"),
        )
        .await;
    }
    if f.data.is_empty() {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            f.org_id,
            tr.t("import-error-no-file"),
        )
        .await;
    }
    match import_file(&state, &auth, me, &f.org_id, &f.file_name, &f.data).await? {
        Outcome::Saved(saved) => {
            let imported = saved
                .into_iter()
                .map(|s| ImportedRow {
                    id: s.id,
                    external_id: s.external_id,
                    title: s.title,
                    created: s.created,
                })
                .collect();
            let view = View {
                status: StatusCode::OK,
                org_id: f.org_id,
                error: None,
                problems: Vec::new(),
                imported,
            };
            page(&state, &auth, lang, me, view).await
        }
        Outcome::File(e) => {
            let message = tr.t(&format!("import-error-{}", e.code().replace('_', "-")));
            refuse(file_error_status(&e), f.org_id, message).await
        }
        Outcome::Rows(errors) => {
            let problems = errors.iter().map(|e| describe(&tr, e)).collect();
            let view = View {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                org_id: f.org_id,
                error: Some(tr.t("import-problems")),
                problems,
                imported: Vec::new(),
            };
            page(&state, &auth, lang, me, view).await
        }
    }
}

#[derive(Deserialize, IntoParams)]
pub struct ImportQuery {
    /// The organisation the practices are drafts of (the caller must be its focal point or
    /// editor).
    pub org_id: String,
}

/// A practice saved as a draft by an import.
#[derive(Serialize, ToSchema)]
pub struct ImportedPractice {
    pub id: String,
    pub external_id: String,
    /// False when it updated one of the organisation's drafts.
    pub created: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ImportResult {
    /// The ids of the drafts saved, in file order.
    pub ids: Vec<String>,
    pub practices: Vec<ImportedPractice>,
}

/// One problem in an imported file (the error envelope's `details` is a list of them).
#[derive(Serialize)]
pub struct ImportProblem {
    /// Row in the file (1 = header).
    pub row: usize,
    /// Column name, or `-` for the whole row or file.
    pub column: String,
    /// Stable snake_case code, e.g. `required_in_original_lang`, `tag_invalid`,
    /// `external_id_taken`.
    pub code: String,
    /// The problem in words, in the language of the response.
    pub message: String,
}

/// A file, sent as the raw request body.
#[derive(ToSchema)]
// Only its schema is used: the handler reads the raw body.
#[allow(dead_code)]
#[schema(value_type = String, format = Binary)]
pub struct SpreadsheetFile(pub Vec<u8>);

#[utoipa::path(
    post,
    path = "/api/v1/practices/import",
    tag = "practices",
    security(("bearer" = [])),
    params(ImportQuery),
    request_body(
        description = "A filled practices template: CSV (UTF-8), XLSX or ODS, at most 5 MB and 1000 rows, with the columns of `/data/practices.csv`",
        content(
            (String = "text/csv"),
            (SpreadsheetFile = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (SpreadsheetFile = "application/vnd.oasis.opendocument.spreadsheet"),
        ),
    ),
    responses(
        (status = 201, description = "Every practice saved as a draft of the organisation", body = ImportResult),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not a focal point or editor of that organisation", body = ErrorEnvelope),
        (status = 413, description = "Larger than 5 MB", body = ErrorEnvelope),
        (status = 415, description = "Not a CSV, XLSX or ODS file", body = ErrorEnvelope),
        (status = 422, description = "Rows with problems; nothing was saved. `details` lists each as {row, column, code, message}: row 1 is the header, column `-` the whole row or file, code a stable snake_case name (`required`, `required_in_original_lang`, `tag_invalid`, `objective_required`, `unknown_value`, `external_id_taken`, `too_many_rows`, …), message in the response language", body = ErrorEnvelope),
    )
)]
pub async fn api_import(
    State(state): State<AppState>,
    auth: Auth,
    Query(q): Query<ImportQuery>,
    RawQuery(raw_query): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> AppResult<(StatusCode, Json<ImportResult>)> {
    let me = auth.require_user(&Action::SubmitPractice { org_id: &q.org_id })?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let known = [
        "text/csv",
        "application/csv",
        "text/plain",
        XLSX,
        ODS,
        "application/octet-stream",
    ];
    if !known.contains(&content_type.as_str()) {
        return Err(AppError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "import_unsupported_type",
        ));
    }
    let too_large = || AppError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_BYTES) {
        return Err(too_large());
    }
    let data = axum::body::to_bytes(body, MAX_BYTES)
        .await
        .map_err(|_| too_large())?;
    let lang = api_lang(
        raw_query.as_deref(),
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let tr = Tr::new(lang);
    let problems = |errors: Vec<RowError>| {
        let details: Vec<ImportProblem> = errors
            .iter()
            .map(|e| ImportProblem {
                row: e.row,
                column: e.column.clone(),
                code: e.code.to_string(),
                message: describe(&tr, e),
            })
            .collect();
        AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "import_invalid")
            .with_details(serde_json::to_value(details).unwrap_or_default())
    };
    match import_file(&state, &auth, me, &q.org_id, "api upload", &data).await? {
        Outcome::Saved(saved) => Ok((
            StatusCode::CREATED,
            Json(ImportResult {
                ids: saved.iter().map(|s| s.id.clone()).collect(),
                practices: saved
                    .into_iter()
                    .map(|s| ImportedPractice {
                        id: s.id,
                        external_id: s.external_id,
                        created: s.created,
                    })
                    .collect(),
            }),
        )),
        Outcome::File(FileError::TooLarge) => Err(too_large()),
        Outcome::File(FileError::UnsupportedType) => Err(AppError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "import_unsupported_type",
        )),
        Outcome::File(e) => Err(problems(vec![practices_sheet::file_error_row(&e)])),
        Outcome::Rows(errors) => Err(problems(errors)),
    }
}
