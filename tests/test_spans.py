"""Every anchored item in the built graph points at the exact text it claims to quote, in both
forms of its anchor: text[begin:end] == anchorOf (NIF, on the annotation) and
text[start:end] == exact (its Web Annotation target's selectors), checked in SPARQL over
graph/ and again in Python."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from statement_kg.project import Project

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted(p.stem for p in (ROOT / "corpus").glob("*.txt"))

ANCHORS = """
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?span ?text ?start ?end ?exact ?prefix ?suffix ?begin ?stop ?words WHERE {
  ?statement dcterms:identifier ?id ; nif:isString ?text .
  ?annotation nif:referenceContext ?statement ; nif:beginIndex ?begin ; nif:endIndex ?stop ;
              nif:anchorOf ?words ; oa:hasTarget ?span .
  ?span oa:hasSource ?statement ; oa:hasSelector ?q, ?p .
  ?q a oa:TextQuoteSelector ; oa:exact ?exact ; oa:prefix ?prefix ; oa:suffix ?suffix .
  ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
}
"""

MISMATCHES = """
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT ?span WHERE {
  {
    ?span oa:hasSource ?statement ; oa:hasSelector ?q, ?p .
    ?statement nif:isString ?text .
    ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end .
  } UNION {
    ?span nif:referenceContext ?statement ; nif:anchorOf ?exact ;
          nif:beginIndex ?start ; nif:endIndex ?end .
    ?statement nif:isString ?text .
  }
  FILTER(SUBSTR(?text, ?start + 1, ?end - ?start) != ?exact)
}
"""


def test_the_mismatch_query_sees_both_forms(store: ox.Store) -> None:
    """Not vacuous: with the filter turned around, it finds every anchor in both forms."""
    result = store.query(MISMATCHES.replace("!= ?exact", "= ?exact"))
    assert isinstance(result, ox.QuerySolutions)
    found = {str(row["span"]) for row in result}
    assert {span for span in found if "/span/" in span}
    assert {span for span in found if "/span/" not in span}


def test_no_span_mismatch_in_sparql(store: ox.Store) -> None:
    result = store.query(MISMATCHES)
    assert isinstance(result, ox.QuerySolutions)
    assert [row["span"] for row in result] == []


@pytest.mark.parametrize("doc_id", DOCS)
def test_every_anchor_matches_the_source_file(
    doc_id: str, store: ox.Store, project: Project
) -> None:
    text = (project.corpus / f"{doc_id}.txt").read_text(encoding="utf-8")
    query = ANCHORS.replace("?id ;", f'"{doc_id}" ;')
    result = store.query(query)
    assert isinstance(result, ox.QuerySolutions)
    rows = list(result)
    assert len(rows) > 10
    for row in rows:
        start, end = int(row["start"].value), int(row["end"].value)
        assert row["text"].value == text
        assert text[start:end] == row["exact"].value, row["span"]
        assert (int(row["begin"].value), int(row["stop"].value)) == (start, end), row["span"]
        assert row["words"].value == row["exact"].value, row["span"]
        assert text[max(0, start - len(row["prefix"].value)) : start] == row["prefix"].value
        assert text[end : end + len(row["suffix"].value)] == row["suffix"].value
