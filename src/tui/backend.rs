//! The ratatui backend that writes the screen: crossterm for everything but
//! the cells, which are written here so the colour codes fit the terminal.
//! crossterm spells even the 16 named colours as `38;5;n`, which 8/16-colour
//! terminals (the Linux console, TERM=xterm, a VT100) may not understand; here
//! they are the classic SGR 30-37/90-97 and 40-47/100-107, 256 and 24-bit
//! colours are sent only when the palette has them (others are mapped to the
//! nearest colour it has), no colour at all without one, and on a VT100 only
//! the attributes it knows. Attributes are switched off with SGR 0 and set
//! again, which every terminal understands.

use super::capability::Attributes;
use super::color::named_index;
use super::theme::{LINK, Palette};
use crossterm::cursor::{Hide, MoveTo, Show};
use crossterm::terminal::{self, Clear};
use crossterm::{execute, queue};
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use std::io::{self, Write};

/// A crossterm backend whose cells are encoded for one palette and attribute set.
pub struct SgrBackend<W: Write> {
    writer: W,
    /// Where the cursor was last put. Asking the terminal (a DSR query) would
    /// race the input thread for the answer and cost a round trip over ssh;
    /// ratatui asks on every clear and resize, and a full-screen app needs no
    /// more than this.
    cursor: Position,
    /// Whether the cursor is hidden, when known: ratatui hides it on every
    /// frame, and six bytes a frame add up over a slow link.
    hidden: Option<bool>,
    palette: Palette,
    attributes: Attributes,
    /// The URL of the cells marked [`LINK`], written as an OSC 8 hyperlink.
    link: Option<String>,
}

impl<W: Write> SgrBackend<W> {
    /// Sets the URL the cells marked as a link point to (None: no link; the
    /// marked cells are then plain). Characters a terminal could read as
    /// anything but the URL are percent-encoded.
    pub fn set_link(&mut self, url: Option<&str>) {
        self.link = url.map(|u| {
            u.bytes()
                .map(|b| match b {
                    0x21..=0x7e => (b as char).to_string(),
                    other => format!("%{other:02X}"),
                })
                .collect()
        });
    }

    /// Writes to `writer` with the colours of `palette` and the `attributes` the terminal knows.
    pub fn new(writer: W, palette: Palette, attributes: Attributes) -> SgrBackend<W> {
        SgrBackend {
            writer,
            cursor: Position::ORIGIN,
            hidden: None,
            palette,
            attributes,
            link: None,
        }
    }

    /// The writer underneath.
    pub fn writer(&self) -> &W {
        &self.writer
    }

    /// The writer underneath, to send what is not a cell (the clipboard's OSC 52).
    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.writer
    }
}

/// The pen: what the terminal draws the next character with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

const PLAIN: Pen = Pen {
    fg: Color::Reset,
    bg: Color::Reset,
    modifier: Modifier::empty(),
};

