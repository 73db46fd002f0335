//! Ranking partners, offers and funding for a country's request for support (GCM para
//! 43(a)(ii) and (v)). Pure: the store gathers each organisation's declared profile and the
//! evidence the platform holds about it, these functions weigh them.
//!
//! A partner's score is the weighted sum of five factors, each 0 to 1 and each with its
//! reason, so a page can say in words why an organisation was suggested:
//!
//! | factor | weight | what it measures |
//! |---|---|---|
//! | objective fit | 0.35 | declared expertise (level 1–3) on the request's objectives, or published practices on them |
//! | presence | 0.25 | works in the country (1), its sub-region (0.7), its region (0.5), worldwide (0.3) |
//! | track record | 0.20 | published practices on the objectives and in the country or region, partnerships accepted |
//! | capacity | 0.10 | declared staff and annual budget against the request's budget |
//! | language | 0.10 | works in a language the request can be carried out in |
//!
//! The weights favour what the request is about (objectives) and where (presence); evidence
//! counts more than capacity because it is observed rather than declared.

use serde::{Deserialize, Serialize};

use crate::hub::{BudgetRange, PartnerRole, StaffRange, SupportKind};

/// Weight of each factor (they sum to 1).
pub const W_OBJECTIVES: f64 = 0.35;
pub const W_PRESENCE: f64 = 0.25;
pub const W_TRACK_RECORD: f64 = 0.20;
pub const W_CAPACITY: f64 = 0.10;
pub const W_LANGUAGE: f64 = 0.10;

/// What a request needs, as the scoring reads it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Needs {
    /// Objectives 1–23 the request is about.
    pub objectives: Vec<u8>,
    /// ISO 3166-1 alpha-3 code of the country the support is for.
    pub country: Option<String>,
    /// M49 codes of the regions containing the country, largest first (region, sub-region,
    /// intermediate region).
    pub regions: Vec<String>,
    pub support_kinds: Vec<SupportKind>,
    /// Language codes the work can be done in (empty: any).
    pub languages: Vec<String>,
    /// Budget estimate in US dollars.
    pub budget_usd: Option<i64>,
}

/// Where an organisation (or an offer) works: countries (alpha-3) and M49 regions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Places {
    pub countries: Vec<String>,
    pub regions: Vec<String>,
}

impl Places {
    pub fn is_empty(&self) -> bool {
        self.countries.is_empty() && self.regions.is_empty()
    }
}

/// What the platform has observed of an organisation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Its published practices tagged with any of the request's objectives.
    pub practices_on_objectives: i64,
    /// Its published practices in the request's country.
    pub practices_in_country: i64,
    /// Its published practices in the request's region (countries of the same sub-region or
    /// region, the country included).
    pub practices_in_region: i64,
    /// Hub requests it took part in as an accepted partner.
    pub partnerships: i64,
}

/// An organisation as a possible partner: what it declares and where it has published,
/// whatever the request (the scoring narrows it to the request's objectives and places), so
/// one candidate serves every request. What the platform observed in the request's terms is
/// the [`Evidence`] given alongside.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub org_id: String,
    /// Its home country (alpha-3), which counts as presence.
    pub home_country: Option<String>,
    /// Declared expertise: (objective, level 1–3).
    pub expertise: Vec<(u8, u8)>,
    /// Objectives on which it has published practices (with or without declared expertise).
    pub practice_objectives: Vec<u8>,
    pub presence: Places,
    pub staff: Option<StaffRange>,
    pub budget: Option<BudgetRange>,
    pub languages: Vec<String>,
    /// It states funding priorities or offers financial support.
    pub is_funder: bool,
}

/// The five factors of a partner's score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Factor {
    ObjectiveFit,
    Presence,
    TrackRecord,
    Capacity,
    Language,
}

