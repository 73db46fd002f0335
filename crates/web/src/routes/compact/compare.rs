//! `GET /{lang}/compact/objectives/{number}/compare?left=nb&right=nl`: two texts of one
//! objective side by side, row by row (title, commitment, each action).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use gcm_compact::Ref;
use serde::Deserialize;

use super::objective_number;
use crate::AppState;
use crate::compact_view::{Shown, english, in_translation};
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Tr};
use crate::pages::{Area, Chrome, render};
use crate::routes::shell::PageLang;

#[derive(Deserialize)]
pub struct CompareQuery {
    left: Option<String>,
    right: Option<String>,
}

pub struct SourceOption {
    pub code: &'static str,
    pub name: String,
}

pub struct Row {
    pub anchor: String,
    pub label: String,
    pub left: Option<String>,
    pub right: Option<String>,
}

#[derive(Template)]
#[template(path = "compare.html")]
pub struct ComparePage {
    pub c: Chrome,
    pub page_lang: &'static str,
    pub number: u8,
    pub heading: String,
    pub options: Vec<SourceOption>,
    pub left_code: &'static str,
    pub right_code: &'static str,
    pub left_name: String,
    pub right_name: String,
    pub left_lang: &'static str,
    pub right_lang: &'static str,
    pub rows: Vec<Row>,
}

/// The texts that can be compared: every held translation, and our English summaries.
fn sources(ui: Lang) -> Vec<SourceOption> {
    let tr = Tr::new(ui);
    let mut v: Vec<SourceOption> = gcm_compact::Lang::ALL
        .into_iter()
        .map(|l| SourceOption {
            code: l.code(),
            name: Lang::from_code(l.code())
                .map(Lang::endonym)
                .unwrap_or_default(),
        })
        .collect();
    v.push(SourceOption {
        code: "en",
        name: format!(
            "{} ({})",
            Lang::En.endonym(),
            tr.t("compact-source-summary")
        ),
    });
    v
}

fn text(compact: &gcm_compact::Compact, r: &Ref, code: &str) -> Shown {
    match code.parse::<gcm_compact::Lang>() {
        Ok(tl) => in_translation(compact, r, tl),
        Err(_) => english(compact, r),
    }
}

pub async fn page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: crate::auth::Auth,
    Path((_, number)): Path<(String, String)>,
    Query(q): Query<CompareQuery>,
) -> AppResult<Html<String>> {
    let n = objective_number(&number)?;
    let compact = &state.compact;
    let tr = Tr::new(lang);
    let options = sources(lang);
    let pick = |given: Option<&str>, default: &'static str, name: &str| {
        let code = given.unwrap_or(default);
        options
            .iter()
            .find(|o| o.code == code)
            .map(|o| (o.code, o.name.clone()))
            .ok_or_else(|| AppError::invalid_parameter(name))
    };
    let (left_code, left_name) = pick(q.left.as_deref(), "nb", "left")?;
    let (right_code, right_name) = pick(q.right.as_deref(), "nl", "right")?;
    let info = compact.objective(n).ok_or_else(AppError::not_found)?;

    let obj = Ref::objective(n);
    let (l, r) = (
        text(compact, &obj, left_code),
        text(compact, &obj, right_code),
    );
    let mut rows = vec![
        Row {
            anchor: "title".into(),
            label: tr.tn("compact-objective-n", "number", i64::from(n)),
            left: l.title,
            right: r.title,
        },
        Row {
            anchor: "commitment".into(),
            label: tr.t("compact-commitment"),
            left: l.text,
            right: r.text,
        },
    ];
    for a in &info.actions {
        rows.push(Row {
            anchor: a.letter.to_string(),
            label: format!("{})", a.letter),
            left: text(compact, &a.reference, left_code).text,
            right: text(compact, &a.reference, right_code).text,
        });
    }
    Ok(Html(render(&ComparePage {
        c: Chrome::new(
            &state,
            &auth,
            lang,
            &format!("/compact/objectives/{n}/compare?left={left_code}&right={right_code}"),
            Some(Area::Compact),
        ),
        page_lang: lang.code(),
        number: n,
        heading: tr.tn("compact-objective-n", "number", i64::from(n)),
        options,
        left_code,
        right_code,
        left_name,
        right_name,
        left_lang: left_code,
        right_lang: right_code,
        rows,
    })))
}
