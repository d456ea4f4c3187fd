//! Metadata: title, outlet, date and author, from what the input states (HTML
//! meta tags, JSON fields, front matter) first, then from the text: the head's
//! headline and bylines, a wire dateline, closing credits, a copyright line.
//! `None` when the article does not say.

pub(crate) mod byline;
pub(crate) mod date;
pub(crate) mod domain;
pub(crate) mod head;
pub(crate) mod name;
pub(crate) mod opening;
pub(crate) mod source;
pub(crate) mod title;
pub mod why;

use super::clean::line::{self, Line, Role, Rule, is_substantial};
use super::document::{Hints, Stated};
use crate::corpus::pattern::compile as regex;
use byline::Byline;
use head::Head;
use regex::Regex;
use std::sync::LazyLock;
use why::{Evidence, Why};

/// Body paragraphs searched for a wire dateline.
const DATELINE_REACH: usize = 3;

/// The first thing `read` finds in the body paragraphs that may hold a wire
/// dateline (a photo caption or a standfirst may come before it).
fn from_datelines(lines: &[Line], read: impl FnMut(&str) -> Option<String>) -> Option<String> {
    let mut read = read;
    lines
        .iter()
        .filter(|l| l.is_body())
        .take(DATELINE_REACH)
        .find_map(|l| read(&l.text))
}

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
    /// The date as the text's own date line writes it ([`written_date`]).
    pub date_text: Option<String>,
    /// The author(s).
    pub author: Option<String>,
    /// The canonical URL.
    pub url: Option<String>,
    /// Where each field came from.
    pub why: Why,
}

