//! Partner profiles: the directory (`/{lang}/hub/partners`), one organisation's profile with
//! the evidence the platform holds about it, and the edit form for its focal point or editor
//! (`Action::ActAsHubPartner`), donor funding priorities included; API
//! `GET /api/v1/hub/partners`, `GET/PUT /api/v1/hub/partners/{org_id}`.

use askama::Template;
use axum::Json;
use axum::extract::{Path, Query, RawForm, State};
use axum::http::StatusCode;
use axum::response::Response;
use gcm_core::accounts::Action;
use gcm_core::hub::{BudgetRange, StaffRange};
use gcm_core::hub_score::Places;
use gcm_store::hub_partners::{
    self, DirectoryEntry, DonorPriority, OrgEvidence, PartnerError, PriorityInput, Profile,
    ProfileInput,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{
    budget_label, codes, country_name, language_name, level_label, may_act_for, partner_error,
    region_name, region_options, staff_label, unprocessable, usd,
};
use crate::AppState;
use crate::auth::Auth;
use crate::compact_view::objective_title;
use crate::error::{AppError, AppResult, ErrorEnvelope};
use crate::i18n::{Lang, Tr};
use crate::pages::{Area, Chrome};
use crate::routes::forms::{Pager, Paging, filter, page_with_status, see_other};
use crate::routes::practices::{FilterField, objective_filter, options};
use crate::routes::shell::PageLang;

// ---------------------------------------------------------------------------------------------
// Directory

#[derive(Deserialize, Default, IntoParams)]
pub struct DirectoryQuery {
    /// Declared expertise on this objective (1 to 23).
    #[serde(default)]
    pub objective: String,
    /// Present in this country (ISO 3166-1 alpha-3).
    #[serde(default)]
    pub country: String,
    /// Present in this UN M49 region.
    #[serde(default)]
    pub region: String,
    /// Page number, from 1.
    pub page: Option<i64>,
    /// Organisations per page, 1 to 100 (default 20).
    pub per_page: Option<i64>,
}

impl DirectoryQuery {
    /// The filters as query parameters, for the links between pages.
    fn filters(&self) -> [(&'static str, &str); 3] {
        [
            ("objective", &self.objective),
            ("country", &self.country),
            ("region", &self.region),
        ]
    }

    fn parsed(&self) -> AppResult<(Option<u8>, Option<String>, Option<String>)> {
        let objective = filter::objective(&self.objective, "objective")?;
        let country = filter::country(&self.country, "country")?;
        let region = match self.region.trim() {
            "" => None,
            r => Some(
                hub_partners::region_code(r)
                    .ok_or_else(|| AppError::invalid_parameter("region"))?,
            ),
        };
        Ok((objective, country, region))
    }
}

pub struct DirectoryRow {
    pub org_id: String,
    pub name: String,
    pub country: String,
    pub expertise: Vec<(u8, String)>,
    pub languages: String,
}

#[derive(Template)]
#[template(path = "partners.html")]
pub struct DirectoryPage {
    pub c: Chrome,
    pub filters: Vec<FilterField>,
    pub country: String,
    pub rows: Vec<DirectoryRow>,
    /// How many organisations match, over every page.
    pub total: i64,
    pub pager: Pager,
    pub my_orgs: Vec<(String, String)>,
}

/// `GET /{lang}/hub/partners`
pub async fn directory_page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Query(q): Query<DirectoryQuery>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let (objective, country, region) = q.parsed()?;
    let paging = Paging::of(q.page, q.per_page)?;
    let (entries, total) = hub_partners::directory(
        &state.db,
        objective,
        country.as_deref(),
        region.as_deref(),
        paging.per_page,
        paging.offset(),
    )
    .await?;
    let pager = paging.pager(
        &tr,
        &format!("/{}/hub/partners", lang.code()),
        &q.filters(),
        q.per_page,
        total,
    );
    let rows = entries
        .into_iter()
        .map(|e| DirectoryRow {
            country: e
                .country
                .as_deref()
                .map(|c| country_name(c, lang))
                .unwrap_or_default(),
            expertise: e
                .expertise
                .iter()
                .map(|(n, l)| (*n, level_label(&tr, *l)))
                .collect(),
            languages: e
                .languages
                .iter()
                .map(|l| language_name(l))
                .collect::<Vec<_>>()
                .join(", "),
            name: e.org_name,
            org_id: e.org_id,
        })
        .collect();
    let mut my_orgs = Vec::new();
    for id in super::partner_orgs(&auth) {
        if let Some(o) = gcm_store::orgs::get(&state.db, &id).await? {
            my_orgs.push((o.id, o.name));
        }
    }
    let filters = vec![
        objective_filter(&state.compact, &tr, lang, &q.objective),
        FilterField {
            name: "region",
            label: tr.t("partners-region"),
            options: options(&q.region, region_options(lang)),
        },
    ];
    Ok(page_with_status(
        StatusCode::OK,
        &DirectoryPage {
            c: Chrome::new(&state, &auth, lang, "/hub/partners", Some(Area::Hub)),
            filters,
            country: q.country.trim().to_string(),
            rows,
            total,
            pager,
            my_orgs,
        },
    ))
}

// ---------------------------------------------------------------------------------------------
// One profile

#[derive(Template)]
#[template(path = "partner.html")]
pub struct ProfilePage {
    pub c: Chrome,
    pub p: Profile,
    pub country: String,
    pub expertise: Vec<(u8, String, String)>,
    pub presence: String,
    pub staff: String,
    pub budget: String,
    pub languages: String,
    pub priorities: Vec<String>,
    pub ev: OrgEvidence,
    pub ev_objectives: Vec<(u8, String, i64)>,
    pub ev_countries: Vec<(String, i64)>,
    pub partnerships: String,
    pub can_edit: bool,
}

fn priority_words(state: &AppState, lang: Lang, d: &DonorPriority) -> String {
    let tr = Tr::new(lang);
    let objective = d
        .objective
        .map(|n| format!("{n}. {}", objective_title(&state.compact, n, lang)))
        .unwrap_or_else(|| tr.t("partners-any-objective"));
    let region = d
        .region
        .as_deref()
        .map(|r| region_name(r, lang))
        .unwrap_or_else(|| tr.t("partners-anywhere"));
    let mut s = format!("{objective} — {region}");
    if let Some(c) = d.ceiling_usd {
        s.push_str(&format!(
            " — {}",
            tr.t1("partners-ceiling-up-to", "amount", &usd(c))
        ));
    }
    if let Some(n) = &d.note {
        s.push_str(&format!(" ({n})"));
    }
    s
}

/// `GET /{lang}/hub/partners/{org_id}`
pub async fn show(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, org_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let p = hub_partners::profile(&state.db, &org_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let ev = hub_partners::evidence(&state.db, &org_id).await?;
    let not_said = tr.t("partners-not-declared");
    let page = ProfilePage {
        c: Chrome::new(
            &state,
            &auth,
            lang,
            &format!("/hub/partners/{org_id}"),
            Some(Area::Hub),
        ),
        country: p
            .country
            .as_deref()
            .map(|c| country_name(c, lang))
            .unwrap_or_default(),
        expertise: p
            .expertise
            .iter()
            .map(|(n, l)| {
                (
                    *n,
                    objective_title(&state.compact, *n, lang),
                    level_label(&tr, *l),
                )
            })
            .collect(),
        presence: if p.presence.is_empty() {
            not_said.clone()
        } else {
            super::places_label(&p.presence, lang)
        },
        staff: p
            .staff_range
            .map(|s| staff_label(&tr, s))
            .unwrap_or_else(|| not_said.clone()),
        budget: p
            .budget_range
            .map(|b| budget_label(&tr, b))
            .unwrap_or_else(|| not_said.clone()),
        languages: if p.languages.is_empty() {
            not_said.clone()
        } else {
            p.languages
                .iter()
                .map(|l| language_name(l))
                .collect::<Vec<_>>()
                .join(", ")
        },
        priorities: p
            .priorities
            .iter()
            .map(|d| priority_words(&state, lang, d))
            .collect(),
        ev_objectives: ev
            .by_objective
            .iter()
            .map(|(n, c)| (*n, objective_title(&state.compact, *n, lang), *c))
            .collect(),
        ev_countries: ev
            .by_country
            .iter()
            .map(|(c, n)| (country_name(c, lang), *n))
            .collect(),
        partnerships: tr.tn(
            "partners-partnerships",
            "count",
            i64::try_from(ev.partnerships.len()).unwrap_or(0),
        ),
        ev,
        can_edit: may_act_for(&auth, &org_id),
        p,
    };
    Ok(page_with_status(StatusCode::OK, &page))
}

// ---------------------------------------------------------------------------------------------
// Edit form

/// The form's fields as typed, so a refused form shows them again.
#[derive(Debug, Default, Clone)]
pub struct ProfileForm {
    pub staff_range: String,
    pub budget_range: String,
    pub languages: String,
    pub summary: String,
    /// Level per objective 1..=23 ("" none).
    pub levels: Vec<String>,
    pub countries: String,
    pub regions: Vec<String>,
    /// (objective, region, ceiling, note) rows.
    pub priorities: Vec<(String, String, String, String)>,
}

impl ProfileForm {
    fn of(p: &Profile) -> ProfileForm {
        let mut levels = vec![String::new(); 23];
        for (n, l) in &p.expertise {
            if let Some(slot) = levels.get_mut(usize::from(*n).saturating_sub(1)) {
                *slot = l.to_string();
            }
        }
        ProfileForm {
            staff_range: p
                .staff_range
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
            budget_range: p
                .budget_range
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
            languages: p.languages.join(" "),
            summary: p.summary.clone(),
            levels,
            countries: p.presence.countries.join(" "),
            regions: p.presence.regions.clone(),
            priorities: p
                .priorities
                .iter()
                .map(|d| {
                    (
                        d.objective.map(|n| n.to_string()).unwrap_or_default(),
                        d.region.clone().unwrap_or_default(),
                        d.ceiling_usd.map(|c| c.to_string()).unwrap_or_default(),
                        d.note.clone().unwrap_or_default(),
                    )
                })
                .collect(),
        }
    }

    fn from_form(body: &[u8]) -> ProfileForm {
        let mut f = ProfileForm {
            levels: vec![String::new(); 23],
            ..ProfileForm::default()
        };
        let (mut po, mut pr, mut pc, mut pn) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (k, v) in url::form_urlencoded::parse(body) {
            let v = v.into_owned();
            match k.as_ref() {
                "staff_range" => f.staff_range = v,
                "budget_range" => f.budget_range = v,
                "languages" => f.languages = v,
                "summary" => f.summary = v,
                "countries" => f.countries = v,
                "region" => f.regions.push(v),
                "priority_objective" => po.push(v),
                "priority_region" => pr.push(v),
                "priority_ceiling" => pc.push(v),
                "priority_note" => pn.push(v),
                k => {
                    if let Some(n) = k
                        .strip_prefix("expertise-")
                        .and_then(|n| n.parse::<usize>().ok())
                        && let Some(slot) = n.checked_sub(1).and_then(|i| f.levels.get_mut(i))
                    {
                        *slot = v;
                    }
                }
            }
        }
        let rows = po.len().max(pr.len()).max(pc.len()).max(pn.len());
        let at = |v: &Vec<String>, i: usize| v.get(i).cloned().unwrap_or_default();
        for i in 0..rows {
            f.priorities
                .push((at(&po, i), at(&pr, i), at(&pc, i), at(&pn, i)));
        }
        f
    }

    /// The input the store checks; `Err` names the field.
    fn input(&self) -> Result<ProfileInput, &'static str> {
        let staff_range = match self.staff_range.trim() {
            "" => None,
            s => Some(StaffRange::parse(s).ok_or("staff_range")?),
        };
        let budget_range = match self.budget_range.trim() {
            "" => None,
            s => Some(BudgetRange::parse(s).ok_or("budget_range")?),
        };
        let mut expertise = Vec::new();
        for (i, l) in self.levels.iter().enumerate() {
            match l.trim() {
                "" | "0" => {}
                l => {
                    let level = l.parse::<u8>().map_err(|_| "expertise_level")?;
                    expertise.push((u8::try_from(i + 1).unwrap_or(0), level));
                }
            }
        }
        let mut priorities = Vec::new();
        for (o, r, c, n) in &self.priorities {
            if o.trim().is_empty()
                && r.trim().is_empty()
                && c.trim().is_empty()
                && n.trim().is_empty()
            {
                continue;
            }
            priorities.push(PriorityInput {
                objective: match o.trim() {
                    "" => None,
                    o => Some(o.parse::<u8>().map_err(|_| "priority_objective")?),
                },
                region: Some(r.trim().to_string()).filter(|r| !r.is_empty()),
                ceiling_usd: match c.trim().replace([' ', ',', '\u{a0}'], "").as_str() {
                    "" => None,
                    c => Some(c.parse::<i64>().map_err(|_| "priority_ceiling")?),
                },
                note: n.trim().to_string(),
            });
        }
        Ok(ProfileInput {
            staff_range,
            budget_range,
            languages: codes(&self.languages),
            summary: self.summary.clone(),
            expertise,
            countries: codes(&self.countries),
            regions: self
                .regions
                .iter()
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty())
                .collect(),
            priorities,
        })
    }
}

