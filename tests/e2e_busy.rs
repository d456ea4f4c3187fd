//! End to end, in tmux through tests/e2e/tuidrive: the ways out of the
//! explorer while its UI thread is busy. A signal (TERM, HUP, QUIT, INT) or a
//! quit key must end the process with the terminal restored within 100 ms,
//! whatever the UI thread is doing. The UI thread is kept busy by
//! `DOSSIER_TEST_KEY_DELAY_MS` (every key holds it that long), a stand-in for
//! a slow update such as laying out a 25 MB article, which left the terminal
//! raw on SIGTERM before the signal thread restored it itself.
//!
//! Skipped without tmux unless DOSSIER_E2E_REQUIRED=1 (as in .ci/run).

mod e2e_harness;

use e2e_harness::{BIN, Session, say, tmux_ready};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const HOSTILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/hostile/escapes.txt"
);

/// The promise: signal or key to a restored terminal and an ended process.
const WITHIN: Duration = Duration::from_millis(100);

fn pid(s: &Session) -> i32 {
    let text = std::fs::read_to_string(s.dir.join(&s.name).join("pid")).unwrap_or_default();
    text.trim().parse().expect("the program's pid")
}

fn exit_file(s: &Session) -> PathBuf {
    s.dir.join(&s.name).join("exit")
}

