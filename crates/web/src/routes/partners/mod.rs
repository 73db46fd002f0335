//! The connection hub's partner side (GCM para 43(a)(ii), (v)): partner profiles
//! (`/{lang}/hub/partners`), offers of support (`/{lang}/hub/offers`), and for one request its
//! ranked partner suggestions and funding opportunities (`/{lang}/hub/requests/{id}/…`), with
//! their API under `/api/v1/hub/` and the offers' open data under `/data/hub/`.
//!
//! Storage and queries are `gcm_store::hub_partners`; the scores and their reasons
//! `gcm_core::hub_score`. This module turns reasons into words and decides who sees what.

pub mod matching;
pub mod offers;
pub mod profiles;

use axum::Router;
use axum::http::StatusCode;
use axum::routing::{get, post};
use gcm_core::accounts::{Action, allows};
use gcm_core::geo;
use gcm_core::hub::{BudgetRange, PartnerRole, StaffRange, SupportKind};
use gcm_core::hub_score::{FactorScore, Places, Reason};
use gcm_store::hub_partners::{PartnerError, RequestNeeds};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::Auth;
use crate::compact_view::objective_title;
use crate::error::{AppError, AppResult};
use crate::i18n::{Arg, Lang, Tr};

/// The HTML pages and downloads.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/hub/partners", get(profiles::directory_page))
        .route("/{lang}/hub/partners/{org_id}", get(profiles::show))
        .route(
            "/{lang}/hub/partners/{org_id}/edit",
            get(profiles::edit_form).post(profiles::edit),
        )
        .route(
            "/{lang}/hub/offers",
            get(offers::list_page).post(offers::create),
        )
        .route("/{lang}/hub/offers/new", get(offers::new_form))
        .route("/{lang}/hub/offers/{id}", get(offers::show))
        .route("/{lang}/hub/offers/{id}/close", post(offers::close))
        .route(
            "/{lang}/hub/requests/{id}/suggestions",
            get(matching::suggestions_page),
        )
        .route(
            "/{lang}/hub/requests/{id}/funding",
            get(matching::funding_page),
        )
        .route("/data/hub/offers.csv", get(offers::data_csv))
        .route("/data/hub/offers.json", get(offers::data_json))
}

/// The `/api/v1/hub` routes with their documentation.
pub fn api(r: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    r.routes(routes!(profiles::api_directory))
        .routes(routes!(profiles::api_get, profiles::api_put))
        .routes(routes!(offers::api_list, offers::api_create))
        .routes(routes!(offers::api_get))
        .routes(routes!(offers::api_close))
        .routes(routes!(offers::api_requests))
        .routes(routes!(matching::api_partners))
        .routes(routes!(matching::api_funding))
}

/// 422 naming the field, as the API answers bad input.
pub fn unprocessable(field: &str) -> AppError {
    AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_parameter")
        .with_arg("name", field)
        .with_details(serde_json::json!({ "field": field }))
}

/// The HTTP error for a refused partner-side write.
pub fn partner_error(e: PartnerError) -> AppError {
    match e {
        PartnerError::UnknownOrg | PartnerError::UnknownOffer => AppError::not_found(),
        PartnerError::Invalid(field) => unprocessable(field),
        PartnerError::Tag(_) => unprocessable("objectives"),
        PartnerError::Db(e) => AppError::internal(e),
    }
}

pub fn is_secretariat(auth: &Auth) -> bool {
    allows(
        auth.signed_in.as_ref().map(|s| &s.principal),
        &Action::ManageHub,
    )
}

pub fn may_act_for(auth: &Auth, org_id: &str) -> bool {
    allows(
        auth.signed_in.as_ref().map(|s| &s.principal),
        &Action::ActAsHubPartner { org_id },
    )
}

/// The organisations the signed-in person may speak for in the hub.
pub fn partner_orgs(auth: &Auth) -> Vec<String> {
    auth.signed_in
        .as_ref()
        .map(|s| {
            s.principal
                .memberships
                .iter()
                .map(|(o, _)| o.clone())
                .filter(|o| may_act_for(auth, o))
                .collect()
        })
        .unwrap_or_default()
}

