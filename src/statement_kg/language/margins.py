"""Line numbers in a margin: a bill or a court filing numbers its lines ("15   WHEREAS, for
nearly three decades ..."), and the numbers are not part of the text. They are found as a
run of lines whose first word is the previous line's number plus one, so a numbered list or
a paragraph number is not taken for them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

_NUMBERED_LINE = re.compile(r"^[ \t]*(?P<number>\d{1,3})(?=[ \t]|\r?$)[ \t]*", re.MULTILINE)
# Fewer numbered lines in a row are a list, not a margin.
MIN_RUN = 5


@lru_cache(maxsize=16)
def margin_numbers(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of margin line numbers, each with the blanks after it (read once per text:
    the parser's view, the names, the figures and the recognisers all ask)."""
    found: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    previous: tuple[int, int] | None = None  # (line, number)
    # Lines counted on from the previous match, not from the start of the text each time.
    line, counted = 0, 0
    for match in _NUMBERED_LINE.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        number = int(match["number"])
        if previous is None or previous != (line - 1, number - 1):
            found += run if len(run) >= MIN_RUN else []
            run = []
        run.append(match.span())
        previous = (line, number)
    found += run if len(run) >= MIN_RUN else []
    return tuple(found)


# A note's number right after a number's full stop ("put the toll at 1,000.14 Spokesmen
# said"): no count has a decimal part, so the digits after a stop that ends a sentence are
# the note's.
_NOTE_AFTER_NUMBER = re.compile(r"(?<=\d{3}\.)\d{1,2}(?=\s+[A-Z])")


def note_numbers(text: str) -> list[tuple[int, int]]:
    """The spans of note numbers set right after a number's full stop."""
    return [m.span() for m in _NOTE_AFTER_NUMBER.finditer(text)]


def blanked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` with the spans replaced by spaces: every offset stays where it was."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


@lru_cache(maxsize=16)
def unnumbered(text: str) -> str:
    """`text` with its margin's line numbers blank, read once per text (the parser's view,
    the anniversaries and the recognisers read it)."""
    return blanked(text, margin_numbers(text))
