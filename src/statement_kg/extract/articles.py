"""Newspaper articles cited in the form "HEADLINE / OUTLET, DATE [By AUTHOR, PLACE]", or by
outlet and day alone ("The Guardian, 3 July 2023", "Izvestia of 18 May 1989", "Time
magazine, in its issue of 16 March 1992"): the outlet is a news outlet of mappings/, the
rest is read from the text around it."""

from __future__ import annotations

import re

from statement_kg.extract.dates import find_dates
from statement_kg.extract.outlets import PREFIX
from statement_kg.extract.spans import make_span
from statement_kg.records import ArticleCitation, Mention

_BEFORE_OUTLET = re.compile(r"\s*/\s*$")
_DATE_AFTER = re.compile(r"^\s*,\s*")
_BYLINE = re.compile(
    r"^\s*By\s+(?P<author>[A-Z][\w.'’-]+(?:[ -][A-Z][\w.'’-]+)+)(?:,\s*[A-Z][\w-]+){0,2}"
    r"(?:,\s*\d{1,2}\s+[A-Z][a-z]+)?,?\s*"
)
_HEADLINE_START = re.compile(r"[(\n;]|^")
# What joins an outlet to the day of its issue when no headline comes first.
_DAY_AFTER = re.compile(r",\s*(?:in\s+(?:its|the)\s+issue\s+of\s+)?|\s+(?:of|on|dated)\s+")
# How far after the outlet the day of its issue may end.
DAY_REACH = 25


def find_articles(text: str, outlets: list[Mention]) -> list[ArticleCitation]:
    """Each outlet mention preceded by a slash and followed by a date is an article."""
    found: list[ArticleCitation] = []
    previous_end = 0
    for mention in outlets:
        slash = _BEFORE_OUTLET.search(text, max(0, mention.span.start - 5), mention.span.start)
        comma = _DATE_AFTER.match(text[mention.span.end :])
        if not slash or not comma:
            dated = _dated_issue(text, mention)
            if dated is not None:
                found.append(dated)
                previous_end = dated.span.end
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


def _dated_issue(text: str, outlet: Mention) -> ArticleCitation | None:
    """ "The Sunday Times of 1 March 1992": the issue of that day of an outlet mappings/
    lists (a name read as an outlet only from the words around it may be a place)."""
    joint = _DAY_AFTER.match(text, outlet.span.end)
    if joint is None or outlet.entity.startswith(PREFIX):
        return None
    dates = find_dates(text[joint.end() : joint.end() + DAY_REACH])
    if not dates or dates[0][1].start != 0 or dates[0][0].end is not None:
        return None
    end = joint.end() + dates[0][1].end
    return ArticleCitation(
        make_span(text, outlet.span.start, end), outlet.entity, dates[0][0].begin, None, None
    )
