"""The shipped type stubs match the native module, and everything public is documented."""

from __future__ import annotations

import ast
import importlib.util
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

import claimscope
import claimscope._claimscope as native

PKG = Path(claimscope.__file__).resolve().parent
STUB = PKG / "_claimscope.pyi"


def _stub_names() -> dict:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    out: dict = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            out[node.name] = {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
        elif isinstance(node, ast.FunctionDef):
            out[node.name] = set()
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out[node.target.id] = set()
    return out


def test_stub_and_py_typed_ship_with_the_package():
    assert STUB.exists() and (PKG / "py.typed").exists()


def test_stub_names_match_module():
    stub = _stub_names()
    public = {n for n in native.__all__}
    assert public <= set(stub), f"missing from the stub: {public - set(stub)}"
    for name, members in stub.items():
        if name.startswith("_") and name not in public:
            continue
        obj = getattr(native, name)
        if inspect.isclass(obj):
            runtime = {m for m in vars(obj) if not m.startswith("__")}
            assert runtime <= members, f"{name}: not in stub: {runtime - members}"
            assert {m for m in members if not m.startswith("__")} <= runtime, name


def test_everything_public_has_a_docstring():
    for name in claimscope.__all__:
        obj = getattr(claimscope, name)
        if inspect.isclass(obj) or callable(obj):
            assert obj.__doc__, f"claimscope.{name} has no docstring"
        if inspect.isclass(obj):
            for m, v in vars(obj).items():
                if not m.startswith("_") and (callable(v) or hasattr(v, "__get__")):
                    assert getattr(obj, m).__doc__ if not isinstance(getattr(obj, m), (str, int)) else True, f"{name}.{m}"
    import claimscope.dask as cd

    for name in cd.__all__:
        assert getattr(cd, name).__doc__


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed")
def test_stubtest(tmp_path):
    # Run from a directory without the source tree, so the installed package is checked.
    out = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "claimscope._claimscope", "--ignore-disjoint-bases"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "MYPY_CACHE_DIR": str(tmp_path / ".mypy_cache")},
    )
    assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed")
def test_mypy_on_package(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--ignore-missing-imports", "--no-error-summary", "-p", "claimscope"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "MYPY_CACHE_DIR": str(tmp_path / ".mypy_cache")},
    )
    assert out.returncode == 0, out.stdout + out.stderr
