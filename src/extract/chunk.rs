//! Capitalised chunks: runs of name-like words ("Liangjiang Digital Economy Industrial
//! Park", "Guizhou-Cloud Big Data Industry Co", "National Artificial Intelligence (AI)
//! Innovation"), joined across "of"/"for"/"and" where a head word allows it.

use super::doc::Doc;
use super::gazetteer::Entry;
use super::token::shape;
use super::words::{
    FOR_HEADS, MONTHS, OF_HEADS, WEEKDAYS, among, among_lowercased, heads_ending, is_head_word,
};

/// Lower-case suffixes after a hyphen that end a name ("Wuhan-based").
const CUE_SUFFIXES: &[&str] = &[
    "based",
    "headquartered",
    "born",
    "listed",
    "owned",
    "backed",
    "funded",
    "made",
    "run",
    "registered",
    "bound",
    "led",
];

/// Pairs of field words joined by "and" that name one field inside a name
/// ("Zorbu Science and Technology Museum", "Quxian Oil and Gas Co"): the "and"
/// joins two words of one name, not two names.
pub(super) const FIELD_PAIRS: &[(&str, &str)] = &[
    ("Science", "Technology"),
    ("Sciences", "Technology"),
    ("Science", "Technologies"),
    ("Oil", "Gas"),
    ("Post", "Telecommunications"),
    ("Posts", "Telecommunications"),
    ("Culture", "Tourism"),
    ("Research", "Development"),
    ("Import", "Export"),
    ("Industry", "Commerce"),
    ("Industry", "Trade"),
    ("Trade", "Industry"),
    ("Arts", "Sciences"),
];

/// A run of tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
}

/// Initials of the name-like words before token `end`, reaching back over
/// "of"/"and"/"the" ("Communist Party of China" gives "CPC").
fn initials_before(doc: &Doc, end: usize) -> String {
    let mut initials = Vec::new();
    let mut i = end;
    while i > 0 && initials.len() < 10 {
        i -= 1;
        if doc.name_like(i) {
            initials.extend(doc.text(i).chars().next());
        } else if !matches!(doc.text(i), "of" | "and" | "the" | "for" | "&" | "-") {
            break;
        }
    }
    initials.iter().rev().collect()
}

/// "(AI)" inside a name: an acronym of the words just before it, followed by more name.
fn inner_acronym(doc: &Doc, open: usize) -> Option<usize> {
    let acronym = doc.tokens.get(open + 1)?;
    let close = open + 2;
    if !doc.tokens.get(close)?.is_punct(')') || !doc.name_like(close + 1) {
        return None;
    }
    let text = acronym.text(doc.body);
    if !shape::all_caps(text) || !text.chars().all(char::is_alphanumeric) {
        return None;
    }
    initials_before(doc, open)
        .ends_with(text)
        .then_some(close + 1)
}

/// "Boatmen's Bancshares Inc", "Zorbo's Foods Corp": one to three capitalised words
/// from token `from` on, then a legal form, make a company's name that a possessive
/// opens.
fn legal_name_follows(doc: &Doc, from: usize) -> bool {
    let tokens = &doc.tokens;
    let mut i = from;
    while i < tokens.len() && i < from + 4 {
        let t = &tokens[i];
        if !t.is_word() || !t.space_before || t.newline_before || !doc.name_like(i) {
            return false;
        }
        if i > from && doc.gazetteer.legal_forms.contains_ci(doc.text(i)) {
            return true;
        }
        i += 1;
    }
    false
}

