//! Known boilerplate phrasing of news sites, in general form: widget labels,
//! calls to action, copyright and licence lines, cookie banners, share rows,
//! reading-time and tracking-pixel fragments. Nothing here comes from one site.

use regex::{Regex, RegexSet};
use std::sync::LazyLock;

use crate::corpus::pattern::compile as regex;

/// Labels that are boilerplate when they are the whole line.
const LABELS: &[&str] = &[
    "most viewed",
    "most popular",
    "most read",
    "most shared",
    "most commented",
    "popular",
    "editor's picks",
    "editors' picks",
    "editor's pick",
    "editor's choice",
    "editors' choice",
    "top news",
    "top stories",
    "today's top news",
    "today's top stories",
    "latest news",
    "latest stories",
    "latest",
    "breaking news",
    "trending",
    "trending now",
    "trending stories",
    "related",
    "related articles",
    "related stories",
    "related news",
    "related posts",
    "related content",
    "related coverage",
    "related topics",
    "related links",
    "recommended",
    "recommended for you",
    "recommended stories",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "more stories",
    "more news",
    "more from this section",
    "read more",
    "read next",
    "read also",
    "also read",
    "see also",
    "continue reading",
    "next article",
    "previous article",
    "next story",
    "previous story",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this page",
    "tweet",
    "print",
    "email",
    "e-mail",
    "comments",
    "comment",
    "leave a comment",
    "post a comment",
    "view comments",
    "show comments",
    "advertisement",
    "advertising",
    "advert",
    "adverts",
    // "Share" in Chinese, as a share row's label ("—分享—").
    "分享",
    // A reading-time widget's label ("Read this article / 3 Minutes").
    "read this article",
    "listen to this article",
    "sponsored",
    "sponsored content",
    "subscribe",
    "subscribe now",
    "newsletter",
    "sign up",
    "sign in",
    "log in",
    "login",
    "register",
    "follow us",
    "back to top",
    "top",
    "tags",
    "topics",
    "keywords",
    "menu",
    "search",
    "skip to content",
    "skip to main content",
    "photos",
    "video",
    "videos",
    "watch",
    "listen",
    "loading",
    "copy link",
    "link copied",
    "close",
    "no script",
    "noscript",
    "in pictures",
    "photo gallery",
    "gallery",
    "special coverage",
    "hot topics",
    "hot news",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "wechat",
    "weibo",
    "ad",
    "ads",
    "font size",
    "text size",
    "adjust font size",
    "adjust text size",
    "change font size",
];

/// Openings of short lines that are boilerplate (the line has at most a few words).
const OPENINGS: &[&str] = &[
    r"most (viewed|popular|read|shared|commented)\b",
    r"editors?'?s? (picks?|choice)",
    r"(today'?s )?top (news|stories)\b",
    r"related (articles|stories|news|posts|content|coverage|links|topics|reading)\b",
    r"more (from|on|in|stories|news)\b",
    r"share (this|on|via|to)\b",
    r"follow us\b",
    r"subscribe (to|for|now|today)\b",
    r"sign up (for|to|now)\b",
    r"read (more|next|also)\b",
    r"click here\b",
    r"click (on )?(the )?(button|link|icon)\b",
    r"start (a|your) (free )?trial\b",
    r"(auto[- ]?)?loading next (article|story)",
    r"you (may|might) (also )?like\b",
    r"recommended (for you|stories|articles)\b",
    r"trending (in|on|now)\b",
    r"latest (from|in|on)\b",
    r"back to (top|home)\b",
    r"(download|get) (our|the) app\b",
    r"(get|join) our newsletter\b",
    r"continue reading\b",
    r"(please )?enable javascript\b",
    r"javascript (is )?(disabled|required)\b",
    r"your browser does not support\b",
    r"video ?player",
    r"(fb|facebook) pixel\b",
    r"advertisement\b",
    r"((adjust|change) )?(font|text) size\b",
    r"(make|set) \S+( \S+)? (as )?your (home ?page|start ?page)\b",
];

static LABEL_SET: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| LABELS.iter().copied().collect());
static OPENING_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    let anchored: Vec<String> = OPENINGS.iter().map(|p| format!(r"(?i)^{p}")).collect();
    crate::corpus::pattern::compile_set(&anchored)
});

