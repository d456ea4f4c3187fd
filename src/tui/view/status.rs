//! The status line: the keys that matter in the focused pane, spelled from the
//! keymap, or a one-off message.

use super::widgets::fit;
use crate::text::width;
use crate::tui::action::{Action, Edit};
use crate::tui::layout::Target;
use crate::tui::state::{Screen, State};
use crate::tui::update::{self, focused};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// What the keys do now: (actions whose main keys are shown together, label).
pub fn hints(state: &State) -> Vec<(Vec<Action>, &'static str)> {
    use Action::*;
    if state.loading.is_some() {
        return vec![(vec![Help], "help"), (vec![Quit], "quit")];
    }
    let moves = (vec![Down, Up], "move");
    let target = focused(state);
    if let Target::Filter(_) = target {
        return line_hints();
    }
    let filtered = update::filter::slot_of(target).is_some_and(|s| state.filters.get(s).is_some());
    let (find, back) = if filtered {
        ((vec![Filter], "edit filter"), Some((vec![Back], "clear")))
    } else {
        ((vec![Filter], "filter"), None)
    };
    if update::find::editing(state) {
        use Action::Edit as E;
        return vec![
            (vec![E(crate::tui::action::Edit::Accept)], "keep"),
            (vec![E(crate::tui::action::Edit::Clear)], "clear"),
        ];
    }
    let mut out = match target {
        Target::ArticleList if state.pick.is_some() => {
            let mut v = vec![
                moves,
                (vec![Pick(crate::tui::action::Pick::Mark)], "mark"),
                (vec![Pick(crate::tui::action::Pick::Accept)], "pick"),
                find,
            ];
            v.extend(back);
            v.push((vec![Sort], "sort"));
            v
        }
        Target::ArticleList => {
            let mut v = vec![moves, (vec![Open], "read"), find];
            v.extend(back);
            v.push((vec![Sort], "sort"));
            v.push((vec![Copy], "copy"));
            if state
                .article()
                .is_some_and(|a| !state.article_sections(a).is_empty())
            {
                v.push((vec![NextPane], "entities"));
            }
            v.push((vec![ShowCorpus], "corpus"));
            v
        }
        Target::ArticlePane(_) => vec![
            moves,
            (vec![Open], "mentions"),
            find,
            (vec![NextPane, PrevPane], "pane"),
            back.unwrap_or((vec![Back], "list")),
        ],
        Target::CorpusPane(_) => {
            let mut v = vec![
                moves,
                (vec![Open], "open"),
                find,
                (vec![NextPane, PrevPane], "pane"),
            ];
            v.extend(back);
            v.push((vec![ShowArticles], "articles"));
            v
        }
        Target::With => vec![
            moves,
            (vec![Open], "open"),
            (vec![PrevPane], "panes"),
            (vec![Back], "articles"),
        ],
        Target::EntityArticles => vec![
            moves,
            (vec![Open], "read"),
            (vec![NextPane, PrevPane], "pane"),
            (vec![Back], "back"),
        ],
        Target::Mentions => vec![
            moves,
            (vec![Open], "read here"),
            (vec![NextPane, PrevPane], "pane"),
            (vec![Back], "back"),
        ],
        Target::EntityWith => vec![
            moves,
            (vec![Open], "open"),
            (vec![NextPane, PrevPane], "pane"),
            (vec![Back], "back"),
        ],
        Target::Text => reader_hints(state),
        Target::Sidebar => vec![
            moves,
            (vec![Open], "follow"),
            (vec![NextPane], "text"),
            (vec![Back], "back"),
        ],
        Target::Help | Target::Preview => vec![(vec![Down, Up], "scroll"), (vec![Back], "close")],
        Target::Filter(_) => Vec::new(),
    };
    out.push((vec![Help], "help"));
    out.push((vec![Quit], "quit"));
    out
}

