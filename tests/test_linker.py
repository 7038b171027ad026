"""The link finder, against a local Oxigraph server holding tests/fixtures/wikidata-sample.ttl
(no test here reaches beyond 127.0.0.1): the right item first for every entity the fixture
holds, decoys below it; proposals as SSSOM rows to review, never written into the curated
table; reviewed rows moved in by --accept; a polite client that backs off on 429 and 5xx."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
import pytest

from fixture_endpoint import WIKIDATA_SAMPLE, oxigraph_server, scripted_server
from statement_kg.lexicon import Lexicon, load_lexicon
from statement_kg.linker.candidates import lexical_query, literal
from statement_kg.linker.endpoint import USER_AGENT, Binding, Endpoint, EndpointError, retry_after
from statement_kg.linker.finder import find, unlinked
from statement_kg.linker.scoring import KINDS
from statement_kg.links import LINKS_FILE, load_links, summarise
from statement_kg.project import Project
from statement_kg.records import LinkCandidate
from statement_kg.sssom import Row, read

ROOT = Path(__file__).resolve().parent.parent
WD = "http://www.wikidata.org/entity/"

# The right item for each entity the fixture holds. For entities the curated table links,
# it is the table's target (checked below); the others' ids are the fixture's made-up ones.
RIGHT = {
    "aghdam": "Q99990204",
    "ayaz-mutalibov": "Q99990404",
    "human-rights-watch": "Q99990103",
    "kalbajar": "Q99990207",
    "khojaly": "Q99990201",
    "khojaly-events-1992": "Q99990501",
    "malcolm-shaw": "Q99990410",
    "memorial": "Q99990101",
    "nagorno-karabakh": "Q99990208",
    "paul-quinn-judge": "Q99990409",
    "robert-kocharyan": "Q99990403",
    "serzh-sargsyan": "Q99990401",
    "seyran-ohanyan": "Q99990407",
    "shusha": "Q99990206",
    "thomas-de-waal": "Q99990405",
    "thomas-goltz": "Q99990408",
    "unsc-res-822": "Q99990601",
    "unsc-res-853": "Q99990602",
    "unsc-res-874": "Q99990603",
    "unsc-res-884": "Q99990604",
}
DECOYS = {
    "aghdam": ["Q99990205"],
    "khojaly": ["Q99990202", "Q99990203"],
    "khojaly-events-1992": ["Q99990502", "Q99990503"],
    "malcolm-shaw": ["Q99990411"],
    "memorial": ["Q99990102"],
    "serzh-sargsyan": ["Q99990402"],
    "thomas-de-waal": ["Q99990406"],
    "unsc-res-822": ["Q99990605"],
}


class CountingEndpoint(Endpoint):
    """An endpoint that counts the requests it sends."""

    requests = 0

    def select(self, query: str) -> list[Binding]:
        self.requests += 1
        return super().select(query)


@pytest.fixture(scope="module")
def wikidata(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with oxigraph_server([WIKIDATA_SAMPLE], tmp_path_factory.mktemp("wikidata") / "db") as url:
        yield url


@pytest.fixture(scope="module")
def expected(lexicon: Lexicon) -> dict[str, str]:
    """RIGHT, plus the curated table's Wikidata targets that the fixture holds."""
    fixture = {
        q.subject.value for q in ox.parse(path=str(WIKIDATA_SAMPLE), format=ox.RdfFormat.TURTLE)
    }
    curated = {
        link.entity: link.target.removeprefix(WD)
        for link in load_links(ROOT / "mappings", lexicon)
        if link.dataset == "wikidata" and link.target in fixture
    }
    assert len(curated) >= 13
    assert not set(curated) & set(RIGHT)
    return {**curated, **RIGHT}


@pytest.fixture(scope="module")
def ranked_without_links(wikidata: str, lexicon: Lexicon) -> dict[str, list[LinkCandidate]]:
    """Every entity looked up as if the curated table were empty."""
    return find(Endpoint(wikidata), lexicon, [], unlinked(lexicon, [], sorted(KINDS)))


def test_the_right_item_comes_first_for_every_fixture_entity(
    ranked_without_links: dict[str, list[LinkCandidate]], expected: dict[str, str]
) -> None:
    first = {e: c[0].item.removeprefix(WD) for e, c in ranked_without_links.items()}
    assert {e: first.get(e) for e in expected} == expected


def test_decoys_rank_below_the_right_item(
    ranked_without_links: dict[str, list[LinkCandidate]],
) -> None:
    for entity, decoys in DECOYS.items():
        candidates = {c.item.removeprefix(WD): c for c in ranked_without_links[entity]}
        right = candidates[RIGHT[entity]]
        for decoy in decoys:
            if decoy in candidates:
                assert candidates[decoy].score < right.score, (entity, decoy)


