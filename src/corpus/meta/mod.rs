//! Metadata: title, outlet, date and author, from what the input states (HTML
//! meta tags, JSON fields, front matter) first, then from the text: the head's
//! headline and bylines, a wire dateline, closing credits, a copyright line.
//! `None` when the article does not say.

pub(crate) mod byline;
pub(crate) mod date;
pub(crate) mod domain;
pub(crate) mod head;
pub(crate) mod name;
pub(crate) mod source;
pub(crate) mod title;

use super::clean::line::{self, Line, Role, Rule, is_substantial};
use super::document::Hints;
use byline::Byline;
use head::Head;

/// Body paragraphs searched for a wire dateline.
const DATELINE_REACH: usize = 3;

/// The metadata of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Meta {
    /// The headline, or a derived one.
    pub title: String,
    /// Whether [`Meta::title`] was derived from the text.
    pub title_derived: bool,
    /// The outlet.
    pub source: Option<String>,
    /// ISO 8601 date prefix.
    pub date: Option<String>,
    /// The author(s).
    pub author: Option<String>,
    /// The canonical URL.
    pub url: Option<String>,
}

/// Marks closing credits after the story ("(Agency)", "Source: X", "Reporting by
/// X") as metadata and returns what they say.
pub(crate) fn mark_tail(lines: &mut [Line]) -> Vec<Byline> {
    let Some(last) = lines.iter().rposition(|l| l.is_body() && is_substantial(l)) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut credited = false;
    for line in lines[last + 1..]
        .iter_mut()
        .filter(|l| l.role != Role::Title)
    {
        let credit = may_credit(&line.text)
            .then(|| byline::parse(&line.text))
            .flatten()
            .filter(|b| b.author.is_some() || b.source.is_some());
        if let Some(b) = credit {
            line.role = Role::Meta;
            found.push(b);
            credited = true;
        } else if credited && line.is_body() {
            // After the closing credit ("Reporting by ..."), the page has moved on.
            line.role = Role::Junk(Rule::Tail);
        }
    }
    found
}

/// Cheap test before parsing: closing credits have a bracket, a label colon, or
/// open with "by".
fn may_credit(text: &str) -> bool {
    let opening: String = text.chars().take(24).collect::<String>().to_lowercase();
    text.contains(['(', ':', '\u{ff1a}']) || opening.starts_with("by ") || opening.contains(" by ")
}

/// Combines stated metadata with what the text says, most reliable first.
pub(crate) fn combine(hints: &Hints, head: &Head, tail: &[Byline], lines: &[Line]) -> Meta {
    let stated_source = hints.source.as_deref().map(clean_source);
    let (title, title_derived, title_site) =
        choose_title(hints, head, stated_source.as_deref(), lines);
    // A photo caption or a standfirst may come before the paragraph with the dateline.
    let dateline = || {
        lines
            .iter()
            .filter(|l| l.is_body())
            .take(DATELINE_REACH)
            .find_map(|l| source::from_dateline(&l.text))
    };
    let (holder, year) = copyright(lines);
    let source = stated_source
        .or_else(|| head.bylines.iter().find_map(|b| b.source.clone()))
        .map(|s| prefer_spelling(s, title_site.as_deref()))
        .or(title_site)
        .or_else(dateline)
        .or_else(|| tail.iter().find_map(|b| b.source.clone()))
        .or(holder)
        .or_else(|| hints.url.as_deref().and_then(source::from_domain));
    let date = hints
        .date
        .as_deref()
        .and_then(date::normalise)
        .or_else(|| head.bylines.iter().chain(tail).find_map(|b| b.date.clone()))
        .or_else(|| date_lines(lines))
        .or_else(|| head_date(lines))
        .or(year);
    let author = hints.author.as_deref().and_then(clean_author).or_else(|| {
        head.bylines
            .iter()
            .chain(tail)
            .find_map(|b| b.author.clone())
    });
    Meta {
        title,
        title_derived,
        source,
        date,
        author,
        url: hints.url.clone(),
    }
}

/// Title, whether derived, and a site name cut from it.
fn choose_title(
    hints: &Hints,
    head: &Head,
    site: Option<&str>,
    lines: &[Line],
) -> (String, bool, Option<String>) {
    if let Some(stated) = hints.title.as_deref() {
        let (title, cut) = source::split_title(stated, site);
        if !title.is_empty() {
            return (title, false, head.site.clone().or(cut));
        }
    }
    if let Some(title) = head.title.clone() {
        return (title, false, head.site.clone());
    }
    let first = lines
        .iter()
        .find(|l| l.is_body() && !date::is_dateline(&l.text))
        .map_or("", |l| l.text.as_str());
    (title::derive(first), true, head.site.clone())
}

