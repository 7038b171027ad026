"""The text the parser sees: hard line breaks inside a sentence joined, words hyphenated
across a line break mended, line numbers in a margin dropped, an account's handle read as a
name and a hashtag as its words, markup left out, runs of spaces kept. Received
texts wrap lines wherever their source did (a PDF column, an e-mail, OCR), and a parser
reads a line break as a boundary.
Every character of the normalised text keeps the offset it came from, so each span found in
it maps back to the exact words of the original."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from statement_kg.language.margins import margin_numbers, unnumbered

# "geno-\ncide": a lower-case word split by a hyphen at the end of a line.
HYPHENATED = re.compile(r"(?<=[a-z])-[ \t]*\r?\n[ \t]*(?=[a-z])")
# A single line break (not a blank line) with its surrounding blanks.
_LINE_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*(?!\r?\n)")
# A note's number set right after a word's semicolon, colon or full stop ("civilians;4 the
# officials", "kept open.13 The", "in 1992.15 Human"): the parser would read it as a count
# of what follows, or a year and its note as one decimal number. A comma is not one of them
# (a scanned "hostages,150 of them" lost its space), nor a short word's stop ("No.5").
_NOTE_MARKER = re.compile(
    r"(?<=[A-Za-z)\]”\"’][;:])\d{1,3}(?=\s)"
    r"|(?:(?<=[a-z]{3}\.)|(?<=[)\]”\"’]\.))\d{1,3}(?=\s+[A-Z])"
)
# The same after a year: "in 1992.15 Human" would read as one decimal number.
YEAR_NOTE = re.compile(r"(?<=(?<!\d)(?:19|20)\d\d\.)\d{1,3}(?=\s+[A-Z])")
# A note's raised number set on a word ("were killed¹"): the parser would read one word.
# (After a word of three letters at least: "km²" keeps its square.)
_RAISED = re.compile(r"(?<=[^\W\d]{3})[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
# "chi1dren", "Khoja1y", "c0nflict": a digit a scanner read for a letter between small
# letters; the parser is given the word.
_MISREAD = re.compile(r"(?<=[a-z])[10](?=[a-z])")
_LETTERS = {"1": "l", "0": "o"}
# An account's handle ("@hrw", "@MFA_Azerbaijan").
HANDLE = re.compile(r"(?<!\w)@\w{2,}")
# The parser reads a handle as a name once its sign is gone and its first letter raised.
_HANDLE_SIGN = re.compile(r"(?<![\w@])@[A-Za-z_](?=\w)")
# A forum's user name ("u/Askeran_1992"): the parser reads it as a name, its prefix gone.
_USER_PREFIX = re.compile(r"(?<![\w/])u/[A-Za-z_](?=\w)")
# A hashtag ("#KhojalyGenocide"): its sign dropped and its words set apart where a capital
# begins one, so the terms in it are read as words.
_HASHTAG = re.compile(r"(?<![\w#&])#(?=[A-Za-z])\w+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# A feed's or a map's markup ("<title>", "</description>", "<![CDATA[", "<?xml ...?>"): the
# parser is given the text between the tags (an address in angle brackets stays). An
# element's tag gives its name.
MARKUP = re.compile(
    r"</?(?P<name>[A-Za-z][\w:.-]*)(?:\s[^<>\n]*)?/?>"
    r"|<\?[^<>\n]*\?>|<!\[CDATA\[|\]\]>|<!--[^<>]*?-->|<![A-Za-z][^<>\n]*>"
)
# The first word of the next line.
_FIRST_WORD = re.compile(r"\s*(\S+)")
# A line that starts a list item or a numbered paragraph starts anew.
_ITEM = re.compile(r"[-•*–—·▪►]\s|\(?\d{1,3}[.)]\s|\(?[a-z]{1,4}\)\s")
_ENDS_SENTENCE = re.compile(r"[.:;!?\"”)\]]$")
# A line this long that ends without punctuation was wrapped, not ended; shorter ones are
# headings, letterheads and signature lines, which stay lines of their own.
WRAPPED_LINE = 45


@dataclass(frozen=True)
class Normalised:
    """A normalised text and, for each of its characters, its offset in the original."""

    text: str
    offsets: tuple[int, ...]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span [start, end)."""
        if end <= start:
            at = self.offsets[start] if start < len(self.offsets) else self.offsets[-1] + 1
            return at, at
        return self.offsets[start], self.offsets[end - 1] + 1


