//! Extraction of bodies of any size in time linear in their length: a long body
//! is cut at paragraph breaks into parts of about [`PART`] bytes, each part is
//! extracted on its own (in parallel), and the parts' entities are joined (same
//! kind and name: one entity, mentions shifted back into the whole body). A body
//! up to [`PART`] bytes is extracted whole, exactly as [`super::entities`] does.
//! Some steps of the extractor compare every candidate with every other one,
//! which a 100 MB body turns into minutes; parts bound that.

use super::tagger::Model;
use super::{Entity, Kind, Mention, byline, entities_with};
use rayon::prelude::*;
use std::collections::HashMap;

/// Bodies longer than this are extracted in parts of about this size.
pub const PART: usize = 64 * 1024;

/// The entities of `body`, as [`entities`] gives them for bodies up to
/// [`PART`] bytes, and joined over parts for longer ones.
pub fn entities_of_any_size(body: &str) -> Vec<Entity> {
    entities_of_any_size_with(body, Model::compiled())
}

fn entities_of_any_size_with(body: &str, model: &Model) -> Vec<Entity> {
    if body.len() <= PART {
        return entities_with(body, model);
    }
    let parts = split(body, PART);
    let found: Vec<Vec<Entity>> = parts
        .par_iter()
        .map(|&(start, end)| entities_with(&body[start..end], model))
        .collect();
    join(parts.iter().map(|&(start, _)| start).zip(found))
}

/// The entities of an article: its body's, as [`entities_of_any_size`] gives them,
/// and the names its headline adds. The headline is read with the body (as the
/// first paragraph of one text) so that the tagger sees the body's use of its
/// words; mentions stay offsets into the body, so a name only the headline holds
/// is listed after the body's names with no mention (`count` 0). The people the
/// byline (`author`) names are people of the article too, listed the same way
/// when the body does not name them, and so is the date the article's own date
/// line writes (`date`, [`crate::Article::date_text`]), which the body leaves out.
pub fn article_entities(
    title: &str,
    author: Option<&str>,
    date: Option<&str>,
    body: &str,
) -> Vec<Entity> {
    article_entities_with(title, author, date, body, Model::compiled())
}

/// [`article_entities`] with another tagger model (for training and evaluation).
#[doc(hidden)]
pub fn article_entities_with(
    title: &str,
    author: Option<&str>,
    date: Option<&str>,
    body: &str,
    model: &Model,
) -> Vec<Entity> {
    let mut found = headline_and_body(title, body, model);
    drop_subhead_only_names(body, &mut found);
    drop_filler_and_citation_names(body, &mut found);
    add_byline(&mut found, author.unwrap_or_default());
    if let Some(date) = date {
        add_date(&mut found, date);
    }
    found
}

/// The article's own date, after the body's dates, when no date entity names it.
fn add_date(found: &mut Vec<Entity>, date: &str) {
    let known = found.iter().any(|e| {
        e.kind == Kind::Date
            && std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| n.eq_ignore_ascii_case(date))
    });
    if !known {
        let at = found
            .iter()
            .rposition(|e| e.kind == Kind::Date)
            .map_or(found.len(), |i| i + 1);
        found.insert(
            at,
            Entity {
                name: date.to_string(),
                kind: Kind::Date,
                aliases: Vec::new(),
                count: 0,
                mentions: Vec::new(),
            },
        );
    }
}

/// The people of the byline that no entity names yet, after the named entities.
fn add_byline(found: &mut Vec<Entity>, author: &str) {
    let named = found.iter().take_while(|e| e.kind.is_named()).count();
    let mut at = named;
    for person in byline::people(author) {
        let known = found.iter().any(|e| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| n.eq_ignore_ascii_case(&person))
        });
        if !known {
            found.insert(
                at,
                Entity {
                    name: person,
                    kind: Kind::Person,
                    aliases: Vec::new(),
                    count: 0,
                    mentions: Vec::new(),
                },
            );
            at += 1;
        }
    }
}

