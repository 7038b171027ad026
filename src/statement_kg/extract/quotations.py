"""Direct quotations and their speakers. A speaker is the nearest agent before the quote,
in its sentence, with a verb of saying between them; an agent after "quoted by" is the
reporter, not the speaker; an agent after a preposition ("in Azerbaijan") is not a subject.
Quoted titles (of a work already recognised) and quotes with no speaker are left out."""

from __future__ import annotations

import re
from functools import cache

from statement_kg.extract.spans import SentenceIndex, make_span
from statement_kg.lexicon import ClaimWords
from statement_kg.records import Mention, Quotation, QuotationOfRecord

_QUOTES = re.compile(
    r"“(?P<curly>[^”]{2,1500})”|(?<![\w\"])\"(?P<straight>\w[^\"]{1,1500}?[\w.!?,\]])\"(?!\w)"
)
_REPORTER = re.compile(r"quoted\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_PREPOSITION = re.compile(
    r"\b(?:in|of|from|against|to|by|for|with|on|at|into)\s+(?:the\s+)?$", re.IGNORECASE
)
SPEAKER_WINDOW = 400


@cache
def _verbs(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks."""
    return [
        m.span("curly") if m.group("curly") else m.span("straight") for m in _QUOTES.finditer(text)
    ]


def _speaker(
    text: str,
    start: int,
    agents: list[Mention],
    quotes: list[tuple[int, int]],
    words: ClaimWords,
    index: SentenceIndex,
) -> str | None:
    sentence_start, _ = index.around(start)
    begin = max(0, min(sentence_start, start - SPEAKER_WINDOW), start - SPEAKER_WINDOW)
    verbs = _verbs(words.speech_verbs)
    candidates = [
        m
        for m in agents
        if begin <= m.span.start
        and m.span.end <= start
        and not any(q0 <= m.span.start < q1 for q0, q1 in quotes)
        and not _PREPOSITION.search(text, max(0, m.span.start - 12), m.span.start)
    ]
    for mention in reversed(candidates):
        if _REPORTER.search(text, max(0, mention.span.start - 60), mention.span.start):
            continue
        if verbs.search(text, mention.span.end, start):
            return mention.entity
    return None


def find_quotations(
    text: str,
    agents: list[Mention],
    works: list[Mention],
    words: ClaimWords,
    records: dict[str, QuotationOfRecord],
    index: SentenceIndex,
) -> list[Quotation]:
    quotes = quoted_spans(text)
    found = []
    for start, end in quotes:
        if any(w.span.start <= start and end <= w.span.end + 1 for w in works):
            continue
        speaker = _speaker(text, start, agents, quotes, words, index)
        quoted = text[start:end]
        of_record = next(
            (r.id for r in records.values() if re.search(r.match, quoted, re.IGNORECASE)), None
        )
        if of_record is not None and speaker is None:
            speaker = records[of_record].speaker
        if speaker is None:
            continue
        found.append(Quotation(make_span(text, start, end), speaker, of_record))
    return found
