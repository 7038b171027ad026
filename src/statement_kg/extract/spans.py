"""Spans and sentences: the anchoring every extractor shares."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from statement_kg.records import Mention, Span

T = TypeVar("T")

CONTEXT_CHARS = 32

# A sentence ends at . ; ! ? followed by white space and a capital, a quote, a bullet or a
# digit, or at a blank line. Abbreviations such as "No. 366" or "p. 172" are followed by a
# digit or lower case and so rarely end one; a few wrong splits only shorten a context.
_SENTENCE_END = re.compile(r"(?<=[.;!?])[\"”’)]*\s+(?=[A-Z“\"«•*\-(])|\n\s*\n")


def make_span(text: str, start: int, end: int) -> Span:
    return Span(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, covering the text."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [b for b in bounds if text[b[0] : b[1]].strip()]


class SentenceIndex:
    """Finds the sentence that holds an offset, in log time."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.bounds = sentences(text)
        self._starts = [b[0] for b in self.bounds]

    def around(self, offset: int) -> tuple[int, int]:
        index = max(0, bisect_right(self._starts, offset) - 1)
        return self.bounds[index]


def line_of(text: str, offset: int) -> int:
    """The 1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1


class SpanSet:
    """Character ranges taken so far, kept merged and sorted so that asking whether a new
    range overlaps any of them takes log time: linear extraction over a long text, where
    checking each candidate against every taken range would be quadratic."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a taken range (start < taken end and taken start
        < end). Merged ranges are disjoint and sorted, so the last one starting before
        `end` has the largest end of those that could overlap."""
        index = bisect_left(self._starts, end) - 1
        return index >= 0 and start < self._ends[index]

    def holds(self, offset: int) -> bool:
        """Whether a taken range holds the character at `offset`."""
        return self.overlaps(offset, offset + 1)

    def add(self, start: int, end: int) -> None:
        """Takes [start, end), merged with the ranges it overlaps."""
        low = bisect_left(self._ends, start + 1)
        high = bisect_left(self._starts, end)
        if low < high:
            start = min(start, self._starts[low])
            end = max(end, self._ends[high - 1])
        self._starts[low:high] = [start]
        self._ends[low:high] = [end]


class Nearby(Generic[T]):
    """Items with spans (mentions, dates, quotes), asked for those near a range in log time.
    Each claim asks which items lie in its phrase, hold it or overlap it; reading every item
    for each claim would be quadratic over a long text. `near` gives a superset of those (in
    the order the items were given), which the caller filters with its own condition."""

    def __init__(self, items: Iterable[T], span: Callable[[T], tuple[int, int]]) -> None:
        self._span = span
        ordered = sorted(enumerate(items), key=lambda pair: span(pair[1])[0])
        self._starts = [span(item)[0] for _, item in ordered]
        self._ends = [span(item)[1] for _, item in ordered]
        self._entries = ordered
        self._longest = max(
            (b - a for a, b in zip(self._starts, self._ends, strict=True)), default=0
        )

    def add(self, item: T) -> None:
        """Adds an item after those given so far."""
        start, end = self._span(item)
        at = bisect_right(self._starts, start)
        self._starts.insert(at, start)
        self._ends.insert(at, end)
        self._entries.insert(at, (len(self._entries), item))
        self._longest = max(self._longest, end - start)

    def near(self, start: int, end: int, margin: int = 0) -> list[T]:
        """The items whose span reaches [start - margin, end + margin], ends included: every
        item inside the range, holding it, overlapping it or starting in it."""
        low = bisect_left(self._starts, start - margin - self._longest)
        high = bisect_right(self._starts, end + margin)
        hits = [self._entries[i] for i in range(low, high) if self._ends[i] >= start - margin]
        return [item for _, item in sorted(hits, key=lambda pair: pair[0])]


def nearby_mentions(mentions: Iterable[Mention]) -> Nearby[Mention]:
    return Nearby(mentions, lambda m: (m.span.start, m.span.end))
