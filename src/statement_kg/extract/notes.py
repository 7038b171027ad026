"""Works cited in a text's notes: a book by its author, title, and place and year of
publication in brackets ("Helsinki Watch, Bloodshed in the Caucasus (New York, 1992),
pp. 19-24."), an article by its outlet and day ("Nezavisimaya gazeta, 2 April 1992.")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from statement_kg.extract.dates import find_dates
from statement_kg.extract.outlets import news_article, news_outlet
from statement_kg.lexicon import phrase_pattern
from statement_kg.records import Entity, Phrase
from statement_kg.slug import slug
from statement_kg.structure.zones import may_have_notes, zones

# "(New York, 1992)", "(1998)": where and when a book came out.
PUBLISHED = re.compile(r"\((?:[^()\n]{1,40},\s*)?(?P<year>1[89]\d\d|20\d\d)\)")
# "Cf.", "See also": words that point to a note's work, not part of it.
_POINTER = re.compile(r"(?:cf\.|see(?:\s+also)?\b|ibid\.?)\s*", re.IGNORECASE)
# An outlet's name before an article's day is a few words.
OUTLET_WORDS = 5
# A book's id is made from its author and title, cut to this length.
BOOK_ID_CHARS = 80


def book(words: str, year: str | None) -> Entity:
    """A book cited by its words (author and title, or title alone) and year."""
    label = " ".join(words.split())
    return Entity(
        id=slug(f"{label}-{year}" if year else label)[:BOOK_ID_CHARS],
        type="book",
        label=label,
        phrases=(Phrase(phrase_pattern(words)),),
        issued=year,
        recognised=True,
    )


def text_notes(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of a text's notes; most texts have none, and need no parse to say so."""
    return zones(text).notes if may_have_notes(text) else ()


def note_citations(
    text: str, notes: tuple[tuple[int, int], ...], interviews: frozenset[str]
) -> Iterable[tuple[Entity, int, int]]:
    """The works a text's notes (`notes`, as text_notes finds them) cite; a note on an
    interview the writer gave or held ("Interview in Stepanakert, 20 May 1992") cites no
    outlet (`interviews`: the nouns that name one)."""
    for note, end in notes:
        # "See also The New York Times, March 3, 1992; Izvestiya, 4 March 1992.": each part
        # after a semicolon cites a work of its own.
        at = note
        for part in text[note:end].split(";"):
            yield from _cited(text, at, at + len(part), interviews)
            at += len(part) + 1


def _cited(
    text: str, note: int, end: int, interviews: frozenset[str]
) -> Iterable[tuple[Entity, int, int]]:
    note += len(text[note:end]) - len(text[note:end].lstrip())
    pointer = _POINTER.match(text, note, end)
    start = pointer.end() if pointer else note
    published = PUBLISHED.search(text, start, end)
    if published:
        words = text[start : published.end()]
        yield book(words, published["year"]), start, published.end()
        return
    body = text[start:end].rstrip(" .;")
    dates = find_dates(body)
    if not dates:
        return
    when, span = dates[-1]
    outlet = body[: span.start].rstrip(" ,")
    if span.end != len(body) or when.end is not None or when.begin.precision != "day":
        return
    if not outlet or len(outlet.split()) > OUTLET_WORDS or not outlet[0].isupper():
        return
    if outlet.split()[0].strip(",.;:").lower().rstrip("s") in interviews:
        return
    name = " ".join(outlet.split())
    yield news_article(name, body, when.begin.iso), start, start + len(body)
    yield news_outlet(name), start, start + len(outlet)
