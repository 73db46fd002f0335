//! The test harness shared by every integration test.

use std::io::Write;
use std::net::SocketAddr;
use std::sync::Once;
use std::time::Duration;

use gcm_hub::config::Settings;
use gcm_hub::server::{self, Running};

/// Says once per process, on the real stderr (not captured by the test runner), that a suite
/// was skipped and how to enable it.
pub fn announce_skip(suite: &'static str, how: &'static str) {
    static PG: Once = Once::new();
    static BROWSER: Once = Once::new();
    let once = if suite == "postgres" { &PG } else { &BROWSER };
    once.call_once(|| {
        let _ = writeln!(
            std::io::stderr(),
            "\n*** SKIPPED: the {suite} suite did not run ({how}) ***\n"
        );
    });
}

/// A fresh PostgreSQL database for one test, dropped when the guard goes.
pub struct PgDatabase {
    admin_url: String,
    pub name: String,
    pub url: String,
}

impl PgDatabase {
    /// `None` when `GCM_TEST_DATABASE_URL` is unset; panics when it is set but unusable, so a
    /// misconfigured CI fails instead of silently skipping.
    pub async fn create() -> Option<PgDatabase> {
        let Ok(admin_url) = std::env::var("GCM_TEST_DATABASE_URL") else {
            announce_skip(
                "postgres",
                "set GCM_TEST_DATABASE_URL=postgres://… to run it",
            );
            return None;
        };
        let name = format!("gcm_test_{}", uuid::Uuid::now_v7().simple());
        let db = gcm_store::Db::connect(&admin_url, 1)
            .await
            .unwrap_or_else(|e| panic!("GCM_TEST_DATABASE_URL is set but unusable: {e}"));
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(db.pool())
            .await
            .expect("create test database");
        db.close().await;
        let url = with_database(&admin_url, &name);
        Some(PgDatabase {
            admin_url,
            name,
            url,
        })
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let admin = self.admin_url.clone();
        let name = self.name.clone();
        // Drop runs inside the test's runtime; do the async cleanup on a thread of its own.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async {
                if let Ok(db) = gcm_store::Db::connect(&admin, 1).await {
                    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                    )))
                    .execute(db.pool())
                    .await;
                    db.close().await;
                }
            });
        })
        .join();
    }
}

/// Replaces the database name in a PostgreSQL URL.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_part = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{host_part}/{name}?{q}"),
        None => format!("{host_part}/{name}"),
    }
}

/// A running server with a fresh database, and an HTTP client that does not follow redirects.
pub struct TestApp {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    pub node: Option<Running>,
    pub _data_dir: tempfile::TempDir,
    pub _pg: Option<PgDatabase>,
}

impl TestApp {
    pub async fn sqlite() -> TestApp {
        Self::start(None, |_| {}).await
    }

    /// A SQLite app with some settings changed.
    pub async fn sqlite_with(change: impl FnOnce(&mut Settings)) -> TestApp {
        Self::start(None, change).await
    }

    /// The same on PostgreSQL (None when the suite is not enabled).
    pub async fn postgres_with(change: impl FnOnce(&mut Settings)) -> Option<TestApp> {
        let pg = PgDatabase::create().await?;
        Some(Self::start(Some(pg), change).await)
    }

    /// `None` (and the suite announced as skipped) without `GCM_TEST_DATABASE_URL`.
    pub async fn postgres() -> Option<TestApp> {
        let pg = PgDatabase::create().await?;
        Some(Self::start(Some(pg), |_| {}).await)
    }

    async fn start(pg: Option<PgDatabase>, change: impl FnOnce(&mut Settings)) -> TestApp {
        let data_dir = tempfile::tempdir().expect("temp dir");
        let settings = Settings {
            addr: "127.0.0.1:0".parse().unwrap(),
            database_url: pg.as_ref().map(|p| p.url.clone()),
            data_dir: data_dir.path().to_path_buf(),
            db_max_connections: 5,
            job_poll_ms: 50,
            // Tests that want the seed corpus ask for it (it adds hundreds of rows).
            import_seeds: false,
            ..Settings::default()
        };
        let mut settings = settings;
        change(&mut settings);
        let node = server::start(&settings).await.expect("server starts");
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap();
        TestApp {
            addr: node.addr,
            client,
            node: Some(node),
            _data_dir: data_dir,
            _pg: pg,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// A second node on the same database (as behind a load balancer); returns its address.
    /// It stops when the returned guard drops.
    pub async fn another_node(&self) -> (SocketAddr, Running, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings {
            addr: "127.0.0.1:0".parse().unwrap(),
            database_url: Some(self.database_url()),
            data_dir: dir.path().to_path_buf(),
            db_max_connections: 5,
            job_poll_ms: 50,
            import_seeds: false,
            ..Settings::default()
        };
        let node = server::start(&settings).await.expect("second node starts");
        (node.addr, node, dir)
    }

    /// The database URL this app runs on (for driving the CLI against the same data).
    pub fn database_url(&self) -> String {
        match &self._pg {
            Some(pg) => pg.url.clone(),
            None => gcm_hub::config::sqlite_url(&self._data_dir.path().join("gcm-hub.db")),
        }
    }

    pub fn db(&self) -> &gcm_store::Db {
        &self.node.as_ref().unwrap().db
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn get_with(&self, path: &str, header: &str, value: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header(header, value)
            .send()
            .await
            .unwrap()
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let res = self.get(path).await;
        let status = res.status().as_u16();
        (status, res.text().await.unwrap())
    }

    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let res = self.get(path).await;
        let status = res.status().as_u16();
        let body = res.text().await.unwrap();
        let json = serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("GET {path}: not JSON ({e}): {body}"));
        (status, json)
    }
}

/// Declares a test that runs once on SQLite and once on PostgreSQL:
/// `db_test!(name, |app: TestApp| async move { … });` makes `name::sqlite` and `name::postgres`.
macro_rules! db_test {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = $crate::harness::TestApp::sqlite().await;
                ($body)(app).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(app) = $crate::harness::TestApp::postgres().await else {
                    return;
                };
                ($body)(app).await;
            }
        }
    };
}

