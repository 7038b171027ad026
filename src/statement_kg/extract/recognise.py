"""Entities a text names by their form though mappings/ does not list them: a UN resolution
by its body and number, another organisation's by its own numbering, an interview or article
by its outlet and date, a UN document by its symbol, a court judgment by its application
number, a person quoted by name. Text from other issuers cites other works and quotes other
people; these become entities of their own (marked as recognised, not curated) so their
citations and quotations are kept rather than dropped."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from statement_kg.extract.court_cases import judgments
from statement_kg.extract.court_orders import court_orders
from statement_kg.extract.instruments import instruments
from statement_kg.extract.interviews import news_citations
from statement_kg.extract.mentions import find_mentions, group_of
from statement_kg.extract.notes import note_citations, text_notes
from statement_kg.extract.numbered import numbered_acts, numbered_resolutions
from statement_kg.extract.outlets import to_listed_outlets
from statement_kg.extract.quotations import antecedent_window, pronoun_attributed, quoted_spans
from statement_kg.extract.spans import Nearby, SentenceIndex
from statement_kg.extract.titled import titled_works, unquoted_titles
from statement_kg.language import analyse
from statement_kg.language.margins import unnumbered
from statement_kg.language.normalise import mended_words
from statement_kg.lexicon import Lexicon, Recognisers, literal_phrase
from statement_kg.records import Entity, Phrase
from statement_kg.slug import slug

_DASH = r"\s?[-‐–—]\s?"
_SESSION = r"\(\s?(?:\d{4}|[IVXLC]+)\s?\)"
# S/RES/822 (1993), A/RES/62/243, A/RES/260 (III), E/RES/1996/31.
_RES_SYMBOL = re.compile(
    rf"(?<![\w/])(?P<body>[AES])/RES/(?P<number>\d+(?:/\d+)?)(?:\s?(?P<session>{_SESSION}))?"
)
# A/76/689, A/78/790–S/2024/187, A/HRC/49/12, E/CN.4/1998/53, A/HRC/WG.6/44/AZE/1: letters,
# then at least two numeric parts (a country's letters may stand between); the Security
# Council's documents before 1994 have one number of five digits (S/25199). Joint symbols of
# two organs are one document.
_PART = r"(?:[AES](?:/[A-Z]+(?:\.\d+)?)*/\d+(?:/[A-Z]+)*(?:/\d+)+|S/\d{5})"
# A treaty body's: CCPR/C/AZE/CO/4, CERD/C/AZE/CO/7-9 (reports joined by a range), CED/C/7.
_TREATY = r"(?:CCPR|CERD|CAT|CRC|CEDAW|CED|CMW|CRPD|HRI)(?:/[A-Z]+(?:\.\d+)?)+/\d+(?:-\d+)?"
_DOC_SYMBOL = re.compile(rf"(?<![\w/])(?!\w/RES/)(?:{_PART}(?:{_DASH}{_PART})*|{_TREATY})(?![\w/])")
# "resolutions 822 (1993) and 853 (1993)", "resolution 260 (III)", "resolution 62/243".
_NUMBER = r"\d{1,4}(?:/\d{1,4})?"
_RES_NUMBER = re.compile(rf"(?P<number>{_NUMBER})(?:\s?(?P<session>{_SESSION}))?")
_ONE = rf"{_NUMBER}(?:\s?{_SESSION})?"
_RES_LIST = re.compile(
    rf"\bresolutions?\s+(?P<list>{_ONE}(?:\s*(?:,\s*and|,|and)\s*{_ONE})*)", re.IGNORECASE
)
_NAME = r"[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?(?:\s+[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?){1,2}"
HEAD_LINES = 5


_ORGANS = {"S": "Security Council", "A": "General Assembly", "E": "Economic and Social Council"}


def _session_symbol(body: str, number: str, session: str | None) -> str | None:
    """The UN symbol, where the text gives enough for it: a Security Council resolution
    with its year (S/RES/822 (1993)), a General Assembly one by session and number
    (A/RES/62/243) or, before 1976, with its session in Roman numerals (A/RES/260(III)),
    an Economic and Social Council one by year and number (E/RES/1996/31)."""
    inner = session.strip("() ") if session else ""
    if body == "S" and inner.isdigit() and "/" not in number:
        return f"S/RES/{number} ({inner})"
    if body in {"A", "E"} and "/" in number and not inner:
        return f"{body}/RES/{number}"
    if body == "A" and inner and not inner.isdigit() and "/" not in number:
        return f"A/RES/{number}({inner})"
    return None


def _resolution(body: str, organ: str, number: str, symbol: str | None, phrase: Phrase) -> Entity:
    """A resolution is known by its organ and number alone, so one cited with and one
    without its year are the same entity."""
    name = _ORGANS[body]
    return Entity(
        id=slug(f"{body}-res-{number}"),
        type="un_resolution",
        label=f"UN {name} resolution {number}",
        phrases=(phrase,),
        issued_by=organ,
        symbol=symbol,
        recognised=True,
    )


# A recognised entity and the span of text it was recognised at.
_Candidate = tuple[Entity, int, int]


def _resolutions(text: str, words: Recognisers, index: SentenceIndex) -> Iterable[_Candidate]:
    bodies = words.resolution_bodies
    for match in _RES_SYMBOL.finditer(text):
        body = match["body"]
        if body in bodies:
            symbol = _session_symbol(body, match["number"], match["session"])
            phrase = literal_phrase(match.group())
            entity = _resolution(body, bodies[body][1], match["number"], symbol, phrase)
            yield entity, match.start(), match.end()
    for match in _RES_LIST.finditer(text):
        if match.group().split()[0].isupper():
            continue  # "SENATE RESOLUTION 21": a heading's, the document's own number
        start, _ = index.around(match.start())
        named = [
            (cue_match.end(), body)
            for body, (cue, _) in bodies.items()
            for cue_match in re.finditer(cue, text[start : match.start()], re.IGNORECASE)
        ]
        if not named:
            continue
        body = max(named)[1]
        cue, organ = bodies[body]
        offset = match.start("list")
        for number in _RES_NUMBER.finditer(match["list"]):
            symbol = _session_symbol(body, number["number"], number["session"])
            phrase = literal_phrase(number.group(), f"(?i:{cue})")
            entity = _resolution(body, organ, number["number"], symbol, phrase)
            yield entity, offset + number.start(), offset + number.end()


# A line of prose: the letter head of a UN document is made of shorter lines.
PROSE_WORDS = 8


def _alone(text: str, start: int, end: int) -> bool:
    """Whether the symbol stands on a line of its own, beside heading words at most."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[line_start:start] + text[end : line_end if line_end >= 0 else None]
    return not re.search(r"[.,;:()]", rest)


