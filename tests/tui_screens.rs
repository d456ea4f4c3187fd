//! Snapshots of every screen at 80x24, 120x40 and 40x12, drawn through
//! ratatui's TestBackend from the fixture index (not the live extractor).

mod tui_fixture;

use dossier::tui::{self, Theme};

fn screen(width: u16, height: u16, keys: &str) -> String {
    tui::snapshot(tui_fixture::index(), Theme::default(), width, height, keys)
}

#[test]
fn scratch_print() {
    for (w, h) in [(80, 24), (120, 40), (40, 12)] {
        for keys in [
            "",
            "Tab",
            "Tab Enter",
            "Enter",
            "Enter n n",
            "2",
            "2 Enter",
            "?",
            "2 Tab Tab Tab Tab Tab Tab Tab Tab Tab",
            "Enter L n",
        ] {
            println!("=== {w}x{h} [{keys}]\n{}", screen(w, h, keys));
        }
    }
}
