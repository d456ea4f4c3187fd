//! Closed word lists the rules share: head words per kind, titles, function words,
//! speech verbs, months. General English and naming conventions, nothing from any article.

use super::Kind;
use super::fxhash::FxHashSet;

/// Head phrases (lower case, last word last) that make a capitalised span an entity.
/// Longer phrases are listed before the shorter ones they end with.
pub const HEADS: &[(&[&str], Kind)] = &[
    (&["leading", "group"], Kind::Org),
    (&["working", "group"], Kind::Org),
    (&["expert", "group"], Kind::Org),
    (&["consulate", "general"], Kind::Org),
    (&["news", "agency"], Kind::Firm),
    (&["science", "city"], Kind::Zone),
    (&["technology", "city"], Kind::Zone),
    (&["tech", "city"], Kind::Zone),
    (&["innovation", "city"], Kind::Zone),
    (&["knowledge", "city"], Kind::Zone),
    (&["science", "valley"], Kind::Zone),
    (&["technology", "valley"], Kind::Zone),
    (&["tech", "valley"], Kind::Zone),
    (&["innovation", "valley"], Kind::Zone),
    (&["new", "area"], Kind::Zone),
    (&["development", "area"], Kind::Zone),
    (&["port", "area"], Kind::Zone),
    (&["business", "district"], Kind::Zone),
    (&["stock", "exchange"], Kind::Org),
    (&["new", "district"], Kind::Zone),
    (&["new", "town"], Kind::Zone),
    (&["bay", "area"], Kind::Region),
    (&["metropolitan", "area"], Kind::Region),
    (&["economic", "belt"], Kind::Region),
    (&["economic", "circle"], Kind::Region),
    (&["autonomous", "region"], Kind::Region),
    (&["autonomous", "prefecture"], Kind::Region),
    (&["autonomous", "county"], Kind::Region),
    (&["zone"], Kind::Zone),
    (&["zones"], Kind::Zone),
    (&["park"], Kind::Zone),
    (&["parks"], Kind::Zone),
    (&["base"], Kind::Zone),
    (&["campus"], Kind::Zone),
    (&["port"], Kind::Zone),
    (&["corridor"], Kind::Zone),
    (&["bridge"], Kind::Zone),
    (&["valley"], Kind::Region),
    (&["delta"], Kind::Region),
    (&["coast"], Kind::Region),
    (&["plateau"], Kind::Region),
    (&["basin"], Kind::Region),
    (&["peninsula"], Kind::Region),
    (&["river"], Kind::Region),
    (&["lake"], Kind::Region),
    (&["sea"], Kind::Region),
    (&["mountains"], Kind::Region),
    (&["strait"], Kind::Region),
    (&["gulf"], Kind::Region),
    (&["bay"], Kind::Region),
    (&["province"], Kind::Region),
    (&["district"], Kind::Region),
    (&["county"], Kind::Region),
    (&["prefecture"], Kind::Region),
    (&["township"], Kind::Region),
    (&["village"], Kind::Region),
    (&["sub", "district"], Kind::Region),
    (&["subdistrict"], Kind::Region),
    (&["university"], Kind::Org),
    (&["institute"], Kind::Org),
    (&["academy"], Kind::Org),
    (&["college"], Kind::Org),
    (&["school"], Kind::Org),
    (&["ministry"], Kind::Org),
    (&["committee"], Kind::Org),
    (&["commission"], Kind::Org),
    (&["bureau"], Kind::Org),
    (&["administration"], Kind::Org),
    (&["association"], Kind::Org),
    (&["federation"], Kind::Org),
    (&["council"], Kind::Org),
    (&["department"], Kind::Org),
    (&["agency"], Kind::Org),
    (&["authority"], Kind::Org),
    (&["government"], Kind::Org),
    (&["congress"], Kind::Org),
    (&["party"], Kind::Org),
    (&["consulate"], Kind::Org),
    (&["embassy"], Kind::Org),
    (&["court"], Kind::Org),
    (&["procuratorate"], Kind::Org),
    (&["society"], Kind::Org),
    (&["foundation"], Kind::Org),
    (&["laboratory"], Kind::Org),
    (&["lab"], Kind::Org),
    (&["research"], Kind::Org),
    (&["center"], Kind::Org),
    (&["centre"], Kind::Org),
    (&["hospital"], Kind::Org),
    (&["alliance"], Kind::Org),
    (&["chamber"], Kind::Org),
    (&["museum"], Kind::Org),
    (&["platform"], Kind::Org),
    (&["organization"], Kind::Org),
    (&["organisation"], Kind::Org),
    (&["union"], Kind::Org),
    (&["army"], Kind::Org),
    (&["newsroom"], Kind::Org),
    (&["co"], Kind::Firm),
    (&["company"], Kind::Firm),
    (&["corp"], Kind::Firm),
    (&["corporation"], Kind::Firm),
    (&["inc"], Kind::Firm),
    (&["ltd"], Kind::Firm),
    (&["limited"], Kind::Firm),
    (&["llc"], Kind::Firm),
    (&["plc"], Kind::Firm),
    (&["group"], Kind::Firm),
    (&["holdings"], Kind::Firm),
    (&["holding"], Kind::Firm),
    (&["technology"], Kind::Firm),
    (&["technologies"], Kind::Firm),
    (&["tech"], Kind::Firm),
    (&["electronics"], Kind::Firm),
    (&["motors"], Kind::Firm),
    (&["pharmaceutical"], Kind::Firm),
    (&["pharmaceuticals"], Kind::Firm),
    (&["bank"], Kind::Firm),
    (&["airlines"], Kind::Firm),
    (&["semiconductor"], Kind::Firm),
    (&["software"], Kind::Firm),
    (&["networks"], Kind::Firm),
    (&["telecom"], Kind::Firm),
    (&["communications"], Kind::Firm),
    (&["securities"], Kind::Firm),
    (&["insurance"], Kind::Firm),
    (&["ventures"], Kind::Firm),
    (&["media"], Kind::Firm),
    (&["entertainment"], Kind::Firm),
    (&["logistics"], Kind::Firm),
    (&["robotics"], Kind::Firm),
    (&["automotive"], Kind::Firm),
    (&["industries"], Kind::Firm),
    (&["solutions"], Kind::Firm),
    (&["investment"], Kind::Firm),
    (&["capital"], Kind::Firm),
    (&["management"], Kind::Firm),
    (&["fund"], Kind::Firm),
    (&["studios"], Kind::Firm),
    (&["airways"], Kind::Firm),
    // Newspapers ("Zorbton Daily", "Quxland Times"; not "Post": "Zorbton Post and
    // Telecommunications Administration").
    (&["daily"], Kind::Firm),
    (&["post"], Kind::Firm),
    (&["telegraph"], Kind::Firm),
    (&["times"], Kind::Firm),
    (&["herald"], Kind::Firm),
    (&["gazette"], Kind::Firm),
    (&["tribune"], Kind::Firm),
    (&["journal"], Kind::Firm),
    (&["expo"], Kind::Event),
    (&["exposition"], Kind::Event),
    (&["symposium"], Kind::Event),
    (&["summit"], Kind::Event),
    (&["forum"], Kind::Event),
    (&["conference"], Kind::Event),
    (&["fair"], Kind::Event),
    (&["festival"], Kind::Event),
    (&["exhibition"], Kind::Event),
    (&["olympics"], Kind::Event),
    (&["games"], Kind::Event),
    (&["week"], Kind::Event),
    (&["symposium"], Kind::Event),
    (&["convention"], Kind::Event),
    (&["meeting"], Kind::Event),
    (&["championship"], Kind::Event),
    (&["championships"], Kind::Event),
    (&["marathon"], Kind::Event),
];

