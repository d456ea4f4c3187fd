//! The load-time tables that spare a keystroke its scans: for each one-char
//! needle of `0-9A-Za-z`, every article's best score over all its fields, a
//! byte each ([`CharTable`]: the first keystroke of a term is a table read);
//! and for each folded letter and digit, the texts that have it, a bit each
//! ([`Presence`]: a needle's candidates are the texts that have all its
//! letters, found sixty-four texts at a time).

use super::fold::Texts;
use super::greedy;
use super::pattern::Needle;
use super::scorer::Scorer;
use super::searcher::Searcher;
use rayon::prelude::*;
use std::sync::atomic::{AtomicU64, Ordering};

/// The chars the one-char table covers, in table order.
pub const SINGLE: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// One cell per char of [`SINGLE`], padded to a power of two.
type Cells = [u8; 64];

/// Articles placed per task while the table is made.
const BLOCK: usize = 4096;

/// Per char of [`SINGLE`], per article: the best score, plus one, of that
/// one-char needle over the article's title, outlet and entity names (0: no
/// match). Row `c` is `cells[c * articles..][..articles]`.
#[derive(Debug, Clone, Default)]
pub struct CharTable {
    articles: usize,
    cells: Vec<u8>,
    /// Rows whose scores all fit a byte (the others are not used).
    usable: u64,
}

impl CharTable {
    /// Scores every one-char needle on every text once, keeps each entry's
    /// best over its names, then each article's best over its title, outlet
    /// and entries (blocks of articles in parallel). Scores come from the
    /// scorer a keystroke uses ([`Scorer::score_from`]), so a cell is what
    /// scanning and projecting would give.
    pub fn new(searcher: &Searcher) -> CharTable {
        let n = searcher.articles();
        if n == 0 {
            return CharTable::default();
        }
        let needles: Vec<Needle> = SINGLE
            .iter()
            .map(|&c| Needle::for_char(c as char))
            .collect();
        // Every one-char needle is a fuzzy ASCII one: scored alike.
        let greedy = needles.iter().all(|n| searcher.matcher.greedy_ascii(n));
        let needles = Needles {
            all: needles,
            greedy,
        };
        let unfit = AtomicU64::new(0);
        let texts = &searcher.texts;
        let mut entries: Vec<Cells> = vec![[0; 64]; searcher.entries()];
        entries
            .par_chunks_mut(BLOCK)
            .enumerate()
            .for_each(|(b, part)| {
                searcher.matcher.with_scorer(|scorer| {
                    for (k, cells) in part.iter_mut().enumerate() {
                        for &t in searcher.entry_texts.get(b * BLOCK + k) {
                            let bad = best_cells(scorer, &needles, texts, t as usize, cells);
                            unfit.fetch_or(bad, Ordering::Relaxed);
                        }
                    }
                });
            });
        let mut cells = vec![0u8; SINGLE.len() * n];
        let mut rows: Vec<_> = cells
            .chunks_mut(n)
            .map(|row| row.chunks_mut(BLOCK))
            .collect();
        let blocks: Vec<Vec<&mut [u8]>> = (0..n.div_ceil(BLOCK))
            .map(|_| rows.iter_mut().filter_map(Iterator::next).collect())
            .collect();
        blocks.into_par_iter().enumerate().for_each(|(b, mut out)| {
            searcher.matcher.with_scorer(|scorer| {
                for k in 0..out.first().map_or(0, |row| row.len()) {
                    let a = b * BLOCK + k;
                    let mut best: Cells = [0; 64];
                    let own = std::iter::once(searcher.article_title[a])
                        .chain(searcher.article_source[a]);
                    for t in own {
                        let bad = best_cells(scorer, &needles, texts, t as usize, &mut best);
                        unfit.fetch_or(bad, Ordering::Relaxed);
                    }
                    for &e in searcher.article_entries(a) {
                        for (x, &y) in best.iter_mut().zip(&entries[e as usize]) {
                            *x = (*x).max(y);
                        }
                    }
                    for (row, &cell) in out.iter_mut().zip(&best) {
                        row[k] = cell;
                    }
                }
            });
        });
        CharTable {
            articles: n,
            cells,
            usable: !unfit.into_inner(),
        }
    }

