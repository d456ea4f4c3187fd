//! `dossier generate` (hidden): a synthetic corpus for benchmarks and tests, as
//! JSON Lines on stdout or one text file per article in a new folder.

use super::{Status, args::GenerateArgs};
use crate::generate;
use anyhow::{Context, bail};

/// Runs `dossier generate`.
pub fn run(args: &GenerateArgs) -> anyhow::Result<Status> {
    let Some(dir) = &args.out else {
        let mut stdout = std::io::stdout().lock();
        return match generate::write_jsonl(args.articles, args.seed, &mut stdout) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(Status::Success),
            other => other.map(|()| Status::Success).context("writing to stdout"),
        };
    };
    // Never add files to a folder that already holds something (it may be a corpus).
    if let Ok(mut entries) = std::fs::read_dir(dir)
        && entries.next().is_some()
    {
        bail!(
            "{}: folder is not empty; give a new or empty one",
            dir.display()
        );
    }
    generate::write_folder(args.articles, args.seed, dir)
        .with_context(|| format!("writing {}", dir.display()))?;
    Ok(Status::Success)
}
