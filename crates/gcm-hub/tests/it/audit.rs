//! The audit log: administrators' page with filters and CSV, and `gcm-hub audit verify`
//! detecting an edited or deleted entry.

use crate::harness::TestApp;

fn verify(app: &TestApp) -> (bool, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gcm-hub"))
        .args([
            "audit",
            "verify",
            "--database-url",
            &app.database_url(),
            "--data-dir",
        ])
        .arg(app._data_dir.path())
        .env_remove("GCM_HUB_DATABASE_URL")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

db_test!(audit_verify_detects_tampering, |app: TestApp| async move {
    app.admin().await;
    app.verified_user("a@example.org", "A").await;
    app.verified_user("b@example.org", "B").await;
    let (ok, text) = verify(&app);
    assert!(ok, "{text}");
    assert!(text.contains("intact"), "{text}");

    // Someone edits an entry by hand: verify names it.
    sqlx::query("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2")
        .execute(app.db().pool())
        .await
        .unwrap();
    let (ok, text) = verify(&app);
    assert!(!ok);
    assert!(text.contains("broken at entry 2"), "{text}");
    assert!(text.contains("edited"), "{text}");
});

db_test!(audit_verify_detects_deletion, |app: TestApp| async move {
    app.admin().await;
    app.verified_user("a@example.org", "A").await;
    sqlx::query("DELETE FROM audit_log WHERE seq = 2")
        .execute(app.db().pool())
        .await
        .unwrap();
    let (ok, text) = verify(&app);
    assert!(!ok);
    assert!(text.contains("entry 2 is missing"), "{text}");
});

db_test!(
    audit_verify_detects_a_truncated_tail,
    |app: TestApp| async move {
        app.admin().await;
        app.verified_user("a@example.org", "A").await;
        let last: i64 = sqlx::query_scalar("SELECT MAX(seq) FROM audit_log")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        sqlx::query("DELETE FROM audit_log WHERE seq = $1")
            .bind(last)
            .execute(app.db().pool())
            .await
            .unwrap();
        let (ok, text) = verify(&app);
        assert!(!ok, "{text}");
    }
);

db_test!(audit_page_filters_and_csv, |app: TestApp| async move {
    let admin = app.admin().await;
    let v = app.verified_user("c@example.org", "C").await;
    let (status, html) = admin
        .get_text("/en/admin/audit?action=user.verify_email")
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("user.verify_email"));
    assert!(!html.contains("user.create</code>"));
    let res = admin.get("/en/admin/audit.csv?actor=c@example.org").await;
    assert_eq!(res.status().as_u16(), 200);
    let body = res.text().await.unwrap();
    assert!(body.starts_with("seq,at,actor_id,actor,action"));
    assert!(
        body.lines().skip(1).all(|l| l.contains("c@example.org")),
        "{body}"
    );
    assert_eq!(
        admin
            .get("/en/admin/audit?since=yesterday")
            .await
            .status()
            .as_u16(),
        400
    );
    // Nobody else sees it.
    assert_eq!(v.get("/en/admin/audit").await.status().as_u16(), 403);
    assert_eq!(v.get("/en/admin/audit.csv").await.status().as_u16(), 403);

    // The outbox shows the mail that was queued; roles can be granted.
    let (_, html) = admin.get_text("/en/admin/outbox").await;
    assert!(html.contains("c@example.org"));
    let c_id = gcm_store::accounts::find_by_email(app.db(), "c@example.org")
        .await
        .unwrap()
        .unwrap()
        .id;
    let res = admin
        .post_form(
            &format!("/en/admin/users/{c_id}/roles"),
            &[("role", "reviewer"), ("role", "secretariat")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let c = gcm_store::accounts::get(app.db(), &c_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(c.roles.len(), 2);
    let res = admin
        .post_form(
            &format!("/en/admin/users/{c_id}/roles"),
            &[("role", "emperor")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
});
