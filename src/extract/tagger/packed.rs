//! A stage's weights as tagging reads them: one row of scores per bucket that holds
//! any (about 30% of the buckets), found through a table of row numbers, so that the
//! two stages take about 8 MB rather than 19 MB of dense rows, and are ready in a few
//! milliseconds.
//!
//! Every bucket without scores points at row 0, which is all zeros: a lookup is two
//! loads with no test, and adds to a sum exactly what a dense table would (the same
//! +0.0 for an empty bucket), so scores come out bit for bit the same.

use super::LABELS;

/// The scores of the buckets that hold any.
#[derive(Debug, Clone, PartialEq)]
pub struct PackedWeights {
    /// Per bucket, the index of its row in `rows` (0: it holds no scores).
    row_of: Vec<u32>,
    /// Row 0, all zeros, then the rows of the buckets that hold scores.
    rows: Vec<[f32; LABELS]>,
}

impl PackedWeights {
    /// No scores yet for `2^bits` buckets; rows to come: about `rows`.
    pub fn new(bits: u32, rows: usize) -> PackedWeights {
        let mut zero_then_rows = Vec::with_capacity(rows + 1);
        zero_then_rows.push([0.0; LABELS]);
        PackedWeights {
            row_of: vec![0; 1 << bits],
            rows: zero_then_rows,
        }
    }

    /// Sets the scores of `bucket` (again: replaces them). False when the bucket is
    /// out of range.
    pub fn set(&mut self, bucket: usize, row: [f32; LABELS]) -> bool {
        let Some(&at) = self.row_of.get(bucket) else {
            return false;
        };
        if at == 0 {
            self.row_of[bucket] = self.rows.len() as u32;
            self.rows.push(row);
        } else {
            self.rows[at as usize] = row;
        }
        true
    }

    /// How many buckets there are.
    pub fn buckets(&self) -> usize {
        self.row_of.len()
    }

    /// How many buckets hold scores.
    pub fn filled_buckets(&self) -> usize {
        self.rows.len() - 1
    }

    /// The scores of a bucket (zeros when it holds none).
    #[inline]
    pub fn row(&self, bucket: usize) -> &[f32; LABELS] {
        &self.rows[self.row_of[bucket] as usize]
    }

    /// Bytes held.
    pub fn bytes(&self) -> usize {
        std::mem::size_of_val(self.row_of.as_slice()) + std::mem::size_of_val(self.rows.as_slice())
    }
}
