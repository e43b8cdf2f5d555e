"""The README's Python quickstart runs as written."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT


def python_blocks() -> list:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"^## Python\n(.*?)(?=^## )", text, flags=re.M | re.S)
    assert m, "README.md has no '## Python' section"
    return re.findall(r"```python\n(.*?)```", m.group(1), flags=re.S)


def test_readme_quickstart_runs(tmp_path):
    blocks = python_blocks()
    assert blocks
    for code in blocks:
        # a fresh interpreter in an empty directory: only the installed package is used
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120
        )
        assert out.returncode == 0, out.stderr
        assert "['en', 'ru']" in out.stdout
