//! Handlers, one file per action, grouped by domain.

pub mod accounts;
pub mod admin;
pub mod api;
pub mod compact;
pub mod forms;
pub mod hub;
pub mod opendata;
pub mod ops;
pub mod orgs;
pub mod partners;
pub mod practices;
pub mod search;
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
    use axum::routing::post;
    r = r
        .route(
            "/{lang}/login",
            get(accounts::session::form).post(accounts::session::submit),
        )
        .route("/{lang}/logout", post(accounts::session::logout))
        .route(
            "/{lang}/signup",
            get(accounts::signup::form).post(accounts::signup::submit),
        )
        .route(
            "/{lang}/setup",
            get(accounts::setup::form).post(accounts::setup::submit),
        )
        .route(
            "/{lang}/verify",
            get(accounts::links::verify_form).post(accounts::links::verify_submit),
        )
        .route(
            "/{lang}/password-reset",
            get(accounts::links::reset_request_form).post(accounts::links::reset_request_submit),
        )
        .route(
            "/{lang}/reset",
            get(accounts::links::reset_form).post(accounts::links::reset_submit),
        )
        .route("/{lang}/account", get(accounts::account::page))
        .route(
            "/{lang}/account/verify-email",
            post(accounts::account::resend_verification),
        )
        .route(
            "/{lang}/account/sessions/close-all",
            post(accounts::account::close_all_sessions),
        )
        .route(
            "/{lang}/account/language",
            post(accounts::account::set_language),
        )
        .route(
            "/{lang}/account/tokens",
            post(accounts::account::create_token),
        )
        .route(
            "/{lang}/account/tokens/{id}/revoke",
            post(accounts::account::revoke_token),
        )
        .route("/{lang}/account/export", get(accounts::account::export))
        .route(
            "/{lang}/account/close",
            get(accounts::account::close_form).post(accounts::account::close),
        );
    r = r
        .route("/{lang}/admin", get(admin::home))
        .route("/{lang}/admin/users", get(admin::users))
        .route("/{lang}/admin/users/{id}/roles", post(admin::set_roles))
        .route("/{lang}/admin/outbox", get(admin::outbox_page))
        .route("/{lang}/admin/audit", get(admin::audit_page))
        .route("/{lang}/admin/audit.csv", get(admin::audit_csv));
    r = r
        .route("/{lang}/organisations", get(orgs::list).post(orgs::create))
        .route("/{lang}/organisations/new", get(orgs::new_form))
        .route("/{lang}/organisations/{id}", get(orgs::show))
        .route(
            "/{lang}/organisations/{id}/edit",
            get(orgs::edit_form).post(orgs::edit),
        )
        .route("/{lang}/organisations/{id}/join", post(orgs::join))
        .route("/{lang}/organisations/{id}/invite", post(orgs::invite))
        .route(
            "/{lang}/organisations/{id}/members/{user_id}",
            post(orgs::member),
        )
        .route(
            "/{lang}/invitations/{token}",
            get(orgs::invitations::show).post(orgs::invitations::accept),
        );
    r = r
        .route("/{lang}/practices", get(practices::explore))
        .route("/{lang}/practices/map", get(practices::map::page))
        .route("/{lang}/practices/{id}", get(practices::show))
        .route(
            "/{lang}/recommendations",
            get(practices::recommendations::page),
        )
        .route(
            "/{lang}/resources",
            get(practices::resources::page)
                .post(practices::resources::create)
                // Room for a shared file (multipart).
                .layer(axum::extract::DefaultBodyLimit::max(
                    gcm_core::practices::MAX_ATTACHMENT_BYTES + 64 * 1024,
                )),
        )
        .route(
            "/{lang}/resources/{id}/file",
            get(practices::resources::download),
        )
        .route("/{lang}/resources/new", get(practices::resources::new_form))
        .route("/data/practices.csv", get(opendata::practices::csv))
        .route("/data/practices.json", get(opendata::practices::json))
        .route("/data/practices.atom", get(opendata::feed::atom))
        .merge(practices::submit::routes())
        .merge(practices::review::routes())
        .merge(practices::calls::routes())
        .merge(practices::import::routes())
        .merge(search::routes())
        .merge(hub::routes())
        .merge(partners::routes());
    // Areas whose capability has not landed yet show their landing page.
    for area in crate::pages::Area::ALL.into_iter().filter(|a| {
        !matches!(
            a,
            crate::pages::Area::Compact | crate::pages::Area::Practices | crate::pages::Area::Hub
        )
    }) {
        r = r.route(
            &format!("/{{lang}}/{}", area.slug()),
            get(shell::area::page),
        );
    }
    r
}