/// Copyright and licence lines: "Copyright © 2020 X", "© 2020 X", "(c) 2020", "All rights
/// reserved", Chinese ICP licence numbers, wire-service redistribution notices.
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\W{0,3}(copyright\s*(©|\(c\)|\d{4})|©|\(c\)\s*\d{4})|all rights reserved|\bICP\b.{0,30}?\d{5,}|ICP[备证]|版权所有|저작권|무단\s*전재|無断転載|may not be (re)?published, broadcast|\bwithout (the )?(prior |express |explicit )*written (permission|consent|authori[sz]ation)\b.{0,80}\b(is |are )?(strictly )?(prohibited|forbidden)\b",
    )
});

/// Cookie and consent banners speak as the site to the reader.
static COOKIE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\bwe use cookies\b|\b(this|our) (web)?site uses cookies\b|\buses cookies to\b|\baccept (all )?cookies\b|\bcookie (policy|settings|preferences|notice|consent)\b|\b(you )?(agree|consent) to (the|our) use of cookies\b|\bby (continuing|using) (to (use|browse) )?(this|our) (site|website)\b",
    )
});

/// Reading time and counters: "4 mins read", "12 comments", "1.2k shares", a
/// gallery's "1 / 5".
static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b\d+\s*(min|mins|minute|minutes)\s*read\b|^\d{1,2}\s*(min|mins|minutes?)$|^\d[\d,.]*\s*[km]?\s*(comments?|shares?|views?|likes?|reads?)$|^\d{1,3}\s*(/|of)\s*\d{1,3}$",
    )
});

/// Calls to action that close a story: subscribe, sign up, follow us, join our
/// forum, send a tip, download the app.
static PROMO: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"(?i)\bsubscribe\b|\bsign up\b|\bnewsletters?\b|\bfollow (us|him|her|me|them)\b",
        r"|\bjoin (us|our)\b|\bclick here\b|\b(may|can) be reached at\b|\b(have|got) a (news )?tip\b",
        r"|\b(download|get) (our|the) app\b|\bif you (enjoyed|liked) this\b|\blet us know at\b",
        r"|\bdelivered (to|through) your (inbox|letterbox|door)\b",
    ))
});

/// Tracking-pixel and noscript fragments that page extraction glues to the next text.
static WIDGET_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^((fb|facebook|meta)\s*pixel(\s*code)?\s*(no\s?script)?|noscript)\s*")
});

/// The site telling the reader it earns from links on the page: "We use income
/// earning affiliate links", "may earn a commission", "qualifying purchases".
static AFFILIATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"(?i)\baffiliate (links?|commissions?|programs?|partnerships?)\b",
        r"|\b(may|might|can|could|will|do|does) (earn|receive|get|make) (a |an )?(small |affiliate )?(commission|share of (the )?(sales|revenue))",
        r"|\bqualifying purchases\b|\bincome earning\b",
    ))
});

/// One page widget in a row of them glued to the text: a comment counter ("0
/// Comment(s)", "12 comments"), "Print", "E-mail", "Share", "Tweet", a font-size
/// control ("Adjust font size:", "A+ A-"). Group 1 is a comment counter.
static WIDGET: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:(\d[\d,.]*\s*[km]?\s*comments?\b(?:\(s\))?)|comments?\b(?:\((?:s|\d*)\))?|print\b|e-?mail\b|mail\b|share\b|tweet\b|(?:(?:adjust|change)\s+)?(?:font|text)\s+size\b|a[+-]|(?:large|medium|small)(?:\s+|$)|分享(?:按钮)?)[\s|:/\u{b7}\u{2022}]*",
    )
});

/// Names of share targets; a short line made of them is a share bar.
const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "wechat",
    "weibo",
    "email",
    "e-mail",
    "mail",
    "print",
    "reddit",
    "pinterest",
    "telegram",
    "copy",
    "link",
    "share",
    "tweet",
    "messenger",
    "flipboard",
    "instagram",
    "youtube",
    "tiktok",
    "qzone",
    "line",
    "sms",
];

