//! Starting and stopping one gcm-hub node: check the data directory, bind the port, connect
//! and migrate the database, start the job worker, serve HTTP until told to stop.
//!
//! The order is deliberate: the cheap checks that most often fail (data directory, port) come
//! before the database, so a mistake is reported at once and nothing is half-started.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use gcm_store::jobs::{JobHandler, Worker};
use gcm_store::{Db, migrate};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::config::Settings;

/// Why a node could not start; each message is one line for the operator.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("data directory {path:?} is not usable: {reason}")]
    DataDir { path: String, reason: String },
    #[error("cannot listen on {addr}: {reason}")]
    Listen { addr: SocketAddr, reason: String },
    #[error("{0}")]
    Database(#[from] gcm_store::DbError),
    #[error("{0}")]
    Mail(String),
    #[error("the shipped Compact data cannot be loaded: {0}")]
    Compact(#[from] gcm_compact::CompactError),
    #[error("the search index cannot be opened: {0}")]
    Search(String),
}

/// A running node.
pub struct Running {
    /// The address actually bound (the port is chosen by the OS when 0 was asked for).
    pub addr: SocketAddr,
    pub db: Db,
    /// While no administrator exists: the one-time link that creates the first one.
    pub setup_link: Option<String>,
    stop: watch::Sender<bool>,
    server: JoinHandle<std::io::Result<()>>,
    worker: JoinHandle<()>,
    mailer: Option<JoinHandle<()>>,
    indexer: JoinHandle<()>,
}

impl Running {
    /// Stops accepting connections, lets requests in flight finish (up to `grace`), stops the
    /// worker after its current job, and closes the database pool.
    pub async fn shutdown(self, grace: Duration) {
        let _ = self.stop.send(true);
        if tokio::time::timeout(grace, self.server).await.is_err() {
            tracing::warn!("requests still running after the grace period; stopping anyway");
        }
        let _ = tokio::time::timeout(grace, self.worker).await;
        let _ = tokio::time::timeout(grace, self.indexer).await;
        if let Some(m) = self.mailer {
            let _ = tokio::time::timeout(grace, m).await;
        }
        self.db.close().await;
    }

    /// A receiver that turns true when shutdown starts.
    pub fn stopping(&self) -> watch::Receiver<bool> {
        self.stop.subscribe()
    }
}

/// Makes sure the data directory exists and can be written to.
pub fn check_data_dir(dir: &Path) -> Result<(), StartError> {
    let fail = |reason: String| StartError::DataDir {
        path: dir.display().to_string(),
        reason,
    };
    std::fs::create_dir_all(dir).map_err(|e| fail(e.to_string()))?;
    let probe = dir.join(".gcm-hub-write-test");
    std::fs::write(&probe, b"ok").map_err(|e| fail(format!("cannot write to it: {e}")))?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

/// Binds the listening socket, explaining the usual cause when the port is taken.
pub async fn bind(addr: SocketAddr) -> Result<TcpListener, StartError> {
    TcpListener::bind(addr).await.map_err(|e| {
        let reason = if e.kind() == std::io::ErrorKind::AddrInUse {
            format!("{e} (is another gcm-hub or another program already using this port?)")
        } else {
            e.to_string()
        };
        StartError::Listen { addr, reason }
    })
}

/// Connects to the database in the settings and brings its schema up to date.
pub async fn open_database(settings: &Settings) -> Result<Db, StartError> {
    let db = Db::connect(&settings.database_url(), settings.db_max_connections).await?;
    let report = migrate::run(&db).await?;
    for (version, name) in &report.applied {
        tracing::info!(version, name, "applied migration");
    }
    Ok(db)
}

/// The job handlers this node runs (each capability registers its own as it lands).
pub fn job_handlers(
    compact: &Arc<gcm_compact::Compact>,
    settings: &Settings,
    public_url: &str,
) -> Vec<Arc<dyn JobHandler>> {
    vec![
        Arc::new(gcm_store::hub_requests::Remind {
            policy: gcm_core::hub::ReminderPolicy {
                wait_days: settings.hub_reminder_days,
            },
            mailing: gcm_web::letters::mailing(public_url),
        }),
        Arc::new(gcm_store::maintenance::Prune),
        Arc::new(gcm_store::seed_import::ImportSeeds {
            compact: compact.clone(),
        }),
    ]
}

/// Starts a node and returns once it accepts connections.
pub async fn start(settings: &Settings) -> Result<Running, StartError> {
    check_data_dir(&settings.data_dir)?;
    let listener = bind(settings.addr).await?;
    let addr = listener.local_addr().map_err(|e| StartError::Listen {
        addr: settings.addr,
        reason: e.to_string(),
    })?;
    let compact = Arc::new(gcm_compact::Compact::load_shipped()?);
    let db = open_database(settings).await?;

    let public_url = settings.public_url(addr);
    let setup_link = gcm_store::accounts::setup_token(&db)
        .await?
        .map(|token| format!("{public_url}/en/setup?token={token}"));

    gcm_store::maintenance::schedule_prune(&db).await?;
    gcm_store::hub_requests::schedule_reminders(&db).await?;
    // First start: the seed corpus is imported in the background (progress in the job row).
    if settings.import_seeds {
        gcm_store::seed_import::schedule_first_import(&db).await?;
    }

    let (stop, stop_rx) = watch::channel(false);
    let worker = Worker::new(db.clone(), job_handlers(&compact, settings, &public_url));
    let worker = tokio::spawn(worker.run(
        Duration::from_millis(settings.job_poll_ms.max(10)),
        stop_rx.clone(),
    ));

    let options = gcm_web::WebOptions {
        request_timeout: Duration::from_secs(settings.request_timeout_secs),
        public_url,
        secure_cookies: settings.secure_cookies(),
        review: gcm_core::practices::ReviewPolicy {
            min_un_reviewers: settings.review_min_un_reviewers,
            min_external_reviewers: settings.review_min_external_reviewers,
            disagreement_threshold: settings.review_disagreement_threshold,
        },
    };
    let mailer = match &settings.smtp_url {
        Some(url) => {
            let smtp =
                crate::mail::Smtp::new(url, &settings.mail_from).map_err(StartError::Mail)?;
            Some(tokio::spawn(gcm_store::outbox::deliver_loop(
                db.clone(),
                Arc::new(smtp),
                Duration::from_millis(settings.job_poll_ms.max(10)),
                stop_rx.clone(),
            )))
        }
        None => None,
    };
    // The search index is this node's own, under the data directory; it is derived data, so a
    // lost or outdated one is rebuilt from the database.
    let search_dir = settings.data_dir.join("search");
    let index = Arc::new(
        gcm_search::SearchIndex::open_with(&search_dir, &compact)
            .map_err(|e| StartError::Search(e.to_string()))?,
    );
    let indexer = tokio::spawn(crate::indexer::run(
        db.clone(),
        compact.clone(),
        index.clone(),
        Some(crate::indexer::checkpoint_file(&search_dir)),
        stop_rx.clone(),
    ));
    let state = gcm_web::AppState::new(db.clone(), compact, options).with_search(index);
    let app = gcm_web::router(state);
    let mut shutdown_rx = stop_rx;
    let server = tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            let _ = shutdown_rx.wait_for(|stop| *stop).await;
        })
        .await
    });
    Ok(Running {
        addr,
        db,
        setup_link,
        stop,
        server,
        worker,
        mailer,
        indexer,
    })
}

/// Resolves when the process is asked to stop (Ctrl-C / SIGINT, or SIGTERM from a service
/// manager or container runtime).
pub async fn termination_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}
