//! The people a byline names: "By Mary Quuxley and Zhao Minghui" is two reporters,
//! each a person the article names even when its body never mentions them.
//! "Reuters Staff", "Tech Desk" or a dateline the cleaner took for a byline name
//! nobody, and then nothing is taken from the byline.

use super::Kind;
use super::gazetteer::{Entry, gazetteer};
use super::words::heads_ending;

/// Most people one byline is read for.
const MOST: usize = 4;

/// The person names of a byline, as written; empty when any part of it does not
/// read as a person's name.
pub fn people(author: &str) -> Vec<String> {
    let author = author.trim();
    let author = ["By ", "by ", "BY "]
        .iter()
        .find_map(|p| author.strip_prefix(p))
        .unwrap_or(author);
    let mut names = Vec::new();
    for part in author
        .split([',', '&', ';', '/', '|'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if names.len() == MOST || !is_person(part) {
            return Vec::new();
        }
        names.push(part.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    names
}

/// Two to four capitalised words, at least one a listed given name or surname,
/// none a lower-case English word that is no name ("Staff", "News") or a head
/// word ("Group"); the first no listed country or region ("China Daily") and the
/// whole no listed place or company.
fn is_person(part: &str) -> bool {
    let g = gazetteer();
    let words: Vec<&str> = part.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
        return false;
    }
    let shaped = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_alphabetic)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
    };
    let name = |w: &str| {
        let w = w.trim_end_matches('.');
        g.given.contains_ci(w) || g.surnames.contains_ci(w) || g.chinese_surnames.contains_ci(w)
    };
    let word_ok = |w: &str| {
        shaped(w)
            && heads_ending(w).is_empty()
            && (name(w) || !g.common.contains_ci(w.trim_end_matches('.')))
    };
    let region = |w: &str| {
        g.lookup(w).is_some_and(|(_, e)| {
            matches!(
                e,
                Entry::Place {
                    kind: Kind::Country | Kind::Region,
                    ..
                }
            )
        })
    };
    words.iter().all(|w| word_ok(w))
        && words.iter().any(|w| name(w))
        && !region(words[0])
        && g.lookup(part).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporters_are_people() {
        assert_eq!(people("Mary Quuxley"), ["Mary Quuxley"]);
        assert_eq!(people("By Mary Quuxley"), ["Mary Quuxley"]);
        assert_eq!(
            people("Zhao Minghui and Mary Quuxley"),
            ["Zhao Minghui", "Mary Quuxley"]
        );
        assert_eq!(
            people("Zhao Minghui & Mary  Quuxley"),
            ["Zhao Minghui", "Mary Quuxley"]
        );
        assert_eq!(
            people("ZHAO Minghui, Mary Quuxley"),
            ["ZHAO Minghui", "Mary Quuxley"]
        );
    }

    #[test]
    fn desks_outlets_and_datelines_are_nobody() {
        assert!(people("Quuxcorp Staff").is_empty());
        assert!(people("Zorbu Writers").is_empty());
        assert!(people("Tech Desk").is_empty());
        assert!(people("China Daily").is_empty());
        assert!(people("Reuters").is_empty());
        assert!(people("Mary").is_empty(), "one word");
        // A dateline taken for a byline: one part is no name, so none is taken.
        assert!(people("FARMINGTON HILLS, Mich.").is_empty());
        assert!(people("Mary Quuxley, Zorbu Group").is_empty());
        assert!(people("Zorbu Quuxley").is_empty(), "no listed name in it");
    }
}