/// The token after which the chunk that has reached token `i` may continue, if any.
fn continues(doc: &Doc, i: usize) -> Option<usize> {
    let tokens = &doc.tokens;
    let here = &tokens[i];
    if here.possessive {
        let next_ok =
            (doc.text(i) == "People" || legal_name_follows(doc, i + 1)) && doc.name_like(i + 1);
        return next_ok.then_some(i + 1);
    }
    let next = tokens.get(i + 1)?;
    if next.newline_before {
        return None;
    }
    if next.is_word() && next.space_before && doc.name_like(i + 1) {
        return Some(i + 1);
    }
    // "the CPC Zorbu district Committee": an administrative unit in lower case
    // between a name and a public body's head word stays inside the name.
    if next.is_word()
        && next.space_before
        && matches!(
            doc.text(i + 1),
            "district" | "county" | "city" | "municipal" | "provincial" | "township" | "prefecture"
        )
        && tokens.get(i + 2).is_some_and(|t| {
            t.is_word()
                && t.space_before
                && !t.newline_before
                && matches!(
                    t.text(doc.body),
                    "Committee" | "Government" | "Bureau" | "Commission" | "Congress"
                )
        })
    {
        return Some(i + 1);
    }
    // "the Mayors’ Forum": a plural possessive that opens a name runs on into it
    // ("the Zorb Academy of Sciences' Institute" is two names).
    let opens = i > 0
        && tokens[i - 1].is_word()
        && !doc.name_like(i - 1)
        && !matches!(doc.text(i - 1), "of" | "and" | "for");
    if opens
        && (next.is_punct('\'') || next.is_punct('\u{2019}'))
        && !next.space_before
        && doc.text(i).ends_with('s')
        && tokens.get(i + 2).is_some_and(|t| {
            t.is_word() && t.space_before && !t.newline_before && doc.name_like(i + 2)
        })
    {
        return Some(i + 2);
    }
    if next.is_punct('-') && !next.space_before {
        let after = tokens.get(i + 2)?;
        let ok =
            after.is_word() && !after.space_before && !among!(CUE_SUFFIXES, after.text(doc.body));
        return ok.then_some(i + 2);
    }
    // "Corp. Ltd": abbreviated legal forms run on across their full stops.
    let abbreviation = matches!(
        doc.text(i),
        "Co" | "Corp" | "Inc" | "Ltd" | "Bhd" | "Pte" | "Pty"
    );
    if next.is_punct('.') && !next.space_before && abbreviation && doc.name_like(i + 2) {
        let legal = doc
            .gazetteer
            .legal_forms
            .contains(doc.text(i + 2).to_lowercase().as_str());
        if legal && doc.tokens[i + 2].space_before {
            return Some(i + 2);
        }
    }
    // "Co.,Ltd.", "Co., Ltd": the full legal form after an abbreviated one and a comma.
    if abbreviation
        && next.is_punct('.')
        && !next.space_before
        && tokens
            .get(i + 2)
            .is_some_and(|t| t.is_punct(',') && !t.space_before)
        && tokens.get(i + 3).is_some_and(|t| {
            t.is_word()
                && !t.newline_before
                && doc
                    .gazetteer
                    .legal_forms
                    .contains(t.text(doc.body).to_lowercase().as_str())
        })
    {
        return Some(i + 3);
    }
    if next.is_punct('&') && doc.name_like(i + 2) {
        return Some(i + 2);
    }
    if next.is_punct('(') && next.space_before {
        return inner_acronym(doc, i + 1).or_else(|| inner_place(doc, i + 1));
    }
    None
}

/// "(Quxton)" inside a name: a listed place in parentheses, followed by more name
/// that ends in a head word ("Zed (Quxton) Pilot Zone", "Foo (Quxton) Co Ltd").
fn inner_place(doc: &Doc, open: usize) -> Option<usize> {
    let hit = doc.hit_covering(open + 1)?;
    let is_place = matches!(hit.entry, Entry::Place { .. });
    let close = hit.last + 1;
    if !is_place || hit.first != open + 1 || !doc.tokens.get(close)?.is_punct(')') {
        return None;
    }
    let resume = close + 1;
    let token = doc.tokens.get(resume)?;
    if !doc.name_like(resume) || token.newline_before || !token.space_before {
        return None;
    }
    let mut end = resume;
    loop {
        let spaced = doc
            .tokens
            .get(end + 1)
            .is_some_and(|t| t.is_word() && t.space_before && !t.newline_before)
            && doc.name_like(end + 1);
        // "Cross-border", "E-commerce": words joined by a hyphen are one.
        let hyphened = doc
            .tokens
            .get(end + 1)
            .is_some_and(|t| t.is_punct('-') && !t.space_before)
            && doc
                .tokens
                .get(end + 2)
                .is_some_and(|t| t.is_word() && !t.space_before);
        if spaced {
            end += 1;
        } else if hyphened {
            end += 2;
        } else {
            break;
        }
    }
    ends_with_head(
        doc,
        &Chunk {
            first: resume,
            last: end,
        },
    )
    .then_some(resume)
}

