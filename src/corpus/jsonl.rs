//! JSON Lines (and JSON arrays) of articles: one record per line, each with a
//! body under `body`, `text` or `content` and optional metadata fields. A bad
//! record is reported as `path:LINE: reason`; the other records still load.

use super::document::{Document, Hints, non_empty};
use super::format::{self, Format};
use super::meta::why::{Evidence, Why};
use super::{Article, article::Origin};
use crate::extract::Entity;
use serde_json::{Map, Value};

/// Field names accepted for each piece, in order of preference.
const BODY: &[&str] = &[
    "body",
    "text",
    "content",
    "article",
    "maintext",
    "articleBody",
];
const TITLE: &[&str] = &["title", "headline"];
const SOURCE: &[&str] = &[
    "source",
    "outlet",
    "publisher",
    "site",
    "site_name",
    "source_domain",
];
const DATE: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publish_date",
    "pubdate",
    "date_publish",
    "datePublished",
];
const AUTHOR: &[&str] = &["author", "authors", "byline"];
const URL: &[&str] = &["url", "link", "canonical_url"];

/// One record's outcome: what was read, or why it was skipped. `line` is 1-based.
pub(crate) type Record = (usize, Result<Parsed, String>);

/// What a record gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Parsed {
    /// A document to clean, like any other input.
    Read(Box<Document>),
    /// An article already cleaned and extracted (a `dossier export` record, or
    /// one made elsewhere in its schema): taken as written.
    AsWritten(Box<AsWritten>),
}

/// A record of the export schema: body, metadata and entities as written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub(crate) struct AsWritten {
    /// The cleaned body.
    pub body: String,
    /// The headline.
    pub title: String,
    /// Whether the headline was derived.
    #[serde(default)]
    pub title_derived: bool,
    /// The outlet.
    #[serde(default)]
    pub source: Option<String>,
    /// The date.
    #[serde(default)]
    pub date: Option<String>,
    /// The author.
    #[serde(default)]
    pub author: Option<String>,
    /// The URL.
    #[serde(default)]
    pub url: Option<String>,
    /// The entities, with mentions as byte ranges into `body`.
    pub entities: Vec<Entity>,
}

impl AsWritten {
    /// The article and its entities; or why the entities do not fit the body.
    pub fn into_article(self, origin: Origin) -> Result<(Article, Vec<Entity>), String> {
        let mut entities = self.entities;
        for entity in &mut entities {
            for m in &entity.mentions {
                let fits = m.start < m.end
                    && m.end <= self.body.len()
                    && self.body.is_char_boundary(m.start)
                    && self.body.is_char_boundary(m.end);
                if !fits {
                    return Err(format!(
                        "entity '{}': mention {}..{} is not inside the body ({} bytes)",
                        entity.name,
                        m.start,
                        m.end,
                        self.body.len()
                    ));
                }
            }
            entity.count = entity.mentions.len();
        }
        if self.body.trim().is_empty() {
            return Err("no article text (an empty \"body\")".into());
        }
        // An export record's fields are its metadata, as written.
        let given = |field: &Option<String>| {
            if field.is_some() {
                Evidence::JsonField
            } else {
                Evidence::None
            }
        };
        let why = Why {
            title: if self.title_derived {
                Evidence::Headline
            } else {
                Evidence::JsonField
            },
            source: given(&self.source),
            date: given(&self.date),
            author: given(&self.author),
        };
        let article = Article {
            id: 0,
            path: origin.path,
            file: origin.file,
            title: self.title,
            title_derived: self.title_derived,
            source: self.source,
            date: self.date,
            date_text: None,
            author: self.author,
            url: self.url,
            body: self.body,
            // An export record's fields are its metadata, as written.
            why,
        };
        Ok((article, entities))
    }
}

/// Reads every record; a whole-file JSON array or object also works.
pub(crate) fn read(text: &str) -> Vec<Record> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[')
        && let Ok(Value::Array(items)) = serde_json::from_str::<Value>(trimmed)
    {
        return items
            .into_iter()
            .enumerate()
            .map(|(i, v)| (i + 1, record(v)))
            .collect();
    }
    if let Some(single) = whole_object(text) {
        return vec![(1, record(single))];
    }
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| (i + 1, parse_line(line)))
        .collect()
}

