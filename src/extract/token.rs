//! Tokens of a body: words, numbers and punctuation with byte spans, spacing and
//! sentence position. Every rule reads these instead of the raw text.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (maybe with digits, inner apostrophes, "U.S"-style dots, "M&S").
    Word,
    /// Digits with inner separators ("2,200", "7.3").
    Number,
    /// One punctuation or symbol character.
    Punct(char),
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start byte (inclusive).
    pub start: usize,
    /// End byte (exclusive); a possessive "'s" is not included.
    pub end: usize,
    /// What it is.
    pub kind: TokenKind,
    /// White space directly before it.
    pub space_before: bool,
    /// A line break between the previous token and this one.
    pub newline_before: bool,
    /// First word of a sentence or line.
    pub sentence_start: bool,
    /// Followed by a possessive "'s" (skipped).
    pub possessive: bool,
    /// A word that looks like part of a name ([`shape::name_like`] of its text).
    pub name_like: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }

    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// True for the given punctuation character.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }
}

fn joins(c: char, prev: Option<char>, next: Option<char>, word_len: usize) -> bool {
    let (Some(p), Some(n)) = (prev, next) else {
        return false;
    };
    match c {
        '\'' | '\u{2019}' => p.is_alphabetic() && n.is_alphabetic(),
        '.' => {
            p.is_alphanumeric()
                && (n.is_lowercase() || n.is_ascii_digit() || (word_len == 1 && n.is_uppercase()))
        }
        ',' => p.is_ascii_digit() && n.is_ascii_digit(),
        '&' => p.is_uppercase() && n.is_uppercase(),
        _ => false,
    }
}

/// The character at byte `i` and its width (ASCII without decoding).
#[inline]
fn char_at(body: &str, i: usize) -> Option<(char, usize)> {
    let b = *body.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = body.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Byte classes, one table load per byte: ASCII white space (as `char::is_whitespace`
/// sees it: tab, LF, VT, FF, CR, space), line feed, letters and digits, and the
/// punctuation that may continue a word.
const SPACE: u8 = 1;
const NEWLINE: u8 = 2;
const ALNUM: u8 = 4;
const JOINER: u8 = 8;

static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = match byte {
            b'\n' => SPACE | NEWLINE,
            b'\t' | 0x0b | 0x0c | b'\r' | b' ' => SPACE,
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => ALNUM,
            b'\'' | b'.' | b',' | b'&' => JOINER,
            _ => 0,
        };
        b += 1;
    }
    table
};

use super::swar;

/// Where a word or number that starts at byte `start` ends.
struct Scanned {
    /// End byte of the token (a possessive "'s" excluded).
    end: usize,
    /// Where scanning resumes (after a possessive "'s").
    next: usize,
    has_letter: bool,
    /// An upper-case letter somewhere after the first character.
    upper_after_first: bool,
    possessive: bool,
}

/// Scans the word or number starting with `first` at `start`: runs of ASCII letters
/// and digits eight bytes at a time, other characters one by one.
fn scan_word(body: &str, start: usize, first: char, width: usize) -> Scanned {
    let bytes = body.as_bytes();
    let mut has_letter = first.is_alphabetic();
    let mut upper_after_first = false;
    let mut last = first;
    let mut segment = 1;
    let mut end = start + width;
    loop {
        let run = swar::alphanumeric_run(bytes, end);
        if run.end > end {
            has_letter |= run.letter;
            upper_after_first |= run.upper;
            segment += run.end - end;
            last = char::from(bytes[run.end - 1]);
            end = run.end;
        }
        let Some(&b) = bytes.get(end) else {
            break;
        };
        // Not an ASCII letter or digit: only a joiner or a possessive may continue.
        let (d, dw) = if b < 0x80 {
            if CLASS[usize::from(b)] & JOINER == 0 {
                break;
            }
            (char::from(b), 1)
        } else {
            let Some((d, dw)) = char_at(body, end) else {
                break;
            };
            if d.is_alphanumeric() {
                has_letter |= d.is_alphabetic();
                upper_after_first |= d.is_uppercase();
                segment += 1;
                last = d;
                end += dw;
                continue;
            }
            (d, dw)
        };
        let after = char_at(body, end + dw).map(|(c, _)| c);
        // "China's plan", and "China'sZorbia" with the space after the
        // possessive lost: a capital glued to a lower-case "'s" starts a word.
        if (d == '\'' || d == '\u{2019}')
            && matches!(after, Some('s' | 'S'))
            && char_at(body, end + dw + 1).is_none_or(|(c, _)| {
                !c.is_alphanumeric()
                    || (c.is_uppercase() && last.is_lowercase() && after == Some('s'))
            })
        {
            return Scanned {
                end,
                next: end + dw + 1,
                has_letter,
                upper_after_first,
                possessive: true,
            };
        }
        if !joins(d, Some(last), after, segment) {
            break;
        }
        segment = 0;
        last = d;
        end += dw;
    }
    Scanned {
        end,
        next: end,
        has_letter,
        upper_after_first,
        possessive: false,
    }
}

