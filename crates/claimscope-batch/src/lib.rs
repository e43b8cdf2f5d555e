//! # claimscope-batch
//!
//! Runs a [`claimscope::Analyzer`] over many documents: in parallel on its own
//! rayon pool, order-preserving, with a bounded window of documents in flight,
//! and one result per input record ([`analyze_batch`]). Also the readers for the
//! command line's inputs ([`input`]), CSV writing ([`csv`]) and corpus
//! aggregates ([`stats`]).
//!
//! ## The pipeline
//!
//! A feeder thread pulls records from the input iterator into a queue as
//! soon as a slot of the window is free; worker jobs on the pool take from
//! the queue what is there (several consecutive records at a time while input
//! comes fast, up to 32 records or 64 KB), and the caller's thread takes the
//! results back in input order. Threads hand over and wake each other once
//! per batch of records, not once per record, and a record that has been read
//! never waits for more input. No worker waits for the slowest document of
//! another's batch; a slow document only holds back the *output* of later
//! documents (up to the window), not the work on them. A feeder that finds
//! the window full sleeps until half of it is free.
//!
//! The window counts records (and their input bytes) from the moment the
//! feeder has read them until the caller has taken their result, so memory is
//! bounded by `window` records and `max_bytes_in_flight` bytes of input (with
//! their analyses), whatever the size of the corpus.

pub mod csv;
pub mod input;
pub mod stats;

use std::collections::{BTreeMap, VecDeque};
use std::panic::AssertUnwindSafe;
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};

use claimscope::{AnalyzeOptions, Analyzer, Document, Lang};

/// One input record.
#[derive(Debug, Clone)]
pub struct InputRecord {
    /// The record id (file name, JSON `id`, or `source:line`).
    pub id: String,
    /// Where it came from, for error messages (file and line).
    pub source: String,
    /// 1-based line number within a JSONL source.
    pub line: Option<usize>,
    /// The text, or why it could not be read.
    pub text: Result<String, String>,
    /// The language, if the record gives one.
    pub lang: Option<Lang>,
    /// How many bytes of input this record took (its line with the newline, or
    /// its file), for throughput figures.
    pub bytes: u64,
}

impl InputRecord {
    /// A record with a text and nothing else (id as given, source `-`).
    #[must_use]
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        InputRecord {
            id: id.into(),
            source: "-".into(),
            line: None,
            bytes: text.len() as u64,
            text: Ok(text),
            lang: None,
        }
    }
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
    /// Records in flight at most (read, being analyzed, or waiting to be taken
    /// in order); at least 1.
    pub window: usize,
    /// Input bytes in flight at most, so that a run of huge records cannot
    /// hold `window` of them at once. A record larger than this still runs,
    /// alone.
    pub max_bytes_in_flight: u64,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            threads: 0,
            window: 256,
            max_bytes_in_flight: 64 << 20,
        }
    }
}

/// Analyzes records in parallel, yielding one result per record in input order.
///
/// Memory is bounded by `opts.window` records whatever the length of `records`.
/// The rayon pool is created here and owned by the pipeline (never the global
/// pool); it goes away when the returned iterator is dropped and the tasks in
/// flight have finished.
///
/// # Errors
/// Each item is `Err(RecordError)` for a record that could not be read or
/// analyzed (including a panic inside the analyzer); the run goes on.
///
/// # Examples
/// ```
/// use claimscope::Analyzer;
/// use claimscope_batch::{BatchOptions, InputRecord, analyze_batch};
/// let analyzer = Analyzer::new()?;
/// let records = vec![
///     InputRecord::from_text("a", "Putin said the talks failed."),
///     InputRecord::from_text("b", "Łukaszenko powiedział, że Rosja wyśle broń."),
/// ];
/// let ids: Vec<String> = analyze_batch(&analyzer, records, BatchOptions::default())
///     .map(|r| r.map(|d| d.id).unwrap_or_default())
///     .collect();
/// assert_eq!(ids, ["a", "b"]);
/// # Ok::<(), claimscope::Error>(())
/// ```
pub fn analyze_batch<I>(
    analyzer: &Analyzer,
    records: I,
    opts: BatchOptions,
) -> impl Iterator<Item = Result<Document, RecordError>> + use<I>
where
    I: IntoIterator<Item = InputRecord>,
    I::IntoIter: Send + 'static,
{
    analyze_batch_map(analyzer, records, opts, |_, r| r)
}

