"""The day a proclamation or a certificate is signed, in its closing formula ("IN WITNESS
WHEREOF, I have hereunto set my hand ... this 20th day of February, 2025", "Given under my
hand this 3rd day of March 2024"). The day it proclaims, under its title, is the occasion
it marks; the signing dates the text."""

from __future__ import annotations

from statement_kg.records import Span, TimeSpec
from statement_kg.structure.found import Dated
from statement_kg.structure.zones import Zones

# How far before a date its formula's paragraph may begin.
PARAGRAPH_REACH = 300


def _opened(zones: Zones, start: int, witness: frozenset[str]) -> bool:
    """Whether the paragraph before `start` opens with a word of the formula ("Given at")."""
    text = zones.analysis.original
    paragraph = text.rfind("\n\n", max(0, start - PARAGRAPH_REACH), start)
    if paragraph < 0:
        return False
    opening = [t for t in zones.analysis.tokens(paragraph, start) if not t.is_space]
    return bool(opening) and opening[0].lemma_.lower() in witness


def signing_dates(
    zones: Zones, dates: list[tuple[TimeSpec, Span]], witness: frozenset[str]
) -> list[Dated]:
    """Dates written "this Nth day of MONTH, YEAR" in a sentence with the words of a
    signing formula (`witness`), or "the Nth day" in one the formula opens: "this 27th day
    of September will be remembered" signs nothing."""
    analysis = zones.analysis
    found = []
    for time, span in dates:
        if time.end is not None or time.begin.precision != "day":
            continue
        tokens = analysis.tokens(span.start, span.end)
        if [t.lower_ for t in tokens[1:3]] != ["day", "of"]:
            continue
        if not any(t.lemma_.lower() in witness or t.lower_ in witness for t in tokens[0].sent):
            continue
        before = [t.lower_ for t in analysis.tokens(max(0, span.start - 8), span.start)][-1:]
        # "Given at the Diocesan Centre, on the 20th day of February, ...": a paragraph the
        # formula opens dates its act by "the" day as well.
        if before == ["this"] or (before == ["the"] and _opened(zones, span.start, witness)):
            lines = [(n.start, n.end) for n in zones.lines if n.start <= span.start < n.end]
            line = lines[0] if lines else (span.start, span.end)
            found.append(Dated(time.begin, span, "signed", line))
    return found
