//! Context cues that type what shape alone cannot: lists ("companies such as A, B and
//! C"; "A, B, C and D" with some known), roles ("CEO of X"), appositions ("X is a tech
//! firm"), places ("X province", "X-based", "in X, Y"), and speech ("said X Y").

use super::Kind;
use super::doc::{Doc, Rank};
use super::gazetteer::Entry;
use super::names::Span;
use super::token::shape;
use super::words::{FIRM_NOUNS, LIST_NOUNS, ROLES, SPEECH, among_lower};

/// Lower-case nouns right before a name that make it a company ("tech giant X").
const FIRM_BEFORE: &[&str] = &[
    "giant", "giants", "firm", "company", "startup", "start-up", "unicorn", "rival",
    "subsidiary", "carmaker", "automaker", "chipmaker", "retailer", "conglomerate",
];
/// Photo-caption position words after a name.
const POSITIONS: &[&str] = &["left", "right", "center", "centre", "front", "back", "second"];

fn word<'a>(doc: &Doc<'a>, i: usize) -> Option<&'a str> {
    doc.tokens.get(i).filter(|t| t.is_word()).map(|t| t.text(doc.body))
}

fn word_before<'a>(doc: &Doc<'a>, i: usize) -> Option<&'a str> {
    i.checked_sub(1).and_then(|j| word(doc, j))
}

/// Types the untyped spans in place and returns kind overrides for gazetteer hits.
pub fn apply(doc: &Doc, spans: &mut [Span]) -> Vec<(usize, Kind)> {
    for n in 0..spans.len() {
        if spans[n].kind.is_none() {
            if let Some((kind, rank)) = cue(doc, &spans[n]) {
                spans[n].kind = Some(kind);
                spans[n].rank = rank;
            }
        }
    }
    lists(doc, spans);
    hit_overrides(doc)
}

fn cue(doc: &Doc, span: &Span) -> Option<(Kind, Rank)> {
    let (f, l) = (span.first, span.last);
    let single = f == l;
    let text = doc.span_text(f, l);
    if single && (shape::camel(text) || shape::name_like(text) && text.starts_with(|c: char| c.is_ascii_digit())) {
        return Some((Kind::Firm, Rank::Shape));
    }
    if let Some(kind) = place_cue(doc, f, l) {
        return Some((kind, Rank::Context));
    }
    if let Some(kind) = role_of(doc, f) {
        return Some((kind, Rank::Context));
    }
    if person_cue(doc, span) {
        return Some((Kind::Person, Rank::Context));
    }
    let before = word_before(doc, f).unwrap_or("");
    if FIRM_BEFORE.contains(&before) || apposition(doc, l) {
        return Some((Kind::Firm, Rank::Context));
    }
    None
}

/// "X province", "X city", "X-based", "based in X", "mayor of X", "in X, <region>".
fn place_cue(doc: &Doc, f: usize, l: usize) -> Option<Kind> {
    let next = word(doc, l + 1).unwrap_or("");
    if next == "province" {
        return Some(Kind::Region);
    }
    if next == "city" {
        return Some(Kind::City);
    }
    let hyphen_based = doc.tokens.get(l + 1).is_some_and(|t| t.is_punct('-') && !t.space_before)
        && word(doc, l + 2) == Some("based");
    let back = |n: usize| f.checked_sub(n).and_then(|j| word(doc, j)).unwrap_or("");
    if hyphen_based || (back(1) == "in" && matches!(back(2), "based" | "headquartered")) {
        return Some(Kind::City);
    }
    if back(1) == "of" && matches!(back(2), "mayor" | "Mayor") {
        return Some(Kind::City);
    }
    let region_after = doc.tokens.get(l + 1).is_some_and(|t| t.is_punct(','))
        && doc.hit_covering(l + 2).is_some_and(|h| {
            h.first == l + 2 && matches!(h.entry, Entry::Place { kind: Kind::Region | Kind::Country, .. })
        });
    (back(1) == "in" && region_after).then_some(Kind::City)
}

