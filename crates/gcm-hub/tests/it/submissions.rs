//! Submitting practices and peer review, end to end over HTTP on both databases: the
//! multi-step form with drafts, attachments, permissions on drafts and reviews, a revision
//! round, a tie-break, the decision, and the published practice in explore, feed and exports.

use reqwest::Method;
use serde_json::{Value, json};

use crate::harness::{TestApp, Visitor};
use crate::orgs::create_org;

/// A JSON call with the visitor's session and CSRF token.
pub async fn call(v: &Visitor, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
    let csrf = v.csrf().await;
    let mut req = v
        .client
        .request(method, v.url(path))
        .header("x-csrf-token", csrf);
    if let Some(b) = body {
        req = req.json(&b);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// Gives `email` a platform role through the administration page.
pub async fn grant(app: &TestApp, admin: &Visitor, email: &str, role: &str) {
    let id = gcm_store::accounts::find_by_email(app.db(), email)
        .await
        .unwrap()
        .unwrap()
        .id;
    let res = admin
        .post_form(&format!("/en/admin/users/{id}/roles"), &[("role", role)])
        .await;
    assert_eq!(res.status().as_u16(), 303);
}

pub fn user_id_of(app: &TestApp, email: &str) -> impl std::future::Future<Output = String> {
    let db = app.db().clone();
    let email = email.to_string();
    async move {
        gcm_store::accounts::find_by_email(&db, &email)
            .await
            .unwrap()
            .unwrap()
            .id
    }
}

/// Uploads a file to a draft through the multipart form (CSRF token in the query string).
pub async fn upload(v: &Visitor, id: &str, name: &str, bytes: Vec<u8>) -> reqwest::Response {
    let csrf = v.csrf().await;
    let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_string());
    let form = reqwest::multipart::Form::new().part("file", part);
    v.client
        .post(v.url(&format!("/en/practices/{id}/attachments?csrf_token={csrf}")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// Everyone the review needs: a submitting organisation, peer reviewers (one from a UN entity,
/// three external, one belonging to the submitting organisation) and the secretariat.
pub struct Cast {
    pub admin: Visitor,
    pub submitter: Visitor,
    pub org: String,
    pub other_fp: Visitor,
    pub un: Visitor,
    pub ext1: Visitor,
    pub ext2: Visitor,
    pub ext3: Visitor,
    pub insider: Visitor,
    pub secretariat: Visitor,
}

pub async fn cast(app: &TestApp) -> Cast {
    let admin = app.admin().await;
    let submitter = app
        .verified_user("fp@city.example", "Focal Point City")
        .await;
    let org = create_org(&submitter, "City of Lisbon", "local_authority", "PRT").await;
    let other_fp = app.verified_user("fp@other.example", "Other Focal").await;
    create_org(&other_fp, "Other Org", "academia", "CHL").await;
    let un = app.verified_user("un@iom.example", "UN Reviewer").await;
    create_org(&un, "IOM", "un_entity", "CHE").await;
    let ext1 = app.verified_user("ext1@uni.example", "External One").await;
    let ext2 = app.verified_user("ext2@ngo.example", "External Two").await;
    let ext3 = app
        .verified_user("ext3@ngo.example", "External Three")
        .await;
    // A reviewer who works for the submitting organisation.
    let insider = app.verified_user("insider@city.example", "Insider").await;
    submitter
        .post_form(
            &format!("/en/organisations/{org}/invite"),
            &[("email", "insider@city.example"), ("role", "member")],
        )
        .await;
    let link = app
        .link_in_mail("insider@city.example", "/invitations/")
        .await;
    assert_eq!(insider.post_form(&link, &[]).await.status().as_u16(), 303);
    let secretariat = app.verified_user("sec@un.example", "Secretariat").await;
    for email in [
        "un@iom.example",
        "ext1@uni.example",
        "ext2@ngo.example",
        "ext3@ngo.example",
        "insider@city.example",
    ] {
        grant(app, &admin, email, "reviewer").await;
    }
    grant(app, &admin, "sec@un.example", "secretariat").await;
    Cast {
        admin,
        submitter,
        org,
        other_fp,
        un,
        ext1,
        ext2,
        ext3,
        insider,
        secretariat,
    }
}

fn location(res: &reqwest::Response) -> String {
    res.headers()["location"].to_str().unwrap().to_string()
}

/// Drafts a complete practice through the form, step by step; returns its id.
pub async fn draft_through_form(v: &Visitor, org: &str) -> String {
    let res = v
        .post_form(
            "/en/practices/new",
            &[
                ("org_id", org),
                ("original_lang", "en"),
                ("title", "One-stop support centres for migrants"),
                ("summary", "Municipal centres bringing services together."),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    let to = location(&res);
    assert!(to.ends_with("/edit?step=compact"), "{to}");
    let id = to.split('/').nth(3).unwrap().to_string();
    let steps: [(&str, Vec<(&str, &str)>); 3] = [
        (
            "compact",
            vec![
                ("objective", "16"),
                ("action", "gcm:obj:16:c"),
                ("principle", "whole-of-government"),
                (
                    "principle_note_whole-of-government",
                    "Nine ministries share one desk.",
                ),
                ("theme", "local_governance"),
            ],
        ),
        (
            "place",
            vec![
                ("scope", "local"),
                ("country", "PRT"),
                ("stakeholder", "local_authority"),
                ("partners", "High Commission for Migration"),
                ("start_year", "2004"),
                ("progress", "ongoing"),
                ("languages", "pt en"),
            ],
        ),
        (
            "details",
            vec![
                (
                    "description",
                    "The centres gather immigration, labour and health services.",
                ),
                ("results", "Served 2,000 people a month in 2018."),
                ("link", "https://www.example.org/centres"),
            ],
        ),
    ];
    for (step, fields) in steps {
        let mut fields = fields;
        fields.push(("go", "next"));
        let res = v
            .post_form(&format!("/en/practices/{id}/edit?step={step}"), &fields)
            .await;
        assert_eq!(
            res.status().as_u16(),
            303,
            "step {step}: {}",
            res.text().await.unwrap()
        );
    }
    id
}

db_test!(
    the_full_life_cycle_of_a_submitted_practice,
    |app: TestApp| async move {
        let c = cast(&app).await;
        let id = draft_through_form(&c.submitter, &c.org).await;

        // A draft is saved and can be completed later: it is on "My submissions".
        let (s, mine) = c.submitter.get_text("/en/practices/mine").await;
        assert_eq!(s, 200);
        assert!(mine.contains("One-stop support centres for migrants"));
        // Its page shows the status to the submitter only.
        let (s, page) = c.submitter.get_text(&format!("/en/practices/{id}")).await;
        assert_eq!(s, 200);
        assert!(page.contains("Draft"));
        for v in [&app.visitor(), &c.other_fp, &c.un] {
            assert_eq!(v.get(&format!("/en/practices/{id}")).await.status(), 404);
        }
        let (_, json) = app.get_json(&format!("/api/v1/practices/{id}")).await;
        assert_eq!(json["error"]["code"], "not_found");

        // Attachments: one accepted; wrong type, disguised type and oversize refused.
        let pdf = b"%PDF-1.7\n1 0 obj\n".to_vec();
        let res = upload(&c.submitter, &id, "evaluation.pdf", pdf.clone()).await;
        assert_eq!(res.status().as_u16(), 303);
        let res = upload(&c.submitter, &id, "tool.exe", b"MZ\x90\x00".to_vec()).await;
        assert_eq!(res.status().as_u16(), 415);
        assert!(res.text().await.unwrap().contains("not accepted"));
        let res = upload(&c.submitter, &id, "report.pdf", b"MZ\x90\x00".to_vec()).await;
        assert_eq!(res.status().as_u16(), 415);
        let big = vec![b'a'; gcm_core::practices::MAX_ATTACHMENT_BYTES + 10];
        let res = upload(&c.submitter, &id, "big.txt", big).await;
        assert_eq!(res.status().as_u16(), 413);
        let files = gcm_store::submissions::attachments(app.db(), &id)
            .await
            .unwrap();
        assert_eq!(files.len(), 1);
        let file = c
            .submitter
            .get(&format!("/en/practices/{id}/attachments/{}", files[0].id))
            .await;
        assert_eq!(file.status(), 200);
        assert!(
            file.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment")
        );
        assert_eq!(file.bytes().await.unwrap().to_vec(), pdf);
        assert_eq!(
            app.visitor()
                .get(&format!("/en/practices/{id}/attachments/{}", files[0].id))
                .await
                .status(),
            404
        );

        // Bad input on a step: an unknown objective is refused naming the field; nothing saved
        // before is lost.
        let res = c
            .submitter
            .post_form(
                &format!("/en/practices/{id}/edit?step=compact"),
                &[("objective", "24"), ("go", "next")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 422);
        assert!(res.text().await.unwrap().contains("GCM objectives"));
        let p = gcm_store::practices::get(app.db(), &id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(p.objectives(), vec![16]);
        assert_eq!(p.countries, vec!["PRT"]);

        // Submit; the secretariat assigns reviewers, never one from the submitting organisation.
        let res = c
            .submitter
            .post_form(&format!("/en/practices/{id}/submit"), &[])
            .await;
        assert_eq!(res.status().as_u16(), 303);
        // Once submitted the organisation can no longer edit it.
        let res = c
            .submitter
            .post_form(
                &format!("/en/practices/{id}/edit?step=details"),
                &[("results", "x")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 409);
        let insider = user_id_of(&app, "insider@city.example").await;
        let res = c
            .secretariat
            .post_form(
                &format!("/en/practices/{id}/reviewers"),
                &[("reviewer_id", &insider)],
            )
            .await;
        assert_eq!(res.status().as_u16(), 422);
        assert!(res.text().await.unwrap().contains("own organisation"));
        for email in ["un@iom.example", "ext1@uni.example", "ext2@ngo.example"] {
            let uid = user_id_of(&app, email).await;
            let (s, _) = call(
                &c.secretariat,
                Method::POST,
                &format!("/api/v1/practices/{id}/reviewers"),
                Some(json!({ "reviewer_id": uid })),
            )
            .await;
            assert_eq!(s, 201, "{email}");
        }
        let (s, _) = call(
            &c.secretariat,
            Method::POST,
            &format!("/api/v1/practices/{id}/reviewers"),
            Some(json!({ "reviewer_id": user_id_of(&app, "un@iom.example").await })),
        )
        .await;
        assert_eq!(s, 409, "assigned twice");
        let mails = app.mail_to("un@iom.example").await;
        assert!(
            mails
                .iter()
                .any(|m| m.subject.starts_with("Peer review requested")
                    && m.body.contains(&format!("/practices/{id}/review")))
        );

        // Reviewers see what they are assigned, and only their own reviews.
        assert_eq!(c.un.get(&format!("/en/practices/{id}")).await.status(), 200);
        assert_eq!(
            c.ext3
                .get(&format!("/en/practices/{id}/review"))
                .await
                .status(),
            404
        );
        let (s, mine) = call(&c.ext1, Method::GET, "/api/v1/reviews", None).await;
        assert_eq!(s, 200);
        assert_eq!(mine.as_array().unwrap().len(), 1);
        let (_, of) = call(
            &c.ext1,
            Method::GET,
            &format!("/api/v1/practices/{id}/reviews"),
            None,
        )
        .await;
        assert_eq!(of["reviews"].as_array().unwrap().len(), 1);
        let (_, of) = call(
            &c.secretariat,
            Method::GET,
            &format!("/api/v1/practices/{id}/reviews"),
            None,
        )
        .await;
        assert_eq!(of["reviews"].as_array().unwrap().len(), 3);
        assert_eq!(of["reviews"][0]["reviewer_kind"], "un");

        // A reviewer asks for a revision; the submitter sees the request and revises.
        let review_of = |v: &Value| v[0]["id"].as_str().unwrap().to_string();
        let res = c
            .ext1
            .post_form(
                &format!("/en/practices/{id}/revision-request"),
                &[("note", "Please give figures for 2019 and 2020.")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303);
        let (_, page) = c.submitter.get_text(&format!("/en/practices/{id}")).await;
        assert!(page.contains("Please give figures for 2019 and 2020."));
        assert!(!page.contains("External One"), "reviewers stay anonymous");
        let res = c
            .submitter
            .post_form(
                &format!("/en/practices/{id}/edit?step=details"),
                &[
                    (
                        "description",
                        "The centres gather immigration, labour and health services.",
                    ),
                    (
                        "results",
                        "Served 2,000 people a month in 2018, 2,400 in 2019 and 2,100 in 2020.",
                    ),
                    ("link", "https://www.example.org/centres"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303);
        let (s, status) = call(
            &c.submitter,
            Method::POST,
            &format!("/api/v1/practices/{id}/submit"),
            None,
        )
        .await;
        assert_eq!(s, 200, "{status}");
        assert_eq!(status["status"], "in_review");
        assert_eq!(status["review_round"], 2);

        // The revision is kept and diffable.
        let (s, diff) = call(
            &c.ext1,
            Method::GET,
            &format!("/api/v1/practices/{id}/revisions"),
            None,
        )
        .await;
        assert_eq!(s, 200);
        let changed: Vec<&str> = diff["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["field"].as_str().unwrap())
            .collect();
        assert_eq!(changed, ["results[en]"]);
        let (s, page) = c
            .submitter
            .get_text(&format!("/en/practices/{id}/revisions"))
            .await;
        assert_eq!(s, 200);
        assert!(page.contains("<ins>"));
        assert_eq!(
            app.visitor()
                .get(&format!("/en/practices/{id}/revisions"))
                .await
                .status(),
            404
        );

        // Round 2: the reviewers score; a wide disagreement pulls in a further reviewer.
        let score = |n: u8| {
            json!({
                "scores": {"relevance": n, "principles": n, "evidence": n, "replicability": n,
                           "innovation": n, "sustainability": n},
                "comment": format!("Scored {n} throughout."),
                "recommendation": if n >= 3 { "publish" } else { "reject" }
            })
        };
        let mut outcomes = Vec::new();
        for (v, n) in [(&c.un, 5u8), (&c.ext1, 5), (&c.ext2, 1)] {
            let (_, mine) = call(v, Method::GET, "/api/v1/reviews", None).await;
            let rid = review_of(&mine);
            let (s, out) = call(
                v,
                Method::POST,
                &format!("/api/v1/reviews/{rid}"),
                Some(score(n)),
            )
            .await;
            assert_eq!(s, 200, "{out}");
            outcomes.push(out["outcome"].as_str().unwrap().to_string());
        }
        assert_eq!(outcomes, ["recorded", "recorded", "tie_break_assigned"]);
        // Missing scores are refused naming the criterion.
        let (s, err) = call(
            &c.ext2,
            Method::POST,
            &format!(
                "/api/v1/reviews/{}",
                review_of(&call(&c.ext2, Method::GET, "/api/v1/reviews", None).await.1)
            ),
            Some(json!({"scores": {"relevance": 3}, "comment": "x", "recommendation": "publish"})),
        )
        .await;
        assert!(s == 409 || s == 422, "{err}");
        // Publishing waits for the tie-break.
        let (s, err) = call(
            &c.secretariat,
            Method::POST,
            &format!("/api/v1/practices/{id}/decision"),
            Some(json!({"decision": "publish", "reasons": "Strong reviews."})),
        )
        .await;
        assert_eq!(s, 409, "{err}");
        assert_eq!(err["error"]["code"], "review_not_ready");
        let (_, tb) = call(&c.ext3, Method::GET, "/api/v1/reviews", None).await;
        assert_eq!(tb[0]["tie_break"], true);
        let (s, _) = call(
            &c.ext3,
            Method::POST,
            &format!("/api/v1/reviews/{}", review_of(&tb)),
            Some(score(4)),
        )
        .await;
        assert_eq!(s, 200);

        // The decision, with reasons the submitter sees.
        let res = c
            .secretariat
            .post_form(
                &format!("/en/practices/{id}/decision"),
                &[
                    ("decision", "publish"),
                    ("reasons", "Three of four reviewers rate it highly."),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303);
        let (_, status) = call(
            &c.submitter,
            Method::GET,
            &format!("/api/v1/practices/{id}/submission"),
            None,
        )
        .await;
        assert_eq!(status["status"], "published");
        assert!(
            app.mail_to("fp@city.example")
                .await
                .iter()
                .any(|m| m.subject.starts_with("Decision on your practice"))
        );
        let kinds: Vec<&str> = status["history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["kind"].as_str().unwrap())
            .collect();
        assert!(kinds.contains(&"revision_requested"));
        assert!(kinds.contains(&"decision_publish"));
        assert!(
            status["history"]
                .as_array()
                .unwrap()
                .iter()
                .all(|e| e["by_user"].is_null())
        );

        // Published: in explore, map, API, feed and exports, marked peer-reviewed.
        let anon = app.visitor();
        let (_, list) = anon
            .get_text("/en/practices?objective=16&country=PRT")
            .await;
        assert!(list.contains("One-stop support centres for migrants"));
        let (_, page) = anon.get_text(&format!("/en/practices/{id}")).await;
        assert!(page.contains("Peer-reviewed") || page.contains("peer-reviewed"));
        assert!(page.contains("evaluation.pdf"));
        assert!(!page.contains("Focal Point City"));
        let (_, csv) = anon.get_text("/data/practices.csv").await;
        assert!(csv.contains("One-stop support centres for migrants"));
        assert!(!csv.contains("fp@city.example"));
        let (_, atom) = anon.get_text("/data/practices.atom").await;
        assert!(atom.contains("One-stop support centres for migrants"));
        let (_, map) = anon.get_text("/en/practices/map").await;
        assert!(map.contains("Portugal"));
        let (_, api) = app.get_json(&format!("/api/v1/practices/{id}")).await;
        assert_eq!(api["peer_reviewed"], true);
        assert_eq!(api["principles"][0]["slug"], "whole-of-government");
        assert_eq!(
            api["principles"][0]["how"],
            "Nine ministries share one desk."
        );
        assert_eq!(api["languages"], json!(["pt", "en"]));
        assert!(api.get("focal_point_email").is_none());

        // Every step is in the audit log.
        let entries = gcm_store::audit::list(
            app.db(),
            &gcm_store::audit::Filter {
                entity_id: Some(id.clone()),
                ..Default::default()
            },
            None,
            200,
        )
        .await
        .unwrap();
        let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
        for a in [
            "practice.create",
            "practice.update",
            "practice.attachment.add",
            "practice.submit",
            "review.assign",
            "practice.revision_request",
            "review.submit",
            "practice.decision",
        ] {
            assert!(actions.contains(&a), "{a} missing from {actions:?}");
        }
        let _ = &c.admin;
    }
);

db_test!(
    drafts_need_their_mandatory_fields_and_stay_private,
    |app: TestApp| async move {
        let c = cast(&app).await;
        // Through the API: a draft with only a title.
        let (s, draft) = call(
            &c.submitter,
            Method::POST,
            "/api/v1/practices",
            Some(json!({"org_id": c.org, "title": "Mobile legal clinics", "objectives": [16]})),
        )
        .await;
        assert_eq!(s, 201, "{draft}");
        let id = draft["id"].as_str().unwrap().to_string();
        assert!(
            draft["missing"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m == "summary")
        );
        let (s, err) = call(
            &c.submitter,
            Method::POST,
            &format!("/api/v1/practices/{id}/submit"),
            None,
        )
        .await;
        assert_eq!(s, 422);
        assert_eq!(err["error"]["code"], "practice_incomplete");
        assert!(
            err["error"]["details"]["missing"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m == "results")
        );
        // Unknown objective and country: 422 naming the field, the draft unchanged.
        for (body, field) in [
            (json!({"objectives": [24]}), "objectives"),
            (json!({"countries": ["XXX"]}), "countries"),
            (json!({"link": "javascript:alert(1)"}), "link"),
            (json!({"start_year": 2020, "end_year": 2010}), "end_year"),
        ] {
            let (s, err) = call(
                &c.submitter,
                Method::PATCH,
                &format!("/api/v1/practices/{id}"),
                Some(body),
            )
            .await;
            assert_eq!(s, 422, "{err}");
            assert_eq!(err["error"]["details"]["field"], field);
        }
        let p = gcm_store::practices::get(app.db(), &id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(p.objectives(), vec![16]);
        assert!(p.countries.is_empty());
        // Another organisation cannot edit or read it; a member without editor rights cannot
        // submit for the organisation.
        let (s, _) = call(
            &c.other_fp,
            Method::PATCH,
            &format!("/api/v1/practices/{id}"),
            Some(json!({"title": "Taken over"})),
        )
        .await;
        assert_eq!(s, 404);
        let (s, _) = call(
            &c.insider,
            Method::POST,
            "/api/v1/practices",
            Some(json!({"org_id": c.org, "title": "x"})),
        )
        .await;
        assert_eq!(s, 403);
        let (s, _) = call(
            &c.other_fp,
            Method::GET,
            &format!("/api/v1/practices/{id}/submission"),
            None,
        )
        .await;
        assert_eq!(s, 404);
        // On behalf of another organisation: its focal point must be named.
        let (s, err) = call(
            &c.submitter,
            Method::PATCH,
            &format!("/api/v1/practices/{id}"),
            Some(json!({"on_behalf": true, "implementer": "Parish of Arroios"})),
        )
        .await;
        assert_eq!(s, 422);
        assert_eq!(err["error"]["details"]["field"], "focal_point");
        let (s, ok) = call(
            &c.submitter,
            Method::PATCH,
            &format!("/api/v1/practices/{id}"),
            Some(
                json!({"on_behalf": true, "implementer": "Parish of Arroios",
                    "focal_point_name": "Ana Silva", "focal_point_email": "ana@arroios.example"}),
            ),
        )
        .await;
        assert_eq!(s, 200, "{ok}");
        // Translations: through the API (by a machine translator, say) and through the form.
        let (s, _) = call(
        &c.submitter,
        Method::PATCH,
        &format!("/api/v1/practices/{id}"),
        Some(json!({"translations": [
            {"field": "title", "lang": "fr", "text": "Cliniques juridiques mobiles", "origin": "machine"}
        ]})),
    )
    .await;
        assert_eq!(s, 200);
        let (s, err) = call(
            &c.submitter,
            Method::PATCH,
            &format!("/api/v1/practices/{id}"),
            Some(json!({"translations": [{"field": "password", "lang": "fr", "text": "x"}]})),
        )
        .await;
        assert_eq!(s, 422);
        assert_eq!(err["error"]["details"]["field"], "translations");
        let res = c
            .submitter
            .post_form(
                &format!("/en/practices/{id}/edit?step=details"),
                &[
                    ("text_lang", "fr"),
                    ("description", "Des juristes se rendent dans les quartiers."),
                    ("go", "next"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303);
        let p = gcm_store::practices::get(app.db(), &id)
            .await
            .unwrap()
            .unwrap();
        let fr_title = p.text("title", "fr").unwrap();
        assert_eq!(
            (fr_title.lang.as_str(), fr_title.origin.as_str()),
            ("fr", "machine")
        );
        assert_eq!(
            p.text("description", "fr").unwrap().text,
            "Des juristes se rendent dans les quartiers."
        );
        assert_eq!(p.text("title", "en").unwrap().text, "Mobile legal clinics");
        let (_, page) = c
            .submitter
            .get_text(&format!(
                "/en/practices/{id}/edit?step=details&text_lang=fr"
            ))
            .await;
        assert!(page.contains("Des juristes se rendent dans les quartiers."));

        // The form shows a missing field as a link to its step.
        let (_, page) = c
            .submitter
            .get_text(&format!("/en/practices/{id}/edit?step=submit"))
            .await;
        assert!(page.contains("step=details"));
        // Reviewers and the public see nothing of drafts.
        let (_, csv) = app.visitor().get_text("/data/practices.csv").await;
        assert!(!csv.contains("Mobile legal clinics"));
        assert_eq!(c.un.get(&format!("/en/practices/{id}")).await.status(), 404);
        // Deciding a draft is not possible.
        let (s, _) = call(
            &c.secretariat,
            Method::POST,
            &format!("/api/v1/practices/{id}/decision"),
            Some(json!({"decision": "publish", "reasons": "x"})),
        )
        .await;
        assert_eq!(s, 409);
        let (s, _) = call(
            &c.secretariat,
            Method::POST,
            &format!("/api/v1/practices/{id}/decision"),
            Some(json!({"decision": "maybe", "reasons": "x"})),
        )
        .await;
        assert_eq!(s, 422);
    }
);

db_test!(
    a_conflict_of_interest_takes_the_reviewer_out,
    |app: TestApp| async move {
        let c = cast(&app).await;
        let id = draft_through_form(&c.submitter, &c.org).await;
        let res = c
            .submitter
            .post_form(&format!("/en/practices/{id}/submit"), &[])
            .await;
        assert_eq!(res.status().as_u16(), 303);
        let ext1 = user_id_of(&app, "ext1@uni.example").await;
        call(
            &c.secretariat,
            Method::POST,
            &format!("/api/v1/practices/{id}/reviewers"),
            Some(json!({ "reviewer_id": ext1 })),
        )
        .await;
        let (_, mine) = call(&c.ext1, Method::GET, "/api/v1/reviews", None).await;
        let rid = mine[0]["id"].as_str().unwrap().to_string();
        let (s, _) = call(
            &c.ext1,
            Method::POST,
            &format!("/api/v1/reviews/{rid}/conflict"),
            Some(json!({"note": ""})),
        )
        .await;
        assert_eq!(s, 422);
        let res = c
            .ext1
            .post_form(
                &format!("/en/reviews/{rid}/conflict"),
                &[("note", "I advised the city on this programme.")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303);
        // Stepped out: no scoring, and the practice is no longer theirs to read.
        let (s, _) = call(
            &c.ext1,
            Method::POST,
            &format!("/api/v1/reviews/{rid}"),
            Some(json!({"scores": {}, "comment": "x", "recommendation": "publish"})),
        )
        .await;
        assert!(s == 409 || s == 422);
        assert_eq!(
            c.ext1.get(&format!("/en/practices/{id}")).await.status(),
            404
        );
        // Someone else's assignment cannot be used.
        let (s, _) = call(
            &c.ext2,
            Method::POST,
            &format!("/api/v1/reviews/{rid}/conflict"),
            Some(json!({"note": "x"})),
        )
        .await;
        assert_eq!(s, 404);
    }
);
