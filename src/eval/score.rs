//! Entity scoring by the gold README's rules: match by any normalised name, optional
//! gold ignored, duplicates are false positives, typed scoring honours `also`.

use super::gold::GoldEntity;
use super::normalize;
use crate::extract::{Entity, Kind};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// True positives, false positives and misses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Matched.
    pub tp: usize,
    /// Extracted but wrong (unmatched, duplicate, or wrong kind).
    pub fp: usize,
    /// Required but not found.
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Counts {
    /// TP / (TP + FP), 0 when nothing was extracted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// TP / (TP + FN), 0 when nothing was expected.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Adds another count.
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// One entity named in a verbose listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    /// The name.
    pub name: String,
    /// Its kind.
    pub kind: Kind,
}

/// A program entity matched to a gold entity of another kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WrongKind {
    /// The program's name.
    pub name: String,
    /// The program's kind.
    pub got: Kind,
    /// The gold kind.
    pub gold: Kind,
}

/// Scores of one article's entities.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EntityScore {
    /// Per kind, kinds must agree (or be in `also`).
    pub typed: BTreeMap<Kind, Counts>,
    /// Per kind, kinds ignored (TP and FN under the gold kind, FP under the program's).
    pub untyped: BTreeMap<Kind, Counts>,
    /// Program entities matching nothing, or a gold entity already matched.
    pub false_positives: Vec<Named>,
    /// Required gold entities not found (typed).
    pub misses: Vec<Named>,
    /// Matched by name but typed differently.
    pub wrong_kind: Vec<WrongKind>,
}

struct GoldItem {
    names: HashSet<String>,
    kind: Kind,
    also: Vec<Kind>,
    optional: bool,
    name: String,
}

fn gold_items(gold: &[GoldEntity]) -> Vec<GoldItem> {
    gold.iter()
        .filter_map(|g| {
            let kind: Kind = g.kind.parse().ok()?;
            let names = std::iter::once(&g.name)
                .chain(&g.aliases)
                .map(|n| normalize::name(n))
                .collect();
            Some(GoldItem {
                names,
                kind,
                also: g.also.iter().filter_map(|k| k.parse().ok()).collect(),
                optional: g.optional,
                name: g.name.clone(),
            })
        })
        .collect()
}

fn entity_names(e: &Entity) -> HashSet<String> {
    std::iter::once(&e.name)
        .chain(&e.aliases)
        .map(|n| normalize::name(n))
        .collect()
}

fn bump(map: &mut BTreeMap<Kind, Counts>, kind: Kind, f: impl FnOnce(&mut Counts)) {
    f(map.entry(kind).or_default());
}

/// Scores the program's entities of one article against its gold list.
pub fn score(program: &[Entity], gold: &[GoldEntity]) -> EntityScore {
    let items = gold_items(gold);
    let named: Vec<(&Entity, HashSet<String>)> = program
        .iter()
        .filter(|e| e.kind.is_named())
        .map(|e| (e, entity_names(e)))
        .collect();
    let mut out = EntityScore::default();
    typed(&items, &named, &mut out);
    untyped(&items, &named, &mut out);
    out
}

/// Matches only optional gold entities (one that also matches a required entity,
/// e.g. "China" with the alias "People's Republic of China", is scored normally).
fn ignored(items: &[GoldItem], found: &[usize]) -> bool {
    !found.is_empty() && found.iter().all(|&g| items[g].optional)
}

fn matches(items: &[GoldItem], names: &HashSet<String>) -> Vec<usize> {
    (0..items.len())
        .filter(|&g| !items[g].names.is_disjoint(names))
        .collect()
}

fn typed(items: &[GoldItem], named: &[(&Entity, HashSet<String>)], out: &mut EntityScore) {
    let mut taken = vec![false; items.len()];
    let mut wrong: Vec<usize> = Vec::new();
    let compatible = |g: &GoldItem, k: Kind| g.kind == k || g.also.contains(&k);
    // Kind-compatible matches first, so the outcome does not depend on order.
    let mut rest = Vec::new();
    for (n, (entity, names)) in named.iter().enumerate() {
        let found = matches(items, names);
        if ignored(items, &found) {
            continue;
        }
        match found
            .iter()
            .find(|&&g| compatible(&items[g], entity.kind) && !taken[g])
        {
            Some(&g) => {
                taken[g] = true;
                bump(&mut out.typed, items[g].kind, |c| c.tp += 1);
            }
            None => rest.push((n, found)),
        }
    }
    for (n, found) in rest {
        let entity = named[n].0;
        bump(&mut out.typed, entity.kind, |c| c.fp += 1);
        match found.iter().find(|&&g| !taken[g]) {
            Some(&g) if !compatible(&items[g], entity.kind) => {
                taken[g] = true;
                wrong.push(g);
                out.wrong_kind.push(WrongKind {
                    name: entity.name.clone(),
                    got: entity.kind,
                    gold: items[g].kind,
                });
            }
            _ => out.false_positives.push(Named {
                name: entity.name.clone(),
                kind: entity.kind,
            }),
        }
    }
    for (g, item) in items.iter().enumerate() {
        if !item.optional && (!taken[g] || wrong.contains(&g)) {
            bump(&mut out.typed, item.kind, |c| c.fn_ += 1);
            out.misses.push(Named {
                name: item.name.clone(),
                kind: item.kind,
            });
        }
    }
}

