//! Styles and symbols: one colour per entity kind (black text on a light
//! background, so it reads on dark and light terminals alike), colour depth
//! detected from the environment, no colour at all under NO_COLOR or
//! `--color never`, a scheme for dark or light backgrounds (or none), colour
//! overrides per kind from the configuration file, and symbol sets for UTF-8
//! terminals, the Linux console and ASCII-only terminals.

pub use super::symbols::Symbols;

use super::capability::{Attributes, Capabilities, Family};
use crate::extract::Kind;
use ratatui::style::{Color, Modifier, Style};
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
    /// depth from COLORTERM (truecolor, 24bit) then TERM (…256color…). A
    /// VT100 or `dumb` terminal gets none unless forced (then 16).
    pub fn detect(force: Option<bool>, var: impl Fn(&str) -> Option<String>) -> Palette {
        let no_color = var("NO_COLOR").is_some_and(|v| !v.is_empty());
        match force {
            Some(false) => return Palette::None,
            None if no_color => return Palette::None,
            _ => {}
        }
        let colorterm = var("COLORTERM").unwrap_or_default().to_ascii_lowercase();
        let term = var("TERM").unwrap_or_default();
        match Family::of(&term) {
            Family::Vt | Family::Dumb if force.is_none() => Palette::None,
            Family::Vt | Family::Dumb => Palette::Ansi16,
            _ if colorterm == "truecolor" || colorterm == "24bit" => Palette::TrueColor,
            _ if term.contains("256color") => Palette::Ansi256,
            _ => Palette::Ansi16,
        }
    }
}

/// Colours for the background the terminal has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Accents that read on a dark background (the default).
    Dark,
    /// Accents that read on a light background.
    Light,
    /// No colour at all; bold, underline and reverse only.
    Mono,
}

/// A modifier bit ratatui does not use, set on the cells of the one
/// hyperlink on screen; [`super::backend::SgrBackend`] wraps them in OSC 8.
/// Being part of the cell, it makes ratatui redraw those cells when the link
/// comes or goes, so no stale link is left behind.
pub const LINK: Modifier = Modifier::from_bits_retain(1 << 15);

/// Everything about how the explorer looks, kept in the state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Colour depth.
    pub palette: Palette,
    /// Border and marker characters.
    pub symbols: Symbols,
    /// The text attributes the terminal understands.
    pub attributes: Attributes,
    /// Accent colours for a dark or light background.
    pub scheme: Scheme,
    /// Background colours per kind (in [`Kind::ALL`] order) that replace the
    /// defaults (from the configuration file).
    pub kinds: [Option<Color>; 10],
    /// Draw nothing but ASCII: every other character on screen is replaced.
    pub ascii: bool,
}

impl Default for Theme {
    /// No colour, Unicode symbols: what snapshots use.
    fn default() -> Self {
        Theme {
            palette: Palette::None,
            symbols: Symbols::UNICODE,
            attributes: Attributes::All,
            scheme: Scheme::Dark,
            kinds: [None; 10],
            ascii: false,
        }
    }
}

impl Theme {
    /// A theme of this palette, with ASCII symbols (and only ASCII) when `ascii`.
    pub fn new(palette: Palette, ascii: bool) -> Theme {
        let symbols = if ascii {
            Symbols::ASCII
        } else {
            Symbols::UNICODE
        };
        Theme {
            palette,
            symbols,
            ascii,
            ..Theme::default()
        }
    }

    /// The theme for a terminal with these capabilities.
    pub fn for_terminal(capabilities: Capabilities) -> Theme {
        Theme {
            palette: capabilities.palette,
            symbols: capabilities.symbols,
            attributes: capabilities.attributes,
            ascii: capabilities.ascii,
            ..Theme::default()
        }
    }

    fn colored(&self) -> bool {
        self.palette != Palette::None && self.scheme != Scheme::Mono
    }

    /// The highlight of an entity of this kind (in text, KWIC lines, titles).
    pub fn kind(&self, kind: Kind) -> Style {
        if !self.colored() {
            return Style::new().add_modifier(Modifier::UNDERLINED);
        }
        let custom = Kind::ALL
            .iter()
            .position(|&k| k == kind)
            .and_then(|i| self.kinds[i]);
        match custom {
            Some(bg) => Style::new().fg(Color::Black).bg(bg),
            None => kind_style(self.palette, kind),
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
            (true, true) => Style::new().fg(self.accent()).add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => self.dim(),
        }
    }

