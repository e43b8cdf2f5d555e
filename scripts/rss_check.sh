#!/usr/bin/env bash
# Memory and record-accounting check of the release CLI at corpus scale.
#
# Generates a JSON Lines corpus of at least RSS_CHECK_GB gigabytes (default 1)
# in $TMPDIR (default /tmp) from the seed texts, with 1 % bad lines (malformed
# JSON, invalid UTF-8, missing "text", in turn), streams it through
# `target/release/claimscope extract` under `/usr/bin/time -v`, and prints the
# peak RSS (target: <= 300 MB) and the input and output line counts (must be
# equal: one output record per input record).
#
# Not run in CI (it takes minutes). Installs nothing: it checks for what it
# needs and says how to get it. Usage, from the repository root:
#
#     cargo build --release -p claimscope-batch
#     scripts/rss_check.sh            # 1 GB, all cores
#     RSS_CHECK_GB=2 RSS_CHECK_THREADS=1 scripts/rss_check.sh
#
# The corpus is kept between runs (delete it with RSS_CHECK_CLEAN=1).
set -euo pipefail

cd "$(dirname "$0")/.."
GB="${RSS_CHECK_GB:-1}"
THREADS="${RSS_CHECK_THREADS:-0}"
TMP="${TMPDIR:-/tmp}"
CORPUS="$TMP/claimscope-rss-${GB}g.jsonl"
BIN=target/release/claimscope
LIMIT_MB=300

if [ ! -x /usr/bin/time ]; then
    echo "rss_check: /usr/bin/time (GNU time) is missing; install it, e.g. 'sudo apt-get install time'" >&2
    exit 2
fi
if ! command -v python3 >/dev/null; then
    echo "rss_check: python3 is needed to generate the corpus" >&2
    exit 2
fi
if [ ! -x "$BIN" ]; then
    echo "rss_check: $BIN is missing; build it with 'cargo build --release -p claimscope-batch'" >&2
    exit 2
fi

if [ ! -s "$CORPUS" ]; then
    echo "rss_check: generating $CORPUS (${GB} GB, 1 % bad lines)..." >&2
    python3 - "$CORPUS" "$GB" <<'PY'
import glob, json, os, sys
path, gb = sys.argv[1], float(sys.argv[2])
target = int(gb * (1 << 30))
texts = []
for f in sorted(glob.glob("examples/data/*.txt")):
    texts.append(open(f, encoding="utf-8").read())
for f in sorted(glob.glob("../shared/eval/gold/*.json")):
    try:
        texts.append(json.load(open(f, encoding="utf-8"))["text"])
    except (OSError, ValueError, KeyError):
        pass
if not texts:
    sys.exit("rss_check: no seed texts found")
bad = [
    b'{"id": "bad-json", "text": "unterminated\n',
    b'{"id": "bad-utf8", "text": "caf\xc3\x28 \xff\xfe"}\n',
    b'{"id": "no-text", "title": "nothing to analyze"}\n',
]
written = 0
n = 0
with open(path + ".part", "wb", buffering=1 << 20) as out:
    while written < target:
        if n % 100 == 99:
            line = bad[(n // 100) % len(bad)]
        else:
            t = texts[n % len(texts)]
            line = (json.dumps({"id": f"doc{n}", "text": t}, ensure_ascii=False) + "\n").encode()
        out.write(line)
        written += len(line)
        n += 1
os.replace(path + ".part", path)
print(f"rss_check: {n} lines, {written / 1e9:.2f} GB", file=sys.stderr)
PY
fi

IN_LINES=$(wc -l < "$CORPUS")
IN_BYTES=$(stat -c %s "$CORPUS")
LOG=$(mktemp "$TMP/claimscope-rss-time.XXXXXX")
echo "rss_check: streaming $CORPUS through $BIN (threads: $THREADS)..." >&2
set +e
OUT_LINES=$( { /usr/bin/time -v -o "$LOG" "$BIN" extract --threads "$THREADS" --quiet "$CORPUS"; } | wc -l)
set -e
STATUS=$(sed -n 's/.*Exit status: //p' "$LOG")
RSS_KB=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$LOG")
WALL=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$LOG")
SECS=$(echo "$WALL" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
RSS_MB=$((RSS_KB / 1024))
MBPS=$(awk -v b="$IN_BYTES" -v s="$SECS" 'BEGIN { printf "%.1f", b / 1e6 / (s > 0 ? s : 1) }')

echo "input:    $IN_LINES lines, $((IN_BYTES / 1000000)) MB"
echo "output:   $OUT_LINES lines (exit status $STATUS: 1 = some records failed, as expected)"
echo "time:     $WALL wall, $MBPS MB/s"
echo "peak RSS: $RSS_MB MB (target <= $LIMIT_MB MB)"
rm -f "$LOG"
[ "${RSS_CHECK_CLEAN:-0}" = 1 ] && rm -f "$CORPUS"

ok=1
if [ "$IN_LINES" != "$OUT_LINES" ]; then
    echo "FAIL: output line count differs from input" >&2
    ok=0
fi
if [ "$RSS_MB" -gt "$LIMIT_MB" ]; then
    echo "FAIL: peak RSS above $LIMIT_MB MB" >&2
    ok=0
fi
[ $ok = 1 ] && echo "OK"
[ $ok = 1 ]
