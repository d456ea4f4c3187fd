//! `dossier search QUERY [PATHS]`: the articles a query matches, best first, each
//! with the fields and entities that matched (matched chars highlighted when colour
//! is on), or the same as JSON. Exit 0 when something matched, 1 when nothing did,
//! 2 on a malformed query (with a message that points at the problem).

use super::{
    Output, Status,
    args::{Global, SearchArgs},
    output,
};
use crate::extract::Kind;
use crate::index::Index;
use crate::query::{Options, Query, QueryError, Reason, Searcher, Source};
use crate::text::{self, sanitize_line};
use serde::Serialize;

/// Highlight for matched chars: bold yellow.
const MARK: &str = "\x1b[1;33m";
/// Labels (kind names): dim.
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Runs `dossier search`.
pub fn run(args: &SearchArgs, global: &Global, out: &Output) -> anyhow::Result<Status> {
    // A malformed query fails before any loading, with the place pointed at.
    let query =
        Query::parse(&args.query).map_err(|e| anyhow::anyhow!(describe(&args.query, &e)))?;
    let index = super::load(&args.paths, global)?;
    let searcher = Searcher::new(&index);
    let options = Options::kinds(&args.kind);
    let mut hits = searcher.search(&query, &options);
    let matched = !hits.is_empty();
    hits.truncate(args.limit.unwrap_or(usize::MAX));
    let results: Vec<Found> = hits
        .iter()
        .map(|h| Found {
            article: h.article,
            score: h.score,
            reasons: searcher.explain(&query, &options, h.article),
        })
        .collect();
    let text = if args.json {
        output::json(&json(&index, &results), true)?
    } else if out.width.is_some() {
        results.iter().map(|f| terminal(&index, f, out)).collect()
    } else {
        results.iter().map(|f| piped(&index, f, out)).collect()
    };
    output::emit(&text)?;
    if !matched {
        // Nothing matched: say so, and which one-letter fix would match (the
        // results and the exit status stay those of the query as given).
        let mut session = crate::query::Session::new();
        if let Ok(Some(found)) = session.suggest(&searcher, &args.query, &options, &|| false) {
            super::report::message(&format!("no match; did you mean '{}'?", found.text));
        }
    }
    Ok(if matched {
        Status::Success
    } else {
        Status::NoMatch
    })
}

/// One result with its explanation.
struct Found {
    article: usize,
    score: i64,
    reasons: Vec<Reason>,
}

/// The error, the query with a caret line under the problem, and the hint.
fn describe(input: &str, e: &QueryError) -> String {
    let shown = sanitize_line(input);
    let before = text::width(&sanitize_line(&input[..e.span.start]));
    let under = text::width(&sanitize_line(&input[e.span.clone()])).max(1);
    let mut s = format!(
        "query: {e}\n  {shown}\n  {}{}",
        " ".repeat(before),
        "^".repeat(under)
    );
    if let Some(hint) = &e.hint {
        s.push_str(&format!("\n  {}", sanitize_line(hint)));
    }
    s
}

/// `text` made safe for the terminal, with the chars at `positions` highlighted
/// (when colour is on) and cut to `max` cells with an ellipsis.
fn highlight(raw: &str, positions: &[usize], color: bool, max: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let mut marked = false;
    let total = text::width(&sanitize_line(raw));
    for (i, c) in raw.chars().enumerate() {
        let piece = sanitize_line(c.encode_utf8(&mut [0; 4])).into_owned();
        let w = text::width(&piece);
        if total > max && used + w + 1 > max {
            out.push('…');
            break;
        }
        let mark = color && positions.binary_search(&i).is_ok();
        if mark != marked {
            out.push_str(if mark { MARK } else { RESET });
            marked = mark;
        }
        out.push_str(&piece);
        used += w;
    }
    if marked {
        out.push_str(RESET);
    }
    out
}

