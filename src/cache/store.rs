//! The SQLite database behind one corpus cache: opening it (creating, checking
//! the version, rebuilding what is damaged), reading files' articles, entities,
//! bodies and the corpus table, and writing them. Every read is checked (row
//! counts, checksums). A file is written in steps (batch by batch while a big
//! one is extracted) and counts only once marked complete.

use super::record::{self, Damage, Stored, StoredEntities, StoredProblem, StoredRef, StoredTable};
use crate::extract::Entity;
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior, params};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The layout of the tables; a cache with another one is rebuilt.
const SCHEMA_VERSION: &str = "3";

/// Bodies longer than this are read with incremental blob I/O.
const BLOB_FROM: i64 = 1 << 20;

/// How long a process waits for another one's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

const TABLES: [&str; 6] = ["meta", "files", "articles", "entities", "bodies", "tables"];

const CREATE: &str = "
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    problems BLOB NOT NULL,
    sum INTEGER NOT NULL,
    complete INTEGER NOT NULL,
    writer INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS files_by_path ON files(path);
CREATE TABLE IF NOT EXISTS articles(id INTEGER PRIMARY KEY, record BLOB NOT NULL, sum INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS entities(id INTEGER PRIMARY KEY, record BLOB NOT NULL, sum INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS bodies(id INTEGER PRIMARY KEY, body BLOB NOT NULL, sum INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tables(id INTEGER PRIMARY KEY, files BLOB NOT NULL, record BLOB NOT NULL, sum INTEGER NOT NULL);
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

impl From<postcard::Error> for Failure {
    fn from(e: postcard::Error) -> Self {
        Failure::Other(e.to_string())
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

/// What takes each record of a file in turn: its bytes and their checksum.
type RecordSink<'a> = dyn FnMut(&[u8], u32) -> Result<(), Failure> + 'a;

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
/// id names one article for the life of the cache).
pub fn article_id(file: i64, n: u32) -> i64 {
    (file << 32) | i64::from(n)
}

fn connect(path: &Path) -> Result<Connection, Failure> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
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
        let mut conn = connect(path)?;
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

    /// Another connection to the cache at `path` (opened before), for reading
    /// bodies and entities while (and after) the first one writes.
    pub fn open_reader(path: &Path) -> Result<Store, Failure> {
        Ok(Store {
            conn: connect(path)?,
            path: path.to_path_buf(),
        })
    }

    /// Where the cache file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Starts a read that sees one state of the cache however others write.
    pub fn begin_read(&self) -> Result<rusqlite::Transaction<'_>, Failure> {
        Ok(self.conn.unchecked_transaction()?)
    }

    /// Every file the cache holds complete, by path.
    pub fn files(&self) -> Result<HashMap<String, FileRow>, Failure> {
        let mut statement = self
            .conn
            .prepare("SELECT path, id, size, mtime, articles FROM files WHERE complete = 1")?;
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

    /// Hands each of a file's records in `table` (`articles` or `entities`) to
    /// `each`, in order, checked: all of them, each intact.
    fn each_record(
        &self,
        table: &str,
        file: &FileRow,
        each: &mut RecordSink<'_>,
    ) -> Result<(), Failure> {
        let sql = format!("SELECT record, sum FROM {table} WHERE id >= ?1 AND id < ?2 ORDER BY id");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let range = (article_id(file.id, 0), article_id(file.id + 1, 0));
        let mut rows = statement.query(params![range.0, range.1])?;
        let mut count = 0u32;
        while let Some(row) = rows.next()? {
            let bytes = row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?;
            each(bytes, row.get(1)?)?;
            count += 1;
        }
        if count != file.articles {
            return Err(Failure::Damaged(format!(
                "{count} of {} {table} of a file are there",
                file.articles
            )));
        }
        Ok(())
    }

    /// Hands each of a file's articles (without bodies and entities) to `each`.
    pub fn each_article(
        &self,
        file: &FileRow,
        each: &mut dyn FnMut(Stored),
    ) -> Result<(), Failure> {
        self.each_record("articles", file, &mut |bytes, sum| {
            each(record::decode::<Stored>(bytes, sum)?);
            Ok(())
        })
    }

    /// Hands each of a file's articles' entities to `each`.
    pub fn each_entities(
        &self,
        file: &FileRow,
        each: &mut dyn FnMut(StoredEntities),
    ) -> Result<(), Failure> {
        self.each_record("entities", file, &mut |bytes, sum| {
            each(record::decode::<StoredEntities>(bytes, sum)?);
            Ok(())
        })
    }

    /// Marks the cache damaged: the next open rebuilds it.
    pub fn mark_damaged(&self, reason: &str) -> Result<(), Failure> {
        self.conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('damaged', ?1)",
            [reason],
        )?;
        Ok(())
    }

    /// One body, checked. A big one is read straight into its buffer
    /// (incremental blob I/O), not through a copy SQLite makes first.
    pub fn body(&self, id: i64) -> Result<String, Failure> {
        use std::io::Read;
        let mut statement = self.conn.prepare_cached(
            "SELECT CASE WHEN length(body) <= ?2 THEN body END, length(body), sum \
             FROM bodies WHERE id = ?1",
        )?;
        type Found = (Option<Vec<u8>>, i64, u32);
        let found: Option<Found> = statement
            .query_row(params![id, BLOB_FROM], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        let (small, len, sum) =
            found.ok_or_else(|| Failure::Other("no longer in the cache".into()))?;
        if let Some(bytes) = small {
            return Ok(record::body(bytes, sum)?);
        }
        let blob = self
            .conn
            .blob_open(rusqlite::MAIN_DB, "bodies", "body", id, true)?;
        let mut bytes = Vec::with_capacity(len.max(0) as usize);
        blob.take(len.max(0) as u64)
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Other(e.to_string()))?;
        Ok(record::body(bytes, sum)?)
    }

    /// The length of one body in bytes (without reading it).
    pub fn body_len(&self, id: i64) -> Result<usize, Failure> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT length(body) FROM bodies WHERE id = ?1")?;
        let found: Option<i64> = statement.query_row([id], |r| r.get(0)).optional()?;
        let len = found.ok_or_else(|| Failure::Other("no longer in the cache".into()))?;
        Ok(len as usize)
    }

    /// The first `max` bytes of one body at most (cut to whole characters),
    /// read without the rest: for the preview of a huge article. Unlike
    /// [`Store::body`] it cannot be checked (the checksum covers the whole);
    /// bytes that are not text make it a failure.
    pub fn body_prefix(&self, id: i64, max: usize) -> Result<String, Failure> {
        use std::io::Read;
        let blob = self
            .conn
            .blob_open(rusqlite::MAIN_DB, "bodies", "body", id, true)?;
        let mut bytes = Vec::with_capacity(max.min(blob.len()));
        blob.take(max as u64)
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Other(e.to_string()))?;
        match String::from_utf8(bytes) {
            Ok(text) => Ok(text),
            // Only a character cut at the end is expected.
            Err(e) if e.utf8_error().error_len().is_none() => {
                let valid = e.utf8_error().valid_up_to();
                let mut bytes = e.into_bytes();
                bytes.truncate(valid);
                String::from_utf8(bytes).map_err(|e| Failure::Damaged(e.to_string()))
            }
            Err(_) => Err(Failure::Damaged("a body is not text".into())),
        }
    }

    /// One article's entities, checked.
    pub fn entities(&self, id: i64) -> Result<Vec<Entity>, Failure> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT record, sum FROM entities WHERE id = ?1")?;
        let mut rows = statement.query([id])?;
        let row = rows
            .next()?
            .ok_or_else(|| Failure::Other("no longer in the cache".into()))?;
        let bytes = row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?;
        Ok(record::decode(bytes, row.get(1)?)?)
    }

    /// Whether the cache holds the corpus table of exactly these files (ids in
    /// corpus order), without reading it.
    pub fn has_table(&self, files: &[i64]) -> Result<bool, Failure> {
        let found: Option<Vec<u8>> = self
            .conn
            .query_row("SELECT files FROM tables WHERE id = 1", [], |r| r.get(0))
            .optional()?;
        Ok(found.is_some_and(|f| f == postcard::to_allocvec(files).unwrap_or_default()))
    }

    /// The corpus table cached for exactly these files (ids in corpus order).
    pub fn table(&self, files: &[i64]) -> Result<Option<StoredTable>, Failure> {
        let mut statement = self
            .conn
            .prepare("SELECT files, record, sum FROM tables WHERE id = 1")?;
        let mut rows = statement.query([])?;
        let Some(row) = rows.next()? else {
            return Ok(None);
        };
        let for_files = row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?;
        if for_files != postcard::to_allocvec(files)?.as_slice() {
            return Ok(None);
        }
        let bytes = row.get_ref(1)?.as_blob().map_err(rusqlite::Error::from)?;
        Ok(Some(record::decode(bytes, row.get(2)?)?))
    }

    /// Keeps the corpus table of these files (ids in corpus order).
    pub fn put_table(&mut self, files: &[i64], table: &StoredTable) -> Result<(), Failure> {
        let (bytes, sum) = record::encode(table)?;
        self.conn.execute(
            "INSERT OR REPLACE INTO tables(id, files, record, sum) VALUES (1, ?1, ?2, ?3)",
            params![postcard::to_allocvec(files)?, bytes, sum],
        )?;
        Ok(())
    }

    /// Complete files whose path is not in `keep`, and files a dossier that
    /// is no longer running left unfinished: both are forgotten.
    pub fn stale(&self, keep: &dyn Fn(&str) -> bool) -> Result<Vec<i64>, Failure> {
        let mut statement = self
            .conn
            .prepare("SELECT id, path, complete, writer FROM files")?;
        let rows = statement.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, path, complete, writer) = row?;
            let gone = if complete {
                !keep(&path)
            } else {
                !running(writer)
            };
            if gone {
                out.push(id);
            }
        }
        Ok(out)
    }

    /// Starts a write; other writers wait (up to [`BUSY_TIMEOUT`]).
    pub fn begin_write(&mut self) -> Result<Writer<'_>, Failure> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        Ok(Writer { tx })
    }
}

