//! The cache's records: serde data in postcard's compact binary form, each with a
//! CRC-32 beside it that is checked on every read, so a flipped byte is caught.

use crate::corpus::Article;
use crate::corpus::meta::why::Why;
use crate::extract::{Entity, Kind};
use crate::index::{Entry, Rows};
use serde::{Deserialize, Serialize};

/// An article as cached, without its body and entities (kept apart, read only
/// when needed). Where the article came from is stored relative to its file
/// (`suffix`: `:LINE` for a JSON Lines record, empty otherwise), so a corpus
/// opened under another path shows the path as given this time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    /// What follows the file's path in the article's path.
    pub suffix: String,
    /// The headline.
    pub title: String,
    /// Whether the headline was derived from the text.
    pub title_derived: bool,
    /// The outlet.
    pub source: Option<String>,
    /// The date.
    pub date: Option<String>,
    /// The author.
    pub author: Option<String>,
    /// The URL.
    pub url: Option<String>,
    /// How many entities it has.
    pub entities: u32,
    /// The evidence behind its metadata.
    pub why: Why,
}

/// [`Stored`] borrowed from an article, to write it without copying: the same
/// fields in the same order, so it encodes to the same bytes.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct StoredRef<'a> {
    suffix: &'a str,
    title: &'a str,
    title_derived: bool,
    source: Option<&'a str>,
    date: Option<&'a str>,
    author: Option<&'a str>,
    url: Option<&'a str>,
    entities: u32,
    why: Why,
}

impl<'a> StoredRef<'a> {
    /// The cached form of an article read from the file shown as `shown`, with
    /// `entities` entities.
    pub fn new(article: &'a Article, shown: &str, entities: usize) -> StoredRef<'a> {
        StoredRef {
            suffix: article.path.strip_prefix(shown).unwrap_or_default(),
            title: &article.title,
            title_derived: article.title_derived,
            source: article.source.as_deref(),
            date: article.date.as_deref(),
            author: article.author.as_deref(),
            url: article.url.as_deref(),
            entities: entities as u32,
            why: article.why,
        }
    }
}

impl Stored {
    /// The article again, as read from the file shown as `shown` (named `file`),
    /// its body left on disk; and its entity count.
    pub fn into_article(self, shown: &str, file: &str) -> (Article, u32) {
        let article = Article {
            id: 0,
            path: format!("{shown}{}", self.suffix),
            file: file.to_string(),
            title: self.title,
            title_derived: self.title_derived,
            source: self.source,
            date: self.date,
            date_text: None,
            author: self.author,
            url: self.url,
            body: String::new(),
            why: self.why,
        };
        (article, self.entities)
    }
}

/// A load problem as cached (path relative to its file, as [`Stored::suffix`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredProblem {
    /// What follows the file's path.
    pub suffix: String,
    /// The reason.
    pub reason: String,
    /// Whether the input was skipped.
    pub skipped: bool,
}

/// One entry of the corpus table as cached: its articles are left out, as they
/// follow from [`StoredTable::entry_of`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredEntry {
    /// The canonical name.
    pub name: String,
    /// The kind.
    pub kind: Kind,
    /// The other names.
    pub aliases: Vec<String>,
    /// Mentions over all articles.
    pub mentions: u64,
}

/// The corpus table, as cached for one list of files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredTable {
    /// The entries, in table order.
    pub entries: Vec<StoredEntry>,
    /// Per article, per entity: its entry.
    pub entry_of: Rows,
}

impl StoredTable {
    /// The cached form of a table.
    pub fn new(table: &[Entry], entry_of: &Rows) -> StoredTable {
        StoredTable {
            entries: table
                .iter()
                .map(|e| StoredEntry {
                    name: e.name.clone(),
                    kind: e.kind,
                    aliases: e.aliases.clone(),
                    mentions: e.mentions as u64,
                })
                .collect(),
            entry_of: entry_of.clone(),
        }
    }

