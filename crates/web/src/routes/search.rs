//! Search across everything (`/{lang}/search`, `/api/v1/search`) and similar items
//! (`/api/v1/practices/{id}/similar`, and on each practice's page), through this node's
//! [`gcm_search::SearchIndex`], as the person asking may see it.

use askama::Template;
use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use gcm_search::{Hit, MatchReason, SearchQuery, SearchResults, SimilarResults, Sort, Viewer};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::Auth;
use crate::compact_view::objective_title;
use crate::error::{AppError, AppResult, ErrorEnvelope};
use crate::i18n::{Lang, Tr};
use crate::pages::Chrome;
use crate::routes::forms::page_with_status;
use crate::routes::shell::PageLang;

const PAGE_SIZE: usize = 20;

/// The HTML pages.
pub fn routes() -> Router<AppState> {
    Router::new().route("/{lang}/search", get(page))
}

/// The `/api/v1` routes with their documentation.
pub fn api(r: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    r.routes(routes!(api_search))
        .routes(routes!(api_similar_practices))
}

/// Who is searching, as the index's visibility rules see them.
pub fn viewer(auth: &Auth) -> Viewer {
    match &auth.signed_in {
        None => Viewer::anonymous(),
        Some(s) => Viewer {
            user_id: Some(s.user.id.clone()),
            org_ids: s
                .principal
                .memberships
                .iter()
                .map(|(o, _)| o.clone())
                .collect(),
            roles: s
                .principal
                .roles
                .iter()
                .map(|r| r.as_str().to_string())
                .collect(),
        },
    }
}

fn index(state: &AppState) -> AppResult<&gcm_search::SearchIndex> {
    state
        .search
        .as_deref()
        .ok_or_else(|| AppError::new(StatusCode::SERVICE_UNAVAILABLE, "search_unavailable"))
}

/// The search parameters, named like the facets (the same in the page and the API).
#[derive(Deserialize, Default, Clone, IntoParams)]
pub struct SearchParams {
    /// What to look for, in any of the five languages.
    #[serde(default)]
    pub q: String,
    /// `practice`, `resource`, `recommendation`, `call`, `compact` or `hub_request`.
    #[serde(default)]
    pub kind: String,
    /// Objective number, 1 to 23.
    #[serde(default)]
    pub objective: String,
    /// A guiding principle's slug.
    #[serde(default)]
    pub principle: String,
    /// ISO 3166-1 alpha-3.
    #[serde(default)]
    pub country: String,
    /// UN M49 region code.
    #[serde(default)]
    pub region: String,
    /// Only items written in this language.
    #[serde(default)]
    pub lang: String,
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub year: String,
    /// `relevance` (default), `newest` or `title`.
    #[serde(default)]
    pub sort: String,
    /// Page number, from 1 (pages).
    pub page: Option<i64>,
    /// Results per page, at most 100 (API).
    pub limit: Option<usize>,
    /// Results to skip (API).
    pub offset: Option<usize>,
}

impl SearchParams {
    /// The index query; a filter value that is not valid is a 400 naming it. The query text
    /// itself is never refused: odd input comes back with a notice.
    fn query(&self, ui: Lang, viewer: Viewer) -> AppResult<SearchQuery> {
        let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        use crate::routes::forms::filter;
        let objective = filter::objective(&self.objective, "objective")?;
        let year = filter::year(&self.year, "year")?;
        let kinds = match opt(&self.kind) {
            None => Vec::new(),
            Some(k)
                if [
                    "practice",
                    "resource",
                    "recommendation",
                    "call",
                    "compact",
                    "hub_request",
                ]
                .contains(&k.as_str()) =>
            {
                vec![k]
            }
            Some(_) => return Err(AppError::invalid_parameter("kind")),
        };
        let lang_filter = filter::lang(&self.lang, "lang")?;
        let country = filter::country(&self.country, "country")?;
        let sort = match self.sort.as_str() {
            "" | "relevance" => Sort::Relevance,
            "newest" => Sort::Newest,
            "title" => Sort::Title,
            _ => return Err(AppError::invalid_parameter("sort")),
        };
        let page = crate::routes::forms::page_number(self.page, 500)?;
        let limit = self.limit.unwrap_or(PAGE_SIZE).clamp(1, 100);
        let offset = self.offset.unwrap_or(((page - 1) as usize) * PAGE_SIZE);
        Ok(SearchQuery {
            q: self.q.clone(),
            lang: ui.code().to_string(),
            kinds,
            objective,
            principle: opt(&self.principle),
            region: match opt(&self.region) {
                None => None,
                Some(r) => Some(
                    gcm_core::geo::region(&r)
                        .ok_or_else(|| AppError::invalid_parameter("region"))?
                        .code
                        .clone(),
                ),
            },
            country,
            lang_filter,
            year,
            org_kind: None,
            theme: opt(&self.theme),
            sort,
            offset,
            limit,
            viewer,
        })
    }

