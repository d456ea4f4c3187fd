//! Figures: money ("50 billion yuan", "$15 billion"), percentages ("30%"), and counts
//! with a unit ("2,200 high-density server cabinets", "59 degrees Fahrenheit").

use super::doc::Doc;
use super::token::{Token, TokenKind};
use super::words::{among, mark_initials};

const SCALES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "mln", "bln", "bn",
];
const CURRENCIES: &[&str] = &[
    "yuan", "dollars", "dollar", "euros", "euro", "pounds", "yen", "won", "rupees", "rmb", "RMB",
    "renminbi", "usd", "USD", "HKD", "francs", "rubles", "roubles", "ringgit", "baht",
];
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "dozen",
    "dozens",
    "thousands",
    "millions",
];
/// Words that end a count phrase before any unit noun.
const STOP: &[&str] = &[
    "of", "the", "and", "in", "to", "for", "from", "by", "with", "at", "on", "than", "or", "that",
    "which", "is", "was", "has", "this", "its", "as", "us", "a", "an", "per", "his", "her",
    "their", "our", "were", "are", "be", "been", "years", "yes",
];
const UNITS_AFTER: &[&str] = &["Fahrenheit", "Celsius", "per", "a", "each"];
/// Count nouns whose plural has no "s", and unit symbols written after a number
/// ("200 km", "10,000km", "5 MW", "300 mu").
const BARE_UNITS: &[&str] = &[
    "people",
    "children",
    "staff",
    "personnel",
    "km",
    "kilometre",
    "kilometer",
    "m",
    "cm",
    "mm",
    "kg",
    "ha",
    "mu",
    "MW",
    "GW",
    "kW",
    "kWh",
    "MWh",
    "GWh",
    "TEU",
];
/// Denominators of spelled fractions ("two-thirds", "one fifth").
const FRACTIONS: &[&str] = &[
    "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths",
];
/// Numerators of spelled fractions.
const NUMERATORS: &[&str] = &["one", "two", "three", "four", "One", "Two", "Three", "a"];

/// A figure's byte range.
pub type Range = (usize, usize);

fn word<'a>(doc: &Doc<'a>, i: usize) -> Option<&'a str> {
    doc.tokens
        .get(i)
        .filter(|t| t.is_word())
        .map(|t| t.text(doc.body))
}

fn is_year(text: &str) -> bool {
    text.len() == 4
        && text
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

fn plural_noun(text: &str) -> bool {
    text.len() >= 3
        && text.ends_with('s')
        && !text.ends_with("ss")
        && text.chars().all(|c| c.is_lowercase() || c == '-')
        && !among!(STOP, text)
}

/// Start of a number: digits, or a number word.
#[inline]
fn number_at(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Word => {
            // Every number word starts with one of these letters; most words do not.
            let first = doc.body.as_bytes()[t.start].to_ascii_lowercase();
            matches!(first, b'd' | b'e' | b'f' | b'h' | b'm' | b'n' | b's' | b't')
                && t.end - t.start <= 9
                && number_word(t.text(doc.body))
        }
        _ => false,
    }
}

/// One of [`NUMBER_WORDS`] (out of line, so that [`number_at`] inlines into the scan).
#[inline(never)]
fn number_word(text: &str) -> bool {
    if among!(NUMBER_WORDS, text) {
        return true;
    }
    // A capitalised number word ("Three"), compared without lower-casing a copy.
    text.as_bytes()[0].is_ascii_uppercase()
        && NUMBER_WORDS
            .iter()
            .any(|w| w.len() == text.len() && w.eq_ignore_ascii_case(text))
}

/// Tens that take a unit after a hyphen ("thirty-seven").
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
/// Units after a tens word and a hyphen.
const UNITS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

