"""A site's page that reproduces a body's document whole: a note in brackets ("[The
announcement below is reproduced as received from the organiser.]") or over a rule, then
the document's letterhead ("MEDIA DEVELOPMENT AGENCY OF X") and its number and day
("Announcement No. 07/2026      Baku, 2 February 2026"). The letterhead names the
document's issuer, and the line under it gives the document's own day, which the site's
posting line only follows."""

from __future__ import annotations

import re

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.found import Dated, Found
from statement_kg.structure.line_dates import Dates, in_lines
from statement_kg.structure.names import announces_issuer, found, names_body, trim
from statement_kg.structure.zones import Line, Zones, is_rule

# The letterhead stands among the page's first lines, the site's note above it.
OPENING_LINES = 12
# The document's date line follows its letterhead closely.
DATE_LINES = 2
# "PRESS RELEASE", "FOR IMMEDIATE RELEASE": a kind's line is a few words.
KIND_WORDS = 3
# A line that a day closes ("Baku, 24 February 2025").
DATE_END = re.compile(r"\b(?:19|20)\d\d\.?$")


def _letterhead(zones: Zones, cues: StructureCues) -> tuple[Line, list[Line]] | None:
    """The line in capitals that names a body at the top of the page's text, after the
    site's note (in brackets, or over a rule), and the lines under it."""
    lines = list(zones.lines)
    opening = lines[:OPENING_LINES]
    # The note's last line: a rule under it, or its closing bracket (a rule may follow).
    opened = None
    noted = len(opening)
    for n, line in enumerate(opening):
        opened = n if opened is None and line.text.startswith("[") else opened
        if is_rule(line) or (opened is not None and line.text.rstrip().endswith("]")):
            noted = n + 1
            break
    while noted < len(opening) and is_rule(opening[noted]):
        noted += 1
    if noted >= len(opening):
        return None
    # The note says that the document under it is carried whole ("reproduced as received",
    # "We publish below").
    start = opening[opened if opened is not None else max(noted - 2, 0)].start
    said = zones.analysis.tokens(start, opening[noted - 1].end)
    if not any(t.lemma_.lower() in cues.reproduction_words for t in said):
        return None
    # "PRESS RELEASE" over the letterhead: the document's kind.
    if _kind(zones, opening[noted], cues):
        noted += 1
    if noted >= len(lines):
        return None
    line = lines[noted]
    below = lines[noted + 1 : noted + 1 + DATE_LINES]
    tokens = [t for t in zones.analysis.tokens(line.start, line.end) if t.is_alpha]
    # A name in capitals, or in title case over its place and day ("Baku, 24 February
    # 2025"): not the headline that tells what the body does.
    dated = bool(below) and DATE_END.search(below[0].text) is not None
    if (
        len(tokens) < 2
        or not (line.text.isupper() or dated)
        or not names_body(tokens, cues.organisation_heads)
        or announces_issuer(tokens, cues)
    ):
        return None
    return line, below


def _kind(zones: Zones, line: Line, cues: StructureCues) -> bool:
    """A line in capitals of a few words that says what kind of document follows."""
    tokens = [t for t in zones.analysis.tokens(line.start, line.end) if t.is_alpha]
    return (
        0 < len(tokens) <= KIND_WORDS
        and line.text.isupper()
        and tokens[-1].lemma_.lower() in cues.document_nouns
    )


def reproduced_issuer(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The body whose letterhead opens the text the site reproduces."""
    head = _letterhead(zones, lexicon.structure)
    if head is None:
        return []
    tokens = trim(zones.analysis.tokens(head[0].start, head[0].end))
    start, end = zones.analysis.span_of(tokens)
    return [found(zones.analysis.original, start, end, "letterhead", mentions, lexicon)]


def reproduced_date(zones: Zones, dates: Dates, cues: StructureCues) -> list[Dated]:
    """The day that closes a line under the reproduced text's letterhead."""
    head = _letterhead(zones, cues)
    if head is None:
        return []
    text = zones.analysis.original
    for line, date, span in in_lines(tuple(head[1]), dates):
        if not text[span.end : line.end].strip(" ."):
            return [Dated(date, span, "source", (line.start, line.end))]
    return []
