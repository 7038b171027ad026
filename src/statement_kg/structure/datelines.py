"""The document's own date, where the genre puts it: a letter's head ("Letter dated ..."),
an adoption or issue line ("Adopted by the Senate February 24, 2015", "Issued in Abu Dhabi
on 2 March 2019"), a dateline ("Baku, 24 February 2022", a heading ending "Istanbul, 23
February 2017"), a news site's date line ("10:05, 3 Mar 2016", "2023-02-24 16:12",
"25.02.2019"), a report's month ("September 1992"). A UN letter's distribution date dates
its circulation, not the letter. The spans of these date lines are the document's own and
are no event's date."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace

from statement_kg.extract.dates import NUMBER_MARK, find_dates
from statement_kg.extract.quotations import quoted_spans
from statement_kg.extract.spans import Nearby, make_span
from statement_kg.language import verb_lemma
from statement_kg.language.normalise import MARKUP
from statement_kg.records import Span, TimeSpec
from statement_kg.structure.adopted import adoption_sentences, titled_dates
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.dateline_place import place_above, place_after, place_before
from statement_kg.structure.footer import link_rows
from statement_kg.structure.found import Dated
from statement_kg.structure.line_dates import (
    CELL_BARS,
    CLOCK,
    SCHEDULE,
    TIME_OF_DAY,
    WEEKDAYS,
    Dates,
    Numeric,
    in_lines,
    numeric_dates,
    weekday_after,
    weekday_before,
)
from statement_kg.structure.names import BRACKETS, WRAPPED_HEADING
from statement_kg.structure.reproduced import reproduced_date
from statement_kg.structure.signature import closed_lines
from statement_kg.structure.source_note import source_date
from statement_kg.structure.stamps import stamps
from statement_kg.structure.wire import wire_dateline
from statement_kg.structure.witnessed import signing_dates
from statement_kg.structure.zones import (
    Line,
    Zones,
    first_rows,
    in_margin,
    indent,
    line_above,
    line_around,
    may_have_notes,
)

DISTRIBUTION_CELLS = 3
# A note's span starts after its number ("13 "): its line starts up to this much before.
NOTE_NUMBER = 5
# "Adopted by the Senate February 24, 2015": the date follows the verb closely.
ADOPTED_REACH = 80
ADOPTED_LINE = 240
# A site's section path is short, its parts set apart by a mark (not a slash, which also
# sets a title beside its translation: "BASIN BÜLTENİ / PRESS RELEASE").
PATH_WORDS = 8
_PATH_MARKS = frozenset({"|", ">", "›", "»"})
# A news site's date line is among the first rows; its by-line a little further down, and
# short.
RELAY_LINES = 6
POSTED_ROWS = 12
POSTED_CHARS = 120
# "... took place on\n12 April 2016": the words a sentence goes on after, into a date.
_RUNS_ON = frozenset({"on", "in", "at", "of", "the", "and", "to", "from", "by", "since"})
# How far before a date the word that leads into it is looked for.
DATE_LEAD = 6
# "3. Date of birth", "A.4 Date of birth": a form's field number before its label.
_FIELD_NUMBER = re.compile(r"^\s*(?:[A-Z]?\d+(?:\.\d+)*\.?|[A-Z]\.\d+\.?)\s+")
# A label before a colon is a few words ("Date of session:").
LABEL_CHARS = 40
ORDER = (
    "source",
    "letter",
    "signed",
    "adopted",
    "titled",
    "dateline",
    "relay",
    "stamp",
    "month",
    "distribution",
    "annex",
    "running",
    "column",
)
# A cell of a table's or a page's head is a few words.
CELL_WORDS = 4
# "VIENNA, 29 February 2012 - The Co-Chairs ...": a dateline that runs into the text.
DATELINE_DASHES = ("-", "–", "—")
# "Broadcast transcript, 24 February 2023": a few words that say what the document is.
KIND_WORDS = 3
# A document's symbol: "PC.DEL/214/19", "A/HRC/49/12", "S/2024/187".
SYMBOL = re.compile(r"[A-Z]{1,6}(?:\.[A-Z]{1,6})*(?:/[A-Z0-9.()-]+){2,}")
# A date alone on a line within the text's first lines is its date line.
EARLY_LINES = 25
_STOPPED = re.compile(r"\.\s+[A-Z]")
# Where a sentence or a cell ends on a line, before the words that label its date.
_SENTENCE_END = re.compile(r"(?<=[.|•·])\s+")
# "No: 52,", "No. 07/2024,": a document's number before its date.
_NUMBERED = re.compile(NUMBER_MARK + r"[:.]?\s*[\w/-]*\d[\w/-]*,?$", re.IGNORECASE)
# "Baku, February 24, 2024 / APA /": an agency's credit after the dateline's date.
_AGENCY = re.compile(r"\s*/\s*(?P<agency>[^/\n]{2,40}?)\s*/?\s*$")


def _lemmas_before(zones: Zones, start: int, line: Line) -> list[str]:
    tokens = zones.analysis.tokens(line.start, start)
    return [verb_lemma(t) for t in tokens if not t.is_punct]


def _letter_dated(zones: Zones, line: Line, start: int, cues: StructureCues) -> bool:
    """ "Letter dated ...", not "Annex to the note verbale dated ..." (another's date)."""
    tokens = [t for t in zones.analysis.tokens(line.start, start) if not t.is_punct]
    if len(tokens) < 2 or tokens[-1].lower_ != cues.letter_dated:
        return False
    nouns = 0
    while nouns + 2 <= len(tokens) and tokens[-2 - nouns].lemma_.lower() in cues.letter_nouns:
        nouns += 1
    return nouns > 0 and len(tokens) == nouns + 1


def _letter_dates(zones: Zones, dates: Dates, cues: StructureCues) -> list[Dated]:
    letters = [
        (line, date, span)
        for line, date, span in in_lines(zones.lines, dates)
        if _letter_dated(zones, line, span.start, cues)
    ]
    if not letters:
        return []
    line, date, span = letters[0]
    own = [Dated(date, span, "letter", (line.start, line.end))]
    # "Annex to the letter dated <the same day>" heads its annex: the letter's date again.
    for other, again, where in in_lines(zones.lines, dates):
        words = [t.lower_ for t in zones.analysis.tokens(other.start, where.start)]
        if again == date and where.start > span.start and words[-1:] == [cues.letter_dated]:
            own.append(Dated(again, where, "annex", (other.start, other.end)))
    return own


def _adopted(zones: Zones, dates: Dates, cues: StructureCues) -> list[Dated]:
    text = zones.analysis.original
    found = []
    for line, date, span in in_lines(zones.lines, dates):
        lemmas = _lemmas_before(zones, span.start, line)
        # "Adopted at the session of the Committee on ... on 22 February 2023.": a line that
        # ends with its date may name the body at length.
        ends = text[span.end : line.end].strip() in {"", "."}
        reach = ADOPTED_LINE if ends else ADOPTED_REACH
        # A sentence wrapped from the line above runs on past the date: no adoption line.
        if not ends and _wrapped(text, line):
            continue
        if lemmas and lemmas[0] in cues.issued_verbs and span.start - line.start < reach:
            # "Issued in Abu Dhabi on ...": a place after the verb; "Published 4 March": none.
            place = place_before(zones, line, span.start, cues) if len(lemmas) > 1 else None
            found.append(Dated(date, span, "adopted", (line.start, line.end), place))
    # "Adopted by the Senate February 15, 2019; adopted by the House February 21, 2019.":
    # of one line's adoptions in clauses apart, the last is the document's ("Published ... |
    # Updated ..." gives the document's first).
    return [
        d
        for n, d in enumerate(found)
        if not any(
            d.line == e.line and ";" in text[d.span.end : e.span.start] for e in found[n + 1 :]
        )
    ]


def _wrapped(text: str, line: Line) -> bool:
    """ "... has never been supported by a / published list of names ...": a line that goes
    on, in small letters, with a sentence of a full line above it."""
    above = line_above(text, line.start).strip()
    return len(above) >= WRAPPED_HEADING and above[-1:].isalpha() and line.text[:1].islower()


def _distributed(zones: Zones, zone: tuple[Line, ...], line: Line, cues: StructureCues) -> bool:
    """In a UN letterhead the distribution date sits a column or a line below "Distr."."""
    previous = [p for p in zone if p.end <= line.start][-DISTRIBUTION_CELLS:]
    labelled = any(
        t.lower_.rstrip(".") in cues.distribution
        for p in previous
        for t in zones.analysis.tokens(p.start, p.end)
    )
    # An OSCE or UN header sets the date of circulation in the margin under the symbol.
    margin = in_margin(zones.analysis.original, line)
    return labelled or (margin and any(SYMBOL.fullmatch(p.text) for p in previous))


def _reach(zones: Zones, body: tuple[Line, ...]) -> tuple[int, int]:
    """Where the text's first lines end, and the end of the body's last line."""
    lines = zones.lines
    early = lines[EARLY_LINES].start if len(lines) > EARLY_LINES else len(zones.analysis.original)
    return early, max((line.end for line in body), default=-1)


def _placed_alone(before: str, after: str) -> bool:
    """ "TORONTO — February 26, 2024" on a line of its own (under a relay's sentence, in a
    text's first lines): a carried statement's dateline."""
    return not after and before[-1:] in DATELINE_DASHES and before.rstrip(" -–—").isupper()


def _closes(text: str, line: Line, span: Span, last: int) -> bool:
    """A bare date on the body's last line, not a note's wrapped "..., DATE"."""
    above = line_above(text, line.start).rstrip()
    last_word = above.rsplit(maxsplit=1)[-1] if above else ""
    runs_on = above.endswith((",", ";", ":")) or last_word in _RUNS_ON
    return line.end == last and not text[span.end : line.end].strip() and not runs_on


def _datelines(zones: Zones, dates: Dates, cues: StructureCues) -> list[Dated]:
    text = zones.analysis.original
    found = []
    first_body = tuple(line for line in zones.lines if line.end > zones.body_start)[:1]
    aside = _aside(zones, cues)
    dates = _unquoted(text, dates)
    # A labelled date line ("Submitted: 27.2.2025") dates the document wherever it stands
    # (a question's date over the answer below it).
    outside = {*zones.head, *zones.tail}
    others = tuple(line for line in zones.lines if line not in outside)
    early_end, last = _reach(zones, others)
    lone = _lone(zones.lines, dates)
    for zone in (zones.head, zones.tail, first_body, others):
        kept = tuple(line for line in zone if not any(a <= line.start < b for a, b in aside))
        for line, date, span in in_lines(kept, dates):
            if date.precision == "year" and _column_head(text, line):
                found.append(Dated(date, span, "column", (line.start, line.end)))
                continue
            before = text[line.start : span.start].strip()
            label = _label_before(text, line, before)
            ends = line.start in lone and _ends_label(label, cues)
            after = text[span.end : line.end].strip(' .,"”*)]')
            # "Tuesday, February 26, 2002  •  Page 3": the date ends its cell of a masthead.
            after = "" if after.lower() in cues.year_words or after[:1] in CELL_BARS else after
            # "No: 52, 26 February 2019, Press Release Regarding ...": a numbered release's
            # heading, its date inside.
            opening = (after.split() or [""])[0].lower()
            numbered = bool(_NUMBERED.match(before)) and opening in cues.document_nouns
            after = "" if numbered else after
            # "[26 January 2024]": the date a statement was submitted, on a line of its own.
            bracketed = before == "[" and not after
            # A date alone on a line near the top ("28 February 2019" under a statement's
            # title), though boilerplate above it reads as running text.
            # Or on the body's last line, bare, where a post's page shows its day under the
            # comments and a statement may close (not a note's wrapped "..., DATE.").
            alone = (
                not before
                and not after
                and (line.start < early_end or _closes(text, line, span, last))
            )
            placed = _placed_alone(before, after) and line.start < early_end
            labelled_here = (
                label in cues.body_date_labels
                or updated(label, cues)
                or ends
                or bracketed
                or alone
                or placed
            )
            # "Date of death:      10 April 1992": a record's day of someone's life.
            if scheduled(label or _form_label(text, line, before, after), cues) or (
                zone is others and (line in first_body or not labelled_here)
            ):
                continue
            closing = text[span.end : span.end + 4].lstrip(")")
            # "VIENNA, 24 February 2012. The Co-Chairs ...": a place in capitals, the date,
            # a full stop, and the text.
            runs_on = (closing.strip().startswith(DATELINE_DASHES) and closing[:1].isspace()) or (
                before.rstrip(",").isupper() and bool(_STOPPED.match(text, span.end))
            )
            agency = _AGENCY.match(text, span.end, line.end)
            # "27.02.2019 / 12:41": a time, not an agency.
            if agency is not None and not any(c.isalpha() for c in agency["agency"]):
                agency = None
            # "Thursday, 22 September 2022, 3 p.m.": a meeting's hour after its date.
            hour = TIME_OF_DAY.fullmatch(after.removeprefix("at "))
            # "Date: ...", "Published 4 March 2022": a label, not a place.
            labelled = (
                label in cues.date_labels | cues.posting_words
                # "Release date | DATE": a metadata table's row, in the head or the body.
                or (label in cues.body_date_labels and (zone is others or before in CELL_BARS))
                or updated(label, cues)
                or ends
                or _kind_label(label, cues)
                or numbered
            )
            # "Adopted: 27th February, 2023 (unanimously)": a remark in brackets after it.
            remark = labelled and after.startswith("(")
            # "26 February 2013, Tuesday", "24 February 2022, Baku": the weekday or the place
            # a heading's date line gives after the date, on a line of their own (not after a
            # field's label of someone's life: "Born ..... 14 March 1951, Khojaly").
            alone_before = bool(after) and not before
            weekday = alone_before and weekday_after(zones.analysis, line, span.end)
            trailing_place = _trailing_place(
                zones, line, span.end, (after, alone_before, labelled), cues
            )
            # "... a 501(c)(3) nonprofit). Published February 2026. Programme subject to ...":
            # a posting label's sentence that the date closes.
            plain = not (
                runs_on
                or agency
                or hour
                or remark
                or weekday
                or trailing_place
                or (label in cues.posting_words and text.startswith(". ", span.end))
                # "Record last updated: DATE, by registry editor NAME"
                or (updated(label, cues) and after.startswith("by "))
            )
            if after and plain:
                continue
            place = None
            if not labelled:
                place = place_before(zones, line, span.start, cues)
                place = place or place_above(zones, zone, line) or trailing_place
            # "Weekly since 1961  •  Vol. LXIII, No. 8  •  March 2, 2024": alone in its cell
            # of a masthead's row (a by-line's cells are read as one; "25·26.II.1992" is a
            # night's two days).
            bare = before in {"", "[", "("} or (
                before.endswith(CELL_BARS)
                and before[-2:-1].isspace()
                and before.split()[0].lower() not in cues.posting_words
            )
            if _distributed(zones, zone, line, cues):
                found.append(Dated(date, span, "distribution", (line.start, line.end)))
            elif place or labelled or bare or weekday_before(zones.analysis, line, span.start):
                # A label that says which day of the document it is ranks as a title's.
                found.append(
                    Dated(
                        date,
                        span,
                        "titled" if ends else "dateline",
                        (line.start, line.end),
                        place,
                        agency.span("agency") if agency else None,
                    )
                )
    return found


def _aside(zones: Zones, cues: StructureCues) -> list[tuple[int, int]]:
    """Where no date line of the document's own stands: a note after the text ("13
    Interview, hospital train, Agdam, March 22, 1992.") dates the source it cites, a list
    of links under "Related:" the pages it links to."""
    notes = zones.notes if may_have_notes(zones.analysis.original) else ()
    return [*((a - NOTE_NUMBER, b) for a, b in notes), *link_rows(zones, cues)]


def _unquoted(text: str, dates: Dates) -> Dates:
    """The dates outside the lines of a plaque or a document the text quotes ("... reads:
    \"IN MEMORY ... / 26.II.1992 / ...\""): a date there dates what they quote."""
    quoted = [(a, b) for a, b in quoted_spans(text) if "\n" in text[a:b]]
    return [(t, s) for t, s in dates if not any(a <= s.start < b for a, b in quoted)]


def _trailing_place(
    zones: Zones, line: Line, end: int, read: tuple[str, bool, bool], cues: StructureCues
) -> tuple[int, int] | None:
    """The place after a heading's date alone at the line's start, or after the label of
    the document's day ("Recorded: 14 March 2023, Toronto"), not after an event's schedule
    ("Date: DATE, Dilijan (18:00 local time)")."""
    after, alone_before, labelled = read
    made_at = bool(after) and labelled and CLOCK.search(after) is None
    return place_after(zones, line, end, cues) if alone_before or made_at else None


def _label_before(text: str, line: Line, before: str) -> str:
    """ "... All rights reserved. Published 10.04.2019, 12:15": the last words before the
    date label it; "Adopted:      27th February, 2023", " Release date   | 2025-02-21": or
    a label in the row's cell before, closed by a colon or by the bar that opens the
    date's cell."""
    barred = before in CELL_BARS
    # "Decision date ....... 14.06.2023": a record's leader dots close its label as a colon.
    label = "" if barred else _SENTENCE_END.split(before)[-1].strip("[(").rstrip(":. ").strip()
    label = label.lower()
    # "Published Monday 9 October 2023": the weekday is the date's, not the label's.
    words = label.rstrip(",").split()
    label = " ".join(words[:-1]) if len(words) > 1 and words[-1] in WEEKDAYS else label
    return label or _cell_before(text, line, barred)


def _cell_before(text: str, line: Line, barred: bool = False) -> str:
    """The label in the row's cell before a cell ("Date of report:     DATE"), closed by
    its colon (or by the bar that opens the cell, where `barred`)."""
    row = indent(text, line).strip()
    return row.rstrip(":").strip().lower() if row.endswith(":") or barred else ""


def _column_head(text: str, line: Line) -> bool:
    """ "2021          2020", "68th Legislature 2023        HB 14": a year in a short cell
    beside others heads a table's column or a page, which neither dates the document nor
    names an event."""
    row = text[slice(*line_around(text, line.start, line.end))].strip()
    return len(line.text.split()) <= CELL_WORDS and line.text != row


def _lone(lines: tuple[Line, ...], dates: Dates) -> set[int]:
    """Where the lines that hold one date start, each date counted once for the text: a
    label's closing word dates a document only on such a line ("Ultimatum issued DATE;
    operation launched DATE" labels no day of it)."""
    starts = [line.start for line in lines]
    held: Counter[int] = Counter()
    for _, span in dates:
        n = bisect_right(starts, span.start) - 1
        if n >= 0 and span.start < lines[n].end:
            held[starts[n]] += 1
    return {start for start, count in held.items() if count == 1}


def _ends_label(label: str, cues: StructureCues) -> bool:
    """ "Syllabus version:", "Project launched:": the label of the day a document was made,
    by the words it closes with."""
    words = label.split()
    return any(" ".join(words[-n:]) in cues.label_ends for n in (1, 2))


def _kind_label(label: str, cues: StructureCues) -> bool:
    """ "Broadcast transcript, 24 February 2023", "Press release, ...": the kind of
    document, then its date."""
    words = label.rstrip(",").split()
    return label.endswith(",") and 0 < len(words) <= KIND_WORDS and words[-1] in cues.document_nouns


def _relay_lines(
    zones: Zones, dates: Dates, numeric_dates: Numeric, taken: list[Dated], cues: StructureCues
) -> list[Dated]:
    text = zones.analysis.original
    found = []
    for line in first_rows(zones, zones.head, RELAY_LINES, cues):
        if SCHEDULE.search(line.text):
            continue  # "17 May 2023, 10:00-11:30": when a meeting sat, not a page's stamp
        numeric = [d for d in numeric_dates if line.start <= d[1] and d[2] <= line.end]
        clocked = bool(CLOCK.search(line.text) or "|" in line.text)
        if not numeric and clocked:  # "24 January 2017 | 07:54"
            numeric = [(d, s.start, s.end) for _, d, s in in_lines((line,), dates)]
        if numeric and (clocked or len(numeric) == 1):
            date, start, end = numeric[0]
            if not any(d.span.start == start for d in taken):
                span = make_span(text, start, end)
                found.append(Dated(date, span, "relay", (line.start, line.end)))
    return found


def _runs_into_date(zones: Zones, span: Span) -> bool:
    """ "By the middle of February 1992 the town ...": a sentence whose "of" or "in" leads
    into the date, not a by-line ("By admin, 3 March 2024")."""
    tokens = zones.analysis.tokens(max(0, span.start - DATE_LEAD), span.start)
    words = [t for t in tokens if not t.is_space]
    return bool(words) and words[-1].lower_ in {"of", "in"}


def _posted(zones: Zones, dates: Dates, cues: StructureCues, taken: list[Dated]) -> list[Dated]:
    """A news page's by-line or posting line near its top ("By NAME | 2 March 2026",
    "Posted by the desk on 10 April 2026 · 3 min read"), or at its foot under the text: the
    first one dates the page. A label may be given in two languages ("Yayın tarihi /
    Posted:")."""
    rows = [*first_rows(zones, zones.lines, POSTED_ROWS), *zones.tail]
    for n, line in enumerate(rows):
        words = [t for t in zones.analysis.tokens(line.start, line.end) if not t.is_space]
        label = _label(line).rpartition("/")[2].strip()
        posting = bool(words) and (
            words[0].lower_ in cues.posting_words
            or label in cues.update_labels | cues.posting_words
        )
        if not posting or len(line.text) > POSTED_CHARS:
            continue
        # "By NAME" over the line that opens with the page's date and its time or marks
        # ("October 4, 2022  9:12 AM  ·  Updated ..."), not with a sentence.
        below = [r for r in rows[n + 1 : n + 2] if CLOCK.search(r.text) or "·" in r.text]
        dated = in_lines((line,), dates) or [
            d for d in in_lines(tuple(below), dates) if d[2].start == d[0].start
        ]
        for row, date, span in dated[:1]:
            # "By 26 February 1992 the town ...": a sentence, not a by-line.
            first = zones.analysis.span_of(words[:1])[0]
            unnamed = words[0].lower_ == "by" and (
                len(zones.analysis.tokens(first, span.start)) < 2 or _runs_into_date(zones, span)
            )
            if not unnamed and not any(d.span.start == span.start for d in taken):
                return [Dated(date, span, "relay", (line.start, max(line.end, row.end)))]
    return []


def _first_published(zones: Zones, dates: Dates, cues: StructureCues) -> list[Dated]:
    """ "Originally published: 5 Oct 2023": a portal's record of a text it carries gives
    the text's own day beside its posting."""
    for line in first_rows(zones, zones.lines, POSTED_ROWS):
        if _label(line) in cues.note_openings:
            return [
                Dated(d, s, "source", (line.start, line.end))
                for _, d, s in in_lines((line,), dates)[:1]
            ]
    return []


def _labelled(zones: Zones, dates: Dates, cues: StructureCues) -> list[Dated]:
    """ "Date of session: 28 February 2023", "Date of decision: 05.02.2026": a head line
    whose label says which date of the document it gives (a bare "Date:" may date a mail
    or a row of a table). "Date / venue:", "Date and time:" give an event's schedule."""
    text = zones.analysis.original
    for line in zones.head:
        # "Date of report:     29 February 2024": the label may stand in the cell before.
        label = _label(line) or _cell_before(text, line)
        if scheduled(label, cues):
            continue
        # "Karar Tarihi (date of decision)": a label glossed in brackets says it there.
        gloss = BRACKETS.search(label)
        words = label.split()
        if gloss and words[:1] != ["date"]:
            words = gloss.group().strip("()").split()
        if len(words) < 2 or words[0] != "date":
            continue
        for _, date, span in in_lines((line,), dates)[:1]:
            return [Dated(date, span, "titled", (line.start, line.end))]
    return []


def _under_closing(zones: Zones, dates: Dates, cues: StructureCues) -> list[Dated]:
    """ "With prayers, / NAME / Pastor, ... / February 28, 2021", "NAME / Chairperson of
    the Board / Baku, 15 March 2022": the day a message was signed, on a line of its own
    (or after the place) under the closing or the signer, wherever the text goes on."""
    text = zones.analysis.original
    for line, date, span in in_lines(tuple(closed_lines(zones, cues)), dates):
        alone = text[line.start : line.end].strip(" .,") == span.exact
        ends = text[span.end : line.end].strip(" .") == ""
        place = place_before(zones, line, span.start, cues) if ends and not alone else None
        if alone or place:
            return [Dated(date, span, "signed", (line.start, line.end), place)]
    return []


def scheduled(label: str, cues: StructureCues) -> bool:
    """ "Date / venue:", "Date of death:", "Date installed": a label that gives an event's
    day, not the document's. What follows "of" says which day it is ("Date and location of
    signing:")."""
    named = label.split(" of ", 1)[1] if " of " in label else label
    return any(w.strip("/&,") in cues.schedule_words for w in named.split())


def _form_label(text: str, line: Line, before: str, after: str) -> str:
    """ "3. Date of birth" over "14/06/1958": a form's field, its label on the line above
    the date alone."""
    if before or after:
        return ""
    label = _FIELD_NUMBER.sub("", line_above(text, line.start)).strip().rstrip(":").lower()
    return label if label.startswith("date") and len(label) < LABEL_CHARS else ""


def updated(label: str, cues: StructureCues) -> bool:
    """ "Record last updated:": a label of a record's revision, what was revised before
    it (a page's bare "Last updated:" is a posting line's, which a dateline outranks)."""
    return any(label.endswith(f" {u}") for u in cues.update_labels)


def _label(line: Line) -> str:
    label, colon, _ = line.text.partition(":")
    return label.strip().lower() if colon and len(label) < LABEL_CHARS else ""


def _months(zones: Zones, dates: Dates) -> list[Dated]:
    text = zones.analysis.original
    found = []
    for line in zones.head:
        for time, span in dates:
            alone = text[line.start : line.end].strip(" .,") == span.exact
            if alone and time.end is None and time.begin.precision != "day":
                found.append(Dated(time.begin, span, "month", (line.start, line.end)))
    return found


def _recorded_value(zones: Zones, start: int, cues: StructureCues) -> bool:
    """Whether a date at `start` is the value of a record's field in markup
    ("<value>1992-02-26</value>"), not of an element that dates the document ("<pubDate>")."""
    if not zones.marked:
        return False
    text = zones.analysis.original
    starts = zones.marked_starts
    at = bisect_right(starts, start) - 1
    line_start = text.rfind("\n", 0, start) + 1
    if at < 0 or starts[at] < line_start:
        return False
    # The element it stands in: the last opening tag before the value.
    names = [
        m["name"]
        for m in MARKUP.finditer(text, line_start, starts[at])
        if m["name"] and not m.group().startswith("</")
    ]
    return not names or names[-1].lower().rpartition(":")[2] not in cues.date_elements


def own_dates(zones: Zones, cues: StructureCues) -> list[Dated]:
    """Every date line of the document, most telling first."""
    text = zones.analysis.original
    numeric = [d for d in numeric_dates(text) if not _recorded_value(zones, d[1], cues)]
    # "2021-02-25": the whole numeric date, not the year the written forms read in it (each
    # written date asks only the numeric ones near it).
    near = Nearby(numeric, lambda d: (d[1], d[2]))
    written = [
        (time, span)
        for time, span in find_dates(text)
        if not _recorded_value(zones, span.start, cues)
        and not any(
            start <= span.start and span.end <= end and end - start > span.end - span.start
            for _, start, end in near.near(span.start, span.end)
        )
    ]
    dates = sorted(
        [
            *written,
            *(
                (TimeSpec(date), make_span(text, start, end))
                for date, start, end in numeric
                if not any(s.start < end and start < s.end for _, s in written)
            ),
        ],
        key=lambda d: d[1].start,
    )
    found = [
        *_letter_dates(zones, dates, cues),
        *signing_dates(zones, dates, cues.witness_words),
        *_adopted(zones, dates, cues),
        *titled_dates(zones, dates, cues),
        *_labelled(zones, dates, cues),
        *_first_published(zones, dates, cues),
        *_under_closing(zones, dates, cues),
        *source_date(zones, dates, cues),
        *adoption_sentences(zones, dates, cues),
        *_datelines(zones, dates, cues),
    ]
    found += _relay_lines(zones, dates, numeric, found, cues)
    found += _posted(zones, dates, cues, found)
    # A site's page may reproduce a body's document whole.
    found += reproduced_date(zones, dates, cues)
    found += _months(zones, dates)
    taken = {d.span.start for d in found}
    found += [s for s in stamps(zones, dates, cues) if s.span.start not in taken]
    # A page's date line under its section path dates the page, not the text it carries; a
    # running head that repeats the title ("Maragha, 10 April 1992" over "MARAGHA, 10 APRIL
    # 1992: REPORT OF ...") dates what the title names.
    titles = [(line.start, _folded(line.text)) for line in zones.head if _titled(line.text)]
    found = [
        replace(d, kind="running")
        if d.kind == "dateline" and _repeats_title(d.line, text, titles)
        else replace(d, kind="relay")
        if d.kind == "dateline" and d.line[1] <= zones.body_start and under_path(text, d.line[0])
        else d
        for d in found
    ]
    found.sort(key=_telling)
    # An agency's dateline without its year takes the year the lines above give.
    wire = wire_dateline(zones, found)
    if wire is not None and not any(
        d.span.start < wire.span.end and wire.span.start < d.span.end for d in found
    ):
        found = sorted([*found, wire], key=_telling)
    return found


def _folded(line: str) -> str:
    return " ".join(re.findall(r"\w+", line.casefold()))


def _titled(line: str) -> bool:
    """A title's line: its words in capitals, or running on after a colon."""
    return line.isupper() or line.rstrip().endswith(":")


def _repeats_title(line: tuple[int, int], text: str, titles: list[tuple[int, str]]) -> bool:
    """Whether a title below starts with the date line's words."""
    words = _folded(text[line[0] : line[1]])
    return any(start > line[0] and title.startswith(words) for start, title in titles)


def under_path(text: str, start: int) -> bool:
    """Whether the line at `start` stands right under a site's section path ("Opinion |
    Open Letters", "News > Politics"): a page's date line, the site's own."""
    words = line_above(text, start).split()
    # The mark stands between the path's parts (a mail's quote mark opens its line).
    return len(words) <= PATH_WORDS and any(mark in words[1:-1] for mark in _PATH_MARKS)


def _telling(dated: Dated) -> tuple[int, int]:
    return ORDER.index(dated.kind), dated.span.start
