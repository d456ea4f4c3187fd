//! The SQLite database behind one corpus cache: opening it (creating, checking
//! the version, rebuilding what is damaged), reading files' articles and bodies,
//! and writing them back. Every read is checked (row counts, checksums).

use super::record::{self, Damage, Stored, StoredProblem, StoredRef};
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior, params};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The layout of the tables; a cache with another one is rebuilt.
const SCHEMA_VERSION: &str = "2";

/// How long a process waits for another one's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

const CREATE: &str = "
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    problems BLOB NOT NULL,
    sum INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS articles(id INTEGER PRIMARY KEY, record BLOB NOT NULL, sum INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS bodies(id INTEGER PRIMARY KEY, body BLOB NOT NULL, sum INTEGER NOT NULL);
";

/// Why a cache could not be used.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The file is not a usable database, or a record in it is wrong.
    #[error("damaged: {0}")]
    Damaged(String),
    /// Another dossier held it too long.
    #[error("busy: another dossier is writing it")]
    Busy,
    /// Anything else (no room, no permission, ...).
    #[error("{0}")]
    Other(String),
}

impl From<rusqlite::Error> for Failure {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                Failure::Damaged(e.to_string())
            }
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Failure::Busy,
            _ => Failure::Other(e.to_string()),
        }
    }
}

impl From<Damage> for Failure {
    fn from(d: Damage) -> Self {
        Failure::Damaged(d.to_string())
    }
}

/// A file as the cache knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRow {
    /// Its row id; its articles are rows `id << 32 | n`.
    pub id: i64,
    /// Size in bytes when it was read.
    pub size: u64,
    /// Modification time (nanoseconds since the epoch) when it was read.
    pub mtime: i64,
    /// How many articles it gave.
    pub articles: u32,
}

/// A file's identity on disk: what must match for its cached articles to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime: i64,
}

/// One corpus cache, open.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// What opening found besides the store: something to tell the user.
#[derive(Debug, Default)]
pub struct Opened {
    /// Set when a damaged cache was thrown away.
    pub rebuilt: Option<String>,
}

/// The row of article `n` of file `file` (file ids are never reused, so a row
/// id names one body for the life of the cache).
pub fn article_id(file: i64, n: u32) -> i64 {
    (file << 32) | i64::from(n)
}

impl Store {
    /// Opens (creating when missing) the cache at `path` for the corpus `key`,
    /// made by extractor `version`. A damaged cache is deleted and made anew
    /// (said in [`Opened::rebuilt`]); one of another version or layout is emptied.
    pub fn open(path: &Path, key: &str, version: &str) -> Result<(Store, Opened), Failure> {
        match Store::try_open(path, key, version) {
            Err(Failure::Damaged(reason)) => {
                remove(path).map_err(|e| Failure::Other(e.to_string()))?;
                let (store, _) = Store::try_open(path, key, version)?;
                Ok((
                    store,
                    Opened {
                        rebuilt: Some(reason),
                    },
                ))
            }
            other => other,
        }
    }

    fn try_open(path: &Path, key: &str, version: &str) -> Result<(Store, Opened), Failure> {
        let existed = std::fs::metadata(path).is_ok_and(|m| m.len() > 0);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // One writer at a time checks and (re)creates the tables: a second
        // dossier opening a cache being created waits here for the first.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let found = meta(&tx, "schema").ok().flatten();
        if existed && found.is_none() {
            return Err(Failure::Damaged("no index in the file".into()));
        }
        if let Some(reason) = meta(&tx, "damaged").ok().flatten() {
            return Err(Failure::Damaged(reason));
        }
        let current = found.as_deref() == Some(SCHEMA_VERSION)
            && meta(&tx, "extractor")?.as_deref() == Some(version)
            && meta(&tx, "corpus")?.as_deref() == Some(key);
        if !current {
            reset(&tx, key, version)?;
        }
        tx.commit()?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        Ok((store, Opened::default()))
    }

