//! Keeps this node's search index in step with the database (the only source of truth): the
//! database's items as search documents, a full rebuild (first start, a new index schema,
//! `gcm-hub reindex`), and a follower of the change log that applies every write within a
//! fraction of a second, on every node.

use std::sync::Arc;
use std::time::Duration;

use gcm_compact::Compact;
use gcm_search::{SearchDoc, SearchIndex, Visibility};
use gcm_store::change_log::{self, Follower, Op};
use gcm_store::{Db, DbError, practices};
use tokio::sync::watch;

/// How often the follower looks for new changes.
pub const POLL: Duration = Duration::from_millis(200);
/// How long a hole in the change log is awaited (a transaction still committing) before it is
/// taken for a rollback.
const GAP_TIMEOUT: Duration = Duration::from_secs(30);

/// Kinds of item the index holds, as change-log entity names.
pub const KINDS: [&str; 5] = [
    "practice",
    "resource",
    "recommendation",
    "call",
    "hub_request",
];

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Search(#[from] gcm_search::SearchError),
}

/// Who may find a practice that is not published: its organisation, whoever submitted it, the
/// reviewers assigned to it and the secretariat.
async fn practice_visibility(db: &Db, p: &practices::Practice) -> Result<Visibility, DbError> {
    if p.status == "published" {
        return Ok(Visibility::Public);
    }
    let reviewers: Vec<String> = gcm_store::reviews::of_practice(db, &p.id)
        .await?
        .into_iter()
        .filter(|r| r.state != "conflict")
        .map(|r| r.reviewer_id)
        .collect();
    Ok(Visibility::Restricted {
        org_ids: p.org_id.iter().cloned().collect(),
        user_ids: p.submitted_by.iter().cloned().chain(reviewers).collect(),
        roles: vec!["secretariat".into(), "administrator".into()],
    })
}

/// A practice as a search document (texts in its original language; the glossary reaches
/// the others).
pub async fn practice_doc(db: &Db, id: &str) -> Result<Option<SearchDoc>, DbError> {
    let Some(p) = practices::get(db, id).await? else {
        return Ok(None);
    };
    let text = |field: &str| {
        p.texts
            .iter()
            .find(|t| t.field == field && t.lang == p.original_lang)
            .map(|t| t.text.clone())
    };
    let body = [
        "description",
        "results",
        "lessons",
        "replicability",
        "innovation",
        "sustainability",
    ]
    .iter()
    .filter_map(|f| text(f))
    .collect::<Vec<_>>()
    .join("\n\n");
    let org_kind = match &p.org_id {
        Some(o) => gcm_store::orgs::get(db, o)
            .await?
            .map(|o| o.kind.as_str().to_string()),
        None => None,
    };
    Ok(Some(SearchDoc {
        kind: "practice".into(),
        id: p.id.clone(),
        title: text("title").unwrap_or_else(|| p.external_id.clone()),
        summary: text("summary"),
        body: [p.implementer.clone().unwrap_or_default(), body].join("\n\n"),
        lang: Some(p.original_lang.clone()),
        objectives: p.objectives(),
        principles: p
            .links
            .iter()
            .filter_map(|l| l.reference.strip_prefix("gcm:gp:").map(str::to_string))
            .collect(),
        countries: p.countries.clone(),
        regions: regions_of(&p.countries, &p.regions),
        themes: p.themes.clone(),
        org_kind,
        year: p.start_year,
        url: format!("/en/practices/{}", p.id),
        visibility: practice_visibility(db, &p).await?,
    }))
}

/// The UN M49 regions a practice is tagged with, plus the region and sub-region of each of its
/// countries, so the region filter and facet also reach practices tagged only by country.
fn regions_of(countries: &[String], tagged: &[String]) -> Vec<String> {
    let mut out: Vec<String> = tagged.to_vec();
    for c in countries.iter().filter_map(|c| gcm_core::geo::country(c)) {
        out.extend(c.region.iter().cloned());
        out.extend(c.sub_region.iter().cloned());
        out.extend(c.intermediate_region.iter().cloned());
    }
    out.sort();
    out.dedup();
    out
}

