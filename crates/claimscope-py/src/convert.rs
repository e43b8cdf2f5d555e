//! Conversions at the Python boundary: input text, language codes, JSON values.

use claimscope::Lang;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::errors::py_err;

/// Extracts a `str` into an owned `String`.
///
/// A `str` with a lone surrogate (which UTF-8 cannot encode) gives a
/// `ValueError` naming its position; anything but a `str` gives a `TypeError`.
pub fn extract_text(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    let s = obj.cast::<PyString>().map_err(|_| {
        PyTypeError::new_err(format!("{what} must be a str, not {}", type_name(obj)))
    })?;
    match s.to_cow() {
        Ok(c) => Ok(c.into_owned()),
        Err(e) => {
            let py = obj.py();
            let pos = e
                .value(py)
                .getattr("start")
                .and_then(|p| p.extract::<usize>())
                .ok();
            let ch = pos.and_then(|p| s.get_item(p).ok()).and_then(|c| {
                c.getattr("__repr__")
                    .ok()?
                    .call0()
                    .ok()?
                    .extract::<String>()
                    .ok()
            });
            Err(PyValueError::new_err(match (pos, ch) {
                (Some(p), Some(c)) => format!(
                    "{what} contains a lone surrogate {c} at position {p}; it cannot be encoded as UTF-8 \
                     (decode your bytes with errors='replace' or clean the text)"
                ),
                _ => format!("{what} cannot be encoded as UTF-8: {e}"),
            }))
        }
    }
}

/// The name of an object's type, for messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string())
}

/// Parses an optional language code; `None`, `""` and `"auto"` mean "detect".
pub fn parse_lang(code: Option<&str>) -> PyResult<Option<Lang>> {
    match code {
        None => Ok(None),
        Some(c) if c.trim().is_empty() || c.trim().eq_ignore_ascii_case("auto") => Ok(None),
        Some(c) => Lang::from_code(c).map(Some).map_err(py_err),
    }
}