/// "Thirty-seven": the unit's token when the tens word at `i` takes one.
fn compound_number(doc: &Doc, i: usize) -> Option<usize> {
    let tens = word(doc, i)?.to_ascii_lowercase();
    let hyphen = doc.tokens.get(i + 1)?;
    let unit = word(doc, i + 2)?;
    let glued = hyphen.is_punct('-') && !hyphen.space_before && !doc.tokens[i + 2].space_before;
    (glued && among!(TENS, tens.as_str()) && among!(UNITS, unit)).then_some(i + 2)
}

/// The last token of a figure that starts with the number at `i`.
fn figure_from(doc: &Doc, i: usize) -> Option<usize> {
    let n = doc.tokens.len();
    let mut j = compound_number(doc, i).unwrap_or(i);
    while j + 1 < n && word(doc, j + 1).is_some_and(|w| among!(SCALES, w)) {
        j += 1;
    }
    let next = doc.tokens.get(j + 1)?;
    if next.is_punct('%') && !next.space_before {
        return Some(j + 1);
    }
    let w = word(doc, j + 1).unwrap_or("");
    if matches!(w, "percent" | "pct") || among!(CURRENCIES, w) {
        return Some(j + 1);
    }
    if w == "per" && word(doc, j + 2) == Some("cent") {
        return Some(j + 2);
    }
    if matches!(w, "US" | "U.S") {
        let k = if doc.tokens.get(j + 2).is_some_and(|t| t.is_punct('.')) {
            j + 3
        } else {
            j + 2
        };
        if word(doc, k).is_some_and(|w| w.starts_with("dollar")) {
            return Some(k);
        }
    }
    if among!(BARE_UNITS, w) {
        return Some(j + 1);
    }
    if w == "sq" && word(doc, j + 2).is_some_and(|u| among!(BARE_UNITS, u)) {
        return Some(j + 2);
    }
    // "11.2 sq. km": the abbreviation's stop between the two words.
    if w == "sq"
        && doc.tokens.get(j + 2).is_some_and(|t| t.is_punct('.'))
        && word(doc, j + 3).is_some_and(|u| among!(BARE_UNITS, u))
    {
        return Some(j + 3);
    }
    if next.is_punct('-') && !next.space_before {
        return hyphen_unit(doc, j + 1);
    }
    count_unit(doc, j).or((j > i).then_some(j))
}

/// "-member delegation", "-square-meter exhibition center": hyphenated unit words,
/// then one or two lower-case nouns.
fn hyphen_unit(doc: &Doc, start: usize) -> Option<usize> {
    let lower = |w: &str| w.chars().all(char::is_lowercase);
    let mut k = start;
    while doc
        .tokens
        .get(k)
        .is_some_and(|t| t.is_punct('-') && !t.space_before)
        && word(doc, k + 1).is_some_and(lower)
    {
        k += 2;
    }
    if k == start {
        return None;
    }
    // k is now the token after the last hyphenated word.
    let noun = |i: usize| word(doc, i).filter(|w| lower(w) && !among!(STOP, w));
    let first = noun(k)?;
    let end = if noun(k + 1).is_some() && !first.ends_with('s') {
        k + 1
    } else {
        k
    };
    Some(end)
}

/// "... high-density server cabinets": up to four more words ending in a plural noun.
/// A place or nationality may name whose they are ("2,160 Quxland enterprises", "26
/// Chinese provinces"), but no other capitalised word ("6-3 Sampras beats").
fn count_unit(doc: &Doc, j: usize) -> Option<usize> {
    let mut k = j + 1;
    let mut words = 0;
    while words < 5 {
        let t = doc.tokens.get(k)?;
        if t.is_punct('-') && !t.space_before {
            k += 1;
            continue;
        }
        let w = word(doc, k)?;
        if plural_noun(w) {
            let unit = word(doc, k + 1).filter(|u| among!(UNITS_AFTER.split_at(2).0, u));
            return Some(if unit.is_some() { k + 1 } else { k });
        }
        let lowerish = w.chars().all(char::is_lowercase) || w.chars().all(|c| c.is_uppercase());
        if let Some(last) = place_or_nationality(doc, k).filter(|_| !lowerish) {
            words += last + 1 - k;
            k = last + 1;
            continue;
        }
        if among!(STOP, w) || !lowerish {
            return None;
        }
        words += 1;
        k += 1;
    }
    None
}

