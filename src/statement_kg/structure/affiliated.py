"""A scholarly text's author: under its title, a line with the author's name alone over a
line that names where the author works ("Helen Marwick / School of Politics and
International Studies, University of Leeds"). The author issued the text; the university is
no issuer."""

from __future__ import annotations

import itertools
import re

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.heading import announces
from statement_kg.structure.names import PERSON_NAME, found, names_body
from statement_kg.structure.zones import Zones

# "Doç. Dr. NAME", "Prof. Dr. NAME": academic titles before the name.
_NAME_LINE = re.compile(rf"^[ \t]*(?:[A-Z][a-zç]{{1,4}}\.[ \t]+)*(?P<name>{PERSON_NAME})[ \t]*$")


def affiliated_author(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The name on a line of its own in the head, right over a line of its affiliation."""
    text = zones.analysis.original
    cues = lexicon.structure
    for line, below in itertools.pairwise(zones.head):
        named = _NAME_LINE.match(line.text)
        if named is None or not {w.strip(",.").lower() for w in below.text.split()} & (
            cues.affiliations
        ):
            continue
        start = line.start + named.start("name")
        tokens = zones.analysis.tokens(start, start + len(named["name"]))
        # A name, not a body's ("Department of History") or a heading's words.
        if names_body(tokens, cues.organisation_heads) or announces(tokens, cues):
            continue
        return [found(text, start, start + len(named["name"]), "author", mentions, lexicon)]
    return []