    /// The table again, with each entry's articles, for `articles` articles;
    /// `None` when it does not fit them (a damaged or foreign record).
    pub fn into_table(self, articles: usize) -> Option<(Vec<Entry>, Rows)> {
        let entries = self.entries.len();
        let fits = self.entry_of.is_consistent()
            && self.entry_of.len() == articles
            && self
                .entry_of
                .items()
                .iter()
                .all(|&e| (e as usize) < entries);
        if !fits {
            return None;
        }
        let table = self
            .entries
            .into_iter()
            .map(|e| Entry {
                name: e.name,
                kind: e.kind,
                aliases: e.aliases,
                // Counted again from `entry_of` when the index is made.
                article_count: 0,
                mentions: e.mentions as usize,
            })
            .collect();
        Some((table, self.entry_of))
    }
}

/// Encodes a value; the CRC-32 of the bytes goes beside it.
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<(Vec<u8>, u32), postcard::Error> {
    let bytes = postcard::to_allocvec(value)?;
    let sum = crc32fast::hash(&bytes);
    Ok((bytes, sum))
}

/// Why a cached record cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Damage {
    /// The checksum does not match the bytes.
    #[error("a record's checksum does not match")]
    Checksum,
    /// The bytes do not decode.
    #[error("a record does not decode ({0})")]
    Decode(String),
}

/// Decodes a value after checking its CRC-32.
pub fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8], sum: u32) -> Result<T, Damage> {
    if crc32fast::hash(bytes) != sum {
        return Err(Damage::Checksum);
    }
    postcard::from_bytes(bytes).map_err(|e| Damage::Decode(e.to_string()))
}

/// Checks a body's CRC-32 and makes it text.
pub fn body(bytes: Vec<u8>, sum: u32) -> Result<String, Damage> {
    if crc32fast::hash(&bytes) != sum {
        return Err(Damage::Checksum);
    }
    String::from_utf8(bytes).map_err(|e| Damage::Decode(e.to_string()))
}

/// The entities of one article, as cached.
pub type StoredEntities = Vec<Entity>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Mention;

    #[test]
    fn round_trip_and_a_flipped_bit_is_caught() {
        let stored = Stored {
            suffix: ":3".into(),
            title: "T".into(),
            title_derived: false,
            source: Some("S".into()),
            date: None,
            author: None,
            url: None,
            entities: 1,
            why: Why {
                source: crate::corpus::meta::why::Evidence::JsonField,
                ..Why::default()
            },
        };
        let (mut bytes, sum) = encode(&stored).unwrap();
        assert_eq!(decode::<Stored>(&bytes, sum).unwrap(), stored);
        let file = "x.jsonl";
        let (article, count) = stored.clone().into_article(file, file);
        let borrowed = StoredRef::new(&article, file, count as usize);
        assert_eq!(encode(&borrowed).unwrap().0, bytes, "same bytes borrowed");
        bytes[2] ^= 0x10;
        assert_eq!(decode::<Stored>(&bytes, sum), Err(Damage::Checksum));
        let entities = vec![Entity {
            name: "Chongqing".into(),
            kind: Kind::City,
            aliases: vec![],
            count: 1,
            mentions: vec![Mention { start: 0, end: 9 }],
        }];
        let (bytes, sum) = encode(&entities).unwrap();
        assert_eq!(decode::<StoredEntities>(&bytes, sum).unwrap(), entities);
    }

    #[test]
    fn a_table_round_trips_and_one_that_does_not_fit_is_refused() {
        let index = crate::generate::index(30, 2);
        let stored = StoredTable::new(&index.table, &index.entry_of);
        let (bytes, sum) = encode(&stored).unwrap();
        let back: StoredTable = decode(&bytes, sum).unwrap();
        let (table, entry_of) = back.clone().into_table(30).unwrap();
        assert_eq!(table.len(), index.table.len());
        assert!(
            table
                .iter()
                .zip(&index.table)
                .all(|(a, b)| a.name == b.name)
        );
        assert_eq!(&entry_of, &*index.entry_of);
        assert!(back.into_table(31).is_none());
    }
}
