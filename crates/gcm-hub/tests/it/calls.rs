//! Calls for practices: opened, edited and closed by the secretariat (form and API), shown open
//! or past in the pages, the API and open data; refused to everyone else; and the check the
//! submission form relies on (`open_for_submission`).

use gcm_core::practices::{PracticeStatus, Theme};
use gcm_store::audit::Actor;
use gcm_store::calls::{self, CallError, CallInput, parse_date};

use crate::harness::{TestApp, Visitor, html};

/// A new verified person given the secretariat role by the administrator.
pub async fn secretariat(app: &TestApp, admin: &Visitor, email: &str) -> Visitor {
    with_role(app, admin, email, "secretariat").await
}

async fn with_role(app: &TestApp, admin: &Visitor, email: &str, role: &str) -> Visitor {
    let v = app.verified_user(email, "Someone").await;
    let id = gcm_store::accounts::find_by_email(app.db(), email)
        .await
        .unwrap()
        .unwrap()
        .id;
    let res = admin
        .post_form(&format!("/en/admin/users/{id}/roles"), &[("role", role)])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    v
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(app.db().pool())
        .await
        .unwrap()
}

const TITLE: &str = "Practices on regular pathways and climate-related migration";

fn call_form<'a>(title: &'a str, deadline: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title", title),
        (
            "description",
            "Pathways for people moving because of disasters and climate change.",
        ),
        ("lang", "en"),
        ("theme", "climate_and_disasters"),
        ("objective", "2"),
        ("objective", "5"),
        ("opens_on", "2020-01-01"),
        ("deadline", deadline),
    ]
}

