//! The database handle: an `AnyPool` plus the backend it talks to.

use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

/// Which database engine sits behind the pool. The same SQL serves both except in the few
/// places (identity columns, row locking, advisory locks) that ask this explicitly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Reads the backend from a database URL's scheme.
    pub fn from_url(url: &str) -> Result<Self, DbError> {
        let scheme = url.split_once(':').map(|(s, _)| s).unwrap_or("");
        match scheme {
            "sqlite" => Ok(Backend::Sqlite),
            "postgres" | "postgresql" => Ok(Backend::Postgres),
            _ => Err(DbError::InvalidUrl(format!(
                "expected a URL starting with sqlite:// or postgres://, got {:?}",
                redact(url)
            ))),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("invalid database URL: {0}")]
    InvalidUrl(String),
    #[error("cannot connect to the database at {url}: {source}")]
    Connect { url: String, source: sqlx::Error },
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(String),
}

/// Hides a password in a URL before it reaches a log line or an error message.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let creds = &url[scheme_end + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => {
                    format!("{}://{}:***@{}", &url[..scheme_end], user, &url[at + 1..])
                }
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// A pooled connection to the one source of truth.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    /// Aggregates derived from the database and kept in this process, shared by the clones
    /// of this handle (see [`Derived`]).
    pub(crate) derived: Arc<Derived>,
}

/// Aggregates this process derives from the database and reuses until the database changes
/// (each is stamped with the change log's last sequence number when built).
#[derive(Debug)]
pub(crate) struct Derived {
    /// What partner suggestions read about every organisation.
    pub(crate) hub_universe: Mutex<Option<Arc<crate::hub_partners::Universe>>>,
    /// Held while the universe is rebuilt, so requests arriving meanwhile wait for that
    /// rebuild (or keep the previous universe) instead of each starting their own; shared so
    /// a rebuild running in the background can hold it.
    pub(crate) hub_universe_build: Arc<tokio::sync::Mutex<()>>,
    /// Milliseconds a universe may have taken to build for a reader who finds it stale to
    /// wait for the next one; a slower one is rebuilt in the background.
    pub(crate) hub_inline_rebuild_max_ms: std::sync::atomic::AtomicU64,
}

impl Default for Derived {
    fn default() -> Self {
        Derived {
            hub_universe: Mutex::default(),
            hub_universe_build: Arc::default(),
            hub_inline_rebuild_max_ms: crate::hub_partners::INLINE_REBUILD_MAX_MS.into(),
        }
    }
}

impl Db {
    /// Connects to `url`. SQLite files are created when missing and opened in WAL mode with a
    /// busy timeout and foreign keys on, so several pooled connections (and a second process,
    /// such as `gcm-hub migrate` while `serve` runs) can share the file.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, DbError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url)?;
        let url = match backend {
            Backend::Sqlite if !url.contains("mode=") => {
                let sep = if url.contains('?') { '&' } else { '?' };
                format!("{url}{sep}mode=rwc")
            }
            _ => url.to_string(),
        };
        let options = AnyConnectOptions::from_str(&url)
            .map_err(|e| DbError::InvalidUrl(format!("{}: {e}", redact(&url))))?;
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections.max(1))
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        conn.execute(sqlx::raw_sql(
                            "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; \
                             PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
                        ))
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .map_err(|source| DbError::Connect {
                url: redact(&url),
                source,
            })?;
        Ok(Db {
            pool,
            backend,
            derived: Arc::default(),
        })
    }

    /// Sets how long a rebuild of the partner aggregates may have taken for readers to wait
    /// for the next one rather than keep the previous aggregates while it runs (default
    /// 150 ms; tests set 0 to see the background path with little data).
    pub fn set_hub_inline_rebuild_max(&self, max: std::time::Duration) {
        let ms = u64::try_from(max.as_millis()).unwrap_or(u64::MAX);
        self.derived
            .hub_inline_rebuild_max_ms
            .store(ms, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Starts a transaction that will write. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`): a transaction that reads first and writes later could otherwise
    /// fail with `SQLITE_BUSY` when another connection wrote in between, instead of waiting.
    pub async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, DbError> {
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        Ok(tx)
    }

    /// A cheap round trip, for health checks.
    pub async fn ping(&self) -> Result<(), DbError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_from_url() {
        assert_eq!(
            Backend::from_url("sqlite://x.db").ok(),
            Some(Backend::Sqlite)
        );
        assert_eq!(
            Backend::from_url("postgres://h/db").ok(),
            Some(Backend::Postgres)
        );
        assert_eq!(
            Backend::from_url("postgresql://h/db").ok(),
            Some(Backend::Postgres)
        );
        assert!(Backend::from_url("mysql://h/db").is_err());
        assert!(Backend::from_url("not a url").is_err());
    }

    #[test]
    fn redacts_passwords() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("sqlite://a.db"), "sqlite://a.db");
    }
}
