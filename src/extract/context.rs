//! Context cues that type what shape alone cannot: lists ("companies such as A, B and
//! C"; "A, B, C and D" with some known), roles ("CEO of X"), appositions ("X is a tech
//! firm"), places ("X province", "X-based", "in X, Y"), and speech ("said X Y").

use super::Kind;
use super::doc::{Doc, Rank};
use super::gazetteer::Entry;
use super::names::Span;
use super::token::shape;
use super::words::{FIRM_NOUNS, FUNCTION_WORD_SET, LIST_NOUNS, ROLES, SPEECH, among, among_lower};

/// Lower-case nouns right before a name that make it a company ("tech giant X").
const FIRM_BEFORE: &[&str] = &[
    "giant",
    "giants",
    "firm",
    "company",
    "startup",
    "start-up",
    "unicorn",
    "rival",
    "subsidiary",
    "carmaker",
    "automaker",
    "chipmaker",
    "retailer",
    "conglomerate",
    "maker",
    "developer",
    "provider",
    "manufacturer",
    "producer",
    "operator",
    "supplier",
    "vendor",
];
/// Roles that belong to companies ("CEO of X"); public roles ("secretary of X") do not type X.
const BUSINESS_ROLES: &[&str] = &[
    "ceo",
    "founder",
    "co-founder",
    "chairman",
    "chairwoman",
    "president",
    "vice-president",
    "executive",
    "manager",
    "cto",
    "cfo",
    "coo",
    "partner",
    "owner",
    "employee",
    "shareholder",
    "investor",
    "subsidiary",
    "unit",
    "division",
    "maker",
];
/// Photo-caption position words after a name.
const POSITIONS: &[&str] = &[
    "left", "right", "center", "centre", "front", "back", "second",
];

fn word<'a>(doc: &Doc<'a>, i: usize) -> Option<&'a str> {
    doc.tokens
        .get(i)
        .filter(|t| t.is_word())
        .map(|t| t.text(doc.body))
}

fn word_before<'a>(doc: &Doc<'a>, i: usize) -> Option<&'a str> {
    i.checked_sub(1).and_then(|j| word(doc, j))
}

/// Types the untyped spans in place and returns kind overrides for gazetteer hits.
pub fn apply(doc: &Doc, spans: &mut [Span]) -> Vec<(usize, Kind)> {
    for span in spans.iter_mut() {
        if span.kind.is_none()
            && let Some((kind, rank)) = cue(doc, span)
        {
            span.kind = Some(kind);
            span.rank = rank;
        }
    }
    lists(doc, spans);
    hit_overrides(doc)
}

