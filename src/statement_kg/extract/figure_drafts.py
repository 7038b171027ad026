"""Figures as they are read, one number after another, and how a number takes what the
figure before it counts: a part of it ("150 of them", "63 were children") takes its
category, a number whose noun is left out after "and" ("68 civilians were killed and 242
injured") takes whom it counts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from statement_kg.extract.numbers import NumberExpr
from statement_kg.extract.spans import SentenceIndex
from statement_kg.language import Analysis

# Between two figures of one clause, the second's noun left out: " civilians were killed and ".
_ELIDED_GAP = re.compile(r"\s+[a-z]+(?:\s+[a-z]+){1,4}\s+and\s+")
# The participle that follows such a number comes next.
ELIDED_REACH = 20
# "Among them were 63 children": the people the clause sets the number among are those
# counted just before.
_BACK = frozenset({"they", "those", "these", "whom"})
# How many heads to climb from a number to its clause's verb.
CLAUSE_STEPS = 4


@dataclass
class Draft:
    """A figure as it is being read: its number, category, modifier, qualifiers and the
    earlier figure it is a part of."""

    number: NumberExpr
    category: str | None
    modifier: str
    qualifiers: tuple[str, ...]
    parent: int | None = None


def _bare(analysis: Analysis, number: NumberExpr) -> bool:
    """Whether the number names no group of its own: "63 were children", "51 female", but
    not "the 150 men"."""
    tokens = analysis.tokens(number.start, number.end)
    if not tokens:
        return False
    token = tokens[-1]
    return token.dep_ not in {"nummod", "quantmod"} or token.head.pos_ == "ADJ"


def _among_them(analysis: Analysis, number: NumberExpr) -> bool:
    """Whether the number's clause counts it among people named before by a pronoun:
    "Among them were 63 children, 106 women and 70 elderly", "among whom were 40 women",
    "Of these, some 3,900 were registered in Baku"."""
    tokens = analysis.tokens(number.start, number.end)
    node = tokens[-1] if tokens else None
    first = tokens[0].i if tokens else 0
    for _ in range(CLAUSE_STEPS):
        if node is None or node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return any(
                # before the number: "613 were questioned, among them ..." counts the whole
                c.dep_ == "prep"
                and c.lower_ in {"among", "of"}
                and c.i < first
                and any(g.dep_ == "pobj" and g.lemma_.lower() in _BACK for g in c.children)
                for c in node.children
            )
    return False


def elided(
    drafts: list[Draft], text: str, number: NumberExpr, analysis: Analysis
) -> tuple[str, ...]:
    """ "68 civilians were killed and 242 injured": a number joined to the figure before it
    with its noun left out counts whom that figure counts."""
    if not drafts:
        return ()
    gap = text[drafts[-1].number.end : number.start]
    after = [t for t in analysis.tokens(number.end, number.end + ELIDED_REACH) if not t.is_space]
    return (
        drafts[-1].qualifiers
        if _ELIDED_GAP.fullmatch(gap) and after and after[0].tag_ == "VBN"
        else ()
    )


def breakdown(
    drafts: list[Draft],
    parent: int | None,
    qualifiers: tuple[str, ...],
    index: SentenceIndex,
    number: NumberExpr,
    analysis: Analysis,
) -> tuple[int | None, str | None]:
    """A number with no category of its own that breaks down an earlier figure of its
    sentence (a bare number with a qualifier, or "of them") takes that figure's category:
    "150 of them" after "1,275 were taken hostage", "63 were children" after "Of the 613
    civilians who lost their lives"; so does one counted "among them", after the sentence
    that counts them."""
    if parent is None and qualifiers and drafts and _bare(analysis, number):
        start, _ = index.around(number.start)
        earlier = drafts[-1]
        if (
            earlier.number.start >= start
            and earlier.category is not None
            and earlier.number.percent == number.percent
        ):
            parent = earlier.parent if earlier.parent is not None else len(drafts) - 1
    if parent is None and drafts and _among_them(analysis, number):
        # The people counted before may close the sentence before.
        start, _ = index.around(number.start)
        before, _ = index.around(max(0, start - 1))
        counted = [
            n
            for n, d in enumerate(drafts)
            if d.category is not None
            and d.number.start >= before
            and d.number.percent == number.percent
        ]
        if counted:
            parent = drafts[counted[-1]].parent
            parent = counted[-1] if parent is None else parent
    if parent is None:
        return None, None
    return parent, drafts[parent].category
