//! For one request (seen by the secretariat and the requesting organisation's members, 404 to
//! everyone else): ranked partner suggestions with each factor's score and its reason in
//! words, the open offers it matches, and for the secretariat an "invite as <role>" form per
//! suggestion plus a form to invite an organisation that was not suggested (a reason for the
//! override is required); and its funding opportunities. The invitation forms post to
//! `POST /{lang}/hub/requests/{id}/invitations`, which the requests side serves.

use askama::Template;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use gcm_core::hub::PartnerRole;
use gcm_core::hub_score::OfferMatch;
use gcm_store::calls::{format_date, today};
use gcm_store::hub_partners::{self, FundingOpportunity, FundingSource, NamedSuggestion, Offer};
use serde::Serialize;
use utoipa::ToSchema;

use super::profiles::PlacesOut;
use super::{country_name, kind_label, places_label, reason_words, request_for, role_label, usd};
use crate::AppState;
use crate::auth::Auth;
use crate::compact_view::objective_title;
use crate::error::{AppResult, ErrorEnvelope};
use crate::i18n::{Lang, Tr};
use crate::pages::{Area, Chrome};
use crate::routes::forms::page_with_status;
use crate::routes::shell::PageLang;

fn today_iso() -> String {
    format_date(today())
}

pub struct FactorView {
    pub label: String,
    pub score: String,
    pub weight: String,
    pub reason: String,
}

pub struct SuggestionView {
    pub org_id: String,
    pub org_name: String,
    pub score: String,
    /// The raw score for the invitation form.
    pub score_value: String,
    pub role: String,
    pub role_label: String,
    pub factors: Vec<FactorView>,
}

pub struct OfferMatchView {
    pub id: String,
    pub title: String,
    pub title_lang: String,
    pub org_name: String,
    pub kind: String,
    pub score: String,
    pub shared: String,
}

pub struct RequestHead {
    pub id: String,
    pub label: String,
    pub title: String,
    pub title_lang: String,
    pub country: String,
    pub objectives: Vec<(u8, String)>,
}

#[derive(Template)]
#[template(path = "partner_suggestions.html")]
pub struct SuggestionsPage {
    pub c: Chrome,
    pub r: RequestHead,
    pub suggestions: Vec<SuggestionView>,
    pub offers: Vec<OfferMatchView>,
    pub secretariat: bool,
    pub roles: Vec<(String, String)>,
    /// What the secretariat typed to find an organisation that was not suggested.
    pub find: String,
    /// The organisations found by that name (not suggested, not the requester), for the
    /// override form.
    pub others: Vec<(String, String)>,
}

/// Organisations found for the override form, at most this many: a name narrows it.
const FOUND_MAX: usize = 30;

#[derive(Debug, Default, serde::Deserialize)]
pub struct SuggestionsQuery {
    /// Part of an organisation's name, for the override form.
    #[serde(default)]
    pub find: String,
}

fn head(state: &AppState, lang: Lang, r: &hub_partners::RequestNeeds) -> RequestHead {
    RequestHead {
        id: r.id.clone(),
        label: r.reference.clone().unwrap_or_else(|| r.id.clone()),
        title: r.title.clone(),
        title_lang: r.title_lang.clone(),
        country: r
            .needs
            .country
            .as_deref()
            .map(|c| country_name(c, lang))
            .unwrap_or_default(),
        objectives: r
            .needs
            .objectives
            .iter()
            .map(|&n| (n, objective_title(&state.compact, n, lang)))
            .collect(),
    }
}