/// Heads that may be followed by "of ..." as part of the name ("University of ...").
pub const OF_HEADS: &[&str] = &[
    "university",
    "institute",
    "academy",
    "ministry",
    "committee",
    "commission",
    "bureau",
    "department",
    "college",
    "school",
    "chamber",
    "federation",
    "association",
    "council",
    "administration",
    "office",
    "museum",
    "bank",
    "society",
    "embassy",
    "consulate",
    "agency",
    "authority",
    "center",
    "centre",
    "court",
    "government",
    "port",
    "congress",
    "union",
    "alliance",
    "laboratory",
    "group",
    "party",
    "forum",
    "organisation",
    "organization",
];

/// Heads that may be followed by "for"/"on" ("Leading Group for ...").
pub const FOR_HEADS: &[&str] = &[
    "group",
    "forum",
    "committee",
    "commission",
    "center",
    "centre",
    "office",
    "institute",
    "association",
    "council",
    "alliance",
    "foundation",
    "agency",
    "conference",
    "summit",
    "symposium",
    "seminar",
    "fair",
    "expo",
    "exposition",
    "exhibition",
];

/// Words that stand before a name without being part of it.
pub const TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Prof",
    "Professor",
    "Sir",
    "Madam",
    "Dame",
    "Lord",
    "President",
    "Vice",
    "Premier",
    "Prime",
    "Chairman",
    "Chairwoman",
    "Chair",
    "CEO",
    "CFO",
    "CTO",
    "COO",
    "Director",
    "Secretary",
    "Minister",
    "Governor",
    "Mayor",
    "Deputy",
    "Chief",
    "General",
    "Senator",
    "Ambassador",
    "Consul",
    "Founder",
    "Co-founder",
    "Member",
    "Executive",
    "Manager",
    "Head",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Reporter",
    "Editor",
    "Captain",
    "Judge",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Emperor",
    "Empress",
    "Sultan",
    "Emir",
    "Tsar",
    "Archbishop",
    "Bishop",
    "Cardinal",
    "Chancellor",
    "Rep",
    "Gen",
    "Col",
    "Lt",
    "St",
    "Senior",
    "Analyst",
    "Engineer",
    "Officer",
    "Commissioner",
    "Vice-president",
    "Vice-governor",
    "Vice-mayor",
    "Party",
    "Comrade",
];

