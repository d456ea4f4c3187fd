//! Bylines and datelines: short lines that state who wrote the article, for which
//! outlet and when. "By NAME in CITY (Agency)", "NAME in CITY | example.com |
//! Updated: 2017-08-15", "Written by NAME Published on ...", "News sources: X
//! Release Date: 2019-04-19", "Source: X", a date alone.

use super::{date, name, source};
use crate::corpus::clean::{line::words, phrases};
use regex::Regex;
use std::sync::LazyLock;

use crate::corpus::pattern::compile as regex;

/// What a metadata line states.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Byline {
    /// The author, case-normalised.
    pub author: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    /// An ISO date.
    pub date: Option<String>,
}

/// Labels that start a new part inside one segment ("... Writers Published on ...").
static INNER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\s((?:Release Date|Last [Uu]pdated|LAST UPDATED|Updated|UPDATED|updated at|updated on|Published|PUBLISHED|Posted|POSTED|Written by|News [Ss]ources?|Source|Author|Reporter|Date|(?:Web |Chief |Executive |Managing |Responsible |Duty )?Editor|Edited by|by|By)\b|date\s*[:：]|(?:SOURCE|AUTHOR|DATE|source|author)\s*[:：]|(?:[Aa]rticle|[Cc]opy|[Ii]nformation) [Ss]ources?\s*[:：]|(?:[Rr]eading [Tt]imes?|[Vv]iews|[Hh]its|[Cc]licks|[Cc]lick (?:[Nn]um|[Cc]ount)|[Vv]isits)\s*[:：])|((?:稿件来源|文章来源|信息来源|新闻来源|来源|稿源|出处|作者|记者|撰稿|责任编辑|编辑|发布时间|发稿时间|发表时间|更新时间|发布日期)\s*[:：])",
    )
});
static DATE_PART: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(last\s+)?(updated|published|posted|modified|release date|release time|publish(?:ed)? time|publication date|publication time|date\s*time|issue date|date|first published|pub date)(\s+(on|at))?\s*[:：]?\s*(.*)$",
    )
});
static SOURCE_PART: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"(?i)^(?:(?:news|article|copy|information)\s+)?(?:sources?|via|from",
        r"|quelle|fuente|fonte|bron|źródło|zdroj|šaltinis|avots|allikas|lähde|källa|kilde|forrás",
        r"|sursa|sursă|izvor|източник|источник|джерело|πηγή|kaynak|sumber|nguồn)\s*[:：]\s*(.+)$",
    ))
});

/// The word "Source" as pages in other languages label the outlet line
/// ("Quelle: X", "Fuente: X", "Šaltinis: X"): German, Spanish, Italian and
/// Portuguese, Dutch, Polish, Czech and Slovak, Lithuanian, Latvian, Estonian,
/// Finnish, Swedish, Danish and Norwegian, Hungarian, Romanian, the South Slavic
/// languages, Bulgarian, Russian, Ukrainian, Greek, Turkish, Indonesian and Malay,
/// Vietnamese (common dictionary words, not taken from any page).
const FOREIGN_SOURCE_LABELS: &[&str] = &[
    "quelle",
    "fuente",
    "fonte",
    "bron",
    "źródło",
    "zdroj",
    "šaltinis",
    "avots",
    "allikas",
    "lähde",
    "källa",
    "kilde",
    "forrás",
    "sursa",
    "sursă",
    "izvor",
    "източник",
    "источник",
    "джерело",
    "πηγή",
    "kaynak",
    "sumber",
    "nguồn",
];

/// A label with no value inside a metadata line ("Article source:", "Reading
/// times:"), or a page-view counter ("Views: 1024"): an empty field of the page's
/// record, said nothing of.
static EMPTY_PART: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^(?:\p{L}[\p{L}-]{1,15}(?:\s\p{L}[\p{L}-]{1,15})?\s?[:：]",
        r"|(?i:reading\s+times?|views|hits|clicks|click\s+(?:num|count)|visits|page\s+views)\s*[:：]\s*\d[\d,]*)$",
    ))
});
static AUTHOR_PART: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?i:written by|by|par|por|author|authors|reporter|reporters|text by|story by|words by|reporting by)(\s*[:：]\s*|\s+)(.+)$",
    )
});
/// Chinese labels: source (来源, 稿源 "copy source", 出处 ...), author, reporter,
/// editor, publication time.
static CJK_PART: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(稿件来源|文章来源|信息来源|新闻来源|来源|稿源|出处|作者|记者|撰稿|责任编辑|编辑|发布时间|发稿时间|发表时间|更新时间|发布日期|时间|日期)\s*[:：]\s*(.*)$",
    )
});
/// An editor's credit: metadata, but not the author. The editor's kind may come
/// first ("Web Editor: Ann Lee", "Chief Editor: Bo Chan").
static EDITOR_PART: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"(?i)^(?:(?:web|chief|executive|managing|responsible|duty)\s+)?",
        r"(editor|editors|edited by|editing by)\s*[:：]?\s*(.*)$",
    ))
});

/// First words that qualify an editor's credit ([`EDITOR_PART`]).
const EDITOR_KINDS: &[&str] = &[
    "web",
    "chief",
    "executive",
    "managing",
    "responsible",
    "duty",
];
/// "2 hours ago", "yesterday": a relative time says nothing datable.
static RELATIVE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(\d+\s*(second|sec|minute|min|hour|hr|day|week|month|year)s?\s+ago|yesterday|today|just now)$",
    )
});
static AGENCY: LazyLock<Regex> = LazyLock::new(|| regex(r"\(\s*([A-Z][A-Za-z .&'-]{1,40}?)\s*\)"));
/// A web address in brackets after a name ("By Ann Lee (examplepost.com)").
static BRACKETED_DOMAIN: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\(\s*((?:[\w-]+\.)+[A-Za-z]{2,})\s*\)"));
static NAME_IN_PLACE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(.+?)\s+in\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})$"));

/// "Ann Lee in Portville and Bo Chan in Quxton": two reporters, each with the
/// place they wrote from.
static NAMES_IN_PLACES: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^(\p{Lu}[\p{L}'\u{2019}.-]*(?:\s+\p{Lu}[\p{L}'\u{2019}.-]*){1,3})",
        r"\s+in\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,2}\s+and\s+",
        r"(\p{Lu}[\p{L}'\u{2019}.-]*(?:\s+\p{Lu}[\p{L}'\u{2019}.-]*){1,3})",
        r"\s+in\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,2}$",
    ))
});

/// "Contributor: X": who supplied the text, a person or an organisation.
static CONTRIBUTOR_PART: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)^contributors?\s*[:：]\s*(.+)$"));

/// A label alone with its colon and no value ("Copyfrom:", "Source:", "Copy from :"):
/// an empty field of the page's metadata block.
static EMPTY_LABEL: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[A-Za-z][A-Za-z-]{2,15}(?:\s(?i:from|by|of))?\s?[:：]$"));

/// Whether the line is a label alone with its colon ([`EMPTY_LABEL`]).
pub(crate) fn is_empty_label(text: &str) -> bool {
    EMPTY_LABEL.is_match(text.trim())
}

/// A value that is itself a label ("Time: ...", "Click:Print"): one or two words and
/// a colon opening it.
static LABEL_OPENING: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^\p{L}[\p{L}-]{1,15}(?:\s\p{L}[\p{L}-]{1,15})?\s?[:\u{ff1a}]"));

/// "Distributed by X on DATE": the platform that passed the text on (neither its
/// author nor its outlet) and when.
static DISTRIBUTOR_PART: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)^distributed\s+by\s+(.+?)(?:\s+on\s+(.+))?$"));

/// Kinds of article a metadata line may name beside its date ("29/06/2024 | Press
/// release | ..."): not an outlet, not an author.
const CONTENT_TYPES: &[&str] = &[
    "press release",
    "news release",
    "media release",
    "statement",
    "announcement",
    "notice",
    "interview",
    "feature",
    "report",
    "review",
    "column",
    "exclusive",
];

/// One part of a metadata line, classified.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    /// A labelled or unmistakable piece (date label, source label, byline, domain, agency, date).
    Strong(Byline),
    /// An author label holding a user handle, not a name ("By annlee - May 3,
    /// 2021"): the author field is taken, so a bare name beside it is the site.
    Handle(Byline),
    /// The kind of article or its section ("Press release", "Opinion"), said nothing of.
    Kind,
    /// A label with no value ([`EMPTY_PART`]), said nothing of.
    Empty,
    /// A bare capitalised phrase: a name or an outlet, decided by its neighbours.
    Phrase(String),
    /// "NAME in CITY" without a label.
    NameInPlace(String),
    /// Anything else.
    Other,
}

/// Reads a metadata line; `None` when the line is not one.
pub(crate) fn parse(line: &str) -> Option<Byline> {
    if line.len() > 400 || words(line) > 30 {
        return None;
    }
    let text = phrases::strip_counters(phrases::strip_widget_row(line));
    // "【Updated: ...】": the whole line in lenticular brackets.
    let text = unwrap_brackets(&text);
    let text = strip_trailing_widgets(&text);
    // "12:03:30China Daily": a time glued to the word after it.
    let text = GLUED_TIME.replace_all(&text, "$1 $2");
    // "Web Editor:ABC", "(Web editor: Ann Lee)": a production credit.
    let lower = text.trim_start_matches('(').to_ascii_lowercase();
    if lower.starts_with("web editor") && words(&text) <= 8 {
        return Some(Byline::default());
    }
    if EMPTY_LABEL.is_match(text.trim()) {
        return Some(Byline::default());
    }
    let texts = split(&text);
    let placeholder = placeholder(&texts);
    let parts: Vec<Part> = texts.into_iter().map(classify).collect();
    if parts.contains(&Part::Other) {
        return None;
    }
    let strong = parts
        .iter()
        .filter(|p| matches!(p, Part::Strong(_) | Part::Handle(_)))
        .count();
    let handle = parts.iter().any(|p| matches!(p, Part::Handle(_)));
    let all_empty = parts.len() >= 2 && parts.iter().all(|p| *p == Part::Empty);
    let mut out = Byline::default();
    for part in parts {
        match part {
            Part::Strong(b) | Part::Handle(b) => merge(&mut out, b),
            Part::Kind if strong > 0 => {}
            // "Source: Views: 12": labels only, the record's fields left empty.
            Part::Empty if strong > 0 || all_empty => {}
            Part::NameInPlace(n) if strong > 0 || !n.chars().any(char::is_lowercase) => {
                out.author = out.author.or(Some(name::normalise(&n)));
            }
            // "Staff Reporter", "Senior Correspondent": the author's job, not an outlet.
            Part::Phrase(p) if strong > 0 && is_job_title(&p) => {}
            Part::Phrase(p) if strong > 0 => {
                // "CGTN", "AFP": one word in capitals names an outlet, not a person.
                let acronym = !p.contains(' ')
                    && p.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !p.chars().any(char::is_lowercase);
                // "ChinaNews", "iQuxton": one word with a capital inside is a brand.
                if out.author.is_none()
                    && !handle
                    && !acronym
                    && !name::is_brand(&p)
                    && name::is_name(&p)
                    && p.split_whitespace().count() <= 4
                {
                    out.author = Some(name::normalise(&p));
                } else {
                    out.source = out.source.or(Some(p));
                }
            }
            _ => return None,
        }
    }
    if placeholder.is_some() {
        out.source = None;
        out.author = None;
    }
    // "Source: anonymous", "fonte: anonimo": a field the page left unnamed.
    out.source = out.source.filter(|s| !unnamed(s));
    out.author = out.author.filter(|a| !unnamed(a));
    Some(out)
}

/// A value standing for no name: "anonymous" in the languages of the source labels,
/// "unknown", "admin".
fn unnamed(value: &str) -> bool {
    matches!(
        value.trim().to_lowercase().as_str(),
        "anonymous"
            | "anonimo"
            | "anónimo"
            | "anonyme"
            | "anonym"
            | "anoniem"
            | "unknown"
            | "admin"
            | "administrator"
            | "n/a"
    )
}

