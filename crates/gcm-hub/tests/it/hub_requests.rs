//! Support requests of the connection hub: drafting and submitting, the secretariat's steps,
//! questions and answers, partners and workplan, who sees what, reminders, the dashboard and
//! the open data. Each case runs on SQLite and PostgreSQL.

use serde_json::{Value, json};

use crate::harness::{TestApp, Visitor};
use crate::orgs::create_org;

/// Sends JSON with the visitor's session and CSRF token; returns the status and body.
pub async fn api(v: &Visitor, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
    let url = v.url(path);
    let res = match method {
        "GET" => v.client.get(&url).send().await.unwrap(),
        m => {
            let csrf = v.csrf().await;
            let req = match m {
                "POST" => v.client.post(&url),
                "PATCH" => v.client.patch(&url),
                other => panic!("method {other}"),
            };
            req.header("x-csrf-token", csrf)
                .json(&body.unwrap_or(json!({})))
                .send()
                .await
                .unwrap()
        }
    };
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// The people of a hub story: a government (Kenya) and its focal point, the secretariat, a
/// civil-society partner, another country's government.
pub struct Cast {
    pub gov: Visitor,
    pub gov_org: String,
    pub sec: Visitor,
    pub partner: Visitor,
    pub partner_org: String,
    pub other: Visitor,
    pub other_org: String,
}

pub async fn cast(app: &TestApp) -> Cast {
    let admin = app.admin().await;
    let gov = app.verified_user("fp@kenya.example", "Focal Kenya").await;
    let gov_org = create_org(
        &gov,
        "Ministry of Interior, Kenya",
        "member_state_government",
        "KEN",
    )
    .await;
    let sec = app.verified_user("sec@example.org", "Secretariat").await;
    crate::submissions::grant(app, &admin, "sec@example.org", "secretariat").await;
    let partner = app.verified_user("fp@ngo.example", "Focal NGO").await;
    let partner_org = create_org(&partner, "Migrant Rights NGO", "civil_society", "KEN").await;
    let other = app.verified_user("fp@chile.example", "Focal Chile").await;
    let other_org = create_org(
        &other,
        "Government of Chile",
        "member_state_government",
        "CHL",
    )
    .await;
    Cast {
        gov,
        gov_org,
        sec,
        partner,
        partner_org,
        other,
        other_org,
    }
}

/// Letters as a server writes them, with links to no site in particular.
pub fn letters() -> gcm_store::letters::Mailing {
    gcm_web::letters::mailing("")
}

pub fn draft(org: &str) -> Value {
    json!({
        "org_id": org,
        "lang": "en",
        "title": "Fair recruitment of migrant workers",
        "description": "Support to set up a national fair recruitment framework and train labour inspectors.",
        "country": "KEN",
        "objectives": [6, 20],
        "actions": ["gcm:obj:6:a"],
        "principles": ["whole-of-government"],
        "support": ["technical", "peer_exchange"],
        "starts_on": "2027-01-01",
        "ends_on": "2027-12-31",
        "budget_usd": 250000,
        "budget_public": false,
        "is_public": true,
        "languages": ["en", "fr"],
        "counterparts": [{"name": "Ministry of Labour", "role": "labour migration policy"}],
        "stakeholders_consulted": "Trade unions and recruitment agencies",
        "existing_initiatives": "A bilateral agreement with a country of destination",
    })
}

async fn count(app: &TestApp, sql: &str, id: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.to_string()))
        .bind(id)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
}

/// Creates and submits a request; returns its id.
pub async fn submitted(c: &Cast, body: Value) -> String {
    let (s, r) = api(&c.gov, "POST", "/api/v1/hub/requests", Some(body)).await;
    assert_eq!(s, 201, "{r}");
    let id = r["id"].as_str().unwrap().to_string();
    let (s, r) = api(
        &c.gov,
        "POST",
        &format!("/api/v1/hub/requests/{id}/submit"),
        None,
    )
    .await;
    assert_eq!(s, 200, "{r}");
    id
}

async fn step(v: &Visitor, id: &str, to: &str, reasons: &str) -> (u16, Value) {
    api(
        v,
        "POST",
        &format!("/api/v1/hub/requests/{id}/steps"),
        Some(json!({ "to": to, "reasons": reasons })),
    )
    .await
}

