//! Character folding as fzf does it: smart case (lower-case one char at a time, so
//! char positions never move) and normalisation of accented Latin letters to their
//! base letter ("Zürich" matches `zurich`).

use super::bytes::Hay;
use unicode_normalization::char::decompose_canonical;

/// One char lower-cased to one char (the first of its full lower-case form, as
/// Go's `unicode.ToLower` gives for the few that expand).
pub fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    c.to_lowercase().next().unwrap_or(c)
}

/// Latin letters with a stroke or other mark that has no canonical decomposition.
fn stroke_letter(c: char) -> Option<char> {
    Some(match c {
        'ø' => 'o',
        'Ø' => 'O',
        'ł' => 'l',
        'Ł' => 'L',
        'đ' => 'd',
        'Đ' => 'D',
        'ħ' => 'h',
        'Ħ' => 'H',
        'ı' => 'i',
        'ŧ' => 't',
        'Ŧ' => 'T',
        'ß' => 's',
        'ƀ' => 'b',
        _ => return None,
    })
}

/// An accented Latin letter as its base letter; any other char unchanged.
pub fn plain(c: char) -> char {
    let code = c as u32;
    let latin = (0xC0..=0x24F).contains(&code) || (0x1E00..=0x1EFF).contains(&code);
    if !latin {
        return c;
    }
    if let Some(base) = stroke_letter(c) {
        return base;
    }
    let mut first = None;
    decompose_canonical(c, |d| {
        first.get_or_insert(d);
    });
    match first {
        Some(base) if base.is_ascii_alphabetic() => base,
        _ => c,
    }
}

/// True when the string has an upper-case letter (fzf's smart case turns case
/// sensitivity on for such a term).
pub fn has_upper(s: &str) -> bool {
    s.chars().any(|c| lower(c) != c)
}

/// True when normalising changes nothing: fzf normalises the text only for terms
/// that are already plain, so `zurich` finds "Zürich" but `zürich` does not find "Zurich".
pub fn is_plain(s: &str) -> bool {
    s.chars().all(|c| plain(c) == c)
}

/// A bit per ASCII letter and digit present (after folding), for a quick "cannot
/// match" test: a pattern needs every one of its bits.
pub fn mask(s: &str) -> u64 {
    s.chars().fold(0, |m, c| m | bit(plain(lower(c))))
}

/// The mask bit of one folded char (0 for chars outside `a-z0-9`).
pub fn bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        _ => 0,
    }
}

/// Many strings stored end to end (one allocation, scanned in memory order).
#[derive(Debug, Clone, Default)]
struct Arena {
    bytes: String,
    ends: Vec<u32>,
}

impl Arena {
    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.bytes[start..self.ends[i] as usize]
    }

    fn get_bytes(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.bytes.as_bytes()[start..self.ends[i] as usize]
    }

    fn heap_bytes(&self) -> usize {
        self.bytes.capacity() + self.ends.capacity() * 4
    }
}

/// One form of every text, borrowed for scanning many texts in a loop.
#[derive(Debug, Clone, Copy)]
pub struct Form<'a> {
    bytes: &'a [u8],
    ends: &'a [u32],
}

impl<'a> Form<'a> {
    /// Text `i` in this form, with the bytes after it readable (the arena ends in
    /// [`PADDING`] spare bytes), for scanning eight bytes at a time.
    #[inline]
    pub fn get(&self, i: usize) -> Hay<'a> {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        let end = self.ends[i] as usize;
        let wide = &self.bytes[start..(end + PADDING).min(self.bytes.len())];
        Hay::padded(wide, end - start)
    }
}

impl Form<'_> {
    /// Asks the CPU to start loading text `i` (a hint: it changes no result). The
    /// keystroke loop visits scattered texts of a 10 MB arena, and waiting for each
    /// text's first line of cache was most of its time.
    #[inline]
    pub fn prefetch(&self, i: usize) {
        #[cfg(target_arch = "x86_64")]
        if let Some(&start) = i.checked_sub(1).map_or(Some(&0), |j| self.ends.get(j)) {
            let at = self.bytes[start as usize..].as_ptr();
            // SAFETY: a prefetch never faults and reads nothing the program sees; `at`
            // points into `bytes` anyway. SSE is part of every x86-64 CPU.
            unsafe {
                std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(at.cast())
            };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = i;
    }
}

/// Spare bytes after the last text of each form.
const PADDING: usize = 8;

