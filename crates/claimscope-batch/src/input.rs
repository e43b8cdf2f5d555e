//! Readers for the command line's inputs: `.txt` files, directories, JSON Lines
//! files and standard input. Every record, good or bad, comes out as one
//! [`InputRecord`], so that nothing is silently dropped.

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use claimscope::Lang;

use crate::InputRecord;

/// Longest JSON Lines line accepted, in bytes. A longer line becomes an error
/// record (and is skipped without being held in memory).
pub const MAX_LINE_BYTES: usize = 256 << 20;

/// A boxed record iterator that can be moved to the feeder thread.
pub type Records = RecordsOf<'static>;

/// A boxed record iterator that may borrow its reader.
pub type RecordsOf<'a> = Box<dyn Iterator<Item = InputRecord> + Send + 'a>;

fn error_record(id: String, source: &str, line: Option<usize>, message: String) -> InputRecord {
    InputRecord {
        id,
        source: source.to_string(),
        line,
        text: Err(message),
        lang: None,
        bytes: 0,
    }
}

/// Turns one JSON Lines line into a record (an `Err` text when it is malformed).
///
/// The record's id is the JSON `id` (string or number), else `source:line`.
#[must_use]
pub fn parse_jsonl_line(bytes: &[u8], source: &str, line: usize) -> InputRecord {
    let mut rec = error_record(
        format!("{source}:{line}"),
        source,
        Some(line),
        String::new(),
    );
    rec.bytes = bytes.len() as u64;
    let s = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            rec.text = Err(format!("invalid UTF-8 at byte {}", e.valid_up_to()));
            return rec;
        }
    };
    let v: serde_json::Value = match serde_json::from_str(s) {
        Ok(v) => v,
        Err(e) => {
            rec.text = Err(format!("malformed JSON: {e}"));
            return rec;
        }
    };
    let serde_json::Value::Object(mut obj) = v else {
        rec.text = Err("a JSON Lines record must be an object with a \"text\" field".into());
        return rec;
    };
    match obj.get("id") {
        Some(serde_json::Value::String(id)) => rec.id = id.clone(),
        Some(serde_json::Value::Number(n)) => rec.id = n.to_string(),
        _ => {}
    }
    match obj.get("lang") {
        None | Some(serde_json::Value::Null) => {}
        Some(serde_json::Value::String(l)) if l == "auto" => {}
        Some(serde_json::Value::String(l)) => match Lang::from_code(l) {
            Ok(l) => rec.lang = Some(l),
            Err(e) => {
                rec.text = Err(e.to_string());
                return rec;
            }
        },
        Some(_) => {
            rec.text = Err("\"lang\" must be a string".into());
            return rec;
        }
    }
    rec.text = match obj.remove("text") {
        Some(serde_json::Value::String(t)) => Ok(t),
        Some(_) => Err("\"text\" must be a string".into()),
        None => Err("record has no \"text\" field".into()),
    };
    rec
}

/// Reads one line (up to and including `\n`) into `buf`, keeping at most
/// `limit` bytes. Returns the number of bytes consumed (0 at the end) and
/// whether the line was longer than `limit` (then `buf` holds its start only).
///
/// # Errors
/// The reader's I/O errors.
pub fn read_line_limited<R: BufRead>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<(usize, bool)> {
    let mut consumed = 0usize;
    let mut overflow = false;
    loop {
        let avail = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok((consumed, overflow));
        }
        let (take, done) = match memchr(b'\n', avail) {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        if !overflow {
            let room = limit.saturating_sub(buf.len());
            if take > room {
                overflow = true;
                buf.extend_from_slice(&avail[..room]);
            } else {
                buf.extend_from_slice(&avail[..take]);
            }
        }
        reader.consume(take);
        consumed += take;
        if done {
            return Ok((consumed, overflow));
        }
    }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

/// Reads JSON Lines from a reader: one record per non-blank line, in order.
///
/// A blank line (empty or only ASCII whitespace) is not a record: it yields
/// nothing, but still counts in the line numbers of later records. Every other
/// line yields exactly one record, an error record when it is not valid UTF-8,
/// not JSON, not an object, has no string `text`, or is longer than
/// [`MAX_LINE_BYTES`]. A read error ends the source with one error record.
pub fn jsonl_records<'a, R: BufRead + Send + 'a>(reader: R, source: String) -> RecordsOf<'a> {
    jsonl_records_limited(reader, source, MAX_LINE_BYTES)
}

