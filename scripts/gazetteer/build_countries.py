#!/usr/bin/env python3
"""Build crates/claimscope/data/actors/countries.tsv.

Sources:
  * Unicode CLDR 48 territory names in en pl ru uk be de fr
    (../shared/data/names/cldr-48.2.0/territories.<lang>.json), Unicode License v3;
  * Wikidata QIDs from rigour 2.6.1 territories (OpenSanctions, MIT);
  * curated/countries.tsv: press short forms, blocs and macro-regions (hand-written, same schema).

Run from anywhere: python3 scripts/gazetteer/build_countries.py
"""
import csv
import json
import os
import re

from gazlib import (CURATED, DATA, LANGS, SHARED, apply_curated, read_tsv, slugify,
                    write_tsv)

# Keys we do not turn into actors (world, pseudo-locales, unknown, odd UN groupings, the UN itself (orgs.tsv)).
SKIP = {"001", "019", "021", "057", "QO", "XA", "XB", "ZZ", "UN", "053", "054", "061", "EA", "IC", "DG",
        "CP", "TA", "AC", "018", "BV", "HM", "UM", "CQ"}

# English slug overrides (ids follow ../shared/eval/ENTITIES.md style: English short name).
SLUG = {
    "CI": "ivory-coast", "CD": "dr-congo", "CG": "republic-of-the-congo", "HK": "hong-kong",
    "MO": "macau", "PS": "palestine", "TR": "turkey", "MM": "myanmar", "BA": "bosnia-and-herzegovina",
    "VA": "vatican", "CC": "cocos-islands", "FM": "micronesia", "TL": "east-timor", "CZ": "czech-republic",
    "SZ": "eswatini", "GB": "united-kingdom", "US": "united-states", "EU": "eu", "EZ": "eurozone",
    "KN": "saint-kitts-and-nevis", "LC": "saint-lucia", "VC": "saint-vincent-and-the-grenadines",
    "BL": "saint-barthelemy", "MF": "saint-martin", "PM": "saint-pierre-and-miquelon",
    "SH": "saint-helena", "ST": "sao-tome-and-principe", "AG": "antigua-and-barbuda",
    "TT": "trinidad-and-tobago", "TC": "turks-and-caicos-islands", "WF": "wallis-and-futuna",
    "SJ": "svalbard-and-jan-mayen", "GS": "south-georgia-and-the-south-sandwich-islands",
    "VG": "british-virgin-islands", "VI": "us-virgin-islands", "KP": "north-korea", "KR": "south-korea",
    "150": "europe", "002": "africa", "142": "asia", "003": "north-america", "005": "south-america",
    "009": "oceania", "AQ": "antarctica", "151": "eastern-europe", "155": "western-europe",
    "154": "northern-europe", "039": "southern-europe", "030": "east-asia", "034": "south-asia",
    "035": "southeast-asia", "143": "central-asia", "145": "western-asia", "419": "latin-america",
    "029": "caribbean", "202": "sub-saharan-africa", "011": "west-africa", "014": "east-africa",
    "015": "north-africa", "017": "central-africa", "018": "southern-africa", "013": "central-america",
}
# Continents' QIDs (rigour covers ISO territories only).
REGION_QID = {"150": "Q46", "002": "Q15", "142": "Q48", "003": "Q49", "005": "Q18", "AQ": "Q51",
              "419": "Q12585"}

RU_ABBR = [(r"\bо-ва\b", "острова"), (r"\bо-в\b", "остров"), (r"\bСв\.", "Святой")]


def clean(lang: str, name: str) -> str | None:
    """CLDR display names -> plain nominative press names (drop UI-only forms)."""
    if lang == "ru":
        for pat, rep in RU_ABBR:
            name = re.sub(pat, rep, name)
        # 'Бермудские острова' ok; 'остров Вознесения' ok.
    if lang == "ru":
        name = name.replace(" — ", "-")
    if "(" in name or " - " in name or " – " in name or "—" in name or "SAR" in name or "САР" in name:
        return None
    if name.endswith(".") or re.search(r"\b(Wlk|Bryt)\.|^(R|É)\.-", name):
        return None  # abbreviations such as 'Wlk. Bryt.', 'É.-U.', 'R.-U.'
    if lang == "en":
        name = name.replace(" & ", " and ").replace("St. ", "Saint ")
    return name.strip()


def main() -> None:
    names = {}
    for lang in LANGS:
        with open(os.path.join(SHARED, "cldr-48.2.0", f"territories.{lang}.json"), encoding="utf-8") as fh:
            names[lang] = json.load(fh)["main"][lang]["localeDisplayNames"]["territories"]
    qids = {}
    with open(os.path.join(SHARED, "rigour-2.6.1", "territories.tsv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            qids[r["code"].upper()] = r["qid"]
    keys = sorted(k for k in names["en"] if "-alt-" not in k and k not in SKIP)
    rows = []
    for key in keys:
        is_region = key.isdigit()
        en_main = names["en"][key]
        slug = SLUG.get(key) or slugify(clean("en", names["en"].get(f"{key}-alt-short", en_main)) or en_main)
        row = {"id": slug, "type": "gpe", "qid": REGION_QID.get(key) or qids.get(key, ""), "gender": "",
               "roles": ""}
        for lang in LANGS:
            loc = names[lang]
            cands = [loc.get(key), loc.get(f"{key}-alt-short"), loc.get(f"{key}-alt-variant")]
            out = []
            for c in cands:
                if not c:
                    continue
                c = clean(lang, c)
                if c and c not in out:
                    # CLDR lower-cases some regional names in ru/fr ('еврозона', 'zone euro'); keep as-is.
                    out.append(c)
            row[lang] = out
        rows.append(row)
    curated = read_tsv(os.path.join(CURATED, "countries.tsv"))
    rows = apply_curated(rows, curated)
    write_tsv(os.path.join(DATA, "countries.tsv"), rows, """
claimscope gazetteer: countries, territories, unions of states, continents, macro-regions and blocs.
GENERATED by scripts/gazetteer/build_countries.py from Unicode CLDR 48 territory names (Unicode License v3),
Wikidata QIDs via rigour 2.6.1 (MIT; Wikidata CC0) and scripts/gazetteer/curated/countries.tsv (hand-curated).
Edit the curated file and re-run the script rather than editing this file. Format: data/actors/README.md.""")
    print(f"countries.tsv: {len(rows)} rows")


if __name__ == "__main__":
    main()
