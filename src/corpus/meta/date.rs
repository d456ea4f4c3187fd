//! Dates in the forms news pages write them, to ISO 8601: `2016-09-29`, `2016/9/29`,
//! `2016年9月29日`, `September 29, 2016`, `29 Sept. 2016`, `Sept 2016` (to `2016-09`),
//! unambiguous `29/09/2016`, and ISO timestamps.

use regex::Regex;
use std::sync::LazyLock;

use crate::corpus::pattern::compile as regex;

const MONTH: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

static YMD: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:日|T|\b)"));
static DMY_NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b"));
static MDY: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(\d{{4}})\b"
    ))
});
/// "2006-June-26", "2006-Jun-26", "2019/Aug/14": a year, a month named in letters and
/// a day, joined by hyphens or slashes.
static YMD_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b(\d{{4}})\s*([-/])\s*{MONTH}\s*([-/])\s*(\d{{1,2}})\b"
    ))
});
/// "29 Sept. 2016", "14-Aug-2019", "14 Aug, 2019".
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-){MONTH}(?:,?\s+|-)(\d{{4}})\b"
    ))
});
/// Month names of the other languages news portals in Latin script write dates in
/// (French, Spanish, Portuguese, Italian, German), January first; read only in a
/// full day-month-year date ("26 Octobre 2021", "3 de marzo de 2020").
const FOREIGN_MONTHS: [&[&str]; 12] = [
    &["janvier", "enero", "janeiro", "gennaio", "januar"],
    &[
        "février",
        "fevrier",
        "febrero",
        "fevereiro",
        "febbraio",
        "februar",
    ],
    &["mars", "marzo", "março", "marco", "märz", "marz"],
    &["avril", "abril", "aprile"],
    &["mai", "mayo", "maio", "maggio"],
    &["juin", "junio", "junho", "giugno", "juni"],
    &["juillet", "julio", "julho", "luglio", "juli"],
    &["août", "aout", "agosto"],
    &["septembre", "septiembre", "setembro", "settembre"],
    &["octobre", "octubre", "outubro", "ottobre", "oktober"],
    &["novembre", "noviembre", "novembro"],
    &[
        "décembre",
        "decembre",
        "diciembre",
        "dezembro",
        "dicembre",
        "dezember",
    ],
];

/// "26 Octobre 2021", "3 de marzo de 2020", "5. März 2019": a day, a month named in
/// another language ([`FOREIGN_MONTHS`]) and a year.
static DMY_FOREIGN: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(\d{1,2})(?:er)?\.?\s+(?:de\s+)?(\p{L}{3,10})\s+(?:de\s+)?(\d{4})\b")
});

/// Weekday names in the languages of [`FOREIGN_MONTHS`] (French, Spanish,
/// Portuguese, Italian, German), as date lines open with them ("Samstag, 3. März
/// 2019", "sábado, 3 de marzo de 2019").
const FOREIGN_WEEKDAYS: &[&str] = &[
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "miercoles",
    "jueves",
    "viernes",
    "sábado",
    "sabado",
    "domingo",
    "segunda-feira",
    "terça-feira",
    "terca-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "lunedì",
    "lunedi",
    "martedì",
    "martedi",
    "mercoledì",
    "mercoledi",
    "giovedì",
    "giovedi",
    "venerdì",
    "venerdi",
    "sabato",
    "domenica",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
];

/// A weekday's name: an English word opening with a day's first three letters
/// ("Wed", "Thurs.", "Saturday,"), or a full name in another language
/// ([`FOREIGN_WEEKDAYS`]).
pub(crate) fn is_weekday(word: &str) -> bool {
    let word = word
        .trim_matches(|c: char| !c.is_alphabetic() && c != '-')
        .to_lowercase();
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .any(|d| word.starts_with(d))
        || FOREIGN_WEEKDAYS.contains(&word.as_str())
}

