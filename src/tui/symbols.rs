//! The characters borders, markers, scrollbars and ellipses are drawn with:
//! box drawing and Unicode markers on UTF-8 terminals, the PC character set on
//! the Linux console, ASCII on everything else (`--ascii`, a non-UTF-8 locale,
//! a VT100). Views take every such glyph from here.

use ratatui::symbols::border;

/// Characters for borders and markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Symbols {
    /// Border of a pane without focus.
    pub border: border::Set<'static>,
    /// Border of the focused pane.
    pub focused: border::Set<'static>,
    /// Before the selected row.
    pub marker: &'static str,
    /// Where text was cut.
    pub ellipsis: &'static str,
    /// After text that goes on ("reading…").
    pub more: &'static str,
    /// Between facts on one line.
    pub dot: &'static str,
    /// More to the left (tab strip).
    pub left: &'static str,
    /// More to the right (tab strip).
    pub right: &'static str,
    /// Scrollbar track.
    pub track: &'static str,
    /// Scrollbar thumb.
    pub thumb: &'static str,
    /// Before a mention count ("×12").
    pub times: &'static str,
    /// Before the entity the reader follows.
    pub arrow: &'static str,
}

impl Symbols {
    /// Box drawing and Unicode markers.
    pub const UNICODE: Symbols = Symbols {
        border: border::PLAIN,
        focused: border::THICK,
        marker: "▶ ",
        ellipsis: "…",
        more: "…",
        dot: " · ",
        left: "‹",
        right: "›",
        track: "│",
        thumb: "█",
        times: "×",
        arrow: "→ ",
    };

    /// The Linux console: only glyphs of the PC character set (code page 437),
    /// which every console font has (no heavy lines, no ellipsis, no ×).
    pub const CONSOLE: Symbols = Symbols {
        border: border::PLAIN,
        focused: border::DOUBLE,
        marker: "► ",
        ellipsis: "~",
        more: "...",
        dot: " · ",
        left: "«",
        right: "»",
        track: "│",
        thumb: "█",
        times: "x",
        arrow: "» ",
    };

    /// ASCII only, for `--ascii` and terminals without UTF-8.
    pub const ASCII: Symbols = Symbols {
        border: border::Set {
            top_left: "+",
            top_right: "+",
            bottom_left: "+",
            bottom_right: "+",
            vertical_left: "|",
            vertical_right: "|",
            horizontal_top: "-",
            horizontal_bottom: "-",
        },
        focused: border::Set {
            top_left: "#",
            top_right: "#",
            bottom_left: "#",
            bottom_right: "#",
            vertical_left: "|",
            vertical_right: "|",
            horizontal_top: "=",
            horizontal_bottom: "=",
        },
        marker: "> ",
        ellipsis: "~",
        more: "...",
        dot: " - ",
        left: "<",
        right: ">",
        track: "|",
        thumb: "#",
        times: "x",
        arrow: "* ",
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_symbols_are_ascii() {
        let s = Symbols::ASCII;
        let all = [
            s.marker,
            s.ellipsis,
            s.more,
            s.dot,
            s.left,
            s.right,
            s.track,
            s.thumb,
            s.times,
            s.arrow,
            s.border.top_left,
            s.border.horizontal_top,
            s.border.vertical_left,
            s.focused.top_left,
            s.focused.horizontal_top,
            s.focused.vertical_left,
        ];
        assert!(all.iter().all(|x| x.is_ascii()));
    }

    #[test]
    fn console_symbols_stay_in_code_page_437() {
        // Box drawing, blocks, and the few Latin-1/marker glyphs CP437 has.
        let cp437 = "─│┌┐└┘═║╔╗╚╝►«»·█~x ";
        let s = Symbols::CONSOLE;
        let all = [
            s.marker,
            s.ellipsis,
            s.more,
            s.dot,
            s.left,
            s.right,
            s.track,
            s.thumb,
            s.times,
            s.arrow,
            s.border.top_left,
            s.border.horizontal_top,
            s.border.vertical_left,
            s.focused.top_left,
            s.focused.bottom_right,
            s.focused.horizontal_top,
            s.focused.vertical_left,
        ];
        for glyph in all.iter().flat_map(|g| g.chars()) {
            assert!(glyph.is_ascii() || cp437.contains(glyph), "{glyph}");
        }
    }
}
