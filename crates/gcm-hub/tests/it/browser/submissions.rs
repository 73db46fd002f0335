//! The whole life of a submitted practice in a real browser, with axe-core on every page:
//! a focal point drafts it step by step and attaches a file, the secretariat assigns
//! reviewers, a reviewer asks for a revision, the submitter revises and resubmits, the
//! reviewers disagree so a further reviewer is pulled in, the secretariat publishes, and the
//! practice appears in explore, on the map and on its page.

use super::Browser;
use crate::harness::TestApp;
use crate::submissions::{cast, user_id_of};

const PASSWORD: &str = "a long password 1";

async fn sign_in(b: &Browser, app: &TestApp, email: &str) {
    b.client.delete_all_cookies().await.unwrap();
    b.visit(app, "/en/login").await;
    b.fill("#email", email).await;
    b.fill("#password", PASSWORD).await;
    b.click("form.form button[type=submit]").await;
    b.wait_for_url(|u| !u.path().ends_with("/login")).await;
}

/// Saves the current step and moves to the next, checking the next page.
async fn next_step(b: &Browser, label: &str) {
    let before = b.client.current_url().await.unwrap();
    b.click("button[name=go][value=next]").await;
    b.wait_for_url(|u| u.as_str() != before.as_str()).await;
    b.assert_accessible(label).await;
}

async fn page_text(b: &Browser) -> String {
    b.client.source().await.unwrap()
}

