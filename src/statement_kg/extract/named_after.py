"""The speaker named right after a quote ('"...," Kirillov said', '"...," a Khojaly
survivor, Sevinj Hasanova, told me'): as an agent the text knows, or as the words that name
them."""

from __future__ import annotations

import re
from functools import cache

from statement_kg.lexicon import ClaimWords
from statement_kg.records import Mention

# The closing of a quote before its speaker's name: '," '.
_CLOSING = re.compile(r"[”\"]?\s*,?\s*[”\"]?\s*")


def named_then_said(
    text: str, end: int, agents: list[Mention], words: ClaimWords, people: list[Mention]
) -> str | None:
    """'"...," Kirillov said': the agent named right after the quote, then a verb of saying;
    a surname alone names the person the text named in full before."""
    named = _named_after(text, end, words)
    if named is None:
        return None
    at = named.start("name")
    for mention in agents:
        if mention.span.start == at:
            return mention.entity
    surname = named.group("name").split()[-1]
    earlier = [m for m in people if m.span.end <= end and m.span.exact.split()[-1] == surname]
    return earlier[-1].entity if earlier else None


def _named_after(text: str, end: int, words: ClaimWords) -> re.Match[str] | None:
    """The name right after the quote's closing, then a verb of saying."""
    closing = _CLOSING.match(text, end)
    return _name_then_said(words.speech_verbs).match(text, closing.end()) if closing else None


def name_after(text: str, end: int, words: ClaimWords) -> str | None:
    """The words that name the speaker right after the quote, where the attribution goes on
    from the quote's comma, on its line ('," NAME told')."""
    named = _named_after(text, end, words)
    if named is None:
        return None
    gap = text[end : named.start()]
    comma = "," in gap or text[end - 1 : end] == ","
    return named["name"] if comma and "\n" not in gap else None


@cache
def _name_then_said(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """ "Kirillov said", "a Khojaly survivor, Sevinj Hasanova, told": the name, after a few
    words that say who the speaker is."""
    described = r"(?:(?:an?|the)\s+[^,.\"”\n]{1,40},\s*)?"
    name = r"(?P<name>(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"
    return re.compile(rf"{described}{name},?\s+(?:{'|'.join(verbs)})\b")
