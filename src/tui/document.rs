//! An article made ready for the reader: the body sanitised, with every mention
//! moved to offsets in the sanitised text, and the outermost spans to highlight
//! (a city inside a zone name counts, but the zone is what gets coloured).

use crate::extract::{Entity, Kind, Mention};
use crate::text::sanitize;
use std::ops::Range;

/// One highlighted stretch of text: an outermost mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    /// Byte range in [`Document::text`].
    pub range: Range<usize>,
    /// Position of the entity in the article's entity list.
    pub entity: usize,
    /// Its kind, for the colour and label.
    pub kind: Kind,
}

/// A sanitised body with mentions mapped into it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The body after [`sanitize`]: no control characters, ESC, bidi overrides.
    pub text: String,
    /// Outermost mentions, sorted and disjoint.
    pub spans: Vec<Highlight>,
    /// Per entity position: its mentions in `text`, sorted.
    pub mentions: Vec<Vec<Range<usize>>>,
    /// Per entity position, parallel to `mentions`: each one's index in `Entity::mentions`.
    pub origins: Vec<Vec<usize>>,
    /// Where each line of `text` starts (the first at 0; a line longer than
    /// [`SEGMENT`] counts as several): a huge text is laid out a few screens
    /// of lines at a time.
    pub lines: Vec<usize>,
}

impl Document {
    /// Sanitises `body` piece by piece between mention boundaries, so that every
    /// mention keeps pointing at the same words after control characters are
    /// replaced or dropped (a body with nothing to sanitise, the usual case, is
    /// taken as it is: offsets stay). Mentions off char boundaries or out of
    /// range are ignored.
    pub fn build(body: &str, entities: &[Entity]) -> Document {
        Document::from_body(std::borrow::Cow::Borrowed(body), entities)
    }

    /// [`Document::build`] of a body given or lent: one given (read from the
    /// cache) and clean becomes the text without a copy.
    pub fn from_body(body: std::borrow::Cow<'_, str>, entities: &[Entity]) -> Document {
        let owned = body;
        let body: &str = &owned;
        let valid = |m: &&Mention| {
            m.start < m.end
                && m.end <= body.len()
                && body.is_char_boundary(m.start)
                && body.is_char_boundary(m.end)
        };
        let clean = matches!(sanitize(body), std::borrow::Cow::Borrowed(_));
        let mut cuts: Vec<usize> = vec![0, body.len()];
        if !clean {
            for entity in entities {
                for m in entity.mentions.iter().filter(valid) {
                    cuts.extend([m.start, m.end]);
                }
            }
            cuts.sort_unstable();
            cuts.dedup();
        }
        let (text, moved) = match clean {
            true => (String::new(), Vec::new()),
            false => sanitize_between(body, &cuts),
        };
        // Each mention boundary is a cut, moved to where its piece starts now
        // (a binary search: a text needing it is rare, and rarely huge).
        let map = |offset: usize| match clean {
            true => offset,
            false => {
                let i = cuts.partition_point(|&c| c < offset);
                moved.get(i).copied().unwrap_or(text.len())
            }
        };
        let (mentions, origins): (Vec<Vec<Range<usize>>>, Vec<Vec<usize>>) = entities
            .iter()
            .map(|entity| {
                let mut list: Vec<(Range<usize>, usize)> = entity
                    .mentions
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| valid(m))
                    .map(|(i, m)| (map(m.start)..map(m.end), i))
                    .filter(|(r, _)| !r.is_empty())
                    .collect();
                list.sort_by_key(|(r, i)| (r.start, r.end, *i));
                list.into_iter().unzip::<_, _, Vec<_>, Vec<_>>()
            })
            .unzip();
        let spans = outermost(entities, &mentions);
        let text = if clean { owned.into_owned() } else { text };
        let lines = line_starts(&text);
        Document {
            text,
            spans,
            mentions,
            origins,
            lines,
        }
    }

    /// Where mention `original` (an index into `Entity::mentions`) of entity
    /// `position` is in [`Document::mentions`], or the first one.
    pub fn mention_index(&self, position: usize, original: usize) -> usize {
        self.origins
            .get(position)
            .and_then(|list| list.iter().position(|&o| o == original))
            .unwrap_or(0)
    }

    /// The byte range of line `line` of the text (without its newline).
    pub fn line(&self, line: usize) -> Range<usize> {
        let start = self.lines.get(line).copied().unwrap_or(self.text.len());
        let end = match self.lines.get(line + 1) {
            Some(&next) if self.text.as_bytes().get(next - 1) == Some(&b'\n') => next - 1,
            Some(&next) => next,
            None => self.text.len(),
        };
        start..end.max(start)
    }

    /// The line `offset` is on.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Mentions of every entity, outermost first where they start together: what
    /// `n`/`N` walks when no entity is chosen.
    pub fn span_ranges(&self) -> Vec<Range<usize>> {
        self.spans.iter().map(|s| s.range.clone()).collect()
    }
}

