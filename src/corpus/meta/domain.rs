//! Outlet names from domains, by a general rule: the registered label is split
//! at common masthead words and title-cased, short or vowel-less names are
//! written in capitals ("dailyherald.co.uk" -> "Daily Herald", "abc.com" -> "ABC").

use crate::corpus::pattern::compile as regex;
use regex::Regex;
use std::sync::LazyLock;

/// Words newspaper and site names are commonly built from.
const MASTHEAD_WORDS: &[&str] = &[
    "the",
    "daily",
    "times",
    "news",
    "post",
    "herald",
    "tribune",
    "journal",
    "observer",
    "telegraph",
    "guardian",
    "express",
    "mail",
    "star",
    "sun",
    "globe",
    "gazette",
    "chronicle",
    "review",
    "today",
    "weekly",
    "week",
    "world",
    "global",
    "online",
    "network",
    "wire",
    "press",
    "report",
    "reporter",
    "insider",
    "street",
    "focus",
    "magazine",
    "radio",
    "media",
    "morning",
    "evening",
    "financial",
    "business",
    "tech",
    "economic",
    "economist",
    "standard",
    "independent",
    "nation",
    "national",
    "international",
    "people",
    "new",
    "china",
    "asia",
    "india",
    "africa",
    "europe",
    "america",
    "american",
    "city",
    "state",
    "times",
    "sports",
    "money",
    "market",
    "markets",
    "digital",
    "info",
    "live",
    "first",
    "voice",
    "mirror",
    "record",
    "courier",
    "examiner",
    "bulletin",
    "dispatch",
    "sentinel",
    "inquirer",
    "enquirer",
    "monitor",
    "pioneer",
    "planet",
    "hub",
    "central",
    "east",
    "west",
    "north",
    "south",
    "asian",
];

/// Second-level labels that are part of a country suffix (`.com.cn`, `.co.uk`).
const SUFFIX_LABELS: &[&str] = &[
    "com", "co", "net", "org", "gov", "edu", "ac", "or", "ne", "go",
];

static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^(?:https?://)?(?:www\d?\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:[/:?#].*)?$")
});
/// Whether text is a bare domain or URL.
pub(crate) fn is_domain(text: &str) -> bool {
    DOMAIN.is_match(text.trim()) && !text.trim().contains(' ')
}

/// A readable outlet name for a domain or URL; `None` when it is not one.
pub(crate) fn from_domain(text: &str) -> Option<String> {
    let host = host(text)?;
    // A government site has no masthead: "ftz.xm.gov.cn" is best named by its host.
    if host.split('.').count() > 2 && host.split('.').any(|l| l == "gov") {
        return Some(host.clone());
    }
    Some(readable(registered_label(&host)?))
}

/// The label a site registered ("examplepost" in "news.examplepost.co.uk").
pub(crate) fn registered_label(host: &str) -> Option<&str> {
    let labels: Vec<&str> = host.split('.').collect();
    let mut name_at = labels.len().checked_sub(2)?;
    if name_at > 0
        && SUFFIX_LABELS.contains(&labels[name_at])
        && labels[labels.len() - 1].len() == 2
    {
        name_at -= 1;
    }
    Some(labels[name_at])
}

/// The publisher table: host -> outlet, from public data (`assets/publishers.tsv`,
/// see `assets/README.md`).
const PUBLISHERS: &str = include_str!("../../../assets/publishers.tsv");

static PUBLISHER_TABLE: LazyLock<std::collections::HashMap<&'static str, &'static str>> =
    LazyLock::new(|| {
        PUBLISHERS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(host, name)| (host.trim(), name.trim()))
            .collect()
    });

/// The host of a domain or URL, lower-cased, without `www.`.
pub(crate) fn host(text: &str) -> Option<String> {
    let caps = DOMAIN.captures(text.trim())?;
    Some(caps.get(1)?.as_str().to_ascii_lowercase())
}

/// The outlet the publisher table names for a domain or URL: its host, or the
/// nearest parent domain listed ("edition.example.com" -> "example.com").
pub(crate) fn from_table(text: &str) -> Option<String> {
    let host = host(text)?;
    let mut at = host.as_str();
    loop {
        if let Some(name) = PUBLISHER_TABLE.get(at) {
            return Some((*name).to_string());
        }
        let (_, parent) = at.split_once('.')?;
        // Stop at a bare suffix ("co.uk", "com").
        if !parent.contains('.') {
            return None;
        }
        at = parent;
    }
}

