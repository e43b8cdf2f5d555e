#!/usr/bin/env python3
"""Throughput of ``Analyzer.analyze_many`` from Python against the Rust command line.

Writes one JSON Lines corpus (the seed texts plus generated documents, see
``examples/make_corpus.py``), then in the same run times

* the command line: ``claimscope extract --format jsonl --threads T -o /dev/null CORPUS``;
* Python: read the same file, ``json.loads`` each line, ``analyze_many(..., threads=T)``
  and touch every document's ``actors`` and ``claims`` (so the conversion to
  Python objects is paid),

each ``--repeat`` times (best run kept), and prints documents/s, MB/s and the
ratio Python / command line. Needs a release build of both: ``cargo build
--release -p claimscope-batch`` and ``pip install .`` (or ``maturin develop -r``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples"))

import claimscope  # noqa: E402
from make_corpus import corpus  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=4000, help="generated documents (plus the seeds)")
    ap.add_argument("--scale", type=int, default=1, help="repeat the corpus this many times")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "claimscope"))
    args = ap.parse_args()
    if not Path(args.bin).exists():
        print(f"no command line at {args.bin}: cargo build --release -p claimscope-batch", file=sys.stderr)
        return 2

    docs = corpus(args.docs) * args.scale
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for i, d in enumerate(docs):
            f.write(json.dumps({"id": f"{i}-{d['id']}", "text": d["text"]}, ensure_ascii=False) + "\n")
        path = f.name
    size_mb = os.path.getsize(path) / 1e6
    n = len(docs)

    analyzer = claimscope.Analyzer()

    def run_cli() -> float:
        t = time.perf_counter()
        subprocess.run(
            [args.bin, "extract", "--format", "jsonl", "--threads", str(args.threads), "-o", os.devnull, path],
            check=True,
        )
        return time.perf_counter() - t

    def run_py() -> float:
        t = time.perf_counter()
        count = 0
        with open(path, encoding="utf-8") as fh:
            records = (json.loads(line) for line in fh)
            for doc in analyzer.analyze_many(records, threads=args.threads):
                doc.actors
                doc.claims
                count += 1
        assert count == n, (count, n)
        return time.perf_counter() - t

    try:
        # Interleaved, so that a busy machine hurts both alike; best run of each kept.
        cli_runs, py_runs = [], []
        for _ in range(args.repeat):
            cli_runs.append(run_cli())
            py_runs.append(run_py())
        cli, py = min(cli_runs), min(py_runs)
    finally:
        os.unlink(path)

    print(f"corpus: {n} documents, {size_mb:.1f} MB, threads={args.threads}, best of {args.repeat}")
    print(f"command line : {cli:7.3f} s  {n / cli:9.0f} docs/s  {size_mb / cli:6.1f} MB/s")
    print(f"python       : {py:7.3f} s  {n / py:9.0f} docs/s  {size_mb / py:6.1f} MB/s")
    print(f"ratio python/command line: {cli / py:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
