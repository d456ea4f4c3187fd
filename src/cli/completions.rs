//! `dossier completions SHELL`: the shell's completion script, generated from
//! the clap definitions (so it always knows every command and flag).

use super::Status;
use super::args::{Cli, CompletionsArgs};
use clap::CommandFactory;

/// Prints the completion script for the shell asked for.
pub fn run(args: &CompletionsArgs) -> anyhow::Result<Status> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "dossier", &mut script);
    super::output::emit(&String::from_utf8_lossy(&script))?;
    Ok(Status::Success)
}
