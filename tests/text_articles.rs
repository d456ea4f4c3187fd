//! Plain-text dumps of news pages in styles the seeds do not show: a wire story
//! with a pipe-separated source line and share widgets, a date line above the
//! headline and closing credits, a source line above the headline, and a Chinese
//! portal page with Chinese labels; an agency time line and a wire dateline after a
//! photo caption, a date glued to the headline and a name alone under it. Made-up
//! articles; expectations are per file.

use dossier::corpus::{Article, load_text};
use std::path::Path;

fn load(name: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/text")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("fixture");
    let mut corpus = load_text(name, &text);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    corpus.articles.remove(0)
}

fn check(a: &Article, meta: [Option<&str>; 4], include: &[&str], exclude: &[&str]) {
    let [title, source, date, author] = meta;
    assert_eq!(Some(a.title.as_str()), title, "{}: title", a.file);
    assert_eq!(a.source.as_deref(), source, "{}: source", a.file);
    assert_eq!(a.date.as_deref(), date, "{}: date", a.file);
    assert_eq!(a.author.as_deref(), author, "{}: author", a.file);
    for s in include {
        assert!(
            a.body.contains(s),
            "{}: body lacks {s:?}\n{}",
            a.file,
            a.body
        );
    }
    for s in exclude {
        assert!(
            !a.body.contains(s),
            "{}: body keeps {s:?}\n{}",
            a.file,
            a.body
        );
    }
}

#[test]
fn wire_story_with_source_line_and_share_widgets() {
    check(
        &load("wire_agency.txt"),
        [
            Some("China's exports rise 5 pct in April"),
            Some("Eastwire"),
            Some("2019-05-08"),
            None,
        ],
        &[
            "BEIJING, May 8 (Eastwire) -- China's exports rose",
            "edged up 2 percent.",
        ],
        &[
            "Home",
            "Source:",
            "Editor",
            "Video Player",
            "Follow us",
            "Share",
            "Print",
            "Email",
            "Related",
            "Customs clearance time cut",
            "Back to Top",
            "All Rights Reserved",
        ],
    );
}

#[test]
fn date_line_above_the_headline_and_closing_credits() {
    check(
        &load("dateline_above_title.txt"),
        [
            Some("Port strike halts container traffic in northern Europe"),
            Some("Northwire"),
            Some("2021-03-03"),
            Some("Anna Schmidt"),
        ],
        &[
            "HAMBURG (Northwire) - A strike by dock workers",
            "a union spokeswoman told reporters in Hamburg.",
        ],
        &[
            "World News",
            "Updated",
            "By Anna Schmidt",
            "Min Read",
            "Reporting by",
            "Our Standards",
        ],
    );
}

#[test]
fn source_and_published_line_above_the_headline() {
    check(
        &load("source_line_first.txt"),
        [
            Some("Chinese carmakers step up exports to Latin America"),
            Some("Harbour Times"),
            Some("2020-03-04"),
            None,
        ],
        &[
            "Chinese carmakers are stepping up exports",
            "assembly plants.",
        ],
        &["Source:", "Published", "Newspaper headline"],
    );
}

#[test]
fn chinese_portal_with_chinese_labels() {
    check(
        &load("chinese_portal.txt"),
        [
            Some("重庆两江新区数字经济产业园开园"),
            Some("山城日报"),
            Some("2019-06-28"),
            Some("张伟"),
        ],
        &[
            "6月27日，重庆两江新区数字经济产业园正式开园",
            "等方面的支持。",
        ],
        &["首页", "来源", "责任编辑", "版权所有", "ICP"],
    );
}

#[test]
fn agency_time_line_and_a_wire_dateline_after_a_photo_caption() {
    check(
        &load("caption_before_dateline.txt"),
        [
            Some("Harbour city draws record number of shipping firms"),
            Some("Xinhua"),
            Some("2017-03-04"),
            None,
        ],
        &[
            "PORTVILLE, March 4 (Xinhua) -- Portville has become",
            "add another tenth",
        ],
        &[
            "09:15",
            "record number of shipping firms",
            "All rights reserved",
        ],
    );
}

