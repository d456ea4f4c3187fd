//! From chosen mentions to entities: later short references ("said Zhao", an acronym,
//! "Foo" for "Foo Holding Group"), exact re-mentions of names a cue typed once, and
//! aliases that mean the same thing in one article ("Pilot Zone"/"Pilot Zones").

use super::acronym::Definition;
use super::doc::{Candidate, Doc, Rank};
use super::person::short_form;
use super::resolve::Chosen;
use super::token::shape;
use super::{Entity, Kind, Mention};
use std::collections::{BTreeMap, HashMap};

/// Words dropped from the end of a firm name to get the short form it is also called by.
const FIRM_TAILS: &[&str] = &[
    "group", "holding", "holdings", "co", "co.", "company", "corp", "corp.", "corporation",
    "inc", "inc.", "ltd", "ltd.", "limited", "plc", "llc", "technology", "technologies",
    "tech", "international",
];
/// Modifiers that do not change which zone or body is meant.
const GENERIC: &[&str] = &["national", "comprehensive", "international", "municipal", "provincial", "state"];

/// A mention with the name it groups under.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    kind: Kind,
    name: String,
}

fn covered(found: &[Found], start: usize, end: usize) -> bool {
    found.iter().any(|f| f.start < end && start < f.end)
}

/// Adds a mention at every standalone capitalised occurrence of `word` (one token).
fn mentions_of(doc: &Doc, word: &str, kind: Kind, name: &str, found: &mut Vec<Found>) {
    let mut add = Vec::new();
    for t in doc.tokens.iter().filter(|t| t.is_word() && t.text(doc.body) == word) {
        if !covered(found, t.start, t.end) && !covered(&add, t.start, t.end) {
            add.push(Found {
                start: t.start,
                end: t.end,
                kind,
                name: name.to_string(),
            });
        }
    }
    found.extend(add);
}

/// Adds a mention at every standalone occurrence of a multi-token name.
fn phrase_mentions(doc: &Doc, phrase: &str, kind: Kind, name: &str, found: &mut Vec<Found>) {
    let first = phrase.split([' ', '-']).next().unwrap_or("");
    let mut add = Vec::new();
    for t in doc.tokens.iter().filter(|t| t.is_word() && t.text(doc.body) == first) {
        let Some(text) = doc.body.get(t.start..t.start + phrase.len()) else {
            continue;
        };
        let end = t.start + phrase.len();
        let boundary = !doc.body[end..].chars().next().is_some_and(char::is_alphanumeric);
        if text == phrase && boundary && !covered(found, t.start, end) && !covered(&add, t.start, end) {
            add.push(Found {
                start: t.start,
                end,
                kind,
                name: name.to_string(),
            });
        }
    }
    found.extend(add);
}

fn person_references(doc: &Doc, found: &mut Vec<Found>) {
    let mut shorts: HashMap<String, Vec<String>> = HashMap::new();
    for f in found.iter().filter(|f| f.kind == Kind::Person) {
        if let Some(short) = short_form(doc, &f.name) {
            let names = shorts.entry(short).or_default();
            if !names.contains(&f.name) {
                names.push(f.name.clone());
            }
        }
    }
    for (short, names) in shorts {
        if names.len() == 1 && doc.gazetteer.lookup(&short).is_none() {
            mentions_of(doc, &short, Kind::Person, &names[0], found);
        }
    }
}

fn firm_short_forms(name: &str) -> Vec<String> {
    let mut words: Vec<&str> = name.split(' ').collect();
    let mut out = Vec::new();
    while words.len() > 1 && FIRM_TAILS.contains(&words[words.len() - 1].to_lowercase().as_str()) {
        words.pop();
        out.push(words.join(" "));
    }
    out
}

fn firm_references(doc: &Doc, found: &mut Vec<Found>) {
    let firms: Vec<String> = found.iter().filter(|f| f.kind == Kind::Firm).map(|f| f.name.clone()).collect();
    let mut seen = Vec::new();
    for name in firms {
        if seen.contains(&name) {
            continue;
        }
        seen.push(name.clone());
        for short in firm_short_forms(&name) {
            if doc.gazetteer.lookup(&short).is_some_and(|(_, e)| e.kind() != Kind::Firm) || doc.gazetteer.is_common(&short) {
                continue;
            }
            for f in found.iter_mut().filter(|f| f.kind == Kind::Firm && f.name == short) {
                f.name = name.clone();
            }
            phrase_mentions(doc, &short, Kind::Firm, &name, found);
        }
    }
}

