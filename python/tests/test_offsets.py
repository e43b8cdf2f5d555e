"""Offsets are Python string indices: ``doc.text[s.start:s.end] == s.text`` on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import claimscope
from conftest import TEXTS, annotate

ANALYZER = claimscope.Analyzer()

# Polish, Cyrillic (ru/uk/be), emoji with modifiers and joiners, punctuation, spaces, CJK, astral.
ALPHABET = st.sampled_from(
    list("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ abcXYZ")
    + list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяІЇЄҐіїєґўЎ")
    + ["😀", "👍🏽", "👩‍👩‍👧", "🇺🇦", "\u200d", "\u00ad", "𝔘", "中", "ß", "İ", "ﬁ"]
    + list(".,!?:;—–-«»„”\"'()\n\t 0123456789")
)
TEXT = st.lists(ALPHABET, max_size=120).map("".join)


def check(doc: claimscope.Document) -> None:
    t = doc.text
    for tok in doc.tokens:
        assert 0 <= tok.start <= tok.end <= len(t)
        assert t[tok.start : tok.end] == tok.text
    for s in doc.sentences:
        assert t[s.start : s.end] == s.text
    for a in doc.actors:
        for m in a.mentions:
            assert t[m.start : m.end] == m.text
            if m.role is not None:
                assert t[m.role.start : m.role.end] == m.role.text
    for c in doc.claims:
        assert t[c.content.start : c.content.end] == c.content.text
        if c.cue is not None:
            assert t[c.cue.start : c.cue.end] == c.cue.text
        if c.speaker is not None and c.speaker.start is not None:
            assert t[c.speaker.start : c.speaker.end] == c.speaker.text
    d = doc.to_dict()
    assert d["tokens"] == [[x.start, x.end] for x in doc.tokens]


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_offsets_are_code_points(text):
    doc = ANALYZER.analyze(text)
    check(doc)
    assert [(s, e) for s, e, _ in claimscope.tokenize(text, doc.lang)] == [
        (x.start, x.end) for x in doc.tokens
    ]


@settings(max_examples=100, deadline=None)
@given(TEXT, st.integers(0, 200), st.integers(0, 200))
def test_hand_annotated_offsets_round_trip(text, a, b):
    # Any code-point span survives the byte conversion and back.
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    doc = annotate(
        ANALYZER,
        text,
        actors=[("x", "X", "person", [(a, b)])],
        claims=[((a, b, "x"), (a, b), (a, b), "direct")],
    )
    check(doc)
    assert doc.actors[0].mentions[0].text == text[a:b]


def test_fixed_texts():
    for text in TEXTS:
        check(ANALYZER.analyze(text))
    doc = ANALYZER.analyze("Żółć i Москва 😀 kot.")
    assert [t.text for t in doc.tokens] == ["Żółć", "i", "Москва", "😀", "kot", "."]
    assert (doc.tokens[3].start, doc.tokens[3].end) == (14, 15)
    assert (doc.tokens[4].start, doc.tokens[4].end) == (16, 19)


def test_seed_texts(seed_texts):
    for text in seed_texts:
        check(ANALYZER.analyze(text))