    /// Where the cache file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Starts a read that sees one state of the cache however others write.
    pub fn begin_read(&self) -> Result<rusqlite::Transaction<'_>, Failure> {
        Ok(self.conn.unchecked_transaction()?)
    }

    /// Every file the cache holds, by path.
    pub fn files(&self) -> Result<HashMap<String, FileRow>, Failure> {
        let mut statement = self
            .conn
            .prepare("SELECT path, id, size, mtime, articles FROM files")?;
        let rows = statement.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                FileRow {
                    id: r.get(1)?,
                    size: r.get::<_, i64>(2)? as u64,
                    mtime: r.get(3)?,
                    articles: r.get(4)?,
                },
            ))
        })?;
        let mut out = HashMap::new();
        for row in rows {
            let (path, file) = row?;
            out.insert(path, file);
        }
        Ok(out)
    }

    /// A file's load problems.
    pub fn problems(&self, file: &FileRow) -> Result<Vec<StoredProblem>, Failure> {
        let (bytes, sum): (Vec<u8>, u32) = self.conn.query_row(
            "SELECT problems, sum FROM files WHERE id = ?1",
            [file.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(record::decode(&bytes, sum)?)
    }

    /// A file's articles (without bodies), checked: all of them, each intact.
    pub fn articles(&self, file: &FileRow) -> Result<Vec<Stored>, Failure> {
        let mut statement = self.conn.prepare_cached(
            "SELECT record, sum FROM articles WHERE id >= ?1 AND id < ?2 ORDER BY id",
        )?;
        let range = (article_id(file.id, 0), article_id(file.id + 1, 0));
        let mut rows = statement.query(params![range.0, range.1])?;
        let mut out = Vec::with_capacity(file.articles as usize);
        while let Some(row) = rows.next()? {
            let bytes = row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?;
            out.push(record::decode::<Stored>(bytes, row.get(1)?)?);
        }
        if out.len() != file.articles as usize {
            return Err(Failure::Damaged(format!(
                "{} of {} articles of a file are there",
                out.len(),
                file.articles
            )));
        }
        Ok(out)
    }

    /// Marks the cache damaged: the next open rebuilds it.
    pub fn mark_damaged(&self, reason: &str) -> Result<(), Failure> {
        self.conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('damaged', ?1)",
            [reason],
        )?;
        Ok(())
    }

    /// One body, checked.
    pub fn body(&self, id: i64) -> Result<String, Failure> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT body, sum FROM bodies WHERE id = ?1")?;
        let found: Option<(Vec<u8>, u32)> = statement
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let (bytes, sum) = found.ok_or_else(|| Failure::Other("no longer in the cache".into()))?;
        Ok(record::body(bytes, sum)?)
    }

    /// Starts a write; other writers wait (up to [`BUSY_TIMEOUT`]).
    pub fn begin_write(&mut self) -> Result<Writer<'_>, Failure> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        Ok(Writer { tx })
    }
}

/// One write transaction: files replaced or removed, committed together.
pub struct Writer<'a> {
    tx: rusqlite::Transaction<'a>,
}

/// One article to cache: its record and its body.
pub type Put<'a> = (StoredRef<'a>, &'a str);

