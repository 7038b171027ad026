"""The marks in the text that point to its notes ("about 600 were wounded (1).", "examined
181 bodies [1]"): the notes' own numbers in brackets, which count nothing."""

from __future__ import annotations

import re

from statement_kg.structure.zones import NOTE_MARK, Zones

# A note's number in brackets, as it opens the note ("(1) Register of ...").
_NUMBERED = re.compile(r"[(\[](\d{1,3})[)\]]\s*$")


def note_marks(zones: Zones) -> list[tuple[int, int]]:
    """Where the text before its notes points to one of them by its bracketed number."""
    text = zones.analysis.original
    notes = zones.notes
    if not notes:
        return []
    numbers = set()
    for start, _ in notes:
        opening = _NUMBERED.search(text, text.rfind("\n", 0, start) + 1, start)
        if opening is not None:
            numbers.add(opening[1])
    first = text.rfind("\n", 0, notes[0][0])
    return [m.span() for m in NOTE_MARK.finditer(text, 0, first) if m[1] in numbers]
