"""The Jupyter HTML view: highlights and escaping."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import claimscope


class _Checker(HTMLParser):
    """Collects tags and text; fails on unbalanced markup."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list = []
        self.tags: list = []
        self.text: list = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}> in {self.stack}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> _Checker:
    c = _Checker()
    c.feed(html)
    c.close()
    assert c.stack == []
    return c


def test_script_is_escaped(annotated):
    html = annotated._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp; pokoju" in html
    parse(html)


def test_script_in_id_and_plain_document(analyzer):
    doc = analyzer.analyze("<script>alert('x')</script> \"quotes\" & <b>bold</b>", id="<img src=x onerror=alert(1)>")
    html = doc._repr_html_()
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    c = parse(html)
    assert "alert('x')" in "".join(c.text)


def test_highlights(annotated):
    html = annotated._repr_html_()
    c = parse(html)
    marks = [a for t, a in c.tags if t == "mark" and "title" in a]
    titles = [a["title"] for a in marks]
    assert any(t.startswith("peskov ") for t in titles)
    assert any(t.startswith("putin ") for t in titles)
    assert all(a["class"] == "cs-person" for a in marks)
    classes = {a.get("class") for _, a in c.tags}
    assert {"cs-speaker", "cs-cue", "cs-content"} <= classes
    assert re.search(r'title="claim 1: speaker = peskov"', html)
    # the full text is there, in order, once
    doc_div = html.split('<div class="cs-doc">', 1)[1].split("</div>", 1)[0]
    assert "".join(parse(doc_div).text) == annotated.text


def test_document_text_survives_overlaps(analyzer):
    from conftest import annotate

    text = "Ąę «цитата» 😀 koniec"
    doc = annotate(
        analyzer,
        text,
        actors=[("a", "A", "org", [(0, 6)]), ("b", "B", "gpe", [(3, 9)])],
        claims=[((0, 2, None), (1, 4), (2, 12), "mixed")],
    )
    html = doc._repr_html_()
    doc_div = html.split('<div class="cs-doc">', 1)[1].split("</div>", 1)[0]
    assert "".join(parse(doc_div).text) == text
    assert "cs-org" in html and "cs-gpe" in html


def test_empty_document(analyzer):
    assert "cs-doc" in claimscope.Analyzer().analyze("")._repr_html_()