#[derive(Template)]
#[template(path = "partner_form.html")]
pub struct ProfileFormPage {
    pub c: Chrome,
    pub org_id: String,
    pub org_name: String,
    pub error: Option<String>,
    pub bad: &'static str,
    pub f: ProfileForm,
    pub staff: Vec<(String, String)>,
    pub budgets: Vec<(String, String)>,
    pub objectives: Vec<(u8, String, String)>,
    pub levels: Vec<(String, String)>,
    pub regions: Vec<(String, String)>,
}

fn form_page(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    p: &Profile,
    mut f: ProfileForm,
    error: Option<&'static str>,
) -> ProfileFormPage {
    let tr = Tr::new(lang);
    // One empty row to add a priority.
    f.priorities
        .push((String::new(), String::new(), String::new(), String::new()));
    ProfileFormPage {
        c: Chrome::new(
            state,
            auth,
            lang,
            &format!("/hub/partners/{}/edit", p.org_id),
            Some(Area::Hub),
        ),
        org_id: p.org_id.clone(),
        org_name: p.org_name.clone(),
        error: error.map(|field| tr.t(&format!("partners-error-{}", field.replace('_', "-")))),
        bad: error.unwrap_or(""),
        staff: StaffRange::ALL
            .iter()
            .map(|s| (s.as_str().to_string(), staff_label(&tr, *s)))
            .collect(),
        budgets: BudgetRange::ALL
            .iter()
            .map(|b| (b.as_str().to_string(), budget_label(&tr, *b)))
            .collect(),
        objectives: (1..=23u8)
            .map(|n| {
                (
                    n,
                    objective_title(&state.compact, n, lang),
                    f.levels
                        .get(usize::from(n) - 1)
                        .cloned()
                        .unwrap_or_default(),
                )
            })
            .collect(),
        levels: (1..=3u8)
            .map(|l| (l.to_string(), level_label(&tr, l)))
            .collect(),
        regions: region_options(lang),
        f,
    }
}

