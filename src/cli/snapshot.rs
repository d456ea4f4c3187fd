//! `dossier snapshot`.

use super::{Output, Status, args::{Global, SnapshotArgs}};

/// Runs `dossier snapshot`.
pub fn run(_args: &SnapshotArgs, _global: &Global, _out: &Output) -> anyhow::Result<Status> {
    anyhow::bail!("'dossier snapshot' is not implemented yet")
}
