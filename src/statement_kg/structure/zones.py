"""The zones of a document: its head (the lines before the first sentence of running
text: letterhead, headings, date lines), its body, and its tail (the lines after the last
sentence of running text: signature, adoption line, footnotes). A sentence of running text
has a finite verb and some length; headings, date lines and signatures have neither. A
headline may have both ("Ombudsman calls for legal assessment of ..."), but it stands alone
on its lines and ends without a sentence's closing mark."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from statistics import median

from spacy.tokens import Token

from statement_kg.language import Analysis, analyse
from statement_kg.language.normalise import MARKUP
from statement_kg.structure.cues import StructureCues

# A sentence this long with a finite verb is running text, not a heading.
RUNNING_TOKENS = 8
# A cell this far from its line's start sits in the page's right margin.
MARGIN_INDENT = 30
# The marks that open an item of a list.
_BULLETS = frozenset({"-", "–", "—", "•", "·"})
# What separates the cells of a site's header row ("AZ | EN | RU").
_CELL_MARKS = frozenset({"|", "¦", "•"})
# A line of this many cells apart by separators is a menu.
MENU_CELLS = 3
# An item of a menu set out in columns is a word or two ("Log in", "About").
MENU_ITEM_WORDS = 2
# A rule across a line ("________", "-----").
_RULE_CHARS = r"[_\-–—=]{4,}"
# A mail's header fields ("From: ...", "Subject: FW: ..."): two or more among its first
# lines open a forwarded mail.
MAIL_FIELD = re.compile(r"(?:from|sent|date|to|cc|subject)\s*:", re.IGNORECASE)
ENVELOPE_LINES = 8
MAIL_FIELDS = 2
# The rule under which a mail client sets what it forwards ("________", "----- Original
# Message -----").
_SEPARATOR = re.compile(_RULE_CHARS)
# The marks a mail client sets before each line it quotes.
_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+")
# Column layouts (UN letterheads) put several fields on one line, apart by wide gaps.
COLUMN_GAP = re.compile(r"[ \t]{3,}")
# Cells of a header's row may stand two spaces apart.
_GAP = re.compile(r"[ \t]{2,}")
LINE = re.compile(r"[^\n]*\S[^\n]*")
# A note's number is set apart by a wide gap or written raised: "14  Human Rights Watch".
_NOTE = re.compile(r"^(?:\d{1,3}(?:\s{2,}|\t)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*)\S")
_NOTE_LINE = re.compile(r"^[ \t]*(?:\d{1,3}(?:[ \t]{2,}|\t)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*)\S", re.MULTILINE)
# A line that ends a sentence, perhaps with a note's number ("... kept open.13").
_PROSE_END = re.compile(r"[.!?][\"”’)]?(?:\d{0,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})$")
_RULE = re.compile(rf"^{_RULE_CHARS}$")
# Under a rule, a note's number (printed, in brackets or raised) and a space open a note.
# A note's printed number: "12", "12.", "(12)", "[12]".
_PRINTED_NUMBER = r"(?:\d{1,3}\.?|\(\d{1,3}\)|\[\d{1,3}\])"
_RULED_NOTE = re.compile(rf"^(?:{_PRINTED_NUMBER}\s+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*)\S")
# A numbered paragraph: "3. Teachers shall ...".
_PARAGRAPH = re.compile(r"^(\d{1,3})\.\s+\S")
# A heading may stand for the rule: "Notes", "Sources", "References".
_NOTES_HEADING = r"(?:notes|endnotes|footnotes|references|sources)[ \t]*:?"
_HEADING = re.compile(rf"^[ \t]*{_NOTES_HEADING}[ \t]*$", re.IGNORECASE)
_NOTES_WORDS = re.compile(rf"\b{_NOTES_HEADING}", re.IGNORECASE)
_RULED_NOTES = re.compile(
    rf"^[ \t]*(?:[_\-–—=]{{4,}}|(?i:{_NOTES_HEADING}))[ \t]*\n(?:[ \t]*\n)*[ \t]*"
    rf"(?:{_PRINTED_NUMBER}\s|[¹²³⁴⁵⁶⁷⁸⁹⁰])\s*\S",
    re.MULTILINE,
)
# A mark in the text that points to a note by its number in brackets ("wounded (1).").
NOTE_MARK = re.compile(r"(?<=\S) ?[(\[](\d{1,3})[)\]]")
_NOTE_NUMBER = re.compile(rf"^(?:{_PRINTED_NUMBER}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*")
# A field's label opening its cell ("Court:", "Headnote (editor):"), not a speaker's in
# capitals ("GRIGORYAN:", "Q:").
_FIELD_CELL = re.compile(r"(?:^|(?<=\s\s))(?=[A-Z][^:\n]*[a-z])[A-Z][\w .()-]{0,30}:\s")
# A record gives two fields or more, on a row or in lines one under another (one labelled
# line is a heading's or a speaker's), each of a few words.
RECORD_FIELDS = 2
FIELD_WORDS = 16
# The mark that opens a page's copyright line.
_COPYRIGHT = re.compile(r"[ \t]*(?:©|\([cC]\))")
# The words a title may put before its colon ("Ivanyan/Khojalu, February 1992: ...").
TITLE_PREFIX_WORDS = 4
# What closes a sentence of running text; a quotation's closing mark is looked through.
CLOSING = frozenset({".", "!", "?", ":", ";", "…"})
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "»", "«"})


@dataclass(frozen=True)
class Line:
    """A non-empty line (or one column of it), its offsets those of its stripped text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Zones:
    analysis: Analysis
    lines: tuple[Line, ...]
    body_start: int
    body_end: int
    # Where the lines read between markup's tags start: a record's fields, whose value alone
    # on its line ("<value>1992-02-26</value>") is no date line of the document.
    marked: frozenset[int] = frozenset()

    @cached_property
    def marked_starts(self) -> tuple[int, ...]:
        return tuple(sorted(self.marked))

    @property
    def head(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.end <= self.body_start)

    @property
    def tail(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.start >= self.body_end)

    @cached_property
    def lead(self) -> tuple[int, Analysis]:
        """The body's first paragraph, where it starts, parsed on its own (a second parse,
        on purpose): the parser may run a headline without a full stop into the sentence
        under it, and then misreads both."""
        return self.body_start, analyse(self.analysis.original[self.body_start : self.lead_end])

    @cached_property
    def lead_end(self) -> int:
        """Where the body's first paragraph ends, known without parsing it."""
        end = self.analysis.original.find("\n\n", self.body_start)
        return self.body_end if end < 0 else min(end, self.body_end)

    @cached_property
    def record_fields(self) -> tuple[Line, ...]:
        """The labelled fields of the head and the lines that go on with them ("Court:
        Rechtbank X   Date of judgment: ...", "Case number: ..." over "Area of law: ..."): a
        database's record of the document, no letterhead. A field is short and no sentence: a
        speaker's turn under a transcript's title ("Minister X: Thank you. On ...") is none."""
        text = self.analysis.original
        runs_on = bool(self.head) and _short_field(self.head[-1])
        after = self.lines[len(self.head) :] if runs_on else ()
        lines = [*self.head, *itertools.takewhile(_short_field, after)]
        rows = [line_around(text, line.start, line.end) for line in lines]
        counts = [
            len(_FIELD_CELL.findall(text[a:b])) if _short_field(line) else 0
            for line, (a, b) in zip(lines, rows, strict=True)
        ]
        fields = []
        for index, line in enumerate(lines):
            if not counts[index]:
                continue
            beside = counts[index] >= RECORD_FIELDS
            above = index > 0 and rows[index - 1] != rows[index] and counts[index - 1] > 0
            below = (
                index + 1 < len(rows) and rows[index + 1] != rows[index] and counts[index + 1] > 0
            )
            if beside or above or below:
                fields.append(line)
        return tuple(fields)

    @cached_property
    def notes(self) -> tuple[tuple[int, int], ...]:
        """The notes after the text, each from after its number to the next note (a note
        may wrap onto lines of its own)."""
        text = self.analysis.original
        starts = [line for line in self.tail if _NOTE.match(line.text)]
        # Under a rule ("____________") or a heading ("Notes") a number and one space open a
        # note too, and the notes there are no running text, however they read ("12 See
        # also ...").
        numbered = [
            (n, int(m[1]))
            for n, line in enumerate(self.lines)
            if (m := _PARAGRAPH.match(line.text))
        ]
        # The notes' rule comes after prose, with notes under it; one under a letterhead is
        # not it, nor a table's over a section's heading, nor one under which the numbered
        # paragraphs run on.
        rules = [
            rule
            for n, rule in enumerate(self.lines)
            if (_RULE.match(rule.text) or _HEADING.match(rule.text))
            and any(_PROSE_END.search(p.text) for p in self.lines[:n])
            and _notes_under(self.lines[n + 1 :])
            and not _numbering_runs_on(numbered, n)
        ]
        under = [line for line in self.lines if rules and line.start > rules[-1].end]
        # Numbers in brackets open notes under the notes' heading, or where the text above
        # points to them ("wounded (1)."): under a bare rule with no such mark, "(1) At
        # least 600 ..." is a list of the text's own.
        headed = bool(rules) and (
            _HEADING.match(rules[-1].text) is not None
            or NOTE_MARK.search(text, 0, rules[-1].start) is not None
        )
        ruled = [
            line
            for line in under
            if _RULED_NOTE.match(line.text) and (headed or line.text[0] not in "([")
        ]
        if ruled:
            starts = ruled
        notes = []
        for n, line in enumerate(starts):
            number = _NOTE_NUMBER.match(line.text)
            start = line.start + (number.end() if number else 0)
            end = starts[n + 1].start if n + 1 < len(starts) else len(text)
            block = text[start:end].split("\n\n")[0]
            notes.append((start, start + len(block.rstrip())))
        return tuple(notes)


