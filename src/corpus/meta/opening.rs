//! Metadata glued to the first lines of a saved article, cut off before the head
//! is read: a credit in brackets opening the lead ("(example.net, Dec19’19) –
//! The ..."), a header row glued to the lead ("example.cn | Updated:2025-02-12 |
//! Ann LeeThe ..."), a labelled title after a cut dateline (", Portville, June
//! 13th. Title: Headline"), and a wire dateline that only introduces the story
//! ("PORTVILLE, May 3, 2025 /Wire/ — A report from example.com:").

use super::byline::{self, Byline};
use super::{date, name, source};
use crate::corpus::clean::line::{Line, Role, has_sentence, words};
use regex::Regex;
use std::sync::LazyLock;

use crate::corpus::pattern::compile as regex;

/// Body lines from the top looked at.
const REACH: usize = 4;

/// Fewest words of the story left after a cut: a lead paragraph, not a fragment.
const MIN_STORY_WORDS: usize = 8;

/// "(Outlet, DATE) – Story": an outlet and a date in brackets, then a dash.
static BRACKETED_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^\(\s*([^(),]{2,40}?)\s*,\s*([^()]{3,30}?)\s*\)\s*(?:--|[-\u{2013}\u{2014}:])\s*(\S.*)$",
    )
});

/// "..., June 13th. Title: Headline": a labelled title, maybe after a fragment.
static TITLE_FIELD: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(.{0,60}?)\s*\bTitle\s*[:\u{ff1a}]\s*(\S.*)$"));

/// "A news report from example.com:", "The following is from Example Daily:": the
/// outlet the wire copy comes from (group 1).
static INTRODUCED_FROM: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\bfrom\s+(?-i:(\S+(?:\s+[A-Z]\S*){0,4}))\s*:\s*$"));

/// Finds metadata glued to the opening lines, splits it from the story into lines
/// of its own marked [`Role::Meta`], and returns what it says.
pub(crate) fn split(lines: &mut Vec<Line>) -> Vec<Byline> {
    let mut found = Vec::new();
    let mut i = 0;
    let mut seen = 0;
    while i < lines.len() && seen < REACH {
        if !lines[i].is_body() {
            i += 1;
            continue;
        }
        seen += 1;
        if let Some((title, dateline)) = title_field(&lines[i].text) {
            let kind = lines[i].kind;
            lines[i] = Line {
                kind,
                ..Line::new(title)
            };
            if let Some(dateline) = dateline {
                lines.insert(i + 1, Line::new(dateline));
                i += 1;
            }
            i += 1;
            continue;
        }
        let cut = bracketed_credit(&lines[i].text)
            .or_else(|| glued_header(&lines[i].text))
            .or_else(|| {
                introducing_dateline(&lines[i].text).map(|b| (lines[i].text.clone(), b, None))
            });
        if let Some((meta, credit, rest)) = cut {
            let mut meta_line = Line::new(meta);
            meta_line.role = Role::Meta;
            found.push(credit);
            match rest {
                Some(rest) => {
                    let kind = lines[i].kind;
                    lines[i] = Line {
                        kind,
                        ..Line::new(rest)
                    };
                    lines.insert(i, meta_line);
                    i += 1;
                }
                None => lines[i] = meta_line,
            }
        }
        i += 1;
    }
    found
}

/// "(example.net, Dec19’19) – The port ...": the credit, what it says, the story.
fn bracketed_credit(text: &str) -> Option<(String, Byline, Option<String>)> {
    let caps = BRACKETED_CREDIT.captures(text)?;
    let outlet = caps[1].trim();
    let when = caps[2].trim();
    let rest = caps[3].trim();
    let date = date::full_date(when)
        .filter(|(span, _)| span.start == 0 && span.end == when.len())
        .map(|(_, d)| d)
        .or_else(|| date::compact_date(when))?;
    // "(Ann Lee, May 3, 2021)": a person's credit names the author.
    let person = name::is_person(outlet);
    let source = if source::is_domain(outlet) {
        Some(address(outlet))
    } else if !person && name::is_capitalised(outlet) && words(outlet) <= 5 {
        Some(outlet.to_string())
    } else if person {
        None
    } else {
        return None;
    };
    if words(rest) < MIN_STORY_WORDS {
        return None;
    }
    let credit = text[..caps.get(3)?.start()]
        .trim_end()
        .trim_end_matches(['-', '\u{2013}', '\u{2014}', ':'])
        .trim_end();
    Some((
        credit.to_string(),
        Byline {
            author: person.then(|| name::normalise(outlet)),
            source,
            date: Some(date),
        },
        Some(rest.to_string()),
    ))
}

