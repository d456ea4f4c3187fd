//! Scoring against CoNLL-format gold (CoNLL-2003 and the like): each document is
//! rebuilt as plain text, one sentence per line, loaded as a `.txt` article would
//! be, and its entities compared with the gold names as coarse types (PER, LOC, ORG;
//! MISC ignored), unique names per document: a gold name is found when an entity of
//! its type has it as its name or an alias; an entity none of whose names is a gold
//! name of its type is a false positive.

use super::normalize;
use super::score::Counts;
use crate::extract::tagger::Coarse;
use crate::extract::{Entity, Kind};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// One gold document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Position in the file, from 0.
    pub number: usize,
    /// The rebuilt text, one sentence per line.
    pub text: String,
    /// Gold names: start byte, end byte, coarse type.
    pub spans: Vec<(usize, usize, Coarse)>,
    /// A sports report (its headline starts with a sport: "SOCCER - ...").
    pub sports: bool,
}

/// Sports that start Reuters sports headlines ("SOCCER - ...", "TENNIS - ...").
const SPORTS: &[&str] = &[
    "SOCCER",
    "CRICKET",
    "BASEBALL",
    "BOXING",
    "GOLF",
    "BASKETBALL",
    "SQUASH",
    "TENNIS",
    "RUGBY UNION",
    "RUGBY LEAGUE",
    "RUGBY",
    "ATHLETICS",
    "CYCLING",
    "MOTOR RACING",
    "MOTORCYCLING",
    "HORSE RACING",
    "ICE HOCKEY",
    "NHL ICE HOCKEY",
    "AMERICAN FOOTBALL",
    "NFL AMERICAN FOOTBALL",
    "FOOTBALL",
    "SWIMMING",
    "ROWING",
    "SAILING",
    "SKIING",
    "ALPINE SKIING",
    "NORDIC SKIING",
    "BADMINTON",
    "TABLE TENNIS",
    "VOLLEYBALL",
    "HANDBALL",
    "HOCKEY",
    "FIELD HOCKEY",
    "CHESS",
    "SNOOKER",
    "SPEEDWAY",
    "JUDO",
    "WRESTLING",
    "GYMNASTICS",
    "EQUESTRIANISM",
    "TRIATHLON",
    "BOBSLEIGH",
    "DARTS",
    "NBA BASKETBALL",
    "OLYMPICS",
    "SPORT",
    "SPORTS",
    "MOTORSPORT",
    "FORMULA ONE",
    "SUMO",
    "BASKETBALLSOCCER",
];

/// Tokens written against the token before them when the text is rebuilt.
const NO_SPACE_BEFORE: &[&str] = &[
    ",", ".", ":", ";", ")", "]", "}", "%", "?", "!", "'s", "'S", "n't", "'re", "'m", "'ve", "'ll",
    "'d",
];
/// Tokens written against the token after them.
const NO_SPACE_AFTER: &[&str] = &["(", "[", "{", "$"];

/// A sentence: tokens and their tags.
type Sentence = Vec<(String, String)>;

enum Line {
    Sentence(Sentence),
    /// `-DOCSTART-`.
    Start,
}

fn sentences(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut current: Sentence = Vec::new();
    for line in text.lines() {
        let mut parts = line.split_whitespace();
        let Some(token) = parts.next() else {
            if !current.is_empty() {
                out.push(Line::Sentence(std::mem::take(&mut current)));
            }
            continue;
        };
        if token == "-DOCSTART-" {
            if !current.is_empty() {
                out.push(Line::Sentence(std::mem::take(&mut current)));
            }
            out.push(Line::Start);
            continue;
        }
        let tag = parts.last().unwrap_or("O");
        current.push((token.to_string(), tag.to_string()));
    }
    if !current.is_empty() {
        out.push(Line::Sentence(current));
    }
    out
}

