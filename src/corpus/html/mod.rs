//! HTML pages: parsed with a real HTML parser (html5ever via `scraper`), metadata
//! from markup, and the main text found readability-style. The text cleaner then
//! runs on the result like on any other format.

mod classes;
mod dom;
mod meta;
mod score;
mod select;

use super::document::{Block, Document};
use super::meta::{byline, head};
use dom::{Page, TextBlock};

/// Reads an HTML page (or fragment).
pub(crate) fn read(text: &str) -> Document {
    let document = scraper::Html::parse_document(text);
    let (mut hints, article_body) = meta::read(&document);
    let page = dom::flatten(&document);
    if hints.title.is_none() || hints.title == meta::title_tag(&document) {
        hints.title = headline(&page.headings, hints.title.take());
    }
    let story = select::story(&page);
    let head = head_blocks(&page, story.first().copied(), hints.title.as_deref());
    let mut blocks: Vec<Block> = head
        .into_iter()
        .chain(story)
        .map(|i| block(&page.blocks[i]))
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
    Document { blocks, hints }
}

fn block(b: &TextBlock) -> Block {
    Block {
        text: b.text.clone(),
        link_chars: b.link_chars,
        kind: b.kind,
    }
}

/// The headline block above the story and the bylines and datelines between it and
/// the story: page templates often keep them outside the story's container.
fn head_blocks(page: &Page, story_start: Option<usize>, title: Option<&str>) -> Vec<usize> {
    let (Some(end), Some(title)) = (story_start, title) else {
        return Vec::new();
    };
    let Some(start) = (0..end)
        .rev()
        .find(|&i| head::same_title(&page.blocks[i].text, title))
    else {
        return Vec::new();
    };
    let metadata = |i: &usize| *i == start || byline::parse(&page.blocks[*i].text).is_some();
    (start..end).filter(metadata).collect()
}

/// The first `<h1>` that the `<title>` starts with (the title then only adds a
/// site suffix; an `<h1>` that is the site's logo matches the suffix, not the
/// start), or the first `<h1>` when there is no title; otherwise the title.
fn headline(headings: &[String], title: Option<String>) -> Option<String> {
    let Some(title) = title else {
        return headings.first().map(|h| tidy(h));
    };
    let whole = letters(&title);
    let opening = headings.iter().find(|h| {
        let part = letters(h);
        part.chars().count() >= 8 && whole.starts_with(&part)
    });
    Some(opening.map_or(title, |h| tidy(h)))
}

fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Drops anchor marks that documentation pages put after headings ("Setup ¶").
fn tidy(heading: &str) -> String {
    heading
        .trim_end_matches(|c: char| {
            matches!(c, '\u{b6}' | '#' | '\u{a7}' | '\u{1f517}') || c.is_whitespace()
        })
        .to_string()
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
    fn byline_outside_the_story_container_is_kept_for_metadata() {
        let para = "<p>The harbour authority said on Monday that cargo volumes rose by a fifth, helped by new routes and longer opening hours at the terminal.</p>";
        let html = format!(
            "<html><head><title>Port grows fast - Example Post</title></head><body><h1>Port grows fast</h1>\
             <div class=info>By ANN SMITH | Updated: 2020-01-02</div><div class=share>Facebook Twitter</div>\
             <div id=story>{para}{para}{para}</div></body></html>"
        );
        let texts: Vec<String> = read(&html).blocks.into_iter().map(|b| b.text).collect();
        assert_eq!(
            texts[..2],
            ["Port grows fast", "By ANN SMITH | Updated: 2020-01-02"]
        );
        assert_eq!(texts.len(), 5);
    }

    #[test]
    fn a_logo_h1_matching_the_title_suffix_is_not_the_headline() {
        let doc = read(
            "<html><head><title>Ferry link resumes :: Island Post ::</title></head><body><h1>Island Post</h1><h1>Ferry link resumes ¶</h1><p>Text.</p></body></html>",
        );
        assert_eq!(doc.hints.title.as_deref(), Some("Ferry link resumes"));
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
