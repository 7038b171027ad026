"""A statement an agency relays in full, inside quotation marks, may close with its own
place and day ("Stepanakert, 27 September 2023"): that day is the statement's, and the
agency's dateline over it is the day it was carried."""

from __future__ import annotations

from statement_kg.extract.dates import find_dates
from statement_kg.extract.spans import make_span
from statement_kg.structure.found import Dated, Found
from statement_kg.structure.line_dates import single
from statement_kg.structure.zones import Zones

# "Stepanakert, 27 September 2023": a place of a few words before the day.
PLACE_CHARS = 40
_OPENING = frozenset('"“«')
_CLOSING = frozenset('"”»')


def relayed_day(zones: Zones, issuers: list[Found]) -> Dated | None:
    """The day on the last line of the quoted statement a relay sentence introduces: from
    the line that opens with a quotation mark to the first that closes with one (its
    paragraphs open without closing, as quoted paragraphs are set)."""
    if not issuers or issuers[0].kind != "relay sentence":
        return None
    text = zones.analysis.original
    lines = [line for line in zones.lines if line.start >= issuers[0].span.end]
    opening = next((n for n, line in enumerate(lines) if line.text[:1] in _OPENING), None)
    if opening is None:
        return None
    closing = next((line for line in lines[opening:] if line.text[-1:] in _CLOSING), None)
    if closing is None:
        return None
    found = find_dates(closing.text)
    if not found:
        return None
    time, span = found[-1]
    date = single(time)
    before = closing.text[: span.start].strip()
    placed = not before or (before.endswith(",") and len(before) <= PLACE_CHARS)
    rest = closing.text[span.end :].strip()
    if date is None or date.precision != "day" or rest not in _CLOSING or not placed:
        return None
    at = make_span(text, closing.start + span.start, closing.start + span.end)
    return Dated(date, at, "signed", (closing.start, closing.end))