/// "LONDON 1996-08-30": a few tokens ending in an ISO date.
fn is_dateline(s: &Sentence) -> bool {
    let last = s.last().map_or("", |(t, _)| t.as_str());
    let b = last.as_bytes();
    s.len() <= 6
        && b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// A sentence ending with a full stop (Reuters headlines do: "VOTES .").
fn ends_with_stop(s: &Sentence) -> bool {
    s.last().is_some_and(|(t, _)| t == ".")
}

/// A reporter's name alone on a line: two to four capitalised tokens, no full stop.
fn is_byline(s: &Sentence) -> bool {
    (2..=4).contains(&s.len())
        && s.iter()
            .all(|(t, _)| t.chars().next().is_some_and(char::is_uppercase) && !t.ends_with('.'))
        && !s.iter().all(|(t, _)| t.chars().all(|c| !c.is_lowercase()))
}

/// Documents split at `-DOCSTART-` lines, or, in copies without them, before the
/// headline that precedes each dateline (and the byline between them, if any).
fn split(lines: Vec<Line>) -> Vec<Vec<Sentence>> {
    let marked = lines.iter().any(|l| matches!(l, Line::Start));
    let mut docs = Vec::new();
    let mut current: Vec<Sentence> = Vec::new();
    let mut lines = lines.into_iter().peekable();
    while let Some(line) = lines.next() {
        let sentence = match line {
            Line::Start => {
                if !current.is_empty() {
                    docs.push(std::mem::take(&mut current));
                }
                continue;
            }
            Line::Sentence(s) => s,
        };
        let next_is_dateline = matches!(lines.peek(), Some(Line::Sentence(n)) if is_dateline(n));
        if !marked && next_is_dateline && !current.is_empty() {
            // "HEADLINE .", "Pierre Belec", "NEW YORK 1996-08-30": a byline sits
            // between the headline and the dateline.
            let headline = (is_byline(&sentence) && current.last().is_some_and(ends_with_stop))
                .then(|| current.pop())
                .flatten();
            if !current.is_empty() {
                docs.push(std::mem::take(&mut current));
            }
            current.extend(headline);
        }
        current.push(sentence);
    }
    if !current.is_empty() {
        docs.push(current);
    }
    docs
}

/// Token spans `(first, last, type)` from IOB1 or IOB2 tags; MISC included.
fn tag_spans(tags: &[&str]) -> Vec<(usize, usize, Coarse)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, tag) in tags.iter().chain(std::iter::once(&"O")).enumerate() {
        let kind = tag.get(2..).unwrap_or("");
        let breaks = *tag == "O" || tag.starts_with("B-") || open.is_some_and(|(_, k)| k != kind);
        if breaks
            && let Some((first, k)) = open.take()
            && let Some(c) = Coarse::from_tag(k)
        {
            out.push((first, i - 1, c));
        }
        if *tag != "O" && open.is_none() {
            open = Some((i, kind));
        }
    }
    out
}

fn rebuild(number: usize, doc: &[Sentence]) -> Document {
    let mut text = String::new();
    let mut spans = Vec::new();
    for sentence in doc {
        let mut starts = Vec::with_capacity(sentence.len());
        let mut ends = Vec::with_capacity(sentence.len());
        for (i, (token, _)) in sentence.iter().enumerate() {
            let glued = NO_SPACE_BEFORE.contains(&token.as_str())
                || (i > 0 && NO_SPACE_AFTER.contains(&sentence[i - 1].0.as_str()));
            if i > 0 && !glued {
                text.push(' ');
            }
            starts.push(text.len());
            text.push_str(token);
            ends.push(text.len());
        }
        let tags: Vec<&str> = sentence.iter().map(|(_, t)| t.as_str()).collect();
        for (first, last, c) in tag_spans(&tags) {
            spans.push((starts[first], ends[last], c));
        }
        text.push('\n');
    }
    let headline: Vec<&str> = doc
        .first()
        .map(|s| s.iter().map(|(t, _)| t.as_str()).collect())
        .unwrap_or_default();
    let headline = headline.join(" ");
    let sports = headline
        .split_once(" - ")
        .is_some_and(|(sport, _)| SPORTS.contains(&sport.trim().to_uppercase().as_str()));
    Document {
        number,
        text,
        spans,
        sports,
    }
}

/// The documents of a CoNLL file (`token ... tag` per line, blank lines between
/// sentences, IOB1 or IOB2 tags).
pub fn read(text: &str) -> Vec<Document> {
    split(sentences(text))
        .iter()
        .enumerate()
        .map(|(n, d)| rebuild(n, d))
        .collect()
}

/// The coarse type our kinds count as (`None`: not scored).
pub fn coarse(kind: Kind) -> Option<Coarse> {
    match kind {
        Kind::City | Kind::Region | Kind::Country | Kind::Zone => Some(Coarse::Location),
        Kind::Firm | Kind::Org => Some(Coarse::Organisation),
        Kind::Person => Some(Coarse::Person),
        Kind::Event | Kind::Figure | Kind::Date => None,
    }
}

/// Unique normalised names of one document.
type Names = BTreeSet<(Coarse, String)>;

/// The gold names of a document (MISC left out).
pub fn gold_names(doc: &Document) -> Names {
    doc.spans
        .iter()
        .filter(|s| s.2 != Coarse::Other)
        .map(|&(s, e, c)| (c, normalize::name(&doc.text[s..e])))
        .filter(|(_, n)| !n.is_empty())
        .collect()
}

/// An extracted entity as scored: its coarse type and normalised names (its name
/// and aliases: "United States" written "U.S." is one entity with both).
pub type Found = (Coarse, BTreeSet<String>);

