//! Entity extraction: typed entities with mention spans from a cleaned article body,
//! found by compiled gazetteers and general rules (never lists made from the samples).

mod acronym;
mod byline;
mod chunk;
mod context;
mod dates;
mod doc;
mod figures;
mod fxhash;
pub mod gazetteer;
mod keyindex;
mod large;
mod merge;
mod names;
mod person;
mod reconcile;
mod resolve;
#[cfg(test)]
mod rules_tests;
mod swar;
#[doc(hidden)]
pub mod tagger;
pub mod token;
mod tsv;
mod wordlist;
mod words;

pub use large::{article_entities, article_entities_with, entities_of_any_size};

use doc::{Candidate, Doc, Rank};
use gazetteer::{Brand, Entry};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// The extractor's version: bump it when extraction changes in a way the build
/// fingerprint below cannot see (it already covers every source file of the
/// readers, the cleaner and the extractor, the assets and `Cargo.lock`). A
/// cached corpus from another version is rebuilt, never trusted.
pub const VERSION: u32 = 2;

/// The build fingerprint of everything that decides cleaned bodies and
/// entities, computed by `build.rs`: model and gazetteer assets included, so
/// nobody has to remember to bump [`VERSION`] for them.
pub const FINGERPRINT: &str = env!("DOSSIER_EXTRACT_FINGERPRINT");

/// [`VERSION`] and [`FINGERPRINT`] as one string, as stored in the cache.
pub fn version() -> String {
    format!("{VERSION}-{FINGERPRINT}")
}