/// A name read from a domain ("Eastern Courier" from easterncourier.com) is spelled
/// as the site spells itself when the title's site suffix is the same letters.
fn prefer_spelling(found: String, site: Option<&str>) -> String {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    match site {
        Some(site) if squash(site) == squash(&found) => site.to_string(),
        _ => found,
    }
}

/// A stated outlet: a domain becomes a readable name.
fn clean_source(stated: &str) -> String {
    let stated = stated.trim();
    if let Some(name) = source::from_domain(stated).filter(|_| source::is_domain(stated)) {
        return name;
    }
    // "Example Post - News you can use": the name without its tagline.
    for sep in [" - ", " | ", " \u{2013} ", " \u{2014} ", ": "] {
        if let Some((name, tagline)) = stated.split_once(sep)
            && line::words(name) <= 4
            && line::words(tagline) >= 3
        {
            return name.trim().to_string();
        }
    }
    stated.to_string()
}

/// A stated author: "By X" bylines are read, capitals title-cased; URLs, user
/// handles ("jdoe", "cc7567") and text after the name ("by Ann Lee 22 Dec 2016")
/// are refused or cut.
fn clean_author(stated: &str) -> Option<String> {
    if stated.contains("://") || stated.starts_with("www.") || stated.starts_with('@') {
        return None;
    }
    if let Some(b) = byline::parse(stated).and_then(|b| b.author) {
        return Some(b);
    }
    let without_by = stated
        .trim()
        .strip_prefix("By ")
        .or_else(|| stated.trim().strip_prefix("by "))
        .unwrap_or(stated.trim());
    let uncased = !without_by
        .chars()
        .any(|c| c.is_lowercase() || c.is_uppercase());
    let names_list =
        without_by.contains(',') && without_by.split(',').all(|n| name::is_name(n.trim()));
    let collective = name::is_collective(without_by);
    if uncased || name::is_name(without_by) || names_list || collective {
        return plausible(name::normalise(without_by));
    }
    name::leading(without_by)
        .map(|n| name::normalise(&n))
        .and_then(plausible)
}

/// Not a user handle: no digits, and some capital letter unless the script has none.
fn plausible(name: String) -> Option<String> {
    let has_digit = name.chars().any(|c| c.is_ascii_digit());
    let cased = name.chars().any(|c| c.is_lowercase() || c.is_uppercase());
    let capital = name.chars().any(char::is_uppercase);
    (!name.is_empty() && !has_digit && (capital || !cased)).then_some(name)
}

/// The copyright holder and year, from the last copyright line.
fn copyright(lines: &[Line]) -> (Option<String>, Option<String>) {
    lines
        .iter()
        .rev()
        .filter(|l| l.role == Role::Junk(Rule::Copyright))
        .map(|l| source::from_copyright(&l.text))
        .find(|(holder, year)| holder.is_some() || year.is_some())
        .unwrap_or((None, None))
}

/// A date from a labelled date line anywhere on the page.
fn date_lines(lines: &[Line]) -> Option<String> {
    lines
        .iter()
        .filter(|l| l.role == Role::Junk(Rule::DateLine))
        .find_map(|l| date::find(&l.text))
}