db_test!(
    secretariat_opens_edits_and_closes_a_call,
    |app: TestApp| async move {
        let admin = app.admin().await;
        let sec = secretariat(&app, &admin, "sec@example.org").await;

        // The form, then the call.
        let (status, form) = sec.get_text("/en/practices/calls/new").await;
        assert_eq!(status, 200);
        assert!(form.contains("name=\"deadline\""));
        let res = sec
            .post_form("/en/practices/calls", &call_form(TITLE, "2099-03-31"))
            .await;
        assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
        let location = res.headers()["location"].to_str().unwrap().to_string();
        let id = location
            .strip_prefix("/en/practices/calls/")
            .unwrap()
            .to_string();

        // The list: open, with its deadline and days left; the "New call" link only for the
        // secretariat.
        let (status, list) = app.get_text("/en/practices/calls").await;
        assert_eq!(status, 200);
        let open_at = list.find("Open calls").unwrap();
        let past_at = list.find("Past calls").unwrap();
        let title_at = list.find(&html(TITLE)).unwrap();
        assert!(open_at < title_at && title_at < past_at, "{list}");
        assert!(list.contains("31 March 2099"));
        assert!(list.contains("days left"));
        assert!(!list.contains("/en/practices/calls/new"));
        let (_, list) = sec.get_text("/en/practices/calls").await;
        assert!(list.contains("href=\"/en/practices/calls/new\""));
        // The explore page links to the calls.
        let (_, explore) = app.get_text("/en/practices").await;
        assert!(explore.contains("href=\"/en/practices/calls\""));

        // The call's page: what it seeks, the deadline, the answers, the link to submit.
        let (status, page) = app.get_text(&format!("/fr/practices/calls/{id}")).await;
        assert_eq!(status, 200);
        assert!(page.contains(&html(TITLE)));
        assert!(
            page.contains("lang=\"en\""),
            "an English title on a French page says so"
        );
        assert!(page.contains("31 mars 2099"));
        assert!(page.contains("href=\"/fr/compact/objectives/2\""));
        assert!(page.contains("href=\"/fr/compact/objectives/5\""));
        assert!(page.contains(&format!("href=\"/fr/practices/new?call={id}\"")));
        assert!(page.contains("Soumettre une pratique à cet appel"));
        assert!(page.contains("aucune pratique publiée en réponse"));
        assert!(!page.contains("/close\""), "only the secretariat may close");
        assert_eq!(
            app.get("/en/practices/calls/nope").await.status().as_u16(),
            404
        );

        // The API and open data.
        let (status, all) = app.get_json("/api/v1/calls").await;
        assert_eq!(status, 200);
        assert_eq!(all["total"], 1);
        let item = &all["items"][0];
        assert_eq!(item["id"], id.as_str());
        assert_eq!(item["status"], "open");
        assert_eq!(item["theme"], "climate_and_disasters");
        assert_eq!(item["objectives"], serde_json::json!([2, 5]));
        assert_eq!(item["deadline"], "2099-03-31");
        assert_eq!(item["answered"], 0);
        assert!(
            item.get("submitted").is_none(),
            "counts by stage are private"
        );
        assert_eq!(app.get_json("/api/v1/calls?open=true").await.1["total"], 1);
        assert_eq!(app.get_json("/api/v1/calls?open=false").await.1["total"], 0);
        assert_eq!(app.get_json("/api/v1/calls?open=maybe").await.0, 400);
        let (status, one) = app.get_json(&format!("/api/v1/calls/{id}")).await;
        assert_eq!(status, 200);
        assert_eq!(one["title"], TITLE);
        assert_eq!(app.get_json("/api/v1/calls/nope").await.0, 404);
        let body = app.get("/data/calls.csv").await.text().await.unwrap();
        let mut rdr = csv::Reader::from_reader(body.as_bytes());
        let headers: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
        let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 1);
        let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
        assert_eq!(&rows[0][col("id")], id.as_str());
        assert_eq!(&rows[0][col("title")], TITLE);
        assert_eq!(&rows[0][col("status")], "open");
        assert_eq!(&rows[0][col("objectives")], "2 5");
        assert!(!body.contains("sec@example.org"));
        let dictionary = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/DATA.md"),
        )
        .unwrap();
        let section = dictionary.split("/data/calls.csv").nth(1).unwrap();
        for h in &headers {
            assert!(
                section.contains(&format!("| `{h}` |")),
                "column {h} is not in docs/DATA.md"
            );
        }
        let (status, json) = app.get_json("/data/calls.json").await;
        assert_eq!(status, 200);
        assert_eq!(json[0]["id"], id.as_str());
        assert!(json[0].get("created_by").is_none());

        // Through the API, with a token; the opening date defaults to today.
        let secret = sec.create_token("w", "write").await;
        let res = reqwest::Client::new()
        .post(app.url("/api/v1/calls"))
        .bearer_auth(&secret)
        .json(&serde_json::json!({"title": "Appel : santé des personnes migrantes", "lang": "fr", "objectives": [15], "deadline": "2099-12-31"}))
        .send()
        .await
        .unwrap();
        assert_eq!(res.status().as_u16(), 201);
        let created: serde_json::Value = res.json().await.unwrap();
        assert_eq!(created["status"], "open");
        assert_eq!(
            created["opens_on"],
            calls::format_date(calls::today()).as_str()
        );
        let (_, all) = app.get_json("/api/v1/calls?open=true&lang=en").await;
        assert_eq!(all["total"], 2);
        // Nearest deadline first.
        assert_eq!(all["items"][0]["id"], id.as_str());
        assert_eq!(all["items"][1]["text_lang"], "fr");

        // Answers: drafts and submissions count for the secretariat, only published ones publicly.
        let mut published = crate::practices::sample("call-1", "Humanitarian visas", "FJI", 2);
        published.call_id = Some(id.clone());
        let mut submitted = crate::practices::sample("call-2", "Unpublished one", "FJI", 2);
        submitted.call_id = Some(id.clone());
        submitted.status = PracticeStatus::Submitted;
        let mut draft = crate::practices::sample("call-3", "Draft one", "FJI", 2);
        draft.call_id = Some(id.clone());
        draft.status = PracticeStatus::Draft;
        let compact = gcm_compact::Compact::load_shipped().unwrap();
        let mut published_id = String::new();
        for p in [&published, &submitted, &draft] {
            let (pid, _) =
                gcm_store::practices::upsert(app.db(), &compact, &Actor::system("test"), p)
                    .await
                    .unwrap();
            if p.status == PracticeStatus::Published {
                published_id = pid;
            }
        }
        let (_, page) = app.get_text(&format!("/en/practices/calls/{id}")).await;
        assert!(page.contains("one practice published in answer"));
        assert!(page.contains(&format!("href=\"/en/practices/{published_id}\"")));
        assert!(page.contains("Humanitarian visas"));
        assert!(!page.contains("Unpublished one") && !page.contains("Draft one"));
        assert!(!page.contains("Answers: "));
        let (_, page) = sec.get_text(&format!("/en/practices/calls/{id}")).await;
        assert!(page.contains("Answers: 2 submitted or later, 1 published, 1 drafts."));
        let (_, one) = app.get_json(&format!("/api/v1/calls/{id}")).await;
        assert_eq!(one["answered"], 1);
        assert!(one.get("drafts").is_none());
        let one: serde_json::Value = reqwest::Client::new()
            .get(app.url(&format!("/api/v1/calls/{id}")))
            .bearer_auth(&secret)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            (&one["answered"], &one["submitted"], &one["drafts"]),
            (
                &serde_json::json!(1),
                &serde_json::json!(2),
                &serde_json::json!(1)
            )
        );

        // Editing keeps what was not changed and records the change.
        let (status, edit) = sec
            .get_text(&format!("/en/practices/calls/{id}/edit"))
            .await;
        assert_eq!(status, 200);
        assert!(edit.contains("value=\"2099-03-31\""));
        assert!(edit.contains(&html(TITLE)));
        let mut changed = call_form("Regular pathways and climate mobility", "2099-04-30");
        changed.retain(|(k, _)| *k != "theme");
        let res = sec
            .post_form(&format!("/en/practices/calls/{id}/edit"), &changed)
            .await;
        assert_eq!(res.status().as_u16(), 303);
        let (_, one) = app.get_json(&format!("/api/v1/calls/{id}")).await;
        assert_eq!(one["title"], "Regular pathways and climate mobility");
        assert_eq!(one["deadline"], "2099-04-30");
        assert!(one["theme"].is_null());

        // Closing early: past in the list, refused to submissions, gone from ?open=true.
        let (_, page) = sec.get_text(&format!("/en/practices/calls/{id}")).await;
        assert!(page.contains(&format!("action=\"/en/practices/calls/{id}/close\"")));
        let res = sec
            .post_form(&format!("/en/practices/calls/{id}/close"), &[])
            .await;
        assert_eq!(res.status().as_u16(), 303);
        let (_, page) = app.get_text(&format!("/en/practices/calls/{id}")).await;
        assert!(page.contains("Closed early"));
        assert!(!page.contains("/en/practices/new?call="));
        let (_, open) = app.get_json("/api/v1/calls?open=true").await;
        assert_eq!(open["total"], 1);
        assert_ne!(open["items"][0]["id"], id.as_str());
        let (_, list) = app.get_text("/en/practices/calls").await;
        let past_at = list.find("Past calls").unwrap();
        assert!(list.find("Regular pathways and climate mobility").unwrap() > past_at);
        assert!(matches!(
            calls::open_for_submission(app.db(), &id, calls::today()).await,
            Err(CallError::Closed { .. })
        ));
        // Closing again changes nothing.
        let res = sec
            .post_form(&format!("/en/practices/calls/{id}/close"), &[])
            .await;
        assert_eq!(res.status().as_u16(), 303);

        // Every change is in the audit log, with the change log alongside.
        for (action, n) in [("call.create", 2), ("call.update", 1), ("call.close", 1)] {
            assert_eq!(
            count(
                &app,
                &format!("SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND entity = 'call'")
            )
            .await,
            n,
            "{action}"
        );
        }
        assert_eq!(
            count(
                &app,
                &format!("SELECT COUNT(*) FROM change_log WHERE entity = 'call' AND id = '{id}'")
            )
            .await,
            3
        );
    }
);

