//! Property tests of the extractor: any input, no panic; every mention on char
//! boundaries inside the body, sorted; `count` equals the number of mentions.

use dossier::extract::{Entity, entities};
use proptest::prelude::*;

fn check(body: &str, found: &[Entity]) {
    for e in found {
        assert_eq!(e.count, e.mentions.len(), "{e:?}");
        assert!(!e.mentions.is_empty(), "{e:?}");
        assert!(e.mentions.windows(2).all(|w| w[0] <= w[1]), "sorted: {e:?}");
        for m in &e.mentions {
            assert!(
                m.start < m.end && m.end <= body.len(),
                "{m:?} in {} bytes",
                body.len()
            );
            assert!(
                body.is_char_boundary(m.start) && body.is_char_boundary(m.end),
                "{m:?}"
            );
        }
        assert!(!e.name.is_empty());
    }
}

/// Name-like words, connectors and punctuation, so the rules actually fire.
fn newsy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Quux",
        "Zorb",
        "Group",
        "Co",
        "Ltd",
        ".",
        ",",
        "of",
        "and",
        "the",
        "(",
        ")",
        "QZ",
        "Park",
        "New",
        "Area",
        "University",
        "said",
        "Wang",
        "Li",
        "Xiaoming",
        "Mary",
        "'s",
        "-based",
        "-",
        "Beijing",
        "China",
        "U.S.",
        "2,200",
        "servers",
        "$",
        "15",
        "billion",
        "yuan",
        "March",
        "28",
        "late",
        "June",
        "2021-2025",
        "%",
        "\u{2019}s",
        "é",
        "\u{1F600}",
        "Ministry",
        "Industrial",
        "Zone",
        "Expo",
        "CEO",
        "founder",
        "\n",
        "  ",
        "companies",
        "such",
        "as",
        "like",
        "Hi-Tech",
        "District",
        "also",
        "known",
        "Corp",
        "Inc",
        "People",
    ]);
    prop::collection::vec(words, 0..80).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_breaks_the_invariants(body in any::<String>()) {
        let found = entities(&body);
        check(&body, &found);
    }

    #[test]
    fn newsy_text_never_breaks_the_invariants(body in newsy()) {
        let found = entities(&body);
        check(&body, &found);
    }
}

#[test]
fn hostile_inputs() {
    for body in [
        "",
        " ",
        "(((((",
        "'s 's 's",
        "A-B-C-D-E-F-G-H-I-J-K",
        "\u{202e}Quux Group\u{202c} Co.",
        &"Quux ".repeat(5000),
        &"Beijing-".repeat(2000),
        "Co. Ltd. Inc. (AB) (CD Group)",
    ] {
        let found = entities(body);
        check(body, &found);
    }
}
