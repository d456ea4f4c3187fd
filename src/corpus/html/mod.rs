//! HTML pages: parsed with a real HTML parser (html5ever via `scraper`), metadata
//! from markup, and the main text found readability-style. The text cleaner then
//! runs on the result like on any other format.

mod classes;
mod depth;
mod dom;
mod meta;
mod score;
mod select;

use super::document::{Block, Document};
use super::meta::why::Evidence;
use super::meta::{byline, head};
use dom::{Page, TextBlock};
use regex::Regex;
use std::sync::LazyLock;

/// Reads an HTML page (or fragment).
pub(crate) fn read(text: &str) -> Document {
    let capped = depth::cap(text);
    let document = scraper::Html::parse_document(&capped.text);
    let (mut hints, article_body) = meta::read(&document);
    let page = dom::flatten(&document);
    if hints.title.is_none() || hints.title == meta::title_tag(&document) {
        let (title, heading) = headline(&page.headings, hints.title.take());
        if heading {
            hints.from.title = Evidence::Heading;
        }
        hints.title = title;
    }
    let story = select::story(&page);
    let mut picked = head_blocks(&page, &story, hints.title.as_deref());
    picked.extend(story);
    picked.sort_unstable();
    drop_quote_tables(&page, &mut picked);
    let mut blocks: Vec<Block> = picked.into_iter().map(|i| block(&page.blocks[i])).collect();
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
    let warnings = (capped.dropped > 0)
        .then(|| {
            format!(
                "HTML nested deeper than {} elements, or with too many tags left open or \
                 attributes on a tag; {} tags or attributes set aside so it reads in \
                 linear time (the text is kept)",
                depth::MAX_DEPTH,
                capped.dropped
            )
        })
        .into_iter()
        .collect();
    Document {
        blocks,
        hints,
        warnings,
    }
}

/// A market-quote row: a price, a signed change and a signed percentage last
/// ("LOW Example Stores Inc. 113.40 -1.62 -1.41%").
static QUOTE_ROW: LazyLock<Regex> = LazyLock::new(|| {
    crate::corpus::pattern::compile(
        r"\d[\d,]*\.\d+\s+[+\-\u{2212}]\d[\d,]*(?:\.\d+)?\s+\(?[+\-\u{2212}]?\d[\d,]*(?:\.\d+)?\s*%\)?$",
    )
});

/// Tables of market quotes inside the story (a ticker box beside a company story):
/// a table at least half of whose rows are quote rows. Tables of results or scores
/// have no signed changes and stay.
fn drop_quote_tables(page: &Page, picked: &mut Vec<usize>) {
    let table_of = |block: usize| {
        let mut at = Some(page.blocks[block].owner);
        while let Some(i) = at {
            if page.elements[i].tag == "table" {
                return Some(i);
            }
            at = page.elements[i].parent;
        }
        None
    };
    let mut rows: std::collections::HashMap<usize, (usize, usize)> = Default::default();
    for &b in picked.iter() {
        if let Some(table) = table_of(b) {
            let entry = rows.entry(table).or_default();
            entry.0 += 1;
            entry.1 += usize::from(QUOTE_ROW.is_match(&page.blocks[b].text));
        }
    }
    picked.retain(|&b| {
        table_of(b)
            .and_then(|t| rows.get(&t))
            .is_none_or(|&(all, quotes)| quotes == 0 || quotes * 2 < all)
    });
}

fn block(b: &TextBlock) -> Block {
    Block {
        text: b.text.clone(),
        link_chars: b.link_chars,
        kind: b.kind,
    }
}

/// The headline block above the story and the bylines and datelines between it and
/// the story (page templates often keep them outside the story's container), and
/// the byline boxes that selection left out of the story: their lines are read
/// for metadata, never kept as text.
fn head_blocks(page: &Page, story: &[usize], title: Option<&str>) -> Vec<usize> {
    let (Some(&end), Some(&last)) = (story.first(), story.last()) else {
        return Vec::new();
    };
    let is_byline = |i: usize| byline::parse(&page.blocks[i].text).is_some();
    let mut picked: Vec<usize> = Vec::new();
    let start = title.and_then(|title| {
        (0..end)
            .rev()
            .find(|&i| head::same_title(&page.blocks[i].text, title))
    });
    if let Some(start) = start {
        picked.extend((start..end).filter(|&i| i == start || is_byline(i)));
    }
    let boxed = in_byline_box(page);
    let left_out: Vec<usize> = (0..last)
        .filter(|i| !picked.contains(i) && story.binary_search(i).is_err())
        .filter(|&i| boxed[page.blocks[i].owner] && is_byline(i))
        .collect();
    picked.extend(left_out);
    picked.sort_unstable();
    picked
}

