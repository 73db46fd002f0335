//! Accounts end to end over HTTP on both databases: sign-up, confirmation, sign-in, lockout,
//! reset, the first-administrator setup, API tokens, export and closure; and the attacks the
//! platform must refuse (missing CSRF token, session fixation, a role smuggled into a form,
//! a reused setup link).

use gcm_store::audit;

use crate::harness::TestApp;

db_test!(signup_confirm_sign_in_and_out, |app: TestApp| async move {
    let v = app.signup("Ana@Example.org", "Ana").await;
    // Signed in at once, address not yet confirmed.
    let (status, html) = v.get_text("/en/account").await;
    assert_eq!(status, 200);
    assert!(html.contains("ana@example.org"));
    assert!(html.contains("Not confirmed yet"));

    // The confirmation link only shows a form; submitting it confirms.
    let link = app.link_in_mail("ana@example.org", "/verify?token=").await;
    let (status, html) = v.get_text(&link).await;
    assert_eq!(status, 200);
    assert!(!v.get_text("/en/account").await.1.contains("Confirmed)"));
    let token = link.split("token=").nth(1).unwrap();
    let res = v.post_form("/en/verify", &[("token", token)]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(html.contains("csrf_token"));
    assert!(v.get_text("/en/account").await.1.contains("(Confirmed)"));
    // A used link is dead.
    assert_eq!(
        v.post_form("/en/verify", &[("token", token)])
            .await
            .status()
            .as_u16(),
        410
    );

    // Sign out, then the account page sends people to sign in.
    assert_eq!(v.post_form("/en/logout", &[]).await.status().as_u16(), 303);
    let res = v.get("/en/account").await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/en/login?next=")
    );

    // Wrong password, then right one (redirected to where they were going).
    let res = v.login("ana@example.org", "not it at all").await;
    assert_eq!(res.status().as_u16(), 401);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("The e-mail address or password is wrong.")
    );
    let res = v
        .post_form(
            "/en/login",
            &[
                ("email", "ANA@example.org"),
                ("password", "a long password 1"),
                ("next", "/en/compact"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], "/en/compact");
    assert_eq!(v.get("/en/account").await.status().as_u16(), 200);

    // Bad sign-up input gets a clear message and the right status.
    let w = app.visitor();
    let res = w
        .post_form(
            "/en/signup",
            &[
                ("display_name", "B"),
                ("email", "nope"),
                ("password", "a long password 1"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("The e-mail address is not valid.")
    );
    let res = w
        .post_form(
            "/fr/signup",
            &[
                ("display_name", "B"),
                ("email", "b@example.org"),
                ("password", "short"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let res = w
        .post_form(
            "/en/signup",
            &[
                ("display_name", "A2"),
                ("email", "ana@example.org"),
                ("password", "a long password 1"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 409);
});

db_test!(
    repeated_failures_lock_the_account,
    |app: TestApp| async move {
        app.signup("lock@example.org", "Lou").await;
        let v = app.visitor();
        for _ in 0..gcm_store::accounts::LOCK_AFTER_FAILURES {
            let res = v.login("lock@example.org", "wrong password!").await;
            assert_eq!(res.status().as_u16(), 401);
        }
        // Now even the right password is refused until the lock expires.
        let res = v.login("lock@example.org", "a long password 1").await;
        assert_eq!(res.status().as_u16(), 403);
        let locked = audit::list(
            app.db(),
            &audit::Filter {
                action: Some("user.locked".into()),
                ..Default::default()
            },
            None,
            10,
        )
        .await
        .unwrap();
        assert_eq!(locked.len(), 1);
        // A password reset lifts the lock.
        v.post_form("/en/password-reset", &[("email", "lock@example.org")])
            .await;
        let link = app.link_in_mail("lock@example.org", "/reset?token=").await;
        let token = link.split("token=").nth(1).unwrap();
        let res = v
            .post_form(
                "/en/reset",
                &[("token", token), ("password", "a brand new password")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303);
        let res = v.login("lock@example.org", "a brand new password").await;
        assert_eq!(res.status().as_u16(), 303);
    }
);

db_test!(password_reset, |app: TestApp| async move {
    let ana = app.signup("reset@example.org", "Rea").await;
    let v = app.visitor();
    // Unknown and known addresses get the same answer; only the known one gets mail.
    let unknown = v
        .post_form("/en/password-reset", &[("email", "nobody@example.org")])
        .await;
    let known = v
        .post_form("/en/password-reset", &[("email", "reset@example.org")])
        .await;
    assert_eq!(unknown.status(), known.status());
    assert!(app.mail_to("nobody@example.org").await.is_empty());
    let link = app.link_in_mail("reset@example.org", "/reset?token=").await;
    assert_eq!(v.get(&link).await.status().as_u16(), 200);
    let token = link.split("token=").nth(1).unwrap();
    // Too short: refused, link still usable.
    let res = v
        .post_form("/en/reset", &[("token", token), ("password", "short")])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let res = v
        .post_form(
            "/en/reset",
            &[("token", token), ("password", "another long one")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    // The old session was ended; the link is used up.
    assert_eq!(ana.get("/en/account").await.status().as_u16(), 303);
    let res = v
        .post_form(
            "/en/reset",
            &[("token", token), ("password", "yet another one")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 410);
    assert_eq!(v.get("/en/reset?token=bogus").await.status().as_u16(), 410);
});

db_test!(setup_link_works_once, |app: TestApp| async move {
    let link = app.node.as_ref().unwrap().setup_link.clone().unwrap();
    let path = format!("/en/setup?{}", link.split('?').nth(1).unwrap());
    assert_eq!(app.visitor().get(&path).await.status().as_u16(), 200);
    let admin = app.admin().await;
    let (status, html) = admin.get_text("/en/account").await;
    assert_eq!(status, 200);
    assert!(html.contains("Administrator"));
    // The same link again: refused, and no second administrator appears.
    let token = link.split("token=").nth(1).unwrap();
    let res = app
        .visitor()
        .post_form(
            "/en/setup",
            &[
                ("token", token),
                ("display_name", "Eve"),
                ("email", "eve@example.org"),
                ("password", "eve password 123"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 410);
    assert!(
        gcm_store::accounts::find_by_email(app.db(), "eve@example.org")
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(app.visitor().get(&path).await.status().as_u16(), 410);
    // With an administrator present, no new setup link is issued.
    assert!(
        gcm_store::accounts::setup_token(app.db())
            .await
            .unwrap()
            .is_none()
    );
});

db_test!(attacks_are_refused, |app: TestApp| async move {
    // 1. A POST without the CSRF token (or with another visitor's) is refused.
    let v = app.signup("csrf@example.org", "Cy").await;
    let res = v
        .post_raw("/en/account/tokens", &[("name", "x"), ("scope", "read")])
        .await;
    assert_eq!(res.status().as_u16(), 403);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("did not come from this site")
    );
    let other = app.visitor();
    let foreign = other.csrf().await;
    let res = v
        .post_raw(
            "/en/account/tokens",
            &[("name", "x"), ("scope", "read"), ("csrf_token", &foreign)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    let res = app
        .visitor()
        .post_raw(
            "/en/login",
            &[
                ("email", "csrf@example.org"),
                ("password", "a long password 1"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);

    // 2. Session fixation: an identifier planted before sign-in is never promoted.
    let victim = app.visitor();
    let planted = "f".repeat(64);
    let url: url::Url = victim.base.parse().unwrap();
    victim
        .jar
        .add_cookie_str(&format!("gcm_session={planted}; Path=/"), &url);
    let res = victim.login("csrf@example.org", "a long password 1").await;
    assert_eq!(res.status().as_u16(), 303);
    let issued = victim.cookie("gcm_session").unwrap();
    assert_ne!(issued, planted);
    let attacker = app.visitor();
    attacker
        .jar
        .add_cookie_str(&format!("gcm_session={planted}; Path=/"), &url);
    assert_eq!(attacker.get("/en/account").await.status().as_u16(), 303);

    // 3. A role asked for through a form field is ignored.
    let sneaky = app.visitor();
    let res = sneaky
        .post_form(
            "/en/signup",
            &[
                ("display_name", "Mallory"),
                ("email", "mallory@example.org"),
                ("password", "a long password 1"),
                ("role", "administrator"),
                ("roles", "administrator"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let m = gcm_store::accounts::find_by_email(app.db(), "mallory@example.org")
        .await
        .unwrap()
        .unwrap();
    assert!(m.roles.is_empty());
    assert_eq!(sneaky.get("/en/admin").await.status().as_u16(), 403);
});

db_test!(api_tokens, |app: TestApp| async move {
    let v = app.verified_user("tok@example.org", "Toki").await;
    // Unauthenticated API calls get 401 with the envelope.
    let (status, body) = app.get_json("/api/v1/me").await;
    assert_eq!(status, 401);
    assert_eq!(body["error"]["code"], "unauthorized");

    let secret = v.create_token("reader", "read").await;
    assert!(secret.starts_with("gcmhub_"));
    // Shown once: the account page does not show it again, and the database holds a hash.
    assert!(!v.get_text("/en/account").await.1.contains(&secret));

    let api = reqwest::Client::new();
    let me: serde_json::Value = api
        .get(app.url("/api/v1/me"))
        .bearer_auth(&secret)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["email"], "tok@example.org");
    assert_eq!(me["token_scopes"], serde_json::json!(["read"]));

    // A read-only token cannot change anything.
    let res = api
        .post(app.url("/api/v1/tokens"))
        .bearer_auth(&secret)
        .json(&serde_json::json!({"name": "more", "scopes": ["read", "write"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "insufficient_scope");

    // A write token can create another; bad scopes are refused with 400.
    let writer = v.create_token("writer", "write").await;
    let res = api
        .post(app.url("/api/v1/tokens"))
        .bearer_auth(&writer)
        .json(&serde_json::json!({"name": "bot", "scopes": ["admin"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 400);
    let created: serde_json::Value = api
        .post(app.url("/api/v1/tokens"))
        .bearer_auth(&writer)
        .json(&serde_json::json!({"name": "bot", "scopes": ["read"]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let bot_id = created["token"]["id"].as_str().unwrap().to_string();
    let list: serde_json::Value = api
        .get(app.url("/api/v1/tokens"))
        .bearer_auth(&writer)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 3);

    // Revoked tokens stop working at once.
    let res = api
        .delete(app.url(&format!("/api/v1/tokens/{bot_id}")))
        .bearer_auth(&writer)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 204);
    let bot_secret = created["secret"].as_str().unwrap();
    let res = api
        .get(app.url("/api/v1/me"))
        .bearer_auth(bot_secret)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 401);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "invalid_token");
    let res = api
        .delete(app.url(&format!("/api/v1/tokens/{bot_id}")))
        .bearer_auth(&writer)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 404);
});

db_test!(export_and_close, |app: TestApp| async move {
    let v = app.verified_user("bye@example.org", "Bea").await;
    let res = v.get("/en/account/export").await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let data: serde_json::Value = res.json().await.unwrap();
    assert_eq!(data["account"]["email"], "bye@example.org");
    assert!(
        data["actions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["action"] == "user.verify_email")
    );

    let res = v
        .post_form(
            "/en/account/close",
            &[("confirm_email", "someone@else.org")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let res = v
        .post_form("/en/account/close", &[("confirm_email", "bye@example.org")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(
        gcm_store::accounts::find_by_email(app.db(), "bye@example.org")
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(v.get("/en/account").await.status().as_u16(), 303);
    let res = app
        .visitor()
        .post_form(
            "/en/login",
            &[
                ("email", "bye@example.org"),
                ("password", "a long password 1"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 401);
});

db_test!(
    many_failures_from_one_address_are_throttled,
    |app: TestApp| async move {
        // Failures spread over many accounts (password spraying) still slow the address down.
        let v = app.visitor();
        for i in 0..gcm_store::accounts::THROTTLE_FAILURES_PER_IP {
            let email = format!("nobody{i}@example.org");
            let res = v
                .post_form(
                    "/en/login",
                    &[("email", email.as_str()), ("password", "whatever it is")],
                )
                .await;
            assert_eq!(res.status().as_u16(), 401);
        }
        let res = v.login("nobody@example.org", "whatever it is").await;
        assert_eq!(res.status().as_u16(), 429);
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("Too many failed sign-ins")
        );
    }
);

db_test!(
    sessions_are_shared_between_nodes,
    |app: TestApp| async move {
        // Sign in on one node; the same cookie works on a second node of the same database.
        let v = app.verified_user("nodes@example.org", "Noa").await;
        let (addr, _node, _dir) = app.another_node().await;
        let session = v.cookie("gcm_session").unwrap();
        let res = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
            .get(format!("http://{addr}/en/account"))
            .header("cookie", format!("gcm_session={session}"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200);
        assert!(res.text().await.unwrap().contains("nodes@example.org"));
        // Signing out on the first node ends it on the second too.
        v.post_form("/en/logout", &[]).await;
        let res = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
            .get(format!("http://{addr}/en/account"))
            .header("cookie", format!("gcm_session={session}"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 303);
    }
);
