"""Rows of a table of figures: a label, then one number that ends the row ("| Wounded |
487 |", "Taken hostage ........ 1,275", "Wounded            487"), a label and a bar before
a cell of numbers, read as a sentence of its own ("Print run | 30 000 stamps"), or a number
per column under a header that names what each column counts ("Group   Killed   Hostages" over
"Women   11   14"). A row's number counts what its own label (or its column's) says,
never the label of the row below it; a row whose label opens "of them:" is a part of the
row above."""

from __future__ import annotations

import re
from dataclasses import dataclass

# "| Killed | 613 |": cells between bars, the last one a number alone.
_BARRED = re.compile(
    r"^[ \t]*\|(?P<label>[^|\n]+)\|[ \t]*(?P<value>[\d.,  ]+?)[ \t]*\|[ \t]*$", re.M
)
# "Wounded            487", "Taken hostage ........ 1,275": a label, a wide gap or leader
# dots, a number that ends the line (or the box drawn round the table: "|  killed ... 613 |"),
# a word of estimate before it ("........ about 7,000") or a remark in brackets after it
# ("........ 613 (including 63 children)").
_SPACED = re.compile(
    r"^[ \t]*(?:\|[ \t]*)?(?P<label>[A-Za-z][^\n\d|]*?[a-z)])(?:[ \t]{3,}|[ \t]*\.{3,}[ \t]*)"
    r"(?:(?:about|around|roughly|approximately|nearly|almost|over|some)[ \t]+)?"
    r"(?P<value>\d[\d.,]*(?: \d{3})*)(?:[ \t]+\([^()\n]*\))?[ \t]*(?:\|[ \t]*)?$",
    re.M | re.I,
)
# "Women               11          14": a label and a number per column.
_COLUMNS = re.compile(
    r"^[ \t]*(?P<label>[A-Za-z][^\n\d|]*?[a-z)])[ \t]{2,}"
    r"(?P<values>\d[\d,.]*(?:[ \t]{2,}\d[\d,.]*)+)[ \t]*$",
    re.M,
)
# "Print run   | 30 000 stamps; 5 000 sheets": a label, a bar, a cell that holds numbers.
_KEYED = re.compile(
    r"^[ \t]*(?P<label>[A-Za-z][^\n|\d]*?)[ \t]*\|(?P<value>[^\n|]*\d[^\n|]*)$", re.M
)
_CELL = re.compile(r"\S+(?: \S+)*")
_NUMBER = re.compile(r"\d[\d,.]*")
# Rows of a table come several together.
MIN_ROWS = 3
# The words that make a row a part of the one above ("of them: children").
_PART = re.compile(r"^\s*(?:of\s+(?:them|whom)|including|among\s+them)\b[:,]?", re.I)


@dataclass(frozen=True)
class Row:
    label_start: int
    label_end: int
    value_start: int
    end: int
    part: bool
    # The header cell over the number's column, which says what the column counts.
    column: tuple[int, int] | None = None
    # A cell of words and numbers after a label and a bar: its numbers are read as a
    # sentence that ends with the row.
    keyed: bool = False


def table_rows(text: str) -> dict[int, Row]:
    """The rows of the text's tables, by where each row's number starts."""
    rows: dict[int, Row] = {}
    for pattern in (_BARRED, _SPACED):
        found = [
            Row(
                m.start("label") + len(m["label"]) - len(m["label"].lstrip()),
                m.start("label") + len(m["label"].rstrip()),
                m.start("value"),
                m.end(),
                bool(_PART.match(m["label"])),
            )
            for m in pattern.finditer(text)
        ]
        if len(found) >= MIN_ROWS:
            rows.update({r.value_start: r for r in found})
    rows.update({r.value_start: r for r in _column_rows(text)})
    keyed = list(_KEYED.finditer(text))
    if len(keyed) >= MIN_ROWS:
        # Each number of the cell counts what the row says, or nothing: never what a
        # sentence after the table counts.
        rows.update(
            {
                number.start(): Row(
                    m.start("label"),
                    m.end("label"),
                    number.start(),
                    m.end(),
                    bool(_PART.match(m["label"])),
                    keyed=True,
                )
                for m in keyed
                for number in _NUMBER.finditer(text, m.start("value"), m.end("value"))
                if number.start() not in rows
            }
        )
    return rows


def _column_rows(text: str) -> list[Row]:
    """Each number of a row with several, under the header cell of its column: the nearest
    line above the rows whose last cells are as many as the row's numbers."""
    found = []
    for m in _COLUMNS.finditer(text):
        values = list(_NUMBER.finditer(text, m.start("values"), m.end("values")))
        header = _header(text, m.start(), len(values))
        if header is None:
            continue
        label_start = m.start("label") + len(m["label"]) - len(m["label"].lstrip())
        part = bool(_PART.match(m["label"])) or _wrapped_part(text, m.start())
        found += [
            Row(
                label_start,
                m.start("label") + len(m["label"].rstrip()),
                v.start(),
                m.end(),
                part,
                cell,
            )
            for v, cell in zip(values, header, strict=True)
        ]
    return found


def _header(text: str, row_start: int, count: int) -> list[tuple[int, int]] | None:
    """The last `count` cells of the nearest line above `row_start` with no digit and as
    many cells at least, in the same block: rules ("-----") and a label's wrapped line
    ("  of them last seen alive") are passed over."""
    end = row_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if not line.strip():
            return None
        if not any(c.isdigit() for c in line):
            cells = [(start + c.start(), start + c.end()) for c in _CELL.finditer(line)]
            if len(cells) >= count:
                return cells[-count:]
        end = start - 1
    return None


def _wrapped_part(text: str, row_start: int) -> bool:
    """Whether the row's label runs on from a line above that opens a part ("  of them last
    seen alive" over "  in captivity   53   9   4")."""
    end = max(row_start - 1, 0)
    above = text[text.rfind("\n", 0, end) + 1 : end]
    return not any(c.isdigit() for c in above) and bool(_PART.match(above))
