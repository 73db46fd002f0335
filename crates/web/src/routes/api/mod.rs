//! JSON API handlers under `/api/v1`.

pub mod accounts;
pub mod compact;
pub mod info;
pub mod orgs;
pub mod practices;