fn objectives_u8(v: &[i64]) -> Vec<u8> {
    v.iter().filter_map(|n| u8::try_from(*n).ok()).collect()
}

async fn resource_docs(db: &Db, id: Option<&str>) -> Result<Vec<SearchDoc>, DbError> {
    let filter = gcm_store::resources::Filter {
        id: id.map(str::to_string),
        ..Default::default()
    };
    let (items, _) = gcm_store::resources::list(db, &filter, i64::MAX / 4, 0).await?;
    Ok(items
        .into_iter()
        .map(|r| SearchDoc {
            kind: "resource".into(),
            url: format!("/en/resources?kind={}", r.kind),
            title: r.title,
            summary: None,
            body: [r.summary, r.publisher, r.organisation].join("\n\n"),
            lang: Some(r.lang),
            objectives: objectives_u8(&r.objectives),
            themes: r.themes,
            year: r.created_at.get(..4).and_then(|y| y.parse().ok()),
            visibility: Visibility::Public,
            id: r.id,
            ..SearchDoc::default()
        })
        .collect())
}

async fn recommendation_docs(db: &Db, id: Option<&str>) -> Result<Vec<SearchDoc>, DbError> {
    let filter = gcm_store::recommendations::Filter {
        id: id.map(str::to_string),
        ..Default::default()
    };
    let (items, _) = gcm_store::recommendations::list(db, &filter, "en", i64::MAX / 4, 0).await?;
    Ok(items
        .into_iter()
        .map(|r| {
            let title: String = r.text.chars().take(120).collect();
            SearchDoc {
                kind: "recommendation".into(),
                url: format!("/en/recommendations#{}", r.external_id),
                title,
                body: [r.focus_area.unwrap_or_default(), r.text].join("\n\n"),
                lang: Some(r.lang),
                objectives: objectives_u8(&r.objectives),
                visibility: Visibility::Public,
                id: r.id,
                ..SearchDoc::default()
            }
        })
        .collect())
}

fn call_doc(c: gcm_store::calls::Call) -> SearchDoc {
    let text = |f: &str| {
        c.text(f, &c.original_lang)
            .map(|t| t.text.clone())
            .unwrap_or_default()
    };
    SearchDoc {
        kind: "call".into(),
        url: format!("/en/practices/calls/{}", c.id),
        title: text("title"),
        body: text("description"),
        lang: Some(c.original_lang.clone()),
        objectives: c.objectives.clone(),
        themes: c.theme.iter().cloned().collect(),
        year: c.deadline.get(..4).and_then(|y| y.parse().ok()),
        visibility: Visibility::Public,
        id: c.id,
        ..SearchDoc::default()
    }
}

/// A support request as a search document. Public submitted requests are found by everyone
/// (their public part: title, description, objectives, country); the others by the requesting
/// organisation and, once submitted, by the secretariat and the organisations invited as
/// partners. A draft is its organisation's alone.
pub async fn request_doc(db: &Db, id: &str) -> Result<Option<SearchDoc>, DbError> {
    let Some(r) = gcm_store::hub_requests::load(db, id).await? else {
        return Ok(None);
    };
    let text = |f: &str| {
        r.text(f, &r.original_lang)
            .map(|t| t.text.clone())
            .unwrap_or_default()
    };
    let visibility = if r.is_visible_publicly() {
        Visibility::Public
    } else if r.status == gcm_core::hub::RequestStatus::Draft {
        Visibility::Restricted {
            org_ids: vec![r.org_id.clone()],
            user_ids: Vec::new(),
            roles: Vec::new(),
        }
    } else {
        let mut org_ids = vec![r.org_id.clone()];
        org_ids.extend(gcm_store::hub_setup::invited_requests_orgs(db, id).await?);
        Visibility::Restricted {
            org_ids,
            user_ids: Vec::new(),
            roles: vec!["secretariat".into(), "administrator".into()],
        }
    };
    Ok(Some(SearchDoc {
        kind: gcm_store::hub_requests::ENTITY.into(),
        url: format!("/en/hub/requests/{}", r.id),
        title: text("title"),
        body: text("description"),
        lang: Some(r.original_lang.clone()),
        objectives: r.objectives.clone(),
        principles: r.principles.clone(),
        countries: vec![r.country.clone()],
        regions: r.region.iter().cloned().collect(),
        org_kind: Some(r.org_kind.clone()),
        year: r
            .submitted_at
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok()),
        visibility,
        id: r.id,
        ..SearchDoc::default()
    }))
}

