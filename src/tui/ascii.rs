//! ASCII-only screens: after a frame is drawn in ASCII mode (`--ascii`, a
//! non-UTF-8 locale, a VT100), every cell that is not ASCII is replaced by its
//! nearest ASCII look-alike: accents dropped (é → e), typographic punctuation
//! made plain (’ → ', — → -), box drawing as + - |, anything else as `?`. The
//! symbols the views choose are ASCII already in that mode; this catches the
//! text of the articles and anything a view spelled itself.

use ratatui::buffer::Buffer;
use unicode_normalization::UnicodeNormalization;
use unicode_width::UnicodeWidthStr;

/// Replaces every non-ASCII cell of `buffer` with ASCII of the same width.
pub fn fold_buffer(buffer: &mut Buffer) {
    let width = buffer.area.width as usize;
    if width == 0 {
        return;
    }
    for row in buffer.content.chunks_mut(width) {
        let mut x = 0;
        while x < row.len() {
            let symbol = row[x].symbol();
            if symbol.is_ascii() {
                x += 1;
                continue;
            }
            let cells = symbol.width().max(1);
            let folded = fold_symbol(symbol);
            row[x].set_symbol(folded);
            // A wide character covered the cells after it: fill them too.
            for cell in row.iter_mut().skip(x + 1).take(cells - 1) {
                cell.set_symbol(folded);
            }
            x += cells;
        }
    }
}

/// The ASCII character standing for one grapheme (one cell's symbol).
pub fn fold_symbol(symbol: &str) -> &'static str {
    let Some(first) = symbol.chars().next() else {
        return " ";
    };
    if let Some(plain) = punctuation(first) {
        return plain;
    }
    // é = e + ◌́: keep the base letter when it is ASCII.
    match first.nfd().next() {
        Some(base) if base.is_ascii_graphic() => ASCII_GRAPHIC
            .get(base as usize - 0x21)
            .copied()
            .unwrap_or("?"),
        _ => "?",
    }
}

/// Every printable ASCII character as a `&'static str`, from `!` (0x21).
const ASCII_GRAPHIC: [&str; 94] = [
    "!", "\"", "#", "$", "%", "&", "'", "(", ")", "*", "+", ",", "-", ".", "/", "0", "1", "2", "3",
    "4", "5", "6", "7", "8", "9", ":", ";", "<", "=", ">", "?", "@", "A", "B", "C", "D", "E", "F",
    "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y",
    "Z", "[", "\\", "]", "^", "_", "`", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l",
    "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z", "{", "|", "}", "~",
];

/// Punctuation, symbols and drawing characters with an ASCII look-alike.
fn punctuation(c: char) -> Option<&'static str> {
    let plain = match c {
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{3000}' => " ",
        '‘' | '’' | '‚' | '‛' | '′' | '´' | '`' => "'",
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => "\"",
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '─' | '━' | '═' | '╌' | '┄' => {
            "-"
        }
        '│' | '┃' | '║' | '╎' | '┆' | '¦' => "|",
        '\u{250c}'..='\u{257f}' => "+",
        '\u{2580}'..='\u{259f}' | '■' => "#",
        '…' | '·' | '•' | '∙' | '・' => ".",
        '‹' | '◀' | '◄' | '←' => "<",
        '›' | '▶' | '►' | '→' => ">",
        '×' => "x",
        '÷' => "/",
        '°' => "o",
        '©' => "c",
        '®' => "r",
        '€' => "E",
        '£' => "L",
        '¥' => "Y",
        '␀'..='␟' | '␡' => "^",
        _ => return None,
    };
    Some(plain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn symbols_fold_to_look_alikes() {
        assert_eq!(fold_symbol("é"), "e");
        assert_eq!(fold_symbol("Ø"), "?");
        assert_eq!(fold_symbol("’"), "'");
        assert_eq!(fold_symbol("—"), "-");
        assert_eq!(fold_symbol("┏"), "+");
        assert_eq!(fold_symbol("█"), "#");
        assert_eq!(fold_symbol("…"), ".");
        assert_eq!(fold_symbol("␛"), "^");
        assert_eq!(fold_symbol("重"), "?");
    }

    #[test]
    fn a_folded_buffer_is_ascii_and_keeps_its_width() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 1));
        buffer.set_string(0, 0, "重庆 café…│", Style::new());
        fold_buffer(&mut buffer);
        let text: String = buffer.content.iter().map(|c| c.symbol()).collect();
        assert!(text.is_ascii(), "{text}");
        assert_eq!(text, "???? cafe.| ");
    }
}
