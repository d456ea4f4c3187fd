//! The filter line driven through `update` on the fixture index: typing and
//! editing, the scope chip, history, Enter and Esc, results that arrive late
//! (the newest query wins), entity and corpus panes, why rows match, colour
//! and hostile text. Queries run synchronously (`press` runs them at once),
//! except where a test holds them back to play the worker.

mod tui_fixture;

use dossier::extract::Kind;
use dossier::query::{Options, Query, Session};
use dossier::tui::action::Action;
use dossier::tui::filter::{Request, Slot};
use dossier::tui::keymap::Key;
use dossier::tui::layout::Target;
use dossier::tui::state::{Screen, State};
use dossier::tui::update::{focused, update};
use dossier::tui::{self, Palette, Theme, press, press_key, screen_text};
use proptest::prelude::*;
use ratatui::style::{Color, Modifier};
use std::sync::Arc;

fn state_with(theme: Theme, width: u16, height: u16) -> State {
    let mut state = State::new(tui_fixture::index(), theme);
    update(&mut state, Action::Resize(width, height));
    state
}

fn state(width: u16, height: u16) -> State {
    state_with(Theme::default(), width, height)
}

/// Types `text` into whatever has the keys, one char at a time.
fn type_text(state: &mut State, text: &str) {
    for c in text.chars() {
        press_key(state, Key::Char(c));
        tui::filter::run_now(state);
    }
}

fn line(state: &State, slot: Slot) -> String {
    state
        .filters
        .get(slot)
        .expect("the filter is open")
        .line
        .text()
        .to_string()
}

/// The articles the list shows, top to bottom.
fn visible(state: &State) -> Vec<usize> {
    (0..state.visible_articles())
        .filter_map(|i| state.visible_article(i))
        .collect()
}

/// What the query engine itself returns for a query: the list must show it.
fn expected(state: &State, query: &str, options: Options) -> Vec<usize> {
    let query = Query::parse(query).expect("a well-formed query");
    let engine = state.model.engine.as_ref().expect("engine ready");
    engine
        .searcher
        .search(&query, &options)
        .iter()
        .map(|h| h.article)
        .collect()
}

#[test]
fn slash_opens_the_line_and_each_keystroke_narrows_the_list() {
    let mut s = state(80, 24);
    press(&mut s, "/");
    assert_eq!(focused(&s), Target::Filter(Slot::Articles));
    assert_eq!(visible(&s).len(), 6, "nothing typed: everything shows");
    type_text(&mut s, "chong");
    let shown = visible(&s);
    assert_eq!(shown, expected(&s, "chong", Options::default()));
    assert!(shown.contains(&0) && !shown.contains(&1), "{shown:?}");
    let text = screen_text(&s);
    assert!(
        text.contains(&format!("Articles {} of 6", shown.len())),
        "{text}"
    );
    assert!(text.contains("/ chong"), "{text}");
    assert!(!text.contains("Chengdu courts"), "{text}");
    // Each keystroke re-ranked: one letter matched more.
    press(&mut s, "BSpace BSpace BSpace BSpace");
    assert_eq!(visible(&s), expected(&s, "c", Options::default()));
}

#[test]
fn letters_q_digits_and_question_marks_are_typed_not_obeyed() {
    let mut s = state(80, 24);
    press(&mut s, "/ q 2 ? j L Space G");
    assert_eq!(line(&s, Slot::Articles), "q2?jL G");
    assert!(s.exit.is_none() && s.help.is_none() && s.screen().is_none());
    assert_eq!(focused(&s), Target::Filter(Slot::Articles));
    // Ctrl-C still quits, as in fzf.
    press(&mut s, "C-c");
    assert!(s.exit.is_some());
}

#[test]
fn page_keys_move_through_the_results_while_typing() {
    let mut s = state(80, 12);
    press(&mut s, "/");
    type_text(&mut s, "c");
    assert!(visible(&s).len() > 2);
    press(&mut s, "PageDown");
    assert!(s.articles.list.selected > 0, "{:?}", s.articles.list);
    assert_eq!(focused(&s), Target::Filter(Slot::Articles), "still typing");
    press(&mut s, "PageUp");
    assert_eq!(s.articles.list.selected, 0);
    assert_eq!(line(&s, Slot::Articles), "c");
}