/// A line that is exactly a boilerplate label, ignoring case and edge punctuation.
pub(crate) fn is_label(text: &str) -> bool {
    // The longest label is under 40 bytes; edge punctuation adds a little.
    if text.len() > 60 {
        return false;
    }
    let core = text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
        .replace(['\u{2019}', '`'], "'");
    LABEL_SET.contains(core.as_str())
}

/// An instruction about the page's own controls, addressed to the reader: "You can
/// click the ... to ...", "Click on the button below to ...". News text reports what
/// people did; it does not tell the reader which button to press.
static UI_INSTRUCTION: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(you can|you may|please) click\b|^click (on )?(the |this )?(button|link|icon|banner|image|video|picture|photo|player)\b|^click (below|above)\b",
    )
});

/// Names of languages and of the words that label a site's language versions.
const LANGUAGE_WORDS: &[&str] = &[
    "english",
    "chinese",
    "russian",
    "french",
    "spanish",
    "german",
    "japanese",
    "korean",
    "arabic",
    "portuguese",
    "italian",
    "simplified",
    "traditional",
    "version",
    "versions",
    "edition",
    "site",
    "中文",
    "简体",
    "繁體",
    "繁体",
    "english版",
    "中文版",
];

/// A language's name or a version word ("English", "Simplified", "中文"), as the
/// links to a site's other language versions write them.
pub(crate) fn is_language_word(word: &str) -> bool {
    LANGUAGE_WORDS.contains(&word.trim().to_lowercase().as_str())
}

/// A row of links to the site's other language versions ("Chinese Version Russian
/// version", "English | 中文"): language names and version words only, two
/// languages or more, or one with a version word.
pub(crate) fn is_language_switch(text: &str) -> bool {
    let tokens: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '\u{b7}'))
        .map(|t| {
            t.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|t| !t.is_empty())
        .collect();
    let is_version = |t: &String| matches!(t.as_str(), "version" | "versions" | "edition" | "site");
    let languages = tokens.iter().filter(|t| !is_version(t)).count();
    (2..=8).contains(&tokens.len())
        && tokens.iter().all(|t| LANGUAGE_WORDS.contains(&t.as_str()))
        && (languages >= 2 || tokens.iter().any(is_version))
        && languages >= 1
}

/// A metadata field left empty, its label alone ("Source:", "Chinese source:",
/// "Translator:"): the label names a field of the page's own record (its source,
/// author, editor, translator, date, tags), maybe after one qualifying word.
static EMPTY_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:[a-z]+\s+)?(?:sources?|copyfrom|authors?|editors?|translators?|reporters?|photographers?|contributors?|date|time|tags?|keywords?|links?|url)\s?[:：]$",
    )
});

/// A line of keywords or tags under their label ("Keywords: port, harbour",
/// "Tags:quxland port expands", "关键词：港口"): the page's index terms, not its text.
static TAG_FIELD: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)^(?:key\s?words?|tags?|关键词|关键字|标签)\s*[:：]\s*\S"));

/// A keywords or tags line ([`TAG_FIELD`]).
pub(crate) fn is_tag_field(text: &str) -> bool {
    TAG_FIELD.is_match(text.trim())
}

/// One control of a page's toolbar: a view counter's label with its count or
/// nothing ("Browse Number:", "Hits: 120"), or the text-size buttons after their
/// label ("Font:【Big In Small", "Font Size: [Large Middle Small]", "字号：【大 中
/// 小】"; a machine translation may give "In" for the middle size). Group 1 is a
/// size control.
static PAGE_CONTROL: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"(?i)^(?:",
        r"(?:browse|view|visit|hit|click|read)(?:s|ed)?(?:\s*(?:number|count|times|total))?\s*[:：]\s*\d*",
        r"|((?:font|text)(?:\s*size)?|字号|字体)\s*[:：]\s*[\[【(]?\s*",
        r"(?:big|bigger|large|larger|medium|middle|mid|in|small|smaller|default|大|中|小)",
        r"(?:\s*[|/·]?\s*(?:big|bigger|large|larger|medium|middle|mid|in|small|smaller|default|大|中|小)){1,3}",
        r"\s*[\]】)]?",
        r")\s*[|/·]?\s*",
    ))
});

