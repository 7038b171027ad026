"""Resolutions another organisation numbers in its own scheme: "resolution No. 10/48-POL",
"Resolution No.10/11-P(IS)", "House Resolution 1032", "its Resolution 1416 (2005)". A number
with a scheme's letters or "No." is never a UN resolution's; a plain number is taken only
where no UN organ is named near it (the UN rule reads those)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from statement_kg.lexicon import literal_phrase
from statement_kg.records import Entity
from statement_kg.slug import slug

# A scheme's own suffix ("-POL", "-P(IS)", "-POL (C)") or its "No.".
_SUFFIX = r"-[A-Z]+(?:\s?\([A-Z]+\))?(?:\s?\([A-Z]+\))?"
_NUMBERED = re.compile(
    r"\b[Rr]esolution\s+(?P<no>No\.?\s*)?"
    rf"(?P<number>\d{{1,4}}(?:/\d{{1,4}})?)(?P<suffix>{_SUFFIX})?(?:\s?\((?P<year>\d{{4}})\))?"
    r"(?![\w/])"
)
# How far before a plain number, and after it in its sentence, a UN organ's name makes it
# the UN's.
UN_BEFORE = 300
UN_AFTER = 100
UN_WORDS = r"United\s+Nations|\bUN\b"


def _heads_document(text: str, match: re.Match[str]) -> bool:
    """A resolution named at the start of a line, or in capitals, heads the document
    itself."""
    start = match.start()
    opens_line = not text[text.rfind("\n", 0, start) + 1 : start].strip()
    return opens_line or match.group().split()[0].isupper()


def numbered_resolutions(text: str, un_cues: Iterable[str]) -> Iterable[tuple[Entity, int, int]]:
    un = re.compile("|".join([*un_cues, UN_WORDS]), re.IGNORECASE)
    for match in _NUMBERED.finditer(text):
        own_scheme = match["no"] or match["suffix"]
        if _heads_document(text, match):
            continue
        after = re.split(r"[.;]\s", text[match.end() : match.end() + UN_AFTER])[0]
        before = text[max(0, match.start() - UN_BEFORE) : match.start()]
        if not own_scheme and (un.search(before) or un.search(after)):
            continue
        words = " ".join(match.group().split())
        number = words.split(None, 1)[1]
        yield (
            Entity(
                id=slug(f"resolution-{number}"),
                type="legislation",
                label=f"Resolution {number}",
                phrases=(literal_phrase(match.group()),),
                recognised=True,
            ),
            match.start(),
            match.end(),
        )
