"""A report's running title: the line a printed report repeats at the foot or head of each
page, naming the report, its publisher, the place and the month ("Armed Conflict in X,
Caucasus Rights Watch, New York, September 1992"). An excerpt that keeps no cover page
still keeps this line, and with it who issued the report and when."""

from __future__ import annotations

import re

from statement_kg.extract.dates import find_dates
from statement_kg.extract.spans import make_span
from statement_kg.language.analysis import pipeline
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Dated, Found
from statement_kg.structure.names import found, names_body, trim
from statement_kg.structure.site_header import first_cell_end, page_number
from statement_kg.structure.zones import Zones, may_have_notes

# "112        HELEN V. MARSH", "FROZEN FRONTS        113": a book's page number beside the
# author's name in capitals on the running head of a left-hand page.
_PAGE_HEAD = re.compile(
    r"^[ \t]*(?:\d{1,4}[ \t]{3,}(?P<after>[A-Z][A-Z.'’-]*(?:[ \t][A-Z][A-Z.'’-]*){1,3})"
    r"|(?P<before>[A-Z][A-Z.'’-]*(?:[ \t][A-Z][A-Z.'’-]*){1,3})[ \t]{3,}\d{1,4})[ \t]*$",
    re.MULTILINE,
)


def running_title(
    zones: Zones, lexicon: Lexicon, mentions: list[Mention]
) -> tuple[Found | None, Dated] | None:
    """The publisher (if it names one) and the month a running title gives, outside the
    notes."""
    analysis = zones.analysis
    text = analysis.original
    notes = zones.notes if may_have_notes(text) else ()
    for line in zones.lines:
        # A line of its own, a page's last: a blank line (or the end) follows it.
        alone = not text[line.end :].strip() or text.startswith("\n\n", line.end)
        if not alone or any(a <= line.start < b for a, b in notes):
            continue
        dates = [
            (time, span)
            for time, span in find_dates(line.text)
            if time.end is None and time.begin.precision == "month"
        ]
        if not dates or line.text[dates[-1][1].end :].strip(" .") or "," not in line.text:
            continue
        time, span = dates[-1]
        # "..., Publisher, Place, Month Year": the last part that names a body; a column
        # before it on the same row ("PUBLISHER      Title of the report, June 1992") is a
        # part too, and the report's own title ("Report of the Mission") is none.
        row = text.rfind("\n", 0, line.start)
        parts = [(c.start, c.end) for c in zones.lines if c.end <= line.start and c.start > row]
        offset = line.start
        for part in line.text[: span.start].rstrip(" ,").split(","):
            parts.append((offset, offset + len(part)))
            offset += len(part) + 1
        named: tuple[int, int] | None = None
        for start, end in parts:
            tokens = trim([t for t in analysis.tokens(start, end) if not t.is_space])
            titled = bool(tokens) and tokens[0].lemma_.lower() in lexicon.structure.document_nouns
            if tokens and not titled and names_body(tokens, lexicon.structure.organisation_heads):
                named = analysis.span_of(tokens)
        # Without a publisher, only a title: a line with a finite verb ("The town fell at
        # night, in February 1992.") ends a sentence, not a page.
        tokens = analysis.tokens(line.start, line.end)
        said = any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in tokens)
        if named is None and said:
            continue
        issuer = found(text, *named, "running title", mentions, lexicon) if named else None
        at = make_span(text, line.start + span.start, line.start + span.end)
        return issuer, Dated(time.begin, at, "month", (line.start, line.end))
    return None


def page_head_author(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The author a scanned book's running head names beside the page number: a person's
    name (the parser's), not the book's title."""
    text = zones.analysis.original
    # Whole rows: the number and the name stand in two cells of one row. Each page repeats
    # its head: each name is read once.
    spans: dict[str, tuple[int, int]] = {}
    for match in _PAGE_HEAD.finditer(text):
        group = "after" if match["after"] else "before"
        spans.setdefault(match[group], match.span(group))
    heads = []
    for words, (start, end) in spans.items():
        # In capitals the parser knows no one: it reads the words as a name is written.
        written = pipeline()(words.title())
        if [e.label_ for e in written.ents] == ["PERSON"]:
            # A middle initial ("HELEN V. MARSH") tells a person from a title best.
            heads.append((not any(t.text.endswith(".") for t in written), start, end))
    if not heads:
        return []
    _, start, end = min(heads)
    return [found(text, start, end, "running head", mentions, lexicon)]


def page_head_publisher(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """ "ARMDOC LOS ANGELES 2026  ·  9th ... Festival  ·  DATES            34": the publisher
    a printed page's running head names in capitals in its first cell, its year left out,
    beside the page's number far right."""
    text = zones.analysis.original
    head = zones.head
    if len(head) < 2 or not page_number(text, head[0], head[1]):
        return []
    # A publication's name in the first of its cells ("NAME  ·  9th Festival  ·  DATES"),
    # not a title alone on the row ("KHOJALY TRAGEDY: FACTS AND FIGURES").
    end = first_cell_end(text, head[0], lexicon.structure)
    if end >= head[0].end or ":" in text[head[0].start : end]:
        return []
    words = [t for t in zones.analysis.tokens(head[0].start, end) if not t.is_space]
    while words and words[-1].like_num:
        words = words[:-1]
    if len(words) < 2 or not all(t.is_upper for t in words if t.is_alpha):
        return []
    return [found(text, *zones.analysis.span_of(words), "running head", mentions, lexicon)]
