//! Side by side with the real fzf: for many queries (terms with `'`, `^`, `$`, `!`,
//! `|`, escaped spaces, smart case, accents), the lines our matcher accepts must be
//! exactly the lines `fzf --filter QUERY` prints. Each line is one article's title,
//! so this runs the whole engine (parse, prefilter, single-char table, projection).
//!
//! Needs `fzf` on PATH; skips with a message otherwise, unless DOSSIER_E2E_REQUIRED=1.
//! fzf before 0.56 reads `'word'` as exact `word'` rather than a word-boundary
//! match, so with an older fzf queries with such terms are left out.

use dossier::Index;
use dossier::corpus::{Article, Corpus};
use dossier::generate::Random;
use dossier::query::{Options, Query, Searcher};
use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};

const LINES: &[&str] = &[
    "Chongqing Liangjiang New Area",
    "Chengdu Hi-tech Zone opens",
    "Alibaba Cloud opens data centre in Chengdu",
    "Tencent and Huawei sign deal",
    "Shanghai Pilot Free Trade Zone",
    "Beijing Municipal Government",
    "chongqing",
    "  padded title  ",
    "ends with space ",
    "Price: $5 a share",
    "a|b pipe | here",
    "it's a test",
    "^caret^ line",
    "!bang line",
    "foo bar baz",
    "foobar",
    "foo-bar",
    "FOO BAR",
    "Foo Bar",
    "camelCaseWord",
    "snake_case_word",
    "x",
    "zz top",
    "12:30 meeting",
    "http://example.com/path",
    "re: your message",
    "Zürich Insurance",
    "São Paulo",
    "Malmö FF",
    "Besançon",
    "Ålesund harbour",
    "Kraków old town",
    "naïve café",
    "dollar$ sign$",
    "quote' end'",
    "'quoted' word",
    "word boundary-test",
    "boundaryword",
];

const FRAGMENTS: &[&str] = &[
    "chong", "qing", "cheng", "du", "ali", "cloud", "zone", "bar", "foo", "Foo", "FOO", "zur",
    "zür", "sao", "são", "malmo", "besan", "ales", "Ales", "krak", "cafe", "café", "a", "b", "x",
    "z", "ng", "ia", "12", "30", "http:", "re:", "e c", "word", "test", "line", "$", "|", "'", "^",
    "!", "o", "an", "Chong", "C", "oo", "pipe", "space", "padded",
];

fn fzf_version() -> Option<(u32, u32)> {
    let out = Command::new("fzf").arg("--version").output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut parts = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty());
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