/// The last token of a listed place ("Hong Kong") or a nationality ("Chinese")
/// starting at token `k`.
fn place_or_nationality(doc: &Doc, k: usize) -> Option<usize> {
    let g = doc.gazetteer;
    if g.demonyms.contains(word(doc, k)?) {
        return Some(k);
    }
    let hit = &doc.hits[doc.hit_at[k]? as usize];
    let place = matches!(hit.entry, super::gazetteer::Entry::Place { .. });
    (place && hit.first == k).then_some(hit.last)
}

/// "10,000km", "50MW": a number with a unit symbol glued on.
fn glued_unit(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    let text = t.text(doc.body);
    if t.kind != TokenKind::Word || !text.as_bytes()[0].is_ascii_digit() {
        return false;
    }
    let unit = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
    !unit.is_empty() && among!(BARE_UNITS, unit)
}

/// "two-thirds", "one fifth", "a quarter of": a spelled fraction (the last token).
fn fraction(doc: &Doc, i: usize) -> Option<usize> {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word || t.end - t.start > 5 {
        return None;
    }
    if !among!(NUMERATORS, t.text(doc.body)) {
        return None;
    }
    let hyphen = doc
        .tokens
        .get(i + 1)
        .is_some_and(|n| n.is_punct('-') && !n.space_before);
    let k = if hyphen { i + 2 } else { i + 1 };
    let d = word(doc, k)?;
    // "a third" only before "of" ("a third of the land"), never "a third round".
    let of = word(doc, k + 1) == Some("of");
    let a = t.text(doc.body) == "a";
    (among!(FRACTIONS, d) && (!a || of) && d != "half" || d == "half" && of && !a).then_some(k)
}

/// First bytes of the words a figure may start with: digits (a glued unit, "10km"),
/// numerators ("two-thirds") and number words in either case ("Three million"). Built
/// at compile time from the lists.
static FIGURE_INITIALS: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = b'0';
    while b <= b'9' {
        table[b as usize] = true;
        b += 1;
    }
    table = mark_initials(table, NUMERATORS, false);
    mark_initials(table, NUMBER_WORDS, true)
};

/// Could a figure start at this token? False only when every rule in [`figures`]
/// would turn it away: punctuation other than a currency sign, or a word whose first
/// byte starts no number, numerator or glued unit.
fn may_start_figure(doc: &Doc, t: &Token) -> bool {
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Punct(c) => matches!(c, '$' | '¥' | '€'),
        TokenKind::Word => FIGURE_INITIALS[usize::from(doc.body.as_bytes()[t.start])],
    }
}

