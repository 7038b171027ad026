"""Every XML output is well-formed XML 1.0 that gives back exactly what was written: a
carriage return survives (as &#xD;), so a text read back from RDF/XML keeps its length and
every span offset; a character XML cannot carry at all (NUL, VT, FF, U+FFFE) is refused with
a message naming it, never written into a document no parser accepts."""

from __future__ import annotations

import re
import subprocess
import xml.dom.minidom
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from statement_kg.project import Project
from statement_kg.query import render
from statement_kg.store import canonical_triples, export, serialise
from statement_kg.xmlsafe import XmlError

SUBJECT = URIRef("https://w3id.org/statement-kg/id/statement/x")
TEXT = URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString")

KEPT = {
    "crlf": "Baku, 25 February\r\n\r\nIn the night of 25-26 February",
    "lone-cr": "line one\rline two",
    "tab-and-edge-spaces": "  \ta text\t  ",
    "non-ascii": "Xocalı — «genocide»",
}
REFUSED = {
    "nul": ("a\x00b", "U+0000 (NUL)"),
    "vertical-tab": ("a\x0bb", "U+000B (VERTICAL TAB)"),
    "form-feed": ("page one\x0cpage two", "U+000C (FORM FEED)"),
    "u+fffe": ("a\ufffeb", "U+FFFE"),
}


def _graph(text: str) -> Graph:
    graph = Graph()
    graph.add((SUBJECT, TEXT, Literal(text)))
    graph.add((SUBJECT, URIRef("http://purl.org/dc/terms/title"), Literal(text, lang="en")))
    return graph


def _solutions(text: str) -> ox.QuerySolutions:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode(str(SUBJECT)), ox.NamedNode(str(TEXT)), ox.Literal(text)))
    answer = store.query("SELECT ?text WHERE { ?s ?p ?text }")
    assert isinstance(answer, ox.QuerySolutions)
    return answer


@pytest.mark.parametrize("text", KEPT.values(), ids=KEPT.keys())
def test_rdf_xml_is_well_formed_and_round_trips(text: str) -> None:
    data = serialise(canonical_triples(_graph(text)), "xml")
    xml.dom.minidom.parseString(data)
    back = Graph().parse(data=data, format="xml")
    assert isomorphic(back, _graph(text))
    assert len(str(back.value(SUBJECT, TEXT))) == len(text)
    by_oxigraph = [q.triple.object for q in ox.parse(data, format=ox.RdfFormat.RDF_XML)]
    assert {term.value for term in by_oxigraph} == {text}


@pytest.mark.parametrize("text", KEPT.values(), ids=KEPT.keys())
def test_sparql_xml_results_are_well_formed_and_round_trip(text: str) -> None:
    data = render(_solutions(text), "xml")
    xml.dom.minidom.parseString(data)
    back = ox.parse_query_results(data, format=ox.QueryResultsFormat.XML)
    assert isinstance(back, ox.QuerySolutions)
    values = [solution["text"] for solution in back]
    assert [v.value for v in values if isinstance(v, ox.Literal)] == [text]


@pytest.mark.parametrize(("text", "named"), REFUSED.values(), ids=REFUSED.keys())
def test_rdf_xml_refuses_what_xml_cannot_carry(text: str, named: str) -> None:
    with pytest.raises(XmlError, match=re.escape(f"holds {named}")) as caught:
        serialise(canonical_triples(_graph(text)), "xml")
    assert "use --format ttl, nt, jsonld or trig" in str(caught.value)


@pytest.mark.parametrize(("text", "named"), REFUSED.values(), ids=REFUSED.keys())
def test_sparql_xml_refuses_what_xml_cannot_carry(text: str, named: str) -> None:
    with pytest.raises(XmlError, match=re.escape(f"holds {named}")) as caught:
        render(_solutions(text), "xml")
    assert "use --format json, csv or tsv" in str(caught.value)
    assert render(_solutions(text), "json")  # the same answer in JSON is fine


def test_export_of_a_graph_with_crlf_keeps_every_offset(tmp_path: Path) -> None:
    text = KEPT["crlf"]
    (tmp_path / "statements.nt").write_bytes(serialise(canonical_triples(_graph(text)), "nt"))
    back = Graph().parse(data=export(tmp_path, "xml"), format="xml")
    kept = str(back.value(SUBJECT, TEXT))
    start = text.index("In the night")
    assert kept[start : start + 12] == "In the night"


def test_cli_says_why_it_writes_no_xml(cli: list[str], project: Project) -> None:
    done = subprocess.run(
        [
            *cli,
            "--root",
            str(project.root),
            "query",
            "--query",
            'SELECT ?x WHERE { BIND("page one\\u000Cpage two" AS ?x) }',
            "--format",
            "xml",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert "U+000C (FORM FEED)" in done.stderr
