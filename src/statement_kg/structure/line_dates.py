"""The dates on a document's lines, in the forms news sites and offices print them
("2023-02-24", "25.02.2019", "24 Feb 2017") besides the written ones, and which line holds
which date."""

from __future__ import annotations

import calendar
import re

from spacy.tokens import Token

from statement_kg.extract.dates import month_number, valid_day
from statement_kg.extract.scanned_digits import digit_view
from statement_kg.extract.spans import Nearby
from statement_kg.language import Analysis
from statement_kg.records import PartialDate, Span, TimeSpec
from statement_kg.structure.zones import Line

# The numeric and abbreviated forms news sites print; find_dates reads the written ones.
_NUMERIC = [
    re.compile(r"(?<![\d.-])(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?![\d-])"),
    # "2012/02/27", "2012.02.27": the year first, as East Asian and some European sites
    # print it.
    re.compile(
        r"(?<![\d./])(?P<year>(?:19|20)\d\d)(?P<mark>[/.])(?P<month>\d\d)(?P=mark)(?P<day>\d\d)"
        r"(?![\d./])"
    ),
    # "25.02.2019", "08-01-2014" (a case-law database's): day first.
    re.compile(
        r"(?<![\d.-])(?P<day>\d\d?)(?P<mark>[.-])(?P<month>\d\d?)(?P=mark)"
        r"(?P<year>(?:19|20)\d\d)(?![\d-])"
    ),
    re.compile(
        r"(?<!\w)(?P<day>\d\d?)\s+(?P<abbr>[A-Z][a-z]{2})\.?,?\s+(?P<year>(?:19|20)\d\d)(?!\d)"
    ),
    # "25/02/2022": day first, as international bodies write it, unless the day cannot be.
    re.compile(r"(?<![\w/])(?P<day>\d\d?)/(?P<month>\d\d?)/(?P<year>(?:19|20)\d\d)(?![\d/])"),
]
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
# "14.II.2012": the month in Roman numerals, as offices in much of Europe write it; read in
# the text as written (the scanned-digit view reads "III" as "111").
_ROMAN_DATE = re.compile(
    r"(?<![\w.])(?P<day>\d\d?)\.(?P<roman>XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)\."
    r"(?P<year>(?:19|20)\d\d)(?!\d)"
)
# A clock's time, as a site's date line prints it ("14:35").
_CLOCK = r"(?<!\d)[0-2]?\d:[0-5]\d(?!\d)"
# "18.05": a British paper's stamp; with its zone ("18.05 GMT") it is a clock's, not a
# decimal.
_DOTTED = r"(?<![\d.])[0-2]?\d\.[0-5]\d(?![\d.])"
_ZONE = r"(?:UTC|GMT|CET|EET|BST)"
CLOCK = re.compile(rf"{_CLOCK}|{_DOTTED}\s*{_ZONE}\b")
# "13:00-14:30": the hours of a meeting the line announces, no page's stamp.
SCHEDULE = re.compile(rf"{_CLOCK}(?:\s*[ap]\.?m\.?)?\s*[-–—]\s*{_CLOCK}")


def stamped(line: str, clock: re.Pattern[str]) -> bool:
    """Whether a line gives the time of a posting: a `clock`, not a schedule's hours
    ("Tue/Thu 10:30–11:45", a course's or a meeting's)."""
    return clock.search(SCHEDULE.sub("", line)) is not None


# A time of day in any form a date line or a post's stamp gives it: "14:35", "9:02 AM",
# "3 p.m.", "21:40 UTC", "18.05 GMT" (a British paper's stamp).
TIME_OF_DAY = re.compile(
    rf"(?:{_CLOCK}|{_DOTTED}|(?<!\d)[0-2]?\d(?=\s*[ap]\.?m))"
    rf"(?:\s*[ap]\.?m\.?)?(?:\s*{_ZONE})?",
    re.IGNORECASE,
)
# Day names as date lines print them ("Monday", "Tue"), whether or not the parser reads
# them as part of the date.
WEEKDAYS = frozenset(n.lower() for n in (*calendar.day_name, *calendar.day_abbr))
Dates = list[tuple[TimeSpec, Span]]


