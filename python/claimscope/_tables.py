"""Flat tables of claims, mentions and actors: rows, pandas and Arrow.

pandas and pyarrow are optional and imported only when asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Tuple

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import pyarrow

    from claimscope._claimscope import Document

# Column name -> kind: "str", "str?" (nullable), "int", "int?", "bool", "list".
_SCHEMAS: Dict[str, List[Tuple[str, str]]] = {
    "claims": [
        ("doc_id", "str"),
        ("lang", "str"),
        ("claim_index", "int"),
        ("kind", "str"),
        ("rule", "str"),
        ("speaker", "str?"),
        ("speaker_start", "int?"),
        ("speaker_end", "int?"),
        ("speaker_actor", "str?"),
        ("cue", "str?"),
        ("cue_start", "int?"),
        ("cue_end", "int?"),
        ("content", "str"),
        ("content_start", "int"),
        ("content_end", "int"),
        ("about", "list"),
    ],
    "mentions": [
        ("doc_id", "str"),
        ("lang", "str"),
        ("actor_id", "str"),
        ("actor_name", "str"),
        ("actor_type", "str"),
        ("qid", "str?"),
        ("known", "bool"),
        ("start", "int"),
        ("end", "int"),
        ("text", "str"),
        ("role", "str?"),
        ("role_start", "int?"),
        ("role_end", "int?"),
    ],
    "actors": [
        ("doc_id", "str"),
        ("lang", "str"),
        ("actor_id", "str"),
        ("name", "str"),
        ("type", "str"),
        ("qid", "str?"),
        ("known", "bool"),
        ("mentions", "int"),
    ],
}

#: The table names accepted by :func:`rows`, :func:`to_pandas` and :func:`to_arrow`.
TABLES: Tuple[str, ...] = tuple(_SCHEMAS)


def columns(table: str) -> List[Tuple[str, str]]:
    """The ``(name, kind)`` columns of ``table``; raises ``ValueError`` for an unknown table."""
    try:
        return _SCHEMAS[table]
    except (KeyError, TypeError):
        raise ValueError(
            f"unknown table {table!r}; expected one of {', '.join(TABLES)}"
        ) from None


def _claim_rows(doc: "Document") -> Iterable[tuple]:
    for i, c in enumerate(doc.claims):
        sp = c.speaker
        cue = c.cue
        yield (
            doc.id,
            doc.lang,
            i,
            c.kind,
            c.rule,
            sp.text if sp else None,
            sp.start if sp else None,
            sp.end if sp else None,
            sp.actor if sp else None,
            cue.text if cue else None,
            cue.start if cue else None,
            cue.end if cue else None,
            c.content.text,
            c.content.start,
            c.content.end,
            list(c.about),
        )


def _mention_rows(doc: "Document") -> Iterable[tuple]:
    for a in doc.actors:
        for m in a.mentions:
            r = m.role
            yield (
                doc.id,
                doc.lang,
                a.id,
                a.name,
                a.type,
                a.qid,
                a.known,
                m.start,
                m.end,
                m.text,
                r.text if r else None,
                r.start if r else None,
                r.end if r else None,
            )


def _actor_rows(doc: "Document") -> Iterable[tuple]:
    for a in doc.actors:
        yield (doc.id, doc.lang, a.id, a.name, a.type, a.qid, a.known, len(a.mentions))


_ROWS = {"claims": _claim_rows, "mentions": _mention_rows, "actors": _actor_rows}


def _check_doc(doc: Any) -> "Document":
    from claimscope._claimscope import Document

    if not isinstance(doc, Document):
        raise TypeError(
            f"expected claimscope.Document objects, got {type(doc).__name__}"
        )
    return doc


def rows(docs: Iterable["Document"], table: str = "claims") -> List[Dict[str, Any]]:
    """The rows of ``table`` (``claims``, ``mentions`` or ``actors``) as dicts.

    Offsets are Python string indices into each document's text.
    """
    cols = [c for c, _ in columns(table)]
    make = _ROWS[table]
    out: List[Dict[str, Any]] = []
    for doc in _single_or_many(docs):
        out.extend(dict(zip(cols, r)) for r in make(_check_doc(doc)))
    return out


def _single_or_many(docs: Any) -> Iterable[Any]:
    from claimscope._claimscope import Document

    return [docs] if isinstance(docs, Document) else docs


def _column_lists(docs: Iterable["Document"], table: str) -> Dict[str, list]:
    cols = columns(table)
    make = _ROWS[table]
    data: List[list] = [[] for _ in cols]
    for doc in _single_or_many(docs):
        for r in make(_check_doc(doc)):
            for lst, v in zip(data, r):
                lst.append(v)
    return {name: lst for (name, _), lst in zip(cols, data)}


def _require(module: str, extra: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(
            f"this claimscope function needs {module}, which is not installed; "
            f"install it with `pip install {module}` (or `pip install claimscope[{extra}]`)"
        ) from e


_PANDAS_DTYPES = {
    "str": "object",
    "str?": "object",
    "int": "int64",
    "int?": "Int64",
    "bool": "bool",
    "list": "object",
}


def to_pandas(docs: Iterable["Document"], table: str = "claims") -> "pandas.DataFrame":
    """A pandas DataFrame of ``table`` (``claims``, ``mentions`` or ``actors``).

    One row per claim, mention or actor, with the document's ``doc_id`` and
    ``lang``. Offsets are Python string indices; optional integers use the
    nullable ``Int64`` dtype. Needs pandas.
    """
    pd = _require("pandas", "pandas")
    cols = columns(table)
    data = _column_lists(docs, table)
    return pd.DataFrame(
        {name: pd.Series(data[name], dtype=_PANDAS_DTYPES[kind]) for name, kind in cols}
    )


def arrow_schema(table: str) -> "pyarrow.Schema":
    """The Arrow schema of ``table``. Needs pyarrow."""
    pa = _require("pyarrow", "arrow")
    types = {
        "str": (pa.string(), False),
        "str?": (pa.string(), True),
        "int": (pa.int64(), False),
        "int?": (pa.int64(), True),
        "bool": (pa.bool_(), False),
        "list": (pa.list_(pa.string()), False),
    }
    return pa.schema(
        [pa.field(name, types[kind][0], nullable=types[kind][1]) for name, kind in columns(table)]
    )


def to_arrow(docs: Iterable["Document"], table: str = "claims") -> "pyarrow.Table":
    """A pyarrow Table of ``table`` (``claims``, ``mentions`` or ``actors``). Needs pyarrow."""
    pa = _require("pyarrow", "arrow")
    schema = arrow_schema(table)
    data = _column_lists(docs, table)
    return pa.table(
        [pa.array(data[f.name], type=f.type) for f in schema], schema=schema
    )
