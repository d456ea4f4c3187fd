//! Word wrapping of a [`Document`] to a width, done once per width (and label
//! setting) and kept, so scrolling and `n`/`N` only look rows up. A huge text
//! is laid out a few screens of lines at a time, around where the reader is
//! ([`Wrapped::at`]), so opening it, scrolling it or resizing costs what a
//! screen costs, not what the text costs.

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
    /// The rows, top to bottom: all of them, or those of [`Wrapped::lines`].
    pub rows: Vec<Row>,
    /// The lines laid out, when only some are (a huge text); `None`: all.
    pub lines: Option<Range<usize>>,
}

/// Texts longer than this (in bytes) are laid out a few screens at a time.
pub const WHOLE: usize = 1 << 20;

/// Screens of rows laid out above and below the reader's place in a huge text.
const SCREENS_AROUND: usize = 3;

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
    /// A huge text is laid out from its start, as [`Wrapped::at`] does.
    pub fn new(doc: &Document, width: usize, labels: bool) -> Wrapped {
        Wrapped::at(doc, width, labels, 0, 0)
    }

    /// Wraps `doc`: all of it when it is not huge, else the lines around text
    /// offset `offset`, a few screens of `page` rows above and below it.
    pub fn at(doc: &Document, width: usize, labels: bool, offset: usize, page: usize) -> Wrapped {
        let width = width.max(1);
        let lines = doc.lines.len().max(1);
        if doc.text.len() <= WHOLE {
            let mut rows = Vec::new();
            for line in 0..lines {
                lay(doc, line, width, labels, &mut rows);
            }
            return Wrapped {
                width,
                labels,
                rows,
                lines: None,
            };
        }
        let want = SCREENS_AROUND * page.max(10);
        let line = doc.line_of(offset).min(lines - 1);
        let mut rows = Vec::new();
        lay(doc, line, width, labels, &mut rows);
        let own = rows
            .partition_point(|r| r.start <= offset)
            .saturating_sub(1);
        let mut end = line + 1;
        while rows.len() - own < want + page && end < lines {
            lay(doc, end, width, labels, &mut rows);
            end += 1;
        }
        let mut above: Vec<Row> = Vec::new();
        let mut first = line;
        while above.len() + own < want && first > 0 {
            first -= 1;
            let mut before = Vec::new();
            lay(doc, first, width, labels, &mut before);
            before.append(&mut above);
            above = before;
        }
        above.append(&mut rows);
        Wrapped {
            width,
            labels,
            rows: above,
            lines: Some(first..end),
        }
    }

    /// The row showing text offset `offset` (of those laid out, the nearest).
    pub fn row_of(&self, offset: usize) -> usize {
        self.rows
            .partition_point(|r| r.start <= offset)
            .saturating_sub(1)
    }

    /// The row showing text offset `offset`, when it is laid out.
    pub fn find_row(&self, doc: &Document, offset: usize) -> Option<usize> {
        match &self.lines {
            None => Some(self.row_of(offset)),
            Some(lines) => {
                let inside =
                    (doc.line(lines.start).start..=doc.line(lines.end - 1).end).contains(&offset);
                inside.then(|| self.row_of(offset))
            }
        }
    }

    /// Whether every row of the text is laid out.
    pub fn is_whole(&self) -> bool {
        self.lines.is_none()
    }

    /// Whether the first row laid out is the text's first.
    pub fn at_start(&self) -> bool {
        self.lines.as_ref().is_none_or(|l| l.start == 0)
    }

    /// Whether the last row laid out is the text's last.
    pub fn at_end(&self, doc: &Document) -> bool {
        self.lines.as_ref().is_none_or(|l| l.end >= doc.lines.len())
    }
}

/// Lays out line `line` of `doc` after `rows` (an empty line is one empty row).
fn lay(doc: &Document, line: usize, width: usize, labels: bool, rows: &mut Vec<Row>) {
    let range = doc.line(line);
    let tokens = tokenize(doc, range.clone(), labels);
    let before = rows.len();
    fill(&tokens, width, rows);
    if rows.len() == before {
        rows.push(Row {
            start: range.start,
            pieces: Vec::new(),
        });
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

    /// Every row of `doc`, laid out line by line whatever its size.
    fn all_rows(doc: &Document, width: usize) -> Vec<Row> {
        let mut rows = Vec::new();
        for line in 0..doc.lines.len() {
            lay(doc, line, width, false, &mut rows);
        }
        rows
    }

    #[test]
    fn a_huge_text_is_laid_out_a_few_screens_around_the_place_asked() {
        let paragraph = "Workers in Chongqing opened a plant on Monday. ".repeat(40);
        let body = vec![paragraph; 700].join("\n\n");
        assert!(body.len() > WHOLE);
        let d = doc(&body, &[(11, 20, Kind::City)]);
        let all = all_rows(&d, 60);
        let middle = body.len() / 2;
        let w = Wrapped::at(&d, 60, false, middle, 20);
        assert!(!w.is_whole() && !w.at_start() && !w.at_end(&d));
        assert!(w.rows.len() < 400, "{} rows laid out", w.rows.len());
        // The rows laid out are the same as those of the whole text there.
        let first = all.iter().position(|r| r.start == w.rows[0].start).unwrap();
        assert_eq!(&all[first..first + w.rows.len()], &w.rows[..]);
        let row = w.find_row(&d, middle).unwrap();
        assert!(
            row >= 60 && w.rows.len() - row >= 80,
            "{row} of {}",
            w.rows.len()
        );
        assert_eq!(w.find_row(&d, 0), None, "the start is not laid out");
        let start = Wrapped::new(&d, 60, false);
        assert!(start.at_start() && start.find_row(&d, 0) == Some(0));
        let end = Wrapped::at(&d, 60, false, body.len(), 20);
        assert!(end.at_end(&d));
        assert_eq!(end.rows.last(), all.last());
    }

    #[test]
    fn a_line_of_megabytes_is_laid_out_in_parts() {
        let body = "word ".repeat(400_000);
        let d = doc(&body, &[]);
        assert!(d.lines.len() > 20, "{} parts", d.lines.len());
        assert!(
            d.lines
                .windows(2)
                .all(|w| w[1] - w[0] <= crate::tui::document::SEGMENT)
        );
        let w = Wrapped::at(&d, 50, false, body.len() / 2, 20);
        assert!(w.rows.len() < 2000, "{} rows", w.rows.len());
        // Rows are cut at words, parts at spaces: no word is ever split.
        let t = texts(&d, &w);
        assert!(
            t.iter()
                .all(|r| crate::text::width(r) <= 50 && r.split(' ').all(|x| x == "word")),
            "{t:?}"
        );
    }

    #[test]
    fn row_of_finds_the_mention_row() {
        let d = doc("aaaa bbbb cccc dddd", &[(15, 19, Kind::Firm)]);
        let w = Wrapped::new(&d, 5, false);
        assert_eq!(w.row_of(15), 3);
        assert_eq!(w.row_of(0), 0);
    }
}
