//! Finding the story in a flattened page, readability-style: paragraphs score their
//! ancestors (commas, length), class hints and link density adjust the scores, the
//! best container wins and takes along siblings that score well too. Furniture
//! inside the winner (link lists, negative classes) is dropped.

use super::dom::{Page, TextBlock};
use super::score::{Totals, density, excluded, prose, scores, totals};

/// Share of the page's prose the chosen container should hold.
const STORY_SHARE: f64 = 0.75;

/// Below this much text the winner is distrusted and every block is used instead.
const MIN_STORY_CHARS: usize = 250;

/// Indices into `page.blocks` of the blocks that make up the story, in page order.
pub(super) fn story(page: &Page) -> Vec<usize> {
    let totals = totals(page);
    let excluded = excluded(page, &totals);
    let scores = scores(page, &totals, &excluded);
    let kept_prose = prose(page, Some(&excluded));
    let chosen = best(page, &scores)
        .map(|top| gather(page, &totals, &kept_prose, top))
        .map(|top| with_siblings(page, &totals, &scores, top));
    let inside = match chosen {
        Some(chosen) => inside(page, &chosen, &excluded, &totals),
        None => vec![false; page.elements.len()],
    };
    let picked = select(&page.blocks, |b| inside[b.owner]);
    let picked_chars: usize = picked.iter().map(|&i| page.blocks[i].chars).sum();
    if picked_chars >= MIN_STORY_CHARS {
        return picked;
    }
    // No convincing container: every block outside furniture that is not a link list.
    select(&page.blocks, |b| {
        !excluded[b.owner] && density(b.link_chars, b.chars) <= 0.5
    })
}

fn select(blocks: &[TextBlock], keep: impl Fn(&TextBlock) -> bool) -> Vec<usize> {
    (0..blocks.len()).filter(|&i| keep(&blocks[i])).collect()
}

/// The top candidate, moved up to a common ancestor when close runners-up share one.
fn best(page: &Page, scores: &[Option<f64>]) -> Option<usize> {
    let (mut top, &top_score) = scores
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.as_ref().map(|s| (i, s)))
        .filter(|(i, _)| !matches!(page.elements[*i].tag.as_str(), "html"))
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))?;
    let close: Vec<usize> = (0..scores.len())
        .filter(|&i| i != top && scores[i].is_some_and(|s| s >= top_score * 0.75))
        .collect();
    let mut at = page.elements[top].parent;
    while let Some(ancestor) = at {
        if page.elements[ancestor].tag == "body" {
            break;
        }
        let shared = close
            .iter()
            .filter(|&&c| is_within(page, c, ancestor))
            .count();
        if shared >= 3 {
            top = ancestor;
            break;
        }
        at = page.elements[ancestor].parent;
    }
    Some(climb(page, scores, top))
}

/// A story split over several containers (between figures, pull quotes, ads):
/// when the winner holds under [`STORY_SHARE`] of the page's prose, the nearest
/// ancestor below `<body>` that holds that share (and is not a link list) wins.
fn gather(page: &Page, totals: &Totals, prose: &[usize], top: usize) -> usize {
    let Some(body) = (0..page.elements.len()).find(|&i| page.elements[i].tag == "body") else {
        return top;
    };
    let enough = |i: usize| prose[i] as f64 >= prose[body] as f64 * STORY_SHARE;
    if enough(top) {
        return top;
    }
    let mut at = page.elements[top].parent;
    while let Some(i) = at.filter(|&i| i != body) {
        if enough(i) && density(totals.links[i], totals.chars[i]) < 0.35 {
            return i;
        }
        at = page.elements[i].parent;
    }
    top
}

/// Readability's climb: a parent that scores higher than the candidate takes over.
fn climb(page: &Page, scores: &[Option<f64>], top: usize) -> usize {
    let Some(mut last) = scores[top] else {
        return top;
    };
    let threshold = last / 3.0;
    let mut at = page.elements[top].parent;
    while let Some(parent) = at {
        if page.elements[parent].tag == "body" {
            break;
        }
        if let Some(score) = scores[parent] {
            if score < threshold {
                break;
            }
            if score > last {
                return parent;
            }
            last = score;
        }
        at = page.elements[parent].parent;
    }
    top
}

fn is_within(page: &Page, mut node: usize, ancestor: usize) -> bool {
    loop {
        if node == ancestor {
            return true;
        }
        match page.elements[node].parent {
            Some(p) => node = p,
            None => return false,
        }
    }
}

/// The winner plus siblings that score at least a fifth of it (or ten), and sibling
/// paragraphs that read like text rather than links.
fn with_siblings(page: &Page, totals: &Totals, scores: &[Option<f64>], top: usize) -> Vec<usize> {
    let top_score = scores[top].unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let Some(parent) = page.elements[top].parent else {
        return vec![top];
    };
    let mut chosen = Vec::new();
    for (i, element) in page.elements.iter().enumerate() {
        if element.parent != Some(parent) {
            continue;
        }
        let link_density = density(totals.links[i], totals.chars[i]);
        let good = i == top
            || scores[i].is_some_and(|s| s >= threshold)
            || element.tag == "p" && totals.chars[i] > 80 && link_density < 0.25;
        if good {
            chosen.push(i);
        }
    }
    chosen
}

