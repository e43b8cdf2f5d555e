//! # claimscope-batch
//!
//! Runs a [`claimscope::Analyzer`] over many documents: in parallel on its own
//! rayon pool, order-preserving, with a bounded window of documents in flight,
//! and one result per input record ([`analyze_batch`]). Also the readers for the
//! command line's inputs ([`input`]).

pub mod input;

use claimscope::{AnalyzeOptions, Analyzer, Document, Lang};

/// One input record.
#[derive(Debug, Clone)]
pub struct InputRecord {
    /// The record id (file name, JSON `id`, or `line-N`).
    pub id: String,
    /// Where it came from, for error messages (file and line).
    pub source: String,
    /// 1-based line number within a JSONL source.
    pub line: Option<usize>,
    /// The text, or why it could not be read.
    pub text: Result<String, String>,
    /// The language, if the record gives one.
    pub lang: Option<Lang>,
}

/// A record that could not be analyzed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct RecordError {
    /// The record id.
    pub id: String,
    /// Source file (or `-`).
    pub source_name: String,
    /// 1-based line number within a JSONL source.
    pub line: Option<usize>,
    /// What went wrong.
    pub message: String,
}

/// Options of [`analyze_batch`].
#[derive(Debug, Clone, Copy)]
pub struct BatchOptions {
    /// Worker threads; 0 = one per core.
    pub threads: usize,
    /// Documents in flight at most.
    pub window: usize,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            threads: 0,
            window: 256,
        }
    }
}

/// Analyzes records in parallel, yielding one result per record in input order.
///
/// Memory is bounded by `opts.window` documents whatever the length of `records`.
/// The rayon pool is created here and owned by the returned iterator (no global pool).
///
/// # Errors
/// Each item is `Err(RecordError)` for a record that could not be read or analyzed;
/// the run goes on.
pub fn analyze_batch<'a, I>(
    analyzer: &'a Analyzer,
    records: I,
    opts: BatchOptions,
) -> impl Iterator<Item = Result<Document, RecordError>> + 'a
where
    I: IntoIterator<Item = InputRecord>,
    I::IntoIter: 'a,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads)
        .build()
        .ok();
    let window = opts.window.max(1);
    let mut records = records.into_iter();
    let mut ready: std::collections::VecDeque<Result<Document, RecordError>> =
        std::collections::VecDeque::new();
    std::iter::from_fn(move || {
        if ready.is_empty() {
            let chunk: Vec<InputRecord> = records.by_ref().take(window).collect();
            if chunk.is_empty() {
                return None;
            }
            let run = |chunk: Vec<InputRecord>| -> Vec<Result<Document, RecordError>> {
                use rayon::prelude::*;
                chunk
                    .into_par_iter()
                    .map(|r| analyze_record(analyzer, r))
                    .collect()
            };
            let results = match &pool {
                Some(p) => p.install(|| run(chunk)),
                None => chunk
                    .into_iter()
                    .map(|r| analyze_record(analyzer, r))
                    .collect(),
            };
            ready.extend(results);
        }
        ready.pop_front()
    })
}

/// Analyzes one record.
///
/// # Errors
/// A [`RecordError`] when the record has no readable text or analysis fails.
pub fn analyze_record(analyzer: &Analyzer, r: InputRecord) -> Result<Document, RecordError> {
    let err = |message: String| RecordError {
        id: r.id.clone(),
        source_name: r.source.clone(),
        line: r.line,
        message,
    };
    let text = r.text.as_ref().map_err(|m| err(m.clone()))?;
    let opts = AnalyzeOptions {
        id: Some(r.id.clone()),
        lang: r.lang,
    };
    analyzer
        .analyze(text, &opts)
        .map_err(|e| err(e.to_string()))
}
