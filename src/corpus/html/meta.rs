//! Metadata a page states in markup: `<title>`, `<meta>` tags (Open Graph,
//! article:*, Dublin Core, common CMS names), `<link rel=canonical>`, microdata
//! (`itemprop`), `<time datetime>`, byline elements, and JSON-LD NewsArticle.

use crate::corpus::document::{Hints, non_empty};
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|_| panic!("bad built-in selector {css}"))
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel~=canonical]"));
static JSON_LD: LazyLock<Selector> = LazyLock::new(|| selector("script[type*=\"ld+json\"]"));
static ITEMPROP: LazyLock<Selector> = LazyLock::new(|| selector("[itemprop]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static BYLINE: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        "[rel=author], [class*=byline], [class*=author-name], [class*=article-author], [id*=byline]",
    )
});

/// Meta tag names for each piece, in order of preference.
const META_TITLE: &[&str] = &["og:title", "twitter:title", "title", "dc.title", "headline"];
const META_SOURCE: &[&str] = &[
    "og:site_name",
    "application-name",
    "publisher",
    "dc.publisher",
    "cre",
];
const META_DATE: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "citation_publication_date",
    "release_date",
    "og:updated_time",
    "article:modified_time",
];
const META_AUTHOR: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "citation_author",
    "twitter:creator",
];
const META_URL: &[&str] = &["og:url", "twitter:url"];

/// What JSON-LD says about the article.
#[derive(Debug, Default)]
struct Linked {
    headline: Option<String>,
    date: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    body: Option<String>,
}

/// The page's stated metadata, and JSON-LD `articleBody` when present.
pub(super) fn read(document: &Html) -> (Hints, Option<String>) {
    let tags = meta_tags(document);
    let pick = |names: &[&str]| names.iter().find_map(|n| tags.get(*n).cloned());
    let linked = json_ld(document);
    let micro = |prop: &str| itemprop(document, prop);
    let title_tag = document
        .select(&TITLE)
        .next()
        .map(|t| t.text().collect::<String>());
    let hints = Hints {
        title: linked
            .headline
            .clone()
            .or_else(|| pick(META_TITLE))
            .or_else(|| micro("headline"))
            .or(non_empty(title_tag.as_deref())),
        source: linked
            .publisher
            .clone()
            .or_else(|| pick(META_SOURCE))
            .filter(|s| !is_url(s)),
        date: linked
            .date
            .clone()
            .or_else(|| pick(META_DATE))
            .or_else(|| micro("datePublished"))
            .or_else(|| time(document)),
        author: linked
            .author
            .clone()
            .or_else(|| author_tag(&tags))
            .or_else(|| micro("author"))
            .or_else(|| byline(document)),
        url: pick(META_URL)
            .or_else(|| canonical(document))
            .or(linked.url.clone()),
    };
    (hints, linked.body)
}

/// The `<title>` text alone, for pages whose headline also sits in an `<h1>`.
pub(super) fn title_tag(document: &Html) -> Option<String> {
    let t = document.select(&TITLE).next()?;
    non_empty(Some(&t.text().collect::<String>()))
}

fn meta_tags(document: &Html) -> HashMap<String, String> {
    let mut tags = HashMap::new();
    for meta in document.select(&META) {
        let el = meta.value();
        let key = el
            .attr("property")
            .or(el.attr("name"))
            .or(el.attr("itemprop"));
        let (Some(key), Some(content)) = (key, non_empty(el.attr("content"))) else {
            continue;
        };
        tags.entry(key.trim().to_ascii_lowercase())
            .or_insert(content);
    }
    tags
}

fn author_tag(tags: &HashMap<String, String>) -> Option<String> {
    META_AUTHOR
        .iter()
        .filter_map(|n| tags.get(*n))
        .find(|v| !is_url(v) && !v.starts_with('@'))
        .cloned()
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")
}

fn canonical(document: &Html) -> Option<String> {
    non_empty(document.select(&CANONICAL).next()?.value().attr("href"))
}