    /// Each article's score for a one-char needle over all fields
    /// ([`super::engine::NONE`] where it does not match), when the table
    /// covers the needle.
    pub fn scores(&self, needle: &Needle) -> Option<Vec<i32>> {
        let c = needle.single_char()? as u8;
        let row = SINGLE.iter().position(|&s| s == c)?;
        if self.usable & (1 << row) == 0 {
            return None;
        }
        let cells = self
            .cells
            .get(row * self.articles..(row + 1) * self.articles)?;
        Some(super::project::byte_scores(cells))
    }

    /// Whether the table was made.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// Approximate heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.cells.capacity()
    }
}

/// The one-char needles of [`SINGLE`], in order.
struct Needles {
    all: Vec<Needle>,
    /// Whether the scorer scores them on an ASCII text with [`greedy`].
    greedy: bool,
}

/// Max-merges into `cells` the score plus one of each one-char needle on text
/// `t`; returns the needles whose score does not fit a byte, as bits.
fn best_cells(
    scorer: &mut Scorer<'_>,
    needles: &Needles,
    texts: &Texts,
    t: usize,
    cells: &mut Cells,
) -> u64 {
    if needles.greedy && texts.is_ascii(t) {
        // What `score_from` gives, for all the needles in two passes: the
        // lower-case ones on the lower-cased text, the upper-case ones (case
        // sensitive) on the text as written.
        let mut put = |c: Option<usize>, score: u16| {
            if let Some(c) = c {
                // At most 16 + 2 * 10: always fits.
                let cell = (score + 1).min(255) as u8;
                cells[c] = cells[c].max(cell);
            }
        };
        greedy::each_first(texts.form_bytes(t, false, false), |b, score| {
            let c = match b {
                b'0'..=b'9' => Some((b - b'0') as usize),
                b'a'..=b'z' => Some(36 + (b - b'a') as usize),
                _ => None,
            };
            put(c, score);
        });
        greedy::each_first(texts.form_bytes(t, true, false), |b, score| {
            put(
                b.is_ascii_uppercase().then(|| 10 + (b - b'A') as usize),
                score,
            );
        });
        return 0;
    }
    let mask = texts.mask(t);
    let mut unfit = 0;
    for (c, needle) in needles.all.iter().enumerate() {
        if needle.mask() & mask != needle.mask() {
            continue;
        }
        let Some((score, _)) = scorer.score_from(needle, texts, t, None) else {
            continue;
        };
        match u8::try_from(score.saturating_add(1)) {
            Ok(cell) if cell > 0 => cells[c] = cells[c].max(cell),
            _ => unfit |= 1 << c,
        }
    }
    unfit
}

/// For each folded letter and digit ([`super::fold::bit`]), the texts whose
/// mask has it, one bit per text: row `b` is `bits[b * words..][..words]`.
#[derive(Debug, Clone, Default)]
pub struct Presence {
    words: usize,
    bits: Vec<u64>,
}

/// Mask bits: `a-z` then `0-9`.
const LETTERS: usize = 36;

impl Presence {
    /// Transposes the texts' masks.
    pub fn new(texts: &Texts) -> Presence {
        let words = texts.len().div_ceil(64);
        let mut bits = vec![0u64; LETTERS * words];
        for t in 0..texts.len() {
            let mut mask = texts.mask(t);
            while mask != 0 {
                let b = mask.trailing_zeros() as usize;
                mask &= mask - 1;
                if b < LETTERS {
                    bits[b * words + t / 64] |= 1 << (t % 64);
                }
            }
        }
        Presence { words, bits }
    }

