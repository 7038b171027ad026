"""Finds "the 30th anniversary of X": the ordinal, and the event X names.

OCR often turns "30th" into '30"' or '30t'; those forms are read too.
"""

from __future__ import annotations

import re

from statement_kg.extract.spans import SentenceIndex, make_span
from statement_kg.records import AnniversaryMention, Mention

_ANNIVERSARY = re.compile(
    r"(?<!\w)(?P<n>\d{1,3})(?:st|nd|rd|th|t|\"|”)?\s+anniversary(?!\w)", re.IGNORECASE
)


def find_anniversaries(
    text: str, event_mentions: list[Mention], index: SentenceIndex
) -> list[AnniversaryMention]:
    """An anniversary counts when an event mention follows it in the same sentence."""
    found = []
    for match in _ANNIVERSARY.finditer(text):
        _, sentence_end = index.around(match.start())
        after = [m for m in event_mentions if match.end() <= m.span.start < sentence_end]
        if not after or int(match["n"]) == 0:
            continue
        found.append(
            AnniversaryMention(
                int(match["n"]), after[0].entity, make_span(text, match.start(), match.end())
            )
        )
    return found