/// The first element whose `itemprop` list names `prop` and gives a value: its
/// `content` or `datetime`, or short text (a nested `name` for a Person).
fn itemprop(document: &Html, prop: &str) -> Option<String> {
    document
        .select(&ITEMPROP)
        .filter(|e| {
            e.value()
                .attr("itemprop")
                .is_some_and(|v| v.split_whitespace().any(|t| t == prop))
        })
        .find_map(|el| {
            let value = el.value();
            let direct = value.attr("content").or(value.attr("datetime"));
            let name = el
                .select(&ITEMPROP)
                .find(|n| n.value().attr("itemprop") == Some("name"))
                .and_then(short_text);
            non_empty(direct).or(name).or_else(|| short_text(el))
        })
}

fn time(document: &Html) -> Option<String> {
    non_empty(document.select(&TIME).next()?.value().attr("datetime"))
}

fn byline(document: &Html) -> Option<String> {
    document.select(&BYLINE).find_map(short_text)
}

/// An element's text when it is short enough to be a name or a byline.
fn short_text(el: ElementRef<'_>) -> Option<String> {
    let text = non_empty(Some(&el.text().collect::<Vec<_>>().join(" ")))?;
    (text.chars().count() <= 120).then_some(text)
}

fn json_ld(document: &Html) -> Linked {
    let mut linked = Linked::default();
    for script in document.select(&JSON_LD) {
        let text: String = script.text().collect();
        let Some(value) = parse_lenient(&text) else {
            continue;
        };
        if let Some(article) = find_article(&value, 0) {
            fill(&mut linked, article);
            break;
        }
    }
    linked
}

/// JSON-LD as sites write it: wrapped in `<![CDATA[ ]]>` (or `//` comment markers),
/// sometimes with raw line breaks inside strings, which JSON forbids.
fn parse_lenient(text: &str) -> Option<Value> {
    let mut t = text.trim();
    for (open, close) in [
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
        ("<!--", "-->"),
    ] {
        if let Some(inner) = t.strip_prefix(open) {
            t = inner.trim_end().strip_suffix(close).unwrap_or(inner).trim();
        }
    }
    serde_json::from_str(t).ok().or_else(|| {
        let flat: String = t
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&flat).ok()
    })
}

/// The first object typed as an article, searching arrays, `@graph` and `mainEntity`.
fn find_article(value: &Value, depth: usize) -> Option<&Value> {
    if depth > 8 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        Value::Object(map) => {
            if map.get("@type").is_some_and(is_article_type) {
                return Some(value);
            }
            ["@graph", "mainEntity", "mainEntityOfPage"]
                .iter()
                .find_map(|key| map.get(*key).and_then(|g| find_article(g, depth + 1)))
        }
        _ => None,
    }
}

fn is_article_type(t: &Value) -> bool {
    let named = |s: &str| {
        matches!(
            s,
            "NewsArticle"
                | "Article"
                | "ReportageNewsArticle"
                | "AnalysisNewsArticle"
                | "OpinionNewsArticle"
                | "BackgroundNewsArticle"
                | "BlogPosting"
                | "Report"
                | "LiveBlogPosting"
                | "ScholarlyArticle"
                | "TechArticle"
        )
    };
    match t {
        Value::String(s) => named(s),
        Value::Array(items) => items.iter().any(|v| v.as_str().is_some_and(named)),
        _ => false,
    }
}

fn fill(linked: &mut Linked, article: &Value) {
    let text = |key: &str| article.get(key).and_then(names);
    linked.headline = text("headline").or_else(|| text("name"));
    linked.date = text("datePublished").or_else(|| text("dateCreated"));
    linked.author = text("author").or_else(|| text("creator"));
    linked.publisher = text("publisher").or_else(|| text("sourceOrganization"));
    linked.url = text("url").or_else(|| text("mainEntityOfPage").filter(|u| is_url(u)));
    linked.body = article
        .get("articleBody")
        .and_then(Value::as_str)
        .map(str::to_string);
}

/// A string, an object's `name` (or `@id` for pages), or a list of those joined with ", ".
fn names(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => non_empty(Some(&unescape(s))),
        Value::Object(map) => map.get("name").or(map.get("@id")).and_then(names),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(names).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    }
}

