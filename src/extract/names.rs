//! Typed names from capitalised chunks: head words ("... Industrial Park" is a zone,
//! "University of ..." an org), titles and leading function words stripped, compass
//! regions ("Southwest China"), firm names that extend a listed brand ("Foo Cloud"),
//! person names, and the untyped rest for the context rules.

use super::Kind;
use super::chunk::chunks;
use super::doc::{Doc, Rank};
use super::gazetteer::{Brand, Entry};
use super::person;
use super::token::shape;
use super::words::{
    COMMON_ACRONYM_SET, COMPASS_SET, FUNCTION_WORD_SET, HEADS, MONTHS, TITLE_SET, WEEKDAYS, among,
    among_lower, among_lowercased, heads_ending, international_org,
};

/// Firm heads that need a distinctive word before them ("Information Technology" is not a firm).
const WEAK_FIRM_HEADS: &[&str] = &[
    "capital",
    "management",
    "technology",
    "technologies",
    "tech",
    "electronics",
    "software",
    "networks",
    "telecom",
    "communications",
    "securities",
    "insurance",
    "ventures",
    "media",
    "entertainment",
    "logistics",
    "robotics",
    "automotive",
    "industries",
    "solutions",
    "investment",
    "studios",
    "pharmaceutical",
    "pharmaceuticals",
    "semiconductor",
    "motors",
    "airlines",
    "airways",
];
/// Company heads that make any capitalised name before them a company ("Quux Group").
const STRONG_FIRM_HEADS: &[&str] = &[
    "group",
    "co",
    "co.",
    "company",
    "corp",
    "corporation",
    "inc",
    "ltd",
    "limited",
    "llc",
    "plc",
    "holdings",
    "holding",
];
/// Words that, before "Group", name a kind of group rather than a company.
const GROUP_KINDS: &[&str] = &[
    "age", "ethnic", "focus", "study", "interest", "pressure", "control", "peer", "user", "target",
    "support", "advocacy", "research", "industry", "income", "blood", "risk", "consumer", "lobby",
    "civic", "rights", "working", "expert", "leading",
];
/// Words inside a firm-headed name that make it a public body.
const PUBLIC_MARKERS: &[&str] = &[
    "Provincial",
    "Municipal",
    "CPC",
    "Party",
    "Ministry",
    "Government",
];

/// A classified (or still untyped) span of tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// The kind, when a rule decided it.
    pub kind: Option<Kind>,
    /// How sure.
    pub rank: Rank,
    /// The grouping name.
    pub name: String,
    /// Came after a title ("President ...").
    pub titled: bool,
    /// Exactly one gazetteer hit (kept for list context; the hit is the candidate).
    pub listed: bool,
}

/// Lower-case kinds of zone written after a proper name ("the Zorbu high-tech zone"),
/// longest first.
/// Lower-case kinds of region after a name ("the Zorb Quxian autonomous prefecture").
const LOWER_REGIONS: &[&str] = &[
    "autonomous region",
    "autonomous prefecture",
    "autonomous county",
];

const LOWER_ZONES: &[&str] = &[
    "economic and technological development zone",
    "high-tech industrial development zone",
    "hi-tech industrial development zone",
    "economic development zone",
    "export processing zone",
    "pilot free trade zone",
    "free trade zone",
    "high-tech zone",
    "hi-tech zone",
    "high-tech park",
    "hi-tech park",
    "development zone",
    "industrial zone",
    "industrial park",
    "science park",
    "technology park",
    "software park",
    "bonded zone",
];

/// Legal forms and company heads that a chunk may hold alone after a comma.
const HEADS_ALONE: &[&str] = &[
    "ltd", "limited", "inc", "co", "corp", "llc", "plc", "gmbh", "ag", "sa", "bv", "nv",
];

/// One of [`HEADS_ALONE`] in any ASCII case, a trailing dot ignored (compared in
/// place: this runs for every one-word span).
fn head_alone(text: &str) -> bool {
    let text = text.trim_end_matches('.');
    HEADS_ALONE
        .iter()
        .any(|h| h.len() == text.len() && h.eq_ignore_ascii_case(text))
}

/// Every span from every chunk.
pub fn spans(doc: &Doc) -> Vec<Span> {
    let mut out = ocean_regions(doc);
    states_after_towns(doc, &mut out);
    for chunk in chunks(doc) {
        // Trimmed once for the two rules that run on every chunk.
        let Some(first) = trim_start(doc, chunk.first, chunk.last) else {
            lower_case_zone(doc, chunk.first, chunk.last, &mut out);
            place_suffixed_firm(doc, chunk.first, chunk.last, &mut out);
            continue;
        };
        classify_trimmed(doc, first, chunk.last, &mut out);
        lower_case_zone(doc, chunk.first, chunk.last, &mut out);
        place_suffixed_firm(doc, chunk.first, chunk.last, &mut out);
        place_prefixed_brand(doc, first, chunk.last, &mut out);
    }
    out
}

