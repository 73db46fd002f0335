//! Partner suggestions and similar items for a request (issue 7's target: at most 50 ms at
//! p95 with 10 000 organisations and 100 000 practices), on SQLite and PostgreSQL, through
//! the same code the pages call (`gcm_store::hub_partners`, `gcm_search::SearchIndex`).
//!
//! `cargo bench --bench hub` (env: `BENCH_ORGS`, default 10000; `BENCH_PRACTICES`, default
//! 100000; `BENCH_REQUESTS`, requests timed, default 200; `BENCH_ROUNDS`, default 3;
//! `GCM_BENCH_DATABASE_URL`, default `postgres://postgres@127.0.0.1:5432/postgres`, in which a
//! database `gcm_hubbench_<pid>` is created and dropped; unreachable: its rows are skipped).
//!
//! Data (deterministic): organisations of every kind from every UN member state; 40 % with a
//! partner profile (1–4 objectives with a level, presence in 1–3 countries, a region for some,
//! staff, budget, languages), 3 % donors with priorities; practices tagged with 1–3 objectives
//! and 1–2 countries, 90 % published, 80 % by an organisation; 1 000 offers; the requests.
//! The search index holds the practices' texts (`gcm_search::corpus`, seed 2026) and the
//! requests'. Per request it times the baseline (one indexed lookup of declared expertise on
//! the request's objectives), the suggestions with matching offers (what the page shows), the
//! similar items by text, and the two together.

// A benchmark that cannot set itself up should fail loudly, with a message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::{Duration, Instant};

use gcm_core::geo;
use gcm_hub::hub_eval::{RequestSeed, insert_request};
use gcm_search::corpus::Corpus;
use gcm_search::{SearchIndex, Viewer};
use gcm_store::{Db, hub_partners, migrate};

const DEFAULT_PG_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";
const KINDS: [&str; 8] = [
    "member_state_government",
    "un_entity",
    "intergovernmental_organisation",
    "civil_society",
    "migrant_or_diaspora_organisation",
    "local_authority",
    "private_sector",
    "academia",
];
const LANGS: [&str; 7] = ["en", "fr", "es", "ar", "pt", "ru", "zh"];
const STAFF: [&str; 5] = [
    "up_to_10",
    "up_to_50",
    "up_to_250",
    "up_to_1000",
    "over_1000",
];
const BUDGET: [&str; 4] = ["up_to_1m", "up_to_10m", "up_to_100m", "over_100m"];
const SUPPORT: [&str; 4] = ["technical", "financial", "expertise", "peer_exchange"];

