"""A figure's category from the parse of its phrase, when no cue of mappings/figures.yaml
matches near it: the verb of its clause and what completes the verb ("were taken hostage",
"went missing", "claimed 613 lives"), a relative clause on what it counts ("persons who
went missing"), then the noun it counts ("613 victims", "150 of the
residents"). The cue may be far from the number ("412 residents, among them 40 children and
55 women, were shot dead"): the parse links them where characters cannot."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from statement_kg.extract.numbers import NumberExpr
from statement_kg.language import Analysis
from statement_kg.records import Concept

if TYPE_CHECKING:
    from spacy.tokens import Token

_NUMBER_DEPS = frozenset({"nummod", "quantmod", "amod", "compound", "npadvmod"})
_COMPLEMENTS = frozenset({"oprd", "dobj", "acomp", "attr", "xcomp", "prt"})
# The parser often hangs "missing" in "who went missing" as an adverbial clause.
_RELATIVE_COMPLEMENTS = _COMPLEMENTS | {"advcl"}
# The prepositions that say what state a clause leaves people in.
_STATE_PREPS = frozenset({"as", "in", "into"})
# "Among the dead were 63 children": the group a clause sets the people counted in.
_GROUP_PREPS = frozenset({"among"})
# How many heads to climb from the counted noun to its clause's verb.
MAX_CLIMB = 4


def _counted(token: Token) -> Token:
    """The noun a number counts: '613 victims' -> victims; '613 were killed' -> 613."""
    if token.dep_ in _NUMBER_DEPS and token.head.pos_ in {"NOUN", "PROPN", "ADJ"}:
        return token.head
    return token


def _of_nouns(token: Token) -> list[str]:
    """'150 of the residents', 'twenty percent of the territory'."""
    return [
        grandchild.lemma_.lower()
        for child in token.children
        if child.dep_ == "prep" and child.lower_ == "of"
        for grandchild in child.children
        if grandchild.dep_ == "pobj"
    ]


def _state(verb: Token, noun: Token) -> list[str]:
    """The state a clause leaves the people counted in: "were carried off as hostages",
    "remain in detention"; not what it says of its object ("recognised the events as a
    massacre"). The people counted as the object are left in it, whatever else the parser
    makes an object ("hold 23 Armenians, among them former leaders, in detention")."""
    if noun.dep_ != "dobj" and any(c.dep_ == "dobj" and c != noun for c in verb.children):
        return []
    return [
        g.lemma_.lower()
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in _STATE_PREPS
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _lemmas(noun: Token, quantities: frozenset[str], remains: frozenset[str]) -> list[str]:
    """Candidate lemmas, the clause's verb and its complements first. A subject that names a
    quantity (`quantities`: "estimates", "the number") gives the words of all its phrase; a
    noun of `remains` the number's phrase hangs from ("the remains of 19 persons") gives
    itself."""
    verbs: list[str] = []
    # "the remains of 19 persons", "the bodies of 30 villagers": the nouns climbed through.
    holders: list[str] = []
    node = noun
    for _ in range(MAX_CLIMB):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ == "NOUN" and noun.head.lower_ == "of" and node.lower_ in remains:
            holders += [node.lower_, node.lemma_.lower()]
        if node.pos_ in {"VERB", "AUX", "ADJ"}:
            verbs = [
                node.lemma_.lower(),
                *(c.lemma_.lower() for c in node.children if c.dep_ in _COMPLEMENTS and c != noun),
                # "... and 1,000 taken captive": the parser may hang the participle of a
                # clause without its verb on the word that completes it.
                *([node.head.lemma_.lower()] if node.dep_ == "amod" else []),
                *_state(node, noun),
                *(
                    g.lemma_.lower()
                    for c in node.children
                    if c.dep_ == "prep" and c.lower_ in _GROUP_PREPS
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
            ]
            break
    # "put the number of dead at 613": an object that names a quantity says what it counts,
    # as a subject does.
    subject = [
        t
        for t in (node.children if verbs else ())
        if t != noun
        and (
            t.dep_ in {"nsubj", "nsubjpass"}
            or (t.dep_ == "dobj" and t.lemma_.lower() in quantities)
        )
    ]
    # "numbers of dead ranging from 161 to 200": the quantity a participle qualifies is its
    # subject.
    if verbs and node.dep_ in {"acl", "relcl"} and node.head.lemma_.lower() in quantities:
        subject.append(node.head)
    # "the number of the dead exceeds four hundred and fifty", "estimates of the number of
    # people killed range from 160 to 1,000": what the subject says it counts.
    subjects = [w for t in subject for w in (t.lemma_.lower(), *_of_nouns(t))]
    subjects += [
        d.lemma_.lower()
        for t in subject
        if t.lemma_.lower() in quantities
        for d in t.subtree
        if d.pos_ in {"NOUN", "VERB", "ADJ"}
    ]
    # "the 3,890 persons who went missing", "the 613 civilians who lost their lives", "700
    # residents captured by the other side".
    relative = [
        w
        for clause in noun.children
        # not "to be held": what is still to come
        if clause.dep_ in {"relcl", "acl"}
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        for w in (
            clause.lemma_.lower(),
            *(c.lemma_.lower() for c in clause.children if c.dep_ in _RELATIVE_COMPLEMENTS),
        )
    ]
    # "taking 1,275 people captive", "613 dead civilians".
    qualities = [c.lemma_.lower() for c in noun.children if c.dep_ in {"amod", "oprd"}]
    return [
        *verbs,
        *relative,
        noun.lemma_.lower(),
        *qualities,
        *holders,
        *_of_nouns(noun),
        *subjects,
    ]


# What a number of a list that follows a noun may have before it: the numbers before it,
# each with a description in brackets ("Articles 100 (aggression), 103 (genocide) and 107").
_BRACKETED = re.compile(r"\([^()]*\)")
_LISTED = re.compile(r"(?P<noun>[A-Za-z]+)\s+\d+(?:\s*(?:,|and|or)\s*\d+)*\s*(?:,|and|or)\s*$")
_NAMED_BY = re.compile(r"(?P<noun>[A-Za-z]+)[ \t]+$")
# How far back the list's noun is looked for.
LIST_REACH = 400


def _numbered_list(analysis: Analysis, number: NumberExpr, not_counted: frozenset[str]) -> bool:
    """Whether the number is one of a list the noun before it numbers: "Articles 100
    (planning ...), 103 (genocide) and 116 (...)" are articles, however the parser reads
    the list."""
    before = analysis.original[max(0, number.start - LIST_REACH) : number.start]
    # "Article 5", "grades 1-4": the number right after a noun capitalised as a name's, or
    # a range after a plural, is the noun's; not "within a few hours 613 civilians".
    named = _NAMED_BY.search(before)
    if named is not None:
        noun = named["noun"]
        numbering = noun[0].isupper() or (noun.endswith("s") and number.low is not None)
        if numbering and _not_counted(noun, not_counted):
            return True
    listed = _LISTED.search(_BRACKETED.sub("", before.replace("\n", " ")))
    if listed is None:
        return False
    # "Articles 100, 103": a plural noun, or a list of two numbers before this one; not
    # "paragraph 12, 613 civilians".
    noun = listed["noun"]
    several = noun.endswith("s") or len(re.findall(r"\d+", listed.group())) > 1
    return several and _not_counted(noun, not_counted)


def _not_counted(noun: str, not_counted: frozenset[str]) -> bool:
    lowered = noun.lower()
    return lowered in not_counted or lowered.removesuffix("s") in not_counted


def counts(analysis: Analysis, number: NumberExpr, not_counted: frozenset[str]) -> bool:
    """Whether a number counts something a figure may count: not years ("twenty-eight
    years ago"), pages, paragraphs or articles, and not the word "one" ("one of the
    worst")."""
    tokens = analysis.tokens(number.start, number.end)
    if not tokens:
        return True
    if number.value == 1 and not tokens[0].text[:1].isdigit():
        return False
    if _numbered_list(analysis, number, not_counted):
        return False
    return _counted(tokens[-1]).lemma_.lower() not in not_counted


def allowed_categories(
    analysis: Analysis, number: NumberExpr, categories: dict[str, Concept]
) -> set[str]:
    """The categories whose `context` the number's sentence holds (or that need none)."""
    tokens = analysis.tokens(number.start, number.end)
    sentence = {t.lemma_.lower() for t in tokens[0].sent} if tokens else set()
    return in_context(categories, sentence)


def in_context(categories: dict[str, Concept], lemmas: Iterable[str]) -> set[str]:
    """The categories that need no `context`, or whose context the lemmas hold."""
    held = set(lemmas)
    return {c.id for c in categories.values() if not c.context or c.context & held}


def parsed_category(
    analysis: Analysis,
    number: NumberExpr,
    categories: dict[str, Concept],
    allowed: set[str],
    quantities: frozenset[str] = frozenset(),
    remains: frozenset[str] = frozenset(),
) -> str | None:
    tokens = analysis.tokens(number.start, number.end)
    if not tokens:
        return None
    noun = _counted(tokens[-1])
    # Categories that need a context are the narrower ones: they are tried first.
    ordered = sorted(
        (c for c in categories.values() if c.id in allowed and c.percent == number.percent),
        key=lambda c: not c.context,
    )
    # A range's last number may hang inside it ("from 160 to as many as 1,000"): the
    # words that govern the whole phrase say what it counts.
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside and t != noun and number.low is not None]
    for word in [noun, *roots[:1]]:
        for lemma in _lemmas(word, quantities, remains):
            for category in ordered:
                if lemma in category.lemmas:
                    return category.id
    return None


def parsed_qualifiers(
    analysis: Analysis, number: NumberExpr, lemmas: dict[str, frozenset[str]]
) -> tuple[str, ...]:
    """Who a number counts, from its phrase: "63 children", "63 were children", "63 of
    them children", "51 female"."""
    tokens = analysis.tokens(number.start, number.end)
    if not tokens:
        return ()
    token = tokens[-1]
    noun = _counted(token)
    # "43 civilians, most of them elderly": a modifier with a subject of its own says
    # something of a part, not who all of them are.
    words = [
        noun,
        *(
            c
            for c in noun.children
            if c.dep_ in {"amod", "compound"} and not any(g.dep_ == "nsubj" for g in c.children)
        ),
    ]
    if token.dep_ == "nsubj":
        head = token.head
        if head.lemma_ == "be":
            words += [c for c in head.children if c.dep_ in {"attr", "acomp"}]
        elif head.pos_ in {"NOUN", "ADJ"}:
            words.append(head)
    if noun.dep_ in {"appos", "conj"} and noun.pos_ in {"NOUN", "ADJ"} and noun is not token:
        words.append(noun)
    # "61 old men and women": a group of two joined says neither of them apart.
    if noun is not token and any(c.dep_ == "conj" and c.pos_ == "NOUN" for c in noun.children):
        words = [w for w in words if w is not noun]
    found = {w.lemma_.lower() for w in words if w is not token and not _past_number(tokens, w)}
    return tuple(name for name, names in lemmas.items() if names & found)


def _past_number(tokens: list[Token], word: Token) -> bool:
    """Whether another number stands between the figure and `word`: in "613 of its
    inhabitants - 63 of them children", "children" is 63's, however the parse joins them."""
    doc = tokens[0].doc
    low, high = sorted((tokens[-1].i, word.i))
    return any(doc[i].like_num and doc[i] not in tokens for i in range(low + 1, high))
