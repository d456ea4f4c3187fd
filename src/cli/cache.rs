//! `dossier cache info|clear`: the corpus caches in `$XDG_CACHE_HOME/dossier`.

use super::args::{CacheAction, CacheArgs};
use super::{Output, Status};
use crate::cache::{admin, location};
use crate::corpus::Input;
use crate::text::{sanitize_line, thousands};
use anyhow::{Context, bail};

/// Runs `dossier cache`.
pub fn run(args: &CacheArgs, _out: &Output) -> anyhow::Result<Status> {
    let Some(folder) = location::default_folder() else {
        bail!("no cache folder: neither XDG_CACHE_HOME nor HOME is set");
    };
    match &args.action {
        CacheAction::Info { paths } => {
            let inputs = inputs(paths);
            let caches = admin::list(&folder, &inputs);
            let mut text = format!("folder: {}\n", sanitize_line(&folder.display().to_string()));
            let total: u64 = caches.iter().map(|c| c.bytes).sum();
            text.push_str(&format!("caches: {} ({})\n", caches.len(), size(total)));
            for cache in &caches {
                text.push_str(&describe(cache));
            }
            super::output::emit(&text)?;
            Ok(if caches.is_empty() {
                Status::NoMatch
            } else {
                Status::Success
            })
        }
        CacheAction::Clear { paths } => {
            let (count, bytes) = admin::clear(&folder, &inputs(paths))
                .with_context(|| format!("clearing {}", folder.display()))?;
            super::report::message(&format!("removed {count} cache(s), {}", size(bytes)));
            Ok(Status::Success)
        }
    }
}

fn inputs(paths: &[std::ffi::OsString]) -> Vec<Input> {
    paths.iter().map(Input::from_arg).collect()
}

fn describe(cache: &admin::CacheFile) -> String {
    let mut s = format!("\n{}\n", sanitize_line(&cache.path.display().to_string()));
    match &cache.summary {
        Ok(summary) => {
            for input in summary.corpus.lines() {
                s.push_str(&format!("  corpus    {}\n", sanitize_line(input)));
            }
            s.push_str(&format!("  files     {}\n", thousands(summary.files)));
            s.push_str(&format!("  articles  {}\n", thousands(summary.articles)));
            let state = if cache.current() {
                "current"
            } else {
                "another version (rebuilt when next opened)"
            };
            s.push_str(&format!(
                "  version   {} ({state})\n",
                sanitize_line(&summary.extractor)
            ));
        }
        Err(reason) => s.push_str(&format!(
            "  unreadable: {} (rebuilt when next opened)\n",
            sanitize_line(reason)
        )),
    }
    s.push_str(&format!("  size      {}\n", size(cache.bytes)));
    s
}

fn size(bytes: u64) -> String {
    let mib = bytes as f64 / (1024.0 * 1024.0);
    if mib >= 10.0 {
        format!("{mib:.0} MiB")
    } else {
        format!("{mib:.1} MiB")
    }
}