/// The current document of one changed item (None: gone, or a kind the index does not hold).
pub async fn doc_of(db: &Db, entity: &str, id: &str) -> Result<Option<SearchDoc>, DbError> {
    Ok(match entity {
        "practice" => practice_doc(db, id).await?,
        "resource" => resource_docs(db, Some(id)).await?.into_iter().next(),
        "recommendation" => recommendation_docs(db, Some(id)).await?.into_iter().next(),
        "call" => gcm_store::calls::get(db, id).await?.map(call_doc),
        "hub_request" => request_doc(db, id).await?,
        _ => None,
    })
}

/// The Compact's paragraphs outside the objectives (preamble, vision and principles,
/// cooperative framework, implementation, follow-up and review), with their lettered items, in
/// each language held, plus gcm-hub's English summary where there is one. The objectives'
/// commitments and actions come from `gcm_search::fixture::compact_docs`.
pub fn paragraph_docs(compact: &Compact) -> Vec<SearchDoc> {
    let mut out = Vec::new();
    for p in &compact.structure().paragraphs {
        if p.objective.is_some() || (17..=39).contains(&p.number) {
            continue;
        }
        let anchor = format!("/compact/chapters/{}#para-{}", p.section.slug(), p.number);
        let mut refs = vec![p.reference];
        refs.extend(p.items.iter().map(|i| i.reference));
        for (code, lang) in [("nb", gcm_compact::Lang::Nb), ("nl", gcm_compact::Lang::Nl)] {
            let body = refs
                .iter()
                .filter_map(|r| compact.resolve_in(r, lang).ok().map(|t| t.text.to_string()))
                .collect::<Vec<_>>()
                .join("\n");
            if body.is_empty() {
                continue;
            }
            out.push(SearchDoc {
                kind: "compact".into(),
                id: format!("{}@{code}", p.reference),
                title: format!("{} {}", paragraph_word(code), p.number),
                body,
                lang: Some(code.into()),
                url: format!("/{code}{anchor}"),
                visibility: Visibility::Public,
                ..SearchDoc::default()
            });
        }
        if let Some(summary) = compact.english().summary(&p.reference) {
            out.push(SearchDoc {
                kind: "compact".into(),
                id: format!("{}@en", p.reference),
                title: format!("Paragraph {}", p.number),
                body: summary.to_string(),
                lang: Some("en".into()),
                url: format!("/en{anchor}"),
                visibility: Visibility::Public,
                ..SearchDoc::default()
            });
        }
    }
    out
}

fn paragraph_word(lang: &str) -> &'static str {
    match lang {
        "nb" => "Avsnitt",
        "nl" => "Paragraaf",
        _ => "Paragraph",
    }
}

/// Every item of the database as documents, with the whole Compact.
pub async fn all_docs(db: &Db, compact: &Compact) -> Result<Vec<SearchDoc>, DbError> {
    let mut out = gcm_search::fixture::compact_docs(compact);
    out.extend(paragraph_docs(compact));
    let all = practices::Filter::default();
    let (items, _) =
        practices::list(db, &all, practices::Sort::Oldest, "", i64::MAX / 4, 0).await?;
    for s in items {
        if let Some(d) = practice_doc(db, &s.id).await? {
            out.push(d);
        }
    }
    out.extend(resource_docs(db, None).await?);
    out.extend(recommendation_docs(db, None).await?);
    for c in gcm_store::calls::list(db, gcm_store::calls::today()).await? {
        out.push(call_doc(c));
    }
    for id in gcm_store::hub_requests::all_ids(db).await? {
        if let Some(d) = request_doc(db, &id).await? {
            out.push(d);
        }
    }
    Ok(out)
}

