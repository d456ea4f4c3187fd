//! Measures for finding the story: text and link totals per element, prose in
//! real paragraphs, which elements are furniture by their class hints, and the
//! readability-style scores that paragraphs give their ancestors.

use super::classes;
use super::dom::{Page, TextBlock};

/// Paragraphs shorter than this (non-space characters) do not vote.
const MIN_VOTER_CHARS: usize = 25;

/// Prose (see [`is_prose`]) that saves an element with a soft furniture hint.
const MIN_PROSE_CHARS: usize = 500;

/// Per element: text and link totals over its subtree.
pub(super) struct Totals {
    pub chars: Vec<usize>,
    pub links: Vec<usize>,
}

pub(super) fn totals(page: &Page) -> Totals {
    let n = page.elements.len();
    let mut t = Totals {
        chars: vec![0; n],
        links: vec![0; n],
    };
    for block in &page.blocks {
        let mut at = Some(block.owner);
        while let Some(i) = at {
            t.chars[i] += block.chars;
            t.links[i] += block.link_chars;
            at = page.elements[i].parent;
        }
    }
    t
}

pub(super) fn density(links: usize, chars: usize) -> f64 {
    if chars == 0 {
        0.0
    } else {
        links as f64 / chars as f64
    }
}

/// A paragraph of prose: long enough, few links.
fn is_prose(block: &TextBlock) -> bool {
    block.chars >= 80 && density(block.link_chars, block.chars) < 0.25
}

/// Prose characters in real paragraphs under each element. For gathering a story
/// (`excluded` given), blocks of excluded elements and of lists (teaser lists hold
/// summary paragraphs too) are left out.
pub(super) fn prose(page: &Page, excluded: Option<&[bool]>) -> Vec<usize> {
    let mut out = vec![0; page.elements.len()];
    let mut listed = vec![false; page.elements.len()];
    for (i, e) in page.elements.iter().enumerate() {
        listed[i] =
            matches!(e.tag.as_str(), "li" | "ul" | "ol") || e.parent.is_some_and(|p| listed[p]);
    }
    let kept = |b: &&TextBlock| excluded.is_none_or(|e| !e[b.owner] && !listed[b.owner]);
    for block in page.blocks.iter().filter(|b| is_prose(b)).filter(kept) {
        let mut at = Some(block.owner);
        while let Some(i) = at {
            out[i] += block.chars;
            at = page.elements[i].parent;
        }
    }
    out
}

/// Furniture by class, unless it holds most of the page's text, or (for the softer
/// hints) a few real paragraphs; inherited by descendants.
pub(super) fn excluded(page: &Page, totals: &Totals) -> Vec<bool> {
    let all = totals.chars.first().copied().unwrap_or(0);
    let prose = prose(page, None);
    let mut out = vec![false; page.elements.len()];
    for (i, element) in page.elements.iter().enumerate() {
        let verdict = element.verdict;
        // A wrapper mis-hinted by a class holds (nearly) all the text; comments can
        // outweigh a short story, so hard hints need more to be overruled.
        let share = if verdict.hard { 9 } else { 6 };
        let most_text = totals.chars[i] * 10 >= all * share;
        let has_prose = !verdict.hard && prose[i] >= MIN_PROSE_CHARS;
        let pruned = verdict.unlikely && !most_text && !has_prose;
        out[i] = pruned || element.parent.is_some_and(|p| out[p]);
    }
    out
}

/// Readability scores: each voting paragraph adds to its parent, half to the
/// grandparent, and less further up; then scaled by 1 - link density.
pub(super) fn scores(page: &Page, totals: &Totals, excluded: &[bool]) -> Vec<Option<f64>> {
    let mut raw: Vec<Option<f64>> = vec![None; page.elements.len()];
    for block in &page.blocks {
        if excluded[block.owner]
            || block.chars < MIN_VOTER_CHARS
            || !votes(&page.elements[block.owner].tag)
        {
            continue;
        }
        let commas = block.text.matches([',', '，', '、']).count() as f64;
        let vote = 1.0 + commas + (block.chars as f64 / 100.0).floor().min(3.0);
        let mut at = page.elements[block.owner].parent;
        for level in 0..5 {
            let Some(i) = at else { break };
            let element = &page.elements[i];
            let base = classes::tag_score(&element.tag) + f64::from(element.verdict.weight);
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f64 * 3.0,
            };
            *raw[i].get_or_insert(base) += vote / divider;
            at = element.parent;
        }
    }
    raw.iter()
        .enumerate()
        .map(|(i, s)| s.map(|s| s * (1.0 - density(totals.links[i], totals.chars[i]))))
        .collect()
}

fn votes(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "pre" | "td" | "blockquote" | "div" | "section" | "article" | "main" | "dd"
    )
}
