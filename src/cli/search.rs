//! `dossier search`.

use super::{Output, Status, args::{Global, SearchArgs}};

/// Runs `dossier search`.
pub fn run(_args: &SearchArgs, _global: &Global, _out: &Output) -> anyhow::Result<Status> {
    anyhow::bail!("'dossier search' is not implemented yet")
}
