//! The hub's partner side: a focal point keeps its organisation's partner profile (form and
//! API; bad codes refused, nothing saved), publishes and closes offers (filters, matched
//! requests, open data), and the secretariat and the requesting organisation see ranked
//! suggestions with reasons, matching offers and funding for a request (everyone else 404).

use gcm_hub::hub_eval::{RequestSeed, insert_request};
use gcm_store::audit::Actor;
use gcm_store::hub_partners::{self, OfferInput};

use crate::authz::{Case, case};
use crate::harness::{TestApp, Visitor, html};
use crate::orgs::create_org;

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(app.db().pool())
        .await
        .unwrap()
}

async fn put_json(v: &Visitor, path: &str, body: serde_json::Value) -> reqwest::Response {
    let csrf = v.csrf().await;
    v.client
        .put(v.url(path))
        .header("x-csrf-token", csrf)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn post_json(v: &Visitor, path: &str, body: serde_json::Value) -> reqwest::Response {
    let csrf = v.csrf().await;
    v.client
        .post(v.url(path))
        .header("x-csrf-token", csrf)
        .json(&body)
        .send()
        .await
        .unwrap()
}

/// A public request of `org_id` for Senegal on objectives 21 and 7, technical and financial
/// support, in French, USD 800 000.
pub async fn senegal_request(app: &TestApp, org_id: &str, public: bool) -> String {
    insert_request(
        app.db(),
        org_id,
        &RequestSeed {
            key: "sen".into(),
            title: "Appui à la réintégration des migrants de retour".into(),
            lang: "fr".into(),
            org: org_id.into(),
            country: "SN".into(),
            objectives: vec![21, 7],
            support_kinds: vec!["technical".into(), "financial".into()],
            languages: vec!["fr".into()],
            budget_usd: Some(800_000),
            is_public: public,
            ..RequestSeed::default()
        },
    )
    .await
    .unwrap()
}

fn profile_form(countries: &str) -> Vec<(&str, &str)> {
    vec![
        ("summary", "Reintegration advice in West Africa."),
        ("expertise-21", "3"),
        ("expertise-7", "2"),
        ("countries", countries),
        ("region", "011"),
        ("staff_range", "up_to_250"),
        ("budget_range", "up_to_10m"),
        ("languages", "fr en"),
        ("priority_objective", "21"),
        ("priority_region", "002"),
        ("priority_ceiling", "1000000"),
        ("priority_note", "Reintegration grants"),
    ]
}

db_test!(
    a_focal_point_keeps_the_partner_profile,
    |app: TestApp| async move {
        let fp = app.verified_user("fp@example.org", "Focal").await;
        let org = create_org(
            &fp,
            "Réseau Migration et Développement",
            "civil_society",
            "SEN",
        )
        .await;
        let other = app.verified_user("other@example.org", "Other").await;

        // Before anything is declared, the profile says so.
        let (status, page) = app.get_text(&format!("/en/hub/partners/{org}")).await;
        assert_eq!(status, 200);
        assert!(page.contains("has not filled in its partner profile"));

        // A bad country is refused, names the field, and saves nothing.
        let res = fp
            .post_form(
                &format!("/en/hub/partners/{org}/edit"),
                &profile_form("SEN XXX"),
            )
            .await;
        assert_eq!(res.status().as_u16(), 422);
        let body = res.text().await.unwrap();
        assert!(
            body.contains(&html("A country is not a known ISO code")),
            "{body}"
        );
        assert!(body.contains("value=\"SEN XXX\""), "what was typed stays");
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM partner_profiles").await,
            0
        );
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM partner_expertise").await,
            0
        );

        // Saved with expertise, presence, capacity and a funding priority.
        let res = fp
            .post_form(
                &format!("/en/hub/partners/{org}/edit"),
                &profile_form("SEN mli"),
            )
            .await;
        assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
        let (_, page) = app.get_text(&format!("/fr/hub/partners/{org}")).await;
        assert!(page.contains("Cœur du mandat"), "{page}");
        assert!(page.contains("Sénégal"));
        assert!(page.contains("51 à 250 personnes"));
        let (status, json) = app.get_json(&format!("/api/v1/hub/partners/{org}")).await;
        assert_eq!(status, 200);
        assert_eq!(json["declared"], true);
        assert_eq!(
            json["presence"]["countries"],
            serde_json::json!(["MLI", "SEN"])
        );
        assert_eq!(json["presence"]["regions"], serde_json::json!(["011"]));
        assert_eq!(
            json["expertise"],
            serde_json::json!([{"objective": 7, "level": 2}, {"objective": 21, "level": 3}])
        );
        assert_eq!(json["priorities"][0]["ceiling_usd"], 1_000_000);
        assert_eq!(json["languages"], serde_json::json!(["en", "fr"]));
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM audit_log WHERE action = 'partner_profile.update'"
            )
            .await,
            1
        );

        // The directory filters by objective, country (through a region) and region.
        let (_, list) = app.get_json("/api/v1/hub/partners?objective=21").await;
        assert_eq!(list["total"], 1);
        let (_, list) = app.get_json("/api/v1/hub/partners?objective=5").await;
        assert_eq!(list["total"], 0);
        let (_, list) = app.get_json("/api/v1/hub/partners?country=GHA").await;
        assert_eq!(
            list["total"], 1,
            "present in Western Africa, which holds Ghana"
        );
        let (_, list) = app.get_json("/api/v1/hub/partners?region=150").await;
        assert_eq!(list["total"], 0);
        assert_eq!(
            app.get_json("/api/v1/hub/partners?country=XX1").await.0,
            400
        );
        let (status, page) = app.get_text("/nb/hub/partners?objective=21").await;
        assert_eq!(status, 200);
        assert!(page.contains("Réseau Migration et Développement"));

        // The API: others may not write; bad input is 422 naming the field; nothing changes.
        let body = serde_json::json!({"expertise": [{"objective": 24, "level": 1}]});
        let path = format!("/api/v1/hub/partners/{org}");
        assert_eq!(
            put_json(&other, &path, body.clone())
                .await
                .status()
                .as_u16(),
            403
        );
        assert_eq!(
            put_json(&app.visitor(), &path, body.clone())
                .await
                .status()
                .as_u16(),
            401
        );
        let res = put_json(&fp, &path, body).await;
        assert_eq!(res.status().as_u16(), 422);
        let err: serde_json::Value = res.json().await.unwrap();
        assert_eq!(err["error"]["details"]["field"], "expertise");
        let res = put_json(
            &fp,
            &path,
            serde_json::json!({"regions": ["999"], "countries": ["SEN"]}),
        )
        .await;
        assert_eq!(res.status().as_u16(), 422);
        let (_, json) = app.get_json(&path).await;
        assert_eq!(json["presence"]["regions"], serde_json::json!(["011"]));
        let res = put_json(
            &fp,
            &path,
            serde_json::json!({"expertise": [{"objective": 10, "level": 1}], "languages": ["fr"]}),
        )
        .await;
        assert_eq!(res.status().as_u16(), 200);
        let json: serde_json::Value = res.json().await.unwrap();
        assert_eq!(
            json["expertise"],
            serde_json::json!([{"objective": 10, "level": 1}])
        );
        assert_eq!(json["presence"]["countries"], serde_json::json!([]));
        assert_eq!(app.get_json("/api/v1/hub/partners/nope").await.0, 404);
        assert_eq!(
            app.get("/en/hub/partners/nope").await.status().as_u16(),
            404
        );
    }
);

