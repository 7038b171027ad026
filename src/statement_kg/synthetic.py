"""A synthetic corpus for measuring the build at scale: N distinct statements made from the
real ones, each with other place names from mappings/, other figures, other years (the
issue date shifted with them) and its middle paragraphs in another order. No two texts are
the same, so a cache keyed by content or any memoisation per text gains nothing in a clean
build. Every change keeps a text valid input: years move by whole leap cycles (29 February
stays a date), day numbers are left alone, and a figure keeps its number of digits."""

from __future__ import annotations

import hashlib
import random
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from statement_kg.lexicon import load_lexicon

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_YEAR = re.compile(r"(?<![\d/.,-])(19[5-9]\d|20[0-2]\d)(?![\d/])")
# A figure of three or more digits (with thousands separators), not part of a symbol, an
# application number or a date.
_FIGURE = re.compile(r"(?<![\d/.,])(\d{1,3}(?:,\d{3})+|\d{3,})(?![\d/]|,\d|\s?\()")
_AFTER_MONTH = re.compile(rf"(?:{_MONTHS})\s$")
_PLACE_TYPES = frozenset({"city", "town", "place", "village", "region"})


def _places(mappings: Path) -> list[str]:
    """Single-word place names a text may swap for one another: those no event or work is
    found by (changing them would only lose mentions, not vary them)."""
    lexicon = load_lexicon(mappings)
    pinned = " ".join(
        p.pattern
        for e in lexicon.entities.values()
        if e.type not in _PLACE_TYPES
        for p in e.phrases
    ).lower()
    return sorted(
        e.label
        for e in lexicon.entities.values()
        if e.type in _PLACE_TYPES and e.label.isalpha() and e.label.lower() not in pinned
    )


def _vary(text: str, rng: random.Random, places: list[str], shift: int) -> str:
    if len(places) > 1:
        order = places[:]
        rng.shuffle(order)
        swap = dict(zip(places, order, strict=True))
        names = re.compile(r"\b(" + "|".join(map(re.escape, places)) + r")\b")
        text = names.sub(lambda m: swap[m[1]], text)
    text = _YEAR.sub(lambda m: str(int(m[1]) + shift), text)

    def figure(match: re.Match[str]) -> str:
        digits = match[1].replace(",", "")
        is_year = len(digits) == 4 and digits[:2] in ("19", "20") and "," not in match[1]
        if is_year or _AFTER_MONTH.search(text, max(0, match.start() - 12), match.start()):
            return match[1]
        value = rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1)
        return f"{value:,}" if "," in match[1] else str(value)

    text = _FIGURE.sub(figure, text)
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 5:
        middle = paragraphs[3:-1]
        rng.shuffle(middle)
        paragraphs = [*paragraphs[:3], *middle, paragraphs[-1]]
    return "\n\n".join(paragraphs)


def _shift_date(value: str | None, shift: int) -> str | None:
    if not value:
        return value
    text = str(value)
    return f"{int(text[:4]) + shift:04d}{text[4:]}"


def generate(source: Path, target: Path, statements: int, seed: int = 0) -> None:
    """Writes a project into `target` (empty or new) with `statements` distinct statements
    made from `source`'s corpus, and `source`'s mappings and ontology."""
    for part in ("mappings", "ontology"):
        shutil.copytree(source / part, target / part)
    corpus = target / "corpus"
    corpus.mkdir(parents=True)
    texts = sorted((source / "corpus").glob("*.txt"))
    places = _places(source / "mappings")
    for index in range(statements):
        original = texts[index % len(texts)]
        rng = random.Random(f"{seed}-{index}")
        shift = rng.choice((-8, -4, 4, 8))
        text = _vary(original.read_text(encoding="utf-8"), rng, places, shift)
        data = text.encode("utf-8")
        sidecar: dict[str, Any] = yaml.safe_load(
            original.with_suffix(".yaml").read_text(encoding="utf-8")
        )
        sidecar["title"] = f"{sidecar['title']} (synthetic {index})"
        sidecar["issued"]["date"] = _shift_date(sidecar["issued"].get("date"), shift)
        if "part_of" in sidecar and "issued" in sidecar["part_of"]:
            sidecar["part_of"]["issued"] = _shift_date(sidecar["part_of"]["issued"], shift)
        sidecar["sha256"] = hashlib.sha256(data).hexdigest()
        name = f"synthetic-{index:06d}"
        (corpus / f"{name}.txt").write_bytes(data)
        (corpus / f"{name}.yaml").write_text(
            yaml.safe_dump(sidecar, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