fn headline_and_body(title: &str, body: &str, model: &Model) -> Vec<Entity> {
    let title = title.trim();
    if title.is_empty() || body.len() + title.len() > PART || body.contains(title) {
        return entities_of_any_size_with(body, model);
    }
    let text = format!("{title}\n\n{body}");
    let shift = text.len() - body.len();
    let mut found = entities_with(&text, model);
    for e in &mut found {
        e.mentions.retain(|m| m.start >= shift);
        for m in &mut e.mentions {
            m.start -= shift;
            m.end -= shift;
        }
        e.count = e.mentions.len();
    }
    // Figures and dates only the headline states are not the body's. A headline
    // in Title Case capitalises every word, so a name only it holds is a place or
    // a person there ("Zorbu to Build a New Production Base" names no zone).
    // A person there needs a name a list knows ("Inaugurated to Deepen Sino-Zorb
    // Ties" names no one).
    let title_case = title_cased(title);
    found.retain(|e| {
        e.count > 0
            || (e.kind.is_named()
                && (!title_case
                    || matches!(e.kind, Kind::City | Kind::Region | Kind::Country)
                    || (e.kind == Kind::Person && listed_person(&e.name))))
    });
    // Body names in order of first mention, then the headline's own.
    found.sort_by_key(|e| {
        (
            !e.kind.is_named(),
            e.count == 0,
            e.mentions.first().map(|m| m.start),
        )
    });
    found
}

/// A name whose every mention lies in a Title Case subhead of the body, as a
/// phrase among its words ("Growth Rate Shows Development Momentum"), is no
/// name: such lines capitalise every word. Places stay, and people a list
/// knows, as in a Title Case headline; a name that is its line stays (a list
/// of names, one per line).
fn drop_subhead_only_names(body: &str, found: &mut Vec<Entity>) {
    found.retain(|e| {
        matches!(e.kind, Kind::City | Kind::Region | Kind::Country)
            || !e.kind.is_named()
            || e.mentions.is_empty()
            || (e.kind == Kind::Person && listed_person(&e.name))
            || !e.mentions.iter().all(|m| in_subhead(body, m.start, m.end))
    });
}

/// Names that are no names of the article:
/// - every name in placeholder text ("Lorem ipsum dolor sit amet ... Duis aute"):
///   all its mentions in paragraphs of the Latin filler;
/// - a given name cut from a reference list's inverted names ("Wilson, John;",
///   "Hatfield, Peter J."): a one-word person a list knows as a given name, each
///   mention after a capitalised word and a comma.
fn drop_filler_and_citation_names(body: &str, found: &mut Vec<Entity>) {
    let filler = body.contains("dolor") || body.contains("ipsum");
    let paragraph = |start: usize, end: usize| {
        let from = body[..start].rfind('\n').map_or(0, |i| i + 1);
        let to = body[end..].find('\n').map_or(body.len(), |i| end + i);
        &body[from..to]
    };
    let latin = |p: &str| {
        const WORDS: [&str; 6] = [
            "Lorem ipsum",
            "lorem ipsum",
            " dolor ",
            "consectetur",
            "adipiscing",
            "eiusmod",
        ];
        matches!(p.trim(), "Lorem" | "Ipsum" | "Lorem Ipsum") || WORDS.iter().any(|w| p.contains(w))
    };
    let given = &super::gazetteer::gazetteer().given;
    // "Surname, Given" closed as a reference list closes a name: a semicolon, a
    // full stop, a bracket or an initial ("Hatfield, Peter J."); a roster of
    // surnames goes on with a comma.
    let inverted = |start: usize, end: usize| {
        let after = body[end..].trim_start_matches(' ');
        let initial = after
            .split_once(' ')
            .map_or(after, |(w, _)| w)
            .strip_suffix(['.', ';'])
            .is_some_and(|w| w.len() == 1 && w.starts_with(|c: char| c.is_uppercase()));
        let closed = after.starts_with([';', '.', '(', ')']) || initial;
        closed
            && body[..start].strip_suffix(", ").is_some_and(|before| {
                let word = &before[before
                    .rfind(|c: char| !c.is_alphabetic())
                    .map_or(0, |i| i + 1)..];
                word.len() >= 2 && word.starts_with(|c: char| c.is_uppercase())
            })
    };
    found.retain(|e| {
        if !e.kind.is_named() || e.mentions.is_empty() {
            return true;
        }
        let in_filler = filler && e.mentions.iter().all(|m| latin(paragraph(m.start, m.end)));
        let cut_from_citation = e.kind == Kind::Person
            && !e.name.contains(' ')
            && given.contains(&e.name)
            && e.mentions.iter().all(|m| inverted(m.start, m.end));
        !in_filler && !cut_from_citation
    });
}