/// One write transaction: files started, filled, finished or removed, committed together.
pub struct Writer<'a> {
    tx: rusqlite::Transaction<'a>,
}

/// One article to cache: its record, its entities and its body.
pub type Put<'a> = (StoredRef<'a>, &'a [Entity], &'a str);

impl Writer<'_> {
    /// Starts caching the file at `path` (not counted until finished).
    pub fn start_file(&mut self, path: &str, stamp: Stamp) -> Result<i64, Failure> {
        let (problems, sum) = record::encode(&Vec::<StoredProblem>::new())?;
        self.tx.execute(
            "INSERT INTO files(path, size, mtime, articles, problems, sum, complete, writer) \
             VALUES (?1, ?2, ?3, 0, ?4, ?5, 0, ?6)",
            params![
                path,
                stamp.size as i64,
                stamp.mtime,
                problems,
                sum,
                std::process::id()
            ],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Caches articles `first..` of file `file`.
    pub fn put_articles(
        &mut self,
        file: i64,
        first: u32,
        articles: &[Put<'_>],
    ) -> Result<(), Failure> {
        let mut put_record = self
            .tx
            .prepare_cached("INSERT INTO articles(id, record, sum) VALUES (?1, ?2, ?3)")?;
        let mut put_entities = self
            .tx
            .prepare_cached("INSERT INTO entities(id, record, sum) VALUES (?1, ?2, ?3)")?;
        let mut put_body = self
            .tx
            .prepare_cached("INSERT INTO bodies(id, body, sum) VALUES (?1, ?2, ?3)")?;
        for (n, (stored, entities, body)) in articles.iter().enumerate() {
            let id = article_id(file, first + n as u32);
            let (bytes, sum) = record::encode(stored)?;
            put_record.execute(params![id, bytes, sum])?;
            let (bytes, sum) = record::encode(entities)?;
            put_entities.execute(params![id, bytes, sum])?;
            put_body.execute(params![
                id,
                body.as_bytes(),
                crc32fast::hash(body.as_bytes())
            ])?;
        }
        Ok(())
    }

    /// Marks file `file` (at `path`) complete with `articles` articles and its
    /// problems, replacing any other copy of that path. False when another
    /// dossier replaced this one meanwhile (its rows are then dropped).
    pub fn finish_file(
        &mut self,
        file: i64,
        path: &str,
        articles: u32,
        problems: &[StoredProblem],
    ) -> Result<bool, Failure> {
        let (bytes, sum) = record::encode(problems)?;
        let changed = self.tx.execute(
            "UPDATE files SET articles = ?2, problems = ?3, sum = ?4, complete = 1 WHERE id = ?1",
            params![file, articles, bytes, sum],
        )?;
        if changed == 0 {
            self.remove_rows(file)?;
            return Ok(false);
        }
        let others: Vec<i64> = {
            let mut statement = self
                .tx
                .prepare_cached("SELECT id FROM files WHERE path = ?1 AND id != ?2")?;
            let ids = statement.query_map(params![path, file], |r| r.get(0))?;
            ids.collect::<Result<_, _>>()?
        };
        for id in others {
            self.remove_id(id)?;
        }
        Ok(true)
    }

    /// Forgets every copy of the file at `path` and its articles.
    pub fn remove_file(&mut self, path: &str) -> Result<(), Failure> {
        let ids: Vec<i64> = {
            let mut statement = self
                .tx
                .prepare_cached("SELECT id FROM files WHERE path = ?1")?;
            let ids = statement.query_map([path], |r| r.get(0))?;
            ids.collect::<Result<_, _>>()?
        };
        for id in ids {
            self.remove_id(id)?;
        }
        Ok(())
    }

    /// Forgets file `id` and its articles.
    pub fn remove_id(&mut self, id: i64) -> Result<(), Failure> {
        self.remove_rows(id)?;
        self.tx.execute("DELETE FROM files WHERE id = ?1", [id])?;
        Ok(())
    }

    fn remove_rows(&mut self, id: i64) -> Result<(), Failure> {
        let range = params![article_id(id, 0), article_id(id + 1, 0)];
        for table in ["articles", "entities", "bodies"] {
            let sql = format!("DELETE FROM {table} WHERE id >= ?1 AND id < ?2");
            self.tx.execute(&sql, range)?;
        }
        Ok(())
    }

    /// Makes the writes durable and visible.
    pub fn commit(self) -> Result<(), Failure> {
        self.tx.commit()?;
        Ok(())
    }
}

/// Whether process `pid` still runs (a dossier writing its files).
fn running(pid: i64) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    if pid as u32 == std::process::id() {
        return true;
    }
    // SAFETY: signal 0 only checks that the process exists; nothing is sent.
    let result = unsafe { libc::kill(pid, 0) };
    result == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

fn meta(conn: &Connection, key: &str) -> Result<Option<String>, Failure> {
    let value = conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()?;
    Ok(value)
}

/// Empties the cache and stamps it with this layout, version and corpus.
fn reset(conn: &Connection, key: &str, version: &str) -> Result<(), Failure> {
    for table in TABLES {
        conn.execute_batch(&format!("DROP TABLE IF EXISTS {table};"))?;
    }
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
    let count = |sql: &str| -> rusqlite::Result<(i64, Option<i64>)> {
        conn.query_row(sql, [], |r| Ok((r.get(0)?, r.get(1)?)))
    };
    // A cache of an earlier layout has no `complete` column (it is rebuilt when used).
    let (files, articles) = count("SELECT count(*), sum(articles) FROM files WHERE complete = 1")
        .or_else(|_| count("SELECT count(*), sum(articles) FROM files"))?;
    Ok(Summary {
        corpus: meta("corpus")?,
        extractor: meta("extractor")?,
        files: files as u64,
        articles: articles.unwrap_or(0) as u64,
    })
}
