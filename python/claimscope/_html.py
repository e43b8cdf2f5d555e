"""The HTML view of a :class:`claimscope.Document` (``Document._repr_html_``).

Actors are highlighted by type (person, org, gpe), with the actor id on hover;
each claim's speaker, cue and content are marked and listed below the text.
Every piece of document text and every attribute is HTML-escaped.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Dict, List, Set, Tuple

if TYPE_CHECKING:  # pragma: no cover
    from claimscope._claimscope import Document

_STYLE = """<style>
.cs-doc{font-family:system-ui,sans-serif;line-height:1.9;white-space:pre-wrap;max-width:60em}
.cs-doc mark{padding:0 .15em;border-radius:.25em}
.cs-person{background:#ffe08a}.cs-org{background:#a8d8ff}.cs-gpe{background:#b8f0b0}
.cs-content{border-bottom:2px solid #c0392b}.cs-cue{font-weight:bold;color:#c0392b}
.cs-speaker{outline:2px solid #8e44ad;border-radius:.2em}
.cs-legend span,.cs-legend mark{margin-right:1em}
.cs-claims{border-collapse:collapse;margin-top:.5em}.cs-claims td,.cs-claims th{border:1px solid #ddd;padding:.2em .5em;text-align:left;vertical-align:top}
</style>"""


def _e(s: object) -> str:
    return html.escape(str(s), quote=True)


def render(doc: "Document") -> str:
    """Renders ``doc`` as a self-contained HTML fragment."""
    text = doc.text
    n = len(text)
    # Each annotation: (start, end, open tag, close tag, priority for nesting).
    anns: List[Tuple[int, int, str, str, int]] = []
    for a in doc.actors:
        title = _e(f"{a.id} ({a.type}) {a.name}")
        for m in a.mentions:
            anns.append(
                (m.start, m.end, f'<mark class="cs-{_e(a.type)}" title="{title}">', "</mark>", 3)
            )
    for i, c in enumerate(doc.claims, 1):
        anns.append(
            (
                c.content.start,
                c.content.end,
                f'<span class="cs-content" title="claim {i}: content ({_e(c.kind)})">',
                "</span>",
                0,
            )
        )
        if c.cue is not None:
            anns.append(
                (c.cue.start, c.cue.end, f'<span class="cs-cue" title="claim {i}: cue">', "</span>", 1)
            )
        sp = c.speaker
        if sp is not None and sp.start is not None and sp.end is not None:
            who = f" = {sp.actor}" if sp.actor else ""
            anns.append(
                (
                    sp.start,
                    sp.end,
                    f'<span class="cs-speaker" title="{_e(f"claim {i}: speaker{who}")}">',
                    "</span>",
                    2,
                )
            )
    bounds: Set[int] = {0, n}
    for s, e, *_ in anns:
        if 0 <= s <= e <= n:
            bounds.add(s)
            bounds.add(e)
    cuts = sorted(bounds)
    # Segment by segment, open every annotation covering the segment (outer first);
    # this keeps the markup well nested whatever the overlaps.
    valid = [a for a in anns if 0 <= a[0] < a[1] <= n]
    out: List[str] = []
    for s, e in zip(cuts, cuts[1:]):
        active = [a for a in valid if a[0] <= s and e <= a[1]]
        active.sort(key=lambda a: (a[4], -(a[1] - a[0])))
        out.extend(a[2] for a in active)
        out.append(_e(text[s:e]))
        out.extend(a[3] for a in reversed(active))
    legend = (
        '<div class="cs-legend"><mark class="cs-person">person</mark>'
        '<mark class="cs-org">org</mark><mark class="cs-gpe">gpe</mark>'
        '<span class="cs-speaker">speaker</span><span class="cs-cue">cue</span>'
        '<span class="cs-content">content</span></div>'
    )
    head = (
        f"<div><strong>{_e(doc.id) or '(no id)'}</strong> · {_e(doc.lang)}"
        + (f" · {_e(doc.date)}" if doc.date else "")
        + f" · {len(doc.actors)} actors · {len(doc.claims)} claims</div>"
    )
    rows = []
    for i, c in enumerate(doc.claims, 1):
        sp = c.speaker
        who = "" if sp is None else (sp.text or "(dropped subject)")
        actor = "" if sp is None or sp.actor is None else sp.actor
        rows.append(
            f"<tr><td>{i}</td><td>{_e(who)}</td><td>{_e(actor)}</td>"
            f"<td>{_e(c.cue.text if c.cue else '')}</td><td>{_e(c.kind)}</td>"
            f"<td>{_e(c.content.text)}</td></tr>"
        )
    table = (
        '<table class="cs-claims"><tr><th>#</th><th>speaker</th><th>actor</th>'
        "<th>cue</th><th>kind</th><th>content</th></tr>" + "".join(rows) + "</table>"
        if rows
        else ""
    )
    return (
        _STYLE
        + '<div class="cs-view">'
        + head
        + legend
        + '<div class="cs-doc">'
        + "".join(out)
        + "</div>"
        + table
        + "</div>"
    )
