"""The place a dateline gives: before its date ("Baku, 26 February 2024", "Baku city, ...",
"(Moscow, March 5, 1992)"), or on the line above it in a signature block."""

from __future__ import annotations

import re

from statement_kg.extract.mentions import find_mentions
from statement_kg.extract.spans import SentenceIndex, make_span
from statement_kg.lexicon import Lexicon
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.found import Dated, Found
from statement_kg.structure.line_dates import WEEKDAYS, day_name
from statement_kg.structure.zones import Line, Zones

# A dateline's place: a few capitalised words ("Baku", "Mexico City", "WASHINGTON, DC").
Offsets = tuple[int, int] | None
# "Baku city": at most this many words name a dateline's place.
PLACE_WORDS = 4
# "24 February 2022, Baku": a place after a date in a word or two.
PLACE_AFTER_WORDS = 2
# "Paris / Brussels / London, 10 April 2025": several places where the signers were.
# Words in any script ("Stepanakert", "Степанакерт"), each opening with a capital.
_PLACE = re.compile(r"^(?:[^\W\d_][\w'’.-]*\s*(?:[–—/-]\s*)?){1,6}(?:,\s*[A-Z]{2,}\.?)?$")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_REMARK = re.compile(r"\s*\([^()\n]*\)\s*$")


def _placelike(words: str) -> bool:
    return bool(_PLACE.match(words)) and all(w[0].isupper() for w in _WORD.findall(words))


def place_after(zones: Zones, line: Line, end: int, cues: StructureCues) -> Offsets:
    """ "24 February 2022, Baku": a heading's date line in the head, then a place in one or
    two capitalised words (the parser's entity type is no help with a capital)."""
    if line.end > zones.body_start:
        return None
    text = zones.analysis.original
    if not text[end : line.end].lstrip().startswith(","):
        return None
    # "14 March 2023, Toronto (hybrid event)": a remark in brackets closes the line.
    remark = _REMARK.search(text, end, line.end)
    stop = remark.start() if remark is not None else line.end
    tokens = [t for t in zones.analysis.tokens(end, stop) if not t.is_punct]
    if not 0 < len(tokens) <= PLACE_AFTER_WORDS:
        return None
    # Not a weekday, nor what a document is ("24 February 2022, Press Release").
    others = WEEKDAYS | cues.document_nouns | cues.organisation_heads
    if not all(t.pos_ == "PROPN" and t.is_title and t.lower_ not in others for t in tokens):
        return None
    return zones.analysis.span_of(tokens)


def place_above(zones: Zones, zone: tuple[Line, ...], line: Line) -> tuple[int, int] | None:
    """A signature block's place on the line above its date ("Brussels / 26 February 2023")."""
    above = [p for p in zone if p.end <= line.start][-1:]
    if not above or not _placelike(above[0].text.strip("*")):
        return None
    tokens = [t for t in zones.analysis.tokens(above[0].start, above[0].end) if not t.is_punct]
    if tokens and all(t.ent_type_ in {"GPE", "LOC"} for t in tokens):
        return zones.analysis.span_of(tokens)
    return None


def place_before(zones: Zones, line: Line, start: int, cues: StructureCues) -> Offsets:
    """The place a dateline gives before its date, if what precedes is only a place (not
    a weekday: "Monday, March 2, 1992")."""
    text = zones.analysis.original
    nouns = cues.place_nouns
    span = _place_words(text, line, start) or _place_with_noun(zones, line, start, nouns)
    words = zones.analysis.tokens(*span) if span is not None else []
    if span is None or any(day_name(t) for t in words):
        return None
    tokens = [t for t in words if not t.is_punct]
    known = all(t.ent_type_ in {"GPE", "LOC"} for t in tokens)
    # Before a year alone, only a place the parser knows or one word of a name ("Moscow,
    # 1992", "Stepanakert, 1992"): "ELECTORAL PLATFORM 2019" and "YEAR 2024" are titles,
    # and "Spring 2025" is a term, part of the date the parser reads.
    named = len(tokens) == 1 and tokens[0].is_title and tokens[0].ent_type_ != "DATE"
    if text[start : line.end].strip().isdigit() and not (named or known):
        return None
    # After a dash ("For immediate release - Geneva, ..."), only what the parser knows as a
    # place ("Latest news – Politics, ..." gives none).
    dashed = text[line.start : span[0]].rstrip().endswith(("-", "–", "—"))
    return None if dashed and not known else span


def _place_with_noun(zones: Zones, line: Line, start: int, nouns: frozenset[str]) -> Offsets:
    """ "Baku city, 18 February 2025": a proper name, then the kind of place it is (the
    parser's entity type is no help: it takes many a capital for a person)."""
    tokens = [t for t in zones.analysis.tokens(line.start, start) if not t.is_punct]
    if not 1 < len(tokens) <= PLACE_WORDS or tokens[-1].lower_ not in nouns:
        return None
    if not all(t.pos_ == "PROPN" and t.is_title for t in tokens[:-1]):
        return None
    return zones.analysis.span_of(tokens)


def _place_words(text: str, line: Line, start: int) -> tuple[int, int] | None:
    # "(Moscow, March 5, 1992) - ...": a press release's dateline in brackets.
    opening = len(text[line.start : start]) - len(text[line.start : start].lstrip("("))
    line = Line(line.start + opening, line.end, line.text[opening:])
    before = text[line.start : start].rstrip(" ,–—-\t")
    if not before:
        return None
    if _placelike(before):
        return line.start, line.start + len(before)
    # "..., Geneva" or "For immediate release - Geneva": the place after the last comma or dash.
    last = re.split(r",|\s[–—-]\s", before)[-1].strip()
    if last != before.strip() and last and _placelike(last):
        at = line.start + before.rfind(last)
        return at, at + len(last)
    return None


def issued_at(text: str, date: Dated | None, lexicon: Lexicon) -> Found | None:
    """Where the document says it was issued: the place on its dateline."""
    if date is None or date.place is None:
        return None
    start, end = date.place
    places = [
        m
        for m in find_mentions(text, lexicon, SentenceIndex(text))
        if lexicon.entities[m.entity].type == "place" and start <= m.span.start < end
    ]
    if "/" in text[start:end]:
        places = []  # "Paris / Brussels / London": all of them, no one place
    span = places[0].span if places else make_span(text, start, end)
    words = " ".join(span.exact.split())
    # A place inside a longer name ("Embassy of X / Brussels") is not a mention of its own.
    named = [
        e.id
        for e in lexicon.entities.values()
        if e.type == "place" and words.casefold() in {n.casefold() for n in e.names}
    ]
    entity = places[0].entity if places else (named[0] if named else None)
    return Found(words, span, entity, "dateline")
