"""A letterhead's line that names the body a document was made with ("in cooperation with
the Azerbaijani Students' Association (KAÜ-AZTO)" under a university's name): that body
issues the document too. A partner named at the foot ("In partnership with ...") under a
catalogue's text only supports it, and is not read here."""

from __future__ import annotations

from spacy.tokens import Token

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.names import found, says, trim
from statement_kg.structure.zones import Zones

# The lines under a letterhead that may still belong to it.
FOLLOWING_LINES = 3


def _clause(tokens: list[Token]) -> bool:
    """A comma outside brackets: the words go on past the name."""
    depth = 0
    for t in tokens:
        depth += (t.text == "(") - (t.text == ")")
        if t.text == "," and not depth:
            return True
    return False


def cooperating(
    zones: Zones, lexicon: Lexicon, mentions: list[Mention], lettered: Found
) -> list[Found]:
    """The body named after a cooperation's opening words on a head line just under the
    letterhead."""
    text = zones.analysis.original
    below = [line for line in zones.head if line.start >= lettered.span.end]
    for line in below[:FOLLOWING_LINES]:
        lowered = line.text.lower()
        opening = next(
            (o for o in lexicon.structure.cooperation_openings if lowered.startswith(o)), None
        )
        if opening is None:
            continue
        tokens = trim(zones.analysis.tokens(line.start + len(opening), line.end))
        # A name, no sentence ("Together with the community, the Ministry held ...").
        if not any(t.pos_ == "PROPN" for t in tokens) or says(tokens) or _clause(tokens):
            return []
        start, end = zones.analysis.span_of(tokens)
        return [found(text, start, end, "letterhead", mentions, lexicon)]
    return []
