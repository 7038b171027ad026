"""The turns of an interview, a briefing or a meeting record: paragraphs that open with
their speaker's label ("AW: ...", "Question (Armenpress): ...", "Mr. X (Armenia): ..."), each
turn running to the next label. What is said in a turn is its speaker's: the issuer's own
in the issuer's turns, reported from the speaker in anyone else's."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A label: a few words from a capital, a colon, then the turn's words on the same line; it
# opens a paragraph, or a line where it is a question's or an answer's ("Q: ...\nA: ...").
_LABEL = re.compile(
    r"(?:^|\n[ \t]*\n|\n(?=[ \t]*(?:Q|A|Question|Answer)[ \t]*:))"
    r"[ \t]*(?P<label>[A-Z][^:\n]{0,60}?)[ \t]*:[ \t]+\S"
)
LABEL_WORDS = 6
# A text is set out in turns when this many paragraphs open with a speaker's label.
MIN_TURNS = 2
# "Question (Armenpress)": the questioner named in brackets.
_BRACKETED = re.compile(r"\((?P<inner>[^()]+)\)\s*$")


@dataclass(frozen=True)
class Turn:
    start: int
    end: int
    label: str
    # In a text of questions and answers, every turn but a question is the answerer's.
    questions: bool = False

    @property
    def asks(self) -> bool:
        return asks(self.label)

    @property
    def answers(self) -> bool:
        """Whether the turn is the answerer's: an answer's label, or any turn but a
        question's where the text sets out questions."""
        words = self.label.split()
        label = words[0].lower() if words else ""
        return label in ANSWER_LABELS or (self.questions and label not in QUESTION_LABELS)

    @property
    def speaker(self) -> str:
        """The words that name the turn's speaker: the questioner a question's label names
        in brackets, else the label."""
        inner = _BRACKETED.search(self.label)
        first = self.label.split()[0].lower() if self.label.split() else ""
        return inner["inner"] if inner and first in QUESTION_LABELS else self.label


QUESTION_LABELS = frozenset({"question", "q"})
ANSWER_LABELS = frozenset({"answer", "a", "reply"})


def asks(label: str) -> bool:
    """A question's label ("Q", "Question (AzTV)"): a journalist's turn."""
    words = label.split()
    return bool(words) and words[0].lower() in QUESTION_LABELS


def find_turns(text: str, start: int, end: int, fields: frozenset[str]) -> tuple[Turn, ...]:
    """The turns between `start` and `end` (the body of the text); none unless the text is
    set out in turns. `fields` are labels that name a field, not a speaker ("Tags",
    "Subject")."""
    labels = [
        m
        for m in _LABEL.finditer(text, start, end)
        if len(m["label"].split()) <= LABEL_WORDS
        and m["label"].split()[0].lower().strip(".") not in fields
    ]
    if len(labels) < MIN_TURNS:
        return ()
    bounds = [m.start("label") for m in labels] + [end]
    questions = any(m["label"].split()[0].lower() in QUESTION_LABELS for m in labels)
    return tuple(
        Turn(bounds[n], bounds[n + 1], " ".join(m["label"].split()), questions)
        for n, m in enumerate(labels)
    )
