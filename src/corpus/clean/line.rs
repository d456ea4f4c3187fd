//! A line of the page being cleaned, its role, and the shape measures the rules
//! use: word count (CJK-aware), sentence ending, headline shape, link density.

use crate::corpus::document::BlockKind;

/// Why a line is not article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// Only punctuation or symbols ("|", "* * *").
    Separator,
    /// A widget label or call to action ("Most Viewed", "Share this").
    Phrase,
    /// A copyright, licence or rights line.
    Copyright,
    /// A navigation trail ("Home / World / Asia").
    Breadcrumb,
    /// A photo credit on its own line ("Photo: Reuters").
    Credit,
    /// A cookie or consent banner.
    Cookie,
    /// A row of share buttons.
    Social,
    /// Mostly link text.
    LinkList,
    /// A "Updated: 2020-01-01" style line (its date is metadata).
    DateLine,
    /// Part of a run of short headline-like lines (lists of other stories).
    HeadlineList,
    /// Short non-sentence lines after the story ends.
    Tail,
    /// Lines above the headline (kickers, banners, duplicated titles).
    Head,
    /// A short line repeated on the page, or a repeat of a paragraph.
    Repeated,
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Article text.
    Body,
    /// The headline.
    Title,
    /// A byline or dateline read for metadata.
    Meta,
    /// Boilerplate, and the rule that found it.
    Junk(Rule),
}

/// One line (a paragraph candidate) being cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// Normalised text.
    pub text: String,
    /// Non-space characters inside links.
    pub link_chars: usize,
    /// What the source said the block was.
    pub kind: BlockKind,
    /// What the cleaner decided.
    pub role: Role,
    /// [`words`] of the text, counted once.
    pub words: usize,
}

impl Line {
    /// A body line with no links.
    pub fn new(text: impl Into<String>) -> Line {
        let text = text.into();
        Line {
            words: words(&text),
            text,
            link_chars: 0,
            kind: BlockKind::Paragraph,
            role: Role::Body,
        }
    }

    /// Shaped like a headline (see [`is_headline_like`]).
    pub fn is_headline_like(&self) -> bool {
        (1..=16).contains(&self.words) && !ends_statement(&self.text)
    }

    /// Still counted as article text.
    pub fn is_body(&self) -> bool {
        self.role == Role::Body
    }
}

/// Chinese, Japanese and Korean characters carry about half a word each.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

/// Words in the line: whitespace-separated tokens with a letter or digit, CJK
/// characters counting one word per two. One pass, ASCII fast path.
pub(crate) fn words(text: &str) -> usize {
    let mut count = 0;
    let mut cjk: usize = 0;
    let mut latin = false;
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_whitespace() {
                count += usize::from(latin);
                latin = false;
            } else if c.is_ascii_alphanumeric() {
                latin = true;
            }
        } else if is_cjk(c) {
            cjk += 1;
        } else if c.is_whitespace() {
            count += usize::from(latin);
            latin = false;
        } else if c.is_alphanumeric() {
            latin = true;
        }
    }
    count + usize::from(latin) + cjk.div_ceil(2)
}

/// Closing quotes and brackets that may follow a sentence's final punctuation.
const CLOSERS: &[char] = &[
    '"', '\'', '\u{2019}', '\u{201d}', ')', ']', '\u{bb}', '\u{300d}', '\u{300f}', '*',
];

/// Ends like a sentence (., !, ?, :, ;, … or their CJK forms, maybe before a closing quote).
pub(crate) fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches(CLOSERS);
    trimmed.ends_with([
        '.', '!', '?', ':', ';', '\u{2026}', '\u{3002}', '\u{ff01}', '\u{ff1f}', '\u{ff1a}',
    ])
}

/// Has a sentence end somewhere: final punctuation followed by a space, a closer or the end.
pub(crate) fn has_sentence(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '.' | '!' | '?' | '\u{3002}' | '\u{ff01}' | '\u{ff1f}') {
            match chars.peek() {
                None => return true,
                Some(&n) if n == ' ' || CLOSERS.contains(&n) => return true,
                _ => {}
            }
        }
    }
    false
}

