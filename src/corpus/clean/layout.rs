//! Rules that judge lines by where they sit and what surrounds them: runs of short
//! headline-like lines (lists of other stories), short lines after the story ends,
//! and lines repeated on the page.

use super::line::{Line, Role, Rule, ends_sentence, is_data_row, is_substantial};
use super::phrases;
use crate::corpus::document::BlockKind;
use crate::corpus::meta::date::is_dateline;
use crate::corpus::pattern::compile as regex;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// This many headline-like lines in a row are a list of other stories.
const MIN_RUN: usize = 3;

/// Lines shorter than this (in words) count as short for repetition.
const SHORT_WORDS: usize = 12;

/// Lines looked at above a copyright line for the site footer.
const FOOTER_REACH: usize = 6;

/// Lines longer than this (in words) are never footer lines.
const FOOTER_WORDS: usize = 25;

/// Small words a menu or title-case label may leave in lower case.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "us",
];

/// Applies the position rules, in order: repetition, headline runs (for plain text
/// only), footer, tail.
pub(crate) fn mark(lines: &mut [Line]) {
    let markup = from_markup(lines);
    mark_repeated(lines, markup);
    if !markup {
        mark_headline_runs(lines);
    }
    mark_footer(lines);
    mark_tail(lines);
    mark_closing_promos(lines);
}

/// Lines longer than this (in words) are never a closing call to action.
const PROMO_WORDS: usize = 60;

/// Calls to action at the very end of the text ("Subscribe to our newsletters",
/// "Have a tip? X may be reached at ...", "Follow us on Twitter"), read upwards
/// from the last line until one that is not.
fn mark_closing_promos(lines: &mut [Line]) {
    for line in lines.iter_mut().rev().filter(|l| l.role != Role::Title) {
        if !line.is_body() {
            continue;
        }
        if line.words > PROMO_WORDS || !phrases::is_promo(&line.text) {
            break;
        }
        line.role = Role::Junk(Rule::Tail);
    }
}

/// Lines from markup (HTML, Markdown) say which text is a link, a heading or a list
/// item, and the HTML reader has already dropped link lists and furniture blocks:
/// a run of short lines left there is the story's own (quotes, steps, a Q&A), so
/// the headline-run rule, made for plain text, is not applied.
fn from_markup(lines: &[Line]) -> bool {
    lines
        .iter()
        .any(|l| l.link_chars > 0 || l.kind != BlockKind::Paragraph)
}

