//! Everything the screen shows, as plain data: which screen, which pane has
//! focus, every selection and scroll position, and the caches derived from the
//! model (context lines, the wrapped article). No terminal in here.

use super::action::Signal;
use super::document::Document;
use super::effects::Effect;
use super::facet::FacetState;
use super::filter::{Filters, Matched, Slot};
use super::keymap::Keymap;
use super::kwic::KwicLine;
use super::layout::Target;
use super::model::{Group, Model, Section};
use super::pick::PickState;
use super::sort::{SortKey, Sorted};
use super::theme::Theme;
use super::wrap::Wrapped;
use crate::index::{EntryId, Index};
use std::collections::HashMap;
use std::sync::Arc;

/// The explorer's whole state.
#[derive(Debug, Clone)]
pub struct State {
    /// The corpus and what was derived from it at start.
    pub model: Model,
    /// Colours and symbols.
    pub theme: Theme,
    /// The key table.
    pub keymap: Keymap,
    /// Terminal columns.
    pub width: u16,
    /// Terminal rows.
    pub height: u16,
    /// The home screen shown under any opened screens.
    pub tab: Tab,
    /// The article list and its entity panes.
    pub articles: ArticlesView,
    /// The corpus view.
    pub corpus: CorpusView,
    /// Screens opened on top of the home screen, innermost last; Esc pops.
    pub stack: Vec<Screen>,
    /// The help screen's scroll offset, when it is open.
    pub help: Option<usize>,
    /// Whether the reader shows kind labels after entities.
    pub labels: bool,
    /// A one-off message for the status line ("no more mentions").
    pub message: Option<String>,
    /// The demo's caption, shown in a bar above the status line.
    pub caption: Option<String>,
    /// Whether the demo is running (any key stops it).
    pub demo: bool,
    /// Whether Ctrl-Z may stop the explorer (a shell with job control started it).
    pub job_control: bool,
    /// What `update` asks of the terminal, for the event loop to do.
    pub request: Option<Request>,
    /// Set when the explorer should end.
    pub exit: Option<Exit>,
    /// Reader documents built so far, by article.
    pub documents: HashMap<usize, Arc<Document>>,
    /// The selected article's opening, wrapped for the preview pane (when shown).
    pub preview: Option<Preview>,
    /// While the corpus is read and its index built.
    pub loading: Option<Loading>,
    /// While more articles arrive after the list is shown (the first open of a
    /// big corpus), with the load's latest counts.
    pub arriving: Option<Option<crate::cache::Snapshot>>,
    /// Co-occurrence lists computed so far, by entry (each costs a pass over
    /// the entry's articles, so revisiting one is free).
    pub with_cache: HashMap<EntryId, Arc<Vec<ListRow>>>,
    /// The filters, their history and the queries waiting for the worker.
    pub filters: Filters,
    /// Work asked of other threads (a huge article to prepare), for the event loop.
    pub jobs: Vec<super::jobs::Job>,
    /// The article list's order (`s`).
    pub sort: SortKey,
    /// The list's rows in that order, for the filter results they were made from.
    pub sorted: Sorted,
    /// What `update` asks of the world (clipboard, browser, files, workers),
    /// for the event loop to do; drained after every input.
    pub effects: Vec<Effect>,
    /// The corpus counted over the filtered articles, when a filter is applied.
    pub facet: FacetState,
    /// `dossier pick`: the marked articles and how it ended.
    pub pick: Option<PickState>,
}

/// The start of the selected article, for the preview below a short list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// Which article.
    pub article: usize,
    /// Its document.
    pub doc: Arc<Document>,
    /// Wrapped to the preview's width.
    pub wrapped: Wrapped,
}

/// What is known while the corpus loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loading {
    /// How many articles, once they are read.
    pub articles: Option<usize>,
    /// How far reading and extracting has got, when the loader says.
    pub progress: Option<crate::cache::Snapshot>,
}

/// The two home screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Articles and their entities.
    Articles,
    /// Entities across the corpus.
    Corpus,
}

/// Something only the event loop can do, since `update` does no I/O.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// Give the terminal back, stop until `fg`, take it again.
    Suspend,
    /// Take the terminal again and repaint everything.
    Retake,
}

/// Why the explorer ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A signal ended it.
    Signal(Signal),
}

/// A selection in a list and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    /// The selected row.
    pub selected: usize,
    /// The first visible row.
    pub offset: usize,
}

impl Cursor {
    /// Keeps the selection inside `len` rows and, when the list is on screen
    /// (`height` rows tall), visible.
    pub fn settle(&mut self, len: usize, height: Option<usize>) {
        self.selected = self.selected.min(len.saturating_sub(1));
        let Some(height) = height else {
            self.offset = self.offset.min(self.selected);
            return;
        };
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}

/// A set of entity panes, one per non-empty kind, each with its own selection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Panes {
    /// The pane that has (or last had) focus.
    pub focus: usize,
    /// One cursor per pane.
    pub cursors: Vec<Cursor>,
}

