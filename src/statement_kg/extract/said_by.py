"""Who says quoted words when no known agent is named beside them: the subject of the verb of
saying that governs them in the parse ("a spokesman for the self-defence forces said by
telephone that "..."", "Armenian officials told the Monitor that "..."", '"...," she said'
after the sentence that introduced her). The speaker is a known agent when the subject
names one, else the words of the subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

from statement_kg.extract.voice_parse import nearest_first
from statement_kg.language import Analysis
from statement_kg.language.analysis import pipeline
from statement_kg.language.normalise import mended_words
from statement_kg.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

# How many heads up from the quoted words the verb of saying may be ('said "no more than a
# few dozen" people had been killed': dozen, people, killed, said).
MAX_STEPS = 3
# A subject longer than this is cut to its head noun phrase, without its clauses.
SUBJECT_TOKENS = 12
# The pronouns that stand for a speaker named in a sentence before.
PRONOUNS = frozenset({"he", "she", "they"})
# How many sentences back a pronoun's speaker may be introduced.
ANTECEDENT_SENTENCES = 2
# How many tokens before the quote ('said by telephone that "') or after it ('," she
# said') its verb of saying may be.
BEFORE = 8
AFTER = 3
AFTER_NAMED = 24
# How far before the quote's words its introducing colon may be (': "', ':\n  “').
COLON_REACH = 6
# One quoted word after its verb is a term held at a distance, not words quoted ('described
# the killings as "genocide."'); before its verb it is said ('"Later," said X').
MIN_WORDS = 2
SPEAKING_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
NOT_SPEAKING = frozenset({"GPE", "LOC", "DATE", "EVENT", "FAC", "TIME", "LAW", "WORK_OF_ART"})
NAMING = frozenset({"compound", "appos", "amod", "nmod"})
_CLAUSES = frozenset({"relcl", "acl", "appos", "advcl"})


def _verb(tokens: list[Token], verbs: frozenset[str]) -> Token | None:
    """The verb of saying the quoted words hang on, close to them: before ('said that
    "..."', 'told us that "..."') or right after ('"...," she said')."""
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    first, last = tokens[0].i, tokens[-1].i
    for token in tokens:
        if token.head.i in inside and token.head.i != token.i:
            continue
        if token.dep_ in NAMING and token.head.pos_ in {"NOUN", "PROPN"} and _titled(tokens):
            return None  # a name or title: 'the "Justice for Khojaly" campaign'
        node = token
        for _ in range(MAX_STEPS):
            head = node.head
            # A clause on a noun ('the report, which called it "..."') says its own words.
            if head.i == node.i or (node.dep_ in {"relcl", "acl"} and node is not token):
                break
            # 'told reporters on Friday that the statement was "..."': what a clause that
            # the verb governs says is said, however far the verb stands.
            near = node.dep_ == "ccomp" or _near(head, first, last)
            if (
                head.pos_ in {"VERB", "AUX"}
                and head.lemma_.lower() in verbs
                and near
                and not _in_subject(head, inside)
            ):
                return head
            node = head
    return _as_said(tokens, verbs)


def _as_said(tokens: list[Token], verbs: frozenset[str]) -> Token | None:
    """'As the Minister said, "..."': a clause of saying opened by "as" before the quoted
    words, which the parser hangs on them."""
    for token in tokens:
        for child in token.children:
            if (
                child.i < tokens[0].i
                and child.dep_ == "advcl"
                and child.lemma_.lower() in verbs
                and any(m.dep_ == "mark" and m.lower_ == "as" for m in child.children)
            ):
                return child
    return None


def _before_colon(analysis: Analysis, start: int, verbs: frozenset[str]) -> Token | None:
    """'A woman from the town told our delegation who met families there: "..."': the verb
    of saying of the clause a colon right before the quote ends."""
    before = [t for t in analysis.tokens(max(0, start - COLON_REACH), start) if not t.is_space]
    marks = [t for t in before if t.text == ":"]
    if not marks or any(t.is_alpha for t in before if t.i > marks[-1].i):
        return None
    colon = marks[-1]
    saying = [
        t for t in colon.sent if t.i < colon.i and t.pos_ == "VERB" and t.lemma_.lower() in verbs
    ]
    return saying[-1] if saying else None


def _titled(tokens: list[Token]) -> bool:
    """Capitalised like a name or a title: most of its words begin with a capital."""
    words = [t for t in tokens if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.is_title for t in words) * 2 > len(words)


def _in_subject(verb: Token, inside: set[int]) -> bool:
    """Quoted words inside the verb's own subject are not what it says ('the report
    "Bloodshed in the Caucasus" ... describe')."""
    return any(
        t.i in inside for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree
    )


def _near(verb: Token, first: int, last: int) -> bool:
    """Close before the quote, or right after it, or after the speaker named right after it
    ('," Vartan Hakobyan, a spokesman for the committee, told us')."""
    if first - BEFORE <= verb.i < first or last < verb.i <= last + AFTER:
        return True
    return last < verb.i <= last + AFTER_NAMED and any(
        c.dep_ == "nsubj" and c.left_edge.i <= last + AFTER for c in verb.children
    )


def _speaker(head: Token, parties: frozenset[str]) -> list[Token]:
    """A subject that can speak: a party noun ("officials", "a spokesman"), a person or a
    body the tagger knows, or a phrase that names or describes a person ("a teacher who
    gave her name as Sevda"); else what it stands in apposition to ("the capital, a
    spokesman ...")."""
    # A person's name without the clause on it ("NAME, who later became ...").
    phrase = _phrase(head, relative=_person(head))
    # "the head of the investigative group, Senior Counsellor NAME": the person
    # in apposition, with the title given beside the name.
    if not (head.ent_type_ == "PERSON" or _unmarked_name(head)):
        appositions = [c for c in head.children if c.dep_ == "appos"]
        # A title and a name ("Senior Counsellor of Justice NAME"): the name ends it; a
        # person named inside a description ("a body set up by President X in 1993") does
        # not speak for it.
        persons = [c for c in appositions if _person(c) or _person(c.right_edge)]
        if persons:
            # The parser may split the title and the name into two appositions; a clause
            # on the name ("NAME, who reached the village ...") is no part of it.
            named = _phrase(persons[-1], relative=True)
            first = appositions[0].left_edge.i
            last = max(t.i for t in named if not t.is_punct)
            return list(head.doc[first : last + 1])
    if (
        head.lemma_.lower() in parties
        or head.ent_type_ in SPEAKING_ENTITIES
        # "presidential aide Tural Mammadli told reporters": a person's name of two or more
        # words the tagger did not mark (a place or a date is not one).
        or _unmarked_name(head)
        or any(t.ent_type_ == "PERSON" or t.lower_ == "who" for t in phrase)
    ):
        return phrase
    for child in head.children:
        if child.dep_ == "appos" and child.lemma_.lower() in parties:
            return _phrase(child)
    # "one of the survivors", "some of the officials": a part of a group that can speak.
    if head.pos_ in {"NUM", "PRON", "DET", "ADJ"}:
        for of in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            if any(g.dep_ == "pobj" and g.lemma_.lower() in parties for g in of.children):
                return phrase
    return []


def _person(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or _unmarked_name(token)


def _unmarked_name(head: Token) -> bool:
    """A proper name of two words or more that the tagger marked as no place, date or
    work."""
    names = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    # "MacLeod", "DeWitt": a capital inside the name too (a name in capitals is a turn's
    # label in a record, no subject's name).
    return (
        head.pos_ == "PROPN"
        and head.text[:1].isupper()
        and not head.is_upper
        and bool(names)
        and all(t.ent_type_ not in NOT_SPEAKING for t in [head, *names])
    )


def _subject(verb: Token, parties: frozenset[str]) -> list[Token]:
    """The verb's subject; for a verb that hangs on another ("having told X that ..."), the
    other's."""
    for _ in range(MAX_STEPS):
        # Where a form of address ("Madam Chairperson,") is parsed as a second subject,
        # the one nearest the verb is its own.
        subjects = nearest_first(verb, (c for c in verb.children if c.dep_ == "nsubj"))
        if subjects:
            child = subjects[0]
            return [child] if child.lower_ in PRONOUNS else _speaker(child, parties)
        if verb.dep_ not in {"advcl", "conj", "xcomp"} or verb.head.i == verb.i:
            return _opening_apposition(verb, parties)
        verb = verb.head
    return []


def _opening_apposition(verb: Token, parties: frozenset[str]) -> list[Token]:
    """ "In Aghdam, an officer of the militia, said ...": the parser hangs the subject on
    the place that opens the sentence, in apposition."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
        for place in (g for g in prep.children if g.dep_ == "pobj"):
            for appos in (a for a in place.children if a.dep_ == "appos"):
                speaker = _speaker(appos, parties)
                if speaker:
                    return speaker
    return []


def _phrase(head: Token, relative: bool = False) -> list[Token]:
    """The words a subject's head heads; without its clauses when they are long, without
    its relative clause when `relative` says so."""
    tokens = sorted(head.subtree, key=lambda t: t.i)
    if relative:
        clause = {t.i for c in head.children if c.dep_ == "relcl" for t in c.subtree}
        tokens = [t for t in tokens if t.i not in clause]
    if len(tokens) > SUBJECT_TOKENS:
        clauses = {t.i for c in head.children if c.dep_ in _CLAUSES for t in c.subtree}
        tokens = [t for t in tokens if t.i not in clauses]
    return tokens


def _introduced(
    verb: Token,
    analysis: Analysis,
    verbs: frozenset[str],
    parties: frozenset[str],
    quoted: int,
) -> list[Token]:
    """The speaker a pronoun stands for: in a sentence before, in the same paragraph, the
    subject of a verb of saying, else of the sentence, else (where the writer is the
    subject: "Yesterday I met NAME, who ...") the last person the sentence names. The
    quoted words' own sentences (from `quoted` on) are the speaker's, not about them."""
    sentence = verb.sent
    steps = 0
    while steps < ANTECEDENT_SENTENCES:
        if sentence.start == 0:
            break
        sentence = analysis.doc[sentence.start - 1].sent
        first = next((t for t in sentence if not (t.is_punct or t.is_space)), sentence[0])
        if analysis.span_of([first])[0] >= quoted:
            continue
        steps += 1
        saying = [t for t in sentence if t.pos_ == "VERB" and t.lemma_.lower() in verbs]
        # "I met NAME, who ...": the person met, not one named inside a phrase ("the
        # parents of NAME").
        named = [
            e for e in sentence.ents if e.label_ == "PERSON" and e.root.dep_ in {"dobj", "appos"}
        ]
        candidates = [_subject(c, parties) for c in [*reversed(saying), sentence.root]]
        writer = any(t.dep_ == "nsubj" and t.lower_ in {"i", "we"} for t in sentence)
        for subject in [*candidates, *([list(named[-1])] if named else [])]:
            if not subject or subject[0].pos_ == "PRON":
                continue
            if "\n\n" in analysis.original[subject[0].idx : verb.idx]:
                return []
            return subject
        if writer:
            return []  # the writer met someone the pronoun may stand for, unnamed here
    return []


def said_by(
    analysis: Analysis,
    start: int,
    end: int,
    verbs: frozenset[str],
    parties: frozenset[str],
    agents: list[Mention],
    quoting: frozenset[str] = frozenset(),
) -> tuple[str | None, str | None]:
    """(the known agent, or else the words) that say the quote at start-end; (None, None)
    when the parse names no one who can speak. The speaker of a verb of `quoting` is its
    object."""
    quoted = [t for t in analysis.tokens(start, end) if not t.is_space]
    verb = _verb(quoted, verbs | quoting) or _before_colon(analysis, start, verbs | quoting)
    if verb is None:
        return None, None
    if len([t for t in quoted if not t.is_punct]) < MIN_WORDS and verb.i < quoted[0].i:
        return None, None
    if verb.lemma_.lower() in quoting:
        quoted_one = [c for c in verb.children if c.dep_ == "dobj"]
        subject = _speaker(quoted_one[0], parties) if quoted_one else []
    else:
        subject = _subject(verb, parties)
    if len(subject) == 1 and subject[0].lower_ in PRONOUNS:
        subject = _introduced(verb, analysis, verbs, parties, start)
    # The quote's closing mark the parser hangs on the subject ('," / historian NAME told')
    # is no part of the name, nor a full stop after it.
    while subject and (subject[0].is_punct or subject[0].is_space):
        subject = subject[1:]
    while subject and subject[-1].is_punct:
        subject = subject[:-1]
    return _named(subject, analysis, agents)


def according_to(
    analysis: Analysis,
    start: int,
    end: int,
    phrases: tuple[str, ...],
    parties: frozenset[str],
    agents: list[Mention],
) -> tuple[str | None, str | None]:
    """ "According to Mammadli, the tragedy was "the bloodiest page of ..."": the one an
    attribution phrase before the quote, in its sentence, names."""
    quoted = [t for t in analysis.tokens(start, end) if not t.is_space]
    if len([t for t in quoted if not t.is_punct]) < MIN_WORDS:
        return None, None
    sentence = [t for t in quoted[0].sent if t.i < quoted[0].i]
    lowered = [t.lower_ for t in sentence]
    for phrase in phrases:
        words = phrase.split()
        for at in range(len(sentence) - len(words) + 1):
            if lowered[at : at + len(words)] != words:
                continue
            objects = [c for c in sentence[at + len(words) - 1].children if c.dep_ == "pobj"]
            # A name says who ("According to Mammadli"); "in the view of many observers"
            # names no one in particular.
            if objects and objects[0].pos_ == "PROPN":
                return _named(_phrase(objects[0], relative=True), analysis, agents)
    return None, None


def _named(
    subject: list[Token], analysis: Analysis, agents: list[Mention]
) -> tuple[str | None, str | None]:
    """The known agent the words name, else the words."""
    if not subject or all(t.pos_ == "PRON" for t in subject):
        return None, None
    first, last = analysis.span_of(subject)
    inside = [m for m in agents if first <= m.span.start and m.span.end <= last]
    # "The then President of Azerbaijan, Ayaz Mutalibov": the agent the subject's last
    # name is, not the country its title names; "Foreign Ministry spokeswoman NAME" is a
    # person the mappings do not list, not the ministry.
    if inside and not unlisted_person(subject, analysis, agents):
        return max(inside, key=lambda m: m.span.end).entity, None
    # "Ruzanna Khachatr-\nian": the name as one word again.
    return None, mended_words(analysis.original[first:last])


def unlisted_person(tokens: list[Token], analysis: Analysis, agents: list[Mention]) -> bool:
    """Whether the words name a person no known agent covers, at their head or in
    apposition to it, a title before the name ("Military Prosecutor, Colonel of Justice
    NAME")."""
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i][:1]
    names = [
        *heads,
        *(e for h in heads for c in h.children if c.dep_ == "appos" for e in (c, c.right_edge)),
    ]
    for name in names:
        if _person(name):
            start, end = analysis.span_of([name])
            if not any(m.span.start <= start and end <= m.span.end for m in agents):
                return True
    return False


def head_noun(words: str) -> str:
    """The noun that heads a speaker's description ("a spokesman for the self-defence
    forces": spokesman), which another reader's description of the same speaker shares."""
    doc = pipeline()(words)
    roots = [t for t in doc if t.head.i == t.i]
    return roots[0].text if roots else words
