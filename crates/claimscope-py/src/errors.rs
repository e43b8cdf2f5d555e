//! Python exceptions, and the one conversion from the core error to a Python one.

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyFileNotFoundError, PyOSError, PyValueError};
use pyo3::prelude::*;

create_exception!(
    claimscope,
    ClaimscopeError,
    PyException,
    "Base class of every error raised by claimscope itself."
);
create_exception!(
    claimscope,
    InputError,
    ClaimscopeError,
    "A document that cannot be analyzed (invalid UTF-8, too large)."
);
create_exception!(
    claimscope,
    DataError,
    ClaimscopeError,
    "A malformed data file: a user dictionary or cue lexicon (names the file and line)."
);

/// The core error, wrapped so that it can be turned into a [`PyErr`]
/// (both types are foreign to this crate).
#[derive(Debug)]
pub struct Error(pub claimscope::Error);

impl From<claimscope::Error> for Error {
    fn from(e: claimscope::Error) -> Self {
        Error(e)
    }
}

/// The single mapping from core errors to Python exceptions.
impl From<Error> for PyErr {
    fn from(Error(e): Error) -> PyErr {
        let msg = e.to_string();
        match e {
            claimscope::Error::InvalidUtf8 { .. } | claimscope::Error::TooLarge { .. } => {
                InputError::new_err(msg)
            }
            claimscope::Error::UnknownLanguage(_) => PyValueError::new_err(msg),
            claimscope::Error::Data { .. } => DataError::new_err(msg),
            claimscope::Error::Io { source, .. } => {
                if source.kind() == std::io::ErrorKind::NotFound {
                    PyFileNotFoundError::new_err(msg)
                } else {
                    PyOSError::new_err(msg)
                }
            }
            _ => ClaimscopeError::new_err(msg),
        }
    }
}

/// Converts a core error (for `map_err`).
pub fn py_err(e: claimscope::Error) -> PyErr {
    Error(e).into()
}

/// Registers the exception classes on the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("ClaimscopeError", py.get_type::<ClaimscopeError>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("DataError", py.get_type::<DataError>())?;
    Ok(())
}
