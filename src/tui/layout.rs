//! Where every pane goes for a given terminal size. Both `update` (page sizes,
//! keeping selections visible, mouse hits) and `view` (drawing) ask this one
//! module, so they always agree.

use super::filter::Slot;
use super::state::{Screen, State, Tab};
use ratatui::layout::Rect;

/// The smallest terminal the explorer draws in.
pub const MIN_WIDTH: u16 = 40;
/// The smallest terminal the explorer draws in.
pub const MIN_HEIGHT: u16 = 12;
/// Widest the reader's text gets, for comfortable line lengths.
pub const READER_MAX: u16 = 104;
/// Width of the reader's entity list when it sits beside the text.
pub const SIDEBAR: u16 = 34;
const PANE_MIN_WIDTH: u16 = 24;
/// Rows a preview needs to be worth showing.
const PREVIEW_MIN: u16 = 10;
const PANE_MIN_HEIGHT: u16 = 3;

/// A pane that can take focus, be scrolled or clicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The article list.
    ArticleList,
    /// Entity pane `n` of the selected article.
    ArticlePane(usize),
    /// Corpus pane `n`.
    CorpusPane(usize),
    /// The corpus view's co-occurrence list.
    With,
    /// The entity screen's article list.
    EntityArticles,
    /// The entity screen's mention lines.
    Mentions,
    /// The entity screen's list of what occurs with the entity.
    EntityWith,
    /// The reader's text.
    Text,
    /// The reader's entity list.
    Sidebar,
    /// The selected article's opening, below a short article list (not focusable).
    Preview,
    /// The help screen.
    Help,
    /// A filter line (and the line of problems under it, while there are any).
    Filter(Slot),
}

/// Where one pane is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    /// Which pane.
    pub target: Target,
    /// Its whole rectangle, border included.
    pub outer: Rect,
    /// The rectangle its rows go in.
    pub rows: Rect,
    /// True when several panes share this rectangle, one shown at a time, with
    /// a strip of their names on its first inner row.
    pub tabbed: bool,
}

/// The fixed parts of every screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chrome {
    /// The top line: app name, tabs, corpus name and counts.
    pub header: Rect,
    /// Everything between.
    pub body: Rect,
    /// The bottom line: the keys that matter now.
    pub status: Rect,
}

/// The header, body and status line; `None` when the terminal is too small.
pub fn chrome(width: u16, height: u16) -> Option<Chrome> {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return None;
    }
    Some(Chrome {
        header: Rect::new(0, 0, width, 1),
        body: Rect::new(0, 1, width, height - 2),
        status: Rect::new(0, height - 1, width, 1),
    })
}

/// Every pane of the current screen (the help screen alone when it is open).
pub fn areas(state: &State) -> Vec<Area> {
    let Some(chrome) = chrome(state.width, state.height) else {
        return Vec::new();
    };
    let body = chrome.body;
    if state.help.is_some() {
        let width = body.width.min(100);
        let outer = Rect::new(
            body.x + (body.width - width) / 2,
            body.y,
            width,
            body.height,
        );
        return vec![bordered(Target::Help, outer)];
    }
    match state.screen() {
        Some(Screen::Reader(view)) => {
            let article = state.model.index.articles.get(view.article);
            let meta = article.is_some_and(|a| {
                a.source.is_some() || a.date.is_some() || a.author.is_some() || a.url.is_some()
            });
            reader(body, view.in_sidebar, !view.sidebar_rows.is_empty(), meta)
        }
        Some(Screen::Entity(view)) => {
            let articles = state
                .model
                .index
                .table
                .get(view.entry)
                .map_or(0, |e| e.article_count);
            entity(body, articles)
        }
        None => match state.tab {
            Tab::Articles => articles(state, body),
            Tab::Corpus => corpus(state, body),
        },
    }
}

/// The pane with this target, if it is on screen.
pub fn find(state: &State, target: Target) -> Option<Area> {
    areas(state).into_iter().find(|a| a.target == target)
}

fn bordered(target: Target, outer: Rect) -> Area {
    let rows = Rect::new(
        outer.x + 1,
        outer.y + 1,
        outer.width.saturating_sub(2),
        outer.height.saturating_sub(2),
    );
    Area {
        target,
        outer,
        rows,
        tabbed: false,
    }
}

/// Whether the article list has room for a row of column names, besides
/// `filter` rows of filter line.
pub fn list_has_header(outer: Rect, articles: usize, filter: u16) -> bool {
    let height = outer.height.saturating_sub(filter);
    height >= 8 || usize::from(height) >= articles + 3
}

