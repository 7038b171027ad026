"""The command line starts without loading what a verb does not use: `--help` loads no
verb (nor rdflib), and a query or a listing of entities loads neither the build, nor
extraction, nor SHACL validation. Checked by module, not by time, so that a busy machine
cannot fail it; the times themselves are in benchmarks/bench.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

from statement_kg import cli
from statement_kg.query import GRAPH_FORMATS
from statement_kg.store import FORMATS

ROOT = Path(__file__).resolve().parent.parent
HEAVY = [
    "pyshacl",
    "rdflib",
    "statement_kg.build",
    "statement_kg.extract",
    "statement_kg.validate",
    "SPARQLWrapper",
]
# The embedded store's module converts terms for the build too, and imports rdflib for it.
STORE = ["rdflib"]

PROBE = """
import contextlib, io, json, sys
from statement_kg.cli import main
with contextlib.redirect_stdout(io.TextIOWrapper(io.BytesIO())):
    try:
        main(sys.argv[1:], standalone_mode=False)
    except SystemExit:
        pass
print(json.dumps(sorted(m for m in {heavy} if m in sys.modules)))
"""


def loaded(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), "--root", str(ROOT), *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    found: list[str] = json.loads(result.stdout.splitlines()[-1])
    return found


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (["--help"], []),
        (["query", "--help"], []),
        (["query", "--list"], []),
        (["query", "cq-01", "--format", "csv"], STORE),
        (["query", "cq-11", "--param", "issuer=mfa-azerbaijan", "--format", "json"], STORE),
        (["query", "cq-01"], STORE),
        (["entities", "--format", "tsv"], STORE),
    ],
    ids=["help", "query-help", "list", "query-csv", "query-short-id", "query-table", "entities"],
)
def test_a_verb_loads_only_what_it_uses(args: list[str], allowed: list[str]) -> None:
    assert loaded(*args) == allowed


def test_the_help_lists_every_verb_with_its_own_summary() -> None:
    context = click.Context(cli.main)
    for name, (module, attribute, summary) in cli.VERBS.items():
        command = cli.main.get_command(context, name)
        assert command is not None
        assert command.callback is not None
        assert command.name == name
        assert f"statement_kg.{module}" == command.callback.__module__
        assert attribute.endswith("_command")
        assert summary.endswith(".")


def test_the_light_format_lists_match_the_store() -> None:
    assert set(GRAPH_FORMATS) == set(FORMATS)
    export = cli.main.get_command(click.Context(cli.main), "export")
    assert export is not None
    (fmt,) = [p for p in export.params if p.name == "fmt"]
    assert isinstance(fmt.type, click.Choice)
    assert set(fmt.type.choices) == set(FORMATS)
