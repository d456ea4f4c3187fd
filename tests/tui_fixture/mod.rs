//! A small, realistic corpus with hand-made entities, so TUI tests and
//! snapshots do not change when the extractor does. Mentions are found by
//! searching each surface form in the body, so nested mentions (a city inside
//! a zone's name) arise as they would from the real extractor.
#![allow(dead_code)]

use dossier::corpus::{Article, Corpus};
use dossier::extract::{Entity, Kind, Mention};
use dossier::index::Index;

/// (name, kind, other surface forms) of one article's entities.
type Spec = (&'static str, Kind, &'static [&'static str]);

struct Doc {
    title: &'static str,
    source: Option<&'static str>,
    date: Option<&'static str>,
    author: Option<&'static str>,
    body: String,
    entities: Vec<Spec>,
}

fn chongqing() -> Doc {
    Doc {
        title: "Chongqing bets on the digital economy to power its next stage of growth",
        source: Some("CGTN"),
        date: Some("2018-07-02"),
        author: Some("Li Wei"),
        body: "The southwestern metropolis of Chongqing is stepping up the digital economy to move beyond a growth model that relied on manufacturing.\n\n\
In late June, Alibaba Cloud opened an innovation center in the Chongqing Liangjiang New Area with Tsinghua Holdings. It plans to incubate more than 100 firms by 2020.\n\n\
\"Chongqing is an emerging city for the internet industry,\" said Cao Ling, president of the center. The Chongqing Municipal Government offers rent-free offices for three years.\n\n\
CloudWalk, a facial recognition developer, chose the Liangjiang Digital Economy Industrial Park for its largest R&D center. Wang Fahang of CloudWalk said the park aims for a regional GDP of 50 billion yuan.\n\n\
Tencent and Alibaba Cloud both run data centers along the Yangtze River, and the Smart China Expo brings buyers from across China each August.".into(),
        entities: vec![
            ("Chongqing", Kind::City, &[]),
            ("Chongqing Liangjiang New Area", Kind::Zone, &[]),
            ("Liangjiang Digital Economy Industrial Park", Kind::Zone, &[]),
            ("Alibaba Cloud", Kind::Firm, &[]),
            ("CloudWalk", Kind::Firm, &[]),
            ("Tencent", Kind::Firm, &[]),
            ("Tsinghua Holdings", Kind::Firm, &[]),
            ("Chongqing Municipal Government", Kind::Org, &[]),
            ("Cao Ling", Kind::Person, &[]),
            ("Wang Fahang", Kind::Person, &[]),
            ("China", Kind::Country, &[]),
            ("Yangtze River", Kind::Region, &[]),
            ("Smart China Expo", Kind::Event, &[]),
            ("50 billion yuan", Kind::Figure, &[]),
            ("100 firms", Kind::Figure, &[]),
            ("late June", Kind::Date, &[]),
            ("2020", Kind::Date, &[]),
        ],
    }
}

fn chengdu() -> Doc {
    Doc {
        title: "Chengdu courts cloud firms with cheap power and a new science city",
        source: Some("Xinhua"),
        date: Some("2019-03-14"),
        author: None,
        body: "Chengdu, the capital of Sichuan, wants to become the cloud hub of western China.\n\n\
Huawei and Tencent have both signed deals in the Tianfu New Area, where the Chengdu Science City is rising on former farmland. Huawei will invest 3.2 billion yuan in a data center there.\n\n\
\"Power in Sichuan is cheap and green,\" said Zhang Min, an official of the Chengdu Hi-tech Zone. In March 2019 the zone counted 1,200 software firms.".into(),
        entities: vec![
            ("Chengdu", Kind::City, &[]),
            ("Sichuan", Kind::Region, &[]),
            ("China", Kind::Country, &[]),
            ("Huawei", Kind::Firm, &[]),
            ("Tencent", Kind::Firm, &[]),
            ("Tianfu New Area", Kind::Zone, &[]),
            ("Chengdu Science City", Kind::Zone, &[]),
            ("Chengdu Hi-tech Zone", Kind::Zone, &[]),
            ("Zhang Min", Kind::Person, &[]),
            ("3.2 billion yuan", Kind::Figure, &[]),
            ("1,200 software firms", Kind::Figure, &[]),
            ("March 2019", Kind::Date, &[]),
        ],
    }
}

fn guiyang() -> Doc {
    Doc {
        title: "Guiyang's big data valley draws Apple and Huawei",
        source: Some("China Daily"),
        date: Some("2018-05-20"),
        author: Some("Zhao Lei"),
        body: "Guiyang, capital of Guizhou province, hosts the China International Big Data Expo every May.\n\n\
Apple keeps its iCloud data for users in China at a center in the Gui'an New Area, run with Guizhou-Cloud Big Data. Huawei moved its cloud services there in 2017.\n\n\
Data centers now make up 40 percent of new investment in the Gui'an New Area.".into(),
        entities: vec![
            ("Guiyang", Kind::City, &[]),
            ("Guizhou", Kind::Region, &[]),
            ("China", Kind::Country, &[]),
            ("Apple", Kind::Firm, &[]),
            ("Huawei", Kind::Firm, &[]),
            ("Guizhou-Cloud Big Data", Kind::Firm, &[]),
            ("Gui'an New Area", Kind::Zone, &[]),
            ("China International Big Data Expo", Kind::Event, &[]),
            ("40 percent", Kind::Figure, &[]),
            ("2017", Kind::Date, &[]),
        ],
    }
}

fn hostile() -> Doc {
    Doc {
        title: "\x1b]0;pwned\x07Breaking:\x1b[31m red\x1b[0m title\u{202e}txet\u{200b}",
        source: Some("\x1b[2JEvil \u{9b}31mWire"),
        date: Some("2020-01-01"),
        author: None,
        body: "\x1b]0;pwned\x07\x1b[2J\x1b[H\x1b[31m Chongqing\x1b[0m and 重庆 are the same city 🏙.\n\n\
Cursor \x1b[10;10Hmoves\x1b[?25l and \u{202e}bidi overrides\u{202c} must stay inert; \u{200b}zero\u{200d}width too.\n\n\
Tencent\u{7} rings a bell.".into(),
        entities: vec![
            ("Chongqing", Kind::City, &[]),
            ("Tencent", Kind::Firm, &[]),
        ],
    }
}

fn yangtze() -> Doc {
    let towns = [
        "Wuhan",
        "Chongqing",
        "Nanjing",
        "Shanghai",
        "Chengdu",
        "Wuhan",
    ];
    let mut body = String::from(
        "The Yangtze River Economic Belt links eleven provinces from Shanghai to Yunnan.",
    );
    for (i, town) in towns.iter().cycle().take(24).enumerate() {
        body.push_str(&format!(
            "\n\nIn part {n}, officials in {town} said port traffic rose by {p} percent as Huawei and local carriers expanded routes along the river, easing freight between inland factories and the coast.",
            n = i + 1,
            p = 3 + i % 7
        ));
    }
    Doc {
        title: "Along the Yangtze River Economic Belt, ports race to keep up",
        source: Some("Caixin"),
        date: Some("2019-11-08"),
        author: Some("Sun Yu"),
        body,
        entities: vec![
            ("Wuhan", Kind::City, &[]),
            ("Chongqing", Kind::City, &[]),
            ("Nanjing", Kind::City, &[]),
            ("Shanghai", Kind::City, &[]),
            ("Chengdu", Kind::City, &[]),
            ("Yunnan", Kind::Region, &[]),
            ("Yangtze River Economic Belt", Kind::Region, &[]),
            ("Huawei", Kind::Firm, &[]),
        ],
    }
}

fn xian() -> Doc {
    Doc {
        title: "Xi'an opens its high-tech zone to Samsung suppliers",
        source: Some("Global Times"),
        date: Some("2019-06"),
        author: None,
        body: "Samsung's memory plant in the Xi'an High-tech Zone will add a second line, and its suppliers from South Korea are following.\n\n\
The Shaanxi provincial government says the zone drew $7 billion in 2018.".into(),
        entities: vec![
            ("Xi'an", Kind::City, &[]),
            ("Xi'an High-tech Zone", Kind::Zone, &[]),
            ("Shaanxi", Kind::Region, &[]),
            ("South Korea", Kind::Country, &[]),
            ("Samsung", Kind::Firm, &[]),
            ("Shaanxi provincial government", Kind::Org, &[]),
            ("$7 billion", Kind::Figure, &[]),
            ("2018", Kind::Date, &[]),
        ],
    }
}

/// Every occurrence of `needle` in `body` that is not inside a longer word.
fn occurrences(body: &str, needle: &str) -> Vec<Mention> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    body.match_indices(needle)
        .filter(|(start, _)| {
            let end = start + needle.len();
            !word(body[..*start].chars().next_back()) && !word(body[end..].chars().next())
        })
        .map(|(start, _)| Mention {
            start,
            end: start + needle.len(),
        })
        .collect()
}

fn entities(doc: &Doc) -> Vec<Entity> {
    doc.entities
        .iter()
        .map(|&(name, kind, aliases)| {
            let mut mentions: Vec<Mention> = std::iter::once(name)
                .chain(aliases.iter().copied())
                .flat_map(|form| occurrences(&doc.body, form))
                .collect();
            mentions.sort();
            Entity {
                name: name.into(),
                kind,
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
                count: mentions.len(),
                mentions,
            }
        })
        .collect()
}

fn build(docs: Vec<Doc>, name: &str) -> Index {
    let ents = docs.iter().map(entities).collect();
    let articles = docs
        .into_iter()
        .enumerate()
        .map(|(i, d)| Article {
            id: i + 1,
            path: format!("fixture/{}.txt", i + 1),
            file: format!("{}.txt", i + 1),
            title: d.title.into(),
            title_derived: false,
            source: d.source.map(Into::into),
            date: d.date.map(Into::into),
            date_text: None,
            author: d.author.map(Into::into),
            // The first article states its URL (a reserved example domain).
            url: (i == 0).then(|| "https://news.example.com/2018/chongqing-digital-economy".into()),
            body: d.body,
            why: Default::default(),
        })
        .collect();
    let corpus = Corpus {
        name: name.into(),
        articles,
        problems: vec![],
    };
    Index::build(corpus, ents)
}

/// The fixture: six articles, one of them hostile (escape sequences, bidi, wide characters).
pub fn index() -> Index {
    build(
        vec![
            chongqing(),
            chengdu(),
            guiyang(),
            yangtze(),
            xian(),
            hostile(),
        ],
        "fixture news",
    )
}

/// Only the hostile article.
pub fn hostile_index() -> Index {
    build(vec![hostile()], "hostile")
}

/// Articles without any entities (as with no extractor).
pub fn bare_index() -> Index {
    let mut docs = vec![chongqing(), chengdu()];
    for d in &mut docs {
        d.entities.clear();
    }
    build(docs, "bare")
}

/// A synthetic corpus of `n` articles, each naming about 30 entities drawn from
/// a fixed vocabulary (for measuring keystrokes at scale, not for snapshots).
pub fn large_index(n: usize) -> Index {
    let kinds = [
        Kind::City,
        Kind::Region,
        Kind::Country,
        Kind::Zone,
        Kind::Firm,
        Kind::Org,
        Kind::Person,
        Kind::Figure,
    ];
    let mut state: u64 = 42;
    let mut next = move |m: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) % m) as usize
    };
    let mut articles = Vec::with_capacity(n);
    let mut all = Vec::with_capacity(n);
    for id in 1..=n {
        let mut body = String::new();
        let mut entities: Vec<Entity> = Vec::new();
        for _ in 0..30 {
            let kind = kinds[next(kinds.len() as u64)];
            let name = format!("{} {}", kind.as_str(), next(2000));
            if entities.iter().any(|e| e.name == name) {
                continue;
            }
            body.push_str("Officials said that ");
            let start = body.len();
            body.push_str(&name);
            let end = body.len();
            body.push_str(" grew strongly this year, according to a report.\n\n");
            entities.push(Entity {
                name,
                kind,
                aliases: vec![],
                count: 1,
                mentions: vec![Mention { start, end }],
            });
        }
        articles.push(Article {
            id,
            path: format!("large/{id}.txt"),
            file: format!("{id}.txt"),
            title: format!("Synthetic article number {id} about growth"),
            title_derived: false,
            source: Some("Wire".into()),
            date: Some("2020-01-01".into()),
            date_text: None,
            author: None,
            url: None,
            body,
            why: Default::default(),
        });
        all.push(entities);
    }
    Index::build(
        Corpus {
            name: "large".into(),
            articles,
            problems: vec![],
        },
        all,
    )
}