/// "China Quxcom", "Xiamen Zorbitech": a listed place and then one coined word (not
/// English, not pinyin, not a place, surname or head word) is a company, the usual
/// way Chinese firms are named. `first` is already past the trimmed leading words.
fn place_prefixed_brand(doc: &Doc, first: usize, last: usize, out: &mut Vec<Span>) {
    if last != first + 1 || !doc.tokens[last].is_word() || doc.tokens[last].possessive {
        return;
    }
    let place = doc.hit_covering(first).is_some_and(|h| {
        h.first == first && h.last == first && matches!(h.entry, Entry::Place { .. })
    });
    let word = doc.text(last);
    let g = doc.gazetteer;
    let coined = word.len() >= 4
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(|c| c.is_ascii_lowercase())
        && !g.is_common(word)
        && !g.is_pinyin(word, 4)
        && !g.chinese_surnames.contains(word)
        && !g.demonyms.contains(word)
        && heads_ending(&word.to_ascii_lowercase()).is_empty()
        && doc.hit_covering(last).is_none();
    if place && coined {
        push(out, doc, first, last, Some(Kind::Firm), Rank::Context);
    }
}

/// "Zorbu Gas Turbine (Quxton)": a name of two or more words closed by a listed place
/// in parentheses is a company's local unit, the usual way Chinese subsidiaries are
/// named (with a head word after the place, the chunk already holds it).
fn place_suffixed_firm(doc: &Doc, first: usize, last: usize, out: &mut Vec<Span>) {
    let open = last + 1;
    let opens = doc
        .tokens
        .get(open)
        .is_some_and(|t| t.is_punct('(') && t.space_before);
    if !opens {
        return;
    }
    let Some(first) = trim_start(doc, first, last) else {
        return;
    };
    if word_indices(doc, first, last).len() < 2 {
        return;
    }
    let Some(hit) = doc.hit_covering(open + 1) else {
        return;
    };
    let close = hit.last + 1;
    let closes = doc.tokens.get(close).is_some_and(|t| t.is_punct(')'));
    let place = matches!(hit.entry, Entry::Place { .. }) && hit.first == open + 1;
    let headed = heads_ending(doc.text(last).trim_end_matches('.'))
        .iter()
        .any(|&h| HEADS[h].1 != Kind::Firm);
    if closes && place && !headed && !doc.name_like(close + 1) {
        push(out, doc, first, close, Some(Kind::Firm), Rank::Head);
    }
}

/// "the Zorbu high-tech zone", "the Zorb Quxian autonomous prefecture": a name
/// followed by a lower-case kind of zone or region is that zone or region (not after a possessive: "Zorbu's industrial park" is not named so).
fn lower_case_zone(doc: &Doc, first: usize, last: usize, out: &mut Vec<Span>) {
    let end = doc.tokens[last].end;
    if doc.tokens[last].possessive || !doc.body[end..].starts_with(' ') {
        return;
    }
    let rest = &doc.body[end + 1..];
    let lead = rest.as_bytes().first();
    let fits = |p: &&&str| {
        p.as_bytes().first() == lead
            && rest.starts_with(**p)
            && !rest[p.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '-')
    };
    let found = if rest.starts_with("autonomous ") {
        LOWER_REGIONS.iter().find(fits).map(|p| (p, Kind::Region))
    } else {
        LOWER_ZONES.iter().find(fits).map(|p| (p, Kind::Zone))
    };
    let Some((phrase, kind)) = found else {
        return;
    };
    let stop = end + 1 + phrase.len();
    let Some(zone_last) = (last + 1..doc.tokens.len()).find(|&i| doc.tokens[i].end == stop) else {
        return;
    };
    if let Some(first) = trim_start(doc, first, last) {
        push(out, doc, first, zone_last, Some(kind), Rank::Head);
    }
}

/// "Asia-Pacific", "Euro-Atlantic": a continent joined to an ocean.
fn ocean_regions(doc: &Doc) -> Vec<Span> {
    let mut out = Vec::new();
    for hit in &doc.hits {
        let continent = matches!(
            hit.entry,
            Entry::Place {
                continent: true,
                ..
            }
        );
        let joined = doc
            .tokens
            .get(hit.last + 1)
            .is_some_and(|t| t.is_punct('-') && !t.space_before);
        let ocean = doc
            .tokens
            .get(hit.last + 2)
            .is_some_and(|t| !t.space_before && matches!(t.text(doc.body), "Pacific" | "Atlantic"));
        if continent && joined && ocean {
            push(
                &mut out,
                doc,
                hit.first,
                hit.last + 2,
                Some(Kind::Region),
                Rank::Head,
            );
        }
    }
    out
}