db_test!(
    a_request_goes_from_draft_to_implementation,
    |app: TestApp| async move {
        let c = cast(&app).await;
        let anon = app.visitor();

        // Bad input is refused with the field named, and saves nothing.
        for (field, value, expected) in [
            ("title", json!(""), "title"),
            ("country", json!("XXX"), "country"),
            ("objectives", json!([99]), "objectives"),
            ("support", json!(["money"]), "support"),
            ("actions", json!(["gcm:obj:6:zz"]), "actions"),
            ("endorsed_by_org", json!("no-such-org"), "endorsed_by_org"),
        ] {
            let mut body = draft(&c.gov_org);
            body[field] = value;
            let (s, r) = api(&c.gov, "POST", "/api/v1/hub/requests", Some(body)).await;
            assert_eq!(s, 422, "{field}: {r}");
            assert_eq!(r["error"]["details"]["field"], expected, "{r}");
        }
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM hub_requests WHERE id <> $1", "").await,
            0
        );
        // Only the organisation's focal points and editors request for it.
        let (s, _) = api(
            &c.other,
            "POST",
            "/api/v1/hub/requests",
            Some(draft(&c.gov_org)),
        )
        .await;
        assert_eq!(s, 403);
        let (s, _) = api(
            &anon,
            "POST",
            "/api/v1/hub/requests",
            Some(draft(&c.gov_org)),
        )
        .await;
        assert_eq!(s, 401);

        // A draft without kinds of support is saved, but cannot be submitted yet.
        let mut body = draft(&c.gov_org);
        body["support"] = json!([]);
        let (s, r) = api(&c.gov, "POST", "/api/v1/hub/requests", Some(body)).await;
        assert_eq!(s, 201, "{r}");
        let id = r["id"].as_str().unwrap().to_string();
        assert_eq!(r["status"], "draft");
        assert_eq!(r["reference"], Value::Null);
        let path = format!("/api/v1/hub/requests/{id}");
        // Nobody else sees a draft, not even the secretariat.
        for v in [&c.other, &anon, &c.sec, &c.partner] {
            assert_eq!(api(v, "GET", &path, None).await.0, 404);
        }
        let (s, r) = api(&c.gov, "POST", &format!("{path}/submit"), None).await;
        assert_eq!(s, 422, "{r}");
        assert_eq!(r["error"]["details"]["field"], "support");
        assert_eq!(api(&c.gov, "GET", &path, None).await.1["status"], "draft");
        let (s, r) = api(&c.gov, "PATCH", &path, Some(draft(&c.gov_org))).await;
        assert_eq!(s, 200, "{r}");
        let (s, r) = api(&c.gov, "POST", &format!("{path}/submit"), None).await;
        assert_eq!(s, 200, "{r}");
        let year = time::OffsetDateTime::now_utc().year();
        assert_eq!(r["reference"], format!("REQ-{year}-0001"));
        assert_eq!(r["status"], "received");
        assert!(
            !app.mail_to("sec@example.org").await.is_empty(),
            "the secretariat is told"
        );
        // Submitted: no more edits, no second submission.
        assert_eq!(
            api(&c.gov, "PATCH", &path, Some(draft(&c.gov_org))).await.0,
            409
        );
        assert_eq!(
            api(&c.gov, "POST", &format!("{path}/submit"), None).await.0,
            409
        );

        // Steps out of order are refused and change nothing; only the secretariat moves them.
        let (s, r) = step(&c.sec, &id, "accepted", "").await;
        assert_eq!(s, 409, "{r}");
        assert_eq!(r["error"]["code"], "hub_step_out_of_order");
        assert!(
            r["error"]["message"].as_str().unwrap().contains("received"),
            "{r}"
        );
        assert_eq!(step(&c.gov, &id, "under_assessment", "").await.0, 403);
        assert_eq!(step(&c.sec, &id, "sideways", "").await.0, 422);
        assert_eq!(
            api(&c.gov, "GET", &path, None).await.1["status"],
            "received"
        );
        let (s, r) = step(
            &c.sec,
            &id,
            "under_assessment",
            "We will look at it this week.",
        )
        .await;
        assert_eq!(s, 200, "{r}");
        assert!(r["details"]["first_response_at"].is_string());

        // Clarification: asked, mailed to the requester, awaited, answered.
        let before = app.mail_to("fp@kenya.example").await.len();
        let q = format!("{path}/questions");
        let (s, r) = api(
            &c.sec,
            "POST",
            &q,
            Some(json!({"text": "Which regions first?"})),
        )
        .await;
        assert_eq!(s, 200, "{r}");
        assert_eq!(r["details"]["awaiting_answer"], true);
        assert!(app.mail_to("fp@kenya.example").await.len() > before);
        assert_eq!(
            api(&c.sec, "POST", &q, Some(json!({"text": "And?"})))
                .await
                .0,
            409
        );
        assert_eq!(
            api(
                &c.other,
                "POST",
                &format!("{path}/answers"),
                Some(json!({"text": "x"}))
            )
            .await
            .0,
            403
        );
        let (s, r) = api(
            &c.gov,
            "POST",
            &format!("{path}/answers"),
            Some(json!({"text": "The coast."})),
        )
        .await;
        assert_eq!(s, 200, "{r}");
        assert_eq!(r["details"]["awaiting_answer"], false);
        assert_eq!(
            api(
                &c.gov,
                "POST",
                &format!("{path}/answers"),
                Some(json!({"text": "Again"}))
            )
            .await
            .0,
            409
        );

        // Declining needs reasons.
        let (s, r) = step(&c.sec, &id, "declined", " ").await;
        assert_eq!(
            (s, r["error"]["details"]["field"].clone()),
            (422, json!("reasons"))
        );
        assert_eq!(step(&c.sec, &id, "accepted", "").await.0, 200);
        assert_eq!(step(&c.sec, &id, "matching", "").await.0, 200);
        // Set-up needs a partner who accepted.
        let (s, r) = step(&c.sec, &id, "implementation_setup", "").await;
        assert_eq!(
            (s, r["error"]["code"].clone()),
            (409, json!("hub_needs_accepted_partner"))
        );

        // Invitations: unknown organisation or role refused; inviting twice is a conflict.
        let inv = format!("{path}/invitations");
        let (s, r) = api(
            &c.sec,
            "POST",
            &inv,
            Some(json!({"org_id": "nope", "role": "lead"})),
        )
        .await;
        assert_eq!(
            (s, r["error"]["details"]["field"].clone()),
            (422, json!("org_id"))
        );
        let (s, _) = api(
            &c.sec,
            "POST",
            &inv,
            Some(json!({"org_id": c.partner_org, "role": "boss"})),
        )
        .await;
        assert_eq!(s, 422);
        assert_eq!(
            api(
                &c.gov,
                "POST",
                &inv,
                Some(json!({"org_id": c.partner_org, "role": "lead"}))
            )
            .await
            .0,
            403
        );
        let (s, r) = api(
            &c.sec,
            "POST",
            &inv,
            Some(json!({"org_id": c.partner_org, "role": "lead", "suggested_score": 0.82})),
        )
        .await;
        assert_eq!(s, 200, "{r}");
        assert_eq!(
            api(
                &c.sec,
                "POST",
                &inv,
                Some(json!({"org_id": c.partner_org, "role": "funder"}))
            )
            .await
            .0,
            409
        );
        let mail = app.mail_to("fp@ngo.example").await;
        let invitation = mail.iter().find(|m| m.kind == "hub.invitation").unwrap();
        assert!(
            invitation
                .body
                .contains(&format!("http://{}/en/hub/requests/{id}", app.addr)),
            "{}",
            invitation.body
        );

        // The invited partner sees the full request; another country sees the public part.
        let (_, seen) = api(&c.partner, "GET", &path, None).await;
        assert_eq!(seen["full"], true);
        assert_eq!(seen["budget_usd"], 250000);
        let (_, public) = api(&c.other, "GET", &path, None).await;
        assert_eq!(public["full"], false);
        assert_eq!(
            public["budget_usd"],
            Value::Null,
            "the budget is not public"
        );
        assert!(public.get("details").is_none());
        assert!(
            public["events"]
                .as_array()
                .unwrap()
                .iter()
                .all(|e| e["kind"] == "step" && e["note"].is_null() && e["by"].is_null()),
            "{public}"
        );
        assert_eq!(
            api(&anon, "GET", &path, None).await.1["title"],
            "Fair recruitment of migrant workers"
        );

        // Only the invited organisation answers, and only once.
        let ans = format!("{path}/invitations/{}", c.partner_org);
        assert_eq!(
            api(&c.other, "POST", &ans, Some(json!({"answer": "accept"})))
                .await
                .0,
            403
        );
        assert_eq!(
            api(&c.partner, "POST", &ans, Some(json!({"answer": "maybe"})))
                .await
                .0,
            422
        );
        let (s, r) = api(
            &c.partner,
            "POST",
            &ans,
            Some(json!({"answer": "accept", "note": "Glad to lead"})),
        )
        .await;
        assert_eq!(s, 200, "{r}");
        let answered_at = r["details"]["partners"][0]["answered_at"].clone();
        let (s, r) = api(&c.partner, "POST", &ans, Some(json!({"answer": "decline"}))).await;
        assert_eq!(
            (s, r["error"]["code"].clone()),
            (409, json!("hub_already_answered"))
        );
        let (_, r) = api(&c.gov, "GET", &path, None).await;
        assert_eq!(r["details"]["partners"][0]["state"], "accepted");
        assert_eq!(r["details"]["partners"][0]["answered_at"], answered_at);

        // Set-up: a lead and a milestone before implementation.
        assert_eq!(step(&c.sec, &id, "implementation_setup", "").await.0, 200);
        let (s, r) = step(&c.sec, &id, "in_implementation", "").await;
        assert_eq!(
            (s, r["error"]["code"].clone()),
            (409, json!("hub_needs_lead_and_milestone"))
        );
        let ms = format!("{path}/milestones");
        let (s, r) = api(&c.sec, "POST", &ms, Some(json!({"title": "Inspectors trained", "due_on": "2027-06-30", "responsible_org": c.other_org}))).await;
        assert_eq!(
            (s, r["error"]["details"]["field"].clone()),
            (422, json!("responsible_org"))
        );
        let (s, r) = api(&c.sec, "POST", &ms, Some(json!({"title": "Inspectors trained", "due_on": "2027-06-31", "responsible_org": c.partner_org}))).await;
        assert_eq!(
            (s, r["error"]["details"]["field"].clone()),
            (422, json!("due_on"))
        );
        let (s, r) = api(&c.sec, "POST", &ms, Some(json!({"title": "Inspectors trained", "due_on": "2027-06-30", "responsible_org": c.partner_org}))).await;
        assert_eq!(s, 200, "{r}");
        let (s, r) = step(&c.sec, &id, "in_implementation", "").await;
        assert_eq!(s, 200, "{r}");
        assert!(r["details"]["setup_done_at"].is_string());
        let milestone = r["details"]["milestones"][0]["id"]
            .as_str()
            .unwrap()
            .to_string();
        let done = format!("{path}/milestones/{milestone}/done");
        assert_eq!(api(&c.sec, "POST", &done, None).await.0, 200);
        assert_eq!(api(&c.sec, "POST", &done, None).await.0, 409);

        // The requester saw every step, dated, with who took it.
        let (_, r) = api(&c.gov, "GET", &path, None).await;
        let steps: Vec<&str> = r["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "step")
            .map(|e| e["to_status"].as_str().unwrap())
            .collect();
        assert_eq!(
            steps,
            [
                "received",
                "under_assessment",
                "accepted",
                "matching",
                "implementation_setup",
                "in_implementation"
            ]
        );
        assert!(
            r["events"]
                .as_array()
                .unwrap()
                .iter()
                .all(|e| e["at"].is_string())
        );
        assert!(
            r["events"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["by"] == "Secretariat")
        );
        // Every change has its audit entry.
        let audited = count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE entity = 'hub_request' AND entity_id = $1",
            &id,
        )
        .await;
        // create, update, submit, 5 steps, question, answer, invitation, answer, 2 milestones.
        assert_eq!(audited, 14, "{audited} audit entries");
        // The public list shows it; the other country's list too, without drafts of others.
        let (_, list) = api(&anon, "GET", "/api/v1/hub/requests", None).await;
        assert_eq!(list["total"], 1);
        let (s, _) = api(&anon, "GET", "/api/v1/hub/requests?status=nonsense", None).await;
        assert_eq!(s, 400);
    }
);