fn cue(doc: &Doc, span: &Span) -> Option<(Kind, Rank)> {
    let (f, l) = (span.first, span.last);
    let single = f == l;
    let text = doc.span_text(f, l);
    let first_word = doc.text(f);
    let digit_led =
        shape::name_like(first_word) && first_word.starts_with(|c: char| c.is_ascii_digit());
    // "SoC", "SoCs", "MoU": a short mixed-case abbreviation is a term, not a brand.
    let stem = text.strip_suffix('s').unwrap_or(text);
    let abbreviation =
        stem.len() <= 4 && stem.chars().filter(char::is_ascii_uppercase).count() >= 2;
    // "StephanieIn the first week": a name glued to the next line's capitalised
    // function word where a line break was lost ("LinkedIn" stays a brand).
    let glued = text
        .char_indices()
        .skip(1)
        .filter(|(_, c)| c.is_uppercase())
        .last()
        .is_some_and(|(at, _)| {
            let (head, tail) = text.split_at(at);
            FUNCTION_WORD_SET.contains(tail)
                && (doc.gazetteer.given.contains(head) || doc.gazetteer.surnames.contains(head))
        });
    if (single && shape::camel(text) && !abbreviation && !glued) || digit_led {
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
    if single && doc.tokens[l].possessive && owns_person(doc, l + 1) {
        return Some((Kind::Firm, Rank::Context));
    }
    if business_role_after(doc, l) || founded_after(doc, l) {
        return Some((Kind::Firm, Rank::Context));
    }
    let before = word_before(doc, f).unwrap_or("");
    let possessive = f > 0 && doc.tokens[f - 1].possessive;
    // "Quxton-based Zorbu Robots": what a place is the base of is a company.
    let based = matches!(before, "based" | "headquartered")
        && f >= 2
        && doc.tokens[f - 2].is_punct('-')
        && !doc.tokens[f - 1].space_before;
    if (among!(FIRM_BEFORE, before) && !possessive)
        || based
        || apposition(doc, l)
        || named_after_comma(doc, f, l)
        || called_after_firm_noun(doc, f)
    {
        return Some((Kind::Firm, Rank::Context));
    }
    None
}

/// "its parent company, X," / "the chipmaker, X.": a name set off by commas right
/// after a determined company noun renames it.
fn named_after_comma(doc: &Doc, f: usize, l: usize) -> bool {
    let comma = |i: usize| doc.tokens.get(i).is_some_and(|t| t.is_punct(','));
    let closed = doc
        .tokens
        .get(l + 1)
        .is_none_or(|t| t.is_punct(',') || t.is_punct('.') || t.is_punct(';'));
    if f < 3 || !comma(f - 1) || !closed {
        return false;
    }
    let noun = word(doc, f - 2).unwrap_or("");
    let determiner = word(doc, f - 3).unwrap_or("");
    let determined = matches!(determiner, "its" | "the" | "their" | "parent" | "a" | "an");
    among!(FIRM_BEFORE, noun) && determined
}

/// "the new materials company, which is called X": a name a company noun is
/// "called" or "named" a few words before is the company's.
fn called_after_firm_noun(doc: &Doc, f: usize) -> bool {
    if !matches!(word_before(doc, f), Some("called" | "named" | "dubbed")) {
        return false;
    }
    let mut i = f - 1;
    for _ in 0..4 {
        let Some(j) = i.checked_sub(1) else {
            return false;
        };
        i = j;
        let t = &doc.tokens[i];
        if t.is_punct(',') {
            continue;
        }
        let Some(w) = word(doc, i) else {
            return false;
        };
        if among!(FIRM_BEFORE, w) {
            return true;
        }
        if !matches!(
            w,
            "which" | "that" | "is" | "was" | "now" | "also" | "simply"
        ) {
            return false;
        }
    }
    false
}

/// "X province", "X city", "X-based", "based in X", "mayor of X", "in X, <region>".
fn place_cue(doc: &Doc, f: usize, l: usize) -> Option<Kind> {
    let next = word(doc, l + 1).unwrap_or("");
    let g = doc.gazetteer;
    let name_words = (f..=l)
        .filter(|&i| doc.tokens[i].is_word())
        .all(|i| !g.is_common(doc.text(i)) && !g.demonyms.contains(doc.text(i)));
    if name_words && matches!(next, "province" | "district" | "county" | "prefecture") {
        return Some(Kind::Region);
    }
    if name_words && next == "city" {
        return Some(Kind::City);
    }
    // "Quxton local government", "Quxton municipal government": a place governed.
    let governed = matches!(next, "local" | "municipal" | "city" | "county")
        && word(doc, l + 2) == Some("government");
    if name_words && (governed || distance_from(doc, l)) {
        return Some(Kind::City);
    }
    let hyphen_based = doc
        .tokens
        .get(l + 1)
        .is_some_and(|t| t.is_punct('-') && !t.space_before)
        && word(doc, l + 2) == Some("based");
    let back = |n: usize| f.checked_sub(n).and_then(|j| word(doc, j)).unwrap_or("");
    if hyphen_based || (back(1) == "in" && matches!(back(2), "based" | "headquartered")) {
        return Some(Kind::City);
    }
    if back(1) == "of" && matches!(back(2), "mayor" | "Mayor") {
        return Some(Kind::City);
    }
    let settlement = |w: &str| matches!(w, "town" | "city" | "village" | "township" | "capital");
    let described = doc.tokens.get(l + 1).is_some_and(|t| t.is_punct(','))
        && matches!(word(doc, l + 2), Some("a" | "the"))
        && (l + 3..l + 6).any(|i| word(doc, i).is_some_and(settlement))
        && (l + 4..l + 8).any(|i| matches!(word(doc, i), Some("in" | "of")));
    if name_words && (described || (back(1) == "of" && settlement(back(2)) && back(3) == "the")) {
        return Some(Kind::City);
    }
    let region_after = doc.tokens.get(l + 1).is_some_and(|t| t.is_punct(','))
        && doc.hit_covering(l + 2).is_some_and(|h| {
            h.first == l + 2
                && matches!(
                    h.entry,
                    Entry::Place {
                        kind: Kind::Region | Kind::Country,
                        ..
                    }
                )
        });
    (back(1) == "in" && region_after).then_some(Kind::City)
}

/// "X, 200 km (120 miles) west of Y", "X, about 50 kilometers from Y": a place
/// located by its distance from another.
fn distance_from(doc: &Doc, l: usize) -> bool {
    let comma = doc.tokens.get(l + 1).is_some_and(|t| t.is_punct(','));
    let unit = |w: &str| matches!(w, "km" | "kilometers" | "kilometres" | "miles" | "mi");
    let number = (l + 2..l + 4).find(|&i| {
        doc.tokens
            .get(i)
            .is_some_and(|t| t.text(doc.body).starts_with(|c: char| c.is_ascii_digit()))
    });
    let Some(number) = number else {
        return false;
    };
    let located = (number + 1..number + 10).any(|i| matches!(word(doc, i), Some("of" | "from")));
    comma && word(doc, number + 1).is_some_and(unit) && located
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
        r if among!(BUSINESS_ROLES, r) => Some(Kind::Firm),
        _ => None,
    }
}

