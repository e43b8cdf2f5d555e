#!/usr/bin/env bash
# Prints, in one run, the throughput of claimscope's tokenizer and of a pure
# memchr byte scan over the same bytes (the UD corpus), and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench -p claimscope-benches --bench tokenize_vs_memchr -- "$@"
