"""Sites for the site tests: the corpus site from the committed graph/, and a curated site
built from a copy of the project with corrections and a character outside the Basic
Multilingual Plane at the start of one text (one code point, two UTF-16 units: every offset
after it differs between Python and a browser)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from statement_kg.build import build
from statement_kg.project import Project
from statement_kg.site import build_site

ROOT = Path(__file__).resolve().parent.parent
CURATED_DOC = "undated-embassy-japan-press-release"
NON_BMP = "\U0001f54a"  # DOVE OF PEACE, outside the BMP
CORRECTIONS = f"""\
corrections:
  - document: {CURATED_DOC}
    action: reject
    claim: figure/2307-2308
    exact: "8"
    who: A. Curator
    when: "2026-11-30"
    why: A count of districts, not a figure about the events.
  - document: {CURATED_DOC}
    action: change
    claim: characterisation/1522-1529
    exact: tragedy
    set: {{voice: reported, party: republic-of-armenia}}
    who: A. Curator
    when: "2026-11-30"
    why: A change of voice.
  - document: {CURATED_DOC}
    action: change
    claim: figure/782-787
    exact: "6,000"
    set: {{value: 6500, modifier: about, event: khojaly-siege}}
    who: B. Curator
    when: "2026-12-01"
    why: A change of value, modifier and event.
  - document: {CURATED_DOC}
    action: add
    kind: characterisation
    span: [913, 919]
    exact: crimes
    set: {{category: war_crime, event: khojaly-events-1992}}
    who: A. Curator
    when: "2026-11-30"
    why: A missed term.
"""


def curated_project(root: Path, corrections: str = CORRECTIONS) -> Project:
    """A copy of the project whose first text starts with a non-BMP character in place of a
    line break (so no offset moves in code points), and with `corrections`."""
    for part in ("corpus", "mappings", "ontology", "queries"):
        shutil.copytree(ROOT / part, root / part)
    text_path = root / "corpus" / f"{CURATED_DOC}.txt"
    text = text_path.read_text(encoding="utf-8")
    assert text.startswith("\n")
    data = (NON_BMP + text[1:]).encode("utf-8")
    text_path.write_bytes(data)
    sidecar = root / "corpus" / f"{CURATED_DOC}.yaml"
    old = hashlib.sha256(text.encode("utf-8")).hexdigest()
    meta = sidecar.read_text(encoding="utf-8").replace(old, hashlib.sha256(data).hexdigest())
    sidecar.write_text(meta, encoding="utf-8")
    (root / "mappings" / "corrections.yaml").write_text(corrections, encoding="utf-8")
    return Project(root)


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus-site") / "site"
    build_site(ROOT / "graph", ROOT / "queries", out)
    return out


@pytest.fixture(scope="session")
def curated(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = curated_project(tmp_path_factory.mktemp("curated"))
    build(project)
    build_site(project.graph, project.queries, project.root / "site")
    return project
