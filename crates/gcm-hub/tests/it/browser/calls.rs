//! Calls for practices in a real browser: the secretariat opens a call through the form (after
//! a mistake the form points out), and the public pages show it; axe-core clean on each page.

use fantoccini::Locator;

use super::Browser;
use crate::harness::TestApp;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secretariat_opens_a_call_the_public_sees_it() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let admin = app.admin().await;
    crate::calls::secretariat(&app, &admin, "sec@example.org").await;

    browser.visit(&app, "/en/login").await;
    browser.fill("#email", "sec@example.org").await;
    browser.fill("#password", "a long password 1").await;
    browser.click("form.form button[type=submit]").await;
    browser.wait_for_url(|u| u.path() == "/en/account").await;

    browser.visit(&app, "/en/practices").await;
    browser.click("a[href='/en/practices/calls']").await;
    browser
        .wait_for_url(|u| u.path() == "/en/practices/calls")
        .await;
    browser.assert_accessible("/en/practices/calls").await;
    browser.click("a[href='/en/practices/calls/new']").await;
    browser
        .wait_for_url(|u| u.path() == "/en/practices/calls/new")
        .await;
    browser.assert_accessible("/en/practices/calls/new").await;

    // A deadline before the opening date: the form comes back with the error and the text.
    let title = "Practices on regular pathways and climate-related migration";
    browser.fill("#title", title).await;
    browser
        .fill(
            "#description",
            "Pathways for people displaced by disasters.",
        )
        .await;
    browser.select("#theme", "climate_and_disasters").await;
    browser.click("input[name=objective][value='2']").await;
    browser.click("input[name=objective][value='5']").await;
    browser.fill("#opens_on", "2099-04-01").await;
    browser.fill("#deadline", "2099-03-31").await;
    browser.click("form.form button[type=submit]").await;
    let alert = browser
        .client
        .wait()
        .for_element(Locator::Css("[role=alert]"))
        .await
        .unwrap();
    assert!(alert.text().await.unwrap().contains("Deadline"));
    browser
        .assert_accessible("the call form with an error")
        .await;
    let kept = browser
        .client
        .find(Locator::Css("#title"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some(title));

    browser.fill("#opens_on", "2020-01-01").await;
    browser.fill("#deadline", "2099-03-31").await;
    browser.click("form.form button[type=submit]").await;
    let url = browser
        .wait_for_url(|u| {
            u.path().starts_with("/en/practices/calls/") && !u.path().ends_with("/new")
        })
        .await;
    browser.assert_accessible(url.path()).await;
    let h1 = browser.client.find(Locator::Css("h1")).await.unwrap();
    assert_eq!(h1.text().await.unwrap(), title);
    let call_path = url.path().to_string();

    // Signed out, anyone sees the call open, with the way to answer it.
    browser.click(".account-nav form button").await;
    browser.wait_for_url(|u| u.path() == "/en/").await;
    browser.visit(&app, "/en/practices/calls").await;
    let card = browser
        .client
        .find(Locator::Css(".practice-list .card"))
        .await
        .unwrap();
    let text = card.text().await.unwrap();
    assert!(
        text.contains(title) && text.contains("31 March 2099"),
        "{text}"
    );
    browser.visit(&app, &call_path).await;
    browser
        .client
        .find(Locator::Css("a[href^='/en/practices/new?call=']"))
        .await
        .unwrap();
    browser
        .visit(&app, &call_path.replacen("/en/", "/nb/", 1))
        .await;
    browser.close().await;
}
