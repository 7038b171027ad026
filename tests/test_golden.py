"""Golden cases: each document's statement subgraph compared, as a graph, with the expected
one. A case is tests/cases/<name>/ with expected.ttl and either doc.txt + doc.yaml or, for the
corpus documents, nothing else (the text is corpus/<name>.txt).
Regenerate with: python -m pytest tests/test_golden.py --regenerate"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from statement_kg.corpus import read_document
from statement_kg.lexicon import Lexicon
from statement_kg.pipeline import Context, process_document
from statement_kg.project import Project
from statement_kg.rdf.namespace import PREFIXES

CASES = Path(__file__).resolve().parent / "cases"
CASE_NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir())


def _text_of(case: Path, project: Project) -> tuple[Path, str | None]:
    own = case / "doc.txt"
    return (own, case.name) if own.exists() else (project.corpus / f"{case.name}.txt", None)


def test_every_corpus_document_has_a_case(project: Project) -> None:
    assert {p.stem for p in project.corpus.glob("*.txt")} <= set(CASE_NAMES)


@pytest.mark.parametrize("name", CASE_NAMES)
def test_golden_case(name: str, project: Project, lexicon: Lexicon, regenerate: bool) -> None:
    case = CASES / name
    text, doc_id = _text_of(case, project)
    context = Context(lexicon, Graph(), Graph())
    result = process_document(read_document(text, lexicon, doc_id), context, validate=False)
    actual = Graph().parse(data=result.ntriples, format="nt")
    expected_path = case / "expected.ttl"
    if regenerate:
        for prefix, namespace in PREFIXES.items():
            actual.bind(prefix, namespace)
        actual.serialize(expected_path, format="turtle")
    expected = Graph().parse(expected_path, format="turtle")
    if not isomorphic(actual, expected):
        _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        lines = [f"- {' '.join(t.n3() for t in triple)}" for triple in sorted(missing)[:20]]
        lines += [f"+ {' '.join(t.n3() for t in triple)}" for triple in sorted(extra)[:20]]
        pytest.fail(f"{name}: graph differs from {expected_path}:\n" + "\n".join(lines))