/// US postal codes of the states (and DC).
const STATE_CODES: [&str; 51] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC",
];

/// The AP style's abbreviations of the states, written with a full stop after them
/// (the inner dots of "N.H." are part of the word).
const STATE_ABBREVIATIONS: [&str; 43] = [
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "N.H", "N.J", "N.M",
    "N.Y", "N.C", "N.D", "Okla", "Ore", "Pa", "R.I", "S.C", "S.D", "Tenn", "Tex", "Vt", "Va",
    "Wash", "W.Va", "Wis", "Wyo",
];

/// A US state's postal code or AP abbreviation.
pub(super) fn is_state_abbreviation(word: &str) -> bool {
    STATE_CODES.contains(&word) || STATE_ABBREVIATIONS.contains(&word)
}

/// "Farmington Hills, Mich.", "Austin, TX", "DETROIT, MI": a US state's postal code
/// or abbreviation after a capitalised word and a comma is that state (a region),
/// not a town, a firm or a body. The codes that are also degrees (MD, MA, PA, ME)
/// and DC need a listed place or a dateline's town in capitals before them: "John
/// Smith, MD" is a doctor.
fn states_after_towns(doc: &Doc, out: &mut Vec<Span>) {
    let t = &doc.tokens;
    for i in 2..t.len() {
        if !t[i - 1].is_punct(',') || !t[i].is_word() || t[i].end - t[i].start > 5 {
            continue;
        }
        let word = doc.text(i);
        let stop = t.get(i + 1).is_some_and(|n| n.is_punct('.'));
        let state = STATE_CODES.contains(&word) || (stop && STATE_ABBREVIATIONS.contains(&word));
        if !state
            || t.get(i + 1)
                .is_some_and(|n| n.is_word() && n.name_like && !n.newline_before)
        {
            continue;
        }
        let before = i - 2;
        let town = t[before].is_word()
            && t[before].name_like
            && (doc
                .hit_covering(before)
                .is_some_and(|h| h.last == before && matches!(h.entry, Entry::Place { .. }))
                || (shape::all_caps(doc.text(before)) && doc.text(before).len() > 2)
                || !matches!(word, "MD" | "MA" | "PA" | "DC" | "ME"));
        if town {
            push(out, doc, i, i, Some(Kind::Region), Rank::Head);
        }
    }
}

/// Indices of the word tokens of a chunk, on the stack when the chunk is short (as
/// nearly all are), so that classifying a chunk allocates nothing for them.
struct WordIndices {
    inline: [usize; 8],
    len: usize,
    /// Used instead of `inline` for a chunk of more than eight tokens.
    spilled: Vec<usize>,
}

impl std::ops::Deref for WordIndices {
    type Target = [usize];

    fn deref(&self) -> &[usize] {
        if self.spilled.is_empty() {
            &self.inline[..self.len]
        } else {
            &self.spilled
        }
    }
}

fn word_indices(doc: &Doc, first: usize, last: usize) -> WordIndices {
    let mut words = WordIndices {
        inline: [0; 8],
        len: 0,
        spilled: Vec::new(),
    };
    let indices = (first..=last).filter(|&i| doc.tokens[i].is_word());
    if last < first + 8 {
        for i in indices {
            words.inline[words.len] = i;
            words.len += 1;
        }
    } else {
        words.spilled = indices.collect();
        words.len = words.spilled.len();
    }
    words
}

/// Token `i` follows an abbreviated title and its full stop ("Mr. He Ming").
fn after_title_abbreviation(doc: &Doc, i: usize) -> bool {
    i >= 2
        && doc.tokens[i - 1].is_punct('.')
        && !doc.tokens[i - 1].space_before
        && super::token::is_title_abbreviation(doc.text(i - 2))
}

/// Drops leading function words and sentence-initial common words.
fn trim_start(doc: &Doc, mut first: usize, last: usize) -> Option<usize> {
    while first <= last {
        let token = &doc.tokens[first];
        let text = doc.text(first);
        let listed = doc.hit_covering(first).is_some();
        let verbish = text.len() >= 5 && (text.ends_with("ing") || text.ends_with("ly"));
        // "Mr. He Ming": a Chinese surname that is an English word, after a title.
        let after_title =
            after_title_abbreviation(doc, first) && doc.gazetteer.chinese_surnames.contains(text);
        // "He Guangzhong, secretary of ...": the same surname before a given name
        // of two or more pinyin syllables that is no English word.
        let before_given = first < last
            && doc.gazetteer.chinese_surnames.contains(text)
            && person::long_chinese_given_name(doc, first + 1);
        let dull = (FUNCTION_WORD_SET.contains(text) && !after_title && !before_given)
            || (token.sentence_start && !listed && verbish);
        if !token.is_word() || dull {
            first += 1;
            continue;
        }
        return Some(first);
    }
    None
}