/// The line around `start..end` reads as a Title Case subhead: at most 20 words,
/// no full stop at its end, and every word of four letters or more but one
/// capitalised (a caption or a sentence writes some in lower case), three common
/// words among them, no figure or colon after its first word (a table row, a
/// roster, "Playing Sunday: ...").
/// The name is not the whole line.
fn in_subhead(body: &str, start: usize, end: usize) -> bool {
    let from = body[..start].rfind('\n').map_or(0, |i| i + 1);
    let to = body[end..].find('\n').map_or(body.len(), |i| end + i);
    let line = body[from..to].trim();
    let words = line.split_whitespace().count();
    let name_words = body[start..end].split_whitespace().count();
    let lower = line
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .count();
    // Capitalised common words, not shouted: a heading's own words ("Growth Rate
    // Shows"), where a score line or a roster has names and figures.
    let common = &super::gazetteer::gazetteer().common;
    let headed = line
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 4 && w.starts_with(|c: char| c.is_uppercase()))
        .filter(|w| w.chars().skip(1).any(char::is_lowercase) && common.contains_ci(w))
        .count();
    let words_from = line.find(char::is_alphabetic).unwrap_or(line.len());
    !line.ends_with('.')
        && words <= 20
        && lower <= 1
        && headed >= 3
        && name_words < words
        && !line[words_from..].contains(|c: char| c.is_ascii_digit() || c == ':')
        && title_cased(&line[words_from..])
}

/// A person's name with a listed surname last, or a listed given name first that
/// is no common English word.
fn listed_person(name: &str) -> bool {
    let g = super::gazetteer::gazetteer();
    // Lists spell names capitalised; a headline may shout them ("ZORB SMITH").
    let name = super::reconcile::title_cased(&name.replace('-', " "));
    let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    g.surnames.contains(last)
        || g.chinese_surnames.contains(first)
        || (g.given.contains(first) && !g.common.contains_ci(first))
}

/// Most of the longer words after the first are capitalised ("Zorbu to Build a New
/// Production Base for Batteries"), as headlines in Title Case write them.
fn title_cased(title: &str) -> bool {
    let words: Vec<&str> = title
        .split_whitespace()
        .skip(1)
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 3 && capitalised * 5 >= words.len() * 3
}

/// Byte ranges covering `body`, each about `size` long, cut after a paragraph
/// break (else a line break, else a space, else any char boundary).
fn split(body: &str, size: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while body.len() - start > size {
        let window = &body[start..floor(body, start + size)];
        let cut = window
            .rfind("\n\n")
            .map(|i| i + 2)
            .or_else(|| window.rfind('\n').map(|i| i + 1))
            .or_else(|| window.rfind(' ').map(|i| i + 1))
            .filter(|&i| i > 0)
            .unwrap_or(window.len().max(1));
        let end = floor(body, start + cut).max(ceil(body, start + 1));
        out.push((start, end));
        start = end;
    }
    out.push((start, body.len()));
    out
}

fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Joins the parts' entities: named ones first, then figures and dates, each in
/// order of first mention; one entity per kind and name, aliases merged.
fn join(parts: impl Iterator<Item = (usize, Vec<Entity>)>) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    let mut at: HashMap<(super::Kind, String), usize> = HashMap::new();
    for (offset, list) in parts {
        for mut entity in list {
            for m in &mut entity.mentions {
                *m = Mention {
                    start: m.start + offset,
                    end: m.end + offset,
                };
            }
            match at.get(&(entity.kind, entity.name.clone())) {
                Some(&i) => {
                    let kept = &mut out[i];
                    kept.mentions.extend(entity.mentions);
                    kept.count = kept.mentions.len();
                    for alias in entity.aliases {
                        if !kept.aliases.contains(&alias) {
                            kept.aliases.push(alias);
                        }
                    }
                }
                None => {
                    at.insert((entity.kind, entity.name.clone()), out.len());
                    out.push(entity);
                }
            }
        }
    }
    let (mut named, values): (Vec<Entity>, Vec<Entity>) =
        out.into_iter().partition(|e| e.kind.is_named());
    named.extend(values);
    named
}

#[cfg(test)]
mod tests {
    use super::super::entities;
    use super::*;

    #[test]
    fn the_people_of_the_byline_are_people_of_the_article() {
        let body = "Zorbu Wang, the chief of Quuxcorp, said sales rose. Mary Quuxley agreed.";
        let found = article_entities(
            "Sales rise",
            Some("Mary Quuxley and Zhao Minghui"),
            None,
            body,
        );
        let people: Vec<(&str, usize)> = found
            .iter()
            .filter(|e| e.kind == Kind::Person)
            .map(|e| (e.name.as_str(), e.count))
            .collect();
        // The body's Mary Quuxley once, with her mention; the byline adds Zhao
        // Minghui with none, among the named entities, before the values.
        assert_eq!(
            people,
            [("Zorbu Wang", 1), ("Mary Quuxley", 1), ("Zhao Minghui", 0)],
            "{found:?}"
        );
        let last_named = found.iter().rposition(|e| e.kind.is_named()).unwrap();
        assert!(found[..last_named].iter().all(|e| e.kind.is_named()));
        // A desk is nobody.
        let found = article_entities("Sales rise", Some("Quuxcorp Staff"), None, body);
        assert!(!found.iter().any(|e| e.name.contains("Staff")), "{found:?}");
    }

    #[test]
    fn placeholder_text_and_given_names_cut_from_references_are_no_names() {
        let names = |body: &str| -> Vec<String> {
            article_entities("Notes", None, None, body)
                .into_iter()
                .filter(|e| e.kind.is_named())
                .map(|e| e.name)
                .collect()
        };
        let body = "Lorem\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit. Duis \
                    aute irure dolor in reprehenderit.\n\nMary Quuxley visited Paris.";
        let got = names(body);
        assert!(got.iter().all(|n| n != "Lorem" && n != "Duis"), "{got:?}");
        assert!(got.iter().any(|n| n == "Mary Quuxley"), "{got:?}");
        let body = "References\n\nQuuxley, John; Zorbington, Paul (2001). Tides of \
                    the bay. Quxton, Peter J.; Blorp, Mary.";
        let got = names(body);
        assert!(
            got.iter()
                .all(|n| !matches!(n.as_str(), "John" | "Paul" | "Peter" | "Mary")),
            "{got:?}"
        );
        // A roster of surnames goes on with commas: its names stay.
        let body = "Quuxley, Irwin, Zorbington and Blorp played for the Zorbton side.";
        let kept = article_entities("Notes", None, None, body);
        assert!(kept.iter().any(|e| e.name == "Irwin"), "{kept:?}");
    }

