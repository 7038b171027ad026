"""Resolutions another organisation numbers in its own scheme: "resolution No. 10/48-POL",
"Resolution No.10/11-P(IS)", "House Resolution 1032", "its Resolution 1416 (2005)". A number
with a scheme's letters or "No." is never a UN resolution's; a plain number is taken only
where no UN organ is named near it (the UN rule reads those)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable

from statement_kg.extract.spans import SentenceIndex
from statement_kg.lexicon import CitationWords, literal_phrase
from statement_kg.records import Entity
from statement_kg.slug import slug

# A scheme's own suffix ("-POL", "-P(IS)", "-POL (C)") or its "No.".
_SUFFIX = r"-[A-Z]+(?:\s?\([A-Z]+\))?(?:\s?\([A-Z]+\))?"
_NUMBERED = re.compile(
    r"\b[Rr]esolution\s+(?P<no>No\.?\s*)?"
    rf"(?P<number>\d{{1,4}}(?:/\d{{1,4}})?)(?P<suffix>{_SUFFIX})?(?:\s?\((?P<year>\d{{4}})\))?"
    r"(?![\w/])"
)
# How far before a plain number, and after it in its sentence, a UN organ's name makes it
# the UN's.
UN_BEFORE = 300
UN_AFTER = 100
UN_WORDS = r"United\s+Nations|\bUN\b"


def _heads_document(text: str, match: re.Match[str]) -> bool:
    """A resolution named at the start of a line, or in capitals, heads the document
    itself."""
    start = match.start()
    opens_line = not text[text.rfind("\n", 0, start) + 1 : start].strip()
    return opens_line or match.group().split()[0].isupper()


def numbered_resolutions(text: str, un_cues: Iterable[str]) -> Iterable[tuple[Entity, int, int]]:
    un = re.compile("|".join([*un_cues, UN_WORDS]), re.IGNORECASE)
    for match in _NUMBERED.finditer(text):
        own_scheme = match["no"] or match["suffix"]
        if _heads_document(text, match):
            continue
        after = re.split(r"[.;]\s", text[match.end() : match.end() + UN_AFTER])[0]
        before = text[max(0, match.start() - UN_BEFORE) : match.start()]
        if not own_scheme and (un.search(before) or un.search(after)):
            continue
        words = " ".join(match.group().split())
        number = words.split(None, 1)[1]
        yield (
            Entity(
                id=slug(f"resolution-{number}"),
                type="legislation",
                label=f"Resolution {number}",
                phrases=(literal_phrase(match.group()),),
                recognised=True,
            ),
            match.start(),
            match.end(),
        )


# "Law of the Republic of Azerbaijan "On Public Procurement"": a law cited by its title, as
# laws of the former Soviet states are named ("About ..." where a translation renders the
# title's preposition so).
_OF_STATE = r"of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,4}(?:of\s+[A-Z][\w-]*\s+)?"
_QUOTED_TITLE = r"[\"“«](?:On|About)\s[^\"”»\n]{3,160}[\"”»]"
# "the Law of X on 5 May", "on Feb. 5", "... on Monday": a day, no title.
_DAY_NAMES = (
    "(?:"
    + "|".join([*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept", *calendar.day_name])
    + r")\b"
)
# "Law of the Republic of Armenia on Holidays and Memorial Days": without quotation marks
# the title's words are capitalised, and the law names its state (not "International
# Humanitarian Law on Azerbaijani territory").
_CAPITALISED_TITLE = (
    r"on\s+(?!"
    + _DAY_NAMES
    + r")[A-Z][\w'’-]*(?:\s+(?:(?:and|of|the|in|for|to)\s+)*[A-Z][\w'’-]*){0,8}"
)
_TITLED_LAW = re.compile(
    rf"\bLaw\s+(?:(?:{_OF_STATE})?{_QUOTED_TITLE}|{_OF_STATE}{_CAPITALISED_TITLE})"
)


# "Decision No. 11/2023" (the act's nouns in the braces); "H.Res. 1417" (the marks).
_NUMBER_AFTER = r"\b(?i:{})[ \t]+No\.?[ \t]*\d[\w/-]*(?<![/-])"
_MARKED = r"(?<![\w.])(?:{})[ \t]?\d{{1,5}}(?![\w/])"


# The gap that sets a page's running head or foot apart in its margin ("68th Legislature
# 2023        SR 14.1").
_MARGIN = re.compile(r"\S[ \t]{3,}$")
# How far back the name an act's short form in brackets stands for is looked for.
SHORT_FORM_CHARS = 60


def _own_heading(text: str, match: re.Match[str]) -> bool:
    """An act's number that opens a line standing alone, between blank lines (or the
    text's start), heads the document itself ("DECISION No. 7/2022", "H.R. 5680 - To
    impose sanctions"); one that opens a line of a list or a wrapped sentence cites an act.
    In a page's margin it is the document's own running head or foot."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    before = text[line_start : match.start()]
    above = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : max(0, line_start - 1)]
    next_end = text.find("\n", line_end + 1) if line_end >= 0 else -1
    below = "" if line_end < 0 else text[line_end + 1 : len(text) if next_end < 0 else next_end]
    alone = (line_start == 0 or not above.strip()) and not below.strip()
    return (alone and not before.strip()) or bool(_MARGIN.search(before))


def _short_form(text: str, match: re.Match[str]) -> bool:
    """ "Senate Resolution 54 (SR 54)": the short name, in brackets, of the act just named."""
    numbers = re.findall(r"\d+", match.group())
    bracketed = (
        text[match.start() - 1 : match.start()] == "("
        and text[match.end() : match.end() + 1] == ")"
    )
    before = text[max(0, match.start() - SHORT_FORM_CHARS) : match.start()]
    return bracketed and bool(numbers) and re.search(rf"\b{numbers[-1]}\b", before) is not None


def numbered_acts(
    text: str, words: CitationWords, index: SentenceIndex
) -> Iterable[tuple[Entity, int, int]]:
    """Acts cited by their number ("Decision No. 11/2023"), a legislature's bills by the
    mark it prints them with ("H.Res. 1417", "SB 210"), and laws by their titles; not the
    number over the document's own head. A mark without full stops ("SB", "HR") cites a
    bill only in a sentence about legislation ("Senate Resolution 54 (SR 54) has been
    introduced", "spoke for SB 88 in committee"; "the HR 5 office" is none)."""
    nouns = "|".join(re.escape(n) for n in words.act_nouns)
    marked = "|".join(re.escape(m) for m in sorted(words.bill_marks, key=len, reverse=True))
    context = re.compile(
        rf"\b(?:{'|'.join(re.escape(w) for w in words.bill_context)})", re.IGNORECASE
    )
    numbered = re.finditer(_NUMBER_AFTER.format(nouns), text) if nouns else iter(())
    bills = [
        m
        for m in (re.finditer(_MARKED.format(marked), text) if marked else ())
        if "." in m.group() or context.search(text, *index.around(m.start())) is not None
    ]
    for match in (*numbered, *bills, *_TITLED_LAW.finditer(text)):
        if _own_heading(text, match) or _short_form(text, match):
            continue
        label = " ".join(match.group().split())
        yield (
            Entity(
                id=slug(label),
                type="legislation",
                label=label,
                phrases=(literal_phrase(match.group()),),
                recognised=True,
            ),
            match.start(),
            match.end(),
        )
