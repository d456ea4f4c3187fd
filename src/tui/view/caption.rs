//! The demo's caption bar: one reversed line above the status line, the
//! caption centred in it (cut to fit).

use super::widgets::fit;
use crate::tui::layout;
use crate::tui::state::State;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

/// Draws the caption, if there is one, over the last row of the body.
pub fn render(state: &State, frame: &mut Frame) {
    let Some(caption) = &state.caption else {
        return;
    };
    let Some(chrome) = layout::chrome(state.width, state.height) else {
        return;
    };
    let row = chrome.status.y.saturating_sub(1);
    let area = Rect::new(0, row, state.width, 1);
    let text = fit(state, caption, (state.width as usize).saturating_sub(2));
    let line = Line::styled(format!(" {text} "), state.theme.caption()).centered();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(line).style(state.theme.caption()), area);
}
