//! The head of the page, above the first real paragraph: finds the bylines and
//! datelines, the headline (the headline-like line just above the byline, or the
//! one matching the stated title), and drops what sits above the headline
//! (kickers, banners, a copy of the title with the site name glued on).

use super::byline::{self, Byline};
use super::{date, name, source};
use crate::corpus::clean::line::{
    Line, Role, Rule, has_sentence, is_headline_like, is_substantial, words,
};
use crate::corpus::pattern::compile as regex;
use regex::Regex;
use std::sync::LazyLock;

/// How far the head may reach when no paragraph qualifies as the lead.
const MAX_HEAD: usize = 12;

/// What the head says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Head {
    /// The headline line's text, site suffix removed.
    pub title: Option<String>,
    /// A site name cut from a headline ("Headline | Site").
    pub site: Option<String>,
    /// Every byline or dateline found.
    pub bylines: Vec<Byline>,
    /// The outlet's name on a line of its own ([`byline::masthead`]), or the
    /// publishing body's name on the first line ([`byline::publishing_body`]).
    pub masthead: Option<String>,
    /// The site a welcome line above the story names ([`greeting`]).
    pub greeting: Option<String>,
}

/// "Welcome to the official website of X!", "Welcome to X government portal
/// website!": the site greeting its reader. Group `of` is the name after "website
/// of"; group `named` the whole phrase, when it names a website itself.
static GREETING: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"(?i)^welcome\s+to\s+(?:visit\s+)?(?:",
        r"(?:the\s+)?(?:official\s+)?(?:web\s?site|web\s?portal|portal|home\s?page|site)\s+of\s+(?:the\s+)?(?P<of>.+?)",
        r"|(?:the\s+)?(?P<named>.+?)",
        r")\s*[!\u{ff01}.\u{3002}]*$",
    ))
});

/// The site a welcome line names: "Welcome to the official website of Quxton
/// County!" gives "Quxton County", "Welcome to Quxton port portal website!" gives
/// "Quxton port portal website". A welcome to anything but a website ("Welcome to
/// Quxton, the harbour city") is a headline's business, not the site's.
fn greeting(text: &str) -> Option<String> {
    let caps = GREETING.captures(text.trim())?;
    let name = match (caps.name("of"), caps.name("named")) {
        (Some(of), _) => of.as_str(),
        (None, Some(named)) if byline::names_a_medium(named.as_str()) => named.as_str(),
        _ => return None,
    };
    let shaped = (1..=10).contains(&words(name))
        && name.starts_with(char::is_uppercase)
        && !has_sentence(name)
        && !name.contains([',', ';', ':']);
    shaped.then(|| name.to_string())
}

/// A welcome line above the story's first paragraph ([`greeting`]) is the site's,
/// never the headline: it is marked metadata and the site it names kept.
fn mark_greeting(lines: &mut [Line], head: &mut Head) {
    for line in lines.iter_mut().take(MAX_HEAD) {
        if line.is_body() && is_substantial(line) {
            return;
        }
        if let Some(site) = line.is_body().then(|| greeting(&line.text)).flatten() {
            line.role = Role::Meta;
            head.greeting.get_or_insert(site);
        }
    }
}

/// Marks the head's title, metadata and junk lines; returns what they say.
pub(crate) fn mark(lines: &mut [Line], stated_title: Option<&str>) -> Head {
    let mut head = Head::default();
    mark_greeting(lines, &mut head);
    // The page's first line, when shaped like a headline (at most sixteen words, no
    // full stop at the end), is no lead paragraph however many sentences it holds:
    // "N. Ruritania's Port Grows" (an initial), "Sales Hit 5 Billion! Port Grows!".
    let first = lines.iter().position(Line::is_body);
    let lead = lines
        .iter()
        .enumerate()
        // A long byline ("By A & B · date · Source: ...") is not the lead.
        .position(|(i, l)| {
            l.is_body()
                && is_substantial(l)
                && byline::parse(&l.text).is_none()
                && !(Some(i) == first && is_headline_like(&l.text))
                && !heads_metadata(lines, i)
        })
        .unwrap_or_else(|| lines.len().min(MAX_HEAD));
    let lead = past_blurb(lines, lead);
    // A wire dateline standing alone ("PORTVILLE, Ruritania, Sept 12") is never the
    // headline; it stays in the text (it names the place the story comes from) and
    // its date, if full, is read with the head's other dates.
    // Junk lines are read too: a byline may carry a reading-time counter or look like a crumb.
    let mut byline_lines = Vec::new();
    for (i, line) in lines[..lead].iter_mut().enumerate() {
        if let Some(found) = byline::parse(&line.text) {
            byline_lines.push(i);
            // A wire dateline standing alone names the place the story comes from:
            // its date is read, the line stays in the text.
            if found.author.is_some() || found.source.is_some() || !date::is_dateline(&line.text) {
                line.role = Role::Meta;
            }
            head.bylines.push(found);
        } else if is_date_then_place(&line.text) || date::month_weekday_year(&line.text).is_some() {
            byline_lines.push(i);
            line.role = Role::Meta;
            head.bylines.push(Byline {
                date: date::full_date(&line.text)
                    .map(|(_, d)| d)
                    .or_else(|| date::month_weekday_year(&line.text)),
                ..Byline::default()
            });
        }
    }
    // The headline sits above the byline proper (author or outlet); a date line may
    // sit above the headline ("March 3, 2021 / Updated ...").
    let byline_at = head
        .bylines
        .iter()
        .position(|b| b.author.is_some() || b.source.is_some())
        .or((!head.bylines.is_empty()).then_some(0));
    let first_meta = byline_at.and_then(|n| byline_lines.get(n).copied());
    // A date line alone, not a wire dateline (which opens the story under its headline).
    let dated_only = byline_at
        .and_then(|n| head.bylines.get(n))
        .is_some_and(|b| b.author.is_none() && b.source.is_none())
        && first_meta.is_some_and(|at| !date::is_dateline(&lines[at].text));
    let title_at = match stated_title {
        Some(stated) => {
            (0..lead).find(|&i| lines[i].is_body() && same_title(&lines[i].text, stated))
        }
        // Menu items and short fields are passed over while another line fits.
        None => [true, false].into_iter().find_map(|strict| {
            choose_title(
                lines,
                lead,
                first_meta.map(|at| (at, dated_only)),
                &byline_lines,
                strict,
            )
        }),
    };
    // A line picked by its place alone must be about the story.
    let title_at = title_at.map(|at| match stated_title {
        Some(_) => at,
        None => prefer_topical(lines, lead, at, first_meta),
    });
    if let Some(at) = title_at {
        prefer_own_date(&mut head.bylines, &byline_lines, at);
    }
    if let Some(at) = title_at {
        lines[at].role = Role::Title;
        let text = match split_metadata_suffix(&lines[at].text) {
            Some((title, found)) => {
                head.bylines.push(found);
                title
            }
            None => lines[at].text.clone(),
        };
        let text = match split_trailing_date(&text) {
            Some((title, date)) => {
                head.bylines.push(Byline {
                    date: Some(date),
                    ..Byline::default()
                });
                title
            }
            None => text,
        };
        let has_author = head.bylines.iter().any(|b| b.author.is_some());
        let text = match split_trailing_byline(&text, &lines[lead.min(lines.len())..]) {
            Some((title, author)) if !has_author => {
                head.bylines.push(Byline {
                    author: Some(author),
                    ..Byline::default()
                });
                title
            }
            _ => text,
        };
        let (title, site) = source::split_title(&text, None);
        head.title = Some(title);
        head.site = site;
    }
    drop_above(
        lines,
        title_at.or(first_meta),
        title_at.is_some(),
        &mut head,
    );
    drop_title_copies(lines, lead, &mut head);
    for line in lines[..lead].iter_mut().filter(|l| l.is_body()) {
        if is_tagline(&line.text) {
            line.role = Role::Junk(Rule::Head);
        }
    }
    mark_masthead(lines, lead, title_at, &mut head);
    mark_name_line(lines, title_at.map_or(0, |t| t + 1)..lead, &mut head);
    mark_byline_below_lead(lines, lead, &mut head);
    split_glued_byline(lines, lead, &mut head);
    split_glued_date(lines, lead, &mut head);
    strip_section_label(lines, lead);
    head
}

/// Words of a section label or news flag, besides the section names themselves.
const FLAG_WORDS: &[&str] = &[
    "breaking",
    "latest",
    "top",
    "story",
    "stories",
    "update",
    "updates",
    "headlines",
    "exclusive",
    "live",
    "flash",
    "today",
];

/// "Latest News: The port ...", "Business: Harbour ...": a section label or news flag
/// glued to the start of the lead paragraph is page furniture, not the story's first
/// words. Cut when every word of the label (one to three, capitalised) is a section
/// name or a flag word and a sentence of eight words or more follows it.
fn strip_section_label(lines: &mut [Line], lead: usize) {
    let Some(line) = lines.get_mut(lead).filter(|l| l.is_body()) else {
        return;
    };
    let Some((label, rest)) = line.text.split_once(':') else {
        return;
    };
    let tokens: Vec<&str> = label.split_whitespace().collect();
    let flag = (1..=3).contains(&tokens.len())
        && tokens.iter().all(|t| {
            let word = t.to_lowercase();
            t.chars().next().is_some_and(char::is_uppercase)
                && (super::SECTIONS.contains(&word.as_str()) || FLAG_WORDS.contains(&word.as_str()))
        });
    let rest = rest.trim_start().to_string();
    if flag && rest.starts_with(char::is_uppercase) && words(&rest) >= 8 {
        line.words = words(&rest);
        line.text = rest;
    }
}

