"""Works a statement cites by describing them ("the relevant UN Security Council
resolutions", "the report of the OIC fact-finding mission"): noun phrases the parse heads
with a word for an instrument, that say whose or which works they are. They are citations
without an identifier; a work named by its identifier is found elsewhere and wins."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from statement_kg.extract.dates import MONTHS
from statement_kg.extract.spans import Nearby, make_span, nearby_mentions
from statement_kg.language import Analysis
from statement_kg.lexicon import CitationWords
from statement_kg.records import DescribedCitation, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

_MODIFIERS = frozenset({"compound", "amod", "nummod", "det", "poss", "nmod"})
# "resolutions of the Security Council", "the report by the mission".
_OF = frozenset({"of", "by", "from"})
# The entity types of the place a declaration may be named for (the recogniser may take the
# whole for a law's name).
_PLACES = frozenset({"GPE", "LOC", "FAC", "LAW"})
# Longer descriptions run on into what the work says, not which work it is.
MAX_TOKENS = 14
# A description right before or after works named by identifier introduces them
# ("the Security Council resolutions 822, 853, 874 and 884").
NAMED_GAP = 20
# Words set apart by a column's gap are a menu's or a table's cells ("Home  Biography
# Decrees"), no description.
_CELL_GAP = re.compile(r"\S[ \t]{2,}\S")
# A heading line goes on for fewer words than this after the description.
HEADING_WORDS = 4


def _phrase(head: Token) -> list[Token]:
    """The head noun with what says which work it is (not a clause that goes on)."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in _MODIFIERS or (child.dep_ == "prep" and child.lower_ in _OF):
            tokens += list(child.subtree)
        elif child.dep_ == "acl":
            # "the resolutions adopted by the Security Council (in 1993)": who made them and
            # when, not what they go on to say.
            which = [g for g in child.children if g.dep_ == "agent" or _dated(g)]
            tokens += [child, *(t for g in which for t in g.subtree)] if which else []
    return sorted(tokens, key=lambda t: t.i)


def _named_instrument(token: Token) -> bool:
    """A capitalised instrument the tagger takes for a name: a plural ("previous Final
    Communiques"), or one whose issuer follows ("the Final Communiqué of the Fourteenth
    Islamic Summit"); a capitalised singular alone is a heading's ("Oklahoma Resolution")."""
    if token.pos_ != "PROPN":
        return False
    # "the Islamabad Declaration", "the Alma-Ata Declaration": a declaration named for the
    # place it was signed in.
    placed = any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in _PLACES
        for c in token.children
    )
    return (
        token.tag_ == "NNPS"
        or (placed and token.lemma_.lower() == "declaration")
        or any(
            c.dep_ == "prep" and c.lower_ in _OF and any(g.pos_ == "PROPN" for g in c.subtree)
            for c in token.children
        )
    )


def _dated(token: Token) -> bool:
    """ "in 1993": a preposition whose object is a date."""
    return token.dep_ == "prep" and any(
        g.dep_ == "pobj" and g.ent_type_ == "DATE" for g in token.children
    )


def _one_work(head: Token) -> bool:
    """ "its resolution of 5 October 2023", "its 1992 report": one work, which its day, or
    its owner and year, says."""
    of_day = any(
        g.ent_type_ == "DATE" and g.lower_ in MONTHS
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.subtree
    )
    owned = any(c.dep_ == "poss" for c in head.children)
    dated = any(c.ent_type_ == "DATE" and c.like_num for c in head.children if c.i < head.i)
    return of_day or (owned and dated)


def _introduces(text: str, start: int, end: int, taken: Nearby[tuple[int, int]]) -> bool:
    """Whether the description runs into works named by identifier, with no word between
    ("the Security Council resolutions 822, 853"): one citation, not two. "The relevant
    resolutions, including resolution No. 10/48" are two."""
    for a, b in taken.near(start, end, NAMED_GAP):
        if a < end and start < b:
            return True
        gap = text[end:a] if a >= end else text[b:start]
        if len(gap) < NAMED_GAP and not re.search(r"[A-Za-z]{2,}", gap):
            return True
    return False


