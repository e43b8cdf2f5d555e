//! `Analyzer` and the streaming iterator of `Analyzer.analyze_many`.

use std::sync::Arc;

use claimscope::{AnalyzeOptions, Analyzer, AnalyzerConfig, Document, Lang};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyIterator, PyMapping, PyString, PyTuple, PyType};

use crate::convert::{extract_text, parse_lang, type_name};
use crate::document::PyDocument;
use crate::errors::{DataError, py_err};

/// Reads one dictionary argument: a path (`os.PathLike`, or a `str` naming an
/// existing file) or the content itself (a `str` with a tab, a newline, or
/// starting with `{`/`[`). Returns (name for messages, content): the content is
/// kept, never the path, so that pickles travel to machines without the file.
fn read_source(obj: &Bound<'_, PyAny>, what: &str, n: usize) -> PyResult<(String, String)> {
    let py = obj.py();
    let is_pathlike = obj.hasattr("__fspath__")?;
    if !is_pathlike && !obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a path or a str, not {}",
            type_name(obj)
        )));
    }
    if !is_pathlike {
        let s = extract_text(obj, what)?;
        let t = s.trim_start();
        if s.contains('\n') || s.contains('\t') || t.starts_with('{') || t.starts_with('[') {
            return Ok((format!("<{what} #{n}>"), s));
        }
    }
    let path: std::path::PathBuf = py.import("os")?.call_method1("fspath", (obj,))?.extract()?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    let content = std::fs::read_to_string(&path).map_err(|source| {
        py_err(claimscope::Error::Io {
            path: path.display().to_string(),
            source,
        })
    })?;
    Ok((name, content))
}

/// Items of an argument that is one item or an iterable of items (a `str` or
/// path counts as one item).
fn one_or_many<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if obj.is_instance_of::<PyString>() || obj.hasattr("__fspath__")? {
        return Ok(vec![obj.clone()]);
    }
    obj.try_iter()
        .map_err(|_| {
            PyTypeError::new_err(format!(
                "expected a str, a path or an iterable of them, not {}",
                type_name(obj)
            ))
        })?
        .collect()
}

fn config_from_args(
    languages: Option<&Bound<'_, PyAny>>,
    actors: Option<&Bound<'_, PyAny>>,
    cues: Option<&Bound<'_, PyAny>>,
) -> PyResult<AnalyzerConfig> {
    let mut config = AnalyzerConfig::default();
    if let Some(langs) = languages {
        for l in one_or_many(langs)? {
            let code: String = l.extract().map_err(|_| {
                PyTypeError::new_err(format!(
                    "languages must be language codes (str), not {}",
                    type_name(&l)
                ))
            })?;
            match parse_lang(Some(&code))? {
                Some(lang) if !config.languages.contains(&lang) => config.languages.push(lang),
                Some(_) => {}
                None => {
                    return Err(PyValueError::new_err(format!(
                        "{code:?} is not a language; languages=None means all languages"
                    )));
                }
            }
        }
    }
    if let Some(a) = actors {
        for (i, item) in one_or_many(a)?.iter().enumerate() {
            config.actor_files.push(read_source(item, "actors", i + 1)?);
        }
    }
    if let Some(c) = cues {
        let map = c.cast::<PyMapping>().map_err(|_| {
            PyTypeError::new_err(format!(
                "cues must be a mapping of language code to lexicon(s), e.g. {{'pl': 'cues.tsv'}}, not {}",
                type_name(c)
            ))
        })?;
        for kv in map.items()?.iter() {
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = kv.extract()?;
            let code: String = k
                .extract()
                .map_err(|_| PyTypeError::new_err("cues keys must be language codes (str)"))?;
            let lang = parse_lang(Some(&code))?.ok_or_else(|| {
                PyValueError::new_err(format!("cues key {code:?} is not a language"))
            })?;
            for (i, item) in one_or_many(&v)?.iter().enumerate() {
                let (name, content) = read_source(item, "cues", i + 1)?;
                config.cue_files.push((lang, name, content));
            }
        }
    }
    Ok(config)
}