/// "X founder and CEO ...", "X chairman ...": a company's role right after its name.
fn business_role_after(doc: &Doc, l: usize) -> bool {
    !doc.tokens[l].possessive
        && word(doc, l + 1).is_some_and(|w| {
            matches!(
                w,
                "founder" | "co-founder" | "chairman" | "chairwoman" | "CEO" | "ceo" | "president"
            )
        })
}

/// "X, which was founded in ...", "X was founded by ...".
fn founded_after(doc: &Doc, l: usize) -> bool {
    let mut i = l + 1;
    if doc.tokens.get(i).is_some_and(|t| t.is_punct(',')) {
        i += 1;
        if word(doc, i) != Some("which") {
            return false;
        }
        i += 1;
    }
    word(doc, i) == Some("was") && word(doc, i + 1) == Some("founded")
}

/// Words that may stand between an apposition's comma and its role ("X, a former
/// executive of ...", "X, the then deputy mayor").
const ROLE_LEAD: &[&str] = &[
    "a", "an", "the", "former", "then", "senior", "retired", "longtime", "veteran", "founding",
    "current", "acting",
];

/// A role at word `i`, maybe after an article and a qualifier or two.
fn role_follows(doc: &Doc, mut i: usize) -> bool {
    for _ in 0..3 {
        match word(doc, i) {
            Some(w) if among!(ROLE_LEAD, w) => i += 1,
            _ => break,
        }
    }
    word(doc, i).is_some_and(|w| among_lower(ROLES, w.trim_start_matches("vice-")))
}

