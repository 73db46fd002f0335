//! Handlers, one file per action, grouped by domain.

pub mod api;
pub mod ops;
pub mod shell;

use axum::Router;
use axum::routing::get;

use crate::AppState;

/// The HTML pages.
pub fn pages() -> Router<AppState> {
    let mut r = Router::new()
        .route("/", get(shell::root::redirect))
        .route("/{lang}", get(shell::root::add_slash))
        .route("/{lang}/", get(shell::home::page));
    for area in crate::pages::Area::ALL {
        r = r.route(
            &format!("/{{lang}}/{}", area.slug()),
            get(shell::area::page),
        );
    }
    r
}
