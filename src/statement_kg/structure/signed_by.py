"""Who a report says signed the text it carries ("The declaration was signed by AK Party group
chairman NAME, CHP group deputy chairman NAME and ..."): the signers are its issuers, the
report's description of them ("Four political party groups") no more than a summary."""

from __future__ import annotations

from spacy.tokens import Token

from statement_kg.extract.quotations import quoted_spans
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.names import found, trim
from statement_kg.structure.zones import Zones

# What stands between the names of a list ("X, Y and Z").
_BETWEEN = frozenset({",", ";", "and", "&"})
# A day or a time in the sentence says when some other text was signed ("was signed by X,
# Y and Z in November 2008", "on Monday"), not the one the report carries.
_WHEN = frozenset({"DATE", "TIME"})


def _chain(head: Token) -> set[int]:
    """The names the parser joins to the first as conjuncts, however deep."""
    chain, todo = set(), [head]
    while todo:
        token = todo.pop()
        chain.add(token.i)
        todo += [c for c in token.children if c.dep_ == "conj"]
    return chain


def _listed(head: Token) -> list[list[Token]]:
    """ "X, Y and Z": the names the list after "by" gives, each with its title, cut where a
    comma or "and" joins two of its names (not inside one: "the Ministry of Labour and
    Social Protection")."""
    joined = _chain(head)
    names: list[list[Token]] = [[]]
    for token in sorted(head.subtree, key=lambda t: t.i):
        if token.lower_ in _BETWEEN and token.head.i in joined:
            names.append([])
        else:
            names[-1].append(token)
    return [trimmed for name in names if (trimmed := trim(name))]


def signed_by(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The names after "by" where a sentence of the report, outside the quoted text, says
    the text was signed, each with the title the sentence gives it; none where it says when
    (another text's signing) or names no one."""
    cues = lexicon.structure
    analysis = zones.analysis
    quoted = quoted_spans(analysis.original)
    for verb in analysis.doc:
        if verb.lemma_.lower() not in cues.signed_verbs or verb.pos_ != "VERB":
            continue
        texts = [c for c in verb.children if c.dep_ == "nsubjpass"]
        agents = [c for c in verb.children if c.dep_ == "agent"]
        if not texts or texts[0].lemma_.lower() not in cues.reads_nouns or not agents:
            continue
        named = [c for c in agents[0].children if c.dep_ == "pobj"]
        start, _ = analysis.span_of([verb])
        if (
            not named
            or named[0].pos_ != "PROPN"
            or any(a <= start < b for a, b in quoted)
            or any(t.ent_type_ in _WHEN for t in verb.sent)
        ):
            continue
        text = analysis.original
        return [
            found(text, *analysis.span_of(words), "signed by", mentions, lexicon)
            for words in _listed(named[0])
        ]
    return []
