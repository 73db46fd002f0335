//! The practice template and the import of a filled one (CSV, XLSX, ODS) as drafts of an
//! organisation: downloads, the upload page and the API, limits, permissions, and that an
//! upload can never overwrite a published or foreign practice.

use calamine::{Data, Reader, Xlsx};
use gcm_store::audit::Actor;
use gcm_store::practices;
use gcm_store::practices_csv::COLUMNS;
use gcm_store::practices_sheet::{COLUMN_DOCS, EXAMPLE, MAX_BYTES};

use crate::harness::{TestApp, Visitor, html};
use crate::orgs::create_org;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A CSV in the template's format from rows of (column, value) changes to the example row.
fn csv_of(rows: &[Vec<(&str, &str)>]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(COLUMNS).unwrap();
    for changes in rows {
        w.write_record(row_of(changes)).unwrap();
    }
    w.into_inner().unwrap()
}

fn row_of(changes: &[(&str, &str)]) -> Vec<String> {
    let mut row: Vec<String> = EXAMPLE.iter().map(|s| s.to_string()).collect();
    for (col, value) in changes {
        let i = COLUMNS.iter().position(|c| c == col).unwrap();
        row[i] = value.to_string();
    }
    row
}

/// Posts the upload form as a browser does: multipart, the CSRF token first.
async fn upload(
    v: &Visitor,
    lang: &str,
    org_id: &str,
    file_name: &str,
    content_type: &str,
    data: &[u8],
) -> reqwest::Response {
    let csrf = v.csrf().await;
    upload_with(v, lang, Some(&csrf), org_id, file_name, content_type, data).await
}

async fn upload_with(
    v: &Visitor,
    lang: &str,
    csrf: Option<&str>,
    org_id: &str,
    file_name: &str,
    content_type: &str,
    data: &[u8],
) -> reqwest::Response {
    let boundary = "----gcmhubtestboundary7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    let mut field = |name: &str, value: &str| {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    };
    if let Some(token) = csrf {
        field("csrf_token", token);
    }
    field("org_id", org_id);
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: {content_type}\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(data);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    v.client
        .post(v.url(&format!("/{lang}/practices/import")))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap()
}

async fn api_upload(
    app: &TestApp,
    token: &str,
    org_id: &str,
    content_type: &str,
    data: Vec<u8>,
) -> (u16, serde_json::Value) {
    let res = app
        .client
        .post(app.url(&format!("/api/v1/practices/import?org_id={org_id}")))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(data)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
    )
}