/// "HU ZORB / FOR QUXIAN DAILY", "BY ZED QUX": a preposition in capitals opens no
/// name (one inside a name, "BANK OF ZORB", is not at its start).
fn capitalised_preposition(word: &str) -> bool {
    matches!(
        word,
        "FOR" | "BY" | "FROM" | "TO" | "IN" | "WITH" | "VIA" | "AND"
    )
}

/// Every maximal run of name-like words, in order.
pub fn simple_chunks(doc: &Doc) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        if !doc.name_like(i) || capitalised_preposition(doc.text(i)) {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i;
        while let Some(next) = continues(doc, last) {
            last = next;
        }
        chunks.push(Chunk { first, last });
        i = last + 1;
    }
    chunks
}

/// The connector between two chunks: the one or two words strictly between them.
fn connector<'a>(doc: &Doc<'a>, left: &Chunk, right: &Chunk) -> Option<(&'a str, Option<&'a str>)> {
    let (first, end) = (left.last + 1, right.first);
    if end <= first || end - first > 2 || doc.tokens[right.first].newline_before {
        return None;
    }
    let word = |i: usize| doc.tokens[i].is_word().then(|| doc.text(i));
    let second = if end - first == 2 {
        Some(word(first + 1)?)
    } else {
        None
    };
    Some((word(first)?, second))
}

/// "Committee on Monday": a day or month after "on" is a date, not part of the name.
fn calendar(word: &str) -> bool {
    among!(MONTHS, word) || among!(WEEKDAYS, word)
}

fn starts_listed(doc: &Doc, chunk: &Chunk) -> bool {
    doc.hit_covering(chunk.first)
        .is_some_and(|h| h.first == chunk.first)
}

/// A chunk that starts with a listed place and goes on past it ("Quxton Refining"):
/// the place begins a longer name.
fn place_led(doc: &Doc, chunk: &Chunk) -> bool {
    doc.hit_covering(chunk.first).is_some_and(|h| {
        h.first == chunk.first && h.last < chunk.last && matches!(h.entry, Entry::Place { .. })
    })
}

/// The chunk is exactly a listed country.
fn is_country(doc: &Doc, chunk: &Chunk) -> bool {
    doc.hit_covering(chunk.first).is_some_and(|h| {
        h.first == chunk.first
            && h.last == chunk.last
            && matches!(
                h.entry,
                Entry::Place {
                    kind: super::Kind::Country,
                    ..
                }
            )
    })
}

fn ends_with_head(doc: &Doc, chunk: &Chunk) -> bool {
    !heads_ending(doc.text(chunk.last)).is_empty()
}

/// Ends with the head word of an organisation ("School", "Institute", "Center").
fn ends_with_org_head(doc: &Doc, chunk: &Chunk) -> bool {
    super::words::is_head_word(doc.text(chunk.last), super::Kind::Org)
}

/// "Development Co., Ltd", "Trading Co": common words closed by a legal form
/// (after company head words, if any).
fn descriptive_company(doc: &Doc, chunk: &Chunk) -> bool {
    let g = doc.gazetteer;
    let words: Vec<usize> = (chunk.first..=chunk.last)
        .filter(|&i| doc.tokens[i].is_word())
        .collect();
    let closing = |i: usize| {
        let text = doc.text(i);
        g.legal_forms.contains_ci(text) || is_head_word(text, super::Kind::Firm)
    };
    let Some(first_closing) = words.iter().position(|&i| closing(i)) else {
        return false;
    };
    // A legal form must close it: "Accurate Capital" may be a company's own name.
    first_closing > 0
        && words
            .last()
            .is_some_and(|&i| g.legal_forms.contains_ci(doc.text(i)))
        && words[..first_closing]
            .iter()
            .all(|&i| g.is_common(doc.text(i)))
        && words[first_closing..].iter().all(|&i| closing(i))
}

/// Some word of the chunk is an event's head ("Forum", "Expo").
fn holds_event_head(doc: &Doc, chunk: &Chunk) -> bool {
    (chunk.first..=chunk.last)
        .any(|i| doc.tokens[i].is_word() && is_head_word(doc.text(i), super::Kind::Event))
}