/// Lower-case role nouns that, after a name and a comma, mark a person
/// ("X, president of ...") or, before "of", point at an organisation.
pub const ROLES: &[&str] = &[
    "president",
    "vice-president",
    "ceo",
    "founder",
    "co-founder",
    "chairman",
    "chairwoman",
    "director",
    "secretary",
    "minister",
    "governor",
    "vice-governor",
    "mayor",
    "vice-mayor",
    "head",
    "chief",
    "deputy",
    "vice",
    "manager",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "executive",
    "analyst",
    "professor",
    "researcher",
    "engineer",
    "member",
    "partner",
    "consul",
    "ambassador",
    "officer",
    "leader",
    "owner",
    "cto",
    "cfo",
    "coo",
    "general",
    "senior",
    "assistant",
    "associate",
    "dean",
    "editor",
    "reporter",
    "correspondent",
    "chair",
    "founding",
    "managing",
    "commissioner",
    "economist",
    "scientist",
    "expert",
];

/// Verbs of saying, around quoted speech.
pub const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "noted",
    "stated",
    "explained",
    "asked",
    "commented",
    "stressed",
    "argued",
    "believes",
    "remarked",
    "announced",
    "according",
];

/// Words that never start or belong to a name at the start of a sentence.
pub const FUNCTION_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "For",
    "With",
    "By",
    "From",
    "As",
    "Since",
    "When",
    "While",
    "If",
    "But",
    "And",
    "Or",
    "So",
    "Now",
    "Meanwhile",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "Their",
    "His",
    "Her",
    "Our",
    "We",
    "They",
    "He",
    "She",
    "It",
    "I",
    "You",
    "To",
    "Of",
    "After",
    "Before",
    "During",
    "Under",
    "Over",
    "Through",
    "Between",
    "Among",
    "Despite",
    "Although",
    "Though",
    "Because",
    "Also",
    "Yet",
    "Still",
    "Then",
    "There",
    "Here",
    "Both",
    "Each",
    "Every",
    "All",
    "Some",
    "Many",
    "Most",
    "Such",
    "Other",
    "Another",
    "What",
    "Which",
    "Who",
    "Where",
    "Why",
    "How",
    "Last",
    "Next",
    "Nearly",
    "About",
    "Around",
    "Unlike",
    "Like",
    "According",
    "Including",
    "Besides",
    "Moreover",
    "However",
    "Thus",
    "Indeed",
    "Currently",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Recently",
    "Already",
    "Only",
    "Even",
    "Just",
    "Not",
    "No",
    "Yes",
    "My",
    "Your",
    "Via",
    "Per",
    "Upon",
    "Within",
    "Without",
    "Across",
    "Along",
    "Against",
    "Toward",
    "Towards",
    "Into",
    "Onto",
    "Off",
    "Up",
    "Down",
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Finally",
    "Photo",
    "Cover",
    "Source",
    "Image",
    "Video",
    "File",
    "Read",
    "More",
    "See",
    "Click",
    "Share",
    "Updated",
    "Published",
    "Written",
    "Edited",
    "Posted",
    "Copyright",
    "Home",
    "News",
];

