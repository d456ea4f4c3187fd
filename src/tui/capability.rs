//! What the terminal can show, read from the environment once at start: the
//! colour depth (NO_COLOR, COLORTERM, TERM), which text attributes it knows (a
//! VT100 has bold, underline, blink and reverse, nothing else), and whether it
//! can show UTF-8 at all (the locale, read the way tmux and ncurses read it).

use super::theme::{Palette, Symbols};

/// The text attributes a terminal understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attributes {
    /// Everything ECMA-48 defines (bold, dim, italic, underline, reverse, ...).
    All,
    /// Bold, underline, blink and reverse only (VT100 and its kin).
    Basic,
}

/// The terminal families that need something other than the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// xterm, screen, tmux, rxvt, ... : colour, every attribute, UTF-8 by locale.
    Modern,
    /// The Linux console: 8 colours (bright as bold), the PC character set.
    Console,
    /// DEC VT100/VT220 and other 7-bit terminals: no colour, basic attributes.
    Vt,
    /// `dumb`: no attributes worth sending.
    Dumb,
}

impl Family {
    /// The family `TERM` names.
    pub fn of(term: &str) -> Family {
        let base = term.split(['-', '+']).next().unwrap_or("");
        match base {
            "linux" | "con80x25" => Family::Console,
            "dumb" | "" => Family::Dumb,
            "vt52" | "vt100" | "vt102" | "vt220" | "vt320" | "vt420" | "ansi" => Family::Vt,
            _ => Family::Modern,
        }
    }
}

/// What the explorer may draw with on this terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    /// Colour depth.
    pub palette: Palette,
    /// The attributes it understands.
    pub attributes: Attributes,
    /// Whether only ASCII may be drawn (no UTF-8 locale, a 7-bit terminal, `--ascii`).
    pub ascii: bool,
    /// Borders and markers.
    pub symbols: Symbols,
}

impl Capabilities {
    /// Reads the environment through `var`. `force` is the `--color` choice
    /// (`Some(true)` always, `Some(false)` never, `None` auto); `ascii` is
    /// `Some(..)` when `--ascii` or the configuration decided it.
    pub fn detect(
        force: Option<bool>,
        ascii: Option<bool>,
        var: impl Fn(&str) -> Option<String>,
    ) -> Capabilities {
        let family = Family::of(&var("TERM").unwrap_or_default());
        let palette = Palette::detect(force, &var);
        let attributes = match family {
            Family::Vt => Attributes::Basic,
            _ => Attributes::All,
        };
        let ascii = ascii.unwrap_or_else(|| family == Family::Vt || !utf8_locale(&var));
        let symbols = match (ascii, family) {
            (true, _) => Symbols::ASCII,
            (false, Family::Console) => Symbols::CONSOLE,
            (false, _) => Symbols::UNICODE,
        };
        Capabilities {
            palette,
            attributes,
            ascii,
            symbols,
        }
    }
}

/// Whether the locale's character set is UTF-8: the first of LC_ALL, LC_CTYPE
/// and LANG that is set and not empty decides; none set means the C locale,
/// which is ASCII.
pub fn utf8_locale(var: impl Fn(&str) -> Option<String>) -> bool {
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))
        .unwrap_or_default()
        .to_ascii_lowercase();
    locale.contains("utf-8") || locale.contains("utf8")
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
    fn locale_decides_utf8_first_set_variable_wins() {
        assert!(utf8_locale(env(&[("LANG", "en_GB.UTF-8")])));
        assert!(utf8_locale(env(&[("LANG", "C.utf8")])));
        assert!(!utf8_locale(env(&[("LANG", "C")])));
        assert!(!utf8_locale(env(&[])));
        let overridden = [("LC_ALL", "C"), ("LANG", "en_US.UTF-8")];
        assert!(!utf8_locale(env(&overridden)));
        let empty_all = [("LC_ALL", ""), ("LC_CTYPE", "de_DE.UTF-8"), ("LANG", "C")];
        assert!(utf8_locale(env(&empty_all)));
    }

    #[test]
    fn vt100_gets_no_colour_basic_attributes_and_ascii() {
        let vt = Capabilities::detect(None, None, env(&[("TERM", "vt100"), ("LANG", "C.UTF-8")]));
        assert_eq!(vt.palette, Palette::None);
        assert_eq!(vt.attributes, Attributes::Basic);
        assert!(vt.ascii);
        assert_eq!(vt.symbols, Symbols::ASCII);
    }

    #[test]
    fn linux_console_gets_16_colours_and_console_symbols() {
        let linux =
            Capabilities::detect(None, None, env(&[("TERM", "linux"), ("LANG", "C.UTF-8")]));
        assert_eq!(linux.palette, Palette::Ansi16);
        assert_eq!(linux.symbols, Symbols::CONSOLE);
        assert!(!linux.ascii);
    }

    #[test]
    fn c_locale_means_ascii_unless_told_otherwise() {
        let vars = [("TERM", "xterm-256color"), ("LANG", "C")];
        assert!(Capabilities::detect(None, None, env(&vars)).ascii);
        assert!(!Capabilities::detect(None, Some(false), env(&vars)).ascii);
        let utf8 = [("TERM", "xterm-256color"), ("LANG", "C.UTF-8")];
        assert!(Capabilities::detect(None, Some(true), env(&utf8)).ascii);
        assert!(!Capabilities::detect(None, None, env(&utf8)).ascii);
    }

    #[test]
    fn families() {
        assert_eq!(Family::of("xterm-256color"), Family::Modern);
        assert_eq!(Family::of("tmux-256color"), Family::Modern);
        assert_eq!(Family::of("screen"), Family::Modern);
        assert_eq!(Family::of("linux"), Family::Console);
        assert_eq!(Family::of("vt100"), Family::Vt);
        assert_eq!(Family::of("vt220"), Family::Vt);
        assert_eq!(Family::of("dumb"), Family::Dumb);
    }
}
