"""Works a text names in full once and then calls by their kind: "the International
Convention on the Elimination of All Forms of Racial Discrimination ... under article 9 of
the Convention". "The Convention", with its capital, cites the one convention named before
it; where two were named, it says not which, and cites none."""

from __future__ import annotations

import re
from functools import cache

from statement_kg.extract.spans import SpanSet, make_span
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention

# A convention named in full: "X Convention", "Convention on/against/for ...".
_NAMED_IN_FULL = re.compile(
    r"\b[A-Z][\w-]+\s+Convention\b|\bConvention\s+(?:on|against|for)\s+[A-Z]"
)


@cache
def _referring(words: tuple[str, ...]) -> re.Pattern[str]:
    # Not the start of another name ("the Convention on the Rights of the Child").
    return re.compile(
        r"\b[Tt]he\s+(?P<word>" + "|".join(re.escape(w) for w in words) + r")\b"
        r"(?!\s+(?:on|for|against|of|relating|concerning)\b|[ \t]+[A-Z])"
    )


def referred_back(text: str, mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """A mention of the work each "the <Kind>" refers back to."""
    words = dict(lexicon.claims.citations.back_references)
    if not words:
        return []
    named = sorted(
        # Works the mappings know: a name read from the text may be a fragment of one.
        (
            m
            for m in mentions
            if lexicon.entities[m.entity].type in words.values()
            and not lexicon.entities[m.entity].recognised
        ),
        key=lambda m: m.span.start,
    )
    # Each "the <Kind>" asks only whether its words are taken: all mentions is quadratic.
    taken = SpanSet((m.span.start, m.span.end) for m in mentions)
    # Conventions named in full that the mappings do not know ("the Istanbul Convention",
    # "Convention against Torture"): where one comes first, "the Convention" may mean it.
    first_unknown = next(
        (m.start() for m in _NAMED_IN_FULL.finditer(text) if not taken.holds(m.start())),
        len(text),
    )
    found = []
    for match in _referring(tuple(words)).finditer(text):
        word = match["word"]
        # The work it refers back to carries the word in its name ("the Covenant" is no
        # convention named "Convention ...").
        before = {
            m.entity
            for m in named
            if m.span.end <= match.start()
            and lexicon.entities[m.entity].type == words[word]
            and word in lexicon.entities[m.entity].label
        }
        start, end = match.span("word")
        unsure = first_unknown < match.start()
        if len(before) != 1 or unsure or taken.overlaps(start, end):
            continue
        found.append(Mention(before.pop(), make_span(text, match.start(), end)))
    return found
