"""Names of bodies and places that hold a term ("the Lemkin Institute for Genocide
Prevention", "Atrocity Early Warning Network"): the term is part of a name the text uses,
not what its issuer calls an event."""

from __future__ import annotations

from statement_kg.language import Analysis

# The parser's labels of named bodies and buildings.
_NAMED = frozenset({"ORG", "FAC"})


def body_names(
    analysis: Analysis, heads: frozenset[str], documents: frozenset[str]
) -> list[tuple[int, int]]:
    """The spans of the parser's named bodies that hold a noun heading a body's name
    ("Institute", "Network", "Museum"); a term alone ("the Khojaly Genocide") is none, nor
    is a headline the parser runs into a body's name ("Lemkin Institute Statement on
    Ethnic Cleansing": a document's noun after the body's)."""
    names = []
    for entity in analysis.doc.ents:
        # The parser may run a heading into the line after a blank one: no name does.
        if entity.label_ not in _NAMED or "\n\n" in entity.text:
            continue
        at = [n for n, t in enumerate(entity) if t.lower_ in heads or t.lemma_.lower() in heads]
        if not at:
            continue
        after = {t.lemma_.lower() for t in entity[at[0] :] if t.pos_ in {"NOUN", "PROPN"}}
        if not after & documents:
            names.append(analysis.span_of(list(entity)))
    return names
