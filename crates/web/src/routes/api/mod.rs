//! JSON API handlers under `/api/v1`.

pub mod compact;
pub mod info;
pub mod accounts;
