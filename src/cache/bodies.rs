//! The bodies of a cached corpus, left on disk and read one at a time when the
//! reader, a preview or an export needs them: memory holds only row ids. A body
//! that fails its check is read from its file instead, and the cache is marked
//! to be rebuilt.

use super::store::{Failure, Store};
use crate::corpus::{self, Article, Input, Problem};
use crate::index::BodySource;
use std::path::Path;
use std::sync::Mutex;

/// A row id per article; [`IN_MEMORY`] where the body is held by the article.
pub struct CachedBodies {
    store: Mutex<Store>,
    rows: Vec<i64>,
    problems: Mutex<Vec<Problem>>,
}

/// The row id of an article whose body is in memory.
pub const IN_MEMORY: i64 = -1;

impl CachedBodies {
    /// Bodies read from `store`, article `n`'s from row `rows[n]`.
    pub fn new(store: Store, rows: Vec<i64>) -> CachedBodies {
        CachedBodies {
            store: Mutex::new(store),
            rows,
            problems: Mutex::new(Vec::new()),
        }
    }

    /// Reads the article from its file again (when its cached body is damaged).
    fn from_file(article: &Article) -> Result<String, String> {
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
            .map(|a| a.body)
            .ok_or_else(|| format!("{} no longer has this article", article.path))
    }
}

impl std::fmt::Debug for CachedBodies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CachedBodies({} articles)", self.rows.len())
    }
}

impl BodySource for CachedBodies {
    fn body(&self, position: usize, article: &Article) -> Result<String, String> {
        let row = self
            .rows
            .get(position)
            .copied()
            .filter(|&r| r != IN_MEMORY)
            .ok_or("not in the cache")?;
        let store = self.store.lock().map_err(|_| "the cache reader failed")?;
        match store.body(row) {
            Ok(body) => Ok(body),
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
                Self::from_file(article)
            }
            // Another dossier replaced the file's rows (the file changed since).
            Err(_) => Self::from_file(article),
        }
    }

    fn problems(&self) -> Vec<Problem> {
        self.problems.lock().map(|p| p.clone()).unwrap_or_default()
    }
}