    fn with(&self, key: &str, value: &str) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("q", &self.q),
            ("kind", &self.kind),
            ("objective", &self.objective),
            ("principle", &self.principle),
            ("country", &self.country),
            ("region", &self.region),
            ("lang", &self.lang),
            ("theme", &self.theme),
            ("year", &self.year),
            ("sort", &self.sort),
        ] {
            if k == key {
                if !value.is_empty() {
                    s.append_pair(k, value);
                }
            } else if !v.is_empty() {
                s.append_pair(k, v);
            }
        }
        if key == "page" {
            s.append_pair("page", value);
        }
        s.finish()
    }
}

fn run(state: &AppState, query: &SearchQuery) -> AppResult<SearchResults> {
    index(state)?.search(query).map_err(AppError::internal)
}

/// A hit's address in the interface language (documents store `/en/…`).
fn local_url(url: &str, lang: Lang) -> String {
    let rest = url
        .strip_prefix('/')
        .and_then(|u| u.split_once('/'))
        .filter(|(first, _)| Lang::from_code(first).is_some())
        .map(|(_, rest)| rest);
    match rest {
        Some(rest) => format!("/{}/{rest}", lang.code()),
        None => url.to_string(),
    }
}

/// A language's own name, or its code when it is not one of the platform's.
fn language_name(code: &str) -> String {
    Lang::from_code(code).map_or_else(|| code.to_owned(), |l| l.endonym().to_string())
}

/// "Matched because…" in words.
fn reason_text(tr: &Tr, state: &AppState, lang: Lang, r: &MatchReason) -> String {
    match r {
        MatchReason::Text { field, lang: l } => tr.t_with(
            "search-reason-text",
            &[
                (
                    "field",
                    crate::i18n::Arg::Str(tr.t(&format!("search-field-{field}"))),
                ),
                ("lang", crate::i18n::Arg::Str(language_name(l))),
            ],
        ),
        MatchReason::Glossary { term, objective } => tr.t_with(
            "search-reason-glossary",
            &[
                ("term", crate::i18n::Arg::Str(term.clone())),
                ("number", crate::i18n::Arg::Num(i64::from(*objective))),
                (
                    "objective",
                    crate::i18n::Arg::Str(objective_title(&state.compact, *objective, lang)),
                ),
            ],
        ),
        MatchReason::Principle { term, principle } => tr.t_with(
            "search-reason-principle",
            &[
                ("term", crate::i18n::Arg::Str(term.clone())),
                ("principle", crate::i18n::Arg::Str(principle.clone())),
            ],
        ),
        MatchReason::Translation {
            term,
            translation,
            lang: l,
        } => tr.t_with(
            "search-reason-translation",
            &[
                ("term", crate::i18n::Arg::Str(term.clone())),
                ("translation", crate::i18n::Arg::Str(translation.clone())),
                ("lang", crate::i18n::Arg::Str(language_name(l))),
            ],
        ),
        MatchReason::Fuzzy { term } => tr.t1("search-reason-fuzzy", "term", term),
        MatchReason::Prefix { term } => tr.t1("search-reason-prefix", "term", term),
    }
}

pub struct HitView {
    pub href: String,
    pub title: String,
    pub lang: String,
    pub kind: String,
    pub snippet_html: String,
    pub reasons: Vec<String>,
}

pub struct FacetView {
    pub label: String,
    pub values: Vec<(String, String, u64, bool)>,
}

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub c: Chrome,
    pub q: String,
    pub total: usize,
    pub hits: Vec<HitView>,
    pub facets: Vec<FacetView>,
    pub notice: Option<String>,
    pub next: Option<String>,
    pub prev: Option<String>,
    pub sorts: Vec<(String, String, bool)>,
    pub hidden: Vec<(&'static str, String)>,
}

