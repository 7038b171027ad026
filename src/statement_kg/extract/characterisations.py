"""Characterisations: the terms a statement uses for an event. A term inside a quotation
belongs to the party quoted; a term after a reporting cue ("calling it", "recognizing ...
as") belongs to the party reported, unless the issuer is the one speaking (an operative
clause of its resolution, "we recognise it as"); the rest is the issuer's own."""

from __future__ import annotations

import re
from functools import cache

from statement_kg.extract.spans import SentenceIndex, SpanSet, make_span
from statement_kg.lexicon import ClaimWords
from statement_kg.records import Characterisation, Mention, Quotation

REPORTED_WINDOW = 120


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _event(start: int, end: int, events: list[Mention], index: SentenceIndex) -> str | None:
    """The event the term is part of the name of, or the nearest one in its sentence."""
    for mention in events:
        if mention.span.start <= start and end <= mention.span.end:
            return mention.entity
    s_start, s_end = index.around(start)
    near = [
        (min(abs(m.span.start - end), abs(start - m.span.end)), m.span.start, m.entity)
        for m in events
        if s_start <= m.span.start < s_end
    ]
    return min(near)[2] if near else None


def find_characterisations(
    text: str,
    words: ClaimWords,
    events: list[Mention],
    quotations: list[Quotation],
    excluded: list[tuple[int, int]],
    index: SentenceIndex,
) -> list[Characterisation]:
    found: list[Characterisation] = []
    taken = SpanSet()
    outside = SpanSet(excluded)
    for term in words.terms.values():
        for phrase in term.phrases:
            for match in _rx(rf"(?<!\w)(?:{phrase})(?!\w)").finditer(text):
                start, end = match.span()
                if outside.holds(start) or taken.overlaps(start, end):
                    continue
                taken.add(start, end)
                quoted = next(
                    (q for q in quotations if q.span.start <= start and end <= q.span.end), None
                )
                s_start, _ = index.around(start)
                left = text[max(s_start, start - REPORTED_WINDOW) : start]
                if any(_rx(p).search(left) for p in words.generic):
                    continue
                left = left.rstrip("\"“‘'")
                reported = quoted is not None or (
                    any(_rx(p).search(left) for p in words.reported)
                    and not any(re.search(p, text[s_start:start]) for p in words.own_voice)
                )
                found.append(
                    Characterisation(
                        term=term.id,
                        span=make_span(text, start, end),
                        event=_event(start, end, events, index),
                        reported=reported,
                        attributed_to=quoted.speaker if quoted else None,
                    )
                )
    return _coordinated(text, sorted(found, key=lambda c: c.span.start))


_COORDINATION = re.compile(
    r"^\s*(?:,|and|or|,\s*and|,\s*or)\s+(?:an?\s+|the\s+)?(?:act\s+of\s+)?$", re.IGNORECASE
)


def _coordinated(text: str, found: list[Characterisation]) -> list[Characterisation]:
    """A term joined to a reported one ("recognizing ... as an act of genocide and crime
    against humanity") is reported too, by the same party."""
    out: list[Characterisation] = []
    for found_item in found:
        item = found_item
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.reported
            and not item.reported
            and _COORDINATION.match(text[previous.span.end : item.span.start])
        ):
            item = Characterisation(item.term, item.span, item.event, True, previous.attributed_to)
        out.append(item)
    return out