/// A capitalised ordinary English word ("Cloud"), not a name by itself.
fn is_plain_word(doc: &Doc, i: usize) -> bool {
    let text = doc.text(i);
    !shape::camel(text) && !shape::all_caps(text) && doc.gazetteer.is_common(text)
}

/// A word that could only be part of a name: not an English word, or an acronym.
fn distinctive(doc: &Doc, i: usize) -> bool {
    let text = doc.text(i);
    doc.hit_covering(i).is_some()
        || shape::all_caps(text)
        || shape::camel(text)
        || text.chars().next().is_some_and(|c| c.is_ascii_digit())
        || !doc.gazetteer.is_common(text)
}

/// The head phrase ending at word token `k`, if any: (kind, phrase length in words).
fn head_at(doc: &Doc, words: &[usize], k: usize) -> Option<(Kind, usize)> {
    let text = doc.text(words[k]);
    let t = words[k];
    // "Hi-Tech" is an adjective, not the head "Tech".
    let after_hyphen = t > 0 && doc.tokens[t - 1].is_punct('-') && !doc.tokens[t].space_before;
    // "Zorb Sub-district", "Zorb Sub-District": a township-level unit.
    let sub_district = after_hyphen
        && k > 0
        && words[k - 1] + 2 == t
        && doc.text(words[k - 1]) == "Sub"
        && text.eq_ignore_ascii_case("district");
    if sub_district {
        return Some((Kind::Region, 2));
    }
    if !shape::capitalised(text) || after_hyphen {
        return None;
    }
    let bare = text.trim_end_matches('.');
    let heads = heads_ending(bare);
    if heads.is_empty() {
        let legal = bare.len() <= 12 && doc.gazetteer.legal_forms.contains_ci(bare);
        return (legal && (bare.len() >= 3 || shape::all_caps(text))).then_some((Kind::Firm, 1));
    }
    if named_city(doc, words, k) {
        return Some((Kind::Zone, 2));
    }
    for &h in heads {
        let (phrase, kind) = HEADS[h];
        let n = phrase.len();
        if n > k + 1 {
            continue;
        }
        let matches = (0..n - 1).all(|m| {
            doc.text(words[k + 1 - n + m])
                .eq_ignore_ascii_case(phrase[m])
        });
        if matches {
            return Some((kind, n));
        }
    }
    let legal = doc.gazetteer.legal_forms.contains_ci(bare);
    (legal && (bare.len() >= 3 || shape::all_caps(text))).then_some((Kind::Firm, 1))
}

/// "Zed Sports Media City", "Quxton International Aerospace City": a planned city named
/// after a place or by a common noun, with at least two words before "City"; not a
/// listed city ("Salt Lake City", "Mexico City").
fn named_city(doc: &Doc, words: &[usize], k: usize) -> bool {
    if k < 2 || doc.text(words[k]) != "City" || doc.hit_covering(words[k]).is_some() {
        return false;
    }
    let noun = words[k - 1];
    let text = doc.text(noun);
    let located = doc
        .hit_covering(words[0])
        .is_some_and(|h| h.last < noun && matches!(h.entry, Entry::Place { .. }));
    words[k - 1] + 1 == words[k]
        && !doc
            .hit_covering(noun)
            .is_some_and(|h| matches!(h.entry, Entry::Place { .. }))
        && shape::capitalised(text)
        && !shape::all_caps(text)
        && (located || doc.gazetteer.is_common(text))
}

/// Is a head at word `k` (phrase of `n` words) backed by enough name before it?
fn head_supported(doc: &Doc, words: &[usize], k: usize, n: usize, kind: Kind) -> bool {
    if k + 1 == n {
        return kind == Kind::Region && n == 2;
    }
    let before = &words[..k + 1 - n];
    if kind == Kind::Region {
        return true;
    }
    let head = doc.text(words[k]);
    let any_distinct = before.iter().any(|&i| distinctive(doc, i));
    if kind == Kind::Firm && among_lowercased(WEAK_FIRM_HEADS, head) {
        return any_distinct;
    }
    // "Quux Group": a company head after any name word, unless it names a kind of group.
    let strong = kind == Kind::Firm && among_lowercased(STRONG_FIRM_HEADS, head);
    let generic = before
        .last()
        .is_some_and(|&i| among_lower(GROUP_KINDS, doc.text(i)));
    any_distinct || k + 1 >= 3 || (strong && !generic)
}