/// The claimscope pipeline: text → tokens → sentences → actors → claims.
///
/// Arguments (all optional):
///
/// - `languages`: a code or list of codes (`"en"`, `"pl"`, `"ru"`, `"uk"`, ...)
///   that language detection is restricted to; `None` = all languages.
/// - `actors`: user actor dictionaries, one or a list: a path (`str` or
///   `os.PathLike`) or the TSV/JSON content itself (a `str` with a tab, a
///   newline, or starting with `{`/`[`). Files are read now and kept by content.
/// - `cues`: user cue lexicons, a mapping of language code to one or a list of
///   paths or contents, e.g. `{"pl": "my_cues.tsv"}`.
///
/// Immutable and thread-safe: share one analyzer between threads. It pickles
/// by its configuration (user dictionaries by content), so it travels to
/// worker processes. Raises `FileNotFoundError` for a missing file,
/// `claimscope.DataError` for a malformed one, `ValueError`/`TypeError` for
/// bad arguments.
#[pyclass(frozen, module = "claimscope", name = "Analyzer")]
pub struct PyAnalyzer {
    inner: Analyzer,
}

#[pymethods]
impl PyAnalyzer {
    #[new]
    #[pyo3(signature = (languages = None, actors = None, cues = None))]
    fn new(
        py: Python<'_>,
        languages: Option<&Bound<'_, PyAny>>,
        actors: Option<&Bound<'_, PyAny>>,
        cues: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let config = config_from_args(languages, actors, cues)?;
        let inner = py
            .detach(|| Analyzer::from_config(config))
            .map_err(py_err)?;
        Ok(PyAnalyzer { inner })
    }

    /// The languages language detection is restricted to (empty = all).
    #[getter]
    fn languages(&self) -> Vec<&'static str> {
        self.inner
            .config()
            .languages
            .iter()
            .map(|l| l.code())
            .collect()
    }

    /// Analyzes one document.
    ///
    /// `lang` is a language code, or `None`/`"auto"` to detect it; `id` is
    /// copied to `Document.id`. The GIL is released while Rust works.
    /// Raises `ValueError` for an unknown language or a `str` with a lone
    /// surrogate (naming its position), `claimscope.InputError` for a document
    /// over 4 GiB.
    #[pyo3(signature = (text, lang = None, id = None))]
    fn analyze(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        lang: Option<&str>,
        id: Option<&str>,
    ) -> PyResult<PyDocument> {
        let text = extract_text(text, "text")?;
        let opts = AnalyzeOptions {
            id: id.map(str::to_string),
            lang: parse_lang(lang)?,
        };
        let doc = py
            .detach(|| self.inner.analyze(&text, &opts))
            .map_err(py_err)?;
        Ok(PyDocument::new(doc))
    }

    /// Analyzes many documents on a thread pool, yielding them in input order.
    ///
    /// `docs` is any iterable (a generator is fine: it is read lazily) of `str`
    /// or of mappings with `text` and optional `id` and `lang`. Documents are
    /// read `chunk_size` at a time; while one chunk is analyzed on the pool
    /// (`threads` workers, `None` = one per core; the pool belongs to this
    /// iterator and ends with it), the previous one is yielded, so at most two
    /// chunks are in memory. The GIL is released while Rust works and Ctrl-C is
    /// honoured between chunks. An item that cannot be analyzed raises its
    /// error when its turn comes, after the documents before it.
    #[pyo3(signature = (docs, threads = None, chunk_size = 256))]
    fn analyze_many(
        &self,
        docs: &Bound<'_, PyAny>,
        threads: Option<usize>,
        chunk_size: usize,
    ) -> PyResult<AnalyzeIter> {
        if threads == Some(0) {
            return Err(PyValueError::new_err(
                "threads must be at least 1 (None = one per core)",
            ));
        }
        if chunk_size == 0 {
            return Err(PyValueError::new_err("chunk_size must be at least 1"));
        }
        let source = docs.try_iter().map_err(|_| {
            PyTypeError::new_err(format!(
                "analyze_many expects an iterable of str or dict, not {}",
                type_name(docs)
            ))
        })?;
        Ok(AnalyzeIter::new(
            self.inner.clone(),
            source.unbind(),
            threads.unwrap_or(0),
            chunk_size,
        ))
    }

    /// A readable account of how the pipeline saw `text` (tokens, actors, claims, rules).
    #[pyo3(signature = (text, lang = None))]
    fn explain(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        lang: Option<&str>,
    ) -> PyResult<String> {
        let text = extract_text(text, "text")?;
        let opts = AnalyzeOptions {
            id: None,
            lang: parse_lang(lang)?,
        };
        py.detach(|| self.inner.explain(&text, &opts))
            .map_err(py_err)
    }

    /// Detects the language of `text` (among the configured languages).
    fn detect(&self, text: &Bound<'_, PyAny>) -> PyResult<&'static str> {
        let text = extract_text(text, "text")?;
        Ok(self.inner.detect(&text).code())
    }

    fn __repr__(&self) -> String {
        let c = self.inner.config();
        format!(
            "Analyzer(languages={:?}, actors={} dictionaries, cues={} lexicons)",
            c.languages.iter().map(|l| l.code()).collect::<Vec<_>>(),
            c.actor_files.len(),
            c.cue_files.len()
        )
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.inner.config() == other.inner.config()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let config = serde_json::to_vec(slf.get().inner.config())
            .map_err(|e| DataError::new_err(format!("cannot serialize analyzer: {e}")))?;
        let ctor = slf.get_type().getattr("_from_config")?;
        (ctor, (PyBytes::new(py, &config),)).into_pyobject(py)
    }

    /// Rebuilds an analyzer from its pickled configuration.
    #[classmethod]
    fn _from_config(_cls: &Bound<'_, PyType>, py: Python<'_>, config: &[u8]) -> PyResult<Self> {
        let config: AnalyzerConfig = serde_json::from_slice(config)
            .map_err(|e| DataError::new_err(format!("invalid pickled analyzer: {e}")))?;
        let inner = py
            .detach(|| Analyzer::from_config(config))
            .map_err(py_err)?;
        Ok(PyAnalyzer { inner })
    }
}

