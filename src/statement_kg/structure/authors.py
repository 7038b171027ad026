"""The authors a parliamentary question or motion lists on a line of its own under its
heading ("Markus Elling (PPE), Ilona Varga (ECR)"): names, each with the group, party or
country it belongs to in brackets. Where the document also holds the answer, the answer's
heading ("Answer given by ...") names who issued it."""

from __future__ import annotations

import re

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.heading import speech_heading
from statement_kg.structure.names import found
from statement_kg.structure.zones import Zones

_NAME = r"(?:[A-Z][\w'’.-]*\s){1,3}[A-Z][\w'’-]+"
_GROUP = r"\s\([^()\n]{1,40}\)"
_SEPARATOR = r"(?:,\s*|\s+and\s+)"
_AUTHORS = re.compile(rf"^{_NAME}{_GROUP}(?:{_SEPARATOR}{_NAME}{_GROUP})*,?$")
_ONE = re.compile(rf"(?P<name>{_NAME}){_GROUP}")


def authors(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The authors listed in the head, and whoever answers them further down."""
    text = zones.analysis.original
    for line in zones.head:
        if not _AUTHORS.match(line.text):
            continue
        listed = [
            found(
                text,
                line.start + m.start("name"),
                line.start + m.end("name"),
                "authors",
                mentions,
                lexicon,
            )
            for m in _ONE.finditer(line.text)
        ]
        return [*listed, *speech_heading(zones, lexicon, mentions, after=line.end)]
    return []
