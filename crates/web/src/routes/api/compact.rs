//! `GET /api/v1/compact/…`: the Compact as data (objectives with their actions, guiding
//! principles, any reference resolved), in one language or all that are held.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use gcm_compact::{Compact, Ref};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::compact_view::{Shown, english, in_translation, shown};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;

/// `?lang=`: one interface language, or `all` for every text held.
#[derive(Deserialize, IntoParams)]
pub struct LangQuery {
    /// `en`, `fr`, `es`, `nb`, `nl` or `all` (default `en`). en/fr/es return gcm-hub's English
    /// summaries (`is_summary: true`); nb and nl return the unofficial translations.
    pub lang: Option<String>,
}

/// Which texts to return.
#[derive(Debug, Clone, Copy)]
pub enum Texts {
    One(Lang),
    All,
}

impl Texts {
    pub fn parse(q: Option<&str>) -> AppResult<Texts> {
        match q {
            None | Some("") => Ok(Texts::One(Lang::En)),
            Some("all") => Ok(Texts::All),
            Some(code) => Lang::from_code(code)
                .map(Texts::One)
                .ok_or_else(|| AppError::invalid_parameter("lang")),
        }
    }

    /// The texts of `r`, keyed by language code. With `all`: `en` (summaries) and each held
    /// translation.
    pub fn of(self, compact: &Compact, r: &Ref) -> BTreeMap<String, TextOut> {
        let mut out = BTreeMap::new();
        match self {
            Texts::One(lang) => {
                out.insert(
                    lang.code().to_string(),
                    TextOut::from(shown(compact, r, lang)),
                );
            }
            Texts::All => {
                out.insert("en".to_string(), TextOut::from(english(compact, r)));
                for tl in gcm_compact::Lang::ALL {
                    out.insert(
                        tl.code().to_string(),
                        TextOut::from(in_translation(compact, r, tl)),
                    );
                }
            }
        }
        out
    }
}

/// A text in one language.
#[derive(Serialize, ToSchema)]
pub struct TextOut {
    /// Title (objectives, principles).
    pub title: Option<String>,
    /// The text; null when this translation lacks the element.
    pub text: Option<String>,
    /// Language the text is actually in.
    pub lang: String,
    /// True for gcm-hub's English summaries (not the official text).
    pub is_summary: bool,
}

impl From<Shown> for TextOut {
    fn from(s: Shown) -> Self {
        TextOut {
            title: s.title,
            text: s.text,
            lang: s.lang,
            is_summary: s.is_summary,
        }
    }
}

/// An action of an objective.
#[derive(Serialize, ToSchema)]
pub struct ActionOut {
    pub letter: String,
    #[serde(rename = "ref")]
    pub reference: String,
    /// Translations that lack this action.
    pub missing_in: Vec<String>,
    pub texts: BTreeMap<String, TextOut>,
}

/// An objective; `actions` is filled on the single-objective endpoint.
#[derive(Serialize, ToSchema)]
pub struct ObjectiveOut {
    pub number: u8,
    #[serde(rename = "ref")]
    pub reference: String,
    /// The paragraph that holds its commitment (17–39).
    pub commitment_paragraph: u8,
    /// The UN Network on Migration's short label, e.g. `REMITTANCES` (English).
    pub label: Option<String>,
    pub action_count: usize,
    /// Title and commitment, by language.
    pub texts: BTreeMap<String, TextOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionOut>,
}

#[derive(Serialize, ToSchema)]
pub struct ObjectiveList {
    pub items: Vec<ObjectiveOut>,
    pub total: usize,
    pub next: Option<String>,
}

/// A guiding principle.
#[derive(Serialize, ToSchema)]
pub struct PrincipleOut {
    pub slug: String,
    #[serde(rename = "ref")]
    pub reference: String,
    pub texts: BTreeMap<String, TextOut>,
}

#[derive(Serialize, ToSchema)]
pub struct PrincipleList {
    pub items: Vec<PrincipleOut>,
    pub total: usize,
    pub next: Option<String>,
}

