//! The second stage: the tagger's coarse names and the rules' typed candidates made
//! one list. A rule candidate stands when the tagger agrees on its coarse type (the
//! rule then gives the fine kind and its exact span); the tagger's veto removes a
//! candidate it reads as another type; names only the tagger found are typed here by
//! the gazetteers and head words.

use super::Kind;
use super::doc::{Candidate, Doc, Rank};
use super::fxhash::FxHashMap;
use super::gazetteer::{Brand, Entry};
use super::tagger::{Coarse, Tagged};
use super::token::{Token, TokenKind, shape};
use super::words::{
    CELESTIAL_BODIES, COMMON_ACRONYM_SET, COMPASS_SET, HEADS, MONTHS, TITLE_SET, UNITS, WEEKDAYS,
    among, among_lower, among_lowercased, heads_ending, is_head_word,
};

/// The fine kinds a coarse type may stand for.
pub fn compatible(coarse: Coarse, kind: Kind) -> bool {
    match coarse {
        Coarse::Person => kind == Kind::Person,
        Coarse::Location => matches!(kind, Kind::City | Kind::Region | Kind::Country | Kind::Zone),
        Coarse::Organisation => matches!(kind, Kind::Firm | Kind::Org | Kind::Event | Kind::Zone),
        Coarse::Other => kind == Kind::Event,
    }
}

/// A rule candidate the tagger did not mark at all: kept when the rule is sure of it
/// by itself (a listed name, a head word, a person's name by shape).
fn stands_alone(c: &Candidate) -> bool {
    matches!(
        c.rank,
        Rank::Listed | Rank::ListedLong | Rank::Head | Rank::Person
    )
}

/// Below this confidence the tagger only guesses at a body's name (the person
/// rules' Chinese name closing it wins: see `closes_weak_body`).
const WEAK_BODY: f32 = 0.5;

/// "Tao Bolin": a Chinese surname (or a word of one pinyin syllable, as the
/// surnames that are English words are), then one or two words of pinyin.
fn chinese_full_name(doc: &Doc, name: &str) -> bool {
    let mut words = name.split(' ');
    let (Some(surname), Some(given)) = (words.next(), words.next()) else {
        return false;
    };
    let g = &doc.gazetteer;
    (g.chinese_surnames.contains(surname) || g.is_pinyin(&surname.to_lowercase(), 1))
        && std::iter::once(given)
            .chain(words)
            .all(|w| g.is_pinyin(&w.to_lowercase(), 3))
}

/// A place or brand that may sit inside a longer name of another type ("China" in
/// "Bank of China").
fn may_sit_inside(c: &Candidate, around: Coarse, event: bool) -> bool {
    // Inside another name ("Black Friday", a product) a place or brand is no mention
    // of itself, unless that name is an event we keep ("Chongqing Expo").
    let container = around == Coarse::Organisation || (around == Coarse::Other && event);
    c.nestable
        && container
        && matches!(
            c.kind,
            Kind::City | Kind::Region | Kind::Country | Kind::Firm
        )
}

/// The kind and grouping name of a name only the tagger found, from the gazetteer
/// entry that spans it (a listed place goes by its canonical name), its last word's
/// head, or its coarse type (`None`: not a kind we keep).
pub fn fine_kind(doc: &Doc, t: &Tagged) -> Option<(Kind, String)> {
    let text = doc.span_text(t.first, t.last);
    // "U.S" read without its last dot is still "U.S.".
    let dotted = doc.body[doc.tokens[t.last].end..].starts_with('.');
    let listed = doc
        .hit_exactly(t.first, t.last)
        .map(|h| h.entry)
        .or_else(|| doc.gazetteer.lookup(text).map(|(_, e)| e))
        .or_else(|| {
            let with_dot = || &doc.body[doc.tokens[t.first].start..doc.tokens[t.last].end + 1];
            dotted
                .then(|| doc.gazetteer.lookup(with_dot()).map(|(_, e)| e))
                .flatten()
        });
    let last_word = (t.first..=t.last)
        .rev()
        .find(|&i| doc.tokens[i].is_word())
        .map(|i| doc.text(i).trim_end_matches('.'));
    let head_of = |w: &str| one_word_head_kinds(w).next();
    // "League of Zorb Voters", "Organisation for Quux": the word before "of" or
    // "for" heads a name whose last word heads nothing.
    let head = last_word.and_then(head_of).or_else(|| {
        (t.first + 1..t.last)
            .find(|&i| matches!(doc.text(i), "of" | "for"))
            .and_then(|i| head_of(doc.text(i - 1).trim_end_matches('.')))
    });
    let name = super::single_spaced(text);
    // "As China deepened ...": an English word read into the place after it.
    let word_then_place = (t.coarse == Coarse::Location && listed.is_none())
        .then(|| place_after_word(doc, t))
        .flatten();
    let kind = match t.coarse {
        // "Zorbi Robot", "Quxin Biology": a name ending in an English word that is no
        // one's name (a firm's trade) is no person.
        Coarse::Person if trade_word_last(doc, t) => organisation_by_context(doc, t.first, t.last),
        // "P. R. China": initials before a listed country are its title, not a person.
        Coarse::Person if t.first < t.last => match initialled_country(doc, t) {
            Some(country) => return Some((Kind::Country, country)),
            None => Kind::Person,
        },
        Coarse::Person => Kind::Person,
        // "Chinese" is a nationality, not a place.
        Coarse::Location if doc.gazetteer.demonyms.contains(text) => return None,
        // "West", "China's West": a point of the compass is no town.
        Coarse::Location
            if listed.is_none() && last_word.is_some_and(|w| COMPASS_SET.contains(w)) =>
        {
            return None;
        }
        // "Quxton-Zorbville" (a line or a route between two places): no one place.
        Coarse::Location if listed.is_none() && joins_places(doc, text) => return None,
        // "Forbes China", "Zorbex China": a brand's arm in a country, not a place.
        Coarse::Location if listed.is_none() && brand_in_country(doc, t) => Kind::Firm,
        Coarse::Location if word_then_place.is_some() => return word_then_place,
        Coarse::Location => match (listed, head) {
            (
                Some(Entry::Place {
                    kind, canonical, ..
                }),
                _,
            ) => {
                return Some((kind, canonical.to_string()));
            }
            (_, Some(kind @ (Kind::Region | Kind::Zone))) => kind,
            // A place named like a body ("... Industrial Center") or a building
            // ("White House", "Union Square") is a site.
            (_, Some(Kind::Org)) => Kind::Zone,
            // "Southwest Quxland": the compass part of a listed country is a region;
            // "Southeast Sichuan" describes a part of a province or town the rules
            // name inside it, and is no name of its own.
            _ if compass_part(doc, t) == Some(true) => Kind::Region,
            _ if compass_part(doc, t) == Some(false) => return None,
            _ if t.first < t.last && last_word.is_some_and(|w| among_lowercased(SITE_NOUNS, w)) => {
                Kind::Zone
            }
            _ if t.first < t.last && last_word.is_some_and(|w| among_lowercased(LAND_NOUNS, w)) => {
                Kind::Region
            }
            // "the Pacific", "the mid Atlantic": an ocean named without "Ocean".
            _ if t.first == t.last
                && matches!(
                    doc.text(t.first),
                    "Pacific" | "Atlantic" | "Arctic" | "Antarctic"
                ) =>
            {
                Kind::Region
            }
            // A place no list knows is a town when the tagger prefers it to no name
            // ("Tavildara", "Qalandia") and its words could name a town; below that it
            // is as likely a planet, a product or a firm.
            _ if dateline_head(doc, t) || (t.confidence >= UNLISTED_TOWN && town_like(doc, t)) => {
                Kind::City
            }
            _ => return None,
        },
        Coarse::Organisation => match (listed, head) {
            (Some(Entry::Firm(_)), _) => Kind::Firm,
            // "ZORBTON Oct. 23": a listed place in capitals opening a dateline is that
            // place, however the capitals read ("Alba (Germany)" opening a line of
            // results is a team).
            (
                Some(Entry::Place {
                    kind, canonical, ..
                }),
                _,
            ) if shape::all_caps(text) && dateline_place(doc, t) => {
                return Some((kind, canonical.to_string()));
            }
            (_, Some(kind @ (Kind::Firm | Kind::Org | Kind::Event))) => kind,
            // "Hong Kong Special Administrative Region", "Zorbia Autonomous Region":
            // a region however read.
            _ if administrative_region(text) => Kind::Region,
            _ if last_word.is_some_and(|w| doc.gazetteer.legal_forms.contains_ci(w)) => Kind::Firm,
            // "NASA", "Senate": an acronym or an English word for a body is a company
            // only when the words around say so.
            _ if t.first == t.last && (shape::all_caps(text) || doc.gazetteer.is_common(text)) => {
                if firm_cues_everywhere(doc, text) > 0 {
                    Kind::Firm
                } else {
                    Kind::Org
                }
            }
            // "Shenzhen United Aircraft": a place's name before words no body is named
            // by (no head word of a body or event) is a company, as Chinese firms are
            // named.
            _ if place_led_company(doc, t) => Kind::Firm,
            _ => organisation_by_context(doc, t.first, t.last),
        },
        Coarse::Other if head == Some(Kind::Event) => Kind::Event,
        Coarse::Other => return None,
    };
    Some((kind, name))
}

/// The canonical name of the listed country that ends `t` when every word before it
/// is a one-letter initial ("P. R. China").
fn initialled_country(doc: &Doc, t: &Tagged) -> Option<String> {
    let initials = (t.first..t.last)
        .filter(|&i| doc.tokens[i].is_word())
        .all(|i| {
            let w = doc.text(i);
            w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase())
        });
    if !initials {
        return None;
    }
    match doc.gazetteer.lookup(doc.text(t.last)) {
        Some((
            _,
            Entry::Place {
                kind: Kind::Country,
                canonical,
                ..
            },
        )) => Some(canonical.to_string()),
        _ => None,
    }
}

/// A name of two words or more whose last word is a common English word in title
/// case and no first name or surname.
fn trade_word_last(doc: &Doc, t: &Tagged) -> bool {
    let g = doc.gazetteer;
    let last = doc.text(t.last);
    let first = doc.text(t.first).trim_end_matches('.');
    // "Guy Forget", "P. Such": a first name or an initial makes it a person's name.
    t.first < t.last
        && first.len() > 1
        && !g.given.contains(first)
        && doc.tokens[t.last].is_word()
        && shape::capitalised(last)
        && g.is_common(last)
        && !g.surnames.contains(last)
        && !g.given.contains(last)
        && !g.chinese_surnames.contains(last)
}

/// "As China": a common English word (capitalised to open a sentence or a clause)
/// before a listed place read as one name with it: the place, canonically named.
fn place_after_word(doc: &Doc, t: &Tagged) -> Option<(Kind, String)> {
    let first = doc.text(t.first);
    let opens_clause = doc.tokens[t.first].sentence_start
        || t.first == 0
        || doc.tokens[t.first].newline_before
        || !doc.tokens[t.first - 1].is_word();
    if t.first >= t.last
        || !opens_clause
        || !doc.gazetteer.is_common(first)
        || COMPASS_SET.contains(first)
    {
        return None;
    }
    let next = (t.first + 1..=t.last).find(|&i| doc.tokens[i].is_word())?;
    match doc.hit_covering(next) {
        Some(h) if h.first == next && h.last == t.last => match h.entry {
            Entry::Place {
                kind, canonical, ..
            } => Some((kind, canonical.to_string())),
            Entry::Firm(_) => None,
        },
        _ => None,
    }
}

/// A listed place (not a country) opening two or more capitalised words, none of
/// them a head word of a body or an event, "of" or a listed place.
fn place_led_company(doc: &Doc, t: &Tagged) -> bool {
    let Some(hit) = doc.hit_covering(t.first) else {
        return false;
    };
    let city_or_region = matches!(
        hit.entry,
        Entry::Place {
            kind: Kind::City | Kind::Region,
            ..
        }
    );
    let rest: Vec<usize> = (hit.last + 1..=t.last)
        .filter(|&i| doc.tokens[i].is_word())
        .collect();
    hit.first == t.first
        && city_or_region
        && rest.len() >= 2
        && rest.iter().all(|&i| {
            let w = doc.text(i);
            shape::capitalised(w)
                && doc.hit_covering(i).is_none()
                && !heads_ending(w).iter().any(|&h| {
                    matches!(
                        HEADS[h].1,
                        Kind::Org | Kind::Event | Kind::Zone | Kind::Region
                    )
                })
        })
}

/// "Forbes China": a capitalised word that is no place, English word, nationality or
/// point of the compass, before a listed country.
fn brand_in_country(doc: &Doc, t: &Tagged) -> bool {
    if t.last != t.first + 1 {
        return false;
    }
    let g = doc.gazetteer;
    let first = doc.text(t.first);
    let country = matches!(
        doc.hit_covering(t.last).map(|h| (h.first, h.entry)),
        Some((
            f,
            Entry::Place {
                kind: Kind::Country,
                ..
            }
        )) if f == t.last
    );
    country
        && doc.tokens[t.first].is_word()
        && shape::capitalised(first)
        && doc.hit_covering(t.first).is_none()
        // "Greater China", "Rural China" describe the country; a surname that is
        // also a word ("Forbes") names a brand.
        && (!g.is_common(first) || g.surnames.contains(first))
        && !g.demonyms.contains(first)
        && !COMPASS_SET.contains(first)
}

/// Words that may name a town no list knows: not "Glenn Hoddle's England", not
/// "ex-Yankee ...", not led by a listed country ("U.S. Roman").
fn town_like(doc: &Doc, t: &Tagged) -> bool {
    let first = doc.text(t.first);
    let text = doc.span_text(t.first, t.last);
    let possessive = text.contains("'s ") || text.contains("\u{2019}s ");
    // "U.S. Labour Day": a listed country that opens a longer name qualifies it.
    let led_by_country = doc.hit_covering(t.first).is_some_and(|h| {
        h.first == t.first
            && h.last < t.last
            && matches!(
                h.entry,
                Entry::Place {
                    kind: Kind::Country,
                    ..
                }
            )
    });
    first.chars().next().is_some_and(char::is_uppercase) && !possessive && !led_by_country
}

/// A compass word and a listed place ("Southeast Sichuan", "Northern Quxland"):
/// whether the place is a country or a continent.
fn compass_part(doc: &Doc, t: &Tagged) -> Option<bool> {
    if t.last != t.first + 1 || !COMPASS_SET.contains(doc.text(t.first)) {
        return None;
    }
    match doc.gazetteer.lookup(doc.text(t.last)) {
        Some((
            _,
            Entry::Place {
                kind, continent, ..
            },
        )) => Some(kind == Kind::Country || continent),
        _ => None,
    }
}

/// ", Chairman of ...", ", deputy mayor": an office set off by a comma right after
/// byte `end`.
fn office_follows(doc: &Doc, end: usize) -> bool {
    let Some(rest) = doc.body[end..].strip_prefix(", ") else {
        return false;
    };
    let mut words = rest.split(' ').take(2);
    let first = words.next().unwrap_or("");
    let title = |w: &str| {
        crate::extract::words::TITLE_SET.contains(w)
            || crate::extract::words::TITLE_SET.contains(&title_cased(w))
    };
    title(first) || (among!(OFFICE_RANKS, first) && words.next().is_some_and(title))
}

/// "Quxton-Zorbville": two capitalised names joined by a hyphen, one of them a
/// listed place.
fn joins_places(doc: &Doc, text: &str) -> bool {
    let Some((a, b)) = text.split_once('-') else {
        return false;
    };
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let place = |w: &str| matches!(doc.gazetteer.lookup(w), Some((_, Entry::Place { .. })));
    !text.contains(' ') && capitalised(a) && capitalised(b) && (place(a) || place(b))
}

/// A region's full title: "... Autonomous Region", "... Special Administrative
/// Region".
pub(super) fn administrative_region(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.ends_with(" autonomous region") || lower.ends_with(" administrative region")
}

/// Last words of a place that make it a site, not a town.
const SITE_NOUNS: &[&str] = &[
    "house",
    "hall",
    "palace",
    "tower",
    "towers",
    "building",
    "square",
    "street",
    "road",
    "avenue",
    "bridge",
    "stadium",
    "arena",
    "airport",
    "station",
    "terminal",
    "plaza",
    "mall",
    "market",
    "garden",
    "gardens",
    "cathedral",
    "church",
    "temple",
    "mosque",
    "castle",
    "museum",
    "library",
    "harbour",
    "harbor",
    "dam",
    "tunnel",
    "wharf",
    "pier",
    "circuit",
    "course",
    "project",
    "base",
];

/// Last words of a place that make it a natural region.
pub(super) const LAND_NOUNS: &[&str] = &[
    "ocean",
    "island",
    "islands",
    "isles",
    "archipelago",
    "sea",
    "mountains",
    "mountain",
    "hills",
    "range",
    "desert",
    "forest",
    "plain",
    "plains",
    "peninsula",
    "strait",
    "straits",
    "gulf",
    "bay",
    "lake",
    "lakes",
    "river",
    "valley",
    "coast",
    "delta",
    "basin",
    "plateau",
    "steppe",
    "prairie",
];

/// Words near a name that say it is a company ...
const FIRM_CUES: &[&str] = &[
    "company",
    "companies",
    "firm",
    "firms",
    "maker",
    "makers",
    "manufacturer",
    "startup",
    "start-up",
    "unicorn",
    "brand",
    "brands",
    "shares",
    "stock",
    "listed",
    "investors",
    "revenue",
    "revenues",
    "profit",
    "profits",
    "sales",
    "customers",
    "products",
    "ceo",
    "founder",
    "founded",
    "subsidiary",
    "acquired",
    "acquisition",
    "valuation",
    "funding",
    "carmaker",
    "automaker",
    "chipmaker",
    "giant",
    "rival",
    "rivals",
    "retailer",
    "supplier",
    "supplies",
    "deliveries",
    "vehicles",
    "smartphones",
    "chips",
    "app",
    "inc",
    "corp",
    "earnings",
    "quarter",
    "merger",
    "deal",
    "contract",
    "plant",
    "plants",
    "factory",
    "factories",
    "invested",
    "enterprise",
    "enterprises",
    "production",
];
/// ... or a public body, a party, a team or an association.
const ORG_CUES: &[&str] = &[
    "ministry",
    "government",
    "official",
    "officials",
    "agency",
    "party",
    "university",
    "council",
    "committee",
    "police",
    "army",
    "union",
    "minister",
    "parliament",
    "court",
    "organisation",
    "organization",
    "members",
    "member",
    "federation",
    "league",
    "club",
    "team",
    "coach",
    "players",
    "match",
    "election",
    "vote",
    "voted",
    "rebels",
    "troops",
    "spokesman",
    "spokeswoman",
    "association",
    "institute",
    "students",
    "professor",
    "research",
    "researchers",
    "school",
    "hospital",
    "charity",
    "museum",
];

