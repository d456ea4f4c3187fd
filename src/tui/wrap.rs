//! Word wrapping of a [`Document`] to a width, done once per width (and label
//! setting) and kept, so scrolling and `n`/`N` only look rows up.

use super::document::Document;
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// Part of a screen row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text from the document, inside highlight `span` or plain.
    Text {
        /// Byte range in [`Document::text`].
        range: Range<usize>,
        /// Index into [`Document::spans`].
        span: Option<usize>,
    },
    /// The kind label drawn after highlight `span`.
    Label {
        /// Index into [`Document::spans`].
        span: usize,
    },
}

/// One screen row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Offset in the text where the row starts (for finding a mention's row).
    pub start: usize,
    /// What the row shows, left to right.
    pub pieces: Vec<Piece>,
}

/// A document wrapped to one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wrapped {
    /// Columns it was wrapped to.
    pub width: usize,
    /// Whether kind labels were laid out.
    pub labels: bool,
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
}

/// The label text after a highlighted entity: " CITY".
pub fn label_text(kind: crate::extract::Kind) -> String {
    format!(" {}", kind.as_str().to_ascii_uppercase())
}

#[derive(Debug, Clone, Copy)]
enum Token {
    Char {
        offset: usize,
        len: usize,
        width: usize,
        space: bool,
        span: Option<usize>,
    },
    Label {
        span: usize,
        offset: usize,
        width: usize,
    },
}

impl Token {
    fn width(&self) -> usize {
        match *self {
            Token::Char { width, .. } | Token::Label { width, .. } => width,
        }
    }

    fn is_space(&self) -> bool {
        matches!(self, Token::Char { space: true, .. })
    }

    fn offset(&self) -> usize {
        match *self {
            Token::Char { offset, .. } | Token::Label { offset, .. } => offset,
        }
    }
}

impl Wrapped {
    /// Wraps every line of `doc` at word boundaries to `width` columns (words
    /// longer than a row are cut), with kind labels when `labels`.
    pub fn new(doc: &Document, width: usize, labels: bool) -> Wrapped {
        let width = width.max(1);
        let mut rows = Vec::new();
        let mut line_start = 0;
        for line in doc.text.split('\n') {
            let range = line_start..line_start + line.len();
            let tokens = tokenize(doc, range.clone(), labels);
            let before = rows.len();
            fill(&tokens, width, &mut rows);
            if rows.len() == before {
                rows.push(Row {
                    start: range.start,
                    pieces: Vec::new(),
                });
            }
            line_start = range.end + 1;
        }
        Wrapped {
            width,
            labels,
            rows,
        }
    }

    /// The row showing text offset `offset`.
    pub fn row_of(&self, offset: usize) -> usize {
        self.rows
            .partition_point(|r| r.start <= offset)
            .saturating_sub(1)
    }
}

/// The characters of one line, with highlight membership and labels.
fn tokenize(doc: &Document, line: Range<usize>, labels: bool) -> Vec<Token> {
    let spans = &doc.spans;
    let mut si = spans.partition_point(|s| s.range.end <= line.start);
    let mut out = Vec::with_capacity(line.len());
    let label = |si: usize, out: &mut Vec<Token>| {
        if labels {
            let width = crate::text::width(&label_text(spans[si].kind));
            let offset = spans[si].range.end;
            out.push(Token::Label {
                span: si,
                offset,
                width,
            });
        }
    };
    for (i, c) in doc.text[line.clone()].char_indices() {
        let offset = line.start + i;
        while si < spans.len() && spans[si].range.end <= offset {
            label(si, &mut out);
            si += 1;
        }
        let span = (si < spans.len() && spans[si].range.start <= offset).then_some(si);
        let (len, width) = (c.len_utf8(), c.width().unwrap_or(0));
        let space = c == ' ';
        out.push(Token::Char {
            offset,
            len,
            width,
            space,
            span,
        });
    }
    while si < spans.len() && spans[si].range.end <= line.end {
        label(si, &mut out);
        si += 1;
    }
    out
}

