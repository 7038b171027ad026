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
# A group, party or country in brackets; a title's other name is quoted ("Khojaly Memorial
# ("Mother's Lament")").
_GROUP = r"\s\([^()\n\d\"“”«»]{1,40}\)"
_SEPARATOR = r"(?:,\s*|\s+and\s+)"
_AUTHORS = re.compile(rf"^{_NAME}{_GROUP}(?:{_SEPARATOR}{_NAME}{_GROUP})*,?$")
# The heading of the answer the document holds ("Answer given by ...").
ANSWER_NOUNS = frozenset({"answer", "reply"})
_ONE = re.compile(rf"(?P<name>{_NAME}){_GROUP}")


_PLACES = frozenset({"GPE", "LOC", "NORP", "FAC", "DATE", "EVENT"})


def _kinds(zones: Zones, start: int, end: int) -> set[str]:
    return {t.ent_type_ for t in zones.analysis.tokens(start, end) if t.is_alpha}


def _glossed(zones: Zones, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the brackets open with a noun of a document's kind: a title's gloss."""
    words = [t for t in zones.analysis.tokens(start, end) if t.is_alpha]
    return bool(words) and words[0].lemma_.lower() in lexicon.structure.document_nouns


def authors(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The authors listed in the head, and whoever answers them further down."""
    text = zones.analysis.original
    for line in zones.head:
        if not _AUTHORS.match(line.text):
            continue
        spans = [
            (line.start + m.start("name"), line.start + m.end("name"))
            for m in _ONE.finditer(line.text)
        ]
        # Persons' names, as the parser reads them: one of them at least, and none a place
        # ("Nagorno Karabakh (Artsakh)" is a place and its other name).
        kinds = [_kinds(zones, start, end) for start, end in spans]
        if not any("PERSON" in k for k in kinds) or any(k & _PLACES for k in kinds):
            continue
        # "MECLİS KARARI (Decision of the Municipal Council)": a title and its translation.
        if any(
            _glossed(zones, line.start + m.end("name"), line.start + m.end(), lexicon)
            for m in _ONE.finditer(line.text)
        ):
            continue
        listed = [found(text, *span, "authors", mentions, lexicon) for span in spans]
        answers = speech_heading(zones, lexicon, mentions, after=line.end, nouns=ANSWER_NOUNS)
        return [*listed, *answers]
    return []