/// A company or another organisation, by the words within a dozen tokens of the
/// name (ties go to "company": in news, most organisations named without a head
/// word are companies).
fn organisation_by_context(doc: &Doc, first: usize, last: usize) -> Kind {
    if firm_cues(doc, first, last) >= 0 {
        Kind::Firm
    } else {
        Kind::Org
    }
}

/// The tokens that are the word `word` (exact case), in text order. A name asks
/// for its mentions a couple of times per article, so a scan of the tokens
/// (lengths first) costs less than an index of every word.
fn mentions_of<'w>(doc: &'w Doc, word: &'w str) -> impl Iterator<Item = usize> + 'w {
    doc.tokens
        .iter()
        .enumerate()
        .filter(move |(_, t)| {
            t.end - t.start == word.len() && t.is_word() && t.text(doc.body) == word
        })
        .map(|(i, _)| i)
}

/// [`firm_cues`] around every mention of a one-word name in the article (its first
/// 50): "A CATL factory ... CATL has since committed to nine more factories ... of
/// CATL told ... the company" says firm though no one mention does.
fn firm_cues_everywhere(doc: &Doc, word: &str) -> i32 {
    mentions_of(doc, word)
        .take(50)
        .map(|i| firm_cues(doc, i, i))
        .sum()
}

static FIRM_CUE_SET: super::words::WordSet = super::words::WordSet::new(FIRM_CUES);
static ORG_CUE_SET: super::words::WordSet = super::words::WordSet::new(ORG_CUES);
const FIRM_CUE_SIGNATURE: [u64; 8] = super::words::signature(FIRM_CUES);
const ORG_CUE_SIGNATURE: [u64; 8] = super::words::signature(ORG_CUES);

/// +1 for a company word, -1 for a public body's word, in any ASCII case.
fn cue(word: &str) -> i8 {
    let mut buf = [0u8; 24];
    if word.len() > buf.len() || !word.is_ascii() {
        return 0;
    }
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).unwrap_or_default();
    // The signatures turn most words away before any hashing.
    if super::words::may_hold(&FIRM_CUE_SIGNATURE, lower) && FIRM_CUE_SET.contains(lower) {
        1
    } else if super::words::may_hold(&ORG_CUE_SIGNATURE, lower) && ORG_CUE_SET.contains(lower) {
        -1
    } else {
        0
    }
}

/// Company words minus body words within a dozen tokens of the name.
fn firm_cues(doc: &Doc, first: usize, last: usize) -> i32 {
    // Each token's cue is read once per article, not once per name around it, and
    // only for tokens near some name.
    let cues = doc
        .cue_scores
        .get_or_init(|| vec![std::cell::Cell::new(Doc::UNSET_CUE); doc.tokens.len()]);
    let from = first.saturating_sub(12);
    let to = (last + 12).min(doc.tokens.len() - 1);
    (from..=to)
        .filter(|&i| i < first || i > last)
        .map(|i| {
            let mut c = cues[i].get();
            if c == Doc::UNSET_CUE {
                c = if doc.tokens[i].is_word() {
                    cue(doc.text(i))
                } else {
                    0
                };
                cues[i].set(c);
            }
            i32::from(c)
        })
        .sum()
}

/// The least confidence for a place only the tagger found that no list knows (on
/// CoNLL-2003 dev such places between 0.2 and 0.4 were towns four times in five).
const UNLISTED_TOWN: f32 = 0.2;
/// The least confidence for any name only the tagger found (a tie with O is no name).
const LEAST: f32 = 0.2;

/// Below this confidence the tagger's place reading of a distinctive listed
/// company's name does not veto the company.
const WEAK_PLACE: f32 = 1.0;
/// Articles where the tagger sees at least this many names ...
const MIN_NAMES: usize = 5;
/// ... and the rules already give at least this share of them ...
const RULES_EXPLAIN: f32 = 0.7;
/// ... take a name only the tagger found when it is this sure (in units of the
/// median confidence on the training texts).
const SURE: f32 = 1.1;

/// How sure the tagger must be to add a name the rules did not find: where the rules
/// already account for most of the names it sees, the article is of the kind they
/// were written for, and a name they missed is more often a capitalised phrase
/// ("Synergistic Development") than a name; elsewhere any name it reads will do.
fn addition_threshold(
    doc: &Doc,
    tagged: &[Tagged],
    ranges: &[(usize, usize)],
    rules: &[Candidate],
) -> f32 {
    if tagged.len() < MIN_NAMES {
        return LEAST;
    }
    let explained = tagged
        .iter()
        .zip(ranges)
        .filter(|(t, r)| covered(doc, t, **r, rules))
        .count();
    if explained as f32 >= RULES_EXPLAIN * tagged.len() as f32 {
        SURE
    } else {
        LEAST
    }
}

/// Lower-case words that may join the words of an organisation's name ("Bank of
/// Zorb", "Quux for Security and Cooperation in Zorbia").
const JOINERS: &[&str] = &[
    "of", "for", "and", "in", "on", "the", "de", "du", "des", "la",
];

/// Most tokens an organisation's name is widened over, each way.
const WIDEN: usize = 8;

/// "Quux Board of Zorb Trade (QBZT)" read by the tagger as "Zorb Trade" or as
/// "Quux Board": an organisation's name that an acronym in parentheses right after
/// it defines runs from the first to the last word the acronym's letters stand for,
/// over lower-case joiners (a word before them is no part of it: "Zorbian Board of
/// Trade (BT)"). The names the tagger read inside it are dropped.
/// `None` when nothing is widened (the common case: no allocation).
fn widen_to_definitions(doc: &Doc, tagged: &[Tagged]) -> Option<Vec<Tagged>> {
    let tokens = &doc.tokens;
    let inside = |i: usize| {
        let t = &tokens[i];
        (t.is_word() && (t.name_like || among_lower(JOINERS, doc.text(i))))
            || t.is_punct('.')
            || t.is_punct('&')
            || t.is_punct('-')
    };
    let mut widened: Option<Vec<Tagged>> = None;
    // "QBZT (Quux Board of Zorb Trade)": the acronym before the name it spells out
    // names the same organisation, however unsure the tagger was of it.
    for t in tagged {
        if let Some(a) = acronym_spelt_out(doc, t)
            && !tagged.iter().any(|o| o.first <= a && a <= o.last)
        {
            let list = widened.get_or_insert_with(|| tagged.to_vec());
            list.push(Tagged {
                first: a,
                last: a,
                ..*t
            });
        }
    }
    if let Some(list) = &mut widened {
        list.sort_by_key(|t| t.first);
    }
    let tagged: &[Tagged] = widened.as_deref().unwrap_or(tagged);
    let added = widened.is_some();
    let mut widened: Option<Vec<Tagged>> = added.then(|| tagged.to_vec());
    for (n, t) in tagged.iter().enumerate() {
        if t.coarse != Coarse::Organisation {
            continue;
        }
        // The nearest name-like word at or after the tagged name's end that an
        // acronym in parentheses follows.
        let Some((last, letters)) = (t.last..tokens.len().min(t.last + WIDEN))
            .take_while(|&i| i == t.last || inside(i))
            .filter(|&i| tokens[i].name_like)
            .find_map(|i| {
                let (acronym, _) = super::acronym::after(doc, tokens[i].end)?;
                let letters = acronym.split(' ').next().unwrap_or("").to_string();
                (letters.len() >= 3).then_some((i, letters))
            })
        else {
            continue;
        };
        let end = tokens[last].end;
        let opens = |i: usize| {
            tokens[i].name_like
                && doc.text(i).chars().next() == letters.chars().next()
                && super::acronym::abbreviates(&letters, &doc.body[tokens[i].start..end])
        };
        // The leftmost word the acronym's first letter opens, inside the tagged name
        // ("Zorbian Board of Trade (BT)" is "Board of Trade") or before it.
        let mut first = None;
        let mut i = t.last;
        while i + WIDEN > t.first && (i >= t.first || inside(i)) {
            if opens(i) {
                first = Some(i);
            }
            if i == 0 {
                break;
            }
            i -= 1;
        }
        let Some(first) = first else {
            continue;
        };
        if (first, last) == (t.first, t.last) {
            continue;
        }
        let list = widened.get_or_insert_with(|| tagged.to_vec());
        list[n] = Tagged { first, last, ..*t };
    }
    let mut list = widened?;
    // Names inside a widened one are part of it.
    let spans: Vec<(usize, usize)> = list
        .iter()
        .zip(tagged)
        .filter(|(w, t)| (w.first, w.last) != (t.first, t.last))
        .map(|(w, _)| (w.first, w.last))
        .collect();
    let mut seen: Vec<(usize, usize)> = Vec::new();
    list.retain(|t| {
        let span = (t.first, t.last);
        let inner = spans
            .iter()
            .any(|&(f, l)| f <= t.first && t.last <= l && (f, l) != span);
        let again = seen.contains(&span);
        seen.push(span);
        !inner && !again
    });
    Some(list)
}

/// The acronym token right before an organisation's name in parentheses that it
/// spells out: "QBZT" in "QBZT (Quux Board of Zorb Trade)".
fn acronym_spelt_out(doc: &Doc, t: &Tagged) -> Option<usize> {
    let tokens = &doc.tokens;
    if t.coarse != Coarse::Organisation || t.first == t.last || t.first < 2 {
        return None;
    }
    let a = t.first - 2;
    let text = doc.text(a);
    let opens = tokens[t.first - 1].is_punct('(');
    let closes = tokens.get(t.last + 1).is_some_and(|c| c.is_punct(')'));
    let acronym = tokens[a].is_word()
        && (3..=6).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_uppercase());
    (opens
        && closes
        && acronym
        && super::acronym::abbreviates(text, &doc.body[range(doc, t).0..range(doc, t).1]))
    .then_some(a)
}

/// The text at `r` is followed by an acronym in parentheses whose letters are its
/// initials ("Quux Board of Zorb Trade (QBZT)").
fn defines_acronym(doc: &Doc, r: (usize, usize)) -> bool {
    super::acronym::after(doc, r.1).is_some_and(|(acronym, _)| {
        let letters = acronym.split(' ').next().unwrap_or("");
        letters.len() >= 3 && super::acronym::abbreviates(letters, &doc.body[r.0..r.1])
    })
}

/// `word` (one capitalised word) is an ordinary word in this article: written in
/// lower case somewhere, and capitalised only where a sentence opens.
fn ordinary_word_here(doc: &Doc, word: &str) -> bool {
    let mut chars = word.chars();
    if !chars.next().is_some_and(char::is_uppercase)
        || !chars.all(char::is_lowercase)
        || word.contains(' ')
    {
        return false;
    }
    let body = doc.body;
    let mut lower = false;
    for t in &doc.tokens {
        if t.end - t.start != word.len() || !t.is_word() {
            continue;
        }
        let text = t.text(body);
        if text == word {
            if !t.sentence_start {
                return false;
            }
        } else if text.eq_ignore_ascii_case(word) && text.starts_with(char::is_lowercase) {
            lower = true;
        }
    }
    lower
}

/// A name of one word that the tagger alone found and that is more likely something
/// else: a contraction ("I've"), an English word opening a sentence ("Let", "Los"),
/// unless the tagger is sure of it or the article capitalises it inside a sentence
/// too ("Trump"), or a lone first name that is nobody's short form
/// here ("John" in a list of references).
fn doubtful_word(doc: &Doc, t: &Tagged, kept: &[Candidate]) -> bool {
    if t.first != t.last {
        return false;
    }
    let token = &doc.tokens[t.first];
    let text = token.text(doc.body);
    let contraction = [
        "'ve",
        "'ll",
        "'re",
        "'d",
        "'m",
        "n't",
        "\u{2019}ve",
        "\u{2019}ll",
        "\u{2019}re",
        "\u{2019}d",
        "\u{2019}m",
        "n\u{2019}t",
    ]
    .iter()
    .any(|c| text.ends_with(c));
    let opening_word = token.sentence_start
        && !dateline_head(doc, t)
        && doc.gazetteer.is_common(text)
        && t.confidence < SURE
        && !doc
            .tokens
            .iter()
            .any(|o| !o.sentence_start && o.is_word() && o.text(doc.body) == text);
    // "Samantha" alone is doubtful; "Clinton", "Johnson" are surnames too.
    let lone_first_name = t.coarse == Coarse::Person
        && doc.gazetteer.given.contains(text)
        && !doc.gazetteer.surnames.contains(text)
        && !kept.iter().any(|c| {
            c.kind == Kind::Person && c.name.split(' ').next() == Some(text) && c.name.contains(' ')
        });
    // "IMPLEMENT", "BREAKING": an English word in capitals is a label or a shout.
    let shouted_word = text.len() >= 4
        && shape::all_caps(text)
        && doc.gazetteer.is_common(text)
        && !dateline_head(doc, t);
    // "the Belt and Road initiative": two capitalised English words joined by "and"
    // are the words of one phrase, neither a name alone.
    let common_capitalised = |i: usize| {
        doc.tokens.get(i).is_some_and(|o| {
            o.is_word() && o.name_like && doc.gazetteer.is_common(o.text(doc.body))
        })
    };
    let and_at = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|o| o.is_word() && o.text(doc.body) == "and")
    };
    let paired_word = doc.gazetteer.is_common(text)
        && ((and_at(t.first + 1) && common_capitalised(t.first + 2))
            || (t.first >= 2 && and_at(t.first - 1) && common_capitalised(t.first - 2)));
    contraction || opening_word || lone_first_name || shouted_word || paired_word
}

/// A place opening a line as a wire dateline does: "WELLINGTON, Nov 20 (Reuters) -",
/// "Wellington (AP) -", "LONDON 1996-08-30", "Wellington, Nov 20 -". The place is
/// where the story was filed, a town.
fn dateline_head(doc: &Doc, t: &Tagged) -> bool {
    t.coarse == Coarse::Location && dateline_place(doc, t)
}

/// Whether `t` opens a line as a wire dateline's place does ("LONDON 1996-08-30",
/// "Wellington, Nov 20", "ZORBTON Oct. 23(...)"), whatever the tagger read it as.
fn dateline_place(doc: &Doc, t: &Tagged) -> bool {
    if !(t.first == 0 || doc.tokens[t.first].newline_before) {
        return false;
    }
    let mut next = doc.tokens[t.last + 1..]
        .iter()
        .take_while(|n| !n.newline_before);
    let Some(first) = next.next() else {
        return false;
    };
    let text = |n: &Token| n.text(doc.body);
    if first.is_punct('(') {
        return true;
    }
    if first.is_punct(',') {
        // "Wellington, Nov 20", possibly after a region ("Milwaukee, Wisconsin, May 3").
        return next
            .filter(|n| n.is_word())
            .take(3)
            .any(|n| among!(MONTHS, text(n)) || among!(WEEKDAYS, text(n)));
    }
    // "ZORBTON Oct. 23": a month and its day right after the place.
    if among!(MONTHS, text(first).trim_end_matches('.')) {
        return doc.tokens[t.last + 2..]
            .iter()
            .take_while(|n| !n.newline_before)
            .take(2)
            .any(|n| n.kind == TokenKind::Number);
    }
    // "LONDON 1996-08-30"
    first.kind == TokenKind::Number
        && text(first).len() >= 4
        && text(first).bytes().take(4).all(|b| b.is_ascii_digit())
}

