"""Small named cases per extractor (tests/extract_cases/*.yaml): a short text, optionally
sidecar-like metadata, and every item one extractor must find in it, no more. A case that
today's extractors fail carries `xfail: <why>`; it is expected to fail, strictly, so that
it turns into a failure to mark as passing once extraction improves.

A case file:

    about: what the case holds (one failure class of the genre)
    extractor: figures | characterisations | citations | dates | quotations | issuers
               | responsibilities | mentions
    text: |
      the words
    meta: {issuers: [entity ids], issued: "YYYY-MM-DD", type: press-release}   # optional
    expect:                      # each item: its exact span, and the attributes that matter
      - {span: "412 residents", category: killed, value: 412, modifier: exact}
    xfail: why today's extractors fail it      # optional

Only the attributes the expected items name are compared; `expect: []` says the extractor
must find nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from statement_kg.evaluate.extracted import extracted_items
from statement_kg.extract import extract
from statement_kg.extract.recognise import with_recognised
from statement_kg.lexicon import Lexicon
from statement_kg.metadata import find_issuers
from statement_kg.records import (
    Document,
    Extraction,
    IssueDate,
    Metadata,
    PartialDate,
    Voice,
)

CASES = Path(__file__).parent / "extract_cases"
Row = dict[str, Any]


def _document(name: str, text: str, meta: dict[str, Any]) -> Document:
    issued = meta.get("issued")
    metadata = Metadata(
        title=name,
        doc_type=meta.get("type", "press-release"),
        language="en",
        issuers=tuple(meta.get("issuers", ())),
        issuers_note=None,
        issued=IssueDate(PartialDate(issued) if issued else None, False, "case"),
        place=None,
        addressee=None,
        part_of=None,
        original_file=f"{name}.txt",
        source_url=None,
        sha256="0" * 64,
    )
    path = CASES / f"{name}.txt"
    return Document(name, path, path.with_suffix(".yaml"), text, "0" * 64, metadata)


def _at(start: int, end: int) -> Row:
    return {"start": start, "end": end}


def _voice(voice: Voice) -> Row:
    return {"voice": voice.kind, "party": voice.party or voice.party_words}


def _figures(x: Extraction, _: Lexicon) -> list[Row]:
    return [
        {
            **_at(f.span.start, f.span.end),
            "category": f.category,
            "value": f.value,
            "low": f.low,
            "high": f.high,
            "modifier": f.modifier,
            "qualifiers": sorted(f.qualifiers),
            "event": f.concerns,
            **_voice(f.voice),
        }
        for f in x.figures
    ]


def _characterisations(x: Extraction, _: Lexicon) -> list[Row]:
    return [
        {**_at(c.span.start, c.span.end), "term": c.term, "event": c.event, **_voice(c.voice)}
        for c in x.characterisations
    ]


def _citations(x: Extraction, known: Lexicon) -> list[Row]:
    return [
        {**_at(i.start, i.end), "kind": i.key[0], "identifier": i.loose}
        for i in extracted_items(x, known, True)
        if i.field == "citations"
    ]


def _dates(x: Extraction, _: Lexicon) -> list[Row]:
    return [
        {**_at(d.span.start, d.span.end), "date": d.time.iso, "event": d.event} for d in x.dates
    ]


def _quotations(x: Extraction, known: Lexicon) -> list[Row]:
    return [
        {
            **_at(q.span.start, q.span.end),
            "speaker": known.entities[q.speaker].label if q.speaker else None,
            **_voice(q.voice),
        }
        for q in x.quotations
    ]


def _responsibilities(x: Extraction, _: Lexicon) -> list[Row]:
    return [
        {
            **_at(r.span.start, r.span.end),
            "agent": r.agent,
            "role": r.role,
            "event": r.event,
            **_voice(r.voice),
        }
        for r in x.responsibilities
    ]


def _mentions(x: Extraction, _: Lexicon) -> list[Row]:
    return [{**_at(m.span.start, m.span.end), "entity": m.entity} for m in x.mentions]


def _issuers(x: Extraction, known: Lexicon) -> list[Row]:
    return [
        {**_at(f.span.start, f.span.end), "entity": f.entity, "name": f.value}
        for f in find_issuers(x.document.text, known)
    ]


EXTRACTORS: dict[str, Callable[[Extraction, Lexicon], list[Row]]] = {
    "figures": _figures,
    "characterisations": _characterisations,
    "citations": _citations,
    "dates": _dates,
    "quotations": _quotations,
    "responsibilities": _responsibilities,
    "mentions": _mentions,
    "issuers": _issuers,
}


def _cases() -> list[object]:
    params: list[object] = []
    for path in sorted(CASES.glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
        params.append(pytest.param(path.stem, case, id=path.stem, marks=marks))
    return params


def _normal(value: Any) -> Any:
    """Numbers compare as numbers (412 is 412.0), lists as sets."""
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, list):
        return sorted(value)
    return value


def _located(text: str, item: Row) -> Row:
    start = -1
    for _ in range(item.get("occurrence", 1)):
        start = text.index(item["span"], start + 1)
    return {**item, "start": start, "end": start + len(item["span"])}


def _agrees(expected: Row, found: Row) -> bool:
    """Spans overlap and every attribute the expected item names agrees."""
    if not (expected["start"] < found["end"] and found["start"] < expected["end"]):
        return False
    return all(
        _normal(found.get(key)) == _normal(value)
        for key, value in expected.items()
        if key not in ("span", "occurrence", "start", "end")
    )


def _shown(text: str, row: Row) -> str:
    words = " ".join(text[row["start"] : row["end"]].split())
    rest = {k: v for k, v in row.items() if k not in ("span", "occurrence", "start", "end")}
    return f"{words!r} {rest}"


def test_case_files_are_well_formed() -> None:
    for path in sorted(CASES.glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(case) <= {"about", "extractor", "text", "meta", "expect", "xfail"}, path.name
        assert case["extractor"] in EXTRACTORS, path.name
        for item in case["expect"]:
            assert item["span"] in case["text"], f"{path.name}: {item['span']!r} not in text"


@pytest.mark.parametrize(("name", "case"), _cases())
def test_extraction_case(name: str, case: dict[str, Any], lexicon: Lexicon) -> None:
    text: str = case["text"]
    known = with_recognised([text], lexicon)
    extraction = extract(_document(name, text, case.get("meta") or {}), known)
    left = EXTRACTORS[case["extractor"]](extraction, known)
    missed = []
    for item in (_located(text, raw) for raw in case["expect"]):
        match = next((f for f in left if _agrees(item, f)), None)
        if match is None:
            missed.append(_shown(text, item))
        else:
            left.remove(match)
    assert (missed, [_shown(text, f) for f in left]) == ([], []), "(missed, extra)"
