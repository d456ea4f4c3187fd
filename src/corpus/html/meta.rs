//! Metadata a page states in markup: `<title>`, `<meta>` tags (Open Graph,
//! article:*, Dublin Core, common CMS names), `<link rel=canonical>`, microdata
//! (`itemprop`), `<time datetime>`, byline elements, and JSON-LD NewsArticle.

use crate::corpus::document::{Fallback, Hints, Stated, non_empty};
use crate::corpus::meta::why::{Evidence, Why};
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
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel~=canonical]"));
static JSON_LD: LazyLock<Selector> = LazyLock::new(|| selector("script[type*=\"ld+json\"]"));
static ITEMPROP: LazyLock<Selector> = LazyLock::new(|| selector("[itemprop]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static BYLINE: LazyLock<Selector> = LazyLock::new(|| {
    selector("[rel=author], [class*=byline], [class*=author], [id*=byline], [id*=author]")
});

/// Byline-box parts that hold no name: a role, a biography, a picture, a date.
const NOT_A_NAME_PART: &[&str] = &[
    "comment", "form", "reply", "label", "title", "bio", "desc", "avatar", "image", "img", "photo",
    "pic", "date", "time", "role", "job", "position", "follow", "social", "twitter", "email",
    "more", "about",
];

/// Meta tags for each piece, in the fixed order of trust after JSON-LD: Open
/// Graph and Twitter cards, then Dublin Core, `citation_*`, `article:*` and
/// Parse.ly, then other common names. Keys are matched lower-cased; a tag whose
/// `property` lists several names ("og:title twitter:title") counts for each.
const META_TITLE: &[(&str, Evidence)] = &[
    ("og:title", Evidence::OpenGraph),
    ("twitter:title", Evidence::TwitterCard),
    ("dc:title", Evidence::DublinCore),
    ("dc.title", Evidence::DublinCore),
    ("dcterms:title", Evidence::DublinCore),
    ("dcterms.title", Evidence::DublinCore),
    ("dcterm:title", Evidence::DublinCore),
    ("citation_title", Evidence::Citation),
    ("parsely-title", Evidence::Parsely),
    ("title", Evidence::MetaTag),
    ("headline", Evidence::MetaTag),
];
const META_SOURCE: &[(&str, Evidence)] = &[
    ("og:site_name", Evidence::OpenGraph),
    ("dc:publisher", Evidence::DublinCore),
    ("dc.publisher", Evidence::DublinCore),
    ("dcterms.publisher", Evidence::DublinCore),
    ("citation_publisher", Evidence::Citation),
    ("citation_journal_title", Evidence::Citation),
    ("application-name", Evidence::MetaTag),
    ("publisher", Evidence::MetaTag),
    ("cre", Evidence::MetaTag),
];
const META_DATE: &[(&str, Evidence)] = &[
    ("og:published_time", Evidence::OpenGraph),
    ("og:article:published_time", Evidence::OpenGraph),
    ("dc:date", Evidence::DublinCore),
    ("dc.date", Evidence::DublinCore),
    ("dc.date.issued", Evidence::DublinCore),
    ("dcterms.created", Evidence::DublinCore),
    ("dcterms.date", Evidence::DublinCore),
    ("dcterms:created", Evidence::DublinCore),
    ("citation_publication_date", Evidence::Citation),
    ("citation_date", Evidence::Citation),
    ("article:published_time", Evidence::ArticleMeta),
    ("article.published", Evidence::ArticleMeta),
    ("parsely-pub-date", Evidence::Parsely),
    ("published_time", Evidence::MetaTag),
    ("datepublished", Evidence::MetaTag),
    ("pubdate", Evidence::MetaTag),
    ("publishdate", Evidence::MetaTag),
    ("publish-date", Evidence::MetaTag),
    ("publish_date", Evidence::MetaTag),
    ("date", Evidence::MetaTag),
    ("sailthru.date", Evidence::MetaTag),
    ("release_date", Evidence::MetaTag),
];
/// When a page states only when it was changed.
const META_MODIFIED: &[(&str, Evidence)] = &[
    ("og:updated_time", Evidence::OpenGraph),
    ("article:modified_time", Evidence::ArticleMeta),
];
const META_AUTHOR: &[(&str, Evidence)] = &[
    ("og:article:author", Evidence::OpenGraph),
    ("dc:creator", Evidence::DublinCore),
    ("dc.creator", Evidence::DublinCore),
    ("dcterms.creator", Evidence::DublinCore),
    ("dcterms:creator", Evidence::DublinCore),
    ("citation_author", Evidence::Citation),
    ("article:author", Evidence::ArticleMeta),
    ("parsely-author", Evidence::Parsely),
    ("author", Evidence::MetaTag),
    ("sailthru.author", Evidence::MetaTag),
    ("byl", Evidence::MetaTag),
];
const META_URL: &[&str] = &["og:url", "twitter:url"];

