"""Reading SPARQL text just enough to find things in it without a full parser: strings, IRIs
and comments are read whole, so that a brace, a `#` or a keyword inside them is never taken
for syntax. Used to find parameter blocks (params.py) and a query's form (endpoint.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

_TOKENS = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
              |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<word>[A-Za-z_:][\w:.\-]*)
  | (?P<open>\{)
  | (?P<close>\})
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
UPDATES = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD")


class Token(NamedTuple):
    kind: str  # string, iri, var, word, open, close or other
    text: str
    start: int


def tokens(text: str) -> Iterator[Token]:
    """The significant tokens: whitespace and comments are left out."""
    for match in _TOKENS.finditer(text):
        kind = match.lastgroup
        assert kind is not None
        if kind not in ("space", "comment"):
            yield Token(kind, match[0], match.start())


def form(text: str) -> str | None:
    """SELECT, CONSTRUCT, ASK or DESCRIBE for a query, the first keyword for an update (as
    SPARQLWrapper names them), None for neither. SPARQLWrapper's own guess reads words in
    comments: it takes a query whose header says "describe" for a DESCRIBE."""
    for token in tokens(text):
        if token.kind == "word" and token.text.upper() in FORMS + UPDATES:
            return token.text.upper()
    return None
