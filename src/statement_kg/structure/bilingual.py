"""A letterhead that names one body in two languages or scripts on one line
("Türk-Azerbaycan Dayanışma Vakfı · Turkish-Azerbaijani Solidarity Foundation", "ԱԶԳԱՅԻՆ
ԺՈՂՈՎ / NATIONAL ASSEMBLY OF ..."): one issuer, by one of its names, the other naming it
too."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from statement_kg.extract.spans import make_span
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.names import found
from statement_kg.structure.zones import Zones

# A body's name in two languages on one line: two cells.
BILINGUAL_CELLS = 2


def one_language(zones: Zones, lexicon: Lexicon, mentions: list[Mention], lettered: Found) -> Found:
    """ "Türk-Azerbaycan Dayanışma Vakfı · Turkish-Azerbaijani Solidarity Foundation": one
    body named in two languages, apart by a header's separator. The name the text uses
    again below, above the page's foot, is the issuer's (else the first); the other names
    it too."""
    text = zones.analysis.original
    start = lettered.span.start
    cells = []
    for cell in lexicon.structure.separators.split(lettered.span.exact):
        at = text.index(cell, start)
        start = at + len(cell)
        stripped = cell.strip()
        if stripped:
            first = at + cell.index(stripped)
            cells.append((first, first + len(stripped)))
    if len(cells) != BILINGUAL_CELLS or any(len(text[a:b].split()) < 2 for a, b in cells):
        return lettered
    # Below, before the page's foot (whose copyright line may give the name in either).
    below = text[lettered.span.end : zones.body_end].casefold()
    again = [c for c in cells if text[c[0] : c[1]].casefold() in below]
    # One of them in letters outside ASCII, or the only one the text names again ("XOCALI
    # YADDASI | KHOJALY MEMORY PROJECT" over "The Khojaly Memory Project is ..."): a body
    # and its city or its press service, both in English, are no two languages.
    ascii_only = [all(c.isascii() for c in text[a:b] if c.isalpha()) for a, b in cells]
    if all(ascii_only) and len(again) != 1:
        return lettered
    # Else the name in the Latin script the mappings name bodies in ("ԱԶԳԱՅԻՆ ԺՈՂՈՎ /
    # NATIONAL ASSEMBLY OF ...").
    latin = [c for c in cells if _latin(text[c[0] : c[1]])]
    chosen = (again or latin or cells)[0]
    other = next(c for c in cells if c != chosen)
    named = found(text, *chosen, lettered.kind, mentions, lexicon)
    return replace(named, also=(*lettered.also, make_span(text, *other)))


def _latin(words: str) -> bool:
    """Whether every letter of the words is a Latin one (with or without its marks)."""
    return all("LATIN" in unicodedata.name(c, "") for c in words if c.isalpha())
