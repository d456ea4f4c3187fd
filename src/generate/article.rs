//! One synthetic article: a headline, metadata, and a body of sentences that
//! mention about thirty entities, with every mention's byte span recorded.

use super::random::Random;
use super::vocab::Vocabulary;
use crate::corpus::Article;
use crate::extract::{Entity, Kind, Mention};

/// Distinct entities per article, by kind: (minimum, extra up to).
const PER_ARTICLE: [(Kind, usize, usize); 10] = [
    (Kind::City, 1, 3),
    (Kind::Region, 0, 2),
    (Kind::Country, 0, 2),
    (Kind::Zone, 0, 2),
    (Kind::Firm, 2, 5),
    (Kind::Org, 1, 3),
    (Kind::Person, 2, 4),
    (Kind::Event, 0, 2),
    (Kind::Figure, 2, 4),
    (Kind::Date, 1, 3),
];

const MONTHS: &[&str] = &[
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
];

const FILLER: &[&str] = &[
    "Analysts expect demand to remain strong over the coming quarters.",
    "The move is part of a wider effort to upgrade local industry.",
    "Details of the financing were not disclosed.",
    "Local residents have welcomed the new jobs the project will bring.",
    "The announcement came after months of negotiations.",
    "Officials declined to comment on the timetable.",
];

/// Sentence templates per kind; `{}` is where the mention goes.
fn templates(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::City => &[
            "The project in {} is expected to be completed next year.",
            "Investors have flocked to {} in recent months.",
            "Traffic in {} has doubled since the new line opened.",
        ],
        Kind::Region => &[
            "Growth in {} outpaced the national average.",
            "Factories across {} reported full order books.",
        ],
        Kind::Country => &[
            "Exports to {} rose sharply.",
            "A trade delegation from {} attended the signing.",
        ],
        Kind::Zone => &[
            "The facility will be located in the {}.",
            "More than a hundred firms have moved into the {}.",
        ],
        Kind::Firm => &[
            "{} said it would expand its research team.",
            "Shares of {} rose in early trading.",
            "A spokesperson for {} confirmed the deal.",
        ],
        Kind::Org => &[
            "According to the {}, the plan has been approved.",
            "The {} issued new guidelines.",
        ],
        Kind::Person => &[
            "\"We are confident in the market,\" said {}.",
            "The plan was presented by {}.",
        ],
        Kind::Event => &[
            "The agreement was signed at the {}.",
            "Several deals were announced during the {}.",
        ],
        Kind::Figure => &[
            "The total investment reached {}.",
            "Revenue grew by {} last year.",
        ],
        Kind::Date => &[
            "The plan was announced on {}.",
            "Construction is due to start in {}.",
        ],
    }
}

/// Headline templates: `{0}` a firm, `{1}` a city, `{2}` any other entity.
const HEADLINES: &[&str] = &[
    "{0} opens new headquarters in {1}",
    "{1} approves plan backed by {0}",
    "{0} and {2} sign cooperation deal",
    "{1} bets on {2} to drive growth",
    "{0} expands in {1} as demand rises",
    "What {2} means for {1}",
];

fn figure(random: &mut Random) -> String {
    let whole = 1 + random.below(999);
    let number = if random.chance(0.4) {
        format!("{whole}.{}", random.below(10))
    } else {
        whole.to_string()
    };
    let unit = *random.pick(&[
        " billion yuan",
        " million yuan",
        " million US dollars",
        " percent",
        " square kilometers",
        " companies",
        " jobs",
    ]);
    format!("{number}{unit}")
}

fn date(random: &mut Random, year: usize) -> String {
    let month = random.pick(MONTHS);
    match random.below(3) {
        0 => format!("{month} {}, {year}", 1 + random.below(28)),
        1 => format!("{month} {year}"),
        _ => year.to_string(),
    }
}

/// Picks the article's distinct entities (popular names more often).
fn pick_entities(random: &mut Random, vocab: &Vocabulary, year: usize) -> Vec<(Kind, String)> {
    let mut picked: Vec<(Kind, String)> = Vec::new();
    for (kind, least, extra) in PER_ARTICLE {
        let count = least + random.below(extra + 1);
        for _ in 0..count {
            let name = match kind {
                Kind::Figure => figure(random),
                Kind::Date => date(random, year),
                _ => {
                    let names = vocab.of(kind);
                    names[random.zipf(names.len())].clone()
                }
            };
            if !picked.iter().any(|(k, n)| *k == kind && *n == name) {
                picked.push((kind, name));
            }
        }
    }
    picked
}

