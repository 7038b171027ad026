"""A database's or an aggregator's record of the document it carries: labelled rows over
the text, one label and its value to a row, apart by a colon, a dot leader or a wide gap
("Contracting authority ......  NAME", "Source        NAME (ABBR), Unit"). The row whose
label says who issued the document names its issuer; the site on the page's first line
only carries the document, whatever its own menus and footer say."""

from __future__ import annotations

import re
from dataclasses import dataclass

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.bilingual import one_language
from statement_kg.structure.found import Found
from statement_kg.structure.names import found
from statement_kg.structure.site_header import SITE_WORDS, first_cell_end
from statement_kg.structure.zones import Line, Zones, first_rows, is_menu, line_around

# A record has this many labelled rows or more in one block: two labelled lines may be a
# heading's and a by-line's.
RECORD_ROWS = 3
# A row's label is a few words ("Bid submission deadline").
LABEL_WORDS = 4
# A record stands on the page's first half, or its first page in a short text.
PAGE_CHARS = 2000
# A web page's menu stands among its first rows.
MENU_ROWS = 4
# "Source:", "Contracting authority ........", or a label alone in its cell.
_LABEL = r"(?P<label>[A-Z][\w&/ ()-]*?)"
_CELL_LABEL = re.compile(rf"^{_LABEL}\s*(?::|\.{{3,}}|…+)?$")
_INLINE = re.compile(rf"^{_LABEL}\s*(?::|\.{{3,}}|…+)\s+(?=\S)")
# A label and its leader fit in this many characters; only so much of a line is read for
# one (a long line of running text is no row).
LABEL_CHARS = 80
# Where the issuer's name in a row's value ends: its initials in brackets, a unit after a
# comma, a gloss after a dash.
_NAME_END = re.compile(r"\s*(?:\(|,|;|\s[–—-]\s)")
# A blank line or a rule ends a block of rows (a table's rules set off its rows and the
# "Source:" under them).
_BLANK = re.compile(r"\n[ \t]*(?:[-_=–—]{4,}[ \t]*)?\n")


@dataclass(frozen=True)
class _Row:
    """A row's label, and where its value stands."""

    label: str
    start: int
    end: int


def _rows(zones: Zones) -> list[_Row]:
    """The labelled rows of the text's first half (or first page), in order: a label's cell
    and the value's cell beside it, or a label and its value in one cell."""
    text = zones.analysis.original
    reach = max(len(text) // 2, PAGE_CHARS)
    cells: dict[int, list[Line]] = {}
    for line in zones.lines:
        if line.start > reach:
            break
        cells.setdefault(text.rfind("\n", 0, line.start), []).append(line)
    rows = []
    for row in cells.values():
        first = row[0].text
        label = _CELL_LABEL.match(first) if len(first) <= LABEL_CHARS else None
        if label is not None and len(row) > 1:
            # "Yazar      : NAME": the colon set apart with the value, in the value's cell.
            value = row[1].text
            lead = len(value) - len(value.lstrip(":.… \t"))
            rows.append(_Row(label["label"], row[1].start + lead, row[1].end))
            continue
        inline = _INLINE.match(first[:LABEL_CHARS])
        if inline is not None:
            rows.append(_Row(inline["label"], row[0].start + inline.end(), row[0].end))
    return [r for r in rows if len(r.label.split()) <= LABEL_WORDS]


def _blocks(text: str, rows: list[_Row]) -> list[list[_Row]]:
    """The rows in runs that no blank line or rule breaks."""
    blocks: list[list[_Row]] = []
    for row in rows:
        if blocks and not _BLANK.search(text, blocks[-1][-1].end, row.start):
            blocks[-1].append(row)
        else:
            blocks.append([row])
    return blocks


def record_source(
    zones: Zones, lexicon: Lexicon, mentions: list[Mention], alone: bool
) -> Found | None:
    """The body the record's issuing row names, in the first record of a web page (one
    with a menu among its first rows): a letter's or a report's own table of fields
    ("Killed: 12 / Source: Ministry of Health") names no issuer over its letterhead. A
    publisher's row is read only where nothing else names the issuer (`alone`)."""
    text = zones.analysis.original
    cues = lexicon.structure
    # A menu in one cell of its row, or a whole row of items set out in columns.
    top = first_rows(zones, zones.lines, MENU_ROWS)
    rows = [Line(a, b, text[a:b]) for a, b in {line_around(text, c.start, c.end) for c in top}]
    if not any(is_menu(line, cues) for line in [*top, *rows]):
        return None
    labelled = _rows(zones)
    for block in _blocks(text, labelled):
        if len(block) < RECORD_ROWS:
            continue
        # A record names its issuer among its first rows; a "Source:" row under a table's
        # rows names where the figures come from.
        for row in block[:RECORD_ROWS]:
            if row.label.strip().lower() in cues.record_issuer_labels:
                return _named(zones, row, lexicon, mentions)
        break
    # A publisher's row of its own ("Publisher: NAME" under a dataset's title), where
    # nothing else names the issuer (a news page's "Published by: SITE" names the site).
    published = (r for r in labelled if r.label.strip().lower() in cues.publisher_labels)
    publisher = next(published, None) if alone else None
    return _named(zones, publisher, lexicon, mentions) if publisher is not None else None


def _named(zones: Zones, row: _Row, lexicon: Lexicon, mentions: list[Mention]) -> Found | None:
    """The issuer a row's value names, up to its initials, unit or gloss."""
    text = zones.analysis.original
    end = _NAME_END.search(text, row.start, row.end)
    stop = row.end if end is None else end.start()
    return found(text, row.start, stop, "record", mentions, lexicon) if stop > row.start else None


def carrying_site(
    zones: Zones, lexicon: Lexicon, mentions: list[Mention], source: Found
) -> Found | None:
    """The site named on the page's first line, over a record that names another issuer."""
    if not zones.lines or zones.lines[0].start >= source.span.start:
        return None
    text = zones.analysis.original
    first = zones.lines[0]
    end = first_cell_end(text, first, lexicon.structure)
    words = {w.casefold() for w in text[first.start : end].split()}
    issuer = set(source.value.casefold().split())
    # "Home   Apps   Games": a menu's first item names no site.
    root = " ".join(text[first.start : end].casefold().split()) in lexicon.structure.path_roots
    if not words or len(words) > SITE_WORDS or words <= issuer or root:
        return None
    # "Açıq Məlumat Portalı | Open Data Portal of ...": the site in two languages (the
    # publisher's own, where one of them is its name).
    whole = found(text, first.start, first.end, "relay header", mentions, lexicon)
    named = one_language(zones, lexicon, mentions, whole)
    if named is whole:
        return found(text, first.start, end, "relay header", mentions, lexicon)
    return None if set(named.value.casefold().split()) <= issuer else named
