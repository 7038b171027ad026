"""A media-monitoring digest of a broadcast: under the service's masthead, a credit line names
the station, where it broadcast, in which language, and when ("Azerbaijani Television first
channel, Baku, in Azeri 1700 gmt 26 Feb 05"). The station is the issuer and its day the
issue date; the monitoring service, whose masthead heads the digest, relays it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from statement_kg.extract.spans import make_span
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Dated, Found
from statement_kg.structure.line_dates import day_of, line_around
from statement_kg.structure.names import found
from statement_kg.structure.zones import Zones

# "STATION, PLACE, in LANGUAGE 1700 gmt 26 Feb 05", after a "Source:" label or not.
_CREDIT = re.compile(
    r"^[ \t]*(?:Source:[ \t]*)?(?P<station>[A-Z][^,\n:]{2,79}),[ \t]*[^,\n]{2,40},[ \t]*in[ \t]+"
    r"[A-Z][a-z]+(?:[ \t]+and[ \t]+[A-Z][a-z]+)?[ \t]+\d{3,4}[ \t]*[Gg][Mm][Tt][ \t]+"
    r"(?P<date>(?P<day>\d{1,2})[ \t]+(?P<month>[A-Za-z]{3,9})[ \t]+(?P<year>\d{2}|\d{4}))\b",
    re.MULTILINE,
)
# The credit line heads the digest's item: among its first lines.
CREDIT_LINES = 12
# "CAUCASUS MEDIA MONITOR -- Daily Broadcast Digest": the service's name, before the kind.
_MASTHEAD_CUT = re.compile(r"[ \t]+(?:-{1,2}|[|–—:])[ \t]+")


@dataclass(frozen=True)
class Broadcast:
    station: Found
    date: Dated | None
    monitor: Found | None
    # Every credit line (the digest may repeat it as its source at the end).
    lines: tuple[tuple[int, int], ...]


def broadcast(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> Broadcast | None:
    """The first credit line of a broadcast, with the masthead above it when there is one."""
    text = zones.analysis.original
    head_end = zones.lines[CREDIT_LINES].start if len(zones.lines) > CREDIT_LINES else len(text)
    credit = _CREDIT.search(text, 0, head_end)
    if credit is None:
        return None
    station = found(text, *credit.span("station"), "broadcast", mentions, lexicon)
    day = day_of(credit["day"], credit["month"], credit["year"])
    line = line_around(text, credit.start(), credit.end())
    date = Dated(day, make_span(text, *credit.span("date")), "dateline", line) if day else None
    lines = tuple(line_around(text, m.start(), m.end()) for m in _CREDIT.finditer(text))
    return Broadcast(station, date, _masthead(zones, credit.start(), lexicon, mentions), lines)


def _masthead(zones: Zones, credit: int, lexicon: Lexicon, mentions: list[Mention]) -> Found | None:
    """The first line's name, when the credit line comes later."""
    if not zones.lines or zones.lines[0].start >= credit:
        return None
    first = zones.lines[0]
    name = _MASTHEAD_CUT.split(first.text.strip())[0]
    start = first.start + first.text.index(name)
    return found(zones.analysis.original, start, start + len(name), "masthead", mentions, lexicon)
