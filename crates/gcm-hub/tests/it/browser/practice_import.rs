//! Importing a filled template in a real browser, without JavaScript of ours: the page, a
//! file with a problem (the error list) and a valid file (the drafts), axe-core clean on each.

use fantoccini::Locator;

use super::Browser;
use crate::harness::TestApp;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_a_filled_template() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = TestApp::sqlite().await;
    let link = app.node.as_ref().unwrap().setup_link.clone().unwrap();
    let setup_path = format!("/en/setup?{}", link.split('?').nth(1).unwrap());
    browser.visit(&app, &setup_path).await;
    browser.fill("#display_name", "Ada Admin").await;
    browser.fill("#email", "ada@example.org").await;
    browser.fill("#password", "a strong passphrase").await;
    browser.click("form.form button[type=submit]").await;
    browser.wait_for_url(|u| u.path() == "/en/admin").await;
    browser.visit(&app, "/en/organisations/new").await;
    browser.fill("#name", "City of Example").await;
    browser.select("#kind", "local_authority").await;
    browser.select("#country", "PRT").await;
    browser.click("form.form button[type=submit]").await;
    browser
        .wait_for_url(|u| u.path().starts_with("/en/organisations/") && !u.path().ends_with("/new"))
        .await;

    browser.visit(&app, "/fr/practices/import").await;
    let template = app
        .get("/en/practices/template.csv")
        .await
        .bytes()
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();

    // The template with its summary removed: the page lists the problem.
    let text = String::from_utf8(template.to_vec()).unwrap();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let header = rdr.headers().unwrap().clone();
    let mut row: Vec<String> = rdr
        .records()
        .next()
        .unwrap()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let summary = header.iter().position(|h| h == "summary").unwrap();
    row[summary].clear();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&header).unwrap();
    w.write_record(&row).unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, w.into_inner().unwrap()).unwrap();
    let file = browser.client.find(Locator::Css("#file")).await.unwrap();
    file.send_keys(bad.to_str().unwrap()).await.unwrap();
    browser.click("form.form button[type=submit]").await;
    let errors = browser
        .client
        .wait()
        .for_element(Locator::Css("#import-errors li"))
        .await
        .unwrap();
    assert!(
        errors
            .text()
            .await
            .unwrap()
            .contains("Ligne 2, colonne summary")
    );
    browser
        .assert_accessible("the import page with errors")
        .await;

    // The template as it is: one draft, linked for editing.
    let good = dir.path().join("good.csv");
    std::fs::write(&good, &template).unwrap();
    let file = browser.client.find(Locator::Css("#file")).await.unwrap();
    file.send_keys(good.to_str().unwrap()).await.unwrap();
    browser.click("form.form button[type=submit]").await;
    let edit = browser
        .client
        .wait()
        .for_element(Locator::Css("#import-done ~ table a[href$='/edit']"))
        .await
        .unwrap();
    assert!(
        edit.attr("href")
            .await
            .unwrap()
            .unwrap()
            .starts_with("/fr/practices/")
    );
    browser
        .assert_accessible("the import page with drafts")
        .await;
    browser.close().await;
}
