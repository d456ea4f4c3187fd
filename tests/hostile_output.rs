//! Nothing hostile reaches the terminal raw, by construction: every subcommand
//! and every error path is driven with a hostile file name, title, outlet,
//! author, URL, entity name and argument, and no byte a terminal acts on (C0
//! controls but `\n` and `\t`, DEL, C1 controls, bidi controls, zero-width
//! characters) and no byte that is not UTF-8 may appear in stdout or stderr.
//! The only escape sequences allowed are the SGR colour codes dossier writes
//! itself under `--color always`.
//!
//! The set checked here is written out on its own, not taken from the
//! program's sanitiser, so that a gap in the sanitiser fails this test.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

/// `HOSTILE_BIN=path` runs the cases against another build (one from before
/// the fix fails them).
const BIN: &str = env!("CARGO_BIN_EXE_dossier");
fn bin() -> String {
    std::env::var("HOSTILE_BIN").unwrap_or(BIN.to_string())
}

/// Every kind of hostile character in one string: an OSC that sets the
/// window title (ended by BEL and by ST), a CSI, C1 CSI and OSC, DEL, bidi
/// override and isolate, zero-width space and joiner, a BOM, a newline.
const EVIL: &str = "\u{1b}]2;PWNED\u{7}\u{1b}]0;x\u{1b}\\\u{1b}[31m\u{9b}2J\u{9d}8;;\u{7f}\u{202e}\u{2066}\u{200b}\u{200d}\u{feff}\u{061c}\u{200f}";

/// A file name holding [`EVIL`] and a newline (all a name may hold but `/`
/// and NUL).
fn evil_name(stem: &str, ext: &str) -> OsString {
    OsString::from(format!("{stem}{EVIL}\n{ext}"))
}

/// The same with a byte that is not UTF-8 as well.
fn evil_bytes_name(stem: &str, ext: &str) -> OsString {
    let mut bytes = format!("{stem}{EVIL}").into_bytes();
    bytes.push(0xe9);
    bytes.extend_from_slice(format!("\n{ext}").as_bytes());
    OsStr::from_bytes(&bytes).to_os_string()
}

fn forbidden(c: char) -> bool {
    let n = c as u32;
    (n < 0x20 && c != '\n' && c != '\t')
        || n == 0x7f
        || (0x80..=0x9f).contains(&n)
        || matches!(
            n,
            0x061c | 0x200b..=0x200f | 0x202a..=0x202e | 0x2060..=0x2064 | 0x2066..=0x2069 | 0xfeff
        )
}

/// Strips the SGR sequences dossier writes itself (`ESC [ 1;33 m`).
fn without_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\u{1b}[") {
        out.push_str(&rest[..at]);
        let params = &rest[at + 2..];
        let digits = params
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b';')
            .count();
        if params.as_bytes().get(digits) == Some(&b'm') {
            rest = &params[digits + 1..];
        } else {
            // Not a colour code: keep the ESC, so the check below finds it.
            out.push('\u{1b}');
            rest = &rest[at + 1..];
        }
    }
    out.push_str(rest);
    out
}

fn assert_safe(what: &str, stream: &str, bytes: &[u8], colour: bool) {
    let text = std::str::from_utf8(bytes)
        .unwrap_or_else(|e| panic!("{what}: {stream} is not UTF-8 ({e}): {bytes:?}"));
    let text = if colour {
        without_sgr(text)
    } else {
        text.to_string()
    };
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| forbidden(c)) {
        let from = text[..at]
            .char_indices()
            .rev()
            .nth(40)
            .map_or(0, |(i, _)| i);
        let to = text[at..]
            .char_indices()
            .nth(40)
            .map_or(text.len(), |(i, _)| at + i);
        panic!(
            "{what}: {stream} holds U+{:04X} raw at byte {at}: ...{:?}",
            c as u32,
            &text[from..to]
        );
    }
}

