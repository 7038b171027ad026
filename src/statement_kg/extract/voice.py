"""Whose voice a claim is in, read from the dependency parse of its sentence: the words that
govern the claim's phrase decide. A reporting verb with a subject other than the issuer
("Baku claims that ...", "interpreted as a massacre by Azerbaijan"), "according to X", a
reporting noun ("Azerbaijan's allegations of ..."), a distancing word ("so-called") make it
reported; a denial verb or noun ("we reject the label of genocide", "the myth of ..."), or a
negated existence ("there was no genocide") make it denied; a claim inside another party's
quotation is that party's. Everything else is the issuer's own."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from statement_kg.extract.noun_voice import NounVoice
from statement_kg.extract.openings import Opening, openings_of
from statement_kg.extract.parties import Speakers
from statement_kg.extract.quotations import SCARE_WORDS
from statement_kg.extract.voice_parse import (
    SUBJECTS,
    antecedent,
    asserted,
    contrasted,
    counts,
    is_content,
    path_to,
    subject_of,
    verbal,
)
from statement_kg.records import OWN, Voice

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Speakers", "VoiceReader"]

# A clause beside a negated verb is not what it negates ("justice is not complete while
# those responsible for the genocide walk free").
# Scare quotes (a few words, SCARE_WORDS as quotations reads them) stand close to the claim.
SCARE_REACH = 40
_ASIDE = frozenset({"advcl", "advmod", "parataxis", "conj", "mark", "npadvmod"})
# How a claim hangs below a verb of saying (its clause or object) and below a verb of naming
# (the predicate it gives: "calls it a crime", "recognised ... as genocide").
# A single quotation mark that opens (after a space or the line's start) or closes (before
# no letter): "false narratives about 'genocide'".
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(]))['‘]")
_SINGLE_CLOSE = re.compile(r"['’](?![\w])")
_CLAUSE = frozenset({"ccomp", "xcomp", "dobj", "advcl", "parataxis", "conj", "attr", "oprd"})
_PREDICATE = frozenset({"oprd", "attr", "ccomp", "acomp"})
# How far (in tokens) a word that governs a claim may be from it.
MAX_REACH = 60
# A source in brackets after a claim: how far after it, and how long.
SOURCE_REACH = 60
SOURCE_WORDS = 8


def _single_open(before: str) -> int:
    """Where a single quotation mark opens before a claim ("about 'genocide'"), not an
    apostrophe inside a word ("Baku's")."""
    for match in reversed(list(_SINGLE_OPEN.finditer(before))):
        return match.end() - 1
    return -1


def _single_close(after: str) -> int:
    match = _SINGLE_CLOSE.search(after)
    return match.start() if match else -1


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
class VoiceReader(NounVoice):
    """The voice of each claim of one text."""

    # The attributions that open clauses of a sentence, by its first token, read once.
    openings: dict[int, list[Opening]] = field(default_factory=dict, compare=False)

    def voice(self, start: int, end: int) -> Voice:
        """The claim's voice; what a relaying site reports is the issuer's own, but not the
        site's own questions in an interview it relays."""
        found = self._voice(start, end)
        relayed = found.kind == "reported" and self.speakers.relayed(found)
        return OWN if relayed and self._in_turn(start) is None else found

    def _quoted(self, start: int, end: int) -> Voice | None:
        """A claim inside another party's quotation is that party's."""
        for quotation in self.speakers.quotations_near.near(start, end):
            inside = quotation.span.start <= start and end <= quotation.span.end
            by_issuer = quotation.speaker in self.speakers.issuers or (
                quotation.speaker is None
                and self.speakers.names_issuer(quotation.voice.party_words or "")
            )
            if inside and not by_issuer:
                return Voice("reported", quotation.speaker, quotation.voice.party_words)
        return None

    def _voice(self, start: int, end: int) -> Voice:
        found = self._voice_in_sentence(start, end)
        # What another speaker's turn says in no other party's voice is that speaker's.
        return (found.own and self._in_turn(start)) or found

    def _voice_in_sentence(self, start: int, end: int) -> Voice:
        quoted = self._quoted(start, end)
        head = self.analysis.head(start, end)
        if quoted is not None or head is None:
            return quoted or OWN
        # "no massacre took place"; "the scene of a military operation, not of the
        # slaughter of civilians".
        negated = head.head.dep_ == "prep" and head.head.head.dep_ == "neg"
        if negated or any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            return Voice("denied")
        governed = self._governed(head)
        if governed.kind == "denied":
            return governed
        if governed.own:
            governed = self._opening_attribution(head) or self._sourced_after(end) or governed
        # "so-called", "alleged", a term in scare quotes ('the exhibition on the "Khojaly
        # genocide"'): the term is another party's, even where nothing else in the sentence
        # says whose.
        distanced = self._distanced(head, start) or self._scare_quoted(start, end)
        if distanced and governed.own:
            return Voice("reported", *self._party_in_sentence(head))
        return governed

    def _scare_quoted(self, start: int, end: int) -> bool:
        """Whether the claim stands in quotation marks that hold a few words and no verb:
        a name the issuer keeps at a distance, not anyone's words quoted."""
        text = self.analysis.original
        before = text[max(0, start - SCARE_REACH) : start]
        after = text[end : end + SCARE_REACH]
        opening = max(before.rfind('"'), before.rfind("“"), _single_open(before))
        closing = [i for i in (after.find('"'), after.find("”"), _single_close(after)) if i >= 0]
        if opening < 0 or not closing or "\n" in before[opening:] + after[: min(closing)]:
            return False
        inside = self.analysis.tokens(start - len(before) + opening + 1, end + min(closing))
        words = [t for t in inside if not t.is_punct and not t.is_space]
        return 0 < len(words) <= SCARE_WORDS and not any(t.pos_ in {"VERB", "AUX"} for t in words)

    def _in_turn(self, start: int) -> Voice | None:
        """A claim in another speaker's turn of an interview or a meeting record is that
        speaker's ("Question (Armenpress): Yesterday marked the anniversary of the
        massacre ...")."""
        turn = self.speakers.turn_at(start)
        if turn is None or turn.answers or self.speakers.issuer_turn(turn):
            return None
        # Among speakers' names, the issuer must be one of them: else whose turns are
        # whose is not known (a meeting record whose issuer the text does not say).
        if not turn.questions and not self.speakers.issuer_in_turns:
            return None
        return Voice("reported", None, turn.speaker)

    def _sourced_after(self, end: int) -> Voice | None:
        """ "about 9,000 (official sources) or \"at most 4,000\" (local observers)":
        a source in brackets right after the claim says whose it is."""
        after = [
            t
            for t in self.analysis.tokens(end, end + SOURCE_REACH)
            if not t.is_space and not t.is_quote
        ]
        if not after or after[0].text != "(":
            return None
        inside = list(itertools.takewhile(lambda t: t.text != ")", after[1:]))
        if not inside or len(inside) == len(after) - 1 or len(inside) > SOURCE_WORDS:
            return None
        # "(four women and two children)" breaks a figure down; "(survivors remember it)"
        # says something: only a bare noun phrase headed by a party noun names a source.
        heads = [t for t in inside if t.head.i not in {u.i for u in inside} or t.head.i == t.i]
        says = any(t.like_num or t.pos_ in {"VERB", "AUX"} for t in inside)
        if says or len(heads) != 1 or heads[0].lemma_.lower() not in self.words.party_nouns:
            return None
        return Voice("reported", *self._party(inside))

    def _opening_attribution(self, head: Token) -> Voice | None:
        """ "According to X, A ..., B ... and C ...": an attribution that opens the sentence
        covers every clause of it after it, however the parser hangs them."""
        sentence = head.sent
        if sentence.start not in self.openings:
            self.openings[sentence.start] = openings_of(
                sentence,
                self.words.attribution_phrases,
                self.words.party_nouns,
                self.analysis.paragraph,
            )
        for first, last, party in self.openings[sentence.start]:
            if first < head.i < last:
                return Voice("reported", *self._party(list(party)))
        return None

    def _governed(self, head: Token) -> Voice:
        """The voice the nearest word that governs the claim's phrase gives it; a claim
        another party gives that the issuer then disputes ("the figure circulated by X is a
        fabrication") is denied, with that party."""
        child = head
        reported: Voice | None = None
        for node in [head, *head.ancestors]:
            if abs(node.i - head.i) > MAX_REACH or self._apart(node, head):
                # A "sentence" this long is a list the parser ran together; a word in
                # another paragraph ("SITE presents the full text:" over the text) is
                # another sentence the parser ran on into it.
                break
            found = self._governs(node, child, head)
            if found is not None and reported is None:
                # A noun's giver ("circulated by X") may still be disputed higher up.
                if found.kind != "reported" or node.pos_ not in {"NOUN", "PROPN"}:
                    return found
                reported = found
            elif found is not None and found.kind == "denied":
                assert reported is not None
                # The party the denial names itself ("They inflate the toll"), else the
                # one that gave the claim ("the figure circulated by X is inflated").
                if found.party_words is not None:
                    return found
                return Voice("denied", reported.party, reported.party_words)
            child = node
        return reported or OWN

    def _governs(self, node: Token, child: Token, head: Token) -> Voice | None:
        """The voice `node` gives the claim below it (reached through `child`), or None."""
        used = self._used_by(node, child) if node.pos_ in {"NOUN", "PROPN"} else None
        attribution = used or self._attribution(node, child, counts(head))
        if attribution is not None or node is head:
            return attribution
        if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}:
            return None  # "denies X but claims Y": each verb governs its own clause
        if verbal(node) and child.dep_ in SUBJECTS:
            return self._subject_voice(node)
        if verbal(node):
            return self._verb_voice(node, child, head)
        if node.pos_ in {"NOUN", "PROPN"}:
            return self._noun_voice(node, child)
        return None

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
        if lemma in words.denial_verbs:
            return self._denial(verb, child, path, negated)
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

    def _attribution(self, node: Token, child: Token, count: bool) -> Voice | None:
        """'according to X' attached to `node`, on another branch than the claim; for a
        count, "by the official count", "by Baku's estimate": the one whose count it is."""
        for other in node.children:
            if other.i == child.i:
                continue
            counted = [
                g
                for g in other.children
                if count
                and other.lower_ == "by"
                and g.dep_ == "pobj"
                and g.lemma_.lower() in self.words.count_nouns
            ]
            whose = self._counter(counted[0]) if counted and other.dep_ in {"prep", "agent"} else []
            if whose:
                return Voice("reported", *self._party(whose))
            if other.dep_ not in {"prep", "advcl", "advmod", "npadvmod"}:
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
