"""Enacting clauses of legislative resolutions: "BE IT RESOLVED BY THE SENATE OF THE STATE
OF X", "The National Assembly of X ... resolves", "..., the Committee on X:" over a list of
what it does ("- condemns ...", "- calls on ..."). The body they name is the issuer, anchored
where the text first names it (the resolution's title, as a reader marks it)."""

from __future__ import annotations

import itertools
import re

from spacy.matcher import Matcher
from spacy.tokens import Span, Token

from statement_kg.language import Analysis
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.names import FUNCTION_WORDS, found, name_from, names_body, trim
from statement_kg.structure.zones import Zones

# "This Union": a demonstrative and the noun that heads the body's name.
DEMONSTRATIVE_NAME = 2
_SMALL_WORDS = FUNCTION_WORDS | {"on", "in"}


def _first_occurrence(text: str, name: str) -> tuple[int, int] | None:
    pattern = r"\s+".join(re.escape(w) for w in name.split())
    match = re.search(pattern, text, re.IGNORECASE)
    return match.span() if match else None


def _first_named(
    analysis: Analysis, name: list[Token], mentions: list[Mention], lexicon: Lexicon
) -> list[Found]:
    """The body, anchored where the text first names it; "This Union notes:" names the
    body whose full name a line above ends with the same noun ("Kingsbridge University
    Students' Union")."""
    text = analysis.original
    words = [t for t in name if not t.is_space]
    if len(words) == DEMONSTRATIVE_NAME and words[0].lower_ in {"this", "the"}:
        before = text[: analysis.span_of(name)[0]]
        pattern = rf"^[ \t]*(\S[^\n]*?\s{re.escape(words[1].text)})[ \t]*$"
        for full in re.finditer(pattern, before, re.MULTILINE | re.IGNORECASE):
            # A name: each word capitalised but its small words ("Minutes of the meeting of
            # the Full Council" is a heading).
            if all(w[:1].isupper() or w in _SMALL_WORDS for w in full[1].split()):
                return [found(text, *full.span(1), "enacting clause", mentions, lexicon)]
    at = _first_occurrence(text, analysis.words(name)) or analysis.span_of(name)
    return [found(text, *at, "enacting clause", mentions, lexicon)]