fn untyped(items: &[GoldItem], named: &[(&Entity, HashSet<String>)], out: &mut EntityScore) {
    let mut taken = vec![false; items.len()];
    for (entity, names) in named {
        let found = matches(items, names);
        if ignored(items, &found) {
            continue;
        }
        match found.iter().find(|&&g| !taken[g]) {
            Some(&g) => {
                taken[g] = true;
                bump(&mut out.untyped, items[g].kind, |c| c.tp += 1);
            }
            None => bump(&mut out.untyped, entity.kind, |c| c.fp += 1),
        }
    }
    for (g, item) in items.iter().enumerate() {
        if !item.optional && !taken[g] {
            bump(&mut out.untyped, item.kind, |c| c.fn_ += 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Mention;

    fn entity(name: &str, kind: Kind, aliases: &[&str]) -> Entity {
        Entity {
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            count: 1,
            mentions: vec![Mention { start: 0, end: 1 }],
        }
    }

    fn gold(name: &str, kind: &str, aliases: &[&str], also: &[&str], optional: bool) -> GoldEntity {
        GoldEntity {
            name: name.into(),
            kind: kind.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            also: also.iter().map(|s| s.to_string()).collect(),
            optional,
        }
    }

    #[test]
    fn matches_by_any_normalised_name() {
        let s = score(
            &[entity("the Zed Republic", Kind::Country, &["ZR"])],
            &[gold("Zed Republic's", "country", &[], &[], false)],
        );
        assert_eq!(
            s.typed[&Kind::Country],
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
    }

    #[test]
    fn an_entity_matching_required_and_optional_gold_is_scored() {
        let s = score(
            &[entity("Zed", Kind::Country, &["Zed Republic"])],
            &[
                gold("Zed", "country", &[], &[], false),
                gold("Zed Republic", "country", &[], &[], true),
            ],
        );
        assert_eq!(s.typed[&Kind::Country].tp, 1);
    }

    #[test]
    fn duplicates_are_false_positives() {
        let s = score(
            &[
                entity("Quux", Kind::Firm, &[]),
                entity("Quux Group", Kind::Firm, &[]),
            ],
            &[gold("Quux Group", "firm", &["Quux"], &[], false)],
        );
        assert_eq!(
            s.typed[&Kind::Firm],
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            s.untyped[&Kind::Firm],
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
    }

    #[test]
    fn optional_gold_is_ignored_either_way() {
        let s = score(
            &[entity("Blip", Kind::Org, &[])],
            &[gold("Blip", "firm", &[], &[], true)],
        );
        assert!(s.typed.is_empty() && s.untyped.is_empty());
    }

    #[test]
    fn wrong_kind_is_a_false_positive_and_a_miss_but_untyped_a_hit() {
        let s = score(
            &[entity("Zorb Park", Kind::Org, &[])],
            &[gold("Zorb Park", "zone", &[], &[], false)],
        );
        assert_eq!(
            s.typed[&Kind::Org],
            Counts {
                tp: 0,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            s.typed[&Kind::Zone],
            Counts {
                tp: 0,
                fp: 0,
                fn_: 1
            }
        );
        assert_eq!(
            s.untyped[&Kind::Zone],
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(s.wrong_kind.len(), 1);
    }

    #[test]
    fn also_kinds_count_as_typed_matches() {
        let s = score(
            &[entity("Zorb Center", Kind::Zone, &[])],
            &[gold("Zorb Center", "org", &[], &["zone"], false)],
        );
        assert_eq!(s.typed[&Kind::Org].tp, 1);
    }

    #[test]
    fn order_does_not_matter_for_kind_conflicts() {
        let gold_list = [gold("Zorb", "city", &[], &[], false)];
        let a = score(
            &[
                entity("Zorb", Kind::Firm, &[]),
                entity("Zorb", Kind::City, &[]),
            ],
            &gold_list,
        );
        let b = score(
            &[
                entity("Zorb", Kind::City, &[]),
                entity("Zorb", Kind::Firm, &[]),
            ],
            &gold_list,
        );
        assert_eq!(a.typed, b.typed);
        assert_eq!(a.typed[&Kind::City].tp, 1);
    }

    #[test]
    fn figures_and_dates_are_not_named_entities() {
        let s = score(&[entity("2019", Kind::Date, &[])], &[]);
        assert!(s.typed.is_empty());
    }

    #[test]
    fn f1_arithmetic() {
        let c = Counts {
            tp: 8,
            fp: 2,
            fn_: 2,
        };
        assert!((c.f1() - 0.8).abs() < 1e-9);
        assert_eq!(Counts::default().f1(), 0.0);
    }
}
