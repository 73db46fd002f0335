//! `gcm-hub`: the command line. Every subcommand prints one clear line and exits non-zero
//! when it cannot do its work.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use gcm_hub::config::{Flags, Settings};
use gcm_hub::{logging, server};

#[derive(Parser)]
#[command(
    name = "gcm-hub",
    version,
    about = "Implement, fund and review the Global Compact for Safe, Orderly and Regular Migration"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct Common {
    /// Data directory (SQLite database, files, search index). [env: GCM_HUB_DATA_DIR]
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    /// Database URL: sqlite://… or postgres://… [env: GCM_HUB_DATABASE_URL]
    #[arg(long, global = true)]
    database_url: Option<String>,
    /// Log format: text or json. [env: GCM_HUB_LOG_FORMAT]
    #[arg(long, global = true)]
    log_format: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the platform (migrates the database first).
    Serve {
        /// Address to listen on, e.g. 127.0.0.1:8080. [env: GCM_HUB_ADDR]
        #[arg(long)]
        addr: Option<String>,
        #[command(flatten)]
        common: Common,
    },
    /// Bring the database schema up to date, then exit.
    Migrate {
        #[command(flatten)]
        common: Common,
    },
    /// Print the version of this build and of its database schema.
    Version,
    /// Print the OpenAPI document of the JSON API.
    Openapi,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Version => {
            println!(
                "gcm-hub {} (database schema {})",
                env!("CARGO_PKG_VERSION"),
                gcm_store::migrate::MIGRATIONS
                    .last()
                    .map(|m| m.version)
                    .unwrap_or(0)
            );
            Ok(())
        }
        Command::Openapi => match gcm_web::openapi::document().to_pretty_json() {
            Ok(json) => {
                println!("{json}");
                Ok(())
            }
            Err(e) => Err(e.to_string()),
        },
        Command::Serve { addr, common } => settings(&common, addr).and_then(|s| run(serve(s))),
        Command::Migrate { common } => settings(&common, None).and_then(|s| run(migrate(s))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("error: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn settings(common: &Common, addr: Option<String>) -> Result<Settings, String> {
    let flags = Flags {
        addr,
        database_url: common.database_url.clone(),
        data_dir: common.data_dir.clone(),
        log_format: common.log_format.clone(),
    };
    let env: Vec<(String, String)> = std::env::vars().collect();
    let settings = Settings::load(&flags, &env).map_err(|e| e.to_string())?;
    logging::init(&settings);
    Ok(settings)
}

fn run(fut: impl std::future::Future<Output = Result<(), String>>) -> Result<(), String> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))?
        .block_on(fut)
}

async fn serve(settings: Settings) -> Result<(), String> {
    let node = server::start(&settings).await.map_err(|e| e.to_string())?;
    let shown = if node.addr.ip().is_unspecified() {
        format!("http://localhost:{}/", node.addr.port())
    } else {
        format!("http://{}/", node.addr)
    };
    println!(
        "gcm-hub {} is serving {shown} (database: {}, data directory: {})",
        env!("CARGO_PKG_VERSION"),
        node.db.backend().name(),
        settings.data_dir.display()
    );
    tracing::info!(addr = %node.addr, "serving");
    server::termination_signal().await;
    tracing::info!("shutting down");
    node.shutdown(Duration::from_secs(30)).await;
    Ok(())
}

async fn migrate(settings: Settings) -> Result<(), String> {
    let db = server::open_database(&settings)
        .await
        .map_err(|e| e.to_string())?;
    let version = gcm_store::migrate::MIGRATIONS
        .last()
        .map(|m| m.version)
        .unwrap_or(0);
    println!("database is at schema version {version}");
    db.close().await;
    Ok(())
}
