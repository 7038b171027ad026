"""Every shipped query gives the same answers wherever it runs: on the embedded store, through
`statement-kg serve`, and after `statement-kg publish` in Oxigraph's server and in Virtuoso
(both queried with the published graph as the default graph). Federated queries call a
stand-in for Wikidata on 127.0.0.1. What "the same" forgives is spelt out in answers.py."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from answers import normalise
from statement_kg.endpoint import Endpoint
from statement_kg.federation import prepare, services
from statement_kg.query import Answer, run
from stores import GRAPH, WIKIDATA, Served, Store

QUERIES = sorted((Path(__file__).resolve().parent.parent / "queries").glob("*.rq"))
# Virtuoso 7.2 sends the default graph on to the remote endpoint (as GRAPH <...> around the
# SERVICE pattern) and turns geo:wktLiteral values into its own virtrdf:Geometry.
# cq-13 agrees only while no person has a Wikidata link (it returns no rows); once one does,
# it joins this set.
VIRTUOSO_FEDERATION = pytest.mark.xfail(
    strict=True,
    reason="Virtuoso 7.2 cannot federate over a named graph: SERVICE gets GRAPH <default>",
)
FAILS_ON_VIRTUOSO = {"cq-14-places-coordinates"}


def _cases() -> list[object]:
    cases: list[object] = []
    for path in QUERIES:
        for store in ("serve", "oxigraph", "virtuoso"):
            failing = path.stem in FAILS_ON_VIRTUOSO and store == "virtuoso"
            marks = [VIRTUOSO_FEDERATION] if failing else []
            cases.append(pytest.param(path, store, marks=marks, id=f"{path.stem}@{store}"))
    return cases


def _ask(request: pytest.FixtureRequest, store: str, text: str) -> Answer:
    if store == "serve":
        served: Served = request.getfixturevalue("served")
        return Endpoint(served.endpoint, timeout=60).query(text)
    published: Store = request.getfixturevalue(f"published_{store}")
    return published.endpoint(timeout=60).query(text, default_graph=GRAPH)


@pytest.mark.parametrize(("path", "store"), _cases())
def test_every_store_gives_the_embedded_answers(
    request: pytest.FixtureRequest, snapshot_store: ox.Store, path: Path, store: str
) -> None:
    text = path.read_text(encoding="utf-8")
    if services(text):
        stand_in: str = request.getfixturevalue("stand_in_wikidata")
        text = prepare(text, snapshot_store, {WIKIDATA: stand_in})
    expected = normalise(run(snapshot_store, text), text)
    assert normalise(_ask(request, store, text), text) == expected