impl Factor {
    pub const ALL: [Factor; 5] = [
        Factor::ObjectiveFit,
        Factor::Presence,
        Factor::TrackRecord,
        Factor::Capacity,
        Factor::Language,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Factor::ObjectiveFit => "objective_fit",
            Factor::Presence => "presence",
            Factor::TrackRecord => "track_record",
            Factor::Capacity => "capacity",
            Factor::Language => "language",
        }
    }

    pub fn weight(self) -> f64 {
        match self {
            Factor::ObjectiveFit => W_OBJECTIVES,
            Factor::Presence => W_PRESENCE,
            Factor::TrackRecord => W_TRACK_RECORD,
            Factor::Capacity => W_CAPACITY,
            Factor::Language => W_LANGUAGE,
        }
    }
}

/// Why a factor scored what it did: the facts a page turns into words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// Objectives with declared expertise (and its level), objectives with practices only,
    /// and the request's objectives with neither.
    Objectives {
        declared: Vec<(u8, u8)>,
        practices_only: Vec<u8>,
        missing: Vec<u8>,
    },
    /// Present in the country itself.
    InCountry,
    /// Present in this M49 region containing the country.
    InRegion {
        region: String,
    },
    /// Declares worldwide presence.
    Worldwide,
    /// No presence in the country or its regions.
    NotPresent,
    /// The request names no country to compare with.
    NoPlace,
    TrackRecord {
        evidence: Evidence,
    },
    /// Declared staff and budget (either may be missing), and whether the annual budget is at
    /// least the request's budget.
    Capacity {
        staff: Option<StaffRange>,
        budget: Option<BudgetRange>,
        covers_budget: Option<bool>,
    },
    /// Nothing declared for this factor.
    NotDeclared,
    /// Languages the organisation shares with the request.
    Languages {
        shared: Vec<String>,
    },
    /// The request accepts any language.
    AnyLanguage,
}

/// One factor's score (0–1), its weight and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactorScore {
    pub factor: Factor,
    pub score: f64,
    pub weight: f64,
    pub reason: Reason,
}

/// A ranked partner suggestion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub org_id: String,
    /// Weighted sum of the factors, 0–1, rounded to three decimals.
    pub score: f64,
    pub factors: Vec<FactorScore>,
    /// The role it would most likely take.
    pub role: PartnerRole,
}

