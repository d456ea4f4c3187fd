//! Scoring extraction and metadata against gold files, by the rules of the gold
//! README: entity P/R/F1 per kind and micro-averaged (typed and untyped), metadata
//! accuracy, body checks, and figure/date recall.

pub mod conll;
pub mod gold;
pub mod normalize;
mod report;
pub mod score;

pub use gold::{Gold, load_dir, read_dir};
pub use report::{render_json, render_text};
pub use score::{Counts, EntityScore};

use crate::corpus::Article;
use crate::extract::{Entity, Kind};
use crate::index::Index;
use serde::Serialize;
use std::collections::BTreeMap;

/// One metadata field's check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetaCheck {
    /// `title`, `source`, `date` or `author`.
    pub field: &'static str,
    /// What the gold expects (null: nothing).
    pub expected: Option<String>,
    /// What the program said.
    pub got: Option<String>,
    /// Whether they agree.
    pub ok: bool,
}

/// One body check that failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BodyFailure {
    /// `include` or `exclude`.
    pub rule: &'static str,
    /// The string.
    pub text: String,
}

/// Recall of gold phrases among the program's figures or dates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Recall {
    /// Phrases found.
    pub found: usize,
    /// Phrases expected.
    pub total: usize,
    /// Phrases not found.
    pub missed: Vec<String>,
}

impl Recall {
    /// found / total (1 when nothing was expected).
    pub fn ratio(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.found as f64 / self.total as f64
        }
    }

    fn add(&mut self, other: &Recall) {
        self.found += other.found;
        self.total += other.total;
    }
}

/// Everything measured on one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleReport {
    /// The gold file's `file`.
    pub file: String,
    /// Whether the article was found in the corpus.
    pub present: bool,
    /// Entity scores.
    pub entities: EntityScore,
    /// Metadata checks.
    pub meta: Vec<MetaCheck>,
    /// Body checks run.
    pub body_checks: usize,
    /// Body checks failed.
    pub body_failures: Vec<BodyFailure>,
    /// Figure recall.
    pub figures: Recall,
    /// Date recall.
    pub dates: Recall,
}

/// Totals over all articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
    /// Typed counts per named kind.
    pub typed: BTreeMap<Kind, Counts>,
    /// Untyped counts per named kind.
    pub untyped: BTreeMap<Kind, Counts>,
    /// Typed micro-average over the named kinds.
    pub typed_micro: Counts,
    /// Untyped micro-average over the named kinds.
    pub untyped_micro: Counts,
    /// Metadata fields correct.
    pub meta_ok: usize,
    /// Metadata fields checked.
    pub meta_total: usize,
    /// Body checks passed.
    pub body_ok: usize,
    /// Body checks run.
    pub body_total: usize,
    /// Figure recall.
    pub figures: Recall,
    /// Date recall.
    pub dates: Recall,
}

/// The whole evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Per gold file.
    pub articles: Vec<ArticleReport>,
    /// Sums.
    pub totals: Totals,
}

/// Scores an index against gold files, matching them to articles by file name.
pub fn evaluate(index: &Index, golds: &[Gold]) -> Report {
    let articles: Vec<ArticleReport> = golds
        .iter()
        .map(|g| {
            let found = index.articles.iter().position(|a| a.file == g.file);
            match found {
                Some(n) => article(
                    &Facts::of(&index.articles[n], &index.body(n)),
                    &index.entities(n),
                    g,
                ),
                None => article(&Facts::default(), &[], g).with_presence(false),
            }
        })
        .collect();
    let totals = totals(&articles);
    Report { articles, totals }
}

impl ArticleReport {
    fn with_presence(mut self, present: bool) -> Self {
        self.present = present;
        self
    }
}

/// The article fields the gold checks read.
#[derive(Debug, Clone, Default)]
struct Facts {
    title: String,
    source: Option<String>,
    date: Option<String>,
    author: Option<String>,
    body: String,
}

impl Facts {
    fn of(a: &Article, body: &str) -> Facts {
        Facts {
            title: a.title.clone(),
            source: a.source.clone(),
            date: a.date.clone(),
            author: a.author.clone(),
            body: body.to_string(),
        }
    }
}

fn article(a: &Facts, entities: &[Entity], g: &Gold) -> ArticleReport {
    let body = normalize::text(&a.body);
    let mut body_failures = Vec::new();
    for text in &g.body_must_include {
        if !body.contains(&normalize::text(text)) {
            body_failures.push(BodyFailure {
                rule: "include",
                text: text.clone(),
            });
        }
    }
    for text in &g.body_must_exclude {
        if body.contains(&normalize::text(text)) {
            body_failures.push(BodyFailure {
                rule: "exclude",
                text: text.clone(),
            });
        }
    }
    ArticleReport {
        file: g.file.clone(),
        present: true,
        entities: score::score(entities, &g.entities),
        meta: meta(a, g),
        body_checks: g.body_must_include.len() + g.body_must_exclude.len(),
        body_failures,
        figures: recall(entities, Kind::Figure, &g.figures),
        dates: recall(entities, Kind::Date, &g.dates),
    }
}