/// "NEW YORK" as "New York": the name of a dateline written in capitals.
pub(super) fn title_cased(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "U.S. dollars", "HK$": a place that only names a currency.
fn currency(doc: &Doc, t: &Tagged) -> bool {
    let end = doc.tokens[t.last].end;
    let rest = doc.body[end..].trim_start_matches('.').trim_start();
    t.coarse == Coarse::Location && (doc.body[end..].starts_with('$') || rest.starts_with("dollar"))
}

/// A word before a day of the week names that day ("Black Friday", "Super
/// Tuesday"), not a place or a person.
fn named_day(doc: &Doc, t: &Tagged) -> bool {
    t.coarse != Coarse::Other
        && doc
            .tokens
            .get(t.last + 1)
            .is_some_and(|n| n.is_word() && !n.newline_before && among!(WEEKDAYS, n.text(doc.body)))
}

/// The last words of the people the article names in full (a person rule's name
/// or a tagged person of two or more words).
fn surnames_in<'a>(
    doc: &'a Doc,
    rules: &[Candidate],
    tagged: &[Tagged],
    ranges: &[(usize, usize)],
) -> Vec<&'a str> {
    let full = rules
        .iter()
        .filter(|c| c.kind == Kind::Person)
        .map(|c| (c.start, c.end))
        .chain(
            tagged
                .iter()
                .zip(ranges)
                .filter(|(t, _)| {
                    t.coarse == Coarse::Person && t.first < t.last && t.confidence >= LEAST
                })
                .map(|(_, r)| *r),
        );
    let mut out: Vec<&str> = full
        .filter_map(|(start, end)| {
            let text = &doc.body[start..end];
            text.rsplit_once(' ').map(|(_, last)| last)
        })
        .filter(|last| last.chars().next().is_some_and(char::is_uppercase) && last.len() >= 3)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Towns among `kept` that some mention writes alone after a title ("President
/// Zorbama said", "Mr. Zorbton's plan"): a person's surname, so no town of the
/// article, whatever else reads it so.
fn titled_surnames<'a>(doc: &'a Doc, kept: &[Candidate]) -> Vec<&'a str> {
    let t = &doc.tokens;
    let mut out: Vec<&str> = Vec::new();
    for c in kept.iter().filter(|c| c.kind == Kind::City) {
        let Ok(i) = t.binary_search_by_key(&c.start, |t| t.start) else {
            continue;
        };
        if i == 0 || t[i].end != c.end || t[i].newline_before {
            continue;
        }
        let p = if t[i - 1].is_punct('.') && i >= 2 {
            i - 2
        } else {
            i - 1
        };
        let title = t[p].is_word()
            && !matches!(doc.text(p), "Vice" | "Prime" | "Chair")
            && TITLE_SET.contains(doc.text(p));
        let alone = !t
            .get(i + 1)
            .is_some_and(|n| n.is_word() && n.name_like && !n.newline_before);
        if title && alone {
            out.push(&doc.body[c.start..c.end]);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// "Obama administration", "Biden administrations": the name before `end` names
/// a president's government.
fn names_an_administration(doc: &Doc, end: usize) -> bool {
    doc.body[end..].starts_with(" administration")
}

/// Byte range of a tagged name.
fn range(doc: &Doc, t: &Tagged) -> (usize, usize) {
    (doc.tokens[t.first].start, doc.tokens[t.last].end)
}

/// Whether every reading of the tagger over `span` is one `fits` allows (true
/// when there is none).
fn readings_over(
    tagged: &[Tagged],
    ranges: &[(usize, usize)],
    span: (usize, usize),
    fits: impl Fn(&Tagged, (usize, usize)) -> bool,
) -> bool {
    tagged
        .iter()
        .zip(ranges)
        .all(|(t, &r)| overlap(span, r) == 0 || fits(t, r))
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// The rule candidates the tagger allows, then a candidate for every tagged name no
/// kept candidate of its type covers.
pub fn reconcile(doc: &Doc, rules: Vec<Candidate>, tagged: &[Tagged]) -> Vec<Candidate> {
    let widened = widen_to_definitions(doc, tagged);
    let tagged = widened.as_deref().unwrap_or(tagged);
    let ranges: Vec<(usize, usize)> = tagged.iter().map(|t| range(doc, t)).collect();
    let surnames = surnames_in(doc, &rules, tagged, &ranges);
    let mut kept: Vec<Candidate> = Vec::with_capacity(rules.len() + tagged.len());
    for c in rules {
        let span = (c.start, c.end);
        // "the Obama administration": a president's government, not a town.
        if c.rank == Rank::Listed && c.kind == Kind::City && names_an_administration(doc, c.end) {
            continue;
        }
        // "Hamilton" after "Margaret Hamilton": the person again, not the town,
        // unless the tagger reads this mention as a place.
        if c.rank == Rank::Listed
            && c.kind == Kind::City
            && surnames.contains(&&doc.body[c.start..c.end])
            && !tagged
                .iter()
                .zip(&ranges)
                .any(|(t, r)| overlap(span, *r) > 0 && t.coarse == Coarse::Location)
        {
            continue;
        }
        let mut overlapping = tagged
            .iter()
            .zip(&ranges)
            .filter(|(_, r)| overlap(span, **r) > 0)
            .peekable();
        // A company named by an English word ("Heritage", "Culture") that the
        // tagger does not read as a name needs the article to speak of
        // companies: the tagger reading it as an organisation somewhere, or
        // company words around its mentions.
        // So does a listed company named by a word the article itself writes in
        // lower case and capitalises only to open sentences ("Graphite, a form of
        // carbon, ..." in an article on graphite).
        let lone_brand = c.kind == Kind::Firm
            && c.rank == Rank::Listed
            && match doc.gazetteer.lookup(&doc.body[c.start..c.end]) {
                Some((_, Entry::Firm(Brand::Common))) => true,
                Some((_, Entry::Firm(_))) => ordinary_word_here(doc, &doc.body[c.start..c.end]),
                _ => false,
            }
            && !tagged.iter().zip(&ranges).any(|(t, r)| {
                t.coarse == Coarse::Organisation
                    && t.confidence >= LEAST
                    && doc.body[r.0..r.1] == doc.body[c.start..c.end]
            })
            && firm_cues_everywhere(doc, &doc.body[c.start..c.end]) <= 0;
        let keep = !lone_brand
            && if overlapping.peek().is_none() {
                // "Obama" read as a person elsewhere in the article is no town here.
                let read_elsewhere = tagged.iter().zip(&ranges).any(|(t, r)| {
                    t.confidence >= LEAST
                        && !compatible(t.coarse, c.kind)
                        && doc.body[r.0..r.1] == doc.body[c.start..c.end]
                });
                stands_alone(&c) && !read_elsewhere
            } else {
                // Vetoed only when every name the tagger saw there is of another type.
                // A nationality or other name the tagger reads inside a longer name that a
                // head word makes ("Chinese" in "Chinese Consulate General") is no veto.
                let structural = c.rank == Rank::Head;
                // "ST. LOUIS" read as "ST" and "LOUIS": the tagger split a place the
                // gazetteer lists whole.
                let split_place = c.rank == Rank::ListedLong
                    && matches!(c.kind, Kind::City | Kind::Region | Kind::Country);
                // A lower-case head ("Zorbu high-tech zone") is structure the tagger,
                // which reads capitalised words, cannot see: whatever it calls the name
                // before it, the rule's reading stands.
                let lower_head = doc.body[c.start..c.end]
                    .rsplit(' ')
                    .next()
                    .and_then(|w| w.chars().next())
                    .is_some_and(char::is_lowercase);
                // "Ningxia Hui Autonomous Region" read whole as a body: the head word
                // makes it the region.
                let administrative = structural
                    && c.kind == Kind::Region
                    && (administrative_region(&doc.body[c.start..c.end])
                        || doc.body[c.start..c.end].ends_with(" Province"));
                // "Duan Fada, Chairman of ...": a name the person rules read, followed by
                // an office, is the person whatever the tagger calls it.
                let office_holder = c.rank == Rank::Person && office_follows(doc, c.end);
                // "Director of the Zorbu Bureau Tao Bolin" (a translation that puts
                // the name after the office): a Chinese name the person rules read,
                // which closes a body's name the tagger only guesses at, is the
                // person; no body's name ends with one. So is one whose given name
                // alone the tagger weakly reads as a place ("Deputy Mayor He
                // Bangjun").
                let closes_weak_body = c.kind == Kind::Person
                    && matches!(c.rank, Rank::Person | Rank::Context)
                    && chinese_full_name(doc, &doc.body[c.start..c.end])
                    && readings_over(tagged, &ranges, span, |t, r| {
                        (r.0 < c.start
                            && r.1 == c.end
                            && t.coarse == Coarse::Organisation
                            && t.confidence < WEAK_BODY)
                            || (c.start < r.0
                                && r.1 == c.end
                                && t.coarse == Coarse::Location
                                && t.confidence < WEAK_PLACE)
                    });
                // "Mr. Zorbu Qing-ping": a hyphenated given name the person rules
                // read is no product or other name, whatever part the tagger reads so.
                let hyphenated_person =
                    c.rank == Rank::Person && doc.body[c.start..c.end].contains('-');
                // "New York-based": whatever the tagger reads in the adjective, a
                // listed place before "-based" names the place.
                let based = stands_alone(&c)
                    && matches!(c.kind, Kind::City | Kind::Region | Kind::Country)
                    && doc.body[c.end..].starts_with("-based");
                let governed = governed_place(doc, &c);
                let firms_listed = firm_in_list_of_firms(doc, &c);
                // "Detroit, MI": the state the rule read after a town, whatever the
                // tagger makes of two capitals.
                let state = c.rank == Rank::Head
                    && c.kind == Kind::Region
                    && super::names::is_state_abbreviation(&doc.body[c.start..c.end]);
                // "Zorbzon has over 2,000 reviews": a company a list knows by a
                // distinctive name, which the tagger reads as a place only weakly
                // (no list knows a place of the name, or it would have won the
                // lookup): the company. Not a pinyin name, which may be a Chinese
                // town too small for the lists ("Zorbtan signed 20 projects").
                let weak_place_for_brand = c.rank == Rank::Listed
                    && c.kind == Kind::Firm
                    && matches!(
                        doc.gazetteer.lookup(&doc.body[c.start..c.end]),
                        Some((_, Entry::Firm(Brand::Distinct)))
                    )
                    && !doc.gazetteer.is_pinyin(&doc.body[c.start..c.end], 4)
                    && readings_over(tagged, &ranges, span, |t, r| {
                        r == span && t.coarse == Coarse::Location && t.confidence < WEAK_PLACE
                    });
                // "Zorbtan held its first signing ceremony": a Chinese town the
                // gazetteer lists, which the tagger reads alone as a body (the
                // town's government acting), is the town. (Most towns a team is
                // named for, "Milan", are not Chinese; a team's row of a table,
                // "Anyang 0 3 1", goes on with figures.)
                let chinese_town = c.rank == Rank::Listed
                    && matches!(c.kind, Kind::City | Kind::Region)
                    && !doc.body[c.end..]
                        .trim_start_matches(' ')
                        .starts_with(|ch: char| ch.is_ascii_digit())
                    && matches!(
                        doc.gazetteer.lookup(&doc.body[c.start..c.end]),
                        Some((_, Entry::Place { chinese: true, .. }))
                    )
                    && readings_over(tagged, &ranges, span, |t, r| {
                        r == span && t.coarse == Coarse::Organisation
                    });
                office_holder
                    || closes_weak_body
                    || state
                    || weak_place_for_brand
                    || chinese_town
                    || based
                    || governed
                    || firms_listed
                    || overlapping.any(|(t, r)| {
                        let inside = r.0 <= c.start && c.end <= r.1 && *r != span;
                        let within = c.start <= r.0 && r.1 <= c.end && *r != span;
                        let event = t.coarse == Coarse::Other && fine_kind(doc, t).is_some();
                        compatible(t.coarse, c.kind)
                            || (hyphenated_person && t.coarse == Coarse::Other)
                            || (administrative && *r == span && t.coarse == Coarse::Organisation)
                            // "P. R. China" read as a person: the country stands.
                            || (inside
                                && t.coarse == Coarse::Person
                                && initialled_country(doc, t).is_some())
                            || (inside && may_sit_inside(&c, t.coarse, event))
                            || (within && structural && (t.coarse == Coarse::Other || lower_head))
                            || (within && split_place)
                    })
            };
        if keep {
            kept.push(c);
        }
    }
    let rule_count = kept.len();
    let add_at = addition_threshold(doc, tagged, &ranges, &kept[..rule_count]);
    // Per text, how sure the tagger is of each type over all its readings.
    let mut readings: FxHashMap<&str, [f32; 4]> = FxHashMap::default();
    for (t, r) in tagged.iter().zip(&ranges) {
        readings.entry(&doc.body[r.0..r.1]).or_default()[t.coarse as usize] += t.confidence;
    }
    let mut confidence: Vec<f32> = Vec::new();
    for (t, &r) in tagged.iter().zip(&ranges) {
        if covered(doc, t, r, &kept[..rule_count]) {
            continue;
        }
        // Where rules found parts of a company's name ("Zorbu" and "Technology Co"
        // in "Zorbu 360 Technology Co"), the tagger's reading of its extent is
        // believed. (Places keep the rules' extent: "Zorb Zhuang autonomous region".)
        let extends = t.coarse == Coarse::Organisation
            && inner_parts(t, r, &kept[..rule_count]).next().is_some();
        // "Trevor Holland", "Nagoum Yamassoum": a person named in full from a listed
        // first name, or in words none of which is an English word, is no capitalised
        // phrase, whatever share of the article the rules explain.
        let full_name = t.coarse == Coarse::Person
            && t.first < t.last
            && (doc.gazetteer.given.contains(doc.text(t.first))
                || (t.first..=t.last).all(|i| {
                    let token = &doc.tokens[i];
                    !token.is_word() || (token.name_like && !doc.gazetteer.is_common(doc.text(i)))
                }));
        // "Organisation for Security and Cooperation in Europe (OSCE)": a name the
        // article defines an acronym for is a name however unsure the tagger is of it.
        let defined = (t.first < t.last && defines_acronym(doc, r))
            || (t.first == t.last
                && t.coarse == Coarse::Organisation
                && tagged
                    .iter()
                    .any(|o| acronym_spelt_out(doc, o) == Some(t.first)));
        let least = if defined {
            0.0
        } else if extends || full_name {
            LEAST
        } else {
            add_at
        };
        if t.confidence < least
            || named_day(doc, t)
            || (t.coarse == Coarse::Location && names_an_administration(doc, r.1))
            || doubtful_word(doc, t, &kept)
            || currency(doc, t)
        {
            continue;
        }
        let text = &doc.body[r.0..r.1];
        // "Internet" read as a body once and as another name (a product, a
        // nationality) more surely elsewhere: the article's reading wins.
        if readings
            .get(text)
            .is_some_and(|sums| sums[Coarse::Other as usize] > sums[t.coarse as usize])
        {
            continue;
        }
        let Some((mut kind, mut name)) = fine_kind(doc, t) else {
            continue;
        };
        // "Ltd" alone names nothing.
        if t.first == t.last
            && doc
                .gazetteer
                .legal_forms
                .contains_ci(text.trim_end_matches('.'))
        {
            continue;
        }
        // "Parnevik , who ..." read as a body after "Jesper Parnevik": the person.
        if t.first == t.last && kind != Kind::Person && surnames.contains(&text) {
            kind = Kind::Person;
        }
        if shape::all_caps(text) && dateline_head(doc, t) {
            name = title_cased(&name);
        }
        if !text.chars().any(char::is_alphabetic)
            || (kind == Kind::Person && !shape::name_like(text))
        {
            continue;
        }
        kept.push(Candidate {
            start: r.0,
            end: r.1,
            kind,
            name,
            rank: Rank::Context,
            population: 0,
            nestable: false,
        });
        confidence.push(t.confidence);
    }
    let listed_with: Vec<(usize, Kind)> = tagged
        .iter()
        .zip(&ranges)
        .filter(|(t, _)| {
            matches!(t.coarse, Coarse::Location | Coarse::Other) && t.confidence >= LEAST
        })
        .filter(|&(_, &r)| !kept.iter().any(|c| c.start < r.1 && r.0 < c.end))
        .filter_map(|(t, _)| Some((t.first, coordinated_place(doc, t, &kept)?)))
        .collect();
    for (first, kind) in listed_with {
        let Some(t) = tagged.iter().find(|t| t.first == first) else {
            continue;
        };
        let (start, end) = range(doc, t);
        kept.push(Candidate {
            start,
            end,
            kind,
            name: super::single_spaced(&doc.body[start..end]),
            rank: Rank::Context,
            population: 0,
            nestable: false,
        });
        confidence.push(t.confidence);
    }
    one_kind_per_name(&mut kept[rule_count..], &confidence);
    places_stay_places(doc, &mut kept, rule_count);
    lone_words_stay_places(doc, &mut kept, rule_count);
    places_keep_the_rules_kind(&mut kept, rule_count);
    place_led_people(doc, &mut kept);
    people_names_fixed(doc, &mut kept);
    listed_bodies(&mut kept);
    let titled = titled_surnames(doc, &kept);
    kept.retain(|c| {
        let text = &doc.body[c.start..c.end];
        let place = matches!(
            c.kind,
            Kind::City | Kind::Region | Kind::Country | Kind::Zone
        );
        // "the Dai ethnic group": a people, not a firm, person or place.
        let people = doc.body[c.end..].starts_with(" ethnic ");
        let junk = (c.kind.is_named() && not_a_name(text))
            || (place && office_title(text))
            || people
            || determined_head(text, c.kind)
            || indefinite_head(&doc.body[..c.start], text)
            || (c.kind == Kind::Firm && names_a_ranking(&doc.body[c.end..]))
            || (c.kind == Kind::Firm && names_a_landform(&doc.body[c.end..]))
            || (matches!(c.kind, Kind::Firm | Kind::Org)
                && c.rank == Rank::Context
                && place_of_place(doc, text))
            || (matches!(c.kind, Kind::Firm | Kind::Org) && names_a_programme(text))
            || (matches!(c.kind, Kind::Firm | Kind::Org) && names_a_class_of_firms(doc, text))
            || generic_body(&doc.body[c.start..], c.end - c.start)
            || lone_head(doc, text, c.kind)
            || (matches!(c.kind, Kind::Firm | Kind::Org)
                && names_a_period(text, &doc.body[c.end..]))
            || numbered_part(text)
            || (c.kind == Kind::City && titled.contains(&text))
            || (!place && c.kind.is_named() && in_quoted_theme(doc.body, c.start, c.end))
            || (c.kind.is_named()
                && among!(CELESTIAL_BODIES, text)
                && !(c.kind == Kind::Firm && firm_cues_everywhere(doc, text) > 0));
        !junk
    });
    extend_enumerations(doc, &mut kept);
    extend_event_lists(doc, &mut kept);
    extend_event_themes(doc, &mut kept);
    extend_event_years(doc, &mut kept);
    extend_field_pairs(doc, &mut kept);
    join_shared_heads(doc, &mut kept);
    split_joined_bodies(doc, &mut kept);
    city_of_town(doc, &mut kept);
    place_compounds(doc, &mut kept);
    town_before_district(doc, &mut kept);
    kept
}

/// "Zorbton Quxling District", "Zorbton Quxling": a listed town written before the
/// name of a district or county in it is the town, and the rest is the district's
/// name (Chinese addresses run from the larger unit to the smaller). A head word
/// alone after the town ("Zorbton City") or a common word ("Zorbton State") is
/// part of one name, as is any name a list knows whole, and an autonomous unit's
/// ("Zorbton Yi Autonomous Prefecture").
fn town_before_district(doc: &Doc, kept: &mut Vec<Candidate>) {
    let mut towns = Vec::new();
    for c in kept.iter_mut() {
        if !matches!(c.kind, Kind::City | Kind::Region)
            || !matches!(c.rank, Rank::Context | Rank::Head)
        {
            continue;
        }
        let (Some(first), Some(last)) = (doc.token_starting(c.start), doc.token_ending(c.end))
        else {
            continue;
        };
        let Some(hit) = doc.hit_covering(first) else {
            continue;
        };
        let Entry::Place {
            kind: Kind::City,
            canonical,
            population,
            ..
        } = hit.entry
        else {
            continue;
        };
        let next = hit.last + 1;
        if hit.first != first
            || next > last
            || !doc.tokens[next].is_word()
            || doc.tokens[next].newline_before
        {
            continue;
        }
        let word = doc.text(next);
        // "Zorbton Yi Autonomous Prefecture": an autonomous unit is named by its
        // seat and its people, one name.
        let lower = c.name.to_ascii_lowercase();
        let autonomous = [
            "autonomous prefecture",
            "autonomous county",
            "autonomous region",
            "autonomous banner",
        ]
        .iter()
        .any(|unit| lower.ends_with(unit));
        if !shape::capitalised(word)
            || autonomous
            || doc.gazetteer.is_common(word)
            || doc.gazetteer.lookup(&doc.body[c.start..c.end]).is_some()
        {
            continue;
        }
        towns.push(Candidate {
            start: c.start,
            end: doc.tokens[hit.last].end,
            kind: Kind::City,
            name: canonical.to_string(),
            rank: Rank::Listed,
            population,
            nestable: true,
        });
        c.start = doc.tokens[next].start;
        c.name = super::single_spaced(&doc.body[c.start..c.end]);
    }
    kept.extend(towns);
}

/// "the Zorb Early Warning and Monitoring Project", "the Quxa Luxury Hotel and
/// Wellness Complex": capitalised words without a head of their own, "and", then
/// a project, zone, company or body's name in English words are one name sharing
/// its head. Words a list or a person's name accounts for ("Zorbton and Quxa
/// Industrial Park"), and names closed by a head ("Zorb Group and Quxa Bank"),
/// stay apart.
fn join_shared_heads(doc: &Doc, kept: &mut Vec<Candidate>) {
    let tokens = &doc.tokens;
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for (n, b) in kept.iter().enumerate() {
        if !matches!(b.kind, Kind::Zone | Kind::Firm | Kind::Org)
            || !matches!(b.rank, Rank::Context | Rank::Head)
            || !doc.body[..b.start].ends_with(" and ")
        {
            continue;
        }
        let Some(first) = doc.token_starting(b.start) else {
            continue;
        };
        let Some(and) = first.checked_sub(1) else {
            continue;
        };
        // The capitalised words right before "and", on the same line.
        let mut start = and;
        while start > 0 {
            let t = &tokens[start - 1];
            let word = t.is_word() && t.name_like;
            let hyphen = t.is_punct('-') && !t.space_before;
            // "Deep-sea": a lower-case part after a hyphen.
            let hyphen_part =
                t.is_word() && !t.space_before && start >= 2 && tokens[start - 2].is_punct('-');
            if !(word || hyphen || hyphen_part) || tokens[start].newline_before {
                break;
            }
            start -= 1;
        }
        if start == and || !tokens[start].is_word() {
            continue;
        }
        let left = &doc.body[tokens[start].start..tokens[and - 1].end];
        let last = left.rsplit(' ').next().unwrap_or(left);
        let headed = super::words::heads_ending(last)
            .iter()
            .any(|&h| super::words::HEADS[h].0.len() == 1);
        let accounted = kept.iter().any(|c| {
            c.start < tokens[and - 1].end
                && c.end > tokens[start].start
                && (matches!(c.rank, Rank::Listed | Rank::ListedLong | Rank::Person)
                    || matches!(
                        c.kind,
                        Kind::Person | Kind::City | Kind::Region | Kind::Country
                    ))
        });
        // Both sides are descriptions in English words, as a project's name is,
        // not names of their own ("Zorbshire and Quxley", "Zorb Cement and Quxa
        // Holdings").
        let common = |w: &str| doc.gazetteer.is_common(w.trim_matches('-'));
        let right = &doc.body[b.start..b.end];
        let described = right.contains(' ')
            && right.split([' ', '-']).all(|w| w.is_empty() || common(w))
            && last.rsplit('-').next().is_some_and(common);
        if headed || accounted || !described || tokens[start].sentence_start {
            continue;
        }
        joins.push((n, tokens[start].start));
    }
    let joins: Vec<(usize, usize, usize)> = joins
        .into_iter()
        .map(|(n, start)| (start, kept[n].start, kept[n].end))
        .collect();
    for (start, b_start, end) in joins {
        // The left words' own candidates give way to the joined name.
        kept.retain(|c| !(c.start >= start && c.end <= b_start));
        for c in kept
            .iter_mut()
            .filter(|c| c.start == b_start && c.end == end)
        {
            c.start = start;
            c.name = super::single_spaced(&doc.body[start..end]);
        }
    }
}

/// "the Zorbton-Quxton-Zedia region": three or more listed places joined by
/// hyphens describe one area, a region, and the places in it are not named there
/// one by one (a longer name around it, "... Bay Area", is untouched and stays
/// the name).
fn place_compounds(doc: &Doc, kept: &mut Vec<Candidate>) {
    let mut compounds = Vec::new();
    let tokens = &doc.tokens;
    let place_at = |i: usize| {
        doc.hit_covering(i).filter(|h| {
            h.first == i
                && matches!(
                    h.entry,
                    Entry::Place {
                        kind: Kind::City | Kind::Region,
                        ..
                    }
                )
        })
    };
    let mut i = 0;
    while i < tokens.len() {
        let Some(first) = place_at(i) else {
            i += 1;
            continue;
        };
        let (mut last, mut parts) = (first.last, 1);
        while let (Some(dash), Some(next)) = (tokens.get(last + 1), tokens.get(last + 2)) {
            let joined = dash.is_punct('-') && !dash.space_before && !next.space_before;
            match place_at(last + 2).filter(|_| joined) {
                Some(hit) => {
                    last = hit.last;
                    parts += 1;
                }
                None => break,
            }
        }
        let ends_word = tokens
            .get(last + 1)
            .is_none_or(|t| !t.is_punct('-') || t.space_before);
        if parts >= 3 && ends_word {
            compounds.push((tokens[i].start, tokens[last].end));
        }
        i = last + 1;
    }
    kept.retain(|c| {
        !compounds
            .iter()
            .any(|&(start, end)| start <= c.start && c.end <= end && c.end - c.start < end - start)
    });
    for (start, mut end) in compounds {
        // "the Zorbton-Quxton-Zedia region" is named with its lower-case head; a
        // capitalised word after it opens a longer name the rules did not find.
        let after = &doc.body[end..];
        if after.starts_with(" region") && !after[7..].starts_with(char::is_alphanumeric) {
            end += " region".len();
        } else if after
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        {
            continue;
        }
        if !kept.iter().any(|c| c.start < end && start < c.end) {
            kept.push(Candidate {
                start,
                end,
                kind: Kind::Region,
                name: super::single_spaced(&doc.body[start..end]),
                rank: Rank::Head,
                population: 0,
                nestable: false,
            });
        }
    }
}

/// "Zorbu Tongwa Industry and Trade": a name that ends on the first word of a field
/// of two words ("Industry and Trade", "Science and Technology") goes on over it.
fn extend_field_pairs(doc: &Doc, kept: &mut [Candidate]) {
    for c in kept
        .iter_mut()
        .filter(|c| matches!(c.kind, Kind::Firm | Kind::Org | Kind::Event))
    {
        let Some(last) = doc.body[c.start..c.end].rsplit(' ').next() else {
            continue;
        };
        let Some(rest) = doc.body[c.end..].strip_prefix(" and ") else {
            continue;
        };
        let next = rest
            .split(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("");
        if super::chunk::FIELD_PAIRS.contains(&(last, next)) {
            c.end += " and ".len() + next.len();
            c.name = super::single_spaced(&doc.body[c.start..c.end]);
        }
    }
}

/// "the 2004 Zorbton International Trade Symposium", "the 18th Zorbton Trade Fair",
/// "the Third Zorbton Expo": the year or the edition (in figures or a capitalised
/// ordinal word) right before an event's name is part of it.
fn extend_event_years(doc: &Doc, kept: &mut [Candidate]) {
    for c in kept.iter_mut().filter(|c| c.kind == Kind::Event) {
        let first = doc.tokens.partition_point(|t| t.start < c.start);
        let Some(year) = first.checked_sub(1).map(|i| &doc.tokens[i]) else {
            continue;
        };
        let text = year.text(doc.body);
        let is_year = year.kind == TokenKind::Number
            && text.len() == 4
            && (text.starts_with("19") || text.starts_with("20"))
            && text.bytes().all(|b| b.is_ascii_digit());
        // "the 18th Zorbton Trade Fair": an edition in figures is part of it too.
        let digits = text.trim_start_matches(|c: char| c.is_ascii_digit());
        let edition = digits.len() < text.len()
            && matches!(
                digits.to_ascii_lowercase().as_str(),
                "st" | "nd" | "rd" | "th"
            );
        // "the Third Zorbton Expo": and so is an edition in words.
        let edition = edition || (year.is_word() && super::tagger::ordinal(text));
        if (is_year || edition) && !doc.tokens[first].newline_before && year.end < c.start {
            c.start = year.start;
            c.name = super::single_spaced(&doc.body[c.start..c.end]);
        }
    }
}

/// "Zorbton “Artificial Intelligence + Manufacturing” Industry Cooperation
/// Conference": an event whose name the rules found after a quoted theme in title
/// case takes the theme, and the place or name right before it, into its name.
fn extend_event_themes(doc: &Doc, kept: &mut Vec<Candidate>) {
    let tokens = &doc.tokens;
    let closing = |t: &Token| t.is_punct('\u{201d}') || t.is_punct('"');
    let opening = |t: &Token| t.is_punct('\u{201c}') || t.is_punct('"');
    let mut extended: Vec<(usize, usize)> = Vec::new();
    for (n, c) in kept.iter().enumerate() {
        if c.kind != Kind::Event {
            continue;
        }
        let first = tokens.partition_point(|t| t.start < c.start);
        if first < 3 || !closing(&tokens[first - 1]) || tokens[first].newline_before {
            continue;
        }
        // The opening quote, at most a dozen tokens back on the same line, with only
        // capitalised words, numbers and joining signs inside.
        let mut open = None;
        for i in (first.saturating_sub(14)..first - 1).rev() {
            let t = &tokens[i];
            if opening(t) {
                open = Some(i);
                break;
            }
            let fits = if t.is_word() {
                shape::capitalised(t.text(doc.body))
                    || matches!(t.text(doc.body), "and" | "of" | "for")
            } else {
                t.kind == TokenKind::Number
                    || t.is_punct('+')
                    || t.is_punct('&')
                    || t.is_punct('-')
                    || t.is_punct('·')
            };
            if !fits || t.newline_before {
                break;
            }
        }
        let Some(open) = open.filter(|&o| o + 1 < first - 1) else {
            continue;
        };
        // The name before the quote: a listed name, else one capitalised word that
        // does not open the sentence.
        let before = open.checked_sub(1).and_then(|i| {
            name_ending_at(doc, i)
                .filter(|&s| doc.hit_covering(i).is_some() || !tokens[s].sentence_start)
        });
        extended.push((n, tokens[before.unwrap_or(open)].start));
    }
    widen(doc, kept, extended);
}

/// Starts each candidate `n` of `widened` at byte `from` instead, renamed to its new
/// text, and drops the candidates the added text held ("Zorbia" in "Third Zorbia, ...
/// Week"). Indices are read before anything is dropped.
fn widen(doc: &Doc, kept: &mut Vec<Candidate>, widened: Vec<(usize, usize)>) {
    let mut added: Vec<(usize, usize)> = Vec::with_capacity(widened.len());
    for (n, from) in widened {
        let to = kept[n].start;
        kept[n].start = from;
        kept[n].name = super::single_spaced(&doc.body[from..kept[n].end]);
        added.push((from, to));
    }
    if !added.is_empty() {
        kept.retain(|k| {
            !added
                .iter()
                .any(|&(from, to)| k.start >= from && k.end <= to)
        });
    }
}

/// The first token of a name that ends at token `end`: a listed name, else one
/// capitalised word.
fn name_ending_at(doc: &Doc, end: usize) -> Option<usize> {
    if let Some(h) = doc.hit_covering(end).filter(|h| h.last == end) {
        return Some(h.first);
    }
    let t = &doc.tokens[end];
    (t.is_word() && t.name_like && shape::capitalised(t.text(doc.body))).then_some(end)
}

/// "Zorbton, Kashgar and Quxgos": a name the tagger read as a place or could not
/// type, listed with a town or region the rules found ("A, B and C", "A or B"), is a
/// place of that kind. Only for capitalised words that no list knows and that are no
/// English word or nationality.
fn coordinated_place(doc: &Doc, t: &Tagged, kept: &[Candidate]) -> Option<Kind> {
    if !matches!(t.coarse, Coarse::Location | Coarse::Other) || t.confidence < LEAST {
        return None;
    }
    let g = doc.gazetteer;
    let plain = (t.first..=t.last).all(|i| {
        let token = &doc.tokens[i];
        let w = doc.text(i);
        token.is_word()
            && shape::capitalised(w)
            && doc.hit_covering(i).is_none()
            && !g.is_common(w)
            && !g.demonyms.contains(w)
    });
    if !plain {
        return None;
    }
    let link = |i: usize| {
        let token = &doc.tokens[i];
        token.is_punct(',') || (token.is_word() && matches!(token.text(doc.body), "and" | "or"))
    };
    let place = |c: &&Candidate| matches!(c.kind, Kind::City | Kind::Region);
    let before = t
        .first
        .checked_sub(2)
        .filter(|&i| link(i + 1))
        .and_then(|i| {
            kept.iter()
                .filter(place)
                .find(|c| c.end == doc.tokens[i].end)
        });
    let after = doc
        .tokens
        .get(t.last + 2)
        .filter(|_| link(t.last + 1))
        .and_then(|n| kept.iter().filter(place).find(|c| c.start == n.start));
    before.or(after).map(|c| c.kind)
}

/// "Third Zorbia, Quxland and Hong Kong Economic Cooperation Week": an event whose
/// name the rules found from its last place on, after a list "A, B and" of names
/// (at least one comma), names the whole list, and the ordinal before it.
fn extend_event_lists(doc: &Doc, kept: &mut Vec<Candidate>) {
    let tokens = &doc.tokens;
    let unit = |end: usize| name_ending_at(doc, end);
    let mut extended: Vec<(usize, usize)> = Vec::new();
    for (n, c) in kept.iter().enumerate() {
        if c.kind != Kind::Event {
            continue;
        }
        let first = tokens.partition_point(|t| t.start < c.start);
        let and = first.checked_sub(1).map(|i| &tokens[i]);
        if !and.is_some_and(|t| t.is_punct('&') || (t.is_word() && t.text(doc.body) == "and")) {
            continue;
        }
        let Some(mut start) = first.checked_sub(2).and_then(unit) else {
            continue;
        };
        let mut commas = 0;
        while start >= 2 && tokens[start - 1].is_punct(',') {
            let Some(earlier) = unit(start - 2) else {
                break;
            };
            start = earlier;
            commas += 1;
        }
        if commas == 0 {
            continue;
        }
        if start > 0 && super::tagger::ordinal(tokens[start - 1].text(doc.body)) {
            start -= 1;
        } else if start > 0 && tokens[start - 1].is_word() && tokens[start - 1].name_like {
            // Mid-way through a longer capitalised phrase: not where the name starts.
            continue;
        }
        extended.push((n, tokens[start].start));
    }
    widen(doc, kept, extended);
}

/// Words that rank an office holder ("Deputy Mayor", "Vice Governor").
const OFFICE_RANKS: &[&str] = &["Deputy", "Executive", "Vice", "Acting", "Assistant"];

/// "Executive Deputy District (Governor)": a place's head word after the rank of an
/// office holder is the office's title, not a place.
fn office_title(text: &str) -> bool {
    text.split_once(' ')
        .is_some_and(|(first, _)| among!(OFFICE_RANKS, first))
        // "South Zorbian President Park": a person's title inside a place's name
        // makes its last words the person's name.
        || text
            .split(' ')
            .rev()
            .skip(1)
            .any(|w| matches!(w, "President" | "Premier" | "Chancellor" | "Mayor" | "Governor"))
}

/// A technical acronym, a file format, a quantity with its unit ("PDF", "APIs",
/// "512GB", "kWh") or a named day ("Black Friday") is no name, whatever read it
/// as one.
fn not_a_name(text: &str) -> bool {
    if COMMON_ACRONYM_SET.contains(text) {
        return true;
    }
    // "Technology", "Group", "Committee": a company's or a body's head word alone
    // names nothing.
    if !text.contains(' ')
        && (is_head_word(text, Kind::Firm)
            || matches!(
                text,
                "Committee" | "Department" | "Bureau" | "Office" | "Division" | "Agency"
            ))
    {
        return true;
    }
    // "the Sixth (Plenary Session)": an ordinal alone names nothing.
    if super::tagger::ordinal(text) {
        return true;
    }
    // "Phase II", "Phase 2": a stage of a project.
    if let Some(stage) = text.strip_prefix("Phase ")
        && (stage.bytes().all(|b| b.is_ascii_digit())
            || stage.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')))
    {
        return true;
    }
    let first = text.split(' ').next().unwrap_or(text);
    // "2,160 Zorb enterprises": a count with a thousands separator opens no name.
    if text.contains(' ')
        && first.contains(',')
        && first.bytes().all(|b| b.is_ascii_digit() || b == b',')
    {
        return true;
    }

    // "Black Friday", "Cyber Monday", "Super Tuesday": a day, not a firm or a person.
    if let Some((_, day)) = text.rsplit_once(' ')
        && among!(WEEKDAYS, day)
    {
        return true;
    }
    let unit = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    !unit.is_empty() && among_lowercased(UNITS, unit)
}

/// "Third Session", "Second Phase": an ordinal and a part of a meeting or a project
/// number a part of something, they name nothing.
fn numbered_part(text: &str) -> bool {
    text.split_once(' ').is_some_and(|(first, rest)| {
        super::tagger::ordinal(first)
            && among_lowercased(
                &[
                    "session", "plenary", "meeting", "round", "phase", "stage", "batch",
                ],
                rest,
            )
    })
}

/// "Road Initiative", "Quxian Strategy", "Zorb Renovation Project of Old Areas",
/// "Smart Manufacturing Project for Zorb Ships", "Cooperation Framework
/// Agreement": a programme, a plan, a project or a document, no company (the
/// head is the last word, or the word before "of" or "for").
fn names_a_programme(text: &str) -> bool {
    let head = text.split_once(" of ").map_or(text, |(head, _)| head);
    let head = head.split_once(" for ").map_or(head, |(head, _)| head);
    head.rsplit_once(' ').is_some_and(|(_, last)| {
        matches!(
            last,
            "Initiative"
                | "Strategy"
                | "Plan"
                | "Programme"
                | "Program"
                | "Policy"
                | "Project"
                | "Projects"
                | "Agreement"
                | "Agreements"
                | "Memorandum"
                | "Treaty"
                | "Protocol"
                | "Accord"
                | "Contract"
        )
    })
}

/// "under the theme “Integrate into Zorb Circulation, Build a Quxian Area”": the
/// capitalised words of a quoted theme, slogan or motto name no body or person.
/// The span lies inside double quotes opened on its line, with one of those words
/// in the 40 bytes before the opening quote.
fn in_quoted_theme(body: &str, start: usize, end: usize) -> bool {
    let line_start = body[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = &body[line_start..start];
    let quote = |c: char| matches!(c, '"' | '\u{201c}' | '\u{201d}');
    let Some(open) = before.rfind(quote) else {
        return false;
    };
    let opening = before[open..].starts_with(['"', '\u{201c}'])
        && before.chars().filter(|&c| quote(c)).count() % 2 == 1;
    let closed = body[end..]
        .split('\n')
        .next()
        .is_some_and(|rest| rest.contains(quote));
    let lead = &before.as_bytes()[open.saturating_sub(40)..open];
    opening
        && closed
        && [&b"theme"[..], b"slogan", b"motto"]
            .iter()
            .any(|w| lead.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w)))
}

/// "Local Enterprises", "Private Companies": common words before a plural word for
/// firms describe a class of companies, they name none.
fn names_a_class_of_firms(doc: &Doc, text: &str) -> bool {
    let Some((before, last)) = text.rsplit_once(' ') else {
        return false;
    };
    matches!(
        last,
        "Enterprises" | "Companies" | "Firms" | "Businesses" | "Corporations"
    ) && before.split(' ').all(|w| doc.gazetteer.is_common(w))
}

/// "the Federation", "the City": a head word alone, unlisted, names no company, and
/// an administrative unit's word alone names nothing.
fn lone_head(doc: &Doc, text: &str, kind: Kind) -> bool {
    use super::words::is_head_word;
    let lone = !text.contains(' ') && doc.gazetteer.lookup(text).is_none();
    lone && ((kind == Kind::Firm && is_head_word(text, Kind::Org))
        || (kind != Kind::Person
            && matches!(
                text,
                "City" | "Province" | "County" | "District" | "Prefecture" | "Township"
            )))
}

/// "Board of Directors": an organ every company has, named by its function alone;
/// `from` is the text from the name on, `len` the name's length ("Board" read alone
/// inside it is no name either).
fn generic_body(from: &str, len: usize) -> bool {
    const ORGANS: &[&str] = &[
        "Board of Directors",
        "Board of Supervisors",
        "Board of Trustees",
        "Board of Governors",
        "Board of Management",
    ];
    ORGANS
        .iter()
        .any(|organ| from.starts_with(organ) && (len == organ.len() || len == "Board".len()))
}

/// "Zorbton Taiwan Affairs Office and People's Government of Quxi District": a
/// body's name closed by its head, "and", then another body's name with a head of
/// its own are two bodies ("Ministry of Industry and Information Technology",
/// whose words before "and" close on no head, stays one). So are two companies
/// each closed by a legal form ("Zorb Energy Corp and Quxa Power Corp"), and a
/// body and a company ("Zorb Resources Bureau and Quxa Power Company").
fn split_joined_bodies(doc: &Doc, kept: &mut Vec<Candidate>) {
    let org_head = |w: &str| {
        super::words::is_head_word(w, Kind::Org)
            || super::words::among_lowercased(super::words::OF_HEADS, w)
    };
    let legal_form = |w: &str| {
        doc.gazetteer
            .legal_forms
            .contains_ci(w.trim_end_matches(['.', ',']))
    };
    let mut split = Vec::new();
    for (n, c) in kept.iter().enumerate() {
        if !matches!(c.kind, Kind::Org | Kind::Firm) || c.rank != Rank::Head {
            continue;
        }
        let text = &doc.body[c.start..c.end];
        let Some((left, right)) = text.split_once(" and ") else {
            continue;
        };
        let head = |w: &str| match c.kind {
            Kind::Org => org_head(w),
            _ => legal_form(w),
        };
        let closes = left.rsplit(' ').next().is_some_and(head);
        let headed = right.contains(' ')
            && right.starts_with(|ch: char| ch.is_uppercase())
            && match c.kind {
                Kind::Org => right.split(' ').any(org_head),
                _ => right.rsplit(' ').next().is_some_and(legal_form),
            };
        // "Zorb Resources Bureau and Quxa Power Company": a body's name closed by
        // its head, then a company's closed by a company's head word.
        let mixed = c.kind == Kind::Firm
            && left.rsplit(' ').next().is_some_and(org_head)
            && right.contains(' ')
            && right.starts_with(|ch: char| ch.is_uppercase())
            && right
                .rsplit(' ')
                .next()
                .is_some_and(|w| super::words::is_head_word(w, Kind::Firm) || legal_form(w));
        if (closes && headed || mixed) && left.contains(' ') {
            split.push((n, c.start + left.len(), c.end - right.len(), mixed));
        }
    }
    for &(n, left_end, right_start, mixed) in split.iter().rev() {
        let mut right = kept[n].clone();
        if mixed {
            kept[n].kind = Kind::Org;
        }
        kept[n].end = left_end;
        kept[n].name = super::single_spaced(&doc.body[kept[n].start..left_end]);
        right.start = right_start;
        right.name = super::single_spaced(&doc.body[right_start..right.end]);
        kept.insert(n + 1, right);
    }
}

/// "between Zorbco and Zorbton government": a listed town before a lower-case word
/// of its administration is the town, whatever the tagger reads in it.
fn governed_place(doc: &Doc, c: &Candidate) -> bool {
    c.rank == Rank::Listed
        && matches!(c.kind, Kind::City | Kind::Region)
        && doc.body[c.end..]
            .strip_prefix(' ')
            .and_then(|rest| rest.split(|ch: char| !ch.is_alphabetic()).next())
            .is_some_and(|w| matches!(w, "government" | "authorities" | "officials" | "municipal"))
}

/// "Zorbco, Quxa Johnson International and many other famous firms": an item of
/// a list its closing words call companies (or bodies) is one, whatever the tagger
/// reads in it.
fn firm_in_list_of_firms(doc: &Doc, c: &Candidate) -> bool {
    if c.rank != Rank::Context || !matches!(c.kind, Kind::Firm | Kind::Org) {
        return false;
    }
    match (doc.token_starting(c.start), doc.token_ending(c.end)) {
        (Some(first), Some(last)) => {
            super::context::listed_before_place_noun(doc, first, last) == Some(c.kind)
        }
        _ => false,
    }
}

/// "the City of Zorbton" read as a body or company, where the article (or a list)
/// knows Zorbton as a town: the town.
fn city_of_town(doc: &Doc, kept: &mut [Candidate]) {
    let towns: Vec<String> = kept
        .iter()
        .filter(|c| c.kind == Kind::City)
        .map(|c| c.name.clone())
        .collect();
    for c in kept
        .iter_mut()
        .filter(|c| matches!(c.kind, Kind::Firm | Kind::Org))
    {
        let Some(town) = doc.body[c.start..c.end].strip_prefix("City of ") else {
            continue;
        };
        let listed = matches!(
            doc.gazetteer.lookup(town),
            Some((
                _,
                Entry::Place {
                    kind: Kind::City,
                    ..
                }
            ))
        );
        if listed || towns.iter().any(|t| t == town) {
            c.kind = Kind::City;
            c.name = town.to_string();
        }
    }
}

/// "the Zorb Dynasty", "the Northern Zorb (960-1127)": a dynasty or an era, closed
/// by its word or by its span of years in parentheses, is no company or body.
fn names_a_period(text: &str, after: &str) -> bool {
    if text.ends_with(" Dynasty") || after.starts_with(" dynasty") {
        return true;
    }
    let Some(inside) = after
        .strip_prefix(" (")
        .and_then(|rest| rest.split_once(')'))
        .map(|(inside, _)| inside)
    else {
        return false;
    };
    let years: Vec<&str> = inside.split(['-', '–']).map(str::trim).collect();
    years.len() == 2
        && years
            .iter()
            .all(|y| (3..=4).contains(&y.len()) && y.bytes().all(|b| b.is_ascii_digit()))
}

/// "Zorbton of Quxia": a listed place "of" another names where the first lies, no
/// company or body.
fn place_of_place(doc: &Doc, text: &str) -> bool {
    let place = |name: &str| matches!(doc.gazetteer.lookup(name), Some((_, Entry::Place { .. })));
    text.split_once(" of ")
        .is_some_and(|(a, b)| place(a) && place(b))
}

/// "the Zorbtze delta", "the Quxa river": a name before a lower-case word for a
/// landform names the landform, not a company of that name (`rest` is the text
/// after the name).
fn names_a_landform(rest: &str) -> bool {
    const LANDFORMS: &[&str] = &[
        "delta",
        "river",
        "basin",
        "valley",
        "gorge",
        "gorges",
        "plateau",
        "lake",
        "mountain",
        "mountains",
        "peninsula",
        "coast",
        "plain",
        "desert",
    ];
    rest.strip_prefix(' ').is_some_and(|rest| {
        let word = rest
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        LANDFORMS.contains(&word)
    })
}

/// "(Fortune Global) 500 companies": a name followed by a number and the firms it
/// counts names a ranking, not a company (`rest` is the text after the name).
fn names_a_ranking(rest: &str) -> bool {
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && ["companies", "enterprises", "firms", "corporations", "list"]
            .iter()
            .any(|noun| {
                rest[digits..]
                    .strip_prefix(' ')
                    .is_some_and(|r| r.starts_with(noun))
            })
}

/// "the Whole Province", "Every Zone": a determiner before a head word of the kind
/// (capitalised in a slogan or a title) describes, it does not name.
/// "build a Metropolitan Area": a head phrase alone after "a" or "an" is a
/// common noun written in capitals, no name (`before` is the text before it).
fn indefinite_head(before: &str, text: &str) -> bool {
    if !(before.ends_with(" a ") || before.ends_with(" an ")) {
        return false;
    }
    let words: Vec<String> = text.split(' ').map(str::to_ascii_lowercase).collect();
    words.last().is_some_and(|last| {
        super::words::heads_ending(last)
            .iter()
            .any(|&h| super::words::HEADS[h].0 == words.as_slice())
    })
}

fn determined_head(text: &str, kind: Kind) -> bool {
    const DETERMINERS: &[&str] = &[
        "Whole", "Entire", "All", "Every", "Each", "Any", "Both", "Our", "This", "That", "These",
        "Those",
    ];
    text.split_once(' ')
        .is_some_and(|(first, head)| DETERMINERS.contains(&first) && is_head_word(head, kind))
}

/// "Ministry of Business, Innovation and Employment": an organisation or zone named
/// "X of A" that goes on with ", B and C" (single capitalised words, none of them a
/// listed place or a name the article uses on its own) is one name.
fn extend_enumerations(doc: &Doc, kept: &mut Vec<Candidate>) {
    let tokens = &doc.tokens;
    let mut extended: Vec<(usize, usize, usize)> = Vec::new();
    for (n, c) in kept.iter().enumerate() {
        if !matches!(c.kind, Kind::Org | Kind::Zone) || !doc.body[c.start..c.end].contains(" of ") {
            continue;
        }
        let last = tokens.partition_point(|t| t.end <= c.end).saturating_sub(1);
        let mut i = last + 1;
        let mut words = 0;
        let mut closed = false;
        // ", B" repeated, then "and C" (or "& C").
        while let Some(t) = tokens.get(i) {
            let connector =
                t.is_punct(',') || t.is_punct('&') || (t.is_word() && t.text(doc.body) == "and");
            let word = tokens.get(i + 1).filter(|w| {
                w.is_word()
                    && w.name_like
                    && doc.hit_covering(i + 1).is_none()
                    && !kept
                        .iter()
                        .any(|k| k.start == w.start && k.end == w.end && k.kind != Kind::Org)
            });
            let (true, Some(w)) = (connector, word) else {
                break;
            };
            words += 1;
            closed = !t.is_punct(',');
            i += 2;
            if closed {
                let _ = w;
                break;
            }
        }
        if closed && words >= 2 {
            extended.push((n, c.end, tokens[i - 1].end));
        }
    }
    for (n, from, to) in extended.into_iter().rev() {
        let spanned = |k: &Candidate| k.start >= from && k.end <= to;
        let name = super::single_spaced(&doc.body[kept[n].start..to]);
        kept[n].end = to;
        kept[n].name = name;
        kept.retain(|k| !spanned(k));
    }
}

/// "Dongguan" that the rules read as a city in its other mentions, read as an
/// organisation by the tagger in one ("the Mayor of Dongguan"): a name is one thing
/// in an article, and the place it names in most mentions wins over a body of that
/// name. (A team named after its town, "Baltimore beat Milwaukee", is named as a
/// team more often than the town is named.) A body read in a possessive before a
/// lower-case word ("Zorbton’s economic growth") is the place when the place is
/// named as often.
fn places_stay_places(doc: &Doc, kept: &mut [Candidate], rule_count: usize) {
    let (rules, added) = kept.split_at_mut(rule_count);
    let body = |c: &Candidate| matches!(c.kind, Kind::Firm | Kind::Org);
    // The same name: the listed name ("Zorb’an", curly) or the words the rule read
    // ("Zorb'an City"), whichever apostrophe the text uses.
    let text = |c: &Candidate| &doc.body[c.start..c.end];
    for n in 0..added.len() {
        if !body(&added[n]) {
            continue;
        }
        let place = |r: &&Candidate| matches!(r.kind, Kind::City | Kind::Region | Kind::Country);
        // A place the rules read in the very same words names it.
        let name = rules
            .iter()
            .filter(place)
            .find(|r| same_name(text(r), text(&added[n])))
            .map_or(added[n].name.as_str(), |r| r.name.as_str());
        let places: Vec<&Candidate> = rules
            .iter()
            .filter(place)
            .filter(|r| same_name(&r.name, name))
            .collect();
        let bodies = added
            .iter()
            .filter(|a| body(a) && (same_name(&a.name, name) || a.name == added[n].name))
            .count();
        if let Some(place) = places.first()
            && ((places.len() >= 2 && places.len() > bodies)
                || (places.len() >= bodies && possessive_of_a_thing(&doc.body[added[n].end..])))
        {
            added[n].kind = place.kind;
            added[n].name = place.name.clone();
            continue;
        }
        // "Zorbton City" read as a body, where the article names the town Zorbton
        // alone, outside any body's name, at least as often: the town ("Bristol
        // City", a team named in results where the town is not, stays the team).
        let Some(base) = added[n].name.strip_suffix(" City") else {
            continue;
        };
        let inside_body = |r: &Candidate| {
            added
                .iter()
                .any(|a| body(a) && a.start < r.end && r.start < a.end)
        };
        let alone: Vec<&Candidate> = rules
            .iter()
            .filter(|r| r.kind == Kind::City && same_name(&r.name, base) && !inside_body(r))
            .collect();
        let readings = added
            .iter()
            .filter(|a| body(a) && a.name == added[n].name)
            .count();
        if let Some(town) = alone.first()
            && alone.len() >= 2
            && alone.len() >= readings
        {
            added[n].kind = Kind::City;
            added[n].name = town.name.clone();
        }
    }
}

/// "Zorb Merchants Bureau": a name a company list holds whose last word heads a
/// public body's name (and no company's) is that body; such lists take in bodies
/// registered as firms.
fn listed_bodies(kept: &mut [Candidate]) {
    for c in kept
        .iter_mut()
        .filter(|c| c.kind == Kind::Firm && matches!(c.rank, Rank::Listed | Rank::ListedLong))
    {
        let Some(last) = c.name.rsplit(' ').next().filter(|_| c.name.contains(' ')) else {
            continue;
        };
        let mut kinds = one_word_head_kinds(last).peekable();
        if kinds.peek().is_some() && kinds.all(|kind| kind == Kind::Org) {
            c.kind = Kind::Org;
        }
    }
}

/// The kinds of the one-word heads `word` is ("Bureau": a body's), in the order of
/// [`HEADS`].
fn one_word_head_kinds(word: &str) -> impl Iterator<Item = Kind> + '_ {
    heads_ending(word)
        .iter()
        .map(|&h| HEADS[h])
        .filter(|(phrase, _)| phrase.len() == 1)
        .map(|(_, kind)| kind)
}

/// "’s economic development": a possessive before a lower-case word, which a
/// place takes as readily as a body ("Zorbton’s economy").
fn possessive_of_a_thing(after: &str) -> bool {
    after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("’s "))
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_lowercase()))
}

