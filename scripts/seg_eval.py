#!/usr/bin/env python3
"""Token and sentence F1 of `claimscope segment` on the UD treebanks.

For each treebank: writes the raw text with ../shared/eval/segmentation.py,
runs `target/release/claimscope segment --lang XX` on it, scores the
prediction with the same script and prints one table, with the best rule-based
peer and the published trained systems beside our figures.

    python3 scripts/seg_eval.py                 # test files, all six treebanks
    python3 scripts/seg_eval.py --split dev     # tune on dev
    python3 scripts/seg_eval.py --only pl_pdb --errors 30

Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("CLAIMSCOPE_SHARED", os.path.join(ROOT, "..", "shared"))
SCORER = os.path.join(SHARED, "eval", "segmentation.py")
UD = os.path.join(SHARED, "data", "ud")

TREEBANKS = [("en_ewt", "en"), ("pl_pdb", "pl"), ("ru_gsd", "ru"), ("uk_iu", "uk"),
             ("be_hse", "be"), ("de_gsd", "de")]
# Best rule-based peer measured on the test files (issue "Foundation"), and the
# published trained systems (Stanza / Trankit / UDPipe 2).
PEER_TOK = {"en_ewt": 97.6, "pl_pdb": 99.7, "ru_gsd": 94.7, "uk_iu": 98.7}
PEER_SENT = {"en_ewt": 83.8, "pl_pdb": 93.0, "ru_gsd": 93.6, "uk_iu": 93.9}
TRAINED_TOK = {"en_ewt": 99.2, "pl_pdb": 99.9, "ru_gsd": 99.8, "uk_iu": 99.8}
TRAINED_SENT = {"en_ewt": 90.5, "pl_pdb": 98.7, "ru_gsd": 99.3, "uk_iu": 97.7}


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, text=True, **kw)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="test", choices=["test", "dev"])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "claimscope"))
    ap.add_argument("--only", help="comma-separated treebank names (e.g. pl_pdb,uk_iu)")
    ap.add_argument("--errors", type=int, default=0, help="print N missed/spurious spans")
    args = ap.parse_args()
    if not os.path.exists(args.bin):
        print("error: %s not found; run `cargo build --release` first" % args.bin, file=sys.stderr)
        return 2
    only = set(args.only.split(",")) if args.only else None
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for tb, lang in TREEBANKS:
            if only and tb not in only:
                continue
            conllu = os.path.join(UD, "%s-ud-%s.conllu" % (tb, args.split))
            if not os.path.exists(conllu):
                print("skip %s: %s missing" % (tb, conllu), file=sys.stderr)
                continue
            txt = os.path.join(tmp, tb + ".txt")
            pred = os.path.join(tmp, tb + ".json")
            run([sys.executable, SCORER, "--conllu", conllu, "--write-text", txt, "--quiet"])
            with open(pred, "w", encoding="utf-8") as out:
                run([args.bin, "segment", "--lang", lang, txt], stdout=out)
            res = json.loads(run([sys.executable, SCORER, "--conllu", conllu, "--pred", pred,
                                  "--json", "--quiet"], capture_output=True).stdout)
            tok = res.get("tokens_mwt_split_ok", res["tokens"])["f1"] * 100
            rows.append((tb, res["tokens"]["f1"] * 100, tok, res["sentences"]["f1"] * 100))
            if args.errors:
                out = run([sys.executable, SCORER, "--conllu", conllu, "--pred", pred,
                           "--errors", str(args.errors), "--quiet"], capture_output=True).stdout
                print("== %s\n%s" % (tb, out))

    def fmt(v):
        return "%5.1f" % v if v is not None else "    -"

    print("split: %s   (tokens_mwt = row tokens_mwt_split_ok; peer = best rule-based tool; "
          "trained = Stanza/Trankit/UDPipe 2)" % args.split)
    print("%-8s %7s %10s %6s %8s %8s %6s %8s" % ("treebank", "tokens", "tokens_mwt", "peer",
                                                 "trained", "sent", "peer", "trained"))
    for tb, t_exact, t_mwt, s in rows:
        print("%-8s %7.2f %10.2f %6s %8s %8.2f %6s %8s" % (
            tb, t_exact, t_mwt, fmt(PEER_TOK.get(tb)), fmt(TRAINED_TOK.get(tb)), s,
            fmt(PEER_SENT.get(tb)), fmt(TRAINED_SENT.get(tb))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
