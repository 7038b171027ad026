"""A head line that labels who speaks or wrote ("Speaker: NAME, MP (X faction)", "Author:
NAME", "Spokesperson for X: NAME"): a transcript's or a note's own statement of its issuer."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from statement_kg.extract.spans import make_span
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.found import Found
from statement_kg.structure.names import PERSON_NAME, found, persons
from statement_kg.structure.zones import Line, Zones

# A title that labels its holder runs to a few words at most.
TITLE_WORDS = 12
_BY_LABEL = re.compile(r"(?P<label>\w+(?:\s+\w+)?\s+by)\s+(?=(?-i:[A-Z]))", re.IGNORECASE)
_NAMED = re.compile(rf"(?P<name>{PERSON_NAME})(?P<rest>.*)$")
# One of a list's persons, after the form of address: "Ms. Paola Castaneda-Ruiz, Special
# Rapporteur on ...".
_LISTED = re.compile(rf"(?P<name>{PERSON_NAME}),")
# "The experts:", "The members of the panel:": a short label.
LABEL_WORDS = 4


def _unheaded(label: str, cues: StructureCues) -> bool:
    """An author's label that is not a heading's words ("Asked by", not "Statement by")."""
    return label in cues.author_labels and label.split(maxsplit=1)[0] not in cues.document_nouns


def _listed_authors(
    zones: Zones, line: Line, words: list[str], colon: str, cues: StructureCues
) -> list[list[Token]]:
    """The persons a plural author's label lists ("Authors of the initiative: ..."), on
    its line and the next when the list wraps onto it."""
    # A plural label: "Author of the article: NAME" names one, as the label rule reads it.
    if not colon or len(words) < 2 or words[0] not in cues.author_labels or words[0][-1] != "s":
        return []
    text = zones.analysis.original
    end = line.end
    following = next((n for n in zones.lines if n.start > line.end), None)
    # The list goes on to the next line only where its line ends in "and" or a comma.
    wraps = line.text.rstrip().endswith((",", " and"))
    if wraps and following is not None and text.count("\n", line.end, following.start) == 1:
        end = following.end
    tokens = zones.analysis.tokens(line.start + line.text.index(":") + 1, end)
    # Each name of the list ("NAME and NAME", "NAME, NAME"): the person the parser finds in
    # it, else its last two words where both are capitalised (the parser may take a name
    # for a people's, or run it into the body before it).
    listed: list[list[Token]] = []
    for part in _conjuncts(tokens):
        found = persons(zones.analysis, part)
        kept = [t for t in part if not t.is_space]
        if found:
            listed += found
        elif len(kept) >= 2 and all(t.is_title and t.is_alpha for t in kept[-2:]):
            listed.append(kept[-2:])
    return listed


def _conjuncts(tokens: list[Token]) -> list[list[Token]]:
    parts: list[list[Token]] = [[]]
    for token in tokens:
        if token.lower_ in {"and", ","}:
            parts.append([])
        else:
            parts[-1].append(token)
    return [p for p in parts if p]


def labelled_speaker(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The person after a speaker's or author's label, anchored with the title after the
    name up to a bracket."""
    text = zones.analysis.original
    cues = lexicon.structure
    for line in zones.head:
        label, colon, value = line.text.partition(":")
        # "Asked by NAME", "Written by NAME": a label that ends in "by" needs no colon (not a
        # heading's "Statement by ...", read as one).
        by = _BY_LABEL.match(line.text)
        if not colon and by is not None and _unheaded(by["label"].lower(), cues):
            label, colon, value = by["label"], " ", line.text[by.end("label") + 1 :]
        words = label.lower().split()
        # "Speaker: NAME", or a title that labels its holder ("Spokesperson for the High
        # Commissioner: NAME").
        titled = (
            bool(words)
            and words[0] in cues.titles
            and words[0] not in cues.presiding | cues.hosts  # "Chair:" gives the floor
            and len(words) <= TITLE_WORDS
        )
        # "Authors of the initiative: deputies of X NAME and NAME": every person named.
        listed = _listed_authors(zones, line, words, colon, cues)
        if listed:
            return [
                found(text, *zones.analysis.span_of(p), "labelled speaker", mentions, lexicon)
                for p in listed
            ]
        if not colon or not (label.strip().lower() in cues.author_labels or titled):
            continue
        start = line.start + len(label) + 1
        start += len(value) - len(value.lstrip())
        named = _NAMED.match(value.strip())
        if named is None:
            continue
        name_end = start + named.end("name")
        title_end = start + len(named["name"]) + len(named["rest"].split("(")[0].rstrip())
        speaker = found(text, start, name_end, "labelled speaker", mentions, lexicon)
        return [replace(speaker, span=make_span(text, start, title_end))]
    return []


def listed_speakers(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """ "UN experts today expressed ..." and, below, "The experts: Ms. NAME, Special
    Rapporteur on ...; Mr. NAME, ...": the persons a paragraph lists under the noun the
    lead's subject is, each up to the title after the comma."""
    text = zones.analysis.original
    cues = lexicon.structure
    start, lead = zones.lead
    sentences = list(lead.doc.sents)[:1]
    subjects = {
        c.lemma_.lower()
        for t in (sentences[0] if sentences else [])
        for c in t.children
        if c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.tag_ == "NNS"
    }
    if not subjects:
        return []
    for line in zones.lines:
        label, colon, value = line.text.partition(":")
        words = label.lower().split()
        if line.start < start or not colon or not 0 < len(words) <= LABEL_WORDS:
            continue
        label_tokens = zones.analysis.tokens(line.start, line.start + len(label))
        if label_tokens[-1].lemma_.lower() not in subjects:
            continue
        at = line.start + len(label) + 1
        listed = []
        for part in value.split(";"):
            first = part.split(maxsplit=1)
            addressed = bool(first) and first[0].rstrip(".").lower() in cues.address_forms
            after = part.index(first[1]) if addressed and len(first) > 1 else 0
            named = _LISTED.match(part, len(part) - len(part[after:].lstrip()))
            # Each with an office after the comma ("Special Rapporteur on ..."), not a
            # relation or an age ("son of ...", "61").
            held = named is not None and any(
                w.lower().strip(".,") in cues.titles for w in part[named.end() :].split()[:3]
            )
            if named is not None and held:
                begin = at + named.start("name")
                end = begin + len(named["name"])
                listed.append(found(text, begin, end, "listed", mentions, lexicon))
            at += len(part) + 1
        if len(listed) > 1:
            return listed
    return []
