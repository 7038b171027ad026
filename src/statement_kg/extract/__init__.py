"""Extraction: one document's text in, its records out. Each module finds one kind of item."""

from __future__ import annotations

from dataclasses import dataclass

from statement_kg.extract.anniversaries import find_anniversaries
from statement_kg.extract.dates import find_dates
from statement_kg.extract.mentions import find_mentions, group_of
from statement_kg.extract.spans import SentenceIndex
from statement_kg.lexicon import Lexicon
from statement_kg.records import (
    DateMention,
    Document,
    Entity,
    Extraction,
    Mention,
    Span,
    TimeSpec,
)

# A date dates an event named within this many characters in the same sentence.
MAX_DATE_EVENT_DISTANCE = 200


@dataclass(frozen=True)
class _Candidate:
    key: str
    span: Span
    when: TimeSpec | None


def _distance(a: Span, b: Span) -> int:
    return max(0, b.start - a.end, a.start - b.end)


def _dated_event(
    time: TimeSpec,
    span: Span,
    candidates: list[_Candidate],
    placed: list[_Candidate],
    index: SentenceIndex,
) -> str | None:
    """The nearest event named in the sentence whose known time (if any) the date agrees
    with; failing that, an event of known time whose place the sentence names."""
    start, end = index.around(span.start)
    for pool, check_when in ((candidates, False), (placed, True)):
        near = [
            (_distance(span, c.span), c.span.start, c.key)
            for c in pool
            if start <= c.span.start < end
            and _distance(span, c.span) <= MAX_DATE_EVENT_DISTANCE
            and (c.when.overlaps(time) if c.when else not check_when)
        ]
        if near:
            return min(near)[2]
    return None


def _placed_events(mentions: list[Mention], lexicon: Lexicon) -> list[_Candidate]:
    """Each mention of a place, standing for the events of known time that happened there."""
    by_place: dict[str, list[Entity]] = {}
    for entity in lexicon.entities.values():
        if entity.place and entity.when:
            by_place.setdefault(entity.place, []).append(entity)
    return [
        _Candidate(event.id, m.span, event.when)
        for m in mentions
        for event in by_place.get(m.entity, [])
    ]


def extract(document: Document, lexicon: Lexicon) -> Extraction:
    text = document.text
    index = SentenceIndex(text)
    mentions = find_mentions(text, lexicon, index)
    events = [m for m in mentions if group_of(lexicon.entities[m.entity].type) == "event"]
    anniversaries = tuple(find_anniversaries(text, events, index))
    candidates = [_Candidate(m.entity, m.span, lexicon.entities[m.entity].when) for m in events]
    for anniversary in anniversaries:
        base = lexicon.entities[anniversary.event].when
        when = base.plus_years(anniversary.ordinal) if base else None
        candidates.append(_Candidate(anniversary.key, anniversary.span, when))
    placed = _placed_events(list(mentions), lexicon)
    dates = tuple(
        DateMention(time, span, _dated_event(time, span, candidates, placed, index))
        for time, span in find_dates(text)
    )
    return Extraction(document, tuple(mentions), dates, anniversaries)
