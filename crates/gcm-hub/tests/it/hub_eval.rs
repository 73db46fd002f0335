//! The hub's judged set (`data/hub/judged.json`, `gcm-hub hub-eval`) on both databases: the
//! initiatives a reviewer would pick for each request against the request's similar
//! practices, and the partners against the suggestions.

use crate::harness::TestApp;

db_test!(
    the_judged_initiatives_stay_above_their_floor,
    |app: TestApp| async move {
        let judged = gcm_hub::hub_eval::Judged::shipped().unwrap();
        let eval = gcm_hub::hub_eval::evaluate(app.db(), &judged)
            .await
            .unwrap();
        let i = &eval.initiatives;
        // Every request is judged, against the whole seed corpus.
        assert_eq!(i.per_request.len(), judged.requests.len());
        assert!(i.unjudged.is_empty());
        assert_eq!(i.practices, 72);
        // Measured 0.503 (recall 0.482, nDCG 0.557–0.580 as ties fall by generated ids) on both
        // databases (docs/HUB.md); a change to the similar items that drops below the floor
        // has to say why.
        assert!(i.precision_at_5 >= 0.46, "precision@5 {}", i.precision_at_5);
        assert!(i.ndcg_at_5 >= 0.52, "nDCG@5 {}", i.ndcg_at_5);
        eprintln!(
            "initiatives: precision@5 {:.3}, recall@5 {:.3}, nDCG@5 {:.3}",
            i.precision_at_5, i.recall_at_5, i.ndcg_at_5
        );
        // The partners' figure does not move with the seed corpus (imported after them).
        assert!(
            eval.precision_at_5 >= 0.85,
            "partners {}",
            eval.precision_at_5
        );
        // Requests in French, Spanish, Dutch and Norwegian reach the English practices.
        for key in [
            "sen-reintegration",
            "gtm-children",
            "nld-integration",
            "nor-settlement",
        ] {
            let r = i.per_request.iter().find(|r| r.key == key).unwrap();
            assert!(r.precision_at_5 > 0.0, "{key}: {:?}", r.top5);
        }
    }
);