def _in_head(text: str, start: int) -> bool:
    """Whether `start` lies in the head of the document: its first lines, or before any
    line of prose."""
    before = text[:start].split("\n")
    return len(before) <= HEAD_LINES or all(len(line.split()) < PROSE_WORDS for line in before)


def _own_symbols(text: str) -> set[str]:
    """The parts of the symbols the document's head gives as its own ("A/78/790-S/2024/187"
    on the heading line, or on lines of their own under "Distr."); a page's running head
    repeats them further down."""
    return {
        part
        for match in _DOC_SYMBOL.finditer(text)
        if _in_head(text, match.start()) and _alone(text, match.start(), match.end())
        for part in re.split(_DASH, match.group())
    }


def _documents(text: str) -> Iterable[_Candidate]:
    own = _own_symbols(text)
    for match in _DOC_SYMBOL.finditer(text):
        if _alone(text, match.start(), match.end()) and (
            _in_head(text, match.start()) or set(re.split(_DASH, match.group())) <= own
        ):
            continue
        symbol = re.sub(_DASH, "-", match.group())
        entity = Entity(
            id=slug(symbol),
            type="un_document",
            label=f"UN document {symbol}",
            phrases=(literal_phrase(symbol),),
            symbol=symbol,
            recognised=True,
        )
        yield entity, match.start(), match.end()


def _speakers(text: str, words: Recognisers, verbs: str) -> Iterable[_Candidate]:
    """Names right after a quotation and a verb of saying ("...," said Nino Beridze), or
    right before a verb of saying and a quotation; a title before the name is not part of
    it, and a name made of an institution's words is not a person."""
    titles = rf"(?:(?:{'|'.join(words.person_titles)})\.?\s+)*"
    after_quote = re.compile(rf"[”\"]\s*,?\s*(?:{verbs})\s+{titles}(?P<name>{_NAME})\b")
    before_quote = re.compile(
        rf"(?<![\w-]){titles}(?P<name>{_NAME})(?:\s*,[^,.“”\"\n]{{1,80}},)?\s+(?:{verbs})"
        rf"\s*:?\s*[“\"]"
    )
    institution = re.compile(rf"\b(?:{'|'.join(words.institution_words) or '(?!)'})\b")
    for pattern in (after_quote, before_quote):
        for match in pattern.finditer(text):
            if not institution.search(match["name"]):
                yield _person(text, *match.span("name"))


# How far from a quotation the name of its speaker is looked for, in its sentence.
NAMED_SPEAKER_WINDOW = 120


