//! Prints how the extractor read a text file's body: the rules' candidates, the
//! tagger's names with their confidence, and what was kept (development aid).
//!
//!     cargo run --release --example trace_extract -- FILE

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: trace_extract FILE"))?;
    let text = std::fs::read_to_string(&path)?;
    let corpus = dossier::corpus::load_text(&path, &text);
    for article in &corpus.articles {
        println!("== {}", article.title);
        // Read as `article_entities` reads it: the headline, then the body.
        let title = article.title.trim();
        let text = if title.is_empty() || article.body.contains(title) {
            article.body.clone()
        } else {
            format!("{title}\n\n{}", article.body)
        };
        print!("{}", dossier::extract::trace(&text));
    }
    Ok(())
}
