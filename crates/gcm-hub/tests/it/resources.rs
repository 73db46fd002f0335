//! Resources: shared by focal points and editors, listed and filtered in pages and API.

use crate::harness::TestApp;
use crate::orgs::create_org;

db_test!(share_and_find_resources, |app: TestApp| async move {
    let fp = app.verified_user("res@example.org", "Rey").await;
    let org = create_org(&fp, "Research Centre", "academia", "NLD").await;
    assert_eq!(fp.get("/en/resources/new").await.status().as_u16(), 200);
    let res = fp
        .post_form(
            "/en/resources",
            &[
                ("org_id", org.as_str()),
                ("kind", "dataset"),
                ("title", "Remittance prices by corridor"),
                ("summary", "Quarterly prices"),
                ("publisher", "Research Centre"),
                ("lang", "en"),
                ("scale", "global"),
                ("link", "https://example.org/remittances"),
                ("objective", "20"),
                ("objective", "1"),
                ("theme", "data_and_evidence"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    // Bad input: a clear message, nothing saved.
    let res = fp
        .post_form(
            "/en/resources",
            &[
                ("org_id", org.as_str()),
                ("kind", "tool"),
                ("title", "No link"),
                ("lang", "en"),
                ("link", "example.org"),
                ("objective", "3"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("web address"));

    let (_, html) = app.get_text("/nl/resources?objective=20").await;
    assert!(html.contains("Remittance prices by corridor"));
    let (_, html) = app.get_text("/en/resources?kind=tool").await;
    assert!(!html.contains("Remittance prices by corridor"));
    let (status, list) = app
        .get_json("/api/v1/resources?objective=1&theme=data_and_evidence")
        .await;
    assert_eq!(status, 200);
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["organisation"], "Research Centre");
    assert_eq!(list["items"][0]["objectives"], serde_json::json!([1, 20]));
    assert_eq!(
        app.get("/en/resources?scale=planet")
            .await
            .status()
            .as_u16(),
        400
    );

    // A plain member of an organisation may not share on its behalf.
    let member = app.verified_user("m@example.org", "Mem").await;
    fp.post_form(
        &format!("/en/organisations/{org}/invite"),
        &[("email", "m@example.org"), ("role", "member")],
    )
    .await;
    let link = app.link_in_mail("m@example.org", "/invitations/").await;
    member.post_form(&link, &[]).await;
    let res = member
        .post_form(
            "/en/resources",
            &[
                ("org_id", org.as_str()),
                ("kind", "tool"),
                ("title", "T"),
                ("lang", "en"),
                ("link", "https://x.org"),
                ("objective", "3"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    // Through the API, with a token.
    let secret = fp.create_token("w", "write").await;
    let res = reqwest::Client::new()
        .post(app.url("/api/v1/resources"))
        .bearer_auth(&secret)
        .json(&serde_json::json!({"org_id": org, "kind": "guidance", "title": "Guide", "lang": "fr", "link": "https://example.org/guide", "objectives": [6]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 201);
    let (_, list) = app.get_json("/api/v1/resources?lang=fr").await;
    assert_eq!(list["total"], 1);
});

/// Posts the sharing form as a browser does with a file chosen: multipart, the CSRF token as
/// the first field.
async fn share_file(
    v: &crate::harness::Visitor,
    fields: &[(&str, &str)],
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new().text("csrf_token", v.csrf().await);
    for (k, val) in fields {
        form = form.text(k.to_string(), val.to_string());
    }
    form = form.part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
    );
    v.client
        .post(v.url("/en/resources"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

db_test!(a_resource_can_be_a_shared_file, |app: TestApp| async move {
    let fp = app.verified_user("files@example.org", "Fay").await;
    let org = create_org(&fp, "Guidance Unit", "un_entity", "CHE").await;
    let fields = [
        ("org_id", org.as_str()),
        ("kind", "guidance"),
        ("title", "Guidance on firewalls"),
        ("lang", "en"),
        ("link", ""),
        ("objective", "15"),
    ];
    // Neither link nor file: refused, naming the web address.
    let res = fp.post_form("/en/resources", &fields).await;
    assert_eq!(res.status().as_u16(), 422);
    // A file that is not what its name says: refused, nothing saved.
    let res = share_file(&fp, &fields, "guidance.pdf", b"MZ\x90\x00".to_vec()).await;
    assert_eq!(res.status().as_u16(), 415);
    assert!(res.text().await.unwrap().contains("not accepted"));
    let (_, list) = app.get_json("/api/v1/resources").await;
    assert_eq!(list["total"], 0);
    // A PDF: shared, listed, downloadable by anyone.
    let pdf = b"%PDF-1.4\n% guidance\n".to_vec();
    let res = share_file(&fp, &fields, "guidance.pdf", pdf.clone()).await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    let (_, list) = app.get_json("/api/v1/resources").await;
    assert_eq!(list["total"], 1);
    let item = &list["items"][0];
    assert_eq!(item["file"]["filename"], "guidance.pdf");
    let url = item["file"]["url"].as_str().unwrap().to_string();
    assert_eq!(item["link"], url);
    let res = app.get(&url).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
    let (_, html) = app.get_text("/en/resources").await;
    assert!(html.contains("guidance.pdf"));
    assert_eq!(
        app.get("/en/resources/nope/file").await.status().as_u16(),
        404
    );
});
