//! Submitting practices: the multi-step form with saved drafts (each step saves; the draft can
//! be completed later), submissions on behalf of another organisation naming its focal point,
//! attachments with size and type limits, the submitter's list with status and feedback, every
//! revision with a field-by-field comparison, and the same through `/api/v1/practices`.

use askama::Template;
use axum::Json;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Query, RawForm, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use gcm_compact::{GuidingPrinciple, Ref};
use gcm_core::accounts::{Action, OrgKind};
use gcm_core::geo;
use gcm_core::practices::{
    AttachmentProblem, MAX_ATTACHMENT_BYTES, PracticeStatus, Progress, Scope, Source, Theme,
    attachment_extensions, classify_attachment,
};
use gcm_store::framework_links::Link;
use gcm_store::practices::{self, Filter, Practice, PracticeInput, Sort, Summary, Text};
use gcm_store::submissions::{self, Attachment, SubmissionError};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Access, access};
use crate::AppState;
use crate::auth::{Auth, SignedIn};
use crate::compact_view::{objective_title, shown};
use crate::error::{AppError, AppResult, ErrorEnvelope};
use crate::i18n::{Lang, Tr};
use crate::pages::{Area, Chrome};
use crate::routes::forms::{page_with_status, see_other};
use crate::routes::shell::PageLang;

/// The HTML pages and downloads.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/practices/mine", get(mine))
        .route("/{lang}/practices/new", get(new_form).post(create))
        .route(
            "/{lang}/practices/{id}/edit",
            get(edit_form).post(save_step),
        )
        .route("/{lang}/practices/{id}/submit", post(submit))
        .route(
            "/{lang}/practices/{id}/attachments",
            post(upload)
                // Room for the largest attachment plus the multipart framing.
                .layer(DefaultBodyLimit::max(MAX_ATTACHMENT_BYTES + 64 * 1024)),
        )
        .route("/{lang}/practices/{id}/attachments/{file}", get(download))
        .route(
            "/{lang}/practices/{id}/attachments/{file}/delete",
            post(delete_attachment),
        )
        .route("/{lang}/practices/{id}/revisions", get(revisions_page))
}

/// The `/api/v1` routes with their documentation.
pub fn api(r: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    r.routes(routes!(api_create))
        .routes(routes!(api_update))
        .routes(routes!(api_submit))
        .routes(routes!(api_submission))
        .routes(routes!(api_revisions))
}

/// The steps of the form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Basics,
    Compact,
    Place,
    Details,
    Files,
    Submit,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::Basics,
        Step::Compact,
        Step::Place,
        Step::Details,
        Step::Files,
        Step::Submit,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Step::Basics => "basics",
            Step::Compact => "compact",
            Step::Place => "place",
            Step::Details => "details",
            Step::Files => "files",
            Step::Submit => "submit",
        }
    }

    fn parse(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|x| x.slug() == s)
    }

    fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The step where a mandatory field is filled in.
    fn of_field(field: &str) -> Step {
        match field {
            "title" | "summary" | "focal_point" | "implementer" | "org_id" | "original_lang"
            | "call_id" => Step::Basics,
            "objectives" | "actions" | "principles" | "themes" => Step::Compact,
            "scope" | "progress" | "countries" | "regions" | "stakeholders" | "start_year"
            | "end_year" | "languages" | "partners" => Step::Place,
            _ => Step::Details,
        }
    }
}

/// Form values as sent (repeated names kept), so a refused step re-renders what was typed.
#[derive(Debug, Clone, Default)]
pub struct Values(Vec<(String, String)>);

impl Values {
    fn parse(body: &[u8]) -> Values {
        Values(
            url::form_urlencoded::parse(body)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    fn one(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    }

    fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .collect()
    }

    fn push(&mut self, name: &str, value: impl Into<String>) {
        self.0.push((name.to_string(), value.into()));
    }
}

/// A refused field: its name and the reason's code (`submission-error-<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub code: &'static str,
}

fn refuse(field: &'static str, code: &'static str) -> FieldError {
    FieldError { field, code }
}

impl FieldError {
    fn message(&self, tr: &Tr) -> String {
        let label = tr.t(&format!(
            "submission-field-{}",
            self.field.replace('_', "-")
        ));
        tr.t1(
            &format!("submission-error-{}", self.code.replace('_', "-")),
            "field",
            &label,
        )
    }

    fn api(&self) -> AppError {
        AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_parameter")
            .with_arg("name", self.field)
            .with_details(serde_json::json!({ "field": self.field, "code": self.code }))
    }
}

const TEXT_MAX: usize = 20_000;

/// Sets (or, when empty, removes) one text in one language.
fn set_text_in(input: &mut PracticeInput, lang: &str, field: &str, text: &str, origin: &str) {
    input
        .texts
        .retain(|t| !(t.field == field && t.lang == lang));
    if !text.is_empty() {
        input.texts.push(Text {
            field: field.to_string(),
            lang: lang.to_string(),
            text: text.to_string(),
            origin: origin.to_string(),
        });
    }
}

/// Sets one text in the practice's original language.
fn set_text(input: &mut PracticeInput, field: &str, text: &str) {
    let lang = input.original_lang.clone();
    set_text_in(input, &lang, field, text, "human");
}

/// The language a translation is being edited in (`text_lang`), when it is not the original.
fn translation_lang(v: &Values, input: &PracticeInput) -> Option<String> {
    let l = v.one("text_lang");
    (Lang::from_code(&l).is_some() && l != input.original_lang).then_some(l)
}

/// Text fields of the steps that hold texts, with their length limits.
fn texts_of_step(step: Step) -> &'static [(&'static str, usize)] {
    match step {
        Step::Basics => &[("title", 300), ("summary", 2_000)],
        Step::Details => &[
            ("description", TEXT_MAX),
            ("results", TEXT_MAX),
            ("lessons", TEXT_MAX),
            ("replicability", TEXT_MAX),
            ("innovation", TEXT_MAX),
            ("sustainability", TEXT_MAX),
        ],
        _ => &[],
    }
}

fn text_field(
    v: &Values,
    input: &mut PracticeInput,
    field: &'static str,
    max: usize,
) -> Result<(), FieldError> {
    let text = v.one(field);
    if text.chars().count() > max {
        return Err(refuse(field, "too_long"));
    }
    set_text(input, field, &text);
    Ok(())
}