#[test]
fn the_line_edits_like_readline() {
    let mut s = state(80, 24);
    press(&mut s, "/ a b c Left Left x Home y End z");
    assert_eq!(line(&s, Slot::Articles), "yaxbcz");
    press(&mut s, "C-a C-f Del C-e BSpace");
    assert_eq!(line(&s, Slot::Articles), "yxbc");
    press(&mut s, "C-b C-k");
    assert_eq!(line(&s, Slot::Articles), "yxb");
    type_text(&mut s, " city:chong firm");
    press(&mut s, "C-w");
    assert_eq!(line(&s, Slot::Articles), "yxb city:chong ");
    update(&mut s, Action::Paste("ali\n\x1b[31m".into()));
    assert_eq!(line(&s, Slot::Articles), "yxb city:chong ali [31m");
    press(&mut s, "C-u");
    assert_eq!(line(&s, Slot::Articles), "");
    assert_eq!(visible(&s).len(), 6);
}

#[test]
fn the_cursor_is_drawn_where_typing_goes_wide_characters_counted() {
    let mut s = state(80, 24);
    press(&mut s, "/");
    type_text(&mut s, "重庆x");
    press(&mut s, "Left");
    let backend = ratatui::backend::TestBackend::new(80, 24);
    let mut terminal = ratatui::Terminal::new(backend).expect("a test terminal");
    terminal
        .draw(|frame| tui::view::render(&s, frame))
        .expect("drawn");
    // Border, "/ ", then two wide characters: column 1 + 2 + 4.
    let position =
        ratatui::backend::Backend::get_cursor_position(terminal.backend_mut()).expect("a cursor");
    assert_eq!((position.x, position.y), (7, 2));
}

#[test]
fn enter_keeps_the_filter_and_gives_the_keys_back_to_the_list() {
    let mut s = state(80, 24);
    press(&mut s, "/");
    type_text(&mut s, "'chong");
    press(&mut s, "Enter");
    assert_eq!(focused(&s), Target::ArticleList);
    let shown = visible(&s);
    assert_eq!(shown, expected(&s, "'chong", Options::default()));
    assert!(shown.len() >= 2, "{shown:?}");
    let text = screen_text(&s);
    assert!(
        text.contains("/ 'chong"),
        "the filter stays visible: {text}"
    );
    // List keys work again, over the results.
    press(&mut s, "j Enter");
    match s.screen() {
        Some(Screen::Reader(view)) => assert_eq!(view.article, shown[1]),
        other => panic!("expected the reader, got {other:?}"),
    }
    press(&mut s, "Esc");
    assert_eq!(s.article(), Some(shown[1]));
    // `/` edits the same query again.
    press(&mut s, "/");
    assert_eq!(focused(&s), Target::Filter(Slot::Articles));
    assert_eq!(line(&s, Slot::Articles), "'chong");
}

#[test]
fn esc_clears_the_filter_and_keeps_the_selected_article() {
    let mut s = state(80, 24);
    press(&mut s, "/");
    type_text(&mut s, "'chong");
    press(&mut s, "Enter j");
    let chosen = s.article();
    press(&mut s, "Esc");
    assert!(s.filters.articles.is_none());
    assert_eq!(visible(&s).len(), 6);
    assert_eq!(s.article(), chosen);
    assert!(screen_text(&s).contains("Articles 6"));
    // Esc on the line itself clears too.
    press(&mut s, "/ x y Esc");
    assert!(s.filters.articles.is_none());
    assert_eq!(focused(&s), Target::ArticleList);
    assert_eq!(visible(&s).len(), 6);
    // Enter with nothing typed just closes the line.
    press(&mut s, "/ Enter");
    assert!(s.filters.articles.is_none());
}

