"""`statement-kg query` as a new user meets it: shipped queries by the names --list prints,
short ids for entities, `entities` to find them, tables that fit a pipe with labels and
whole words, control characters kept from the terminal, and a bound on every answer."""

from __future__ import annotations

import csv
import io
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from statement_kg.cli import main
from statement_kg.tables import PIPE_WIDTH, WHOLE_WORD

ROOT = Path(__file__).resolve().parent.parent
CQ01 = "cq-01-statements-citing-resolution"
AGENT = "https://w3id.org/statement-kg/id/agent/"


def invoke(*args: str, root: Path = ROOT) -> Result:
    return CliRunner().invoke(main, ["--root", str(root), *args])


def csv_rows(result: Result) -> list[dict[str, str]]:
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.mark.parametrize(
    "name",
    [CQ01, f"{CQ01}.rq", "cq-01", f"queries/{CQ01}.rq", str(ROOT / "queries" / f"{CQ01}.rq")],
    ids=["stem", "file-name", "number", "relative-path", "absolute-path"],
)
def test_a_query_is_named_as_list_prints_it(name: str) -> None:
    rows = csv_rows(invoke("query", name, "--format", "csv"))
    assert len(rows) == 2


def test_every_listed_name_runs() -> None:
    listed = invoke("query", "--list")
    names = [line for line in listed.stdout.splitlines() if not line.startswith(" ")]
    assert names == sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    assert invoke("query", names[0], "--format", "csv").exit_code == 0


def test_an_unknown_name_says_where_it_looked() -> None:
    result = invoke("query", "cq-99")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: cq-99: no such file, and no shipped query of that name in {ROOT / 'queries'} "
        "(statement-kg query --list names them)\n"
    )


def test_list_outside_the_project_folder_is_an_error(tmp_path: Path) -> None:
    result = invoke("query", "--list", root=tmp_path)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: no queries/ folder in {tmp_path.resolve()}: run statement-kg in the project "
        "folder or give --root DIR\n"
    )


def test_a_query_file_that_is_not_utf8(tmp_path: Path) -> None:
    query = tmp_path / "latin1.rq"
    query.write_bytes('SELECT * WHERE { ?s ?p "café" }'.encode("latin-1"))
    result = invoke("query", str(query))
    assert result.exit_code == 1
    assert result.output == f"Error: {query}: not UTF-8 text (byte 27); SPARQL queries are UTF-8\n"


@pytest.mark.parametrize(
    "value",
    ["embassy-azerbaijan-brussels", f"<{AGENT}embassy-azerbaijan-brussels>"],
    ids=["short-id", "iri"],
)
def test_an_entity_parameter_takes_a_short_id(value: str) -> None:
    rows = csv_rows(invoke("query", "cq-11", "--param", f"issuer={value}", "--format", "csv"))
    assert rows
    assert {r["statement"].rsplit("/", 1)[-1] for r in rows} == {
        "2023-02-26-embassy-brussels-press-release"
    }


def test_an_unknown_short_id_is_an_error_not_an_empty_answer() -> None:
    result = invoke("query", "cq-11", "--param", "issuer=human-rights-wotch")
    assert result.exit_code == 1
    assert result.output == (
        "Error: --param issuer: no entity has the id 'human-rights-wotch' "
        "(statement-kg entities lists them)\n"
    )


def test_a_literal_parameter_stays_a_literal() -> None:
    rows = csv_rows(
        invoke("query", "cq-01", "--param", "symbol=S/RES/822 (1993)", "--format", "csv")
    )
    assert len(rows) == 2


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("person", {"serzh-sargsyan": "Serzh Sargsyan", "thomas-de-waal": "Thomas de Waal"}),
        ("organisation", {"mfa-azerbaijan": None, "embassy-azerbaijan-brussels": None}),
        ("event", {"khojaly-events-1992": "Events at Khojaly of 25-26 February 1992"}),
    ],
)
def test_entities_lists_ids_and_labels_by_kind(kind: str, expected: dict[str, str | None]) -> None:
    result = invoke("entities", "--type", kind, "--format", "tsv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t"))
    assert {r["kind"] for r in rows} == {kind}
    labels = {r["id"]: r["label"] for r in rows}
    for entity, label in expected.items():
        assert entity in labels
        assert label is None or labels[entity] == label


def test_every_listed_entity_resolves_as_a_parameter() -> None:
    result = invoke("entities", "--type", "organisation", "--format", "tsv")
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t"))
    for row in rows[:5]:
        assert invoke("query", "cq-11", "--param", f"issuer={row['id']}").exit_code == 0


