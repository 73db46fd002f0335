//! Settings: defaults < `gcm-hub.toml` in the data directory < `GCM_HUB_*` environment < flags.
//!
//! An invalid setting stops the program with one line that names the setting and where its
//! value came from, e.g. `invalid setting "addr" (from GCM_HUB_ADDR): invalid socket address
//! syntax`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

/// Every setting, with its default.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Address to listen on.
    pub addr: SocketAddr,
    /// `sqlite://…` or `postgres://…`; by default a SQLite file in the data directory.
    pub database_url: Option<String>,
    /// Where the SQLite database, uploaded files and the search index live.
    pub data_dir: PathBuf,
    /// `text` (for people) or `json` (for log collectors).
    pub log_format: LogFormat,
    /// A tracing filter, e.g. `info` or `info,gcm_web=debug`.
    pub log_level: String,
    /// Most database connections this node opens.
    pub db_max_connections: u32,
    /// Seconds a request may take before it is answered with 503.
    pub request_timeout_secs: u64,
    /// Milliseconds between the job worker's looks for new work.
    pub job_poll_ms: u64,
    /// The address people reach this instance at, e.g. `https://gcm.example.org` (used in
    /// links sent by mail and in the setup link). By default derived from `addr`.
    pub public_url: Option<String>,
    /// Mark cookies `Secure` (HTTPS only). By default on when `public_url` is https.
    pub secure_cookies: Option<bool>,
    /// SMTP server for outgoing mail, e.g. `smtp://user:pass@mail.example.org:587?tls=required`.
    /// Without it, mail stays in the outbox (visible to administrators) and in the log.
    pub smtp_url: Option<String>,
    /// Sender of outgoing mail.
    pub mail_from: String,
    /// Import the seed corpus (practices and recommendations of the shipped documents) on
    /// first start. A national instance that wants only its own data sets this to false.
    pub import_seeds: bool,
    /// Peer review of practices: submitted reviews needed from UN reviewers before the
    /// secretariat may publish.
    pub review_min_un_reviewers: usize,
    /// … and from external reviewers.
    pub review_min_external_reviewers: usize,
    /// When reviewers' mean rubric scores (1–5) differ by more than this, a further reviewer
    /// is pulled in.
    pub review_disagreement_threshold: f64,
    /// Connection hub: days a submitted request may wait in one step before whoever must act
    /// is reminded (and again after each further such wait).
    pub hub_reminder_days: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: None,
            data_dir: PathBuf::from("gcm-hub-data"),
            log_format: LogFormat::Text,
            log_level: "info".to_string(),
            db_max_connections: 10,
            request_timeout_secs: 30,
            job_poll_ms: 1000,
            public_url: None,
            secure_cookies: None,
            smtp_url: None,
            mail_from: "gcm-hub <noreply@localhost>".to_string(),
            import_seeds: true,
            review_min_un_reviewers: 1,
            review_min_external_reviewers: 2,
            review_disagreement_threshold: 1.5,
            hub_reminder_days: gcm_core::hub::ReminderPolicy::default().wait_days,
        }
    }
}

/// Settings given on the command line (they win over everything else).
#[derive(Debug, Default, Clone)]
pub struct Flags {
    pub addr: Option<String>,
    pub database_url: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub log_format: Option<String>,
}

pub const CONFIG_FILE: &str = "gcm-hub.toml";
const ENV_PREFIX: &str = "GCM_HUB_";

/// A setting that cannot be used; the message is one line naming it.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