/// Rows the filter line of `slot` takes: none when it is closed, two while a
/// query being typed has a problem to show under it.
pub fn filter_rows(state: &State, slot: Slot) -> u16 {
    match state.filters.get(slot) {
        None => 0,
        Some(f) if f.editing && !f.problems.is_empty() => 2,
        Some(_) => 1,
    }
}

/// Takes the filter line of `slot` off the top of `area` (leaving at least
/// one row below it).
fn take_filter(state: &State, slot: Slot, area: &mut Rect) -> Option<Area> {
    let rows = filter_rows(state, slot).min(area.height.saturating_sub(1));
    if rows == 0 {
        return None;
    }
    let line = Rect::new(area.x, area.y, area.width, rows);
    area.y += rows;
    area.height -= rows;
    Some(Area {
        target: Target::Filter(slot),
        outer: line,
        rows: line,
        tabbed: false,
    })
}

fn articles(state: &State, body: Rect) -> Vec<Area> {
    // Sized by the whole corpus, not by what the filter shows: the panes do
    // not jump about while a query is typed.
    let count = state.model.index.articles.len();
    let filter = filter_rows(state, Slot::Articles);
    let mut preview = None;
    let (list, rest) = if body.width >= 100 {
        // The entity panes take what most names need (a column of them, up
        // to three on wide screens); the list, its titles above all, the rest.
        // The list keeps 64 cells (title, outlet and date from 100 columns).
        let pane = (state.model.name_width + 10)
            .clamp(28, 48)
            .min(body.width - 64);
        let columns = ((body.width - 60) / pane).clamp(1, 3);
        let (left, rest) = split_columns(body, body.width - pane * columns);
        let wanted = (count.min(500) as u16 + 3).max(6) + filter;
        if left.height >= wanted + PREVIEW_MIN {
            let (list, below) = split_rows(left, wanted);
            let mut area = bordered(Target::Preview, below);
            area.rows.x += 1;
            area.rows.width = area.rows.width.saturating_sub(2);
            preview = Some(area);
            (list, rest)
        } else {
            (left, rest)
        }
    } else {
        let wanted = count.min(500) as u16 + 3;
        let share = if body.height >= 20 {
            body.height / 2
        } else {
            body.height * 2 / 5
        };
        let h = wanted.min(share.max(4)) + filter;
        split_rows(body, h)
    };
    let mut list_area = bordered(Target::ArticleList, list);
    let line = take_filter(state, Slot::Articles, &mut list_area.rows);
    if list_has_header(list, count, filter) {
        list_area.rows.y += 1;
        list_area.rows.height = list_area.rows.height.saturating_sub(1);
    }
    let (lens, widths): (Vec<usize>, Vec<usize>) =
        state.article().map_or_else(Default::default, |a| {
            let entities = state.model.index.entities(a);
            state
                .article_sections(a)
                .iter()
                .map(|s| {
                    let widest = s.members.iter().take(WIDTHS_OF).map(|&p| {
                        let e = &entities[p];
                        crate::text::width(&e.name) + e.count.to_string().len() + 2
                    });
                    (s.members.len(), widest.max().unwrap_or(0))
                })
                .unzip()
        });
    let mut out = vec![list_area];
    out.extend(line);
    out.extend(preview.filter(|_| count > 0));
    let mut rest = rest;
    out.extend(take_filter(state, Slot::Entities, &mut rest));
    out.extend(grid(
        rest,
        &lens,
        &widths,
        state.articles.panes.focus,
        Target::ArticlePane,
    ));
    out
}

/// How many members of a section (the first, as listed) are measured for
/// the pane grid: a pane shows no more than a screenful anyway.
const WIDTHS_OF: usize = 60;

/// Whether the corpus view has a line saying it counts only the articles the
/// article filter matched.
pub fn corpus_faceted(state: &State) -> bool {
    state.article_generation().is_some()
}

fn corpus(state: &State, body: Rect) -> Vec<Area> {
    let mut body = body;
    if corpus_faceted(state) && body.height > 6 {
        body.y += 1;
        body.height -= 1;
    }
    let (panes, with) = if body.width >= 100 {
        let w = (body.width / 3).clamp(30, 56);
        split_columns(body, body.width - w)
    } else {
        split_rows(body, body.height * 3 / 5)
    };
    let table = &state.model.index.table;
    let (lens, widths): (Vec<usize>, Vec<usize>) = state
        .corpus_sections()
        .iter()
        .map(|s| {
            let widest = s.members.iter().take(WIDTHS_OF).map(|&e| {
                let articles = state.entry_articles(e);
                crate::text::width(&table[e].name) + articles.to_string().len() + 5
            });
            (s.members.len(), widest.max().unwrap_or(0))
        })
        .unzip();
    let mut panes = panes;
    let mut out: Vec<Area> = take_filter(state, Slot::Corpus, &mut panes)
        .into_iter()
        .collect();
    out.extend(grid(
        panes,
        &lens,
        &widths,
        state.corpus.panes.focus,
        Target::CorpusPane,
    ));
    out.push(bordered(Target::With, with));
    out
}