/// Abbreviations of common words, never names on their own.
pub const COMMON_ACRONYMS: &[&str] = &[
    "AI", "IT", "CEO", "CFO", "CTO", "COO", "GDP", "TV", "PC", "ID", "HR", "PR", "VR", "AR", "IoT",
    "API", "USB", "GPS", "ETF", "IPO", "ESG", "CPU", "GPU", "SUV", "EV", "EVs", "FDI", "PM", "AM",
    "OK", "DNA", "LED", "LCD", "OLED", "SME", "SMEs", "B2B", "B2C", "SEO", "CRM", "ERP", "SaaS",
    "FAQ", "GMT", "UTC", "NGO", "R&D", "VIP", "ATM", "IQ", "ICT", "SOE", "SOEs", "AIGC", "5G",
    "4G", "3D", "CBD", "RMB", "USD", "ICP", "PPP", "CPI", "PMI", "M&A", "Q1", "Q2", "Q3", "Q4",
    "H1", "H2", "YoY", "NEV", "NEVs", "LNG", "PhD", "MBA", "MSc", "PDF", "APIs", "HTML", "CSS",
    "JSON", "XML", "URL", "URLs", "HTTP", "HTTPS", "SQL", "RAM", "SSD", "HDD", "OS", "UI", "UX",
    "VPN", "DNS", "ISP", "SMS", "NFC", "QR", "PIN", "LTE", "HD", "4K", "GB", "TB", "MB", "KB",
    "CPUs", "GPUs", "PCs", "IPOs", "ETFs", "SUVs", "ATMs", "FAQs", "NGOs", "CEOs", "ISBN", "ISSN",
    "DOI", "Wi-Fi", "WiFi", "RSS", "PNG", "JPEG", "JPG", "GIF", "MP3", "MP4", "CSV", "FAQ", "TLDR",
    "FYI", "ASAP", "DIY", "GUI", "GUIs", "IDE", "IDEs", "SDK", "SDKs", "CLI", "CORS", "HDR", "SSL",
    "TLS", "DRM", "CMS", "LAN", "WAN",
];

/// Planets and large moons of the solar system (not Mars, Mercury or Venus, which
/// also name firms and people): no town, firm, body or person by themselves.
pub const CELESTIAL_BODIES: &[&str] = &[
    "Earth",
    "Jupiter",
    "Saturn",
    "Uranus",
    "Neptune",
    "Pluto",
    "Europa",
    "Ganymede",
    "Callisto",
    "Enceladus",
];

/// Units of measure written after a number ("512GB", "60 kWh"): never a name.
pub const UNITS: &[&str] = &[
    "gb", "tb", "mb", "kb", "pb", "gbps", "mbps", "ghz", "mhz", "khz", "hz", "kwh", "mwh", "gwh",
    "twh", "kw", "mw", "gw", "w", "v", "kv", "mah", "km", "kph", "mph", "kg", "mg", "g", "t", "mm",
    "cm", "m", "nm", "ml", "l", "sqm", "ft", "in", "lb", "lbs", "oz", "mp", "fps", "dpi", "px",
    "k", "bn", "mn", "m2", "km2",
];