/// The matched positions in the title, if it matched.
fn title_positions(found: &Found) -> &[usize] {
    let title = found.reasons.iter().find(|r| r.source == Source::Title);
    title.map_or(&[], |r| &r.positions)
}

/// "city" / "source" / "title" for a reason.
fn label(source: Source) -> &'static str {
    match source {
        Source::Title => "title",
        Source::Outlet => "source",
        Source::Entity { kind, .. } => kind.as_str(),
    }
}

/// For a terminal: the id and title on one line (title highlighted when it
/// matched), then the other matched fields as `kind: name`, both cut to the width.
fn terminal(index: &Index, found: &Found, out: &Output) -> String {
    let width = out.width.unwrap_or(80);
    let article = &index.articles[found.article];
    let id = format!("{:>5}  ", article.id);
    let room = width.saturating_sub(id.len());
    let title = highlight(&article.title, title_positions(found), out.color, room);
    let mut s = format!("{id}{title}\n");
    let others: Vec<&Reason> = found
        .reasons
        .iter()
        .filter(|r| r.source != Source::Title)
        .collect();
    if !others.is_empty() {
        s.push_str(&" ".repeat(id.len()));
        s.push_str(&fields_line(&others, out, room));
        s.push('\n');
    }
    s
}

/// Matched fields as `kind: name`, two spaces apart, within `room` cells: the last
/// one that fits only in part is cut with an ellipsis.
fn fields_line(reasons: &[&Reason], out: &Output, mut room: usize) -> String {
    let mut line = String::new();
    for r in reasons {
        let name = label(r.source);
        let tag_width = name.len() + 2;
        if room < tag_width + 4 {
            line.push('…');
            break;
        }
        let tag = if out.color {
            format!("{DIM}{name}:{RESET} ")
        } else {
            format!("{name}: ")
        };
        let shown = highlight(&r.text, &r.positions, out.color, room - tag_width);
        let used = tag_width + text::width(&sanitize_line(&r.text)).min(room - tag_width);
        line.push_str(&tag);
        line.push_str(&shown);
        if used + 2 > room {
            break;
        }
        line.push_str("  ");
        room -= used + 2;
    }
    line.trim_end().to_string()
}

/// Piped: one line per article, tab-separated: id, title, matched fields as
/// `kind:name` (just `title` for the title, already in its column) joined by
/// "; ", highlighted only with `--color always`.
fn piped(index: &Index, found: &Found, out: &Output) -> String {
    let article = &index.articles[found.article];
    let fields: Vec<String> = found
        .reasons
        .iter()
        .map(|r| match r.source {
            Source::Title => "title".to_string(),
            _ => format!(
                "{}:{}",
                label(r.source),
                highlight(&r.text, &r.positions, out.color, usize::MAX)
            ),
        })
        .collect();
    let title = highlight(
        &article.title,
        title_positions(found),
        out.color,
        usize::MAX,
    );
    format!("{}\t{title}\t{}\n", article.id, fields.join("; "))
}

/// One matched field in `--json`.
#[derive(Serialize)]
struct JsonMatch<'a> {
    /// "title", "source" or "entity".
    field: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<Kind>,
    /// The entity's canonical name (when `text` is one of its aliases, they differ).
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    /// The text that matched.
    text: &'a str,
    /// Matched char positions in `text`.
    positions: &'a [usize],
    score: i64,
}

/// One result in `--json`.
#[derive(Serialize)]
struct JsonHit<'a> {
    id: usize,
    path: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    date: Option<&'a str>,
    score: i64,
    matches: Vec<JsonMatch<'a>>,
}

fn json<'a>(index: &'a Index, results: &'a [Found]) -> Vec<JsonHit<'a>> {
    results
        .iter()
        .map(|f| {
            let a = &index.articles[f.article];
            let matches = f.reasons.iter().map(|r| json_match(index, r)).collect();
            JsonHit {
                id: a.id,
                path: &a.path,
                title: &a.title,
                source: a.source.as_deref(),
                date: a.date.as_deref(),
                score: f.score,
                matches,
            }
        })
        .collect()
}