fn saturate(x: i64, half: f64) -> f64 {
    let x = x.max(0) as f64;
    x / (x + half)
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn objective_fit(needs: &Needs, c: &Candidate) -> FactorScore {
    let mut declared = Vec::new();
    let mut practices_only = Vec::new();
    let mut missing = Vec::new();
    let mut sum = 0.0;
    for &n in &needs.objectives {
        let level = c
            .expertise
            .iter()
            .filter(|(o, _)| *o == n)
            .map(|(_, l)| *l)
            .max();
        match level {
            Some(l) => {
                declared.push((n, l));
                sum += f64::from(l.clamp(1, 3)) / 3.0;
            }
            // Practices without a declaration count as some expertise (level 1).
            None if c.practice_objectives.contains(&n) => {
                practices_only.push(n);
                sum += 1.0 / 3.0;
            }
            None => missing.push(n),
        }
    }
    let score = if needs.objectives.is_empty() {
        0.0
    } else {
        sum / needs.objectives.len() as f64
    };
    FactorScore {
        factor: Factor::ObjectiveFit,
        score,
        weight: W_OBJECTIVES,
        reason: Reason::Objectives {
            declared,
            practices_only,
            missing,
        },
    }
}

/// The score of [`place_fit`] without its reason.
fn place_score(needs: &Needs, places: &Places) -> f64 {
    let Some(country) = &needs.country else {
        return 0.0;
    };
    if places.countries.iter().any(|c| c == country) {
        return 1.0;
    }
    let n = needs.regions.len();
    for (i, region) in needs.regions.iter().enumerate().rev() {
        if places.regions.iter().any(|r| r == region) {
            return if i + 1 == n && n > 1 { 0.7 } else { 0.5 };
        }
    }
    if places.regions.iter().any(|r| r == crate::geo::WORLD) {
        0.3
    } else {
        0.0
    }
}

/// How well `places` covers the request's country: the score and the reason. Shared by
/// partners (presence) and offers (where they apply).
pub fn place_fit(needs: &Needs, places: &Places) -> (f64, Reason) {
    let Some(country) = &needs.country else {
        return (0.0, Reason::NoPlace);
    };
    if places.countries.iter().any(|c| c == country) {
        return (1.0, Reason::InCountry);
    }
    // The smallest region first: the intermediate or sub-region says more than the region.
    let n = needs.regions.len();
    for (i, region) in needs.regions.iter().enumerate().rev() {
        if places.regions.iter().any(|r| r == region) {
            let score = if i + 1 == n && n > 1 { 0.7 } else { 0.5 };
            return (
                score,
                Reason::InRegion {
                    region: region.clone(),
                },
            );
        }
    }
    if places.regions.iter().any(|r| r == crate::geo::WORLD) {
        return (0.3, Reason::Worldwide);
    }
    (0.0, Reason::NotPresent)
}

fn presence(needs: &Needs, c: &Candidate) -> FactorScore {
    let (score, reason) = if is_home(needs, c) {
        (1.0, Reason::InCountry)
    } else {
        place_fit(needs, &c.presence)
    };
    FactorScore {
        factor: Factor::Presence,
        score,
        weight: W_PRESENCE,
        reason,
    }
}

/// The request's country is the organisation's home country (which counts as presence).
fn is_home(needs: &Needs, c: &Candidate) -> bool {
    needs.country.is_some() && needs.country == c.home_country
}

fn track_record(e: Evidence) -> FactorScore {
    // Practices on the objectives count most; practices nearby and partnerships show the
    // organisation delivers there and with others. Each saturates: the tenth practice adds
    // little to the ninth.
    let score = 0.5 * saturate(e.practices_on_objectives, 2.0)
        + 0.15 * saturate(e.practices_in_country, 1.0)
        + 0.1 * saturate(e.practices_in_region, 2.0)
        + 0.25 * saturate(e.partnerships, 1.0);
    FactorScore {
        factor: Factor::TrackRecord,
        score,
        weight: W_TRACK_RECORD,
        reason: Reason::TrackRecord { evidence: e },
    }
}

fn staff_score(s: StaffRange) -> f64 {
    match s {
        StaffRange::UpTo10 => 0.2,
        StaffRange::UpTo50 => 0.4,
        StaffRange::UpTo250 => 0.6,
        StaffRange::UpTo1000 => 0.8,
        StaffRange::Over1000 => 1.0,
    }
}

/// The upper end of a declared budget range, in US dollars.
pub fn budget_upper(b: BudgetRange) -> i64 {
    match b {
        BudgetRange::UpTo1m => 1_000_000,
        BudgetRange::UpTo10m => 10_000_000,
        BudgetRange::UpTo100m => 100_000_000,
        BudgetRange::Over100m => 1_000_000_000,
    }
}

fn capacity(needs: &Needs, c: &Candidate) -> FactorScore {
    if c.staff.is_none() && c.budget.is_none() {
        return FactorScore {
            factor: Factor::Capacity,
            score: 0.0,
            weight: W_CAPACITY,
            reason: Reason::NotDeclared,
        };
    }
    let mut parts = Vec::new();
    if let Some(s) = c.staff {
        parts.push(staff_score(s));
    }
    let mut covers_budget = None;
    if let Some(b) = c.budget {
        let upper = budget_upper(b) as f64;
        let part = match needs.budget_usd.filter(|&x| x > 0) {
            Some(need) => {
                covers_budget = Some(upper >= need as f64);
                // Ten times the request's budget a year is ample; below it, in proportion.
                (upper / (need as f64 * 10.0)).min(1.0)
            }
            None => match b {
                BudgetRange::UpTo1m => 0.4,
                BudgetRange::UpTo10m => 0.6,
                BudgetRange::UpTo100m => 0.8,
                BudgetRange::Over100m => 1.0,
            },
        };
        parts.push(part);
    }
    let score = parts.iter().sum::<f64>() / parts.len().max(1) as f64;
    FactorScore {
        factor: Factor::Capacity,
        score,
        weight: W_CAPACITY,
        reason: Reason::Capacity {
            staff: c.staff,
            budget: c.budget,
            covers_budget,
        },
    }
}

fn shared_languages(wanted: &[String], have: &[String]) -> Vec<String> {
    wanted
        .iter()
        .filter(|l| have.iter().any(|h| h.eq_ignore_ascii_case(l)))
        .cloned()
        .collect()
}

fn language(needs: &Needs, c: &Candidate) -> FactorScore {
    let (score, reason) = if needs.languages.is_empty() {
        (1.0, Reason::AnyLanguage)
    } else if c.languages.is_empty() {
        (0.0, Reason::NotDeclared)
    } else {
        // One shared working language is enough to do the work.
        let shared = shared_languages(&needs.languages, &c.languages);
        (
            if shared.is_empty() { 0.0 } else { 1.0 },
            Reason::Languages { shared },
        )
    };
    FactorScore {
        factor: Factor::Language,
        score,
        weight: W_LANGUAGE,
        reason,
    }
}

/// It declares a core mandate (level 3) on one of the request's objectives.
fn is_core(needs: &Needs, c: &Candidate) -> bool {
    c.expertise
        .iter()
        .any(|(o, l)| *l >= 3 && needs.objectives.contains(o))
}

/// It works in the request's country (declared there, or at home there).
fn in_country(needs: &Needs, c: &Candidate) -> bool {
    is_home(needs, c) || place_score(needs, &c.presence) == 1.0
}

/// It would be suggested as a funder: it funds, money is sought, and it is not the natural
/// lead (a core-mandate organisation in the country leads, and leads only where it fits).
fn funds(needs: &Needs, c: &Candidate) -> bool {
    c.is_funder
        && needs.support_kinds.contains(&SupportKind::Financial)
        && !(is_core(needs, c) && in_country(needs, c))
}

/// Scores one candidate against a request, with what the platform observed of it there.
pub fn score(needs: &Needs, c: &Candidate, evidence: Evidence) -> Suggestion {
    let factors = vec![
        objective_fit(needs, c),
        presence(needs, c),
        track_record(evidence),
        capacity(needs, c),
        language(needs, c),
    ];
    let total: f64 = factors.iter().map(|f| f.score * f.weight).sum();
    let in_country = in_country(needs, c);
    let role = if funds(needs, c) {
        PartnerRole::Funder
    } else if is_core(needs, c) && in_country {
        PartnerRole::Lead
    } else if in_country {
        PartnerRole::CoImplementer
    } else {
        PartnerRole::TechnicalAdviser
    };
    Suggestion {
        org_id: c.org_id.clone(),
        score: round3(total),
        factors,
        role,
    }
}

/// The weighted score of [`score`] alone, computed without building the reasons (no
/// allocation), so ranking thousands of candidates stays cheap; [`score`] then explains the few
/// that are shown. A test checks that the two agree.
pub fn quick_score(needs: &Needs, c: &Candidate, evidence: Evidence) -> f64 {
    let objectives = if needs.objectives.is_empty() {
        0.0
    } else {
        needs
            .objectives
            .iter()
            .map(|n| {
                match c
                    .expertise
                    .iter()
                    .filter(|(o, _)| o == n)
                    .map(|(_, l)| *l)
                    .max()
                {
                    Some(l) => f64::from(l.clamp(1, 3)) / 3.0,
                    None if c.practice_objectives.contains(n) => 1.0 / 3.0,
                    None => 0.0,
                }
            })
            .sum::<f64>()
            / needs.objectives.len() as f64
    };
    let presence = if is_home(needs, c) {
        1.0
    } else {
        place_score(needs, &c.presence)
    };
    let language = if needs.languages.is_empty()
        || needs
            .languages
            .iter()
            .any(|l| c.languages.iter().any(|h| h.eq_ignore_ascii_case(l)))
    {
        1.0
    } else {
        0.0
    };
    round3(
        objectives * W_OBJECTIVES
            + presence * W_PRESENCE
            + track_record(evidence).score * W_TRACK_RECORD
            + capacity(needs, c).score * W_CAPACITY
            + language * W_LANGUAGE,
    )
}

/// Whether a candidate may be suggested at all: it fits an objective, or it is a donor and
/// money is sought.
pub fn eligible(needs: &Needs, c: &Candidate) -> bool {
    let fits = needs
        .objectives
        .iter()
        .any(|n| c.expertise.iter().any(|(o, _)| o == n) || c.practice_objectives.contains(n));
    fits || funds(needs, c)
}

/// Scores every candidate (with its evidence) and keeps the best `limit` that fit at least one
/// objective or fund the request, best first (ties by organisation id, so the order is
/// stable). Only the kept ones are explained, so ranking thousands allocates nothing per
/// candidate.
pub fn rank<'a>(
    needs: &Needs,
    candidates: impl IntoIterator<Item = (&'a Candidate, Evidence)>,
    limit: usize,
) -> Vec<Suggestion> {
    let mut scored: Vec<(f64, &Candidate, Evidence)> = candidates
        .into_iter()
        .filter(|(c, _)| eligible(needs, c))
        .map(|(c, e)| (quick_score(needs, c, e), c, e))
        .collect();
    let order = |a: &(f64, &Candidate, Evidence), b: &(f64, &Candidate, Evidence)| {
        b.0.total_cmp(&a.0)
            .then_with(|| a.1.org_id.cmp(&b.1.org_id))
    };
    if limit == 0 {
        return Vec::new();
    }
    if scored.len() > limit {
        scored.select_nth_unstable_by(limit - 1, order);
        scored.truncate(limit);
    }
    scored.sort_by(order);
    scored
        .into_iter()
        .map(|(_, c, e)| score(needs, c, e))
        .collect()
}

/// An offer of support as matching reads it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OfferTerms {
    pub support_kind: Option<SupportKind>,
    pub objectives: Vec<u8>,
    /// Where it applies (empty: anywhere).
    pub places: Places,
    pub languages: Vec<String>,
    pub ceiling_usd: Option<i64>,
}

