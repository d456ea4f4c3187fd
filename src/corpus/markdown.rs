//! Markdown to blocks: front matter as metadata, headings and list items marked,
//! links reduced to their text (counted as link text), images, code, HTML comments
//! and emphasis markers dropped.

use super::document::{Block, BlockKind, Document, Hints, non_empty};
use super::meta::why::{Evidence, Why};
use crate::corpus::pattern::compile as regex;
use regex::Regex;
use std::sync::LazyLock;

static IMAGE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]"));
static LINK: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]|<(https?://[^>\s]+)>"));
static STRONG: LazyLock<Regex> = LazyLock::new(|| regex(r"(\*\*|__|~~)(\S|\S.*?\S)(\*\*|__|~~)"));
static EMPHASIS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(^|[^\w*])\*(\S|\S[^*]*?\S)\*|(^|[^\w])_(\S|\S[^_]*?\S)_($|[^\w])"));
static CODE: LazyLock<Regex> = LazyLock::new(|| regex(r"`+([^`]*)`+"));
static TAG: LazyLock<Regex> = LazyLock::new(|| regex(r"</?[A-Za-z][^>]*>"));
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| regex(r"^\s{0,3}\[[^\]]+\]:\s*\S+"));
static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| regex(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+"));
static RULE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$"));

/// Reads Markdown.
pub(crate) fn read(text: &str) -> Document {
    let (hints, rest) = front_matter(text);
    let mut reader = Reader::default();
    for line in strip_comments(rest).lines() {
        reader.line(line);
    }
    reader.flush();
    Document {
        blocks: reader.blocks,
        hints,
    }
}

/// Splits off a `---` YAML front matter block and reads its simple `key: value` lines.
fn front_matter(text: &str) -> (Hints, &str) {
    let mut hints = Hints::default();
    let Some(after) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (hints, text);
    };
    let Some(end) = after.find("\n---") else {
        return (hints, text);
    };
    for line in after[..end].lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = Some(value.trim().trim_matches(['"', '\'']));
        match key.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" => hints.title = non_empty(value),
            "date" | "published" | "pubdate" | "published_at" => hints.date = non_empty(value),
            "author" | "authors" | "byline" => hints.author = non_empty(value),
            "source" | "publisher" | "site" | "outlet" => hints.source = non_empty(value),
            "url" | "link" | "canonical" => hints.url = non_empty(value),
            _ => {}
        }
    }
    let stated = |v: &Option<String>| {
        if v.is_some() {
            Evidence::FrontMatter
        } else {
            Evidence::None
        }
    };
    hints.from = Why {
        title: stated(&hints.title),
        source: stated(&hints.source),
        date: stated(&hints.date),
        author: stated(&hints.author),
    };
    let rest = &after[end + 4..];
    (hints, rest.split_once('\n').map_or("", |(_, r)| r))
}

fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("-->")
            .map_or("", |end| &rest[start + end + 3..]);
    }
    out.push_str(rest);
    out
}

/// Line-by-line state: the paragraph being gathered, and whether inside a code fence.
#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    pending: Vec<String>,
    pending_kind: BlockKind,
    in_fence: bool,
}

impl Reader {
    fn line(&mut self, line: &str) {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            self.flush();
            self.in_fence = !self.in_fence;
            return;
        }
        if self.in_fence || REFERENCE.is_match(line) {
            return;
        }
        if trimmed.is_empty() || RULE.is_match(line) || is_table_separator(trimmed) {
            return self.flush();
        }
        if is_setext_underline(trimmed) && self.pending.len() == 1 {
            self.pending_kind = BlockKind::Heading;
            return self.flush();
        }
        let unquoted = trimmed.trim_start_matches(['>', ' ']);
        let hashes = unquoted.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && unquoted[hashes..].starts_with(' ') {
            self.flush();
            self.start(
                unquoted[hashes..].trim_end_matches(['#', ' ']),
                BlockKind::Heading,
            );
            return self.flush();
        }
        if let Some(m) = LIST_MARKER.find(unquoted) {
            self.flush();
            return self.start(&unquoted[m.end()..], BlockKind::ListItem);
        }
        let cells = unquoted.trim_matches('|').replace('|', " ");
        self.pending.push(cells);
    }

    fn start(&mut self, text: &str, kind: BlockKind) {
        self.pending.push(text.to_string());
        self.pending_kind = kind;
    }

    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let joined = self.pending.join(" ");
        self.pending.clear();
        let kind = std::mem::take(&mut self.pending_kind);
        let (text, link_chars) = inline(&joined);
        if !text.trim().is_empty() {
            self.blocks.push(Block {
                text: text.trim().to_string(),
                link_chars,
                kind,
            });
        }
    }
}

fn is_setext_underline(line: &str) -> bool {
    line.len() >= 2 && (line.chars().all(|c| c == '=') || line.chars().all(|c| c == '-'))
}

fn is_table_separator(line: &str) -> bool {
    line.contains('-')
        && line.contains('|')
        && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Inline markup to plain text; returns the text and how many characters were link text.
fn inline(text: &str) -> (String, usize) {
    let text = IMAGE.replace_all(text, "");
    let mut link_chars = 0;
    let text = LINK.replace_all(&text, |c: &regex::Captures| {
        let inner = c.get(1).or(c.get(2)).map_or("", |m| m.as_str());
        link_chars += inner.chars().filter(|c| !c.is_whitespace()).count();
        inner.to_string()
    });
    let text = TAG.replace_all(&text, "");
    let text = CODE.replace_all(&text, "$1");
    let text = STRONG.replace_all(&text, "$2");
    let text = EMPHASIS.replace_all(&text, "$1$2$3$4$5");
    (text.into_owned(), link_chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_becomes_hints() {
        let doc = read(
            "---\ntitle: \"Port expands\"\ndate: 2021-03-04\nauthor: Jane Doe\n---\nBody text.\n",
        );
        assert_eq!(doc.hints.title.as_deref(), Some("Port expands"));
        assert_eq!(doc.hints.date.as_deref(), Some("2021-03-04"));
        assert_eq!(doc.hints.author.as_deref(), Some("Jane Doe"));
        assert_eq!(doc.blocks.len(), 1);
    }

    #[test]
    fn headings_links_images_and_emphasis() {
        let doc = read(
            "# The *big* port\n\nThe [city council](http://x/y) met. ![map](m.png) It was **very** _long_.\n",
        );
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
        assert_eq!(doc.blocks[0].text, "The big port");
        assert_eq!(
            doc.blocks[1].text,
            "The city council met.  It was very long."
        );
        assert_eq!(doc.blocks[1].link_chars, "citycouncil".len());
    }

    #[test]
    fn snake_case_and_arithmetic_survive() {
        let (text, _) = inline("call my_func_name and 2*3*4 now");
        assert_eq!(text, "call my_func_name and 2*3*4 now");
    }

    #[test]
    fn lists_code_comments_and_references() {
        let doc =
            read("Intro:\n\n- one\n- two\n\n```\ncode here\n```\n<!-- hidden -->\n[1]: http://x\n");
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Intro:", "one", "two"]);
        assert_eq!(doc.blocks[1].kind, BlockKind::ListItem);
    }

    #[test]
    fn wrapped_paragraph_lines_are_joined() {
        let doc = read("First line\nsecond line.\n\nNext.");
        assert_eq!(doc.blocks[0].text, "First line second line.");
    }

    #[test]
    fn setext_heading() {
        let doc = read("Big News\n========\n\nText.");
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
        assert_eq!(doc.blocks[0].text, "Big News");
    }
}
