//! Integration tests: the real server on 127.0.0.1:0 with a fresh database, spoken to over
//! HTTP. Every `db_test!` runs once on SQLite and once on PostgreSQL (when
//! `GCM_TEST_DATABASE_URL` is set); browser tests run when `GCM_TEST_BROWSER=1`.
//!
//! One test binary (not one per file) keeps link time down as the suite grows.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[macro_use]
mod harness;
mod accounts;
mod api;
mod audit;
mod authz;
mod browser;
mod calls;
mod cli;
mod compact;
mod hub_eval;
mod hub_partners;
mod hub_requests;
mod mail;
mod orgs;
mod practice_import;
mod practices;
mod resources;
mod search;
mod seed_import;
mod shell;
mod store;
mod submissions;
