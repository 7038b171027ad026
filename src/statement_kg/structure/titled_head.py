"""A name and a title on a line of their own in the head ("Ned Carrow, Deputy
Spokesperson" under a briefing's heading): the one who speaks; unless the line belongs to a
body's letterhead, which lists its head among its lines."""

from __future__ import annotations

from dataclasses import replace

from statement_kg.extract.spans import make_span
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.found import Found
from statement_kg.structure.names import found, letterhead_heads, names_body
from statement_kg.structure.signature import name_and_title
from statement_kg.structure.zones import Line, Zones


def titled_in_head(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """ "Ned Carrow, Deputy Spokesperson" on its own line under a briefing's heading: the
    one who speaks, anchored with the title; a brief's authors on the lines together."""
    text = zones.analysis.original
    named: list[Found] = []
    for line in zones.head:
        named_end = name_and_title(zones, line, lexicon.structure.titles)
        if named_end is not None and not _in_letterhead(zones, line, lexicon.structure):
            speaker = found(text, line.start, named_end, "heading", mentions, lexicon)
            named.append(replace(speaker, span=make_span(text, line.start, line.end)))
        elif named:
            break  # a brief's authors stand on lines together
    return named


def _in_letterhead(zones: Zones, line: Line, cues: StructureCues) -> bool:
    """ "ST. X CHURCH / address / Rev. Fr. NAME, Pastor": a body's letterhead lists its
    head among its lines, over the document's title (a briefing's speaker stands under
    it, and a speech's speaker under the body's name, over "Remarks at ...")."""
    text = zones.analysis.original
    block = text.rfind("\n\n", 0, line.start) + 1
    above = [n for n in zones.head if block <= n.start < line.start]
    head = [t for n in zones.head for t in zones.analysis.tokens(n.start, n.end)]
    titled = [t for n in above for t in zones.analysis.tokens(n.start, n.end)]
    return (
        any(
            names_body(zones.analysis.tokens(n.start, n.end), letterhead_heads(n.text, cues))
            for n in above
        )
        and not any(t.lemma_.lower() in cues.document_nouns for t in titled)
        and not any(t.lemma_.lower() in cues.speech_nouns for t in head)
    )
