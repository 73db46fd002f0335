//! `GET /{lang}/practices/map`: practices per country on a world map drawn on the server as
//! SVG (Natural Earth boundaries from world-atlas, projected at build time into
//! data/reference/world-map.json), with a table of the same counts for people who do not see
//! the map. Works without JavaScript; the explore filters apply.

use std::collections::HashMap;
use std::sync::LazyLock;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use gcm_core::geo;
use gcm_store::practices;
use serde::Deserialize;

use super::ExploreQuery;
use crate::AppState;
use crate::auth::Auth;
use crate::error::AppResult;
use crate::i18n::{Arg, Tr};
use crate::pages::{Area, Chrome};
use crate::routes::forms::page_with_status;
use crate::routes::shell::PageLang;

#[derive(Deserialize, Default)]
struct WorldMap {
    width: u32,
    height: u32,
    sphere: String,
    graticule: String,
    countries: Vec<Shape>,
}

#[derive(Deserialize)]
struct Shape {
    numeric: Option<String>,
    d: String,
}

static MAP: LazyLock<WorldMap> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../../../../data/reference/world-map.json"))
        .unwrap_or_else(|e| {
            tracing::error!(error = %e, "world map data is not valid; the map will be empty");
            WorldMap::default()
        })
});

pub struct ShapeView {
    pub d: String,
    pub level: u8,
    /// (link, accessible label) for countries with practices.
    pub link: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "practices_map.html")]
pub struct MapPage {
    pub c: Chrome,
    pub width: u32,
    pub height: u32,
    pub sphere: String,
    pub graticule: String,
    pub shapes: Vec<ShapeView>,
    pub legend: Vec<(u8, String)>,
    pub rows: Vec<(String, String, i64)>,
}

/// Colour class for a count: 0, 1, 2–4, 5 or more.
fn level(n: i64) -> u8 {
    match n {
        0 => 0,
        1 => 1,
        2..=4 => 2,
        _ => 3,
    }
}

pub async fn page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Query(q): Query<ExploreQuery>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let filter = q.filter(&state.compact)?;
    let counts: HashMap<String, i64> = practices::per_country(&state.db, &filter)
        .await?
        .into_iter()
        .collect();
    let by_numeric: HashMap<&str, &geo::Country> = geo::countries()
        .iter()
        .map(|c| (c.numeric.as_str(), c))
        .collect();
    let href = |alpha3: &str| {
        let mut with_country = q.clone();
        with_country.country = alpha3.to_string();
        with_country.page = None;
        format!("/{}/practices?{}", lang.code(), with_country.with_page(1))
    };
    let shapes = MAP
        .countries
        .iter()
        .map(|s| {
            let country = s
                .numeric
                .as_deref()
                .and_then(|n| by_numeric.get(n).copied());
            let n = country
                .and_then(|c| counts.get(&c.alpha3))
                .copied()
                .unwrap_or(0);
            ShapeView {
                d: s.d.clone(),
                level: level(n),
                link: country.filter(|_| n > 0).map(|c| {
                    (
                        href(&c.alpha3),
                        tr.t_with(
                            "practices-map-country",
                            &[
                                ("country", Arg::Str(c.name(lang.code()).to_string())),
                                ("count", Arg::Num(n)),
                            ],
                        ),
                    )
                }),
            }
        })
        .collect();
    let mut rows: Vec<(String, String, i64)> = counts
        .iter()
        .map(|(code, n)| {
            let name = geo::country(code)
                .map(|c| c.name(lang.code()).to_string())
                .unwrap_or_else(|| code.clone());
            (href(code), name, *n)
        })
        .collect();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
    Ok(page_with_status(
        StatusCode::OK,
        &MapPage {
            c: Chrome::new(&state, &auth, lang, "/practices/map", Some(Area::Practices)),
            width: MAP.width,
            height: MAP.height,
            sphere: MAP.sphere.clone(),
            graticule: MAP.graticule.clone(),
            shapes,
            legend: vec![
                (0, "0".into()),
                (1, "1".into()),
                (2, "2–4".into()),
                (3, "5+".into()),
            ],
            rows,
        },
    ))
}
