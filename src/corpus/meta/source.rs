//! The outlet: from a site suffix in the title ("Headline | Outlet"), a copyright
//! holder, or an agency in a dateline ("BEIJING, May 3 (Agency) --"). Domain names
//! are made readable in [`super::domain`].

pub(crate) use super::domain::{from_domain, is_domain};
use regex::Regex;
use std::sync::LazyLock;

use crate::corpus::pattern::compile as regex;

static COPYRIGHT_HOLDER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:copyright|©|\(c\))\s*(?:©|\(c\)|copyright\b)?\s*(?:(\d{4})(?:\s*([-–])\s*(\d{4})?)?)?\s*,?\s*(?:by\s+)?([^.|,;©]*)",
    )
});
/// "CITY, Mon. D (Agency) --", "CITY (Agency) -", "(Agency) —": the place (group 1)
/// and the agency (group 2) of a wire dateline.
static DATELINE_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?:([A-Z][A-Za-z ./'-]{1,40}),?[^()]{0,30})?\(([A-Za-z][A-Za-z .&'-]{1,40})\)\s*(?:--|[-–—:])",
    )
});

/// "PORTVILLE, Ruritania, Oct. 13, 2021 /Example Wire/ --": a press-release
/// wire's dateline, the place in capitals (group 1), the year, and the
/// distributor between slashes (group 2).
static DATELINE_SLASHED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^([A-Z][A-Z ./'-]{1,40}),[^/]{0,40}?\b\d{4}\s*/([A-Za-z][A-Za-z .&'-]{1,40})/\s*(?:--|[-–—:])",
    )
});

/// "May 3, 2021 [Example.org] –", "2021-05-03 (Example News) -": a full date
/// opening the paragraph (group 1), then the outlet in brackets (group 2) and a dash.
static DATE_THEN_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^([^\[\]()]{6,30}?)\s*[\[(]\s*([A-Za-z][A-Za-z0-9 .&'-]{1,40}?)\s*[\])]\s*(?:--|[-\u{2013}\u{2014}])",
    )
});

/// The major news agencies, as they sign wire datelines. A short general table of
/// world and national wire services (common knowledge, not taken from any article):
/// a bracketed name in this table opens a dateline in any of its shapes, while an
/// unlisted one needs the wire style's place in capitals ("LISBON (Some Wire) --").
const WIRE_AGENCIES: &[&str] = &[
    "aa",
    "aap",
    "afp",
    "agence france-presse",
    "agencia brasil",
    "anadolu",
    "anadolu agency",
    "ani",
    "ansa",
    "antara",
    "ap",
    "apa",
    "associated press",
    "belga",
    "bernama",
    "bloomberg",
    "cna",
    "cns",
    "china news service",
    "cp",
    "dow jones",
    "dpa",
    "efe",
    "ians",
    "interfax",
    "irna",
    "jiji",
    "jiji press",
    "kcna",
    "kuna",
    "kyodo",
    "kyodo news",
    "lusa",
    "mena",
    "notimex",
    "pa",
    "prensa latina",
    "pti",
    "reuters",
    "ria novosti",
    "sputnik",
    "tass",
    "uni",
    "upi",
    "vna",
    "wam",
    "xinhua",
    "yonhap",
];

/// A listed wire agency ("Xinhua", "AFP", "dpa"), in any case.
pub(crate) fn is_wire_agency(name: &str) -> bool {
    WIRE_AGENCIES.contains(&name.trim().to_lowercase().as_str())
}

/// The holder and year of a copyright line ("Copyright © 2018 Example News. ..." ->
/// ("Example News", "2018")).
pub(crate) fn from_copyright(text: &str) -> (Option<String>, Option<String>) {
    let Some(caps) = COPYRIGHT_HOLDER.captures(text) else {
        return (None, None);
    };
    // "© 1999- Outlet" (since 1999) gives no year of publication.
    let open_range = caps.get(2).is_some() && caps.get(3).is_none();
    let year = caps
        .get(3)
        .or(caps.get(1))
        .filter(|_| !open_range)
        .map(|m| m.as_str().to_string());
    let holder = caps.get(4).map(|m| m.as_str().trim()).unwrap_or("");
    let holder = holder
        .split(" All ")
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches(" Ltd")
        .trim();
    let plausible = !holder.is_empty()
        && holder.split_whitespace().count() <= 6
        && holder
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !holder.to_lowercase().starts_with("all rights");
    (plausible.then(|| holder.to_string()), year)
}

/// The agency of a wire-style dateline opening a paragraph: a listed agency, or any
/// capitalised name after a place written in capitals.
pub(crate) fn from_dateline(lead: &str) -> Option<String> {
    if let Some((outlet, _)) = super::byline::dateline_correspondent(lead) {
        return Some(outlet);
    }
    if let Some(caps) = DATELINE_SLASHED.captures(lead) {
        return Some(caps[2].trim().to_string());
    }
    if let Some(outlet) = outlet_after_date(lead) {
        return Some(outlet);
    }
    if !lead.contains('(') {
        return None;
    }
    let caps = DATELINE_AGENCY.captures(lead)?;
    let agency = caps.get(2)?.as_str().trim();
    let place_in_capitals = caps
        .get(1)
        .is_some_and(|p| !p.as_str().chars().any(char::is_lowercase));
    let capitalised = agency.chars().next().is_some_and(char::is_uppercase);
    // "Portville, Sep. 7 (Quxton News) –": a place in mixed case opens a dateline
    // only in the full shape (a listed place or a region, a month and a day).
    let dated = || super::date::dateline_len(lead).is_some();
    (is_wire_agency(agency) || capitalised && (place_in_capitals || dated()))
        .then(|| agency.to_string())
}

/// The outlet of a dateline written date first ([`DATE_THEN_OUTLET`]): the date
/// must be a whole full date, the outlet a capitalised name or an address.
fn outlet_after_date(lead: &str) -> Option<String> {
    let caps = DATE_THEN_OUTLET.captures(lead)?;
    let when = caps[1].trim();
    let whole = super::date::full_date(when).is_some_and(|(span, _)| span == (0..when.len()));
    let outlet = caps[2].trim();
    let named = outlet.chars().next().is_some_and(char::is_uppercase) || is_domain(outlet);
    (whole && named).then(|| outlet.to_string())
}

/// Separators between a headline and the site's name.
const SUFFIX_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", " / ",
];

