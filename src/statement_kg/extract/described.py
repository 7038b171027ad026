"""Works a statement cites by describing them ("the relevant UN Security Council
resolutions", "the report of the OIC fact-finding mission"): noun phrases the parse heads
with a word for an instrument, that say whose or which works they are. They are citations
without an identifier; a work named by its identifier is found elsewhere and wins."""

from __future__ import annotations

from typing import TYPE_CHECKING

from statement_kg.extract.spans import make_span
from statement_kg.language import Analysis
from statement_kg.lexicon import CitationWords
from statement_kg.records import DescribedCitation, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

_MODIFIERS = frozenset({"compound", "amod", "nummod", "det", "poss", "nmod"})
# "resolutions of the Security Council", "the report by the mission".
_OF = frozenset({"of", "by", "from"})
# Longer descriptions run on into what the work says, not which work it is.
MAX_TOKENS = 14
# A description right before or after works named by identifier introduces them
# ("the Security Council resolutions 822, 853, 874 and 884").
NAMED_GAP = 20


def _phrase(head: Token) -> list[Token]:
    """The head noun with what says which work it is (not a clause that goes on)."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in _MODIFIERS or (child.dep_ == "prep" and child.lower_ in _OF):
            tokens += list(child.subtree)
        elif child.dep_ == "acl":
            # "the resolutions adopted by the Security Council": who made them, not what
            # they go on to say.
            agents = [g for g in child.children if g.dep_ == "agent"]
            tokens += [child, *(t for agent in agents for t in agent.subtree)] if agents else []
    return sorted(tokens, key=lambda t: t.i)


def _heading(text: str, start: int, end: int) -> bool:
    """A description that opens a line is the document's own heading ("A RESOLUTION OF
    THE SENATE"), not a citation."""
    line_start = text.rfind("\n", 0, start) + 1
    words = text[start:end]
    return (
        not text[line_start:start].strip(" \t#*")
        or "\n\n" in words
        or sum(c.isupper() for c in words) > sum(c.islower() for c in words)
    )


def find_described(
    analysis: Analysis, words: CitationWords, named: list[Mention], agents: list[Mention]
) -> list[DescribedCitation]:
    text = analysis.original
    taken = [(m.span.start, m.span.end) for m in named]
    found: list[DescribedCitation] = []
    for token in analysis.doc:
        kind = words.works.get(token.lemma_.lower())
        if kind is None or token.pos_ != "NOUN":
            continue
        if any(c.dep_ == "det" and c.lower_ in {"this", "the present"} for c in token.children):
            continue  # the document itself
        tokens = _phrase(token)
        start, end = analysis.span_of(tokens)
        if (
            len(tokens) > MAX_TOKENS
            or _heading(text, start, end)
            or any(a - NAMED_GAP < end and start < b + NAMED_GAP for a, b in taken)
        ):
            continue
        lowered = " ".join(text[start:end].lower().split())
        issuer = any(start <= m.span.start and m.span.end <= end for m in agents) or any(
            t.pos_ == "PROPN" for t in tokens
        )
        which = any(t.lower_ in words.determiners for t in tokens)
        if not (issuer or (which and token.tag_ == "NNS")):
            continue
        if kind == "resolution":
            kind = (
                "un_resolution"
                if any(f" {organ} " in f" {lowered} " for organ in words.un_organs)
                else "other"
            )
        taken.append((start, end))
        found.append(DescribedCitation(kind, make_span(text, start, end)))
    return found
