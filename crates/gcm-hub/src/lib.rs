//! The gcm-hub program: settings, logging, and the start and stop of a server node. The
//! binary (`main.rs`) parses the command line and calls into here; the integration tests
//! start the very same server through [`server::start`].

pub mod config;
pub mod hub_eval;
pub mod indexer;
pub mod logging;
pub mod mail;
pub mod server;
