"""Document structure, case by case: a small text of each genre and structure kind (relay
sentence and news site's lines, UN letter head and signature, enacting clause, headings,
letterhead, by-line, signature block) and the issuers, relays, date, place and addressee
its structure gives. The cases are in tests/structure/cases.yaml."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from statement_kg.corpus import read_document
from statement_kg.extract import extract
from statement_kg.lexicon import Lexicon
from statement_kg.metadata import (
    find_addressee,
    find_issue_date,
    find_issuers,
    find_place,
    find_relays,
    own_date_spans,
)
from statement_kg.project import Project
from statement_kg.rdf import iris
from statement_kg.rdf.namespace import DCTERMS, SCHEMA
from statement_kg.rdf.reference import entity_iri
from statement_kg.rdf.statement import statement_graph
from statement_kg.structure.document import read_structure

CASES = Path(__file__).parent / "structure" / "cases.yaml"


def _cases() -> list[Any]:
    raw = yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]
    return [pytest.param(case, id=case["id"]) for case in raw]


@pytest.mark.parametrize("case", _cases())
def test_structure_case(case: dict[str, Any], lexicon: Lexicon) -> None:
    text = case["text"]
    issuers = find_issuers(text, lexicon)
    assert [f.span.exact for f in issuers] == case.get("issuers", [])
    assert [[s.exact for s in f.also] for f in issuers] == case.get("also", [[] for _ in issuers])
    relays = find_relays(text, lexicon)
    assert [f.span.exact for f in relays] == case.get("relays", [])
    assert [[s.exact for s in f.also] for f in relays] == case.get(
        "relays_also", [[] for _ in relays]
    )
    date = find_issue_date(text, lexicon)
    assert (date.value if date else None) == case.get("date")
    place = find_place(text, lexicon)
    assert (place.span.exact if place else None) == case.get("place")
    addressee = find_addressee(text, lexicon)
    assert (addressee.span.exact if addressee else None) == case.get("addressee")
    chrome = read_structure(text, lexicon).chrome
    assert [text[start:end] for start, end in chrome] == case.get("chrome", [])


@pytest.mark.parametrize("case", _cases())
def test_every_span_is_exact_in_the_text(case: dict[str, Any], lexicon: Lexicon) -> None:
    text = case["text"]
    for found in find_issuers(text, lexicon) + find_relays(text, lexicon):
        for span in (found.span, *found.also):
            assert text[span.start : span.end] == span.exact


@pytest.mark.parametrize(
    ("case_id", "own"),
    [
        pytest.param("relay-sentence/issued-statement-reads", ["14:30, 12 Apr 2018"], id="relay"),
        pytest.param(
            "heading/joint-press-release-of-two-bodies",
            ["Yerevan, 27 February 2018"],
            id="dateline",
        ),
        pytest.param(
            "enacting/resolved-by-the-house", ["Adopted by the House March 2, 2016."], id="adopted"
        ),
        pytest.param(
            "social/a-thread-compiled-by-a-reader-site",
            ["8:14 PM · Feb 25, 2024", "8:16 PM · Feb 25, 2024"],
            id="post-stamps",
        ),
        pytest.param(
            "not-taken/raised-note-numbers-under-a-rule",
            ["Pravda, 2 March 1992; Kommersant, 5 March 1992."],
            id="raised-notes",
        ),
    ],
)
def test_own_date_lines_are_exposed(case_id: str, own: list[str], lexicon: Lexicon) -> None:
    """The event-date extractor skips these spans: the document's own date lines."""
    case = next(c.values[0] for c in _cases() if c.id == case_id)
    text = case["text"]
    lines = [text[a:b] for a, b in own_date_spans(text, lexicon)]
    assert all(line in lines for line in own), lines


def test_a_sidecars_relay_is_the_statements_publisher(project: Project, lexicon: Lexicon) -> None:
    """relayed_by in a sidecar: the site is the statement's schema:publisher, not a creator."""
    document = read_document(project.corpus / "2023-02-26-vienna-rally-statement.txt", lexicon)
    relayed = replace(document, meta=replace(document.meta, relayed_by=("the-washington-post",)))
    graph = statement_graph(extract(relayed, lexicon), lexicon)
    statement = iris.statement(document.id)
    outlet = entity_iri(lexicon, "the-washington-post")
    assert set(graph.objects(statement, SCHEMA.publisher)) == {outlet}
    assert outlet not in set(graph.objects(statement, DCTERMS.creator))