/// [`jsonl_records`] for a reader whose first `first_line - 1` lines have
/// been read already (line numbers in records and errors start at `first_line`).
pub fn jsonl_records_from<'a, R: BufRead + Send + 'a>(
    reader: R,
    source: String,
    first_line: usize,
) -> RecordsOf<'a> {
    jsonl_records_inner(reader, source, MAX_LINE_BYTES, first_line.saturating_sub(1))
}

/// [`jsonl_records`] with a custom line length limit.
pub fn jsonl_records_limited<'a, R: BufRead + Send + 'a>(
    reader: R,
    source: String,
    limit: usize,
) -> RecordsOf<'a> {
    jsonl_records_inner(reader, source, limit, 0)
}

fn jsonl_records_inner<'a, R: BufRead + Send + 'a>(
    mut reader: R,
    source: String,
    limit: usize,
    lines_before: usize,
) -> RecordsOf<'a> {
    let mut line_no = lines_before;
    let mut buf = Vec::new();
    let mut done = false;
    Box::new(std::iter::from_fn(move || {
        loop {
            if done {
                return None;
            }
            buf.clear();
            match read_line_limited(&mut reader, &mut buf, limit) {
                Ok((0, _)) => return None,
                Ok((n, overflow)) => {
                    line_no += 1;
                    if overflow {
                        let mut r = error_record(
                            format!("{source}:{line_no}"),
                            &source,
                            Some(line_no),
                            format!("line longer than the limit of {limit} bytes ({n} bytes)"),
                        );
                        r.bytes = n as u64;
                        return Some(r);
                    }
                    let trimmed = buf.trim_ascii();
                    if trimmed.is_empty() {
                        continue;
                    }
                    let mut r = parse_jsonl_line(trimmed, &source, line_no);
                    r.bytes = n as u64;
                    return Some(r);
                }
                Err(e) => {
                    done = true;
                    line_no += 1;
                    return Some(error_record(
                        format!("{source}:{line_no}"),
                        &source,
                        Some(line_no),
                        format!("read error: {e}"),
                    ));
                }
            }
        }
    }))
}

/// A whole document as one record (id = file name).
fn text_record(path: &Path, content: std::io::Result<Vec<u8>>) -> InputRecord {
    let id = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let source = path.display().to_string();
    let mut rec = error_record(id, &source, None, String::new());
    rec.text = match content {
        Ok(bytes) => {
            rec.bytes = bytes.len() as u64;
            String::from_utf8(bytes)
                .map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
        }
        Err(e) => Err(format!("cannot read: {e}")),
    };
    rec
}

/// A whole file as one document record (decompressed when it is gzip or zstd).
#[must_use]
pub fn text_file_record(path: &Path) -> InputRecord {
    let content = open_decoded(path).and_then(read_document);
    text_record(path, content)
}

/// Reads a whole document, refusing (without holding it all) one longer than
/// [`MAX_LINE_BYTES`].
fn read_document<R: Read>(r: R) -> std::io::Result<Vec<u8>> {
    let mut v = Vec::new();
    r.take(MAX_LINE_BYTES as u64 + 1).read_to_end(&mut v)?;
    if v.len() > MAX_LINE_BYTES {
        return Err(std::io::Error::other(format!(
            "document longer than the limit of {MAX_LINE_BYTES} bytes"
        )));
    }
    Ok(v)
}

/// Compression of a stream, told by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// Not compressed.
    None,
    /// gzip (`1f 8b`).
    Gzip,
    /// Zstandard (`28 b5 2f fd`).
    Zstd,
}