/// A request whose suggestions and funding the caller may see: members of the requesting
/// organisation, and the secretariat once the request is submitted (a draft is its
/// organisation's own, as on the request's page). Everyone else gets 404, as for an unknown
/// request (the existence of a request that is not public is not public). The flag says
/// "secretariat".
pub async fn request_for(
    state: &AppState,
    auth: &Auth,
    id: &str,
) -> AppResult<(RequestNeeds, bool)> {
    let request = gcm_store::hub_partners::request_needs(&state.db, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let secretariat = is_secretariat(auth);
    let member = auth
        .signed_in
        .as_ref()
        .is_some_and(|s| s.principal.role_in(&request.org_id).is_some());
    let submitted = request.status != gcm_core::hub::RequestStatus::Draft.as_str();
    if !(member || secretariat && submitted) {
        return Err(AppError::not_found());
    }
    Ok((request, secretariat))
}

// ---------------------------------------------------------------------------------------------
// Words

pub fn kind_label(tr: &Tr, k: SupportKind) -> String {
    tr.t(&format!("partners-kind-{}", k.as_str()))
}

pub fn role_label(tr: &Tr, r: PartnerRole) -> String {
    tr.t(&format!("partners-role-{}", r.as_str()))
}

pub fn staff_label(tr: &Tr, s: StaffRange) -> String {
    tr.t(&format!("partners-staff-{}", s.as_str()))
}

pub fn budget_label(tr: &Tr, b: BudgetRange) -> String {
    tr.t(&format!("partners-budget-{}", b.as_str()))
}

pub fn level_label(tr: &Tr, level: u8) -> String {
    tr.t(&format!("partners-level-{}", level.clamp(1, 3)))
}

pub fn country_name(code: &str, lang: Lang) -> String {
    geo::country(code)
        .map(|c| c.name(lang.code()).to_string())
        .unwrap_or_else(|| code.to_string())
}

pub fn region_name(code: &str, lang: Lang) -> String {
    geo::region(code)
        .map(|r| r.name(lang.code()).to_string())
        .unwrap_or_else(|| code.to_string())
}

/// A language of work by name where the interface knows it, else its code.
pub fn language_name(code: &str) -> String {
    Lang::from_code(code)
        .map(Lang::endonym)
        .unwrap_or_else(|| code.to_string())
}

pub fn places_label(places: &Places, lang: Lang) -> String {
    let tr = Tr::new(lang);
    if places.is_empty() {
        return tr.t("partners-anywhere");
    }
    places
        .countries
        .iter()
        .map(|c| country_name(c, lang))
        .chain(places.regions.iter().map(|r| region_name(r, lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn usd(n: i64) -> String {
    let digits = n.abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(ch);
    }
    format!("{}USD\u{a0}{out}", if n < 0 { "-" } else { "" })
}

fn objective_list(state: &AppState, lang: Lang, ns: &[u8]) -> String {
    ns.iter()
        .map(|&n| format!("{n}. {}", objective_title(&state.compact, n, lang)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Why a factor scored what it did, in words.
pub fn reason_words(state: &AppState, lang: Lang, f: &FactorScore) -> String {
    let tr = Tr::new(lang);
    match &f.reason {
        Reason::Objectives {
            declared,
            practices_only,
            missing,
        } => {
            let mut parts = Vec::new();
            for (n, level) in declared {
                parts.push(tr.t_with(
                    "partners-reason-declared",
                    &[
                        ("objective", Arg::Num(i64::from(*n))),
                        ("level", Arg::Str(level_label(&tr, *level))),
                    ],
                ));
            }
            if !practices_only.is_empty() {
                parts.push(tr.t1(
                    "partners-reason-practices-only",
                    "objectives",
                    &objective_list(state, lang, practices_only),
                ));
            }
            if !missing.is_empty() {
                parts.push(tr.t1(
                    "partners-reason-missing",
                    "objectives",
                    &objective_list(state, lang, missing),
                ));
            }
            parts.join(" ")
        }
        Reason::InCountry => tr.t("partners-reason-in-country"),
        Reason::InRegion { region } => tr.t1(
            "partners-reason-in-region",
            "region",
            &region_name(region, lang),
        ),
        Reason::Worldwide => tr.t("partners-reason-worldwide"),
        Reason::NotPresent => tr.t("partners-reason-not-present"),
        Reason::NoPlace => tr.t("partners-reason-no-place"),
        Reason::TrackRecord { evidence } => tr.t_with(
            "partners-reason-track",
            &[
                ("objectives", Arg::Num(evidence.practices_on_objectives)),
                ("country", Arg::Num(evidence.practices_in_country)),
                ("region", Arg::Num(evidence.practices_in_region)),
                ("partnerships", Arg::Num(evidence.partnerships)),
            ],
        ),
        Reason::Capacity {
            staff,
            budget,
            covers_budget,
        } => {
            let mut parts = Vec::new();
            if let Some(s) = staff {
                parts.push(tr.t1("partners-reason-staff", "staff", &staff_label(&tr, *s)));
            }
            if let Some(b) = budget {
                parts.push(tr.t1("partners-reason-budget", "budget", &budget_label(&tr, *b)));
            }
            match covers_budget {
                Some(true) => parts.push(tr.t("partners-reason-covers")),
                Some(false) => parts.push(tr.t("partners-reason-not-covers")),
                None => {}
            }
            parts.join(" ")
        }
        Reason::NotDeclared => tr.t("partners-reason-not-declared"),
        Reason::Languages { shared } if shared.is_empty() => tr.t("partners-reason-no-language"),
        Reason::Languages { shared } => tr.t1(
            "partners-reason-languages",
            "languages",
            &shared
                .iter()
                .map(|l| language_name(l))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Reason::AnyLanguage => tr.t("partners-reason-any-language"),
    }
}

/// Reads a space- or comma-separated list of codes.
pub fn codes(s: &str) -> Vec<String> {
    s.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The M49 regions offered in forms and filters: regions, sub-regions and intermediate
/// regions, with the World first.
pub fn region_options(lang: Lang) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = geo::regions()
        .iter()
        .map(|r| (r.code.clone(), r.name(lang.code()).to_string()))
        .collect();
    out.sort_by(|a, b| {
        (a.0 != geo::WORLD)
            .cmp(&(b.0 != geo::WORLD))
            .then_with(|| a.1.cmp(&b.1))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_group_thousands() {
        assert_eq!(usd(1_250_000), "USD\u{a0}1\u{a0}250\u{a0}000");
        assert_eq!(usd(500), "USD\u{a0}500");
    }

    #[test]
    fn code_lists_take_commas_and_spaces() {
        assert_eq!(codes("SEN, MLI;GHA  fr"), ["SEN", "MLI", "GHA", "fr"]);
        assert!(codes(" ").is_empty());
    }
}