/// Every word capitalised but the small ones, at least three of them: a menu row or
/// a site label ("Terms of Use Privacy Contact", "Our Standards: The Trust Principles").
fn is_title_case(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let major: Vec<&&str> = words
        .iter()
        .filter(|w| !MINOR_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    major.len() >= 3
        && words.len() <= 16
        && major
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The short lines just above a copyright line, from the first menu-like line on,
/// are the site footer ("Apps Newsletters Advertise with Us", "All quotes delayed
/// ..."): a short last paragraph of the story with no menu line after it stays.
fn mark_footer(lines: &mut [Line]) {
    let Some(copyright) = lines
        .iter()
        .rposition(|l| l.role == Role::Junk(Rule::Copyright))
    else {
        return;
    };
    let mut start = None;
    let mut seen = 0;
    for j in (0..copyright).rev() {
        let line = &lines[j];
        if !line.is_body() {
            continue;
        }
        seen += 1;
        if seen > FOOTER_REACH || line.words > FOOTER_WORDS {
            break;
        }
        if is_title_case(&line.text) {
            start = Some(j);
        }
    }
    let Some(start) = start else { return };
    for line in lines[start..copyright].iter_mut().filter(|l| l.is_body()) {
        line.role = Role::Junk(Rule::Tail);
    }
}

/// A fingerprint of the line's letters and digits, lower-cased: lines that differ
/// only in spacing or punctuation are the same line. `None` for lines without any.
/// (FNV-1a over the characters: no allocation per line.)
fn key(text: &str) -> Option<u64> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut any = false;
    let mut feed = |c: char| {
        any = true;
        hash = (hash ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            feed(c.to_ascii_lowercase());
        } else if !c.is_ascii() && c.is_alphanumeric() {
            c.to_lowercase().for_each(&mut feed);
        }
    }
    any.then_some(hash)
}

/// A short line seen twice is page furniture (all copies go); a long paragraph seen
/// twice is a repeat (later copies go). In marked-up pages the furniture has gone
/// with its blocks, and short lines that recur are the story's own ("Serves 4",
/// "Pros" and "Cons" under each item): only the repeated paragraphs go.
fn mark_repeated(lines: &mut [Line], markup: bool) {
    let keys: Vec<Option<u64>> = lines.iter().map(|l| key(&l.text)).collect();
    let mut counts: HashMap<u64, usize> = HashMap::new();
    for (line, k) in lines.iter().zip(&keys) {
        if let (Some(k), true) = (k, line.role != Role::Title) {
            *counts.entry(*k).or_default() += 1;
        }
    }
    let mut seen: HashSet<u64> = HashSet::new();
    for (line, k) in lines.iter_mut().zip(&keys) {
        let Some(k) = *k else { continue };
        if !line.is_body() || counts.get(&k).copied().unwrap_or(0) < 2 {
            continue;
        }
        let first = seen.insert(k);
        let short = line.words < SHORT_WORDS;
        let furniture = short && !markup && !is_data_row(&line.text);
        let later_copy = !short && !first;
        if furniture || later_copy {
            line.role = Role::Junk(Rule::Repeated);
        }
    }
}

/// Runs of at least [`MIN_RUN`] headline-like body lines, with boilerplate lines in
/// between ignored, unless the text before the run introduces a list (ends in ':').
/// Only plain paragraphs count: a list item or heading that the markup marks as
/// such (and that is no link list, which the link rule drops) is the story's own,
/// and it ends a run.
fn mark_headline_runs(lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if !(line.is_body() && line.is_headline_like() && line.kind == BlockKind::Paragraph)
            || is_dateline(&line.text)
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut members = Vec::new();
        while i < lines.len() {
            match lines[i].role {
                Role::Body if lines[i].kind != BlockKind::Paragraph => break,
                // A wire dateline opens a story ("PORTVILLE 1996-08-30" over a table).
                Role::Body if is_dateline(&lines[i].text) => break,
                Role::Body if lines[i].is_headline_like() => members.push(i),
                Role::Junk(_) => {}
                _ => break,
            }
            i += 1;
        }
        // Results and tables ("Quxton 3 Zedburg 2") are the story's data.
        let data = members.iter().any(|&m| is_data_row(&lines[m].text));
        if members.len() >= MIN_RUN && !introduced(lines, start) && !data {
            for &m in &members {
                lines[m].role = Role::Junk(Rule::HeadlineList);
            }
        }
    }
}

/// The body line before `start` ends with a colon: the run is the article's own list.
fn introduced(lines: &[Line], start: usize) -> bool {
    lines[..start]
        .iter()
        .rev()
        .find(|l| l.is_body())
        .is_some_and(|l| l.text.trim_end().ends_with([':', '：']))
}

/// "For more information, call ...", "For details, contact ...": the story telling
/// the reader whom to ask, even cut short before the address. A sentence of the
/// story, not a teaser for another.
static CONTACT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"(?i)^(?:for (?:more |further )?(?:information|details|info|inquiries|enquiries|questions)",
        r"|to (?:learn|find out) more)\s*[,:]?\s*(?:please\s+)?",
        r"(?:call|contact|visit|e-?mail|write|see|go to|phone|ring|send|check)\b",
    ))
});

/// Whether the line tells the reader whom to ask ([`CONTACT_LINE`]).
fn is_contact_line(text: &str) -> bool {
    CONTACT_LINE.is_match(text)
}

