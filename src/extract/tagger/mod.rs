//! The learned name tagger: a linear-chain model over hashed features, trained
//! offline (averaged structured perceptron, `examples/train_tagger.rs`), that marks
//! name spans with a coarse type in any English news. The gazetteers, word lists and
//! the rules' own reading of the text are among its features.

mod clusters;
pub mod features;
mod model;
mod packed;
pub mod train;

pub use features::{Context, RuleMark};
pub use model::Model;

/// How many words have a cluster (and loads the table, for timing it).
pub fn cluster_count() -> usize {
    clusters::len()
}

use super::doc::Doc;
use super::token::TokenKind;
use super::words::{FUNCTION_WORD_SET, ROLES, TITLE_SET, among, among_lowercased};

/// Coarse name types, as in CoNLL-2003.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Coarse {
    /// A person.
    Person,
    /// A place.
    Location,
    /// An organisation or company.
    Organisation,
    /// Another name (nationality, event, product, work).
    Other,
}

impl Coarse {
    /// Every type, in label order.
    pub const ALL: [Coarse; 4] = [
        Coarse::Person,
        Coarse::Location,
        Coarse::Organisation,
        Coarse::Other,
    ];

    /// The CoNLL tag ("PER", "LOC", "ORG", "MISC").
    pub fn tag(self) -> &'static str {
        match self {
            Coarse::Person => "PER",
            Coarse::Location => "LOC",
            Coarse::Organisation => "ORG",
            Coarse::Other => "MISC",
        }
    }

    /// The type of a CoNLL tag.
    pub fn from_tag(tag: &str) -> Option<Coarse> {
        Coarse::ALL.into_iter().find(|c| c.tag() == tag)
    }
}

/// Number of labels: O, then B- and I- of each coarse type.
pub const LABELS: usize = 9;

/// The label of the first token of a name of type `c`.
pub fn begin(c: Coarse) -> usize {
    1 + 2 * c as usize
}

/// The label of a later token of a name of type `c`.
pub fn inside(c: Coarse) -> usize {
    2 + 2 * c as usize
}

/// The type a label belongs to (`None` for O).
pub fn coarse_of(label: usize) -> Option<Coarse> {
    (label > 0).then(|| Coarse::ALL[(label - 1) / 2])
}

/// True when label `to` may follow label `from` (an I- continues its own type).
pub fn allowed(from: usize, to: usize) -> bool {
    to == 0 || to % 2 == 1 || from == to || from + 1 == to
}

/// A name the tagger found: tokens `first..=last` of type `coarse`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tagged {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Its coarse type.
    pub coarse: Coarse,
    /// How sure the last stage is: the least, over its tokens, of the label's score
    /// above O's.
    pub confidence: f32,
}

/// Maximal runs of tokens that may belong to a name (`start..end`).
pub fn segments(context: &Context) -> Vec<(usize, usize)> {
    let n = context.doc().tokens.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !context.eligible(i) {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < n && context.eligible(i) && !context.doc().tokens[i].newline_before {
            i += 1;
        }
        out.push((start, i));
    }
    out
}

/// A name without the connectors or punctuation it may have taken at either end
/// ("of Zed", "Zed and"), or `None` when nothing name-like is left.
pub fn trimmed(doc: &Doc, mut t: Tagged) -> Option<Tagged> {
    let edge = |i: usize| {
        let token = &doc.tokens[i];
        token.name_like || matches!(token.kind, TokenKind::Number)
    };
    // Leading words that are not part of a name: a function word opening the
    // sentence ("Since Chen ..."), a title or role ("CEO of Carloha"), then "of".
    while t.first < t.last {
        let token = &doc.tokens[t.first];
        let text = token.text(doc.body);
        let function = token.sentence_start && FUNCTION_WORD_SET.contains(text);
        let next_is_of = doc
            .tokens
            .get(t.first + 1)
            .is_some_and(|n| n.text(doc.body) == "of");
        let role = TITLE_SET.contains(text) || (next_is_of && among_lowercased(ROLES, text));
        let of = t.first > 0 && text == "of" && !doc.tokens[t.first - 1].name_like;
        // "The Fourth Zorbu Expo": the edition of an event is no part of its name.
        let edition = t.coarse == Coarse::Other && ordinal(text);
        if !(function || role || of || edition || !edge(t.first)) {
            break;
        }
        t.first += 1;
    }
    // A picture credit's "Photo" ("CGTN Photo") is no part of the outlet's name.
    while t.last > t.first
        && (!edge(t.last) || matches!(doc.text(t.last), "Photo" | "Photos" | "PHOTO"))
    {
        t.last -= 1;
    }
    (t.first <= t.last && edge(t.first)).then_some(t)
}