/// Major intergovernmental organisations, and national bodies whose names are made of
/// common words only (so no head-word rule can tell them from a phrase): the name each
/// uses in English, then its acronym and other usual spellings (standard usage, the
/// bodies' own names).
pub const INTERNATIONAL_ORGS: &[(&str, &[&str])] = &[
    ("United Nations", &["UN", "U.N."]),
    ("European Union", &["EU", "E.U."]),
    (
        "World Trade Organization",
        &["WTO", "World Trade Organisation"],
    ),
    ("International Monetary Fund", &["IMF"]),
    ("World Bank", &[]),
    (
        "World Health Organization",
        &["WHO", "World Health Organisation"],
    ),
    ("Association of Southeast Asian Nations", &["ASEAN"]),
    ("Asia-Pacific Economic Cooperation", &["APEC"]),
    (
        "Organisation for Economic Co-operation and Development",
        &[
            "OECD",
            "Organization for Economic Cooperation and Development",
        ],
    ),
    ("Group of Twenty", &["G20", "G-20"]),
    ("Group of Seven", &["G7", "G-7"]),
    ("BRICS", &[]),
    (
        "Shanghai Cooperation Organisation",
        &["SCO", "Shanghai Cooperation Organization"],
    ),
    ("Asian Development Bank", &["ADB"]),
    ("Asian Infrastructure Investment Bank", &["AIIB"]),
    ("New Development Bank", &["NDB"]),
    ("North Atlantic Treaty Organization", &["NATO"]),
    (
        "Organization of the Petroleum Exporting Countries",
        &["OPEC"],
    ),
    ("UNESCO", &[]),
    ("UNICEF", &[]),
    (
        "United Nations Conference on Trade and Development",
        &["UNCTAD"],
    ),
    ("United Nations Development Programme", &["UNDP"]),
    (
        "International Labour Organization",
        &["ILO", "International Labour Organisation"],
    ),
    ("World Intellectual Property Organization", &["WIPO"]),
    ("International Telecommunication Union", &["ITU"]),
    ("International Energy Agency", &["IEA"]),
    ("International Atomic Energy Agency", &["IAEA"]),
    ("Gulf Cooperation Council", &["GCC"]),
    ("World Economic Forum", &["WEF"]),
    ("Interpol", &[]),
    ("State Council", &[]),
    ("Federal Reserve", &["Fed"]),
    ("Treasury", &[]),
    ("European Commission", &[]),
    ("European Parliament", &[]),
    ("National Assembly", &[]),
    ("State Duma", &[]),
    ("Supreme Court", &[]),
];

/// The [`signature`] of every name and form in [`INTERNATIONAL_ORGS`].
const INTERNATIONAL_SIGNATURE: [u64; 8] = {
    let mut bits = [0u64; 8];
    let mut n = 0;
    while n < INTERNATIONAL_ORGS.len() {
        let (name, forms) = INTERNATIONAL_ORGS[n];
        let bit = signature_bit(name.as_bytes());
        bits[bit / 64] |= 1 << (bit % 64);
        let mut f = 0;
        while f < forms.len() {
            let bit = signature_bit(forms[f].as_bytes());
            bits[bit / 64] |= 1 << (bit % 64);
            f += 1;
        }
        n += 1;
    }
    bits
};

/// The English name of the intergovernmental organisation `text` names, if any
/// (asked of every chunk, so the signature turns most texts away unscanned).
pub fn international_org(text: &str) -> Option<&'static str> {
    if !may_hold(&INTERNATIONAL_SIGNATURE, text) {
        return None;
    }
    INTERNATIONAL_ORGS
        .iter()
        .find(|(name, forms)| *name == text || forms.contains(&text))
        .map(|(name, _)| *name)
}

/// Month names and their usual abbreviations.
pub const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// Day names.
pub const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Compass words that turn a country or continent into a region ("Southwest China").
pub const COMPASS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Central",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Northeastern",
    "Northwestern",
    "Southeastern",
    "Southwestern",
    "Inner",
    "Greater",
    "Middle",
];