fn optional(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// Applies one step's fields to the draft, checking each; the draft is untouched on error.
pub fn apply_step(
    step: Step,
    v: &Values,
    input: &mut PracticeInput,
    compact: &gcm_compact::Compact,
) -> Result<(), FieldError> {
    let mut next = input.clone();
    // A translation: only the step's texts, in that language; everything else stays.
    if let Some(lang) = translation_lang(v, input)
        && matches!(step, Step::Basics | Step::Details)
    {
        for (field, max) in texts_of_step(step) {
            let text = v.one(field);
            if text.chars().count() > *max {
                return Err(refuse(field, "too_long"));
            }
            set_text_in(&mut next, &lang, field, &text, "human");
        }
        *input = next;
        return Ok(());
    }
    match step {
        Step::Basics => {
            let lang = v.one("original_lang");
            if Lang::from_code(&lang).is_none() {
                return Err(refuse("original_lang", "unknown"));
            }
            if lang != next.original_lang {
                // Texts written so far move to the language now declared as original.
                let from = next.original_lang.clone();
                for t in next.texts.iter_mut().filter(|t| t.lang == from) {
                    t.lang = lang.clone();
                }
                next.original_lang = lang;
            }
            let title = v.one("title");
            if title.is_empty() {
                return Err(refuse("title", "required"));
            }
            if title.chars().count() > 300 {
                return Err(refuse("title", "too_long"));
            }
            set_text(&mut next, "title", &title);
            text_field(v, &mut next, "summary", 2_000)?;
            next.on_behalf = v.one("on_behalf") == "1";
            next.implementer = optional(v.one("implementer"));
            if next
                .implementer
                .as_ref()
                .is_some_and(|s| s.chars().count() > 500)
            {
                return Err(refuse("implementer", "too_long"));
            }
            next.focal_point_name = optional(v.one("focal_point_name"));
            next.focal_point_email = optional(v.one("focal_point_email"));
            if let Some(e) = &next.focal_point_email {
                next.focal_point_email = Some(
                    gcm_core::accounts::normalise_email(e)
                        .map_err(|_| refuse("focal_point", "email"))?,
                );
            }
            if next.on_behalf
                && (next.implementer.is_none()
                    || next.focal_point_name.is_none()
                    || next.focal_point_email.is_none())
            {
                return Err(refuse("focal_point", "on_behalf"));
            }
        }
        Step::Compact => {
            let mut links: Vec<Link> = Vec::new();
            for o in v.all("objective") {
                let n = o
                    .parse::<u8>()
                    .ok()
                    .filter(|n| (1..=23).contains(n))
                    .ok_or(refuse("objectives", "unknown"))?;
                links.push(Link::new(Ref::objective(n).to_string()));
            }
            if links.is_empty() {
                return Err(refuse("objectives", "required"));
            }
            for a in v.all("action") {
                let r: Ref = a.parse().map_err(|_| refuse("actions", "unknown"))?;
                if !matches!(
                    r,
                    Ref::Objective {
                        action: Some(_),
                        ..
                    }
                ) || compact.check(&r).is_err()
                {
                    return Err(refuse("actions", "unknown"));
                }
                links.push(Link::new(r.to_string()));
            }
            for slug in v.all("principle") {
                let p =
                    GuidingPrinciple::from_slug(&slug).ok_or(refuse("principles", "unknown"))?;
                let how = v.one(&format!("principle_note_{}", p.slug()));
                if how.chars().count() > 2_000 {
                    return Err(refuse("principles", "too_long"));
                }
                let mut link = Link::new(Ref::Principle(p).to_string());
                link.note = optional(how);
                links.push(link);
            }
            let mut themes = Vec::new();
            for t in v.all("theme") {
                themes.push(
                    Theme::parse(&t)
                        .ok_or(refuse("themes", "unknown"))?
                        .as_str()
                        .to_string(),
                );
            }
            // Tags from other frameworks (GFMD clusters, SDG targets) stay as they were.
            next.links.retain(|l| {
                !(l.reference.starts_with("gcm:obj:") || l.reference.starts_with("gcm:gp:"))
            });
            next.links.extend(links);
            next.themes = themes;
        }
        Step::Place => {
            let scope = v.one("scope");
            next.scope = match scope.as_str() {
                "" => None,
                s => Some(Scope::parse(s).ok_or(refuse("scope", "unknown"))?),
            };
            let progress = v.one("progress");
            next.progress = match progress.as_str() {
                "" => None,
                s => Some(Progress::parse(s).ok_or(refuse("progress", "unknown"))?),
            };
            let mut countries = Vec::new();
            for c in v.all("country") {
                countries.push(
                    geo::parse_country(&c)
                        .map_err(|_| refuse("countries", "unknown"))?
                        .alpha3
                        .clone(),
                );
            }
            next.countries = countries;
            let mut regions = Vec::new();
            for r in v.all("region") {
                regions.push(
                    geo::region(&r)
                        .ok_or(refuse("regions", "unknown"))?
                        .code
                        .clone(),
                );
            }
            next.regions = regions;
            let mut stakeholders = Vec::new();
            for k in v.all("stakeholder") {
                stakeholders.push(
                    OrgKind::parse(&k)
                        .ok_or(refuse("stakeholders", "unknown"))?
                        .as_str()
                        .to_string(),
                );
            }
            next.stakeholders = stakeholders;
            next.partners = optional(v.one("partners"));
            if next
                .partners
                .as_ref()
                .is_some_and(|s| s.chars().count() > 2_000)
            {
                return Err(refuse("partners", "too_long"));
            }
            for (name, slot) in [
                ("start_year", &mut next.start_year),
                ("end_year", &mut next.end_year),
            ] {
                let y = v.one(name);
                *slot = match y.as_str() {
                    "" => None,
                    y => Some(
                        y.parse::<i64>()
                            .ok()
                            .filter(|y| (1900..=2100).contains(y))
                            .ok_or(refuse(
                                if name == "start_year" {
                                    "start_year"
                                } else {
                                    "end_year"
                                },
                                "year",
                            ))?,
                    ),
                };
            }
            if let (Some(a), Some(b)) = (next.start_year, next.end_year)
                && b < a
            {
                return Err(refuse("end_year", "before_start"));
            }
            let mut languages = Vec::new();
            for l in v.one("languages").split([' ', ',', ';']) {
                let l = l.trim().to_ascii_lowercase();
                if l.is_empty() {
                    continue;
                }
                if l.len() > 8 || !l.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                    return Err(refuse("languages", "unknown"));
                }
                if !languages.contains(&l) {
                    languages.push(l);
                }
            }
            next.languages = languages;
        }
        Step::Details => {
            for field in [
                "description",
                "results",
                "lessons",
                "replicability",
                "innovation",
                "sustainability",
            ] {
                text_field(v, &mut next, field, TEXT_MAX)?;
            }
            next.funding = optional(v.one("funding"));
            if next
                .funding
                .as_ref()
                .is_some_and(|s| s.chars().count() > 2_000)
            {
                return Err(refuse("funding", "too_long"));
            }
            let link = v.one("link");
            if !(link.is_empty()
                || ((link.starts_with("https://") || link.starts_with("http://"))
                    && link.len() <= 2_000))
            {
                return Err(refuse("link", "link"));
            }
            next.link = optional(link);
        }
        Step::Files | Step::Submit => {}
    }
    *input = next;
    Ok(())
}

/// Organisations the person may submit for: (id, name).
async fn submitting_orgs(state: &AppState, me: &SignedIn) -> AppResult<Vec<(String, String)>> {
    Ok(gcm_store::orgs::of_user(&state.db, &me.user.id)
        .await?
        .into_iter()
        .filter(|(o, _)| {
            gcm_core::accounts::allows(
                Some(&me.principal),
                &Action::SubmitPractice { org_id: &o.id },
            )
        })
        .map(|(o, _)| (o.id, o.name))
        .collect())
}

/// The draft or submission the caller may edit now, or why not.
async fn editable(state: &AppState, auth: &Auth, id: &str) -> AppResult<Practice> {
    let p = practices::get(&state.db, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    match access(state, auth, &p).await? {
        Access::Submitter { can_edit: true } => {}
        Access::Submitter { can_edit: false } | Access::Reviewer | Access::Secretariat => {
            return Err(AppError::forbidden());
        }
        Access::Public => return Err(AppError::not_found()),
    }
    let status = PracticeStatus::parse(&p.status).unwrap_or(PracticeStatus::Published);
    if !status.is_editable() {
        return Err(AppError::new(StatusCode::CONFLICT, "practice_not_editable")
            .with_details(serde_json::json!({ "status": p.status })));
    }
    Ok(p)
}

/// One option of a choice in the form.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

pub struct ActionChoice {
    pub value: String,
    pub letter: char,
    pub text: String,
    pub checked: bool,
}

pub struct ObjectiveChoice {
    pub number: u8,
    pub label: String,
    pub checked: bool,
    pub actions: Vec<ActionChoice>,
}

pub struct PrincipleChoice {
    pub slug: String,
    pub label: String,
    pub checked: bool,
    pub note: String,
}

pub struct StepLink {
    pub label: String,
    pub href: Option<String>,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "practice_edit.html")]
