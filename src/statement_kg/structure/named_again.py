"""The other places a text names its issuer. A statement names who issued it more than once,
and readers anchor it at different ones: the letterhead or the statement's own title under
it, a body's opening sentences ("Today the Delegation of ... joins"), the sign-off after the
text, a letter's title over its signature. Each is recorded with the issuer, so that a
curator sees them all and an annotation anchored at any of them finds the same issuer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from statement_kg.extract.spans import make_span
from statement_kg.language import BLANK_LINE
from statement_kg.records import Mention, Span
from statement_kg.structure.found import Found
from statement_kg.structure.names import BRACKETS
from statement_kg.structure.zones import Zones

_ARTICLE = frozenset({"the"})
NAME_CHARS = 5
# A header's cells apart by a bar or a middle dot, and the words that join a part to its whole.
_CELLS = re.compile(r"\s+[|·]\s+")
HEADER_CELLS = 2
_OF = (["of"], ["of", "the"])
MODIFIER_REACH = 40
OPENING_PARAGRAPHS = 2
# An office named before its holder's name is a few words at least ("Human Rights Defender").
OFFICE_WORDS = 3


def _modified(text: str, start: int) -> bool:
    """Whether a capitalised word runs into the words ("the Eastern Foreign Ministry" is
    another body than a letterhead's "FOREIGN MINISTRY"); a column's gap is no run."""
    before = re.search(r"(\w+) $", text[max(0, start - MODIFIER_REACH) : start])
    word = before.group(1) if before else ""
    return word[:1].isupper() and word.lower() != "the"


def _persons(parts: Zones) -> set[str]:
    return {
        " ".join(e.text.split()).casefold() for e in parts.analysis.doc.ents if e.label_ == "PERSON"
    }


def _own_name(word: str) -> bool:
    return word.isupper() or any(c.isupper() for c in word[1:])


def _pattern(found: Found) -> re.Pattern[str] | None:
    """The issuer's words, in any case and spacing, "the" before them or not, with an
    abbreviation in brackets or not."""
    # A record's label gives the speaker's country or seat in brackets: not the name.
    words = list(re.findall(r"\w[\w'’.-]*", BRACKETS.sub(" ", found.value)))
    while words and words[0].casefold() in _ARTICLE:
        words = words[1:]
    # One word names someone only as a name of its own, in capitals or with one inside
    # ("CASPIAN-WIRE", "ArasInfo"), or as the surname a headline gives a person ("FM
    # Bayramov"), not as a common noun ("Committee").
    surname = found.kind == "headline" and len(words) == 1 and words[0][:1].isupper()
    # A site's name in its header is a name of its own, however it is written
    # ("Armenpress" over "YEREVAN, FEBRUARY 26, ARMENPRESS.").
    site = found.kind == "relay header" and len(words[0]) >= NAME_CHARS if words else False
    short = len(words) == 1 and (len(words[0]) < NAME_CHARS or not _own_name(words[0]))
    if not words or (short and not surname and not site):
        return None
    # "the Office of the Nagorno Karabakh Republic (NKR) in the USA": an abbreviation in
    # brackets may stand between the words.
    gap = r"(?:\s+\(\w{2,10}\))?\s+"
    names = [words]
    # "Human Rights Defender of X, NAME": the office alone names the same issuer.
    office, comma, holder = found.value.partition(", ")
    office_words = re.findall(r"\w[\w'’.-]*", office)
    if comma and len(office_words) >= OFFICE_WORDS and len(holder.split()) >= 2:
        names.append(office_words[1:] if office_words[0].casefold() in _ARTICLE else office_words)
    # "Baku Humanities University | Central Library": a header's two cells name the part of
    # the whole the text names as "Central Library of Baku Humanities University".
    cells = [re.findall(r"\w[\w'’.-]*", c) for c in _CELLS.split(found.value)]
    if len(cells) == HEADER_CELLS and all(len(c) > 1 for c in cells):
        whole, part = cells
        names += [[*part, *of, *whole] for of in _OF]
    alternatives = "|".join(gap.join(re.escape(w) for w in name) for name in names)
    return re.compile(r"\b(?:" + alternatives + r")\b", re.IGNORECASE)


def _places(parts: Zones) -> list[tuple[int, int]]:
    """Where a text names its issuer: its head, its opening paragraphs (a headline read as
    running text may be the first), its tail."""
    text = parts.analysis.original
    opening_end = parts.body_start
    for _ in range(OPENING_PARAGRAPHS):
        paragraph = BLANK_LINE.search(text, opening_end + 1)
        opening_end = paragraph.start() if paragraph else parts.body_end
    return [(0, parts.body_start), (parts.body_start, opening_end), (parts.body_end, len(text))]


def named_again(issuers: Sequence[Found], parts: Zones, mentions: Sequence[Mention]) -> list[Found]:
    """Each issuer (or relay) with the other places the text names it: mentions of its
    entity, or its words, in the head, the opening paragraphs or the tail."""
    text = parts.analysis.original
    places = _places(parts)
    persons = _persons(parts)
    out = []
    for issuer in issuers:
        spans: dict[int, Span] = {s.start: s for s in issuer.also}
        pattern = _pattern(issuer)
        candidates = [
            (m.span.start, m.span.end)
            for m in mentions
            if issuer.entity is not None and m.entity == issuer.entity
        ]
        if pattern is not None:
            # A person's name the parser reads as one somewhere: a title or a country before
            # it ("President of the Republic of X NAME") makes no other person of it.
            person = " ".join(issuer.value.split()).casefold() in persons
            candidates += [
                (m.start(), m.end())
                for m in pattern.finditer(text)
                # A record names its speaker with the office first ("Kars Deputy NAME").
                if person or issuer.kind in {"headline", "record"} or not _modified(text, m.start())
            ]
        for start, end in candidates:
            outside = end <= issuer.span.start or start >= issuer.span.end
            if outside and any(a <= start < b for a, b in places):
                spans.setdefault(start, make_span(text, start, end))
        out.append(replace(issuer, also=tuple(spans[k] for k in sorted(spans))))
    return out