fn acronym_references(doc: &Doc, definitions: &[Definition], found: &mut Vec<Found>) {
    for d in definitions {
        let Some(owner) = found.iter().find(|f| f.start == d.start && f.end == d.end).cloned() else {
            continue;
        };
        for f in found.iter_mut().filter(|f| f.name == d.acronym) {
            f.name = owner.name.clone();
            f.kind = owner.kind;
        }
        found.push(Found {
            start: d.at.0,
            end: d.at.1,
            kind: owner.kind,
            name: owner.name.clone(),
        });
        mentions_of(doc, &d.acronym, owner.kind, &owner.name, found);
    }
}

/// Single names that a cue typed once, mentioned again elsewhere ("Zorbify ... Zorbify").
fn re_mentions(doc: &Doc, cued: &[(Kind, String)], found: &mut Vec<Found>) {
    for (kind, name) in cued {
        if name.contains(' ') {
            phrase_mentions(doc, name, *kind, name, found);
        } else {
            mentions_of(doc, name, *kind, name, found);
        }
    }
}

/// Name with generic modifiers and a plural "s" removed, for alias merging.
fn loose_key(kind: Kind, name: &str) -> String {
    let mut words: Vec<String> = name
        .split([' ', '-'])
        .map(|w| w.to_lowercase())
        .filter(|w| !(matches!(kind, Kind::Zone | Kind::Org) && GENERIC.contains(&w.as_str())))
        .collect();
    if let Some(last) = words.last_mut() {
        if last.len() > 3 && last.ends_with('s') && !last.ends_with("ss") {
            last.pop();
        }
    }
    words.join(" ")
}

/// Turns the chosen mentions into entities.
pub fn entities(doc: &Doc, chosen: Vec<Chosen>, definitions: &[Definition]) -> Vec<Entity> {
    let cued: Vec<(Kind, String)> = chosen
        .iter()
        .filter(|c| c.candidate.rank <= Rank::Context && c.candidate.kind != Kind::Person)
        .map(|c| (c.candidate.kind, c.candidate.name.clone()))
        .collect();
    let mut found: Vec<Found> = chosen.into_iter().map(|c| from_candidate(c.candidate)).collect();
    acronym_references(doc, definitions, &mut found);
    person_references(doc, &mut found);
    firm_references(doc, &mut found);
    re_mentions(doc, &cued, &mut found);
    group(doc, found)
}

fn from_candidate(c: Candidate) -> Found {
    Found {
        start: c.start,
        end: c.end,
        kind: c.kind,
        name: c.name,
    }
}

fn surface(doc: &Doc, f: &Found) -> String {
    doc.body[f.start..f.end].split_whitespace().collect::<Vec<_>>().join(" ")
}

fn group(doc: &Doc, found: Vec<Found>) -> Vec<Entity> {
    let mut groups: BTreeMap<(Kind, String), Vec<Found>> = BTreeMap::new();
    let mut key_of: HashMap<(Kind, String), String> = HashMap::new();
    for f in found {
        let loose = loose_key(f.kind, &f.name);
        let key = key_of.entry((f.kind, loose)).or_insert_with(|| f.name.clone()).clone();
        groups.entry((f.kind, key)).or_default().push(f);
    }
    let mut out: Vec<Entity> = groups
        .into_iter()
        .map(|((kind, _), list)| build(doc, kind, list))
        .collect();
    out.sort_by(|a, b| a.mentions[0].start.cmp(&b.mentions[0].start).then(a.name.cmp(&b.name)));
    out
}

fn build(doc: &Doc, kind: Kind, list: Vec<Found>) -> Entity {
    let mut names: Vec<String> = list.iter().map(|f| f.name.clone()).collect();
    names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    names.dedup();
    let name = names[0].clone();
    let mut aliases: Vec<String> = names[1..].to_vec();
    for f in &list {
        let s = surface(doc, f);
        if s != name && !aliases.contains(&s) && shape::name_like(&s) {
            aliases.push(s);
        }
    }
    aliases.sort();
    let mut mentions: Vec<Mention> = list.iter().map(|f| Mention { start: f.start, end: f.end }).collect();
    mentions.sort();
    mentions.dedup();
    Entity {
        name,
        kind,
        aliases,
        count: mentions.len(),
        mentions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn firm_short_forms_strip_head_words() {
        assert_eq!(firm_short_forms("Zorb Holding Group"), vec!["Zorb Holding", "Zorb"]);
        assert!(firm_short_forms("Zorb Cloud").is_empty());
    }

    #[test]
    fn loose_keys_ignore_generic_modifiers_and_plurals() {
        assert_eq!(
            loose_key(Kind::Zone, "Zed National Data Pilot Zones"),
            loose_key(Kind::Zone, "Zed Data Pilot Zone")
        );
        assert_ne!(loose_key(Kind::Firm, "National Zorb"), loose_key(Kind::Firm, "Zorb"));
    }
}
