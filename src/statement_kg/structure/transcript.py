"""A broadcast or published interview set out in turns ("HOST (NAME): ...", "MAMMADZADE:
...", "Q: ..."): the guest, the speaker who answers, is the issuer, anchored where the text
names them in full; the broadcaster or outlet on the first line carries the transcript, a
relay. Read only where nothing else names an issuer."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from statement_kg.extract.turns import ANSWER_LABELS, QUESTION_LABELS, Turn, find_turns
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.names import found, named_in_full, persons
from statement_kg.structure.zones import Zones, line_above

# The guest answers at least this many turns.
GUEST_TURNS = 2
# A paragraph that opens with a dash is a turn of an interview set out without labels.
_DASHED = re.compile(r"^[ \t]*[-–—][ \t]+\S", re.MULTILINE)
# Questions and answers: at least two of each.
DASHED_TURNS = 4
# "- Mr. Melkumyan, ...", "- Zarifa khanim, ...": a question's address is a few words.
ADDRESS_WORDS = 4


def _guest_label(
    text: str, turns: tuple[Turn, ...], hosts: frozenset[str], presiding: frozenset[str]
) -> str | None:
    """The label that speaks most, other than the questions', the host's (by role, or by
    the name the text gives the host: "Host Petros Ghazaryan talks to ...") and a chair's."""
    asking = _asking(text, turns)
    counts = Counter(
        t.label
        for t in turns
        if t.label.split()[0].lower().strip(".") not in QUESTION_LABELS | hosts | presiding
        and not _named_host(text, t.label, hosts)
        and t.label not in asking
    )
    if not counts:
        return None
    label, times = counts.most_common(1)[0]
    return label if times >= GUEST_TURNS else None


def _asking(text: str, turns: tuple[Turn, ...]) -> set[str]:
    """The labels whose turns are questions, most of them ("CER: ... What did you see?"):
    the outlet's or the host's, whatever the label calls them."""
    asked: Counter[str] = Counter()
    said: Counter[str] = Counter()
    for turn in turns:
        said[turn.label] += 1
        asked[turn.label] += text[turn.start : turn.end].rstrip().endswith("?")
    return {label for label, times in said.items() if 2 * asked[label] > times}


def _named_host(text: str, label: str, hosts: frozenset[str]) -> bool:
    """Whether the text names the label's speaker as the host ("Host NAME", "HOST (NAME)")."""
    role = "|".join(sorted(re.escape(h) for h in hosts))
    surname = re.escape(label.rsplit(maxsplit=1)[-1])
    # Not the host's own turn that opens with the guest's name ("HOST: Naira X, thank you").
    named = rf"(?i:\b(?:{role})\b)(?![ \t]*:)[\s(:]+(?:[A-Z][\w'’.-]*\s+){{0,3}}(?i:{surname})\b"
    return bool(hosts) and re.search(named, text) is not None


