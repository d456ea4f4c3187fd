//! The query parser: fzf's term syntax, dossier's scopes, and malformed input
//! (what the strict parser rejects, where it points, and how the lenient reading
//! of the same input behaves).

use dossier::Kind;
use dossier::query::{Mode, Query, QueryError, Scope, Term};
use proptest::prelude::*;

fn parse(q: &str) -> Query {
    Query::parse(q).unwrap_or_else(|e| panic!("{q:?}: {e}"))
}

fn only(q: &str) -> Term {
    let query = parse(q);
    assert_eq!(query.groups.len(), 1, "{q:?}");
    assert_eq!(query.groups[0].len(), 1, "{q:?}");
    query.groups[0][0].clone()
}

fn error(q: &str) -> QueryError {
    match Query::parse(q) {
        Ok(query) => panic!("{q:?} parsed as {query:?}"),
        Err(e) => e,
    }
}

/// (mode, negated, pattern) of each term, group by group.
fn shape(q: &str) -> Vec<Vec<(Mode, bool, String)>> {
    let (query, _) = Query::parse_lenient(q);
    query
        .groups
        .iter()
        .map(|g| {
            g.iter()
                .map(|t| (t.mode, t.negated, t.pattern.clone()))
                .collect()
        })
        .collect()
}

#[test]
fn operators_give_fzf_term_types() {
    use Mode::*;
    let cases = [
        ("chong", Fuzzy, false, "chong"),
        ("'chong", Exact, false, "chong"),
        ("'chong'", Boundary, false, "chong"),
        ("^chong", Prefix, false, "chong"),
        ("qing$", Suffix, false, "qing"),
        ("^chongqing$", Equal, false, "chongqing"),
        ("!chong", Exact, true, "chong"),
        ("!'chong", Fuzzy, true, "chong"),
        ("!^chong", Prefix, true, "chong"),
        ("!qing$", Suffix, true, "qing"),
        ("!^chongqing$", Equal, true, "chongqing"),
        ("!'chong'", Boundary, true, "chong"),
        // fzf's own quirks, kept: the suffix is read first, then one prefix operator.
        ("'chong$", Exact, false, "chong"),
        ("'^chong", Exact, false, "^chong"),
        ("^'chong", Prefix, false, "'chong"),
        ("'chong'$", Boundary, false, "chong"),
        ("$", Fuzzy, false, "$"),
        ("!$", Exact, true, "$"),
        ("''", Exact, false, "'"),
        ("'''", Boundary, false, "'"),
        ("!!bang", Exact, true, "!bang"),
        ("a|b", Fuzzy, false, "a|b"),
    ];
    for (q, mode, negated, pattern) in cases {
        let t = only(q);
        assert_eq!(
            (t.mode, t.negated, t.pattern.as_str()),
            (mode, negated, pattern),
            "{q:?}"
        );
        assert_eq!(t.scope, Scope::All, "{q:?}");
    }
}

#[test]
fn spaces_and_bars_make_groups() {
    use Mode::Fuzzy;
    let f = |s: &str| (Fuzzy, false, s.to_string());
    assert_eq!(shape("a b"), vec![vec![f("a")], vec![f("b")]]);
    assert_eq!(shape("a | b c"), vec![vec![f("a"), f("b")], vec![f("c")]]);
    assert_eq!(shape("a | b | c"), vec![vec![f("a"), f("b"), f("c")]]);
    assert_eq!(shape("  a    b  "), vec![vec![f("a")], vec![f("b")]]);
    assert!(parse("").is_empty());
    assert!(parse("   ").is_empty());
}

#[test]
fn escaped_space_is_part_of_a_term() {
    assert_eq!(only("new\\ area").pattern, "new area");
    assert_eq!(only("area\\ ").pattern, "area ");
    assert_eq!(only("\\ area").pattern, " area");
    // A tab never separates terms; inside a term it stands for a space, as in fzf.
    assert_eq!(only("new\tarea").pattern, "new area");
    // Only a backslash before a space escapes.
    assert_eq!(only("a\\b").pattern, "a\\b");
}

