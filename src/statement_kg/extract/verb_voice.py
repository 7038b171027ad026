"""The voice a verb gives the claim below it: a verb of saying reports its clause or object
from its subject ("Baku claims that ..."), a verb of naming the name it gives ("calls it a
crime", "recognised ... as genocide"), a verb of denial denies ("we reject the label of
genocide"), a negated verb of existence denies ("there was no genocide"), a measure is its
giver's ("put the toll at 485")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from statement_kg.extract.noun_voice import NounVoice
from statement_kg.extract.voice_parse import (
    SUBJECTS,
    antecedent,
    asserted,
    contrasted,
    counts,
    is_content,
    path_to,
    subject_of,
)
from statement_kg.records import OWN, Voice

if TYPE_CHECKING:
    from spacy.tokens import Token

# A clause beside a negated verb is not what it negates ("justice is not complete while
# those responsible for the genocide walk free").
_ASIDE = frozenset({"advcl", "advmod", "parataxis", "conj", "mark", "npadvmod"})
# How a claim hangs below a verb of saying (its clause or object) and below a verb of naming
# (the predicate it gives: "calls it a crime", "recognised ... as genocide"); the parser may
# read a count as a complement of the verb ("reports 613 dead").
_CLAUSE = frozenset(
    {"ccomp", "xcomp", "dobj", "advcl", "parataxis", "conj", "attr", "oprd", "acomp"}
)
_PREDICATE = frozenset({"oprd", "attr", "ccomp", "acomp"})


# "anything but", "nothing but": what the clause allows as the only name.
_EXCEPTED = frozenset({"anything", "nothing"})


def _excepted(verb: Token, path: list[Token], negated: bool) -> Voice | None:
    """ "cannot be called anything but a massacre", "was nothing but a massacre": the one
    name the verb's own clause allows is the issuer's own; "was anything but a massacre"
    denies it. In a clause another verb reports ("officials claim it was nothing but ..."),
    that verb says whose it is."""
    excepted = [
        t.head.lower_
        for t in path
        if t.lower_ == "but" and t.head.lower_ in _EXCEPTED and t.head.head == verb
    ]
    if not excepted:
        return None
    return OWN if negated != (excepted[0] == "nothing") else Voice("denied")


def _subjectless(verb: Token) -> bool:
    """A gerund that is a clause's subject, or an infinitive with "to" that stands for one."""
    if subject_of(verb) is not None:
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return verb.dep_ in {"csubj", "csubjpass"} or (infinitive and verb.dep_ == "advcl")


def _through_as(tokens: list[Token]) -> bool:
    """Whether an "as" phrase is among the tokens: the name a verb of naming gives."""
    return any(t.dep_ == "prep" and t.lower_ == "as" for t in tokens)


