//! Acronyms defined in parentheses right after a name ("Ministry of Fish and Boats
//! (MFB)"): the acronym becomes an alias, and its later uses are mentions.

use super::doc::Doc;
use super::token::shape;

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
/// words, starting with the first ("MFB" for "Ministry of Fish and Boats").
pub fn abbreviates(acronym: &str, name: &str) -> bool {
    let initials: Vec<char> = name
        .split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase() || c.is_ascii_digit())
        .collect();
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect();
    if letters.len() < 2 || initials.first() != letters.first() {
        return false;
    }
    let mut pos = 0;
    for c in &letters {
        match initials[pos..].iter().position(|i| i == c) {
            Some(p) => pos += p + 1,
            None => return false,
        }
    }
    true
}

/// The acronym in parentheses right after byte `end`, if the text has one.
pub fn after(doc: &Doc, end: usize) -> Option<(String, (usize, usize))> {
    let i = doc.tokens.partition_point(|t| t.start < end);
    let open = &doc.tokens[i];
    let word = doc.tokens.get(i + 1)?;
    let close = doc.tokens.get(i + 2)?;
    if !open.is_punct('(') || !word.is_word() || !close.is_punct(')') {
        return None;
    }
    if doc.body[end..open.start].chars().any(|c| !c.is_whitespace()) {
        return None;
    }
    let text = word.text(doc.body);
    let capitals = text.chars().filter(|c| c.is_uppercase()).count();
    (capitals >= 2 && (shape::all_caps(text) || capitals * 2 >= text.len()))
        .then(|| (text.to_string(), (word.start, word.end)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_in_order() {
        assert!(abbreviates("MFB", "Ministry of Fish and Boats"));
        assert!(abbreviates("QWS", "Quux Web Services"));
        assert!(abbreviates("ZAIC", "Zed Artificial Intelligence Conference"));
        assert!(!abbreviates("BFM", "Ministry of Fish and Boats"));
        assert!(!abbreviates("A", "Alpha"));
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
