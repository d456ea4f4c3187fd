//! End to end, on real terminals: the `dossier` binary in tmux under six TERMs
//! (xterm-256color, xterm, screen-256color, tmux-256color, linux, vt100) at
//! 40x12, 80x24 and 250x70, locally and through a real `ssh -tt` login (all
//! driven by tests/e2e/tuidrive); what reaches the terminal per colour mode;
//! ASCII screens; SIGHUP, SIGTERM, a dropped connection, Ctrl-Z and `fg`;
//! idle CPU; the demo; completions and the man page; and, in process, that a
//! keystroke redraws only what changed.
//!
//! Without tmux these tests are skipped with a message, unless
//! DOSSIER_E2E_REQUIRED=1 (as in .ci/run). The ssh runs are skipped with a
//! message when tuidrive cannot start its sshd (it needs root to install
//! openssh-server), unless DOSSIER_E2E_SSH_REQUIRED=1 (set by .ci/run when it
//! could).

mod e2e_harness;

use e2e_harness::{BIN, TUIDRIVE, say, tmux_ready};
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

const TERMS: [&str; 6] = [
    "xterm-256color",
    "xterm",
    "screen-256color",
    "tmux-256color",
    "linux",
    "vt100",
];
const SIZES: [&str; 3] = ["40x12", "80x24", "250x70"];

/// Whether tuidrive's private sshd is up (started once for all tests).
fn ssh_ready(test: &str) -> bool {
    static READY: OnceLock<Result<(), String>> = OnceLock::new();
    let ready = READY.get_or_init(|| {
        let out = Command::new(TUIDRIVE)
            .arg("ssh-setup")
            .output()
            .map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
        }
    });
    match ready {
        Ok(()) => true,
        Err(why) if std::env::var("DOSSIER_E2E_SSH_REQUIRED").as_deref() == Ok("1") => {
            panic!("{test}: tuidrive could not start sshd and DOSSIER_E2E_SSH_REQUIRED=1: {why}")
        }
        Err(why) => {
            say(&format!(
                "SKIPPED {test} over ssh: tuidrive could not start its sshd ({why})"
            ));
            false
        }
    }
}

/// How to start a session.
struct Start<'a> {
    size: &'a str,
    term: &'a str,
    ssh: bool,
    env: Vec<String>,
    command: Vec<String>,
}

/// Configuration, state and cache folders of the tests' own: the explorer saves a
/// chosen sort order and the filter history, and must never read or write the
/// user's (a `sort = "entities"` left in ~/.config/dossier once reordered the list
/// a test walks).
fn own_dirs() -> Vec<String> {
    let home = std::env::temp_dir().join(format!("dse2e-term-{}", std::process::id()));
    ["XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"]
        .iter()
        .map(|name| format!("{name}={}", home.join(name.to_lowercase()).display()))
        .collect()
}

impl<'a> Start<'a> {
    /// The explorer with `args`, in a plain UTF-8 environment with no colour
    /// preferences inherited from whoever runs the tests.
    fn dossier(size: &'a str, term: &'a str, args: &[&str]) -> Start<'a> {
        let mut command = vec![BIN.to_string()];
        command.extend(args.iter().map(|a| a.to_string()));
        Start {
            size,
            term,
            ssh: false,
            env: [
                "LANG=C.UTF-8",
                "LC_ALL=",
                "LC_CTYPE=",
                "COLORTERM=",
                "NO_COLOR=",
            ]
            .map(String::from)
            .into_iter()
            .chain(own_dirs())
            .collect(),
            command,
        }
    }

    fn env(mut self, pair: &str) -> Self {
        let name = pair.split('=').next().unwrap_or("");
        self.env.retain(|e| !e.starts_with(&format!("{name}=")));
        self.env.push(pair.to_string());
        self
    }

    fn ssh(mut self, ssh: bool) -> Self {
        self.ssh = ssh;
        self
    }
}

/// One tuidrive session with its own state directory; stopped and removed on drop.
struct Session {
    name: String,
    dir: PathBuf,
    size: (usize, usize),
}

impl Session {
    fn start(test: &str, start: &Start) -> Session {
        Session::try_start(test, start).unwrap_or_else(|e| panic!("{e}"))
    }