/// Like [`analyze_batch`], but runs `f` on each result inside the worker that
/// analyzed it and yields what `f` returns, in input order.
///
/// `f` gets the record's input size in bytes ([`InputRecord::bytes`]) and its
/// result. Use it to do per-record work in parallel, e.g. to serialize a
/// document to JSON so that only the (small) output waits for its turn.
pub fn analyze_batch_map<I, T, F>(
    analyzer: &Analyzer,
    records: I,
    opts: BatchOptions,
    f: F,
) -> impl Iterator<Item = T> + use<I, T, F>
where
    I: IntoIterator<Item = InputRecord>,
    I::IntoIter: Send + 'static,
    T: Send + 'static,
    F: Fn(u64, Result<Document, RecordError>) -> T + Send + Sync + 'static,
{
    let window = opts.window.max(1);
    // The window: the feeder takes a slot (and the record's bytes) for each
    // record it reads, the consumer gives them back when it yields the result.
    let budget = Arc::new(Budget::new(window, opts.max_bytes_in_flight.max(1)));
    let guard = BudgetGuard(Arc::clone(&budget));
    // Results of tasks (one or more consecutive records each), possibly out
    // of order; at most `window` records' results exist at once. A panic
    // inside `f` travels as `Err` and is resumed on the caller's thread.
    let (res_tx, res_rx) = mpsc::channel::<TaskResult<T>>();
    // The records go to the feeder through a channel so that, should the
    // thread fail to start, they are still here to be analyzed in place.
    let (rec_tx, rec_rx) = mpsc::channel::<I::IntoIter>();
    let analyzer = analyzer.clone();
    let f = Arc::new(f);
    let threads = opts.threads;
    let feeder = {
        let analyzer = analyzer.clone();
        let f = Arc::clone(&f);
        std::thread::Builder::new()
            .name("claimscope-feeder".into())
            .spawn(move || {
                let Ok(records) = rec_rx.recv() else {
                    return;
                };
                feed(records, &analyzer, &f, threads, &budget, &res_tx);
            })
    };
    let mut records = Some(records.into_iter());
    let mut feeder = match feeder {
        Ok(h) => {
            if let Some(r) = records.take() {
                let _ = rec_tx.send(r);
            }
            Some(h)
        }
        Err(_) => None,
    };
    // Tasks that arrived before their turn, by their first record's number.
    let mut pending: BTreeMap<u64, Vec<(u64, std::thread::Result<T>)>> = BTreeMap::new();
    // The results of the task whose turn it is, to be yielded one by one.
    let mut ready: std::vec::IntoIter<(u64, std::thread::Result<T>)> = Vec::new().into_iter();
    let mut next = 0u64;
    std::iter::from_fn(move || {
        let _keep = &guard;
        if let Some(r) = records.as_mut() {
            // No feeder thread: analyze here, one record at a time.
            let rec = r.next()?;
            return Some(run_one(&analyzer, rec, &*f));
        }
        loop {
            if let Some((cost, v)) = ready.next() {
                guard.0.release(cost);
                match v {
                    Ok(v) => return Some(v),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            if let Some(task) = pending.remove(&next) {
                next += task.len() as u64;
                ready = task.into_iter();
                continue;
            }
            match res_rx.recv() {
                Ok((first, results)) => {
                    pending.insert(first, results);
                }
                Err(_) => {
                    // Every sender is gone: the feeder has finished and every
                    // task has sent its result.
                    if let Some(h) = feeder.take() {
                        let _ = h.join();
                    }
                    return None;
                }
            }
        }
    })
}

/// What a task sends back: the number of its first record, and per record
/// its cost in the window and its mapped result (or the panic of `f`).
type TaskResult<T> = (u64, Vec<(u64, std::thread::Result<T>)>);

/// Input bytes one task gathers at most before it is handed to the pool
/// (a record larger than this is a task of its own).
const TASK_BYTES: u64 = 64 << 10;
/// Records one task holds at most.
const TASK_RECORDS: usize = 32;

/// The window: records and bytes in flight, shared by the feeder (which
/// takes) and the consumer (which gives back).
///
/// A feeder that found the window full sleeps until half of it is free
/// again, so that it wakes once per many records rather than once per record.
struct Budget {
    state: Mutex<BudgetState>,
    cv: Condvar,
    max_records: usize,
    max_bytes: u64,
}

struct BudgetState {
    records: usize,
    bytes: u64,
    closed: bool,
    /// The feeder sleeps, waiting for room: `Some(true)` while the byte
    /// budget is the one used up, `Some(false)` for the record slots.
    waiting: Option<bool>,
}

impl Budget {
    fn new(max_records: usize, max_bytes: u64) -> Self {
        Budget {
            state: Mutex::new(BudgetState {
                records: 0,
                bytes: 0,
                closed: false,
                waiting: None,
            }),
            cv: Condvar::new(),
            max_records,
            max_bytes,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BudgetState> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn is_full(&self, s: &BudgetState) -> bool {
        s.records >= self.max_records || s.bytes >= self.max_bytes
    }

    /// Waits for a free record slot and takes it; false when the consumer
    /// has gone.
    fn take_slot(&self) -> bool {
        let mut s = self.lock();
        while !s.closed && self.is_full(&s) {
            s.waiting = Some(s.bytes >= self.max_bytes);
            s = self
                .cv
                .wait(s)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        s.waiting = None;
        if s.closed {
            return false;
        }
        s.records += 1;
        true
    }

    /// Accounts for the bytes of a record read into a slot (capped so that a
    /// record bigger than the budget can still run alone). Returns the cost.
    fn add_bytes(&self, bytes: u64) -> u64 {
        let cost = bytes.min(self.max_bytes);
        self.lock().bytes += cost;
        cost
    }

    fn release(&self, cost: u64) {
        let mut s = self.lock();
        s.records = s.records.saturating_sub(1);
        s.bytes = s.bytes.saturating_sub(cost);
        // Wake a waiting feeder once half of what it waits for is free again.
        let wake = match s.waiting {
            None => false,
            Some(_) if self.is_full(&s) => false,
            Some(bytes) => {
                s.records <= self.max_records / 2 || (bytes && s.bytes <= self.max_bytes / 2)
            }
        };
        drop(s);
        if wake {
            self.cv.notify_all();
        }
    }

    fn close(&self) {
        self.lock().closed = true;
        self.cv.notify_all();
    }
}

/// Closes the budget when the consumer's iterator is dropped, so that the
/// feeder stops instead of waiting for a slot forever.
struct BudgetGuard(Arc<Budget>);

impl Drop for BudgetGuard {
    fn drop(&mut self) {
        self.0.close();
    }
}

/// Records read and not yet taken by a worker, in input order, and the
/// number of worker jobs running.
struct Queue {
    records: VecDeque<(u64, u64, InputRecord)>,
    jobs: usize,
}

/// The feeder: takes a slot, reads a record, queues it for the workers.
///
/// A worker job takes the records that are queued *now* (up to
/// [`TASK_RECORDS`] and [`TASK_BYTES`], and its share when several workers
/// are running), analyzes them, sends their results in one message, and goes
/// back to the queue until it is empty. A new job is started only when a
/// record is queued and fewer jobs than workers run. So while input comes
/// fast, each hand-over and wake-up of the consumer covers several records
/// (a news article takes less than a millisecond), and a record that has been
/// read never waits for more input: a stream that pauses, or a caller that
/// sends a batch of records and waits for its results before sending more,
/// gets every result of what it sent.
fn feed<R, T, F>(
    records: R,
    analyzer: &Analyzer,
    f: &Arc<F>,
    threads: usize,
    budget: &Budget,
    res_tx: &mpsc::Sender<TaskResult<T>>,
) where
    R: Iterator<Item = InputRecord>,
    T: Send + 'static,
    F: Fn(u64, Result<Document, RecordError>) -> T + Send + Sync + 'static,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("claimscope-worker-{i}"))
        .build()
        .ok();
    let workers = pool
        .as_ref()
        .map_or(1, rayon::ThreadPool::current_num_threads);
    let max_task = (budget.max_records / (8 * workers)).clamp(1, TASK_RECORDS);
    let queue = Arc::new(Mutex::new(Queue {
        records: VecDeque::new(),
        jobs: 0,
    }));
    let mut records = records;
    let mut seq = 0u64;
    loop {
        if !budget.take_slot() {
            return; // the consumer is gone
        }
        let Some(rec) = records.next() else {
            return;
        };
        let cost = budget.add_bytes(rec.bytes);
        let start_job = {
            let mut q = queue
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            q.records.push_back((seq, cost, rec));
            let start = q.jobs < workers;
            if start {
                q.jobs += 1;
            }
            start
        };
        seq += 1;
        if !start_job {
            continue;
        }
        let job = {
            let queue = Arc::clone(&queue);
            let analyzer = analyzer.clone();
            let f = Arc::clone(f);
            let res_tx = res_tx.clone();
            move || work(&queue, workers, max_task, &analyzer, &*f, &res_tx)
        };
        match &pool {
            Some(p) => p.spawn(job),
            None => job(),
        }
    }
}

/// A worker job: takes queued records and analyzes them until the queue is
/// empty (see [`feed`]).
fn work<T>(
    queue: &Mutex<Queue>,
    workers: usize,
    max_task: usize,
    analyzer: &Analyzer,
    f: &(dyn Fn(u64, Result<Document, RecordError>) -> T + Send + Sync),
    res_tx: &mpsc::Sender<TaskResult<T>>,
) {
    loop {
        let task: Vec<(u64, u64, InputRecord)> = {
            let mut q = queue
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if q.records.is_empty() {
                q.jobs -= 1;
                return;
            }
            // This job's share of what is queued, so that the other
            // workers get some too.
            let share = q.records.len().div_ceil(q.jobs.clamp(1, workers));
            let mut n = 0;
            let mut bytes = 0u64;
            while n < share.min(max_task) && (n == 0 || bytes < TASK_BYTES) {
                bytes = bytes.saturating_add(q.records[n].2.bytes);
                n += 1;
            }
            q.records.drain(..n).collect()
        };
        let first = task[0].0;
        let results = task
            .into_iter()
            .map(|(_, cost, rec)| {
                let out = std::panic::catch_unwind(AssertUnwindSafe(|| run_one(analyzer, rec, f)));
                (cost, out)
            })
            .collect();
        // The consumer may have gone; nothing to do then.
        let _ = res_tx.send((first, results));
    }
}

/// Analyzes one record and maps its result, turning a panic into an error
/// record so that no record is ever lost.
fn run_one<T>(
    analyzer: &Analyzer,
    rec: InputRecord,
    f: &(dyn Fn(u64, Result<Document, RecordError>) -> T + Send + Sync),
) -> T {
    let bytes = rec.bytes;
    let (id, source, line) = (rec.id.clone(), rec.source.clone(), rec.line);
    let result = std::panic::catch_unwind(AssertUnwindSafe(|| analyze_record(analyzer, rec)))
        .unwrap_or_else(|p| {
            let what = p
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(RecordError {
                id,
                source_name: source,
                line,
                message: format!("internal error (please report): {what}"),
            })
        });
    f(bytes, result)
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

/// One analyzer for all unit tests (building one is slow in debug builds).
#[cfg(test)]
pub(crate) fn test_analyzer() -> Analyzer {
    static A: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    A.get_or_init(|| Analyzer::new().unwrap()).clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recs(n: usize) -> Vec<InputRecord> {
        (0..n)
            .map(|i| {
                let text = match i % 3 {
                    0 => format!("Putin said on day {i} that the talks failed."),
                    1 => format!("Łukaszenko powiedział {i} razy, że Rosja wyśle broń."),
                    _ => format!("Песков заявил {i}, что переговоры провалились."),
                };
                InputRecord::from_text(format!("r{i}"), text)
            })
            .collect()
    }

    /// Aborts the test process (a loud failure, where a hang would stall
    /// the whole test run) unless stopped within 60 s.
    struct Watchdog {
        done: Arc<std::sync::atomic::AtomicBool>,
        thread: std::thread::JoinHandle<()>,
    }

    impl Watchdog {
        fn start(test: &'static str) -> Watchdog {
            let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
            let flag = Arc::clone(&done);
            let thread = std::thread::spawn(move || {
                for _ in 0..600 {
                    if flag.load(std::sync::atomic::Ordering::SeqCst) {
                        return;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                eprintln!("{test}: no result in 60 s");
                std::process::abort();
            });
            Watchdog { done, thread }
        }

        fn stop(self) {
            self.done.store(true, std::sync::atomic::Ordering::SeqCst);
            let _ = self.thread.join();
        }
    }

    #[test]
    fn order_is_kept_with_small_windows_and_many_threads() {
        let analyzer = test_analyzer();
        for (threads, window) in [(1, 1), (2, 1), (2, 3), (4, 7), (0, 256)] {
            let ids: Vec<String> = analyze_batch(
                &analyzer,
                recs(100),
                BatchOptions {
                    threads,
                    window,
                    ..BatchOptions::default()
                },
            )
            .map(|r| r.unwrap().id)
            .collect();
            let want: Vec<String> = (0..100).map(|i| format!("r{i}")).collect();
            assert_eq!(ids, want, "threads {threads} window {window}");
        }
    }

    #[test]
    fn results_equal_sequential_analysis() {
        let analyzer = test_analyzer();
        let input = recs(30);
        let seq: Vec<Document> = input
            .iter()
            .cloned()
            .map(|r| analyze_record(&analyzer, r).unwrap())
            .collect();
        let par: Vec<Document> = analyze_batch(
            &analyzer,
            input,
            BatchOptions {
                threads: 2,
                window: 4,
                ..BatchOptions::default()
            },
        )
        .map(Result::unwrap)
        .collect();
        assert_eq!(seq, par);
    }

    #[test]
    fn tasks_of_many_records_keep_order_and_results() {
        // A window much larger than the thread count: the feeder hands records
        // over in tasks of several.
        let analyzer = test_analyzer();
        let input = recs(400);
        let seq: Vec<Document> = input
            .iter()
            .cloned()
            .map(|r| analyze_record(&analyzer, r).unwrap())
            .collect();
        for threads in [1, 2, 3] {
            let par: Vec<Document> = analyze_batch(
                &analyzer,
                input.clone(),
                BatchOptions {
                    threads,
                    window: 256,
                    ..BatchOptions::default()
                },
            )
            .map(Result::unwrap)
            .collect();
            assert_eq!(seq, par, "threads {threads}");
        }
    }

    #[test]
    fn a_panic_in_the_map_reaches_the_caller_at_its_record() {
        let analyzer = test_analyzer();
        let mut it = analyze_batch_map(
            &analyzer,
            recs(200),
            BatchOptions {
                threads: 2,
                window: 256,
                ..BatchOptions::default()
            },
            |_, r| {
                let id = r.unwrap().id;
                assert_ne!(id, "r150", "boom");
                id
            },
        );
        // Every record before it comes out, then the panic itself.
        let first: Vec<String> = it.by_ref().take(150).collect();
        let want: Vec<String> = (0..150).map(|i| format!("r{i}")).collect();
        assert_eq!(first, want);
        let Err(p) = std::panic::catch_unwind(AssertUnwindSafe(|| it.next())) else {
            panic!("the panic was lost");
        };
        let msg = p.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(msg.contains("boom"), "{msg}");
    }

    /// A two-thread run whose records the test sends one by one, through the
    /// returned sender.
    fn fed_by_hand() -> (
        mpsc::Sender<InputRecord>,
        impl Iterator<Item = Result<Document, RecordError>>,
    ) {
        let (tx, rx) = mpsc::channel::<InputRecord>();
        let it = analyze_batch(
            &test_analyzer(),
            rx,
            BatchOptions {
                threads: 2,
                window: 256,
                ..BatchOptions::default()
            },
        );
        (tx, it)
    }

    #[test]
    fn a_stalled_stream_does_not_hold_back_what_was_read() {
        // Records arrive one by one through a channel, the next only after
        // the previous result came out: the feeder must not wait to fill a
        // task before handing a record over.
        // A feeder that waits for a task to fill would hang here: fail loudly instead.
        let watchdog = Watchdog::start("a_stalled_stream_does_not_hold_back_what_was_read");
        let (tx, mut it) = fed_by_hand();
        for (i, r) in recs(20).into_iter().enumerate() {
            tx.send(r).unwrap();
            assert_eq!(it.next().unwrap().unwrap().id, format!("r{i}"));
        }
        drop(tx);
        assert!(it.next().is_none());
        watchdog.stop();
    }

    #[test]
    fn a_caller_that_waits_for_each_burst_gets_all_of_it() {
        // The caller sends a burst of records (more than the workers can take
        // at once) and waits for all of their results before it sends the
        // next: a feeder that held read records back, waiting for more input
        // to fill a task, would hang here.
        let watchdog = Watchdog::start("a_caller_that_waits_for_each_burst_gets_all_of_it");
        let (tx, mut it) = fed_by_hand();
        let all = recs(150);
        for burst in all.chunks(50) {
            for r in burst {
                tx.send(r.clone()).unwrap();
            }
            for r in burst {
                assert_eq!(it.next().unwrap().unwrap().id, r.id);
            }
        }
        drop(tx);
        assert!(it.next().is_none());
        watchdog.stop();
    }

    #[test]
    fn bad_records_give_errors_in_place() {
        let analyzer = test_analyzer();
        let mut input = recs(5);
        input[2].text = Err("malformed JSON: oops".into());
        input[2].line = Some(3);
        input[2].source = "x.jsonl".into();
        let out: Vec<_> = analyze_batch(&analyzer, input, BatchOptions::default()).collect();
        assert_eq!(out.len(), 5);
        assert!(out[1].is_ok() && out[3].is_ok());
        let e = out[2].as_ref().unwrap_err();
        assert_eq!(e.to_string(), "x.jsonl:3: malformed JSON: oops");
        assert_eq!(e.id, "r2");
    }

    #[test]
    fn window_bounds_records_read_ahead() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let analyzer = test_analyzer();
        let read = Arc::new(AtomicUsize::new(0));
        let r2 = Arc::clone(&read);
        let input = recs(1000).into_iter().inspect(move |_| {
            r2.fetch_add(1, Ordering::SeqCst);
        });
        let mut it = analyze_batch(
            &analyzer,
            input,
            BatchOptions {
                threads: 2,
                window: 8,
                ..BatchOptions::default()
            },
        );
        assert!(it.next().is_some());
        std::thread::sleep(std::time::Duration::from_millis(200));
        // One taken + at most `window` in flight (+1 for the record the feeder
        // holds while it waits for a slot, which it never takes before).
        let n = read.load(Ordering::SeqCst);
        assert!(n <= 1 + 8, "read ahead {n}");
        assert_eq!(it.count(), 999);
    }

    #[test]
    fn byte_budget_bounds_big_records_read_ahead() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let analyzer = test_analyzer();
        let read = Arc::new(AtomicUsize::new(0));
        let r2 = Arc::clone(&read);
        let input = recs(50).into_iter().map(move |mut r| {
            r2.fetch_add(1, Ordering::SeqCst);
            r.bytes = 1000; // pretend each record is big
            r
        });
        let mut it = analyze_batch(
            &analyzer,
            input,
            BatchOptions {
                threads: 2,
                window: 100,
                max_bytes_in_flight: 3000,
            },
        );
        assert!(it.next().is_some());
        std::thread::sleep(std::time::Duration::from_millis(200));
        let n = read.load(Ordering::SeqCst);
        assert!(n <= 1 + 3, "read ahead {n}");
        // A record bigger than the whole budget still runs.
        let big = vec![InputRecord {
            bytes: 1 << 40,
            ..InputRecord::from_text("big", "Putin said so.")
        }];
        let out: Vec<_> = analyze_batch(
            &analyzer,
            big,
            BatchOptions {
                max_bytes_in_flight: 10,
                ..BatchOptions::default()
            },
        )
        .collect();
        assert_eq!(out.len(), 1);
        assert_eq!(it.count(), 49);
    }

    #[test]
    fn dropping_the_iterator_early_does_not_hang() {
        let analyzer = test_analyzer();
        let it = analyze_batch(
            &analyzer,
            recs(500),
            BatchOptions {
                threads: 2,
                window: 4,
                ..BatchOptions::default()
            },
        );
        let first: Vec<_> = it.take(3).collect();
        assert_eq!(first.len(), 3);
    }

    #[test]
    fn map_runs_in_workers_and_sees_bytes() {
        let analyzer = test_analyzer();
        let input = recs(10);
        let want: Vec<u64> = input.iter().map(|r| r.bytes).collect();
        let got: Vec<u64> = analyze_batch_map(
            &analyzer,
            input,
            BatchOptions {
                threads: 2,
                window: 3,
                ..BatchOptions::default()
            },
            |b, r| {
                assert!(r.is_ok());
                b
            },
        )
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn empty_input_gives_nothing() {
        let analyzer = test_analyzer();
        assert_eq!(
            analyze_batch(&analyzer, Vec::new(), BatchOptions::default()).count(),
            0
        );
    }
}