def _notes_under(lines: tuple[Line, ...]) -> bool:
    """Whether notes follow a rule, no section's heading in capitals before the first
    ("ABOUT THE EVENTS" under a table's rule opens text, whose lines may open with a
    number)."""
    for line in lines:
        if _RULED_NOTE.match(line.text):
            return True
        # The next rule ends what this one rules; a page's header ("A/HRC/49/12") or a
        # heading that names the notes ("SOURCES AND NOTES") opens no section.
        if _RULE.match(line.text):
            return False
        heading = line.text.isupper() and not any(c.isdigit() for c in line.text)
        if heading and not _NOTES_WORDS.search(line.text):
            return False
    return False


def _numbering_runs_on(numbered: list[tuple[int, int]], rule: int) -> bool:
    """Whether the first numbered line under the rule goes on with the paragraphs numbered
    above it ("2. The lesson ..." over a table's rules, then "3. Teachers ..."): a table's
    rule, not the notes'. `numbered`: each numbered line's index and number."""
    above = [number for n, number in numbered if n < rule]
    under = next((number for n, number in numbered if n > rule), None)
    return bool(above) and under == max(above) + 1


def _cells(text: str, start: int, end: int) -> list[Line]:
    cells: list[Line] = []
    position = start
    for gap in [*COLUMN_GAP.finditer(text, start, end), None]:
        cell_end = gap.start() if gap else end
        raw = text[position:cell_end]
        # A forwarded mail's quote marks ("> Vienna, 25 February 2014") open no cell.
        if position == start:
            raw = _QUOTE_MARKS.sub(lambda m: " " * len(m.group()), raw, count=1)
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            cell_start = position + lead
            stripped = raw.strip()
            cells.append(Line(cell_start, cell_start + len(stripped), stripped))
        position = gap.end() if gap else end
    return cells