def _joins(text: str, match: re.Match[str]) -> bool:
    line_start = text.rfind("\n", 0, match.start()) + 1
    line = text[line_start : match.start()]
    following = text[match.end() : match.end() + 1]
    if not line.strip() or not following or _ITEM.match(text, match.end()):
        return False
    if following.islower() or (following.isdigit() and not _ENDS_SENTENCE.search(line)):
        return True
    # A heading in capitals over text that is not: the heading ends there, however long.
    if line.isupper():
        first_word = _FIRST_WORD.match(text, match.end())
        if first_word is None or not first_word.group(1).isupper():
            return False
    return len(line.strip()) >= WRAPPED_LINE and not _ENDS_SENTENCE.search(line)


def _in_edit(edits: list[tuple[int, int, str]], starts: list[int], offset: int) -> bool:
    at = bisect_right(starts, offset) - 1
    return at >= 0 and offset < edits[at][1]


@lru_cache(maxsize=4)
def markup_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the text's tags stand (read once for the several readers that skip them)."""
    return tuple(m.span() for m in MARKUP.finditer(text)) if "<" in text else ()


def normalise(text: str) -> Normalised:
    pieces: list[str] = []
    offsets: list[int] = []
    margins = margin_numbers(text)
    # Lines are read as if their margin numbers were blank: a numbered empty line is empty.
    work = unnumbered(text)
    edits: list[tuple[int, int, str]] = [
        (m.start(), m.end(), "") for m in HYPHENATED.finditer(work)
    ]
    # The mended hyphens, in order and apart: a line break in one is found by bisection.
    mended = [a for a, _, _ in edits]
    edits += [
        (m.start(), m.end(), " ")
        for m in _LINE_BREAK.finditer(work)
        if _joins(work, m) and not _in_edit(edits, mended, m.start())
    ]
    edits += [(start, end, "") for start, end in margins]
    edits += [(m.start(), m.end(), "") for m in _NOTE_MARKER.finditer(work)]
    edits += [(m.start(), m.end(), "") for m in YEAR_NOTE.finditer(work)]
    edits += [(m.start(), m.end(), "") for m in _RAISED.finditer(work)]
    edits += [(m.start(), m.end(), _LETTERS[m.group()]) for m in _MISREAD.finditer(work)]
    edits += [(m.start(), m.end(), m.group()[1].upper()) for m in _HANDLE_SIGN.finditer(work)]
    edits += [(m.start(), m.end(), m.group()[2].upper()) for m in _USER_PREFIX.finditer(work)]
    edits += [(start, end, " ") for start, end in markup_spans(work)]
    for tag in _HASHTAG.finditer(work):
        edits.append((tag.start(), tag.start() + 1, ""))
        edits += [
            (tag.start() + c.start(), tag.start() + c.start(), " ")
            for c in _CAMEL.finditer(tag.group())
        ]
    edits.sort()
    position = 0
    for first, end, replacement in edits:
        if end <= position:
            continue
        # A margin number that a joined line break has partly taken: the rest goes too.
        start = max(first, position)
        pieces.append(text[position:start])
        offsets.extend(range(position, start))
        pieces.append(replacement)
        offsets.extend([start] * len(replacement))
        position = end
    pieces.append(text[position:])
    offsets.extend(range(position, len(text)))
    return Normalised("".join(pieces), tuple(offsets))


def mended_words(words: str) -> str:
    """Words as one line, a word hyphenated across a line break whole again ("Ruzanna
    Khachatr-\nian" is "Ruzanna Khachatrian")."""
    return " ".join(HYPHENATED.sub("", words).split())