/// Unit words that pages glue to the word before or after them when a space is
/// lost between two elements.
const GLUED_UNITS: [&str; 5] = ["Province", "Prefecture", "County", "District", "City"];

/// Lower-case words glued after a unit word ("Zorbu Provinceand ...").
const GLUED_AFTER_UNIT: [&str; 12] = [
    "and", "in", "of", "the", "to", "with", "for", "on", "at", "is", "has", "was",
];

/// Where a word glued from two should be cut, when a space was lost around a unit
/// word: "ZorbuProvince" (a capitalised unit word after three or more lower-case
/// letters, "City" excepted: "SimCity" is one name) and "Provinceand" (a unit word
/// and a short lower-case word after it). Asked of every word; the first test turns
/// most away.
pub(super) fn glued_unit_word(word: &str, upper_after_first: bool) -> Option<usize> {
    let bytes = word.as_bytes();
    if bytes.len() < 6 {
        return None;
    }
    if upper_after_first {
        for unit in &GLUED_UNITS[..4] {
            // ASCII units: a suffix match starts on a character boundary.
            if let Some(own) = word.strip_suffix(unit) {
                let lower = own.bytes().rev().take_while(u8::is_ascii_lowercase).count();
                if lower >= 3 && own.len() >= 4 {
                    return Some(own.len());
                }
            }
        }
    }
    if matches!(bytes[0], b'P' | b'C' | b'D') {
        for unit in GLUED_UNITS {
            let n = unit.len();
            if bytes.len() > n + 1
                && bytes.len() <= n + 4
                && bytes[n].is_ascii_lowercase()
                && bytes.starts_with(unit.as_bytes())
                && GLUED_AFTER_UNIT.contains(&&word[n..])
            {
                return Some(n);
            }
        }
    }
    None
}

/// True when some word of `text` may be glued around a unit word (a capital P, C or
/// D after a lower-case letter, or a unit word run on into lower-case letters): the
/// one-pass test before [`glued_unit_word`] is asked of each word.
pub(super) fn may_hold_glued_unit(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        matches!(c, b'P' | b'C' | b'D')
            && ((i > 0 && b[i - 1].is_ascii_lowercase())
                || GLUED_UNITS.iter().any(|u| {
                    b[i..].starts_with(u.as_bytes())
                        && b.get(i + u.len()).is_some_and(u8::is_ascii_lowercase)
                }))
    })
}

/// [`shape::name_like`] for a word token, from what the scan saw: a capital first, or a
/// lower-case letter first and a capital later; a leading digit takes the slow test.
fn word_name_like(body: &str, start: usize, end: usize, first: char, scanned: &Scanned) -> bool {
    if first.is_uppercase() {
        true
    } else if first.is_lowercase() {
        scanned.upper_after_first
    } else {
        first.is_ascii_digit() && shape::name_like(&body[start..end])
    }
}

/// How sentence state changes after a punctuation token `c`.
fn sentence_after(c: char, sentence: bool) -> bool {
    if matches!(c, '.' | '!' | '?') {
        true
    } else if matches!(
        c,
        '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '(' | ')' | '[' | ']'
    ) {
        sentence
    } else {
        sentence && matches!(c, '-' | '\u{2013}' | '\u{2014}' | '|' | '/')
    }
}

/// Abbreviated titles written before a name ("Mr.", "Dr.", "Prof.").
pub(super) fn is_title_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Gov"
            | "Sen"
            | "Rep"
            | "Gen"
            | "Lt"
            | "Col"
            | "Capt"
            | "Sgt"
            | "Messrs"
            | "Mme"
            | "Mlle"
    )
}

