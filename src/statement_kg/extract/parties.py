"""Who speaks in a statement, and whose a claim is: the issuer (its names, the agents that
are it), the site that relayed the text, and the party a phrase names (an agent of the
mappings, else its words), as a reporting verb's subject or agent gives it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from statement_kg.extract.spans import Nearby, nearby_mentions
from statement_kg.extract.turns import Turn
from statement_kg.extract.voice_parse import (
    antecedent,
    folded,
    name_words,
    path_to,
    stranded_subject,
    subject_of,
)
from statement_kg.language import Analysis
from statement_kg.language.normalise import HANDLE
from statement_kg.lexicon import VoiceWords
from statement_kg.records import OWN, Mention, Quotation, Voice

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words in a name that say nothing of whose it is.
_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "for", "and", "to", "in", "on"})
MAX_NAME_WORDS = 12
# Clauses under a reporting verb: an agent inside one is that clause's, not the reporter.
_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj"})
_ARTICLE = re.compile(r"^(?:the|a|an|this|that)\s+", re.IGNORECASE)


# An interview labels its speakers' turns with their initials: a few letters.
MAX_INITIALS = 4
# How far up a joined verb may find the subject it shares.
MAX_JOINED = 3


def _own_phrase(subject: Token) -> list[Token]:
    """A subject's words without the asides its subtree runs into ("X, in its report ...")."""
    return [
        t
        for t in sorted(subject.subtree, key=lambda t: t.i)
        if t.i <= subject.i or t.dep_ not in {"punct", "prep", "appos"}
    ]


@dataclass(frozen=True)
class Speakers:
    """Who the issuer is, and which agents a sentence may name as another party."""

    issuers: frozenset[str]
    issuer_names: tuple[str, ...]
    agents: tuple[Mention, ...]
    quotations: tuple[Quotation, ...]
    # A capital or a country's name speaks for its government ("Baku claims").
    places: tuple[Mention, ...] = ()
    # The site that relayed the text frames it ("..., Caspian Herald reports"): it is no
    # other party whose claim the text reports.
    relays: frozenset[str] = frozenset()
    relay_names: tuple[str, ...] = ()
    # The one-word names of the countries the mappings list, folded: "Azerbaijani" and
    # "Armenian" are their nations' words.
    nations: tuple[str, ...] = ()
    # The turns of a text set out in turns (an interview, a meeting record).
    turns: tuple[Turn, ...] = ()

    # Each claim asks only the agents and quotations near it: asking all of them for every
    # claim is quadratic in a long text.
    @cached_property
    def agents_near(self) -> Nearby[Mention]:
        return nearby_mentions(self.agents)

    @cached_property
    def named_near(self) -> Nearby[Mention]:
        return nearby_mentions((*self.agents, *self.places))

    @cached_property
    def quotations_near(self) -> Nearby[Quotation]:
        return Nearby(self.quotations, lambda q: (q.span.start, q.span.end))

    @cached_property
    def _issuer_initials(self) -> frozenset[str]:
        """ "HG" for Hovhannes Grigoryan: how an interview may label the issuer's turns."""
        return frozenset(
            "".join(w[0] for w in n.split() if w[:1].isupper()) for n in self.issuer_names
        )

    def issuer_turn(self, turn: Turn) -> bool:
        """Whether the turn's label names the issuer, by name or by initials."""
        label = turn.label
        initials = label.isupper() and len(label) <= MAX_INITIALS and label in self._issuer_initials
        return initials or self.names_issuer(turn.speaker)

    @cached_property
    def issuer_in_turns(self) -> bool:
        """Whether one of the text's turns is the issuer's."""
        return any(self.issuer_turn(t) for t in self.turns)

    def turn_at(self, offset: int) -> Turn | None:
        return next((t for t in self.turns if t.start <= offset < t.end), None)

    @cached_property
    def _relay_names(self) -> frozenset[str]:
        return frozenset(folded(" ".join(n.split())) for n in self.relay_names)

    def relayed(self, voice: Voice) -> bool:
        words = folded(" ".join((voice.party_words or "").split()))
        return voice.party in self.relays or (bool(words) and words in self._relay_names)

    def names_issuer(self, words: str) -> bool:
        """Whether the words that name a speaker name the issuer ("the Ombudsman" for the
        Commissioner for Human Rights (Ombudsman) who issued the text), or its initials
        ("AEWN considers ..." for the Atrocity Early Warning Network)."""
        names = [w for w in name_words(words) if w not in _FUNCTION_WORDS]
        initials = words.strip().removeprefix("the ").strip()
        if initials.isupper() and len(initials) > 1 and initials in self._issuer_initials:
            return True
        return bool(names) and all(w in self.issuer_words for w in names)

    @cached_property
    def issuer_words(self) -> frozenset[str]:
        """The words of the issuer's names; a "name" longer than a name is a misread."""
        return frozenset(
            w
            for name in self.issuer_names
            if len(name.split()) <= MAX_NAME_WORDS
            for w in name_words(name)
        )


