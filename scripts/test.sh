#!/usr/bin/env bash
# Runs every test of the project: Rust (unit, integration, doc) and Python.
# This is the README's test command; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --all-targets
cargo test --workspace --doc

# Python: a virtual environment under target/ (kept between runs, so only the
# first run downloads the test dependencies), `pip install .[test]` (maturin
# builds the release abi3 extension; cargo reuses target/ between runs), then
# pytest. PYTHON picks the interpreter (default python3); CLAIMSCOPE_SKIP_SPARK=1
# skips installing PySpark (its test is then skipped).
PYTHON="${PYTHON:-python3}"
VENV="target/py-venv"
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV" || { rm -rf "$VENV"; echo "python venv unavailable: using $PYTHON" >&2; }
fi
if [ -x "$VENV/bin/python" ]; then PY="$VENV/bin/python"; else PY="$PYTHON"; fi
"$PY" -m pip install --quiet --disable-pip-version-check ".[test]"
if [ "${CLAIMSCOPE_SKIP_SPARK:-0}" != "1" ] && command -v java >/dev/null 2>&1; then
    "$PY" -m pip install --quiet --disable-pip-version-check pyspark \
        || echo "pyspark did not install: the Spark test will be skipped" >&2
fi
"$PY" -m pytest -q -p no:cacheprovider python/tests