db_test!(
    a_request_not_from_a_government_needs_its_endorsement,
    |app: TestApp| async move {
        let c = cast(&app).await;
        let mut body = draft(&c.partner_org);
        body["country"] = json!("KEN");
        let (s, r) = api(
            &c.partner,
            "POST",
            "/api/v1/hub/requests",
            Some(body.clone()),
        )
        .await;
        assert_eq!(s, 201, "{r}");
        let id = r["id"].as_str().unwrap().to_string();
        let path = format!("/api/v1/hub/requests/{id}");
        let (s, r) = api(&c.partner, "POST", &format!("{path}/submit"), None).await;
        assert_eq!(
            (s, r["error"]["details"]["field"].clone()),
            (422, json!("endorsed_by_org"))
        );
        // Another country's government cannot endorse a Kenyan request.
        body["endorsed_by_org"] = json!(c.other_org);
        let (s, r) = api(&c.partner, "PATCH", &path, Some(body.clone())).await;
        assert_eq!(
            (s, r["error"]["details"]["field"].clone()),
            (422, json!("endorsed_by_org"))
        );
        body["endorsed_by_org"] = json!(c.gov_org);
        let (s, _) = api(&c.partner, "PATCH", &path, Some(body.clone())).await;
        assert_eq!(s, 200);
        let (s, r) = api(&c.partner, "POST", &format!("{path}/submit"), None).await;
        assert_eq!(
            (s, r["error"]["details"]["field"].clone()),
            (422, json!("endorsed_on"))
        );
        body["endorsed_on"] = json!("2026-10-01");
        assert_eq!(
            api(&c.partner, "PATCH", &path, Some(body.clone())).await.0,
            200
        );
        let (s, r) = api(&c.partner, "POST", &format!("{path}/submit"), None).await;
        assert_eq!(
            (s, r["error"]["details"]["field"].clone()),
            (422, json!("endorsement_note"))
        );
        body["endorsement_note"] = json!("Letter MI/2026/17");
        assert_eq!(api(&c.partner, "PATCH", &path, Some(body)).await.0, 200);
        let (s, r) = api(&c.partner, "POST", &format!("{path}/submit"), None).await;
        assert_eq!(s, 200, "{r}");
        assert_eq!(r["details"]["endorsed_by_org"], json!(c.gov_org));
        // The requester may withdraw, with reasons, and nothing else.
        assert_eq!(step(&c.partner, &id, "under_assessment", "").await.0, 403);
        assert_eq!(step(&c.partner, &id, "closed", "").await.0, 422);
        let (s, r) = step(&c.partner, &id, "closed", "Funded elsewhere").await;
        assert_eq!(s, 200, "{r}");
        assert_eq!(r["status"], "closed");
        assert_eq!(step(&c.sec, &id, "under_assessment", "").await.0, 409);
    }
);

