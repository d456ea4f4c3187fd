//! Where output goes and how it looks: terminal width (for aligned, truncated
//! tables) or plain when piped; colour per `--color` and NO_COLOR.

use super::args::{ColorChoice, Global};
use std::io::IsTerminal;

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
        let width = tty.then(|| {
            crossterm::terminal::size()
                .map(|(w, _)| w as usize)
                .unwrap_or(80)
        });
        Output { width, color }
    }
}
