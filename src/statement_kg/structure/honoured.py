"""A legislator's remarks printed under their name on a line of its own, with the
honorific the record gives it ("HON. NAME" over "of STATE" and "in the House of ...")."""

from __future__ import annotations

import re
from itertools import pairwise

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.names import PERSON_NAME, found
from statement_kg.structure.zones import Zones

_NAME = re.compile(PERSON_NAME)


def honoured_speaker(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The person a head line names after an honorific, the line holding nothing else."""
    honorifics = lexicon.structure.honorifics
    text = zones.analysis.original
    for line, below in pairwise(zones.head):
        first, _, rest = line.text.partition(" ")
        # Under the name, the member's state and chamber in lower case ("of oklahoma");
        # an addressee's title or address under "Hon. NAME" is capitalised.
        of_state = below.text[:1].islower()
        if first.lower().rstrip(".") in honorifics and _NAME.fullmatch(rest.strip()) and of_state:
            return [found(text, line.start, line.end, "speech heading", mentions, lexicon)]
    return []
