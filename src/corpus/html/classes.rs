//! What an element's tag, role, class and id say about it: never content (script,
//! nav, hidden), unlikely content (share bars, related lists, cookie banners), or
//! likely content (article, story, post body). Readability-style hints.

use aho_corasick::AhoCorasick;
use scraper::node::Element;
use std::sync::LazyLock;

/// Tags whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "img", "picture", "source", "nav", "footer", "aside", "button",
    "select", "option", "input", "textarea", "label", "dialog", "menu", "head", "link", "meta",
];

/// ARIA roles of page furniture.
const SKIP_ROLES: &[&str] = &[
    "navigation",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "search",
    "dialog",
    "alertdialog",
    "toolbar",
    "banner",
];

/// Class/id fragments of content shown only on hover or click (cards about a
/// linked person, tooltips), and of photo credits ("Jane Roe/Agency" under a
/// picture): never text of the story, even inside a paragraph or caption.
/// ("attribution" is not one: it also names who said a pull quote.)
const SKIP_CLASSES: &[&str] = &["tooltip", "popover", "rollover", "hovercard", "credit"];

/// Class/id fragments of byline and dateline boxes: furniture for the story (unless
/// story-like), but their lines are still read for metadata.
const BYLINE: &[&str] = &["byline", "dateline", "author"];

/// Class/id fragments of a quoted post embedded in the story (a tweet inside a
/// "social-media-embed" box): the social hint does not make it furniture.
const EMBED: &[&str] = &["embed", "tweet", "instagram-media"];

/// Class/id fragments of blocks that are never the story, whatever else they say
/// (comments and related-story boxes hold real paragraphs, so prose does not save them).
/// ("read-more" and "paywall" are not here: sites wrap the rest of the story in them.)
const NEVER: &[&str] = &[
    "related",
    "comment",
    "disqus",
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "signup",
    "sign-up",
    "promo",
    "advert",
    "sponsor",
    "-ad-",
    "ad-slot",
    "ad-container",
    "adsbygoogle",
    "recommend",
    "trending",
    "most-read",
    "mostread",
    "most-popular",
    "mostpopular",
    "popular",
    "outbrain",
    "taboola",
    "more-stories",
    "gallery",
    "legends",
    "carousel",
    "slideshow",
    "next-article",
    "prev-article",
];

/// Class/id fragments of furniture that a story section may still carry by accident
/// (ids made from headings: "sharing-with-a-single-developer"): dropped unless the
/// element holds real paragraphs.
const SOFT: &[&str] = &[
    "share",
    "sharing",
    "social",
    "breadcrumb",
    "sr-only",
    "visually-hidden",
    "screen-reader",
    "skip-link",
    "skiplink",
];

/// Class/id fragments of furniture, unless the element also looks like the story.
const UNLIKELY: &[&str] = &[
    "sidebar",
    "side-bar",
    "footer",
    "masthead",
    "menu",
    "navbar",
    "nav-",
    "-nav",
    "banner",
    "pagination",
    "pager",
    "toolbar",
    "popup",
    "pop-up",
    "modal",
    "widget",
    "login",
    "rss",
    "tag-list",
    "taglist",
    "tags",
    "topics",
    "site-header",
    "page-header",
    "header-",
    "-header",
];

/// Class/id fragments of the story itself.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "story", "text", "blog", "prose",
    "detail", "hentry", "h-entry",
];

/// Class/id fragments that count against a block when scoring.
const NEGATIVE: &[&str] = &[
    "hidden",
    "meta",
    "media",
    "caption",
    "contact",
    "footnote",
    "scroll",
    "shopping",
    "header",
    "wp-caption",
];

/// What the hints say about one element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Verdict {
    /// Never article text (by tag, role or hidden state): skip the subtree.
    pub skip: bool,
    /// Furniture by its class or id: dropped unless it holds most of the page's text
    /// or (when not `hard`) real paragraphs.
    pub unlikely: bool,
    /// Furniture whose paragraphs are not the story either (comments, related boxes).
    pub hard: bool,
    /// Readability-style class weight: +25 story-like, -25 furniture-like.
    pub weight: i32,
    /// A byline or dateline box (see [`BYLINE`]).
    pub byline: bool,
}

/// Which list a fragment came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hint {
    Skip,
    Embed,
    Byline,
    Never,
    Soft,
    Unlikely,
    Positive,
    Negative,
}

