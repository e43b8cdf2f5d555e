"""The PySpark recipe (examples/spark_recipe.py) on local[2], when PySpark is installed."""

from __future__ import annotations

import os
import shutil
import sys

import pytest

import claimscope
from make_corpus import corpus

pyspark = pytest.importorskip("pyspark", reason="PySpark is not installed (pip install pyspark)")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
if shutil.which("java") is None:
    pytest.skip("PySpark needs Java (none on PATH)", allow_module_level=True)

from spark_recipe import analyze_spark  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # Python workers must run this interpreter (the one claimscope is installed in).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    s = (
        SparkSession.builder.master("local[2]")
        .appName("claimscope-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield s
    s.stop()


@pytest.mark.parametrize("table", ["claims", "mentions", "actors"])
def test_spark_equals_in_process(spark, table):
    records = corpus(40)
    df = spark.createDataFrame([(r["id"], r["text"]) for r in records], "id string, text string").repartition(2)
    got = analyze_spark(df, "text", id_column="id", table=table).toPandas()
    local = claimscope.to_pandas(claimscope.Analyzer().analyze_many(records), table)
    key = ["doc_id"] + (["claim_index"] if table == "claims" else [])
    got = got.sort_values(key, kind="stable").reset_index(drop=True)
    local = local.sort_values(key, kind="stable").reset_index(drop=True)
    assert list(got.columns) == list(local.columns)
    assert len(got) == len(local)
    # Spark may hand strings back as Arrow strings (missing = NaN/NA): compare plain values.
    got, local = (df.astype(object).where(df.notna(), None) for df in (got, local))
    if "about" in got:
        got["about"] = got["about"].map(lambda v: None if v is None else list(v))
    pd.testing.assert_frame_equal(got, local, check_dtype=False)


def test_spark_sees_every_document(spark):
    # Independent of what the core finds: one actors-or-not row count per doc is
    # not observable, so check the documents themselves go through the workers.
    records = corpus(10)
    df = spark.createDataFrame([(r["id"], r["text"]) for r in records], "id string, text string")

    def langs(batches):
        import pyarrow as pa

        a = claimscope.Analyzer()
        for b in batches:
            docs = a.analyze_many(b.column("text").to_pylist())
            yield pa.record_batch([pa.array([d.lang for d in docs])], names=["lang"])

    got = [r.lang for r in df.mapInArrow(langs, "lang string").collect()]
    assert sorted(got) == sorted(d.lang for d in claimscope.Analyzer().analyze_many(records))