/// A minimal OpenDocument spreadsheet (as LibreOffice writes it, without styles) of `rows`.
fn ods_of(rows: &[Vec<String>]) -> Vec<u8> {
    use std::io::Write;
    let esc = |v: &str| {
        v.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut table = String::new();
    for row in rows {
        table.push_str("<table:table-row>");
        for v in row {
            if v.is_empty() {
                table.push_str("<table:table-cell/>");
            } else {
                table.push_str(&format!(
                    "<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
                    esc(v)
                ));
            }
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"practices\">{table}\
         </table:table></office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest \
        xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
        <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
        </manifest:manifest>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ] {
        zip.start_file(name, stored).unwrap();
        zip.write_all(data.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(app.db().pool())
        .await
        .unwrap()
}

/// A focal point with a confirmed address and their organisation.
async fn focal_point(app: &TestApp) -> (Visitor, String) {
    let v = app.verified_user("fp@example.org", "Focal Point").await;
    let org = create_org(&v, "City of Example", "local_authority", "PRT").await;
    (v, org)
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
    range
        .get_value((row, col))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

db_test!(template_downloads, |app: TestApp| async move {
    let res = app.get("/en/practices/template.csv").await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let body = res.bytes().await.unwrap();
    let mut rdr = csv::Reader::from_reader(body.as_ref());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header, COLUMNS);
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], EXAMPLE[0]);

    let res = app.get("/fr/practices/template.xlsx").await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["content-type"], XLSX);
    let bytes = res.bytes().await.unwrap().to_vec();
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(wb.sheet_names(), vec!["practices", "instructions"]);
    let sheet = wb.worksheet_range("practices").unwrap();
    let header: Vec<String> = (0..COLUMNS.len() as u32)
        .map(|c| cell(&sheet, 0, c))
        .collect();
    assert_eq!(header, COLUMNS);
    assert_eq!(sheet.height(), 2, "header and one example row");
    assert_eq!(cell(&sheet, 1, 25), EXAMPLE[25]);
    // Instructions in the page's language, one row per column, from the one table.
    let help = wb.worksheet_range("instructions").unwrap();
    assert_eq!(cell(&help, 0, 0), "Colonne");
    for (i, doc) in COLUMN_DOCS.iter().enumerate() {
        let row = i as u32 + 1;
        assert_eq!(cell(&help, row, 0), doc.name);
        assert_eq!(
            cell(&help, row, 1),
            if doc.required { "oui" } else { "non" },
            "{}",
            doc.name
        );
        assert!(
            !cell(&help, row, 2).is_empty(),
            "{} has no meaning",
            doc.name
        );
    }
    let required: Vec<&str> = COLUMN_DOCS
        .iter()
        .filter(|d| d.required)
        .map(|d| d.name)
        .collect();
    assert_eq!(
        required,
        [
            "external_id",
            "lang",
            "title",
            "summary",
            "original_lang",
            "tags"
        ]
    );
    let themes = cell(&help, 24, 3);
    assert!(themes.contains("gender_responsive"), "{themes}");
    let tags = cell(&help, 26, 3);
    assert!(
        tags.contains("gcm:obj:20:c") && tags.contains("gcm:gp:human-rights"),
        "{tags}"
    );
});

db_test!(
    valid_files_become_private_drafts,
    |app: TestApp| async move {
        let (fp, org) = focal_point(&app).await;
        let (status, page) = fp.get_text("/en/practices/import").await;
        assert_eq!(status, 200);
        assert!(page.contains("enctype=\"multipart/form-data\""));
        assert!(page.contains(&format!("<option value=\"{org}\"")));

        // CSV: two practices, one with a French translation row.
        let csv = csv_of(&[
            vec![("external_id", "city-001"), ("title", "One-stop centre")],
            vec![
                ("external_id", "city-001"),
                ("lang", "fr"),
                ("title", "Guichet unique"),
            ],
            vec![
                ("external_id", "city-002"),
                ("title", "Language cafés"),
                ("tags", "gcm:obj:16"),
            ],
        ]);
        let res = upload(&fp, "en", &org, "practices.csv", "text/csv", &csv).await;
        assert_eq!(res.status().as_u16(), 200);
        let page = res.text().await.unwrap();
        assert!(page.contains("2 practice(s) saved as drafts"), "{page}");
        let stored: Vec<(String, String, String, String, Option<String>, i64)> = sqlx::query_as(
            "SELECT id, external_id, status, source, submitted_by, peer_reviewed FROM practices \
         WHERE org_id = $1 ORDER BY external_id",
        )
        .bind(&org)
        .fetch_all(app.db().pool())
        .await
        .unwrap();
        assert_eq!(stored.len(), 2);
        let user = gcm_store::accounts::find_by_email(app.db(), "fp@example.org")
            .await
            .unwrap()
            .unwrap();
        for (id, _, status, source, by, reviewed) in &stored {
            assert_eq!(status, "draft");
            assert_eq!(source, "import");
            assert_eq!(by.as_deref(), Some(user.id.as_str()));
            assert_eq!(*reviewed, 0);
            assert!(page.contains(&format!("href=\"/en/practices/{id}/edit\"")));
        }
        let first = practices::get(app.db(), &stored[0].0)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(first.text("title", "fr").unwrap().text, "Guichet unique");
        // Drafts are not public.
        let (_, explore) = app.get_text("/en/practices").await;
        assert!(!explore.contains("One-stop centre"));
        let (_, open) = app.get_text("/data/practices.csv").await;
        assert!(!open.contains("city-001"));
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM audit_log WHERE action = 'practice.import'"
            )
            .await,
            1
        );

        // XLSX written by another program: the same rows, read from the first sheet.
        let mut wb = rust_xlsxwriter::Workbook::new();
        let sheet = wb.add_worksheet();
        for (c, name) in (0u16..).zip(COLUMNS) {
            sheet.write_string(0, c, name).unwrap();
        }
        for (c, value) in (0u16..).zip(row_of(&[
            ("external_id", "city-003"),
            ("title", "Welcome desk"),
        ])) {
            if c == 17 {
                // A year typed as a number.
                sheet.write_number(1, c, 2021.0).unwrap();
            } else {
                sheet.write_string(1, c, &value).unwrap();
            }
        }
        let xlsx = wb.save_to_buffer().unwrap();
        let res = upload(&fp, "en", &org, "practices.xlsx", XLSX, &xlsx).await;
        assert_eq!(res.status().as_u16(), 200);
        let id: String =
            sqlx::query_scalar("SELECT id FROM practices WHERE external_id = 'city-003'")
                .fetch_one(app.db().pool())
                .await
                .unwrap();
        let p = practices::get(app.db(), &id).await.unwrap().unwrap();
        assert_eq!(p.status, "draft");
        assert_eq!(p.start_year, Some(2021));
        assert_eq!(p.org_id.as_deref(), Some(org.as_str()));

        // ODS, through the API (declared as a generic binary: the content decides).
        let token = fp.create_token("import", "write").await;
        let header: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
        let ods = ods_of(&[
            header,
            row_of(&[("external_id", "city-005"), ("title", "Ferry welcome")]),
        ]);
        let (status, body) = api_upload(&app, &token, &org, "application/octet-stream", ods).await;
        assert_eq!(status, 201, "{body}");
        let p = practices::get(app.db(), body["ids"][0].as_str().unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(p.text("title", "en").unwrap().text, "Ferry welcome");
        assert_eq!(p.status, "draft");

        // Uploading again updates the organisation's own draft.
        let again = csv_of(&[vec![
            ("external_id", "city-002"),
            ("title", "Language cafés 2"),
        ]]);
        let res = upload(&fp, "en", &org, "again.csv", "text/csv", &again).await;
        assert_eq!(res.status().as_u16(), 200);
        assert!(res.text().await.unwrap().contains("Draft updated"));

        // The API: a token, the raw file, 201 with the ids.
        let token = fp.create_token("import", "write").await;
        let csv = csv_of(&[vec![("external_id", "city-004")]]);
        let (status, body) = api_upload(&app, &token, &org, "text/csv", csv).await;
        assert_eq!(status, 201, "{body}");
        let ids = body["ids"].as_array().unwrap();
        assert_eq!(ids.len(), 1);
        let p = practices::get(app.db(), ids[0].as_str().unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(p.external_id, "city-004");
        assert_eq!(p.status, "draft");
    }
);

db_test!(
    problems_are_listed_and_nothing_saved,
    |app: TestApp| async move {
        let (fp, org) = focal_point(&app).await;
        let csv = csv_of(&[
            vec![("external_id", "ok-1")],
            vec![("external_id", "no-summary"), ("summary", "")],
            vec![("external_id", "bad-tag"), ("tags", "gcm:obj:99 gcm:obj:2")],
        ]);
        let res = upload(&fp, "en", &org, "bad.csv", "text/csv", &csv).await;
        assert_eq!(res.status().as_u16(), 422);
        let page = res.text().await.unwrap();
        assert!(page.contains("Row 3, column summary:"), "{page}");
        assert!(
            page.contains(&html("Row 4, column tags: “gcm:obj:99”")),
            "{page}"
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM practices").await, 0);
        // Localized in the page's language.
        let res = upload(&fp, "fr", &org, "bad.csv", "text/csv", &csv).await;
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("Ligne 3, colonne summary")
        );

        // The API lists each problem with its row, column and code.
        let token = fp.create_token("import", "write").await;
        let (status, body) = api_upload(&app, &token, &org, "text/csv", csv).await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(body["error"]["code"], "import_invalid");
        let details = body["error"]["details"].as_array().unwrap();
        assert!(details.iter().any(|d| d["row"] == 3
            && d["column"] == "summary"
            && d["code"] == "required_in_original_lang"));
        assert!(
            details
                .iter()
                .any(|d| d["row"] == 4 && d["column"] == "tags")
        );
        assert!(
            details
                .iter()
                .all(|d| d["message"].as_str().is_some_and(|m| !m.is_empty()))
        );
        // A missing column is named too.
        let no_tags = b"external_id,lang,title,summary,original_lang\nx,en,T,S,en\n".to_vec();
        let (status, body) = api_upload(&app, &token, &org, "text/csv", no_tags).await;
        assert_eq!(status, 422);
        assert_eq!(body["error"]["details"][0]["column"], "tags");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM practices").await, 0);
    }
);

db_test!(limits_and_file_types, |app: TestApp| async move {
    let (fp, org) = focal_point(&app).await;
    // Over 5 MB.
    let mut big = csv_of(&[vec![]]);
    big.resize(MAX_BYTES + 1, b' ');
    let res = upload(&fp, "en", &org, "big.csv", "text/csv", &big).await;
    assert_eq!(res.status().as_u16(), 413);
    assert!(res.text().await.unwrap().contains("larger than 5 MB"));
    let token = fp.create_token("import", "write").await;
    let (status, body) = api_upload(&app, &token, &org, "text/csv", big).await;
    assert_eq!(status, 413, "{body}");

    // Not a spreadsheet, whatever its name says.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".to_vec();
    let res = upload(&fp, "en", &org, "practices.xlsx", XLSX, &png).await;
    assert_eq!(res.status().as_u16(), 415);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("not a CSV (UTF-8), XLSX or ODS file")
    );
    let (status, body) = api_upload(&app, &token, &org, XLSX, png.clone()).await;
    assert_eq!(status, 415);
    assert_eq!(body["error"]["code"], "import_unsupported_type");
    // A ZIP that is no workbook.
    let zip = b"PK\x03\x04\x14\0\0\0\0\0garbage".to_vec();
    let (status, _) = api_upload(&app, &token, &org, XLSX, zip).await;
    assert_eq!(status, 415);
    // An unknown declared type.
    let (status, _) = api_upload(&app, &token, &org, "image/png", png).await;
    assert_eq!(status, 415);

    // More than 1000 rows.
    let mut many = csv::Writer::from_writer(Vec::new());
    many.write_record(COLUMNS).unwrap();
    for i in 0..1001 {
        let id = format!("p-{i}");
        many.write_record(row_of(&[("external_id", id.as_str())]))
            .unwrap();
    }
    let (status, body) =
        api_upload(&app, &token, &org, "text/csv", many.into_inner().unwrap()).await;
    assert_eq!(status, 422);
    assert_eq!(body["error"]["details"][0]["code"], "too_many_rows");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM practices").await, 0);
});