    fn try_start(test: &str, start: &Start) -> Result<Session, String> {
        let name = format!("{test}-{}", std::process::id());
        let dir = std::env::temp_dir().join(format!("dste2e-{name}"));
        let (w, h) = start.size.split_once('x').unwrap_or(("80", "24"));
        let size = (w.parse().unwrap_or(80), h.parse().unwrap_or(24));
        let session = Session { name, dir, size };
        let mut args = vec![
            "start",
            &session.name,
            "--size",
            start.size,
            "--term",
            start.term,
        ];
        args.extend(["--timeout", "20"]);
        if start.ssh {
            args.push("--ssh");
        }
        let cache = format!("XDG_CACHE_HOME={}", e2e_harness::CACHE);
        args.extend(["--env", cache.as_str()]);
        for e in &start.env {
            args.extend(["--env", e.as_str()]);
        }
        args.push("--");
        args.extend(start.command.iter().map(String::as_str));
        session.check(&args)?;
        Ok(session)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(TUIDRIVE)
            .args(args)
            .env("TUIDRIVE_DIR", &self.dir)
            .output()
            .expect("tuidrive runs")
    }

    /// Runs a tuidrive command; its stdout, or what went wrong.
    fn check(&self, args: &[&str]) -> Result<String, String> {
        let out = self.run(args);
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        if out.status.success() {
            Ok(text)
        } else {
            Err(format!(
                "tuidrive {args:?} failed:\n{text}\n{}",
                String::from_utf8_lossy(&out.stderr)
            ))
        }
    }

    /// Runs a tuidrive command that must succeed; returns its stdout.
    fn ok(&self, args: &[&str]) -> String {
        self.check(args).unwrap_or_else(|e| panic!("{e}"))
    }

    fn wait(&self, pattern: &str) -> Result<String, String> {
        self.check(&["wait", &self.name, pattern, "--timeout", "10"])
    }

    fn keys(&self, keys: &[&str]) -> Result<String, String> {
        let mut args = vec!["keys", self.name.as_str()];
        args.extend(keys);
        self.check(&args)
    }

    fn screen(&self) -> Result<String, String> {
        self.check(&["screen", &self.name])
    }

    fn coloured(&self) -> Result<String, String> {
        self.check(&["screen", &self.name, "--color"])
    }

    /// A tmux format (`#{alternate_on}`) evaluated for this session's pane.
    fn tmux(&self, format: &str) -> String {
        self.ok(&["tmux", &self.name, "display-message", "-p", format])
            .trim()
            .to_string()
    }

    fn restored(&self) -> Result<(), String> {
        let report = self.check(&["check-restored", &self.name])?;
        if report.contains("RESULT: restored") {
            Ok(())
        } else {
            Err(report)
        }
    }

    fn exit_status(&self, timeout: &str) -> Result<String, String> {
        self.check(&["wait-exit", &self.name, "--timeout", timeout])
    }

