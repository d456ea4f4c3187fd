//! End to end: the real `dossier` binary in tmux, driven by tests/e2e/tuidrive
//! the way a person would: navigate, open the reader, resize, quit; SIGHUP and
//! SIGTERM; an article full of escape sequences. Also the non-interactive
//! fallbacks (piped output, `dossier snapshot`).
//!
//! Without tmux these tests are skipped with a message, unless
//! DOSSIER_E2E_REQUIRED=1 (as in .ci/run), which makes a missing tmux a failure.

mod e2e_harness;

use e2e_harness::{Session, say, tmux_ready};
const HOSTILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/hostile/escapes.txt"
);

#[test]
fn explorer_navigates_resizes_and_quits_cleanly() {
    if !tmux_ready("navigate") {
        return;
    }
    let s = Session::start("navigate", "80x24", &[], &[]);
    s.wait("Articles [0-9]");
    s.keys(&["j", "k"]);
    if s.screen().contains("· 0 entities") {
        say("NOTE navigate: the seeds yield no entities yet; the entity step is left out");
        s.keys(&["Enter"]);
        s.wait("j/k scroll");
    } else {
        s.keys(&["Tab", "Enter"]);
        s.wait("mentions? it");
        s.keys(&["Tab", "Enter"]);
        s.wait("mention [0-9]+/[0-9]+");
        s.keys(&["n"]);
        s.wait("mention [0-9]+/[0-9]+");
    }
    s.ok(&["resize", &s.name, "40x12"]);
    s.wait("q quit");
    let small = s.screen();
    assert!(
        small.lines().next().unwrap_or("").starts_with(" dossier"),
        "{small}"
    );
    assert!(
        small.lines().all(|l| dossier::text::width(l) <= 40),
        "{small}"
    );
    s.ok(&["resize", &s.name, "30x8"]);
    s.wait("too small");
    s.ok(&["resize", &s.name, "120x40"]);
    s.wait("q quit");
    s.keys(&["Escape", "?"]);
    s.wait("Panes and screens");
    s.keys(&["q"]);
    assert!(s.exit_status("3").contains("exit_status=0"));
    s.assert_restored();
}

#[test]
fn keys_typed_while_loading_are_applied_once_loaded() {
    if !tmux_ready("ahead") {
        return;
    }
    let s = Session::start("ahead", "100x30", &[], &[]);
    // No wait: the keys may well arrive before the index is built.
    s.keys(&["2", "Tab"]);
    s.wait("With ");
    s.keys(&["q"]);
    assert!(s.exit_status("3").contains("exit_status=0"));
}

/// Not run on its own: the explorer with a worker that panics while the
/// alternate screen is up. `a_panic_restores_the_terminal` runs it in tmux.
#[test]
#[ignore]
fn panicking_explorer() {
    let theme = dossier::tui::Theme::default();
    let result =
        dossier::tui::run_building("doomed", None, || panic!("deliberate test panic"), theme);
    assert!(result.is_err());
}

#[test]
fn a_panic_restores_the_terminal() {
    if !tmux_ready("panic") {
        return;
    }
    let me = std::env::current_exe().expect("the test binary");
    let me = me.to_str().expect("a UTF-8 path");
    let name = format!("panic-{}", std::process::id());
    let dir = std::env::temp_dir().join(format!("dse2e-{}-panic", std::process::id()));
    let s = Session { name, dir };
    let args = [
        "start",
        &s.name,
        "--size",
        "80x24",
        "--env",
        "RUST_BACKTRACE=0",
        "--",
        me,
        "--ignored",
        "--exact",
        "panicking_explorer",
        "--nocapture",
    ];
    s.ok(&args);
    s.exit_status("5");
    // The message is on the main screen: the hook left the alternate screen
    // before the message was printed (else it would have vanished with it).
    let screen = s.screen();
    assert!(screen.contains("deliberate test panic"), "{screen}");
    s.assert_restored();
}

fn signal_ends_and_restores(test: &str, signal: &str, status: &str) {
    if !tmux_ready(test) {
        return;
    }
    let s = Session::start(test, "80x24", &[], &[]);
    s.wait("Articles [0-9]");
    s.keys(&["Enter"]);
    s.wait("Esc back");
    s.ok(&["kill", &s.name, signal]);
    // "At once": well inside a second.
    let exit = s.exit_status("1");
    assert!(exit.contains(status), "{exit}");
    s.assert_restored();
}

#[test]
fn hangup_exits_at_once_and_restores() {
    signal_ends_and_restores("hup", "HUP", "exit_status=129");
}

