//! Rules that judge one line on its own: separators, widget labels, copyright,
//! cookie banners, share bars, breadcrumbs, stand-alone photo credits, link lists
//! and date lines. Each rule is general; none names a site.

use super::line::{Line, Role, Rule, ends_sentence, link_density, words};
use super::phrases;
use crate::corpus::meta::date;
use regex::Regex;
use std::sync::LazyLock;

use crate::corpus::pattern::compile as regex;

/// "Updated: 2016-09-29 09:23", "Published on March 3, 2020", "Release Date:2019-04-19".
pub(crate) static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(last\s+)?(updated|published|posted|modified|created|release date|release time|publish(?:ed)? time|publication date|publication time|date|first published|pub date)(\s+(on|at))?\s*[:：]?\s*",
    )
});

/// "Photo: X", "Photo by X", "[Photo/X]", "(Photo provided to X)", "Image: X".
static CREDIT_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[\[(]?\s*(file )?(photo|photograph|image|picture|pic|video|graphic|illustration|credit)s?\s*(by\b|from\b|:|/|provided\b|courtesy\b|credit\b|source\b|copyright\b)",
    )
});

/// "AGENCY Photo", "Getty Images", "(Xinhua Photo)".
static CREDIT_ENDING: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b(photo|photos|images|pictures|photography)\s*[)\]]?$"));

/// A caption or credit line: "Credit...Ann Lee/Agency", "Image: The port at dusk",
/// "Media caption The mayor speaks", "Image copyright Agency", "Media playback is
/// unsupported on your device", or the label alone ("Image").
static CAPTION_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^(?:Credit|Image|Photo|Photograph|Picture|Media|Video)s?",
        r"(?:$|\s*(?:\.\.\.|…|:)|\s*(?i:caption)|\s+(?i:copyright|credit|source|playback)\b)",
    ))
});

/// An image or media file's name standing alone, left where the picture was
/// ("IMG_0042.jpg", "134_5n.png", a saved copy's "8812 (1).jpg").
static FILE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[\w.~-]+(?: \(\d{1,3}\))?\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg|heic|avif|mp4|mov|webm)$",
    )
});

/// A saved copy's image name without its extension, alone on a line where the
/// picture was ("8812 (1)", "IMG_0042 (2)"): one token with a figure in it, then
/// the copy number in brackets that a browser adds to a second download of a name.
static FILE_COPY: LazyLock<Regex> = LazyLock::new(|| regex(r"^[\w.~-]*\d[\w.~-]* \(\d{1,3}\)$"));

/// An image file's name opening a line, then its caption: a thumbnail of a related
/// link ("8812 (1).jpg Harbour expands 2 years on").
static FILE_NAME_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^[\w.~-]+(?: \(\d{1,3}\))?\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg|heic|avif)\s")
});

/// A teaser for another story ending in its "more" link: "... the new terminal.
/// more »", "Read more >>".
static MORE_LINK: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\bmore\s*(?:\u{bb}|>>|\u{203a}|\u{2192})\s*$"));

/// Words of a pager besides its page numbers.
const PAGER_WORDS: &[&str] = &[
    "next", "prev", "previous", "first", "last", "page", "\u{bb}", "\u{ab}", ">", "<", ">>", "<<",
    "...", "\u{2026}",
];

/// Longest line of keywords or tags ("Keywords: port, harbour, ships"), in words.
const MAX_TAG_WORDS: usize = 30;

/// Longest caption line, in words.
const MAX_CAPTION_WORDS: usize = 30;

/// Last words of a role line standing alone under a byline ("Opinion Columnist").
const ROLES: &[&str] = &[
    "reporter",
    "correspondent",
    "writer",
    "editor",
    "columnist",
    "contributor",
    "critic",
    "photographer",
    "producer",
];

/// Non-space characters outside links that make a mostly linked line text rather
/// than a link list (a linked lead sentence followed by a plain one).
const MIN_UNLINKED_TEXT: usize = 60;

