"""Finds candidate Wikidata items for the entities that have no Wikidata link yet: looks their
names up, fetches what scoring needs, scores and ranks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from statement_kg.lexicon import Lexicon
from statement_kg.linker.candidates import item_facts, lexical_matches
from statement_kg.linker.endpoint import Endpoint
from statement_kg.linker.scoring import KINDS, ROOTS, Context, rank, score
from statement_kg.records import Entity, EntityLink, LinkCandidate, TimeSpec

WIKIDATA = "wikidata"


def unlinked(lexicon: Lexicon, links: Iterable[EntityLink], kinds: Sequence[str]) -> list[Entity]:
    """The entities of the chosen kinds with no Wikidata link."""
    linked = {link.entity for link in links if link.dataset == WIKIDATA}
    types = {t for kind in kinds for t in KINDS[kind]}
    return [e for e in lexicon.entities.values() if e.type in types and e.id not in linked]


def corpus_window(lexicon: Lexicon) -> TimeSpec | None:
    """The years the corpus's events span, from the earliest to the latest."""
    times = [e.when for e in lexicon.entities.values() if e.when is not None]
    if not times:
        return None
    begin = min(times, key=lambda t: t.begin.first_day).begin
    end = max(times, key=lambda t: (t.end or t.begin).last_day)
    return TimeSpec(begin, end.end or end.begin)


def context(lexicon: Lexicon, links: Iterable[EntityLink]) -> Context:
    """The corpus's years, and for each entity the Wikidata items of the places it lies in."""
    items: dict[str, set[str]] = {}
    for link in links:
        if link.dataset == WIKIDATA:
            items.setdefault(link.entity, set()).add(link.target)
    countries: dict[str, frozenset[str]] = {}
    for entity in lexicon.entities.values():
        found: set[str] = set()
        parent = entity.located_in
        while parent is not None and parent in lexicon.entities:
            if lexicon.entities[parent].type == "country":
                found |= items.get(parent, set())
            parent = lexicon.entities[parent].located_in
        countries[entity.id] = frozenset(found)
    return Context(corpus_window(lexicon), countries)


def find(
    endpoint: Endpoint, lexicon: Lexicon, links: Sequence[EntityLink], entities: Sequence[Entity]
) -> dict[str, list[LinkCandidate]]:
    """For each entity, its candidates, best first (an entity nothing was found for is
    missing)."""
    matches = lexical_matches(endpoint, entities)
    roots = {root for entity in entities for root in ROOTS.get(entity.type, frozenset())}
    facts = item_facts(endpoint, (i for found in matches.values() for i in found), roots)
    situation = context(lexicon, links)
    ranked: dict[str, list[LinkCandidate]] = {}
    for entity in entities:
        found = matches.get(entity.id, {})
        candidates = rank(
            [score(entity, facts[item], names, situation) for item, names in found.items()]
        )
        if candidates:
            ranked[entity.id] = candidates
    return ranked