/// One input record of `analyze_many`, extracted to owned Rust values.
struct Item {
    text: String,
    opts: AnalyzeOptions,
}

fn extract_item(obj: &Bound<'_, PyAny>, index: usize) -> PyResult<Item> {
    let what = format!("document {index}");
    if obj.is_instance_of::<PyString>() {
        return Ok(Item {
            text: extract_text(obj, &what)?,
            opts: AnalyzeOptions::default(),
        });
    }
    let get = |key: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
        if let Ok(d) = obj.cast::<PyDict>() {
            return d.get_item(key);
        }
        match obj.get_item(key) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is_instance_of::<pyo3::exceptions::PyKeyError>(obj.py()) => Ok(None),
            Err(e) => Err(e),
        }
    };
    if obj.cast::<PyMapping>().is_err() && obj.cast::<PyDict>().is_err() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a str or a dict with a 'text' key, not {}",
            type_name(obj)
        )));
    }
    let text =
        get("text")?.ok_or_else(|| PyValueError::new_err(format!("{what} has no 'text' key")))?;
    let text = extract_text(&text, &format!("{what} 'text'"))?;
    let id = match get("id")? {
        Some(v) if !v.is_none() => Some(v.str()?.to_cow()?.into_owned()),
        _ => None,
    };
    let lang = match get("lang")? {
        Some(v) if !v.is_none() => {
            let code: String = v.extract().map_err(|_| {
                PyTypeError::new_err(format!(
                    "{what} 'lang' must be a language code (str) or None, not {}",
                    type_name(&v)
                ))
            })?;
            parse_lang(Some(&code))?
        }
        _ => None,
    };
    Ok(Item {
        text,
        opts: AnalyzeOptions { id, lang },
    })
}

/// One analyzed document: its input index and result (`Err(String)` describes
/// a panic, which would be a bug).
type Done = (usize, Result<Result<Document, claimscope::Error>, String>);

/// Iterator returned by `Analyzer.analyze_many`.
///
/// Keeps up to `2 * chunk_size` documents in flight on its own rayon pool:
/// each input (read with the GIL, lazily) becomes one task; results come back
/// through a channel and are yielded in input order. The pool keeps working
/// while Python consumes documents, with no barrier between chunks. Waiting is
/// done without the GIL, and Ctrl-C is checked while waiting.
#[pyclass(module = "claimscope")]
pub struct AnalyzeIter {
    analyzer: Analyzer,
    source: Option<Py<PyIterator>>,
    threads: usize,
    chunk_size: usize,
    pool: Option<Arc<rayon::ThreadPool>>,
    tx: std::sync::mpsc::Sender<Done>,
    rx: std::sync::Mutex<std::sync::mpsc::Receiver<Done>>,
    /// Results that arrived before their turn.
    done: std::collections::HashMap<usize, Result<Result<Document, claimscope::Error>, String>>,
    /// Index of the next document to yield.
    next_out: usize,
    /// Index of the next document to read.
    next_in: usize,
    /// The error of the input at index `next_in`, raised when its turn comes.
    pending: Option<PyErr>,
}

impl AnalyzeIter {
    fn new(analyzer: Analyzer, source: Py<PyIterator>, threads: usize, chunk_size: usize) -> Self {
        let (tx, rx) = std::sync::mpsc::channel();
        AnalyzeIter {
            analyzer,
            source: Some(source),
            threads,
            chunk_size,
            pool: None,
            tx,
            rx: std::sync::Mutex::new(rx),
            done: std::collections::HashMap::new(),
            next_out: 0,
            next_in: 0,
            pending: None,
        }
    }

