//! The header line: app name, the two home tabs, and the corpus with its counts.

use super::widgets::fit;
use crate::text::width;
use crate::tui::state::{State, Tab};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const NAME: &str = " dossier ";

/// The tabs with the columns their labels occupy.
pub fn tabs(state: &State) -> Vec<(Tab, u16, String)> {
    let keymap = &state.keymap;
    let label = |action, name: &str| match keymap.main_key(&action) {
        Some(key) => format!(" {key} {name} "),
        None => format!(" {name} "),
    };
    let entries = [
        (
            Tab::Articles,
            label(crate::tui::action::Action::ShowArticles, "Articles"),
        ),
        (
            Tab::Corpus,
            label(crate::tui::action::Action::ShowCorpus, "Corpus"),
        ),
    ];
    let mut x = width(NAME) as u16 + 1;
    entries
        .into_iter()
        .map(|(tab, text)| {
            let at = x;
            x += width(&text) as u16;
            (tab, at, text)
        })
        .collect()
}

/// The tab whose label covers column `x` of the header.
pub fn tab_at(state: &State, x: u16) -> Option<Tab> {
    tabs(state)
        .into_iter()
        .find(|(_, at, text)| x >= *at && x < at + width(text) as u16)
        .map(|(tab, _, _)| tab)
}

/// "corpus name · 5 articles · 214 entities".
pub fn summary(state: &State) -> String {
    let index = &state.model.index;
    let dot = state.theme.symbols.dot;
    let more = state.theme.symbols.more;
    if let Some(loading) = state.loading {
        let name = crate::text::sanitize_line(&index.name);
        return match loading.articles {
            Some(1) => format!("{name}{dot}1 article{dot}finding entities{more}"),
            Some(n) => format!("{name}{dot}{n} articles{dot}finding entities{more}"),
            None => format!("{name}{dot}reading{more}"),
        };
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut text = format!(
        "{}{dot}{}{dot}{}",
        crate::text::sanitize_line(&index.name),
        plural(index.articles.len(), "article", "articles"),
        plural(state.model.entity_count, "entity", "entities"),
    );
    let skipped = index.problems.iter().filter(|p| p.skipped).count();
    if skipped > 0 {
        text.push_str(&format!("{dot}{skipped} skipped"));
    }
    if state.arriving.is_some() && !index.has_table() {
        text.push_str(&format!("{dot}reading the entities{more}"));
    } else if state.arriving.is_some() {
        text.push_str(&format!("{dot}more arriving{more}"));
    }
    text
}

/// Draws the header.
pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let theme = &state.theme;
    let mut spans = vec![Span::styled(NAME, theme.active()), Span::raw(" ")];
    for (tab, _, text) in tabs(state) {
        let style = if tab == state.tab {
            theme.active()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(text, style));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let room = (area.width as usize).saturating_sub(used + 2);
    spans.push(Span::raw("  "));
    spans.push(Span::styled(fit(state, &summary(state), room), theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
