//! `dossier snapshot`: the explorer's screen after some keys, as plain text.

use super::args::{Global, SnapshotArgs};
use super::{Output, Status};
use crate::tui::{self, Palette, Theme};
use anyhow::{Context, bail};

/// Runs `dossier snapshot`: the explorer's keys, symbols and default paths
/// come from the configuration file as they would in the explorer.
pub fn run(args: &SnapshotArgs, global: &Global, _out: &Output) -> anyhow::Result<Status> {
    let (width, height) = parse_size(&args.size)?;
    let config = super::explore::config(global)?;
    let paths = super::explore::paths(&args.paths, &config);
    let index = super::load(&paths, global)?;
    let ascii = global.ascii || config.ascii == Some(true);
    let mut state = tui::State::new(index, Theme::new(Palette::None, ascii));
    state.keymap = config.keymap;
    tui::update::update(&mut state, tui::action::Action::Resize(width, height));
    tui::press(&mut state, &args.keys);
    super::output::emit(&tui::screen_text(&state))?;
    Ok(Status::Success)
}

/// Parses "WIDTHxHEIGHT" (each 1 to 1000).
fn parse_size(size: &str) -> anyhow::Result<(u16, u16)> {
    let parse = |s: &str| {
        s.trim()
            .parse::<u16>()
            .ok()
            .filter(|n| (1..=1000).contains(n))
    };
    let shown = crate::text::escape(size);
    let (w, h) = size.split_once(['x', 'X']).context(format!(
        "--size '{shown}': expected WIDTHxHEIGHT, e.g. 80x24"
    ))?;
    match (parse(w), parse(h)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => bail!("--size '{shown}': width and height must be numbers from 1 to 1000"),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("80x24").unwrap(), (80, 24));
        assert_eq!(parse_size("120X40").unwrap(), (120, 40));
        assert!(parse_size("80").is_err());
        assert!(parse_size("0x10").is_err());
        assert!(parse_size("axb").is_err());
    }
}