/// Shaped like a headline: a few words and no full stop at the end (a question
/// or exclamation mark is fine: "Is the port ready?").
pub(crate) fn is_headline_like(text: &str) -> bool {
    let n = words(text);
    (1..=16).contains(&n) && (!ends_statement(text) || (n >= 2 && in_capitals(text)))
}

/// Every letter a capital (a wire headline, full stop and all: "PORT REOPENS.").
pub(crate) fn in_capitals(text: &str) -> bool {
    let mut letters = 0;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 4
}

/// A row of figures: results, scores, a table line ("Haitai 64 2 43 .596 -",
/// "Quxton 3 Zedburg 2 (halftime 1-0)"): two or more of its words hold digits, and
/// they make a quarter of its words or more. In plain text such rows are the
/// story's own data, never a list of headlines or page furniture.
pub(crate) fn is_data_row(text: &str) -> bool {
    let mut tokens = 0;
    let mut numeric = 0;
    for token in text.split_whitespace() {
        if !token.chars().any(char::is_alphanumeric) {
            continue;
        }
        tokens += 1;
        numeric += usize::from(token.chars().any(|c| c.is_ascii_digit()));
    }
    numeric >= 2 && numeric * 4 >= tokens
}

/// Ends like a statement: a full stop, colon, semicolon or ellipsis (headlines may
/// end in "?" or "!", statements in body text end in these).
pub(crate) fn ends_statement(text: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches(CLOSERS);
    trimmed.ends_with([
        '.', ':', ';', '\u{2026}', '\u{3002}', '\u{ff1a}', '\u{ff1b}',
    ])
}

/// Long enough and sentence-like enough to be a paragraph of the story (a heading,
/// however long, is not one: "Markets on a high; time to be careful?").
pub(crate) fn is_substantial(line: &Line) -> bool {
    line.words >= 12
        && line.kind != BlockKind::Heading
        && has_sentence(&line.text)
        && link_density(line) <= 0.5
}

/// Share of the line's non-space characters that are link text.
pub(crate) fn link_density(line: &Line) -> f64 {
    if line.link_chars == 0 {
        return 0.0;
    }
    let chars = line.text.chars().filter(|c| !c.is_whitespace()).count();
    line.link_chars as f64 / chars.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_count_latin_tokens_and_half_cjk() {
        assert_eq!(words("The port, 2 ships | x"), 5);
        assert_eq!(words("重庆市发展数字经济"), 5);
        assert_eq!(words("| — |"), 0);
    }

    #[test]
    fn sentence_endings_see_through_closing_quotes() {
        assert!(ends_sentence("He said \"yes.\""));
        assert!(ends_sentence("经济增长。"));
        assert!(!ends_sentence("Port traffic rises"));
        assert!(has_sentence("A sentence. /Photo"));
        assert!(!has_sentence("Version 2.0 released"));
    }

    #[test]
    fn rows_of_figures_are_data() {
        assert!(is_data_row("Quxton 3 Zedburg 2 (halftime 1-0)"));
        assert!(is_data_row("Ann Zed (Ruritania) beat Bo Qux 6-3 6-2"));
        assert!(is_data_row("W 64 2 43 .596 -"));
        assert!(!is_data_row(
            "The port handled 3 million boxes in 2019, up from last year."
        ));
        assert!(!is_data_row("Attendance: 200"));
    }

    #[test]
    fn headline_shape() {
        assert!(is_headline_like("SOCCER - ZEDBURG WIN AWAY."));
        assert!(!is_headline_like("Zedburg won away."));
        assert!(is_headline_like("Floods close schools in the north"));
        assert!(!is_headline_like("The floods closed schools."));
        assert!(is_headline_like("Is the port ready for bigger ships?"));
        assert!(!is_headline_like(&"word ".repeat(20)));
    }

    #[test]
    fn substantial_needs_length_a_sentence_and_few_links() {
        let text = "The council approved the plan on Monday after a long debate about costs.";
        assert!(is_substantial(&Line::new(text)));
        let linked = Line {
            link_chars: text.len(),
            ..Line::new(text)
        };
        assert!(!is_substantial(&linked));
        assert!(!is_substantial(&Line::new("Short line.")));
        let heading = Line {
            kind: BlockKind::Heading,
            ..Line::new("Economy in stress and markets on a high; is it time to be careful?")
        };
        assert!(!is_substantial(&heading));
    }
}