db_test!(submissions_only_to_open_calls, |app: TestApp| async move {
    let compact = gcm_compact::Compact::load_shipped().unwrap();
    let actor = Actor::system("test");
    let day = |s: &str| parse_date(s).unwrap();
    let input = CallInput {
        title: "Labour mobility".into(),
        description: String::new(),
        lang: "en".into(),
        theme: Some(Theme::LabourMigration),
        objectives: vec![5, 6],
        opens_on: day("2027-01-10"),
        deadline: day("2027-03-31"),
    };
    let id = calls::create(app.db(), &compact, &actor, "nobody", &input)
        .await
        .unwrap();
    let ok = calls::open_for_submission(app.db(), &id, day("2027-02-01"))
        .await
        .unwrap();
    assert_eq!(ok.objectives, vec![5, 6]);
    // Open through the whole of the deadline day, not a day more.
    assert!(
        calls::open_for_submission(app.db(), &id, day("2027-03-31"))
            .await
            .is_ok()
    );
    assert!(
        calls::open_for_submission(app.db(), &id, day("2027-01-10"))
            .await
            .is_ok()
    );
    assert!(matches!(
        calls::open_for_submission(app.db(), &id, day("2027-04-01")).await,
        Err(CallError::PastDeadline { deadline }) if deadline == "2027-03-31"
    ));
    assert!(matches!(
        calls::open_for_submission(app.db(), &id, day("2027-01-09")).await,
        Err(CallError::NotYetOpen { opens_on }) if opens_on == "2027-01-10"
    ));
    assert!(matches!(
        calls::open_for_submission(app.db(), "no-such-call", day("2027-02-01")).await,
        Err(CallError::Unknown)
    ));
    assert!(calls::close(app.db(), &actor, &id).await.unwrap());
    let closed = calls::open_for_submission(app.db(), &id, day("2027-02-01")).await;
    assert!(matches!(closed, Err(CallError::Closed { .. })));
    assert_eq!(closed.unwrap_err().code(), "call_closed");
    assert!(!calls::close(app.db(), &actor, &id).await.unwrap());
    assert!(matches!(
        calls::close(app.db(), &actor, "no-such-call").await,
        Err(CallError::Unknown)
    ));

    // The store keeps its rules whoever calls it: nothing is written for a bad call.
    let mut bad = input.clone();
    bad.deadline = day("2027-01-01");
    assert!(matches!(
        calls::create(app.db(), &compact, &actor, "nobody", &bad).await,
        Err(CallError::Invalid("deadline"))
    ));
    let mut bad = input.clone();
    bad.objectives = vec![24];
    assert!(matches!(
        calls::create(app.db(), &compact, &actor, "nobody", &bad).await,
        Err(CallError::Invalid("objectives"))
    ));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM practice_calls").await, 1);

    // Open ones first (nearest deadline first), then upcoming, then past.
    let mut later = input.clone();
    later.deadline = day("2027-06-30");
    let later = calls::create(app.db(), &compact, &actor, "nobody", &later)
        .await
        .unwrap();
    let mut upcoming = input.clone();
    upcoming.opens_on = day("2027-05-01");
    upcoming.deadline = day("2027-05-31");
    let upcoming = calls::create(app.db(), &compact, &actor, "nobody", &upcoming)
        .await
        .unwrap();
    let mut soon = input.clone();
    soon.deadline = day("2027-02-28");
    let soon = calls::create(app.db(), &compact, &actor, "nobody", &soon)
        .await
        .unwrap();
    let order: Vec<String> = calls::list(app.db(), day("2027-02-01"))
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(order, vec![soon.clone(), later.clone(), upcoming, id]);
    let open: Vec<String> = calls::open(app.db(), day("2027-02-01"))
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(open, vec![soon, later]);
});

