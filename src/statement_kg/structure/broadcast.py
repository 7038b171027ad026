"""A media-monitoring digest of a broadcast: under the service's masthead, a credit line names
the station, where it broadcast, in which language, and when ("Azerbaijani Television first
channel, Baku, in Azeri 1700 gmt 26 Feb 05"). The station is the issuer and its day the
issue date; the monitoring service, whose masthead heads the digest, relays it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from statement_kg.extract.spans import make_span
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Dated, Found
from statement_kg.structure.line_dates import day_of
from statement_kg.structure.names import found
from statement_kg.structure.zones import Zones, line_around, row_cells

# "STATION, PLACE, in LANGUAGE 1700 gmt 26 Feb 05", after a "Source:" label or not; or
# after the item's reference code, the place left out ("LD0203201592 Moscow Radio Rossii
# Network in Russian 1700 GMT 2 Mar 92").
_CREDIT = re.compile(
    r"^[ \t]*(?:Source:[ \t]*)?(?:[A-Z]{2}\d{6,12}[ \t]+)?"
    r"(?P<station>[A-Z][^,\n:]{2,79}?)(?:,[ \t]*[^,\n]{2,40},)?[ \t]+in[ \t]+"
    r"[A-Z][a-z]+(?:[ \t]+and[ \t]+[A-Z][a-z]+)?[ \t]+\d{3,4}[ \t]*[Gg][Mm][Tt][ \t]+"
    r"(?P<date>(?P<day>\d{1,2})[ \t]+(?P<month>[A-Za-z]{3,9})[ \t]+(?P<year>\d{2}|\d{4}))\b",
    re.MULTILINE,
)
# A monitor's mark where a speaker's recording begins: "[Begin Petrenko recording]".
_RECORDING = re.compile(r"\[Begin (?P<name>[\w'-]+) recording\]", re.IGNORECASE)
# The rank and given names before a surname: a few words (a hyphen counts), near it.
NAME_WORDS = 5
NAME_REACH = 60
# ", SPOKESMAN OF THE JOINT ARMED FORCES COMMAND:": a title and the body it is of.
_BODY_AFTER = re.compile(
    r",\s+(?P<title>[\w -]{3,40}?)\s+of\s+(?:the\s+)?(?P<body>[^,:.\n]+(?:\n[^,:.\n]+)?)\s*[:.]",
    re.IGNORECASE,
)
# The credit line heads the digest's item: among its first lines.
CREDIT_LINES = 12
# "CAUCASUS MEDIA MONITOR -- Daily Broadcast Digest": the service's name, before the kind.
_MASTHEAD_CUT = re.compile(r"[ \t]+(?:-{1,2}|[|–—:])[ \t]+")


@dataclass(frozen=True)
class Broadcast:
    station: Found
    date: Dated | None
    monitor: Found | None
    # Every credit line (the digest may repeat it as its source at the end).
    lines: tuple[tuple[int, int], ...]
    # Whose recording the station airs ("[Begin Petrenko recording]"), and the body they
    # speak for: the issuers then, the station only the relay.
    recorded: tuple[Found, ...] = ()


def broadcast(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> Broadcast | None:
    """The first credit line of a broadcast, with the masthead above it when there is one."""
    text = zones.analysis.original
    head_end = zones.lines[CREDIT_LINES].start if len(zones.lines) > CREDIT_LINES else len(text)
    credit = _CREDIT.search(text, 0, head_end)
    if credit is None:
        return None
    station = found(text, *credit.span("station"), "broadcast", mentions, lexicon)
    day = day_of(credit["day"], credit["month"], credit["year"])
    line = line_around(text, credit.start(), credit.end())
    date = Dated(day, make_span(text, *credit.span("date")), "dateline", line) if day else None
    lines = tuple(line_around(text, m.start(), m.end()) for m in _CREDIT.finditer(text))
    monitor = _masthead(zones, credit.start(), lexicon, mentions)
    recorded = _recorded(zones, credit.end(), lexicon, mentions)
    return Broadcast(station, date, monitor, lines, recorded)


def _recorded(
    zones: Zones, start: int, lexicon: Lexicon, mentions: list[Mention]
) -> tuple[Found, ...]:
    """ "... THE STATEMENT OF MAJOR-GENERAL YURIY PETRENKO, SPOKESMAN OF THE JOINT ARMED
    FORCES COMMAND: [Begin Petrenko recording]": the official the recording mark names, in
    full with the rank before the name as the announcer gives it, and the body their title
    is of. A recording of someone the announcer gives no office (a witness, a refugee)
    stays the station's report."""
    text = zones.analysis.original
    mark = _RECORDING.search(text, start)
    if mark is None:
        return ()
    surname = re.compile(rf"\b(?i:{re.escape(mark['name'])})\b")
    names = list(surname.finditer(text, start, mark.start()))
    if not names:
        return ()
    named = names[-1]
    body = _BODY_AFTER.match(text, named.end(), mark.start())
    titles = lexicon.structure.titles
    if body is None or not set(body["title"].lower().split()) & titles:
        return ()
    # The rank and given names before the surname: names and titles, within its sentence.
    tokens = zones.analysis.tokens(max(start, named.start() - NAME_REACH), named.start())
    before: list[Token] = []
    for token in reversed(tokens):
        # "MAJOR-GENERAL": a rank's parts joined by a hyphen.
        joined = token.text == "-" and not token.whitespace_ and bool(before)
        named_word = token.pos_ == "PROPN" or token.lower_ in titles
        if len(before) == NAME_WORDS or not (named_word or joined):
            break
        before.insert(0, token)
    begin = zones.analysis.span_of(before)[0] if before else named.start()
    speaker = found(text, begin, named.end(), "broadcast", mentions, lexicon)
    return speaker, found(text, *body.span("body"), "broadcast", mentions, lexicon)


def _masthead(zones: Zones, credit: int, lexicon: Lexicon, mentions: list[Mention]) -> Found | None:
    """The first line's name, when the credit line comes later: of its cells, the first
    without figures (not the item's code or the day, "WBM-SOV-92-042 ... 3 March 1992")."""
    if not zones.lines or zones.lines[0].start >= credit:
        return None
    text = zones.analysis.original
    cells = row_cells(text, zones.lines, 0)
    first = next((c for c in cells if not any(ch.isdigit() for ch in c.text)), cells[0])
    name = _MASTHEAD_CUT.split(first.text.strip())[0]
    start = first.start + first.text.index(name)
    return found(zones.analysis.original, start, start + len(name), "masthead", mentions, lexicon)
