"""A news agency's dateline at the head of its report: a place, a day and the agency's
credit, run into the first sentence ("YEREVAN, September 19. /Hayastan Today/. Two years
after ...", "BAKU, February 25 (Caspian Wire). The Ministry ..."). Agencies leave the year
out; the page gives it elsewhere: on the site's own date line or in its copyright line
("(c) Hayastan Today, 2025")."""

from __future__ import annotations

import re

from statement_kg.extract.dates import MONTHS, month_number, valid_day
from statement_kg.extract.spans import make_span
from statement_kg.records import PartialDate
from statement_kg.structure.found import Dated
from statement_kg.structure.zones import Zones

_MONTH = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_WIRE = re.compile(
    r"(?P<place>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}),[ \t]+"
    r"(?:(?P<month>" + _MONTH + r")\.?[ \t]+(?P<day>\d{1,2})"
    r"|(?P<day2>\d{1,2})[ \t]+(?P<month2>" + _MONTH + r")\.?)"
    r"(?:,?[ \t]+(?P<year>(?:19|20)\d\d))?[ \t]*\.?[ \t]*"
    r"(?:/[ \t]*(?P<agency>[^/\n]{2,40}?)[ \t]*/|\((?P<agency2>[^()\n]{2,40})\))"
)
# "(c) Hayastan Today, 2025", "© 2025 Caspian Wire", "Copyright 2024 ...": a name or a year
# follows the mark ("(c) the events of 1992" in a list is no copyright).
_COPYRIGHT = re.compile(
    r"(?:©|\([cC]\)|[Cc]opyright)\s*(?=[A-Z0-9])[^\n]*?\b(?P<year>(?:19|20)\d\d)\b"
)
# The dateline opens the report: within the first lines of its running text.
WIRE_LINES = 2


def _page_year(zones: Zones, dated: list[Dated]) -> str | None:
    """The year the page gives: its own date line's, else its copyright line's."""
    for found in dated:
        if found.kind in {"relay", "dateline"} and found.line[1] <= zones.body_start:
            return found.date.iso[:4]
    text = zones.analysis.original
    for line in zones.tail:
        match = _COPYRIGHT.search(text, line.start, line.end)
        if match:
            return match.group("year")
    return None


def _place(zones: Zones, start: int, end: int) -> bool:
    """A dateline's place is set in capitals ("YEREVAN") or is one the parse knows ("Baku"),
    not the words that open an ordinary sentence ("On Thursday, February 26 (local time)")."""
    words = zones.analysis.original[start:end]
    tokens = zones.analysis.tokens(start, end)
    return words.isupper() or (bool(tokens) and all(t.ent_type_ in {"GPE", "LOC"} for t in tokens))


def wire_dateline(zones: Zones, dated: list[Dated]) -> Dated | None:
    """The agency dateline that opens the report, with the year the page gives."""
    text = zones.analysis.original
    body = [line for line in zones.lines if line.end > zones.body_start][:WIRE_LINES]
    for line in body:
        match = _WIRE.match(text, line.start, line.end)
        if match is None or not _place(zones, *match.span("place")):
            continue
        parts = match.groupdict()
        year = parts["year"] or _page_year(zones, dated)
        month = month_number(parts["month"] or parts["month2"])
        day = int(parts["day"] or parts["day2"])
        if year is None or not valid_day(int(year), month, day):
            continue
        agency = "agency" if parts["agency"] else "agency2"
        start = match.start("month") if parts["month"] else match.start("day2")
        end = match.end("year") if parts["year"] else max(match.end("day"), match.end("month2"))
        return Dated(
            PartialDate(f"{year}-{month:02d}-{day:02d}"),
            make_span(text, start, end),
            "dateline",
            (line.start, match.end()),
            # The agency's desk, not where the statement was issued.
            None,
            match.span(agency),
        )
    return None
