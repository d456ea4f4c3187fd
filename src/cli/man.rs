//! `dossier man`: the manual page (roff) on stdout, generated from the clap
//! definitions: the command and its options, then each command with its own,
//! the keys (from the keymap table), the files, the environment and the exit
//! status.

use super::Status;
use super::args::Cli;
use crate::tui::keymap::Keymap;
use clap::CommandFactory;
use std::fmt::Write as _;

/// Prints the manual page.
pub fn run() -> anyhow::Result<Status> {
    super::output::emit(&page()?)?;
    Ok(Status::Success)
}

/// The whole page as roff.
pub fn page() -> anyhow::Result<String> {
    let command = Cli::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut out)?;
    // The text after the help is the examples.
    let mut page = String::from_utf8_lossy(&out).replace(".SH EXTRA", ".SH EXAMPLES");
    for sub in command.get_subcommands().filter(|c| !c.is_hide_set()) {
        page.push_str(&subcommand(sub)?);
    }
    page.push_str(&keys());
    page.push_str(EXTRA);
    Ok(page)
}

/// One command: its synopsis, what it does, its options.
fn subcommand(sub: &clap::Command) -> anyhow::Result<String> {
    let name = format!("dossier {}", sub.get_name());
    let sub = sub.clone().bin_name(name.clone());
    let mut section = format!(".SH \"{}\"\n", name.to_uppercase());
    let mut out = Vec::new();
    let man = clap_mangen::Man::new(sub);
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    let text = String::from_utf8_lossy(&out)
        .replace(".SH SYNOPSIS", ".SS Synopsis")
        .replace(".SH DESCRIPTION", ".SS Description")
        .replace(".SH OPTIONS", ".SS Options");
    section.push_str(&text);
    Ok(section)
}

/// The explorer's keys, from the one keymap table.
fn keys() -> String {
    let mut out = String::from(".SH KEYS\nIn the explorer (press ? for the same list):\n");
    for binding in &Keymap::default().bindings {
        let keys: Vec<String> = binding.keys.iter().map(|k| k.to_string()).collect();
        let _ = write!(
            out,
            ".TP\n\\fB{}\\fR\n{}\n",
            roff_escape(&keys.join(" ")),
            roff_escape(binding.help)
        );
    }
    out
}

/// Escapes text for roff: backslashes, leading dots and quotes, hyphens.
fn roff_escape(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

const EXTRA: &str = r#".SH FILES
.TP
\fI$XDG_CONFIG_HOME/dossier/config.toml\fR (else \fI~/.config/dossier/config.toml\fR)
The configuration file: theme, colours per kind, key overrides, default paths, the article list's order (written by \fBs\fR) and the history's size.
.TP
\fI$XDG_STATE_HOME/dossier/history\fR (else \fI~/.local/state/dossier/history\fR)
The filter queries submitted with Enter, one a line, newest last (at most \fBhistory_size\fR of them, 1000 unless the configuration says).
.SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
When set and not empty, no colour (unless \fB\-\-color always\fR).
.TP
\fBCOLORTERM\fR, \fBTERM\fR
Colour depth: 24\-bit when COLORTERM is truecolor or 24bit, 256 colours when TERM names 256color, 16 otherwise; none on a VT100.
.TP
\fBLC_ALL\fR, \fBLC_CTYPE\fR, \fBLANG\fR
A locale that is not UTF\-8 (such as C) draws with ASCII only, as \fB\-\-ascii\fR does.
.TP
\fBDOSSIER_CONFIG\fR
The configuration file to read, as \fB\-\-config\fR.
.TP
\fBDOSSIER_DEMO_SPEED\fR
The demo's speed, as \fB\-\-demo\-speed\fR.
.TP
\fBBROWSER\fR
The program \fBo\fR opens an article's URL with (its first entry; \fB%s\fR stands for the URL); without it the system's opener (xdg\-open, open), except over SSH.
.TP
\fBXDG_CONFIG_HOME\fR, \fBXDG_STATE_HOME\fR
Where the configuration file and the history are.
.SH EXIT STATUS
0 when all went well or something matched, 1 when nothing matched, 2 on an error (as grep, ripgrep and fzf); \fBdossier pick\fR exits 130 when cancelled, as fzf.
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_has_every_command_and_the_keys() {
        let page = page().expect("rendered");
        assert!(page.contains("\n.TH dossier 1"), "{page}");
        for section in [
            ".SH \"DOSSIER SEARCH\"",
            ".SH KEYS",
            ".SH FILES",
            ".SH EXIT STATUS",
        ] {
            assert!(page.contains(section), "{section}");
        }
        assert!(
            !page.contains(".SH \"DOSSIER GENERATE\""),
            "hidden commands stay out"
        );
    }

    #[test]
    fn roff_escapes() {
        assert_eq!(roff_escape(".a-b\\"), "\\&.a\\-b\\e");
    }
}
