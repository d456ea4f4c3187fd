//! Where output goes and how it looks: terminal width (for aligned, truncated
//! tables) or plain when piped; colour per `--color` and NO_COLOR; a closed pipe
//! (`dossier list | head`) ends output quietly.

use super::args::{ColorChoice, Global};
use crate::text;
use std::io::{IsTerminal, Write};

/// Output settings detected once per run.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    /// Terminal width when stdout is a terminal; `None` when piped (no truncation).
    pub width: Option<usize>,
    /// Whether to emit colour.
    pub color: bool,
}

impl Output {
    /// Detects the terminal and colour settings.
    pub fn detect(global: &Global) -> Output {
        let tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && !no_color,
        };
        // A terminal that reports no size (some ptys say 0) is taken as 80 wide.
        let width = tty.then(|| {
            crossterm::terminal::size()
                .ok()
                .map(|(w, _)| w as usize)
                .filter(|&w| w > 0)
                .unwrap_or(80)
        });
        Output { width, color }
    }

    /// Bold text when colour is on.
    pub fn bold(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// Writes everything to stdout; a reader that went away (EPIPE) is not an error.
/// This is the one way text reaches stdout, and its last line of defence: the
/// text is built from sanitised pieces and escaped JSON, and anything a terminal
/// would still act on (every control but `\n`, `\t` and the colour codes dossier
/// writes itself; bidi and zero-width characters) becomes a visible placeholder.
pub fn emit(text: &str) -> anyhow::Result<()> {
    let text = neutralise(text);
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Output written as it is made (a million rows are never one string): through
/// a buffer to stdout; a reader that went away (EPIPE) ends it quietly.
pub struct Stream {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    closed: bool,
}

impl Default for Stream {
    fn default() -> Self {
        Stream::new()
    }
}

impl Stream {
    /// Writes to stdout.
    pub fn new() -> Stream {
        Stream {
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()),
            closed: false,
        }
    }

    /// Writes `text` (nothing once the reader went away), through the same
    /// last line of defence as [`emit`].
    pub fn write(&mut self, text: &str) -> anyhow::Result<()> {
        if self.closed {
            return Ok(());
        }
        match self.out.write_all(neutralise(text).as_bytes()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => Ok(other?),
        }
    }

    /// Whether the reader went away (the rest need not be made).
    pub fn closed(&self) -> bool {
        self.closed
    }

    /// Flushes what is left.
    pub fn finish(mut self) -> anyhow::Result<()> {
        if self.closed {
            return Ok(());
        }
        match self.out.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => Ok(other?),
        }
    }
}

/// `text` with every unsafe character but `\n`, `\t` and SGR colour codes
/// (`ESC [ digits ; m`) sanitised.
fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| matches!(c, '\n' | '\t' | '\x1b');
    if !text.chars().any(|c| text::is_unsafe(c) && !allowed(c)) && !text.contains('\x1b') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let sgr = sgr_length(rest);
        if sgr > 0 {
            out.push_str(&rest[..sgr]);
            rest = &rest[sgr..];
            continue;
        }
        let piece = &rest[..c.len_utf8()];
        if matches!(c, '\n' | '\t') {
            out.push(c);
        } else {
            out.push_str(&text::sanitize_line(piece));
        }
        rest = &rest[c.len_utf8()..];
    }
    std::borrow::Cow::Owned(out)
}

/// Length of the SGR sequence (`ESC [ 1;33 m`) `text` starts with, or 0.
fn sgr_length(text: &str) -> usize {
    let Some(params) = text.strip_prefix("\x1b[") else {
        return 0;
    };
    let digits = params
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    if params.as_bytes().get(digits) == Some(&b'm') {
        2 + digits + 1
    } else {
        0
    }
}

/// Characters serde leaves raw in JSON strings that a terminal may still act on:
/// DEL, C1 controls (U+009B is CSI on some terminals), line separators, bidi
/// controls and zero-width characters. They are written as `\uXXXX` escapes,
/// which decode to the same text.
fn needs_escape(c: char) -> bool {
    c != '\n' && text::is_unsafe(c)
}

