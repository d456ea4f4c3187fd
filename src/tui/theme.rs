//! Styles and symbols: one colour per entity kind (black text on a light
//! background, so it reads on dark and light terminals alike), colour depth
//! detected from the environment, no colour at all under NO_COLOR or
//! `--color never`, and an ASCII-only symbol set for `--ascii`.

use crate::extract::Kind;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

/// How many colours the terminal gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    /// No colour attributes at all (NO_COLOR, `--color never`, snapshots).
    None,
    /// The 16 ANSI colours.
    Ansi16,
    /// The xterm 256-colour palette.
    Ansi256,
    /// 24-bit colour.
    TrueColor,
}

impl Palette {
    /// Picks the palette: `force` is `Some(true)` for `--color always`,
    /// `Some(false)` for `--color never`, `None` for auto (NO_COLOR wins);
    /// depth from COLORTERM (truecolor, 24bit) then TERM (…256color…).
    pub fn detect(force: Option<bool>, var: impl Fn(&str) -> Option<String>) -> Palette {
        let no_color = var("NO_COLOR").is_some_and(|v| !v.is_empty());
        match force {
            Some(false) => return Palette::None,
            None if no_color => return Palette::None,
            _ => {}
        }
        let colorterm = var("COLORTERM").unwrap_or_default().to_ascii_lowercase();
        let term = var("TERM").unwrap_or_default();
        if colorterm == "truecolor" || colorterm == "24bit" {
            Palette::TrueColor
        } else if term.contains("256color") {
            Palette::Ansi256
        } else if term == "dumb" && force.is_none() {
            Palette::None
        } else {
            Palette::Ansi16
        }
    }
}

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
        dot: " · ",
        left: "‹",
        right: "›",
        track: "│",
        thumb: "█",
        times: "×",
        arrow: "→ ",
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
        dot: " - ",
        left: "<",
        right: ">",
        track: "|",
        thumb: "#",
        times: "x",
        arrow: "* ",
    };
}

/// Everything about how the explorer looks, kept in the state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Colour depth.
    pub palette: Palette,
    /// Border and marker characters.
    pub symbols: Symbols,
}

impl Default for Theme {
    /// No colour, Unicode symbols: what snapshots use.
    fn default() -> Self {
        Theme {
            palette: Palette::None,
            symbols: Symbols::UNICODE,
        }
    }
}

impl Theme {
    /// A theme of this palette, with ASCII symbols when `ascii`.
    pub fn new(palette: Palette, ascii: bool) -> Theme {
        let symbols = if ascii {
            Symbols::ASCII
        } else {
            Symbols::UNICODE
        };
        Theme { palette, symbols }
    }

    fn colored(&self) -> bool {
        self.palette != Palette::None
    }

    /// The highlight of an entity of this kind (in text, KWIC lines, titles).
    pub fn kind(&self, kind: Kind) -> Style {
        match kind_color(self.palette, kind) {
            Some(bg) => Style::new().fg(Color::Black).bg(bg),
            None => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    /// The kind label after a highlighted entity ("CITY").
    pub fn label(&self, kind: Kind) -> Style {
        self.kind(kind)
            .add_modifier(Modifier::BOLD)
            .remove_modifier(Modifier::UNDERLINED)
    }

    /// A selected row: reversed in the focused pane, bold elsewhere.
    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// A pane border.
    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.colored()) {
            (true, true) => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => Style::new().add_modifier(Modifier::DIM),
        }
    }

    /// A pane title.
    pub fn title(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        }
    }

    /// Secondary facts: counts, dates, hints.
    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// Emphasis: key names in the status line, headings.
    pub fn strong(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The active tab and the app name in the header.
    pub fn active(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// Every mention of the entity the reader follows.
    pub fn followed(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The mention `n`/`N` last jumped to.
    pub fn current(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// Characters a filter query matched: bold and underlined, and green
    /// when there is colour (fzf's highlight).
    pub fn matched(&self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        match self.palette {
            Palette::None => style,
            Palette::Ansi16 => style.fg(Color::Green),
            Palette::Ansi256 => style.fg(Color::Indexed(114)),
            Palette::TrueColor => style.fg(Color::from_u32(0x87d787)),
        }
    }

    /// Messages that need attention (too small, nothing found).
    pub fn warning(&self) -> Style {
        if self.colored() {
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }
}

/// Background colour per kind: displaCy's light tones, or their nearest
/// 256- and 16-colour equivalents.
fn kind_color(palette: Palette, kind: Kind) -> Option<Color> {
    let (rgb, indexed, ansi) = match kind {
        Kind::City => (0xfeca74, 222, Color::Yellow),
        Kind::Region => (0xff9561, 209, Color::LightRed),
        Kind::Country => (0xff8197, 211, Color::LightMagenta),
        Kind::Zone => (0x9cc9cc, 109, Color::Cyan),
        Kind::Firm => (0x7aecec, 123, Color::LightCyan),
        Kind::Org => (0xbfeeb7, 157, Color::LightGreen),
        Kind::Person => (0xaa9cfc, 147, Color::LightBlue),
        Kind::Event => (0xffeb80, 228, Color::LightYellow),
        Kind::Figure => (0xe4e7d2, 187, Color::Gray),
        Kind::Date => (0xbfe1d9, 152, Color::Green),
    };
    match palette {
        Palette::None => None,
        Palette::Ansi16 => Some(ansi),
        Palette::Ansi256 => Some(Color::Indexed(indexed)),
        Palette::TrueColor => Some(Color::from_u32(rgb)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn depth_from_colorterm_then_term() {
        let truecolor = env(&[("COLORTERM", "truecolor"), ("TERM", "xterm")]);
        assert_eq!(Palette::detect(None, truecolor), Palette::TrueColor);
        let c256 = env(&[("TERM", "tmux-256color")]);
        assert_eq!(Palette::detect(None, c256), Palette::Ansi256);
        assert_eq!(
            Palette::detect(None, env(&[("TERM", "linux")])),
            Palette::Ansi16
        );
    }

    #[test]
    fn no_color_and_never_mean_none_always_overrides() {
        let vars = [("NO_COLOR", "1"), ("TERM", "xterm-256color")];
        assert_eq!(Palette::detect(None, env(&vars)), Palette::None);
        assert_eq!(Palette::detect(Some(true), env(&vars)), Palette::Ansi256);
        let plain = env(&[("TERM", "xterm-256color")]);
        assert_eq!(Palette::detect(Some(false), plain), Palette::None);
        // An empty NO_COLOR does not count (no-color.org).
        let empty = env(&[("NO_COLOR", ""), ("TERM", "xterm")]);
        assert_eq!(Palette::detect(None, empty), Palette::Ansi16);
    }

    #[test]
    fn no_palette_means_no_colour_anywhere() {
        let theme = Theme::default();
        for kind in Kind::ALL {
            for style in [theme.kind(kind), theme.label(kind)] {
                assert_eq!(style.fg, None);
                assert_eq!(style.bg, None);
            }
        }
        assert_eq!(theme.border(true).fg, None);
        assert_eq!(theme.warning().fg, None);
    }

    #[test]
    fn ascii_symbols_are_ascii() {
        let s = Symbols::ASCII;
        let all = [
            s.marker,
            s.ellipsis,
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
}