/// How an offer and a request fit each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferMatch {
    /// 0–1, three decimals.
    pub score: f64,
    pub shared_objectives: Vec<u8>,
    /// Where: in the country, a region, anywhere (`None` when the offer names no place).
    pub place: Option<Reason>,
    pub shared_languages: Vec<String>,
}

/// Matches an offer with a request: `None` when they do not fit (a kind the request does not
/// seek, no shared objective, a place or language that excludes it). Used in both directions:
/// an offer's page lists the requests it matches, a request's page the offers.
pub fn match_offer(needs: &Needs, offer: &OfferTerms) -> Option<OfferMatch> {
    if let Some(kind) = offer.support_kind
        && !needs.support_kinds.is_empty()
        && !needs.support_kinds.contains(&kind)
    {
        return None;
    }
    let shared_objectives: Vec<u8> = needs
        .objectives
        .iter()
        .copied()
        .filter(|n| offer.objectives.contains(n))
        .collect();
    if shared_objectives.is_empty() {
        return None;
    }
    let (place_score, place) = if offer.places.is_empty() {
        (0.6, None)
    } else {
        let (s, r) = place_fit(needs, &offer.places);
        if s == 0.0 {
            return None;
        }
        (s, Some(r))
    };
    let shared_languages = shared_languages(&needs.languages, &offer.languages);
    let lang_score = if needs.languages.is_empty() || offer.languages.is_empty() {
        0.6
    } else if shared_languages.is_empty() {
        return None;
    } else {
        1.0
    };
    let obj_score = shared_objectives.len() as f64 / needs.objectives.len().max(1) as f64;
    let score = 0.5 * obj_score + 0.3 * place_score + 0.2 * lang_score;
    Some(OfferMatch {
        score: round3(score),
        shared_objectives,
        place,
        shared_languages,
    })
}

