//! Property tests: loading, cleaning and metadata never panic on arbitrary input in
//! any format, and what comes out is well-formed (trimmed paragraphs, no odd spaces,
//! one-line titles, ISO-shaped dates, entity offsets on char boundaries).

use dossier::Index;
use dossier::corpus::load_text;
use proptest::prelude::*;

/// Fragments that exercise the rules: bylines, datelines, copyright, separators,
/// markup of every format, odd spaces, escapes, CJK, long words.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("By JANE DOE in Lisbon(Agency) ".to_string()),
        Just("Updated: 2016-09-29 09:23".to_string()),
        Just("Copyright © 2018 Example. ICP 12345678".to_string()),
        Just(" | ".to_string()),
        Just("|||||".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{a0}\u{3000}\u{2009}".to_string()),
        Just("<p>".to_string()),
        Just("</div><div class=\"share\">".to_string()),
        Just("<script>var x = '</p>';</script>".to_string()),
        Just("# Heading\n".to_string()),
        Just("[link](http://x.example) ".to_string()),
        Just("{\"title\":\"t\",\"body\":\"b\"}\n".to_string()),
        Just("{\"body\": ".to_string()),
        Just("\u{1b}[31m\u{202e}\u{9b}".to_string()),
        Just("重庆市发展数字经济。".to_string()),
        Just("The council approved the harbour budget on Monday after a long debate. ".to_string()),
        Just("- Other headline here\n".to_string()),
        Just("13- 17 November 2019 ".to_string()),
        "[a-zA-Z]{1,300}",
        any::<String>(),
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..40).prop_map(|parts| parts.concat())
}

fn check(name: &str, text: &str) {
    let corpus = load_text(name, text);
    for a in &corpus.articles {
        assert!(!a.body.is_empty());
        assert_eq!(a.body.trim(), a.body, "body is trimmed");
        assert!(
            !a.body.contains("\n\n\n"),
            "one blank line between paragraphs"
        );
        assert!(
            !a.body
                .chars()
                .any(|c| matches!(c, '\u{a0}' | '\u{3000}' | '\u{2009}' | '\t')),
            "odd spaces normalised"
        );
        assert!(!a.title.contains('\n'), "title is one line");
        if let Some(d) = &a.date {
            let shape = d.len() == 4 || d.len() == 7 || d.len() == 10;
            assert!(
                shape && d.chars().all(|c| c.is_ascii_digit() || c == '-'),
                "ISO date: {d}"
            );
        }
        for field in [&a.source, &a.author].into_iter().flatten() {
            assert!(!field.trim().is_empty());
        }
    }
}

/// Extraction over cleaned articles: every mention is a byte range on char
/// boundaries inside its body.
fn check_offsets(name: &str, text: &str) {
    let index = Index::from_corpus(load_text(name, text));
    for (position, article) in index.articles.iter().enumerate() {
        let entities = index.entities(position);
        for m in entities.iter().flat_map(|e| &e.mentions) {
            assert!(m.start <= m.end && m.end <= article.body.len());
            assert!(article.body.is_char_boundary(m.start) && article.body.is_char_boundary(m.end));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn plain_text_never_panics(text in document()) {
        check("a.txt", &text);
    }

    #[test]
    fn html_never_panics(text in document()) {
        check("a.html", &text);
    }

    #[test]
    fn markdown_never_panics(text in document()) {
        check("a.md", &text);
    }

    #[test]
    fn json_lines_never_panic(text in document()) {
        check("a.jsonl", &text);
    }

    #[test]
    fn unknown_extensions_are_sniffed_without_panic(text in document()) {
        check("a.dat", &text);
    }

    #[test]
    fn entity_offsets_fall_on_char_boundaries(text in document()) {
        check_offsets("a.txt", &text);
        check_offsets("a.html", &text);
    }
}