/// After the last substantial paragraph, short headline-like lines are page furniture.
fn mark_tail(lines: &mut [Line]) {
    let Some(last) = lines.iter().rposition(|l| l.is_body() && is_substantial(l)) else {
        return;
    };
    // A list item the markup marks, without links, is the story's own list.
    let own_list = |l: &Line| l.kind == BlockKind::ListItem && l.link_chars == 0;
    // After a row of figures or a line that introduces a list ("Scorers:"), the
    // lines that follow are the story's data.
    let mut in_data = false;
    for line in lines[last + 1..]
        .iter_mut()
        .filter(|l| l.is_body() && !own_list(l))
    {
        let data = is_data_row(&line.text);
        let short = line.words < 4 && !ends_sentence(&line.text);
        if !data && !in_data && (short || line.is_headline_like()) && !is_contact_line(&line.text) {
            line.role = Role::Junk(Rule::Tail);
        }
        in_data |= data || line.text.trim_end().ends_with([':', '\u{ff1a}']);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARA: &str =
        "The council approved the harbour budget on Monday after a long debate about costs.";
    const PARA2: &str =
        "Critics said the figures did not add up and asked for an independent review of them.";

    fn roles(texts: &[&str]) -> Vec<Role> {
        let mut lines: Vec<Line> = texts.iter().map(|t| Line::new(*t)).collect();
        mark(&mut lines);
        lines.iter().map(|l| l.role).collect()
    }

    #[test]
    fn runs_of_headlines_are_lists_of_other_stories() {
        let r = roles(&[
            PARA,
            "Floods close schools",
            "Rail strike called off",
            "Markets rally on rate hopes",
            PARA2,
        ]);
        assert_eq!(r[1..4], [Role::Junk(Rule::HeadlineList); 3]);
        assert_eq!(r[4], Role::Body);
    }

    #[test]
    fn list_items_the_markup_marks_are_not_headline_runs_or_tail() {
        let item = |text: &str| Line {
            kind: BlockKind::ListItem,
            ..Line::new(text)
        };
        let mut lines = vec![
            Line::new("What changed in the new version"),
            item("Faster start-up on older phones"),
            item("Fewer crashes when offline"),
            item("A darker night theme"),
            Line::new(PARA),
            item("Bigger berths for container ships"),
            item("A rail spur to the inland depot"),
        ];
        mark(&mut lines);
        assert!(lines.iter().all(Line::is_body), "{lines:?}");
    }

    #[test]
    fn short_quoted_lines_in_a_marked_up_page_are_not_a_headline_list() {
        let mut lines: Vec<Line> = [
            PARA,
            "\u{201c}Beautiful show, we loved it!\u{201d}",
            "- Ann",
            "\u{201c}Great fun for the whole family!\u{201d}",
            PARA2,
        ]
        .iter()
        .map(|t| Line::new(*t))
        .collect();
        lines[0].link_chars = 10;
        mark(&mut lines);
        assert!(lines.iter().all(Line::is_body), "{lines:?}");
    }

    #[test]
    fn results_after_the_story_are_not_tail_or_headline_lists() {
        let r = roles(&[
            PARA,
            "Scorers:",
            "Quxton - Ann Zed (31st), Bo Qux (75th)",
            "Zedburg - Cy Vo (13th)",
            "Quxton 3 Zedburg 2 (halftime 1-0)",
            "Ruxton 1 Zorbia 1 (halftime 0-0)",
            "Puxley 2 Zanbury 0 (halftime 2-0)",
        ]);
        assert_eq!(r, vec![Role::Body; 7]);
    }

    #[test]
    fn a_contact_line_closing_the_story_is_kept() {
        let mut lines = vec![
            Line::new(
                "The zone, which covers ninety square kilometres, is split into four districts.",
            ),
            Line::new("For more information, call 01-234-5678 or send e-mail to"),
            Line::new("Related Stories"),
        ];
        mark(&mut lines);
        assert!(lines[1].is_body());
        assert!(!lines[2].is_body());
    }

    #[test]
    fn closing_calls_to_action_are_tail() {
        let r = roles(&[
            PARA,
            "Subscribers can sign up for the harbour tour on the council's website, the mayor said.",
            PARA2,
            "Have a tip? Sam Roe may be reached at sam@example.com. Follow him on Twitter.",
            "Get the latest updates in your inbox. Subscribe to our newsletters.",
        ]);
        assert_eq!(r[..3], [Role::Body; 3]);
        assert_eq!(r[3..], [Role::Junk(Rule::Tail); 2]);
    }

    #[test]
    fn a_single_subheading_stays() {
        let r = roles(&[PARA, "What happens next", PARA2]);
        assert_eq!(r[1], Role::Body);
    }

    #[test]
    fn a_list_introduced_by_a_colon_stays() {
        let r = roles(&[
            "The plan has three parts:",
            "New berths",
            "Deeper channel",
            "Rail spur",
            PARA,
        ]);
        assert_eq!(r[1..4], [Role::Body; 3]);
    }

    #[test]
    fn a_wire_dateline_over_a_table_is_no_headline() {
        let r = roles(&[
            "Harbour Works Co IPO filing",
            "PORTVILLE 1996-08-30",
            "Company Name Harbour Works Co",
            "Stock symbol HWC",
            "Lead Underwriter Quxton Securities",
        ]);
        assert_eq!(r[1], Role::Body);
        assert_eq!(r[2..], [Role::Junk(Rule::HeadlineList); 3]);
    }

    #[test]
    fn short_lines_after_the_story_are_tail() {
        let r = roles(&[
            PARA,
            "Editor: Sam Roe",
            "The Place to Be",
            "He declined to comment further on the plan.",
        ]);
        assert_eq!(r[1], Role::Junk(Rule::Tail));
        assert_eq!(r[2], Role::Junk(Rule::Tail));
        assert_eq!(r[3], Role::Body);
    }

    fn marked(texts: &[&str]) -> Vec<Role> {
        let mut lines: Vec<Line> = texts.iter().map(|t| Line::new(*t)).collect();
        super::super::rules::mark(&mut lines);
        mark(&mut lines);
        lines.iter().map(|l| l.role).collect()
    }

    #[test]
    fn short_lines_above_a_copyright_line_from_a_menu_row_on_are_footer() {
        let r = marked(&[
            PARA,
            PARA2,
            "Our Pledge: The Example Daily Editing Code.",
            "Shop Podcasts Work with Us Help Centre Sitemap",
            "Prices shown are at least ten minutes old. Read more about our price feeds and their sources.",
            "© 2020 Example Daily. All rights reserved.",
        ]);
        assert_eq!(r[..2], [Role::Body; 2]);
        // The menu row is a navigation bar on its own (its "Help Centre Sitemap").
        assert_eq!(
            r[2..5],
            [
                Role::Junk(Rule::Tail),
                Role::Junk(Rule::Phrase),
                Role::Junk(Rule::Tail)
            ]
        );
    }

    #[test]
    fn a_short_last_paragraph_above_a_copyright_line_stays() {
        let r = marked(&[
            PARA,
            "He said the berth would open in June.",
            "Prices shown are at least ten minutes old. Read more about our price feeds and their sources.",
            "© 2020 Example Daily. All rights reserved.",
        ]);
        assert_eq!(r[..3], [Role::Body; 3]);
    }

    #[test]
    fn keys_ignore_case_spacing_and_punctuation() {
        assert_eq!(key("Most  Viewed!"), key("most viewed"));
        assert_eq!(key("Ärger IM Büro"), key("ärger im büro"));
        assert_ne!(key("Most viewed"), key("Most read"));
        assert_eq!(key("| — |"), None);
    }

    #[test]
    fn a_marked_up_page_keeps_its_recurring_short_lines() {
        let heading = |text: &str| Line {
            kind: BlockKind::Heading,
            ..Line::new(text)
        };
        let mut lines = vec![
            heading("Monday"),
            Line::new("Serves 4"),
            Line::new(PARA),
            heading("Tuesday"),
            Line::new("Serves 4"),
            Line::new(PARA),
            Line::new(PARA2),
        ];
        mark(&mut lines);
        let roles: Vec<Role> = lines.iter().map(|l| l.role).collect();
        assert_eq!(roles[..5], [Role::Body; 5]);
        assert_eq!(roles[5..], [Role::Junk(Rule::Repeated), Role::Body]);
    }

    #[test]
    fn repeated_short_lines_all_go_repeated_paragraphs_once() {
        let r = roles(&["Site Footer Line", PARA, PARA, "Site Footer Line"]);
        assert_eq!(
            r,
            [
                Role::Junk(Rule::Repeated),
                Role::Body,
                Role::Junk(Rule::Repeated),
                Role::Junk(Rule::Repeated)
            ]
        );
    }
}
