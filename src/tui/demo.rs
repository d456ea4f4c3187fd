//! `dossier --demo`: a self-running tour of the embedded corpus with captions,
//! paced for an audience. The tour is data: a list of steps (captions, actions,
//! typed keys) that a driver thread sends through the event loop's channel at
//! set times; the loop applies each through the normal `update`, so the demo
//! draws nothing the explorer would not. Same steps, same timing, same
//! screens: it can be recorded. Any key stops it where it is.

use super::action::Action;
use super::events::Input;
use super::keymap::Key;
use super::layout::Target;
use super::model::Group;
use super::state::{State, Tab};
use super::update::{self, focused};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

/// One step of the tour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Show a caption, and give the audience time to read it.
    Say(&'static str),
    /// Apply an action, as its key would.
    Do(Action),
    /// Type these keys, one by one (space-separated key names as `--keys`
    /// takes them; a word that is not a key name is typed letter by letter).
    Type(&'static str),
    /// One key of a [`Step::Type`].
    Key(Key),
    /// Move the focus to the pane of this group, pressing Tab as a person would.
    Focus(Group),
}

/// The tour: open an article, its entity panes, a filter, a pivot to a firm,
/// the corpus view.
pub fn tour() -> Vec<Step> {
    use Action::*;
    use Step::*;
    vec![
        Say("dossier: news articles, and the cities, firms and people they mention"),
        Do(Down),
        Do(Down),
        Do(First),
        Say("Enter opens an article: each entity highlighted in its kind's colour"),
        Do(Open),
        Do(NextMention),
        Do(NextMention),
        Say("L labels every entity with its kind"),
        Do(ToggleLabels),
        Do(PageDown),
        Do(ToggleLabels),
        Say("Esc goes back; Tab walks the article's entities, in panes by kind"),
        Do(Back),
        Do(NextPane),
        Do(Down),
        Do(NextPane),
        Do(NextPane),
        Do(Back),
        Say("/ filters as you type: city:chong keeps the articles that mention Chongqing"),
        Do(Filter),
        Type("city:chong"),
        Type("Enter"),
        Say("Pivot: from an article to a firm, and to every article that mentions it"),
        Focus(Group::Firm),
        Do(Open),
        Do(NextPane),
        Say("Each mention in context; Enter opens the reader right there"),
        Do(Open),
        Do(Back),
        Do(Back),
        Say("2: the corpus view: top entities of every kind, and what occurs with them"),
        Do(ShowCorpus),
        Focus(Group::City),
        Do(Down),
        Do(PrevPane),
        Say("That was the tour. Any key takes over from here; q quits."),
    ]
}

/// How fast the tour runs: 1 is for an audience, 10 ten times as fast.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    /// The speed factor (greater than zero).
    pub speed: f64,
}

impl Pace {
    /// How long the tour waits after `step` before the next one.
    pub fn pause(&self, step: &Step) -> Duration {
        let millis = match step {
            Step::Say(text) => 1500 + 45 * text.chars().count() as u64,
            Step::Do(_) | Step::Focus(_) => 1000,
            Step::Key(_) => 160,
            Step::Type(_) => 0,
        };
        Duration::from_millis(millis).div_f64(self.speed.max(0.01))
    }
}

/// The tour, not yet started.
#[derive(Debug)]
pub struct Driver {
    tx: Sender<Input>,
    pace: Pace,
}

/// A running tour; [`Handle::stop`] ends it.
#[derive(Debug)]
pub struct Handle {
    stopped: Arc<AtomicBool>,
}

impl Handle {
    /// Sends no more steps.
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
    }
}

impl Driver {
    /// A tour that will send its steps to `tx` at `pace`.
    pub fn new(tx: Sender<Input>, pace: Pace) -> Driver {
        Driver { tx, pace }
    }

    /// Starts sending the steps, each after the previous one's pause.
    pub fn start(self) -> std::io::Result<Handle> {
        let stopped = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stopped);
        thread::Builder::new().name("demo".into()).spawn(move || {
            for step in expand(tour()) {
                if flag.load(Ordering::SeqCst) {
                    return;
                }
                let pause = self.pace.pause(&step);
                if self.tx.send(Input::Demo(step)).is_err() {
                    return;
                }
                thread::sleep(pause);
            }
        })?;
        Ok(Handle { stopped })
    }
}

