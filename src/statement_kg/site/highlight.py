"""A statement's text with its anchored items marked, rendered at build time.

The graph's offsets count code points, as Python's strings do, so the text is cut here in
Python and the browser only ever sees finished elements: no offset is counted in UTF-16
units, and a character outside the Basic Multilingual Plane cannot shift a highlight.
Items may nest or cross; a crossing item is split into pieces that share its data-key, so
that the pieces' text, joined, is the item's exact words."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from markupsafe import Markup, escape

from statement_kg.site.model import Mark, fragment


def anchor_id(key: str) -> str:
    """The element id of a highlight's first piece: t-figure-2307-2308."""
    return "t-" + fragment(key)


def _open(mark: Mark, first: bool) -> str:
    ident = f' id="{anchor_id(mark.key)}"' if first else ""
    return (
        f'<mark class="k-{mark.kind}"{ident} data-key="{escape(mark.key)}"'
        f' data-kind="{mark.kind}" title="{escape(mark.title)}">'
    )


def highlight(text: str, marks: Sequence[Mark]) -> Markup:
    """The text as HTML, each mark wrapped around exactly text[start:end]."""
    ordered = sorted(
        (m for m in marks if 0 <= m.start < m.end <= len(text)),
        key=lambda m: (m.start, -m.end, m.kind, m.key),
    )
    lead = len(text) - len(text.lstrip())
    bounds = sorted({0, lead, len(text), *(m.start for m in ordered), *(m.end for m in ordered)})
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[str] = set()
    for a, b in itertools.pairwise(bounds):
        active = [m for m in ordered if m.start <= a and b <= m.end]
        common = 0
        while common < min(len(stack), len(active)) and stack[common] is active[common]:
            common += 1
        out.extend("</mark>" for _ in stack[common:])
        for mark in active[common:]:
            out.append(_open(mark, mark.key not in opened))
            opened.add(mark.key)
        stack = active
        if b <= lead and not active:
            # Blank lines before the first words are kept, hidden: offsets stay whole.
            out.append(f"<span hidden>{text[a:b]}</span>")
        else:
            out.append(str(escape(text[a:b])))
    out.extend("</mark>" for _ in stack)
    return Markup("".join(out))
