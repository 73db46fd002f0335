//! `/{lang}/practices`: the global knowledge platform's explore page (filters with counts,
//! sorting, pages) and one practice's page. The same filters serve `/api/v1/practices`.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use gcm_compact::Ref;
use gcm_core::accounts::{Action, OrgKind, PlatformRole};
use gcm_core::geo;
use gcm_core::practices::{PracticeStatus, Source, Theme};
use gcm_store::practices::{self, Filter, Practice, Sort, Summary};
use serde::Deserialize;

use crate::AppState;
use crate::auth::Auth;
use crate::compact_view::objective_title;
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Tr};
use crate::pages::{Area, Chrome};
use crate::routes::forms::page_with_status;
use crate::routes::shell::PageLang;

pub mod calls;
pub mod import;
pub mod map;
pub mod recommendations;
pub mod resources;
pub mod review;
pub mod submit;

pub const PAGE_SIZE: i64 = 20;

/// The explore filters, as query parameters named like the facets.
#[derive(Deserialize, Default, Clone, utoipa::IntoParams)]
pub struct ExploreQuery {
    /// Objective number, 1 to 23.
    #[serde(default)]
    pub objective: String,
    /// An action reference, e.g. `gcm:obj:20:c`.
    #[serde(default)]
    pub action: String,
    /// A guiding principle's slug, e.g. `human-rights`.
    #[serde(default)]
    pub principle: String,
    #[serde(default)]
    pub theme: String,
    /// UN M49 region code, e.g. `150` (Europe).
    #[serde(default)]
    pub region: String,
    /// ISO 3166-1 alpha-3, e.g. `PRT`.
    #[serde(default)]
    pub country: String,
    /// Kind of stakeholder involved, e.g. `local_authority`.
    #[serde(default)]
    pub stakeholder: String,
    /// Practices available in this language (and their texts in it).
    #[serde(default)]
    pub lang: String,
    /// Practices active in this year.
    #[serde(default)]
    pub year: String,
    /// `submission`, `seed` or `import`.
    #[serde(default)]
    pub source: String,
    /// `completed`, `mostly_completed` or `ongoing`.
    #[serde(default)]
    pub progress: String,
    /// `newest` (default), `oldest` or `title`.
    #[serde(default)]
    pub sort: String,
    /// Page number, from 1.
    pub page: Option<i64>,
}

impl ExploreQuery {
    /// Checks every parameter; an unknown value is a 400 naming the parameter.
    pub fn filter(&self, compact: &gcm_compact::Compact) -> AppResult<Filter> {
        let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        use crate::routes::forms::filter;
        let objective = filter::objective(&self.objective, "objective")?;
        let action = match opt(&self.action) {
            None => None,
            Some(a) => {
                let r: Ref = a
                    .parse()
                    .map_err(|_| AppError::invalid_parameter("action"))?;
                compact
                    .check(&r)
                    .map_err(|_| AppError::invalid_parameter("action"))?;
                Some(r.to_string())
            }
        };
        let principle = match opt(&self.principle) {
            None => None,
            Some(p) => Some(
                gcm_compact::GuidingPrinciple::from_slug(&p)
                    .ok_or_else(|| AppError::invalid_parameter("principle"))?
                    .slug()
                    .to_string(),
            ),
        };
        let theme = match opt(&self.theme) {
            None => None,
            Some(t) => Some(
                Theme::parse(&t)
                    .ok_or_else(|| AppError::invalid_parameter("theme"))?
                    .as_str()
                    .to_string(),
            ),
        };
        let country = filter::country(&self.country, "country")?;
        let region = match opt(&self.region) {
            None => None,
            Some(r) => Some(
                geo::region(&r)
                    .ok_or_else(|| AppError::invalid_parameter("region"))?
                    .code
                    .clone(),
            ),
        };
        let stakeholder = match opt(&self.stakeholder) {
            None => None,
            Some(k) => Some(
                OrgKind::parse(&k)
                    .ok_or_else(|| AppError::invalid_parameter("stakeholder"))?
                    .as_str()
                    .to_string(),
            ),
        };
        let lang = filter::lang(&self.lang, "lang")?;
        let year = filter::year(&self.year, "year")?;
        let source = match opt(&self.source) {
            None => None,
            Some(s) => Some(
                Source::parse(&s)
                    .ok_or_else(|| AppError::invalid_parameter("source"))?
                    .as_str()
                    .to_string(),
            ),
        };
        let progress = match opt(&self.progress) {
            None => None,
            Some(s) => Some(
                gcm_core::practices::Progress::parse(&s)
                    .ok_or_else(|| AppError::invalid_parameter("progress"))?
                    .as_str()
                    .to_string(),
            ),
        };
        Ok(Filter {
            progress,
            objective,
            action,
            principle,
            theme,
            region,
            country,
            stakeholder,
            lang,
            year,
            status: None,
            source,
            public_only: true,
            ..Filter::default()
        })
    }