db_test!(
    only_focal_points_and_editors_import,
    |app: TestApp| async move {
        let (fp, org) = focal_point(&app).await;
        let member = app.verified_user("member@example.org", "Member").await;
        fp.post_form(
            &format!("/en/organisations/{org}/invite"),
            &[("email", "member@example.org"), ("role", "member")],
        )
        .await;
        let link = app
            .link_in_mail("member@example.org", "/invitations/")
            .await;
        assert_eq!(member.post_form(&link, &[]).await.status().as_u16(), 303);
        let csv = csv_of(&[vec![]]);

        assert_eq!(
            member.get("/en/practices/import").await.status().as_u16(),
            403
        );
        let res = upload(&member, "en", &org, "p.csv", "text/csv", &csv).await;
        assert_eq!(res.status().as_u16(), 403);
        let token = member.create_token("t", "write").await;
        let (status, _) = api_upload(&app, &token, &org, "text/csv", csv.clone()).await;
        assert_eq!(status, 403);
        // The focal point may not import for an organisation they are not in.
        let other = app.verified_user("other@example.org", "Other").await;
        let other_org = create_org(&other, "Other Org", "academia", "CHL").await;
        let res = upload(&fp, "en", &other_org, "p.csv", "text/csv", &csv).await;
        assert_eq!(res.status().as_u16(), 422);
        let fp_token = fp.create_token("t", "write").await;
        let (status, _) = api_upload(&app, &fp_token, &other_org, "text/csv", csv.clone()).await;
        assert_eq!(status, 403);

        // Anonymous: asked to sign in.
        let anon = app.visitor();
        let res = anon.get("/en/practices/import").await;
        assert_eq!(res.status().as_u16(), 303);
        assert!(
            res.headers()["location"]
                .to_str()
                .unwrap()
                .contains("/login")
        );
        let res = app
            .client
            .post(app.url(&format!("/api/v1/practices/import?org_id={org}")))
            .header("content-type", "text/csv")
            .body(csv.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 401);

        // CSRF: a multipart form without the token, or with it after the file, is refused.
        let res = upload_with(&fp, "en", None, &org, "p.csv", "text/csv", &csv).await;
        assert_eq!(res.status().as_u16(), 403);
        let res = upload_with(&fp, "en", Some("forged"), &org, "p.csv", "text/csv", &csv).await;
        assert_eq!(res.status().as_u16(), 403);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM practices").await, 0);
    }
);

