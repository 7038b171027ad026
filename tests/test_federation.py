"""Federated queries (queries/cq-13-*.rq, cq-14-*.rq) joined with a local Oxigraph server
holding tests/fixtures/wikidata-sample.ttl in place of Wikidata: the SERVICE IRI is pointed
at it, and the graph's Wikidata links are bound into the SERVICE block so the endpoint gets
one small query. No test here reaches beyond 127.0.0.1."""

from __future__ import annotations

import csv
import io
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from fixture_endpoint import WIKIDATA_SAMPLE, oxigraph_server
from statement_kg.build import build
from statement_kg.federation import bind_links, linked_items, prepare, redirect, services
from statement_kg.lexicon import load_lexicon
from statement_kg.linker.endpoint import Endpoint
from statement_kg.linker.finder import find, unlinked
from statement_kg.linker.proposals import accept, proposal_rows, render_proposals
from statement_kg.links import LINKS_FILE, load_links
from statement_kg.project import Project
from statement_kg.query import select
from statement_kg.sssom import read
from statement_kg.store import GRAPH_FILES, load_store

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"
WIKIDATA = "https://query.wikidata.org/sparql"
WD = "http://www.wikidata.org/entity/"
ID = "https://w3id.org/statement-kg/id/"


def _query(name: str) -> str:
    (path,) = QUERIES.glob(f"{name}-*.rq")
    return path.read_text(encoding="utf-8")


def _rows(store: ox.Store, text: str) -> dict[str, dict[str, str]]:
    table = select(store, text)
    return {
        str(row[0].value).removeprefix(ID): {
            c: (t.value if t is not None else "") for c, t in zip(table.columns, row, strict=True)
        }
        for row in table.rows
        if row[0] is not None
    }


@pytest.fixture(scope="module")
def wikidata(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with oxigraph_server([WIKIDATA_SAMPLE], tmp_path_factory.mktemp("wikidata") / "db") as url:
        yield url


def test_federated_queries_name_wikidata_and_a_placeholder() -> None:
    for name in ("cq-13", "cq-14"):
        text = _query(name)
        assert services(text) == [WIKIDATA]
        assert "VALUES ?wikidata { UNDEF }" in text


def test_cq14_joins_places_with_their_coordinates(store: ox.Store, wikidata: str) -> None:
    rows = _rows(store, prepare(_query("cq-14"), store, {WIKIDATA: wikidata}))
    assert rows["place/baku"]["wikidata"] == WD + "Q9248"
    assert rows["place/baku"]["coordinates"] == "Point(49.8328009 40.3755885)"
    assert int(rows["place/baku"]["statements"]) >= 1
    # Vienna is linked, but the fixture gives it no coordinates.
    assert "place/vienna" not in rows


def test_cq13_joins_persons_once_their_links_are_accepted(
    project_copy: Project, wikidata: str
) -> None:
    """The whole round: propose, review, accept, build, and query across both graphs."""
    lexicon = load_lexicon(project_copy.mappings)
    curated = project_copy.mappings / LINKS_FILE
    links = load_links(project_copy.mappings, lexicon)
    ranked = find(Endpoint(wikidata), lexicon, links, unlinked(lexicon, links, ["person"]))
    rows = proposal_rows(ranked, lexicon, wikidata, limit=1)
    for row in rows:
        row["reviewer_label"] = "A. Reviewer"
    proposals = project_copy.root / "proposals.sssom.tsv"
    proposals.write_text(render_proposals(rows, wikidata), encoding="utf-8")
    assert accept(proposals, curated, lexicon).moved == len(rows) >= 8
    assert read(proposals).rows == ()
    build(project_copy, out_dir=project_copy.graph)
    store = load_store(project_copy.graph)
    people = _rows(store, prepare(_query("cq-13"), store, {WIKIDATA: wikidata}))
    sargsyan = people["agent/serzh-sargsyan"]
    assert sargsyan["wikidata"] == WD + "Q99990401"
    assert sargsyan["born"].startswith("1954-06-30")
    assert sargsyan["positions"] == "President of Armenia"
    mutalibov = people["agent/ayaz-mutalibov"]
    assert (mutalibov["born"][:10], mutalibov["died"][:10]) == ("1938-05-12", "2022-03-27")
    assert people["agent/thomas-de-waal"]["born"].startswith("1966")
    assert people["agent/seyran-ohanyan"]["born"] == ""
    assert not any(r["wikidata"].endswith(("02", "06", "11")) for r in people.values())


def test_the_service_block_is_bound_to_the_graphs_links(store: ox.Store) -> None:
    items = linked_items(store, "wikidata")
    assert WD + "Q9248" in items
    assert all(i.startswith(WD + "Q") for i in items)
    bound = bind_links(_query("cq-14"), store)
    assert "UNDEF" not in bound
    assert f"VALUES ?wikidata {{ {' '.join(f'<{i}>' for i in items)} }}" in bound
    # A placeholder for a variable that names no dataset is left alone.
    assert bind_links("VALUES ?other { UNDEF }", store) == "VALUES ?other { UNDEF }"


def test_redirect_replaces_only_the_named_service_iri() -> None:
    text = (
        "SELECT * { SERVICE <http://a.example/sparql> { ?s ?p ?o } "
        "SERVICE SILENT <http://b.example/> {} }"
    )
    out = redirect(text, {"http://a.example/sparql": "http://127.0.0.1:7878/query"})
    assert services(out) == ["http://127.0.0.1:7878/query", "http://b.example/"]
    with pytest.raises(ValueError, match=r"no SERVICE <http://c\.example/>"):
        redirect(text, {"http://c.example/": "http://127.0.0.1:7878/query"})
    for bad in ("http://127.0.0.1:1/q> { } DROP ALL #", "file:///etc/passwd", "127.0.0.1:7878"):
        with pytest.raises(ValueError, match="not an absolute http"):
            redirect(text, {"http://a.example/sparql": bad})


def test_federated_query_runs_in_an_oxigraph_server_too(
    store: ox.Store, wikidata: str, tmp_path: Path
) -> None:
    """The graph served by one Oxigraph server, which calls the fixture's server for SERVICE."""
    graph = ROOT / "graph" / GRAPH_FILES["nt"]
    text = prepare(_query("cq-14"), store, {WIKIDATA: wikidata})
    with oxigraph_server([graph], tmp_path / "db") as url:
        sparql = SPARQLWrapper(url)
        sparql.setMethod(POST)
        sparql.setReturnFormat(JSON)
        sparql.setQuery(text)
        answer: Any = sparql.queryAndConvert()
    bindings = answer["results"]["bindings"]
    points = {b["place"]["value"]: b["coordinates"]["value"] for b in bindings}
    assert points == {ID + "place/baku": "Point(49.8328009 40.3755885)"}


def test_cli_query_with_service(cli: list[str], wikidata: str) -> None:
    (path,) = QUERIES.glob("cq-14-*.rq")
    result = subprocess.run(
        [
            *cli,
            "--root",
            str(ROOT),
            "query",
            str(path),
            "--service",
            f"{WIKIDATA}={wikidata}",
            "--format",
            "csv",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["label"], r["coordinates"]) for r in rows] == [
        ("Baku", "Point(49.8328009 40.3755885)")
    ]
    refused = subprocess.run(
        [*cli, "--root", str(ROOT), "query", str(path), "--service", f"{WIKIDATA}=nope"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert refused.returncode != 0
    assert "not an absolute http(s) endpoint IRI" in refused.stderr
