//! What was derived for the articles used lately (their entities read from the
//! store, their panes): a screen redrawn, or a list of an entity's articles
//! scrolled back and forth, reads and derives none twice.

use std::sync::{Arc, Mutex};

/// Articles kept (a few screens of an entity's article list).
const KEPT: usize = 512;

/// Values by article position, the least recently used out first. Clones share them.
#[derive(Debug)]
pub struct Recent<T: ?Sized> {
    inner: Arc<Mutex<Inner<T>>>,
}

impl<T: ?Sized> Clone for Recent<T> {
    fn clone(&self) -> Self {
        Recent {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<T: ?Sized> Default for Recent<T> {
    fn default() -> Self {
        Recent {
            inner: Arc::new(Mutex::new(Inner {
                kept: Vec::new(),
                clock: 0,
            })),
        }
    }
}

#[derive(Debug)]
struct Inner<T: ?Sized> {
    /// (article, value, last use), at most [`KEPT`].
    kept: Vec<(usize, Arc<T>, u64)>,
    clock: u64,
}

impl<T: ?Sized> Recent<T> {
    /// The value of `article`, made with `read` unless kept.
    pub fn get_or(&self, article: usize, read: impl FnOnce() -> Arc<T>) -> Arc<T> {
        if let Ok(mut inner) = self.inner.lock() {
            inner.clock += 1;
            let now = inner.clock;
            if let Some(slot) = inner.kept.iter_mut().find(|k| k.0 == article) {
                slot.2 = now;
                return Arc::clone(&slot.1);
            }
        }
        let entities = read();
        if let Ok(mut inner) = self.inner.lock() {
            let now = inner.clock;
            if inner.kept.len() >= KEPT
                && let Some(oldest) = (0..inner.kept.len()).min_by_key(|&i| inner.kept[i].2)
            {
                inner.kept.swap_remove(oldest);
            }
            inner.kept.push((article, Arc::clone(&entities), now));
        }
        entities
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_once_and_forgets_the_oldest() {
        let recent: Recent<[u8]> = Recent::default();
        let reads = std::cell::Cell::new(0);
        let read = || {
            reads.set(reads.get() + 1);
            Arc::from(Vec::new())
        };
        recent.get_or(1, read);
        recent.get_or(1, read);
        assert_eq!(reads.get(), 1);
        for a in 2..KEPT + 2 {
            recent.get_or(a, read);
        }
        recent.get_or(1, read);
        assert_eq!(
            reads.get(),
            KEPT + 2,
            "article 1 was the oldest, read again"
        );
    }
}
