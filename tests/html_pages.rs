//! Main-text extraction and metadata on realistic (made-up) news pages: site
//! headers and navigation, breadcrumbs, share bars, related and most-read lists,
//! newsletter boxes, comments, cookie banners, footers, JSON-LD and meta tags.

use dossier::corpus::{Article, load_text};
use std::path::Path;

fn load(name: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/html")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("fixture");
    let corpus = load_text(name, &text);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    assert_eq!(corpus.articles.len(), 1);
    corpus.articles.into_iter().next().expect("article")
}

fn assert_body(article: &Article, include: &[&str], exclude: &[&str]) {
    for s in include {
        assert!(
            article.body.contains(s),
            "{}: body lacks {s:?}\n{}",
            article.file,
            article.body
        );
    }
    for s in exclude {
        assert!(
            !article.body.contains(s),
            "{}: body keeps {s:?}\n{}",
            article.file,
            article.body
        );
    }
}

#[test]
fn news_site_with_json_ld_and_furniture() {
    let a = load("wire_story.html");
    assert_eq!(
        a.title,
        "Harbour city bets on offshore wind to power its new data parks"
    );
    assert_eq!(a.source.as_deref(), Some("The Coastal Ledger"));
    assert_eq!(a.date.as_deref(), Some("2022-03-14"));
    assert_eq!(a.author.as_deref(), Some("Marta Okonkwo"));
    assert!(
        a.url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://www.coastalledger.example/"))
    );
    assert_body(
        &a,
        &[
            "Port Alder will connect two new data parks",
            "Turbines at the Seagrass Bank wind farm",
            "Jobs and doubts",
            "with the first servers expected to go live in early 2024.",
        ],
        &[
            "We use cookies",
            "Accept all",
            "Business Sport",
            "Home",
            "Facebook",
            "Related",
            "Shipyard land sale approved",
            "Sign up for our Business Briefing",
            "Wind power",
            "Comments (12)",
            "finally some investment",
            "Most read",
            "Ferry strike",
            "Copyright",
            "Privacy policy",
            "dataLayer",
            "display:flex",
        ],
    );
    assert!(
        a.body.split("\n\n").count() >= 8,
        "paragraphs are kept apart"
    );
}

#[test]
fn portal_page_with_link_lists_and_byline_outside_the_story() {
    let a = load("portal_story.html");
    assert_eq!(
        a.title,
        "Inland province opens logistics hub for rail freight to Europe"
    );
    assert_eq!(a.source.as_deref(), Some("Eastern Courier"));
    assert_eq!(a.date.as_deref(), Some("2019-11-08"));
    assert_eq!(a.author.as_deref(), Some("Wei Lingyun"));
    assert_body(
        &a,
        &[
            "An inland province opened a logistics hub on Friday",
            // The caption stays; its closing photo credit is cut (issue 17's caption
            // and credit lines, since meta15).
            "A freight train leaves the new logistics hub in Xinping on Friday.",
            "trains to Europe often return half empty.",
        ],
        &[
            "[Photo/Eastern Courier]",
            "Lifestyle",
            "Home / Business",
            "Economy | Companies",
            "Updated:",
            "Editor: Liu Fang",
            "Share:",
            "Related Stories",
            "Rail freight volumes hit record",
            "Most Viewed",
            "Panda twins",
            "Editor's Picks",
            "All rights reserved",
            "Registration Number",
            "(Eastern Courier)",
        ],
    );
}

#[test]
fn blog_with_br_paragraphs_sidebar_and_comments() {
    let a = load("blog_post.html");
    assert_eq!(a.title, "Why small ports are winning the container race");
    assert_eq!(a.source.as_deref(), Some("Harbour Notes"));
    assert_eq!(a.date.as_deref(), Some("2021-06-02"));
    assert_eq!(a.author.as_deref(), Some("Jonas Frey"));
    assert_body(
        &a,
        &[
            "Mid-sized ports have quietly taken market share",
            "What could change",
            "is far from certain.",
        ],
        &[
            "Archive",
            "Posted on",
            "min read",
            "Tags:",
            "Share this",
            "3 comments",
            "underestimate the role of rail",
            "Recent posts",
            "river barges",
            "Powered by",
        ],
    );
    assert_eq!(
        a.body.split("\n\n").count(),
        5,
        "<br><br> separates paragraphs"
    );
}

#[test]
fn bare_fragment_without_metadata_gets_a_derived_title() {
    let html = "<p>The ferry to the outer islands will run twice a day from May, the operator said on Tuesday.</p>\
                <p>Tickets go on sale next week.</p>";
    let corpus = load_text("fragment.html", html);
    let a = &corpus.articles[0];
    assert!(a.title_derived);
    assert_eq!(
        a.title,
        "The ferry to the outer islands will run twice a day from May, the operator said on Tuesday."
    );
    assert_eq!(a.source, None);
    assert_eq!(a.date, None);
    assert_eq!(a.author, None);
    assert!(a.body.ends_with("Tickets go on sale next week."));
}

#[test]
fn a_page_with_no_text_is_reported_not_loaded() {
    let corpus = load_text(
        "empty.html",
        "<html><head><title>x</title><script>var a;</script></head><body><nav><a href=/>Home</a></nav></body></html>",
    );
    assert!(corpus.articles.is_empty());
    assert_eq!(corpus.problems[0].reason, "no article text found");
    assert!(corpus.problems[0].skipped);
}
