//! `Document` and the small frozen value classes it hands out.
//!
//! A [`PyDocument`] keeps the core [`claimscope::Document`] (byte spans) and
//! converts it to code points through [`claimscope::Document::to_output`], the
//! single conversion point, only when Python first asks for a part: analyzing
//! a million documents costs no Python objects until they are looked at.

use claimscope::{Document, OutputFields};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyString, PyTuple, PyType};

use crate::errors::DataError;

/// Python `repr` of a string (quotes and escapes as Python writes them).
fn pyrepr(py: Python<'_>, s: &str) -> String {
    PyString::new(py, s)
        .repr()
        .map(|r| r.to_string())
        .unwrap_or_else(|_| format!("{s:?}"))
}

/// Shortens a text for a `repr`.
fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    }
}

/// A stretch of the document text: `doc.text[start:end] == text`.
///
/// `start` and `end` are Python string indices (Unicode code points).
#[pyclass(frozen, eq, hash, module = "claimscope")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    /// First code point.
    #[pyo3(get)]
    pub start: usize,
    /// One past the last code point.
    #[pyo3(get)]
    pub end: usize,
    /// The covered text.
    #[pyo3(get)]
    pub text: String,
}

#[pymethods]
impl Span {
    #[new]
    fn new(start: usize, end: usize, text: String) -> Self {
        Span { start, end, text }
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Span({}, {}, {})",
            self.start,
            self.end,
            pyrepr(py, &self.text)
        )
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        (slf.get_type(), (s.start, s.end, s.text.clone())).into_pyobject(slf.py())
    }
}

impl Span {
    fn from_out(s: &claimscope::output::SpanOut<'_>) -> Self {
        Span {
            start: s.start,
            end: s.end,
            text: s.text.to_string(),
        }
    }
}

/// A token: a span of the text and its kind (`word`, `number`, `punct`, ...).
#[pyclass(frozen, eq, hash, module = "claimscope")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Token {
    /// First code point.
    #[pyo3(get)]
    pub start: usize,
    /// One past the last code point.
    #[pyo3(get)]
    pub end: usize,
    /// The token's text.
    #[pyo3(get)]
    pub text: String,
    /// `word`, `number`, `punct`, `symbol`, `url`, `email`, `hashtag`, `mention` or `emoji`.
    #[pyo3(get)]
    pub kind: String,
}

#[pymethods]
impl Token {
    #[new]
    #[allow(clippy::too_many_arguments)]
    fn new(start: usize, end: usize, text: String, kind: String) -> Self {
        Token {
            start,
            end,
            text,
            kind,
        }
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        (
            slf.get_type(),
            (s.start, s.end, s.text.clone(), s.kind.clone()),
        )
            .into_pyobject(slf.py())
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Token({}, {}, {}, kind={})",
            self.start,
            self.end,
            pyrepr(py, &self.text),
            pyrepr(py, &self.kind)
        )
    }
}

/// A sentence (or headline, or a line without final punctuation).
#[pyclass(frozen, eq, hash, module = "claimscope")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// First code point.
    #[pyo3(get)]
    pub start: usize,
    /// One past the last code point.
    #[pyo3(get)]
    pub end: usize,
    /// The sentence's text.
    #[pyo3(get)]
    pub text: String,
    /// True for scraped boilerplate ("Read more …"), which later stages skip.
    #[pyo3(get)]
    pub boilerplate: bool,
    /// True when the sentence starts a paragraph.
    #[pyo3(get)]
    pub paragraph_start: bool,
}

#[pymethods]
impl Sentence {
    #[new]
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (start, end, text, boilerplate = false, paragraph_start = false))]
    fn new(
        start: usize,
        end: usize,
        text: String,
        boilerplate: bool,
        paragraph_start: bool,
    ) -> Self {
        Sentence {
            start,
            end,
            text,
            boilerplate,
            paragraph_start,
        }
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        (
            slf.get_type(),
            (
                s.start,
                s.end,
                s.text.clone(),
                s.boilerplate,
                s.paragraph_start,
            ),
        )
            .into_pyobject(slf.py())
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Sentence({}, {}, {})",
            self.start,
            self.end,
            pyrepr(py, &short(&self.text, 60))
        )
    }
}

