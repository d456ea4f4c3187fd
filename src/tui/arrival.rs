//! A newer model of the corpus while it loads (more articles have arrived),
//! and each model's filter engine when it is ready: what the user is looking
//! at stays where it is.

use super::filter::{Engine, Slot};
use super::model::Model;
use super::state::{CorpusView, Panes, Screen, State};
use super::update::{self, filter};
use std::sync::Arc;

impl State {
    /// Swaps in a newer model of the same corpus. Articles only ever come
    /// after those already there, so the list, its selection and the reader
    /// stay; table entries are numbered anew, so an entity's screen finds its
    /// entry again by kind and name (or closes), the corpus panes start over,
    /// and the entity filters' answers wait for the new engine.
    pub fn replace_model(&mut self, model: Model) {
        let old = std::mem::replace(&mut self.model, model);
        self.with_cache.clear();
        let (old, new) = (&old.index, &self.model.index);
        let articles = new.articles.len();
        self.stack.retain_mut(|screen| match screen {
            Screen::Reader(view) => view.article < articles,
            Screen::Entity(view) => {
                let Some(entry) = old.table.get(view.entry) else {
                    return false;
                };
                let found = new
                    .table
                    .iter()
                    .position(|e| e.kind == entry.kind && e.name == entry.name);
                match found {
                    Some(e) => {
                        view.entry = e;
                        view.lines_for = None;
                        view.with_rows = Arc::new(Vec::new());
                        true
                    }
                    None => false,
                }
            }
        });
        for i in 0..self.stack.len() {
            if let Screen::Entity(view) = &self.stack[i] {
                let rows = update::with_rows(self, view.entry);
                if let Screen::Entity(view) = &mut self.stack[i] {
                    view.with_rows = rows;
                }
            }
        }
        let focus = self.corpus.panes.focus;
        self.corpus = CorpusView {
            panes: Panes::new(self.model.corpus.len()),
            ..CorpusView::default()
        };
        self.corpus.panes.focus = focus.min(self.model.corpus.len().saturating_sub(1));
        self.articles.panes_for = None;
        self.filters.narrowed = None;
        for slot in [Slot::Entities, Slot::Corpus] {
            if let Some(f) = self.filters.slot_mut(slot) {
                f.results = None;
                f.explained.clear();
            }
        }
    }

    /// The filter engine of the model of `generation`: kept when it is the
    /// current one's, and the open filters asked again of it.
    pub fn engine_ready(&mut self, generation: u64, engine: Arc<Engine>) {
        if generation != self.model.generation {
            return;
        }
        self.model.engine = Some(engine);
        filter::refresh(self);
    }
}
