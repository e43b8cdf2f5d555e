#!/usr/bin/env bash
# Runs every test of the project: Rust (unit, integration, doc) and Python.
# This is the README's test command; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --all-targets
cargo test --workspace --doc
