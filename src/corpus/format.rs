//! Which reader a file needs: by extension first, by sniffing the content when the
//! extension is unknown (or `.txt` that holds a whole web page).

use std::path::Path;

/// The input formats dossier reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// Plain text, one paragraph per line or blank-line separated.
    Text,
    /// Markdown.
    Markdown,
    /// An HTML page.
    Html,
    /// JSON Lines (or a JSON array of articles): one article per record.
    JsonLines,
}

/// Extensions that name a format outright.
fn by_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        "jsonl" | "ndjson" | "json" => Some(Format::JsonLines),
        _ => None,
    }
}

/// Picks the reader for a file (or stdin, with no path).
pub(crate) fn detect(path: Option<&Path>, text: &str) -> Format {
    match path.and_then(by_extension) {
        // A saved web page is sometimes named .txt; the markup gives it away.
        Some(Format::Text) if looks_like_html_page(text) => Format::Html,
        Some(format) => format,
        None => sniff(text),
    }
}

/// Guesses the format from the first few kilobytes.
pub(crate) fn sniff(text: &str) -> Format {
    let head = head_of(text, 4096).trim_start();
    if looks_like_html_page(head) || html_tag_count(head) >= 3 {
        return Format::Html;
    }
    if head.starts_with('{') || head.starts_with('[') {
        return Format::JsonLines;
    }
    if looks_like_markdown(head) {
        return Format::Markdown;
    }
    Format::Text
}

fn head_of(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn looks_like_html_page(text: &str) -> bool {
    let head = head_of(text.trim_start(), 1024).to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with("<?xml") && head.contains("<html"))
        || head.starts_with("<head")
}

/// Counts common block tags; three or more mean markup rather than prose about markup.
fn html_tag_count(head: &str) -> usize {
    let lower = head.to_ascii_lowercase();
    [
        "<p>", "<p ", "</p>", "<div", "</div>", "<br", "<body", "<article", "<h1", "<h2",
    ]
    .iter()
    .map(|tag| lower.matches(tag).count())
    .sum()
}

fn looks_like_markdown(head: &str) -> bool {
    let lines: Vec<&str> = head.lines().take(60).collect();
    let front_matter = lines.first().is_some_and(|l| l.trim_end() == "---");
    // A field on the line after the opening `---`: front matter even if it
    // is never closed (read by the Markdown reader, with a warning).
    let field = lines.get(1).is_some_and(|l| {
        l.split_once(':').is_some_and(|(key, _)| {
            matches!(
                key.trim().to_ascii_lowercase().as_str(),
                "title" | "headline" | "date" | "author" | "source" | "url" | "published"
            )
        })
    });
    let headings = lines.iter().filter(|l| is_atx_heading(l)).count();
    let links = head.matches("](").count();
    front_matter && (field || lines.iter().skip(1).any(|l| l.trim_end() == "---"))
        || headings >= 1 && (links >= 1 || headings >= 2)
        || links >= 3
}

fn is_atx_heading(line: &str) -> bool {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    (1..=6).contains(&hashes) && line[hashes..].starts_with(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_wins() {
        assert_eq!(detect(Some(Path::new("a.MD")), "plain"), Format::Markdown);
        assert_eq!(detect(Some(Path::new("a.htm")), "x"), Format::Html);
        assert_eq!(detect(Some(Path::new("a.ndjson")), "x"), Format::JsonLines);
    }

    #[test]
    fn txt_holding_a_web_page_is_html() {
        let page = "<!DOCTYPE html><html><body><p>x</p></body></html>";
        assert_eq!(detect(Some(Path::new("a.txt")), page), Format::Html);
    }

    #[test]
    fn unknown_extension_is_sniffed() {
        let p = Some(Path::new("article.dat"));
        assert_eq!(detect(p, "<html><body>hi</body></html>"), Format::Html);
        assert_eq!(detect(p, "{\"title\": \"x\"}\n"), Format::JsonLines);
        assert_eq!(
            detect(p, "# Title\n\nSome [link](http://x) here."),
            Format::Markdown
        );
        assert_eq!(detect(p, "Just a sentence. And another."), Format::Text);
        assert_eq!(detect(None, "<div><p>a</p><p>b</p></div>"), Format::Html);
    }

    #[test]
    fn prose_mentioning_a_tag_stays_text() {
        assert_eq!(sniff("Use the <p> tag for paragraphs."), Format::Text);
    }
}
