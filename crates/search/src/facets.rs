//! A collector counting facet values of all matching documents from the one multi-valued
//! `facet` fast field (term ordinals per segment, turned into names and values once at the
//! end), so counting a match is one column read and no stored-document reads.

use std::collections::{BTreeMap, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::schema::{FACET_SEPARATOR, FACETS};

/// Facet counts: facet name → value → count.
pub type Counts = HashMap<&'static str, HashMap<String, u64>>;

/// Counts every facet of [`FACETS`].
pub struct FacetCounter;

/// Per-segment state of [`FacetCounter`]: the segment's `facet` column (absent in a segment
/// without any document) and a count per term ordinal.
pub struct SegmentFacetCounter {
    column: Option<StrColumn>,
    counts: Vec<u32>,
    /// Scratch space for one document's ordinals.
    ords: Vec<u64>,
}

impl Collector for FacetCounter {
    type Fruit = Counts;
    type Child = SegmentFacetCounter;

    fn for_segment(
        &self,
        _segment_local_id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentFacetCounter> {
        let column = segment.fast_fields().str("facet")?;
        let terms = column.as_ref().map_or(0, |c| c.num_terms());
        Ok(SegmentFacetCounter {
            column,
            counts: vec![0; terms],
            ords: Vec::new(),
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
        let Some(column) = &self.column else {
            return;
        };
        // The document's ordinals are contiguous rows: read them in one call.
        let ords = column.ords();
        let rows = ords.index.value_row_ids(doc);
        let n = rows.len();
        if n == 0 {
            return;
        }
        self.ords.resize(n, 0);
        ords.values
            .get_range(u64::from(rows.start), &mut self.ords[..n]);
        for ord in &self.ords[..n] {
            if let Some(c) = usize::try_from(*ord)
                .ok()
                .and_then(|o| self.counts.get_mut(o))
            {
                *c += 1;
            }
        }
    }

    fn harvest(self) -> Counts {
        let mut out = Counts::new();
        let Some(column) = self.column else {
            return out;
        };
        let mut entry = String::new();
        for (ord, n) in self.counts.into_iter().enumerate() {
            if n == 0 {
                continue;
            }
            entry.clear();
            // A dictionary read error leaves the value out rather than failing the search.
            if !column.ord_to_str(ord as u64, &mut entry).unwrap_or(false) {
                continue;
            }
            let Some((name, value)) = entry.split_once(FACET_SEPARATOR) else {
                continue;
            };
            if let Some(name) = FACETS.iter().copied().find(|f| *f == name) {
                out.entry(name)
                    .or_default()
                    .insert(value.to_owned(), u64::from(n));
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
