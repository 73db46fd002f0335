//! Browser tests: Debian's Chromium driven through chromedriver (fantoccini), with axe-core
//! run on every page a test visits. Enabled by `GCM_TEST_BROWSER=1`; axe-core comes from npm
//! (`npm ci` at the repository root puts it in node_modules/).

mod accounts;
mod calls;
mod compact;
mod hub;
mod hub_partners;
mod practice_import;
mod practices;
mod shell;
mod submissions;

use std::net::TcpListener;
use std::process::Stdio;
use std::time::Duration;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use crate::harness::{TestApp, announce_skip};

/// A browser session on a chromedriver of its own (killed when dropped).
pub struct Browser {
    pub client: Client,
    _driver: tokio::process::Child,
    axe: String,
}

fn enabled() -> bool {
    if std::env::var("GCM_TEST_BROWSER").as_deref() == Ok("1") {
        true
    } else {
        announce_skip("browser", "set GCM_TEST_BROWSER=1 to run it");
        false
    }
}

fn axe_source() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "GCM_TEST_BROWSER=1 but axe-core is missing at {} ({e}): run `npm ci` at the \
             repository root",
            path.display()
        )
    })
}

impl Browser {
    /// `None` when browser tests are not enabled; panics when enabled but unusable.
    pub async fn start() -> Option<Browser> {
        if !enabled() {
            return None;
        }
        let axe = axe_source();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver_bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let driver = tokio::process::Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {driver_bin} ({e}): apt-get install chromium-driver")
            });
        let user_data = tempfile::tempdir().unwrap().keep();
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900",
                    format!("--user-data-dir={}", user_data.display()),
                ],
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let mut last_err = String::new();
        for _ in 0..50 {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => {
                    return Some(Browser {
                        client,
                        _driver: driver,
                        axe,
                    });
                }
                Err(e) => {
                    last_err = e.to_string();
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
        }
        panic!("cannot open a browser session through {driver_bin}: {last_err}");
    }

    /// Opens `path` of `app` and checks it with axe-core.
    pub async fn visit(&self, app: &TestApp, path: &str) {
        self.client.goto(&app.url(path)).await.unwrap();
        self.assert_accessible(path).await;
    }

    /// Runs axe-core on the current page and fails with a readable list of violations.
    pub async fn assert_accessible(&self, label: &str) {
        self.client.execute(&self.axe, vec![]).await.unwrap();
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] })
                    .then(r => done(r.violations.map(v => ({
                        id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))))
                    .catch(e => done([{ id: 'axe-error', help: String(e) }]));",
                vec![],
            )
            .await
            .unwrap();
        let violations = result.as_array().cloned().unwrap_or_default();
        assert!(
            violations.is_empty(),
            "axe-core found {} violation(s) on {label}:\n{}",
            violations.len(),
            serde_json::to_string_pretty(&violations).unwrap()
        );
    }

    /// Clicks the element that `css` selects.
    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
            .click()
            .await
            .unwrap();
    }

    /// The current URL once `pred` holds for it (navigation after a click or a form submit
    /// may finish after the click returns); fails after 10 seconds.
    pub async fn wait_for_url(&self, pred: impl Fn(&url::Url) -> bool) -> url::Url {
        let mut url = self.client.current_url().await.unwrap();
        for _ in 0..100 {
            if pred(&url) {
                return url;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            url = self.client.current_url().await.unwrap();
        }
        panic!("the browser stayed at {url}");
    }

    /// Types `text` into the input `css` selects (after clearing it).
    pub async fn fill(&self, css: &str, text: &str) {
        let el = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"));
        el.clear().await.unwrap();
        el.send_keys(text).await.unwrap();
    }

    /// Chooses the option with `value` in the select `css` selects.
    pub async fn select(&self, css: &str, value: &str) {
        self.click(&format!("{css} option[value='{value}']")).await;
    }

    /// Presses and releases one key, as a keyboard user would.
    pub async fn press(&self, key: Key) {
        let actions = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value: key.into() })
            .then(KeyAction::Up { value: key.into() });
        self.client.perform_actions(actions).await.unwrap();
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}
