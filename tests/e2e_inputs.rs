//! End to end, in tmux through tests/e2e/tuidrive: inputs that used to hang
//! the explorer before it showed anything. A FIFO named on the command line
//! blocked in open(), and deeply nested HTML took minutes; the explorer never
//! showed the other files. Now the list comes at once, the FIFO and the page
//! are reported when it ends.
//!
//! Skipped without tmux unless DOSSIER_E2E_REQUIRED=1 (as in .ci/run).

mod e2e_harness;

use e2e_harness::{Session, tmux_ready};
use std::fs;

const ARTICLE: &str = "Harbour traffic hits record\n\n\
    The harbour authority said on Monday that cargo volumes rose by a fifth this year, helped by new routes.\n\n\
    Officials expect further growth next year as a second terminal opens on the northern quay.\n";

#[test]
fn a_fifo_or_deep_html_named_on_the_command_line_hid_the_other_files() {
    if !tmux_ready("inputs") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let deep = dir.path().join("deep.html");
    fs::write(
        &deep,
        format!(
            "<html><body><p>Deep page text about the port.</p>{}",
            "<div>".repeat(1_000_000)
        ),
    )
    .unwrap();
    let good = dir.path().join("good.txt");
    fs::write(&good, ARTICLE).unwrap();
    let paths = [fifo, deep, good].map(|p| p.to_str().unwrap().to_string());
    let args: Vec<&str> = paths.iter().map(String::as_str).collect();
    let s = Session::start("inputs", "100x30", &[], &args);
    // Within tuidrive's usual 5 s, not never.
    s.wait("Harbour traffic hits record");
    s.wait("1 skipped");
    s.keys(&["q"]);
    let exit = s.exit_status("3");
    assert!(exit.contains("exit_status=0"), "{exit}");
    s.assert_restored();
    let screen = s.screen();
    assert!(
        screen.contains("pipe.txt: empty (a pipe nothing was written to)"),
        "{screen}"
    );
    assert!(screen.contains("deep.html: HTML nested deeper"), "{screen}");
}
