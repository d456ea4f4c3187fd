//! The format-neutral form every reader produces: text blocks in page order plus
//! whatever metadata the format states outright (HTML meta tags, JSON fields,
//! Markdown front matter). Cleaning and metadata extraction start from here.

/// What a block was in its source, as far as the reader could tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum BlockKind {
    /// Running text (a plain-text line, an HTML `<p>`, a Markdown paragraph).
    #[default]
    Paragraph,
    /// A heading (`<h1>`..`<h6>`, `# ...`).
    Heading,
    /// A list item.
    ListItem,
    /// A figure caption.
    Caption,
}

/// One block of text: a paragraph candidate.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Block {
    /// The text, on one line.
    pub text: String,
    /// How many of its characters sit inside links (0 when the format has none).
    pub link_chars: usize,
    /// What the source said it was.
    pub kind: BlockKind,
}

impl Block {
    /// A paragraph block without links.
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block {
            text: text.into(),
            ..Block::default()
        }
    }
}

/// Metadata the input states in a structured way; these win over guesses from text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Hints {
    /// The headline (may still carry a " | Site" suffix).
    pub title: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    /// A date in any format the date parser reads.
    pub date: Option<String>,
    /// The author(s).
    pub author: Option<String>,
    /// The canonical URL.
    pub url: Option<String>,
}

/// A document as read, before cleaning.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Document {
    /// The blocks, in page order.
    pub blocks: Vec<Block>,
    /// Structured metadata.
    pub hints: Hints,
    /// What the reader had to guess at or leave out, for the user to hear
    /// (`front matter not closed ...`): reported as warnings with the file.
    pub warnings: Vec<String>,
}

/// Keeps a hint only when it has visible text.
pub(crate) fn non_empty(value: Option<&str>) -> Option<String> {
    let v = value?.split_whitespace().collect::<Vec<_>>().join(" ");
    (!v.is_empty()).then_some(v)
}
