"""The shape alternatives the benchmark weighs stay derivable from the shipped shapes, and the
corpus conforms under each, so the figures it prints compare like with like."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_alternative_is_measured_and_the_corpus_conforms_under_it() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "shape_alternatives.py"), "--rounds", "1"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [line.split() for line in done.stdout.splitlines()[2:]]
    assert [" ".join(r[:-4]) for r in rows] == [
        "as shipped",
        "one class for a mention's body",
        "anchor on the annotation",
        "both",
    ]
    assert [r[-1] for r in rows] == ["0", "0", "0", "0"]