def enacting_clauses(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    cues = lexicon.structure
    analysis = zones.analysis
    matcher = Matcher(analysis.doc.vocab)
    for n, pattern in enumerate(cues.enacting_by):
        matcher.add(f"enacting{n}", [pattern])
    for _, _, end in matcher(analysis.doc):
        start = analysis.doc[end].idx if end < len(analysis.doc) else len(analysis.normalised.text)
        original_start = analysis.normalised.original(start, start + 1)[0]
        sentence = analysis.doc[end].sent
        limit = analysis.span_of(list(sentence))[1]
        name = [t for t in name_from(analysis, original_start, limit, cues) if t.text != ":"]
        if not name:
            continue
        clause = _concurring(sentence, lexicon)
        # The clause comes after the enacted name ("BY THE HOUSE ..., THE SENATE
        # CONCURRING"); one that runs back into it joins no second chamber.
        enacted = trim([t for t in name if clause and t.i < clause[0].i])
        if not clause or not enacted:
            return _first_named(analysis, name, mentions, lexicon)
        name = enacted
        concurs = analysis.span_of(trim(clause))
        return [
            *_first_named(analysis, name, mentions, lexicon),
            found(analysis.original, *concurs, "enacting clause", mentions, lexicon),
        ]
    operative = _operative_list(zones, lexicon, mentions) or _preamble_subject(
        zones, lexicon, mentions
    )
    if operative:
        return operative
    for sentence in analysis.doc.sents:
        for verb in sentence:
            if verb.lemma_.lower() not in cues.enacting_verbs or verb.pos_ != "VERB":
                continue
            # "The Cabinet shall resolve the issues": an instruction to a body, not its act.
            if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
                continue
            subject = [c for c in verb.children if c.dep_ == "nsubj"]
            # "JOINT DECLARATION of ... organisations": a heading names a document.
            if (
                not subject
                or subject[0].pos_ != "PROPN"
                or subject[0].lower_ in cues.document_nouns
            ):
                continue
            name = _own_words(sorted(subject[0].subtree, key=lambda t: t.i), subject[0])
            if not names_body(name, cues.organisation_heads):
                continue
            return _first_named(analysis, name, mentions, lexicon)
    return []


def _concurring(sentence: Span, lexicon: Lexicon) -> list[Token]:
    """ "BE IT RESOLVED BY THE HOUSE ..., THE SENATE CONCURRING THEREIN": the clause that
    names the chamber that concurs, which adopts the resolution too."""
    for word in sentence:
        if word.lower_ not in lexicon.structure.concurring:
            continue
        before = itertools.takewhile(
            lambda t: not t.is_punct, reversed(sentence[: word.i - sentence.start])
        )
        clause = list(before)[::-1]
        if names_body(trim(clause), lexicon.structure.organisation_heads):
            return clause
    return []


# The marks that open an operative paragraph under "the Committee:".
_ITEM = re.compile(r"\s*(?:[-–—•*]|\(?[a-z0-9]{1,3}[.)])\s+")


def _operative_list(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """ "Paying tribute to the victims, the Standing Committee on X:" over "- condemns ...":
    the body before the colon does what each item's verb says."""
    cues = lexicon.structure
    analysis = zones.analysis
    text = analysis.original
    for colon in (t for t in analysis.doc if t.text == ":"):
        _, end = analysis.span_of([colon])
        item = _ITEM.match(text, end + len(text[end:]) - len(text[end:].lstrip()))
        if item is None:
            continue
        first = analysis.tokens(item.end(), item.end() + 40)[:1]
        if not first or first[0].pos_ != "VERB" or first[0].tag_ != "VBZ":
            continue
        before = [t for t in colon.sent if t.i < colon.i]
        commas = [n for n, t in enumerate(before) if t.text == ","]
        name = trim(before[commas[-1] + 1 :] if commas else before)
        if name and names_body(name, cues.organisation_heads):
            return _first_named(analysis, name, mentions, lexicon)
    return []


# What may open a preamble's clause before its first word: a dash, a bullet, "A.", "(a)".
_CLAUSE_MARK = re.compile(r"^\s*(?:[-–—•*]|\(?[A-Za-z0-9]{1,3}[.)])?\s*")


def _preamble_subject(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """ "The House of Representatives of the Republic of X," alone on its line, over "-
    having regard to ...": the body the resolution's one long sentence has as subject."""
    cues = lexicon.structure
    analysis = zones.analysis
    text = analysis.original
    lines = zones.lines
    for line, following in itertools.pairwise(lines):
        if not line.text.endswith(",") or not line.text[:1].isupper():
            continue
        first = _CLAUSE_MARK.sub("", following.text, count=1).split(maxsplit=1)[:1]
        if not first or first[0].lower().strip(",") not in cues.preamble:
            continue
        name = trim([t for t in analysis.tokens(line.start, line.end - 1) if not t.is_space])
        if name and name[0].lower_ in cues.preamble:
            continue  # "Having heard the report of ...,": a clause of the preamble itself
        # "The Assembly," alone refers back to a name given in full above it.
        full = len(name) > 1
        if full and names_body(name, cues.organisation_heads) and name[0].is_title:
            return [found(text, *analysis.span_of(name), "enacting clause", mentions, lexicon)]
    return []


def _own_words(subtree: list[Token], head: Token) -> list[Token]:
    """The subject's name without the clauses the parser hung on it before a comma ("Having
    heard the report of ..., Guided by ..., the Sabail Municipality RESOLVES:")."""
    cuts = [t.i for t in subtree if t.i < head.i and (t.text == "," or "\n" in t.text)]
    # A name runs across no blank line ("JOINT DECLARATION / of ... / Brussels, DATE / We,
    # the undersigned ...": a heading and a date line are no part of it).
    ends = [t.i for t in subtree if t.i > head.i and "\n\n" in t.text]
    return trim(
        [t for t in subtree if (not cuts or t.i > max(cuts)) and (not ends or t.i < min(ends))]
    )
