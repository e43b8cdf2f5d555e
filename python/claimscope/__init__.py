"""claimscope: who said what in multilingual news.

Finds the **actors** (people, organizations, states and cities, in any
inflected form, linked to one id across languages) and the **claims** they
make (speaker, cue, content, kind) in English, Polish, Russian and Ukrainian
text, with exact offsets. Every offset is a Python string index (a Unicode
code point): ``doc.text[span.start:span.end] == span.text``.

>>> import claimscope
>>> analyzer = claimscope.Analyzer()
>>> doc = analyzer.analyze("Pieskow zaprzeczył, że Putin chce wojny.")
>>> doc.lang
'pl'

Thread-safety: an :class:`Analyzer` is immutable; share one between threads.
:meth:`Analyzer.analyze_many` runs on its own thread pool, created on first
use (none at import), so forking after ``import claimscope`` is safe; with
``multiprocessing`` prefer the ``spawn`` start method once an analyzer has run
``analyze_many`` in the parent. Analyzers and documents pickle.

Optional helpers import their dependencies lazily: :func:`to_pandas`
(pandas), :func:`to_arrow` (pyarrow), :mod:`claimscope.dask` (dask).
"""

from __future__ import annotations

from claimscope._claimscope import (
    LANGUAGES,
    Actor,
    AnalyzeIter,
    Analyzer,
    Claim,
    ClaimscopeError,
    DataError,
    Document,
    InputError,
    Mention,
    Sentence,
    Span,
    Speaker,
    Token,
    __version__,
    detect_language,
    tokenize,
)
from claimscope._tables import TABLES, rows, to_arrow, to_pandas

__all__ = [
    "LANGUAGES",
    "TABLES",
    "Actor",
    "AnalyzeIter",
    "Analyzer",
    "Claim",
    "ClaimscopeError",
    "DataError",
    "Document",
    "InputError",
    "Mention",
    "Sentence",
    "Span",
    "Speaker",
    "Token",
    "__version__",
    "detect_language",
    "rows",
    "to_arrow",
    "to_pandas",
    "tokenize",
]
