//! Finding text in the reader, as `/` does in less: the hits of what is
//! typed, found again as the line changes, with smart case (a query with an
//! upper-case letter matches case exactly, as fzf and less `-i` do); `n` and
//! `N` walk them.

use super::filter::Line;
use std::ops::Range;

/// The reader's find line and its hits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Find {
    /// The text and cursor.
    pub line: Line,
    /// True while keys go to the line.
    pub editing: bool,
    /// Byte ranges of the hits in the document's text, in order.
    pub hits: Vec<Range<usize>>,
    /// The hit `n`/`N` last went to.
    pub current: Option<usize>,
}

/// Every non-overlapping occurrence of `query` in `text`, smart case.
pub fn hits(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let exact = query.chars().any(char::is_uppercase);
    let fold = |c: char| -> char {
        if exact {
            c
        } else {
            c.to_lowercase().next().unwrap_or(c)
        }
    };
    let needle: Vec<char> = query.chars().map(fold).collect();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= chars.len() {
        let matched = needle
            .iter()
            .enumerate()
            .all(|(k, &n)| fold(chars[i + k].1) == n);
        if matched {
            let start = chars[i].0;
            let last = i + needle.len() - 1;
            let end = chars[last].0 + chars[last].1.len_utf8();
            out.push(start..end);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case_and_byte_ranges() {
        let text = "Chongqing, chongqing and CHONGQING; Zürich zürich";
        assert_eq!(hits(text, "chongqing").len(), 3);
        assert_eq!(hits(text, "Chongqing"), vec![0..9]);
        let z = hits(text, "zür");
        assert_eq!(z.len(), 2);
        assert_eq!(&text[z[1].clone()], "zür");
        assert_eq!(hits(text, "aa"), Vec::<Range<usize>>::new());
        assert_eq!(hits("aaaa", "aa"), vec![0..2, 2..4]);
        assert!(hits(text, "").is_empty());
    }
}
