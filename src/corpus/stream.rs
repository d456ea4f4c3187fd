//! JSON Lines read line by line instead of whole: `.jsonl` and `.ndjson` files,
//! named pipes of them, and standard input when it holds JSON Lines. No size
//! cap; records cleaned in parallel batches while the input is read, in order.

use super::article::Origin;
use super::read::{self, describe};
use super::{Each, Loaded, jsonl, problem};
use rayon::prelude::*;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// Records cleaned together; big enough to keep both cores busy.
const BATCH: usize = 1024;

/// How much of an input is looked at before deciding how to read it.
const HEAD: u64 = 64 * 1024;

/// Whether a file is read as a stream: `.jsonl` and `.ndjson`.
pub(crate) fn applies(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// Reads and cleans every record of a JSON Lines file (or named pipe); `each`
/// is applied to every article as its batch is cleaned.
pub(crate) fn load(path: &Path, shown: &str, each: Option<&dyn Each>) -> Loaded {
    let file_name = path.file_name().map_or_else(
        || shown.to_string(),
        |n| crate::text::os_lossless(n).into_owned(),
    );
    let mut file = match read::open(path) {
        Ok(opened) => opened.file,
        Err(reason) => return failed(shown, reason),
    };
    match head(&mut file) {
        Ok(head) => from_head(head, file, shown, &file_name, Some(path), each),
        Err(reason) => failed(shown, reason),
    }
}

/// Reads standard input: streamed when it holds JSON Lines (so it has no size
/// limit, as files do), else read whole like any other document.
pub(crate) fn load_stdin() -> Loaded {
    let mut stdin = std::io::stdin().lock();
    let head = match head(&mut stdin) {
        Ok(head) => head,
        Err(reason) => return failed("-", reason),
    };
    if json_lines(&head) {
        return from_head(head, stdin, "-", "-", None, None);
    }
    super::load_bytes(whole(head, stdin), None, "-")
}

fn failed(shown: &str, reason: String) -> Loaded {
    Loaded {
        problems: vec![problem(shown, reason, true)],
        ..Loaded::default()
    }
}

fn head(reader: &mut impl Read) -> Result<Vec<u8>, String> {
    let mut head = Vec::with_capacity(HEAD as usize);
    reader
        .take(HEAD)
        .read_to_end(&mut head)
        .map_err(|e| describe(&e))?;
    Ok(head)
}

/// The head and the rest of an input, whole, up to the size limit.
fn whole(head: Vec<u8>, rest: impl Read) -> Result<Vec<u8>, String> {
    let expected = head.len();
    read::read_capped(std::io::Cursor::new(head).chain(rest), expected)
}

/// Whether an input starting with `head` is JSON Lines: it starts with `{`,
/// and its first line is a whole JSON object, or its second line starts with
/// `{` too (the first record is broken), or its first line is longer than the
/// head. A pretty-printed object (its second line is a field) and an array
/// are read whole instead.
fn json_lines(head: &[u8]) -> bool {
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = text.iter().position(|b| !b.is_ascii_whitespace());
    let Some(start) = start.filter(|&i| text[i] == b'{') else {
        return false;
    };
    let text = &text[start..];
    let Some(end) = memchr::memchr(b'\n', text) else {
        return text.len() as u64 >= HEAD;
    };
    let second = text[end + 1..]
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .copied();
    serde_json::from_slice::<serde::de::IgnoredAny>(&text[..end]).is_ok() || second == Some(b'{')
}

/// Reads the records of an input whose first bytes, `head`, are already read.
/// Text with a UTF-16 byte-order mark is decoded whole, like other documents.
/// `each` is applied to every article as its batch is cleaned.
fn from_head(
    mut head: Vec<u8>,
    rest: impl Read,
    shown: &str,
    file_name: &str,
    path: Option<&Path>,
    each: Option<&dyn Each>,
) -> Loaded {
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return super::load_bytes(whole(head, rest), path, shown);
    }
    if read::is_binary(&head) {
        return failed(shown, "binary file".into());
    }
    if head.starts_with(b"\xEF\xBB\xBF") {
        head.drain(..3);
    }
    let mut out = Loaded::default();
    let reader = BufReader::with_capacity(1 << 20, std::io::Cursor::new(head).chain(rest));
    let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH);
    let mut any = false;
    let mut clean = |batch: &mut Vec<(usize, Vec<u8>)>, out: &mut Loaded| {
        any |= clean_batch(batch, shown, file_name, each, out);
    };
    for (number, line) in reader.split(b'\n').enumerate() {
        match line {
            Ok(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => {}
            Ok(bytes) => batch.push((number + 1, bytes)),
            Err(e) => {
                out.problems.push(problem(shown, describe(&e), true));
                break;
            }
        }
        if batch.len() == BATCH {
            clean(&mut batch, &mut out);
        }
    }
    clean(&mut batch, &mut out);
    if !any && out.problems.is_empty() {
        out.problems.push(problem(shown, "empty file".into(), true));
    }
    out
}

