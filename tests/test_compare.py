"""`compare` and queries/cq-03: a quantity is a category about one event; ranges, vague
figures, issuers and inferred dates are shown; --category holds in every format. The query
is checked on a small hand-written graph, where each of these cases is present."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result

from statement_kg.cli import main
from statement_kg.compare import disagreements, rows

ROOT = Path(__file__).resolve().parent.parent

GRAPH = """
@prefix skg: <https://w3id.org/statement-kg/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <https://example.org/> .

:killed skos:notation "killed" .   :wounded skos:notation "wounded" .
:exact skos:notation "exact" .     :range skos:notation "range" .   :vague skos:notation "vague" .
:a a skg:Statement ; dcterms:creator :ia ; dcterms:issued "2020-02-26"^^xsd:date ;
   skg:issuedInferred true .
:b a skg:Statement ; dcterms:creator :ib, :ic ; dcterms:issued "2021-01-01"^^xsd:date .
:ia dcterms:identifier "issuer-a" .  :ib dcterms:identifier "issuer-b" .
:ic dcterms:identifier "issuer-c" .

:f1 a skg:FigureClaim ; skg:category :killed ; skg:concerns :siege ; schema:value 100 ;
    skg:modifier :exact ;
    nif:referenceContext :a ; nif:anchorOf "words 1" ;
    oa:hasTarget [ oa:hasSource :a ; oa:hasSelector :q1 ] .
:f2 a skg:FigureClaim ; skg:category :killed ; skg:concerns :siege ;
    schema:minValue 120 ; schema:maxValue 150 ;
    skg:modifier :range ;
    nif:referenceContext :b ; nif:anchorOf "words 2" ;
    oa:hasTarget [ oa:hasSource :b ; oa:hasSelector :q2 ] .
:f3 a skg:FigureClaim ; skg:category :killed ; skg:concerns :siege ;
    skg:modifier :vague ;
    nif:referenceContext :b ; nif:anchorOf "words 3" ;
    oa:hasTarget [ oa:hasSource :b ; oa:hasSelector :q3 ] .
:f4 a skg:FigureClaim ; skg:category :killed ; skg:concerns :rally ; schema:value 999 ;
    skg:modifier :exact ;
    nif:referenceContext :b ; nif:anchorOf "words 4" ;
    oa:hasTarget [ oa:hasSource :b ; oa:hasSelector :q4 ] .
:f5 a skg:FigureClaim ; skg:category :killed ; schema:value 100 ;
    skg:modifier :exact ;
    nif:referenceContext :b ; nif:anchorOf "words 5" ;
    oa:hasTarget [ oa:hasSource :b ; oa:hasSelector :q5 ] .
:f6 a skg:FigureClaim ; skg:category :wounded ; schema:value 5 ;
    skg:modifier :exact ;
    nif:referenceContext :a ; nif:anchorOf "words 6" ;
    oa:hasTarget [ oa:hasSource :a ; oa:hasSelector :q6 ] .
:f7 a skg:FigureClaim ; skg:category :wounded ; schema:value 6 ;
    skg:modifier :exact ;
    nif:referenceContext :b ; nif:anchorOf "words 7" ;
    oa:hasTarget [ oa:hasSource :b ; oa:hasSelector :q7 ] .
"""
QUOTES = "\n".join(
    f':q{n} oa:exact "words {n}" ; oa:prefix "before " ; oa:suffix " after" .' for n in range(1, 8)
)


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.load(
        (GRAPH + QUOTES).encode(),
        format=ox.RdfFormat.TURTLE,
    )
    return store


def test_a_quantity_is_a_category_about_one_event(store: ox.Store) -> None:
    found = disagreements(rows(store, ROOT / "queries"))
    assert sorted(found) == ["killed (rally)", "killed (siege)", "wounded"]
    siege = [
        (c.value, c.modifier, c.statement, c.issuers, c.issued) for c in found["killed (siege)"]
    ]
    assert siege == [
        # the figure whose event the text leaves open is compared with the siege's
        ("100", "exact", "a", "issuer-a", "2020-02-26 (inferred)"),
        ("100", "exact", "b", "issuer-b; issuer-c", "2021-01-01"),
        ("120-150", "range", "b", "issuer-b; issuer-c", "2021-01-01"),
        ("(vague)", "vague", "b", "issuer-b; issuer-c", "2021-01-01"),
    ]
    # the rally's 999 is about another event: compared only with the figure whose event is open
    assert [(c.value, c.statement) for c in found["killed (rally)"]] == [("100", "b"), ("999", "b")]


def test_words_are_given_in_context(store: ox.Store) -> None:
    (first, *_) = disagreements(rows(store, ROOT / "queries"))["wounded"]
    assert first.words == "before words 6 after"


def compare(*args: str) -> Result:
    return CliRunner().invoke(main, ["--root", str(ROOT), "compare", *args])


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_category_holds_in_every_format(fmt: str) -> None:
    result = compare("--category", "population", "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        categories = {r["category"] for r in csv.DictReader(io.StringIO(result.stdout))}
    else:
        bindings = json.loads(result.stdout)["results"]["bindings"]
        categories = {b["category"]["value"] for b in bindings}
    assert categories == {"population"}


def test_csv_has_issuers_event_range_and_inferred_columns() -> None:
    result = compare("--format", "csv")
    reader = csv.DictReader(io.StringIO(result.stdout))
    assert reader.fieldnames == [
        "category",
        "event",
        "value",
        "minValue",
        "maxValue",
        "modifier",
        "voice",
        "party",
        "statement",
        "issuers",
        "issued",
        "inferred",
        "inContext",
    ]
    population = [r for r in reader if r["category"] == "population"]
    assert {r["issuers"] for r in population} >= {"embassy-azerbaijan-japan"}
    assert {r["inferred"] for r in population} == {"true", "false", ""}


def test_the_table_marks_inferred_dates_and_names_the_event(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "300")
    result = compare("--category", "population")
    assert result.exit_code == 0, result.output
    assert "population (Events at Khojaly of 25-26 February 1992): 3 values" in result.stdout
    assert "2020-02-26 (inferred)" in result.stdout
    assert "embassy-azerbaijan-japan" in result.stdout
