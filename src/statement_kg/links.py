"""Curated links from the reference entities to other datasets: mappings/links.sssom.tsv,
checked row by row, turned into triples for the reference graph.

The predicate says how strong the link is (see ontology/statement-kg.ttl, "Links"):
owl:sameAs where identity is exact, skos:exactMatch or skos:closeMatch where it is a matter
of judgment (never owl:sameAs for an event), rdfs:seeAlso for the official text of a document
(schema:url stays what it is elsewhere in the graph: a web address a statement gives).
Every row says where its target was checked; a link that could not be checked stays out,
and the entity stays unlinked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from statement_kg.extract.mentions import group_of
from statement_kg.lexicon import Lexicon
from statement_kg.rdf.reference import entity_iri
from statement_kg.records import EntityLink, InputError
from statement_kg.sssom import MappingSet, Row, read

LINKS_FILE = "links.sssom.tsv"

SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
EXACT_MATCH = "http://www.w3.org/2004/02/skos/core#exactMatch"
CLOSE_MATCH = "http://www.w3.org/2004/02/skos/core#closeMatch"
SEE_ALSO = "http://www.w3.org/2000/01/rdf-schema#seeAlso"
MATCH_PREDICATES = frozenset({SAME_AS, EXACT_MATCH, CLOSE_MATCH})
DOCUMENT_PREDICATES = frozenset({SEE_ALSO})

MANUAL = "https://w3id.org/semapv/vocab/ManualMappingCuration"
LEXICAL = "https://w3id.org/semapv/vocab/LexicalMatching"
# Entity types whose identity is a matter of judgment: matched, never owl:sameAs.
_JUDGMENT_TYPES = frozenset({"event"})


@dataclass(frozen=True)
class Dataset:
    """An external dataset: the form of its IRIs and the predicates that may point there."""

    name: str
    pattern: re.Pattern[str]
    predicates: frozenset[str]

    def holds(self, iri: str) -> bool:
        return self.pattern.fullmatch(iri) is not None


# The same patterns are in the SHACL shapes (ontology/shapes.ttl, "links").
_WIKIDATA = r"http://www\.wikidata\.org/entity/Q[0-9]+"
_DBPEDIA = r"http://dbpedia\.org/resource/[^\s<>\"{}|\\^`]+"
_UNDOCS = r"https://undocs\.org/[A-Z]+(/[A-Za-z0-9.()]+)+"
_HUDOC = r"https://hudoc\.echr\.coe\.int/eng\?i=[0-9]{3}-[0-9]+"
DATASETS: tuple[Dataset, ...] = (
    Dataset("wikidata", re.compile(_WIKIDATA), MATCH_PREDICATES),
    Dataset("dbpedia", re.compile(_DBPEDIA), MATCH_PREDICATES),
    Dataset("undocs", re.compile(_UNDOCS), DOCUMENT_PREDICATES),
    Dataset("hudoc", re.compile(_HUDOC), DOCUMENT_PREDICATES),
)


def dataset_of(iri: str) -> Dataset | None:
    return next((d for d in DATASETS if d.holds(iri)), None)


@dataclass(frozen=True)
class LinkSummary:
    """What the build reports: links per dataset and the entities that link nowhere."""

    per_dataset: dict[str, int]
    unlinked: tuple[str, ...]

    def __str__(self) -> str:
        counts = ", ".join(f"{d.name} {self.per_dataset.get(d.name, 0)}" for d in DATASETS)
        return f"{counts}; {len(self.unlinked)} entities unlinked"


def _error(table: MappingSet, row: Row, column: str, message: str) -> InputError:
    return InputError(table.path, message, line=row.line, field=column)


def _confidence(table: MappingSet, row: Row) -> float:
    try:
        value = float(row.get("confidence"))
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise _error(table, row, "confidence", "confidence must be a number from 0 to 1")
    return value


def _link(table: MappingSet, row: Row, entities: dict[str, str], lexicon: Lexicon) -> EntityLink:
    subject = table.expand(row, "subject_id")
    if subject not in entities:
        raise _error(
            table, row, "subject_id", f"{row.get('subject_id')!r} is no entity of mappings/"
        )
    entity = lexicon.entities[entities[subject]]
    predicate = table.expand(row, "predicate_id")
    target = table.expand(row, "object_id")
    dataset = dataset_of(target)
    if dataset is None:
        names = ", ".join(d.name for d in DATASETS)
        raise _error(table, row, "object_id", f"{target} is no IRI of a known dataset ({names})")
    if predicate not in dataset.predicates:
        raise _error(
            table, row, "predicate_id", f"{row.get('predicate_id')} cannot link to {dataset.name}"
        )
    if predicate == SAME_AS and entity.type in _JUDGMENT_TYPES:
        raise _error(
            table,
            row,
            "predicate_id",
            f"owl:sameAs asserts identity; a {entity.type} is matched with "
            "skos:exactMatch or skos:closeMatch",
        )
    if predicate in DOCUMENT_PREDICATES and group_of(entity.type) != "work":
        raise _error(table, row, "predicate_id", "only a cited work links to a document")
    justification = table.expand(row, "mapping_justification")
    if justification not in (MANUAL, LEXICAL):
        raise _error(
            table,
            row,
            "mapping_justification",
            "a curated link is semapv:ManualMappingCuration, or a reviewed semapv:LexicalMatching",
        )
    if justification == LEXICAL and not row.get("reviewer_label"):
        raise _error(
            table, row, "reviewer_label", "a lexical match enters the table only once reviewed"
        )
    if not row.get("comment"):
        raise _error(table, row, "comment", "say where the target was checked")
    return EntityLink(entity.id, predicate, target, dataset.name, _confidence(table, row), row.line)


def parse_links(table: MappingSet, lexicon: Lexicon) -> list[EntityLink]:
    """The table's links, each checked, with at most one target per entity and dataset."""
    entities = {str(entity_iri(lexicon, e)): e for e in lexicon.entities}
    links: list[EntityLink] = []
    seen: dict[tuple[str, str], EntityLink] = {}
    identical: dict[str, EntityLink] = {}
    for row in table.rows:
        link = _link(table, row, entities, lexicon)
        if link.predicate == SAME_AS:
            # Two entities the same as one item would be the same as each other: a duplicate
            # entity or a wrong target, either way not something to publish.
            other = identical.get(link.target)
            if other is not None and other.entity != link.entity:
                raise _error(
                    table,
                    row,
                    "object_id",
                    f"{link.target} is already owl:sameAs {other.entity!r} (line {other.line}); "
                    "two entities cannot both be identical to it",
                )
            identical[link.target] = link
        earlier = seen.get((link.entity, link.dataset))
        if earlier is not None:
            message = (
                f"repeats line {earlier.line}"
                if earlier.target == link.target
                else f"a second {link.dataset} target for {link.entity!r}: "
                f"line {earlier.line} links it to {earlier.target}"
            )
            raise _error(table, row, "object_id", message)
        seen[(link.entity, link.dataset)] = link
        links.append(link)
    return links


def load_links(mappings: Path, lexicon: Lexicon) -> list[EntityLink]:
    """The curated links of a project; none when it has no table."""
    path = mappings / LINKS_FILE
    if not path.exists():
        return []
    return parse_links(read(path), lexicon)


def add_links(graph: Graph, links: Iterable[EntityLink], lexicon: Lexicon) -> None:
    for link in links:
        graph.add((entity_iri(lexicon, link.entity), URIRef(link.predicate), URIRef(link.target)))


def summarise(links: Iterable[EntityLink], lexicon: Lexicon) -> LinkSummary:
    links = list(links)
    linked = {link.entity for link in links}
    return LinkSummary(
        dict(Counter(link.dataset for link in links)),
        tuple(sorted(e for e in lexicon.entities if e not in linked)),
    )