db_test!(
    published_and_foreign_practices_are_not_overwritten,
    |app: TestApp| async move {
        let (fp, org) = focal_point(&app).await;
        let compact = gcm_compact::Compact::load_shipped().unwrap();
        let published = crate::practices::sample("pub-1", "Published practice", "PRT", 16);
        let (pub_id, _) = practices::upsert(app.db(), &compact, &Actor::system("test"), &published)
            .await
            .unwrap();
        let mut foreign = crate::practices::sample("draft-of-other", "Foreign draft", "PRT", 16);
        foreign.status = gcm_core::practices::PracticeStatus::Draft;
        foreign.org_id = None;
        practices::upsert(app.db(), &compact, &Actor::system("test"), &foreign)
            .await
            .unwrap();
        let before = practices::get(app.db(), &pub_id).await.unwrap().unwrap();

        let csv = csv_of(&[
            vec![("external_id", "fresh-1")],
            vec![("external_id", "pub-1"), ("title", "Hijacked")],
            vec![("external_id", "draft-of-other"), ("title", "Hijacked too")],
        ]);
        let res = upload(&fp, "en", &org, "p.csv", "text/csv", &csv).await;
        assert_eq!(res.status().as_u16(), 422);
        let page = res.text().await.unwrap();
        assert!(page.contains("Row 3, column external_id:"), "{page}");
        assert!(page.contains("Row 4, column external_id:"), "{page}");
        let after = practices::get(app.db(), &pub_id).await.unwrap().unwrap();
        assert_eq!(after.status, "published");
        assert_eq!(
            after.text("title", "en").unwrap().text,
            "Published practice"
        );
        assert_eq!(after.revisions, before.revisions);
        // Nothing from the file was saved, not even the valid row.
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM practices WHERE external_id = 'fresh-1'"
            )
            .await,
            0
        );
    }
);
