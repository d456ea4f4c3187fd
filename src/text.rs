//! Untrusted text made safe and measured for the terminal: the one sanitiser every
//! article string passes through before it is drawn or printed, the one escaper for
//! what the user typed (arguments, paths) when a message echoes it, the one test of
//! what may not reach a terminal raw, width helpers, and counts written with
//! thousands separators.

use std::borrow::Cow;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What a control character becomes on screen: visible, one cell wide, inert.
fn placeholder(c: char) -> Option<char> {
    match c {
        // C0 controls and DEL become their Unicode "control picture" (U+2400 block),
        // so an ESC shows as ␛ instead of starting a sequence.
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        // C1 controls (0x80-0x9f) include CSI (0x9b) and OSC (0x9d) on some terminals.
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// Characters that change layout or direction without being seen: dropped.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}'   // zero-width space/joiners, LRM, RLM
        | '\u{202a}'..='\u{202e}' // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // bidi isolates
        | '\u{061c}'              // Arabic letter mark
        | '\u{feff}'              // BOM / zero-width no-break space
        | '\u{fff9}'..='\u{fffb}' // interlinear annotation
    )
}

/// Whether a terminal may act on `c`, or it hides or reorders text: C0 controls,
/// DEL, C1 controls (U+009B is CSI on some terminals), bidi controls, zero-width
/// characters and the Unicode line separators. None of them may reach stdout or
/// stderr raw; where output keeps newlines or tabs, the caller allows those.
pub fn is_unsafe(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}')
        || is_invisible(c)
}

/// Writes `c` as an escape a shell's `$'...'` reads back: `\x1b`, `\u202e`.
fn push_escaped(out: &mut String, c: char) {
    use std::fmt::Write;
    let n = c as u32;
    let _ = match c {
        '\n' => write!(out, "\\n"),
        '\t' => write!(out, "\\t"),
        '\r' => write!(out, "\\r"),
        _ if n < 0x80 => write!(out, "\\x{n:02x}"),
        _ if n <= 0xffff => write!(out, "\\u{n:04x}"),
        _ => write!(out, "\\U{n:08x}"),
    };
}

/// What the user typed (an argument, a path), escaped for a message: every
/// character [`is_unsafe`] flags is written as an escape (`\x1b`, `\u202e`,
/// `\n`), so the message shows what was typed and the terminal acts on none of it.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path or argument that may not be UTF-8, as text: valid characters as they
/// are (still to be sanitised or escaped on output), each byte that is not
/// UTF-8 as `\xHH`, so that two names never look the same and a shell's
/// `$'...'` names the file again.
pub fn os_lossless(s: &std::ffi::OsStr) -> Cow<'_, str> {
    if let Some(text) = s.to_str() {
        return Cow::Borrowed(text);
    }
    use std::fmt::Write;
    let mut out = String::new();
    for chunk in s.as_encoded_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for byte in chunk.invalid() {
            let _ = write!(out, "\\x{byte:02X}");
        }
    }
    Cow::Owned(out)
}

/// A path or argument escaped for a message: [`os_lossless`], then [`escape`].
pub fn escape_os(s: &std::ffi::OsStr) -> String {
    escape(&os_lossless(s)).into_owned()
}

fn needs_work(s: &str, keep_newlines: bool) -> bool {
    // Printable ASCII (and kept newlines) needs none: checked a byte at a time,
    // which the compiler vectorises (a 100 MB body in tens of milliseconds).
    let plain = |b: u8| (0x20..0x7f).contains(&b) || (keep_newlines && b == b'\n');
    if s.bytes().all(plain) {
        return false;
    }
    s.chars().any(|c| {
        (c == '\n' && !keep_newlines) || (c != '\n' && placeholder(c).is_some()) || is_invisible(c)
    })
}

fn clean(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !needs_work(s, keep_newlines) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' | '\t' => out.push(' '),
            '\r' => {}
            c if is_invisible(c) => {}
            c => out.push(placeholder(c).unwrap_or(c)),
        }
    }
    Cow::Owned(out)
}

/// Sanitises multi-line text (an article body): keeps `\n`, turns tabs into spaces,
/// drops `\r`, shows other controls as visible placeholders (ESC as `␛`) and drops
/// bidi overrides and zero-width characters.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    clean(s, true)
}

/// Sanitises text for one line of output (a title, an entity name, a table cell):
/// like [`sanitize`], and newlines become spaces.
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

/// Display width in terminal cells (CJK and emoji count two).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` cells, ending in `…` when anything was cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

/// Pads `s` with spaces on the right to exactly `cells` cells (truncating if longer).
pub fn pad(s: &str, cells: usize) -> String {
    let t = truncate(s, cells);
    let w = width(&t);
    let mut out = t.into_owned();
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// 41200 -> "41,200": a count with thousands separators, as every count on
/// screen and in messages is written.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Edit distance (insertions, deletions, substitutions) between two short words
/// (the CLI's "did you mean", and slips in a name an article spells twice).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (previous + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            previous = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_and_inert() {
        let s = sanitize_line("a\x1b]0;pwned\x07b\x1b[31mred");
        assert!(!s.contains('\x1b'));
        assert!(!s.contains('\x07'));
        assert_eq!(s, "a␛]0;pwned␇b␛[31mred");
    }

    #[test]
    fn c1_bidi_and_zero_width_are_neutralised() {
        let s = sanitize("x\u{9b}31m\u{202e}abc\u{200b}d");
        assert_eq!(s, "x\u{fffd}31mabcd");
    }

    #[test]
    fn newlines_kept_or_flattened() {
        assert_eq!(sanitize("a\r\nb\tc"), "a\nb c");
        assert_eq!(sanitize_line("a\nb"), "a b");
    }

    #[test]
    fn escape_shows_what_was_typed_and_nothing_acts() {
        assert_eq!(escape("a\x1b]2;x\x07b"), "a\\x1b]2;x\\x07b");
        assert_eq!(escape("\u{202e}z\u{9b}\n"), "\\u202ez\\u009b\\n");
        assert!(matches!(escape("Chongqing 重庆"), Cow::Borrowed(_)));
        assert!(!escape("\u{200b}\u{feff}\u{7f}").chars().any(is_unsafe));
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_show_their_bytes() {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9\x1b.txt");
        assert_eq!(os_lossless(name), "caf\\xE9\x1b.txt");
        assert_eq!(escape_os(name), "caf\\xE9\\x1b.txt");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize_line("Chongqing 重庆"), Cow::Borrowed(_)));
    }

    #[test]
    fn truncate_counts_wide_characters() {
        assert_eq!(truncate("重庆市区", 5), "重庆…");
        assert_eq!(width(&truncate("abcdef", 4)), 4);
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(pad("重", 4), "重  ");
    }
}
