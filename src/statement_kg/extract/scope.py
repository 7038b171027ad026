"""Which event a claim concerns, read from the parse: the event its own phrase names ("the
massacres committed in Sumgait", "the Khojaly genocide"), the event of a place or a time
its phrase names, the event its clause predicates it of ("Khojaly was a genocide", "they
recognised the tragedy of Khojaly as genocide"), or the one event its sentence names when
nothing in the claim's own words points elsewhere. A phrase that names another place or
time than a known event's concerns no known event: never simply the nearest one."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from statement_kg.extract.spans import Nearby, nearby_mentions
from statement_kg.language import Analysis
from statement_kg.records import Mention, Span, TimeSpec

if TYPE_CHECKING:
    from spacy.tokens import Token

# Dependencies that tie a predicate to what it is said of: "X was a genocide", "recognised
# X as genocide", "calls it a crime".
_PREDICATE_OF = {"attr": ("nsubj", "nsubjpass"), "acomp": ("nsubj",), "oprd": ("dobj",)}
# Verbs whose object says what their subject is: "the massacre constituted a genocide".
_COPULAR = frozenset({"constitute", "represent", "amount", "become", "remain"})


@dataclass(frozen=True)
class Scope:
    analysis: Analysis
    events: tuple[Mention, ...]
    # Place mentions standing for the events that happened there, keyed by event id.
    placed: tuple[Mention, ...]
    places: tuple[Mention, ...]
    dates: tuple[tuple[TimeSpec, Span], ...]
    times: dict[str, TimeSpec]

    # Each claim asks only the mentions and dates near it: asking all of them for every claim
    # is quadratic in a long text.
    @cached_property
    def _events_near(self) -> Nearby[Mention]:
        return nearby_mentions(self.events)

    @cached_property
    def _placed_near(self) -> Nearby[Mention]:
        return nearby_mentions(self.placed)

    @cached_property
    def _places_near(self) -> Nearby[Mention]:
        return nearby_mentions(self.places)

    @cached_property
    def _dates_near(self) -> Nearby[tuple[TimeSpec, Span]]:
        return Nearby(self.dates, lambda d: (d[1].start, d[1].end))

    @cached_property
    def _event_ids(self) -> frozenset[str]:
        return frozenset(m.entity for m in self.events)

    def event(self, start: int, end: int) -> str | None:
        for mention in self._events_near.near(start, end):
            if mention.span.start <= start and end <= mention.span.end:
                return mention.entity
        head = self.analysis.head(start, end)
        if head is None:
            return None
        for tokens in self._phrases(head):
            found, named_other = self._named(tokens, start, end)
            if found is not None or named_other:
                return found
        return self._only_event(head)

    def clause_event(self, start: int, end: int) -> str | None:
        """For a figure: the event its clause names ("613 people were killed in Khojaly")."""
        head = self.analysis.head(start, end)
        if head is None:
            return None
        clause = head
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        phrases = [list(clause.subtree)]
        # "As a result of X, 5379 were expelled, 613 murdered": a conjunct shares the
        # first clause's modifiers.
        while clause.dep_ == "conj":
            clause = clause.head
            phrases += [
                list(c.subtree)
                for c in clause.children
                if c.dep_ in {"prep", "advcl", "npadvmod", "advmod"}
            ]
        for tokens in phrases:
            found, named_other = self._named(tokens, start, end)
            if found is not None or named_other:
                return found
        return self._only_event(head)

    def _phrases(self, head: Token) -> list[list[Token]]:
        """The claim's own phrase, then what it is predicated of."""
        phrases = [list(head.subtree)]
        owner = head.head if head.dep_ in {"pobj", "conj"} else head
        while owner.dep_ == "conj" or (owner.dep_ == "pobj" and owner.head.lower_ != "as"):
            owner = owner.head
        if owner.dep_ == "pobj" and owner.head.lower_ == "as":
            phrases += [list(c.subtree) for c in owner.head.head.children if c.dep_ == "dobj"]
        if head.dep_ == "dobj" and head.head.lemma_.lower() in _COPULAR:
            phrases += [list(c.subtree) for c in head.head.children if c.dep_ == "nsubj"]
        for dep, subjects in _PREDICATE_OF.items():
            if dep in {owner.dep_, head.dep_}:
                verb = (owner if owner.dep_ == dep else head).head
                phrases += [list(c.subtree) for c in verb.children if c.dep_ in subjects]
        return phrases

    def _named(self, tokens: list[Token], start: int, end: int) -> tuple[str | None, bool]:
        """The event a phrase names (an event, the event of a place, of a time), and whether
        it names some other place or time instead."""
        p_start, p_end = self.analysis.span_of(tokens)

        def inside(span: Span) -> bool:
            return p_start <= span.start and span.end <= p_end and not (start <= span.start < end)

        events = [m.entity for m in self._events_near.near(p_start, p_end) if inside(m.span)]
        if events:
            return events[0], False
        times = [time for time, span in self._dates_near.near(p_start, p_end) if inside(span)]
        placed = self._placed_event(
            [m for m in self._placed_near.near(p_start, p_end) if inside(m.span)], times
        )
        if placed is not None:
            return placed, False
        other_place = any(inside(m.span) for m in self._places_near.near(p_start, p_end))
        return None, bool(times) or other_place

    def _placed_event(self, placed: list[Mention], times: list[TimeSpec]) -> str | None:
        """Of the events that happened at the places a phrase names: the one its time
        points to, else one the document names itself, else the shortest (the most
        specific: "the massacre in X" is the night, not the months of siege before it)."""
        candidates = sorted({m.entity for m in placed})
        if times:
            candidates = [e for e in candidates if any(t.overlaps(self.times[e]) for t in times)]
        named = self._event_ids
        preferred = [e for e in candidates if e in named] or candidates
        if not preferred:
            return None
        return min(preferred, key=lambda e: (self.times[e].length_days, e))

    def _only_event(self, head: Token) -> str | None:
        """The one event the sentence names (or the event of the one place it names)."""
        start, end = self.analysis.span_of(list(head.sent))
        named = {
            m.entity for m in self._events_near.near(start, end) if start <= m.span.start < end
        }
        if named:
            return named.pop() if len(named) == 1 else None
        placed = [m for m in self._placed_near.near(start, end) if start <= m.span.start < end]
        if len({m.span for m in placed}) > 1 and len({m.entity for m in placed}) > 1:
            return None
        return self._placed_event(placed, [])