/// One named mention of an actor.
#[pyclass(frozen, eq, hash, module = "claimscope")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Mention {
    /// First code point.
    #[pyo3(get)]
    pub start: usize,
    /// One past the last code point.
    #[pyo3(get)]
    pub end: usize,
    /// The name as written.
    #[pyo3(get)]
    pub text: String,
    /// The role title next to the mention ("rzecznik Kremla"), if any.
    #[pyo3(get)]
    pub role: Option<Span>,
    /// The id of the actor mentioned.
    #[pyo3(get)]
    pub actor: String,
}

#[pymethods]
impl Mention {
    #[new]
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (start, end, text, actor, role = None))]
    fn new(
        start: usize,
        end: usize,
        text: String,
        actor: String,
        role: Option<PyRef<'_, Span>>,
    ) -> Self {
        Mention {
            start,
            end,
            text,
            actor,
            role: role.map(|r| r.clone()),
        }
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        (
            slf.get_type(),
            (
                s.start,
                s.end,
                s.text.clone(),
                s.actor.clone(),
                s.role.clone(),
            ),
        )
            .into_pyobject(slf.py())
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Mention({}, {}, {}, actor={})",
            self.start,
            self.end,
            pyrepr(py, &self.text),
            pyrepr(py, &self.actor)
        )
    }
}

/// An actor found in a document, with all its mentions.
#[pyclass(frozen, eq, hash, module = "claimscope")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Actor {
    /// Stable id, the same in every document and language.
    #[pyo3(get)]
    pub id: String,
    /// English display name.
    #[pyo3(get)]
    pub name: String,
    /// `person`, `org` or `gpe`.
    #[pyo3(get, name = "type")]
    pub kind: String,
    /// Wikidata QID where known.
    #[pyo3(get)]
    pub qid: Option<String>,
    /// True when the actor came from the gazetteer, false when inferred.
    #[pyo3(get)]
    pub known: bool,
    /// The mentions, in text order.
    pub mentions: Vec<Mention>,
}

#[pymethods]
impl Actor {
    #[new]
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (id, name, r#type, mentions, qid = None, known = true))]
    fn new(
        id: String,
        name: String,
        r#type: String,
        mentions: Vec<PyRef<'_, Mention>>,
        qid: Option<String>,
        known: bool,
    ) -> Self {
        Actor {
            id,
            name,
            kind: r#type,
            qid,
            known,
            mentions: mentions.iter().map(|m| (**m).clone()).collect(),
        }
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        (
            slf.get_type(),
            (
                s.id.clone(),
                s.name.clone(),
                s.kind.clone(),
                s.mentions.clone(),
                s.qid.clone(),
                s.known,
            ),
        )
            .into_pyobject(slf.py())
    }
    /// The mentions, in text order.
    #[getter]
    fn mentions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.mentions.iter().cloned())
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Actor({}, {}, type={}, mentions={})",
            pyrepr(py, &self.id),
            pyrepr(py, &self.name),
            pyrepr(py, &self.kind),
            self.mentions.len()
        )
    }
}

/// The source of a claim. `start`, `end` and `text` are `None` for a dropped subject.
#[pyclass(frozen, eq, hash, module = "claimscope")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Speaker {
    /// First code point, or `None`.
    #[pyo3(get)]
    pub start: Option<usize>,
    /// One past the last code point, or `None`.
    #[pyo3(get)]
    pub end: Option<usize>,
    /// The covered text, or `None`.
    #[pyo3(get)]
    pub text: Option<String>,
    /// The resolved actor id, or `None`.
    #[pyo3(get)]
    pub actor: Option<String>,
}

