//! Failure paths no built-in route takes on purpose: a panicking handler still yields a
//! localized 500 page, or the JSON envelope under /api, and the server keeps serving.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get;
use gcm_web::i18n::{Lang, Tr};
use gcm_web::{AppState, WebOptions, router_with};
use tower::ServiceExt;

async fn boom() -> &'static str {
    panic!("secret-panic-detail")
}

async fn app() -> (Router, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let db = gcm_store::Db::connect(&url, 1).await.unwrap();
    let extra = Router::new()
        .route("/{lang}/boom", get(boom))
        .route("/api/v1/boom", get(boom));
    (
        router_with(
            AppState::new(
                db,
                std::sync::Arc::new(gcm_compact::Compact::load_shipped().unwrap()),
                WebOptions::default(),
            ),
            extra,
        ),
        dir,
    )
}

async fn fetch(app: &Router, path: &str) -> (StatusCode, String, String) {
    let res = app
        .clone()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let ctype = res.headers()["content-type"].to_str().unwrap().to_string();
    let body = axum::body::to_bytes(res.into_body(), 1 << 20)
        .await
        .unwrap();
    (status, ctype, String::from_utf8(body.to_vec()).unwrap())
}

#[tokio::test]
async fn a_panic_becomes_a_localized_500_page() {
    let (app, _dir) = app().await;
    for lang in [Lang::En, Lang::Fr, Lang::Nl] {
        let (status, ctype, body) = fetch(&app, &format!("/{}/boom", lang.code())).await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(ctype.starts_with("text/html"));
        let title = Tr::new(lang).t("error-500-title").replace('\'', "&#39;");
        assert!(body.contains(&title), "{lang}: {body}");
        assert!(
            !body.contains("secret-panic-detail"),
            "the panic message must not leak"
        );
    }
    // The server is still there afterwards.
    let (status, _, _) = fetch(&app, "/en/").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_panic_in_the_api_becomes_the_envelope() {
    let (app, _dir) = app().await;
    let (status, ctype, body) = fetch(&app, "/api/v1/boom?lang=es").await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(ctype, "application/json");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["error"]["code"], "internal");
    assert_eq!(
        json["error"]["message"],
        Tr::new(Lang::Es).t("api-error-internal")
    );
}