#[test]
fn up_recalls_submitted_queries_newest_first_and_down_goes_forward() {
    let mut s = state(80, 24);
    for query in ["'chong", "xi"] {
        press(&mut s, "/ C-u");
        type_text(&mut s, query);
        press(&mut s, "Enter");
    }
    press(&mut s, "Esc /");
    type_text(&mut s, "ab");
    press(&mut s, "Up");
    assert_eq!(line(&s, Slot::Articles), "xi");
    assert_eq!(visible(&s), expected(&s, "xi", Options::default()));
    press(&mut s, "Up");
    assert_eq!(line(&s, Slot::Articles), "'chong");
    press(&mut s, "Up");
    assert_eq!(line(&s, Slot::Articles), "'chong", "the oldest stays");
    press(&mut s, "Down");
    assert_eq!(line(&s, Slot::Articles), "xi");
    press(&mut s, "Down");
    assert_eq!(line(&s, Slot::Articles), "ab", "back to what was typed");
    press(&mut s, "C-p C-p C-n");
    assert_eq!(line(&s, Slot::Articles), "xi");
}

#[test]
fn the_scope_chip_cycles_and_narrows_without_syntax() {
    let mut s = state(80, 24);
    press(&mut s, "/");
    type_text(&mut s, "chong");
    let all = visible(&s);
    press(&mut s, "Tab");
    let scope = s.filters.get(Slot::Articles).and_then(|f| f.scope);
    assert_eq!(scope, Some(Kind::City));
    let cities = visible(&s);
    assert_eq!(cities, expected(&s, "chong", Options::kinds(&[Kind::City])));
    assert!(cities.len() < all.len(), "{cities:?} vs {all:?}");
    assert_eq!(cities, expected(&s, "city:chong", Options::default()));
    assert!(screen_text(&s).contains("[Cities]"));
    press(&mut s, "C-t");
    assert!(screen_text(&s).contains("[Firms]"));
    press(&mut s, "BTab BTab");
    assert!(screen_text(&s).contains("[All]"));
    assert_eq!(visible(&s), all);
}

#[test]
fn malformed_input_keeps_the_last_results_and_says_what_is_wrong() {
    let mut s = state(80, 24);
    press(&mut s, "/");
    type_text(&mut s, "'chong");
    let good = visible(&s);
    type_text(&mut s, " |");
    assert_eq!(visible(&s), good);
    let text = screen_text(&s);
    assert!(text.contains("'|' needs a term after it"), "{text}");
    assert!(s.message.is_none(), "no popup, no status message");
    type_text(&mut s, " xi");
    assert!(!screen_text(&s).contains("needs a term"));
    assert_eq!(visible(&s), expected(&s, "'chong | xi", Options::default()));
    press(&mut s, "C-u");
    type_text(&mut s, "citty:x");
    assert!(screen_text(&s).contains("unknown scope 'citty:'"));
}

/// Plays the worker: takes the queued requests without running them.
fn take_requests(state: &mut State) -> Vec<Request> {
    std::mem::take(&mut state.filters.outbox)
}

fn answer(state: &State, request: &Request) -> Action {
    let engine = state.model.engine.as_ref().expect("engine ready");
    let results = engine
        .run(&mut Session::new(), request, &|| false)
        .expect("not cancelled");
    Action::Filtered(Arc::new(results))
}

#[test]
fn results_for_an_older_query_are_dropped_so_the_newest_wins() {
    let mut s = state(80, 24);
    press_key(&mut s, Key::Char('/'));
    for c in "'chong".chars() {
        press_key(&mut s, Key::Char(c));
    }
    let first = take_requests(&mut s);
    press_key(&mut s, Key::Char('q'));
    let second = take_requests(&mut s);
    assert!(s.filters.get(Slot::Articles).is_some_and(|f| f.pending()));
    assert!(screen_text(&s).contains("…"), "pending mark on the line");
    // The answer to "'chon" (older) arrives after "'chongq" was typed: dropped.
    let stale = answer(&s, first.last().expect("a request"));
    update(&mut s, stale);
    assert_eq!(visible(&s).len(), 6, "still the unfiltered list");
    assert!(s.filters.get(Slot::Articles).is_some_and(|f| f.pending()));
    let newest = answer(&s, &second[0]);
    update(&mut s, newest.clone());
    assert_eq!(visible(&s), expected(&s, "'chongq", Options::default()));
    assert!(!s.filters.get(Slot::Articles).is_some_and(|f| f.pending()));
    // Once the filter is cleared, a late answer changes nothing.
    press(&mut s, "Esc");
    update(&mut s, newest);
    assert!(s.filters.articles.is_none());
    assert_eq!(visible(&s).len(), 6);
}

