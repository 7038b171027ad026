"""Digits a scanner read as letters: "l992", "l,000", "l0 April", "I99I", "2O", a month's
name with one letter misread ("Februarv", "Fcbruary"), and words a line break cut
("Febru-\nary"). Numbers and dates are matched in a view of the text where such letters
inside a run of digits are read as digits, a note's number set on a year is blank, misread
months are spelled right and cut words are joined; the view has the same length, so every
span found in it is the span of the received words, which keep their letters and breaks."""

from __future__ import annotations

import calendar
import re

from statement_kg.language.normalise import HYPHENATED, YEAR_NOTE

# A run of digits and the letters a scanner takes for them, with the separators of a
# number between them, standing alone (not inside a word).
# An ordinal's ending may follow ("2Oth").
_RUN = re.compile(
    r"(?<![A-Za-z])[\dlIO](?:[\dlIO]|[,.](?=[\dlIO]))+(?!(?!(?:st|nd|rd|th)(?![A-Za-z]))[A-Za-z])"
)
_LETTERS = {"l": "1", "I": "1", "O": "0"}
_THOUSANDS = re.compile(r"[lI1](?:,[O0]{3})+")
# "7,OOO": a group of three after a digit and a thousands separator.
_GROUP = re.compile(r"(?<=\d[,.])[\dlIO]{3}(?![\dlIO])")


def digit_view(text: str) -> str:
    """`text` with the letters a scanner took for digits read as digits: a letter next to a
    digit ("l992", "I99I", "2O0"), or opening a run before a separator and a digit
    ("l,000"); not a letter after a separator ("1992,I saw", "40.I was", "II.3")."""

    def read(match: re.Match[str]) -> str:
        run = match.group()
        # "l,OOO": a thousand with no digit left in it.
        if _THOUSANDS.fullmatch(run):
            return "".join(_LETTERS.get(c, c) for c in run)
        if not any(c.isdigit() for c in run):
            return run
        chars = list(run)
        # A letter next to a digit is one; so, then, is a letter next to it ("lO6").
        changed = True
        while changed:
            changed = False
            for i, char in enumerate(chars):
                if char not in _LETTERS:
                    continue
                after = chars[i + 1] if i + 1 < len(chars) else ""
                before = chars[i - 1] if i else ""
                opens = i == 0 and after in {",", "."} and "".join(chars[i + 2 : i + 3]).isdigit()
                if after.isdigit() or before.isdigit() or opens:
                    chars[i] = _LETTERS[char]
                    changed = True
        grouped = "".join(chars)
        return _GROUP.sub(lambda g: "".join(_LETTERS.get(c, c) for c in g.group()), grouped)

    # A note's number on a year at a sentence's end ("in 1993.12 The") is blank: no
    # decimal number, no count.
    return YEAR_NOTE.sub(lambda m: " " * len(m.group()), _RUN.sub(read, text))


# "Febru-\nary": a word cut at a line's end (as the normaliser finds it), joined; the cut's
# hyphen, break and indent move before the word as thin spaces, so the view keeps the
# text's length.
PAD = "\u2009"


def joined_view(text: str) -> str:
    pieces: list[str] = []
    position = 0
    for cut in HYPHENATED.finditer(text):
        head = cut.start()
        while head > position and text[head - 1].isalpha():
            head -= 1
        pieces += [text[position:head], PAD * len(cut.group()), text[head : cut.start()]]
        position = cut.end()
    pieces.append(text[position:])
    return "".join(pieces)


def unpadded(view: str, start: int) -> int:
    """Where a match in the joined view starts in the text: before the thin spaces that
    stand where its word was cut."""
    while start and view[start - 1] == PAD:
        start -= 1
    return start


# A word as long as a month's name, next to a number: a misread month where one letter
# differs.
_MONTH_WORD = re.compile(r"(?<![A-Za-z])[ADFJMNOS][a-z]{4,8}(?![A-Za-z])")
_NUMBER_NEAR = re.compile(r"^[ \t]*\d|\d[ \t]*$")
MONTH_NAMES = tuple(m for m in calendar.month_name if len(m) >= 5)
# The letters a scanner takes for others, as (read, printed): "Fcbruary", "Februarv",
# "Aprll"; "Match" and "Marsh" are words, no misread months.
MISREAD = frozenset(
    {
        ("c", "e"),
        ("e", "c"),
        ("v", "y"),
        ("l", "i"),
        ("i", "l"),
        ("1", "l"),
        ("u", "n"),
        ("n", "u"),
        ("o", "c"),
        ("c", "o"),
        ("h", "b"),
        ("b", "h"),
    }
)
# How far from the word its day or year stands.
NEAR = 4


def month_view(text: str) -> str:
    """`text` with a month's name a scanner misread in one letter, next to a day or a
    year ("25-26 Februarv 1992"), spelled right; the same length."""

    def read(match: re.Match[str]) -> str:
        word = match.group()
        before = text[max(0, match.start() - NEAR) : match.start()]
        after = text[match.end() : match.end() + NEAR]
        if not (_NUMBER_NEAR.search(before) or _NUMBER_NEAR.search(after)):
            return word
        for month in MONTH_NAMES:
            if len(month) != len(word) or word[0] != month[0]:
                continue
            differ = [(a, b) for a, b in zip(word, month, strict=True) if a != b]
            if len(differ) == 1 and differ[0] in MISREAD:
                return month
        return word

    return _MONTH_WORD.sub(read, text)