/// Nouns after "such as"/"like"/"including" that type the list that follows.
pub const LIST_NOUNS: &[(&str, Kind)] = &[
    ("companies", Kind::Firm),
    ("rivals", Kind::Firm),
    ("competitors", Kind::Firm),
    ("firms", Kind::Firm),
    ("enterprises", Kind::Firm),
    ("giants", Kind::Firm),
    ("brands", Kind::Firm),
    ("startups", Kind::Firm),
    ("start-ups", Kind::Firm),
    ("makers", Kind::Firm),
    ("manufacturers", Kind::Firm),
    ("carmakers", Kind::Firm),
    ("automakers", Kind::Firm),
    ("banks", Kind::Firm),
    ("players", Kind::Firm),
    ("operators", Kind::Firm),
    ("providers", Kind::Firm),
    ("vendors", Kind::Firm),
    ("suppliers", Kind::Firm),
    ("investors", Kind::Firm),
    ("universities", Kind::Org),
    ("institutes", Kind::Org),
    ("institutions", Kind::Org),
    ("organizations", Kind::Org),
    ("organisations", Kind::Org),
    ("agencies", Kind::Org),
    ("cities", Kind::City),
    ("provinces", Kind::Region),
    ("regions", Kind::Region),
    ("states", Kind::Region),
    ("countries", Kind::Country),
    ("nations", Kind::Country),
    ("parks", Kind::Zone),
    ("zones", Kind::Zone),
];

/// Nouns that, after "X is a ...", say X is a company.
pub const FIRM_NOUNS: &[&str] = &[
    "company",
    "companies",
    "firm",
    "firms",
    "giant",
    "startup",
    "start-up",
    "provider",
    "developer",
    "maker",
    "manufacturer",
    "enterprise",
    "enterprises",
    "corporation",
    "conglomerate",
    "retailer",
    "operator",
    "supplier",
    "vendor",
    "carmaker",
    "automaker",
    "unicorn",
    "platform",
    "brand",
    "producer",
    "lender",
    "insurer",
    "bank",
];

/// A closed list with hashed membership, for the lists the rules test on most words
/// (a scan of a hundred entries per test showed up in profiles).
pub struct WordSet {
    words: &'static [&'static str],
    set: std::sync::OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    /// A set over `words`, indexed on first use.
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: std::sync::OnceLock::new(),
        }
    }

    /// True when `word` (exact case) is in the list.
    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

/// [`TITLES`], hashed.
pub static TITLE_SET: WordSet = WordSet::new(TITLES);
/// [`FUNCTION_WORDS`], hashed.
pub static FUNCTION_WORD_SET: WordSet = WordSet::new(FUNCTION_WORDS);
/// [`COMMON_ACRONYMS`], hashed.
pub static COMMON_ACRONYM_SET: WordSet = WordSet::new(COMMON_ACRONYMS);
/// [`COMPASS`], hashed.
pub static COMPASS_SET: WordSet = WordSet::new(COMPASS);

/// Bit of a word in a list [`signature`]: its length and first and last bytes.
const fn signature_bit(word: &[u8]) -> usize {
    let Some((&first, _)) = word.split_first() else {
        return 0;
    };
    let last = word[word.len() - 1] as usize;
    (word.len() * 31 + first as usize * 7 + last) & 511
}

/// A 512-bit filter of a list's words, computed at compile time by [`among!`].
pub const fn signature(list: &[&str]) -> [u64; 8] {
    let mut bits = [0u64; 8];
    let mut n = 0;
    while n < list.len() {
        let bit = signature_bit(list[n].as_bytes());
        bits[bit / 64] |= 1 << (bit % 64);
        n += 1;
    }
    bits
}

/// `table` with the first byte of each of `list`'s words marked (in both ASCII cases
/// when `any_case`): a compile-time test of "could one of these words start here".
pub const fn mark_initials(mut table: [bool; 256], list: &[&str], any_case: bool) -> [bool; 256] {
    let mut n = 0;
    while n < list.len() {
        let first = list[n].as_bytes()[0];
        table[first as usize] = true;
        if any_case {
            table[first.to_ascii_lowercase() as usize] = true;
            table[first.to_ascii_uppercase() as usize] = true;
        }
        n += 1;
    }
    table
}

