"""The README's commands work as printed, from the Quick start on: the Quick start puts
`statement-kg` on the PATH before any example uses it, and every example that only reads
the project runs, in the project folder, as a user types it."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from statement_kg.cli import VERBS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
# Verbs whose examples need a server, the network, or change the project.
NOT_RUN = {"build", "serve", "publish", "link", "add", "draft-metadata", "evaluate", "site"}


def shell_lines() -> list[str]:
    """Every command line of the README's sh blocks, continuation lines joined."""
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.DOTALL):
        lines += [line.split("  #")[0].strip() for line in block.replace("\\\n", " ").splitlines()]
    return [line for line in lines if line]


def examples() -> list[str]:
    found = []
    for line in shell_lines():
        words = shlex.split(line)
        if words[0] != "statement-kg" or any(w.startswith("--endpoint") for w in words):
            continue
        if len(words) > 1 and words[1] in NOT_RUN | {"--help"}:
            continue
        if any(w.startswith(("--service", "--output")) for w in words):
            continue
        if any(re.fullmatch(r"\[.*\]|URL|IRI|FILE", w) for w in words):
            continue  # a synopsis with placeholders, not a command
        found.append(line)
    return found


def test_the_quick_start_puts_statement_kg_on_the_path_first() -> None:
    quick = README.split("## Quick start\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in shell_lines() if line in quick]
    # The first command sets everything up and builds; the venv it activates stays active
    # in the user's shell for every later example.
    steps = lines[0].split(" && ")
    assert steps == [
        "python3 -m venv .venv",
        ". .venv/bin/activate",
        "pip install -e '.[test]'",
        "statement-kg build",
    ]
    assert ".venv/bin/python -m pytest" in lines


def test_every_example_names_a_verb() -> None:
    for line in shell_lines():
        words = shlex.split(line)
        if words[0] == "statement-kg" and not words[1].startswith("-"):
            assert words[1] in VERBS, line


@pytest.mark.parametrize("line", examples())
def test_the_example_runs_as_printed(line: str) -> None:
    bin_dir = Path(sys.executable).parent  # what `. .venv/bin/activate` puts first on PATH
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(
        shlex.split(line),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout
