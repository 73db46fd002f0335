//! The JSON API: error envelope, OpenAPI document (locked by a snapshot), Swagger UI.

use crate::harness::TestApp;

db_test!(api_errors_use_the_envelope, |app: TestApp| async move {
    let (status, body) = app.get_json("/api/v1/no-such-thing").await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "not_found");
    assert!(body["error"]["message"].as_str().unwrap().len() > 5);

    // Messages follow ?lang= first, then Accept-Language.
    let (_, es) = app.get_json("/api/v1/no-such-thing?lang=es").await;
    let res = app
        .get_with("/api/v1/no-such-thing", "accept-language", "nb")
        .await;
    let nb: serde_json::Value = res.json().await.unwrap();
    assert_ne!(es["error"]["message"], body["error"]["message"]);
    assert_ne!(nb["error"]["message"], body["error"]["message"]);

    let res = app
        .client
        .delete(app.url("/api/v1/info"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 405);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "method_not_allowed");
});

db_test!(info_endpoint, |app: TestApp| async move {
    let (status, body) = app.get_json("/api/v1/info").await;
    assert_eq!(status, 200);
    assert_eq!(body["name"], "gcm-hub");
    assert_eq!(body["api_version"], "v1");
    assert_eq!(
        body["languages"],
        serde_json::json!(["en", "fr", "es", "nb", "nl"])
    );
});

db_test!(swagger_ui_is_served_offline, |app: TestApp| async move {
    let res = app.get("/api/docs/").await;
    assert_eq!(res.status().as_u16(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("swagger"), "{html}");
    // Its assets come from this server, not a CDN.
    assert!(!html.contains("https://"), "{html}");
    let (status, doc) = app.get_json("/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    assert!(doc["paths"]["/api/v1/info"].is_object());
});

/// The OpenAPI document is part of the contract: a change to it must be deliberate. Run with
/// `UPDATE_SNAPSHOTS=1` to accept a change, then review the diff of docs/openapi.json.
#[test]
fn openapi_document_matches_snapshot() {
    let doc = gcm_web::openapi::document().to_pretty_json().unwrap() + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/openapi.json");
    if std::env::var("UPDATE_SNAPSHOTS").as_deref() == Ok("1") {
        std::fs::write(&path, &doc).unwrap();
        return;
    }
    let snapshot = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        snapshot == doc,
        "the OpenAPI document changed; if intended, run UPDATE_SNAPSHOTS=1 cargo test \
         openapi_document_matches_snapshot and commit docs/openapi.json"
    );
}