#[test]
fn terminate_restores() {
    signal_ends_and_restores("term", "TERM", "exit_status=143");
}

/// SGR parameters that set a colour (not the 39/49 resets tmux writes).
fn colour_codes(screen: &str) -> Vec<String> {
    let mut found = Vec::new();
    for part in screen.split("\x1b[").skip(1) {
        let Some(end) = part.find(|c: char| c.is_ascii_alphabetic()) else {
            continue;
        };
        if &part[end..=end] != "m" {
            continue;
        }
        let params: Vec<&str> = part[..end].split(';').collect();
        let colour = params.iter().any(|p| {
            let n: u32 = p.parse().unwrap_or(0);
            matches!(n, 30..=38 | 40..=48 | 90..=97 | 100..=107)
        });
        if colour {
            found.push(part[..end].to_string());
        }
    }
    found
}

#[test]
fn hostile_article_changes_neither_title_nor_colours() {
    if !tmux_ready("hostile") {
        return;
    }
    let s = Session::start("hostile", "80x24", &["NO_COLOR=1"], &[HOSTILE]);
    let title = s.tmux("#{pane_title}");
    s.wait("Articles [0-9]");
    s.keys(&["Enter"]);
    s.wait("rings a bell");
    let screen = s.screen();
    // The sequences are shown as inert text, the layout intact.
    assert!(screen.contains("␛[31;1m"), "{screen}");
    assert!(
        screen.lines().next().unwrap_or("").starts_with(" dossier"),
        "{screen}"
    );
    assert!(
        screen.lines().last().unwrap_or("").contains("q quit"),
        "{screen}"
    );
    assert_eq!(
        s.tmux("#{pane_title}"),
        title,
        "the article set the pane title"
    );
    assert_eq!(
        s.tmux("#{alternate_on}"),
        "1",
        "the article left the alternate screen"
    );
    let coloured = s.ok(&["screen", &s.name, "--color"]);
    assert_eq!(
        colour_codes(&coloured),
        Vec::<String>::new(),
        "colour under NO_COLOR"
    );
    s.keys(&["q"]);
    s.exit_status("3");
    s.assert_restored();
    assert_eq!(s.tmux("#{pane_title}"), title);
}

#[test]
fn load_problems_are_reported_once_the_terminal_is_back() {
    if !tmux_ready("problems") {
        return;
    }
    let s = Session::start("problems", "80x24", &[], &["/nonexistent/a.txt", HOSTILE]);
    s.wait("1 skipped");
    s.keys(&["q"]);
    s.exit_status("3");
    let screen = s.screen();
    assert!(
        screen.contains("dossier: skipped: /nonexistent/a.txt"),
        "{screen}"
    );
    s.assert_restored();
}

#[test]
fn colours_are_used_when_allowed() {
    if !tmux_ready("colour") {
        return;
    }
    let s = Session::start(
        "colour",
        "80x24",
        &["COLORTERM=truecolor"],
        &["--color", "always"],
    );
    s.wait("Articles [0-9]");
    s.keys(&["Enter"]);
    s.wait("Esc back");
    let screen = s.ok(&["screen", &s.name, "--color"]);
    // Borders of the focused pane are coloured, so this can fail.
    assert!(!colour_codes(&screen).is_empty(), "{screen}");
    s.keys(&["q"]);
    s.exit_status("3");
}

#[test]
fn piped_output_prints_the_list_not_the_explorer() {
    let out = e2e_harness::command().output().expect("dossier runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 5, "{text}");
    assert!(!text.contains('\x1b'));
}

#[test]
fn snapshot_prints_the_screen_after_the_keys() {
    let out = e2e_harness::command()
        .args(["snapshot", "--size", "60x15", "--keys", "j Enter"])
        .output()
        .expect("dossier runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 15, "{text}");
    assert!(text.lines().all(|l| dossier::text::width(l) <= 60));
    assert!(text.contains("Esc back"), "{text}");
    assert!(!text.contains('\x1b'));
    let hostile = e2e_harness::command()
        .args(["snapshot", "--keys", "Enter", HOSTILE])
        .output()
        .expect("dossier runs");
    let text = String::from_utf8_lossy(&hostile.stdout);
    assert!(
        text.contains("rings a bell") && !text.contains('\x1b'),
        "{text}"
    );
}

#[test]
fn snapshot_rejects_a_bad_size() {
    let out = e2e_harness::command()
        .args(["snapshot", "--size", "80"])
        .output()
        .expect("dossier runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--size '80'"), "{err}");
}