/// While the filter line has the keys (`?` and `q` are typed then, so
/// neither help nor quit is offered).
fn line_hints() -> Vec<(Vec<Action>, &'static str)> {
    use Action::Edit as E;
    vec![
        (vec![E(Edit::Accept)], "keep"),
        (vec![E(Edit::Clear)], "clear"),
        (vec![E(Edit::NextScope)], "scope"),
        (vec![E(Edit::Older), E(Edit::Newer)], "history"),
    ]
}

fn reader_hints(state: &State) -> Vec<(Vec<Action>, &'static str)> {
    use Action::*;
    let mut v = vec![(vec![Down, Up], "scroll"), (vec![Filter], "find")];
    let finding = update::find::active(state);
    if finding {
        v.push((vec![NextMention, PrevMention], "next hit"));
    }
    if let Some(Screen::Reader(view)) = state.screen()
        && !view.doc.spans.is_empty()
    {
        if !finding {
            v.push((vec![NextMention, PrevMention], "mention"));
        }
        v.push((vec![ToggleLabels], "labels"));
        v.push((vec![NextPane], "entities"));
    }
    if crate::tui::view::link(state).is_some() {
        v.push((vec![OpenUrl], "open"));
    }
    v.push((vec![Copy], "copy"));
    v.push((vec![Back], if finding { "clear" } else { "back" }));
    v
}

fn keys(state: &State, actions: &[Action]) -> String {
    actions
        .iter()
        .filter_map(|a| state.keymap.main_key(a))
        .map(|k| k.to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// How much a hint matters when space is short (lower shows first).
fn priority(actions: &[Action]) -> u8 {
    match actions.first() {
        Some(Action::Help | Action::Quit) => 0,
        Some(Action::Open | Action::NextMention | Action::Filter) => 1,
        Some(Action::Edit(_)) => 1,
        Some(Action::Pick(_)) => 1,
        Some(Action::Back | Action::NextPane | Action::PrevPane) => 2,
        Some(Action::ToggleLabels | Action::Sort) => 3,
        Some(Action::OpenUrl | Action::Copy) => 4,
        Some(Action::Down) => 4,
        _ => 5,
    }
}

/// Draws the status line: the hints that fit, most important first, shown in
/// their natural order; or the pending message.
pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let theme = &state.theme;
    if let Some(message) = &state.message {
        let line = Line::styled(fit(state, message, area.width as usize), theme.warning());
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let all: Vec<(String, &str, u8)> = hints(state)
        .iter()
        .map(|(actions, label)| {
            // Finding text in the reader gives way to going back when space is short.
            let rank = if *label == "find" {
                3
            } else {
                priority(actions)
            };
            (keys(state, actions), *label, rank)
        })
        .filter(|(k, _, _)| !k.is_empty())
        .collect();
    let cost = |(k, l, _): &(String, &str, u8)| width(k) + width(l) + 3;
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| all[i].2);
    let arriving = arriving(state, area.width as usize / 2);
    let mut room = (area.width as usize).saturating_sub(1 + width(&arriving));
    let mut shown = vec![false; all.len()];
    for i in order {
        if cost(&all[i]) <= room {
            room -= cost(&all[i]);
            shown[i] = true;
        }
    }
    let mut spans = vec![Span::raw(" ")];
    for (hint, _) in all.iter().zip(&shown).filter(|(_, s)| **s) {
        spans.push(Span::styled(hint.0.clone(), theme.strong()));
        spans.push(Span::styled(format!(" {}  ", hint.1), theme.dim()));
    }
    if !arriving.is_empty() {
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        let gap = (area.width as usize).saturating_sub(used + width(&arriving));
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(arriving, theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// While articles still arrive: "41,200 of ~100,000 · 8.7 MB/s · 7 s left",
/// cut to `room` columns.
fn arriving(state: &State, room: usize) -> String {
    match state.arriving {
        Some(Some(now)) => fit(state, &now.arriving_line(), room),
        Some(None) => fit(state, &format!("reading{}", state.theme.symbols.more), room),
        None => String::new(),
    }
}