struct Case {
    what: String,
    args: Vec<OsString>,
    env: Vec<(&'static str, OsString)>,
}

fn case(what: &str, args: &[&OsStr]) -> Case {
    Case {
        what: what.to_string(),
        args: args.iter().map(|a| a.to_os_string()).collect(),
        env: Vec::new(),
    }
}

fn run(case: &Case, cwd: &Path) -> Output {
    let mut cmd = Command::new(bin());
    cmd.args(&case.args)
        .current_dir(cwd)
        .env_remove("DOSSIER_CONFIG")
        .env("XDG_CONFIG_HOME", cwd.join("no-config-here"));
    for (k, v) in &case.env {
        cmd.env(k, v);
    }
    let child = cmd
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("dossier runs");
    let started = std::time::Instant::now();
    let out = child.wait_with_output().expect("dossier ends");
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{}: took too long",
        case.what
    );
    out
}

/// The hostile corpus: a text article, a JSON Lines feed and an HTML page whose
/// names, titles, outlets, authors, URLs and entity names carry [`EVIL`].
fn corpus(root: &Path) -> (OsString, OsString) {
    let dir = root.join("corpus");
    fs::create_dir_all(&dir).unwrap();
    let text_name = evil_name("story", ".txt");
    fs::write(
        dir.join(&text_name),
        format!(
            "Chongqing{EVIL} opens a data centre\n\nBy Ann{EVIL} Smith\n\n\
             CHONGQING, May 3 -- Foo{EVIL}bar Technology Co said on Monday it opened a \
             data centre in Chongqing{EVIL} Liangjiang New Area, the city's second.\n\n\
             The plant cost 2.5 billion yuan{EVIL}, the company said.\n"
        ),
    )
    .unwrap();
    let record = serde_json::json!({
        "title": format!("Chengdu{EVIL} rail link opens"),
        "source": format!("Daily{EVIL} Wire"),
        "author": format!("Wang{EVIL} Fang"),
        "url": format!("https://example.com/{EVIL}"),
        "date": format!("2021-03-04{EVIL}"),
        "body": format!("The Chengdu{EVIL} rail link to Chongqing opened on Friday, \
                         Evil{EVIL}corp Holdings Ltd said. Zhang{EVIL} Wei, its chief, spoke.")
    });
    let feed_name = evil_name("feed", ".jsonl");
    fs::write(
        dir.join(&feed_name),
        format!("{record}\n{{\"title\": \"broken{}\n", EVIL.escape_unicode()),
    )
    .unwrap();
    fs::write(
        dir.join(evil_bytes_name("page", ".html")),
        format!(
            "<html><head><title>Port{EVIL} expands | Harbour{EVIL} Post</title>\
             <meta property=\"og:site_name\" content=\"Harbour{EVIL} Post\">\
             <meta name=\"author\" content=\"Jo{EVIL} Lee\"></head><body><article>\
             <h1>Port{EVIL} expands</h1><p>The port of Ningbo{EVIL} said on Tuesday that \
             cargo rose by a fifth, helped by routes to Shanghai{EVIL}.</p></article></body></html>"
        ),
    )
    .unwrap();
    (
        dir.join(&text_name).into_os_string(),
        dir.join(&feed_name).into_os_string(),
    )
}

/// Gold files with hostile names and contents, and one that does not parse.
fn gold(root: &Path, article: &OsStr) -> std::path::PathBuf {
    let dir = root.join("gold");
    fs::create_dir_all(&dir).unwrap();
    let file = Path::new(article)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let gold = serde_json::json!({
        "file": file,
        "meta": {"title": format!("Title{EVIL}"), "source": format!("Src{EVIL}"),
                 "date": null, "author": format!("Au{EVIL}")},
        "body_must_include": [format!("inc{EVIL}")],
        "body_must_exclude": [format!("Chongqing{EVIL}")],
        "entities": [{"name": format!("Missing{EVIL} Co"), "kind": "firm"}],
        "figures": [format!("fig{EVIL}")],
        "dates": [format!("date{EVIL}")]
    });
    fs::write(dir.join(evil_name("gold", ".json")), gold.to_string()).unwrap();
    fs::write(
        dir.join(evil_bytes_name("broken", ".json")),
        format!("{{\"file\": \"{}", EVIL.escape_unicode()),
    )
    .unwrap();
    dir
}

