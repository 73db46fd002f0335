//! The Compact in a real browser: objective 20 in Norwegian, an action's anchor, and the
//! side-by-side Norwegian/Dutch view, all free of axe-core violations.

use fantoccini::Locator;
use gcm_compact::{Compact, Lang as TLang};

use super::Browser;
use crate::harness::TestApp;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn objective_anchor_and_side_by_side() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let compact = Compact::load_shipped().unwrap();

    browser.visit(&app, "/nb/compact").await;
    browser.click("a[href='/nb/compact/objectives/20']").await;
    browser
        .wait_for_url(|u| u.path() == "/nb/compact/objectives/20")
        .await;
    browser.assert_accessible("/nb/compact/objectives/20").await;

    // Follow the anchor of action c: the URL names it and the targeted action holds its text.
    browser.click("a.action-letter[href='#c']").await;
    browser.wait_for_url(|u| u.fragment() == Some("c")).await;
    let target = browser
        .client
        .find(Locator::Css("li:target"))
        .await
        .unwrap();
    let text = target.text().await.unwrap();
    let expected = compact.action_text(20, 'c', TLang::Nb).unwrap();
    let start: String = expected.chars().take(40).collect();
    assert!(text.contains(&start), "{text}");

    // Switch to the side-by-side view of Norwegian and Dutch.
    browser
        .click("a[href='/nb/compact/objectives/20/compare']")
        .await;
    browser
        .assert_accessible("/nb/compact/objectives/20/compare")
        .await;
    let row = browser.client.find(Locator::Css("tr#c")).await.unwrap();
    let cells = row.find_all(Locator::Css("td")).await.unwrap();
    assert_eq!(cells.len(), 2);
    assert_eq!(cells[0].attr("lang").await.unwrap().as_deref(), Some("nb"));
    assert_eq!(cells[1].attr("lang").await.unwrap().as_deref(), Some("nl"));
    let nl = compact.action_text(20, 'c', TLang::Nl).unwrap();
    let start: String = nl.chars().take(40).collect();
    assert!(cells[1].text().await.unwrap().contains(&start));

    // The form switches the columns without JavaScript: choose English summaries on the left.
    browser.click("#left option[value='en']").await;
    browser.click(".compare-form button").await;
    let url = browser.wait_for_url(|u| u.query().is_some()).await;
    assert_eq!(url.query(), Some("left=en&right=nl"));
    browser.assert_accessible("compare en/nl").await;

    for path in [
        "/en/compact",
        "/nl/compact/chapters/implementation",
        "/en/compact/alignment",
        "/en/compact/frameworks",
        "/nb/compact/frameworks/gfmd",
        "/es/compact/objectives/13",
    ] {
        browser.visit(&app, path).await;
    }
    browser.close().await;
}
