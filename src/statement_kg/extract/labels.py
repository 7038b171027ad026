"""Numbers that label or date rather than count, found by where the genre puts them: the
number of a list item ("2. Recognizes ..."), of a footnote under a separator line ("38
Interview with ..."), of a note in brackets ("[3]"), a page number beside a running head
("HELSINKI WATCH      20", "28        WINTER OF FEAR") or alone on its line, a day beside a
month with no year ("March 1", "26 February", "Feb. 25-26"), a time of day, an age, and the
marks "No. 366", "Doc. 15241", "p. 172", "366th"."""

from __future__ import annotations

import re

from statement_kg.extract.dates import MONTHS

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAYS = r"[0-3]?\d(?:\s*[-–]\s*[0-3]?\d)?"
_PATTERNS = [
    # "2. Recognizes", "(3) Calls", "iv) Notes": a list item's number; "4.4 Some 1,000":
    # a report's numbered paragraph.
    re.compile(r"^[ \t]*\(?\d{1,3}[.)][ \t]+(?=\S)", re.MULTILINE),
    re.compile(r"^[ \t]*\d{1,2}(?:\.\d{1,2}){1,2}\.?[ \t]+(?=[A-Z])", re.MULTILINE),
    # "HELSINKI WATCH      20": a page number after a wide gap at the end of a running head
    # in capitals (a table's row, "Killed      613", is not one).
    re.compile(r"^[ \t]*[A-Z][A-Z \t&'’-]{0,60}?[ \t]{3,}\d{1,4}[ \t]*$", re.MULTILINE),
    # "28        WINTER OF FEAR: ...": before it, the title's first word in capitals; or a
    # page's number alone on its line ("29", "- 21 -").
    re.compile(r"^[ \t]*\d{1,4}(?=[ \t]{4,}[A-Z][A-Z'’-]{3,}\b)", re.MULTILINE),
    re.compile(r"^[ \t]*(?:[-–—][ \t]*)?\d{1,4}(?:[ \t]*[-–—])?[ \t]*$", re.MULTILINE),
    # "within four days.[3]": a note's number in brackets.
    re.compile(r"\[\d{1,3}\]"),
    # "March 1 -", "Feb. 25-26", "on 26 February": a day of a month.
    re.compile(rf"\b(?:{_MONTH})\.?\s+{_DAYS}\b(?!\s*,?\s*\d)", re.IGNORECASE),
    re.compile(rf"\b{_DAYS}\s+(?:{_MONTH})\b\.?", re.IGNORECASE),
    # "at 11:00": a time of day; "[14:02:22]": a recording's time code.
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b"),
    # "a child aged about ten": an age.
    re.compile(r"\b(?:aged|age\s+of)\s+(?:about\s+|around\s+|under\s+|over\s+)?[\w-]+", re.I),
    # "No. 366", "p. 172", "366th".
    re.compile(r"(?:\b(?:No|Nr|Doc|p|pp|para|Art|art)\.\s*)\d+|\d+(?:st|nd|rd|th)\b"),
    # "in paragraph 2", "Art 2 (procedural)", "Article 44 § 2", "Rule 138": a part of a text.
    re.compile(
        r"(?:\b(?:paragraphs?|para|articles?|art|sections?|rules?|clauses?|chapters?|annex"
        r"|points?|items?)\.?|§)\s*\d+",
        re.IGNORECASE,
    ),
]
# A line of underscores or dashes opens the footnotes.
_SEPARATOR = re.compile(r"^[ \t]*[_‐–—-]{4,}[ \t]*$", re.MULTILINE)
_FOOTNOTE = re.compile(r"^[ \t]*\d{1,3}(?=[ \t]+[A-Z])", re.MULTILINE)


def label_numbers(text: str) -> list[tuple[int, int]]:
    """The spans whose numbers label or date something; a figure is never read in them."""
    spans = [m.span() for pattern in _PATTERNS for m in pattern.finditer(text)]
    separator = _SEPARATOR.search(text)
    if separator:
        spans += [m.span() for m in _FOOTNOTE.finditer(text, separator.end())]
    return spans