/// `GET /{lang}/hub/partners/{org_id}/edit`
pub async fn edit_form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, org_id)): Path<(String, String)>,
) -> AppResult<Response> {
    auth.require_user(&Action::ActAsHubPartner { org_id: &org_id })?;
    let p = hub_partners::profile(&state.db, &org_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let f = ProfileForm::of(&p);
    Ok(page_with_status(
        StatusCode::OK,
        &form_page(&state, &auth, lang, &p, f, None),
    ))
}

/// `POST /{lang}/hub/partners/{org_id}/edit`
pub async fn edit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, org_id)): Path<(String, String)>,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::ActAsHubPartner { org_id: &org_id })?;
    let p = hub_partners::profile(&state.db, &org_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let f = ProfileForm::from_form(&body);
    let refused = |field: &'static str| {
        page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form_page(&state, &auth, lang, &p, f.clone(), Some(field)),
        )
    };
    let input = match f.input() {
        Ok(i) => i,
        Err(field) => return Ok(refused(field)),
    };
    match hub_partners::save_profile(&state.db, &auth.actor(), &me.user.id, &org_id, input).await {
        Ok(()) => Ok(see_other(&format!(
            "/{}/hub/partners/{org_id}",
            lang.code()
        ))),
        Err(PartnerError::Invalid(field)) => Ok(refused(field)),
        Err(e) => Err(partner_error(e)),
    }
}

