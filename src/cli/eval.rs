//! `dossier eval`.

use super::{Output, Status, args::{Global, EvalArgs}};

/// Runs `dossier eval`.
pub fn run(_args: &EvalArgs, _global: &Global, _out: &Output) -> anyhow::Result<Status> {
    anyhow::bail!("'dossier eval' is not implemented yet")
}
