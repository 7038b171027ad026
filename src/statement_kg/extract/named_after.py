"""The speaker named right after a quote ('"...," Kirillov said', '"...," a Khojaly
survivor, Sevinj Hasanova, told me'): as an agent the text knows, or as the words that name
them."""

from __future__ import annotations

import re
from functools import cache

from statement_kg.language import Analysis
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
    # The attribution may wrap onto the next line, not start a paragraph of its own.
    return named["name"] if comma and "\n\n" not in gap else None


# Small words that open a clause, not a speaker's title ('"...," as Moscow called them';
# '"...," the NKR MFA says', which the text's own words are).
_SMALL = r"(?:a|an|the|as|and|but|or|so|then|while|which|who|when|where|because|since|if|though)"


@cache
def _name_then_said(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """ "Kirillov said", "a Khojaly survivor, Sevinj Hasanova, told", "historian NAME of
    the Yerevan Centre for Caucasus Studies told": the name, after a few words that say who
    the speaker is, and before the body they work for."""
    described = (
        rf"(?:(?:an?|the)\s+[^,.\"”\n]{{1,40}},\s*|(?:(?!{_SMALL}\b)[a-z]+\s+){{1,2}}(?=[A-Z]))?"
    )
    name = r"(?P<name>(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"
    # Each word of the body's name takes its own space (no two parts may share one: that
    # backtracks without end on a long line of capitalised words).
    word = r"[A-Z][\w'’-]*"
    body = rf"(?:\s+of\s+(?:the\s+)?{word}(?:\s+(?:(?:for|of|and|on|the)\s+)?{word}){{0,8}})?"
    return re.compile(rf"{described}{name}{body},?\s+(?:{'|'.join(verbs)})\b")


# '"..."' then, on the line under it, '— Prof. NAME, University': a blurb's or an
# epigraph's speaker after a dash; '"..." (NAME, Chair of ...)': in brackets right after it,
# the bracket closed on its line.
_DASHED = re.compile(r"[”\"»]?[ \t]*\n[ \t]*[—–―]{1,2}[ \t]*(?P<name>[A-Z][^,\n()]{2,60})")
# '"... first." — NAME, Stepanakert': a whole sentence quoted, its credit after a dash on
# its line.
_DASHED_INLINE = re.compile(r"(?<=[.!?…])[”\"»][ \t]+[—–―]{1,2}[ \t]*(?P<name>[A-Z][^,\n()]{2,60})")
_BRACKETED = re.compile(r"[”\"»]?[ \t]*\((?P<name>[A-Z][^,()\n]{2,60}),(?P<rest>[^()\n]*)\)")
# A name of a few words: more is a sentence, not a credit.
CREDIT_WORDS = 5
# "Prof.", "Dr.": a title cut short.
ABBREVIATION_CHARS = 5


def credited_after(analysis: Analysis, end: int, titles: frozenset[str]) -> str | None:
    """The person a credit names right after the quote, on the line under it after a dash
    or in brackets: a name the parser reads as a person's, perhaps after a title ("Prof.",
    "Ambassador"); not an agency ("— Reuters"), a photo's credit, a list's next item or a
    gloss ("(Translation from Russian, unofficial)")."""
    text = analysis.original
    for pattern in (_DASHED, _DASHED_INLINE, _BRACKETED):
        credit = pattern.match(text, end)
        if credit is None or len(credit["name"].split()) > CREDIT_WORDS:
            continue
        rest = credit.groupdict().get("rest") or ""
        # A source in brackets gives its year and page ("(NAME, Title, 2003, p. 172)"): it
        # cites a work, it credits no speaker.
        if any(c.isdigit() for c in rest):
            continue
        words = [t for t in analysis.tokens(*credit.span("name")) if not t.is_punct]
        titled = bool(words) and (
            words[0].ent_type_ == "PERSON"
            or words[0].lower_.rstrip(".") in titles
            or (words[0].text.endswith(".") and len(words[0].text) <= ABBREVIATION_CHARS)
        )
        person = titled and any(t.ent_type_ == "PERSON" for t in words)
        # "(Aynur Rzayeva, Chair of ...)": a name of capitalised words, then its title.
        named = len(words) > 1 and all(t.is_title for t in words)
        if person or (named and rest.strip()[:1].isupper()):
            return " ".join(credit["name"].split())
    return None