impl Settings {
    /// Loads the settings from every layer (`env` is the process environment, passed in so
    /// tests can supply their own).
    pub fn load(flags: &Flags, env: &[(String, String)]) -> Result<Settings, ConfigError> {
        // The data directory decides where the TOML file is, so it is settled first, from the
        // layers above the file.
        let data_dir = flags
            .data_dir
            .clone()
            .or_else(|| {
                env.iter()
                    .find(|(k, _)| k == "GCM_HUB_DATA_DIR")
                    .map(|(_, v)| PathBuf::from(v))
            })
            .unwrap_or_else(|| Settings::default().data_dir);

        let env_pairs: Vec<(String, String)> = env
            .iter()
            .filter(|(k, _)| k.starts_with(ENV_PREFIX))
            .cloned()
            .collect();
        let mut figment = Figment::from(Serialized::defaults(Settings::default()));
        let file = data_dir.join(CONFIG_FILE);
        if file.is_file() {
            figment = figment.merge(Toml::file_exact(file));
        }
        figment = figment.merge(EnvPairs(env_pairs));
        if let Some(v) = &flags.addr {
            figment = figment.merge(Serialized::default("addr", v));
        }
        if let Some(v) = &flags.database_url {
            figment = figment.merge(Serialized::default("database_url", v));
        }
        if let Some(v) = &flags.log_format {
            figment = figment.merge(Serialized::default("log_format", v));
        }
        let mut settings: Settings = figment.extract().map_err(describe)?;
        settings.data_dir = data_dir;
        settings.validate()?;
        Ok(settings)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        if let Some(url) = &self.database_url {
            gcm_store::Backend::from_url(url)
                .map_err(|e| ConfigError(format!("invalid setting \"database_url\": {e}")))?;
        }
        if tracing_subscriber::EnvFilter::try_new(&self.log_level).is_err() {
            return Err(ConfigError(format!(
                "invalid setting \"log_level\": {:?} is not a log filter (try \"info\" or \"debug\")",
                self.log_level
            )));
        }
        if !(self.review_disagreement_threshold > 0.0 && self.review_disagreement_threshold <= 4.0)
        {
            return Err(ConfigError(
                "invalid setting \"review_disagreement_threshold\": must be more than 0 and at most 4 (scores run from 1 to 5)".to_string(),
            ));
        }
        if self.hub_reminder_days == 0 {
            return Err(ConfigError(
                "invalid setting \"hub_reminder_days\": must be at least 1".to_string(),
            ));
        }
        if self.review_min_un_reviewers + self.review_min_external_reviewers == 0 {
            return Err(ConfigError(
                "invalid setting \"review_min_external_reviewers\": at least one review must be required".to_string(),
            ));
        }
        if self.db_max_connections == 0 {
            return Err(ConfigError(
                "invalid setting \"db_max_connections\": must be at least 1".to_string(),
            ));
        }
        if let Some(url) = &self.smtp_url {
            crate::mail::Smtp::new(url, &self.mail_from).map_err(ConfigError)?;
        }
        if let Some(url) = &self.public_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            return Err(ConfigError(format!(
                "invalid setting \"public_url\": {url:?} must start with http:// or https://"
            )));
        }
        if self.request_timeout_secs == 0 {
            return Err(ConfigError(
                "invalid setting \"request_timeout_secs\": must be at least 1".to_string(),
            ));
        }
        Ok(())
    }

    /// The public address in force (no trailing slash).
    pub fn public_url(&self, bound: std::net::SocketAddr) -> String {
        match &self.public_url {
            Some(u) => u.trim_end_matches('/').to_string(),
            None if bound.ip().is_unspecified() => format!("http://localhost:{}", bound.port()),
            None => format!("http://{bound}"),
        }
    }

    /// Whether cookies are marked Secure.
    pub fn secure_cookies(&self) -> bool {
        self.secure_cookies.unwrap_or_else(|| {
            self.public_url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://"))
        })
    }

    /// The database URL in force: the configured one, or the SQLite file in the data dir.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => sqlite_url(&self.data_dir.join("gcm-hub.db")),
        }
    }
}

/// A `sqlite://` URL for a file path.
pub fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

/// Environment variables named `GCM_HUB_<SETTING>`, from a list given by the caller (the
/// process environment in `main`, a fixed list in tests) rather than read behind its back.
struct EnvPairs(Vec<(String, String)>);

impl figment::Provider for EnvPairs {
    fn metadata(&self) -> figment::Metadata {
        figment::Metadata::named("environment variable")
            .interpolater(|_, keys| format!("{ENV_PREFIX}{}", keys.join("_").to_ascii_uppercase()))
    }

