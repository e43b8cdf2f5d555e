"""Analyzers and documents pickle, and travel to spawned worker processes."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor

import claimscope
from conftest import TEXTS


def test_analyzer_round_trip():
    for a in (
        claimscope.Analyzer(),
        claimscope.Analyzer(languages=["pl", "uk"]),
        claimscope.Analyzer(actors="id\ttype\ten\nx-y\tperson\tXavier Yellow\n", cues={"ru": "сказать\tspeech\n"}),
    ):
        for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
            b = pickle.loads(pickle.dumps(a, protocol=proto))
            assert isinstance(b, claimscope.Analyzer)
            assert b == a and repr(b) == repr(a)
            assert b.languages == a.languages


def test_document_round_trip(analyzer, seed_texts, annotated):
    docs = [analyzer.analyze(t, id=f"d{i}") for i, t in enumerate(TEXTS + seed_texts)] + [annotated]
    for d in docs:
        e = pickle.loads(pickle.dumps(d))
        assert e == d
        assert e.to_dict() == d.to_dict()
        assert e.tokens == d.tokens and e.claims == d.claims and e.actors == d.actors
    # already-converted parts do not change the pickle
    annotated.claims
    assert pickle.loads(pickle.dumps(annotated)) == annotated


def test_value_objects_round_trip(annotated):
    objs = [
        *annotated.tokens,
        *annotated.sentences,
        *annotated.actors,
        *(m for a in annotated.actors for m in a.mentions),
        *annotated.claims,
        *(c.speaker for c in annotated.claims),
        *(c.content for c in annotated.claims),
    ]
    assert len({type(o).__name__ for o in objs}) == 7
    for o in objs:
        back = pickle.loads(pickle.dumps(o))
        assert back == o and hash(back) == hash(o) and type(back) is type(o)
    # the constructors give the same values
    c = annotated.claims[0]
    assert claimscope.Claim(c.content, c.kind, c.speaker, c.cue, c.rule, list(c.about)) == c
    a = annotated.actors[0]
    assert claimscope.Actor(a.id, a.name, a.type, a.mentions, a.qid, a.known) == a


def _analyze_in_worker(analyzer: claimscope.Analyzer, text: str) -> claimscope.Document:
    return analyzer.analyze(text, id="w")


def _analyze_doc_again(analyzer: claimscope.Analyzer, doc: claimscope.Document) -> claimscope.Document:
    return analyzer.analyze(doc.text, id=doc.id)


def test_spawned_process_pool(tmp_path):
    # a user dictionary read from a file that the workers never see
    f = tmp_path / "mine.tsv"
    f.write_text("id\ttype\ten\tpl\nkowalski-test\tperson\tJan Kowalski\tJan Kowalski\n", encoding="utf-8")
    analyzer = claimscope.Analyzer(actors=f)
    f.unlink()
    texts = TEXTS + ["Jan Kowalski powiedział, że rozmowy zakończyły się fiaskiem."]
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as ex:
        got = list(ex.map(_analyze_in_worker, [analyzer] * len(texts), texts))
        local = [analyzer.analyze(t, id="w") for t in texts]
        assert got == local
        again = list(ex.map(_analyze_doc_again, [analyzer] * len(local), local))
        assert again == local
