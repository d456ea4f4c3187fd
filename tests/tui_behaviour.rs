//! The explorer driven through `update` with key sequences, mouse events and
//! resizes on the fixture index: navigation, drilling down, the reader's
//! mentions, the corpus view, help and README generated from the keymap,
//! untrusted text, colour, and a no-panic property over random input.

mod tui_fixture;

use dossier::extract::Kind;
use dossier::tui::action::{Action, Mouse, MouseKind, Signal};
use dossier::tui::keymap::{Key, Keymap};
use dossier::tui::layout::Target;
use dossier::tui::state::{Exit, Screen, State};
use dossier::tui::update::{focused, update};
use dossier::tui::{self, Palette, Theme, press, screen_text};
use proptest::prelude::*;
use ratatui::style::{Color, Modifier};

fn state_with(theme: Theme, width: u16, height: u16) -> State {
    let mut state = State::new(tui_fixture::index(), theme);
    update(&mut state, Action::Resize(width, height));
    state
}

fn state(width: u16, height: u16) -> State {
    state_with(Theme::default(), width, height)
}

fn reader(state: &State) -> &dossier::tui::state::ReaderView {
    match state.screen() {
        Some(Screen::Reader(view)) => view,
        other => panic!("expected the reader, got {other:?}"),
    }
}

fn entity_name(state: &State) -> String {
    match state.screen() {
        Some(Screen::Entity(view)) => state.model.index.table[view.entry].name.clone(),
        other => panic!("expected the entity screen, got {other:?}"),
    }
}

#[test]
fn j_k_g_and_shift_g_move_the_article_selection() {
    let mut s = state(80, 24);
    press(&mut s, "j j");
    assert_eq!(s.articles.list.selected, 2);
    press(&mut s, "k");
    assert_eq!(s.articles.list.selected, 1);
    press(&mut s, "G");
    assert_eq!(s.articles.list.selected, 5);
    press(&mut s, "g k");
    assert_eq!(s.articles.list.selected, 0);
    press(&mut s, "Down Down End Home");
    assert_eq!(s.articles.list.selected, 0);
}

#[test]
fn tab_walks_every_entity_pane_and_back_to_the_list() {
    let mut s = state(120, 40);
    let panes = s.model.sections(0).len();
    press(&mut s, "Tab");
    assert_eq!(focused(&s), Target::ArticlePane(0));
    press(&mut s, "l");
    assert_eq!(focused(&s), Target::ArticlePane(1));
    for _ in 1..panes {
        press(&mut s, "Tab");
    }
    assert_eq!(focused(&s), Target::ArticleList);
    press(&mut s, "BTab");
    assert_eq!(focused(&s), Target::ArticlePane(panes - 1));
}

#[test]
fn another_article_resets_the_panes_to_its_own_entities() {
    let mut s = state(120, 40);
    press(&mut s, "Tab j j BTab j Tab");
    assert_eq!(s.articles.list.selected, 1);
    assert_eq!(s.articles.panes.cursors.len(), s.model.sections(1).len());
    assert_eq!(s.articles.panes.cursors[0].selected, 0);
}

#[test]
fn enter_on_an_entity_shows_its_articles_and_mentions_in_context() {
    let mut s = state(80, 24);
    press(&mut s, "Tab Enter");
    assert_eq!(entity_name(&s), "Chongqing");
    let Some(Screen::Entity(view)) = s.screen() else {
        unreachable!()
    };
    assert_eq!(s.model.index.articles_of(view.entry), &[0, 3, 5]);
    assert_eq!(view.lines_for, Some(0));
    assert_eq!(view.lines.len(), 4);
    assert!(view.lines.iter().all(|l| l.hit == "Chongqing"));
    // The second mention sits inside the zone's name: its context says so.
    assert!(view.lines[1].right.starts_with(" Liangjiang New Area"));
    let text = screen_text(&s);
    assert!(text.contains("3 articles mention it"), "{text}");
}