impl Writer<'_> {
    /// Replaces what the cache holds for the file at `path`.
    pub fn put_file(
        &mut self,
        path: &str,
        stamp: Stamp,
        articles: &[Put<'_>],
        problems: &[StoredProblem],
    ) -> Result<i64, Failure> {
        self.remove_file(path)?;
        let (problem_bytes, problem_sum) =
            record::encode(&problems).map_err(|e| Failure::Other(e.to_string()))?;
        self.tx.execute(
            "INSERT INTO files(path, size, mtime, articles, problems, sum) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                path,
                stamp.size as i64,
                stamp.mtime,
                articles.len() as u32,
                problem_bytes,
                problem_sum
            ],
        )?;
        let file = self.tx.last_insert_rowid();
        let mut put_record = self
            .tx
            .prepare_cached("INSERT INTO articles(id, record, sum) VALUES (?1, ?2, ?3)")?;
        let mut put_body = self
            .tx
            .prepare_cached("INSERT INTO bodies(id, body, sum) VALUES (?1, ?2, ?3)")?;
        for (n, (stored, body)) in articles.iter().enumerate() {
            let id = article_id(file, n as u32);
            let (bytes, sum) = record::encode(stored).map_err(|e| Failure::Other(e.to_string()))?;
            put_record.execute(params![id, bytes, sum])?;
            put_body.execute(params![
                id,
                body.as_bytes(),
                crc32fast::hash(body.as_bytes())
            ])?;
        }
        Ok(file)
    }

    /// The id of the file at `path` when the cache already holds it with this
    /// stamp and `articles` articles (another dossier cached it meanwhile).
    pub fn holds(&self, path: &str, stamp: Stamp, articles: usize) -> Result<Option<i64>, Failure> {
        let found: Option<(i64, i64, i64, i64)> = self
            .tx
            .query_row(
                "SELECT id, size, mtime, articles FROM files WHERE path = ?1",
                [path],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        Ok(found.and_then(|(id, size, mtime, count)| {
            (size as u64 == stamp.size && mtime == stamp.mtime && count as usize == articles)
                .then_some(id)
        }))
    }

    /// Forgets the file at `path` and its articles.
    pub fn remove_file(&mut self, path: &str) -> Result<(), Failure> {
        let id: Option<i64> = self
            .tx
            .query_row("SELECT id FROM files WHERE path = ?1", [path], |r| r.get(0))
            .optional()?;
        if let Some(id) = id {
            let range = params![article_id(id, 0), article_id(id + 1, 0)];
            self.tx
                .execute("DELETE FROM articles WHERE id >= ?1 AND id < ?2", range)?;
            self.tx
                .execute("DELETE FROM bodies WHERE id >= ?1 AND id < ?2", range)?;
            self.tx.execute("DELETE FROM files WHERE id = ?1", [id])?;
        }
        Ok(())
    }

    /// Makes the writes durable and visible.
    pub fn commit(self) -> Result<(), Failure> {
        self.tx.commit()?;
        Ok(())
    }
}

fn meta(conn: &Connection, key: &str) -> Result<Option<String>, Failure> {
    let value = conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()?;
    Ok(value)
}

/// Empties the cache and stamps it with this layout, version and corpus.
fn reset(conn: &Connection, key: &str, version: &str) -> Result<(), Failure> {
    conn.execute_batch(
        "DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS files;
         DROP TABLE IF EXISTS articles; DROP TABLE IF EXISTS bodies;",
    )?;
    conn.execute_batch(CREATE)?;
    // File ids of a new generation start past any of an old one (minutes since
    // the epoch), so a body row read by a process that opened the old one is
    // never another article's.
    let minutes = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 60) as i64;
    conn.execute(
        "INSERT INTO sqlite_sequence(name, seq) VALUES ('files', ?1)",
        [minutes],
    )?;
    for (k, v) in [
        ("schema", SCHEMA_VERSION),
        ("extractor", version),
        ("corpus", key),
    ] {
        conn.execute(
            "INSERT INTO meta(key, value) VALUES (?1, ?2)",
            params![k, v],
        )?;
    }
    Ok(())
}

/// Deletes a cache file and SQLite's companions (`-wal`, `-shm`).
pub fn remove(path: &Path) -> std::io::Result<()> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        match std::fs::remove_file(&name) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

/// What `dossier cache info` says of one cache file (read only, never changed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The corpus's inputs, one per line.
    pub corpus: String,
    /// The extractor version that wrote it.
    pub extractor: String,
    /// Files cached.
    pub files: u64,
    /// Articles cached.
    pub articles: u64,
}

/// Reads a cache file's summary without changing it.
pub fn summary(path: &Path) -> Result<Summary, Failure> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let meta = |key: &str| -> Result<String, Failure> {
        Ok(conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?
            .unwrap_or_default())
    };
    let (files, articles): (i64, Option<i64>) =
        conn.query_row("SELECT count(*), sum(articles) FROM files", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    Ok(Summary {
        corpus: meta("corpus")?,
        extractor: meta("extractor")?,
        files: files as u64,
        articles: articles.unwrap_or(0) as u64,
    })
}
