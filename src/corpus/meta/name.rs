//! Person names in bylines: recognising a name-shaped phrase ("Jane Doe",
//! "CHANG JUN", "Anna de la Cruz", "KrASIA Writers") and normalising its case.

use crate::extract::gazetteer::gazetteer;

/// Lower-case words allowed inside a name.
const PARTICLES: &[&str] = &[
    "de", "la", "le", "du", "van", "von", "der", "den", "da", "di", "dos", "das", "bin", "binti",
    "al", "el", "y", "and", "&",
];

/// Words that make a capitalised phrase something other than a person's name.
const NOT_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "the",
    "staff",
    "updated",
    "published",
    "posted",
    "share",
    "photo",
];

/// Whether the phrase looks like one or a few person names: 1 to 8 words, each
/// capitalised (or a particle), no digits, not a weekday or month.
pub(crate) fn is_name(phrase: &str) -> bool {
    let tokens: Vec<&str> = phrase.split_whitespace().collect();
    if tokens.is_empty() || tokens.len() > 8 || phrase.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let capitalised = |t: &&str| {
        t.chars().next().is_some_and(char::is_uppercase)
            && t.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}' | ','))
    };
    let named = tokens
        .iter()
        .all(|t| capitalised(t) || PARTICLES.contains(&t.to_lowercase().as_str()));
    let first_is_capital = tokens.first().is_some_and(capitalised);
    let banned = tokens
        .iter()
        .any(|t| NOT_NAMES.contains(&t.trim_end_matches([',', '.']).to_lowercase().as_str()));
    named && first_is_capital && !banned
}

/// Prefixes of surnames written with a capital inside ("McLean", "MacArthur",
/// "DeWitt", "DiCaprio", "LaGuardia", "VanDyke", "O'Neil").
const INNER_CAPITAL_SURNAMES: &[&str] = &[
    "mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von", "o", "fitz", "st",
];

/// One word with a capital after a lower-case letter inside it, as brands write
/// their names ("ChinaNews", "iQuxton", "eHarbour"): an outlet or a product, not a
/// person, unless the part before the capital is a surname prefix ("McLean").
pub(crate) fn is_brand(word: &str) -> bool {
    let word = word.trim();
    if word.contains(char::is_whitespace)
        || word.chars().count() < 4
        || !word.chars().all(char::is_alphabetic)
    {
        return false;
    }
    let chars: Vec<char> = word.chars().collect();
    let Some(at) =
        (1..chars.len()).find(|&i| chars[i].is_uppercase() && chars[i - 1].is_lowercase())
    else {
        return false;
    };
    let prefix: String = chars[..at].iter().collect::<String>().to_lowercase();
    !INNER_CAPITAL_SURNAMES.contains(&prefix.as_str())
}

/// Whether a byline's text names someone: a collective credit ("Example Post
/// Staff"), or at least one word that can be part of a name: two letters or more,
/// and not a common English word unless it is a listed first name or surname.
/// Refused: common words, sections and roles ("Games", "Last", "Portrait", "Our
/// Foreign", "Opinion Columnist", "Follow Author") and initials alone ("J J").
/// No author is better than a wrong one.
pub(crate) fn is_author(text: &str) -> bool {
    if is_collective(text) || super::source::is_wire_agency(text) {
        return true;
    }
    let lists = gazetteer();
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '&' | '/' | '(' | ')'))
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|t| !PARTICLES.contains(&t.to_lowercase().as_str()))
        .any(|t| {
            let letters = t.chars().filter(|c| c.is_alphabetic()).count();
            let cased = t.chars().any(|c| c.is_lowercase() || c.is_uppercase());
            if !cased {
                return letters >= 1;
            }
            let title: String = t
                .chars()
                .enumerate()
                .flat_map(|(i, c)| {
                    if i == 0 {
                        c.to_uppercase().collect::<Vec<_>>()
                    } else {
                        c.to_lowercase().collect()
                    }
                })
                .collect();
            let listed = lists.given.contains(&title) || lists.surnames.contains(&title);
            letters >= 2 && (listed || !lists.is_common(&t.to_lowercase()))
        })
}

/// Last words of a collective byline: a desk or a team of the outlet, not a person.
const COLLECTIVE: &[&str] = &[
    "staff",
    "writers",
    "reporters",
    "correspondents",
    "newsroom",
    "desk",
    "team",
];

