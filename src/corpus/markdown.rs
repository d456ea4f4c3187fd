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
    let front = front_matter(text);
    let mut reader = Reader::default();
    for line in strip_comments(front.rest).lines() {
        reader.line(line);
    }
    reader.flush();
    Document {
        blocks: reader.blocks,
        hints: front.hints,
        warnings: front.warning.into_iter().collect(),
    }
}

/// A front matter block read off the top of a Markdown (or plain text) file.
pub(crate) struct FrontMatter<'a> {
    /// What its `key: value` lines said.
    pub hints: Hints,
    /// The text after it.
    pub rest: &'a str,
    /// Set when the block was not closed as it should be.
    pub warning: Option<String>,
}

/// Splits off a `---` YAML front matter block and reads its simple `key: value`
/// lines. The block ends at a line `---` (or `...`). When no such line comes
/// before something that is not front matter (a heading, a paragraph), the
/// block is taken to end there, with a warning: neither the metadata nor the
/// text after it is lost, and a `---` further down (a rule, a heading's
/// underline) is never taken for its end. An unclosed block counts only when
/// it names a field dossier reads (`title:`, `date:`, ...); else the text is
/// left as it is (a rule, then "Breaking: ...").
pub(crate) fn front_matter(text: &str) -> FrontMatter<'_> {
    let mut front = FrontMatter {
        hints: Hints::default(),
        rest: text,
        warning: None,
    };
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next().filter(|l| l.trim_end() == "---") else {
        return front;
    };
    let lines: Vec<&str> = lines.collect();
    // Closed: every line up to a `---` or `...` line may stand in YAML (a `# `
    // line is a comment there). Else the block ends before the first line that
    // may not (a `# ` line is then a heading).
    let closing = lines
        .iter()
        .position(|l| matches!(l.trim_end(), "---" | "..."));
    let closed = closing.filter(|&end| {
        lines[..end]
            .iter()
            .all(|l| is_front_matter_line(l.trim_end(), true))
    });
    let (fields, skip) = match closed {
        Some(end) => (end, end + 1),
        None => {
            let end = lines
                .iter()
                .position(|l| !is_front_matter_line(l.trim_end(), false))
                .unwrap_or(lines.len());
            let mut hints = Hints::default();
            for line in &lines[..end] {
                read_field(line.trim_end(), &mut hints);
            }
            if hints == Hints::default() {
                return front;
            }
            front.warning = Some(format!(
                "front matter not closed (no \"---\" line after it); read as lines 1-{}",
                end + 1
            ));
            (end, end)
        }
    };
    for line in &lines[..fields] {
        read_field(line.trim_end(), &mut front.hints);
    }
    let stated = |v: &Option<String>| {
        if v.is_some() {
            Evidence::FrontMatter
        } else {
            Evidence::None
        }
    };
    front.hints.from = Why {
        title: stated(&front.hints.title),
        source: stated(&front.hints.source),
        date: stated(&front.hints.date),
        author: stated(&front.hints.author),
    };
    let offset = first.len() + lines[..skip].iter().map(|l| l.len()).sum::<usize>();
    front.rest = &text[offset..];
    front
}

/// A line that may stand in YAML front matter: `key: value`, a list item, an
/// indented continuation, a blank line, or a comment (`# ...` counts as one
/// only when `comments` is set; else it is taken for a Markdown heading).
fn is_front_matter_line(line: &str, comments: bool) -> bool {
    let trimmed = line.trim_start();
    trimmed.is_empty()
        || trimmed.starts_with('#') && (comments || !trimmed.starts_with("# "))
        || trimmed.starts_with("- ")
        || line.starts_with([' ', '\t'])
        || line.split_once(':').is_some_and(|(key, _)| {
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ' | '"' | '\''))
        })
}

/// Reads one `key: value` line into the hints.
fn read_field(line: &str, hints: &mut Hints) {
    let Some((key, value)) = line.split_once(':') else {
        return;
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
    fn unclosed_front_matter_keeps_its_fields_and_the_heading_after_it() {
        let doc =
            read("---\ntitle: Port expands\nauthor: Jane Doe\n\nHeading\n---\n\nBody text.\n");
        assert_eq!(doc.hints.title.as_deref(), Some("Port expands"));
        assert_eq!(doc.hints.author.as_deref(), Some("Jane Doe"));
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Heading", "Body text."]);
        assert!(
            doc.warnings[0].starts_with("front matter not closed"),
            "{:?}",
            doc.warnings
        );
    }

    #[test]
    fn a_rule_far_below_does_not_close_front_matter() {
        let doc = read("---\ntitle: T\n# Big heading\n\nText one.\n\n---\n\nText two.\n");
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Big heading", "Text one.", "Text two."]);
        assert_eq!(doc.warnings.len(), 1);
    }

    #[test]
    fn a_rule_then_text_with_a_colon_is_not_front_matter() {
        let doc = read("---\nBreaking: the port reopened on Monday.\n\nMore text.\n");
        assert!(doc.warnings.is_empty());
        assert_eq!(doc.blocks[0].text, "Breaking: the port reopened on Monday.");
    }

    #[test]
    fn closed_front_matter_warns_of_nothing() {
        let doc = read("---\ntitle: T\n# a comment\ntags:\n  - a\n  - b\n...\nBody.\n");
        assert_eq!(doc.hints.title.as_deref(), Some("T"));
        assert!(doc.warnings.is_empty());
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