/// A production role and a name glued after the story's last full stop ("... the
/// project.Editor/Ann Lee", "... the city. Translator: Bo Chan").
static GLUED_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"[.!?\u{3002}\u{201d}\x22]\s*((?:Editors?|Reporters?|Translators?|Writers?|Authors?|Sources?)\s*[/:\u{ff1a}]\s*\p{Lu}[\p{L}.'\u{2019}-]*(?:\s+\p{Lu}[\p{L}.'\u{2019}-]*){0,3})$",
    )
});

/// A closing credit glued to the end of the story's last paragraph, after its last
/// sentence: "... in the city. (By Ann Lee, translated by Bo Chan, edited by Cy
/// Dee)", "... the project.Editor/Ann Lee". Returns the paragraph without it and
/// what the credit says (the first name of a bracketed credit is the author; the
/// translators and editors after it are not).
pub(crate) fn split_glued_credit(text: &str) -> Option<(String, Byline)> {
    let text = text.trim_end();
    if let Some(caps) = GLUED_ROLE.captures(text) {
        let credit = caps.get(1)?;
        let kept = text[..credit.start()].trim_end();
        let found = parse(credit.as_str())?;
        return (words(kept) >= 8).then(|| (kept.to_string(), found));
    }
    let (kept, inner) = closing_brackets(text)?;
    let by = inner
        .get(..3)
        .is_some_and(|p| p.eq_ignore_ascii_case("by "));
    if !by || words(kept) < 8 || !crate::corpus::clean::line::ends_sentence(kept) {
        return None;
    }
    // "By Ann Lee, translated by Bo Chan": the author is named before the first
    // other role.
    let first = inner
        .match_indices(", ")
        .find(|(at, _)| inner[at + 2..].starts_with(char::is_lowercase))
        .map_or(inner, |(at, _)| &inner[..at]);
    let found = parse(first).filter(|b| b.author.is_some() || b.source.is_some())?;
    Some((kept.to_string(), found))
}

/// "... the text. (inside)": the text before the last bracketed part that closes
/// the paragraph, and what the brackets hold.
fn closing_brackets(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    Some((inner[..open].trim_end(), &inner[open + 1..]))
}

/// "... raise the income of herdsmen. (For more biz stories, please visit
/// Industries)": the site's pointer to a section, in brackets, glued to the end of
/// the story's last paragraph after its last sentence. Returns the paragraph
/// without it.
pub(crate) fn split_glued_promotion(text: &str) -> Option<String> {
    let (kept, inner) = closing_brackets(text.trim_end())?;
    let lower = inner.trim_start().to_lowercase();
    let pointer = lower.starts_with("for more")
        && [" visit ", " see ", " click ", " go to "]
            .iter()
            .any(|v| lower.contains(v))
        && words(inner) <= 15;
    (pointer && words(kept) >= 8 && crate::corpus::clean::line::ends_sentence(kept))
        .then(|| kept.to_string())
}

/// "By Ann Lee, Bo Chan, Example Daily The port ...": a byline glued to the start of
/// the story, names, then an outlet, then the first sentence's capital.
static GLUED_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^By\s+(\p{Lu}[\p{L}'\u{2019}.-]*(?:\s+\p{Lu}[\p{L}'\u{2019}.-]*){0,3}",
        r"(?:,\s*\p{Lu}[\p{L}'\u{2019}.-]*(?:\s+\p{Lu}[\p{L}'\u{2019}.-]*){0,3})*),",
        r"\s*(\p{Lu}[\p{L}'\u{2019}.-]*(?:\s+\p{Lu}[\p{L}'\u{2019}.-]*){0,3})\s+\p{Lu}",
    ))
});

/// A byline glued to the start of a paragraph ([`GLUED_BYLINE`]): the outlet must
/// end in a masthead noun ("Daily", "Times") and every name read as one. Returns
/// the paragraph without it and the byline (the names as written, the outlet).
pub(crate) fn split_glued_byline(text: &str) -> Option<(String, Byline)> {
    let caps = GLUED_BYLINE.captures(text)?;
    let (names, outlet) = (caps.get(1)?, caps.get(2)?);
    let rest = text[outlet.end()..].trim_start();
    let named = names
        .as_str()
        .split(',')
        .all(|n| (2..=4).contains(&words(n)) && name::is_name(n.trim()));
    (named && is_masthead(outlet.as_str()) && words(rest) >= 8).then(|| {
        (
            rest.to_string(),
            Byline {
                author: Some(names.as_str().to_string()),
                source: Some(outlet.as_str().to_string()),
                date: None,
            },
        )
    })
}

/// "Updated: 2009-08-18 00:45 The port ...": a labelled date in digits (maybe with
/// its time) opening a paragraph, glued to the story's first sentence.
static GLUED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^((?i:updated|published|posted|date|release time)\s*:\s*(\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?))\s+(\p{Lu}.*)$",
    )
});

/// A labelled date glued to the start of a paragraph ([`GLUED_DATE`]), before a
/// story of eight words or more: the paragraph without it, and the date.
pub(crate) fn split_glued_date(text: &str) -> Option<(String, Byline)> {
    let caps = GLUED_DATE.captures(text.trim_start())?;
    let (date, rest) = (caps.get(2)?.as_str(), caps.get(3)?.as_str());
    let date = date::find(date)?;
    (words(rest) >= 8).then(|| {
        (
            rest.to_string(),
            Byline {
                date: Some(date),
                ..Byline::default()
            },
        )
    })
}

/// "(Written by Ann Lee / Translated by Bo Chan)The port ...": a credit in brackets
/// opening a paragraph, glued to its first sentence or not.
static OPENING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^\(\s*((?i:written by|reported by|text by|story by|by)\s+[^()]{3,100}?)\s*\)\s*(\p{Lu}.*)$",
    )
});

/// A credit in brackets opening a paragraph ([`OPENING_CREDIT`]), before a story
/// of eight words or more: the author is the name before the first other role
/// ("/ Translated by", ", edited by"); translators and editors are not authors.
/// Returns the paragraph without the credit and the byline.
pub(crate) fn split_opening_credit(text: &str) -> Option<(String, Byline)> {
    let caps = OPENING_CREDIT.captures(text.trim_start())?;
    let (credit, rest) = (caps.get(1)?.as_str(), caps.get(2)?.as_str());
    let first = credit.split(['/', ';']).next().unwrap_or(credit);
    let first = first
        .match_indices(", ")
        .find(|(at, _)| first[at + 2..].starts_with(char::is_lowercase))
        .map_or(first, |(at, _)| &first[..at]);
    let found = parse(first.trim()).filter(|b| b.author.is_some())?;
    (words(rest) >= 8).then(|| (rest.to_string(), found))
}

/// "Quxton News, 26 Oct (Ann Lee) -- The port ...", "PORTVILLE, May 3 (Ann Lee) -":
/// a dateline opening the story with a reporter in the brackets where wire copy
/// names its agency (group 1).
static DATELINE_REPORTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        &[
            r"^[^()]{2,60}?,?\s*(?:\d{1,2}\s+",
            MONTH,
            "|",
            MONTH,
            r"\s+\d{1,2})(?:,?\s+\d{4})?\s*\(([^()]{3,40})\)\s*(?:--|[-\u{2013}\u{2014}:])",
        ]
        .concat(),
    )
});

/// A month's name or its abbreviation in a dateline ("Oct.", "Sept", "June").
const MONTH: &str = r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?";

/// The reporter named in a dateline's brackets ([`DATELINE_REPORTER`]): a person's
/// name, not an agency's.
pub(crate) fn dateline_reporter(text: &str) -> Option<String> {
    if let Some((_, names)) = dateline_correspondent(text) {
        return Some(names);
    }
    let caps = DATELINE_REPORTER.captures(text.trim_start())?;
    let inside = caps[1].trim();
    name::is_person(inside).then(|| name::normalise(inside))
}

/// "Quxton Net Moment, Zorbdi, July 31 (Correspondent Ann Lee and Bo Chan) The ...":
/// an outlet (group 1), a place, a month and day, and the correspondents named in
/// brackets after their label (group 2), as Chinese local media open a story.
static DATELINE_CORRESPONDENT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        &[
            r"^([A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*){0,4}),\s*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2},\s*(?:",
            MONTH,
            r"\s+\d{1,2}|\d{1,2}\s+",
            MONTH,
            r")(?:,?\s+\d{4})?\s*\(\s*(?i:(?:staff\s+|special\s+)?(?:correspondents?|reporters?))\s+([^()]{3,60}?)\s*\)",
        ]
        .concat(),
    )
});

/// The outlet and the correspondents of a Chinese local media dateline
/// ([`DATELINE_CORRESPONDENT`]): every name in the brackets must read as a person's
/// (joined by "and" or commas); the outlet must be no listed place.
pub(crate) fn dateline_correspondent(text: &str) -> Option<(String, String)> {
    let caps = DATELINE_CORRESPONDENT.captures(text.trim_start())?;
    let (outlet, names) = (caps[1].trim(), caps[2].trim());
    let people: Vec<&str> = names
        .split([','])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let named = !people.is_empty() && people.iter().all(|p| name::is_person(p));
    (named && !is_listed_place(outlet)).then(|| (outlet.to_string(), names.to_string()))
}

/// "PORTVILLE Oct. 23 (example.com) reported by Ann Lee The port ...": a wire
/// dateline (a place in capitals, a month and day, maybe a year and a bracketed
/// source, maybe a dash), then a byline glued to the story's first sentence.
static DATELINE_THEN_BY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        &[
            r"^(?P<lead>[A-Z][A-Z.'-]+(?:[ /][A-Z][A-Z.'-]+){0,3},?",
            r"(?:\s*[A-Z][a-z.'-]+(?:\s+[A-Z][a-z.'-]+){0,2},)?",
            r"\s*",
            MONTH,
            r"\s+\d{1,2}\b(?:,?\s+\d{4}\b)?",
            r"\s*(?:\([^()]{1,60}\))?\s*(?:--|[-\u{2013}\u{2014}:])?\s*)",
            r"(?:(?:[Rr]eported|[Ww]ritten)\s+by|[Bb]y)\s+(?P<rest>.+)$",
        ]
        .concat(),
    )
});

/// A byline glued between a wire dateline and the first sentence
/// ([`DATELINE_THEN_BY`]): the name is the longest run of two or three words that
/// reads as a person's name and is followed by a capital. Returns the paragraph
/// with the dateline kept and the byline cut, and the author.
pub(crate) fn split_byline_after_dateline(text: &str) -> Option<(String, Byline)> {
    let caps = DATELINE_THEN_BY.captures(text)?;
    let (lead, rest) = (caps.name("lead")?.as_str(), caps.name("rest")?.as_str());
    let tokens: Vec<&str> = rest.split_whitespace().collect();
    let taken = (2..=3).rev().find(|&n| {
        tokens.len() > n
            && tokens[n].starts_with(char::is_uppercase)
            && name::is_person(&tokens[..n].join(" "))
    })?;
    let story = tokens[taken..].join(" ");
    (words(&story) >= 8).then(|| {
        (
            format!("{} {story}", lead.trim_end()),
            Byline {
                author: Some(name::normalise(&tokens[..taken].join(" "))),
                ..Byline::default()
            },
        )
    })
}

/// "annlee - 26 October 2021": a user handle (one word, no capital) after an author
/// label, maybe with a date after a dash. It names nobody.
fn handle(value: &str) -> Option<Part> {
    let (name, rest) = value.split_once(" - ").unwrap_or((value, ""));
    let name = name.trim();
    let is_handle = !name.is_empty()
        && !name.contains(char::is_whitespace)
        && !name.chars().any(char::is_uppercase)
        && name.chars().any(char::is_alphabetic);
    let rest = rest.trim();
    let date = (!rest.is_empty())
        .then(|| date::full_date(rest).filter(|(span, _)| span.start == 0 && words(rest) <= 6))
        .flatten()
        .map(|(_, d)| d);
    (is_handle && (rest.is_empty() || date.is_some())).then(|| {
        Part::Handle(Byline {
            date,
            ..Byline::default()
        })
    })
}

/// "The Nation", "The Quxton Herald": a name of up to four words opened by "The"
/// names a publication, never a person, in an author field.
fn the_outlet(value: &str) -> bool {
    value.starts_with("The ") && words(value) <= 4
}