// ---------------------------------------------------------------------------------------------
// API

/// Declared expertise on one objective.
#[derive(Serialize, Deserialize, ToSchema, Clone)]
pub struct ExpertiseOut {
    /// 1 to 23.
    pub objective: i64,
    /// 1 (some), 2 (substantial), 3 (core mandate).
    pub level: i64,
}

/// Where an organisation works.
#[derive(Serialize, Deserialize, ToSchema, Default)]
pub struct PlacesOut {
    /// ISO 3166-1 alpha-3.
    pub countries: Vec<String>,
    /// UN M49 codes (`001` worldwide).
    pub regions: Vec<String>,
}

impl From<&Places> for PlacesOut {
    fn from(p: &Places) -> Self {
        PlacesOut {
            countries: p.countries.clone(),
            regions: p.regions.clone(),
        }
    }
}

/// A funding priority a donor states.
#[derive(Serialize, Deserialize, ToSchema, Default)]
pub struct PriorityOut {
    /// Absent in a PUT; the priority's id when read.
    #[serde(default)]
    pub id: Option<String>,
    /// An objective (1 to 23), or null for any.
    #[serde(default)]
    pub objective: Option<i64>,
    /// A UN M49 region, or null for anywhere.
    #[serde(default)]
    pub region: Option<String>,
    /// Largest grant, in US dollars.
    #[serde(default)]
    pub ceiling_usd: Option<i64>,
    #[serde(default)]
    pub note: Option<String>,
}

