"""The day an interview was given, which the outlet's page says in its introduction or its
closing line ("Our editor spoke with him in Prague on 20 February", "The interview was
recorded on 18 February"): the guest's words are of that day, not of the issue that prints
them. The year is the page's (the year before, for a day after the page's)."""

from __future__ import annotations

import re

from statement_kg.extract.spans import make_span
from statement_kg.lexicon import Lexicon
from statement_kg.structure.found import Dated
from statement_kg.structure.line_dates import YEARLESS_DAY, yearless_day
from statement_kg.structure.zones import Zones, line_around

# "on 18 February", "on Feb. 20": a day without its year (with one, it is a date line's).
_ON_DAY = re.compile(rf"\bon\s+{YEARLESS_DAY}\b(?![,.]?\s*\d)")


def interview_day(zones: Zones, lexicon: Lexicon, printed: Dated | None) -> Dated | None:
    """The day of the first sentence that says when the interview was given: one that
    names the interview, or says someone spoke with the guest."""
    if printed is None or printed.date.precision != "day":
        return None
    cues = lexicon.structure
    analysis = zones.analysis
    for sentence in analysis.doc.sents:
        said = any(
            t.lemma_.lower() in cues.interview_nouns
            or (
                t.lemma_.lower() in cues.speech_verbs
                and any(c.lower_ == "with" for c in t.children)
            )
            for t in sentence
        )
        start, end = analysis.span_of(list(sentence))
        day = _ON_DAY.search(analysis.original, start, end) if said else None
        if day is None:
            continue
        when = yearless_day(day, printed.date)
        if when is not None:
            span = make_span(analysis.original, day.start() + 3, day.end())
            return Dated(when, span, "signed", line_around(analysis.original, *day.span()))
    return None