    /// A pane title: the focused pane's is reversed, which shows in every
    /// colour mode (even with no colour at all).
    pub fn title(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            Style::new()
        }
    }

    /// Text found with `/` in the reader (less's standout): black on yellow
    /// with colour, reversed without.
    pub fn found(&self) -> Style {
        match self.palette {
            Palette::None => Style::new().add_modifier(Modifier::REVERSED),
            _ => Style::new().fg(Color::Black).bg(Color::Yellow),
        }
    }

    /// The hit `n`/`N` went to last.
    pub fn found_current(&self) -> Style {
        self.found()
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// A hyperlink (OSC 8, written by the backend), underlined.
    pub fn link(&self) -> Style {
        Style::new().add_modifier(LINK | Modifier::UNDERLINED)
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
        if !self.colored() {
            return Style::new().add_modifier(Modifier::BOLD);
        }
        let color = match self.scheme {
            Scheme::Light => Color::Red,
            _ => Color::Yellow,
        };
        Style::new().fg(color).add_modifier(Modifier::BOLD)
    }

    /// The demo's caption bar.
    pub fn caption(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The colour of the focused pane's border.
    fn accent(&self) -> Color {
        match self.scheme {
            Scheme::Light => Color::Blue,
            _ => Color::Cyan,
        }
    }
}

/// The highlight per kind: displaCy's light tones as backgrounds under black
/// text, or their nearest 256-colour equivalents; with 16 colours, only the
/// eight base backgrounds every colour terminal has (the Linux console shows
/// no bright backgrounds), so some kinds get a coloured foreground instead.
fn kind_style(palette: Palette, kind: Kind) -> Style {
    let (rgb, indexed) = match kind {
        Kind::City => (0xfeca74, 222),
        Kind::Region => (0xff9561, 209),
        Kind::Country => (0xff8197, 211),
        Kind::Zone => (0x9cc9cc, 109),
        Kind::Firm => (0x7aecec, 123),
        Kind::Org => (0xbfeeb7, 157),
        Kind::Person => (0xaa9cfc, 147),
        Kind::Event => (0xffeb80, 228),
        Kind::Figure => (0xe4e7d2, 187),
        Kind::Date => (0xbfe1d9, 152),
    };
    let on = |bg: Color| Style::new().fg(Color::Black).bg(bg);
    match palette {
        Palette::None => Style::new().add_modifier(Modifier::UNDERLINED),
        Palette::Ansi16 => ansi16_style(kind),
        Palette::Ansi256 => on(Color::Indexed(indexed)),
        Palette::TrueColor => on(Color::from_u32(rgb)),
    }
}

fn ansi16_style(kind: Kind) -> Style {
    let on = |fg: Color, bg: Color| Style::new().fg(fg).bg(bg);
    match kind {
        Kind::City => on(Color::Black, Color::Yellow),
        Kind::Region => on(Color::Gray, Color::Red),
        Kind::Country => on(Color::Gray, Color::Magenta),
        Kind::Zone => on(Color::Black, Color::Cyan),
        Kind::Firm => on(Color::Black, Color::Green),
        Kind::Org => on(Color::Gray, Color::Blue),
        Kind::Person => on(Color::Black, Color::Gray),
        Kind::Event => Style::new()
            .fg(Color::Yellow)
            .add_modifier(Modifier::UNDERLINED),
        Kind::Figure => Style::new().fg(Color::Cyan),
        Kind::Date => Style::new().fg(Color::Green),
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
    fn vt100_and_dumb_get_no_colour_unless_forced() {
        assert_eq!(
            Palette::detect(None, env(&[("TERM", "vt100")])),
            Palette::None
        );
        assert_eq!(
            Palette::detect(None, env(&[("TERM", "dumb")])),
            Palette::None
        );
        let forced = Palette::detect(Some(true), env(&[("TERM", "vt100")]));
        assert_eq!(forced, Palette::Ansi16);
        let vt_truecolor = [("TERM", "vt220"), ("COLORTERM", "truecolor")];
        assert_eq!(Palette::detect(None, env(&vt_truecolor)), Palette::None);
    }

    #[test]
    fn sixteen_colours_use_base_backgrounds_only() {
        let base = [
            Color::Black,
            Color::Red,
            Color::Green,
            Color::Yellow,
            Color::Blue,
            Color::Magenta,
            Color::Cyan,
            Color::Gray,
        ];
        let theme = Theme::new(Palette::Ansi16, false);
        for kind in Kind::ALL {
            let style = theme.kind(kind);
            for color in [style.fg, style.bg].into_iter().flatten() {
                assert!(base.contains(&color), "{kind:?}: {color:?}");
            }
        }
    }

    #[test]
    fn mono_scheme_and_overrides() {
        let mut theme = Theme::new(Palette::TrueColor, false);
        theme.kinds[0] = Some(Color::Rgb(1, 2, 3));
        assert_eq!(theme.kind(Kind::City).bg, Some(Color::Rgb(1, 2, 3)));
        assert_ne!(theme.kind(Kind::Firm).bg, Some(Color::Rgb(1, 2, 3)));
        theme.scheme = Scheme::Mono;
        assert_eq!(theme.kind(Kind::City).bg, None);
        assert_eq!(theme.border(true).fg, None);
        theme.scheme = Scheme::Light;
        assert_eq!(theme.border(true).fg, Some(Color::Blue));
    }
}