@dataclass(frozen=True)
class PartyReader:
    """The parties a sentence names, read against who the issuer is."""

    analysis: Analysis
    words: VoiceWords
    speakers: Speakers

    def _denied_by_another(self, verb: Token) -> bool:
        subject = subject_of(verb)
        if subject is None or subject.tag_ in {"WDT", "WP"}:
            return False
        subject = antecedent(subject)
        tokens = list(subject.subtree)
        return not self._is_issuer(tokens) and self._agentive(subject)

    def _reported_by_verb(self, verb: Token) -> Voice | None:
        subject = subject_of(verb)
        # "it was stated that 613 were slaughtered by X": the agent of the clause stated is
        # who killed, not who stated it.
        agent = [
            t
            for t in verb.subtree
            if t.lower_ == "by"
            and t.dep_ in {"agent", "prep"}
            and t.i > verb.i
            and not any(a.dep_ in _CLAUSES for a in path_to(t, verb)[:-1])
        ]
        # "X, which interviewed survivors, documented 161 deaths": a participle with an
        # object, hung on a noun, is the noun's own act (the parser lost the subject
        # behind the aside).
        acting = verb.dep_ == "acl" and any(c.dep_ == "dobj" for c in verb.children)
        if acting and subject is None:
            subject = verb.head
        passive = not acting and (
            any(c.dep_ == "auxpass" for c in verb.children)
            or (verb.tag_ == "VBN" and (subject is None or subject.dep_ == "nsubjpass"))
        )
        speaker: list[Token] = []
        if passive and agent:
            speaker = [t for c in agent[0].children if c.dep_ == "pobj" for t in c.subtree]
        elif acting and subject is verb.head:
            clause = {t.i for t in verb.subtree}
            speaker = [t for t in subject.subtree if t.i not in clause and t.dep_ != "relcl"]
            relative = {t.i for c in subject.children if c.dep_ == "relcl" for t in c.subtree}
            speaker = [t for t in speaker if t.i not in relative]
        elif subject is not None and not passive and subject.tag_ not in {"WDT", "WP"}:
            # "X, which is not a friend of our government, recorded ...": the clause on the
            # subject does not speak.
            relative = {t.i for c in subject.children if c.dep_ == "relcl" for t in c.subtree}
            speaker = [t for t in subject.subtree if t.i not in relative]
        elif subject is None and not passive and verb.dep_ in {"ROOT", "conj", "dep"}:
            speaker = stranded_subject(verb)
            within = {t.i for t in speaker}
            subject = next((t for t in speaker if t.head.i not in within), None)
        elif (
            subject is not None
            and not passive
            and (clause_verb := _relative(verb, subject)) is not None
        ):
            # "X, a commander, who said that ...": the one the clause hangs on; "X, which
            # speaks of ... and calls it ...": the verbs joined in the clause too.
            subject = clause_verb.head
            while subject.dep_ == "appos":  # "X, a commander ..., who said": X
                subject = subject.head
            clause = {t.i for t in clause_verb.subtree}
            speaker = [t for t in subject.subtree if t.i not in clause]
        if speaker and not passive and subject is not None:
            subject, speaker = self._speaking_subject(verb, subject, speaker)
        if speaker:
            if self._is_issuer(speaker):
                return OWN
            if not self._agentive(subject if subject is not None and not passive else speaker[0]):
                return None
            return Voice("reported", *self._party(speaker))
        if passive and verb.lemma_.lower() in self.words.passive_verbs:
            return Voice("reported")
        return None

    def _speaking_subject(
        self, verb: Token, subject: Token, speaker: list[Token]
    ) -> tuple[Token, list[Token]]:
        """ "X, in its report Azerbaijan: Seven Years of Conflict, called ...": the parser
        reads a title's words as a second subject; the one that can speak is X. "X denied
        that a massacre had taken place and spoke of ...": the parser joins the second verb
        to the clause under the first; the one that speaks is the first verb's subject."""
        if self._agentive(subject):
            return subject, speaker
        candidates = [verb]
        if verb.dep_ == "conj":
            candidates += [a for a in list(verb.ancestors)[:MAX_JOINED] if a.pos_ == "VERB"]
        for holder in candidates:
            other = [
                c
                for c in holder.children
                if c.dep_ == "nsubj" and c is not subject and self._agentive(c)
            ]
            if other:
                return other[0], _own_phrase(other[0])
        return subject, speaker

    def _agentive(self, phrase: Token) -> bool:
        """Whether a phrase's head names someone who can claim: an agent, a named body or
        person, a pronoun, or a noun of people ("officials"); "elements of the acts committed
        in Khojaly" names none, though a place is in it."""
        tokens = [phrase, *(c for c in phrase.children if c.dep_ in {"compound", "amod", "poss"})]
        if phrase.pos_ in {"DET", "PRON"}:
            # "some in Yerevan", "many in Baku": who they are is where they are.
            tokens += [g for c in phrase.children if c.dep_ == "prep" for g in c.children]
        elif phrase.lemma_.lower() in self.words.reporting_nouns:
            # "the letter of the Permanent Representative, which refers to ...": its author.
            tokens += [g for c in phrase.children if c.lower_ == "of" for g in c.children]
        # "the panels prepared by the Azerbaijani side present ...": who made them speaks.
        tokens += [
            p
            for c in phrase.children
            if c.dep_ == "acl"
            for a in c.children
            if a.dep_ == "agent"
            for p in a.children
            if p.dep_ == "pobj"
        ]
        start, end = self.analysis.span_of(tokens)
        named = self.speakers.named_near.near(start, end)
        if any(m.span.start < end and start < m.span.end for m in named):
            return True
        return any(
            t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
            or (t.pos_ == "PRON" and t.lower_ in {"he", "she", "they", "it"})
            or t.lemma_.lower() in self.words.party_nouns
            or HANDLE.fullmatch(self.analysis.words([t])) is not None  # "@hrw" speaks
            for t in tokens
        )

    def _party_in_sentence(self, head: Token) -> tuple[str | None, str | None]:
        """A distanced term's party: the subject of the verb that uses it, if not the issuer."""
        for node in head.ancestors:
            if node.pos_ in {"VERB", "AUX"} and node.lemma_.lower() in self.words.reporting_verbs:
                subject = [c for c in node.children if c.dep_ == "nsubj"]
                if subject and not self._is_issuer(list(subject[0].subtree)):
                    return self._party(list(subject[0].subtree))
        return None, None

    def _possessor(self, node: Token, stop: Token | None) -> tuple[str | None, str | None]:
        for token in [node, *node.ancestors]:
            if token is stop:
                break
            owner = [c for c in token.children if c.dep_ == "poss"]
            if owner and not self._is_issuer(list(owner[0].subtree)):
                return self._party(list(owner[0].subtree))
        return None, None

    def _is_issuer(self, tokens: list[Token]) -> bool:
        if any(t.lower_ in self.words.first_person for t in tokens):
            return True
        start, end = self.analysis.span_of(tokens)
        for mention in self.speakers.agents_near.near(start, end):
            if mention.entity in self.speakers.issuers and (
                mention.span.start < end and start < mention.span.end
            ):
                return True
        nouns = [folded(t.text) for t in tokens if t.pos_ in {"NOUN", "PROPN"}]
        words = self.speakers.issuer_words
        named = bool(nouns) and all(n in words for n in nouns)
        return named or self.speakers.names_issuer(" ".join(t.text for t in tokens))

    def _party(self, tokens: list[Token]) -> tuple[str | None, str | None]:
        """An agent entity named in `tokens`, else the words themselves."""
        tokens = [t for t in tokens if not t.is_punct or t.text in {"-", "'"}]
        if not tokens:
            return None, None
        start, end = self.analysis.span_of(tokens)
        inside = {t.i for t in tokens}
        head = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
        h_start, h_end = self.analysis.span_of([head])
        # The party is an entity when the phrase is its name, not when the entity is only
        # one of several parties ("the parliaments of 16 States, as well as the OIC").
        for mention in self.speakers.agents_near.near(start, end):
            if (
                mention.span.start <= h_start
                and h_end <= mention.span.end
                and (start <= mention.span.start and mention.span.end <= end)
            ):
                return mention.entity, None
        # "the Armenian government, which describes ...": the party, not what it says.
        clause = {t.i for r in tokens if r.dep_ == "relcl" for t in r.subtree}
        kept = [t for t in tokens if t.i not in clause] or tokens
        while len(kept) > 1 and kept[0].pos_ == "ADV":
            kept = kept[1:]  # "Even @hrw": the party, not how the text weighs it
        words = _ARTICLE.sub("", self.analysis.words(kept))
        if words.count("(") > words.count(")"):
            words += ")"  # "the Red Cross (ICRC)": the bracket the punctuation dropped
        return None, words or None


def _relative(verb: Token, subject: Token) -> Token | None:
    """The relative clause's verb that the verb is, or shares its relative pronoun with."""
    if verb.dep_ == "relcl":
        return verb
    if subject.tag_ in {"WDT", "WP"} and subject.head.dep_ == "relcl":
        return subject.head
    return None