/// A place the tagger alone read as a town, that the rules read as another kind
/// of place elsewhere in the article ("Zorbwo county ... in Zorbwo"), is that kind:
/// the rules read it from its context words.
fn places_keep_the_rules_kind(kept: &mut [Candidate], rule_count: usize) {
    let (rules, added) = kept.split_at_mut(rule_count);
    for c in added.iter_mut().filter(|c| c.kind == Kind::City) {
        let other = rules
            .iter()
            .find(|r| same_name(&r.name, &c.name) && matches!(r.kind, Kind::Region | Kind::Zone));
        if let Some(r) = other
            && !rules
                .iter()
                .any(|r| r.kind == Kind::City && same_name(&r.name, &c.name))
        {
            c.kind = r.kind;
        }
    }
}

/// "Zorbton Quxlian", read as a person, opens with a listed place that is no
/// surname, and opens the one body's name of the article that goes on from it
/// ("Zorbton Quxlian Rail Service Center"): it is that body's short form.
fn place_led_people(doc: &Doc, kept: &mut [Candidate]) {
    let g = &doc.gazetteer;
    for n in 0..kept.len() {
        let c = &kept[n];
        if c.kind != Kind::Person {
            continue;
        }
        let Some((first, _)) = c.name.split_once(' ') else {
            continue;
        };
        let entry = g.lookup(first).map(|(_, e)| e);
        let place = matches!(entry, Some(Entry::Place { .. }));
        if !place
            || g.surnames.contains(first)
            || g.chinese_surnames.contains(first)
            || g.given.contains(first)
        {
            continue;
        }
        let prefix = format!("{} ", c.name);
        let mut longer = kept
            .iter()
            .filter(|o| matches!(o.kind, Kind::Firm | Kind::Org) && o.name.starts_with(&prefix));
        if let (Some(o), None) = (longer.next(), longer.next()) {
            let (kind, name) = (o.kind, o.name.clone());
            kept[n].kind = kind;
            kept[n].name = name;
            continue;
        }
        // "Zorbei Quxrey's plant": two words opened by a Chinese province, read
        // weakly as a person, name a company as Chinese firms are named (a
        // province, then the brand); no Chinese name opens with a province.
        let province = matches!(
            entry,
            Some(Entry::Place {
                kind: Kind::Region,
                chinese: true,
                ..
            })
        );
        if province && c.rank <= Rank::Context && c.name.split(' ').count() == 2 {
            kept[n].kind = Kind::Firm;
        }
    }
}

