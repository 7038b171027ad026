"""Works cited in a text's notes: a book by its author, title, and place and year of
publication in brackets ("Helsinki Watch, Bloodshed in the Caucasus (New York, 1992),
pp. 19-24.") or by its author and a title in quotation marks or a report's ("Memorial,
"Report on ...", Moscow, 1992"); an article by its outlet and day ("Nezavisimaya gazeta,
2 April 1992."); else a dated source that was never published (an interview, a statement,
an archive's file: "Interview with an official, Baku, March 9, 1992")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from statement_kg.extract.dates import find_dates
from statement_kg.extract.outlets import news_article, news_outlet
from statement_kg.language import analyse
from statement_kg.lexicon import literal_phrase
from statement_kg.records import Entity
from statement_kg.slug import slug
from statement_kg.structure.zones import may_have_notes, zones

# "(New York, 1992)", "(1998)", "(Zurich: Institute for ..., 1993)": where and when a book
# came out.
PUBLISHED = re.compile(r"\((?:[^()]{1,120},\s*)?(?P<year>1[89]\d\d|20\d\d)\)")
# "Author, "Title"", "Author, Report of the mission ...": a published work's title.
_TITLED = re.compile(r",\s+(?:[\"“][^\"”]{8,}[\"”]|Report\b)")
# A UN document's symbol ("S/RES/822 (1993)", "A/HRC/49/12"): no book, whatever follows.
_UN_SYMBOL = re.compile(r"[AES]/[A-Z0-9]")
# A UN symbol, a resolution's number or a case's application number in a note.
_NUMBERED_WORK = re.compile(
    r"(?<![\w/])[AES]/(?:RES/)?\d|\bresolutions?\s+\d|\bnos?\.\s*\d{1,6}/\d{2}\b", re.IGNORECASE
)
# A note's parts: apart by semicolons, or by a new pointer ("... 1992. See also ...").
_PARTS = re.compile(r";|\.\s+(?=(?:see|cf)\b)", re.IGNORECASE)
# "Cf.", "See also": words that point to a note's work, not part of it.
_POINTER = re.compile(r"(?:cf\.|e\.\s?g\.,?|see(?:\s+also)?\b|ibid\.?)\s*", re.IGNORECASE)
# A sentence's end, not an abbreviation's ("p. 6", "d. 1357").
_SENTENCE_END = re.compile(r"(?<=\w{3})\.\s+(?=[A-Z])")
# "..., 4 March 1992, p. 6 (not seen in full)": the page and a remark after an article's day.
_AFTER_DAY = re.compile(r"(?:,\s*pp?\.\s*[\d–-]+)?(?:\s*\([^()]*\))?$")
# '"Armenians accused of massacre," The Independent', 'M. Hollis, "Azeri Town Massacre", The
# Washington Post': the article's title (and author) before its outlet.
_HEADLINE = re.compile(r"[\"“][^\"”]+[\"”],?\s*")
# An outlet's name before an article's day is a few words.
OUTLET_WORDS = 5
# A source a note cites runs to a few words at least ("Interviews in Maraga, May 1992").
SOURCE_WORDS = 4
# A book's id is made from its author and title, cut to this length.
BOOK_ID_CHARS = 80


def book(words: str, year: str | None) -> Entity:
    """A book cited by its words (author and title, or title alone) and year; a report
    where the title says it is one ("Memorial, Report on the events ...")."""
    label = " ".join(words.split())
    title = label.split(",", 1)[1].strip().strip('"“').lower() if "," in label else ""
    return Entity(
        id=slug(f"{label}-{year}" if year else label)[:BOOK_ID_CHARS],
        type="report" if title.startswith("report ") else "book",
        label=label,
        phrases=(literal_phrase(words),),
        issued=year,
        recognised=True,
    )


def _says(text: str, start: int, end: int) -> bool:
    """Whether the words make a statement of their own: a finite verb that is no part of a
    title in quotation marks."""
    quoted = False
    for token in analyse(text).tokens(start, end):
        if token.text in {'"', "“", "”"}:
            quoted = token.text != "”" and not (quoted and token.text == '"')
        elif not quoted and _finite(token):
            return True
    return False


def _finite(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and "Fin" in token.morph.get("VerbForm", [])


def source(words: str, year: str) -> Entity:
    """A dated source the note cites that is no book or article: an interview, a statement,
    a release or report of a day, an archive's file."""
    label = " ".join(words.split())
    return Entity(
        id=slug(f"{label}-{year}")[:BOOK_ID_CHARS],
        type="source",
        label=label,
        phrases=(literal_phrase(words),),
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
        for cut in [*_PARTS.finditer(text, note, end), None]:
            stop = cut.start() if cut else end
            # "S/RES/822 (1993), S/RES/853 (1993)": UN documents, known by their symbols.
            if not _UN_SYMBOL.match(text[at:stop].strip()):
                yield from _cited(text, at, stop, interviews)
            at = cut.end() if cut else end


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
    # Too short to be a source, or a work the recognisers name by its number ("Adopted by
    # General Assembly resolution 260 A (III) of ...", "X v. Y [GC], no. 13216/05, ...").
    if not dates or len(body.split()) < SOURCE_WORDS or _NUMBERED_WORK.search(body):
        return
    # The work ends with the sentence that dates it ("... 1992. The names of the
    # witnesses are withheld.").
    stop = _SENTENCE_END.search(body, dates[0][1].end)
    if stop:
        body = body[: stop.start()]
        dates = [d for d in dates if d[1].end <= len(body)]
    when, span = dates[-1]
    dated = body[: _AFTER_DAY.search(body).start()]  # type: ignore[union-attr]
    year = when.begin.iso[:4]
    headline = _HEADLINE.search(body, 0, span.start)
    outlet_start = headline.end() if headline else 0
    outlet = body[outlet_start : span.start].rstrip(" ,")
    dated_article = span.end == len(dated) and when.end is None and when.begin.precision == "day"
    first = outlet.split()[0].strip(",.;:").lower() if outlet else ""
    # An interview the writer gave or held names no outlet ("Interview in Stepanakert, 20
    # May 1992"): a source of its own.
    interview = first.rstrip("s") in interviews
    if body[:1].islower() and not interview:
        return  # "...; with S.H., Baku, 6 March 1992": the part before goes on
    short = outlet[:1].isupper() and len(outlet.split()) <= OUTLET_WORDS
    news = dated_article and short and not interview
    if not news and _says(text, start, start + len(body)):
        return  # "The attack began at 11 p.m. on 25 February 1992.": a remark, not a source
    # A title with a day ('X, "Title", 19 March 2021') is a release or a report, not a book.
    if not dated_article and _TITLED.search(body):
        yield book(body, year), start, start + len(body)
        return
    if dated_article and short and not interview:
        name = " ".join(outlet.split())
        yield news_article(name, body, when.begin.iso), start, start + len(body)
        at = start + outlet_start
        yield news_outlet(name), at, at + len(outlet)
        return
    yield source(body, year), start, start + len(body)
