"""Finds mentions of reference entities by the phrases mappings/ gives for them.

Within one group (agents and places, events, cited works) the longest match wins, so
"Embassy of the Republic of Azerbaijan" is the embassy and not also the state. Across groups
spans may overlap: "Khojaly genocide" names an event and, inside it, a place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from statement_kg.extract.author_date import author_date
from statement_kg.extract.spans import SentenceIndex, SpanSet, make_span
from statement_kg.lexicon import Lexicon
from statement_kg.records import Entity, Mention, Phrase

EVENT_TYPES = frozenset({"event"})
WORK_TYPES = frozenset(
    {
        "un_resolution",
        "un_document",
        "convention",
        "court_judgment",
        "declaration",
        "book",
        "news_article",
        "report",
        "legislation",
        "source",
    }
)


def group_of(entity_type: str) -> str:
    if entity_type in EVENT_TYPES:
        return "event"
    if entity_type in WORK_TYPES:
        return "work"
    return "agent-or-place"


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@cache
def _word(first: str) -> re.Pattern[str]:
    return re.compile(re.escape(first), re.IGNORECASE)


def _matches(phrase: Phrase, text: str) -> Iterator[re.Match[str]]:
    """What `finditer` of the phrase's pattern gives, tried only where its first word is:
    a case-insensitive pattern that opens with a look-behind is tried at every character,
    which makes looking for hundreds of phrases the costliest part of extraction."""
    compiled = _compiled(phrase.pattern)
    if phrase.first_word is None:
        yield from compiled.finditer(text)
        return
    first = _word(phrase.first_word)
    at = 0
    while (word := first.search(text, at)) is not None:
        # A look-behind at `match`'s position sees the text before it, as `finditer`'s does.
        match = compiled.match(text, word.start())
        if match is None:
            at = word.start() + 1
            continue
        yield match
        at = match.end()


def _candidates(
    text: str, entity: Entity, phrase: Phrase, index: SentenceIndex
) -> list[tuple[int, int, str]]:
    if phrase.document is not None and not _compiled(phrase.document).search(text):
        return []
    found = []
    for match in _matches(phrase, text):
        if match.end() == match.start():
            continue
        if phrase.context is not None:
            start, end = index.around(match.start())
            if not _compiled(phrase.context).search(text, start, end):
                continue
        found.append((match.start(), match.end(), entity.id))
    return found


def find_mentions(text: str, lexicon: Lexicon, index: SentenceIndex) -> list[Mention]:
    by_group: dict[str, list[tuple[int, int, str]]] = {}
    for entity in lexicon.entities.values():
        group = by_group.setdefault(group_of(entity.type), [])
        for phrase in entity.phrases:
            group.extend(_candidates(text, entity, phrase, index))
    for start, end, work in author_date(text, lexicon.entities):
        by_group.setdefault(group_of(lexicon.entities[work].type), []).append((start, end, work))
    mentions: list[Mention] = []
    for candidates in by_group.values():
        taken = SpanSet()
        # Longest first; ties broken by position and id so the result never depends on
        # the order of the mapping file.
        for start, end, entity_id in sorted(
            set(candidates), key=lambda c: (c[0] - c[1], c[0], c[2])
        ):
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            mentions.append(Mention(entity_id, make_span(text, start, end)))
    return sorted(mentions, key=lambda m: (m.span.start, m.span.end, m.entity))