#[test]
fn no_hostile_byte_reaches_stdout_or_stderr_raw() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let (text, feed) = corpus(root);
    let corpus_dir = root.join("corpus").into_os_string();
    let gold_dir = gold(root, &text).into_os_string();
    let missing = root.join(evil_name("missing", ".txt")).into_os_string();
    let missing_bytes = root
        .join(evil_bytes_name("missing", ".txt"))
        .into_os_string();
    let config = root.join(evil_name("config", ".toml"));
    fs::write(
        &config,
        format!("theme = \"{EVIL}\"\n[keys]\n{EVIL} = \"q\"\n"),
    )
    .unwrap();
    let config = config.into_os_string();
    let missing_config = root.join(evil_name("nothing", ".toml")).into_os_string();
    let mut record = feed.clone();
    record.push(":1");
    let evil = OsString::from(EVIL);
    let evil_arg = OsString::from(format!("x{EVIL}"));
    let evil_query = OsString::from(format!("chong{EVIL} |"));
    let o = |s: &str| OsString::from(s);
    let c = corpus_dir.as_os_str();

    let mut cases = vec![
        case("list", &[&o("list"), c]),
        case("list --json", &[&o("list"), &o("--json"), c]),
        case("list piped, no command", &[c]),
        case("export", &[&o("export"), c]),
        case("show id", &[&o("show"), &o("1"), c]),
        case("show id --json", &[&o("show"), &o("2"), &o("--json"), c]),
        case("show path", &[&o("show"), &text]),
        case("show path:line", &[&o("show"), &record]),
        case(
            "show path:line --json",
            &[&o("show"), &record, &o("--json")],
        ),
        case("show folder", &[&o("show"), c]),
        case("entities", &[&o("entities"), c]),
        case("entities --json", &[&o("entities"), &o("--json"), c]),
        case(
            "entities --article",
            &[&o("entities"), &o("--article"), &o("1"), c],
        ),
        case(
            "entities --article --json",
            &[&o("entities"), &o("--article"), &o("3"), &o("--json"), c],
        ),
        case("search", &[&o("search"), &o("chong"), c]),
        case("search title", &[&o("search"), &o("rail"), c]),
        case(
            "search --json",
            &[&o("search"), &o("chong"), &o("--json"), c],
        ),
        case(
            "search --json outlet",
            &[&o("search"), &o("wire"), &o("--json"), c],
        ),
        case("search hostile query", &[&o("search"), &evil_arg, c]),
        case("search malformed query", &[&o("search"), &evil_query, c]),
        case("eval", &[&o("eval"), &o("--gold"), &gold_dir, c]),
        case(
            "eval --verbose",
            &[&o("eval"), &o("--verbose"), &o("--gold"), &gold_dir, c],
        ),
        case(
            "eval --json",
            &[&o("eval"), &o("--json"), &o("--gold"), &gold_dir, c],
        ),
        case("eval missing gold", &[&o("eval"), &o("--gold"), &missing]),
        case("snapshot", &[&o("snapshot"), c]),
        case(
            "snapshot reader",
            &[&o("snapshot"), &o("--keys"), &o("Enter"), c],
        ),
        case(
            "snapshot hostile keys",
            &[&o("snapshot"), &o("--keys"), &evil_arg, c],
        ),
        case(
            "snapshot --size",
            &[&o("snapshot"), &o("--size"), &evil_arg],
        ),
        case("missing path", &[&o("list"), &missing, c]),
        case("missing path, not UTF-8", &[&o("list"), &missing_bytes, c]),
        case("show missing", &[&o("show"), &missing]),
        case("show hostile id", &[&o("show"), &evil_arg]),
        case(
            "entities --kind",
            &[&o("entities"), &o("--kind"), &evil_arg],
        ),
        case(
            "search --kind",
            &[&o("search"), &o("x"), &o("--kind"), &evil],
        ),
        case(
            "search --limit",
            &[&o("search"), &o("x"), &o("--limit"), &evil],
        ),
        case(
            "unknown flag",
            &[&o("list"), &OsString::from(format!("--{EVIL}"))],
        ),
        case("unknown command word", &[&evil_arg]),
        case("hostile subcommand", &[&o("list"), &o("--"), &evil]),
        case(
            "--config missing",
            &[&o("list"), &o("--config"), &missing_config],
        ),
        case("--config bad", &[&o("snapshot"), &o("--config"), &config]),
        case(
            "--demo-speed",
            &[&o("--demo"), &o("--demo-speed"), &evil_arg],
        ),
        case("--color", &[&o("list"), &o("--color"), &evil]),
        case("help for a hostile command", &[&o("help"), &evil]),
    ];
    let mut with_env = case("DOSSIER_CONFIG missing", &[&o("snapshot")]);
    with_env
        .env
        .push(("DOSSIER_CONFIG", missing_config.clone()));
    cases.push(with_env);
    let mut with_env = case("DOSSIER_CONFIG bad", &[&o("list")]);
    with_env.env.push(("DOSSIER_CONFIG", config.clone()));
    cases.push(with_env);
    let mut demo = case("DOSSIER_DEMO_SPEED", &[&o("--demo")]);
    demo.env.push(("DOSSIER_DEMO_SPEED", evil.clone()));
    cases.push(demo);

    let mut coloured = vec![
        case(
            "list --color always",
            &[&o("list"), &o("--color"), &o("always"), c],
        ),
        case(
            "search --color always",
            &[&o("search"), &o("chong"), &o("--color"), &o("always"), c],
        ),
        case(
            "show --color always",
            &[&o("show"), &o("1"), &o("--color"), &o("always"), c],
        ),
    ];
    for case in &mut coloured {
        case.what.push_str(" (colour)");
    }

    let mut outputs = 0;
    for (case, colour) in cases
        .iter()
        .map(|c| (c, false))
        .chain(coloured.iter().map(|c| (c, true)))
    {
        let out = run(case, root);
        assert_safe(&case.what, "stdout", &out.stdout, colour);
        assert_safe(&case.what, "stderr", &out.stderr, colour);
        outputs += usize::from(!out.stdout.is_empty()) + usize::from(!out.stderr.is_empty());
    }
    // The cases really printed things (else the test could pass on silence).
    assert!(outputs > cases.len(), "only {outputs} non-empty outputs");
}