pub struct EditPage {
    pub c: Chrome,
    pub heading: String,
    pub action: String,
    /// The language of a translation being edited; empty for the original.
    pub text_lang: String,
    /// Links to edit the texts in each language.
    pub text_langs: Vec<TextLangLink>,
    pub step: &'static str,
    pub steps: Vec<StepLink>,
    pub error: Option<String>,
    pub error_field: String,
    pub status_label: Option<String>,
    // Basics.
    pub orgs: Vec<Choice>,
    pub langs: Vec<Choice>,
    pub title: String,
    pub summary: String,
    pub on_behalf: bool,
    pub implementer: String,
    pub focal_point_name: String,
    pub focal_point_email: String,
    pub call_id: String,
    pub call_title: Option<String>,
    // Compact.
    pub objectives: Vec<ObjectiveChoice>,
    pub principles: Vec<PrincipleChoice>,
    pub themes: Vec<Choice>,
    // Place.
    pub scopes: Vec<Choice>,
    pub progresses: Vec<Choice>,
    pub countries: Vec<Choice>,
    pub regions: Vec<Choice>,
    pub stakeholders: Vec<Choice>,
    pub partners: String,
    pub start_year: String,
    pub end_year: String,
    pub languages: String,
    // Details.
    pub details: Vec<(&'static str, String, String)>,
    pub funding: String,
    pub link: String,
    // Files.
    pub attachments: Vec<Attachment>,
    pub accept: String,
    pub file_hint: String,
    pub practice_id: String,
    // Submit.
    pub missing: Vec<(String, String)>,
    pub feedback: Vec<FeedbackView>,
}

pub struct TextLangLink {
    pub code: String,
    pub label: String,
    pub href: String,
    pub current: bool,
}

pub struct FeedbackView {
    pub at: String,
    pub label: String,
    pub note: Option<String>,
}

fn choices(values: Vec<(String, String)>, selected: &[String]) -> Vec<Choice> {
    values
        .into_iter()
        .map(|(value, label)| Choice {
            checked: selected.contains(&value),
            value,
            label,
        })
        .collect()
}

fn text_of(input: &PracticeInput, field: &str) -> String {
    text_in(input, &input.original_lang, field)
}

fn text_in(input: &PracticeInput, lang: &str, field: &str) -> String {
    input
        .texts
        .iter()
        .find(|t| t.field == field && t.lang == lang)
        .map(|t| t.text.clone())
        .unwrap_or_default()
}

/// Shared by the form and the history: a localized label for an event.
pub fn event_label(tr: &Tr, kind: &str) -> String {
    tr.t(&format!("submission-event-{}", kind.replace('_', "-")))
}

/// Builds the form page for `step` from the draft as it stands (or as just typed).
#[allow(clippy::too_many_arguments)]
async fn edit_page(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    me: &SignedIn,
    practice: Option<&Practice>,
    input: &PracticeInput,
    step: Step,
    text_lang: Option<&str>,
    error: Option<FieldError>,
) -> AppResult<EditPage> {
    let tr = Tr::new(lang);
    let compact = &state.compact;
    let id = practice.map(|p| p.id.clone()).unwrap_or_default();
    // Editing a translation of the texts rather than the original.
    let translating = text_lang
        .filter(|l| Lang::from_code(l).is_some() && *l != input.original_lang)
        .map(str::to_string);
    let shown_lang = translating
        .clone()
        .unwrap_or_else(|| input.original_lang.clone());
    let lang_query = translating
        .as_ref()
        .map(|l| format!("&text_lang={l}"))
        .unwrap_or_default();
    let base = if id.is_empty() {
        format!("/{}/practices/new", lang.code())
    } else {
        format!("/{}/practices/{id}/edit", lang.code())
    };
    let steps = Step::ALL
        .iter()
        .map(|s| StepLink {
            label: tr.t(&format!("submission-step-{}", s.slug())),
            href: (!id.is_empty()).then(|| format!("{base}?step={}", s.slug())),
            current: *s == step,
        })
        .collect();
    let refs: Vec<&str> = input.links.iter().map(|l| l.reference.as_str()).collect();
    let objectives = compact
        .structure()
        .objectives
        .iter()
        .map(|o| ObjectiveChoice {
            number: o.number,
            label: objective_title(compact, o.number, lang),
            checked: refs.contains(&o.reference.to_string().as_str()),
            actions: o
                .actions
                .iter()
                .map(|a| {
                    let text = shown(compact, &a.reference, lang).text.unwrap_or_default();
                    let short: String = text.chars().take(160).collect();
                    ActionChoice {
                        value: a.reference.to_string(),
                        letter: a.letter,
                        text: if short.len() < text.len() {
                            format!("{short}…")
                        } else {
                            short
                        },
                        checked: refs.contains(&a.reference.to_string().as_str()),
                    }
                })
                .collect(),
        })
        .collect();
    let principles = compact
        .structure()
        .principles
        .iter()
        .map(|p| {
            let r = p.reference.to_string();
            let link = input.links.iter().find(|l| l.reference == r);
            PrincipleChoice {
                slug: p.slug.slug().to_string(),
                label: shown(compact, &p.reference, lang)
                    .title
                    .unwrap_or_else(|| p.english.clone()),
                checked: link.is_some(),
                note: link.and_then(|l| l.note.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let mut countries: Vec<(String, String)> = geo::countries()
        .iter()
        .map(|c| (c.alpha3.clone(), c.name(lang.code()).to_string()))
        .collect();
    countries.sort_by(|a, b| a.1.cmp(&b.1));
    let org_choices = submitting_orgs(state, me).await?;
    let attachments = match practice {
        Some(p) => submissions::attachments(&state.db, &p.id).await?,
        None => Vec::new(),
    };
    let missing = match practice {
        Some(p) => submissions::missing_fields(p)
            .into_iter()
            .map(|f| {
                (
                    tr.t(&format!("submission-field-{}", f.replace('_', "-"))),
                    format!("{base}?step={}", Step::of_field(f).slug()),
                )
            })
            .collect(),
        None => Vec::new(),
    };
    let feedback = match practice {
        Some(p) => submissions::history(&state.db, &p.id, true)
            .await?
            .into_iter()
            .filter(|e| e.note.is_some())
            .map(|e| FeedbackView {
                at: super::shown_time(&e.at, false),
                label: event_label(&tr, &e.kind),
                note: e.note,
            })
            .collect(),
        None => Vec::new(),
    };
    let call_title = match &input.call_id {
        Some(call) => gcm_store::calls::get(&state.db, call).await?.map(|c| {
            tr.t1(
                "submission-call-answering",
                "title",
                &c.text("title", lang.code())
                    .map(|t| t.text.clone())
                    .unwrap_or_default(),
            )
        }),
        None => None,
    };
    let heading = if practice.is_some() {
        text_of(input, "title")
    } else {
        tr.t("submission-new")
    };
    Ok(EditPage {
        c: Chrome::new(
            state,
            auth,
            lang,
            base.trim_start_matches(&format!("/{}", lang.code())),
            Some(Area::Practices),
        ),
        heading,
        action: format!("{base}?step={}{lang_query}", step.slug()),
        text_lang: translating.clone().unwrap_or_default(),
        text_langs: if id.is_empty() {
            Vec::new()
        } else {
            Lang::ALL
                .iter()
                .map(|l| {
                    let original = l.code() == input.original_lang;
                    TextLangLink {
                        label: if original {
                            tr.t1("submission-original-lang", "lang", &l.endonym())
                        } else {
                            l.endonym()
                        },
                        href: if original {
                            format!("{base}?step={}", step.slug())
                        } else {
                            format!("{base}?step={}&text_lang={}", step.slug(), l.code())
                        },
                        current: l.code() == shown_lang,
                        code: l.code().to_string(),
                    }
                })
                .collect()
        },
        step: step.slug(),
        steps,
        error_field: error.map(|e| e.field.to_string()).unwrap_or_default(),
        error: error.map(|e| e.message(&tr)),
        status_label: practice.map(|p| super::status_label(&tr, &p.status)),
        orgs: choices(
            org_choices,
            &input.org_id.iter().cloned().collect::<Vec<_>>(),
        ),
        langs: choices(
            Lang::ALL
                .iter()
                .map(|l| (l.code().to_string(), l.endonym()))
                .collect(),
            std::slice::from_ref(&input.original_lang),
        ),
        title: text_in(input, &shown_lang, "title"),
        summary: text_in(input, &shown_lang, "summary"),
        on_behalf: input.on_behalf,
        implementer: input.implementer.clone().unwrap_or_default(),
        focal_point_name: input.focal_point_name.clone().unwrap_or_default(),
        focal_point_email: input.focal_point_email.clone().unwrap_or_default(),
        call_id: input.call_id.clone().unwrap_or_default(),
        call_title,
        objectives,
        principles,
        themes: choices(
            Theme::ALL
                .iter()
                .map(|t| {
                    (
                        t.as_str().to_string(),
                        tr.t(&format!("theme-{}", t.as_str())),
                    )
                })
                .collect(),
            &input.themes,
        ),
        scopes: choices(
            Scope::ALL
                .iter()
                .map(|s| {
                    (
                        s.as_str().to_string(),
                        tr.t(&format!("scale-{}", s.as_str())),
                    )
                })
                .collect(),
            &input
                .scope
                .map(|s| s.as_str().to_string())
                .into_iter()
                .collect::<Vec<_>>(),
        ),
        progresses: choices(
            Progress::ALL
                .iter()
                .map(|p| {
                    (
                        p.as_str().to_string(),
                        tr.t(&format!("progress-{}", p.as_str().replace('_', "-"))),
                    )
                })
                .collect(),
            &input
                .progress
                .map(|p| p.as_str().to_string())
                .into_iter()
                .collect::<Vec<_>>(),
        ),
        countries: choices(countries, &input.countries),
        regions: choices(
            geo::regions()
                .iter()
                .filter(|r| r.code != "001")
                .map(|r| (r.code.clone(), r.name(lang.code()).to_string()))
                .collect(),
            &input.regions,
        ),
        stakeholders: choices(
            OrgKind::ALL
                .iter()
                .map(|k| {
                    (
                        k.as_str().to_string(),
                        tr.t(&format!("org-kind-{}", k.as_str())),
                    )
                })
                .collect(),
            &input.stakeholders,
        ),
        partners: input.partners.clone().unwrap_or_default(),
        start_year: input.start_year.map(|y| y.to_string()).unwrap_or_default(),
        end_year: input.end_year.map(|y| y.to_string()).unwrap_or_default(),
        languages: input.languages.join(" "),
        details: [
            "description",
            "results",
            "lessons",
            "replicability",
            "innovation",
            "sustainability",
        ]
        .into_iter()
        .map(|f| {
            (
                f,
                tr.t(&format!("submission-field-{f}")),
                text_in(input, &shown_lang, f),
            )
        })
        .collect(),
        funding: input.funding.clone().unwrap_or_default(),
        link: input.link.clone().unwrap_or_default(),
        attachments,
        accept: attachment_extensions()
            .iter()
            .map(|e| format!(".{e}"))
            .collect::<Vec<_>>()
            .join(","),
        file_hint: tr.t_with(
            "submission-file-hint",
            &[
                (
                    "types",
                    crate::i18n::Arg::Str(attachment_extensions().join(", ")),
                ),
                (
                    "mb",
                    crate::i18n::Arg::Num((MAX_ATTACHMENT_BYTES / (1024 * 1024)) as i64),
                ),
            ],
        ),
        practice_id: id,
        missing,
        feedback,
    })
}

#[derive(Deserialize, Default, IntoParams)]
pub struct StepQuery {
    /// Edit the texts in this language (a translation) instead of the original.
    #[serde(default)]
    pub text_lang: String,
    /// `basics`, `compact`, `place`, `details`, `files` or `submit`.
    #[serde(default)]
    pub step: String,
    /// The call for practices being answered (on `new`).
    #[serde(default)]
    pub call: String,
}

impl StepQuery {
    fn step(&self) -> AppResult<Step> {
        match self.step.as_str() {
            "" => Ok(Step::Basics),
            s => Step::parse(s).ok_or_else(|| AppError::invalid_parameter("step")),
        }
    }
}

fn blank_input(lang: Lang, user_id: &str) -> PracticeInput {
    let mut input = PracticeInput::new(
        &format!("submission:{}", gcm_store::new_id()),
        PracticeStatus::Draft,
        Source::Submission,
        lang.code(),
    );
    input.submitted_by = Some(user_id.to_string());
    input
}

/// Checks the organisation a new draft is for, and that the call it answers (if any) is open.
async fn check_org_and_call(
    state: &AppState,
    auth: &Auth,
    input: &mut PracticeInput,
    v: &Values,
) -> AppResult<Result<(), FieldError>> {
    let org = v.one("org_id");
    if org.is_empty() {
        return Ok(Err(refuse("org_id", "required")));
    }
    auth.require_user(&Action::SubmitPractice { org_id: &org })?;
    input.org_id = Some(org);
    input.call_id = optional(v.one("call_id"));
    if let Some(call) = &input.call_id {
        match gcm_store::calls::open_for_submission(&state.db, call, gcm_store::calls::today())
            .await
        {
            Ok(_) => {}
            Err(gcm_store::calls::CallError::Db(e)) => return Err(AppError::internal(e)),
            Err(_) => return Ok(Err(refuse("call_id", "call_closed"))),
        }
    }
    Ok(Ok(()))
}

/// `GET /{lang}/practices/new`
pub async fn new_form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Query(q): Query<StepQuery>,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    if submitting_orgs(&state, me).await?.is_empty() {
        return Err(AppError::forbidden());
    }
    let mut input = blank_input(lang, &me.user.id);
    input.call_id = optional(q.call.trim().to_string());
    let page = edit_page(
        &state,
        &auth,
        lang,
        me,
        None,
        &input,
        Step::Basics,
        None,
        None,
    )
    .await?;
    Ok(page_with_status(StatusCode::OK, &page))
}

/// `POST /{lang}/practices/new`: saves the first step as a new draft.
pub async fn create(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    if submitting_orgs(&state, me).await?.is_empty() {
        return Err(AppError::forbidden());
    }
    let v = Values::parse(&body);
    let mut input = blank_input(lang, &me.user.id);
    let checked = match check_org_and_call(&state, &auth, &mut input, &v).await? {
        Ok(()) => apply_step(Step::Basics, &v, &mut input, &state.compact),
        Err(e) => Err(e),
    };
    if let Err(e) = checked {
        let mut shown_input = input.clone();
        keep_typed(&mut shown_input, &v);
        let page = edit_page(
            &state,
            &auth,
            lang,
            me,
            None,
            &shown_input,
            Step::Basics,
            None,
            Some(e),
        )
        .await?;
        return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    }
    let (id, _) = practices::upsert(&state.db, &state.compact, &auth.actor(), &input)
        .await
        .map_err(AppError::internal)?;
    Ok(see_other(&format!(
        "/{}/practices/{id}/edit?step={}",
        lang.code(),
        Step::Compact.slug()
    )))
}

/// Puts the typed basics back into a refused form so nothing typed is lost.
fn keep_typed(input: &mut PracticeInput, v: &Values) {
    for field in ["title", "summary"] {
        set_text(input, field, &v.one(field));
    }
    input.implementer = optional(v.one("implementer"));
    input.focal_point_name = optional(v.one("focal_point_name"));
    input.focal_point_email = optional(v.one("focal_point_email"));
    input.on_behalf = v.one("on_behalf") == "1";
    if let Some(org) = optional(v.one("org_id")) {
        input.org_id = Some(org);
    }
}

/// Puts what was typed in a refused step back into the draft shown (not saved).
fn typed_view(step: Step, v: &Values, saved: &PracticeInput) -> PracticeInput {
    let mut shown = saved.clone();
    if let Some(lang) = translation_lang(v, saved) {
        for (field, _) in texts_of_step(step) {
            set_text_in(&mut shown, &lang, field, &v.one(field), "human");
        }
        return shown;
    }
    match step {
        Step::Basics => keep_typed(&mut shown, v),
        Step::Details => {
            for f in [
                "description",
                "results",
                "lessons",
                "replicability",
                "innovation",
                "sustainability",
            ] {
                set_text(&mut shown, f, &v.one(f));
            }
            shown.funding = optional(v.one("funding"));
            shown.link = optional(v.one("link"));
        }
        Step::Place => {
            shown.partners = optional(v.one("partners"));
            shown.languages = vec![v.one("languages")];
            shown.countries = v.all("country");
            shown.regions = v.all("region");
            shown.stakeholders = v.all("stakeholder");
        }
        Step::Compact => {
            shown.themes = v.all("theme");
            let mut links: Vec<Link> = v
                .all("objective")
                .into_iter()
                .map(|o| Link::new(format!("gcm:obj:{o}")))
                .collect();
            links.extend(v.all("action").into_iter().map(Link::new));
            for slug in v.all("principle") {
                let mut l = Link::new(format!("gcm:gp:{slug}"));
                l.note = optional(v.one(&format!("principle_note_{slug}")));
                links.push(l);
            }
            shown.links = links;
        }
        Step::Files | Step::Submit => {}
    }
    shown
}

/// `GET /{lang}/practices/{id}/edit?step=`
pub async fn edit_form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<StepQuery>,
) -> AppResult<Response> {
    let step = q.step()?;
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    let p = editable(&state, &auth, &id).await?;
    let input = p.to_input();
    let text_lang = optional(q.text_lang.trim().to_string());
    let page = edit_page(
        &state,
        &auth,
        lang,
        me,
        Some(&p),
        &input,
        step,
        text_lang.as_deref(),
        None,
    )
    .await?;
    Ok(page_with_status(StatusCode::OK, &page))
}

/// `POST /{lang}/practices/{id}/edit?step=`: saves the step; `go=next` moves on, `go=back`
/// goes back, anything else stays (the draft is saved either way).
pub async fn save_step(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<StepQuery>,
    RawForm(body): RawForm,
) -> AppResult<Response> {
    let step = q.step()?;
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    let p = editable(&state, &auth, &id).await?;
    let v = Values::parse(&body);
    let mut input = p.to_input();
    let text_lang = translation_lang(&v, &input);
    if let Err(e) = apply_step(step, &v, &mut input, &state.compact) {
        let shown_input = typed_view(step, &v, &input);
        let page = edit_page(
            &state,
            &auth,
            lang,
            me,
            Some(&p),
            &shown_input,
            step,
            text_lang.as_deref(),
            Some(e),
        )
        .await?;
        return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    }
    practices::upsert(&state.db, &state.compact, &auth.actor(), &input)
        .await
        .map_err(AppError::internal)?;
    let i = step.index();
    let to = match v.one("go").as_str() {
        "next" => Step::ALL.get(i + 1).copied().unwrap_or(step),
        "back" => Step::ALL.get(i.saturating_sub(1)).copied().unwrap_or(step),
        _ => step,
    };
    // Stay in the translation on the steps that hold texts.
    let lang_query = match &text_lang {
        Some(l) if !texts_of_step(to).is_empty() => format!("&text_lang={l}"),
        _ => String::new(),
    };
    Ok(see_other(&format!(
        "/{}/practices/{id}/edit?step={}&saved=1{lang_query}",
        lang.code(),
        to.slug()
    )))
}

fn submission_error(e: SubmissionError) -> AppError {
    match e {
        SubmissionError::NotFound => AppError::not_found(),
        SubmissionError::WrongState(s) => {
            AppError::new(StatusCode::CONFLICT, "practice_not_editable")
                .with_details(serde_json::json!({ "status": s }))
        }
        SubmissionError::Incomplete(fields) => {
            AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "practice_incomplete")
                .with_arg("fields", fields.join(", "))
                .with_details(serde_json::json!({ "missing": fields }))
        }
        SubmissionError::TooManyAttachments => {
            AppError::new(StatusCode::UNPROCESSABLE_ENTITY, "attachment_too_many")
        }
        SubmissionError::Db(d) => AppError::internal(d),
    }
}

/// Checks the call a practice answers is still open (a closed call takes no submissions).
async fn check_call(state: &AppState, p: &Practice) -> AppResult<()> {
    if let Some(call) = &p.call_id {
        gcm_store::calls::open_for_submission(&state.db, call, gcm_store::calls::today())
            .await
            .map_err(super::calls::call_error)?;
    }
    Ok(())
}

/// `POST /{lang}/practices/{id}/submit`
pub async fn submit(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    auth.require_user(&Action::ManageOwnAccount)?;
    let p = editable(&state, &auth, &id).await?;
    check_call(&state, &p).await?;
    submissions::submit(&state.db, &auth.actor(), &p)
        .await
        .map_err(submission_error)?;
    Ok(see_other(&format!("/{}/practices/{id}", lang.code())))
}

/// The error for a refused file, naming the accepted types.
pub fn attachment_error(p: AttachmentProblem) -> AppError {
    let status = match p {
        AttachmentProblem::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        AttachmentProblem::WrongType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    AppError::new(status, format!("attachment_{}", p.code()))
        .with_arg("types", attachment_extensions().join(", "))
        .with_details(serde_json::json!({ "field": "file", "code": p.code() }))
}

/// `POST /{lang}/practices/{id}/attachments` (multipart, field `file`; the CSRF token travels
/// in the query string or as the form's first field).
pub async fn upload(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    req: axum::extract::Request,
) -> AppResult<Response> {
    auth.require_user(&Action::ManageOwnAccount)?;
    // Permissions first: a malformed upload from someone not allowed is still a 403.
    let p = editable(&state, &auth, &id).await?;
    let form =
        crate::routes::forms::read_form(req, &state, MAX_ATTACHMENT_BYTES + 64 * 1024).await?;
    let (name, data) = form
        .file
        .ok_or_else(|| attachment_error(AttachmentProblem::Empty))?;
    let (name, media) = classify_attachment(&name, &data).map_err(attachment_error)?;
    submissions::add_attachment(&state.db, &auth.actor(), &p.id, &name, media, &data)
        .await
        .map_err(submission_error)?;
    Ok(see_other(&format!(
        "/{}/practices/{id}/edit?step={}&saved=1",
        lang.code(),
        Step::Files.slug()
    )))
}

/// `GET /{lang}/practices/{id}/attachments/{file}`: to whoever may see the practice.
pub async fn download(
    State(state): State<AppState>,
    auth: Auth,
    Path((_, id, file)): Path<(String, String, String)>,
) -> AppResult<Response> {
    super::visible(&state, &auth, &id).await?;
    let (a, data) = submissions::attachment(&state.db, &id, &file)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(crate::routes::forms::download(
        &a.filename,
        &a.content_type,
        data,
    ))
}

/// `POST /{lang}/practices/{id}/attachments/{file}/delete`
pub async fn delete_attachment(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id, file)): Path<(String, String, String)>,
) -> AppResult<Response> {
    auth.require_user(&Action::ManageOwnAccount)?;
    let p = editable(&state, &auth, &id).await?;
    if !submissions::remove_attachment(&state.db, &auth.actor(), &p.id, &file).await? {
        return Err(AppError::not_found());
    }
    Ok(see_other(&format!(
        "/{}/practices/{id}/edit?step={}&saved=1",
        lang.code(),
        Step::Files.slug()
    )))
}

pub struct MineRow {
    pub href: String,
    pub title: String,
    pub status_label: String,
}

#[derive(Template)]
#[template(path = "practices_mine.html")]
pub struct MinePage {
    pub c: Chrome,
    pub rows: Vec<MineRow>,
    pub can_submit: bool,
}

/// The practices of the caller's organisations and those they submitted, any status.
async fn own_practices(state: &AppState, me: &SignedIn, lang: Lang) -> AppResult<Vec<Summary>> {
    let filter = Filter {
        org_ids: me
            .principal
            .memberships
            .iter()
            .map(|(o, _)| o.clone())
            .collect(),
        submitted_by: Some(me.user.id.clone()),
        ..Filter::default()
    };
    Ok(
        practices::list(&state.db, &filter, Sort::Newest, lang.code(), 500, 0)
            .await?
            .0,
    )
}

/// `GET /{lang}/practices/mine`
pub async fn mine(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
) -> AppResult<Response> {
    let me = auth.require_user(&Action::ManageOwnAccount)?;
    let tr = Tr::new(lang);
    let rows = own_practices(&state, me, lang)
        .await?
        .into_iter()
        .map(|s| {
            let editable = PracticeStatus::parse(&s.status).is_some_and(|x| x.is_editable());
            MineRow {
                href: if editable {
                    format!("/{}/practices/{}/edit", lang.code(), s.id)
                } else {
                    format!("/{}/practices/{}", lang.code(), s.id)
                },
                title: if s.title.is_empty() {
                    s.external_id.clone()
                } else {
                    s.title.clone()
                },
                status_label: super::status_label(&tr, &s.status),
            }
        })
        .collect();
    let can_submit = !submitting_orgs(&state, me).await?.is_empty();
    Ok(page_with_status(
        StatusCode::OK,
        &MinePage {
            c: Chrome::new(
                &state,
                &auth,
                lang,
                "/practices/mine",
                Some(Area::Practices),
            ),
            rows,
            can_submit,
        },
    ))
}

#[derive(Deserialize, Default, IntoParams)]
pub struct DiffQuery {
    /// Earlier revision number (default: the one before `to`).
    pub from: Option<i64>,
    /// Later revision number (default: the latest).
    pub to: Option<i64>,
}

pub struct RevisionRow {
    pub rev: i64,
    pub at: String,
    pub by: String,
}

pub struct ChangeView {
    pub field: String,
    /// Word-level comparison: (kind, text) with kind `same`, `del` or `ins`.
    pub words: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "practice_revisions.html")]
