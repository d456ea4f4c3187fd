//! The tuidrive harness the end-to-end tests share: skip (or fail, under
//! DOSSIER_E2E_REQUIRED=1) without tmux, and one tuidrive session per test
//! with its own state directory.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_dossier");
/// The cache folder of these tests' runs (never the user's cache).
pub const CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache");

/// The binary, run directly, with the tests' cache folder.
pub fn command() -> Command {
    let mut command = Command::new(BIN);
    command.env("XDG_CACHE_HOME", CACHE);
    command
}
pub const TUIDRIVE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/tuidrive");

/// Writes to stderr past the test harness's capture, so skips are seen.
pub fn say(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{message}");
}

pub fn tmux_ready(test: &str) -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return true;
    }
    if std::env::var("DOSSIER_E2E_REQUIRED").as_deref() == Ok("1") {
        panic!("{test}: tmux is not installed and DOSSIER_E2E_REQUIRED=1");
    }
    say(&format!(
        "SKIPPED {test}: tmux is not installed (apt-get install tmux, or run .ci/run)"
    ));
    false
}

/// One tuidrive session with its own state directory; stopped and removed on drop.
pub struct Session {
    pub name: String,
    pub dir: PathBuf,
}

impl Session {
    pub fn start(test: &str, size: &str, env: &[&str], args: &[&str]) -> Session {
        Session::start_program(test, size, env, BIN, args)
    }

    /// Like [`Session::start`] with any program (`sh -c ...` to redirect
    /// dossier's output). The configuration and state directories are the
    /// session's own (XDG_CONFIG_HOME, XDG_STATE_HOME under its directory), so
    /// no test reads or writes the user's; `env` may name others.
    pub fn start_program(
        test: &str,
        size: &str,
        env: &[&str],
        program: &str,
        args: &[&str],
    ) -> Session {
        let name = format!("{test}-{}", std::process::id());
        let dir = std::env::temp_dir().join(format!("dse2e-{}-{test}", std::process::id()));
        let session = Session { name, dir };
        let cache = format!("XDG_CACHE_HOME={CACHE}");
        let config = format!("XDG_CONFIG_HOME={}", session.dir.join("config").display());
        let state = format!("XDG_STATE_HOME={}", session.dir.join("state").display());
        let mut cmd = vec!["start", &session.name, "--size", size];
        for e in [cache.as_str(), config.as_str(), state.as_str()]
            .into_iter()
            .chain(env.iter().copied())
        {
            cmd.extend(["--env", e]);
        }
        cmd.push("--");
        cmd.push(program);
        cmd.extend(args);
        session.ok(&cmd);
        session
    }

    /// The tmux server of this session, for options and buffers.
    pub fn tmux_command(&self) -> Command {
        let socket = self.dir.join(&self.name).join("tmux.sock");
        let mut command = Command::new("tmux");
        command.arg("-S").arg(socket);
        command
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(TUIDRIVE)
            .args(args)
            .env("TUIDRIVE_DIR", &self.dir)
            .output()
            .expect("tuidrive runs")
    }

    /// Runs a tuidrive command that must succeed; returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "tuidrive {args:?} failed:\n{text}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        text
    }

    pub fn wait(&self, pattern: &str) {
        self.ok(&["wait", &self.name, pattern, "--timeout", "5"]);
    }

    /// Waits until nothing on screen matches `pattern`.
    pub fn wait_gone(&self, pattern: &str) {
        self.ok(&["wait", &self.name, pattern, "--timeout", "5", "--gone"]);
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["keys", self.name.as_str()];
        args.extend(keys);
        self.ok(&args);
    }

    pub fn screen(&self) -> String {
        self.ok(&["screen", &self.name])
    }

    /// A tmux format (`#{pane_title}`) evaluated for this session's pane.
    pub fn tmux(&self, format: &str) -> String {
        let socket = self.dir.join(&self.name).join("tmux.sock");
        let out = Command::new("tmux")
            .arg("-S")
            .arg(socket)
            .args(["display-message", "-p", "-t", &self.name, format])
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    pub fn assert_restored(&self) {
        let report = self.ok(&["check-restored", &self.name]);
        assert!(report.contains("RESULT: restored"), "{report}");
    }

    pub fn exit_status(&self, timeout: &str) -> String {
        self.ok(&["wait-exit", &self.name, "--timeout", timeout])
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.run(&["stop", &self.name]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