/// A collective credit: one to four capitalised words, then "Staff", "Writers",
/// "Reporters", "Desk" ... ("Example Post Staff", "Wire Service Writers"). The
/// byline is kept as written: it names no person, but it is what the page states.
pub(crate) fn is_collective(phrase: &str) -> bool {
    let tokens: Vec<&str> = phrase.split_whitespace().collect();
    let Some((last, before)) = tokens.split_last() else {
        return false;
    };
    let opener = before.first().map(|t| t.to_lowercase());
    (1..=4).contains(&before.len())
        && COLLECTIVE.contains(&last.to_lowercase().as_str())
        && last.chars().next().is_some_and(char::is_uppercase)
        && !matches!(opener.as_deref(), Some("staff" | "our" | "a"))
        && !(before.len() == 1 && opener.as_deref() == Some("the"))
        && is_capitalised(&before.join(" "))
        && !phrase.chars().any(|c| c.is_ascii_digit())
}

/// One person's name, by the name lists the extractor uses: a Chinese surname and a
/// pinyin given name ("Zhao Minghui", "Minghui Zhao"), or a listed first name and a
/// surname ("Mary Quux", "Mary J. Quux"). Two or three words, capitals allowed; a
/// listed place or company ("Hong Kong") and common words ("Photo Gallery") are not.
pub(crate) fn is_person(phrase: &str) -> bool {
    if !is_name(phrase) {
        return false;
    }
    let phrase = normalise(phrase);
    let tokens: Vec<&str> = phrase.split_whitespace().collect();
    let plain = |t: &&str| t.chars().all(|c| c.is_ascii_alphabetic() || c == '-');
    let lists = gazetteer();
    if !(2..=3).contains(&tokens.len()) || lists.lookup(&phrase).is_some() {
        return false;
    }
    match tokens.as_slice() {
        [first, second] if tokens.iter().all(plain) => {
            is_chinese(first, second, false)
                || is_chinese(second, first, true)
                || is_western(first, second)
        }
        [first, middle, last] => {
            let initial = middle.len() == 2 && middle.ends_with('.');
            initial && is_western(first, last)
        }
        _ => false,
    }
}

/// Two or three capitalised words that can only be one person's name, as a byline
/// with no label writes it: a person by [`is_person`], or words each of which is a
/// listed first name or surname or no common English word, at least one of them
/// listed ("Omar Zaid Quuxley": "Omar" is listed), and the whole no listed place or
/// company. "Hong Kong", "Photo Gallery" and "Ann Arbor" are refused.
pub(crate) fn is_bare_name(phrase: &str) -> bool {
    if is_person(phrase) {
        return true;
    }
    let tokens: Vec<&str> = phrase.split_whitespace().collect();
    if !(2..=3).contains(&tokens.len()) || !is_name(phrase) {
        return false;
    }
    let lists = gazetteer();
    if lists.lookup(phrase).is_some() {
        return false;
    }
    let proper = |t: &&str| {
        t.chars().count() >= 2
            && t.chars().all(char::is_alphabetic)
            && t.chars().next().is_some_and(char::is_uppercase)
            && t.chars().skip(1).all(char::is_lowercase)
    };
    let listed = |t: &str| lists.given.contains(t) || lists.surnames.contains(t);
    tokens.iter().all(proper)
        && tokens
            .iter()
            .all(|t| listed(t) || !lists.is_common(&t.to_lowercase()))
        && tokens.iter().any(|t| listed(t))
}

/// A Chinese surname and a pinyin given name of up to three syllables (at least two,
/// and not an English word, when it comes first).
fn is_chinese(surname: &str, given: &str, given_first: bool) -> bool {
    let lists = gazetteer();
    lists.chinese_surnames.contains(surname)
        && lists.is_pinyin(given, 3)
        && (!given_first || (!lists.is_pinyin(given, 1) && !lists.is_common(given)))
}

/// A listed first name and a surname (a common English word only if it is a listed surname).
fn is_western(given: &str, family: &str) -> bool {
    let lists = gazetteer();
    let family_ok = lists.surnames.contains(family)
        || lists.chinese_surnames.contains(family)
        || !lists.is_common(family) && family.chars().count() >= 2;
    let given_ok =
        lists.given.contains(given) && (!lists.is_common(given) || lists.surnames.contains(family));
    given_ok && family_ok
}