/// A date line alone above the headline ("Wednesday, June 2, 2021" heading a blog's
/// or an aggregator's copy) is the day the page was posted; a credit line under the
/// headline that names the outlet or the author with its own date ("Example Wire,
/// June 3, 2021") dates the story. When there is one, the date lines above go to
/// the end of the list, where they are read only if nothing else is dated.
/// `bylines[k]` was read from line `lines_at[k]`.
fn prefer_own_date(bylines: &mut Vec<Byline>, lines_at: &[usize], title_at: usize) {
    let credited = |b: &Byline| b.author.is_some() || b.source.is_some();
    let own = lines_at
        .iter()
        .zip(bylines.iter())
        .any(|(&i, b)| i > title_at && b.date.is_some() && credited(b));
    if !own || bylines.len() < lines_at.len() {
        return;
    }
    let posted: Vec<bool> = lines_at
        .iter()
        .zip(bylines.iter())
        .map(|(&i, b)| i < title_at && !credited(b))
        .collect();
    let (mut first, mut last) = (Vec::new(), Vec::new());
    for (b, posted) in bylines.drain(..lines_at.len()).zip(posted) {
        if posted {
            last.push(b);
        } else {
            first.push(b);
        }
    }
    first.append(&mut last);
    first.append(bylines);
    *bylines = first;
}

/// Paragraphs from the lead searched for a byline glued to their start.
const GLUED_BYLINE_REACH: usize = 3;

/// "By Ann Lee, Harbour Daily The harbour ...", "PORTVILLE Oct. 23 reported by Ann
/// Lee The harbour ...", "(Written by Ann Lee / Translated by Bo Chan)The harbour
/// ...": a byline glued to the start of one of the first paragraphs, or between its
/// dateline and its first sentence, is cut off and read, when the head has no author.
fn split_glued_byline(lines: &mut [Line], lead: usize, head: &mut Head) {
    if head.bylines.iter().any(|b| b.author.is_some()) {
        return;
    }
    split_glued_opening(lines, lead, GLUED_BYLINE_REACH, head, |text| {
        byline::split_glued_byline(text)
            .or_else(|| byline::split_byline_after_dateline(text))
            .or_else(|| byline::split_opening_credit(text))
    });
}

/// Cuts what `split` finds glued to the start of one of the `reach` first body
/// paragraphs from the lead, and keeps it among the head's bylines.
fn split_glued_opening(
    lines: &mut [Line],
    lead: usize,
    reach: usize,
    head: &mut Head,
    split: impl Fn(&str) -> Option<(String, Byline)>,
) {
    let found = lines
        .iter()
        .enumerate()
        .skip(lead)
        .filter(|(_, l)| l.is_body())
        .take(reach)
        .find_map(|(i, l)| split(&l.text).map(|f| (i, f)));
    if let Some((at, (rest, found))) = found {
        lines[at].words = words(&rest);
        lines[at].text = rest;
        head.bylines.push(found);
    }
}

/// "Updated: 2009-08-18 00:45 The harbour ...": a labelled date glued to the start
/// of the lead or of the paragraph after it is cut off and read, when the head has
/// no date.
fn split_glued_date(lines: &mut [Line], lead: usize, head: &mut Head) {
    if head.bylines.iter().any(|b| b.date.is_some()) {
        return;
    }
    split_glued_opening(lines, lead, 2, head, byline::split_glued_date);
}

/// A masthead line in the head, above or under the headline ("Example Daily"), or
/// the publishing body's name as the page's first line above the headline: the
/// outlet when nothing better names it. Left in the text, it is marked metadata.
fn mark_masthead(lines: &mut [Line], lead: usize, title_at: Option<usize>, head: &mut Head) {
    let candidate = |i: usize, line: &Line| {
        i != title_at.unwrap_or(usize::MAX)
            && matches!(line.role, Role::Body | Role::Junk(Rule::Head))
    };
    // The page's section repeated under its breadcrumb ("Home > Harbour News" /
    // "Harbour News") is a section heading, not the outlet.
    let crumbs: Vec<String> = lines[..lead.min(lines.len())]
        .iter()
        .filter(|l| l.role == Role::Junk(Rule::Breadcrumb))
        .filter_map(|l| {
            l.text
                .rsplit(['>', '/', '|', '\u{bb}', '\u{203a}'])
                .next()
                .map(key)
        })
        .collect();
    let section = |text: &str| crumbs.contains(&key(text));
    let found = (0..lead.min(lines.len()))
        .filter(|&i| {
            candidate(i, &lines[i]) && !section(&lines[i].text) && !is_menu_item_below(lines, i)
        })
        .find_map(|i| byline::masthead(&lines[i].text).map(|m| (i, m)))
        .or_else(|| {
            // The site's logo as the page's first line, above the headline: a brand
            // name, maybe with the image's label ("iQuxton Logo").
            let first = lines.first()?;
            let above_title = title_at.is_some_and(|t| t > 0);
            (above_title && candidate(0, first))
                .then(|| logo_brand(&first.text))
                .flatten()
                .map(|m| (0, m))
        })
        .or_else(|| {
            let first = lines.first()?;
            let above_title = title_at.is_some_and(|t| t > 0);
            (above_title && candidate(0, first))
                .then(|| byline::publishing_body(&first.text))
                .flatten()
                .map(|m| (0, m))
        });
    if let Some((at, name)) = found {
        if lines[at].is_body() {
            lines[at].role = Role::Meta;
        }
        head.masthead = Some(name);
    }
}

/// Words a logo image's text adds to the site's name.
const LOGO_WORDS: &[&str] = &["logo", "title", "home", "homepage"];

/// "iQuxton", "QuxNews Logo": a brand name ([`name::is_brand`]) alone or with a
/// logo word after it.
fn logo_brand(text: &str) -> Option<String> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let (brand, rest) = tokens.split_first()?;
    let logo = match rest {
        [] => true,
        [word] => LOGO_WORDS.contains(&word.to_lowercase().as_str()),
        _ => false,
    };
    (logo && name::is_brand(brand)).then(|| brand.to_string())
}

/// Short lines just under the lead searched for a byline.
const BYLINE_BELOW_LEAD: usize = 3;

/// A "By NAME" line just under the first paragraph (a standfirst, then a photo
/// credit, then the byline) is the byline when the head has none.
fn mark_byline_below_lead(lines: &mut [Line], lead: usize, head: &mut Head) {
    if head
        .bylines
        .iter()
        .any(|b| b.author.is_some() || b.source.is_some())
    {
        return;
    }
    let end = lines.len().min(lead + 1 + BYLINE_BELOW_LEAD);
    for line in lines.iter_mut().take(end).skip(lead + 1) {
        if !line.is_body() {
            continue;
        }
        if words(&line.text) > 8 {
            return;
        }
        let opens_with_by = line
            .text
            .get(..3)
            .is_some_and(|p| p.eq_ignore_ascii_case("by "));
        let found = opens_with_by
            .then(|| byline::parse(&line.text))
            .flatten()
            .filter(|b| b.author.is_some() || b.source.is_some());
        if let Some(found) = found {
            line.role = Role::Meta;
            head.bylines.push(found);
            return;
        }
    }
}

/// "Headline| Updated: 2024-06-21", "Headline | By Ann Lee": metadata glued to the
/// headline after a bar is cut off and read. The part after the bar must read as a
/// byline with something definite in it (a label, a date, a domain), so that a site
/// name ("Headline | Example Times") is left to [`source::split_title`].
fn split_metadata_suffix(text: &str) -> Option<(String, Byline)> {
    text.match_indices('|').find_map(|(at, _)| {
        let (title, rest) = (text[..at].trim(), &text[at + 1..]);
        let found = byline::parse(rest)
            .filter(|b| b.date.is_some() || b.author.is_some() || b.source.is_some())?;
        (words(title) >= 2).then(|| (title.to_string(), found))
    })
}

/// "Port Reopens After the Storm 2018-08-08": a full date glued to the end of the
/// headline line is the page's date, not part of the headline.
fn split_trailing_date(text: &str) -> Option<(String, String)> {
    let text = text.trim_end();
    let (span, found) = date::full_date(text)?;
    let title = text[..span.start].trim_end_matches([' ', ',', '-', '|', '\u{2013}']);
    // A time of day may follow the date ("... 06/27/2018 08:59").
    let after = &text[span.end..];
    let glued = (after.is_empty() || super::byline::is_time_only(after))
        && span.start > 0
        && text[..span.start].ends_with(char::is_whitespace)
        // The date is written with digits only ("2018-08-08", "08/08/2018"): a
        // headline about a day names it in words ("... on May 4").
        && !text[span.clone()].chars().any(char::is_alphabetic)
        && words(title) >= 3;
    glued.then(|| (title.to_string(), found))
}

/// Past participles that end in neither "-ed" nor "-en": before "by", the start of
/// a passive's agent ("Harbour firm bought by Ann Quux"), not of a byline.
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "made", "led", "held", "hit", "won", "run", "bought", "sold", "built", "caught", "shot",
    "struck", "told", "set", "put", "cut", "hurt", "brought", "sent", "spent", "left", "kept",
    "paid", "found", "met", "read", "said", "sung", "done", "torn", "worn", "slain", "swept",
];

