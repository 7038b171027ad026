"""The names on a document's first line, when nothing else in it names its issuer: a
party's programme, a show's page, a newsletter or a textbook opens with who issues it
("SOVEREIGN ARMENIA PARTY", "K. Aliyev, G. Huseynova", "NAME — Annual Report 2024"). A
headline says something, a site's header lists its sections, a paper's masthead carries its
day or its issue, a section's label or a document's kind is no one's name, and the body beside a
document's symbol ("United Nations   CERD/C/...") publishes what its title says another
issued."""

from __future__ import annotations

import re

from spacy.tokens import Token

from statement_kg.extract.mentions import find_mentions
from statement_kg.extract.spans import SentenceIndex
from statement_kg.language import analyse
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.datelines import SYMBOL
from statement_kg.structure.filing import forum
from statement_kg.structure.footer import marked_lines
from statement_kg.structure.found import Found
from statement_kg.structure.line_dates import WEEKDAYS
from statement_kg.structure.names import found, names_body, says, trim
from statement_kg.structure.zones import (
    COLUMN_GAP,
    MENU_CELLS,
    Zones,
    in_margin,
    line_around,
)

# What sets a name apart from the words that describe it: "NAME — Annual Report".
_DESCRIBED = re.compile(r"\s+[—–-]\s+")
# A site's header sets its sections apart ("THE LEDGER | World"): the site's, not an issuer.
_CELLS = frozenset("|·•¦")
# A name has a few words; more are a title.
TITLE_WORDS = 8
# Words that join a name's capitalised words ("League of Women Voters", "Bread and Roses").
_JOINING = frozenset({"of", "the", "and", "for", "on", "in", "against", "&", "de"})
_QUOTES = frozenset('"“”«»')
_LIST_MARKS = re.compile(r",|\band\b")
# A series document's title that names who wrote it, within its first words.
_WRITTEN_BY = re.compile(r"^(?:\S+\s+){0,5}?(?:of|by|from)\s+(?:the\s+)?[A-Z]")
# The title may stand a line or two under the organ ("Fortieth session" between).
TITLE_LINES = 3


def first_line_names(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    if not zones.lines or not zones.head:
        return []
    line = zones.lines[0]
    text = zones.analysis.original
    start, end = line_around(text, line.start, line.end)
    if (
        line != zones.head[0]
        or any(c in _CELLS or c == ":" for c in line.text)
        # "Google Play    Games   Apps   Books": a store's or a site's name before its menu,
        # on its row or the next, unless the page is the site's own.
        or (
            (_cells(text, end) or len(COLUMN_GAP.split(text[start:end].strip())) > MENU_CELLS)
            and not _owned(zones, lexicon, line.text)
        )
        or any(SYMBOL.fullmatch(h.text) for h in zones.head)
        or SYMBOL.search(text, start, end)
        or any(t.lower_ in WEEKDAYS for t in zones.analysis.tokens(start, end))
    ):
        return []
    name = _DESCRIBED.split(line.text, maxsplit=1)[0]
    if any(c.isdigit() or c in _QUOTES for c in name):
        return []
    parts = [trim(zones.analysis.tokens(line.start + a, line.start + b)) for a, b in _listed(name)]
    if not parts or not all(_name(p, lexicon) for p in parts):
        return []
    # A title that names an event or a place ("Khojaly Genocide", "Armenia and Azerbaijan")
    # is the text's subject, not its issuer.
    if _names_subject(name, lexicon):
        return []
    named = [
        found(text, *zones.analysis.span_of(p), "first line", mentions, lexicon) for p in parts
    ]
    return [n for n in named if not forum(zones, n.span, lexicon.structure)]


def _names_subject(name: str, lexicon: Lexicon) -> bool:
    """Whether the words name an event or a place the mappings know."""
    return any(
        lexicon.entities[m.entity].type in {"event", "place"}
        for m in find_mentions(name, lexicon, SentenceIndex(name))
    )


def _cells(text: str, end: int) -> bool:
    """ "YEREVAN REVIEW" over "Weekly | No. 9 | 1 March 2005": a paper's or a site's name
    over the cells of its issue or its sections relays what it prints."""
    following = text[end + 1 : line_around(text, end + 1, end + 1)[1]]
    return any(c in _CELLS for c in following) or " / " in following


def _owned(zones: Zones, lexicon: Lexicon, name: str) -> bool:
    """ "SILK CARAVAN TOURS" over its menus, and "© 2016-2024 Silk Caravan Tours LLC" at
    the foot: the page is the site's own, which issues what it says."""
    words = {w.casefold() for w in name.split()}
    return any(
        words <= {w.casefold() for w in line.text.split()}
        for line in marked_lines(zones.tail, lexicon.structure)
    )


def _listed(name: str) -> list[tuple[int, int]]:
    """The names a line lists apart by commas or "and" ("K. Aliyev, G. Huseynova and R.
    Mammadli"), or the one name."""
    cuts = [(m.start(), m.end()) for m in _LIST_MARKS.finditer(name)]
    starts = [0, *(end for _, end in cuts)]
    ends = [*(start for start, _ in cuts), len(name)]
    return list(zip(starts, ends, strict=True))


def _name(tokens: list[Token], lexicon: Lexicon) -> bool:
    """Capitalised words that say nothing, number nothing and name no kind of document
    or section."""
    words = [t for t in tokens if t.is_alpha]
    cues = lexicon.structure
    label = " ".join(t.lower_ for t in tokens)
    return (
        len(tokens) >= 2
        and 0 < len(words) <= TITLE_WORDS
        and all(t.text[0].isupper() or t.lower_ in _JOINING for t in words)
        and not _says(tokens, cues.organisation_heads)
        and not any(t.like_num for t in tokens)
        and label not in cues.section_labels
        and not any(t.lemma_.lower() in cues.document_nouns for t in words)
        and not all(
            t.ent_type_ in {"GPE", "NORP", "DATE"} for t in words if t.lower_ not in _JOINING
        )
    )


def _says(tokens: list[Token], heads: frozenset[str]) -> bool:
    """A headline in capitals or title case ("Baku Remembers The Fallen") is read as names;
    in small letters its verb shows. A body's head word is no verb ("RIGHTS WATCH")."""
    lower = " ".join(t.lower_ for t in tokens)
    read = analyse(lower).tokens(0, len(lower))
    return any(says([t for t in words if t.lower_ not in heads]) for words in (tokens, read))


def series_organ(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """A document of a series (its symbol in the head: "CERD/C/AZE/CO/13-14") that no
    letter, heading or signature names a sender of: the organ named on the last head line
    that names a body ("Committee on the Elimination of Racial Discrimination" over
    "Concluding observations on ..."), not the publisher beside the symbol."""
    text = zones.analysis.original
    if not any(SYMBOL.fullmatch(line.text) for line in zones.head):
        return []
    cues = lexicon.structure
    lines = [line for line in zones.head if not in_margin(text, line)]
    for n in range(len(lines) - 2, -1, -1):
        tokens = trim(zones.analysis.tokens(lines[n].start, lines[n].end))
        if names_body(tokens, cues.organisation_heads) and _name(tokens, lexicon):
            # "Replies of Armenia to ...", "Fifth periodic report submitted by Ruritania",
            # "Information received from X": the title names who wrote it.
            title = lines[n + 1 : n + 1 + TITLE_LINES]
            # (A title's lines that run on from the one above are no title of their own.)
            if any(_WRITTEN_BY.search(t.text) for t in title if t.text[:1].isupper()):
                return []
            return [found(text, *zones.analysis.span_of(tokens), "organ", mentions, lexicon)]
    return []
