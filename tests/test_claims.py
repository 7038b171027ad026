"""Claims in the built graph: figures, disagreement, quotations, characterisations, and the
commands that show them (compare, evaluate, draft-metadata)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from statement_kg.extract import extract
from statement_kg.extract.recognise import with_recognised
from statement_kg.lexicon import Lexicon
from statement_kg.query import select
from statement_kg.rdf.statement import statement_graph
from test_cli import run
from test_extract_cases import _document

ROOT = Path(__file__).resolve().parent.parent
ID = "https://w3id.org/statement-kg/id/"


def _rows(store: ox.Store, name: str) -> list[dict[str, str]]:
    (path,) = (ROOT / "queries").glob(f"{name}-*.rq")
    table = select(store, path.read_text(encoding="utf-8"))
    return [
        {c: (t.value if t is not None else "") for c, t in zip(table.columns, row, strict=True)}
        for row in table.rows
    ]


def _doc(iri: str) -> str:
    return iri.removeprefix(ID + "statement/")


def test_cq02_killed_per_statement_with_words(store: ox.Store) -> None:
    rows = _rows(store, "cq-02")
    got = sorted((_doc(r["statement"]), float(r["value"]), r["modifier"], r["words"]) for r in rows)
    assert got == [
        ("2020-02-26-joint-statement-mfa-prosecutor-general", 613.0, "exact", "613"),
        ("2023-02-26-embassy-brussels-press-release", 613.0, "exact", "613"),
        ("2023-02-26-vienna-rally-statement", 613.0, "exact", "613"),
        ("undated-embassy-japan-press-release", 600.0, "more_than", "600"),
        ("undated-embassy-japan-press-release", 613.0, "exact", "613"),
    ]
    japan = next(r for r in rows if r["words"] == "613" and "japan" in r["statement"])
    assert "killed 613 people" in japan["inContext"]


def test_cq03_population_parliaments_and_states_disagree(store: ox.Store) -> None:
    by_category: dict[str, set[tuple[float, str, str]]] = {}
    for r in _rows(store, "cq-03"):
        by_category.setdefault(r["category"], set()).add(
            (float(r["value"]), _doc(r["statement"]), r["issued"])
        )
    assert by_category["population"] == {
        (8000.0, "2023-02-26-vienna-rally-statement", "2023-02-26"),
        (7000.0, "2022-02-26-anniversary-information-note", "2022-02-26"),
        (7000.0, "2020-02-26-joint-statement-mfa-prosecutor-general", "2020-02-26"),
        (6000.0, "undated-embassy-japan-press-release", ""),
    }
    assert by_category["recognising_countries"] == {
        (16.0, "2020-02-26-joint-statement-mfa-prosecutor-general", "2020-02-26"),
        (17.0, "2022-02-26-anniversary-information-note", "2022-02-26"),
        (18.0, "2023-02-26-embassy-brussels-press-release", "2023-02-26"),
    }
    assert by_category["recognising_subnational"] == {
        (23.0, "2022-02-26-anniversary-information-note", "2022-02-26"),
        (24.0, "2023-02-26-embassy-brussels-press-release", "2023-02-26"),
    }
    assert "anniversary" not in by_category


def test_cq05_recognising_parliaments_grow_with_date(store: ox.Store) -> None:
    assert [
        (r["issued"], float(r["countries"]), r["subnational"] and float(r["subnational"]))
        for r in _rows(store, "cq-05")
    ] == [("2020-02-26", 16.0, ""), ("2022-02-26", 17.0, 23.0), ("2023-02-26", 18.0, 24.0)]


def test_cq06_one_quotation_reproduced_three_times(store: ox.Store) -> None:
    rows = [r for r in _rows(store, "cq-06") if r["speakerLabel"] == "Serzh Sargsyan"]
    assert {r["quotation"] for r in rows} == {ID + "quotation/sargsyan-before-khojaly"}
    assert sorted(_doc(r["statement"]) for r in rows) == [
        "2020-02-26-joint-statement-mfa-prosecutor-general",
        "2022-02-26-anniversary-information-note",
        "2023-02-26-vienna-rally-statement",
    ]
    assert {(r["viaLabel"], r["page"]) for r in rows} == {
        ("Black Garden: Armenia and Azerbaijan through Peace and War", "172")
    }
    speakers = {r["speakerLabel"] for r in _rows(store, "cq-06")}
    assert speakers == {
        "Serzh Sargsyan",
        "European Court of Human Rights",
        "Organisation of Islamic Cooperation",
        "Committee of Ministers of the Council of Europe",
    }


def test_cq07_cited_articles(store: ox.Store) -> None:
    assert [
        (r["outlet"], r["date"], r["headline"], r["author"]) for r in _rows(store, "cq-07")
    ] == [
        (
            "The Washington Post",
            "1992-02-28",
            "Nagorno-Karabakh victims buried in Azerbaijani "
            "town – Refugees claim hundreds died in Armenian attack",
            "Thomas Goltz",
        ),
        (
            "The Times",
            "1992-03-01",
            "Armenian soldiers massacre hundreds of fleeing families",
            "Thomas Goltz",
        ),
        ("The Washington Times", "1992-03-02", "Armenian raid leaves Azeris dead or fleeing", ""),
        (
            "The Boston Globe",
            "1992-03-03",
            "Armenians Killed 1,000, Azeris Charge",
            "Paul Quinn-Judge",
        ),
    ]


def test_cq08_issuers_own_terms_only(store: ox.Store) -> None:
    rows = _rows(store, "cq-08")
    terms: dict[str, set[str]] = {}
    for r in rows:
        terms.setdefault(r["issuer"].removeprefix(ID + "agent/"), set()).add(r["term"])
    assert {"genocide", "tragedy", "war_crime"} <= terms["embassy-azerbaijan-brussels"]
    assert {"genocide", "war_crime", "ethnic_cleansing"} <= terms[
        "european-khojaly-rally-2023-participants"
    ]
    # The ECHR's "war crimes or crimes against humanity" is quoted, not the issuer's own word:
    # it must not be counted for the 30th-anniversary note unless the note uses it itself.
    assert all(r["term"] != "events" for r in rows)


def test_reported_terms_are_attributed(store: ox.Store) -> None:
    result = store.query("""
        PREFIX skg: <https://w3id.org/statement-kg/ontology#>
        SELECT ?who (COUNT(*) AS ?n) WHERE {
          ?c a skg:CharacterisationClaim ;
             skg:voice <https://w3id.org/statement-kg/id/voice/reported> ;
             skg:attributedTo ?who }
        GROUP BY ?who ORDER BY ?who""")
    assert isinstance(result, ox.QuerySolutions)
    assert {r["who"].value.removeprefix(ID + "agent/") for r in result} == {"echr-court", "oic"}


def test_cq11_claims_of_issuer_in_document_order(store: ox.Store) -> None:
    rows = _rows(store, "cq-11")
    assert rows
    assert {_doc(r["statement"]) for r in rows} == {
        "2020-02-26-joint-statement-mfa-prosecutor-general"
    }
    starts = [int(r["start"]) for r in rows]
    assert starts == sorted(starts)
    assert {r["kind"] for r in rows} == {
        "figure",
        "characterisation",
        "responsibility",
        "quotation",
    }


def test_compare_table_shows_the_disagreements(cli: list[str]) -> None:
    """Every quantity whose figures are scoped to one event is compared within it: the
    death toll ("more than 600" against 613) and the expelled (over 5,000 against 5379) too,
    besides the population and the recognitions."""
    result = run(cli, "compare")
    assert result.returncode == 0, result.stderr
    titles = sorted(
        " ".join(line.split())
        for line in result.stdout.splitlines()
        if line.rstrip().endswith("values")
    )
    event = "(Events at Khojaly of 25-26 February 1992)"
    assert titles == [
        "districts occupied: 2 values",
        f"expelled {event}: 2 values",
        f"killed {event}: 2 values",
        f"population {event}: 3 values",
        f"recognising countries {event}: 3 values",
        f"recognising subnational {event}: 2 values",
    ]
    assert "approximately" in result.stdout  # the words of "approximately 7,000", wrapped


def test_compare_csv(cli: list[str]) -> None:
    result = run(cli, "compare", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    population = {(r["value"], _doc(r["statement"])) for r in rows if r["category"] == "population"}
    assert ("6000.0", "undated-embassy-japan-press-release") in population or (
        "6000",
        "undated-embassy-japan-press-release",
    ) in population


def test_compare_says_whose_figure_each_value_is(cli: list[str]) -> None:
    result = run(cli, "compare", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows
    assert {r["voice"] for r in rows} <= {"own", "reported", "denied"}
    assert all(r["party"] == "" for r in rows if r["voice"] == "own")
    assert "voice" in run(cli, "compare").stdout


def test_compare_unknown_category(cli: list[str]) -> None:
    result = run(cli, "compare", "--category", "witnesses")
    assert result.returncode == 1
    assert result.stderr.startswith("Error: no disagreement on 'witnesses'; categories with one: ")


def test_evaluate_prints_scores_and_errors(cli: list[str]) -> None:
    result = run(cli, "evaluate", "--texts", "corpus", "--gold", "tests/gold")
    assert result.returncode == 0, result.stderr
    assert "Extraction against gold" in result.stdout
    assert any(line.startswith("│ overall") for line in result.stdout.splitlines())
    assert "miss       " in result.stdout or "false hit  " in result.stdout
    assert "Per document (all fields)" in result.stdout
    assert "│ 2023-02-26-embassy-brussels-press-release" in result.stdout
    assert "Voice, gold (rows) against extracted (columns)" in result.stdout


def test_evaluate_json_gives_fields_documents_and_voices(cli: list[str]) -> None:
    result = run(
        cli,
        "evaluate",
        "--texts",
        "tests/eval_heldout",
        "--gold",
        "tests/eval_heldout",
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert list(report) == ["fields", "documents", "voice"]
    assert [d["document"] for d in report["documents"]] == [
        "opposing-mfa-statement-2025",
        "third-party-ngo-report-2025",
    ]
    overall = report["fields"]["overall"]
    assert overall["gold"] == sum(d["overall"]["gold"] for d in report["documents"])
    assert list(report["voice"]) == ["own", "reported", "denied"]
    assert list(report["voice"]["own"]) == ["own", "reported", "denied", "missed"]


def test_evaluate_reports_bad_gold(cli: list[str], tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("Some text.\n", encoding="utf-8")
    (tmp_path / "doc.json").write_text(
        '{"document": "doc", "figures": [{"span": "none"}]}', encoding="utf-8"
    )
    result = run(cli, "evaluate", "--texts", str(tmp_path), "--gold", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Error: {tmp_path / 'doc.json'}: field 'figures.0': 'category' is a required property"
    )


def test_draft_metadata_proposes_a_sidecar_the_build_refuses(
    cli: list[str], tmp_path: Path
) -> None:
    text = tmp_path / "new.txt"
    text.write_bytes(
        (ROOT / "corpus" / "2023-02-26-embassy-brussels-press-release.txt").read_bytes()
    )
    result = run(cli, "draft-metadata", str(text))
    assert result.returncode == 0, result.stderr
    draft = (tmp_path / "new.yaml").read_text(encoding="utf-8")
    assert "draft: true" in draft.splitlines()
    assert "  date: '2023-02-26'" in draft.splitlines()
    assert "# date: 2023-02-26, found (dateline) at 2082-2098: '26 February 2023'" in draft
    assert (
        "# issuer: embassy-azerbaijan-brussels of mappings/, found (signature) at 2035-2072: "
        "'Embassy of the Republic of Azerbaijan'"
    ) in draft
    assert "issuers:\n- embassy-azerbaijan-brussels\n" in draft
    assert "place: brussels" in draft.splitlines()
    again = run(cli, "draft-metadata", str(text))
    assert again.returncode == 1
    assert "exists; choose another --output" in again.stderr


@pytest.mark.parametrize(
    "text",
    sorted(
        p.relative_to(ROOT).as_posix()
        for folder in ("eval_docs", "eval_heldout")
        for p in (ROOT / "tests" / folder).glob("*.txt")
    ),
)
def test_every_eval_doc_has_gold(text: str) -> None:
    assert (ROOT / text).with_suffix(".json").exists()


def test_cq11_says_whose_voice_each_claim_is(store: ox.Store) -> None:
    """The court's words quoted by the issuer are the court's; the parliaments that
    recognised the events as genocide are named as the party, not merged into one entity."""
    rows = _rows(store, "cq-11")
    not_own = {
        (r["about"] or r["kind"], r["voice"], r["party"]) for r in rows if r["voice"] != "own"
    }
    assert ("war_crime", "reported", "European Court of Human Rights") in not_own
    assert (
        "genocide",
        "reported",
        "national legislative bodies of 16 States, as well as the Organization of Islamic "
        "Cooperation",
    ) in not_own
    assert ("quotation", "reported", "Serzh Sargsyan") in not_own
    assert {r["voice"] for r in rows} <= {"own", "reported", "denied"}


def test_cq06_a_speaker_named_in_words(lexicon: Lexicon) -> None:
    """A quotation whose speaker mappings/ does not know answers cq-06 with the words the
    statement names the speaker by, and no speaker IRI."""
    text = (
        "Press release\n\nThe village was shelled at dawn. A nurse from Martuni told us that "
        'the buses had come at night. "We took only the children and the documents," she '
        "said.\n"
    )
    known = with_recognised([text], lexicon)
    graph = statement_graph(extract(_document("words-speaker", text, {}), known), known)
    store = ox.Store()
    store.load(graph.serialize(format="nt").encode(), ox.RdfFormat.N_TRIPLES)
    rows = [(r["speaker"], r["speakerLabel"], r["words"]) for r in _rows(store, "cq-06")]
    assert rows == [("", "A nurse from Martuni", "We took only the children and the documents,")]


def test_draft_metadata_outside_a_project_is_an_error(cli: list[str], tmp_path: Path) -> None:
    text = tmp_path / "new.txt"
    text.write_text("Statement of the Ministry on the anniversary.\n", encoding="utf-8")
    result = run(cli, "draft-metadata", str(text), root=tmp_path)
    assert result.returncode == 1
    assert result.stderr == f"Error: {tmp_path / 'mappings' / 'entities.yaml'}: file not found\n"
    assert not (tmp_path / "new.yaml").exists()
