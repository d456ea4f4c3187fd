//! `dossier entities`.

use super::{Output, Status, args::{Global, EntitiesArgs}};

/// Runs `dossier entities`.
pub fn run(_args: &EntitiesArgs, _global: &Global, _out: &Output) -> anyhow::Result<Status> {
    anyhow::bail!("'dossier entities' is not implemented yet")
}