fn offer_form<'a>(org: &'a str, title: &'a str, objective: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("org_id", org),
        ("support_kind", "technical"),
        ("title", title),
        (
            "description",
            "Training for ministries on negotiating bilateral labour migration agreements.",
        ),
        ("lang", "fr"),
        ("objective", objective),
        ("countries", ""),
        ("region", "011"),
        ("languages", "fr"),
    ]
}

db_test!(
    offers_are_published_matched_and_closed,
    |app: TestApp| async move {
        let admin = app.admin().await;
        let sec = crate::calls::secretariat(&app, &admin, "sec@example.org").await;
        let fp = app.verified_user("fp@example.org", "Focal").await;
        let org = create_org(&fp, "ICMPD", "intergovernmental_organisation", "AUT").await;
        let gov = app.verified_user("gov@example.org", "Gov").await;
        let gov_org = create_org(
            &gov,
            "Gouvernement du Sénégal",
            "member_state_government",
            "SEN",
        )
        .await;
        let public = senegal_request(&app, &gov_org, true).await;
        let private = senegal_request(&app, &gov_org, false).await;

        // The form, a refusal that saves nothing, then the offer.
        let (status, form) = fp.get_text("/en/hub/offers/new").await;
        assert_eq!(status, 200);
        assert!(form.contains("name=\"support_kind\""));
        let res = fp
            .post_form("/en/hub/offers", &offer_form(&org, "Formation", "24"))
            .await;
        assert_eq!(res.status().as_u16(), 422);
        assert!(
            res.text()
                .await
                .unwrap()
                .contains(&html("Choose at least one objective"))
        );
        let mut bad_place = offer_form(&org, "Formation", "21");
        bad_place[6] = ("countries", "Atlantis");
        assert_eq!(
            fp.post_form("/en/hub/offers", &bad_place)
                .await
                .status()
                .as_u16(),
            422
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM hub_offers").await, 0);
        let title = "Formation aux accords bilatéraux de migration de main-d'œuvre";
        let res = fp
            .post_form("/en/hub/offers", &offer_form(&org, title, "21"))
            .await;
        assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
        let location = res.headers()["location"].to_str().unwrap().to_string();
        let id = location.rsplit('/').next().unwrap().to_string();
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM audit_log WHERE action = 'hub_offer.create'"
            )
            .await,
            1
        );

        // Listed with filters; the page shows the public request it matches to everyone and
        // the private one only to the secretariat.
        let (_, list) = app
            .get_json("/api/v1/hub/offers?country=GHA&language=fr")
            .await;
        assert_eq!(list["total"], 1);
        // One offer, one page: a page past the end is empty and says how many there are.
        let (_, past) = app
            .get_json("/api/v1/hub/offers?language=fr&per_page=1&page=2")
            .await;
        assert_eq!(past["total"], 1);
        assert_eq!(past["items"].as_array().unwrap().len(), 0);
        assert!(past["next"].is_null());
        assert_eq!(app.get_json("/api/v1/hub/offers?per_page=500").await.0, 400);
        for q in ["kind=financial", "objective=5", "country=FRA", "region=150"] {
            let (_, list) = app.get_json(&format!("/api/v1/hub/offers?{q}")).await;
            assert_eq!(list["total"], 0, "{q}");
        }
        for q in [
            "kind=money",
            "objective=0",
            "country=XYZ",
            "region=abc",
            "status=x",
        ] {
            assert_eq!(
                app.get_json(&format!("/api/v1/hub/offers?{q}")).await.0,
                400,
                "{q}"
            );
        }
        let (_, page) = app.get_text(&location).await;
        assert!(page.contains(&html(title)));
        assert!(page.contains(&format!("/en/hub/requests/{public}")));
        assert!(!page.contains(&private));
        let (_, page) = sec.get_text(&location).await;
        assert!(page.contains(&private));
        let (_, matches) = app
            .get_json(&format!("/api/v1/hub/offers/{id}/requests"))
            .await;
        assert_eq!(matches["total"], 1);
        assert_eq!(
            matches["items"][0]["shared_objectives"],
            serde_json::json!([21])
        );

        // The API: publish needs the organisation's focal point or editor; 422 names the field.
        let body = serde_json::json!({"org_id": org, "support_kind": "financial", "title": "Grants",
            "lang": "en", "objectives": [21, 7], "ceiling_usd": 250000});
        assert_eq!(
            post_json(&gov, "/api/v1/hub/offers", body.clone())
                .await
                .status()
                .as_u16(),
            403
        );
        let mut bad = body.clone();
        bad["regions"] = serde_json::json!(["999"]);
        let res = post_json(&fp, "/api/v1/hub/offers", bad).await;
        assert_eq!(res.status().as_u16(), 422);
        let err: serde_json::Value = res.json().await.unwrap();
        assert_eq!(err["error"]["details"]["field"], "regions");
        let res = post_json(&fp, "/api/v1/hub/offers", body).await;
        assert_eq!(res.status().as_u16(), 201);
        let grant: serde_json::Value = res.json().await.unwrap();
        assert_eq!(grant["status"], "open");

        // Open data: every column documented, nothing private.
        let csv_body = app.get("/data/hub/offers.csv").await.text().await.unwrap();
        let mut rdr = csv::Reader::from_reader(csv_body.as_bytes());
        let headers: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
        assert_eq!(rdr.records().count(), 2);
        assert!(!csv_body.contains("fp@example.org"));
        let dictionary = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/DATA.md"),
        )
        .unwrap();
        let section = dictionary.split("/data/hub/offers.csv").nth(1).unwrap();
        for h in &headers {
            assert!(
                section.contains(&format!("| `{h}` |")),
                "column {h} is not in docs/DATA.md"
            );
        }
        let (_, json) = app.get_json("/data/hub/offers.json").await;
        assert_eq!(json.as_array().unwrap().len(), 2);
        assert!(json[0].get("created_by").is_none());

        // Closing: not by others; then the list hides it unless asked.
        let close = format!("/en/hub/offers/{id}/close");
        assert_eq!(gov.post_form(&close, &[]).await.status().as_u16(), 403);
        assert_eq!(fp.post_form(&close, &[]).await.status().as_u16(), 303);
        let (_, list) = app.get_json("/api/v1/hub/offers?kind=technical").await;
        assert_eq!(list["total"], 0);
        let (_, list) = app
            .get_json("/api/v1/hub/offers?kind=technical&status=all")
            .await;
        assert_eq!(list["items"][0]["status"], "closed");
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM audit_log WHERE action = 'hub_offer.close'"
            )
            .await,
            1
        );
        assert_eq!(app.get("/en/hub/offers/nope").await.status().as_u16(), 404);
        assert_eq!(app.get_json("/api/v1/hub/offers/nope").await.0, 404);
    }
);