def _segments(analysis: Analysis) -> list[list[Token]]:
    """The parser's sentences, cut where a line break was kept or a column gap stands: a
    heading or a date line on its own line is not part of the sentence that follows it."""
    segments: list[list[Token]] = []
    for sentence in analysis.doc.sents:
        current: list[Token] = []
        for token in sentence:
            if token.is_space and ("\n" in token.text or COLUMN_GAP.search(token.text)):
                segments.append(current)
                current = []
                continue
            current.append(token)
            if "\n" in token.whitespace_:
                segments.append(current)
                current = []
        segments.append(current)
    return [s for s in segments if s]


def _ends_on_break(segment: list[Token]) -> bool:
    last = segment[-1]
    doc = last.doc
    return (
        "\n" in last.whitespace_
        or last.i + 1 == len(doc)
        or (doc[last.i + 1].is_space and "\n" in doc[last.i + 1].text)
    )


def _headline(segment: list[Token]) -> bool:
    """A whole block of its own that ends without a closing mark, or the words after a
    title's first words and colon ("KHOJALY: The Night the Snow Turned Red")."""
    first = segment[0]
    starts_block = first.i == 0 or "\n" in first.nbor(-1).whitespace_ or first.nbor(-1).is_space
    text = first.doc.text
    before = text[text.rfind("\n", 0, first.idx) + 1 : first.idx].rstrip()
    titled = before.endswith(":") and len(before.split()) <= TITLE_PREFIX_WORDS
    starts_block = starts_block or titled
    closing = [t for t in segment if t.text not in QUOTES and not t.is_space][-1:]
    return starts_block and _ends_on_break(segment) and not (closing and closing[0].text in CLOSING)


