"""Newspaper articles cited in the form "HEADLINE / OUTLET, DATE [By AUTHOR, PLACE]": the
outlet is a news outlet of mappings/, the rest is read from the text around it."""

from __future__ import annotations

import re

from statement_kg.extract.dates import find_dates
from statement_kg.extract.spans import make_span
from statement_kg.records import ArticleCitation, Mention

_BEFORE_OUTLET = re.compile(r"\s*/\s*$")
_DATE_AFTER = re.compile(r"^\s*,\s*")
_BYLINE = re.compile(
    r"^\s*By\s+(?P<author>[A-Z][\w.'’-]+(?:[ -][A-Z][\w.'’-]+)+)(?:,\s*[A-Z][\w-]+){0,2}"
    r"(?:,\s*\d{1,2}\s+[A-Z][a-z]+)?,?\s*"
)
_HEADLINE_START = re.compile(r"[(\n;]|^")


def find_articles(text: str, outlets: list[Mention]) -> list[ArticleCitation]:
    """Each outlet mention preceded by a slash and followed by a date is an article."""
    found: list[ArticleCitation] = []
    previous_end = 0
    for mention in outlets:
        slash = _BEFORE_OUTLET.search(text, max(0, mention.span.start - 5), mention.span.start)
        comma = _DATE_AFTER.match(text[mention.span.end :])
        if not slash or not comma:
            continue
        dates = find_dates(
            text[mention.span.end + comma.end() : mention.span.end + comma.end() + 25]
        )
        date = dates[0] if dates and dates[0][1].start == 0 else None
        end = mention.span.end + comma.end() + (date[1].end if date else 0)
        byline = _BYLINE.match(text[end:])
        author = byline.group("author") if byline else None
        if byline:
            end += byline.end()
        starts = [m.end() for m in _HEADLINE_START.finditer(text, previous_end, slash.start())]
        start = max([previous_end, *starts])
        while start < slash.start() and text[start] in " ,\n":
            start += 1
        headline = " ".join(text[start : slash.start()].split()) or None
        while end > start and text[end - 1] in " ,\n":
            end -= 1
        found.append(
            ArticleCitation(
                make_span(text, start, end),
                mention.entity,
                date[0].begin if date else None,
                author,
                headline,
            )
        )
        previous_end = end
    return found
