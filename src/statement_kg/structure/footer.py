"""A page's furniture outside its text: the copyright and page-history lines ("(c) 2024
Caspian Herald", "Page generated 2020-03-02 | Last modified ..."), and the lists of links a
label opens ("Read more:", "Read next", "Related") down to the next blank line, or on its
own line ("Related: A | B"). Their dates
date no event and their words make no claim."""

from __future__ import annotations

from collections.abc import Iterable

from statement_kg.structure.cues import StructureCues
from statement_kg.structure.zones import Line, Zones


def link_rows(zones: Zones, cues: StructureCues) -> list[tuple[int, int]]:
    """The lists of links: their dates are the linked pages', not the document's."""
    text = zones.analysis.original
    rows = []
    for line in zones.lines:
        lowered = line.text.lower()
        if lowered.rstrip(" :»>→").strip() in cues.link_lists:
            end = text.find("\n\n", line.end)
            rows.append((line.start, len(text) if end < 0 else end))
        elif lowered.partition(":")[0].strip() in cues.link_lists:
            # "Related: Minute of silence at 17:00 | Flowers laid ...": the links on its line.
            rows.append((line.start, line.end))
    return rows


def marked_lines(lines: Iterable[Line], cues: StructureCues) -> list[Line]:
    """The lines that open with a copyright or page-history mark ("© 2024 NAME")."""
    marks = tuple(cues.footer_marks)
    return [line for line in lines if line.text.lower().startswith(marks)]


def footer_rows(zones: Zones, cues: StructureCues) -> list[tuple[int, int]]:
    """The page's copyright and history lines and its lists of links: chrome, no claim."""
    marked = [(line.start, line.end) for line in marked_lines(zones.lines, cues)]
    return sorted([*marked, *link_rows(zones, cues)])