/// A person name (by shape) starts at token `i`, maybe after a role ("chair").
fn owns_person(doc: &Doc, mut i: usize) -> bool {
    if word(doc, i).is_some_and(|w| among_lower(ROLES, w) && w.chars().all(char::is_lowercase)) {
        i += 1;
    }
    let words: Vec<usize> = (i..i + 3)
        .take_while(|&j| doc.name_like(j) && doc.tokens[j].space_before)
        .collect();
    (2..=3).contains(&words.len())
        && words
            .iter()
            .all(|&j| shape::capitalised(doc.text(j)) && doc.hit_covering(j).is_none())
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
    if comma && !matches!(word(doc, i), Some("a" | "an" | "the" | "one")) {
        return false;
    }
    for _ in 0..9 {
        let Some(t) = doc.tokens.get(i) else {
            return false;
        };
        if t.is_punct('.') || t.is_punct(';') || t.is_punct('(') {
            return false;
        }
        if let Some(w) = word(doc, i) {
            if matches!(
                w,
                "which" | "that" | "who" | "and" | "said" | "has" | "have"
            ) {
                return false;
            }
            if among!(FIRM_NOUNS, w) {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// Two or three capitalised words with a speech verb, a role apposition, or a photo position.
fn person_cue(doc: &Doc, span: &Span) -> bool {
    let words: Vec<usize> = (span.first..=span.last)
        .filter(|&i| doc.tokens[i].is_word())
        .collect();
    if !(2..=3).contains(&words.len()) || span.last - span.first + 1 != words.len() {
        return false;
    }
    // "Series A": a family name is never one letter.
    let shaped = words.iter().all(|&i| {
        let t = doc.text(i);
        shape::capitalised(t) && !shape::all_caps(t)
    }) && words.last().is_some_and(|&i| doc.text(i).len() > 1);
    let unlisted = words.iter().all(|&i| doc.hit_covering(i).is_none());
    // A surname that is also a listed brand ("Kazuo Tanabe, a former executive"):
    // only the surest cues, and never when a place is inside.
    let brand_inside = words.iter().all(|&i| {
        doc.hit_covering(i)
            .is_none_or(|h| matches!(h.entry, Entry::Firm(_)) && h.first == h.last)
    });
    if !shaped || !(unlisted || brand_inside) {
        return false;
    }
    let before = word_before(doc, span.first).unwrap_or("");
    let after = word(doc, span.last + 1).unwrap_or("");
    let comma_role = doc
        .tokens
        .get(span.last + 1)
        .is_some_and(|t| t.is_punct(','))
        && role_follows(doc, span.last + 2);
    let position = doc
        .tokens
        .get(span.last + 1)
        .is_some_and(|t| t.is_punct('('))
        && word(doc, span.last + 2).is_some_and(|w| among!(POSITIONS, w));
    // "Quuxcorp's Zorbo Quux", "chair Zorbo Quux": a company's person, a role.
    let owner = span.first > 0
        && doc.tokens[span.first - 1].possessive
        && doc.name_like(span.first - 1)
        && !FUNCTION_WORD_SET.contains(doc.text(span.first - 1));
    let role_before = among_lower(ROLES, before);
    let sure = among!(SPEECH, before) || among!(SPEECH, after) || comma_role || span.titled;
    sure || (unlisted && (position || owner || role_before))
}

/// Items of coordinated lists, typed by a trigger noun or by their known members.
fn lists(doc: &Doc, spans: &mut [Span]) {
    let mut n = 0;
    while n < spans.len() {
        let mut end = n;
        while end + 1 < spans.len() && coordinated(doc, spans[end].last, spans[end + 1].first) {
            end += 1;
        }
        let items = end - n + 1;
        let joined = end > n && coordinated_with_and(doc, spans[end - 1].last, spans[end].first);
        if items >= 3
            || joined
            || trigger(doc, spans[n].first).is_some()
            || trailing_other_noun(doc, spans[end].last + 1).is_some()
        {
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

/// The separator before the last item has "and", "or" or "&".
fn coordinated_with_and(doc: &Doc, left_last: usize, right_first: usize) -> bool {
    (left_last + 1..right_first).any(|i| matches!(doc.tokens[i].text(doc.body), "and" | "or" | "&"))
}

/// "companies such as", "enterprises, including", "firms like" before token `first`.
fn trigger(doc: &Doc, first: usize) -> Option<Kind> {
    let mut i = first.checked_sub(1)?;
    // "Other investors in the round included A, B and C": the noun may be a few words back.
    if matches!(word(doc, i), Some("include" | "includes" | "included")) {
        return (i.saturating_sub(10)..i)
            .rev()
            .take_while(|&j| !doc.tokens[j].is_punct('.'))
            .filter_map(|j| word(doc, j))
            .find_map(|w| {
                LIST_NOUNS
                    .iter()
                    .find(|(n, _)| *n == w.trim_start_matches("co-"))
                    .map(|(_, k)| *k)
            });
    }
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
    span.kind.or_else(|| {
        doc.hit_exactly(span.first, span.last)
            .map(|h| h.entry.kind())
    })
}

/// "A, B and C counties", "A and B provinces": a plural place noun right after a
/// list names the kind of every item.
fn trailing_place_noun(doc: &Doc, last: usize) -> Option<Kind> {
    plural_place_noun(word(doc, last + 1)?)
}

/// The kind a plural place noun gives the names it lists.
fn plural_place_noun(noun: &str) -> Option<Kind> {
    match noun {
        "counties" | "districts" | "prefectures" | "provinces" | "regions" => Some(Kind::Region),
        "cities" | "towns" => Some(Kind::City),
        _ => None,
    }
}

/// "the counties of A, B and C", "the three border counties (cities) of A, B, and
/// C": a plural place noun before "of" opening a list names the kind of every item.
fn leading_place_noun(doc: &Doc, first: usize) -> Option<Kind> {
    let of = first.checked_sub(1)?;
    if word(doc, of) != Some("of") {
        return None;
    }
    let mut noun = of.checked_sub(1)?;
    // "(cities)": a bracketed second noun between the noun and "of".
    if doc.tokens[noun].is_punct(')') {
        let open = (noun.saturating_sub(3)..noun)
            .rev()
            .find(|&i| doc.tokens[i].is_punct('('))?;
        noun = open.checked_sub(1)?;
    }
    // Not "the regions of A and B": countries have regions, and are no region.
    match word(doc, noun)? {
        "regions" => None,
        noun => plural_place_noun(noun),
    }
}

/// "A, B and many other famous firms": the kind of the list noun after "other" in
/// the words from token `from` on (separators, a quantifier, up to three
/// lower-case words).
fn trailing_other_noun(doc: &Doc, from: usize) -> Option<Kind> {
    let mut i = from;
    while doc
        .tokens
        .get(i)
        .is_some_and(|t| matches!(t.text(doc.body), "," | "and" | "or"))
    {
        i += 1;
    }
    if matches!(word(doc, i), Some("many" | "several" | "some" | "numerous")) {
        i += 1;
    }
    if word(doc, i) != Some("other") {
        return None;
    }
    for j in i + 1..i + 5 {
        let w = word(doc, j)?;
        if let Some((_, kind)) = LIST_NOUNS.iter().find(|(n, _)| *n == w) {
            return matches!(kind, Kind::Firm | Kind::Org).then_some(*kind);
        }
        if !w.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
    }
    None
}

fn type_list(doc: &Doc, items: &mut [Span]) {
    let last = items[items.len() - 1].last;
    if let Some(kind) = trailing_other_noun(doc, last + 1) {
        for span in items.iter_mut() {
            span.kind = Some(kind);
            span.rank = Rank::Context;
        }
        return;
    }
    if items.len() > 1
        && let Some(kind) =
            trailing_place_noun(doc, last).or_else(|| leading_place_noun(doc, items[0].first))
    {
        for span in items.iter_mut().filter(|s| s.kind != Some(Kind::Person)) {
            span.kind = Some(kind);
            span.rank = Rank::Context;
        }
        return;
    }
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
            && doc
                .gazetteer
                .chinese_surnames
                .contains(doc.text(span.first));
        if !single_surname {
            span.kind = Some(kind);
            span.rank = Rank::Context;
        }
    }
}

/// Listed places whose kind the next word settles ("Jilin province", "Jilin city",
/// "Washington state"), and listed companies' one-word names before a unit
/// ("Zorbfeng district").
fn hit_overrides(doc: &Doc) -> Vec<(usize, Kind)> {
    let mut out = Vec::new();
    for (n, hit) in doc.hits.iter().enumerate() {
        let Entry::Place { kind, .. } = hit.entry else {
            // "Zorbfeng district": a one-word company name before a lower-case
            // unit of government is a place's name there.
            let unit = matches!(
                word(doc, hit.last + 1),
                Some("district" | "county" | "prefecture" | "township")
            );
            if unit && hit.first == hit.last && hit.entry.kind() == Kind::Firm {
                out.push((n, Kind::Region));
            }
            continue;
        };
        match word(doc, hit.last + 1) {
            Some("province" | "state") if kind == Kind::City => out.push((n, Kind::Region)),
            // "the Zorbia city of Quxton" names a city of the region, not the region.
            Some("city") if kind == Kind::Region && word(doc, hit.last + 2) != Some("of") => {
                out.push((n, Kind::City))
            }
            _ => {}
        }
    }
    for (n, hit) in doc.hits.iter().enumerate() {
        if let Some(kind) = listed_before_place_noun(doc, hit.first, hit.last)
            && kind != hit.entry.kind()
            && !out.iter().any(|(m, _)| *m == n)
        {
            out.push((n, kind));
        }
    }
    out
}

/// A listed name that is an item of "A, B and C counties": the noun's kind.
pub(super) fn listed_before_place_noun(doc: &Doc, first: usize, last: usize) -> Option<Kind> {
    let after_and = first
        .checked_sub(1)
        .is_some_and(|i| matches!(doc.tokens[i].text(doc.body), "and" | "or"));
    if after_and {
        return trailing_place_noun(doc, last).or_else(|| listed_after_place_noun(doc, first));
    }
    let mut separated = false;
    for i in last + 1..(last + 16).min(doc.tokens.len()) {
        let t = &doc.tokens[i];
        if t.newline_before {
            return None;
        }
        let text = t.text(doc.body);
        if matches!(text, "," | "and" | "or") {
            separated = true;
        } else if t.is_word() && doc.name_like(i) {
            continue;
        } else {
            return if separated && i > last + 1 {
                trailing_place_noun(doc, i - 1).or_else(|| trailing_other_noun(doc, i))
            } else {
                None
            };
        }
    }
    None
}

/// A listed name that is the last item of "the counties of A, B and C": the noun's
/// kind ([`leading_place_noun`]).
fn listed_after_place_noun(doc: &Doc, first: usize) -> Option<Kind> {
    let mut separated = false;
    for i in (first.saturating_sub(16)..first).rev() {
        let t = &doc.tokens[i];
        let text = t.text(doc.body);
        if matches!(text, "," | "and" | "or") {
            separated = true;
        } else if text == "of" {
            return if separated {
                leading_place_noun(doc, i + 1)
            } else {
                None
            };
        } else if !(t.is_word() && doc.name_like(i)) || doc.tokens[i + 1].newline_before {
            return None;
        }
    }
    None
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
        assert!(
            got.contains(&(name.to_string(), Some(kind))),
            "{name} {kind} not in {got:?}"
        );
    }

    #[test]
    fn typed_lists_after_include() {
        has(
            "Other investors in the deal included Zorbify and Blarg Partners.",
            "Zorbify",
            Kind::Firm,
        );
    }

    #[test]
    fn business_roles_and_founding_type_firms() {
        has(
            "said Zorbify founder and CEO Mary Quux.",
            "Zorbify",
            Kind::Firm,
        );
        has(
            "money from Blargo, which was founded in 2018.",
            "Blargo",
            Kind::Firm,
        );
        has("industrial robot maker Zorbify said", "Zorbify", Kind::Firm);
    }

    #[test]
    fn typed_lists() {
        has(
            "It beat rivals such as Zorbify, Quuxo and Blarg.",
            "Quuxo",
            Kind::Firm,
        );
        has(
            "It beat companies such as Zorbify, Quuxo and Blarg.",
            "Quuxo",
            Kind::Firm,
        );
        has(
            "Local enterprises, including Zorbify and Blarg, grew.",
            "Blarg",
            Kind::Firm,
        );
        has(
            "He toured universities such as Qarth Polytechnic.",
            "Qarth Polytechnic",
            Kind::Org,
        );
    }

    #[test]
    fn lists_with_a_known_member() {
        has(
            "Tencent, Zorbify, Quuxo and Blarg bid.",
            "Blarg",
            Kind::Firm,
        );
    }

    #[test]
    fn roles_and_appositions() {
        has("said Mary Lee, CEO of Zorbify.", "Zorbify", Kind::Firm);
        has("Zorbify is a leading tech firm.", "Zorbify", Kind::Firm);
        has(
            "It hired Quuxo, a drone maker based in Wuhan.",
            "Quuxo",
            Kind::Firm,
        );
        has(
            "The deal went to tech giant Zorbify today.",
            "Zorbify",
            Kind::Firm,
        );
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
        has(
            "They met in Quxton, the town in eastern Zed.",
            "Quxton",
            Kind::City,
        );
        has("It reached the city of Quxton soon.", "Quxton", Kind::City);
    }

    #[test]
    fn person_cues() {
        has("\"Yes,\" said Zorbo Quux.", "Zorbo Quux", Kind::Person);
        has(
            "Zorbo Quux (left) signs the deal.",
            "Zorbo Quux",
            Kind::Person,
        );
        has(
            "Zorbo Quux, director of sales, agreed.",
            "Zorbo Quux",
            Kind::Person,
        );
        has(
            "We heard Blorpcorp's Zorbo Quux speak.",
            "Zorbo Quux",
            Kind::Person,
        );
        has(
            "It invited chair Zorbo Quux too.",
            "Zorbo Quux",
            Kind::Person,
        );
        has(
            "We heard Blorpcorp's Zorbo Quux speak.",
            "Blorpcorp",
            Kind::Firm,
        );
    }

    #[test]
    fn a_listed_city_followed_by_province_is_a_region() {
        let doc = Doc::new("It is in Wuhan province.");
        let overrides = hit_overrides(&doc);
        assert_eq!(overrides, vec![(0, Kind::Region)]);
        let doc = Doc::new("Apples from Washington state and talks in Washington.");
        assert_eq!(hit_overrides(&doc), vec![(0, Kind::Region)]);
    }

    #[test]
    fn a_listed_company_name_before_a_lower_case_unit_is_a_region() {
        // "Activision" stands for any one-word name of the company list.
        let doc = Doc::new("The park lies in Activision district of Quxton.");
        assert_eq!(hit_overrides(&doc), vec![(0, Kind::Region)]);
        let doc = Doc::new("Activision county and Activision shares.");
        assert_eq!(hit_overrides(&doc), vec![(0, Kind::Region)]);
        let doc = Doc::new("Activision said sales rose.");
        assert_eq!(hit_overrides(&doc), vec![]);
    }

    #[test]
    fn a_place_noun_before_of_types_the_list_after_it() {
        let body = "The zone covers the three border counties (cities) of Zorbxi, Quxpo, \
                    and Blargbao, where bonded zones are to be built.";
        for name in ["Zorbxi", "Quxpo", "Blargbao"] {
            has(body, name, Kind::Region);
        }
        has(
            "Trade links the cities of Zorbton and Quxville with the coast.",
            "Quxville",
            Kind::City,
        );
        // A listed company as the list's last item takes the noun's kind too.
        let doc = Doc::new("It covers the counties of Zorbxi, Quxpo and Activision.");
        assert_eq!(hit_overrides(&doc).last().map(|o| o.1), Some(Kind::Region));
        // Without the noun, no kind is given.
        let doc = Doc::new("It covers the shares of Zorbxi, Quxpo and Activision.");
        assert_eq!(hit_overrides(&doc), vec![]);
    }
}
