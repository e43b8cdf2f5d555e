"""analyze_many: parallel equals sequential, order, streaming, and the GIL."""

from __future__ import annotations

import itertools
import threading
import time

import pytest

import claimscope
from conftest import TEXTS
from make_corpus import corpus


@pytest.fixture(scope="module")
def records():
    return corpus(300)


def test_two_threads_equal_sequential(analyzer, records):
    seq = [analyzer.analyze(r["text"], lang=r.get("lang"), id=r["id"]) for r in records]
    for threads, chunk in [(2, 256), (2, 7), (1, 1), (None, 64)]:
        par = list(analyzer.analyze_many(records, threads=threads, chunk_size=chunk))
        assert par == seq, (threads, chunk)
        assert [d.id for d in par] == [r["id"] for r in records]


def test_texts_and_generators(analyzer):
    gen = (t for t in TEXTS * 30)
    docs = list(analyzer.analyze_many(gen, threads=2, chunk_size=16))
    assert [d.text for d in docs] == TEXTS * 30


def test_streams_lazily(analyzer):
    pulled = 0

    def source():
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield f"Dokument numer {i}."

    it = analyzer.analyze_many(source(), threads=2, chunk_size=10)
    first = [next(it) for _ in range(5)]
    assert first[0].text == "Dokument numer 0."
    # at most 2 * chunk_size documents in flight: an infinite source is fine
    assert pulled <= 5 + 2 * 10


def test_gil_released_while_rust_works(analyzer):
    """Another Python thread keeps running while analyze_many works on a big chunk."""
    text = " ".join(["Pieskow zaprzeczył, że Putin chce wojny."] * 2000)
    ticks = 0
    stop = False

    def ticker():
        nonlocal ticks
        while not stop:
            ticks += 1
            time.sleep(0.001)

    th = threading.Thread(target=ticker)
    th.start()
    try:
        t0 = time.perf_counter()
        list(analyzer.analyze_many([text] * 8, threads=2, chunk_size=8))
        elapsed = time.perf_counter() - t0
    finally:
        stop = True
        th.join()
    # the ticker ran during the analysis (it would be starved if the GIL were held)
    assert ticks >= min(5, int(elapsed / 0.01))


def test_ctrl_c_stops_analyze_many():
    import subprocess
    import sys

    code = r"""
import os, signal, threading, time, claimscope
a = claimscope.Analyzer()
texts = ("Pieskow zaprzeczył, że Putin chce wojny. " * 200 for _ in iter(int, 1))  # endless
threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
t = time.perf_counter()
try:
    for _ in a.analyze_many(texts, threads=2, chunk_size=8):
        pass
except KeyboardInterrupt:
    print("interrupted", round(time.perf_counter() - t, 1))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.startswith("interrupted"), out.stdout + out.stderr