db_test!(
    references_stay_unique_when_submitted_together,
    |app: TestApp| async move {
        let c = cast(&app).await;
        let mut ids = Vec::new();
        for _ in 0..20 {
            let (s, r) = api(
                &c.gov,
                "POST",
                "/api/v1/hub/requests",
                Some(draft(&c.gov_org)),
            )
            .await;
            assert_eq!(s, 201);
            ids.push(r["id"].as_str().unwrap().to_string());
        }
        let actor = gcm_store::audit::Actor::system("test");
        let db = app.db().clone();
        let tasks: Vec<_> = ids
            .iter()
            .map(|id| {
                let (db, actor, id) = (db.clone(), actor.clone(), id.clone());
                tokio::spawn(async move {
                    gcm_store::hub_requests::submit(&db, &letters(), &actor, &id).await
                })
            })
            .collect();
        let mut refs = Vec::new();
        for t in tasks {
            refs.push(t.await.unwrap().unwrap());
        }
        refs.sort();
        let year = time::OffsetDateTime::now_utc().year();
        let expected: Vec<String> = (1..=20).map(|n| format!("REQ-{year}-{n:04}")).collect();
        assert_eq!(refs, expected);
        // The list pages through them: every request once, latest change first.
        let mut seen = Vec::new();
        let mut next = Some("/api/v1/hub/requests?status=received&per_page=7".to_string());
        let mut pages = 0;
        while let Some(path) = next.take() {
            let (s, r) = api(&c.other, "GET", &path, None).await;
            assert_eq!(s, 200, "{r}");
            assert_eq!(r["total"], 20);
            for item in r["items"].as_array().unwrap() {
                seen.push(item["id"].as_str().unwrap().to_string());
            }
            next = r["next"].as_str().map(str::to_string);
            pages += 1;
        }
        assert_eq!(pages, 3);
        assert!(seen.windows(2).all(|w| w[0] != w[1]));
        seen.sort();
        let mut all = ids.clone();
        all.sort();
        assert_eq!(seen, all);
        for bad in ["per_page=0", "per_page=101", "page=0", "page=x"] {
            let (s, r) = api(
                &c.other,
                "GET",
                &format!("/api/v1/hub/requests?{bad}"),
                None,
            )
            .await;
            assert_eq!(s, 400, "{bad}: {r}");
        }
        // The page says how many match and links to the next page, filters kept.
        let (s, html) = c
            .other
            .get_text("/fr/hub/requests?status=received&per_page=7")
            .await;
        assert_eq!(s, 200);
        assert!(html.contains("20 demandes."), "{html}");
        assert!(
            html.contains("status=received&#38;per_page=7&#38;page=2"),
            "{html}"
        );
    }
);

