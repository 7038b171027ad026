"""The shortcut skg:inStatement in the committed graph agrees with the long path it stands
for (oa:hasTarget/oa:hasSource): every anchored annotation has it, none names another
statement, nothing else carries it. The shapes check the same per statement at build time;
this checks the merged graph users query."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

PREFIXES = """PREFIX skg: <https://w3id.org/statement-kg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""

# Each query lists what breaks the rule: the answer must be empty.
BREAKS = {
    "annotation-without-shortcut": """
        SELECT ?annotation WHERE {
          ?annotation oa:hasTarget/oa:hasSource ?statement .
          FILTER NOT EXISTS { ?annotation skg:inStatement ?statement }
        }""",
    "shortcut-to-another-statement": """
        SELECT ?annotation ?elsewhere WHERE {
          ?annotation skg:inStatement ?elsewhere .
          FILTER NOT EXISTS { ?annotation oa:hasTarget/oa:hasSource ?elsewhere }
        }""",
    "shortcut-on-no-annotation": """
        SELECT ?node WHERE {
          ?node skg:inStatement ?statement .
          FILTER NOT EXISTS { ?node a oa:Annotation }
        }""",
}


@pytest.mark.parametrize("query", BREAKS.values(), ids=list(BREAKS))
def test_shortcut_agrees_with_the_long_path(store: ox.Store, query: str) -> None:
    answer = store.query(PREFIXES + query)
    assert isinstance(answer, ox.QuerySolutions)
    assert [[str(term) for term in row] for row in answer] == []


def test_every_claim_and_mention_has_the_shortcut(store: ox.Store) -> None:
    """Not vacuous: the corpus has anchored annotations, and each has exactly one."""
    answer = store.query(
        PREFIXES
        + """SELECT (COUNT(DISTINCT ?annotation) AS ?annotations) (COUNT(*) AS ?shortcuts)
        WHERE { ?annotation oa:hasTarget ?target ; skg:inStatement ?statement }"""
    )
    assert isinstance(answer, ox.QuerySolutions)
    ((annotations, shortcuts),) = [tuple(row) for row in answer]
    assert isinstance(annotations, ox.Literal)
    assert isinstance(shortcuts, ox.Literal)
    assert int(annotations.value) > 500
    assert shortcuts == annotations
