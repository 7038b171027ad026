"""Works cited by their title in quotation marks: a book with its year or its author
('"Azerbaijan Diary" (1998)', '"Bloodshed in the Caucasus" by Human Rights Watch', 'the book
"Fire on the Mountain"'), an article with its outlet and day ('"Town's Dead Found in Snow",
The Northern Courier, 4 March 1992'). The title's capitals and what stands beside it tell a
work from words quoted."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from statement_kg.extract.dates import find_dates
from statement_kg.extract.notes import PUBLISHED, book
from statement_kg.extract.outlets import news_article, news_outlet
from statement_kg.extract.quotations import quoted_spans, title_like
from statement_kg.lexicon import literal_phrase
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
# A title without quotation marks: capitalised words, small words between them.
_SMALL = r"(?:of|the|in|and|a|an|on|for|to|at|from|with)"
_TITLE = rf"[A-Z][\w'’-]*(?:\s+(?:{_SMALL}\s+)*[A-Z][\w'’-]*)+"
# "Markar Melkonian's My Brother's Road (London, 2005)", "the book Black Garden (2003)": a
# title after its author's name or its kind, then where and when it was published.
_OWNER = r"[A-Z][\w.-]*['’]s"
_PUBLISHED_AFTER = rf"(?P<title>{_TITLE})\s*{PUBLISHED.pattern}"
# A reviewed book's heading: "TITLE: SUBTITLE, 1988-1994." over "By NAME. Place: Publisher,
# YEAR.".
_REVIEWED = re.compile(
    r"^[ \t]*(?P<title>[A-Z][^\n]{3,150}?)\.?[ \t]*\n[ \t]*By\s+[A-Z][\w'’.-]*"
    r"(?:\s+[A-Z][\w'’.-]*){1,3}\.\s+[A-Z][\w .,'’-]{1,40}:\s*[^,\n]{2,60},\s*"
    r"(?P<year>1[89]\d\d|20\d\d)\b",
    re.M,
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


def unquoted_titles(
    text: str, work_nouns: frozenset[str], bodies: frozenset[str]
) -> Iterable[tuple[Entity, int, int]]:
    """Books cited by a title without quotation marks: after their author's name or a noun
    of `work_nouns`, with where and when they were published (not a body a country owns,
    named by a word of `bodies`: "Azerbaijan's State Commission (1993)"); a reviewed book
    under its heading ("By NAME. Place: Publisher, YEAR."), named again in the review by
    its title before the subtitle."""
    nouns = "|".join(sorted(work_nouns)) or "(?!)"
    after = re.compile(rf"(?:{_OWNER}|\b(?:{nouns}))\s+{_PUBLISHED_AFTER}")
    for match in after.finditer(text):
        if not {w.lower() for w in match["title"].split()} & bodies:
            yield book(match["title"], match["year"]), match.start("title"), match.end("title")
    for match in _REVIEWED.finditer(text):
        title = match["title"]
        main = title.split(":", 1)[0].strip()
        entity = book(title, match["year"])
        phrases = (*entity.phrases, literal_phrase(main)) if main != title else entity.phrases
        yield replace(entity, phrases=phrases), match.start("title"), match.end("title")