/// All fragments in one automaton, so an element's class and id are scanned once.
static FRAGMENTS: LazyLock<(AhoCorasick, Vec<Hint>)> = LazyLock::new(|| {
    let lists = [
        (SKIP_CLASSES, Hint::Skip),
        (EMBED, Hint::Embed),
        (BYLINE, Hint::Byline),
        (NEVER, Hint::Never),
        (SOFT, Hint::Soft),
        (UNLIKELY, Hint::Unlikely),
        (POSITIVE, Hint::Positive),
        (NEGATIVE, Hint::Negative),
    ];
    let (patterns, hints): (Vec<&str>, Vec<Hint>) = lists
        .iter()
        .flat_map(|(list, hint)| list.iter().map(move |p| (*p, *hint)))
        .unzip();
    let automaton =
        AhoCorasick::new(patterns).unwrap_or_else(|e| panic!("bad class fragments: {e}"));
    (automaton, hints)
});

/// The hint lists an element's class and id touch.
fn hints(names: &str) -> [bool; 8] {
    let mut found = [false; 8];
    if names.is_empty() {
        return found;
    }
    let (automaton, kinds) = &*FRAGMENTS;
    for m in automaton.find_overlapping_iter(names) {
        found[kinds[m.pattern().as_usize()] as usize] = true;
    }
    found
}

/// Judges an element. `in_article` is true inside `<article>` or `<main>`, where a
/// `<header>` holds the headline and byline rather than the site's masthead.
pub(super) fn judge(element: &Element, in_article: bool) -> Verdict {
    let tag = element.name();
    let [
        hover,
        embed,
        byline,
        never,
        soft,
        unlikely,
        positive,
        negative,
    ] = hints(&class_and_id(element));
    let byline = byline && !positive;
    let (soft, negative) = (soft && !embed, negative && !embed);
    let positive = positive || element.attr("itemprop") == Some("articleBody");
    // Page-level wrappers carry state and feature classes ("comments-open",
    // "has-sidebar", "plugin-tooltip"): no class makes a whole page furniture.
    let wrapper = matches!(tag, "html" | "body" | "article" | "main");
    let skip = SKIP_TAGS.contains(&tag)
        || hover && !wrapper
        || (tag == "header" && !in_article)
        || is_hidden(element)
        || element
            .attr("role")
            .is_some_and(|r| SKIP_ROLES.contains(&r) && !(r == "banner" && in_article));
    // A form is a search box or a sign-up, unless the site wraps the whole page in
    // one (ASP.NET): furniture that holding most of the text or real prose overrules.
    let form = tag == "form";
    let mut weight = 0;
    if positive {
        weight += 25;
    }
    if negative || unlikely || soft || byline {
        weight -= 25;
    }
    Verdict {
        skip,
        unlikely: !wrapper && (never || soft || form || byline || unlikely && !positive),
        hard: !wrapper && never,
        weight,
        byline: !wrapper && byline,
    }
}

/// Class and id, lower-cased, space-separated, padded so "-nav" style fragments match
/// at the ends. Negated names ("non-ad-column", "no-sidebar") say what the element
/// is not, so they are left out.
fn class_and_id(element: &Element) -> String {
    let class = element.attr("class").unwrap_or("");
    let id = element.attr("id").unwrap_or("");
    if class.is_empty() && id.is_empty() {
        return String::new();
    }
    let mut names = String::from(" ");
    for name in class.split_whitespace().chain(id.split_whitespace()) {
        let lower = name.to_ascii_lowercase();
        if !(lower.starts_with("non-") || lower.starts_with("no-") || lower.starts_with("not-")) {
            names.push_str(&lower);
            names.push(' ');
        }
    }
    names
}

/// Whole class names that CSS frameworks use for `display: none` ("hidden-xs",
/// hidden on small screens only, is not one).
const HIDDEN_CLASSES: &[&str] = &[
    "hidden",
    "hide",
    "d-none",
    "is-hidden",
    "display-none",
    "invisible",
];

fn is_hidden(element: &Element) -> bool {
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    let hidden_class = element.attr("class").is_some_and(|c| {
        c.split_whitespace()
            .any(|name| HIDDEN_CLASSES.iter().any(|h| name.eq_ignore_ascii_case(h)))
    });
    if hidden_class {
        return true;
    }
    let style = element.attr("style").unwrap_or("").to_ascii_lowercase();
    let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
    style.contains("display:none") || style.contains("visibility:hidden")
}

/// Tags that start a new block of text.
pub(super) fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "figure"
            | "figcaption"
            | "caption"
            | "address"
            | "center"
            | "hr"
            | "body"
            | "html"
            | "details"
            | "summary"
            | "form"
    )
}

