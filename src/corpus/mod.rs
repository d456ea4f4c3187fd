//! The corpus: articles read from files, folders, stdin or the embedded seeds,
//! each cleaned of web boilerplate and given its metadata. Problems with single
//! files are recorded as [`Problem`]s, never fatal.

mod embedded;

use serde::Serialize;
use std::path::PathBuf;

pub use embedded::embedded;

/// One cleaned article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// 1-based position in the corpus, in load order; what `dossier show ID` takes.
    pub id: usize,
    /// Where it came from, as the user would name it: a path, `path:LINE` for a
    /// JSON Lines record, `-` (or `-:LINE`) for stdin, `seeds/NAME` for the embedded corpus.
    pub path: String,
    /// The file name alone (`000_x.txt`); for JSON Lines, the file name of the `.jsonl`.
    pub file: String,
    /// The headline, or one derived from the first sentence when the article has none.
    pub title: String,
    /// True when [`Article::title`] was derived rather than stated.
    pub title_derived: bool,
    /// The outlet (e.g. "China Daily"), when the article says.
    pub source: Option<String>,
    /// ISO 8601 date prefix: `2016-09-29`, `2016-09` or `2016`.
    pub date: Option<String>,
    /// The byline's author, when there is one.
    pub author: Option<String>,
    /// The article's URL, when the input gives one.
    pub url: Option<String>,
    /// The cleaned article text: paragraphs separated by a blank line.
    pub body: String,
}

/// Why an input was skipped or only partly used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The path as given (with `:LINE` for one JSON Lines record).
    pub path: String,
    /// What went wrong, short and lower case ("binary file", "empty file", ...).
    pub reason: String,
    /// True when the input (or record) was skipped; false for a warning such as
    /// "not valid UTF-8, decoded lossily".
    pub skipped: bool,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// Loaded articles plus every problem met on the way.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// A short name for headers: the folder or file name, or "embedded seeds".
    pub name: String,
    /// The articles, in deterministic load order, ids 1..=n.
    pub articles: Vec<Article>,
    /// Files or records that could not be used, in load order.
    pub problems: Vec<Problem>,
}

/// One input named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a folder (walked recursively, hidden entries skipped).
    Path(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl Input {
    /// Parses a command-line argument: `-` is stdin, anything else a path.
    pub fn from_arg(arg: &str) -> Self {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// Loads the given inputs; with none, the embedded seeds.
pub fn load(inputs: &[Input]) -> Corpus {
    if inputs.is_empty() {
        return embedded();
    }
    let mut corpus = Corpus {
        name: "corpus".into(),
        ..Corpus::default()
    };
    for input in inputs {
        if let Input::Path(p) = input {
            match std::fs::read_to_string(p) {
                Ok(text) => {
                    let file = p
                        .file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let id = corpus.articles.len() + 1;
                    corpus
                        .articles
                        .push(from_plain_text(id, p.display().to_string(), file, &text));
                }
                Err(e) => corpus.problems.push(Problem {
                    path: p.display().to_string(),
                    reason: e.to_string(),
                    skipped: true,
                }),
            }
        }
    }
    corpus
}

/// Builds an article from plain text. Placeholder until the cleaner lands.
pub(crate) fn from_plain_text(id: usize, path: String, file: String, text: &str) -> Article {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    Article {
        id,
        path,
        file,
        title: first.trim().to_string(),
        title_derived: false,
        source: None,
        date: None,
        author: None,
        url: None,
        body: text.to_string(),
    }
}
