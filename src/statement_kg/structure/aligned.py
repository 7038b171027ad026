"""The states that join a statement issued by another: "The Candidate Countries North
Macedonia*, Montenegro* ..., as well as Georgia, align themselves with this declaration."
Each state the sentence names before its verb is an issuer of the statement as well."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.names import found
from statement_kg.structure.zones import Zones

_REFLEXIVES = frozenset({"themselves", "itself"})
# The word a list of states puts before a name ("The Candidate Countries North Macedonia").
_COUNTRY_WORDS = frozenset({"country", "countries"})
# The marks a list of states sets after a name that a note explains ("Albania*").
_MARKS = "*†"


def aligned(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The states a sentence of joining names, in its order."""
    cues = lexicon.structure
    analysis = zones.analysis
    for token in analysis.doc:
        if not _joins(token, cues.document_nouns, cues.joining_verbs):
            continue
        # The states from where the verb's subject opens, not others a clause before it
        # names ("Recalling the attacks on X by Y, Z and W align ...").
        subject = [t.i for c in token.children if c.dep_ == "nsubj" for t in c.subtree]
        opens = min(subject, default=token.i)
        sentence = token.sent
        states = _states(sentence, token)
        recognised = {t.i for run in states for t in run}
        names = [
            run
            for run in [*states, *_after_countries(sentence, token, recognised)]
            if run[0].i >= opens
        ]
        unique = {" ".join(t.text for t in run): run for run in names}
        return [
            found(
                analysis.original,
                *_unmarked(analysis.original, *analysis.span_of(run)),
                "aligned",
                mentions,
                lexicon,
            )
            for run in sorted(unique.values(), key=lambda run: run[0].i)
        ]
    return []


def _unmarked(text: str, start: int, end: int) -> tuple[int, int]:
    """A name without the note's mark after it, on its last word ("Macedonia*") or set
    apart ("Herzegovina *")."""
    while end > start and (text[end - 1] in _MARKS or text[end - 1].isspace()):
        end -= 1
    return start, end


def _joins(verb: Token, documents: frozenset[str], verbs: frozenset[str]) -> bool:
    """ "align themselves with this declaration": the verb, a reflexive object and the
    document it joins."""
    # The sentence's own verb: not "X and Y associate themselves with this statement, the
    # ministry said", a report of others joining.
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs or verb.dep_ != "ROOT":
        return False
    reflexive = any(c.lower_ in _REFLEXIVES for c in verb.children)
    # "this declaration": the text itself, not one a news story reports others joined.
    joined = any(
        c.lower_ == "with"
        and any(
            g.lower_ in documents and any(d.lower_ == "this" for d in g.children)
            for g in c.children
        )
        for c in verb.children
    )
    return reflexive and joined


def _states(sentence: SpacySpan, verb: Token) -> list[list[Token]]:
    """The states the recogniser finds before the verb, without an article ("the Republic
    of Moldova")."""
    return [
        words
        for entity in sentence.ents
        if entity.label_ == "GPE" and entity.end <= verb.i
        if (words := _unarticled(list(entity)))
    ]


def _after_countries(sentence: SpacySpan, verb: Token, recognised: set[int]) -> list[list[Token]]:
    """A name right after "Countries" that the recogniser ran into the words before it
    ("The Candidate Countries North Macedonia*"); `recognised`: the tokens of the states
    it found."""
    runs = []
    for token in sentence:
        if token.i >= verb.i or token.lower_ not in _COUNTRY_WORDS:
            continue
        run = []
        for following in token.doc[token.i + 1 : verb.i]:
            if following.pos_ != "PROPN" or following.i in recognised:
                break
            run.append(following)
        if run:
            runs.append(run)
    return runs


def _unarticled(words: list[Token]) -> list[Token]:
    """A state's name without its article."""
    while words and words[0].lower_ == "the":
        words = words[1:]
    return words
