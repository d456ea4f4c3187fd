//! The corpus: articles read from files, folders, stdin or the embedded seeds,
//! each cleaned of web boilerplate and given its metadata. Problems with single
//! files are recorded as [`Problem`]s, never fatal.

mod article;
pub(crate) mod clean;
pub(crate) mod document;
mod embedded;
mod format;
mod html;
mod jsonl;
mod markdown;
pub(crate) mod meta;
mod pattern;
mod plain;
mod read;
mod stream;
pub(crate) mod walk;

use article::Origin;
use format::Format;
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};

pub use embedded::embedded;
pub use meta::why::{Evidence, Why};
pub use read::MAX_BYTES;

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
    /// [`Article::date`] as the article's own date line, byline, dateline or credit
    /// writes it ("Mar 29,2024"), when it was read from one: a date of the article
    /// that the body, which leaves those lines out, does not hold. Not cached or
    /// exported; the extractor lists it as a date with no mention.
    #[serde(skip)]
    pub date_text: Option<String>,
    /// The byline's author, when there is one.
    pub author: Option<String>,
    /// The article's URL, when the input gives one.
    pub url: Option<String>,
    /// The cleaned article text: paragraphs separated by a blank line.
    pub body: String,
    /// Where the title, outlet, date and author came from (`dossier show --why`).
    pub why: Why,
}

impl Article {
    /// The article's entities ([`crate::extract::article_entities`] of its title,
    /// author, written date and body).
    pub fn entities(&self) -> Vec<crate::extract::Entity> {
        self.entities_with(crate::extract::tagger::Model::compiled())
    }

