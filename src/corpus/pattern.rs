//! Compiling the built-in patterns of the cleaner and metadata readers, once.
//! Word boundaries are made ASCII (`(?-u:\b)`): a Unicode `\b` makes the fast
//! lazy DFA give up on any non-ASCII text (curly quotes, ©, CJK), which is most
//! news text, and the slow fallback dominated load time.

use regex::{Regex, RegexSet};

fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// Compiles a built-in pattern. A bad built-in pattern is a programming error,
/// caught by every test that loads text.
pub(crate) fn compile(pattern: &str) -> Regex {
    Regex::new(&ascii_boundaries(pattern))
        .unwrap_or_else(|e| panic!("bad built-in pattern {pattern}: {e}"))
}

/// Compiles a set of built-in patterns.
pub(crate) fn compile_set(patterns: &[String]) -> RegexSet {
    let fixed: Vec<String> = patterns.iter().map(|p| ascii_boundaries(p)).collect();
    RegexSet::new(&fixed).unwrap_or_else(|e| panic!("bad built-in pattern set: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_still_bound_words_next_to_non_ascii_text() {
        let r = compile(r"(?i)\bwe use cookies\b");
        assert!(r.is_match("“We use cookies” on this site"));
        assert!(!r.is_match("awe use cookiesx"));
    }
}