async fn score_all(b: &Browser, app: &TestApp, id: &str, n: u8) {
    b.visit(app, &format!("/en/practices/{id}/review")).await;
    for c in [
        "relevance",
        "principles",
        "evidence",
        "replicability",
        "innovation",
        "sustainability",
    ] {
        b.click(&format!("input[name={c}][value='{n}']")).await;
    }
    b.fill("#comment", &format!("Scored {n} on every criterion."))
        .await;
    b.select("#recommendation", if n >= 3 { "publish" } else { "reject" })
        .await;
    b.click("form.wide button[type=submit]").await;
    b.wait_for_url(|u| u.path().ends_with("/review")).await;
    b.assert_accessible("the workspace after a review").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_practice_from_draft_to_publication() {
    let Some(b) = Browser::start().await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let c = cast(&app).await;

    // The focal point drafts the practice, one step at a time.
    sign_in(&b, &app, "fp@city.example").await;
    b.visit(&app, "/en/practices/new").await;
    b.fill("#title", "Neighbourhood welcome desks").await;
    b.fill("#summary", "Desks in every district that help newcomers.")
        .await;
    next_step(&b, "step 2 (objectives and principles)").await;
    let url = b.client.current_url().await.unwrap();
    let id = url.path().split('/').nth(3).unwrap().to_string();
    b.click("input[name=objective][value='16']").await;
    b.click("input[name=principle][value='whole-of-society']")
        .await;
    b.fill(
        "#pn-whole-of-society",
        "Run with migrant associations in each district.",
    )
    .await;
    next_step(&b, "step 3 (where and when)").await;
    b.select("#scope", "local").await;
    b.select("#country", "PRT").await;
    b.select("#progress", "ongoing").await;
    b.fill("#start_year", "2019").await;
    next_step(&b, "step 4 (description and results)").await;
    b.fill(
        "#description",
        "Twelve desks staffed by cultural mediators.",
    )
    .await;
    b.fill("#results", "4,000 people helped in 2022.").await;
    next_step(&b, "step 5 (attachments)").await;
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.pdf");
    std::fs::write(&report, b"%PDF-1.7\n% evaluation report\n").unwrap();
    let file = b
        .client
        .find(fantoccini::Locator::Css("#file"))
        .await
        .unwrap();
    file.send_keys(report.to_str().unwrap()).await.unwrap();
    b.click("form[enctype='multipart/form-data'] button[type=submit]")
        .await;
    // The page before the upload had the same address: wait for the file to be listed.
    let mut listed = false;
    for _ in 0..100 {
        if page_text(&b).await.contains("report.pdf") {
            listed = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(listed, "the uploaded file is not listed");
    b.assert_accessible("step 5 with a file").await;
    b.visit(&app, &format!("/en/practices/{id}/edit?step=submit"))
        .await;
    b.click("form[action$='/submit'] button").await;
    b.wait_for_url(|u| u.path() == format!("/en/practices/{id}"))
        .await;
    b.assert_accessible("the submitted practice").await;
    assert!(
        page_text(&b)
            .await
            .contains("Submitted, awaiting reviewers")
    );

    // The secretariat assigns three reviewers in the workspace.
    sign_in(&b, &app, "sec@un.example").await;
    b.visit(&app, "/en/practices/review").await;
    for email in ["un@iom.example", "ext1@uni.example", "ext2@ngo.example"] {
        b.visit(&app, &format!("/en/practices/{id}/review")).await;
        let uid = user_id_of(&app, email).await;
        b.select("#reviewer_id", &uid).await;
        b.click("form[action$='/reviewers'] button").await;
        b.wait_for_url(|u| u.path().ends_with("/review")).await;
    }
    assert!(page_text(&b).await.contains("In peer review"));

    // A reviewer asks for a revision.
    sign_in(&b, &app, "ext1@uni.example").await;
    b.visit(&app, &format!("/en/practices/{id}/review")).await;
    b.fill("#revision-note", "Please add figures for 2023.")
        .await;
    b.click("form[action$='/revision-request'] button").await;
    b.wait_for_url(|u| u.path().ends_with("/review")).await;

    // The submitter sees the request, revises and submits again.
    sign_in(&b, &app, "fp@city.example").await;
    b.visit(&app, &format!("/en/practices/{id}")).await;
    assert!(page_text(&b).await.contains("Please add figures for 2023."));
    b.visit(&app, &format!("/en/practices/{id}/edit?step=details"))
        .await;
    b.fill("#results", "4,000 people helped in 2022 and 5,200 in 2023.")
        .await;
    next_step(&b, "step 5 after revising").await;
    b.visit(&app, &format!("/en/practices/{id}/revisions"))
        .await;
    assert!(page_text(&b).await.contains("<ins>"));
    b.visit(&app, &format!("/en/practices/{id}/edit?step=submit"))
        .await;
    b.click("form[action$='/submit'] button").await;
    b.wait_for_url(|u| u.path() == format!("/en/practices/{id}"))
        .await;

    // Round 2: the reviewers score; one disagrees sharply, so a further reviewer is pulled in.
    for (email, n) in [
        ("un@iom.example", 5),
        ("ext1@uni.example", 4),
        ("ext2@ngo.example", 1),
    ] {
        sign_in(&b, &app, email).await;
        score_all(&b, &app, &id, n).await;
    }
    sign_in(&b, &app, "ext3@ngo.example").await;
    b.visit(&app, "/en/practices/review").await;
    assert!(page_text(&b).await.contains("Neighbourhood welcome desks"));
    score_all(&b, &app, &id, 4).await;

    // The secretariat publishes with reasons.
    sign_in(&b, &app, "sec@un.example").await;
    b.visit(&app, &format!("/en/practices/{id}/review")).await;
    b.click("input[name=decision][value='publish']").await;
    b.fill("#reasons", "Three of four reviewers rate it highly.")
        .await;
    b.click("form[action$='/decision'] button").await;
    b.wait_for_url(|u| u.path().ends_with("/review")).await;
    assert!(page_text(&b).await.contains("Published"));

    // Everyone finds it.
    b.client.delete_all_cookies().await.unwrap();
    b.visit(&app, "/en/practices?objective=16").await;
    assert!(page_text(&b).await.contains("Neighbourhood welcome desks"));
    b.visit(&app, "/en/practices/map").await;
    assert!(page_text(&b).await.contains("Portugal"));
    b.visit(&app, &format!("/en/practices/{id}")).await;
    let page = page_text(&b).await;
    assert!(page.contains("Peer-reviewed"));
    assert!(page.contains("report.pdf"));
    // Search finds it from the box on every page (the index follows the database).
    let mut found = false;
    for _ in 0..50 {
        b.visit(&app, "/en/search?q=welcome+desks").await;
        if page_text(&b).await.contains("Neighbourhood welcome desks") {
            found = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(found, "the published practice is not found by search");
    b.fill("#site-q", "cultural mediators").await;
    b.click("form.site-search button").await;
    b.wait_for_url(|u| u.path() == "/en/search").await;
    b.assert_accessible("the search results").await;
    let _ = c;
    b.close().await;
}
