//! Space normalisation: non-breaking and typographic spaces become plain spaces,
//! invisible hyphenation hints go, runs of spaces collapse, ends are trimmed.

/// Characters that are spaces in effect (besides ASCII space and tab).
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// Characters that only hint at line breaking and would split words for search.
fn is_break_hint(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{feff}')
}

/// One line of text with every kind of space made plain and runs collapsed.
pub(crate) fn normalise(text: &str) -> String {
    if is_plain(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c == ' ' || c == '\n' || c == '\r' || is_odd_space(c) {
            pending_space = !out.is_empty();
        } else if !is_break_hint(c) {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Printable ASCII with single inner spaces: nothing to do (the common case).
fn is_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    let edges = bytes.first().is_none_or(|&b| b != b' ') && bytes.last().is_none_or(|&b| b != b' ');
    edges
        && bytes.iter().all(|&b| (0x20..0x7f).contains(&b))
        && !bytes.windows(2).any(|w| w == b"  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_spaces_become_one_plain_space() {
        assert_eq!(
            normalise("a\u{a0}\u{a0}b\u{3000}c\u{2009}d\t e"),
            "a b c d e"
        );
    }

    #[test]
    fn ends_are_trimmed_and_hints_dropped() {
        assert_eq!(
            normalise("\u{a0} co\u{ad}operate\u{200b} \u{a0}"),
            "cooperate"
        );
    }

    #[test]
    fn plain_ascii_is_kept_as_is() {
        assert_eq!(normalise("A plain line."), "A plain line.");
        assert_eq!(normalise(" two  spaces "), "two spaces");
    }

    #[test]
    fn escape_characters_are_kept_as_data() {
        assert_eq!(normalise("a\u{1b}[31m b\u{202e}"), "a\u{1b}[31m b\u{202e}");
    }
}