/// A funding priority a donor states.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PriorityTerms {
    /// `None`: any objective.
    pub objective: Option<u8>,
    /// M49 region; `None`: anywhere.
    pub region: Option<String>,
    pub ceiling_usd: Option<i64>,
}

/// How a donor's priority fits a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriorityMatch {
    pub score: f64,
    /// The objective it names, when the request has it.
    pub objective: Option<u8>,
    pub region: Option<String>,
    /// Whether the ceiling covers the request's budget (`None`: either is unknown).
    pub covers_budget: Option<bool>,
}

/// Whether the ceiling covers the budget, and how much it counts (0–1).
fn ceiling_fit(ceiling: Option<i64>, budget: Option<i64>) -> (Option<bool>, f64) {
    match (ceiling, budget.filter(|b| *b > 0)) {
        (Some(c), Some(b)) => (Some(c >= b), (c as f64 / b as f64).min(1.0)),
        _ => (None, 0.5),
    }
}

/// Matches a donor's priority with a request: `None` when it names another objective or a
/// region the country is not in.
pub fn match_priority(needs: &Needs, p: &PriorityTerms) -> Option<PriorityMatch> {
    let obj_score = match p.objective {
        Some(n) if needs.objectives.contains(&n) => 1.0,
        Some(_) => return None,
        None => 0.6,
    };
    let region_score = match &p.region {
        Some(r) if r == crate::geo::WORLD => 0.6,
        Some(r) if needs.regions.contains(r) => 1.0,
        Some(_) => return None,
        None => 0.6,
    };
    let (covers_budget, ceiling_score) = ceiling_fit(p.ceiling_usd, needs.budget_usd);
    Some(PriorityMatch {
        score: round3(0.5 * obj_score + 0.3 * region_score + 0.2 * ceiling_score),
        objective: p.objective,
        region: p.region.clone(),
        covers_budget,
    })
}

