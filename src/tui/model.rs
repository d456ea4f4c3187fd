//! What the explorer derives from the [`Index`] once, at start: each article's
//! entities grouped into panes by kind, the corpus-wide entries grouped the same
//! way, where every entry occurs, and the filter's search tables. Keystrokes
//! only read this.

use super::filter::Engine;
use crate::extract::Kind;
use crate::index::{EntryId, Index, Recent};
use std::sync::Arc;

/// One entity pane. Figures and dates share a pane; every other kind has its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// Cities.
    City,
    /// Regions.
    Region,
    /// Countries.
    Country,
    /// Zones.
    Zone,
    /// Firms.
    Firm,
    /// Organisations.
    Org,
    /// People.
    Person,
    /// Events.
    Event,
    /// Figures and dates.
    Value,
}

impl Group {
    /// The pane an entity of `kind` goes in.
    pub fn of(kind: Kind) -> Group {
        match kind {
            Kind::City => Group::City,
            Kind::Region => Group::Region,
            Kind::Country => Group::Country,
            Kind::Zone => Group::Zone,
            Kind::Firm => Group::Firm,
            Kind::Org => Group::Org,
            Kind::Person => Group::Person,
            Kind::Event => Group::Event,
            Kind::Figure | Kind::Date => Group::Value,
        }
    }

    /// The pane title.
    pub fn title(self) -> &'static str {
        match self {
            Group::Value => "Figures/Dates",
            other => other.kind().plural(),
        }
    }

    /// The kind whose colour the pane title takes.
    pub fn kind(self) -> Kind {
        match self {
            Group::City => Kind::City,
            Group::Region => Kind::Region,
            Group::Country => Kind::Country,
            Group::Zone => Kind::Zone,
            Group::Firm => Kind::Firm,
            Group::Org => Kind::Org,
            Group::Person => Kind::Person,
            Group::Event => Kind::Event,
            Group::Value => Kind::Figure,
        }
    }
}

/// The non-empty members of one pane, in display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Which pane.
    pub group: Group,
    /// Entity positions in the article (article panes) or entry ids (corpus panes).
    pub members: Vec<usize>,
}

/// The index plus everything derived from it at start.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// The loaded corpus (shared with the worker preparing the filter engine).
    pub index: Arc<Index>,
    /// Which model this is, of those a load sent (a newer one has a higher
    /// number); the filter engine prepared for it says the same.
    pub generation: u64,
    /// Corpus-wide entries by pane, in most articles first; empty panes left out.
    pub corpus: Vec<Section>,
    /// Whether any article names its outlet (else the list has no outlet column).
    pub any_source: bool,
    /// Whether any article has a date (else the list has no date column).
    pub any_date: bool,
    /// What filter queries run on: prepared on a worker after the model
    /// (`None` until then; queries wait for it).
    pub engine: Option<Arc<Engine>>,
    /// Entities over all articles (counted once: the header shows it every frame).
    pub entity_count: usize,
    /// The panes of the articles shown lately (derived when first shown).
    panes: Recent<[Section]>,
    /// The article list's orders (`s`), sorted once.
    pub orders: super::sort::Orders,
    /// Cells most entity names fit in (nine in ten of them): how wide the
    /// article screen makes its entity panes, so the list keeps the rest.
    pub name_width: u16,
}

impl Model {
    /// Derives the corpus panes from the index; the filter engine comes later
    /// ([`Model::with_engine`] derives both at once).
    pub fn new(index: Index) -> Model {
        let index = Arc::new(index);
        let corpus = corpus_sections(&index);
        let any_source = index.articles.iter().any(|a| a.source.is_some());
        let any_date = index.articles.iter().any(|a| a.date.is_some());
        let entity_count = index.entity_count();
        let orders = super::sort::Orders::new(&index);
        let name_width = name_width(&index);
        Model {
            index,
            generation: 0,
            corpus,
            any_source,
            any_date,
            engine: None,
            entity_count,
            panes: Recent::default(),
            orders,
            name_width,
        }
    }

    /// [`Model::new`] with the filter engine prepared too.
    pub fn with_engine(index: Index) -> Model {
        let mut model = Model::new(index);
        model.engine = Some(Arc::new(model.engine()));
        model
    }

    /// Prepares the filter engine of this model (seconds at a million articles:
    /// call it off the UI thread).
    pub fn engine(&self) -> Engine {
        Engine::new(&self.index, &self.corpus)
    }

    /// The entity panes of `article`: its entities by pane, most mentioned first;
    /// empty panes left out.
    pub fn sections(&self, article: usize) -> Arc<[Section]> {
        if article >= self.index.articles.len() {
            return Arc::from(Vec::new());
        }
        self.panes.get_or(article, || {
            Arc::from(article_sections(&self.index, article))
        })
    }

    /// The table entry of entity `position` in `article`.
    pub fn entry_of(&self, article: usize, position: usize) -> Option<EntryId> {
        self.index.entry_of(article, position)
    }

    /// The position in `article` of the entity that belongs to `entry`.
    pub fn position_in(&self, entry: EntryId, article: usize) -> Option<usize> {
        self.index.position_in(entry, article)
    }
}

fn article_sections(index: &Index, article: usize) -> Vec<Section> {
    let entities = index.entities(article);
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&x, &y| {
        let (a, b) = (&entities[x], &entities[y]);
        Group::of(a.kind)
            .cmp(&Group::of(b.kind))
            .then(b.count.cmp(&a.count))
            .then_with(|| a.name.cmp(&b.name))
    });
    split(order, |&i| Group::of(entities[i].kind))
}

/// The width nine in ten entity names (figures and dates aside) fit in.
fn name_width(index: &Index) -> u16 {
    let mut widths: Vec<usize> = index
        .table
        .iter()
        .filter(|e| Group::of(e.kind) != Group::Value)
        .map(|e| crate::text::width(&e.name).min(60))
        .collect();
    if widths.is_empty() {
        return 16;
    }
    let at = (widths.len() * 9 / 10).min(widths.len() - 1);
    let (_, &mut p90, _) = widths.select_nth_unstable(at);
    p90 as u16
}

/// Whether a date entity is relative to when the article was written
/// ("Monday", "last week", "this year", "two years ago"): it names no year and
/// no day of a month, so it has no digit. Such dates stay entities of their
/// article, but rank after absolute dates and figures across the corpus, where
/// "Monday" in one article and "Monday" in another are different days.
pub fn is_relative_date(kind: Kind, name: &str) -> bool {
    kind == Kind::Date && !name.bytes().any(|b| b.is_ascii_digit())
}

fn corpus_sections(index: &Index) -> Vec<Section> {
    let table = &index.table;
    let mut order: Vec<usize> = (0..table.len()).collect();
    order.sort_by(|&x, &y| {
        let (a, b) = (&table[x], &table[y]);
        Group::of(a.kind)
            .cmp(&Group::of(b.kind))
            .then(is_relative_date(a.kind, &a.name).cmp(&is_relative_date(b.kind, &b.name)))
            .then(b.article_count.cmp(&a.article_count))
            .then(b.mentions.cmp(&a.mentions))
            .then_with(|| a.name.cmp(&b.name))
    });
    split(order, |&i| Group::of(table[i].kind))
}

/// Cuts an ordered list into runs of the same group.
fn split(order: Vec<usize>, group: impl Fn(&usize) -> Group) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for i in order {
        let g = group(&i);
        match out.last_mut() {
            Some(last) if last.group == g => last.members.push(i),
            _ => out.push(Section {
                group: g,
                members: vec![i],
            }),
        }
    }
    out
}