/// Splits a body into tokens.
pub fn tokenize(body: &str) -> Vec<Token> {
    let bytes = body.as_bytes();
    let mut tokens: Vec<Token> = Vec::with_capacity(body.len() / 5);
    let mut space = false;
    let mut newline = true;
    let mut sentence = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let class = CLASS[usize::from(b)];
        if class & SPACE != 0 {
            space = true;
            newline |= class & NEWLINE != 0;
            i += 1;
            continue;
        }
        let (c, width) = if b < 0x80 {
            (char::from(b), 1)
        } else {
            let Some((c, width)) = char_at(body, i) else {
                break;
            };
            if c.is_whitespace() {
                space = true;
                i += width;
                continue;
            }
            (c, width)
        };
        let mut token = Token {
            start: i,
            end: i + width,
            kind: TokenKind::Punct(c),
            space_before: space,
            newline_before: newline,
            sentence_start: false,
            possessive: false,
            name_like: false,
        };
        i += width;
        let word = if b < 0x80 {
            class & ALNUM != 0
        } else {
            c.is_alphanumeric()
        };
        if word {
            let mut scanned = scan_word(body, token.start, c, width);
            // A word of five bytes or fewer is never cut (checked before its text is
            // sliced).
            if scanned.end - token.start >= 6
                && let Some(cut) =
                    glued_unit_word(&body[token.start..scanned.end], scanned.upper_after_first)
            {
                scanned.end = token.start + cut;
                scanned.next = scanned.end;
                scanned.possessive = false;
            }
            token.end = scanned.end;
            token.possessive = scanned.possessive;
            i = scanned.next;
            if scanned.has_letter {
                token.kind = TokenKind::Word;
                token.name_like = word_name_like(body, token.start, token.end, c, &scanned);
            } else {
                token.kind = TokenKind::Number;
            }
            token.sentence_start = sentence || newline;
            sentence = false;
        } else {
            // "Mr. He Ming": the period of a title before a name ends no sentence.
            let title_period = c == '.'
                && !newline
                && tokens.last().is_some_and(|t| {
                    t.end == token.start && is_title_abbreviation(&body[t.start..t.end])
                });
            sentence = !title_period && sentence_after(c, sentence) || newline;
        }
        tokens.push(token);
        space = false;
        newline = false;
    }
    tokens
}

