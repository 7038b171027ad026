"""Finds number expressions in English text and reads their value: digits with separators
("1,275", "5379", "1.5"), scale words ("170 million", "one million"), percentages ("20%"),
fractions ("one-fifth"), number words ("eight", "twenty-five"), ranges ("500-1000",
"between 500 and 1,000") and vague quantities ("hundreds", "hundreds of thousands")."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

from text_to_num import text2num

from statement_kg.extract.scanned_digits import digit_view
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
# Ordinals in words: anniversaries and days.
ORDINAL_UNITS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
}
ORDINAL_WORDS = {
    **ORDINAL_UNITS,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
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
# Thousands grouped by commas, or by spaces as European texts write them ("100 000").
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d+(?:\.\d+)?"
_SCALE = r"(?:\s+(?P<scale>hundred|thousand|million|billion))?"
# A number in words, however long ("six hundred and\nthirteen", "seven thousand five
# hundred"), read by text2num.
_SCALE_WORD = "hundred|thousand|million|billion"
# "and" joins the words of one number ("six hundred and thirteen", "one hundred and fifty
# thousand", "two thousand and five hundred"), not two numbers: after a scale, it does not
# lead to a scale as large ("seven hundred thousand and one million").
_AND = (
    rf"(?:(?<=thousand)\s+and\s+(?!(?:{_WORD})[\s-]+(?:thousand|million|billion)\b)"
    rf"|(?<=million)\s+and\s+(?!(?:{_WORD})[\s-]+(?:million|billion)\b)"
    rf"|(?<=billion)\s+and\s+(?!(?:{_WORD})[\s-]+billion\b)"
    rf"|(?<!thousand)(?<!million)(?<!billion)\s+and\s+)(?=(?:{_WORD})\b)"
)
_SPELLED = rf"(?:{_WORD}|a(?=\s+(?:{_SCALE_WORD})))(?:(?:{_AND}|[\s-]+)(?:{_WORD}|{_SCALE_WORD}))*"
_NUMBER = rf"(?:{_DIGITS})(?:\s+(?:{_SCALE_WORD}))?|{_SPELLED}"
# "25 to 26 February" is a date, not a range; a month is capitalised ("500 to 1,000 may
# have died" is a range).
_MONTHS = "(?-i:" + "|".join(f"{m}|{m.upper()}" for m in calendar.month_abbr[1:]) + ")"
# "from 160 to as many as 1,000", "200 to as many as 1,000", "from 161 to about 200".
# "from about 200 to more than 600", "between roughly 150 and 200": either end may be
# approximate.
_UPTO = (
    r"(?:as\s+(?:many|high|much)\s+as|about|some|around|nearly|almost|over|more\s+than|"
    r"up\s+to|at\s+least|roughly|approximately|close\s+to)\s+"
)
_PATTERNS = [
    (
        "range",
        rf"between\s+(?:{_UPTO})?(?P<low>{_NUMBER})\s+and\s+(?:{_UPTO})?(?P<high>{_NUMBER})",
    ),
    (
        "range",
        rf"from\s+(?:{_UPTO})?(?P<low>{_NUMBER})\s+to\s+(?:{_UPTO})?(?P<high>{_NUMBER})",
    ),
    ("range", rf"(?P<low>{_NUMBER})\s+to\s+{_UPTO}(?P<high>{_NUMBER})"),
    # "450 to 1,000 people": digits on both sides, the second the larger.
    ("range", rf"(?P<low>{_DIGITS})\s+to\s+(?P<high>{_DIGITS})(?!\s*(?:{_MONTHS})\b)"),
    ("range", rf"(?P<low>{_DIGITS})\s*[-–—]\s*(?P<high>{_DIGITS})(?![\d/])"),
    (
        "vague",
        r"(?P<vague>dozens|hundreds|thousands|millions|tens)(?:\s+of\s+(?P<vague2>thousands|millions))?"
        r"|(?:several|a\s+few)\s+(?:dozen|hundred|thousand|million)",
    ),
    ("dozen", rf"(?P<dozens>a|{_DIGIT_WORD}|\d{{1,2}})\s+dozen"),
    (
        "fraction",
        rf"(?P<num>{_WORD}|a|one)[-\s](?P<fraction>half|third|quarter|fourth|fifth|sixth|tenth)s?",
    ),
    ("digits", rf"(?P<digits>{_DIGITS}){_SCALE}(?P<percent>\s*%|\s+per\s*cent|\s+percent)?"),
    ("words", rf"(?P<spelled>{_SPELLED})(?P<percent>\s+per\s*cent|\s+percent)?"),
]
_COMPILED = [
    # Not glued to a symbol's other parts ("P9_TA(2024)0158", "A/76/689").
    (kind, re.compile(r"(?<![\w.,/)-])(?:" + rx + r")(?![\w/]|[.,]\d|-\w)", re.IGNORECASE))
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
    return float(_GROUPS.sub("", text).replace(",", ""))


_GROUPS = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")


def _number(text: str) -> float:
    """Digits, digits with a scale word ("170 million"), or a number in words."""
    words = " ".join(_GROUPS.sub("", text).lower().replace("-", " ").split())
    head, _, scale = words.partition(" ")
    if head[:1].isdigit():
        return _scaled(_digits(head), scale or None)
    words = re.sub(r"^a\s+", "one ", words).replace(" and ", " ")
    return float(text2num(words, "en"))


def _scaled(value: float, scale: str | None) -> float:
    return value * _SCALES[scale.lower()] if scale else value


def _range(start: int, end: int, low_words: str, high_words: str) -> NumberExpr | None:
    try:
        low, high = _number(low_words), _number(high_words)
    except ValueError:
        return None
    return NumberExpr(start, end, None, low, high) if low < high else None


def _read(kind: str, match: re.Match[str]) -> NumberExpr | None:
    start, end = match.span()
    g = match.groupdict()
    if kind == "range":
        return _range(start, end, g["low"], g["high"])
    if kind == "vague":
        return NumberExpr(start, end, None)
    if kind == "dozen":
        count = g["dozens"].lower()
        dozens = 1 if count == "a" else UNITS.get(count) or int(count)
        return NumberExpr(start, end, 12.0 * dozens)
    if kind == "fraction":
        count = 1 if g["num"].lower() in ("a", "one") else UNITS.get(g["num"].lower(), 1)
        return NumberExpr(start, end, count * _FRACTIONS[g["fraction"].lower()], percent=True)
    try:
        value = (
            _scaled(_digits(g["digits"]), g["scale"]) if kind == "digits" else _number(g["spelled"])
        )
    except ValueError:
        return None
    return NumberExpr(start, end, value, percent=bool(g["percent"]))


def find_numbers(text: str, excluded: list[tuple[int, int]]) -> list[NumberExpr]:
    """Every number expression outside the excluded spans (dates, names, URLs...),
    longest first where two overlap."""
    taken = SpanSet(excluded)
    found: list[NumberExpr] = []
    view = digit_view(text)
    for kind, pattern in _COMPILED:
        for match in pattern.finditer(view):
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
    return _written_twice(view, sorted(found, key=lambda n: n.start))


# "(613)": the digits a legal text repeats a number in words with.
_IN_DIGITS = re.compile(r"\s*\(\s*([\d,]+)\s*\)")


def _written_twice(view: str, numbers: list[NumberExpr]) -> list[NumberExpr]:
    """ "six hundred and thirteen (613)": a number in words and again in digits in brackets,
    as resolutions and legal texts write it, is one number over both."""
    out: list[NumberExpr] = []
    skip: set[int] = set()
    for n, number in enumerate(numbers):
        if number.start in skip:
            continue
        again = _IN_DIGITS.match(view, number.end)
        following = numbers[n + 1] if n + 1 < len(numbers) else None
        if (
            again is not None
            and following is not None
            and following.start == again.start(1)
            and following.value is not None
            and following.value == number.value
        ):
            skip.add(following.start)
            out.append(replace(number, end=again.end()))
        else:
            out.append(number)
    return out