    pub fn sort(&self) -> AppResult<Sort> {
        match self.sort.as_str() {
            "" | "newest" => Ok(Sort::Newest),
            "oldest" => Ok(Sort::Oldest),
            "title" => Ok(Sort::Title),
            _ => Err(AppError::invalid_parameter("sort")),
        }
    }

    pub fn page(&self) -> AppResult<i64> {
        crate::routes::forms::page_number(self.page, 100_000)
    }

    /// The query string for the next page.
    pub fn with_page(&self, page: i64) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("objective", &self.objective),
            ("action", &self.action),
            ("principle", &self.principle),
            ("theme", &self.theme),
            ("region", &self.region),
            ("country", &self.country),
            ("stakeholder", &self.stakeholder),
            ("lang", &self.lang),
            ("year", &self.year),
            ("source", &self.source),
            ("progress", &self.progress),
            ("sort", &self.sort),
        ] {
            if !v.is_empty() {
                s.append_pair(k, v);
            }
        }
        s.append_pair("page", &page.to_string());
        s.finish()
    }
}

pub struct FilterOption {
    pub value: String,
    pub label: String,
    pub count: Option<i64>,
    pub selected: bool,
}

/// Options of a filter select without counts, one of them selected.
pub fn options(selected: &str, values: Vec<(String, String)>) -> Vec<FilterOption> {
    values
        .into_iter()
        .map(|(value, label)| FilterOption {
            selected: value == selected,
            value,
            label,
            count: None,
        })
        .collect()
}

pub struct FilterField {
    pub name: &'static str,
    pub label: String,
    pub options: Vec<FilterOption>,
}

/// The "objective" filter without counts: the 23 objectives by number and title, `selected`
/// chosen.
pub fn objective_filter(
    compact: &gcm_compact::Compact,
    tr: &Tr,
    lang: Lang,
    selected: &str,
) -> FilterField {
    FilterField {
        name: "objective",
        label: tr.t("practices-filter-objective"),
        options: options(
            selected,
            (1..=23u8)
                .map(|n| {
                    (
                        n.to_string(),
                        format!("{n}. {}", objective_title(compact, n, lang)),
                    )
                })
                .collect(),
        ),
    }
}

#[derive(Template)]
#[template(path = "practices.html")]
pub struct ExplorePage {
    pub c: Chrome,
    pub filters: Vec<FilterField>,
    pub items: Vec<Summary>,
    pub total: i64,
    pub next: Option<String>,
    pub signed_in: bool,
    pub can_review: bool,
}

fn count_of(facet: &[(String, i64)], value: &str) -> Option<i64> {
    facet.iter().find(|(v, _)| v == value).map(|(_, n)| *n)
}

fn field(
    name: &'static str,
    label: String,
    selected: &str,
    options: Vec<(String, String, Option<i64>)>,
) -> FilterField {
    FilterField {
        name,
        label,
        options: options
            .into_iter()
            .map(|(value, label, count)| FilterOption {
                selected: value == selected,
                value,
                label,
                count,
            })
            .collect(),
    }
}