@dataclass(frozen=True)
class VerbVoice(NounVoice):
    """What the verbs above a claim say of whose it is."""

    def _apart(self, node: Token, head: Token) -> bool:
        return self.analysis.paragraph(node) != self.analysis.paragraph(head)

    def _subject_voice(self, verb: Token) -> Voice | None:
        """A claim that is the subject of its clause is denied when the clause says it did
        not happen ("the genocide never happened", "no massacre took place") or calls it a
        lie ("the so-called genocide is a product of propaganda")."""
        words = self.words
        negated = any(c.dep_ == "neg" for c in verb.children)
        if verb.lemma_.lower() in words.negatable_verbs - {"be"} and negated:
            return Voice("denied") if asserted(verb) else None
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if passive and not negated and verb.lemma_.lower() in words.falsity_words:
            return Voice("denied")
        if verb.lemma_ == "be" and not negated:
            predicates = [c for c in verb.children if c.dep_ in {"attr", "acomp"}]
            if any(t.lemma_.lower() in words.denial_nouns for p in predicates for t in p.subtree):
                return Voice("denied")
            if any(p.lemma_.lower() in words.falsity_words for p in predicates):
                return Voice("denied")
        return None

    def _verb_voice(self, verb: Token, child: Token, head: Token) -> Voice | None:
        words = self.words
        lemma = verb.lemma_.lower()
        negated = any(c.dep_ == "neg" for c in verb.children)
        path = path_to(head, child)
        excepted = _excepted(verb, path, negated) if verb.dep_ == "ROOT" else None
        if excepted is not None or lemma in words.denial_verbs:
            return excepted or self._denial(verb, child, path, negated)
        if (
            lemma in words.negatable_verbs
            and negated
            and child.dep_ not in _ASIDE
            and asserted(verb)
            and not any(contrasted(t) for t in path)
        ):
            return Voice("denied")
        given = self._given(verb, child, head, path, negated)
        if given is not None:
            return given
        content = self._content(lemma)
        if lemma in words.labelling_verbs:
            named = self._named_by(verb, child, head, path)
            if named is not None:
                return named
            # "the prosecution recognised 32 deaths": a count is what the verb reports.
            content = _PREDICATE | ({"dobj"} if counts(head) else set())
            # "judged the killings to be the worst massacre": the predicate of "to be".
            if child.dep_ == "xcomp" and child.lemma_ == "be":
                content = content | {"xcomp"}
            # "present as established fact that 613 people were killed": the clause it
            # labels is what its subject claims.
            if child.dep_ == "ccomp" and any(c.lower_ == "that" for c in child.children):
                content = content | {"ccomp"}
        if content is not None and is_content(child, content, head):
            return self._reported_by_verb(verb)
        return None

    def _given(
        self, verb: Token, child: Token, head: Token, path: list[Token], negated: bool
    ) -> Voice | None:
        """A count a measure gives ("estimates ranged from", "put the toll at"), a name a
        completed verb gives, or the issuer's own words for what a party is silent about."""
        lemma = verb.lemma_.lower()
        given = self._measured_by(verb, child) if counts(head) else None
        given = given or self._named_by_completion(verb, child)
        # "put the number of people killed at Khojaly on 26 February at 613": the parser
        # may hang the measure inside the object it measures.
        measure = any(t.lower_ == "at" and t.dep_ == "prep" for t in path)
        if given is None and lemma in self.words.measuring_verbs and child.dep_ == "dobj":
            given = self._reported_by_verb(verb) if counts(head) and measure else None
        # "the narrative says nothing of the massacre in Sumgait", "never mentions the
        # pogroms": what a party is silent about is named in the issuer's own words.
        silent = negated or any(c.dep_ == "dobj" and c.lower_ == "nothing" for c in verb.children)
        if given is None and self._content(lemma) is not None and silent:
            given = OWN if child.dep_ not in {"ccomp", "xcomp"} else None
        return given

    def _content(self, lemma: str) -> frozenset[str] | None:
        """How what a verb of saying reports hangs below it: its clause or object; only the
        clause for a verb of finding ("found that ...", not "found 200 bodies"); only the
        measure for a verb of measuring ("put the toll at 485")."""
        if lemma in self.words.finding_verbs:
            return frozenset({"ccomp"})
        if lemma in self.words.measuring_verbs:
            return frozenset({"prep"})
        return _CLAUSE if lemma in self.words.reporting_verbs else None

    def _named_by_completion(self, verb: Token, child: Token) -> Voice | None:
        """ "try to present it as an 'incident' or as the 'events'": the parser may hang the
        second "as" on the verb that the verb of naming completes."""
        naming = [
            c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ in self.words.labelling_verbs
        ]
        if naming and child.dep_ == "prep" and child.lower_ == "as":
            return self._reported_by_verb(naming[0])
        return None

    def _denial(self, verb: Token, child: Token, path: list[Token], negated: bool) -> Voice:
        """ "Baku denies the massacres of Armenians": the issuer's own word for what another
        party denies; but "some in Yerevan dismiss it as an 'incident'" and "Baku speculates
        with the figure of N" give that party's word, which the issuer disputes."""
        others = negated or self._denied_by_another(verb)
        misused = verb.lemma_.lower() in self.words.misuse_verbs
        # "Armenia denies that its forces carried out a massacre": the clause is what that
        # party says did not happen; the issuer only reports the denial. "denied that the
        # massacre took place" names it in the issuer's own words.
        claimed = not any(d.dep_ in {"det", "poss"} and d.lower_ != "a" for d in path[0].children)
        if others and not negated and child.dep_ == "ccomp" and claimed:
            return self._reported_by_verb(verb) or Voice("reported")
        if others and not negated and (misused or _through_as(path)):
            subject = subject_of(verb)
            subject = antecedent(subject) if subject is not None else None
            return Voice("denied", *self._party(list(subject.subtree) if subject else []))
        return OWN if others else Voice("denied", *self._possessor(child, verb))

    def _named_by(self, verb: Token, child: Token, head: Token, path: list[Token]) -> Voice | None:
        """What a verb of naming makes of the claim below it; None where it says nothing
        (the clause's predicate is tried next)."""
        # "which X call a massacre": the parser may read the name as a second object beside
        # the relative pronoun; the name is the second.
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        unsaid = _subjectless(verb) and verb.lemma_.lower() in self.words.passive_verbs
        if len(objects) > 1 and child.i == objects[-1].i:
            return self._reported_by_verb(verb) or (Voice("reported") if unsaid else None)
        # "presents the tragedy as ...": what is named is the issuer's word for it.
        named = child.dep_ == "dobj" and child.i == head.i and not counts(head)
        if named and _through_as(list(verb.children)):
            return OWN
        # "portrayed the massacre as a provocation": the name given, wherever the parse
        # hangs its "as".
        if _through_as(path):
            # "the attempt to present the tragedy as a genocide", "the campaign presenting
            # it as": a name some party gives, unless the clause says whose.
            given = self._reported_by_verb(verb)
            if given is None and verb.dep_ in {"acl", "csubj", "csubjpass"}:
                return Voice("reported", *self._possessor(verb.head, None))
            return given
        # "To call this a genocide ... is propaganda", "Calling it a genocide is a political
        # decision": a name given in a clause with no one to give it, which the sentence
        # weighs; the issuer does not use the word.
        return Voice("reported") if unsaid else None

    def _measured_by(self, verb: Token, child: Token) -> Voice | None:
        """ "Estimates in the press ranged from 200 to 1,000", "the figures advanced by the
        parties reach 600": a claim that is the measure of a clause whose subject is a
        reporting noun is that noun's; its party is who gave it, where the sentence says."""
        if child.dep_ in SUBJECTS or child.dep_ in {"ccomp", "advcl", "conj", "parataxis"}:
            return None
        subjects = [
            c
            for c in verb.children
            if c.dep_ in {"nsubj", "nsubjpass"} and not self._apart(c, verb)
        ]
        if not subjects:
            return None
        # "The official Soviet toll was 32 dead": a count is the party's its words name.
        if subjects[0].lemma_.lower() in self.words.counts_only:
            return self._given_by(subjects[0])
        if subjects[0].lemma_.lower() not in self.words.reporting_nouns:
            return None
        given = self._used_by(subjects[0])
        return (
            given if given is not None else Voice("reported", *self._possessor(subjects[0], verb))
        )
