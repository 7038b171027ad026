"""A court's or a tribunal's name over what a party files with it ("INTERNATIONAL COURT
OF JUSTICE" over "APPLICATION INSTITUTING PROCEEDINGS"): where the filing goes, neither who
files it nor a site that relays it."""

from __future__ import annotations

from statement_kg.records import Span
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.zones import Line, Zones

# The filing's kind follows the court's name within a few lines (its name in another
# language between).
FILING_LINES = 3
# A filing's kind is a few words ("APPLICATION FORM / REQUÊTE").
FILING_WORDS = 4


def forum(zones: Zones, named: Span, cues: StructureCues) -> bool:
    """ "EUROPEAN COURT OF HUMAN RIGHTS" over "APPLICATION FORM": the court a party files
    with, on the filing's first page."""
    words = {w.lower() for w in named.exact.split()}
    if not words & cues.forum_heads:
        return False
    below = [line for line in zones.head if line.start > named.end][:FILING_LINES]
    return any(_filing(zones, line, cues) for line in below)


def _filing(zones: Zones, line: Line, cues: StructureCues) -> bool:
    """ "APPLICATION", "APPLICATION FORM / REQUÊTE", "COMPLAINT FORM": a line that says
    which filing this is, not a case's title ("Application of the International
    Convention ...") nor a sentence."""
    words = [t for t in zones.analysis.tokens(line.start, line.end) if t.is_alpha]
    return (
        0 < len(words) <= FILING_WORDS
        and words[0].lemma_.lower() in cues.filing_nouns
        and not any(t.lower_ in {"of", "by"} for t in words)
    )
