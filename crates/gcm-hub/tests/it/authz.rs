//! The authorization matrix: every route, asked by every kind of person, gets the answer the
//! policy gives. Roles, in column order: anonymous, member of organisation A, focal point of
//! another organisation (B), peer reviewer, Network secretariat, administrator.
//!
//! Expected letters: `A` the request gets through (any answer but 403 or a demand to sign
//! in: input errors like 404/422 count, since the route let the caller in), `L` sign-in
//! demanded (401, or a redirect to the sign-in page), `D` forbidden (403), `P` public (any
//! answer but 403). A test also checks that every route the application registers appears
//! here, so a new route cannot skip the matrix.

use std::collections::BTreeSet;

use crate::harness::{TestApp, Visitor};
use crate::orgs::create_org;

const ROLES: [&str; 6] = [
    "anonymous",
    "member",
    "focal_point_other",
    "reviewer",
    "secretariat",
    "administrator",
];

pub(crate) struct Case {
    pub(crate) method: &'static str,
    pub(crate) template: &'static str,
    pub(crate) path: String,
    /// Form fields (for POST to pages) or JSON body (for the API).
    pub(crate) form: Vec<(&'static str, &'static str)>,
    pub(crate) json: Option<serde_json::Value>,
    pub(crate) expect: &'static str,
}

pub(crate) fn case(
    method: &'static str,
    template: &'static str,
    path: impl Into<String>,
    expect: &'static str,
) -> Case {
    Case {
        method,
        template,
        path: path.into(),
        form: Vec::new(),
        json: None,
        expect,
    }
}

async fn outcome(v: &Visitor, c: &Case) -> (char, u16) {
    let url = v.url(&c.path);
    let res = match c.method {
        "GET" => v.client.get(&url).send().await.unwrap(),
        "POST" if c.json.is_some() => {
            let csrf = v.csrf().await;
            v.client
                .post(&url)
                .header("x-csrf-token", csrf)
                .json(c.json.as_ref().unwrap())
                .send()
                .await
                .unwrap()
        }
        "POST" => v.post_form(&c.path, &c.form).await,
        "PUT" => {
            let csrf = v.csrf().await;
            v.client
                .put(&url)
                .header("x-csrf-token", csrf)
                .json(c.json.as_ref().unwrap_or(&serde_json::json!({})))
                .send()
                .await
                .unwrap()
        }
        "PATCH" => {
            let csrf = v.csrf().await;
            v.client
                .patch(&url)
                .header("x-csrf-token", csrf)
                .json(c.json.as_ref().unwrap_or(&serde_json::json!({})))
                .send()
                .await
                .unwrap()
        }
        "DELETE" => {
            let csrf = v.csrf().await;
            v.client
                .delete(&url)
                .header("x-csrf-token", csrf)
                .send()
                .await
                .unwrap()
        }
        m => panic!("method {m}"),
    };
    let status = res.status().as_u16();
    let to_login = status == 303
        && res
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .is_some_and(|l| l.contains("/login"));
    let letter = match status {
        401 => 'L',
        _ if to_login => 'L',
        403 => 'D',
        _ => 'A',
    };
    (letter, status)
}