def test_a_piped_table_fits_and_keeps_words_whole() -> None:
    result = invoke("query", "cq-01")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    widest = max(len(line) for line in lines)
    assert widest < 200, "as wide as its widest row"
    cells = csv_rows(invoke("query", "cq-01", "--format", "csv"))
    words = {w for row in cells for v in row.values() for w in v.split() if len(w) < WHOLE_WORD}
    text = result.stdout
    assert all(word in text for word in words if not word.startswith("http"))


TITLES = (
    "SELECT ?title ?text WHERE { ?s <http://purl.org/dc/terms/title> ?title ; "
    "<http://www.w3.org/ns/oa#hasSource>? ?s . BIND(CONCAT(?title, ' ', ?title) AS ?text) }"
)


@pytest.mark.parametrize(("columns", "width"), [(None, PIPE_WIDTH), ("80", 80), ("200", 200)])
def test_a_table_of_short_words_fits_the_width(
    columns: str | None, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    result = invoke("query", "--query", TITLES)
    assert result.exit_code == 0, result.output
    widest = max(len(line) for line in result.stdout.splitlines())
    assert width - 2 <= widest <= width  # shared out in whole characters


def test_a_table_shows_labels_where_the_graph_has_them() -> None:
    result = invoke("query", "cq-11", "--param", "issuer=embassy-azerbaijan-brussels")
    shown = invoke(
        "query", "--query", f"SELECT ?a WHERE {{ VALUES ?a {{ <{AGENT}mfa-azerbaijan> }} }}"
    )
    assert result.exit_code == 0
    assert "Ministry of Foreign Affairs of the Republic of Azerbaijan" in shown.stdout
    assert "agent:mfa-azerbaijan" not in shown.stdout
    ids = invoke(
        "query",
        "--ids",
        "--query",
        f"SELECT ?a WHERE {{ VALUES ?a {{ <{AGENT}mfa-azerbaijan> }} }}",
    )
    assert "agent:mfa-azerbaijan" in ids.stdout


def test_control_characters_do_not_reach_the_terminal() -> None:
    result = invoke(
        "query", "--query", 'SELECT ?t WHERE { BIND("red\\u001b[31m bell\\u0007" AS ?t) }'
    )
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout
    assert "\x07" not in result.stdout
    assert "red\\x1b[31m" in result.stdout
    assert "bell\\x07" in result.stdout


def test_a_table_reads_only_the_rows_it_shows() -> None:
    result = invoke("query", "--limit", "3", "--query", "SELECT * WHERE { ?s ?p ?o . ?a ?b ?c }")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "the first 3 row(s); more follow: raise --limit, or use --format csv, which streams "
        "every row\n"
    )


CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _query_bounded(cli: list[str], query: str) -> subprocess.CompletedProcess[str]:
    """`query --timeout 2` on the corpus, in a process of its own."""
    return subprocess.run(
        [*cli, "--root", str(ROOT), "query", "--timeout", "2", "--query", query],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_an_embedded_query_is_bounded_by_timeout(cli: list[str]) -> None:
    # About 10^12 solutions: no machine counts them in the time allowed, however fast.
    result = _query_bounded(cli, CROSS_JOIN)
    assert result.returncode == 1
    assert result.stderr == "Error: no complete answer within 2 s (--timeout)\n"


def test_a_service_that_refuses_is_an_error() -> None:
    result = invoke(
        "query", "--query", "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    )
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert "Traceback" not in result.output


def test_query_outside_the_project_names_the_missing_graph(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "queries", tmp_path / "queries")
    result = invoke("query", "cq-01", root=tmp_path)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {tmp_path / 'graph' / 'statements.nt'} not found: run 'statement-kg build' first\n"
    )


def test_a_service_that_never_answers_is_bounded_by_timeout(cli: list[str]) -> None:
    # A socket that listens but never accepts: the connection opens, no answer ever comes.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        result = _query_bounded(cli, query)
    assert result.returncode == 1
    assert result.stderr == "Error: no complete answer within 2 s (--timeout)\n"


def test_a_reader_that_stops_early_gets_no_traceback(cli: list[str]) -> None:
    query = "SELECT * WHERE { ?s ?p ?o . ?a ?b ?c }"  # far more rows than a pipe holds
    with subprocess.Popen(
        [*cli, "--root", str(ROOT), "query", "--format", "csv", "--query", query],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        assert process.stdout.readline() == b"a,b,c,o,p,s\r\n"
        process.stdout.close()
        errors = process.stderr.read()
        assert process.wait(timeout=300) == 1
    assert errors == b""
