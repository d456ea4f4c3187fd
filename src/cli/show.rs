//! `dossier show`.

use super::{Output, Status, args::{Global, ShowArgs}};

/// Runs `dossier show`.
pub fn run(_args: &ShowArgs, _global: &Global, _out: &Output) -> anyhow::Result<Status> {
    anyhow::bail!("'dossier show' is not implemented yet")
}