    /// The program's process id (on this machine, also under ssh).
    fn pid(&self) -> u32 {
        let text =
            std::fs::read_to_string(self.dir.join(&self.name).join("pid")).unwrap_or_default();
        text.trim().parse().expect("the program's pid")
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.run(&["stop", &self.name]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// SGR parameter lists that set a colour (not the 39/49 resets tmux writes).
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

/// The text of a `screen --color` capture, without its SGR sequences.
fn strip_sgr(screen: &str) -> String {
    let mut out = String::new();
    let mut rest = screen;
    while let Some(start) = rest.find("\x1b[") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find(|c: char| c.is_ascii_alphabetic())
            .map_or(after.len(), |e| e + 1);
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Colour codes beyond the 16 classic ones (256-colour or 24-bit).
fn extended_codes(screen: &str) -> Vec<String> {
    colour_codes(screen)
        .into_iter()
        .filter(|c| {
            c.contains("38;5") || c.contains("48;5") || c.contains("38;2") || c.contains("48;2")
        })
        .collect()
}

/// What the screen under `term` must (not) contain.
fn check_looks(term: &str, plain: &str, coloured: &str) -> Result<(), String> {
    let colours = colour_codes(coloured);
    let extended = extended_codes(coloured);
    match term {
        "vt100" if !colours.is_empty() => return Err(format!("colour on a VT100: {colours:?}")),
        "vt100" if !plain.is_ascii() => return Err("non-ASCII on a VT100".into()),
        "xterm" | "linux" if !extended.is_empty() => {
            return Err(format!(
                "256/24-bit colour codes on a 16-colour terminal: {extended:?}"
            ));
        }
        "vt100" => {}
        _ if colours.is_empty() => return Err("no colour at all".into()),
        _ => {}
    }
    let heavy = ['━', '┃', '┏', '┓', '▶', '…', '‹', '›', '×'];
    if term == "linux" && plain.chars().any(|c| heavy.contains(&c)) {
        return Err("a glyph the Linux console font lacks".into());
    }
    Ok(())
}

/// One TERM x size x mode: first frame fits, the reader opens and looks
/// right for the terminal, q exits 0 and the terminal is restored.
fn run_case(term: &str, size: &str, ssh: bool) -> Result<(), String> {
    let mode = if ssh { "ssh" } else { "local" };
    let short = term.split('-').next().unwrap_or(term);
    let test = format!("m-{mode}-{short}-{}-{size}", term.len());
    let s = Session::try_start(&test, &Start::dossier(size, term, &[]).ssh(ssh))?;
    s.wait("Articles [0-9]")?;
    let screen = s.screen()?;
    let (width, height) = s.size;
    if screen.lines().count() != height || !screen.starts_with(" dossier") {
        return Err(format!("first frame:\n{screen}"));
    }
    if let Some(line) = screen.lines().find(|l| dossier::text::width(l) > width) {
        return Err(format!("a line wider than {width}: {line}"));
    }
    s.keys(&["Enter", "n"])?;
    s.wait("mention [0-9]+/[0-9]+|Esc back")?;
    let coloured = s.coloured()?;
    let plain = strip_sgr(&coloured);
    check_looks(term, &plain, &coloured).map_err(|e| format!("{e}\n{plain}"))?;
    s.keys(&["q"])?;
    let exit = s.exit_status("10")?;
    if !exit.contains("exit_status=0") {
        return Err(exit);
    }
    s.restored()
}

/// Runs every TERM x size x mode, several sessions at a time, and prints the table.
fn matrix(modes: &[bool]) {
    let cases: Vec<(&str, &str, bool)> = modes
        .iter()
        .flat_map(|&ssh| {
            TERMS
                .iter()
                .flat_map(move |t| SIZES.iter().map(move |s| (*t, *s, ssh)))
        })
        .collect();
    let mut results = Vec::new();
    for chunk in cases.chunks(9) {
        let handles: Vec<_> = chunk
            .iter()
            .map(|&(term, size, ssh)| {
                thread::spawn(move || {
                    let started = Instant::now();
                    let result = run_case(term, size, ssh);
                    (term, size, ssh, result.map(|()| started.elapsed()))
                })
            })
            .collect();
        results.extend(handles.into_iter().map(|h| h.join().expect("case thread")));
    }
    let mut table = String::from("TERM x mode x size:\n");
    for (term, size, ssh, result) in &results {
        let mode = if *ssh { "ssh" } else { "local" };
        let verdict = match result {
            Ok(took) => format!("pass  {:.1} s", took.as_secs_f64()),
            Err(_) => "FAIL".to_string(),
        };
        table.push_str(&format!("  {term:<16} {mode:<5} {size:<7} {verdict}\n"));
    }
    say(&table);
    let failures: Vec<String> = results
        .into_iter()
        .filter_map(|(t, s, ssh, r)| r.err().map(|e| format!("{t} {s} ssh={ssh}: {e}")))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn six_terminals_three_sizes_locally_and_over_ssh() {
    if !tmux_ready("matrix") {
        return;
    }
    if ssh_ready("matrix") {
        matrix(&[false, true]);
    } else {
        matrix(&[false]);
    }
}

#[test]
fn no_color_and_color_never_send_no_colour() {
    if !tmux_ready("nocolor") {
        return;
    }
    let truecolor = |args: &'static [&'static str]| {
        Start::dossier("80x24", "xterm-256color", args).env("COLORTERM=truecolor")
    };
    for (name, start) in [
        ("nocolor-env", truecolor(&[]).env("NO_COLOR=1")),
        ("nocolor-flag", truecolor(&["--color", "never"])),
    ] {
        let s = Session::start(name, &start);
        s.wait("Articles [0-9]").unwrap();
        s.keys(&["Enter", "L"]).unwrap();
        s.wait("Esc back").unwrap();
        let screen = s.coloured().unwrap();
        assert_eq!(colour_codes(&screen), Vec::<String>::new(), "{name}");
        // Bold and reverse are not colour: still there.
        assert!(
            screen.contains("\x1b[1m") || screen.contains(";1m"),
            "{name}: {screen:?}"
        );
    }
    // The same screen with truecolor allowed is in 24-bit colour (so the check can fail).
    let s = Session::start("truecolor", &truecolor(&[]));
    s.wait("Articles [0-9]").unwrap();
    s.keys(&["Enter"]).unwrap();
    s.wait("Esc back").unwrap();
    let screen = s.coloured().unwrap();
    assert!(screen.contains("48;2;"), "{screen:?}");
}

#[test]
fn ascii_mode_and_the_c_locale_draw_only_ascii() {
    if !tmux_ready("ascii") {
        return;
    }
    let utf8 = Start::dossier("100x30", "xterm-256color", &["--ascii"]);
    let c_locale = Start::dossier("100x30", "xterm-256color", &[]).env("LANG=C");
    for (name, start) in [("ascii-flag", utf8), ("ascii-lang-c", c_locale)] {
        let s = Session::start(name, &start);
        s.wait("Articles [0-9]").unwrap();
        for (keys, shows) in [
            (&["Tab"][..], "mentions"),
            (&["Escape", "Enter"][..], "Esc back"),
            (&["L", "n"][..], "mention"),
            (&["Escape", "2"][..], "With "),
            (&["?"][..], "Panes and screens"),
        ] {
            s.keys(keys).unwrap();
            s.wait(shows).unwrap();
            let screen = s.screen().unwrap();
            let odd: String = screen.chars().filter(|c| !c.is_ascii()).collect();
            assert!(odd.is_empty(), "{name} {keys:?}: {odd:?} in\n{screen}");
        }
    }
}

fn signal_on(term: &str, signal: &str, status: &str) {
    let test = format!("sig{signal}-{}", term.len());
    let s = Session::start(&test, &Start::dossier("80x24", term, &[]));
    s.wait("Articles [0-9]").unwrap();
    s.keys(&["Enter"]).unwrap();
    s.wait("Esc back").unwrap();
    s.ok(&["kill", &s.name, signal]);
    let started = Instant::now();
    let exit = s.exit_status("2").unwrap();
    assert!(exit.contains(status), "{exit}");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{signal}: {:?}",
        started.elapsed()
    );
    s.restored().unwrap();
}

#[test]
fn hangup_and_terminate_restore_on_other_terminals() {
    if !tmux_ready("signals") {
        return;
    }
    signal_on("vt100", "HUP", "exit_status=129");
    signal_on("linux", "TERM", "exit_status=143");
}

/// A stalled link: the terminal stops reading (the tmux server is stopped),
/// full repaints (SIGCONT retakes the terminal) fill the pty until the
/// explorer's writes block; SIGHUP must still end it at once.
#[test]
fn hangup_ends_the_explorer_even_when_writes_block() {
    if !tmux_ready("stall") {
        return;
    }
    let start = Start::dossier("250x70", "xterm-256color", &[]).env("COLORTERM=truecolor");
    let s = Session::start("stall", &start);
    s.wait("Articles [0-9]").unwrap();
    s.keys(&["Enter"]).unwrap();
    s.wait("Esc back").unwrap();
    let server = s.tmux("#{pid}");
    let program = s.pid().to_string();
    let signal = |sig: &str, pid: &str| {
        let ok = Command::new("kill").args([sig, pid]).status();
        assert!(ok.is_ok_and(|s| s.success()), "kill {sig} {pid}");
    };
    signal("-STOP", &server);
    let blocked = (0..50).any(|_| {
        signal("-CONT", &program);
        thread::sleep(Duration::from_millis(100));
        let wchan = std::fs::read_to_string(format!("/proc/{program}/wchan")).unwrap_or_default();
        // The main thread's wait for room in the tty's buffer.
        wchan.contains("wait_woken") || wchan.contains("n_tty_write") || wchan.contains("tty_write")
    });
    let started = Instant::now();
    signal("-HUP", &program);
    while PathBuf::from(format!("/proc/{program}")).exists()
        && started.elapsed() < Duration::from_secs(3)
    {
        thread::sleep(Duration::from_millis(10));
    }
    let took = started.elapsed();
    signal("-CONT", &server);
    say(&format!(
        "hangup with a stalled terminal (writes blocked: {blocked}): gone after {} ms",
        took.as_millis()
    ));
    assert!(
        took < Duration::from_millis(1500),
        "still running {took:?} after SIGHUP"
    );
    assert!(s.exit_status("3").unwrap().contains("exit_status=129"));
}

#[test]
fn a_dropped_ssh_connection_ends_the_explorer() {
    if !tmux_ready("drop") || !ssh_ready("drop") {
        return;
    }
    let s = Session::start(
        "drop",
        &Start::dossier("80x24", "xterm-256color", &[]).ssh(true),
    );
    s.wait("Articles [0-9]").unwrap();
    for (key, pattern) in [
        ("2", "With "),
        ("1", "# Title"),
        ("?", "Panes and screens"),
        ("Escape", "# Title"),
    ] {
        let ms = s.ok(&["latency", &s.name, key, pattern]);
        say(&format!("latency over ssh, key {key}: {} ms", ms.trim()));
    }
    let program = s.pid();
    // The ssh client is the pane's child; killing it drops the connection,
    // and sshd hangs up the remote terminal.
    let pane: u32 = s.tmux("#{pane_pid}").parse().expect("pane pid");
    let client = Command::new("pgrep")
        .args(["-P", &pane.to_string(), "ssh"])
        .output()
        .expect("pgrep runs");
    let client = String::from_utf8_lossy(&client.stdout).trim().to_string();
    assert!(!client.is_empty(), "no ssh client under the pane");
    let started = Instant::now();
    Command::new("kill")
        .args(["-KILL", &client])
        .status()
        .expect("kill runs");
    while PathBuf::from(format!("/proc/{program}")).exists() {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the explorer still runs 5 s after its connection dropped"
        );
        thread::sleep(Duration::from_millis(20));
    }
    say(&format!(
        "dropped ssh connection: explorer gone after {} ms (sshd itself takes ~1.3 s to hang up)",
        started.elapsed().as_millis()
    ));
}

#[test]
fn hangup_over_ssh_restores_the_remote_terminal() {
    if !tmux_ready("sshhup") || !ssh_ready("sshhup") {
        return;
    }
    let s = Session::start(
        "sshhup",
        &Start::dossier("80x24", "screen-256color", &[]).ssh(true),
    );
    s.wait("Articles [0-9]").unwrap();
    s.ok(&["kill", &s.name, "HUP"]);
    assert!(s.exit_status("3").unwrap().contains("exit_status=129"));
    s.restored().unwrap();
}

/// An interactive bash with job control, its prompt `jc$ `.
fn job_shell() -> Start<'static> {
    let mut env = vec!["PS1=jc$ ".to_string(), "LANG=C.UTF-8".to_string()];
    env.extend(own_dirs());
    Start {
        size: "80x24",
        term: "xterm-256color",
        ssh: false,
        env,
        command: ["bash", "--norc", "--noprofile", "-i"]
            .map(String::from)
            .to_vec(),
    }
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    if !tmux_ready("suspend") {
        return;
    }
    let s = Session::start("suspend", &job_shell());
    s.wait("jc\\$").unwrap();
    s.keys(&["-l", BIN, "Enter"]).unwrap();
    s.wait("Articles [0-9]").unwrap();
    s.keys(&["j", "C-z"]).unwrap();
    s.wait("Stopped").unwrap();
    assert_eq!(
        s.tmux("#{alternate_on}"),
        "0",
        "suspended on the alternate screen"
    );
    assert_eq!(
        s.tmux("#{mouse_any_flag}"),
        "0",
        "mouse still captured while suspended"
    );
    // The window changes size while the explorer is stopped.
    s.ok(&["resize", &s.name, "100x30"]);
    s.keys(&["-l", "fg", "Enter"]).unwrap();
    s.wait("Articles [0-9]").unwrap();
    s.wait("q quit").unwrap();
    let screen = s.screen().unwrap();
    assert_eq!(screen.lines().count(), 30, "{screen}");
    assert!(
        screen.lines().all(|l| dossier::text::width(l) <= 100),
        "{screen}"
    );
    assert!(
        screen.lines().nth(29).is_some_and(|l| l.contains("q quit")),
        "{screen}"
    );
    // All of it is back (a fresh alternate screen shows only what is redrawn),
    // with the selection where it was.
    assert!(screen.starts_with(" dossier"), "{screen}");
    assert!(screen.lines().any(|l| l.contains("▶ 2")), "{screen}");
    assert_eq!(s.tmux("#{alternate_on}"), "1");
    s.keys(&["j"]).unwrap();
    s.wait("▶ 3").unwrap();
    s.keys(&["q"]).unwrap();
    s.wait("jc\\$ *$").unwrap();
    assert_eq!(s.tmux("#{alternate_on}"), "0");
}

/// Regression: after `fg` the filter line's cursor stayed hidden (the
/// terminal modes hid it behind ratatui's back).
#[test]
fn cursor_hidden_after_fg_while_filtering() {
    if !tmux_ready("fgcursor") {
        return;
    }
    let s = Session::start("fgcursor", &job_shell());
    s.wait("jc\\$").unwrap();
    s.keys(&["-l", BIN, "Enter"]).unwrap();
    s.wait("Articles [0-9]").unwrap();
    s.keys(&["/", "c", "h"]).unwrap();
    s.wait("/ ch").unwrap();
    assert_eq!(s.tmux("#{cursor_flag}"), "1");
    s.keys(&["C-z"]).unwrap();
    s.wait("Stopped").unwrap();
    s.ok(&["wait", &s.name, "/ ch", "--gone", "--timeout", "5"]);
    s.keys(&["-l", "fg", "Enter"]).unwrap();
    s.wait("/ ch").unwrap();
    assert_eq!(
        s.tmux("#{cursor_flag}"),
        "1",
        "the filter line's cursor after fg"
    );
    // Escape and q apart: sent together they read as Alt-q.
    s.keys(&["Escape"]).unwrap();
    s.ok(&["wait", &s.name, "/ ch", "--gone", "--timeout", "5"]);
    s.keys(&["q"]).unwrap();
    s.wait("jc\\$ *$").unwrap();
}

#[test]
fn ctrl_z_without_job_control_says_why_and_carries_on() {
    if !tmux_ready("nojobs") {
        return;
    }
    let s = Session::start("nojobs", &Start::dossier("80x24", "xterm-256color", &[]));
    s.wait("Articles [0-9]").unwrap();
    s.keys(&["C-z"]).unwrap();
    s.wait("Cannot suspend").unwrap();
    s.keys(&["q"]).unwrap();
    assert!(s.exit_status("3").unwrap().contains("exit_status=0"));
}

/// CPU time (user + system) of a process so far, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("/proc/PID/stat");
    // Fields after the command name (which may hold spaces) start at field 3.
    let rest = &stat[stat.rfind(')').expect("comm ends") + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let field = |n: usize| fields[n - 3].parse::<u64>().expect("a number");
    field(14) + field(15)
}

fn clock_ticks_per_second() -> u64 {
    let out = Command::new("getconf").arg("CLK_TCK").output();
    out.ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100)
}