/// A pretty-printed single JSON object spanning several lines.
fn whole_object(text: &str) -> Option<Value> {
    text.trim().lines().nth(1)?;
    match serde_json::from_str::<Value>(text) {
        Ok(v @ Value::Object(_)) => Some(v),
        _ => None,
    }
}

/// Reads one JSON Lines record.
pub(crate) fn parse_line(line: &str) -> Result<Parsed, String> {
    let value: Value =
        serde_json::from_str(line.trim()).map_err(|e| format!("invalid JSON: {e}"))?;
    record(value)
}

/// A record with an `entities` array is taken as written (the export schema);
/// any other is a document to clean.
fn record(value: Value) -> Result<Parsed, String> {
    let Value::Object(map) = value else {
        return Err("not a JSON object".into());
    };
    if map.get("entities").is_some_and(Value::is_array) {
        let written: AsWritten = serde_json::from_value(Value::Object(map))
            .map_err(|e| format!("not an export record: {e}"))?;
        return Ok(Parsed::AsWritten(Box::new(written)));
    }
    document(map).map(|d| Parsed::Read(Box::new(d)))
}

fn document(map: Map<String, Value>) -> Result<Document, String> {
    let body = body_text(&map)?;
    let hints = Hints {
        title: first_text(&map, TITLE),
        source: first_text(&map, SOURCE),
        date: first_text(&map, DATE),
        author: first_text(&map, AUTHOR),
        url: first_text(&map, URL),
        ..Hints::default()
    };
    let mut document = match format::sniff(&body) {
        Format::Html => super::html::read(&body),
        Format::Markdown => super::markdown::read(&body),
        _ => super::plain::read(&body),
    };
    document.hints = merge(hints, document.hints);
    Ok(document)
}

/// The article text: the first body field that holds a string (or a list of
/// strings: paragraphs). A body field holding anything else (`"body": 12345`)
/// is an error, not an article "12345".
fn body_text(map: &Map<String, Value>) -> Result<String, String> {
    for name in BODY {
        let paragraphs = match map.get(*name) {
            None | Some(Value::Null) => continue,
            Some(Value::String(s)) => vec![s.as_str()],
            Some(Value::Array(items)) if items.iter().all(Value::is_string) => {
                items.iter().filter_map(Value::as_str).collect()
            }
            Some(other) => {
                return Err(format!("\"{name}\" holds {}, not text", json_kind(other)));
            }
        };
        let text = paragraphs.join("\n\n");
        if !text.trim().is_empty() {
            return Ok(text);
        }
    }
    Err("no article text (expected a non-empty \"body\", \"text\" or \"content\" field)".into())
}

/// What a JSON value is, for a message.
fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list that is not all strings",
        Value::Object(_) => "an object",
    }
}

/// Record fields win; what the body itself states fills the gaps.
fn merge(fields: Hints, found: Hints) -> Hints {
    let from = |field: &Option<String>, other: Evidence| {
        if field.is_some() {
            Evidence::JsonField
        } else {
            other
        }
    };
    let organisation = fields.author.is_none() && found.organisation_author;
    Hints {
        from: Why {
            title: from(&fields.title, found.from.title),
            source: from(&fields.source, found.from.source),
            date: from(&fields.date, found.from.date),
            author: from(&fields.author, found.from.author),
        },
        title: fields.title.or(found.title),
        source: fields.source.or(found.source),
        date: fields.date.or(found.date),
        author: fields.author.or(found.author),
        url: fields.url.or(found.url),
        fallback: found.fallback,
        organisation_author: organisation,
    }
}

/// The first of `names` holding text: a string, a number, a list of strings
/// (joined with ", "), or an object with a `name`.
fn first_text(map: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| text_of(map.get(*name)?))
}

fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => non_empty(Some(s)).map(|_| s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(text_of).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Object(map) => map.get("name").and_then(text_of),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_doc(record: &Record) -> &Document {
        match record.1.as_ref().unwrap() {
            Parsed::Read(doc) => doc,
            Parsed::AsWritten(_) => panic!("a document was expected"),
        }
    }

    #[test]
    fn export_records_are_taken_as_written_and_their_mentions_checked() {
        let good = r#"{"id":4,"title":"T","title_derived":true,"source":null,"body":"Chongqing grew.","entities":[{"name":"Chongqing","kind":"city","aliases":[],"count":9,"mentions":[{"start":0,"end":9}]}]}"#;
        let Ok(Parsed::AsWritten(written)) = parse_line(good) else {
            panic!("not taken as written");
        };
        let origin = Origin {
            path: "x.jsonl:1".into(),
            file: "x.jsonl".into(),
        };
        let (article, entities) = written.into_article(origin.clone()).unwrap();
        assert_eq!(article.body, "Chongqing grew.");
        assert!(article.title_derived);
        assert_eq!(entities[0].count, 1, "count follows the mentions");
        let outside = good.replace(r#""end":9"#, r#""end":99"#);
        let Ok(Parsed::AsWritten(written)) = parse_line(&outside) else {
            panic!("not taken as written");
        };
        assert!(
            written
                .into_article(origin)
                .unwrap_err()
                .contains("not inside")
        );
        let bad_kind = good.replace(r#""city""#, r#""planet""#);
        assert!(
            parse_line(&bad_kind)
                .unwrap_err()
                .starts_with("not an export record")
        );
    }

    #[test]
    fn records_with_fields() {
        let text = "{\"title\":\"T\",\"text\":\"Body one.\",\"source\":\"S\",\"date\":\"2020-01-02\",\"author\":[\"A\",\"B\"],\"url\":\"http://x\"}\n";
        let records = read(text);
        let doc = read_doc(&records[0]);
        assert_eq!(doc.blocks[0].text, "Body one.");
        assert_eq!(doc.hints.title.as_deref(), Some("T"));
        assert_eq!(doc.hints.author.as_deref(), Some("A, B"));
        assert_eq!(doc.hints.url.as_deref(), Some("http://x"));
    }

    #[test]
    fn bad_lines_are_reported_with_their_line_number() {
        let text = "{\"body\":\"ok\"}\n\n{not json\n[1,2]\n{\"title\":\"no body\"}\n{\"content\":\"fine\"}\n";
        let records = read(text);
        let lines: Vec<usize> = records.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [1, 3, 4, 5, 6]);
        assert!(records[0].1.is_ok());
        assert!(
            records[1]
                .1
                .as_ref()
                .unwrap_err()
                .starts_with("invalid JSON")
        );
        assert_eq!(records[2].1.as_ref().unwrap_err(), "not a JSON object");
        assert!(
            records[3]
                .1
                .as_ref()
                .unwrap_err()
                .starts_with("no article text")
        );
        assert!(records[4].1.is_ok());
    }

    #[test]
    fn a_body_that_is_not_text_is_an_error_not_an_article() {
        let records =
            read("{\"body\": 12345}\n{\"text\": [\"One.\", \"Two.\"]}\n{\"body\": {\"x\": 1}}\n");
        assert_eq!(
            records[0].1.as_ref().unwrap_err(),
            "\"body\" holds a number, not text"
        );
        let doc = read_doc(&records[1]);
        assert_eq!(doc.blocks.len(), 2);
        assert!(records[2].1.as_ref().unwrap_err().contains("an object"));
    }

    #[test]
    fn json_array_of_articles() {
        let records = read("[{\"body\":\"a\"},{\"body\":\"b\"}]");
        assert_eq!(records.len(), 2);
        assert_eq!(records[1].0, 2);
    }

    #[test]
    fn html_bodies_are_read_as_html() {
        let records = read("{\"body\":\"<p>First para.</p><p>Second para.</p><div>x</div>\"}");
        let doc = read_doc(&records[0]);
        assert_eq!(doc.blocks.len(), 3);
    }
}
