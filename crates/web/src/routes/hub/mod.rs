//! The connection hub (GCM para 43(a)): the landing page explaining it, countries' support
//! requests and their processing ([`requests`]), partners and workplan ([`setup`]), the
//! dashboard and open data ([`dashboard`]). Partner profiles, offers, ranked suggestions and
//! funding opportunities are served beside these by their own modules.
//!
//! Who sees what of a request is decided once, by [`access`]: the requesting organisation, the
//! secretariat and invited partners see the full request; everyone else sees the public part
//! of a submitted public request, or a 404.

pub mod dashboard;
pub mod requests;
pub mod setup;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use gcm_core::accounts::{Action, OrgRole, Principal, allows};
use gcm_core::hub::{PartnerRole, RequestStatus};
use gcm_store::hub_requests::{HubError, SupportRequest};
use gcm_store::hub_setup::Partner;
use utoipa_axum::router::OpenApiRouter;

use crate::AppState;
use crate::auth::Auth;
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::pages::{Area, Chrome};
use crate::routes::forms::page_with_status;
use crate::routes::shell::PageLang;

/// The HTML pages and downloads.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/hub", get(landing))
        .merge(requests::routes())
        .merge(setup::routes())
        .merge(dashboard::routes())
}

/// The `/api/v1/hub` routes with their documentation.
pub fn api(r: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    let r = requests::api(r);
    let r = setup::api(r);
    dashboard::api(r)
}

/// How a viewer stands towards one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    /// A member of the requesting organisation.
    pub requester: bool,
    /// May edit, submit, answer questions and withdraw (focal point or editor).
    pub requester_acts: bool,
    pub secretariat: bool,
    /// Invited organisations the viewer speaks for (focal point or editor).
    pub partner_orgs: Vec<String>,
    /// A member of an invited organisation (sees the full request).
    pub partner: bool,
}

impl Access {
    /// Sees the whole request, not only its public part.
    pub fn full(&self) -> bool {
        self.requester || self.secretariat || self.partner
    }
}

/// The viewer's standing towards a request, or 404 when they may not see it at all.
pub fn access(auth: &Auth, r: &SupportRequest, partners: &[Partner]) -> AppResult<Access> {
    let p: Option<&Principal> = auth.signed_in.as_ref().map(|s| &s.principal);
    let member_of = |org: &str| p.is_some_and(|p| p.role_in(org).is_some());
    let requester = member_of(&r.org_id);
    let invited: Vec<&Partner> = partners
        .iter()
        .filter(|x| x.state != gcm_core::hub::PartnerState::Withdrawn && member_of(&x.org_id))
        .collect();
    let a = Access {
        requester,
        requester_acts: allows(p, &Action::SubmitHubRequest { org_id: &r.org_id }),
        secretariat: allows(p, &Action::ManageHub),
        partner: !invited.is_empty(),
        partner_orgs: invited
            .iter()
            .filter(|x| allows(p, &Action::ActAsHubPartner { org_id: &x.org_id }))
            .map(|x| x.org_id.clone())
            .collect(),
    };
    // A draft is its organisation's alone; anything else is public when the requester says so.
    let visible = if r.status == RequestStatus::Draft {
        a.requester
    } else {
        a.full() || r.is_public
    };
    if visible {
        Ok(a)
    } else {
        Err(AppError::not_found())
    }
}

/// Organisations the viewer may submit requests for (focal point or editor).
pub fn submitting_orgs(auth: &Auth) -> Vec<String> {
    let Some(s) = auth.signed_in.as_ref() else {
        return Vec::new();
    };
    s.principal
        .memberships
        .iter()
        .filter(|(_, r)| matches!(r, OrgRole::FocalPoint | OrgRole::Editor))
        .filter(|(o, _)| allows(Some(&s.principal), &Action::SubmitHubRequest { org_id: o }))
        .map(|(o, _)| o.clone())
        .collect()
}

/// The HTTP error for a refused change: 404 unknown, 422 naming the field, 409 for a step out
/// of order or a rule of the step not met.
pub fn hub_error(e: HubError) -> AppError {
    match e {
        HubError::Unknown => AppError::not_found(),
        HubError::Invalid(field) => {
            AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_parameter")
                .with_arg("name", field)
                .with_details(serde_json::json!({ "field": field }))
        }
        HubError::OutOfOrder { from, to } => {
            AppError::new(StatusCode::CONFLICT, "hub_step_out_of_order")
                .with_arg("from", from.as_str())
                .with_arg("to", to.as_str())
                .with_details(serde_json::json!({ "from": from.as_str(), "to": to.as_str() }))
        }
        HubError::Conflict(code) => AppError::new(StatusCode::CONFLICT, code),
        HubError::Db(e) => AppError::internal(e),
    }
}

/// A request's step in words.
pub fn status_label(tr: &Tr, s: RequestStatus) -> String {
    tr.t(&format!("hub-status-{}", s.as_str().replace('_', "-")))
}

/// A partner's role in a request's implementation, in words.
pub fn role_label(tr: &Tr, r: PartnerRole) -> String {
    tr.t(&format!("hub-role-{}", r.as_str().replace('_', "-")))
}

#[derive(Template)]
#[template(path = "hub.html")]
pub struct LandingPage {
    pub c: Chrome,
    pub can_submit: bool,
}

/// `GET /{lang}/hub`: what the hub is and where to go.
pub async fn landing(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
) -> AppResult<Response> {
    Ok(page_with_status(
        StatusCode::OK,
        &LandingPage {
            c: Chrome::new(&state, &auth, lang, "/hub", Some(Area::Hub)),
            can_submit: !submitting_orgs(&auth).is_empty(),
        },
    ))
}

/// A date and time (RFC 3339) shown as its date.
pub fn day_of(at: &str) -> String {
    at.get(..10).unwrap_or(at).to_string()
}