db_test!(every_route_against_every_role, |app: TestApp| async move {
    // The cast.
    let admin = app.admin().await;
    let fa = app.verified_user("fa@example.org", "Focal A").await;
    let org_a = create_org(&fa, "Org A", "civil_society", "KEN").await;
    let member = app.verified_user("member@example.org", "Member A").await;
    fa.post_form(
        &format!("/en/organisations/{org_a}/invite"),
        &[("email", "member@example.org"), ("role", "member")],
    )
    .await;
    let link = app
        .link_in_mail("member@example.org", "/invitations/")
        .await;
    assert_eq!(member.post_form(&link, &[]).await.status().as_u16(), 303);
    let fb = app.verified_user("fb@example.org", "Focal B").await;
    let org_b = create_org(&fb, "Org B", "academia", "CHL").await;
    let reviewer = app.verified_user("rev@example.org", "Rev").await;
    let secretariat = app.verified_user("sec@example.org", "Sec").await;
    for (email, role) in [
        ("rev@example.org", "reviewer"),
        ("sec@example.org", "secretariat"),
    ] {
        crate::submissions::grant(&app, &admin, email, role).await;
    }
    let anon = app.visitor();
    let visitors = [&anon, &member, &fb, &reviewer, &secretariat, &admin];

    let a = org_a.as_str();
    let mut cases = vec![
        case("GET", "/{lang}/resources", "/en/resources", "AAAAAA"),
        case("POST", "/{lang}/resources", "/en/resources", "LDADDD"),
        case(
            "GET",
            "/{lang}/resources/new",
            "/en/resources/new",
            "LDADDD",
        ),
        case("GET", "/api/v1/resources", "/api/v1/resources", "AAAAAA"),
        case(
            "GET",
            "/data/practices.atom",
            "/data/practices.atom",
            "AAAAAA",
        ),
        case("GET", "/", "/", "AAAAAA"),
        case("GET", "/{lang}", "/en", "AAAAAA"),
        case("GET", "/{lang}/", "/en/", "AAAAAA"),
        case("GET", "/{lang}/compact", "/en/compact", "AAAAAA"),
        case(
            "GET",
            "/{lang}/compact/objectives/{number}",
            "/en/compact/objectives/20",
            "AAAAAA",
        ),
        case(
            "GET",
            "/{lang}/compact/objectives/{number}/compare",
            "/nb/compact/objectives/20/compare",
            "AAAAAA",
        ),
        case(
            "GET",
            "/{lang}/compact/chapters/{section}",
            "/en/compact/chapters/implementation",
            "AAAAAA",
        ),
        case(
            "GET",
            "/{lang}/compact/alignment",
            "/en/compact/alignment",
            "AAAAAA",
        ),
        case(
            "GET",
            "/{lang}/compact/frameworks",
            "/en/compact/frameworks",
            "AAAAAA",
        ),
        case(
            "GET",
            "/{lang}/compact/frameworks/{id}",
            "/en/compact/frameworks/gfmd",
            "AAAAAA",
        ),
        case("GET", "/data/compact.json", "/data/compact.json", "AAAAAA"),
        case("GET", "/data/compact.csv", "/data/compact.csv", "AAAAAA"),
        case("GET", "/healthz", "/healthz", "AAAAAA"),
        case("GET", "/metrics", "/metrics", "AAAAAA"),
        case("GET", "/robots.txt", "/robots.txt", "AAAAAA"),
        case("GET", "/static/{file}", "/static/favicon.svg", "AAAAAA"),
        case("GET", "/api/docs", "/api/docs/", "AAAAAA"),
        case(
            "GET",
            "/api/v1/openapi.json",
            "/api/v1/openapi.json",
            "AAAAAA",
        ),
        case("GET", "/api/v1/info", "/api/v1/info", "AAAAAA"),
        case(
            "GET",
            "/api/v1/compact/objectives",
            "/api/v1/compact/objectives",
            "AAAAAA",
        ),
        case(
            "GET",
            "/api/v1/compact/objectives/{number}",
            "/api/v1/compact/objectives/20",
            "AAAAAA",
        ),
        case(
            "GET",
            "/api/v1/compact/principles",
            "/api/v1/compact/principles",
            "AAAAAA",
        ),
        case(
            "GET",
            "/api/v1/compact/resolve",
            "/api/v1/compact/resolve?ref=gcm:obj:20:c",
            "AAAAAA",
        ),
        case("GET", "/api/v1/frameworks", "/api/v1/frameworks", "AAAAAA"),
        case(
            "GET",
            "/api/v1/frameworks/{id}",
            "/api/v1/frameworks/sdg",
            "AAAAAA",
        ),
        // Signing in and the one-time links are for everyone.
        case("GET", "/{lang}/login", "/en/login", "AAAAAA"),
        case("POST", "/{lang}/login", "/en/login", "PPPPPP"),
        case("GET", "/{lang}/signup", "/en/signup", "AAAAAA"),
        case("POST", "/{lang}/signup", "/en/signup", "AAAAAA"),
        case("GET", "/{lang}/setup", "/en/setup?token=bogus", "AAAAAA"),
        case("POST", "/{lang}/setup", "/en/setup", "AAAAAA"),
        case("GET", "/{lang}/verify", "/en/verify?token=bogus", "AAAAAA"),
        case("POST", "/{lang}/verify", "/en/verify", "AAAAAA"),
        case(
            "GET",
            "/{lang}/password-reset",
            "/en/password-reset",
            "AAAAAA",
        ),
        case(
            "POST",
            "/{lang}/password-reset",
            "/en/password-reset",
            "AAAAAA",
        ),
        case("GET", "/{lang}/reset", "/en/reset?token=bogus", "AAAAAA"),
        case("POST", "/{lang}/reset", "/en/reset", "AAAAAA"),
        // One's own account.
        case("GET", "/{lang}/account", "/en/account", "LAAAAA"),
        case(
            "POST",
            "/{lang}/account/verify-email",
            "/en/account/verify-email",
            "LAAAAA",
        ),
        case(
            "POST",
            "/{lang}/account/sessions/close-all",
            "/en/account/sessions/close-all",
            "LAAAAA",
        ),
        case(
            "POST",
            "/{lang}/account/language",
            "/en/account/language",
            "LAAAAA",
        ),
        case(
            "POST",
            "/{lang}/account/tokens",
            "/en/account/tokens",
            "LAAAAA",
        ),
        case(
            "POST",
            "/{lang}/account/tokens/{id}/revoke",
            "/en/account/tokens/nope/revoke",
            "LAAAAA",
        ),
        case(
            "GET",
            "/{lang}/account/export",
            "/en/account/export",
            "LAAAAA",
        ),
        case(
            "GET",
            "/{lang}/account/close",
            "/en/account/close",
            "LAAAAA",
        ),
        case(
            "POST",
            "/{lang}/account/close",
            "/en/account/close",
            "LAAAAA",
        ),
        case("GET", "/api/v1/me", "/api/v1/me", "LAAAAA"),
        case("PATCH", "/api/v1/me", "/api/v1/me", "LAAAAA"),
        case("GET", "/api/v1/tokens", "/api/v1/tokens", "LAAAAA"),
        case(
            "DELETE",
            "/api/v1/tokens/{id}",
            "/api/v1/tokens/nope",
            "LAAAAA",
        ),
        // Organisations.
        case(
            "GET",
            "/{lang}/organisations",
            "/en/organisations",
            "AAAAAA",
        ),
        case(
            "POST",
            "/{lang}/organisations",
            "/en/organisations",
            "LAAAAA",
        ),
        case(
            "GET",
            "/{lang}/organisations/new",
            "/en/organisations/new",
            "LAAAAA",
        ),
        case(
            "GET",
            "/{lang}/organisations/{id}",
            format!("/en/organisations/{a}"),
            "AAAAAA",
        ),
        case(
            "GET",
            "/{lang}/organisations/{id}/edit",
            format!("/en/organisations/{a}/edit"),
            "LDDDAA",
        ),
        case(
            "POST",
            "/{lang}/organisations/{id}/edit",
            format!("/en/organisations/{a}/edit"),
            "LDDDAA",
        ),
        case(
            "POST",
            "/{lang}/organisations/{id}/join",
            format!("/en/organisations/{a}/join"),
            "LDAAAA",
        ),
        case(
            "POST",
            "/{lang}/organisations/{id}/invite",
            format!("/en/organisations/{a}/invite"),
            "LDDDDA",
        ),
        case(
            "POST",
            "/{lang}/organisations/{id}/members/{user_id}",
            format!("/en/organisations/{a}/members/nobody"),
            "LDDDDA",
        ),
        case(
            "GET",
            "/{lang}/invitations/{token}",
            "/en/invitations/bogus",
            "AAAAAA",
        ),
        case(
            "POST",
            "/{lang}/invitations/{token}",
            "/en/invitations/bogus",
            "LAAAAA",
        ),
        case(
            "GET",
            "/api/v1/organisations",
            "/api/v1/organisations",
            "AAAAAA",
        ),
        case(
            "GET",
            "/api/v1/organisations/{id}",
            format!("/api/v1/organisations/{a}"),
            "AAAAAA",
        ),
        // The knowledge platform.
        case(
            "GET",
            "/{lang}/practices/{id}",
            "/en/practices/nope",
            "AAAAAA",
        ),
        case(
            "GET",
            "/data/practices.csv",
            "/data/practices.csv",
            "AAAAAA",
        ),
        case(
            "GET",
            "/data/practices.json",
            "/data/practices.json",
            "AAAAAA",
        ),
        case("GET", "/api/v1/practices", "/api/v1/practices", "AAAAAA"),
        case(
            "GET",
            "/api/v1/practices/{id}",
            "/api/v1/practices/nope",
            "AAAAAA",
        ),
        case(
            "GET",
            "/{lang}/recommendations",
            "/en/recommendations",
            "AAAAAA",
        ),
        case(
            "GET",
            "/{lang}/practices/map",
            "/en/practices/map",
            "AAAAAA",
        ),
        case(
            "GET",
            "/api/v1/recommendations",
            "/api/v1/recommendations",
            "AAAAAA",
        ),
        // Administration.
        case("GET", "/{lang}/admin", "/en/admin", "LDDDDA"),
        case("GET", "/{lang}/admin/users", "/en/admin/users", "LDDDDA"),
        case(
            "POST",
            "/{lang}/admin/users/{id}/roles",
            "/en/admin/users/nobody/roles",
            "LDDDDA",
        ),
        case("GET", "/{lang}/admin/outbox", "/en/admin/outbox", "LDDDDA"),
        case("GET", "/{lang}/admin/audit", "/en/admin/audit", "LDDDDA"),
        case(
            "GET",
            "/{lang}/admin/audit.csv",
            "/en/admin/audit.csv",
            "LDDDDA",
        ),
    ];
    // Input that passes authorization but changes nothing.
    for c in cases.iter_mut() {
        match (c.method, c.template) {
            ("POST", "/{lang}/organisations") | ("POST", "/{lang}/organisations/{id}/edit") => {
                c.form = vec![("name", ""), ("kind", "")]
            }
            ("POST", "/{lang}/organisations/{id}/invite") => {
                c.form = vec![("email", "not-an-address"), ("role", "member")]
            }
            ("POST", "/{lang}/organisations/{id}/members/{user_id}") => {
                c.form = vec![("op", "set"), ("role", "member")]
            }
            ("POST", "/{lang}/account/close") => {
                c.form = vec![("confirm_email", "someone@else.invalid")]
            }
            ("POST", "/{lang}/password-reset") => c.form = vec![("email", "nobody@example.org")],
            ("POST", "/{lang}/setup") | ("POST", "/{lang}/verify") | ("POST", "/{lang}/reset") => {
                c.form = vec![("token", "bogus"), ("password", "")]
            }
            _ => {}
        }
    }
    let mut json_cases = vec![
        (
            case("POST", "/api/v1/resources", "/api/v1/resources", "LDDDDA"),
            serde_json::json!({"org_id": "nope", "kind": "tool", "title": "x", "lang": "en", "link": "https://example.org", "objectives": [1]}),
        ),
        (
            case("POST", "/api/v1/tokens", "/api/v1/tokens", "LAAAAA"),
            serde_json::json!({"name": "x", "scopes": ["everything"]}),
        ),
        (
            case(
                "POST",
                "/api/v1/organisations",
                "/api/v1/organisations",
                "LAAAAA",
            ),
            serde_json::json!({"name": "x", "kind": "club"}),
        ),
    ];
    for (c, body) in json_cases.iter_mut() {
        c.json = Some(body.clone());
    }
    cases.extend(json_cases.into_iter().map(|(c, _)| c));
    // Each area adds its cases (and the fixtures they need) after its own marker.
    // --- submissions and peer review (routes/practices/submit.rs, review.rs) ---
    {
        // A draft of organisation A, by its focal point (who is not one of the six callers).
        let csrf = fa.csrf().await;
        let draft: serde_json::Value = fa
            .client
            .post(fa.url("/api/v1/practices"))
            .header("x-csrf-token", csrf)
            .json(&serde_json::json!({"org_id": a, "title": "Draft of A"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let d = draft["id"].as_str().unwrap().to_string();
        let p = |rest: &str| format!("/en/practices/{d}{rest}");
        let api = |rest: &str| format!("/api/v1/practices/{d}{rest}");
        cases.extend([
            case(
                "GET",
                "/{lang}/practices/mine",
                "/en/practices/mine",
                "LAAAAA",
            ),
            case(
                "GET",
                "/{lang}/practices/new",
                "/en/practices/new",
                "LDADDD",
            ),
            case(
                "POST",
                "/{lang}/practices/new",
                "/en/practices/new",
                "LDADDD",
            ),
            case("GET", "/{lang}/practices/{id}/edit", p("/edit"), "LDAADD"),
            case("POST", "/{lang}/practices/{id}/edit", p("/edit"), "LDAADD"),
            case(
                "POST",
                "/{lang}/practices/{id}/submit",
                p("/submit"),
                "LDAADD",
            ),
            case(
                "POST",
                "/{lang}/practices/{id}/attachments",
                p("/attachments"),
                "LDAADD",
            ),
            case(
                "GET",
                "/{lang}/practices/{id}/attachments/{file}",
                p("/attachments/none"),
                "AAAAAA",
            ),
            case(
                "POST",
                "/{lang}/practices/{id}/attachments/{file}/delete",
                p("/attachments/none/delete"),
                "LDAADD",
            ),
            case(
                "GET",
                "/{lang}/practices/{id}/revisions",
                p("/revisions"),
                "AAAAAA",
            ),
            case(
                "GET",
                "/{lang}/practices/review",
                "/en/practices/review",
                "LDDAAA",
            ),
            case(
                "GET",
                "/{lang}/practices/{id}/review",
                p("/review"),
                "LDDAAA",
            ),
            case(
                "POST",
                "/{lang}/practices/{id}/reviewers",
                p("/reviewers"),
                "LDDDAA",
            ),
            case(
                "POST",
                "/{lang}/practices/{id}/revision-request",
                p("/revision-request"),
                "LDDAAA",
            ),
            case(
                "POST",
                "/{lang}/practices/{id}/decision",
                p("/decision"),
                "LDDDAA",
            ),
            case(
                "POST",
                "/{lang}/reviews/{review_id}",
                "/en/reviews/none",
                "LDDAAA",
            ),
            case(
                "POST",
                "/{lang}/reviews/{review_id}/conflict",
                "/en/reviews/none/conflict",
                "LDDAAA",
            ),
            case(
                "POST",
                "/api/v1/practices/{id}/submit",
                api("/submit"),
                "LDAADD",
            ),
            case(
                "GET",
                "/api/v1/practices/{id}/submission",
                api("/submission"),
                "LAAAAA",
            ),
            case(
                "GET",
                "/api/v1/practices/{id}/revisions",
                api("/revisions"),
                "LAAAAA",
            ),
            case("GET", "/api/v1/reviews", "/api/v1/reviews", "LDDAAA"),
            case(
                "GET",
                "/api/v1/practices/{id}/reviews",
                api("/reviews"),
                "LDDAAA",
            ),
        ]);
        let mut with_json = vec![
            (
                case("POST", "/api/v1/practices", "/api/v1/practices", "LDDDDA"),
                serde_json::json!({"org_id": a, "title": ""}),
            ),
            (
                case("PATCH", "/api/v1/practices/{id}", api(""), "LDAADD"),
                serde_json::json!({}),
            ),
            (
                case(
                    "POST",
                    "/api/v1/practices/{id}/reviewers",
                    api("/reviewers"),
                    "LDDDAA",
                ),
                serde_json::json!({"reviewer_id": "nobody"}),
            ),
            (
                case(
                    "POST",
                    "/api/v1/reviews/{review_id}",
                    "/api/v1/reviews/none",
                    "LDDAAA",
                ),
                serde_json::json!({"scores": {}, "comment": "", "recommendation": ""}),
            ),
            (
                case(
                    "POST",
                    "/api/v1/reviews/{review_id}/conflict",
                    "/api/v1/reviews/none/conflict",
                    "LDDAAA",
                ),
                serde_json::json!({"note": ""}),
            ),
            (
                case(
                    "POST",
                    "/api/v1/practices/{id}/revision-request",
                    api("/revision-request"),
                    "LDDAAA",
                ),
                serde_json::json!({"note": ""}),
            ),
            (
                case(
                    "POST",
                    "/api/v1/practices/{id}/decision",
                    api("/decision"),
                    "LDDDAA",
                ),
                serde_json::json!({"decision": "maybe", "reasons": ""}),
            ),
        ];
        for (c, body) in with_json.iter_mut() {
            c.json = Some(body.clone());
        }
        cases.extend(with_json.into_iter().map(|(c, _)| c));
        cases.push(case(
            "GET",
            "/{lang}/resources/{id}/file",
            "/en/resources/none/file",
            "AAAAAA",
        ));
        cases.extend([
            case("GET", "/{lang}/search", "/en/search?q=migration", "AAAAAA"),
            case(
                "GET",
                "/api/v1/search",
                "/api/v1/search?q=migration",
                "AAAAAA",
            ),
            case(
                "GET",
                "/api/v1/practices/{id}/similar",
                api("/similar"),
                "AAAAAA",
            ),
        ]);
    }
    // --- calls for practices (routes/practices/calls.rs) ---
    // A call opened by the administrator; every request below leaves it as it is.
    let res = admin
        .post_form(
            "/en/practices/calls",
            &[
                ("title", "Climate-related migration"),
                ("lang", "en"),
                ("objective", "2"),
                ("deadline", "2099-03-31"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let call = res.headers()["location"]
        .to_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    // An empty title: refused with 422 once past the permission check.
    let no_title = vec![
        ("title", ""),
        ("lang", "en"),
        ("objective", "2"),
        ("deadline", "2099-03-31"),
    ];
    for mut c in [
        case(
            "GET",
            "/{lang}/practices/calls",
            "/en/practices/calls",
            "AAAAAA",
        ),
        case(
            "POST",
            "/{lang}/practices/calls",
            "/en/practices/calls",
            "LDDDAA",
        ),
        case(
            "GET",
            "/{lang}/practices/calls/new",
            "/en/practices/calls/new",
            "LDDDAA",
        ),
        case(
            "GET",
            "/{lang}/practices/calls/{id}",
            format!("/en/practices/calls/{call}"),
            "AAAAAA",
        ),
        case(
            "GET",
            "/{lang}/practices/calls/{id}/edit",
            format!("/en/practices/calls/{call}/edit"),
            "LDDDAA",
        ),
        case(
            "POST",
            "/{lang}/practices/calls/{id}/edit",
            format!("/en/practices/calls/{call}/edit"),
            "LDDDAA",
        ),
        case(
            "POST",
            "/{lang}/practices/calls/{id}/close",
            "/en/practices/calls/nope/close",
            "LDDDAA",
        ),
        case("GET", "/data/calls.csv", "/data/calls.csv", "AAAAAA"),
        case("GET", "/data/calls.json", "/data/calls.json", "AAAAAA"),
        case("GET", "/api/v1/calls", "/api/v1/calls?open=true", "AAAAAA"),
        case(
            "GET",
            "/api/v1/calls/{id}",
            format!("/api/v1/calls/{call}"),
            "AAAAAA",
        ),
        case("POST", "/api/v1/calls", "/api/v1/calls", "LDDDAA"),
    ] {
        if c.method == "POST" {
            if c.template.starts_with("/api/") {
                c.json = Some(
                    serde_json::json!({"title": "", "lang": "en", "objectives": [2], "deadline": "2099-03-31"}),
                );
            } else {
                c.form = no_title.clone();
            }
        }
        cases.push(c);
    }
    // --- connection hub requests (routes/hub/) ---
    // A public request of organisation A, endorsed by Kenya's government and submitted; every
    // request below is refused or bad input, so it stays as it is.
    let kenya_fp = app.verified_user("fp@kenya.example", "Kenya").await;
    let kenya = create_org(&kenya_fp, "Kenya", "member_state_government", "KEN").await;
    let hub_request = {
        let input = gcm_store::hub_requests::RequestInput {
            lang: "en".into(),
            title: "Fair recruitment".into(),
            description: "Labour inspectors".into(),
            country: "KEN".into(),
            objectives: vec![6],
            support: vec![gcm_core::hub::SupportKind::Technical],
            is_public: true,
            endorsed_by_org: Some(kenya.clone()),
            endorsed_on: gcm_store::calls::parse_date("2026-10-01"),
            endorsement_note: "Letter MI/2026/17".into(),
            ..Default::default()
        };
        let actor = gcm_store::audit::Actor::system("test");
        let compact = gcm_compact::Compact::load_shipped().unwrap();
        let id = gcm_store::hub_requests::create_draft(app.db(), &compact, &actor, &org_a, &input)
            .await
            .unwrap();
        gcm_store::hub_requests::submit(app.db(), &crate::hub_requests::letters(), &actor, &id)
            .await
            .unwrap();
        id
    };
    let h = hub_request.as_str();
    let b = org_b.as_str();
    let a_form: &'static str = Box::leak(org_a.clone().into_boxed_str());
    for mut c in [
        case("GET", "/{lang}/hub/requests", "/en/hub/requests", "AAAAAA"),
        case("POST", "/{lang}/hub/requests", "/en/hub/requests", "LDDDDA"),
        case(
            "GET",
            "/{lang}/hub/requests/new",
            "/en/hub/requests/new",
            "LDADDD",
        ),
        case(
            "GET",
            "/{lang}/hub/requests/{id}",
            format!("/en/hub/requests/{h}"),
            "AAAAAA",
        ),
        case(
            "GET",
            "/{lang}/hub/requests/{id}/edit",
            format!("/en/hub/requests/{h}/edit"),
            "LDDDDA",
        ),
        case(
            "POST",
            "/{lang}/hub/requests/{id}/edit",
            format!("/en/hub/requests/{h}/edit"),
            "LDDDDA",
        ),
        case(
            "POST",
            "/{lang}/hub/requests/{id}/submit",
            format!("/en/hub/requests/{h}/submit"),
            "LDDDDA",
        ),
        case(
            "POST",
            "/{lang}/hub/requests/{id}/step",
            format!("/en/hub/requests/{h}/step"),
            "LDDDAA",
        ),
        case(
            "POST",
            "/{lang}/hub/requests/{id}/question",
            format!("/en/hub/requests/{h}/question"),
            "LDDDAA",
        ),
        case(
            "POST",
            "/{lang}/hub/requests/{id}/answer",
            format!("/en/hub/requests/{h}/answer"),
            "LDDDDA",
        ),
        case(
            "POST",
            "/{lang}/hub/requests/{id}/invitations",
            format!("/en/hub/requests/{h}/invitations"),
            "LDDDAA",
        ),
        case(
            "POST",
            "/{lang}/hub/requests/{id}/invitations/{org_id}",
            format!("/en/hub/requests/{h}/invitations/{b}"),
            "LDADDA",
        ),
        case(
            "POST",
            "/{lang}/hub/requests/{id}/invitations/{org_id}/withdraw",
            format!("/en/hub/requests/{h}/invitations/{b}/withdraw"),
            "LDDDAA",
        ),
        case(
            "POST",
            "/api/v1/hub/requests/{id}/invitations/{org_id}/withdraw",
            format!("/api/v1/hub/requests/{h}/invitations/{b}/withdraw"),
            "LDDDAA",
        ),
        case(
            "POST",
            "/{lang}/hub/requests/{id}/milestones",
            format!("/en/hub/requests/{h}/milestones"),
            "LDDDAA",
        ),
        case(
            "POST",
            "/{lang}/hub/requests/{id}/milestones/{milestone_id}/done",
            format!("/en/hub/requests/{h}/milestones/nope/done"),
            "LDDDAA",
        ),
        case(
            "POST",
            "/{lang}/hub/requests/{id}/links",
            format!("/en/hub/requests/{h}/links"),
            "LDDDAA",
        ),
        case(
            "POST",
            "/{lang}/hub/requests/{id}/links/connect",
            format!("/en/hub/requests/{h}/links/connect"),
            "LDDDAA",
        ),
        case(
            "GET",
            "/{lang}/hub/dashboard",
            "/en/hub/dashboard",
            "AAAAAA",
        ),
        case(
            "GET",
            "/data/hub/requests.csv",
            "/data/hub/requests.csv",
            "AAAAAA",
        ),
        case(
            "GET",
            "/data/hub/requests.json",
            "/data/hub/requests.json",
            "AAAAAA",
        ),
        case(
            "GET",
            "/api/v1/hub/dashboard",
            "/api/v1/hub/dashboard",
            "AAAAAA",
        ),
        case(
            "GET",
            "/api/v1/hub/requests",
            "/api/v1/hub/requests",
            "AAAAAA",
        ),
        case(
            "POST",
            "/api/v1/hub/requests",
            "/api/v1/hub/requests",
            "LDDDDA",
        ),
        case(
            "GET",
            "/api/v1/hub/requests/{id}",
            format!("/api/v1/hub/requests/{h}"),
            "AAAAAA",
        ),
        case(
            "PATCH",
            "/api/v1/hub/requests/{id}",
            format!("/api/v1/hub/requests/{h}"),
            "LDDDDA",
        ),
        case(
            "POST",
            "/api/v1/hub/requests/{id}/submit",
            format!("/api/v1/hub/requests/{h}/submit"),
            "LDDDDA",
        ),
        case(
            "POST",
            "/api/v1/hub/requests/{id}/steps",
            format!("/api/v1/hub/requests/{h}/steps"),
            "LDDDAA",
        ),
        case(
            "POST",
            "/api/v1/hub/requests/{id}/questions",
            format!("/api/v1/hub/requests/{h}/questions"),
            "LDDDAA",
        ),
        case(
            "POST",
            "/api/v1/hub/requests/{id}/answers",
            format!("/api/v1/hub/requests/{h}/answers"),
            "LDDDDA",
        ),
        case(
            "GET",
            "/api/v1/hub/requests/{id}/similar",
            format!("/api/v1/hub/requests/{h}/similar"),
            "AAAAAA",
        ),
        case(
            "POST",
            "/api/v1/hub/requests/{id}/invitations",
            format!("/api/v1/hub/requests/{h}/invitations"),
            "LDDDAA",
        ),
        case(
            "POST",
            "/api/v1/hub/requests/{id}/invitations/{org_id}",
            format!("/api/v1/hub/requests/{h}/invitations/{b}"),
            "LDADDA",
        ),
        case(
            "POST",
            "/api/v1/hub/requests/{id}/milestones",
            format!("/api/v1/hub/requests/{h}/milestones"),
            "LDDDAA",
        ),
        case(
            "POST",
            "/api/v1/hub/requests/{id}/milestones/{milestone_id}/done",
            format!("/api/v1/hub/requests/{h}/milestones/nope/done"),
            "LDDDAA",
        ),
        case(
            "POST",
            "/api/v1/hub/requests/{id}/links",
            format!("/api/v1/hub/requests/{h}/links"),
            "LDDDAA",
        ),
        case(
            "POST",
            "/api/v1/hub/requests/{id}/links/connect",
            format!("/api/v1/hub/requests/{h}/links/connect"),
            "LDDDAA",
        ),
    ] {
        if c.method != "GET" {
            if c.template.starts_with("/api/") {
                c.json = Some(
                    serde_json::json!({"org_id": a, "title": "", "to": "", "text": "", "answer": "x"}),
                );
            } else {
                c.form = vec![("org_id", a_form), ("title", ""), ("answer", "x")];
            }
        }
        cases.push(c);
    }
    crate::hub_partners::authz_cases(&app, a, &mut cases).await;
    // --- filled-template import (routes/practices/import.rs) ---
    cases.push(case(
        "GET",
        "/{lang}/practices/template.csv",
        "/en/practices/template.csv",
        "AAAAAA",
    ));
    cases.push(case(
        "GET",
        "/{lang}/practices/template.xlsx",
        "/en/practices/template.xlsx",
        "AAAAAA",
    ));
    cases.push(case(
        "GET",
        "/{lang}/practices/import",
        "/en/practices/import",
        "LDADDD",
    ));
    // A form that is not multipart still reaches the route (422) for who may import.
    cases.push(case(
        "POST",
        "/{lang}/practices/import",
        "/en/practices/import",
        "LDADDD",
    ));
    let mut import_api = case(
        "POST",
        "/api/v1/practices/import",
        format!("/api/v1/practices/import?org_id={a}"),
        "LDDDDA",
    );
    import_api.json = Some(serde_json::json!({}));
    cases.push(import_api);
    for area in gcm_web::pages::Area::ALL {
        if area != gcm_web::pages::Area::Compact {
            let template: &'static str =
                Box::leak(format!("/{{lang}}/{}", area.slug()).into_boxed_str());
            cases.push(case(
                "GET",
                template,
                format!("/en/{}", area.slug()),
                "AAAAAA",
            ));
        }
    }
    // Signing out last, so the sessions above stay valid.
    cases.push(case("POST", "/{lang}/logout", "/en/logout", "AAAAAA"));

    let mut failures = Vec::new();
    for c in &cases {
        for (i, v) in visitors.iter().enumerate() {
            let expected = c.expect.as_bytes()[i] as char;
            let (got, status) = outcome(v, c).await;
            let ok = match expected {
                'P' => got != 'D',
                e => got == e,
            };
            if !ok {
                failures.push(format!(
                    "{} {} as {}: expected {expected}, got {got} ({status})",
                    c.method, c.path, ROLES[i]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "authorization matrix:\n{}",
        failures.join("\n")
    );

    // Every registered route is in the matrix.
    let covered: BTreeSet<&str> = cases.iter().map(|c| c.template).collect();
    let mut registered = BTreeSet::new();
    // Routes are registered in lib.rs and in `routes()` functions anywhere under routes/.
    let web_src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/src");
    let mut files = vec![web_src.join("lib.rs")];
    let mut dirs = vec![web_src.join("routes")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    for file in files {
        let src = std::fs::read_to_string(&file).unwrap();
        for part in src.split(".route(").skip(1) {
            if let Some(path) = part
                .trim_start()
                .strip_prefix('"')
                .and_then(|p| p.split('"').next())
            {
                registered.insert(path.replace("{{", "{").replace("}}", "}"));
            }
        }
    }
    for path in gcm_web::openapi::document().paths.paths.keys() {
        registered.insert(path.clone());
    }
    let missing: Vec<_> = registered
        .iter()
        .filter(|r| !covered.contains(r.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "routes missing from the authorization matrix: {missing:?}"
    );
});