/// May `left` and `right` be one name, given the words between them?
fn joins(doc: &Doc, left: &Chunk, right: &Chunk, in_tail: bool) -> bool {
    let Some(words) = connector(doc, left, right) else {
        return false;
    };
    let head = doc.text(left.last);
    match words {
        // "Hyosung Group of South Korea": a named group followed by its country is
        // the group and the country, not one name.
        ("of", None)
            if head.eq_ignore_ascii_case("group")
                && left.first < left.last
                && is_country(doc, right) =>
        {
            false
        }
        // "Zorb Forum for Central Firms of Quxian Association": after an event's
        // "for ...", an "of" before another body's name names its host, not more of
        // the event's name.
        ("of", None | Some("the"))
            if in_tail && holds_event_head(doc, left) && ends_with_org_head(doc, right) =>
        {
            false
        }
        ("of", None | Some("the")) => in_tail || among_lowercased(OF_HEADS, head),
        ("for" | "on", None | Some("the")) => {
            among_lowercased(FOR_HEADS, head) && !calendar(doc.text(right.first))
        }
        // "between ZCC and Quxian Group": an acronym of three letters or more is a
        // name of its own; "and" starts another ("R and D Center" still joins).
        ("and", None)
            if left.first == left.last
                && head.chars().filter(char::is_ascii_uppercase).count() >= 3
                && shape::all_caps(head) =>
        {
            false
        }
        // "Zorbu Science and Technology (Museum)": one field, one name, whether the
        // right side ends with a head or the name ends with the field.
        ("and", None)
            if FIELD_PAIRS.contains(&(head, doc.text(right.first)))
                && (right.first == right.last || ends_with_head(doc, right)) =>
        {
            true
        }
        // "Zorbu Industry Investment and Development Co., Ltd": a right side of
        // common words and a company word names no company alone; it goes on the
        // name of the left, which ends with a company's head.
        ("and", None)
            if ends_with_head(doc, left)
                && left.first < left.last
                && descriptive_company(doc, right) =>
        {
            true
        }
        // "Zorb Investment and Development Forum": an event's name coordinates its
        // fields, whatever head the first field word may be elsewhere.
        ("and", None)
            if !in_tail
                && is_head_word(doc.text(right.last), super::Kind::Event)
                && doc.gazetteer.is_common(head)
                && !starts_listed(doc, right) =>
        {
            true
        }
        ("and", None) => {
            // A head word alone ("Logistics and Operations Center") only modifies.
            let headed_left = ends_with_head(doc, left) && left.first < left.last;
            let plain_left = !starts_listed(doc, left) && !headed_left;
            let plain_left = plain_left || place_led(doc, left) && !headed_left;
            let plain_right = !starts_listed(doc, right);
            // In a name's tail, "and School of ..." starts a second organisation.
            let second = in_tail && ends_with_org_head(doc, right);
            plain_left && plain_right && !second && (in_tail || ends_with_head(doc, right))
        }
        _ => false,
    }
}

