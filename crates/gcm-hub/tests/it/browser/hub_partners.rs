//! The hub's partner side in a real browser: a partner's focal point fills in its profile
//! (after a mistake the form points out) and publishes an offer; the secretariat opens a
//! request's suggestions and funding; axe-core clean on every page.

use fantoccini::Locator;

use super::Browser;
use crate::harness::TestApp;
use crate::orgs::create_org;

async fn sign_in(browser: &Browser, app: &TestApp, email: &str) {
    browser.visit(app, "/en/login").await;
    browser.fill("#email", email).await;
    browser.fill("#password", "a long password 1").await;
    browser.click("form.form button[type=submit]").await;
    browser.wait_for_url(|u| u.path() == "/en/account").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partner_keeps_its_profile_and_the_secretariat_sees_suggestions() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let admin = app.admin().await;
    crate::calls::secretariat(&app, &admin, "sec@example.org").await;
    let fp = app.verified_user("fp@example.org", "Focal").await;
    let org = create_org(&fp, "REMIDEV Sénégal", "civil_society", "SEN").await;
    let gov = app.verified_user("gov@example.org", "Gov").await;
    let gov_org = create_org(
        &gov,
        "Gouvernement du Sénégal",
        "member_state_government",
        "SEN",
    )
    .await;

    sign_in(&browser, &app, "fp@example.org").await;
    browser.visit(&app, "/en/hub/partners").await;
    browser.assert_accessible("/en/hub/partners").await;
    let edit = format!("/en/hub/partners/{org}/edit");
    browser.click(&format!("a[href='{edit}']")).await;
    browser.wait_for_url(|u| u.path() == edit).await;
    browser.assert_accessible("the partner profile form").await;

    // An unknown country: the form says so and keeps what was typed.
    browser
        .fill("#summary", "Return and reintegration in Senegal.")
        .await;
    browser.select("#expertise-21", "3").await;
    browser.select("#expertise-7", "2").await;
    browser.fill("#countries", "SEN XXX").await;
    browser.fill("#languages", "fr wo").await;
    browser.select("#staff_range", "up_to_50").await;
    browser.click("form.form button[type=submit]").await;
    let alert = browser
        .client
        .wait()
        .for_element(Locator::Css("[role=alert]"))
        .await
        .unwrap();
    assert!(alert.text().await.unwrap().contains("country"));
    browser
        .assert_accessible("the partner profile form with an error")
        .await;
    browser.fill("#countries", "SEN").await;
    browser.click("form.form button[type=submit]").await;
    let profile = format!("/en/hub/partners/{org}");
    browser.wait_for_url(|u| u.path() == profile).await;
    browser.assert_accessible(&profile).await;
    let body = browser
        .client
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        body.contains("Core mandate") && body.contains("Senegal"),
        "{body}"
    );

    // An offer of support.
    browser.click("a[href='/en/hub/offers/new']").await;
    browser
        .wait_for_url(|u| u.path() == "/en/hub/offers/new")
        .await;
    browser.assert_accessible("/en/hub/offers/new").await;
    let title = "Formation à la réintégration des migrants de retour";
    browser.fill("#title", title).await;
    browser.select("#lang", "fr").await;
    browser.select("#support_kind", "technical").await;
    browser.click("input[name=objective][value='21']").await;
    browser.fill("#languages", "fr").await;
    browser.click("form.form button[type=submit]").await;
    let url = browser
        .wait_for_url(|u| u.path().starts_with("/en/hub/offers/") && !u.path().ends_with("/new"))
        .await;
    browser.assert_accessible(url.path()).await;
    let h1 = browser.client.find(Locator::Css("h1")).await.unwrap();
    assert_eq!(h1.text().await.unwrap(), title);
    browser.visit(&app, "/en/hub/offers").await;
    browser.assert_accessible("/en/hub/offers").await;

    // The secretariat looks at a request's suggestions and funding.
    let request = crate::hub_partners::senegal_request(&app, &gov_org, false).await;
    browser.click(".account-nav form button").await;
    browser.wait_for_url(|u| u.path() == "/en/").await;
    sign_in(&browser, &app, "sec@example.org").await;
    let suggestions = format!("/en/hub/requests/{request}/suggestions");
    browser.visit(&app, &suggestions).await;
    browser.assert_accessible(&suggestions).await;
    let first = browser
        .client
        .find(Locator::Css(".practice-list .card h3"))
        .await
        .unwrap();
    assert!(first.text().await.unwrap().contains("REMIDEV"));
    browser
        .client
        .find(Locator::Css(&format!(
            "form[action='/en/hub/requests/{request}/invitations'] select[name=role]"
        )))
        .await
        .unwrap();
    let offer = browser
        .client
        .find(Locator::Css(&format!("a[href='{}']", url.path())))
        .await
        .unwrap();
    assert_eq!(offer.text().await.unwrap(), title);
    let funding = format!("/fr/hub/requests/{request}/funding");
    browser.visit(&app, &funding).await;
    browser.assert_accessible(&funding).await;
    browser.close().await;
}
