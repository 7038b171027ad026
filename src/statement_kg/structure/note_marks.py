"""The marks in the text that point to its notes ("about 600 were wounded (1).", "examined
181 bodies [1]"): the notes' own numbers in brackets, which count nothing."""

from __future__ import annotations

from statement_kg.structure.zones import NOTE_MARK, Zones


def note_marks(zones: Zones) -> list[tuple[int, int]]:
    """Where the text before its notes points to one of them by its bracketed number."""
    text = zones.analysis.original
    notes = zones.notes
    if not notes:
        return []
    # A note opens with its number ("(1) Register of ..."), which the notes leave out.
    openings = (text[text.rfind("\n", 0, start) + 1 : start].strip() for start, _ in notes)
    numbers = {o[1:-1] for o in openings if o[:1] in "([" and o[-1:] in ")]"}
    first = text.rfind("\n", 0, notes[0][0])
    return [m.span() for m in NOTE_MARK.finditer(text, 0, first) if m[1] in numbers]