fn same(a: &str, b: &str) -> bool {
    normalize::text(a).to_lowercase() == normalize::text(b).to_lowercase()
}

fn meta(a: &Facts, g: &Gold) -> Vec<MetaCheck> {
    let m = &g.meta;
    let title_ok = match (&m.title, &m.title_starts) {
        (Some(t), _) => same(&a.title, t),
        (None, Some(start)) => normalize::text(&a.title)
            .to_lowercase()
            .starts_with(&normalize::text(start).to_lowercase()),
        (None, None) => true,
    };
    let source_ok = match &m.source {
        Some(s) => a
            .source
            .as_deref()
            .is_some_and(|got| same(got, s) || m.source_alt.iter().any(|alt| same(got, alt))),
        None => a.source.is_none(),
    };
    let date_ok = match &m.date {
        Some(d) => a
            .date
            .as_deref()
            .is_some_and(|got| got.starts_with(d.as_str())),
        None => a.date.is_none(),
    };
    let author_ok = match &m.author {
        Some(x) => a.author.as_deref().is_some_and(|got| same(got, x)),
        None => a.author.is_none(),
    };
    let expected_title = m
        .title
        .clone()
        .or_else(|| m.title_starts.as_ref().map(|s| format!("{s}...")));
    vec![
        MetaCheck {
            field: "title",
            expected: expected_title,
            got: Some(a.title.clone()),
            ok: title_ok,
        },
        MetaCheck {
            field: "source",
            expected: m.source.clone(),
            got: a.source.clone(),
            ok: source_ok,
        },
        MetaCheck {
            field: "date",
            expected: m.date.clone(),
            got: a.date.clone(),
            ok: date_ok,
        },
        MetaCheck {
            field: "author",
            expected: m.author.clone(),
            got: a.author.clone(),
            ok: author_ok,
        },
    ]
}

fn recall(entities: &[Entity], kind: Kind, phrases: &[String]) -> Recall {
    let values: Vec<String> = entities
        .iter()
        .filter(|e| e.kind == kind)
        .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
        .map(|n| normalize::name(n))
        .collect();
    let mut out = Recall {
        total: phrases.len(),
        ..Recall::default()
    };
    for phrase in phrases {
        let p = normalize::name(phrase);
        if values
            .iter()
            .any(|v| !v.is_empty() && (v.contains(&p) || p.contains(v.as_str())))
        {
            out.found += 1;
        } else {
            out.missed.push(phrase.clone());
        }
    }
    out
}

fn totals(articles: &[ArticleReport]) -> Totals {
    let mut t = Totals::default();
    for a in articles {
        for (k, c) in &a.entities.typed {
            t.typed.entry(*k).or_default().add(*c);
        }
        for (k, c) in &a.entities.untyped {
            t.untyped.entry(*k).or_default().add(*c);
        }
        t.meta_ok += a.meta.iter().filter(|m| m.ok).count();
        t.meta_total += a.meta.len();
        t.body_total += a.body_checks;
        t.body_ok += a.body_checks - a.body_failures.len();
        t.figures.add(&a.figures);
        t.dates.add(&a.dates);
    }
    for kind in Kind::NAMED {
        t.typed_micro
            .add(t.typed.get(&kind).copied().unwrap_or_default());
        t.untyped_micro
            .add(t.untyped.get(&kind).copied().unwrap_or_default());
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Mention;

    fn entity(name: &str, kind: Kind) -> Entity {
        Entity {
            name: name.into(),
            kind,
            aliases: vec![],
            count: 1,
            mentions: vec![Mention { start: 0, end: 1 }],
        }
    }

    #[test]
    fn figure_recall_accepts_substrings_either_way() {
        let ents = [
            entity("2,200 server racks", Kind::Figure),
            entity("early 2018", Kind::Date),
        ];
        let r = recall(
            &ents,
            Kind::Figure,
            &["over 2,200 server racks".into(), "12%".into()],
        );
        assert_eq!((r.found, r.total), (1, 2));
        let d = recall(&ents, Kind::Date, &["2018".into()]);
        assert_eq!(d.found, 1);
    }

    #[test]
    fn metadata_compares_case_and_space_insensitively_and_dates_by_prefix() {
        let a = Facts {
            title: "Zed  Wins".into(),
            source: Some("the zed times".into()),
            date: Some("2020-01-02".into()),
            ..Facts::default()
        };
        let g: Gold = serde_json::from_str(
            r#"{"file":"x.txt","meta":{"title":"zed wins","source":"Zed Times","source_alt":["The Zed Times"],"date":"2020-01","author":null}}"#,
        ).unwrap();
        let checks = meta(&a, &g);
        assert!(checks.iter().all(|c| c.ok), "{checks:?}");
    }

    #[test]
    fn body_checks_collapse_space() {
        let a = Facts {
            body: "Hello   big\nworld. Share this".into(),
            ..Facts::default()
        };
        let g: Gold = serde_json::from_str(
            r#"{"file":"x.txt","body_must_include":["big world"],"body_must_exclude":["Share this"]}"#,
        ).unwrap();
        let r = article(&a, &[], &g);
        assert_eq!(r.body_checks, 2);
        assert_eq!(r.body_failures.len(), 1);
    }
}
