"""A post's time stamp ("9:02 AM · Feb 26, 2021") and a page's line of facts about a post
("Feb 26, 2021 • 6 tweets • 3 min read"): the date says when the text was posted, never when
an event took place. The first one dates a text that nothing else dates."""

from __future__ import annotations

import re

from statement_kg.records import Span, TimeSpec
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.found import Dated
from statement_kg.structure.zones import Zones, first_rows

CLOCK = re.compile(r"(?<!\d)[0-2]?\d:[0-5]\d(?!\d)(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:UTC|GMT))?")
# A page's line of facts about a post stands among its first rows.
FACT_ROWS = 6
# What a time stamp holds besides its time and date.
_REST = re.compile(r"[\s·•|,.\-–—]*")


def stamps(zones: Zones, dates: list[tuple[TimeSpec, Span]], cues: StructureCues) -> list[Dated]:
    text = zones.analysis.original
    top = {line.start for line in first_rows(zones, zones.lines, FACT_ROWS)}
    found = []
    for line in zones.lines:
        inside = [(t, s) for t, s in dates if line.start <= s.start and s.end <= line.end]
        if len(inside) != 1 or inside[0][0].end is not None:
            continue
        time, span = inside[0]
        before, after = text[line.start : span.start], text[span.end : line.end]
        rest = CLOCK.sub("", before + " " + after)
        stamped = CLOCK.search(line.text) is not None and _REST.fullmatch(rest) is not None
        if stamped or (line.start in top and _facts(line.text, span.exact, cues)):
            found.append(Dated(time.begin, span, "stamp", (line.start, line.end)))
    return found


def _facts(line: str, date: str, cues: StructureCues) -> bool:
    """A line of cells apart by a header's separator, one of them the date alone."""
    for separator in cues.header_separators:
        cells = [c.strip() for c in line.split(separator)]
        if len(cells) > 1 and date in cells:
            return True
    return False
