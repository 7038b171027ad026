"""The voice a noun gives the claim it governs: a reporting noun's giver ("Azerbaijan's
allegations of", "the figure circulated by X"), a count's party ("the official Soviet
toll"), a denial noun ("the myth of"), a nation's adjective that is not the issuer's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from statement_kg.extract.parties import PartyReader
from statement_kg.extract.voice_parse import folded
from statement_kg.records import Voice

if TYPE_CHECKING:
    from spacy.tokens import Token

# A nation's adjective and its country's name share their first letters.
NATION_STEM = 6


@dataclass(frozen=True)
class NounVoice(PartyReader):
    """What the nouns above a claim say of whose it is."""

    def _used_by(self, noun: Token, via: Token | None = None) -> Voice | None:
        """ "the labels X and Y used by Z", "the figure of N repeated in Z's letter": a
        participle of using or saying, on the noun or on the last of the nouns it is
        coordinated with, hands the claim to its agent or to the text it names."""
        verbs = self.words.giving_verbs
        for named in (noun, *(c for c in noun.children if c.dep_ == "conj")):
            for verb in named.children:
                if verb.dep_ == "relcl" and verb != via:
                    # "the figure of N which Baku keeps repeating": the clause's subject,
                    # when what it says is the noun ("which" its object).
                    saying = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
                    # The parser may read the subject as a compound of the verb ("that
                    # Azerbaijan repeats every February").
                    subject = [
                        c
                        for c in verb.children
                        if c.dep_ == "nsubj"
                        or (c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < verb.i)
                    ]
                    said = any(
                        c.dep_ == "dobj" and (c.tag_ in {"WDT", "WP"} or c.lower_ == "that")
                        for v in saying
                        for c in v.children
                    )
                    if subject and said and any(v.lemma_.lower() in verbs for v in saying):
                        speaker = list(subject[0].subtree)
                        if not self._is_issuer(speaker) and self._agentive(subject[0]):
                            return Voice("reported", *self._party(speaker))
                if verb.dep_ != "acl" or verb.lemma_.lower() not in verbs:
                    continue
                # "used by Z", "repeated in Z's letter": the agent, or where it was written.
                where = [c for c in verb.children if c.dep_ == "agent" or c.lower_ in {"by", "in"}]
                speaker = [
                    t
                    for a in where
                    for c in a.children
                    if c.dep_ == "pobj" and (a.lower_ != "in" or self._a_text(c))
                    for t in c.subtree
                ]
                if speaker and not self._is_issuer(speaker):
                    return Voice("reported", *self._party(speaker))
        return None

    def _a_text(self, noun: Token) -> bool:
        """ "in Z's letter", "in the report", "in Le Monde": a text a claim was written in,
        not "in connection with" or "in response to"."""
        words = self.words
        return (
            noun.pos_ == "PROPN"
            or any(c.dep_ == "poss" for c in noun.children)
            or noun.lemma_.lower() in words.reporting_nouns | words.claim_nouns
        )

    def _noun_voice(self, noun: Token, child: Token) -> Voice | None:
        """'the myth of genocide' denies (not what a clause under it names); 'Azerbaijan's
        allegations of' reports."""
        lemma = noun.lemma_.lower()
        if lemma in self.words.denial_nouns and child.dep_ not in {"acl", "relcl"}:
            return Voice("denied", *self._possessor(noun, None))
        # "officials gave us a count of 213 dead": the count is theirs.
        if lemma in self.words.counts_only:
            return self._given_by(noun)
        if lemma in self.words.reporting_nouns:
            return self._reporting_noun_voice(noun, child, lemma)
        return None

    def _reporting_noun_voice(self, noun: Token, child: Token, lemma: str) -> Voice | None:
        """'Azerbaijan's figure', 'the claim that', 'the "genocide" label', 'reports of',
        'the fabricated figure of'."""
        if self._called_false(noun):
            # "Baku insists on the fabricated figure of 613": the party's, disputed.
            given = self._given_by(noun) or self._held_by(noun)
            return Voice("denied", *((given.party, given.party_words) if given else ()))
        given = self._given_by(noun)
        if given is not None:
            return given
        # "repeats the well-worn claim that ... was a genocide", 'the "genocide" label',
        # "the reports of war crimes": what the noun reports, unless the issuer's own ("our
        # claim that").
        owners = [t for c in noun.children if c.dep_ == "poss" for t in c.subtree]
        that = lemma in self.words.claim_nouns and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        )
        named = (
            lemma in self.words.label_nouns
            and child.dep_ in {"compound", "amod", "nmod"}
            and child.i < noun.i
        )
        plural_of = noun.tag_ == "NNS" and child.dep_ == "prep" and child.lower_ == "of"
        if (that or named or plural_of) and not (owners and self._is_issuer(owners)):
            return Voice("reported")
        # "Estimates that appeared in the press range from 200 to 1,000": what the subject
        # of the sentence, a reporting noun, gives.
        if noun.dep_ in {"nsubj", "nsubjpass", "ROOT"} and noun.tag_ == "NNS":
            return Voice("reported")
        return None

    def _called_false(self, noun: Token) -> bool:
        """ "the fabricated figure", "the false claim": a word of falsity on the noun."""
        return any(
            c.dep_ == "amod" and c.lemma_.lower() in self.words.falsity_words for c in noun.children
        )

    def _held_by(self, noun: Token) -> Voice | None:
        """Who holds to what the noun reports, through a preposition ("Baku insists on the
        figure"), unless the issuer."""
        if noun.dep_ != "pobj" or noun.head.head.pos_ != "VERB":
            return None
        given = self._reported_by_verb(noun.head.head)
        return given if given is not None and given.kind == "reported" else None

    def _given_by(self, noun: Token) -> Voice | None:
        """Who gives what a reporting noun reports: its possessor ("Azerbaijan's figure"), a
        nation not the issuer's ("the Azerbaijani figure of 613"), or whoever gives it as an
        object ("the press gave figures of over 1,000"), unless the issuer."""
        party = self._possessor(noun, None)
        if party != (None, None):
            return Voice("reported", *party)
        nations = [
            c
            for c in noun.children
            if c.dep_ in {"amod", "compound"}
            and c.i < noun.i
            and self._nation(c)
            and not self._national_issuer(c)
        ]
        if nations:
            return Voice("reported", *self._party([nations[0]]))
        if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
            given = self._reported_by_verb(noun.head)
            if given is not None and given.kind == "reported":
                return given
        return None

    def _nation(self, token: Token) -> bool:
        """Whether the word is a nation's: the parser's, or a country's name the word
        begins like ("Azerbaijani" for Azerbaijan)."""
        if token.ent_type_ in {"NORP", "GPE"}:
            return True
        stem = folded(token.text)[:NATION_STEM]
        return token.is_title and any(n.startswith(stem) for n in self.speakers.nations)

    def _national_issuer(self, adjective: Token) -> bool:
        """Whether a nation's adjective is the issuer's own ("Azerbaijani" in a statement
        of Azerbaijan's bodies)."""
        stem = folded(adjective.text)[:NATION_STEM]
        return any(w.startswith(stem) for w in self.speakers.issuer_words)

    def _counter(self, count: Token) -> list[Token]:
        """Who a count is by: its possessor, a nation not the issuer's, a name, or "of X";
        nothing where only the issuer can be meant ("our count", "the official count")."""
        parts = [
            c
            for c in count.children
            if c.dep_ == "poss"
            or (
                c.dep_ in {"amod", "compound"}
                and (c.pos_ == "PROPN" or self._nation(c))
                and not self._national_issuer(c)
            )
            or (c.dep_ == "prep" and c.lower_ == "of")
        ]
        words = [t for c in parts for t in c.subtree]
        return (
            [] if not words or self._is_issuer(words) else sorted(count.subtree, key=lambda t: t.i)
        )
