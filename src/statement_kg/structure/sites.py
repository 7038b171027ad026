"""Relays that name no site: a section named for a country over a news page, and the site
of the body the issuer is part of."""

from __future__ import annotations

import re

from statement_kg.lexicon import Lexicon
from statement_kg.structure.found import Found
from statement_kg.structure.zones import Zones, line_around

# "Republic of X": a state's name in three words.
STATE_WORDS = 3


def place_named(parts: Zones, lexicon: Lexicon, relay: Found) -> bool:
    """ "Türkiye | Politics | Azerbaijan": a section named for a country over a news page
    tells it is a news page, but no site is named there; nor does a state's name ("REPUBLIC
    OF TÜRKİYE") over its ministry's letterhead."""
    if relay.kind != "relay header":
        return False
    if relay.entity is not None:
        return lexicon.entities[relay.entity].type in {"country", "place"}
    tokens = [t for t in parts.analysis.tokens(relay.span.start, relay.span.end) if t.is_alpha]
    state = len(tokens) == STATE_WORDS and tokens[1].lower_ == "of"
    state = state and tokens[0].lower_ in lexicon.structure.state_nouns
    return state or (bool(tokens) and all(t.ent_type_ == "GPE" for t in tokens))


def parent_site(parts: Zones, relay: Found, issuers: list[Found]) -> bool:
    """ "NATIONAL ASSEMBLY OF THE REPUBLIC OF ARMENIA" over a statement of "the Standing
    Committee ... of the National Assembly": the site of the body the issuer's name says it
    is part of (named in any cell of the header's line) relays nothing."""
    if relay.kind != "relay header":
        return False
    text = parts.analysis.original
    line = text[slice(*line_around(text, relay.span.start, relay.span.end))]
    names = {" ".join(i.value.casefold().split()) for i in issuers}
    cells = re.split(r"\s\|\s", line)
    # The name alone or in two scripts; more cells are a section path ("SITE | Politics |
    # Milli Majlis").
    if len(cells) > 2:
        return False
    for cell in cells:
        body = re.split(r"\s(?:of|,)\s", " ".join(cell.casefold().split()) + " ", maxsplit=1)[0]
        if body and any(f" of the {body.strip()} " in f"{n} " for n in names):
            return True
    return False
