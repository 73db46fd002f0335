//! Domain types and rules of gcm-hub, pure (no IO): nothing here reads files,
//! opens connections or looks at the clock. Reference data the rules need is
//! compiled into the crate.
//!
//! Modules:
//! - [`accounts`]: platform and organisation roles, the authorization policy,
//!   and the checks on credentials (e-mail, password, display name).
//! - [`practices`]: the knowledge platform's vocabulary (status, scope, progress, themes).
//! - [`geo`]: countries (ISO 3166-1) and UN regions (UN M49), with names in the
//!   platform's languages, UN membership, lookup and validation of the country
//!   codes that organisations, practices and requests record.

pub mod accounts;
pub mod geo;
pub mod practices;