pub fn objective_out(
    compact: &Compact,
    n: u8,
    texts: Texts,
    with_actions: bool,
) -> Option<ObjectiveOut> {
    let info = compact.objective(n)?;
    let actions = if with_actions {
        info.actions
            .iter()
            .map(|a| ActionOut {
                letter: a.letter.to_string(),
                reference: a.reference.to_string(),
                missing_in: a.missing_in.iter().map(|l| l.code().to_string()).collect(),
                texts: texts.of(compact, &a.reference),
            })
            .collect()
    } else {
        Vec::new()
    };
    Some(ObjectiveOut {
        number: n,
        reference: info.reference.to_string(),
        commitment_paragraph: info.commitment_paragraph,
        label: compact.english().objective(n).map(|e| e.label.clone()),
        action_count: info.actions.len(),
        texts: texts.of(compact, &info.reference),
        actions,
    })
}

#[utoipa::path(
    get,
    path = "/api/v1/compact/objectives",
    tag = "compact",
    params(LangQuery),
    responses(
        (status = 200, description = "The 23 objectives", body = ObjectiveList),
        (status = 400, description = "Unknown language", body = crate::error::ErrorEnvelope),
    )
)]
pub async fn objectives(
    State(state): State<AppState>,
    Query(q): Query<LangQuery>,
) -> AppResult<Json<ObjectiveList>> {
    let texts = Texts::parse(q.lang.as_deref())?;
    let items: Vec<_> = state
        .compact
        .structure()
        .objectives
        .iter()
        .filter_map(|o| objective_out(&state.compact, o.number, texts, false))
        .collect();
    Ok(Json(ObjectiveList {
        total: items.len(),
        items,
        next: None,
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/compact/objectives/{number}",
    tag = "compact",
    params(("number" = u8, Path, description = "Objective number, 1 to 23"), LangQuery),
    responses(
        (status = 200, description = "One objective with its actions", body = ObjectiveOut),
        (status = 404, description = "No such objective", body = crate::error::ErrorEnvelope),
    )
)]
pub async fn objective(
    State(state): State<AppState>,
    Path(number): Path<String>,
    Query(q): Query<LangQuery>,
) -> AppResult<Json<ObjectiveOut>> {
    let texts = Texts::parse(q.lang.as_deref())?;
    let n: u8 = number.parse().map_err(|_| AppError::not_found())?;
    objective_out(&state.compact, n, texts, true)
        .map(Json)
        .ok_or_else(AppError::not_found)
}

#[utoipa::path(
    get,
    path = "/api/v1/compact/principles",
    tag = "compact",
    params(LangQuery),
    responses((status = 200, description = "The 10 guiding principles", body = PrincipleList))
)]
pub async fn principles(
    State(state): State<AppState>,
    Query(q): Query<LangQuery>,
) -> AppResult<Json<PrincipleList>> {
    let texts = Texts::parse(q.lang.as_deref())?;
    let items: Vec<_> = state
        .compact
        .structure()
        .principles
        .iter()
        .map(|p| PrincipleOut {
            slug: p.slug.slug().to_string(),
            reference: p.reference.to_string(),
            texts: texts.of(&state.compact, &p.reference),
        })
        .collect();
    Ok(Json(PrincipleList {
        total: items.len(),
        items,
        next: None,
    }))
}

#[derive(Deserialize, IntoParams)]
pub struct ResolveQuery {
    /// A stable reference, e.g. `gcm:obj:20:c`, `gcm:para:43:a:iii`, `gcm:gp:human-rights`.
    #[serde(rename = "ref")]
    #[param(rename = "ref")]
    pub reference: Option<String>,
    /// As for the other endpoints: `en`, `fr`, `es`, `nb`, `nl` or `all`.
    pub lang: Option<String>,
}

/// A resolved reference.
#[derive(Serialize, ToSchema)]
pub struct Resolved {
    /// The reference in canonical form.
    #[serde(rename = "ref")]
    pub reference: String,
    pub texts: BTreeMap<String, TextOut>,
}

