//! `dossier list`: the article table.

use super::{Output, Status, args::Global};

/// Prints the article list.
pub fn run(paths: &[String], json: bool, global: &Global, out: &Output) -> anyhow::Result<Status> {
    let index = super::load(paths, global)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&index.articles)?);
        return Ok(Status::Success);
    }
    let _ = out;
    for a in &index.articles {
        println!("{:>3}  {}", a.id, crate::text::sanitize_line(&a.title));
    }
    Ok(Status::Success)
}