    fn data(
        &self,
    ) -> Result<figment::value::Map<figment::Profile, figment::value::Dict>, figment::Error> {
        let mut dict = figment::value::Dict::new();
        for (k, v) in &self.0 {
            if let Some(key) = k.strip_prefix(ENV_PREFIX) {
                // Parse like figment's own Env provider: numbers and booleans become typed.
                let value: figment::value::Value = v
                    .parse()
                    .unwrap_or_else(|_| figment::value::Value::from(v.clone()));
                dict.insert(key.to_ascii_lowercase(), value);
            }
        }
        Ok(figment::Profile::Default.collect(dict))
    }
}

/// One line naming the setting, its source and what is wrong.
fn describe(e: figment::Error) -> ConfigError {
    let key = e.path.join(".");
    let source = e.metadata.as_ref().map(|m| {
        if m.name.contains("environment") {
            let profile = e.profile.clone().unwrap_or_default();
            let keys: Vec<&str> = e.path.iter().map(String::as_str).collect();
            m.interpolate(&profile, &keys)
        } else {
            match &m.source {
                Some(figment::Source::File(path)) => path.display().to_string(),
                _ => m.name.to_string(),
            }
        }
    });
    let what = match &e.kind {
        figment::error::Kind::UnknownField(field, _) => {
            format!("unknown setting \"{field}\"")
        }
        kind => kind.to_string(),
    };
    let msg = match (key.is_empty(), source) {
        (false, Some(src)) => format!("invalid setting \"{key}\" (from {src}): {what}"),
        (false, None) => format!("invalid setting \"{key}\": {what}"),
        (true, Some(src)) => format!("invalid configuration in {src}: {what}"),
        (true, None) => format!("invalid configuration: {what}"),
    };
    ConfigError(msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn layers_override_in_order() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "addr = \"127.0.0.1:9000\"\nlog_level = \"debug\"\njob_poll_ms = 50\n",
        )?;
        let flags = Flags {
            data_dir: Some(dir.path().to_path_buf()),
            ..Flags::default()
        };
        let s = Settings::load(&flags, &[])?;
        assert_eq!(s.addr.port(), 9000);
        assert_eq!(s.log_level, "debug");

        let e = env(&[("GCM_HUB_ADDR", "127.0.0.1:9001"), ("OTHER_ADDR", "x")]);
        let s = Settings::load(&flags, &e)?;
        assert_eq!(s.addr.port(), 9001);
        assert_eq!(s.job_poll_ms, 50);

        let flags2 = Flags {
            addr: Some("127.0.0.1:9002".into()),
            ..flags.clone()
        };
        let s = Settings::load(&flags2, &e)?;
        assert_eq!(s.addr.port(), 9002);
        Ok(())
    }

    #[test]
    fn bad_values_name_the_setting() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let flags = Flags {
            data_dir: Some(dir.path().to_path_buf()),
            addr: Some("not-an-address".into()),
            ..Flags::default()
        };
        let err = Settings::load(&flags, &[])
            .err()
            .map(|e| e.0)
            .unwrap_or_default();
        assert!(err.contains("\"addr\""), "{err}");
        assert!(!err.contains('\n'));

        let flags_env = Flags {
            data_dir: Some(dir.path().to_path_buf()),
            ..Flags::default()
        };
        let e = env(&[("GCM_HUB_JOB_POLL_MS", "soon")]);
        let err = Settings::load(&flags_env, &e)
            .err()
            .map(|e| e.0)
            .unwrap_or_default();
        assert!(err.contains("GCM_HUB_JOB_POLL_MS"), "{err}");

        std::fs::write(dir.path().join(CONFIG_FILE), "job_pol_ms = 5\n")?;
        let flags = Flags {
            data_dir: Some(dir.path().to_path_buf()),
            ..Flags::default()
        };
        let err = Settings::load(&flags, &[])
            .err()
            .map(|e| e.0)
            .unwrap_or_default();
        assert!(err.contains("job_pol_ms"), "{err}");
        assert!(err.contains(CONFIG_FILE), "{err}");

        std::fs::write(dir.path().join(CONFIG_FILE), "")?;
        let flags = Flags {
            data_dir: Some(dir.path().to_path_buf()),
            database_url: Some("mysql://x".into()),
            ..Flags::default()
        };
        let err = Settings::load(&flags, &[])
            .err()
            .map(|e| e.0)
            .unwrap_or_default();
        assert!(err.contains("database_url"), "{err}");
        Ok(())
    }
}