def test_scores_say_why(ranked_without_links: dict[str, list[LinkCandidate]]) -> None:
    (painter,) = [c for c in ranked_without_links["thomas-de-waal"] if c.item.endswith("06")]
    assert any("outside the corpus's years" in r for r in painter.reasons)
    (film,) = [c for c in ranked_without_links["khojaly"] if c.item.endswith("Q99990203")]
    assert any("does not agree with place" in r for r in film.reasons)
    (massacre, *_) = ranked_without_links["khojaly-events-1992"]
    assert any("its date fits 1992-02-25/1992-02-26" in r for r in massacre.reasons)
    assert any('our phrase "Khojaly massacre" is its label' in r for r in massacre.reasons)


def test_linked_entities_are_not_looked_up_and_context_counts(
    wikidata: str, lexicon: Lexicon
) -> None:
    links = load_links(ROOT / "mappings", lexicon)
    entities = unlinked(lexicon, links, ["place", "organisation"])
    assert "republic-of-azerbaijan" not in {e.id for e in entities}
    assert "baku" not in {e.id for e in entities}
    ranked = find(Endpoint(wikidata), lexicon, links, entities)
    assert not {link.entity for link in links if link.dataset == "wikidata"} & set(ranked)
    # Khojaly lies in Azerbaijan, which the curated table links to Q227: the town agrees.
    (town, *_) = ranked["khojaly"]
    assert town.item == WD + "Q99990201"
    assert "+0.10 in the country the entity lies in" in town.reasons


def test_requests_are_batched(wikidata: str, lexicon: Lexicon) -> None:
    endpoint = CountingEndpoint(wikidata)
    entities = unlinked(lexicon, [], sorted(KINDS))
    find(endpoint, lexicon, [], entities)
    assert len(entities) > 40
    # A handful of batched queries, growing with the mappings by batches, not by entities.
    assert endpoint.requests * 10 <= len(entities)


def test_names_cannot_break_out_of_their_literal() -> None:
    evil = 'x" } } DROP ALL ; SELECT * WHERE { ?s ?p "'
    assert literal(evil, "en") == '"x\\" } } DROP ALL ; SELECT * WHERE { ?s ?p \\""@en'
    solutions = ox.Store().query(lexical_query([evil, "back\\slash", "line\nbreak"]))
    assert isinstance(solutions, ox.QuerySolutions)
    assert list(solutions) == []


def _run(cli: list[str], root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*cli, "--root", str(root), "link", *args],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


