//! A title derived from the text when the article states none: its first
//! sentence, cut at a word boundary when long.

/// Longest derived title, in characters (an ellipsis marks a cut).
const MAX_CHARS: usize = 100;

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "co", "corp", "jr", "sr", "st", "gen", "gov",
    "sen", "rep", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "mt", "ft",
];

/// The first sentence of the text, after any wire dateline ("PORTVILLE, May 3 --"),
/// at most [`MAX_CHARS`] characters.
pub(crate) fn derive(text: &str) -> String {
    let text = text.trim();
    let text = match super::date::dateline_len(text) {
        Some(n) if n < text.len() => &text[n..],
        _ => text,
    };
    let sentence = first_sentence(text);
    // A line that ends no statement and holds no sentence end is a headline
    // written long ("The signing ceremony of the key projects in Zorb City, Qux
    // Province in April were held in ..."): it is the title whole.
    let words = crate::corpus::clean::line::words(text);
    if sentence.len() == text.len()
        && words <= MAX_HEADLINE_WORDS
        && text.chars().count() <= MAX_HEADLINE_CHARS
        && !crate::corpus::clean::line::ends_statement(text)
    {
        return text.to_string();
    }
    shorten(sentence.trim())
}

/// Longest line kept whole as a derived title, in words and in characters.
const MAX_HEADLINE_WORDS: usize = 40;
const MAX_HEADLINE_CHARS: usize = 300;

fn first_sentence(text: &str) -> &str {
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let end = at + c.len_utf8();
        if matches!(c, '\u{3002}' | '\u{ff01}' | '\u{ff1f}') {
            return &text[..end];
        }
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let followed_by_space = chars.peek().is_none_or(|&(_, n)| n == ' ');
        if followed_by_space && (c != '.' || !is_abbreviation(&text[..at])) {
            return &text[..end];
        }
    }
    text
}

fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(' ').next().unwrap_or("").to_lowercase();
    let single_letter = word.chars().count() == 1;
    single_letter || ABBREVIATIONS.contains(&word.as_str())
}

fn shorten(sentence: &str) -> String {
    if sentence.chars().count() <= MAX_CHARS {
        return sentence.to_string();
    }
    let mut out = String::new();
    for word in sentence.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > MAX_CHARS - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = sentence.chars().take(MAX_CHARS - 1).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', ' ']);
    format!("{out}\u{2026}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentence_skips_abbreviations() {
        assert_eq!(
            derive("Mr. Smith met U.S. officials. Then he left."),
            "Mr. Smith met U.S. officials."
        );
        assert_eq!(
            derive("Prices rose 2.5 percent in May! More later."),
            "Prices rose 2.5 percent in May!"
        );
        assert_eq!(derive("港口货运量增长。更多内容"), "港口货运量增长。");
    }

    #[test]
    fn long_sentences_are_cut_at_a_word() {
        let long = "The harbour authority said on Monday that cargo volumes rose by a fifth this year, helped by new routes and longer opening hours.";
        let title = derive(long);
        assert!(title.ends_with('…'));
        assert!(title.chars().count() <= MAX_CHARS);
        assert!(title.starts_with("The harbour authority said"));
    }

    #[test]
    fn a_wire_dateline_is_not_part_of_the_title() {
        assert_eq!(
            derive("PORTVILLE, Ruritania, Sept 12 Sales of ships rose. More later."),
            "Sales of ships rose."
        );
        assert_eq!(
            derive("PORTVILLE, May 3 (Wire) -- Sales of ships rose."),
            "Sales of ships rose."
        );
        assert_eq!(
            derive("Portville, a harbour town, grew. More later."),
            "Portville, a harbour town, grew."
        );
    }

    #[test]
    fn a_long_line_ending_no_statement_is_kept_whole() {
        let line = "The signing ceremony and commencement ceremony of the key projects in \
                    Zorb City, Qux Province in April were held in Blorp District, Zorb City, \
                    Qux Province";
        assert_eq!(derive(line), line);
        // A sentence is still cut.
        let sentence = format!("{line} today.");
        assert!(derive(&sentence).ends_with('…'));
    }

    #[test]
    fn one_huge_word_is_cut_too() {
        let title = derive(&"x".repeat(500));
        assert_eq!(title.chars().count(), MAX_CHARS);
    }
}
