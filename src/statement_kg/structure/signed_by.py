"""Who a report says signed the text it carries ("The declaration was signed by AK Party group
chairman NAME, CHP group deputy chairman NAME and ..."): the signers are its issuers, the
report's description of them ("Four political party groups") no more than a summary."""

from __future__ import annotations

from spacy.tokens import Token

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.names import found, trim
from statement_kg.structure.zones import Zones

# What stands between the names of a list ("X, Y and Z").
_BETWEEN = frozenset({",", ";", "and", "&"})


def _listed(head: Token) -> list[list[Token]]:
    """ "X, Y and Z": the names the list after "by" gives, each with its title, cut where
    a comma or "and" stands between them (the parser's chain of conjuncts is not always
    one)."""
    names: list[list[Token]] = [[]]
    for token in sorted(head.subtree, key=lambda t: t.i):
        if token.lower_ in _BETWEEN and token.dep_ in {"punct", "cc"}:
            names.append([])
        else:
            names[-1].append(token)
    return [trimmed for name in names if (trimmed := trim(name))]


def signed_by(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The names after "by" where a sentence says the text was signed, each with the
    title the sentence gives it; none where it names no person or body."""
    cues = lexicon.structure
    analysis = zones.analysis
    for verb in analysis.doc:
        if verb.lemma_.lower() not in cues.signed_verbs or verb.pos_ != "VERB":
            continue
        texts = [c for c in verb.children if c.dep_ == "nsubjpass"]
        agents = [c for c in verb.children if c.dep_ == "agent"]
        if not texts or texts[0].lemma_.lower() not in cues.reads_nouns or not agents:
            continue
        named = [c for c in agents[0].children if c.dep_ == "pobj"]
        if not named or named[0].pos_ != "PROPN":
            continue
        text = analysis.original
        return [
            found(text, *analysis.span_of(words), "signed by", mentions, lexicon)
            for words in _listed(named[0])
        ]
    return []