#[test]
fn clearing_the_line_shows_everything_at_once_and_cancels_the_run() {
    let mut s = state(80, 24);
    press_key(&mut s, Key::Char('/'));
    press_key(&mut s, Key::Char('x'));
    let typed = take_requests(&mut s);
    press_key(&mut s, Key::Backspace);
    let cleared = take_requests(&mut s);
    assert_eq!(cleared.len(), 1);
    assert!(cleared[0].text.is_empty());
    assert!(cleared[0].generation > typed[0].generation);
    assert!(!s.filters.get(Slot::Articles).is_some_and(|f| f.pending()));
    let late = answer(&s, &typed[0]);
    update(&mut s, late);
    assert_eq!(visible(&s).len(), 6);
}

#[test]
fn rows_say_why_they_matched() {
    let mut s = state(250, 70);
    press(&mut s, "/");
    type_text(&mut s, "city:chong");
    let text = screen_text(&s);
    assert!(text.contains("Matched"), "{text}");
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("city Chongqing"))
        .collect();
    assert_eq!(rows.len(), visible(&s).len(), "{text}");
    press(&mut s, "C-u");
    type_text(&mut s, "firm:'cloud");
    let text = screen_text(&s);
    assert!(text.contains("firm Alibaba Cloud"), "{text}");
    press(&mut s, "C-u");
    type_text(&mut s, "title:^xi");
    let text = screen_text(&s);
    let row = text
        .lines()
        .find(|l| l.contains("Xi'an opens"))
        .expect("the row");
    assert!(row.contains(" title"), "{row}");
}

/// The cells of the rightmost occurrence of `needle` on the first screen row
/// that has it.
fn cells_of(state: &State, needle: &str) -> Vec<ratatui::buffer::Cell> {
    let buffer = tui::render(state);
    let text = screen_text(state);
    let (y, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(needle))
        .expect("on screen");
    let x = dossier::text::width(&line[..line.rfind(needle).unwrap_or(0)]) as u16;
    (0..needle.chars().count() as u16)
        .map(|i| buffer[(x + i, y as u16)].clone())
        .collect()
}

#[test]
fn matched_characters_are_highlighted_in_colour_or_with_attributes_only() {
    for (theme, colour) in [
        (
            Theme::new(Palette::Ansi256, false),
            Some(Color::Indexed(114)),
        ),
        (Theme::default(), None),
    ] {
        let mut s = state_with(theme, 120, 40);
        press(&mut s, "/");
        type_text(&mut s, "city:'chong");
        let cells = cells_of(&s, "city Chongqing");
        let marked = Modifier::BOLD | Modifier::UNDERLINED;
        for cell in &cells[5..10] {
            assert!(cell.modifier.contains(marked), "{cell:?}");
            assert_eq!(cell.fg, colour.unwrap_or(Color::Reset));
        }
        for cell in &cells[10..] {
            assert!(!cell.modifier.contains(Modifier::UNDERLINED), "{cell:?}");
        }
    }
}

#[test]
fn an_entity_pane_filter_narrows_that_articles_panes_and_follows_the_selection() {
    let mut s = state(120, 40);
    press(&mut s, "Tab /");
    assert_eq!(focused(&s), Target::Filter(Slot::Entities));
    type_text(&mut s, "firm:");
    let groups: Vec<_> = s.article_sections(0).iter().map(|x| x.group).collect();
    assert_eq!(groups, vec![dossier::tui::model::Group::Firm]);
    assert_eq!(s.article_sections(0)[0].members.len(), 4);
    assert!(screen_text(&s).contains("4 of 17"), "{}", screen_text(&s));
    assert_eq!(visible(&s).len(), 6, "the article list is not filtered");
    press(&mut s, "Enter");
    assert_eq!(focused(&s), Target::ArticlePane(0));
    // Another article: its panes are narrowed too, without another query.
    press(&mut s, "Esc");
    assert!(
        s.filters.entities.is_none(),
        "Esc on a filtered pane clears it"
    );
    press(&mut s, "Tab / f i r m : Enter BTab");
    let generation = s.filters.generation;
    press(&mut s, "j");
    assert_eq!(s.filters.generation, generation, "no new query");
    let names: Vec<String> = s.article_sections(1)[0]
        .members
        .iter()
        .map(|&p| s.model.index.entities(1)[p].name.clone())
        .collect();
    assert_eq!(names, vec!["Huawei", "Tencent"]);
}

