//! Snapshots of every screen at 80x24, 100x30, 120x40, 200x60 and 40x12, drawn through
//! ratatui's TestBackend from the fixture index (not the live extractor), so
//! they change only when the explorer does. Review changes with `cargo insta review`
//! or by reading the `.snap` files; accept with INSTA_UPDATE=always.

mod tui_fixture;

use dossier::index::Index;
use dossier::tui::{self, Theme};

const SIZES: [(u16, u16); 5] = [(80, 24), (120, 40), (40, 12), (100, 30), (200, 60)];

/// Screen name and the keys that lead there from the start.
const SCREENS: &[(&str, &str)] = &[
    ("articles", ""),
    ("article_panes", "Tab l"),
    ("entity", "Tab Enter"),
    ("entity_mentions", "Tab Enter Tab j"),
    ("reader", "Enter"),
    ("reader_following", "Tab Enter Tab j Enter"),
    ("reader_labels", "Enter L n"),
    ("reader_sidebar", "Enter Tab j"),
    ("reader_scrolled", "G k k Enter C-d"),
    ("corpus", "2"),
    ("corpus_with", "2 j BTab j"),
    ("help", "?"),
    ("hostile_reader", "G Enter"),
    ("filter_typing", "/ c h o n g"),
    ("filter_kept", "/ c i t y : c h o n g Enter j"),
    ("filter_scope", "/ c l o u d Tab Tab"),
    ("filter_problem", "/ ' c h o n g Space |"),
    ("filter_panes", "Tab / c l o u d"),
    ("filter_corpus", "2 / c h e n"),
    ("sorted_by_date", "s"),
    ("filter_sorted_by_outlet", "/ c l o u d Enter s s"),
    ("filter_raises_matches", "/ f i r m : t e n Enter"),
    ("facet_corpus", "/ c i t y : c h e n g d u Enter 2"),
    (
        "facet_corpus_with",
        "/ c i t y : c h e n g d u Enter 2 Tab Tab Tab Tab Tab",
    ),
    ("did_you_mean", "/ c h o g n q i n g"),
    ("filter_placeholder", "Tab /"),
    ("reader_find", "Enter / c l o u d Enter n"),
    ("reader_find_typing", "Enter / c h o n"),
    ("reader_sidebar_rewrapped", "Enter Tab"),
];

fn screen(index: Index, width: u16, height: u16, keys: &str) -> String {
    tui::snapshot(index, Theme::default(), width, height, keys)
}

fn check_all(size: (u16, u16)) {
    let (w, h) = size;
    for (name, keys) in SCREENS {
        let text = screen(tui_fixture::index(), w, h, keys);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), text, &format!("keys: {keys:?}"));
    }
}

#[test]
fn screens_80x24() {
    check_all(SIZES[0]);
}

#[test]
fn screens_120x40() {
    check_all(SIZES[1]);
}

#[test]
fn screens_40x12() {
    check_all(SIZES[2]);
}

#[test]
fn screens_100x30() {
    check_all(SIZES[3]);
}

#[test]
fn screens_200x60() {
    check_all(SIZES[4]);
}

#[test]
fn very_wide_screens() {
    for (name, keys) in [("articles", ""), ("corpus", "2"), ("reader", "Enter")] {
        let text = screen(tui_fixture::index(), 250, 70, keys);
        insta::assert_snapshot!(format!("{name}_250x70"), text, &format!("keys: {keys:?}"));
    }
}

#[test]
fn too_small_says_so() {
    let text = screen(tui_fixture::index(), 39, 11, "");
    insta::assert_snapshot!("too_small_39x11", text);
}

#[test]
fn corpus_without_entities_says_so() {
    for (name, keys) in [
        ("bare_articles", ""),
        ("bare_corpus", "2"),
        ("bare_reader", "Enter"),
    ] {
        let text = screen(tui_fixture::bare_index(), 80, 24, keys);
        insta::assert_snapshot!(name, text, &format!("keys: {keys:?}"));
    }
}

#[test]
fn empty_corpus_says_so() {
    let text = screen(Index::default(), 80, 24, "j Enter Tab");
    insta::assert_snapshot!("empty_corpus", text);
}

#[test]
fn ascii_mode_draws_no_box_characters() {
    let theme = Theme::new(tui::Palette::None, true);
    for keys in ["", "Tab", "2", "Enter", "Tab Enter"] {
        let text = tui::snapshot(tui_fixture::index(), theme, 80, 24, keys);
        let drawn: String = text.lines().skip(1).collect();
        let boxy = drawn
            .chars()
            .find(|c| ('\u{2500}'..='\u{259f}').contains(c) || *c == '▶' || *c == '…');
        assert_eq!(boxy, None, "keys {keys:?}:\n{text}");
    }
}
