//! The error type of the core crate.

/// Everything that can go wrong in the core library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not valid UTF-8.
    #[error("input is not valid UTF-8 at byte {byte}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        byte: usize,
    },
    /// The input is larger than a document may be.
    #[error("document of {len} bytes is larger than the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input.
        len: usize,
        /// The limit.
        limit: usize,
    },
    /// A language code that claimscope does not know.
    #[error("unknown language code {0:?} (expected one of en, pl, ru, uk, be, de, fr, und, auto)")]
    UnknownLanguage(String),
    /// A data file (built-in or user-supplied) could not be read or parsed.
    #[error("{file}:{line}: {msg}")]
    Data {
        /// The file name.
        file: String,
        /// 1-based line number (0 when the whole file is at fault).
        line: usize,
        /// What is wrong.
        msg: String,
    },
    /// An I/O error while reading a user file.
    #[error("{path}: {source}")]
    Io {
        /// The path that failed.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

/// `Result` with the core [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
