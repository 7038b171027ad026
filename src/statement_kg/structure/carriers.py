"""Texts a carrier passes on, named by the carrier's own furniture: a broadcast a monitoring
digest credits (structure.broadcast), a cable's sender and date-time group (structure.cable),
a letter a paper prints or a message a newsletter reprints. What they say overrides what
the rest of the structure read."""

from __future__ import annotations

from typing import NamedTuple

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.broadcast import broadcast
from statement_kg.structure.cable import cable
from statement_kg.structure.first_line import first_line_names
from statement_kg.structure.found import Dated, Found
from statement_kg.structure.names import is_body
from statement_kg.structure.signature import signatures, signed_day
from statement_kg.structure.source_note import reprinted, source_issuer, to_the_editor
from statement_kg.structure.zones import Zones


class Reading(NamedTuple):
    """What the structure has read of a text so far."""

    issuers: list[Found]
    relays: list[Found]
    date: Dated | None


def printed(parts: Zones, lexicon: Lexicon, mentions: list[Mention], read: Reading) -> Reading:
    """A message a newsletter reprints ("(Reprinted from the bulletin of ...)"): its signer
    issued it, the newsletter's letterhead relays it. A letter a paper prints ("To the
    editor:"): its writer issued it on the day signed under the name (none, when the
    writer gives none), the paper relays it: its site's header, or its name on the first
    line, but not a body's own letterhead (an embassy's letter to a paper is the
    embassy's)."""
    issuers, relays, date = read
    cues = lexicon.structure
    letterheads = [i for i in issuers if i.kind == "letterhead"]
    if letterheads and letterheads == issuers and reprinted(parts, cues):
        # Its signer issued it; a reprinted article with no signer is the paper's the
        # note says it comes from.
        signed = signatures(parts, lexicon, mentions) or source_issuer(parts, lexicon, mentions)
        return Reading(signed, [*relays, *issuers], date) if signed else read
    if not to_the_editor(parts, cues) or any(
        is_body(parts.analysis, i, cues.organisation_heads) for i in letterheads
    ):
        return read
    signed = signatures(parts, lexicon, mentions, letter=True)
    headers = [r for r in relays if r.kind == "relay header"]
    paper = [] if headers else first_line_names(parts, lexicon, mentions)
    if not signed or not (headers or paper):
        return read
    if date is not None and date.line[1] <= parts.body_start:
        date = signed_day(parts, signed[-1], date)
    return Reading(signed, [*relays, *paper], date)


def carried(
    parts: Zones, lexicon: Lexicon, mentions: list[Mention], read: Reading
) -> tuple[Reading, list[tuple[int, int]]]:
    """A broadcast a digest credits, or a cable's sender and date-time group, over what the
    rest of the structure read; and their lines, which date no event."""
    issuers, relays, date = read
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
    return Reading(issuers, relays, date), own