#[test]
fn a_mention_opens_the_reader_at_that_mention() {
    let mut s = state(80, 24);
    press(&mut s, "Tab Enter Tab j j Enter");
    let view = reader(&s);
    let position = s.model.position_in(0, 0).map(|_| ());
    assert!(position.is_some());
    assert_eq!(view.article, 0);
    assert_eq!(view.mention, Some(2));
    let entities = s.model.index.entities(0);
    let entity = &entities[view.follow.unwrap()];
    assert_eq!(entity.name, "Chongqing");
    let range = view.doc.mentions[view.follow.unwrap()][2].clone();
    let row = view.wrapped.row_of(range.start);
    assert!(
        row >= view.scroll && row < view.scroll + 20,
        "mention row {row} not on screen"
    );
}

#[test]
fn n_and_shift_n_walk_the_followed_mentions_and_wrap_around() {
    let mut s = state(80, 24);
    press(&mut s, "Tab Enter Enter");
    assert_eq!(reader(&s).mention, Some(0));
    press(&mut s, "n n n");
    assert_eq!(reader(&s).mention, Some(3));
    press(&mut s, "n");
    assert_eq!(reader(&s).mention, Some(0));
    assert!(s.message.as_deref().unwrap_or("").contains("Wrapped"));
    press(&mut s, "N");
    assert_eq!(reader(&s).mention, Some(3));
    let text = screen_text(&s);
    assert!(text.contains("Chongqing mention 4/4"), "{text}");
}

#[test]
fn n_without_a_followed_entity_walks_every_highlight() {
    let mut s = state(80, 24);
    press(&mut s, "Enter n");
    let view = reader(&s);
    assert_eq!(view.follow, None);
    assert_eq!(view.mention, Some(0));
    assert_eq!(&view.doc.text[view.doc.spans[0].range.clone()], "Chongqing");
    press(&mut s, "n");
    assert_eq!(
        &reader(&s).doc.text[reader(&s).doc.spans[1].range.clone()],
        "late June"
    );
}

