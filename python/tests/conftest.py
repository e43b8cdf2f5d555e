"""Shared fixtures: analyzers, seed texts, and documents with hand-made annotations."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

import pytest

import claimscope

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
sys.path.insert(0, str(EXAMPLES))

TEXTS = [
    "Pieskow zaprzeczył, że Putin chce wojny.",
    "Łukaszenko powiedział: „Białoruś nie przystąpi do wojny” 😀.",
    "Песков заявил, что переговоры зашли в тупик.",
    "Зеленський заявив, що Україна не віддасть землі 🇺🇦.",
    'Putin said that "the talks failed" on Sunday.',
    "",
    "👩‍👩‍👧 ÅÉÎ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 — ﬁ ß İ",
]


@pytest.fixture(scope="session")
def analyzer() -> claimscope.Analyzer:
    return claimscope.Analyzer()


@pytest.fixture(scope="session")
def seed_texts() -> List[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((EXAMPLES / "data").glob("*.txt"))]


def _b(text: str, i: int) -> int:
    """Code point index -> UTF-8 byte offset."""
    return len(text[:i].encode("utf-8"))


def _span(text: str, s: int, e: int) -> dict:
    return {"start": _b(text, s), "end": _b(text, e)}


def annotate(
    analyzer: claimscope.Analyzer,
    text: str,
    actors: Sequence[Tuple[str, str, str, Sequence[Tuple[int, int]]]] = (),
    claims: Sequence[Tuple[Optional[Tuple[int, int, Optional[str]]], Optional[Tuple[int, int]], Tuple[int, int], str]] = (),
    id: str = "t",
) -> claimscope.Document:
    """A real analyzed document with actors and claims added by hand (code-point offsets).

    The core's actor and claim stages are developed in parallel; this lets the
    Python layer (tables, HTML, pickling) be tested on annotated documents now.
    actors: (id, name, type, [(start, end), ...]);
    claims: ((speaker start, end, actor) | None, (cue start, end) | None, (content start, end), kind).
    """
    doc = analyzer.analyze(text, id=id)
    _, (state,) = doc.__reduce__()
    d = json.loads(state)
    d["actors"] = [
        {
            "id": aid,
            "name": name,
            "type": typ,
            "qid": None,
            "known": True,
            "mentions": [{"span": _span(text, s, e), "role": None} for s, e in ms],
        }
        for aid, name, typ, ms in actors
    ]
    d["claims"] = [
        {
            "speaker": None
            if sp is None
            else {"span": _span(text, sp[0], sp[1]), "actor": sp[2]},
            "cue": None if cue is None else _span(text, *cue),
            "content": _span(text, *content),
            "kind": kind,
            "rule": "test",
            "about": [],
        }
        for sp, cue, content, kind in claims
    ]
    return claimscope.Document._from_state(json.dumps(d).encode())


def find(text: str, sub: str) -> Tuple[int, int]:
    i = text.index(sub)
    return i, i + len(sub)


@pytest.fixture()
def annotated(analyzer: claimscope.Analyzer) -> claimscope.Document:
    text = "Pieskow zaprzeczył, że Putin <script>alert(1)</script> chce wojny & pokoju 😀."
    pes, put = find(text, "Pieskow"), find(text, "Putin")
    return annotate(
        analyzer,
        text,
        actors=[
            ("peskov", "Dmitry Peskov", "person", [pes]),
            ("putin", "Vladimir Putin", "person", [put]),
        ],
        claims=[((pes[0], pes[1], "peskov"), find(text, "zaprzeczył"), (23, len(text) - 1), "indirect")],
    )