fn env_num(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn objectives(&mut self, max: usize) -> Vec<u8> {
        let mut v: Vec<u8> = (0..1 + self.below(max))
            .map(|_| 1 + self.below(23) as u8)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

fn q(s: impl AsRef<str>) -> String {
    format!("'{}'", s.as_ref().replace('\'', "''"))
}

/// Runs `rows` as multi-row INSERTs of at most 400 rows each, in one transaction.
async fn insert_rows(db: &Db, head: &str, rows: &[String]) {
    let mut tx = db.begin_write().await.unwrap();
    for chunk in rows.chunks(400) {
        let sql = format!("{head} VALUES {}", chunk.join(","));
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut *tx)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
}

struct Data {
    requests: Vec<(String, Vec<u8>)>,
}

async fn generate(db: &Db, n_orgs: usize, n_practices: usize, n_requests: usize) -> Data {
    let mut rng = Rng(2026);
    let countries: Vec<String> = geo::countries()
        .iter()
        .filter(|c| c.un_member_state)
        .map(|c| c.alpha3.clone())
        .collect();
    let regions: Vec<String> = geo::regions().iter().map(|r| r.code.clone()).collect();
    let now = gcm_store::now_rfc3339();
    let org_ids: Vec<String> = (0..n_orgs).map(|i| format!("org{i:06}")).collect();
    let mut orgs = Vec::new();
    let (mut profiles, mut expertise, mut presence, mut priorities) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (i, id) in org_ids.iter().enumerate() {
        let country = rng.pick(&countries).clone();
        orgs.push(format!(
            "({}, {}, {}, {}, '', 'bench', {n}, {n})",
            q(id),
            q(format!("Organisation {i}")),
            q(KINDS[i % KINDS.len()]),
            q(&country),
            n = q(&now)
        ));
        if rng.chance(40) {
            let langs = format!("{} {}", rng.pick(&LANGS), rng.pick(&LANGS));
            profiles.push(format!(
                "({}, {}, {}, {}, '', 'bench', {})",
                q(id),
                q(rng.pick(&STAFF)),
                q(rng.pick(&BUDGET)),
                q(&langs),
                q(&now)
            ));
            for n in rng.objectives(4) {
                expertise.push(format!("({}, {n}, {})", q(id), 1 + rng.below(3)));
            }
            let mut places: Vec<String> = (0..1 + rng.below(3))
                .map(|_| rng.pick(&countries).clone())
                .collect();
            places.sort();
            places.dedup();
            for c in places {
                presence.push(format!("({}, 'country', {})", q(id), q(&c)));
            }
            if rng.chance(30) {
                presence.push(format!("({}, 'region', {})", q(id), q(rng.pick(&regions))));
            }
        }
        if rng.chance(3) {
            for _ in 0..1 + rng.below(3) {
                let objective = if rng.chance(70) {
                    (1 + rng.below(23)).to_string()
                } else {
                    "NULL".into()
                };
                let region = if rng.chance(50) {
                    q(rng.pick(&regions))
                } else {
                    "NULL".into()
                };
                priorities.push(format!(
                    "({}, {}, {objective}, {region}, {}, NULL, {})",
                    q(format!("prio{}", priorities.len())),
                    q(id),
                    100_000 * (1 + rng.below(50)),
                    q(&now)
                ));
            }
        }
    }
    insert_rows(
        db,
        "INSERT INTO organisations (id, name, kind, country, description, created_by, created_at, updated_at)",
        &orgs,
    )
    .await;
    insert_rows(
        db,
        "INSERT INTO partner_profiles (org_id, staff_range, budget_range, languages, summary, updated_by, updated_at)",
        &profiles,
    )
    .await;
    insert_rows(
        db,
        "INSERT INTO partner_expertise (org_id, objective, level)",
        &expertise,
    )
    .await;
    insert_rows(
        db,
        "INSERT INTO partner_presence (org_id, place_kind, place)",
        &presence,
    )
    .await;
    insert_rows(
        db,
        "INSERT INTO donor_priorities (id, org_id, objective, region, ceiling_usd, note, created_at)",
        &priorities,
    )
    .await;

    let (mut practices, mut links, mut pcountries) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..n_practices {
        let id = format!("pr{i:07}");
        let status = if rng.chance(90) { "published" } else { "draft" };
        let org = if rng.chance(80) {
            q(rng.pick(&org_ids))
        } else {
            "NULL".into()
        };
        practices.push(format!(
            "({p}, {p}, '{status}', 'bench', {org}, 'en', {n}, {n}, {n})",
            p = q(&id),
            n = q(&now)
        ));
        for n in rng.objectives(3) {
            links.push(format!(
                "('practice', {}, 'gcm:obj:{n}', {n}, {})",
                q(&id),
                q(&now)
            ));
        }
        let mut cs: Vec<String> = (0..1 + rng.below(2))
            .map(|_| rng.pick(&countries).clone())
            .collect();
        cs.sort();
        cs.dedup();
        for c in cs {
            pcountries.push(format!("({}, {})", q(&id), q(&c)));
        }
    }
    insert_rows(
        db,
        "INSERT INTO practices (id, external_id, status, source, org_id, original_lang, created_at, updated_at, published_at)",
        &practices,
    )
    .await;
    insert_rows(
        db,
        "INSERT INTO framework_links (entity, entity_id, ref, objective, created_at)",
        &links,
    )
    .await;
    insert_rows(
        db,
        "INSERT INTO practice_countries (practice_id, country)",
        &pcountries,
    )
    .await;

    let (mut offers, mut olinks, mut oplaces, mut otexts) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for i in 0..1000 {
        let id = format!("of{i:05}");
        let kind = rng.pick(&SUPPORT);
        offers.push(format!(
            "({}, {}, {}, 'open', {}, {}, 'en', NULL, 'bench', {n}, {n})",
            q(&id),
            q(rng.pick(&org_ids)),
            q(kind),
            q(rng.pick(&LANGS)),
            if *kind == "financial" {
                (50_000 * (1 + rng.below(40))).to_string()
            } else {
                "NULL".into()
            },
            n = q(&now)
        ));
        for n in rng.objectives(3) {
            olinks.push(format!(
                "('hub_offer', {}, 'gcm:obj:{n}', {n}, {})",
                q(&id),
                q(&now)
            ));
        }
        if rng.chance(70) {
            oplaces.push(format!("({}, 'region', {})", q(&id), q(rng.pick(&regions))));
        }
        otexts.push(format!(
            "('hub_offer', {}, 'title', 'en', {}, 'human', {})",
            q(&id),
            q(format!("Offer {i}")),
            q(&now)
        ));
    }
    insert_rows(
        db,
        "INSERT INTO hub_offers (id, org_id, support_kind, status, languages, ceiling_usd, original_lang, until_on, created_by, created_at, updated_at)",
        &offers,
    )
    .await;
    insert_rows(
        db,
        "INSERT INTO framework_links (entity, entity_id, ref, objective, created_at)",
        &olinks,
    )
    .await;
    insert_rows(
        db,
        "INSERT INTO hub_offer_places (offer_id, place_kind, place)",
        &oplaces,
    )
    .await;
    insert_rows(
        db,
        "INSERT INTO translations (entity, entity_id, field, lang, text, origin, updated_at)",
        &otexts,
    )
    .await;

    let mut requests = Vec::new();
    for i in 0..n_requests {
        let objectives = rng.objectives(3);
        let mut kinds = vec![rng.pick(&SUPPORT).to_string()];
        if rng.chance(40) {
            kinds.push("financial".into());
        }
        kinds.sort();
        kinds.dedup();
        let seed = RequestSeed {
            key: format!("r{i}"),
            title: format!("Request {i}"),
            lang: "en".into(),
            country: rng.pick(&countries).clone(),
            objectives: objectives.clone(),
            support_kinds: kinds,
            languages: vec![rng.pick(&LANGS).to_string()],
            budget_usd: Some(100_000 * (1 + rng.below(30)) as i64),
            is_public: true,
            ..RequestSeed::default()
        };
        let org = rng.pick(&org_ids).clone();
        requests.push((insert_request(db, &org, &seed).await.unwrap(), objectives));
    }
    Data { requests }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn row(engine: &str, what: &str, mut v: Vec<Duration>) {
    v.sort();
    println!(
        "| {engine} | {what} | {} | {:.2} | {:.2} | {:.2} |",
        v.len(),
        ms(percentile(&v, 0.5)),
        ms(percentile(&v, 0.95)),
        ms(percentile(&v, 0.99))
    );
}

async fn run(engine: &str, db: &Db, index: &SearchIndex, data: &Data, rounds: usize) {
    let viewer = Viewer::anonymous();
    let (mut base, mut sugg, mut sim, mut both) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut shown = 0usize;
    // Of the suggestions: reading the request, ranking partners, matching offers.
    let mut parts: [Vec<Duration>; 3] = Default::default();
    let today = "2026-11-23";
    for round in 0..=rounds {
        for (id, objectives) in &data.requests {
            let list = objectives
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(",");
            let t = Instant::now();
            let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT org_id, objective, level FROM partner_expertise WHERE objective IN ({list})"
            )))
            .fetch_all(db.pool())
            .await
            .unwrap();
            let t_base = t.elapsed();
            assert!(rows.len() < 100_000);

            let t = Instant::now();
            let needs = hub_partners::request_needs(db, id).await.unwrap().unwrap();
            let t_needs = t.elapsed();
            let s = hub_partners::suggestions(db, &needs, hub_partners::SUGGESTIONS)
                .await
                .unwrap();
            let t_ranked = t.elapsed();
            let o = hub_partners::offers_for_request(db, &needs, today)
                .await
                .unwrap();
            let t_sugg = t.elapsed();

            let t = Instant::now();
            // As the request's page asks: practices and requests, ten of them.
            let similar = index
                .similar_among(
                    gcm_store::hub_requests::ENTITY,
                    id,
                    10,
                    &viewer,
                    gcm_store::hub_requests::SIMILAR_KINDS,
                )
                .unwrap();
            let t_sim = t.elapsed();
            if round > 0 {
                parts[0].push(t_needs);
                parts[1].push(t_ranked - t_needs);
                parts[2].push(t_sugg - t_ranked);
                base.push(t_base);
                sugg.push(t_sugg);
                sim.push(t_sim);
                both.push(t_sugg + t_sim);
                shown += s.len() + o.len() + similar.hits.len();
            }
        }
    }
    // After any write the next suggestion finds the shared aggregates stale: with this much
    // data it answers from the previous ones and starts a rebuild behind. Time the answer and
    // how long until the rebuilt aggregates are in place, by appending a change-log row before
    // each of a few requests.
    let mut cold = Vec::new();
    let mut rebuilt = Vec::new();
    for (id, _) in data.requests.iter().take(5) {
        sqlx::query(
            "INSERT INTO change_log (entity, id, op, at) VALUES ('bench', $1, 'upsert', $2)",
        )
        .bind(id)
        .bind(today)
        .execute(db.pool())
        .await
        .unwrap();
        let t = Instant::now();
        let needs = hub_partners::request_needs(db, id).await.unwrap().unwrap();
        hub_partners::suggestions(db, &needs, hub_partners::SUGGESTIONS)
            .await
            .unwrap();
        cold.push(t.elapsed());
        hub_partners::settle(db).await;
        rebuilt.push(t.elapsed());
    }
    row(
        engine,
        "baseline: expertise lookup (one indexed query)",
        base,
    );
    row(
        engine,
        "suggestions right after a write (previous aggregates)",
        cold,
    );
    row(engine, "… until the aggregates are rebuilt behind", rebuilt);
    let [needs, ranked, offers] = parts;
    row(engine, "… reading the request", needs);
    row(engine, "… ranking partners", ranked);
    row(engine, "… matching offers", offers);
    row(engine, "suggestions + matching offers", sugg);
    row(engine, "similar items by text (search index)", sim);
    row(engine, "**suggestions + similar items**", both);
    eprintln!(
        "{engine}: {:.1} items shown per request",
        shown as f64 / (rounds * data.requests.len()).max(1) as f64
    );
}

