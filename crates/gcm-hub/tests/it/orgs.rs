//! Organisations, memberships and invitations, end to end on both databases.

use crate::harness::TestApp;

/// Creates an organisation through the form and returns its id.
pub async fn create_org(
    v: &crate::harness::Visitor,
    name: &str,
    kind: &str,
    country: &str,
) -> String {
    let res = v
        .post_form(
            "/en/organisations",
            &[
                ("name", name),
                ("kind", kind),
                ("country", country),
                ("description", ""),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    res.headers()["location"]
        .to_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string()
}

db_test!(
    organisations_members_and_invitations,
    |app: TestApp| async move {
        // Registering needs a confirmed address.
        let unconfirmed = app.signup("new@example.org", "Newt").await;
        assert_eq!(
            unconfirmed
                .get("/en/organisations/new")
                .await
                .status()
                .as_u16(),
            403
        );

        let fp = app.verified_user("fp@example.org", "Fatima").await;
        assert_eq!(fp.get("/en/organisations/new").await.status().as_u16(), 200);
        // Bad input is refused with a clear message, and nothing is created.
        let res = fp
            .post_form(
                "/en/organisations",
                &[
                    ("name", "Ministry"),
                    ("kind", "government"),
                    ("country", "PRT"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 422);
        assert!(res.text().await.unwrap().contains("choose the kind"));
        let res = fp
            .post_form(
                "/en/organisations",
                &[
                    ("name", "Ministry"),
                    ("kind", "member_state_government"),
                    ("country", "XYZ"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 422);
        let id = create_org(&fp, "Ministry of Labour", "member_state_government", "PRT").await;
        let (_, html) = fp.get_text(&format!("/fr/organisations/{id}")).await;
        assert!(html.contains("Portugal"));
        assert!(
            html.contains("Europe du Sud") || html.contains("Europe"),
            "region derived from country"
        );

        // Listed and filterable, in HTML and JSON.
        let (_, html) = app
            .visitor()
            .get_text("/en/organisations?country=PRT")
            .await;
        assert!(html.contains("Ministry of Labour"));
        let (_, html) = app
            .visitor()
            .get_text("/en/organisations?kind=academia")
            .await;
        assert!(!html.contains("Ministry of Labour"));
        assert_eq!(
            app.visitor()
                .get("/en/organisations?country=ZZZ")
                .await
                .status()
                .as_u16(),
            400
        );
        let (status, list) = app.get_json("/api/v1/organisations?country=PRT").await;
        assert_eq!(status, 200);
        assert_eq!(list["total"], 1);
        assert_eq!(list["items"][0]["region"], "039");

        // Invitation: mailed, accepted by the invited address only, with the invited role.
        let res = fp
            .post_form(
                &format!("/en/organisations/{id}/invite"),
                &[("email", "ed@example.org"), ("role", "editor")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303);
        let link = app.link_in_mail("ed@example.org", "/invitations/").await;
        let stranger = app.verified_user("stranger@example.org", "Sam").await;
        assert_eq!(stranger.post_form(&link, &[]).await.status().as_u16(), 403);
        let ed = app.verified_user("ed@example.org", "Ed").await;
        let (status, html) = ed.get_text(&link).await;
        assert_eq!(status, 200);
        assert!(html.contains("Ministry of Labour"));
        assert_eq!(
            ed.post_form(&link, &[("role", "focal_point")])
                .await
                .status()
                .as_u16(),
            303
        );
        let me: serde_json::Value = ed.get("/api/v1/me").await.json().await.unwrap();
        assert_eq!(
            me["memberships"][0]["role"], "editor",
            "the role comes from the invitation"
        );
        assert_eq!(
            ed.post_form(&link, &[]).await.status().as_u16(),
            410,
            "an invitation works once"
        );

        // Request to join, approved by the focal point.
        let res = stranger
            .post_form(&format!("/en/organisations/{id}/join"), &[])
            .await;
        assert_eq!(res.status().as_u16(), 303);
        let (_, html) = fp.get_text(&format!("/en/organisations/{id}")).await;
        assert!(html.contains("stranger@example.org"));
        // An editor may not manage members, nor edit the organisation.
        let stranger_id = gcm_store::accounts::find_by_email(app.db(), "stranger@example.org")
            .await
            .unwrap()
            .unwrap()
            .id;
        let res = ed
            .post_form(
                &format!("/en/organisations/{id}/members/{stranger_id}"),
                &[("op", "set"), ("role", "member")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 403);
        assert_eq!(
            ed.get(&format!("/en/organisations/{id}/edit"))
                .await
                .status()
                .as_u16(),
            403
        );
        let res = fp
            .post_form(
                &format!("/en/organisations/{id}/members/{stranger_id}"),
                &[("op", "set"), ("role", "member")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303);
        let me: serde_json::Value = stranger.get("/api/v1/me").await.json().await.unwrap();
        assert_eq!(me["memberships"][0]["role"], "member");

        // The last focal point cannot leave the organisation without one.
        let fp_id = gcm_store::accounts::find_by_email(app.db(), "fp@example.org")
            .await
            .unwrap()
            .unwrap()
            .id;
        let res = fp
            .post_form(
                &format!("/en/organisations/{id}/members/{fp_id}"),
                &[("op", "remove")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 409);

        // Editing by the focal point is audited with before and after.
        let res = fp
            .post_form(
                &format!("/en/organisations/{id}/edit"),
                &[
                    ("name", "Ministry of Labour and Migration"),
                    ("kind", "member_state_government"),
                    ("country", "PRT"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303);
        let entries = gcm_store::audit::list(
            app.db(),
            &gcm_store::audit::Filter {
                action: Some("organisation.update".into()),
                ..Default::default()
            },
            None,
            10,
        )
        .await
        .unwrap();
        assert_eq!(entries.len(), 1);
        assert!(
            entries[0]
                .before_state
                .as_deref()
                .unwrap()
                .contains("Ministry of Labour\"")
        );
        assert!(
            entries[0]
                .after_state
                .as_deref()
                .unwrap()
                .contains("and Migration")
        );
    }
);

db_test!(organisations_api, |app: TestApp| async move {
    let v = app.verified_user("api@example.org", "Api").await;
    let secret = v.create_token("w", "write").await;
    let api = reqwest::Client::new();
    let res = api
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(&secret)
        .json(&serde_json::json!({"name": "Diaspora Network", "kind": "migrant_or_diaspora_organisation", "country": "phl"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 201);
    let org: serde_json::Value = res.json().await.unwrap();
    assert_eq!(org["country"], "PHL");
    let (status, got) = app
        .get_json(&format!(
            "/api/v1/organisations/{}",
            org["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(status, 200);
    assert_eq!(got["name"], "Diaspora Network");
    let res = api
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(&secret)
        .json(&serde_json::json!({"name": "X", "kind": "club"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    let e: serde_json::Value = res.json().await.unwrap();
    assert_eq!(e["error"]["details"]["field"], "kind");
    let res = reqwest::Client::new()
        .post(app.url("/api/v1/organisations"))
        .json(&serde_json::json!({"name": "X", "kind": "academia"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 401);
    assert_eq!(app.get_json("/api/v1/organisations/nope").await.0, 404);
});
