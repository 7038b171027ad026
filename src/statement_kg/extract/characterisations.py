"""Characterisations: the terms a statement uses for an event. Whose term it is (the
issuer's own, another party's, denied) is read from the parse by extract.voice, and the
event it concerns by extract.scope."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from statement_kg.extract.spans import SentenceIndex, SpanSet, make_span
from statement_kg.language import Analysis
from statement_kg.lexicon import ClaimWords
from statement_kg.records import Characterisation
from statement_kg.structure.zones import QUOTES

# How far before a term a word that makes it generic ("crimes such as") is looked for.
GENERIC_WINDOW = 120


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def find_characterisations(
    text: str,
    words: ClaimWords,
    excluded: list[tuple[int, int]],
    index: SentenceIndex,
    analysis: Analysis,
) -> list[Characterisation]:
    """Terms are looked for in the normalised text, so a word split at a line's end
    ("geno-\ncide") is found; each span is the original's."""
    normalised = analysis.normalised
    found: list[Characterisation] = []
    taken = SpanSet()
    outside = SpanSet(excluded)
    for term in words.terms.values():
        for phrase in term.phrases:
            for match in _rx(rf"(?<!\w)(?:{phrase})(?!\w)").finditer(normalised.text):
                start, end = normalised.original(*match.span())
                if outside.holds(start) or taken.overlaps(start, end):
                    continue
                taken.add(start, end)
                s_start, _ = index.around(start)
                left = text[max(s_start, start - GENERIC_WINDOW) : start]
                if any(_rx(p).search(left) for p in words.generic):
                    continue
                found.append(
                    Characterisation(
                        term=term.id,
                        span=make_span(text, start, end),
                        event=None,
                    )
                )
    found = _without_occasions(analysis, found, words.occasion_words)
    return sorted(found, key=lambda c: c.span.start)


def _without_occasions(
    analysis: Analysis, found: list[Characterisation], occasion_words: frozenset[str]
) -> list[Characterisation]:
    """The terms, without the neutral "events" that name occasions ("a plan of events",
    "the event was organised by the embassy"): no one characterises what happened there."""
    kept = []
    for characterisation in found:
        tokens = analysis.tokens(characterisation.span.start, characterisation.span.end)
        if characterisation.term == "events" and tokens and _occasion(tokens[-1], occasion_words):
            continue
        kept.append(characterisation)
    return kept


def _occasion(noun: Token, words: frozenset[str]) -> bool:
    # "Opening the event, ...", "At the end of the event": one event, no word saying what
    # kind, in no quotation marks, is the occasion the text reports ("a war event", "the
    # tragic event" say what happened).
    # "an event which X describes as ...", "the event itself" point at what happened.
    pointed = any(
        c.dep_ in {"amod", "compound"}
        or c.lower_ in {"an", "itself"}
        # "This event must be recognised as ...", not a page's "ABOUT THIS EVENT".
        or (c.lower_ in {"this", "that"} and not noun.is_upper)
        or (c.dep_ == "relcl" and any(w.tag_ in {"WDT", "WP"} for w in c.children))
        for c in noun.children
    )
    # "after the event", "since the event": the time of what happened.
    timed = noun.dep_ == "pobj" and noun.head.lower_ in {"after", "since", "before"}
    bare = noun.lower_ == "event" and not pointed and not timed
    quoted = noun.i > 0 and noun.doc[noun.i - 1].text in QUOTES
    if bare and not quoted:
        return True
    near = [noun, noun.head, *noun.children]
    near += [g for c in noun.children if c.dep_ == "prep" for g in c.children]
    if noun.dep_ == "pobj":  # "a plan of events"
        near.append(noun.head.head)
    return any(t.lemma_.lower() in words for t in near)
