"""Whether people a number counts were driven from a town or from a wider land: "had to
leave the city" counts people expelled from the place, "were driven out of Azerbaijan",
"the forced displacement of about 350,000 Armenians from ...", "uprooted over a million
more" count the refugees of the wider conflict. The words are mappings/figures.yaml's
`displacement`; the parse gives the verb or noun of driving out and the place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from statement_kg.extract.numbers import NumberExpr
from statement_kg.extract.spans import SpanSet
from statement_kg.language import Analysis
from statement_kg.lexicon import Displacement

if TYPE_CHECKING:
    from spacy.tokens import Token

# How many heads to climb from the number to the word of driving out.
MAX_CLIMB = 5
_SOURCE_PREPS = frozenset({"from", "out"})


def _source(token: Token) -> Token | None:
    """The place a verb or noun of driving out names: "from the city", "out of Azerbaijan",
    "flee Azerbaijan", "leave the city"."""
    for child in token.children:
        if child.dep_ in {"prep", "prt", "advmod"} and child.lower_ in _SOURCE_PREPS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            objects += [g for c in child.children if c.lower_ == "of" for g in c.children]
            if objects:
                return objects[0]
        if child.dep_ == "dobj" and token.lemma_.lower() in {"leave", "flee"}:
            return child
    return None


def _drives(token: Token, words: Displacement) -> bool:
    """A verb of driving out, or one of the nouns that name it ("the expulsion of")."""
    lemma = token.lemma_.lower()
    return lemma in words.lemmas and (token.pos_ != "NOUN" or lemma in words.nouns)


def _driving(number: Token, words: Displacement) -> Token | None:
    """The verb or noun of driving out that governs the number, in its own clause: a verb
    of another meaning stops the climb, though what completes it may drive out ("had to
    leave"); a verb of `active_only` in the passive drives nobody out ("were left")."""
    # "5,379 residents forcibly driven out of the town": a clause on the people counted.
    counted = number.head if number.dep_ in {"nummod", "quantmod"} else number
    for clause in counted.children:
        if clause.dep_ in {"acl", "relcl"} and _drives(clause, words):
            passive = any(c.dep_ == "auxpass" for c in clause.children)
            if not (passive and clause.lemma_.lower() in words.active_only):
                return clause
    node = number
    for _ in range(MAX_CLIMB):
        if node.head.i == node.i:
            return None
        node = node.head
        lemma = node.lemma_.lower()
        if _drives(node, words):
            passive = any(c.dep_ == "auxpass" for c in node.children)
            return None if passive and lemma in words.active_only else node
        if node.pos_ in {"VERB", "AUX"}:
            completing = [c for c in node.children if c.dep_ == "xcomp"]
            return next((c for c in completing if c.lemma_.lower() in words.lemmas), None)
    return None


def displacement_category(
    analysis: Analysis, number: NumberExpr, words: Displacement, towns: SpanSet
) -> str | None:
    """`local` or `wide` for a number of people driven out, None for any other number. A
    place is local when it is a town the mappings list (`towns`, the spans that name one)
    or a common noun not among `wide_places` ("the city"); a country, a land or "their
    homes" is wide. With no place, `local_lemmas` say."""
    tokens = analysis.tokens(number.start, number.end)
    if not tokens or words.local is None or words.wide is None:
        return None
    driving = _driving(tokens[-1], words)
    if driving is None:
        return None
    # The place may hang on the verb, on what completes it ("forced to flee"), or on the
    # counted people ("some 250,000 from Armenia").
    candidates = [driving, *(c for c in driving.children if c.dep_ == "xcomp"), *tokens]
    candidates += [t.head for t in tokens if t.head.pos_ in {"NOUN", "PROPN"}]
    source = next((s for s in map(_source, candidates) if s is not None), None)
    if source is None:
        local = any(c.lemma_.lower() in words.local_lemmas for c in candidates[:2])
    else:
        start, _ = analysis.span_of([source])
        common = source.pos_ == "NOUN" and source.lemma_.lower() not in words.wide_places
        local = common or towns.holds(start)
    return words.local if local else words.wide
