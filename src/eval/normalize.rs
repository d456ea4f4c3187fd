//! The gold README's name normalisation: NFKC, curly quotes straightened, lower
//! case, white space collapsed, leading "the " and trailing "'s" dropped, and
//! surrounding quotes and punctuation dropped.

use unicode_normalization::UnicodeNormalization;

/// NFKC, straight quotes, white space collapsed (case kept): for body checks.
pub fn text(s: &str) -> String {
    let straight: String = s
        .nfkc()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
            c => c,
        })
        .collect();
    straight.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The full normalisation used to compare names.
pub fn name(s: &str) -> String {
    let mut n = text(s).to_lowercase();
    loop {
        let before = n.len();
        n = n
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '$' && c != '%')
            .to_string();
        if let Some(rest) = n.strip_prefix("the ") {
            n = rest.to_string();
        }
        if let Some(rest) = n.strip_suffix("'s") {
            n = rest.to_string();
        }
        if n.len() == before {
            return n;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise_as_the_readme_says() {
        assert_eq!(name("  The  People\u{2019}s Bank's "), "people's bank");
        assert_eq!(name("\u{201c}Zed Park\u{201d}."), "zed park");
        assert_eq!(name("ＡＢＣ"), "abc");
        assert_eq!(name("Theodore"), "theodore");
    }

    #[test]
    fn text_keeps_case_but_collapses_space() {
        assert_eq!(text("A\u{2019}s  b\n c"), "A's b c");
    }
}