db_test!(
    suggestions_and_funding_for_a_request,
    |app: TestApp| async move {
        let admin = app.admin().await;
        let sec = crate::calls::secretariat(&app, &admin, "sec@example.org").await;
        let gov = app.verified_user("gov@example.org", "Gov").await;
        let gov_org = create_org(
            &gov,
            "Gouvernement du Sénégal",
            "member_state_government",
            "SEN",
        )
        .await;
        let stranger = app.verified_user("x@example.org", "X").await;
        create_org(&stranger, "Elsewhere", "academia", "CHL").await;

        // Three partners: a national network (core mandate, in the country, French), a global
        // agency (some expertise, worldwide, English) and a donor with a stated priority.
        let mut partners = Vec::new();
        for (email, name, form) in [
            ("n@example.org", "REMIDEV", profile_form("SEN")),
            (
                "g@example.org",
                "Global Agency",
                vec![
                    ("expertise-21", "1"),
                    ("region", "001"),
                    ("languages", "en"),
                ],
            ),
            (
                "d@example.org",
                "Donor Agency",
                vec![
                    ("priority_objective", "7"),
                    ("priority_region", "011"),
                    ("priority_ceiling", "900000"),
                ],
            ),
        ] {
            let v = app.verified_user(email, name).await;
            let org = create_org(&v, name, "civil_society", "FRA").await;
            let res = v
                .post_form(&format!("/en/hub/partners/{org}/edit"), &form)
                .await;
            assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
            partners.push(org);
        }
        let (remidev, global, donor) = (&partners[0], &partners[1], &partners[2]);

        // The directory pages, in the API and on the page, keeping the filters.
        let (_, list) = app.get_json("/api/v1/hub/partners?per_page=2").await;
        assert_eq!(list["total"], 3);
        assert_eq!(list["items"].as_array().unwrap().len(), 2);
        assert_eq!(list["next"], "/api/v1/hub/partners?per_page=2&page=2");
        let (_, last) = app.get_json("/api/v1/hub/partners?per_page=2&page=2").await;
        assert_eq!(last["items"].as_array().unwrap().len(), 1);
        assert!(last["next"].is_null());
        assert_ne!(list["items"][0]["org_id"], last["items"][0]["org_id"]);
        for bad in ["per_page=0", "per_page=101", "page=0"] {
            assert_eq!(
                app.get_json(&format!("/api/v1/hub/partners?{bad}")).await.0,
                400,
                "{bad}"
            );
        }
        let (status, page) = app
            .visitor()
            .get_text("/fr/hub/partners?region=&per_page=1&page=2")
            .await;
        assert_eq!(status, 200);
        assert!(page.contains("Page 2 sur 3"));
        assert!(page.contains("href=\"/fr/hub/partners?per_page=1&#38;page=3\" rel=\"next\""));
        assert!(page.contains("href=\"/fr/hub/partners?per_page=1&#38;page=1\" rel=\"prev\""));
        let request = senegal_request(&app, &gov_org, false).await;

        // Ranked with reasons in words; the requester sees them, without invitation forms.
        let (status, json) = gov
            .client
            .get(gov.url(&format!("/api/v1/hub/requests/{request}/partners?lang=fr")))
            .send()
            .await
            .map(|r| (r.status().as_u16(), r))
            .unwrap();
        assert_eq!(status, 200);
        let json: serde_json::Value = json.json().await.unwrap();
        let ids: Vec<&str> = json["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["org_id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, [remidev.as_str(), global.as_str(), donor.as_str()]);
        let first = &json["items"][0];
        assert_eq!(first["role"], "lead");
        assert_eq!(first["factors"].as_array().unwrap().len(), 5);
        assert_eq!(first["factors"][1]["factor"], "presence");
        assert_eq!(first["factors"][1]["reason"], "Travaille dans le pays.");
        assert_eq!(json["items"][2]["role"], "funder");
        let (status, page) = gov
            .get_text(&format!("/en/hub/requests/{request}/suggestions"))
            .await;
        assert_eq!(status, 200);
        assert!(
            page.contains("Declares Core mandate on objective 21."),
            "{page}"
        );
        assert!(!page.contains("/invitations"));

        // The secretariat gets an invitation form per suggestion, and finds others by name to
        // invite with a reason (suggested organisations and the requester are not offered).
        let (status, page) = sec
            .get_text(&format!("/en/hub/requests/{request}/suggestions"))
            .await;
        assert_eq!(status, 200);
        let action = format!("action=\"/en/hub/requests/{request}/invitations\"");
        assert_eq!(page.matches(&action).count(), 3);
        for field in [
            "name=\"org_id\"",
            "name=\"role\"",
            "name=\"suggested_score\"",
            "name=\"override_reason\"",
            "name=\"csrf_token\"",
            "name=\"find\"",
        ] {
            assert!(page.contains(field), "{field}");
        }
        assert!(page.contains(&format!("value=\"{remidev}\"")));
        let (status, page) = sec
            .get_text(&format!(
                "/en/hub/requests/{request}/suggestions?find=elsew"
            ))
            .await;
        assert_eq!(status, 200);
        assert_eq!(page.matches(&action).count(), 4);
        assert!(page.contains(">Elsewhere</option>"), "{page}");
        assert!(page.contains(
            "<textarea id=\"other-reason\" name=\"override_reason\" rows=\"3\" required"
        ));
        for taken in ["REMIDEV", "Gouvernement"] {
            let (_, page) = sec
                .get_text(&format!(
                    "/en/hub/requests/{request}/suggestions?find={taken}"
                ))
                .await;
            assert_eq!(page.matches(&action).count(), 3, "{taken}");
            assert!(page.contains("No organisation that was not suggested"));
        }

        // A draft is its organisation's own: the secretariat does not see its suggestions.
        let draft = insert_request(
            app.db(),
            &gov_org,
            &RequestSeed {
                key: "draft".into(),
                title: "Brouillon".into(),
                lang: "fr".into(),
                org: gov_org.clone(),
                country: "SN".into(),
                objectives: vec![21],
                support_kinds: vec!["technical".into()],
                status: Some("draft".into()),
                ..RequestSeed::default()
            },
        )
        .await
        .unwrap();
        for path in [
            format!("/en/hub/requests/{draft}/suggestions"),
            format!("/api/v1/hub/requests/{draft}/partners"),
        ] {
            assert_eq!(sec.get(&path).await.status().as_u16(), 404, "{path}");
            assert_eq!(gov.get(&path).await.status().as_u16(), 200, "{path}");
        }

        // Funding: the donor's priority, ranked with whether its ceiling covers the budget.
        let (_, funding) = sec
            .client
            .get(sec.url(&format!("/api/v1/hub/requests/{request}/funding")))
            .send()
            .await
            .unwrap()
            .json::<serde_json::Value>()
            .await
            .map(|j| (0, j))
            .unwrap();
        assert_eq!(funding["total"], 2, "{funding}");
        let sources: Vec<&str> = funding["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["source"].as_str().unwrap())
            .collect();
        assert!(sources.iter().all(|s| *s == "donor_priority"));
        let donor_item = funding["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["org_id"] == donor.as_str())
            .unwrap();
        assert_eq!(donor_item["covers_budget"], true);
        let (status, page) = gov
            .get_text(&format!("/es/hub/requests/{request}/funding"))
            .await;
        assert_eq!(status, 200);
        assert!(page.contains("Donor Agency"));

        // A financial offer joins the funding list and the matching offers.
        let compact = gcm_compact::Compact::load_shipped().unwrap();
        hub_partners::create_offer(
            app.db(),
            &compact,
            &Actor::system("test"),
            "test",
            OfferInput {
                org_id: donor.clone(),
                support_kind: Some(gcm_core::hub::SupportKind::Financial),
                title: "Reintegration grants".into(),
                lang: "en".into(),
                objectives: vec![21],
                ceiling_usd: Some(100_000),
                ..OfferInput::default()
            },
        )
        .await
        .unwrap();
        let (_, funding) = (
            0,
            sec.client
                .get(sec.url(&format!("/api/v1/hub/requests/{request}/funding")))
                .send()
                .await
                .unwrap()
                .json::<serde_json::Value>()
                .await
                .unwrap(),
        );
        let offer = funding["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["source"] == "offer")
            .unwrap();
        assert_eq!(offer["covers_budget"], false);
        let (_, page) = sec
            .get_text(&format!("/en/hub/requests/{request}/suggestions"))
            .await;
        assert!(page.contains("Reintegration grants"));

        // Everyone else: 404, as for a request that does not exist.
        for v in [&stranger, &app.visitor()] {
            for path in [
                format!("/en/hub/requests/{request}/suggestions"),
                format!("/en/hub/requests/{request}/funding"),
                format!("/api/v1/hub/requests/{request}/partners"),
                format!("/api/v1/hub/requests/{request}/funding"),
            ] {
                assert_eq!(v.get(&path).await.status().as_u16(), 404, "{path}");
            }
        }
        assert_eq!(
            sec.get("/api/v1/hub/requests/nope/partners")
                .await
                .status()
                .as_u16(),
            404
        );
    }
);

/// The partner side's rows of the authorization matrix (tests/it/authz.rs). `org_a` is the
/// organisation of the matrix's member; its "Org B" has the other focal point.
pub async fn authz_cases(app: &TestApp, org_a: &str, cases: &mut Vec<Case>) {
    let org_b: String = sqlx::query_scalar("SELECT id FROM organisations WHERE name = 'Org B'")
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    let request = senegal_request(app, org_a, true).await;
    let compact = gcm_compact::Compact::load_shipped().unwrap();
    let offer = hub_partners::create_offer(
        app.db(),
        &compact,
        &Actor::system("test"),
        "test",
        OfferInput {
            org_id: org_b.clone(),
            support_kind: Some(gcm_core::hub::SupportKind::Technical),
            title: "Training".into(),
            lang: "en".into(),
            objectives: vec![21],
            ..OfferInput::default()
        },
    )
    .await
    .unwrap();
    let form_b: &'static str = Box::leak(org_b.clone().into_boxed_str());
    let mut c = |mut c: Case| {
        if c.method == "POST" && !c.template.starts_with("/api/") {
            c.form = vec![("org_id", form_b)];
        }
        cases.push(c)
    };
    c(case(
        "GET",
        "/{lang}/hub/partners",
        "/en/hub/partners",
        "AAAAAA",
    ));
    c(case(
        "GET",
        "/{lang}/hub/partners/{org_id}",
        format!("/en/hub/partners/{org_b}"),
        "AAAAAA",
    ));
    c(case(
        "GET",
        "/{lang}/hub/partners/{org_id}/edit",
        format!("/en/hub/partners/{org_b}/edit"),
        "LDADDA",
    ));
    c(case(
        "POST",
        "/{lang}/hub/partners/{org_id}/edit",
        format!("/en/hub/partners/{org_b}/edit"),
        "LDADDA",
    ));
    c(case(
        "GET",
        "/{lang}/hub/offers",
        "/en/hub/offers",
        "AAAAAA",
    ));
    c(case(
        "POST",
        "/{lang}/hub/offers",
        "/en/hub/offers",
        "LDADDA",
    ));
    c(case(
        "GET",
        "/{lang}/hub/offers/new",
        "/en/hub/offers/new",
        "LDADDA",
    ));
    c(case(
        "GET",
        "/{lang}/hub/offers/{id}",
        format!("/en/hub/offers/{offer}"),
        "AAAAAA",
    ));
    c(case(
        "GET",
        "/{lang}/hub/requests/{id}/suggestions",
        format!("/en/hub/requests/{request}/suggestions"),
        "AAAAAA",
    ));
    c(case(
        "GET",
        "/{lang}/hub/requests/{id}/funding",
        format!("/en/hub/requests/{request}/funding"),
        "AAAAAA",
    ));
    c(case(
        "GET",
        "/data/hub/offers.csv",
        "/data/hub/offers.csv",
        "AAAAAA",
    ));
    c(case(
        "GET",
        "/data/hub/offers.json",
        "/data/hub/offers.json",
        "AAAAAA",
    ));
    c(case(
        "GET",
        "/api/v1/hub/partners",
        "/api/v1/hub/partners",
        "AAAAAA",
    ));
    c(case(
        "GET",
        "/api/v1/hub/partners/{org_id}",
        format!("/api/v1/hub/partners/{org_b}"),
        "AAAAAA",
    ));
    let mut put = case(
        "PUT",
        "/api/v1/hub/partners/{org_id}",
        format!("/api/v1/hub/partners/{org_b}"),
        "LDADDA",
    );
    put.json = Some(serde_json::json!({"languages": ["en"]}));
    c(put);
    c(case(
        "GET",
        "/api/v1/hub/offers",
        "/api/v1/hub/offers",
        "AAAAAA",
    ));
    let mut post = case("POST", "/api/v1/hub/offers", "/api/v1/hub/offers", "LDADDA");
    post.json = Some(serde_json::json!({"org_id": org_b}));
    c(post);
    c(case(
        "GET",
        "/api/v1/hub/offers/{id}",
        format!("/api/v1/hub/offers/{offer}"),
        "AAAAAA",
    ));
    c(case(
        "GET",
        "/api/v1/hub/offers/{id}/requests",
        format!("/api/v1/hub/offers/{offer}/requests"),
        "AAAAAA",
    ));
    c(case(
        "GET",
        "/api/v1/hub/requests/{id}/partners",
        format!("/api/v1/hub/requests/{request}/partners"),
        "AAAAAA",
    ));
    c(case(
        "GET",
        "/api/v1/hub/requests/{id}/funding",
        format!("/api/v1/hub/requests/{request}/funding"),
        "AAAAAA",
    ));
    // Closing last: the offer's focal point, the secretariat and administrators may.
    c(case(
        "POST",
        "/{lang}/hub/offers/{id}/close",
        format!("/en/hub/offers/{offer}/close"),
        "LDADAA",
    ));
    let mut close = case(
        "POST",
        "/api/v1/hub/offers/{id}/close",
        format!("/api/v1/hub/offers/{offer}/close"),
        "LDADAA",
    );
    close.json = Some(serde_json::json!({}));
    c(close);
}

db_test!(
    the_judged_set_stays_above_its_floor,
    |app: TestApp| async move {
        let judged = gcm_hub::hub_eval::Judged::shipped().unwrap();
        assert!(judged.requests.len() >= 15);
        let eval = gcm_hub::hub_eval::evaluate(app.db(), &judged)
            .await
            .unwrap();
        // Measured 0.906 when the set was written (docs/HUB.md); a change to the scoring that
        // drops it below the floor has to say why.
        assert!(
            eval.precision_at_5 >= 0.85,
            "precision@5 {}",
            eval.precision_at_5
        );
        assert!(eval.per_request.iter().all(|r| r.top5.len() == 5));
    }
);

db_test!(
    a_slow_rebuild_runs_behind_the_previous_aggregates,
    |app: TestApp| async move {
        // As if every rebuild were slow (as with 100 000 practices): readers keep the previous
        // aggregates while one rebuild runs behind.
        app.db()
            .set_hub_inline_rebuild_max(std::time::Duration::ZERO);
        let gov = app.verified_user("gov@example.org", "Gov").await;
        let gov_org = create_org(&gov, "Gouvernement", "member_state_government", "SEN").await;
        let request = senegal_request(&app, &gov_org, true).await;
        let first = app.verified_user("a@example.org", "First").await;
        let first_org = create_org(&first, "First", "civil_society", "SEN").await;
        let late = app.verified_user("b@example.org", "Late").await;
        let late_org = create_org(&late, "Late", "civil_society", "SEN").await;
        let suggested = async |gov: &Visitor| -> Vec<String> {
            let res = gov
                .get(&format!("/api/v1/hub/requests/{request}/partners"))
                .await;
            assert_eq!(res.status().as_u16(), 200);
            let json: serde_json::Value = res.json().await.unwrap();
            json["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["org_id"].as_str().unwrap().to_string())
                .collect()
        };
        let publish = async |v: &Visitor, org: &str| {
            let res = v
                .post_form(
                    &format!("/en/hub/partners/{org}/edit"),
                    &profile_form("SEN"),
                )
                .await;
            assert_eq!(res.status().as_u16(), 303);
        };
        publish(&first, &first_org).await;
        // No aggregates yet: built before answering.
        assert_eq!(suggested(&gov).await, std::slice::from_ref(&first_org));
        publish(&late, &late_org).await;
        // Stale: answered from the previous aggregates at once, the rebuild started behind.
        assert_eq!(suggested(&gov).await, std::slice::from_ref(&first_org));
        gcm_store::hub_partners::settle(app.db()).await;
        let now = suggested(&gov).await;
        assert!(
            now.contains(&late_org) && now.contains(&first_org),
            "{now:?}"
        );
    }
);