#[pymethods]
impl Speaker {
    #[new]
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (start = None, end = None, text = None, actor = None))]
    fn new(
        start: Option<usize>,
        end: Option<usize>,
        text: Option<String>,
        actor: Option<String>,
    ) -> Self {
        Speaker {
            start,
            end,
            text,
            actor,
        }
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        (
            slf.get_type(),
            (s.start, s.end, s.text.clone(), s.actor.clone()),
        )
            .into_pyobject(slf.py())
    }
    /// The speaker's span, or `None` for a dropped subject.
    #[getter]
    fn span(&self) -> Option<Span> {
        match (self.start, self.end, &self.text) {
            (Some(start), Some(end), Some(text)) => Some(Span {
                start,
                end,
                text: text.clone(),
            }),
            _ => None,
        }
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let opt = |s: &Option<String>| s.as_deref().map_or("None".to_string(), |s| pyrepr(py, s));
        format!("Speaker({}, actor={})", opt(&self.text), opt(&self.actor))
    }
}

/// A proposition the text attributes to a source.
#[pyclass(frozen, eq, hash, module = "claimscope")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Claim {
    /// Who makes the claim, or `None` when unknown.
    #[pyo3(get)]
    pub speaker: Option<Speaker>,
    /// The reporting word or phrase; `None` for a colon or dash attribution.
    #[pyo3(get)]
    pub cue: Option<Span>,
    /// The proposition.
    #[pyo3(get)]
    pub content: Span,
    /// `direct`, `indirect`, `mixed` or `according_to`.
    #[pyo3(get)]
    pub kind: String,
    /// The name of the rule that produced the claim.
    #[pyo3(get)]
    pub rule: String,
    /// Ids of the actors mentioned inside the content.
    pub about: Vec<String>,
}

#[pymethods]
impl Claim {
    #[new]
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (content, kind, speaker = None, cue = None, rule = String::new(), about = Vec::new()))]
    fn new(
        content: PyRef<'_, Span>,
        kind: String,
        speaker: Option<PyRef<'_, Speaker>>,
        cue: Option<PyRef<'_, Span>>,
        rule: String,
        about: Vec<String>,
    ) -> Self {
        Claim {
            speaker: speaker.map(|s| s.clone()),
            cue: cue.map(|c| c.clone()),
            content: content.clone(),
            kind,
            rule,
            about,
        }
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        (
            slf.get_type(),
            (
                s.content.clone(),
                s.kind.clone(),
                s.speaker.clone(),
                s.cue.clone(),
                s.rule.clone(),
                s.about.clone(),
            ),
        )
            .into_pyobject(slf.py())
    }
    /// Ids of the actors mentioned inside the content.
    #[getter]
    fn about<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.about.iter())
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let sp = self
            .speaker
            .as_ref()
            .and_then(|s| s.text.as_deref().or(s.actor.as_deref()))
            .map_or("None".to_string(), |s| pyrepr(py, s));
        format!(
            "Claim(speaker={sp}, kind={}, content={})",
            pyrepr(py, &self.kind),
            pyrepr(py, &short(&self.content.text, 60))
        )
    }
}

/// Checks that every span of an unpickled document lies on character
/// boundaries of its text, so that no later slice can fail.
fn check_spans(doc: &Document) -> Result<(), String> {
    let t = &doc.text;
    let ok = |s: claimscope::Span| {
        s.start() <= s.end() && t.is_char_boundary(s.start()) && t.is_char_boundary(s.end())
    };
    let spans = doc
        .tokens
        .iter()
        .map(|x| x.span)
        .chain(doc.sentences.iter().map(|x| x.span))
        .chain(doc.actors.iter().flat_map(|a| {
            a.mentions
                .iter()
                .flat_map(|m| std::iter::once(m.span).chain(m.role))
        }))
        .chain(doc.claims.iter().flat_map(|c| {
            std::iter::once(c.content)
                .chain(c.cue)
                .chain(c.speaker.as_ref().and_then(|s| s.span))
        }));
    for s in spans {
        if !ok(s) {
            return Err(format!(
                "span {}..{} is not on character boundaries of the {}-byte text",
                s.start(),
                s.end(),
                t.len()
            ));
        }
    }
    let n_tokens = doc.tokens.len();
    if doc
        .sentences
        .iter()
        .any(|s| s.first_token > s.end_token || s.end_token as usize > n_tokens)
    {
        return Err("sentence token range out of bounds".to_string());
    }
    Ok(())
}