/// What the platform holds about an organisation's work.
#[derive(Serialize, ToSchema)]
pub struct EvidenceOut {
    /// Published practices.
    pub practices: i64,
    /// Published practices per objective: `{objective, count}`.
    pub by_objective: Vec<CountOut>,
    /// Published practices per country (alpha-3).
    pub by_country: Vec<CountOut>,
    /// Hub requests it took part in as an accepted partner.
    pub partnerships: i64,
}

#[derive(Serialize, ToSchema)]
pub struct CountOut {
    pub key: String,
    pub count: i64,
}

/// An organisation's partner profile.
#[derive(Serialize, ToSchema)]
pub struct ProfileOut {
    pub org_id: String,
    pub org_name: String,
    pub org_kind: String,
    /// Home country (alpha-3).
    pub country: Option<String>,
    /// Whether the organisation has filled in its profile.
    pub declared: bool,
    /// `up_to_10`, `up_to_50`, `up_to_250`, `up_to_1000`, `over_1000`.
    pub staff_range: Option<String>,
    /// Annual budget for migration work: `up_to_1m`, `up_to_10m`, `up_to_100m`, `over_100m` (USD).
    pub budget_range: Option<String>,
    /// Language codes it works in.
    pub languages: Vec<String>,
    pub summary: String,
    pub expertise: Vec<ExpertiseOut>,
    pub presence: PlacesOut,
    pub priorities: Vec<PriorityOut>,
    pub evidence: EvidenceOut,
    pub updated_at: Option<String>,
}

fn profile_out(p: Profile, ev: OrgEvidence) -> ProfileOut {
    ProfileOut {
        org_id: p.org_id,
        org_name: p.org_name,
        org_kind: p.org_kind,
        country: p.country,
        declared: p.declared,
        staff_range: p.staff_range.map(|s| s.as_str().to_string()),
        budget_range: p.budget_range.map(|s| s.as_str().to_string()),
        languages: p.languages,
        summary: p.summary,
        expertise: p
            .expertise
            .iter()
            .map(|(n, l)| ExpertiseOut {
                objective: i64::from(*n),
                level: i64::from(*l),
            })
            .collect(),
        presence: PlacesOut::from(&p.presence),
        priorities: p
            .priorities
            .into_iter()
            .map(|d| PriorityOut {
                id: Some(d.id),
                objective: d.objective.map(i64::from),
                region: d.region,
                ceiling_usd: d.ceiling_usd,
                note: d.note,
            })
            .collect(),
        evidence: EvidenceOut {
            practices: ev.practices,
            by_objective: ev
                .by_objective
                .iter()
                .map(|(n, c)| CountOut {
                    key: n.to_string(),
                    count: *c,
                })
                .collect(),
            by_country: ev
                .by_country
                .iter()
                .map(|(k, c)| CountOut {
                    key: k.clone(),
                    count: *c,
                })
                .collect(),
            partnerships: i64::try_from(ev.partnerships.len()).unwrap_or(0),
        },
        updated_at: p.updated_at,
    }
}

