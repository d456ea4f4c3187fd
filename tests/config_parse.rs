//! The configuration file's text into settings, without the binary: every
//! setting read, defaults when absent, key overrides applied to the one
//! keymap table (so the handler, the help screen and the hints follow).

use dossier::config::{Config, Source, parse};
use dossier::tui::action::Action;
use dossier::tui::keymap::{Key, Keymap};
use dossier::tui::theme::{Palette, Scheme, Theme};
use dossier::tui::{State, press, screen_text};
use ratatui::style::Color;

#[test]
fn an_empty_file_changes_nothing() {
    let config = parse("").expect("empty is fine");
    assert_eq!(config.scheme, None);
    assert_eq!(config.ascii, None);
    assert_eq!(config.keymap, Keymap::default());
    assert!(config.paths.is_empty());
    assert_eq!(config.apply(Theme::default()), Theme::default());
}

#[test]
fn theme_colours_ascii_and_paths_are_read() {
    let text = r##"
theme = "light"
ascii = true
paths = ["~/news", "feeds"]
[colors]
city = "#ffcc00"
Firms = "light-cyan"
date = 152
"##;
    let config = parse(text).expect("valid");
    assert_eq!(config.scheme, Some(Scheme::Light));
    assert_eq!(config.ascii, Some(true));
    assert_eq!(config.paths, vec!["~/news", "feeds"]);
    let theme = config.apply(Theme::new(Palette::TrueColor, false));
    assert_eq!(theme.scheme, Scheme::Light);
    let kind = |k| theme.kind(k).bg;
    assert_eq!(
        kind(dossier::Kind::City),
        Some(Color::Rgb(0xff, 0xcc, 0x00))
    );
    assert_eq!(kind(dossier::Kind::Firm), Some(Color::LightCyan));
    assert_eq!(kind(dossier::Kind::Date), Some(Color::Indexed(152)));
    // Kinds not named keep the default.
    let default = Theme::new(Palette::TrueColor, false);
    assert_eq!(
        kind(dossier::Kind::Zone),
        default.kind(dossier::Kind::Zone).bg
    );
}

#[test]
fn mono_takes_the_colour_away_but_not_the_emphasis() {
    let config = parse("theme = \"mono\"").expect("valid");
    let theme = config.apply(Theme::new(Palette::Ansi256, false));
    assert_eq!(theme.kind(dossier::Kind::City).bg, None);
    assert_eq!(theme.border(true).fg, None);
}

#[test]
fn key_overrides_replace_an_actions_keys_and_drive_the_explorer() {
    let text =
        "[keys]\nquit = [\"x\"]\nnext-pane = [\"Tab\", \"w\"]\nshow_corpus = [\"C-o\", \"2\"]\n";
    let config = parse(text).expect("valid");
    let keymap = &config.keymap;
    assert_eq!(keymap.action(Key::Char('x')), Some(Action::Quit));
    assert_eq!(keymap.action(Key::Char('q')), None);
    assert_eq!(keymap.action(Key::Char('w')), Some(Action::NextPane));
    assert_eq!(keymap.action(Key::Char('l')), None, "l was next_pane's");
    assert_eq!(keymap.main_key(&Action::ShowCorpus), Some(Key::Ctrl('o')));
    // Actions not named keep their keys.
    assert_eq!(keymap.action(Key::Char('j')), Some(Action::Down));
    let index = dossier::index::Index::from_corpus(dossier::corpus::embedded());
    let mut state = State::new(index, Theme::default());
    state.keymap = config.keymap.clone();
    dossier::tui::update::update(&mut state, Action::Resize(80, 24));
    assert!(screen_text(&state).contains("x quit"));
    press(&mut state, "C-o");
    assert!(
        screen_text(&state).contains("With "),
        "C-o opens the corpus view"
    );
    press(&mut state, "q");
    assert_eq!(state.exit, None, "q no longer quits");
    press(&mut state, "x");
    assert!(state.exit.is_some());
}

#[test]
fn swapping_two_keys_is_not_a_conflict() {
    let config = parse("[keys]\nnext_mention = [\"N\"]\nprev_mention = [\"n\"]\n").expect("valid");
    assert_eq!(
        config.keymap.action(Key::Char('N')),
        Some(Action::NextMention)
    );
    assert_eq!(
        config.keymap.action(Key::Char('n')),
        Some(Action::PrevMention)
    );
}

#[test]
fn mistakes_carry_a_position() {
    for text in [
        "[keys]\nfly = [\"f\"]",
        "[keys]\nquit = [\"Hyper-q\"]",
        "[keys]\nup = [\"j\"]",
        "bogus = 1",
    ] {
        let (position, message) = parse(text).expect_err(text);
        assert!(
            position.is_some_and(|(line, column)| line >= 1 && column >= 1),
            "{text}: {message}"
        );
        assert!(!message.contains('\n'), "{message}");
    }
}

#[test]
fn no_file_in_the_usual_place_means_defaults() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let home = dir.path().to_string_lossy().into_owned();
    let var = |name: &str| (name == "HOME").then(|| home.clone());
    let config = Config::load(Source::Default, var).expect("no file is fine");
    assert_eq!(config, Config::default());
    assert_eq!(
        Config::load(Source::Nothing, var).expect("none"),
        Config::default()
    );
}
