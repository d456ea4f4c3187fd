//! Acting on what is selected: `s` sorts the article list, `o` opens the
//! article's URL, `y` copies the article's title and URL or the selected
//! entity's name. The work itself (clipboard, browser, configuration file) is
//! queued as effects for the event loop.

use super::focused;
use crate::index::EntryId;
use crate::text::sanitize_line;
use crate::tui::effects::Effect;
use crate::tui::filter::{Matched, Slot};
use crate::tui::layout::Target;
use crate::tui::sort;
use crate::tui::state::{ListRow, Screen, State, Tab};

/// `s`: the next order; the selected article stays selected.
pub fn sort(state: &mut State) {
    let filtering = state.filters.results(Slot::Articles).is_some();
    let article = state.article();
    state.sort = state.sort.next(filtering);
    refresh(state);
    if let Some(article) = article
        && let Some(row) =
            (0..state.visible_articles()).find(|&r| state.visible_article(r) == Some(article))
    {
        state.articles.list.selected = row;
    }
    state.effects.push(Effect::RememberSort(state.sort));
    let label = state.sort.label(filtering).unwrap_or("in corpus order");
    let shown = state.stack.is_empty() && state.tab == Tab::Articles;
    state.message = Some(if shown {
        format!("Articles {label}")
    } else {
        format!("The article list is now {label} (1 shows it)")
    });
}

/// Makes the list's rows for the order and filter results in use, when they
/// were made for others (a pass over a precomputed order; no sort).
pub fn refresh(state: &mut State) {
    let results = state.filters.results(Slot::Articles);
    let generation = results.map_or(0, |r| r.generation);
    if state.sorted.key == state.sort && state.sorted.generation == generation {
        return;
    }
    let hits: Option<Vec<u32>> = results.map(|r| match &r.matched {
        Matched::Articles(hits) => hits.iter().map(|h| h.article as u32).collect(),
        Matched::Entries { .. } => Vec::new(),
    });
    let total = state.model.index.articles.len();
    let rows = sort::rows(&state.model.orders, state.sort, hits.as_deref(), total);
    state.sorted = sort::Sorted {
        key: state.sort,
        generation,
        rows,
    };
}

/// The article the focused pane is about, if any.
fn focused_article(state: &State) -> Option<usize> {
    match state.screen() {
        Some(Screen::Reader(view)) => Some(view.article),
        Some(Screen::Entity(view)) => view.lines_for,
        None if state.tab == Tab::Articles => state.article(),
        None => None,
    }
}

/// The entry selected in the focused pane, when it is an entity pane.
fn focused_entry(state: &State) -> Option<EntryId> {
    let item = |rows: &[ListRow], at: usize| match rows.get(at) {
        Some(&ListRow::Item(id, _)) => Some(id),
        _ => None,
    };
    match focused(state) {
        Target::ArticlePane(i) => {
            let article = state.article()?;
            let selected = state.articles.panes.cursors.get(i)?.selected;
            let position = *state
                .article_sections(article)
                .get(i)?
                .members
                .get(selected)?;
            state.model.entry_of(article, position)
        }
        Target::CorpusPane(_) => state.corpus_entry(),
        Target::With => item(&state.corpus.with_rows, state.corpus.with.selected),
        Target::Mentions => match state.screen() {
            Some(Screen::Entity(view)) => Some(view.entry),
            _ => None,
        },
        Target::EntityWith => match state.screen() {
            Some(Screen::Entity(view)) => item(&view.with_rows, view.with.selected),
            _ => None,
        },
        Target::Sidebar => match state.screen() {
            Some(Screen::Reader(view)) => {
                let position = item(&view.sidebar_rows, view.sidebar.selected)?;
                state.model.entry_of(view.article, position)
            }
            _ => None,
        },
        _ => None,
    }
}

/// `y`: the selected entity's name, else the article's title and URL.
pub fn copy(state: &mut State) {
    if let Some(entry) = focused_entry(state) {
        let Some(name) = state.model.index.table.get(entry).map(|e| e.name.clone()) else {
            return;
        };
        let name = sanitize_line(&name).into_owned();
        state.message = Some(format!("Copied \"{name}\" to the clipboard"));
        state.effects.push(Effect::Copy(name));
        return;
    }
    let Some(article) = focused_article(state).and_then(|a| state.model.index.articles.get(a))
    else {
        state.message = Some("Nothing to copy here".into());
        return;
    };
    let title = sanitize_line(&article.title).into_owned();
    let (text, what) = match &article.url {
        Some(url) => (
            format!("{title}\n{}", sanitize_line(url)),
            "the title and URL",
        ),
        None => (title, "the title (the article has no URL)"),
    };
    state.message = Some(format!("Copied {what} to the clipboard"));
    state.effects.push(Effect::Copy(text));
}

/// `o`: the article's URL in a browser.
pub fn open_url(state: &mut State) {
    let Some(article) = focused_article(state).and_then(|a| state.model.index.articles.get(a))
    else {
        state.message = Some("o opens the URL of an article: select one first".into());
        return;
    };
    match &article.url {
        Some(url) => {
            let url = url.trim().to_string();
            state.message = Some(format!("Opening {}", sanitize_line(&url)));
            state.effects.push(Effect::Open(url));
        }
        None => state.message = Some("This article has no URL".into()),
    }
}
