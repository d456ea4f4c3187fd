//! `dossier pick`: the explorer as fzf's multi-select. Articles are marked on
//! the list (Tab marks and moves down, as in fzf), Enter ends with the marked
//! articles (or the selected one) for the caller to print, Esc or q ends with
//! nothing (exit status 130, as fzf's).

/// How pick mode ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// These articles (indices into the corpus), in the order they were marked.
    Chosen(Vec<usize>),
    /// Enter on an empty list: nothing to print (exit status 1, as fzf's).
    Nothing,
    /// Esc, q, Ctrl-C: cancelled (exit status 130).
    Cancelled,
}

/// Pick mode's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PickState {
    /// Marked articles, in the order they were marked.
    pub marked: Vec<usize>,
    /// Set when pick mode ends.
    pub outcome: Option<Picked>,
}

impl PickState {
    /// Marks `article`, or unmarks it when it was marked.
    pub fn toggle(&mut self, article: usize) {
        match self.marked.iter().position(|&a| a == article) {
            Some(at) => {
                self.marked.remove(at);
            }
            None => self.marked.push(article),
        }
    }

    /// Whether `article` is marked.
    pub fn is_marked(&self, article: usize) -> bool {
        self.marked.contains(&article)
    }

    /// Enter: the marked articles, else the selected one, else nothing.
    pub fn accept(&mut self, selected: Option<usize>) {
        self.outcome = Some(match (self.marked.is_empty(), selected) {
            (false, _) => Picked::Chosen(self.marked.clone()),
            (true, Some(article)) => Picked::Chosen(vec![article]),
            (true, None) => Picked::Nothing,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_toggle_and_enter_takes_them_in_marking_order() {
        let mut pick = PickState::default();
        pick.toggle(4);
        pick.toggle(1);
        pick.toggle(7);
        pick.toggle(1);
        assert!(pick.is_marked(7) && !pick.is_marked(1));
        pick.accept(Some(0));
        assert_eq!(pick.outcome, Some(Picked::Chosen(vec![4, 7])));
        let mut none = PickState::default();
        none.accept(Some(3));
        assert_eq!(none.outcome, Some(Picked::Chosen(vec![3])));
        let mut empty = PickState::default();
        empty.accept(None);
        assert_eq!(empty.outcome, Some(Picked::Nothing));
    }
}