/// Splits "Headline | Outlet" into the headline and the outlet. With a known outlet
/// only that suffix is cut; otherwise a short capitalised (or domain) suffix after a
/// longer headline is taken as the outlet.
pub(crate) fn split_title(title: &str, known: Option<&str>) -> (String, Option<String>) {
    // "Headline :: Site ::" style titles end in a separator too.
    let title = title
        .trim()
        .trim_end_matches([':', '|', '-', ' ', '\u{b7}']);
    let title = without_bracketed_label(title);
    if let Some(site) = known {
        for sep in SUFFIX_SEPARATORS {
            let suffix = format!("{sep}{site}");
            let prefix = format!("{site}{sep}");
            if title.len() > suffix.len() && title.to_lowercase().ends_with(&suffix.to_lowercase())
            {
                return (
                    title[..title.len() - suffix.len()].trim().to_string(),
                    Some(site.to_string()),
                );
            }
            if title.len() > prefix.len()
                && title.to_lowercase().starts_with(&prefix.to_lowercase())
            {
                return (
                    title[prefix.len()..].trim().to_string(),
                    Some(site.to_string()),
                );
            }
        }
    }
    generic_split(title)
}

/// "[News] Port Hub Opens to Ships", "【Video】...": a section label of one or two
/// words in square or lenticular brackets opening a title is no part of it.
fn without_bracketed_label(title: &str) -> &str {
    let Some((open, close)) = [('[', ']'), ('\u{3010}', '\u{3011}')]
        .into_iter()
        .find(|(open, _)| title.starts_with(*open))
    else {
        return title;
    };
    let Some(end) = title.find(close) else {
        return title;
    };
    let label = &title[open.len_utf8()..end];
    let rest = title[end + close.len_utf8()..].trim_start();
    let label_words = label.split_whitespace().count();
    if (1..=2).contains(&label_words)
        && label.chars().all(|c| c.is_alphabetic() || c == ' ')
        && rest.split_whitespace().count() >= 3
    {
        rest
    } else {
        title
    }
}