/// A full date on a short line dropped from above the headline ("JANUARY 7, 2019 |
/// WORLD NEWS"): weaker than any byline or date line, but a day near the top beats
/// the copyright year of the footer.
fn head_date(lines: &[Line]) -> Option<String> {
    lines
        .iter()
        .filter(|l| {
            let above = l.role == Role::Junk(Rule::Head) && l.words <= 12;
            above || (l.is_body() && date::is_dateline(&l.text))
        })
        .filter(|l| !date::starts_with_range(&l.text))
        .filter_map(|l| date::find(&l.text))
        .find(|d| d.len() == "2000-01-01".len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, role: Role) -> Line {
        Line {
            role,
            ..Line::new(text)
        }
    }

    #[test]
    fn stated_metadata_wins_and_is_normalised() {
        let hints = Hints {
            title: Some("Port grows | Harbour Times".into()),
            source: Some("Harbour Times".into()),
            date: Some("2021-05-06T07:08:09Z".into()),
            author: Some("By ANN SMITH".into()),
            url: None,
        };
        let meta = combine(&hints, &Head::default(), &[], &[Line::new("Body.")]);
        assert_eq!(meta.title, "Port grows");
        assert_eq!(meta.source.as_deref(), Some("Harbour Times"));
        assert_eq!(meta.date.as_deref(), Some("2021-05-06"));
        assert_eq!(meta.author.as_deref(), Some("Ann Smith"));
    }

    #[test]
    fn copyright_gives_outlet_and_year_when_nothing_else_does() {
        let lines = [
            Line::new("The port grew fast this year, officials said on Monday in a statement."),
            line(
                "Copyright © 2018 Example News. Licence 123",
                Role::Junk(Rule::Copyright),
            ),
        ];
        let meta = combine(&Hints::default(), &Head::default(), &[], &lines);
        assert_eq!(meta.source.as_deref(), Some("Example News"));
        assert_eq!(meta.date.as_deref(), Some("2018"));
        assert!(meta.title_derived);
        assert!(meta.title.starts_with("The port grew fast"));
        assert_eq!(meta.author, None);
    }

    #[test]
    fn a_full_date_above_the_headline_beats_the_copyright_year() {
        let lines = [
            line("JANUARY 7, 2019 | PORT NEWS", Role::Junk(Rule::Head)),
            line("Harbour traffic hits record", Role::Title),
            Line::new("The port grew fast this year, officials said on Monday in a statement."),
            line(
                "© 2021 Example News. All rights reserved.",
                Role::Junk(Rule::Copyright),
            ),
        ];
        let meta = combine(&Hints::default(), &Head::default(), &[], &lines);
        assert_eq!(meta.date.as_deref(), Some("2019-01-07"));
        // An event banner's range or a bare month is not the article's date.
        let banner = [
            line("13-17 May 2019 Expo Centre", Role::Junk(Rule::Head)),
            line("May 2019 special", Role::Junk(Rule::Head)),
            lines[1].clone(),
            lines[2].clone(),
            lines[3].clone(),
        ];
        let meta = combine(&Hints::default(), &Head::default(), &[], &banner);
        assert_eq!(meta.date.as_deref(), Some("2021"));
    }

    #[test]
    fn stated_authors_are_cleaned() {
        assert_eq!(
            clean_author("by Ann Lee 22 Dec 2016 651").as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(clean_author("JANE ROE").as_deref(), Some("Jane Roe"));
        assert_eq!(
            clean_author("Ann Lee, Bo Chan").as_deref(),
            Some("Ann Lee, Bo Chan")
        );
        assert_eq!(clean_author("jdoe"), None);
        assert_eq!(clean_author("CC7567"), None);
        assert_eq!(clean_author("https://social.example/jdoe"), None);
        assert_eq!(clean_author("李明").as_deref(), Some("李明"));
        assert_eq!(
            clean_author("By ANN LEE March 11, 2015 3:46 PM").as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(clean_author("AFP").as_deref(), Some("AFP"));
        assert_eq!(
            clean_author("By Example Post Staff").as_deref(),
            Some("Example Post Staff")
        );
        assert_eq!(clean_author("Staff").as_deref(), None);
    }

    #[test]
    fn site_names_lose_their_tagline() {
        assert_eq!(
            clean_source("Example Post - The news you need today"),
            "Example Post"
        );
        assert_eq!(clean_source("Example Post"), "Example Post");
        assert_eq!(clean_source("www.dailyherald.com"), "Daily Herald");
    }

    #[test]
    fn url_domain_is_the_last_resort() {
        let hints = Hints {
            url: Some("https://www.examplepost.com/a/b".into()),
            ..Hints::default()
        };
        let meta = combine(&hints, &Head::default(), &[], &[Line::new("Text.")]);
        assert_eq!(meta.source.as_deref(), Some("Example Post"));
    }

    #[test]
    fn lines_after_a_closing_credit_are_boilerplate() {
        let mut lines = vec![
            Line::new("The port grew fast this year, officials said on Monday in a statement."),
            Line::new("Reporting by Ann Lee; Editing by Bo Chan"),
            Line::new("Our standards: the trust principles."),
        ];
        let tail = mark_tail(&mut lines);
        assert_eq!(tail[0].author.as_deref(), Some("Ann Lee"));
        assert_eq!(lines[2].role, Role::Junk(Rule::Tail));
    }

    #[test]
    fn closing_credits_are_metadata() {
        let mut lines = vec![
            Line::new("The port grew fast this year, officials said on Monday in a statement."),
            Line::new("(Example Agency)"),
        ];
        let tail = mark_tail(&mut lines);
        assert_eq!(lines[1].role, Role::Meta);
        assert_eq!(tail[0].source.as_deref(), Some("Example Agency"));
    }
}