/// Serialised JSON made safe to print to a terminal (see [`needs_escape`]).
pub fn terminal_safe_json(json: String) -> String {
    if !json.chars().any(needs_escape) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if needs_escape(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// `value` as JSON safe to print (pretty-printed or on one line), ending in a
/// newline: the one way JSON is made for stdout.
pub fn json<T: serde::Serialize + ?Sized>(value: &T, pretty: bool) -> anyhow::Result<String> {
    let text = if pretty {
        serde_json::to_string_pretty(value)?
    } else {
        serde_json::to_string(value)?
    };
    Ok(terminal_safe_json(text + "\n"))
}

/// How a column is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text columns.
    Left,
    /// Numbers.
    Right,
}

/// One column of a table.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Header text.
    pub header: &'static str,
    /// Alignment.
    pub align: Align,
    /// Widest the column may be, in cells (the flexible column takes what is left).
    pub max: usize,
    /// Narrowest a fixed column is squeezed to on a narrow terminal.
    pub min: usize,
    /// Whether this column absorbs the remaining width.
    pub flexible: bool,
}

/// Renders rows as a table. On a terminal (`width` given): a header, aligned
/// columns, each cell truncated to fit. Piped: tab-separated cells, nothing cut.
/// Cells must already be sanitised.
pub fn table(columns: &[Column], rows: &[Vec<String>], out: &Output) -> String {
    let Some(total) = out.width else {
        return rows.iter().map(|r| r.join("\t") + "\n").collect();
    };
    let widths = widths(columns, &natural(columns, rows), total);
    let mut s = String::new();
    let header: Vec<String> = columns.iter().map(|c| c.header.to_string()).collect();
    s.push_str(&out.bold(&line(columns, &widths, &header)));
    s.push('\n');
    for row in rows {
        s.push_str(&line(columns, &widths, row));
        s.push('\n');
    }
    s
}

/// The flexible column is kept at least this wide by narrowing left-aligned columns.
const MIN_FLEXIBLE: usize = 20;

/// Column widths: each fixed column as wide as its widest cell (up to its max), the
/// flexible one gets the rest of the terminal; on narrow terminals the fixed
/// columns give way down to their minimum.
fn widths(columns: &[Column], widest: &[usize], total: usize) -> Vec<usize> {
    let mut natural: Vec<usize> = columns
        .iter()
        .zip(widest)
        .map(|(c, &widest)| widest.max(text::width(c.header)).min(c.max))
        .collect();
    let gaps = 2 * columns.len().saturating_sub(1);
    let fixed = |natural: &[usize]| -> usize {
        columns
            .iter()
            .zip(natural)
            .filter(|(c, _)| !c.flexible)
            .map(|(_, w)| w)
            .sum()
    };
    while total.saturating_sub(fixed(&natural) + gaps) < MIN_FLEXIBLE {
        let widest = (0..columns.len())
            .filter(|&i| !columns[i].flexible && natural[i] > columns[i].min)
            .max_by_key(|&i| natural[i]);
        let Some(i) = widest else { break };
        natural[i] -= 1;
    }
    let room = total.saturating_sub(fixed(&natural) + gaps).max(1);
    columns
        .iter()
        .zip(natural)
        .map(|(c, w)| if c.flexible { w.min(room) } else { w })
        .collect()
}

/// Each column's widest cell.
fn natural(columns: &[Column], rows: &[Vec<String>]) -> Vec<usize> {
    (0..columns.len())
        .map(|i| {
            rows.iter()
                .map(|r| r.get(i).map_or(0, |s| text::width(s)))
                .max()
                .unwrap_or(0)
        })
        .collect()
}

/// A table written row by row as `row(n)` makes them (`count` rows), without
/// holding them: on a terminal the rows are made twice, once to size the
/// columns and once to write them.
pub fn stream_table(
    columns: &[Column],
    count: usize,
    row: impl Fn(usize) -> Vec<String>,
    out: &Output,
    stream: &mut Stream,
) -> anyhow::Result<()> {
    let Some(total) = out.width else {
        for n in 0..count {
            if stream.closed() {
                break;
            }
            stream.write(&(row(n).join("\t") + "\n"))?;
        }
        return Ok(());
    };
    let mut widest = vec![0; columns.len()];
    for n in 0..count {
        for (w, cell) in widest.iter_mut().zip(row(n)) {
            *w = (*w).max(text::width(&cell));
        }
    }
    let widths = widths(columns, &widest, total);
    let header: Vec<String> = columns.iter().map(|c| c.header.to_string()).collect();
    stream.write(&(out.bold(&line(columns, &widths, &header)) + "\n"))?;
    for n in 0..count {
        if stream.closed() {
            break;
        }
        stream.write(&(line(columns, &widths, &row(n)) + "\n"))?;
    }
    Ok(())
}