pub struct RevisionsPage {
    pub c: Chrome,
    pub id: String,
    pub title: String,
    pub revisions: Vec<RevisionRow>,
    pub from: i64,
    pub to: i64,
    pub changes_heading: String,
    pub changes: Vec<ChangeView>,
}

/// Word-level differences, for long texts.
fn words(before: &str, after: &str) -> Vec<(&'static str, String)> {
    similar::TextDiff::from_words(before, after)
        .iter_all_changes()
        .map(|c| {
            (
                match c.tag() {
                    similar::ChangeTag::Equal => "same",
                    similar::ChangeTag::Delete => "del",
                    similar::ChangeTag::Insert => "ins",
                },
                c.value().to_string(),
            )
        })
        .collect()
}

/// The two revisions to compare and their changes; a 400 naming `from`/`to` when unknown.
async fn compare(
    state: &AppState,
    id: &str,
    q: &DiffQuery,
) -> AppResult<(
    Vec<submissions::Revision>,
    i64,
    i64,
    Vec<submissions::Change>,
)> {
    let revs = submissions::revisions(&state.db, id).await?;
    let last = revs.last().map(|r| r.rev).unwrap_or(0);
    let to = q.to.unwrap_or(last);
    let from = q.from.unwrap_or((to - 1).max(1));
    let find = |n: i64, name: &str| {
        revs.iter()
            .find(|r| r.rev == n)
            .map(|r| r.snapshot.clone())
            .ok_or_else(|| AppError::invalid_parameter(name))
    };
    let changes = if revs.is_empty() {
        Vec::new()
    } else {
        submissions::diff(&find(from, "from")?, &find(to, "to")?)
    };
    Ok((revs, from, to, changes))
}