def test_cli_writes_proposals_and_never_the_curated_table(
    cli: list[str], project_copy: Project, wikidata: str
) -> None:
    curated = project_copy.mappings / LINKS_FILE
    before = curated.read_bytes()
    out = project_copy.root / "proposals.sssom.tsv"
    result = _run(cli, project_copy.root, "--endpoint", wikidata, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert curated.read_bytes() == before
    proposals = read(out)
    assert proposals.metadata["mapping_tool"] == "statement-kg link"
    rows = proposals.rows
    assert {r.get("mapping_justification") for r in rows} == {"semapv:LexicalMatching"}
    assert all(r.get("reviewer_label") == "" for r in rows)
    first: dict[str, Row] = {}
    for r in rows:
        first.setdefault(r.get("subject_id"), r)
    assert first["place:khojaly"].get("object_id") == "wd:Q99990201"
    assert first["place:khojaly"].get("predicate_id") == "skos:exactMatch"
    assert first["event:khojaly-events-1992"].get("predicate_id") == "skos:closeMatch"
    assert first["agent:serzh-sargsyan"].get("predicate_id") == "owl:sameAs"
    assert float(first["agent:serzh-sargsyan"].get("confidence")) == 0.9
    assert (
        first["agent:serzh-sargsyan"]
        .get("comment")
        .startswith(f"candidate 1 of 2 from {wikidata}: +0.50 our label")
    )
    assert "agent:republic-of-azerbaijan" not in first  # already linked
    assert result.stderr.strip().endswith("unlinked entities have candidates")
    # --type narrows; --out may not be the curated table.
    people = _run(cli, project_copy.root, "--endpoint", wikidata, "--type", "person")
    assert people.returncode == 0, people.stderr
    assert "place:khojaly" not in people.stdout
    assert "agent:thomas-de-waal" in people.stdout
    refused = _run(cli, project_copy.root, "--endpoint", wikidata, "--out", str(curated))
    assert refused.returncode != 0
    assert "must not be the curated table" in refused.stderr
    assert curated.read_bytes() == before


def _sign(path: Path, signed: dict[str, str], rejected: set[str]) -> None:
    """What a reviewer does: sign the rows they accept, mark the ones they reject Not."""
    table = read(path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    columns = list(table.columns)
    for row in table.rows:
        cells = dict(row.cells)
        if signed.get(cells["subject_id"]) == cells["object_id"]:
            cells["reviewer_label"] = "A. Reviewer"
            cells["comment"] += "; checked on the item's page"
        elif cells["object_id"] in rejected:
            cells["reviewer_label"] = "A. Reviewer"
            cells["predicate_modifier"] = "Not"
        lines[row.line - 1] = "\t".join(cells[c] for c in columns) + "\n"
    path.write_text("".join(lines), encoding="utf-8")


def test_accept_moves_the_signed_rows(cli: list[str], project_copy: Project, wikidata: str) -> None:
    out = project_copy.root / "proposals.sssom.tsv"
    assert _run(cli, project_copy.root, "--endpoint", wikidata, "--out", str(out)).returncode == 0
    before = len(read(out).rows)
    signed = {"agent:serzh-sargsyan": "wd:Q99990401", "place:khojaly": "wd:Q99990201"}
    _sign(out, signed, rejected={"wd:Q99990402"})
    result = _run(cli, project_copy.root, "--accept", str(out))
    assert result.returncode == 0, result.stderr
    assert "moved 2 row(s)" in result.stderr
    lexicon = load_lexicon(project_copy.mappings)
    links = load_links(project_copy.mappings, lexicon)
    moved = {(link.entity, link.target) for link in links if link.target.startswith(WD + "Q9999")}
    assert moved == {("serzh-sargsyan", WD + "Q99990401"), ("khojaly", WD + "Q99990201")}
    left = read(out).rows
    assert len(left) == before - 2
    assert {r.get("subject_id") for r in left if r.get("predicate_modifier") == "Not"} == {
        "agent:serzh-sargsyan"
    }
    assert "khojaly" not in summarise(links, lexicon).unlinked


def test_accept_refuses_a_row_that_would_break_the_table(
    cli: list[str], project_copy: Project, wikidata: str
) -> None:
    out = project_copy.root / "proposals.sssom.tsv"
    assert _run(cli, project_copy.root, "--endpoint", wikidata, "--out", str(out)).returncode == 0
    table = read(out)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    khojaly = [r for r in table.rows if r.get("subject_id") == "place:khojaly"]
    assert len(khojaly) >= 2
    for row in khojaly[:2]:  # two different items for one entity
        cells = dict(row.cells) | {"reviewer_label": "A. Reviewer"}
        lines[row.line - 1] = "\t".join(cells[c] for c in table.columns) + "\n"
    out.write_text("".join(lines), encoding="utf-8")
    curated = project_copy.mappings / LINKS_FILE
    before = (curated.read_bytes(), out.read_bytes())
    result = _run(cli, project_copy.root, "--accept", str(out))
    assert result.returncode != 0
    assert f"{curated}:" in result.stderr
    assert "a second wikidata target for 'khojaly'" in result.stderr
    assert (curated.read_bytes(), out.read_bytes()) == before


RESULTS = json.dumps(
    {"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "ok"}}]}}
).encode()
JSON = {"Content-Type": "application/sparql-results+json"}


def test_backs_off_on_429_and_5xx_honouring_retry_after() -> None:
    waits: list[float] = []
    replies = [(429, {"Retry-After": "3"}, b"slow down"), (503, {}, b"busy"), (200, JSON, RESULTS)]
    with scripted_server(replies) as (url, seen):
        rows = Endpoint(url, backoff=0.5, sleep=waits.append).select("SELECT ?x WHERE {}")
    assert rows == [{"x": "ok"}]
    assert waits == [3.0, 1.0]  # Retry-After, then the backoff doubled for the second retry
    assert len(seen) == 3
    assert {h["User-Agent"] for h in seen} == {USER_AGENT}
    assert USER_AGENT.startswith("statement-kg/")


def test_gives_up_after_its_retries_and_caps_the_wait() -> None:
    waits: list[float] = []
    with scripted_server([(429, {"Retry-After": "86400"}, b"")]) as (url, seen):
        endpoint = Endpoint(url, retries=2, max_wait=30, sleep=waits.append)
        with pytest.raises(EndpointError, match="HTTP 429 after 3 attempts"):
            endpoint.select("SELECT ?x WHERE {}")
    assert waits == [30, 30]
    assert len(seen) == 3


def test_a_client_error_is_not_retried() -> None:
    waits: list[float] = []
    with (
        scripted_server([(403, {}, b"forbidden")]) as (url, seen),
        pytest.raises(EndpointError, match="HTTP 403"),
    ):
        Endpoint(url, sleep=waits.append).select("SELECT ?x WHERE {}")
    assert (waits, len(seen)) == ([], 1)


def test_retry_after_as_an_http_date() -> None:
    now = datetime(2015, 10, 21, 7, 27, 30, tzinfo=UTC)
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now) == 30.0
    assert retry_after("120") == 120.0
    assert retry_after("soon") is None