/// Form numbers: (case-sensitive, normalise) → which arena.
fn form_number(case_sensitive: bool, normalize: bool) -> usize {
    usize::from(case_sensitive) * 2 + usize::from(normalize)
}

/// Field texts prepared once at load in the four forms a term may compare against
/// (as written, lower-cased, accent-stripped, both); every form of a text has the
/// same number of chars, so positions agree across forms.
#[derive(Debug, Clone, Default)]
pub struct Texts {
    forms: [Arena; 4],
    masks: Vec<u64>,
    ascii: Vec<bool>,
}

/// A block of texts and the parts of the arenas it fills.
struct Piece<'a> {
    strings: &'a [&'a str],
    /// Per form: its bytes, and where they start in the arena.
    bytes: [(&'a mut [u8], u32); 4],
    ends: [&'a mut [u32]; 4],
    masks: &'a mut [u64],
    ascii: &'a mut [bool],
}

/// Texts per block while the arenas are filled.
const BLOCK: usize = 8192;

/// Hands `visit` the chars of text `s` in form `f` (see [`form_number`]): none
/// for the normalised forms of an ASCII text, which has its plain ones.
fn each_char(s: &str, ascii: bool, f: usize, mut visit: impl FnMut(char)) {
    match (f, ascii) {
        (0, _) => s.chars().for_each(|c| visit(lower(c))),
        (2, _) => s.chars().for_each(visit),
        (_, true) => {}
        (1, false) => s.chars().for_each(|c| visit(plain(lower(c)))),
        (_, false) => s.chars().for_each(|c| visit(plain(c))),
    }
}

impl Piece<'_> {
    fn fill(self) {
        let Piece {
            strings,
            bytes,
            ends,
            masks,
            ascii,
        } = self;
        for (f, ((out, base), ends)) in bytes.into_iter().zip(ends).enumerate() {
            let mut at = 0;
            for (s, end) in strings.iter().zip(ends.iter_mut()) {
                each_char(s, s.is_ascii(), f, |c| {
                    at += c.encode_utf8(&mut out[at..]).len();
                });
                *end = base + at as u32;
            }
        }
        for ((s, m), a) in strings.iter().zip(masks).zip(ascii) {
            *m = mask(s);
            *a = s.is_ascii();
        }
    }
}

impl Texts {
    /// Prepares the texts, in parallel blocks written straight into arenas of
    /// their final size (measured first): built block by block and joined,
    /// the arenas were held about twice over at the peak of a load.
    pub fn new(strings: &[&str]) -> Texts {
        use rayon::prelude::*;
        let sizes: Vec<[usize; 4]> = strings
            .par_chunks(BLOCK)
            .map(|block| {
                let mut size = [0; 4];
                for s in block {
                    for (f, n) in size.iter_mut().enumerate() {
                        each_char(s, s.is_ascii(), f, |c| *n += c.len_utf8());
                    }
                }
                size
            })
            .collect();
        let n = strings.len();
        let mut bytes: [Vec<u8>; 4] =
            std::array::from_fn(|f| vec![0; sizes.iter().map(|s| s[f]).sum::<usize>() + PADDING]);
        let mut ends: [Vec<u32>; 4] = std::array::from_fn(|_| vec![0; n]);
        let mut masks = vec![0; n];
        let mut ascii = vec![false; n];
        {
            let mut rest_bytes: [&mut [u8]; 4] = bytes.each_mut().map(|b| b.as_mut_slice());
            let mut rest_ends: [&mut [u32]; 4] = ends.each_mut().map(|e| e.as_mut_slice());
            let (mut rest_masks, mut rest_ascii) = (&mut masks[..], &mut ascii[..]);
            let mut base = [0u32; 4];
            let mut pieces = Vec::with_capacity(sizes.len());
            for (block, size) in strings.chunks(BLOCK).zip(&sizes) {
                let piece_bytes: [(&mut [u8], u32); 4] = std::array::from_fn(|f| {
                    let (head, tail) = std::mem::take(&mut rest_bytes[f]).split_at_mut(size[f]);
                    rest_bytes[f] = tail;
                    (head, base[f])
                });
                let piece_ends: [&mut [u32]; 4] = std::array::from_fn(|f| {
                    let (head, tail) = std::mem::take(&mut rest_ends[f]).split_at_mut(block.len());
                    rest_ends[f] = tail;
                    head
                });
                for (b, s) in base.iter_mut().zip(size) {
                    *b += *s as u32;
                }
                let (m, tail) = std::mem::take(&mut rest_masks).split_at_mut(block.len());
                rest_masks = tail;
                let (a, tail) = std::mem::take(&mut rest_ascii).split_at_mut(block.len());
                rest_ascii = tail;
                pieces.push(Piece {
                    strings: block,
                    bytes: piece_bytes,
                    ends: piece_ends,
                    masks: m,
                    ascii: a,
                });
            }
            pieces.into_par_iter().for_each(Piece::fill);
        }
        let forms = bytes.map(|b| {
            // Only whole chars and the zero padding were written.
            String::from_utf8(b)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
        });
        let mut forms = forms
            .into_iter()
            .zip(ends)
            .map(|(bytes, ends)| Arena { bytes, ends });
        Texts {
            forms: std::array::from_fn(|_| forms.next().unwrap_or_default()),
            masks,
            ascii,
        }
    }

    /// The arena text `i` is kept in for a form (an ASCII text's normalised
    /// forms are its plain ones).
    fn arena(&self, i: usize, case_sensitive: bool, normalize: bool) -> &Arena {
        let normalize = normalize && !self.ascii[i];
        &self.forms[form_number(case_sensitive, normalize)]
    }

    /// Number of texts.
    pub fn len(&self) -> usize {
        self.masks.len()
    }

    /// Text `i` as written.
    pub fn original(&self, i: usize) -> &str {
        self.forms[form_number(true, false)].get(i)
    }

    /// Text `i` in the form a term compares against.
    pub fn form(&self, i: usize, case_sensitive: bool, normalize: bool) -> &str {
        self.arena(i, case_sensitive, normalize).get(i)
    }

    /// [`Texts::form`] as bytes (no char-boundary checks: for the ASCII scorer).
    pub fn form_bytes(&self, i: usize, case_sensitive: bool, normalize: bool) -> &[u8] {
        self.arena(i, case_sensitive, normalize).get_bytes(i)
    }

    /// The ASCII texts in the form a term compares against (see
    /// [`Texts::form_bytes`]); every other text through [`Texts::form`].
    pub fn ascii_form(&self, case_sensitive: bool) -> Form<'_> {
        let arena = &self.forms[form_number(case_sensitive, false)];
        Form {
            bytes: arena.bytes.as_bytes(),
            ends: &arena.ends,
        }
    }

    /// The [`mask`] of text `i`.
    pub fn mask(&self, i: usize) -> u64 {
        self.masks[i]
    }

    /// True when text `i` is ASCII as written (and so in every form).
    pub fn is_ascii(&self, i: usize) -> bool {
        self.ascii[i]
    }

    /// Approximate heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        let forms: usize = self.forms.iter().map(Arena::heap_bytes).sum();
        forms + self.masks.capacity() * 8 + self.ascii.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_keep_char_positions() {
        let t = Texts::new(&["Zürich İstanbul Łódź", "chongqing"]);
        let n = t.original(0).chars().count();
        for (cs, nz) in [(true, false), (true, true), (false, false), (false, true)] {
            assert_eq!(t.form(0, cs, nz).chars().count(), n);
        }
        assert_eq!(t.form(0, false, true), "zurich istanbul lodz");
        assert_eq!(t.form(0, true, true), "Zurich Istanbul Lodz");
        assert_eq!(t.form(0, false, false), "zürich istanbul łódź");
        assert_eq!(t.form(1, true, false), "chongqing");
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn blocks_join_in_order() {
        let words: Vec<String> = (0..20_000).map(|i| format!("Word{i}")).collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let t = Texts::new(&refs);
        assert_eq!(t.len(), 20_000);
        assert_eq!(t.original(12_345), "Word12345");
        assert_eq!(t.form(19_999, false, true), "word19999");
    }

    #[test]
    fn smart_case_and_plainness() {
        assert!(has_upper("Chong"));
        assert!(!has_upper("chong-1"));
        assert!(is_plain("zurich"));
        assert!(!is_plain("zürich"));
        assert_eq!(plain('ß'), 's');
        assert_eq!(plain('重'), '重');
    }

    #[test]
    fn mask_has_folded_letters() {
        assert_eq!(mask("AÉ1") & bit('a'), bit('a'));
        assert_eq!(mask("AÉ1") & bit('e'), bit('e'));
        assert_eq!(mask("AÉ1") & bit('1'), bit('1'));
        assert_eq!(mask("AÉ1") & bit('b'), 0);
    }
}