db_test!(
    reminders_wait_a_full_period_each_time,
    |app: TestApp| async move {
        let c = cast(&app).await;
        let id = submitted(&c, draft(&c.gov_org)).await;
        let db = app.db();
        let now = time::OffsetDateTime::now_utc();
        // Not yet due.
        let sent = gcm_store::hub_requests::send_reminders(db, &letters(), 14, now)
            .await
            .unwrap();
        assert!(sent.is_empty());
        let ago = |days: i64| gcm_store::to_rfc3339(now - time::Duration::days(days));
        sqlx::query("UPDATE hub_requests SET status_since = $2 WHERE id = $1")
            .bind(&id)
            .bind(ago(20))
            .execute(db.pool())
            .await
            .unwrap();
        let sent = gcm_store::hub_requests::send_reminders(db, &letters(), 14, now)
            .await
            .unwrap();
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].to, ["sec@example.org"]);
        assert!(
            app.mail_to("sec@example.org")
                .await
                .iter()
                .any(|m| m.kind == "hub.reminder")
        );
        // Not again before another full wait.
        let later = now + time::Duration::days(3);
        assert!(
            gcm_store::hub_requests::send_reminders(db, &letters(), 14, later)
                .await
                .unwrap()
                .is_empty()
        );
        let much_later = now + time::Duration::days(15);
        let again = gcm_store::hub_requests::send_reminders(db, &letters(), 14, much_later)
            .await
            .unwrap();
        assert_eq!(again.len(), 1);
        // A question awaiting the requester's answer reminds the requester instead.
        let (s, _) = api(
            &c.sec,
            "POST",
            &format!("/api/v1/hub/requests/{id}/questions"),
            Some(json!({"text": "Budget detail?"})),
        )
        .await;
        assert_eq!(s, 200);
        sqlx::query("UPDATE hub_requests SET reminded_at = NULL, status_since = $2 WHERE id = $1")
            .bind(&id)
            .bind(ago(20))
            .execute(db.pool())
            .await
            .unwrap();
        let sent = gcm_store::hub_requests::send_reminders(db, &letters(), 14, now)
            .await
            .unwrap();
        assert_eq!(sent[0].to, ["fp@kenya.example"]);
        let events = count(
            &app,
            "SELECT COUNT(*) FROM hub_request_events WHERE request_id = $1 AND kind = 'reminded'",
            &id,
        )
        .await;
        assert_eq!(events, 3);

        // Invited partners who have not answered are reminded; once everyone has answered
        // during set-up, nobody is waited on and nothing is sent.
        let second = submitted(&c, draft(&c.gov_org)).await;
        for to in ["under_assessment", "accepted", "matching"] {
            assert_eq!(step(&c.sec, &second, to, "").await.0, 200);
        }
        let path = format!("/api/v1/hub/requests/{second}");
        let (s, _) = api(
            &c.sec,
            "POST",
            &format!("{path}/invitations"),
            Some(json!({"org_id": c.partner_org, "role": "lead"})),
        )
        .await;
        assert_eq!(s, 200);
        let age = |id: String| {
            let db = db.clone();
            let at = ago(20);
            async move {
                sqlx::query(
                    "UPDATE hub_requests SET reminded_at = NULL, status_since = $2 WHERE id = $1",
                )
                .bind(&id)
                .bind(at)
                .execute(db.pool())
                .await
                .unwrap();
            }
        };
        age(second.clone()).await;
        age(id.clone()).await;
        let sent = gcm_store::hub_requests::send_reminders(db, &letters(), 14, now)
            .await
            .unwrap();
        let for_second = sent.iter().find(|r| r.request_id == second).unwrap();
        assert_eq!(for_second.to, ["fp@ngo.example", "sec@example.org"]);
        let (s, _) = api(
            &c.partner,
            "POST",
            &format!("{path}/invitations/{}", c.partner_org),
            Some(json!({"answer": "accept"})),
        )
        .await;
        assert_eq!(s, 200);
        assert_eq!(
            step(&c.sec, &second, "implementation_setup", "").await.0,
            200
        );
        age(second.clone()).await;
        let sent = gcm_store::hub_requests::send_reminders(db, &letters(), 14, now)
            .await
            .unwrap();
        assert!(sent.iter().all(|r| r.request_id != second), "{sent:?}");
    }
);

db_test!(
    dashboard_and_open_data_show_only_what_is_public,
    |app: TestApp| async move {
        let c = cast(&app).await;
        let public = submitted(&c, draft(&c.gov_org)).await;
        let mut private = draft(&c.gov_org);
        private["title"] = json!("Confidential border management review");
        private["is_public"] = json!(false);
        private["objectives"] = json!([11]);
        let private = submitted(&c, private).await;
        let mut budget = draft(&c.gov_org);
        budget["title"] = json!("Diaspora remittance costs");
        budget["budget_public"] = json!(true);
        budget["budget_usd"] = json!(90000);
        submitted(&c, budget).await;
        assert_eq!(step(&c.sec, &public, "under_assessment", "").await.0, 200);

        let anon = app.visitor();
        let (s, d) = api(&anon, "GET", "/api/v1/hub/dashboard", None).await;
        assert_eq!(s, 200, "{d}");
        assert_eq!(d["total"], 3);
        let by_status = |k: &str| {
            d["by_status"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["key"] == k)
                .unwrap()["count"]
                .clone()
        };
        assert_eq!(by_status("received"), 2);
        assert_eq!(by_status("under_assessment"), 1);
        assert_eq!(d["first_response_days"]["count"], 1);
        assert!(d["first_response_days"]["median"].as_f64().unwrap() < 1.0);
        assert_eq!(d["setup_days"]["count"], 0);
        let objective = |k: &str| {
            d["by_objective"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["key"] == k)
                .map(|c| c["count"].clone())
        };
        assert_eq!(objective("6"), Some(json!(2)));
        assert_eq!(objective("11"), Some(json!(1)));
        assert_eq!(d["by_region"][0]["key"], "002", "Kenya is in Africa");
        assert_eq!(d["open_offers"], 0);

        let (s, csv) = anon.get_text("/data/hub/requests.csv").await;
        assert_eq!(s, 200);
        assert!(csv.starts_with("id,reference,lang,title"), "{csv}");
        assert!(csv.contains("Fair recruitment of migrant workers"));
        assert!(!csv.contains("Confidential"), "{csv}");
        assert!(csv.contains("90000") && !csv.contains("250000"), "{csv}");
        let (_, json) = api(&anon, "GET", "/data/hub/requests.json", None).await;
        let items = json.as_array().unwrap();
        assert_eq!(items.len(), 2);
        assert!(items.iter().all(|r| r["id"] != json!(private)));
        // The private request: 404 for another country, full for its organisation.
        assert_eq!(
            api(
                &c.other,
                "GET",
                &format!("/api/v1/hub/requests/{private}"),
                None
            )
            .await
            .0,
            404
        );
        assert_eq!(
            api(
                &c.gov,
                "GET",
                &format!("/api/v1/hub/requests/{private}"),
                None
            )
            .await
            .1["full"],
            true
        );
        // The dashboard page and the landing page render.
        assert_eq!(anon.get("/fr/hub/dashboard").await.status().as_u16(), 200);
        let (s, html) = anon.get_text("/nb/hub").await;
        assert_eq!(s, 200);
        assert!(html.contains("/nb/hub/offers") && html.contains("/nb/hub/partners"));
    }
);

