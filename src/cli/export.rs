//! `dossier export`.

use super::{Output, Status, args::{Global, ExportArgs}};

/// Runs `dossier export`.
pub fn run(_args: &ExportArgs, _global: &Global, _out: &Output) -> anyhow::Result<Status> {
    anyhow::bail!("'dossier export' is not implemented yet")
}
