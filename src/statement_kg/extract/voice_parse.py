"""The parse facts whose voice a claim is in depends on: the path from a claim up to the
word that governs it, a verb's subject (or the one it shares), whether a clause states a
fact, whether a word is the content of a verb of saying. Pure functions of the parse."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# How far up the parse the subject a participle shares is looked for.
MAX_CLIMB = 6


# The tags of a finite verb: past, and present in the third person or not.
FINITE = frozenset({"VBD", "VBZ", "VBP"})


def nearest_first(verb: Token, tokens: Iterable[Token]) -> list[Token]:
    """Words that hang on a verb, those before it from the nearest back, then those after."""
    return sorted(tokens, key=lambda t: (t.i > verb.i, abs(t.i - verb.i)))


def path_to(head: Token, child: Token) -> list[Token]:
    """The tokens from a claim's head up to `child`, both included."""
    path = [head]
    while path[-1].i != child.i and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def folded(words: str) -> str:
    """Words compared without case or accents ("TÜRKİYE" and "Türkiye" are one name)."""
    decomposed = unicodedata.normalize("NFKD", words.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_words(name: str) -> list[str]:
    """A name's words, folded and without the brackets and marks around them."""
    return [w for w in (w.strip("().,'’\"") for w in folded(name).split()) if w]


def counts(head: Token) -> bool:
    """Whether a claim's phrase is a number ("200", "200 dead", "from 200 to 1,000")."""
    return head.like_num or any(c.like_num or c.dep_ == "nummod" for c in head.children)


def verbal(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun that has a subject of its own, or heads
    its clause ("Armenia rejects ...", "Baku persistently speculates with ...": a verb in -s
    read as a plural noun, its subject then as a compound)."""
    if token.pos_ in {"VERB", "AUX"}:
        return True
    return token.pos_ == "NOUN" and (
        any(c.dep_ == "nsubj" for c in token.children)
        or (
            token.dep_ == "ROOT"
            and token.tag_ == "NNS"
            and any(c.dep_ == "advmod" for c in token.children)
        )
    )


def antecedent(subject: Token) -> Token:
    """ "Armenia has never denied ... It rejects ...": the subject of the sentence before,
    which "it" or "they" opening a sentence stands for."""
    sentence = subject.sent
    if subject.lower_ not in {"it", "they"} or subject.i != sentence.start or sentence.start == 0:
        return subject
    before = subject.doc[sentence.start - 1].sent
    named = [c for c in before.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return named[0] if named and named[0].pos_ in {"PROPN", "NOUN"} else subject


def contrasted(token: Token) -> bool:
    """'not an isolated outburst but the opening of ...': what follows "but" is asserted."""
    return token.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ in {"but", "rather"} for c in token.head.children
    )


def is_content(child: Token, kinds: frozenset[str], head: Token) -> bool:
    """Whether the claim is what the verb reports (its clause, its object, the name it
    gives), not a topic ("reported on the genocide"). The name of an event used to refer
    to it in a reported clause ("claims that the Khojaly massacre was committed by") is
    the issuer's wording, not the reported party's. What a verb of saying speaks "of" is
    what it reports ("spoke of 200 dead")."""
    # "put the toll at 613", "arrived at 485 dead": the measure a verb of saying gives.
    if child.dep_ == "prep" and child.lower_ not in {"as", "of", "at"}:
        return False
    if child.dep_ not in kinds and child.dep_ != "prep":
        return False
    named = any(
        (c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" or c.pos_ == "PROPN"
        for c in head.children
    )
    return not (head.dep_ in SUBJECTS and named and head.head.i == child.i)


def asserted(verb: Token) -> bool:
    """A negated verb denies only when it states a fact ("there was no genocide"), not a
    wish or a warning ("must never happen again")."""
    if any(c.lower_ == "again" for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False
    return verb.tag_ in {"VBD", "VBZ", "VBN"} or verb.lemma_ == "be"


def subject_of(verb: Token) -> Token | None:
    """A verb's subject, or the one it shares: a conjunct's ("denies ... but even claims
    that"), a participle's ("parliaments adopted resolutions ... recognizing it as").
    Not an infinitive's: "calls on others to recognise it as" is the caller's wish."""
    for _ in range(MAX_CLIMB):
        subject = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if verb.pos_ == "NOUN":  # a verb read as a noun: its subject read as a compound
            subject += [c for c in verb.children if c.dep_ == "compound" and c.i < verb.i]
        if subject:
            # A form of address run into the sentence ("Mr. Chairman, ... the
            # authorities still try"): the subject nearest the verb.
            return nearest_first(verb, subject)[0]
        if verb.dep_ == "xcomp" and subject_controls(verb.head):
            verb = verb.head  # "they try to present it as": the trying subject's
            continue
        # "have failed ... but keep presenting": a base form coordinated with a finite
        # verb shares its subject; an infinitive ("to recognise") has none of its own.
        infinitive = verb.tag_ == "VB" and (
            verb.dep_ != "conj" or any(c.lower_ == "to" for c in verb.children)
        )
        if verb.dep_ not in {"conj", "pcomp", "acl", "advcl"} or infinitive:
            return None
        verb = verb.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
    return None


def subject_controls(verb: Token) -> bool:
    """ "try to present": the subject does the infinitive's act; "urges others to
    recognise", "calls on them to": an object or a preposition's object does."""
    return verb.pos_ in {"VERB", "AUX"} and not any(
        c.dep_ in {"dobj", "iobj"} or (c.dep_ == "prep" and c.lower_ != "as") for c in verb.children
    )


def stranded_subject(verb: Token) -> list[Token]:
    """The subject of a finite verb the parser left without one ("the Court, in its
    judgment in X v. Y (application no. ...), found that"): the first noun phrase of the
    verb's clause, from the sentence's start or the last coordinating word or ";" before the
    verb, up to the first mark that opens an aside. Not a phrase a verb before it governs
    ("Having examined the report of the mission, Finds that ...")."""
    if verb.tag_ not in FINITE:
        return []
    start = verb.sent.start
    for token in verb.doc[verb.sent.start : verb.i]:
        if token.dep_ == "cc" or token.text == ";":
            start = token.i + 1
    chunks = [c for c in verb.sent.noun_chunks if start <= c.start and c.end <= verb.i]
    governed = chunks and (
        chunks[0].root.dep_ in {"dobj", "pobj", "attr"}
        or any(t.pos_ == "VERB" for t in verb.doc[start : chunks[0].start])
    )
    if not chunks or governed:
        return []
    phrase: list[Token] = []
    for token in verb.doc[chunks[0].start : verb.i]:
        if token.is_punct:
            break
        phrase.append(token)
    return phrase