/// `GET /{lang}/practices`
pub async fn explore(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Query(q): Query<ExploreQuery>,
) -> AppResult<Response> {
    let tr = Tr::new(lang);
    let compact = &state.compact;
    let filter = q.filter(compact)?;
    let sort = q.sort()?;
    let page = q.page()?;
    let text_lang = filter
        .lang
        .clone()
        .unwrap_or_else(|| lang.code().to_string());
    let (items, total) = practices::list(
        &state.db,
        &filter,
        sort,
        &text_lang,
        PAGE_SIZE,
        (page - 1) * PAGE_SIZE,
    )
    .await?;
    let facets = practices::facets(&state.db, &filter).await?;
    let mut countries: Vec<(String, String, Option<i64>)> = facets
        .country
        .iter()
        .map(|(code, n)| {
            let name = geo::country(code)
                .map(|c| c.name(lang.code()).to_string())
                .unwrap_or_else(|| code.clone());
            (code.clone(), name, Some(*n))
        })
        .collect();
    countries.sort_by(|a, b| a.1.cmp(&b.1));
    let filters = vec![
        field(
            "objective",
            tr.t("practices-filter-objective"),
            &q.objective,
            (1..=23u8)
                .map(|n| {
                    (
                        n.to_string(),
                        format!("{n}. {}", objective_title(compact, n, lang)),
                        Some(count_of(&facets.objective, &n.to_string()).unwrap_or(0)),
                    )
                })
                .collect(),
        ),
        field(
            "principle",
            tr.t("practices-filter-principle"),
            &q.principle,
            compact
                .structure()
                .principles
                .iter()
                .map(|p| {
                    let shown = crate::compact_view::shown(compact, &p.reference, lang);
                    let r = p.reference.to_string();
                    (
                        p.slug.slug().to_string(),
                        shown.title.unwrap_or_else(|| p.english.clone()),
                        Some(count_of(&facets.principle, &r).unwrap_or(0)),
                    )
                })
                .collect(),
        ),
        field(
            "theme",
            tr.t("practices-filter-theme"),
            &q.theme,
            Theme::ALL
                .iter()
                .map(|t| {
                    (
                        t.as_str().to_string(),
                        tr.t(&format!("theme-{}", t.as_str())),
                        Some(count_of(&facets.theme, t.as_str()).unwrap_or(0)),
                    )
                })
                .collect(),
        ),
        field(
            "country",
            tr.t("practices-filter-country"),
            &q.country,
            countries,
        ),
        field(
            "region",
            tr.t("practices-filter-region"),
            &q.region,
            geo::regions()
                .iter()
                .filter(|r| r.code != "001")
                .map(|r| (r.code.clone(), r.name(lang.code()).to_string(), None))
                .collect(),
        ),
        field(
            "stakeholder",
            tr.t("practices-filter-stakeholder"),
            &q.stakeholder,
            OrgKind::ALL
                .iter()
                .map(|k| {
                    (
                        k.as_str().to_string(),
                        tr.t(&format!("org-kind-{}", k.as_str())),
                        Some(count_of(&facets.stakeholder, k.as_str()).unwrap_or(0)),
                    )
                })
                .collect(),
        ),
        field(
            "lang",
            tr.t("practices-filter-lang"),
            &q.lang,
            Lang::ALL
                .iter()
                .map(|l| (l.code().to_string(), l.endonym(), None))
                .collect(),
        ),
        field(
            "source",
            tr.t("practices-filter-source"),
            &q.source,
            Source::ALL
                .iter()
                .map(|s| {
                    (
                        s.as_str().to_string(),
                        tr.t(&format!("source-{}", s.as_str())),
                        Some(count_of(&facets.source, s.as_str()).unwrap_or(0)),
                    )
                })
                .collect(),
        ),
        field(
            "progress",
            tr.t("submission-field-progress"),
            &q.progress,
            gcm_core::practices::Progress::ALL
                .iter()
                .map(|p| {
                    (
                        p.as_str().to_string(),
                        tr.t(&format!("progress-{}", p.as_str().replace('_', "-"))),
                        Some(count_of(&facets.progress, p.as_str()).unwrap_or(0)),
                    )
                })
                .collect(),
        ),
        field(
            "year",
            tr.t("practices-filter-year"),
            &q.year,
            (2000..=2030)
                .rev()
                .map(|y| (y.to_string(), y.to_string(), None))
                .collect(),
        ),
        field(
            "sort",
            tr.t("practices-sort"),
            &q.sort,
            vec![
                ("oldest".into(), tr.t("practices-sort-oldest"), None),
                ("title".into(), tr.t("practices-sort-title"), None),
            ],
        ),
    ];
    let next = (page * PAGE_SIZE < total)
        .then(|| format!("/{}/practices?{}", lang.code(), q.with_page(page + 1)));
    Ok(page_with_status(
        StatusCode::OK,
        &ExplorePage {
            c: Chrome::new(&state, &auth, lang, "/practices", Some(Area::Practices)),
            filters,
            items,
            total,
            next,
            signed_in: auth.user().is_some(),
            can_review: auth.signed_in.as_ref().is_some_and(|s| {
                gcm_core::accounts::allows(Some(&s.principal), &Action::ReviewPractice)
            }),
        },
    ))
}

