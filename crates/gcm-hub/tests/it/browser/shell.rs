//! The shell in a real browser: every language's home page, switching language through the
//! UI, an area page and the 404 page, all free of axe-core violations.

use fantoccini::Locator;
use fantoccini::key::Key;
use gcm_web::i18n::{Lang, Tr};

use super::Browser;
use crate::harness::TestApp;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn home_pages_switch_language_and_pass_axe() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = TestApp::sqlite().await;
    for lang in Lang::ALL {
        browser.visit(&app, &format!("/{}/", lang.code())).await;
        let title = browser.client.find(Locator::Css("h1")).await.unwrap();
        assert_eq!(title.text().await.unwrap(), Tr::new(lang).t("home-title"));
    }

    // Start in English and switch to Norwegian by clicking the switcher, as a person would.
    browser.visit(&app, "/en/hub").await;
    browser.click(".lang-switcher a[hreflang='nb']").await;
    browser.wait_for_url(|u| u.path() == "/nb/hub").await;
    let html_lang = browser
        .client
        .find(Locator::Css("html"))
        .await
        .unwrap()
        .attr("lang")
        .await
        .unwrap();
    assert_eq!(html_lang.as_deref(), Some("nb"));
    browser.assert_accessible("/nb/hub").await;

    // The skip link is the first thing the keyboard reaches, and it leads to the content.
    browser.press(Key::Tab).await;
    let focused = browser.client.active_element().await.unwrap();
    assert_eq!(
        focused.attr("class").await.unwrap().as_deref(),
        Some("skip-link")
    );
    assert!(
        focused.is_displayed().await.unwrap(),
        "a focused skip link must be visible"
    );
    browser.press(Key::Enter).await;
    browser.wait_for_url(|u| u.fragment() == Some("main")).await;

    browser.visit(&app, "/fr/no-such-page").await;
    let h1 = browser.client.find(Locator::Css("h1")).await.unwrap();
    assert_eq!(
        h1.text().await.unwrap(),
        Tr::new(Lang::Fr).t("error-404-title")
    );
    browser.close().await;
}
