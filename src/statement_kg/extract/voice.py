"""Whose voice a claim is in, read from the dependency parse of its sentence: the words that
govern the claim's phrase decide. A reporting verb with a subject other than the issuer
("Baku claims that ...", "interpreted as a massacre by Azerbaijan"), "according to X", a
reporting noun ("Azerbaijan's allegations of ..."), a distancing word ("so-called") make it
reported; a denial verb or noun ("we reject the label of genocide", "the myth of ..."), or a
negated existence ("there was no genocide") make it denied; a claim inside another party's
quotation is that party's. Everything else is the issuer's own."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from statement_kg.language import Analysis
from statement_kg.lexicon import VoiceWords
from statement_kg.records import OWN, Mention, Quotation, Voice

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# Words in a name that say nothing of whose it is.
_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "for", "and", "to", "in", "on"})
# A clause beside a negated verb is not what it negates ("justice is not complete while
# those responsible for the genocide walk free").
_ASIDE = frozenset({"advcl", "advmod", "parataxis", "conj", "mark", "npadvmod"})
# How a claim hangs below a verb of saying (its clause or object) and below a verb of naming
# (the predicate it gives: "calls it a crime", "recognised ... as genocide").
_CLAUSE = frozenset({"ccomp", "xcomp", "dobj", "advcl", "parataxis", "conj", "attr", "oprd"})
_PREDICATE = frozenset({"oprd", "attr", "ccomp", "acomp"})
MAX_NAME_WORDS = 12
# How far (in tokens) a word that governs a claim may be from it.
MAX_REACH = 60
# How far up the parse the subject a participle shares is looked for.
MAX_CLIMB = 6
_ARTICLE = re.compile(r"^(?:the|a|an|this|that)\s+", re.IGNORECASE)


def _path(head: Token, child: Token) -> list[Token]:
    """The tokens from a claim's head up to `child`, both included."""
    path = [head]
    while path[-1].i != child.i and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def _folded(words: str) -> str:
    """Words compared without case or accents ("TÜRKİYE" and "Türkiye" are one name)."""
    decomposed = unicodedata.normalize("NFKD", words.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _name_words(name: str) -> list[str]:
    """A name's words, folded and without the brackets and marks around them."""
    return [w for w in (w.strip("().,'’\"") for w in _folded(name).split()) if w]


def _counts(head: Token) -> bool:
    """Whether a claim's phrase is a number ("200", "200 dead", "from 200 to 1,000")."""
    return head.like_num or any(c.like_num or c.dep_ == "nummod" for c in head.children)


def _contrasted(token: Token) -> bool:
    """'not an isolated outburst but the opening of ...': what follows "but" is asserted."""
    return token.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ in {"but", "rather"} for c in token.head.children
    )


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

    @cached_property
    def _relay_names(self) -> frozenset[str]:
        return frozenset(_folded(" ".join(n.split())) for n in self.relay_names)

    def relayed(self, voice: Voice) -> bool:
        words = _folded(" ".join((voice.party_words or "").split()))
        return voice.party in self.relays or (bool(words) and words in self._relay_names)

    def names_issuer(self, words: str) -> bool:
        """Whether the words that name a speaker name the issuer ("the Ombudsman" for the
        Commissioner for Human Rights (Ombudsman) who issued the text)."""
        names = [w for w in _name_words(words) if w not in _FUNCTION_WORDS]
        return bool(names) and all(w in self.issuer_words for w in names)

    @cached_property
    def issuer_words(self) -> frozenset[str]:
        """The words of the issuer's names; a "name" longer than a name is a misread."""
        return frozenset(
            w
            for name in self.issuer_names
            if len(name.split()) <= MAX_NAME_WORDS
            for w in _name_words(name)
        )


