"""Curated links: mappings/links.sssom.tsv is well-formed SSSOM, every row checked, turned
into triples of the built graph, counted in the build summary, listed by CQ10; a bad row
fails naming the file and line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDFS, SKOS

from statement_kg.build import BuildResult, build
from statement_kg.lexicon import Lexicon
from statement_kg.links import DATASETS, LINKS_FILE, load_links, parse_links, summarise
from statement_kg.project import Project
from statement_kg.query import select
from statement_kg.records import InputError
from statement_kg.sssom import parse, read

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "mappings" / LINKS_FILE
ID = "https://w3id.org/statement-kg/id/"
WD = "http://www.wikidata.org/entity/"
DBR = "http://dbpedia.org/resource/"


def test_table_is_sssom_with_its_metadata() -> None:
    table = read(TABLE)
    assert table.metadata["mapping_set_id"] == (
        "https://w3id.org/statement-kg/mappings/links.sssom.tsv"
    )
    assert table.metadata["license"].startswith("https://creativecommons.org/")
    assert {"subject_id", "object_id", "mapping_justification", "confidence", "comment"} <= set(
        table.columns
    )
    for row in table.rows:
        assert row.get("mapping_justification") == "semapv:ManualMappingCuration"
        assert row.get("comment"), f"line {row.line} does not say where it was checked"
        assert row.get("subject_label")
        assert row.get("object_label")


def test_table_holds_the_checked_links(lexicon: Lexicon) -> None:
    links = {(link.entity, link.target): link for link in load_links(ROOT / "mappings", lexicon)}
    for entity, target in [
        ("republic-of-azerbaijan", WD + "Q227"),
        ("republic-of-azerbaijan", DBR + "Azerbaijan"),
        ("republic-of-armenia", WD + "Q399"),
        ("republic-of-armenia", DBR + "Armenia"),
        ("vienna", WD + "Q1741"),
        ("brussels", WD + "Q239"),
        ("unsc-res-822", "https://undocs.org/S/RES/822(1993)"),
        ("unsc-res-884", "https://undocs.org/S/RES/884(1993)"),
        ("echr-fatullayev-judgment", "https://hudoc.echr.coe.int/eng?i=001-98401"),
        ("shaw-report-2020", "https://undocs.org/A/74/676"),
    ]:
        assert (entity, target) in links, (entity, target)
    assert links[("khojaly-events-1992", DBR + "Khojaly_massacre")].predicate == str(
        SKOS.closeMatch
    )
    # Entities whose target could not be checked stay unlinked rather than guessed.
    assert not any(link.entity in ("khojaly", "memorial", "shusha") for link in links.values())


def test_built_graph_holds_the_links(fresh_build: tuple[BuildResult, Path]) -> None:
    _, out = fresh_build
    graph = Graph().parse(out / "statements.nt", format="nt")
    assert (URIRef(ID + "agent/republic-of-azerbaijan"), OWL.sameAs, URIRef(WD + "Q227")) in graph
    assert (URIRef(ID + "place/baku"), OWL.sameAs, URIRef(WD + "Q9248")) in graph
    assert (
        URIRef(ID + "event/khojaly-events-1992"),
        SKOS.closeMatch,
        URIRef(DBR + "Khojaly_massacre"),
    ) in graph
    assert (
        URIRef(ID + "works/unsc-res-822"),
        RDFS.seeAlso,
        URIRef("https://undocs.org/S/RES/822(1993)"),
    ) in graph
    # No event is declared identical to anything.
    events = set(graph.subjects(None, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event")))
    assert not any((e, OWL.sameAs, None) in graph for e in events)


def test_build_result_counts_links_per_dataset_and_unlinked(
    fresh_build: tuple[BuildResult, Path], lexicon: Lexicon
) -> None:
    result, _ = fresh_build
    assert result.links is not None
    links = load_links(ROOT / "mappings", lexicon)
    assert result.links.per_dataset == {
        d.name: sum(1 for link in links if link.dataset == d.name) for d in DATASETS
    }
    assert result.links.per_dataset["wikidata"] >= 13
    linked = {link.entity for link in links}
    assert set(result.links.unlinked) == set(lexicon.entities) - linked
    assert "memorial" in result.links.unlinked
    assert "republic-of-azerbaijan" not in result.links.unlinked


def test_build_prints_the_links_line(cli: list[str], tmp_path: Path, lexicon: Lexicon) -> None:
    result = subprocess.run(
        [*cli, "--root", str(ROOT), "build", "--output", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    summary = summarise(load_links(ROOT / "mappings", lexicon), lexicon)
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("Links: ")]
    assert line == f"Links: {summary}"
    assert line.endswith(f"; {len(summary.unlinked)} entities unlinked")
    assert line.startswith("Links: wikidata ")


def test_cq10_lists_linked_and_unlinked_entities(store: ox.Store, lexicon: Lexicon) -> None:
    (path,) = (ROOT / "queries").glob("cq-10-*.rq")
    table = select(store, path.read_text(encoding="utf-8"))
    rows = {
        str(row[0].value).rsplit("/", 1)[1]: {
            c: (t.value if t is not None else "") for c, t in zip(table.columns, row, strict=True)
        }
        for row in table.rows
        if row[0] is not None
    }
    azerbaijan = rows["republic-of-azerbaijan"]
    assert (azerbaijan["wikidata"], azerbaijan["dbpedia"], azerbaijan["links"]) == (
        WD + "Q227",
        DBR + "Azerbaijan",
        "2",
    )
    assert rows["unsc-res-853"]["document"] == "https://undocs.org/S/RES/853(1993)"
    assert rows["echr-fatullayev-judgment"]["document"] == (
        "https://hudoc.echr.coe.int/eng?i=001-98401"
    )
    assert rows["khojaly-events-1992"]["how"] == "closeMatch"
    unlinked = {e for e, r in rows.items() if r["links"] == "0"}
    links = load_links(ROOT / "mappings", lexicon)
    assert unlinked == set(summarise(links, lexicon).unlinked)
    assert {"memorial", "khojaly"} <= unlinked
    order = [int(r["links"]) for r in rows.values()]
    assert order == sorted(order, reverse=True)


def test_a_project_without_a_table_links_nothing(tmp_path: Path, lexicon: Lexicon) -> None:
    assert load_links(tmp_path, lexicon) == []
    assert len(summarise([], lexicon).unlinked) == len(lexicon.entities)


HEADER = (
    "# curie_map:\n#   agent: https://w3id.org/statement-kg/id/agent/\n"
    "#   event: https://w3id.org/statement-kg/id/event/\n"
    "#   work: https://w3id.org/statement-kg/id/works/\n"
    "#   wd: http://www.wikidata.org/entity/\n#   dbr: http://dbpedia.org/resource/\n"
    "#   undocs: https://undocs.org/\n"
    "# mapping_set_id: https://example.org/test\n# license: https://example.org/license\n"
    "subject_id\tpredicate_id\tobject_id\tmapping_justification\tconfidence\t"
    "reviewer_label\tcomment\n"
)
FIRST_ROW = 11
COLUMNS = (
    "predicate_id",
    "object_id",
    "mapping_justification",
    "confidence",
    "reviewer_label",
    "comment",
)


def _row(subject: str = "agent:memorial", **cells: str) -> str:
    values = dict.fromkeys(COLUMNS, "")
    values.update(
        predicate_id="owl:sameAs",
        object_id="wd:Q1",
        mapping_justification="semapv:ManualMappingCuration",
        confidence="0.9",
        comment="checked",
    )
    values.update(cells)
    return "\t".join([subject, *(values[c] for c in COLUMNS)])


@pytest.mark.parametrize(
    ("rows", "line", "message"),
    [
        ([_row("agent:no-such-entity")], FIRST_ROW, "is no entity of mappings/"),
        ([_row(object_id="wd:X12")], FIRST_ROW, "no IRI of a known dataset"),
        ([_row(object_id="nope:Q1")], FIRST_ROW, "not a CURIE with a prefix"),
        ([_row("event:khojaly-events-1992")], FIRST_ROW, "owl:sameAs asserts identity"),
        ([_row(), _row(object_id="wd:Q2")], FIRST_ROW + 1, "a second wikidata target"),
        ([_row(), _row(predicate_id="skos:closeMatch")], FIRST_ROW + 1, "repeats line 11"),
        ([_row(object_id="undocs:S/RES/822(1993)")], FIRST_ROW, "cannot link to undocs"),
        (
            [_row(predicate_id="rdfs:seeAlso", object_id="undocs:A/1")],
            FIRST_ROW,
            "only a cited work links to a document",
        ),
        ([_row(comment="")], FIRST_ROW, "say where the target was checked"),
        ([_row(confidence="1.5")], FIRST_ROW, "confidence must be a number from 0 to 1"),
        (
            [_row(mapping_justification="semapv:LexicalMatching")],
            FIRST_ROW,
            "only once reviewed",
        ),
        ([_row() + "\textra"], FIRST_ROW, "8 cells where the header has 7 columns"),
    ],
)
def test_bad_row_names_file_and_line(
    tmp_path: Path, lexicon: Lexicon, rows: list[str], line: int, message: str
) -> None:
    path = tmp_path / LINKS_FILE
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_links(tmp_path, lexicon)
    assert caught.value.path == path
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{path}:{line}")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HEADER.replace("# license: https://example.org/license\n", ""), "no 'license'"),
        (HEADER.replace("\tcomment\n", "\tcoment\n"), "unknown column 'coment'"),
        (HEADER.replace("object_id\t", ""), "missing column 'object_id'"),
        ("subject_id\tpredicate_id\n", "no YAML metadata block"),
    ],
)
def test_bad_table_names_file(tmp_path: Path, lexicon: Lexicon, text: str, message: str) -> None:
    path = tmp_path / LINKS_FILE
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        parse_links(parse(path, text), lexicon)
    assert caught.value.path == path


def test_bad_table_stops_the_build(project_copy: Project) -> None:
    path = project_copy.mappings / LINKS_FILE
    columns = read(path).columns
    row = dict.fromkeys(columns, "") | {
        "subject_id": "agent:nobody",
        "predicate_id": "owl:sameAs",
        "object_id": "wd:Q1",
        "mapping_justification": "semapv:ManualMappingCuration",
        "confidence": "0.9",
        "comment": "checked",
    }
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\t".join(row[c] for c in columns) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="'agent:nobody' is no entity") as caught:
        build(project_copy, out_dir=project_copy.root / "out")
    assert caught.value.line == len(text.splitlines()) + 1
    assert not (project_copy.root / "out").exists()
