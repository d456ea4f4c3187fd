//! `render(&State, &mut Frame)`: draws the state, one file per pane. Reads the
//! state only; where things go comes from [`crate::tui::layout`].

pub mod articles;
mod caption;
mod corpus;
mod entity;
pub mod filter;
pub mod header;
pub mod help;
mod matches;
mod panes;
pub mod reader;
mod sectioned;
mod status;
mod widgets;

pub use reader::link;
pub use status::hints;

use super::layout::{self, Target};
use super::state::{Screen, State, Tab};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// Draws the whole screen, and the demo's caption over it.
pub fn render(state: &State, frame: &mut Frame) {
    screen(state, frame);
    caption::render(state, frame);
}

fn screen(state: &State, frame: &mut Frame) {
    let area = frame.area();
    if area.width != state.width || area.height != state.height {
        // The state has not seen this size yet; the next resize action redraws.
        return;
    }
    let Some(chrome) = layout::chrome(state.width, state.height) else {
        too_small(state, frame, area);
        return;
    };
    header::render(state, frame, chrome.header);
    status::render(state, frame, chrome.status);
    let areas = layout::areas(state);
    if state.help.is_none()
        && let Some(progress) = state.loading
    {
        loading(state, frame, chrome.body, progress);
        return;
    }
    if state.help.is_some() {
        if let Some(help) = areas.iter().find(|a| a.target == Target::Help) {
            help::render(state, frame, help);
        }
        return;
    }
    match state.screen() {
        Some(Screen::Reader(_)) => reader::render(state, frame, &areas),
        Some(Screen::Entity(_)) => entity::render(state, frame, &areas),
        None => match state.tab {
            Tab::Articles => articles::render(state, frame, &areas),
            Tab::Corpus => corpus::render(state, frame, &areas),
        },
    }
}

fn loading(state: &State, frame: &mut Frame, area: Rect, loading: crate::tui::state::Loading) {
    let more = state.theme.symbols.more;
    let text = match loading.articles {
        Some(1) => format!("Finding the entities in 1 article{more}"),
        Some(n) => format!("Finding the entities in {n} articles{more}"),
        None => format!("Reading the articles and finding their entities{more}"),
    };
    let y = area.y + area.height / 2;
    let line = Line::styled(text, state.theme.dim()).centered();
    frame.render_widget(Paragraph::new(line), Rect::new(area.x, y, area.width, 1));
    if let Some(now) = loading.progress
        && area.height > 2
    {
        let line = Line::styled(now.line(), state.theme.dim()).centered();
        frame.render_widget(
            Paragraph::new(line),
            Rect::new(area.x, y + 1, area.width, 1),
        );
    }
}

fn too_small(state: &State, frame: &mut Frame, area: Rect) {
    let text = format!(
        "Terminal too small ({}x{}); dossier needs {}x{}. Enlarge it, or press q to quit.",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let message =
        Paragraph::new(Line::styled(text, state.theme.warning())).wrap(Wrap { trim: true });
    frame.render_widget(message, area);
}
