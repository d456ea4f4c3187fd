//! Dates and times: ISO dates ("2016-09-29"), year ranges ("2021-2025"), months with
//! days or years ("March 28", "Sept 17 to 19", "September 2018"), qualified months and
//! years ("late June", "mid-June", "early 2018"), weekdays, "last month", bare years.

use super::doc::Doc;
use super::figures::Range;
use super::token::TokenKind;
use super::words::{MONTHS, WEEKDAYS, among, mark_initials};

const QUALIFIERS: &[&str] = &[
    "early",
    "late",
    "mid",
    "Early",
    "Late",
    "Mid",
    "end",
    "beginning",
];
const RELATIVE: &[&str] = &[
    "last", "next", "this", "Last", "Next", "This", "past", "coming",
];
const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];
const PERIODS: &[&str] = &[
    "month", "year", "week", "quarter", "decade", "weekend", "spring", "summer", "autumn", "fall",
    "winter",
];

fn number<'a>(doc: &Doc<'a>, i: usize) -> Option<&'a str> {
    doc.tokens
        .get(i)
        .filter(|t| t.kind == TokenKind::Number)
        .map(|t| t.text(doc.body))
}

fn word<'a>(doc: &Doc<'a>, i: usize) -> Option<&'a str> {
    doc.tokens
        .get(i)
        .filter(|t| t.is_word())
        .map(|t| t.text(doc.body))
}

fn is_year(text: &str) -> bool {
    text.len() == 4
        && text
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

fn is_day(text: &str) -> bool {
    text.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)) && text.len() <= 2
}

fn attached(doc: &Doc, i: usize, c: char) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| t.is_punct(c) && !t.space_before)
        && doc.tokens.get(i + 1).is_some_and(|t| !t.space_before)
}

/// "2016-09-29" or "2021-2025" starting at a year token.
fn numeric(doc: &Doc, i: usize) -> Option<usize> {
    let year = number(doc, i).filter(|t| is_year(t))?;
    if attached(doc, i + 1, '-')
        && let Some(next) = number(doc, i + 2)
    {
        if is_year(next) && year < next {
            return Some(i + 2);
        }
        if next.len() == 2
            && attached(doc, i + 3, '-')
            && number(doc, i + 4).is_some_and(|d| d.len() == 2)
        {
            return Some(i + 4);
        }
    }
    Some(i)
}

/// "March 28", "Sept 17 to 19", "September 2018", "March 28, 2019".
fn month(doc: &Doc, i: usize) -> Option<usize> {
    let m = word(doc, i)?;
    if !among!(MONTHS, m) {
        return None;
    }
    let mut j = i + 1;
    if doc
        .tokens
        .get(j)
        .is_some_and(|t| t.is_punct('.') && !t.space_before)
    {
        j += 1;
    }
    if let Some(d) = number(doc, j) {
        if is_year(d) {
            return Some(j);
        }
        if is_day(d) {
            let mut end = j;
            let to = word(doc, j + 1) == Some("to") || attached(doc, j + 1, '-');
            if to && number(doc, j + 2).is_some_and(is_day) {
                end = j + 2;
            }
            if doc.tokens.get(end + 1).is_some_and(|t| t.is_punct(','))
                && number(doc, end + 2).is_some_and(is_year)
            {
                end += 2;
            }
            return Some(end);
        }
    }
    let before = i.checked_sub(1).and_then(|p| word(doc, p)).unwrap_or("");
    let qualified =
        among!(QUALIFIERS, before) || matches!(before, "in" | "since" | "until" | "by" | "of");
    (m != "May" && m.len() > 3 || qualified).then_some(i)
}

/// Start of a qualified date ("late June", "mid-June", "early 2018"): the qualifier token.
fn qualified(doc: &Doc, i: usize) -> Option<usize> {
    let q = word(doc, i)?;
    if !among!(QUALIFIERS.split_at(6).0, q) {
        return None;
    }
    let next = if attached(doc, i + 1, '-') {
        i + 2
    } else {
        i + 1
    };
    if number(doc, next).is_some_and(is_year) || word(doc, next).is_some_and(|w| among!(MONTHS, w))
    {
        return Some(next);
    }
    None
}

/// "first half of the year", "second half of 2020", "third quarter of 2021", "the fourth quarter".
fn part_of_year(doc: &Doc, i: usize) -> Option<usize> {
    let ordinal = word(doc, i)?;
    if !ORDINALS.iter().any(|o| o.eq_ignore_ascii_case(ordinal)) {
        return None;
    }
    let part = word(doc, i + 1)?;
    if !matches!(part, "half" | "quarter") {
        return None;
    }
    if word(doc, i + 2) != Some("of") {
        return (part == "quarter").then_some(i + 1);
    }
    if number(doc, i + 3).is_some_and(is_year) {
        return Some(i + 3);
    }
    (word(doc, i + 3) == Some("the") && word(doc, i + 4) == Some("year")).then_some(i + 4)
}

/// Plural periods counted in a relative date.
const PERIODS_PLURAL: &[&str] = &["days", "weeks", "months", "years", "decades", "quarters"];
/// Small counts spelled out in a relative date.
const COUNTS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "few",
];

