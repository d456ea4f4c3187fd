//! Page furniture inside a line, cut out before the line is judged: accessibility
//! hints glued to a link ("saidOpens a new window", "(opens in a new tab)"), wiki
//! section edit marks ("History[edit]"), and CMS shortcodes ("[button
//! link=...]Send us a review[/button]"). General markup residue, named by shape,
//! never by site.

use crate::corpus::pattern::compile as regex;
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// A link's "opens a new window" hint, glued to the word before it or in brackets.
static A11Y_HINT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\s*\(\s*(?:link\s+)?opens?\s+(?:in\s+)?(?:a\s+)?new\s+(?:browser\s+)?(?:window|tab)\s*\)|(?-i:Opens?) (?:in )?(?:a )?new (?:browser )?(?:window|tab)\b",
    )
});
/// "[edit]", "[ edit source ]": a wiki section heading's edit link.
static EDIT_MARK: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\s*\[\s*edit(?:\s+source)?\s*\]"));
/// A shortcode tag: an opening one with attributes, or a closing one.
static SHORTCODE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"\[[a-z][a-z0-9_-]*(?:\s+[a-z][a-z0-9_-]*\s*=\s*(?:"[^"\]]*"|“[^”\]]*”|”[^”\]]*”|'[^'\]]*'|[^\s\]]+))+\s*/?\]|\[/[a-z][a-z0-9_-]*\]"#,
    )
});

/// A photo credit in brackets closing a caption: "The new terminal (Photo/example.cn)",
/// "... at dusk. [Photo by Ann Lee]", "(Photo: Example Agency)".
static CLOSING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\s*[\[(]\s*(?:photo|photograph|image|picture|pic)s?\s*(?:/|:|by\b|provided\b|courtesy\b|credit\b)[^\[\]()]{1,80}[\])]\s*$",
    )
});

/// Words every link hint has: a cheap first test, so that the regex runs on the
/// rare line that can hold one (most lines have a bracket; few say "new window").
static HINT_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["new window", "new tab", "new browser"])
        .unwrap_or_else(|e| panic!("bad hint words: {e}"))
});

/// The line without glued accessibility hints, edit marks and shortcode tags.
pub(crate) fn strip(text: &str) -> Cow<'_, str> {
    let mut out = Cow::Borrowed(text);
    if text.as_bytes().contains(&b'[') {
        for pattern in [&*EDIT_MARK, &*SHORTCODE] {
            if pattern.is_match(&out) {
                out = Cow::Owned(pattern.replace_all(&out, "").into_owned());
            }
        }
    }
    if HINT_WORDS.is_match(text) && A11Y_HINT.is_match(&out) {
        out = Cow::Owned(strip_hints(&out));
    }
    // The caption stays; its credit goes (a credit alone is judged by the rules).
    if text.as_bytes().iter().any(|b| matches!(b, b']' | b')'))
        && let Some(m) = CLOSING_CREDIT.find(&out)
        && m.start() > 0
    {
        out = Cow::Owned(out[..m.start()].to_string());
    }
    out
}

/// Cuts hints in brackets anywhere, and bare ones only where glued to the word
/// before (a sentence may say "Opens a new window" with a space in front).
fn strip_hints(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for m in A11Y_HINT.find_iter(text) {
        let bracketed = m.as_str().trim_start().starts_with('(');
        let glued = text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace());
        if bracketed || glued {
            out.push_str(&text[last..m.start()]);
            last = m.end();
        }
    }
    out.push_str(&text[last..]);
    out
}

/// A line whose text is a shortcode's content ("[button link=...] Send us ...").
pub(crate) fn opens_with_shortcode(text: &str) -> bool {
    text.starts_with('[') && SHORTCODE.find(text).is_some_and(|m| m.start() == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_credit_closing_a_caption_is_cut() {
        assert_eq!(
            strip("The new terminal at dusk (Photo/quxton.gov.cn/port/)"),
            "The new terminal at dusk"
        );
        assert_eq!(
            strip("The mayor of Quxton. [Photo by Ann Lee/For Example Daily]"),
            "The mayor of Quxton."
        );
        // A credit alone is left to the rules; other brackets stay.
        assert_eq!(strip("[Photo/Example Agency]"), "[Photo/Example Agency]");
        assert_eq!(
            strip("The port (photographed in May) grew."),
            "The port (photographed in May) grew."
        );
    }

    #[test]
    fn accessibility_hints_glued_to_a_link_are_cut() {
        assert_eq!(
            strip("The company saidOpens a new window that the plan works."),
            "The company said that the plan works."
        );
        assert_eq!(
            strip("Read the report (opens in a new tab) today."),
            "Read the report today."
        );
        // Spoken text keeps it.
        assert_eq!(
            strip("A dialog box says Opens a new window when clicked."),
            "A dialog box says Opens a new window when clicked."
        );
    }

    #[test]
    fn wiki_edit_marks_are_cut() {
        assert_eq!(strip("History[edit]"), "History");
        assert_eq!(strip("Early life [ edit source ]"), "Early life");
    }

    #[test]
    fn shortcodes_are_cut_but_editorial_brackets_stay() {
        assert_eq!(
            strip("Text [quote author=\"Ann\"]kept words[/quote] end."),
            "Text kept words end."
        );
        assert!(opens_with_shortcode(
            "[button link=”http://example.com/x/” type=”big”] Send us YOUR review [/button]"
        ));
        let quote = "“Even textbooks of [gastrointestinal] medicine had no idea,” he said.";
        assert_eq!(strip(quote), quote);
        assert!(!opens_with_shortcode("[We] have agreed to it."));
    }
}
