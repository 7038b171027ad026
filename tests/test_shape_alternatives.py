"""The shape alternatives the benchmark weighs stay derivable from the shipped shapes, and the
statements conform under each (the benchmark stops otherwise), so the figures it prints
compare like with like."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_alternative_is_measured_and_the_corpus_conforms_under_it() -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "shape_alternatives.py"),
            "--corpus",
            "--rounds",
            "1",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = done.stdout.splitlines()[2:]
    footnote = next(i for i, line in enumerate(lines) if line.lstrip().startswith("*"))
    rows = [line.split() for line in lines[:footnote]]
    assert [" ".join(r[:-3]) for r in rows] == [
        "before",
        "+ shapes store without contexts",
        "+ one class for a mention's body",
        "+ references without links",
        "all three, anchor as WA target",
        "WA + one shapes graph reused",
        "WA + advanced mode",
        "WA, selectors uncounted*",
        "anchor on annotation, nested",
        "that, over both forms",
        "+ property shapes lifted",
        "+ optional ones targeted",
        "+ no reference shapes*",
        "+ one shapes graph reused",
        "+ 5 statements a call",
        "lifted + optional ones targeted",
        "lifted + no reference shapes*",
        "as shipped: lifted, graph reused",
        "as shipped, over both forms",
        "shipped + no reference shapes*",
        "shipped, 5 statements a call",
        "shipped, 20 statements a call",
        "shipped, no ref. shapes*, 20 a call",
    ]
    assert all(float(r[-2]) > 0 for r in rows)