/// The number of a month named in another language ([`FOREIGN_MONTHS`]).
pub(crate) fn foreign_month(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    FOREIGN_MONTHS
        .iter()
        .position(|names| names.contains(&lower.as_str()))
        .map(|i| i as u32 + 1)
}

static MY: LazyLock<Regex> = LazyLock::new(|| regex(&format!(r"(?i)\b{MONTH},?\s+(\d{{4}})\b")));
static YM_CJK: LazyLock<Regex> = LazyLock::new(|| regex(r"(\d{4})年\s*(\d{1,2})月"));
static YEAR: LazyLock<Regex> = LazyLock::new(|| regex(r"\b(19\d{2}|20\d{2}|2100)\b"));

/// English month names, lower case, January first.
const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    MONTH_NAMES
        .iter()
        .position(|m| lower.starts_with(&m[..3]))
        .map(|i| i as u32 + 1)
}

/// "Jun Wed 2024", "Wednesday 2024 June": a line of a month, a weekday and a year
/// in any order and nothing else (a page's date widget without its day): the month,
/// written "2024-06".
pub(crate) fn month_weekday_year(text: &str) -> Option<String> {
    let tokens: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '/')
        .filter(|t| !t.is_empty())
        .map(|t| t.trim_end_matches('.').to_lowercase())
        .collect();
    if tokens.len() != 3 {
        return None;
    }
    let month = tokens.iter().find_map(|t| {
        MONTH_NAMES
            .iter()
            .position(|m| t.len() >= 3 && (m.starts_with(t.as_str()) || t == "sept"))
            .map(|i| if t == "sept" { 9 } else { i as u32 + 1 })
    })?;
    let year = tokens
        .iter()
        .find(|t| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))?
        .parse::<u32>()
        .ok()
        .filter(|&y| valid_year(y))?;
    let weekday = tokens.iter().any(|t| {
        t.chars().all(char::is_alphabetic)
            && is_weekday(t)
            && !MONTH_NAMES.iter().any(|m| m.starts_with(t.as_str()))
    });
    weekday.then(|| format!("{year:04}-{month:02}"))
}

fn valid_year(y: u32) -> bool {
    (1900..=2100).contains(&y)
}

fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    let days = match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    (valid_year(y) && (1..=days).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn num(caps: &regex::Captures, i: usize) -> u32 {
    caps.get(i)
        .and_then(|m| m.as_str().parse().ok())
        .unwrap_or(0)
}

/// The earliest-placed full date (day precision) in the text, or else a month and year.
pub(crate) fn find(text: &str) -> Option<String> {
    full_date(text).map(|(_, d)| d).or_else(|| month_year(text))
}

/// The earliest-placed full date in the text and the byte range it takes.
pub(crate) fn full_date(text: &str) -> Option<(std::ops::Range<usize>, String)> {
    full_dates(text).into_iter().next()
}

/// The date `iso` as the text writes it ("Updated:Feb 01,2019 14:42" and
/// "2019-02-01" give "Feb 01,2019"): the first full date in the text that reads as
/// `iso`.
pub(crate) fn written<'a>(text: &'a str, iso: &str) -> Option<&'a str> {
    full_dates(text)
        .into_iter()
        .find(|(_, d)| d == iso)
        .and_then(|(span, _)| text.get(span))
}

