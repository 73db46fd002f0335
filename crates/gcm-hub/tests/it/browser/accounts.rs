//! Accounts in a real browser: the first-run setup link, signing in, registering an
//! organisation and inviting a member, with axe-core run on every page on the way.

use fantoccini::Locator;

use super::Browser;
use crate::harness::TestApp;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn setup_sign_in_create_organisation_invite() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let link = app.node.as_ref().unwrap().setup_link.clone().unwrap();
    let setup_path = format!("/en/setup?{}", link.split('?').nth(1).unwrap());

    // First run: the setup link creates the first administrator.
    browser.visit(&app, &setup_path).await;
    browser.fill("#display_name", "Ada Admin").await;
    browser.fill("#email", "ada@example.org").await;
    browser.fill("#password", "a strong passphrase").await;
    browser.click("form.form button[type=submit]").await;
    browser.wait_for_url(|u| u.path() == "/en/admin").await;
    browser.assert_accessible("/en/admin").await;

    // Sign out, and sign in again through the form.
    browser.click(".account-nav form button").await;
    browser.wait_for_url(|u| u.path() == "/en/").await;
    browser.visit(&app, "/en/login").await;
    browser.fill("#email", "ada@example.org").await;
    browser.fill("#password", "a strong passphrase").await;
    browser.click("form.form button[type=submit]").await;
    browser.wait_for_url(|u| u.path() == "/en/account").await;
    browser.assert_accessible("/en/account").await;

    // Register an organisation.
    browser.visit(&app, "/en/organisations/new").await;
    browser.fill("#name", "Ministry of Migration").await;
    browser.select("#kind", "member_state_government").await;
    browser.select("#country", "PRT").await;
    browser.click("form.form button[type=submit]").await;
    let url = browser
        .wait_for_url(|u| u.path().starts_with("/en/organisations/") && !u.path().ends_with("/new"))
        .await;
    browser.assert_accessible(url.path()).await;
    let h1 = browser.client.find(Locator::Css("h1")).await.unwrap();
    assert_eq!(h1.text().await.unwrap(), "Ministry of Migration");

    // Invite a member; the invitation is in the outbox.
    browser.fill("#invite-email", "bo@example.org").await;
    browser.select("#invite-role", "editor").await;
    browser.click("form[action$='/invite'] button").await;
    browser
        .wait_for_url(|u| u.query() == Some("notice=invited"))
        .await;
    browser
        .assert_accessible("organisation after invitation")
        .await;
    assert_eq!(app.mail_to("bo@example.org").await.len(), 1);
    browser.visit(&app, "/en/admin/outbox").await;
    browser.visit(&app, "/en/admin/audit").await;
    browser.visit(&app, "/en/admin/users").await;
    browser.visit(&app, "/fr/organisations").await;
    // As the organisation's focal point, share a resource.
    browser.visit(&app, "/en/resources/new").await;
    browser.fill("#title", "Guide to fair recruitment").await;
    browser.fill("#link", "https://example.org/guide").await;
    browser.click("input[name=objective][value='6']").await;
    browser.click("form.form button[type=submit]").await;
    browser.wait_for_url(|u| u.path() == "/en/resources").await;
    browser.assert_accessible("/en/resources").await;
    browser.close().await;
}