async fn counts(db: &Db) -> String {
    let mut out = Vec::new();
    for t in [
        "organisations",
        "partner_profiles",
        "partner_expertise",
        "partner_presence",
        "donor_priorities",
        "practices",
        "framework_links",
        "practice_countries",
        "hub_offers",
        "hub_requests",
    ] {
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {t}")))
            .fetch_one(db.pool())
            .await
            .unwrap();
        out.push(format!("{t} {n}"));
    }
    out.join(", ")
}

async fn setup(db: &Db, n_orgs: usize, n_practices: usize, n_requests: usize) -> Data {
    migrate::run(db).await.unwrap();
    let t = Instant::now();
    let data = generate(db, n_orgs, n_practices, n_requests).await;
    if db.backend() == gcm_store::Backend::Postgres {
        sqlx::query("ANALYZE").execute(db.pool()).await.unwrap();
    }
    eprintln!(
        "{}: generated in {:.1} s: {}",
        db.backend().name(),
        t.elapsed().as_secs_f64(),
        counts(db).await
    );
    data
}

fn build_index(n_practices: usize, data: &Data) -> SearchIndex {
    let t = Instant::now();
    let index = SearchIndex::in_memory().unwrap();
    let corpus = Corpus::new(2026).unwrap();
    let requests = data
        .requests
        .iter()
        .enumerate()
        .map(|(i, (id, objectives))| {
            let mut d = corpus.doc(n_practices + i);
            d.kind = "hub_request".into();
            d.id = id.clone();
            d.objectives = objectives.clone();
            d
        });
    let n = index
        .rebuild(corpus.docs(n_practices).chain(requests), |_| {})
        .unwrap();
    eprintln!(
        "search index: {n} documents in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    index
}

fn main() {
    let n_orgs = env_num("BENCH_ORGS", 10_000);
    let n_practices = env_num("BENCH_PRACTICES", 100_000);
    let n_requests = env_num("BENCH_REQUESTS", 200);
    let rounds = env_num("BENCH_ROUNDS", 3);
    let pg_url = std::env::var("GCM_BENCH_DATABASE_URL").unwrap_or_else(|_| DEFAULT_PG_URL.into());
    geo::load().expect("reference data");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        println!(
            "{n_orgs} organisations, {n_practices} practices, {n_requests} requests, {rounds} rounds after a warm-up"
        );
        println!();
        println!("| database | what | timed | p50 ms | p95 ms | p99 ms |");
        println!("|---|---|---|---|---|---|");
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("bench.db").display());
        let db = Db::connect(&url, 4).await.unwrap();
        let data = setup(&db, n_orgs, n_practices, n_requests).await;
        let index = build_index(n_practices, &data);
        run("SQLite", &db, &index, &data, rounds).await;
        db.close().await;

        let name = format!("gcm_hubbench_{}", std::process::id());
        let admin = match Db::connect(&pg_url, 1).await {
            Ok(a) => a,
            Err(e) => {
                eprintln!("PostgreSQL unreachable ({e}); its rows are left out");
                return;
            }
        };
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(admin.pool())
            .await
            .unwrap();
        let base = pg_url.rsplit_once('/').map(|(b, _)| b).unwrap_or(&pg_url);
        let db = Db::connect(&format!("{base}/{name}"), 4).await.unwrap();
        let pg_data = setup(&db, n_orgs, n_practices, n_requests).await;
        // The request ids differ per database: index this database's requests as well.
        let index = build_index(n_practices, &pg_data);
        run("PostgreSQL", &db, &index, &pg_data, rounds).await;
        db.close().await;
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
        )))
        .execute(admin.pool())
        .await
        .unwrap();
    });
}
