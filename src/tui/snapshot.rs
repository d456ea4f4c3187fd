//! Headless rendering: the screen after some keys, as plain text, through
//! ratatui's `TestBackend` (for `dossier snapshot`, docs, bug reports, tests).

use super::action::Action;
use super::keymap::Key;
use super::state::State;
use super::theme::Theme;
use super::{press_key, update, view};
use crate::index::Index;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// Presses keys given as `tmux send-keys` would read them ("j Tab Enter").
/// Filter queries and facet counts run at once, so the screen after them is
/// always the same; effects outside the screen (clipboard, browser, files) are
/// dropped.
pub fn press(state: &mut State, keys: &str) {
    for key in Key::parse_sequence(keys) {
        if state.exit.is_some() {
            break;
        }
        press_key(state, key);
        super::filter::run_now(state);
        super::jobs::run_now(state);
        super::effects::run_now(state);
    }
}

/// The screen as a buffer of styled cells.
pub fn render(state: &State) -> Buffer {
    let backend = TestBackend::new(state.width, state.height);
    let Ok(mut terminal) = Terminal::new(backend);
    let Ok(_) = terminal.draw(|frame| {
        view::render(state, frame);
        if state.theme.ascii {
            super::ascii::fold_buffer(frame.buffer_mut());
        }
    });
    terminal.backend().buffer().clone()
}

/// The screen as text, one line per row, trailing spaces trimmed.
pub fn screen_text(state: &State) -> String {
    buffer_text(&render(state))
}

/// The explorer on `index` at `width` x `height` after `keys`, as text.
pub fn snapshot(index: Index, theme: Theme, width: u16, height: u16, keys: &str) -> String {
    let mut state = State::new(index, theme);
    update::update(&mut state, Action::Resize(width, height));
    press(&mut state, keys);
    screen_text(&state)
}

/// A buffer's text; cells covered by a wide character before them are skipped.
pub fn buffer_text(buffer: &Buffer) -> String {
    let width = buffer.area.width.max(1) as usize;
    let mut out = String::new();
    for row in buffer.content.chunks(width) {
        let mut line = String::new();
        let mut skip = 0;
        for cell in row {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = cell.symbol();
            line.push_str(symbol);
            skip = symbol.width().saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
