//! clap definitions for every command: the one source for parsing, `--help`,
//! shell completions and the man page.

use super::report;
use crate::extract::Kind;
use clap::error::ErrorKind;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  dossier                          explore the embedded sample corpus
  dossier ~/news                   explore a folder of articles
  dossier list ~/news --json       the article list as JSON
  dossier search 'city:chong firm:cloud' ~/news
  dossier export ~/news --format jsonl > articles.jsonl";

/// dossier: explore a folder of news articles and the cities, firms, people and
/// other entities they mention.
#[derive(Debug, Parser)]
#[command(name = "dossier", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// What to do; without a command, explore the corpus interactively.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or folders of articles (.txt .md .html .jsonl); `-` reads stdin.
    /// Without any, the embedded sample corpus.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<OsString>,
    /// Options every command takes.
    #[command(flatten)]
    pub global: Global,
    /// Play a self-running tour of the embedded sample corpus, with captions;
    /// any key takes over, q quits.
    #[arg(long, conflicts_with = "paths")]
    pub demo: bool,
    /// How fast the demo runs: 1 for an audience, 2 twice as fast
    /// (also: DOSSIER_DEMO_SPEED).
    #[arg(long, value_name = "FACTOR", requires = "demo")]
    pub demo_speed: Option<f64>,
}

/// Options every command takes.
#[derive(Debug, Clone, Args)]
pub struct Global {
    /// Fail (exit 2) when any input file or record had to be skipped.
    #[arg(long, global = true)]
    pub strict: bool,
    /// When to use colour; NO_COLOR in the environment means never unless `always`.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Draw borders and markers with ASCII only (the default when the locale
    /// is not UTF-8, e.g. LANG=C, or TERM is a VT100).
    #[arg(long, global = true)]
    pub ascii: bool,
    /// Read the configuration from this file instead of
    /// $XDG_CONFIG_HOME/dossier/config.toml (also: DOSSIER_CONFIG).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Read no configuration file.
    #[arg(long, global = true, conflicts_with = "config")]
    pub no_config: bool,
    /// Neither read nor write the corpus cache in $XDG_CACHE_HOME/dossier:
    /// read, clean and extract every file.
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Find the entities again in JSON Lines records that already list them
    /// (a `dossier export` read back keeps its entities and metadata otherwise).
    #[arg(long, global = true)]
    pub reextract: bool,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When writing to a terminal and NO_COLOR is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles: id, date, outlet, title, entity count.
    #[command(
        after_help = "Examples:\n  dossier list\n  dossier list ~/news --json | jq '.[].title'"
    )]
    List(ListArgs),
    /// Show one cleaned article with its metadata.
    #[command(
        after_help = "Examples:\n  dossier show 2\n  dossier show ~/news/a.html --json --why\n  dossier show 3 ~/news\n  dossier show ~/news/feed.jsonl:12\n\nExit status: 0 when shown, 2 when there is no such article or file."
    )]
    Show(ShowArgs),
    /// List entities per article or across the corpus.
    #[command(
        after_help = "Examples:\n  dossier entities --kind city,firm\n  dossier entities --article 2 --json\n  dossier entities ~/news --kind firm"
    )]
    Entities(EntitiesArgs),
    /// Find articles by fzf-style query over titles, outlets and entities.
    #[command(
        after_help = "Examples:\n  dossier search chong\n  dossier search 'city:chengdu firm:cloud' ~/news\n  dossier search \"'Alibaba !tencent\" --json\n\nExit status: 0 if an article matched, 1 if none did, 2 on error."
    )]
    Search(SearchArgs),
    /// Write every article with its metadata and entities (stable JSON Lines schema).
    #[command(
        after_help = "Examples:\n  dossier export --format jsonl\n  dossier export ~/news --format jsonl > out.jsonl\n  dossier export ~/news | jq -r '.title'\n\nEach line: id, file, path, title, title_derived, source, date, author, url, body,\nentities (see README, \"Export schema\"). Exit status: 0 when articles were written,\n1 when there were none, 2 on error."
    )]
    Export(ExportArgs),
    /// Score extraction and metadata against gold annotation files.
    #[command(
        after_help = "Examples:\n  dossier eval --gold tests/fixtures/gold\n  dossier eval --gold gold/ articles/ --verbose\n  dossier eval --gold gold/ --json\n  dossier eval --conll conll2003/eng.testa"
    )]
    Eval(EvalArgs),
    /// Render the explorer after some keys, as plain text, without a terminal.
    #[command(
        after_help = "Examples:\n  dossier snapshot\n  dossier snapshot --size 120x40 --keys 'j Tab Enter'"
    )]
    Snapshot(SnapshotArgs),
    /// Show or clear the corpus caches in $XDG_CACHE_HOME/dossier.
    #[command(
        after_help = "Examples:\n  dossier cache info\n  dossier cache info ~/news\n  dossier cache clear\n  dossier cache clear ~/news\n\nA corpus's cache holds its cleaned articles and entities, so that reopening\nunchanged files reads nothing again. It is rebuilt when damaged or written by\nanother version; --no-cache runs without it."
    )]
    Cache(CacheArgs),
    /// Choose articles in the explorer and print their paths, as fzf does.
    #[command(
        after_help = "Examples:\n  vim $(dossier pick ~/news)\n  dossier pick ~/news --json | jq -r .url\n\nThe explorer runs on the terminal (/dev/tty); Tab marks an article and moves down,\nS-Tab marks and moves up, Enter prints the marked articles (or the selected one),\none path a line. Esc on the list, q or Ctrl-C cancel.\n\nExit status: 0 when something was chosen, 1 when Enter found nothing to choose,\n2 on error, 130 when cancelled (as fzf)."
    )]
    Pick(PickArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "Examples:\n  dossier completions bash > ~/.local/share/bash-completion/completions/dossier\n  dossier completions zsh > ~/.zfunc/_dossier\n  dossier completions fish > ~/.config/fish/completions/dossier.fish"
    )]
    Completions(CompletionsArgs),
    /// Print the man page (roff) on stdout.
    #[command(
        after_help = "Examples:\n  dossier man > ~/.local/share/man/man1/dossier.1\n  dossier man | man -l -"
    )]
    Man,
    /// Write a synthetic corpus (benchmarks and tests): JSON Lines on stdout, or files.
    #[command(hide = true)]
    Generate(GenerateArgs),
}

