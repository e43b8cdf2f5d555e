#!/usr/bin/env bash
# A profile-guided optimization (PGO) build of claimscope's command line.
#
#   scripts/pgo.sh [CARGO_BUILD_ARGS...]
#
# builds `claimscope` (and whatever CARGO_BUILD_ARGS add, e.g. `-p
# claimscope-benches --example stages`) twice in release mode: first
# instrumented, to run `claimscope extract --threads 1` on a training text and
# record which code is hot, then with that profile. The result is in
# target/pgo/use/release (target/pgo/use/release/claimscope). Its output is the
# same as a plain release build's; only its speed differs.
#
# The two builds are one and the same cargo invocation but for the flags: with
# another set of packages, the library can be compiled with other symbol
# hashes, and the profile then matches nothing (a stage timer built with the
# profile of a command-line-only build ran no faster than a plain build).
# PGO_TARGET_DIR (default target/pgo) holds both builds and the profile;
# RUSTFLAGS, if set, are kept.
#
# The training text is the `# text =` lines of the Universal Dependencies dev
# and test files in ../shared/data/ud (en, pl, ru, uk, be, de; read at build
# time, not part of this repository), cut into news-length documents, or the
# files named in PGO_TRAIN (as `claimscope extract` reads them). It is not the
# text benches/peers reports on (the English seed and dev texts).
#
# Needs `llvm-profdata` of the toolchain's LLVM: the rustup component
# llvm-tools (installed here when rustup is present).
set -euo pipefail
cd "$(dirname "$0")/.."

PGO_DIR="${PGO_TARGET_DIR:-target/pgo}"
case "$PGO_DIR" in
/*) ;;
*) PGO_DIR="$PWD/$PGO_DIR" ;;
esac
PROFILE="$PGO_DIR/claimscope.profdata"
RAW=""
trap '[ -z "$RAW" ] || rm -rf "$RAW"' EXIT

die() {
    echo "pgo: $*" >&2
    exit 2
}

profdata_tool() {
    local host sysroot tool
    host="$(rustc -vV | sed -n 's/^host: //p')"
    sysroot="$(rustc --print sysroot)"
    tool="$sysroot/lib/rustlib/$host/bin/llvm-profdata"
    if [ ! -x "$tool" ]; then
        command -v rustup >/dev/null || die "llvm-profdata not found at $tool, and no rustup to install llvm-tools"
        echo "pgo: installing the rustup component llvm-tools" >&2
        rustup component add llvm-tools >&2 || die "could not install llvm-tools (rustup component add llvm-tools)"
    fi
    [ -x "$tool" ] || die "llvm-profdata not found at $tool after installing llvm-tools"
    echo "$tool"
}

# News-length documents (about 2 KB, cut between sentences) from the UD text,
# as JSON lines (languages left to the detector).
training_text() {
    local out="$1"
    python3 - "$out" <<'EOF'
import glob, json, os, sys
ud = os.path.join("..", "shared", "data", "ud")
files = sorted(glob.glob(os.path.join(ud, "*-ud-dev.conllu")) + glob.glob(os.path.join(ud, "*-ud-test.conllu")))
if not files:
    sys.exit(f"pgo: no UD files in {ud}; set PGO_TRAIN to the training files")
n = 0
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for f in files:
        lang = os.path.basename(f).split("_")[0]
        doc, k = "", 0
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                if not line.startswith("# text = "):
                    continue
                doc += line[len("# text = "):].rstrip("\n")
                k += 1
                doc += "\n\n" if k % 6 == 0 else " "
                if len(doc.encode("utf-8")) >= 2000:
                    out.write(json.dumps({"id": f"{lang}{n}", "text": doc}, ensure_ascii=False) + "\n")
                    n += 1
                    doc = ""
        if doc.strip():
            out.write(json.dumps({"id": f"{lang}{n}", "text": doc}, ensure_ascii=False) + "\n")
            n += 1
print(f"pgo: training text: {n} documents from {len(files)} UD files", file=sys.stderr)
EOF
}

ARGS=(-p claimscope-batch --bin claimscope "$@")
TOOL="$(profdata_tool)"
RAW="$(mktemp -d "${TMPDIR:-/tmp}/claimscope-pgo.XXXXXX")"

echo "pgo: instrumented build: cargo build --release ${ARGS[*]}" >&2
RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-generate=$RAW/prof" \
    cargo build --quiet --release --target-dir "$PGO_DIR/gen" "${ARGS[@]}"
if [ -n "${PGO_TRAIN:-}" ]; then
    # shellcheck disable=SC2206
    TRAIN=($PGO_TRAIN)
else
    training_text "$RAW/train.jsonl"
    TRAIN=("$RAW/train.jsonl")
fi
echo "pgo: training run: claimscope extract --threads 1 ${TRAIN[*]}" >&2
# Exit status 1 (some records failed) still leaves a profile of the rest.
status=0
"$PGO_DIR/gen/release/claimscope" extract --threads 1 "${TRAIN[@]}" >/dev/null || status=$?
[ "$status" -le 1 ] || die "the training run failed (exit status $status)"
mkdir -p "$PGO_DIR"
"$TOOL" merge -o "$PROFILE" "$RAW/prof"
echo "pgo: profile written to $PROFILE; optimized build" >&2
RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-use=$PROFILE" \
    cargo build --quiet --release --target-dir "$PGO_DIR/use" "${ARGS[@]}"
echo "pgo: built in $PGO_DIR/use/release" >&2
