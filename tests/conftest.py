"""Shared fixtures: the project, its lexicon, and one build of the corpus per session."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from statement_kg.build import BuildResult, build
from statement_kg.lexicon import Lexicon, load_lexicon
from statement_kg.project import Project
from statement_kg.store import load_store

ROOT = Path(__file__).resolve().parent.parent
# Real SPARQL stores (statement-kg serve, Oxigraph, Virtuoso), started once per session.
pytest_plugins = ["stores", "site_fixtures"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regenerate",
        action="store_true",
        help="Rewrite the expected files of golden cases from the current output.",
    )


@pytest.fixture(scope="session")
def regenerate(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regenerate"))


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


@pytest.fixture(scope="session")
def lexicon(project: Project) -> Lexicon:
    return load_lexicon(project.mappings)


@pytest.fixture(scope="session")
def fresh_build(
    project: Project, tmp_path_factory: pytest.TempPathFactory
) -> tuple[BuildResult, Path]:
    out = tmp_path_factory.mktemp("graph")
    return build(project, out_dir=out), out


@pytest.fixture(scope="session")
def store(project: Project) -> ox.Store:
    """The committed graph/, as users query it."""
    return load_store(project.graph)


@pytest.fixture
def project_copy(tmp_path: Path) -> Project:
    """A copy of the project's inputs and graph/'s committed files, to break on purpose (the
    git-ignored database a local build leaves beside them is not part of it)."""
    for part in ("corpus", "mappings", "ontology", "graph"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns(".store"))
    return Project(tmp_path)


@pytest.fixture(scope="session")
def cli() -> list[str]:
    """The installed console script, as a user runs it."""
    script = Path(sys.executable).parent / "statement-kg"
    if not script.exists():
        pytest.fail(
            f"the console script is not installed beside {sys.executable}: pip install -e '.[test]'"
        )
    return [str(script)]