/// Every figure in the body, as byte ranges.
pub fn figures(doc: &Doc) -> Vec<Range> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let t = &doc.tokens[i];
        if !may_start_figure(doc, t) {
            i += 1;
            continue;
        }
        let currency_sign = t.kind == TokenKind::Punct('$')
            || t.kind == TokenKind::Punct('¥')
            || t.kind == TokenKind::Punct('€');
        if currency_sign
            && doc
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.kind == TokenKind::Number && !n.space_before)
        {
            let mut j = i + 1;
            while word(doc, j + 1).is_some_and(|w| among!(SCALES, w)) {
                j += 1;
            }
            let start = if i > 0 && word(doc, i - 1).is_some_and(|w| w == "US") && !t.space_before {
                doc.tokens[i - 1].start
            } else {
                t.start
            };
            out.push((start, doc.tokens[j].end));
            i = j + 1;
            continue;
        }
        if glued_unit(doc, i) {
            out.push((t.start, t.end));
            i += 1;
            continue;
        }
        if let Some(end) = fraction(doc, i) {
            out.push((t.start, doc.tokens[end].end));
            i = end + 1;
            continue;
        }
        let year = t.kind == TokenKind::Number && is_year(t.text(doc.body));
        if number_at(doc, i)
            && !year
            && let Some(end) = figure_from(doc, i)
        {
            out.push((t.start, doc.tokens[end].end));
            i = end + 1;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<&str> {
        let doc = Doc::new(body);
        figures(&doc)
            .into_iter()
            .map(|(s, e)| &body[s..e])
            .collect()
    }

    #[test]
    fn fractions_bare_units_and_capitalised_numbers() {
        assert_eq!(
            texts("Two-thirds of sales and one fifth of the land; a third round"),
            vec!["Two-thirds", "one fifth"]
        );
        assert_eq!(
            texts("It employs 200,000 people some 10,000km away, 200 km west, on 3 sq km."),
            vec!["200,000 people", "10,000km", "200 km", "3 sq km"]
        );
        assert_eq!(
            texts("The zone covers 11.2 sq. km. and houses 160 enterprises."),
            vec!["11.2 sq. km", "160 enterprises"]
        );
        assert_eq!(
            texts("Seven million people live nearby."),
            vec!["Seven million people"]
        );
    }

    #[test]
    fn money() {
        assert_eq!(
            texts("It costs 12 billion yuan now."),
            vec!["12 billion yuan"]
        );
        assert_eq!(texts("a $40 million deal"), vec!["$40 million"]);
        assert_eq!(
            texts("about 3.5 billion U.S. dollars"),
            vec!["3.5 billion U.S. dollars"]
        );
    }

    #[test]
    fn percentages() {
        assert_eq!(texts("up 12% and 4 percent"), vec!["12%", "4 percent"]);
        assert_eq!(texts("a 9 per cent rise"), vec!["9 per cent"]);
    }

    #[test]
    fn counts_with_units() {
        assert_eq!(
            texts("with 1,300 low-power edge servers"),
            vec!["1,300 low-power edge servers"]
        );
        assert_eq!(texts("hired 40 engineers"), vec!["40 engineers"]);
        assert_eq!(
            texts("at 70 degrees Fahrenheit"),
            vec!["70 degrees Fahrenheit"]
        );
        assert_eq!(texts("a 30-member team"), vec!["30-member team"]);
        assert_eq!(
            texts("a 9,000-square-meter trade hall"),
            vec!["9,000-square-meter trade hall"]
        );
        assert_eq!(texts("the top three firms"), vec!["three firms"]);
    }

    #[test]
    fn teens_tens_and_compound_numbers_open_figures() {
        assert_eq!(
            texts("Sixteen projects were signed, and seventeen firms came."),
            vec!["Sixteen projects", "seventeen firms"]
        );
        assert_eq!(
            texts("Thirty-seven firms have offices there, and ninety-one ships."),
            vec!["Thirty-seven firms", "ninety-one ships"]
        );
        // A hyphen before a unit word still makes a compound unit ("twenty-member").
        assert_eq!(texts("a twenty-member team"), vec!["twenty-member team"]);
    }

    #[test]
    fn a_place_or_nationality_may_come_before_the_counted_noun() {
        assert_eq!(
            texts("It is home to 2,160 Macao enterprises and 26 Chinese provinces."),
            vec!["2,160 Macao enterprises", "26 Chinese provinces"]
        );
        assert_eq!(
            texts("There are 40 Hong Kong firms."),
            vec!["40 Hong Kong firms"]
        );
        // Not a name or a month before a verb.
        assert!(texts("He won 6-3 Sampras beats Agassi.").is_empty());
        assert!(texts("On 5 May officials said so.").is_empty());
    }

    #[test]
    fn years_and_bare_numbers_are_not_figures() {
        assert!(texts("In 2019 the plan had 3 of them.").is_empty());
        assert_eq!(texts("a population of 12 million."), vec!["12 million"]);
    }
}
