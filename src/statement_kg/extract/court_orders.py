"""A court's orders a text cites by their day: "by its Order of 7 December 2021", "On 22
February 2023 the International Court of Justice ordered ...", "the order on provisional
measures issued by the International Court of Justice on 7 December 2021", in a text that names the
court (claims.yaml `recognise: order_court`). Each is one decision of that court and day."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from statement_kg.extract.dates import find_dates
from statement_kg.lexicon import Recognisers, literal_phrase
from statement_kg.records import Entity
from statement_kg.slug import slug

# "Order of 7 December 2021": a court's order by its day (the capital tells the document).
_ORDER = re.compile(r"(?-i:Order)\s+of\s+(?=\d|[A-Z][a-z]+\s+\d)")
# How far after "Order of" its day is read.
DATE_WINDOW = 40


@lru_cache(maxsize=4)
def _ordered(court_cue: str) -> re.Pattern[str]:
    """ "On DAY the COURT ordered / indicated": what the court did that day."""
    return re.compile(
        rf"\b(?i:on)\s+(?P<day>[^,.;\n]{{6,25}}?),?\s+the\s+(?:{court_cue})"
        r"\s+(?:ordered|indicated)\b"
    )


@lru_cache(maxsize=4)
def _issued(court_cue: str) -> re.Pattern[str]:
    """ "the order on provisional measures issued by the COURT on DAY": an order the text
    describes, then dates by the day the court issued it."""
    return re.compile(
        # "the order", "its order": not "in order to" or "public order".
        r"(?:(?<=\b(?i:the) )|(?<=\b(?i:its) )|(?<=\b(?i:an) ))"
        rf"(?i:order)\b[^.;\n]{{0,60}}?\b(?:issued|indicated|made|delivered)\s+by\s+the\s+"
        rf"(?:{court_cue})\s+on\s+(?P<day>[^;\n]{{6,25}})"
    )


def court_orders(text: str, words: Recognisers) -> Iterable[tuple[Entity, int, int]]:
    """ "By its Order of 7 December 2021": a court's order cited by its day, in a text that
    names the court."""
    court = words.order_court
    if court is None or not re.search(words.order_court_cue, text):
        return
    for match in _ORDER.finditer(text):
        found = find_dates(text[match.end() : match.end() + DATE_WINDOW])
        if not found or found[0][1].start != 0:
            continue
        time, span = found[0]
        if time.end is not None or time.begin.precision != "day":
            continue
        end = match.end() + span.end
        yield _order(court, time.begin.iso, text[match.start() : end]), match.start(), end
    # "On 7 December 2021 the International Court of Justice ordered ...": the order that
    # day, cited by what the Court did.
    for match in _ordered(words.order_court_cue).finditer(text):
        found = find_dates(match["day"])
        if len(found) == 1 and found[0][0].end is None and found[0][0].begin.precision == "day":
            day = found[0][0].begin.iso
            yield _order(court, day, match.group()), match.start(), match.end()
    for match in _issued(words.order_court_cue).finditer(text):
        found = find_dates(match["day"])
        if (
            found
            and found[0][1].start == 0
            and found[0][0].end is None
            and (found[0][0].begin.precision == "day")
        ):
            end = match.start("day") + found[0][1].end
            day = found[0][0].begin.iso
            yield _order(court, day, text[match.start() : end]), match.start(), end


def _order(court: str, day: str, words: str) -> Entity:
    return Entity(
        id=f"{slug(court)}-order-{day}",
        type="court_judgment",
        label=f"Order of {day}",
        phrases=(literal_phrase(words),),
        issued=day,
        issued_by=court,
        recognised=True,
    )
