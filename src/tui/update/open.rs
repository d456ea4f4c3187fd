//! Enter: drilling from an article to the reader, from an entity to the screen
//! of its articles and mentions, from a mention to the reader at that mention.

use super::{focused, height, reader};
use crate::index::EntryId;
use crate::tui::document::Document;
use crate::tui::jobs::{BIG_BODY, Job};
use crate::tui::kwic;
use crate::tui::layout::Target;
use crate::tui::state::{Cursor, EntityView, ListRow, ReaderView, Screen, State};
use crate::tui::wrap::Wrapped;
use std::sync::Arc;

/// How much of a huge article the reader shows while the rest is prepared.
const OPENING_BYTES: usize = 64 * 1024;

/// Screens deeper than this drop the oldest, so endless drilling stays bounded.
const MAX_DEPTH: usize = 32;

/// Opens whatever is selected in the focused pane.
pub fn open(state: &mut State) {
    match focused(state) {
        Target::ArticleList => {
            if let Some(article) = state.article() {
                open_reader(state, article, None, None);
            }
        }
        Target::ArticlePane(i) => {
            let Some(article) = state.article() else {
                return;
            };
            let selected = state
                .articles
                .panes
                .cursors
                .get(i)
                .map_or(0, |c| c.selected);
            let sections = state.article_sections(article);
            let position = sections
                .get(i)
                .and_then(|s| s.members.get(selected).copied());
            if let Some(entry) = position.and_then(|p| state.model.entry_of(article, p)) {
                open_entity(state, entry, Some(article));
            }
        }
        Target::CorpusPane(_) => {
            if let Some(entry) = state.corpus_entry() {
                open_entity(state, entry, None);
            }
        }
        Target::With => {
            let row = state.corpus.with_rows.get(state.corpus.with.selected);
            if let Some(&ListRow::Item(entry, _)) = row {
                open_entity(state, entry, None);
            }
        }
        Target::EntityArticles | Target::Mentions | Target::EntityWith => open_from_entity(state),
        Target::Text => open_current_mention(state),
        Target::Sidebar => reader::follow_selected(state),
        Target::Help | Target::Preview | Target::Filter(_) => {}
    }
}

fn push(state: &mut State, screen: Screen) {
    if state.stack.len() >= MAX_DEPTH {
        state.stack.remove(0);
    }
    state.stack.push(screen);
}

/// Opens the screen of one entry, its article list on `from` when given.
pub fn open_entity(state: &mut State, entry: EntryId, from: Option<usize>) {
    if entry >= state.model.index.table.len() {
        return;
    }
    let articles = state.model.index.articles_of(entry);
    let selected = from
        .and_then(|a| articles.iter().position(|&x| x as usize == a))
        .unwrap_or(0);
    let view = EntityView {
        entry,
        focus: Target::EntityArticles,
        articles: Cursor {
            selected,
            offset: 0,
        },
        mentions: Cursor::default(),
        lines_for: None,
        lines: Vec::new(),
        with: Cursor::default(),
        with_rows: super::focus::with_rows(state, entry),
    };
    push(state, Screen::Entity(view));
}

fn open_from_entity(state: &mut State) {
    let Some(Screen::Entity(view)) = state.stack.last() else {
        return;
    };
    let Some(article) = view.lines_for else {
        return;
    };
    if view.focus == Target::EntityWith {
        if let Some(&ListRow::Item(entry, _)) = view.with_rows.get(view.with.selected) {
            open_entity(state, entry, None);
        }
        return;
    }
    let mention = if view.focus == Target::Mentions {
        match view.lines.get(view.mentions.selected) {
            Some(line) => line.mention,
            None => return,
        }
    } else {
        0
    };
    let follow = state.model.position_in(view.entry, article);
    open_reader(state, article, follow, Some(mention));
}

/// Enter on the text: the entity of the mention last jumped to.
fn open_current_mention(state: &mut State) {
    let Some(Screen::Reader(view)) = state.stack.last() else {
        return;
    };
    let article = view.article;
    let position = match (view.follow, view.mention) {
        (Some(position), Some(_)) => Some(position),
        (None, Some(m)) => view.doc.spans.get(m).map(|s| s.entity),
        _ => None,
    };
    match position.and_then(|p| state.model.entry_of(article, p)) {
        Some(entry) => open_entity(state, entry, Some(article)),
        None => state.message = Some("Press n to jump to a mention first".into()),
    }
}

