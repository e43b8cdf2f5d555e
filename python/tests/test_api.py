"""The Python API: documents, arguments, errors."""

from __future__ import annotations

import json
import os
import pickle

import pytest

import claimscope
from conftest import TEXTS


def test_analyze_basic(analyzer):
    doc = analyzer.analyze("Pieskow zaprzeczył, że Putin chce wojny.", id="a1")
    assert doc.id == "a1"
    assert doc.lang == "pl"
    assert doc.text.startswith("Pieskow")
    assert [t.text for t in doc.tokens][:3] == ["Pieskow", "zaprzeczył", ","]
    assert doc.tokens[0].kind == "word"
    assert len(doc.sentences) == 1
    assert isinstance(doc.actors, tuple) and isinstance(doc.claims, tuple)
    assert "Document(" in repr(doc) and "'pl'" in repr(doc)


def test_lang_hint_and_auto(analyzer):
    assert analyzer.analyze("Putin said no.", lang="ru").lang == "ru"
    assert analyzer.analyze("Putin said that the talks failed.", lang="auto").lang == "en"
    assert analyzer.analyze("Putin said that the talks failed.", lang="EN").lang == "en"


def test_date_from_metadata(analyzer):
    doc = analyzer.analyze("date 2023-07-23 Intro\n\nPutin said no.")
    assert doc.date == "2023-07-23"


def test_to_dict_and_json_agree(analyzer):
    for text in TEXTS:
        doc = analyzer.analyze(text, id="x")
        d = doc.to_dict()
        assert d == json.loads(doc.to_json())
        assert d["id"] == "x" and d["text"] == text
        assert d["tokens"] == [[t.start, t.end] for t in doc.tokens]
        assert d["sentences"] == [[s.start, s.end] for s in doc.sentences]
        slim = doc.to_dict(tokens=False, sentences=False, text=False)
        assert set(slim) == {"id", "lang", "date", "actors", "claims"}


def test_annotated_document_objects(annotated):
    (claim,) = annotated.claims
    assert claim.speaker.text == "Pieskow" and claim.speaker.actor == "peskov"
    assert claim.speaker.span == claimscope.Span(0, 7, "Pieskow")
    assert claim.cue.text == "zaprzeczył"
    assert claim.kind == "indirect" and claim.rule == "test" and claim.about == ()
    assert annotated.text[claim.content.start : claim.content.end] == claim.content.text
    ids = [a.id for a in annotated.actors]
    assert ids == ["peskov", "putin"]
    m = annotated.actors[1].mentions[0]
    assert (m.text, m.actor, m.role) == ("Putin", "putin", None)
    d = annotated.to_dict()
    assert d["claims"][0]["speaker"]["actor"] == "peskov"
    assert d["actors"][0]["mentions"][0]["text"] == "Pieskow"
    # cached tuples are the same objects; values compare and hash by value
    assert annotated.claims is annotated.claims
    assert hash(claim) == hash(annotated.claims[0])
    assert "Claim(" in repr(claim) and "Actor(" in repr(annotated.actors[0])


def test_frozen(analyzer):
    doc = analyzer.analyze("Ala ma kota.")
    with pytest.raises(AttributeError):
        doc.text = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        doc.tokens[0].start = 3  # type: ignore[misc]


def test_equality(analyzer):
    a = analyzer.analyze("Ala ma kota.", id="1")
    assert a == analyzer.analyze("Ala ma kota.", id="1")
    assert a != analyzer.analyze("Ala ma kota.", id="2")
    assert a != "Ala ma kota."
    assert claimscope.Analyzer() == analyzer
    assert claimscope.Analyzer(languages=["pl"]) != analyzer


def test_languages(analyzer):
    a = claimscope.Analyzer(languages=["pl", "ru", "pl"])
    assert a.languages == ["pl", "ru"]
    assert claimscope.Analyzer(languages="uk").languages == ["uk"]
    assert a.detect("The talks failed, said the spokesman of the government.") == "und"
    assert analyzer.detect("Переговоры зашли в тупик, заявил Песков.") == "ru"
    assert claimscope.detect_language("Rozmowy zakończyły się fiaskiem, powiedział Tusk.") == "pl"
    assert set(claimscope.LANGUAGES) >= {"en", "pl", "ru", "uk"}


