"""Interviews and articles cited by outlet and date: "his interview to Nezavisimaya Gazeta
on 2 April 1992", "published in Le Monde on 3 May 1994". The cue words are
mappings/citations.yaml's `news_cues`; the outlet is the capitalised name after them, and a
date must follow it, or the words are not a citation ("an interview to the Czech
journalist")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from statement_kg.extract.dates import find_dates
from statement_kg.extract.outlets import news_article, news_outlet
from statement_kg.records import Entity

_OUTLET = r"(?:the\s+)?(?P<outlet>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})"
_DATE_CUE = re.compile(r"\s*(?:,|on|in|of|dated)?\s*")
# How far after the outlet its date may end.
DATE_WINDOW = 40


def news_citations(text: str, cues: Iterable[str]) -> Iterable[tuple[Entity, int, int]]:
    cue_list = list(cues)
    if not cue_list:
        return
    pattern = re.compile(rf"(?<!\w)(?:(?i:{'|'.join(cue_list)}))\s+{_OUTLET}")
    for match in pattern.finditer(text):
        gap = _DATE_CUE.match(text, match.end())
        assert gap is not None  # the pattern matches the empty string
        dates = find_dates(text[gap.end() : gap.end() + DATE_WINDOW])
        if not dates or dates[0][1].start != 0 or dates[0][0].end is not None:
            continue
        when, span = dates[0]
        end = gap.end() + span.end
        if any(found.start == 0 for _, found in find_dates(text[match.start("outlet") : end])):
            continue  # "published in March 1992": the name is the date's own
        outlet = " ".join(match["outlet"].split())
        yield news_article(outlet, text[match.start() : end], when.begin.iso), match.start(), end
        yield news_outlet(outlet), match.start("outlet"), match.end("outlet")