/// Whether a financial offer's ceiling covers the request (for the funding list).
pub fn offer_covers(offer: &OfferTerms, needs: &Needs) -> Option<bool> {
    ceiling_fit(offer.ceiling_usd, needs.budget_usd).0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needs() -> Needs {
        Needs {
            objectives: vec![6, 18],
            country: Some("SEN".into()),
            // Africa, Sub-Saharan Africa, Western Africa.
            regions: vec!["002".into(), "202".into(), "011".into()],
            support_kinds: vec![SupportKind::Technical],
            languages: vec!["fr".into()],
            budget_usd: Some(500_000),
        }
    }

    fn cand(id: &str) -> Candidate {
        Candidate {
            org_id: id.into(),
            ..Candidate::default()
        }
    }

    /// Ranks candidates with no evidence.
    fn rank_plain(n: &Needs, cands: &[Candidate], limit: usize) -> Vec<Suggestion> {
        rank(n, cands.iter().map(|c| (c, Evidence::default())), limit)
    }

    #[test]
    fn weights_sum_to_one() {
        let sum: f64 = Factor::ALL.iter().map(|f| f.weight()).sum();
        assert!((sum - 1.0).abs() < 1e-9);
    }

    #[test]
    fn every_factor_is_between_zero_and_one_with_a_reason() {
        let mut c = cand("a");
        c.expertise = vec![(6, 3), (18, 2)];
        c.presence.countries = vec!["SEN".into()];
        c.staff = Some(StaffRange::Over1000);
        c.budget = Some(BudgetRange::Over100m);
        c.languages = vec!["fr".into(), "en".into()];
        let e = Evidence {
            practices_on_objectives: 1000,
            practices_in_country: 1000,
            practices_in_region: 1000,
            partnerships: 1000,
        };
        let s = score(&needs(), &c, e);
        assert_eq!(s.factors.len(), 5);
        for f in &s.factors {
            assert!((0.0..=1.0).contains(&f.score), "{f:?}");
        }
        assert!(s.score > 0.9 && s.score <= 1.0, "{}", s.score);
        assert_eq!(s.role, PartnerRole::Lead);
        let empty = score(&needs(), &cand("b"), Evidence::default());
        // Nothing declared, nothing observed: only "any language" could count, and here the
        // request names one.
        assert_eq!(empty.score, 0.0);
        assert_eq!(empty.factors[3].reason, Reason::NotDeclared);
    }

    #[test]
    fn only_a_core_mandate_on_the_requests_objectives_makes_a_lead() {
        let mut c = cand("a");
        c.presence.countries = vec!["SEN".into()];
        // Core mandate on objective 9, which the request is not about; some expertise on 6.
        c.expertise = vec![(9, 3), (6, 1)];
        let s = score(&needs(), &c, Evidence::default());
        assert_eq!(s.role, PartnerRole::CoImplementer);
        c.expertise.push((18, 3));
        assert_eq!(
            score(&needs(), &c, Evidence::default()).role,
            PartnerRole::Lead
        );
    }

    #[test]
    fn objective_fit_weighs_the_declared_level_and_counts_practices() {
        let mut c = cand("a");
        c.expertise = vec![(6, 3)];
        c.practice_objectives = vec![18];
        let f = objective_fit(&needs(), &c);
        assert!((f.score - (1.0 + 1.0 / 3.0) / 2.0).abs() < 1e-9);
        assert_eq!(
            f.reason,
            Reason::Objectives {
                declared: vec![(6, 3)],
                practices_only: vec![18],
                missing: vec![],
            }
        );
    }

    #[test]
    fn presence_prefers_the_country_then_the_smallest_region() {
        let n = needs();
        let at = |countries: &[&str], regions: &[&str]| {
            place_fit(
                &n,
                &Places {
                    countries: countries.iter().map(|s| s.to_string()).collect(),
                    regions: regions.iter().map(|s| s.to_string()).collect(),
                },
            )
        };
        assert_eq!(at(&["SEN"], &[]).0, 1.0);
        assert_eq!(
            at(&[], &["002", "011"]),
            (
                0.7,
                Reason::InRegion {
                    region: "011".into()
                }
            )
        );
        assert_eq!(at(&[], &["202"]).0, 0.5);
        assert_eq!(at(&[], &["001"]), (0.3, Reason::Worldwide));
        assert_eq!(at(&["FRA"], &["150"]), (0.0, Reason::NotPresent));
        // The home country counts as presence.
        let mut c = cand("a");
        c.home_country = Some("SEN".into());
        assert_eq!(presence(&n, &c).reason, Reason::InCountry);
    }

    #[test]
    fn capacity_compares_the_budget_with_the_request() {
        let mut c = cand("a");
        c.budget = Some(BudgetRange::UpTo1m);
        let f = capacity(&needs(), &c);
        assert!((f.score - 0.2).abs() < 1e-9, "{}", f.score);
        assert_eq!(
            f.reason,
            Reason::Capacity {
                staff: None,
                budget: Some(BudgetRange::UpTo1m),
                covers_budget: Some(true)
            }
        );
        c.budget = Some(BudgetRange::UpTo10m);
        assert_eq!(capacity(&needs(), &c).score, 1.0);
    }

    #[test]
    fn the_quick_score_agrees_with_the_explained_one() {
        let mut n = needs();
        n.support_kinds.push(SupportKind::Financial);
        let mut cands = Vec::new();
        for i in 0..200u32 {
            let mut c = cand(&format!("c{i}"));
            c.expertise = vec![(6, (i % 3 + 1) as u8), (((i % 23) + 1) as u8, 2)];
            c.practice_objectives = if i % 4 == 0 { vec![18] } else { vec![] };
            c.home_country = Some(if i % 7 == 0 { "SEN" } else { "FRA" }.into());
            c.presence.regions = match i % 5 {
                0 => vec!["011".into()],
                1 => vec!["002".into()],
                2 => vec!["001".into()],
                _ => vec![],
            };
            c.staff = (i % 2 == 0).then_some(StaffRange::UpTo50);
            c.budget = (i % 3 == 0).then_some(BudgetRange::UpTo10m);
            c.languages = if i % 2 == 0 {
                vec!["FR".into()]
            } else {
                vec!["en".into()]
            };
            let e = Evidence {
                practices_on_objectives: i64::from(i % 9),
                partnerships: i64::from(i % 2),
                ..Evidence::default()
            };
            c.is_funder = i % 11 == 0;
            assert_eq!(quick_score(&n, &c, e), score(&n, &c, e).score, "{c:?}");
            cands.push((c, e));
        }
        // Ranking by the quick score gives the explained scores in order, the same as scoring
        // every candidate and sorting.
        let ranked = rank(&n, cands.iter().map(|(c, e)| (c, *e)), 20);
        let mut all: Vec<Suggestion> = cands
            .iter()
            .filter(|(c, _)| eligible(&n, c))
            .map(|(c, e)| score(&n, c, *e))
            .collect();
        all.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.org_id.cmp(&b.org_id))
        });
        all.truncate(20);
        assert_eq!(ranked, all);
        assert_eq!(ranked.len(), 20);
        assert!(ranked.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn ranking_drops_organisations_without_fit_and_is_stable() {
        let mut a = cand("a");
        a.expertise = vec![(6, 2)];
        let mut b = cand("b");
        b.expertise = vec![(6, 2)];
        let mut c = cand("c");
        c.presence.countries = vec!["SEN".into()];
        let mut d = cand("d");
        d.expertise = vec![(6, 3), (18, 3)];
        let ranked = rank_plain(&needs(), &[c, b, a, d], 10);
        let ids: Vec<&str> = ranked.iter().map(|s| s.org_id.as_str()).collect();
        assert_eq!(ids, ["d", "a", "b"]);
        assert_eq!(rank_plain(&needs(), &[cand("x")], 0).len(), 0);
    }

    #[test]
    fn a_funder_is_suggested_as_funder_for_financial_requests() {
        let mut n = needs();
        n.support_kinds.push(SupportKind::Financial);
        let mut c = cand("donor");
        c.is_funder = true;
        let ranked = rank_plain(&n, std::slice::from_ref(&c), 5);
        assert_eq!(ranked.first().map(|s| s.role), Some(PartnerRole::Funder));
        // Not when only technical support is sought and it fits no objective.
        assert!(rank_plain(&needs(), &[c], 5).is_empty());
    }

    #[test]
    fn offers_match_on_kind_objective_place_and_language() {
        let n = needs();
        let offer = OfferTerms {
            support_kind: Some(SupportKind::Technical),
            objectives: vec![6],
            places: Places {
                countries: vec![],
                regions: vec!["011".into()],
            },
            languages: vec!["fr".into()],
            ceiling_usd: None,
        };
        let m = match_offer(&n, &offer);
        assert_eq!(m.as_ref().map(|m| m.score), Some(0.66));
        assert_eq!(m.map(|m| m.shared_objectives), Some(vec![6]));
        let refuse = |o: OfferTerms| match_offer(&n, &o).is_none();
        assert!(refuse(OfferTerms {
            support_kind: Some(SupportKind::Financial),
            ..offer.clone()
        }));
        assert!(refuse(OfferTerms {
            objectives: vec![1],
            ..offer.clone()
        }));
        assert!(refuse(OfferTerms {
            languages: vec!["es".into()],
            ..offer.clone()
        }));
        assert!(refuse(OfferTerms {
            places: Places {
                countries: vec!["PER".into()],
                regions: vec![]
            },
            ..offer.clone()
        }));
        // No place and no language: anywhere, any language.
        assert!(
            match_offer(
                &n,
                &OfferTerms {
                    places: Places::default(),
                    languages: vec![],
                    ..offer
                }
            )
            .is_some()
        );
    }

    #[test]
    fn donor_priorities_match_on_objective_region_and_ceiling() {
        let n = needs();
        let p = PriorityTerms {
            objective: Some(18),
            region: Some("002".into()),
            ceiling_usd: Some(250_000),
        };
        let m = match_priority(&n, &p);
        assert_eq!(m.as_ref().and_then(|m| m.covers_budget), Some(false));
        assert_eq!(m.map(|m| m.score), Some(0.9));
        assert!(
            match_priority(
                &n,
                &PriorityTerms {
                    objective: Some(2),
                    ..p.clone()
                }
            )
            .is_none()
        );
        assert!(
            match_priority(
                &n,
                &PriorityTerms {
                    region: Some("150".into()),
                    ..p
                }
            )
            .is_none()
        );
        assert_eq!(
            match_priority(&n, &PriorityTerms::default()).map(|m| m.score),
            Some(0.58)
        );
    }
}