/// First connector word ("of", "for", "on") inside a joined chunk.
fn connector(doc: &Doc, first: usize, last: usize) -> Option<usize> {
    (first..=last).find(|&i| {
        let t = doc.text(i);
        doc.tokens[i].is_word() && matches!(t, "of" | "for" | "on")
    })
}

fn push(out: &mut Vec<Span>, doc: &Doc, first: usize, last: usize, kind: Option<Kind>, rank: Rank) {
    out.push(Span {
        first,
        last,
        kind,
        rank,
        name: doc.span_text(first, last).to_string(),
        titled: false,
        listed: false,
    });
}

fn adjust(doc: &Doc, words: &[usize], kind: Kind) -> Kind {
    if kind == Kind::Firm && words.iter().any(|&i| among!(PUBLIC_MARKERS, doc.text(i))) {
        Kind::Org
    } else {
        kind
    }
}

/// Place words (or hyphenated places) right after an org head ("Research Asia-Shanghai").
fn trailing_places(doc: &Doc, from: usize, last: usize) -> bool {
    from <= last
        && (from..=last).all(|i| {
            let t = &doc.tokens[i];
            t.is_punct('-')
                || (t.is_word()
                    && doc
                        .hit_covering(i)
                        .is_some_and(|h| matches!(h.entry, Entry::Place { .. })))
        })
}

fn classify(doc: &Doc, first: usize, last: usize, out: &mut Vec<Span>) {
    if let Some(first) = trim_start(doc, first, last) {
        classify_trimmed(doc, first, last, out);
    }
}

/// The intergovernmental organisation tokens `first..=last` name, also when the
/// chunk stops before an abbreviation's last dot ("U.N" of "the U.N. embargo").
fn international_org_at(doc: &Doc, first: usize, last: usize) -> Option<&'static str> {
    let text = doc.span_text(first, last);
    international_org(text).or_else(|| {
        let dotted = text.contains('.') && doc.body[doc.tokens[last].end..].starts_with('.');
        dotted
            .then(|| international_org(&format!("{text}.")))
            .flatten()
    })
}

/// [`classify`] of a chunk whose leading function words are already trimmed.
fn classify_trimmed(doc: &Doc, first: usize, last: usize, out: &mut Vec<Span>) {
    let words = word_indices(doc, first, last);
    if words.is_empty() {
        return;
    }
    // "Co, Ltd": a head word alone names nothing.
    if first == last && head_alone(doc.text(first)) {
        return;
    }
    if let Some(name) = international_org_at(doc, first, last) {
        out.push(Span {
            first,
            last,
            kind: Some(Kind::Org),
            rank: Rank::Head,
            name: name.to_string(),
            titled: false,
            listed: false,
        });
        return;
    }
    if let Some(c) = connector(doc, first, last) {
        let before: Vec<usize> = words.iter().copied().filter(|&i| i < c).collect();
        if let Some(k) = before.len().checked_sub(1)
            && let Some((kind, _)) = head_at(doc, &before, k)
        {
            let kind = adjust(doc, &words, kind);
            push(out, doc, first, last, Some(kind), Rank::Head);
            return;
        }
    }
    for k in (0..words.len()).rev() {
        let Some((kind, n)) = head_at(doc, &words, k) else {
            continue;
        };
        if !head_supported(doc, &words, k, n, kind) {
            continue;
        }
        let mut end = words[k];
        let rest = end + 1;
        if matches!(kind, Kind::Org | Kind::Firm) && trailing_places(doc, rest, last) {
            end = last;
        }
        if kind == Kind::Firm && trailing_trade_words(doc, rest, last) {
            end = last;
        }
        let kind = adjust(doc, &words[..=k], kind);
        let mut span = Span {
            first,
            last: end,
            kind: Some(kind),
            rank: Rank::Head,
            name: doc.span_text(first, end).to_string(),
            titled: false,
            listed: false,
        };
        if kind == Kind::Region && doc.text(end).eq_ignore_ascii_case("province") && k > 0 {
            span.name = doc.span_text(first, words[k - 1]).to_string();
        }
        out.push(span);
        if end < last {
            classify(doc, end + 1, last, out);
        }
        return;
    }
    unheaded(doc, first, last, out);
}

/// "Zorbu Communications Construction": one or two plain capitalised nouns after a
/// company head go on naming the company's trade (not a title, date or other name).
fn trailing_trade_words(doc: &Doc, from: usize, last: usize) -> bool {
    let words = word_indices(doc, from, last);
    (1..=2).contains(&words.len())
        && words.len() == last + 1 - from
        && words.iter().all(|&i| {
            let text = doc.text(i);
            is_plain_word(doc, i)
                && doc.hit_covering(i).is_none()
                && !TITLE_SET.contains(text)
                && !among!(MONTHS, text)
                && !among!(WEEKDAYS, text)
                && !FUNCTION_WORD_SET.contains(text)
        })
}

