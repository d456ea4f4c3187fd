//! The filter line's text and cursor, edited the way readline and fzf do:
//! moves by character, kills to either end or by word, and a window onto
//! the text that keeps the cursor in view, measured in terminal cells.

use crate::text::{sanitize_line, width};
use unicode_width::UnicodeWidthChar;

/// Text being typed and where the cursor is (a char index, 0 ..= chars).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    text: String,
    cursor: usize,
}

/// A character as typed into the line: tabs and newlines become spaces, and
/// anything the sanitiser would change (controls, bidi overrides, zero-width
/// characters) is left out, so the text shown is the text searched.
fn typable(c: char) -> Option<char> {
    let c = if matches!(c, '\t' | '\n' | '\r') {
        ' '
    } else {
        c
    };
    let mut buffer = [0; 4];
    let one: &str = c.encode_utf8(&mut buffer);
    (sanitize_line(one) == one).then_some(c)
}

impl Line {
    /// A line holding `text`, the cursor at its end.
    pub fn new(text: &str) -> Line {
        let mut line = Line::default();
        line.insert(text);
        line
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, in chars from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// Byte offset of char `i`.
    fn byte(&self, i: usize) -> usize {
        self.text
            .char_indices()
            .nth(i)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Inserts text at the cursor (typed or pasted) and moves past it.
    pub fn insert(&mut self, s: &str) {
        let clean: String = s.chars().filter_map(typable).collect();
        let at = self.byte(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
    }

    /// One char left.
    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    /// One char right.
    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }

    /// To the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// To the end.
    pub fn end(&mut self) {
        self.cursor = self.len();
    }

    fn remove(&mut self, from: usize, to: usize) -> bool {
        if from >= to {
            return false;
        }
        let (a, b) = (self.byte(from), self.byte(to));
        self.text.replace_range(a..b, "");
        self.cursor = from;
        true
    }

    /// Deletes the char before the cursor; false when there is none.
    pub fn backspace(&mut self) -> bool {
        self.cursor > 0 && self.remove(self.cursor - 1, self.cursor)
    }

    /// Deletes the char under the cursor; false when there is none.
    pub fn delete(&mut self) -> bool {
        let at = self.cursor;
        at < self.len() && self.remove(at, at + 1)
    }

    /// Deletes from the start to the cursor (readline's `C-u`).
    pub fn kill_start(&mut self) -> bool {
        self.remove(0, self.cursor)
    }

    /// Deletes from the cursor to the end (`C-k`).
    pub fn kill_end(&mut self) -> bool {
        let at = self.cursor;
        let changed = self.remove(at, self.len());
        self.cursor = at;
        changed
    }

    /// Deletes the word before the cursor and the spaces after it (`C-w`,
    /// readline's unix-word-rubout: words end at spaces).
    pub fn kill_word(&mut self) -> bool {
        let chars: Vec<char> = self.text.chars().collect();
        let mut start = self.cursor;
        while start > 0 && chars[start - 1] == ' ' {
            start -= 1;
        }
        while start > 0 && chars[start - 1] != ' ' {
            start -= 1;
        }
        self.remove(start, self.cursor)
    }

    /// Replaces the text, the cursor at its end.
    pub fn set(&mut self, text: &str) {
        *self = Line::new(text);
    }

    /// The part of the text shown in `cells` cells and the cursor's column in
    /// it: from the start while the cursor fits, else scrolled so the cursor
    /// sits at the right edge (one cell is kept for the cursor after the text).
    pub fn window(&self, cells: usize) -> (String, usize) {
        let chars: Vec<char> = self.text.chars().collect();
        let cell = |c: &char| c.width().unwrap_or(0);
        let mut first = 0;
        while first < self.cursor
            && chars[first..self.cursor].iter().map(cell).sum::<usize>() >= cells
        {
            first += 1;
        }
        let column = chars[first..self.cursor].iter().map(cell).sum::<usize>();
        let mut shown = String::new();
        let mut used = 0;
        for c in &chars[first..] {
            if used + cell(c) > cells {
                break;
            }
            used += cell(c);
            shown.push(*c);
        }
        let column = column.min(cells.saturating_sub(1)).min(width(&shown));
        (shown, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_and_moving_insert_where_the_cursor_is() {
        let mut line = Line::new("chng");
        line.left();
        line.left();
        line.insert("o");
        assert_eq!((line.text(), line.cursor()), ("chong", 3));
        line.home();
        line.insert("c:");
        line.end();
        line.insert("q");
        assert_eq!(line.text(), "c:chongq");
        line.right();
        assert_eq!(line.cursor(), 8);
    }

    #[test]
    fn deleting_and_killing() {
        let mut line = Line::new("city:chong firm:ali");
        assert!(line.kill_word());
        assert_eq!(line.text(), "city:chong ");
        assert!(line.kill_word());
        assert_eq!(line.text(), "");
        assert!(!line.kill_word());
        let mut line = Line::new("abc");
        assert!(!line.delete());
        assert!(line.backspace());
        line.home();
        assert!(!line.backspace());
        assert!(line.delete());
        assert_eq!(line.text(), "b");
        let mut line = Line::new("one two");
        line.left();
        line.left();
        assert!(line.kill_start());
        assert_eq!((line.text(), line.cursor()), ("wo", 0));
        line.right();
        assert!(line.kill_end());
        assert_eq!((line.text(), line.cursor()), ("w", 1));
    }

    #[test]
    fn pasted_controls_never_enter_the_line() {
        let line = Line::new("a\x1b[31mb\tc\u{202e}d\n");
        assert_eq!(line.text(), "a[31mb cd ");
    }

    #[test]
    fn wide_characters_are_measured_in_cells() {
        let mut line = Line::new("重庆 chong");
        assert_eq!(line.window(40), ("重庆 chong".to_string(), 10));
        line.home();
        line.right();
        assert_eq!(line.window(40).1, 2);
        line.end();
        // Ten cells of text and one for the cursor do not fit in eight:
        // the window scrolls so the cursor stays at the right edge.
        let (shown, column) = line.window(8);
        assert_eq!((shown.as_str(), column), (" chong", 6));
        assert!(width(&shown) <= 8);
    }
}