/// The steps with each [`Step::Type`] split into its keys.
pub fn expand(steps: Vec<Step>) -> Vec<Step> {
    steps
        .into_iter()
        .flat_map(|step| match step {
            Step::Type(keys) => Key::parse_sequence(keys)
                .into_iter()
                .map(Step::Key)
                .collect(),
            other => vec![other],
        })
        .collect()
}

/// Applies one step to the state. A key is handed back: the event loop
/// presses it exactly as it presses a key the user typed.
pub fn apply(state: &mut State, step: Step) -> Option<Key> {
    match step {
        Step::Say(text) => update::update(state, Action::Caption(Some(text.to_string()))),
        Step::Do(action) => update::update(state, action),
        Step::Key(key) => return Some(key),
        Step::Type(_) => {}
        Step::Focus(group) => focus(state, group),
    }
    None
}

/// Presses Tab until the focused pane shows `group` (at most once round).
fn focus(state: &mut State, group: Group) {
    let stops = match state.tab {
        Tab::Articles => state.article().map_or(0, |a| state.model.sections(a).len()) + 1,
        Tab::Corpus => state.model.corpus.len() + 1,
    };
    for _ in 0..stops {
        if focused_group(state) == Some(group) {
            return;
        }
        update::update(state, Action::NextPane);
    }
}

fn focused_group(state: &State) -> Option<Group> {
    match focused(state) {
        Target::ArticlePane(i) => Some(state.model.sections(state.article()?).get(i)?.group),
        Target::CorpusPane(i) => Some(state.model.corpus.get(i)?.group),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pace_scales_every_pause() {
        let audience = Pace { speed: 1.0 };
        let fast = Pace { speed: 10.0 };
        let step = Step::Do(Action::Down);
        assert_eq!(audience.pause(&step), Duration::from_secs(1));
        assert_eq!(fast.pause(&step), Duration::from_millis(100));
        let say = Step::Say("a caption");
        assert!(audience.pause(&say) > Duration::from_secs(1));
    }

    #[test]
    fn typed_keys_are_split() {
        let steps = expand(vec![Step::Type("ab Enter")]);
        assert_eq!(
            steps,
            vec![
                Step::Key(Key::Char('a')),
                Step::Key(Key::Char('b')),
                Step::Key(Key::Enter)
            ]
        );
    }

    #[test]
    fn the_tour_starts_and_ends_with_a_caption() {
        let steps = tour();
        assert!(matches!(steps.first(), Some(Step::Say(_))));
        assert!(matches!(steps.last(), Some(Step::Say(_))));
    }

    #[test]
    fn the_tour_filters_pivots_to_a_firm_and_ends_on_the_corpus_view() {
        use crate::tui::state::Screen;
        use crate::tui::{Theme, press_key, screen_text};
        let index = crate::index::Index::from_corpus(crate::corpus::embedded());
        let mut state = State::new(index, Theme::default());
        update::update(&mut state, Action::Resize(120, 40));
        state.demo = true;
        let (mut filtered, mut firm) = (false, false);
        for step in expand(tour()) {
            if let Some(key) = apply(&mut state, step) {
                press_key(&mut state, key);
            }
            crate::tui::filter::run_now(&mut state);
            filtered |= screen_text(&state).contains("city:chong");
            if let Some(Screen::Entity(view)) = state.screen() {
                firm |= state.model.index.table[view.entry].kind == crate::Kind::Firm;
            }
        }
        assert!(filtered, "the filter step ran");
        assert!(firm, "the pivot reached a firm");
        assert_eq!(state.tab, Tab::Corpus);
        assert!(
            state
                .caption
                .as_deref()
                .unwrap_or("")
                .starts_with("That was the tour")
        );
        assert_eq!(state.exit, None);
    }

    #[test]
    fn the_caption_bar_is_the_row_above_the_status_line() {
        use crate::tui::{Theme, screen_text};
        let mut state = State::new(crate::index::Index::default(), Theme::default());
        update::update(&mut state, Action::Resize(60, 14));
        update::update(&mut state, Action::Caption(Some("Watch this".into())));
        let text = screen_text(&state);
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows[12].trim(), "Watch this", "{text}");
        assert!(rows[13].contains("quit"), "{text}");
        update::update(&mut state, Action::Caption(None));
        assert!(!screen_text(&state).contains("Watch this"));
    }
}
