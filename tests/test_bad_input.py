"""Bad inputs, as a curator makes them: `statement-kg build` fails with one error naming the
file (and the line or field) and writes nothing to graph/."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from statement_kg.project import Project

DOC = "2023-02-26-vienna-rally-statement"
ISSUERS = "issuers: [european-khojaly-rally-2023-participants]"

# Breaks a copy of the project and returns the error message the build should give.
Break = Callable[[Project], str]


def _text(project: Project) -> Path:
    return project.corpus / f"{DOC}.txt"


def _sidecar(project: Project) -> Path:
    return project.corpus / f"{DOC}.yaml"


def _replace(path: Path, old: str, new: str) -> int:
    """Replaces the one occurrence of `old`; returns its 1-based line."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _line_of(path: Path, start: str) -> int:
    """The 1-based line that starts with `start`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(start))


def missing_sidecar(project: Project) -> str:
    _sidecar(project).unlink()
    return f"{_text(project)}: no sidecar: {DOC}.yaml is missing beside the text"


def invalid_yaml(project: Project) -> str:
    line = _replace(_sidecar(project), ISSUERS, ISSUERS.removesuffix("]"))
    # PyYAML notices the unclosed bracket on the next line; the error points at the bracket.
    return (
        f"{_sidecar(project)}:{line}: invalid YAML: expected ',' or ']', but got ':' on "
        f"line {line + 1} (while parsing a flow sequence that starts on this line)"
    )


def unknown_issuer(project: Project) -> str:
    line = _replace(_sidecar(project), ISSUERS, "issuers: [no-such-issuer]")
    return (
        f"{_sidecar(project)}:{line}: field 'issuers.0': unknown entity id 'no-such-issuer' "
        "(not in mappings/entities.yaml)"
    )


def relay_is_issuer(project: Project) -> str:
    with _sidecar(project).open("a", encoding="utf-8") as out:
        out.write("relayed_by: [european-khojaly-rally-2023-participants]\n")
    line = _line_of(_sidecar(project), "relayed_by:")
    return (
        f"{_sidecar(project)}:{line}: field 'relayed_by.0': "
        "'european-khojaly-rally-2023-participants' relayed the text: it is not also its issuer"
    )


def impossible_date(project: Project) -> str:
    line = _replace(_sidecar(project), 'date: "2023-02-26"', 'date: "2023-02-30"')
    return (
        f"{_sidecar(project)}:{line}: field 'issued.date': '2023-02-30' is not a valid date "
        "(YYYY, YYYY-MM or a YYYY-MM-DD that exists)"
    )


def utf16_text(project: Project) -> str:
    _text(project).write_bytes(b"\xff\xfe" + "Khojaly\n".encode("utf-16-le"))
    return f"{_text(project)}:1: not UTF-8: byte 0xff at offset 0"


def bad_byte_on_line_3(project: Project) -> str:
    _text(project).write_bytes(b"First line.\nSecond line.\n\xff\xfe third line\n")
    return f"{_text(project)}:3: not UTF-8: byte 0xff at offset 25"


def empty_text(project: Project) -> str:
    old = _sha256(_text(project).read_bytes())
    _text(project).write_bytes(b"")
    _replace(_sidecar(project), f"sha256: {old}", f"sha256: {_sha256(b'')}")
    return f"{_text(project)}: the text is empty"


def changed_text(project: Project) -> str:
    data = _text(project).read_bytes()
    _text(project).write_bytes(data + b"x")
    line = _line_of(_sidecar(project), "sha256:")
    return (
        f"{_sidecar(project)}:{line}: field 'sha256': sha256 {_sha256(data)} does not match the "
        f"text {DOC}.txt ({_sha256(data + b'x')}): the text changed"
    )


def duplicate_id(project: Project) -> str:
    dup = project.corpus / "dup"
    dup.mkdir()
    for path in (_text(project), _sidecar(project)):
        shutil.copy2(path, dup / path.name)
    return f"{dup / f'{DOC}.txt'}: duplicate document id '{DOC}': also {_text(project)}"


def sidecar_without_text(project: Project) -> str:
    _text(project).unlink()
    return f"{_sidecar(project)}: sidecar without a text: {DOC}.txt is missing"


def draft_sidecar(project: Project) -> str:
    with _sidecar(project).open("a", encoding="utf-8") as out:
        out.write("draft: true\n")
    line = _line_of(_sidecar(project), "draft:")
    return (
        f"{_sidecar(project)}:{line}: field 'draft': this sidecar is a draft: check every field, "
        "then remove 'draft: true'"
    )


def unknown_document_type(project: Project) -> str:
    line = _replace(_sidecar(project), "type: rally-statement", "type: tweet")
    return (
        f"{_sidecar(project)}:{line}: field 'type': unknown document type 'tweet' "
        "(not in mappings/document-types.yaml)"
    )


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under folder (hidden ones too): its sha256 and modification time."""
    return {
        path.relative_to(folder).as_posix(): (_sha256(path.read_bytes()), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _build(cli: list[str], project: Project) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*cli, "--root", str(project.root), "build"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.mark.parametrize(
    "break_input",
    [
        pytest.param(missing_sidecar, id="missing-sidecar"),
        pytest.param(invalid_yaml, id="invalid-yaml"),
        pytest.param(unknown_issuer, id="unknown-issuer"),
        pytest.param(relay_is_issuer, id="relay-is-issuer"),
        pytest.param(impossible_date, id="impossible-date"),
        pytest.param(utf16_text, id="text-utf16"),
        pytest.param(bad_byte_on_line_3, id="text-bad-byte-on-line-3"),
        pytest.param(empty_text, id="empty-text"),
        pytest.param(changed_text, id="text-changed-since-sidecar"),
        pytest.param(duplicate_id, id="duplicate-id"),
        pytest.param(sidecar_without_text, id="sidecar-without-text"),
        pytest.param(draft_sidecar, id="draft-sidecar"),
        pytest.param(unknown_document_type, id="unknown-document-type"),
    ],
)
def test_bad_input_fails_naming_the_file_and_writes_nothing(
    break_input: Break,
    project_copy: Project,
    cli: list[str],
) -> None:
    message = break_input(project_copy)
    before = _snapshot(project_copy.graph)
    assert before, "the copy has no graph/ to protect"

    result = _build(cli, project_copy)

    assert result.returncode != 0
    assert result.stderr.splitlines() == [f"Error: {message}", "Nothing was written."]
    assert result.stdout == ""
    assert _snapshot(project_copy.graph) == before


def test_a_draft_builds_once_confirmed(project_copy: Project, cli: list[str]) -> None:
    sidecar = _sidecar(project_copy)
    confirmed = sidecar.read_text(encoding="utf-8")
    draft_sidecar(project_copy)
    assert _build(cli, project_copy).returncode != 0

    sidecar.write_text(confirmed, encoding="utf-8")
    result = _build(cli, project_copy)
    assert result.returncode == 0, result.stderr
