#!/usr/bin/env python3
"""Normalize hand-curated actor TSV files in place: add the press spelling variants the generators add
(apostrophes ’/ʼ/', Russian/Belarusian ё→е), drop repeated aliases, keep comments at the top.

Usage: python3 scripts/gazetteer/normalize.py crates/claimscope/data/actors/orgs.tsv [...]
"""
import sys

from gazlib import read_tsv, write_tsv


def main() -> None:
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as fh:
            comments = []
            for line in fh:
                if line.startswith("#"):
                    comments.append(line.rstrip("\n"))
                elif line.strip():
                    break
        rows = read_tsv(path)
        for r in rows:
            for k, v in list(r.items()):
                if isinstance(v, str):
                    r[k] = v.strip()
        write_tsv(path, rows, "\n".join(comments))
        print(f"{path}: {len(rows)} rows")


if __name__ == "__main__":
    main()
