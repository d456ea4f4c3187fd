//! The format-neutral form every reader produces: text blocks in page order plus
//! whatever metadata the format states outright (HTML meta tags, JSON fields,
//! Markdown front matter). Cleaning and metadata extraction start from here.

use super::meta::why::{Evidence, Why};

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

/// A stated value and the kind of markup that stated it.
pub(crate) type Stated = (String, Evidence);

/// Lower-trust candidates for a field, in order of trust, tried when the first
/// choice does not validate (an author that is not a name, a site name that is a
/// section).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Fallback {
    /// A site name cut from the page's `<title>` ("Headline | Site").
    pub title_site: Option<String>,
    /// Other outlets stated.
    pub source: Vec<Stated>,
    /// Other dates stated.
    pub date: Vec<Stated>,
    /// Other authors stated.
    pub author: Vec<Stated>,
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
    /// Which markup stated each of the fields above.
    pub from: Why,
    /// Lower-trust candidates.
    pub fallback: Fallback,
    /// The stated author is an organisation (JSON-LD `"@type": "Organization"`),
    /// kept as written like a collective byline.
    pub organisation_author: bool,
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
