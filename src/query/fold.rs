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
    fn push(&mut self, s: impl Iterator<Item = char>) {
        self.bytes.extend(s);
        self.ends.push(self.bytes.len() as u32);
    }

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

impl Texts {
    /// Prepares the texts (in parallel blocks, kept in order).
    pub fn new(strings: &[&str]) -> Texts {
        use rayon::prelude::*;
        let blocks: Vec<Texts> = strings
            .par_chunks(8192)
            .map(|block| {
                let mut t = Texts::default();
                for s in block {
                    t.push(s);
                }
                t
            })
            .collect();
        let mut all = Texts::default();
        for block in blocks {
            all.append(block);
        }
        for form in &mut all.forms {
            form.bytes.extend(std::iter::repeat_n('\0', PADDING));
            form.bytes.shrink_to_fit();
            form.ends.shrink_to_fit();
        }
        all
    }

    fn push(&mut self, s: &str) {
        self.forms[form_number(false, false)].push(s.chars().map(lower));
        self.forms[form_number(true, false)].push(s.chars());
        // ASCII has no accents to strip: its normalised forms are the plain ones,
        // not kept twice (a third of the tables at a million articles).
        let ascii = s.is_ascii();
        let normalized = |c: char| if ascii { None } else { Some(c) };
        self.forms[form_number(false, true)]
            .push(s.chars().filter_map(normalized).map(|c| plain(lower(c))));
        self.forms[form_number(true, true)].push(s.chars().filter_map(normalized).map(plain));
        self.masks.push(mask(s));
        self.ascii.push(ascii);
    }

    /// The arena text `i` is kept in for a form (an ASCII text's normalised
    /// forms are its plain ones).
    fn arena(&self, i: usize, case_sensitive: bool, normalize: bool) -> &Arena {
        let normalize = normalize && !self.ascii[i];
        &self.forms[form_number(case_sensitive, normalize)]
    }

    fn append(&mut self, other: Texts) {
        for (mine, theirs) in self.forms.iter_mut().zip(other.forms) {
            let base = mine.bytes.len() as u32;
            mine.bytes.push_str(&theirs.bytes);
            mine.ends.extend(theirs.ends.iter().map(|e| e + base));
        }
        self.masks.extend(other.masks);
        self.ascii.extend(other.ascii);
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