/// An analyzed document. Immutable; pickles; compares by value.
#[pyclass(frozen, module = "claimscope", name = "Document")]
pub struct PyDocument {
    pub(crate) doc: Document,
    tokens: PyOnceLock<Py<PyTuple>>,
    sentences: PyOnceLock<Py<PyTuple>>,
    actors: PyOnceLock<Py<PyTuple>>,
    claims: PyOnceLock<Py<PyTuple>>,
}

impl PyDocument {
    /// Wraps a core document.
    pub fn new(doc: Document) -> Self {
        PyDocument {
            doc,
            tokens: PyOnceLock::new(),
            sentences: PyOnceLock::new(),
            actors: PyOnceLock::new(),
            claims: PyOnceLock::new(),
        }
    }

    fn fill_annotations(&self, py: Python<'_>) -> PyResult<()> {
        if self.doc.actors.is_empty() && self.doc.claims.is_empty() {
            // Nothing to convert: skip building the offset index.
            let _ = self.actors.set(py, PyTuple::empty(py).unbind());
            let _ = self.claims.set(py, PyTuple::empty(py).unbind());
            return Ok(());
        }
        let out = self.doc.to_output(OutputFields::default());
        let actors = out.actors.iter().map(|a| Actor {
            id: a.id.to_string(),
            name: a.name.to_string(),
            kind: a.kind.to_string(),
            qid: a.qid.map(str::to_string),
            known: a.known,
            mentions: a
                .mentions
                .iter()
                .map(|m| Mention {
                    start: m.start,
                    end: m.end,
                    text: m.text.to_string(),
                    role: m.role.as_ref().map(Span::from_out),
                    actor: a.id.to_string(),
                })
                .collect(),
        });
        let actors = PyTuple::new(py, actors)?.unbind();
        let claims = out.claims.iter().map(|c| Claim {
            speaker: c.speaker.as_ref().map(|s| Speaker {
                start: s.start,
                end: s.end,
                text: s.text.map(str::to_string),
                actor: s.actor.map(str::to_string),
            }),
            cue: c.cue.as_ref().map(Span::from_out),
            content: Span::from_out(&c.content),
            kind: c.kind.to_string(),
            rule: c.rule.to_string(),
            about: c.about.to_vec(),
        });
        let claims = PyTuple::new(py, claims)?.unbind();
        // Another thread may have filled them meanwhile: either value is the same.
        let _ = self.actors.set(py, actors);
        let _ = self.claims.set(py, claims);
        Ok(())
    }

    fn state(&self) -> PyResult<Vec<u8>> {
        serde_json::to_vec(&self.doc)
            .map_err(|e| DataError::new_err(format!("cannot serialize document: {e}")))
    }

    fn json(&self, tokens: bool, sentences: bool, text: bool) -> PyResult<String> {
        let out = self.doc.to_output(OutputFields {
            tokens,
            sentences,
            text,
        });
        serde_json::to_string(&out)
            .map_err(|e| DataError::new_err(format!("cannot serialize document: {e}")))
    }
}