fn offer_view(state: &AppState, lang: Lang, o: &Offer, m: &OfferMatch) -> OfferMatchView {
    let tr = Tr::new(lang);
    let title = o.text("title", lang.code());
    OfferMatchView {
        id: o.id.clone(),
        title: title.map(|t| t.text.clone()).unwrap_or_default(),
        title_lang: title
            .map(|t| t.lang.clone())
            .unwrap_or_else(|| o.original_lang.clone()),
        org_name: o.org_name.clone(),
        kind: kind_label(&tr, o.support_kind),
        score: format!("{:.2}", m.score),
        shared: m
            .shared_objectives
            .iter()
            .map(|&n| format!("{n}. {}", objective_title(&state.compact, n, lang)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// `GET /{lang}/hub/requests/{id}/suggestions`
pub async fn suggestions_page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<SuggestionsQuery>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let (request, secretariat) = request_for(&state, &auth, &id).await?;
    let ranked = hub_partners::suggestions(&state.db, &request, hub_partners::SUGGESTIONS).await?;
    let offers = hub_partners::offers_for_request(&state.db, &request, &today_iso()).await?;
    let suggestions: Vec<SuggestionView> = ranked
        .iter()
        .map(|s| SuggestionView {
            org_id: s.suggestion.org_id.clone(),
            org_name: s.org_name.clone(),
            score: format!("{:.2}", s.suggestion.score),
            score_value: s.suggestion.score.to_string(),
            role: s.suggestion.role.as_str().to_string(),
            role_label: role_label(&tr, s.suggestion.role),
            factors: s
                .suggestion
                .factors
                .iter()
                .map(|f| FactorView {
                    label: tr.t(&format!(
                        "partners-factor-{}",
                        f.factor.as_str().replace('_', "-")
                    )),
                    score: format!("{:.2}", f.score),
                    weight: format!("{:.0} %", f.weight * 100.0),
                    reason: reason_words(&state, lang, f),
                })
                .collect(),
        })
        .collect();
    let find: String = q.find.trim().chars().take(100).collect();
    let others = if secretariat {
        let mut excluded: std::collections::HashSet<String> =
            suggestions.iter().map(|s| s.org_id.clone()).collect();
        excluded.insert(request.org_id.clone());
        hub_partners::find_organisations(&state.db, &find, &excluded, FOUND_MAX).await?
    } else {
        Vec::new()
    };
    Ok(page_with_status(
        StatusCode::OK,
        &SuggestionsPage {
            c: Chrome::new(
                &state,
                &auth,
                lang,
                &format!("/hub/requests/{id}/suggestions"),
                Some(Area::Hub),
            ),
            r: head(&state, lang, &request),
            suggestions,
            offers: offers
                .iter()
                .map(|(o, m)| offer_view(&state, lang, o, m))
                .collect(),
            secretariat,
            roles: PartnerRole::ALL
                .iter()
                .map(|r| (r.as_str().to_string(), role_label(&tr, *r)))
                .collect(),
            find,
            others,
        },
    ))
}

pub struct FundingView {
    pub source: String,
    pub link: Option<String>,
    pub title: String,
    pub org_id: String,
    pub org_name: String,
    pub score: String,
    pub objectives: String,
    pub places: String,
    pub ceiling: String,
    pub covers: String,
}

#[derive(Template)]
#[template(path = "partner_funding.html")]
pub struct FundingPage {
    pub c: Chrome,
    pub r: RequestHead,
    pub budget: String,
    pub items: Vec<FundingView>,
}

fn funding_view(state: &AppState, lang: Lang, f: &FundingOpportunity) -> FundingView {
    let tr = Tr::new(lang);
    let (source, link, title) = match &f.source {
        FundingSource::Offer { offer_id, title } => (
            tr.t("partners-source-offer"),
            Some(format!("/{}/hub/offers/{offer_id}", lang.code())),
            title.clone(),
        ),
        FundingSource::DonorPriority { .. } => (
            tr.t("partners-source-priority"),
            None,
            tr.t1("partners-priority-of", "org", &f.org_name),
        ),
    };
    FundingView {
        source,
        link,
        title,
        org_id: f.org_id.clone(),
        org_name: f.org_name.clone(),
        score: format!("{:.2}", f.score),
        objectives: if f.objectives.is_empty() {
            tr.t("partners-any-objective")
        } else {
            f.objectives
                .iter()
                .map(|&n| format!("{n}. {}", objective_title(&state.compact, n, lang)))
                .collect::<Vec<_>>()
                .join("; ")
        },
        places: places_label(&f.places, lang),
        ceiling: f
            .ceiling_usd
            .map(usd)
            .unwrap_or_else(|| tr.t("partners-not-declared")),
        covers: tr.t(match f.covers_budget {
            Some(true) => "partners-covers-yes",
            Some(false) => "partners-covers-no",
            None => "partners-covers-unknown",
        }),
    }
}

/// `GET /{lang}/hub/requests/{id}/funding`
pub async fn funding_page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let (request, _) = request_for(&state, &auth, &id).await?;
    let items = hub_partners::funding(&state.db, &request, &today_iso(), lang.code()).await?;
    Ok(page_with_status(
        StatusCode::OK,
        &FundingPage {
            c: Chrome::new(
                &state,
                &auth,
                lang,
                &format!("/hub/requests/{id}/funding"),
                Some(Area::Hub),
            ),
            r: head(&state, lang, &request),
            budget: request
                .needs
                .budget_usd
                .map(usd)
                .unwrap_or_else(|| tr.t("partners-not-declared")),
            items: items
                .iter()
                .map(|f| funding_view(&state, lang, f))
                .collect(),
        },
    ))
}

// ---------------------------------------------------------------------------------------------
// API

/// One factor of a suggestion's score.
#[derive(Serialize, ToSchema)]
pub struct FactorOut {
    /// `objective_fit`, `presence`, `track_record`, `capacity` or `language`.
    pub factor: String,
    /// 0–1.
    pub score: f64,
    /// Its weight in the total (the weights sum to 1).
    pub weight: f64,
    /// Why, in words (in `?lang=`).
    pub reason: String,
    /// Why, as data (`kind` and its facts).
    #[schema(value_type = Object)]
    pub reason_data: serde_json::Value,
}

/// A suggested partner.
#[derive(Serialize, ToSchema)]
pub struct SuggestionOut {
    pub org_id: String,
    pub org_name: String,
    pub org_kind: String,
    /// Weighted sum of the factors, 0–1.
    pub score: f64,
    /// The role it would most likely take: `lead`, `co_implementer`, `technical_adviser`, `funder`.
    pub role: String,
    pub factors: Vec<FactorOut>,
}

/// An open offer the request matches.
#[derive(Serialize, ToSchema)]
pub struct OfferMatchOut {
    pub offer_id: String,
    pub org_id: String,
    pub title: String,
    pub support_kind: String,
    pub score: f64,
    pub shared_objectives: Vec<u8>,
    pub shared_languages: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SuggestionList {
    pub request_id: String,
    /// Best first.
    pub items: Vec<SuggestionOut>,
    pub total: i64,
    pub next: Option<String>,
    /// Open offers of support matching the request, best first.
    pub offers: Vec<OfferMatchOut>,
}

#[derive(serde::Deserialize, Default, utoipa::IntoParams)]
pub struct LangQuery {
    /// Language of the reasons (`en`, `fr`, `es`, `nb`, `nl`).
    #[serde(default)]
    pub lang: String,
}

fn api_lang(q: &LangQuery) -> AppResult<Lang> {
    match q.lang.trim() {
        "" => Ok(Lang::En),
        l => Lang::from_code(l).ok_or_else(|| crate::error::AppError::invalid_parameter("lang")),
    }
}

fn suggestion_out(state: &AppState, lang: Lang, s: &NamedSuggestion) -> SuggestionOut {
    SuggestionOut {
        org_id: s.suggestion.org_id.clone(),
        org_name: s.org_name.clone(),
        org_kind: s.org_kind.clone(),
        score: s.suggestion.score,
        role: s.suggestion.role.as_str().to_string(),
        factors: s
            .suggestion
            .factors
            .iter()
            .map(|f| FactorOut {
                factor: f.factor.as_str().to_string(),
                score: (f.score * 1000.0).round() / 1000.0,
                weight: f.weight,
                reason: reason_words(state, lang, f),
                reason_data: serde_json::to_value(&f.reason).unwrap_or_default(),
            })
            .collect(),
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/hub/requests/{id}/partners",
    tag = "hub",
    params(("id" = String, Path, description = "The request's id"), LangQuery),
    responses(
        (status = 200, description = "Ranked partner suggestions with each factor's score and reason, and matching offers (the secretariat and the requesting organisation's members)", body = SuggestionList),
        (status = 400, description = "`lang` is not one of the interface languages", body = ErrorEnvelope),
        (status = 404, description = "No such request, or not one the caller may see", body = ErrorEnvelope),
    )
)]
pub async fn api_partners(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    axum::extract::Query(q): axum::extract::Query<LangQuery>,
) -> AppResult<Json<SuggestionList>> {
    let lang = api_lang(&q)?;
    let (request, _) = request_for(&state, &auth, &id).await?;
    let ranked = hub_partners::suggestions(&state.db, &request, hub_partners::SUGGESTIONS).await?;
    let offers = hub_partners::offers_for_request(&state.db, &request, &today_iso()).await?;
    let items: Vec<SuggestionOut> = ranked
        .iter()
        .map(|s| suggestion_out(&state, lang, s))
        .collect();
    Ok(Json(SuggestionList {
        request_id: request.id,
        total: i64::try_from(items.len()).unwrap_or(i64::MAX),
        items,
        next: None,
        offers: offers
            .into_iter()
            .map(|(o, m)| OfferMatchOut {
                title: o
                    .text("title", lang.code())
                    .map(|t| t.text.clone())
                    .unwrap_or_default(),
                offer_id: o.id,
                org_id: o.org_id,
                support_kind: o.support_kind.as_str().to_string(),
                score: m.score,
                shared_objectives: m.shared_objectives,
                shared_languages: m.shared_languages,
            })
            .collect(),
    }))
}

/// A funding opportunity for a request.
#[derive(Serialize, ToSchema)]
pub struct FundingOut {
    /// `offer` (an open offer of financial support) or `donor_priority` (a priority a donor
    /// states in its profile).
    pub source: String,
    /// The offer's id, for `offer`.
    pub offer_id: Option<String>,
    /// The priority's id, for `donor_priority`.
    pub priority_id: Option<String>,
    pub org_id: String,
    pub org_name: String,
    /// 0–1.
    pub score: f64,
    /// The request's objectives it names (empty: any objective).
    pub objectives: Vec<u8>,
    /// Where it applies (both empty: anywhere).
    pub places: PlacesOut,
    pub ceiling_usd: Option<i64>,
    /// Whether the ceiling covers the request's budget (null: one of them is unknown).
    pub covers_budget: Option<bool>,
}

#[derive(Serialize, ToSchema)]
pub struct FundingList {
    pub request_id: String,
    pub items: Vec<FundingOut>,
    pub total: i64,
    pub next: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/hub/requests/{id}/funding",
    tag = "hub",
    params(("id" = String, Path, description = "The request's id")),
    responses(
        (status = 200, description = "Funding opportunities, best first: financial offers and donors' stated priorities (the secretariat and the requesting organisation's members)", body = FundingList),
        (status = 404, description = "No such request, or not one the caller may see", body = ErrorEnvelope),
    )
)]
pub async fn api_funding(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<FundingList>> {
    let (request, _) = request_for(&state, &auth, &id).await?;
    let items: Vec<FundingOut> = hub_partners::funding(&state.db, &request, &today_iso(), "en")
        .await?
        .into_iter()
        .map(|f| {
            let (source, offer_id, priority_id) = match f.source {
                FundingSource::Offer { offer_id, .. } => ("offer", Some(offer_id), None),
                FundingSource::DonorPriority { priority_id } => {
                    ("donor_priority", None, Some(priority_id))
                }
            };
            FundingOut {
                source: source.to_string(),
                offer_id,
                priority_id,
                org_id: f.org_id,
                org_name: f.org_name,
                score: f.score,
                objectives: f.objectives,
                places: PlacesOut::from(&f.places),
                ceiling_usd: f.ceiling_usd,
                covers_budget: f.covers_budget,
            }
        })
        .collect();
    Ok(Json(FundingList {
        request_id: request.id,
        total: i64::try_from(items.len()).unwrap_or(i64::MAX),
        items,
        next: None,
    }))
}