#[test]
fn a_date_glued_to_the_headline_and_a_name_alone_under_it() {
    check(
        &load("name_under_headline.txt"),
        [
            Some("Riverside district signs eight new factory deals"),
            None,
            Some("2023-09-14"),
            Some("Zhao Minghui"),
        ],
        &[
            "Companies signed agreements on eight new factory projects",
            "The district chief speaks",
        ],
        &["Updated", "Zhao Minghui", "signs eight new factory deals"],
    );
}

#[test]
fn an_updated_line_with_the_time_before_a_dashed_date() {
    let a = load("updated_time_first.txt");
    check(
        &a,
        [
            Some("Quxton ferry terminal doubles its night sailings"),
            None,
            Some("2019-08-14"),
            None,
        ],
        &["The ferry operator at Quxton said on Wednesday"],
        &["Updated", "14:59"],
    );
    assert_eq!(a.why.date, dossier::corpus::Evidence::Byline);
}

#[test]
fn an_updated_line_with_the_outlet_after_date_and_time() {
    let a = load("updated_outlet_last.txt");
    check(
        &a,
        [
            Some("Portline opens a second container berth"),
            Some("QTV"),
            Some("2019-08-24"),
            None,
        ],
        &["Portline Holdings opened a second container berth"],
        &["Updated", "04:32 PM"],
    );
}

#[test]
fn a_bracketed_site_updated_line_and_a_mixed_case_dateline() {
    let a = load("domain_updated_dateline.txt");
    check(
        &a,
        [
            Some("Quxton sets up a logistics fund for inland ports"),
            Some("portal.quxton.gov.cn"),
            Some("2017-07-11"),
            None,
        ],
        &["The city of Quxton has set up a logistics fund"],
        &["Updated :"],
    );
    // Without the site line, the agency in the mixed-case dateline is the outlet.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/text/domain_updated_dateline.txt"),
    )
    .expect("fixture");
    let rest = text.split_once('\n').map_or("", |(_, r)| r);
    let corpus = load_text("dateline.txt", rest);
    assert_eq!(corpus.articles[0].source.as_deref(), Some("Xinhua"));
    assert_eq!(
        corpus.articles[0].title,
        "Quxton sets up a logistics fund for inland ports"
    );
}

/// Reuters copies rebuilt one sentence per line (the CoNLL-2003 shape): a short
/// document of a headline, a dateline and one sentence is an article dated by
/// its dateline.
#[test]
fn short_wire_copy_one_sentence_per_line_is_an_article() {
    let text = "GOLF - NORMAN LEADS BY TWO\n\
                SYDNEY 1996-08-30\n\
                Australian Greg Norman shot a 66 on Friday to lead the Canadian Open by two strokes .\n";
    let corpus = load_text("short.txt", text);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    assert_eq!(corpus.articles.len(), 1);
    let a = &corpus.articles[0];
    assert!(a.body.contains("Greg Norman shot a 66"), "{}", a.body);
    assert_eq!(
        a.title, "GOLF - NORMAN LEADS BY TWO",
        "a dateline is not the title"
    );
    assert_eq!(a.date.as_deref(), Some("1996-08-30"), "the dateline's date");
}

/// Issue 14: "a document of a headline and one sentence loads (it is an article,
/// not 'no article text')", in either case and with or without a full stop.
#[test]
fn a_headline_and_one_short_sentence_is_an_article() {
    for text in [
        "Zedburg port reopens\nThe port reopened on Monday.\n",
        "ZEDBURG PORT REOPENS\nThe port of Zedburg reopened on Monday .\n",
        "Markets rally\nShares in Quxton rose 3 percent on Tuesday after the bank cut rates\n",
    ] {
        let corpus = load_text("short.txt", text);
        assert!(
            corpus.problems.is_empty(),
            "{text:?}: {:?}",
            corpus.problems
        );
        assert_eq!(corpus.articles.len(), 1, "{text:?}");
        let a = &corpus.articles[0];
        assert!(
            a.body.contains("reopened") || a.body.contains("rose"),
            "{text:?}: {}",
            a.body
        );
        assert!(!a.title.is_empty());
    }
}
