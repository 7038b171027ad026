"""The indexes of ranges extractors share (taken ranges, the items near a range): they answer
exactly as checking every range would, and a text over the size limit is refused by name
before it is read whole."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from statement_kg.corpus import read_text
from statement_kg.extract.spans import Nearby, SpanSet
from statement_kg.project import Project
from statement_kg.records import InputError


def _naive(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < t_end and t_start < end for t_start, t_end in taken)


@pytest.mark.parametrize("seed", range(20), ids=lambda s: f"seed-{s}")
def test_span_set_answers_as_checking_every_range(seed: int) -> None:
    rng = random.Random(seed)
    initial = [(a, a + rng.randint(0, 6)) for a in (rng.randint(0, 80) for _ in range(5))]
    taken = list(initial)
    spans = SpanSet(initial)
    for _ in range(300):
        start = rng.randint(0, 100)
        end = start + rng.randint(0, 8)
        assert spans.overlaps(start, end) == _naive(taken, start, end), (taken, start, end)
        if rng.random() < 0.5:
            taken.append((start, end))
            spans.add(start, end)


@pytest.mark.parametrize("seed", range(5), ids=lambda s: f"seed-{s}")
def test_span_set_holds_an_offset_as_any_range_would(seed: int) -> None:
    rng = random.Random(seed)
    taken = [(a, a + rng.randint(0, 6)) for a in (rng.randint(0, 80) for _ in range(12))]
    spans = SpanSet(taken)
    for offset in range(100):
        assert spans.holds(offset) == any(a <= offset < b for a, b in taken), (taken, offset)


def test_a_text_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)
    with pytest.raises(InputError) as raised:
        read_text(path, max_bytes=100)
    assert str(raised.value) == (
        f"{path}: the text is larger than the limit of 100 bytes; raise it with "
        "'statement-kg build --max-text-size BYTES' or split the text"
    )
    assert read_text(path, max_bytes=101)[0] == "x" * 101


def test_build_refuses_a_text_over_its_limit(project_copy: Project, cli: list[str]) -> None:
    before = {p.name: p.read_bytes() for p in project_copy.graph.iterdir()}
    result = subprocess.run(
        [*cli, "--root", str(project_copy.root), "build", "--max-text-size", "1000"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    first = min(project_copy.corpus.glob("*.txt"))
    assert result.stderr.strip() == (
        f"Error: {first}: the text is larger than the limit of 1,000 bytes; raise it with "
        "'statement-kg build --max-text-size BYTES' or split the text\nNothing was written."
    )
    assert {p.name: p.read_bytes() for p in project_copy.graph.iterdir()} == before


@pytest.mark.parametrize("seed", range(20), ids=lambda s: f"seed-{s}")
def test_nearby_gives_every_item_near_a_range_in_order(seed: int) -> None:
    """Every item whose span reaches [start - margin, end + margin] (so every item inside
    the range, holding it, overlapping it or starting in it), in the order given."""
    rng = random.Random(seed)
    items = [
        (a, a + rng.choice([0, 1, 3, 8, 40])) for a in (rng.randint(0, 200) for _ in range(30))
    ]
    nearby = Nearby(items[:20], lambda span: span)
    for item in items[20:]:
        nearby.add(item)
    for _ in range(200):
        start = rng.randint(0, 220)
        end = start + rng.randint(0, 30)
        margin = rng.choice([0, 1, 20])
        expected = [(a, b) for a, b in items if a <= end + margin and b >= start - margin]
        assert nearby.near(start, end, margin) == expected, (items, start, end, margin)