/// Marks closing credits after the story ("(Agency)", "Source: X", "Reporting by
/// X") as metadata and returns what they say.
pub(crate) fn mark_tail(lines: &mut [Line]) -> Vec<Byline> {
    let Some(last) = lines.iter().rposition(|l| l.is_body() && is_substantial(l)) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut credited = false;
    if let Some(kept) = byline::split_glued_promotion(&lines[last].text) {
        lines[last].words = line::words(&kept);
        lines[last].text = kept;
    }
    if let Some((kept, credit)) = byline::split_glued_credit(&lines[last].text) {
        lines[last].words = line::words(&kept);
        lines[last].text = kept;
        found.push(credit);
        credited = true;
    }
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
        } else if line.is_body() && byline::is_empty_label(&line.text) {
            // "Reprinted from :" with nothing after it: an empty closing credit.
            line.role = Role::Meta;
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

/// Combines stated metadata with what the text says, most reliable first, and
/// records where each field came from.
pub(crate) fn combine(hints: &Hints, head: &Head, tail: &[Byline], lines: &[Line]) -> Meta {
    let url = hints.url.as_deref();
    let stated_source = stated(&hints.source, hints.from.source, &hints.fallback.source)
        .map(|(s, e)| (clean_source(&s), e))
        .find(|(s, _)| is_outlet(s, url));
    let (title, title_derived, title_site, title_from) = choose_title(
        hints,
        head,
        stated_source.as_ref().map(|(s, _)| s.as_str()),
        lines,
    );
    let title_site = title_site
        .or_else(|| hints.fallback.title_site.clone())
        .map(|s| clean_source(&s))
        .filter(|s| is_outlet(s, url));
    // A photo caption or a standfirst may come before the paragraph with the dateline.
    let dateline = || from_datelines(lines, source::from_dateline);
    let (holder, year) = copyright(lines);
    let with = |v: Option<String>, e: Evidence| v.map(|v| (v, e));
    let source = stated_source
        .or_else(|| with(url.and_then(domain::from_table), Evidence::PublisherTable))
        .or_else(|| {
            let b = head.bylines.iter().find_map(|b| b.source.clone());
            with(b, Evidence::Byline)
        })
        .map(|(s, e)| (prefer_spelling(s, title_site.as_deref()), e))
        .or_else(|| with(title_site.clone(), Evidence::TitleSuffix))
        .or_else(|| with(dateline(), Evidence::Dateline))
        .or_else(|| {
            let t = tail.iter().find_map(|b| b.source.clone());
            with(t, Evidence::ClosingCredit)
        })
        .or_else(|| with(head.masthead.clone(), Evidence::Masthead))
        .or_else(|| with(holder, Evidence::Copyright))
        .or_else(|| with(hosted_by(lines), Evidence::HostedBy))
        .or_else(|| with(head.greeting.clone(), Evidence::Greeting))
        .or_else(|| with(crumb_root(lines, url), Evidence::Breadcrumb))
        .or_else(|| with(url.and_then(source::from_domain), Evidence::Address));
    let date = stated(&hints.date, hints.from.date, &hints.fallback.date)
        .find_map(|(d, e)| date::normalise(&d).map(|d| (d, e)))
        .or_else(|| {
            let b = head.bylines.iter().find_map(|b| b.date.clone());
            with(b, Evidence::Byline)
        })
        .or_else(|| {
            let t = tail.iter().find_map(|b| b.date.clone());
            with(t, Evidence::ClosingCredit)
        })
        .or_else(|| with(date_lines(lines), Evidence::DateLine))
        .or_else(|| {
            with(
                from_datelines(lines, date::dateline_date),
                Evidence::Dateline,
            )
        })
        .or_else(|| with(head_date(lines), Evidence::HeadDate))
        .or_else(|| with(headline_date(&title, title_derived), Evidence::Headline))
        .or_else(|| {
            with(
                year.filter(|y| story_speaks_of(lines, y)),
                Evidence::Copyright,
            )
        });
    let organisation = hints
        .organisation_author
        .then(|| hints.author.as_deref().and_then(clean_organisation))
        .flatten()
        .map(|a| (a, hints.from.author));
    let author = organisation
        .or_else(|| {
            stated(&hints.author, hints.from.author, &hints.fallback.author).find_map(|(a, e)| {
                clean_author(&a)
                    .filter(|a| name::is_author(a))
                    .map(|a| (a, e))
            })
        })
        .or_else(|| {
            let b = head.bylines.iter().filter_map(|b| b.author.clone());
            with(b.into_iter().find(|a| name::is_author(a)), Evidence::Byline)
        })
        .or_else(|| {
            let t = tail.iter().filter_map(|b| b.author.clone());
            with(
                t.into_iter().find(|a| name::is_author(a)),
                Evidence::ClosingCredit,
            )
        })
        .or_else(|| {
            // "Quxton News, 26 Oct (Ann Lee) --": the reporter in a dateline's brackets.
            with(
                from_datelines(lines, byline::dateline_reporter),
                Evidence::Dateline,
            )
        });
    let evidence = |v: &Option<(String, Evidence)>| v.as_ref().map_or(Evidence::None, |(_, e)| *e);
    let date_text = date
        .as_ref()
        .and_then(|(d, e)| written_date(lines, &title, d, *e));
    Meta {
        title,
        title_derived,
        why: Why {
            title: title_from,
            source: evidence(&source),
            date: evidence(&date),
            author: evidence(&author),
        },
        source: source.map(|(s, _)| s),
        date: date.map(|(d, _)| d),
        date_text,
        author: author.map(|(a, _)| a),
        url: hints.url.clone(),
    }
}

/// A stated field's first choice, then its fallbacks, with their evidence.
fn stated<'a>(
    first: &'a Option<String>,
    from: Evidence,
    rest: &'a [Stated],
) -> impl Iterator<Item = (String, Evidence)> + 'a {
    first
        .iter()
        .map(move |v| (v.clone(), from))
        .chain(rest.iter().cloned())
}

/// Names of newspaper sections, which pages sometimes state as their site name.
pub(super) const SECTIONS: &[&str] = &[
    "news",
    "world",
    "us",
    "uk",
    "business",
    "opinion",
    "politics",
    "sport",
    "sports",
    "tech",
    "technology",
    "science",
    "health",
    "entertainment",
    "culture",
    "arts",
    "lifestyle",
    "life",
    "travel",
    "local",
    "national",
    "international",
    "markets",
    "money",
    "finance",
    "economy",
    "home",
    "homepage",
    "latest",
    "video",
    "videos",
    "blog",
    "blogs",
    "features",
    "analysis",
    "editorial",
    "commentary",
    "columns",
    "weather",
    "education",
    "environment",
    "style",
];

