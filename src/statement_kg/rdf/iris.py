"""IRIs from stable keys (document id, offsets, entity ids), never from counters, so the
same corpus always gives the same graph."""

from __future__ import annotations

from urllib.parse import quote

from rdflib.term import URIRef

from statement_kg.extract.mentions import group_of
from statement_kg.rdf.namespace import ID
from statement_kg.records import Span

_SEGMENT = {"event": "event", "work": "works"}
_PLACE_TYPES = frozenset({"place"})


def entity(entity_id: str, entity_type: str) -> URIRef:
    group = group_of(entity_type)
    segment = _SEGMENT.get(group) or ("place" if entity_type in _PLACE_TYPES else "agent")
    return ID[f"{segment}/{quote(entity_id)}"]


def anniversary(key: str) -> URIRef:
    """An anniversary's key is '<event id>/anniversary/<n>'."""
    return ID[f"event/{quote(key)}"]


def statement(doc_id: str) -> URIRef:
    return ID[f"statement/{quote(doc_id)}"]


def container(doc_id: str) -> URIRef:
    return ID[f"statement/{quote(doc_id)}/container"]


def span(statement_iri: URIRef, start: int, end: int) -> URIRef:
    """The Web Annotation target of a span, named by its statement and offsets."""
    return URIRef(f"{statement_iri}/span/{start}-{end}")


def annotation(doc_id: str, kind: str, anchor: Span, key: str = "") -> URIRef:
    suffix = f"/{quote(key)}" if key else ""
    return ID[f"statement/{quote(doc_id)}/{kind}/{anchor.start}-{anchor.end}{suffix}"]


def time(iso: str) -> URIRef:
    return ID[f"time/{iso}"]


def document_type(type_id: str) -> URIRef:
    return ID[f"document-type/{quote(type_id)}"]


def concept(scheme: str, concept_id: str) -> URIRef:
    """A concept of one of the controlled lists (figure-category, modifier, qualifier,
    characterisation, role)."""
    return ID[f"{scheme}/{quote(concept_id)}"]


def scheme(name: str) -> URIRef:
    return ID[name]


def quotation(key: str) -> URIRef:
    return ID[f"quotation/{quote(key)}"]


def work(kind: str, key: str) -> URIRef:
    return ID[f"works/{kind}/{quote(key)}"]


DOCUMENT_TYPE_SCHEME = ID["document-type"]


def software(name: str, version: str) -> URIRef:
    return ID[f"software/{quote(name)}/{quote(version)}"]


def activity(version: str, rule_name: str) -> URIRef:
    """The extraction activity of one rule in one release."""
    return ID[f"activity/extraction/{quote(version)}/{quote(rule_name)}"]


def rule(name: str) -> URIRef:
    return ID[f"rule/{quote(name)}"]
