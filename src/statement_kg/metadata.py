"""Finds in a text what a sidecar would say about it: issuer, issue date, document type and
place, each with the span it came from. Used to draft a sidecar for a curator to confirm
(statement-kg draft-metadata) and to evaluate documents that have none."""

from __future__ import annotations

import re
from dataclasses import dataclass

from statement_kg.extract.dates import find_dates
from statement_kg.extract.mentions import find_mentions
from statement_kg.extract.spans import SentenceIndex, make_span
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention, Span

HEAD_LINES = 8
TAIL_LINES = 6
AGENT_TYPES = frozenset({"country", "organisation", "collective", "person"})
# "Annex to the note verbale dated 4 March 2020" dates another document; "Letter dated
# 10 April 2024" dates this one.
_DATED = re.compile(r"annex\s+to\s+[^\n]{0,60}dated\s+$", re.IGNORECASE)
_OCCASION = re.compile(r"\b(?:marks|marked|commemorat\w*|today)\b", re.IGNORECASE)
# Where a heading's name ends: "... of the Republic of Azerbaijan on the 28th anniversary".
_HEADING_TAIL = re.compile(r"\s+(?:on|regarding|concerning|about|in\s+connection\s+with)\s+")
_AND = re.compile(r"\s+and\s+|\s*,\s*")
_NAME_TAIL = (
    r"(?:\s+(?:of|for|to|on|in|and|the|at)\s+(?:the\s+)?[A-Z][\w’'()-]*|\s+[A-Z][\w’'()-]*)*"
)


@dataclass(frozen=True)
class Found:
    """A value proposed for a sidecar field, with the span of text it came from."""

    value: str
    span: Span
    entity: str | None = None


def _edge_ranges(text: str) -> list[tuple[int, int]]:
    """The letterhead (first non-empty lines) and the signature (last lines)."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    return [*lines[:HEAD_LINES], *lines[-TAIL_LINES:]]


def _headed(text: str, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The issuers a heading names ("Statement of the Ministry of Foreign Affairs of the
    Republic of Armenia", "Joint Statement by A and B on the 28th anniversary ..."): each
    agent the heading's name holds, or the name itself when it holds none."""
    cue = lexicon.claims.statement_heading
    if cue is None:
        return []
    heading = re.compile(
        rf"^[ \t]*(?:{cue})\s+(?:the\s+)?(?P<name>[A-Z](?:[^\n]|\n(?![ \t]*\n))*)", re.MULTILINE
    )
    match = heading.search(text)
    if match is None:
        return []
    start = match.start("name")
    end = start + len(_HEADING_TAIL.split(match["name"], maxsplit=1)[0].rstrip())
    # Agents never nest: within one group the longest mention is the only one.
    agents = [
        m
        for m in mentions
        if start <= m.span.start
        and m.span.end <= end
        and lexicon.entities[m.entity].type != "country"
    ]
    if len(agents) > 1 and len(agents) == len(_AND.split(text[start:end])):
        return [Found(" ".join(m.span.exact.split()), m.span, m.entity) for m in agents]
    entity = agents[0].entity if len(agents) == 1 and agents[0].span.end == end else None
    return [Found(" ".join(text[start:end].split()), make_span(text, start, end), entity)]