/// Adverbs of phrasal verbs, which may stand between a participle and "by".
const PARTICLES: &[&str] = &[
    "over", "up", "down", "out", "off", "in", "on", "away", "back", "apart",
];

/// "Harbour Reopens After the Storm by Ann Quux": a byline glued to the end of the
/// headline line, with no label or bar of its own. Cut off (the author, and the
/// headline without it) only when what follows the last "by" is two or three words
/// that can only be a person's name ([`name::is_bare_name`]), the word before "by"
/// is no past participle (a passive's agent: "... acquired by Ann Quux", "... taken
/// over by Ann Quux"), at least
/// three words are left, and the story does not name the person again, as it would
/// name someone its headline is about.
fn split_trailing_byline(text: &str, story: &[Line]) -> Option<(String, String)> {
    let text = text.trim_end();
    let at = text.rfind(" by ")?;
    let (title, author) = (text[..at].trim_end(), text[at + 4..].trim());
    if !name::is_bare_name(author) || words(title) < 3 {
        return None;
    }
    // The verb may have its particle between it and "by" ("taken over by").
    let mut before = title.rsplit(char::is_whitespace).map(str::to_lowercase);
    let last = before.next().unwrap_or_default();
    let verb = if PARTICLES.contains(&last.as_str()) {
        before.next().unwrap_or_default()
    } else {
        last
    };
    let participle = verb.ends_with("ed")
        || verb.ends_with("en")
        || IRREGULAR_PARTICIPLES.contains(&verb.as_str());
    let surname = author.split_whitespace().last()?;
    let named_again = story.iter().filter(|l| l.is_body()).any(|l| {
        l.text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == surname)
    });
    (!participle && !named_again).then(|| (title.to_string(), author.to_string()))
}

/// A site's tagline in the head: "From Example Wiki, the free encyclopedia".
fn is_tagline(text: &str) -> bool {
    text.starts_with("From ")
        && text.contains(", ")
        && words(text) <= 8
        && !crate::corpus::clean::line::ends_sentence(text)
}

/// A line holding only a person's name, between the headline and the lead, is the
/// byline when the head has no other author ("Headline / Zhao Minghui / Lead ...").
fn mark_name_line(lines: &mut [Line], range: std::ops::Range<usize>, head: &mut Head) {
    if head.bylines.iter().any(|b| b.author.is_some()) {
        return;
    }
    // A name the lists do not know ("Ann Quuxley" with an unlisted given name) is
    // still the byline when a labelled metadata line follows it at once.
    let end = range.end.min(lines.len());
    let found = range.filter(|&i| i < end).find(|&i| {
        let line = &lines[i];
        line.is_body()
            && line.words <= 4
            && (name::is_person(&line.text) || is_name_above_meta(lines, i))
    });
    if let Some(line) = found.map(|i| &mut lines[i]) {
        line.role = Role::Meta;
        head.bylines.push(Byline {
            author: Some(name::normalise(&line.text)),
            ..Byline::default()
        });
    }
}

/// Two or three capitalised words that read as a name, just above a labelled
/// metadata line: a byline even when the name lists do not know the name.
fn is_name_above_meta(lines: &[Line], at: usize) -> bool {
    let line = &lines[at];
    lines
        .get(at + 1)
        .is_some_and(|next| next.role == Role::Meta)
        && (2..=3).contains(&line.words)
        && name::is_name(&line.text)
        && name::is_author(&line.text)
}

/// Abbreviations a headline may end on ("... (Quxton) Co., Ltd.", "Podcast (4/18/2019
/// Thu.)"): their full stop ends no sentence.
const CLOSING_ABBREVIATIONS: &[&str] = &[
    "ltd", "co", "inc", "corp", "plc", "llc", "bros", "jr", "sr", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun",
];

/// Shaped like a headline, also when it ends on an abbreviation's full stop.
fn is_headline_shaped(text: &str) -> bool {
    if is_headline_like(text) {
        return true;
    }
    let trimmed = text
        .trim_end()
        .trim_end_matches([')', ']', '"', '\u{201d}']);
    let Some(stem) = trimmed.strip_suffix('.') else {
        return false;
    };
    let last = stem
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == ',')
        .next()
        .unwrap_or("")
        .to_lowercase();
    (2..=16).contains(&words(text))
        && CLOSING_ABBREVIATIONS.contains(&last.as_str())
        && !has_sentence(stem)
}

/// Words of a headline that are not function words, cut to five letters ("welcomes"
/// and "welcome" agree).
fn content_stems(text: &str) -> std::collections::HashSet<String> {
    const FUNCTION: &[&str] = &[
        "the", "and", "for", "with", "from", "that", "this", "are", "was", "were", "has", "have",
        "its", "their", "will", "into", "over", "after", "about", "but", "not", "than",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 3 && !FUNCTION.contains(&w.as_str()))
        .map(|w| w.chars().take(5).collect())
        .collect()
}

/// How many of the line's content words the lead paragraph uses too.
fn shared_with(line: &str, lead: &std::collections::HashSet<String>) -> usize {
    content_stems(line).intersection(lead).count()
}

/// Without a stated title: the nearest headline-like line above the first byline,
/// or the first headline-like line of the head (of four words or more if any).
/// When the first byline is a date alone, the headline may sit under it (a site's
/// name, the date, then the headline): the line under it that shares more words with
/// the lead paragraph wins.
fn choose_title(
    lines: &[Line],
    lead: usize,
    first_meta: Option<(usize, bool)>,
    byline_lines: &[usize],
    strict: bool,
) -> Option<usize> {
    // When `strict`, neither a labelled field with a one- or two-word value
    // ("Country: Ruritania") nor an item of a menu laid out one item a line is a
    // headline.
    let fits = |i: &usize| {
        let line = &lines[*i];
        let menu = in_menu(lines, *i) && !heads_lead(lines, *i, lead) || inside_menu(lines, *i);
        may_head(line)
            && words(&line.text) >= 2
            && !(strict && (is_short_field(&line.text) || menu))
    };
    // A name standing alone between the headline and a dateline is the byline.
    let headline = |i: &usize| {
        (fits(i) && !name::is_person(&lines[*i].text) && !is_name_above_meta(lines, *i))
            || heads_metadata(lines, *i)
    };
    // Wire copy: "Port reopens after the storm." above a name alone (the byline) or
    // a dateline: a headline written as a sentence.
    let sentence_headline = |i: &usize| {
        let line = &lines[*i];
        line.is_body()
            && (2..=16).contains(&words(&line.text))
            && !name::is_person(&line.text)
            && lines.get(*i + 1).is_some_and(|next| {
                (next.is_body() && next.words <= 4 && name::is_person(&next.text))
                    || date::is_dateline(&next.text)
            })
    };
    // An official's headline naming a whole event may run past sixteen words; in
    // Title Case, with no sentence in it, it is still the headline above a byline.
    let long_headline = |i: &usize| {
        let line = &lines[*i];
        line.is_body()
            && (17..=MAX_LONG_HEADLINE).contains(&words(&line.text))
            && !has_sentence(&line.text)
            && !crate::corpus::clean::line::ends_statement(&line.text)
            && is_title_case(&line.text)
    };
    match first_meta {
        Some((meta, false)) => (0..meta)
            .rev()
            .find(headline)
            .or_else(|| (0..meta).rev().find(sentence_headline))
            .or_else(|| (0..meta).rev().find(fits))
            .or_else(|| (0..meta).rev().find(long_headline))
            .or_else(|| (meta..lead).find(fits)),
        Some((meta, true)) => {
            let above = (0..meta)
                .rev()
                .find(headline)
                .or_else(|| (0..meta.saturating_sub(1)).rev().find(sentence_headline))
                .or_else(|| (0..meta).rev().find(fits))
                .or_else(|| (0..meta).rev().find(long_headline));
            // Under the date: the line just above another date line, else the first
            // long enough to be a headline, else any.
            let below = (meta + 1..lead)
                .filter(headline)
                .find(|i| byline_lines.contains(&(i + 1)))
                .or_else(|| (meta + 1..lead).filter(fits).find(|&i| lines[i].words >= 4))
                .or_else(|| (meta + 1..lead).find(fits));
            match (above, below) {
                (Some(a), Some(b)) => {
                    let lead_words = lines.get(lead).map(|l| content_stems(&l.text));
                    let better = lead_words.is_some_and(|w| {
                        shared_with(&lines[b].text, &w) > shared_with(&lines[a].text, &w)
                    });
                    Some(if better { b } else { a })
                }
                (a, b) => a.or(b),
            }
        }
        // Without a byline, navigation words may sit above the headline: prefer a
        // line long enough to be a headline over one- to three-word labels.
        None => (0..lead)
            .filter(fits)
            .find(|&i| lines[i].words >= 4)
            .or_else(|| (0..lead).find(sentence_headline))
            .or_else(|| (0..lead).find(fits)),
    }
}