    fn pool(&mut self) -> PyResult<Arc<rayon::ThreadPool>> {
        if let Some(p) = &self.pool {
            return Ok(p.clone());
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.threads)
            .thread_name(|i| format!("claimscope-{i}"))
            .build()
            .map_err(|e| {
                pyo3::exceptions::PyRuntimeError::new_err(format!(
                    "cannot start the thread pool: {e}"
                ))
            })?;
        let pool = Arc::new(pool);
        self.pool = Some(pool.clone());
        Ok(pool)
    }

    /// Reads inputs and starts analyzing them until the window is full or the
    /// source is exhausted.
    fn top_up(&mut self, py: Python<'_>) -> PyResult<()> {
        let window = self.chunk_size.saturating_mul(2);
        if self.source.is_none() || self.next_in - self.next_out >= window {
            return Ok(());
        }
        let pool = self.pool()?;
        let Some(source) = self.source.as_ref() else {
            return Ok(());
        };
        let mut source = source.bind(py).clone();
        while self.next_in - self.next_out < window {
            let item = match source.next() {
                None => {
                    self.source = None;
                    break;
                }
                Some(Err(e)) => {
                    self.source = None;
                    if e.is_instance_of::<pyo3::exceptions::PyKeyboardInterrupt>(py) {
                        // Ctrl-C stops now, not after the documents already read.
                        return Err(e);
                    }
                    self.pending = Some(e);
                    break;
                }
                Some(Ok(obj)) => match extract_item(&obj, self.next_in) {
                    Ok(item) => item,
                    Err(e) => {
                        self.source = None;
                        self.pending = Some(e);
                        break;
                    }
                },
            };
            let index = self.next_in;
            self.next_in += 1;
            let analyzer = self.analyzer.clone();
            let tx = self.tx.clone();
            pool.spawn(move || {
                // A panic would be a bug in claimscope: report it instead of aborting Python.
                let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    analyzer.analyze(&item.text, &item.opts)
                }))
                .map_err(|p| {
                    p.downcast_ref::<&str>()
                        .map(|s| (*s).to_string())
                        .or_else(|| p.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown panic".to_string())
                });
                let _ = tx.send((index, res));
            });
        }
        Ok(())
    }

    /// Waits (without the GIL) until the next document in order has arrived.
    fn wait_next(&mut self, py: Python<'_>) -> PyResult<()> {
        let want = self.next_out;
        while !self.done.contains_key(&want) {
            let rx = &self.rx;
            let got: Result<Vec<Done>, bool> = py.detach(|| {
                let Ok(rx) = rx.lock() else {
                    return Err(true);
                };
                match rx.recv_timeout(std::time::Duration::from_millis(50)) {
                    Ok(first) => {
                        let mut v = vec![first];
                        v.extend(rx.try_iter());
                        Ok(v)
                    }
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Ok(Vec::new()),
                    Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => Err(true),
                }
            });
            match got {
                Ok(v) => self.done.extend(v),
                Err(_) => {
                    return Err(crate::errors::ClaimscopeError::new_err(
                        "internal error in claimscope: the worker threads stopped",
                    ));
                }
            }
            py.check_signals()?;
        }
        Ok(())
    }

    fn step(&mut self, py: Python<'_>) -> PyResult<Option<PyDocument>> {
        self.top_up(py)?;
        if self.next_out == self.next_in {
            // Everything read has been yielded.
            return match self.pending.take() {
                Some(e) => Err(e),
                None => Ok(None),
            };
        }
        self.wait_next(py)?;
        let res = self.done.remove(&self.next_out);
        self.next_out += 1;
        match res {
            Some(Ok(Ok(doc))) => Ok(Some(PyDocument::new(doc))),
            Some(Ok(Err(e))) => Err(py_err(e)),
            Some(Err(panic)) => Err(crate::errors::ClaimscopeError::new_err(format!(
                "internal error in claimscope (please report): {panic}"
            ))),
            None => Err(crate::errors::ClaimscopeError::new_err(
                "internal error in claimscope: a result went missing",
            )),
        }
    }
}

#[pymethods]
impl AnalyzeIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<PyDocument>> {
        self.step(py)
    }
}

/// Languages claimscope has rules for.
pub fn known_languages() -> Vec<&'static str> {
    Lang::ALL.iter().map(|l| l.code()).collect()
}