#[test]
fn entity_rows_are_ranked_best_first_with_matches_highlighted() {
    let mut s = state(120, 40);
    press(&mut s, "Tab /");
    type_text(&mut s, "cloud");
    let sections = s.article_sections(0);
    let firms = sections
        .iter()
        .find(|x| x.group == dossier::tui::model::Group::Firm)
        .expect("firms match");
    let entities = s.model.index.entities(0);
    let names: Vec<&str> = firms
        .members
        .iter()
        .map(|&p| entities[p].name.as_str())
        .collect();
    assert!(
        names.contains(&"CloudWalk") && names.contains(&"Alibaba Cloud"),
        "{names:?}"
    );
    assert!(!names.contains(&"Tencent"), "{names:?}");
    let cells = cells_of(&s, "CloudWalk");
    assert!(cells[0].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn the_corpus_panes_filter_too() {
    let mut s = state(120, 40);
    press(&mut s, "2 /");
    assert_eq!(focused(&s), Target::Filter(Slot::Corpus));
    type_text(&mut s, "city:cheng");
    let sections = s.corpus_sections();
    assert_eq!(sections.len(), 1);
    let names: Vec<&str> = sections[0]
        .members
        .iter()
        .map(|&e| s.model.index.table[e].name.as_str())
        .collect();
    assert_eq!(names, vec!["Chengdu"]);
    press(&mut s, "Enter");
    assert_eq!(focused(&s), Target::CorpusPane(0));
    assert_eq!(
        s.corpus_entry()
            .map(|e| s.model.index.table[e].name.as_str()),
        Some("Chengdu")
    );
    assert!(screen_text(&s).contains("With Chengdu"));
    press(&mut s, "Esc");
    assert!(s.filters.corpus.is_none());
    assert!(s.corpus_sections().len() > 1);
}

#[test]
fn slash_in_the_reader_finds_text_instead_of_filtering() {
    let mut s = state(80, 24);
    press(&mut s, "Enter /");
    assert!(s.filters.editing().is_none());
    assert!(dossier::tui::update::find::editing(&s));
}

#[test]
fn slash_where_nothing_can_be_filtered_says_where_it_works() {
    let mut s = state(120, 40);
    // The entity screen: its lists are not filtered.
    press(&mut s, "Tab Enter /");
    assert!(s.message.as_deref().unwrap_or("").contains("filters"));
    assert!(s.filters.editing().is_none());
}

#[test]
fn status_line_shows_the_line_keys_while_typing() {
    let mut s = state(80, 24);
    press(&mut s, "/");
    let status = screen_text(&s).lines().last().unwrap_or("").to_string();
    assert!(status.contains("Enter keep"), "{status}");
    assert!(status.contains("Tab scope"), "{status}");
    assert!(!status.contains("q quit"), "q is typed here: {status}");
    press(&mut s, "x Enter");
    let status = screen_text(&s).lines().last().unwrap_or("").to_string();
    assert!(
        status.contains("/ edit filter") && status.contains("Esc clear"),
        "{status}"
    );
}

#[test]
fn hostile_text_in_filtered_rows_never_reaches_the_terminal_raw() {
    for (w, h) in [(80, 24), (120, 40), (40, 12)] {
        for query in ["chong", "evil", "red", "[31m", "title:b", "重"] {
            let mut s = State::new(tui_fixture::hostile_index(), Theme::default());
            update(&mut s, Action::Resize(w, h));
            press(&mut s, "/");
            type_text(&mut s, query);
            for cell in &tui::render(&s).content {
                assert!(
                    !cell
                        .symbol()
                        .chars()
                        .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                    "{query:?}: {:?}",
                    cell.symbol()
                );
            }
            for row in screen_text(&s).lines() {
                assert!(dossier::text::width(row) <= w as usize, "{query:?}: {row}");
            }
        }
    }
}

#[test]
fn a_filtered_list_fits_the_smallest_terminal() {
    let mut s = state(40, 12);
    press(&mut s, "/");
    type_text(&mut s, "'chong |");
    let text = screen_text(&s);
    assert!(text.contains("needs a term"), "{text}");
    assert!(text.lines().count() <= 12);
    assert!(
        text.lines().any(|l| l.contains("▶")),
        "a result still shows: {text}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_typing_editing_and_sizes_never_panic(
        start in (1u16..200, 1u16..60),
        ops in proptest::collection::vec(0usize..40, 1..60),
    ) {
        let keys = [
            "/", "c", "h", "o", "Space", "|", "!", "'", "^", "$", ":", "重", "Tab", "BTab",
            "C-t", "Up", "Down", "Left", "Right", "Home", "End", "BSpace", "DC", "C-u",
            "C-k", "C-w", "Enter", "Escape", "j", "k", "2", "1", "f", "i", "r", "m", "G",
            "C-d", "Escape", "Enter",
        ];
        let mut s = state(start.0, start.1);
        for op in ops {
            if op == 39 {
                update(&mut s, Action::Resize(start.1 + 40, start.0 / 3 + 5));
            } else {
                press(&mut s, keys[op % keys.len()]);
            }
            if s.exit.is_some() {
                break;
            }
            for row in screen_text(&s).lines() {
                prop_assert!(dossier::text::width(row) <= s.width as usize);
            }
        }
    }
}

/// Not a check: what a filter keystroke costs at scale, split into the UI
/// thread's part (the key, then the results: update and a full frame) and the
/// worker's (the query). On a generated corpus (100,000 articles unless
/// DOSSIER_ARTICLES says otherwise), in release:
/// `cargo test --release --test tui_filter -- --ignored --nocapture filter_keystrokes_at_scale`.
#[test]
#[ignore]
fn filter_keystrokes_at_scale() {
    use std::time::{Duration, Instant};
    let n: usize = std::env::var("DOSSIER_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let t = Instant::now();
    let index = dossier::generate::index(n, 1);
    let generated = t.elapsed();
    let t = Instant::now();
    let model = dossier::tui::model::Model::new(index);
    let derive = t.elapsed();
    let mut s = State::from_model(model, Theme::new(Palette::TrueColor, false));
    update(&mut s, Action::Resize(120, 40));
    let frames: u32 = std::env::var("DOSSIER_FRAMES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let t = Instant::now();
    for _ in 0..frames {
        let _ = tui::render(&s);
    }
    println!(
        "a frame of the unfiltered list: {:.1?}",
        t.elapsed() / frames
    );
    let (mut ui, mut worker) = (Vec::new(), Vec::new());
    let mut session = Session::new();
    for query in [
        "chong",
        "city:cheng firm:clo",
        "ali | tenc",
        "zhang wei",
        "^hua",
    ] {
        press(&mut s, "/ C-u");
        for c in query.chars() {
            let t = Instant::now();
            press_key(&mut s, Key::Char(c));
            let _ = tui::render(&s);
            let key = t.elapsed();
            for request in take_requests(&mut s) {
                let t = Instant::now();
                let engine = s.model.engine.as_ref().expect("engine ready");
                let results = engine.run(&mut session, &request, &|| false);
                worker.push(t.elapsed());
                let t = Instant::now();
                if let Ok(results) = results {
                    update(&mut s, Action::Filtered(Arc::new(results)));
                }
                let _ = tui::render(&s);
                ui.push(key + t.elapsed());
            }
        }
        press(&mut s, "Esc");
    }
    let summary = |mut v: Vec<Duration>| {
        v.sort();
        let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
        format!(
            "p50 {:.1?} p99 {:.1?} max {:.1?}",
            at(0.5),
            at(0.99),
            at(1.0)
        )
    };
    println!(
        "{n} articles: generated {generated:.1?}; model + search tables {derive:.1?}; \
         per keystroke, UI thread (key + results + 2 frames at 120x40): {}; worker (query): {}",
        summary(ui),
        summary(worker)
    );
}