/// The scored entities among those extracted.
pub fn found_entities(entities: &[Entity]) -> Vec<Found> {
    entities
        .iter()
        .filter_map(|e| {
            let names: BTreeSet<String> = std::iter::once(&e.name)
                .chain(&e.aliases)
                .map(|n| normalize::name(n))
                .filter(|n| !n.is_empty())
                .collect();
            Some((coarse(e.kind)?, names)).filter(|(_, n)| !n.is_empty())
        })
        .collect()
}

/// One document's differences, for `--verbose`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Differences {
    /// Document number (from 0).
    pub document: usize,
    /// A sports report.
    pub sports: bool,
    /// Gold names not found: `TYPE name`.
    pub missed: Vec<String>,
    /// Names found that the gold does not have.
    pub extra: Vec<String>,
}

/// Scores over a CoNLL file.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Documents read.
    pub documents: usize,
    /// Of those, sports reports.
    pub sports_documents: usize,
    /// Documents that loaded as no article (their gold names all count as misses).
    pub skipped: Vec<usize>,
    /// All documents.
    pub all: Counts,
    /// Documents that are not sports reports.
    pub non_sports: Counts,
    /// Sports reports.
    pub sports: Counts,
    /// Per coarse type, over all documents.
    pub by_type: BTreeMap<&'static str, Counts>,
    /// Per document, what differs.
    pub differences: Vec<Differences>,
}

/// Gold names found (some entity of the type has the name among its names),
/// entities that match no gold name, and gold names not found.
fn tally(
    gold: &Names,
    found: &[Found],
    by_type: &mut BTreeMap<&'static str, Counts>,
    differences: &mut Differences,
) -> Counts {
    let mut total = Counts::default();
    for c in [Coarse::Person, Coarse::Location, Coarse::Organisation] {
        let mut counts = Counts::default();
        let of_type: Vec<&BTreeSet<String>> =
            found.iter().filter(|f| f.0 == c).map(|f| &f.1).collect();
        for (_, name) in gold.iter().filter(|g| g.0 == c) {
            if of_type.iter().any(|names| names.contains(name)) {
                counts.tp += 1;
            } else {
                counts.fn_ += 1;
                differences.missed.push(format!("{} {name}", c.tag()));
            }
        }
        for names in of_type {
            if !names.iter().any(|n| gold.contains(&(c, n.clone()))) {
                counts.fp += 1;
                let shown: Vec<&str> = names.iter().map(String::as_str).collect();
                differences
                    .extra
                    .push(format!("{} {}", c.tag(), shown.join(" | ")));
            }
        }
        by_type.entry(c.tag()).or_default().add(counts);
        total.add(counts);
    }
    total
}

/// Scores documents given the entities found in each (`None`: it loaded as no
/// article).
pub fn score(documents: &[Document], found: &[Option<Vec<Entity>>]) -> Report {
    let mut report = Report {
        documents: documents.len(),
        ..Report::default()
    };
    for (doc, entities) in documents.iter().zip(found) {
        let gold = gold_names(doc);
        let list = match entities {
            Some(list) => found_entities(list),
            None => {
                report.skipped.push(doc.number);
                Vec::new()
            }
        };
        let mut differences = Differences {
            sports: doc.sports,
            document: doc.number,
            missed: Vec::new(),
            extra: Vec::new(),
        };
        let counts = tally(&gold, &list, &mut report.by_type, &mut differences);
        report.all.add(counts);
        if doc.sports {
            report.sports_documents += 1;
            report.sports.add(counts);
        } else {
            report.non_sports.add(counts);
        }
        if !differences.missed.is_empty() || !differences.extra.is_empty() {
            report.differences.push(differences);
        }
    }
    report
}

