//! The bodies and entities of a cached corpus, left on disk and read one
//! article at a time when the reader, a preview or an export needs them:
//! memory holds only row ids. A record that fails its check is read from its
//! file instead, and the cache is marked to be rebuilt.

use super::store::{Failure, Store};
use crate::corpus::{self, Article, Input, Problem};
use crate::extract::Entity;
use crate::index;
use std::path::Path;
use std::sync::Mutex;

/// A row id per article; [`IN_MEMORY`] where the article is held in memory.
pub struct CachedBodies {
    store: Mutex<Store>,
    rows: Vec<i64>,
    problems: Mutex<Vec<Problem>>,
}

/// The row id of an article held in memory.
pub const IN_MEMORY: i64 = -1;

impl CachedBodies {
    /// Bodies and entities read from `store` (a reading connection), article
    /// `n`'s from row `rows[n]`.
    pub fn new(store: Store, rows: Vec<i64>) -> CachedBodies {
        CachedBodies {
            store: Mutex::new(store),
            rows,
            problems: Mutex::new(Vec::new()),
        }
    }

    /// Reads the article from its file again (when its cached copy is damaged).
    fn from_file(article: &Article) -> Result<Article, String> {
        let file = if Path::new(&article.path).is_file() {
            article.path.as_str()
        } else {
            article.path.rsplit_once(':').map_or("", |(f, _)| f)
        };
        let corpus = corpus::load(&[Input::from_arg(file)]);
        corpus
            .articles
            .into_iter()
            .find(|a| a.path == article.path)
            .ok_or_else(|| format!("{} no longer has this article", article.path))
    }

    /// Reads one record of `position` with `read`; a damaged one marks the
    /// cache, and either way the article is read from its file instead.
    fn read<T>(
        &self,
        position: usize,
        article: &Article,
        read: impl FnOnce(&Store, i64) -> Result<T, Failure>,
        again: impl FnOnce(Article) -> T,
    ) -> Result<T, String> {
        let row = self
            .rows
            .get(position)
            .copied()
            .filter(|&r| r != IN_MEMORY)
            .ok_or("not in the cache")?;
        let store = self.store.lock().map_err(|_| "the cache reader failed")?;
        match read(&store, row) {
            Ok(value) => Ok(value),
            Err(Failure::Damaged(reason)) => {
                let _ = store.mark_damaged(&reason);
                if let Ok(mut problems) = self.problems.lock()
                    && problems.is_empty()
                {
                    problems.push(Problem {
                        path: store.path().display().to_string(),
                        reason: format!("cache damaged ({reason}); rebuilt when next opened"),
                        skipped: false,
                    });
                }
                drop(store);
                Self::from_file(article).map(again)
            }
            // Another dossier replaced the file's rows (the file changed since).
            Err(_) => {
                drop(store);
                Self::from_file(article).map(again)
            }
        }
    }
}

impl std::fmt::Debug for CachedBodies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CachedBodies({} articles)", self.rows.len())
    }
}

impl index::Store for CachedBodies {
    fn body(&self, position: usize, article: &Article) -> Result<String, String> {
        self.read(position, article, |s, row| s.body(row), |a| a.body)
    }

    fn body_len(&self, position: usize, article: &Article) -> Result<usize, String> {
        self.read(
            position,
            article,
            |s, row| s.body_len(row),
            |a| a.body.len(),
        )
    }

    fn body_prefix(
        &self,
        position: usize,
        article: &Article,
        max: usize,
    ) -> Result<String, String> {
        let prefix = |s: &Store, row: i64| s.body_prefix(row, max);
        let cut = |a: Article| {
            let mut body = a.body;
            let mut cut = body.len().min(max);
            while !body.is_char_boundary(cut) {
                cut -= 1;
            }
            body.truncate(cut);
            body
        };
        self.read(position, article, prefix, cut)
    }

    fn entities(&self, position: usize, article: &Article) -> Result<Vec<Entity>, String> {
        self.read(
            position,
            article,
            |s, row| s.entities(row),
            |a| a.entities(),
        )
    }

    fn problems(&self) -> Vec<Problem> {
        self.problems.lock().map(|p| p.clone()).unwrap_or_default()
    }
}
