"""Which event a date in the text dates: the nearest event named in its sentence whose
known time (if mappings/ gives one) the date agrees with; failing that, an event of known
time whose place the sentence names ("the town of Khojaly on February 25-26, 1992")."""

from __future__ import annotations

from dataclasses import dataclass

from statement_kg.extract.spans import Nearby, SentenceIndex
from statement_kg.lexicon import Lexicon
from statement_kg.records import AnniversaryMention, DateMention, Entity, Mention, Span, TimeSpec

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
    named: Nearby[_Candidate],
    placed: Nearby[_Candidate],
    index: SentenceIndex,
) -> str | None:
    start, end = index.around(span.start)
    for pool, need_when in ((named, False), (placed, True)):
        near = [
            (_distance(span, c.span), c.span.start, c.key)
            for c in pool.near(start, end)
            if start <= c.span.start < end
            and _distance(span, c.span) <= MAX_DATE_EVENT_DISTANCE
            and (c.when.overlaps(time) if c.when else not need_when)
        ]
        if near:
            return min(near)[2]
    return None


def placed_events(mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """Place mentions standing for the events of known time that happened there."""
    return [Mention(c.key, c.span) for c in _placed(mentions, lexicon)]


def _placed(mentions: list[Mention], lexicon: Lexicon) -> list[_Candidate]:
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


def dated_events(
    text: str,
    dates: list[tuple[TimeSpec, Span]],
    events: list[Mention],
    anniversaries: list[AnniversaryMention],
    mentions: list[Mention],
    lexicon: Lexicon,
    index: SentenceIndex,
) -> list[DateMention]:
    named = [_Candidate(m.entity, m.span, lexicon.entities[m.entity].when) for m in events]
    for anniversary in anniversaries:
        if anniversary.event is None or anniversary.key is None:
            continue
        base = lexicon.entities[anniversary.event].when
        named.append(
            _Candidate(
                anniversary.key,
                anniversary.span,
                base.plus_years(anniversary.ordinal) if base else None,
            )
        )
    # Each date asks only the candidates in its sentence: all of them is quadratic.
    near_named, near_placed = (
        Nearby(pool, lambda c: (c.span.start, c.span.end))
        for pool in (named, _placed(mentions, lexicon))
    )
    return [
        DateMention(time, span, _dated_event(time, span, near_named, near_placed, index))
        for time, span in dates
    ]
