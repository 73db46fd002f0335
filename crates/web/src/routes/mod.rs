//! Handlers, one file per action, grouped by domain.

pub mod api;
pub mod compact;
pub mod opendata;
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
    r = r
        .route("/{lang}/compact", get(compact::home::page))
        .route(
            "/{lang}/compact/objectives/{number}",
            get(compact::objective::page),
        )
        .route(
            "/{lang}/compact/objectives/{number}/compare",
            get(compact::compare::page),
        )
        .route(
            "/{lang}/compact/chapters/{section}",
            get(compact::chapter::page),
        )
        .route("/{lang}/compact/alignment", get(compact::alignment::page))
        .route("/{lang}/compact/frameworks", get(compact::frameworks::list))
        .route(
            "/{lang}/compact/frameworks/{id}",
            get(compact::frameworks::one),
        )
        .route("/data/compact.json", get(opendata::compact::json))
        .route("/data/compact.csv", get(opendata::compact::csv));
    // Areas whose capability has not landed yet show their landing page.
    for area in crate::pages::Area::ALL
        .into_iter()
        .filter(|a| *a != crate::pages::Area::Compact)
    {
        r = r.route(
            &format!("/{{lang}}/{}", area.slug()),
            get(shell::area::page),
        );
    }
    r
}
