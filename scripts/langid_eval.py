#!/usr/bin/env python3
"""Language identification accuracy of claimscope.

Two sets:
* documents: the dev gold documents ../shared/eval/gold/*.json (field "lang");
* sentences: UD *test* sentences of at least 40 characters, per treebank
  (en_ewt, pl_pdb, ru_gsd, uk_iu, be_hse, de_gsd; there is no French UD file
  in ../shared/data/ud, so French is not measured on sentences).

Each text is sent without a language to `target/release/claimscope extract -`
as JSON Lines, and the detected "lang" is compared with the truth.

    python3 scripts/langid_eval.py [--bin PATH] [--dump FILE] [--errors N]

--dump writes the sentences and documents as JSON Lines {"text","lang","set"}
(used to compare detectors outside the repository). Standard library only.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("CLAIMSCOPE_SHARED", os.path.join(ROOT, "..", "shared"))
UD = os.path.join(SHARED, "data", "ud")
GOLD = os.path.join(SHARED, "eval", "gold")
TREEBANKS = [("en_ewt", "en"), ("pl_pdb", "pl"), ("ru_gsd", "ru"), ("uk_iu", "uk"),
             ("be_hse", "be"), ("de_gsd", "de")]
MIN_CHARS = 40


def ud_sentences(path: str):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# text"):
                body = line.split("=", 1)[1].strip() if "=" in line else ""
                if len(body) >= MIN_CHARS:
                    yield body


def detect(binary: str, texts: list[str]) -> list[str]:
    inp = "".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n"
                  for i, t in enumerate(texts))
    out = subprocess.run([binary, "extract", "-"], input=inp, capture_output=True,
                         text=True, check=False)
    langs = []
    for line in out.stdout.splitlines():
        if line.strip():
            langs.append(json.loads(line).get("lang", "error"))
    if len(langs) != len(texts):
        raise SystemExit("error: %d results for %d texts\n%s" % (len(langs), len(texts),
                                                                 out.stderr[-2000:]))
    return langs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "claimscope"))
    ap.add_argument("--dump", metavar="FILE")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print up to N misdetected sentences per language")
    args = ap.parse_args()

    items = []  # (set, truth, text)
    for path in sorted(glob.glob(os.path.join(GOLD, "*.json"))):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        items.append(("documents", d["lang"], d["text"]))
    for tb, lang in TREEBANKS:
        path = os.path.join(UD, "%s-ud-test.conllu" % tb)
        if os.path.exists(path):
            items.extend(("sentences", lang, t) for t in ud_sentences(path))
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for s, lang, text in items:
                f.write(json.dumps({"set": s, "lang": lang, "text": text}, ensure_ascii=False) + "\n")
    if not os.path.exists(args.bin):
        print("error: %s not found; run `cargo build --release` first" % args.bin, file=sys.stderr)
        return 2
    got = detect(args.bin, [t for _, _, t in items])

    total = defaultdict(Counter)
    confusion = defaultdict(Counter)
    errors = defaultdict(list)
    for (s, lang, text), g in zip(items, got):
        total[(s, lang)]["n"] += 1
        total[(s, lang)]["ok"] += g == lang
        if g != lang:
            confusion[(s, lang)][g] += 1
            errors[(s, lang)].append((g, text))
    print("%-10s %-4s %6s %8s  %s" % ("set", "lang", "n", "accuracy", "confused with"))
    for key in sorted(total, key=lambda k: (k[0], [l for _, l in TREEBANKS].index(k[1])
                                            if k[1] in dict((l, 0) for _, l in TREEBANKS) else 9)):
        c = total[key]
        conf = ", ".join("%s %d" % kv for kv in confusion[key].most_common(4))
        print("%-10s %-4s %6d %7.2f%%  %s" % (key[0], key[1], c["n"], 100.0 * c["ok"] / c["n"], conf))
    docs = [c for (s, _), c in total.items() if s == "documents"]
    n, ok = sum(c["n"] for c in docs), sum(c["ok"] for c in docs)
    print("documents overall: %d/%d = %.2f%%" % (ok, n, 100.0 * ok / n if n else 0))
    print("(no French UD treebank in %s: French is not measured on sentences)" % UD)
    if args.errors:
        for key, errs in sorted(errors.items()):
            print("== %s %s" % key)
            for g, t in errs[:args.errors]:
                print("  -> %s: %s" % (g, t[:120]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