/// "chinadaily" -> "China Daily", "abc" -> "ABC", "examplepost" -> "Example Post".
fn readable(label: &str) -> String {
    let parts: Vec<String> = label
        .split('-')
        .filter(|p| !p.is_empty())
        .flat_map(|p| segment(p).unwrap_or_else(|| vec![p.to_string()]))
        .collect();
    parts
        .iter()
        .map(|p| word_case(p))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits a label into masthead words plus at most one other chunk, preferring the
/// split that leaves the fewest characters unexplained; `None` if no masthead word fits.
fn segment(label: &str) -> Option<Vec<String>> {
    #[derive(Clone, Copy)]
    struct Step {
        used: bool,
        unknown: usize,
        parts: usize,
        from: usize,
    }
    let n = label.len();
    // best[i]: the cheapest way to cover label[..i], and where its last part starts.
    let mut best: Vec<Option<Step>> = vec![None; n + 1];
    best[0] = Some(Step {
        used: false,
        unknown: 0,
        parts: 0,
        from: 0,
    });
    for end in 1..=n {
        for start in 0..end {
            let (Some(prev), Some(piece)) = (best[start], label.get(start..end)) else {
                continue;
            };
            let known = MASTHEAD_WORDS.contains(&piece);
            // Short unknown chunks only at the start ("ny" + "times"), never as
            // leftovers in the middle ("east" + "ern" + "courier").
            let min_unknown = if start == 0 { 2 } else { 4 };
            if !known && (prev.used || piece.len() < min_unknown) {
                continue;
            }
            let step = Step {
                used: prev.used || !known,
                unknown: prev.unknown + if known { 0 } else { piece.len() },
                parts: prev.parts + 1,
                from: start,
            };
            if best[end].is_none_or(|b| (step.unknown, step.parts) < (b.unknown, b.parts)) {
                best[end] = Some(step);
            }
        }
    }
    let last = best[n]?;
    if last.parts < 2 || last.unknown >= n {
        return None;
    }
    let mut parts = Vec::new();
    let mut end = n;
    while end > 0 {
        let step = best[end]?;
        parts.push(label[step.from..end].to_string());
        end = step.from;
    }
    parts.reverse();
    Some(parts)
}

fn word_case(word: &str) -> String {
    let vowels = word.chars().filter(|c| "aeiouy".contains(*c)).count();
    if word.len() <= 3 && !MASTHEAD_WORDS.contains(&word) || vowels == 0 {
        return word.to_uppercase();
    }
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_become_readable_names() {
        assert_eq!(
            from_domain("dailyherald.co.uk").as_deref(),
            Some("Daily Herald")
        );
        assert_eq!(
            from_domain("www.examplepost.com").as_deref(),
            Some("Example Post")
        );
        assert_eq!(
            from_domain("https://news.abc.com/x/y").as_deref(),
            Some("ABC")
        );
        assert_eq!(
            from_domain("globaltimes.cn").as_deref(),
            Some("Global Times")
        );
        assert_eq!(from_domain("reuters.com").as_deref(), Some("Reuters"));
        assert_eq!(from_domain("nytimes.com").as_deref(), Some("NY Times"));
        assert_eq!(
            from_domain("northerncourier.example").as_deref(),
            Some("Northern Courier")
        );
        assert_eq!(
            from_domain("en.zone.quxton.gov.cn").as_deref(),
            Some("en.zone.quxton.gov.cn")
        );
        assert_eq!(from_domain("not a domain"), None);
    }

    #[test]
    fn the_publisher_table_names_hosts_and_their_subdomains() {
        // Rows of assets/publishers.tsv (public data), looked up by host and parent.
        assert_eq!(
            from_table("https://www.reuters.com/article/x").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            from_table("https://de.euronews.com/x").as_deref(),
            Some("Euronews")
        );
        assert_eq!(
            from_table("https://uk.reuters.com/").as_deref(),
            Some("Reuters")
        );
        assert_eq!(from_table("https://examplepost.com/"), None);
        assert_eq!(from_table("co.uk"), None);
    }
}