/// `GET /{lang}/practices/{id}/revisions?from=&to=`: every revision and what changed.
/// Submitters, reviewers and the secretariat only: earlier versions are not public.
pub async fn revisions_page(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    auth: Auth,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<DiffQuery>,
) -> AppResult<Response> {
    let (p, who) = super::visible_with_access(&state, &auth, &id).await?;
    if who == Access::Public {
        return Err(if auth.user().is_some() {
            AppError::forbidden()
        } else {
            AppError::unauthorized()
        });
    }
    let (revs, from, to, changes) = compare(&state, &id, &q).await?;
    let title = p.title(lang.code());
    Ok(page_with_status(
        StatusCode::OK,
        &RevisionsPage {
            c: Chrome::new(
                &state,
                &auth,
                lang,
                &format!("/practices/{id}/revisions"),
                Some(Area::Practices),
            ),
            id: id.clone(),
            title,
            revisions: revs
                .iter()
                .map(|r| RevisionRow {
                    rev: r.rev,
                    at: super::shown_time(&r.at, true),
                    by: r.by_name.clone().unwrap_or_default(),
                })
                .collect(),
            from,
            to,
            changes_heading: Tr::new(lang).t_with(
                "submission-changes",
                &[
                    ("from", crate::i18n::Arg::Num(from)),
                    ("to", crate::i18n::Arg::Num(to)),
                ],
            ),
            changes: changes
                .into_iter()
                .map(|c| ChangeView {
                    words: words(&c.before, &c.after),
                    field: c.field,
                })
                .collect(),
        },
    ))
}