def _named_speakers(text: str, speech_verbs: tuple[str, ...]) -> Iterable[_Candidate]:
    """Persons the parser names next to a quotation and a verb of saying, whatever their
    title ('," said AACC Executive Director Raffi Mardirosian'): the named-entity layer
    finds names a pattern of titles misses."""
    saying = re.compile(rf"(?<!\w)(?:{'|'.join(speech_verbs)})(?!\w)", re.IGNORECASE)
    quotes = quoted_spans(text)
    window = NAMED_SPEAKER_WINDOW
    if not any(
        saying.search(text, end, end + window) or saying.search(text, max(0, start - window), start)
        for start, end in quotes
    ):
        return  # no quotation with a verb of saying near it: no text to parse for names
    analysis = analyse(text)
    persons = [
        analysis.span_of(list(ent))
        for ent in analysis.doc.ents
        if ent.label_ == "PERSON" and len(ent) >= 2
    ]
    # Each quotation asks only the names near it: all of them is quadratic in a long text.
    nearby = Nearby(persons, lambda span: span)
    for start, end in quotes:
        if pronoun_attributed(text, end, speech_verbs):
            # '"...," he said': the person named last before it in the paragraph.
            begin = antecedent_window(text, start)
            named = [(a, b) for a, b in nearby.near(begin, start) if begin <= a and b <= start][-1:]
            for p_start, p_end in named:
                yield _person(text, p_start, p_end)
        for p_start, p_end in nearby.near(start, end, NAMED_SPEAKER_WINDOW):
            after = 0 <= p_start - end <= NAMED_SPEAKER_WINDOW and saying.search(text, end, p_start)
            before = 0 <= start - p_end <= NAMED_SPEAKER_WINDOW and saying.search(
                text, p_end, start
            )
            gap = text[end:p_start] if after else text[p_end:start]
            if (after or before) and not re.search(r"[.!?]\s|\n\s*\n|[“”\"]\w", gap):
                yield _person(text, p_start, p_end)


def _person(text: str, start: int, end: int) -> _Candidate:
    written = " ".join(text[start:end].split())
    # "Ruzanna Khachatr-\nian": named as one word, found as written too.
    name = mended_words(text[start:end])
    entity = Entity(
        id=slug(name),
        type="person",
        label=name,
        phrases=tuple(dict.fromkeys((literal_phrase(name), literal_phrase(written)))),
        recognised=True,
    )
    return entity, start, end


def recognise(text: str, lexicon: Lexicon) -> list[Entity]:
    """The entities `text` names by their form that `lexicon` does not hold, by id; one is
    left out where a listed entity is found at the same words or has the same identifier."""
    words = lexicon.claims.recognisers
    index = SentenceIndex(text)
    known_ids = {
        identifier
        for e in lexicon.entities.values()
        for identifier in (e.symbol, e.application_number)
        if identifier
    }
    notes = text_notes(text)
    candidates = [
        (entity, start, end)
        for entity, start, end in (
            # A bill's margin numbers are no resolution's ("four resolutions / 25  ...").
            *_resolutions(unnumbered(text), words, index),
            *_documents(text),
            *note_citations(text, notes, lexicon.structure.interview_nouns),
            *titled_works(text, notes, lexicon.claims.citations.title_nouns, lexicon.known_names),
            *unquoted_titles(
                text, lexicon.claims.citations.title_nouns, lexicon.structure.organisation_heads
            ),
            *numbered_resolutions(text, (cue for cue, _ in words.resolution_bodies.values())),
            *numbered_acts(text, lexicon.claims.citations, index),
            *news_citations(text, lexicon.claims.citations.news_cues),
            *judgments(text, words),
            *court_orders(text, words),
            *instruments(text),
            *_speakers(text, words, "|".join(lexicon.claims.speech_verbs)),
            *_named_speakers(text, lexicon.claims.speech_verbs),
        )
        if entity.id not in lexicon.entities
        and (entity.symbol or entity.application_number) not in known_ids
    ]
    if not candidates:
        return []  # most texts: no need to look for the listed entities as well
    candidates = to_listed_outlets(candidates, lexicon)
    # An outlet an article names as its publisher stays, whatever listed name it touches.
    publishers = {e.issued_by for e, _, _ in candidates if e.type == "news_article"}
    listed: dict[str, list[tuple[int, int]]] = {}
    for mention in find_mentions(text, lexicon, index):
        group = group_of(lexicon.entities[mention.entity].type)
        listed.setdefault(group, []).append((mention.span.start, mention.span.end))
    kept = [
        entity
        for entity, start, end in candidates
        if entity.id in publishers
        or not any(a < end and start < b for a, b in listed.get(group_of(entity.type), []))
    ]
    return sorted(merged_entities(kept).values(), key=lambda e: e.id)


def merged_entities(entities: Iterable[Entity]) -> dict[str, Entity]:
    """The entities by id, each recognised more than once (in two places or two documents)
    merged into one: the first label, the others' as alternatives, the phrases and the
    facts of all."""
    found: dict[str, Entity] = {}
    for entity in entities:
        first = found.get(entity.id)
        if first is None:
            found[entity.id] = entity
            continue
        names = (*first.alt_labels, entity.label, *entity.alt_labels)
        found[entity.id] = replace(
            first,
            alt_labels=tuple(dict.fromkeys(name for name in names if name != first.label)),
            phrases=tuple(dict.fromkeys((*first.phrases, *entity.phrases))),
            issued=first.issued or entity.issued,
            symbol=first.symbol or entity.symbol,
        )
    return found


def with_recognised(texts: Iterable[str], lexicon: Lexicon) -> Lexicon:
    """`lexicon` with what each text names by its form, merged across texts, so one work or
    person found in two documents is one entity."""
    found = merged_entities(entity for text in texts for entity in recognise(text, lexicon))
    return lexicon.with_entities(list(found.values()))
