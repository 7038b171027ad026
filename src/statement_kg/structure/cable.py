"""A diplomatic cable's header: the sender on its "FM" line ("FM AMEMBASSY BAKU", "FM EMBASSY
OF X BERLIN") and the date-time group that dates it ("R 270915Z FEB 09", "DTG 241130Z FEB
22": day, hour and minute in UTC, month, year). The sender issued the cable; the date-time
group is its date and no event's; the officer who signs it by surname on its last line
issued it too."""

from __future__ import annotations

import re
from dataclasses import dataclass

from statement_kg.extract.spans import make_span
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Dated, Found
from statement_kg.structure.line_dates import day_of
from statement_kg.structure.names import found
from statement_kg.structure.zones import Zones, line_around

# "FM AMEMBASSY BAKU": the sender, on a line of its own among the first of the cable.
_SENDER = re.compile(r"^[ \t]*FM[ \t]+(?P<sender>[A-Z](?:[^\n:]*[^\s:])?)[ \t]*$", re.MULTILINE)
# "TO RUEHC/SECSTATE WASHDC 1234", "TO ALL MISSIONS": the addressees' line.
_TO = re.compile(r"^[ \t]*TO[ \t]+[A-Z]", re.MULTILINE)
# "R 270915Z FEB 09", "DTG 241130Z FEB 22", "O 031200Z MAR 92": precedence or label, then
# day, hour and minute, the zone letter, the month and the year.
_DTG = re.compile(
    r"^[ \t]*(?:DTG:?|[ROPZ])[ \t]+(?P<day>[0-3]\d)[0-2]\d[0-5]\dZ[ \t]+"
    r"(?P<month>[A-Z]{3})[ \t]+(?P<year>\d{2}|\d{4})\b",
    re.MULTILINE,
)
# The header is the cable's first lines.
HEADER_LINES = 15
# "HOLLOWAY": the officer who signs, by surname in capitals on the cable's last line.
# (Not a classification or an end mark: mappings/structure.yaml, cable_marks.)
_SIGNER = re.compile(r"\n[ \t]*(?P<name>[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]+)?)\s*\Z")


@dataclass(frozen=True)
class Cable:
    sender: Found
    date: Dated | None
    signer: Found | None = None


def cable(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> Cable | None:
    """The sender and date-time group of a cable's header, if the text opens with one."""
    text = zones.analysis.original
    head_end = _line_start(text, HEADER_LINES)
    sender = _SENDER.search(text, 0, head_end)
    dated = _dated(text, head_end)
    # A cable's header: the sender with its addressees or its date-time group.
    if sender is None or (dated is None and not _TO.search(text, 0, head_end)):
        return None
    named = found(text, *sender.span("sender"), "cable", mentions, lexicon)
    signed = _SIGNER.search(text)
    marked = signed is not None and " ".join(signed["name"].split()).lower() in (
        lexicon.structure.cable_marks
    )
    signer = (
        found(text, *signed.span("name"), "signature", mentions, lexicon)
        if signed and not marked
        else None
    )
    return Cable(named, dated, signer)


def _line_start(text: str, number: int) -> int:
    at = 0
    for _ in range(number):
        at = text.find("\n", at) + 1
        if at == 0:
            return len(text)
    return at


def _dated(text: str, head_end: int) -> Dated | None:
    group = _DTG.search(text, 0, head_end)
    if group is None:
        return None
    day = day_of(group["day"], group["month"], group["year"])
    if day is None:
        return None
    span = make_span(text, group.start("day"), group.end("year"))
    return Dated(day, span, "dateline", line_around(text, group.start(), group.end()))
