//! A folder of mixed inputs, some unusable: everything loadable loads, every
//! problem is reported on stderr with its path (and line for JSON Lines), the exit
//! code is 0 (2 under --strict), and nothing is written into the folder.

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::SystemTime;

/// The cache folder of these tests' runs (never the user's cache).
const CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache");

const ARTICLE: &str = "Harbour traffic hits record\n\
    By ANN SMITH in Port Alder\n\
    The harbour authority said on Monday that cargo volumes rose by a fifth this year, helped by new routes.\n\
    Officials expect further growth next year as a second terminal opens on the northern quay.\n";

/// Writes the mixed folder; returns whether the unreadable file really is unreadable
/// (it is not when the tests run as root).
fn make_folder(dir: &Path) -> bool {
    fs::create_dir_all(dir.join("nested/deeper")).unwrap();
    fs::create_dir_all(dir.join(".cache")).unwrap();
    fs::write(dir.join("empty.txt"), "").unwrap();
    fs::write(dir.join("blank.md"), " \n\t\n").unwrap();
    fs::write(
        dir.join("image.png"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    )
    .unwrap();
    let mut latin1 = ARTICLE
        .replace("Port Alder", "Port Ald\u{e9}r")
        .into_bytes();
    latin1.retain(|&b| b != 0xc3); // "é" (c3 a9) becomes the lone Latin-1 byte a9
    fs::write(dir.join("latin1.txt"), latin1).unwrap();
    let garbage: Vec<u8> = (0..4000u32)
        .map(|i| 0x80 + ((i * 37) % 0x7f) as u8)
        .collect();
    fs::write(dir.join("garbage.txt"), garbage).unwrap();
    fs::write(
        dir.join("page.html"),
        "<html><head><title>Ferry link resumes | Island Post</title></head><body><nav><a href=/>Home</a></nav>\
         <article><h1>Ferry link resumes</h1><p>The ferry link to the outer islands resumed on Tuesday after a \
         two-week strike, the operator said, with extra sailings planned for the weekend.</p></article></body></html>",
    )
    .unwrap();
    fs::write(dir.join("notes.md"), "# Rail spur approved\n\nThe council approved a rail spur to the port on Friday, ending a decade of debate.\n").unwrap();
    fs::write(
        dir.join("feed.jsonl"),
        "{\"title\":\"One\",\"body\":\"The first record is a complete article body.\",\"source\":\"Wire\"}\n\
         {\"title\": \"broken\", \"body\": \n\
         {\"title\":\"Three\",\"text\":\"The third record uses the text field instead.\"}\n",
    )
    .unwrap();
    fs::write(dir.join("nested/deeper/article.txt"), ARTICLE).unwrap();
    fs::write(dir.join(".hidden.txt"), ARTICLE).unwrap();
    fs::write(dir.join(".cache/cached.txt"), ARTICLE).unwrap();
    let huge = fs::File::create(dir.join("huge.txt")).unwrap();
    huge.set_len(dossier::corpus::MAX_BYTES + 1).unwrap(); // sparse: no real disk use
    let locked = dir.join("locked.txt");
    fs::write(&locked, ARTICLE).unwrap();
    lock(&locked)
}

#[cfg(unix)]
fn lock(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o000)).unwrap();
    fs::File::open(path).is_err()
}

#[cfg(not(unix))]
fn lock(_: &Path) -> bool {
    false
}

/// Every entry under the folder with its size and modification time.
fn snapshot(dir: &Path) -> BTreeMap<String, (u64, SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let entry = entry.unwrap();
            let meta = fs::symlink_metadata(entry.path()).unwrap();
            if meta.is_dir() {
                stack.push(entry.path());
            }
            out.insert(
                entry.path().display().to_string(),
                (meta.len(), meta.modified().unwrap()),
            );
        }
    }
    out
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("dossier")
        .unwrap()
        .env("XDG_CACHE_HOME", CACHE)
        .args(args)
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        out.status.code().unwrap_or(-1),
        text(out.stdout),
        text(out.stderr),
    )
}

#[test]
fn mixed_folder_loads_what_it_can_and_reports_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    let locked = make_folder(&dir);
    let before = snapshot(&dir);
    let d = dir.display().to_string();

    let (code, stdout, stderr) = run(&["list", &d]);
    assert_eq!(code, 0, "stderr: {stderr}");
    let titles: Vec<&str> = stdout
        .lines()
        .map(|l| l.split('\t').nth(3).unwrap())
        .collect();
    let mut want = vec![
        "One",
        "Three",
        "Harbour traffic hits record",
        "Harbour traffic hits record",
        "Rail spur approved",
        "Ferry link resumes",
    ];
    if !locked {
        want.push("Harbour traffic hits record");
    }
    let mut sorted = titles.clone();
    sorted.sort_unstable();
    want.sort_unstable();
    assert_eq!(sorted, want, "stdout: {stdout}");

    let expect = |file: &str, reason: &str| {
        let line = format!("{d}/{file}: {reason}");
        assert!(stderr.contains(&line), "missing {line:?} in:\n{stderr}");
    };
    expect("empty.txt", "empty file");
    expect("blank.md", "empty file");
    expect("image.png", "binary file");
    expect("garbage.txt", "not UTF-8 text");
    expect("latin1.txt", "not valid UTF-8; 1 invalid byte(s) replaced");
    expect("feed.jsonl:2", "invalid JSON");
    expect("huge.txt", "file too large");
    if locked {
        expect("locked.txt", "permission denied");
    } else {
        eprintln!("note: running as a user who can read mode-000 files; permission check skipped");
    }
    assert!(
        !stderr.contains("hidden") && !stderr.contains("cached"),
        "hidden entries are skipped silently"
    );
    assert!(
        stderr.lines().all(|l| l.starts_with("dossier: ")),
        "one line per problem"
    );

    let (code, _, stderr) = run(&["list", "--strict", &d]);
    assert_eq!(code, 2, "--strict with skipped inputs fails: {stderr}");
    assert!(stderr.lines().last().unwrap().contains("--strict"));

    assert_eq!(
        snapshot(&dir),
        before,
        "nothing was written into the corpus folder"
    );
}

#[test]
fn order_is_deterministic_and_sorted_by_path() {
    let tmp = tempfile::tempdir().unwrap();
    for name in ["b.txt", "a/z.txt", "a/b.txt", "c.md"] {
        let path = tmp.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        // A blank line after the title: Markdown joins adjacent lines into one paragraph.
        fs::write(&path, format!("Title {name}\n\nThe text of {name} is long enough to be a paragraph of its own today.\n")).unwrap();
    }
    let d = tmp.path().display().to_string();
    let (_, first, _) = run(&["list", &d]);
    let (_, second, _) = run(&["list", &d]);
    assert_eq!(first, second);
    let titles: Vec<&str> = first
        .lines()
        .map(|l| l.split('\t').nth(3).unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Title a/b.txt",
            "Title a/z.txt",
            "Title b.txt",
            "Title c.md"
        ]
    );
}

#[test]
fn strict_without_problems_succeeds() {
    let (code, _, stderr) = run(&["list", "--strict"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.is_empty());
}