    /// [`Article::entities`] with another tagger model (for training and evaluation).
    #[doc(hidden)]
    pub fn entities_with(
        &self,
        model: &crate::extract::tagger::Model,
    ) -> Vec<crate::extract::Entity> {
        crate::extract::article_entities_with(
            &self.title,
            self.author.as_deref(),
            self.date_text.as_deref(),
            &self.body,
            model,
        )
    }
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
    /// Parses a command-line argument: `-` is stdin, anything else a path (which
    /// need not be UTF-8).
    pub fn from_arg(arg: impl AsRef<std::ffi::OsStr>) -> Self {
        let arg = arg.as_ref();
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// A path as articles and problems show it: as given, with any byte that is not
/// UTF-8 written `\xHH` (so it stays distinct, and `$'...'` names it again).
pub(crate) fn shown(path: &Path) -> String {
    crate::text::os_lossless(path.as_os_str()).into_owned()
}

/// What one file (or stdin) gave: articles and problems, in order.
#[derive(Debug, Default)]
pub(crate) struct Loaded {
    /// The articles (ids not yet given).
    pub articles: Vec<Article>,
    /// The problems met.
    pub problems: Vec<Problem>,
    /// Entities given with some articles (export records read back), by the
    /// article's position in `articles`; the others are still to be extracted.
    pub given: Vec<(usize, Vec<crate::extract::Entity>)>,
}

impl Loaded {
    /// Adds what one record or document gave; what its reader warned of is
    /// reported as warnings for the document's path.
    fn add(&mut self, origin: Origin, parsed: Result<jsonl::Parsed, String>) {
        let shown = origin.path.clone();
        let built = parsed.and_then(|parsed| match parsed {
            jsonl::Parsed::Read(mut document) => {
                for warning in std::mem::take(&mut document.warnings) {
                    self.problems.push(problem(&shown, warning, false));
                }
                article::build(*document, origin).map(|a| (a, None))
            }
            jsonl::Parsed::AsWritten(written) => {
                written.into_article(origin).map(|(a, e)| (a, Some(e)))
            }
        });
        match built {
            Ok((article, entities)) => {
                if let Some(entities) = entities {
                    self.given.push((self.articles.len(), entities));
                }
                self.articles.push(article);
            }
            Err(reason) => self.problems.push(problem(&shown, reason, true)),
        }
    }
}

/// Loads the given inputs; with none, the embedded seeds. Files are read and cleaned
/// in parallel; the order is that of the inputs, a folder's files sorted by path.
pub fn load(inputs: &[Input]) -> Corpus {
    if inputs.is_empty() {
        return embedded();
    }
    let entries = walk::expand(inputs);
    let loaded: Vec<Loaded> = entries.par_iter().map(load_entry).collect();
    let mut corpus = Corpus {
        name: corpus_name(inputs),
        ..Corpus::default()
    };
    for part in loaded {
        corpus.articles.extend(part.articles);
        corpus.problems.extend(part.problems);
    }
    number(&mut corpus.articles);
    corpus
}

/// Gives articles their 1-based ids in load order.
pub(crate) fn number(articles: &mut [Article]) {
    for (i, article) in articles.iter_mut().enumerate() {
        article.id = i + 1;
    }
}

/// A short name for the corpus of these inputs.
pub(crate) fn corpus_name(inputs: &[Input]) -> String {
    match inputs {
        [Input::Stdin] => "stdin".into(),
        [Input::Path(p)] => p
            .file_name()
            .map_or_else(|| shown(p), |n| crate::text::os_lossless(n).into_owned()),
        _ => format!("{} inputs", inputs.len()),
    }
}

/// What a caller wants done to the articles of a large JSON Lines file as soon
/// as they are read, batch by batch, rather than after the whole file: their
/// entities found (in parallel), then the batch handed over (in file order),
/// so the file's articles are never all in memory at once.
pub(crate) trait Each: Sync {
    /// The article's entities (`given` when its record listed them).
    fn entities(
        &self,
        article: &Article,
        given: Option<Vec<crate::extract::Entity>>,
    ) -> Vec<crate::extract::Entity>;
    /// The next articles with their entities, in file order; `bytes` more of
    /// the input were gone through to read them.
    fn batch(&self, articles: Vec<(Article, Vec<crate::extract::Entity>)>, bytes: u64);
}

/// Whether a file is read batch by batch (JSON Lines), see [`load_entry_with`].
pub(crate) fn streams(path: &Path) -> bool {
    stream::applies(path)
}

/// Reads one walked entry: a file, stdin, or a problem found while walking.
pub(crate) fn load_entry(entry: &walk::Entry) -> Loaded {
    load_entry_with(entry, None)
}

/// [`load_entry`], with `each` handed the articles of a JSON Lines file as
/// they are read (they are then not in the result).
pub(crate) fn load_entry_with(entry: &walk::Entry, each: Option<&dyn Each>) -> Loaded {
    match entry {
        walk::Entry::Problem(p) => Loaded {
            problems: vec![p.clone()],
            ..Loaded::default()
        },
        walk::Entry::File(path) => {
            let shown = shown(path);
            if stream::applies(path) {
                return stream::load(path, &shown, each);
            }
            load_bytes(read::read_file(path), Some(path), &shown)
        }
        walk::Entry::Stdin => stream::load_stdin(),
    }
}

fn load_bytes(bytes: Result<Vec<u8>, String>, path: Option<&Path>, shown: &str) -> Loaded {
    let mut out = Loaded::default();
    let decoded = bytes.and_then(|b| read::decode(&b));
    let decoded = match decoded {
        Ok(d) => d,
        Err(reason) => {
            out.problems.push(problem(shown, reason, true));
            return out;
        }
    };
    if let Some(warning) = decoded.warning {
        out.problems.push(problem(shown, warning, false));
    }
    let file = path.and_then(Path::file_name).map_or_else(
        || shown.to_string(),
        |n| crate::text::os_lossless(n).into_owned(),
    );
    let format = format::detect(path, &decoded.text);
    let documents = read_documents(format, &decoded.text, shown);
    for (origin_path, parsed) in documents {
        let origin = Origin {
            path: origin_path,
            file: file.clone(),
        };
        out.add(origin, parsed);
    }
    out
}

type Documents = Vec<(String, Result<jsonl::Parsed, String>)>;

/// Runs the reader for the format; JSON Lines gives one document per record.
fn read_documents(format: Format, text: &str, shown: &str) -> Documents {
    let read = |document| {
        vec![(
            shown.to_string(),
            Ok(jsonl::Parsed::Read(Box::new(document))),
        )]
    };
    match format {
        Format::Text => read(plain::read(text)),
        Format::Markdown => read(markdown::read(text)),
        Format::Html => read(html::read(text)),
        Format::JsonLines => jsonl::read(text)
            .into_iter()
            .map(|(line, doc)| (format!("{shown}:{line}"), doc))
            .collect(),
    }
}

fn problem(path: &str, reason: String, skipped: bool) -> Problem {
    Problem {
        path: path.to_string(),
        reason,
        skipped,
    }
}

/// Builds an article from plain text (cleaned like any `.txt` input). If nothing
/// is left after cleaning, the article keeps the raw text as its body.
pub(crate) fn from_plain_text(id: usize, path: String, file: String, text: &str) -> Article {
    let origin = Origin {
        path: path.clone(),
        file: file.clone(),
    };
    let mut article = article::build(plain::read(text), origin).unwrap_or_else(|_| Article {
        id,
        path,
        file,
        title: text.trim().to_string(),
        title_derived: true,
        source: None,
        date: None,
        date_text: None,
        author: None,
        url: None,
        body: text.trim().to_string(),
        why: Why {
            title: Evidence::FirstSentence,
            ..Why::default()
        },
    });
    article.id = id;
    article
}

/// Loads bytes already in memory as if read from the file `path` (decoding,
/// binary and size checks included): for the fuzz targets.
#[doc(hidden)]
pub fn load_bytes_as(path: &str, bytes: &[u8]) -> Corpus {
    let part = load_bytes(Ok(bytes.to_vec()), Some(Path::new(path)), path);
    let mut corpus = Corpus {
        name: path.to_string(),
        articles: part.articles,
        problems: part.problems,
    };
    number(&mut corpus.articles);
    corpus
}

/// Loads one input from bytes already in memory, as if read from `path`: for
/// tests and embedding. The format comes from the path's extension or the content.
pub fn load_text(path: &str, text: &str) -> Corpus {
    load_bytes_as(path, text.as_bytes())
}