def guest(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The guest of an interview in turns, named in full before the first answer (the
    host's introduction), else at the label of that answer."""
    text = zones.analysis.original
    turns = find_turns(text, zones.body_start, zones.body_end, lexicon.claims.voice.field_labels)
    label = _guest_label(text, turns, lexicon.structure.hosts, lexicon.structure.presiding)
    if label is None:
        dashed = _dashed_guest(zones, lexicon.structure.address_forms)
        return [found(text, *dashed, "interview", mentions, lexicon)] if dashed else []
    first = next(t for t in turns if t.label == label)
    if label.lower().strip(".") in ANSWER_LABELS:
        # "Q: ... / A: ...": the guest is the one the introduction names, not the one it
        # says the interview is by.
        named = _introduced(zones, first.start)
        return [found(text, *named, "interview", mentions, lexicon)] if named else []
    # The guest is named in full above the first answer: in the introduction, or in the
    # headline ("a conversation with historian NAME") where the head reaches past it.
    name = named_in_full(zones.analysis, label, 0, first.start)
    if name is not None:
        return [found(text, *name, "interview", mentions, lexicon)]
    return [found(text, first.start, first.start + len(label), "interview", mentions, lexicon)]


def _dashed_guest(zones: Zones, forms: frozenset[str]) -> tuple[int, int] | None:
    """An interview in dashes, no labels ("- Mr. X, what did you see?" / "- We walked
    ..."): the person the introduction names in full whom the first question addresses
    ("Mr. Melkumyan", "Zarifa khanim"); with no address, the first person it names (the
    correspondent comes after)."""
    text = zones.analysis.original
    turns = [
        m.start()
        for m in _DASHED.finditer(text, zones.body_start)
        if m.start() == zones.body_start or _after_blank_line(text, m.start())
    ]
    # Questions and answers take turns: the first asks, and most of every other one after.
    asked = [text[a:b].strip().endswith("?") for a, b in pairwise(turns)]
    questions, answers = asked[::2], asked[1::2]
    if len(turns) < DASHED_TURNS or not asked[0]:
        return None
    if 2 * sum(questions) <= len(questions) or 2 * sum(answers) >= len(answers):
        return None
    question = text[turns[0] : turns[1]].strip().lstrip("-–— ")
    analysis = zones.analysis
    opening, comma, _ = question.partition(",")
    address = opening if comma and len(opening.split()) <= ADDRESS_WORDS else ""
    addressed = [w for w in re.findall(r"\w+", address) if w.istitle() and w.lower() not in forms]
    # The name in full, the address's word among its capitalised words ("Zarifa" in
    # "Zarifa Mammadova was 34 ..."), in a sentence of the introduction, not a headline.
    for word in addressed:
        named = re.compile(
            rf"\b(?:[A-Z][\w'’-]+[ \t]+){{0,2}}{re.escape(word)}\b(?:[ \t]+[A-Z][\w'’-]+){{0,2}}"
        )
        for match in named.finditer(text, 0, turns[0]):
            if match.group() != word and _in_prose(text, match.start()):
                return match.span()
    people = persons(analysis, analysis.tokens(zones.body_start, turns[0]))
    return analysis.span_of(people[0]) if people and not addressed else None


def _after_blank_line(text: str, line_start: int) -> bool:
    """Whether the line that starts at `line_start` opens a paragraph: the line above it is
    blank (or only spaces)."""
    return text.rfind("\n", 0, max(0, line_start - 1)) >= 0 and not line_above(
        text, line_start
    ).strip(" \t")


def _in_prose(text: str, at: int) -> bool:
    """Whether the words at `at` stand in a paragraph of sentences, not a heading."""
    end = text.find("\n\n", at)
    paragraph = text[text.rfind("\n\n", 0, at) + 1 : len(text) if end < 0 else end]
    return bool(re.search(r"[.!?][\"”’)]?\s", paragraph + " "))


def _introduced(zones: Zones, before: int) -> tuple[int, int] | None:
    """The last person the introduction names before the first answer, after no "by"."""
    analysis = zones.analysis
    people = [
        run
        for run in persons(analysis, analysis.tokens(zones.body_start, before))
        if not (run[0].i > 0 and run[0].nbor(-1).lower_ == "by")
    ]
    return analysis.span_of(people[-1]) if people else None


def broadcaster(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The outlet named on the first line, before or after its programme ("ICTIMAI
    TELEVISION (ITV) - "DIPLOMATIC HOUR"", "TRANSCRIPT - "PROGRAMME", OUTLET TV"): the first
    of the line's cells that is no kind of text, no programme in quotation marks and no
    date."""
    text = zones.analysis.original
    if not zones.head:
        return []
    first = zones.head[0]
    position = first.start
    cells = re.finditer(rf"{lexicon.structure.separators.pattern}|,", first.text)
    for cut in [*cells, None]:
        end = first.start + cut.start() if cut else first.end
        cell = text[position:end]
        start = position + len(cell) - len(cell.lstrip())
        words = " ".join(cell.split())
        position = first.start + cut.end() if cut else first.end
        if words.lower() in lexicon.structure.path_roots:
            return []  # "Home > Press Centre > ...": a site's path, no outlet
        if (
            not words
            or words.lower() in lexicon.structure.section_labels
            or words[0] in "\"“«'"
            or any(c.isdigit() for c in words)
        ):
            continue
        return [found(text, start, start + len(cell.strip()), "relay header", mentions, lexicon)]
    return []
