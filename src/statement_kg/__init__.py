"""statement-kg: a linked-data knowledge graph of official statements.

The graph records who claims what, in which words; it never states a contested claim as fact.
"""

__version__ = "0.1.0"
