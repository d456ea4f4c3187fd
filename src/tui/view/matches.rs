//! Article rows while a filter is applied: the title with the matched
//! characters highlighted, and why the article matched (`city Chongqing`,
//! `firm Alibaba Cloud`, `title`), best reason first.

use super::filter::highlighted;
use super::widgets::cell;
use crate::query::{Reason, Source};
use crate::text::{sanitize_line, width};
use crate::tui::filter::Explained;
use crate::tui::state::State;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Column widths of a filtered row: (id, title, why).
fn columns(state: &State, w: usize) -> (usize, usize, usize) {
    let articles = &state.model.index.articles;
    let id =
        articles.last().map_or(1, |a| a.id.to_string().len()) + super::articles::mark_width(state);
    let rest = w.saturating_sub(id + 2);
    let title = rest * 11 / 20;
    (id, title, rest - title)
}

/// The column names above filtered rows.
pub fn header(state: &State, w: usize) -> String {
    let (id, title, why) = columns(state, w);
    format!(
        "{}# {} {}",
        " ".repeat(id.saturating_sub(1)),
        cell(state, "Title", title),
        cell(state, "Matched", why)
    )
}

/// One filtered row: id, highlighted title, reasons (explained by the worker
/// or when the row scrolled into view; see `update::filter::explain_visible`).
pub fn row<'a>(state: &State, article: usize, explained: &Explained, w: usize) -> Line<'a> {
    let a = &state.model.index.articles[article];
    let (id_w, title_w, why_w) = columns(state, w);
    let reasons = explained.get(&article).map_or(&[][..], Vec::as_slice);
    let title = reasons.iter().find(|r| r.source == Source::Title);
    let positions = title.map_or(&[][..], |r| &r.positions);
    let mut spans = vec![
        Span::styled(
            super::articles::id_cell(state, article, id_w),
            state.theme.dim(),
        ),
        Span::raw(" "),
    ];
    spans.extend(highlighted(
        state,
        &a.title,
        positions,
        title_w,
        Style::new(),
    ));
    spans.push(Span::raw(" "));
    spans.extend(why(state, reasons, why_w));
    Line::from(spans)
}

/// "city", "firm", "title", "outlet".
fn label(source: Source) -> &'static str {
    match source {
        Source::Title => "title",
        Source::Outlet => "outlet",
        Source::Entity { kind, .. } => kind.as_str(),
    }
}

/// The reasons, `label text` two spaces apart, in `cells` cells (the last one
/// cut with an ellipsis when it does not fit). A matched title shows in its
/// column; it is named here only when nothing else matched.
fn why<'a>(state: &State, reasons: &[Reason], cells: usize) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut used = 0;
    let only_title = reasons.iter().all(|r| r.source == Source::Title);
    for reason in reasons
        .iter()
        .filter(|r| only_title || r.source != Source::Title)
    {
        let gap = if used == 0 { 0 } else { 2 };
        let name = label(reason.source);
        if used + gap + width(name) > cells {
            break;
        }
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(name, state.theme.dim()));
        used += gap + width(name);
        if reason.source == Source::Title || used + 2 > cells {
            continue;
        }
        let text = width(&sanitize_line(&reason.text));
        let take = text.min(cells - used - 1);
        spans.push(Span::raw(" "));
        spans.extend(highlighted(
            state,
            &reason.text,
            &reason.positions,
            take,
            Style::new(),
        ));
        used += 1 + take;
    }
    spans.push(Span::raw(" ".repeat(cells.saturating_sub(used))));
    spans
}

/// The name shown for an entity row of a filtered pane, highlighted: the
/// entity's name, or the alias that matched followed by the name.
pub fn entity_name<'a>(
    state: &State,
    name: &str,
    reason: Option<&Reason>,
    cells: usize,
) -> Vec<Span<'a>> {
    match reason {
        Some(r) if r.text == name => highlighted(state, name, &r.positions, cells, Style::new()),
        Some(r) => {
            let alias_w = width(&sanitize_line(&r.text)).min(cells);
            let mut spans = highlighted(state, &r.text, &r.positions, alias_w, Style::new());
            let rest = cells - alias_w;
            if rest > 2 {
                spans.push(Span::styled(
                    cell(state, &format!(" ({name})"), rest),
                    state.theme.dim(),
                ));
            } else {
                spans.push(Span::raw(" ".repeat(rest)));
            }
            spans
        }
        None => vec![Span::raw(cell(state, name, cells))],
    }
}