/// A line made only of toolbar controls ([`PAGE_CONTROL`]), one of them the
/// text-size buttons: "Browse Number:Font:【Big In Small".
pub(crate) fn is_page_controls(text: &str) -> bool {
    let mut rest = text.trim();
    let mut sizes = false;
    while !rest.is_empty() {
        let Some(caps) = PAGE_CONTROL.captures(rest) else {
            return false;
        };
        let Some(whole) = caps.get(0).filter(|m| !m.is_empty()) else {
            return false;
        };
        sizes |= caps.get(1).is_some();
        rest = &rest[whole.end()..];
    }
    sizes
}

/// An empty metadata field ([`EMPTY_FIELD`]).
pub(crate) fn is_empty_field(text: &str) -> bool {
    EMPTY_FIELD.is_match(text.trim())
}

/// A line telling the reader which control to press ([`UI_INSTRUCTION`]).
pub(crate) fn is_ui_instruction(text: &str) -> bool {
    UI_INSTRUCTION.is_match(text.trim_start_matches(|c: char| !c.is_alphanumeric()))
}

/// A short line opening with a boilerplate phrase.
pub(crate) fn opens_with_boilerplate(text: &str) -> bool {
    OPENING_SET.is_match(text.trim_start_matches(|c: char| !c.is_alphanumeric()))
}

/// A line that asks the reader to subscribe, sign up, follow or write in.
pub(crate) fn is_promo(text: &str) -> bool {
    PROMO.is_match(text)
}

/// Words every affiliate disclosure has; the regex runs only where one occurs.
static AFFILIATE_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "affiliate",
            "commission",
            "qualifying purchases",
            "income earning",
        ])
        .unwrap_or_else(|e| panic!("bad affiliate words: {e}"))
});

/// An affiliate or commission disclosure.
pub(crate) fn is_affiliate_disclosure(text: &str) -> bool {
    AFFILIATE_WORDS.is_match(text) && AFFILIATE.is_match(text)
}

/// A copyright or licence line.
pub(crate) fn is_copyright(text: &str) -> bool {
    COPYRIGHT.is_match(text)
}

/// A cookie or consent banner.
pub(crate) fn is_cookie_banner(text: &str) -> bool {
    COOKIE.is_match(text)
}

/// A reading-time or counter fragment.
pub(crate) fn has_counter(text: &str) -> bool {
    COUNTER.is_match(text)
}

/// Removes reading-time fragments from a line ("Published on 4 mins read" -> "Published on").
pub(crate) fn strip_counters(text: &str) -> String {
    COUNTER.replace_all(text, "").trim().to_string()
}

/// Removes a tracking-pixel or noscript fragment glued to the start of a line.
pub(crate) fn strip_widget_prefix(text: &str) -> &str {
    match WIDGET_PREFIX.find(text) {
        Some(m) => &text[m.end()..],
        None => text,
    }
}

/// Cuts a leading row of page widgets from a line ("0 Comment(s)Print E-mail China
/// Daily, April 29, 2024" -> "China Daily, April 29, 2024"). A row is two widgets or
/// more, or a comment counter, so that a sentence opening with one such word ("Share
/// prices rose", "Print media ...") is left whole.
pub(crate) fn strip_widget_row(text: &str) -> &str {
    let mut rest = text.trim_start();
    let (mut count, mut counter) = (0, false);
    while let Some(caps) = WIDGET.captures(rest) {
        let Some(whole) = caps.get(0).filter(|m| !m.is_empty()) else {
            break;
        };
        count += 1;
        counter |= caps.get(1).is_some();
        rest = &rest[whole.end()..];
    }
    if count >= 2 || counter { rest } else { text }
}

/// A line made only of page widgets ("0 Comment(s) Print E-mail"), perhaps with a
/// share counter at its end ("Comments() Print Mail Large Medium Small 0").
pub(crate) fn is_widget_row(text: &str) -> bool {
    let rest = strip_widget_row(text).trim();
    rest.len() < text.trim().len() && rest.chars().all(|c| c.is_ascii_digit())
}

/// Links every site's navigation bar has and no headline uses: the strong ones
/// ("Contact us", "Make us your homepage"), and the common ones that join them in a
/// row ("Search", "Archive", "Home").
static NAV_STRONG: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(contact us|about us|home ?page|site ?map|log ?in|sign (in|up)|privacy policy|terms of (use|service))\b",
    )
});
static NAV_COMMON: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(search|archives?|home|help|faq|rss|register|subscribe|e-?paper|mobile)\b")
});