/// `dossier cache`.
#[derive(Debug, Args)]
pub struct CacheArgs {
    /// What to do.
    #[command(subcommand)]
    pub action: CacheAction,
}

/// What `dossier cache` does.
#[derive(Debug, Clone, Subcommand)]
pub enum CacheAction {
    /// Where the caches are, and for each its corpus, files, articles, size and version.
    Info {
        /// Only the cache of the corpus of these files or folders.
        paths: Vec<OsString>,
    },
    /// Delete the caches (only that of the corpus of PATHS when given).
    Clear {
        /// Only the cache of the corpus of these files or folders.
        paths: Vec<OsString>,
    },
}

/// `dossier list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Files or folders (default: the embedded sample corpus); `-` reads stdin.
    pub paths: Vec<OsString>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// `dossier show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// An article id from `dossier list`, the path of an article file, or
    /// FILE.jsonl:LINE for one JSON Lines record.
    pub target: OsString,
    /// The corpus an id refers to (default: the embedded sample corpus).
    pub paths: Vec<OsString>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Also say where the title, outlet, date and author came from (JSON-LD, a meta
    /// tag, the headline line, a byline, the publisher table, ...).
    #[arg(long)]
    pub why: bool,
}

/// `dossier entities`.
#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Files or folders (default: the embedded sample corpus); `-` reads stdin.
    pub paths: Vec<OsString>,
    /// Only this article (an id from `dossier list`); without it, corpus-wide.
    #[arg(long, value_name = "ID")]
    pub article: Option<usize>,
    /// Only these kinds, comma-separated (city, region, country, zone, firm, org, person, event, figure, date).
    #[arg(long, value_delimiter = ',', value_name = "KINDS")]
    pub kind: Vec<Kind>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// `dossier search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query: space-separated terms (AND), `|` (OR), `'exact`, `^prefix`, `suffix$`,
    /// `!not`, scopes such as `city:` `firm:` (`c:` `f:`); smart case.
    pub query: String,
    /// Files or folders (default: the embedded sample corpus); `-` reads stdin.
    pub paths: Vec<OsString>,
    /// Match only entities of these kinds, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "KINDS")]
    pub kind: Vec<Kind>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Show at most N articles (N is at least 1).
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    pub limit: Option<usize>,
}

/// Output formats of `dossier export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per article per line.
    Jsonl,
}

/// `dossier export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Files or folders (default: the embedded sample corpus); `-` reads stdin.
    pub paths: Vec<OsString>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
}