pub struct SectionView {
    pub field: &'static str,
    pub heading: String,
    pub text: String,
    pub lang: String,
}

#[derive(Template)]
#[template(path = "practice.html")]
pub struct PracticePage {
    pub c: Chrome,
    pub title: String,
    pub title_lang: String,
    pub peer_reviewed: bool,
    /// Imported from the seed documents or a file, not peer-reviewed.
    pub imported: bool,
    pub sections: Vec<SectionView>,
    pub objectives: Vec<(u8, String)>,
    /// (slug, name, how the practice follows it).
    pub principles: Vec<(String, String, String)>,
    pub countries: Vec<String>,
    pub themes: Vec<String>,
    pub implementer: Option<String>,
    pub timeframe: Option<String>,
    pub provenance: Option<String>,
    pub pfp: Option<String>,
    pub revisions: String,
    pub id: String,
    pub partners: Option<String>,
    /// The call for practices it answers: (id, title).
    pub call: Option<(String, String)>,
    pub attachments: Vec<gcm_store::submissions::Attachment>,
    /// Shown to the submitting organisation, reviewers and the secretariat.
    pub submission: Option<SubmissionPanel>,
    /// Similar items (href, title, what they share).
    pub similar: Vec<(String, String, String)>,
}

/// Where a submission stands, on its page, for those who may see that.
pub struct SubmissionPanel {
    pub status_label: String,
    pub can_edit: bool,
    pub can_review: bool,
    pub focal_point: Option<String>,
    pub history: Vec<(String, String, String)>,
}

/// A stored time (fixed-width RFC 3339 UTC) shown to the day, or to the minute.
pub fn shown_time(at: &str, to_minute: bool) -> String {
    let n = if to_minute { 16 } else { 10 };
    at.chars().take(n).collect::<String>().replace('T', " ")
}

/// A practice status in words ("In peer review").
pub fn status_label(tr: &Tr, status: &str) -> String {
    tr.t(&format!("practice-status-{}", status.replace('_', "-")))
}

/// How the caller stands to a practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Sees it only once published.
    Public,
    /// A member of the submitting organisation (or the person who submitted it); focal points
    /// and editors may edit it while it is a draft or sent back for revision.
    Submitter { can_edit: bool },
    /// A peer reviewer assigned to it.
    Reviewer,
    /// The Network secretariat or an administrator.
    Secretariat,
}