def _running(analysis: Analysis) -> list[tuple[tuple[int, int], bool]]:
    """The spans of running text, each with whether it could be a headline."""
    spans = []
    for segment in _segments(analysis):
        words = [t for t in segment if not t.is_punct and not t.is_space]
        # A modal ("shall hold") carries no verb form of its own but makes a clause finite.
        finite = any("Fin" in t.morph.get("VerbForm", []) or t.tag_ == "MD" for t in segment)
        # "- call on X to release ...;" under "recommends that the Council:": an item of
        # what a text recommends is running text, though its verb has no tense.
        item = segment[0].text in _BULLETS and any(t.pos_ == "VERB" for t in segment)
        # "| DE | FR | ES | ...": cells a site's header sets apart are no sentence, nor are
        # a bar's and wide gaps' ("FinEkspress.az  |  Banklar   Sığorta   Fintex").
        if (finite or item) and len(words) >= RUNNING_TOKENS and not _set_apart(analysis, segment):
            spans.append((analysis.span_of(segment), _headline(segment)))
    return spans


def _set_apart(analysis: Analysis, segment: list[Token]) -> bool:
    """Whether a segment with a verb is no running text but cells a site's header sets
    apart: by bars ("| DE | FR | ES |"), by a bar and wide gaps ("FinEkspress.az  |  Banklar
    Sığorta   Fintex") or by wide gaps alone; or a page's copyright line ("(c) 2013-2025 X.
    Texts may be quoted with a link")."""
    text = analysis.original
    start, end = analysis.span_of(segment)
    bars = sum(t.text in _CELL_MARKS for t in segment)
    gaps = len(_GAP.findall(text, start, end))
    return (
        bars >= MENU_CELLS - 1
        or (bars > 0 and bars + gaps >= MENU_CELLS)
        or _gapped_menu(text, start, end)
        or _COPYRIGHT.match(text, text.rfind("\n", 0, start) + 1) is not None
    )


def _gapped_menu(text: str, start: int, end: int) -> bool:
    """ "<> Code   ⊙ Issues 3   ⇄ Pull requests 1   ▷ Actions": a site's menu set out by
    wide gaps alone, its items of a word or two (a page in two columns has longer cells)."""
    start, end = line_around(text, start, end)
    cells = [c for c in COLUMN_GAP.split(text[start:end].replace("\n", "   ")) if c.strip()]
    words = [sum(any(ch.isalpha() for ch in w) for w in c.split()) for c in cells]
    # Items open with a capital or a sign ("⊙ Issues 3"); a justified page's words set
    # apart by wide gaps ("years    ago,    on") mostly do not.
    headed = sum(not c.lstrip()[:1].islower() for c in cells)
    return (
        len(cells) > MENU_CELLS
        and median(words) <= MENU_ITEM_WORDS
        and headed * MENU_CELLS >= len(cells) * (MENU_CELLS - 1)
    )


