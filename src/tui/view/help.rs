//! The help screen, generated from the keymap: what each screen is, then every
//! binding by section, then the mouse.

use super::widgets::{self, fit, title};
use crate::text::width;
use crate::tui::keymap::Section;
use crate::tui::layout::Area;
use crate::tui::state::State;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

const SCREENS: &[(&str, &str)] = &[
    (
        "Articles",
        "the article list, and the selected article's entities by kind",
    ),
    (
        "Corpus",
        "the top entities of every kind, and what occurs with the selected one",
    ),
    (
        "Entity",
        "Enter on an entity: the articles that mention it, each mention in context",
    ),
    (
        "Reader",
        "Enter on an article or mention: the text, entities in their kind's colour",
    ),
];

/// Under the filter keys: the syntax in brief, and where it is in full.
const SYNTAX: &[&str] = &[
    "Syntax (fzf's): words must all match, a | b either; 'exact ^start end$ !not; smart case",
    "Scopes: city: firm: region: country: zone: org: person: event: (c: f:), title: source:",
    "All of it: README.md, section \"Search syntax\" (or dossier search --help)",
];

const MOUSE: &str = "wheel scrolls the pane under the pointer; click selects, click again opens; click a tab to switch";

/// The help text as (left column, right column, is heading) rows.
fn rows(state: &State) -> Vec<(String, String, bool)> {
    let mut out = vec![("What you see".to_string(), String::new(), true)];
    out.extend(
        SCREENS
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string(), false)),
    );
    for section in Section::ALL {
        out.push((String::new(), String::new(), false));
        out.push((section.title().to_string(), String::new(), true));
        for binding in state
            .keymap
            .bindings
            .iter()
            .filter(|b| b.section == section)
        {
            let keys: Vec<String> = binding.keys.iter().map(|k| k.to_string()).collect();
            out.push((keys.join(" "), binding.help.to_string(), false));
        }
        if section == Section::Filter {
            out.extend(
                SYNTAX
                    .iter()
                    .map(|line| (String::new(), line.to_string(), false)),
            );
        }
    }
    out.push((String::new(), String::new(), false));
    out.push(("Mouse".to_string(), String::new(), true));
    out.push((String::new(), MOUSE.to_string(), false));
    out
}

/// The key column's width and the rows with help text wrapped to `width`.
fn wrapped(state: &State, width_: usize) -> (usize, Vec<(String, String, bool)>) {
    let all = rows(state);
    let key_w = all
        .iter()
        .filter(|r| !r.2)
        .map(|r| width(&r.0))
        .max()
        .unwrap_or(0)
        .min(width_ / 3);
    let text_w = width_.saturating_sub(key_w + 3).max(10);
    let mut out = Vec::with_capacity(all.len());
    for (left, right, heading) in all {
        let mut parts = widgets::wrap_words(&right, text_w).into_iter();
        out.push((left, parts.next().unwrap_or_default(), heading));
        out.extend(parts.map(|p| (String::new(), p, false)));
    }
    (key_w, out)
}

/// How many rows the help has at the current size (for scrolling).
pub fn line_count(state: &State) -> usize {
    let w = crate::tui::layout::find(state, crate::tui::layout::Target::Help)
        .map_or(80, |a| a.rows.width as usize);
    wrapped(state, w).1.len()
}

/// Draws the help screen.
pub fn render(state: &State, frame: &mut Frame, area: &Area) {
    frame.render_widget(Clear, area.outer);
    let heading = title(state, "Help".into(), state.theme.strong(), None);
    frame.render_widget(widgets::block(state, heading, true), area.outer);
    let (key_w, all) = wrapped(state, area.rows.width as usize);
    let text_w = (area.rows.width as usize).saturating_sub(key_w + 3);
    let offset = state.help.unwrap_or(0);
    let lines: Vec<Line> = all
        .iter()
        .skip(offset)
        .take(area.rows.height as usize)
        .map(|(left, right, heading)| {
            if *heading {
                return Line::styled(format!(" {left}"), state.theme.strong());
            }
            Line::from(vec![
                Span::styled(
                    format!(" {} ", widgets::cell(state, left, key_w)),
                    state.theme.strong(),
                ),
                Span::raw(" "),
                Span::raw(fit(state, right, text_w)),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area.rows);
    widgets::scrollbar(state, frame, area, all.len(), offset);
}