/// Works out the caller's [`Access`] to `p`.
pub async fn access(state: &AppState, auth: &Auth, p: &Practice) -> AppResult<Access> {
    let Some(me) = auth.signed_in.as_ref() else {
        return Ok(Access::Public);
    };
    let pr = &me.principal;
    let member = p.org_id.as_ref().is_some_and(|o| pr.role_in(o).is_some());
    if member || p.submitted_by.as_deref() == Some(me.user.id.as_str()) {
        let can_edit = p.org_id.as_deref().is_some_and(|o| {
            gcm_core::accounts::allows(Some(pr), &Action::SubmitPractice { org_id: o })
        });
        return Ok(Access::Submitter { can_edit });
    }
    if pr.has(PlatformRole::Administrator) || pr.has(PlatformRole::Secretariat) {
        return Ok(Access::Secretariat);
    }
    if pr.has(PlatformRole::Reviewer)
        && gcm_store::reviews::is_assigned(&state.db, &p.id, &me.user.id).await?
    {
        return Ok(Access::Reviewer);
    }
    Ok(Access::Public)
}

/// Reads a practice the caller may see: published ones for everyone; drafts and submissions
/// for their organisation, the reviewers assigned to them and the secretariat.
pub async fn visible(state: &AppState, auth: &Auth, id: &str) -> AppResult<Practice> {
    Ok(visible_with_access(state, auth, id).await?.0)
}