/// "<role> of X": a company, or a place for mayors and governors.
fn role_of(doc: &Doc, f: usize) -> Option<Kind> {
    let mut i = f.checked_sub(1)?;
    if word(doc, i) == Some("the") {
        i = i.checked_sub(1)?;
    }
    if word(doc, i) != Some("of") {
        return None;
    }
    let role = word(doc, i.checked_sub(1)?)?;
    let role = role.to_lowercase();
    match role.as_str() {
        "mayor" => Some(Kind::City),
        "governor" | "vice-governor" | "capital" => Some(Kind::Region),
        r if ROLES.contains(&r) && r != "member" => Some(Kind::Firm),
        _ => None,
    }
}

/// "X is a (leading) tech firm", "X, a Foo-based startup", "X is one of the first companies".
fn apposition(doc: &Doc, l: usize) -> bool {
    let mut i = l + 1;
    let opener = word(doc, i);
    let comma = doc.tokens.get(i).is_some_and(|t| t.is_punct(','));
    if !comma && !matches!(opener, Some("is" | "was" | "became" | "remains")) {
        return false;
    }
    i += 1;
    for _ in 0..9 {
        let Some(t) = doc.tokens.get(i) else {
            return false;
        };
        if t.is_punct('.') || t.is_punct(';') || t.is_punct('(') {
            return false;
        }
        if let Some(w) = word(doc, i) {
            if matches!(w, "which" | "that" | "who" | "and" | "said" | "has" | "have") {
                return false;
            }
            if FIRM_NOUNS.contains(&w) {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// Two or three capitalised words with a speech verb, a role apposition, or a photo position.
fn person_cue(doc: &Doc, span: &Span) -> bool {
    let words: Vec<usize> = (span.first..=span.last).filter(|&i| doc.tokens[i].is_word()).collect();
    if !(2..=3).contains(&words.len()) || span.last - span.first + 1 != words.len() {
        return false;
    }
    let plain = words.iter().all(|&i| {
        let t = doc.text(i);
        shape::capitalised(t) && !shape::all_caps(t) && doc.hit_covering(i).is_none()
    });
    if !plain {
        return false;
    }
    let before = word_before(doc, span.first).unwrap_or("");
    let after = word(doc, span.last + 1).unwrap_or("");
    let comma_role = doc.tokens.get(span.last + 1).is_some_and(|t| t.is_punct(','))
        && word(doc, span.last + 2).is_some_and(|w| among_lower(ROLES, w.trim_start_matches("vice-")));
    let position = doc.tokens.get(span.last + 1).is_some_and(|t| t.is_punct('('))
        && word(doc, span.last + 2).is_some_and(|w| POSITIONS.contains(&w));
    SPEECH.contains(&before) || SPEECH.contains(&after) || comma_role || position || span.titled
}

/// Items of coordinated lists, typed by a trigger noun or by their known members.
fn lists(doc: &Doc, spans: &mut [Span]) {
    let mut n = 0;
    while n < spans.len() {
        let mut end = n;
        while end + 1 < spans.len() && coordinated(doc, spans[end].last, spans[end + 1].first) {
            end += 1;
        }
        if end > n || trigger(doc, spans[n].first).is_some() {
            type_list(doc, &mut spans[n..=end]);
        }
        n = end + 1;
    }
}

/// Only list separators between two items: ",", "and", "or", ", and", optionally "the".
fn coordinated(doc: &Doc, left_last: usize, right_first: usize) -> bool {
    let between = left_last + 1..right_first;
    if between.is_empty() || between.len() > 3 || doc.tokens[right_first].newline_before {
        return false;
    }
    let mut saw = false;
    for i in between {
        let t = &doc.tokens[i];
        let text = t.text(doc.body);
        match text {
            "," | "and" | "or" | "&" => saw = true,
            "the" => {}
            _ => return false,
        }
    }
    saw
}

/// "companies such as", "enterprises, including", "firms like" before token `first`.
fn trigger(doc: &Doc, first: usize) -> Option<Kind> {
    let mut i = first.checked_sub(1)?;
    if word(doc, i) == Some("as") && word(doc, i.checked_sub(1)?) == Some("such") {
        i = i.checked_sub(2)?;
    } else if matches!(word(doc, i), Some("like" | "including")) {
        i = i.checked_sub(1)?;
    } else {
        return None;
    }
    if doc.tokens[i].is_punct(',') {
        i = i.checked_sub(1)?;
    }
    let noun = word(doc, i)?;
    LIST_NOUNS.iter().find(|(w, _)| *w == noun).map(|(_, k)| *k)
}

fn item_kind(doc: &Doc, span: &Span) -> Option<Kind> {
    span.kind.or_else(|| doc.hit_exactly(span.first, span.last).map(|h| h.entry.kind()))
}

fn type_list(doc: &Doc, items: &mut [Span]) {
    let kind = trigger(doc, items[0].first).or_else(|| {
        let known: Vec<Kind> = items.iter().filter_map(|s| item_kind(doc, s)).collect();
        let first = *known.first()?;
        let uniform = known.iter().all(|&k| k == first);
        let useful = matches!(first, Kind::Firm | Kind::Zone | Kind::Org);
        (uniform && useful && known.len() < items.len()).then_some(first)
    });
    let Some(kind) = kind else {
        return;
    };
    for span in items.iter_mut().filter(|s| s.kind.is_none()) {
        let single_surname = span.first == span.last
            && doc.gazetteer.chinese_surnames.contains(doc.text(span.first));
        if !single_surname {
            span.kind = Some(kind);
            span.rank = Rank::Context;
        }
    }
}

/// Listed places whose kind the next word settles ("Jilin province", "Jilin city").
fn hit_overrides(doc: &Doc) -> Vec<(usize, Kind)> {
    let mut out = Vec::new();
    for (n, hit) in doc.hits.iter().enumerate() {
        let Entry::Place { kind, .. } = hit.entry else {
            continue;
        };
        match word(doc, hit.last + 1) {
            Some("province") if kind == Kind::City => out.push((n, Kind::Region)),
            Some("city") if kind == Kind::Region => out.push((n, Kind::City)),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::names::spans;

    fn typed(body: &str) -> Vec<(String, Option<Kind>)> {
        let doc = Doc::new(body);
        let mut s = spans(&doc);
        apply(&doc, &mut s);
        s.into_iter().map(|s| (s.name, s.kind)).collect()
    }

    fn has(body: &str, name: &str, kind: Kind) {
        let got = typed(body);
        assert!(got.contains(&(name.to_string(), Some(kind))), "{name} {kind} not in {got:?}");
    }

    #[test]
    fn typed_lists() {
        has("Rivals such as Zorbify, Quuxo and Blarg cut prices.", "Quuxo", Kind::Firm);
        has("Local enterprises, including Zorbify and Blarg, grew.", "Blarg", Kind::Firm);
        has("He toured universities such as Qarth Tech.", "Qarth Tech", Kind::Org);
    }

    #[test]
    fn lists_with_a_known_member() {
        has("Tencent, Zorbify, Quuxo and Blarg bid.", "Blarg", Kind::Firm);
    }

    #[test]
    fn roles_and_appositions() {
        has("said Mary Lee, CEO of Zorbify.", "Zorbify", Kind::Firm);
        has("Zorbify is a leading tech firm.", "Zorbify", Kind::Firm);
        has("It hired Quuxo, a drone maker based in Wuhan.", "Quuxo", Kind::Firm);
        has("The deal went to tech giant Zorbify today.", "Zorbify", Kind::Firm);
    }

    #[test]
    fn camel_case_names_are_firms() {
        has("We met SkyWorx there.", "SkyWorx", Kind::Firm);
    }

    #[test]
    fn place_cues() {
        has("They moved to Zorbu province.", "Zorbu", Kind::Region);
        has("A Quxton-based group", "Quxton", Kind::City);
        has("He spoke in Quxton, California.", "Quxton", Kind::City);
    }

    #[test]
    fn person_cues() {
        has("\"Yes,\" said Zorbo Quux.", "Zorbo Quux", Kind::Person);
        has("Zorbo Quux (left) signs the deal.", "Zorbo Quux", Kind::Person);
        has("Zorbo Quux, director of sales, agreed.", "Zorbo Quux", Kind::Person);
    }

    #[test]
    fn a_listed_city_followed_by_province_is_a_region() {
        let doc = Doc::new("It is in Wuhan province.");
        let overrides = hit_overrides(&doc);
        assert_eq!(overrides, vec![(0, Kind::Region)]);
    }
}
