"""Run claimscope on a Dask cluster.

One analyzer is built per worker process and reused by every task there: the
task graph carries only the analyzer's configuration (a few bytes, user
dictionaries by content), never a path on the client's disk.

>>> import dask.bag as db                                     # doctest: +SKIP
>>> from claimscope.dask import analyze_bag
>>> claims = analyze_bag(db.from_sequence(texts, npartitions=8), table="claims")
>>> claims.compute()                                          # a pandas DataFrame

Needs ``dask`` (``pip install claimscope[dask]``); imported lazily.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional

from claimscope._claimscope import Analyzer, Document
from claimscope._tables import _require, columns, to_pandas

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe
    import pandas

__all__ = ["analyze_bag", "analyze_dataframe", "worker_analyzer"]

_CACHE: Dict[bytes, Analyzer] = {}
_LOCK = threading.Lock()


def _config(analyzer: Optional[Analyzer]) -> bytes:
    if analyzer is None:
        analyzer = Analyzer()
    if not isinstance(analyzer, Analyzer):
        raise TypeError(f"analyzer must be a claimscope.Analyzer, not {type(analyzer).__name__}")
    _, (config,) = analyzer.__reduce__()
    return bytes(config)


def worker_analyzer(config: bytes) -> Analyzer:
    """The analyzer for ``config`` in this process, built on first use and then cached."""
    with _LOCK:
        a = _CACHE.get(config)
        if a is None:
            a = Analyzer._from_config(config)
            _CACHE[config] = a
        return a


def _analyze_partition(items: Iterable[Any], config: bytes, threads: int) -> List[Document]:
    return list(worker_analyzer(config).analyze_many(items, threads=threads))


def _rows_partition(items: Iterable[Any], config: bytes, threads: int, table: str) -> "pandas.DataFrame":
    docs = worker_analyzer(config).analyze_many(items, threads=threads)
    return to_pandas(docs, table)


def analyze_bag(
    bag: "dask.bag.Bag",
    *,
    analyzer: Optional[Analyzer] = None,
    table: Optional[str] = None,
    threads: int = 1,
) -> Any:
    """Analyzes a Dask bag of texts (``str``) or records (``{"text", "id"?, "lang"?}``).

    With ``table=None``, returns a bag of :class:`claimscope.Document`; with
    ``table="claims"``, ``"mentions"`` or ``"actors"``, a Dask DataFrame of that
    table (the columns of :func:`claimscope.to_pandas`). ``threads`` is the
    number of threads each task uses (1 suits one task per core).
    """
    _require("dask", "dask")
    config = _config(analyzer)
    if table is None:
        return bag.map_partitions(_analyze_partition, config, threads)
    columns(table)
    import dask.dataframe as dd

    meta = to_pandas([], table)
    parts = bag.to_delayed()
    import dask

    frames = [dask.delayed(_rows_partition)(p, config, threads, table) for p in parts]
    # Keep object columns as they are: Dask's string conversion would turn the
    # list column `about` into its repr.
    with dask.config.set({"dataframe.convert-string": False}):
        return dd.from_delayed(frames, meta=meta, verify_meta=False)


def _df_partition(
    df: "pandas.DataFrame",
    config: bytes,
    threads: int,
    table: str,
    text_column: str,
    id_column: Optional[str],
    lang_column: Optional[str],
) -> "pandas.DataFrame":
    texts = df[text_column].tolist()
    ids = df[id_column].tolist() if id_column is not None else df.index.tolist()
    langs = df[lang_column].tolist() if lang_column is not None else [None] * len(texts)
    # Missing languages (None, NaN, pandas.NA) mean "detect".
    records = (
        {"text": t, "id": str(i), "lang": lang if isinstance(lang, str) else None}
        for t, i, lang in zip(texts, ids, langs)
    )
    return to_pandas(worker_analyzer(config).analyze_many(records, threads=threads), table)


def analyze_dataframe(
    ddf: "dask.dataframe.DataFrame",
    text_column: str,
    *,
    id_column: Optional[str] = None,
    lang_column: Optional[str] = None,
    table: str = "claims",
    analyzer: Optional[Analyzer] = None,
    threads: int = 1,
) -> "dask.dataframe.DataFrame":
    """Analyzes the texts in ``ddf[text_column]``; returns a Dask DataFrame of ``table``.

    ``doc_id`` is ``str(ddf[id_column])``, or the string of the row's index
    when ``id_column`` is None; ``lang_column`` gives each row's language
    (``None`` = detect). ``table`` is ``claims``, ``mentions`` or ``actors``.
    """
    _require("dask", "dask")
    config = _config(analyzer)
    columns(table)
    for c in (text_column, id_column, lang_column):
        if c is not None and c not in ddf.columns:
            raise ValueError(f"no column {c!r} in the DataFrame (columns: {list(ddf.columns)})")
    meta = to_pandas([], table)
    import dask

    # Keep object columns as they are (see analyze_bag).
    with dask.config.set({"dataframe.convert-string": False}):
        return _map(ddf, config, threads, table, text_column, id_column, lang_column, meta)


def _map(ddf: Any, config: bytes, threads: int, table: str, text_column: str,
         id_column: Optional[str], lang_column: Optional[str], meta: Any) -> Any:
    return ddf.map_partitions(
        _df_partition,
        config,
        threads,
        table,
        text_column,
        id_column,
        lang_column,
        meta=meta,
        align_dataframes=False,
    )
