"""Finds in a text what a sidecar would say about it: issuer(s), the site that relayed it,
issue date, document type, place and addressee, each with the span it came from. Used to
draft a sidecar for a curator to confirm (statement-kg draft-metadata) and to evaluate
documents that have none. The document's structure (statement_kg.structure) says where the
genre puts each of them."""

from __future__ import annotations

import re

from statement_kg.extract.spans import make_span
from statement_kg.lexicon import Lexicon
from statement_kg.structure.document import read_structure
from statement_kg.structure.found import Found

__all__ = [
    "Found",
    "find_addressee",
    "find_document_type",
    "find_issue_date",
    "find_issuers",
    "find_place",
    "find_relays",
    "own_date_spans",
]

# The document type is announced in the first lines.
TYPE_HEAD_CHARS = 2000


def find_issuers(text: str, lexicon: Lexicon) -> list[Found]:
    return list(read_structure(text, lexicon).issuers)


def find_relays(text: str, lexicon: Lexicon) -> list[Found]:
    """The news sites that relay the text: never its issuers."""
    return list(read_structure(text, lexicon).relays)


def find_issue_date(text: str, lexicon: Lexicon) -> Found | None:
    date = read_structure(text, lexicon).date
    return Found(date.date.iso, date.span, kind=date.kind) if date else None


def own_date_spans(text: str, lexicon: Lexicon) -> tuple[tuple[int, int], ...]:
    """The document's own date lines and relay header: no event is dated there."""
    return read_structure(text, lexicon).own_spans


def find_place(text: str, lexicon: Lexicon) -> Found | None:
    """Where the text says it was issued (its dateline), and nowhere else."""
    return read_structure(text, lexicon).place


def find_addressee(text: str, lexicon: Lexicon) -> Found | None:
    return read_structure(text, lexicon).addressee


def find_document_type(text: str, lexicon: Lexicon) -> Found | None:
    head = text[:TYPE_HEAD_CHARS]
    for type_id, cue in lexicon.claims.document_type_cues.items():
        match = re.search(cue, head, re.IGNORECASE | re.MULTILINE)
        if match and type_id in lexicon.document_types:
            return Found(type_id, make_span(text, *match.span()))
    return None
