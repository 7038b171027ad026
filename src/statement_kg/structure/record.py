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

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.names import NAME_WORDS, found
from statement_kg.structure.zones import Zones

# A label opens a line and ends in a colon ("Mr. X (Azerbaijan):") or a dash after the
# speaker's name and aside ("Jane Doe, on behalf of the ECR Group. -").
_LABEL = re.compile(
    r"(?:^|\n)[ \t]*(?P<label>[A-Z][^\n:–—]{0,100}?)[ \t]*(?::|\.?[ \t]+[–—])[ \t]+(?=\S)"
)
# What follows a speaker's name in its label: the country or group in brackets, an aside.
_NAME_END = re.compile(r"\s*[,(]")
_BRACKETS = re.compile(r"\([^()\n]*\)")
# A speaker holds the floor when their turns are at least this share of the longest's.
MAIN_SHARE = 0.5
# Words a chair's label may hold besides its office ("The Acting President", "Madam
# President").
_CHAIR_WORDS = frozenset({"the", "madam", "mr", "mrs", "ms", "mister"})


@dataclass(frozen=True)
class _Turn:
    start: int
    end: int
    # The speaker's name (start, end), with its country in brackets; None for the chair.
    name: tuple[int, int] | None


def _chair(label: str, presiding: frozenset[str]) -> bool:
    words = [w.strip(".,").lower() for w in _BRACKETS.sub(" ", label).split()]
    return (
        bool(words)
        and any(w in presiding for w in words)
        and all(w in presiding | _CHAIR_WORDS for w in words)
    )


def _speaker(zones: Zones, start: int, label: str, forms: frozenset[str]) -> tuple[int, int] | None:
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
    capitalised = all(w[:1].isupper() for w in words) and len(words) in NAME_WORDS
    return (start, with_country) if capitalised and cut else None


def _turns(zones: Zones, lexicon: Lexicon) -> list[_Turn]:
    text = zones.analysis.original
    cues = lexicon.structure
    labels: list[tuple[int, tuple[int, int] | None]] = []
    # The chair may open the record above its body ("President:  Mr. X ...... (Albania)").
    for m in _LABEL.finditer(text, 0, zones.body_end):
        # "Speaker: NAME, Head of ..." above the body says who speaks, not who chairs.
        head_label = m.start("label") < zones.body_start
        if head_label and m["label"].strip().lower() in cues.author_labels:
            continue
        if _chair(m["label"], cues.presiding):
            labels.append((m.start("label"), None))
            continue
        name = _speaker(zones, m.start("label"), m["label"], cues.address_forms)
        if name is not None:
            labels.append((m.start("label"), name))
    ends = [start for start, _ in labels[1:]] + [zones.body_end]
    return [_Turn(start, end, name) for (start, name), end in zip(labels, ends, strict=False)]


def record_speakers(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The main speakers of a record in which the chair gives the floor."""
    turns = _turns(zones, lexicon)
    if not any(t.name is None for t in turns):
        return []
    text = zones.analysis.original
    held: dict[str, int] = defaultdict(int)
    first: dict[str, tuple[int, int]] = {}
    for turn in turns:
        if turn.name is None:
            continue
        key = " ".join(_BRACKETS.sub(" ", text[slice(*turn.name)]).split()).casefold()
        held[key] += turn.end - turn.start
        first.setdefault(key, turn.name)
    if not held:
        return []
    longest = max(held.values())
    return [
        found(text, *first[key], "record", mentions, lexicon)
        for key in first
        if held[key] >= MAIN_SHARE * longest
    ]
