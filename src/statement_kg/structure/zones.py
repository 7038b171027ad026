"""The zones of a document: its head (the lines before the first sentence of running
text: letterhead, headings, date lines), its body, and its tail (the lines after the last
sentence of running text: signature, adoption line, footnotes). A sentence of running text
has a finite verb and some length; headings, date lines and signatures have neither."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from statement_kg.language import Analysis, analyse

# A sentence this long with a finite verb is running text, not a heading.
RUNNING_TOKENS = 8
# Column layouts (UN letterheads) put several fields on one line, apart by wide gaps.
_COLUMN_GAP = re.compile(r"[ \t]{3,}")
_LINE = re.compile(r"[^\n]*\S[^\n]*")


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

    @property
    def head(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.end <= self.body_start)

    @property
    def tail(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.start >= self.body_end)


def _cells(text: str, start: int, end: int) -> list[Line]:
    cells: list[Line] = []
    position = start
    for gap in [*_COLUMN_GAP.finditer(text, start, end), None]:
        cell_end = gap.start() if gap else end
        raw = text[position:cell_end]
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            cell_start = position + lead
            stripped = raw.strip()
            cells.append(Line(cell_start, cell_start + len(stripped), stripped))
        position = gap.end() if gap else end
    return cells


def _segments(analysis: Analysis) -> list[list[Token]]:
    """The parser's sentences, cut where a line break was kept: a heading or a date line
    on its own line is not part of the sentence that follows it."""
    segments: list[list[Token]] = []
    for sentence in analysis.doc.sents:
        current: list[Token] = []
        for token in sentence:
            if token.is_space and "\n" in token.text:
                segments.append(current)
                current = []
                continue
            current.append(token)
            if "\n" in token.whitespace_:
                segments.append(current)
                current = []
        segments.append(current)
    return [s for s in segments if s]


def _running(analysis: Analysis) -> list[tuple[int, int]]:
    spans = []
    for segment in _segments(analysis):
        words = [t for t in segment if not t.is_punct and not t.is_space]
        finite = any("Fin" in t.morph.get("VerbForm", []) for t in segment)
        if finite and len(words) >= RUNNING_TOKENS:
            spans.append(analysis.span_of(segment))
    return spans


def zones(text: str) -> Zones:
    analysis = analyse(text)
    lines = tuple(cell for m in _LINE.finditer(text) for cell in _cells(text, m.start(), m.end()))
    running = _running(analysis)
    body_start = running[0][0] if running else len(text)
    body_end = running[-1][1] if running else len(text)
    return Zones(analysis, lines, body_start, body_end)