db_test!(
    bad_input_and_the_wrong_people_are_refused,
    |app: TestApp| async move {
        let admin = app.admin().await;
        let sec = secretariat(&app, &admin, "sec@example.org").await;

        // Each mistake: 422, a message naming the field, what was typed kept, nothing saved.
        let cases: [(&str, &str, &str, &str); 6] = [
            ("title", "   ", "Title: enter a title", "title"),
            (
                "deadline",
                "2019-12-31",
                "Deadline: the deadline cannot be before the opening date",
                "deadline",
            ),
            (
                "objective",
                "24",
                "Objectives sought: tick at least one objective",
                "objectives",
            ),
            (
                "theme",
                "space_travel",
                "Theme: choose one of the themes",
                "theme",
            ),
            (
                "deadline",
                "31/03/2099",
                "Deadline: enter a real date as YYYY-MM-DD",
                "deadline",
            ),
            (
                "opens_on",
                "2027-02-30",
                "Opens on: enter a real date as YYYY-MM-DD",
                "opens_on",
            ),
        ];
        for (field, value, message, named) in cases {
            let mut form = call_form(TITLE, "2099-03-31");
            if field == "objective" {
                form.retain(|(k, _)| *k != "objective");
            } else {
                form.retain(|(k, _)| *k != field);
            }
            form.push((field, value));
            let res = sec.post_form("/en/practices/calls", &form).await;
            assert_eq!(res.status().as_u16(), 422, "{field}={value}");
            let page = res.text().await.unwrap();
            assert!(page.contains(&html(message)), "{field}={value}: {page}");
            assert!(page.contains("role=\"alert\""));
            assert!(
                page.contains(&html(
                    "Pathways for people moving because of disasters and climate change."
                )),
                "the description typed is kept: {page}"
            );
            if field == "deadline" {
                assert!(page.contains(&format!("value=\"{}\"", html(value))));
            }
            let target = if named == "objectives" {
                "objective-1"
            } else {
                named
            };
            assert!(page.contains(&format!("href=\"#{target}\"")));

            // The same through the API: 422 naming the field.
            let mut body = serde_json::json!({
                "title": TITLE, "lang": "en", "theme": "climate_and_disasters",
                "objectives": [2, 5], "opens_on": "2020-01-01", "deadline": "2099-03-31",
            });
            match field {
                "objective" => body["objectives"] = serde_json::json!([2, 24]),
                f => body[f] = serde_json::json!(value),
            }
            let csrf = sec.csrf().await;
            let res = sec
                .client
                .post(sec.url("/api/v1/calls"))
                .header("x-csrf-token", csrf)
                .json(&body)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status().as_u16(), 422, "API {field}={value}");
            let err: serde_json::Value = res.json().await.unwrap();
            assert_eq!(err["error"]["details"]["field"], named, "{err}");
            assert!(err["error"]["message"].as_str().unwrap().contains(named));
        }
        // In another language, the message is in it.
        let mut form = call_form(TITLE, "2099-03-31");
        form.retain(|(k, _)| *k != "title");
        let res = sec.post_form("/fr/practices/calls", &form).await;
        assert_eq!(res.status().as_u16(), 422);
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("Titre : saisissez un titre")
        );
        // A JSON body missing everything is still a 422 naming a field, and a wrong type is no 500.
        let secret = sec.create_token("w", "write").await;
        let res = reqwest::Client::new()
            .post(app.url("/api/v1/calls"))
            .bearer_auth(&secret)
            .json(&serde_json::json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 422);
        let err: serde_json::Value = res.json().await.unwrap();
        assert_eq!(err["error"]["details"]["field"], "title");
        let res = reqwest::Client::new()
            .post(app.url("/api/v1/calls"))
            .bearer_auth(&secret)
            .json(&serde_json::json!({"title": "x", "objectives": "all"}))
            .send()
            .await
            .unwrap();
        assert!(res.status().is_client_error());
        assert_eq!(count(&app, "SELECT COUNT(*) FROM practice_calls").await, 0);
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'call.%'"
            )
            .await,
            0
        );

        // Reviewers and members may not open calls; anonymous visitors are sent to sign in.
        let reviewer = with_role(&app, &admin, "rev@example.org", "reviewer").await;
        let member = app.verified_user("member@example.org", "Member").await;
        for v in [&reviewer, &member] {
            assert_eq!(
                v.get("/en/practices/calls/new").await.status().as_u16(),
                403
            );
            let res = v
                .post_form("/en/practices/calls", &call_form(TITLE, "2099-03-31"))
                .await;
            assert_eq!(res.status().as_u16(), 403);
            let secret = v.create_token("w", "write").await;
            let res = reqwest::Client::new()
            .post(app.url("/api/v1/calls"))
            .bearer_auth(&secret)
            .json(&serde_json::json!({"title": TITLE, "lang": "en", "objectives": [2], "deadline": "2099-03-31"}))
            .send()
            .await
            .unwrap();
            assert_eq!(res.status().as_u16(), 403);
        }
        let anon = app.visitor();
        let res = anon.get("/en/practices/calls/new").await;
        assert_eq!(res.status().as_u16(), 303);
        assert!(
            res.headers()["location"]
                .to_str()
                .unwrap()
                .contains("/login")
        );
        let res = anon
            .post_form("/en/practices/calls", &call_form(TITLE, "2099-03-31"))
            .await;
        assert_eq!(res.status().as_u16(), 303);
        assert!(
            res.headers()["location"]
                .to_str()
                .unwrap()
                .contains("/login")
        );
        let csrf = anon.csrf().await;
        let res = anon
            .client
            .post(anon.url("/api/v1/calls"))
            .header("x-csrf-token", csrf)
            .json(&serde_json::json!({"title": TITLE}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 401);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM practice_calls").await, 0);
    }
);