/// What JSON-LD says about the article.
#[derive(Debug, Default)]
struct Linked {
    headline: Option<String>,
    name: Option<String>,
    date: Option<String>,
    /// `dateCreated`: weaker than any stated publication date.
    created: Option<String>,
    author: Option<String>,
    /// Every author object is typed as an organisation.
    author_org: bool,
    publisher: Option<String>,
    url: Option<String>,
    body: Option<String>,
}

/// The page's stated metadata, and JSON-LD `articleBody` when present. Each field's
/// candidates are gathered in the order of trust; the first one is the choice and
/// the rest are kept as fallbacks for when it does not validate.
pub(super) fn read(document: &Html) -> (Hints, Option<String>) {
    let tags = meta_tags(document);
    let linked = json_ld(document);
    let micro = |prop: &str| itemprop(document, prop);
    let title_tag = title_tag(document);
    let listed = |table: &[(&str, Evidence)]| -> Vec<Stated> {
        table
            .iter()
            .filter_map(|(key, from)| tags.get(*key).map(|v| (v.clone(), *from)))
            .collect()
    };
    let with = |value: Option<String>, from: Evidence| value.map(|v| (v, from));
    let titles: Vec<Stated> = with(linked.headline.clone(), Evidence::JsonLd)
        .into_iter()
        .chain(with(linked.name.clone(), Evidence::JsonLd))
        .chain(listed(META_TITLE))
        .chain(with(micro("headline"), Evidence::Microdata))
        .collect();
    let sources: Vec<Stated> = with(linked.publisher.clone(), Evidence::JsonLd)
        .into_iter()
        .chain(listed(META_SOURCE))
        .filter(|(s, _)| !is_url(s))
        .collect();
    let dates: Vec<Stated> = with(linked.date.clone(), Evidence::JsonLd)
        .into_iter()
        .chain(listed(META_DATE))
        .chain(with(micro("datePublished"), Evidence::Microdata))
        .chain(with(time(document), Evidence::TimeElement))
        .chain(with(linked.created.clone(), Evidence::JsonLd))
        .chain(listed(META_MODIFIED))
        .collect();
    let authors: Vec<Stated> = with(linked.author.clone(), Evidence::JsonLd)
        .into_iter()
        .chain(listed(META_AUTHOR))
        .filter(|(v, _)| !is_url(v) && !v.starts_with('@'))
        .chain(with(micro("author"), Evidence::Microdata))
        .chain(
            bylines(document)
                .into_iter()
                .map(|b| (b, Evidence::BylineMarkup)),
        )
        .collect();
    let headings: Vec<String> = document
        .select(&H1)
        .map(|h| h.text().collect::<Vec<_>>().join(" "))
        .filter_map(|h| non_empty(Some(&h)))
        .collect();
    let title = choose_title(&titles, title_tag.as_deref(), &headings)
        .or_else(|| title_tag.clone().map(|t| (t, Evidence::TitleElement)));
    let first = |list: &[Stated]| list.first().cloned();
    let rest = |list: &[Stated]| list.iter().skip(1).cloned().collect::<Vec<_>>();
    let evidence = |v: &Option<Stated>| v.as_ref().map_or(Evidence::None, |(_, e)| *e);
    let (source, date, author) = (first(&sources), first(&dates), first(&authors));
    let hints = Hints {
        from: Why {
            title: evidence(&title),
            source: evidence(&source),
            date: evidence(&date),
            author: evidence(&author),
        },
        title: title.map(|(t, _)| t),
        source: source.map(|(s, _)| s),
        date: date.map(|(d, _)| d),
        author: author.map(|(a, _)| a),
        url: META_URL
            .iter()
            .find_map(|n| tags.get(*n).cloned())
            .or_else(|| canonical(document))
            .or(linked.url.clone()),
        fallback: Fallback {
            title_site: title_tag
                .as_deref()
                .and_then(|t| crate::corpus::meta::source::split_title(t, None).1),
            source: rest(&sources),
            date: rest(&dates),
            author: rest(&authors),
        },
        organisation_author: linked.author_org && linked.author.is_some(),
    };
    (hints, linked.body)
}

/// The most trusted stated title. Within one source, the candidate the page bears
/// out wins: a JSON-LD `headline` that is a short description ("constitutional
/// monarchy in Oceania" on a page titled and headed "New Zealand") gives way to the
/// JSON-LD `name` that the `<title>` or an `<h1>` confirms. The order of trust
/// between sources is never overruled.
fn choose_title(titles: &[Stated], title_tag: Option<&str>, headings: &[String]) -> Option<Stated> {
    let first = titles.first()?;
    let confirmed = |t: &str| {
        title_tag.is_some_and(|tag| agrees(t, tag)) || headings.iter().any(|h| agrees(t, h))
    };
    if confirmed(&first.0) {
        return Some(first.clone());
    }
    titles
        .iter()
        .take_while(|(_, from)| *from == first.1)
        .find(|(t, _)| confirmed(t))
        .or(Some(first))
        .cloned()
}

