//! "Did you mean": when a query matches nothing, each plain fuzzy term of five
//! or more characters is tried with one pair of neighbouring characters
//! swapped, then with one character replaced (`chognqing` → `chongqing`),
//! keeping only spellings that begin a word of the corpus's titles, outlets
//! and entity names; the first corrected query that matches is the
//! suggestion. Exact terms (`'x`, `^x`, `x$`) and negations never loosen,
//! as fzf's never do.

use super::engine::{Cancel, Cancelled, Session};
use super::fields::Options;
use super::parse::{Mode, Query};
use super::searcher::{Hits, Searcher};

/// Terms shorter than this are never corrected (too many spellings are a
/// word of something).
pub const MIN_TERM: usize = 5;

/// A corrected query and what it matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The query as typed, with the corrected term.
    pub text: String,
    /// Its parse.
    pub query: Query,
    /// What it matched.
    pub hits: Hits,
}

impl Searcher {
    /// Every distinct lower-case word (three or more characters) of the texts,
    /// sorted; built on first use.
    fn words(&self) -> &[String] {
        self.words.get_or_init(|| {
            let mut words: Vec<String> = Vec::new();
            for t in 0..self.texts.len() {
                for word in self.texts.original(t).split(|c: char| !c.is_alphanumeric()) {
                    if word.chars().count() >= 3 {
                        words.push(word.to_lowercase());
                    }
                }
            }
            words.sort_unstable();
            words.dedup();
            words
        })
    }

    /// Whether some word of the corpus begins with `prefix` (lower case).
    fn starts_a_word(&self, prefix: &str) -> bool {
        let words = self.words();
        let at = words.partition_point(|w| w.as_str() < prefix);
        words.get(at).is_some_and(|w| w.starts_with(prefix))
    }

    /// Spellings one swap or one replacement away from `term` that begin a
    /// word of the corpus: swaps first, in order.
    fn near(&self, term: &str) -> Vec<String> {
        let chars: Vec<char> = term.chars().collect();
        let lower = |cs: &[char]| cs.iter().collect::<String>().to_lowercase();
        let mut out: Vec<String> = Vec::new();
        let keep = |cs: Vec<char>, out: &mut Vec<String>| {
            let spelled: String = cs.iter().collect();
            if spelled != term && !out.contains(&spelled) && self.starts_a_word(&lower(&cs)) {
                out.push(spelled);
            }
        };
        for i in 0..chars.len().saturating_sub(1) {
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            keep(swapped, &mut out);
        }
        for i in 0..chars.len() {
            for c in ('a'..='z').chain('0'..='9') {
                if chars[i].to_ascii_lowercase() == c {
                    continue;
                }
                let mut replaced = chars.clone();
                replaced[i] = c;
                keep(replaced, &mut out);
            }
        }
        out
    }
}

impl Session {
    /// A corrected query that matches, for `text` (a query that matched
    /// nothing), or None.
    pub fn suggest(
        &mut self,
        searcher: &Searcher,
        text: &str,
        options: &Options,
        cancel: Cancel<'_>,
    ) -> Result<Option<Suggestion>, Cancelled> {
        let (query, problems) = Query::parse_lenient(text);
        if !problems.is_empty() {
            return Ok(None);
        }
        for term in query.terms() {
            let loose = term.mode == Mode::Fuzzy && !term.negated;
            if !loose || term.pattern.chars().count() < MIN_TERM {
                continue;
            }
            let Some(typed) = text.get(term.span.clone()) else {
                continue;
            };
            // The term as typed ends with its pattern (after any scope).
            let Some(head) = typed.strip_suffix(term.pattern.as_str()) else {
                continue;
            };
            for spelling in searcher.near(&term.pattern) {
                let mut corrected = text.to_string();
                corrected.replace_range(term.span.clone(), &format!("{head}{spelling}"));
                let (query, _) = Query::parse_lenient(&corrected);
                let hits = self.search(searcher, &query, options, cancel)?;
                if !hits.is_empty() {
                    return Ok(Some(Suggestion {
                        text: corrected,
                        query,
                        hits,
                    }));
                }
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use crate::index::Index;

    fn searcher() -> Searcher {
        Searcher::new(&Index::from_corpus(corpus::embedded()))
    }

    fn suggest(s: &Searcher, text: &str) -> Option<String> {
        Session::new()
            .suggest(s, text, &Options::default(), &|| false)
            .expect("not cancelled")
            .map(|found| found.text)
    }

    #[test]
    fn a_swap_or_a_wrong_letter_is_corrected() {
        let s = searcher();
        assert_eq!(suggest(&s, "chognqing").as_deref(), Some("chongqing"));
        assert_eq!(
            suggest(&s, "city:chongqong").as_deref(),
            Some("city:chongqing")
        );
        assert_eq!(suggest(&s, "Chognqing").as_deref(), Some("Chongqing"));
    }

    #[test]
    fn short_exact_and_negated_terms_never_loosen() {
        let s = searcher();
        assert_eq!(
            suggest(&s, "hcon"),
            None,
            "four letters are never corrected"
        );
        assert_eq!(suggest(&s, "'chognqing"), None);
        assert_eq!(suggest(&s, "^chognqing"), None);
        assert_eq!(suggest(&s, "!chognqing"), None);
        assert_eq!(suggest(&s, "chq"), None);
    }
}
