"""Shared helpers for the claimscope gazetteer generators (read/merge/write actor TSV files).

Schema (see crates/claimscope/data/actors/README.md):
    id  type  qid  gender  en  pl  ru  uk  be  de  fr  roles
Aliases inside a language cell are separated by " | ".
"""
from __future__ import annotations

import csv
import os
import re
import sys

LANGS = ["en", "pl", "ru", "uk", "be", "de", "fr"]
COLUMNS = ["id", "type", "qid", "gender", *LANGS, "roles"]
ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "names"))
if not os.path.isdir(SHARED):
    SHARED = "/work/shared/data/names"
DATA = os.path.join(ROOT, "crates", "claimscope", "data", "actors")
CURATED = os.path.join(os.path.dirname(__file__), "curated")

SEP = " | "


def split_aliases(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def read_tsv(path: str) -> list[dict]:
    """Read an actor TSV (comments '#', header line) into dicts; lists for language cells."""
    rows = []
    header = None
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                if header != COLUMNS:
                    sys.exit(f"{path}:{lineno}: bad header {header}")
                continue
            if len(cells) < len(COLUMNS):
                cells += [""] * (len(COLUMNS) - len(cells))
            if len(cells) != len(COLUMNS):
                sys.exit(f"{path}:{lineno}: {len(cells)} columns, expected {len(COLUMNS)}")
            row = dict(zip(COLUMNS, cells))
            for lang in LANGS:
                row[lang] = split_aliases(row[lang])
            row["_line"] = lineno
            rows.append(row)
    return rows


def _bare(alias: str) -> str:
    return re.sub(r"@(cs|indecl|noinfl)$", "", alias)


def add_variants(lang: str, aliases: list[str]) -> list[str]:
    """Spelling variants the press uses: apostrophes (’ ʼ '), Russian/Belarusian ё→е."""
    out: list[str] = []
    for a in aliases:
        cands = [a]
        if "ʼ" in a:
            cands += [a.replace("ʼ", "’"), a.replace("ʼ", "'")]
        elif "’" in a:
            cands += [a.replace("’", "'")]
            if lang == "uk":
                cands.append(a.replace("’", "ʼ"))
        if lang in ("ru", "be") and ("ё" in a or "Ё" in a):
            cands += [c.replace("ё", "е").replace("Ё", "Е") for c in list(cands)]
        for c in cands:
            if c not in out and not (c != a and c + "@cs" in aliases):
                out.append(c)
    return out


def merge(base: dict, over: dict) -> dict:
    """Curated row over a generated one: curated aliases first (display name), '-alias' removes."""
    row = dict(base)
    for col in ("type", "qid", "gender", "roles"):
        if over.get(col):
            row[col] = over[col]
    for lang in LANGS:
        removes = {a[1:] for a in over[lang] if a.startswith("-")}
        adds = [a for a in over[lang] if not a.startswith("-") and not a.startswith("~")]
        forms = [a for a in over[lang] if a.startswith("~")]
        keep = [a for a in adds + base[lang] + forms if a not in removes and _bare(a) not in removes]
        seen: list[str] = []
        for a in keep:
            if a not in seen and _bare(a) not in [_bare(s) for s in seen]:
                seen.append(a)
        row[lang] = seen
    return row


def apply_curated(rows: list[dict], curated: list[dict]) -> list[dict]:
    index = {r["id"]: i for i, r in enumerate(rows)}
    for c in curated:
        if c["id"].startswith("-"):
            rid = c["id"][1:]
            if rid in index:
                rows[index[rid]] = None  # type: ignore[call-overload]
            continue
        if c["id"] in index:
            rows[index[c["id"]]] = merge(rows[index[c["id"]]], c)
        else:
            index[c["id"]] = len(rows)
            rows.append(c)
    return [r for r in rows if r is not None]


def dedupe_case(aliases: list[str]) -> list[str]:
    """Keep one alias per case-folded spelling (the engine keys its patterns by the folded form, so
    `Росія` + `росія@cs` would make the capitalized one case-sensitive too). A case-insensitive alias
    wins over @cs variants; among @cs variants the one with the most capitals (the acronym) wins."""
    groups: dict[tuple, list[str]] = {}
    for a in aliases:
        key = (a.startswith("~"), _bare(a.lstrip("~")).lower())
        groups.setdefault(key, []).append(a)
    out = []
    for group in groups.values():
        if len(group) == 1:
            out.append(group[0])
            continue
        plain = [a for a in group if "@cs" not in a]
        out.append(plain[0] if plain else max(group, key=lambda a: sum(ch.isupper() for ch in a)))
    return out


def write_tsv(path: str, rows: list[dict], header_comment: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        for line in header_comment.strip().splitlines():
            fh.write("# " + line + "\n" if not line.startswith("#") else line + "\n")
        fh.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            cells = []
            for col in COLUMNS:
                v = r.get(col, "")
                if col in LANGS:
                    v = SEP.join(dedupe_case(add_variants(col, v)))
                cells.append(v or "")
            fh.write("\t".join(cells) + "\n")


def slugify(name: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = s.replace("&", "and")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s