fn json_match<'a>(index: &'a Index, r: &'a Reason) -> JsonMatch<'a> {
    let (field, kind, name) = match r.source {
        Source::Title => ("title", None, None),
        Source::Outlet => ("source", None, None),
        Source::Entity { entry, kind, .. } => {
            ("entity", Some(kind), Some(index.table[entry].name.as_str()))
        }
    };
    JsonMatch {
        field,
        kind,
        name,
        text: &r.text,
        positions: &r.positions,
        score: r.score,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_points_at_the_problem() {
        let input = "chong citty:x";
        let e = Query::parse(input).unwrap_err();
        let text = describe(input, &e);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "query: unknown scope 'citty:' at column 7");
        assert_eq!(lines[1], "  chong citty:x");
        assert_eq!(lines[2], "        ^^^^^^");
        assert!(lines[3].contains("scopes:"));
    }

    #[test]
    fn caret_counts_display_width() {
        let input = "重庆 !";
        let e = Query::parse(input).unwrap_err();
        let text = describe(input, &e);
        assert_eq!(text.lines().nth(2), Some("       ^"));
    }

    fn index() -> Index {
        use crate::extract::{Entity, Mention};
        let text = "Chongqing opens a new data centre in the west\n\nBody.";
        let article = crate::corpus::from_plain_text(1, "a.txt".into(), "a.txt".into(), text);
        let entity = |name: &str, kind| Entity {
            name: name.into(),
            kind,
            aliases: vec![],
            count: 1,
            mentions: vec![Mention { start: 0, end: 1 }],
        };
        let entities = vec![vec![
            entity("Chongqing", Kind::City),
            entity("Chongqing Data Group", Kind::Firm),
        ]];
        let corpus = crate::corpus::Corpus {
            name: "t".into(),
            articles: vec![article],
            problems: vec![],
        };
        Index::build(corpus, entities)
    }

    fn found(index: &Index, q: &str) -> Found {
        let searcher = Searcher::new(index);
        let query = Query::parse(q).unwrap();
        let reasons = searcher.explain(&query, &Options::default(), 0);
        Found {
            article: 0,
            score: 1,
            reasons,
        }
    }

    #[test]
    fn terminal_rows_fit_the_width_and_name_the_matched_entities() {
        let index = index();
        let out = Output {
            width: Some(40),
            color: false,
        };
        let text = terminal(&index, &found(&index, "chongqing"), &out);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "    1  Chongqing opens a new data centr…");
        assert!(
            lines[1].starts_with("       city: Chongqing  firm: Chongqing"),
            "{text}"
        );
        assert!(lines.iter().all(|l| text::width(l) <= 40), "{text}");
        let out = Output {
            width: Some(40),
            color: true,
        };
        let text = terminal(&index, &found(&index, "chongqing"), &out);
        assert!(
            text.starts_with(&format!("    1  {MARK}Chongqing{RESET} opens")),
            "{text:?}"
        );
        assert!(
            text.contains(&format!("{DIM}city:{RESET} {MARK}Chongqing{RESET}")),
            "{text:?}"
        );
    }

    #[test]
    fn highlight_marks_runs_and_keeps_text_safe() {
        assert_eq!(
            highlight("Chengdu", &[0, 1, 4], true, 80),
            format!("{MARK}Ch{RESET}en{MARK}g{RESET}du")
        );
        assert_eq!(highlight("Chengdu", &[0, 1], false, 80), "Chengdu");
        assert_eq!(highlight("a\x1b[31mb", &[], false, 80), "a␛[31mb");
        assert_eq!(highlight("Chengdu Hi-tech Zone", &[], false, 8), "Chengdu…");
        assert_eq!(highlight("Chengdu", &[6], true, 5), "Chen…");
    }
}