#[test]
fn smart_case_and_accents() {
    let t = only("chong");
    assert!(!t.case_sensitive && t.normalize);
    let t = only("Chong");
    assert!(t.case_sensitive && t.normalize);
    assert_eq!(t.pattern, "Chong");
    let t = only("zürich");
    assert!(!t.case_sensitive && !t.normalize);
    let t = only("ZÜRICH");
    assert!(t.case_sensitive && !t.normalize);
    // Operators have no case: "!Beijing" is case-sensitive because of the B.
    assert!(only("!Beijing").case_sensitive);
}

#[test]
fn scopes_and_short_forms() {
    let cases = [
        ("city:chong", Scope::Kind(Kind::City)),
        ("c:chong", Scope::Kind(Kind::City)),
        ("region:x", Scope::Kind(Kind::Region)),
        ("country:x", Scope::Kind(Kind::Country)),
        ("zone:x", Scope::Kind(Kind::Zone)),
        ("firm:ali", Scope::Kind(Kind::Firm)),
        ("f:ali", Scope::Kind(Kind::Firm)),
        ("org:x", Scope::Kind(Kind::Org)),
        ("person:x", Scope::Kind(Kind::Person)),
        ("event:x", Scope::Kind(Kind::Event)),
        ("figure:x", Scope::Kind(Kind::Figure)),
        ("date:2016", Scope::Kind(Kind::Date)),
        ("cities:x", Scope::Kind(Kind::City)),
        ("CITY:x", Scope::Kind(Kind::City)),
        ("title:x", Scope::Title),
        ("source:x", Scope::Source),
        ("outlet:x", Scope::Source),
    ];
    for (q, scope) in cases {
        assert_eq!(only(q).scope, scope, "{q:?}");
    }
    let t = only("City:Chong");
    assert_eq!((t.scope, t.case_sensitive), (Scope::Kind(Kind::City), true));
    assert!(
        !only("CITY:chong").case_sensitive,
        "the scope name does not count for smart case"
    );
    assert_eq!(only("city:foo:bar").pattern, "foo:bar");
}

#[test]
fn scoped_operators_and_negation_either_side() {
    let t = only("city:^chong");
    assert_eq!(
        (t.scope, t.mode, t.pattern.as_str()),
        (Scope::Kind(Kind::City), Mode::Prefix, "chong")
    );
    let a = only("!city:beijing");
    let b = only("city:!beijing");
    assert_eq!(
        (a.scope, a.mode, a.negated, &a.pattern),
        (b.scope, b.mode, b.negated, &b.pattern)
    );
    assert_eq!((a.mode, a.negated), (Mode::Exact, true));
    let t = only("f:'cloud'");
    assert_eq!((t.scope, t.mode), (Scope::Kind(Kind::Firm), Mode::Boundary));
}

#[test]
fn bare_scope_means_has_any() {
    let t = only("region:");
    assert!(t.is_presence() && !t.negated);
    assert_eq!(t.scope, Scope::Kind(Kind::Region));
    assert!(only("!region:").negated);
    assert!(only("city:!").is_presence() && only("city:!").negated);
    let q = parse("city:chengdu firm:cloud");
    assert_eq!(q.groups.len(), 2);
}

#[test]
fn colons_that_are_not_scopes_are_text() {
    assert_eq!(only("12:30").pattern, "12:30");
    assert_eq!(only(":x").pattern, ":x");
    assert_eq!(only("'http:").pattern, "http:");
    assert_eq!(only("^re:").pattern, "re:");
}

#[test]
fn unknown_scope_is_an_error_pointing_at_it() {
    let e = error("citty:chong");
    assert_eq!(e.message, "unknown scope 'citty:'");
    assert_eq!((e.column, e.span.clone()), (1, 0..6));
    let negated = error("!fiirm:x");
    assert_eq!((negated.column, negated.span.clone()), (2, 1..7));
    assert_eq!(e.to_string(), "unknown scope 'citty:' at column 1");
    assert!(
        e.hint
            .as_deref()
            .is_some_and(|h| h.contains("city (c)") && h.contains("'citty:"))
    );
    let e = error("chong  fiirm:ali");
    assert_eq!((e.column, e.span.start), (8, 7));
    let e = error("重庆 http://x");
    assert_eq!(
        (e.column, e.span.start),
        (4, 7),
        "columns count chars, spans bytes"
    );
    // Lenient reading: the text itself, as fzf would read it.
    let (q, problems) = Query::parse_lenient("http://example");
    assert_eq!(problems.len(), 1);
    assert_eq!(q.groups[0][0].pattern, "http://example");
    assert_eq!(q.groups[0][0].scope, Scope::All);
}

