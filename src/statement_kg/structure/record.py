"""A meeting's record (a parliament's verbatim report, a UN organ's record of a meeting):
paragraphs that open with their speaker's label, the chair's among them ("The President: I
now give the floor ...", "President. - The next item is ..."). The speakers who hold the
floor are the record's issuers, each where its first turn names it; the chair, who only
gives the floor, is none, and neither is a speaker whose turns are short beside the main
ones (a delegation's few lines before the statement an excerpt is kept for)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from statement_kg.extract.turns import asks
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.names import BRACKETS, NAME_WORDS, found, named_in_full
from statement_kg.structure.zones import Zones

# A label opens a line and ends in a colon ("Mr. X (Azerbaijan):") or a dash after the
# speaker's name and aside ("Jane Doe, on behalf of the ECR Group. -", "NAME (Kars) - ").
_LABEL = re.compile(
    r"(?:^|\n)[ \t]*(?P<label>[A-Z][^\n:–—]{0,100}?)[ \t]*(?::|\.?[ \t]+[-–—])[ \t]+(?=\S)"
)
# What follows a speaker's name in its label: the country or group in brackets, an aside.
_NAME_END = re.compile(r"\s*[,(]")
# An office and a name in a label: "MINISTER OF FOREIGN AFFAIRS KEMAL AYDIN".
OFFICE_WORDS = 8
# A speaker holds the floor when their turns are at least this share of the longest's.
MAIN_SHARE = 0.5
# Words a chair's label may hold besides its office ("The Acting President", "Madam
# President").
_CHAIR_WORDS = frozenset({"the", "madam", "mr", "mrs", "ms", "mister"})


@dataclass(frozen=True)
class _Turn:
    start: int
    end: int
    # The speaker's name (start, end), with its country in brackets; None for the chair
    # and for a journalist's question at a press conference.
    name: tuple[int, int] | None
    asks: bool = False


def _chair(label: str, presiding: frozenset[str]) -> bool:
    words = [w.strip(".,").lower() for w in BRACKETS.sub(" ", label).split()]
    return (
        bool(words)
        and any(w in presiding for w in words)
        and all(w in presiding | _CHAIR_WORDS for w in words)
    )


def _speaker(
    zones: Zones, start: int, label: str, forms: frozenset[str], titles: frozenset[str]
) -> tuple[int, int] | None:
    """The name a speaker's label opens with (and the country in brackets after it): a
    form of address and a name, a person the parser finds there, or a name followed by
    its group or country."""
    cut = _NAME_END.search(label)
    name = label[: cut.start()] if cut else label
    end = start + len(name)
    bracket = re.match(r"\s*\([^()\n]*\)", label[len(name) :])
    with_country = end + bracket.end() if bracket else end
    words = name.split()
    if not words:
        return None
    if words[0].strip(".").lower() in forms and len(words) > 1 and words[1][:1].isupper():
        return start, with_country
    tokens = zones.analysis.tokens(start, end)
    if tokens and tokens[0].ent_type_ == "PERSON" and tokens[-1].ent_type_ == "PERSON":
        return start, with_country
    # "MINISTER OF FOREIGN AFFAIRS NAME (Konya)": an office before the name makes it longer.
    office = words[0].lower() in titles and len(words) <= OFFICE_WORDS
    capitalised = all(w[:1].isupper() for w in words) and (len(words) in NAME_WORDS or office)
    # "Mehmet Tekinalp: ...": a name the text gave before, where it introduced the speaker.
    introduced = capitalised and _named_before(zones.analysis.original, name.strip(), start)
    return (start, with_country) if capitalised and (cut or introduced) else None


def _named_before(text: str, name: str, before: int) -> bool:
    """Whether the text names the speaker before, other than in a label of theirs."""
    return re.compile(rf"{re.escape(name)}(?![ \t]*:)").search(text, 0, before) is not None


def _turns(zones: Zones, lexicon: Lexicon) -> list[_Turn]:
    """The turns of the record, the chair's (and the journalists' questions at a press
    conference, "Question (AzTV): ...") with no name."""
    text = zones.analysis.original
    cues = lexicon.structure
    labels: list[tuple[int, tuple[int, int] | None, bool]] = []
    # The chair may open the record above its body ("President:  Mr. X ...... (Albania)").
    for m in _LABEL.finditer(text, 0, zones.body_end):
        # "Speaker: NAME, Head of ..." above the body says who speaks, not who chairs.
        head_label = m.start("label") < zones.body_start
        if head_label and m["label"].strip().lower() in cues.author_labels:
            continue
        # A plain hyphen sets off a label only in capitals ("MEHMET YILDIRIM (Kars) - "): in
        # mixed case it joins a programme's, a glossary's or a sentence's words.
        hyphened = text[m.end("label") : m.end()].strip() == "-"
        if hyphened and not BRACKETS.sub(" ", m["label"]).isupper():
            continue
        asked = asks(m["label"])
        if asked or _chair(m["label"], cues.presiding):
            labels.append((m.start("label"), None, asked))
            continue
        name = _speaker(zones, m.start("label"), m["label"], cues.address_forms, cues.titles)
        if name is not None:
            labels.append((m.start("label"), name, False))
    ends = [start for start, _, _ in labels[1:]] + [zones.body_end]
    return [
        _Turn(start, end, name, asked)
        for (start, name, asked), end in zip(labels, ends, strict=False)
    ]


def record_speakers(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The main speakers of a record in which the chair gives the floor, or of a press
    conference at which several answer the journalists' questions."""
    turns = _turns(zones, lexicon)
    if not any(t.name is None for t in turns):
        return []
    text = zones.analysis.original
    chaired = any(t.name is None and not t.asks for t in turns)
    held: dict[str, int] = defaultdict(int)
    first: dict[str, tuple[int, int]] = {}
    for turn in turns:
        if turn.name is None:
            continue
        key = " ".join(BRACKETS.sub(" ", text[slice(*turn.name)]).split()).casefold()
        held[key] += turn.end - turn.start
        first.setdefault(key, turn.name)
    # Questions alone, with one who answers them, make an interview (structure.transcript),
    # not a record.
    if not held or (not chaired and len(held) < 2):
        return []
    # At a press conference everyone who answers the journalists holds the floor, named
    # where the heading or the introduction first names them in full.
    least = MAIN_SHARE * max(held.values()) if chaired else 0
    return [
        found(text, *_where(zones, first[key], chaired), "record", mentions, lexicon)
        for key in first
        if held[key] >= least
    ]


def _where(zones: Zones, label: tuple[int, int], chaired: bool) -> tuple[int, int]:
    """Where a speaker is anchored: a record's at its first turn's label, a press
    conference's where the heading or the introduction first names them in full."""
    if chaired:
        return label
    name = BRACKETS.sub(" ", zones.analysis.original[slice(*label)])
    return named_in_full(zones.analysis, name, 0, label[0]) or label
