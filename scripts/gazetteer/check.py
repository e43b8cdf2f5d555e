#!/usr/bin/env python3
"""Validate crates/claimscope/data/actors/*.tsv and print counts.

Checks: header and column count, unique ids across files, id slug syntax, type/gender/QID syntax,
non-empty English display name, alias annotation syntax, role syntax, and aliases shared by two
actors in the same language (printed; listed in ALLOWED_SHARED when intended).
Exit status 1 on any error (warnings about shared aliases do not fail unless --strict).
Usage: python3 scripts/gazetteer/check.py [--strict] [--quiet]
"""
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "crates", "claimscope", "data", "actors"))
FILES = ["countries.tsv", "places.tsv", "orgs.tsv", "people.tsv"]
LANGS = ["en", "pl", "ru", "uk", "be", "de", "fr"]
COLUMNS = ["id", "type", "qid", "gender", *LANGS, "roles"]
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
ALIAS_RE = re.compile(r"^(~)?([^@|~\t]+?)((?:@(?:cs|indecl|noinfl))*)$")
ROLE_RE = re.compile(r"^[a-z][a-z0-9-]*@[a-z0-9-]+(?::(\d{4}(?:-\d{2}(?:-\d{2})?)?)?\.\.(\d{4}(?:-\d{2}(?:-\d{2})?)?)?)?$")
# Aliases knowingly shared by two actors (same surface, e.g. a city and its region); key: (lang, alias).
ALLOWED_SHARED = set()
ALLOWED_FILE = os.path.join(HERE, "shared_aliases.txt")
if os.path.exists(ALLOWED_FILE):
    with open(ALLOWED_FILE, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                lang, alias = line.split("\t", 1)
                ALLOWED_SHARED.add((lang, alias))


def main() -> int:
    strict = "--strict" in sys.argv
    quiet = "--quiet" in sys.argv
    errors: list[str] = []
    ids: dict[str, str] = {}
    alias_owner: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    counts = collections.Counter()
    lang_counts = collections.Counter()
    role_targets: list[tuple[str, str]] = []
    alias_counts = collections.Counter()
    for fname in FILES:
        path = os.path.join(DATA, fname)
        if not os.path.exists(path):
            errors.append(f"{fname}: missing")
            continue
        header = None
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                line = line.rstrip("\n")
                where = f"{fname}:{n}"
                if line.endswith("\r"):
                    errors.append(f"{where}: CR line ending")
                if not line.strip() or line.startswith("#"):
                    continue
                cells = line.split("\t")
                if header is None:
                    header = cells
                    if header != COLUMNS:
                        errors.append(f"{where}: header {header} != {COLUMNS}")
                    continue
                if len(cells) != len(COLUMNS):
                    errors.append(f"{where}: {len(cells)} columns, expected {len(COLUMNS)}")
                    continue
                row = dict(zip(COLUMNS, cells))
                rid = row["id"]
                if not ID_RE.match(rid):
                    errors.append(f"{where}: bad id {rid!r}")
                if rid in ids:
                    errors.append(f"{where}: duplicate id {rid!r} (also in {ids[rid]})")
                ids[rid] = where
                if row["type"] not in ("person", "org", "gpe"):
                    errors.append(f"{where}: bad type {row['type']!r}")
                if row["qid"] and not QID_RE.match(row["qid"]):
                    errors.append(f"{where}: bad QID {row['qid']!r}")
                if row["type"] == "person":
                    if row["gender"] not in ("m", "f"):
                        errors.append(f"{where}: person {rid} needs gender m/f")
                elif row["gender"]:
                    errors.append(f"{where}: gender on non-person {rid}")
                en = [a.strip() for a in row["en"].split("|") if a.strip()]
                if not en or en[0].startswith("~"):
                    errors.append(f"{where}: {rid} has no English display name")
                for lang in LANGS:
                    cell = row[lang]
                    if cell != cell.strip():
                        errors.append(f"{where}: {lang} cell has outer spaces")
                    if not cell:
                        continue
                    parts = cell.split(" | ")
                    if any(p != p.strip() or not p for p in parts) or "||" in cell:
                        errors.append(f"{where}: {lang} aliases badly separated: {cell!r}")
                    seen = set()
                    folded = collections.Counter(
                        (p.startswith("~"), p.lstrip("~").split("@")[0].lower()) for p in parts)
                    for (form, f), n in folded.items():
                        if n > 1:
                            errors.append(f"{where}: {lang} has {n} aliases spelled {f!r} up to case "
                                          "(keep one; the engine keys patterns by the case-folded form)")
                    for p in parts:
                        m = ALIAS_RE.match(p.strip())
                        if not m:
                            errors.append(f"{where}: {lang} bad alias {p!r}")
                            continue
                        bare = m.group(2)
                        if "  " in bare or bare != bare.strip():
                            errors.append(f"{where}: {lang} alias whitespace {p!r}")
                        if p in seen:
                            errors.append(f"{where}: {lang} alias repeated {p!r}")
                        seen.add(p)
                        alias_counts[lang] += 1
                        key = bare.lower()
                        alias_owner[(lang, key)].append(rid)
                    lang_counts[(row["type"], lang)] += 1
                for role in filter(None, row["roles"].split(";")):
                    if not ROLE_RE.match(role.strip()):
                        errors.append(f"{where}: bad role {role!r}")
                    else:
                        role_targets.append((where, role.split("@", 1)[1].split(":", 1)[0]))
                counts[(fname, row["type"])] += 1
    # Role targets should be actors in the gazetteer (warning only).
    missing_targets = sorted({t for _, t in role_targets if t not in ids})
    shared = [(k, sorted(set(v))) for k, v in alias_owner.items() if len(set(v)) > 1]
    unexpected = [(k, v) for k, v in shared if k not in ALLOWED_SHARED]
    if not quiet:
        print("rows per file/type:")
        for (f, t), c in sorted(counts.items()):
            print(f"  {f:15s} {t:7s} {c}")
        print("rows with a name, per type and language:")
        types = sorted({t for (t, _) in lang_counts})
        print("  " + "type".ljust(8) + "".join(l.rjust(7) for l in LANGS))
        for t in types:
            print("  " + t.ljust(8) + "".join(str(lang_counts[(t, l)]).rjust(7) for l in LANGS))
        print("aliases per language: " + ", ".join(f"{l} {alias_counts[l]}" for l in LANGS))
        print(f"total actors: {len(ids)}")
    if unexpected:
        print(f"aliases shared by several actors ({len(unexpected)}; add to shared_aliases.txt if intended):")
        for (lang, alias), owners in sorted(unexpected):
            print(f"  {lang}\t{alias}\t{', '.join(owners)}")
    if missing_targets:
        print(f"role targets that are not actors ({len(missing_targets)}): {', '.join(missing_targets)}")
    for e in errors:
        print("ERROR", e)
    if errors or (strict and unexpected):
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