/// Every word capitalised (particles and "of", "the", "for" allowed after the first):
/// an outlet or organisation name such as "The Example Gazette".
pub(crate) fn is_capitalised(phrase: &str) -> bool {
    let tokens: Vec<&str> = phrase.split_whitespace().collect();
    let small = |t: &str| matches!(t, "of" | "the" | "for" | "and" | "on" | "in" | "&");
    !tokens.is_empty()
        && tokens.len() <= 8
        && tokens[0].chars().next().is_some_and(char::is_uppercase)
        && tokens.iter().all(|t| {
            small(t)
                || t.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// The name at the start of a phrase ("Ann Lee 22 Dec 2016" -> "Ann Lee"): the
/// longest run of name-shaped words, if it forms a name.
pub(crate) fn leading(phrase: &str) -> Option<String> {
    let mut taken: Vec<&str> = Vec::new();
    for token in phrase.split_whitespace() {
        let candidate = [taken.as_slice(), &[token]].concat().join(" ");
        if taken.len() >= 6 || !is_name(&candidate) {
            break;
        }
        taken.push(token);
    }
    while taken
        .last()
        .is_some_and(|t| PARTICLES.contains(&t.to_lowercase().as_str()))
    {
        taken.pop();
    }
    let name = taken.join(" ");
    is_name(&name).then_some(name)
}

/// Title-cases a name written in capitals ("CHANG JUN" -> "Chang Jun",
/// "JEAN-PAUL O'NEIL" -> "Jean-Paul O'Neil"); mixed-case names are kept.
pub(crate) fn normalise(name: &str) -> String {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = name.trim_matches([',', ';', ':', '-', ' ']).to_string();
    // Mixed case is kept; so is one short all-capitals word (an agency: "AFP").
    let short_word = !name.contains(' ') && name.chars().count() <= 4;
    if short_word || name.chars().any(char::is_lowercase) {
        return name;
    }
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out.split(' ')
        .map(|w| match w.to_lowercase().as_str() {
            "and" => "and".to_string(),
            _ => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brands_have_a_capital_inside() {
        assert!(is_brand("QuxNews"));
        assert!(is_brand("iQuxton"));
        for word in [
            "McLean",
            "MacArthur",
            "DeWitt",
            "Quxton",
            "QUX",
            "Ann Lee",
            "eBay2",
        ] {
            assert!(!is_brand(word), "{word}");
        }
    }

    #[test]
    fn names() {
        assert!(is_name("Jane Doe"));
        assert!(is_name("CHANG JUN"));
        assert!(is_name("Anna de la Cruz"));
        assert!(is_name("Lia Zhu and Sam Roe"));
        assert!(is_name("KrASIA Writers"));
        assert!(!is_name("2020, those centers"));
        assert!(!is_name("Tuesday"));
        assert!(!is_name("the end of the year"));
    }

    #[test]
    fn persons_by_the_name_lists() {
        assert!(is_person("Zhao Minghui"));
        assert!(is_person("ZHAO MINGHUI"));
        assert!(is_person("Minghui Zhao"));
        assert!(is_person("Mary Quux"));
        assert!(is_person("Mary J. Quux"));
        assert!(!is_person("Hong Kong"));
        assert!(!is_person("Photo Gallery"));
        assert!(!is_person("Economy"));
        assert!(!is_person("Business News"));
        assert!(!is_person("Zhao Minghui said"));
        assert!(!is_person("Mary Quux and Ann Lee"));
    }

    #[test]
    fn authors_are_names_not_words_sections_or_roles() {
        for junk in [
            "Games",
            "Last",
            "Portrait",
            "Organization",
            "Contributors",
            "Our Foreign",
            "J J",
            "Opinion Columnist",
            "Follow Author",
        ] {
            assert!(!is_author(junk), "{junk}");
        }
        for name in [
            "Jane Doe",
            "Zhao Minghui",
            "Mary Quux and Ann Lee",
            "Example Post Staff",
            "Associated Press",
            "Quux",
            "李明",
            "Ann Young",
        ] {
            assert!(is_author(name), "{name}");
        }
    }

    #[test]
    fn collective_credits() {
        assert!(is_collective("Example Post Staff"));
        assert!(is_collective("Harbour Wire Writers"));
        assert!(is_collective("GAZETTE STAFF"));
        assert!(!is_collective("Staff"));
        assert!(!is_collective("Staff Reporter"));
        assert!(!is_collective("Our Correspondents"));
        assert!(!is_collective("the newsroom team"));
        assert!(!is_collective("The Staff"));
        assert!(is_collective("The Example Post Staff"));
        assert!(!is_collective("Ann Lee"));
    }

    #[test]
    fn leading_names() {
        assert_eq!(leading("Ann Lee 22 Dec 2016").as_deref(), Some("Ann Lee"));
        assert_eq!(leading("Ann Lee and 3 others").as_deref(), Some("Ann Lee"));
        assert_eq!(leading("22 Dec"), None);
    }

    #[test]
    fn capitals_are_title_cased() {
        assert_eq!(normalise("CHANG JUN"), "Chang Jun");
        assert_eq!(normalise("JEAN-PAUL O'NEIL"), "Jean-Paul O'Neil");
        assert_eq!(normalise("LIA ZHU AND SAM ROE"), "Lia Zhu and Sam Roe");
        assert_eq!(normalise("KrASIA Writers"), "KrASIA Writers");
        assert_eq!(normalise(" Jane  Doe, "), "Jane Doe");
    }
}