def find_issuers(text: str, lexicon: Lexicon) -> list[Found]:
    words = lexicon.claims
    index = SentenceIndex(text)
    mentions = [
        m
        for m in find_mentions(text, lexicon, index)
        if lexicon.entities[m.entity].type in AGENT_TYPES
    ]
    found: list[Found] = []
    if words.collective_issuer:
        match = re.search(words.collective_issuer, text)
        if match:
            name = " ".join(match.group("name").split())
            found.append(Found(name, make_span(text, *match.span("name"))))
    heads = "|".join(words.issuer_heads)
    pattern = re.compile(rf"(?<![\w])(?:The\s+)?(?:{heads})(?:\s+of|\s+for|\s+to)?{_NAME_TAIL}")
    # A letterhead in capitals ("MINISTRY OF FOREIGN AFFAIRS OF THE REPUBLIC OF ARMENIA"),
    # not a document type ("PUBLIC STATEMENT"), or on the first line in title case ending in
    # an issuer's head word ("Humanitarian Law Observatory").
    capitals = re.compile(r"^[ \t]*(?P<name>[A-Z][A-Z’'()&,. -]{5,120}[A-Z)])[ \t]*$", re.MULTILINE)
    word = r"[A-Z][\w’'-]*\s+(?:(?:of|for|and|the|on)\s+)*"
    titled = re.compile(rf"^[ \t]*(?P<name>(?:{word}){{0,7}}(?:{heads}))[ \t]*$", re.MULTILINE)
    kinds = [re.compile(cue, re.IGNORECASE) for cue in words.document_type_cues.values()]
    ranges = _edge_ranges(text)
    for n, (start, end) in enumerate(ranges[:3]):
        match = capitals.match(text, start, end) or (
            titled.match(text, start, end) if n == 0 else None
        )
        if (
            match
            and len(match.group("name").split()) >= 2
            and not any(kind.search(match.group("name")) for kind in kinds)
            and not found
        ):
            span = make_span(text, *match.span("name"))
            entity = next(
                (
                    m.entity
                    for m in mentions
                    if (m.span.start, m.span.end) == (span.start, span.end)
                ),
                None,
            )
            found.append(Found(" ".join(span.exact.split()), span, entity))
    for start, end in ranges:
        for match in pattern.finditer(text, start, end):
            span = make_span(text, *match.span())
            if len(span.exact.split()) < 3 or any(
                f.span.start <= span.start < f.span.end for f in found
            ):
                continue
            entity = next(
                (
                    m.entity
                    for m in mentions
                    if m.span.start <= span.start + 4
                    and span.end <= m.span.end + 4
                    and lexicon.entities[m.entity].type != "country"
                ),
                None,
            )
            found.append(Found(" ".join(span.exact.split()), span, entity))
    edges = found[:1] + [f for f in found[1:] if f.entity is not None]
    headed = _headed(text, lexicon, mentions)
    if not headed:
        return edges
    # A letter that transmits a statement has two issuers: its sender and the statement's.
    names = {f.entity or f.value.lower() for f in headed}
    sender = [f for f in edges[:1] if (f.entity or f.value.lower()) not in names]
    return sorted([*sender, *headed], key=lambda f: f.span.start)


def find_issue_date(text: str) -> Found | None:
    """The document's own date: in a sentence that marks the occasion ("February 26, 2020
    marks the 28th anniversary"), then in the signature, then on the letterhead; never a
    date that describes another document ("note verbale dated 4 March 2020")."""
    days = [
        (time, span)
        for time, span in find_dates(text)
        if time.end is None
        and time.begin.precision == "day"
        and not _DATED.search(text, max(0, span.start - 90), span.start)
    ]
    ranges = _edge_ranges(text)
    for start, end in ranges:
        for time, span in days:
            if start <= span.start < end:
                return Found(time.begin.iso, span)
    index = SentenceIndex(text)
    for time, span in days:
        start, end = index.around(span.start)
        occasion = _OCCASION.search(text, span.end, end)
        if occasion and "anniversary" in text[start:end].lower():
            return Found(time.begin.iso, span)
    return None


def find_document_type(text: str, lexicon: Lexicon) -> Found | None:
    head = text[:2000]
    for type_id, cue in lexicon.claims.document_type_cues.items():
        match = re.search(cue, head, re.IGNORECASE | re.MULTILINE)
        if match and type_id in lexicon.document_types:
            return Found(type_id, make_span(text, *match.span()))
    return None


def find_place(text: str, lexicon: Lexicon) -> Found | None:
    """A place named on the letterhead or in the signature."""
    index = SentenceIndex(text)
    places = [
        m for m in find_mentions(text, lexicon, index) if lexicon.entities[m.entity].type == "place"
    ]
    for start, end in _edge_ranges(text):
        for mention in places:
            if start <= mention.span.start < end:
                return Found(lexicon.entities[mention.entity].label, mention.span, mention.entity)
    return None