/// "example.cn | Updated:2025-02-12 | Ann Lee, Bo ChanThe port ...": a header row of
/// fields between bars whose last field runs into the story's first word (a small
/// letter then a capital inside one word). The header must read as a byline.
fn glued_header(text: &str) -> Option<(String, Byline, Option<String>)> {
    let last_bar = text.get(..200.min(text.len()))?.rfind('|')?;
    if text[..last_bar].matches('|').count() < 1 {
        return None;
    }
    let glue = glue_point(&text[last_bar..])? + last_bar;
    let (header, rest) = text.split_at(glue);
    if words(rest) < MIN_STORY_WORDS {
        return None;
    }
    let found = byline::parse(header)?;
    (found.author.is_some() || found.source.is_some() || found.date.is_some()).then(|| {
        (
            header.trim().to_string(),
            found,
            Some(rest.trim().to_string()),
        )
    })
}

/// Where a capital follows a small letter inside a word, then a small letter again
/// ("StephanieIn": the byte offset of "In"), within the first few words.
fn glue_point(text: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().take(80).collect();
    chars.windows(3).find_map(|w| {
        let [(_, a), (at, b), (_, c)] = [w[0], w[1], w[2]];
        (a.is_lowercase() && b.is_uppercase() && c.is_lowercase()).then_some(at)
    })
}

/// An address named as the outlet: the publisher table's name for a listed one,
/// else the address in the page's own spelling ("ExampleReview.net"), without "www.".
fn address(text: &str) -> String {
    super::domain::from_table(text).unwrap_or_else(|| {
        let text = text.trim();
        let bare = text.get(..4).filter(|w| w.eq_ignore_ascii_case("www."));
        bare.map_or(text, |_| &text[4..]).to_string()
    })
}

/// ", Portville, June 13th. Title: Headline": the labelled headline, and the
/// fragment before the label (a cut dateline, which names the story's place and
/// day), to go under the headline as the story's first line.
fn title_field(text: &str) -> Option<(String, Option<String>)> {
    let caps = TITLE_FIELD.captures(text)?;
    let before = caps[1].trim();
    let title = caps[2].trim();
    let headline = (2..=30).contains(&words(title)) && !has_sentence(title);
    (headline && words(before) <= 6).then(|| {
        (
            title.to_string(),
            (!before.is_empty()).then(|| before.to_string()),
        )
    })
}