#[test]
fn nested_mention_is_marked_inside_the_outer_zone_highlight() {
    let mut s = state_with(Theme::new(Palette::Ansi16, false), 80, 24);
    // Chongqing's second mention is inside "Chongqing Liangjiang New Area".
    press(&mut s, "Tab Enter Tab j Enter");
    let buffer = tui::render(&s);
    let text = screen_text(&s);
    let (y, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Chongqing Liangjiang") || l.contains("the Chongqing"))
        .expect("the zone is on screen");
    let x = line
        .find("Chongqing")
        .map(|b| dossier::text::width(&line[..b]))
        .unwrap() as u16;
    let zone_bg = Some(Color::Cyan);
    let inner = &buffer[(x, y as u16)];
    assert!(
        inner.modifier.contains(Modifier::REVERSED),
        "current mention reversed"
    );
    assert_eq!(Some(inner.bg), zone_bg, "inside the zone's colour");
    // The rest of the zone is coloured as a zone and not reversed.
    let zone_text = &s.model.index.articles[0].body;
    assert!(zone_text.contains("Chongqing Liangjiang New Area"));
    let after = &buffer[(x + 10, y as u16)];
    if after.symbol() != " " {
        assert_eq!(Some(after.bg), zone_bg);
        assert!(!after.modifier.contains(Modifier::REVERSED));
    }
}

#[test]
fn labels_show_the_kind_after_each_entity_on_demand() {
    let mut s = state(80, 24);
    press(&mut s, "Enter");
    assert!(!screen_text(&s).contains("Chongqing CITY"));
    press(&mut s, "L");
    let text = screen_text(&s);
    assert!(text.contains("Chongqing CITY"), "{text}");
    assert!(text.contains("Alibaba Cloud FIRM"), "{text}");
    assert!(text.contains("Chongqing Liangjiang New Area ZONE") || text.contains("Area ZONE"));
    press(&mut s, "L");
    assert!(!screen_text(&s).contains("CITY"));
}

#[test]
fn which_firms_appear_with_chengdu() {
    let mut s = state(120, 40);
    press(&mut s, "2 j");
    let entry = s.corpus_entry().expect("an entry is selected");
    assert_eq!(s.model.index.table[entry].name, "Chengdu");
    let firms: Vec<String> = s
        .corpus
        .with_rows
        .iter()
        .filter_map(|row| match row {
            dossier::tui::state::ListRow::Item(e, _)
                if s.model.index.table[*e].kind == Kind::Firm =>
            {
                Some(s.model.index.table[*e].name.clone())
            }
            _ => None,
        })
        .collect();
    assert_eq!(firms, vec!["Huawei", "Tencent"]);
    let text = screen_text(&s);
    assert!(text.contains("With Chengdu"), "{text}");
    // Enter on a co-occurring entry pivots to it.
    press(&mut s, "BTab j Enter");
    assert_eq!(focused(&s), Target::EntityArticles);
}

#[test]
fn esc_goes_back_one_screen_at_a_time() {
    let mut s = state(80, 24);
    press(&mut s, "Tab Enter Enter");
    assert!(matches!(s.screen(), Some(Screen::Reader(_))));
    press(&mut s, "Esc");
    assert!(matches!(s.screen(), Some(Screen::Entity(_))));
    press(&mut s, "Esc");
    assert!(s.screen().is_none());
    assert_eq!(focused(&s), Target::ArticlePane(0));
    press(&mut s, "Esc");
    assert_eq!(focused(&s), Target::ArticleList);
    press(&mut s, "Esc");
    assert!(s.message.is_some());
    assert!(s.exit.is_none());
}

#[test]
fn number_keys_switch_home_screens_from_anywhere() {
    let mut s = state(80, 24);
    press(&mut s, "Enter 2");
    assert!(s.screen().is_none());
    assert_eq!(focused(&s), Target::CorpusPane(0));
    press(&mut s, "1");
    assert_eq!(focused(&s), Target::ArticleList);
}

#[test]
fn help_lists_every_binding_of_the_keymap() {
    let mut s = state(200, 100);
    press(&mut s, "?");
    let text = screen_text(&s);
    // Wrapped help lines continue under the text column: flatten them.
    let flat = text
        .replace('┃', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for binding in &Keymap::default().bindings {
        let keys: Vec<String> = binding.keys.iter().map(|k| k.to_string()).collect();
        let row = format!("{} {}", keys.join(" "), binding.help);
        assert!(flat.contains(&row), "help lacks {row:?}\n{text}");
    }
    press(&mut s, "Esc");
    assert!(s.help.is_none());
}

#[test]
fn help_scrolls_when_it_does_not_fit() {
    let mut s = state(40, 12);
    press(&mut s, "? G");
    let text = screen_text(&s);
    assert!(text.contains("click"), "{text}");
}

#[test]
fn status_line_spells_keys_from_the_keymap() {
    let mut s = state(80, 24);
    let status = |s: &State| screen_text(s).lines().last().unwrap_or("").to_string();
    assert!(status(&s).contains("Enter read"), "{}", status(&s));
    assert!(status(&s).contains("? help"));
    assert!(status(&s).contains("q quit"));
    for b in &mut s.keymap.bindings {
        if b.action == Action::Open {
            b.keys = vec![Key::Char('o')];
        }
    }
    assert!(status(&s).contains("o read"), "{}", status(&s));
    press(&mut s, "o");
    assert!(matches!(s.screen(), Some(Screen::Reader(_))));
}

#[test]
fn readme_key_table_matches_the_keymap() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let begin = "<!-- keys:begin (generated from src/tui/keymap.rs; tests/tui_behaviour.rs checks it) -->\n";
    let end = "<!-- keys:end -->";
    let start = readme
        .find(begin)
        .expect("README has the keys:begin marker")
        + begin.len();
    let stop = readme[start..]
        .find(end)
        .expect("README has the keys:end marker")
        + start;
    let expected = Keymap::default().markdown();
    assert_eq!(
        &readme[start..stop],
        expected,
        "README's key table drifted from the keymap; paste this between the markers:\n{expected}"
    );
}

/// Control characters, C1, bidi overrides and zero-width characters.
fn is_dangerous(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

#[test]
fn hostile_articles_never_reach_the_terminal_raw() {
    for (w, h) in [(80, 24), (120, 40), (40, 12)] {
        for keys in [
            "",
            "Enter",
            "Enter L n",
            "Tab Enter",
            "2",
            "Tab Enter Tab Enter",
            "Enter Tab",
        ] {
            let mut s = State::new(tui_fixture::hostile_index(), Theme::default());
            update(&mut s, Action::Resize(w, h));
            press(&mut s, keys);
            let buffer = tui::render(&s);
            for cell in &buffer.content {
                assert!(
                    !cell.symbol().chars().any(is_dangerous),
                    "{keys:?}: {:?}",
                    cell.symbol()
                );
            }
            for line in screen_text(&s).lines() {
                assert!(
                    dossier::text::width(line) <= w as usize,
                    "{keys:?} overflows: {line}"
                );
            }
        }
    }
}

#[test]
fn no_colour_theme_sets_no_colour_attributes() {
    for keys in ["", "Tab", "Enter L n", "Tab Enter", "2", "?"] {
        let mut s = state(120, 40);
        press(&mut s, keys);
        let buffer = tui::render(&s);
        for cell in &buffer.content {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{keys:?}");
        }
    }
    // The same screen with colour does colour entities (so the check above can fail).
    let mut s = state_with(Theme::new(Palette::Ansi256, false), 120, 40);
    press(&mut s, "Enter");
    let coloured = tui::render(&s)
        .content
        .iter()
        .filter(|c| c.bg != Color::Reset)
        .count();
    assert!(coloured > 20);
}

#[test]
fn mouse_click_selects_and_a_second_click_opens() {
    let mut s = state(80, 24);
    // Row 0 header, 1 border, 2 column names, 3 first article.
    let click = |row| {
        Action::Mouse(Mouse {
            kind: MouseKind::Click,
            column: 10,
            row,
        })
    };
    update(&mut s, click(5));
    assert_eq!(s.articles.list.selected, 2);
    assert!(s.screen().is_none());
    update(&mut s, click(5));
    assert_eq!(reader(&s).article, 2);
    let wheel = Action::Mouse(Mouse {
        kind: MouseKind::ScrollDown,
        column: 10,
        row: 10,
    });
    press(&mut s, "Esc G k k Enter");
    update(&mut s, wheel);
    assert_eq!(reader(&s).scroll, 3);
    // A click on a header tab switches to it.
    update(
        &mut s,
        Action::Mouse(Mouse {
            kind: MouseKind::Click,
            column: 24,
            row: 0,
        }),
    );
    assert_eq!(focused(&s), Target::CorpusPane(0));
}

#[test]
fn resizing_keeps_the_reading_position() {
    let mut s = state(120, 40);
    press(&mut s, "G k k Enter C-d C-d");
    let view = reader(&s);
    let before = view.wrapped.rows[view.scroll].start;
    update(&mut s, Action::Resize(40, 12));
    let view = reader(&s);
    let after = view.wrapped.rows[view.scroll].start;
    let paragraph = |offset: usize| view.doc.text[..offset].matches('\n').count();
    assert_eq!(paragraph(before), paragraph(after));
    update(&mut s, Action::Resize(250, 70));
    update(&mut s, Action::Resize(10, 5));
    assert!(screen_text(&s).contains("too small"));
}

#[test]
fn quit_and_signals_end_the_explorer() {
    let mut s = state(80, 24);
    press(&mut s, "q j");
    assert_eq!(s.exit, Some(Exit::Quit));
    let mut s = state(80, 24);
    update(&mut s, Action::Signal(Signal::Hangup));
    assert_eq!(s.exit, Some(Exit::Signal(Signal::Hangup)));
}

#[derive(Debug, Clone)]
enum Op {
    Key(usize),
    Resize(u16, u16),
    Click(u16, u16),
    Wheel(bool, u16, u16),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => (0usize..64).prop_map(Op::Key),
        1 => (1u16..260, 1u16..80).prop_map(|(w, h)| Op::Resize(w, h)),
        1 => (0u16..260, 0u16..80).prop_map(|(x, y)| Op::Click(x, y)),
        1 => (any::<bool>(), 0u16..260, 0u16..80).prop_map(|(d, x, y)| Op::Wheel(d, x, y)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_mouse_and_sizes_never_panic(
        start in (1u16..260, 1u16..80),
        ops in proptest::collection::vec(op(), 1..50),
    ) {
        let keys: Vec<Key> = Keymap::default()
            .bindings
            .iter()
            .filter(|b| b.action != Action::Quit)
            .flat_map(|b| b.keys.clone())
            .collect();
        let mut s = state(start.0, start.1);
        for op in ops {
            let action = match op {
                Op::Key(i) => s.keymap.action(keys[i % keys.len()]),
                Op::Resize(w, h) => Some(Action::Resize(w, h)),
                Op::Click(x, y) => Some(Action::Mouse(Mouse { kind: MouseKind::Click, column: x, row: y })),
                Op::Wheel(down, x, y) => {
                    let kind = if down { MouseKind::ScrollDown } else { MouseKind::ScrollUp };
                    Some(Action::Mouse(Mouse { kind, column: x, row: y }))
                }
            };
            if let Some(action) = action {
                update(&mut s, action);
            }
            let text = screen_text(&s);
            for line in text.lines() {
                prop_assert!(dossier::text::width(line) <= s.width as usize);
            }
        }
    }
}

/// Not a check: opens the fixture in the real explorer, to look at it in a terminal:
/// `cargo test --test tui_behaviour -- --ignored --nocapture explore_fixture`.
#[test]
#[ignore]
fn explore_fixture() {
    let palette = Palette::detect(None, |name| std::env::var(name).ok());
    let ascii = std::env::var("DOSSIER_ASCII").is_ok();
    tui::run(tui_fixture::index(), Theme::new(palette, ascii)).expect("the explorer runs");
}

/// Not a check: where the explorer's start-up and keystroke time goes, on the
/// embedded corpus with the real extractor. In release:
/// `cargo test --release --test tui_behaviour -- --ignored --nocapture startup_costs`.
#[test]
#[ignore]
fn startup_costs() {
    use std::time::Instant;
    let t = Instant::now();
    let corpus = dossier::corpus::embedded();
    let read = t.elapsed();
    let t = Instant::now();
    let index = dossier::index::Index::from_corpus(corpus);
    let load = t.elapsed();
    let t = Instant::now();
    let again = dossier::index::Index::from_corpus(dossier::corpus::embedded());
    let reload = t.elapsed();
    drop(again);
    let t = Instant::now();
    let mut s = State::new(index, Theme::new(Palette::TrueColor, false));
    update(&mut s, Action::Resize(120, 40));
    let setup = t.elapsed();
    let t = Instant::now();
    let _ = tui::render(&s);
    let frame = t.elapsed();
    let mut worst = std::time::Duration::ZERO;
    for keys in [
        "j", "k", "Tab", "j", "Enter", "Enter", "n", "N", "C-d", "L", "Esc", "Esc", "2", "j", "1",
    ] {
        let t = Instant::now();
        press(&mut s, keys);
        let _ = tui::render(&s);
        worst = worst.max(t.elapsed());
    }
    println!(
        "read+clean {read:?} (before the first frame); extract {load:?} (on the worker; again, warm: {reload:?}); state {setup:?}; first frame {frame:?}; worst key+frame {worst:?}"
    );
}

#[test]
fn first_frame_says_entities_are_being_found_then_the_articles_come() {
    let mut s = State::loading("fixture news", Some(6), Theme::default());
    update(&mut s, Action::Resize(80, 24));
    press(&mut s, "2 ?");
    let text = screen_text(&s);
    assert!(text.contains("finding entities"), "{text}");
    press(&mut s, "?");
    assert!(screen_text(&s).contains("Finding the entities in 6 articles"));
    s.finish_loading(dossier::tui::model::Model::new(tui_fixture::index()));
    update(&mut s, Action::Resize(80, 24));
    assert_eq!(s.loading, None);
    assert_eq!(
        focused(&s),
        Target::CorpusPane(0),
        "the screen chosen while loading stays"
    );
    assert!(screen_text(&s).contains("With Chongqing"));
}

/// Not a check: keystroke cost at scale (a synthetic corpus of 20,000 articles,
/// ~600,000 entities). In release:
/// `cargo test --release --test tui_behaviour -- --ignored --nocapture large_corpus_keystrokes`.
#[test]
#[ignore]
fn large_corpus_keystrokes() {
    use std::time::Instant;
    let index = tui_fixture::large_index(20_000);
    let t = Instant::now();
    let model = dossier::tui::model::Model::new(index);
    let derive = t.elapsed();
    let mut s = State::from_model(model, Theme::new(Palette::TrueColor, false));
    update(&mut s, Action::Resize(160, 50));
    let mut report = vec![format!("model (on the worker) {derive:?}")];
    for keys in [
        "j", "G", "g", "Tab", "j", "Enter", "Tab", "Enter", "n", "Esc", "Esc", "BTab", "2", "j",
        "j", "j", "k", "BTab", "j", "Enter", "Esc",
    ] {
        let t = Instant::now();
        press(&mut s, keys);
        let _ = tui::render(&s);
        report.push(format!("{keys} {:.1?}", t.elapsed()));
    }
    println!("{}", report.join("; "));
}

/// One article of about 3 MB, "Chongqing" a mention of one entity in every paragraph.
fn huge_index() -> dossier::Index {
    use dossier::extract::{Entity, Mention};
    let paragraph =
        "Workers in Chongqing opened a plant on Monday and said more would follow. ".repeat(20);
    let body = vec![paragraph; 2000].join("\n\n");
    let mentions: Vec<Mention> = body
        .match_indices("Chongqing")
        .map(|(at, m)| Mention {
            start: at,
            end: at + m.len(),
        })
        .collect();
    let entity = Entity {
        name: "Chongqing".into(),
        kind: Kind::City,
        aliases: vec![],
        count: mentions.len(),
        mentions,
    };
    let article = dossier::corpus::load_text("huge.txt", "Huge\n\nA body.")
        .articles
        .remove(0);
    let corpus = dossier::Corpus {
        name: "huge".into(),
        articles: vec![dossier::Article { body, ..article }],
        problems: vec![],
    };
    dossier::Index::build(corpus, vec![vec![entity]])
}

#[test]
fn a_huge_article_is_prepared_off_the_ui_thread_and_laid_out_a_screen_at_a_time() {
    let mut s = State::new(huge_index(), Theme::default());
    update(&mut s, Action::Resize(100, 30));
    tui::press_key(&mut s, Key::Enter);
    assert!(
        reader(&s).pending,
        "the reader opens at once, the rest comes later"
    );
    assert_eq!(s.jobs, vec![dossier::tui::jobs::Job::Document(0)]);
    let screen = screen_text(&s);
    assert!(screen.contains("preparing all 3.0 MB"), "{screen}");
    assert!(
        screen.contains("Workers in Chongqing"),
        "the opening shows: {screen}"
    );
    tui::press_key(&mut s, Key::Char('j'));
    tui::press_key(&mut s, Key::Char('j'));
    let top = reader(&s).wrapped.rows[reader(&s).scroll].start;
    assert!(top > 0);
    tui::press_key(&mut s, Key::Char('q'));
    assert!(s.exit.is_some(), "q answers while it is prepared");
    s.exit = None;
    dossier::tui::jobs::run_now(&mut s);
    let view = reader(&s);
    assert!(!view.pending && !view.wrapped.is_whole());
    assert_eq!(
        view.wrapped.rows[view.scroll].start, top,
        "the rows on screen stay when the rest comes"
    );
    assert!(
        view.wrapped.rows.len() < 500,
        "{} rows laid out",
        view.wrapped.rows.len()
    );
    assert!(screen_text(&s).contains("Workers in Chongqing"));
    press(&mut s, "G");
    let view = reader(&s);
    assert!(view.wrapped.at_end(&view.doc));
    assert!(screen_text(&s).contains("100% of"), "{}", screen_text(&s));
    press(&mut s, "g");
    assert!(reader(&s).wrapped.at_start());
    // Paging down a thousand screens lays out what comes, a screen at a time.
    for _ in 0..100 {
        press(&mut s, "C-f C-f C-f C-f C-f C-f C-f C-f C-f C-f");
    }
    let view = reader(&s);
    assert!(view.wrapped.rows.len() < 500 && !view.wrapped.at_start());
    let top = view.wrapped.rows[view.scroll].start;
    assert!(top > view.doc.text.len() / 10, "{top}");
    // n finds the next mention below the screen, wherever it is laid out.
    press(&mut s, "n");
    let view = reader(&s);
    let mention = view.doc.spans[view.mention.unwrap()].range.start;
    assert!(mention >= top, "{mention} {top}");
    let row = view.wrapped.find_row(&view.doc, mention).unwrap();
    assert!(row >= view.scroll && row < view.scroll + 30);
}

/// Where the time of sorting and of the facet recount goes at 100,000
/// generated articles: each key's update and frame on this thread, and the
/// recount itself (which the explorer runs on a worker). A measurement, not
/// a timed test: `cargo test --release --test tui_behaviour -- --ignored
/// --nocapture sort_and_facet_costs`.
#[test]
#[ignore]
fn sort_and_facet_costs() {
    use dossier::tui::facet;
    use std::time::Instant;
    let t = Instant::now();
    let model = dossier::tui::model::Model::with_engine(dossier::generate::index(100_000, 1));
    let mut report = vec![format!("model {:.1?}", t.elapsed())];
    let mut s = State::from_model(model, Theme::new(Palette::TrueColor, false));
    update(&mut s, Action::Resize(120, 40));
    let timed = |s: &mut State, keys: &str, report: &mut Vec<String>| {
        let t = Instant::now();
        press(s, keys);
        let _ = tui::render(s);
        report.push(format!("{keys:?} {:.1?}", t.elapsed()));
    };
    for _ in 0..4 {
        timed(&mut s, "s", &mut report);
    }
    for query in ["city:an", "a", "zh"] {
        timed(&mut s, &format!("1 / C-u {query} Enter"), &mut report);
        for _ in 0..5 {
            timed(&mut s, "s", &mut report);
        }
        let Some(dossier::tui::filter::Matched::Articles(hits)) = s
            .filters
            .results(dossier::tui::filter::Slot::Articles)
            .map(|r| &r.matched)
        else {
            continue;
        };
        let request = facet::Request {
            generation: 0,
            query: query.into(),
            articles: hits.iter().map(|h| h.article as u32).collect(),
        };
        let t = Instant::now();
        let counted = facet::count(s.model.engine.as_ref().expect("engine"), &request, &|| {
            false
        });
        report.push(format!(
            "recount of {} articles (worker) {:.1?}",
            hits.len(),
            t.elapsed()
        ));
        assert!(counted.is_some());
        // `2` shows the corpus: this thread's part (snapshot mode also runs the
        // recount here, so it is timed apart and subtracted).
        timed(&mut s, "2", &mut report);
        timed(&mut s, "j", &mut report);
    }
    println!("{}", report.join("\n"));
}