impl<W: Write> Backend for SgrBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut out = Vec::with_capacity(4096);
        let mut pen = PLAIN;
        let mut last: Option<(u16, u16)> = None;
        let mut linked = false;
        for (x, y, cell) in content {
            let adjacent = matches!(last, Some((lx, ly)) if ly == y && lx + 1 == x);
            let link = self
                .link
                .as_deref()
                .filter(|_| cell.modifier.contains(LINK));
            if linked && (link.is_none() || !adjacent) {
                out.extend_from_slice(b"\x1b]8;;\x1b\\");
                linked = false;
            }
            if !adjacent {
                queue!(out, MoveTo(x, y))?;
            }
            if let Some(url) = link.filter(|_| !linked) {
                out.extend_from_slice(format!("\x1b]8;;{url}\x1b\\").as_bytes());
                linked = true;
            }
            last = Some((x, y));
            let next = self.pen(cell);
            out.extend_from_slice(sgr(pen, next, self.palette).as_bytes());
            pen = next;
            out.extend_from_slice(cell.symbol().as_bytes());
        }
        if linked {
            out.extend_from_slice(b"\x1b]8;;\x1b\\");
        }
        if pen != PLAIN {
            out.extend_from_slice(b"\x1b[0m");
        }
        if let Some((x, y)) = last {
            self.cursor = Position { x: x + 1, y };
        }
        self.writer.write_all(&out)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.hidden == Some(true) {
            return Ok(());
        }
        self.hidden = Some(true);
        execute!(self.writer, Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.hidden == Some(false) {
            return Ok(());
        }
        self.hidden = Some(false);
        execute!(self.writer, Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        self.cursor = Position { x, y };
        execute!(self.writer, MoveTo(x, y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        use crossterm::terminal::ClearType as Region;
        let region = match clear_type {
            ClearType::All => Region::All,
            ClearType::AfterCursor => Region::FromCursorDown,
            ClearType::BeforeCursor => Region::FromCursorUp,
            ClearType::CurrentLine => Region::CurrentLine,
            ClearType::UntilNewLine => Region::UntilNewLine,
        };
        execute!(self.writer, Clear(region))
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: size.columns,
                height: size.rows,
            },
            pixels: Size {
                width: size.width,
                height: size.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

impl<W: Write> SgrBackend<W> {
    /// The pen a cell asks for, reduced to what this terminal has.
    fn pen(&self, cell: &Cell) -> Pen {
        let allowed = match self.attributes {
            Attributes::All => Modifier::all(),
            Attributes::Basic => {
                Modifier::BOLD | Modifier::UNDERLINED | Modifier::REVERSED | Modifier::SLOW_BLINK
            }
        };
        let color = |c: Color| match self.palette {
            Palette::None => Color::Reset,
            _ => c,
        };
        Pen {
            fg: color(cell.fg),
            bg: color(cell.bg),
            modifier: cell.modifier & allowed,
        }
    }
}

/// The SGR sequence that changes the pen `from` into `to` (empty if equal).
fn sgr(from: Pen, to: Pen, palette: Palette) -> String {
    if from == to {
        return String::new();
    }
    let mut codes: Vec<String> = Vec::new();
    let removed = from.modifier - to.modifier;
    let base = if removed.is_empty() {
        from
    } else {
        codes.push("0".into());
        PLAIN
    };
    for (flag, code) in MODIFIER_CODES {
        if to.modifier.contains(flag) && !base.modifier.contains(flag) {
            codes.push(code.into());
        }
    }
    if to.fg != base.fg {
        codes.push(color_code(to.fg, palette, false));
    }
    if to.bg != base.bg {
        codes.push(color_code(to.bg, palette, true));
    }
    format!("\x1b[{}m", codes.join(";"))
}

const MODIFIER_CODES: [(Modifier, &str); 9] = [
    (Modifier::BOLD, "1"),
    (Modifier::DIM, "2"),
    (Modifier::ITALIC, "3"),
    (Modifier::UNDERLINED, "4"),
    (Modifier::SLOW_BLINK, "5"),
    (Modifier::RAPID_BLINK, "6"),
    (Modifier::REVERSED, "7"),
    (Modifier::HIDDEN, "8"),
    (Modifier::CROSSED_OUT, "9"),
];

/// One colour as SGR parameters, in the best form the palette allows.
fn color_code(color: Color, palette: Palette, background: bool) -> String {
    let (classic, extended) = if background { (40, 48) } else { (30, 38) };
    if color == Color::Reset {
        return (classic + 9).to_string();
    }
    if let Some(index) = named_index(color) {
        return classic_code(index, classic);
    }
    match (palette, color) {
        (Palette::TrueColor, Color::Rgb(r, g, b)) => format!("{extended};2;{r};{g};{b}"),
        (Palette::TrueColor | Palette::Ansi256, Color::Indexed(i)) => format!("{extended};5;{i}"),
        (Palette::Ansi256, Color::Rgb(r, g, b)) => {
            format!("{extended};5;{}", super::color::nearest_256((r, g, b)))
        }
        (_, other) => {
            let rgb = super::color::rgb(other);
            classic_code(super::color::nearest_16(rgb), classic)
        }
    }
}

/// 30-37 and 90-97 (or 40-47 and 100-107) for the colours 0-15.
fn classic_code(index: u8, classic: u8) -> String {
    if index < 8 {
        (classic + index).to_string()
    } else {
        (classic + 60 + index - 8).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    fn drawn(palette: Palette, attributes: Attributes, style: Style) -> String {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 3, 1));
        buffer.set_string(0, 0, "abc", style);
        let mut backend = SgrBackend::new(Vec::new(), palette, attributes);
        let cells = buffer
            .content
            .iter()
            .enumerate()
            .map(|(i, c)| (i as u16, 0, c));
        backend.draw(cells).expect("drawn into memory");
        String::from_utf8(backend.writer().clone()).expect("UTF-8")
    }

    #[test]
    fn link_cells_are_wrapped_in_osc8_and_hostile_urls_are_encoded() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 6, 1));
        buffer.set_string(0, 0, "ab", Style::new());
        buffer.set_string(2, 0, "link", Style::new().add_modifier(LINK));
        let mut backend = SgrBackend::new(Vec::new(), Palette::None, Attributes::All);
        backend.set_link(Some("https://x.com/a b\x1b]0;t\x07"));
        let cells = buffer
            .content
            .iter()
            .enumerate()
            .map(|(i, c)| (i as u16, 0, c));
        backend.draw(cells).expect("drawn into memory");
        let out = String::from_utf8(backend.writer().clone()).expect("UTF-8");
        let open = "\x1b]8;;https://x.com/a%20b%1B]0;t%07\x1b\\";
        assert!(
            out.contains(&format!("ab{open}link\x1b]8;;\x1b\\")),
            "{out:?}"
        );
        // Without a link set, the same cells are plain text.
        let mut plain = SgrBackend::new(Vec::new(), Palette::None, Attributes::All);
        let cells = buffer
            .content
            .iter()
            .enumerate()
            .map(|(i, c)| (i as u16, 0, c));
        plain.draw(cells).expect("drawn into memory");
        let out = String::from_utf8(plain.writer().clone()).expect("UTF-8");
        assert!(!out.contains("]8;"), "{out:?}");
    }

    #[test]
    fn named_colours_are_classic_sgr_not_38_5() {
        let style = Style::new().fg(Color::Red).bg(Color::LightCyan);
        for palette in [Palette::Ansi16, Palette::Ansi256, Palette::TrueColor] {
            let out = drawn(palette, Attributes::All, style);
            assert!(out.contains("\x1b[31;106m"), "{palette:?}: {out:?}");
            assert!(!out.contains("38;5") && !out.contains("48;5"), "{out:?}");
        }
    }

    #[test]
    fn richer_colours_fall_back_to_what_the_palette_has() {
        let rgb = Style::new().bg(Color::Rgb(0xfe, 0xca, 0x74));
        assert!(drawn(Palette::TrueColor, Attributes::All, rgb).contains("48;2;254;202;116"));
        let c256 = drawn(Palette::Ansi256, Attributes::All, rgb);
        assert!(c256.contains("\x1b[48;5;222m"), "{c256:?}");
        let c16 = drawn(Palette::Ansi16, Attributes::All, rgb);
        assert!(!c16.contains(";5;") && !c16.contains(";2;"), "{c16:?}");
        assert!(
            c16.contains("\x1b[103m") || c16.contains("\x1b[43m"),
            "{c16:?}"
        );
        let indexed = Style::new().fg(Color::Indexed(222));
        assert!(drawn(Palette::Ansi16, Attributes::All, indexed).contains("\x1b[93m"));
    }

    #[test]
    fn no_palette_writes_no_colour_and_vt100_only_basic_attributes() {
        let style = Style::new()
            .fg(Color::Red)
            .bg(Color::Indexed(200))
            .add_modifier(Modifier::DIM | Modifier::ITALIC | Modifier::BOLD);
        let none = drawn(Palette::None, Attributes::All, style);
        assert_eq!(none, "\x1b[1;1H\x1b[1;2;3mabc\x1b[0m");
        let vt = drawn(Palette::None, Attributes::Basic, style);
        assert_eq!(vt, "\x1b[1;1H\x1b[1mabc\x1b[0m");
    }

    #[test]
    fn attributes_are_switched_off_with_a_reset() {
        let bold = Pen {
            modifier: Modifier::BOLD | Modifier::REVERSED,
            fg: Color::Red,
            ..PLAIN
        };
        let plain_red = Pen {
            fg: Color::Red,
            ..PLAIN
        };
        assert_eq!(sgr(bold, plain_red, Palette::Ansi16), "\x1b[0;31m");
        assert_eq!(sgr(plain_red, bold, Palette::Ansi16), "\x1b[1;7m");
        assert_eq!(sgr(plain_red, PLAIN, Palette::Ansi16), "\x1b[39m");
        assert_eq!(sgr(bold, bold, Palette::Ansi16), "");
    }
}