/// Only dates and times, with their labels and separators: "1:23 p.m.",
/// "Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM", "Tuesday 10.15 ET".
static DATE_TIME_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"(?i)^(?:\s|[,;|/.\-]|\d{1,4}(?:[:./-]\d{1,4})*(?:st|nd|rd|th)?|[ap]\.?m\.?",
        r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*",
        r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*",
        r"|[ecmp][sd]?t|gmt|utc|bst|cest?|ist|at|on|updated|posted|published|modified)+$",
    ))
});

fn unlinked_chars(line: &Line) -> usize {
    let chars = line.text.chars().filter(|c| !c.is_whitespace()).count();
    chars.saturating_sub(line.link_chars)
}

/// Judges each body line alone and marks boilerplate.
pub(crate) fn mark(lines: &mut [Line]) {
    for line in lines.iter_mut().filter(|l| l.is_body()) {
        if let Some(rule) = judge(line) {
            line.role = Role::Junk(rule);
        }
    }
}

/// The rule a line breaks, if any.
pub(crate) fn judge(line: &Line) -> Option<Rule> {
    let text = line.text.as_str();
    let n = line.words;
    if n == 0 {
        return Some(Rule::Separator);
    }
    if is_phrase(text, n) {
        return Some(Rule::Phrase);
    }
    if n <= 40 && phrases::is_copyright(text) {
        return Some(Rule::Copyright);
    }
    if n <= 80 && phrases::is_cookie_banner(text) {
        return Some(Rule::Cookie);
    }
    if n <= 12 && phrases::is_share_bar(text) {
        return Some(Rule::Social);
    }
    if is_breadcrumb(text) {
        return Some(Rule::Breadcrumb);
    }
    if n <= 60 && MORE_LINK.is_match(text) || is_pager(text) {
        return Some(Rule::LinkList);
    }
    if is_credit(text, n) || n <= MAX_CAPTION_WORDS && CAPTION_OPENING.is_match(text) {
        return Some(Rule::Credit);
    }
    if n <= 2 && (FILE_NAME.is_match(text) || FILE_COPY.is_match(text))
        || n <= MAX_CAPTION_WORDS && FILE_NAME_OPENING.is_match(text)
    {
        return Some(Rule::Credit);
    }
    if is_role_line(text, n) {
        return Some(Rule::Phrase);
    }
    if n <= 8 && phrases::is_language_switch(text) {
        return Some(Rule::Phrase);
    }
    if n <= 3 && phrases::is_empty_field(text) {
        return Some(Rule::Phrase);
    }
    if n <= MAX_TAG_WORDS && phrases::is_tag_field(text) {
        return Some(Rule::Phrase);
    }
    if n <= 12 && phrases::is_page_controls(text) {
        return Some(Rule::Phrase);
    }
    if n <= 40 && phrases::is_ui_instruction(text) {
        return Some(Rule::Phrase);
    }
    if n <= 50 && phrases::is_affiliate_disclosure(text) {
        return Some(Rule::Phrase);
    }
    if is_date_line(text, n) {
        return Some(Rule::DateLine);
    }
    if n < 40 && link_density(line) > 0.5 && unlinked_chars(line) < MIN_UNLINKED_TEXT {
        return Some(Rule::LinkList);
    }
    None
}

/// A widget label, a short call to action, or a reading-time line.
fn is_phrase(text: &str, n: usize) -> bool {
    // "Loading next article..." trails off; it does not end a sentence.
    let trails_off = text.ends_with("...") || text.ends_with('\u{2026}');
    phrases::is_label(text)
        || n <= 8 && (trails_off || !ends_sentence(text)) && phrases::opens_with_boilerplate(text)
        || n <= 12 && phrases::has_counter(text)
        || n <= 10 && phrases::is_widget_row(text)
        || phrases::is_nav_row(text, n)
        || phrases::is_letter_buttons(text)
}

