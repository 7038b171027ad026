"""Characterisations: the terms a statement uses for an event. Whose term it is (the
issuer's own, another party's, denied) is read from the parse by extract.voice, and the
event it concerns by extract.scope."""

from __future__ import annotations

import re
from functools import cache

from statement_kg.extract.spans import SentenceIndex, SpanSet, make_span
from statement_kg.language.normalise import Normalised
from statement_kg.lexicon import ClaimWords
from statement_kg.records import Characterisation

# How far before a term a word that makes it generic ("crimes such as") is looked for.
GENERIC_WINDOW = 120


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def find_characterisations(
    text: str,
    words: ClaimWords,
    excluded: list[tuple[int, int]],
    index: SentenceIndex,
    normalised: Normalised,
) -> list[Characterisation]:
    """Terms are looked for in the normalised text, so a word split at a line's end
    ("geno-\ncide") is found; each span is the original's."""
    found: list[Characterisation] = []
    taken = SpanSet()
    outside = SpanSet(excluded)
    for term in words.terms.values():
        for phrase in term.phrases:
            for match in _rx(rf"(?<!\w)(?:{phrase})(?!\w)").finditer(normalised.text):
                start, end = normalised.original(*match.span())
                if outside.holds(start) or taken.overlaps(start, end):
                    continue
                taken.add(start, end)
                s_start, _ = index.around(start)
                left = text[max(s_start, start - GENERIC_WINDOW) : start]
                if any(_rx(p).search(left) for p in words.generic):
                    continue
                found.append(
                    Characterisation(
                        term=term.id,
                        span=make_span(text, start, end),
                        event=None,
                    )
                )
    return sorted(found, key=lambda c: c.span.start)