/// A site's navigation bar flattened into one line ("Search News archive Contact
/// us|Make us your homepage|"): two links or more, one of them only a site has.
pub(crate) fn is_nav_row(text: &str, words: usize) -> bool {
    // Link labels and separators only: no code ("fetch(\"/login\")"), no clause.
    let labels_only = text.chars().all(|c| {
        c.is_alphanumeric()
            || c.is_whitespace()
            || matches!(
                c,
                '|' | '/' | '\u{b7}' | '\u{2022}' | '-' | '&' | '\'' | '\u{2019}' | '>'
            )
    });
    if words > 14 || !labels_only {
        return false;
    }
    let strong = NAV_STRONG.find_iter(text).count();
    strong >= 1 && strong + NAV_COMMON.find_iter(text).count() >= 2
}

/// The buttons that set the text size, as letters of different sizes in a row ("A A
/// A", "L M S", "A- A A+").
pub(crate) fn is_letter_buttons(text: &str) -> bool {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    (2..=5).contains(&tokens.len())
        && tokens.iter().all(|t| {
            let mut chars = t.chars();
            chars.next().is_some_and(|c| c.is_ascii_uppercase())
                && chars.all(|c| matches!(c, '+' | '-' | '\u{2212}'))
        })
}

/// A row of share buttons: mostly names of share targets.
pub(crate) fn is_share_bar(text: &str) -> bool {
    let tokens: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '|' || c == '/' || c == '·')
        .map(|t| {
            t.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|t| !t.is_empty())
        .collect();
    let social = tokens
        .iter()
        .filter(|t| SOCIAL.contains(&t.as_str()))
        .count();
    tokens.len() <= 12 && social >= 2 && social * 10 >= tokens.len() * 6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_whole_lines_only() {
        assert!(is_label("\u{2014}分享\u{2014}"));
        assert!(is_label("Most Popular"));
        assert!(is_label("  EDITOR’S PICKS: "));
        assert!(is_label("Related"));
        assert!(!is_label("Related talks stalled"));
    }

    #[test]
    fn navigation_rows_and_text_size_letters() {
        assert!(is_nav_row(
            "Search Port archive Contact us|Make us your homepage",
            8
        ));
        assert!(is_nav_row("Home | About us | Contact us", 5));
        // A headline with such words, or one link alone, is not a row.
        assert!(!is_nav_row(
            "Help sought as search for lost climber goes on",
            9
        ));
        assert!(!is_nav_row("Contact us", 2));
        assert!(!is_nav_row(
            "var form = new FormData(login); fetch(\"/login\", { method: \"POST\" })",
            9
        ));
        assert!(is_letter_buttons("L M S"));
        assert!(is_letter_buttons("A- A A+"));
        assert!(!is_letter_buttons("A Quxton win"));
        assert!(!is_letter_buttons("I"));
        assert!(opens_with_boilerplate("Make quxton.example your homepage"));
        assert!(opens_with_boilerplate("Set as your homepage"));
    }

    #[test]
    fn openings() {
        assert!(opens_with_boilerplate("Most Read in the Last Week"));
        assert!(opens_with_boilerplate("Share this on Facebook"));
        assert!(opens_with_boilerplate("Loading next article..."));
        assert!(opens_with_boilerplate("» Read more: Rates rise again"));
        assert!(!opens_with_boilerplate("Sharing economy grows in Asia"));
    }

    #[test]
    fn copyright_lines_but_not_sentences_about_copyright() {
        assert!(is_copyright(
            "Copyright © 2021 Example Herald. All rights reserved."
        ));
        assert!(is_copyright("© 2019 Some Network Ltd"));
        assert!(is_copyright("(c) 2020 The Gazette"));
        assert!(is_copyright("Shanghai ICP license No. 12345678"));
        assert!(is_copyright(
            "Copyright 2017 Wire Agency. This material may not be published, broadcast, rewritten or redistributed."
        ));
        assert!(!is_copyright(
            "Copyright law was changed in 2020 to protect authors."
        ));
    }

    #[test]
    fn cookie_banners_speak_as_the_site() {
        assert!(is_cookie_banner(
            "We use cookies to improve your experience. By continuing to use this site you agree."
        ));
        assert!(is_cookie_banner("Accept all cookies"));
        assert!(!is_cookie_banner(
            "The bakery sold 2,000 cookies on opening day."
        ));
        assert!(!is_cookie_banner(
            "Regulators want websites to ask before storing cookies."
        ));
    }

    #[test]
    fn language_switches() {
        assert!(is_language_switch("Chinese Version Russian version"));
        assert!(is_language_switch("English | 中文"));
        assert!(is_language_switch("Spanish edition"));
        assert!(!is_language_switch("English"));
        assert!(!is_language_switch("Chinese Investors Return"));
    }

    #[test]
    fn empty_metadata_fields() {
        assert!(is_empty_field("Chinese source:"));
        assert!(is_empty_field("Translator\u{ff1a}"));
        assert!(is_empty_field("Source :"));
        assert!(!is_empty_field("He said:"));
        assert!(!is_empty_field("The mayor added:"));
        assert!(!is_empty_field("Source: Harbour Times"));
    }

    #[test]
    fn counters_and_reading_time() {
        assert!(has_counter("5 min read"));
        assert!(has_counter("1.2k shares"));
        assert!(has_counter("3 of 12"));
        assert!(!has_counter("Open 24/7 since May"));
        assert_eq!(strip_counters("Published on 4 mins read"), "Published on");
        assert!(!has_counter("Exports rose 5 minutes after the bell"));
        // A reading-time widget split over two lines: its label, then the time.
        assert!(has_counter("4 Minutes"));
        assert!(!has_counter("4 Minutes to Midnight at the Harbour"));
        assert!(is_label("Read this article"));
    }

    #[test]
    fn widget_prefix_is_cut_from_glued_text() {
        assert_eq!(
            strip_widget_prefix("FB Pixel no scriptCity Plans Tram | Daily"),
            "City Plans Tram | Daily"
        );
        assert_eq!(strip_widget_prefix("Facebook Pixel Code"), "");
        assert_eq!(
            strip_widget_prefix("No script was written"),
            "No script was written"
        );
    }

    #[test]
    fn a_row_of_widgets_is_cut_from_the_head_of_a_line() {
        assert_eq!(
            strip_widget_row("3 Comment(s)Print E-mail Harbour Times, May 3, 2021"),
            "Harbour Times, May 3, 2021"
        );
        assert_eq!(
            strip_widget_row("Share | Tweet | Email Harbour Times"),
            "Harbour Times"
        );
        assert_eq!(
            strip_widget_row("12 comments Harbour Times"),
            "Harbour Times"
        );
        // One widget word opening a sentence is no row.
        assert_eq!(strip_widget_row("Share prices rose"), "Share prices rose");
        assert_eq!(
            strip_widget_row("Printing presses hum"),
            "Printing presses hum"
        );
        assert_eq!(strip_widget_row("Email was down"), "Email was down");
        assert!(is_widget_row("0 Comment(s) Print E-mail"));
        assert!(!is_widget_row("Print E-mail Harbour Times"));
    }

    #[test]
    fn a_widget_row_with_font_size_buttons_and_an_empty_counter_is_boilerplate() {
        assert!(is_widget_row(
            "Comments() Print Mail Large Medium  Small 分享按钮 0"
        ));
        assert!(is_widget_row("Comments(12) | Print | Small | Large"));
        assert!(!is_widget_row("Small firms print their own mail"));
        assert!(is_widget_row("Large Medium Small"));
        assert!(!is_widget_row("Large medium-sized firms"));
        assert_eq!(
            strip_widget_row("Medium-sized firms grew"),
            "Medium-sized firms grew"
        );
    }

    #[test]
    fn font_size_controls_are_labels() {
        assert!(is_label("Adjust font size:"));
        assert!(is_label("Text size"));
        assert!(opens_with_boilerplate("Font size: A A A"));
        assert!(!is_label("Font sizes in print shrank"));
    }

    #[test]
    fn share_bars() {
        assert!(is_share_bar("Share: Facebook | Twitter | Email"));
        assert!(is_share_bar("WeChat Weibo LinkedIn"));
        assert!(!is_share_bar("Facebook reported higher profits on Tuesday"));
    }
}