/// "Home / World / Asia", "News > Business", "Sport | Weather | Culture | Travel",
/// and a trail ending in the page's own headline, often cut short ("Home > News >
/// Port reopens after the st...").
fn is_breadcrumb(text: &str) -> bool {
    // "Current page: Home", "curpage: Home |": a labelled trail that stops at its root.
    if let Some((label, rest)) = text.split_once([':', '\u{ff1a}'])
        && (1..=3).contains(&words(label))
        && matches!(
            rest.trim_end_matches(['|', '>', '/', ' '])
                .trim()
                .to_lowercase()
                .as_str(),
            "home" | "homepage" | "home page" | "首页"
        )
    {
        return true;
    }
    let segments: Vec<&str> = text
        .split(['/', '>', '\u{bb}', '\u{203a}', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let Some((last, before)) = segments.split_last() else {
        return false;
    };
    if before.is_empty() {
        return false;
    }
    let crumb = |s: &&str| words(s) <= 4 && s.chars().any(char::is_alphabetic) && !s.contains(". ");
    // The trail may open with its label ("Current position : HOME >", "You are
    // here: Home >", "当前位置：首页 >").
    let first = segments[0]
        .rsplit([':', '\u{ff1a}'])
        .next()
        .unwrap_or("")
        .trim()
        .to_lowercase();
    let home = matches!(
        first.as_str(),
        "home" | "homepage" | "home page" | "index" | "首页"
    );
    // The last crumb is the headline: two crumbs or more before it, the trail opening
    // at the home page or drawn with arrows (which sentences do not use).
    let arrows = !text.contains(['/', '|']);
    // Two capitalised crumbs joined by an arrow ("Quxton Online >News and Events").
    let capitalised = |s: &&str| s.starts_with(|c: char| c.is_uppercase());
    let two_arrowed = arrows && capitalised(last) && before.iter().all(capitalised);
    if !ends_sentence(text) && crumb(last) && before.iter().all(crumb) {
        return segments.len() >= 3 || home || two_arrowed;
    }
    let headline = last.trim_end_matches(['.', '\u{2026}']);
    before.len() >= 2
        && before.iter().all(crumb)
        && (home || arrows)
        && (1..=16).contains(&words(headline))
        && !ends_sentence(headline)
}

/// A pager: page numbers counting up from 1, three or more, maybe with "Next" or
/// arrows ("1 2 3 4 5 6 7", "« 1 2 3 Next »").
fn is_pager(text: &str) -> bool {
    let mut expected = 1;
    for token in text.split_whitespace() {
        if token.chars().all(|c| c.is_ascii_digit()) {
            if token.parse::<u32>().ok() != Some(expected) {
                return false;
            }
            expected += 1;
        } else if !PAGER_WORDS.contains(&token.to_lowercase().as_str()) {
            return false;
        }
    }
    expected > 3
}

/// A photo credit standing alone (an inline credit inside a caption stays).
fn is_credit(text: &str, n: usize) -> bool {
    if n > 8 || ends_sentence(text.trim_end_matches([')', ']'])) {
        return false;
    }
    CREDIT_OPENING.is_match(text) || n <= 4 && CREDIT_ENDING.is_match(text)
}

/// A job title standing alone: capitalised words ending in a role ("Opinion
/// Columnist", "Senior Writer").
fn is_role_line(text: &str, n: usize) -> bool {
    if n == 0 || n > 4 || ends_sentence(text) {
        return false;
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let capitalised = tokens
        .iter()
        .all(|t| t.chars().next().is_some_and(char::is_uppercase));
    let last = tokens.last().map_or(String::new(), |t| {
        t.trim_end_matches(|c: char| !c.is_alphabetic())
            .to_lowercase()
    });
    capitalised && ROLES.contains(&last.trim_end_matches('s'))
}

/// A labelled date line: the label is followed by a date (or nothing at all).
fn is_date_line(text: &str, n: usize) -> bool {
    let Some(m) = DATE_LABEL.find(text) else {
        return false;
    };
    let rest = phrases::strip_counters(&text[m.end()..]);
    n <= 14 && (rest.is_empty() || date::find(&rest).is_some() || DATE_TIME_ONLY.is_match(&rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(text: &str) -> Option<Rule> {
        judge(&Line::new(text))
    }

    #[test]
    fn reader_ui_instructions_are_boilerplate() {
        assert_eq!(
            rule(
                "The full text is in the Example Archive. You can click the \u{201c}Contents\u{201d} to browse it."
            ),
            Some(Rule::Phrase)
        );
        assert_eq!(
            rule("Click on the button below to open an account and read every issue."),
            Some(Rule::Phrase)
        );
        assert_eq!(rule("Start a Free Trial"), Some(Rule::Phrase));
        // Reported clicks are news text.
        assert_eq!(
            rule("Shoppers who click the link on the council's site will find the bus timetable."),
            None
        );
        assert_eq!(
            rule("Click on the video above to watch the opening of the harbour fair"),
            Some(Rule::Phrase)
        );
    }

    #[test]
    fn separators() {
        assert_eq!(rule("|||||||"), Some(Rule::Separator));
        assert_eq!(rule("* * *"), Some(Rule::Separator));
        assert_eq!(rule("— • —"), Some(Rule::Separator));
    }

    #[test]
    fn widget_labels_and_calls_to_action() {
        assert_eq!(rule("Most Read"), Some(Rule::Phrase));
        assert_eq!(rule("Top Stories in 24 hours"), Some(Rule::Phrase));
        assert_eq!(rule("Subscribe to our daily briefing"), Some(Rule::Phrase));
        assert_eq!(rule("Auto loading next article..."), Some(Rule::Phrase));
        assert_eq!(rule("7 mins read"), Some(Rule::Phrase));
        assert_eq!(
            rule("More from the harbour authority was expected on Friday."),
            None
        );
    }

    #[test]
    fn a_notice_forbidding_copies_without_written_permission_is_copyright() {
        assert_eq!(
            rule(
                "Copying any information from the Quxton portal without written permission \
                 of its editors is prohibited."
            ),
            Some(Rule::Copyright)
        );
        assert_eq!(
            rule("The crew entered the harbour without written permission, the police said."),
            None
        );
    }

    #[test]
    fn copyright_line() {
        assert_eq!(
            rule("Copyright © 2022 The Example Post. All rights reserved."),
            Some(Rule::Copyright)
        );
        assert_eq!(
            rule("Copyright holders met in Geneva to discuss the new treaty on Monday."),
            None
        );
    }

    #[test]
    fn cookie_banner() {
        assert_eq!(
            rule("This website uses cookies to give you the best experience. Accept"),
            Some(Rule::Cookie)
        );
    }

    #[test]
    fn share_bar() {
        assert_eq!(rule("Facebook Twitter LinkedIn Email"), Some(Rule::Social));
    }

    #[test]
    fn a_labelled_trail_stopping_at_home_is_a_breadcrumb() {
        assert_eq!(rule("curpage: Home |"), Some(Rule::Breadcrumb));
        assert_eq!(rule("Current page: HOME"), Some(Rule::Breadcrumb));
        assert_eq!(rule("Tip: go home early"), None);
        assert_eq!(rule("Working from home: a guide"), None);
    }

    #[test]
    fn breadcrumbs() {
        assert_eq!(rule("Home / World / Asia-Pacific"), Some(Rule::Breadcrumb));
        assert_eq!(rule("Home > Business"), Some(Rule::Breadcrumb));
        assert_eq!(
            rule("News | Sport | Weather | Culture"),
            Some(Rule::Breadcrumb)
        );
        assert_eq!(
            rule("Harbour traffic doubles as new port opens | Example Times"),
            None
        );
        assert_eq!(rule("Input/output"), None);
        // A labelled trail.
        assert_eq!(
            rule("You are here : HOME >Harbour news"),
            Some(Rule::Breadcrumb)
        );
        assert_eq!(rule("Tip: stay home > go out, the mayor said."), None);
    }

    #[test]
    fn two_capitalised_crumbs_joined_by_an_arrow_are_a_breadcrumb() {
        assert_eq!(
            rule("Quxton Online >News and Events"),
            Some(Rule::Breadcrumb)
        );
        assert_eq!(rule("Profits > costs at the port"), None);
        assert_eq!(rule("Quxton Online / News"), None);
    }

    #[test]
    fn teasers_ending_in_a_more_link_and_pagers_are_links() {
        assert_eq!(
            rule("The council approved the harbour budget after a long debate. more \u{bb}"),
            Some(Rule::LinkList)
        );
        assert_eq!(
            rule("Quxton opens two new berths for cargo ships More >>"),
            Some(Rule::LinkList)
        );
        assert_eq!(rule("1 2 3 4 5 6 7"), Some(Rule::LinkList));
        assert_eq!(rule("\u{ab} 1 2 3 Next \u{bb}"), Some(Rule::LinkList));
        assert_eq!(rule("1 2"), None);
        assert_eq!(rule("3 4 5 6"), None);
        assert_eq!(rule("The council wants more from the port."), None);
    }

    #[test]
    fn a_release_time_line_is_a_date_line() {
        assert_eq!(rule("Release time: 2021-05-04"), Some(Rule::DateLine));
    }

    #[test]
    fn a_trail_ending_in_the_cut_headline_is_a_breadcrumb() {
        assert_eq!(
            rule("HOME > NEWS > Port News > Quxton mayor opens the new ferry term..."),
            Some(Rule::Breadcrumb)
        );
        assert_eq!(
            rule("Home / Business / Quxton mayor opens the new ferry terminal"),
            Some(Rule::Breadcrumb)
        );
        assert_eq!(
            rule("Port > Ferries > Quxton mayor opens the new ferry terminal"),
            Some(Rule::Breadcrumb)
        );
        // Not a sentence with slashes or bars, nor one crumb before a headline.
        assert_eq!(
            rule("Sales / revenue rose 5% in the port / harbour area, officials said."),
            None
        );
        assert_eq!(
            rule("News | Quxton mayor opens the new ferry terminal"),
            None
        );
        assert_eq!(
            rule("Ships / Boats / Harbour traffic doubles as new berths open"),
            None
        );
    }

    #[test]
    fn standalone_credits_but_not_captions() {
        assert_eq!(rule("Photo: Example Agency"), Some(Rule::Credit));
        assert_eq!(rule("[Photo/Example Agency]"), Some(Rule::Credit));
        assert_eq!(rule("(Photo provided to the Gazette)"), Some(Rule::Credit));
        assert_eq!(rule("Agency Photo"), Some(Rule::Credit));
        assert_eq!(rule("Image copyright Example Images"), Some(Rule::Credit));
        assert_eq!(rule("Getty Images"), Some(Rule::Credit));
        assert_eq!(
            rule("Workers unload containers at the new terminal on Monday. /Agency Photo"),
            None
        );
        assert_eq!(rule("The picture in Asia"), None);
    }

    #[test]
    fn caption_and_credit_lines() {
        for line in [
            "Credit...Ann Lee/Example Times",
            "Image",
            "Credit",
            "Image: The harbour at dusk, after the last ferry left",
            "Media caption The mayor speaks about the harbour",
            "Media captionThe mayor speaks",
            "Media playback is unsupported on your device",
            "Image copyright Example Agency",
        ] {
            assert_eq!(rule(line), Some(Rule::Credit), "{line}");
        }
        for line in [
            "Media reports said the port would close.",
            "Images of the harbour were shown on Monday to the council.",
            "Photographers gathered at the pier.",
            "Video sources say the pier will close.",
        ] {
            assert_eq!(rule(line), None, "{line}");
        }
    }

    #[test]
    fn a_photo_from_credit_line_is_boilerplate() {
        assert_eq!(rule("Photo from Example Pictures"), Some(Rule::Credit));
        assert_eq!(rule("Photos from QX"), Some(Rule::Credit));
        assert_eq!(
            rule("Photos from the harbour show the new cranes at work on Monday."),
            None
        );
    }

    #[test]
    fn an_image_file_name_alone_on_a_line_is_boilerplate() {
        assert_eq!(rule("99812_2231345n.jpg"), Some(Rule::Credit));
        assert_eq!(rule("IMG_0042.JPEG"), Some(Rule::Credit));
        assert_eq!(rule("harbour-at-dusk.webp"), Some(Rule::Credit));
        // A saved copy's name, and a thumbnail's name before its caption.
        assert_eq!(rule("88120331 (1).jpg"), Some(Rule::Credit));
        assert_eq!(
            rule("88120331 (1).jpg Quxton harbour expands 2 years on"),
            Some(Rule::Credit)
        );
        assert_eq!(
            rule("1920-694.png 14th Quxland Boat Show"),
            Some(Rule::Credit)
        );
        // A domain or a sentence naming a file is not.
        assert_eq!(rule("portville.gov"), None);
        assert_eq!(rule("The council posted plan.jpg online."), None);
    }

    #[test]
    fn a_saved_image_name_without_its_extension_is_boilerplate() {
        assert_eq!(rule("1080 (3)"), Some(Rule::Credit));
        assert_eq!(rule("IMG_2231 (12)"), Some(Rule::Credit));
        // Words with a bracketed figure are text: a heading, a list item.
        assert_eq!(rule("Harbour (2)"), None);
        assert_eq!(rule("Phase 2 (3)"), None);
    }

    #[test]
    fn a_keywords_line_is_boilerplate() {
        assert_eq!(
            rule("Keywords:quxland port expands harbour ships"),
            Some(Rule::Phrase)
        );
        assert_eq!(
            rule("Tags: Quxland, harbour, investment, Mr. Zed"),
            Some(Rule::Phrase)
        );
        assert_eq!(rule("关键词：港口 投资"), Some(Rule::Phrase));
        // A sentence about keywords, and a long paragraph opening with the word, stay.
        assert_eq!(
            rule("Keywords matter: the port's search ranking doubled this year."),
            None
        );
    }

    #[test]
    fn a_row_of_view_counter_and_text_size_controls_is_boilerplate() {
        assert_eq!(
            rule("Visit Count:Font Size:[Large Middle Small]"),
            Some(Rule::Phrase)
        );
        assert_eq!(
            rule("Hits: 120 | Font: Big Medium Small"),
            Some(Rule::Phrase)
        );
        assert_eq!(rule("字号：【大 中 小】"), Some(Rule::Phrase));
        // A size word in a sentence, or a counter without a size control, is not.
        assert_eq!(
            rule("Font: the big small-town printer reopened on Monday."),
            None
        );
    }

    #[test]
    fn role_lines_and_affiliate_disclosures() {
        assert_eq!(rule("Opinion Columnist"), Some(Rule::Phrase));
        assert_eq!(rule("Senior Staff Writers"), Some(Rule::Phrase));
        assert_eq!(rule("The writer"), None);
        assert_eq!(
            rule("FTC: We use income earning auto affiliate links. More."),
            Some(Rule::Phrase)
        );
        assert_eq!(
            rule(
                "Disclosure: Example Post may earn a commission from some of the products featured on this page."
            ),
            Some(Rule::Phrase)
        );
        assert_eq!(
            rule("They tried to recruit affiliates before the product was proven in the market."),
            None
        );
    }

    #[test]
    fn date_lines() {
        assert_eq!(rule("Updated: 2019-03-04 10:22"), Some(Rule::DateLine));
        assert_eq!(rule("Published on March 3, 2021"), Some(Rule::DateLine));
        assert_eq!(rule("Date: 4 May 2020"), Some(Rule::DateLine));
        assert_eq!(rule("Updated at 1:23 p.m."), Some(Rule::DateLine));
        assert_eq!(rule("Updated at 10:05 ET"), Some(Rule::DateLine));
        assert_eq!(
            rule("Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM"),
            Some(Rule::DateLine)
        );
        assert_eq!(rule("Updated on Monday to add the mayor's reply"), None);
        assert_eq!(rule("Updated versions of the app arrived in May."), None);
    }

    #[test]
    fn link_lists() {
        let line = Line {
            link_chars: 30,
            ..Line::new("Ports expand Rail link opens Rates fall")
        };
        assert_eq!(judge(&line), Some(Rule::LinkList));
    }

    #[test]
    fn a_linked_lead_sentence_before_plain_text_is_not_a_link_list() {
        let lead = "Port traffic doubled in a year as new berths, a deeper channel and a rail spur \
                    opened to larger container ships from Asia.";
        let plain = "The harbour authority expects even more ships next year, it said on Monday.";
        let linked = lead.chars().filter(|c| !c.is_whitespace()).count();
        let line = Line {
            link_chars: linked,
            ..Line::new(format!("{lead} {plain}"))
        };
        assert!(link_density(&line) > 0.5);
        assert_eq!(judge(&line), None);
        let teaser = Line {
            link_chars: linked,
            ..Line::new(format!("{lead} 3 hours ago"))
        };
        assert_eq!(judge(&teaser), Some(Rule::LinkList));
    }
}