/// Tells the compression from the first bytes of a stream.
#[must_use]
pub fn sniff(head: &[u8]) -> Compression {
    if head.starts_with(&[0x1f, 0x8b]) {
        Compression::Gzip
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Compression::Zstd
    } else {
        Compression::None
    }
}

/// Wraps a buffered reader in the decoder its first bytes call for.
///
/// # Errors
/// I/O errors while peeking, or a zstd decoder that cannot be created.
pub fn decoded<R: BufRead + Send + 'static>(
    mut reader: R,
) -> std::io::Result<Box<dyn BufRead + Send>> {
    let c = sniff(reader.fill_buf()?);
    Ok(match c {
        Compression::None => Box::new(reader),
        Compression::Gzip => Box::new(std::io::BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(reader),
        )),
        Compression::Zstd => Box::new(std::io::BufReader::with_capacity(
            1 << 16,
            zstd::stream::read::Decoder::with_buffer(reader)?,
        )),
    })
}

/// Opens a file, decompressing gzip or zstd transparently.
///
/// # Errors
/// The file cannot be opened or read.
pub fn open_decoded(path: &Path) -> std::io::Result<Box<dyn BufRead + Send>> {
    let f = std::fs::File::open(path)?;
    decoded(std::io::BufReader::with_capacity(1 << 16, f))
}

/// The name of a file without a compression suffix (`a.jsonl.gz` → `a.jsonl`).
fn base_name(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    for suffix in [".gz", ".zst", ".zstd"] {
        if let Some(b) = name.strip_suffix(suffix) {
            return b.to_string();
        }
    }
    name
}

/// True for `.jsonl` / `.ndjson` files, compressed or not.
#[must_use]
pub fn is_jsonl(path: &Path) -> bool {
    let b = base_name(path);
    b.ends_with(".jsonl") || b.ends_with(".ndjson")
}

/// True for the files a directory walk picks up: `.txt`, `.jsonl`, `.ndjson`,
/// each possibly with `.gz` or `.zst`.
#[must_use]
pub fn is_input_file(path: &Path) -> bool {
    is_jsonl(path) || base_name(path).ends_with(".txt")
}

/// Files under a directory, recursively, sorted by path, that claimscope reads
/// (see [`is_input_file`]). Symbolic links to directories are not followed.
///
/// # Errors
/// Directories that cannot be read, as `(path, message)`; the walk goes on.
pub fn walk(dir: &Path) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                errors.push((d, format!("cannot read directory: {e}")));
                continue;
            }
        };
        for e in entries {
            let e = match e {
                Ok(e) => e,
                Err(err) => {
                    errors.push((d.clone(), format!("cannot read directory: {err}")));
                    continue;
                }
            };
            let p = e.path();
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            if is_dir {
                stack.push(p);
            } else if is_input_file(&p) && p.is_file() {
                out.push(p);
            }
        }
    }
    out.sort();
    errors.sort();
    (out, errors)
}

/// All records of the given inputs (paths, directories, or `-` for standard
/// input), lazily, in order: inputs in the order given, files of a directory
/// sorted by path, lines of a file in order.
#[must_use]
pub fn records(inputs: Vec<String>) -> Records {
    Box::new(inputs.into_iter().flat_map(|inp| -> Records {
        if inp == "-" {
            return stdin_records();
        }
        let path = PathBuf::from(&inp);
        if path.is_dir() {
            let (files, errors) = walk(&path);
            let errs = errors.into_iter().map(|(p, m)| {
                let s = p.display().to_string();
                error_record(s.clone(), &s, None, m)
            });
            Box::new(errs.chain(files.into_iter().flat_map(|p| path_records(&p))))
        } else {
            path_records(&path)
        }
    }))
}

/// The records of one file: a JSON Lines file gives one per line, any other
/// file one document.
#[must_use]
pub fn path_records(path: &Path) -> Records {
    if is_jsonl(path) {
        let source = path.display().to_string();
        match open_decoded(path) {
            Ok(r) => jsonl_records(r, source),
            Err(e) => Box::new(std::iter::once(error_record(
                source.clone(),
                &source,
                None,
                format!("cannot open: {e}"),
            ))),
        }
    } else {
        Box::new(std::iter::once(text_file_record(path)))
    }
}

