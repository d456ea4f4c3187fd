//! Person names by shape: a Chinese surname and a pinyin given name ("Zhao Minghui",
//! or Western order "Minghui Zhao"), or a listed first name and a capitalised last name.
//! Context cues ("said X Y", "X Y, president of") live in [`super::context`].

use super::Kind;
use super::doc::Doc;
use super::gazetteer::Entry;
use super::token::shape;
use super::words::{MONTHS, WEEKDAYS, among, heads_ending};

fn plain(doc: &Doc, i: usize) -> bool {
    let text = doc.text(i);
    shape::capitalised(text) && !shape::all_caps(text) && text.chars().all(char::is_alphabetic)
}

fn is_head(text: &str) -> bool {
    !heads_ending(text).is_empty()
}

/// Full month and day names ("Jun" alone is a common given name).
fn calendar(text: &str) -> bool {
    (text.len() > 3 && among!(MONTHS, text)) || among!(WEEKDAYS, text)
}

fn is_place(doc: &Doc, i: usize) -> bool {
    doc.hit_covering(i)
        .is_some_and(|h| matches!(h.entry, Entry::Place { .. }))
}

fn listed(doc: &Doc, i: usize) -> bool {
    doc.hit_covering(i).is_some()
}

/// "Zhao Minghui": surname first, given name of one to three pinyin syllables.
fn chinese(doc: &Doc, words: &[usize]) -> bool {
    let g = doc.gazetteer;
    let [surname, given] = words else {
        return false;
    };
    let (s, n) = (doc.text(*surname), doc.text(*given));
    if !g.chinese_surnames.contains(s) || !g.is_pinyin(n, 3) || calendar(n) || is_head(n) {
        return false;
    }
    // "He said": the pronoun opens many sentences; before a long given name it is
    // the surname.
    if s == "He" && doc.tokens[*surname].sentence_start && !long_chinese_given_name(doc, *given) {
        return false;
    }
    let multi_place = doc.hit_covering(*surname).is_some_and(|h| h.last >= *given);
    !multi_place && !is_notable_place(doc, *given)
}

/// Token `i` reads as a Chinese given name of two or three pinyin syllables that is
/// no English word and no listed name ("Guangzhong", "Bangjun").
pub fn long_chinese_given_name(doc: &Doc, i: usize) -> bool {
    let g = doc.gazetteer;
    doc.tokens
        .get(i)
        .is_some_and(|t| t.is_word() && t.name_like && !t.newline_before)
        && {
            let n = doc.text(i);
            g.is_pinyin(n, 3) && !g.is_pinyin(n, 1) && !g.is_common(n) && !listed(doc, i)
        }
}

/// A listed place that is not a small town: after a surname, a town of under a
/// million ("Zhang Dawei") is more likely a given name than a place.
fn is_notable_place(doc: &Doc, i: usize) -> bool {
    doc.hit_covering(i).is_some_and(|h| match h.entry {
        Entry::Place {
            kind: Kind::City,
            population,
            ..
        } => h.first < i || h.last > i || population >= 1_000_000,
        Entry::Place { .. } => true,
        Entry::Firm(_) => false,
    })
}

/// "Minghui Zhao": a two- or three-syllable pinyin given name, then the surname.
fn chinese_reversed(doc: &Doc, words: &[usize]) -> bool {
    let g = doc.gazetteer;
    let [given, surname] = words else {
        return false;
    };
    let (n, s) = (doc.text(*given), doc.text(*surname));
    g.chinese_surnames.contains(s)
        && g.is_pinyin(n, 3)
        && !g.is_pinyin(n, 1)
        && !listed(doc, *given)
        && !g.is_common(n)
}

/// "Mary Quux": a listed first name and a capitalised last word.
fn western(doc: &Doc, words: &[usize], titled: bool) -> bool {
    let g = doc.gazetteer;
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        return false;
    };
    if words.len() < 2 || words.len() > 3 {
        return false;
    }
    let given = doc.text(first);
    let family = doc.text(last);
    let first_ok = g.given.contains(given)
        && !listed(doc, first)
        && (!g.is_common(given) || !doc.tokens[first].sentence_start || titled);
    let last_ok = !is_head(family)
        && !calendar(family)
        && !is_place(doc, last)
        && (!g.is_common(family)
            || g.surnames.contains(family)
            || g.chinese_surnames.contains(family));
    first_ok && last_ok
}

/// Unknown words after a title ("President Zorbo Quux").
fn titled_name(doc: &Doc, words: &[usize]) -> bool {
    (2..=3).contains(&words.len())
        && words
            .iter()
            .all(|&i| !listed(doc, i) && !is_head(doc.text(i)) && !calendar(doc.text(i)))
}

/// A short syllable: a letter (a capital when `capital`), then lower case ("Geun",
/// "hye", "Tung").
fn syllable(word: &str, capital: bool) -> bool {
    let mut chars = word.chars();
    (1..=5).contains(&word.len())
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() && (!capital || c.is_ascii_uppercase()))
        && chars.all(|c| c.is_ascii_lowercase())
}