/// `dossier eval`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("against").required(true).args(["gold", "conll"])))]
pub struct EvalArgs {
    /// Folder of gold files (one JSON per article, matched by its `file`).
    #[arg(long, value_name = "DIR")]
    pub gold: Option<PathBuf>,
    /// A CoNLL-format file (CoNLL-2003 and the like): each document is rebuilt as
    /// plain text, one sentence per line, loaded, and scored on coarse names (PER,
    /// LOC, ORG; MISC ignored), unique per document.
    #[arg(long, value_name = "FILE", conflicts_with = "paths")]
    pub conll: Option<PathBuf>,
    /// The articles to score (default: the embedded sample corpus).
    pub paths: Vec<OsString>,
    /// List every false positive and miss.
    #[arg(long, short)]
    pub verbose: bool,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
}

/// `dossier pick`.
#[derive(Debug, Args)]
pub struct PickArgs {
    /// Files or folders (default: the configuration's paths, else the embedded
    /// sample corpus); `-` is not allowed (the keys come from the terminal).
    pub paths: Vec<OsString>,
    /// Print each chosen article as a JSON object on its own line (the
    /// `dossier export` record) instead of its path.
    #[arg(long)]
    pub json: bool,
}

/// `dossier snapshot`.
#[derive(Debug, Args)]
pub struct SnapshotArgs {
    /// Files or folders (default: the embedded sample corpus); `-` reads stdin.
    pub paths: Vec<OsString>,
    /// Screen size as WIDTHxHEIGHT.
    #[arg(long, default_value = "80x24", value_name = "WxH")]
    pub size: String,
    /// Keys to press first, space-separated (`j`, `Tab`, `Enter`, `Esc`, `C-d`, `/`, ...).
    #[arg(long, default_value = "", value_name = "KEYS")]
    pub keys: String,
}

/// `dossier completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `dossier generate` (hidden): a synthetic corpus, the same for the same seed.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Number of articles.
    #[arg(long, default_value_t = 1000, value_name = "N")]
    pub articles: usize,
    /// Seed of the generator.
    #[arg(long, default_value_t = 1, value_name = "S")]
    pub seed: u64,
    /// Write one .txt file per article into this new (or empty) folder instead of
    /// JSON Lines on stdout.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Parses the command line. `--help` and `--version` are printed on stdout
/// (exit status 0); a usage error on stderr, with what was typed escaped
/// (exit status 2). clap is built without colour, so its rendering holds
/// nothing but its own text and what was typed.
pub fn parse() -> Result<Cli, u8> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let parsed = command()
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .and_then(check);
    match parsed {
        Ok(cli) => Ok(cli),
        Err(e) if !e.use_stderr() => {
            let _ = super::output::emit(&e.render().ansi().to_string());
            Err(0)
        }
        Err(e) => {
            report::usage(&e.render().ansi().to_string());
            Err(super::EXIT_ERROR)
        }
    }
}

/// The command line's definition, rendering its messages without styles: their
/// text is escaped as a whole before it is written.
fn command() -> clap::Command {
    Cli::command().styles(clap::builder::Styles::plain())
}

/// A count of at least one (`--limit`).
fn at_least_one(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(_) => Err("not a whole number".into()),
    }
}

/// What clap cannot say by itself: `--demo` takes no command, and a bare
/// word that names neither a command nor a file is a mistyped command
/// (`dossier lsit`), not a missing input.
fn check(cli: Cli) -> Result<Cli, clap::Error> {
    if cli.demo && cli.command.is_some() {
        return Err(command().error(
            ErrorKind::ArgumentConflict,
            "--demo plays the explorer's tour on the sample corpus and takes no command",
        ));
    }
    if cli.command.is_none()
        && let Some(first) = cli.paths.first()
        && let Some(word) = first.to_str()
        && !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !word.starts_with('-')
        && std::fs::symlink_metadata(first).is_err()
    {
        let commands: Vec<String> = Cli::command()
            .get_subcommands()
            .filter(|c| !c.is_hide_set())
            .map(|c| c.get_name().to_string())
            .collect();
        let near: Vec<&String> = commands
            .iter()
            .filter(|c| crate::text::edit_distance(c, word) <= 2)
            .collect();
        let tip = match near.as_slice() {
            [] => format!("commands: {}", commands.join(", ")),
            some => format!(
                "a similar command exists: {}",
                some.iter()
                    .map(|c| format!("'{c}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        return Err(command().error(
            ErrorKind::InvalidSubcommand,
            format!("'{word}' is neither a command nor a file or folder\n\n  tip: {tip}"),
        ));
    }
    Ok(cli)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance() {
        use crate::text::edit_distance as distance;
        assert_eq!(distance("lsit", "list"), 2);
        assert_eq!(distance("serch", "search"), 1);
        assert!(distance("frobnicate", "list") > 2);
    }

    #[test]
    fn definitions_are_consistent() {
        Cli::command().debug_assert();
    }
}
