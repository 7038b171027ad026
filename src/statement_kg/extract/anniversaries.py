"""Finds "the 30th anniversary of X": the ordinal, and the event X names.

OCR often turns "30th" into '30"' or '30t'; those forms are read too.
"""

from __future__ import annotations

import re
from collections import Counter

from statement_kg.extract.numbers import ORDINAL_UNITS, ORDINAL_WORDS, TENS
from statement_kg.extract.scanned_digits import digit_view
from statement_kg.extract.spans import SentenceIndex, make_span, nearby_mentions
from statement_kg.records import AnniversaryMention, Mention

_ANNIVERSARY = re.compile(
    r"(?<!\w)(?:(?P<n>\d{1,3})(?:st|nd|rd|th|t|\"|”)?|(?P<tens>"
    + "|".join(TENS)
    + r")-(?P<unit>"
    + "|".join(ORDINAL_UNITS)
    + r")|(?P<word>"
    + "|".join(ORDINAL_WORDS)
    + r"))\s+anniversary(?!\w)",
    re.IGNORECASE,
)


def _ordinal(match: re.Match[str]) -> int:
    if match["n"]:
        return int(match["n"])
    if match["tens"]:
        return TENS[match["tens"].lower()] + ORDINAL_UNITS[match["unit"].lower()]
    return ORDINAL_WORDS[match["word"].lower()]


def find_anniversaries(
    text: str, event_mentions: list[Mention], index: SentenceIndex
) -> list[AnniversaryMention]:
    """The anniversary is of the event named after it in the same sentence; failing that
    ("the 31st anniversary of the tragedy"), of the event the text names most often."""
    counts = Counter(m.entity for m in event_mentions)
    main = min(counts, key=lambda e: (-counts[e], e)) if counts else None
    found = []
    # Each anniversary asks only the events in its sentence: all of them is quadratic.
    nearby = nearby_mentions(event_mentions)
    # Matched in the digit view: "2Oth anniversary" as a scanner read it.
    for match in _ANNIVERSARY.finditer(digit_view(text)):
        _, sentence_end = index.around(match.start())
        after = [
            m.entity
            for m in nearby.near(match.end(), sentence_end)
            if match.end() <= m.span.start < sentence_end
        ]
        ordinal = _ordinal(match)
        if ordinal == 0:
            continue
        found.append(
            AnniversaryMention(
                ordinal, after[0] if after else main, make_span(text, match.start(), match.end())
            )
        )
    return found
