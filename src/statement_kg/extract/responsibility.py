"""Attributions of responsibility: in a sentence that names an event, the agents the
statement says did it, each with its role (perpetrator, supporter, commander,
responsible), found by the role cues of mappings/claims.yaml around the agent's mention."""

from __future__ import annotations

import re
from functools import cache

from statement_kg.extract.spans import Nearby, SentenceIndex, nearby_mentions
from statement_kg.lexicon import ClaimWords
from statement_kg.records import Mention, Responsibility

CUE_WINDOW = 80
_PREPOSITION = re.compile(
    r"\b(?:in|of|from|against|to|for|with|on|at|into)\s+(?:the\s+)?$", re.IGNORECASE
)


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def find_responsibilities(
    text: str,
    words: ClaimWords,
    agents: list[Mention],
    events: list[Mention],
    placed: list[Mention],
    quotes: list[tuple[int, int]],
    index: SentenceIndex,
) -> list[Responsibility]:
    """In a sentence that names no event, `placed` stands in: the mention of a place for the
    events known to have happened there ("X committed ... against the civilians of Khojaly")."""
    found: list[Responsibility] = []
    # Each agent asks only the quotes and events near it: all of them is quadratic.
    near_quotes = Nearby(quotes, lambda span: span)
    near_events, near_placed = nearby_mentions(events), nearby_mentions(placed)
    for agent in agents:
        at = agent.span.start
        if any(q0 <= at < q1 for q0, q1 in near_quotes.near(at, at)):
            continue
        s_start, s_end = index.around(agent.span.start)
        in_sentence = [
            e for e in near_events.near(s_start, s_end) if s_start <= e.span.start < s_end
        ] or [e for e in near_placed.near(s_start, s_end) if s_start <= e.span.start < s_end]
        if not in_sentence:
            continue
        left = text[max(s_start, agent.span.start - CUE_WINDOW) : agent.span.start]
        right = text[agent.span.end : min(s_end, agent.span.end + 2 * CUE_WINDOW)]
        # "the region of Azerbaijan committed by ..." is no subject: after a preposition an
        # agent does not act.
        subject = not _PREPOSITION.search(left)
        # A cue right before the agent ("with the help of X") says more than a verb after
        # it, so all `before` cues are tried first.
        role = next(
            (r for r in words.roles.values() if any(_rx(p).search(left) for p in r.before)), None
        )
        if role is None and subject:
            role = next(
                (r for r in words.roles.values() if any(_rx(p).search(right) for p in r.after)),
                None,
            )
        if role is not None:
            event = min(
                in_sentence,
                key=lambda e: (abs(e.span.start - agent.span.start), e.span.start, e.entity),
            ).entity
            found.append(Responsibility(event, agent.entity, role.id, agent.span))
    return found
