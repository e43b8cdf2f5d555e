//! Python bindings for claimscope (the `claimscope._claimscope` module, built
//! by maturin). Glue only: all logic lives in the core crate.
//!
//! - [`analyzer`]: `Analyzer` and the streaming `analyze_many` iterator;
//! - [`document`]: `Document` and its frozen value classes;
//! - [`errors`]: the exception classes and the one `From<Error> for PyErr`;
//! - [`convert`]: text, language and argument conversions.

pub mod analyzer;
pub mod convert;
pub mod document;
pub mod errors;

use pyo3::prelude::*;

/// mimalloc for the Rust side of the module (Python's own objects keep
/// Python's allocator), as for the command line: the pipeline makes many
/// small, short-lived allocations per document.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Tokenizes text; returns `(start, end, kind)` with code-point offsets.
#[pyfunction]
#[pyo3(signature = (text, lang = "en"))]
fn tokenize(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    lang: &str,
) -> PyResult<Vec<(usize, usize, &'static str)>> {
    let lang = convert::parse_lang(Some(lang))?.unwrap_or(claimscope::Lang::Und);
    let owned = convert::extract_text(text, "text")?;
    Ok(py.detach(move || {
        let idx = claimscope::OffsetIndex::new(&owned);
        claimscope::tokenize(&owned, lang)
            .iter()
            .map(|t| {
                let (s, e) = idx.span(t.span);
                (s, e, t.kind.as_str())
            })
            .collect()
    }))
}

/// Detects the language of `text`: a code such as `pl`, or `und`.
#[pyfunction]
fn detect_language(text: &Bound<'_, PyAny>) -> PyResult<&'static str> {
    let owned = convert::extract_text(text, "text")?;
    Ok(claimscope::detect_language(&owned).code())
}

/// The native module.
#[pymodule]
fn _claimscope(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("LANGUAGES", analyzer::known_languages())?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(detect_language, m)?)?;
    m.add_class::<analyzer::PyAnalyzer>()?;
    m.add_class::<analyzer::AnalyzeIter>()?;
    m.add_class::<document::PyDocument>()?;
    m.add_class::<document::Span>()?;
    m.add_class::<document::Token>()?;
    m.add_class::<document::Sentence>()?;
    m.add_class::<document::Mention>()?;
    m.add_class::<document::Actor>()?;
    m.add_class::<document::Speaker>()?;
    m.add_class::<document::Claim>()?;
    errors::register(m)?;
    Ok(())
}
