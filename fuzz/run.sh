#!/usr/bin/env bash
# Runs every fuzz target for a fixed time (seconds, default 600) with a seed corpus.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-600}"
mkdir -p corpus/analyze corpus/segment corpus/jsonl corpus/dictionary
for f in ../examples/data/*.txt; do cp "$f" corpus/analyze/; cp "$f" corpus/segment/; done
if [ -d ../../shared/data/ud ]; then
  for f in ../../shared/data/ud/*-dev.conllu; do
    grep '^# text = ' "$f" | head -n 200 | sed 's/^# text = //' > "corpus/segment/$(basename "$f").txt"
    cp "corpus/segment/$(basename "$f").txt" corpus/analyze/
  done
fi
printf '{"id":"a","text":"Putin said."}\n{bad\n' > corpus/jsonl/seed.jsonl
printf 'id\ttype\tqid\tgender\ten\tpl\tru\tuk\tbe\tde\tfr\troles\nx\tperson\tQ1\tm\tJan Kowalski\tJan Kowalski\t\t\t\t\t\t\n' > corpus/dictionary/seed.tsv
for t in analyze segment jsonl dictionary; do
  echo "== $t ($secs s)"
  cargo +nightly fuzz run "$t" "corpus/$t" -- -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 2>&1 \
    | grep -E "^(#[0-9]+.*DONE|Done [0-9]+ runs|==[0-9]+== ERROR|SUMMARY)" || true
done