/// "Sales Hit 5 Billion! Quxton Port Signs Ten Deals" right above "Source:Example
/// News 01-29-2023": a line in Title Case of up to [`MAX_LONG_HEADLINE`] words, not
/// ending a statement, just above a metadata line that names an outlet, an author
/// or a date, is the headline, however long and whatever its exclamation marks, and
/// never the lead paragraph.
fn heads_metadata(lines: &[Line], i: usize) -> bool {
    let line = &lines[i];
    line.is_body()
        && (2..=MAX_LONG_HEADLINE).contains(&words(&line.text))
        && is_title_case(&line.text)
        && !crate::corpus::clean::line::ends_statement(&line.text)
        && lines.get(i + 1).is_some_and(|next| {
            byline::parse(&next.text)
                .is_some_and(|b| b.author.is_some() || b.source.is_some() || b.date.is_some())
        })
}

/// Longest headline in words, when it is in Title Case ([`choose_title`]).
const MAX_LONG_HEADLINE: usize = 30;

/// Title Case: nearly every word of four letters or more opens with a capital (or a
/// digit), as headlines are written and sentences are not.
fn is_title_case(text: &str) -> bool {
    let long: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capital = long
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    long.len() >= 5 && capital * 10 >= long.len() * 9
}

/// Longest one-sentence blurb above a headline, in words ([`past_blurb`]).
const MAX_BLURB: usize = 40;

/// "The Land of Harbours" / "In the east of Ruritania lies a coast that is named
/// Quxton." / "Nine Quxton port projects open" / story: a site's tagline and a
/// one-sentence blurb about the place, above the story's headline. When the
/// paragraph taken for the lead is one sentence of at most [`MAX_BLURB`] words, the
/// next line is shaped like a headline and shares at least two and half of its
/// content words with the paragraphs under it, and no headline-shaped line above the
/// blurb shares a third of its own with the blurb and those paragraphs, the story
/// (its lead) starts under that headline.
fn past_blurb(lines: &[Line], lead: usize) -> usize {
    let body = |i: &usize| lines[*i].is_body();
    let Some(blurb) = lines.get(lead) else {
        return lead;
    };
    let stem = blurb
        .text
        .trim_end()
        .trim_end_matches(['.', '!', '?', '\u{3002}']);
    let one_sentence = blurb.words <= MAX_BLURB && !has_sentence(stem);
    let Some(headline) = (lead + 1..lines.len()).find(body) else {
        return lead;
    };
    let Some(start) = (headline + 1..lines.len()).find(body) else {
        return lead;
    };
    let shaped = |i: usize| may_head(&lines[i]) && words(&lines[i].text) >= 4;
    if !(one_sentence && shaped(headline) && is_substantial(&lines[start])) {
        return lead;
    }
    let story: std::collections::HashSet<String> = lines[start..]
        .iter()
        .filter(|l| l.is_body() && is_substantial(l))
        .take(TOPIC_PARAGRAPHS)
        .flat_map(|l| content_stems(&l.text))
        .collect();
    let shared = |text: &str| {
        let stems = content_stems(text);
        (stems.intersection(&story).count(), stems.len())
    };
    let (n, of) = shared(&lines[headline].text);
    // A line above is judged by the blurb too: a headline shares words with its lead.
    let text: std::collections::HashSet<String> =
        story.union(&content_stems(&blurb.text)).cloned().collect();
    let above: Vec<usize> = (0..lead).filter(|&i| may_head(&lines[i])).collect();
    let about_story = above.iter().any(|&i| {
        let stems = content_stems(&lines[i].text);
        3 * stems.intersection(&text).count() >= stems.len()
    });
    if n >= 2 && 2 * n >= of && !above.is_empty() && !about_story {
        start
    } else {
        lead
    }
}

/// Substantial paragraphs from the lead whose words judge a headline candidate.
const TOPIC_PARAGRAPHS: usize = 4;

/// A headline shares words with the story under it; a menu item, a form's heading or
/// the publisher's name does not. When the line chosen by its place shares under a
/// third of its content words with the story's first paragraphs, and another
/// headline-shaped line of the head shares at least two and half of its own, that
/// line is the headline (the one sharing most; the lower of equals).
///
/// A line too long for a headline's shape (17 to [`MAX_LONG_HEADLINE`] words, no
/// sentence in it) just above the first byline or date line is the headline too,
/// when the chosen line is not about the story and it shares more words with the
/// story (a tagline above a run-on headline).
fn prefer_topical(lines: &[Line], lead: usize, chosen: usize, meta: Option<usize>) -> usize {
    let lead = lead.min(lines.len());
    let story: std::collections::HashSet<String> = lines[lead..]
        .iter()
        .filter(|l| l.is_body() && is_substantial(l))
        .take(TOPIC_PARAGRAPHS)
        .flat_map(|l| content_stems(&l.text))
        .collect();
    if story.is_empty() {
        return chosen;
    }
    // Content words of a line and how many of them the story uses.
    let shared = |text: &str| {
        let stems = content_stems(text);
        (stems.intersection(&story).count(), stems.len())
    };
    let (n, of) = shared(&lines[chosen].text);
    if 3 * n >= of {
        return chosen;
    }
    let above_meta = meta.and_then(|m| m.checked_sub(1)).filter(|&i| {
        let line = &lines[i];
        i > chosen
            && line.is_body()
            && (17..=MAX_LONG_HEADLINE).contains(&words(&line.text))
            && !has_sentence(&line.text)
            && !crate::corpus::clean::line::ends_statement(&line.text)
            && shared(&line.text).0 > n.max(1)
    });
    if let Some(at) = above_meta {
        return at;
    }
    (0..lead)
        .filter(|&i| {
            let line = &lines[i];
            i != chosen && may_head(line) && words(&line.text) >= 3 && !name::is_person(&line.text)
        })
        .map(|i| (i, shared(&lines[i].text)))
        .filter(|&(_, (n, of))| n >= 2 && 2 * n >= of)
        .max_by_key(|&(i, (n, _))| (n, i))
        .map_or(chosen, |(i, _)| i)
}

/// "- Mayors Led Teams Abroad, Bringing Back Deals": a line opening with a dash is a
/// deck under the headline (its second title), never the headline itself.
fn is_deck(text: &str) -> bool {
    let text = text.trim_start();
    text.starts_with(['-', '\u{2013}', '\u{2014}'])
        && text
            .trim_start_matches(['-', '\u{2013}', '\u{2014}'])
            .starts_with(char::is_whitespace)
        && words(text) >= 3
}

/// "Harbour Hub Opens Harbour Hub Opens": a line that is one text twice over (an
/// image's text glued to its caption), a copy of the headline rather than the
/// headline.
fn is_doubled(text: &str) -> bool {
    let letters: Vec<char> = key(text).chars().collect();
    let half = letters.len() / 2;
    letters.len() >= 8 && letters.len().is_multiple_of(2) && letters[..half] == letters[half..]
}

/// A body line shaped like a headline that no date, dateline, deck or doubled copy
/// rules out (what every way of choosing the headline asks first).
fn may_head(line: &Line) -> bool {
    line.is_body()
        && is_headline_shaped(&line.text)
        && !date::starts_with_range(&line.text)
        && !date::is_dateline(&line.text)
        && !is_date_then_place(&line.text)
        && !is_deck(&line.text)
        && !is_doubled(&line.text)
}