/// A stated site name that is a section, a place or a plain-word subdomain
/// ("U.S.", "Opinion", "Hosted" on hosted.example.org) is no outlet, unless the
/// site's registered name bears it out ("Medium" on medium.com).
fn is_outlet(name: &str, url: Option<&str>) -> bool {
    let letters = head::key(name);
    if letters.is_empty() {
        return false;
    }
    let host = url.and_then(domain::host).unwrap_or_default();
    let registered = domain::registered_label(&host)
        .map(head::key)
        .unwrap_or_default();
    let lists = crate::extract::gazetteer::gazetteer();
    let single = name.split_whitespace().count() == 1;
    // A host label that is a plain word ("hosted", "edition"), not a site of its own
    // on a subdomain ("profootballtalk.example.com").
    let subdomain = lists.is_common(&letters)
        && host
            .split('.')
            .any(|label| head::key(label) == letters && head::key(label) != registered);
    let suspicious = single
        && (subdomain
            || SECTIONS.contains(&letters.as_str())
            || lists.lookup(name.trim()).is_some_and(|(_, entry)| {
                matches!(entry, crate::extract::gazetteer::Entry::Place { .. })
            }));
    if !suspicious {
        return true;
    }
    let tabled = url.and_then(domain::from_table).map(|t| head::key(&t));
    let within = |outer: &str| letters.len() >= 3 && outer.contains(letters.as_str());
    within(&registered) || tabled.as_deref().is_some_and(within)
}

/// Title, whether derived, a site name cut from it, and where it came from.
fn choose_title(
    hints: &Hints,
    head: &Head,
    site: Option<&str>,
    lines: &[Line],
) -> (String, bool, Option<String>, Evidence) {
    if let Some(stated) = hints.title.as_deref() {
        let (title, cut) = source::split_title(stated, site);
        if !title.is_empty() {
            return (title, false, head.site.clone().or(cut), hints.from.title);
        }
    }
    if let Some(title) = head.title.clone() {
        return (title, false, head.site.clone(), Evidence::Headline);
    }
    let first = lines
        .iter()
        .find(|l| l.is_body() && !date::is_dateline(&l.text))
        .map_or("", |l| l.text.as_str());
    (
        title::derive(first),
        true,
        head.site.clone(),
        Evidence::FirstSentence,
    )
}

/// A name read from a domain ("Eastern Courier" from easterncourier.com) is spelled
/// as the site spells itself when the title's site suffix is the same letters; so
/// is an address the page names as the outlet ("easterncourier.com" in a byline)
/// when the suffix is its site's label in words ("Headline - Eastern Courier").
fn prefer_spelling(found: String, site: Option<&str>) -> String {
    let label = || {
        domain::host(&found)
            .filter(|_| source::is_domain(&found))
            .and_then(|h| domain::registered_label(&h).map(head::key))
    };
    match site {
        Some(site) if head::key(site) == head::key(&found) => site.to_string(),
        Some(site) if label().is_some_and(|l| l == head::key(site)) => site.to_string(),
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

/// An organisation stated as the author, as written: a name of up to eight words,
/// not an address.
fn clean_organisation(stated: &str) -> Option<String> {
    let name = stated.split_whitespace().collect::<Vec<_>>().join(" ");
    let plain = !name.contains("://") && !name.starts_with('@') && !name.starts_with("www.");
    (plain && (1..=8).contains(&line::words(&name))).then_some(name)
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

/// "Hosted by Quxton People's Government, Organized by ...", "Host: Quxton Port
/// Office": the footer naming the body that runs the site (group 1, up to the
/// next field). "Sponsored by" names it only when it is a public body
/// ([`byline::publishing_body`]): elsewhere a sponsor is an advertiser.
static HOSTED_BY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:this (?:web)?site is )?(hosted by|host(?:ed)?(?: unit)?\s*[:\u{ff1a}]|sponsored by|sponsor(?:ed)?(?: unit)?\s*[:\u{ff1a}])\s*:?\s*(.+?)\s*(?:$|[,;|\u{ff0c}\u{ff1b}\u{3001}]|\s{2,}|\s(?:co-)?(?:organi[sz]ed|undertaken|maintained|managed|operated|supported|designed|contact)\b)",
    )
});

