//! clap definitions for every command: the one source for parsing, `--help`,
//! shell completions and the man page.

use crate::extract::Kind;
use clap::{Args, Parser, Subcommand, ValueEnum};
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
    pub paths: Vec<String>,
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
        after_help = "Examples:\n  dossier show 2\n  dossier show ~/news/a.html --json\n  dossier show 3 ~/news\n  dossier show ~/news/feed.jsonl:12\n\nExit status: 0 when shown, 2 when there is no such article or file."
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
        after_help = "Examples:\n  dossier eval --gold tests/fixtures/gold\n  dossier eval --gold gold/ articles/ --verbose\n  dossier eval --gold gold/ --json"
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
        paths: Vec<String>,
    },
    /// Delete the caches (only that of the corpus of PATHS when given).
    Clear {
        /// Only the cache of the corpus of these files or folders.
        paths: Vec<String>,
    },
}

/// `dossier list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Files or folders (default: the embedded sample corpus); `-` reads stdin.
    pub paths: Vec<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// `dossier show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// An article id from `dossier list`, the path of an article file, or
    /// FILE.jsonl:LINE for one JSON Lines record.
    pub target: String,
    /// The corpus an id refers to (default: the embedded sample corpus).
    pub paths: Vec<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `dossier entities`.
#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Files or folders (default: the embedded sample corpus); `-` reads stdin.
    pub paths: Vec<String>,
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
    pub paths: Vec<String>,
    /// Match only entities of these kinds, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "KINDS")]
    pub kind: Vec<Kind>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Show at most N articles.
    #[arg(long, value_name = "N")]
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
    pub paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
}

/// `dossier eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Folder of gold files (one JSON per article, matched by its `file`).
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// The articles to score (default: the embedded sample corpus).
    pub paths: Vec<String>,
    /// List every false positive and miss.
    #[arg(long, short)]
    pub verbose: bool,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
}

/// `dossier snapshot`.
#[derive(Debug, Args)]
pub struct SnapshotArgs {
    /// Files or folders (default: the embedded sample corpus); `-` reads stdin.
    pub paths: Vec<String>,
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definitions_are_consistent() {
        Cli::command().debug_assert();
    }
}