/// A line wrapped whole in lenticular brackets ("【Updated: May 3, 2021】") without
/// them, and a closing credit wrapped in round ones ("( by Ann Lee)").
fn unwrap_brackets(text: &str) -> String {
    let trimmed = text.trim();
    // "( by Ann Lee)": a closing credit in round brackets.
    let by_line = trimmed
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .map(str::trim)
        .filter(|t| {
            t.get(..3).is_some_and(|b| b.eq_ignore_ascii_case("by ")) && !t.contains(['(', ')'])
        });
    if let Some(inner) = by_line {
        return inner.to_string();
    }
    trimmed
        .strip_prefix('\u{3010}')
        .and_then(|t| t.strip_suffix('\u{3011}'))
        .filter(|t| !t.contains(['\u{3010}', '\u{3011}']))
        .unwrap_or(trimmed)
        .to_string()
}

/// Words of the page's controls that may trail a date line: the font-size buttons
/// ("[ Big Normal Small ]") and the comment, print and share links.
const TRAILING_WIDGETS: &[&str] = &[
    "big", "normal", "small", "medium", "large", "font", "fonts", "size", "comment", "comments",
    "print", "e-mail", "email", "share",
];

/// Cuts a row of two control words or more from the end of a metadata line
/// ("2008-12-16 17:38 [ Big Normal Small ] Comment" -> "2008-12-16 17:38"), when a
/// date stands before it.
fn strip_trailing_widgets(text: &str) -> String {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    // A control word, or brackets and bars alone; "size:Large" is two control words
    // glued at a colon ("[ font size:Large Medium Small ]").
    let widget = |t: &&&str| {
        t.split([':', '\u{ff1a}']).all(|piece| {
            let core = piece
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase();
            core.is_empty() && piece.chars().all(|c| "[]()\u{3010}\u{3011}|".contains(c))
                || TRAILING_WIDGETS.contains(&core.as_str())
        })
    };
    // Text-size buttons glued together ("A+AA-").
    let buttons = |t: &&&str| {
        t.len() <= 8
            && t.chars().any(|c| c.is_ascii_uppercase())
            && t.contains(['+', '-', '\u{2212}'])
            && t.chars()
                .all(|c| c.is_ascii_uppercase() || matches!(c, '+' | '-' | '\u{2212}'))
    };
    let cut = tokens
        .iter()
        .rev()
        .take_while(|t| widget(t) || buttons(t))
        .count();
    let cut_tokens = &tokens[tokens.len() - cut..];
    let words_cut = cut_tokens
        .iter()
        .filter(|t| t.chars().any(char::is_alphabetic))
        .count();
    let kept = tokens[..tokens.len() - cut].join(" ");
    // One control word is cut when the date ends what is kept ("Updated: Jun 8,
    // 2020 Print"), or when it is a row of text-size buttons.
    let date_last = date::full_date(&kept).is_some_and(|(span, _)| {
        let after = kept[span.end..].trim();
        after.is_empty() || is_time_only(after)
    });
    let enough = words_cut >= 2 || cut_tokens.iter().any(|t| buttons(&t)) || date_last;
    if cut > 0 && enough && date::full_date(&kept).is_some() {
        kept
    } else {
        text.to_string()
    }
}

/// The value a line gives both as its author and as its source ("Author:Network
/// sources Source:Network sources"): a placeholder the page fills every field with,
/// neither an author nor an outlet.
fn placeholder(parts: &[String]) -> Option<String> {
    if parts.len() < 2 {
        return None;
    }
    let author = parts
        .iter()
        .find_map(|p| AUTHOR_PART.captures(p).map(|c| c[2].trim().to_lowercase()))?;
    parts.iter().find_map(|p| {
        let caps = SOURCE_PART.captures(p)?;
        (caps[1].trim().to_lowercase() == author).then(|| caps[1].trim().to_string())
    })
}

/// "Contributor: Ann Lee" names the author; "Contributor: Example News Agency" the
/// outlet that supplied the text.
fn contributor(value: &str) -> Part {
    let value = value.trim();
    if words(value) > 6 || value.is_empty() {
        return Part::Other;
    }
    if name::is_person(value) {
        return Part::Strong(Byline {
            author: Some(name::normalise(value)),
            ..Byline::default()
        });
    }
    if name::is_capitalised(value) {
        return Part::Strong(Byline {
            source: Some(value.to_string()),
            ..Byline::default()
        });
    }
    Part::Other
}

/// Times of day with an optional zone ("04:32 PM", "14:59", "10.05 BST", "9:00 GMT+8",
/// "09:20(GMT+8)").
static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"(?i)\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:gmt|utc|bjt|cst|est|edt|pst|pdt|bst|cet|cest|ist|jst|et|pt)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?\b\.?",
        r"(?:\s*\((?:gmt|utc|bjt|cst|est|edt|pst|pdt|bst|cet|cest|ist|jst|et|pt)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\))?",
    ))
});

/// A time of day glued to the word after it ("12:03:30China").
static GLUED_TIME: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(\d{1,2}:\d{2}(?::\d{2})?)(\p{L}{2})"));

/// "22:17", "9.05 pm BST": a time of day alone, as after "Last Updated At:".
pub(crate) fn is_time_only(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && TIME_OF_DAY
            .find(text)
            .is_some_and(|m| m.range() == (0..text.len()))
}

/// The outlet beside the date and time of an "Updated ..." part, in either order
/// ("Aug 24,2019 04:32 PM CGTN", "14:59, 14-Aug-2019 | Example Post"): what is left
/// once the date and times are cut, when it reads as an outlet's name or address.
fn outlet_beside_date(rest: &str) -> Option<String> {
    let (span, _) = date::full_date(rest)?;
    let without = format!("{} {}", &rest[..span.start], &rest[span.end..]);
    let without = TIME_OF_DAY.replace_all(&without, " ");
    let left = without
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/' | '-' | '\u{b7}'))
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    if left.is_empty() || words(left) > 5 {
        return None;
    }
    if source::is_domain(left) {
        return as_written(left);
    }
    let outlet = name::is_capitalised(left)
        && !name::is_person(left)
        && !left.chars().any(|c| c.is_ascii_digit())
        // A month or weekday name left over is part of the date.
        && date::find(&format!("{left} 1, 2000")).is_none()
        && !left.split_whitespace().next().is_some_and(date::is_weekday);
    outlet.then(|| left.to_string())
}

/// A job title closing a byline ("Staff Reporter", "Chief Correspondent").
fn is_job_title(phrase: &str) -> bool {
    let last = phrase
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        last.trim_end_matches('s'),
        "reporter" | "correspondent" | "writer" | "editor" | "contributor" | "columnist"
    )
}

fn merge(into: &mut Byline, from: Byline) {
    into.author = into.author.take().or(from.author);
    into.source = into.source.take().or(from.source);
    into.date = into.date.take().or(from.date);
}

/// A labelled field in brackets closing a segment ("Source: Example Media Center
/// (Author: Ann Lee and Bo Chan)"): a part of its own.
static BRACKETED_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"\(\s*((?i:authors?|reporters?|editors?|sources?)\s*[:\u{ff1a}][^()]*)\)\s*$")
});

