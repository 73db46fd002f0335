//! Where a translation lacks an element, the page says so instead of shifting the others.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use gcm_compact::{Compact, Lang as TLang};
use gcm_web::i18n::{Lang, Tr};
use gcm_web::{AppState, WebOptions, router};
use tower::ServiceExt;

fn data(name: &str) -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../data/compact")
            .join(name),
    )
    .unwrap()
}

/// The shipped Compact with action 6(c) taken out of the Norwegian text.
fn compact_without_nb_action() -> Compact {
    let mut nb: serde_json::Value = serde_json::from_str(&data("nb.json")).unwrap();
    nb["texts"]
        .as_object_mut()
        .unwrap()
        .remove("gcm:obj:6:c")
        .unwrap();
    nb["missing"]
        .as_array_mut()
        .unwrap()
        .push("gcm:obj:6:c".into());
    Compact::from_json(
        &data("structure.json"),
        &[(TLang::Nb, &nb.to_string()), (TLang::Nl, &data("nl.json"))],
        &data("alignment.json"),
    )
    .unwrap()
}

#[tokio::test]
async fn a_missing_action_is_announced_not_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let db = gcm_store::Db::connect(&url, 1).await.unwrap();
    gcm_store::migrate::run(&db).await.unwrap();
    let compact = compact_without_nb_action();
    let d_text = compact.action_text(6, 'd', TLang::Nb).unwrap().to_string();
    let app = router(AppState::new(db, Arc::new(compact), WebOptions::default()));

    let res = app
        .oneshot(
            Request::get("/nb/compact/objectives/6")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = String::from_utf8(
        axum::body::to_bytes(res.into_body(), 1 << 22)
            .await
            .unwrap()
            .to_vec(),
    )
    .unwrap();
    let c = html
        .split("<li id=\"c\">")
        .nth(1)
        .unwrap()
        .split("</li>")
        .next()
        .unwrap();
    let notice = Tr::new(Lang::Nb).t("compact-not-in-translation");
    assert!(c.contains(&notice), "{c}");
    // Action d keeps its own text and letter.
    let d = html
        .split("<li id=\"d\">")
        .nth(1)
        .unwrap()
        .split("</li>")
        .next()
        .unwrap();
    let start: String = d_text.chars().take(20).collect();
    assert!(
        d.contains(&start.replace('\'', "&#39;").replace('"', "&#34;")),
        "{d}"
    );
}
