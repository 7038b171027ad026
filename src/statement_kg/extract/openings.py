"""Attributions that open a clause of a sentence ("According to X, A ..., B ... and C
..."): what follows them is in that party's voice, however the parser hangs the clauses."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span as SentenceSpan
    from spacy.tokens import Token

# Tokens after `first` and before `last` are in the voice of the party named.
Opening = tuple[int, int, tuple["Token", ...]]


def openings_of(
    sentence: SentenceSpan,
    phrases: tuple[str, ...],
    nouns: frozenset[str],
    paragraph: Callable[[Token], int],
) -> list[Opening]:
    """The attributions that open a clause of the sentence ("According to X, ..."), or
    follow what only sets the scene ("WHEREAS, in the Khojaly massacre, according to X,
    ..."; no verb before it, a comma right before it), each covering what follows to its
    paragraph's end (the parser may run a paragraph ending "; and" into the next: each
    paragraph opens) or to a clause whose subject is a party of its own ("..., and the
    Council considers this a crime": the Council's own). `paragraph` numbers a token's
    paragraph."""
    tokens = [t for t in sentence if not t.is_space]
    words = [t.lower_ for t in tokens]
    breaks = [n for n in range(1, len(tokens)) if paragraph(tokens[n]) != paragraph(tokens[n - 1])]
    verbs = [n for n, t in enumerate(tokens) if t.pos_ in {"VERB", "AUX"}]
    starts = [0, *breaks, *(n + 1 for n, w in enumerate(words) if w == ",")]
    openings = [
        n for n in starts if not any(max(b for b in [0, *breaks] if b <= n) <= v < n for v in verbs)
    ]
    found: list[Opening] = []
    for phrase in phrases:
        length = len(phrase.split())
        for start in openings:
            end = start + length
            if " ".join(words[start:end]) != phrase or "," not in words[end:]:
                continue
            comma = words.index(",", end)
            stops = [tokens[b].i for b in breaks if b > start]
            stops += [t.i for t in tokens[comma:] if _party_subject(t, nouns)]
            last = min(stops, default=tokens[-1].i + 1)
            found.append((tokens[comma].i, last, tuple(tokens[end:comma])))
    return found


def _party_subject(verb: Token, nouns: frozenset[str]) -> bool:
    """A verb whose subject is a party that can speak: a name, or a noun of `nouns` ("the
    Council", "the Ministry"); "hundreds were injured" and "proceedings were instituted"
    go on in the attribution's voice."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ in {"aux", "auxpass"}:
        return False
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    # "some 1,100 witnesses questioned": those counted, not a party speaking.
    counted = any(t.like_num for c in subjects for t in c.subtree)
    return not counted and any(s.pos_ == "PROPN" or s.lemma_.lower() in nouns for s in subjects)
