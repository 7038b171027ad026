"""A day a relay gives by the page's own ("X issued a statement yesterday"): the statement's
day is the one before the page's."""

from __future__ import annotations

from datetime import date, timedelta

from statement_kg.extract.spans import make_span
from statement_kg.records import PartialDate
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.found import Dated, Found
from statement_kg.structure.zones import Zones, line_around


def said_the_day_before(
    zones: Zones, issuers: list[Found], page: Dated | None, cues: StructureCues
) -> Dated | None:
    """The day before the page's, anchored on the word that says so, when the verb a relay
    sentence gives its issuer is modified by it; None otherwise, and where the date found
    is not the page's own stamp in its head (a statement's own date line says its day)."""
    if page is None or page.date.precision != "day" or page.line[1] > zones.body_start:
        return None
    analysis = zones.analysis
    for issuer in (i for i in issuers if i.kind == "relay sentence"):
        named = analysis.tokens(issuer.span.start, issuer.span.end)
        verbs = {a.i for t in named for a in t.ancestors if a.pos_ in {"VERB", "AUX"}}
        for word in named[0].sent if named else ():
            if word.lower_ in cues.day_before_words and word.head.i in verbs:
                day = date.fromisoformat(page.date.iso) - timedelta(days=1)
                start, end = analysis.span_of([word])
                span = make_span(analysis.original, start, end)
                line = line_around(analysis.original, start, end)
                return Dated(PartialDate(day.isoformat()), span, "relative", line)
    return None
