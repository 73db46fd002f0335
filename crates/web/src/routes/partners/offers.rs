//! Offers of support ("training on bilateral labour migration agreements, in French, West
//! Africa"): the list with filters (`/{lang}/hub/offers`, open ones by default), the form for
//! an organisation's focal point or editor, one offer with the requests it matches (public
//! requests for everyone, all of them for the secretariat), closing; API under
//! `/api/v1/hub/offers` and open data `/data/hub/offers.{csv,json}`.

use askama::Template;
use axum::Json;
use axum::extract::{Path, Query, RawForm, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use gcm_core::accounts::Action;
use gcm_core::hub::SupportKind;
use gcm_store::calls::{format_date, today};
use gcm_store::hub_partners::{self, Offer, OfferFilter, OfferInput, PartnerError, RequestMatch};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::profiles::PlacesOut;
use super::{
    codes, country_name, is_secretariat, kind_label, language_name, may_act_for, partner_error,
    partner_orgs, places_label, region_options, unprocessable, usd,
};
use crate::AppState;
use crate::auth::Auth;
use crate::compact_view::objective_title;
use crate::error::{AppError, AppResult, ErrorEnvelope};
use crate::i18n::{Lang, Tr};
use crate::pages::{Area, Chrome};
use crate::routes::forms::{Pager, Paging, filter, page_with_status, see_other};
use crate::routes::opendata::{csv_response, to_csv};
use crate::routes::practices::{FilterField, objective_filter, options};
use crate::routes::shell::PageLang;

fn today_iso() -> String {
    format_date(today())
}

/// Whether the caller may publish offers for some organisation: a focal point or editor of
/// one, or someone the policy lets act for any (administrators).
fn may_publish(auth: &Auth) -> bool {
    !partner_orgs(auth).is_empty()
        || gcm_core::accounts::allows(
            auth.signed_in.as_ref().map(|s| &s.principal),
            &Action::ActAsHubPartner { org_id: "" },
        )
}

#[derive(Deserialize, Default, IntoParams)]
pub struct OfferQuery {
    /// `technical`, `financial`, `expertise` or `peer_exchange`.
    #[serde(default)]
    pub kind: String,
    /// An objective, 1 to 23.
    #[serde(default)]
    pub objective: String,
    /// Offers that apply in this country (alpha-3): by name, through a region, or anywhere.
    #[serde(default)]
    pub country: String,
    /// Offers that apply in this UN M49 region.
    #[serde(default)]
    pub region: String,
    /// A language code the offer is given in.
    #[serde(default)]
    pub language: String,
    /// `all`: closed and expired offers too; default `open`.
    #[serde(default)]
    pub status: String,
    /// Offers of one organisation.
    #[serde(default)]
    pub org_id: String,
    /// Page number, from 1.
    pub page: Option<i64>,
    /// Offers per page, 1 to 100 (default 20).
    pub per_page: Option<i64>,
}

impl OfferQuery {
    /// The filters as query parameters, for the links between pages.
    fn filters(&self) -> [(&'static str, &str); 7] {
        [
            ("kind", &self.kind),
            ("objective", &self.objective),
            ("country", &self.country),
            ("region", &self.region),
            ("language", &self.language),
            ("status", &self.status),
            ("org_id", &self.org_id),
        ]
    }

    fn filter(&self) -> AppResult<OfferFilter> {
        Ok(OfferFilter {
            kind: match self.kind.trim() {
                "" => None,
                k => {
                    Some(SupportKind::parse(k).ok_or_else(|| AppError::invalid_parameter("kind"))?)
                }
            },
            objective: filter::objective(&self.objective, "objective")?,
            country: filter::country(&self.country, "country")?,
            region: match self.region.trim() {
                "" => None,
                r => Some(
                    hub_partners::region_code(r)
                        .ok_or_else(|| AppError::invalid_parameter("region"))?,
                ),
            },
            language: match self.language.trim() {
                "" => None,
                l if hub_partners::is_language(l) => Some(l.to_string()),
                _ => return Err(AppError::invalid_parameter("language")),
            },
            include_closed: match self.status.trim() {
                "" | "open" => false,
                "all" => true,
                _ => return Err(AppError::invalid_parameter("status")),
            },
            org_id: Some(self.org_id.trim().to_string()).filter(|s| !s.is_empty()),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Pages

/// An offer as the pages show it.
pub struct OfferView {
    pub id: String,
    pub title: String,
    pub title_lang: String,
    pub description: String,
    pub description_lang: String,
    pub org_id: String,
    pub org_name: String,
    pub kind: String,
    pub objectives: Vec<(u8, String)>,
    pub places: String,
    pub languages: String,
    pub ceiling: Option<String>,
    pub until_on: Option<String>,
    pub is_open: bool,
    pub status_label: String,
}

pub fn view(state: &AppState, lang: Lang, o: &Offer) -> OfferView {
    let tr = Tr::new(lang);
    let text = |field: &str| {
        o.text(field, lang.code())
            .map(|t| (t.text.clone(), t.lang.clone()))
            .unwrap_or_else(|| (String::new(), lang.code().to_string()))
    };
    let (title, title_lang) = text("title");
    let (description, description_lang) = text("description");
    let is_open = o.is_open(&today_iso());
    OfferView {
        id: o.id.clone(),
        title,
        title_lang,
        description,
        description_lang,
        org_id: o.org_id.clone(),
        org_name: o.org_name.clone(),
        kind: kind_label(&tr, o.support_kind),
        objectives: o
            .objectives
            .iter()
            .map(|&n| (n, objective_title(&state.compact, n, lang)))
            .collect(),
        places: places_label(&o.places, lang),
        languages: if o.languages.is_empty() {
            tr.t("partners-any-language")
        } else {
            o.languages
                .iter()
                .map(|l| language_name(l))
                .collect::<Vec<_>>()
                .join(", ")
        },
        ceiling: o
            .ceiling_usd
            .map(|c| tr.t1("partners-ceiling-up-to", "amount", &usd(c))),
        until_on: o.until_on.clone(),
        status_label: tr.t(if is_open {
            "partners-offer-open"
        } else {
            "partners-offer-closed"
        }),
        is_open,
    }
}

#[derive(Template)]
#[template(path = "offers.html")]
pub struct OffersPage {
    pub c: Chrome,
    pub filters: Vec<FilterField>,
    pub country: String,
    pub language: String,
    pub all: bool,
    pub items: Vec<OfferView>,
    /// How many offers match, over every page.
    pub total: i64,
    pub pager: Pager,
    pub can_offer: bool,
}

/// One page of a list filtered in memory (offers are few: hundreds, read whole).
fn page_of<T>(all: &[T], paging: Paging) -> &[T] {
    let start = usize::try_from(paging.offset())
        .unwrap_or(usize::MAX)
        .min(all.len());
    let end = start
        .saturating_add(usize::try_from(paging.per_page).unwrap_or(0))
        .min(all.len());
    &all[start..end]
}

/// `GET /{lang}/hub/offers`
pub async fn list_page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Query(q): Query<OfferQuery>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let f = q.filter()?;
    let paging = Paging::of(q.page, q.per_page)?;
    let all = hub_partners::offers(&state.db, &f, &today_iso()).await?;
    let total = i64::try_from(all.len()).unwrap_or(i64::MAX);
    let items = page_of(&all, paging)
        .iter()
        .map(|o| view(&state, lang, o))
        .collect();
    let pager = paging.pager(
        &tr,
        &format!("/{}/hub/offers", lang.code()),
        &q.filters(),
        q.per_page,
        total,
    );
    let filters = vec![
        FilterField {
            name: "kind",
            label: tr.t("partners-kind"),
            options: options(
                &q.kind,
                SupportKind::ALL
                    .iter()
                    .map(|k| (k.as_str().to_string(), kind_label(&tr, *k)))
                    .collect(),
            ),
        },
        objective_filter(&state.compact, &tr, lang, &q.objective),
        FilterField {
            name: "region",
            label: tr.t("partners-region"),
            options: options(&q.region, region_options(lang)),
        },
    ];
    Ok(page_with_status(
        StatusCode::OK,
        &OffersPage {
            c: Chrome::new(&state, &auth, lang, "/hub/offers", Some(Area::Hub)),
            filters,
            country: q.country.trim().to_string(),
            language: q.language.trim().to_string(),
            all: f.include_closed,
            items,
            total,
            pager,
            can_offer: may_publish(&auth),
        },
    ))
}

pub struct MatchView {
    pub id: String,
    pub label: String,
    pub title: String,
    pub title_lang: String,
    pub country: String,
    pub score: String,
    pub shared: String,
}

#[derive(Template)]
#[template(path = "offer.html")]
pub struct OfferPage {
    pub c: Chrome,
    pub o: OfferView,
    pub matches: Vec<MatchView>,
    pub can_close: bool,
}

fn match_view(state: &AppState, lang: Lang, m: &RequestMatch) -> MatchView {
    MatchView {
        id: m.request_id.clone(),
        label: m.reference.clone().unwrap_or_else(|| m.request_id.clone()),
        title: m.title.clone(),
        title_lang: m.title_lang.clone(),
        country: m
            .country
            .as_deref()
            .map(|c| country_name(c, lang))
            .unwrap_or_default(),
        score: format!("{:.2}", m.matched.score),
        shared: m
            .matched
            .shared_objectives
            .iter()
            .map(|&n| format!("{n}. {}", objective_title(&state.compact, n, lang)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// `GET /{lang}/hub/offers/{id}`
pub async fn show(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let o = hub_partners::offer(&state.db, &id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let matches = hub_partners::requests_for_offer(&state.db, &o, is_secretariat(&auth))
        .await?
        .iter()
        .map(|m| match_view(&state, lang, m))
        .collect();
    let can_close = o.status == "open" && (may_act_for(&auth, &o.org_id) || is_secretariat(&auth));
    Ok(page_with_status(
        StatusCode::OK,
        &OfferPage {
            c: Chrome::new(
                &state,
                &auth,
                lang,
                &format!("/hub/offers/{id}"),
                Some(Area::Hub),
            ),
            o: view(&state, lang, &o),
            matches,
            can_close,
        },
    ))
}

/// What the offer form and the API send; every field may be missing so that bad input gets a
/// 422 naming the field.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
pub struct OfferForm {
    /// The organisation offering (its focal point or editor publishes).
    #[serde(default)]
    pub org_id: String,
    /// `technical`, `financial`, `expertise` or `peer_exchange`.
    #[serde(default)]
    pub support_kind: String,
    /// Required, at most 300 characters.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Language of title and description: `en`, `fr`, `es`, `nb` or `nl`.
    #[serde(default)]
    pub lang: String,
    /// Objectives 1 to 23 (at least one).
    #[serde(default)]
    pub objectives: Vec<i64>,
    /// Countries where it applies (alpha-3); none and no region: anywhere.
    #[serde(default)]
    pub countries: Vec<String>,
    /// UN M49 regions where it applies.
    #[serde(default)]
    pub regions: Vec<String>,
    /// Language codes it is given in.
    #[serde(default)]
    pub languages: Vec<String>,
    /// For financial support: the largest amount, in US dollars.
    #[serde(default)]
    pub ceiling_usd: Option<i64>,
    /// `YYYY-MM-DD` after which it no longer stands.
    #[serde(default)]
    pub until_on: Option<String>,
}

impl OfferForm {
    fn from_form(body: &[u8]) -> (OfferForm, Option<&'static str>) {
        let mut f = OfferForm::default();
        let mut bad = None;
        for (k, v) in url::form_urlencoded::parse(body) {
            let v = v.into_owned();
            match k.as_ref() {
                "org_id" => f.org_id = v,
                "support_kind" => f.support_kind = v,
                "title" => f.title = v,
                "description" => f.description = v,
                "lang" => f.lang = v,
                "objective" => f.objectives.push(v.trim().parse().unwrap_or(0)),
                "countries" => f.countries = codes(&v),
                "region" if !v.trim().is_empty() => f.regions.push(v),
                "languages" => f.languages = codes(&v),
                "ceiling_usd" => {
                    let v = v.trim().replace([' ', ',', '\u{a0}'], "");
                    if !v.is_empty() {
                        match v.parse() {
                            Ok(n) => f.ceiling_usd = Some(n),
                            Err(_) => bad = bad.or(Some("ceiling_usd")),
                        }
                    }
                }
                "until_on" if !v.trim().is_empty() => f.until_on = Some(v.trim().to_string()),
                _ => {}
            }
        }
        (f, bad)
    }

    fn input(&self) -> Result<OfferInput, &'static str> {
        Ok(OfferInput {
            org_id: self.org_id.trim().to_string(),
            support_kind: Some(SupportKind::parse(self.support_kind.trim()).ok_or("support_kind")?),
            title: self.title.clone(),
            description: self.description.clone(),
            lang: self.lang.trim().to_string(),
            objectives: self
                .objectives
                .iter()
                .map(|&n| u8::try_from(n).map_err(|_| "objectives"))
                .collect::<Result<_, _>>()?,
            countries: self.countries.clone(),
            regions: self.regions.clone(),
            languages: self.languages.clone(),
            ceiling_usd: self.ceiling_usd,
            until_on: self.until_on.clone(),
        })
    }
}

#[derive(Template)]
#[template(path = "offer_form.html")]
pub struct OfferFormPage {
    pub c: Chrome,
    pub error: Option<String>,
    pub bad: &'static str,
    pub f: OfferForm,
    pub countries: String,
    pub languages: String,
    pub ceiling: String,
    pub until_on: String,
    pub orgs: Vec<(String, String)>,
    pub kinds: Vec<(String, String)>,
    pub langs: Vec<(String, String)>,
    pub objectives: Vec<(u8, String, bool)>,
    pub regions: Vec<(String, String, bool)>,
}

async fn form_page(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    f: OfferForm,
    error: Option<&'static str>,
) -> AppResult<OfferFormPage> {
    let tr = Tr::new(lang);
    let mut orgs = Vec::new();
    for id in partner_orgs(auth) {
        if let Some(o) = gcm_store::orgs::get(&state.db, &id).await? {
            orgs.push((o.id, o.name));
        }
    }
    if orgs.is_empty() {
        // Someone who may act for any organisation (an administrator) picks among partners.
        orgs = hub_partners::directory(&state.db, None, None, None, i64::MAX, 0)
            .await?
            .0
            .into_iter()
            .map(|e| (e.org_id, e.org_name))
            .collect();
    }
    Ok(OfferFormPage {
        c: Chrome::new(state, auth, lang, "/hub/offers/new", Some(Area::Hub)),
        error: error.map(|field| tr.t(&format!("partners-error-{}", field.replace('_', "-")))),
        bad: error.unwrap_or(""),
        countries: f.countries.join(" "),
        languages: f.languages.join(" "),
        ceiling: f.ceiling_usd.map(|c| c.to_string()).unwrap_or_default(),
        until_on: f.until_on.clone().unwrap_or_default(),
        orgs,
        kinds: SupportKind::ALL
            .iter()
            .map(|k| (k.as_str().to_string(), kind_label(&tr, *k)))
            .collect(),
        langs: Lang::ALL
            .iter()
            .map(|l| (l.code().to_string(), l.endonym()))
            .collect(),
        objectives: (1..=23u8)
            .map(|n| {
                (
                    n,
                    objective_title(&state.compact, n, lang),
                    f.objectives.contains(&i64::from(n)),
                )
            })
            .collect(),
        regions: region_options(lang)
            .into_iter()
            .map(|(code, name)| {
                let on = f.regions.contains(&code);
                (code, name, on)
            })
            .collect(),
        f,
    })
}

/// `GET /{lang}/hub/offers/new`
pub async fn new_form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
) -> AppResult<Response> {
    if auth.signed_in.is_none() {
        return Err(AppError::unauthorized());
    }
    if !may_publish(&auth) {
        return Err(AppError::forbidden());
    }
    let f = OfferForm {
        lang: lang.code().to_string(),
        ..OfferForm::default()
    };
    Ok(page_with_status(
        StatusCode::OK,
        &form_page(&state, &auth, lang, f, None).await?,
    ))
}

/// `POST /{lang}/hub/offers`
pub async fn create(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    let (f, bad) = OfferForm::from_form(&body);
    if auth.signed_in.is_none() {
        return Err(AppError::unauthorized());
    }
    if !may_publish(&auth) {
        return Err(AppError::forbidden());
    }
    let refused = async |field: &'static str, f: OfferForm| -> AppResult<Response> {
        Ok(page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form_page(&state, &auth, lang, f, Some(field)).await?,
        ))
    };
    if f.org_id.trim().is_empty() {
        return refused("org_id", f).await;
    }
    let me = auth.require_user(&Action::ActAsHubPartner { org_id: &f.org_id })?;
    if let Some(field) = bad {
        return refused(field, f).await;
    }
    let input = match f.input() {
        Ok(i) => i,
        Err(field) => return refused(field, f).await,
    };
    match hub_partners::create_offer(&state.db, &state.compact, &auth.actor(), &me.user.id, input)
        .await
    {
        Ok(id) => Ok(see_other(&format!("/{}/hub/offers/{id}", lang.code()))),
        Err(PartnerError::Invalid(field)) => refused(field, f).await,
        Err(PartnerError::Tag(_)) => refused("objectives", f).await,
        Err(e) => Err(partner_error(e)),
    }
}

async fn close_checked(state: &AppState, auth: &Auth, id: &str) -> AppResult<()> {
    let o = hub_partners::offer(&state.db, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    if !is_secretariat(auth) {
        auth.require_user(&Action::ActAsHubPartner { org_id: &o.org_id })?;
    }
    hub_partners::close_offer(&state.db, &auth.actor(), id)
        .await
        .map_err(partner_error)?;
    Ok(())
}

/// `POST /{lang}/hub/offers/{id}/close`
pub async fn close(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    if auth.signed_in.is_none() {
        return Err(AppError::unauthorized());
    }
    close_checked(&state, &auth, &id).await?;
    Ok(see_other(&format!("/{}/hub/offers/{id}", lang.code())))
}

// ---------------------------------------------------------------------------------------------
// API and open data

/// An offer of support.
#[derive(Serialize, ToSchema)]
pub struct OfferOut {
    pub id: String,
    pub org_id: String,
    pub org_name: String,
    /// `technical`, `financial`, `expertise` or `peer_exchange`.
    pub support_kind: String,
    /// `open` (and not past `until_on`) or `closed`.
    pub status: String,
    /// Title in the language asked for, else the one it was written in.
    pub title: String,
    pub description: String,
    /// The language `title` and `description` are in.
    pub text_lang: String,
    pub original_lang: String,
    pub objectives: Vec<u8>,
    /// Where it applies (both empty: anywhere).
    pub places: PlacesOut,
    pub languages: Vec<String>,
    pub ceiling_usd: Option<i64>,
    pub until_on: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

impl OfferOut {
    fn new(o: &Offer, lang: Option<Lang>) -> Self {
        let text_lang = lang.map(Lang::code).unwrap_or(o.original_lang.as_str());
        let title = o.text("title", text_lang);
        OfferOut {
            id: o.id.clone(),
            org_id: o.org_id.clone(),
            org_name: o.org_name.clone(),
            support_kind: o.support_kind.as_str().to_string(),
            status: if o.is_open(&today_iso()) {
                "open".into()
            } else {
                "closed".into()
            },
            title: title.map(|t| t.text.clone()).unwrap_or_default(),
            description: o
                .text("description", text_lang)
                .map(|t| t.text.clone())
                .unwrap_or_default(),
            text_lang: title
                .map(|t| t.lang.clone())
                .unwrap_or_else(|| o.original_lang.clone()),
            original_lang: o.original_lang.clone(),
            objectives: o.objectives.clone(),
            places: PlacesOut::from(&o.places),
            languages: o.languages.clone(),
            ceiling_usd: o.ceiling_usd,
            until_on: o.until_on.clone(),
            created_at: o.created_at.clone(),
            updated_at: o.updated_at.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct OfferList {
    pub items: Vec<OfferOut>,
    pub total: i64,
    pub next: Option<String>,
}

#[derive(Deserialize, Default, IntoParams)]
pub struct LangQuery {
    /// Language of the texts (`en`, `fr`, `es`, `nb`, `nl`); the offer's own when absent.
    #[serde(default)]
    pub lang: String,
}

fn text_lang(s: &str) -> AppResult<Option<Lang>> {
    match s.trim() {
        "" => Ok(None),
        l => Lang::from_code(l)
            .map(Some)
            .ok_or_else(|| AppError::invalid_parameter("lang")),
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/hub/offers",
    tag = "hub",
    params(OfferQuery, LangQuery),
    responses(
        (status = 200, description = "Offers of support, newest first (open ones unless `status=all`)", body = OfferList),
        (status = 400, description = "A filter is not valid (unknown kind, objective, country, region or language)", body = ErrorEnvelope),
    )
)]
pub async fn api_list(
    State(state): State<AppState>,
    Query(q): Query<OfferQuery>,
    Query(l): Query<LangQuery>,
) -> AppResult<Json<OfferList>> {
    let lang = text_lang(&l.lang)?;
    let paging = Paging::of(q.page, q.per_page)?;
    let all = hub_partners::offers(&state.db, &q.filter()?, &today_iso()).await?;
    let total = i64::try_from(all.len()).unwrap_or(i64::MAX);
    Ok(Json(OfferList {
        items: page_of(&all, paging)
            .iter()
            .map(|o| OfferOut::new(o, lang))
            .collect(),
        total,
        next: paging.next("/api/v1/hub/offers", &q.filters(), q.per_page, total),
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/hub/offers/{id}",
    tag = "hub",
    params(("id" = String, Path, description = "The offer's id"), LangQuery),
    responses(
        (status = 200, description = "One offer of support", body = OfferOut),
        (status = 404, description = "No such offer", body = ErrorEnvelope),
    )
)]
pub async fn api_get(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(l): Query<LangQuery>,
) -> AppResult<Json<OfferOut>> {
    let lang = text_lang(&l.lang)?;
    let o = hub_partners::offer(&state.db, &id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(Json(OfferOut::new(&o, lang)))
}

#[utoipa::path(
    post,
    path = "/api/v1/hub/offers",
    tag = "hub",
    security(("bearer" = [])),
    request_body = OfferForm,
    responses(
        (status = 201, description = "The offer, published", body = OfferOut),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not a focal point or editor of `org_id`", body = ErrorEnvelope),
        (status = 422, description = "A field is not valid (`details.field` names it: unknown country, region, objective…); nothing is saved", body = ErrorEnvelope),
    )
)]
pub async fn api_create(
    State(state): State<AppState>,
    auth: Auth,
    Json(f): Json<OfferForm>,
) -> AppResult<(StatusCode, Json<OfferOut>)> {
    if auth.signed_in.is_none() {
        return Err(AppError::unauthorized());
    }
    if f.org_id.trim().is_empty() {
        return Err(unprocessable("org_id"));
    }
    let me = auth.require_user(&Action::ActAsHubPartner { org_id: &f.org_id })?;
    let input = f.input().map_err(unprocessable)?;
    let id =
        hub_partners::create_offer(&state.db, &state.compact, &auth.actor(), &me.user.id, input)
            .await
            .map_err(partner_error)?;
    let o = hub_partners::offer(&state.db, &id)
        .await?
        .ok_or_else(|| AppError::internal("an offer just created is missing"))?;
    Ok((StatusCode::CREATED, Json(OfferOut::new(&o, None))))
}

#[utoipa::path(
    post,
    path = "/api/v1/hub/offers/{id}/close",
    tag = "hub",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The offer's id")),
    responses(
        (status = 200, description = "The offer, closed (closing a closed offer changes nothing)", body = OfferOut),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Neither the offering organisation's focal point or editor nor the secretariat", body = ErrorEnvelope),
        (status = 404, description = "No such offer", body = ErrorEnvelope),
    )
)]
pub async fn api_close(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<OfferOut>> {
    if auth.signed_in.is_none() {
        return Err(AppError::unauthorized());
    }
    close_checked(&state, &auth, &id).await?;
    let o = hub_partners::offer(&state.db, &id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(Json(OfferOut::new(&o, None)))
}

/// A request an offer matches.
#[derive(Serialize, ToSchema)]
pub struct RequestMatchOut {
    pub request_id: String,
    /// `REQ-YYYY-NNNN`, once submitted.
    pub reference: Option<String>,
    pub title: String,
    pub title_lang: String,
    pub status: String,
    /// Country (alpha-3).
    pub country: Option<String>,
    /// How well they fit, 0–1.
    pub score: f64,
    pub shared_objectives: Vec<u8>,
    pub shared_languages: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RequestMatchList {
    pub items: Vec<RequestMatchOut>,
    pub total: i64,
    pub next: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/hub/offers/{id}/requests",
    tag = "hub",
    params(("id" = String, Path, description = "The offer's id")),
    responses(
        (status = 200, description = "Requests seeking support that the offer matches, best first: public ones, and all for the secretariat", body = RequestMatchList),
        (status = 404, description = "No such offer", body = ErrorEnvelope),
    )
)]
pub async fn api_requests(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<RequestMatchList>> {
    let o = hub_partners::offer(&state.db, &id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let items: Vec<RequestMatchOut> =
        hub_partners::requests_for_offer(&state.db, &o, is_secretariat(&auth))
            .await?
            .into_iter()
            .map(|m| RequestMatchOut {
                request_id: m.request_id,
                reference: m.reference,
                title: m.title,
                title_lang: m.title_lang,
                status: m.status,
                country: m.country,
                score: m.matched.score,
                shared_objectives: m.matched.shared_objectives,
                shared_languages: m.matched.shared_languages,
            })
            .collect();
    Ok(Json(RequestMatchList {
        total: i64::try_from(items.len()).unwrap_or(i64::MAX),
        items,
        next: None,
    }))
}

/// Columns of `/data/hub/offers.csv`, in order (docs/DATA.md documents each).
pub const CSV_COLUMNS: [&str; 15] = [
    "id",
    "lang",
    "title",
    "description",
    "original_lang",
    "org_id",
    "org_name",
    "support_kind",
    "status",
    "objectives",
    "countries",
    "regions",
    "languages",
    "ceiling_usd",
    "until_on",
];

async fn all_offers(state: &AppState) -> AppResult<Vec<Offer>> {
    let f = OfferFilter {
        include_closed: true,
        ..OfferFilter::default()
    };
    Ok(hub_partners::offers(&state.db, &f, &today_iso()).await?)
}

/// `GET /data/hub/offers.json`
pub async fn data_json(State(state): State<AppState>) -> AppResult<Json<Vec<OfferOut>>> {
    Ok(Json(
        all_offers(&state)
            .await?
            .iter()
            .map(|o| OfferOut::new(o, None))
            .collect(),
    ))
}

/// `GET /data/hub/offers.csv`: one row per offer and language of its texts (long format).
pub async fn data_csv(State(state): State<AppState>) -> AppResult<Response> {
    let today = today_iso();
    let mut rows = Vec::new();
    for o in all_offers(&state).await? {
        let mut langs: Vec<&str> = o.texts.iter().map(|t| t.lang.as_str()).collect();
        langs.sort_unstable();
        langs.dedup();
        for l in langs {
            let text = |field: &str| {
                o.texts
                    .iter()
                    .find(|t| t.field == field && t.lang == l)
                    .map(|t| t.text.clone())
                    .unwrap_or_default()
            };
            rows.push([
                o.id.clone(),
                l.to_string(),
                text("title"),
                text("description"),
                o.original_lang.clone(),
                o.org_id.clone(),
                o.org_name.clone(),
                o.support_kind.as_str().to_string(),
                if o.is_open(&today) { "open" } else { "closed" }.to_string(),
                o.objectives
                    .iter()
                    .map(u8::to_string)
                    .collect::<Vec<_>>()
                    .join(" "),
                o.places.countries.join(" "),
                o.places.regions.join(" "),
                o.languages.join(" "),
                o.ceiling_usd.map(|c| c.to_string()).unwrap_or_default(),
                o.until_on.clone().unwrap_or_default(),
            ]);
        }
    }
    let body = to_csv(CSV_COLUMNS, rows)?;
    Ok(csv_response("offers.csv", body).into_response())
}