/// Whether the entity screen has room for the list of what occurs with it.
pub fn entity_has_with(width: u16) -> bool {
    width >= 100
}

fn entity(body: Rect, articles: usize) -> Vec<Area> {
    // The first body row holds the entity's name, kind and counts.
    let rest = Rect::new(body.x, body.y + 1, body.width, body.height - 1);
    let wanted = articles.min(500) as u16 + 2;
    if entity_has_with(body.width) {
        let (left, lines) = split_columns(rest, (rest.width * 2 / 5).clamp(36, 80));
        let (list, with) = split_rows(left, wanted.clamp(3, left.height / 2));
        return vec![
            bordered(Target::EntityArticles, list),
            bordered(Target::Mentions, lines),
            bordered(Target::EntityWith, with),
        ];
    }
    let (list, lines) = split_rows(rest, wanted.min((rest.height * 2 / 5).max(4)).max(3));
    vec![
        bordered(Target::EntityArticles, list),
        bordered(Target::Mentions, lines),
    ]
}

/// The reader: the text (its first row the article's facts when `meta`), and
/// the entity list beside it when there is room, or while it has focus (the
/// text then narrows and re-wraps beside it rather than being covered).
fn reader(body: Rect, in_sidebar: bool, has_entities: bool, meta: bool) -> Vec<Area> {
    let roomy = body.width >= READER_MAX.min(80) + SIDEBAR;
    let beside = has_entities && (roomy || in_sidebar);
    let side = if beside {
        SIDEBAR.min(body.width / 2)
    } else {
        0
    };
    let text_width = (body.width - side).min(READER_MAX);
    let x = body.x + (body.width - text_width - side) / 2;
    let mut text = bordered(Target::Text, Rect::new(x, body.y, text_width, body.height));
    // A column of air on each side of the text.
    text.rows.x += 1;
    text.rows.width = text.rows.width.saturating_sub(2);
    if meta && text.rows.height > 2 {
        text.rows.y += 1;
        text.rows.height -= 1;
    }
    let mut out = vec![text];
    if beside {
        out.push(bordered(
            Target::Sidebar,
            Rect::new(x + text_width, body.y, side, body.height),
        ));
    }
    out
}

fn split_columns(area: Rect, left: u16) -> (Rect, Rect) {
    let left = left.min(area.width);
    (
        Rect::new(area.x, area.y, left, area.height),
        Rect::new(area.x + left, area.y, area.width - left, area.height),
    )
}

fn split_rows(area: Rect, top: u16) -> (Rect, Rect) {
    let top = top.min(area.height);
    (
        Rect::new(area.x, area.y, area.width, top),
        Rect::new(area.x, area.y + top, area.width, area.height - top),
    )
}

/// Panes for sections of `lens` members: a grid (as many columns as fit
/// PANE_MIN_WIDTH, rows as tall as their longest section where there is room),
/// else one pane showing the focused section with a strip of all section names.
fn grid(
    area: Rect,
    lens: &[usize],
    widths: &[usize],
    focus: usize,
    target: fn(usize) -> Target,
) -> Vec<Area> {
    let count = lens.len().max(1) as u16;
    let cols = columns(area, lens, widths);
    let rows = count.div_ceil(cols);
    if lens.len() <= 1 || area.height < rows * PANE_MIN_HEIGHT {
        let mut one = bordered(target(focus.min(lens.len().saturating_sub(1))), area);
        one.tabbed = lens.len() > 1;
        if one.tabbed {
            one.rows.y += 1;
            one.rows.height = one.rows.height.saturating_sub(1);
        }
        return vec![one];
    }
    let wanted = wanted_heights(lens, cols);
    let heights = share(area.height, &wanted, PANE_MIN_HEIGHT);
    let mut out = Vec::with_capacity(lens.len());
    let mut y = area.y;
    for (r, &h) in heights.iter().enumerate() {
        let first = r * cols as usize;
        let in_row = (lens.len() - first).min(cols as usize) as u16;
        for c in 0..in_row {
            let x0 = area.x + area.width * c / in_row;
            let x1 = area.x + area.width * (c + 1) / in_row;
            out.push(bordered(
                target(first + c as usize),
                Rect::new(x0, y, x1 - x0, h),
            ));
        }
        y += h;
    }
    out
}

/// Rows each grid row would like: its longest section plus borders.
fn wanted_heights(lens: &[usize], cols: u16) -> Vec<u16> {
    lens.chunks(cols.max(1) as usize)
        .map(|row| row.iter().max().map_or(0, |&m| m.min(200) as u16) + 2)
        .collect()
}

