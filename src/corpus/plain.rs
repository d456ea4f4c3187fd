//! Plain text to blocks: one block per line, except that hard-wrapped paragraphs
//! (lines cut at a fixed width inside a blank-line separated block) are rejoined.

use super::document::{Block, Document};

/// Widest line length at which a file is taken to be hard-wrapped.
const WRAP_WIDTH: usize = 100;

/// Reads plain text (with YAML front matter on top, if it has some, as
/// Markdown has).
pub(crate) fn read(text: &str) -> Document {
    let front = super::markdown::front_matter(text);
    let lines: Vec<&str> = front.rest.lines().map(str::trim_end).collect();
    let margin = wrap_margin(&lines);
    let mut blocks: Vec<Block> = Vec::new();
    // Length of the previous physical line when it may continue into this one.
    let mut previous: Option<usize> = None;
    for line in lines {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            previous = None;
            continue;
        }
        let reached_margin = |len: usize| margin.is_some_and(|m| len * 10 >= m * 6);
        // A wire dateline line before a blank line ends its paragraph there.
        let apart = |last: &str| {
            opens_wire_dateline(trimmed) || previous.is_none() && opens_wire_dateline(last)
        };
        match blocks.last_mut() {
            Some(last)
                if !apart(&last.text)
                    && ((previous.is_some_and(reached_margin)
                        && continues(&last.text, trimmed))
                        || runs_on(&last.text, trimmed)) =>
            {
                last.text.push(' ');
                last.text.push_str(trimmed);
            }
            _ => blocks.push(Block::paragraph(trimmed)),
        }
        previous = Some(line.chars().count());
    }
    Document {
        blocks,
        hints: front.hints,
        warnings: front.warning.into_iter().collect(),
    }
}

/// The right margin of a hard-wrapped file: no line is long and most non-empty
/// lines sit near the same width. `None` when the file is not hard-wrapped.
fn wrap_margin(lines: &[&str]) -> Option<usize> {
    let lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.chars().count())
        .filter(|&n| n > 0)
        .collect();
    let widest = *lengths.iter().max()?;
    if widest > WRAP_WIDTH || lengths.len() < 4 {
        return None;
    }
    let near_margin = lengths.iter().filter(|&&n| n * 10 >= widest * 7).count();
    (near_margin * 2 >= lengths.len()).then_some(widest)
}

/// "PORTVILLE, Ruritania, Sept. 12, 2017 /Agency/--": a wire dateline with its place
/// in capitals opens the story; it never continues the headline above it. Nor does
/// the paragraph after a blank line continue a wire dateline line: a line "... /Wire/
/// -- A news report from" whose outlet the saved copy lost (a link) ends there.
fn opens_wire_dateline(line: &str) -> bool {
    let place = line.split([',', ' ']).next().unwrap_or("");
    place.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !place.chars().any(char::is_lowercase)
        && super::meta::date::dateline_len(line).is_some()
}

/// Whether `next` continues the paragraph ending in `previous`.
fn continues(previous: &str, next: &str) -> bool {
    let ends_clause = previous.ends_with(['.', '!', '?', ':', '"', '\u{201d}']);
    let starts_lower = next
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    !ends_clause || starts_lower
}

/// Small words a sentence cannot end on.
const DANGLING: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
    "with", "against", "but", "that", "than", "its", "their", "his", "her",
];

/// A sentence cut at a line end whatever the width: the line stops on a comma or a
/// small word ("... against the Minor Counties and" / "Scotland."), or a line of a
/// few words without final punctuation goes on in lower case ("... a four-month
/// tour" / "starting on May 13 ...").
fn runs_on(previous: &str, next: &str) -> bool {
    let ends_clause = previous.ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}']);
    // "Updated: Jun 8, 2020 Print": a labelled date line is no sentence cut short.
    let date_line = crate::corpus::clean::rules::DATE_LABEL.is_match(previous)
        && super::meta::date::find(previous).is_some();
    if ends_clause || date_line {
        return false;
    }
    let last_word = previous.rsplit(' ').next().unwrap_or("");
    // The next line must open with a plain word: "ftz.xm.gov.cn" or
    // "updatetime:2020-12-01" under a headline is page furniture, not its tail, and
    // so is a file's name ("1920-694.jpg Boat show") under a caption ending "2 years on".
    let first_word = next.split_whitespace().next().unwrap_or("");
    let dangling = (previous.ends_with(',') || DANGLING.contains(&last_word))
        && !is_file_or_address(first_word);
    let plain_word = first_word
        .trim_end_matches([',', ';'])
        .chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
    let lower = next.chars().next().is_some_and(char::is_lowercase)
        && plain_word
        && next.split_whitespace().nth(1).is_some()
        && !next.starts_with("by ")
        && previous.split_whitespace().count() >= 5;
    dangling || lower
}