/// Cleans a batch in parallel: its articles go to `each` when given, else to
/// `out`. Returns whether it gave any article.
fn clean_batch(
    batch: &mut Vec<(usize, Vec<u8>)>,
    shown: &str,
    file: &str,
    each: Option<&dyn Each>,
    out: &mut Loaded,
) -> bool {
    let results: Vec<Loaded> = batch
        .par_iter()
        .map(|(number, bytes)| {
            let mut part = record(*number, bytes, shown, file);
            if let Some(each) = each {
                let given = part.given.pop().map(|(_, e)| e);
                if let Some(article) = part.articles.first() {
                    part.given = vec![(0, each.entities(article, given))];
                }
            }
            part
        })
        .collect();
    let bytes: usize = batch.iter().map(|(_, b)| b.len() + 1).sum();
    batch.clear();
    let mut any = false;
    let mut ready = Vec::new();
    for mut part in results {
        any |= !part.articles.is_empty();
        out.problems.append(&mut part.problems);
        if each.is_some() {
            let entities = part.given.pop().map(|(_, e)| e).unwrap_or_default();
            ready.extend(part.articles.pop().map(|a| (a, entities)));
            continue;
        }
        let base = out.articles.len();
        out.given
            .extend(part.given.into_iter().map(|(i, e)| (base + i, e)));
        out.articles.extend(part.articles);
    }
    if let Some(each) = each {
        each.batch(ready, bytes as u64);
    }
    any
}

/// One line: decoded (lossily, with a warning, when not UTF-8), parsed, cleaned.
fn record(number: usize, bytes: &[u8], shown: &str, file: &str) -> Loaded {
    let at = format!("{shown}:{number}");
    let mut problems = Vec::new();
    let text = String::from_utf8_lossy(bytes);
    if matches!(text, std::borrow::Cow::Owned(_)) {
        problems.push(problem(
            &at,
            "not valid UTF-8; invalid bytes replaced with U+FFFD".into(),
            false,
        ));
    }
    let origin = Origin {
        path: at,
        file: file.to_string(),
    };
    let mut out = Loaded {
        problems,
        ..Loaded::default()
    };
    out.add(origin, jsonl::parse_line(&text));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_keep_file_order_across_batches_and_report_bad_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.jsonl");
        let mut text = String::new();
        for i in 1..=2500 {
            if i == 1700 {
                text.push_str("{not json\n\n");
            } else {
                text.push_str(&format!(
                    "{{\"title\":\"Story {i}\",\"body\":\"Body of story {i}.\"}}\n"
                ));
            }
        }
        std::fs::write(&path, text).unwrap();
        let out = load(&path, "big.jsonl", None);
        assert_eq!(out.articles.len(), 2499);
        assert_eq!(out.articles[0].title, "Story 1");
        assert_eq!(out.articles[2498].title, "Story 2500");
        assert_eq!(out.articles[1699].path, "big.jsonl:1702");
        assert_eq!(out.problems.len(), 1);
        assert!(
            out.problems[0].path == "big.jsonl:1700"
                && out.problems[0].reason.starts_with("invalid JSON")
        );
    }

    #[test]
    fn json_lines_are_told_from_one_pretty_object_and_arrays() {
        assert!(json_lines(b"{\"body\":\"a\"}\n{\"body\":\"b\"}\n"));
        assert!(json_lines(b"{\"body\": broken\n{\"body\":\"b\"}\n"));
        assert!(json_lines(b"\xEF\xBB\xBF  {\"body\":\"a\"}\n"));
        assert!(!json_lines(
            b"{\n  \"title\": \"x\",\n  \"body\": \"y\"\n}\n"
        ));
        assert!(!json_lines(b"[{\"body\":\"a\"}]"));
        assert!(!json_lines(b"Plain text."));
    }

    #[test]
    fn binary_and_empty_files() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("a.jsonl");
        std::fs::write(&bin, b"{\"body\":\"x\"}\n\x00\x01\x02").unwrap();
        assert_eq!(load(&bin, "a", None).problems[0].reason, "binary file");
        let empty = dir.path().join("b.jsonl");
        std::fs::write(&empty, "\n \n").unwrap();
        assert_eq!(load(&empty, "b", None).problems[0].reason, "empty file");
    }
}