#[test]
fn with_database_replaces_the_name() {
    assert_eq!(
        with_database("postgres://u@127.0.0.1:5432/postgres", "x"),
        "postgres://u@127.0.0.1:5432/x"
    );
    assert_eq!(
        with_database("postgres://127.0.0.1/db?sslmode=disable", "x"),
        "postgres://127.0.0.1/x?sslmode=disable"
    );
    assert_eq!(
        with_database("postgres://127.0.0.1", "x"),
        "postgres://127.0.0.1/x"
    );
}

/// Text as askama escapes it in HTML, to look for translated strings in a page.
pub fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

/// A person with a browser-like cookie jar, talking to one app.
pub struct Visitor {
    pub client: reqwest::Client,
    pub jar: std::sync::Arc<reqwest::cookie::Jar>,
    pub base: String,
}

impl TestApp {
    pub fn visitor(&self) -> Visitor {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_provider(jar.clone())
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap();
        Visitor {
            client,
            jar,
            base: format!("http://{}", self.addr),
        }
    }

    /// Mail queued to `to`, newest first.
    pub async fn mail_to(&self, to: &str) -> Vec<gcm_store::outbox::Mail> {
        gcm_store::outbox::list(self.db(), Some(to), 50)
            .await
            .unwrap()
    }

    /// The first link in the newest mail to `to` that contains `path`, as a path with query.
    pub async fn link_in_mail(&self, to: &str, path: &str) -> String {
        let mail = self.mail_to(to).await;
        let body = &mail
            .first()
            .unwrap_or_else(|| panic!("no mail to {to}"))
            .body;
        let start = body
            .find("http")
            .unwrap_or_else(|| panic!("no link in {body}"));
        let link: String = body[start..].split_whitespace().next().unwrap().to_string();
        assert!(link.contains(path), "{link} lacks {path}");
        let after_host = link.splitn(4, '/').nth(3).unwrap();
        format!("/{after_host}")
    }

    /// Creates the first administrator through the setup link; returns a signed-in visitor.
    pub async fn admin(&self) -> Visitor {
        let link = self
            .node
            .as_ref()
            .unwrap()
            .setup_link
            .clone()
            .expect("setup link");
        let token = link.split("token=").nth(1).unwrap().to_string();
        let v = self.visitor();
        let res = v
            .post_form(
                "/en/setup",
                &[
                    ("token", token.as_str()),
                    ("display_name", "Ada Admin"),
                    ("email", "admin@example.org"),
                    ("password", "admin password 123"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
        v
    }

    /// Signs up a new person (unverified) and returns their signed-in visitor.
    pub async fn signup(&self, email: &str, name: &str) -> Visitor {
        let v = self.visitor();
        let res = v
            .post_form(
                "/en/signup",
                &[
                    ("display_name", name),
                    ("email", email),
                    ("password", "a long password 1"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
        v
    }

    /// Signs up and confirms the address through the mailed link.
    pub async fn verified_user(&self, email: &str, name: &str) -> Visitor {
        let v = self.signup(email, name).await;
        let link = self.link_in_mail(email, "/verify?token=").await;
        let token = link.split("token=").nth(1).unwrap().to_string();
        let res = v
            .post_form("/en/verify", &[("token", token.as_str())])
            .await;
        assert_eq!(res.status().as_u16(), 303);
        v
    }
}

impl Visitor {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let res = self.get(path).await;
        let status = res.status().as_u16();
        (status, res.text().await.unwrap())
    }

    /// The CSRF token this visitor's forms carry (read from a page, as a browser would).
    pub async fn csrf(&self) -> String {
        let (_, html) = self.get_text("/en/login").await;
        html.split("name=\"csrf_token\" value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_default()
            .to_string()
    }

    /// Posts a form with the visitor's CSRF token added.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let csrf = self.csrf().await;
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf_token", csrf.as_str()));
        self.client
            .post(self.url(path))
            .form(&all)
            .send()
            .await
            .unwrap()
    }

    /// Creates an API token on the account page (`scope`: read or write); returns its secret,
    /// read from the page as a person would copy it.
    pub async fn create_token(&self, name: &str, scope: &str) -> String {
        let res = self
            .post_form("/en/account/tokens", &[("name", name), ("scope", scope)])
            .await;
        assert_eq!(res.status().as_u16(), 201);
        let html = res.text().await.unwrap();
        html.split("id=\"new-token\">")
            .nth(1)
            .and_then(|s| s.split('<').next())
            .unwrap()
            .to_string()
    }

    /// Signs in through the form.
    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.post_form("/en/login", &[("email", email), ("password", password)])
            .await
    }

    /// Posts a form exactly as given (no CSRF token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .form(fields)
            .send()
            .await
            .unwrap()
    }

    /// The value of a cookie this visitor holds.
    pub fn cookie(&self, name: &str) -> Option<String> {
        use reqwest::cookie::CookieStore;
        let url: url::Url = self.base.parse().unwrap();
        let header = self.jar.cookies(&url)?;
        header
            .to_str()
            .ok()?
            .split(';')
            .filter_map(|kv| kv.trim().split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }
}
