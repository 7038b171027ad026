"""Spans and sentences: the anchoring every extractor shares."""

from __future__ import annotations

import re
from bisect import bisect_right

from statement_kg.records import Span

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