/// Every full date in the text and the byte range it takes, earliest first.
fn full_dates(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    let span = |caps: &regex::Captures| caps.get(0).map_or((0, 0), |m| (m.start(), m.end()));
    for caps in YMD.captures_iter(text) {
        if let Some(d) = ymd(num(&caps, 1), num(&caps, 2), num(&caps, 3)) {
            let (a, b) = span(&caps);
            found.push((a, b, d));
        }
    }
    for caps in YMD_NAMED.captures_iter(text) {
        let m = month_number(&caps[3]).unwrap_or(0);
        if caps[2] == caps[4]
            && let Some(d) = ymd(num(&caps, 1), m, num(&caps, 5))
        {
            let (a, b) = span(&caps);
            found.push((a, b, d));
        }
    }
    for caps in MDY.captures_iter(text) {
        let m = month_number(&caps[1]).unwrap_or(0);
        if let Some(d) = ymd(num(&caps, 3), m, num(&caps, 2)) {
            let (a, b) = span(&caps);
            found.push((a, b, d));
        }
    }
    for caps in DMY.captures_iter(text) {
        let m = month_number(&caps[2]).unwrap_or(0);
        if let Some(d) = ymd(num(&caps, 3), m, num(&caps, 1)) {
            let (a, b) = span(&caps);
            found.push((a, b, d));
        }
    }
    for caps in DMY_FOREIGN.captures_iter(text) {
        let m = foreign_month(&caps[2]).unwrap_or(0);
        if let Some(d) = ymd(num(&caps, 3), m, num(&caps, 1)) {
            let (a, b) = span(&caps);
            found.push((a, b, d));
        }
    }
    for caps in DMY_NUMERIC.captures_iter(text) {
        if let Some(d) = numeric(num(&caps, 1), num(&caps, 2), num(&caps, 3)) {
            let (a, b) = span(&caps);
            found.push((a, b, d));
        }
    }
    found.sort();
    found.into_iter().map(|(a, b, d)| (a..b, d)).collect()
}

/// `a/b/yyyy`: read only when one side cannot be a month.
fn numeric(a: u32, b: u32, y: u32) -> Option<String> {
    match (a > 12, b > 12) {
        (true, false) => ymd(y, b, a),
        (false, true) => ymd(y, a, b),
        _ => None,
    }
}

fn month_year(text: &str) -> Option<String> {
    if let Some(caps) = MY.captures(text) {
        let y = num(&caps, 2);
        if let Some(m) = month_number(&caps[1]).filter(|_| valid_year(y)) {
            return Some(format!("{y:04}-{m:02}"));
        }
    }
    let caps = YM_CJK.captures(text)?;
    let (y, m) = (num(&caps, 1), num(&caps, 2));
    (valid_year(y) && (1..=12).contains(&m)).then(|| format!("{y:04}-{m:02}"))
}

/// "August 05,20 2:54 PM": a month, a day and a two-digit year glued after the
/// comma, then a time of day. Read only after a date label, where nothing else can
/// follow the day.
static MDY_SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)^{MONTH}\s+(\d{{1,2}}),\s*(\d{{2}})(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?m\.?)?)?$"
    ))
});

/// "24-03-18 11:17": a two-digit year, month and day joined by hyphens, in ISO
/// order, maybe with a time of day. Read only after a date label.
static YMD_SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^(\d{2})-(\d{1,2})-(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?$")
});

/// A labelled date with a two-digit year ([`MDY_SHORT_YEAR`], [`YMD_SHORT_YEAR`]):
/// 00-69 are 2000-2069, 70-99 are 1970-1999. Digits joined by hyphens are read in
/// ISO order (year, month, day), as a full ISO date with its century cut off;
/// pages that put the day first write it with slashes or dots, which stay unread
/// (03/04/05 could be any of three dates).
pub(crate) fn short_year(text: &str) -> Option<String> {
    let century = |yy: u32| if yy < 70 { 2000 + yy } else { 1900 + yy };
    if let Some(caps) = YMD_SHORT_YEAR.captures(text.trim()) {
        return ymd(century(num(&caps, 1)), num(&caps, 2), num(&caps, 3));
    }
    let caps = MDY_SHORT_YEAR.captures(text.trim())?;
    ymd(
        century(num(&caps, 3)),
        month_number(&caps[1])?,
        num(&caps, 2),
    )
}

/// "13-17 November ...", "Nov 13-17 ...": a date range opening the text (an event banner).
pub(crate) fn starts_with_range(text: &str) -> bool {
    RANGE.is_match(text)
}

