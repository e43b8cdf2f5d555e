"""Tables: rows, pandas and Arrow, with the same columns and values."""

from __future__ import annotations

import pytest

import claimscope
from conftest import annotate, find


@pytest.fixture()
def docs(analyzer, annotated):
    text = "Зеленський заявив: «Ми не здамося» 🇺🇦. За словами Пєскова, переговорів не буде."
    z, p = find(text, "Зеленський"), find(text, "Пєскова")
    other = annotate(
        analyzer,
        text,
        actors=[("zelensky", "Volodymyr Zelensky", "person", [z]), ("peskov", "Dmitry Peskov", "person", [p])],
        claims=[
            ((z[0], z[1], "zelensky"), find(text, "заявив"), find(text, "Ми не здамося"), "direct"),
            (None, None, find(text, "переговорів не буде"), "according_to"),
        ],
        id="uk1",
    )
    return [annotated, other, analyzer.analyze("Nic się nie stało.", id="empty")]


def test_rows(docs):
    rows = claimscope.rows(docs, "claims")
    assert [r["doc_id"] for r in rows] == ["t", "uk1", "uk1"]
    assert rows[1]["speaker_actor"] == "zelensky" and rows[1]["kind"] == "direct"
    assert rows[2]["speaker"] is None and rows[2]["cue"] is None
    for r, d in zip(rows, [docs[0], docs[1], docs[1]]):
        assert d.text[r["content_start"] : r["content_end"]] == r["content"]
    mentions = claimscope.rows(docs, "mentions")
    assert [m["actor_id"] for m in mentions] == ["peskov", "putin", "zelensky", "peskov"]
    assert claimscope.rows(docs[0], "actors")[0]["mentions"] == 1
    with pytest.raises(ValueError, match="unknown table"):
        claimscope.rows(docs, "speakers")
    with pytest.raises(TypeError, match="Document"):
        claimscope.rows(["text"], "claims")


@pytest.mark.parametrize("table", claimscope.TABLES)
def test_pandas_and_arrow_agree(docs, table):
    df = claimscope.to_pandas(docs, table)
    at = claimscope.to_arrow(docs, table)
    rows = claimscope.rows(docs, table)
    assert list(df.columns) == at.column_names == list(rows[0])
    assert len(df) == at.num_rows == len(rows)
    assert at.to_pylist() == rows
    back = df.astype(object).where(df.notna(), None).to_dict("records")
    assert [{k: (list(v) if isinstance(v, list) else v) for k, v in r.items()} for r in back] == rows


@pytest.mark.parametrize("table", claimscope.TABLES)
def test_empty_tables_have_dtypes(table):
    df = claimscope.to_pandas([], table)
    assert len(df) == 0
    at = claimscope.to_arrow([], table)
    assert at.num_rows == 0 and at.schema.names == list(df.columns)
    if table == "claims":
        assert str(df["speaker_start"].dtype) == "Int64"
        assert str(df["content_start"].dtype) == "int64"
        assert str(at.schema.field("about").type) == "list<item: string>"


def test_who_talks_about_whom(docs):
    df = claimscope.to_pandas(docs, "claims").explode("about")
    assert set(df.columns) >= {"speaker_actor", "about"}
