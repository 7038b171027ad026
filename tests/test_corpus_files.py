"""Files in corpus/ that are not regular text files are refused by name, before the build
reads them: a FIFO or /dev/zero would hang it or fill memory, a folder or a broken link
would end in a traceback, and an upper-case extension would be left out silently."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from statement_kg.corpus import read_corpus
from statement_kg.lexicon import Lexicon
from statement_kg.project import Project
from statement_kg.records import InputError

Make = Callable[[Path], tuple[Path, str]]


def dangling_link(corpus: Path) -> tuple[Path, str]:
    (corpus / "x.txt").symlink_to(corpus / "nowhere.txt")
    return corpus / "x.txt", "a symbolic link to nothing"


def looping_link(corpus: Path) -> tuple[Path, str]:
    (corpus / "x.txt").symlink_to(corpus / "x.txt")
    return corpus / "x.txt", "a symbolic link that loops"


def folder(corpus: Path) -> tuple[Path, str]:
    (corpus / "x.txt").mkdir()
    return corpus / "x.txt", "a folder, not a text file"


def fifo(corpus: Path) -> tuple[Path, str]:
    os.mkfifo(corpus / "x.txt")
    return corpus / "x.txt", "not a regular file (a pipe, socket or device)"


def device(corpus: Path) -> tuple[Path, str]:
    (corpus / "x.txt").symlink_to("/dev/zero")
    return corpus / "x.txt", "not a regular file (a pipe, socket or device)"


def upper_case_text(corpus: Path) -> tuple[Path, str]:
    (corpus / "X.TXT").write_text("A stray text.\n", encoding="utf-8")
    return corpus / "X.TXT", "the extension must be lower-case .txt"


def upper_case_sidecar(corpus: Path) -> tuple[Path, str]:
    (corpus / "x.YAML").write_text("title: x\n", encoding="utf-8")
    return corpus / "x.YAML", "the extension must be lower-case .yaml"


CASES = [
    pytest.param(dangling_link, id="dangling-symlink"),
    pytest.param(looping_link, id="looping-symlink"),
    pytest.param(folder, id="folder-named-txt"),
    pytest.param(fifo, id="fifo"),
    pytest.param(device, id="dev-zero"),
    pytest.param(upper_case_text, id="upper-case-txt"),
    pytest.param(upper_case_sidecar, id="upper-case-yaml"),
]


@pytest.mark.parametrize("make", CASES)
def test_the_corpus_refuses_it_by_name(make: Make, project_copy: Project, lexicon: Lexicon) -> None:
    path, message = make(project_copy.corpus)
    with pytest.raises(InputError) as caught:
        read_corpus(project_copy.corpus, lexicon)
    assert str(caught.value) == f"{path}: {message}"


@pytest.mark.parametrize("make", [CASES[3], CASES[4]])
def test_the_build_ends_with_the_message(make: Make, project_copy: Project, cli: list[str]) -> None:
    path, message = make(project_copy.corpus)
    result = subprocess.run(
        [*cli, "--root", str(project_copy.root), "build"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"Error: {path}: {message}", "Nothing was written."]