/// "PORTVILLE, Ruritania, May 3, 2025 /Wire/ — A news report from example.com:":
/// a wire dateline whose only words after it introduce the story below (a short
/// phrase ending in a colon, or cut off after its "from" or "by", no sentence).
/// The line is metadata: the dateline's date, and the outlet the report comes
/// from (else the wire).
fn introducing_dateline(text: &str) -> Option<Byline> {
    let date = date::dateline_date(text)?;
    let wire = source::from_dateline(text);
    let dash = text
        .find(['\u{2014}', '\u{2013}'])
        .or_else(|| text.find(" -"))?;
    let intro = text[dash..]
        .trim_start_matches(['-', '\u{2013}', '\u{2014}'])
        .trim();
    // "A news report from" with the outlet cut off: the phrase ends in the
    // preposition that should have named it.
    let cut_short = intro
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "from" | "by"));
    let introduces = (intro.ends_with(':') || cut_short)
        && (2..=12).contains(&words(intro))
        && !has_sentence(intro);
    if !introduces {
        return None;
    }
    let from = INTRODUCED_FROM
        .captures(intro)
        .map(|c| c[1].trim().to_string())
        .filter(|s| source::is_domain(s) || name::is_capitalised(s))
        .map(|s| {
            if source::is_domain(&s) {
                address(&s)
            } else {
                s
            }
        });
    Some(Byline {
        source: from.or(wire),
        date: Some(date),
        ..Byline::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<(&str, bool)> {
        lines
            .iter()
            .map(|l| (l.text.as_str(), l.role == Role::Meta))
            .collect()
    }

    #[test]
    fn a_bracketed_outlet_and_compact_date_opening_the_lead_is_cut() {
        let mut lines = vec![Line::new(
            "(Quxreview.net, Dec19\u{2019}19) \u{2013} The port authority said on Monday that the harbour will grow.",
        )];
        let found = split(&mut lines);
        assert_eq!(
            texts(&lines),
            [
                ("(Quxreview.net, Dec19\u{2019}19)", true),
                (
                    "The port authority said on Monday that the harbour will grow.",
                    false
                )
            ]
        );
        assert_eq!(found[0].source.as_deref(), Some("Quxreview.net"));
        assert_eq!(found[0].date.as_deref(), Some("2019-12-19"));
    }

    #[test]
    fn brackets_without_an_outlet_and_a_date_stay() {
        for text in [
            "(Photo, left) \u{2013} The port authority said on Monday that the harbour will grow.",
            "(Ann Lee, 2019) \u{2013} said.",
            "(the mayor, Dec 19) \u{2013} The port authority said on Monday that it will grow.",
        ] {
            let mut lines = vec![Line::new(text)];
            assert!(split(&mut lines).is_empty(), "{text}");
            assert_eq!(lines.len(), 1);
        }
    }

    #[test]
    fn a_header_row_glued_to_the_lead_is_cut_at_the_glue() {
        let mut lines = vec![
            Line::new("Port grows"),
            Line::new(
                "en.qxnt.cn | Updated:2025-02-12 | Ann Lee, StephanieIn the first week of work the port signed twenty deals.",
            ),
        ];
        let found = split(&mut lines);
        assert_eq!(
            texts(&lines),
            [
                ("Port grows", false),
                ("en.qxnt.cn | Updated:2025-02-12 | Ann Lee, Stephanie", true),
                (
                    "In the first week of work the port signed twenty deals.",
                    false
                )
            ]
        );
        assert_eq!(found[0].author.as_deref(), Some("Ann Lee, Stephanie"));
        assert_eq!(found[0].date.as_deref(), Some("2025-02-12"));
    }

    #[test]
    fn a_camel_case_brand_after_bars_is_no_glue() {
        let mut lines = vec![Line::new(
            "Home | Tech | The iPhone maker said on Monday that sales grew in the quarter.",
        )];
        assert!(split(&mut lines).is_empty());
    }

    #[test]
    fn a_labelled_title_after_a_cut_dateline() {
        let mut lines = vec![Line::new(
            ", Portville, June 13th. Title: Portville, Ruritania: the first toy maker in the west settles down",
        )];
        split(&mut lines);
        assert_eq!(
            texts(&lines),
            [
                (
                    "Portville, Ruritania: the first toy maker in the west settles down",
                    false
                ),
                (", Portville, June 13th.", false)
            ]
        );
    }

    #[test]
    fn a_sentence_mentioning_a_title_is_no_title_field() {
        let mut lines = vec![Line::new(
            "The champion defended her world title: she won again. Then she retired.",
        )];
        assert!(split(&mut lines).is_empty());
    }

    #[test]
    fn a_wire_dateline_that_only_introduces_the_story_is_metadata() {
        let text = "PORTVILLE, Ruritania, Aug. 14, 2025 /Quxwire/ \u{2014} A news report from quxdaily.com.cn:";
        let mut lines = vec![
            Line::new(text),
            Line::new("The port city grew fast this year, officials said on Monday."),
        ];
        let found = split(&mut lines);
        assert_eq!(lines[0].role, Role::Meta);
        assert_eq!(lines[1].role, Role::Body);
        assert_eq!(found[0].source.as_deref(), Some("quxdaily.com.cn"));
        assert_eq!(found[0].date.as_deref(), Some("2025-08-14"));
    }

    #[test]
    fn a_wire_dateline_whose_introduction_is_cut_off_is_metadata() {
        let text = "PORTVILLE, Ruritania, Aug. 14, 2025 /Quxwire/ -- A news report from";
        let mut lines = vec![
            Line::new(text),
            Line::new("The port city grew fast this year, officials said on Monday."),
        ];
        let found = split(&mut lines);
        assert_eq!(lines[0].role, Role::Meta);
        assert_eq!(lines[1].role, Role::Body);
        assert_eq!(found[0].source.as_deref(), Some("Quxwire"));
        assert_eq!(found[0].date.as_deref(), Some("2025-08-14"));
        // A sentence after the dateline is the story, whatever its last word.
        let mut lines = vec![Line::new(
            "PORTVILLE, Ruritania, Aug. 14, 2025 /Quxwire/ -- The port has grown. Ships come from",
        )];
        assert!(split(&mut lines).is_empty());
    }

    #[test]
    fn a_wire_dateline_opening_a_sentence_stays() {
        let text =
            "PORTVILLE, Ruritania, Aug. 14, 2025 /Quxwire/ \u{2014} The port grew: it doubled.";
        let mut lines = vec![Line::new(text)];
        assert!(split(&mut lines).is_empty());
        assert_eq!(lines[0].role, Role::Body);
    }
}