/// Writes the body: one sentence per mention (shuffled), fillers between, paragraphs
/// of four sentences; returns the body and the entities with their spans.
fn body(random: &mut Random, picked: &[(Kind, String)]) -> (String, Vec<Entity>) {
    let mut order: Vec<usize> = Vec::new();
    for (i, _) in picked.iter().enumerate() {
        let times = 1 + usize::from(random.chance(0.35)) + usize::from(random.chance(0.12));
        order.extend(std::iter::repeat_n(i, times));
    }
    for i in (1..order.len()).rev() {
        order.swap(i, random.below(i + 1));
    }
    let mut text = String::new();
    let mut spans: Vec<Vec<Mention>> = vec![Vec::new(); picked.len()];
    for (n, &i) in order.iter().enumerate() {
        if n > 0 {
            text.push_str(if n % 4 == 0 { "\n\n" } else { " " });
        }
        if random.chance(0.15) {
            text.push_str(random.pick::<&str>(FILLER));
            text.push(' ');
        }
        let (kind, name) = &picked[i];
        let template: &str = random.pick::<&str>(templates(*kind));
        let (before, after) = template.split_once("{}").unwrap_or((template, ""));
        text.push_str(before);
        let start = text.len();
        text.push_str(name);
        spans[i].push(Mention {
            start,
            end: text.len(),
        });
        text.push_str(after);
    }
    let entities = picked
        .iter()
        .zip(spans)
        .map(|((kind, name), mentions)| Entity {
            name: name.clone(),
            kind: *kind,
            aliases: Vec::new(),
            count: mentions.len(),
            mentions,
        })
        .collect();
    (text, entities)
}

fn headline(random: &mut Random, picked: &[(Kind, String)]) -> String {
    let first = |kind: Kind| {
        picked
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, n)| n.as_str())
    };
    let firm = first(Kind::Firm).unwrap_or("Local firms");
    let city = first(Kind::City).unwrap_or("the city");
    let named: Vec<&str> = picked
        .iter()
        .filter(|(k, _)| k.is_named() && !matches!(k, Kind::Firm | Kind::City))
        .map(|(_, n)| n.as_str())
        .collect();
    let other = if named.is_empty() {
        "new investment"
    } else {
        *random.pick(&named)
    };
    random
        .pick(HEADLINES)
        .replace("{0}", firm)
        .replace("{1}", city)
        .replace("{2}", other)
}

/// Generates article number `id` (1-based) of a corpus.
pub fn article(random: &mut Random, vocab: &Vocabulary, id: usize) -> (Article, Vec<Entity>) {
    let year = 2010 + random.below(15);
    let picked = pick_entities(random, vocab, year);
    let (body, entities) = body(random, &picked);
    let title = headline(random, &picked);
    let outlet = vocab.outlets[random.zipf(vocab.outlets.len())].clone();
    let people = vocab.of(Kind::Person);
    let author = people[random.below(people.len())].clone();
    let slug: String = outlet
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    let article = Article {
        id,
        path: format!("generated:{id}"),
        file: format!("{id:06}.txt"),
        title,
        title_derived: false,
        source: Some(outlet),
        date: Some(format!(
            "{year}-{:02}-{:02}",
            1 + random.below(12),
            1 + random.below(28)
        )),
        date_text: None,
        author: Some(author),
        url: Some(format!("https://news.example/{slug}/{id}")),
        body,
        why: crate::corpus::Why::default(),
    };
    (article, entities)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_point_at_the_names() {
        let mut random = Random::new(9);
        let vocab = Vocabulary::new(&mut random, 100);
        for id in 1..=50 {
            let (article, entities) = article(&mut random, &vocab, id);
            assert!(!article.title.is_empty());
            for entity in &entities {
                assert_eq!(entity.count, entity.mentions.len());
                for m in &entity.mentions {
                    assert_eq!(&article.body[m.start..m.end], entity.name);
                }
            }
        }
    }
}
