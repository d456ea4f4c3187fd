//! `dossier snapshot`: the explorer's screen after some keys, as plain text;
//! and the interactive explorer itself (`dossier` on a terminal).

use super::args::{ColorChoice, Global, SnapshotArgs};
use super::{Output, Status};
use crate::corpus::{self, Input};
use crate::index::Index;
use crate::tui::{self, Palette, Theme};
use anyhow::{Context, bail};

/// Runs `dossier snapshot`.
pub fn run(args: &SnapshotArgs, global: &Global, _out: &Output) -> anyhow::Result<Status> {
    let (width, height) = parse_size(&args.size)?;
    let index = super::load(&args.paths, global)?;
    let theme = Theme::new(Palette::None, global.ascii);
    print!("{}", tui::snapshot(index, theme, width, height, &args.keys));
    Ok(Status::Success)
}

/// Opens the explorer on the given paths (the embedded seeds when none). The
/// corpus is read and indexed on a worker while the first frame shows; load
/// problems are reported once the terminal is back. Under `--strict` the
/// corpus is read first, so a skipped input fails before the screen changes.
pub fn explore(paths: &[String], global: &Global) -> anyhow::Result<Status> {
    let force = match global.color {
        ColorChoice::Always => Some(true),
        ColorChoice::Never => Some(false),
        ColorChoice::Auto => None,
    };
    let palette = Palette::detect(force, |name| std::env::var(name).ok());
    let theme = Theme::new(palette, global.ascii);
    if global.strict {
        tui::run(super::load(paths, global)?, theme)?;
        return Ok(Status::Success);
    }
    let inputs: Vec<Input> = paths.iter().map(|p| Input::from_arg(p)).collect();
    let name = match paths {
        [] => "embedded seeds".to_string(),
        [one] => one.clone(),
        many => format!("{} inputs", many.len()),
    };
    let build = move || Index::from_corpus(corpus::load(&inputs));
    for problem in tui::run_building(&name, None, build, theme)? {
        let level = if problem.skipped {
            "skipped"
        } else {
            "warning"
        };
        let text = crate::text::sanitize_line(&problem.to_string()).into_owned();
        eprintln!("dossier: {level}: {text}");
    }
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
    let (w, h) = size.split_once(['x', 'X']).context(format!(
        "--size '{size}': expected WIDTHxHEIGHT, e.g. 80x24"
    ))?;
    match (parse(w), parse(h)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => bail!("--size '{size}': width and height must be numbers from 1 to 1000"),
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
