//! What the profiling examples share: their arguments and their input.

use std::str::FromStr;

use claimscope_batch::{InputRecord, input};

/// The next argument parsed as a `T` (`name` in the error), or `default`
/// when there is none.
pub fn arg_or<T: FromStr>(
    args: &mut impl Iterator<Item = String>,
    name: &str,
    default: T,
) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    match args.next() {
        Some(a) => a.parse().map_err(|e| format!("{name}: {e}")),
        None => Ok(default),
    }
}

/// The records of a JSONL file, read as the command line reads them
/// (malformed lines are error records).
pub fn jsonl_file(path: &str) -> Result<Vec<InputRecord>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(input::jsonl_records(std::io::BufReader::new(file), path.to_string()).collect())
}