/// Splits at separators, then before labels inside a segment.
fn split(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    for segment in separated(text) {
        let (segment, field) = match BRACKETED_FIELD.captures(segment) {
            Some(caps) => {
                let at = caps.get(0).map_or(segment.len(), |m| m.start());
                (&segment[..at], caps.get(1).map(|m| m.as_str().to_string()))
            }
            None => (segment, None),
        };
        let segment = match leading_agency(segment) {
            Some((agency, rest)) => {
                let opened = if agency.starts_with('(') { "" } else { "(" };
                parts.push(format!("{opened}{agency}"));
                rest
            }
            None => segment,
        };
        let mut start = 0;
        for caps in INNER_LABEL.captures_iter(segment) {
            if let Some(label) = caps
                .get(1)
                .or(caps.get(2))
                .filter(|l| !is_compound_by(&segment[..l.start()], l.as_str()))
                .filter(|l| !is_compound_date(&segment[..l.start()], l.as_str()))
                .filter(|l| !is_compound_source(&segment[..l.start()], l.as_str()))
                // "By" in capitals opens a byline only after a date ("Monday, June 1,
                // 2020, 17:22 By Example Daily"), not inside a headline in title case.
                .filter(|l| l.as_str() != "By" || is_date_before(&segment[start..l.start()]))
            {
                parts.push(segment[start..label.start()].to_string());
                start = label.start();
            }
        }
        parts.push(segment[start..].to_string());
        parts.extend(field);
    }
    parts
        .into_iter()
        .map(|p| {
            p.trim()
                .trim_matches([',', ';', '-', '/'])
                .trim()
                .to_string()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// The segments between separators: "|", a bullet, and a middle dot with a space
/// beside it ("Ann Lee · May 3"); a middle dot glued between words joins one name
/// ("Example·Tech report").
fn separated(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut previous = ' ';
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        let cut = match c {
            '|' | '\u{2022}' => true,
            '\u{b7}' => previous.is_whitespace() || next.is_whitespace(),
            _ => false,
        };
        if cut {
            out.push(&text[start..i]);
            start = i + c.len_utf8();
        }
        previous = c;
    }
    out.push(&text[start..]);
    out
}

/// "(Agency) 08:43, May 3, 2019": an agency in brackets opening a segment is a part of
/// its own when a date (with at most a time and a weekday) follows.
fn leading_agency(segment: &str) -> Option<(&str, &str)> {
    let trimmed = segment.trim_start();
    // "Xinhua) 09:53, April 10, 2024": the page cut the opening bracket off.
    if let Some(close) = trimmed
        .find(')')
        .filter(|&c| c > 0 && c <= 40 && !trimmed[..c].contains('('))
    {
        let name = &trimmed[..close];
        let rest = &trimmed[close + 1..];
        let named = name.starts_with(|c: char| c.is_ascii_uppercase())
            && name
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '&');
        if named && is_mostly_date(rest.trim()) && date::find(rest).is_some() {
            return Some((&trimmed[..=close], rest));
        }
    }
    let whole = trimmed
        .starts_with('(')
        .then(|| AGENCY.find(trimmed))
        .flatten()?;
    let rest = &trimmed[whole.end()..];
    let dated = is_mostly_date(rest.trim()) && date::find(rest).is_some();
    (whole.start() == 0 && dated).then(|| (whole.as_str(), rest))
}

/// A date, with at most a weekday and a time, before a capitalised "By".
fn is_date_before(text: &str) -> bool {
    let text = text.trim().trim_end_matches(',');
    is_mostly_date(text) && date::find(text).is_some()
}

/// "Date" that belongs to a label before it ("Pub Date:", "Issue Date:").
fn is_compound_date(before: &str, label: &str) -> bool {
    let previous = previous_word(before);
    label == "Date"
        && matches!(
            previous.as_str(),
            "pub" | "publication" | "publish" | "published" | "release" | "issue" | "post"
        )
}

/// The last word of `before`, lower-cased: the word a label may belong to.
fn previous_word(before: &str) -> String {
    before
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase()
}

/// A lower-case "source:" that belongs to a label before it ("Article source:",
/// "News source:"), not one of its own ("Date:2024-02-23 source:Quxton Office").
fn is_compound_source(before: &str, label: &str) -> bool {
    let previous = previous_word(before);
    label.starts_with("source")
        && matches!(
            previous.as_str(),
            "news" | "article" | "copy" | "information" | "photo" | "image" | "picture"
        )
}

/// "by" that belongs to a label before it ("Written by", "Reporting by").
fn is_compound_by(before: &str, label: &str) -> bool {
    let previous = previous_word(before);
    label.eq_ignore_ascii_case("by")
        && matches!(
            previous.as_str(),
            "written"
                | "reporting"
                | "distributed"
                | "text"
                | "story"
                | "words"
                | "edited"
                | "editing"
                | "photos"
                | "photo"
                | "photographs"
                | "image"
                | "images"
                | "video"
                | "graphic"
                | "illustration"
        )
}

/// Which label family the first word could open, to skip patterns that cannot match.
fn first_word(part: &str) -> String {
    part.split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// The second word of a part, in lower case ("Web Editor: X" -> "editor").
fn second_word(part: &str) -> String {
    part.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .nth(1)
        .unwrap_or("")
        .to_lowercase()
}

fn classify(part: String) -> Part {
    let first = first_word(&part);
    let first = first.as_str();
    let date_label = matches!(
        first,
        "last"
            | "updated"
            | "published"
            | "posted"
            | "modified"
            | "release"
            | "publish"
            | "publication"
            | "date"
            | "first"
            | "pub"
            | "datetime"
            | "issue"
    );
    // "from: example.com" (a colon is required: "From Example Wiki, ..." is a tagline).
    let source_label = matches!(
        first,
        "news" | "source" | "sources" | "via" | "from" | "article" | "copy" | "information"
    ) || FOREIGN_SOURCE_LABELS.contains(&first);
    // "Par" and "Por" are "By" in French, Spanish and Portuguese.
    let author_label = matches!(
        first,
        "written"
            | "by"
            | "par"
            | "por"
            | "author"
            | "authors"
            | "reporter"
            | "reporters"
            | "text"
            | "story"
            | "words"
            | "reporting"
    );
    let cjk_label = part.chars().next().is_some_and(|c| !c.is_ascii());
    if let Some(caps) = cjk_label.then(|| CJK_PART.captures(&part)).flatten() {
        return cjk(&caps[1], caps[2].trim());
    }
    let editor = matches!(first, "editor" | "editors" | "edited" | "editing")
        || EDITOR_KINDS.contains(&first) && second_word(&part) == "editor";
    if let Some(caps) = editor.then(|| EDITOR_PART.captures(&part)).flatten() {
        let credit_only = words(&caps[2]) <= 5;
        // "Editor:Ann Lee   2019-04-19 10:50:01": the editor is no author, but the
        // date after the name dates the page.
        let date = date::full_date(&caps[2])
            .filter(|(span, _)| span.start > 0)
            .map(|(_, d)| d);
        return if credit_only {
            Part::Strong(Byline {
                date,
                ..Byline::default()
            })
        } else {
            Part::Other
        };
    }
    if first == "distributed"
        && let Some(caps) = DISTRIBUTOR_PART.captures(&part)
    {
        let date = caps.get(2).and_then(|d| date::find(d.as_str()));
        return Part::Strong(Byline {
            date,
            ..Byline::default()
        });
    }
    if is_kind_label(&part) {
        return Part::Kind;
    }
    if let Some(caps) = date_label.then(|| DATE_PART.captures(&part)).flatten() {
        let rest = caps.get(5).map_or("", |m| m.as_str());
        if RELATIVE_TIME.is_match(rest.trim()) || is_time_only(rest) {
            return Part::Strong(Byline::default());
        }
        if rest.is_empty() || words(rest) <= 8 {
            let date = date::find(rest).or_else(|| date::short_year(rest));
            if date.is_some() || rest.is_empty() {
                return Part::Strong(Byline {
                    date,
                    source: outlet_beside_date(rest),
                    ..Byline::default()
                });
            }
        }
    }
    if let Some(caps) = source_label.then(|| SOURCE_PART.captures(&part)).flatten() {
        let outlet = caps[1].trim();
        // "Source: Time: ...": the field is empty, and the next label's words are no
        // outlet.
        // "Source: DateTime:2019-11-01": the next label's value is read as its own
        // part.
        if LABEL_OPENING
            .find(outlet)
            .is_some_and(|m| !outlet[m.end()..].starts_with("//"))
        {
            return match classify(outlet.to_string()) {
                Part::Strong(b) => Part::Strong(Byline { source: None, ..b }),
                _ => Part::Strong(Byline::default()),
            };
        }
        // "Source: Home >> Region News >> Economy": the page's breadcrumb trail under
        // a source label names a section, not the outlet.
        if is_trail(outlet) {
            return Part::Strong(Byline::default());
        }
        // "Source: Example Daily 2013-10-23": the outlet, then the page's date in digits
        // (maybe with a time).
        let (outlet, date) = match date::full_date(outlet) {
            Some((span, d))
                if span.start > 0
                    && outlet[..span.start].ends_with(char::is_whitespace)
                    && !outlet[span.clone()].chars().any(char::is_alphabetic)
                    && {
                        let after = outlet[span.end..].trim();
                        after.is_empty() || is_time_only(after)
                    } =>
            {
                (outlet[..span.start].trim(), Some(d))
            }
            _ => (outlet, None),
        };
        // "Source: NO. 22 MAY 30, 2019": a print issue or a date, not an outlet.
        let issue = outlet.to_ascii_lowercase().starts_with("no.")
            || outlet.starts_with(|c: char| c.is_ascii_digit())
            || is_mostly_date(outlet) && date::find(outlet).is_some();
        // "Source: Ann Lee/Photo Agency": a picture credit, not the story's outlet.
        let picture_credit = outlet.contains('/') && !source::is_domain(outlet);
        if issue || picture_credit {
            return Part::Strong(Byline::default());
        }
        // "Source: example.cn": the publisher table's name for a listed address, else
        // the address as the page writes it (without "www."); a name guessed from
        // its letters ("Example") would say more than the page does.
        let outlet = if source::is_domain(outlet) {
            as_written(outlet).unwrap_or(outlet.to_string())
        } else {
            outlet.to_string()
        };
        return Part::Strong(Byline {
            source: Some(outlet),
            date,
            ..Byline::default()
        });
    }
    if let Some(caps) = author_label.then(|| AUTHOR_PART.captures(&part)).flatten() {
        // "Author:Network sources": a labelled field holding no name says nothing.
        let labelled = caps[1].contains([':', '\u{ff1a}']) && words(&caps[2]) <= 4;
        // "author:Quxton News Network Zorbland": a labelled author field holding an
        // outlet's name (it names a medium, and no person) names the outlet.
        let value = caps[2].trim();
        if caps[1].contains([':', '\u{ff1a}'])
            && (2..=8).contains(&words(value))
            && name::is_capitalised(value)
            && !value.chars().any(|c| c.is_ascii_digit())
            && (names_a_medium(value) || the_outlet(value))
            && !name::is_person(value)
        {
            return Part::Strong(Byline {
                source: Some(value.to_string()),
                ..Byline::default()
            });
        }
        return match author(&caps[2]) {
            Some(b) => Part::Strong(b),
            None if labelled => Part::Strong(Byline::default()),
            None => handle(&caps[2]).unwrap_or(Part::Other),
        };
    }
    if let Some(caps) = (first == "contributor" || first == "contributors")
        .then(|| CONTRIBUTOR_PART.captures(&part))
        .flatten()
    {
        return contributor(caps[1].trim());
    }
    // "(example.gov.cn)": a site named in brackets.
    let unbracketed = part.trim_start_matches('(').trim_end_matches(')');
    if source::is_domain(unbracketed) {
        // "www.example-country.org.cn": a host named after a country or a city
        // does not name the outlet ("Ruritania" is no publisher).
        // Else the publisher table's name or the address as the page writes it.
        let place = source::from_domain(unbracketed).is_some_and(|s| is_listed_place(&s));
        return Part::Strong(Byline {
            source: (!place).then(|| as_written(unbracketed)).flatten(),
            ..Byline::default()
        });
    }
    let agency = part
        .starts_with('(')
        .then(|| AGENCY.captures(&part))
        .flatten();
    if let Some(agency) = agency.filter(|c| c[0].len() == part.len()) {
        return Part::Strong(Byline {
            source: Some(agency[1].to_string()),
            ..Byline::default()
        });
    }
    if let Some(d) = is_mostly_date(&part).then(|| date::find(&part)).flatten() {
        return Part::Strong(Byline {
            date: Some(d),
            ..Byline::default()
        });
    }
    let in_place = part
        .contains(" in ")
        .then(|| NAME_IN_PLACE.captures(&part))
        .flatten();
    if let Some(caps) = in_place.filter(|c| name::is_name(&c[1])) {
        return Part::NameInPlace(caps[1].to_string());
    }
    if words(&part) <= 5 && name::is_name(&part) {
        return Part::Phrase(part);
    }
    if EMPTY_PART.is_match(part.trim()) {
        return Part::Empty;
    }
    outlet_and_date(&part).unwrap_or(Part::Other)
}

/// Separators of a breadcrumb trail ("Home > News", "Index >> Economy", "News » Local").
const TRAIL_SEPARATORS: &[&str] = &[" > ", ">>", " \u{bb} ", " \u{203a} "];

/// A breadcrumb trail: two or more steps joined by a trail separator.
fn is_trail(text: &str) -> bool {
    TRAIL_SEPARATORS.iter().any(|sep| text.contains(sep))
}

/// An address named as the outlet ("example.cn", "www.example.com.cn"): the
/// publisher table's name for a listed one, else the address as the page writes
/// it (without "www."), in a byline's label, brackets or bars alike. A name made
/// from its letters ("goquxland.com.cn" -> "Goquxland"), or even from the words
/// found in them ("dailyherald.com" -> "Daily Herald"), would say more than the
/// page does, which names the site by its address.
pub(crate) fn as_written(address: &str) -> Option<String> {
    super::domain::from_table(address).or_else(|| {
        super::domain::host(address).map(|h| h.strip_prefix("www.").unwrap_or(&h).to_string())
    })
}

/// A word naming the medium after a masthead ("Example Daily app").
const MEDIA: &[&str] = &[
    "app", "online", "digital", "mobile", "edition", "web", "website", "tv", "radio", "e-paper",
    "epaper",
];

/// Words that name an outlet's medium inside its name ("Example Net", "Example On
/// Internet", "Example Network"), besides [`MEDIA`].
const MEDIUM_NAMES: &[&str] = &[
    "internet",
    "net",
    "network",
    "portal",
    "newspaper",
    "magazine",
];

/// A name that says it is an outlet: it ends in a masthead noun ("Example Daily") or
/// names a medium ("Example Online", "Example On Internet").
pub(crate) fn names_a_medium(phrase: &str) -> bool {
    is_masthead(phrase)
        || phrase.split_whitespace().any(|w| {
            let w = w.to_lowercase();
            MEDIA.contains(&w.as_str()) || MEDIUM_NAMES.contains(&w.as_str())
        })
}

/// A masthead standing alone: an outlet's name ending in a masthead noun, maybe
/// followed by its medium ("Example Daily", "Example Times app"), not a section
/// ("Business News") nor a person ("Ann Post").
pub(crate) fn masthead(text: &str) -> Option<String> {
    let text = text.trim();
    let mut tokens: Vec<&str> = text.split_whitespace().collect();
    if tokens.len() < 2 || tokens.len() > 6 || text.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if tokens
        .last()
        .is_some_and(|t| MEDIA.contains(&t.to_lowercase().as_str()))
    {
        tokens.pop();
    }
    let name = tokens.join(" ");
    let section = tokens
        .first()
        .is_some_and(|t| super::SECTIONS.contains(&t.to_lowercase().as_str()));
    let shaped = words(&name) >= 2
        && name::is_capitalised(&name)
        && is_masthead(&name)
        && !is_person_not_place(&name)
        && !phrases::is_label(&name);
    (shaped && !section).then(|| text.to_string())
}

/// Head nouns of the bodies that publish their own pages (a government, a ministry,
/// a council).
const PUBLISHING_BODIES: &[&str] = &[
    "government",
    "ministry",
    "council",
    "commission",
    "bureau",
    "department",
    "administration",
    "authority",
    "committee",
    "embassy",
    "consulate",
    "office",
];

/// The name of a public body as a page's first line ("The Municipal Council of
/// Quxland"): capitalised words (small words aside), no figures, a publishing body's
/// head noun last or before "of".
pub(crate) fn publishing_body(text: &str) -> Option<String> {
    let text = text.trim();
    let tokens: Vec<&str> = text.split_whitespace().collect();
    if !(2..=12).contains(&tokens.len())
        || text.chars().any(|c| c.is_ascii_digit())
        || crate::corpus::clean::line::ends_sentence(text)
    {
        return None;
    }
    let small = |t: &str| matches!(t, "of" | "the" | "for" | "and" | "in" | "on" | "&");
    let capitalised = tokens[0].chars().next().is_some_and(char::is_uppercase)
        && tokens
            .iter()
            .all(|t| small(t) || t.chars().next().is_some_and(char::is_uppercase));
    let headed = tokens.iter().enumerate().any(|(i, t)| {
        let word = t.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        PUBLISHING_BODIES.contains(&word.as_str())
            && (i + 1 == tokens.len() || tokens[i + 1] == "of")
    });
    (capitalised && headed).then(|| text.to_string())
}

/// The kind of article or a newspaper section ("Press release", "Opinion").
fn is_kind_label(part: &str) -> bool {
    let lower = part.trim().to_lowercase();
    CONTENT_TYPES.contains(&lower.as_str()) || super::SECTIONS.contains(&lower.as_str())
}

/// A name ending in a masthead noun ("X Daily", "X Times") is an outlet even when its
/// words could also be a person's given name and surname.
fn is_masthead(phrase: &str) -> bool {
    let last = phrase
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        last.as_str(),
        "daily"
            | "times"
            | "post"
            | "news"
            | "herald"
            | "journal"
            | "gazette"
            | "tribune"
            | "observer"
            | "express"
            | "telegraph"
            | "review"
            | "weekly"
            | "online"
            | "press"
            | "standard"
            | "chronicle"
            | "mail"
            | "globe"
            | "monitor"
            | "courier"
            | "today"
    )
}

/// Reads as a person's name, and does not open with a listed place: "Ann Post" is
/// a person, "Ruritania Daily" an outlet even where "Ruritania" is also a given name.
fn is_person_not_place(phrase: &str) -> bool {
    let mut tokens: Vec<&str> = phrase.split_whitespace().collect();
    tokens.pop();
    let listed_place = matches!(
        crate::extract::gazetteer::gazetteer().lookup(&tokens.join(" ")),
        Some((_, crate::extract::gazetteer::Entry::Place { .. }))
    );
    name::is_person(phrase) && !listed_place
}

/// "Example Daily, April 29, 2024": an outlet, a comma, then a full date. The name
/// must be capitalised, not a person's (that is an author) and not a listed place
/// (a dateline: "Portville, May 3, 2021").
fn outlet_and_date(part: &str) -> Option<Part> {
    // "(Example Daily February 7, 2002)": a closing credit in brackets, no comma
    // between the outlet and its date.
    let inner = part
        .strip_prefix('(')
        .and_then(|p| p.strip_suffix(')'))
        .map(str::trim);
    let bracketed = inner.and_then(|inner| {
        let (span, _) = date::full_date(inner)?;
        (span.start > 0 && span.end == inner.len()).then(|| {
            (
                inner[..span.start].trim_end_matches([' ', ',']),
                &inner[span.start..],
            )
        })
    });
    // "Example Post 2022-06-29 11:41": an outlet, then a date in digits and a time.
    let spaced = || {
        let (span, _) = date::full_date(part)?;
        let (outlet, date_text) = (&part[..span.start], &part[span.clone()]);
        let after = part[span.end..].trim();
        (span.start > 0
            && outlet.ends_with(char::is_whitespace)
            && !date_text.chars().any(char::is_alphabetic)
            && (after.is_empty() || is_time_only(after)))
        .then(|| (outlet.trim(), &part[span.start..]))
    };
    // "2023-11-26 12:03:30 Example Daily": a date in digits, maybe a time, then the
    // outlet.
    let dated_first = || {
        let (span, _) = date::full_date(part)?;
        if span.start > 0 || part[span.clone()].chars().any(char::is_alphabetic) {
            return None;
        }
        let after = part[span.end..].trim_start();
        let outlet = match TIME_OF_DAY.find(after) {
            Some(time) if time.start() == 0 => &after[time.end()..],
            _ => after,
        };
        Some((outlet.trim(), &part[..span.end]))
    };
    let comma = || part.split_once(", ");
    let (outlet, rest) = match bracketed {
        Some(found) => found,
        None => comma().or_else(spaced).or_else(dated_first)?,
    };
    // "Quxton Port Signs Ten Deals 2018-10-31": with nothing but a space between
    // them, four capitalised words or more before a date are a headline with its
    // date glued on, unless they say they are an outlet ("Quxton Evening News",
    // "Quxton Municipal People's Government").
    let glued = bracketed.is_none() && comma().is_none() && part.ends_with(rest);
    let headline_like =
        glued && words(outlet) >= 4 && !names_a_medium(outlet) && publishing_body(outlet).is_none();
    let full = date::find(rest).filter(|d| d.len() == "2000-01-01".len());
    let date = full.filter(|_| is_mostly_date(rest))?;
    let listed_place = is_listed_place(outlet);
    // "Release Time: 2022-03-01": a label before the date is no outlet.
    let plausible = words(outlet) <= 5
        && !headline_like
        && !outlet.trim_end().ends_with([':', '\u{ff1a}'])
        && name::is_capitalised(outlet)
        && outlet.chars().any(char::is_lowercase)
        && (!name::is_person(outlet) || is_masthead(outlet))
        && !listed_place;
    plausible.then(|| {
        Part::Strong(Byline {
            source: Some(outlet.trim().to_string()),
            date: Some(date),
            ..Byline::default()
        })
    })
}

/// A name the gazetteer lists as a place.
fn is_listed_place(text: &str) -> bool {
    matches!(
        crate::extract::gazetteer::gazetteer().lookup(text),
        Some((_, crate::extract::gazetteer::Entry::Place { .. }))
    )
}

/// A Chinese-labelled part: 来源/稿源/出处 ... (source), 作者/记者/撰稿 (author), 编辑
/// (editor, ignored), 发布时间/时间/日期 ... (date). An unlabelled date after the value
/// ("编辑:王某   2020-05-19 18:09") is read as the date.
fn cjk(label: &str, rest: &str) -> Part {
    let mut out = Byline::default();
    let (value, date) = match date::full_date(rest) {
        Some((span, d)) if span.start > 0 && rest[..span.start].ends_with(char::is_whitespace) => {
            (rest[..span.start].trim(), Some(d))
        }
        _ => (rest, None),
    };
    match label {
        "来源" | "稿源" | "稿件来源" | "文章来源" | "信息来源" | "新闻来源" | "出处"
            if !value.is_empty() =>
        {
            out.source = Some(value.to_string());
        }
        "作者" | "记者" | "撰稿" if !value.is_empty() => {
            out.author = Some(name::normalise(value));
        }
        "发布时间" | "发稿时间" | "发表时间" | "更新时间" | "发布日期" | "时间" | "日期" =>
        {
            out.date = date::find(rest);
        }
        _ => {}
    }
    out.date = out.date.or(date);
    Part::Strong(out)
}

/// A date with at most a weekday, a time and a zone around it ("Thu 29 Sept 2016 10.05 BST").
fn is_mostly_date(part: &str) -> bool {
    if date::starts_with_range(part) || words(part) > 8 {
        return false;
    }
    part.split_whitespace().all(|t| {
        t.chars().any(|c| c.is_ascii_digit())
            || t.chars().filter(|c| c.is_alphabetic()).count() <= 4
            || date::is_weekday(t)
            || date::find(&format!("{t} 1, 2000")).is_some()
            || date::foreign_month(t.trim_matches(|c: char| !c.is_alphabetic())).is_some()
    })
}

/// "Example Wire writer Ann Lee", "staff reporter Bo Chan": maybe an outlet, a
/// writer's role in lower case, then the name.
static ROLE_BEFORE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^(?:(?P<outlet>\p{Lu}[\p{L}\d.&'\u{2019}-]*(?:\s+\p{Lu}[\p{L}\d.&'\u{2019}-]*){0,4})\s+)?",
        r"(?:(?:staff|senior|chief|special|contributing|intern)\s+)?",
        r"(?:writer|reporter|correspondent|journalist|columnist)s?\s+(?P<name>\p{Lu}.*)$",
    ))
});