/// Standard input (possibly gzip or zstd): JSON Lines when its first non-blank
/// byte is `{`, otherwise one plain-text document with id `-`.
fn stdin_records() -> Records {
    let reader = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
    let mut reader = match decoded(reader) {
        Ok(r) => r,
        Err(e) => {
            return Box::new(std::iter::once(error_record(
                "-".into(),
                "-",
                None,
                format!("read error: {e}"),
            )));
        }
    };
    let starts_with_brace = match first_non_blank(&mut reader) {
        Ok(b) => b == Some(b'{'),
        Err(_) => false,
    };
    if starts_with_brace {
        jsonl_records(reader, "-".to_string())
    } else {
        let content = read_document(reader);
        Box::new(std::iter::once(text_record(Path::new("-"), content)))
    }
}

/// The first byte that is not ASCII whitespace in the reader's buffer, without
/// consuming anything. Only the first buffer (64 KiB) is looked at: an input
/// that starts with more blank space than that is read as plain text.
fn first_non_blank(reader: &mut Box<dyn BufRead + Send>) -> std::io::Result<Option<u8>> {
    let buf = reader.fill_buf()?;
    Ok(buf.iter().copied().find(|c| !c.is_ascii_whitespace()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_record_per_line_good_or_bad() {
        let data = b"{\"id\":\"a\",\"text\":\"Hello.\"}\n{bad json\n\xff\xfe\n{\"id\":\"d\"}\n{\"text\":5}\n\n{\"text\":\"ok\",\"lang\":\"pl\"}\n";
        let recs: Vec<InputRecord> = jsonl_records(&data[..], "t".into()).collect();
        assert_eq!(recs.len(), 6);
        assert_eq!(recs[0].text.as_deref(), Ok("Hello."));
        assert!(
            recs[1]
                .text
                .as_ref()
                .is_err_and(|e| e.contains("malformed JSON"))
        );
        assert!(recs[2].text.as_ref().is_err_and(|e| e.contains("UTF-8")));
        assert!(
            recs[3]
                .text
                .as_ref()
                .is_err_and(|e| e.contains("no \"text\""))
        );
        assert!(
            recs[4]
                .text
                .as_ref()
                .is_err_and(|e| e.contains("must be a string"))
        );
        assert_eq!(recs[5].line, Some(7));
        assert_eq!(recs[5].lang, Some(Lang::Pl));
    }
}

#[cfg(test)]
mod limit_tests {
    use super::*;

    #[test]
    fn overlong_lines_become_one_error_record_each() {
        let mut data = b"{\"text\":\"ok\"}\n".to_vec();
        data.extend(std::iter::repeat_n(b'x', 5000));
        data.extend_from_slice("\n{\"text\":\"Zażółć gęślą jaźń\"}\n".as_bytes());
        let recs: Vec<_> = jsonl_records_limited(&data[..], "t".into(), 100).collect();
        assert_eq!(recs.len(), 3);
        assert!(
            recs[1]
                .text
                .as_ref()
                .is_err_and(|e| e.contains("longer than"))
        );
        assert_eq!(recs[1].bytes, 5001);
        assert_eq!(recs[2].text.as_deref(), Ok("Zażółć gęślą jaźń"));
        assert_eq!(recs[2].line, Some(3));
    }

    #[test]
    fn compression_is_told_by_magic_bytes() {
        assert_eq!(sniff(&[0x1f, 0x8b, 8]), Compression::Gzip);
        assert_eq!(sniff(&[0x28, 0xb5, 0x2f, 0xfd]), Compression::Zstd);
        assert_eq!(sniff(b"{\"text\""), Compression::None);
        assert!(is_jsonl(Path::new("a/b.JSONL.gz")));
        assert!(is_input_file(Path::new("x.txt.zst")));
        assert!(!is_input_file(Path::new("x.md")));
    }
}