/// "Park Geun-hye", "Mao Tse-Tung", "Mr. Zhu Ping-an": a listed surname (or any
/// plain word after a title) and a given name of two short syllables joined by a
/// hyphen, as Korean and Wade-Giles names are written.
fn hyphenated_given(doc: &Doc, words: &[usize], titled: bool) -> bool {
    let g = doc.gazetteer;
    let &[surname, given, second] = words else {
        return false;
    };
    let dash = &doc.tokens[given + 1];
    let s = doc.text(surname);
    second == given + 2
        && dash.is_punct('-')
        && !dash.space_before
        && !doc.tokens[second].space_before
        && given == surname + 1
        && plain(doc, surname)
        && syllable(doc.text(given), true)
        && syllable(doc.text(second), false)
        && !calendar(s)
        && (g.chinese_surnames.contains(s)
            || g.surnames.contains(s)
            || (titled && !listed(doc, surname)))
}

/// The person name a run of capitalised words forms by shape, if any.
pub fn shape(doc: &Doc, words: &[usize], titled: bool) -> Option<String> {
    if hyphenated_given(doc, words, titled) {
        return Some(doc.span_text(words[0], words[2]).to_string());
    }
    if words.is_empty() || !words.iter().all(|&i| plain(doc, i)) {
        return None;
    }
    let contiguous = words.windows(2).all(|w| w[1] == w[0] + 1);
    if !contiguous {
        return None;
    }
    let found = chinese(doc, words)
        || chinese_reversed(doc, words)
        || western(doc, words, titled)
        || (titled && titled_name(doc, words))
        // "President Yan": a title before a Chinese surname alone names a person.
        || (titled
            && words.len() == 1
            && doc.gazetteer.chinese_surnames.contains(doc.text(words[0]))
            && !listed(doc, words[0]));
    found.then(|| doc.span_text(words[0], words[words.len() - 1]).to_string())
}

/// The word by which a person is referred to later ("said Zhao", "Quux added").
pub fn short_form(doc: &Doc, name: &str) -> Option<String> {
    let parts: Vec<&str> = name.split(' ').collect();
    if parts.len() < 2 {
        return None;
    }
    let g = doc.gazetteer;
    let first = parts[0];
    let last = parts[parts.len() - 1];
    // "Sun Yongchun": a Chinese surname that is also a given name elsewhere ("Sun")
    // still opens the name when the rest is pinyin that is no given name.
    let chinese_order = g.chinese_surnames.contains(first)
        && g.is_pinyin(last, 3)
        && (!g.given.contains(first)
            || (parts.len() == 2 && !g.given.contains(last) && !g.chinese_surnames.contains(last)));
    // "Park Geun-hye", "Mr. Zorbu Qing-ping": a hyphenated given name comes after
    // the surname.
    let hyphenated = parts.len() == 2 && last.contains('-');
    let short = if chinese_order || hyphenated {
        first
    } else {
        last
    };
    Some(short.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(body: &str) -> Option<String> {
        let doc = Doc::new(body);
        let words: Vec<usize> = (0..doc.tokens.len())
            .filter(|&i| doc.tokens[i].is_word())
            .collect();
        shape(&doc, &words, false)
    }

    #[test]
    fn chinese_names_by_surname_and_pinyin() {
        assert_eq!(person("Zhao Minghui").as_deref(), Some("Zhao Minghui"));
        assert_eq!(person("Minghui Zhao").as_deref(), Some("Minghui Zhao"));
        assert_eq!(person("Liu Qiang").as_deref(), Some("Liu Qiang"));
        assert_eq!(person("Zhao Robert"), None);
        assert_eq!(person("Zhao March"), None);
    }

    #[test]
    fn hyphenated_given_names() {
        assert_eq!(person("Zhao Qing-ping").as_deref(), Some("Zhao Qing-ping"));
        assert_eq!(person("Park Geun-hye").as_deref(), Some("Park Geun-hye"));
        // Not after an unlisted word without a title, nor with a capitalised second part.
        assert_eq!(person("Zorbu Qing-ping"), None);
        assert_eq!(person("Zhao Qing-Ping").as_deref(), Some("Zhao Qing-Ping"));
        assert_eq!(person("Zhao Qingpu-ping"), None, "a long syllable");
        let doc = Doc::new("Mr. Zorbu Qing-ping");
        let words: Vec<usize> = (2..doc.tokens.len())
            .filter(|&i| doc.tokens[i].is_word())
            .collect();
        assert_eq!(
            shape(&doc, &words, true).as_deref(),
            Some("Zorbu Qing-ping")
        );
    }

    #[test]
    fn listed_places_are_not_people() {
        assert_eq!(person("Hong Kong"), None);
    }

    #[test]
    fn western_names_by_first_name_list() {
        assert_eq!(person("Mary Quuxley").as_deref(), Some("Mary Quuxley"));
        assert_eq!(person("Zorbo Quuxley"), None);
        assert_eq!(person("Mary Park"), None, "head word");
    }

    #[test]
    fn short_forms() {
        let doc = Doc::new("");
        assert_eq!(short_form(&doc, "Zhao Minghui").as_deref(), Some("Zhao"));
        assert_eq!(short_form(&doc, "Mary Quuxley").as_deref(), Some("Quuxley"));
        assert_eq!(short_form(&doc, "Minghui Zhao").as_deref(), Some("Zhao"));
        // A surname that is also a listed given name, before pinyin.
        assert_eq!(short_form(&doc, "Sun Yongchun").as_deref(), Some("Sun"));
        assert_eq!(
            short_form(&doc, "Zorbu Qing-ping").as_deref(),
            Some("Zorbu")
        );
    }
}
