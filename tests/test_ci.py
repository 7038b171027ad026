"""CI checks what the project promises besides the tests: lint and strict types, before the
README's test command."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def commands() -> list[str]:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def test_ci_runs_ruff_mypy_then_the_tests() -> None:
    steps = commands()
    wanted = [".venv/bin/ruff check .", ".venv/bin/mypy", ".venv/bin/python -m pytest"]
    assert all(step in steps for step in wanted)
    assert [steps.index(step) for step in wanted] == sorted(steps.index(s) for s in wanted)
    assert "set -euo pipefail" in steps
