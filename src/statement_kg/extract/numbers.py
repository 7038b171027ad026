"""Finds number expressions in English text and reads their value: digits with separators
("1,275", "5379", "1.5"), scale words ("170 million", "one million"), percentages ("20%"),
fractions ("one-fifth"), number words ("eight", "twenty-five"), ranges ("500-1000",
"between 500 and 1,000") and vague quantities ("hundreds", "hundreds of thousands")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from statement_kg.extract.spans import SpanSet

# Number words, shared with the ordinals of anniversaries.
UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_FRACTIONS = {
    "half": 50,
    "third": 100 / 3,
    "quarter": 25,
    "fourth": 25,
    "fifth": 20,
    "sixth": 100 / 6,
    "tenth": 10,
}
_VAGUE = {"dozens", "hundreds", "thousands", "millions", "tens"}

_DIGIT_WORD = "|".join(k for k, v in UNITS.items() if v < 10)
_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?"
_SCALE = r"(?:\s+(?P<scale>hundred|thousand|million|billion))?"
_PATTERNS = [
    ("range", rf"between\s+(?P<low>{_DIGITS})\s+and\s+(?P<high>{_DIGITS})"),
    ("range", rf"(?P<low>{_DIGITS})\s*[-–—]\s*(?P<high>{_DIGITS})(?![\d/])"),
    (
        "vague",
        r"(?P<vague>dozens|hundreds|thousands|millions|tens)(?:\s+of\s+(?P<vague2>thousands|millions))?"
        r"|(?:several|a\s+few)\s+(?:hundred|thousand|million)",
    ),
    ("dozen", r"a\s+dozen"),
    (
        "fraction",
        rf"(?P<num>{_WORD}|a|one)[-\s](?P<fraction>half|third|quarter|fourth|fifth|sixth|tenth)s?",
    ),
    ("digits", rf"(?P<digits>{_DIGITS}){_SCALE}(?P<percent>\s*%|\s+per\s*cent|\s+percent)?"),
    (
        "words",
        rf"(?:(?P<tens>{'|'.join(TENS)})[-\s](?P<unit>{_DIGIT_WORD})|(?P<word>{_WORD})){_SCALE}",
    ),
]
_COMPILED = [
    (kind, re.compile(r"(?<![\w.,/-])(?:" + rx + r")(?![\w/]|[.,]\d|-\w)", re.IGNORECASE))
    for kind, rx in _PATTERNS
]


# "one of their parents", "one another": the word counts nothing.
_IDIOM = re.compile(r"one\s+(?:of|another)\b", re.IGNORECASE)


@dataclass(frozen=True)
class NumberExpr:
    """A number in the text: its value (None when vague), or a range, and whether it is a
    percentage (fractions are read as percentages)."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    percent: bool = False

    @property
    def vague(self) -> bool:
        return self.value is None and self.low is None


def _digits(text: str) -> float:
    return float(text.replace(",", ""))


def _scaled(value: float, scale: str | None) -> float:
    return value * _SCALES[scale.lower()] if scale else value


def _read(kind: str, match: re.Match[str]) -> NumberExpr | None:
    start, end = match.span()
    g = match.groupdict()
    if kind == "range":
        low, high = _digits(g["low"]), _digits(g["high"])
        return NumberExpr(start, end, None, low, high) if low < high else None
    if kind == "vague":
        return NumberExpr(start, end, None)
    if kind == "dozen":
        return NumberExpr(start, end, 12.0)
    if kind == "fraction":
        count = 1 if g["num"].lower() in ("a", "one") else UNITS.get(g["num"].lower(), 1)
        return NumberExpr(start, end, count * _FRACTIONS[g["fraction"].lower()], percent=True)
    if kind == "digits":
        value = _scaled(_digits(g["digits"]), g["scale"])
        return NumberExpr(start, end, value, percent=bool(g["percent"]))
    if g.get("tens"):
        value = float(TENS[g["tens"].lower()] + UNITS[g["unit"].lower()])
    else:
        word = g["word"].lower()
        value = float(UNITS.get(word) or TENS[word])
    return NumberExpr(start, end, _scaled(value, g["scale"]))


def find_numbers(text: str, excluded: list[tuple[int, int]]) -> list[NumberExpr]:
    """Every number expression outside the excluded spans (dates, names, URLs...),
    longest first where two overlap."""
    taken = SpanSet(excluded)
    found: list[NumberExpr] = []
    for kind, pattern in _COMPILED:
        for match in pattern.finditer(text):
            start, end = match.span()
            if kind == "words" and _IDIOM.match(text, start):
                continue
            if taken.overlaps(start, end):
                continue
            number = _read(kind, match)
            if number is None:
                continue
            taken.add(start, end)
            found.append(number)
    return sorted(found, key=lambda n: n.start)
