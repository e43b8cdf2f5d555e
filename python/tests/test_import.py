"""Import time, lazy optional dependencies, and no threads at import (fork safety)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

CODE_IMPORT = r"""
import sys, time
t = time.perf_counter()
import claimscope
dt = time.perf_counter() - t
heavy = sorted(m for m in ("pandas", "pyarrow", "dask", "numpy", "distributed") if m in sys.modules)
print(dt, ",".join(heavy))
"""


def test_import_is_fast_and_lazy():
    best = None
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", CODE_IMPORT], capture_output=True, text=True, check=True
        ).stdout.split()
        dt = float(out[0])
        heavy = out[1] if len(out) > 1 else ""
        assert heavy == "", f"import claimscope imported {heavy}"
        best = dt if best is None else min(best, dt)
    assert best < 0.2, f"import claimscope took {best * 1000:.0f} ms"


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux /proc")
def test_no_native_threads_until_analyze_many():
    code = r"""
import os
def n(): return len(os.listdir("/proc/self/task"))
base = n()
import claimscope
a = claimscope.Analyzer()
a.analyze("Pieskow zaprzeczył, że Putin chce wojny.")
after_analyze = n()
docs = list(a.analyze_many(["a", "b", "c"], threads=2))
print(base, after_analyze, n())
"""
    base, after, _ = map(
        int,
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        .stdout.split(),
    )
    assert after == base, "importing or using Analyzer.analyze started threads"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_fork_after_analyze_many_does_not_deadlock():
    code = r"""
import os, claimscope
a = claimscope.Analyzer()
list(a.analyze_many(["Putin said no."] * 10, threads=2))
pid = os.fork()
if pid == 0:
    docs = list(a.analyze_many(["Ala ma kota."] * 10, threads=2))
    os._exit(0 if len(docs) == 10 else 1)
_, status = os.waitpid(pid, 0)
print(os.waitstatus_to_exitcode(status))
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "0"


def test_optional_dependency_message(monkeypatch):
    import claimscope

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # makes `import pyarrow` fail
    doc = claimscope.Analyzer().analyze("Ala ma kota.")
    with pytest.raises(ImportError, match="pip install pyarrow"):
        claimscope.to_arrow([doc])
