"""claimscope.dask on a real LocalCluster with 2 worker processes."""

from __future__ import annotations

import pytest

import claimscope
from make_corpus import corpus

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

from claimscope.dask import analyze_bag, analyze_dataframe  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def records():
    return corpus(60)


def _norm(df):
    # Dask may store strings as Arrow strings (missing = pd.NA): compare plain values.
    df = df.sort_values(["doc_id"], kind="stable").reset_index(drop=True)
    return df.astype(object).where(df.notna(), None)


def test_bag_of_documents(client, records):
    analyzer = claimscope.Analyzer()
    bag = db.from_sequence(records, npartitions=4)
    got = analyze_bag(bag, analyzer=analyzer).compute()
    local = list(analyzer.analyze_many(records))
    assert got == local
    # tasks really ran in the two worker processes
    pids = client.run(lambda: __import__("os").getpid())
    assert len(pids) == 2


@pytest.mark.parametrize("table", ["claims", "mentions", "actors"])
def test_bag_tables(client, records, table):
    got = analyze_bag(db.from_sequence(records, npartitions=3), table=table).compute()
    local = claimscope.to_pandas(claimscope.Analyzer().analyze_many(records), table)
    # Dask may turn object columns into Arrow strings: compare values, not storage.
    pd.testing.assert_frame_equal(_norm(got), _norm(local), check_dtype=False)


@pytest.mark.parametrize("table", ["claims", "mentions"])
def test_dataframe(client, records, table):
    pdf = pd.DataFrame(records)
    ddf = dd.from_pandas(pdf, npartitions=4)
    got = analyze_dataframe(ddf, "text", id_column="id", lang_column="lang", table=table).compute()
    local = claimscope.to_pandas(claimscope.Analyzer().analyze_many(records), table)
    # Dask may turn object columns into Arrow strings: compare values, not storage.
    pd.testing.assert_frame_equal(_norm(got), _norm(local), check_dtype=False)
    # analyses of the worker processes equal the in-process ones document by document
    docs = analyze_bag(db.from_sequence(records, npartitions=2)).compute()
    assert [d.to_dict() for d in docs] == [d.to_dict() for d in claimscope.Analyzer().analyze_many(records)]


def test_dataframe_bad_column(client, records):
    ddf = dd.from_pandas(pd.DataFrame(records), npartitions=2)
    with pytest.raises(ValueError, match="no column 'body'"):
        analyze_dataframe(ddf, "body")
    with pytest.raises(ValueError, match="unknown table"):
        analyze_dataframe(ddf, "text", table="nope")


def test_worker_analyzer_is_cached():
    from claimscope.dask import _config, worker_analyzer

    cfg = _config(claimscope.Analyzer(languages=["pl"]))
    assert worker_analyzer(cfg) is worker_analyzer(cfg)
    assert worker_analyzer(cfg).languages == ["pl"]
