//! Rows of ids stored flat (one allocation for all rows, not one per row): the
//! compact form of per-article and per-entry lists at a million articles.

use serde::{Deserialize, Serialize};

/// Rows of ids stored flat: row `i` is `items[offsets[i]..offsets[i + 1]]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rows {
    offsets: Vec<u32>,
    items: Vec<u32>,
}

impl Default for Rows {
    fn default() -> Self {
        Rows {
            offsets: vec![0],
            items: Vec::new(),
        }
    }
}

impl Rows {
    /// Packs rows.
    pub fn new<R: IntoIterator<Item = u32>>(rows: impl IntoIterator<Item = R>) -> Rows {
        let mut out = Rows::default();
        for row in rows {
            out.push(row);
        }
        out.items.shrink_to_fit();
        out.offsets.shrink_to_fit();
        out
    }

    /// Appends a row.
    pub fn push(&mut self, row: impl IntoIterator<Item = u32>) {
        self.items.extend(row);
        self.offsets.push(self.items.len() as u32);
    }

    /// Packs rows of known lengths whose items arrive in any row order: `fill` is
    /// handed a function that appends an item to a row (each row's items keep the
    /// order they arrive in).
    pub fn from_counts(counts: &[u32], fill: impl FnOnce(&mut dyn FnMut(usize, u32))) -> Rows {
        let mut offsets = Vec::with_capacity(counts.len() + 1);
        offsets.push(0u32);
        for &c in counts {
            offsets.push(offsets[offsets.len() - 1] + c);
        }
        let mut next: Vec<u32> = offsets[..counts.len()].to_vec();
        let mut items = vec![0u32; offsets[counts.len()] as usize];
        fill(&mut |row, item| {
            items[next[row] as usize] = item;
            next[row] += 1;
        });
        Rows { offsets, items }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// True when there is no row.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `i` (empty past the last row).
    pub fn get(&self, i: usize) -> &[u32] {
        if i >= self.len() {
            return &[];
        }
        &self.items[self.range(i)]
    }

    /// Where row `i` is in [`Rows::items`].
    pub fn range(&self, i: usize) -> std::ops::Range<usize> {
        self.offsets[i] as usize..self.offsets[i + 1] as usize
    }

    /// Every row's items, end to end.
    pub fn items(&self) -> &[u32] {
        &self.items
    }

    /// Every row in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[u32]> + '_ {
        (0..self.len()).map(|i| &self.items[self.range(i)])
    }

    /// Rewrites every item through `f`.
    pub fn map_items(&mut self, f: impl Fn(u32) -> u32) {
        for item in &mut self.items {
            *item = f(*item);
        }
    }

    /// Approximate heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        (self.offsets.capacity() + self.items.capacity()) * 4
    }

    /// Checks that the offsets describe the items (a stored copy may be damaged).
    pub fn is_consistent(&self) -> bool {
        self.offsets.first() == Some(&0)
            && self.offsets.windows(2).all(|w| w[0] <= w[1])
            && self.offsets.last().map(|&l| l as usize) == Some(self.items.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_pack_and_read_back() {
        let rows = Rows::new([vec![1, 2], vec![], vec![7]]);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows.get(0), &[1, 2]);
        assert!(rows.get(1).is_empty());
        assert_eq!(rows.get(2), &[7]);
        assert!(rows.get(3).is_empty());
        assert!(rows.is_consistent());
        let counted = Rows::from_counts(&[1, 2], |fill| {
            fill(1, 5);
            fill(0, 4);
            fill(1, 6);
        });
        assert_eq!(counted.iter().collect::<Vec<_>>(), vec![&[4][..], &[5, 6]]);
    }
}
