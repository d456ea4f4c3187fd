//! The filter line (`/ query`, the scope chip, a "…" while a newer query is
//! being computed, and the match count of entity filters), the problem under
//! it, and matched characters highlighted in untrusted text.

use super::widgets::fit;
use crate::text::{sanitize_line, width};
use crate::tui::filter::{Filter, Matched, Slot, scope_label};
use crate::tui::layout::Area;
use crate::tui::model::Section;
use crate::tui::state::State;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const PROMPT: &str = "/ ";

/// "12,345": a count with thousands separators.
pub fn count(n: usize) -> String {
    crate::text::thousands(n as u64)
}

/// `text` sanitised char by char (so `positions`, char indices into the raw
/// text, still point at the right chars), the chars at `positions` in
/// `marked` over `base`, cut with an ellipsis to `cells` and padded to it.
pub fn highlighted<'a>(
    state: &State,
    text: &str,
    positions: &[usize],
    cells: usize,
    base: Style,
) -> Vec<Span<'a>> {
    let marked = base.patch(state.theme.matched());
    let total: usize = text
        .chars()
        .map(|c| width(&sanitize_line(&c.to_string())))
        .sum();
    let ellipsis = state.theme.symbols.ellipsis;
    let room = if total > cells {
        cells.saturating_sub(width(ellipsis))
    } else {
        cells
    };
    let mut spans: Vec<Span> = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    let mut used = 0;
    for (i, c) in text.chars().enumerate() {
        let piece = sanitize_line(&c.to_string()).into_owned();
        let w = width(&piece);
        if used + w > room {
            break;
        }
        let mark = positions.binary_search(&i).is_ok();
        if mark != run_marked && !run.is_empty() {
            let style = if run_marked { marked } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_marked = mark;
        run.push_str(&piece);
        used += w;
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_marked { marked } else { base }));
    }
    let mut tail = String::new();
    if total > cells && cells >= width(ellipsis) {
        tail.push_str(ellipsis);
        used += width(ellipsis);
    }
    tail.extend(std::iter::repeat_n(' ', cells.saturating_sub(used)));
    if !tail.is_empty() {
        spans.push(Span::styled(tail, base));
    }
    spans
}

/// How many entities an entity filter leaves, of how many: the selected
/// article's, or the corpus's. None before anything was typed.
fn entity_counts(state: &State, slot: Slot) -> Option<(usize, usize)> {
    let results = state.filters.results(slot)?;
    let members = |sections: &[Section]| sections.iter().map(|s| s.members.len()).sum();
    match (slot, &results.matched) {
        (Slot::Corpus, Matched::Entries { count, .. }) => {
            Some((*count, state.model.index.table.len()))
        }
        (Slot::Entities, Matched::Entries { .. }) => {
            let article = state.article()?;
            let all = state.model.sections(article);
            Some((members(&state.article_sections(article)), members(&all)))
        }
        _ => None,
    }
}

/// The right end of the line: chip, count (entity filters), pending mark.
fn right_side(state: &State, filter: &Filter, slot: Slot) -> Vec<Span<'static>> {
    let theme = &state.theme;
    let mut spans = Vec::new();
    if filter.pending() {
        spans.push(Span::styled(
            format!("{} ", state.theme.symbols.ellipsis),
            theme.dim(),
        ));
    }
    if let Some(spelling) = filter
        .results
        .as_ref()
        .and_then(|r| r.suggestion.as_deref())
    {
        spans.push(Span::styled("did you mean ", theme.dim()));
        spans.push(Span::styled(
            format!("{} ", sanitize_line(spelling)),
            theme.strong(),
        ));
    }
    if let Some((shown, of)) = entity_counts(state, slot) {
        spans.push(Span::styled(
            format!("{} of {} ", count(shown), count(of)),
            theme.dim(),
        ));
    }
    let chip = match filter.scope {
        Some(kind) => theme.kind(kind).patch(theme.strong()),
        None => theme.dim(),
    };
    spans.push(Span::styled("[", theme.dim()));
    spans.push(Span::styled(scope_label(filter.scope), chip));
    spans.push(Span::styled("]", theme.dim()));
    spans
}

/// What an empty line says it filters, before the first key: "filter
/// articles", "filter Cities of this article", "filter entities across the
/// corpus".
pub fn placeholder(filter: &Filter, slot: Slot) -> String {
    let what = filter.scope.map_or("entities", |k| k.plural());
    match slot {
        Slot::Articles => match filter.scope {
            Some(kind) => format!("filter articles by their {}", kind.plural()),
            None => "filter articles".to_string(),
        },
        Slot::Entities => format!("filter {what} of this article"),
        Slot::Corpus => format!("filter {what} across the corpus"),
    }
}

/// Draws the filter line of `area` (and the problem under it), placing the
/// terminal cursor where typing goes while the line has the keys.
pub fn render(state: &State, frame: &mut Frame, area: &Area, slot: Slot) {
    let Some(filter) = state.filters.get(slot) else {
        return;
    };
    let theme = &state.theme;
    let row = Rect::new(area.rows.x, area.rows.y, area.rows.width, 1);
    let right = right_side(state, filter, slot);
    let right_width: usize = right.iter().map(|s| width(&s.content)).sum();
    let cells = row.width as usize;
    let room = cells.saturating_sub(width(PROMPT) + right_width + 1);
    let (shown, column) = filter.line.window(room);
    let prompt = if filter.editing {
        theme.strong()
    } else {
        theme.dim()
    };
    let text_style = if filter.editing {
        Style::new()
    } else {
        theme.strong()
    };
    let (shown, text_style) = if filter.line.text().is_empty() {
        (fit(state, &placeholder(filter, slot), room), theme.dim())
    } else {
        (shown, text_style)
    };
    let gap = cells.saturating_sub(width(PROMPT) + width(&shown) + right_width);
    let mut spans = vec![
        Span::styled(PROMPT, prompt),
        Span::styled(shown, text_style),
        Span::raw(" ".repeat(gap)),
    ];
    if right_width + width(PROMPT) < cells {
        spans.extend(right);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), row);
    if filter.editing {
        let x = row.x + (width(PROMPT) + column) as u16;
        frame.set_cursor_position(Position::new(x.min(row.right().saturating_sub(1)), row.y));
    }
    if area.rows.height > 1
        && let Some(problem) = filter.problems.first()
    {
        let below = Rect::new(row.x, row.y + 1, row.width, 1);
        let text = fit(
            state,
            &problem.to_string(),
            cells.saturating_sub(width(PROMPT)),
        );
        let line = Line::styled(format!("{}{text}", " ".repeat(width(PROMPT))), theme.dim());
        frame.render_widget(Paragraph::new(line), below);
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(5000), "5,000");
        assert_eq!(count(1234567), "1,234,567");
    }
}