def _heading(text: str, start: int, end: int) -> bool:
    """A description that stands on a line of its own is the document's own heading ("A
    RESOLUTION OF THE SENATE"), not a citation; one that opens a sentence of prose is."""
    end = start + len(text[start:end].rstrip())  # a phrase the parse ran on to a line break
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)]
    words = text[start:end]
    # Its line is its own from its start, or from a line break inside it ("ONTARIO\nOfficial
    # Report of Debates (Hansard)").
    before = text[line_start:start].strip(" \t#*")
    opens_line = not before or ("\n" in words and not any(c.islower() for c in before))
    # A line whose sentence runs on to the next ("... in 1993\nremain unimplemented").
    following = text[line_end + 1 : line_end + 2] if line_end >= 0 else ""
    runs_on = following.islower()
    return (
        (
            opens_line
            and len(rest.split()) < HEADING_WORDS
            and not rest.rstrip().endswith(".")
            and not runs_on
        )
        or "\n\n" in words
        or sum(c.isupper() for c in words) > sum(c.islower() for c in words)
    )


def _by_un(analysis: Analysis, head: Token, lowered: str, words: CitationWords) -> bool:
    """Whether a UN organ made the resolutions: the description names one, or says "its"
    or "their" after one in its sentence ("the Security Council, in its resolutions")."""
    if any(f" {organ} " in f" {lowered} " for organ in words.un_organs):
        return True
    # "the Security Council adopted four resolutions", "the Security Council demanded ...
    # in four resolutions": the organ that made them is the subject of the verb they are the
    # object of, or of the verb that did something in them.
    verb = head.head if head.dep_ == "dobj" else None
    prep = head.head if head.dep_ == "pobj" and head.head.lower_ == "in" else None
    if prep is not None:
        # "demanded the withdrawal ... in four resolutions": "in" on the verb or its object.
        holder = prep.head
        verb = holder if holder.pos_ == "VERB" else None
        if holder.dep_ == "dobj" and holder.head.pos_ == "VERB":
            verb = holder.head
    if verb is not None:
        subject = " ".join(t.lower_ for c in verb.children if c.dep_ == "nsubj" for t in c.subtree)
        if any(f" {organ} " in f" {subject} " for organ in words.un_organs):
            return True
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
        return False
    before = " ".join(t.lower_ for t in head.sent if t.i < head.i)
    return any(f" {organ} " in f" {before} " for organ in words.un_organs)


def _by_court(
    tokens: list[Token], inside: list[Mention], words: CitationWords, courts: frozenset[str]
) -> bool:
    """Whether a description names a court: by a word ("Court", "ICJ"), or a court the
    mappings know."""
    return any(
        t.lower_ in words.court_words or t.lemma_.lower() in words.court_words for t in tokens
    ) or any(m.entity in courts for m in inside)


def find_described(
    analysis: Analysis,
    words: CitationWords,
    named: list[Mention],
    agents: list[Mention],
    courts: frozenset[str] = frozenset(),
) -> list[DescribedCitation]:
    """The works cited by description; `courts` are the agents that are courts, whose
    orders are court judgments (another's order is an act)."""
    text = analysis.original
    # Each description asks only the works and agents near it: all of them is quadratic.
    taken = Nearby([(m.span.start, m.span.end) for m in named], lambda span: span)
    near_agents = nearby_mentions(agents)
    found: list[DescribedCitation] = []
    for token in analysis.doc:
        kind = words.works.get(token.lemma_.lower())
        if kind is None and token.pos_ == "PROPN" and token.tag_ == "NNPS":
            # "previous Final Communiques": a capitalised plural the tagger takes for a name.
            kind = words.works.get(token.lower_.removesuffix("s"))
        if kind is None or not (token.pos_ == "NOUN" or _named_instrument(token)):
            continue
        if any(c.dep_ == "det" and c.lower_ in {"this", "the present"} for c in token.children):
            continue  # the document itself
        tokens = _phrase(token)
        start, end = analysis.span_of(tokens)
        if (
            len(tokens) > MAX_TOKENS
            or ("\n" not in text[start:end] and _CELL_GAP.search(text, start, end))
            or _heading(text, start, end)
            or _introduces(text, start, end, taken)
        ):
            continue
        lowered = " ".join(text[start:end].lower().split())
        inside = [
            m for m in near_agents.near(start, end) if start <= m.span.start and m.span.end <= end
        ]
        issuer = bool(inside) or any(t.pos_ == "PROPN" and t.ent_type_ != "DATE" for t in tokens)
        which = any(t.lower_ in words.determiners or t.ent_type_ == "DATE" for t in tokens)
        if not (issuer or (which and token.tag_ == "NNS") or _one_work(token)):
            continue
        act = token.lemma_.lower() in words.court_or_act
        if act and issuer and not _by_court(tokens, inside, words, courts):
            kind = "other"
        if kind == "resolution":
            kind = "un_resolution" if _by_un(analysis, token, lowered, words) else "other"
        taken.add((start, end))
        found.append(DescribedCitation(kind, make_span(text, start, end)))
    return found