static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)^(\d{{1,2}}\s*[-–]\s*\d{{1,2}}\s+{MONTH}|{MONTH}\s+\d{{1,2}}\s*[-–]\s*\d{{1,2}}\b)"
    ))
});

/// A wire dateline opening a paragraph: a place, maybe a country or region after a
/// comma, then a month and day, maybe a year, an agency in brackets and a dash
/// ("PORTVILLE, Ruritania, Sept 12 ", "PORTVILLE, May 3, 2021 (Wire) --",
/// "Portville, Ruritania, Sept 12"). A place in capitals may stand alone; one in
/// mixed case needs the country or region after it, or to be a listed place, so
/// that a sentence ("Monday, May 3 was ...") is not read as one.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?P<place>[A-Z][A-Z.'-]+(?:[ /][A-Z][A-Z.'-]+){0,3}|[A-Z][a-z.'-]+(?:[ /][A-Z][a-z.'-]+){0,2}),(?P<region>\s*[A-Z][a-z.'-]+(?:\s+[A-Z][a-z.'-]+){0,2},)?\s*(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b(?:,?\s+\d{4}\b)?(?:\s*\([A-Za-z][A-Za-z .&'-]{1,40}\)|\s*/[A-Za-z][A-Za-z .&'-]{1,40}/)?(?:\s*(?:--|[-\u{2013}\u{2014}:]))?\s*",
    )
});

/// The length of a wire dateline opening the text, if there is one.
pub(crate) fn dateline_len(text: &str) -> Option<usize> {
    let caps = DATELINE.captures(text)?;
    let place = caps.name("place")?.as_str();
    let capitals = !place.chars().any(char::is_lowercase);
    let listed = || {
        matches!(
            crate::extract::gazetteer::gazetteer().lookup(place),
            Some((_, crate::extract::gazetteer::Entry::Place { .. }))
        )
    };
    (capitals || caps.name("region").is_some() || listed())
        .then(|| caps.get(0).map_or(0, |m| m.end()))
}

/// The full date of a wire dateline opening the text, when it states the year
/// ("PORTVILLE, Ruritania, Oct. 13, 2021 /Wire/ -- ...").
pub(crate) fn dateline_date(text: &str) -> Option<String> {
    let n = dateline_len(text)?;
    full_date(&text[..n]).map(|(_, d)| d)
}

/// A place in capitals and an ISO date, as wire copy heads a story ("PORTVILLE
/// 1996-08-30").
static ISO_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^[A-Z][A-Z.'-]+(?:[ /][A-Z][A-Z.'-]+){0,3}(?:,\s*[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){0,2})?,?\s+\d{4}-\d{2}-\d{2}$",
    )
});

/// A line that is a wire dateline and nothing more ("PORTVILLE, Ruritania, Sept 12",
/// "PORTVILLE 1996-08-30").
pub(crate) fn is_dateline(text: &str) -> bool {
    let text = text.trim();
    dateline_len(text).is_some_and(|n| n == text.len()) || ISO_DATELINE.is_match(text)
}

/// The last plausible year in the text ("1995-2018" gives 2018).
pub(crate) fn year(text: &str) -> Option<String> {
    YEAR.find_iter(text).last().map(|m| m.as_str().to_string())
}

