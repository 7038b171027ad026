"""Document structure, case by case: a small text of each genre and structure kind (relay
sentence and news site's lines, UN letter head and signature, enacting clause, headings,
letterhead, by-line, signature block) and the issuers, relays, date, place and addressee
its structure gives. The cases are in tests/structure/cases.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from statement_kg.lexicon import Lexicon
from statement_kg.metadata import (
    find_addressee,
    find_issue_date,
    find_issuers,
    find_place,
    find_relays,
    own_date_spans,
)

CASES = Path(__file__).parent / "structure" / "cases.yaml"


def _cases() -> list[Any]:
    raw = yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]
    return [pytest.param(case, id=case["id"]) for case in raw]


@pytest.mark.parametrize("case", _cases())
def test_structure_case(case: dict[str, Any], lexicon: Lexicon) -> None:
    text = case["text"]
    assert [f.span.exact for f in find_issuers(text, lexicon)] == case.get("issuers", [])
    assert [f.span.exact for f in find_relays(text, lexicon)] == case.get("relays", [])
    date = find_issue_date(text, lexicon)
    assert (date.value if date else None) == case.get("date")
    place = find_place(text, lexicon)
    assert (place.span.exact if place else None) == case.get("place")
    addressee = find_addressee(text, lexicon)
    assert (addressee.span.exact if addressee else None) == case.get("addressee")


@pytest.mark.parametrize("case", _cases())
def test_every_span_is_exact_in_the_text(case: dict[str, Any], lexicon: Lexicon) -> None:
    text = case["text"]
    for found in find_issuers(text, lexicon) + find_relays(text, lexicon):
        assert text[found.span.start : found.span.end] == found.span.exact


@pytest.mark.parametrize(
    ("case_id", "own"),
    [
        pytest.param("relay-sentence/issued-statement-reads", ["14:30, 12 Apr 2018"], id="relay"),
        pytest.param(
            "heading/joint-press-release-of-two-bodies",
            ["Yerevan, 27 February 2018"],
            id="dateline",
        ),
        pytest.param(
            "enacting/resolved-by-the-house", ["Adopted by the House March 2, 2016."], id="adopted"
        ),
    ],
)
def test_own_date_lines_are_exposed(case_id: str, own: list[str], lexicon: Lexicon) -> None:
    """The event-date extractor skips these spans: the document's own date lines."""
    case = next(c.values[0] for c in _cases() if c.id == case_id)
    text = case["text"]
    lines = [text[a:b] for a, b in own_date_spans(text, lexicon)]
    assert all(line in lines for line in own), lines
