"""Texts a carrier passes on, named by the carrier's own furniture: a broadcast a monitoring
digest credits (structure.broadcast), a cable's sender and date-time group (structure.cable).
What they say overrides what the rest of the structure read."""

from __future__ import annotations

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.broadcast import broadcast
from statement_kg.structure.cable import cable
from statement_kg.structure.found import Dated, Found
from statement_kg.structure.zones import Zones


def carried(
    parts: Zones,
    lexicon: Lexicon,
    mentions: list[Mention],
    issuers: list[Found],
    relays: list[Found],
    date: Dated | None,
) -> tuple[list[Found], list[Found], Dated | None, list[tuple[int, int]]]:
    """A broadcast a digest credits, or a cable's sender and date-time group, over what the
    rest of the structure read; and their lines, which date no event."""
    own: list[tuple[int, int]] = []
    aired = broadcast(parts, lexicon, mentions)
    if aired is not None:
        monitors = [aired.monitor] if aired.monitor else []
        if aired.recorded:
            issuers, relays = list(aired.recorded), [aired.station, *monitors]
        else:
            issuers, relays = [aired.station], monitors
        date = aired.date or date
        own += aired.lines
    sent = cable(parts, lexicon, mentions)
    if sent is not None:
        issuers, date = [sent.sender, *([sent.signer] if sent.signer else [])], sent.date or date
        own += [sent.date.line] if sent.date else []
    return issuers, relays, date, own