@dataclass(frozen=True)
class VoiceReader:
    analysis: Analysis
    words: VoiceWords
    speakers: Speakers

    def voice(self, start: int, end: int) -> Voice:
        found = self._voice(start, end)
        return OWN if found.kind == "reported" and self.speakers.relayed(found) else found

    def _voice(self, start: int, end: int) -> Voice:
        for quotation in self.speakers.quotations:
            inside = quotation.span.start <= start and end <= quotation.span.end
            by_issuer = quotation.speaker in self.speakers.issuers or (
                quotation.speaker is None
                and self.speakers.names_issuer(quotation.voice.party_words or "")
            )
            if inside and not by_issuer:
                return Voice("reported", quotation.speaker, quotation.voice.party_words)
        head = self.analysis.head(start, end)
        if head is None:
            return OWN
        if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            return Voice("denied")
        governed = self._governed(head)
        if governed.kind == "denied":
            return governed
        if governed.own:
            governed = self._opening_attribution(head) or governed
        # "so-called", "alleged": the term is another party's, even where nothing else in
        # the sentence says whose.
        if self._distanced(head, start) and governed.own:
            return Voice("reported", *self._party_in_sentence(head))
        return governed

    def _opening_attribution(self, head: Token) -> Voice | None:
        """ "According to X, A ..., B ... and C ...": an attribution that opens the sentence
        covers every clause of it, however the parser hangs them."""
        sentence = [t for t in head.sent if not t.is_space]
        words = [t.lower_ for t in sentence]
        for phrase in self.words.attribution_phrases:
            length = len(phrase.split())
            if " ".join(words[:length]) != phrase or "," not in words[length:]:
                continue
            comma = words.index(",", length)
            if head.i > sentence[comma].i:
                return Voice("reported", *self._party(sentence[length:comma]))
        return None

    def _governed(self, head: Token) -> Voice:
        """The voice the nearest word that governs the claim's phrase gives it; a claim
        another party gives that the issuer then disputes ("the figure circulated by X is a
        fabrication") is denied, with that party."""
        child = head
        reported: Voice | None = None
        for node in [head, *head.ancestors]:
            if abs(node.i - head.i) > MAX_REACH:
                break  # a "sentence" this long is a list the parser ran together
            found = self._governs(node, child, head)
            if found is not None and reported is None:
                # A noun's giver ("circulated by X") may still be disputed higher up.
                if found.kind != "reported" or node.pos_ not in {"NOUN", "PROPN"}:
                    return found
                reported = found
            elif found is not None and found.kind == "denied":
                assert reported is not None
                return Voice("denied", reported.party, reported.party_words)
            child = node
        return reported or OWN

    def _governs(self, node: Token, child: Token, head: Token) -> Voice | None:
        """The voice `node` gives the claim below it (reached through `child`), or None."""
        used = self._used_by(node) if node.pos_ in {"NOUN", "PROPN"} else None
        attribution = used or self._attribution(node, child)
        if attribution is not None or node is head:
            return attribution
        if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}:
            return None  # "denies X but claims Y": each verb governs its own clause
        if node.pos_ in {"VERB", "AUX"} and child.dep_ in _SUBJECTS:
            return self._subject_voice(node)
        if node.pos_ in {"VERB", "AUX"}:
            return self._verb_voice(node, child, head)
        if node.pos_ in {"NOUN", "PROPN"}:
            return self._noun_voice(node, child)
        return None

    def _used_by(self, noun: Token) -> Voice | None:
        """ "the labels X and Y used by Z", "the figure of N repeated in Z's letter": a
        participle of using or saying, on the noun or on the last of the nouns it is
        coordinated with, hands the claim to its agent or to the text it names."""
        verbs = self.words.giving_verbs
        for named in (noun, *(c for c in noun.children if c.dep_ == "conj")):
            for verb in named.children:
                if verb.dep_ != "acl" or verb.lemma_.lower() not in verbs:
                    continue
                # "used by Z", "repeated in Z's letter": the agent, or where it was written.
                where = [c for c in verb.children if c.dep_ == "agent" or c.lower_ in {"by", "in"}]
                speaker = [
                    t for a in where for c in a.children if c.dep_ == "pobj" for t in c.subtree
                ]
                if speaker and not self._is_issuer(speaker):
                    return Voice("reported", *self._party(speaker))
        return None

    def _noun_voice(self, noun: Token, child: Token) -> Voice | None:
        """'the myth of genocide' denies (not what a clause under it names); 'Azerbaijan's
        allegations of' reports."""
        lemma = noun.lemma_.lower()
        if lemma in self.words.denial_nouns and child.dep_ not in {"acl", "relcl"}:
            return Voice("denied", *self._possessor(noun, None))
        if lemma in self.words.reporting_nouns:
            party = self._possessor(noun, None)
            if party != (None, None):
                return Voice("reported", *party)
            # "Estimates that appeared in the press range from 200 to 1,000": what the
            # subject of the sentence, a reporting noun, gives.
            if noun.dep_ in {"nsubj", "nsubjpass", "ROOT"} and noun.tag_ == "NNS":
                return Voice("reported")
        return None

    def _subject_voice(self, verb: Token) -> Voice | None:
        """A claim that is the subject of its clause is denied when the clause says it did
        not happen ("the genocide never happened", "no massacre took place") or calls it a
        lie ("the so-called genocide is a product of propaganda")."""
        words = self.words
        negated = any(c.dep_ == "neg" for c in verb.children)
        if verb.lemma_.lower() in words.negatable_verbs - {"be"} and negated:
            return Voice("denied") if self._asserted(verb) else None
        if verb.lemma_ == "be" and not negated:
            predicates = [c for c in verb.children if c.dep_ in {"attr", "acomp"}]
            if any(t.lemma_.lower() in words.denial_nouns for p in predicates for t in p.subtree):
                return Voice("denied")
        return None

    def _verb_voice(self, verb: Token, child: Token, head: Token) -> Voice | None:
        words = self.words
        lemma = verb.lemma_.lower()
        negated = any(c.dep_ == "neg" for c in verb.children)
        if lemma in words.denial_verbs:
            # "Baku denies the massacres of Armenians": the issuer's own word for what
            # another party denies.
            others = negated or self._denied_by_another(verb)
            return OWN if others else Voice("denied", *self._possessor(child, verb))
        path = _path(head, child)
        if (
            lemma in words.negatable_verbs
            and negated
            and child.dep_ not in _ASIDE
            and self._asserted(verb)
            and not any(_contrasted(t) for t in path)
        ):
            return Voice("denied")
        measured = self._measured_by(verb, child) if _counts(head) else None
        if measured is not None:
            return measured
        content = _CLAUSE if lemma in words.reporting_verbs else None
        if lemma in words.labelling_verbs:
            content = _PREDICATE
            # "portrayed the massacre as a provocation": the name given, wherever the
            # parse hangs its "as".
            if any(t.dep_ == "prep" and t.lower_ == "as" for t in path):
                return self._reported_by_verb(verb)
        if content is not None and self._is_content(child, content, head):
            return self._reported_by_verb(verb)
        return None

    def _measured_by(self, verb: Token, child: Token) -> Voice | None:
        """ "Estimates in the press ranged from 200 to 1,000", "the figures advanced by the
        parties reach 600": a claim that is the measure of a clause whose subject is a
        reporting noun is that noun's; its party is who gave it, where the sentence says."""
        if child.dep_ in _SUBJECTS or child.dep_ in {"ccomp", "advcl", "conj", "parataxis"}:
            return None
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects or subjects[0].lemma_.lower() not in self.words.reporting_nouns:
            return None
        given = self._used_by(subjects[0])
        return (
            given if given is not None else Voice("reported", *self._possessor(subjects[0], verb))
        )

    @staticmethod
    def _is_content(child: Token, kinds: frozenset[str], head: Token) -> bool:
        """Whether the claim is what the verb reports (its clause, its object, the name it
        gives), not a topic ("reported on the genocide"). The name of an event used to refer
        to it in a reported clause ("claims that the Khojaly massacre was committed by") is
        the issuer's wording, not the reported party's. What a verb of saying speaks "of" is
        what it reports ("spoke of 200 dead")."""
        if child.dep_ == "prep" and child.lower_ not in {"as", "of"}:
            return False
        if child.dep_ not in kinds and child.dep_ != "prep":
            return False
        named = any(
            (c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" or c.pos_ == "PROPN"
            for c in head.children
        )
        return not (head.dep_ in _SUBJECTS and named and head.head.i == child.i)

    @staticmethod
    def _asserted(verb: Token) -> bool:
        """A negated verb denies only when it states a fact ("there was no genocide"), not a
        wish or a warning ("must never happen again")."""
        if any(c.lower_ == "again" for c in verb.children):
            return False
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
            return False
        return verb.tag_ in {"VBD", "VBZ", "VBN"} or verb.lemma_ == "be"

    @staticmethod
    def _subject(verb: Token) -> Token | None:
        """A verb's subject, or the one it shares: a conjunct's ("denies ... but even claims
        that"), a participle's ("parliaments adopted resolutions ... recognizing it as").
        Not an infinitive's: "calls on others to recognise it as" is the caller's wish."""
        for _ in range(MAX_CLIMB):
            subject = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subject:
                return subject[0]
            if verb.dep_ == "xcomp" and VoiceReader._subject_controls(verb.head):
                verb = verb.head  # "they try to present it as": the trying subject's
                continue
            if verb.dep_ not in {"conj", "pcomp", "acl", "advcl"} or verb.tag_ == "VB":
                return None
            verb = verb.head
            while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
                verb = verb.head
        return None

    def _denied_by_another(self, verb: Token) -> bool:
        subject = self._subject(verb)
        if subject is None or subject.tag_ in {"WDT", "WP"}:
            return False
        tokens = list(subject.subtree)
        return not self._is_issuer(tokens) and self._agentive(subject)

    @staticmethod
    def _subject_controls(verb: Token) -> bool:
        """ "try to present": the subject does the infinitive's act; "urges others to
        recognise", "calls on them to": an object or a preposition's object does."""
        return verb.pos_ in {"VERB", "AUX"} and not any(
            c.dep_ in {"dobj", "prep", "iobj"} for c in verb.children
        )

    def _reported_by_verb(self, verb: Token) -> Voice | None:
        subject = self._subject(verb)
        agent = [
            t
            for t in verb.subtree
            if t.lower_ == "by" and t.dep_ in {"agent", "prep"} and t.i > verb.i
        ]
        passive = any(c.dep_ == "auxpass" for c in verb.children) or (
            verb.tag_ == "VBN" and (subject is None or subject.dep_ == "nsubjpass")
        )
        speaker: list[Token] = []
        if passive and agent:
            speaker = [t for c in agent[0].children if c.dep_ == "pobj" for t in c.subtree]
        elif subject is not None and not passive and subject.tag_ not in {"WDT", "WP"}:
            speaker = list(subject.subtree)
        elif subject is not None and not passive and verb.dep_ == "relcl":
            # "X, a commander, who said that ...": the one the clause hangs on.
            subject = verb.head
            while subject.dep_ == "appos":  # "X, a commander ..., who said": X
                subject = subject.head
            clause = {t.i for t in verb.subtree}
            speaker = [t for t in subject.subtree if t.i not in clause]
        if speaker:
            if self._is_issuer(speaker):
                return OWN
            if not self._agentive(subject if subject is not None and not passive else speaker[0]):
                return None
            return Voice("reported", *self._party(speaker))
        if passive and verb.lemma_.lower() in self.words.passive_verbs:
            return Voice("reported")
        return None

    def _agentive(self, phrase: Token) -> bool:
        """Whether a phrase's head names someone who can claim: an agent, a named body or
        person, a pronoun, or a noun of people ("officials"); "elements of the acts committed
        in Khojaly" names none, though a place is in it."""
        tokens = [phrase, *(c for c in phrase.children if c.dep_ in {"compound", "amod", "poss"})]
        start, end = self.analysis.span_of(tokens)
        named = (*self.speakers.agents, *self.speakers.places)
        if any(m.span.start < end and start < m.span.end for m in named):
            return True
        return any(
            t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
            or (t.pos_ == "PRON" and t.lower_ in {"he", "she", "they", "it"})
            or t.lemma_.lower() in self.words.party_nouns
            for t in tokens
        )

    def _attribution(self, node: Token, child: Token) -> Voice | None:
        """'according to X' attached to `node`, on another branch than the claim."""
        for other in node.children:
            if other.i == child.i or other.dep_ not in {"prep", "advcl", "advmod", "npadvmod"}:
                continue
            tokens = list(other.subtree)
            text = " ".join(t.lower_ for t in tokens)
            for phrase in self.words.attribution_phrases:
                if text.startswith(phrase + " "):
                    return Voice("reported", *self._party(tokens[len(phrase.split()) :]))
        return None

    def _distanced(self, head: Token, start: int) -> bool:
        first = head.left_edge
        begin = self.analysis.span_of([first])[0]
        before = self.analysis.original[begin:start].lower()
        sentence = head.sent
        preceding = self.analysis.original[self.analysis.span_of([sentence[0]])[0] : begin].lower()[
            -20:
        ]
        window = f"{preceding} {before}"
        return any(
            re.search(rf"(?<!\w){re.escape(word)}\W*$", window.rstrip(" \"'“‘«"))
            or re.search(rf"(?<!\w){re.escape(word)}\s+[\"“‘«]?\s*\w*\W*$", window)
            for word in self.words.distancing_words
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
        for mention in self.speakers.agents:
            if mention.entity in self.speakers.issuers and (
                mention.span.start < end and start < mention.span.end
            ):
                return True
        nouns = [_folded(t.text) for t in tokens if t.pos_ in {"NOUN", "PROPN"}]
        words = self.speakers.issuer_words
        return bool(nouns) and all(n in words for n in nouns)

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
        for mention in self.speakers.agents:
            if (
                mention.span.start <= h_start
                and h_end <= mention.span.end
                and (start <= mention.span.start and mention.span.end <= end)
            ):
                return mention.entity, None
        words = _ARTICLE.sub("", self.analysis.words(tokens))
        return None, words or None
