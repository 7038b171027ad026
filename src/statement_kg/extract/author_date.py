"""Works cited by author and year in brackets, as reports and briefs cite them ("(de Waal
2003)", "(de Waal 2003: 172; HRW 1994)"): the work of the mappings whose author the name
names (in full or by surname), issued that year. A name and year that fit no listed work,
or fit several, cite none."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from statement_kg.records import Entity

_BRACKETS = re.compile(r"\(([^()\n]{4,160})\)")
# "de Waal 2003", "Cornell, 2001: 14", "see de Waal 2003": one author's name and a year. A
# year with a letter ("2003b") tells one of the author's works of that year from another,
# and "et al." names several authors: the mappings' one work is not meant.
_PARTICLE = r"(?:de|van|von|der|den|la|le|al|el|du|da)"
_CITE = re.compile(
    rf"(?:(?:see|cf\.)\s+)?(?P<name>(?:{_PARTICLE}\s+)*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)"
    r",?\s+(?P<year>(?:19|20)\d\d)"
    r"(?:\s*[:,]\s*(?:pp?\.\s*)?\d+(?:[-–]\d+)?)?\s*$"
)


def _authored(entities: Mapping[str, Entity]) -> list[tuple[tuple[str, ...], str, str]]:
    """Each listed work with an author and a year: its author's names, its year, its id."""
    works = []
    for entity in entities.values():
        author = entities.get(entity.author or "")
        if author is not None and entity.issued:
            works.append((author.names, entity.issued[:4], entity.id))
    return works


def _names(cited: str, names: tuple[str, ...]) -> bool:
    """ "de Waal" names "Thomas de Waal": a name in full or its last words."""
    return any(n == cited or n.endswith(" " + cited) for n in names)


def author_date(text: str, entities: Mapping[str, Entity]) -> Iterator[tuple[int, int, str]]:
    """Where `text` cites a listed work by author and year, and the work's id."""
    works = _authored(entities)
    if not works:
        return
    for bracket in _BRACKETS.finditer(text):
        offset = bracket.start(1)
        for part in re.finditer(r"[^;]+", bracket.group(1)):
            cite = _CITE.match(part.group().strip())
            if cite is None:
                continue
            name, year = " ".join(cite["name"].split()), cite["year"]
            start = offset + part.start() + part.group().index(cite["name"])
            fits = {work for names, issued, work in works if issued == year and _names(name, names)}
            if len(fits) == 1:
                yield start, offset + part.start() + len(part.group().rstrip()), fits.pop()