/// JSON-LD text that was HTML-escaped twice ("&#163;71.6m", "Q&amp;A"): numeric
/// and the common named references are decoded; anything else stays as written.
fn unescape(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest[1..]
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| reference(&rest[1..=end]).map(|c| (c, end + 2)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character a reference names (`#163`, `#xA3`, `amp`).
fn reference(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| !c.is_control());
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hints(html: &str) -> Hints {
        read(&Html::parse_document(html)).0
    }

    #[test]
    fn open_graph_and_article_tags() {
        let h = hints(
            "<html><head><title>Port grows | Harbour Times</title>\
             <meta property=\"og:title\" content=\"Port grows\">\
             <meta property=\"og:site_name\" content=\"Harbour Times\">\
             <meta property=\"article:published_time\" content=\"2021-05-06T07:08:09Z\">\
             <meta name=\"author\" content=\"Jane Doe\">\
             <link rel=\"canonical\" href=\"https://harbourtimes.example/port\"></head><body></body></html>",
        );
        assert_eq!(h.title.as_deref(), Some("Port grows"));
        assert_eq!(h.source.as_deref(), Some("Harbour Times"));
        assert_eq!(h.date.as_deref(), Some("2021-05-06T07:08:09Z"));
        assert_eq!(h.author.as_deref(), Some("Jane Doe"));
        assert_eq!(h.url.as_deref(), Some("https://harbourtimes.example/port"));
    }

    #[test]
    fn json_ld_news_article_in_a_graph() {
        let (h, body) = read(&Html::parse_document(
            r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},
             {"@type":["NewsArticle"],"headline":"Rail link opens","datePublished":"2020-02-03",
              "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"}],
              "publisher":{"@type":"Organization","name":"Metro Post"},"articleBody":"Text."}]}
            </script></head><body></body></html>"#,
        ));
        assert_eq!(h.title.as_deref(), Some("Rail link opens"));
        assert_eq!(h.author.as_deref(), Some("Ann Lee, Bo Chan"));
        assert_eq!(h.source.as_deref(), Some("Metro Post"));
        assert_eq!(h.date.as_deref(), Some("2020-02-03"));
        assert_eq!(body.as_deref(), Some("Text."));
    }

    #[test]
    fn json_ld_in_cdata_with_raw_line_breaks() {
        let h = hints(
            "<head><script type=\"application/ld+json\">\n<![CDATA[\n{\"@type\":\"WebPage\",\"mainEntity\":\
             {\"@type\":\"BlogPosting\",\"headline\":\"Two\nlines\",\"datePublished\":\"2024-06-25\"}}\n]]>\n</script></head>",
        );
        assert_eq!(h.title.as_deref(), Some("Two lines"));
        assert_eq!(h.date.as_deref(), Some("2024-06-25"));
    }

    #[test]
    fn author_urls_are_not_names() {
        let h = hints(
            "<head><meta property=\"article:author\" content=\"https://facebook.com/x\"></head><body><span class=\"byline\">By Sam Roe</span></body>",
        );
        assert_eq!(h.author.as_deref(), Some("By Sam Roe"));
    }

    #[test]
    fn microdata_author_lists_and_nested_names() {
        let h = hints(
            "<body><p class=x itemprop=\"author creator\" itemscope><a href=/a><span itemprop=name>Dan Roe</span></a>\
             <img alt=\"a long alternative text that is not part of the name at all\"></p></body>",
        );
        assert_eq!(h.author.as_deref(), Some("Dan Roe"));
    }

    #[test]
    fn json_ld_text_escaped_twice_is_decoded() {
        let h = hints(
            r#"<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Club pays &#163;71.6m &#x20AC; fee, Q&amp;A <Palace> & more &bogus;"}</script></head>"#,
        );
        assert_eq!(
            h.title.as_deref(),
            Some("Club pays \u{a3}71.6m \u{20ac} fee, Q&A <Palace> & more &bogus;")
        );
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let h = hints(
            "<head><script type=\"application/ld+json\">{broken</script><title>T</title></head>",
        );
        assert_eq!(h.title.as_deref(), Some("T"));
    }
}