/// The report as text: the three scopes, the types, and with `verbose` every
/// document's misses and extras.
pub fn render_text(report: &Report, verbose: bool) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let line = |out: &mut String, label: &str, c: &Counts| {
        let _ = writeln!(
            out,
            "{label:<12} P {:.3}  R {:.3}  F1 {:.3}   (tp {}, fp {}, fn {})",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        );
    };
    let _ = writeln!(
        out,
        "{} documents ({} sports, {} loaded as no article); coarse names, unique per document, MISC ignored",
        report.documents,
        report.sports_documents,
        report.skipped.len()
    );
    line(&mut out, "all", &report.all);
    line(&mut out, "non-sports", &report.non_sports);
    line(&mut out, "sports", &report.sports);
    for (tag, c) in &report.by_type {
        line(&mut out, tag, c);
    }
    if verbose {
        for d in &report.differences {
            let _ = writeln!(out, "document {}", d.document);
            for m in &d.missed {
                let _ = writeln!(out, "  missed {m}");
            }
            for e in &d.extra {
                let _ = writeln!(out, "  extra  {e}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- -X- O\n\n\
        SOCCER NN B-NP O\n- : O O\nJAPAN NNP B-NP B-LOC\nWIN NNP I-NP O\n. . O O\n\n\
        AL-AIN NNP B-NP B-LOC\n1996-12-06 CD I-NP O\n\n\
        Nadim NNP B-NP B-PER\nLadki NNP I-NP I-PER\nof IN B-PP O\nthe DT B-NP O\n\
        United NNP I-NP I-ORG\nNations NNP I-NP I-ORG\nsaid VBD B-VP O\n( ( O O\n\
        Reuters NNP B-NP I-ORG\n) ) O O\n. . O O\n\n\
        -DOCSTART- -X- -X- O\n\n\
        EU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\ncall NN I-NP O\n. . O O\n";

    #[test]
    fn documents_are_rebuilt_one_sentence_per_line_with_byte_spans() {
        let docs = read(SAMPLE);
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(
            d.text,
            "SOCCER - JAPAN WIN.\nAL-AIN 1996-12-06\nNadim Ladki of the United Nations said (Reuters).\n"
        );
        assert!(d.sports);
        let names: Vec<(&str, Coarse)> = d
            .spans
            .iter()
            .map(|&(s, e, c)| (&d.text[s..e], c))
            .collect();
        assert_eq!(
            names,
            vec![
                ("JAPAN", Coarse::Location),
                ("AL-AIN", Coarse::Location),
                ("Nadim Ladki", Coarse::Person),
                ("United Nations", Coarse::Organisation),
                ("Reuters", Coarse::Organisation),
            ]
        );
        assert!(!docs[1].sports);
        assert_eq!(docs[1].spans.len(), 2, "IOB1 I- at the start opens a name");
    }

    #[test]
    fn copies_without_docstart_split_before_the_dateline_headline() {
        let unmarked: String = SAMPLE
            .lines()
            .filter(|l| !l.starts_with("-DOCSTART-"))
            .collect::<Vec<_>>()
            .join("\n");
        let text = format!(
            "{unmarked}\n\nFRANCE NNP B-NP B-LOC\nVOTES VBZ O O\n\nPARIS NNP B-NP B-LOC\n1996-12-07 CD O O\n\nIt PRP O O\nrained VBD O O\n"
        );
        let docs = read(&text);
        assert_eq!(docs.len(), 2, "{docs:#?}");
        assert!(docs[1].text.starts_with("FRANCE VOTES\nPARIS 1996-12-07\n"));
    }

    #[test]
    fn a_byline_between_headline_and_dateline_stays_with_its_headline() {
        let text = "STOCKS NNS O O\nFALL VBP O O\n. . O O\n\nIt PRP O O\nrained VBD O O\n. . O O\n\n\
            MARKETS NNS O O\nRISE VBP O O\n. . O O\n\nAnna NNP B-NP B-PER\nSmith NNP I-NP I-PER\n\n\
            PARIS NNP B-NP B-LOC\n1996-12-07 CD O O\n\nIt PRP O O\nshone VBD O O\n";
        let docs = read(text);
        assert_eq!(docs.len(), 2, "{docs:#?}");
        assert_eq!(docs[0].text, "STOCKS FALL.\nIt rained.\n");
        assert!(
            docs[1]
                .text
                .starts_with("MARKETS RISE.\nAnna Smith\nPARIS 1996-12-07\n")
        );
    }

    #[test]
    fn scoring_counts_unique_names_and_ignores_misc() {
        let docs = read(SAMPLE);
        let entity = |name: &str, kind: Kind, aliases: &[&str]| Entity {
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            count: 1,
            mentions: vec![],
        };
        let found = vec![
            Some(vec![
                entity("Japan", Kind::Country, &[]),
                entity("Nadim Ladki", Kind::Person, &["Ladki"]),
                entity("United Nations", Kind::Org, &[]),
                entity("Asia Cup", Kind::Event, &[]),
            ]),
            None,
        ];
        let report = score(&docs, &found);
        // Gold: JAPAN, AL-AIN, Nadim Ladki, United Nations, Reuters; then EU.
        assert_eq!(report.all.tp, 3);
        assert_eq!(report.all.fn_, 3);
        assert_eq!(report.all.fp, 0, "an alias the gold lacks costs nothing");
        assert_eq!(report.skipped, vec![1]);
        assert_eq!(report.sports.tp, 3);
        let wrong = vec![Some(vec![entity("Japan", Kind::Firm, &[])]), Some(vec![])];
        let report = score(&docs, &wrong);
        assert_eq!(
            (report.all.tp, report.all.fp),
            (0, 1),
            "a wrong type is no match"
        );
    }
}
