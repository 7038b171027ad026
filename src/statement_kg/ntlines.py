"""The graph as sorted, canonical N-Triples lines, the form each document's result is kept
in. Oxigraph writes a line as its three terms, each as `str()` of the term, with a space
between and " .\n" after; a term that is a prefix of another is followed by a space, which
sorts before any character that can continue it (those below it are escaped). So sorting
whole lines is sorting by (subject, predicate, object) as the dumps are ordered, and equal
lines are equal triples: the graph is merged, counted and described without parsing it."""

from __future__ import annotations

from collections.abc import Iterable

# A triple as the N-Triples of its subject, predicate and object.
Terms = tuple[bytes, bytes, bytes]


def merged(parts: Iterable[bytes]) -> bytes:
    """The distinct lines of canonical N-Triples parts, sorted."""
    lines: set[bytes] = set()
    for part in parts:
        lines.update(part.splitlines(keepends=True))
    return b"".join(sorted(lines))


def terms(nt: bytes) -> list[Terms]:
    """Each line's three terms (an object literal may hold spaces: it is the rest)."""
    split = []
    for line in nt.splitlines():
        subject, predicate, rest = line.split(b" ", 2)
        split.append((subject, predicate, rest.removesuffix(b" .")))
    return split


def iri(term: bytes) -> str:
    """The IRI of a term written `<IRI>` (Oxigraph writes an IRI as it is, unescaped)."""
    return term[1:-1].decode()


def written(iri_text: str) -> bytes:
    """An IRI as a term of a line."""
    return f"<{iri_text}>".encode()
