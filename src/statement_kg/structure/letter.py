"""A letter's own head ("Letter dated 25 February 2025 from the Permanent Representative of
X to the United Nations addressed to the Secretary-General"): its sender and addressee; and
the statement it transmits ("I have the honour to transmit herewith the statement of the
Ministry of ..."), whose issuer is an issuer of the document too, named again by the
annexed statement's own heading."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from statement_kg.language import BLANK_LINE
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.names import announces_issuer, found, name_from, names_body, trim
from statement_kg.structure.zones import Zones

# A letter's own heading comes first, within this many characters.
LETTER_HEAD_CHARS = 3000
# The annexed text's heading follows the annex line (which may wrap) within a few lines.
ANNEX_LINES = 4


@dataclass(frozen=True)
class LetterHead:
    sender: Found | None
    addressee: Found | None
    transmitted: list[Found]


def _letter_sentence(zones: Zones, lexicon: Lexicon) -> list[Token]:
    """The letter's own heading, from "Letter dated" to the end of its sentence; an annex's
    "the letter dated ..." later on is another's."""
    cues = lexicon.structure
    for sentence in zones.analysis.doc.sents:
        if zones.analysis.span_of(list(sentence))[0] > LETTER_HEAD_CHARS:
            break
        tokens = list(sentence)
        for i, token in enumerate(tokens[:-1]):
            if (
                token.lemma_.lower() in cues.letter_nouns
                and tokens[i + 1].lower_ == cues.letter_dated
                and (i == 0 or tokens[i - 1].is_space or "\n" in tokens[i - 1].whitespace_)
            ):
                # The heading may wrap onto centred lines; a blank line ends it.
                heading = tokens[i:]
                ends = [n for n, t in enumerate(heading) if BLANK_LINE.search(t.text_with_ws)]
                # With no blank line after it, the heading ends with its line.
                ends = ends or [n for n, t in enumerate(heading) if "\n" in t.text_with_ws]
                return trim(heading[: ends[0]]) if ends else heading
    return []


def _between(sentence: list[Token], after: str, before: str | None) -> list[Token]:
    words = [t.lower_ for t in sentence]
    if after not in words:
        return []
    start = words.index(after) + 1
    end = words.index(before, start) if before and before in words[start:] else len(words)
    return trim(list(sentence[start:end]))


def letter_head(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> LetterHead | None:
    cues = lexicon.structure
    sentence = _letter_sentence(zones, lexicon)
    if not sentence:
        return None
    analysis = zones.analysis
    text = analysis.original
    sender_tokens = _between(sentence, cues.letter_sender, cues.letter_addressee)
    addressee_tokens = _between(sentence, cues.letter_addressee, None)
    if addressee_tokens and addressee_tokens[0].lower_ == "to":
        addressee_tokens = trim(addressee_tokens[1:])
    sender = (
        found(text, *analysis.span_of(sender_tokens), "letter head", mentions, lexicon)
        if sender_tokens
        else None
    )
    addressee = (
        found(text, *analysis.span_of(addressee_tokens), "letter head", mentions, lexicon)
        if addressee_tokens
        else None
    )
    issuers = annexed(zones, lexicon, mentions) or transmitted(zones, lexicon, mentions)
    return LetterHead(sender, addressee, issuers)


def transmitted(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The issuer of what the letter transmits: "transmit ... the statement of X"."""
    cues = lexicon.structure
    analysis = zones.analysis
    for sentence in analysis.doc.sents:
        for verb in sentence:
            if verb.lemma_.lower() not in cues.transmit:
                continue
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                for prep in (c for c in obj.children if c.lower_ == "of"):
                    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                        name = trim(sorted(pobj.subtree, key=lambda t: t.i))
                        if names_body(name, cues.organisation_heads):
                            span = analysis.span_of(name)
                            return [
                                found(analysis.original, *span, "transmitted", mentions, lexicon)
                            ]
        if analysis.span_of(list(sentence))[0] > zones.body_start + 2000:
            break
    return []


def annexed(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The issuer the annexed text's heading names, under the annex line ("Annex to the
    letter dated ..." then "Statement of the Ministry of X on ..."): where the reader of a
    circulated letter finds who issued what it transmits."""
    cues = lexicon.structure
    analysis = zones.analysis
    lines = zones.lines
    for n, line in enumerate(lines):
        first = analysis.tokens(line.start, line.end)[:1]
        if not first or first[0].lemma_.lower() not in cues.annex or not first[0].is_title:
            continue
        for heading in lines[n + 1 : n + 1 + ANNEX_LINES]:
            tokens = [t for t in analysis.tokens(heading.start, heading.end) if not t.is_space]
            # "Statement of the Ministry of X", or under the annex line any text's heading
            # that names where it comes from ("Information from the Prosecutor General's
            # Office of X on ...").
            sourced = len(tokens) > 2 and tokens[0].is_title and tokens[1].lower_ == "from"
            if len(tokens) > 2 and (announces_issuer(tokens, cues) or sourced):
                start = analysis.span_of([tokens[1]])[1]
                name = trim(name_from(analysis, start, len(analysis.original), cues))
                if name and names_body(name, cues.organisation_heads):
                    span = analysis.span_of(name)
                    return [found(analysis.original, *span, "annex heading", mentions, lexicon)]
    return []