/// `GET /{lang}/search?q=`
pub async fn page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Query(p): Query<SearchParams>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let query = p.query(lang, viewer(&auth))?;
    let page_no = crate::routes::forms::page_number(p.page, 500)?;
    let results = run(&state, &query)?;
    let hits = results
        .hits
        .iter()
        .map(|h: &Hit| HitView {
            href: local_url(&h.url, lang),
            title: h.title.clone(),
            lang: h.lang.clone(),
            kind: tr.t(&format!("search-kind-{}", h.kind)),
            snippet_html: h.snippet_html.clone(),
            reasons: h
                .reasons
                .iter()
                .map(|r| reason_text(&tr, &state, lang, r))
                .collect(),
        })
        .collect();
    let label_of = |facet: &str, value: &str| -> String {
        match facet {
            "kind" => tr.t(&format!("search-kind-{value}")),
            "objective" => value
                .parse::<u8>()
                .map(|n| format!("{n}. {}", objective_title(&state.compact, n, lang)))
                .unwrap_or_else(|_| value.to_string()),
            "country" => gcm_core::geo::country(value)
                .map(|c| c.name(lang.code()).to_string())
                .unwrap_or_else(|| value.to_string()),
            "lang" => Lang::from_code(value)
                .map(|l| l.endonym())
                .unwrap_or_else(|| value.to_string()),
            "theme" => tr.t(&format!("theme-{value}")),
            "region" => gcm_core::geo::region(value)
                .map(|r| r.name(lang.code()).to_string())
                .unwrap_or_else(|| value.to_string()),
            _ => value.to_string(),
        }
    };
    let selected = |facet: &str| -> &str {
        match facet {
            "kind" => &p.kind,
            "objective" => &p.objective,
            "country" => &p.country,
            "lang" => &p.lang,
            "theme" => &p.theme,
            "year" => &p.year,
            "principle" => &p.principle,
            "region" => &p.region,
            _ => "",
        }
    };
    let facets = [
        "kind",
        "objective",
        "principle",
        "region",
        "country",
        "theme",
        "lang",
        "year",
    ]
    .iter()
    .filter_map(|name| {
        let values = results.facets.get(*name)?;
        (!values.is_empty()).then(|| FacetView {
            label: tr.t(&format!("search-facet-{name}")),
            values: values
                .iter()
                .take(12)
                .map(|(v, n)| {
                    let on = selected(name) == v;
                    (
                        format!(
                            "/{}/search?{}",
                            lang.code(),
                            p.with(name, if on { "" } else { v })
                        ),
                        label_of(name, v),
                        *n,
                        on,
                    )
                })
                .collect(),
        })
    })
    .collect();
    let next = (query.offset + query.limit < results.total).then(|| {
        format!(
            "/{}/search?{}",
            lang.code(),
            p.with("page", &(page_no + 1).to_string())
        )
    });
    let prev = (page_no > 1).then(|| {
        format!(
            "/{}/search?{}",
            lang.code(),
            p.with("page", &(page_no - 1).to_string())
        )
    });
    let notice = results
        .notice
        .as_ref()
        .map(|n| tr.t(&format!("search-notice-{}", n.replace('_', "-"))));
    Ok(page_with_status(
        StatusCode::OK,
        &SearchPage {
            c: Chrome::new(&state, &auth, lang, "/search", None),
            q: p.q.clone(),
            total: results.total,
            hits,
            facets,
            notice,
            next,
            prev,
            sorts: [
                ("relevance", "search-sort-relevance"),
                ("newest", "practices-sort-newest"),
                ("title", "practices-sort-title"),
            ]
            .iter()
            .map(|(v, label)| {
                (
                    v.to_string(),
                    tr.t(label),
                    p.sort == *v || (p.sort.is_empty() && *v == "relevance"),
                )
            })
            .collect(),
            hidden: [
                ("kind", p.kind.clone()),
                ("objective", p.objective.clone()),
                ("principle", p.principle.clone()),
                ("region", p.region.clone()),
                ("country", p.country.clone()),
                ("lang", p.lang.clone()),
                ("theme", p.theme.clone()),
                ("year", p.year.clone()),
            ]
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .collect(),
        },
    ))
}

/// Search results in the API.
#[derive(Serialize, ToSchema)]
pub struct SearchOut {
    pub total: usize,
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<Hit>,
    /// Counts per value: `kind`, `objective`, `principle`, `country`, `region`, `theme`,
    /// `lang`, `org_kind`, `year`.
    #[schema(value_type = Object)]
    pub facets: std::collections::BTreeMap<String, Vec<(String, u64)>>,
    /// What was odd about the query (e.g. `unbalanced_quote`, `no_searchable_terms`).
    pub notice: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/search",
    tag = "search",
    params(SearchParams),
    responses(
        (status = 200, description = "Matching items the caller may see, with facets and why each matched", body = SearchOut),
        (status = 400, description = "A filter value is not valid", body = ErrorEnvelope),
        (status = 503, description = "This node has no search index", body = ErrorEnvelope),
    )
)]
pub async fn api_search(
    State(state): State<AppState>,
    auth: Auth,
    Query(p): Query<SearchParams>,
) -> AppResult<Json<SearchOut>> {
    let ui = Lang::from_code(&p.lang).unwrap_or(Lang::En);
    let results = run(&state, &p.query(ui, viewer(&auth))?)?;
    Ok(Json(SearchOut {
        total: results.total,
        items: results.hits,
        facets: results.facets,
        notice: results.notice,
    }))
}

#[derive(Deserialize, IntoParams)]
pub struct SimilarParams {
    /// At most this many (1–50, default 10).
    pub limit: Option<usize>,
}

/// Similar items of one practice.
pub fn similar_practices(
    state: &AppState,
    auth: &Auth,
    id: &str,
    limit: usize,
) -> AppResult<SimilarResults> {
    index(state)?
        .similar("practice", id, limit.clamp(1, 50), &viewer(auth))
        .map_err(AppError::internal)
}

#[utoipa::path(
    get,
    path = "/api/v1/practices/{id}/similar",
    tag = "search",
    params(("id" = String, Path, description = "Practice id"), SimilarParams),
    responses(
        (status = 200, description = "Similar items, best first, with the parts of each score (text, shared objectives, countries, themes)", body = Object),
        (status = 404, description = "No such practice visible to the caller", body = ErrorEnvelope),
    )
)]
pub async fn api_similar_practices(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Query(q): Query<SimilarParams>,
) -> AppResult<Json<SimilarResults>> {
    crate::routes::practices::visible(&state, &auth, &id).await?;
    Ok(Json(similar_practices(
        &state,
        &auth,
        &id,
        q.limit.unwrap_or(10),
    )?))
}