/// The body a footer line after the story says hosts the site ([`HOSTED_BY`]): a
/// capitalised name of at most ten words, no figures. Only lines after the
/// story's last paragraph are read (a story may report who hosted a fair).
fn hosted_by(lines: &[Line]) -> Option<String> {
    let last = lines
        .iter()
        .rposition(|l| l.is_body() && is_substantial(l))?;
    lines[last + 1..].iter().find_map(|l| {
        let caps = HOSTED_BY.captures(l.text.trim())?;
        let name = caps[2].trim();
        let sponsor = caps[1].to_lowercase().starts_with("sponsor");
        let shaped = (1..=10).contains(&line::words(name))
            && name.starts_with(char::is_uppercase)
            && !name.chars().any(|c| c.is_ascii_digit())
            && !line::has_sentence(name)
            && (!sponsor || byline::publishing_body(name).is_some());
        shaped.then(|| name.to_string())
    })
}

/// Whether the story's own text names the year: a copyright year is the year the
/// page was last rendered (a footer "Copyright 2015" is on every page of the site,
/// whenever its story was written), so it dates the article only when the story
/// speaks of that year too.
fn story_speaks_of(lines: &[Line], year: &str) -> bool {
    lines.iter().filter(|l| l.is_body()).any(|l| {
        l.text
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| word == year)
    })
}