#[test]
fn idle_explorer_uses_no_cpu() {
    if !tmux_ready("idle") {
        return;
    }
    let s = Session::start("idle", &Start::dossier("120x40", "xterm-256color", &[]));
    s.wait("Articles [0-9]").unwrap();
    let pid = s.pid();
    thread::sleep(Duration::from_millis(300));
    let before = cpu_ticks(pid);
    let window = Duration::from_secs(3);
    thread::sleep(window);
    let used = cpu_ticks(pid) - before;
    let percent = used as f64 * 100.0 / (clock_ticks_per_second() as f64 * window.as_secs_f64());
    say(&format!(
        "idle CPU over {window:?}: {used} ticks = {percent:.2}%"
    ));
    assert!(percent < 2.0, "{percent:.2}% CPU while idle");
}

#[test]
fn resizing_across_the_range_keeps_every_line_inside() {
    if !tmux_ready("resize") {
        return;
    }
    let s = Session::start("resize", &Start::dossier("250x70", "tmux-256color", &[]));
    s.wait("Articles [0-9]").unwrap();
    s.keys(&["Enter"]).unwrap();
    for size in ["40x12", "250x70", "80x24", "40x12"] {
        s.ok(&["resize", &s.name, size]);
        let width: usize = size.split('x').next().unwrap().parse().unwrap();
        s.wait("Esc back").unwrap();
        let screen = s.screen().unwrap();
        assert!(
            screen.lines().all(|l| dossier::text::width(l) <= width),
            "{size}:\n{screen}"
        );
    }
    s.keys(&["q"]).unwrap();
    s.exit_status("3").unwrap();
    s.restored().unwrap();
}

