//! The configuration file through the real binary: where it is looked for
//! (`--config`, DOSSIER_CONFIG, XDG_CONFIG_HOME, HOME), `--no-config`, what
//! it changes (keys in the help screen and status line, ASCII symbols,
//! default paths), and that every mistake is one line naming the file, line
//! and column, with exit status 2.

use assert_cmd::Command;
use std::path::Path;
use tempfile::TempDir;

/// `dossier snapshot ARGS` with a clean environment: no config from the
/// person running the tests.
fn snapshot(home: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("dossier").expect("the binary");
    cmd.env_remove("DOSSIER_CONFIG")
        .env_remove("XDG_CONFIG_HOME")
        .env("HOME", home)
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .arg("snapshot")
        .args(args);
    cmd
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder made");
    std::fs::write(&path, text).expect("written");
    path.to_string_lossy().into_owned()
}

/// Runs `dossier snapshot --config FILE` on `text`; the error line.
fn mistake(text: &str) -> String {
    let dir = TempDir::new().expect("temp dir");
    let file = write(dir.path(), "config.toml", text);
    let out = snapshot(dir.path(), &["--config", &file])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    let prefix = format!("dossier: {file}:");
    assert!(err.starts_with(&prefix), "names the file: {err}");
    err[prefix.len()..].trim_end().to_string()
}

#[test]
fn every_mistake_names_its_line_and_column() {
    let cases = [
        (
            "theme = \"light\"\n[keys]\nqit = [\"q\"]\n",
            "3:1: unknown action 'qit'",
        ),
        (
            "[keys]\nquit = [\"q\", \"Ctrl+x\"]\n",
            "2:14: unknown key 'Ctrl+x'",
        ),
        ("theme = \"light\n", "1:15:"),
        ("\n\ncolour = 1\n", "3:1: unknown field `colour`"),
        (
            "[keys]\ndown = [\"j\", \"n\"]\n",
            "2:14: key n would do two things: down and next_mention",
        ),
        (
            "[colors]\ncity = \"blurple\"\n",
            "2:8: unknown colour \"blurple\" for city",
        ),
        ("[colors]\ntown = \"red\"\n", "2:1: unknown kind 'town'"),
        ("theme = \"sepia\"\n", "1:9: unknown theme 'sepia'"),
        ("[keys]\nquit = []\n", "2:1: quit needs at least one key"),
        ("ascii = \"yes\"\n", "1:9: invalid type"),
    ];
    for (text, expected) in cases {
        let err = mistake(text);
        assert!(
            err.starts_with(expected),
            "{text:?}: got {err:?}, want {expected:?}"
        );
    }
}

#[test]
fn a_named_file_that_is_missing_is_an_error() {
    let dir = TempDir::new().expect("temp dir");
    let missing = dir.path().join("nope.toml");
    let out = snapshot(dir.path(), &["--config", &missing.to_string_lossy()])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nope.toml") && err.lines().count() == 1,
        "{err}"
    );
}

#[test]
fn overridden_keys_show_in_help_and_status() {
    let dir = TempDir::new().expect("temp dir");
    let file = write(
        dir.path(),
        "keys.toml",
        "[keys]\nquit = [\"x\", \"C-c\"]\nhelp = [\"F\"]\ndown = [\"J\", \"Down\"]\n",
    );
    let status = snapshot(dir.path(), &["--config", &file])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&status.stdout);
    assert!(text.contains("x quit") && text.contains("F help"), "{text}");
    assert!(!text.contains("q quit"), "{text}");
    // The help opens on F now, and lists the new keys.
    let help = snapshot(
        dir.path(),
        &["--config", &file, "--size", "120x90", "--keys", "F"],
    )
    .output()
    .expect("runs");
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(text.contains("Panes and screens"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains("x C-c") && l.contains("Quit")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("J Down") && l.contains("Move down")),
        "{text}"
    );
    // ? is no longer bound: it does nothing.
    let old = snapshot(dir.path(), &["--config", &file, "--keys", "?"])
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&old.stdout).contains("Panes and screens"));
}

#[test]
fn found_by_xdg_config_home_then_home_and_skipped_with_no_config() {
    let dir = TempDir::new().expect("temp dir");
    let quit_x = "[keys]\nquit = [\"x\"]\n";
    write(dir.path(), "xdg/dossier/config.toml", quit_x);
    let xdg = dir.path().join("xdg");
    let out = snapshot(dir.path(), &[])
        .env("XDG_CONFIG_HOME", &xdg)
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains("x quit"));
    // No XDG_CONFIG_HOME: ~/.config/dossier/config.toml.
    write(
        dir.path(),
        ".config/dossier/config.toml",
        "[keys]\nquit = [\"Q\"]\n",
    );
    let out = snapshot(dir.path(), &[]).output().expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Q quit"));
    let out = snapshot(dir.path(), &["--no-config"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains("q quit"));
}

#[test]
fn dossier_config_names_the_file_unless_no_config() {
    let dir = TempDir::new().expect("temp dir");
    let broken = write(dir.path(), "broken.toml", "theme = 1\n");
    let out = snapshot(dir.path(), &[])
        .env("DOSSIER_CONFIG", &broken)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.toml:1:9"));
    let out = snapshot(dir.path(), &["--no-config"])
        .env("DOSSIER_CONFIG", &broken)
        .output()
        .expect("runs");
    assert!(out.status.success());
}

#[test]
fn default_paths_and_ascii_come_from_the_file() {
    let dir = TempDir::new().expect("temp dir");
    write(
        dir.path(),
        "news/one.txt",
        "Chengdu opens a park\n\nThe city of Chengdu opened a park.\n",
    );
    let file = write(dir.path(), "c.toml", "ascii = true\npaths = [\"news\"]\n");
    let out = snapshot(dir.path(), &["--config", &file])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Chengdu opens a park"), "{text}");
    assert!(text.contains("1 article"), "{text}");
    assert!(text.is_ascii(), "{text}");
    // One source of configuration at a time.
    let seeds = snapshot(dir.path(), &["--config", &file, "--no-config"]).output();
    assert!(
        seeds.expect("runs").status.code() == Some(2),
        "--config and --no-config conflict"
    );
}