/// A draft's fields in the API: every field optional; only those given are changed.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct DraftFields {
    /// The organisation submitting (on create; a focal point or editor of it may submit).
    pub org_id: Option<String>,
    /// Language the texts are written in (en, fr, es, nb, nl).
    pub original_lang: Option<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub results: Option<String>,
    pub lessons: Option<String>,
    pub replicability: Option<String>,
    pub innovation: Option<String>,
    pub sustainability: Option<String>,
    /// Submitted on behalf of `implementer`, whose focal point is named.
    pub on_behalf: Option<bool>,
    pub implementer: Option<String>,
    pub focal_point_name: Option<String>,
    pub focal_point_email: Option<String>,
    /// A call for practices being answered.
    pub call_id: Option<String>,
    /// Objective numbers 1–23 (at least one).
    pub objectives: Option<Vec<u8>>,
    /// Action references, e.g. `gcm:obj:20:c`.
    pub actions: Option<Vec<String>>,
    /// Guiding principles by slug, with how the practice adheres.
    pub principles: Option<Vec<PrincipleAdherence>>,
    pub themes: Option<Vec<String>>,
    /// `local`, `national`, `regional` or `global`.
    pub scope: Option<String>,
    /// `completed`, `mostly_completed` or `ongoing`.
    pub progress: Option<String>,
    /// ISO 3166-1 alpha-3 codes.
    pub countries: Option<Vec<String>>,
    /// UN M49 region codes.
    pub regions: Option<Vec<String>>,
    /// Kinds of stakeholder involved.
    pub stakeholders: Option<Vec<String>>,
    pub partners: Option<String>,
    pub start_year: Option<i64>,
    pub end_year: Option<i64>,
    /// Language codes the practice works in.
    pub languages: Option<Vec<String>>,
    pub funding: Option<String>,
    pub link: Option<String>,
    /// Texts in other languages than the original (an empty text removes one).
    pub translations: Option<Vec<TranslationIn>>,
}

/// One text field in one language, by a person or a machine.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct TranslationIn {
    /// `title`, `summary`, `description`, `results`, `lessons`, `replicability`,
    /// `innovation` or `sustainability`.
    pub field: String,
    /// Language code, e.g. `fr`, `ar`.
    pub lang: String,
    pub text: String,
    /// `human` (default) or `machine`.
    #[serde(default)]
    pub origin: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct PrincipleAdherence {
    pub slug: String,
    #[serde(default)]
    pub how: String,
}

