//! From a read document to an [`Article`]: clean the lines, find the metadata,
//! join the body. The one pipeline every format goes through.

use super::Article;
use super::clean::line::{Line, Role, Rule};
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
    let mut found = meta::combine(&document.hints, &head, &tail, &lines);
    let mut body = clean::body(&lines);
    if body.is_empty() {
        if let Some(title) = short_story(&mut lines) {
            found.title = title;
            found.title_derived = false;
        }
        body = clean::body(&lines);
    }
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
        date_text: found.date_text,
        author: found.author,
        url: found.url,
        body,
        why: found.why,
    })
}

/// A document of a headline and a sentence or two ("Markets rally" / "Shares rose
/// 3 percent on Tuesday after the bank cut rates"): when the layout rules, which
/// read a line by the lines around it, leave no body, the lines they set aside as
/// kickers, lists of headlines, tails or repeats are the story after all, and a
/// sentence taken for the headline under a short line set aside as a kicker is the
/// story under its headline. Boilerplate found by what a line says (phrases,
/// credits, copyright) stays out. Returns the new headline, if it changed.
fn short_story(lines: &mut [Line]) -> Option<String> {
    let mut title = None;
    if let Some(t) = lines.iter().position(|l| l.role == Role::Title)
        && let Some(k) = lines[..t]
            .iter()
            .rposition(|l| l.role == Role::Junk(Rule::Head))
        && lines[t].text.split_whitespace().count() >= 8
    {
        lines[k].role = Role::Title;
        lines[t].role = Role::Body;
        title = Some(lines[k].text.clone());
    }
    for line in lines.iter_mut() {
        let structural = matches!(
            line.role,
            Role::Junk(Rule::HeadlineList | Rule::Tail | Rule::Repeated)
        );
        if structural && line.text.split_whitespace().count() >= 4 {
            line.role = Role::Body;
        }
    }
    title
}
