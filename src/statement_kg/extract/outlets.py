"""Articles cited by outlet and day, and the outlet that published each: a news outlet
recognised by its name, so the article has its publisher, or the listed outlet of that
name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from statement_kg.lexicon import Lexicon, literal_phrase
from statement_kg.records import Entity
from statement_kg.slug import slug

PREFIX = "outlet-"


def outlet_id(name: str) -> str:
    return PREFIX + slug(name)


def news_outlet(name: str) -> Entity:
    return Entity(
        id=outlet_id(name),
        type="news_outlet",
        label=name,
        phrases=(literal_phrase(name),),
        recognised=True,
    )


def news_article(outlet: str, words: str, day: str) -> Entity:
    """The article `outlet` published on `day`, found at `words`."""
    return Entity(
        id=slug(f"{outlet}-{day}"),
        type="news_article",
        label=f"{outlet}, {day}",
        phrases=(literal_phrase(words),),
        issued=day,
        issued_by=outlet_id(outlet),
        recognised=True,
    )


def to_listed_outlets(
    candidates: Iterable[tuple[Entity, int, int]], lexicon: Lexicon
) -> list[tuple[Entity, int, int]]:
    """Articles published by an outlet `mappings/` lists point to it, and its recognised
    double is left out."""
    listed = {
        name.casefold(): entity.id
        for entity in lexicon.entities.values()
        if entity.type == "news_outlet"
        for name in entity.names
    }
    by_id = {outlet_id(name): entity_id for name, entity_id in listed.items()}
    kept = []
    for entity, start, end in candidates:
        if entity.type == "news_outlet" and entity.recognised and entity.id in by_id:
            continue
        publisher = by_id.get(entity.issued_by or "") if entity.type == "news_article" else None
        kept.append((replace(entity, issued_by=publisher) if publisher else entity, start, end))
    return kept