fn generic_split(title: &str) -> (String, Option<String>) {
    let cut = SUFFIX_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, sep.len())))
        .max();
    let Some((at, len)) = cut else {
        return (title.to_string(), None);
    };
    let (head, site) = (title[..at].trim(), title[at + len..].trim());
    let site_words: Vec<&str> = site.split_whitespace().collect();
    // After a dash, title-case headlines ("Trade War - What Comes Next") are common,
    // so only very short names are taken as the site there.
    let dash = matches!(&title[at..at + len], " - " | " – " | " — ");
    let max_words = if dash && site_words.first() != Some(&"The") {
        2
    } else {
        4
    };
    // The site's name starts with a capital (or a digit, or a script without case).
    let capitalised = site_words
        .first()
        .and_then(|w| w.chars().next())
        .is_some_and(|c| !c.is_lowercase());
    let looks_like_site = !site_words.is_empty()
        && crate::corpus::clean::line::words(site) <= max_words
        && (is_domain(site) || capitalised);
    let min_head = if dash { 3 } else { 2 };
    if looks_like_site && crate::corpus::clean::line::words(head) >= min_head {
        let (head, _) = generic_split_pipe_sections(head);
        return (head, Some(site.to_string()));
    }
    (title.to_string(), None)
}

/// "Headline | Section" left after cutting the site: drop a one- or two-word section.
fn generic_split_pipe_sections(head: &str) -> (String, Option<String>) {
    if let Some(at) = head.rfind(" | ") {
        let section = head[at + 3..].trim();
        if section.split_whitespace().count() <= 2 && head[..at].split_whitespace().count() >= 3 {
            return (head[..at].trim().to_string(), Some(section.to_string()));
        }
    }
    (head.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copyright_holders_and_years() {
        assert_eq!(
            from_copyright("Copyright © 2018 Example News. Licence NO.123"),
            (Some("Example News".into()), Some("2018".into()))
        );
        assert_eq!(
            from_copyright("© 1995-2020 The Gazette Ltd. All rights reserved"),
            (Some("The Gazette".into()), Some("2020".into()))
        );
        assert_eq!(
            from_copyright("Copyright 2019. All rights reserved.").0,
            None
        );
        assert_eq!(
            from_copyright("Copyright © 1999- Quxton Daily. All rights reserved."),
            (Some("Quxton Daily".into()), None)
        );
    }

    #[test]
    fn a_copyright_sign_before_the_word_copyright_leaves_the_holder_alone() {
        assert_eq!(
            from_copyright("\u{a9} Copyright 2017 Invest in Quxton"),
            (Some("Invest in Quxton".into()), Some("2017".into()))
        );
        assert_eq!(
            from_copyright("Copyright (c) 2016 Quxton Daily"),
            (Some("Quxton Daily".into()), Some("2016".into()))
        );
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            from_dateline("LONDON, May 3 (Wire Agency) -- Prices rose.").as_deref(),
            Some("Wire Agency")
        );
        assert_eq!(from_dateline("The mayor (left) said - nothing."), None);
        assert_eq!(
            from_dateline("PORTVILLE, Sept. 11 (Xinhua) -- The city grew.").as_deref(),
            Some("Xinhua")
        );
        assert_eq!(
            from_dateline("NEW PORT/OLD PORT (Reuters) - Prices rose.").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            from_dateline("(AFP) \u{2014} Prices rose.").as_deref(),
            Some("AFP")
        );
        assert_eq!(
            from_dateline("Portville (dpa) - Prices rose.").as_deref(),
            Some("dpa")
        );
    }

    #[test]
    fn a_mixed_case_dateline_in_full_names_its_outlet() {
        // A region after the place, or a listed place, a month and a day.
        assert_eq!(
            from_dateline("Portville, Ruritania, Sep. 7 (Quxton News) \u{2013} The port grew.")
                .as_deref(),
            Some("Quxton News")
        );
        assert_eq!(
            from_dateline("Lyon, Sep. 7 (Quxton News) \u{2013} The port grew.").as_deref(),
            Some("Quxton News")
        );
        // An unlisted place alone, or no month and day, is no dateline.
        assert_eq!(
            from_dateline("Portville, Sep. 7 (Quxton News) \u{2013} The port grew."),
            None
        );
        assert_eq!(
            from_dateline("Lyon, in the end (Quxton News) \u{2013} The port grew."),
            None
        );
    }

    #[test]
    fn an_outlet_in_brackets_after_a_date_opening_the_lead() {
        assert_eq!(
            from_dateline("May 3, 2021 [Quxton.org] \u{2013} The port grew.").as_deref(),
            Some("Quxton.org")
        );
        assert_eq!(
            from_dateline("2021-05-03 (Quxton News) - The port grew.").as_deref(),
            Some("Quxton News")
        );
        // Not a whole date before the bracket, or no capital.
        assert_eq!(from_dateline("In May 2021 [sic] - the port grew."), None);
        assert_eq!(from_dateline("May 3, 2021 [note] - the port grew."), None);
    }

    #[test]
    fn brackets_that_are_not_datelines() {
        // A ticker, a company's seat, an unlisted name after a mixed-case opening.
        assert_eq!(from_dateline("Example Motors (EXM) - shares rose."), None);
        assert_eq!(
            from_dateline("Example Motors (Portville) Co - a unit, said."),
            None
        );
        assert_eq!(from_dateline("Ann Lee (Labour) - the MP - said no."), None);
        assert_eq!(from_dateline("Prices rose (Reuters) sharply."), None);
        // A press-release wire signs between slashes.
        assert_eq!(
            from_dateline("PORTVILLE, Ruritania, Oct. 13, 2021 /Example Wire/ -- The port grew.")
                .as_deref(),
            Some("Example Wire")
        );
        assert_eq!(
            from_dateline("Sales rose 5% in 2021 /year/ - a record."),
            None
        );
    }

    #[test]
    fn title_suffixes() {
        assert_eq!(
            split_title("Port grows | Harbour Times", None),
            ("Port grows".into(), Some("Harbour Times".into()))
        );
        assert_eq!(
            split_title("Growth - Harbour Times", None),
            ("Growth - Harbour Times".into(), None)
        );
        assert_eq!(
            split_title("New port grows fast | Harbour Times", None),
            ("New port grows fast".into(), Some("Harbour Times".into()))
        );
        assert_eq!(
            split_title("Port grows - Harbour Times", Some("Harbour Times")),
            ("Port grows".into(), Some("Harbour Times".into()))
        );
        assert_eq!(split_title("Exports rise 6% - report", None).1, None);
        assert_eq!(
            split_title("Trade War Escalates - What Comes Next", None).1,
            None
        );
        assert_eq!(
            split_title("Lorem ipsum dolor sit amet – My website", None)
                .1
                .as_deref(),
            Some("My website")
        );
        assert_eq!(
            split_title("渡轮恢复航行 :: 海岛日报 ::", None),
            ("渡轮恢复航行".into(), Some("海岛日报".into()))
        );
        assert_eq!(
            split_title("Trade talks resume | Business | Example Post", None),
            ("Trade talks resume".into(), Some("Example Post".into()))
        );
    }

    #[test]
    fn a_bracketed_section_label_opening_a_title_is_cut() {
        assert_eq!(
            split_title("[News] Quxton Leaders Visit the Pipe Works!", None).0,
            "Quxton Leaders Visit the Pipe Works!"
        );
        assert_eq!(
            split_title("\u{3010}Video\u{3011}Harbour Cargo Hits a Record", None).0,
            "Harbour Cargo Hits a Record"
        );
        // A bracket holding more than a label, or a short rest, stays.
        for title in ["[2019 update] Port grows again", "[News] Port grows"] {
            assert_eq!(split_title(title, None).0, title);
        }
    }
}
