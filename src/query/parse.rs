//! The query language: fzf's extended-search syntax, term for term (`parseTerms` in
//! fzf's `src/pattern.go`, 0.56 and later), plus `kind:` scopes. [`Query::parse`]
//! is strict and rejects what fzf would silently ignore or read oddly; the lenient
//! [`Query::parse_lenient`] reads any input exactly as fzf does and lists those
//! problems instead, for an interactive filter that must not flicker while typing.

use super::fold;
use crate::extract::Kind;
use std::ops::Range;
use std::str::FromStr;

/// How a term's pattern is compared with a field (fzf's term types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// `chong`: the chars in order, with anything between.
    Fuzzy,
    /// `'chong`: a substring.
    Exact,
    /// `'chong'`: a substring with a word boundary at both ends.
    Boundary,
    /// `^chong`: the field starts with it (leading spaces ignored).
    Prefix,
    /// `qing$`: the field ends with it (trailing spaces ignored).
    Suffix,
    /// `^chongqing$`: the whole field.
    Equal,
}

/// Which fields a term is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// No scope: title, outlet and every entity.
    All,
    /// `title:`
    Title,
    /// `source:` (or `outlet:`): the outlet.
    Source,
    /// `city:`, `firm:`, ... (`c:` city, `f:` firm): entities of one kind.
    Kind(Kind),
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The fields it looks at.
    pub scope: Scope,
    /// How it compares.
    pub mode: Mode,
    /// `!`: the article must have no field in scope that matches.
    pub negated: bool,
    /// The pattern as compared: lower-cased unless `case_sensitive`. Empty for a
    /// scope alone (`region:`), which means "has any field in scope".
    pub pattern: String,
    /// Smart case: true when the pattern has an upper-case letter.
    pub case_sensitive: bool,
    /// True when accented letters in fields match their base letter (the pattern has none).
    pub normalize: bool,
    /// Where the term is in the query, in bytes.
    pub span: Range<usize>,
}

impl Term {
    /// True for a bare scope (`region:`): any field in scope matches.
    pub fn is_presence(&self) -> bool {
        self.pattern.is_empty()
    }
}

/// A parsed query: every group must match (AND); within a group, any term (OR).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The groups, in query order.
    pub groups: Vec<Vec<Term>>,
}

/// A malformed query, with where the problem is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} at column {column}")]
pub struct QueryError {
    /// What is wrong, e.g. "unknown scope 'citty:'".
    pub message: String,
    /// Byte range of the offending part of the query.
    pub span: Range<usize>,
    /// 1-based char column where it starts.
    pub column: usize,
    /// How to fix it, when there is something to say.
    pub hint: Option<String>,
}

/// The scope names `name:` understands, for messages and help.
pub const SCOPES: &str =
    "city (c), region, country, zone, firm (f), org, person, event, figure, date, title, source";

/// A raw token: its text with `\ ` resolved, and its byte span in the input.
struct Token {
    text: String,
    span: Range<usize>,
}

/// Splits on runs of spaces; `\ ` is a literal space and a tab is a space inside a token.
fn tokens(input: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut start: Option<usize> = None;
    let mut chars = input.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|&(_, n)| n == ' ') {
            chars.next();
            start.get_or_insert(i);
            text.push(' ');
        } else if c == ' ' {
            if let Some(s) = start.take() {
                out.push(Token {
                    text: std::mem::take(&mut text),
                    span: s..i,
                });
            }
        } else {
            start.get_or_insert(i);
            text.push(if c == '\t' { ' ' } else { c });
        }
    }
    if let Some(s) = start {
        out.push(Token {
            text,
            span: s..input.len(),
        });
    }
    out
}

/// `word:` at the start of `s` when word is ASCII letters: (word, rest).
fn scope_prefix(s: &str) -> Option<(&str, &str)> {
    let (word, rest) = s.split_once(':')?;
    (!word.is_empty() && word.bytes().all(|b| b.is_ascii_alphabetic())).then_some((word, rest))
}

fn scope_named(word: &str) -> Option<Scope> {
    match word.to_ascii_lowercase().as_str() {
        "title" => Some(Scope::Title),
        "source" | "outlet" => Some(Scope::Source),
        w => Kind::from_str(w).ok().map(Scope::Kind),
    }
}

/// fzf's operators on a (case-folded) pattern: returns the mode and what is left.
fn operators(mut text: &str, negated: bool) -> (Mode, &str) {
    let mut mode = if negated { Mode::Exact } else { Mode::Fuzzy };
    if text != "$" && text.ends_with('$') {
        mode = Mode::Suffix;
        text = &text[..text.len() - 1];
    }
    if text.len() > 2 && text.starts_with('\'') && text.ends_with('\'') {
        mode = Mode::Boundary;
        text = &text[1..text.len() - 1];
    } else if let Some(rest) = text.strip_prefix('\'') {
        mode = if negated { Mode::Fuzzy } else { Mode::Exact };
        text = rest;
    } else if let Some(rest) = text.strip_prefix('^') {
        mode = if mode == Mode::Suffix {
            Mode::Equal
        } else {
            Mode::Prefix
        };
        text = rest;
    }
    (mode, text)
}

