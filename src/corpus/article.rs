//! From a read document to an [`Article`]: clean the lines, find the metadata,
//! join the body. The one pipeline every format goes through.

use super::Article;
use super::clean::{self, layout, rules};
use super::document::Document;
use super::meta::{self, head};

/// Where an article came from, as it should be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Origin {
    /// `path`, `path:LINE`, `-` or `seeds/NAME`.
    pub path: String,
    /// The file name alone.
    pub file: String,
}

/// Cleans a document into an article (id 0 until the corpus numbers it), or says
/// why there is no article in it.
pub(crate) fn build(document: Document, origin: Origin) -> Result<Article, String> {
    let mut lines = clean::prepare(document.blocks);
    rules::mark(&mut lines);
    let head = head::mark(&mut lines, document.hints.title.as_deref());
    layout::mark(&mut lines);
    let tail = meta::mark_tail(&mut lines);
    let found = meta::combine(&document.hints, &head, &tail, &lines);
    let body = clean::body(&lines);
    if body.is_empty() {
        return Err("no article text found".into());
    }
    Ok(Article {
        id: 0,
        path: origin.path,
        file: origin.file,
        title: found.title,
        title_derived: found.title_derived,
        source: found.source,
        date: found.date,
        author: found.author,
        url: found.url,
        body,
        why: found.why,
    })
}