#[test]
fn the_demo_plays_and_a_key_takes_over() {
    if !tmux_ready("demo") {
        return;
    }
    let fast = Start::dossier(
        "100x30",
        "xterm-256color",
        &["--demo", "--demo-speed", "20"],
    );
    let s = Session::start("demo", &fast);
    s.wait("dossier: news articles").unwrap();
    s.wait("That was the tour").unwrap();
    s.keys(&["j"]).unwrap();
    s.wait("Demo stopped").unwrap();
    s.ok(&[
        "wait",
        &s.name,
        "That was the tour",
        "--gone",
        "--timeout",
        "2",
    ]);
    s.keys(&["q"]).unwrap();
    assert!(s.exit_status("3").unwrap().contains("exit_status=0"));
    // At the audience's pace, q in the middle of the tour quits at once.
    let slow = Start::dossier("100x30", "xterm-256color", &["--demo"]);
    let s = Session::start("demoq", &slow);
    s.wait("dossier: news articles").unwrap();
    s.keys(&["q"]).unwrap();
    assert!(s.exit_status("2").unwrap().contains("exit_status=0"));
    s.restored().unwrap();
}

#[test]
fn completions_and_man_page_come_from_the_definitions() {
    let run = |args: &[&str]| {
        let out = e2e_harness::command()
            .args(args)
            .output()
            .expect("dossier runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let bash = run(&["completions", "bash"]);
    assert!(bash.contains("complete") && bash.contains("--demo") && bash.contains("search"));
    assert!(run(&["completions", "zsh"]).starts_with("#compdef dossier"));
    assert!(run(&["completions", "fish"]).contains("complete -c dossier"));
    let man = run(&["man"]);
    assert!(
        man.contains(".TH dossier 1") && man.contains(".SH KEYS"),
        "{man}"
    );
    assert!(man.contains("\\-\\-demo"), "every flag is in the page");
}

/// In process: the first frame writes the whole screen; a keystroke writes
/// only the cells it changed; nothing changed, nothing written.
#[test]
fn a_keystroke_redraws_only_what_changed() {
    use dossier::tui::backend::SgrBackend;
    use dossier::tui::capability::Attributes;
    use dossier::tui::{Palette, State, Theme, press};
    use ratatui::layout::Rect;
    use ratatui::{Terminal, TerminalOptions, Viewport};

    let index = dossier::index::Index::from_corpus(dossier::corpus::embedded());
    let mut state = State::new(index, Theme::new(Palette::Ansi256, false));
    dossier::tui::update::update(&mut state, dossier::tui::action::Action::Resize(120, 40));
    let backend = SgrBackend::new(Vec::new(), Palette::Ansi256, Attributes::All);
    let viewport = Viewport::Fixed(Rect::new(0, 0, 120, 40));
    let mut terminal = Terminal::with_options(backend, TerminalOptions { viewport }).unwrap();
    let mut draw = |state: &State| {
        let before = terminal.backend().writer().len();
        terminal
            .draw(|f| dossier::tui::view::render(state, f))
            .unwrap();
        terminal.backend().writer().len() - before
    };
    let full = draw(&state);
    let idle = draw(&state);
    // Down in an entity pane: only the old and the new selected row change.
    press(&mut state, "Tab");
    draw(&state);
    press(&mut state, "j");
    let keystroke = draw(&state);
    say(&format!(
        "bytes written: first frame {full}, unchanged frame {idle}, after j {keystroke}"
    ));
    assert_eq!(idle, 0);
    assert!(
        keystroke > 0 && keystroke * 3 < full,
        "{keystroke} of {full}"
    );
}