#[test]
fn operators_with_nothing_to_match_are_errors() {
    for (q, column) in [
        ("!", 1),
        ("chong !", 7),
        ("^", 1),
        ("'", 1),
        ("!^", 1),
        ("^$", 1),
        ("'$", 1),
        ("!'", 1),
        ("city:^", 1),
        ("a !'$", 3),
    ] {
        let e = error(q);
        assert!(e.message.ends_with("has nothing to match"), "{q:?}: {e}");
        assert_eq!(e.column, column, "{q:?}");
    }
    assert_eq!(error("chong !").message, "'!' has nothing to match");
    // Lenient: dropped, as fzf drops them.
    assert_eq!(shape("chong !"), shape("chong"));
    assert_eq!(shape("a | ! b"), shape("a | b"));
}

#[test]
fn stray_bars_are_errors() {
    let e = error("| chong");
    assert_eq!(
        (e.message.as_str(), e.column),
        ("'|' needs a term before it", 1)
    );
    let e = error("chong |");
    assert_eq!(
        (e.message.as_str(), e.column),
        ("'|' needs a term after it", 7)
    );
    let e = error("chong | | tencent");
    assert_eq!(
        (e.message.as_str(), e.column),
        ("'|' needs a term after it", 7)
    );
    // Lenient: fzf's reading. A leading or doubled bar is text; a trailing one is ignored.
    use Mode::Fuzzy;
    let f = |s: &str| (Fuzzy, false, s.to_string());
    assert_eq!(shape("| chong"), vec![vec![f("|")], vec![f("chong")]]);
    assert_eq!(shape("chong |"), vec![vec![f("chong")]]);
    assert_eq!(shape("a | | b"), vec![vec![f("a"), f("|")], vec![f("b")]]);
}

#[test]
fn quotes_are_operators_not_delimiters() {
    // fzf has no quoted strings, so nothing is "unbalanced": a leading ' flips to
    // exact, a ' at both ends asks for word boundaries, any other ' is text.
    assert_eq!(only("'chong").mode, Mode::Exact);
    assert_eq!(only("it's").pattern, "it's");
    assert_eq!(only("chong'").pattern, "chong'");
    assert_eq!(only("\"chong").pattern, "\"chong");
    assert_eq!(only("\"chong\"").mode, Mode::Fuzzy);
}

#[test]
fn spans_point_into_the_input() {
    let q = parse("  city:chong  !beijing");
    let spans: Vec<_> = q.terms().map(|t| t.span.clone()).collect();
    assert_eq!(spans, vec![2..12, 14..22]);
}

#[test]
fn first_problem_is_reported() {
    let e = error("a | ! citty:x");
    assert_eq!(e.column, 5);
    let (_, problems) = Query::parse_lenient("a | ! citty:x |");
    assert_eq!(problems.len(), 3);
    assert!(
        problems
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start)
    );
}

proptest! {
    #[test]
    fn never_panics_and_strict_agrees_with_lenient(input in "[ a-zA-Z0-9!|'^$:\\\\\t\u{e9}\u{91cd}-]{0,40}") {
        let (lenient, problems) = Query::parse_lenient(&input);
        match Query::parse(&input) {
            Ok(strict) => {
                prop_assert!(problems.is_empty());
                prop_assert_eq!(strict, lenient);
            }
            Err(e) => {
                prop_assert_eq!(Some(&e), problems.first());
                prop_assert!(input.is_char_boundary(e.span.start) && input.is_char_boundary(e.span.end));
                prop_assert!(e.span.end <= input.len());
            }
        }
    }

    #[test]
    fn any_string_parses_leniently(input in any::<String>()) {
        let (query, _) = Query::parse_lenient(&input);
        for term in query.terms() {
            prop_assert!(term.span.end <= input.len());
        }
    }
}