/// Chunks without a head word: titles, compass regions, persons, brand extensions.
fn unheaded(doc: &Doc, mut first: usize, last: usize, out: &mut Vec<Span>) {
    first = skip_title_qualifier(doc, first, last);
    let mut titled = false;
    while first <= last && doc.tokens[first].is_word() && TITLE_SET.contains(doc.text(first)) {
        titled = true;
        first += 1;
        while first <= last && !doc.tokens[first].is_word() {
            first += 1;
        }
    }
    if first > last {
        return;
    }
    // "Mr. Zorbu Quxley": an abbreviated title and its full stop end the chunk
    // before the name they title.
    titled = titled || after_title_abbreviation(doc, first);
    let words = word_indices(doc, first, last);
    if let Some(name) = city_with_suffix(doc, &words) {
        out.push(Span {
            first,
            last,
            kind: Some(Kind::City),
            rank: Rank::Head,
            name,
            titled: false,
            listed: false,
        });
        return;
    }
    if compass_region(doc, &words) {
        push(out, doc, first, last, Some(Kind::Region), Rank::Head);
        return;
    }
    if let Some(name) = person::shape(doc, &words, titled) {
        out.push(Span {
            first,
            last,
            kind: Some(Kind::Person),
            rank: Rank::Person,
            name,
            titled,
            listed: false,
        });
        return;
    }
    if brand_extension(doc, first, last, &words) {
        push(out, doc, first, last, Some(Kind::Firm), Rank::ListedLong);
        return;
    }
    let hit = doc.hit_exactly(first, last);
    // A capitalised plain word inside a sentence may be a name ("... and Google");
    // at a sentence start it is just a word.
    let plain = is_plain_word(doc, first) && doc.tokens[first].sentence_start;
    let calendar = among!(MONTHS, doc.text(first))
        || among!(WEEKDAYS, doc.text(first))
        || doc.gazetteer.demonyms.contains(doc.text(first));
    if hit.is_none()
        && words.len() == 1
        && (plain || calendar || COMMON_ACRONYM_SET.contains(doc.text(first)))
    {
        return;
    }
    out.push(Span {
        first,
        last,
        kind: hit.map(|h| h.entry.kind()),
        rank: if hit.is_some() {
            Rank::Listed
        } else {
            Rank::Context
        },
        name: doc.span_text(first, last).to_string(),
        titled,
        listed: hit.is_some(),
    });
}

/// "Chinese President ...", "Zedland Prime Minister ...", "Quxton Mayor ...": a demonym
/// or a listed place just before a title qualifies the title, not the name after it
/// (the place itself is still a gazetteer hit of its own).
fn skip_title_qualifier(doc: &Doc, first: usize, last: usize) -> usize {
    let text = doc.text(first);
    let end = if doc.gazetteer.demonyms.contains(text) {
        first
    } else {
        match doc.hit_covering(first) {
            Some(hit) if hit.first == first && matches!(hit.entry, Entry::Place { .. }) => hit.last,
            _ => return first,
        }
    };
    let next = end + 1;
    let titled = next <= last && doc.tokens[next].is_word() && TITLE_SET.contains(doc.text(next));
    if titled { next } else { first }
}

/// "Quxton City" for a listed city: the city, under its listed name.
fn city_with_suffix(doc: &Doc, words: &[usize]) -> Option<String> {
    let [place, suffix] = words else {
        return None;
    };
    if doc.text(*suffix) != "City" {
        return None;
    }
    let text = doc.text(*place);
    match doc.hit_exactly(*place, *place).map(|h| h.entry) {
        Some(Entry::Place {
            kind: Kind::City,
            canonical,
            ..
        }) => Some(canonical.to_string()),
        // "Dongfang City": a Chinese town's name in pinyin (two or three syllables)
        // before "City" is the town, whether or not a list knows it, and even when
        // a company bears the same name.
        Some(Entry::Firm(_)) | None
            if doc.tokens[*place].name_like
                && text.len() >= 4
                && doc.gazetteer.is_pinyin(&text.to_lowercase(), 3) =>
        {
            Some(text.to_string())
        }
        _ => None,
    }
}

