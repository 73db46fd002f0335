//! The knowledge platform in a real browser: explore with a filter, a practice, the
//! recommendations; axe-core clean on each.

use super::Browser;
use crate::harness::TestApp;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn explore_filter_and_read_a_practice() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = TestApp::sqlite_with(|s| s.import_seeds = true).await;
    // Wait for the first-start import.
    for _ in 0..300 {
        if gcm_store::seed_import::imported(app.db()).await.unwrap()
            && !gcm_store::jobs::pending(app.db(), gcm_store::seed_import::IMPORT_KIND)
                .await
                .unwrap()
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    browser.visit(&app, "/fr/practices").await;
    browser.select("#f-objective", "20").await;
    browser.click(".filters button").await;
    browser
        .wait_for_url(|u| u.query().is_some_and(|q| q.contains("objective=20")))
        .await;
    browser
        .assert_accessible("/fr/practices?objective=20")
        .await;
    browser.click(".practice-list h2 a").await;
    browser
        .wait_for_url(|u| u.path().starts_with("/fr/practices/"))
        .await;
    browser.assert_accessible("a practice").await;
    browser.visit(&app, "/nl/recommendations?cluster=4").await;
    browser.visit(&app, "/en/practices?country=PRT").await;
    browser.visit(&app, "/es/practices/map").await;
    browser.click("a[href*='country=PRT']").await;
    browser
        .wait_for_url(|u| u.query().is_some_and(|q| q.contains("country=PRT")))
        .await;
    browser.close().await;
}