/// What an entity is. The named kinds come first; `Figure` and `Date` are values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A city or town.
    City,
    /// A province, state or named geographic region ("Yangtze River Delta").
    Region,
    /// A country.
    Country,
    /// A named industrial park, high-tech zone, pilot zone, new area, science city, campus.
    Zone,
    /// A company.
    Firm,
    /// A government body, party committee, university, institute or association.
    Org,
    /// A person.
    Person,
    /// A named expo, summit, forum or conference.
    Event,
    /// Money, a count with a unit, a percentage.
    Figure,
    /// A date or time expression.
    Date,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Kind; 10] = [
        Kind::City,
        Kind::Region,
        Kind::Country,
        Kind::Zone,
        Kind::Firm,
        Kind::Org,
        Kind::Person,
        Kind::Event,
        Kind::Figure,
        Kind::Date,
    ];

    /// The named-entity kinds that micro-averaged scores cover.
    pub const NAMED: [Kind; 8] = [
        Kind::City,
        Kind::Region,
        Kind::Country,
        Kind::Zone,
        Kind::Firm,
        Kind::Org,
        Kind::Person,
        Kind::Event,
    ];

    /// The lower-case name used in JSON, `--kind` and query scopes.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::City => "city",
            Kind::Region => "region",
            Kind::Country => "country",
            Kind::Zone => "zone",
            Kind::Firm => "firm",
            Kind::Org => "org",
            Kind::Person => "person",
            Kind::Event => "event",
            Kind::Figure => "figure",
            Kind::Date => "date",
        }
    }

    /// The plural title used for panes ("Cities", "Firms").
    pub fn plural(self) -> &'static str {
        match self {
            Kind::City => "Cities",
            Kind::Region => "Regions",
            Kind::Country => "Countries",
            Kind::Zone => "Zones",
            Kind::Firm => "Firms",
            Kind::Org => "Orgs",
            Kind::Person => "People",
            Kind::Event => "Events",
            Kind::Figure => "Figures",
            Kind::Date => "Dates",
        }
    }

    /// True for the named kinds (not figures or dates).
    pub fn is_named(self) -> bool {
        !matches!(self, Kind::Figure | Kind::Date)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A kind name that is not one of [`Kind::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown kind '{0}' (expected one of: city, region, country, zone, firm, org, person, event, figure, date)"
)]
pub struct UnknownKind(pub String);

impl FromStr for Kind {
    type Err = UnknownKind;

    /// Accepts the kind names, their plurals, and the short forms `c` (city) and `f` (firm).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let k = match s.to_ascii_lowercase().as_str() {
            "city" | "cities" | "c" => Kind::City,
            "region" | "regions" => Kind::Region,
            "country" | "countries" => Kind::Country,
            "zone" | "zones" => Kind::Zone,
            "firm" | "firms" | "f" | "company" | "companies" => Kind::Firm,
            "org" | "orgs" | "organisation" | "organization" => Kind::Org,
            "person" | "people" | "persons" => Kind::Person,
            "event" | "events" => Kind::Event,
            "figure" | "figures" => Kind::Figure,
            "date" | "dates" => Kind::Date,
            _ => return Err(UnknownKind(s.to_string())),
        };
        Ok(k)
    }
}

/// One occurrence: a byte range into `Article.body`, on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Mention {
    /// Start byte offset (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
}

/// One entity of one article: every surface form merged, every mention listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// The canonical name (the longest or most complete form the article uses).
    pub name: String,
    /// What it is.
    pub kind: Kind,
    /// Other surface forms in the same article that mean the same thing.
    pub aliases: Vec<String>,
    /// Number of mentions (`mentions.len()`).
    pub count: usize,
    /// Where it occurs, sorted by start.
    pub mentions: Vec<Mention>,
}

/// Extracts the entities of one cleaned body: named entities (each once, with its
/// aliases and every mention) followed by figures and dates, in order of first mention.
pub fn entities(body: &str) -> Vec<Entity> {
    entities_with(body, tagger::Model::compiled())
}

/// [`entities`] with another tagger model (for training and evaluation).
#[doc(hidden)]
pub fn entities_with(body: &str, model: &tagger::Model) -> Vec<Entity> {
    let doc = Doc::new(body);
    let (rules, tagged) = read(&doc, model);
    let candidates = reconcile::reconcile(&doc, rules, &tagged);
    let definitions = definitions(&doc, &candidates);
    let chosen = resolve::select(candidates);
    let mut out = merge::entities(&doc, chosen, &definitions);
    out.extend(values(body, Kind::Figure, figures::figures(&doc)));
    out.extend(values(body, Kind::Date, dates::dates(&doc)));
    out
}

/// The named entities the rules alone find, without the tagger (rule tests).
#[cfg(test)]
fn rule_entities(body: &str) -> Vec<Entity> {
    let doc = Doc::new(body);
    let (rules, _) = rule_candidates(&doc);
    let definitions = definitions(&doc, &rules);
    merge::entities(&doc, resolve::select(rules), &definitions)
}

/// The two readings of a body before they are reconciled: the rules' typed
/// candidates, and the tagger's names (the rules' marks among its features).
fn read(doc: &Doc, model: &tagger::Model) -> (Vec<Candidate>, Vec<tagger::Tagged>) {
    let (rules, untyped) = rule_candidates(doc);
    let marks = rule_marks(doc, &rules, &untyped);
    let tagged = model.tag(tagger::Context::new(doc, &marks));
    (rules, tagged)
}

/// How the pipeline read a body, for development: the rules' candidates, the
/// tagger's names with their confidence, and the candidates reconciled from both.
#[doc(hidden)]
pub fn trace(body: &str) -> String {
    trace_with(body, tagger::Model::compiled())
}

/// [`trace`] with another tagger model.
#[doc(hidden)]
pub fn trace_with(body: &str, model: &tagger::Model) -> String {
    use std::fmt::Write;
    let doc = Doc::new(body);
    let (rules, tagged) = read(&doc, model);
    let mut out = String::new();
    for c in &rules {
        let _ = writeln!(
            out,
            "rule    {:?} {} {:?} [{}]",
            c.rank,
            c.kind,
            c.name,
            &body[c.start..c.end]
        );
    }
    for t in &tagged {
        let (start, end) = (doc.tokens[t.first].start, doc.tokens[t.last].end);
        let _ = writeln!(
            out,
            "tagged  {} {:.2} [{}]",
            t.coarse.tag(),
            t.confidence,
            &body[start..end]
        );
    }
    for c in reconcile::reconcile(&doc, rules, &tagged) {
        let _ = writeln!(
            out,
            "kept    {:?} {} {:?} [{}]",
            c.rank,
            c.kind,
            c.name,
            &body[c.start..c.end]
        );
    }
    out
}

/// Every typed span the rules propose (gazetteer hits and classified chunks), and the
/// capitalised chunks no rule could type (first and last token).
fn rule_candidates(doc: &Doc) -> (Vec<Candidate>, Vec<(usize, usize)>) {
    let mut spans = names::spans(doc);
    let overrides = context::apply(doc, &mut spans);
    let mut candidates = hit_candidates(doc, &overrides);
    let mut untyped = Vec::new();
    for s in spans.iter().filter(|s| !s.listed) {
        let Some(kind) = s.kind else {
            untyped.push((s.first, s.last));
            continue;
        };
        candidates.push(Candidate {
            start: doc.tokens[s.first].start,
            end: doc.tokens[s.last].end,
            kind,
            name: s.name.clone(),
            rank: s.rank,
            population: 0,
            nestable: false,
        });
    }
    (candidates, untyped)
}

/// The first and last token of the bytes `start..end`.
fn token_range(doc: &Doc, start: usize, end: usize) -> (usize, usize) {
    let first = doc.tokens.partition_point(|t| t.start < start);
    let last = doc.tokens.partition_point(|t| t.end <= end).max(first + 1) - 1;
    (first, last)
}

/// What the rules make of each token, for the tagger's features: the outermost span
/// they choose over it, and a typed span nested inside.
pub(crate) fn marks_of(doc: &Doc) -> Vec<Option<tagger::RuleMark>> {
    let (rules, untyped) = rule_candidates(doc);
    rule_marks(doc, &rules, &untyped)
}

/// What the rules make of each token (see [`marks_of`]), from their candidates.
fn rule_marks(
    doc: &Doc,
    candidates: &[Candidate],
    untyped: &[(usize, usize)],
) -> Vec<Option<tagger::RuleMark>> {
    let mut marks: Vec<Option<tagger::RuleMark>> = vec![None; doc.tokens.len()];
    let chosen = resolve::select(candidates.to_vec());
    for c in chosen.iter().filter(|c| c.inside.is_none()) {
        let (first, last) = token_range(doc, c.candidate.start, c.candidate.end);
        for (i, mark) in marks.iter_mut().enumerate().take(last + 1).skip(first) {
            *mark = Some(tagger::RuleMark {
                kind: Some(c.candidate.kind),
                first: i == first,
                last: i == last,
                rank: c.candidate.rank,
                nested: None,
            });
        }
    }
    for c in chosen.iter().filter(|c| c.inside.is_some()) {
        let (first, last) = token_range(doc, c.candidate.start, c.candidate.end);
        for mark in marks[first..=last].iter_mut().flatten() {
            mark.nested = Some(c.candidate.kind);
        }
    }
    for &(first, last) in untyped {
        if marks[first..=last].iter().all(Option::is_none) {
            for (i, mark) in marks.iter_mut().enumerate().take(last + 1).skip(first) {
                *mark = Some(tagger::RuleMark {
                    kind: None,
                    first: i == first,
                    last: i == last,
                    rank: Rank::Shape,
                    nested: None,
                });
            }
        }
    }
    marks
}

/// Candidates from the gazetteer hits, with context overrides of their kind.
fn hit_candidates(doc: &Doc, overrides: &[(usize, Kind)]) -> Vec<Candidate> {
    doc.hits
        .iter()
        .enumerate()
        .filter(|(_, hit)| !names_a_currency(doc, hit))
        .map(|(n, hit)| {
            let kind = overrides
                .iter()
                .find(|(m, _)| *m == n)
                .map_or(hit.entry.kind(), |(_, k)| *k);
            let rank = if hit.first == hit.last {
                Rank::Listed
            } else {
                Rank::ListedLong
            };
            let (name, population, nestable) = match hit.entry {
                Entry::Place {
                    canonical,
                    population,
                    continent,
                    ..
                } => (canonical.to_string(), population, !continent),
                Entry::Firm(brand) => (
                    body_text(doc, hit.start, hit.end),
                    0,
                    // "China Securities" inside "China Securities Regulatory
                    // Commission" is not the company: a place-led name never nests.
                    brand == Brand::Distinct || (brand == Brand::Multi && !place_led(doc, hit)),
                ),
            };
            // "the people's Republic of China": a lower-case possessive word before a
            // listed place that, capitalised, makes a longer listed place names that
            // place ("People's Republic of China", not "Republic of China").
            if let Some(before) = hit.first.checked_sub(1)
                && rank == Rank::ListedLong
                && doc.tokens[before].possessive
                && doc
                    .text(before)
                    .starts_with(|c: char| c.is_ascii_lowercase())
                && let Some((
                    _,
                    Entry::Place {
                        kind,
                        canonical,
                        population,
                        ..
                    },
                )) = longer_place(doc, before, hit.start, hit.end)
            {
                return Candidate {
                    start: doc.tokens[before].start,
                    end: hit.end,
                    kind,
                    name: canonical.to_string(),
                    rank,
                    population,
                    nestable: false,
                };
            }
            // "north China's": China's conventional geographic divisions (North,
            // Northeast, East, Central, South, Southwest and Northwest China), which
            // the English-language press of China also writes in lower case, are
            // regions, not the country. ("north Iraq" is only a description: the
            // country stays.)
            if kind == Kind::Country
                && name == "China"
                && let Some(compass) = compass_before(doc, hit.first)
            {
                let start = doc.tokens[compass].start;
                return Candidate {
                    start,
                    end: hit.end,
                    kind: Kind::Region,
                    name: body_text(doc, start, hit.end),
                    rank: Rank::ListedLong,
                    population,
                    nestable: false,
                };
            }
            Candidate {
                start: hit.start,
                end: hit.end,
                kind,
                name,
                rank,
                population,
                nestable,
            }
        })
        .collect()
}

/// The listed entry for the possessive word `before`, capitalised, and the text
/// `start..end` after it ("people's" and "Republic of China").
fn longer_place(
    doc: &Doc,
    before: usize,
    start: usize,
    end: usize,
) -> Option<(&'static str, Entry)> {
    let word = doc.text(before);
    let mut chars = word.chars();
    let first = chars.next()?.to_ascii_uppercase();
    let rest = doc.body[doc.tokens[before].end..start].replace('\u{2019}', "'");
    let surface = format!("{first}{}{rest}{}", chars.as_str(), &doc.body[start..end]);
    doc.gazetteer
        .lookup(&surface)
        .filter(|(_, e)| matches!(e, Entry::Place { .. }))
}

/// Points of the compass that, in lower case before "China", name one of its
/// geographic divisions.
/// The compass word before token `at`, one space apart: "north" (lower case, as
/// [`LOWER_COMPASS`]) or an abbreviation in capitals ("NE", "E.", as headlines
/// write "NE China's Heihe", "E. China Fujian's Nanping").
fn compass_before(doc: &Doc, at: usize) -> Option<usize> {
    let before = at.checked_sub(1)?;
    if doc.body[doc.tokens[before].end..doc.tokens[at].start] != *" " {
        return None;
    }
    let token = &doc.tokens[before];
    if token.is_word() && LOWER_COMPASS.contains(&doc.text(before)) {
        return Some(before);
    }
    let (word, stop) = if token.is_punct('.') {
        let word = before.checked_sub(1)?;
        (word, doc.tokens[word].end == token.start)
    } else {
        (before, false)
    };
    let text = doc.text(word);
    let abbreviation = match text.len() {
        1 => stop && matches!(text, "N" | "S" | "E" | "W"),
        2 => matches!(text, "NE" | "NW" | "SE" | "SW"),
        _ => false,
    };
    (doc.tokens[word].is_word() && abbreviation).then_some(word)
}

const LOWER_COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "central",
];

/// A multi-word entry whose first word is a listed place ("Quxton Steel").
fn place_led(doc: &Doc, hit: &doc::Hit) -> bool {
    hit.first < hit.last
        && matches!(
            doc.gazetteer.lookup(doc.text(hit.first)),
            Some((_, Entry::Place { .. }))
        )
}

/// "U.S. dollars", "Hong Kong dollars", "US$5", "HK$3": the place only names the currency.
fn names_a_currency(doc: &Doc, hit: &doc::Hit) -> bool {
    let next = doc.tokens.get(hit.last + 1).filter(|t| t.is_word());
    matches!(hit.entry, Entry::Place { .. })
        && (next.is_some_and(|t| matches!(t.text(doc.body), "dollar" | "dollars"))
            || doc.body[hit.end..].starts_with('$'))
}

fn body_text(doc: &Doc, start: usize, end: usize) -> String {
    single_spaced(&doc.body[start..end])
}

/// The words of `text` joined by single spaces (`split_whitespace` then `join`),
/// copied as it stands when it is plain ASCII already spaced that way.
fn single_spaced(text: &str) -> String {
    let bytes = text.as_bytes();
    let plain = bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && bytes.iter().all(|&b| b.is_ascii_graphic() || b == b' ')
        && !bytes.windows(2).any(|w| w == b"  ");
    if plain {
        return text.to_string();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Acronyms defined right after a typed name.
fn definitions(doc: &Doc, candidates: &[Candidate]) -> Vec<acronym::Definition> {
    candidates
        .iter()
        .filter_map(|c| {
            if let Some(short) = short_name_after(doc, c, candidates) {
                return Some(short);
            }
            let (acronym, at) = acronym::after(doc, c.end)?;
            let text = &doc.body[c.start..c.end];
            let letters = acronym.split(' ').next().unwrap_or("");
            acronym::abbreviates(letters, text).then_some(acronym::Definition {
                acronym,
                start: c.start,
                end: c.end,
                at,
            })
        })
        .collect()
}

/// "China Zorbic Engineering Group Co. (Zorbic Group)": a company's or body's short
/// name in parentheses right after its full name stands for it, like an acronym.
fn short_name_after(
    doc: &Doc,
    c: &Candidate,
    candidates: &[Candidate],
) -> Option<acronym::Definition> {
    let body_like = |k: Kind| matches!(k, Kind::Firm | Kind::Org);
    if !body_like(c.kind) {
        return None;
    }
    let rest = &doc.body[c.end..];
    let gap = rest.len() - rest.trim_start_matches(['.', ' ']).len();
    if gap > 2 || !rest[gap..].starts_with('(') {
        return None;
    }
    let open = c.end + gap + 1;
    let short = candidates
        .iter()
        .find(|d| d.start == open && body_like(d.kind) && doc.body[d.end..].starts_with(')'))?;
    Some(acronym::Definition {
        acronym: doc.body[short.start..short.end].to_string(),
        start: c.start,
        end: c.end,
        at: (short.start, short.end),
    })
}

/// Figures or dates grouped by their text.
fn values(body: &str, kind: Kind, ranges: Vec<(usize, usize)>) -> Vec<Entity> {
    let mut groups: BTreeMap<String, Vec<Mention>> = BTreeMap::new();
    for (start, end) in ranges {
        let name = single_spaced(&body[start..end]);
        groups.entry(name).or_default().push(Mention { start, end });
    }
    let mut out: Vec<Entity> = groups
        .into_iter()
        .map(|(name, mentions)| Entity {
            name,
            kind,
            aliases: Vec::new(),
            count: mentions.len(),
            mentions,
        })
        .collect();
    out.sort_by_key(|e| e.mentions[0].start);
    out
}