fn fzf_filter(query: &str) -> BTreeSet<String> {
    let mut child = Command::new("fzf")
        .args(["--filter", query])
        .env_remove("FZF_DEFAULT_OPTS")
        .env_remove("FZF_DEFAULT_COMMAND")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run fzf");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(LINES.join("\n").as_bytes()).expect("write");
    drop(input);
    let out = child.wait_with_output().expect("fzf output");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

fn searcher() -> Searcher {
    let articles = LINES
        .iter()
        .enumerate()
        .map(|(i, line)| Article {
            id: i + 1,
            path: format!("line:{}", i + 1),
            file: "lines".into(),
            title: line.to_string(),
            title_derived: false,
            source: None,
            date: None,
            date_text: None,
            author: None,
            url: None,
            body: String::new(),
            why: Default::default(),
        })
        .collect();
    let corpus = Corpus {
        name: "lines".into(),
        articles,
        problems: vec![],
    };
    Searcher::new(&Index::build(corpus, vec![Vec::new(); LINES.len()]))
}

fn ours(searcher: &Searcher, query: &str) -> BTreeSet<String> {
    let (parsed, _) = Query::parse_lenient(query);
    let hits = searcher.search(&parsed, &Options::default());
    hits.iter().map(|h| LINES[h.article].to_string()).collect()
}

fn term(random: &mut Random) -> String {
    let mut t = random.pick(FRAGMENTS).to_string();
    if random.chance(0.15) {
        t = format!("{t}\\ {}", random.pick(FRAGMENTS));
    }
    if random.chance(0.15) {
        t.push('$');
    }
    match random.below(10) {
        0 | 1 => t.insert(0, '\''),
        2 => t.insert(0, '^'),
        3 => t = format!("'{t}'"),
        _ => {}
    }
    if random.chance(0.2) {
        t.insert(0, '!');
    }
    t
}

fn queries() -> Vec<String> {
    let mut list: Vec<String> = [
        "",
        " ",
        "chong",
        "Chong",
        "CHONG",
        "'chong",
        "^chong",
        "qing$",
        "^chongqing$",
        "!chong",
        "!^chong",
        "!qing$",
        "!'chong",
        "chong | foo",
        "chong | !foo",
        "| foo",
        "foo |",
        "foo | | bar",
        "foo |  | bar",
        "!",
        "^",
        "'",
        "$",
        "^$",
        "!^",
        "'$",
        "''",
        "'''",
        "'foo'",
        "'bar'",
        "!'bar'",
        "'foo'$",
        "foo\\ bar",
        "foo\\ ",
        "\\ bar",
        "  foo   bar  ",
        "zurich",
        "zürich",
        "Zurich",
        "sao",
        "são",
        "cafe",
        "naive",
        "^  padded",
        "title  $",
        "^padded",
        "title$",
        "space$",
        "space $",
        "$5",
        "\\$",
        "a|b",
        "|",
        "||",
        "http:",
        "re:",
        "12:30",
        "'it's",
        "it's",
        "^^caret",
        "!!bang",
        "'quoted'",
        "'quoted''",
        "dollar$$",
        "end''",
        "'e c'",
        "^ ",
        "x$",
        "^x$",
        "'x'",
        "boundary",
        "'boundary'",
        "'boundary-test'",
        "'word'",
        "'foo-bar'",
        "'o'",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut random = Random::new(2024);
    for _ in 0..260 {
        let n = 1 + random.below(3);
        let mut q = term(&mut random);
        for _ in 1..n {
            q.push_str(if random.chance(0.3) { " | " } else { " " });
            q.push_str(&term(&mut random));
        }
        list.push(q);
    }
    list
}

/// True when a token is fzf 0.56's `'word'` (a word-boundary match).
fn has_boundary_term(query: &str) -> bool {
    query.replace("\\ ", "\t").split(' ').any(|t| {
        let t = t.strip_prefix('!').unwrap_or(t);
        let t = if t != "$" {
            t.strip_suffix('$').unwrap_or(t)
        } else {
            t
        };
        t.len() > 2 && t.starts_with('\'') && t.ends_with('\'')
    })
}

#[test]
fn accepts_exactly_what_fzf_filter_prints() {
    let Some(version) = fzf_version() else {
        if std::env::var("DOSSIER_E2E_REQUIRED").is_ok_and(|v| v == "1") {
            panic!("fzf is not on PATH and DOSSIER_E2E_REQUIRED=1");
        }
        eprintln!("SKIPPED query_fzf: fzf is not on PATH (apt-get install fzf)");
        return;
    };
    let boundary = version >= (0, 56);
    let searcher = searcher();
    let mut compared = 0;
    let mut mismatches = Vec::new();
    for query in queries() {
        if !boundary && has_boundary_term(&query) {
            continue;
        }
        compared += 1;
        let (want, got) = (fzf_filter(&query), ours(&searcher, &query));
        if want != got {
            let missing: Vec<_> = want.difference(&got).collect();
            let extra: Vec<_> = got.difference(&want).collect();
            mismatches.push(format!(
                "{query:?}: fzf only {missing:?}, dossier only {extra:?}"
            ));
        }
    }
    eprintln!(
        "query_fzf: compared {compared} queries with fzf {}.{}",
        version.0, version.1
    );
    assert!(compared > 250, "too few queries compared: {compared}");
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}