/// Readability's starting score for a container by its tag.
pub(super) fn tag_score(tag: &str) -> f64 {
    match tag {
        "div" | "article" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    fn verdict_of(html: &str, css: &str) -> Verdict {
        let doc = Html::parse_fragment(html);
        let sel = Selector::parse(css).unwrap();
        judge(doc.select(&sel).next().unwrap().value(), false)
    }

    fn verdict(html: &str, in_article: bool) -> Verdict {
        let doc = Html::parse_fragment(html);
        let sel = Selector::parse("div, nav, header, p, section").unwrap();
        let el = doc.select(&sel).next().unwrap();
        judge(el.value(), in_article)
    }

    #[test]
    fn furniture_tags_roles_and_hidden_are_skipped() {
        assert!(verdict("<nav>x</nav>", false).skip);
        assert!(verdict("<div role=\"navigation\">x</div>", false).skip);
        assert!(verdict("<div style=\"display: none\">x</div>", false).skip);
        assert!(verdict("<div aria-hidden=\"true\">x</div>", false).skip);
        assert!(verdict("<div class=\"meta hidden\">x</div>", false).skip);
        assert!(!verdict("<div class=\"hidden-xs\">x</div>", false).skip);
    }

    #[test]
    fn site_header_skipped_but_article_header_kept() {
        assert!(verdict("<header>x</header>", false).skip);
        assert!(!verdict("<header>x</header>", true).skip);
    }

    #[test]
    fn share_and_related_blocks_are_unlikely_even_when_story_like() {
        assert!(verdict("<div class=\"share-tools\">x</div>", false).unlikely);
        assert!(verdict("<section id=\"related-stories\">x</section>", false).unlikely);
        assert!(verdict("<div class=\"cookie-banner\">x</div>", false).unlikely);
        assert!(verdict("<div class=\"related-articles\">x</div>", false).unlikely);
    }

    #[test]
    fn page_wrappers_are_never_unlikely() {
        let doc = Html::parse_document(
            "<html><body class=\"single comments-open\"><p>x</p></body></html>",
        );
        let body = doc
            .select(&Selector::parse("body").unwrap())
            .next()
            .unwrap();
        assert!(!judge(body.value(), false).unlikely);
    }

    #[test]
    fn embedded_posts_are_not_social_furniture() {
        let embed = verdict("<div class=\"social-media-embed\">x</div>", false);
        assert!(!embed.unlikely && embed.weight == 0);
        assert!(verdict("<div class=\"social-share\">x</div>", false).unlikely);
    }

    #[test]
    fn hover_cards_and_photo_credits_are_skipped() {
        assert!(verdict("<p class=\"rollover-people-block\">x</p>", false).skip);
        assert!(verdict("<div class=\"tooltip\">x</div>", false).skip);
        assert!(verdict("<div class=\"image-credit\">x</div>", false).skip);
    }

    #[test]
    fn a_page_wrapper_with_a_tooltip_plugin_class_is_not_skipped() {
        // yahoo-3: `<html class="... stencil-plugin-tooltip ...">` hid the whole page.
        let html = scraper::Html::parse_document(
            "<html class=\"js plugin-tooltip\"><body class=tooltip-ready><p>Text.</p></body></html>",
        );
        for tag in ["html", "body"] {
            let selector = scraper::Selector::parse(tag).expect("selector");
            let element = html.select(&selector).next().expect("element");
            assert!(!judge(element.value(), false).skip, "{tag}");
        }
        let span = scraper::Html::parse_fragment("<span class=tooltip>Card</span>");
        let selector = scraper::Selector::parse("span").expect("selector");
        let element = span.select(&selector).next().expect("span");
        assert!(judge(element.value(), false).skip);
    }

    #[test]
    fn negated_class_names_are_no_hints() {
        let column = verdict(
            "<section class=\"non-ad-column-l pr5-l\">x</section>",
            false,
        );
        assert!(!column.unlikely);
        assert!(!verdict("<div class=\"no-sidebar story\">x</div>", false).unlikely);
    }

    #[test]
    fn forms_are_soft_furniture_not_skipped() {
        let form = verdict_of("<form id=\"aspnetForm\">x</form>", "form");
        assert!(!form.skip);
        assert!(form.unlikely && !form.hard);
    }

    #[test]
    fn sidebar_is_unlikely_unless_story_like() {
        assert!(verdict("<div class=\"sidebar\">x</div>", false).unlikely);
        assert!(!verdict("<div class=\"main-content with-sidebar\">x</div>", false).unlikely);
    }

    #[test]
    fn story_classes_weigh_positive() {
        assert_eq!(
            verdict("<div class=\"article-body\">x</div>", false).weight,
            25
        );
        assert_eq!(
            verdict("<div class=\"photo-caption\">x</div>", false).weight,
            -25
        );
    }
}