/// A stated date (meta tag, JSON field) to ISO: a full date, a month, or a bare year.
pub(crate) fn normalise(text: &str) -> Option<String> {
    find(text).or_else(|| {
        let t = text.trim();
        (t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()))
            .then(|| year(t))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_found_as_the_text_writes_it() {
        let line = "Updated:Feb 01,2019 14:42 PM Example Today";
        assert_eq!(written(line, "2019-02-01"), Some("Feb 01,2019"));
        assert_eq!(
            written("29/06/2024 | Press release", "2024-06-29"),
            Some("29/06/2024")
        );
        // The date asked for, not the first one.
        assert_eq!(
            written("Posted 2021-05-03, updated 2021-05-04", "2021-05-04"),
            Some("2021-05-04")
        );
        assert_eq!(written(line, "2019-02-02"), None);
    }

    #[test]
    fn a_two_digit_year_after_the_day_and_before_a_time() {
        assert_eq!(
            short_year("March 04,21 9:05 AM").as_deref(),
            Some("2021-03-04")
        );
        assert_eq!(short_year("May 3,98").as_deref(), Some("1998-05-03"));
        // Not inside a sentence, and not a day with nothing after the comma.
        assert_eq!(short_year("May 3, 20 people came"), None);
        assert_eq!(short_year("May 3"), None);
    }

    #[test]
    fn a_two_digit_year_first_joined_by_hyphens() {
        assert_eq!(short_year("19-07-05 08:41").as_deref(), Some("2019-07-05"));
        assert_eq!(short_year("98-11-30").as_deref(), Some("1998-11-30"));
        // Not an impossible month, not slashes or dots (the day may come first),
        // not inside a sentence or a telephone number.
        assert_eq!(short_year("19-13-05"), None);
        assert_eq!(short_year("05/07/19"), None);
        assert_eq!(short_year("05.07.19"), None);
        assert_eq!(short_year("19-07-05 ships came"), None);
        assert_eq!(short_year("0551-6517-203"), None);
    }

    #[test]
    fn weekdays_in_english_and_other_languages() {
        for day in [
            "Wed",
            "Thurs.",
            "Saturday,",
            "Samstag,",
            "sábado",
            "quarta-feira",
        ] {
            assert!(is_weekday(day), "{day}");
        }
        for word in ["We", "Sam", "Harbour", "Morgen"] {
            assert!(!is_weekday(word), "{word}");
        }
    }

    #[test]
    fn a_year_a_month_in_letters_and_a_day() {
        assert_eq!(
            find("Updated: 2011-March-09 08:15:02").as_deref(),
            Some("2011-03-09")
        );
        assert_eq!(find("2011-Sep-9").as_deref(), Some("2011-09-09"));
        assert_eq!(find("2011/Sept/19").as_deref(), Some("2011-09-19"));
        // Mixed separators or an impossible day are not read so.
        assert_eq!(find("2011-March/09"), None);
        assert_eq!(find("2011-Feb-30"), None);
    }

    #[test]
    fn a_dateline_with_its_year_dates_the_story() {
        assert_eq!(
            dateline_date("PORTVILLE, Ruritania, Oct. 13, 2021 /Example Wire/ -- The port grew.")
                .as_deref(),
            Some("2021-10-13")
        );
        assert_eq!(
            dateline_date("PORTVILLE, Oct. 13 (Wire) -- The port grew."),
            None
        );
        assert_eq!(dateline_date("The port grew on Oct. 13, 2021."), None);
    }

    #[test]
    fn day_month_year_with_a_month_in_another_language() {
        assert_eq!(
            find("Par Ann - 26 Octobre 2021").as_deref(),
            Some("2021-10-26")
        );
        assert_eq!(find("3 de marzo de 2020").as_deref(), Some("2020-03-03"));
        // A month and year alone, or an English word, is not read so.
        assert_eq!(find("Mars 2020 rover"), None);
        assert_eq!(find("12 apples 2020"), None);
    }

    #[test]
    fn iso_and_timestamps() {
        assert_eq!(
            find("Updated: 2016-09-29 09:23").as_deref(),
            Some("2016-09-29")
        );
        assert_eq!(
            find("2021-05-06T07:08:09+08:00").as_deref(),
            Some("2021-05-06")
        );
        assert_eq!(find("Release Date:2019-4-9").as_deref(), Some("2019-04-09"));
        assert_eq!(find("2019/04/19").as_deref(), Some("2019-04-19"));
        assert_eq!(find("2019年4月19日 10:00").as_deref(), Some("2019-04-19"));
    }

    #[test]
    fn written_months() {
        assert_eq!(
            find("Published on September 29, 2016").as_deref(),
            Some("2016-09-29")
        );
        assert_eq!(
            find("Thu 29 Sept. 2016 10.05 BST").as_deref(),
            Some("2016-09-29")
        );
        assert_eq!(find("March 3rd 2020").as_deref(), Some("2020-03-03"));
        assert_eq!(find("In May 2018 the port").as_deref(), Some("2018-05"));
    }

    #[test]
    fn saved_page_header_forms() {
        assert_eq!(
            find("Updated 14:59, 14-Aug-2019").as_deref(),
            Some("2019-08-14")
        );
        assert_eq!(
            find("Updated: Aug 24,2019 04:32 PM").as_deref(),
            Some("2019-08-24")
        );
        assert_eq!(find("14 Aug, 2019").as_deref(), Some("2019-08-14"));
        assert_eq!(find("Room 14-Aug").as_deref(), None);
    }

    #[test]
    fn numeric_only_when_unambiguous() {
        assert_eq!(find("29/09/2016").as_deref(), Some("2016-09-29"));
        assert_eq!(find("09/29/2016").as_deref(), Some("2016-09-29"));
        assert_eq!(find("03/04/2016"), None);
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert_eq!(find("2016-13-01"), None);
        assert_eq!(find("2016-02-30"), None);
        assert_eq!(find("Version 1.2.3"), None);
        assert_eq!(find("May"), None);
    }

    #[test]
    fn ranges() {
        assert!(starts_with_range("13- 17 November 2019 Expo Centre"));
        assert!(starts_with_range("Nov 13-17, 2019"));
        assert!(!starts_with_range("13 November 2019"));
    }

    #[test]
    fn wire_datelines() {
        assert!(is_dateline("PORTVILLE, Ruritania, Sept 12"));
        assert!(is_dateline("NEW PORTVILLE 1996-08-30"));
        assert!(is_dateline("PORTVILLE, Ruritania 1996-08-29"));
        assert!(!is_dateline("Portville 1996-08-30 was a good day"));
        assert!(is_dateline("NEW PORT, May 3, 2021 (Wire Agency) --"));
        let lead = "PORTVILLE, Ruritania, Sept 12 Sales of ships rose.";
        assert_eq!(
            dateline_len(lead).map(|n| &lead[n..]),
            Some("Sales of ships rose.")
        );
        // Mixed case with a country or region after the place.
        assert!(is_dateline("Portville, Ruritania, Sept 12"));
        assert!(is_dateline("Quxton, Ruritania, Sept. 12, 2019 (Wire) --"));
        // A sentence, a capitalised name or a place without a month is no dateline.
        assert!(!is_dateline("Portville, Sept 12"));
        assert!(!is_dateline("Monday, Sept 12"));
        assert!(!is_dateline("PORTVILLE, Ruritania"));
        assert_eq!(dateline_len("THE PORT, Mayors met on Monday."), None);
        assert!(!is_dateline("PORTVILLE, Sept 12 Sales of ships rose."));
    }

    #[test]
    fn a_month_a_weekday_and_a_year_in_any_order() {
        assert_eq!(
            month_weekday_year("Jun Wed 2024").as_deref(),
            Some("2024-06")
        );
        assert_eq!(
            month_weekday_year("Friday, 2019 March").as_deref(),
            Some("2019-03")
        );
        assert_eq!(month_weekday_year("Jun 12 2024"), None);
        assert_eq!(month_weekday_year("Port reopens 2024"), None);
        assert_eq!(month_weekday_year("Wed Jun 12 2024"), None);
    }

    #[test]
    fn years() {
        assert_eq!(year("Copyright © 1995-2018 X").as_deref(), Some("2018"));
        assert_eq!(normalise("2018").as_deref(), Some("2018"));
        assert_eq!(normalise("soon"), None);
    }
}