#[test]
fn hostile_text_really_reaches_the_output_escaped() {
    // The check above must be able to fail: the hostile text is in the output,
    // only in safe form (JSON escapes, visible placeholders).
    let tmp = tempfile::tempdir().unwrap();
    corpus(tmp.path());
    let out = Command::new(bin())
        .args(["list", "--json"])
        .arg(tmp.path().join("corpus"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\\u001b]2;PWNED\\u0007"), "{text}");
    assert!(text.contains("\\u202e"), "{text}");
    let out = Command::new(bin())
        .arg("list")
        .arg(tmp.path().join("corpus"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("␛]2;PWNED␇"), "{text}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("␛]2;PWNED␇"), "{err}");
}

/// By construction: stderr is written in one module (`cli/report.rs`), JSON is
/// made for stdout in one function (`output::json`, and `eval`'s report, which
/// `cli/eval.rs` escapes), and no print macro writes around them.
#[test]
fn output_goes_through_the_one_sanitiser_and_escaper() {
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut offenders = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(src)];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let relative = path
                .strip_prefix(src)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let text = fs::read_to_string(&path).unwrap();
            // Tests beside the code may print what they like.
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for (number, line) in code.lines().enumerate() {
                let line = line.trim_start();
                if line.starts_with("//") {
                    continue;
                }
                let printing = ["print!(", "println!(", "eprint!(", "eprintln!(", "dbg!("]
                    .iter()
                    .any(|m| line.contains(m));
                let stderr = line.contains("io::stderr()") && relative != "cli/report.rs";
                let json = (line.contains("serde_json::to_string")
                    || line.contains("serde_json::to_writer"))
                    && !matches!(
                        relative.as_str(),
                        "cli/output.rs" | "eval/report.rs" | "generate/mod.rs"
                    );
                if printing || stderr || json {
                    offenders.push(format!("src/{relative}:{}: {line}", number + 1));
                }
            }
        }
    }
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}