/// Which elements' own blocks belong to the story: inside a chosen element, not
/// excluded, and not in a link-heavy or furniture-classed sub-block.
fn inside(page: &Page, chosen: &[usize], excluded: &[bool], totals: &Totals) -> Vec<bool> {
    let mut out = vec![false; page.elements.len()];
    for (i, element) in page.elements.iter().enumerate() {
        let root = chosen.contains(&i);
        let parent_in = element.parent.is_some_and(|p| out[p]);
        out[i] = (root || parent_in) && !excluded[i] && (root || !is_clutter(page, totals, i));
    }
    out
}

/// A container inside the story that is link lists or furniture rather than text.
fn is_clutter(page: &Page, totals: &Totals, i: usize) -> bool {
    let element = &page.elements[i];
    let container = matches!(
        element.tag.as_str(),
        "div" | "section" | "ul" | "ol" | "table" | "dl"
    );
    let link_density = density(totals.links[i], totals.chars[i]);
    container && (link_density > 0.5 || element.verdict.weight < 0 && link_density > 0.2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::html::dom::flatten;

    fn story_text(html: &str) -> Vec<String> {
        let page = flatten(&scraper::Html::parse_document(html));
        story(&page)
            .iter()
            .map(|&i| page.blocks[i].text.clone())
            .collect()
    }

    const PARA: &str = "The harbour authority said on Monday that cargo volumes rose by a fifth, \
        helped by new routes, longer opening hours, and a dredged channel that lets larger ships in.";

    #[test]
    fn the_story_container_wins_over_navigation_lists() {
        let links: String = (0..20)
            .map(|i| format!("<li><a href=/{i}>Other headline number {i}</a></li>"))
            .collect();
        let html = format!(
            "<body><div class=menu-wrap><ul>{links}</ul></div>\
             <div class=story><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div>\
             <div class=list><ul>{links}</ul></div></body>"
        );
        let text = story_text(&html);
        assert_eq!(text.len(), 3);
        assert!(text.iter().all(|t| t.starts_with("The harbour")));
    }

    #[test]
    fn a_link_list_inside_the_story_is_dropped() {
        let links: String = (0..6)
            .map(|i| format!("<li><a href=/{i}>See also story {i}</a></li>"))
            .collect();
        let html =
            format!("<body><article><p>{PARA}</p><ul>{links}</ul><p>{PARA}</p></article></body>");
        let text = story_text(&html);
        assert_eq!(text.len(), 2);
    }

    #[test]
    fn related_box_inside_article_is_dropped() {
        let html = format!(
            "<body><article><p>{PARA}</p><div class=related-box><p>{PARA} Related.</p></div><p>{PARA}</p></article></body>"
        );
        let text = story_text(&html);
        assert!(text.iter().all(|t| !t.ends_with("Related.")));
        assert_eq!(text.len(), 2);
    }

    #[test]
    fn a_section_whose_id_mentions_sharing_is_kept_when_it_holds_prose() {
        let html = format!(
            "<body><div class=content><p>{PARA}</p><div id=sharing-files-between-machines><h2>Sharing files</h2>\
             <p>{PARA} One.</p><p>{PARA} Two.</p><p>{PARA} Three.</p></div>\
             <div class=share-tools><a href=#>Facebook</a> <a href=#>Twitter</a></div></div></body>"
        );
        let text = story_text(&html);
        assert!(text.iter().any(|t| t.ends_with("Three.")), "{text:?}");
        assert!(!text.iter().any(|t| t.contains("Facebook")));
    }

    #[test]
    fn comments_with_long_paragraphs_are_still_dropped() {
        let html = format!(
            "<body><article><p>{PARA}</p><p>{PARA}</p></article><div id=comments><p>{PARA} Comment one.</p>\
             <p>{PARA} Comment two.</p><p>{PARA} Comment three.</p></div></body>"
        );
        let text = story_text(&html);
        assert!(!text.iter().any(|t| t.contains("Comment")), "{text:?}");
    }

    #[test]
    fn a_story_split_by_figures_is_gathered_from_its_common_ancestor() {
        let part = |n: usize| {
            format!(
                "<div class=wrap><div class=inner><p>{PARA} Part {n}a.</p><p>{PARA} Part {n}b.</p></div></div>"
            )
        };
        let html = format!(
            "<body><div id=page><div class=lede>{}</div><figure><figcaption>A map of the port.</figcaption></figure>\
             <div class=more>{}</div><div class=end>{}</div></div><div class=footer-links><a href=/>Home</a></div></body>",
            part(1),
            part(2),
            part(3)
        );
        let text = story_text(&html);
        for n in 1..=3 {
            assert!(
                text.iter().any(|t| t.ends_with(&format!("Part {n}b."))),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_page_wrapped_in_one_form_keeps_its_story() {
        let html = format!(
            "<body><form id=main-form><div class=search><input name=q></div>\
             <article><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></article></form></body>"
        );
        let text = story_text(&html);
        assert_eq!(text.len(), 3, "{text:?}");
    }

    #[test]
    fn a_byline_inside_the_story_container_is_not_story_text() {
        let html = format!(
            "<body><div class=article-content><p class=\"byline ap-byline\">Ann Lee, Ap Political Writer</p>\
             <p>{PARA}</p><p>{PARA}</p><div class=author-bio><p>Ann Lee covers ports.</p></div></div></body>"
        );
        let text = story_text(&html);
        assert_eq!(text.len(), 2, "{text:?}");
    }

    #[test]
    fn short_pages_fall_back_to_all_text_blocks() {
        let text = story_text("<body><p>Short note.</p><p>Another.</p></body>");
        assert_eq!(text, ["Short note.", "Another."]);
    }
}