/// Waits (polling every millisecond) for the program to end; the time it
/// took from `since`, or None after `limit`.
fn ended_within(s: &Session, since: Instant, limit: Duration) -> Option<Duration> {
    let file = exit_file(s);
    while since.elapsed() < limit {
        if file.exists() {
            return Some(since.elapsed());
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    None
}

/// Types `key` with tmux directly; returns when tmux has written it to the
/// program's terminal (sending takes 20-120 ms on a loaded machine, which
/// the promise does not cover: it runs from the key's arrival).
fn key_now(s: &Session, key: &str) -> Instant {
    let socket = s.dir.join(&s.name).join("tmux.sock");
    let status = std::process::Command::new("tmux")
        .arg("-S")
        .arg(socket)
        .args(["send-keys", "-t", &s.name, key])
        .status()
        .expect("tmux runs");
    assert!(status.success());
    Instant::now()
}

fn busy_session(test: &str, args: &[&str]) -> Session {
    let s = Session::start(test, "80x24", &["DOSSIER_TEST_KEY_DELAY_MS=4000"], args);
    s.wait("Articles [0-9]");
    s
}

/// One run: the UI thread busy with a key, then `signal`; how long until the
/// process ended (the terminal is checked too).
fn signal_while_busy(test: &str, signal: i32, status: i32) -> Duration {
    let s = busy_session(test, &[]);
    s.keys(&["j"]);
    std::thread::sleep(Duration::from_millis(300));
    let sent = Instant::now();
    // SAFETY: kill sends a signal to the process this test started; no memory
    // is touched.
    let rc = unsafe { libc::kill(pid(&s), signal) };
    assert_eq!(rc, 0, "kill failed");
    let took = ended_within(&s, sent, Duration::from_secs(3))
        .unwrap_or_else(|| panic!("{test}: still running 3 s after the signal"));
    let exit = s.exit_status("1");
    assert!(
        exit.contains(&format!("exit_status={status}")),
        "{test}: {exit}"
    );
    s.assert_restored();
    took
}

/// Runs `once` up to twice (a loaded machine may delay one run's scheduling)
/// and asserts that a run ended within [`WITHIN`]; every run must restore.
fn within_limit(test: &str, once: impl Fn(&str) -> Duration) {
    let mut times = Vec::new();
    for attempt in 1..=2 {
        let took = once(&format!("{test}{attempt}"));
        times.push(took);
        if took < WITHIN {
            say(&format!("{test}: ended and restored {took:?} after"));
            return;
        }
    }
    panic!("{test}: ended {times:?} after, not within {WITHIN:?}");
}

#[test]
fn sigterm_while_the_ui_thread_was_busy_left_the_terminal_raw() {
    if tmux_ready("busyterm") {
        within_limit("busyterm", |t| signal_while_busy(t, libc::SIGTERM, 143));
    }
}

#[test]
fn sighup_while_the_ui_thread_was_busy_left_the_terminal_raw() {
    if tmux_ready("busyhup") {
        within_limit("busyhup", |t| signal_while_busy(t, libc::SIGHUP, 129));
    }
}

#[test]
fn sigquit_left_the_terminal_raw() {
    if tmux_ready("busyquit") {
        within_limit("busyquit", |t| signal_while_busy(t, libc::SIGQUIT, 131));
    }
}

#[test]
fn sigint_while_the_ui_thread_was_busy_left_the_terminal_raw() {
    if tmux_ready("busyint") {
        within_limit("busyint", |t| signal_while_busy(t, libc::SIGINT, 130));
    }
}

#[test]
fn q_while_the_ui_thread_was_busy_waited_for_it() {
    if !tmux_ready("busyq") {
        return;
    }
    within_limit("busyq", |test| {
        // A missing path: its problem is still reported on the way out, and
        // the exit status still says there was an error.
        let s = busy_session(test, &["/nonexistent/a.txt", HOSTILE]);
        s.keys(&["j"]);
        std::thread::sleep(Duration::from_millis(300));
        let sent = key_now(&s, "q");
        let took = ended_within(&s, sent, Duration::from_secs(3))
            .unwrap_or_else(|| panic!("{test}: still running 3 s after q"));
        let exit = s.exit_status("1");
        assert!(exit.contains("exit_status=2"), "{test}: {exit}");
        s.assert_restored();
        let screen = s.screen();
        assert!(
            screen.contains("dossier: skipped: /nonexistent/a.txt"),
            "{screen}"
        );
        took
    });
}

/// `dossier pick` draws on /dev/tty and its stdout is the caller's: a quit
/// key the busy UI thread has not taken ended the process with status 0 (a
/// pick's quit is a cancel: 130) and wrote the terminal's restoring bytes
/// into the caller's pipe instead of the terminal.
#[test]
fn q_while_busy_in_pick_exited_0_and_restored_into_stdout() {
    if !tmux_ready("busypick") {
        return;
    }
    within_limit("busypick", |test| {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("picked.txt");
        let script = format!("'{BIN}' pick > '{}'", out.display());
        let env = ["DOSSIER_TEST_KEY_DELAY_MS=4000"];
        let s = Session::start_program(test, "80x24", &env, "sh", &["-c", &script]);
        s.wait("Articles [0-9]");
        s.keys(&["j"]);
        std::thread::sleep(Duration::from_millis(300));
        let sent = key_now(&s, "q");
        let took = ended_within(&s, sent, Duration::from_secs(3))
            .unwrap_or_else(|| panic!("{test}: still running 3 s after q"));
        let exit = s.exit_status("1");
        assert!(exit.contains("exit_status=130"), "{test}: {exit}");
        s.assert_restored();
        let printed = std::fs::read(&out).expect("output");
        assert!(printed.is_empty(), "{test}: stdout got {printed:?}");
        took
    });
}

#[test]
fn q_typed_into_a_filter_while_busy_is_text_and_ctrl_c_still_quits() {
    if !tmux_ready("busyfilter") {
        return;
    }
    within_limit("busyfilter", |test| {
        let s = Session::start(test, "80x24", &["DOSSIER_TEST_KEY_DELAY_MS=1500"], &[]);
        s.wait("Articles [0-9]");
        // `/` while the UI thread is busy with `j`: the `q` after it is text
        // for the line the `/` opens, not a way out.
        s.keys(&["j", "/", "q"]);
        std::thread::sleep(Duration::from_millis(600));
        assert!(
            !exit_file(&s).exists(),
            "{test}: q quit although / came first"
        );
        s.ok(&["wait", &s.name, "/ q", "--timeout", "10"]);
        // The line is open: a `q` now is text too, even while busy ...
        s.keys(&["x", "q"]);
        std::thread::sleep(Duration::from_millis(400));
        assert!(!exit_file(&s).exists(), "{test}: q quit from a filter line");
        // ... and C-c quits, busy or not.
        let sent = key_now(&s, "C-c");
        let took = ended_within(&s, sent, Duration::from_secs(3))
            .unwrap_or_else(|| panic!("{test}: still running 3 s after C-c"));
        let exit = s.exit_status("1");
        assert!(exit.contains("exit_status=0"), "{test}: {exit}");
        s.assert_restored();
        took
    });
}

/// The issue's own reproduction, not run by default (the record takes a
/// while to load): one 25 MB JSON Lines record, Enter to lay it out in the
/// reader, SIGTERM within the second that takes. `cargo test --release --test
/// e2e_busy -- --ignored`.
#[test]
#[ignore]
fn sigterm_while_laying_out_a_25_mb_record() {
    if !tmux_ready("big") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let generated = std::process::Command::new(e2e_harness::BIN)
        .args(["generate", "--articles", "3000", "--seed", "5"])
        .output()
        .expect("dossier generate");
    let bodies: Vec<String> = String::from_utf8_lossy(&generated.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["body"].as_str().map(str::to_string))
        .collect();
    let mut body = String::new();
    while body.len() < 25_000_000 {
        for b in &bodies {
            body.push_str(b);
            body.push_str("\n\n");
        }
    }
    let record = serde_json::json!({"title": "Big", "body": body});
    let path = dir.path().join("big.jsonl");
    std::fs::write(&path, format!("{record}\n")).unwrap();
    let s = Session::start("big", "100x30", &[], &[path.to_str().unwrap()]);
    s.ok(&["wait", &s.name, "Articles [0-9]", "--timeout", "600"]);
    s.keys(&["Enter"]);
    std::thread::sleep(Duration::from_millis(200));
    let sent = Instant::now();
    // SAFETY: as above.
    assert_eq!(unsafe { libc::kill(pid(&s), libc::SIGTERM) }, 0);
    let took = ended_within(&s, sent, Duration::from_secs(3)).expect("ended");
    s.assert_restored();
    say(&format!(
        "25 MB record: ended and restored {took:?} after SIGTERM"
    ));
    assert!(took < WITHIN, "{took:?}");
}
