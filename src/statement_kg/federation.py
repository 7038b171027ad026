"""Prepares a federated query (one with SERVICE clauses) to run over the built graph.

Two things, both textual and both checked:
- `SERVICE <iri>` can be pointed at another endpoint (a mirror, a local test server): only the
  IRI right after the SERVICE keyword is replaced, only where it equals the one named, and
  only by an absolute http(s) IRI that cannot break out of its angle brackets.
- Oxigraph sends a SERVICE pattern to the remote endpoint without the bindings it already
  has, so `?item wdt:P569 ?born` would ask Wikidata for every date of birth it holds. A query
  therefore writes `VALUES ?wikidata { UNDEF }` inside its SERVICE block (which alone means
  "no restriction", so the query stays valid anywhere), and this module fills it with the
  Wikidata items the graph links to; likewise `?dbpedia` for DBpedia. The remote endpoint
  then gets one small, bounded query.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

import pyoxigraph as ox

_SERVICE = re.compile(r"(\bSERVICE\s+(?:SILENT\s+)?<)([^<>\s]*)(>)", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\bVALUES\s+\?(\w+)\s*\{\s*UNDEF\s*\}", re.IGNORECASE)
_IRI_FORBIDDEN = re.compile(r"[\s<>\"{}|\\^`]")


def check_endpoint(url: str) -> str:
    """The URL, if it is an absolute http(s) IRI that is safe between angle brackets."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or _IRI_FORBIDDEN.search(url):
        raise ValueError(f"not an absolute http(s) endpoint IRI: {url!r}")
    return url


def services(text: str) -> list[str]:
    """The IRIs of the query's SERVICE clauses, in order."""
    return [m[2] for m in _SERVICE.finditer(text)]


def redirect(text: str, endpoints: Mapping[str, str]) -> str:
    """The query with each SERVICE IRI that is a key of `endpoints` replaced by its value."""
    present = set(services(text))
    for iri, url in endpoints.items():
        if iri not in present:
            raise ValueError(f"the query has no SERVICE <{iri}>")
        check_endpoint(url)
    return _SERVICE.sub(lambda m: m[1] + endpoints.get(m[2], m[2]) + m[3], text)


def linked_items(store: ox.Store, dataset: str) -> list[str]:
    """The IRIs of a dataset the graph links to through an identity or match predicate."""
    # Imported here: the link tables need rdflib, which a query without SERVICE never loads.
    from statement_kg.links import DATASETS, MATCH_PREDICATES

    (wanted,) = [d for d in DATASETS if d.name == dataset]
    found = {
        quad.object.value
        for predicate in MATCH_PREDICATES
        for quad in store.quads_for_pattern(None, ox.NamedNode(predicate), None)
        if isinstance(quad.object, ox.NamedNode) and wanted.holds(quad.object.value)
    }
    return sorted(found)


def bind_links(text: str, store: ox.Store) -> str:
    """The query with each `VALUES ?<dataset> { UNDEF }` filled with the graph's links to
    that dataset (a placeholder for any other variable is left alone)."""
    if not _PLACEHOLDER.search(text):
        return text
    from statement_kg.links import DATASETS

    names = {d.name for d in DATASETS}

    def fill(match: re.Match[str]) -> str:
        if match[1] not in names:
            return match[0]
        items = " ".join(f"<{iri}>" for iri in linked_items(store, match[1]))
        return f"VALUES ?{match[1]} {{ {items} }}"

    return _PLACEHOLDER.sub(fill, text)


def prepare(text: str, store: ox.Store, endpoints: Mapping[str, str]) -> str:
    return bind_links(redirect(text, endpoints), store)