#[pymethods]
impl PyDocument {
    /// The caller's id, or `""`.
    #[getter]
    fn id(&self) -> &str {
        &self.doc.id
    }
    /// The language code (`en`, `pl`, `ru`, `uk`, ..., `und`): given or detected.
    #[getter]
    fn lang(&self) -> &'static str {
        self.doc.lang.code()
    }
    /// The date from a leading metadata line (ISO 8601), or `None`.
    #[getter]
    fn date(&self) -> Option<&str> {
        self.doc.date.as_deref()
    }
    /// The original text, untouched.
    #[getter]
    fn text(&self) -> &str {
        &self.doc.text
    }
    /// The tokens, in text order.
    #[getter]
    fn tokens(&self, py: Python<'_>) -> PyResult<Py<PyTuple>> {
        self.tokens
            .get_or_try_init(py, || {
                let out = self.doc.to_output(OutputFields {
                    tokens: true,
                    ..Default::default()
                });
                let pairs = out.tokens.unwrap_or_default();
                let toks = pairs.iter().zip(&self.doc.tokens).map(|(p, t)| Token {
                    start: p[0],
                    end: p[1],
                    text: t.text(&self.doc.text).to_string(),
                    kind: t.kind.as_str().to_string(),
                });
                PyTuple::new(py, toks).map(Bound::unbind)
            })
            .map(|t| t.clone_ref(py))
    }
    /// The sentences, in text order.
    #[getter]
    fn sentences(&self, py: Python<'_>) -> PyResult<Py<PyTuple>> {
        self.sentences
            .get_or_try_init(py, || {
                let out = self.doc.to_output(OutputFields {
                    sentences: true,
                    ..Default::default()
                });
                let pairs = out.sentences.unwrap_or_default();
                let sents = pairs
                    .iter()
                    .zip(&self.doc.sentences)
                    .map(|(p, s)| Sentence {
                        start: p[0],
                        end: p[1],
                        text: s.span.slice(&self.doc.text).to_string(),
                        boilerplate: s.boilerplate,
                        paragraph_start: s.paragraph_start,
                    });
                PyTuple::new(py, sents).map(Bound::unbind)
            })
            .map(|t| t.clone_ref(py))
    }
    /// The actors with their mentions, in order of first mention.
    #[getter]
    fn actors(&self, py: Python<'_>) -> PyResult<Py<PyTuple>> {
        if self.actors.get(py).is_none() {
            self.fill_annotations(py)?;
        }
        self.actors
            .get(py)
            .map(|t| t.clone_ref(py))
            .ok_or_else(|| DataError::new_err("actors unavailable"))
    }
    /// The claims, in text order.
    #[getter]
    fn claims(&self, py: Python<'_>) -> PyResult<Py<PyTuple>> {
        if self.claims.get(py).is_none() {
            self.fill_annotations(py)?;
        }
        self.claims
            .get(py)
            .map(|t| t.clone_ref(py))
            .ok_or_else(|| DataError::new_err("claims unavailable"))
    }

    /// The document as JSON (the command line's output contract, offsets in code points).
    #[pyo3(signature = (*, tokens = true, sentences = true, text = true))]
    fn to_json(&self, tokens: bool, sentences: bool, text: bool) -> PyResult<String> {
        self.json(tokens, sentences, text)
    }

    /// The document as plain Python data: `json.loads(doc.to_json())`.
    #[pyo3(signature = (*, tokens = true, sentences = true, text = true))]
    fn to_dict<'py>(
        &self,
        py: Python<'py>,
        tokens: bool,
        sentences: bool,
        text: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let s = self.json(tokens, sentences, text)?;
        py.import("json")?.call_method1("loads", (s,))
    }

    /// An HTML view for Jupyter.
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        slf.py()
            .import("claimscope._html")?
            .call_method1("render", (slf,))?
            .extract()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Document(id={}, lang={}, tokens={}, actors={}, claims={}, text={})",
            pyrepr(py, &self.doc.id),
            pyrepr(py, self.doc.lang.code()),
            self.doc.tokens.len(),
            self.doc.actors.len(),
            self.doc.claims.len(),
            pyrepr(py, &short(&self.doc.text, 40))
        )
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.doc == other.doc
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let state = PyBytes::new(py, &slf.get().state()?);
        let ctor = slf.get_type().getattr("_from_state")?;
        (ctor, (state,)).into_pyobject(py)
    }

    /// Rebuilds a document from its pickled state.
    #[classmethod]
    fn _from_state(_cls: &Bound<'_, PyType>, state: &[u8]) -> PyResult<Self> {
        let doc: Document = serde_json::from_slice(state)
            .map_err(|e| DataError::new_err(format!("invalid pickled document: {e}")))?;
        check_spans(&doc)
            .map_err(|e| DataError::new_err(format!("invalid pickled document: {e}")))?;
        Ok(PyDocument::new(doc))
    }
}
