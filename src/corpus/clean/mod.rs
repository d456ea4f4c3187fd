//! Cleaning: from a document's blocks to the article text alone. Lines are
//! normalised, judged on their own ([`rules`]) and by position ([`layout`]);
//! metadata lines found in the head are marked by the metadata reader; what is
//! left as body is joined into paragraphs.

pub(crate) mod inline;
pub(crate) mod layout;
pub(crate) mod line;
pub(crate) mod phrases;
pub(crate) mod rules;
pub(crate) mod spaces;

use super::document::Block;
pub(crate) use line::Line;

/// Blocks to lines: spaces normalised, glued widget text and edge separators cut,
/// empty lines dropped.
pub(crate) fn prepare(blocks: Vec<Block>) -> Vec<Line> {
    blocks
        .into_iter()
        .filter_map(|block| {
            let text = spaces::normalise(&block.text);
            // A CMS shortcode's content is a widget ("[button ...]Send us ...").
            if inline::opens_with_shortcode(&text) {
                return None;
            }
            let text = inline::strip(&text);
            let text = trim_separators(phrases::strip_widget_prefix(&text));
            (!text.is_empty()).then(|| Line {
                link_chars: block.link_chars,
                kind: block.kind,
                ..Line::new(text)
            })
        })
        .collect()
}

/// Drops separator bars at the ends of a line ("Headline |" -> "Headline"), but
/// keeps a line made only of them, so that the separator rule can see it.
fn trim_separators(text: &str) -> &str {
    let trimmed = text.trim_matches(|c: char| c == '|' || c == '\u{a6}' || c.is_whitespace());
    if trimmed.is_empty() {
        text.trim()
    } else {
        trimmed
    }
}

/// The article text: body lines, one paragraph each, a blank line between paragraphs.
pub(crate) fn body(lines: &[Line]) -> String {
    let mut out = String::new();
    for line in lines.iter().filter(|l| l.is_body()) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&line.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepare_normalises_and_trims_separators() {
        let lines = prepare(vec![
            Block::paragraph("  Harbour\u{a0}\u{a0}grows |"),
            Block::paragraph("|||"),
            Block::paragraph("\u{a0} "),
        ]);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["Harbour grows", "|||"]);
    }

    #[test]
    fn body_joins_paragraphs_with_blank_lines() {
        let mut lines = vec![Line::new("One."), Line::new("x"), Line::new("Two.")];
        lines[1].role = line::Role::Junk(line::Rule::Separator);
        assert_eq!(body(&lines), "One.\n\nTwo.");
    }
}
