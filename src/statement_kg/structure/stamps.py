"""A post's time stamp ("9:02 AM · Feb 26, 2021", "NAME @handle · Feb 26") and a page's line
of facts about a post
("Feb 26, 2021 • 6 tweets • 3 min read"): the date says when the text was posted, never when
an event took place. The first one dates a text that nothing else dates."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from statement_kg.language.normalise import HANDLE
from statement_kg.records import PartialDate, Span
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.found import Dated
from statement_kg.structure.line_dates import TIME_OF_DAY, Dates, in_lines
from statement_kg.structure.zones import Line, Zones, first_rows

# A page's line of facts about a post stands among its first rows.
FACT_ROWS = 6
# A post's tags ("#Khojaly").
_TAGS = re.compile(r"#\w+")
# What a time stamp holds besides its time and date.
_REST = re.compile(r"[\s·•|,.\-–—]*")


def stamps(zones: Zones, dates: Dates, cues: StructureCues) -> list[Dated]:
    """The lines that hold one date and no more than a post's time stamp or a line of
    facts does (each line asks only the dates on it: `in_lines`)."""
    text = zones.analysis.original
    top = {line.start for line in first_rows(zones, zones.lines, FACT_ROWS)}
    by_line: dict[Line, list[tuple[PartialDate, Span]]] = defaultdict(list)
    for line, date, span in in_lines(zones.lines, dates):
        by_line[line].append((date, span))
    found = []
    for line, on_line in by_line.items():
        if len(on_line) != 1:
            continue
        date, span = on_line[0]
        before, after = text[line.start : span.start], text[span.end : line.end]
        around = before + " " + after
        counts = _counts(cues.post_counts)
        rest = counts.sub("", TIME_OF_DAY.sub("", around))
        stamped = TIME_OF_DAY.search(line.text) is not None and _REST.fullmatch(rest) is not None
        # "12,418 views  Feb 26, 2024  #Khojaly": a video's count and day, its tags after.
        # "186,420 views  Premiered Feb 25, 2024": the verb that made the post, before its day.
        counted = counts.search(around) is not None
        made = before.split()[-1:]
        if made and made[0].lower() in cues.posting_words | cues.date_labels:
            rest = rest.replace(made[0], "", 1)
        stamped = stamped or (counted and _REST.fullmatch(_TAGS.sub("", rest)) is not None)
        # "NAME @handle · Feb 26": a post's heading line, its day last.
        headed = HANDLE.search(before) is not None and before.rstrip().endswith(("·", "•"))
        stamped = stamped or (headed and not after.strip())
        if stamped or (line.start in top and _facts(line.text, span.exact, cues)):
            found.append(Dated(date, span, "stamp", (line.start, line.end)))
    return found


@lru_cache(maxsize=4)
def _counts(post_counts: frozenset[str]) -> re.Pattern[str]:
    """ "84.6K Views", "1,204 Reposts": the counts a post's stamp may hold beside its date."""
    words = "|".join(re.escape(w) for w in sorted(post_counts))
    return re.compile(rf"\b\d[\d.,]*[KkMm]?\s+(?:{words})\b", re.IGNORECASE)


def _facts(line: str, date: str, cues: StructureCues) -> bool:
    """A line of cells apart by a header's separator, one of them the date alone."""
    cells = [c.strip() for c in cues.separators.split(line)]
    return len(cells) > 1 and date in cells