/// "NAME in CITY(Agency)", "NAME, Agency", "NAME for Outlet", "NAME; Editing by ...".
fn author(rest: &str) -> Option<Byline> {
    let mut out = Byline::default();
    let mut text = rest.to_string();
    if let Some(caps) = AGENCY.captures(rest) {
        out.source = Some(caps[1].trim().to_string());
        text = rest.replace(&caps[0], " ");
    } else if let Some(caps) = BRACKETED_DOMAIN.captures(rest)
        && source::is_domain(&caps[1])
    {
        // "By Ann Lee (examplepost.com)": the site the byline names.
        out.source = as_written(&caps[1]);
        text = rest.replace(&caps[0], " ");
    }
    // "By Ann Lee, iQuxton news", "By Ann Lee, Quxton Daily": the outlet after the
    // last comma, a name ending in a masthead noun, capitalised or opening with a
    // brand ("iQuxton").
    if out.source.is_none()
        && let Some((_, after)) = text.rsplit_once(',')
    {
        let after = after.trim();
        let opening = after.split_whitespace().next().unwrap_or("");
        let shaped = (2..=6).contains(&words(after))
            && !after.chars().any(|c| c.is_ascii_digit())
            && is_masthead(after)
            && (name::is_brand(opening) || name::is_capitalised(after))
            && !is_person_not_place(after);
        if shaped {
            out.source = Some(after.to_string());
        }
    }
    // "By Ann Lee in Portville and Bo Chan in Quxton": both names, without the places,
    // as "Ann Lee in Portville" gives the name alone.
    if let Some(caps) = NAMES_IN_PLACES.captures(text.trim())
        && name::is_name(&caps[1])
        && name::is_name(&caps[2])
    {
        out.author = Some(format!(
            "{} and {}",
            name::normalise(&caps[1]),
            name::normalise(&caps[2])
        ));
        return Some(out);
    }
    let mut name_part = text.as_str();
    for cut in [
        " in ",
        ";",
        ",",
        " at ",
        " - ",
        " – ",
        " — ",
        "/",
        " and Editing",
    ] {
        if let Some(at) = name_part.find(cut) {
            name_part = &name_part[..at];
        }
    }
    if let Some(at) = name_part.find(" for ") {
        let outlet = name_part[at + 5..].trim();
        if name::is_capitalised(outlet) {
            out.source = out.source.or(Some(outlet.to_string()));
        }
        name_part = &name_part[..at];
    }
    let name_part = name_part.trim();
    // "By Example Wire writer Ann Lee": the outlet, the writer's role, the name.
    if let Some(caps) = ROLE_BEFORE_NAME.captures(name_part)
        && let Some(name) = caps.name("name").map(|n| n.as_str().trim())
        && (2..=4).contains(&words(name))
        && name::is_name(name)
    {
        if let Some(outlet) = caps.name("outlet") {
            out.source = out.source.or(Some(outlet.as_str().to_string()));
        }
        out.author = Some(name::normalise(name));
        return Some(out);
    }
    // "By ( Agency )": an outlet in brackets and no name is the outlet's byline.
    if name_part.is_empty() && out.source.is_some() {
        return Some(out);
    }
    // "By Example Daily": a masthead after "By" is the outlet, not an author.
    if words(name_part) >= 2 && is_masthead(name_part) && !is_person_not_place(name_part) {
        out.source = out.source.or(Some(name_part.to_string()));
        return Some(out);
    }
    let name = if name::is_name(name_part) || name::is_collective(name_part) {
        Some(name_part.to_string())
    } else {
        name::leading(name_part)
    };
    name.filter(|n| n.split_whitespace().count() <= 8).map(|n| {
        out.author = Some(name::normalise(&n));
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(author: Option<&str>, source: Option<&str>, date: Option<&str>) -> Option<Byline> {
        Some(Byline {
            author: author.map(String::from),
            source: source.map(String::from),
            date: date.map(String::from),
        })
    }

    #[test]
    fn a_local_media_dateline_names_its_outlet_and_correspondents() {
        let lead = "Quxton Net Moment, Zorbdi, July 31 (Correspondent Ann Lee and Bo Chan) \
                    The signing ceremony of the port took place on July 31.";
        assert_eq!(
            dateline_correspondent(lead),
            Some(("Quxton Net Moment".into(), "Ann Lee and Bo Chan".into()))
        );
        assert_eq!(
            dateline_reporter(lead).as_deref(),
            Some("Ann Lee and Bo Chan")
        );
        // Without the label, or with no person in the brackets, nothing is read.
        assert_eq!(
            dateline_correspondent("Quxton Net, Zorbdi, July 31 (Ann Lee) The port opened."),
            None
        );
        assert_eq!(
            dateline_correspondent(
                "Quxton Net, Zorbdi, July 31 (Reporter the port office) The port."
            ),
            None
        );
    }

    #[test]
    fn a_pointer_to_a_section_glued_to_the_last_paragraph_is_cut_off() {
        let text = "Quxton said it would raise the income of farmers and herdsmen. \
                    (For more biz stories, please visit Industries)";
        assert_eq!(
            split_glued_promotion(text).as_deref(),
            Some("Quxton said it would raise the income of farmers and herdsmen.")
        );
        // Brackets of the story's own stay.
        let own = "Quxton said it would raise the income of farmers and herdsmen. \
                   (Figures for more towns, see the table below)";
        assert_eq!(split_glued_promotion(own), None);
    }

    #[test]
    fn a_closing_credit_in_round_brackets_names_the_author() {
        assert_eq!(parse("( by Ann Quxley)"), b(Some("Ann Quxley"), None, None));
        assert_eq!(parse("(By Ann Quxley)"), b(Some("Ann Quxley"), None, None));
    }

    #[test]
    fn an_author_field_holding_the_and_a_name_names_the_outlet() {
        assert_eq!(
            parse("By : The Quxtonian"),
            b(None, Some("The Quxtonian"), None)
        );
        assert_eq!(
            parse("By: The Zorb Herald"),
            b(None, Some("The Zorb Herald"), None)
        );
        assert_eq!(parse("By: Ann Quxley"), b(Some("Ann Quxley"), None, None));
    }

    #[test]
    fn a_labelled_date_glued_to_the_story_is_cut_off() {
        let (rest, found) = split_glued_date(
            "Updated: 2009-08-18 00:45 The largest port of the coast opened on Monday in Quxton.",
        )
        .expect("a glued date");
        assert!(rest.starts_with("The largest port"));
        assert_eq!(found.date.as_deref(), Some("2009-08-18"));
        // A sentence about an update is no date line.
        assert!(
            split_glued_date("Updated figures show The port grew by a fifth this year in all.")
                .is_none()
        );
    }

    #[test]
    fn an_outlet_and_a_date_after_a_widget_row() {
        let found = parse("0 Comment(s)Print E-mail Harbour Times, April 29, 2024");
        assert_eq!(
            found,
            Some(Byline {
                source: Some("Harbour Times".into()),
                date: Some("2024-04-29".into()),
                author: None,
            })
        );
        // Words that could be a given name and a surname still make a masthead.
        let found = parse("Mary Daily, April 29, 2024").and_then(|b| b.source);
        assert_eq!(found.as_deref(), Some("Mary Daily"));
        assert_eq!(
            parse("Mary Quux, April 29, 2024").and_then(|b| b.source),
            None
        );
        // A place before the date is a dateline, not an outlet; a clause is no outlet.
        assert_eq!(
            parse("Shanghai, April 29, 2024").and_then(|b| b.source),
            None
        );
        assert_eq!(parse("Prices rose sharply, April 29, 2024"), None);
    }

    #[test]
    fn by_name_in_city_with_agency() {
        assert_eq!(
            parse("By JANE ROE in Lisbon(Wire Agency)"),
            b(Some("Jane Roe"), Some("Wire Agency"), None)
        );
    }

    #[test]
    fn pipe_separated_byline_with_domain_and_date() {
        assert_eq!(
            parse("By SAM LEE in Cairo | dailyherald.com | Updated: 2017-08-15 14:36"),
            b(Some("Sam Lee"), Some("dailyherald.com"), Some("2017-08-15"))
        );
    }

    #[test]
    fn written_by_with_glued_published_label() {
        assert_eq!(
            parse("Written by Example Writers Published on 4 mins read"),
            b(Some("Example Writers"), None, None)
        );
    }

    #[test]
    fn a_pub_date_with_a_two_digit_year_and_a_source_address() {
        assert_eq!(
            parse("Pub Date:19-07-05 08:41 Source:www.quxton-news.cn"),
            b(None, Some("quxton-news.cn"), Some("2019-07-05"))
        );
        assert_eq!(
            parse("Issue Date: 2019-07-05"),
            b(None, None, Some("2019-07-05"))
        );
    }

    #[test]
    fn an_outlet_in_brackets_before_an_updated_date_with_the_month_in_letters() {
        assert_eq!(
            parse("(Quxnet) Updated: 2011-March-09 08:15:02"),
            b(None, Some("Quxnet"), Some("2011-03-09"))
        );
    }

    #[test]
    fn a_breadcrumb_trail_after_a_source_label_is_no_outlet() {
        assert_eq!(
            parse("Source: Index >> Quxland Economy >> Trade"),
            b(None, None, None)
        );
        assert_eq!(parse("Source: Home > Harbour News"), b(None, None, None));
        assert_eq!(
            parse("Source: Quxton Daily"),
            b(None, Some("Quxton Daily"), None)
        );
    }

    #[test]
    fn an_empty_source_field_before_a_date_label() {
        assert_eq!(
            parse("Source: DateTime:2019-11-01"),
            b(None, None, Some("2019-11-01"))
        );
        assert_eq!(
            parse("Source: Date Time: 2019-11-01 10:20"),
            b(None, None, Some("2019-11-01"))
        );
    }

    #[test]
    fn an_author_field_in_brackets_after_the_source() {
        assert_eq!(
            parse("Source: Quxton Media Center (Author: Ann Lee and Bo Chan)"),
            b(
                Some("Ann Lee and Bo Chan"),
                Some("Quxton Media Center"),
                None
            )
        );
        assert_eq!(
            parse("Source: Quxton Daily (Reporter: Bo Chan)"),
            b(Some("Bo Chan"), Some("Quxton Daily"), None)
        );
    }

    #[test]
    fn an_outlet_and_a_role_between_by_and_the_name() {
        assert_eq!(
            parse("by Quxwire writer Ann Lee"),
            b(Some("Ann Lee"), Some("Quxwire"), None)
        );
        assert_eq!(
            parse("By Example Daily staff reporter BO CHAN"),
            b(Some("Bo Chan"), Some("Example Daily"), None)
        );
        assert_eq!(
            parse("By senior correspondent Ann Lee"),
            b(Some("Ann Lee"), None, None)
        );
    }

    #[test]
    fn a_date_line_with_the_month_in_another_language() {
        assert_eq!(parse("20 aprile 2021 a"), b(None, None, Some("2021-04-20")));
        assert_eq!(parse("3 octobre 2019"), b(None, None, Some("2019-10-03")));
        // A weekday in that language before it is no outlet.
        assert_eq!(
            parse("Samstag, 3. März 2019"),
            b(None, None, Some("2019-03-03"))
        );
        assert_eq!(
            parse("mercredi 2 octobre 2019"),
            b(None, None, Some("2019-10-02"))
        );
    }

    #[test]
    fn bracketed_address_after_a_byline_names_the_outlet() {
        assert_eq!(
            parse("By Ann Lee (examplepost.com)"),
            b(Some("Ann Lee"), Some("examplepost.com"), None)
        );
    }

    #[test]
    fn names_after_an_address_and_a_date_are_the_authors() {
        assert_eq!(
            parse("en.qxnt.cn | Updated:2025-02-12 | Ann Lee, Bo Chan"),
            b(
                Some("Ann Lee, Bo Chan"),
                Some("en.qxnt.cn"),
                Some("2025-02-12")
            )
        );
        assert_eq!(
            parse("en.qxnt.cn | Updated:2025-02-12 | Ann Lee, Stephanie"),
            b(
                Some("Ann Lee, Stephanie"),
                Some("en.qxnt.cn"),
                Some("2025-02-12")
            )
        );
    }

    #[test]
    fn web_editor_label_is_not_part_of_the_outlet() {
        assert_eq!(
            parse("2019-04-19 10:50 Quxwire Web Editor: Ann Lee comment"),
            b(None, Some("Quxwire"), Some("2019-04-19"))
        );
        assert_eq!(
            parse("Published: 2019-04-19 | Chief Editor: Bo Chan"),
            b(None, None, Some("2019-04-19"))
        );
    }

    #[test]
    fn picture_credits_web_editors_and_cut_agency_brackets() {
        assert_eq!(parse("Source: Ann Lee/Pixbank"), b(None, None, None));
        assert_eq!(parse("Web Editor:ABC"), b(None, None, None));
        assert_eq!(
            parse("Wire) 09:53, April 10, 2024"),
            b(None, Some("Wire"), Some("2024-04-10"))
        );
    }

    #[test]
    fn a_print_issue_after_a_source_label_is_no_outlet() {
        assert_eq!(
            parse("By Ann Lee & Bo Wu  ·  2019-05-27  ·   Source: NO. 22 MAY 30, 2019"),
            b(Some("Ann Lee & Bo Wu"), None, Some("2019-05-27"))
        );
    }

    #[test]
    fn a_release_time_line_with_empty_fields_and_text_size_buttons() {
        assert_eq!(
            parse("Release time:2021-05-04 Article source: Reading times: A+AA-"),
            b(None, None, Some("2021-05-04"))
        );
        assert_eq!(
            parse("Publish Time: 2021-05-04 Views: 312"),
            b(None, None, Some("2021-05-04"))
        );
        // A label before the date is no outlet.
        assert_eq!(
            parse("Release Time: 2021-05-04"),
            b(None, None, Some("2021-05-04"))
        );
    }

    #[test]
    fn one_control_word_after_a_date_is_cut() {
        assert_eq!(
            parse("Updated: Jun 8, 2020 Print"),
            b(None, None, Some("2020-06-08"))
        );
    }

    #[test]
    fn source_labels_in_other_languages() {
        assert_eq!(
            parse("Quelle: Quxton Wochenblatt"),
            b(None, Some("Quxton Wochenblatt"), None)
        );
        assert_eq!(
            parse("\u{160}altinis: Harbour Business Weekly"),
            b(None, Some("Harbour Business Weekly"), None)
        );
        assert_eq!(
            parse("Fuente: Diario Quxton"),
            b(None, Some("Diario Quxton"), None)
        );
    }

    #[test]
    fn a_brand_beside_a_date_is_the_outlet_not_the_author() {
        assert_eq!(
            parse("|QuxNews|Published:2024-09-08 14:20:13"),
            b(None, Some("QuxNews"), Some("2024-09-08"))
        );
        // A surname with a capital inside is still a name.
        assert_eq!(
            parse("McLean | Published: 2024-09-08"),
            b(Some("McLean"), None, Some("2024-09-08"))
        );
    }

    #[test]
    fn a_bare_address_is_the_outlet_as_the_page_writes_it() {
        assert_eq!(
            parse("goquxland.com.cn | Updated: 2024-02-20"),
            b(None, Some("goquxland.com.cn"), Some("2024-02-20"))
        );
        // Masthead words in the address ("north", "times") do not make it "North
        // Times": the page names the site by its address, in brackets or beside a date.
        assert_eq!(
            parse("( northtimes.com.cn )"),
            b(None, Some("northtimes.com.cn"), None)
        );
        assert_eq!(
            parse("Updated: 2011-08-30 northtimes.com.cn"),
            b(None, Some("northtimes.com.cn"), Some("2011-08-30"))
        );
    }

    #[test]
    fn source_and_release_date_labels() {
        assert_eq!(
            parse("News sources:Port Authority Office Release Date:2019-04-19"),
            b(None, Some("Port Authority Office"), Some("2019-04-19"))
        );
        assert_eq!(
            parse("Source: Example Wire"),
            b(None, Some("Example Wire"), None)
        );
    }

    #[test]
    fn labels_in_capitals_or_lower_case_open_parts_of_their_own() {
        assert_eq!(
            parse("SOURCE: AUTHOR: DATE: 2019-04-17"),
            b(None, None, Some("2019-04-17"))
        );
        assert_eq!(
            parse("Date:2021-05-06 10:12 source:Office of Quxton Municipal Government visits:"),
            b(
                None,
                Some("Office of Quxton Municipal Government"),
                Some("2021-05-06")
            )
        );
        // The lower-case "source" of a longer label is not split from it.
        assert_eq!(
            parse("Updated: 2021-05-06 Article source: Quxton Daily"),
            b(None, Some("Quxton Daily"), Some("2021-05-06"))
        );
    }

    #[test]
    fn an_author_field_naming_an_outlet_names_the_outlet() {
        assert_eq!(
            parse("author:Quxton News Network Zorbland"),
            b(None, Some("Quxton News Network Zorbland"), None)
        );
        assert_eq!(
            parse("Author: Zorbland Daily"),
            b(None, Some("Zorbland Daily"), None)
        );
        // A person stays the author, a masthead noun in the name or not.
        assert_eq!(
            parse("Author: Ann Quxley")
                .and_then(|b| b.author)
                .as_deref(),
            Some("Ann Quxley")
        );
        assert_eq!(parse("Author: Ann Post").and_then(|b| b.source), None);
    }

    #[test]
    fn a_reporter_in_the_brackets_of_a_dateline() {
        let story = "the harbour authority said that cargo volumes rose by a fifth.";
        assert_eq!(
            dateline_reporter(&format!("Quxton News, 26 Oct (Ann Quxley) -- {story}")).as_deref(),
            Some("Ann Quxley")
        );
        assert_eq!(
            dateline_reporter(&format!("PORTVILLE, May 3, 2021 (Mary Zorbin) - {story}"))
                .as_deref(),
            Some("Mary Zorbin")
        );
        // An agency in the brackets is no reporter.
        assert_eq!(
            dateline_reporter(&format!("PORTVILLE, May 3 (Example Wire) -- {story}")),
            None
        );
    }

    #[test]
    fn two_reporters_each_in_a_place() {
        assert_eq!(
            parse("By Ann Quxley in Portville and Bo Zorbin in Quxton"),
            b(Some("Ann Quxley and Bo Zorbin"), None, None)
        );
        assert_eq!(
            parse("By ANN QUXLEY in Portville and BO ZORBIN in Quxton | Example Daily"),
            b(
                Some("Ann Quxley and Bo Zorbin"),
                Some("Example Daily"),
                None
            )
        );
    }

    #[test]
    fn an_outlet_after_the_names_comma() {
        assert_eq!(
            parse("By Ann Quxley, iZorbton news"),
            b(Some("Ann Quxley"), Some("iZorbton news"), None)
        );
        assert_eq!(
            parse("By Ann Quxley, Zorbton Evening Post"),
            b(Some("Ann Quxley"), Some("Zorbton Evening Post"), None)
        );
        // A second name, or a place, is no outlet.
        assert_eq!(
            parse("By Ann Quxley, Bo Zorbin").and_then(|b| b.source),
            None
        );
        assert_eq!(parse("By Ann Quxley, Quxton").and_then(|b| b.source), None);
    }

    #[test]
    fn a_credit_in_brackets_opening_a_paragraph() {
        let story = "Lying on the coast, Quxton is the main port of the region and a hub.";
        let (rest, found) = split_opening_credit(&format!(
            "(Written by Ann Quxley / Translated by Bo Zorbin){story}"
        ))
        .unwrap();
        assert_eq!(rest, story);
        assert_eq!(found.author.as_deref(), Some("Ann Quxley"));
        let (_, found) =
            split_opening_credit(&format!("(By Ann Quxley, edited by Bo Zorbin) {story}")).unwrap();
        assert_eq!(found.author.as_deref(), Some("Ann Quxley"));
        // A bracket that credits nobody, or a short rest, stays.
        assert_eq!(
            split_opening_credit(&format!("(Quxton Daily) {story}")),
            None
        );
        assert_eq!(split_opening_credit("(By Ann Quxley) Port news."), None);
    }

    #[test]
    fn four_words_or_more_glued_to_a_date_are_a_headline_not_an_outlet() {
        assert_eq!(parse("Quxton Port Signs Ten Deals 2018-10-31"), None);
        assert_eq!(
            parse("Quxton Harbour Evening News 2018-10-31"),
            b(
                None,
                Some("Quxton Harbour Evening News"),
                Some("2018-10-31")
            )
        );
        assert_eq!(
            parse("Example Post 2022-06-29 11:41"),
            b(None, Some("Example Post"), Some("2022-06-29"))
        );
    }

    #[test]
    fn name_then_outlet() {
        assert_eq!(
            parse("Ann Smith | Example Times | 2020-03-04"),
            b(Some("Ann Smith"), Some("Example Times"), Some("2020-03-04"))
        );
        assert_eq!(
            parse("ANN SMITH in Paris"),
            b(Some("Ann Smith"), None, None)
        );
    }

    #[test]
    fn dates_alone_and_reporting_credits() {
        assert_eq!(
            parse("September 29, 2016"),
            b(None, None, Some("2016-09-29"))
        );
        assert_eq!(
            parse("Reporting by Ann Smith; Editing by Bo Chan"),
            b(Some("Ann Smith"), None, None)
        );
        assert_eq!(
            parse("By Ann Smith for The Gazette"),
            b(Some("Ann Smith"), Some("The Gazette"), None)
        );
    }

    #[test]
    fn posted_on_date_by_name() {
        assert_eq!(
            parse("Posted on June 2, 2021 by Ann Smith · 6 min read"),
            b(Some("Ann Smith"), None, Some("2021-06-02"))
        );
    }

    #[test]
    fn dates_with_weekday_time_and_zone() {
        assert_eq!(
            parse("Thursday 29 September 2016 10.05 BST"),
            b(None, None, Some("2016-09-29"))
        );
        assert_eq!(parse("3-5 May 2021 Expo Centre"), None);
    }

    #[test]
    fn editor_credits_and_relative_times_are_metadata_without_values() {
        assert_eq!(
            parse("Source: Wire Agency| 2019-05-08 12:45:06|Editor: Ann Lee"),
            b(None, Some("Wire Agency"), Some("2019-05-08"))
        );
        assert_eq!(
            parse("March 3, 2021 / 10:15 AM / Updated 2 hours ago"),
            b(None, None, Some("2021-03-03"))
        );
    }

    #[test]
    fn chinese_labels() {
        assert_eq!(
            parse("2019-06-28 10:15:32 来源：某某日报 作者：张伟"),
            b(Some("张伟"), Some("某某日报"), Some("2019-06-28"))
        );
        assert_eq!(parse("责任编辑：李华"), b(None, None, None));
    }

    #[test]
    fn mastheads_and_publishing_bodies() {
        assert_eq!(masthead("Quxton Daily").as_deref(), Some("Quxton Daily"));
        assert_eq!(
            masthead("Quxton Times app").as_deref(),
            Some("Quxton Times app")
        );
        assert_eq!(
            masthead("The Quxton Herald").as_deref(),
            Some("The Quxton Herald")
        );
        for not in [
            "Business News",
            "WORLD NEWS",
            "Smart and Strong",
            "Companies",
            "Ann Post",
            "Daily",
            "Top 10 News",
            "Port traffic hits record in the Quxton Times",
        ] {
            assert_eq!(masthead(not), None, "{not}");
        }
        assert_eq!(
            publishing_body("The Municipal Government of the Quxland Region").as_deref(),
            Some("The Municipal Government of the Quxland Region")
        );
        assert_eq!(
            publishing_body("Quxland Trade Commission").as_deref(),
            Some("Quxland Trade Commission")
        );
        for not in [
            "Council approves the harbour plan",
            "Government Of Quxland Opens 3 New Berths",
            "Harbour News",
            "The council of the harbour met on Monday.",
        ] {
            assert_eq!(publishing_body(not), None, "{not}");
        }
    }

    #[test]
    fn a_distributor_line_with_day_first_dates_and_the_kind_of_article() {
        assert_eq!(
            parse("29/06/2024 | Press release | Distributed by Quxwire on 29/06/2024 14:05"),
            b(None, None, Some("2024-06-29"))
        );
        assert_eq!(
            parse("Opinion | May 3, 2021 | By Ann Lee"),
            b(Some("Ann Lee"), None, Some("2021-05-03"))
        );
        // The kind alone, or beside a phrase, is no metadata line.
        assert_eq!(parse("Press release"), None);
        assert_eq!(parse("Statement | Harbour Reopens"), None);
    }

    #[test]
    fn a_copy_source_label_and_a_date_after_the_editor() {
        assert_eq!(
            parse("稿源:某某网   编辑:李华   2020-05-19 18:09"),
            b(None, Some("某某网"), Some("2020-05-19"))
        );
        assert_eq!(
            parse("文章来源：某某日报 2021-03-04"),
            b(None, Some("某某日报"), Some("2021-03-04"))
        );
        assert_eq!(
            parse("出处：某某网 作者：张伟"),
            b(Some("张伟"), Some("某某网"), None)
        );
    }

    #[test]
    fn agency_in_brackets_before_a_time_and_date() {
        assert_eq!(
            parse("(Wire Agency)    08:43, May 3, 2019"),
            b(None, Some("Wire Agency"), Some("2019-05-03"))
        );
        assert_eq!(
            parse("(Xinhua) | 2019-05-03"),
            b(None, Some("Xinhua"), Some("2019-05-03"))
        );
        // A bracketed word before a phrase is no agency credit.
        assert_eq!(parse("(Photo) Harbour Dusk"), None);
        assert_eq!(parse("(Xinhua) Harbour News"), None);
    }

    #[test]
    fn an_anonymous_source_and_a_click_counter_say_no_name() {
        assert_eq!(
            parse("  fonte: anonimo  15/05/2024   click num: 1964"),
            Some(Byline {
                date: Some("2024-05-15".into()),
                ..Byline::default()
            })
        );
        assert_eq!(
            parse("Source: Quxton Daily 15/05/2024 Click count: 12").and_then(|b| b.source),
            Some("Quxton Daily".into())
        );
    }

    #[test]
    fn a_date_line_with_a_lower_case_updated_time_and_a_bracketed_zone() {
        assert_eq!(
            parse("Saturday, April 29, 2000, updated at 09:20(GMT+8)"),
            Some(Byline {
                date: Some("2000-04-29".into()),
                ..Byline::default()
            })
        );
        assert!(is_time_only("09:20 (GMT+8)"));
        // A sentence saying when something was updated is no metadata line.
        assert_eq!(parse("The Quxton rail timetable was updated at noon"), None);
    }

    #[test]
    fn date_lines_in_capitals_with_an_updated_tail() {
        assert_eq!(
            parse("MARCH 3, 2021 / UPDATED 2 HOURS AGO"),
            b(None, None, Some("2021-03-03"))
        );
        assert_eq!(
            parse("MARCH 3, 2021 / LAST UPDATED 4 DAYS AGO"),
            b(None, None, Some("2021-03-03"))
        );
        assert_eq!(parse("MARCH MADNESS UPDATED"), None);
    }

    #[test]
    fn collective_bylines_are_kept_as_written() {
        assert_eq!(
            parse("By Example Wire Staff"),
            b(Some("Example Wire Staff"), None, None)
        );
        assert_eq!(
            parse("By HARBOUR TIMES STAFF"),
            b(Some("Harbour Times Staff"), None, None)
        );
        // A staff credit with a person keeps the person.
        assert_eq!(
            parse("By Ann Smith, Staff Reporter"),
            b(Some("Ann Smith"), None, None)
        );
    }

    #[test]
    fn updated_lines_with_date_time_and_outlet_in_any_order() {
        assert_eq!(
            parse("Updated 14:59, 14-Aug-2019"),
            b(None, None, Some("2019-08-14"))
        );
        assert_eq!(
            parse("Updated: Aug 24,2019 04:32 PM    QTV"),
            b(None, Some("QTV"), Some("2019-08-24"))
        );
        assert_eq!(
            parse("Updated: 2019-08-24 16:32 Example Post"),
            b(None, Some("Example Post"), Some("2019-08-24"))
        );
        assert_eq!(
            parse("QTV | Updated 16:32 Aug 24, 2019"),
            b(None, Some("QTV"), Some("2019-08-24"))
        );
        assert_eq!(
            parse("QTV Updated: Aug 24, 2019"),
            b(None, Some("QTV"), Some("2019-08-24"))
        );
        assert_eq!(
            parse("(portal.example.gov.cn) Updated : 2017-07-11"),
            b(None, Some("portal.example.gov.cn"), Some("2017-07-11"))
        );
        assert_eq!(
            parse("(examplepost.com) Updated: 2017-07-11 09:12"),
            b(None, Some("examplepost.com"), Some("2017-07-11"))
        );
        // A person after the date is no outlet.
        assert_eq!(
            parse("Updated: 2019-08-24 Mary Quux").map(|b| b.source),
            Some(None)
        );
    }

    #[test]
    fn an_agency_in_brackets_after_by_is_the_outlet() {
        assert_eq!(
            parse("By ( Wire Agency )"),
            b(None, Some("Wire Agency"), None)
        );
        assert_eq!(parse("By (QNA)"), b(None, Some("QNA"), None));
    }

    #[test]
    fn a_masthead_after_by_is_the_outlet_not_the_author() {
        assert_eq!(
            parse("By Harbour Daily"),
            b(None, Some("Harbour Daily"), None)
        );
        // A place's name that is also a given name ("Georgia") opens an outlet.
        assert_eq!(
            parse("By Georgia Daily"),
            b(None, Some("Georgia Daily"), None)
        );
        assert_eq!(
            parse("Tuesday, March 3, 2020, 09:15 By Portville Times"),
            b(None, Some("Portville Times"), Some("2020-03-03"))
        );
        // A person's name ending like a masthead stays the author.
        assert_eq!(parse("By Ann Post"), b(Some("Ann Post"), None, None));
    }

    #[test]
    fn labelled_fields_with_glued_or_placeholder_values() {
        // The same value as author and source is a placeholder; the date is read.
        assert_eq!(
            parse("Author:Web feeds Source:Web feeds Date:2015-03-02"),
            b(None, None, Some("2015-03-02"))
        );
        assert_eq!(
            parse("Author:Ann Lee Source:Harbour Times"),
            b(Some("Ann Lee"), Some("Harbour Times"), None)
        );
    }

    #[test]
    fn an_editor_credit_dates_the_page() {
        assert_eq!(
            parse("Editor:Ann Lee   2020-05-19 18:09:01"),
            b(None, None, Some("2020-05-19"))
        );
    }

    #[test]
    fn a_closing_credit_glued_to_the_last_paragraph_is_cut_off_and_read() {
        let story = "The mayor said the harbour would open three new berths next year.";
        let (kept, found) = split_glued_credit(&format!(
            "{story} (By Ann Lee, translated by Bo Chan, edited by Cy Dee)"
        ))
        .unwrap();
        assert_eq!(kept, story);
        assert_eq!(found.author.as_deref(), Some("Ann Lee"));
        let (kept, found) = split_glued_credit(&format!("{story}Editor/Ann Lee")).unwrap();
        assert_eq!(kept, story);
        assert_eq!(found, Byline::default());
        // Brackets that are part of the story stay.
        assert_eq!(
            split_glued_credit(
                "The port grew in the year, officials said. (By contrast, rail fell.)"
            ),
            None
        );
        assert_eq!(split_glued_credit("The harbour opened (see map)"), None);
    }

    #[test]
    fn a_byline_glued_to_the_first_sentence_is_cut_off_and_read() {
        let (rest, found) = split_glued_byline(
            "By Ann Lee, Bo Chan, Harbour Daily The harbour opened three new berths on Monday, officials said.",
        )
        .unwrap();
        assert!(rest.starts_with("The harbour opened"));
        assert_eq!(found.author.as_deref(), Some("Ann Lee, Bo Chan"));
        assert_eq!(found.source.as_deref(), Some("Harbour Daily"));
        // Without an outlet's name the opening words are the story's.
        assert_eq!(
            split_glued_byline(
                "By Monday, Harbour Officials The harbour opened three new berths, officials said."
            ),
            None
        );
    }

    #[test]
    fn a_site_name_then_a_user_handle_and_a_date() {
        assert_eq!(
            parse("Harbour Info | Par harbourdaily - 26 Octobre 2021"),
            b(None, Some("Harbour Info"), Some("2021-10-26"))
        );
        assert_eq!(
            parse("Harbour Info | By annlee - 3 March 2021"),
            b(None, Some("Harbour Info"), Some("2021-03-03"))
        );
        assert_eq!(parse("Par Ann Lee"), b(Some("Ann Lee"), None, None));
    }

    #[test]
    fn a_bracketed_date_line_with_a_two_digit_year() {
        assert_eq!(
            parse("\u{3010}Updated :March 04,21 9:05 AM\u{3011}"),
            b(None, None, Some("2021-03-04"))
        );
    }

    #[test]
    fn font_size_and_comment_controls_after_a_date_are_cut() {
        assert_eq!(
            parse("2011-03-02 08:15:00 [ Big Normal Small ]   Comment"),
            b(None, None, Some("2011-03-02"))
        );
        // Without a date before them, the words are left alone.
        assert_eq!(
            strip_trailing_widgets("Harbour Fair Goes Big and Small"),
            "Harbour Fair Goes Big and Small"
        );
    }

    #[test]
    fn an_outlet_then_a_date_in_digits_and_a_time() {
        assert_eq!(
            parse("Harbourwire 2022-06-29 11:41"),
            b(None, Some("Harbourwire"), Some("2022-06-29"))
        );
        // A listed place before the date is a dateline, not an outlet.
        assert_eq!(
            parse("Shanghai 2022-06-29 11:41").and_then(|b| b.source),
            None
        );
    }

    #[test]
    fn an_empty_label_line_is_metadata() {
        assert_eq!(parse("Copyfrom:"), b(None, None, None));
        assert_eq!(parse("Source :"), b(None, None, None));
        assert_eq!(parse("He said:"), None);
    }

    #[test]
    fn a_contributor_is_the_author_or_the_outlet() {
        assert_eq!(
            parse("Contributor: Ruritania News Agency"),
            b(None, Some("Ruritania News Agency"), None)
        );
        assert_eq!(
            parse("Contributor: Ann Lee"),
            b(Some("Ann Lee"), None, None)
        );
    }

    #[test]
    fn a_glued_middle_dot_joins_one_outlet_name() {
        assert_eq!(
            parse("source: Harbourdaily\u{b7}Tech report"),
            b(None, Some("Harbourdaily\u{b7}Tech report"), None)
        );
        assert_eq!(
            parse("Ann Lee \u{b7} March 3, 2021"),
            b(Some("Ann Lee"), None, Some("2021-03-03"))
        );
    }

    #[test]
    fn a_bracketed_outlet_and_date_without_a_comma() {
        assert_eq!(
            parse("(Harbour Daily February 7, 2002)"),
            b(None, Some("Harbour Daily"), Some("2002-02-07"))
        );
    }

    #[test]
    fn a_host_named_after_a_place_names_no_outlet() {
        assert_eq!(parse("www.portugal.org.pt"), b(None, None, None));
        assert_eq!(
            parse("www.harbourtimes.com"),
            b(None, Some("harbourtimes.com"), None)
        );
    }

    #[test]
    fn a_byline_with_a_surname_in_capitals_is_read() {
        assert_eq!(parse("By LI Wenhua"), b(Some("LI Wenhua"), None, None));
    }

    #[test]
    fn a_labelled_address_is_kept_as_written_unless_the_publisher_table_names_it() {
        assert_eq!(
            parse("Source:www.quuxnews.cn"),
            b(None, Some("quuxnews.cn"), None)
        );
        assert_eq!(parse("Source: reuters.com"), b(None, Some("Reuters"), None));
    }

    #[test]
    fn from_and_date_labels_in_lower_case_are_read() {
        assert_eq!(
            parse("from: harbourtimes.com date: 2021-07-09"),
            b(None, Some("harbourtimes.com"), Some("2021-07-09"))
        );
        // Without the colon "From ..." is no label.
        assert_eq!(parse("From Example Wiki, the free encyclopedia"), None);
    }

    #[test]
    fn a_last_updated_time_alone_after_a_date_is_read() {
        assert_eq!(
            parse("2023-02-11 08:40 Last Updated At:10:05"),
            b(None, None, Some("2023-02-11"))
        );
        assert_eq!(
            parse("Updated at 9.05 pm | March 3, 2021"),
            b(None, None, Some("2021-03-03"))
        );
    }

    #[test]
    fn a_source_line_with_its_date_and_font_size_buttons_glued_at_a_colon() {
        assert_eq!(
            parse("source:Quxton Daily 2013-10-23 [ font size:Large Medium Small]"),
            b(None, Some("Quxton Daily"), Some("2013-10-23"))
        );
        assert_eq!(
            parse("Source: Quxton Daily 2013-10-23 09:15"),
            b(None, Some("Quxton Daily"), Some("2013-10-23"))
        );
        // Control words glued at a colon are cut like the others.
        assert_eq!(
            strip_trailing_widgets("2013-10-23 [ font size:Large Medium Small]"),
            "2013-10-23"
        );
    }

    #[test]
    fn a_source_label_whose_value_is_another_label_is_empty() {
        assert_eq!(
            parse("Source: Time: undefined at,[cre    Click:Print\u{3011}\u{3010}Close"),
            b(None, None, None)
        );
        assert_eq!(parse("Source: Views: 12"), b(None, None, None));
        // An address is a value, not a label.
        assert_eq!(
            parse("Source: https://www.quuxnews.cn/a"),
            b(None, Some("quuxnews.cn"), None)
        );
    }

    #[test]
    fn a_date_and_time_then_the_outlet_and_an_editor() {
        assert_eq!(
            parse("2023-11-26 12:03:30Quxton Daily Editor : Ann Lee"),
            b(None, Some("Quxton Daily"), Some("2023-11-26"))
        );
        assert_eq!(
            parse("2023-11-26 Quxton Daily"),
            b(None, Some("Quxton Daily"), Some("2023-11-26"))
        );
        // A person after the date is no outlet; a place is a dateline.
        assert_eq!(
            parse("2023-11-26 12:03 Mary Quux").and_then(|b| b.source),
            None
        );
        assert_eq!(parse("2023-11-26 Shanghai").and_then(|b| b.source), None);
    }

    #[test]
    fn a_byline_between_a_dateline_and_the_first_sentence_is_cut_off_and_read() {
        let (kept, found) = split_byline_after_dateline(
            "PORTVILLE Oct. 23(www.quxnews.example) reported by Zhao Minghui On October 22 \
             workers were setting up formwork on the site of the new plant.",
        )
        .unwrap_or_default();
        assert_eq!(found.author.as_deref(), Some("Zhao Minghui"));
        assert_eq!(
            kept,
            "PORTVILLE Oct. 23(www.quxnews.example) On October 22 workers were setting up \
             formwork on the site of the new plant."
        );
        let (kept, found) = split_byline_after_dateline(
            "PORTVILLE, May 3 -- By Mary J. Quux The harbour will open new berths next year, \
             the mayor said.",
        )
        .unwrap_or_default();
        assert_eq!(found.author.as_deref(), Some("Mary J. Quux"));
        assert!(kept.starts_with("PORTVILLE, May 3 -- The harbour will open"));
        // "By 2030" is no byline, nor is a phrase that is no person's name.
        assert_eq!(
            split_byline_after_dateline(
                "PORTVILLE, May 3 -- By 2030 The harbour will open new berths, the mayor said."
            ),
            None
        );
        assert_eq!(
            split_byline_after_dateline(
                "PORTVILLE, May 3 -- Reported by Harbour Office The harbour will open new \
                 berths next year, the mayor said."
            ),
            None
        );
    }

    #[test]
    fn names_that_say_they_are_an_outlet() {
        assert!(names_a_medium("Quxland On Internet"));
        assert!(names_a_medium("Quxton Daily"));
        assert!(names_a_medium("Quxnet Online"));
        assert!(!names_a_medium("Asia Pacific"));
        assert!(!names_a_medium("Present Location"));
    }

    #[test]
    fn headlines_and_sentences_are_not_bylines() {
        assert_eq!(parse("Harbour pitches green shipping to investors"), None);
        assert_eq!(parse("Port Plans Unveiled"), None);
        assert_eq!(parse("Harbour Plans Backed By Council"), None);
        assert_eq!(parse("Stopped By Customs In Portville"), None);
        assert_eq!(
            parse("By 2020, those centers are expected to load 2 million servers."),
            None
        );
        assert_eq!(parse("New route for the city | Example Site"), None);
        assert_eq!(parse("13- 17 November 2019 Some Convention Center"), None);
    }
}