fn line(columns: &[Column], widths: &[usize], cells: &[String]) -> String {
    let parts: Vec<String> = columns
        .iter()
        .zip(widths)
        .zip(cells)
        .map(|((c, &w), cell)| match c.align {
            Align::Left => text::pad(cell, w),
            Align::Right => {
                let t = text::truncate(cell, w);
                format!("{}{t}", " ".repeat(w.saturating_sub(text::width(&t))))
            }
        })
        .collect();
    parts.join("  ").trim_end().to_string()
}

/// Wraps a paragraph at word boundaries to `width` cells (words wider than that
/// stay whole on their own line).
pub fn wrap(paragraph: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
        let w = text::width(word);
        if used > 0 && used + 1 + w > width {
            out.push('\n');
            used = 0;
        } else if used > 0 {
            out.push(' ');
            used += 1;
        }
        out.push_str(word);
        used += w;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: [Column; 2] = [
        Column {
            header: "ID",
            align: Align::Right,
            max: 6,
            min: 6,
            flexible: false,
        },
        Column {
            header: "TITLE",
            align: Align::Left,
            max: usize::MAX,
            min: 0,
            flexible: true,
        },
    ];

    #[test]
    fn piped_tables_are_tab_separated_and_uncut() {
        let out = Output {
            width: None,
            color: false,
        };
        let rows = vec![vec!["1".to_string(), "A long title".to_string()]];
        assert_eq!(table(&COLUMNS, &rows, &out), "1\tA long title\n");
    }

    #[test]
    fn terminal_tables_are_aligned_and_truncated_to_width() {
        let out = Output {
            width: Some(12),
            color: false,
        };
        let rows = vec![
            vec!["1".to_string(), "重庆 data centres".to_string()],
            vec!["10".to_string(), "x".to_string()],
        ];
        let s = table(&COLUMNS, &rows, &out);
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines[0], "ID  TITLE");
        assert_eq!(lines[1], " 1  重庆 da…");
        assert!(lines.iter().all(|l| text::width(l) <= 12));
    }

    #[test]
    fn narrow_terminals_squeeze_text_columns_before_the_flexible_one() {
        let columns = [
            Column {
                header: "SOURCE",
                align: Align::Left,
                max: 22,
                min: 6,
                flexible: false,
            },
            Column {
                header: "TITLE",
                align: Align::Left,
                max: usize::MAX,
                min: 0,
                flexible: true,
            },
        ];
        let rows = vec![vec![
            "A Very Long Outlet Name".to_string(),
            "A title that is long".to_string(),
        ]];
        let w = widths(&columns, &natural(&columns, &rows), 40);
        assert_eq!(w[1], 20);
        assert_eq!(w[0] + 2 + w[1], 40);
    }

    #[test]
    fn json_escapes_c1_and_bidi_controls() {
        let json = serde_json::to_string("a\u{9b}2J\u{202e}b\u{1b}").unwrap();
        let safe = terminal_safe_json(json);
        assert_eq!(safe, "\"a\\u009b2J\\u202eb\\u001b\"");
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "a\u{9b}2J\u{202e}b\u{1b}");
    }

    #[test]
    fn json_escapes_zero_width_and_keeps_newlines() {
        let safe = json(&vec!["a\u{200b}b\u{feff}"], true).unwrap();
        assert!(
            safe.contains("\\u200b") && safe.contains("\\ufeff"),
            "{safe}"
        );
        assert!(safe.ends_with("]\n"));
    }

    #[test]
    fn the_last_line_of_defence_keeps_colour_codes_only() {
        let text = "\x1b[1;33mhit\x1b[0m\tx\n\x1b]2;t\x07\u{9b}\u{202e}";
        assert_eq!(neutralise(text), "\x1b[1;33mhit\x1b[0m\tx\n␛]2;t␇\u{fffd}");
        assert!(matches!(
            neutralise("plain\ttext\n"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn wrapping_respects_display_width() {
        assert_eq!(wrap("aa bb cc", 5), "aa bb\ncc");
        assert_eq!(wrap("重庆重庆 x", 8), "重庆重庆\nx");
    }
}
