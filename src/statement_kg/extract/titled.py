"""Works cited by their title in quotation marks: a book with its year or its author
('"Azerbaijan Diary" (1998)', '"Bloodshed in the Caucasus" by Human Rights Watch', 'the book
"Fire on the Mountain"'), an article with its outlet and day ('"Town's Dead Found in Snow",
The Northern Courier, 4 March 1992'). The title's capitals and what stands beside it tell a
work from words quoted."""

from __future__ import annotations

import re
from collections.abc import Iterable

from statement_kg.extract.dates import find_dates
from statement_kg.extract.notes import PUBLISHED, book
from statement_kg.extract.outlets import news_article, news_outlet
from statement_kg.extract.quotations import quoted_spans, title_like
from statement_kg.records import Entity

# What follows a book's title: "(1998)", "(New York, 1992)", "by NAME".
_YEAR = re.compile(r"[\"”]?,?\s*" + PUBLISHED.pattern)
_BY = re.compile(
    r"[\"”]?,?\s+by\s+(?P<author>[A-Z][\w'’.-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’.-]*){0,5})"
)
# The noun before a book's title: "the book", "his memoir", "the report".
_NOUN_BEFORE = re.compile(r"\b(?P<noun>[a-z]+)\s*,?\s*(?:(?:entitled|titled|called)\s+)?[\"“]$")
# "..., The Northern Courier, 4 March 1992": an outlet of a few capitalised words, then a day.
_OUTLET = re.compile(
    r"[\"”]?\s*,\s*(?P<outlet>(?:The\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})\s*,\s*"
)
# A book's title in quotation marks has at least this many words, most capitalised.
TITLE_WORDS = 2
# How far after an outlet its day may come.
DAY_REACH = 30
# A note's span starts after its number: its title's opening mark may stand just before.
NOTE_MARK = 2


def _article(text: str, start: int, end: int) -> Iterable[tuple[Entity, int, int]]:
    """'"TITLE", Outlet, 4 March 1992': the article that outlet published that day."""
    outlet = _OUTLET.match(text, end)
    if outlet is None:
        return
    dates = find_dates(text[outlet.end() : outlet.end() + DAY_REACH])
    if not dates or dates[0][1].start != 0 or dates[0][0].begin.precision != "day":
        return
    name = " ".join(outlet["outlet"].split())
    day_end = outlet.end() + dates[0][1].end
    yield news_article(name, text[start - 1 : day_end], dates[0][0].begin.iso), start - 1, day_end
    yield news_outlet(name), outlet.start("outlet"), outlet.end("outlet")


def titled_works(
    text: str,
    notes: tuple[tuple[int, int], ...],
    work_nouns: frozenset[str],
    known: frozenset[str],
) -> Iterable[tuple[Entity, int, int]]:
    """The works `text` cites by a title in quotation marks; `work_nouns` name a book
    before its title; `known` are the names (case-folded) of what the mappings list, so
    '"Operation Ring" (1991)' stays an event. An article by outlet and day only in the
    `notes`: a heading's '"TITLE", Istanbul, 23 February 2017' names a conference."""
    for start, end in quoted_spans(text):
        title = text[start:end]
        if not title_like(title, TITLE_WORDS) or " ".join(title.split()).casefold() in known:
            continue
        noted = any(a - NOTE_MARK <= start < b for a, b in notes)
        articles = list(_article(text, start, end)) if noted else []
        if articles:
            yield from articles
            continue
        year = _YEAR.match(text, end)
        author = _BY.match(text, end)
        noun = _NOUN_BEFORE.search(text, max(0, start - 30), start)
        if year is not None:
            yield book(title, year["year"]), start - 1, year.end()
        elif author is not None:
            yield book(title, None), start - 1, author.end()
        elif noun is not None and noun["noun"] in work_nouns:
            yield book(title, None), start - 1, end + 1