/// Simple chunks joined across connectors where a head word allows it
/// ("Ministry of Industry and Information Technology of the People's Republic of China").
pub fn chunks(doc: &Doc) -> Vec<Chunk> {
    let simple = simple_chunks(doc);
    let mut out: Vec<Chunk> = Vec::with_capacity(simple.len());
    let mut in_tail = false;
    for chunk in simple {
        if let Some(prev) = out.last_mut()
            && joins(doc, prev, &chunk, in_tail)
        {
            let via_of = doc.is(prev.last + 1, "of") || doc.is(prev.last + 1, "for");
            in_tail = in_tail || via_of;
            prev.last = chunk.last;
            continue;
        }
        in_tail = false;
        out.push(chunk);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<String> {
        let doc = Doc::new(body);
        chunks(&doc)
            .iter()
            .map(|c| doc.span_text(c.first, c.last).to_string())
            .collect()
    }

    #[test]
    fn a_lower_case_unit_before_a_public_bodys_head_stays_inside_the_name() {
        let got = texts("Jia Zorbu, secretary of the CPC Quxli district Committee, spoke.");
        assert!(
            got.contains(&"CPC Quxli district Committee".to_string()),
            "{got:?}"
        );
        // Before other words the unit ends the name.
        let got = texts("The Quxli district Office of Zorb met in Quxli county today.");
        assert!(got.contains(&"Quxli".to_string()), "{got:?}");
    }

    #[test]
    fn a_conference_on_a_subject_is_one_name() {
        let got = texts("The 2021 World Conference on Zorb Industry opened in the city.");
        assert!(
            got.iter()
                .any(|t| t.ends_with("World Conference on Zorb Industry")),
            "{got:?}"
        );
        let got = texts("The Quxton Summit for Green Ports closed.");
        assert!(
            got.iter()
                .any(|t| t.ends_with("Quxton Summit for Green Ports")),
            "{got:?}"
        );
    }

    #[test]
    fn a_possessive_runs_on_into_a_name_closed_by_a_legal_form() {
        let got = texts("Shares of Zorbo's Quxa Foods Inc rose.");
        assert!(
            got.contains(&"Zorbo's Quxa Foods Inc".to_string()),
            "{got:?}"
        );
        let got = texts("Shares of Zorbo's Quxa Foods rose.");
        assert!(!got.iter().any(|t| t.contains("Zorbo's")), "{got:?}");
    }

    #[test]
    fn a_plural_possessive_runs_on_into_the_name() {
        let got = texts("He attended the Mayors’ Forum of Zorb Cities on Monday.");
        assert!(
            got.contains(&"Mayors’ Forum of Zorb Cities".to_string()),
            "{got:?}"
        );
        let got = texts("Then the Teachers' Union met.");
        assert!(got.contains(&"Teachers' Union".to_string()), "{got:?}");
        let got = texts("He joined the Zorb Academy of Sciences' Institute of Quxa.");
        assert!(
            !got.iter().any(|t| t.contains("Sciences' Institute")),
            "{got:?}"
        );
    }

    #[test]
    fn a_full_legal_form_after_an_abbreviated_one_and_a_comma_runs_on() {
        assert_eq!(
            texts("with Zorbu Bioscience Co.,Ltd.,Quxian Data Co., Ltd. and others"),
            vec!["Zorbu Bioscience Co.,Ltd", "Quxian Data Co., Ltd"]
        );
    }

    #[test]
    fn a_field_of_two_words_joined_by_and_is_one_name() {
        let got = texts("They toured the Lenovo Science and Technology Museum in May.");
        assert!(
            got.contains(&"Lenovo Science and Technology Museum".to_string()),
            "{got:?}"
        );
        let got = texts("It signed with Quxian Oil and Gas yesterday.");
        assert!(got.contains(&"Quxian Oil and Gas".to_string()), "{got:?}");
    }

    #[test]
    fn an_events_fields_joined_by_and_are_one_name_and_its_host_another() {
        let got = texts(
            "The 3rd Zorb Investment and Development Forum for Central Firms of Quxian \
             Association of Private Firms took place.",
        );
        assert!(
            got.contains(&"Zorb Investment and Development Forum for Central Firms".to_string()),
            "{got:?}"
        );
        assert!(
            got.contains(&"Quxian Association of Private Firms".to_string()),
            "{got:?}"
        );
    }

    #[test]
    fn common_words_and_a_company_word_after_and_go_on_the_company_name() {
        let got =
            texts("It set up Zorbu Quxdong Industry Investment and Development Co., Ltd. in May.");
        assert!(
            got.contains(&"Zorbu Quxdong Industry Investment and Development Co., Ltd".to_string()),
            "{got:?}"
        );
    }

    #[test]
    fn a_preposition_in_capitals_opens_no_name() {
        let got = texts("A new plant. ZED QUXIN / FOR ZORBTON DAILY\nIt opened.");
        assert!(got.contains(&"ZORBTON DAILY".to_string()), "{got:?}");
    }

    #[test]
    fn runs_of_capitalised_words() {
        assert_eq!(
            texts("The Foobar Quux Industrial Park opened."),
            vec!["The Foobar Quux Industrial Park"]
        );
    }

    #[test]
    fn hyphenated_words_stay_inside_but_cue_suffixes_end_the_name() {
        assert_eq!(
            texts("Zorg-Cloud High-level Data Co"),
            vec!["Zorg-Cloud High-level Data Co"]
        );
        assert_eq!(texts("a Zorgville-based maker"), vec!["Zorgville"]);
    }

    #[test]
    fn joins_across_of_after_an_organisation_head() {
        assert_eq!(
            texts("the Ministry of Fish and Boat Affairs of the People's Republic of Zed said"),
            vec!["Ministry of Fish and Boat Affairs of the People's Republic of Zed"]
        );
        assert_eq!(texts("CEO of Blorp"), vec!["CEO", "Blorp"]);
    }

    #[test]
    fn an_acronym_closes_a_name_before_and() {
        let got = texts("The deal between ZEC and Quxian Group builds it.");
        assert!(got.contains(&"Quxian Group".to_string()), "{got:?}");
        assert!(!got.iter().any(|t| t.contains("ZEC and")), "{got:?}");
    }

    #[test]
    fn joins_and_only_into_a_headed_name() {
        assert_eq!(
            texts("the Art and Craft Park is new"),
            vec!["Art and Craft Park"]
        );
        assert_eq!(texts("Blorp and Zed met"), vec!["Blorp", "Zed"]);
        assert_eq!(
            texts("the Logistics and Shipping Center of Zorbu"),
            vec!["Logistics and Shipping Center of Zorbu"]
        );
    }

    #[test]
    fn a_fair_or_expo_keeps_its_for_tail() {
        assert_eq!(
            texts("the Zorbin Fair for Trade and Economic Cooperation opened"),
            vec!["Zorbin Fair for Trade and Economic Cooperation"]
        );
        assert_eq!(
            texts("the Quxton Expo for Green Building met"),
            vec!["Quxton Expo for Green Building"]
        );
    }

    #[test]
    fn and_before_another_organisation_head_splits_a_tail() {
        assert_eq!(
            texts("the Key Laboratory of Zorb Coating and School of Blorp Science said"),
            vec!["Key Laboratory of Zorb Coating", "School of Blorp Science"]
        );
        assert_eq!(
            texts("the Ministry of Fish and Boat Technology said"),
            vec!["Ministry of Fish and Boat Technology"]
        );
    }

    #[test]
    fn an_acronym_of_the_words_before_stays_inside() {
        assert_eq!(
            texts("the Smart Robot (SR) Pilot Zone opened"),
            vec!["Smart Robot (SR) Pilot Zone"]
        );
        assert_eq!(
            texts("the Smart Robot (XY) Pilot Zone"),
            vec!["Smart Robot", "XY", "Pilot Zone"]
        );
    }

    #[test]
    fn a_place_in_parentheses_stays_inside_a_headed_name() {
        assert_eq!(
            texts("a unit, Zorbu (Shanghai) Co Ltd, was set up"),
            vec!["Zorbu (Shanghai) Co Ltd"]
        );
        assert_eq!(
            texts("the Zed (Shanghai) Pilot Free Trade Zone grew"),
            vec!["Zed (Shanghai) Pilot Free Trade Zone"]
        );
        assert_eq!(
            texts("the Zed (Shanghai) Cross-border E-commerce Pilot Zone grew"),
            vec!["Zed (Shanghai) Cross-border E-commerce Pilot Zone"]
        );
        assert_eq!(
            texts("Zorbu (Shanghai) Blorp said"),
            vec!["Zorbu", "Shanghai", "Blorp"]
        );
    }

    #[test]
    fn a_name_led_by_a_place_joins_across_and_into_a_head() {
        assert_eq!(
            texts("where Shanghai Quuxing and Blorp Co. runs a plant"),
            vec!["Shanghai Quuxing and Blorp Co"]
        );
        assert_eq!(
            texts("Shanghai and Blorp Co met"),
            vec!["Shanghai", "Blorp Co"]
        );
    }

    #[test]
    fn a_date_after_on_is_not_part_of_the_name() {
        assert_eq!(
            texts("the Zed Committee on Monday said"),
            vec!["Zed Committee", "Monday"]
        );
        assert_eq!(
            texts("the Zed Committee on Data Rules said"),
            vec!["Zed Committee on Data Rules"]
        );
    }

    #[test]
    fn joins_for_after_a_group() {
        assert_eq!(
            texts("the Zed Leading Group for Data Development met"),
            vec!["Zed Leading Group for Data Development"]
        );
    }
}