/// "24 March 2023, Quxton": a full date opening the line, then only a place of one
/// to three capitalised words: a dateline written date first, never a headline.
fn is_date_then_place(text: &str) -> bool {
    let text = text.trim();
    let Some((span, _)) = date::full_date(text) else {
        return false;
    };
    let rest = text[span.end..].trim_start_matches([',', ' ', '-', '\u{2013}', '|', '/']);
    span.start == 0
        && (1..=3).contains(&words(rest))
        && rest
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// "Country for PR: Ruritania": a label, a colon and a value of one or two words.
fn is_short_field(text: &str) -> bool {
    text.split_once([':', '\u{ff1a}'])
        .is_some_and(|(label, value)| words(label) <= 4 && (1..=2).contains(&words(value)))
}

/// Lines in a menu flattened one item a line: a run of at least [`MENU_RUN`] lines
/// of at most four words each.
const MENU_RUN: usize = 4;

/// Whether line `at` belongs to a run of short lines ([`MENU_RUN`]).
fn in_menu(lines: &[Line], at: usize) -> bool {
    // Items a cleaner rule already dropped ("Home", "World") still belong to the run.
    let short =
        |l: &Line| !matches!(l.role, Role::Title | Role::Meta) && (1..=4).contains(&l.words);
    if !short(&lines[at]) {
        return false;
    }
    let before = lines[..at].iter().rev().take_while(|l| short(l)).count();
    let after = lines[at + 1..].iter().take_while(|l| short(l)).count();
    before + 1 + after >= MENU_RUN
}

/// A menu item longer than [`in_menu`] allows ("Learn to Cook Local Dishes") between
/// two short items of a menu laid out one item a line.
fn inside_menu(lines: &[Line], at: usize) -> bool {
    let short =
        |l: &Line| !matches!(l.role, Role::Title | Role::Meta) && (1..=4).contains(&l.words);
    (5..=8).contains(&lines[at].words)
        && at > 0
        && lines.get(at + 1).is_some_and(short)
        && short(&lines[at - 1])
        && (in_menu(lines, at - 1) || in_menu(lines, at + 1))
}

/// The last line of the head, just above the lead paragraph, of three words or
/// more: where the headline stands even when a menu runs into it ("... / Hot Links /
/// Port Hub Seeks Funds / Lead").
fn heads_lead(lines: &[Line], at: usize, lead: usize) -> bool {
    lead < lines.len()
        && at < lead
        && lines[at].words >= 3
        && lines[at + 1..lead].iter().all(|l| !l.is_body())
}

/// Menu items above a masthead-shaped line that make it one of the menu's items.
const MENU_ITEMS_ABOVE: usize = 3;

/// An item deep in a menu laid out one item a line, under [`MENU_ITEMS_ABOVE`] of
/// its items or more: a section's name ("Weekly Review"), not the outlet's
/// masthead, which leads the page (under a widget or two at most).
fn is_menu_item_below(lines: &[Line], at: usize) -> bool {
    at >= MENU_ITEMS_ABOVE
        && in_menu(lines, at)
        && (at - MENU_ITEMS_ABOVE..at).all(|i| in_menu(lines, i))
}

/// Lines above the headline go; above a byline with no headline found, only
/// headline-like ones (kickers, section names) go.
fn drop_above(lines: &mut [Line], boundary: Option<usize>, is_title: bool, head: &mut Head) {
    let Some(boundary) = boundary else { return };
    let title = head.title.clone().unwrap_or_default();
    for line in lines[..boundary].iter_mut().filter(|l| l.is_body()) {
        if is_title && same_title(&line.text, &title) {
            let (_, site) = source::split_title(&line.text, None);
            head.site = head.site.take().or(site);
        }
        if is_title || line.is_headline_like() || date::starts_with_range(&line.text) {
            line.role = Role::Junk(Rule::Head);
        }
    }
}

/// Copies of the headline further down the head (with or without a site suffix), and
/// in the body, where a headline standing alone is page furniture (a caption or a
/// teaser repeating it), not article text.
fn drop_title_copies(lines: &mut [Line], lead: usize, head: &mut Head) {
    let Some(title) = head.title.clone() else {
        return;
    };
    // A copy is about as long as the headline (a site suffix at most): skip the rest cheaply.
    let longest = title.len() * 2 + 64;
    for (i, line) in lines.iter_mut().enumerate().filter(|(_, l)| l.is_body()) {
        if line.text.len() > longest || !same_title(&line.text, &title) {
            continue;
        }
        if i < lead {
            let (_, site) = source::split_title(&line.text, None);
            head.site = head.site.take().or(site);
            line.role = Role::Junk(Rule::Head);
        } else {
            line.role = Role::Junk(Rule::Repeated);
        }
    }
}

/// Letters and digits only, in lower case: how two spellings of a headline or an
/// outlet are compared ("Eastern Courier" and "easterncourier").
pub(super) fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The same headline, ignoring case, punctuation and a site suffix on either side,
/// or the headline glued to itself (an image's text and its caption, "Headline
/// Headline").
pub(crate) fn same_title(a: &str, b: &str) -> bool {
    let (a_main, _) = source::split_title(a, None);
    let (b_main, _) = source::split_title(b, None);
    let (ka, kb, kam, kbm) = (key(a), key(b), key(&a_main), key(&b_main));
    let doubled =
        |long: &str, short: &str| long.len() == 2 * short.len() && long == short.repeat(2);
    !ka.is_empty()
        && !kb.is_empty()
        && (ka == kb
            || kam == kb
            || ka == kbm
            || kam == kbm
            || doubled(&ka, &kb)
            || doubled(&kb, &ka))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEAD: &str =
        "The harbour authority said on Monday that cargo volumes rose by a fifth this year.";

    fn run(texts: &[&str], stated: Option<&str>) -> (Vec<Role>, Head) {
        let mut lines: Vec<Line> = texts.iter().map(|t| Line::new(*t)).collect();
        crate::corpus::clean::rules::mark(&mut lines);
        let head = mark(&mut lines, stated);
        (lines.iter().map(|l| l.role).collect(), head)
    }

    #[test]
    fn a_long_title_case_headline_right_above_its_source_line_is_the_headline() {
        let headline = "Sales Hit RMB 5 Billion! Quxton Harbour New Area Signs Contracts of Twelve Port Logistics Projects";
        let (roles, head) = run(
            &[
                "news@quxton.example",
                "EN DE FR",
                "QUXTON",
                headline,
                "Source:The Zorbnews 03-27-2022 10:11:12",
                LEAD,
            ],
            None,
        );
        assert_eq!(head.title.as_deref(), Some(headline));
        assert_eq!(roles[4], Role::Meta);
        let found = &head.bylines[0];
        assert_eq!(found.source.as_deref(), Some("The Zorbnews"));
        assert_eq!(found.date.as_deref(), Some("2022-03-27"));
        // Without the metadata line under it, the line is read as it was: a
        // paragraph with two sentences.
        let (_, head) = run(&["EN DE FR", headline, LEAD], None);
        assert_eq!(head.title.as_deref(), Some("EN DE FR"));
    }

    #[test]
    fn a_headline_with_a_date_glued_on_is_no_outlet() {
        let (_, head) = run(
            &[
                "Chinese Simplified",
                "Quxton Port Signs Ten Deals 2018-10-31",
                LEAD,
            ],
            None,
        );
        assert_eq!(head.title.as_deref(), Some("Quxton Port Signs Ten Deals"));
        assert!(head.bylines.iter().all(|b| b.source.is_none()));
        assert!(
            head.bylines
                .iter()
                .any(|b| b.date.as_deref() == Some("2018-10-31"))
        );
    }

    #[test]
    fn a_credit_in_brackets_opening_the_lead_is_the_author() {
        let glued = "(Written by Ann Quxley / Translated by Bo Zorbin)Lying on the coast, Quxton is the main port of the region.";
        let (_, head) = run(&["Quxton Port Signs Ten Deals", glued], None);
        assert!(
            head.bylines
                .iter()
                .any(|b| b.author.as_deref() == Some("Ann Quxley"))
        );
    }

    #[test]
    fn a_digits_only_date_after_the_headline_words_is_cut_off_and_read() {
        let (_, head) = run(
            &[
                "Harbour Traffic Hits a Record in the Busy Summer 2018-08-08",
                LEAD,
            ],
            None,
        );
        assert_eq!(
            head.title.as_deref(),
            Some("Harbour Traffic Hits a Record in the Busy Summer")
        );
        assert!(
            head.bylines
                .iter()
                .any(|b| b.date.as_deref() == Some("2018-08-08"))
        );
        // A time of day may follow the date.
        assert_eq!(
            split_trailing_date("Harbour Traffic Hits a Record     08/27/2018 08:59"),
            Some((
                "Harbour Traffic Hits a Record".to_string(),
                "2018-08-27".to_string()
            ))
        );
        // A date in words is part of the headline.
        assert_eq!(split_trailing_date("Harbour reopens on May 4, 2018"), None);
    }

    #[test]
    fn a_byline_glued_to_the_end_of_the_headline_line_is_the_author() {
        let (_, head) = run(
            &[
                "Quxton recognised as cradle of the region's shipbuilding by Omar Zaid Quuxley",
                LEAD,
            ],
            None,
        );
        assert_eq!(
            head.title.as_deref(),
            Some("Quxton recognised as cradle of the region's shipbuilding")
        );
        assert!(
            head.bylines
                .iter()
                .any(|b| b.author.as_deref() == Some("Omar Zaid Quuxley"))
        );
        let story = [Line::new(LEAD)];
        // A passive's agent, a name the story speaks of, and no name at all stay.
        assert_eq!(
            split_trailing_byline("Quxton harbour firm acquired by Ann Quuxley", &story),
            None
        );
        assert_eq!(
            split_trailing_byline("Quxton harbour firm taken over by Ann Quuxley", &story),
            None
        );
        let about = [Line::new("Quuxley, 54, painted the harbour in the spring.")];
        assert_eq!(
            split_trailing_byline("Prize goes to a harbour painting by Ann Quuxley", &about),
            None
        );
        assert_eq!(
            split_trailing_byline("Quxton cargo grows by Ten Percent", &story),
            None
        );
        assert_eq!(
            split_trailing_byline("Quxton cargo grows by Hong Kong", &story),
            None
        );
    }

    #[test]
    fn a_section_label_glued_to_the_lead_is_cut() {
        let glued = format!("Breaking News: {LEAD}");
        let mut lines = vec![Line::new("Harbour Cargo Hits a Record"), Line::new(&glued)];
        crate::corpus::clean::rules::mark(&mut lines);
        mark(&mut lines, None);
        assert_eq!(lines[1].text, LEAD);
        // A label that is no section or flag, or a short text after it, stays.
        for kept in [
            format!("Ann Quuxley: {LEAD}"),
            "Latest News: Cargo up.".to_string(),
        ] {
            let mut lines = vec![Line::new("Harbour Cargo Hits a Record"), Line::new(&kept)];
            crate::corpus::clean::rules::mark(&mut lines);
            mark(&mut lines, None);
            assert!(lines.iter().any(|l| l.text == kept), "{kept}");
        }
    }

    #[test]
    fn a_one_sentence_blurb_above_the_headline_is_no_lead() {
        let blurb = "In the east of Ruritania there is a quiet stretch of coast, which is named the Amber Shore.";
        let headline = "Nine harbour projects of Quxton come into operation in spring";
        let story = "On May 2, Quxton held the opening ceremony of nine harbour projects worth 2 billion, the city said.";
        let (roles, head) = run(&["The home of herons", blurb, headline, story, LEAD], None);
        assert_eq!(head.title.as_deref(), Some(headline));
        assert_eq!(roles[1], Role::Junk(Rule::Head));
        assert_eq!(roles[3], Role::Body);
        // A headline about the story above a one-sentence lead and a subhead stays.
        let (roles, head) = run(
            &[
                "Quxton harbour projects come into operation",
                story,
                "Cargo volumes rose by a fifth",
                LEAD,
            ],
            None,
        );
        assert_eq!(
            head.title.as_deref(),
            Some("Quxton harbour projects come into operation")
        );
        assert_eq!(roles[1], Role::Body);
    }

    #[test]
    fn a_headline_glued_to_itself_is_a_copy() {
        let title = "Zorbic: The Province\u{2019}s Key Harbour Hub";
        let doubled = format!("{title} {title}");
        let (roles, head) = run(
            &[
                title,
                "Quuxia Costaglia",
                "DATE:  6 hours ago",
                "/ SOURCE:  Harbourwire",
                &doubled,
                LEAD,
            ],
            None,
        );
        assert_eq!(head.title.as_deref(), Some(title));
        assert_eq!(roles[4], Role::Junk(Rule::Head));
        // An unlisted name just above the labelled lines is the byline.
        assert!(
            head.bylines
                .iter()
                .any(|b| b.author.as_deref() == Some("Quuxia Costaglia"))
        );
    }

    #[test]
    fn a_deck_opening_with_a_dash_is_not_the_headline() {
        let story = "Harbour officials led teams to three provinces in May to attract \
                     investment in cargo handling, the city said on Monday.";
        let (_, head) = run(
            &[
                "English version French version",
                "Steady Investment Attraction. Measures Taken to Grow the Harbour",
                " - Harbour Officials Led Teams to Three Provinces to Attract Cargo \
                 Investment, Obtaining Results",
                story,
                "The teams signed deals on cargo handling investment worth millions.",
            ],
            None,
        );
        assert_eq!(
            head.title.as_deref(),
            Some("Steady Investment Attraction. Measures Taken to Grow the Harbour")
        );
    }

    #[test]
    fn a_long_headline_in_title_case_above_a_date_line() {
        let title = "The 3rd Harbour Forum & Signing Ceremony of the 2021 Coastal Trade & \
                     Investment Fair of Zorbic Province Held in Zorbic City";
        let (_, head) = run(&[title, "Updated: 2021-05-04", LEAD], None);
        assert_eq!(head.title.as_deref(), Some(title));
        // A long line in sentence case is no headline.
        let (_, head) = run(
            &[
                "The third harbour forum and a signing ceremony of the coastal trade and \
                 investment fair of the province were held in the city this week",
                "Updated: 2021-05-04",
                LEAD,
            ],
            None,
        );
        assert_eq!(head.title, None);
    }

    #[test]
    fn a_line_sharing_no_word_with_the_story_gives_way_to_one_about_it() {
        // Two headline-shaped lines above a date line: the lower sits where a
        // headline sits, but only the upper is about the story.
        let story = "Zorbic Harbour handled a record tonnage of cargo this summer, \
                     the port authority said on Monday, as new berths opened.";
        let (_, head) = run(
            &[
                "Zorbic Harbour Handles Record Cargo Tonnage",
                "Weekly Newsletter Sign-up Form",
                "Tuesday, May 4, 2021",
                story,
                "The new berths doubled the harbour's capacity for container ships.",
            ],
            None,
        );
        assert_eq!(
            head.title.as_deref(),
            Some("Zorbic Harbour Handles Record Cargo Tonnage")
        );
        // A headline that shares words with the story stays, whatever lies around it.
        let (_, head) = run(
            &[
                "Zorbic Harbour News Weekly",
                "Record summer for the harbour",
                "Tuesday, May 4, 2021",
                story,
            ],
            None,
        );
        assert_eq!(head.title.as_deref(), Some("Record summer for the harbour"));
    }

    #[test]
    fn a_section_name_repeated_under_its_breadcrumb_is_no_masthead() {
        let (_, head) = run(
            &[
                "Current Location:Home > Harbour News",
                "Harbour News",
                "Zorbic Harbour Handles a Record Cargo Tonnage",
                LEAD,
            ],
            None,
        );
        assert_eq!(head.masthead, None);
        // Without the trail it is a masthead.
        let (_, head) = run(
            &[
                "Harbour News",
                "Zorbic Harbour Handles a Record Cargo Tonnage",
                LEAD,
            ],
            None,
        );
        assert_eq!(head.masthead.as_deref(), Some("Harbour News"));
    }

    #[test]
    fn a_welcome_line_above_the_headline_names_the_site_and_is_no_headline() {
        let (roles, head) = run(
            &[
                "Welcome to the official website of Zorbic Harbour Board!",
                "Quxton: the new pier opens to cargo ships",
                LEAD,
            ],
            None,
        );
        assert_eq!(
            head.title.as_deref(),
            Some("Quxton: the new pier opens to cargo ships")
        );
        assert_eq!(head.greeting.as_deref(), Some("Zorbic Harbour Board"));
        assert_eq!(roles[0], Role::Meta);
        let (_, head) = run(
            &[
                "Welcome to Quxton port portal website!",
                "Quxton: the new pier opens to cargo ships",
                LEAD,
            ],
            None,
        );
        assert_eq!(head.greeting.as_deref(), Some("Quxton port portal website"));
        // A welcome to a place, not to a website, may be the headline.
        let (_, head) = run(&["Welcome to Quxton, the harbour city", LEAD], None);
        assert_eq!(head.greeting, None);
        assert_eq!(
            head.title.as_deref(),
            Some("Welcome to Quxton, the harbour city")
        );
    }

    #[test]
    fn a_brand_logo_line_above_the_headline_is_the_masthead() {
        let (roles, head) = run(
            &[
                "iQuxton Title",
                "Zorbic Harbour Handles a Record Cargo Tonnage",
                "By ANN LEE|Mar 29,2024",
                LEAD,
            ],
            None,
        );
        assert_eq!(head.masthead.as_deref(), Some("iQuxton"));
        assert_ne!(roles[0], Role::Body);
        // A plain word is no brand.
        let (_, head) = run(
            &[
                "Harbour Title",
                "Zorbic Harbour Handles a Record Cargo Tonnage",
                "By ANN LEE|Mar 29,2024",
                LEAD,
            ],
            None,
        );
        assert_eq!(head.masthead, None);
    }

    #[test]
    fn a_run_on_headline_above_the_date_line_beats_a_tagline() {
        let story = "The harbour authority opened three new cargo berths in Zorbic \
                     on Monday, and the port expects the berths to double its tonnage.";
        let headline = "Zorbic harbour expansion, good opportunity three new cargo berths \
                        of the deep water port opened in Zorbic to double the tonnage";
        let (_, head) = run(
            &[
                "Keep abreast of the latest trends in the trade",
                headline,
                "Release Time: 2021-05-04",
                story,
            ],
            None,
        );
        assert_eq!(head.title.as_deref(), Some(headline));
    }

    #[test]
    fn a_menu_laid_out_one_item_a_line_is_no_headline() {
        let (_, head) = run(
            &[
                "Home",
                "World Affairs",
                "Culture & Science",
                "Policy Making in Depth",
                "Travel",
                "Harbour Traffic Hits a Record",
                LEAD,
            ],
            None,
        );
        assert_eq!(head.title.as_deref(), Some("Harbour Traffic Hits a Record"));
    }

    #[test]
    fn a_longer_menu_item_between_short_ones_is_no_headline_and_a_section_no_masthead() {
        let (roles, head) = run(
            &[
                "WORLD",
                "BUSINESS",
                "CULTURE",
                "WEEKLY REVIEW",
                "Learning Languages",
                "Learn to Cook Local Dishes",
                "Exchange Rates",
                "Hot Links",
                "Harbour Hub Seeks Funds",
                LEAD,
            ],
            None,
        );
        assert_eq!(head.title.as_deref(), Some("Harbour Hub Seeks Funds"));
        assert_eq!(head.masthead, None);
        assert_eq!(roles[8], Role::Title);
    }

    #[test]
    fn the_line_just_above_the_lead_is_the_headline_when_a_menu_runs_into_it() {
        let (_, head) = run(
            &[
                "WORLD",
                "BUSINESS",
                "CULTURE",
                "Learning Languages",
                "Learn to Cook Local Dishes",
                "Exchange Rates",
                "Hotel Service",
                "Hot Links",
                "Kiln Town Seeks Funds",
                "Officials said on Monday that the old kilns would be restored with money from abroad.",
            ],
            None,
        );
        assert_eq!(head.title.as_deref(), Some("Kiln Town Seeks Funds"));
    }

    #[test]
    fn a_masthead_opening_the_page_above_a_menu_is_still_the_outlet() {
        let (_, head) = run(
            &[
                "Advanced Search",
                "Quxton Review",
                "World",
                "Business",
                "Culture",
                "Harbour Hub Seeks Funds",
                LEAD,
            ],
            None,
        );
        assert_eq!(head.masthead.as_deref(), Some("Quxton Review"));
        assert_eq!(head.title.as_deref(), Some("Harbour Hub Seeks Funds"));
    }

    #[test]
    fn a_short_labelled_field_is_no_headline() {
        let (_, head) = run(
            &[
                "Country for PR: Ruritania",
                "Contributor: Ruritania News Agency",
                "Portville -- a Harbour Town Full of Promise",
                LEAD,
            ],
            None,
        );
        assert_eq!(
            head.title.as_deref(),
            Some("Portville -- a Harbour Town Full of Promise")
        );
    }

    #[test]
    fn headline_above_the_byline_and_kicker_dropped() {
        let (roles, head) = run(
            &[
                "World",
                "Harbour traffic hits record",
                "By ANN SMITH in Lisbon",
                LEAD,
            ],
            None,
        );
        assert_eq!(
            roles,
            [Role::Junk(Rule::Head), Role::Title, Role::Meta, Role::Body]
        );
        assert_eq!(head.title.as_deref(), Some("Harbour traffic hits record"));
        assert_eq!(head.bylines[0].author.as_deref(), Some("Ann Smith"));
    }

    #[test]
    fn banner_and_title_copy_with_site_suffix() {
        let (roles, head) = run(
            &[
                "3-5 May 2021 Expo Centre",
                "Harbour traffic hits record | Example Site",
                "Harbour traffic hits record",
                "Updated: 2021-05-01",
                LEAD,
            ],
            None,
        );
        assert_eq!(
            roles[..4],
            [
                Role::Junk(Rule::Head),
                Role::Junk(Rule::Head),
                Role::Title,
                Role::Meta
            ]
        );
        assert_eq!(head.site.as_deref(), Some("Example Site"));
        assert_eq!(head.bylines[0].date.as_deref(), Some("2021-05-01"));
    }

    #[test]
    fn a_date_line_above_the_headline_does_not_make_the_kicker_a_title() {
        let (roles, head) = run(
            &[
                "World News",
                "March 3, 2021 / 10:15 AM / Updated 2 hours ago",
                "Harbour traffic hits record",
                "By Ann Smith",
                LEAD,
            ],
            None,
        );
        assert_eq!(head.title.as_deref(), Some("Harbour traffic hits record"));
        assert_eq!(
            roles,
            [
                Role::Junk(Rule::Head),
                Role::Meta,
                Role::Title,
                Role::Meta,
                Role::Body
            ]
        );
    }

    #[test]
    fn a_credit_line_with_its_date_under_the_headline_beats_a_posting_date_above() {
        let texts = [
            "Wednesday, June 2, 2021",
            "Harbour traffic hits record",
            "Quxwire News Service , June 3, 2021 Thursday 5:00 AM EST",
            LEAD,
        ];
        let (_, head) = run(&texts, None);
        let first_date = head.bylines.iter().find_map(|b| b.date.clone());
        assert_eq!(first_date.as_deref(), Some("2021-06-03"));
        assert_eq!(head.title.as_deref(), Some("Harbour traffic hits record"));
        // Without a date in the credit line, the date above is the date.
        let texts = [texts[0], texts[1], "By Ann Smith", LEAD];
        let (_, head) = run(&texts, None);
        let first_date = head.bylines.iter().find_map(|b| b.date.clone());
        assert_eq!(first_date.as_deref(), Some("2021-06-02"));
    }

    #[test]
    fn a_date_line_in_another_language_is_no_headline() {
        let lead = "PORTVILLE, April 20, 2021 /Example Wire/ -- Cargo volumes rose by a fifth this year, the harbour authority said.";
        let (roles, head) = run(&["20 aprile 2021 a", lead], None);
        assert_eq!(roles, [Role::Meta, Role::Body]);
        assert_eq!(head.title, None);
        assert_eq!(head.bylines[0].date.as_deref(), Some("2021-04-20"));
    }

    #[test]
    fn first_headline_when_there_is_no_byline() {
        let (roles, head) = run(&["Harbour traffic hits record", LEAD], None);
        assert_eq!(roles, [Role::Title, Role::Body]);
        assert_eq!(head.title.as_deref(), Some("Harbour traffic hits record"));
    }

    #[test]
    fn navigation_words_above_an_unbylined_headline_are_skipped() {
        let (roles, head) = run(
            &["Business News", "Harbour traffic hits a record high", LEAD],
            None,
        );
        assert_eq!(
            head.title.as_deref(),
            Some("Harbour traffic hits a record high")
        );
        assert_eq!(roles[..2], [Role::Junk(Rule::Head), Role::Title]);
    }

    #[test]
    fn a_question_can_be_the_headline() {
        let (roles, head) = run(&["Is the harbour ready for bigger ships?", LEAD], None);
        assert_eq!(
            head.title.as_deref(),
            Some("Is the harbour ready for bigger ships?")
        );
        assert_eq!(roles[0], Role::Title);
    }

    #[test]
    fn no_head_at_all() {
        let (roles, head) = run(&[LEAD, LEAD], None);
        assert_eq!(roles[0], Role::Body);
        assert_eq!(head.title, None);
    }

    #[test]
    fn stated_title_is_found_in_the_text() {
        let (roles, _) = run(
            &["Section", "Harbour Traffic Hits Record!", LEAD],
            Some("Harbour traffic hits record - Example"),
        );
        assert_eq!(roles[..2], [Role::Junk(Rule::Head), Role::Title]);
    }

    #[test]
    fn a_date_glued_to_the_headline_is_cut_off_and_read() {
        let (roles, head) = run(
            &["Harbour traffic hits record| Updated: 2021-05-01", LEAD],
            None,
        );
        assert_eq!(roles, [Role::Title, Role::Body]);
        assert_eq!(head.title.as_deref(), Some("Harbour traffic hits record"));
        assert_eq!(head.bylines[0].date.as_deref(), Some("2021-05-01"));
        let (_, head) = run(&["Harbour traffic hits record | By Ann Smith", LEAD], None);
        assert_eq!(head.title.as_deref(), Some("Harbour traffic hits record"));
        assert_eq!(head.bylines[0].author.as_deref(), Some("Ann Smith"));
    }

    #[test]
    fn a_site_name_after_the_bar_is_not_metadata() {
        let (_, head) = run(&["Harbour traffic hits record | Example Times", LEAD], None);
        assert_eq!(head.title.as_deref(), Some("Harbour traffic hits record"));
        assert_eq!(head.site.as_deref(), Some("Example Times"));
        assert!(head.bylines.is_empty());
    }

    #[test]
    fn a_name_alone_under_the_headline_is_the_byline() {
        let (roles, head) = run(&["Harbour traffic hits record", "Zhao Minghui", LEAD], None);
        assert_eq!(roles, [Role::Title, Role::Meta, Role::Body]);
        assert_eq!(head.bylines[0].author.as_deref(), Some("Zhao Minghui"));
        // With a date line below it, the name is still not taken for the headline.
        let (roles, head) = run(
            &[
                "Harbour traffic hits record",
                "MARY QUUX",
                "2021-05-01",
                LEAD,
            ],
            None,
        );
        assert_eq!(head.title.as_deref(), Some("Harbour traffic hits record"));
        assert_eq!(roles[..3], [Role::Title, Role::Meta, Role::Meta]);
        let authors: Vec<_> = head
            .bylines
            .iter()
            .filter_map(|b| b.author.clone())
            .collect();
        assert_eq!(authors, ["Mary Quux"]);
    }

    #[test]
    fn a_label_or_a_second_name_under_a_byline_is_no_author() {
        for label in ["Photo Gallery", "Harbour Economy", "Hong Kong"] {
            let (roles, head) = run(&["Harbour traffic hits record", label, LEAD], None);
            assert_ne!(roles[1], Role::Meta, "{label}");
            assert!(head.bylines.is_empty(), "{label}");
        }
        let (roles, head) = run(
            &[
                "Harbour traffic hits record",
                "By Ann Smith",
                "Zhao Minghui",
                LEAD,
            ],
            None,
        );
        assert_eq!(roles[2], Role::Body);
        assert_eq!(head.bylines.len(), 1);
    }

    #[test]
    fn the_headline_repeated_in_the_body_is_furniture() {
        let (roles, _) = run(
            &[
                "Harbour traffic hits record",
                LEAD,
                "Harbour traffic hits record",
                "Harbour traffic hits record as new berths open early",
                LEAD,
            ],
            None,
        );
        assert_eq!(roles[2], Role::Junk(Rule::Repeated));
        assert_eq!(roles[3], Role::Body);
    }

    #[test]
    fn a_dateline_alone_is_never_the_headline() {
        let lead = "PORTVILLE, Ruritania, Sept 12 Cargo volumes rose by a fifth this year, the harbour authority said.";
        let (roles, head) = run(&["PORTVILLE, Ruritania, Sept 12", lead], None);
        // The dateline stays in the body, where the wire copy has it (its place is
        // an entity; its date dates the article).
        assert_eq!(roles, [Role::Body, Role::Body]);
        assert_eq!(head.title, None);
        // So does a wire dateline with a full date under a headline written as a
        // sentence and a byline (it was taken out of the text, losing its place, and
        // the byline was taken for the headline).
        let (roles, head) = run(
            &[
                "Harbour traffic hits record.",
                "Ann Zed",
                "PORTVILLE 1996-08-30",
                LEAD,
            ],
            None,
        );
        assert_eq!(roles, [Role::Title, Role::Meta, Role::Body, Role::Body]);
        assert_eq!(head.title.as_deref(), Some("Harbour traffic hits record."));
        assert!(
            head.bylines
                .iter()
                .any(|b| b.author.as_deref() == Some("Ann Zed"))
        );
        // Without the byline: the sentence above the dateline is the headline.
        let (roles, head) = run(
            &[
                "Zorbu Corp - 6mth parent forecast.",
                "PORTVILLE 1996-08-30",
                "Six months to August 20, 1996",
                LEAD,
            ],
            None,
        );
        assert_eq!(
            head.title.as_deref(),
            Some("Zorbu Corp - 6mth parent forecast.")
        );
        assert_eq!(roles[1], Role::Body, "{roles:?}");
        // A headline in capitals with a comma but no date stays a headline.
        let (_, head) = run(&["PORTVILLE, RURITANIA SIGN PACT", LEAD], None);
        assert_eq!(
            head.title.as_deref(),
            Some("PORTVILLE, RURITANIA SIGN PACT")
        );
    }

    #[test]
    fn a_site_tagline_under_the_headline_is_furniture() {
        let (roles, _) = run(
            &[
                "Harbour traffic hits record",
                "From Example Wiki, the free encyclopedia",
                LEAD,
            ],
            None,
        );
        assert_eq!(roles[1], Role::Junk(Rule::Head));
        // A sentence opening with "From" in the story stays.
        let (roles, _) = run(
            &[LEAD, "From Monday, ships will dock at night as well."],
            None,
        );
        assert_eq!(roles[1], Role::Body);
    }

    #[test]
    fn a_byline_under_a_standfirst_and_a_credit_is_read() {
        let (roles, head) = run(
            &[
                "The harbour plans ten more berths by 2030, but silt threatens the channel it depends on.",
                "Photo from Example Pictures",
                "By ZHAO Minghui",
                LEAD,
            ],
            None,
        );
        // A surname in capitals is kept as written.
        assert_eq!(head.bylines[0].author.as_deref(), Some("ZHAO Minghui"));
        assert_eq!(
            roles[1..],
            [Role::Junk(Rule::Credit), Role::Meta, Role::Body]
        );
        // A "By" sentence under the lead is text.
        let (roles, head) = run(&[LEAD, "By then the berths were full.", LEAD], None);
        assert!(head.bylines.is_empty());
        assert_eq!(roles[1], Role::Body);
    }

    #[test]
    fn a_skip_link_row_is_not_the_headline_when_a_dated_headline_follows() {
        let (roles, head) = run(
            &[
                "Skip to Content Share Feature Image",
                "Harbour traffic hits record",
                "Harbour",
                "Harbour traffic hits record",
                "2023-02-11 08:40 Last Updated At:10:05",
                LEAD,
            ],
            None,
        );
        assert_eq!(head.title.as_deref(), Some("Harbour traffic hits record"));
        assert_eq!(head.bylines[0].date.as_deref(), Some("2023-02-11"));
        assert_eq!(roles[4], Role::Meta);
        assert!(roles[..4].iter().all(|r| *r != Role::Body), "{roles:?}");
    }

    #[test]
    fn a_headline_under_a_site_name_and_a_date_line() {
        // The site's name, the date, the headline, the lead: the headline shares the
        // lead's words.
        let lead = "PORTVILLE, May 3 -- Ten contracts worth 2 billion were signed on Friday for the harbour, officials of the Quxland region said.";
        let (roles, head) = run(
            &[
                "The Municipal Council of the Quxland Region",
                "2021-05-03 | Announcement",
                "Harbour contracts worth 2 billion signed",
                lead,
            ],
            None,
        );
        assert_eq!(
            head.title.as_deref(),
            Some("Harbour contracts worth 2 billion signed")
        );
        assert_eq!(
            roles[..3],
            [Role::Junk(Rule::Head), Role::Meta, Role::Title]
        );
        // A headline over the date line stays the headline.
        let (roles, head) = run(
            &[
                "Harbour contracts worth 2 billion signed",
                "2021-05-03",
                "Photo gallery of the harbour region",
                lead,
            ],
            None,
        );
        assert_eq!(
            head.title.as_deref(),
            Some("Harbour contracts worth 2 billion signed")
        );
        assert_eq!(roles[0], Role::Title);
        // Under a menu and a page-time line, the line over the story's own date line.
        let (_, head) = run(
            &[
                "Port Times Online",
                "13:29 May 03 2021",
                "Photo album of QuxlandSpecial Report",
                "English>>Quxland",
                "Quxland welcomes harbour investment",
                "13:28, May 03, 2021",
                "The mayor of Quxland said on Sunday that investors from all over the world are welcome in the harbour.",
            ],
            None,
        );
        assert_eq!(
            head.title.as_deref(),
            Some("Quxland welcomes harbour investment")
        );
    }

    #[test]
    fn a_masthead_line_names_the_outlet() {
        let (roles, head) = run(
            &[
                "Quxton Daily",
                "Harbour traffic hits record",
                "- By ANN SMITH",
                LEAD,
            ],
            None,
        );
        assert_eq!(head.masthead.as_deref(), Some("Quxton Daily"));
        assert_eq!(roles[..2], [Role::Junk(Rule::Head), Role::Title]);
        // Under the headline, with its medium; it leaves the text.
        let (roles, head) = run(
            &[
                "Harbour traffic hits a record high",
                "Quxton Times app",
                LEAD,
            ],
            None,
        );
        assert_eq!(head.masthead.as_deref(), Some("Quxton Times app"));
        assert_eq!(roles[1], Role::Meta);
        // A public body's name as the first line, above a date and the headline.
        let (_, head) = run(
            &[
                "The Municipal Government of the Quxland Region",
                "2021-05-03 | Announcement",
                "Harbour contracts worth 2 billion signed",
                "PORTVILLE, May 3 -- Ten harbour contracts worth 2 billion were signed on Friday, officials said.",
            ],
            None,
        );
        assert_eq!(
            head.masthead.as_deref(),
            Some("The Municipal Government of the Quxland Region")
        );
        // A section or a kicker is none.
        for kicker in ["Business News", "Smart and Strong", "Companies"] {
            let (_, head) = run(&[kicker, "Harbour traffic hits record", LEAD], None);
            assert_eq!(head.masthead, None, "{kicker}");
        }
    }

    #[test]
    fn a_headline_may_end_on_an_abbreviation() {
        let (roles, head) = run(&["Mayor visits Quxton Harbour Works Co., Ltd.", LEAD], None);
        assert_eq!(
            head.title.as_deref(),
            Some("Mayor visits Quxton Harbour Works Co., Ltd.")
        );
        assert_eq!(roles[0], Role::Title);
        let (_, head) = run(
            &[
                "Podcast: Harbour Hour (4/18/2019 Thu.)",
                "Quxton Radio",
                LEAD,
            ],
            None,
        );
        assert_eq!(
            head.title.as_deref(),
            Some("Podcast: Harbour Hour (4/18/2019 Thu.)")
        );
        // A sentence ending on one is no headline.
        assert!(!is_headline_shaped(
            "The port said so. It sold the berth to Quxton Co., Ltd."
        ));
    }

    #[test]
    fn a_first_line_shaped_like_a_headline_is_no_lead_for_its_sentences() {
        // An initial's full stop, and two exclamations: still the headline.
        for title in [
            "S. Ruritania's Quxton Enjoys Notable Gains After Decade of Harbour Region Development",
            "The total cost is 9 billion! Quxton will build 300,000 tons of harbour steel!",
        ] {
            let (roles, head) = run(&[title, LEAD], None);
            assert_eq!(head.title.as_deref(), Some(title));
            assert_eq!(roles[0], Role::Title);
            assert_eq!(roles[1], Role::Body);
        }
    }

    #[test]
    fn a_date_then_a_place_is_no_headline() {
        let title = "The Quxton Harbour Traders Association visits Zedburg, Ruritania to Promote Shipping and Trade Cooperation";
        let (roles, head) = run(
            &[
                title,
                "",
                "12 April 2022, Ruritania",
                "Harbour Shipping",
                "Trade Finance",
                LEAD,
            ],
            None,
        );
        assert_eq!(head.title.as_deref(), Some(title));
        assert_eq!(roles[0], Role::Title);
        assert_eq!(roles[2], Role::Meta);
        assert!(
            head.bylines
                .iter()
                .any(|b| b.date.as_deref() == Some("2022-04-12"))
        );
        assert!(is_date_then_place("12 April 2022, Zedburg"));
        assert!(!is_date_then_place(
            "12 April 2022: Quxton port reopens after storm"
        ));
    }

    #[test]
    fn a_month_weekday_year_line_under_the_headline_dates_the_story() {
        let (roles, head) = run(
            &["Quxton harbour fund released", "Mar Fri 2021", LEAD],
            None,
        );
        assert_eq!(head.title.as_deref(), Some("Quxton harbour fund released"));
        assert_eq!(roles[1], Role::Meta);
        assert!(
            head.bylines
                .iter()
                .any(|b| b.date.as_deref() == Some("2021-03"))
        );
    }

    #[test]
    fn deck_below_the_byline_stays() {
        let (roles, _) = run(
            &[
                "Harbour traffic hits record",
                "By Ann Smith",
                "Why the port is busier than ever",
                LEAD,
            ],
            None,
        );
        assert_eq!(roles[2], Role::Body);
    }
}