/// Lines longer than this are laid out in parts (cut after a space where
/// there is one): a paragraph of megabytes costs no more than the screens shown.
pub const SEGMENT: usize = 64 * 1024;

/// Where each line starts, long lines cut in parts of at most [`SEGMENT`] bytes.
fn line_starts(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for end in ends {
        let mut start = *out.last().unwrap_or(&0);
        while end - start > SEGMENT {
            let mut cut = start + SEGMENT;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            if let Some(space) = memchr::memrchr(b' ', &text.as_bytes()[start..cut]) {
                cut = start + space + 1;
            }
            out.push(cut);
            start = cut;
        }
        if end < text.len() {
            out.push(end + 1);
        }
    }
    out
}

/// Sanitises the text between consecutive cuts; returns the text and where each
/// cut landed in it.
fn sanitize_between(body: &str, cuts: &[usize]) -> (String, Vec<usize>) {
    let mut text = String::with_capacity(body.len());
    let mut moved = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        moved.push(text.len());
        text.push_str(&sanitize(&body[pair[0]..pair[1]]));
    }
    moved.push(text.len());
    (text, moved)
}

/// The spans to colour: sorted by start (longest first), keeping only those
/// not inside or overlapping an earlier kept one.
fn outermost(entities: &[Entity], mentions: &[Vec<Range<usize>>]) -> Vec<Highlight> {
    let mut all: Vec<Highlight> = mentions
        .iter()
        .enumerate()
        .flat_map(|(entity, list)| {
            list.iter().map(move |r| Highlight {
                range: r.clone(),
                entity,
                kind: entities[entity].kind,
            })
        })
        .collect();
    all.sort_by(|a, b| {
        a.range
            .start
            .cmp(&b.range.start)
            .then(b.range.end.cmp(&a.range.end))
            .then(a.entity.cmp(&b.entity))
    });
    let mut kept: Vec<Highlight> = Vec::new();
    for span in all {
        if kept.last().is_none_or(|k| span.range.start >= k.range.end) {
            kept.push(span);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(name: &str, kind: Kind, spans: &[(usize, usize)]) -> Entity {
        Entity {
            name: name.into(),
            kind,
            aliases: vec![],
            count: spans.len(),
            mentions: spans
                .iter()
                .map(|&(start, end)| Mention { start, end })
                .collect(),
        }
    }

    #[test]
    fn mentions_follow_the_text_when_controls_are_dropped() {
        let body = "\u{202e}\x1b[31mChongqing\u{200b} grows";
        let start = body.find("Chongqing").unwrap();
        let e = entity("Chongqing", Kind::City, &[(start, start + 9)]);
        let doc = Document::build(body, &[e]);
        assert!(!doc.text.contains('\x1b'));
        let r = doc.mentions[0][0].clone();
        assert_eq!(&doc.text[r], "Chongqing");
    }

    #[test]
    fn nested_mentions_keep_the_outermost_span() {
        let body = "in Chongqing Liangjiang New Area and Chongqing";
        let zone = entity("Chongqing Liangjiang New Area", Kind::Zone, &[(3, 32)]);
        let city = entity("Chongqing", Kind::City, &[(3, 12), (37, 46)]);
        let doc = Document::build(body, &[city, zone]);
        let kinds: Vec<Kind> = doc.spans.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, vec![Kind::Zone, Kind::City]);
        assert_eq!(
            doc.mentions[0].len(),
            2,
            "the inner city mention still counts"
        );
    }

    #[test]
    fn broken_mentions_are_ignored_not_fatal() {
        let body = "重庆 city";
        let e = entity("x", Kind::City, &[(1, 2), (5, 99), (4, 2), (0, 3)]);
        let doc = Document::build(body, &[e]);
        assert_eq!(doc.mentions[0], vec![0..3]);
    }
}