/// "Southwest China", "East Asia", "Middle East", "Asia-Pacific".
fn compass_region(doc: &Doc, words: &[usize]) -> bool {
    // Every form has two words (an array, not a Vec, since this runs for every span).
    let [a, b] = words else {
        return false;
    };
    match [doc.text(*a), doc.text(*b)] {
        ["Middle" | "Far", "East"] => true,
        [direction, _] if COMPASS_SET.contains(direction) => {
            doc.hit_exactly(words[1], words[1]).is_some_and(|h| {
                matches!(
                    h.entry,
                    Entry::Place {
                        kind: Kind::Country,
                        ..
                    } | Entry::Place {
                        continent: true,
                        ..
                    }
                )
            })
        }
        [continent, "Pacific" | "Atlantic"] => {
            doc.hit_exactly(words[0], words[0]).is_some_and(|h| {
                matches!(
                    h.entry,
                    Entry::Place {
                        continent: true,
                        ..
                    }
                )
            }) && doc.tokens[words[1] - 1].is_punct('-')
                || continent == "Asia"
        }
        _ => false,
    }
}

/// A listed brand followed by one to three more name words ("Foo Cloud", "Foo Web Services").
fn brand_extension(doc: &Doc, first: usize, last: usize, words: &[usize]) -> bool {
    let brand_end = match doc
        .hit_covering(first)
        .filter(|h| h.first == first && h.last < last)
    {
        Some(hit) if matches!(hit.entry, Entry::Firm(Brand::Distinct | Brand::Multi)) => hit.last,
        Some(_) => return false,
        // A common-word brand ("Apple") counts here only inside a sentence.
        None => {
            let common_brand = matches!(doc.gazetteer.lookup(doc.text(first)), Some((s, Entry::Firm(Brand::Common))) if s == doc.text(first));
            if !common_brand || doc.tokens[first].sentence_start {
                return false;
            }
            first
        }
    };
    let rest: Vec<usize> = words.iter().copied().filter(|&i| i > brand_end).collect();
    (1..=3).contains(&rest.len())
        && rest.iter().all(|&i| {
            let text = doc.text(i);
            doc.hit_covering(i).is_none()
                && !TITLE_SET.contains(text)
                && !FUNCTION_WORD_SET.contains(text)
                && !doc.gazetteer.given.contains(text)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(body: &str) -> Vec<(String, Option<Kind>)> {
        let doc = Doc::new(body);
        spans(&doc).into_iter().map(|s| (s.name, s.kind)).collect()
    }

    fn has(body: &str, name: &str, kind: Kind) {
        let got = typed(body);
        assert!(
            got.contains(&(name.to_string(), Some(kind))),
            "{name} {kind} not in {got:?}"
        );
    }

    #[test]
    fn township_level_units_are_regions() {
        has(
            "The works began in Zorbel Village of Quxton County.",
            "Zorbel Village",
            Kind::Region,
        );
        has(
            "An industrial hub will rise in Quxnan Prefecture soon.",
            "Quxnan Prefecture",
            Kind::Region,
        );
        has(
            "He spoke for Blorpi Township last week.",
            "Blorpi Township",
            Kind::Region,
        );
        has(
            "He works in Zorbqiao Sub-district now.",
            "Zorbqiao Sub-district",
            Kind::Region,
        );
        has(
            "Zorbqiao Sub-District opened a centre.",
            "Zorbqiao Sub-District",
            Kind::Region,
        );
    }

    #[test]
    fn head_words_type_spans() {
        has(
            "It opened the Zorbu Digital Economy Industrial Park today.",
            "Zorbu Digital Economy Industrial Park",
            Kind::Zone,
        );
        has(
            "Officials of the Zorbu High-tech Zone met.",
            "Zorbu High-tech Zone",
            Kind::Zone,
        );
        has(
            "A new Zorbu Science City rises.",
            "Zorbu Science City",
            Kind::Zone,
        );
        has(
            "It joined the Qarth Holding Group in May.",
            "Qarth Holding Group",
            Kind::Firm,
        );
        has(
            "Yesterday Qarth Data Industry Co will list.",
            "Qarth Data Industry Co",
            Kind::Firm,
        );
        has(
            "He studied at Qarth University last year.",
            "Qarth University",
            Kind::Org,
        );
        has(
            "The Qarth Robotics Expo opens.",
            "Qarth Robotics Expo",
            Kind::Event,
        );
        has(
            "It came from the Qarth River Delta region.",
            "Qarth River Delta",
            Kind::Region,
        );
    }

    #[test]
    fn of_tails_belong_to_the_head_before_them() {
        has(
            "the University of Fish and Boat Studies of Zed said",
            "University of Fish and Boat Studies of Zed",
            Kind::Org,
        );
        has(
            "the Ministry of Quux Affairs announced",
            "Ministry of Quux Affairs",
            Kind::Org,
        );
        has(
            "the Zed Provincial Leading Group for Data Work said",
            "Zed Provincial Leading Group for Data Work",
            Kind::Org,
        );
    }

    #[test]
    fn weak_heads_need_a_distinctive_word() {
        assert!(
            typed("They use Information Technology daily.")
                .iter()
                .all(|(_, k)| k.is_none())
        );
        has(
            "They bought Zorbu Technology in June.",
            "Zorbu Technology",
            Kind::Firm,
        );
    }

    #[test]
    fn strong_company_heads_need_only_one_word() {
        has("Later, Ant Group said no.", "Ant Group", Kind::Firm);
        assert!(
            typed("a new Focus Group met")
                .iter()
                .all(|(_, k)| *k != Some(Kind::Firm))
        );
    }

    #[test]
    fn public_markers_make_groups_organisations() {
        has(
            "the Zed Municipal Group works",
            "Zed Municipal Group",
            Kind::Org,
        );
    }

    #[test]
    fn leading_words_and_titles_are_stripped() {
        has(
            "The Qarth Institute was founded.",
            "Qarth Institute",
            Kind::Org,
        );
        has(
            "He met President Zorbo Quux there.",
            "Zorbo Quux",
            Kind::Person,
        );
    }

    #[test]
    fn a_demonym_or_place_before_a_title_leaves_the_name_a_person() {
        has(
            "Talks included Russian Prime Minister Bolvar Quennik on Monday.",
            "Bolvar Quennik",
            Kind::Person,
        );
        has(
            "It was opened by Chinese Vice Premier Zorbo Quux.",
            "Zorbo Quux",
            Kind::Person,
        );
        has(
            "He was joined by Chengdu Mayor Zorbo Quux at the site.",
            "Zorbo Quux",
            Kind::Person,
        );
        let got = typed("They met Chinese President Zorbo Quux.");
        assert!(
            !got.iter().any(|(n, _)| n.contains("Chinese")),
            "the demonym is not part of any name: {got:?}"
        );
    }

    #[test]
    fn a_planned_city_named_by_a_common_noun_is_a_zone() {
        has(
            "They toured the Hangzhou International Aerospace City on Monday.",
            "Hangzhou International Aerospace City",
            Kind::Zone,
        );
        has(
            "They toured the Zorbu Sports Media City on Monday.",
            "Zorbu Sports Media City",
            Kind::Zone,
        );
        let got = typed("They flew to Salt Lake City on Monday.");
        assert!(!got.iter().any(|(_, k)| *k == Some(Kind::Zone)), "{got:?}");
    }

    #[test]
    fn longer_heads_for_districts_and_exchanges() {
        has(
            "Offices in the Zorbu Central Business District filled.",
            "Zorbu Central Business District",
            Kind::Zone,
        );
        has(
            "It will list on the Zorbu Stock Exchange soon.",
            "Zorbu Stock Exchange",
            Kind::Org,
        );
        has(
            "the annual meeting of the Zorbu Forum for Asia opened",
            "Zorbu Forum for Asia",
            Kind::Event,
        );
        has(
            "by the Zorbist Party of Zed (ZPZ) Central Committee and others",
            "Zorbist Party of Zed (ZPZ) Central Committee",
            Kind::Org,
        );
    }

    #[test]
    fn compass_regions() {
        has(
            "Trade with Southwest China grew.",
            "Southwest China",
            Kind::Region,
        );
        has(
            "Growth across the Asia-Pacific slowed.",
            "Asia-Pacific",
            Kind::Region,
        );
    }

    #[test]
    fn brand_extensions_are_firms() {
        has(
            "He joined Qualcomm Drone Works last year.",
            "Qualcomm Drone Works",
            Kind::Firm,
        );
    }

    #[test]
    fn a_chinese_surname_that_is_an_english_word_after_a_title_opens_a_name() {
        has(
            "Mr. He Ming, chairman of Zorb Co, spoke.",
            "He Ming",
            Kind::Person,
        );
    }

    #[test]
    fn a_metropolitan_area_is_a_region() {
        has(
            "It joins the Zorbton Metropolitan Area soon.",
            "Zorbton Metropolitan Area",
            Kind::Region,
        );
    }

    #[test]
    fn a_listed_city_with_city_after_it_is_that_city() {
        has("They met in Wuhan City today.", "Wuhan", Kind::City);
    }

    #[test]
    fn hyphenated_tech_is_not_a_firm_head() {
        let got = typed("the Qarth Hi-Tech District grew");
        assert!(!got.iter().any(|(_, k)| *k == Some(Kind::Firm)), "{got:?}");
    }

    #[test]
    fn province_head_names_the_region() {
        has("It is in Sichuan Province now.", "Sichuan", Kind::Region);
    }

    #[test]
    fn remainder_after_a_head_is_classified_again() {
        let got = typed("Qarth Tourism Committee Member Zorbo Quux");
        assert!(
            got.contains(&("Qarth Tourism Committee".to_string(), Some(Kind::Org))),
            "{got:?}"
        );
    }
}