impl DraftFields {
    /// The form values of one step, from the saved draft overlaid with the fields given, so the
    /// API shares the form's checks.
    fn values(&self, step: Step, saved: &PracticeInput) -> Values {
        let mut v = Values::default();
        let text = |field: &str, given: &Option<String>| {
            given.clone().unwrap_or_else(|| text_of(saved, field))
        };
        let opt = |given: &Option<String>, saved: &Option<String>| {
            given.clone().or_else(|| saved.clone()).unwrap_or_default()
        };
        match step {
            Step::Basics => {
                v.push(
                    "original_lang",
                    self.original_lang
                        .clone()
                        .unwrap_or(saved.original_lang.clone()),
                );
                v.push("title", text("title", &self.title));
                v.push("summary", text("summary", &self.summary));
                if self.on_behalf.unwrap_or(saved.on_behalf) {
                    v.push("on_behalf", "1");
                }
                v.push("implementer", opt(&self.implementer, &saved.implementer));
                v.push(
                    "focal_point_name",
                    opt(&self.focal_point_name, &saved.focal_point_name),
                );
                v.push(
                    "focal_point_email",
                    opt(&self.focal_point_email, &saved.focal_point_email),
                );
                v.push("org_id", opt(&self.org_id, &saved.org_id));
                v.push("call_id", opt(&self.call_id, &saved.call_id));
            }
            Step::Compact => {
                let saved_refs: Vec<Ref> = saved
                    .links
                    .iter()
                    .filter_map(|l| l.reference.parse().ok())
                    .collect();
                match &self.objectives {
                    Some(list) => list.iter().for_each(|n| v.push("objective", n.to_string())),
                    None => saved_refs.iter().for_each(|r| {
                        if let Ref::Objective {
                            number,
                            action: None,
                        } = r
                        {
                            v.push("objective", number.to_string())
                        }
                    }),
                }
                match &self.actions {
                    Some(list) => list.iter().for_each(|a| v.push("action", a.clone())),
                    None => saved_refs.iter().for_each(|r| {
                        if matches!(
                            r,
                            Ref::Objective {
                                action: Some(_),
                                ..
                            }
                        ) {
                            v.push("action", r.to_string())
                        }
                    }),
                }
                match &self.principles {
                    Some(list) => list.iter().for_each(|p| {
                        v.push("principle", p.slug.clone());
                        v.push(&format!("principle_note_{}", p.slug), p.how.clone());
                    }),
                    None => saved.links.iter().for_each(|l| {
                        if let Some(slug) = l.reference.strip_prefix("gcm:gp:") {
                            v.push("principle", slug);
                            v.push(
                                &format!("principle_note_{slug}"),
                                l.note.clone().unwrap_or_default(),
                            );
                        }
                    }),
                }
                for t in self.themes.as_ref().unwrap_or(&saved.themes) {
                    v.push("theme", t.clone());
                }
            }
            Step::Place => {
                v.push(
                    "scope",
                    self.scope
                        .clone()
                        .or(saved.scope.map(|s| s.as_str().to_string()))
                        .unwrap_or_default(),
                );
                v.push(
                    "progress",
                    self.progress
                        .clone()
                        .or(saved.progress.map(|s| s.as_str().to_string()))
                        .unwrap_or_default(),
                );
                for c in self.countries.as_ref().unwrap_or(&saved.countries) {
                    v.push("country", c.clone());
                }
                for r in self.regions.as_ref().unwrap_or(&saved.regions) {
                    v.push("region", r.clone());
                }
                for k in self.stakeholders.as_ref().unwrap_or(&saved.stakeholders) {
                    v.push("stakeholder", k.clone());
                }
                v.push("partners", opt(&self.partners, &saved.partners));
                let year = |given: Option<i64>, saved: Option<i64>| {
                    given.or(saved).map(|y| y.to_string()).unwrap_or_default()
                };
                v.push("start_year", year(self.start_year, saved.start_year));
                v.push("end_year", year(self.end_year, saved.end_year));
                v.push(
                    "languages",
                    self.languages
                        .as_ref()
                        .unwrap_or(&saved.languages)
                        .join(" "),
                );
            }
            Step::Details => {
                for (f, given) in [
                    ("description", &self.description),
                    ("results", &self.results),
                    ("lessons", &self.lessons),
                    ("replicability", &self.replicability),
                    ("innovation", &self.innovation),
                    ("sustainability", &self.sustainability),
                ] {
                    v.push(f, text(f, given));
                }
                v.push("funding", opt(&self.funding, &saved.funding));
                v.push("link", opt(&self.link, &saved.link));
            }
            Step::Files | Step::Submit => {}
        }
        v
    }

    /// Whether any field of `step` was given.
    fn touches(&self, step: Step) -> bool {
        match step {
            Step::Basics => {
                self.original_lang.is_some()
                    || self.title.is_some()
                    || self.summary.is_some()
                    || self.on_behalf.is_some()
                    || self.implementer.is_some()
                    || self.focal_point_name.is_some()
                    || self.focal_point_email.is_some()
                    || self.call_id.is_some()
            }
            Step::Compact => {
                self.objectives.is_some()
                    || self.actions.is_some()
                    || self.principles.is_some()
                    || self.themes.is_some()
            }
            Step::Place => {
                self.scope.is_some()
                    || self.progress.is_some()
                    || self.countries.is_some()
                    || self.regions.is_some()
                    || self.stakeholders.is_some()
                    || self.partners.is_some()
                    || self.start_year.is_some()
                    || self.end_year.is_some()
                    || self.languages.is_some()
            }
            Step::Details => {
                self.description.is_some()
                    || self.results.is_some()
                    || self.lessons.is_some()
                    || self.replicability.is_some()
                    || self.innovation.is_some()
                    || self.sustainability.is_some()
                    || self.funding.is_some()
                    || self.link.is_some()
            }
            Step::Files | Step::Submit => false,
        }
    }

    /// Applies every step the request touches, through the form's checks.
    fn apply(
        &self,
        input: &mut PracticeInput,
        compact: &gcm_compact::Compact,
    ) -> Result<(), FieldError> {
        for step in [Step::Basics, Step::Compact, Step::Place, Step::Details] {
            if self.touches(step) {
                let v = self.values(step, input);
                apply_step(step, &v, input, compact)?;
            }
        }
        if let Some(list) = &self.translations {
            let mut next = input.clone();
            for t in list {
                let field = practices::TEXT_FIELDS
                    .iter()
                    .find(|f| **f == t.field)
                    .ok_or(refuse("translations", "unknown"))?;
                let lang_ok = (2..=8).contains(&t.lang.len())
                    && t.lang.chars().all(|c| c.is_ascii_lowercase() || c == '-');
                if !lang_ok || t.lang == next.original_lang {
                    return Err(refuse("translations", "unknown"));
                }
                let origin = match t.origin.as_deref() {
                    None | Some("human") => "human",
                    Some("machine") => "machine",
                    Some(_) => return Err(refuse("translations", "unknown")),
                };
                if t.text.chars().count() > TEXT_MAX {
                    return Err(refuse("translations", "too_long"));
                }
                set_text_in(&mut next, &t.lang, field, t.text.trim(), origin);
            }
            *input = next;
        }
        Ok(())
    }
}

/// Where a submission stands, for its submitter.
#[derive(Serialize, ToSchema)]
pub struct SubmissionStatus {
    pub id: String,
    /// `draft`, `submitted`, `in_review`, `revision_requested`, `published` or `rejected`.
    pub status: String,
    pub review_round: i64,
    pub submitted_at: Option<String>,
    /// Mandatory fields still empty.
    pub missing: Vec<String>,
    /// Dated steps, with revision requests and decision reasons (reviewers stay anonymous).
    #[schema(value_type = Vec<Object>)]
    pub history: Vec<submissions::Event>,
    #[schema(value_type = Vec<Object>)]
    pub attachments: Vec<Attachment>,
}

async fn status_of(state: &AppState, p: &Practice, staff: bool) -> AppResult<SubmissionStatus> {
    Ok(SubmissionStatus {
        id: p.id.clone(),
        status: p.status.clone(),
        review_round: p.review_round,
        submitted_at: p.submitted_at.clone(),
        missing: submissions::missing_fields(p)
            .into_iter()
            .map(str::to_string)
            .collect(),
        history: submissions::history(&state.db, &p.id, !staff).await?,
        attachments: submissions::attachments(&state.db, &p.id).await?,
    })
}

