"""Recipe: claimscope on Apache Spark with ``mapInArrow`` (PySpark >= 3.3).

Each Spark task receives Arrow record batches of the input, analyzes their
texts with one analyzer per Python worker process (built once from its
configuration, which is all the closure carries: no file paths), and returns
Arrow batches of the claims (or mentions, or actors) table.

Run it on a small local cluster::

    pip install . pyspark pyarrow pandas       # from the repository root
    python examples/spark_recipe.py            # local[2], the seed texts

The Python workers must import claimscope: set ``PYSPARK_PYTHON`` to the
interpreter it is installed in (``main()`` below does so for local runs), and
on a cluster ship the wheel to the executors (``--py-files`` cannot carry a
compiled extension: install it in the executors' environment, or use a
packed virtual environment with ``spark.archives``).

On a real cluster, import ``analyze_spark`` and call it on your DataFrame::

    claims = analyze_spark(spark.read.parquet("articles/"), "body", id_column="url")
    claims.write.parquet("claims/")
"""

from __future__ import annotations

from typing import Dict, Iterator, Optional

import claimscope

_SPARK_TYPES = {"str": "string", "str?": "string", "int": "bigint", "int?": "bigint", "bool": "boolean",
                "list": "array<string>"}

_ANALYZERS: Dict[bytes, claimscope.Analyzer] = {}


def spark_schema(table: str = "claims") -> str:
    """The Spark DDL schema of a claimscope table (``claims``, ``mentions``, ``actors``)."""
    from claimscope._tables import columns

    return ", ".join(f"`{name}` {_SPARK_TYPES[kind]}" for name, kind in columns(table))


def analyze_spark(
    df,
    text_column: str,
    *,
    id_column: Optional[str] = None,
    lang_column: Optional[str] = None,
    table: str = "claims",
    analyzer: Optional[claimscope.Analyzer] = None,
    threads: int = 1,
):
    """Analyzes ``df[text_column]``; returns a Spark DataFrame of ``table``."""
    _, (config,) = (analyzer or claimscope.Analyzer()).__reduce__()
    config = bytes(config)
    schema = spark_schema(table)

    def run(batches: Iterator) -> Iterator:
        import pyarrow as pa

        a = _ANALYZERS.get(config)
        if a is None:  # one analyzer per Python worker process
            a = _ANALYZERS[config] = claimscope.Analyzer._from_config(config)
        target = claimscope._tables.arrow_schema(table)
        for batch in batches:
            texts = batch.column(text_column).to_pylist()
            ids = batch.column(id_column).to_pylist() if id_column else [None] * len(texts)
            langs = batch.column(lang_column).to_pylist() if lang_column else [None] * len(texts)
            records = (
                {"text": t or "", "id": None if i is None else str(i), "lang": lang}
                for t, i, lang in zip(texts, ids, langs)
            )
            out = claimscope.to_arrow(a.analyze_many(records, threads=threads), table)
            # Spark's schema has every field nullable: cast before handing back.
            yield from out.cast(pa.schema([f.with_nullable(True) for f in target])).to_batches()

    return df.mapInArrow(run, schema)


def main() -> None:
    import sys
    from pathlib import Path

    import os

    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from make_corpus import corpus

    spark = SparkSession.builder.master("local[2]").appName("claimscope").getOrCreate()
    try:
        rows = [(d["id"], d["text"]) for d in corpus(20)]
        df = spark.createDataFrame(rows, "id string, text string")
        mentions = analyze_spark(df, "text", id_column="id", table="mentions")
        print(mentions.count(), "mentions")
        claims = analyze_spark(df, "text", id_column="id", table="claims")
        claims.groupBy("speaker_actor").count().show()
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