db_test!(
    every_column_of_requests_is_classified_for_export,
    |app: TestApp| async move {
        let cols: Vec<String> = match app.db().backend() {
        gcm_store::Backend::Sqlite => sqlx::query_scalar("SELECT name FROM pragma_table_info('hub_requests')")
            .fetch_all(app.db().pool())
            .await
            .unwrap(),
        gcm_store::Backend::Postgres => sqlx::query_scalar(
            "SELECT column_name::text FROM information_schema.columns WHERE table_name = 'hub_requests' \
             AND table_schema = current_schema()",
        )
        .fetch_all(app.db().pool())
        .await
        .unwrap(),
    };
        assert!(!cols.is_empty());
        let classified: Vec<&str> = gcm_store::hub_requests::EXPORT_COLUMNS
            .iter()
            .map(|(c, _)| *c)
            .collect();
        for c in &cols {
            assert!(
                classified.contains(&c.as_str()),
                "column {c} of hub_requests is not classified public or private"
            );
        }
        assert_eq!(cols.len(), classified.len());
    }
);

db_test!(
    the_pages_refuse_bad_steps_with_the_reason,
    |app: TestApp| async move {
        let c = cast(&app).await;
        let id = submitted(&c, draft(&c.gov_org)).await;
        let page = format!("/en/hub/requests/{id}");
        let (s, html) = c.sec.get_text(&page).await;
        assert_eq!(s, 200);
        assert!(html.contains(&format!("/en/hub/requests/{id}/suggestions")));
        let res = c
            .sec
            .post_form(&format!("{page}/step"), &[("to", "completed")])
            .await;
        assert_eq!(res.status().as_u16(), 409);
        let html = res.text().await.unwrap();
        assert!(html.contains("cannot move to"), "{html}");
        let res = c
            .sec
            .post_form(&format!("{page}/step"), &[("to", "under_assessment")])
            .await;
        assert_eq!(res.status().as_u16(), 303);
        // The requester's page shows the step; another country's focal point sees no forms.
        let (_, html) = c.gov.get_text(&page).await;
        assert!(html.contains("Under assessment"));
        let (s, html) = c.other.get_text(&page).await;
        assert_eq!(s, 200);
        assert!(
            !html.contains("/step\"") && !html.contains("Ministry of Labour"),
            "public part only"
        );
        // The list filters by country and objective.
        let (s, html) = c
            .other
            .get_text("/en/hub/requests?country=KEN&objective=6")
            .await;
        assert_eq!(s, 200);
        assert!(html.contains(&format!("/en/hub/requests/{id}\"")), "listed");
        let (_, html) = c.other.get_text("/en/hub/requests?country=CHL").await;
        assert!(
            !html.contains(&format!("/en/hub/requests/{id}\"")),
            "not in Chile"
        );
        let (_, html) = c.other.get_text("/en/hub/requests?objective=11").await;
        assert!(
            !html.contains(&format!("/en/hub/requests/{id}\"")),
            "not objective 11"
        );
        assert_eq!(
            c.other
                .get("/en/hub/requests?country=XXX")
                .await
                .status()
                .as_u16(),
            400
        );
        // The page in every language, with the step in words.
        for (lang, step) in [
            ("fr", "En cours d'évaluation"),
            ("es", "En evaluación"),
            ("nb", "Under vurdering"),
            ("nl", "In beoordeling"),
        ] {
            let (s, html) = c.gov.get_text(&format!("/{lang}/hub/requests/{id}")).await;
            assert_eq!(s, 200, "{lang}");
            assert!(html.contains(&crate::harness::html(step)), "{lang}: {step}");
            let (s, _) = c.gov.get_text(&format!("/{lang}/hub/requests/new")).await;
            assert_eq!(s, 200, "{lang}");
        }
        // The form keeps what was typed and names the bad field.
        let res = c
            .gov
            .post_form(
                "/en/hub/requests",
                &[
                    ("org_id", c.gov_org.as_str()),
                    ("lang", "en"),
                    ("title", "Border data"),
                    ("country", "ZZZ"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 422);
        let html = res.text().await.unwrap();
        assert!(
            html.contains("Border data") && html.contains("href=\"#country\""),
            "{html}"
        );
    }
);

/// Asks `GET path` as `v` until `found` holds for the JSON answer; fails after 10 s.
async fn eventually(v: &Visitor, path: &str, found: impl Fn(&Value) -> bool) -> Value {
    let start = std::time::Instant::now();
    loop {
        let (s, body) = api(v, "GET", path, None).await;
        if s == 200 && found(&body) {
            return body;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "{path} never matched: {s} {body}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

db_test!(
    similar_requests_are_linked_and_their_focal_points_connected,
    |app: TestApp| async move {
        let c = cast(&app).await;
        let kenya = submitted(&c, draft(&c.gov_org)).await;
        // Chile asks for much the same thing.
        let mut body = draft(&c.other_org);
        body["country"] = json!("CHL");
        body["title"] = json!("Fair recruitment and labour inspection");
        let (s, r) = api(&c.other, "POST", "/api/v1/hub/requests", Some(body)).await;
        assert_eq!(s, 201, "{r}");
        let chile = r["id"].as_str().unwrap().to_string();
        // While a draft, Chile's request is found by nobody else.
        let search = "/api/v1/search?q=recruitment&kind=hub_request";
        let anon = app.visitor();
        let found = eventually(&c.other, search, |b| b["total"] == 2).await;
        assert_eq!(found["total"], 2);
        let (_, public) = api(&anon, "GET", search, None).await;
        assert_eq!(public["total"], 1, "{public}");
        assert_eq!(
            api(
                &c.other,
                "POST",
                &format!("/api/v1/hub/requests/{chile}/submit"),
                None
            )
            .await
            .0,
            200
        );

        // The similar requests of Kenya's: Chile's, by objectives in common.
        let similar = eventually(
            &c.sec,
            &format!("/api/v1/hub/requests/{kenya}/similar"),
            |b| {
                b["hits"]
                    .as_array()
                    .is_some_and(|h| h.iter().any(|x| x["hit"]["id"] == json!(chile)))
            },
        )
        .await;
        let hit = similar["hits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["hit"]["id"] == json!(chile))
            .unwrap();
        assert_eq!(hit["shared_objectives"], json!([6, 20]));
        // The request's page lists it for the secretariat, with the flags to set.
        let (_, html) = c.sec.get_text(&format!("/en/hub/requests/{kenya}")).await;
        assert!(
            html.contains(&format!("/en/hub/requests/{chile}")),
            "similar request missing"
        );

        // Flag it, then connect the two focal points.
        let links = format!("/api/v1/hub/requests/{kenya}/links");
        let (s, r) = api(
            &c.sec,
            "POST",
            &links,
            Some(json!({"other_kind": "hub_request", "other_id": chile, "kind": "sideways"})),
        )
        .await;
        assert_eq!(
            (s, r["error"]["details"]["field"].clone()),
            (422, json!("kind"))
        );
        let (s, r) = api(
            &c.sec,
            "POST",
            &links,
            Some(json!({"other_kind": "hub_request", "other_id": "nope", "kind": "peer_exchange"})),
        )
        .await;
        assert_eq!(
            (s, r["error"]["details"]["field"].clone()),
            (422, json!("other_id"))
        );
        let connect = format!("{links}/connect");
        assert_eq!(
            api(
                &c.sec,
                "POST",
                &connect,
                Some(json!({"other_kind": "hub_request", "other_id": chile}))
            )
            .await
            .0,
            404,
            "not flagged yet"
        );
        let (s, _) = api(&c.sec, "POST", &links, Some(json!({"other_kind": "hub_request", "other_id": chile, "kind": "peer_exchange", "note": "Both start in 2027"}))).await;
        assert_eq!(s, 204);
        assert_eq!(
            api(
                &c.gov,
                "POST",
                &connect,
                Some(json!({"other_kind": "hub_request", "other_id": chile}))
            )
            .await
            .0,
            403
        );
        let (s, _) = api(
            &c.sec,
            "POST",
            &connect,
            Some(json!({"other_kind": "hub_request", "other_id": chile})),
        )
        .await;
        assert_eq!(s, 204);
        for (to, other) in [
            ("fp@kenya.example", "fp@chile.example"),
            ("fp@chile.example", "fp@kenya.example"),
        ] {
            let mail = app.mail_to(to).await;
            let intro = mail
                .iter()
                .find(|m| m.kind == "hub.connect")
                .unwrap_or_else(|| panic!("no introduction to {to}"));
            assert!(intro.body.contains(other), "{}", intro.body);
        }
        let connected = sqlx::query_scalar::<_, Option<String>>(
            "SELECT connected_at FROM hub_request_links WHERE request_id = $1",
        )
        .bind(&kenya)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        assert!(connected.is_some());
        let (_, r) = api(
            &c.gov,
            "GET",
            &format!("/api/v1/hub/requests/{kenya}"),
            None,
        )
        .await;
        assert!(
            r["events"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["kind"] == "connected"),
            "{r}"
        );
    }
);

db_test!(
    partners_see_the_requests_they_are_invited_to,
    |app: TestApp| async move {
        let c = cast(&app).await;
        let mut body = draft(&c.gov_org);
        body["is_public"] = json!(false);
        let id = submitted(&c, body).await;
        let path = format!("/api/v1/hub/requests/{id}");
        let listed = |v: Value| {
            v["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["id"] == json!(id))
        };
        // Before the invitation: neither the partner nor another country sees it.
        for v in [&c.partner, &c.other] {
            assert_eq!(api(v, "GET", &path, None).await.0, 404);
            assert!(!listed(api(v, "GET", "/api/v1/hub/requests", None).await.1));
        }
        assert!(listed(
            api(&c.sec, "GET", "/api/v1/hub/requests", None).await.1
        ));
        for to in ["under_assessment", "accepted", "matching"] {
            assert_eq!(step(&c.sec, &id, to, "").await.0, 200);
        }
        let inv = format!("{path}/invitations");
        let (s, r) = api(
        &c.sec,
        "POST",
        &inv,
        Some(json!({"org_id": c.partner_org, "role": "technical_adviser", "override_reason": "Known locally"})),
    )
    .await;
        assert_eq!(s, 200, "{r}");
        // The secretariat sees why it chose; the requester does not.
        assert_eq!(
            r["details"]["partners"][0]["override_reason"],
            "Known locally"
        );
        let (_, mine) = api(&c.gov, "GET", &path, None).await;
        assert!(
            mine["details"]["partners"][0]
                .get("override_reason")
                .is_none(),
            "{mine}"
        );
        // Invited: the partner sees the full request and finds it in its list; others still not.
        let (s, r) = api(&c.partner, "GET", &path, None).await;
        assert_eq!((s, r["full"].clone()), (200, json!(true)));
        assert_eq!(
            r["details"]["counterparts"][0]["name"],
            "Ministry of Labour"
        );
        assert!(listed(
            api(&c.partner, "GET", "/api/v1/hub/requests", None).await.1
        ));
        assert_eq!(api(&c.other, "GET", &path, None).await.0, 404);
        assert!(!listed(
            api(&c.other, "GET", "/api/v1/hub/requests", None).await.1
        ));
        // The partner's page offers the answer form for its organisation.
        let (_, html) = c.partner.get_text(&format!("/en/hub/requests/{id}")).await;
        assert!(html.contains(&format!(
            "/en/hub/requests/{id}/invitations/{}",
            c.partner_org
        )));
        // Withdrawn by the secretariat: the partner loses its view; twice is a conflict.
        let withdraw = format!("{path}/invitations/{}/withdraw", c.partner_org);
        assert_eq!(api(&c.partner, "POST", &withdraw, None).await.0, 403);
        let (s, r) = api(&c.sec, "POST", &withdraw, None).await;
        assert_eq!(s, 200, "{r}");
        assert_eq!(r["details"]["partners"][0]["state"], "withdrawn");
        assert_eq!(api(&c.sec, "POST", &withdraw, None).await.0, 409);
        assert_eq!(api(&c.partner, "GET", &path, None).await.0, 404);
        let ans = format!("{path}/invitations/{}", c.partner_org);
        assert_eq!(
            api(&c.partner, "POST", &ans, Some(json!({"answer": "accept"})))
                .await
                .0,
            409
        );
        assert!(
            app.mail_to("fp@ngo.example")
                .await
                .iter()
                .any(|m| m.kind == "hub.withdrawn")
        );
        // It may be invited again, and answer then.
        let (s, _) = api(
            &c.sec,
            "POST",
            &inv,
            Some(json!({"org_id": c.partner_org, "role": "funder"})),
        )
        .await;
        assert_eq!(s, 200);
        let (s, r) = api(
            &c.partner,
            "POST",
            &ans,
            Some(json!({"answer": "decline", "note": "No budget this year"})),
        )
        .await;
        assert_eq!(s, 200, "{r}");
        assert_eq!(r["details"]["partners"][0]["state"], "declined");
        assert_eq!(r["details"]["partners"][0]["role"], "funder");
    }
);

db_test!(
    letters_are_written_in_each_readers_language,
    |app: TestApp| async move {
        let c = cast(&app).await;
        // Signing up through an English page chose English.
        let (_, me) = api(&c.gov, "GET", "/api/v1/me", None).await;
        assert_eq!(me["lang"], "en");
        // The Kenyan focal point reads Norwegian (API); the secretariat French (account page).
        let (s, r) = api(&c.gov, "PATCH", "/api/v1/me", Some(json!({"lang": "de"}))).await;
        assert_eq!(
            (s, r["error"]["code"].clone()),
            (400, json!("invalid_parameter"))
        );
        let (s, me) = api(&c.gov, "PATCH", "/api/v1/me", Some(json!({"lang": "nb"}))).await;
        assert_eq!((s, me["lang"].clone()), (200, json!("nb")));
        let res = c
            .sec
            .post_form("/fr/account/language", &[("lang", "xx")])
            .await;
        assert_eq!(res.status().as_u16(), 400);
        let res = c
            .sec
            .post_form("/fr/account/language", &[("lang", "fr")])
            .await;
        assert_eq!(res.status().as_u16(), 303);
        let (_, page) = c.sec.get_text("/fr/account?notice=language").await;
        assert!(
            page.contains(r#"<option value="fr" lang="fr" selected>"#),
            "{page}"
        );
        let changes: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'user.language' \
             AND (after_state LIKE '%\"nb\"%' OR after_state LIKE '%\"fr\"%')",
        )
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        assert_eq!(changes, 2, "language changes audited");

        let id = submitted(&c, draft(&c.gov_org)).await;
        let to_sec = app.mail_to("sec@example.org").await;
        let new = to_sec.iter().find(|m| m.kind == "hub.submitted").unwrap();
        assert!(
            new.subject.starts_with("Nouvelle demande d'appui REQ-"),
            "{}",
            new.subject
        );
        assert!(
            new.body.contains(&format!("/fr/hub/requests/{id}")),
            "{}",
            new.body
        );
        let (s, _) = step(&c.sec, &id, "under_assessment", "Merci, nous regardons.").await;
        assert_eq!(s, 200);
        let to_gov = app.mail_to("fp@kenya.example").await;
        let moved = to_gov.iter().find(|m| m.kind == "hub.step").unwrap();
        assert!(
            moved.subject.ends_with("nå Under vurdering"),
            "{}",
            moved.subject
        );
        assert!(
            moved
                .body
                .contains("Begrunnelse og råd fra sekretariatet: Merci"),
            "{}",
            moved.body
        );
        assert!(
            moved.body.contains(&format!("/nb/hub/requests/{id}")),
            "{}",
            moved.body
        );
        // An invitation to an organisation: in the invitee's language when known, else in the
        // inviter's page's.
        for email in ["sec@example.org", "new@kenya.example"] {
            let res = c
                .gov
                .post_form(
                    &format!("/es/organisations/{}/invite", c.gov_org),
                    &[("email", email), ("role", "editor")],
                )
                .await;
            assert_eq!(res.status().as_u16(), 303, "{email}");
        }
        let to_sec = app.mail_to("sec@example.org").await;
        let invited = to_sec.iter().find(|m| m.kind == "invitation").unwrap();
        assert!(invited.body.contains("« Rédacteur »"), "{}", invited.body);
        assert!(
            invited.body.contains("/fr/invitations/"),
            "{}",
            invited.body
        );
        let to_new = app.mail_to("new@kenya.example").await;
        assert!(
            to_new[0].subject.starts_with("Invitación a unirse a "),
            "{}",
            to_new[0].subject
        );
        assert!(
            to_new[0].body.contains("/es/invitations/"),
            "{}",
            to_new[0].body
        );
        // No message id, placeholder or code shows through in any letter.
        for m in to_sec.iter().chain(&to_gov).chain(&to_new) {
            assert!(
                !m.body.contains("mail-hub") && !m.body.contains("{ $"),
                "{}",
                m.body
            );
        }
    }
);