/// Per element: inside a byline or dateline box.
fn in_byline_box(page: &Page) -> Vec<bool> {
    let mut out = vec![false; page.elements.len()];
    for (i, element) in page.elements.iter().enumerate() {
        out[i] = element.verdict.byline || element.parent.is_some_and(|p| out[p]);
    }
    out
}

/// The first `<h1>` that the `<title>` starts with (the title then only adds a
/// site suffix; an `<h1>` that is the site's logo matches the suffix, not the
/// start), or the first `<h1>` when there is no title; otherwise the title. True
/// when an `<h1>` was taken.
fn headline(headings: &[String], title: Option<String>) -> (Option<String>, bool) {
    let Some(title) = title else {
        let first = headings.first().map(|h| tidy(h));
        let found = first.is_some();
        return (first, found);
    };
    let whole = letters(&title);
    let opening = headings.iter().find(|h| {
        let part = letters(h);
        let long = part.chars().count() >= 8;
        // A short heading ("Mozilla") only where the title goes on with a separator.
        long && whole.starts_with(&part) || !part.is_empty() && then_separator(&title, h)
    });
    match opening {
        Some(h) => (Some(tidy(h)), true),
        None => (Some(title), false),
    }
}

/// The title is the heading, then a separator and more ("Mozilla - Wikipedia").
fn then_separator(title: &str, heading: &str) -> bool {
    let heading = tidy(heading);
    let Some(rest) = title.strip_prefix(heading.as_str()) else {
        return false;
    };
    [" - ", " | ", " \u{2013} ", " \u{2014} ", " \u{b7} ", " :: "]
        .iter()
        .any(|sep| rest.starts_with(sep))
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
    fn a_byline_box_inside_the_story_is_read_for_metadata_not_kept_as_text() {
        let para = "<p>The harbour authority said on Monday that cargo volumes rose by a fifth, helped by new routes and longer opening hours at the terminal.</p>";
        let html = format!(
            "<html><body><div class=story><div class=byline-section><span>Harbour wire services</span>\
             <div class=publish-date>Published 11:11 PM EST Nov 19, 2019</div></div>{para}{para}{para}</div></body></html>"
        );
        let corpus = crate::corpus::load_text("page.html", &html);
        let article = &corpus.articles[0];
        assert_eq!(article.date.as_deref(), Some("2019-11-19"));
        assert!(!article.body.contains("Published"), "{}", article.body);
        assert!(!article.body.contains("wire services"), "{}", article.body);
    }

    #[test]
    fn a_logo_h1_matching_the_title_suffix_is_not_the_headline() {
        let doc = read(
            "<html><head><title>Ferry link resumes :: Island Post ::</title></head><body><h1>Island Post</h1><h1>Ferry link resumes ¶</h1><p>Text.</p></body></html>",
        );
        assert_eq!(doc.hints.title.as_deref(), Some("Ferry link resumes"));
    }

    #[test]
    fn a_table_of_market_quotes_inside_the_story_is_dropped() {
        let para = "<p>The harbour authority said on Monday that cargo volumes rose by a fifth, helped by new routes and longer opening hours at the terminal.</p>";
        let quotes = "<table><tr><th>Symbol</th><th>Name</th><th>Last</th><th>Change</th><th>%</th></tr>\
            <tr><td>QXP</td><td>Quxport Holdings Inc.</td><td>225.86</td><td>-12.99</td><td>-5.44%</td></tr>\
            <tr><td>PRT</td><td>Portline Co.</td><td>113.40</td><td>+1.62</td><td>+1.41%</td></tr></table>";
        let scores = "<table><tr><td>Harbour FC</td><td>14</td><td>11</td><td>44</td></tr>\
            <tr><td>Port United</td><td>18</td><td>22</td><td>70</td></tr></table>";
        let html = format!(
            "<html><body><article>{para}{quotes}{para}{scores}{para}</article></body></html>"
        );
        let texts: Vec<String> = read(&html).blocks.into_iter().map(|b| b.text).collect();
        assert!(!texts.iter().any(|t| t.contains("Quxport")), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("Symbol")), "{texts:?}");
        assert!(
            texts.iter().any(|t| t.contains("Harbour FC 14")),
            "{texts:?}"
        );
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