/// False when `word` is surely not in the list the signature was made from.
#[inline]
pub fn may_hold(signature: &[u64; 8], word: &str) -> bool {
    let bit = signature_bit(word.as_bytes());
    signature[bit / 64] >> (bit % 64) & 1 == 1
}

/// True when `word` (exact case) is in the constant list: the list's [`signature`],
/// made at compile time, turns most other words away before any comparison (these
/// tests run on nearly every token).
macro_rules! among {
    ($list:expr, $word:expr) => {{
        let word: &str = $word;
        $crate::extract::words::may_hold(const { &$crate::extract::words::signature($list) }, word)
            && $crate::extract::words::in_list($list, word)
    }};
}
pub(crate) use among;

/// True when `word` (exact case) is in `list`.
pub fn in_list(list: &[&str], word: &str) -> bool {
    let first = word.as_bytes().first();
    list.iter()
        .any(|w| w.len() == word.len() && w.as_bytes().first() == first && *w == word)
}

/// True when `word.to_lowercase()` is in a lower-case `list`, allocating only for a
/// word that is not ASCII.
pub fn among_lowercased(list: &[&str], word: &str) -> bool {
    if word.is_ascii() {
        list.iter()
            .any(|w| w.len() == word.len() && w.eq_ignore_ascii_case(word))
    } else {
        list.contains(&word.to_lowercase().as_str())
    }
}

/// True when `word`, lower-cased, is in a lower-case `list`.
pub fn among_lower(list: &[&str], word: &str) -> bool {
    list.iter()
        .any(|w| w.len() == word.len() && w.eq_ignore_ascii_case(word))
}

/// `word` alone is a head of names of `kind` ("Group" of firms, "Institute" of
/// bodies), any ASCII case.
pub fn is_head_word(word: &str, kind: Kind) -> bool {
    heads_ending(word)
        .iter()
        .any(|&h| HEADS[h].0.len() == 1 && HEADS[h].1 == kind)
}

/// The head phrases ending with `word` (any ASCII case): their indices into [`HEADS`],
/// in list order, so the first that fits is the one a scan of the list would find.
pub fn heads_ending(word: &str) -> &'static [usize] {
    struct ByLast {
        /// Last words, sorted case-insensitively, with their phrases.
        table: Vec<(&'static str, Vec<usize>)>,
        /// [`signature`] bits of the last words, ASCII lower-cased.
        filter: [u64; 8],
    }
    static BY_LAST: std::sync::OnceLock<ByLast> = std::sync::OnceLock::new();
    let by_last = BY_LAST.get_or_init(|| {
        let mut table: Vec<(&'static str, Vec<usize>)> = Vec::new();
        for (n, (phrase, _)) in HEADS.iter().enumerate() {
            let Some(last) = phrase.last().copied() else {
                continue;
            };
            match table.iter_mut().find(|(w, _)| w.eq_ignore_ascii_case(last)) {
                Some((_, list)) => list.push(n),
                None => table.push((last, vec![n])),
            }
        }
        table.sort_by(|a, b| crate::extract::gazetteer::cmp_ci(a.0, b.0));
        let mut filter = [0u64; 8];
        for (w, _) in &table {
            let bit = folded_signature_bit(w.as_bytes());
            filter[bit / 64] |= 1 << (bit % 64);
        }
        ByLast { table, filter }
    });
    let bit = folded_signature_bit(word.as_bytes());
    if word.len() > 16 || by_last.filter[bit / 64] >> (bit % 64) & 1 == 0 {
        return &[];
    }
    let table = &by_last.table;
    table
        .binary_search_by(|(w, _)| crate::extract::gazetteer::cmp_ci(w, word))
        .map_or(&[], |i| table[i].1.as_slice())
}

/// [`signature_bit`] of a word with ASCII letters lower-cased.
fn folded_signature_bit(word: &[u8]) -> usize {
    let (Some(first), Some(last)) = (word.first(), word.last()) else {
        return 0;
    };
    let (first, last) = (first.to_ascii_lowercase(), last.to_ascii_lowercase());
    (word.len() * 31 + first as usize * 7 + last as usize) & 511
}