/// How many columns of panes: where the rows fit and every name is whole,
/// the most such columns (panes no wider than their names, fewer empty
/// rows); where no layout keeps names whole, the fewest columns whose rows
/// fit (the widest panes, so names are cut only as much as they must be);
/// the most that fit PANE_MIN_WIDTH otherwise. `widths` are each section's
/// widest row (name and number).
fn columns(area: Rect, lens: &[usize], widths: &[usize]) -> u16 {
    let count = lens.len().max(1) as u16;
    let most = count.min((area.width / PANE_MIN_WIDTH).max(1));
    let rows_fit = |c: u16| wanted_heights(lens, c).iter().sum::<u16>() <= area.height;
    // A pane's row: the border (2), the marker (2) and a space between.
    let names_fit = |c: u16| widths.iter().all(|&w| w + 5 <= usize::from(area.width / c));
    let cut = |c: u16| {
        let room = usize::from(area.width / c);
        widths.iter().filter(|&&w| w + 5 > room).count()
    };
    (1..=most)
        .rev()
        .find(|&c| rows_fit(c) && names_fit(c))
        .or_else(|| {
            // No layout keeps every name whole: the one that cuts the fewest,
            // the more columns among equals.
            (1..=most)
                .filter(|&c| rows_fit(c))
                .min_by_key(|&c| (cut(c), std::cmp::Reverse(c)))
        })
        .unwrap_or(most)
}

/// Splits `total` rows among parts that want `wanted` rows each (at least
/// `min`): when everything fits, the spare rows are shared out evenly; when not,
/// each gets `min` plus a share of the rest in proportion to what it wanted more.
fn share(total: u16, wanted: &[u16], min: u16) -> Vec<u16> {
    let n = wanted.len() as u16;
    let wanted: Vec<u16> = wanted.iter().map(|&w| w.max(min)).collect();
    let sum: u16 = wanted.iter().sum();
    let mut out = if sum <= total {
        let spare = total - sum;
        let mut v: Vec<u16> = wanted.iter().map(|&w| w + spare / n).collect();
        v.iter_mut()
            .take((spare % n) as usize)
            .for_each(|h| *h += 1);
        v
    } else {
        let rest = total.saturating_sub(min * n) as u32;
        let more: u32 = wanted.iter().map(|&w| (w - min) as u32).sum();
        wanted
            .iter()
            .map(|&w| min + ((w - min) as u32 * rest / more.max(1)) as u16)
            .collect()
    };
    // Rounding leftovers go to the first parts, so the parts fill `total` exactly.
    let used: u16 = out.iter().sum();
    let mut left = total.saturating_sub(used);
    for h in out.iter_mut() {
        if left == 0 {
            break;
        }
        *h += 1;
        left -= 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_small_has_no_chrome() {
        assert!(chrome(39, 24).is_none());
        assert!(chrome(80, 11).is_none());
        assert!(chrome(40, 12).is_some());
    }

    #[test]
    fn grid_fills_the_area_without_overlap() {
        let area = Rect::new(0, 0, 70, 30);
        let cells = grid(
            area,
            &[1, 5, 2, 9, 1, 1, 3],
            &[10; 7],
            0,
            Target::ArticlePane,
        );
        assert_eq!(cells.len(), 7);
        let total: u32 = cells.iter().map(|a| a.outer.area()).sum();
        assert_eq!(total, area.area());
        for (i, a) in cells.iter().enumerate() {
            for b in &cells[i + 1..] {
                assert!(!a.outer.intersects(b.outer));
            }
        }
    }

    #[test]
    fn shares_fill_the_total() {
        assert_eq!(share(15, &[3, 6, 6], 3), vec![3, 6, 6]);
        assert_eq!(share(20, &[3, 6, 3], 3), vec![6, 9, 5]);
        for (total, wanted) in [
            (15u16, vec![3u16, 6, 6]),
            (13, vec![9, 8, 4]),
            (40, vec![3, 3]),
            (9, vec![20, 20, 20]),
        ] {
            let got = share(total, &wanted, 3);
            assert_eq!(
                got.iter().sum::<u16>(),
                total,
                "{total} {wanted:?} -> {got:?}"
            );
            assert!(got.iter().all(|&h| h >= 3));
        }
    }

    #[test]
    fn grid_falls_back_to_one_tabbed_pane() {
        let cells = grid(
            Rect::new(0, 0, 40, 8),
            &[1, 2, 3, 4, 5],
            &[10; 5],
            3,
            Target::CorpusPane,
        );
        assert_eq!(cells.len(), 1);
        assert!(cells[0].tabbed);
        assert_eq!(cells[0].target, Target::CorpusPane(3));
    }
}