    /// The texts whose masks have every bit of `mask`, as bits (`None` when
    /// `mask` has no bit: every text has all of none), with how many they are.
    pub fn all_of(&self, mask: u64) -> Option<(Vec<u64>, usize)> {
        if mask == 0 {
            return None;
        }
        let mut out = vec![u64::MAX; self.words];
        let mut rest = mask;
        while rest != 0 {
            let b = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            let row = self.bits.get(b * self.words..(b + 1) * self.words)?;
            for (o, &r) in out.iter_mut().zip(row) {
                *o &= r;
            }
        }
        let count = out.iter().map(|w| w.count_ones() as usize).sum();
        Some((out, count))
    }

    /// Approximate heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.bits.capacity() * 8
    }
}

/// The ids whose bits are set, ascending, those `keep` keeps.
pub fn ids_of(bits: &[u64], keep: impl Fn(u32) -> bool) -> Vec<u32> {
    let mut ids = Vec::new();
    for (w, &word) in bits.iter().enumerate() {
        let mut rest = word;
        while rest != 0 {
            let id = (w * 64) as u32 + rest.trailing_zeros();
            rest &= rest - 1;
            if keep(id) {
                ids.push(id);
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::engine::{Session, Target};
    use crate::query::fields::Fields;
    use crate::query::fold::bit;
    use crate::query::{Backend, Query};

    /// Every row of the table is what scanning the texts for that char and
    /// projecting the hits onto articles gives, for each scorer.
    #[test]
    fn the_table_holds_what_a_scan_and_projection_give() {
        let mut index = crate::generate::index(300, 5);
        // A few texts that are not ASCII, and an empty title.
        let articles = std::sync::Arc::make_mut(&mut index.articles);
        articles[3].title = "Zürich Ürümqi ÉTÉ".into();
        articles[4].title = String::new();
        for backend in [Backend::NucleoGreedy, Backend::Nucleo, Backend::Skim] {
            let searcher = Searcher::with_backend(&index, backend);
            assert!(!searcher.chars.is_empty());
            let mut plain = Session::new();
            plain.reuse = false;
            for &c in SINGLE.iter().chain(b"'x") {
                let typed = match c {
                    b'\'' => "'u".to_string(),
                    _ => (c as char).to_string(),
                };
                let query = Query::parse(&typed).unwrap();
                let term = &query.groups[0][0];
                let want = plain
                    .projected(&searcher, term, Fields::ALL, Target::Articles, &|| false)
                    .unwrap();
                let got = searcher.chars.scores(&Needle::new(term));
                assert_eq!(got.as_deref(), Some(&want[..]), "{backend:?} {typed}");
            }
        }
    }

    #[test]
    fn presence_finds_the_texts_with_every_letter() {
        let strings: Vec<String> = (0..200)
            .map(|i| match i % 4 {
                0 => format!("Chongqing {i}"),
                1 => format!("Zürich {i}"),
                2 => "Hangzhou".to_string(),
                _ => "ÉTÉ".to_string(),
            })
            .collect();
        let refs: Vec<&str> = strings.iter().map(String::as_str).collect();
        let texts = Texts::new(&refs);
        let presence = Presence::new(&texts);
        let (bits, count) = presence.all_of(bit('c') | bit('h')).unwrap();
        let ids = ids_of(&bits, |_| true);
        let want: Vec<u32> = (0..200).filter(|i| i % 4 < 2).collect();
        assert_eq!((ids.clone(), count), (want.clone(), 100));
        // Folded: "É" has an e; "Zürich" a u.
        let (bits, _) = presence.all_of(bit('e')).unwrap();
        assert_eq!(ids_of(&bits, |_| true).len(), 50);
        let (bits, _) = presence.all_of(bit('u') | bit('z')).unwrap();
        assert_eq!(ids_of(&bits, |t| t < 100).len(), 50, "Zürich and Hangzhou");
        assert!(presence.all_of(0).is_none());
        let (_, none) = presence.all_of(bit('x')).unwrap();
        assert_eq!(none, 0);
    }
}