def test_bad_arguments(analyzer):
    with pytest.raises(ValueError, match="xx"):
        analyzer.analyze("text", lang="xx")
    with pytest.raises(TypeError, match="str"):
        analyzer.analyze(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        analyzer.analyze(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        claimscope.Analyzer(languages=["pl", "klingon"])
    with pytest.raises(TypeError):
        claimscope.Analyzer(languages=[1])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="mapping"):
        claimscope.Analyzer(cues=["pl"])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown language code"):
        claimscope.Analyzer(cues={"xx": "a\tb\n"})
    with pytest.raises(FileNotFoundError, match="no-such-file"):
        claimscope.Analyzer(actors="/no/such/dir/no-such-file.tsv")
    with pytest.raises(TypeError):
        claimscope.Analyzer(actors=42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="threads"):
        analyzer.analyze_many(["a"], threads=0)
    with pytest.raises(ValueError, match="chunk_size"):
        analyzer.analyze_many(["a"], chunk_size=0)
    with pytest.raises(TypeError, match="iterable"):
        analyzer.analyze_many(42)  # type: ignore[arg-type]


def test_lone_surrogate_names_position(analyzer):
    with pytest.raises(ValueError, match=r"position 5"):
        analyzer.analyze("Żółw \ud800 idzie")
    with pytest.raises(ValueError, match=r"document 1 .*position 2"):
        list(analyzer.analyze_many(["ok", "ab\udfff"]))
    with pytest.raises(ValueError, match="position 0"):
        claimscope.tokenize("\udc80x")


def test_exceptions_hierarchy():
    assert issubclass(claimscope.InputError, claimscope.ClaimscopeError)
    assert issubclass(claimscope.DataError, claimscope.ClaimscopeError)
    assert issubclass(claimscope.ClaimscopeError, Exception)
    assert not issubclass(claimscope.ClaimscopeError, ValueError)


def test_corrupt_pickle_state_is_an_error_not_a_crash(analyzer):
    doc = analyzer.analyze("Żółć")
    _, (state,) = doc.__reduce__()
    d = json.loads(state)
    d["tokens"][0]["span"] = {"start": 1, "end": 2}  # inside "Ż"
    with pytest.raises(claimscope.DataError, match="character boundaries"):
        claimscope.Document._from_state(json.dumps(d).encode())
    with pytest.raises(claimscope.DataError):
        claimscope.Document._from_state(b"not json")
    with pytest.raises(claimscope.DataError):
        claimscope.Analyzer._from_config(b"{]")


USER_ACTORS = "id\ttype\ten\tpl\nkowalski-test\tperson\tJan Kowalski\tJan Kowalski\n"


def test_user_dictionaries_kept_by_content(tmp_path):
    f = tmp_path / "actors.tsv"
    f.write_text(USER_ACTORS, encoding="utf-8")
    a = claimscope.Analyzer(actors=f)
    b = claimscope.Analyzer(actors=str(f))
    c = claimscope.Analyzer(actors=USER_ACTORS)
    assert a == b  # same name and content
    assert "1 dictionaries" in repr(c)
    data = pickle.dumps(a)
    os.unlink(f)
    assert str(tmp_path).encode() not in data  # the pickle never names a path
    back = pickle.loads(data)
    assert back == a
    text = "Jan Kowalski powiedział, że rozmowy zakończyły się fiaskiem."
    assert back.analyze(text) == a.analyze(text)
    cues = claimscope.Analyzer(cues={"pl": ["oznajmić\tspeech\n"]})
    assert "1 lexicons" in repr(cues)


def test_user_dictionary_is_used(analyzer):
    text = "Jan Kowalski powiedział, że rozmowy zakończyły się fiaskiem."
    ids = [x.id for x in claimscope.Analyzer(actors=USER_ACTORS).analyze(text, lang="pl").actors]
    assert "kowalski-test" in ids
    assert "kowalski-test" not in [x.id for x in analyzer.analyze(text, lang="pl").actors]


def test_malformed_dictionary_is_a_data_error(tmp_path):
    f = tmp_path / "bad.tsv"
    f.write_text("id\ttype\ten\nbad id\tperson\tX\n", encoding="utf-8")
    with pytest.raises(claimscope.DataError, match=r"bad\.tsv:2"):
        claimscope.Analyzer(actors=f)
    with pytest.raises(claimscope.DataError):
        claimscope.Analyzer(actors="no\theader\n")


def test_analyze_many_inputs(analyzer):
    recs = [
        "Putin said no.",
        {"text": "Ala ma kota.", "id": 7, "lang": "pl"},
        {"text": "Москва", "id": None},
    ]
    docs = list(analyzer.analyze_many(iter(recs), threads=2, chunk_size=2))
    assert [d.id for d in docs] == ["", "7", ""]
    assert docs[1].lang == "pl"
    assert list(analyzer.analyze_many([])) == []


def test_analyze_many_bad_item_after_good_ones(analyzer):
    it = analyzer.analyze_many(["jeden", "dwa", 3, "cztery"], chunk_size=10)
    assert next(it).text == "jeden"
    assert next(it).text == "dwa"
    with pytest.raises(TypeError, match="document 2"):
        next(it)
    with pytest.raises(ValueError, match="'text'"):
        list(analyzer.analyze_many([{"id": "x"}]))


def test_analyze_many_propagates_iterator_errors(analyzer):
    def gen():
        yield "a"
        raise RuntimeError("boom")

    it = analyzer.analyze_many(gen())
    assert next(it).text == "a"
    with pytest.raises(RuntimeError, match="boom"):
        next(it)


def test_explain(analyzer):
    out = analyzer.explain("Pieskow zaprzeczył.")
    assert "tokens:" in out and "Pieskow" in out


def test_analyzer_shared_between_threads(analyzer):
    from concurrent.futures import ThreadPoolExecutor

    texts = [t for t in TEXTS] * 20
    with ThreadPoolExecutor(4) as ex:
        got = list(ex.map(lambda t: analyzer.analyze(t), texts))
    assert got == [analyzer.analyze(t) for t in texts]
