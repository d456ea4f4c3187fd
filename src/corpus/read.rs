//! Bytes to text: size cap, binary detection, UTF-8 (and BOM-marked UTF-16)
//! decoding, lossy decoding of mostly-text files with a warning.

use std::io::Read;
use std::path::Path;

/// Largest input read, per file or from stdin. Bigger files are reported and skipped.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Share of invalid UTF-8 bytes up to which a file still counts as mostly text.
const MAX_INVALID_SHARE: f64 = 0.10;

/// Share of control bytes above which a file counts as binary.
const MAX_CONTROL_SHARE: f64 = 0.10;

/// Text decoded from an input, with a warning when decoding was lossy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    /// The text.
    pub text: String,
    /// Set when some bytes could not be decoded and were replaced.
    pub warning: Option<String>,
}

/// Opens an input for reading without ever blocking in `open()`: a FIFO with no
/// writer would block there forever. Regular files and FIFOs (`<(cmd)`, a named
/// pipe) are opened; anything else (a device, a socket) is refused unopened.
pub(crate) fn open(path: &Path) -> Result<Opened, String> {
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let kind = |meta: &std::fs::Metadata| {
        let t = meta.file_type();
        if t.is_file() {
            Ok(false)
        } else if t.is_fifo() {
            Ok(true)
        } else if t.is_dir() {
            Err("is a directory".to_string())
        } else {
            Err("not a regular file".to_string())
        }
    };
    kind(&std::fs::metadata(path).map_err(|e| describe(&e))?)?;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| describe(&e))?;
    // Asked again of what was opened: the path may have changed in between.
    let meta = file.metadata().map_err(|e| describe(&e))?;
    let pipe = kind(&meta)?;
    if pipe {
        // Reads wait for the writer from here on; with no writer at all they
        // see the end at once.
        let flags = rustix::fs::fcntl_getfl(&file).map_err(|e| describe(&e.into()))?;
        rustix::fs::fcntl_setfl(&file, flags - rustix::fs::OFlags::NONBLOCK)
            .map_err(|e| describe(&e.into()))?;
    }
    Ok(Opened {
        file,
        len: if pipe { None } else { Some(meta.len()) },
    })
}

/// An input opened by [`open`].
pub(crate) struct Opened {
    /// The open file.
    pub file: std::fs::File,
    /// Its size, for a regular file; `None` for a pipe.
    pub len: Option<u64>,
}

/// Reads a file (or a named pipe) whole, refusing anything over [`MAX_BYTES`].
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let opened = open(path)?;
    match opened.len {
        Some(len) if len > MAX_BYTES => Err(too_large(Some(len))),
        Some(len) => read_capped(opened.file, len as usize),
        None => match read_capped(opened.file, 0)? {
            bytes if bytes.is_empty() => Err("empty (a pipe nothing was written to)".into()),
            bytes => Ok(bytes),
        },
    }
}

/// Reads at most [`MAX_BYTES`] + 1 bytes; `expected` sizes the buffer (one read
/// for a regular file instead of a doubling series).
pub(crate) fn read_capped(reader: impl Read, expected: usize) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::with_capacity(expected.saturating_add(1));
    reader
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| describe(&e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large(None));
    }
    Ok(bytes)
}

/// Why an input is too large: with its size when known (a file) and clearly
/// above the limit, else only that it went past the limit (a pipe, stdin).
fn too_large(len: Option<u64>) -> String {
    let mib = |n: u64| n as f64 / (1024.0 * 1024.0);
    let limit = mib(MAX_BYTES);
    let size = match len {
        Some(len) if mib(len) - limit >= 0.05 => format!("{:.1} MiB", mib(len)),
        _ => format!("more than {limit:.0} MiB"),
    };
    format!(
        "file too large ({size}; the limit is {limit:.0} MiB per document, JSON Lines have none)"
    )
}

/// A short lower-case reason for an I/O error.
pub(crate) fn describe(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file or directory".into(),
        ErrorKind::PermissionDenied => "permission denied (unreadable)".into(),
        ErrorKind::IsADirectory => "is a directory".into(),
        _ => {
            let s = e.to_string();
            // "Invalid data (os error 22)" -> "invalid data (os error 22)"
            let mut chars = s.chars();
            chars.next().map_or(s.clone(), |c| {
                c.to_lowercase().collect::<String>() + chars.as_str()
            })
        }
    }
}

/// Decodes bytes to text, or says why they are not usable text.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if let Some(text) = decode_utf16(bytes) {
        return Ok(Decoded {
            text,
            warning: None,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if is_binary(bytes) {
        return Err("binary file".into());
    }
    let decoded = match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_string(),
            warning: None,
        },
        Err(_) => decode_lossy(bytes)?,
    };
    if decoded.text.trim().is_empty() {
        return Err("empty file".into());
    }
    Ok(decoded)
}

fn decode_lossy(bytes: &[u8]) -> Result<Decoded, String> {
    let invalid: usize = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
    let share = invalid as f64 / bytes.len().max(1) as f64;
    if share > MAX_INVALID_SHARE {
        return Err(format!(
            "not UTF-8 text ({:.0}% of bytes invalid)",
            share * 100.0
        ));
    }
    Ok(Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        warning: Some(format!(
            "not valid UTF-8; {invalid} invalid byte(s) replaced with U+FFFD"
        )),
    })
}

/// NUL bytes, or many control bytes, in the first 64 KiB mean binary (as git and grep judge).
pub(crate) fn is_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1b))
        .count();
    !head.is_empty() && controls as f64 / head.len() as f64 > MAX_CONTROL_SHARE
}

/// UTF-16 text is only recognised by its byte-order mark; without one it looks binary.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let (body, little) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (rest, true),
        [0xFE, 0xFF, rest @ ..] => (rest, false),
        _ => return None,
    };
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_text_decodes_cleanly() {
        let d = decode("Chongqing 重庆\n".as_bytes()).unwrap();
        assert_eq!(d.text, "Chongqing 重庆\n");
        assert!(d.warning.is_none());
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFhello").unwrap().text, "hello");
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00abc").unwrap_err(), "binary file");
    }

    #[test]
    fn many_control_bytes_mean_binary() {
        let bytes: Vec<u8> = (0..200)
            .map(|i| if i % 3 == 0 { 0x01 } else { b'a' })
            .collect();
        assert!(is_binary(&bytes));
    }

    #[test]
    fn escape_sequences_alone_are_not_binary() {
        assert!(!is_binary(b"Title \x1b[31mred\x1b[0m and more text here"));
    }

    #[test]
    fn whitespace_only_is_empty() {
        assert_eq!(decode(b" \n\t \r\n").unwrap_err(), "empty file");
    }

    #[test]
    fn mostly_text_latin1_is_decoded_lossily_with_a_warning() {
        let d = decode(b"The caf\xe9 opened in Montr\xe9al last week.").unwrap();
        assert!(d.text.contains("caf\u{fffd}"));
        assert!(d.warning.unwrap().contains("2 invalid byte"));
    }

    #[test]
    fn mostly_invalid_bytes_are_not_text() {
        let bytes: Vec<u8> = (0..300u32).map(|i| 0x80 + (i * 7 % 0x7f) as u8).collect();
        assert!(decode(&bytes).unwrap_err().starts_with("not UTF-8 text"));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Hi 重".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "Hi 重");
    }
}