#[utoipa::path(
    post,
    path = "/api/v1/practices",
    tag = "practices",
    security(("bearer" = [])),
    request_body = DraftFields,
    responses(
        (status = 201, description = "Draft saved", body = SubmissionStatus),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not a focal point or editor of that organisation", body = ErrorEnvelope),
        (status = 422, description = "A field is not valid (details name it)", body = ErrorEnvelope),
    )
)]
pub async fn api_create(
    State(state): State<AppState>,
    auth: Auth,
    Json(f): Json<DraftFields>,
) -> AppResult<(StatusCode, Json<SubmissionStatus>)> {
    let org = f.org_id.clone().unwrap_or_default();
    let me = auth.require_user(&Action::SubmitPractice { org_id: &org })?;
    let lang = f
        .original_lang
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or(Lang::En);
    let mut input = blank_input(lang, &me.user.id);
    let mut given = Values::default();
    given.push("org_id", org);
    given.push("call_id", f.call_id.clone().unwrap_or_default());
    check_org_and_call(&state, &auth, &mut input, &given)
        .await?
        .map_err(|e| e.api())?;
    // A draft needs at least its basics.
    let mut f = f;
    if f.title.is_none() {
        f.title = Some(String::new());
    }
    f.apply(&mut input, &state.compact).map_err(|e| e.api())?;
    let (id, _) = practices::upsert(&state.db, &state.compact, &auth.actor(), &input)
        .await
        .map_err(AppError::internal)?;
    let p = practices::get(&state.db, &id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok((
        StatusCode::CREATED,
        Json(status_of(&state, &p, false).await?),
    ))
}

#[utoipa::path(
    patch,
    path = "/api/v1/practices/{id}",
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "Practice id")),
    request_body = DraftFields,
    responses(
        (status = 200, description = "Draft saved", body = SubmissionStatus),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not the submitting organisation", body = ErrorEnvelope),
        (status = 404, description = "No such practice", body = ErrorEnvelope),
        (status = 409, description = "Not a draft nor sent back for revision", body = ErrorEnvelope),
        (status = 422, description = "A field is not valid (details name it)", body = ErrorEnvelope),
    )
)]
pub async fn api_update(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Json(f): Json<DraftFields>,
) -> AppResult<Json<SubmissionStatus>> {
    auth.require_user(&Action::ManageOwnAccount)?;
    let p = editable(&state, &auth, &id).await?;
    let mut input = p.to_input();
    // The organisation of a draft does not change.
    let f = DraftFields { org_id: None, ..f };
    f.apply(&mut input, &state.compact).map_err(|e| e.api())?;
    practices::upsert(&state.db, &state.compact, &auth.actor(), &input)
        .await
        .map_err(AppError::internal)?;
    let p = practices::get(&state.db, &id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(Json(status_of(&state, &p, false).await?))
}

#[utoipa::path(
    post,
    path = "/api/v1/practices/{id}/submit",
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "Practice id")),
    responses(
        (status = 200, description = "Submitted for peer review", body = SubmissionStatus),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Not the submitting organisation", body = ErrorEnvelope),
        (status = 404, description = "No such practice", body = ErrorEnvelope),
        (status = 409, description = "Not a draft nor sent back for revision", body = ErrorEnvelope),
        (status = 422, description = "Mandatory fields missing (details list them), or the call is closed", body = ErrorEnvelope),
    )
)]
pub async fn api_submit(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<SubmissionStatus>> {
    auth.require_user(&Action::ManageOwnAccount)?;
    let p = editable(&state, &auth, &id).await?;
    check_call(&state, &p).await?;
    submissions::submit(&state.db, &auth.actor(), &p)
        .await
        .map_err(submission_error)?;
    let p = practices::get(&state.db, &id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok(Json(status_of(&state, &p, false).await?))
}

#[utoipa::path(
    get,
    path = "/api/v1/practices/{id}/submission",
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "Practice id")),
    responses(
        (status = 200, description = "Status, history and feedback", body = SubmissionStatus),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Neither the submitter, a reviewer of it nor the secretariat", body = ErrorEnvelope),
        (status = 404, description = "No such practice", body = ErrorEnvelope),
    )
)]
pub async fn api_submission(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> AppResult<Json<SubmissionStatus>> {
    auth.require_user(&Action::ManageOwnAccount)?;
    let (p, who) = super::visible_with_access(&state, &auth, &id).await?;
    let staff = match who {
        Access::Public => return Err(AppError::forbidden()),
        Access::Secretariat => true,
        Access::Submitter { .. } | Access::Reviewer => false,
    };
    Ok(Json(status_of(&state, &p, staff).await?))
}

/// Revisions and what changed between two of them.
#[derive(Serialize, ToSchema)]
pub struct RevisionDiff {
    pub revisions: Vec<RevisionInfo>,
    pub from: i64,
    pub to: i64,
    #[schema(value_type = Vec<Object>)]
    pub changes: Vec<submissions::Change>,
}

#[derive(Serialize, ToSchema)]
pub struct RevisionInfo {
    pub rev: i64,
    pub at: String,
    pub by: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/practices/{id}/revisions",
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "Practice id"), DiffQuery),
    responses(
        (status = 200, description = "Every revision, and the changes from `from` to `to`", body = RevisionDiff),
        (status = 400, description = "No such revision", body = ErrorEnvelope),
        (status = 401, description = "Not signed in", body = ErrorEnvelope),
        (status = 403, description = "Neither the submitter, a reviewer of it nor the secretariat", body = ErrorEnvelope),
        (status = 404, description = "No such practice", body = ErrorEnvelope),
    )
)]
pub async fn api_revisions(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Query(q): Query<DiffQuery>,
) -> AppResult<Json<RevisionDiff>> {
    auth.require_user(&Action::ManageOwnAccount)?;
    let (_, who) = super::visible_with_access(&state, &auth, &id).await?;
    if who == Access::Public {
        return Err(AppError::forbidden());
    }
    let (revs, from, to, changes) = compare(&state, &id, &q).await?;
    Ok(Json(RevisionDiff {
        revisions: revs
            .into_iter()
            .map(|r| RevisionInfo {
                rev: r.rev,
                at: r.at,
                by: r.by_name,
            })
            .collect(),
        from,
        to,
        changes,
    }))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_mandatory_field_has_a_step() {
        for f in [
            "title",
            "summary",
            "description",
            "results",
            "objectives",
            "scope",
            "progress",
            "countries",
            "focal_point",
        ] {
            let step = Step::of_field(f);
            assert_ne!(step, Step::Files, "{f}");
        }
        assert_eq!(Step::of_field("countries"), Step::Place);
        assert_eq!(Step::of_field("results"), Step::Details);
        assert_eq!(Step::parse("files"), Some(Step::Files));
        assert_eq!(Step::parse("nope"), None);
    }

    #[test]
    fn a_refused_step_leaves_the_draft_alone() {
        let compact = gcm_compact::Compact::load_shipped().unwrap();
        let mut input = blank_input(Lang::En, "u");
        let mut v = Values::default();
        v.push("objective", "20");
        v.push("objective", "24");
        let before = input.clone();
        assert_eq!(
            apply_step(Step::Compact, &v, &mut input, &compact),
            Err(refuse("objectives", "unknown"))
        );
        assert_eq!(input.links, before.links);
        let mut v = Values::default();
        v.push("objective", "20");
        v.push("action", "gcm:obj:20:c");
        v.push("principle", "human-rights");
        v.push("principle_note_human-rights", "Rights of migrant workers");
        apply_step(Step::Compact, &v, &mut input, &compact).unwrap();
        let refs: Vec<&str> = input.links.iter().map(|l| l.reference.as_str()).collect();
        assert_eq!(refs, ["gcm:obj:20", "gcm:obj:20:c", "gcm:gp:human-rights"]);
        assert_eq!(
            input.links[2].note.as_deref(),
            Some("Rights of migrant workers")
        );
    }
}