/// Fixes of names read as people: a newspaper opened by a German, Italian or Spanish
/// article ("Die Zorbzeit") is a company; an occupation opening a sentence before a
/// full name ("Broker Zorbo Quxley said") is no part of it; a ship's name ("the
/// aircraft carrier Zorbo Quxley", then "the Zorbo Quxley") is no person's, in any
/// of its mentions.
fn people_names_fixed(doc: &Doc, kept: &mut Vec<Candidate>) {
    const ARTICLES: &[&str] = &["Der", "Die", "Das", "Il", "Los", "Las"];
    const VESSELS: &[&str] = &[
        "carrier",
        "carriers",
        "ship",
        "ships",
        "vessel",
        "frigate",
        "destroyer",
        "submarine",
        "tanker",
        "cruiser",
        "liner",
        "freighter",
    ];
    let g = &doc.gazetteer;
    let mut ships: Vec<String> = Vec::new();
    for c in kept.iter_mut().filter(|c| c.kind == Kind::Person) {
        let Some((first, rest)) = c.name.split_once(' ') else {
            continue;
        };
        if ARTICLES.contains(&first) {
            c.kind = Kind::Firm;
            continue;
        }
        let at = doc.token_starting(c.start);
        // The word after the opening one, where the name then starts.
        let next = at
            .filter(|&i| doc.tokens[i].sentence_start)
            .and_then(|i| doc.tokens.get(i + 1))
            .filter(|t| t.is_word() && t.start < c.end);
        if let Some(next) = next
            && rest.contains(' ')
            && g.is_common(first)
            && !g.given.contains(first)
            && !g.surnames.contains(first)
            && !g.chinese_surnames.contains(first)
        {
            c.start = next.start;
            c.name = rest.to_string();
        }
        let before = doc.body[..c.start].trim_end();
        let word = before.rsplit([' ', '\n']).next().unwrap_or("");
        if VESSELS.contains(&word) {
            ships.push(c.name.clone());
        }
    }
    // A ship's mention by its last words ("Quxson") goes too.
    let of_a_ship = |name: &str| {
        ships.iter().any(|s| {
            s.strip_suffix(name)
                .is_some_and(|head| head.is_empty() || head.ends_with(' '))
        })
    };
    kept.retain(|c| c.kind != Kind::Person || !of_a_ship(&c.name));
}