/// "last May", "the past three years", "two years ago": a date relative to the story.
fn relative_span(doc: &Doc, i: usize) -> Option<usize> {
    let counted = |k: usize| {
        (number(doc, k).is_some_and(|n| n.len() <= 3)
            || word(doc, k).is_some_and(|w| among!(COUNTS, w)))
            && word(doc, k + 1).is_some_and(|p| among!(PERIODS_PLURAL, p))
    };
    let w = word(doc, i).unwrap_or("");
    if among!(RELATIVE, w) {
        if word(doc, i + 1).is_some_and(|m| among!(MONTHS, m) && m.len() > 2) {
            return Some(i + 1);
        }
        if matches!(w, "past" | "last" | "next" | "coming") && counted(i + 1) {
            return Some(i + 2);
        }
        return None;
    }
    (counted(i) && word(doc, i + 2) == Some("ago")).then_some(i + 2)
}

/// First bytes of every word that may begin a date rule, built from the lists at
/// compile time (ordinals in either case), so that most words are turned away by
/// one table load before their text is even sliced.
static DATE_INITIALS: [bool; 256] = {
    let mut table = [false; 256];
    let lists: [&[&str]; 5] = [MONTHS, WEEKDAYS, RELATIVE, QUALIFIERS, COUNTS];
    let mut l = 0;
    while l < lists.len() {
        table = mark_initials(table, lists[l], false);
        l += 1;
    }
    mark_initials(table, &ORDINALS, true)
};

/// Cheap test before the rules: a number, a capitalised word, or a qualifier.
fn may_start_date(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Word => {
            let first = doc.body.as_bytes()[t.start];
            if !DATE_INITIALS[usize::from(first)] {
                return false;
            }
            let text = t.text(doc.body);
            let shaped = first.is_ascii_uppercase()
                || matches!(
                    first,
                    b'b' | b'c' | b'e' | b'f' | b'l' | b'm' | b'n' | b'p' | b's' | b't'
                ) && matches!(
                    text,
                    "early"
                        | "late"
                        | "mid"
                        | "end"
                        | "beginning"
                        | "last"
                        | "next"
                        | "this"
                        | "past"
                        | "coming"
                        | "first"
                        | "second"
                        | "third"
                        | "fourth"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "several"
                        | "few"
                );
            // Only these words can begin any of the rules below.
            shaped
                && (among!(MONTHS, text)
                    || among!(COUNTS, text)
                    || among!(WEEKDAYS, text)
                    || among!(RELATIVE, text)
                    || among!(QUALIFIERS.split_at(6).0, text)
                    || ((5..=6).contains(&text.len())
                        && ORDINALS.iter().any(|o| o.eq_ignore_ascii_case(text))))
        }
        TokenKind::Punct(_) => false,
    }
}

/// Every date in the body, as byte ranges.
pub fn dates(doc: &Doc) -> Vec<Range> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        if !may_start_date(doc, i) {
            i += 1;
            continue;
        }
        let start = doc.tokens[i].start;
        let mut found = None;
        if let Some(core) = qualified(doc, i) {
            found = month(doc, core).or_else(|| numeric(doc, core));
        }
        if found.is_none() {
            found = part_of_year(doc, i);
        }
        if found.is_none() {
            let w = word(doc, i).unwrap_or("");
            if among!(WEEKDAYS, w) {
                found = Some(i);
            } else if among!(RELATIVE, w) && word(doc, i + 1).is_some_and(|p| among!(PERIODS, p)) {
                found = Some(i + 1);
            } else if let Some(end) = relative_span(doc, i) {
                found = Some(end);
            } else {
                found = month(doc, i).or_else(|| numeric(doc, i));
            }
        }
        match found {
            Some(end) => {
                out.push((start, doc.tokens[end].end));
                i = end + 1;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<&str> {
        let doc = Doc::new(body);
        dates(&doc).into_iter().map(|(s, e)| &body[s..e]).collect()
    }

    #[test]
    fn numeric_dates_and_ranges() {
        assert_eq!(
            texts("Posted 2019-03-07 for 2026-2030."),
            vec!["2019-03-07", "2026-2030"]
        );
    }

    #[test]
    fn months() {
        assert_eq!(
            texts("on April 3 and in October 2021"),
            vec!["April 3", "October 2021"]
        );
        assert_eq!(texts("from Oct 2 to 5"), vec!["Oct 2 to 5"]);
        assert_eq!(texts("May I help? It rained in May."), vec!["May"]);
    }

    #[test]
    fn qualified_and_relative() {
        assert_eq!(
            texts("by late March, early 2021 and mid-July"),
            vec!["late March", "early 2021", "mid-July"]
        );
        assert_eq!(
            texts("Last month and on Sunday"),
            vec!["Last month", "Sunday"]
        );
        assert_eq!(
            texts("in the first half of the year"),
            vec!["first half of the year"]
        );
        assert_eq!(
            texts("its third quarter of 2021"),
            vec!["third quarter of 2021"]
        );
        assert_eq!(
            texts("since last May, in the past three years and two years ago, not two years"),
            vec!["last May", "past three years", "two years ago"]
        );
    }

    #[test]
    fn bare_years_but_not_other_numbers() {
        assert_eq!(texts("Founded in 1999 with 2,000 staff"), vec!["1999"]);
    }
}