/// A line of the partner directory.
#[derive(Serialize, ToSchema)]
pub struct DirectoryOut {
    pub org_id: String,
    pub org_name: String,
    pub org_kind: String,
    pub country: Option<String>,
    pub expertise: Vec<ExpertiseOut>,
    pub languages: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct DirectoryList {
    pub items: Vec<DirectoryOut>,
    pub total: i64,
    pub next: Option<String>,
}

impl From<DirectoryEntry> for DirectoryOut {
    fn from(e: DirectoryEntry) -> Self {
        DirectoryOut {
            org_id: e.org_id,
            org_name: e.org_name,
            org_kind: e.org_kind,
            country: e.country,
            expertise: e
                .expertise
                .iter()
                .map(|(n, l)| ExpertiseOut {
                    objective: i64::from(*n),
                    level: i64::from(*l),
                })
                .collect(),
            languages: e.languages,
        }
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/hub/partners",
    tag = "hub",
    params(DirectoryQuery),
    responses(
        (status = 200, description = "Organisations with a partner profile, by name", body = DirectoryList),
        (status = 400, description = "A filter is not valid (unknown objective, country or region)", body = ErrorEnvelope),
    )
)]
pub async fn api_directory(
    State(state): State<AppState>,
    Query(q): Query<DirectoryQuery>,
) -> AppResult<Json<DirectoryList>> {
    let (objective, country, region) = q.parsed()?;
    let paging = Paging::of(q.page, q.per_page)?;
    let (entries, total) = hub_partners::directory(
        &state.db,
        objective,
        country.as_deref(),
        region.as_deref(),
        paging.per_page,
        paging.offset(),
    )
    .await?;
    Ok(Json(DirectoryList {
        items: entries.into_iter().map(DirectoryOut::from).collect(),
        total,
        next: paging.next("/api/v1/hub/partners", &q.filters(), q.per_page, total),
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/hub/partners/{org_id}",
    tag = "hub",
    params(("org_id" = String, Path, description = "The organisation's id")),
    responses(
        (status = 200, description = "The organisation's partner profile with the evidence the platform holds", body = ProfileOut),
        (status = 404, description = "No such organisation", body = ErrorEnvelope),
    )
)]
pub async fn api_get(
    State(state): State<AppState>,
    Path(org_id): Path<String>,
) -> AppResult<Json<ProfileOut>> {
    let p = hub_partners::profile(&state.db, &org_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let ev = hub_partners::evidence(&state.db, &org_id).await?;
    Ok(Json(profile_out(p, ev)))
}

/// A partner profile as written (every list replaces what was there).
#[derive(Deserialize, ToSchema, Default)]
pub struct ProfileBody {
    #[serde(default)]
    pub staff_range: Option<String>,
    #[serde(default)]
    pub budget_range: Option<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub expertise: Vec<ExpertiseOut>,
    /// Countries (alpha-3) where it works.
    #[serde(default)]
    pub countries: Vec<String>,
    /// UN M49 regions where it works (`001`: worldwide).
    #[serde(default)]
    pub regions: Vec<String>,
    #[serde(default)]
    pub priorities: Vec<PriorityOut>,
}

impl ProfileBody {
    fn input(self) -> Result<ProfileInput, &'static str> {
        let staff_range = match self.staff_range.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(StaffRange::parse(s).ok_or("staff_range")?),
        };
        let budget_range = match self.budget_range.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(BudgetRange::parse(s).ok_or("budget_range")?),
        };
        let expertise = self
            .expertise
            .iter()
            .map(|e| {
                Ok((
                    u8::try_from(e.objective).map_err(|_| "expertise")?,
                    u8::try_from(e.level).map_err(|_| "expertise_level")?,
                ))
            })
            .collect::<Result<Vec<_>, &'static str>>()?;
        let priorities = self
            .priorities
            .into_iter()
            .map(|d| {
                Ok(PriorityInput {
                    objective: d
                        .objective
                        .map(|n| u8::try_from(n).map_err(|_| "priority_objective"))
                        .transpose()?,
                    region: d.region,
                    ceiling_usd: d.ceiling_usd,
                    note: d.note.unwrap_or_default(),
                })
            })
            .collect::<Result<Vec<_>, &'static str>>()?;
        Ok(ProfileInput {
            staff_range,
            budget_range,
            languages: self.languages,
            summary: self.summary,
            expertise,
            countries: self.countries,
            regions: self.regions,
            priorities,
        })
    }
}

#[utoipa::path(
    put,
    path = "/api/v1/hub/partners/{org_id}",
    tag = "hub",
    security(("bearer" = [])),
    params(("org_id" = String, Path, description = "The organisation's id")),
    request_body = ProfileBody,
    responses(
        (status = 200, description = "The profile as saved", body = ProfileOut),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not a focal point or editor of the organisation", body = ErrorEnvelope),
        (status = 404, description = "No such organisation", body = ErrorEnvelope),
        (status = 422, description = "A field is not valid (`details.field` names it: unknown country, region or objective…); nothing is saved", body = ErrorEnvelope),
    )
)]
pub async fn api_put(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    Json(body): Json<ProfileBody>,
) -> AppResult<Json<ProfileOut>> {
    let me = auth.require_user(&Action::ActAsHubPartner { org_id: &org_id })?;
    let input = body.input().map_err(unprocessable)?;
    hub_partners::save_profile(&state.db, &auth.actor(), &me.user.id, &org_id, input)
        .await
        .map_err(partner_error)?;
    api_get(State(state), Path(org_id)).await
}
