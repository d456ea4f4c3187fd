//! Keyword in context: each mention with the text around it on its line,
//! sanitised, ready to be aligned on the mention.

use crate::extract::Mention;
use crate::text::sanitize_line;

/// How many characters of context to keep on each side (more than any screen shows).
const CONTEXT: usize = 160;

/// One mention in context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KwicLine {
    /// Text before the mention on the same line.
    pub left: String,
    /// The mention as written.
    pub hit: String,
    /// Text after the mention on the same line.
    pub right: String,
    /// Which mention of the entity this is (its position in `mentions`).
    pub mention: usize,
}

/// The context lines of `mentions` in `body`; mentions that do not fit the body are skipped.
pub fn lines(body: &str, mentions: &[Mention]) -> Vec<KwicLine> {
    mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.start < m.end
                && m.end <= body.len()
                && body.is_char_boundary(m.start)
                && body.is_char_boundary(m.end)
        })
        .map(|(i, m)| line(body, m, i))
        .collect()
}

fn line(body: &str, m: &Mention, mention: usize) -> KwicLine {
    let before = &body[..m.start];
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    let left: String = {
        let tail: Vec<char> = before[line_start..].chars().rev().take(CONTEXT).collect();
        tail.into_iter().rev().collect()
    };
    let after = &body[m.end..];
    let line_end = after.find('\n').unwrap_or(after.len());
    let right: String = after[..line_end].chars().take(CONTEXT).collect();
    KwicLine {
        left: sanitize_line(&left).into_owned(),
        hit: sanitize_line(&body[m.start..m.end]).into_owned(),
        right: sanitize_line(&right).into_owned(),
        mention,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_stays_on_the_line_and_is_sanitised() {
        let body = "first line\nthe city of \x1b[2JChengdu grows fast\nnext";
        let start = body.find("Chengdu").unwrap();
        let m = Mention {
            start,
            end: start + 7,
        };
        let l = &lines(body, &[m])[0];
        assert_eq!(l.left, "the city of ␛[2J");
        assert_eq!(l.hit, "Chengdu");
        assert_eq!(l.right, " grows fast");
    }

    #[test]
    fn bad_offsets_are_skipped() {
        let body = "重庆";
        let bad = [Mention { start: 1, end: 3 }, Mention { start: 0, end: 9 }];
        assert!(lines(body, &bad).is_empty());
    }
}