/// Two spellings of one name, whichever apostrophe each uses ("Xi’an", "Xi'an").
fn same_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if !a.contains('’') && !b.contains('’') {
        return false;
    }
    let straight = |c: char| if c == '’' { '\'' } else { c };
    a.chars().map(straight).eq(b.chars().map(straight))
}

/// A word the rules read as a place and the tagger alone as a person, that is no
/// listed given name or surname and no part of a person's fuller name in the
/// article, is the place ("representatives from Zorbyao ... Zorbyao will work
/// with"): a person named by one word is named by a name (a surname or a given
/// name), and a place's name is no name of a person.
fn lone_words_stay_places(doc: &Doc, kept: &mut [Candidate], rule_count: usize) {
    let g = &doc.gazetteer;
    let place_kind = |name: &str| {
        kept[..rule_count]
            .iter()
            .find(|r| {
                same_name(&r.name, name)
                    && matches!(r.kind, Kind::City | Kind::Region | Kind::Country)
            })
            .map(|r| r.kind)
    };
    let fuller_person = |word: &str| {
        kept.iter().any(|c| {
            c.kind == Kind::Person
                && c.name.contains(' ')
                && c.name.split([' ', '-']).any(|w| w == word)
        })
    };
    let mut changes = Vec::new();
    for (n, c) in kept.iter().enumerate().skip(rule_count) {
        let word = c.name.as_str();
        if c.kind != Kind::Person
            || word.contains([' ', '-', '.'])
            || g.given.contains(word)
            || g.surnames.contains(word)
            || g.chinese_surnames.contains(word)
            || fuller_person(word)
        {
            continue;
        }
        if let Some(kind) = place_kind(word) {
            changes.push((n, kind));
        }
    }
    for (n, kind) in changes {
        kept[n].kind = kind;
    }
}

/// A name the tagger read as several kinds in one article ("Xiamen FTZ" a place
/// here, an organisation there) takes the kind its mentions are surest of together.
fn one_kind_per_name(added: &mut [Candidate], confidence: &[f32]) {
    // Per name and kind, the confidences summed: three mentions read as a town
    // outweigh one surer reading as a firm ("Barentsburg").
    let mut total: Vec<(&str, Kind, f32)> = Vec::new();
    for (c, &w) in added.iter().zip(confidence) {
        match total
            .iter_mut()
            .find(|(n, k, _)| *n == c.name && *k == c.kind)
        {
            Some(e) => e.2 += w,
            None => total.push((&c.name, c.kind, w)),
        }
    }
    let best: Vec<Kind> = added
        .iter()
        .map(|c| {
            total
                .iter()
                .filter(|(n, _, _)| *n == c.name)
                .fold(
                    (c.kind, f32::MIN),
                    |b, &(_, k, w)| if w > b.1 { (k, w) } else { b },
                )
                .0
        })
        .collect();
    for (c, kind) in added.iter_mut().zip(best) {
        c.kind = kind;
    }
}

/// A tagged name the kept rule candidates of its type already give: one spans it, or
/// together they hold each of its name words ("A Co and B Co" read as one name is
/// the two firms the rules found).
/// The candidates of a type compatible with `t` that sit strictly inside its range `r`.
fn inner_parts<'c>(
    t: &Tagged,
    r: (usize, usize),
    kept: &'c [Candidate],
) -> impl Iterator<Item = &'c Candidate> {
    kept.iter().filter(move |c| {
        compatible(t.coarse, c.kind) && r.0 <= c.start && c.end <= r.1 && (c.start, c.end) != r
    })
}

