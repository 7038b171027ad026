"""The Python API for notebooks: its docstring examples and the README's run as doctests
on the committed graph, values come back as plain Python, and DataFrames need pandas only
when asked for."""

from __future__ import annotations

import datetime
import doctest
import re
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

import statement_kg
from statement_kg import api

ROOT = Path(__file__).resolve().parent.parent
XSD = "http://www.w3.org/2001/XMLSchema#"


def _run(test: doctest.DocTest) -> doctest.TestResults:
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    return runner.summarize(verbose=False)


def test_the_module_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    (test,) = [t for t in doctest.DocTestFinder().find(api) if t.name == api.__name__]
    results = _run(test)
    assert results.attempted > 5
    assert results.failed == 0


def readme_examples() -> str:
    """The `pycon` blocks of the README's Python section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
    return "\n".join(re.findall(r"```pycon\n(.*?)```", section, re.DOTALL))


def test_the_readme_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = readme_examples()
    test = doctest.DocTestParser().get_doctest(text, {}, "README.md", "README.md", 0)
    results = _run(test)
    assert results.attempted > 5
    assert results.failed == 0


def test_the_package_exposes_the_api() -> None:
    assert statement_kg.open_graph is api.open_graph
    assert statement_kg.KnowledgeGraph is api.KnowledgeGraph
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        _ = statement_kg.nothing


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        (ox.Literal("613", datatype=ox.NamedNode(f"{XSD}integer")), 613),
        (ox.Literal("613", datatype=ox.NamedNode(f"{XSD}nonNegativeInteger")), 613),
        (ox.Literal("7000.0", datatype=ox.NamedNode(f"{XSD}decimal")), 7000),
        (ox.Literal("2.5", datatype=ox.NamedNode(f"{XSD}decimal")), 2.5),
        (ox.Literal("true", datatype=ox.NamedNode(f"{XSD}boolean")), True),
        (ox.Literal("2020-02-26", datatype=ox.NamedNode(f"{XSD}date")), datetime.date(2020, 2, 26)),
        (ox.Literal("1992", datatype=ox.NamedNode(f"{XSD}gYear")), "1992"),
        (ox.Literal("not a date", datatype=ox.NamedNode(f"{XSD}date")), "not a date"),
        (ox.Literal("massacre", language="en"), "massacre"),
        (
            ox.NamedNode("https://w3id.org/statement-kg/id/agent/x"),
            "https://w3id.org/statement-kg/id/agent/x",
        ),
        (None, None),
    ],
    ids=[
        "integer",
        "non-negative-integer",
        "whole-decimal",
        "decimal",
        "boolean",
        "date",
        "year",
        "ill-typed-date",
        "language-string",
        "iri",
        "unbound",
    ],
)
def test_values_are_plain_python(term: ox.NamedNode | ox.Literal | None, expected: object) -> None:
    assert api.value(term) == expected
    assert type(api.value(term)) is type(expected)


@pytest.fixture(scope="module")
def kg() -> api.KnowledgeGraph:
    return api.open_graph(ROOT)


def test_parameters_take_lists_and_iris(kg: api.KnowledgeGraph) -> None:
    one = kg.query("cq-01", symbol="S/RES/822 (1993)")
    both = kg.query("cq-01", symbol=["S/RES/822 (1993)", "S/RES/884 (1993)"])
    assert {r["statement"] for r in one} <= {r["statement"] for r in both}
    by_iri = kg.claims("https://w3id.org/statement-kg/id/agent/embassy-azerbaijan-brussels")
    assert by_iri == kg.claims("embassy-azerbaijan-brussels")


def test_a_graph_folder_opens_too() -> None:
    assert len(api.open_graph(ROOT / "graph").query("cq-12")) > 0


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda kg: kg.query("cq-99"), ValueError, "no shipped query 'cq-99'"),
        (lambda kg: kg.claims("nobody"), ValueError, "no entity has the id 'nobody'"),
        (lambda kg: kg.query("cq-01", nothing="x"), ValueError, "has no parameter ?nothing"),
        (lambda kg: kg.query("ASK { ?s ?p ?o }"), ValueError, "not a SELECT query"),
        (lambda kg: kg.query("cq-01", symbol=object()), TypeError, "cannot bind"),
        (lambda kg: kg.entities("planet"), ValueError, "unknown kind 'planet'"),
    ],
    ids=["unknown-query", "unknown-id", "unknown-parameter", "not-select", "bad-value", "bad-kind"],
)
def test_mistakes_are_clear_errors(
    kg: api.KnowledgeGraph, call: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        call(kg)  # type: ignore[operator]


def test_a_dataframe_has_the_columns_and_values(kg: api.KnowledgeGraph) -> None:
    pandas = pytest.importorskip("pandas")
    frame = kg.compare("population").to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == kg.compare("population").columns
    assert sorted(set(frame["value"])) == [6000, 7000, 8000]


def test_without_pandas_the_error_says_what_to_install(
    kg: api.KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=re.escape("pip install 'statement-kg[notebook]'")):
        kg.entities().to_dataframe()