/// A name as the tagger's labels give it, made whole or cut where its words say so:
/// a person's name goes on over a syllable joined by a hyphen ("Kang Young-hoon",
/// where the labels stopped at "Young"), and a name read across a possessive
/// ("Italy's Dini", "Moscow's Central Clinical Hospital") is the name after it; the
/// owner is named on its own, by the rules or elsewhere in the article. A firm's own
/// name with a possessive ("Zorbo's Corp", "Zorbo's Technology") stays whole. A
/// person's name ending in a land noun is a place ("Stewart Island"); a listed
/// brand alone that no list of names holds is an organisation ("Lenovo").
pub fn reshaped(doc: &Doc, mut t: Tagged) -> Option<Tagged> {
    let tokens = &doc.tokens;
    if let Some(owner) = (t.first..t.last).rev().find(|&i| tokens[i].possessive) {
        let rest: Vec<usize> = (owner + 1..=t.last)
            .filter(|&i| tokens[i].is_word())
            .collect();
        let own_name = match rest.as_slice() {
            [one] => {
                let word = doc.text(*one).trim_end_matches('.');
                doc.gazetteer.legal_forms.contains_ci(word)
                    || super::words::is_head_word(word, super::Kind::Firm)
            }
            _ => false,
        };
        // "Zorbton's Growth": one English word after the possessive is the owner's
        // thing, and the owner is the name.
        let thing = match rest.as_slice() {
            [one] => doc.gazetteer.is_common(doc.text(*one)),
            _ => false,
        };
        if thing && !own_name {
            t.last = owner;
        } else if !own_name {
            t.first = owner + 1;
        }
    }
    // "Representatives of Zorbco": a plural common noun and "of" before a name are
    // who speaks for it, not part of it.
    if t.coarse == Coarse::Organisation
        && t.first + 2 <= t.last
        && tokens[t.first + 1].is_word()
        && doc.text(t.first + 1) == "of"
    {
        let word = doc.text(t.first);
        let lower = word.to_ascii_lowercase();
        let plural_noun = lower.len() > 3
            && lower.ends_with('s')
            && !lower.ends_with("ss")
            && doc.gazetteer.is_common(&lower)
            && !super::words::is_head_word(word, super::Kind::Org)
            && !super::words::is_head_word(word, super::Kind::Firm);
        if plural_noun {
            t.first += 2;
        }
    }
    if t.coarse == Coarse::Person
        && let [hyphen, syllable, ..] = &tokens[(t.last + 1).min(tokens.len())..]
        && hyphen.is_punct('-')
        && !hyphen.space_before
        && !syllable.space_before
        && syllable.is_word()
    {
        let text = syllable.text(doc.body);
        let short = (1..=4).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_lowercase());
        if short && !among!(NOT_SYLLABLES, text) {
            t.last += 2;
        }
    }
    // "Stewart Island": a name of two words or more that ends in a land noun no
    // surname list holds is a place, however personal its first word.
    if t.coarse == Coarse::Person && t.first < t.last {
        let last = doc.text(t.last);
        if super::words::among_lowercased(super::reconcile::LAND_NOUNS, last)
            && !doc.gazetteer.surnames.contains(last)
        {
            t.coarse = Coarse::Location;
        }
    }
    // "Lenovo has opened ...": one word the company list holds as a distinct brand,
    // and no list of given names or surnames holds, is no person's name alone.
    if t.coarse == Coarse::Person && t.first == t.last {
        let word = doc.text(t.first);
        let g = doc.gazetteer;
        let brand = doc.hit_covering(t.first).is_some_and(|h| {
            h.first == t.first
                && h.last == t.last
                && matches!(
                    h.entry,
                    super::gazetteer::Entry::Firm(super::gazetteer::Brand::Distinct)
                )
        });
        // ... and that the article never writes after another name-like word
        // ("Jim Zorbgrath ... Zorbgrath said": a surname no list holds).
        let after_a_name = brand
            && doc.tokens.iter().enumerate().any(|(j, token)| {
                j > 0
                    && j != t.first
                    && !token.newline_before
                    && token.text(doc.body) == word
                    && doc.tokens[j - 1].name_like
            });
        if brand && !after_a_name && !g.given.contains(word) && !g.surnames.contains(word) {
            t.coarse = Coarse::Organisation;
        }
    }
    Some(t)
}