impl Panes {
    /// Fresh panes for `count` sections.
    pub fn new(count: usize) -> Panes {
        Panes {
            focus: 0,
            cursors: vec![Cursor::default(); count],
        }
    }
}

/// The article list with the selected article's entity panes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticlesView {
    /// The selected row of the list (a position among the visible articles:
    /// all of them, or the filter's results).
    pub list: Cursor,
    /// The article the panes below were set up for.
    pub panes_for: Option<usize>,
    /// True while an entity pane (not the list) has focus.
    pub in_panes: bool,
    /// The entity panes of the selected article.
    pub panes: Panes,
}

/// A row of a list split into kind sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRow {
    /// A section heading with how many items follow.
    Header(Group, usize),
    /// An item (entity position or entry id) with its number.
    Item(usize, usize),
}

/// Top entities across the corpus, and what occurs with the selected one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusView {
    /// One pane per kind over the corpus entries.
    pub panes: Panes,
    /// True while the co-occurrence list has focus.
    pub in_with: bool,
    /// Selection in the co-occurrence list.
    pub with: Cursor,
    /// The entry the co-occurrence list was computed for.
    pub with_entry: Option<EntryId>,
    /// Entries sharing articles with it, by kind (shared article counts).
    pub with_rows: Arc<Vec<ListRow>>,
}

/// A screen opened on top of the home screen.
#[derive(Debug, Clone)]
pub enum Screen {
    /// One entity across the corpus: its articles and mentions.
    Entity(EntityView),
    /// One article, to read.
    Reader(Box<ReaderView>),
}

/// One entry: the articles that mention it, and its mentions in the selected one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityView {
    /// The entry shown.
    pub entry: EntryId,
    /// The pane with focus: the entry's articles, its mentions, or what occurs with it.
    pub focus: Target,
    /// Selection among the entry's articles.
    pub articles: Cursor,
    /// Selection among the mentions.
    pub mentions: Cursor,
    /// The article the mention lines belong to.
    pub lines_for: Option<usize>,
    /// Mention lines in that article (built when the article is selected).
    pub lines: Vec<KwicLine>,
    /// Selection among the entries that occur with it.
    pub with: Cursor,
    /// Entries sharing articles with it, by kind (shared article counts).
    pub with_rows: Arc<Vec<ListRow>>,
}

/// The reader: one article with its entities highlighted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderView {
    /// The article read.
    pub article: usize,
    /// Its sanitised text and spans (only the opening while `pending`).
    pub doc: Arc<Document>,
    /// While a huge article's document is prepared off the UI thread.
    pub pending: bool,
    /// The mention to show once it is (an index into `Entity::mentions`).
    pub wanted: Option<usize>,
    /// The text wrapped to the current width (rebuilt on resize or label toggle).
    pub wrapped: Wrapped,
    /// First row shown.
    pub scroll: usize,
    /// The entity `n`/`N` follows (position in the article), if any.
    pub follow: Option<usize>,
    /// The mention last jumped to (index in the followed list).
    pub mention: Option<usize>,
    /// True while the entity list beside the text has focus.
    pub in_sidebar: bool,
    /// Selection in that list.
    pub sidebar: Cursor,
    /// That list: the article's entities by kind.
    pub sidebar_rows: Vec<ListRow>,
    /// Text found with `/`, while there is a find line.
    pub find: Option<super::find::Find>,
}

impl State {
    /// The state at start: the article list, nothing opened, size unknown (0x0)
    /// until the first resize.
    pub fn new(index: Index, theme: Theme) -> State {
        State::from_model(Model::with_engine(index), theme)
    }

    /// Like [`State::new`], from a model already derived (on a worker thread).
    pub fn from_model(model: Model, theme: Theme) -> State {
        let first_panes = model.sections(0).len();
        let corpus_panes = model.corpus.len();
        State {
            model,
            theme,
            keymap: Keymap::default(),
            width: 0,
            height: 0,
            tab: Tab::Articles,
            articles: ArticlesView {
                panes: Panes::new(first_panes),
                ..ArticlesView::default()
            },
            corpus: CorpusView {
                panes: Panes::new(corpus_panes),
                ..CorpusView::default()
            },
            stack: Vec::new(),
            help: None,
            labels: false,
            message: None,
            caption: None,
            demo: false,
            job_control: false,
            request: None,
            exit: None,
            documents: HashMap::new(),
            preview: None,
            loading: None,
            arriving: None,
            with_cache: HashMap::new(),
            filters: Filters::default(),
            jobs: Vec::new(),
            sort: SortKey::default(),
            sorted: Sorted::default(),
            effects: Vec::new(),
            facet: FacetState::default(),
            pick: None,
        }
    }

    /// The state while the corpus named `name` (of `articles` articles, when
    /// already read) is loaded and indexed.
    pub fn loading(name: &str, articles: Option<usize>, theme: Theme) -> State {
        let mut index = Index::default();
        index.name = name.to_string();
        State {
            loading: Some(Loading {
                articles,
                progress: None,
            }),
            ..State::new(index, theme)
        }
    }

