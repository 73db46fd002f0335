//! Storage for gcm-hub: one sqlx `Any` pool that speaks to SQLite (the embedded default) or
//! PostgreSQL (scale-out) through the same code, chosen at run time by the URL scheme.
//!
//! The room holds the connection ([`Db`]), the forward-only migrations ([`migrate`]), the
//! change log that derived indexes follow ([`change_log`]), the background jobs table and its
//! worker ([`jobs`]) and schema introspection used to prove both backends agree ([`schema`]).
//! Domain modules (practices, hub, fund, …) are added beside these as their issues land.
//!
//! Data rules (see docs/ARCHITECTURE.md): the `Any` driver decodes only bool, integers, floats,
//! text and bytes, so times are RFC 3339 UTC text, ids are UUIDv7 text, integers are BIGINT.

pub mod accounts;
pub mod audit;
pub mod calls;
pub mod change_log;
pub mod conditions;
mod db;
pub mod framework_links;
pub mod hub_partners;
pub mod hub_requests;
pub mod hub_setup;
pub mod jobs;
pub mod letters;
pub mod maintenance;
pub mod migrate;
pub mod orgs;
pub mod outbox;
pub mod practices;
pub mod practices_csv;
pub mod practices_import;
pub mod practices_sheet;
pub mod recommendations;
pub mod resources;
pub mod reviews;
pub mod schema;
pub mod secret;
pub mod seed_import;
pub mod submissions;
mod time_fmt;

pub use db::{Backend, Db, DbError};
pub use time_fmt::{now_rfc3339, parse_rfc3339, to_rfc3339};

/// A new id for a row: UUIDv7, so ids sort by creation time and index well on both backends.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}