fn covered(doc: &Doc, t: &Tagged, r: (usize, usize), kept: &[Candidate]) -> bool {
    let fits = |c: &&Candidate| compatible(t.coarse, c.kind);
    if kept
        .iter()
        .filter(fits)
        .any(|c| c.start <= r.0 && r.1 <= c.end)
    {
        return true;
    }
    if kept
        .iter()
        .any(|c| (c.start, c.end) == r && (governed_place(doc, c) || firm_in_list_of_firms(doc, c)))
    {
        return true;
    }
    // "... Bureau Tao Bolin", a body's name the tagger only guesses at, closed by a
    // person the rules kept (`closes_weak_body`): the person explains it.
    if t.coarse == Coarse::Organisation
        && t.confidence < WEAK_BODY
        && kept
            .iter()
            .any(|c| c.kind == Kind::Person && c.end == r.1 && r.0 < c.start)
    {
        return true;
    }
    // "Zhao Lan/Example.org" (a photo credit): the name before the slash, which a
    // rule found.
    if doc.body[r.0..r.1].contains('/') && kept.iter().filter(fits).any(|c| c.start == r.0) {
        return true;
    }
    let parts: Vec<&Candidate> = inner_parts(t, r, kept).collect();
    // "Salomon Bros", "Zorbu's Bancshares Inc": firms side by side (no "and" or
    // comma between them) are one firm the tagger read whole, not two names.
    let one_firm = parts.iter().all(|c| c.kind == Kind::Firm)
        && !(t.first..=t.last).any(|i| {
            let token = &doc.tokens[i];
            token.is_punct(',') || (token.is_word() && token.text(doc.body) == "and")
        });
    parts.len() >= 2
        && !one_firm
        && (t.first..=t.last).all(|i| {
            let token = &doc.tokens[i];
            // "Qihoo 360 Technology Co": a number inside is part of the one name.
            (!token.name_like && token.kind != TokenKind::Number)
                || parts
                    .iter()
                    .any(|c| c.start <= token.start && token.end <= c.end)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tagger's reading of token `n` alone, as sure as it gets.
    fn read_as(coarse: Coarse, n: usize) -> Tagged {
        Tagged {
            first: n,
            last: n,
            coarse,
            confidence: 2.0,
        }
    }

    fn token_of(doc: &Doc, word: &str) -> usize {
        doc.tokens
            .iter()
            .position(|t| t.text(doc.body) == word)
            .expect("word in the text")
    }

    fn read_span(doc: &Doc, text: &str, coarse: Coarse) -> Tagged {
        let start = doc.body.find(text).expect("text in the body");
        let end = start + text.len();
        Tagged {
            first: doc
                .tokens
                .iter()
                .position(|t| t.start == start)
                .expect("first"),
            last: doc.tokens.iter().rposition(|t| t.end == end).expect("last"),
            coarse,
            confidence: 2.0,
        }
    }

    fn kept_kinds(doc: &Doc, rules: Vec<Candidate>, tagged: &[Tagged]) -> Vec<(String, Kind)> {
        reconcile(doc, rules, tagged)
            .into_iter()
            .map(|c| (c.name, c.kind))
            .collect()
    }

    #[test]
    fn an_autonomous_region_read_whole_as_a_body_is_the_region() {
        let doc = Doc::new("Projects began in the Zorbia Hui Autonomous Region on Monday.");
        let name = "Zorbia Hui Autonomous Region";
        let got = kept_kinds(
            &doc,
            vec![candidate(&doc, name, Kind::Region, Rank::Head)],
            &[read_span(&doc, name, Coarse::Organisation)],
        );
        assert!(got.iter().all(|(_, k)| *k == Kind::Region), "{got:?}");
        assert!(got.contains(&(name.to_string(), Kind::Region)), "{got:?}");
        // Without a rule, the tagger's body is typed by the title too.
        let doc = Doc::new("The fair opens in the Zorbton Special Administrative Region today.");
        let name = "Zorbton Special Administrative Region";
        let got = kept_kinds(&doc, vec![], &[read_span(&doc, name, Coarse::Organisation)]);
        assert_eq!(got, vec![(name.to_string(), Kind::Region)]);
    }

    #[test]
    fn a_person_followed_by_an_office_stays_a_person_whatever_the_tagger_reads() {
        let doc = Doc::new("Guests included Quan Zorbo, Chairman of the city committee.");
        let got = kept_kinds(
            &doc,
            vec![candidate(&doc, "Quan Zorbo", Kind::Person, Rank::Person)],
            &[read_span(&doc, "Quan Zorbo", Coarse::Organisation)],
        );
        assert!(
            got.contains(&("Quan Zorbo".to_string(), Kind::Person)),
            "{got:?}"
        );
        assert!(office_follows(
            &doc,
            doc.body.find(", Chairman").expect("comma")
        ));
        assert!(!office_follows(
            &doc,
            doc.body.find(" included").expect("word")
        ));
    }

    #[test]
    fn a_town_read_as_a_body_once_stays_the_town_it_is_in_most_mentions() {
        let doc = Doc::new("Zorbton grew. Zorbton built roads. The Mayor of Zorbton spoke.");
        let at: Vec<usize> = doc.body.match_indices("Zorbton").map(|(i, _)| i).collect();
        let town = |start: usize| Candidate {
            start,
            end: start + 7,
            kind: Kind::City,
            name: "Zorbton".to_string(),
            rank: Rank::Listed,
            population: 0,
            nestable: false,
        };
        let mut kept = vec![town(at[0]), town(at[1]), town(at[2])];
        kept[2].kind = Kind::Org;
        kept[2].rank = Rank::Context;
        places_stay_places(&doc, &mut kept, 2);
        assert_eq!(kept[2].kind, Kind::City);
        // A team named after its town more often than the town is named: a team.
        let mut kept = [town(at[0]), town(at[1]), town(at[2]), town(at[2])];
        kept[2].kind = Kind::Org;
        kept[3].kind = Kind::Org;
        places_stay_places(&doc, &mut kept, 2);
        assert_eq!(kept[3].kind, Kind::Org);
        // Three readings as the town against two as a body: the town.
        let doc = Doc::new("Zorbton grew. Zorbton built. Zorbton signed. Zorbton now runs ports.");
        let at: Vec<usize> = doc.body.match_indices("Zorbton").map(|(i, _)| i).collect();
        let mut kept = [
            town(at[0]),
            town(at[1]),
            town(at[2]),
            town(at[3]),
            town(at[0]),
        ];
        for body in &mut kept[3..] {
            body.kind = Kind::Firm;
            body.rank = Rank::Context;
        }
        places_stay_places(&doc, &mut kept, 3);
        assert!(kept.iter().all(|c| c.kind == Kind::City), "{kept:?}");
    }

    #[test]
    fn a_town_read_as_a_body_in_a_possessive_stays_the_town_named_as_often() {
        let town = |doc: &Doc, nth: usize, kind: Kind, rank: Rank| {
            let start = doc.body.match_indices("Zorbton").nth(nth).unwrap().0;
            Candidate {
                start,
                end: start + 7,
                kind,
                name: "Zorbton".to_string(),
                rank,
                population: 0,
                nestable: false,
            }
        };
        let doc = Doc::new("Zorbton's economic growth was steady. Output rose in Zorbton.");
        let mut kept = [
            town(&doc, 1, Kind::City, Rank::Listed),
            town(&doc, 0, Kind::Firm, Rank::Context),
        ];
        places_stay_places(&doc, &mut kept, 1);
        assert_eq!(kept[1].kind, Kind::City);
        // Not so before a name ("Zorbton's Quxian Smith"), nor for a plain mention.
        for text in [
            "Zorbton's Quxian Smith scored twice. Output rose in Zorbton.",
            "Zorbton beat Quxia. Output rose in Zorbton.",
        ] {
            let doc = Doc::new(text);
            let mut kept = [
                town(&doc, 1, Kind::City, Rank::Listed),
                town(&doc, 0, Kind::Firm, Rank::Context),
            ];
            places_stay_places(&doc, &mut kept, 1);
            assert_eq!(kept[1].kind, Kind::Firm, "{text}");
        }
        assert!(possessive_of_a_thing("\u{2019}s economy") && !possessive_of_a_thing("s economy"));
    }

    #[test]
    fn capitalised_words_in_a_quoted_theme_name_nothing() {
        let body = "The fair opened under the theme \u{201c}Integrate into Zorb Circulation, \
                    Build a Quxian Area\u{201d} on Monday, and Zorb Holdings said \"Quxian Area\" was ready.";
        let at = |name: &str| {
            let start = body.find(name).unwrap();
            (start, start + name.len())
        };
        let (s, e) = at("Zorb Circulation");
        assert!(in_quoted_theme(body, s, e));
        let (s, e) = at("Zorb Holdings");
        assert!(!in_quoted_theme(body, s, e));
        // Quoted, but no theme: a name.
        let s = body.rfind("Quxian Area").unwrap();
        assert!(!in_quoted_theme(body, s, s + 11));
        let straight = "under the slogan \"Invest in Zorbton Park\" today";
        assert!(in_quoted_theme(straight, 28, 40));
    }

    #[test]
    fn an_acronym_among_enterprise_words_is_a_company() {
        let doc =
            Doc::new("ZQXC, a central enterprise, will expand production in Zorbton. ZQXC signed.");
        assert!(firm_cues_everywhere(&doc, "ZQXC") > 0);
        let doc = Doc::new("ZQXC, a government agency, met officials in Zorbton. ZQXC signed.");
        assert!(firm_cues_everywhere(&doc, "ZQXC") < 0);
        assert_eq!((cue("Enterprises"), cue("production")), (1, 1));
    }

    #[test]
    fn a_listed_company_named_by_a_public_body_head_is_a_body() {
        let doc = Doc::new("Zorb Merchants Bureau, Zorb Bank and Zorb Holdings met.");
        let mut kept: Vec<Candidate> = ["Zorb Merchants Bureau", "Zorb Bank", "Zorb Holdings"]
            .iter()
            .map(|n| candidate(&doc, n, Kind::Firm, Rank::ListedLong))
            .collect();
        listed_bodies(&mut kept);
        let kinds: Vec<Kind> = kept.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, [Kind::Org, Kind::Firm, Kind::Firm]);
    }

    #[test]
    fn a_town_listed_with_a_curly_apostrophe_stays_the_town_in_straight_text() {
        let doc = Doc::new("Zorb'an grew. Zorb'an built roads. Zorb'an spoke.");
        let at: Vec<usize> = doc.body.match_indices("Zorb'an").map(|(i, _)| i).collect();
        let cand = |start, kind, name| span_at(start, 7, kind, name, Rank::Listed);
        let mut kept = vec![
            cand(at[0], Kind::City, "Zorb’an"),
            cand(at[1], Kind::City, "Zorb’an"),
            cand(at[2], Kind::Org, "Zorb'an"),
        ];
        places_stay_places(&doc, &mut kept, 2);
        assert_eq!(
            (kept[2].kind, kept[2].name.as_str()),
            (Kind::City, "Zorb’an")
        );
    }

    #[test]
    fn a_town_with_city_after_it_read_as_a_body_is_the_town_the_article_names_alone() {
        let doc = Doc::new("Zorbton grew. Zorbton built roads. Zorbton City signed deals.");
        let at: Vec<usize> = doc.body.match_indices("Zorbton").map(|(i, _)| i).collect();
        let cand = |start, len, kind, name| span_at(start, len, kind, name, Rank::Listed);
        let mut kept = vec![
            cand(at[0], 7, Kind::City, "Zorbton"),
            cand(at[1], 7, Kind::City, "Zorbton"),
            cand(at[2], 12, Kind::Firm, "Zorbton City"),
        ];
        places_stay_places(&doc, &mut kept, 2);
        assert_eq!(
            (kept[2].kind, kept[2].name.as_str()),
            (Kind::City, "Zorbton")
        );
        // Named alone once only: the team or firm stays.
        let mut kept = vec![
            cand(at[0], 7, Kind::City, "Zorbton"),
            cand(at[2], 12, Kind::Org, "Zorbton City"),
        ];
        places_stay_places(&doc, &mut kept, 1);
        assert_eq!(kept[1].kind, Kind::Org);
    }

    #[test]
    fn a_town_read_by_the_tagger_alone_takes_the_place_kind_the_rules_read() {
        let doc = Doc::new("A plant in Zorbwo county opened. Zorbwo grew.");
        let at: Vec<usize> = doc.body.match_indices("Zorbwo").map(|(i, _)| i).collect();
        let cand = |start, kind| span_at(start, 6, kind, "Zorbwo", Rank::Context);
        let mut kept = vec![cand(at[0], Kind::Region), cand(at[1], Kind::City)];
        places_keep_the_rules_kind(&mut kept, 1);
        assert_eq!(kept[1].kind, Kind::Region);
        // A town the rules read as a town too keeps both readings to the merge.
        let mut kept = vec![
            cand(at[0], Kind::Region),
            cand(at[0], Kind::City),
            cand(at[1], Kind::City),
        ];
        places_keep_the_rules_kind(&mut kept, 2);
        assert_eq!(kept[2].kind, Kind::City);
    }

    #[test]
    fn a_name_ending_on_the_first_word_of_a_field_goes_on_over_it() {
        let doc = Doc::new("A plant of Zorbu Tongwa Industry and Trade opened.");
        let mut kept = vec![candidate(
            &doc,
            "Zorbu Tongwa Industry",
            Kind::Firm,
            Rank::Context,
        )];
        extend_field_pairs(&doc, &mut kept);
        assert_eq!(kept[0].name, "Zorbu Tongwa Industry and Trade");
        let doc = Doc::new("Zorbu Tongwa Industry and Quxian Trade met.");
        let mut kept = vec![candidate(
            &doc,
            "Zorbu Tongwa Industry",
            Kind::Firm,
            Rank::Context,
        )];
        extend_field_pairs(&doc, &mut kept);
        assert_eq!(kept[0].name, "Zorbu Tongwa Industry");
    }

    #[test]
    fn a_person_opening_with_a_listed_place_is_the_short_form_of_a_body() {
        let doc = Doc::new(
            "Springfield Quxlian Rail Service Center (Springfield Quxlian) opened. \
             Springfield Zorbo spoke.",
        );
        let mut kept = vec![
            candidate(
                &doc,
                "Springfield Quxlian Rail Service Center",
                Kind::Org,
                Rank::Head,
            ),
            candidate(&doc, "Springfield Quxlian)", Kind::Person, Rank::Context),
            candidate(&doc, "Springfield Zorbo", Kind::Person, Rank::Context),
        ];
        kept[1].end -= 1;
        kept[1].name = "Springfield Quxlian".to_string();
        place_led_people(&doc, &mut kept);
        assert_eq!(
            (kept[1].kind, kept[1].name.as_str()),
            (Kind::Org, "Springfield Quxlian Rail Service Center")
        );
        // A person the article names by no longer name stays a person.
        assert_eq!(kept[2].kind, Kind::Person);
    }

    #[test]
    fn a_chinese_province_and_a_brand_read_weakly_as_a_person_is_a_company() {
        let doc = Doc::new("Hunan Quxrey's plant opened. Paris Quxley and Hunan Zorb Lee spoke.");
        let mut kept = vec![
            candidate(&doc, "Hunan Quxrey", Kind::Person, Rank::Context),
            candidate(&doc, "Paris Quxley", Kind::Person, Rank::Context),
            candidate(&doc, "Hunan Zorb Lee", Kind::Person, Rank::Context),
        ];
        place_led_people(&doc, &mut kept);
        let kinds: Vec<Kind> = kept.iter().map(|c| c.kind).collect();
        // A place that is no Chinese province, and three words, stay a person.
        assert_eq!(kinds, [Kind::Firm, Kind::Person, Kind::Person]);
    }

    #[test]
    fn three_places_joined_by_hyphens_are_not_named_one_by_one() {
        let doc = Doc::new("the Beijing-Tianjin-Hebei region and the Beijing-Tianjin line");
        let mut kept: Vec<Candidate> = ["Hebei", "Beijing-Tianjin line"]
            .iter()
            .map(|t| candidate(&doc, t, Kind::Region, Rank::Listed))
            .collect();
        let tianjin = doc.body.rfind("Tianjin").unwrap();
        kept.push(Candidate {
            start: tianjin,
            end: tianjin + 7,
            ..kept[0].clone()
        });
        place_compounds(&doc, &mut kept);
        let names: Vec<&str> = kept.iter().map(|c| &doc.body[c.start..c.end]).collect();
        assert_eq!(
            names,
            [
                "Beijing-Tianjin line",
                "Tianjin",
                "Beijing-Tianjin-Hebei region"
            ]
        );
        assert_eq!(kept[2].kind, Kind::Region);
        // Before a capitalised word, a longer name: no region of its own.
        let doc = Doc::new("the Beijing-Tianjin-Hebei City Cluster grew");
        let mut kept = Vec::new();
        place_compounds(&doc, &mut kept);
        assert!(kept.is_empty());
    }

    #[test]
    fn a_lone_word_read_as_a_place_by_the_rules_and_a_person_by_the_tagger_is_the_place() {
        let doc = Doc::new(
            "Envoys from Zorbyao met firms. Zorbyao will work with them. \
             Quxan Varnby spoke. Varnby agreed.",
        );
        let cand = |word: &str, nth: usize, kind, rank| {
            let start = doc.body.match_indices(word).nth(nth).unwrap().0;
            span_at(start, word.len(), kind, word, rank)
        };
        let mut kept = vec![
            cand("Zorbyao", 0, Kind::Region, Rank::Context),
            cand("Varnby", 0, Kind::City, Rank::Listed),
            cand("Zorbyao", 1, Kind::Person, Rank::Context),
            cand("Quxan Varnby", 0, Kind::Person, Rank::Context),
            cand("Varnby", 1, Kind::Person, Rank::Context),
        ];
        lone_words_stay_places(&doc, &mut kept, 2);
        assert_eq!(kept[2].kind, Kind::Region);
        // The surname of a person the article names in full stays the person.
        assert_eq!(kept[4].kind, Kind::Person);
    }

    #[test]
    fn a_person_named_in_words_no_dictionary_knows_is_added_where_rules_explain_the_rest() {
        // Five listed towns the rules explain make the tagger's other names need a
        // high confidence; a full name in words that are no English words does not.
        let doc = Doc::new(
            "Quxan Zorbassoum met envoys from Zorbton, Quxville, Zedburg, Varnby and Yorbow. \
             Grand Development was the theme.",
        );
        let towns = ["Zorbton", "Quxville", "Zedburg", "Varnby", "Yorbow"];
        let rules: Vec<Candidate> = towns
            .iter()
            .map(|t| candidate(&doc, t, Kind::City, Rank::Listed))
            .collect();
        let mut read: Vec<Tagged> = towns
            .iter()
            .map(|t| read_span(&doc, t, Coarse::Location))
            .collect();
        for name in ["Quxan Zorbassoum", "Grand Development"] {
            let mut person = read_span(&doc, name, Coarse::Person);
            person.confidence = 0.5;
            read.push(person);
        }
        let got = kept_kinds(&doc, rules, &read);
        assert!(
            got.contains(&("Quxan Zorbassoum".to_string(), Kind::Person)),
            "{got:?}"
        );
        assert!(
            !got.iter().any(|(n, _)| n == "Grand Development"),
            "{got:?}"
        );
    }

    #[test]
    fn a_listed_place_before_based_stays_the_place_whatever_the_tagger_reads() {
        // "The Zorbton-based firm": CoNLL's annotators call the adjective MISC; the
        // place is still named.
        let doc = Doc::new("The Zorbton-based firm hired staff.");
        let town = candidate(&doc, "Zorbton", Kind::City, Rank::Listed);
        let got = kept_kinds(
            &doc,
            vec![town],
            &[read_span(&doc, "Zorbton", Coarse::Other)],
        );
        assert_eq!(got, vec![("Zorbton".to_string(), Kind::City)]);
    }

    #[test]
    fn a_word_read_more_surely_as_another_name_elsewhere_is_no_body() {
        // "Internet" read once as an organisation (0.3) and once as another kind of
        // name (0.5): no organisation named "Internet".
        let doc = Doc::new("The Internet grew. Quxo Zorbnet runs part of the Internet today.");
        let at: Vec<usize> = doc.body.match_indices("Internet").map(|(i, _)| i).collect();
        let word = |start: usize, coarse: Coarse, confidence: f32| {
            let first = doc
                .tokens
                .iter()
                .position(|t| t.start == start)
                .expect("token");
            Tagged {
                first,
                last: first,
                coarse,
                confidence,
            }
        };
        let got = kept_kinds(
            &doc,
            vec![],
            &[
                word(at[0], Coarse::Organisation, 0.3),
                word(at[1], Coarse::Other, 0.5),
            ],
        );
        assert!(got.is_empty(), "{got:?}");
        // Read more surely as an organisation, it is one.
        let got = kept_kinds(
            &doc,
            vec![],
            &[
                word(at[0], Coarse::Organisation, 0.6),
                word(at[1], Coarse::Other, 0.5),
            ],
        );
        assert!(got.iter().any(|(n, _)| n == "Internet"), "{got:?}");
    }

    #[test]
    fn a_name_read_as_two_kinds_takes_the_kind_its_mentions_are_surest_of_together() {
        let doc = Doc::new("Zorbsk grew. Zorbsk built roads. Zorbsk Mining hired.");
        let at: Vec<usize> = doc.body.match_indices("Zorbsk").map(|(i, _)| i).collect();
        let added = |start: usize, kind: Kind| Candidate {
            start,
            end: start + 6,
            kind,
            name: "Zorbsk".to_string(),
            rank: Rank::Context,
            population: 0,
            nestable: false,
        };
        // Two readings as a town (0.6 each) outweigh one surer reading as a firm.
        let mut kept = vec![
            added(at[0], Kind::City),
            added(at[1], Kind::City),
            added(at[2], Kind::Firm),
        ];
        one_kind_per_name(&mut kept, &[0.6, 0.6, 0.9]);
        assert!(kept.iter().all(|c| c.kind == Kind::City), "{kept:?}");
        // One reading against one: the surer wins.
        let mut kept = vec![added(at[0], Kind::City), added(at[2], Kind::Firm)];
        one_kind_per_name(&mut kept, &[0.6, 0.9]);
        assert!(kept.iter().all(|c| c.kind == Kind::Firm), "{kept:?}");
    }

    #[test]
    fn compass_points_and_links_between_places_are_no_towns() {
        let doc = Doc::new("Power flows from the West along the Beijing-Zorbton line.");
        for text in ["West", "Beijing-Zorbton"] {
            let t = read_span(&doc, text, Coarse::Location);
            assert_eq!(fine_kind(&doc, &t), None, "{text}");
        }
    }

    #[test]
    fn a_photo_credit_glued_to_a_name_by_a_slash_is_the_name_a_rule_found() {
        let doc = Doc::new("The port at dusk. [Quan Zorbo/Example.org]");
        let t = read_span(&doc, "Quan Zorbo/Example.org", Coarse::Person);
        let person = candidate(&doc, "Quan Zorbo", Kind::Person, Rank::Person);
        assert!(covered(&doc, &t, range(&doc, &t), &[person]));
    }

    #[test]
    fn a_company_head_word_alone_is_no_name() {
        assert!(not_a_name("Technology"));
        assert!(not_a_name("Group"));
        assert!(not_a_name("Committee"));
        assert!(not_a_name("Sixth") && !not_a_name("Sixth Avenue Partners"));
        assert!(indefinite_head("to build a ", "Metropolitan Area"));
        assert!(!indefinite_head(
            "to build the ",
            "Zorbton Metropolitan Area"
        ));
        assert!(!indefinite_head("to build a ", "Zorbton Metropolitan Area"));
        assert!(!not_a_name("Parliament"));
        assert!(!not_a_name("Zorbtech"));
        assert!(!not_a_name("Congress"));
    }

    #[test]
    fn an_english_word_in_capitals_read_as_a_name_is_doubtful() {
        let doc = Doc::new("Then comes the IMPLEMENT stage, where NASA and ZQXL hire staff.");
        let implement = read_as(Coarse::Organisation, token_of(&doc, "IMPLEMENT"));
        assert!(doubtful_word(&doc, &implement, &[]));
        for name in ["NASA", "ZQXL"] {
            let t = read_as(Coarse::Organisation, token_of(&doc, name));
            assert!(!doubtful_word(&doc, &t, &[]), "{name}");
        }
    }

    fn listed_firm(doc: &Doc, word: &str) -> Candidate {
        let t = &doc.tokens[token_of(doc, word)];
        Candidate {
            start: t.start,
            end: t.end,
            kind: Kind::Firm,
            name: word.to_string(),
            rank: Rank::Listed,
            population: 0,
            nestable: false,
        }
    }

    #[test]
    fn firms_side_by_side_read_whole_are_one_firm() {
        let doc = Doc::new("Analysts at Quxo Brox said shares of Zorbu and Quxo rose.");
        let whole = Tagged {
            first: token_of(&doc, "Quxo"),
            last: token_of(&doc, "Brox"),
            coarse: Coarse::Organisation,
            confidence: 2.0,
        };
        let r = range(&doc, &whole);
        let parts = [listed_firm(&doc, "Quxo"), listed_firm(&doc, "Brox")];
        assert!(!covered(&doc, &whole, r, &parts));
        // Parts another rule found (a head word, a context) make one firm too.
        let mut found = listed_firm(&doc, "Brox");
        found.rank = Rank::Context;
        assert!(!covered(
            &doc,
            &whole,
            r,
            &[listed_firm(&doc, "Quxo"), found]
        ));
        // Two firms joined by "and" read as one name are still two.
        let both = Tagged {
            first: token_of(&doc, "Zorbu"),
            last: doc
                .tokens
                .iter()
                .rposition(|t| t.text(doc.body) == "Quxo")
                .unwrap_or(0),
            ..whole
        };
        let r = range(&doc, &both);
        let (zorbu, mut quxo) = (listed_firm(&doc, "Zorbu"), listed_firm(&doc, "Quxo"));
        let last = &doc.tokens[both.last];
        (quxo.start, quxo.end) = (last.start, last.end);
        assert!(covered(&doc, &both, r, &[zorbu, quxo]));
    }

    fn tagged(doc: &Doc, first: &str, last: &str, coarse: Coarse) -> Tagged {
        Tagged {
            first: token_of(doc, first),
            last: token_of(doc, last),
            coarse,
            confidence: 1.0,
        }
    }

    /// A candidate over `len` bytes from `start`, named `name`.
    fn span_at(start: usize, len: usize, kind: Kind, name: &str, rank: Rank) -> Candidate {
        Candidate {
            start,
            end: start + len,
            kind,
            name: name.to_string(),
            rank,
            population: 0,
            nestable: false,
        }
    }

    fn candidate(doc: &Doc, text: &str, kind: Kind, rank: Rank) -> Candidate {
        let start = doc.body.find(text).expect("text in the body");
        Candidate {
            start,
            end: start + text.len(),
            kind,
            name: text.to_string(),
            rank,
            population: 0,
            nestable: true,
        }
    }

    #[test]
    fn an_item_of_a_list_of_firms_stays_a_firm_whatever_the_tagger_reads() {
        let doc = Doc::new(
            "Big enterprises: Zorbco group, Walter Brown International and many other famous \
             firms have settled here.",
        );
        let name = "Walter Brown International";
        let rules = vec![candidate(&doc, name, Kind::Firm, Rank::Context)];
        let tagged = [read_span(&doc, name, Coarse::Person)];
        assert_eq!(
            kept_kinds(&doc, rules, &tagged),
            [(name.to_string(), Kind::Firm)]
        );
        // Without the closing words the tagger's person stands.
        let doc = Doc::new("Big enterprises: Zorbco group, Walter Brown International and others.");
        let rules = vec![candidate(&doc, name, Kind::Firm, Rank::Context)];
        let tagged = [read_span(&doc, name, Coarse::Person)];
        assert!(!kept_kinds(&doc, rules, &tagged).contains(&(name.to_string(), Kind::Firm)));
    }

    #[test]
    fn newspapers_occupations_and_ships_read_as_people_are_fixed() {
        let doc = Doc::new(
            "Broker Zorbo Quxley said so to Die Zorbzeit. The aircraft carrier Zarl \
             Quxson sailed. The Zarl Quxson leads, and Quxson is big.",
        );
        let mut kept = vec![
            candidate(&doc, "Broker Zorbo Quxley", Kind::Person, Rank::Context),
            candidate(&doc, "Die Zorbzeit", Kind::Person, Rank::Context),
            candidate(&doc, "Zarl Quxson", Kind::Person, Rank::Context),
            candidate(&doc, "Quxson is", Kind::Person, Rank::Context),
        ];
        kept[3].name = "Quxson".to_string();
        people_names_fixed(&doc, &mut kept);
        let got: Vec<(&str, Kind)> = kept.iter().map(|c| (c.name.as_str(), c.kind)).collect();
        assert_eq!(
            got,
            [("Zorbo Quxley", Kind::Person), ("Die Zorbzeit", Kind::Firm)]
        );
        assert_eq!(&doc.body[kept[0].start..kept[0].end], "Zorbo Quxley");
    }

    #[test]
    fn a_head_word_alone_names_no_company_and_a_unit_word_alone_nothing() {
        let doc = Doc::new("");
        assert!(lone_head(&doc, "Federation", Kind::Firm));
        assert!(!lone_head(&doc, "Federation", Kind::Org));
        assert!(lone_head(&doc, "City", Kind::Org));
        assert!(!lone_head(&doc, "Zorbco", Kind::Firm));
        assert!(!lone_head(&doc, "Zorbco Federation", Kind::Firm));
    }

    #[test]
    fn a_hyphenated_given_name_stands_against_an_other_reading() {
        let doc = Doc::new("The mayor, Mr. Zorbu Qing-ping, took part.");
        let name = "Zorbu Qing-ping";
        let rules = vec![candidate(&doc, name, Kind::Person, Rank::Person)];
        let tagged = [read_span(&doc, "Zorbu Qing", Coarse::Other)];
        assert_eq!(
            kept_kinds(&doc, rules, &tagged),
            [(name.to_string(), Kind::Person)]
        );
        // Without the hyphen the other reading still vetoes.
        let doc = Doc::new("The mayor, Mr. Zorbu Qingping, took part.");
        let name = "Zorbu Qingping";
        let rules = vec![candidate(&doc, name, Kind::Person, Rank::Person)];
        let tagged = [read_span(&doc, name, Coarse::Other)];
        assert!(!kept_kinds(&doc, rules, &tagged).contains(&(name.to_string(), Kind::Person)));
    }

    #[test]
    fn two_bodies_joined_by_and_each_with_its_head_are_two() {
        let text = "Zorbton Taiwan Affairs Office and People's Government of Quxi District";
        let doc = Doc::new(
            "Hosted by the Zorbton Taiwan Affairs Office and People's Government of Quxi District, the fair opened.",
        );
        let mut kept = vec![candidate(&doc, text, Kind::Org, Rank::Head)];
        split_joined_bodies(&doc, &mut kept);
        let names: Vec<&str> = kept.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Zorbton Taiwan Affairs Office",
                "People's Government of Quxi District"
            ]
        );
        let text = "Ministry of Industry and Information Technology";
        let doc = Doc::new("The Ministry of Industry and Information Technology said so.");
        let mut kept = vec![candidate(&doc, text, Kind::Org, Rank::Head)];
        split_joined_bodies(&doc, &mut kept);
        assert_eq!(kept.len(), 1);
        // Two companies, each closed by a legal form.
        let text = "Zorb Energy Investment Corp and Quxa Power Investment Corp";
        let doc =
            Doc::new("Deals with Zorb Energy Investment Corp and Quxa Power Investment Corp.");
        let mut kept = vec![candidate(&doc, text, Kind::Firm, Rank::Head)];
        split_joined_bodies(&doc, &mut kept);
        let names: Vec<&str> = kept.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            ["Zorb Energy Investment Corp", "Quxa Power Investment Corp"]
        );
        // One legal form closing both: one company.
        let text = "Zorb Energy and Quxa Power Investment Corp";
        let doc = Doc::new("Deals with Zorb Energy and Quxa Power Investment Corp.");
        let mut kept = vec![candidate(&doc, text, Kind::Firm, Rank::Head)];
        split_joined_bodies(&doc, &mut kept);
        assert_eq!(kept.len(), 1);
        // A body and a company: the body an organisation, the company a firm.
        let text = "Zorb Resources Bureau and Quxa Power Company";
        let doc = Doc::new("Staff of Zorb Resources Bureau and Quxa Power Company met.");
        let mut kept = vec![candidate(&doc, text, Kind::Firm, Rank::Head)];
        split_joined_bodies(&doc, &mut kept);
        let got: Vec<(&str, Kind)> = kept.iter().map(|c| (c.name.as_str(), c.kind)).collect();
        assert_eq!(
            got,
            [
                ("Zorb Resources Bureau", Kind::Org),
                ("Quxa Power Company", Kind::Firm)
            ]
        );
    }

    #[test]
    fn a_persons_title_inside_a_places_name_makes_it_no_place() {
        assert!(office_title("South Zorbian President Park"));
        assert!(office_title("Executive Deputy District"));
        assert!(!office_title("Zorbton Industrial Park"));
        assert!(!office_title("President"));
    }

    #[test]
    fn the_city_of_a_town_read_as_a_body_is_the_town() {
        let doc = Doc::new("A zone in the southern City of Zorbton. Zorbton grew fast.");
        let mut kept = vec![
            candidate(&doc, "City of Zorbton", Kind::Firm, Rank::Context),
            candidate(&doc, "Zorbton grew", Kind::City, Rank::Context),
        ];
        kept[1].name = "Zorbton".to_string();
        city_of_town(&doc, &mut kept);
        assert_eq!(
            (kept[0].kind, kept[0].name.as_str()),
            (Kind::City, "Zorbton")
        );
        // Not a town the article or a list knows: left alone.
        let doc = Doc::new("A zone in the southern City of Quxbridge.");
        let mut kept = vec![candidate(
            &doc,
            "City of Quxbridge",
            Kind::Firm,
            Rank::Context,
        )];
        city_of_town(&doc, &mut kept);
        assert_eq!(kept[0].kind, Kind::Firm);
    }

    #[test]
    fn a_listed_place_the_tagger_split_in_two_stands() {
        // "ZORBU CITY" read as an organisation "ZORBU" and a person "CITY": the
        // gazetteer's two-word place is not vetoed by the pieces inside it.
        let doc = Doc::new("ZORBU CITY 1996-08-30\nShares of Quxo rose.");
        let place = candidate(&doc, "ZORBU CITY", Kind::City, Rank::ListedLong);
        let pieces = [
            tagged(&doc, "ZORBU", "ZORBU", Coarse::Organisation),
            tagged(&doc, "CITY", "CITY", Coarse::Person),
        ];
        let kept = reconcile(&doc, vec![place], &pieces);
        let chosen = super::super::resolve::select(kept);
        let names: Vec<(&str, Kind)> = chosen
            .iter()
            .map(|c| (c.candidate.name.as_str(), c.candidate.kind))
            .collect();
        assert_eq!(names, [("ZORBU CITY", Kind::City)]);
        // A firm's listed name is still vetoed by a reading of its words as others.
        let firm = candidate(&doc, "ZORBU CITY", Kind::Firm, Rank::ListedLong);
        let people = [
            tagged(&doc, "ZORBU", "ZORBU", Coarse::Person),
            tagged(&doc, "CITY", "CITY", Coarse::Person),
        ];
        let kept = reconcile(&doc, vec![firm], &people);
        assert!(kept.iter().all(|c| c.rank != Rank::ListedLong), "{kept:?}");
    }

    /// The kind `fine_kind` gives a place the tagger read over `first..=last`
    /// with the given confidence.
    fn place_kind(doc: &Doc, first: &str, last: &str, confidence: f32) -> Option<Kind> {
        let t = Tagged {
            confidence,
            ..tagged(doc, first, last, Coarse::Location)
        };
        fine_kind(doc, &t).map(|(kind, _)| kind)
    }

    #[test]
    fn an_unlisted_town_the_tagger_is_unsure_of_is_a_town_unless_its_words_say_otherwise() {
        let doc = Doc::new(
            "Troops entered Zorvaki and Quxbury. Glenn Quxo's Zedland lost in China Quxhall.",
        );
        // An unlisted town read with middling confidence is a town ...
        assert_eq!(
            place_kind(&doc, "Zorvaki", "Zorvaki", 0.3),
            Some(Kind::City)
        );
        // ... not when the tagger barely prefers it to no name.
        assert_eq!(place_kind(&doc, "Quxbury", "Quxbury", 0.1), None);
        // A team named after its coach, a name a listed country qualifies: no towns.
        assert_eq!(place_kind(&doc, "Glenn", "Zedland", 0.3), None);
        assert_eq!(place_kind(&doc, "China", "Quxhall", 0.3), None);
    }

    #[test]
    fn a_compass_word_before_a_listed_place_is_a_region_of_a_country_or_no_name() {
        let doc = Doc::new("Zorbu opened plants in Southeast Sichuan and in Northern China.");
        // "Southeast Sichuan" is the province described; the rules name Sichuan.
        assert_eq!(place_kind(&doc, "Southeast", "Sichuan", 1.0), None);
        assert_eq!(
            place_kind(&doc, "Northern", "China", 0.3),
            Some(Kind::Region)
        );
    }

    #[test]
    fn a_legal_form_alone_is_no_name() {
        let doc = Doc::new("Zorbu Holdings said Ltd shares rose at Quxo Co.");
        let ltd = tagged(&doc, "Ltd", "Ltd", Coarse::Location);
        let kept = reconcile(&doc, Vec::new(), &[ltd]);
        assert!(kept.is_empty(), "{kept:?}");
    }

    #[test]
    fn a_person_named_in_full_is_added_where_the_rules_explain_the_article() {
        let doc = Doc::new("Zorbu, Quxo, Brax, Velk and Marn met Trevor Quxholm and Grand Vorn.");
        let firms = ["Zorbu", "Quxo", "Brax", "Velk", "Marn"];
        let rules: Vec<Candidate> = firms
            .iter()
            .map(|w| candidate(&doc, w, Kind::Firm, Rank::Listed))
            .collect();
        let mut read: Vec<Tagged> = firms
            .iter()
            .map(|w| tagged(&doc, w, w, Coarse::Organisation))
            .collect();
        // Middling confidence: below what an addition needs where the rules
        // already explain most names.
        for (first, last) in [("Trevor", "Quxholm"), ("Grand", "Vorn")] {
            read.push(Tagged {
                confidence: 0.5,
                ..tagged(&doc, first, last, Coarse::Person)
            });
        }
        let kept = reconcile(&doc, rules, &read);
        let people: Vec<&str> = kept
            .iter()
            .filter(|c| c.kind == Kind::Person)
            .map(|c| c.name.as_str())
            .collect();
        // A listed first name opens a person's name; "Grand Vorn", led by an English
        // word, stays doubtful (a name in words no dictionary holds would not be).
        assert_eq!(people, ["Trevor Quxholm"]);
    }

    #[test]
    fn a_listed_place_in_capitals_opening_a_dateline_is_the_place_not_a_body() {
        let doc = Doc::new("NINGBO Oct. 23(www.example.com) reported by Zorb Quxian Work began.");
        let t = read_span(&doc, "NINGBO", Coarse::Organisation);
        assert_eq!(
            fine_kind(&doc, &t),
            Some((Kind::City, "Ningbo".to_string()))
        );
        // A team named after its town opening a line of results stays a body.
        let doc = Doc::new("Third place:\nNingbo (China) 75 Zorbton (Quxland) 70");
        let t = read_span(&doc, "Ningbo", Coarse::Organisation);
        assert_ne!(fine_kind(&doc, &t).map(|k| k.0), Some(Kind::City));
        // Not a dateline: an acronym-like word mid-sentence stays a body.
        let doc = Doc::new("Work began as NINGBO said on Oct. 23.");
        let t = read_span(&doc, "NINGBO", Coarse::Organisation);
        assert_eq!(fine_kind(&doc, &t).map(|k| k.0), Some(Kind::Org));
    }

    #[test]
    fn initials_before_a_listed_country_are_its_title_not_a_person() {
        let doc = Doc::new("Projects started in Zorbton, P. R. China, on Monday.");
        let t = read_span(&doc, "P. R. China", Coarse::Person);
        assert_eq!(
            fine_kind(&doc, &t),
            Some((Kind::Country, "China".to_string()))
        );
        let doc = Doc::new("Projects started, said J. R. Zorbton on Monday.");
        let t = read_span(&doc, "J. R. Zorbton", Coarse::Person);
        assert_eq!(fine_kind(&doc, &t).map(|k| k.0), Some(Kind::Person));
    }

    #[test]
    fn an_event_named_after_a_list_of_places_names_the_whole_list() {
        let doc = Doc::new(
            "At the Third Zorbia, Quxland and Hong Kong Economic Cooperation Week, deals were signed.",
        );
        let week = candidate(
            &doc,
            "Hong Kong Economic Cooperation Week",
            Kind::Event,
            Rank::Head,
        );
        let mut kept = vec![week];
        extend_event_lists(&doc, &mut kept);
        assert_eq!(
            kept[0].name,
            "Third Zorbia, Quxland and Hong Kong Economic Cooperation Week"
        );
        // "A and B" without a comma is no list the rule trusts.
        let doc = Doc::new("Firms from Quxland and Hong Kong Economic Cooperation Week came.");
        let week = candidate(
            &doc,
            "Hong Kong Economic Cooperation Week",
            Kind::Event,
            Rank::Head,
        );
        let mut kept = vec![week];
        extend_event_lists(&doc, &mut kept);
        assert_eq!(kept[0].name, "Hong Kong Economic Cooperation Week");
    }

    #[test]
    fn a_determiner_before_a_head_word_names_nothing() {
        assert!(determined_head("Whole Province", Kind::Region));
        assert!(determined_head("Every Zone", Kind::Zone));
        assert!(!determined_head("Zorbu Province", Kind::Region));
        assert!(!determined_head("All Zorbu Airways", Kind::Firm));
    }

    #[test]
    fn a_name_listed_with_a_town_is_a_town() {
        let doc = Doc::new("The zone spans areas in Wuhan, Quxgos and Zorbu.");
        let wuhan = candidate(&doc, "Wuhan", Kind::City, Rank::Listed);
        let kept = vec![wuhan];
        let quxgos = Tagged {
            confidence: 0.44,
            ..read_span(&doc, "Quxgos", Coarse::Other)
        };
        assert_eq!(coordinated_place(&doc, &quxgos, &kept), Some(Kind::City));
        // Two names away from the town: not listed with it.
        let zorbu = read_span(&doc, "Zorbu", Coarse::Other);
        assert_eq!(coordinated_place(&doc, &zorbu, &kept), None);
        // A body is no place, whatever it is listed with.
        let body = read_span(&doc, "Quxgos", Coarse::Organisation);
        assert_eq!(coordinated_place(&doc, &body, &kept), None);
    }

    #[test]
    fn an_event_after_a_quoted_theme_names_the_theme_and_the_place_before_it() {
        let doc = Doc::new(
            "The Zorbton \u{201c}Artificial Intelligence + Manufacturing\u{201d} Industry Exchange Conference took place.",
        );
        let event = candidate(
            &doc,
            "Industry Exchange Conference",
            Kind::Event,
            Rank::Head,
        );
        let mut kept = vec![event];
        extend_event_themes(&doc, &mut kept);
        assert_eq!(
            kept[0].name,
            "Zorbton \u{201c}Artificial Intelligence + Manufacturing\u{201d} Industry Exchange Conference"
        );
        // A quoted remark in lower case is no theme.
        let doc =
            Doc::new("He called it \u{201c}a good idea\u{201d} Industry Exchange Conference.");
        let event = candidate(
            &doc,
            "Industry Exchange Conference",
            Kind::Event,
            Rank::Head,
        );
        let mut kept = vec![event];
        extend_event_themes(&doc, &mut kept);
        assert_eq!(kept[0].name, "Industry Exchange Conference");
    }

    /// The kind `fine_kind` gives `span` of `body` read as `coarse`.
    fn kind_read(body: &str, span: &str, coarse: Coarse) -> Option<Kind> {
        let doc = Doc::new(body);
        fine_kind(&doc, &read_span(&doc, span, coarse)).map(|k| k.0)
    }

    #[test]
    fn a_brand_before_a_country_and_a_place_before_unheaded_words_are_firms() {
        let body = "It ranked fifth, said Zorbex China, in a survey of Wuhan Quxing Aircraft by Greater China.";
        let firm = Some(Kind::Firm);
        assert_eq!(kind_read(body, "Zorbex China", Coarse::Location), firm);
        assert_ne!(kind_read(body, "Greater China", Coarse::Location), firm);
        assert_eq!(
            kind_read(body, "Wuhan Quxing Aircraft", Coarse::Organisation),
            firm
        );
        // A body's head word keeps a place-led name a body.
        let body = "It ranked fifth, said the Wuhan Quxing Bureau.";
        assert_eq!(
            kind_read(body, "Wuhan Quxing Bureau", Coarse::Organisation),
            Some(Kind::Org)
        );
    }

    #[test]
    fn a_common_word_read_into_a_place_is_the_place_and_numbered_parts_are_no_names() {
        let doc = Doc::new("Kunming \u{2013} As China deepened its ties, trade grew.");
        let t = read_span(&doc, "As China", Coarse::Location);
        assert_eq!(
            fine_kind(&doc, &t),
            Some((Kind::Country, "China".to_string()))
        );
        assert!(numbered_part("Third Session"));
        assert!(!numbered_part("First Solar"));
    }

    #[test]
    fn a_name_ending_in_a_trade_word_is_no_person() {
        let body = "Zorbi Robot and Quan Zorbo signed with the company.";
        assert_eq!(
            kind_read(body, "Zorbi Robot", Coarse::Person),
            Some(Kind::Firm)
        );
        assert_eq!(
            kind_read(body, "Quan Zorbo", Coarse::Person),
            Some(Kind::Person)
        );
        for name in ["Guy Forget", "P. Such"] {
            let body = "Guy Forget and P. Such won.";
            assert_eq!(kind_read(body, name, Coarse::Person), Some(Kind::Person));
        }
    }

    #[test]
    fn programmes_and_a_company_organs_are_no_names() {
        assert!(names_a_programme("Road Initiative"));
        assert!(names_a_programme("Zorb Renovation Project of Old Areas"));
        assert!(names_a_programme("Quxian Hub Project"));
        assert!(names_a_programme(
            "Smart Manufacturing Project for Zorb Ships"
        ));
        assert!(names_a_programme("Cooperation Framework Agreement"));
        assert!(!names_a_programme("Zorb Fund for Children"));
        let doc = Doc::new("Central and Local Enterprises met Zorbu Enterprises.");
        assert!(names_a_class_of_firms(&doc, "Local Enterprises"));
        assert!(!names_a_class_of_firms(&doc, "Zorbu Enterprises"));
        assert!(!names_a_programme("Zorb Logistics"));
        assert!(generic_body("Board of Directors met", 18));
        assert!(generic_body("Board of Directors met", 5));
        assert!(!generic_body("Board of Trade met", 14));
    }

    #[test]
    fn the_year_or_edition_before_an_event_is_part_of_its_name() {
        let doc = Doc::new("Firms came to the 2004 Zorbton Trade Symposium in May 2004.");
        let event = candidate(&doc, "Zorbton Trade Symposium", Kind::Event, Rank::Head);
        let mut kept = vec![event];
        extend_event_years(&doc, &mut kept);
        assert_eq!(kept[0].name, "2004 Zorbton Trade Symposium");
        let doc = Doc::new("Of the 2500 Zorbton Trade Symposium guests, most left.");
        let event = candidate(&doc, "Zorbton Trade Symposium", Kind::Event, Rank::Head);
        let mut kept = vec![event];
        extend_event_years(&doc, &mut kept);
        assert_eq!(kept[0].name, "Zorbton Trade Symposium");
        let doc = Doc::new("Firms came to the 18th Zorbton Trade Symposium in May.");
        let event = candidate(&doc, "Zorbton Trade Symposium", Kind::Event, Rank::Head);
        let mut kept = vec![event];
        extend_event_years(&doc, &mut kept);
        assert_eq!(kept[0].name, "18th Zorbton Trade Symposium");
        let doc = Doc::new("Firms came to the Third Zorbton Trade Symposium in May.");
        let event = candidate(&doc, "Zorbton Trade Symposium", Kind::Event, Rank::Head);
        let mut kept = vec![event];
        extend_event_years(&doc, &mut kept);
        assert_eq!(kept[0].name, "Third Zorbton Trade Symposium");
        let doc = Doc::new("Firms came to the third Zorbton Trade Symposium in May.");
        let event = candidate(&doc, "Zorbton Trade Symposium", Kind::Event, Rank::Head);
        let mut kept = vec![event];
        extend_event_years(&doc, &mut kept);
        assert_eq!(kept[0].name, "Zorbton Trade Symposium");
    }

    #[test]
    fn a_name_before_a_landform_names_the_landform() {
        let doc = Doc::new("");
        assert!(place_of_place(&doc, "Springfield of Texas"));
        assert!(!place_of_place(&doc, "Bank of Texas"));
        assert!(names_a_landform(" delta area, among them"));
        assert!(!names_a_landform(" Delta Air"));
        assert!(!names_a_landform(" deltas"));
    }

    #[test]
    fn a_name_before_a_number_of_companies_names_a_ranking() {
        assert!(names_a_ranking(" 500 companies, a sign"));
        assert!(names_a_ranking(" 100 enterprises."));
        assert!(!names_a_ranking(" 500 yuan"));
        assert!(!names_a_ranking(", 500 companies"));
        assert!(!names_a_ranking(" signed"));
    }

    #[test]
    fn a_dateline_in_capitals_is_not_doubtful() {
        let doc = Doc::new("WELLINGTON, Nov 20 (Reuters) - Shares fell.");
        let town = read_as(Coarse::Location, 0);
        assert!(dateline_head(&doc, &town));
        assert!(!doubtful_word(&doc, &town, &[]));
    }
}