#[utoipa::path(
    get,
    path = "/api/v1/compact/resolve",
    tag = "compact",
    params(ResolveQuery),
    responses(
        (status = 200, description = "The referenced element's texts", body = Resolved),
        (status = 400, description = "Malformed reference", body = crate::error::ErrorEnvelope),
        (status = 404, description = "Well-formed reference to nothing", body = crate::error::ErrorEnvelope),
    )
)]
pub async fn resolve(
    State(state): State<AppState>,
    Query(q): Query<ResolveQuery>,
) -> AppResult<Json<Resolved>> {
    let texts = Texts::parse(q.lang.as_deref())?;
    let given = q.reference.unwrap_or_default();
    let r: Ref = given.parse().map_err(|e: gcm_compact::RefParseError| {
        AppError::new(axum::http::StatusCode::BAD_REQUEST, "invalid_reference")
            .with_arg("reference", given.clone())
            .with_details(serde_json::json!({ "ref": given, "reason": e.to_string() }))
    })?;
    state.compact.check(&r).map_err(|e| {
        AppError::new(axum::http::StatusCode::NOT_FOUND, "unknown_reference")
            .with_arg("reference", given.clone())
            .with_details(serde_json::json!({ "ref": given, "reason": e.to_string() }))
    })?;
    Ok(Json(Resolved {
        reference: r.to_string(),
        texts: texts.of(&state.compact, &r),
    }))
}

/// A framework in the list.
#[derive(Serialize, ToSchema)]
pub struct FrameworkSummary {
    /// `gfmd`, `cs5` or `sdg`.
    pub id: String,
    pub name: String,
    pub full_title: String,
    pub item_count: usize,
}

#[derive(Serialize, ToSchema)]
pub struct FrameworkList {
    pub items: Vec<FrameworkSummary>,
    pub total: usize,
    pub next: Option<String>,
}

/// A link from a framework item to an objective of the Compact.
#[derive(Serialize, ToSchema)]
pub struct CrosswalkOut {
    pub objective: u8,
    /// `stated-in-source` (the framework document says so) or `derived` (gcm-hub's reading).
    pub basis: String,
}

/// An item of a framework (a GFMD cluster, a civil-society plan point, an SDG target or
/// indicator), in English.
#[derive(Serialize, ToSchema)]
pub struct FrameworkItemOut {
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    pub text: String,
    /// True when the text is gcm-hub's summary rather than the source's own words.
    pub text_is_summary: bool,
    pub objectives: Vec<CrosswalkOut>,
}

/// A framework with its items and their crosswalk to the Compact's objectives.
#[derive(Serialize, ToSchema)]
pub struct FrameworkOut {
    pub id: String,
    pub name: String,
    pub full_title: String,
    pub items: Vec<FrameworkItemOut>,
}

pub fn framework_item_out(item: &gcm_compact::frameworks::FrameworkItem<'_>) -> FrameworkItemOut {
    FrameworkItemOut {
        reference: item.reference().to_string(),
        title: item.title(),
        text: item.text().to_string(),
        text_is_summary: item.text_is_summary(),
        objectives: item
            .objectives()
            .into_iter()
            .map(|(objective, basis)| CrosswalkOut {
                objective,
                basis: basis.as_str().to_string(),
            })
            .collect(),
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/frameworks",
    tag = "compact",
    responses((status = 200, description = "Frameworks with crosswalks to the Compact", body = FrameworkList))
)]
pub async fn frameworks(State(state): State<AppState>) -> Json<FrameworkList> {
    let items: Vec<_> = state
        .compact
        .frameworks()
        .list()
        .into_iter()
        .map(|f| FrameworkSummary {
            id: f.id.to_string(),
            name: f.name.to_string(),
            full_title: f.full_title.to_string(),
            item_count: f.items.len(),
        })
        .collect();
    Json(FrameworkList {
        total: items.len(),
        items,
        next: None,
    })
}

#[utoipa::path(
    get,
    path = "/api/v1/frameworks/{id}",
    tag = "compact",
    params(("id" = String, Path, description = "`gfmd`, `cs5` or `sdg`")),
    responses(
        (status = 200, description = "One framework with its items and crosswalk", body = FrameworkOut),
        (status = 404, description = "No such framework", body = crate::error::ErrorEnvelope),
    )
)]
pub async fn framework(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Json<FrameworkOut>> {
    let list = state.compact.frameworks().list();
    let f = list
        .iter()
        .find(|f| f.id == id)
        .ok_or_else(AppError::not_found)?;
    Ok(Json(FrameworkOut {
        id: f.id.to_string(),
        name: f.name.to_string(),
        full_title: f.full_title.to_string(),
        items: f.items.iter().map(framework_item_out).collect(),
    }))
}