/// Most of a candidate's words are in the `<title>`.
pub(super) fn agrees(candidate: &str, title_tag: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (mine, theirs) = (words(candidate), words(title_tag));
    if mine.is_empty() {
        return false;
    }
    // Scripts without spaces: compare the letters.
    if mine.len() <= 2 && candidate.chars().count() > 12 {
        let letters = |t: &str| -> String { t.chars().filter(|c| c.is_alphanumeric()).collect() };
        return letters(title_tag).contains(&letters(candidate))
            || letters(candidate).contains(&letters(title_tag));
    }
    let shared = mine.iter().filter(|w| theirs.contains(w)).count();
    shared * 2 >= mine.len()
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
        // RDFa: `property="og:title twitter:title"` states both.
        for name in key.split_whitespace() {
            tags.entry(name.to_ascii_lowercase())
                .or_insert_with(|| content.clone());
        }
    }
    tags
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

/// The short texts of byline and author elements, in page order, without repeats
/// (a role or a biography inside an author box is left out by its class).
fn bylines(document: &Html) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for element in document.select(&BYLINE) {
        let class = element
            .value()
            .attr("class")
            .unwrap_or("")
            .to_ascii_lowercase();
        let part = class
            .split_whitespace()
            .filter(|c| c.contains("author") || c.contains("byline"))
            .any(|c| NOT_A_NAME_PART.iter().any(|p| c.contains(p)));
        let Some(text) =
            short_text(element).filter(|t| !part && t.split_whitespace().count() <= 12)
        else {
            continue;
        };
        if !found.contains(&text) {
            found.push(text);
        }
        if found.len() >= 8 {
            break;
        }
    }
    // An author box holding a name link and a role: the inner element is the name.
    let inner: Vec<String> = found
        .iter()
        .filter(|outer| {
            !found
                .iter()
                .any(|t| t != *outer && outer.contains(t.as_str()))
        })
        .cloned()
        .collect();
    inner
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
                | "SocialMediaPosting"
                | "DiscussionForumPosting"
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
    linked.headline = text("headline");
    linked.name = text("name");
    linked.date = text("datePublished");
    linked.created = text("dateCreated");
    linked.author = text("author").or_else(|| text("creator"));
    linked.author_org = article.get("author").is_some_and(is_organisation);
    linked.publisher = text("publisher").or_else(|| text("sourceOrganization"));
    linked.url = text("url").or_else(|| text("mainEntityOfPage").filter(|u| is_url(u)));
    linked.body = article
        .get("articleBody")
        .and_then(Value::as_str)
        .map(str::to_string);
}

/// An author object (or a list of them) typed as an organisation.
fn is_organisation(value: &Value) -> bool {
    match value {
        Value::Object(map) => map
            .get("@type")
            .and_then(Value::as_str)
            .is_some_and(|t| t == "Organization" || t == "NewsMediaOrganization"),
        Value::Array(items) => !items.is_empty() && items.iter().all(is_organisation),
        _ => false,
    }
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
    fn a_json_ld_headline_the_page_contradicts_gives_way_to_its_name() {
        // A wiki's structured data: the headline is a short description.
        let html = r#"<html><head><title>Quxton - Example Wiki</title>
            <script type="application/ld+json">{"@type":"Article","name":"Quxton","headline":"town in Ruritania"}</script>
            </head><body><h1>Quxton</h1></body></html>"#;
        let h = hints(html);
        assert_eq!(h.title.as_deref(), Some("Quxton"));
        assert_eq!(h.from.title, Evidence::JsonLd);
        // A social title that differs from the visible one is still the first choice
        // when it is the most trusted source (no jump across sources).
        let h = hints(
            r#"<html><head><title>Why the port grew - Harbour Times</title>
            <meta property="og:title" content="The port's big year"></head><body><h1>Why the port grew</h1></body></html>"#,
        );
        assert_eq!(h.title.as_deref(), Some("The port's big year"));
        assert_eq!(h.from.title, Evidence::OpenGraph);
    }

    #[test]
    fn space_separated_properties_count_for_each_name() {
        let h = hints(
            r#"<head><meta property="x:title dc:title" content="Preferred"><meta property="dc:creator twitter:site_name" content="Ann Lee"></head>"#,
        );
        assert_eq!(h.title.as_deref(), Some("Preferred"));
        assert_eq!(h.from.title, Evidence::DublinCore);
        assert_eq!(h.author.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn byline_markup_gives_every_short_author_text_innermost_first_and_no_comment_form() {
        let h = hints(
            r#"<body><form class=comment-form><p class=comment-form-author><label>Name</label></p></form>
            <div class=author><a class=author-link href=/a>Ann Lee</a><div class=author-title>Port Editor</div></div></body>"#,
        );
        assert_eq!(h.author.as_deref(), Some("Ann Lee"));
        assert_eq!(h.from.author, Evidence::BylineMarkup);
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