/// The parser's state between tokens (fzf's `switchSet`/`afterBar`).
struct Parser<'a> {
    input: &'a str,
    query: Query,
    group: Vec<Term>,
    switch_group: bool,
    after_bar: Option<Range<usize>>,
    problems: Vec<QueryError>,
}

impl<'a> Parser<'a> {
    fn problem(&mut self, span: Range<usize>, message: String, hint: Option<String>) {
        let column = self.input[..span.start].chars().count() + 1;
        self.problems.push(QueryError {
            message,
            span,
            column,
            hint,
        });
    }

    fn token(&mut self, token: Token) {
        if token.text == "|" {
            if let Some(previous) = &self.after_bar {
                let previous = previous.clone();
                self.problem(previous, "'|' needs a term after it".into(), None);
            } else if self.group.is_empty() {
                self.problem(
                    token.span.clone(),
                    "'|' needs a term before it".into(),
                    None,
                );
            } else {
                self.switch_group = false;
                self.after_bar = Some(token.span);
                return;
            }
        }
        self.after_bar = None;
        if let Some(term) = self.term(&token) {
            if self.switch_group {
                self.query.groups.push(std::mem::take(&mut self.group));
            }
            self.group.push(term);
            self.switch_group = true;
        }
    }

    fn term(&mut self, token: &Token) -> Option<Term> {
        let raw = token.text.as_str();
        let (mut negated, mut rest) = match raw.strip_prefix('!') {
            Some(r) => (true, r),
            None => (false, raw),
        };
        let mut scope = Scope::All;
        if let Some((word, after)) = scope_prefix(rest) {
            match scope_named(word) {
                Some(s) => {
                    scope = s;
                    rest = after;
                    if !negated && let Some(r) = rest.strip_prefix('!') {
                        negated = true;
                        rest = r;
                    }
                }
                None => self.problem(
                    {
                        // Point at `word:` itself, after any `!`.
                        let start = token.span.start + usize::from(negated);
                        start..start + word.len() + 1
                    },
                    format!("unknown scope '{word}:'"),
                    Some(format!(
                        "scopes: {SCOPES}; write '{word}: to match the text itself"
                    )),
                ),
            }
        }
        let span = token.span.clone();
        if rest.is_empty() && scope != Scope::All {
            let pattern = String::new();
            let (mode, case_sensitive, normalize) = (Mode::Fuzzy, false, true);
            return Some(Term {
                scope,
                mode,
                negated,
                pattern,
                case_sensitive,
                normalize,
                span,
            });
        }
        let case_sensitive = fold::has_upper(rest);
        let lowered: String = rest.chars().map(fold::lower).collect();
        let normalize = fold::is_plain(&lowered);
        let folded = if case_sensitive {
            rest
        } else {
            lowered.as_str()
        };
        let (mode, pattern) = operators(folded, negated);
        if pattern.is_empty() {
            self.problem(span, format!("'{raw}' has nothing to match"), None);
            return None;
        }
        let pattern = pattern.to_string();
        Some(Term {
            scope,
            mode,
            negated,
            pattern,
            case_sensitive,
            normalize,
            span,
        })
    }

    fn finish(mut self) -> (Query, Vec<QueryError>) {
        if let Some(bar) = self.after_bar.take() {
            self.problem(bar, "'|' needs a term after it".into(), None);
        }
        if !self.group.is_empty() {
            self.query.groups.push(self.group);
        }
        self.problems.sort_by_key(|p| p.span.start);
        (self.query, self.problems)
    }
}

impl Query {
    /// Parses a query strictly: anything fzf would silently drop or read oddly (a lone
    /// `!`, a `|` with no term on one side, an unknown `word:` scope) is an error
    /// that points at the problem.
    pub fn parse(input: &str) -> Result<Query, QueryError> {
        let (query, mut problems) = Query::parse_lenient(input);
        if problems.is_empty() {
            Ok(query)
        } else {
            Err(problems.swap_remove(0))
        }
    }

    /// Parses any input as fzf would (empty terms dropped, a stray `|` taken as text,
    /// an unknown scope taken as text) and lists what [`Query::parse`] would reject.
    pub fn parse_lenient(input: &str) -> (Query, Vec<QueryError>) {
        let mut parser = Parser {
            input,
            query: Query::default(),
            group: Vec::new(),
            switch_group: false,
            after_bar: None,
            problems: Vec::new(),
        };
        for token in tokens(input) {
            parser.token(token);
        }
        parser.finish()
    }

    /// True when there is nothing to match: every article passes.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Every term, group by group.
    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flatten()
    }
}