/// Greedy fill: words (runs of non-space tokens) go on the row if they fit,
/// else start a new one; spaces that would overflow a row are dropped.
fn fill(tokens: &[Token], width: usize, rows: &mut Vec<Row>) {
    let mut row: Vec<Token> = Vec::new();
    let mut used = 0;
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].is_space() {
            if used + tokens[i].width() <= width {
                used += tokens[i].width();
                row.push(tokens[i]);
            }
            i += 1;
            continue;
        }
        let end = (i..tokens.len())
            .find(|&j| tokens[j].is_space())
            .unwrap_or(tokens.len());
        let word = &tokens[i..end];
        let word_width: usize = word.iter().map(Token::width).sum();
        if used + word_width > width && !row.is_empty() && word_width <= width {
            rows.push(finish(std::mem::take(&mut row)));
            used = 0;
        }
        for token in word {
            if used + token.width() > width && !row.is_empty() {
                rows.push(finish(std::mem::take(&mut row)));
                used = 0;
            }
            used += token.width();
            row.push(*token);
        }
        i = end;
    }
    if !row.is_empty() {
        rows.push(finish(row));
    }
}

/// Merges a row's tokens into pieces.
fn finish(mut tokens: Vec<Token>) -> Row {
    let start = tokens.first().map(Token::offset).unwrap_or(0);
    // Spaces ending a row go: invisible in plain text, a stray block in a highlight.
    while tokens.len() > 1 && tokens.last().is_some_and(Token::is_space) {
        tokens.pop();
    }
    let mut pieces: Vec<Piece> = Vec::new();
    for token in tokens {
        match token {
            Token::Label { span, .. } => pieces.push(Piece::Label { span }),
            Token::Char {
                offset, len, span, ..
            } => match pieces.last_mut() {
                Some(Piece::Text { range, span: s }) if *s == span && range.end == offset => {
                    range.end = offset + len;
                }
                _ => pieces.push(Piece::Text {
                    range: offset..offset + len,
                    span,
                }),
            },
        }
    }
    Row { start, pieces }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Entity, Kind, Mention};

    fn doc(body: &str, spans: &[(usize, usize, Kind)]) -> Document {
        let entities: Vec<Entity> = spans
            .iter()
            .map(|&(start, end, kind)| Entity {
                name: body[start..end].into(),
                kind,
                aliases: vec![],
                count: 1,
                mentions: vec![Mention { start, end }],
            })
            .collect();
        Document::build(body, &entities)
    }

    fn texts(doc: &Document, w: &Wrapped) -> Vec<String> {
        w.rows
            .iter()
            .map(|r| {
                r.pieces
                    .iter()
                    .map(|p| match p {
                        Piece::Text { range, .. } => doc.text[range.clone()].to_string(),
                        Piece::Label { span } => label_text(doc.spans[*span].kind),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn wraps_at_words_and_keeps_empty_lines() {
        let d = doc("the quick brown fox\n\njumps", &[]);
        let w = Wrapped::new(&d, 10, false);
        assert_eq!(texts(&d, &w), vec!["the quick", "brown fox", "", "jumps"]);
    }

    #[test]
    fn labels_stick_to_their_entity() {
        let d = doc("in Chongqing today", &[(3, 12, Kind::City)]);
        let w = Wrapped::new(&d, 16, true);
        assert_eq!(texts(&d, &w), vec!["in", "Chongqing CITY", "today"]);
    }

    #[test]
    fn long_words_and_wide_characters_are_cut() {
        let d = doc("重庆重庆重庆 abcdefghijkl", &[]);
        let w = Wrapped::new(&d, 5, false);
        let t = texts(&d, &w);
        assert!(t.iter().all(|r| crate::text::width(r) <= 5), "{t:?}");
        assert_eq!(t.concat().replace(' ', ""), "重庆重庆重庆abcdefghijkl");
    }

    #[test]
    fn row_of_finds_the_mention_row() {
        let d = doc("aaaa bbbb cccc dddd", &[(15, 19, Kind::Firm)]);
        let w = Wrapped::new(&d, 5, false);
        assert_eq!(w.row_of(15), 3);
        assert_eq!(w.row_of(0), 0);
    }
}