/// Rebuilds the index from the database; `progress(done, total)` is called as it goes.
/// Returns the change-log position the index reflects (follow from there).
pub async fn rebuild(
    db: &Db,
    compact: &Compact,
    index: &SearchIndex,
    mut progress: impl FnMut(usize, usize),
) -> Result<i64, IndexError> {
    // Read the head first: a change made while documents are read is applied again by the
    // follower, never missed.
    let head = change_log::head(db).await?;
    let docs = all_docs(db, compact).await?;
    let total = docs.len();
    index.rebuild(docs, |done| progress(done, total))?;
    Ok(head)
}

/// Applies changes to the index; returns how many documents were written or removed.
pub async fn apply(
    db: &Db,
    index: &SearchIndex,
    changes: &[change_log::Change],
) -> Result<usize, IndexError> {
    let mut n = 0;
    let mut docs = Vec::new();
    // An item changed several times in the batch is read once, as it is now.
    let mut seen = std::collections::HashSet::new();
    for c in changes.iter().rev() {
        if !KINDS.contains(&c.entity.as_str()) || !seen.insert((&c.entity, &c.id)) {
            continue;
        }
        match (c.op, doc_of(db, &c.entity, &c.id).await?) {
            (Op::Upsert, Some(doc)) => docs.push(doc),
            _ => index.delete(&c.entity, &c.id),
        }
        n += 1;
    }
    index.upsert(docs)?;
    if n > 0 {
        index.commit()?;
    }
    Ok(n)
}

/// Where the follower's checkpoint is kept, next to an on-disk index: the change-log position
/// the index is known to reflect, written after each commit.
fn read_checkpoint(file: Option<&std::path::Path>) -> Option<i64> {
    std::fs::read_to_string(file?).ok()?.trim().parse().ok()
}

/// The checkpoint file of an index kept in `search_dir`.
pub fn checkpoint_file(search_dir: &std::path::Path) -> std::path::PathBuf {
    search_dir.join("checkpoint")
}

/// Records that the index reflects the change log up to `seq`.
pub fn write_checkpoint(file: Option<&std::path::Path>, seq: i64) {
    if let Some(f) = file
        && let Err(e) = std::fs::write(f, seq.to_string())
    {
        // Only costs a longer catch-up after a restart.
        tracing::warn!(error = %e, "search checkpoint not saved");
    }
}

/// Resumes from the checkpoint kept with a non-empty index (only what changed since is read
/// again); builds the index when it is empty or has no checkpoint. Then follows the change
/// log until `stop`. `checkpoint` is the file for the position (None for an in-memory index).
pub async fn run(
    db: Db,
    compact: Arc<Compact>,
    index: Arc<SearchIndex>,
    checkpoint: Option<std::path::PathBuf>,
    mut stop: watch::Receiver<bool>,
) {
    let file = checkpoint.as_deref();
    let resume = (index.num_docs() > 0)
        .then(|| read_checkpoint(file))
        .flatten();
    let start = match resume {
        Some(seq) => seq,
        None => match rebuild(&db, &compact, &index, |_, _| {}).await {
            Ok(head) => {
                write_checkpoint(file, head);
                head
            }
            Err(e) => {
                tracing::error!(error = %e, "search index not built");
                0
            }
        },
    };
    tracing::info!(
        documents = index.num_docs(),
        from = start,
        "search index ready"
    );
    let mut follower = Follower::new(start, GAP_TIMEOUT);
    loop {
        let before = follower.checkpoint();
        match follower.poll(&db, 500).await {
            Ok(changes) if !changes.is_empty() => {
                match apply(&db, &index, &changes).await {
                    Ok(_) => write_checkpoint(file, follower.checkpoint()),
                    Err(e) => {
                        tracing::warn!(error = %e, "search index update failed; retrying");
                        follower = Follower::new(before, GAP_TIMEOUT);
                        tokio::time::sleep(POLL).await;
                    }
                }
                continue;
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "reading the change log failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(POLL) => {}
            _ = stop.wait_for(|s| *s) => return,
        }
    }
}
