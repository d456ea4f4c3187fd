//! The generator's vocabulary: names of every kind made from syllable tables, so
//! the corpus has the shape of real news (many rare names, a few very common ones)
//! without containing any list of real entities.

use super::random::Random;
use crate::extract::Kind;
use std::collections::HashSet;

/// Syllables in the style of romanised Chinese place and person names.
const EAST: &[&str] = &[
    "an", "bai", "bao", "bei", "bin", "bo", "cang", "chang", "chao", "chen", "cheng", "chong",
    "chuan", "chun", "da", "dan", "de", "deng", "dong", "du", "fang", "fei", "feng", "fu", "gan",
    "gao", "gong", "gu", "guang", "gui", "guo", "hai", "han", "hang", "he", "heng", "hong", "hu",
    "hua", "huai", "huang", "hui", "ji", "jia", "jiang", "jin", "jing", "jiu", "kai", "kang",
    "kun", "lan", "lang", "le", "li", "lian", "liang", "lin", "ling", "liu", "long", "lu", "luo",
    "ma", "mao", "mei", "men", "ming", "mu", "nan", "ning", "pan", "peng", "ping", "pu", "qi",
    "qian", "qiao", "qing", "qiu", "quan", "rong", "ru", "san", "sha", "shan", "shang", "shao",
    "shen", "sheng", "shi", "shou", "shu", "song", "su", "sui", "tai", "tang", "tian", "tong",
    "wan", "wei", "wen", "wu", "xi", "xia", "xian", "xiang", "xiao", "xin", "xing", "xu", "ya",
    "yan", "yang", "yao", "ye", "yi", "yin", "ying", "yong", "yu", "yuan", "yue", "yun", "zhang",
    "zhao", "zhen", "zheng", "zhi", "zhong", "zhou", "zhu", "zi", "zun",
];

/// Syllables in the style of European place and person names.
const WEST: &[&str] = &[
    "al", "an", "bar", "ber", "bran", "ca", "car", "cor", "dal", "den", "dor", "el", "er", "fal",
    "for", "gar", "gen", "hal", "hol", "in", "is", "kar", "kel", "la", "lan", "lor", "mar", "mel",
    "mon", "nor", "o", "os", "pal", "per", "ra", "ren", "ros", "sal", "sel", "tal", "ter", "tor",
    "ul", "va", "ver", "vik", "wes", "wil", "yor", "zan",
];

/// Endings that make a western syllable pair read like a place.
const PLACE_ENDINGS: &[&str] = &[
    "", "", "", "ton", "burg", "ford", "field", "mont", "port", "ville",
];
const COUNTRY_ENDINGS: &[&str] = &["ia", "land", "stan", "ia", "a", "onia", "ica"];
const REGION_FORMS: &[&str] = &[
    "",
    "",
    "",
    "",
    " Province",
    " River Delta",
    " Basin",
    " Plateau",
];
const ZONE_FORMS: &[&str] = &[
    " New Area",
    " High-tech Zone",
    " Industrial Park",
    " Pilot Free Trade Zone",
    " Economic and Technological Development Zone",
    " Science City",
    " Software Park",
    " Bonded Zone",
    " Innovation Campus",
];
const FIRM_FORMS: &[&str] = &[
    " Technology",
    " Cloud",
    " Group",
    " Holdings",
    " Motors",
    " Electronics",
    " Semiconductor",
    " Logistics",
    " Pharmaceutical",
    " Energy",
    " Bank",
    " Networks",
    " Robotics",
    " Software",
    " Co., Ltd.",
    " Cloud Computing",
    " Data",
    " Steel",
    " Airlines",
    " Securities",
];
const ORG_FORMS: &[&str] = &[
    "{} University",
    "{} Municipal Government",
    "{} Academy of Sciences",
    "{} Institute of Technology",
    "{} Development and Reform Commission",
    "{} Chamber of Commerce",
    "{} Provincial Party Committee",
    "{} Association",
    "Ministry of {}",
    "{} Bureau of Statistics",
    "{} Research Center",
];
const MINISTRY_WORDS: &[&str] = &[
    "Commerce",
    "Finance",
    "Industry",
    "Transport",
    "Science",
    "Education",
    "Agriculture",
    "Health",
    "Ecology",
    "Culture",
    "Trade",
    "Energy",
];
const EVENT_FORMS: &[&str] = &[
    "{} Expo",
    "{} International Summit",
    "{} Forum",
    "{} Trade Fair",
    "{} Investment Conference",
    "{} Digital Economy Summit",
    "{} Marathon",
    "{} Film Festival",
];
const SURNAMES_EAST: &[&str] = &[
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
    "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang",
];

/// Every generated name, by kind, in a stable order: the position is the popularity
/// rank (the sampler prefers low positions).
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Names per kind, indexed by `Kind as usize`; figures and dates are made per mention.
    pub names: Vec<Vec<String>>,
    /// Outlet names.
    pub outlets: Vec<String>,
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn syllables(random: &mut Random, table: &[&str], count: usize) -> String {
    (0..count).map(|_| *random.pick(table)).collect()
}