Numeric = list[tuple[PartialDate, int, int]]


def numeric_dates(text: str) -> Numeric:
    """The numeric and abbreviated dates of the text, read once per document."""
    found = []
    view = digit_view(text)
    matches = [m for pattern in _NUMERIC for m in pattern.finditer(view)]
    for match in [*matches, *_ROMAN_DATE.finditer(text)]:
        parts = match.groupdict()
        month = month_number(parts["abbr"]) if parts.get("abbr") else None
        if parts.get("roman"):
            month = _ROMAN.index(parts["roman"]) + 1
        number = month or int(parts.get("month") or 0)
        day, year = int(parts["day"]), int(parts["year"])
        if month is None and number > 12 >= day:  # "02/25/2022"
            day, number = number, day
        if valid_day(year, number, day):
            found.append((PartialDate(f"{year}-{number:02d}-{day:02d}"), *match.span()))
    return found


def single(time: TimeSpec) -> PartialDate | None:
    return time.begin if time.end is None else None


def in_lines(
    lines: tuple[Line, ...], dates: list[tuple[TimeSpec, Span]]
) -> list[tuple[Line, PartialDate, Span]]:
    found = []
    # Each line asks only the dates near it: lines times dates is quadratic in a long text.
    nearby = Nearby(dates, lambda d: (d[1].start, d[1].end))
    for line in lines:
        for time, span in nearby.near(line.start, line.end):
            date = single(time)
            if date is not None and line.start <= span.start and span.end <= line.end:
                found.append((line, date, span))
    return found


# The bars that close a cell of a masthead or a stamp ("Tuesday, ... 2002  •  Page 3").
CELL_BARS = ("|", "·", "•")
# What sets a date's cell apart from a paper's name on its line: a bar or a dash.
_CELL_MARKS = ("—", "–", *CELL_BARS)


def weekday_before(analysis: Analysis, line: Line, start: int) -> bool:
    """ "Monday, March 2, 1992", "Tue 27 Feb 2024": what precedes the date is part of it,
    after the name of the paper a dash or a bar sets apart ("Daily Review — Thursday, ...")."""
    before = analysis.original[line.start : start]
    cell = max(before.rfind(mark) for mark in _CELL_MARKS) + 1
    tokens = [
        t for t in analysis.tokens(line.start + cell, start) if not (t.is_punct or t.is_space)
    ]
    return bool(tokens) and all(day_name(t) for t in tokens)


def weekday_after(analysis: Analysis, line: Line, end: int) -> bool:
    """ "26 February 2013, Tuesday": the weekday after the date is part of it."""
    tokens = [t for t in analysis.tokens(end, line.end) if not t.is_punct]
    return bool(tokens) and all(t.lower_ in WEEKDAYS for t in tokens)


def day_name(token: Token) -> bool:
    return token.ent_type_ == "DATE" or token.lower_ in WEEKDAYS


# A two-digit year after this one is of the last century ("FEB 92"), up to it of this one.
CENTURY_TURN = 50


def day_of(day: str, month: str, year: str) -> PartialDate | None:
    """The day a cable's or a broadcast's credit gives ("27", "FEB", "09"), its year in two
    digits or four; None for a day that does not exist."""
    number = month_number(month)
    full = int(year)
    if full < 100:
        full += 1900 if full >= CENTURY_TURN else 2000
    if not valid_day(full, number, int(day)):
        return None
    return PartialDate(f"{full}-{number:02d}-{int(day):02d}")


# "Feb. 28", "27 February": a day given without its year, either order.
YEARLESS_DAY = (
    r"(?:(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>[A-Z][a-z]{2,8}))"
)


def yearless_day(found: re.Match[str], printed: PartialDate) -> PartialDate | None:
    """The day a match of YEARLESS_DAY gives on a page dated `printed`: of the page's year,
    or of the year before for a day after the page's (a letter is written, an interview
    given, before the paper prints it)."""
    day, month = found["day"] or found["day2"], found["month"] or found["month2"]
    year = int(printed.iso[:4])
    when = day_of(day, month, str(year))
    if when is not None and when.iso > printed.iso:
        when = day_of(day, month, str(year - 1))
    return when