/// As [`visible`], with how the caller stands to it (worked out once, for pages that show
/// more to some).
pub async fn visible_with_access(
    state: &AppState,
    auth: &Auth,
    id: &str,
) -> AppResult<(Practice, Access)> {
    let p = practices::get(&state.db, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let who = access(state, auth, &p).await?;
    if p.status == "published" || who != Access::Public {
        Ok((p, who))
    } else {
        // Not "forbidden": the existence of a draft is not public either.
        Err(AppError::not_found())
    }
}

/// `GET /{lang}/practices/{id}`
pub async fn show(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let (p, who) = visible_with_access(&state, &auth, &id).await?;
    let tr = Tr::new(lang);
    let compact = &state.compact;
    let title = p.text("title", lang.code()).cloned();
    let submission = match who {
        Access::Public => None,
        _ => {
            let editable = PracticeStatus::parse(&p.status).is_some_and(|s| s.is_editable());
            Some(SubmissionPanel {
                status_label: status_label(&tr, &p.status),
                can_edit: editable && who == (Access::Submitter { can_edit: true }),
                can_review: matches!(who, Access::Reviewer | Access::Secretariat)
                    && p.review_round > 0,
                focal_point: match (&p.focal_point_name, &p.focal_point_email) {
                    (Some(n), Some(e)) => Some(format!("{n} <{e}>")),
                    (Some(n), None) => Some(n.clone()),
                    _ => None,
                },
                history: gcm_store::submissions::history(
                    &state.db,
                    &p.id,
                    who != Access::Secretariat,
                )
                .await?
                .into_iter()
                .map(|e| {
                    (
                        shown_time(&e.at, false),
                        submit::event_label(&tr, &e.kind),
                        e.note.unwrap_or_default(),
                    )
                })
                .collect(),
            })
        }
    };
    let attachments = gcm_store::submissions::attachments(&state.db, &p.id).await?;
    // Similar items come from this node's search index; without one the section is left out.
    let similar = match crate::routes::search::similar_practices(&state, &auth, &p.id, 5) {
        Ok(found) => found
            .hits
            .into_iter()
            .map(|s| {
                let mut shared: Vec<String> = s
                    .shared_objectives
                    .iter()
                    .map(|n| format!("{} {n}", tr.t("practices-filter-objective")))
                    .collect();
                shared.extend(s.shared_countries.iter().map(|c| {
                    geo::country(c)
                        .map(|x| x.name(lang.code()).to_string())
                        .unwrap_or_else(|| c.clone())
                }));
                shared.extend(s.shared_themes.iter().map(|t| tr.t(&format!("theme-{t}"))));
                (
                    format!("/{}/practices/{}", lang.code(), s.hit.id),
                    s.hit.title,
                    if shared.is_empty() {
                        String::new()
                    } else {
                        tr.t1("similar-shared", "what", &shared.join(", "))
                    },
                )
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    let call = match &p.call_id {
        Some(c) => gcm_store::calls::get(&state.db, c).await?.map(|call| {
            (
                call.id.clone(),
                call.text("title", lang.code())
                    .map(|t| t.text.clone())
                    .unwrap_or_default(),
            )
        }),
        None => None,
    };
    let sections = [
        ("summary", "practices-summary"),
        ("description", "practices-description"),
        ("results", "practices-results"),
        ("lessons", "practices-lessons"),
        ("replicability", "practices-replicability"),
        ("innovation", "practices-innovation"),
        ("sustainability", "practices-sustainability"),
    ]
    .into_iter()
    .filter_map(|(field, heading)| {
        p.text(field, lang.code()).map(|t| SectionView {
            field,
            heading: tr.t(heading),
            text: t.text.clone(),
            lang: t.lang.clone(),
        })
    })
    .collect();
    let principles = p
        .links
        .iter()
        .filter_map(|l| l.reference.parse::<Ref>().ok().map(|r| (r, l.note.clone())))
        .filter_map(|(r, how)| match r {
            Ref::Principle(gp) => Some((
                gp.slug().to_string(),
                crate::compact_view::shown(compact, &r, lang)
                    .title
                    .unwrap_or_else(|| gp.english_label().to_string()),
                how.unwrap_or_default(),
            )),
            _ => None,
        })
        .collect();
    let provenance = p.provenance.as_ref().map(|v| {
        tr.t_with(
            "practices-provenance-text",
            &[
                (
                    "document",
                    crate::i18n::Arg::Str(v["document"].as_str().unwrap_or_default().to_string()),
                ),
                (
                    "start",
                    crate::i18n::Arg::Num(v["line_start"].as_i64().unwrap_or(0)),
                ),
                (
                    "end",
                    crate::i18n::Arg::Num(v["line_end"].as_i64().unwrap_or(0)),
                ),
            ],
        )
    });
    let timeframe = match (p.start_year, p.end_year) {
        (Some(a), Some(b)) => Some(format!("{a}–{b}")),
        (Some(a), None) => Some(format!("{a}–")),
        (None, Some(b)) => Some(format!("–{b}")),
        (None, None) => None,
    };
    let page = PracticePage {
        c: Chrome::new(
            &state,
            &auth,
            lang,
            &format!("/practices/{id}"),
            Some(Area::Practices),
        ),
        title: title
            .as_ref()
            .map(|t| t.text.clone())
            .unwrap_or_else(|| p.external_id.clone()),
        title_lang: title
            .map(|t| t.lang)
            .unwrap_or_else(|| lang.code().to_string()),
        peer_reviewed: p.peer_reviewed,
        imported: !p.peer_reviewed && p.source != "submission",
        sections,
        objectives: p
            .objectives()
            .into_iter()
            .map(|n| (n, objective_title(compact, n, lang)))
            .collect(),
        principles,
        countries: p
            .countries
            .iter()
            .map(|c| {
                geo::country(c)
                    .map(|c| c.name(lang.code()).to_string())
                    .unwrap_or_else(|| c.clone())
            })
            .collect(),
        themes: p
            .themes
            .iter()
            .map(|t| tr.t(&format!("theme-{t}")))
            .collect(),
        implementer: p.implementer.clone(),
        timeframe,
        provenance,
        pfp: p.pfp_id.clone(),
        revisions: tr.tn("practices-revisions", "count", p.revisions),
        id: p.id.clone(),
        partners: p.partners.clone(),
        call,
        attachments,
        submission,
        similar,
    };
    Ok(page_with_status(StatusCode::OK, &page))
}
