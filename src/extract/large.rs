//! Extraction of bodies of any size in time linear in their length: a long body
//! is cut at paragraph breaks into parts of about [`PART`] bytes, each part is
//! extracted on its own (in parallel), and the parts' entities are joined (same
//! kind and name: one entity, mentions shifted back into the whole body). A body
//! up to [`PART`] bytes is extracted whole, exactly as [`super::entities`] does.
//! Some steps of the extractor compare every candidate with every other one,
//! which a 100 MB body turns into minutes; parts bound that.

use super::{Entity, Mention, entities};
use rayon::prelude::*;
use std::collections::HashMap;

/// Bodies longer than this are extracted in parts of about this size.
pub const PART: usize = 64 * 1024;

/// The entities of `body`, as [`entities`] gives them for bodies up to
/// [`PART`] bytes, and joined over parts for longer ones.
pub fn entities_of_any_size(body: &str) -> Vec<Entity> {
    if body.len() <= PART {
        return entities(body);
    }
    let parts = split(body, PART);
    let found: Vec<Vec<Entity>> = parts
        .par_iter()
        .map(|&(start, end)| entities(&body[start..end]))
        .collect();
    join(parts.iter().map(|&(start, _)| start).zip(found))
}

/// Byte ranges covering `body`, each about `size` long, cut after a paragraph
/// break (else a line break, else a space, else any char boundary).
fn split(body: &str, size: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while body.len() - start > size {
        let window = &body[start..floor(body, start + size)];
        let cut = window
            .rfind("\n\n")
            .map(|i| i + 2)
            .or_else(|| window.rfind('\n').map(|i| i + 1))
            .or_else(|| window.rfind(' ').map(|i| i + 1))
            .filter(|&i| i > 0)
            .unwrap_or(window.len().max(1));
        let end = floor(body, start + cut).max(ceil(body, start + 1));
        out.push((start, end));
        start = end;
    }
    out.push((start, body.len()));
    out
}

fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Joins the parts' entities: named ones first, then figures and dates, each in
/// order of first mention; one entity per kind and name, aliases merged.
fn join(parts: impl Iterator<Item = (usize, Vec<Entity>)>) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    let mut at: HashMap<(super::Kind, String), usize> = HashMap::new();
    for (offset, list) in parts {
        for mut entity in list {
            for m in &mut entity.mentions {
                *m = Mention {
                    start: m.start + offset,
                    end: m.end + offset,
                };
            }
            match at.get(&(entity.kind, entity.name.clone())) {
                Some(&i) => {
                    let kept = &mut out[i];
                    kept.mentions.extend(entity.mentions);
                    kept.count = kept.mentions.len();
                    for alias in entity.aliases {
                        if !kept.aliases.contains(&alias) {
                            kept.aliases.push(alias);
                        }
                    }
                }
                None => {
                    at.insert((entity.kind, entity.name.clone()), out.len());
                    out.push(entity);
                }
            }
        }
    }
    let (mut named, values): (Vec<Entity>, Vec<Entity>) =
        out.into_iter().partition(|e| e.kind.is_named());
    named.extend(values);
    named
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_bodies_are_extracted_whole() {
        let body = "Alibaba Cloud opened an office in Chongqing on Monday.";
        assert_eq!(entities_of_any_size(body), entities(body));
    }

    #[test]
    fn parts_cover_the_body_and_end_at_paragraph_breaks() {
        let body = "Para one is here.\n\nPara two, é and more.\n\nThree.".repeat(50);
        let parts = split(&body, 100);
        assert_eq!(parts[0].0, 0);
        assert_eq!(parts.last().unwrap().1, body.len());
        for pair in parts.windows(2) {
            assert_eq!(pair[0].1, pair[1].0);
            assert!(body[..pair[0].1].ends_with("\n\n"));
        }
        // No break at all: still cut, on char boundaries.
        let solid = "é".repeat(500);
        let parts = split(&solid, 101);
        assert!(
            parts
                .iter()
                .all(|&(s, e)| solid.is_char_boundary(s) && e > s)
        );
    }

    #[test]
    fn a_long_body_gives_the_entities_of_its_parts_with_offsets_into_the_whole() {
        let paragraph = "Workers at the Foo Industrial Park in Chongqing met Wang Fahang of \
                         Foo Holding Group, which invested 20 million yuan in 2019.\n\n";
        let body = paragraph.repeat(PART / paragraph.len() * 3);
        let found = entities_of_any_size(&body);
        let one = entities(paragraph.trim_end());
        assert!(!one.is_empty());
        for entity in &one {
            let joined = found
                .iter()
                .find(|e| e.kind == entity.kind && e.name == entity.name)
                .unwrap_or_else(|| panic!("{} missing", entity.name));
            assert!(joined.count > entity.count * 2, "{}", entity.name);
            for m in &joined.mentions {
                assert!(body.is_char_boundary(m.start) && body.is_char_boundary(m.end));
            }
            let first = joined.mentions[0];
            assert_eq!(
                &body[first.start..first.end],
                &paragraph[first.start..first.end]
            );
        }
        let last = found.iter().rposition(|e| e.kind.is_named()).unwrap();
        assert!(found[..last].iter().all(|e| e.kind.is_named()));
    }
}