/// A one-word proper name: two eastern or two-three western syllables.
fn word(random: &mut Random) -> String {
    if random.chance(0.7) {
        capitalise(&syllables(random, EAST, 2))
    } else {
        let n = 2 + random.below(2);
        capitalise(&syllables(random, WEST, n))
    }
}

fn make(kind: Kind, random: &mut Random, cities: &[String]) -> String {
    match kind {
        Kind::City => format!("{}{}", word(random), random.pick(PLACE_ENDINGS)),
        Kind::Region => format!("{}{}", word(random), random.pick(REGION_FORMS)),
        Kind::Country => {
            let n = 1 + random.below(2);
            capitalise(&format!(
                "{}{}",
                syllables(random, WEST, n),
                random.pick(COUNTRY_ENDINGS)
            ))
        }
        Kind::Zone => {
            let base = if random.chance(0.5) && !cities.is_empty() {
                random.pick(cities).clone()
            } else {
                word(random)
            };
            format!("{base}{}", random.pick(ZONE_FORMS))
        }
        Kind::Firm => format!("{}{}", word(random), random.pick(FIRM_FORMS)),
        Kind::Org => {
            let form = random.pick(ORG_FORMS);
            let filler = if form.starts_with("Ministry") {
                (*random.pick(MINISTRY_WORDS)).to_string()
            } else if random.chance(0.5) && !cities.is_empty() {
                random.pick(cities).clone()
            } else {
                word(random)
            };
            form.replace("{}", &filler)
        }
        Kind::Person => {
            if random.chance(0.75) {
                format!("{} {}", random.pick(SURNAMES_EAST), word(random))
            } else {
                format!("{} {}", word(random), word(random))
            }
        }
        Kind::Event => {
            let place = if random.chance(0.6) && !cities.is_empty() {
                random.pick(cities).clone()
            } else {
                word(random)
            };
            let year = 2010 + random.below(15);
            format!("{year} {}", random.pick(EVENT_FORMS).replace("{}", &place))
        }
        Kind::Figure | Kind::Date => String::new(),
    }
}

/// How many distinct names of a kind a corpus of `articles` draws from: fixed for
/// closed classes (countries), growing with the corpus for open ones (people, firms),
/// as vocabularies do in real news (Heaps' law, roughly).
fn size(kind: Kind, articles: usize) -> usize {
    let grow =
        |base: usize, per: f64, cap: usize| (base + (articles as f64 * per) as usize).min(cap);
    match kind {
        Kind::City => grow(300, 0.05, 6_000),
        Kind::Region => grow(60, 0.005, 600),
        Kind::Country => 150,
        Kind::Zone => grow(100, 0.03, 4_000),
        Kind::Firm => grow(400, 0.6, 80_000),
        Kind::Org => grow(200, 0.2, 30_000),
        Kind::Person => grow(500, 1.0, 150_000),
        Kind::Event => grow(50, 0.05, 8_000),
        Kind::Figure | Kind::Date => 0,
    }
}

impl Vocabulary {
    /// Builds the vocabulary for a corpus of `articles` articles, deterministically from `random`.
    pub fn new(random: &mut Random, articles: usize) -> Vocabulary {
        let mut names: Vec<Vec<String>> = vec![Vec::new(); Kind::ALL.len()];
        for kind in Kind::ALL {
            let wanted = size(kind, articles);
            let mut seen = HashSet::new();
            let mut list = Vec::with_capacity(wanted);
            let mut attempts = 0;
            while list.len() < wanted && attempts < wanted * 20 {
                attempts += 1;
                let name = make(kind, random, &names[Kind::City as usize]);
                if seen.insert(name.to_lowercase()) {
                    list.push(name);
                }
            }
            names[kind as usize] = list;
        }
        let outlets = (0..40)
            .map(|i| match i % 4 {
                0 => format!("{} Daily", word(random)),
                1 => format!("{} Times", word(random)),
                2 => format!("{} News", word(random)),
                _ => format!("{} Economic Herald", word(random)),
            })
            .collect();
        Vocabulary { names, outlets }
    }

    /// The names of one kind, most popular first.
    pub fn of(&self, kind: Kind) -> &[String] {
        &self.names[kind as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_is_deterministic_and_unique() {
        let a = Vocabulary::new(&mut Random::new(7), 1000);
        let b = Vocabulary::new(&mut Random::new(7), 1000);
        assert_eq!(a.names, b.names);
        for kind in Kind::NAMED {
            let list = a.of(kind);
            assert!(!list.is_empty(), "{kind}");
            let set: HashSet<String> = list.iter().map(|n| n.to_lowercase()).collect();
            assert_eq!(set.len(), list.len(), "{kind} names are unique");
        }
    }

    #[test]
    fn open_classes_grow_with_the_corpus() {
        assert!(size(Kind::Person, 100_000) > size(Kind::Person, 1_000));
        assert_eq!(size(Kind::Country, 100_000), size(Kind::Country, 10));
    }
}