/// The root of a breadcrumb trail above the headline ("You are here: Example Online >
/// News > Region"): the link to the site's home page, which some sites name with the
/// site's own name. Read only when it is a name: capitalised, no figures, not "Home"
/// or a section, not a label before "Home" ("Present Location > Home > News"); one
/// word must be no common word ("Focus"), listed place ("Asia") or language
/// ("English"), and several must say they are an outlet ("Example On Internet", not
/// "Asia Pacific").
fn crumb_root(lines: &[Line], url: Option<&str>) -> Option<String> {
    let title = lines
        .iter()
        .position(|l| l.role == Role::Title)
        .unwrap_or(lines.len());
    let trail = lines[..title]
        .iter()
        .find(|l| l.role == Role::Junk(Rule::Breadcrumb))?;
    let segments: Vec<&str> = trail
        .text
        .split(['>', '/', '|', '\u{bb}', '\u{203a}'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let (first, rest) = segments.split_first()?;
    let root = first.rsplit([':', '\u{ff1a}']).next()?.trim();
    let home = |s: &str| {
        matches!(
            head::key(s).as_str(),
            "home" | "homepage" | "index" | "首页"
        )
    };
    let lists = crate::extract::gazetteer::gazetteer();
    let single = root.split_whitespace().count() == 1;
    let plain_word = single
        && (lists.is_common(&root.to_lowercase())
            || crate::corpus::clean::phrases::is_language_word(root));
    let place = matches!(
        lists.lookup(root),
        Some((_, crate::extract::gazetteer::Entry::Place { .. }))
    );
    let named = (1..=5).contains(&line::words(root))
        && name::is_capitalised(root)
        && !root.chars().any(|c| c.is_ascii_digit())
        && !home(root)
        && !SECTIONS.contains(&head::key(root).as_str())
        && !plain_word
        && !place
        && (single || byline::names_a_medium(root) || is_place_portal(root))
        && !rest.first().is_some_and(|s| home(s))
        && is_outlet(root, url);
    named.then(|| root.to_string())
}

/// "Lyon France", "Quxton, Ruritania": a city or region, then its country, as the
/// home link of a place's own portal names the site (a section or a region of the
/// world, "Asia Pacific", is not written so).
fn is_place_portal(root: &str) -> bool {
    use crate::extract::Kind;
    use crate::extract::gazetteer::Entry;
    let Some((place, country)) = root.rsplit_once(' ') else {
        return false;
    };
    let lists = crate::extract::gazetteer::gazetteer();
    let kind = |text: &str| match lists.lookup(text.trim().trim_end_matches(',')) {
        Some((
            _,
            Entry::Place {
                kind, continent, ..
            },
        )) if !continent => Some(kind),
        _ => None,
    };
    matches!(kind(place), Some(Kind::City | Kind::Region)) && kind(country) == Some(Kind::Country)
}

/// The date as the article's own lines write it ("Updated:Feb 01,2019 14:42" gives
/// "Feb 01,2019"), when it was read from a date line, byline, dateline, closing
/// credit or a date above the headline: the first line that writes `iso` as a full
/// date (a date glued to the headline line and cut from the title too). Not a date
/// in the headline (the headline's dates are not the story's), nor a stated field or
/// a copyright year, which the text does not write as a date.
fn written_date(lines: &[Line], title: &str, iso: &str, from: Evidence) -> Option<String> {
    let from_text = matches!(
        from,
        Evidence::Byline
            | Evidence::Dateline
            | Evidence::ClosingCredit
            | Evidence::DateLine
            | Evidence::HeadDate
    );
    if !from_text {
        return None;
    }
    lines
        .iter()
        .find_map(|l| {
            date::written(&l.text, iso).filter(|w| l.role != Role::Title || !title.contains(w))
        })
        .map(str::to_string)
}

/// A date from a labelled date line anywhere on the page.
fn date_lines(lines: &[Line]) -> Option<String> {
    lines
        .iter()
        .filter(|l| l.role == Role::Junk(Rule::DateLine))
        .find_map(|l| date::find(&l.text))
}

/// A full date in the headline ("Podcast: Harbour Hour (4/18/2019 Thu.)", "Minutes of
/// 3 May 2021"): the day the article is about, when nothing else dates it, and a
/// better guess than the copyright year. Not read from a title derived from the text.
fn headline_date(title: &str, derived: bool) -> Option<String> {
    if derived || date::starts_with_range(title) {
        return None;
    }
    date::full_date(title).map(|(_, d)| d)
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
    fn the_date_is_kept_as_the_articles_own_date_line_writes_it() {
        let lead = "The harbour authority said on Monday that cargo volumes rose by a fifth this year, more than ever.";
        let text = format!("Harbour Cargo Hits a Record\nUpdated:Feb 01,2019 14:42 PM\n{lead}\n");
        let article = crate::corpus::from_plain_text(1, "a.txt".into(), "a.txt".into(), &text);
        assert_eq!(article.date.as_deref(), Some("2019-02-01"));
        assert_eq!(article.date_text.as_deref(), Some("Feb 01,2019"));
        assert!(!article.body.contains("Updated"));
        // A date only the headline states is not written by a date line of the story.
        let text = format!("Harbour Hour Podcast (4/18/2019 Thu.)\n{lead}\n");
        let article = crate::corpus::from_plain_text(1, "a.txt".into(), "a.txt".into(), &text);
        assert_eq!(article.date.as_deref(), Some("2019-04-18"));
        assert_eq!(article.date_text, None);
        // A date glued to the headline line is the page's date line, cut from the title.
        let text = format!("Harbour Cargo Hits a Record in the Summer 2018-08-08\n{lead}\n");
        let article = crate::corpus::from_plain_text(1, "a.txt".into(), "a.txt".into(), &text);
        assert_eq!(article.title, "Harbour Cargo Hits a Record in the Summer");
        assert_eq!(article.date_text.as_deref(), Some("2018-08-08"));
    }

    #[test]
    fn stated_metadata_wins_and_is_normalised() {
        let hints = Hints {
            title: Some("Port grows | Harbour Times".into()),
            source: Some("Harbour Times".into()),
            date: Some("2021-05-06T07:08:09Z".into()),
            author: Some("By ANN SMITH".into()),
            url: None,
            from: Why {
                title: Evidence::OpenGraph,
                source: Evidence::OpenGraph,
                date: Evidence::ArticleMeta,
                author: Evidence::MetaTag,
            },
            ..Hints::default()
        };
        let meta = combine(&hints, &Head::default(), &[], &[Line::new("Body.")]);
        assert_eq!(meta.title, "Port grows");
        assert_eq!(meta.source.as_deref(), Some("Harbour Times"));
        assert_eq!(meta.date.as_deref(), Some("2021-05-06"));
        assert_eq!(meta.author.as_deref(), Some("Ann Smith"));
        assert_eq!(meta.why, hints.from);
    }

    #[test]
    fn an_author_that_is_no_name_gives_way_to_the_next_stated_one() {
        let hints = Hints {
            author: Some("Games".into()),
            from: Why {
                author: Evidence::MetaTag,
                ..Why::default()
            },
            fallback: crate::corpus::document::Fallback {
                author: vec![
                    ("Opinion Columnist".into(), Evidence::BylineMarkup),
                    ("Ann Smith".into(), Evidence::BylineMarkup),
                ],
                ..Default::default()
            },
            ..Hints::default()
        };
        let meta = combine(&hints, &Head::default(), &[], &[Line::new("Body.")]);
        assert_eq!(meta.author.as_deref(), Some("Ann Smith"));
        assert_eq!(meta.why.author, Evidence::BylineMarkup);
        // None at all is better than a wrong one.
        let hints = Hints {
            author: Some("Portrait".into()),
            ..Hints::default()
        };
        let meta = combine(&hints, &Head::default(), &[], &[Line::new("Body.")]);
        assert_eq!(meta.author, None);
        assert_eq!(meta.why.author, Evidence::None);
    }

    #[test]
    fn a_site_name_that_is_a_section_gives_way_to_the_publisher_table() {
        // reuters.com is a row of assets/publishers.tsv; "U.S." is a place, "Hosted" a word.
        let hints = Hints {
            source: Some("U.S.".into()),
            url: Some("https://www.reuters.com/article/x".into()),
            ..Hints::default()
        };
        let meta = combine(&hints, &Head::default(), &[], &[Line::new("Body.")]);
        assert_eq!(meta.source.as_deref(), Some("Reuters"));
        assert_eq!(meta.why.source, Evidence::PublisherTable);
        let hints = Hints {
            source: Some("Hosted".into()),
            url: Some("https://hosted.quxwire.org/x".into()),
            ..Hints::default()
        };
        let meta = combine(&hints, &Head::default(), &[], &[Line::new("Body.")]);
        assert_eq!(meta.source.as_deref(), Some("QUX Wire"));
        assert_eq!(meta.why.source, Evidence::Address);
        // A common word that the address bears out is the outlet.
        let hints = Hints {
            source: Some("Medium".into()),
            url: Some("https://medium.com/@x/y".into()),
            ..Hints::default()
        };
        let meta = combine(&hints, &Head::default(), &[], &[Line::new("Body.")]);
        assert_eq!(meta.source.as_deref(), Some("Medium"));
    }

    #[test]
    fn copyright_gives_outlet_and_year_when_nothing_else_does() {
        let lines = [
            Line::new("The port grew fast in 2018, officials said on Monday in a statement."),
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
    fn a_breadcrumb_root_names_the_outlet_when_nothing_else_does() {
        let page = |crumb: &str| {
            [
                line(crumb, Role::Junk(Rule::Breadcrumb)),
                line("Harbour traffic hits record", Role::Title),
                Line::new("The port grew fast, officials said yesterday in a statement."),
            ]
        };
        let source = |crumb: &str| {
            let meta = combine(&Hints::default(), &Head::default(), &[], &page(crumb));
            (meta.source, meta.why.source)
        };
        assert_eq!(
            source("Your Location:Quxland On Internet > News > Quxland"),
            (Some("Quxland On Internet".into()), Evidence::Breadcrumb)
        );
        assert_eq!(
            source("Quxnews >> World >> Economy").0.as_deref(),
            Some("Quxnews")
        );
        // Home, a section, a common word, a place, a language, words that do not say
        // they are an outlet, or a label before "Home" is no outlet.
        for crumb in [
            "Home > News > Details",
            "Position: Home > Economy News",
            "News > Local > Quxland",
            "Focus > In-Depth > Content",
            "Asia > Weekly > Content",
            "Asia Pacific > Asia Weekly > Content",
            "English >> Quxland Online",
            "Present Location > Home > Media Center > News",
        ] {
            assert_eq!(source(crumb), (None, Evidence::None), "{crumb}");
        }
        // A city and its country name a place's own portal.
        assert_eq!(
            source("Lyon France >News and Events"),
            (Some("Lyon France".into()), Evidence::Breadcrumb)
        );
        // Below the headline a trail is not read.
        let mut lines = page("Your Location:Quxland On Internet > News > Quxland");
        lines.swap(0, 1);
        let meta = combine(&Hints::default(), &Head::default(), &[], &lines);
        assert_eq!(meta.source, None);
    }

    #[test]
    fn a_copyright_year_the_story_never_names_is_no_date() {
        let lines = [
            line("Harbour traffic hits record", Role::Title),
            Line::new("The port grew fast, officials said yesterday in a statement."),
            line(
                "Copyright 2015 Example News All Rights Reserved",
                Role::Junk(Rule::Copyright),
            ),
        ];
        let meta = combine(&Hints::default(), &Head::default(), &[], &lines);
        assert_eq!(meta.source.as_deref(), Some("Example News"));
        assert_eq!(meta.date, None);
        assert_eq!(meta.why.date, Evidence::None);
        // A year inside a longer number is not the year.
        let mut figure = lines.clone();
        figure[1] = Line::new("The port moved 12015 boxes, officials said in a statement.");
        let meta = combine(&Hints::default(), &Head::default(), &[], &figure);
        assert_eq!(meta.date, None);
    }

    #[test]
    fn a_full_date_above_the_headline_beats_the_copyright_year() {
        let lines = [
            line("JANUARY 7, 2019 | PORT NEWS", Role::Junk(Rule::Head)),
            line("Harbour traffic hits record", Role::Title),
            Line::new("The port grew fast in 2021, officials said on Monday in a statement."),
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
    fn a_date_in_the_headline_dates_an_article_that_states_none() {
        let lines = [
            line("Podcast: Harbour Hour (4/18/2019 Thu.)", Role::Title),
            Line::new("The port grew fast this year, officials said on Monday in a statement."),
            line(
                "© 2021 Example News. All rights reserved.",
                Role::Junk(Rule::Copyright),
            ),
        ];
        let head = Head {
            title: Some("Podcast: Harbour Hour (4/18/2019 Thu.)".into()),
            ..Head::default()
        };
        let meta = combine(&Hints::default(), &head, &[], &lines);
        assert_eq!(meta.date.as_deref(), Some("2019-04-18"));
        assert_eq!(meta.why.date, Evidence::Headline);
        // A title derived from the first sentence is not read.
        let lines = [Line::new(
            "On May 3, 2021 the port grew fast, officials said on Monday in a statement.",
        )];
        let meta = combine(&Hints::default(), &Head::default(), &[], &lines);
        assert_eq!(meta.date, None);
    }

    #[test]
    fn a_masthead_is_the_outlet_after_the_closing_credit() {
        let head = Head {
            title: Some("Harbour traffic hits record".into()),
            masthead: Some("Quxton Daily".into()),
            ..Head::default()
        };
        let lines = [Line::new(
            "The port grew fast this year, officials said on Monday in a statement.",
        )];
        let meta = combine(&Hints::default(), &head, &[], &lines);
        assert_eq!(meta.source.as_deref(), Some("Quxton Daily"));
        assert_eq!(meta.why.source, Evidence::Masthead);
        let credit = Byline {
            source: Some("Example Wire".into()),
            ..Byline::default()
        };
        let meta = combine(&Hints::default(), &head, &[credit], &lines);
        assert_eq!(meta.source.as_deref(), Some("Example Wire"));
    }

    #[test]
    fn an_address_in_the_byline_is_spelled_as_the_title_suffix_names_its_site() {
        let head = |site: &str| Head {
            title: Some("Harbour traffic hits record".into()),
            site: Some(site.into()),
            bylines: vec![Byline {
                source: Some("northcourier.example".into()),
                ..Byline::default()
            }],
            ..Head::default()
        };
        let lines = [Line::new(
            "The port grew fast this year, officials said on Monday in a statement.",
        )];
        let meta = combine(&Hints::default(), &head("North Courier"), &[], &lines);
        assert_eq!(meta.source.as_deref(), Some("North Courier"));
        // A suffix naming another site leaves the address as written.
        let meta = combine(&Hints::default(), &head("Quxton Post"), &[], &lines);
        assert_eq!(meta.source.as_deref(), Some("northcourier.example"));
    }

    #[test]
    fn a_hosted_by_footer_names_the_publisher_when_nothing_else_does() {
        let story =
            "The harbour authority said on Monday that cargo volumes rose by a fifth this year.";
        let text = format!(
            "Harbour Cargo Hits a Record\n{story}\nHosted by Zorbic Harbour Board,Organized by Quxton Data Center\n"
        );
        let article = crate::corpus::from_plain_text(1, "a.txt".into(), "a.txt".into(), &text);
        assert_eq!(article.source.as_deref(), Some("Zorbic Harbour Board"));
        assert_eq!(article.why.source, Evidence::HostedBy);
        // An advertiser sponsoring the page is no publisher; a public body is.
        let text = format!("Harbour Cargo Hits a Record\n{story}\nSponsored by Zorbic Paints\n");
        let article = crate::corpus::from_plain_text(1, "a.txt".into(), "a.txt".into(), &text);
        assert_eq!(article.source, None);
        let text = format!(
            "Harbour Cargo Hits a Record\n{story}\nSponsored by: Quxton Municipal Government\n"
        );
        let article = crate::corpus::from_plain_text(1, "a.txt".into(), "a.txt".into(), &text);
        assert_eq!(
            article.source.as_deref(),
            Some("Quxton Municipal Government")
        );
        // The story's own words about a host are not the footer.
        let text = format!(
            "Harbour Cargo Hits a Record\nHosted by Zorbic Harbour Board, the fair opened on Monday with forty stands.\n{story}\n"
        );
        let article = crate::corpus::from_plain_text(1, "a.txt".into(), "a.txt".into(), &text);
        assert_eq!(article.source, None);
    }

    #[test]
    fn a_welcome_line_names_the_site_after_the_footer_publisher() {
        let story =
            "The harbour authority said on Monday that cargo volumes rose by a fifth this year.";
        let text = format!(
            "Welcome to the official website of Zorbic Bay!\nQuxton: Harbour Cargo Hits a Record\n{story}\n"
        );
        let article = crate::corpus::from_plain_text(1, "a.txt".into(), "a.txt".into(), &text);
        assert_eq!(article.title, "Quxton: Harbour Cargo Hits a Record");
        assert_eq!(article.source.as_deref(), Some("Zorbic Bay"));
        assert_eq!(article.why.source, Evidence::Greeting);
        assert!(!article.body.contains("Welcome"));
        let text = format!(
            "Welcome to Zorbic Bay portal website!\nQuxton: Harbour Cargo Hits a Record\n{story}\nHosted by Zorbic Bay People's Government\n"
        );
        let article = crate::corpus::from_plain_text(1, "a.txt".into(), "a.txt".into(), &text);
        assert_eq!(
            article.source.as_deref(),
            Some("Zorbic Bay People's Government")
        );
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
    fn a_credit_glued_to_the_last_paragraph_is_cut_off() {
        let mut lines = vec![
            Line::new("The port grew fast this year, officials said on Monday in a statement."),
            Line::new(
                "The harbour will open new berths next year, the mayor said. (By Ann Lee, \
                 translated by Bo Chan)",
            ),
        ];
        let tail = mark_tail(&mut lines);
        assert_eq!(tail[0].author.as_deref(), Some("Ann Lee"));
        assert_eq!(
            lines[1].text,
            "The harbour will open new berths next year, the mayor said."
        );
    }

    #[test]
    fn a_closing_source_line_with_its_authors_in_brackets() {
        let mut lines = vec![
            Line::new("The port grew fast this year, officials said on Monday in a statement."),
            Line::new("Source: Quxton Media Center (Author: Ann Lee and Bo Chan)"),
            Line::new("Cargo Crane"),
        ];
        let tail = mark_tail(&mut lines);
        let meta = combine(&Hints::default(), &Head::default(), &tail, &lines);
        assert_eq!(meta.source.as_deref(), Some("Quxton Media Center"));
        assert_eq!(meta.author.as_deref(), Some("Ann Lee and Bo Chan"));
        assert_eq!(meta.why.author, Evidence::ClosingCredit);
        assert_eq!(lines[1].role, Role::Meta);
    }

    #[test]
    fn an_empty_closing_label_is_metadata() {
        let mut lines = vec![
            line(
                "The harbour authority said on Monday that cargo volumes rose by a fifth this year.",
                Role::Body,
            ),
            line("Copy from :", Role::Body),
        ];
        let found = mark_tail(&mut lines);
        assert!(found.is_empty());
        assert_eq!(lines[1].role, Role::Meta);
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
