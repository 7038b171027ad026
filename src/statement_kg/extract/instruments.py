"""Treaties named in full by their title: "the Convention on the Non-Applicability of
Statutory Limitations to War Crimes and Crimes Against Humanity", "the International
Convention for the Protection of All Persons from Enforced Disappearance". Their names are
capitalised after the word that opens them; the terms inside ("War Crimes") are the
instrument's words, not the issuer's characterisation."""

from __future__ import annotations

import re
from collections.abc import Iterable

from statement_kg.lexicon import literal_phrase
from statement_kg.records import Entity
from statement_kg.slug import slug

# Lower-case words a title keeps between its capitalised ones.
_SMALL = r"(?:the|of|and|to|from|for|on|against|all|or|with)"
_WORD = r"(?:[A-Z][\w'’-]*)"
_INSTRUMENT = re.compile(
    rf"(?:(?:International|European|Inter-American|Optional)\s+)?"
    rf"(?:Convention|Covenant|Protocol)\s+(?:on|for|against|relating\s+to|concerning)\s+"
    rf"(?:{_SMALL}\s+)*{_WORD}(?:\s+(?:{_SMALL}\s+)*{_WORD})*"
)
# "... Crimes Against Humanity and the Convention on ...": a second instrument starts.
_NEXT = re.compile(r"\s+(?:and|or)\s+(?:the\s+)?\w*\s*(?:Convention|Covenant|Protocol)\b")
# A title this short ("Convention on Genocide") is a common name, for the mappings to list.
MIN_WORDS = 5


def instruments(text: str) -> Iterable[tuple[Entity, int, int]]:
    """The treaties `text` names by their full titles."""
    for match in _INSTRUMENT.finditer(text):
        following = _NEXT.search(text, match.start() + 1, match.end())
        end = following.start() if following else match.end()
        label = " ".join(text[match.start() : end].split())
        if len(label.split()) < MIN_WORDS:
            continue
        entity = Entity(
            id=slug(label),
            type="convention",
            label=label,
            phrases=(literal_phrase(text[match.start() : end]),),
            recognised=True,
        )
        yield entity, match.start(), end