/// "photo.jpg", "ftz.example.gov.cn": a name with a dot and letters after it, never
/// a word that carries on a sentence ("U.S.", "3.5").
fn is_file_or_address(word: &str) -> bool {
    word.rsplit_once('.').is_some_and(|(name, ext)| {
        !name.is_empty()
            && !name.ends_with('.')
            && (2..=4).contains(&ext.len())
            && ext.chars().all(|c| c.is_ascii_alphabetic())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_line_does_not_run_on_into_a_lower_case_paragraph() {
        let doc = read(
            "Harbour grows\n\nUpdated: Jun 8, 2020 Print\n\ncapital of the coast -- \
             has been building new berths, the port said.\n",
        );
        assert_eq!(doc.blocks.len(), 3, "{:?}", texts(&doc));
    }

    fn texts(doc: &Document) -> Vec<&str> {
        doc.blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn one_block_per_line_when_lines_are_long() {
        let doc = read(
            "A title\nA first paragraph that is long enough to be a whole paragraph of its own and then some more words to pass the wrap margin.\n\nSecond.",
        );
        assert_eq!(texts(&doc).len(), 3);
    }

    #[test]
    fn a_site_name_or_label_under_a_headline_is_not_its_tail() {
        for furniture in [
            "ftz.quxton.gov.cn",
            "updatetime:2020-12-01 12:44:20 Views:0",
        ] {
            let doc = read(&format!(
                "Quxton gathering discusses integrated circuits sector\n{furniture}\n\nThe first paragraph of the story is long enough to be a paragraph on its own, and it goes on.\n"
            ));
            assert_eq!(
                doc.blocks[0].text, "Quxton gathering discusses integrated circuits sector",
                "{furniture}"
            );
        }
    }

    #[test]
    fn hard_wrapped_paragraphs_are_rejoined() {
        let text = "The council approved the new budget on Monday after a long\n\
                    debate about the costs of the harbour project and the\n\
                    schools that will open next year in the northern suburbs.\n\
                    \n\
                    Critics said the figures did not add up, and they asked\n\
                    for an independent review before any money is spent at\n\
                    all on the harbour or on the new roads around it.\n";
        let doc = read(text);
        assert_eq!(texts(&doc).len(), 2);
        assert!(doc.blocks[0].text.starts_with("The council approved"));
        assert!(doc.blocks[0].text.ends_with("northern suburbs."));
    }

    #[test]
    fn a_short_line_before_wrapped_text_stays_apart() {
        let text = "Harbour plan approved\nBy Jane Doe\nThe council approved the new budget on Monday after a long\n\
                    debate about the costs of the harbour project and the\n\
                    schools that will open next year in the northern suburbs.\n";
        let doc = read(text);
        assert_eq!(texts(&doc)[..2], ["Harbour plan approved", "By Jane Doe"]);
        assert_eq!(texts(&doc).len(), 3);
    }

    #[test]
    fn sentences_cut_at_uneven_widths_are_rejoined() {
        let text = "ZED - PORT REOPENS.\nQUXTON 1996-08-30\nThe tourists will play nine matches against\n\
                    county sides and another against Zed Universities,\nas well as matches against the Minor Counties and\n\
                    Quxland.\nHarbour plan approved\nby the council\n";
        let doc = read(text);
        assert_eq!(
            texts(&doc),
            [
                "ZED - PORT REOPENS.",
                "QUXTON 1996-08-30",
                "The tourists will play nine matches against county sides and another against Zed Universities, as well as matches against the Minor Counties and Quxland.",
                "Harbour plan approved",
                "by the council"
            ]
        );
    }

    #[test]
    fn a_file_name_under_a_caption_ending_in_a_small_word_is_not_its_tail() {
        let doc = read(
            "Related\n88120331 (1).jpg Quxton harbour expands 2 years on\n1920-694.jpg 14th Quxland Boat Show\n",
        );
        assert_eq!(
            texts(&doc),
            [
                "Related",
                "88120331 (1).jpg Quxton harbour expands 2 years on",
                "1920-694.jpg 14th Quxland Boat Show"
            ]
        );
        // A sentence cut before "U.S." or a figure is still rejoined.
        let doc = read("Exports rose by\n3.5 percent to the\nU.S. market.\n");
        assert_eq!(
            texts(&doc),
            ["Exports rose by 3.5 percent to the U.S. market."]
        );
    }

    #[test]
    fn a_wire_dateline_under_a_wrapped_headline_opens_the_story() {
        let text = "Portville -- a Harbour Town Full of Promise for Anyone With a Boat\n\
                    PORTVILLE, Ruritania, Sept. 12, 2017 /Example-Wire/--\n\n\
                    The harbour of Portville reopened on Monday after a long winter of works on \n\
                    the quays, and the first ferries of the season came in at dawn with cargo and \n\
                    passengers from the islands, the port authority said in a statement today.\n";
        let doc = read(text);
        let texts = texts(&doc);
        assert_eq!(
            texts[0],
            "Portville -- a Harbour Town Full of Promise for Anyone With a Boat"
        );
        assert!(texts[1].starts_with("PORTVILLE, Ruritania, Sept. 12, 2017"));
    }

    #[test]
    fn a_wire_dateline_line_cut_off_before_a_blank_line_stays_apart() {
        let text = "Port grows\nPORTVILLE, Ruritania, May 3, 2024 /Quxwire/ -- A news report from\n\n\
                    Portville in the north of Ruritania is working to build a bigger harbour.\n";
        assert_eq!(
            texts(&read(text)),
            [
                "Port grows",
                "PORTVILLE, Ruritania, May 3, 2024 /Quxwire/ -- A news report from",
                "Portville in the north of Ruritania is working to build a bigger harbour."
            ]
        );
        // Without the blank line the cut sentence is rejoined.
        let text = "Port grows\nPORTVILLE, Ruritania, May 3, 2024 /Quxwire/ -- Ships came in from\n\
                    the islands at dawn, the port said.\n";
        assert_eq!(
            texts(&read(text))[1],
            "PORTVILLE, Ruritania, May 3, 2024 /Quxwire/ -- Ships came in from the islands at dawn, the port said."
        );
    }

    #[test]
    fn short_lines_are_not_joined() {
        let doc = read("Title\nBy Jane Doe\nUpdated: 2020-01-01\n");
        assert_eq!(texts(&doc), ["Title", "By Jane Doe", "Updated: 2020-01-01"]);
    }
}
