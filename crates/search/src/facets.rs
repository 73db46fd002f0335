//! A collector counting facet values of all matching documents straight from the fast
//! fields (term ordinals per segment, turned into strings once at the end), so facet counts
//! cost one pass over the matches and no stored-document reads.

use std::collections::{BTreeMap, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::schema::STRING_FACETS;

/// Facet counts: facet name → value → count.
pub type Counts = HashMap<&'static str, HashMap<String, u64>>;

/// Counts [`STRING_FACETS`] plus `objective` and `year`.
pub struct FacetCounter;

/// Per-segment state of [`FacetCounter`].
pub struct SegmentFacetCounter {
    strings: Vec<(&'static str, StrColumn, Vec<u64>)>,
    objective: Option<(Column<u64>, [u64; 24])>,
    year: Option<(Column<i64>, HashMap<i64, u64>)>,
}

impl Collector for FacetCounter {
    type Fruit = Counts;
    type Child = SegmentFacetCounter;

    fn for_segment(
        &self,
        _segment_local_id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentFacetCounter> {
        let ff = segment.fast_fields();
        let mut strings = Vec::new();
        for name in STRING_FACETS {
            if let Some(col) = ff.str(name)? {
                let n = col.num_terms();
                strings.push((name, col, vec![0; n]));
            }
        }
        Ok(SegmentFacetCounter {
            strings,
            objective: ff.column_opt::<u64>("objective")?.map(|c| (c, [0; 24])),
            year: ff.column_opt::<i64>("year")?.map(|c| (c, HashMap::new())),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counts>) -> tantivy::Result<Counts> {
        let mut out = Counts::new();
        for fruit in fruits {
            for (facet, values) in fruit {
                let slot = out.entry(facet).or_default();
                for (value, n) in values {
                    *slot.entry(value).or_default() += n;
                }
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for SegmentFacetCounter {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        for (_, col, counts) in &mut self.strings {
            for ord in col.term_ords(doc) {
                if let Some(c) = usize::try_from(ord).ok().and_then(|o| counts.get_mut(o)) {
                    *c += 1;
                }
            }
        }
        if let Some((col, counts)) = &mut self.objective {
            for n in col.values_for_doc(doc) {
                if let Some(c) = usize::try_from(n).ok().and_then(|o| counts.get_mut(o)) {
                    *c += 1;
                }
            }
        }
        if let Some((col, counts)) = &mut self.year {
            for y in col.values_for_doc(doc) {
                *counts.entry(y).or_default() += 1;
            }
        }
    }

    fn harvest(self) -> Counts {
        let mut out = Counts::new();
        for (name, col, counts) in self.strings {
            let slot = out.entry(name).or_default();
            let mut value = String::new();
            for (ord, n) in counts.into_iter().enumerate() {
                if n == 0 {
                    continue;
                }
                value.clear();
                // A dictionary read error leaves the value out rather than failing the search.
                if col.ord_to_str(ord as u64, &mut value).unwrap_or(false) {
                    slot.insert(value.clone(), n);
                }
            }
        }
        if let Some((_, counts)) = self.objective {
            let slot = out.entry("objective").or_default();
            for (n, c) in counts.into_iter().enumerate() {
                if c > 0 {
                    slot.insert(n.to_string(), c);
                }
            }
        }
        if let Some((_, counts)) = self.year {
            let slot = out.entry("year").or_default();
            for (y, c) in counts {
                slot.insert(y.to_string(), c);
            }
        }
        out
    }
}

/// Sorts each facet's values by count (descending), then value.
pub fn sorted(counts: Counts) -> BTreeMap<String, Vec<(String, u64)>> {
    counts
        .into_iter()
        .map(|(facet, values)| {
            let mut v: Vec<(String, u64)> = values.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            (facet.to_owned(), v)
        })
        .collect()
}
