"""statement-kg: a linked-data knowledge graph of official statements.

The graph records who claims what, in which words; it never states a contested claim as fact.
`statement_kg.open_graph(".")` opens a built graph for Python (see statement_kg.api).
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["KnowledgeGraph", "Rows", "__version__", "open_graph"]


def __getattr__(name: str) -> Any:
    # The API loads the store on first use, so that the command line, which imports this
    # package for its version, does not.
    if name in ("KnowledgeGraph", "Rows", "open_graph"):
        from statement_kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'statement_kg' has no attribute {name!r}")
