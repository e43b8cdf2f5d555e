//! Readers for the command line's inputs: `.txt` files, directories, JSON Lines
//! files and standard input. Every record, good or bad, comes out as one
//! [`InputRecord`], so that nothing is silently dropped.

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use claimscope::Lang;

use crate::InputRecord;

/// Turns one JSON Lines line into a record (an `Err` text when it is malformed).
#[must_use]
pub fn parse_jsonl_line(bytes: &[u8], source: &str, line: usize) -> InputRecord {
    let fallback_id = format!("{source}:{line}");
    let mut rec = InputRecord {
        id: fallback_id,
        source: source.to_string(),
        line: Some(line),
        text: Err(String::new()),
        lang: None,
    };
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
    let Some(obj) = v.as_object() else {
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
    rec.text = match obj.get("text") {
        Some(serde_json::Value::String(t)) => Ok(t.clone()),
        Some(_) => Err("\"text\" must be a string".into()),
        None => Err("record has no \"text\" field".into()),
    };
    rec
}

/// Reads JSON Lines from a reader, one record per non-blank line.
pub fn jsonl_records<R: BufRead>(
    mut reader: R,
    source: String,
) -> impl Iterator<Item = InputRecord> {
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    let mut done = false;
    std::iter::from_fn(move || {
        loop {
            if done {
                return None;
            }
            buf.clear();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) => {
                    line_no += 1;
                    let trimmed = trim_ascii(&buf);
                    if trimmed.is_empty() {
                        continue;
                    }
                    return Some(parse_jsonl_line(trimmed, &source, line_no));
                }
                Err(e) => {
                    done = true;
                    line_no += 1;
                    return Some(InputRecord {
                        id: format!("{source}:{line_no}"),
                        source: source.clone(),
                        line: Some(line_no),
                        text: Err(format!("read error: {e}")),
                        lang: None,
                    });
                }
            }
        }
    })
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &b[start..end]
}

/// A whole file as one document record.
#[must_use]
pub fn text_file_record(path: &Path) -> InputRecord {
    let id = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let source = path.display().to_string();
    let text = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => Ok(s),
            Err(e) => Err(format!(
                "invalid UTF-8 at byte {}",
                e.utf8_error().valid_up_to()
            )),
        },
        Err(e) => Err(format!("cannot read: {e}")),
    };
    InputRecord {
        id,
        source,
        line: None,
        text,
        lang: None,
    }
}

fn is_jsonl(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

/// Files under a directory, recursively, sorted, that claimscope reads (.txt, .jsonl, .ndjson).
#[must_use]
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("txt" | "jsonl" | "ndjson")
            ) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// All records of the given inputs (paths, directories, or `-` for standard input), lazily.
pub fn records(inputs: Vec<String>) -> impl Iterator<Item = InputRecord> {
    inputs
        .into_iter()
        .flat_map(|inp| -> Box<dyn Iterator<Item = InputRecord>> {
            if inp == "-" {
                return stdin_records();
            }
            let path = PathBuf::from(&inp);
            if path.is_dir() {
                Box::new(walk(&path).into_iter().flat_map(|p| path_records(&p)))
            } else {
                path_records(&path)
            }
        })
}

fn path_records(path: &Path) -> Box<dyn Iterator<Item = InputRecord>> {
    if is_jsonl(path) {
        match std::fs::File::open(path) {
            Ok(f) => Box::new(jsonl_records(
                std::io::BufReader::new(f),
                path.display().to_string(),
            )),
            Err(e) => Box::new(std::iter::once(InputRecord {
                id: path.display().to_string(),
                source: path.display().to_string(),
                line: None,
                text: Err(format!("cannot open: {e}")),
                lang: None,
            })),
        }
    } else {
        Box::new(std::iter::once(text_file_record(path)))
    }
}

/// Standard input: JSON Lines when it starts with `{`, otherwise one plain-text document.
fn stdin_records() -> Box<dyn Iterator<Item = InputRecord>> {
    let stdin = std::io::stdin();
    let mut reader = std::io::BufReader::new(stdin);
    let starts_with_brace = match reader.fill_buf() {
        Ok(buf) => buf.iter().find(|c| !c.is_ascii_whitespace()) == Some(&b'{'),
        Err(_) => false,
    };
    if starts_with_brace {
        Box::new(jsonl_records(reader, "-".to_string()))
    } else {
        let mut bytes = Vec::new();
        let text = match reader.read_to_end(&mut bytes) {
            Ok(_) => String::from_utf8(bytes)
                .map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to())),
            Err(e) => Err(format!("read error: {e}")),
        };
        Box::new(std::iter::once(InputRecord {
            id: "-".into(),
            source: "-".into(),
            line: None,
            text,
            lang: None,
        }))
    }
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