    #[test]
    fn the_date_of_the_articles_own_date_line_is_a_date_of_the_article() {
        let body = "Quuxcorp said on March 3, 2021 that sales rose.";
        let found = article_entities("Sales rise", None, Some("Mar 29,2024"), body);
        let dates: Vec<(&str, usize)> = found
            .iter()
            .filter(|e| e.kind == Kind::Date)
            .map(|e| (e.name.as_str(), e.count))
            .collect();
        // After the body's dates, with no mention.
        assert_eq!(
            dates,
            [("March 3, 2021", 1), ("Mar 29,2024", 0)],
            "{found:?}"
        );
        // A date the body holds is not listed twice.
        let found = article_entities("Sales rise", None, Some("March 3, 2021"), body);
        let dates = found.iter().filter(|e| e.kind == Kind::Date).count();
        assert_eq!(dates, 1, "{found:?}");
    }

    #[test]
    fn a_name_only_the_headline_holds_is_listed_with_no_mention() {
        let body =
            "The company said on Monday that sales rose. Zorbu Wang, its chief, was pleased.";
        let found = article_entities("Shanghai hails record sales", None, None, body);
        let shanghai = found
            .iter()
            .find(|e| e.name == "Shanghai")
            .expect("the headline's city");
        let wang = found
            .iter()
            .find(|e| e.name == "Zorbu Wang")
            .expect("the body's person");
        assert!(
            wang.count == 1 && &body[wang.mentions[0].start..wang.mentions[0].end] == "Zorbu Wang"
        );
        assert_eq!((shanghai.count, shanghai.mentions.len()), (0, 0));
        // The body's names come first, then the headline's own, then the values.
        let named: Vec<bool> = found
            .iter()
            .filter(|e| e.kind.is_named())
            .map(|e| e.count == 0)
            .collect();
        assert!(named.windows(2).all(|w| w[0] <= w[1]), "{found:?}");
        // No mention points into the headline.
        assert!(
            found
                .iter()
                .flat_map(|e| &e.mentions)
                .all(|m| m.end <= body.len())
        );
    }

