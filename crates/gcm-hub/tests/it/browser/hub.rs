//! The connection hub in a real browser, the definition-of-done path: a focal point drafts and
//! submits a request, the secretariat assesses and accepts it, starts matching and invites a
//! partner through the invitation form, the partner accepts, the secretariat sets the lead's
//! milestone and moves the request into implementation; the requester sees each step, another
//! country sees the public part. axe-core runs on every page.

use fantoccini::Locator;

use super::Browser;
use crate::harness::TestApp;
use crate::hub_requests::cast;

async fn sign_in(b: &Browser, app: &TestApp, email: &str) {
    b.visit(app, "/en/login").await;
    b.fill("#email", email).await;
    b.fill("#password", "a long password 1").await;
    b.click("form.form button[type=submit]").await;
    b.wait_for_url(|u| u.path() == "/en/account").await;
}

async fn sign_out(b: &Browser) {
    b.click(".account-nav form button").await;
    b.wait_for_url(|u| u.path() == "/en/").await;
}

async fn text_of(b: &Browser, css: &str) -> String {
    // A form's redirect back to the same page may still be loading: wait for the element
    // rather than fail on the half-loaded page.
    b.client
        .wait()
        .at_most(std::time::Duration::from_secs(10))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no element {css}: {e}"))
        .text()
        .await
        .unwrap()
}

/// Moves the request on its page through the secretariat's step form.
async fn step(b: &Browser, page: &str, to: &str) {
    b.select("#to", to).await;
    b.click("form[action$='/step'] button[type=submit]").await;
    b.wait_for_url(|u| u.path() == page).await;
    b.assert_accessible(&format!("{page} after {to}")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_from_draft_to_implementation_in_the_browser() {
    let Some(b) = Browser::start().await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let c = cast(&app).await;

    // The focal point drafts, is told what is missing, saves, then submits.
    sign_in(&b, &app, "fp@kenya.example").await;
    b.visit(&app, "/en/hub").await;
    b.click("a[href='/en/hub/requests/new']").await;
    b.wait_for_url(|u| u.path() == "/en/hub/requests/new").await;
    b.assert_accessible("/en/hub/requests/new").await;
    let title = "Fair recruitment of migrant workers";
    b.fill("#title", title).await;
    b.fill("#description", "A national fair recruitment framework.")
        .await;
    b.select("#country", "KEN").await;
    b.click("#objective-6").await;
    b.click("#is_public").await;
    b.click("button[name=action][value=submit]").await;
    let alert = b
        .client
        .wait()
        .for_element(Locator::Css("[role=alert]"))
        .await
        .unwrap();
    assert!(alert.text().await.unwrap().contains("Kinds of support"));
    b.assert_accessible("the request form with an error").await;
    b.click("#support-technical").await;
    b.click("button[name=action][value=save]").await;
    let url = b
        .wait_for_url(|u| u.path().starts_with("/en/hub/requests/") && !u.path().ends_with("/edit"))
        .await;
    let page = url.path().to_string();
    b.assert_accessible("the draft").await;
    assert_eq!(text_of(&b, "#request-status").await, "Draft");
    b.click("form[action$='/submit'] button").await;
    b.wait_for_url(|u| u.path() == page).await;
    assert_eq!(text_of(&b, "#request-status").await, "Received");
    let year = time::OffsetDateTime::now_utc().year();
    assert!(
        text_of(&b, "main")
            .await
            .contains(&format!("REQ-{year}-0001"))
    );
    b.assert_accessible("the submitted request").await;
    sign_out(&b).await;

    // The secretariat assesses, accepts, starts matching and invites a partner.
    sign_in(&b, &app, "sec@example.org").await;
    b.visit(&app, &page).await;
    step(&b, &page, "under_assessment").await;
    step(&b, &page, "accepted").await;
    step(&b, &page, "matching").await;
    b.select("#org_id", &c.partner_org).await;
    b.select("#role", "lead").await;
    b.click("form[action$='/invitations'] button[type=submit]")
        .await;
    b.wait_for_url(|u| u.path() == page).await;
    assert!(text_of(&b, "main").await.contains("Migrant Rights NGO"));
    b.assert_accessible("after the invitation").await;
    sign_out(&b).await;

    // The partner reads the full request and accepts.
    sign_in(&b, &app, "fp@ngo.example").await;
    b.visit(&app, &page).await;
    assert!(
        text_of(&b, "main")
            .await
            .contains("Your organisation is invited")
    );
    b.click("button[name=answer][value=accept]").await;
    b.wait_for_url(|u| u.path() == page).await;
    assert_eq!(text_of(&b, ".partner-state").await, "Accepted");
    b.assert_accessible("after accepting").await;
    sign_out(&b).await;

    // The secretariat sets up implementation: the lead's milestone, then implementation.
    sign_in(&b, &app, "sec@example.org").await;
    b.visit(&app, &page).await;
    step(&b, &page, "implementation_setup").await;
    b.fill("#milestone-title", "Labour inspectors trained")
        .await;
    b.fill("#due_on", "2027-06-30").await;
    b.select("#responsible_org", &c.partner_org).await;
    b.click("form[action$='/milestones'] button[type=submit]")
        .await;
    b.wait_for_url(|u| u.path() == page).await;
    b.assert_accessible("after the milestone").await;
    step(&b, &page, "in_implementation").await;
    b.visit(&app, "/en/hub/dashboard").await;
    sign_out(&b).await;

    // The requester sees where it stands and every step.
    sign_in(&b, &app, "fp@kenya.example").await;
    b.visit(&app, &page).await;
    assert_eq!(text_of(&b, "#request-status").await, "In implementation");
    let history = text_of(&b, ".history").await;
    for s in [
        "Received",
        "Under assessment",
        "Accepted",
        "Matching with partners",
        "Implementation set-up",
        "In implementation",
        "Partner accepted",
    ] {
        assert!(history.contains(s), "{s} missing from {history}");
    }
    assert!(
        text_of(&b, "main")
            .await
            .contains("Labour inspectors trained")
    );
    sign_out(&b).await;

    // Another country's focal point sees the public part only.
    sign_in(&b, &app, "fp@chile.example").await;
    b.visit(&app, &page).await;
    let main = text_of(&b, "main").await;
    assert!(
        main.contains(title) && !main.contains("Labour inspectors trained"),
        "{main}"
    );
    b.visit(&app, "/en/hub/requests").await;
    b.close().await;
}
