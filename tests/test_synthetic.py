"""The synthetic corpus: every statement distinct from the others and from its source (names,
figures, years and paragraph order vary), the same for the same seed, and a valid corpus
that builds."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from statement_kg.build import build
from statement_kg.project import Project
from statement_kg.synthetic import generate

ROOT = Path(__file__).resolve().parent.parent
SIZE = 10


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("synthetic")
    generate(ROOT, target, SIZE)
    return target


def test_every_text_is_distinct(synthetic: Path) -> None:
    texts = [p.read_bytes() for p in sorted((synthetic / "corpus").glob("*.txt"))]
    sources = {p.read_bytes() for p in (ROOT / "corpus").glob("*.txt")}
    assert len(texts) == SIZE
    assert len(set(texts)) == SIZE
    assert not sources & set(texts)


def test_sidecars_name_their_texts(synthetic: Path) -> None:
    for text in sorted((synthetic / "corpus").glob("*.txt")):
        sidecar = yaml.safe_load(text.with_suffix(".yaml").read_text(encoding="utf-8"))
        assert sidecar["sha256"] == hashlib.sha256(text.read_bytes()).hexdigest(), text.name


def test_the_same_seed_gives_the_same_corpus(synthetic: Path, tmp_path: Path) -> None:
    generate(ROOT, tmp_path / "again", SIZE)
    for text in sorted((synthetic / "corpus").iterdir()):
        assert (tmp_path / "again" / "corpus" / text.name).read_bytes() == text.read_bytes()


def test_the_synthetic_corpus_builds(synthetic: Path, tmp_path: Path) -> None:
    result = build(Project(synthetic), out_dir=tmp_path / "graph", use_cache=False)
    assert result.documents == SIZE
    assert result.counts["figures"] > 0
