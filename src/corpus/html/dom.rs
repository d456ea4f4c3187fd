//! The parsed page flattened into what scoring needs: an arena of elements (tag,
//! parent, class verdict) and the text blocks in page order, each owned by the
//! block-level element it sits in, with its link text counted.

use super::classes::{self, Verdict};
use crate::corpus::document::BlockKind;
use ego_tree::NodeRef;
use scraper::{ElementRef, Node};

/// Below this depth the walk recurses; deeper subtrees are read flat (no stack overflow).
const MAX_DEPTH: usize = 200;

/// One element of the page.
#[derive(Debug, Clone)]
pub(super) struct Element {
    /// Index of the parent element; `None` for the root.
    pub parent: Option<usize>,
    /// Lower-case tag name.
    pub tag: String,
    /// What its class, id and role say.
    pub verdict: Verdict,
}

/// One block of text.
#[derive(Debug, Clone)]
pub(super) struct TextBlock {
    /// The text, whitespace collapsed.
    pub text: String,
    /// Non-space characters inside links.
    pub link_chars: usize,
    /// Non-space characters in all.
    pub chars: usize,
    /// The block-level element it belongs to.
    pub owner: usize,
    /// What the owner was.
    pub kind: BlockKind,
}

/// The flattened page.
#[derive(Debug, Clone, Default)]
pub(super) struct Page {
    /// Elements in document (pre-)order: a parent always comes before its children.
    pub elements: Vec<Element>,
    /// Text blocks in document order.
    pub blocks: Vec<TextBlock>,
    /// Texts of `<h1>` elements outside skipped furniture.
    pub headings: Vec<String>,
}

/// Walk state: the block being gathered and the stack of owning block elements.
struct Walker {
    page: Page,
    buffer: String,
    buffer_links: usize,
    owners: Vec<usize>,
    in_link: usize,
    in_article: usize,
    /// Only white space since the last `<br>`.
    after_break: bool,
}

/// Flattens a parsed page.
pub(super) fn flatten(document: &scraper::Html) -> Page {
    let mut walker = Walker {
        page: Page::default(),
        buffer: String::new(),
        buffer_links: 0,
        owners: Vec::new(),
        in_link: 0,
        in_article: 0,
        after_break: false,
    };
    walker.visit(document.tree.root(), None, 0);
    walker.flush();
    walker.page
}

impl Walker {
    fn visit(&mut self, node: NodeRef<'_, Node>, parent: Option<usize>, depth: usize) {
        match node.value() {
            Node::Text(text) => self.push_text(text),
            Node::Element(_) => {
                if let Some(element) = ElementRef::wrap(node) {
                    self.visit_element(element, parent, depth);
                }
            }
            Node::Document | Node::Fragment => {
                for child in node.children() {
                    self.visit(child, parent, depth + 1);
                }
            }
            _ => {}
        }
    }

    fn visit_element(&mut self, element: ElementRef<'_>, parent: Option<usize>, depth: usize) {
        let tag = element.value().name().to_ascii_lowercase();
        let verdict = classes::judge(element.value(), self.in_article > 0);
        if verdict.skip {
            return;
        }
        if tag == "br" {
            return self.line_break();
        }
        let index = self.page.elements.len();
        self.page.elements.push(Element {
            parent,
            tag: tag.clone(),
            verdict,
        });
        if tag == "h1" {
            let text = collapse(&element.text().collect::<String>());
            if !text.is_empty() {
                self.page.headings.push(text);
            }
        }
        // A table cell of plain text is a field of its row (one line per row); a
        // cell that holds paragraphs (a layout table) is a block of its own.
        let block = classes::is_block(&tag) && (!is_cell(&tag) || has_block_inside(element));
        if is_cell(&tag) && !block {
            self.buffer.push(' ');
        }
        let article = matches!(tag.as_str(), "article" | "main");
        if block {
            self.flush();
            self.owners.push(index);
        }
        self.in_link += usize::from(tag == "a");
        self.in_article += usize::from(article);
        if depth < MAX_DEPTH {
            for child in element.children() {
                self.visit(child, Some(index), depth + 1);
            }
        } else {
            let flat: String = element.text().collect::<Vec<_>>().join(" ");
            self.push_text(&flat);
        }
        self.in_link -= usize::from(tag == "a");
        self.in_article -= usize::from(article);
        if block {
            self.flush();
            self.owners.pop();
        }
    }

