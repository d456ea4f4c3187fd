//! Acronyms defined in parentheses right after a name ("Ministry of Fish and Boats
//! (MFB)"): the acronym becomes an alias, and its later uses are mentions.

use super::doc::Doc;
use super::token::shape;
use super::words::among;

/// Words that may follow an acronym inside the parentheses ("(JAC Group)").
const COMPANY_WORDS: &[&str] = &[
    "Group", "Co", "Corp", "Inc", "Ltd", "Holdings", "Bank", "Motors",
];

/// An acronym and the byte range of the name it abbreviates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// The acronym ("MFB").
    pub acronym: String,
    /// Start byte of the long name.
    pub start: usize,
    /// End byte of the long name.
    pub end: usize,
    /// Byte range of the acronym inside the parentheses.
    pub at: (usize, usize),
}

/// True when the acronym's letters are, in order, initials of the name's capitalised
/// words, starting with the first ("MFB" for "Ministry of Fish and Boats"); or, for
/// an acronym of four letters or more, initials of all its words ("ZIFIQ" for "Zorb
/// Interim Force in Quuxland").
pub fn abbreviates(acronym: &str, name: &str) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    in_initials(&letters, name, false) || (letters.len() >= 4 && in_initials(&letters, name, true))
}

fn in_initials(letters: &[char], name: &str, every_word: bool) -> bool {
    // A short word in capitals gives all its letters ("VR" in "World Conference on
    // VR Industry (WCVRI)"), and so do initials with stops ("U.N.").
    let initials: Vec<char> = name
        .split([' ', '-'])
        .flat_map(|w| {
            let caps = (2..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase());
            let stops = w.len() >= 4
                && w.len() % 2 == 0
                && w.chars().enumerate().all(|(i, c)| {
                    if i % 2 == 0 {
                        c.is_ascii_uppercase()
                    } else {
                        c == '.'
                    }
                });
            let all = caps || stops;
            w.chars()
                .filter(|&c| c != '.')
                .take(if all { w.len() } else { 1 })
                .map(|c| {
                    if every_word {
                        c.to_ascii_uppercase()
                    } else {
                        c
                    }
                })
        })
        .filter(|c| c.is_uppercase() || c.is_ascii_digit())
        .collect();
    // Two-letter acronyms must start with the name; longer ones may skip a leading
    // place ("JAC" for "Anhui Jianghuai Automobile Co").
    if letters.len() < 2 || (initials.first() != letters.first() && letters.len() < 3) {
        return false;
    }
    let mut pos = 0;
    for c in letters {
        match initials[pos..].iter().position(|i| i == c) {
            Some(p) => pos += p + 1,
            None => return false,
        }
    }
    true
}

/// The acronym in parentheses right after byte `end`, if the text has one.
pub fn after(doc: &Doc, end: usize) -> Option<(String, (usize, usize))> {
    let mut i = doc.tokens.partition_point(|t| t.start < end);
    // "Foo Co. (FC)": step over an abbreviation's full stop.
    if doc
        .tokens
        .get(i)
        .is_some_and(|t| t.is_punct('.') && t.start == end)
    {
        i += 1;
    }
    let open = doc.tokens.get(i)?;
    let word = doc.tokens.get(i + 1)?;
    let mut close = doc.tokens.get(i + 2)?;
    // "(JAC Group)": an acronym and a company word.
    let mut last = word;
    if close.is_word() && among!(COMPANY_WORDS, close.text(doc.body)) {
        last = close;
        close = doc.tokens.get(i + 3)?;
    }
    if !open.is_punct('(') || !word.is_word() || !close.is_punct(')') {
        return None;
    }
    if doc.body[end..open.start]
        .chars()
        .any(|c| !c.is_whitespace() && c != '.')
    {
        return None;
    }
    let text = word.text(doc.body);
    let capitals = text.chars().filter(|c| c.is_uppercase()).count();
    (capitals >= 2 && (shape::all_caps(text) || capitals * 2 >= text.len())).then(|| {
        (
            doc.body[word.start..last.end].to_string(),
            (word.start, last.end),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_in_capitals_gives_all_its_letters() {
        assert!(abbreviates("WCZRI", "2021 World Conference on ZR Industry"));
        assert!(abbreviates("MFB", "Ministry of Fish and Boats"));
    }

    #[test]
    fn initials_in_order() {
        assert!(abbreviates("MFB", "Ministry of Fish and Boats"));
        assert!(abbreviates("QWS", "Quux Web Services"));
        assert!(abbreviates(
            "ZAIC",
            "Zed Artificial Intelligence Conference"
        ));
        assert!(!abbreviates("BFM", "Ministry of Fish and Boats"));
        assert!(abbreviates("QAC", "Zed Quux Auto Co"));
        assert!(!abbreviates("AC", "Zed Auto Co"));
        assert!(!abbreviates("A", "Alpha"));
        // Initials with stops give their letters; four letters or more may take a
        // joiner's initial.
        assert!(abbreviates("ZNIFIL", "Z.N. Interim Force in Lebanon"));
        assert!(abbreviates("ZIFIQ", "Zorb Interim Force in Quuxland"));
        assert!(!abbreviates("ZFI", "Zorb Interim Force in Quuxland"));
        assert!(!abbreviates("ZIFQX", "Zorb Interim Force in Quuxland"));
    }

    #[test]
    fn finds_the_parenthesised_acronym() {
        let body = "the Quux Web Services (QWS) unit";
        let doc = Doc::new(body);
        let end = body.find(" (").unwrap();
        assert_eq!(after(&doc, end).map(|a| a.0).as_deref(), Some("QWS"));
        assert!(after(&doc, 3).is_none());
    }
}
