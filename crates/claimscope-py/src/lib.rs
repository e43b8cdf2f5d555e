//! Python bindings for claimscope. Glue only: all logic lives in the core crate.

use pyo3::prelude::*;

/// Tokenizes text; returns `(start, end, kind)` with code-point offsets.
#[pyfunction]
#[pyo3(signature = (text, lang = "en"))]
fn tokenize(py: Python<'_>, text: &str, lang: &str) -> PyResult<Vec<(usize, usize, &'static str)>> {
    let lang = claimscope::Lang::from_code(lang)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    let owned = text.to_owned();
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

/// The native module.
#[pymodule]
fn _claimscope(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    Ok(())
}
