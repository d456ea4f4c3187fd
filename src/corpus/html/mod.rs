//! HTML pages: parsed with a real HTML parser (html5ever via `scraper`), metadata
//! from markup, and the main text found readability-style. The text cleaner then
//! runs on the result like on any other format.

mod classes;
mod dom;
mod meta;
mod select;

use super::document::{Block, Document};

/// Reads an HTML page (or fragment).
pub(crate) fn read(text: &str) -> Document {
    let document = scraper::Html::parse_document(text);
    let (mut hints, article_body) = meta::read(&document);
    let page = dom::flatten(&document);
    let mut blocks: Vec<Block> = select::story(&page)
        .into_iter()
        .map(|b| Block {
            text: b.text.clone(),
            link_chars: b.link_chars,
            kind: b.kind,
        })
        .collect();
    if let Some(body) = article_body {
        let found: usize = blocks.iter().map(|b| b.text.len()).sum();
        if found * 2 < body.trim().len() {
            blocks = body
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(Block::paragraph)
                .collect();
        }
    }
    if hints.title.is_none() || hints.title == meta::title_tag(&document) {
        hints.title = headline(&page.headings, hints.title.take());
    }
    Document { blocks, hints }
}

/// The page's `<h1>` when the `<title>` contains it (the title then only adds a site
/// suffix), or when there is no title; otherwise the title.
fn headline(headings: &[String], title: Option<String>) -> Option<String> {
    let Some(h1) = headings.first() else {
        return title;
    };
    match title {
        Some(t) if !t.to_lowercase().contains(&h1.to_lowercase()) => Some(t),
        _ => Some(h1.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn h1_preferred_when_title_only_adds_a_suffix() {
        let doc = read(
            "<html><head><title>Port grows - Harbour Times</title></head><body><h1>Port grows</h1><p>Text.</p></body></html>",
        );
        assert_eq!(doc.hints.title.as_deref(), Some("Port grows"));
    }

    #[test]
    fn article_body_used_when_markup_hides_the_text() {
        let doc = read(
            r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"First paragraph of the story is here.\nSecond paragraph follows it."}</script></head><body><div id=app></div></body></html>"#,
        );
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.blocks[1].text, "Second paragraph follows it.");
    }
}
