//! `GET /{lang}/`: the home page.

use axum::extract::State;
use axum::response::Html;

use super::PageLang;
use crate::AppState;
use crate::i18n::{Lang, Tr};
use crate::pages::{Area, AreaCard, Chrome, HomePage, render};

pub async fn page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: crate::auth::Auth,
) -> Html<String> {
    let tr = Tr::new(lang);
    let areas = Area::ALL
        .into_iter()
        .map(|a| AreaCard {
            href: format!("/{}/{}", lang.code(), a.slug()),
            title: tr.t(&format!("nav-{}", a.slug())),
            summary: tr.t(&format!("area-{}-summary", a.slug())),
        })
        .collect();
    Html(render(&HomePage {
        c: Chrome::new(&state, &auth, lang, "/", None),
        areas,
        objectives: state.compact.structure().objectives.len() as i64,
        principles: state.compact.structure().principles.len() as i64,
        languages: Lang::ALL.len() as i64,
    }))
}