    /// Swaps in the built index, keeping what the user already chose (size,
    /// home screen, help, labels, keys).
    pub fn finish_loading(&mut self, model: Model) {
        let mut next = State::from_model(model, self.theme);
        next.keymap = std::mem::take(&mut self.keymap);
        (next.width, next.height) = (self.width, self.height);
        (next.tab, next.help, next.labels) = (self.tab, self.help, self.labels);
        next.exit = self.exit;
        (next.caption, next.demo) = (self.caption.take(), self.demo);
        (next.job_control, next.request) = (self.job_control, self.request);
        next.filters.history = std::mem::take(&mut self.filters.history);
        next.sort = self.sort;
        next.pick = self.pick.take();
        next.effects = std::mem::take(&mut self.effects);
        *self = next;
    }

    /// The article selected in the list.
    pub fn article(&self) -> Option<usize> {
        self.visible_article(self.articles.list.selected)
    }

    /// How many articles the list shows (all, or those the filter matched).
    pub fn visible_articles(&self) -> usize {
        if let Some(rows) = self.sorted_rows() {
            return rows.len();
        }
        match self.filters.results(Slot::Articles).map(|r| &r.matched) {
            Some(Matched::Articles(hits)) => hits.len(),
            _ => self.model.index.articles.len(),
        }
    }

    /// The article on row `row` of the list.
    pub fn visible_article(&self, row: usize) -> Option<usize> {
        if let Some(rows) = self.sorted_rows() {
            return rows.get(row).map(|&a| a as usize);
        }
        match self.filters.results(Slot::Articles).map(|r| &r.matched) {
            Some(Matched::Articles(hits)) => hits.get(row).map(|h| h.article),
            _ => (row < self.model.index.articles.len()).then_some(row),
        }
    }

    /// The list's rows in the chosen order, when they are not the filter's
    /// hits (or the corpus) as they are, and were made for the results shown.
    fn sorted_rows(&self) -> Option<&[u32]> {
        let generation = self
            .filters
            .results(Slot::Articles)
            .map_or(0, |r| r.generation);
        let sorted = &self.sorted;
        let current = sorted.key == self.sort && sorted.generation == generation;
        sorted.rows.as_deref().filter(|_| current)
    }

    /// The entity panes of `article`: narrowed by the entity filter when one
    /// is applied, else all of its entities.
    pub fn article_sections(&self, article: usize) -> Arc<[Section]> {
        let applied = self.filters.results(Slot::Entities).map(|r| r.generation);
        match &self.filters.narrowed {
            Some(n) if n.article == article && Some(n.generation) == applied => {
                Arc::clone(&n.sections)
            }
            _ => match &self.facet.raised {
                Some((a, g, sections))
                    if *a == article && Some(*g) == self.article_generation() =>
                {
                    Arc::clone(sections)
                }
                _ => self.model.sections(article),
            },
        }
    }

    /// The generation of the article filter's results, while one is applied.
    pub fn article_generation(&self) -> Option<u64> {
        self.filters.results(Slot::Articles).map(|r| r.generation)
    }

    /// The facet in force: the corpus counted over the filtered articles shown.
    pub fn facet(&self) -> Option<&super::facet::Facet> {
        let generation = self.article_generation()?;
        self.facet
            .current
            .as_deref()
            .filter(|f| f.generation == generation)
    }

    /// The corpus panes: narrowed by the corpus filter when one is applied.
    pub fn corpus_sections(&self) -> &[Section] {
        let results = self.filters.results(Slot::Corpus);
        match (results, self.facet()) {
            (Some(results), Some(facet)) => match &self.facet.narrowed {
                Some((g, f, sections)) if (*g, *f) == (results.generation, facet.generation) => {
                    sections
                }
                _ => &facet.sections,
            },
            (None, Some(facet)) => &facet.sections,
            (Some(results), None) => match &results.matched {
                Matched::Entries { sections, .. } => sections,
                Matched::Articles(_) => &self.model.corpus,
            },
            (None, None) => &self.model.corpus,
        }
    }

    /// How many articles mention `entry` in the corpus view: all of them, or
    /// those matching the article filter while a facet is in force.
    pub fn entry_articles(&self, entry: EntryId) -> usize {
        match self.facet() {
            Some(facet) => facet.counts.get(entry).map_or(0, |&c| c as usize),
            None => self
                .model
                .index
                .table
                .get(entry)
                .map_or(0, |e| e.article_count),
        }
    }

    /// The screen on top, if any was opened.
    pub fn screen(&self) -> Option<&Screen> {
        self.stack.last()
    }

    /// The entry selected in the corpus panes.
    pub fn corpus_entry(&self) -> Option<EntryId> {
        let panes = &self.corpus.panes;
        let section = self.corpus_sections().get(panes.focus)?;
        let cursor = panes.cursors.get(panes.focus)?;
        section.members.get(cursor.selected).copied()
    }
}
