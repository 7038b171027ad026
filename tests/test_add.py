"""`statement-kg add`: texts copied byte for byte into corpus/ under the id their draft
proposes, each beside a draft sidecar with its sha256; duplicates refused, nothing written
when any text is refused. Nothing here depends on how many documents the corpus holds."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from statement_kg.cli import main
from statement_kg.project import Project

ROOT = Path(__file__).resolve().parent.parent
NEW = ROOT / "tests" / "eval_docs" / "armenia-mfa-sumgait-press-release.txt"
OTHER = ROOT / "tests" / "eval_docs" / "caucasus-civic-monitor-khojaly-statement.txt"


def add(project: Project, *files: Path) -> Result:
    return CliRunner().invoke(main, ["--root", str(project.root), "add", *map(str, files)])


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_text_is_copied_with_a_draft_sidecar(project_copy: Project) -> None:
    before = listing(project_copy.corpus)
    result = add(project_copy, NEW)
    assert result.exit_code == 0, result.output
    new = {n: d for n, d in listing(project_copy.corpus).items() if n not in before}
    assert sorted(new) == [
        "2023-02-27-mfa-armenia-press-release.txt",
        "2023-02-27-mfa-armenia-press-release.yaml",
    ]
    assert new["2023-02-27-mfa-armenia-press-release.txt"] == NEW.read_bytes()
    sidecar = yaml.safe_load(new["2023-02-27-mfa-armenia-press-release.yaml"])
    assert sidecar["draft"] is True
    assert sidecar["sha256"] == hashlib.sha256(NEW.read_bytes()).hexdigest()
    assert sidecar["issuers"] == ["mfa-armenia"]
    assert sidecar["issued"]["date"] == "2023-02-27"
    assert sidecar["type"] == "press-release"
    assert sidecar["original_file"] == NEW.name
    assert result.output.splitlines()[0] == (
        f"added {NEW} as {project_copy.corpus / '2023-02-27-mfa-armenia-press-release.txt'} "
        f"with the draft {project_copy.corpus / '2023-02-27-mfa-armenia-press-release.yaml'}"
    )


def test_the_build_refuses_the_draft_until_it_is_checked(project_copy: Project) -> None:
    assert add(project_copy, NEW).exit_code == 0
    built = CliRunner().invoke(main, ["--root", str(project_copy.root), "build"])
    assert built.exit_code == 1
    assert "this sidecar is a draft: check every field, then remove 'draft: true'" in (built.output)


def test_several_texts_at_once(project_copy: Project) -> None:
    before = set(listing(project_copy.corpus))
    assert add(project_copy, NEW, OTHER).exit_code == 0
    assert len(set(listing(project_copy.corpus)) - before) == 4


@pytest.mark.parametrize(
    ("files", "message"),
    [
        pytest.param(
            lambda p: [p.corpus / "2023-02-26-vienna-rally-statement.txt"],
            "{0}: already in the corpus as {corpus}/2023-02-26-vienna-rally-statement.txt "
            "(same sha256)",
            id="already-in-corpus",
        ),
        pytest.param(
            lambda p: [NEW, p.root / "copy.txt"],
            "{1}: given twice: the same text as {0}",
            id="given-twice",
        ),
        pytest.param(
            lambda p: [NEW, p.root / "missing.txt"],
            "{1}: not a file",
            id="missing-file",
        ),
        pytest.param(
            lambda p: [NEW, p.root / "empty.txt"],
            "{1}: the text is empty",
            id="empty-text",
        ),
    ],
)
def test_a_refused_text_adds_nothing(
    project_copy: Project, files: Callable[[Project], list[Path]], message: str
) -> None:
    shutil.copy(NEW, project_copy.root / "copy.txt")
    (project_copy.root / "empty.txt").write_text("\n", encoding="utf-8")
    given = files(project_copy)
    before = listing(project_copy.corpus)
    result = add(project_copy, *given)
    assert result.exit_code == 1
    expected = message.format(*given, corpus=project_copy.corpus)
    assert result.output == f"Error: {expected}\nNothing was added.\n"
    assert listing(project_copy.corpus) == before


def test_an_id_in_use_gets_a_number(project_copy: Project) -> None:
    assert add(project_copy, NEW).exit_code == 0
    changed = project_copy.root / "changed.txt"
    changed.write_bytes(NEW.read_bytes() + b"\nA later correction.\n")
    assert add(project_copy, changed).exit_code == 0
    assert (project_copy.corpus / "2023-02-27-mfa-armenia-press-release-2.txt").read_bytes() == (
        changed.read_bytes()
    )


def test_a_pipe_in_the_corpus_is_not_read(project_copy: Project) -> None:
    os.mkfifo(project_copy.corpus / "pipe.txt")
    result = add(project_copy, NEW)
    assert result.exit_code == 0, result.output


def test_a_checked_text_citing_articles_and_books_builds(project_copy: Project) -> None:
    """Works cited by outlet and day, or in notes, are published with their publisher and
    conform to the shapes once the draft is checked."""
    text = project_copy.root / "citing.txt"
    text.write_text(
        "STATEMENT OF THE MINISTRY OF FOREIGN AFFAIRS OF THE REPUBLIC OF ARMENIA\n\n"
        "Yerevan, 27 February 2023\n\n"
        "The minister recalled his interview to Golos Armenii on 3 March 1992, when he said "
        "that the Sumgait pogroms had been organised.\n\n"
        "1  Anna Serova, Winter of the Refugees (Tbilisi, 1996), pp. 40-52.\n"
        "2  Caucasus Courier, 12 March 1992.\n",
        encoding="utf-8",
    )
    added = add(project_copy, text)
    assert added.exit_code == 0, added.output
    sidecar = Path(added.output.splitlines()[0].rsplit(" with the draft ", 1)[1])
    sidecar.write_text(
        "\n".join(
            line
            for line in sidecar.read_text(encoding="utf-8").splitlines()
            if line != "draft: true"
        )
        + "\n",
        encoding="utf-8",
    )
    built = CliRunner().invoke(main, ["--root", str(project_copy.root), "build"])
    assert built.exit_code == 0, built.output
    triples = (project_copy.root / "graph" / "statements.nt").read_text(encoding="utf-8")
    assert "<https://schema.org/Book>" in triples
    assert (
        "<https://w3id.org/statement-kg/id/agent/outlet-caucasus-courier> "
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/NewsMediaOrganization>"
    ) in triples
