//! Queries kept once they were submitted (Enter), recalled with Up and Down as
//! a shell does: newest first, and Down past the newest brings back what was
//! being typed.

/// How many queries are kept in memory (the file keeps its own number).
const KEEP: usize = 1000;

/// Submitted queries, oldest first, each once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    entries: Vec<String>,
}

impl History {
    /// A history holding `entries` (oldest first), as read from the history file.
    pub fn with_entries(entries: Vec<String>) -> History {
        let mut history = History::default();
        for entry in entries {
            history.push(&entry);
        }
        history
    }
}

/// Where Up and Down are in the history while the line is being edited.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recall {
    /// Steps back from the newest entry (0 is the newest); None while typing.
    pub at: Option<usize>,
    /// What was typed before Up was first pressed, for Down to bring back.
    pub draft: String,
}

impl History {
    /// Keeps `query` as the newest entry (moving it there if it was already
    /// kept); blank queries are not kept.
    pub fn push(&mut self, query: &str) {
        let query = query.trim();
        if query.is_empty() {
            return;
        }
        self.entries.retain(|e| e != query);
        self.entries.push(query.to_string());
        if self.entries.len() > KEEP {
            self.entries.remove(0);
        }
    }

    /// The entry `back` steps from the newest.
    pub fn get(&self, back: usize) -> Option<&str> {
        let i = self.entries.len().checked_sub(back + 1)?;
        self.entries.get(i).map(String::as_str)
    }

    /// How many entries are kept.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing was submitted yet.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Up: the text to show one step older than `recall`, moving it; None at
    /// the oldest entry (or with no history). `typed` is the line now.
    pub fn older(&self, recall: &mut Recall, typed: &str) -> Option<String> {
        let next = recall.at.map_or(0, |at| at + 1);
        let text = self.get(next)?.to_string();
        if recall.at.is_none() {
            recall.draft = typed.to_string();
        }
        recall.at = Some(next);
        Some(text)
    }

    /// Down: the text one step newer, the draft after the newest entry; None
    /// when not browsing.
    pub fn newer(&self, recall: &mut Recall) -> Option<String> {
        match recall.at? {
            0 => {
                recall.at = None;
                Some(std::mem::take(&mut recall.draft))
            }
            at => {
                recall.at = Some(at - 1);
                self.get(at - 1).map(str::to_string)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_goes_back_newest_first_and_down_returns_to_the_draft() {
        let mut history = History::default();
        for q in ["chong", "firm:ali", "chong", "  "] {
            history.push(q);
        }
        assert_eq!(history.len(), 2);
        let mut recall = Recall::default();
        assert_eq!(history.newer(&mut recall), None);
        assert_eq!(history.older(&mut recall, "xi").as_deref(), Some("chong"));
        assert_eq!(
            history.older(&mut recall, "chong").as_deref(),
            Some("firm:ali")
        );
        assert_eq!(history.older(&mut recall, "firm:ali"), None);
        assert_eq!(recall.at, Some(1));
        assert_eq!(history.newer(&mut recall).as_deref(), Some("chong"));
        assert_eq!(history.newer(&mut recall).as_deref(), Some("xi"));
        assert_eq!(recall.at, None);
    }

    #[test]
    fn only_the_last_thousand_are_kept() {
        let mut history = History::default();
        for i in 0..1050 {
            history.push(&format!("q{i}"));
        }
        assert_eq!(history.len(), KEEP);
        assert_eq!(history.get(0), Some("q1049"));
        assert_eq!(history.get(999), Some("q50"));
    }
}
