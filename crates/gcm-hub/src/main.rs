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
    /// Rebuild this node's search index from the database, with a progress bar. Run it while
    /// the node is stopped (a running node holds its index; it rebuilds an empty one itself
    /// on start).
    Reindex {
        #[command(flatten)]
        common: Common,
    },
    /// Measure search quality: index the shipped fixture (the Compact in en/nb/nl and the seed
    /// corpus), run the judged queries of data/search/judged.json, print nDCG@10 and recall@10
    /// per query and overall.
    SearchEval,
    /// Measure the hub's suggestions: load the judged set of data/hub/judged.json
    /// (organisations with partner profiles, requests with the partners and the initiatives a
    /// reviewer would pick) into a fresh SQLite database, rank partners for every request, then
    /// import the seed corpus, build the search index and list each request's similar
    /// practices; print precision@5 (and for initiatives recall@5 and nDCG@5) per request and
    /// overall.
    HubEval {
        /// Print the figures as one JSON document instead of tables.
        #[arg(long)]
        json: bool,
    },
    /// Print the version of this build and of its database schema.
    Version,
    /// Print the OpenAPI document of the JSON API.
    Openapi,
    /// Import data. `import seeds [DIR]`: the practices and recommendations of the seed
    /// documents (re-extracted from DIR, or the corpus shipped in the binary).
    Import {
        #[command(subcommand)]
        command: ImportCommand,
        #[command(flatten)]
        common: Common,
    },
    /// Export data.
    Export {
        #[command(subcommand)]
        command: ExportCommand,
        #[command(flatten)]
        common: Common,
    },
    /// Manage accounts from the shell.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
        #[command(flatten)]
        common: Common,
    },
    /// The audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
        #[command(flatten)]
        common: Common,
    },
    /// The Compact as data: extract it from the seed texts, report how translations align.
    Compact {
        #[command(subcommand)]
        command: CompactCommand,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create an account (its address counts as confirmed) and print a one-time link to set
    /// its password. With `--role administrator` this creates the first administrator.
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Platform role(s): administrator, secretariat, reviewer, fund_committee, moderator.
        #[arg(long = "role")]
        roles: Vec<String>,
        /// Public address of the instance, for the link (default: http://127.0.0.1:8080).
        #[arg(long)]
        public_url: Option<String>,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// The seed corpus: GFMD policy and practice examples and recommendations, and the UN
    /// Network's practices.
    Seeds {
        /// Directory with the seed texts (e.g. data/seeds or ../shared/seeds); without it, the
        /// corpus shipped in the binary.
        dir: Option<PathBuf>,
    },
    /// Practices from a CSV in the export format (one row per practice and language, keyed by
    /// external_id). Every row is checked first: a file with any error changes nothing.
    Practices { file: PathBuf },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// Practices as CSV (the format `import practices` reads).
    Practices {
        /// Write here instead of to standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Include drafts and practices under review (a full backup); by default only
        /// published ones, as the open data.
        #[arg(long)]
        all: bool,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Recompute the hash chain of the whole audit log; fails if any entry was edited or
    /// deleted.
    Verify,
}

#[derive(Subcommand)]
enum CompactCommand {
    /// Extract one translation from a seed text and print it as JSON.
    Extract {
        /// The seed text (e.g. data/seeds/000_….txt for nb, 001_….txt for nl).
        seed: PathBuf,
        /// Language of the seed: nb or nl.
        #[arg(long)]
        lang: String,
    },
    /// Re-extract every translation from a seed directory and write data/compact/.
    Build {
        /// Directory holding the seed texts.
        #[arg(long, default_value = "data/seeds")]
        seeds: PathBuf,
        /// Where to write structure.json, nb.json, nl.json, alignment.json.
        #[arg(long, default_value = "data/compact")]
        out: PathBuf,
    },
    /// List every place where the translations do not line up (from a seed directory, or
    /// from the data shipped in this binary).
    Alignment {
        /// Re-extract from this seed directory instead of using the shipped data.
        #[arg(long)]
        seeds: Option<PathBuf>,
    },
}

/// Prints a line to stdout; a closed pipe (`gcm-hub … | head`) ends output quietly instead
/// of panicking as `println!` would.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Version => {
            say!(
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
                say!("{json}");
                Ok(())
            }
            Err(e) => Err(e.to_string()),
        },
        Command::Compact { command } => compact(command),
        Command::Import { command, common } => {
            settings(&common, None).and_then(|s| run(import(s, command)))
        }
        Command::Export { command, common } => {
            settings(&common, None).and_then(|s| run(export(s, command)))
        }
        Command::Admin { command, common } => {
            settings(&common, None).and_then(|s| run(admin(s, command)))
        }
        Command::Audit { command, common } => {
            settings(&common, None).and_then(|s| run(audit(s, command)))
        }
        Command::Serve { addr, common } => settings(&common, addr).and_then(|s| run(serve(s))),
        Command::Migrate { common } => settings(&common, None).and_then(|s| run(migrate(s))),
        Command::Reindex { common } => settings(&common, None).and_then(|s| run(reindex(s))),
        Command::SearchEval => search_eval(),
        Command::HubEval { json } => run(hub_eval(json)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("error: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn compact(command: CompactCommand) -> Result<(), String> {
    use gcm_compact::build;
    match command {
        CompactCommand::Extract { seed, lang } => {
            let lang: gcm_compact::Lang = lang.parse().map_err(|e| format!("{e}"))?;
            let json = build::extract_file_json(&seed, lang).map_err(|e| e.to_string())?;
            say!("{json}");
            Ok(())
        }
        CompactCommand::Build { seeds, out } => {
            let shipped = build::build_from_dir(&seeds).map_err(|e| e.to_string())?;
            let written = shipped.write_to(&out).map_err(|e| e.to_string())?;
            for path in written {
                say!("wrote {}", path.display());
            }
            Ok(())
        }
        CompactCommand::Alignment { seeds } => {
            let gaps = match seeds {
                Some(dir) => {
                    let shipped = build::build_from_dir(&dir).map_err(|e| e.to_string())?;
                    shipped.alignment.gaps
                }
                None => gcm_compact::Compact::load_shipped()
                    .map_err(|e| e.to_string())?
                    .gaps()
                    .to_vec(),
            };
            if gaps.is_empty() {
                say!("no gaps: the translations line up everywhere");
            }
            for g in &gaps {
                let missing: Vec<&str> = g.missing_in.iter().map(|l| l.code()).collect();
                say!(
                    "{}\t{:?}\tmissing in: {}\t{}{}",
                    g.location,
                    g.kind,
                    if missing.is_empty() {
                        "-".to_string()
                    } else {
                        missing.join(",")
                    },
                    g.description,
                    g.resolution
                        .as_deref()
                        .map(|r| format!(" (resolved: {r})"))
                        .unwrap_or_default()
                );
            }
            say!("{} gap(s)", gaps.len());
            Ok(())
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
    say!(
        "gcm-hub {} is serving {shown} (database: {}, data directory: {})",
        env!("CARGO_PKG_VERSION"),
        node.db.backend().name(),
        settings.data_dir.display()
    );
    if let Some(link) = &node.setup_link {
        say!(
            "No administrator exists yet. Create the first one with this one-time link (valid 24 hours):\n  {link}"
        );
    }
    tracing::info!(addr = %node.addr, "serving");
    server::termination_signal().await;
    tracing::info!("shutting down");
    node.shutdown(Duration::from_secs(30)).await;
    Ok(())
}

async fn admin(settings: Settings, command: AdminCommand) -> Result<(), String> {
    match command {
        AdminCommand::CreateUser {
            email,
            name,
            roles,
            public_url,
        } => {
            let roles = roles
                .iter()
                .map(|r| {
                    gcm_core::accounts::PlatformRole::parse(r)
                        .ok_or_else(|| format!("unknown role {r:?} (administrator, secretariat, reviewer, fund_committee, moderator)"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let db = server::open_database(&settings)
                .await
                .map_err(|e| e.to_string())?;
            let actor = gcm_store::audit::Actor::system("cli");
            let mut tx = db.begin_write().await.map_err(|e| e.to_string())?;
            let user = gcm_store::accounts::create_in(
                &mut tx,
                &actor,
                &gcm_store::accounts::NewUser {
                    email: &email,
                    display_name: &name,
                    password: None,
                    roles: &roles,
                    email_verified: true,
                    lang: None,
                },
            )
            .await
            .map_err(|e| match e {
                gcm_store::accounts::AccountError::Invalid(p) => {
                    format!("invalid {}: {}", p.field(), p.code())
                }
                other => other.to_string(),
            })?;
            let token = gcm_store::accounts::issue_token_in(
                &mut tx,
                gcm_store::accounts::Purpose::ResetPassword,
                Some(&user.id),
                Duration::from_secs(24 * 3600),
            )
            .await
            .map_err(|e| e.to_string())?;
            tx.commit().await.map_err(|e| e.to_string())?;
            let base = public_url
                .or(settings.public_url.clone())
                .unwrap_or_else(|| format!("http://{}", settings.addr));
            say!("created {} ({})", user.email, user.id);
            say!(
                "set the password within 24 hours: {}/en/reset?token={token}",
                base.trim_end_matches('/')
            );
            db.close().await;
            Ok(())
        }
    }
}

async fn import(settings: Settings, command: ImportCommand) -> Result<(), String> {
    match command {
        ImportCommand::Practices { file } => {
            let data =
                std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            let compact = gcm_compact::Compact::load_shipped().map_err(|e| e.to_string())?;
            let practices = gcm_store::practices_csv::parse(&data, &compact).map_err(|errors| {
                let n = errors.len();
                let list: Vec<String> = errors.iter().take(50).map(|e| e.to_string()).collect();
                format!(
                    "{} has {n} problem(s); nothing was imported: {}",
                    file.display(),
                    list.join("; ")
                )
            })?;
            let db = server::open_database(&settings)
                .await
                .map_err(|e| e.to_string())?;
            let actor = gcm_store::audit::Actor::system("cli import");
            let total = practices.len();
            let mut created = 0;
            for (i, p) in practices.iter().enumerate() {
                let (_, new) = gcm_store::practices::upsert(&db, &compact, &actor, p)
                    .await
                    .map_err(|e| format!("{}: {e}", p.external_id))?;
                created += usize::from(new);
                if (i + 1) % 50 == 0 {
                    say!("importing: {}/{total}", i + 1);
                }
            }
            db.close().await;
            say!(
                "imported {total} practices ({created} new, {} updated or unchanged)",
                total - created
            );
            Ok(())
        }
        ImportCommand::Seeds { dir } => {
            let corpus = match dir {
                Some(dir) => {
                    let extracted =
                        gcm_compact::seeds::build_from_dir(&dir).map_err(|e| e.to_string())?;
                    let json = serde_json::to_string(&extracted).map_err(|e| e.to_string())?;
                    gcm_store::seed_import::parse(&json).map_err(|e| e.to_string())?
                }
                None => gcm_store::seed_import::parse(gcm_store::seed_import::SHIPPED_CORPUS)
                    .map_err(|e| e.to_string())?,
            };
            let compact = gcm_compact::Compact::load_shipped().map_err(|e| e.to_string())?;
            let db = server::open_database(&settings)
                .await
                .map_err(|e| e.to_string())?;
            let outcome =
                gcm_store::seed_import::import(&db, &compact, &corpus, |done, total| async move {
                    say!("importing: {done}/{total}");
                })
                .await
                .map_err(|e| e.to_string())?;
            say!(
                "imported {} new practices ({} already there) and {} recommendations",
                outcome.practices_created,
                outcome.practices_unchanged_or_updated,
                outcome.recommendations
            );
            db.close().await;
            Ok(())
        }
    }
}

async fn export(settings: Settings, command: ExportCommand) -> Result<(), String> {
    match command {
        ExportCommand::Practices { out, all } => {
            let db = server::open_database(&settings)
                .await
                .map_err(|e| e.to_string())?;
            let filter = gcm_store::practices::Filter {
                public_only: !all,
                ..Default::default()
            };
            let practices = gcm_store::practices::read_all(&db, &filter)
                .await
                .map_err(|e| e.to_string())?;
            db.close().await;
            let csv = gcm_store::practices_csv::write(&practices).map_err(|e| e.to_string())?;
            match out {
                Some(path) => {
                    std::fs::write(&path, &csv)
                        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                    eprintln!("wrote {} practices to {}", practices.len(), path.display());
                }
                None => {
                    use std::io::Write as _;
                    let _ = std::io::stdout().lock().write_all(&csv);
                }
            }
            Ok(())
        }
    }
}

async fn audit(settings: Settings, command: AuditCommand) -> Result<(), String> {
    match command {
        AuditCommand::Verify => {
            let db = server::open_database(&settings)
                .await
                .map_err(|e| e.to_string())?;
            let verdict = gcm_store::audit::verify(&db)
                .await
                .map_err(|e| e.to_string())?;
            db.close().await;
            match verdict {
                gcm_store::audit::Verdict::Intact { entries } => {
                    say!("audit log intact: {entries} entries, every hash chains");
                    Ok(())
                }
                gcm_store::audit::Verdict::Broken { seq, reason } => {
                    Err(format!("audit log broken at entry {seq}: {reason}"))
                }
            }
        }
    }
}

async fn hub_eval(json: bool) -> Result<(), String> {
    let judged = gcm_hub::hub_eval::Judged::shipped().map_err(|e| e.to_string())?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let url = format!("sqlite://{}", dir.path().join("hub-eval.db").display());
    let db = gcm_store::Db::connect(&url, 1)
        .await
        .map_err(|e| e.to_string())?;
    gcm_store::migrate::run(&db)
        .await
        .map_err(|e| e.to_string())?;
    let eval = gcm_hub::hub_eval::evaluate(&db, &judged)
        .await
        .map_err(|e| e.to_string())?;
    db.close().await;
    if json {
        let out = serde_json::to_string_pretty(&eval).map_err(|e| e.to_string())?;
        say!("{out}");
        return Ok(());
    }
    say!("Partners");
    say!("");
    say!("| request | top 5 | judged | precision@5 |");
    say!("|---|---|---|---|");
    for r in &eval.per_request {
        say!(
            "| {} | {} | {} | {:.2} |",
            r.key,
            r.top5.join(" "),
            r.expected.join(" "),
            r.precision_at_5
        );
    }
    say!(
        "| **all {} requests, {} organisations** | | | **{:.3}** |",
        eval.per_request.len(),
        judged.organisations.len(),
        eval.precision_at_5
    );
    let i = &eval.initiatives;
    say!("");
    say!("Initiatives (similar practices)");
    say!("");
    say!("| request | top 5 | judged | precision@5 | recall@5 | nDCG@5 |");
    say!("|---|---|---|---|---|---|");
    for r in &i.per_request {
        say!(
            "| {} | {} | {} | {:.2} | {:.2} | {:.3} |",
            r.key,
            r.top5.join(" "),
            r.expected.join(" "),
            r.precision_at_5,
            r.recall_at_5,
            r.ndcg_at_5
        );
    }
    say!(
        "| **all {} requests, {} practices** | | | **{:.3}** | **{:.3}** | **{:.3}** |",
        i.per_request.len(),
        i.practices,
        i.precision_at_5,
        i.recall_at_5,
        i.ndcg_at_5
    );
    if !i.unjudged.is_empty() {
        say!("left out (no judged initiative): {}", i.unjudged.join(", "));
    }
    Ok(())
}

fn search_eval() -> Result<(), String> {
    let index = gcm_search::SearchIndex::in_memory().map_err(|e| e.to_string())?;
    let docs = gcm_search::fixture::fixture_docs().map_err(|e| e.to_string())?;
    let n = index.rebuild(docs, |_| {}).map_err(|e| e.to_string())?;
    let judged = gcm_search::Judged::shipped().map_err(|e| e.to_string())?;
    let eval = gcm_search::evaluate(&index, &judged).map_err(|e| e.to_string())?;
    say!("| query | nDCG@10 | recall@10 |");
    say!("|---|---|---|");
    for q in &eval.per_query {
        say!("| {} | {:.3} | {:.3} |", q.q, q.ndcg_at_10, q.recall_at_10);
    }
    say!(
        "| **all {} queries over {n} documents** | **{:.3}** | **{:.3}** |",
        eval.per_query.len(),
        eval.ndcg_at_10,
        eval.recall_at_10
    );
    Ok(())
}

async fn reindex(settings: Settings) -> Result<(), String> {
    use std::io::Write;
    let db = server::open_database(&settings)
        .await
        .map_err(|e| e.to_string())?;
    let compact = gcm_compact::Compact::load_shipped().map_err(|e| e.to_string())?;
    let dir = settings.data_dir.join("search");
    let index = gcm_search::SearchIndex::open_with(&dir, &compact).map_err(|e| {
        format!(
            "cannot open the search index in {} ({e}); is a node running on this data directory?",
            dir.display()
        )
    })?;
    let started = std::time::Instant::now();
    let mut last_shown = 0;
    let head = gcm_hub::indexer::rebuild(&db, &compact, &index, |done, total| {
        // A bar on stderr, redrawn at most every 1% (the output stays readable in logs).
        let step = (total / 100).max(1);
        if done == total || done >= last_shown + step {
            last_shown = done;
            let width = 40;
            let filled = (done * width)
                .checked_div(total)
                .unwrap_or(width)
                .min(width);
            eprint!(
                "\r[{}{}] {done}/{total}",
                "#".repeat(filled),
                " ".repeat(width - filled)
            );
            let _ = std::io::stderr().flush();
        }
    })
    .await
    .map_err(|e| e.to_string())?;
    gcm_hub::indexer::write_checkpoint(Some(&gcm_hub::indexer::checkpoint_file(&dir)), head);
    eprintln!();
    say!(
        "search index rebuilt: {} documents in {:.1} s (change log at {head})",
        index.num_docs(),
        started.elapsed().as_secs_f64()
    );
    db.close().await;
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
    say!("database is at schema version {version}");
    db.close().await;
    Ok(())
}
