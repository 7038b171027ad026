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

from statement_kg.extract.openings import Opening, openings_of
from statement_kg.extract.parties import Speakers
from statement_kg.extract.scare_quotes import SCARE_WORDS
from statement_kg.extract.verb_voice import VerbVoice
from statement_kg.extract.voice_parse import (
    SUBJECTS,
    counts,
    verbal,
)
from statement_kg.records import OWN, Voice

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Speakers", "VoiceReader"]

# Scare quotes (a few words, SCARE_WORDS as quotations reads them) stand close to the claim.
SCARE_REACH = 40
# A single quotation mark that opens (after a space or the line's start) or closes (before
# no letter): "false narratives about 'genocide'".
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(]))['‘]")
_SINGLE_CLOSE = re.compile(r"['’](?![\w])")
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


@dataclass(frozen=True)
class VoiceReader(VerbVoice):
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
        # genocide"'): the issuer disputes the term, even where nothing else in the sentence
        # says whose it is; in quotation marks that a party's verb puts it in ('Azerbaijan
        # officially terms it "genocide"') it is only that party's, reported.
        worded = self._distanced(head, start)
        if not (worded or self._scare_quoted(start, end)) or not governed.own:
            return governed
        party = self._party_in_sentence(head)
        return Voice("reported" if any(party) and not worded else "denied", *party)

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
                if self._own_source(list(party)):
                    return OWN
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
            if reported is None and self._qualifies(node):
                # "reports documented executions, which constitute war crimes": what the
                # relative clause calls the thing reported is the issuer's own word.
                return OWN
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

    def _qualifies(self, node: Token) -> bool:
        """A relative clause set off by a comma that says what a documented thing is
        ("documented executions, which constitute war crimes"): the writer's aside. On a
        noun inside what someone said ("said that the killings, which constitute ..., must
        be investigated") or restrictive ("acts that may amount to ...") it is reported."""
        # The object the clause's noun is, or is part of ("executions of prisoners, which").
        noun = node.head
        while noun.dep_ in {"conj", "pobj", "prep"} and noun.head is not noun:
            noun = noun.head
        return (
            node.dep_ == "relcl"
            and node.lemma_.lower() in self.words.qualifying_verbs
            and noun.dep_ == "dobj"
            and any(
                c.dep_ == "nsubj" and c.tag_ in {"WDT", "WP"} and c.i > 0 and c.nbor(-1).text == ","
                for c in node.children
            )
        )

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
                    source = tokens[len(phrase.split()) :]
                    # "according to the figures of my government": the issuer's own.
                    if self._own_source(source):
                        return OWN
                    return Voice("reported", *self._party(source))
        return None

    def _own_source(self, tokens: list[Token]) -> bool:
        """A source the issuer owns ("our records", "the figures of my government"), not
        people of its own ("our partners"), who are another party."""
        return any(
            t.dep_ == "poss"
            and t.lower_ in self.words.first_person
            and t.head.lemma_.lower() not in self.words.others_of_ours
            for t in tokens
        )

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
