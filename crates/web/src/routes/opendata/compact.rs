//! `GET /data/compact.json` and `GET /data/compact.csv`: the whole Compact as held, with every
//! language's text (the nb and nl translations and gcm-hub's English summaries).

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use gcm_compact::Ref;
use serde::Serialize;

use super::{csv_response, to_csv};
use crate::AppState;
use crate::error::AppResult;
use crate::routes::api::compact::{ObjectiveOut, PrincipleOut, TextOut, Texts, objective_out};

#[derive(Serialize)]
pub struct ItemOut {
    letter: String,
    #[serde(rename = "ref")]
    reference: String,
    texts: std::collections::BTreeMap<String, TextOut>,
    subs: Vec<ItemOut>,
}

#[derive(Serialize)]
pub struct ParagraphOut {
    number: u8,
    #[serde(rename = "ref")]
    reference: String,
    section: String,
    texts: std::collections::BTreeMap<String, TextOut>,
    items: Vec<ItemOut>,
}

#[derive(Serialize)]
pub struct CompactExport {
    source: String,
    languages: Vec<String>,
    objectives: Vec<ObjectiveOut>,
    principles: Vec<PrincipleOut>,
    /// Every paragraph outside the objectives (the commitments 17-39 are in `objectives`).
    paragraphs: Vec<ParagraphOut>,
}

fn export(state: &AppState) -> CompactExport {
    let c = &state.compact;
    let all = Texts::All;
    let s = c.structure();
    CompactExport {
        source: s.source.clone(),
        languages: std::iter::once("en".to_string())
            .chain(s.languages.iter().map(|l| l.code().to_string()))
            .collect(),
        objectives: s
            .objectives
            .iter()
            .filter_map(|o| objective_out(c, o.number, all, true))
            .collect(),
        principles: s
            .principles
            .iter()
            .map(|p| PrincipleOut {
                slug: p.slug.slug().to_string(),
                reference: p.reference.to_string(),
                texts: all.of(c, &p.reference),
            })
            .collect(),
        paragraphs: s
            .paragraphs
            .iter()
            .filter(|p| p.objective.is_none())
            .map(|p| ParagraphOut {
                number: p.number,
                reference: p.reference.to_string(),
                section: p.section.slug().to_string(),
                texts: all.of(c, &p.reference),
                items: p
                    .items
                    .iter()
                    .map(|it| ItemOut {
                        letter: it.letter.to_string(),
                        reference: it.reference.to_string(),
                        texts: all.of(c, &it.reference),
                        subs: it
                            .subs
                            .iter()
                            .map(|sub| ItemOut {
                                letter: sub.numeral.clone(),
                                reference: sub.reference.to_string(),
                                texts: all.of(c, &sub.reference),
                                subs: Vec::new(),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// `GET /data/compact.json`
pub async fn json(State(state): State<AppState>) -> Json<CompactExport> {
    Json(export(&state))
}

/// Every reference the export covers, in document order, with its kind.
fn all_refs(state: &AppState) -> Vec<(Ref, &'static str)> {
    let s = state.compact.structure();
    let mut refs = Vec::new();
    for p in &s.paragraphs {
        if p.objective.is_none() {
            refs.push((p.reference, "paragraph"));
            for it in &p.items {
                refs.push((it.reference, "item"));
                refs.extend(it.subs.iter().map(|sub| (sub.reference, "item")));
            }
        }
    }
    refs.extend(s.principles.iter().map(|p| (p.reference, "principle")));
    for o in &s.objectives {
        refs.push((o.reference, "objective"));
        refs.extend(o.actions.iter().map(|a| (a.reference, "action")));
    }
    refs
}

/// `GET /data/compact.csv`: one row per reference and language.
pub async fn csv(State(state): State<AppState>) -> AppResult<Response> {
    let mut rows = Vec::new();
    for (r, kind) in all_refs(&state) {
        for (lang, t) in Texts::All.of(&state.compact, &r) {
            rows.push([
                r.to_string(),
                kind.to_string(),
                lang,
                t.is_summary.to_string(),
                t.title.unwrap_or_default(),
                t.text.unwrap_or_default(),
            ]);
        }
    }
    let body = to_csv(["ref", "kind", "lang", "is_summary", "title", "text"], rows)?;
    Ok(csv_response("compact.csv", body).into_response())
}