/// Shape tests on a word's text.
pub mod shape {
    /// First character is upper case.
    pub fn capitalised(text: &str) -> bool {
        text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Two or more letters, all upper case ("CPC", "U.S").
    pub fn all_caps(text: &str) -> bool {
        let mut letters = 0;
        for c in text.chars() {
            if c.is_lowercase() {
                return false;
            }
            if c.is_alphabetic() {
                letters += 1;
            }
        }
        letters >= 2
    }

    /// Inner capitals after a lower-case letter ("CloudWalk", "iFlytek", "KrASIA").
    pub fn camel(text: &str) -> bool {
        if text.is_ascii() {
            let bytes = text.as_bytes();
            return match bytes.iter().position(u8::is_ascii_lowercase) {
                Some(first_lower) => bytes[first_lower..].iter().any(u8::is_ascii_uppercase),
                None => false,
            };
        }
        let mut seen_lower = false;
        for c in text.chars() {
            if c.is_uppercase() && seen_lower {
                return true;
            }
            seen_lower |= c.is_lowercase();
        }
        false
    }

    /// Looks like part of a name: capitalised, all caps, camel case, or digits then capitals ("36KR").
    pub fn name_like(text: &str) -> bool {
        let Some(&b) = text.as_bytes().first() else {
            return false;
        };
        if b.is_ascii_uppercase() {
            return true;
        }
        if b.is_ascii_lowercase() {
            // Camel case: a capital after the first (lower-case) letter; one pass
            // while the text stays ASCII.
            for &c in &text.as_bytes()[1..] {
                if c.is_ascii_uppercase() {
                    return true;
                }
                if !c.is_ascii() {
                    return camel(text);
                }
            }
            return false;
        }
        if b.is_ascii_digit() {
            let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
            return rest.chars().nth(1).is_some()
                && rest.chars().next().is_some_and(char::is_uppercase);
        }
        match text.chars().next() {
            Some(c) if c.is_uppercase() => true,
            Some(c) if c.is_lowercase() => camel(text),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_period_of_a_title_ends_no_sentence() {
        let body = "Mr. He Ming spoke. He left.";
        let tokens = tokenize(body);
        let starts: Vec<&str> = tokens
            .iter()
            .filter(|t| t.sentence_start)
            .map(|t| &body[t.start..t.end])
            .collect();
        assert_eq!(starts, ["Mr", "He"]);
        assert_eq!(
            tokens
                .iter()
                .filter(|t| t.sentence_start)
                .nth(1)
                .map(|t| t.start),
            Some(19)
        );
    }

    fn words(body: &str) -> Vec<&str> {
        tokenize(body).iter().map(|t| t.text(body)).collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        assert_eq!(
            words("Foo Bar's 2,200 units (AB) cost 7.3 yuan."),
            vec![
                "Foo", "Bar", "2,200", "units", "(", "AB", ")", "cost", "7.3", "yuan", "."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_and_inner_apostrophes() {
        assert_eq!(
            words("the U.S. and Xi'an"),
            vec!["the", "U.S", ".", "and", "Xi'an"]
        );
        assert_eq!(words("M&S and R&D"), vec!["M&S", "and", "R&D"]);
        assert_eq!(
            words("see a.example.cn now"),
            vec!["see", "a.example.cn", "now"]
        );
    }

    #[test]
    fn splits_a_missing_space_after_a_full_stop() {
        assert_eq!(
            words("on Friday.Anna Lee"),
            vec!["on", "Friday", ".", "Anna", "Lee"]
        );
    }

    #[test]
    fn splits_words_glued_where_a_space_was_lost() {
        assert_eq!(
            words("north China'sZorbu Provinceand ZorbiaProvince"),
            vec![
                "north", "China", "Zorbu", "Province", "and", "Zorbia", "Province"
            ]
        );
        let body = "China'sZorbu";
        let t = tokenize(body);
        assert!(t[0].possessive && !t[1].space_before);
        // Names written in one word stay whole.
        assert_eq!(
            words("SimCity Provincetown Cityscape O'Sullivan's PetroChina"),
            vec![
                "SimCity",
                "Provincetown",
                "Cityscape",
                "O'Sullivan",
                "PetroChina"
            ]
        );
    }

    #[test]
    fn marks_possessives_and_sentence_starts() {
        let body = "Qux's plan. Then Zed\nNew line";
        let t = tokenize(body);
        assert!(t[0].possessive && t[0].sentence_start);
        assert_eq!(t[0].text(body), "Qux");
        let then = t.iter().find(|t| t.text(body) == "Then").unwrap();
        assert!(then.sentence_start);
        let zed = t.iter().find(|t| t.text(body) == "Zed").unwrap();
        assert!(!zed.sentence_start);
        let new = t.iter().find(|t| t.text(body) == "New").unwrap();
        assert!(new.sentence_start && new.newline_before);
    }

    #[test]
    fn hyphens_are_separate_tokens() {
        let body = "Foo-based High-tech";
        let t = tokenize(body);
        assert_eq!(words(body), vec!["Foo", "-", "based", "High", "-", "tech"]);
        assert!(!t[1].space_before && !t[2].space_before);
    }

    #[test]
    fn the_name_like_flag_agrees_with_the_shape_test() {
        let body = "Zorb iFlytek the 36KR 4th ÉCOLE école éCole x\u{2019}Y d\u{2019}Or \
                    KrASIA U.S. a.B.c M&S Xi'an 中国 ΑΘΗΝΑ mcDonald's 2,200 7.3 R2-D2 naïVe";
        let tokens = tokenize(body);
        assert!(tokens.iter().any(|t| t.name_like));
        for t in tokens {
            let text = t.text(body);
            assert_eq!(t.name_like, t.is_word() && shape::name_like(text), "{text}");
        }
    }

    #[test]
    fn shapes() {
        assert!(shape::camel("CloudWalk") && shape::camel("iFlytek") && !shape::camel("Cloud"));
        assert!(shape::all_caps("CPC") && shape::all_caps("U.S") && !shape::all_caps("A"));
        assert!(shape::name_like("36KR") && !shape::name_like("4th") && shape::name_like("iCloud"));
    }
}