/// Opens the reader on `article`, following entity `follow` (a position in the
/// article) from its mention `mention` (an index into `Entity::mentions`).
pub fn open_reader(
    state: &mut State,
    article: usize,
    follow: Option<usize>,
    mention: Option<usize>,
) {
    if article >= state.model.index.articles.len() {
        return;
    }
    // A huge article shows its opening at once, the rest when it is prepared.
    let (doc, pending) = match document(state, article) {
        Some(doc) => (doc, false),
        None => {
            let index = &state.model.index;
            let opening = index.body_prefix(article, OPENING_BYTES);
            (
                Arc::new(Document::build(&opening, &index.entities(article))),
                true,
            )
        }
    };
    let entities = state.model.index.entities(article);
    let sidebar_rows = sidebar_rows(state, article);
    let sidebar = Cursor {
        selected: follow
            .and_then(|f| {
                sidebar_rows
                    .iter()
                    .position(|r| *r == ListRow::Item(f, entities[f].count))
            })
            .unwrap_or(0),
        offset: 0,
    };
    // While the document is prepared the mention asked for waits for it.
    let (mention, wanted) = match pending {
        true => (None, mention),
        false => (
            follow.zip(mention).map(|(f, m)| doc.mention_index(f, m)),
            None,
        ),
    };
    let view = ReaderView {
        article,
        doc,
        pending,
        wanted,
        wrapped: Wrapped::default(),
        scroll: 0,
        follow,
        mention,
        in_sidebar: false,
        sidebar,
        sidebar_rows,
        find: None,
    };
    push(state, Screen::Reader(Box::new(view)));
    reader::settle(state);
    reader::reveal(state);
}

/// The reader document of `article`, built on first use and kept; `None`
/// for a huge article not prepared yet (it is asked of a worker: the reader
/// shows it when it is ready).
pub fn document(state: &mut State, article: usize) -> Option<Arc<Document>> {
    if let Some(doc) = state.documents.get(&article) {
        return Some(Arc::clone(doc));
    }
    let index = &state.model.index;
    if index.body_len(article) > BIG_BODY {
        let job = Job::Document(article);
        if !state.jobs.contains(&job) {
            state.jobs.push(job);
        }
        return None;
    }
    let doc = Arc::new(Document::build(
        &index.body(article),
        &index.entities(article),
    ));
    state.documents.insert(article, Arc::clone(&doc));
    Some(doc)
}

fn sidebar_rows(state: &State, article: usize) -> Vec<ListRow> {
    let entities = state.model.index.entities(article);
    let mut rows = Vec::new();
    for section in state.model.sections(article).iter() {
        rows.push(ListRow::Header(section.group, section.members.len()));
        rows.extend(
            section
                .members
                .iter()
                .map(|&p| ListRow::Item(p, entities[p].count)),
        );
    }
    rows
}

/// The entity screen: keep selections valid, build mention lines for the
/// selected article when it changed.
pub fn settle_entity(state: &mut State) {
    let list_height = height(state, Target::EntityArticles);
    let lines_height = height(state, Target::Mentions);
    let with_height = height(state, Target::EntityWith);
    let model = &state.model;
    let Some(Screen::Entity(view)) = state.stack.last_mut() else {
        return;
    };
    let articles = model.index.articles_of(view.entry);
    view.articles.settle(articles.len(), list_height);
    let article = articles.get(view.articles.selected).map(|&a| a as usize);
    if view.lines_for != article {
        view.lines = article
            .and_then(|a| {
                let position = model.position_in(view.entry, a)?;
                let entities = model.index.entities(a);
                let entity = entities.get(position)?;
                Some(kwic::lines(&model.index.body(a), &entity.mentions))
            })
            .unwrap_or_default();
        view.lines_for = article;
        view.mentions = Cursor::default();
    }
    view.mentions.settle(view.lines.len(), lines_height);
    super::moves::settle_sections(&mut view.with, &view.with_rows, with_height);
    if view.focus == Target::EntityWith && with_height.is_none() {
        view.focus = Target::EntityArticles;
    }
}
