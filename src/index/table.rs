//! The corpus-wide table of entities, built one article at a time in load order:
//! an entity joins the entry that already has its name or one of its aliases
//! (same kind, case and spacing aside), else starts a new one. Built as articles
//! arrive, so a load never has to hold every article's entities at once.

use super::{Entry, Rows};
use crate::extract::{Entity, Kind};
use rustc_hash::FxHashMap as HashMap;

/// An entry under construction: all the names seen and how often.
#[derive(Debug, Clone)]
struct Group {
    kind: Kind,
    names: HashMap<String, u32>,
    articles: Vec<u32>,
    mentions: usize,
}

impl Group {
    fn new(kind: Kind) -> Self {
        Group {
            kind,
            names: HashMap::default(),
            articles: Vec::new(),
            mentions: 0,
        }
    }

    fn add(&mut self, article: u32, entity: &Entity) {
        match self.names.get_mut(entity.name.as_str()) {
            Some(n) => *n += 1,
            None => {
                self.names.insert(entity.name.clone(), 1);
            }
        }
        for alias in &entity.aliases {
            if !self.names.contains_key(alias.as_str()) {
                self.names.insert(alias.clone(), 0);
            }
        }
        if self.articles.last() != Some(&article) {
            self.articles.push(article);
        }
        self.mentions += entity.count;
    }

    /// The entry: the name most articles use (ties alphabetically), the others as aliases.
    fn entry(&self) -> Entry {
        let mut names: Vec<(&String, u32)> = self.names.iter().map(|(n, &c)| (n, c)).collect();
        names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let mut names = names.into_iter().map(|(n, _)| n.clone());
        let name = names.next().unwrap_or_default();
        let mut aliases: Vec<String> = names.collect();
        aliases.sort();
        Entry {
            name,
            kind: self.kind,
            aliases,
            article_count: self.articles.len(),
            mentions: self.mentions,
        }
    }
}

/// Builds the table article by article.
#[derive(Debug, Clone, Default)]
pub struct TableBuilder {
    /// Kind and folded name (see [`fold_into`]) to group.
    by_key: HashMap<String, u32>,
    groups: Vec<Group>,
    /// Per article, per entity: its group.
    entry_of: Rows,
    /// Scratch for folding names.
    scratch: String,
}

/// The key names are merged by: the kind, then the name lower-cased with its
/// whitespace collapsed.
fn fold_into(out: &mut String, kind: Kind, name: &str) {
    out.clear();
    out.push(char::from(b'a' + kind as u8));
    for (i, word) in name.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_ascii() {
        out.make_ascii_lowercase();
    } else {
        // As str::to_lowercase does it (a final sigma depends on its word).
        *out = out.to_lowercase();
    }
}

impl TableBuilder {
    /// An empty table.
    pub fn new() -> TableBuilder {
        TableBuilder::default()
    }

    /// Articles added so far.
    pub fn articles(&self) -> usize {
        self.entry_of.len()
    }

    /// Adds the next article's entities.
    pub fn add(&mut self, entities: &[Entity]) {
        let article = self.entry_of.len() as u32;
        let mut ids = Vec::with_capacity(entities.len());
        for entity in entities {
            let names = std::iter::once(&entity.name).chain(&entity.aliases);
            let mut found = None;
            for n in names.clone() {
                fold_into(&mut self.scratch, entity.kind, n);
                if let Some(&g) = self.by_key.get(self.scratch.as_str()) {
                    found = Some(g);
                    break;
                }
            }
            let g = found.unwrap_or_else(|| {
                self.groups.push(Group::new(entity.kind));
                (self.groups.len() - 1) as u32
            });
            for n in names {
                fold_into(&mut self.scratch, entity.kind, n);
                if !self.by_key.contains_key(self.scratch.as_str()) {
                    self.by_key.insert(self.scratch.clone(), g);
                }
            }
            self.groups[g as usize].add(article, entity);
            ids.push(g);
        }
        self.entry_of.push(ids);
    }

    /// The table so far, sorted (kind, then most articles, most mentions, name),
    /// and each article's entities' positions in it. The builder goes on.
    pub fn snapshot(&self) -> (Vec<Entry>, Rows) {
        let entries: Vec<Entry> = self.groups.iter().map(Group::entry).collect();
        let mut order: Vec<u32> = (0..entries.len() as u32).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&entries[a as usize], &entries[b as usize]);
            x.kind
                .cmp(&y.kind)
                .then(y.article_count.cmp(&x.article_count))
                .then(y.mentions.cmp(&x.mentions))
                .then_with(|| x.name.cmp(&y.name))
        });
        let mut position = vec![0u32; entries.len()];
        for (pos, &g) in order.iter().enumerate() {
            position[g as usize] = pos as u32;
        }
        let mut slots: Vec<Option<Entry>> = entries.into_iter().map(Some).collect();
        let table = order
            .iter()
            .filter_map(|&g| slots[g as usize].take())
            .collect();
        let mut entry_of = self.entry_of.clone();
        entry_of.map_items(|g| position[g as usize]);
        (table, entry_of)
    }

    /// The finished table and positions (see [`TableBuilder::snapshot`]).
    pub fn finish(self) -> (Vec<Entry>, Rows) {
        self.snapshot()
    }
}

/// Each entry's articles from each article's entries (ascending, each once):
/// what a stored table leaves out, since it follows from the rest.
pub fn articles_of_entries(entries: usize, entry_of: &Rows) -> Rows {
    // Counted first, so the rows are laid out once, at their sizes.
    let mut counts = vec![0u32; entries];
    let mut last = vec![u32::MAX; entries];
    for (article, row) in entry_of.iter().enumerate() {
        for &e in row {
            let e = e as usize;
            if e < entries && last[e] != article as u32 {
                last[e] = article as u32;
                counts[e] += 1;
            }
        }
    }
    last.fill(u32::MAX);
    Rows::from_counts(&counts, |push| {
        for (article, row) in entry_of.iter().enumerate() {
            for &e in row {
                let e = e as usize;
                if e < entries && last[e] != article as u32 {
                    last[e] = article as u32;
                    push(e, article as u32);
                }
            }
        }
    })
}