    /// `<br>`: two in a row, or one after a finished sentence, end a paragraph;
    /// a single one inside a sentence is a soft line break (hard-wrapped text).
    fn line_break(&mut self) {
        let ends_sentence = self.buffer.trim_end().ends_with([
            '.', '!', '?', ':', '"', '\u{201d}', '\u{3002}', '\u{ff01}', '\u{ff1f}',
        ]);
        if self.after_break || ends_sentence {
            self.flush();
        } else {
            self.buffer.push(' ');
        }
        self.after_break = true;
    }

    fn push_text(&mut self, text: &str) {
        if !text.trim().is_empty() {
            self.after_break = false;
        }
        if self.in_link > 0 {
            self.buffer_links += text.chars().filter(|c| !c.is_whitespace()).count();
        }
        self.buffer.push_str(text);
    }

    fn flush(&mut self) {
        let text = collapse(&self.buffer);
        self.buffer.clear();
        let links = std::mem::take(&mut self.buffer_links);
        let Some(&owner) = self.owners.last() else {
            return;
        };
        if text.is_empty() {
            return;
        }
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        let kind = kind_of(&self.page.elements[owner].tag);
        self.page.blocks.push(TextBlock {
            text,
            link_chars: links.min(chars),
            chars,
            owner,
            kind,
        });
    }
}

fn is_cell(tag: &str) -> bool {
    matches!(tag, "td" | "th")
}

fn has_block_inside(element: ElementRef<'_>) -> bool {
    element
        .descendants()
        .skip(1)
        .filter_map(|n| n.value().as_element())
        .any(|e| classes::is_block(e.name()))
}

fn kind_of(tag: &str) -> BlockKind {
    match tag {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "li" | "dt" | "dd" => BlockKind::ListItem,
        "figcaption" | "caption" => BlockKind::Caption,
        _ => BlockKind::Paragraph,
    }
}

/// Collapses runs of white space (including non-breaking and other odd spaces) to one space.
pub(super) fn collapse(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(html: &str) -> Page {
        flatten(&scraper::Html::parse_document(html))
    }

    #[test]
    fn blocks_follow_block_elements_and_count_links() {
        let p = page(
            "<body><div>Intro <b>bold</b><p>Para <a href=x>link text</a>.</p>tail.<br>after</div></body>",
        );
        let texts: Vec<&str> = p.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Intro bold", "Para link text.", "tail.", "after"]);
        assert_eq!(p.blocks[1].link_chars, 8);
        assert_eq!(p.elements[p.blocks[1].owner].tag, "p");
        assert_eq!(p.elements[p.blocks[2].owner].tag, "div");
    }

    #[test]
    fn single_breaks_inside_sentences_are_soft_double_breaks_end_paragraphs() {
        let p = page(
            "<body><div>wrapped line<br>continues here.<br>Next one<br> <br>third</div></body>",
        );
        let texts: Vec<&str> = p.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["wrapped line continues here.", "Next one", "third"]);
    }

    #[test]
    fn scripts_nav_and_hidden_are_not_text() {
        let p = page(
            "<body><nav>Home</nav><script>var x=1;</script><p hidden>h</p><p>Kept.</p></body>",
        );
        let texts: Vec<&str> = p.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Kept."]);
    }

    #[test]
    fn a_table_of_plain_cells_reads_one_line_per_row() {
        let p = page(
            "<body><table><tr><th>Pos.</th><th>Driver</th></tr><tr><td>1</td><td>Ann Lee</td></tr>\
             <tr><td><p>Layout cell with a paragraph.</p></td></tr></table></body>",
        );
        let texts: Vec<&str> = p.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Pos. Driver", "1 Ann Lee", "Layout cell with a paragraph."]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "<body>{}deep text{}</body>",
            "<div>".repeat(5000),
            "</div>".repeat(5000)
        );
        let p = page(&html);
        assert!(p.blocks.iter().any(|b| b.text == "deep text"));
    }

    #[test]
    fn headings_are_collected() {
        let p = page("<body><article><header><h1>The Head</h1></header><p>x</p></article></body>");
        assert_eq!(p.headings, ["The Head"]);
        assert_eq!(p.blocks[0].kind, BlockKind::Heading);
    }
}
