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