    #[test]
    fn a_title_case_headline_gives_places_and_people_only() {
        assert!(title_cased(
            "Zorbu to Build a New Production Base for Batteries"
        ));
        assert!(!title_cased(
            "Zorbu to build a new production base for batteries"
        ));
        assert!(!title_cased("Port reopens"));
        let body = "Zorbu will invest 13.5 billion yuan in the project, officials said.";
        let found = article_entities(
            "Zorbu to Build a New Production Base in Shanghai",
            None,
            None,
            body,
        );
        assert!(
            !found.iter().any(|e| e.name.contains("Production Base")),
            "{found:?}"
        );
        assert!(
            found.iter().any(|e| e.name == "Shanghai" && e.count == 0),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_only_a_title_case_subhead_holds_is_no_name() {
        let body = "Quxian Holdings Co. opened a plant in Zorbton, officials said.\n\n\
                    **14.6%! Growth Rate Shows Development Momentum**\n\n\
                    Zorbton Leaders Led Teams to Attract Investment\n\n\
                    Quxian Holdings Co. Opens Zorbton Plant\n\n\
                    Playing Sunday: Quxian Rangers v Zorbton Athletic\n\n\
                    Zorbton Economic Development Zone\n";
        let at = |name: &str, nth: usize| {
            let start = body.match_indices(name).nth(nth).unwrap().0;
            Mention {
                start,
                end: start + name.len(),
            }
        };
        let entity = |name: &str, kind: Kind, mentions: Vec<Mention>| Entity {
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            count: mentions.len(),
            mentions,
        };
        let mut found = vec![
            entity(
                "Growth Rate Shows Development Momentum",
                Kind::Firm,
                vec![at("Growth Rate Shows Development Momentum", 0)],
            ),
            entity(
                "Attract Investment",
                Kind::Org,
                vec![at("Attract Investment", 0)],
            ),
            entity(
                "Quxian Holdings Co.",
                Kind::Firm,
                vec![at("Quxian Holdings Co.", 0), at("Quxian Holdings Co.", 1)],
            ),
            entity("Zorbton", Kind::City, vec![at("Zorbton", 2)]),
            entity("Quxian Rangers", Kind::Org, vec![at("Quxian Rangers", 0)]),
            entity(
                "Zorbton Economic Development Zone",
                Kind::Zone,
                vec![at("Zorbton Economic Development Zone", 0)],
            ),
        ];
        drop_subhead_only_names(body, &mut found);
        let names: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
        // Gone: the two names only headings hold. Kept: a name the body also
        // writes, a place, a name in a line with a colon, a name that is its line.
        assert_eq!(
            names,
            [
                "Quxian Holdings Co.",
                "Zorbton",
                "Quxian Rangers",
                "Zorbton Economic Development Zone"
            ]
        );
        // A roster line with figures, and a sentence, are no subheads.
        assert!(!in_subhead(
            "2. Zorb Quxian (Growth Rate Shows Development) 13:05",
            3,
            14
        ));
        assert!(!in_subhead(
            "Growth in output was strong this year, Quxian Group said",
            40,
            52
        ));
    }

    #[test]
    fn a_person_only_a_title_case_headline_names_needs_a_listed_name() {
        let body = "The plant was opened on Saturday in Zorbton, officials said.";
        let found = article_entities(
            "Large Plant Inaugurated to Deepen Sino-Quxian Cooperation",
            None,
            None,
            body,
        );
        assert!(!found.iter().any(|e| e.kind == Kind::Person), "{found:?}");
        assert!(listed_person("Margaret Smith") && listed_person("Zhang Zorbu"));
        assert!(listed_person("MARGARET SMITH"));
        assert!(!listed_person("Deepen Sino") && !listed_person("Build Zorb"));
    }

    #[test]
    fn short_bodies_are_extracted_whole() {
        let body = "Alibaba Cloud opened an office in Chongqing on Monday.";
        assert_eq!(entities_of_any_size(body), entities(body));
    }

    #[test]
    fn parts_cover_the_body_and_end_at_paragraph_breaks() {
        let body = "Para one is here.\n\nPara two, é and more.\n\nThree.".repeat(50);
        let parts = split(&body, 100);
        assert_eq!(parts[0].0, 0);
        assert_eq!(parts.last().unwrap().1, body.len());
        for pair in parts.windows(2) {
            assert_eq!(pair[0].1, pair[1].0);
            assert!(body[..pair[0].1].ends_with("\n\n"));
        }
        // No break at all: still cut, on char boundaries.
        let solid = "é".repeat(500);
        let parts = split(&solid, 101);
        assert!(
            parts
                .iter()
                .all(|&(s, e)| solid.is_char_boundary(s) && e > s)
        );
    }

    #[test]
    fn a_long_body_gives_the_entities_of_its_parts_with_offsets_into_the_whole() {
        let paragraph = "Workers at the Foo Industrial Park in Chongqing met Wang Fahang of \
                         Foo Holding Group, which invested 20 million yuan in 2019.\n\n";
        let body = paragraph.repeat(PART / paragraph.len() * 3);
        let found = entities_of_any_size(&body);
        let one = entities(paragraph.trim_end());
        assert!(!one.is_empty());
        for entity in &one {
            let joined = found
                .iter()
                .find(|e| e.kind == entity.kind && e.name == entity.name)
                .unwrap_or_else(|| panic!("{} missing", entity.name));
            assert!(joined.count > entity.count * 2, "{}", entity.name);
            for m in &joined.mentions {
                assert!(body.is_char_boundary(m.start) && body.is_char_boundary(m.end));
            }
            let first = joined.mentions[0];
            assert_eq!(
                &body[first.start..first.end],
                &paragraph[first.start..first.end]
            );
        }
        let last = found.iter().rposition(|e| e.kind.is_named()).unwrap();
        assert!(found[..last].iter().all(|e| e.kind.is_named()));
    }
}
