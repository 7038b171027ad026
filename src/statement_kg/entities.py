"""The graph's named things, by the short ids users write: statements, agents, places,
events and works. A short id is the resource's `dcterms:identifier` or, for the few without
one (events and works named by the build), the part of its IRI after `id/<kind>/`; either
way it is what `--param issuer=...` and `statement-kg entities` use."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

ID_BASE = "https://w3id.org/statement-kg/id/"
KINDS = ("statement", "person", "organisation", "group", "place", "event", "work")

# In order: the first class a resource has gives its kind (a statement is also a creative
# work, a country a place, a news outlet an organisation).
_KIND_OF = (
    ("https://w3id.org/statement-kg/ontology#Statement", "statement"),
    ("https://schema.org/Person", "person"),
    ("http://www.w3.org/ns/org#Organization", "organisation"),
    ("https://schema.org/NewsMediaOrganization", "organisation"),
    ("http://xmlns.com/foaf/0.1/Group", "group"),
    ("https://schema.org/Place", "place"),
    ("http://semanticweb.cs.vu.nl/2009/11/sem/Event", "event"),
    ("https://schema.org/CreativeWork", "work"),
)
QUERY = f"""\
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?entity (GROUP_CONCAT(DISTINCT STR(?class)) AS ?classes)
       (SAMPLE(?anyId) AS ?id) (SAMPLE(?anyLabel) AS ?label)
WHERE {{
  VALUES ?class {{ {" ".join(f"<{c}>" for c, _ in _KIND_OF)} }}
  ?entity a ?class .
  FILTER(STRSTARTS(STR(?entity), "{ID_BASE}"))
  OPTIONAL {{ ?entity dcterms:identifier ?identifier }}
  BIND(COALESCE(?identifier, REPLACE(STR(?entity), "^{ID_BASE}[^/]+/", "")) AS ?anyId)
  OPTIONAL {{ ?entity rdfs:label|skos:prefLabel|dcterms:title ?anyLabel }}
}}
GROUP BY ?entity
"""


def _kind(classes: str) -> str:
    held = set(classes.split())
    return next(kind for iri, kind in _KIND_OF if iri in held)


@dataclass(frozen=True)
class Entity:
    iri: str
    kind: str
    id: str
    label: str


Select = Callable[[str], Sequence[dict[str, str | None]]]


def entities(select: Select, kind: str | None = None) -> list[Entity]:
    """Every named thing of the graph (or of one kind), by kind and id. `select` runs a
    SELECT query and gives each row as variable -> lexical value."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; kinds: {', '.join(KINDS)}")
    found = [
        Entity(
            row["entity"] or "", _kind(row["classes"] or ""), row["id"] or "", row["label"] or ""
        )
        for row in select(QUERY)
    ]
    found.sort(key=lambda e: (KINDS.index(e.kind), e.id))
    return [e for e in found if kind is None or e.kind == kind]


class UnknownId(ValueError):
    """A short id that names nothing, or more than one thing."""


def resolve(short_id: str, known: Sequence[Entity]) -> str:
    """The IRI of the one entity with this short id."""
    matches = sorted({e.iri for e in known if e.id == short_id})
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise UnknownId(f"no entity has the id {short_id!r} (statement-kg entities lists them)")
    raise UnknownId(f"the id {short_id!r} names {len(matches)} entities: {', '.join(matches)}")