def may_have_notes(text: str) -> bool:
    """Whether any line opens like a note: texts without one need no parse to find notes."""
    return _NOTE_LINE.search(text) is not None or _RULED_NOTES.search(text) is not None


def _envelope_end(lines: tuple[Line, ...]) -> int:
    """Where a forwarded mail's own text begins: after the rule under its header fields
    and its forwarder's note ("From: ... / Subject: FW: ... / Friends - sharing this ... /
    ________"), which say who passed it on, not who issued it; 0 when the text is no such
    mail."""
    fields = [n for n, line in enumerate(lines[:ENVELOPE_LINES]) if MAIL_FIELD.match(line.text)]
    if len(fields) < MAIL_FIELDS:
        return 0
    # The forwarder's own header: the first run of fields (a short note may bring the
    # forwarded mail's header among the first lines too).
    last = fields[0]
    while last + 1 in fields:
        last += 1
    rules = (line for line in lines[last + 1 :] if _SEPARATOR.match(line.text))
    rule = next(rules, None)
    return rule.end if rule is not None else 0


def _unmarked(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A line of a feed's or a map's XML ("<title>Embassy of X — News</title>") by the text
    between the tags that open and close it; none for a line of tags alone ("<channel>",
    "<?xml ...?>")."""
    if text.find("<", start, end) < 0 and text.find("]]>", start, end) < 0:
        return start, end
    tags = list(MARKUP.finditer(text, start, end))
    for tag in tags:
        if text[start : tag.start()].strip():
            break
        start = tag.end()
    for tag in reversed(tags):
        if tag.end() <= start or text[tag.end() : end].strip():
            break
        end = tag.start()
    return (start, end) if text[start:end].strip() else None


def zones(text: str) -> Zones:
    analysis = analyse(text)
    unmarked = [(m.span(), _unmarked(text, m.start(), m.end())) for m in LINE.finditer(text)]
    rows = [(span != u, _cells(text, *u)) for span, u in unmarked if u is not None]
    lines = tuple(cell for _, cells in rows for cell in cells)
    marked = frozenset(cell.start for tagged, cells in rows if tagged for cell in cells)
    start = _envelope_end(lines)
    lines = tuple(line for line in lines if line.start >= start)
    running = [(span, headline) for span, headline in _running(analysis) if span[0] >= start]
    # A headline opens the body only when no sentence of running text follows it; an
    # excerpt cut off mid-sentence still ends the body where it stops.
    opening = [span for span, headline in running if not headline] or [s for s, _ in running]
    body_start = opening[0][0] if opening else len(text)
    body_end = running[-1][0][1] if running else len(text)
    return Zones(analysis, lines, body_start, body_end, marked)


def first_rows(
    zones: Zones, lines: tuple[Line, ...], rows: int, cues: StructureCues | None = None
) -> list[Line]:
    """The lines (or columns of them) on the first `rows` rows of the page: a site's menu
    set out in columns is one row, and with `cues` a menu or section path is none."""
    text = zones.analysis.original
    starts: list[int] = []
    kept = []
    for line in lines:
        if cues is not None and is_menu(line, cues):
            continue
        row = text.rfind("\n", 0, line.start)
        if row not in starts:
            starts.append(row)
        if len(starts) > rows:
            break
        kept.append(line)
    return kept


def is_menu(line: Line, cues: StructureCues) -> bool:
    """A site's menu or section path ("Politics | Society | Culture", "Home > Politics >
    Parliament"): three cells or more apart by a header's separators. A date line or a
    by-line set out alike has digits; a letterhead's cells name bodies in several words
    ("MINISTRY OF FOREIGN AFFAIRS • PRESS DEPARTMENT • PRESS RELEASE"), half of them or
    more, unless the path starts at the site's root ("Home > Press Service > ..."). A link
    that skips the menus ("Skip to main content") is navigation too. A whole row may set
    its items apart by wide gaps ("Datasets   Organisations   Groups   API"), each of a
    word or two."""
    if line.text.lower() in cues.skip_links:
        return True
    cells = [c.split() for c in cues.separators.split(line.text) if c.strip()]
    # An item's words have letters ("Movies & TV" is two words; a search icon none).
    gapped = [
        [w for w in c.split() if any(ch.isalpha() for ch in w)]
        for column in COLUMN_GAP.split(line.text)
        for c in cues.separators.split(column)
        if c.strip()
    ]
    # Some item of one word ("Datasets", "API"), and no number: names set out in columns
    # are signers', numbers a table's.
    short = (
        all(len(c) <= MENU_ITEM_WORDS for c in gapped)
        and any(len(c) == 1 for c in gapped)
        and not any(ch.isdigit() for ch in line.text)
    )
    if len(cells) < MENU_CELLS and short:
        cells = gapped
    # Two digits in a row: a date's or a time's ("5K" names a race).
    dated = re.search(r"\d\d", line.text) is not None
    # Its first cell or half its cells or more name bodies ("ARAZ COMMUNITY NEWS |
    # Diaspora | Culture" is a site's name and sections): a menu's "Press centre" among its
    # topics is one.
    named = [
        len(words) > 1 and any(w.lower() in cues.organisation_heads for w in words)
        for words in cells
    ]
    bodies = bool(named) and (named[0] or 2 * sum(named) >= len(named))
    rooted = bool(cells) and " ".join(cells[0]).lower() in cues.path_roots
    return not dated and (rooted or not bodies) and len(cells) >= MENU_CELLS


def _short_field(line: Line) -> bool:
    """A labelled field whose value is a name, a number or a date: a few words and no
    sentence ("Moderator: Good afternoon." is a speaker's turn)."""
    sentence = line.text.rstrip().endswith((".", "?", "!"))
    return (
        _FIELD_CELL.match(line.text) is not None
        and len(line.text.split()) <= FIELD_WORDS
        and not sentence
    )


def line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole line (or lines) the span stands on."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def same_row(text: str, left: Line, right: Line) -> bool:
    """Whether two cells stand on one line of the text, side by side."""
    return "\n" not in text[left.end : right.start]


def is_rule(line: Line) -> bool:
    """A rule across a line ("________", "-----")."""
    return _RULE.match(line.text) is not None


def column(text: str, start: int) -> int:
    """How far into its line a cell starts."""
    return start - text.rfind("\n", 0, start) - 1


def line_above(text: str, start: int) -> str:
    """The line above the one that starts at `start` (empty on the first line)."""
    end = max(start - 1, 0)
    return text[text.rfind("\n", 0, end) + 1 : end]


def row_cells(text: str, lines: Sequence[Line], index: int) -> list[Line]:
    """The cells on the same line of the text as `lines[index]` (its columns), which stand
    next to it in `lines`."""
    row_start = lines[index].start - column(text, lines[index].start)
    row_end = text.find("\n", lines[index].start)
    row_end = len(text) if row_end < 0 else row_end
    first = index
    while first > 0 and lines[first - 1].start >= row_start:
        first -= 1
    last = index + 1
    while last < len(lines) and lines[last].start < row_end:
        last += 1
    return list(lines[first:last])


def indent(text: str, line: Line) -> str:
    """What stands on the line before the cell (spaces, where it is set in)."""
    return text[text.rfind("\n", 0, line.start) + 1 : line.start]


def in_margin(text: str, line: Line) -> bool:
    """A cell set far to the right on a line of its own ("PC.DEL/188/26", "3 March 2026",
    "ENGLISH only" over a letterhead): a document's symbol, date or language."""
    before = indent(text, line)
    return len(before) >= MARGIN_INDENT and not before.strip()