/// Words joined by a hyphen after a name that make an adjective of it ("Clinton-era",
/// "Zorb-led"), not part of it.
const NOT_SYLLABLES: &[&str] = &[
    "era", "led", "run", "born", "type", "like", "made", "held", "ish",
];

/// An ordinal in words or figures ("Fourth", "21st"), "First" aside (a word of
/// many names: "First Bank").
pub(crate) fn ordinal(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "Second",
        "Third",
        "Fourth",
        "Fifth",
        "Sixth",
        "Seventh",
        "Eighth",
        "Ninth",
        "Tenth",
        "Eleventh",
        "Twelfth",
        "Thirteenth",
        "Fourteenth",
        "Fifteenth",
        "Sixteenth",
        "Seventeenth",
        "Eighteenth",
        "Nineteenth",
        "Twentieth",
    ];
    let figures = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[figures.len()..];
    among!(WORDS, word)
        || (!figures.is_empty()
            && figures.bytes().all(|b| b.is_ascii_digit())
            && matches!(suffix, "st" | "nd" | "rd" | "th"))
}

/// Names from labels, one per B- and its I- tokens.
pub fn spans_of(labels: &[usize], margins: &[f32]) -> Vec<Tagged> {
    let mut out: Vec<Tagged> = Vec::new();
    for (i, &label) in labels.iter().enumerate() {
        let Some(coarse) = coarse_of(label) else {
            continue;
        };
        let margin = margins.get(i).copied().unwrap_or(f32::INFINITY);
        match out.last_mut() {
            Some(last) if label % 2 == 0 && last.last + 1 == i && last.coarse == coarse => {
                last.last = i;
                last.confidence = last.confidence.min(margin);
            }
            _ => out.push(Tagged {
                first: i,
                last: i,
                coarse,
                confidence: margin,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(doc: &Doc, text: &str, coarse: Coarse) -> Tagged {
        let start = doc.body.find(text).expect("text in the body");
        let end = start + text.len();
        let first = doc.tokens.iter().position(|t| t.start == start);
        let last = doc.tokens.iter().rposition(|t| t.end == end);
        Tagged {
            first: first.expect("first token"),
            last: last.expect("last token"),
            coarse,
            confidence: 1.0,
        }
    }

    fn text_of<'a>(doc: &'a Doc<'a>, t: Tagged) -> &'a str {
        &doc.body[doc.tokens[t.first].start..doc.tokens[t.last].end]
    }

    #[test]
    fn a_name_read_across_a_possessive_is_the_name_after_it() {
        let doc = Doc::new("Zorbland's Quxo Vantar met Zorbo's Corp and Zorbo's Technology staff.");
        let t = reshaped(&doc, read(&doc, "Zorbland's Quxo Vantar", Coarse::Person));
        assert_eq!(t.map(|t| text_of(&doc, t)), Some("Quxo Vantar"));
        // One English word after it: the owner is the name.
        let doc2 = Doc::new("Secrets to Zorbton's Growth were shared.");
        let t = reshaped(&doc2, read(&doc2, "Zorbton's Growth", Coarse::Location));
        assert_eq!(t.map(|t| text_of(&doc2, t)), Some("Zorbton"));
        // A firm's own name with a possessive: a legal form or a head word after it.
        for name in ["Zorbo's Corp", "Zorbo's Technology"] {
            let t = reshaped(&doc, read(&doc, name, Coarse::Organisation));
            assert_eq!(t.map(|t| text_of(&doc, t)), Some(name));
        }
    }

    #[test]
    fn who_speaks_for_a_body_is_no_part_of_its_name() {
        let doc = Doc::new("Representatives of Zorbco and the Bank of Quxland spoke.");
        let t = reshaped(
            &doc,
            read(&doc, "Representatives of Zorbco", Coarse::Organisation),
        );
        assert_eq!(t.map(|t| text_of(&doc, t)), Some("Zorbco"));
        let t = reshaped(&doc, read(&doc, "Bank of Quxland", Coarse::Organisation));
        assert_eq!(t.map(|t| text_of(&doc, t)), Some("Bank of Quxland"));
    }

    #[test]
    fn the_edition_of_an_event_is_no_part_of_its_name() {
        let doc = Doc::new("The Fourth Zorbu Expo and the 21st Quxo Forum opened.");
        for (read_as, name) in [
            ("Fourth Zorbu Expo", "Zorbu Expo"),
            ("21st Quxo Forum", "Quxo Forum"),
        ] {
            let t = trimmed(&doc, read(&doc, read_as, Coarse::Other));
            assert_eq!(t.map(|t| text_of(&doc, t)), Some(name));
        }
        assert!(ordinal("Twelfth") && !ordinal("First") && !ordinal("21") && !ordinal("Forth"));
    }

    #[test]
    fn a_person_read_over_a_land_noun_is_a_place() {
        // A given name first ("Stewart Island"): the tagger leans on the person's
        // word; the land noun says where the name is.
        let doc = Doc::new("She visited Zorbo Island and met Quan Hills there.");
        let t = reshaped(&doc, read(&doc, "Zorbo Island", Coarse::Person));
        assert_eq!(t.map(|t| t.coarse), Some(Coarse::Location));
        // A land noun that is also a surname ends a person's name.
        let t = reshaped(&doc, read(&doc, "Quan Hills", Coarse::Person));
        assert_eq!(t.map(|t| t.coarse), Some(Coarse::Person));
    }

    #[test]
    fn a_listed_brand_alone_is_no_person() {
        // "Lenovo" is a distinct brand of the company list and in no list of names.
        let doc = Doc::new("Lenovo has opened a data center in Zorbton.");
        let t = reshaped(&doc, read(&doc, "Lenovo", Coarse::Person));
        assert_eq!(t.map(|t| t.coarse), Some(Coarse::Organisation));
        // Written after a name elsewhere, it is a surname no list holds.
        let doc = Doc::new("Lenovo said the plan was sound. Quan Lenovo spoke first.");
        let t = reshaped(&doc, read(&doc, "Lenovo", Coarse::Person));
        assert_eq!(t.map(|t| t.coarse), Some(Coarse::Person));
    }

    #[test]
    fn a_persons_name_goes_on_over_a_syllable_joined_by_a_hyphen() {
        let doc = Doc::new("Talks with Quan Zor-hoon ended; the Zorbo-led team left.");
        let t = reshaped(&doc, read(&doc, "Quan Zor", Coarse::Person));
        assert_eq!(t.map(|t| text_of(&doc, t)), Some("Quan Zor-hoon"));
        // An adjective made of a name is no part of it; nor is a place's syllable.
        let t = reshaped(&doc, read(&doc, "Zorbo", Coarse::Person));
        assert_eq!(t.map(|t| text_of(&doc, t)), Some("Zorbo"));
        let t = reshaped(&doc, read(&doc, "Quan Zor", Coarse::Location));
        assert_eq!(t.map(|t| text_of(&doc, t)), Some("Quan Zor"));
    }
}
